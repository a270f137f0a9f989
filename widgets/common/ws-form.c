/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-form"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-form.h"
#include "ws-text.h"

/* Small helpers shared by the editors: how a field shows its problem, and
 * how enumerations fill a combo row. */

#define ERROR_LABEL_KEY "ws-form-error-label"

/**
 * ws_form_set_row_error:
 * @message: (nullable): what is wrong with the field, or %NULL to clear
 *
 * Shows @message right beside the field (as a suffix of the row) and
 * marks the row, so the user sees which field to fix and why.
 */
void
ws_form_set_row_error (GtkWidget  *row,
                       const char *message)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), ERROR_LABEL_KEY);

  if (label == NULL && message != NULL)
    {
      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "caption");
      if (ADW_IS_ENTRY_ROW (row))
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      g_object_set_data (G_OBJECT (row), ERROR_LABEL_KEY, label);
    }

  if (label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), message != NULL ? message : "");
      gtk_widget_set_visible (label, message != NULL);
    }

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

/**
 * ws_form_fill_combo:
 *
 * Fills @row with the labels of an enumeration whose values run from 0
 * to @n_values - 1, so the selected position is the value.
 */
void
ws_form_fill_combo (AdwComboRow *row,
                    guint        n_values,
                    WsLabelFunc  label)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (model, label (i));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

char *
ws_form_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

void
ws_form_set_entry_text (AdwEntryRow *row,
                        const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

char *
ws_form_text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
ws_form_set_text_view (GtkTextView *view,
                       const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/**
 * ws_form_error_toast:
 *
 * Returns: (transfer full): a toast telling the user what went wrong
 */
AdwToast *
ws_form_error_toast (const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  return toast;
}

/**
 * ws_form_info_row:
 *
 * Returns: (transfer floating): a read-only row showing @value under @title
 */
GtkWidget *
ws_form_info_row (const char *title,
                  const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               value != NULL && *value != '\0' ? value : _("Not recorded"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

/**
 * ws_form_group_add:
 * @rows: (element-type GtkWidget): where the row is remembered for ws_form_clear_rows()
 */
void
ws_form_group_add (AdwPreferencesGroup *group,
                   GPtrArray           *rows,
                   GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

/**
 * ws_form_clear_rows:
 * @rows: (element-type GtkWidget): rows added with ws_form_group_add()
 */
void
ws_form_clear_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (rows, 0);
}

/**
 * ws_form_party_row:
 *
 * Returns: (transfer floating): a row for a witness's part in a case, with
 *   a button that asks the window to undo the link
 */
GtkWidget *
ws_form_party_row (const char *title,
                   const char *subtitle,
                   gint64      party_id,
                   const char *unlink_tooltip)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *unlink = gtk_button_new_from_icon_name ("list-remove-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (unlink, "flat");
  gtk_widget_set_tooltip_text (unlink, unlink_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL, unlink_tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (unlink), "win.unlink-party");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (unlink), "x", party_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);
  return row;
}

/**
 * ws_form_show_problems:
 * @problems: (element-type WsProblem): what the checks found
 * @problem_label: the editor's line saying nothing was saved
 *
 * Marks each of @fields with its problem (and clears the others), shows
 * @problem_label when there are problems and moves the focus to the
 * first marked row.
 *
 * Returns: whether there were no problems
 */
gboolean
ws_form_show_problems (GPtrArray         *problems,
                       const WsFormField *fields,
                       guint              n_fields,
                       GtkLabel          *problem_label)
{
  GtkWidget *first = NULL;

  for (guint i = 0; i < n_fields; i++)
    {
      const char *message = ws_problems_lookup (problems, fields[i].field);

      ws_form_set_row_error (fields[i].row, message);
      if (message != NULL && first == NULL)
        first = fields[i].row;
    }
  gtk_label_set_text (problem_label, _("Please correct the marked fields. Nothing has been saved."));
  gtk_widget_set_visible (GTK_WIDGET (problem_label), problems->len > 0);
  if (first != NULL)
    gtk_widget_grab_focus (first);
  return problems->len == 0;
}
