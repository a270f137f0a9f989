/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ws-case-measures.h"
#include "ws-case-page.h"
#include "ws-cases-view.h"
#include "ws-demo.h"
#include "ws-hearing-editor.h"
#include "ws-hearing.h"
#include "ws-hearings-view.h"
#include "ws-measure-editor.h"
#include "ws-readiness-dialog.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-test-ui.h"
#include "ws-time.h"
#include "ws-window.h"

/* The Hearings place as a prosecutor meets it, on the demonstration unit
 * under Xvfb: the list and its badges, the filters, and a measure moved
 * along its legal steps through the editor. */

typedef struct {
  char     *dir;
  WsDatabase *db;
  WsWindow *window;
} Fixture;

static GtkApplication *app;

static WsHearingsView *
view_of (Fixture *f)
{
  return WS_HEARINGS_VIEW (ws_window_get_place (f->window, "hearings"));
}

/* Iterates until the list has been read (again). */
static gboolean
wait_loaded (Fixture *f)
{
  for (int i = 0; i < 3000; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (!ws_hearings_view_is_loading (view_of (f)))
        return TRUE;
      g_usleep (2000);
    }
  return FALSE;
}

static gboolean
wait_findings (WsHearingPage *page)
{
  for (int i = 0; i < 3000; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (!ws_hearing_page_is_loading_findings (page))
        return TRUE;
      g_usleep (2000);
    }
  return FALSE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The window opens on the places of a profile already at work. */
  f->db = ws_test_open_tmp_db ("ws-hearings-widgets-XXXXXX", &f->dir);
  if (GPOINTER_TO_INT (data))
    {
      ws_demo_fill (f->db, WS_DEMO_WITNESSES, 7, &error);
      g_assert_no_error (error);
    }
  f->window = ws_window_new (app, f->db);
  ws_window_show_place (f->window, "hearings");
  gtk_window_present (GTK_WINDOW (f->window));
  ws_test_ui_spin (50);
  g_assert_true (wait_loaded (f));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ws_test_ui_spin (50);
  ws_test_close_tmp_db (f->db, f->dir);
}

static GPtrArray *
upcoming (Fixture *f)
{
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GError) error = NULL;
  GPtrArray *hearings = ws_database_list_hearings (f->db, now, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return hearings;
}

/* What the badge must say, worked out here from the counts alone. */
static char *
expected_badge (WsHearing *h)
{
  guint undecided = ws_hearing_get_count (h, WS_READINESS_UNDECIDED);
  guint unarranged = ws_hearing_get_count (h, WS_READINESS_GRANTED_NOT_ARRANGED);
  guint refused = ws_hearing_get_count (h, WS_READINESS_REFUSED);
  guint arranged = ws_hearing_get_count (h, WS_READINESS_ARRANGED);
  guint withdrawn = ws_hearing_get_count (h, WS_READINESS_WITHDRAWN);

  if (undecided > 0 && unarranged > 0)
    return g_strdup_printf ("%u undecided, %u not arranged", undecided, unarranged);
  if (undecided > 0)
    return g_strdup_printf ("%u undecided", undecided);
  if (unarranged > 0)
    return g_strdup_printf ("%u not arranged", unarranged);
  if (refused > 0)
    return g_strdup_printf ("Ready, %u refused", refused);
  if (arranged + withdrawn == 0)
    return g_strdup ("No measures");
  return g_strdup ("Ready");
}

static void
test_list_and_badges (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) hearings = upcoming (f);
  WsHearingsView *view = view_of (f);
  gboolean seen_ready = FALSE, seen_refused = FALSE, seen_undecided = FALSE, seen_unarranged = FALSE;

  g_assert_cmpuint (hearings->len, >, 3);
  g_assert_cmpuint (ws_hearings_view_get_n_shown (view), ==, hearings->len);
  for (guint i = 0; i < hearings->len; i++)
    {
      WsHearing *h = g_ptr_array_index (hearings, i);
      g_autoptr(WsHearing) shown = ws_hearings_view_get_shown_item (view, i);
      g_autofree char *badge = ws_hearings_view_get_row_badge (view, i);
      g_autofree char *expected = expected_badge (h);

      /* By date, as the data layer orders them. */
      g_assert_cmpint (ws_hearing_get_id (shown), ==, ws_hearing_get_id (h));
      g_assert_cmpstr (badge, ==, expected);
      seen_ready |= g_str_equal (badge, "Ready");
      seen_refused |= g_str_has_prefix (badge, "Ready, ");
      seen_undecided |= strstr (badge, "undecided") != NULL;
      seen_unarranged |= g_str_has_suffix (badge, "not arranged") && strstr (badge, "undecided") == NULL;
    }
  g_assert_true (seen_ready && seen_refused && seen_undecided && seen_unarranged);
}

static void
test_filters_narrow (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) all = upcoming (f);
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GDateTime) week = g_date_time_add_days (now, 7);
  WsHearingsView *view = view_of (f);
  WsHearing *first = g_ptr_array_index (all, 0);
  const char *court = ws_hearing_get_court (first);
  guint n;

  ws_hearings_view_set_filters (view, court, NULL, WS_HEARING_PERIOD_UPCOMING);
  g_assert_true (wait_loaded (f));
  n = ws_hearings_view_get_n_shown (view);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, all->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WsHearing) h = ws_hearings_view_get_shown_item (view, i);

      g_assert_cmpstr (ws_hearing_get_court (h), ==, court);
    }

  ws_hearings_view_set_filters (view, NULL, NULL, WS_HEARING_PERIOD_NEXT_7_DAYS);
  g_assert_true (wait_loaded (f));
  n = ws_hearings_view_get_n_shown (view);
  g_assert_cmpuint (n, <, all->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WsHearing) h = ws_hearings_view_get_shown_item (view, i);

      g_assert_cmpint (g_date_time_compare (ws_hearing_get_starts_at (h), week), <, 0);
      g_assert_cmpint (g_date_time_compare (ws_hearing_get_starts_at (h), now), >=, 0);
    }

  ws_hearings_view_set_filters (view, NULL, ws_hearing_get_prosecutor (first), WS_HEARING_PERIOD_PAST);
  g_assert_true (wait_loaded (f));
  n = ws_hearings_view_get_n_shown (view);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WsHearing) h = ws_hearings_view_get_shown_item (view, i);

      g_assert_cmpint (g_date_time_compare (ws_hearing_get_starts_at (h), now), <, 0);
      g_assert_cmpstr (ws_hearing_get_prosecutor (h), ==, ws_hearing_get_prosecutor (first));
    }

  ws_hearings_view_set_filters (view, NULL, NULL, WS_HEARING_PERIOD_UPCOMING);
  g_assert_true (wait_loaded (f));
  g_assert_cmpuint (ws_hearings_view_get_n_shown (view), ==, all->len);
}

/* The first upcoming hearing with a measure in @status, selected; the
 * measure is returned. */
static WsMeasure *
select_hearing_with (Fixture         *f,
                     WsMeasureStatus  status,
                     gint64          *hearing_id)
{
  WsHearingsView *view = view_of (f);

  for (guint i = 0; i < ws_hearings_view_get_n_shown (view); i++)
    {
      g_autoptr(WsHearing) h = ws_hearings_view_get_shown_item (view, i);
      GPtrArray *witnesses;

      ws_hearings_view_select_id (view, ws_hearing_get_id (h));
      witnesses = ws_hearing_page_get_witnesses (ws_hearings_view_get_page (view));
      g_assert_nonnull (witnesses);
      for (guint w = 0; w < witnesses->len; w++)
        {
          GListModel *measures = ws_hearing_witness_get_measures (g_ptr_array_index (witnesses, w));

          for (guint m = 0; m < g_list_model_get_n_items (measures); m++)
            {
              g_autoptr(WsMeasure) measure = g_list_model_get_item (measures, m);

              if (ws_measure_get_status (measure) == status && ws_measure_get_person_id (measure) != 0)
                {
                  *hearing_id = ws_hearing_get_id (h);
                  return g_steal_pointer (&measure);
                }
            }
        }
    }
  g_assert_not_reached ();
}

static WsMeasureEditor *
open_editor (Fixture   *f,
             WsMeasure *measure)
{
  g_autoptr(GListModel) toplevels = NULL;

  ws_hearing_page_edit_measure (ws_hearings_view_get_page (view_of (f)), measure);
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (WS_IS_MEASURE_EDITOR (window))
        return WS_MEASURE_EDITOR (window);
    }
  g_assert_not_reached ();
}

static WsHearing *
reread (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  WsHearing *h = ws_database_get_hearing (f->db, id, &error);

  g_assert_no_error (error);
  return h;
}

static void
test_status_change_updates_readiness (Fixture       *f,
                                      gconstpointer  data)
{
  gint64 hearing_id = 0;
  g_autoptr(WsMeasure) measure = select_hearing_with (f, WS_MEASURE_STATUS_APPLIED_FOR, &hearing_id);
  g_autoptr(WsHearing) before = reread (f, hearing_id);
  g_autoptr(WsHearing) after = NULL;
  g_autoptr(WsMeasure) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  WsHearingPage *page = ws_hearings_view_get_page (view_of (f));
  g_autofree char *state_before = g_strdup (ws_hearing_page_get_state_text (page));
  WsMeasureEditor *editor;
  guint n_history;

  history = ws_database_list_measure_history (f->db, ws_measure_get_id (measure), &error);
  g_assert_no_error (error);
  n_history = history->len;
  g_clear_pointer (&history, g_ptr_array_unref);

  editor = open_editor (f, measure);
  g_assert_true (ws_measure_editor_offers_status (editor, WS_MEASURE_STATUS_REFUSED));
  g_assert_true (ws_measure_editor_choose_status (editor, WS_MEASURE_STATUS_REFUSED, &error));
  g_assert_no_error (error);

  /* A refusal needs its reason: marked beside the field, nothing saved. */
  ws_test_ui_set_entry (GTK_WIDGET (editor), "refusal_row", "");
  ws_test_ui_set_entry (GTK_WIDGET (editor), "decided_by_row", "Presiding judge");
  g_assert_false (ws_measure_editor_save (editor));
  g_assert_true (ws_test_ui_row_has_error (GTK_WIDGET (editor), "refusal_row"));
  stored = ws_database_get_measure (f->db, ws_measure_get_id (measure), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_measure_get_status (stored), ==, WS_MEASURE_STATUS_APPLIED_FOR);
  g_clear_object (&stored);

  /* Granted instead: the decision date fills itself with today. */
  g_assert_true (ws_measure_editor_choose_status (editor, WS_MEASURE_STATUS_GRANTED, &error));
  g_assert_no_error (error);
  ws_test_ui_set_entry (GTK_WIDGET (editor), "change_note_row", "Granted at the pre-trial review");
  g_assert_true (ws_measure_editor_save (editor));
  g_assert_true (wait_loaded (f));
  ws_test_ui_spin (50);

  stored = ws_database_get_measure (f->db, ws_measure_get_id (measure), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_measure_get_status (stored), ==, WS_MEASURE_STATUS_GRANTED);
  g_assert_nonnull (ws_measure_get_decided_on (stored));
  history = ws_database_list_measure_history (f->db, ws_measure_get_id (measure), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, n_history + 1);
  g_assert_cmpint (ws_measure_change_get_status (g_ptr_array_index (history, history->len - 1)), ==,
                   WS_MEASURE_STATUS_GRANTED);
  g_assert_cmpstr (ws_measure_change_get_note (g_ptr_array_index (history, history->len - 1)), ==,
                   "Granted at the pre-trial review");

  /* One fewer undecided; the page, reloaded, says so. */
  after = reread (f, hearing_id);
  g_assert_cmpuint (ws_hearing_get_count (after, WS_READINESS_UNDECIDED), ==,
                    ws_hearing_get_count (before, WS_READINESS_UNDECIDED) - 1);
  g_assert_cmpuint (ws_hearing_get_count (after, WS_READINESS_GRANTED_NOT_ARRANGED) +
                    ws_hearing_get_count (after, WS_READINESS_ARRANGED), ==,
                    ws_hearing_get_count (before, WS_READINESS_GRANTED_NOT_ARRANGED) +
                    ws_hearing_get_count (before, WS_READINESS_ARRANGED) + 1);
  g_assert_cmpint (ws_hearing_get_id (ws_hearing_page_get_hearing (page)), ==, hearing_id);
  g_assert_cmpuint (ws_hearing_get_count (ws_hearing_page_get_hearing (page), WS_READINESS_UNDECIDED), ==,
                    ws_hearing_get_count (after, WS_READINESS_UNDECIDED));
  g_assert_cmpstr (ws_hearing_page_get_state_text (page), !=, state_before);
  g_assert_true (wait_findings (page));
}

static void
test_illegal_transition_refused (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 hearing_id = 0;
  g_autoptr(WsMeasure) measure = select_hearing_with (f, WS_MEASURE_STATUS_PROPOSED, &hearing_id);
  g_autoptr(WsMeasure) stored = NULL;
  g_autoptr(GError) error = NULL;
  WsMeasureEditor *editor = open_editor (f, measure);
  GObject *problem = gtk_widget_get_template_child (GTK_WIDGET (editor), WS_TYPE_MEASURE_EDITOR, "problem_label");

  /* Only the legal next steps are offered. */
  g_assert_true (ws_measure_editor_offers_status (editor, WS_MEASURE_STATUS_PROPOSED));
  g_assert_true (ws_measure_editor_offers_status (editor, WS_MEASURE_STATUS_APPLIED_FOR));
  g_assert_true (ws_measure_editor_offers_status (editor, WS_MEASURE_STATUS_WITHDRAWN));
  g_assert_false (ws_measure_editor_offers_status (editor, WS_MEASURE_STATUS_GRANTED));
  g_assert_false (ws_measure_editor_offers_status (editor, WS_MEASURE_STATUS_ARRANGED));

  /* Asked for anyway, the step is refused with the data layer's reason. */
  g_assert_false (ws_measure_editor_choose_status (editor, WS_MEASURE_STATUS_ARRANGED, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot become"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==, error->message);

  /* Saving keeps the status it had. */
  g_assert_true (ws_measure_editor_save (editor));
  stored = ws_database_get_measure (f->db, ws_measure_get_id (measure), NULL);
  g_assert_cmpint (ws_measure_get_status (stored), ==, WS_MEASURE_STATUS_PROPOSED);
}

static void
test_readiness_sheet (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WsHearing) first = ws_hearings_view_get_shown_item (view_of (f), 0);
  g_autofree char *pdf = g_build_filename (f->dir, "sheet.pdf", NULL);
  g_autoptr(GListModel) toplevels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  WsReadinessDialog *dialog = NULL;

  ws_hearings_view_select_id (view_of (f), ws_hearing_get_id (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print-readiness", "x",
                                             ws_hearing_get_id (first)));
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (WS_IS_READINESS_DIALOG (window))
        dialog = WS_READINESS_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpuint (ws_readiness_dialog_get_n_pages (dialog), >, 0);
  text = ws_document_to_text (ws_readiness_dialog_get_document (dialog));
  g_assert_nonnull (strstr (text, ws_hearing_get_case_reference (first)));
  g_assert_cmpuint (ws_database_count_audit (f->db, "export-readiness-pdf"), ==, 0);
  g_assert_true (ws_readiness_dialog_export_pdf (dialog, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (ws_database_count_audit (f->db, "export-readiness-pdf"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gint64
count_screenings (Fixture *f,
                  gint64   case_id)
{
  g_autoptr(GPtrArray) screenings = ws_database_list_screenings (f->db, 0, case_id, NULL);

  return screenings->len;
}

/* The case page lists the case's measures and keeps witnesses apart:
 * added and removed there, refused beside the row when already so. */
static void
test_case_page_screening (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *cases = ws_window_get_place (f->window, "cases");
  WsBrowser *browser = ws_cases_view_get_browser (WS_CASES_VIEW (cases));
  g_autoptr(GPtrArray) all = ws_database_list_cases (f->db, NULL, NULL);
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  WsScreeningGroup *screening;
  WsCaseMeasures *group;
  WsCase *court_case = NULL;
  guint witness = G_MAXUINT;
  gint64 before;

  ws_window_show_place (f->window, "cases");
  for (guint i = 0; i < all->len && witness == G_MAXUINT; i++)
    {
      g_autoptr(GPtrArray) screenings = NULL;

      court_case = g_ptr_array_index (all, i);
      screenings = ws_database_list_screenings (f->db, 0, ws_case_get_id (court_case), NULL);
      g_clear_pointer (&parties, g_ptr_array_unref);
      parties = ws_database_list_parties_of_case (f->db, ws_case_get_id (court_case), NULL);
      if (screenings->len == 0 && parties->len > 0 && ws_case_get_accused (court_case)[0] != NULL)
        witness = 0;
    }
  g_assert_cmpuint (witness, ==, 0);
  for (int i = 0; i < 2000 && ws_browser_get_n_shown (browser) < all->len; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  ws_browser_select_id (browser, ws_case_get_id (court_case));
  ws_test_ui_spin (50);
  screening = WS_SCREENING_GROUP (ws_test_ui_find_descendant (cases, WS_TYPE_SCREENING_GROUP));
  group = WS_CASE_MEASURES (ws_test_ui_find_descendant (cases, WS_TYPE_CASE_MEASURES));
  g_assert_nonnull (screening);
  g_assert_nonnull (group);
  measures = ws_database_list_measures_of_case (f->db, ws_case_get_id (court_case), NULL);
  g_assert_cmpuint (ws_case_measures_get_n_measures (group), ==, measures->len);

  before = count_screenings (f, ws_case_get_id (court_case));
  g_assert_cmpuint (ws_screening_group_get_n_screenings (screening), ==, before);
  /* Witness 0 kept apart from the first named accused. */
  g_assert_true (ws_screening_group_add (screening, 0, 1));
  ws_test_ui_spin (50);
  g_assert_cmpint (count_screenings (f, ws_case_get_id (court_case)), ==, before + 1);
  screening = WS_SCREENING_GROUP (ws_test_ui_find_descendant (cases, WS_TYPE_SCREENING_GROUP));
  g_assert_cmpuint (ws_screening_group_get_n_screenings (screening), ==, before + 1);

  /* The same again is refused beside the row, nothing written. */
  g_assert_false (ws_screening_group_add (screening, 0, 1));
  g_assert_cmpint (count_screenings (f, ws_case_get_id (court_case)), ==, before + 1);

  ws_screening_group_remove (screening, ws_screening_group_get_n_screenings (screening) - 1);
  ws_test_ui_spin (50);
  g_assert_cmpint (count_screenings (f, ws_case_get_id (court_case)), ==, before);
}

/* The deadline follows the setting, and is flagged once it has passed. */
static void
test_deadline_setting (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.witnesssupport.WitnessSupport");
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
  WsHearingsView *view = view_of (f);
  WsHearingPage *page = ws_hearings_view_get_page (view);
  WsHearing *chosen = NULL;

  for (guint i = 0; i < ws_hearings_view_get_n_shown (view) && chosen == NULL; i++)
    {
      g_autoptr(WsHearing) h = ws_hearings_view_get_shown_item (view, i);

      if (g_date_time_compare (ws_hearing_get_starts_at (h), later) > 0)
        {
          ws_hearings_view_select_id (view, ws_hearing_get_id (h));
          chosen = ws_hearings_view_get_selected (view);
        }
    }
  g_assert_nonnull (chosen);

  g_settings_set_uint (settings, "applications-due-days", 1);
  ws_test_ui_spin (50);
  g_assert_false (ws_hearing_page_is_due_passed (page));
  g_settings_set_uint (settings, "applications-due-days", 180);
  ws_test_ui_spin (50);
  g_assert_true (ws_hearing_page_is_due_passed (page));
  g_settings_reset (settings, "applications-due-days");
  ws_test_ui_spin (50);
  g_assert_true (wait_findings (page));
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (view_of (f));
  GObject *stack = gtk_widget_get_template_child (view, WS_TYPE_HEARINGS_VIEW, "stack");

  g_assert_cmpuint (ws_hearings_view_get_n_shown (view_of (f)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
}

static void
type_into (GtkWidget  *editor,
           const char *row_name,
           const char *text)
{
  GObject *row = gtk_widget_get_template_child (editor, WS_TYPE_HEARING_EDITOR, row_name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The message shown beside a field, or NULL when none is shown. */
static const char *
row_error (GtkWidget  *editor,
           const char *row_name)
{
  GObject *row = gtk_widget_get_template_child (editor, WS_TYPE_HEARING_EDITOR, row_name);
  GtkWidget *label = g_object_get_data (row, "ws-form-error-label");

  if (label == NULL || !gtk_widget_get_visible (label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

/* An officer adds a hearing: an end before the start is refused beside
 * the field with nothing saved; corrected, it is saved in the zone typed
 * and appears in the Hearings place. */
static void
test_editor_adds_hearing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(WsCase) court_case = NULL;
  g_autoptr(WsHearing) shown = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  GtkWidget *cases = ws_window_get_place (f->window, "cases");
  WsBrowser *browser;
  GtkWidget *case_page;
  GListModel *toplevels;
  WsHearingEditor *editor;
  GtkWidget *widget;
  gboolean destroyed = FALSE;

  ws_test_set_now ("2030-01-01T08:00:00Z");
  court_case = ws_test_add_case (f->db, "E-1", "Regional Court Salzburg");
  ws_database_emit_changed (f->db);
  ws_window_show_place (f->window, "cases");
  browser = ws_cases_view_get_browser (WS_CASES_VIEW (cases));
  for (int i = 0; i < 2000 && ws_browser_get_n_shown (browser) < 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  ws_browser_select_id (browser, ws_case_get_id (court_case));
  ws_test_ui_spin (30);
  case_page = ws_test_ui_find_descendant (cases, WS_TYPE_CASE_PAGE);
  g_assert_nonnull (case_page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (case_page, WS_TYPE_CASE_PAGE,
                                                                                    "add_hearing_button"))));
  g_assert_true (gtk_widget_activate_action (case_page, "case-page.add-hearing", NULL));
  ws_test_ui_spin (30);
  toplevels = gtk_window_get_toplevels ();
  editor = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (WS_IS_HEARING_EDITOR (item))
        editor = WS_HEARING_EDITOR (item);
    }
  g_assert_nonnull (editor);
  widget = GTK_WIDGET (editor);
  g_signal_connect_swapped (editor, "destroy", G_CALLBACK (g_nullify_pointer), &widget);
  gtk_window_present (GTK_WINDOW (editor));
  ws_test_ui_spin (30);

  type_into (widget, "date_row", "2030-01-03");
  type_into (widget, "start_row", "13:00");
  type_into (widget, "end_row", "09:30");
  type_into (widget, "zone_row", "Europe/Vienna");
  g_assert_null (row_error (widget, "end_row"));
  g_assert_true (gtk_widget_activate_action (widget, "editor.save", NULL));
  ws_test_ui_spin (30);
  g_assert_nonnull (widget);
  g_assert_cmpstr (row_error (widget, "end_row"), ==, "The hearing must end after it starts");
  g_assert_null (row_error (widget, "date_row"));
  g_assert_cmpint (ws_test_count_rows (f->db, "hearing"), ==, 0);

  /* Typing in the field clears its message; a bad time is named too. */
  type_into (widget, "end_row", "half past");
  g_assert_null (row_error (widget, "end_row"));
  g_assert_false (ws_hearing_editor_save (editor));
  g_assert_cmpstr (row_error (widget, "end_row"), ==, "Enter the time as HH:MM, for example 09:30");
  g_assert_cmpint (ws_test_count_rows (f->db, "hearing"), ==, 0);

  type_into (widget, "end_row", "16:30");
  g_assert_true (gtk_widget_activate_action (widget, "editor.save", NULL));
  ws_test_ui_spin (30);
  destroyed = widget == NULL;
  g_assert_true (destroyed);
  g_assert_cmpint (ws_test_count_rows (f->db, "hearing"), ==, 1);
  /* 13:00 in Vienna in winter is 12:00 UTC. */
  starts = ws_test_query_text (f->db, "SELECT starts_at FROM hearing");
  ends = ws_test_query_text (f->db, "SELECT ends_at FROM hearing");
  g_assert_cmpstr (starts, ==, "2030-01-03T12:00:00Z");
  g_assert_cmpstr (ends, ==, "2030-01-03T15:30:00Z");

  ws_window_show_place (f->window, "hearings");
  g_assert_true (wait_loaded (f));
  g_assert_cmpuint (ws_hearings_view_get_n_shown (view_of (f)), ==, 1);
  shown = ws_hearings_view_get_shown_item (view_of (f), 0);
  g_assert_cmpstr (ws_hearing_get_case_reference (shown), ==, "E-1");
  ws_test_set_now (NULL);
}

/* An existing hearing opens with its times as they are at the court;
 * the hearing page offers Edit and Delete only to roles that may. */
static void
test_editor_edits_hearing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WsCase) court_case = NULL;
  g_autoptr(WsHearing) hearing = ws_hearing_new ();
  g_autoptr(WsHearing) held = NULL;
  g_autoptr(GDateTime) start = ws_time_parse_instant ("2030-07-02T13:00:00Z");
  g_autoptr(GDateTime) end = ws_time_parse_instant ("2030-07-02T15:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *ends = NULL;
  WsHearingPage *page;
  GObject *edit_button, *delete_button;
  WsHearingEditor *editor;
  GtkWidget *widget;

  ws_test_set_now ("2030-07-01T08:00:00Z");
  court_case = ws_test_add_case (f->db, "E-2", "Court of New York");
  ws_hearing_set_case_id (hearing, ws_case_get_id (court_case));
  ws_hearing_set_starts_at (hearing, start);
  ws_hearing_set_ends_at (hearing, end);
  ws_hearing_set_zone (hearing, "America/New_York");
  g_assert_true (ws_database_save_hearing (f->db, hearing, &error));
  g_assert_no_error (error);
  ws_database_emit_changed (f->db);
  g_assert_true (wait_loaded (f));

  ws_hearings_view_select_id (view_of (f), ws_hearing_get_id (hearing));
  ws_test_ui_spin (30);
  page = ws_hearings_view_get_page (view_of (f));
  held = g_object_ref (ws_hearing_page_get_hearing (page));
  g_assert_cmpint (ws_hearing_get_id (held), ==, ws_hearing_get_id (hearing));
  edit_button = gtk_widget_get_template_child (GTK_WIDGET (page), WS_TYPE_HEARING_PAGE, "edit_hearing_button");
  delete_button = gtk_widget_get_template_child (GTK_WIDGET (page), WS_TYPE_HEARING_PAGE, "delete_hearing_button");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (edit_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (delete_button)));

  editor = ws_hearing_editor_new (GTK_WINDOW (f->window), f->db, held, 0, "E-2");
  widget = GTK_WIDGET (editor);
  g_signal_connect_swapped (editor, "destroy", G_CALLBACK (g_nullify_pointer), &widget);
  gtk_window_present (GTK_WINDOW (editor));
  ws_test_ui_spin (30);
  /* 13:00 UTC is 09:00 in New York in summer. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_template_child (widget, WS_TYPE_HEARING_EDITOR, "date_row"))), ==, "2030-07-02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_template_child (widget, WS_TYPE_HEARING_EDITOR, "start_row"))), ==, "09:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_template_child (widget, WS_TYPE_HEARING_EDITOR, "end_row"))), ==, "11:00");
  type_into (widget, "end_date_row", "2030-07-03");
  type_into (widget, "end_row", "10:00");
  type_into (widget, "zone_row", "Mars/Olympus");
  g_assert_false (ws_hearing_editor_save (editor));
  g_assert_cmpstr (row_error (widget, "zone_row"), ==, "Enter a time zone such as Europe/Vienna");
  type_into (widget, "zone_row", "America/New_York");
  g_assert_true (ws_hearing_editor_save (editor));
  ws_test_ui_spin (30);
  g_assert_null (widget);
  g_assert_cmpint (ws_test_count_rows (f->db, "hearing"), ==, 1);
  ends = ws_test_query_text (f->db, "SELECT ends_at FROM hearing");
  g_assert_cmpstr (ends, ==, "2030-07-03T14:00:00Z");

  /* Delete says what goes with the hearing, and removes it. */
  ws_test_exec (f->db, "INSERT INTO measure (case_id, hearing_id, type) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'screen')",
                ws_case_get_id (court_case), ws_hearing_get_id (hearing));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "hearing.delete", NULL));
  ws_test_ui_spin (30);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (item))
          dialog = ADW_MESSAGE_DIALOG (item);
      }
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                     "Deleting it also deletes 0 video-link sessions and 1 measure for this hearing alone."
                     " Measures for the whole proceedings, the case and its witnesses stay.");
    adw_message_dialog_response (dialog, "delete");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  ws_test_ui_spin (30);
  g_assert_cmpint (ws_test_count_rows (f->db, "hearing"), ==, 0);
  g_assert_cmpint (ws_test_count_rows (f->db, "measure"), ==, 0);
  g_assert_null (ws_hearing_page_get_hearing (page));

  ws_database_set_actor (f->db, "Ivo Interpreter", WS_ROLE_INTERPRETER);
  ws_hearing_page_set_hearing (page, held);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (edit_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (delete_button)));
  ws_test_set_now (NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ws_test_ui_init (&argc, &argv, "org.witnesssupport.WitnessSupport.HearingsTest");

#define ADD(name, func, with_demo) \
  g_test_add ("/ws/hearings-widgets/" name, Fixture, GINT_TO_POINTER (with_demo), fixture_set_up, func, fixture_tear_down)
  ADD ("list-and-badges", test_list_and_badges, TRUE);
  ADD ("filters-narrow", test_filters_narrow, TRUE);
  ADD ("status-change-updates-readiness", test_status_change_updates_readiness, TRUE);
  ADD ("illegal-transition-refused", test_illegal_transition_refused, TRUE);
  ADD ("readiness-sheet", test_readiness_sheet, TRUE);
  ADD ("case-page-screening", test_case_page_screening, TRUE);
  ADD ("deadline-setting", test_deadline_setting, TRUE);
  ADD ("empty-state", test_empty_state, FALSE);
  ADD ("editor-adds-hearing", test_editor_adds_hearing, FALSE);
  ADD ("editor-edits-hearing", test_editor_edits_hearing, FALSE);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
