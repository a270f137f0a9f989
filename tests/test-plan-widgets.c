/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ws-attention-view.h"
#include "ws-plan.h"
#include "ws-record-editor.h"
#include "ws-rules.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-test-ui.h"
#include "ws-time.h"
#include "ws-window.h"
#include "ws-witness-page.h"
#include "ws-witnesses-view.h"

/* The support plan on a witness page, its editors and the Attention
 * place, on a real database under Xvfb with a fixed clock. */

#define NOW "2026-03-10T09:00:00Z"

typedef struct {
  char       *dir;
  WsDatabase *db;
  WsPerson   *person;
  GtkWindow  *window;
  GtkWidget  *page;
} Fixture;

static GtkApplication *app;

/* Every row title under @widget, depth first. */
static void
collect_titles (GtkWidget *widget,
                GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (titles, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_titles (child, titles);
}

static GPtrArray *
group_titles (Fixture    *f,
              const char *group)
{
  GObject *widget = gtk_widget_get_template_child (f->page, WS_TYPE_WITNESS_PAGE, group);
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (widget);
  collect_titles (GTK_WIDGET (widget), titles);
  return titles;
}

static gboolean
has_title (GPtrArray  *titles,
           const char *title)
{
  for (guint i = 0; i < titles->len; i++)
    if (g_strcmp0 (g_ptr_array_index (titles, i), title) == 0)
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_override_row (GtkWidget *widget)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_has_css_class (widget, "override"))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_override_row (child))
      return TRUE;
  return FALSE;
}

static WsNeed *
first_need (WsDatabase *db,
            guint       index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) needs = ws_database_list_needs (db, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (needs->len, >, index);
  return g_object_ref (g_ptr_array_index (needs, index));
}

static void
add_item (Fixture    *f,
          WsNeed     *need,
          const char *due_on)
{
  g_autoptr(WsSupportItem) item = ws_support_item_new (ws_person_get_id (f->person));
  g_autoptr(GError) error = NULL;

  ws_support_item_set_need_code (item, ws_need_get_code (need));
  ws_support_item_set_phase (item, WS_PHASE_INITIAL);
  ws_support_item_set_offered_on (item, "2026-02-01");
  ws_support_item_set_due_on (item, due_on);
  g_assert_true (ws_database_save_support_item (f->db, item, &error));
  g_assert_no_error (error);
}

static void
add_reflection (WsDatabase *db,
                gint64      person_id,
                const char *starts_on,
                guint       days)
{
  g_autoptr(WsReflectionPeriod) period = ws_reflection_period_new (person_id);
  g_autoptr(GError) error = NULL;

  ws_reflection_period_set_starts_on (period, starts_on);
  ws_reflection_period_set_days (period, days);
  g_assert_true (ws_database_save_reflection_period (db, period, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ws_test_set_now (NOW);
  f->db = ws_test_open_tmp_db ("ws-plan-widgets-XXXXXX", &f->dir);
  f->person = ws_test_add_person (f->db, "Witness P", NULL);
}

static void
open_page (Fixture *f)
{
  f->window = GTK_WINDOW (adw_application_window_new (app));
  f->page = ws_witness_page_new (f->db);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f->window), f->page);
  gtk_window_present (f->window);
  ws_witness_page_set_person (WS_WITNESS_PAGE (f->page), f->person);
  /* The sections below the top fill in after the first frame. */
  for (int i = 0; i < 2000 && !ws_witness_page_is_filled (WS_WITNESS_PAGE (f->page)); i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (ws_witness_page_is_filled (WS_WITNESS_PAGE (f->page)));
  ws_test_ui_spin (20);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      gtk_window_destroy (window);
    }
  ws_test_ui_spin (20);
  g_clear_object (&f->person);
  ws_test_close_tmp_db (f->db, f->dir);
  ws_test_set_now (NULL);
}

static void
test_page_shows_plan (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WsNeed) late = first_need (f->db, 0);
  g_autoptr(WsNeed) later = first_need (f->db, 1);
  g_autoptr(WsPhaseChange) change = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GError) error = NULL;
  GObject *reflection;
  GObject *items_group;
  GtkWidget *toggle;

  change = ws_database_move_to_phase (f->db, ws_person_get_id (f->person), WS_PHASE_INVESTIGATION, "Decided to testify",
                                      &error);
  g_assert_no_error (error);
  add_item (f, late, "2026-03-01");
  add_item (f, later, "2026-04-30");
  /* 60 days from 20 January: the last day is 20 March, 11 days away. */
  add_reflection (f->db, ws_person_get_id (f->person), "2026-01-20", 60);
  open_page (f);

  phases = group_titles (f, "phase_group");
  g_assert_true (has_title (phases, ws_phase_get_label (WS_PHASE_INVESTIGATION)));
  items = group_titles (f, "items_group");
  g_assert_true (has_title (items, ws_need_get_title (late)));
  g_assert_true (has_title (items, ws_need_get_title (later)));
  checklists = group_titles (f, "checklist_group");
  g_assert_true (has_title (checklists, ws_track_get_label (WS_TRACK_PRE_TRIAL)));

  reflection = gtk_widget_get_template_child (f->page, WS_TYPE_WITNESS_PAGE, "reflection_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reflection)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (reflection)), ==, "Reflection period: 11 days left");

  /* "Overdue only" keeps the item due on 1 March and drops the other. */
  items_group = gtk_widget_get_template_child (f->page, WS_TYPE_WITNESS_PAGE, "items_group");
  toggle = find_button (GTK_WIDGET (items_group), "Overdue Only");
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  overdue = group_titles (f, "items_group");
  g_assert_true (has_title (overdue, ws_need_get_title (late)));
  g_assert_false (has_title (overdue, ws_need_get_title (later)));
}

static WsRecordEditor *
find_editor (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (WS_IS_RECORD_EDITOR (window))
        return WS_RECORD_EDITOR (window);
    }
  g_assert_not_reached ();
}

static gboolean
row_has_error (GtkWidget *row)
{
  return gtk_widget_has_css_class (row, "error");
}

static void
test_invalid_item_saves_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  WsRecordEditor *editor;
  GtkWidget *due;
  GtkWidget *need;

  open_page (f);
  g_assert_true (gtk_widget_activate_action (f->page, "plan.add-item", NULL));
  editor = find_editor ();
  due = ws_record_editor_get_field (editor, "due-on");
  need = ws_record_editor_get_field (editor, "need-code");
  gtk_editable_set_text (GTK_EDITABLE (due), "next Tuesday");

  g_assert_false (ws_record_editor_save (editor));
  g_assert_true (row_has_error (due));
  g_assert_true (row_has_error (need));
  g_assert_false (row_has_error (ws_record_editor_get_field (editor, "owner")));
  g_assert_cmpint (ws_test_count_rows (f->db, "support_item"), ==, 0);

  /* Fixed, the same editor saves. */
  gtk_editable_set_text (GTK_EDITABLE (due), "2026-04-01");
  g_assert_false (row_has_error (due));
  adw_combo_row_set_selected (ADW_COMBO_ROW (need), 1);
  g_assert_true (ws_record_editor_save (editor));
  g_assert_cmpint (ws_test_count_rows (f->db, "support_item"), ==, 1);
}

static void
test_invalid_amount_saves_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  WsRecordEditor *editor;
  GtkWidget *amount;

  open_page (f);
  g_assert_true (gtk_widget_activate_action (f->page, "plan.add-benefit", NULL));
  editor = find_editor ();
  amount = ws_record_editor_get_field (editor, "amount-minor");
  gtk_editable_set_text (GTK_EDITABLE (ws_record_editor_get_field (editor, "kind")), "Travel allowance");
  gtk_editable_set_text (GTK_EDITABLE (amount), "-20");

  g_assert_false (ws_record_editor_save (editor));
  g_assert_true (row_has_error (amount));
  g_assert_false (row_has_error (ws_record_editor_get_field (editor, "kind")));
  g_assert_cmpint (ws_test_count_rows (f->db, "benefit"), ==, 0);
}

static void
test_referral_needs_consent_or_reason (Fixture       *f,
                                       gconstpointer  data)
{
  WsRecordEditor *editor;
  GtkWidget *agency, *reason;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GError) error = NULL;
  GObject *group;

  ws_test_exec (f->db, "INSERT INTO agency (name) VALUES ('Legal Aid Centre')");
  open_page (f);
  g_assert_true (gtk_widget_activate_action (f->page, "plan.add-referral", NULL));
  editor = find_editor ();
  agency = ws_record_editor_get_field (editor, "agency-id");
  reason = ws_record_editor_get_field (editor, "override");
  adw_combo_row_set_selected (ADW_COMBO_ROW (agency), 1);
  gtk_editable_set_text (GTK_EDITABLE (ws_record_editor_get_field (editor, "purpose")), "legal counsel");

  /* No consent covers it and no reason is given: refused, beside the reason. */
  g_assert_false (ws_record_editor_save (editor));
  g_assert_true (row_has_error (reason));
  g_assert_false (row_has_error (agency));
  g_assert_cmpint (ws_test_count_rows (f->db, "referral"), ==, 0);

  /* A written reason overrides, and the referral shows as an exception. */
  gtk_editable_set_text (GTK_EDITABLE (reason), "Immediate danger; the witness could not be reached");
  g_assert_true (ws_record_editor_save (editor));
  g_assert_cmpint (ws_test_count_rows (f->db, "referral"), ==, 1);
  ws_test_ui_spin (20);
  group = gtk_widget_get_template_child (f->page, WS_TYPE_WITNESS_PAGE, "referral_group");
  referrals = ws_database_list_referrals (f->db, ws_person_get_id (f->person), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (referrals->len, ==, 1);
  g_assert_cmpint (ws_referral_get_consent_id (g_ptr_array_index (referrals, 0)), ==, 0);
  g_assert_true (has_override_row (GTK_WIDGET (group)));
}

static void
wait_for_attention (WsAttentionView *view)
{
  for (int i = 0; i < 2000 && ws_attention_view_is_loading (view); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_false (ws_attention_view_is_loading (view));
}

static void
test_attention_lists_and_opens (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(WsPerson) other = ws_test_add_person (f->db, "Witness Q", NULL);
  g_autoptr(WsRiskAssessment) risk = ws_risk_assessment_new (ws_person_get_id (other));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(WsFinding) first = NULL;
  WsWindow *window;
  WsAttentionView *view;
  GListModel *shown;
  WsWitnessesView *witnesses;

  /* Witness P's period ends tomorrow (urgent); Witness Q's risk review
   * was due last week (a warning). */
  add_reflection (f->db, ws_person_get_id (f->person), "2026-02-10", 30);
  ws_risk_assessment_set_assessed_on (risk, "2026-01-05");
  ws_risk_assessment_set_level (risk, WS_RISK_LEVEL_MEDIUM);
  ws_risk_assessment_set_assessed_by (risk, WS_TEST_OFFICER);
  ws_risk_assessment_set_next_review (risk, "2026-03-03");
  g_assert_true (ws_database_save_risk_assessment (f->db, risk, &error));
  g_assert_no_error (error);

  window = ws_window_new (app, f->db);
  gtk_window_present (GTK_WINDOW (window));
  view = WS_ATTENTION_VIEW (ws_window_get_place (window, "attention"));
  g_assert_nonnull (view);
  ws_test_ui_spin (20);
  wait_for_attention (view);

  expected = ws_rules_evaluate (f->db, ws_time_now (), NULL, &error);
  g_assert_no_error (error);
  shown = ws_attention_view_get_shown (view);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected->len);
  g_assert_cmpuint (expected->len, >=, 2);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(WsFinding) finding = g_list_model_get_item (shown, i);
      WsFinding *want = g_ptr_array_index (expected, i);

      g_assert_cmpstr (ws_finding_get_rule (finding), ==, ws_finding_get_rule (want));
      g_assert_cmpint (ws_finding_get_person_id (finding), ==, ws_finding_get_person_id (want));
      if (i > 0)
        {
          g_autoptr(WsFinding) before = g_list_model_get_item (shown, i - 1);

          g_assert_cmpint (ws_finding_get_severity (before), >=, ws_finding_get_severity (finding));
        }
    }
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpint (ws_finding_get_severity (first), ==, WS_FINDING_SEVERITY_URGENT);
  g_assert_cmpstr (ws_finding_get_pseudonym (first), ==, "Witness P");

  /* Only warnings: Witness Q's review. */
  ws_attention_view_set_severity (view, WS_FINDING_SEVERITY_WARNING);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(WsFinding) finding = g_list_model_get_item (shown, i);

      g_assert_cmpint (ws_finding_get_severity (finding), ==, WS_FINDING_SEVERITY_WARNING);
    }
  ws_attention_view_set_severity (view, -1);

  /* Opening the first finding shows Witness P's page. */
  witnesses = WS_WITNESSES_VIEW (ws_window_get_place (window, "witnesses"));
  for (int i = 0; i < 2000 && ws_browser_get_n_shown (ws_witnesses_view_get_browser (witnesses)) < 2; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  ws_window_show_place (window, "attention");
  ws_attention_view_activate (view, 0);
  ws_test_ui_spin (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (witnesses)));
  g_assert_true (ws_witnesses_view_get_selected (witnesses) != NULL);
  g_assert_cmpint (ws_person_get_id (ws_witnesses_view_get_selected (witnesses)), ==, ws_person_get_id (f->person));
  g_assert_true (ws_witness_page_get_person (ws_witnesses_view_get_page (witnesses)) != NULL);
}

static void
test_attention_empty (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  WsWindow *window;
  WsAttentionView *view;
  GtkStack *stack;

  /* A unit with no one in it has nothing to attend to. */
  g_assert_true (ws_database_delete_person (f->db, ws_person_get_id (f->person), &error));
  g_assert_no_error (error);
  window = ws_window_new (app, f->db);
  gtk_window_present (GTK_WINDOW (window));
  view = WS_ATTENTION_VIEW (ws_window_get_place (window, "attention"));
  ws_test_ui_spin (20);
  wait_for_attention (view);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (view), WS_TYPE_ATTENTION_VIEW, "stack"));
  g_assert_cmpuint (ws_attention_view_count (view, -1), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ws_test_ui_init (&argc, &argv, "org.witnesssupport.WitnessSupport.PlanTest");

#define ADD(name, func) \
  g_test_add ("/ws/plan-widgets/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("page-shows-plan", test_page_shows_plan);
  ADD ("invalid-item-saves-nothing", test_invalid_item_saves_nothing);
  ADD ("invalid-amount-saves-nothing", test_invalid_amount_saves_nothing);
  ADD ("referral-needs-consent-or-reason", test_referral_needs_consent_or_reason);
  ADD ("attention-lists-and-opens", test_attention_lists_and_opens);
  ADD ("attention-empty", test_attention_empty);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
