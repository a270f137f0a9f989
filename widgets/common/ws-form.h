/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef const char *(*WsLabelFunc) (int value);

void        ws_form_set_row_error   (GtkWidget   *row,
                                     const char  *message);

/* An editor's row and the field its problems are filed under. */
typedef struct {
  const char *field;
  GtkWidget  *row;
} WsFormField;

gboolean    ws_form_show_problems   (GPtrArray         *problems,
                                     const WsFormField *fields,
                                     guint              n_fields,
                                     GtkLabel          *problem_label);
void        ws_form_fill_combo      (AdwComboRow *row,
                                     guint        n_values,
                                     WsLabelFunc  label);
char       *ws_form_entry_text      (AdwEntryRow *row);
void        ws_form_set_entry_text  (AdwEntryRow *row,
                                     const char  *text);
char       *ws_form_text_view_text  (GtkTextView *view);
void        ws_form_set_text_view   (GtkTextView *view,
                                     const char  *text);
AdwToast   *ws_form_error_toast     (const GError *error);
GtkWidget  *ws_form_info_row        (const char  *title,
                                     const char  *value);

void        ws_form_group_add       (AdwPreferencesGroup *group,
                                     GPtrArray   *rows,
                                     GtkWidget   *row);
void        ws_form_clear_rows      (GPtrArray   *rows);
GtkWidget  *ws_form_party_row       (const char  *title,
                                     const char  *subtitle,
                                     gint64       party_id,
                                     const char  *unlink_tooltip);

G_END_DECLS
