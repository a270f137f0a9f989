/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-plan"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <sqlite3.h>

#include "ws-access.h"
#include "ws-enums.h"
#include "ws-exchange.h"
#include "ws-plan-private.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-text.h"
#include "ws-time.h"

/* Today, for every test: a Monday. */
#define NOW "2024-06-03T09:00:00Z"

typedef struct {
  WsTestFixture  base;
  gint64         person_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ws_test_fixture_set_up (&fixture->base, data);
  ws_test_set_now (NOW);
  fixture->person_id = ws_test_add_person_aged (fixture->base.db, "Rosa", WS_AGE_STATUS_ADULT);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ws_test_fixture_tear_down (&fixture->base, data);
}

static gint64
add_agency (WsDatabase *db,
            const char *name)
{
  g_autoptr(WsAgency) agency = ws_agency_new ();
  g_autoptr(GError) error = NULL;

  ws_agency_set_name (agency, name);
  g_assert_true (ws_database_save_agency (db, agency, &error));
  g_assert_no_error (error);
  return ws_agency_get_id (agency);
}

static gint64
add_consent (WsDatabase *db,
             gint64      person_id,
             const char *recipient,
             const char *purpose,
             const char *given,
             const char *expires,
             const char *withdrawn)
{
  g_autoptr(WsConsent) consent = ws_consent_new (person_id);
  g_autoptr(GError) error = NULL;

  ws_consent_set_recipient (consent, recipient);
  ws_consent_set_purpose (consent, purpose);
  ws_consent_set_given_on (consent, given);
  ws_consent_set_expires_on (consent, expires);
  ws_consent_set_withdrawn_on (consent, withdrawn);
  g_assert_true (ws_database_save_consent (db, consent, &error));
  g_assert_no_error (error);
  return ws_consent_get_id (consent);
}

/* The problems ws_database_check_*() found, as "field: message" lines. */
static char *
problems_text (GPtrArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      WsProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (text, "%s: %s\n", problem->field, problem->message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------ */
/* The catalogue and the directory                                     */

static void
test_catalogue_shipped (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) needs = ws_database_list_needs (fixture->base.db, &error);
  guint n_builtin;
  const WsNeedTemplate *builtin = _ws_needs_get_builtin (&n_builtin);

  g_assert_no_error (error);
  g_assert_cmpuint (needs->len, ==, n_builtin);
  /* The migration seeds exactly the rows ws-plan.c lists for translation. */
  for (guint i = 0; i < n_builtin; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM need WHERE code = '%s' AND category = '%s'"
                                              " AND builtin = 1 AND title = '%s'", builtin[i].code,
                                              builtin[i].category, builtin[i].title);

      if (strchr (builtin[i].title, '\'') != NULL)
        continue;
      g_assert_cmpint (ws_test_query_int (fixture->base.db, sql), ==, 1);
      g_assert_true (g_str_has_prefix (builtin[i].code, builtin[i].category));
      g_assert_true (g_strv_contains (ws_need_categories_get_all (), builtin[i].category));
    }
  /* Listed by category in catalogue order. */
  g_assert_cmpstr (ws_need_get_category (g_ptr_array_index (needs, 0)), ==, "basic");
  g_assert_cmpstr (ws_need_get_category (g_ptr_array_index (needs, needs->len - 1)), ==, "compensation");
  g_assert_true (ws_need_get_builtin (g_ptr_array_index (needs, 0)));
  g_assert_cmpstr (ws_need_category_get_label ("legal"), ==, "Legal and migration");
}

static void
test_catalogue_extended (Fixture       *fixture,
                         gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsNeed) need = ws_need_new ();
  g_autoptr(WsNeed) builtin = NULL;
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WsSupportItem) item = ws_support_item_new (fixture->person_id);

  ws_need_set_code (need, "health.physiotherapy");
  ws_need_set_category (need, "health");
  ws_need_set_title (need, "  Physiotherapy ");

  /* An officer may not change the catalogue. */
  g_assert_false (ws_database_save_need (db, need, TRUE, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);

  ws_database_set_actor (db, "Ada Admin", WS_ROLE_ADMINISTRATOR);
  g_assert_true (ws_database_save_need (db, need, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ws_need_get_title (need), ==, "Physiotherapy");
  g_assert_false (ws_database_save_need (db, need, TRUE, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* Shipped needs stay as shipped. */
  builtin = ws_database_get_need (db, "basic.safety", &error);
  g_assert_no_error (error);
  ws_need_set_title (builtin, "Something else");
  ws_database_check_need (db, builtin, FALSE, problems);
  g_assert_cmpstr (ws_problems_lookup (problems, "code"), ==,
                   "Needs shipped with the program cannot be changed; add your own instead");
  g_assert_false (ws_database_delete_need (db, "basic.safety", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* A need in use stays; an unused one goes. */
  ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_OFFICER);
  ws_support_item_set_need_code (item, "health.physiotherapy");
  g_assert_true (ws_database_save_support_item (db, item, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ws_support_item_get_need_title (item), ==, "Physiotherapy");
  ws_database_set_actor (db, "Ada Admin", WS_ROLE_ADMINISTRATOR);
  g_assert_false (ws_database_delete_need (db, "health.physiotherapy", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ws_database_delete_support_item (db, ws_support_item_get_id (item), &error));
  g_assert_true (ws_database_delete_need (db, "health.physiotherapy", &error));
  g_assert_no_error (error);
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  gint64 shelter = add_agency (db, "Lindenhof Shelter");
  g_autoptr(WsAgency) twin = ws_agency_new ();
  g_autoptr(WsAgency) loaded = NULL;
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  ws_agency_set_name (twin, "lindenhof shelter ");
  ws_database_check_agency (db, twin, problems);
  g_assert_cmpstr (ws_problems_lookup (problems, "name"), ==,
                   "The directory already has an agency called “lindenhof shelter”");

  loaded = ws_database_get_agency (db, shelter, &error);
  g_assert_no_error (error);
  ws_agency_set_contact (loaded, "intake@example.org");
  g_assert_true (ws_database_save_agency (db, loaded, &error));
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM change_history WHERE subject = 'agency'"
                                          " AND change = 'edited: contact'"), ==, 1);
  all = ws_database_list_agencies (db, &error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (ws_agency_get_contact (g_ptr_array_index (all, 0)), ==, "intake@example.org");
  g_assert_true (ws_database_delete_agency (db, shelter, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_count_rows (db, "agency"), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Needs and services                                                  */

static void
test_item_validation (Fixture       *fixture,
                      gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsSupportItem) item = ws_support_item_new (fixture->person_id);
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ws_support_item_set_need_code (item, "health.nothing-like-it");
  ws_support_item_set_offered_on (item, "2024-05-10");
  ws_support_item_set_due_on (item, "2024-05-09");
  ws_support_item_set_consent (item, WS_ITEM_CONSENT_DECLINED);
  ws_support_item_set_status (item, WS_ITEM_STATUS_DONE);
  ws_support_item_set_agency_id (item, 999);
  ws_database_check_support_item (db, item, problems);
  text = problems_text (problems);
  g_assert_cmpstr (text, ==,
                   "due-on: The due date cannot be before the day it was offered\n"
                   "status: The witness declined this service: it cannot be in progress or done\n"
                   "need: “health.nothing-like-it” is not in the catalogue of needs\n"
                   "agency: The agency is no longer in the directory\n");

  /* Nothing is saved, and the record is left as it was. */
  g_assert_false (ws_database_save_support_item (db, item, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_cmpint (ws_support_item_get_id (item), ==, 0);
  g_assert_cmpint (ws_test_count_rows (db, "support_item"), ==, 0);

  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = ws_problems_new ();
  ws_support_item_set_offered_on (item, "3 May");
  ws_support_item_validate (item, problems);
  g_assert_cmpstr (ws_problems_lookup (problems, "offered-on"), ==,
                   "Enter the date as year-month-day, for example 2024-03-01");
}

static gint64
add_item (WsDatabase   *db,
          gint64        person_id,
          const char   *need,
          const char   *due,
          WsItemStatus  status)
{
  g_autoptr(WsSupportItem) item = ws_support_item_new (person_id);
  g_autoptr(GError) error = NULL;

  ws_support_item_set_need_code (item, need);
  ws_support_item_set_offered_on (item, "2024-05-01");
  ws_support_item_set_consent (item, WS_ITEM_CONSENT_ACCEPTED);
  ws_support_item_set_due_on (item, due);
  ws_support_item_set_status (item, status);
  g_assert_true (ws_database_save_support_item (db, item, &error));
  g_assert_no_error (error);
  return ws_support_item_get_id (item);
}

static void
test_item_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  gint64 late = add_item (db, fixture->person_id, "health.counselling", "2024-06-02", WS_ITEM_STATUS_IN_PROGRESS);
  gint64 today = add_item (db, fixture->person_id, "basic.accommodation", "2024-06-03", WS_ITEM_STATUS_PLANNED);
  gint64 done = add_item (db, fixture->person_id, "legal.counsel", "2024-05-20", WS_ITEM_STATUS_DONE);
  gint64 undated = add_item (db, fixture->person_id, "language.interpreter", NULL, WS_ITEM_STATUS_PLANNED);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;

  all = ws_database_list_support_items (db, fixture->person_id, WS_ITEM_FILTER_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  /* By due date, the undated last. */
  g_assert_cmpint (ws_support_item_get_id (g_ptr_array_index (all, 0)), ==, done);
  g_assert_cmpint (ws_support_item_get_id (g_ptr_array_index (all, 3)), ==, undated);
  g_assert_cmpstr (ws_support_item_get_need_title (g_ptr_array_index (all, 1)), ==,
                   "Psychological counselling and treatment");

  overdue = ws_database_list_support_items (db, fixture->person_id, WS_ITEM_FILTER_OVERDUE, &error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpint (ws_support_item_get_id (g_ptr_array_index (overdue, 0)), ==, late);

  open = ws_database_list_support_items (db, fixture->person_id, WS_ITEM_FILTER_PLANNED, &error);
  g_assert_cmpuint (open->len, ==, 2);
  g_assert_cmpint (ws_support_item_get_id (g_ptr_array_index (open, 0)), ==, today);

  /* The same items a day later: "today" is read from the injected clock. */
  ws_test_set_now ("2024-06-04T09:00:00Z");
  g_clear_pointer (&overdue, g_ptr_array_unref);
  overdue = ws_database_list_support_items (db, fixture->person_id, WS_ITEM_FILTER_OVERDUE, &error);
  g_assert_cmpuint (overdue->len, ==, 2);
}

/* ------------------------------------------------------------------ */
/* Phases and checklists                                               */

static guint
count_track (WsDatabase *db,
             gint64      person_id,
             const char *track)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM checklist_item WHERE person_id = %" G_GINT64_FORMAT
                                          " AND track = '%s'", person_id, track);

  return (guint) ws_test_query_int (db, sql);
}

static void
test_plan_starts (Fixture       *fixture,
                  gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(WsPlanOverview) overview = { 0 };
  WsPhaseChange *first;
  guint n_opening, n_initial;

  _ws_track_get_template (WS_TRACK_OPENING, &n_opening);
  _ws_track_get_template (WS_TRACK_INITIAL, &n_initial);

  /* A plan without any case: timeline and the opening and initial checklists. */
  g_assert_cmpint (ws_test_count_rows (db, "case_party"), ==, 0);
  timeline = ws_database_list_phase_changes (db, fixture->person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 1);
  first = g_ptr_array_index (timeline, 0);
  g_assert_cmpint (ws_phase_change_get_phase (first), ==, WS_PHASE_INITIAL);
  g_assert_cmpstr (ws_phase_change_get_moved_by (first), ==, WS_TEST_OFFICER);
  g_assert_cmpstr (ws_phase_change_get_note (first), ==, "Plan started");
  g_assert_true (ws_phase_change_get_assessment_due (first));

  checks = ws_database_list_checklist (db, fixture->person_id, &error);
  g_assert_cmpuint (checks->len, ==, n_opening + n_initial);
  g_assert_cmpint (ws_checklist_item_get_track (g_ptr_array_index (checks, 0)), ==, WS_TRACK_OPENING);
  g_assert_cmpint (ws_checklist_item_get_track (g_ptr_array_index (checks, checks->len - 1)), ==, WS_TRACK_INITIAL);
  g_assert_cmpuint (count_track (db, fixture->person_id, "child"), ==, 0);

  g_assert_true (ws_database_get_plan_overview (db, fixture->person_id, &overview, &error));
  g_assert_cmpint (overview.phase, ==, WS_PHASE_INITIAL);
  g_assert_cmpstr (overview.phase_since, ==, "2024-06-03");
  g_assert_cmpuint (overview.open_checks, ==, n_opening + n_initial);
  g_assert_cmpint (overview.reflection_days_left, ==, -1);
  g_assert_true (overview.assessment_due);
}

static void
test_child_track (Fixture       *fixture,
                  gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  gint64 child = ws_test_add_person_aged (db, "Mira", WS_AGE_STATUS_PRESUMED_CHILD);
  g_autoptr(WsPerson) rosa = NULL;
  g_autoptr(GError) error = NULL;
  guint n_child;
  guint added = 99;

  _ws_track_get_template (WS_TRACK_CHILD, &n_child);
  g_assert_cmpuint (count_track (db, child, "child"), ==, n_child);

  /* Found to be a child later: the track comes by itself, once. */
  rosa = ws_database_get_person (db, fixture->person_id, &error);
  ws_person_set_age_status (rosa, WS_AGE_STATUS_CHILD);
  ws_person_set_age_assessed_on (rosa, "2024-06-01");
  ws_test_save_person (db, rosa, NULL);
  g_assert_cmpuint (count_track (db, fixture->person_id, "child"), ==, n_child);
  ws_test_save_person (db, rosa, NULL);
  g_assert_cmpuint (count_track (db, fixture->person_id, "child"), ==, n_child);
  g_assert_true (ws_database_add_track (db, fixture->person_id, WS_TRACK_CHILD, &added, &error));
  g_assert_cmpuint (added, ==, 0);
}

static void
test_phase_move (Fixture       *fixture,
                 gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsPhaseChange) change = NULL;
  g_autoptr(WsPerson) person = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(WsRiskAssessment) risk = ws_risk_assessment_new (fixture->person_id);
  g_autoptr(GError) error = NULL;
  guint n_pre_trial;

  _ws_track_get_template (WS_TRACK_PRE_TRIAL, &n_pre_trial);
  ws_test_set_now ("2024-06-10T14:30:00Z");
  change = ws_database_move_to_phase (db, fixture->person_id, WS_PHASE_INVESTIGATION, " Decided to testify ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_phase_change_get_phase (change), ==, WS_PHASE_INVESTIGATION);
  g_assert_cmpstr (ws_phase_change_get_note (change), ==, "Decided to testify");
  g_assert_cmpstr (ws_phase_change_get_moved_by (change), ==, WS_TEST_OFFICER);
  g_assert_true (ws_phase_change_get_assessment_due (change));
  g_assert_cmpint (g_date_time_get_day_of_month (ws_phase_change_get_began_at (change)), ==, 10);

  person = ws_database_get_person (db, fixture->person_id, &error);
  g_assert_cmpint (ws_person_get_phase (person), ==, WS_PHASE_INVESTIGATION);
  g_assert_cmpuint (count_track (db, fixture->person_id, "pre-trial"), ==, n_pre_trial);

  /* Moving to where it already is, is refused in the user's words. */
  ws_database_check_phase_move (db, fixture->person_id, WS_PHASE_INVESTIGATION, NULL, problems);
  g_assert_cmpstr (ws_problems_lookup (problems, "phase"), ==, "The plan is already in this phase");
  g_assert_null (ws_database_move_to_phase (db, fixture->person_id, WS_PHASE_INVESTIGATION, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* The re-assessment clears "due". */
  ws_risk_assessment_set_assessed_on (risk, "2024-06-10");
  ws_risk_assessment_set_level (risk, WS_RISK_LEVEL_HIGH);
  ws_risk_assessment_set_assessed_by (risk, "Olga Officer");
  g_assert_true (ws_database_save_risk_assessment (db, risk, &error));
  timeline = ws_database_list_phase_changes (db, fixture->person_id, &error);
  g_assert_cmpuint (timeline->len, ==, 2);
  g_assert_false (ws_phase_change_get_assessment_due (g_ptr_array_index (timeline, 0)));
  g_assert_false (ws_phase_change_get_assessment_due (g_ptr_array_index (timeline, 1)));

  /* Sustainable solutions have no checklist of their own. */
  g_clear_object (&change);
  change = ws_database_move_to_phase (db, fixture->person_id, WS_PHASE_SUSTAINABLE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT track) FROM checklist_item"), ==, 3);
}

static void
test_checklist_ticks (Fixture       *fixture,
                      gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(GPtrArray) checks = ws_database_list_checklist (db, fixture->person_id, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  gint64 first = ws_checklist_item_get_id (g_ptr_array_index (checks, 0));
  gint64 second = ws_checklist_item_get_id (g_ptr_array_index (checks, 1));
  WsChecklistItem *item;

  g_assert_true (ws_database_set_checklist_state (db, first, WS_CHECKLIST_STATE_DONE, "2024-05-30", NULL, &error));
  g_assert_no_error (error);

  ws_checklist_check_state (WS_CHECKLIST_STATE_NOT_APPLICABLE, NULL, "  ", problems);
  g_assert_cmpstr (ws_problems_lookup (problems, "reason"), ==, "Say why this does not apply to the witness");
  g_assert_false (ws_database_set_checklist_state (db, second, WS_CHECKLIST_STATE_NOT_APPLICABLE, NULL, "", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ws_database_set_checklist_state (db, second, WS_CHECKLIST_STATE_DONE, "2024-06-04", NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ws_database_set_checklist_state (db, second, WS_CHECKLIST_STATE_NOT_APPLICABLE, NULL,
                                                  "Already had a pseudonym from the police", &error));

  after = ws_database_list_checklist (db, fixture->person_id, &error);
  item = g_ptr_array_index (after, 0);
  g_assert_cmpint (ws_checklist_item_get_state (item), ==, WS_CHECKLIST_STATE_DONE);
  g_assert_cmpstr (ws_checklist_item_get_done_on (item), ==, "2024-05-30");
  g_assert_cmpstr (ws_checklist_item_get_done_by (item), ==, WS_TEST_OFFICER);
  item = g_ptr_array_index (after, 1);
  g_assert_cmpint (ws_checklist_item_get_state (item), ==, WS_CHECKLIST_STATE_NOT_APPLICABLE);
  g_assert_cmpstr (ws_checklist_item_get_reason (item), ==, "Already had a pseudonym from the police");
  g_assert_cmpstr (ws_checklist_item_get_done_on (item), ==, "2024-06-03");

  /* Reopened: nothing of the tick remains. */
  g_assert_true (ws_database_set_checklist_state (db, first, WS_CHECKLIST_STATE_OPEN, NULL, NULL, &error));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ws_database_list_checklist (db, fixture->person_id, &error);
  item = g_ptr_array_index (after, 0);
  g_assert_cmpint (ws_checklist_item_get_state (item), ==, WS_CHECKLIST_STATE_OPEN);
  g_assert_null (ws_checklist_item_get_done_on (item));
  g_assert_cmpstr (ws_checklist_item_get_done_by (item), ==, "");
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM change_history WHERE subject = 'checklist-item'"),
                   ==, 3);
}

/* ------------------------------------------------------------------ */
/* Consent and referrals                                               */

static WsReferral *
new_referral (gint64      person_id,
              gint64      agency_id,
              const char *purpose,
              const char *on)
{
  WsReferral *referral = ws_referral_new (person_id);

  ws_referral_set_agency_id (referral, agency_id);
  ws_referral_set_purpose (referral, purpose);
  ws_referral_set_referred_on (referral, on);
  return referral;
}

static void
test_referral_gated (Fixture       *fixture,
                     gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  gint64 clinic = add_agency (db, "Riverside Health Clinic");
  g_autoptr(WsReferral) referral = new_referral (fixture->person_id, clinic, "Health care appointments", "2024-06-01");
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  gint64 consent;
  gint64 found = -1;

  /* No consent at all. */
  ws_database_check_referral (db, referral, problems);
  g_assert_nonnull (ws_problems_lookup (problems, "consent"));
  g_assert_false (ws_database_save_referral (db, referral, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* Consents that do not cover it: another purpose, expired, withdrawn, given after. */
  add_consent (db, fixture->person_id, "Riverside Health Clinic", "Counselling", "2024-05-01", NULL, NULL);
  add_consent (db, fixture->person_id, "Riverside Health Clinic", "Health care appointments", "2024-01-01",
               "2024-05-31", NULL);
  add_consent (db, fixture->person_id, "Riverside Health Clinic", "Health care appointments", "2024-05-01",
               NULL, "2024-06-01");
  add_consent (db, fixture->person_id, "Riverside Health Clinic", "Health care appointments", "2024-06-02",
               NULL, NULL);
  g_assert_false (ws_database_save_referral (db, referral, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ws_test_count_rows (db, "referral"), ==, 0);

  /* Expiring on the day still covers it; names and purposes match loosely. */
  consent = add_consent (db, fixture->person_id, " riverside health clinic", "health care appointments ",
                         "2024-05-20", "2024-06-01", NULL);
  g_assert_true (ws_database_find_covering_consent (db, fixture->person_id, clinic, "Health care appointments",
                                                    "2024-06-01", &found, &error));
  g_assert_cmpint (found, ==, consent);
  ws_referral_set_override (referral, "Should not be kept");
  g_assert_true (ws_database_save_referral (db, referral, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_referral_get_consent_id (referral), ==, consent);
  g_assert_cmpstr (ws_referral_get_override (referral), ==, "");
  g_assert_cmpstr (ws_referral_get_agency_name (referral), ==, "Riverside Health Clinic");
  g_assert_cmpuint (ws_database_count_audit (db, "referral-override"), ==, 0);

  /* A referral is a record: not edited; its consent is not deleted under it. */
  g_assert_false (ws_database_save_referral (db, referral, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ws_database_delete_consent (db, consent, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ws_database_delete_agency (db, clinic, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
}

static void
test_referral_override (Fixture       *fixture,
                        gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  gint64 clinic = add_agency (db, "Riverside Health Clinic");
  g_autoptr(WsReferral) referral = new_referral (fixture->person_id, clinic, "Urgent medical care", "2024-06-02");
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;

  ws_referral_set_override (referral, "Urgent care was needed before consent could be asked");
  g_assert_true (ws_database_save_referral (db, referral, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_referral_get_consent_id (referral), ==, 0);
  g_assert_cmpuint (ws_database_count_audit (db, "referral-override"), ==, 1);
  detail = ws_test_query_text (db, "SELECT pseudonym || ' | ' || detail FROM audit WHERE action = 'referral-override'");
  g_assert_true (g_str_has_prefix (detail, "Rosa | referral "));
  g_assert_nonnull (strstr (detail, "to Riverside Health Clinic for “Urgent medical care” without consent:"
                                    " Urgent care was needed before consent could be asked"));

  referrals = ws_database_list_referrals (db, fixture->person_id, &error);
  g_assert_cmpuint (referrals->len, ==, 1);
  g_assert_cmpstr (ws_referral_get_override (g_ptr_array_index (referrals, 0)), ==,
                   "Urgent care was needed before consent could be asked");
}

static void
test_consent_validation (Fixture       *fixture,
                         gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsConsent) consent = ws_consent_new (fixture->person_id);
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;
  GDate day;

  ws_consent_set_given_on (consent, "2024-06-04");
  ws_consent_set_expires_on (consent, "2024-06-01");
  ws_database_check_consent (db, consent, problems);
  text = problems_text (problems);
  g_assert_cmpstr (text, ==,
                   "recipient: Enter who may receive the details (an agency or a person)\n"
                   "purpose: Enter what the details may be used for\n"
                   "given-on: Consent cannot be recorded before it is given\n"
                   "expires-on: Consent cannot expire before it was given\n");

  id = add_consent (db, fixture->person_id, "Police liaison officer", "Sharing the risk assessment", "2024-05-01",
                    NULL, NULL);
  g_assert_true (ws_database_withdraw_consent (db, id, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&consent);
  consent = ws_database_get_consent (db, id, &error);
  g_assert_cmpstr (ws_consent_get_withdrawn_on (consent), ==, "2024-06-03");
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 2, 6, 2024);
  g_assert_true (ws_consent_is_valid_on (consent, &day));
  g_date_set_dmy (&day, 3, 6, 2024);
  g_assert_false (ws_consent_is_valid_on (consent, &day));
  g_assert_false (ws_database_withdraw_consent (db, id, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
}

/* ------------------------------------------------------------------ */
/* Risk, reflection, information, benefits, after the trial            */

static void
add_risk (WsDatabase  *db,
          gint64       person_id,
          const char  *on,
          WsRiskLevel  level)
{
  g_autoptr(WsRiskAssessment) risk = ws_risk_assessment_new (person_id);
  g_autoptr(GError) error = NULL;

  ws_risk_assessment_set_assessed_on (risk, on);
  ws_risk_assessment_set_level (risk, level);
  ws_risk_assessment_set_assessed_by (risk, "Olga Officer");
  g_assert_true (ws_database_save_risk_assessment (db, risk, &error));
  g_assert_no_error (error);
}

static void
test_risk_level_follows (Fixture       *fixture,
                         gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(WsRiskAssessment) bad = ws_risk_assessment_new (fixture->person_id);
  g_autoptr(GError) error = NULL;

  add_risk (db, fixture->person_id, "2024-05-01", WS_RISK_LEVEL_HIGH);
  add_risk (db, fixture->person_id, "2024-04-01", WS_RISK_LEVEL_LOW);
  g_assert_cmpint (ws_test_query_int (db, "SELECT risk_level = 'high' FROM person"), ==, 1);
  add_risk (db, fixture->person_id, "2024-06-01", WS_RISK_LEVEL_MEDIUM);
  g_assert_cmpint (ws_test_query_int (db, "SELECT risk_level = 'medium' FROM person"), ==, 1);

  risks = ws_database_list_risk_assessments (db, fixture->person_id, &error);
  g_assert_cmpstr (ws_risk_assessment_get_assessed_on (g_ptr_array_index (risks, 0)), ==, "2024-06-01");
  g_assert_true (ws_database_delete_risk_assessment (db, ws_risk_assessment_get_id (g_ptr_array_index (risks, 0)),
                                                     &error));
  g_assert_cmpint (ws_test_query_int (db, "SELECT risk_level = 'high' FROM person"), ==, 1);

  ws_risk_assessment_set_assessed_on (bad, "2024-06-01");
  ws_risk_assessment_set_next_review (bad, "2024-05-01");
  ws_risk_assessment_set_level (bad, WS_RISK_LEVEL_UNKNOWN);
  ws_database_check_risk_assessment (db, bad, problems);
  g_assert_cmpstr (ws_problems_lookup (problems, "level"), ==, "Choose low, medium or high");
  g_assert_cmpstr (ws_problems_lookup (problems, "assessed-by"), ==, "Enter who made the assessment");
  g_assert_cmpstr (ws_problems_lookup (problems, "next-review"), ==, "The next review cannot be before the assessment");
}

static void
test_reflection (Fixture       *fixture,
                 gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsReflectionPeriod) period = NULL;
  g_autoptr(WsReflectionPeriod) current = NULL;
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ends = NULL;
  g_auto(WsPlanOverview) overview = { 0 };
  GDate today;

  ws_plan_set_default_reflection_days (45);
  period = ws_reflection_period_new (fixture->person_id);
  ws_plan_set_default_reflection_days (WS_REFLECTION_DEFAULT_DAYS);
  g_assert_cmpuint (ws_reflection_period_get_days (period), ==, 45);
  ws_reflection_period_set_days (period, 30);
  ws_reflection_period_set_starts_on (period, "2024-05-05");
  ends = ws_reflection_period_dup_ends_on (period);
  g_assert_cmpstr (ends, ==, "2024-06-03");

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 3, 6, 2024);
  g_assert_cmpint (ws_reflection_period_get_days_left (period, &today), ==, 1);
  g_date_set_dmy (&today, 4, 6, 2024);
  g_assert_cmpint (ws_reflection_period_get_days_left (period, &today), ==, 0);
  g_date_set_dmy (&today, 1, 5, 2024);
  g_assert_cmpint (ws_reflection_period_get_days_left (period, &today), ==, 30);

  g_assert_true (ws_database_save_reflection_period (db, period, &error));
  g_assert_no_error (error);
  current = ws_database_get_current_reflection_period (db, fixture->person_id, &error);
  g_assert_cmpint (ws_reflection_period_get_id (current), ==, ws_reflection_period_get_id (period));
  g_assert_true (ws_database_get_plan_overview (db, fixture->person_id, &overview, &error));
  g_assert_cmpint (overview.reflection_days_left, ==, 1);

  ws_reflection_period_set_days (period, 0);
  ws_database_check_reflection_period (db, period, problems);
  g_assert_cmpstr (ws_problems_lookup (problems, "days"), ==, "Enter a length between 1 and 3650 days (usually 30 to 90)");
}

static void
test_information_and_benefits (Fixture       *fixture,
                               gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsInformationGiven) info = ws_information_given_new (fixture->person_id);
  g_autoptr(WsBenefit) benefit = ws_benefit_new (fixture->person_id);
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ws_information_given_set_given_on (info, "2024-06-03");
  ws_information_given_set_topic (info, "Rights as a victim of crime");
  ws_information_given_set_language (info, "Romanian");
  ws_information_given_set_mode (info, WS_INFORMATION_MODE_ORAL_AND_WRITTEN);
  g_assert_true (ws_database_save_information (db, info, &error));
  g_assert_no_error (error);

  ws_benefit_set_given_on (benefit, "2024-06-01");
  ws_benefit_set_amount_minor (benefit, -100);
  ws_benefit_set_currency (benefit, "eur");
  ws_database_check_benefit (db, benefit, problems);
  text = problems_text (problems);
  g_assert_cmpstr (text, ==,
                   "kind: Enter what was given, for example a travel allowance\n"
                   "amount: The amount cannot be negative\n"
                   "currency: Enter a three-letter currency code such as EUR\n");
  ws_benefit_set_kind (benefit, "Travel allowance");
  ws_benefit_set_amount_minor (benefit, 4250);
  ws_benefit_set_currency (benefit, "EUR");
  g_assert_true (ws_database_save_benefit (db, benefit, &error));
  ledger = ws_database_list_benefits (db, fixture->person_id, &error);
  g_assert_cmpuint (ledger->len, ==, 1);
  g_assert_true (ws_benefit_get_disclosable (g_ptr_array_index (ledger, 0)));
  g_assert_cmpint (ws_benefit_get_amount_minor (g_ptr_array_index (ledger, 0)), ==, 4250);
}

static void
test_money (void)
{
  gint64 amount = -1;
  g_autofree char *shown = NULL;

  g_assert_true (ws_money_parse ("12", &amount));
  g_assert_cmpint (amount, ==, 1200);
  g_assert_true (ws_money_parse ("12.5", &amount));
  g_assert_cmpint (amount, ==, 1250);
  g_assert_true (ws_money_parse ("1,234.05", &amount));
  g_assert_cmpint (amount, ==, 123405);
  g_assert_true (ws_money_parse (" 0,75 ", &amount));
  g_assert_cmpint (amount, ==, 75);
  g_assert_false (ws_money_parse ("-3", &amount));
  /* Three digits after the mark: it groups thousands. */
  g_assert_true (ws_money_parse ("1.234", &amount));
  g_assert_cmpint (amount, ==, 123400);
  g_assert_false (ws_money_parse ("abc", &amount));
  g_assert_false (ws_money_parse ("", &amount));
  shown = ws_money_format (123405, "EUR");
  g_assert_cmpstr (shown, ==, "1234.05 EUR");
  g_assert_true (ws_currency_is_valid ("USD"));
  g_assert_false (ws_currency_is_valid ("usd"));
}

static void
test_after_trial (Fixture       *fixture,
                  gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsCase) court_case = ws_test_add_case (db, "T-1", "Court");
  g_autoptr(WsVerdict) verdict = ws_verdict_new (ws_case_get_id (court_case));
  g_autoptr(WsVerdict) loaded = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(WsCompensationClaim) claim = ws_compensation_claim_new (fixture->person_id);
  g_autoptr(GError) error = NULL;
  WsPartyOutcome *outcome;

  g_assert_true (ws_database_link_party (db, ws_case_get_id (court_case), fixture->person_id,
                                         WS_PARTY_ROLE_VICTIM_WITNESS, "Witness A", &error));
  g_assert_null (ws_database_get_verdict (db, ws_case_get_id (court_case), &error));
  g_assert_no_error (error);

  /* Before the verdict, no outcome can have been told. */
  outcomes = ws_database_list_party_outcomes (db, fixture->person_id, &error);
  outcome = g_ptr_array_index (outcomes, 0);
  ws_party_outcome_set_outcome_told_on (outcome, "2024-05-20");
  ws_party_outcome_set_impact_statement (outcome, WS_IMPACT_STATEMENT_MADE);
  ws_database_check_party_outcome (db, outcome, problems);
  g_assert_cmpstr (ws_problems_lookup (problems, "outcome-told-on"), ==,
                   "There is no verdict to tell the witness about yet");
  g_assert_cmpstr (ws_problems_lookup (problems, "impact-statement"), ==,
                   "A victim impact statement is made after the verdict; there is none yet");

  ws_verdict_set_given_on (verdict, "2024-05-22");
  ws_verdict_set_outcome (verdict, "Convicted of trafficking in human beings");
  ws_verdict_set_sentence_months (verdict, 84);
  ws_verdict_set_appeal_by (verdict, "2024-05-21");
  g_assert_false (ws_database_save_verdict (db, verdict, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The appeal deadline cannot be before the verdict");
  g_clear_error (&error);
  ws_verdict_set_appeal_by (verdict, "2024-06-05");
  g_assert_true (ws_database_save_verdict (db, verdict, &error));
  g_assert_no_error (error);
  loaded = ws_database_get_verdict (db, ws_case_get_id (court_case), &error);
  g_assert_cmpint (ws_verdict_get_sentence_months (loaded), ==, 84);
  g_assert_null (ws_verdict_get_release_on (loaded));

  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = ws_problems_new ();
  ws_database_check_party_outcome (db, outcome, problems);
  g_assert_cmpstr (ws_problems_lookup (problems, "outcome-told-on"), ==,
                   "The witness cannot be told the outcome before the verdict");
  ws_party_outcome_set_outcome_told_on (outcome, "2024-05-23");
  g_assert_true (ws_database_save_party_outcome (db, outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_query_int (db, "SELECT outcome_told_on = '2024-05-23' AND impact_statement = 'made'"
                                          " FROM case_party"), ==, 1);

  ws_compensation_claim_set_case_id (claim, ws_case_get_id (court_case));
  ws_compensation_claim_set_head (claim, WS_CLAIM_HEAD_UNPAID_WAGES);
  ws_compensation_claim_set_route (claim, WS_CLAIM_ROUTE_LABOUR_CLAIM);
  ws_compensation_claim_set_claimed_minor (claim, 1200000);
  ws_compensation_claim_set_status (claim, WS_CLAIM_STATUS_AWARDED);
  g_assert_false (ws_database_save_compensation_claim (db, claim, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Enter the amount awarded");
  g_clear_error (&error);
  ws_compensation_claim_set_awarded_minor (claim, 800000);
  g_assert_true (ws_database_save_compensation_claim (db, claim, &error));
  g_assert_cmpstr (ws_compensation_claim_get_case_reference (claim), ==, "T-1");
  g_assert_cmpint (ws_test_query_int (db, "SELECT awarded_minor FROM compensation_claim"), ==, 800000);
  ws_compensation_claim_set_status (claim, WS_CLAIM_STATUS_FILED);
  ws_compensation_claim_set_awarded_minor (claim, -1);
  g_assert_true (ws_database_save_compensation_claim (db, claim, &error));
  g_assert_cmpint (ws_test_query_int (db, "SELECT awarded_minor IS NULL FROM compensation_claim"), ==, 1);
}

/* ------------------------------------------------------------------ */
/* Who may do what                                                     */

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(GPtrArray) risks = NULL;
  g_autoptr(GPtrArray) benefits = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WsRiskAssessment) risk = ws_risk_assessment_new (fixture->person_id);
  g_auto(WsPlanOverview) overview = { 0 };

  add_risk (db, fixture->person_id, "2024-06-01", WS_RISK_LEVEL_HIGH);
  ws_database_set_actor (db, "Petra Prosecutor", WS_ROLE_PROSECUTOR);

  items = ws_database_list_support_items (db, fixture->person_id, WS_ITEM_FILTER_NONE, &error);
  g_assert_null (items);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (ws_database_list_checklist (db, fixture->person_id, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (ws_database_list_consents (db, fixture->person_id, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (ws_database_get_plan_overview (db, fixture->person_id, &overview, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);

  risks = ws_database_list_risk_assessments (db, fixture->person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (risks->len, ==, 1);
  benefits = ws_database_list_benefits (db, fixture->person_id, &error);
  g_assert_no_error (error);
  ws_risk_assessment_set_assessed_on (risk, "2024-06-02");
  ws_risk_assessment_set_assessed_by (risk, "Petra Prosecutor");
  g_assert_false (ws_database_save_risk_assessment (db, risk, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);

  ws_database_set_actor (db, "Ivo Interpreter", WS_ROLE_INTERPRETER);
  g_assert_null (ws_database_list_risk_assessments (db, fixture->person_id, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
}

static char *
resource_text (const char *name)
{
  g_autofree char *path = g_strconcat ("/org/witnesssupport/WitnessSupport/data/", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A version-2 database the demonstration filled already has the needs'
 * codes, with category labels: the upgrade makes them the shipped rows
 * and keeps the plans that use them. */
static void
test_migration_from_v2 (void)
{
  g_autofree char *dir = ws_test_make_tmp_dir ("ws-test-plan-migration-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autofree char *v1 = resource_text ("ws-schema.sql");
  g_autofree char *v2 = resource_text ("ws-schema-2.sql");
  sqlite3 *handle = NULL;
  WsDatabase *db;
  guint n_builtin;

  _ws_needs_get_builtin (&n_builtin);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, v1, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, v2, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "PRAGMA user_version = 2; PRAGMA application_id = 1465079120;"
                                 "INSERT INTO person (pseudonym, created_at, updated_at)"
                                 " VALUES ('Rosa', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
                                 "INSERT INTO need (code, category, title, builtin) VALUES"
                                 " ('basic.safety', 'Basic', 'Safety and security of the witness and family', 1),"
                                 " ('local.bikes', 'Economic', 'Bicycle loan', 0);"
                                 "INSERT INTO support_item (person_id, need_code, phase) VALUES (1, 'basic.safety', 'initial'),"
                                 " (1, 'local.bikes', 'sustainable');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = ws_test_open_db (path);
  g_assert_cmpint (ws_database_get_schema_version (db), ==, WS_SCHEMA_VERSION);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM need WHERE builtin = 1"), ==, n_builtin);
  g_assert_cmpint (ws_test_query_int (db, "SELECT category = 'basic' FROM need WHERE code = 'basic.safety'"), ==, 1);
  g_assert_cmpint (ws_test_query_int (db, "SELECT builtin FROM need WHERE code = 'local.bikes'"), ==, 0);
  g_assert_cmpint (ws_test_count_rows (db, "support_item"), ==, 2);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  ws_test_close_tmp_db (db, g_steal_pointer (&dir));
}

/* A file from before the catalogue was shipped wrote the same needs with
 * category labels: importing it keeps the shipped rows and adds the
 * unit's own. */
static void
test_import_older_needs (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *file =
    "{ \"format\": \"witness-support-exchange\", \"version\": 1,"
    "  \"needs\": [ { \"code\": \"basic.safety\", \"category\": \"Basic\","
    "                 \"title\": \"Safety and security of the witness and family\", \"builtin\": true },"
    "               { \"code\": \"local.bikes\", \"category\": \"economic\", \"title\": \"Bicycle loan\" } ] }";

  g_assert_true (ws_exchange_import_data (fixture->base.db, file, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_query_int (fixture->base.db, "SELECT category = 'basic' FROM need WHERE code = 'basic.safety'"),
                   ==, 1);
  g_assert_cmpint (ws_test_query_int (fixture->base.db, "SELECT count(*) FROM need WHERE code = 'local.bikes'"), ==, 1);
}

/* Properties follow the fields, for bindings in the views. */
static void
test_properties (void)
{
  g_autoptr(WsSupportItem) item = ws_support_item_new (7);
  g_autofree char *due = NULL;
  WsItemStatus status = 0;
  gint notified = 0;

  g_signal_connect_swapped (item, "notify", G_CALLBACK (g_atomic_int_inc), &notified);
  ws_support_item_set_due_on (item, "2024-07-01");
  ws_support_item_set_due_on (item, "2024-07-01");
  g_object_set (item, "status", WS_ITEM_STATUS_DONE, NULL);
  g_object_get (item, "due-on", &due, "status", &status, NULL);
  g_assert_cmpstr (due, ==, "2024-07-01");
  g_assert_cmpint (status, ==, WS_ITEM_STATUS_DONE);
  g_assert_cmpint (ws_support_item_get_status (item), ==, WS_ITEM_STATUS_DONE);
  g_assert_cmpint (notified, ==, 2);
  g_assert_cmpint (ws_support_item_get_person_id (item), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ws/plan/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("catalogue/shipped", test_catalogue_shipped);
  ADD ("catalogue/extended", test_catalogue_extended);
  ADD ("directory", test_directory);
  ADD ("items/validation", test_item_validation);
  ADD ("items/filters", test_item_filters);
  ADD ("phases/plan-starts", test_plan_starts);
  ADD ("phases/child-track", test_child_track);
  ADD ("phases/move", test_phase_move);
  ADD ("checklist/ticks", test_checklist_ticks);
  ADD ("consent/referral-gated", test_referral_gated);
  ADD ("consent/referral-override", test_referral_override);
  ADD ("consent/validation", test_consent_validation);
  ADD ("risk/level-follows", test_risk_level_follows);
  ADD ("reflection", test_reflection);
  ADD ("information-and-benefits", test_information_and_benefits);
  ADD ("after-trial", test_after_trial);
  ADD ("permissions", test_permissions);
  ADD ("import-older-needs", test_import_older_needs);
  g_test_add_func ("/ws/plan/migration-from-v2", test_migration_from_v2);
  g_test_add_func ("/ws/plan/money", test_money);
  g_test_add_func ("/ws/plan/properties", test_properties);

  return g_test_run ();
}
