/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-document.h"

G_BEGIN_DECLS

/* What tells one previewed sheet from another. The strings are marked
 * with N_() by the dialog and translated here when shown. */
typedef struct
{
  const char *actions;        /* "summary": the dialog's actions summary.print, summary.export */
  const char *audit_kind;     /* "summary": audit events print-summary, export-summary-pdf */
  double      scale;          /* preview pages at this share of their printed size */
  const char *export_title;   /* title of the file chooser */
  const char *saved_message;  /* toast after the PDF is written */
  const char *empty_message;  /* error when there is nothing to export */
} WsPrintPreviewKind;

#define WS_TYPE_PRINT_PREVIEW (ws_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (WsPrintPreview, ws_print_preview, WS, PRINT_PREVIEW, GObject)

WsPrintPreview *ws_print_preview_new          (GtkWidget                *dialog,
                                               WsDatabase               *db,
                                               const WsPrintPreviewKind *kind,
                                               AdwToastOverlay          *toast_overlay,
                                               GtkStack                 *preview_stack,
                                               GtkBox                   *pages_box,
                                               AdwStatusPage            *problem_page);
void            ws_print_preview_set_audit    (WsPrintPreview           *self,
                                               const char               *subject,
                                               const char               *detail);
void            ws_print_preview_show         (WsPrintPreview           *self,
                                               WsDocument               *document);
void            ws_print_preview_show_problem (WsPrintPreview           *self,
                                               const char               *message);
WsDocument     *ws_print_preview_get_document (WsPrintPreview           *self);
guint           ws_print_preview_get_n_pages  (WsPrintPreview           *self);
void            ws_print_preview_print        (WsPrintPreview           *self);
void            ws_print_preview_choose_pdf   (WsPrintPreview           *self,
                                               const char               *suggested_name);
gboolean        ws_print_preview_export_pdf   (WsPrintPreview           *self,
                                               const char               *path,
                                               GError                  **error);

G_END_DECLS
