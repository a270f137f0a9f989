/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-schedule-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-directory-dialog.h"
#include "ws-interpreter-schedule.h"
#include "ws-schedule-view.h"
#include "ws-schedule.h"
#include "ws-session-editor.h"
#include "ws-time.h"

/* The Schedule place: a day or a week of video-link sessions, one row per
 * room and remote site or per interpreter, times in the viewer's zone
 * with the remote site's own clock beside them. An interpreter signing
 * in sees only their own schedule here. */
struct _WsScheduleView
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkStack       *stack;
  GtkStack       *content_stack;
  WsScheduleGrid *grid;
  GtkLabel       *period_label;
  GtkLabel       *zone_label;
  AdwStatusPage  *problem_page;
  AdwBin         *own_bin;

  /* owned */
  WsDatabase     *db;
  GSettings      *settings;
  GCancellable   *cancellable;
  GDateTime      *day;       /* midnight of the day shown, in the viewer's zone */
  char           *zone;
  char           *mode;      /* "day" or "week" */
  char           *grouping;  /* "room" or "interpreter" */
  GtkWidget      *own;
};

G_DEFINE_FINAL_TYPE (WsScheduleView, ws_schedule_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODE,
  PROP_GROUPING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_week (WsScheduleView *self)
{
  return g_strcmp0 (self->mode, "week") == 0;
}

static GDateTime *
midnight_in (GDateTime  *instant,
             const char *zone)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, tz);

  return g_date_time_new (g_date_time_get_timezone (local), g_date_time_get_year (local),
                          g_date_time_get_month (local), g_date_time_get_day_of_month (local), 0, 0, 0);
}

/* The first day shown: the day itself, or the Monday of its week. */
static GDateTime *
first_day (WsScheduleView *self)
{
  if (!is_week (self))
    return g_date_time_ref (self->day);
  return g_date_time_add_days (self->day, 1 - g_date_time_get_day_of_week (self->day));
}

static void
update_period_label (WsScheduleView *self,
                     GDateTime      *first,
                     GDateTime      *last)
{
  g_autofree char *text = NULL;
  g_autofree char *zone = NULL;

  if (is_week (self))
    {
      g_autofree char *a = g_date_time_format (first, _("%e %b"));
      g_autofree char *b = g_date_time_format (last, _("%e %b %Y"));

      /* Translators: a week, e.g. "Week of 23 Nov – 29 Nov 2026" */
      text = g_strdup_printf (_("Week of %s – %s"), g_strstrip (a), g_strstrip (b));
    }
  else
    /* Translators: the day shown, e.g. "Monday 23 November 2026" */
    text = g_date_time_format (first, _("%A %e %B %Y"));
  gtk_label_set_text (self->period_label, text);
  /* Translators: the zone every time of the grid is in */
  zone = g_strdup_printf (_("Times in %s; remote sites' own time beside them"), self->zone);
  gtk_label_set_text (self->zone_label, zone);
}

static char *
session_tooltip (WsSession  *session,
                 const char *zone)
{
  g_autofree char *times = ws_session_format_times (session, zone);
  g_autofree char *remote = ws_session_format_remote_times (session);
  GString *text = g_string_new (NULL);
  const char *court = ws_session_get_court_site_name (session);
  const char *site = ws_session_get_remote_site_name (session);

  /* Translators: a witness's pseudonym and the session's times */
  g_string_append_printf (text, _("%s, %s"), ws_session_get_pseudonym (session), times);
  if (remote != NULL)
    g_string_append_printf (text, " (%s)", remote);
  g_string_append_printf (text, "\n%s", ws_session_status_get_label (ws_session_get_status (session)));
  if (ws_session_get_case_reference (session) != NULL)
    g_string_append_printf (text, " · %s", ws_session_get_case_reference (session));
  if (court != NULL || site != NULL)
    g_string_append_printf (text, "\n%s ↔ %s", court != NULL ? court : _("No court room"),
                            site != NULL ? site : _("No remote site"));
  for (guint i = 0; i < ws_session_get_n_interpreters (session); i++)
    /* Translators: an interpreter and the language they interpret */
    g_string_append_printf (text, _("\nInterpreter: %s (%s)"), ws_session_get_interpreter_name (session, i),
                            ws_session_get_interpreter_language (session, i));
  if (ws_session_get_status (session) == WS_SESSION_STATUS_CANCELLED)
    g_string_append_printf (text, _("\nCancelled: %s"), ws_session_get_cancel_reason (session));
  return g_string_free (text, FALSE);
}

static void
add_session (WsScheduleView *self,
             guint           row,
             WsSession      *session)
{
  g_autofree char *times = ws_session_format_times (session, self->zone);
  const char *remote_zone = ws_session_get_remote_zone (session);
  /* The remote clock only when it differs from the viewer's. */
  g_autofree char *remote = remote_zone != NULL && g_strcmp0 (remote_zone, self->zone) != 0
                            ? ws_session_format_remote_times (session) : NULL;
  g_autofree char *tooltip = session_tooltip (session, self->zone);
  /* A week leaves room for the times in the viewer's zone only; the
   * remote clock is in the tooltip and the day view. */
  g_autofree char *detail = remote != NULL && !is_week (self) ? g_strdup_printf ("%s · %s", times, remote)
                                                               : g_strdup (times);
  static const char * const classes[] = { "planned", "confirmed", "cancelled" };

  ws_schedule_grid_add_block (self->grid, row, ws_session_get_starts_at (session), ws_session_get_ends_at (session),
                              ws_session_get_pseudonym (session), detail, tooltip,
                              classes[ws_session_get_status (session)], session);
}

static gboolean
session_in_row (WsSession     *session,
                WsScheduleRow *row,
                gboolean       by_room)
{
  gint64 id = ws_schedule_row_get_id (row);

  if (by_room)
    return ws_session_get_court_site_id (session) == id || ws_session_get_remote_site_id (session) == id;
  for (guint i = 0; i < ws_session_get_n_interpreters (session); i++)
    if (ws_session_get_interpreter_id (session, i) == id)
      return TRUE;
  return FALSE;
}

static char *
row_subtitle (WsScheduleView *self,
              WsScheduleRow  *row,
              GHashTable     *languages)
{
  if (g_strcmp0 (self->grouping, "interpreter") == 0)
    {
      gint64 id = ws_schedule_row_get_id (row);
      const char *spoken = languages != NULL ? g_hash_table_lookup (languages, &id) : NULL;

      /* Translators: an interpreter's time zone and languages (the zone
       * first, so a long list of languages does not hide it) */
      return spoken != NULL ? g_strdup_printf (_("%s · %s"), ws_schedule_row_get_zone (row), spoken)
                            : g_strdup (ws_schedule_row_get_zone (row));
    }
  /* Translators: a site's kind and time zone, e.g. "Site abroad · Asia/Bangkok" */
  return g_strdup_printf (_("%s · %s"), ws_site_kind_get_label (ws_schedule_row_get_site_kind (row)),
                          ws_schedule_row_get_zone (row));
}

/* Interpreter id → "Arabic (Levantine), Kurdish", for the row headers. */
static GHashTable *
interpreter_languages (WsScheduleView *self)
{
  g_autoptr(GPtrArray) interpreters = ws_database_list_interpreters (self->db, NULL);
  GHashTable *languages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; interpreters != NULL && i < interpreters->len; i++)
    {
      WsInterpreter *interpreter = g_ptr_array_index (interpreters, i);
      gint64 id = ws_interpreter_get_id (interpreter);

      g_hash_table_insert (languages, g_memdup2 (&id, sizeof id), ws_interpreter_dup_languages_text (interpreter));
    }
  return languages;
}

/* Cancelled sessions stay on the page, drawn apart, so that nobody books
 * into their slot believing the link is still on. */
static void
fill_grid (WsScheduleView *self,
           GPtrArray      *rows,
           GPtrArray      *cancelled)
{
  gboolean by_room = g_strcmp0 (self->grouping, "room") == 0;
  g_autoptr(GHashTable) languages = by_room ? NULL : interpreter_languages (self);

  ws_schedule_grid_clear (self->grid);
  for (guint r = 0; r < rows->len; r++)
    {
      WsScheduleRow *row = g_ptr_array_index (rows, r);
      GPtrArray *sessions = ws_schedule_row_get_sessions (row);
      g_autofree char *subtitle = row_subtitle (self, row, languages);
      guint index = ws_schedule_grid_add_row (self->grid, ws_schedule_row_get_title (row), subtitle, row);

      for (guint s = 0; sessions != NULL && s < sessions->len; s++)
        add_session (self, index, g_ptr_array_index (sessions, s));
      for (guint s = 0; cancelled != NULL && s < cancelled->len; s++)
        if (session_in_row (g_ptr_array_index (cancelled, s), row, by_room))
          add_session (self, index, g_ptr_array_index (cancelled, s));
    }
  gtk_stack_set_visible_child_name (self->content_stack, rows->len > 0 ? "grid" : "empty");
}

static GPtrArray *
list_cancelled (WsScheduleView *self,
                GDateTime      *from,
                GDateTime      *to)
{
  g_autoptr(GPtrArray) all = ws_database_list_sessions (self->db, from, to, NULL);
  GPtrArray *cancelled = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (ws_session_get_status (g_ptr_array_index (all, i)) == WS_SESSION_STATUS_CANCELLED)
      g_ptr_array_add (cancelled, g_object_ref (g_ptr_array_index (all, i)));
  return cancelled;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WsScheduleView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = ws_database_list_schedule_finish (WS_DATABASE (source), result, &error);
  g_autoptr(GPtrArray) cancelled = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (rows == NULL)
    {
      adw_status_page_set_description (self->problem_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "problem");
      return;
    }
  from = first_day (self);
  to = g_date_time_add_days (from, is_week (self) ? 7 : 1);
  cancelled = list_cancelled (self, from, to);
  fill_grid (self, rows, cancelled);
}

static gboolean
shows_own (WsScheduleView *self)
{
  return ws_database_get_actor_role (self->db) == WS_ROLE_INTERPRETER;
}

static void
update_actions (WsScheduleView *self)
{
  gboolean may_edit = ws_database_may (self->db, WS_PERMISSION_EDIT_SCHEDULE);
  gboolean may_read = ws_database_may (self->db, WS_PERMISSION_READ_SCHEDULE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.new-session", may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.manage-sites", may_read);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.manage-interpreters", may_read);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.interpreter-schedule", may_read);
}

/**
 * ws_schedule_view_reload:
 *
 * Reads the days shown again; the window calls it after any change to
 * the database, as for its other places.
 */
void
ws_schedule_view_reload (WsScheduleView *self)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) last = NULL;

  g_return_if_fail (WS_IS_SCHEDULE_VIEW (self));

  update_actions (self);
  if (shows_own (self))
    {
      if (self->own == NULL)
        {
          self->own = ws_interpreter_schedule_new (self->db, FALSE);
          adw_bin_set_child (self->own_bin, self->own);
        }
      ws_interpreter_schedule_reload (WS_INTERPRETER_SCHEDULE (self->own));
      gtk_stack_set_visible_child_name (self->stack, "own");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "schedule");

  from = first_day (self);
  to = g_date_time_add_days (from, is_week (self) ? 7 : 1);
  last = g_date_time_add_days (to, -1);
  update_period_label (self, from, last);
  ws_schedule_grid_set_range (self->grid, from, is_week (self) ? 7 : 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  ws_database_list_schedule_async (self->db, from, to,
                                   g_strcmp0 (self->grouping, "interpreter") == 0 ? WS_SCHEDULE_BY_INTERPRETER
                                                                                  : WS_SCHEDULE_BY_ROOM,
                                   self->cancellable, loaded_cb, g_object_ref (self));
}

static void
toast (WsScheduleView *self,
       const char     *message)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, adw_toast_new (message));
}

static void
session_saved_cb (WsScheduleView *self,
                  WsSession      *session)
{
  g_autofree char *message = g_strdup_printf (_("Session of “%s” saved"), ws_session_get_pseudonym (session));

  toast (self, message);
  ws_database_emit_changed (self->db);
}

static void
present_editor (WsScheduleView  *self,
                WsSessionEditor *editor)
{
  g_signal_connect_object (editor, "saved", G_CALLBACK (session_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
block_activated_cb (WsScheduleView *self,
                    WsSession      *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsSession) fresh = ws_database_get_session (self->db, ws_session_get_id (session), &error);

  if (fresh == NULL)
    {
      toast (self, error->message);
      return;
    }
  present_editor (self, ws_session_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->db, fresh));
}

static void
slot_activated_cb (WsScheduleView *self,
                   WsScheduleRow  *row,
                   GDateTime      *starts_at)
{
  gboolean by_room = g_strcmp0 (self->grouping, "room") == 0;

  if (!ws_database_may (self->db, WS_PERMISSION_EDIT_SCHEDULE) || row == NULL)
    return;
  ws_schedule_view_new_session (self, starts_at, by_room ? ws_schedule_row_get_id (row) : 0,
                                by_room ? 0 : ws_schedule_row_get_id (row));
}

/**
 * ws_schedule_view_new_session:
 * @starts_at: (nullable): when, or %NULL for the next free hour of the day shown
 * @site_id: a room or remote site to book, or 0
 * @interpreter_id: an interpreter to book, or 0
 *
 * Opens the session editor for a new session.
 */
void
ws_schedule_view_new_session (WsScheduleView *self,
                              GDateTime      *starts_at,
                              gint64          site_id,
                              gint64          interpreter_id)
{
  g_autoptr(GDateTime) at = NULL;

  g_return_if_fail (WS_IS_SCHEDULE_VIEW (self));

  at = starts_at != NULL ? g_date_time_ref (starts_at) : g_date_time_add_hours (self->day, 10);
  present_editor (self, ws_session_editor_new_at (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->db,
                                                  at, site_id, interpreter_id));
}

static void
move (WsScheduleView *self,
      int             direction)
{
  GDateTime *day;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  day = g_date_time_add_days (self->day, direction * (is_week (self) ? 7 : 1));

  g_date_time_unref (self->day);
  /* Midnight again: a day with a clock change is not 24 hours long. */
  self->day = midnight_in (day, self->zone);
  g_date_time_unref (day);
  ws_schedule_view_reload (self);
}

static void
previous_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move (WS_SCHEDULE_VIEW (widget), -1);
}

static void
next_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move (WS_SCHEDULE_VIEW (widget), 1);
}

static void
today_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsScheduleView *self = WS_SCHEDULE_VIEW (widget);
  g_autoptr(GDateTime) now = ws_time_now ();

  ws_schedule_view_set_day (self, now);
}

static void
new_session_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ws_schedule_view_new_session (WS_SCHEDULE_VIEW (widget), NULL, 0, 0);
}

static void
directory_saved_cb (WsScheduleView *self)
{
  ws_database_emit_changed (self->db);
}

static void
open_directory (WsScheduleView *self,
                const char     *page)
{
  GtkWidget *dialog = ws_directory_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->db, page);

  g_signal_connect_object (dialog, "changed", G_CALLBACK (directory_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
manage_sites_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_directory (WS_SCHEDULE_VIEW (widget), "sites");
}

static void
manage_interpreters_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_directory (WS_SCHEDULE_VIEW (widget), "interpreters");
}

static void
interpreter_schedule_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsScheduleView *self = WS_SCHEDULE_VIEW (widget);

  gtk_window_present (ws_interpreter_schedule_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->db));
}

static void
ws_schedule_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WsScheduleView *self = WS_SCHEDULE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;
    case PROP_GROUPING:
      g_value_set_string (value, self->grouping);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_choice (WsScheduleView  *self,
            char           **field,
            const char      *value,
            const char      *first,
            const char      *second,
            guint            prop)
{
  if (g_strcmp0 (value, first) != 0 && g_strcmp0 (value, second) != 0)
    value = first;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  if (self->db != NULL)
    ws_schedule_view_reload (self);
}

static void
ws_schedule_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WsScheduleView *self = WS_SCHEDULE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      set_choice (self, &self->mode, g_value_get_string (value), "day", "week", PROP_MODE);
      break;
    case PROP_GROUPING:
      set_choice (self, &self->grouping, g_value_get_string (value), "room", "interpreter", PROP_GROUPING);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_schedule_view_dispose (GObject *object)
{
  WsScheduleView *self = WS_SCHEDULE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_SCHEDULE_VIEW);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (ws_schedule_view_parent_class)->dispose (object);
}

static void
ws_schedule_view_finalize (GObject *object)
{
  WsScheduleView *self = WS_SCHEDULE_VIEW (object);

  g_clear_pointer (&self->day, g_date_time_unref);
  g_clear_pointer (&self->zone, g_free);
  g_clear_pointer (&self->mode, g_free);
  g_clear_pointer (&self->grouping, g_free);
  G_OBJECT_CLASS (ws_schedule_view_parent_class)->finalize (object);
}

static void
ws_schedule_view_class_init (WsScheduleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ws_schedule_view_get_property;
  object_class->set_property = ws_schedule_view_set_property;
  object_class->dispose = ws_schedule_view_dispose;
  object_class->finalize = ws_schedule_view_finalize;

  properties[PROP_MODE] = g_param_spec_string ("mode", NULL, NULL, "day",
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GROUPING] = g_param_spec_string ("grouping", NULL, NULL, "room",
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WsScheduleView::add-toast:
   * @toast: what to tell the user
   */
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (WS_TYPE_SCHEDULE_GRID);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/witnesssupport/WitnessSupport/schedule/ws-schedule-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WsScheduleView, stack);
  gtk_widget_class_bind_template_child (widget_class, WsScheduleView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, WsScheduleView, grid);
  gtk_widget_class_bind_template_child (widget_class, WsScheduleView, period_label);
  gtk_widget_class_bind_template_child (widget_class, WsScheduleView, zone_label);
  gtk_widget_class_bind_template_child (widget_class, WsScheduleView, problem_page);
  gtk_widget_class_bind_template_child (widget_class, WsScheduleView, own_bin);
  gtk_widget_class_bind_template_callback (widget_class, block_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, slot_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "schedule.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "schedule.grouping", "grouping");
  gtk_widget_class_install_action (widget_class, "schedule.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "schedule.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "schedule.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "schedule.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "schedule.manage-sites", NULL, manage_sites_action);
  gtk_widget_class_install_action (widget_class, "schedule.manage-interpreters", NULL, manage_interpreters_action);
  gtk_widget_class_install_action (widget_class, "schedule.interpreter-schedule", NULL, interpreter_schedule_action);
}

/* Paging works wherever the focus is in the window (the header's "+"
 * after switching places), not only inside the grid; the actions do
 * nothing while the place is not shown. */
static void
add_shortcuts (WsScheduleView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_Page_Up, "schedule.previous" },
    { GDK_KEY_Page_Down, "schedule.next" },
    { GDK_KEY_Home, "schedule.today" },
  };

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, GDK_ALT_MASK),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
ws_schedule_view_init (WsScheduleView *self)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *zone = g_time_zone_get_identifier (local);
  g_autoptr(GDateTime) now = ws_time_now ();

  self->mode = g_strdup ("day");
  self->grouping = g_strdup ("room");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zone = g_strdup (ws_time_zone_is_valid (zone) ? zone : "UTC");
  self->day = midnight_in (now, self->zone);
  add_shortcuts (self);
}

GtkWidget *
ws_schedule_view_new (WsDatabase *db)
{
  WsScheduleView *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_SCHEDULE_VIEW, NULL);
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "schedule-mode", self, "mode", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "schedule-rows", self, "grouping", G_SETTINGS_BIND_DEFAULT);
  self->db = g_object_ref (db);
  update_actions (self);
  return GTK_WIDGET (self);
}

gboolean
ws_schedule_view_is_loading (WsScheduleView *self)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * ws_schedule_view_set_zone:
 * @zone: the IANA zone the viewer reads times in
 */
void
ws_schedule_view_set_zone (WsScheduleView *self,
                           const char     *zone)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (WS_IS_SCHEDULE_VIEW (self));
  g_return_if_fail (ws_time_zone_is_valid (zone));

  g_free (self->zone);
  self->zone = g_strdup (zone);
  day = g_date_time_add_hours (self->day, 12);
  ws_schedule_view_set_day (self, day);
}

const char *
ws_schedule_view_get_zone (WsScheduleView *self)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_VIEW (self), NULL);
  return self->zone;
}

/**
 * ws_schedule_view_set_day:
 * @day: any instant of the day to show (in the viewer's zone)
 */
void
ws_schedule_view_set_day (WsScheduleView *self,
                          GDateTime      *day)
{
  g_return_if_fail (WS_IS_SCHEDULE_VIEW (self));
  g_return_if_fail (day != NULL);

  g_clear_pointer (&self->day, g_date_time_unref);
  self->day = midnight_in (day, self->zone);
  if (self->db != NULL)
    ws_schedule_view_reload (self);
}

/**
 * ws_schedule_view_show_session:
 * @id: a session's id, as a finding names it
 *
 * Shows the day of the session and opens it.
 *
 * Returns: whether the session could be read and opened
 */
gboolean
ws_schedule_view_show_session (WsScheduleView *self,
                               gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsSession) session = NULL;

  g_return_val_if_fail (WS_IS_SCHEDULE_VIEW (self), FALSE);

  session = ws_database_get_session (self->db, id, &error);
  if (session == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  ws_schedule_view_set_day (self, ws_session_get_starts_at (session));
  present_editor (self, ws_session_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->db, session));
  return TRUE;
}

/**
 * ws_schedule_view_get_day:
 *
 * Returns: (transfer none): midnight of the day shown, in the viewer's zone
 */
GDateTime *
ws_schedule_view_get_day (WsScheduleView *self)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_VIEW (self), NULL);
  return self->day;
}

/**
 * ws_schedule_view_get_grid:
 *
 * Returns: (transfer none): the grid of sessions
 */
WsScheduleGrid *
ws_schedule_view_get_grid (WsScheduleView *self)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_VIEW (self), NULL);
  return self->grid;
}

/**
 * ws_schedule_view_get_interpreter_page:
 *
 * Returns: (transfer none) (nullable): the interpreter's own schedule, once shown
 */
GtkWidget *
ws_schedule_view_get_interpreter_page (WsScheduleView *self)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_VIEW (self), NULL);
  return self->own;
}

gboolean
ws_schedule_view_shows_own_schedule (WsScheduleView *self)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_VIEW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "own") == 0;
}
