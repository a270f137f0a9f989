/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-form.h"

G_BEGIN_DECLS

/* How one field of a record is edited. The record is any data-layer
 * GObject; a field reads and writes the property @property. */
typedef enum {
  WS_FIELD_TEXT,     /* string, one line */
  WS_FIELD_DATE,     /* string 'YYYY-MM-DD', empty = NULL */
  WS_FIELD_NOTES,    /* string, several lines */
  WS_FIELD_ENUM,     /* enum or int 0..n_values-1, labels from @labels */
  WS_FIELD_SWITCH,   /* boolean */
  WS_FIELD_DAYS,     /* unsigned count, 1..3650 */
  WS_FIELD_MONEY,    /* gint64 minor units; @optional: -1 when empty */
  WS_FIELD_CHOICE,   /* int64 id or string code from ws_record_editor_set_choices() */
} WsFieldKind;

typedef struct {
  WsFieldKind  kind;
  const char  *property;
  const char  *title;     /* translated by the caller */
  const char  *problem;   /* the field name the data layer's problems use */
  const char  *subtitle;  /* (nullable) a hint under switches */
  WsLabelFunc  labels;    /* WS_FIELD_ENUM */
  guint        n_values;  /* WS_FIELD_ENUM: values first..n_values-1 */
  guint        first;
  gboolean     optional;  /* WS_FIELD_MONEY, WS_FIELD_CHOICE: may be empty */
} WsFieldSpec;

typedef void     (*WsRecordCheckFunc) (WsDatabase *db,
                                       gpointer    record,
                                       GPtrArray  *problems);
typedef gboolean (*WsRecordSaveFunc)  (WsDatabase *db,
                                       gpointer    record,
                                       GError    **error);

#define WS_TYPE_RECORD_EDITOR (ws_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (WsRecordEditor, ws_record_editor, WS, RECORD_EDITOR, AdwWindow)

WsRecordEditor *ws_record_editor_new         (GtkWindow          *parent,
                                              WsDatabase         *db,
                                              const char         *title,
                                              const char         *subtitle,
                                              gpointer            record,
                                              const WsFieldSpec  *fields,
                                              guint               n_fields,
                                              WsRecordCheckFunc   check,
                                              WsRecordSaveFunc    save);
void            ws_record_editor_set_choices (WsRecordEditor     *self,
                                              const char         *property,
                                              GStrv               labels,
                                              GArray             *ids,
                                              GStrv               codes);
void            ws_record_editor_set_note    (WsRecordEditor     *self,
                                              const char         *note,
                                              gboolean            warning);
GtkWidget      *ws_record_editor_get_field   (WsRecordEditor     *self,
                                              const char         *property);
gpointer        ws_record_editor_get_record  (WsRecordEditor     *self);
gboolean        ws_record_editor_save        (WsRecordEditor     *self);

G_END_DECLS
