/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ws-calendar-export.h"
#include "ws-demo.h"
#include "ws-document.h"
#include "ws-identity.h"
#include "ws-directory-dialog.h"
#include "ws-interpreter-editor.h"
#include "ws-interpreter-schedule.h"
#include "ws-schedule-sheet-dialog.h"
#include "ws-schedule-view.h"
#include "ws-session-editor.h"
#include "ws-site-editor.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-test-ui.h"
#include "ws-time.h"
#include "ws-window.h"

/* The Schedule place on the demonstration unit, under Xvfb: sessions in
 * the rows they belong to, the editor's live conflict check and its
 * alternatives, and the interpreter's own view. */

typedef struct {
  char       *dir;
  WsDatabase *db;
  WsWindow   *window;
} Fixture;

static GtkApplication *app;

static WsScheduleView *
schedule_view (Fixture *f)
{
  return WS_SCHEDULE_VIEW (ws_window_get_place (f->window, "schedule"));
}

static void
wait_for_schedule (Fixture *f)
{
  for (int i = 0; i < 5000 && ws_schedule_view_is_loading (schedule_view (f)); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_false (ws_schedule_view_is_loading (schedule_view (f)));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = ws_test_open_tmp_db ("ws-schedule-widgets-XXXXXX", &f->dir);
  ws_demo_fill (f->db, WS_DEMO_WITNESSES, WS_DEMO_SEED, &error);
  g_assert_no_error (error);
  f->window = ws_window_new (app, f->db);
  gtk_window_present (GTK_WINDOW (f->window));
  ws_window_show_place (f->window, "schedule");
  ws_schedule_view_set_zone (schedule_view (f), "Europe/Vienna");
  wait_for_schedule (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ws_test_ui_spin (30);
  ws_test_close_tmp_db (f->db, f->dir);
}

/* Upcoming sessions of the demonstration unit, by start. */
static GPtrArray *
upcoming_sessions (Fixture *f)
{
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 120);
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions = ws_database_list_sessions (f->db, now, later, &error);

  g_assert_no_error (error);
  return sessions;
}

/* A planned or confirmed session with a court room, a remote site and an
 * interpreter, whose own booking the data layer does not refuse. */
static WsSession *
clean_session (Fixture   *f,
               GPtrArray *sessions,
               WsSession *other_than)
{
  for (guint i = 0; i < sessions->len; i++)
    {
      WsSession *s = g_ptr_array_index (sessions, i);
      g_autoptr(GPtrArray) conflicts = NULL;

      if (s == other_than || ws_session_get_status (s) == WS_SESSION_STATUS_CANCELLED ||
          ws_session_get_court_site_id (s) == 0 || ws_session_get_remote_site_id (s) == 0 ||
          ws_session_get_n_interpreters (s) == 0)
        continue;
      if (other_than != NULL && ws_session_get_court_site_id (s) == ws_session_get_court_site_id (other_than))
        continue;
      conflicts = ws_database_check_session (f->db, s, NULL, NULL);
      if (conflicts != NULL && !ws_conflicts_have_refusal (conflicts))
        return s;
    }
  g_assert_not_reached ();
}

static gboolean
grid_row_holds (WsScheduleGrid *grid,
                gint64          row_id,
                gint64          session_id)
{
  for (guint r = 0; r < ws_schedule_grid_get_n_rows (grid); r++)
    {
      WsScheduleRow *row = ws_schedule_grid_get_row_item (grid, r);

      if (ws_schedule_row_get_id (row) != row_id)
        continue;
      for (guint b = 0; b < ws_schedule_grid_get_n_blocks (grid, r); b++)
        if (ws_session_get_id (ws_schedule_grid_get_block_item (grid, r, b)) == session_id)
          return TRUE;
    }
  return FALSE;
}

static void
test_sessions_in_rows (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = upcoming_sessions (f);
  WsSession *session = clean_session (f, sessions, NULL);
  WsScheduleGrid *grid = ws_schedule_view_get_grid (schedule_view (f));
  guint n_blocks = 0;

  ws_schedule_view_set_day (schedule_view (f), ws_session_get_starts_at (session));
  wait_for_schedule (f);

  /* The session sits in its court room's row and its remote site's row … */
  g_assert_true (grid_row_holds (grid, ws_session_get_court_site_id (session), ws_session_get_id (session)));
  g_assert_true (grid_row_holds (grid, ws_session_get_remote_site_id (session), ws_session_get_id (session)));

  /* … and every block of every row belongs to that row. */
  for (guint r = 0; r < ws_schedule_grid_get_n_rows (grid); r++)
    {
      gint64 id = ws_schedule_row_get_id (ws_schedule_grid_get_row_item (grid, r));

      for (guint b = 0; b < ws_schedule_grid_get_n_blocks (grid, r); b++)
        {
          WsSession *s = ws_schedule_grid_get_block_item (grid, r, b);
          GtkWidget *button = ws_schedule_grid_get_block_widget (grid, r, b);

          g_assert_true (ws_session_get_court_site_id (s) == id || ws_session_get_remote_site_id (s) == id);
          g_assert_true (gtk_widget_has_css_class (button, "cancelled") ==
                         (ws_session_get_status (s) == WS_SESSION_STATUS_CANCELLED));
          n_blocks++;
        }
    }
  g_assert_cmpuint (n_blocks, >=, 2);

  /* By interpreter: the same session in each of its interpreters' rows. */
  g_object_set (schedule_view (f), "grouping", "interpreter", NULL);
  wait_for_schedule (f);
  for (guint i = 0; i < ws_session_get_n_interpreters (session); i++)
    g_assert_true (grid_row_holds (grid, ws_session_get_interpreter_id (session, i), ws_session_get_id (session)));
  g_assert_false (grid_row_holds (grid, ws_session_get_court_site_id (session) + 100000, ws_session_get_id (session)));

  /* A week shows it too. */
  g_object_set (schedule_view (f), "mode", "week", "grouping", "room", NULL);
  wait_for_schedule (f);
  g_assert_true (grid_row_holds (grid, ws_session_get_court_site_id (session), ws_session_get_id (session)));
}

static GtkWidget *
template_row (GtkWidget  *editor,
              const char *row_name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (editor, G_OBJECT_TYPE (editor), row_name));
}

static void
wait_for_check (WsSessionEditor *editor)
{
  for (int i = 0; i < 5000 && ws_session_editor_is_checking (editor); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_false (ws_session_editor_is_checking (editor));
}

static void
choose_site (GtkWidget  *editor,
             const char *row_name,
             const char *site_name)
{
  AdwComboRow *row = ADW_COMBO_ROW (template_row (editor, row_name));
  GListModel *model = adw_combo_row_get_model (row);
  g_autofree char *prefix = g_strdup_printf ("%s — ", site_name);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), prefix))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_assert_not_reached ();
}

static void
test_editor_conflict_and_alternative (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = upcoming_sessions (f);
  WsSession *taken = clean_session (f, sessions, NULL);
  WsSession *mine = clean_session (f, sessions, taken);
  g_autoptr(GDateTime) start = g_date_time_to_utc (ws_session_get_starts_at (taken));
  g_autoptr(GDateTime) end = g_date_time_to_utc (ws_session_get_ends_at (taken));
  g_autofree char *date = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *from = g_date_time_format (start, "%H:%M");
  g_autofree char *to = g_date_time_format (end, "%H:%M");
  WsSessionEditor *editor = ws_session_editor_new (GTK_WINDOW (f->window), f->db, mine);
  GtkWidget *widget = GTK_WIDGET (editor);
  GPtrArray *conflicts;
  gboolean room_refused = FALSE;
  guint before_sequence = ws_session_get_sequence (mine);
  g_autoptr(WsSession) stored = NULL;

  gtk_window_present (GTK_WINDOW (editor));
  ws_session_editor_set_viewer_zone (editor, "UTC");
  g_assert_nonnull (ws_session_editor_get_conflicts (editor));
  g_assert_false (ws_conflicts_have_refusal (ws_session_editor_get_conflicts (editor)));

  /* Typing the other session's time in its court room: refused as it is typed. */
  choose_site (widget, "court_row", ws_session_get_court_site_name (taken));
  ws_test_ui_set_entry (widget, "date_row", date);
  ws_test_ui_set_entry (widget, "start_row", from);
  ws_test_ui_set_entry (widget, "end_row", to);
  g_assert_true (ws_session_editor_is_checking (editor));
  wait_for_check (editor);

  conflicts = ws_session_editor_get_conflicts (editor);
  g_assert_nonnull (conflicts);
  g_assert_true (ws_conflicts_have_refusal (conflicts));
  for (guint i = 0; i < conflicts->len; i++)
    room_refused = room_refused || ws_conflict_get_kind (g_ptr_array_index (conflicts, i)) == WS_CONFLICT_COURT_ROOM_BOOKED;
  g_assert_true (room_refused);
  g_assert_false (ws_session_editor_can_save (editor));
  g_assert_true (gtk_widget_has_css_class (template_row (widget, "court_row"), "error"));
  g_assert_false (ws_session_editor_save (editor));
  stored = ws_database_get_session (f->db, ws_session_get_id (mine), NULL);
  g_assert_cmpuint (ws_session_get_sequence (stored), ==, before_sequence);

  /* The nearest free slot is offered; choosing it fills the form and clears the refusal. */
  g_assert_cmpuint (ws_session_editor_get_n_alternatives (editor), >, 0);
  g_signal_emit_by_name (ws_session_editor_get_alternative_row (editor, 0), "activated");
  ws_test_ui_spin (30);
  g_assert_false (ws_session_editor_is_checking (editor));
  g_assert_false (ws_conflicts_have_refusal (ws_session_editor_get_conflicts (editor)));
  g_assert_false (gtk_widget_has_css_class (template_row (widget, "court_row"), "error"));
  g_assert_false (g_date_time_equal (ws_session_get_starts_at (ws_session_editor_get_draft (editor)), start));
  if (!ws_session_editor_can_save (editor))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (template_row (widget, "accept_check")), TRUE);
  g_assert_true (ws_session_editor_can_save (editor));
  g_assert_true (ws_session_editor_save (editor));
  ws_test_ui_spin (30);
}

static char *
identity_text (Fixture *f,
               gint64   person_id,
               guint    field)
{
  g_autoptr(WsPerson) person = ws_database_get_person (f->db, person_id, NULL);
  g_autoptr(WsIdentity) identity = ws_database_read_identity (f->db, person, NULL);
  const char *text = identity != NULL ? ws_identity_get_text (identity, field) : NULL;

  return g_strdup (text);
}

static void
test_interpreter_view (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = upcoming_sessions (f);
  WsSession *session = clean_session (f, sessions, NULL);
  gint64 interpreter_id = ws_session_get_interpreter_id (session, 0);
  g_autoptr(WsInterpreter) interpreter = ws_database_get_interpreter (f->db, interpreter_id, NULL);
  g_autofree char *legal_name = identity_text (f, ws_session_get_person_id (session), WS_IDENTITY_LEGAL_NAME);
  g_autofree char *birth = identity_text (f, ws_session_get_person_id (session), WS_IDENTITY_DATE_OF_BIRTH);
  g_autofree char *officer_sees = NULL;
  g_autofree char *interpreter_sees = NULL;
  GtkWindow *window;
  GtkWidget *own;

  g_assert_nonnull (interpreter);
  g_assert_nonnull (legal_name);
  /* The witness asked for a female interpreter: the interpreter is told. */
  ws_test_exec (f->db, "UPDATE person SET interpreter_gender = 'female' WHERE id = %lld",
                (long long) ws_session_get_person_id (session));

  /* What an officer opens as "Interpreter's Schedule…" … */
  window = ws_interpreter_schedule_window_new (GTK_WINDOW (f->window), f->db);
  gtk_window_present (window);
  ws_interpreter_schedule_set_interpreter (g_object_get_data (G_OBJECT (window), "ws-interpreter-schedule"), interpreter_id);
  ws_test_ui_spin (30);
  officer_sees = ws_interpreter_schedule_dup_text (g_object_get_data (G_OBJECT (window), "ws-interpreter-schedule"));
  gtk_window_destroy (window);

  /* … is exactly what the interpreter sees as their Schedule place. */
  ws_database_set_actor (f->db, ws_interpreter_get_name (interpreter), WS_ROLE_INTERPRETER);
  ws_database_emit_changed (f->db);
  ws_test_ui_spin (30);
  g_assert_true (ws_schedule_view_shows_own_schedule (schedule_view (f)));
  own = ws_schedule_view_get_interpreter_page (schedule_view (f));
  g_assert_nonnull (own);
  interpreter_sees = ws_interpreter_schedule_dup_text (WS_INTERPRETER_SCHEDULE (own));
  g_assert_cmpstr (interpreter_sees, ==, officer_sees);

  /* Their session is there, by pseudonym, in their zone … */
  g_assert_nonnull (strstr (interpreter_sees, ws_session_get_pseudonym (session)));
  g_assert_nonnull (strstr (interpreter_sees, ws_interpreter_get_zone (interpreter)));
  g_assert_nonnull (strstr (interpreter_sees, ws_session_get_interpreter_language (session, 0)));
  g_assert_nonnull (strstr (interpreter_sees, "Asked for: Female interpreter"));

  /* … and nothing else about the witness or the case. */
  g_assert_null (strstr (interpreter_sees, legal_name));
  if (birth != NULL && *birth != '\0')
    g_assert_null (strstr (interpreter_sees, birth));
  g_assert_null (strstr (interpreter_sees, ws_session_get_case_reference (session)));
  if (*ws_session_get_support_person (session) != '\0')
    g_assert_null (strstr (interpreter_sees, ws_session_get_support_person (session)));
  if (*ws_session_get_link_pin (session) != '\0')
    g_assert_null (strstr (interpreter_sees, ws_session_get_link_pin (session)));
}

static void
test_directory_validation (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *directory = ws_directory_dialog_new (GTK_WINDOW (f->window), f->db, "sites");
  GtkWidget *site_editor = ws_site_editor_new (GTK_WINDOW (directory), f->db, NULL);
  GtkWidget *interpreter_editor;
  g_autoptr(WsSite) missing = NULL;
  g_autoptr(WsSite) found = NULL;
  g_autoptr(WsInterpreter) nobody = NULL;

  gtk_window_present (GTK_WINDOW (directory));
  gtk_window_present (GTK_WINDOW (site_editor));

  /* A zone that does not exist is refused beside its field; nothing is saved. */
  ws_test_ui_set_entry (site_editor, "name_row", "Riverside Witness Suite");
  ws_test_ui_set_entry (site_editor, "zone_row", "Mars/Olympus_Mons");
  ws_test_ui_set_entry (site_editor, "opens_row", "09:00");
  ws_test_ui_set_entry (site_editor, "closes_row", "17:00");
  g_assert_false (ws_site_editor_save (WS_SITE_EDITOR (site_editor)));
  g_assert_true (gtk_widget_has_css_class (template_row (site_editor, "zone_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (template_row (site_editor, "name_row"), "error"));
  missing = ws_database_find_site (f->db, "Riverside Witness Suite", NULL);
  g_assert_null (missing);

  ws_test_ui_set_entry (site_editor, "zone_row", "Europe/London");
  g_assert_true (ws_site_editor_save (WS_SITE_EDITOR (site_editor)));
  found = ws_database_find_site (f->db, "Riverside Witness Suite", NULL);
  g_assert_nonnull (found);
  g_assert_cmpstr (ws_site_get_zone (found), ==, "Europe/London");

  /* An interpreter without a language is refused beside the language field. */
  interpreter_editor = ws_interpreter_editor_new (GTK_WINDOW (directory), f->db, NULL);
  gtk_window_present (GTK_WINDOW (interpreter_editor));
  ws_test_ui_set_entry (interpreter_editor, "name_row", "Nadia Probeweise");
  ws_test_ui_set_entry (interpreter_editor, "zone_row", "Europe/Vienna");
  g_assert_false (ws_interpreter_editor_save (WS_INTERPRETER_EDITOR (interpreter_editor)));
  g_assert_true (gtk_widget_has_css_class (template_row (interpreter_editor, "language_row"), "error"));
  nobody = ws_database_find_interpreter (f->db, "Nadia Probeweise", NULL);
  g_assert_null (nobody);
  gtk_window_destroy (GTK_WINDOW (interpreter_editor));
  gtk_window_destroy (GTK_WINDOW (directory));
  ws_test_ui_spin (30);
}

static void
ignore_done (const char *message,
             gpointer    user_data)
{
}

/* The window's exports: the daily sheet previewed, written as PDF and
 * audited; an interpreter's iCalendar written and audited. */
static void
test_sheet_and_calendar (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = upcoming_sessions (f);
  WsSession *session = clean_session (f, sessions, NULL);
  g_autofree char *legal_name = identity_text (f, ws_session_get_person_id (session), WS_IDENTITY_LEGAL_NAME);
  g_autofree char *pdf = g_build_filename (f->dir, "sheet.pdf", NULL);
  g_autofree char *ics = g_build_filename (f->dir, "calendar.ics", NULL);
  g_autoptr(GFile) ics_file = g_file_new_for_path (ics);
  g_autoptr(WsInterpreter) interpreter = ws_database_get_interpreter (f->db, ws_session_get_interpreter_id (session, 0), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *calendar = NULL;
  WsScheduleSheetDialog *sheet;
  GtkWidget *export;

  sheet = ws_schedule_sheet_dialog_new (GTK_WINDOW (f->window), f->db, ws_session_get_starts_at (session), "Europe/Vienna");
  gtk_window_present (GTK_WINDOW (sheet));
  g_assert_cmpuint (ws_schedule_sheet_dialog_get_n_pages (sheet), >=, 1);
  text = ws_document_to_text (ws_schedule_sheet_dialog_get_document (sheet));
  g_assert_nonnull (strstr (text, ws_session_get_pseudonym (session)));
  g_assert_null (strstr (text, legal_name));
  g_assert_cmpuint (ws_database_count_audit (f->db, "export-schedule-sheet-pdf"), ==, 0);
  g_assert_true (ws_schedule_sheet_dialog_export_pdf (sheet, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (ws_database_count_audit (f->db, "export-schedule-sheet-pdf"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (sheet));

  export = ws_calendar_export_dialog_new (GTK_WINDOW (f->window), f->db, ignore_done, NULL);
  g_assert_true (ws_calendar_export_dialog_write (export, WS_CALENDAR_FOR_INTERPRETER, ws_interpreter_get_name (interpreter),
                                                  ics_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ics, &calendar, NULL, NULL));
  g_assert_true (g_str_has_prefix (calendar, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (calendar, ws_session_get_uid (session)));
  g_assert_null (strstr (calendar, legal_name));
  g_assert_cmpuint (ws_database_count_audit (f->db, "export-schedule"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (export));
  ws_test_ui_spin (30);
}

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A prosecutor sees the unit's schedule but may not book: no New Session
 * button, and a session opens to be read, with nothing to choose, type
 * or save. */
static void
test_prosecutor_reads_session (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = upcoming_sessions (f);
  WsSession *session = clean_session (f, sessions, NULL);
  GtkWidget *new_button = find_actionable (GTK_WIDGET (schedule_view (f)), "schedule.new-session");
  WsSessionEditor *editor;
  GtkWidget *widget;

  g_assert_nonnull (new_button);
  g_assert_true (gtk_widget_get_visible (new_button));
  editor = ws_session_editor_new (GTK_WINDOW (f->window), f->db, session);
  widget = GTK_WIDGET (editor);
  g_assert_true (gtk_widget_get_visible (template_row (widget, "save_button")));
  g_assert_true (gtk_widget_get_sensitive (template_row (widget, "hearing_row")));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (template_row (widget, "date_row"))));
  gtk_window_destroy (GTK_WINDOW (editor));

  ws_database_set_actor (f->db, "Paul Prosecutor", WS_ROLE_PROSECUTOR);
  ws_database_emit_changed (f->db);
  wait_for_schedule (f);
  g_assert_false (gtk_widget_get_visible (new_button));

  editor = ws_session_editor_new (GTK_WINDOW (f->window), f->db, session);
  widget = GTK_WIDGET (editor);
  gtk_window_present (GTK_WINDOW (editor));
  wait_for_check (editor);
  g_assert_false (gtk_widget_get_visible (template_row (widget, "save_button")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (template_row (widget, "close_button"))), ==, "_Close");
  g_assert_false (gtk_widget_get_sensitive (template_row (widget, "hearing_row")));
  g_assert_false (gtk_widget_get_sensitive (template_row (widget, "court_row")));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (template_row (widget, "date_row"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (template_row (widget, "start_row"))));
  g_assert_false (gtk_widget_get_visible (template_row (widget, "add_interpreter_group")));
  g_assert_false (gtk_widget_get_visible (template_row (widget, "alternatives_group")));
  g_assert_false (gtk_widget_get_visible (template_row (widget, "accept_row")));
  g_assert_false (gtk_widget_get_visible (template_row (widget, "confirm_button")));
  g_assert_false (gtk_widget_get_visible (template_row (widget, "cancel_button")));
  /* The link's address and PIN are not the prosecutor's. */
  g_assert_false (gtk_widget_get_visible (template_row (widget, "pin_row")));
  gtk_window_destroy (GTK_WINDOW (editor));
  ws_test_ui_spin (30);
}

/* A finding about a session opens it on the Schedule, at its day. */
static void
test_show_session (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = upcoming_sessions (f);
  WsSession *session = g_ptr_array_index (sessions, sessions->len - 1);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (ws_session_get_starts_at (session),
                                                        g_date_time_get_timezone (ws_schedule_view_get_day (schedule_view (f))));
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);
  WsSessionEditor *editor = NULL;

  ws_window_show_place (f->window, "witnesses");
  g_assert_true (ws_window_show_subject (f->window, "session", ws_session_get_id (session)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_parent (GTK_WIDGET (schedule_view (f))))),
                   ==, "schedule");
  g_assert_cmpint (g_date_time_get_day_of_year (ws_schedule_view_get_day (schedule_view (f))), ==,
                   g_date_time_get_day_of_year (local));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (WS_IS_SESSION_EDITOR (window))
        editor = WS_SESSION_EDITOR (window);
    }
  g_assert_nonnull (editor);
  g_assert_cmpint (ws_session_get_id (ws_session_editor_get_draft (editor)), ==, ws_session_get_id (session));
  gtk_window_destroy (GTK_WINDOW (editor));
  /* What the window has no place for is not "shown". */
  g_assert_false (ws_window_show_subject (f->window, "no-such-kind", 1));
  ws_test_ui_spin (30);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ws_test_ui_init (&argc, &argv, "org.witnesssupport.WitnessSupport.ScheduleTest");

#define ADD(name, func) \
  g_test_add ("/ws/schedule-widgets/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("sessions-in-rows", test_sessions_in_rows);
  ADD ("editor-conflict-and-alternative", test_editor_conflict_and_alternative);
  ADD ("interpreter-view", test_interpreter_view);
  ADD ("directory-validation", test_directory_validation);
  ADD ("sheet-and-calendar", test_sheet_and_calendar);
  ADD ("prosecutor-reads-session", test_prosecutor_reads_session);
  ADD ("show-session", test_show_session);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
