/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-calendar-export.h"
#include "ws-case-editor.h"
#include "ws-cases-view.h"
#include "ws-demo.h"
#include "ws-exchange.h"
#include "ws-form.h"
#include "ws-link-dialog.h"
#include "ws-person-editor.h"
#include "ws-schedule-sheet-dialog.h"
#include "ws-schedule-view.h"
#include "ws-store.h"
#include "ws-summary-dialog.h"
#include "ws-window.h"
#include "ws-witnesses-view.h"

/* The main window: the places a user moves between (Witnesses, Cases),
 * the actions that change records, and the toasts that report them.
 * Deletions wait until their "Undo" toast is gone before they reach the
 * database. */
struct _WsWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;

  /* owned */
  WsDatabase           *db;
  GSettings            *settings;
  GtkWidget            *witnesses_view;
  GtkWidget            *cases_view;
  GtkWidget            *schedule_view;
  GPtrArray            *pending_deletes;
  gint64                select_person;
  gint64                select_case;
  gboolean              busy;
  gboolean              empty;
  gboolean              loaded;
};

G_DEFINE_FINAL_TYPE (WsWindow, ws_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct {
  WsWindow  *self;
  WsBrowser *browser;
  GObject   *item;
  gboolean   is_case;
  gint64     id;
  gboolean   undone;
  gboolean   done;
} PendingDelete;

static void
pending_delete_free (gpointer data)
{
  PendingDelete *pending = data;

  g_object_unref (pending->item);
  g_free (pending);
}

void
ws_window_add_toast (WsWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (WS_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_message (WsWindow   *self,
              const char *message)
{
  ws_window_add_toast (self, adw_toast_new (message));
}

static void
show_error (WsWindow     *self,
            const GError *error)
{
  ws_window_add_toast (self, ws_form_error_toast (error));
}

static void update_actions (WsWindow *self);

static void
database_changed_cb (WsWindow *self)
{
  self->empty = ws_database_is_empty (self->db);
  update_actions (self);
  ws_witnesses_view_reload (WS_WITNESSES_VIEW (self->witnesses_view), self->select_person);
  ws_cases_view_reload (WS_CASES_VIEW (self->cases_view), self->select_case);
  ws_schedule_view_reload (WS_SCHEDULE_VIEW (self->schedule_view));
  self->select_person = 0;
  self->select_case = 0;
}

static void
records_changed (WsWindow *self,
                 gint64    person_id,
                 gint64    case_id)
{
  self->select_person = person_id;
  self->select_case = case_id;
  ws_database_emit_changed (self->db);
}

static void
update_actions (WsWindow *self)
{
  gboolean has_person = ws_witnesses_view_get_selected (WS_WITNESSES_VIEW (self->witnesses_view)) != NULL;
  gboolean has_case = ws_cases_view_get_selected (WS_CASES_VIEW (self->cases_view)) != NULL;
  const char *place = adw_view_stack_get_visible_child_name (self->stack);
  gboolean on_cases = g_strcmp0 (place, "cases") == 0;
  gboolean on_schedule = g_strcmp0 (place, "schedule") == 0;

  /* While an import or the demonstration unit is being written, the
   * database is held by that transaction: no other change is offered. */
  gboolean can_write = !self->busy;

  has_person = has_person && can_write;
  has_case = has_case && can_write;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-witness", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-case", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unlink-party", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-witness", has_person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-witness", has_person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.link-witness", has_person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-summary", has_person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-case", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-case", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.link-case", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit", !on_schedule && (on_cases ? has_case : has_person));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", !self->busy && self->empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-calendar", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-schedule", !self->busy);
}

static void
place_changed_cb (WsWindow *self)
{
  update_actions (self);
}

static void
person_saved_cb (WsWindow *self,
                 WsPerson *person)
{
  g_autofree char *message = g_strdup_printf (_("“%s” saved"), ws_person_get_pseudonym (person));

  show_message (self, message);
  ws_window_show_place (self, "witnesses");
  records_changed (self, ws_person_get_id (person), 0);
}

static void
case_saved_cb (WsWindow *self,
               WsCase   *court_case)
{
  g_autofree char *message = g_strdup_printf (_("Case %s saved"), ws_case_get_reference (court_case));

  show_message (self, message);
  ws_window_show_place (self, "cases");
  records_changed (self, 0, ws_case_get_id (court_case));
}

static void
linked_cb (WsWindow *self)
{
  show_message (self, _("Witness linked to the case"));
  records_changed (self, 0, 0);
}

static void
edit_person (WsWindow *self,
             WsPerson *person)
{
  WsPersonEditor *editor = ws_person_editor_new (GTK_WINDOW (self), self->db, person);

  g_signal_connect_object (editor, "saved", G_CALLBACK (person_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_case (WsWindow *self,
           WsCase   *court_case)
{
  WsCaseEditor *editor = ws_case_editor_new (GTK_WINDOW (self), self->db, court_case);

  g_signal_connect_object (editor, "saved", G_CALLBACK (case_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
perform_delete (PendingDelete *pending)
{
  WsWindow *self = pending->self;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (pending->done)
    return;
  pending->done = TRUE;
  ok = pending->is_case ? ws_database_delete_case (self->db, pending->id, &error)
                        : ws_database_delete_person (self->db, pending->id, &error);
  ws_browser_set_item_hidden (pending->browser, pending->item, FALSE);
  if (!ok)
    show_error (self, error);
  records_changed (self, 0, 0);
}

static void
undo_clicked_cb (AdwToast      *toast,
                 PendingDelete *pending)
{
  pending->undone = TRUE;
  pending->done = TRUE;
  ws_browser_set_item_hidden (pending->browser, pending->item, FALSE);
  ws_browser_select_id (pending->browser, pending->id);
}

static void
toast_dismissed_cb (AdwToast      *toast,
                    PendingDelete *pending)
{
  WsWindow *self = pending->self;

  if (!pending->undone)
    perform_delete (pending);
  if (self->pending_deletes != NULL)
    g_ptr_array_remove (self->pending_deletes, pending);
}

static void
delete_later (WsWindow   *self,
              WsBrowser  *browser,
              GObject    *item,
              gboolean    is_case,
              gint64      id,
              const char *message)
{
  PendingDelete *pending = g_new0 (PendingDelete, 1);
  AdwToast *toast = adw_toast_new (message);

  pending->self = self;
  pending->browser = browser;
  pending->item = g_object_ref (item);
  pending->is_case = is_case;
  pending->id = id;
  g_ptr_array_add (self->pending_deletes, pending);

  ws_browser_select (browser, NULL);
  ws_browser_set_item_hidden (browser, item, TRUE);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 8);
  /* The toast owns the pending deletion: it outlives the window's list
   * when the window goes first. */
  g_object_set_data_full (G_OBJECT (toast), "ws-pending-delete", pending, pending_delete_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), pending);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), pending);
  ws_window_add_toast (self, toast);
}

/**
 * ws_window_flush_deletes:
 *
 * Carries out deletions still waiting for their "Undo" toast to go, as
 * when the window closes.
 */
void
ws_window_flush_deletes (WsWindow *self)
{
  g_return_if_fail (WS_IS_WINDOW (self));

  for (guint i = 0; i < self->pending_deletes->len; i++)
    {
      PendingDelete *pending = g_ptr_array_index (self->pending_deletes, i);

      if (!pending->undone)
        perform_delete (pending);
    }
}

static void
add_witness_action (GtkWidget *widget, const char *name, GVariant *param)
{
  edit_person (WS_WINDOW (widget), NULL);
}

static void
add_case_action (GtkWidget *widget, const char *name, GVariant *param)
{
  edit_case (WS_WINDOW (widget), NULL);
}

static void
new_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "cases") == 0)
    edit_case (self, NULL);
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "schedule") == 0)
    ws_schedule_view_new_session (WS_SCHEDULE_VIEW (self->schedule_view), NULL, 0, 0);
  else
    edit_person (self, NULL);
}

static void
edit_witness_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  WsPerson *person = ws_witnesses_view_get_selected (WS_WITNESSES_VIEW (self->witnesses_view));

  if (person != NULL)
    edit_person (self, person);
}

static void
edit_case_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  WsCase *court_case = ws_cases_view_get_selected (WS_CASES_VIEW (self->cases_view));

  if (court_case != NULL)
    edit_case (self, court_case);
}

static void
edit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "cases") == 0)
    edit_case_action (widget, name, param);
  else
    edit_witness_action (widget, name, param);
}

static void
delete_witness_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  WsWitnessesView *view = WS_WITNESSES_VIEW (self->witnesses_view);
  WsPerson *person = ws_witnesses_view_get_selected (view);
  g_autofree char *message = NULL;

  if (person == NULL)
    return;
  message = g_strdup_printf (_("Witness “%s” deleted"), ws_person_get_pseudonym (person));
  delete_later (self, ws_witnesses_view_get_browser (view), G_OBJECT (person), FALSE,
                ws_person_get_id (person), message);
}

static void
delete_case_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  WsCasesView *view = WS_CASES_VIEW (self->cases_view);
  WsCase *court_case = ws_cases_view_get_selected (view);
  g_autofree char *message = NULL;

  if (court_case == NULL)
    return;
  message = g_strdup_printf (_("Case %s deleted"), ws_case_get_reference (court_case));
  delete_later (self, ws_cases_view_get_browser (view), G_OBJECT (court_case), TRUE,
                ws_case_get_id (court_case), message);
}

static void
present_link_dialog (WsWindow     *self,
                     WsLinkDialog *dialog)
{
  g_signal_connect_object (dialog, "linked", G_CALLBACK (linked_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
link_witness_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  WsPerson *person = ws_witnesses_view_get_selected (WS_WITNESSES_VIEW (self->witnesses_view));

  if (person != NULL)
    present_link_dialog (self, ws_link_dialog_new_for_person (GTK_WINDOW (self), self->db, person));
}

static void
link_case_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  WsCase *court_case = ws_cases_view_get_selected (WS_CASES_VIEW (self->cases_view));

  if (court_case != NULL)
    present_link_dialog (self, ws_link_dialog_new_for_case (GTK_WINDOW (self), self->db, court_case));
}

static void
print_summary_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  WsPerson *person = ws_witnesses_view_get_selected (WS_WITNESSES_VIEW (self->witnesses_view));

  if (person != NULL)
    gtk_window_present (GTK_WINDOW (ws_summary_dialog_new (GTK_WINDOW (self), self->db, person)));
}

static void
unlink_party_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!ws_database_unlink_party (self->db, g_variant_get_int64 (param), &error))
    show_error (self, error);
  else
    show_message (self, _("Witness removed from the case"));
  records_changed (self, 0, 0);
}

static void
search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  gboolean on_cases = g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "cases") == 0;

  ws_browser_focus_search (on_cases ? ws_cases_view_get_browser (WS_CASES_VIEW (self->cases_view))
                                    : ws_witnesses_view_get_browser (WS_WITNESSES_VIEW (self->witnesses_view)));
}

static void
print_schedule_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  WsScheduleView *view = WS_SCHEDULE_VIEW (self->schedule_view);

  gtk_window_present (GTK_WINDOW (ws_schedule_sheet_dialog_new (GTK_WINDOW (self), self->db,
                                                                ws_schedule_view_get_day (view),
                                                                ws_schedule_view_get_zone (view))));
}

static void
calendar_exported_cb (const char *message,
                      gpointer    user_data)
{
  show_message (WS_WINDOW (user_data), message);
}

static void
export_calendar_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (ws_calendar_export_dialog_new (GTK_WINDOW (self), self->db,
                                                                 calendar_exported_cb, self)));
}

static void
show_place_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ws_window_show_place (WS_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
show_toast_action (GtkWidget *widget, const char *name, GVariant *param)
{
  show_message (WS_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
set_busy (WsWindow *self,
          gboolean  busy)
{
  self->busy = busy;
  update_actions (self);
}

static void
demo_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(WsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!ws_demo_fill_finish (WS_DATABASE (source), result, &error))
    show_error (self, error);
  else
    show_message (self, _("Demonstration unit loaded"));
  records_changed (self, 0, 0);
}

static void
load_demo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);

  set_busy (self, TRUE);
  show_message (self, _("Loading the demonstration unit…"));
  ws_demo_fill_async (self->db, WS_DEMO_WITNESSES, NULL, demo_done_cb, g_object_ref (self));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!ws_exchange_import_file_finish (WS_DATABASE (source), result, &error))
    {
      g_autoptr(GError) shown = g_error_new (error->domain, error->code,
                                             _("Nothing was imported: %s"), error->message);
      show_error (self, shown);
      return;
    }
  show_message (self, _("Import complete"));
  records_changed (self, 0, 0);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!ws_exchange_export_file_finish (WS_DATABASE (source), result, &error))
    show_error (self, error);
  else
    show_message (self, _("Export saved. It holds identifying details: keep it as safe as the database."));
}

static void
file_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                WsWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  gboolean exporting = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "exporting"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL)
    return;

  set_busy (self, TRUE);
  if (exporting)
    ws_exchange_export_file_async (self->db, file, NULL, export_done_cb, g_object_ref (self));
  else
    ws_exchange_import_file_async (self->db, file, NULL, import_done_cb, g_object_ref (self));
}

static void
choose_file (WsWindow   *self,
             gboolean    exporting)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (exporting ? _("Export Everything") : _("Import"),
                                        GTK_WINDOW (self),
                                        exporting ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        exporting ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Witness Support exchange files (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (exporting)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "witness-support-export.json");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "exporting", GINT_TO_POINTER (exporting));
  g_signal_connect_object (dialog, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
import_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_file (WS_WINDOW (widget), FALSE);
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_file (WS_WINDOW (widget), TRUE);
}

static void
first_frame_cb (GdkFrameClock *clock,
                WsWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  database_changed_cb (self);
}

/* The lists are read once the window has shown its first frame, so the
 * window appears at once on a large unit and fills while the user looks. */
static void
ws_window_map (GtkWidget *widget)
{
  WsWindow *self = WS_WINDOW (widget);

  GTK_WIDGET_CLASS (ws_window_parent_class)->map (widget);
  if (!self->loaded)
    {
      self->loaded = TRUE;
      ws_witnesses_view_set_loading (WS_WITNESSES_VIEW (self->witnesses_view));
      ws_cases_view_set_loading (WS_CASES_VIEW (self->cases_view));
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (first_frame_cb), self, 0);
    }
}

static gboolean
ws_window_close_request (GtkWindow *window)
{
  WsWindow *self = WS_WINDOW (window);
  int width, height;

  ws_window_flush_deletes (self);
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_string (self->settings, "last-place", adw_view_stack_get_visible_child_name (self->stack));

  return GTK_WINDOW_CLASS (ws_window_parent_class)->close_request (window);
}

static void
ws_window_dispose (GObject *object)
{
  WsWindow *self = (WsWindow *)object;

  if (self->pending_deletes != NULL)
    ws_window_flush_deletes (self);
  g_clear_pointer (&self->pending_deletes, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_WINDOW);

  G_OBJECT_CLASS (ws_window_parent_class)->dispose (object);
}

static void
ws_window_finalize (GObject *object)
{
  WsWindow *self = (WsWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ws_window_parent_class)->finalize (object);
}

static void
ws_window_class_init (WsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ws_window_dispose;
  object_class->finalize = ws_window_finalize;
  window_class->close_request = ws_window_close_request;
  widget_class->map = ws_window_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/witnesssupport/WitnessSupport/app/ws-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WsWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, place_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.add-witness", NULL, add_witness_action);
  gtk_widget_class_install_action (widget_class, "win.add-case", NULL, add_case_action);
  gtk_widget_class_install_action (widget_class, "win.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.edit-witness", NULL, edit_witness_action);
  gtk_widget_class_install_action (widget_class, "win.edit-case", NULL, edit_case_action);
  gtk_widget_class_install_action (widget_class, "win.delete-witness", NULL, delete_witness_action);
  gtk_widget_class_install_action (widget_class, "win.delete-case", NULL, delete_case_action);
  gtk_widget_class_install_action (widget_class, "win.link-witness", NULL, link_witness_action);
  gtk_widget_class_install_action (widget_class, "win.link-case", NULL, link_case_action);
  gtk_widget_class_install_action (widget_class, "win.unlink-party", "x", unlink_party_action);
  gtk_widget_class_install_action (widget_class, "win.print-summary", NULL, print_summary_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-place", "s", show_place_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.print-schedule", NULL, print_schedule_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-summary", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-place", "s", "witnesses");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-place", "s", "cases");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-place", "s", "schedule");
}

static void
ws_window_init (WsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pending_deletes = g_ptr_array_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
add_place (WsWindow   *self,
           GtkWidget  *view,
           WsBrowser  *browser,
           const char *name,
           const char *title,
           const char *icon)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (self->stack, view, name, title);

  adw_view_stack_page_set_icon_name (page, icon);
  g_signal_connect_object (browser, "selection-changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
}

/**
 * ws_window_new:
 *
 * Returns: (transfer full): the main window over @db
 */
WsWindow *
ws_window_new (GtkApplication *application,
               WsDatabase     *db)
{
  WsWindow *self;
  AdwViewStackPage *page;
  g_autofree char *last_place = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_WINDOW, "application", application, NULL);
  self->db = g_object_ref (db);
  self->witnesses_view = ws_witnesses_view_new (db);
  self->cases_view = ws_cases_view_new (db);
  add_place (self, self->witnesses_view, ws_witnesses_view_get_browser (WS_WITNESSES_VIEW (self->witnesses_view)),
             "witnesses", _("Witnesses"), "system-users-symbolic");
  add_place (self, self->cases_view, ws_cases_view_get_browser (WS_CASES_VIEW (self->cases_view)),
             "cases", _("Cases"), "folder-documents-symbolic");
  self->schedule_view = ws_schedule_view_new (db);
  page = adw_view_stack_add_titled (self->stack, self->schedule_view, "schedule", _("Schedule"));
  adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
  g_signal_connect_object (self->schedule_view, "add-toast", G_CALLBACK (ws_window_add_toast), self, G_CONNECT_SWAPPED);
  last_place = g_settings_get_string (self->settings, "last-place");
  /* An interpreter's window opens on their own schedule. */
  ws_window_show_place (self, ws_database_get_actor_role (db) == WS_ROLE_INTERPRETER ? "schedule" : last_place);

  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  self->empty = ws_database_is_empty (db);
  update_actions (self);
  return self;
}

/**
 * ws_window_get_database:
 *
 * Returns: (transfer none): the database shown
 */
WsDatabase *
ws_window_get_database (WsWindow *self)
{
  g_return_val_if_fail (WS_IS_WINDOW (self), NULL);
  return self->db;
}

/**
 * ws_window_get_place:
 *
 * Returns: (transfer none) (nullable): the view of the place called @name
 */
GtkWidget *
ws_window_get_place (WsWindow   *self,
                     const char *name)
{
  g_return_val_if_fail (WS_IS_WINDOW (self), NULL);
  return adw_view_stack_get_child_by_name (self->stack, name);
}

void
ws_window_show_place (WsWindow   *self,
                      const char *name)
{
  g_return_if_fail (WS_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}
