/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  WS_DOCUMENT_BLOCK_HEADING,
  WS_DOCUMENT_BLOCK_PARAGRAPH,
  WS_DOCUMENT_BLOCK_FIELDS,
  WS_DOCUMENT_BLOCK_TABLE,
  WS_DOCUMENT_BLOCK_NOTE,
} WsDocumentBlockKind;

#define WS_TYPE_DOCUMENT (ws_document_get_type ())

G_DECLARE_FINAL_TYPE (WsDocument, ws_document, WS, DOCUMENT, GObject)

WsDocument          *ws_document_new                (const char          *title);

const char          *ws_document_get_title          (WsDocument          *self);
const char          *ws_document_get_subtitle       (WsDocument          *self);
void                 ws_document_set_subtitle       (WsDocument          *self,
                                                     const char          *subtitle);
const char          *ws_document_get_marking        (WsDocument          *self);
void                 ws_document_set_marking        (WsDocument          *self,
                                                     const char          *marking);
const char          *ws_document_get_prepared_by    (WsDocument          *self);
void                 ws_document_set_prepared_by    (WsDocument          *self,
                                                     const char          *role);
const GDate         *ws_document_get_printed_on     (WsDocument          *self);
void                 ws_document_set_printed_on     (WsDocument          *self,
                                                     const GDate         *date);
const GDate         *ws_document_get_period_from    (WsDocument          *self);
const GDate         *ws_document_get_period_to      (WsDocument          *self);
void                 ws_document_set_period         (WsDocument          *self,
                                                     const GDate         *from,
                                                     const GDate         *to);
char                *ws_document_format_printed_on  (WsDocument          *self);
char                *ws_document_format_period      (WsDocument          *self);
char                *ws_document_format_prepared_by (WsDocument          *self);

void                 ws_document_add_heading        (WsDocument          *self,
                                                     guint                level,
                                                     const char          *text);
void                 ws_document_add_paragraph      (WsDocument          *self,
                                                     const char          *text);
void                 ws_document_add_field          (WsDocument          *self,
                                                     const char          *label,
                                                     const char          *value);
void                 ws_document_begin_table        (WsDocument          *self,
                                                     guint                n_columns,
                                                     const char * const  *headers,
                                                     const double        *widths);
void                 ws_document_add_row            (WsDocument          *self,
                                                     const char * const  *cells);
void                 ws_document_add_note           (WsDocument          *self,
                                                     const char          *text);

guint                ws_document_get_n_blocks       (WsDocument          *self);
WsDocumentBlockKind  ws_document_get_block_kind     (WsDocument          *self,
                                                     guint                block);
const char          *ws_document_get_block_text     (WsDocument          *self,
                                                     guint                block);
guint                ws_document_get_heading_level  (WsDocument          *self,
                                                     guint                block);
guint                ws_document_get_n_fields       (WsDocument          *self,
                                                     guint                block);
void                 ws_document_get_field          (WsDocument          *self,
                                                     guint                block,
                                                     guint                field,
                                                     const char         **label,
                                                     const char         **value);
guint                ws_document_get_n_columns      (WsDocument          *self,
                                                     guint                block);
const char * const  *ws_document_get_table_headers  (WsDocument          *self,
                                                     guint                block);
double               ws_document_get_column_width   (WsDocument          *self,
                                                     guint                block,
                                                     guint                column);
guint                ws_document_get_n_rows         (WsDocument          *self,
                                                     guint                block);
const char * const  *ws_document_get_table_row      (WsDocument          *self,
                                                     guint                block,
                                                     guint                row);

char                *ws_document_to_text            (WsDocument          *self);

G_END_DECLS
