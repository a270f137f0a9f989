/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-attention-view.h"
#include "ws-audit-window.h"
#include "ws-backup.h"
#include "ws-calendar-export.h"
#include "ws-case-editor.h"
#include "ws-cases-view.h"
#include "ws-demo.h"
#include "ws-exchange.h"
#include "ws-form.h"
#include "ws-hearings-view.h"
#include "ws-link-dialog.h"
#include "ws-login-page.h"
#include "ws-person-editor.h"
#include "ws-plan.h"
#include "ws-preferences-window.h"
#include "ws-profile.h"
#include "ws-readiness-dialog.h"
#include "ws-schedule-sheet-dialog.h"
#include "ws-schedule-view.h"
#include "ws-setup-page.h"
#include "ws-store.h"
#include "ws-summary-dialog.h"
#include "ws-window.h"
#include "ws-witnesses-view.h"

/* The main window: who is working (the first-run and unlock screens),
 * the places a user moves between, the actions that change records, and
 * the toasts that report them. Places are built at unlock from the
 * table below and destroyed at lock, so what a role may not use is not
 * in the window at all and nothing read stays in a widget while locked.
 * Deletions wait until their "Undo" toast is gone before they reach the
 * database. */
struct _WsWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *screen_stack;
  WsSetupPage          *setup_page;
  WsLoginPage          *login_page;
  AdwViewStack         *stack;
  GtkWidget            *new_button;
  GtkWidget            *who_box;
  AdwAvatar            *who_avatar;
  GtkLabel             *who_label;
  AdwStatusPage        *no_place_page;

  /* borrowed: places, alive while unlocked */
  GtkWidget            *witnesses_view;
  GtkWidget            *cases_view;
  GtkWidget            *hearings_view;
  GtkWidget            *schedule_view;
  GtkWidget            *attention_view;
  AdwViewStackPage     *attention_page;

  /* owned */
  WsDatabase           *db;
  GSettings            *settings;
  GPtrArray            *pending_deletes;
  GPtrArray            *toasts;
  char                 *last_profile;
  gint64                last_activity;
  guint                 idle_source;
  gint64                select_person;
  gint64                select_case;
  gboolean              busy;
  gboolean              empty;
  gboolean              loaded;
};

/* Every place of the window, in order, with the permission a role needs
 * to have it at all. A role without it does not get the place: no tab,
 * no page, nothing greyed. Adding a place is one line here. */
typedef struct {
  const char   *name;
  const char   *title;
  const char   *icon;
  WsPermission  permission;
  WsPermission  or_permission;  /* WS_PERMISSION_LAST: none */
  GtkWidget  *(*create) (WsDatabase *db);
} WsPlace;

static const WsPlace places[] = {
  { "witnesses", N_("Witnesses"), "system-users-symbolic",      WS_PERMISSION_READ_PERSONS,
    WS_PERMISSION_LAST, ws_witnesses_view_new },
  { "cases",     N_("Cases"),     "folder-documents-symbolic",  WS_PERMISSION_READ_CASES,
    WS_PERMISSION_LAST, ws_cases_view_new },
  { "hearings",  N_("Hearings"),  "appointment-soon-symbolic",  WS_PERMISSION_READ_CASES,
    WS_PERMISSION_LAST, ws_hearings_view_new },
  /* An interpreter's Schedule is their own sessions only. */
  { "schedule",  N_("Schedule"),  "x-office-calendar-symbolic", WS_PERMISSION_READ_SCHEDULE,
    WS_PERMISSION_READ_OWN_SCHEDULE, ws_schedule_view_new },
  { "attention", N_("Attention"), "dialog-warning-symbolic",    WS_PERMISSION_READ_ATTENTION,
    WS_PERMISSION_LAST, ws_attention_view_new },
};

/* How often the idle time is compared with the lock delay. */
#define IDLE_CHECK_SECONDS 15

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

static void
toast_gone_cb (AdwToast *toast,
               WsWindow *self)
{
  if (self->toasts != NULL)
    g_ptr_array_remove (self->toasts, toast);
}

void
ws_window_add_toast (WsWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (WS_IS_WINDOW (self));

  /* Kept so that locking can take every toast off the screen. */
  g_ptr_array_add (self->toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_gone_cb), self, 0);
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

static gboolean
is_unlocked (WsWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->screen_stack), "work") == 0;
}

static void
database_changed_cb (WsWindow *self)
{
  if (!is_unlocked (self))
    return;
  self->empty = ws_database_is_empty (self->db);
  update_actions (self);
  if (self->witnesses_view != NULL)
    ws_witnesses_view_reload (WS_WITNESSES_VIEW (self->witnesses_view), self->select_person);
  if (self->cases_view != NULL)
    ws_cases_view_reload (WS_CASES_VIEW (self->cases_view), self->select_case);
  if (self->attention_view != NULL)
    ws_attention_view_reload (WS_ATTENTION_VIEW (self->attention_view));
  if (self->hearings_view != NULL)
    ws_hearings_view_reload (WS_HEARINGS_VIEW (self->hearings_view));
  if (self->schedule_view != NULL)
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

static WsPerson *
selected_person (WsWindow *self)
{
  if (self->witnesses_view == NULL)
    return NULL;
  return ws_witnesses_view_get_selected (WS_WITNESSES_VIEW (self->witnesses_view));
}

static WsCase *
selected_case (WsWindow *self)
{
  if (self->cases_view == NULL)
    return NULL;
  return ws_cases_view_get_selected (WS_CASES_VIEW (self->cases_view));
}

static gboolean
may (WsWindow     *self,
     WsPermission  permission)
{
  return is_unlocked (self) && ws_database_may (self->db, permission);
}

static void
update_actions (WsWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_person = selected_person (self) != NULL;
  gboolean has_case = selected_case (self) != NULL;
  const char *place = adw_view_stack_get_visible_child_name (self->stack);
  gboolean on_cases = g_strcmp0 (place, "cases") == 0;
  gboolean on_witnesses = g_strcmp0 (place, "witnesses") == 0;
  gboolean on_hearings = g_strcmp0 (place, "hearings") == 0;
  gboolean has_hearing = self->hearings_view != NULL &&
                         ws_hearings_view_get_selected (WS_HEARINGS_VIEW (self->hearings_view)) != NULL;
  gboolean on_schedule = g_strcmp0 (place, "schedule") == 0;
  /* While an import or the demonstration unit is being written, the
   * database is held by that transaction: no other change is offered. */
  gboolean can_write = !self->busy;
  gboolean edit_persons = can_write && self->witnesses_view != NULL && may (self, WS_PERMISSION_EDIT_PERSONS);
  gboolean edit_cases = can_write && self->cases_view != NULL && may (self, WS_PERMISSION_EDIT_CASES);
  gboolean backup = !self->busy && may (self, WS_PERMISSION_BACKUP);
  gboolean read_schedule = can_write && self->schedule_view != NULL && may (self, WS_PERMISSION_READ_SCHEDULE);
  gboolean can_new = (on_cases && edit_cases) || (on_witnesses && edit_persons) ||
                     (on_schedule && self->schedule_view != NULL && may (self, WS_PERMISSION_EDIT_SCHEDULE));
  /* The summary scrubs the notes of every identifier of the witness, so
   * building it reads identity: a role without it (a prosecutor) would
   * only get an error. The readiness sheet needs no identity. */
  gboolean summary = has_person && may (self, WS_PERMISSION_PRINT_SUMMARY) && may (self, WS_PERMISSION_READ_IDENTITY);
  gboolean print_schedule = read_schedule && may (self, WS_PERMISSION_PRINT_SUMMARY);

  gtk_widget_action_set_enabled (widget, "win.new", can_new);
  /* The Schedule has its own New Session button beside its views. */
  gtk_widget_set_visible (self->new_button, can_new && !on_schedule);
  gtk_widget_action_set_enabled (widget, "win.add-witness", edit_persons);
  gtk_widget_action_set_enabled (widget, "win.add-case", edit_cases);
  gtk_widget_action_set_enabled (widget, "win.unlink-party", edit_cases);
  gtk_widget_action_set_enabled (widget, "win.edit-witness", has_person && edit_persons);
  gtk_widget_action_set_enabled (widget, "win.delete-witness", has_person && edit_persons);
  gtk_widget_action_set_enabled (widget, "win.link-witness", has_person && edit_cases);
  gtk_widget_action_set_enabled (widget, "win.print-summary", summary);
  /* Ctrl+P prints what the place shows, and nothing on a place that
   * shows nothing printable (Cases, Attention). */
  gtk_widget_action_set_enabled (widget, "win.print", on_hearings ? has_hearing && may (self, WS_PERMISSION_PRINT_SUMMARY)
                                                      : on_witnesses ? summary
                                                      : on_schedule && print_schedule);
  gtk_widget_action_set_enabled (widget, "win.edit-case", has_case && edit_cases);
  gtk_widget_action_set_enabled (widget, "win.delete-case", has_case && edit_cases);
  gtk_widget_action_set_enabled (widget, "win.link-case", has_case && edit_cases && may (self, WS_PERMISSION_READ_PERSONS));
  /* Ctrl+E edits what the place shows: never the witness selected on
   * another place (a hearing, the schedule, the findings). */
  gtk_widget_action_set_enabled (widget, "win.edit", on_cases ? has_case && edit_cases
                                                     : on_witnesses && has_person && edit_persons);
  gtk_widget_action_set_enabled (widget, "win.search", self->witnesses_view != NULL || self->cases_view != NULL);
  gtk_widget_action_set_enabled (widget, "win.load-demo", edit_persons && edit_cases && self->empty);
  gtk_widget_action_set_enabled (widget, "win.import", backup);
  gtk_widget_action_set_enabled (widget, "win.export", backup);
  gtk_widget_action_set_enabled (widget, "win.backup", backup);
  gtk_widget_action_set_enabled (widget, "win.restore", backup);
  gtk_widget_action_set_enabled (widget, "win.audit", may (self, WS_PERMISSION_READ_AUDIT));
  gtk_widget_action_set_enabled (widget, "win.preferences", is_unlocked (self));
  gtk_widget_action_set_enabled (widget, "win.lock", is_unlocked (self) && ws_database_is_protected (self->db));
  gtk_widget_action_set_enabled (widget, "win.export-calendar", read_schedule);
  gtk_widget_action_set_enabled (widget, "win.print-schedule", print_schedule);
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
  WsPerson *person = selected_person (self);

  if (person != NULL)
    edit_person (self, person);
}

static void
edit_case_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  WsCase *court_case = selected_case (self);

  if (court_case != NULL)
    edit_case (self, court_case);
}

static void
edit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  const char *place = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (place, "cases") == 0)
    edit_case_action (widget, name, param);
  else if (g_strcmp0 (place, "witnesses") == 0)
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
  WsPerson *person = selected_person (self);

  if (person != NULL)
    present_link_dialog (self, ws_link_dialog_new_for_person (GTK_WINDOW (self), self->db, person));
}

static void
link_case_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  WsCase *court_case = selected_case (self);

  if (court_case != NULL)
    present_link_dialog (self, ws_link_dialog_new_for_case (GTK_WINDOW (self), self->db, court_case));
}

static void
print_summary_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  WsPerson *person = selected_person (self);

  if (person != NULL)
    gtk_window_present (GTK_WINDOW (ws_summary_dialog_new (GTK_WINDOW (self), self->db, person)));
}

static void
present_readiness (WsWindow *self,
                   gint64    hearing_id)
{
  WsReadinessDialog *dialog = ws_readiness_dialog_new (GTK_WINDOW (self), self->db, hearing_id,
                                                       g_settings_get_uint (self->settings, "applications-due-days"));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_readiness_action (GtkWidget *widget, const char *name, GVariant *param)
{
  present_readiness (WS_WINDOW (widget), g_variant_get_int64 (param));
}

static void print_schedule_action (GtkWidget  *widget,
                                   const char *name,
                                   GVariant   *param);

/* Ctrl+P prints what the place shows: a hearing's readiness sheet, the
 * day's schedule, or a witness's summary. */
static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  const char *place = adw_view_stack_get_visible_child_name (self->stack);
  WsHearing *hearing = self->hearings_view != NULL ?
                       ws_hearings_view_get_selected (WS_HEARINGS_VIEW (self->hearings_view)) : NULL;

  if (g_strcmp0 (place, "hearings") == 0)
    {
      if (hearing != NULL)
        present_readiness (self, ws_hearing_get_id (hearing));
    }
  else if (g_strcmp0 (place, "schedule") == 0)
    print_schedule_action (widget, name, param);
  else if (g_strcmp0 (place, "witnesses") == 0)
    print_summary_action (widget, name, param);
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
  const char *place = adw_view_stack_get_visible_child_name (self->stack);

  /* Only the lists searched by typing; Hearings filters by choice. */
  if (g_strcmp0 (place, "cases") == 0 && self->cases_view != NULL)
    ws_browser_focus_search (ws_cases_view_get_browser (WS_CASES_VIEW (self->cases_view)));
  else if (g_strcmp0 (place, "witnesses") == 0 && self->witnesses_view != NULL)
    ws_browser_focus_search (ws_witnesses_view_get_browser (WS_WITNESSES_VIEW (self->witnesses_view)));
}

static void
print_schedule_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);
  WsScheduleView *view;

  if (self->schedule_view == NULL)
    return;
  view = WS_SCHEDULE_VIEW (self->schedule_view);

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
show_subject_action (GtkWidget *widget, const char *name, GVariant *param)
{
  const char *kind;
  gint64 id;

  g_variant_get (param, "(&sx)", &kind, &id);
  ws_window_show_subject (WS_WINDOW (widget), kind, id);
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
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (ws_database_backup (source, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_error (self, error);
  else
    show_message (self, _("Backup saved. Identifying details stay encrypted in it; keep it as safe as the database."));
}

static void
back_up_to (WsWindow *self,
            GFile    *file)
{
  g_autoptr(GTask) task = g_task_new (self->db, NULL, backup_done_cb, g_object_ref (self));

  set_busy (self, TRUE);
  g_task_set_source_tag (task, back_up_to);
  g_task_set_task_data (task, g_file_get_path (file), g_free);
  g_task_run_in_thread (task, backup_thread);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     WsWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "ws-restore-path");

  if (g_strcmp0 (response, "restore") != 0)
    return;
  /* The application closes this window and the database, replaces the
   * file and opens it again at the unlock screen. */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.restore", "s", path);
}

static void
confirm_restore (WsWindow *self,
                 GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  /* Checked before asking, so a file that cannot be restored is refused
   * while nothing has been closed. */
  if (!ws_database_check_file (path, &error))
    {
      g_autoptr(GError) shown = g_error_new (error->domain, error->code,
                                             _("This file cannot be restored: %s"), error->message);
      show_error (self, shown);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace Everything With This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Everything in the database now, profiles and passphrases included, will be "
                                    "replaced by “%s”. Changes made since that backup are lost, though the "
                                    "database as it is now is first kept among the automatic backups. The "
                                    "window then asks who is working."),
                                  basename);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Replace Everything"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ws-restore-path", g_steal_pointer (&path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
backup_file_chosen_cb (GtkNativeDialog *dialog,
                       int              response,
                       WsWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  gboolean restoring = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "restoring"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || !is_unlocked (self))
    return;

  if (restoring)
    confirm_restore (self, file);
  else
    back_up_to (self, file);
}

static void
choose_backup_file (WsWindow *self,
                    gboolean  restoring)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (restoring ? _("Restore From Backup") : _("Back Up"),
                                        GTK_WINDOW (self),
                                        restoring ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        restoring ? _("_Restore") : _("_Back Up"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Witness Support databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (!restoring)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *name = g_date_time_format (now, "witness-support-%Y-%m-%d.db");

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "restoring", GINT_TO_POINTER (restoring));
  g_signal_connect_object (dialog, "response", G_CALLBACK (backup_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
backup_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_backup_file (WS_WINDOW (widget), FALSE);
}

static void
restore_action (GtkWidget *widget, const char *name, GVariant *param)
{
  choose_backup_file (WS_WINDOW (widget), TRUE);
}

static void
preferences_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (ws_preferences_window_new (GTK_WINDOW (self), self->db, self->settings)));
}

static void
audit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsWindow *self = WS_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (ws_audit_window_new (GTK_WINDOW (self), self->db)));
}

static void
lock_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ws_window_lock (WS_WINDOW (widget));
}

/* Whether @window is this window or one of its dialogs (or theirs). */
static gboolean
belongs_to (WsWindow  *self,
            GtkWindow *window)
{
  for (GtkWindow *w = window; w != NULL; w = gtk_window_get_transient_for (w))
    if (w == GTK_WINDOW (self))
      return TRUE;
  return FALSE;
}

static gboolean
activity_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             WsWindow                 *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
      self->last_activity = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
watch_activity (WsWindow  *self,
                GtkWindow *window)
{
  GtkEventController *controller;

  if (g_object_get_data (G_OBJECT (window), "ws-activity-watched") != NULL)
    return;
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (activity_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  g_object_set_data (G_OBJECT (window), "ws-activity-watched", GINT_TO_POINTER (TRUE));
}

static void
transient_for_changed_cb (GtkWindow  *window,
                          GParamSpec *pspec,
                          WsWindow   *self)
{
  if (belongs_to (self, window))
    watch_activity (self, window);
}

/* Typing in an editor or a dialog is work too: it keeps the screen
 * unlocked as much as work in the main window. A new window may be made
 * transient for this one only after it is listed. */
static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      WsWindow   *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window == GTK_WINDOW (self))
        continue;
      transient_for_changed_cb (window, NULL, self);
      g_signal_connect_object (window, "notify::transient-for", G_CALLBACK (transient_for_changed_cb), self, 0);
    }
}

static void
close_dialogs (WsWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (self) && belongs_to (self, window))
        g_ptr_array_add (doomed, window);
      else
        g_object_unref (window);
    }
  for (guint i = 0; i < doomed->len; i++)
    gtk_window_destroy (g_ptr_array_index (doomed, i));
}

static void
dismiss_toasts (WsWindow *self)
{
  g_autoptr(GPtrArray) toasts = g_steal_pointer (&self->toasts);

  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < toasts->len; i++)
    adw_toast_dismiss (g_ptr_array_index (toasts, i));
}

static void
destroy_places (WsWindow *self)
{
  GtkSelectionModel *pages = adw_view_stack_get_pages (self->stack);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_ptr_array_add (children, g_object_ref (adw_view_stack_page_get_child (page)));
    }
  g_object_unref (pages);
  self->witnesses_view = NULL;
  self->cases_view = NULL;
  self->hearings_view = NULL;
  self->schedule_view = NULL;
  self->attention_view = NULL;
  self->attention_page = NULL;
  for (guint i = 0; i < children->len; i++)
    adw_view_stack_remove (self->stack, g_ptr_array_index (children, i));
}

static void
attention_loaded_cb (WsWindow        *self,
                     WsAttentionView *view)
{
  guint urgent;

  /* A run that ends after the screen locked finds its place gone. */
  if (GTK_WIDGET (view) != self->attention_view)
    return;
  urgent = ws_attention_view_count (view, WS_FINDING_SEVERITY_URGENT);

  /* The badge counts what cannot wait, not everything there is. */
  adw_view_stack_page_set_badge_number (self->attention_page, urgent);
  adw_view_stack_page_set_needs_attention (self->attention_page, urgent > 0);
}

static void
finding_activated_cb (WsWindow  *self,
                      WsFinding *finding)
{
  ws_window_show_finding (self, finding);
}

static void
add_attention (WsWindow         *self,
               GtkWidget        *view,
               AdwViewStackPage *page)
{
  self->attention_view = view;
  self->attention_page = page;
  g_signal_connect_object (self->attention_view, "loaded", G_CALLBACK (attention_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attention_view, "finding-activated", G_CALLBACK (finding_activated_cb), self,
                           G_CONNECT_SWAPPED);
  /* One evaluation serves both the place and the witness page. */
  if (self->witnesses_view != NULL)
    ws_witness_page_set_findings (ws_witnesses_view_get_page (WS_WITNESSES_VIEW (self->witnesses_view)),
                                  ws_attention_view_get_findings (WS_ATTENTION_VIEW (view)));
}

static void
add_place (WsWindow      *self,
           const WsPlace *place)
{
  GtkWidget *view = place->create (self->db);
  AdwViewStackPage *page = adw_view_stack_add_titled (self->stack, view, place->name, _(place->title));
  WsBrowser *browser = NULL;

  adw_view_stack_page_set_icon_name (page, place->icon);
  if (WS_IS_WITNESSES_VIEW (view))
    {
      self->witnesses_view = view;
      browser = ws_witnesses_view_get_browser (WS_WITNESSES_VIEW (view));
    }
  else if (WS_IS_CASES_VIEW (view))
    {
      self->cases_view = view;
      browser = ws_cases_view_get_browser (WS_CASES_VIEW (view));
    }
  else if (WS_IS_HEARINGS_VIEW (view))
    {
      self->hearings_view = view;
      g_signal_connect_object (view, "selection-changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
    }
  else if (WS_IS_SCHEDULE_VIEW (view))
    {
      self->schedule_view = view;
      g_signal_connect_object (view, "add-toast", G_CALLBACK (ws_window_add_toast), self, G_CONNECT_SWAPPED);
    }
  else if (WS_IS_ATTENTION_VIEW (view))
    add_attention (self, view, page);
  if (browser != NULL)
    g_signal_connect_object (browser, "selection-changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
}

static void
show_no_place (WsWindow *self)
{
  g_autofree char *description = NULL;

  description = g_strdup_printf (_("Your role (%s) has nothing to see in this window. "
                                   "An administrator can change your role if you need more."),
                                 ws_role_get_label (ws_database_get_actor_role (self->db)));
  adw_status_page_set_icon_name (self->no_place_page, "changes-prevent-symbolic");
  adw_status_page_set_title (self->no_place_page, _("Nothing for Your Role"));
  adw_status_page_set_description (self->no_place_page, description);
}

static void
load_places (WsWindow *self)
{
  if (self->loaded || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->loaded = TRUE;
  if (self->witnesses_view != NULL)
    ws_witnesses_view_set_loading (WS_WITNESSES_VIEW (self->witnesses_view));
  if (self->cases_view != NULL)
    ws_cases_view_set_loading (WS_CASES_VIEW (self->cases_view));
  if (self->hearings_view != NULL)
    ws_hearings_view_set_loading (WS_HEARINGS_VIEW (self->hearings_view));
  database_changed_cb (self);
}

static gboolean
idle_check_cb (gpointer user_data)
{
  WsWindow *self = user_data;

  ws_window_check_idle (self, g_get_monotonic_time ());
  return G_SOURCE_CONTINUE;
}

/* The unlocked profile starts work: its places, its actions, its name
 * in the title, and the idle clock. */
static void
start_work (WsWindow *self)
{
  g_autofree char *last_place = g_settings_get_string (self->settings, "last-place");
  g_autofree char *who = NULL;
  const char *profile = ws_database_get_profile_name (self->db);
  guint n = 0;

  gtk_stack_set_visible_child_name (self->screen_stack, "work");
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (ws_database_may (self->db, places[i].permission) ||
        (places[i].or_permission != WS_PERMISSION_LAST && ws_database_may (self->db, places[i].or_permission)))
      {
        add_place (self, &places[i]);
        n++;
      }
  gtk_widget_set_visible (GTK_WIDGET (self->stack), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_place_page), n == 0);
  if (n == 0)
    show_no_place (self);
  /* An interpreter's window opens on their own schedule. */
  if (!ws_database_may (self->db, WS_PERMISSION_READ_SCHEDULE) &&
      ws_database_may (self->db, WS_PERMISSION_READ_OWN_SCHEDULE))
    ws_window_show_place (self, "schedule");
  else
    ws_window_show_place (self, last_place);

  /* Who is at work stays in sight, so a colleague at the same desk
   * knows whose role the window follows. */
  if (profile == NULL)
    profile = ws_database_get_actor_name (self->db);
  /* Translators: who is working, e.g. "Ana Novak · Prosecutor" */
  who = g_strdup_printf (_("%s · %s"), profile, ws_role_get_label (ws_database_get_actor_role (self->db)));
  adw_avatar_set_text (self->who_avatar, profile);
  gtk_label_set_text (self->who_label, profile);
  gtk_widget_set_tooltip_text (self->who_box, who);
  if (ws_database_get_profile_name (self->db) != NULL)
    g_settings_set_string (self->settings, "last-profile", profile);

  self->empty = ws_database_is_empty (self->db);
  update_actions (self);
  self->last_activity = g_get_monotonic_time ();
  if (self->idle_source == 0)
    self->idle_source = g_timeout_add_seconds (IDLE_CHECK_SECONDS, idle_check_cb, self);
  load_places (self);
}

static void
unlocked_cb (WsWindow *self)
{
  start_work (self);
}

/* Whoever locked the database (this window, or another part of the
 * program), the window follows: nothing stays on screen without keys. */
static void
locked_changed_cb (WsWindow *self)
{
  if (ws_database_is_locked (self->db) && is_unlocked (self))
    ws_window_lock (self);
}

/* Shows what the database's state asks for: the first-run page, the
 * unlock screen, or the places of the profile already at work. */
static void
show_screen (WsWindow *self)
{
  if (!ws_database_is_protected (self->db))
    {
      ws_setup_page_reset (self->setup_page);
      gtk_stack_set_visible_child_name (self->screen_stack, "setup");
      gtk_widget_grab_focus (GTK_WIDGET (self->setup_page));
    }
  else if (ws_database_is_locked (self->db))
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-profile");

      ws_login_page_reset (self->login_page, self->last_profile != NULL ? self->last_profile : last);
      gtk_stack_set_visible_child_name (self->screen_stack, "login");
      gtk_widget_grab_focus (GTK_WIDGET (self->login_page));
    }
  else
    start_work (self);
  update_actions (self);
}

static void
first_frame_cb (GdkFrameClock *clock,
                WsWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  if (is_unlocked (self))
    load_places (self);
}

/* When the window opens on a profile already at work, the lists are read
 * once it has shown its first frame, so it appears at once on a large
 * unit and fills while the user looks. */
static void
ws_window_map (GtkWidget *widget)
{
  WsWindow *self = WS_WINDOW (widget);

  GTK_WIDGET_CLASS (ws_window_parent_class)->map (widget);
  if (is_unlocked (self) && !self->loaded)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_frame_cb), self, 0);
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
  if (is_unlocked (self) && adw_view_stack_get_visible_child_name (self->stack) != NULL)
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
  g_clear_pointer (&self->toasts, g_ptr_array_unref);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  self->witnesses_view = NULL;
  self->cases_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_WINDOW);

  G_OBJECT_CLASS (ws_window_parent_class)->dispose (object);
}

static void
ws_window_finalize (GObject *object)
{
  WsWindow *self = (WsWindow *)object;

  g_clear_pointer (&self->last_profile, g_free);
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

  g_type_ensure (WS_TYPE_LOGIN_PAGE);
  g_type_ensure (WS_TYPE_SETUP_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/witnesssupport/WitnessSupport/app/ws-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WsWindow, screen_stack);
  gtk_widget_class_bind_template_child (widget_class, WsWindow, setup_page);
  gtk_widget_class_bind_template_child (widget_class, WsWindow, login_page);
  gtk_widget_class_bind_template_child (widget_class, WsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WsWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, WsWindow, who_box);
  gtk_widget_class_bind_template_child (widget_class, WsWindow, who_avatar);
  gtk_widget_class_bind_template_child (widget_class, WsWindow, who_label);
  gtk_widget_class_bind_template_child (widget_class, WsWindow, no_place_page);
  gtk_widget_class_bind_template_callback (widget_class, place_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlocked_cb);

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
  gtk_widget_class_install_action (widget_class, "win.print-readiness", "x", print_readiness_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-place", "s", show_place_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-subject", "(sx)", show_subject_action);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.audit", NULL, audit_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.print-schedule", NULL, print_schedule_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-place", "s", "witnesses");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-place", "s", "cases");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-place", "s", "hearings");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-place", "s", "schedule");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-place", "s", "attention");
}

static void
reflection_days_changed_cb (WsWindow *self)
{
  ws_plan_set_default_reflection_days (g_settings_get_uint (self->settings, "reflection-default-days"));
}

static void
ws_window_init (WsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pending_deletes = g_ptr_array_new ();
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  watch_activity (self, GTK_WINDOW (self));
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (toplevels_changed_cb), self, 0);
  reflection_days_changed_cb (self);
  g_signal_connect_object (self->settings, "changed::reflection-default-days",
                           G_CALLBACK (reflection_days_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * ws_window_new:
 *
 * The window opens on what @db needs first: the first-run page on a
 * database without profiles, the unlock screen on a locked one, the
 * places of the profile at work otherwise.
 *
 * Returns: (transfer full): the main window over @db
 */
WsWindow *
ws_window_new (GtkApplication *application,
               WsDatabase     *db)
{
  WsWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_WINDOW, "application", application, NULL);
  self->db = g_object_ref (db);
  ws_setup_page_set_database (self->setup_page, db);
  ws_login_page_set_database (self->login_page, db);
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (db, "notify::locked", G_CALLBACK (locked_changed_cb), self, G_CONNECT_SWAPPED);
  show_screen (self);
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
 * Returns: (transfer none) (nullable): the view of the place called
 *   @name, or %NULL when the role at work does not have it (or nobody
 *   is at work)
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

/**
 * ws_window_get_screen:
 *
 * Returns: what the window shows: "setup" (no profile yet), "login"
 *   (locked) or "work"
 */
const char *
ws_window_get_screen (WsWindow *self)
{
  g_return_val_if_fail (WS_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->screen_stack);
}

/**
 * ws_window_get_login_page:
 *
 * Returns: (transfer none): the unlock screen
 */
WsLoginPage *
ws_window_get_login_page (WsWindow *self)
{
  g_return_val_if_fail (WS_IS_WINDOW (self), NULL);
  return self->login_page;
}

/**
 * ws_window_get_setup_page:
 *
 * Returns: (transfer none): the first-run page
 */
WsSetupPage *
ws_window_get_setup_page (WsWindow *self)
{
  g_return_val_if_fail (WS_IS_WINDOW (self), NULL);
  return self->setup_page;
}

/**
 * ws_window_lock:
 *
 * Locks the screen: pending deletions are carried out, dialogs and
 * editors closed, toasts taken away and every place destroyed, so no
 * record read stays in a widget; the database forgets its keys; the
 * unlock screen offers the same profile or another.
 */
void
ws_window_lock (WsWindow *self)
{
  const char *place;

  g_return_if_fail (WS_IS_WINDOW (self));

  if (!is_unlocked (self) || !ws_database_is_protected (self->db))
    return;

  g_clear_pointer (&self->last_profile, g_free);
  self->last_profile = g_strdup (ws_database_get_profile_name (self->db));
  place = adw_view_stack_get_visible_child_name (self->stack);
  if (place != NULL)
    g_settings_set_string (self->settings, "last-place", place);

  ws_window_flush_deletes (self);
  close_dialogs (self);
  dismiss_toasts (self);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  destroy_places (self);
  adw_avatar_set_text (self->who_avatar, NULL);
  gtk_label_set_text (self->who_label, "");
  self->loaded = FALSE;

  /* Off the work screen first, so the "locked" notification finds
   * nothing left to lock. */
  gtk_stack_set_visible_child_name (self->screen_stack, "login");
  ws_database_lock (self->db);
  show_screen (self);
}

/**
 * ws_window_check_idle:
 * @now: g_get_monotonic_time(), or a later instant in tests
 *
 * Locks the screen when nobody has used this window or its dialogs for
 * the minutes set in the "idle-lock-minutes" setting.
 *
 * Returns: whether it locked
 */
gboolean
ws_window_check_idle (WsWindow *self,
                      gint64    now)
{
  gint64 limit;

  g_return_val_if_fail (WS_IS_WINDOW (self), FALSE);

  limit = (gint64) g_settings_get_int (self->settings, "idle-lock-minutes") * 60 * G_USEC_PER_SEC;
  if (!is_unlocked (self) || !ws_database_is_protected (self->db) || now - self->last_activity < limit)
    return FALSE;
  ws_window_lock (self);
  return TRUE;
}

/* Selects @id in @browser, clearing a search that hides it. */
static gboolean
select_in (WsBrowser *browser,
           gint64     id)
{
  gpointer selected;

  ws_browser_select_id (browser, id);
  selected = ws_browser_get_selected (browser);
  if (selected == NULL)
    {
      ws_browser_set_search_text (browser, "");
      ws_browser_select_id (browser, id);
      selected = ws_browser_get_selected (browser);
    }
  return selected != NULL;
}

/**
 * ws_window_show_subject:
 * @kind: what @id names, as findings say it: "person", "case", …
 *
 * Shows the record in its place. Every view that opens "the thing a
 * finding is about" goes through here, so a new place (hearings, say)
 * is added in one spot.
 *
 * Returns: %TRUE if the window has a place for @kind and shows @id there
 */
gboolean
ws_window_show_subject (WsWindow   *self,
                        const char *kind,
                        gint64      id)
{
  g_return_val_if_fail (WS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (g_str_equal (kind, "person") && self->witnesses_view != NULL)
    {
      ws_window_show_place (self, "witnesses");
      if (!select_in (ws_witnesses_view_get_browser (WS_WITNESSES_VIEW (self->witnesses_view)), id))
        ws_witnesses_view_reload (WS_WITNESSES_VIEW (self->witnesses_view), id);
      return TRUE;
    }
  if (g_str_equal (kind, "hearing") && self->hearings_view != NULL)
    {
      ws_window_show_place (self, "hearings");
      ws_hearings_view_select_id (WS_HEARINGS_VIEW (self->hearings_view), id);
      return TRUE;
    }
  if (g_str_equal (kind, "session") && self->schedule_view != NULL &&
      !ws_schedule_view_shows_own_schedule (WS_SCHEDULE_VIEW (self->schedule_view)))
    {
      ws_window_show_place (self, "schedule");
      return ws_schedule_view_show_session (WS_SCHEDULE_VIEW (self->schedule_view), id);
    }
  if (g_str_equal (kind, "case") && self->cases_view != NULL)
    {
      ws_window_show_place (self, "cases");
      if (!select_in (ws_cases_view_get_browser (WS_CASES_VIEW (self->cases_view)), id))
        ws_cases_view_reload (WS_CASES_VIEW (self->cases_view), id);
      return TRUE;
    }
  return FALSE;
}

/**
 * ws_window_show_finding:
 *
 * Opens what @finding is about: its own place when the window has one,
 * otherwise the witness's page at the record (a support item, a
 * consent …).
 */
void
ws_window_show_finding (WsWindow  *self,
                        WsFinding *finding)
{
  const char *kind;
  gint64 person;

  g_return_if_fail (WS_IS_WINDOW (self));
  g_return_if_fail (WS_IS_FINDING (finding));

  kind = ws_finding_get_subject_kind (finding);
  if (ws_window_show_subject (self, kind, ws_finding_get_subject_id (finding)))
    return;
  person = ws_finding_get_person_id (finding);
  if (person <= 0 || !ws_window_show_subject (self, "person", person))
    return;
  ws_witness_page_show_subject (ws_witnesses_view_get_page (WS_WITNESSES_VIEW (self->witnesses_view)),
                                kind, ws_finding_get_subject_id (finding));
}
