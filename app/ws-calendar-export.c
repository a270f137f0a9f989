/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-calendar-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-calendar-export.h"
#include "ws-store.h"

/* Export iCalendar from the window: the officer chooses whose calendar
 * (an interpreter, a site or a witness by pseudonym) and where to save
 * it; the data layer writes it through libical and audits it. */

typedef struct {
  WsDatabase           *db;
  GtkDropDown          *scope;
  GtkDropDown          *name;
  WsCalendarExportDone  done;
  gpointer              user_data;
  WsCalendarScope       chosen_scope;
  char                 *chosen_name;
} Export;

static void
export_free (gpointer data)
{
  Export *e = data;

  g_clear_object (&e->db);
  g_free (e->chosen_name);
  g_free (e);
}

static void
fill_names (Export *e)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  WsCalendarScope scope = gtk_drop_down_get_selected (e->scope);
  g_autoptr(GPtrArray) items = NULL;

  if (scope == WS_CALENDAR_FOR_INTERPRETER)
    items = ws_database_list_interpreters (e->db, NULL);
  else if (scope == WS_CALENDAR_FOR_SITE)
    items = ws_database_list_sites (e->db, NULL);
  else
    items = ws_database_list_persons (e->db, NULL, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      gtk_string_list_append (names, scope == WS_CALENDAR_FOR_INTERPRETER ? ws_interpreter_get_name (item)
                                     : scope == WS_CALENDAR_FOR_SITE ? ws_site_get_name (item)
                                     : ws_person_get_pseudonym (item));
    }
  gtk_drop_down_set_model (e->name, G_LIST_MODEL (names));
}

static void
scope_changed_cb (GtkDropDown *scope,
                  GParamSpec  *pspec,
                  Export      *e)
{
  fill_names (e);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                GtkWidget       *dialog)
{
  Export *e = g_object_get_data (G_OBJECT (dialog), "ws-export");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL)
    {
      if (!ws_calendar_export_dialog_write (dialog, e->chosen_scope, e->chosen_name, file, &error))
        e->done (error->message, e->user_data);
      else
        e->done (_("Calendar saved. It names witnesses by pseudonym only."), e->user_data);
    }
  g_object_unref (dialog);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Export           *e)
{
  GtkFileChooserNative *chooser;
  GtkStringObject *name = gtk_drop_down_get_selected_item (e->name);
  g_autofree char *suggested = NULL;

  if (g_strcmp0 (response, "export") != 0 || name == NULL)
    return;
  e->chosen_scope = gtk_drop_down_get_selected (e->scope);
  g_free (e->chosen_name);
  e->chosen_name = g_strdup (gtk_string_object_get_string (name));
  suggested = g_strdup_printf ("%s.ics", e->chosen_name);
  g_strdelimit (suggested, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (_("Export iCalendar"), gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* The dialog's data lives until the file is chosen. */
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (dialog));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * ws_calendar_export_dialog_new:
 * @done: told what to say to the user once the file is written or failed
 *
 * Returns: (transfer none): the dialog choosing whose calendar to export
 */
GtkWidget *
ws_calendar_export_dialog_new (GtkWindow            *parent,
                               WsDatabase           *db,
                               WsCalendarExportDone  done,
                               gpointer              user_data)
{
  const char *scopes[] = { _("An interpreter"), _("A site"), _("A witness"), NULL };
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Export iCalendar"),
                                              _("Sessions as calendar events for other calendar programs. Witnesses appear by pseudonym only; cancelled sessions as cancelled events."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  Export *e = g_new0 (Export, 1);

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  e->db = g_object_ref (db);
  e->done = done;
  e->user_data = user_data;
  e->scope = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (scopes));
  e->name = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_expression (e->name, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (e->name, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->scope), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Whose calendar"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (e->scope));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (e->name));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ws-export", e, export_free);
  fill_names (e);
  g_signal_connect (e->scope, "notify::selected", G_CALLBACK (scope_changed_cb), e);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), e);
  return dialog;
}

/**
 * ws_calendar_export_dialog_write:
 *
 * Writes the calendar of @name in @scope to @file, as the dialog does
 * once a file is chosen.
 */
gboolean
ws_calendar_export_dialog_write (GtkWidget        *dialog,
                                 WsCalendarScope   scope,
                                 const char       *name,
                                 GFile            *file,
                                 GError          **error)
{
  Export *e = g_object_get_data (G_OBJECT (dialog), "ws-export");

  g_return_val_if_fail (e != NULL, FALSE);
  return ws_schedule_export_ical_file (e->db, scope, name, WS_CALENDAR_NONE, file, error);
}
