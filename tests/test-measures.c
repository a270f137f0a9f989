/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-measures"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-measure.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-text.h"
#include "ws-time.h"

#define NOW "2024-06-03T08:00:00Z"
#define TODAY "2024-06-03"

/* A case with two accused, a witness linked as "Witness A", and two
 * hearings ahead: the next on 10 June, a later one on 1 July. */
typedef struct {
  WsTestFixture  base;
  gint64         case_id;
  gint64         person_id;
  gint64         next_hearing;
  gint64         later_hearing;
} Fixture;

static guint session_counter;

static void
link_party (WsDatabase *db,
            gint64      case_id,
            gint64      person_id,
            const char *label)
{
  g_autoptr(GError) error = NULL;

  ws_database_link_party (db, case_id, person_id, WS_PARTY_ROLE_VICTIM_WITNESS, label, &error);
  g_assert_no_error (error);
}

static gint64
add_hearing (WsDatabase *db,
             gint64      case_id,
             const char *starts)
{
  ws_test_exec (db, "INSERT INTO hearing (case_id, kind, starts_at, ends_at, zone)"
                    " VALUES (%lld, 'trial', %Q, strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', %Q, '+3 hours'), 'Europe/Vienna')",
                (long long) case_id, starts, starts);
  return ws_test_last_id (db, "hearing");
}

static gint64
add_session (WsDatabase *db,
             gint64      hearing_id,
             gint64      person_id,
             const char *status,
             const char *support_person)
{
  g_autofree char *uid = g_strdup_printf ("session-%u@test", ++session_counter);

  ws_test_exec (db, "INSERT INTO session (uid, hearing_id, person_id, starts_at, ends_at, support_person, status,"
                    " cancel_reason) SELECT %Q, id, %lld, starts_at, ends_at, %Q, %Q, iif (%Q = 'cancelled', 'Ill', '')"
                    " FROM hearing WHERE id = %lld",
                uid, (long long) person_id, support_person, status, status, (long long) hearing_id);
  return ws_test_last_id (db, "session");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WsCase) court_case = NULL;
  g_autoptr(GError) error = NULL;
  WsDatabase *db;

  ws_test_fixture_set_up (&fixture->base, data);
  ws_test_set_now (NOW);
  db = fixture->base.db;
  court_case = ws_test_add_case (db, "T-2024-001", "Regional Court");
  ws_case_set_accused (court_case, (const char *[]) { "Accused 1", "Accused 2", NULL });
  ws_database_save_case (db, court_case, &error);
  g_assert_no_error (error);
  fixture->case_id = ws_case_get_id (court_case);
  fixture->person_id = ws_test_add_person_aged (db, "Rosa", WS_AGE_STATUS_ADULT);
  link_party (db, fixture->case_id, fixture->person_id, "Witness A");
  fixture->next_hearing = add_hearing (db, fixture->case_id, "2024-06-10T07:00:00Z");
  fixture->later_hearing = add_hearing (db, fixture->case_id, "2024-07-01T07:00:00Z");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ws_test_fixture_tear_down (&fixture->base, data);
}

/* Fills what a status needs so the measure validates. */
static void
fill_for_status (WsMeasure       *measure,
                 WsMeasureStatus  status)
{
  if (status != WS_MEASURE_STATUS_PROPOSED)
    ws_measure_set_applied_on (measure, "2024-05-01");
  if (status == WS_MEASURE_STATUS_GRANTED || status == WS_MEASURE_STATUS_REFUSED ||
      status == WS_MEASURE_STATUS_ARRANGED || status == WS_MEASURE_STATUS_WITHDRAWN)
    {
      ws_measure_set_decided_by (measure, "Presiding judge");
      ws_measure_set_decided_on (measure, "2024-05-20");
    }
  if (status == WS_MEASURE_STATUS_REFUSED)
    ws_measure_set_refusal_reason (measure, "Not necessary");
}

static WsMeasure *
save_measure (Fixture         *fixture,
              const char      *type,
              WsMeasureStatus  status,
              gint64           hearing_id)
{
  g_autoptr(GError) error = NULL;
  WsMeasure *measure = ws_measure_new ();

  ws_measure_set_case_id (measure, fixture->case_id);
  ws_measure_set_person_id (measure, fixture->person_id);
  ws_measure_set_hearing_id (measure, hearing_id);
  ws_measure_set_measure_type (measure, type);
  ws_measure_set_status (measure, status);
  fill_for_status (measure, status);
  ws_database_save_measure (fixture->base.db, measure, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_measure_get_id (measure), >, 0);
  return measure;
}

static WsMeasure *
reload (Fixture   *fixture,
        WsMeasure *measure)
{
  g_autoptr(GError) error = NULL;
  WsMeasure *fresh = ws_database_get_measure (fixture->base.db, ws_measure_get_id (measure), &error);

  g_assert_no_error (error);
  return fresh;
}

static char *
stored_status (Fixture   *fixture,
               WsMeasure *measure)
{
  g_autofree char *sql = g_strdup_printf ("SELECT status FROM measure WHERE id = %" G_GINT64_FORMAT,
                                          ws_measure_get_id (measure));

  return ws_test_query_text (fixture->base.db, sql);
}

/* ------------------------------------------------------------------ */

static void
test_catalogue (void)
{
  static const char * const required[] = {
    "video-link-room", "video-link-abroad", "cctv-other-city", "screens", "pseudonym", "separate-waiting",
    "recorded-interview", "support-person", "intermediary", "in-camera", "questioning-limits",
    "non-disclosure", "voice-distortion", "image-distortion", "robes-removed", "written-statement",
    "earlier-trial-evidence", "shelter-security", "pretrial-detention", "protection-programme",
    "post-trial-protection",
  };
  const WsMeasureType *all;
  guint n = 0;
  guint n_child = 0;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      const WsMeasureType *type = ws_measure_type_lookup (required[i]);

      g_assert_nonnull (type);
      g_assert_cmpstr (type->code, ==, required[i]);
      g_assert_cmpstr (ws_measure_type_get_label (required[i]), !=, required[i]);
      g_assert_cmpuint (strlen (ws_measure_type_get_needs (required[i])), >, 10);
    }
  g_assert_null (ws_measure_type_lookup ("teleportation"));
  g_assert_cmpstr (ws_measure_type_get_label ("teleportation"), ==, "teleportation");
  g_assert_cmpint (ws_measure_type_lookup ("video-link-abroad")->arrangement, ==, WS_ARRANGEMENT_SESSION);
  g_assert_cmpint (ws_measure_type_lookup ("support-person")->arrangement, ==, WS_ARRANGEMENT_SUPPORT_PERSON);
  g_assert_cmpint (ws_measure_type_lookup ("separate-waiting")->arrangement, ==, WS_ARRANGEMENT_BOOKING);
  g_assert_cmpint (ws_measure_type_lookup ("pseudonym")->arrangement, ==, WS_ARRANGEMENT_BY_HAND);
  g_assert_cmpint (ws_measure_type_lookup ("shelter-security")->setting, ==, WS_MEASURE_SETTING_OUT_OF_COURT);
  g_assert_cmpint (ws_measure_type_lookup ("screens")->setting, ==, WS_MEASURE_SETTING_IN_COURT);

  all = ws_measure_types_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      n_child += all[i].child_aid;
      for (guint j = i + 1; j < n; j++)
        g_assert_cmpstr (all[i].code, !=, all[j].code);
    }
  g_assert_cmpuint (n_child, ==, 4);
}

typedef struct {
  WsMeasureStatus from;
  WsMeasureStatus to;
} Step;

static const Step legal_steps[] = {
  { WS_MEASURE_STATUS_PROPOSED, WS_MEASURE_STATUS_APPLIED_FOR },
  { WS_MEASURE_STATUS_PROPOSED, WS_MEASURE_STATUS_WITHDRAWN },
  { WS_MEASURE_STATUS_APPLIED_FOR, WS_MEASURE_STATUS_GRANTED },
  { WS_MEASURE_STATUS_APPLIED_FOR, WS_MEASURE_STATUS_REFUSED },
  { WS_MEASURE_STATUS_APPLIED_FOR, WS_MEASURE_STATUS_WITHDRAWN },
  { WS_MEASURE_STATUS_GRANTED, WS_MEASURE_STATUS_ARRANGED },
  { WS_MEASURE_STATUS_GRANTED, WS_MEASURE_STATUS_WITHDRAWN },
  { WS_MEASURE_STATUS_ARRANGED, WS_MEASURE_STATUS_WITHDRAWN },
  { WS_MEASURE_STATUS_REFUSED, WS_MEASURE_STATUS_APPLIED_FOR },
};

static gboolean
is_legal (WsMeasureStatus from,
          WsMeasureStatus to)
{
  for (guint i = 0; i < G_N_ELEMENTS (legal_steps); i++)
    if (legal_steps[i].from == from && legal_steps[i].to == to)
      return TRUE;
  return FALSE;
}

static void
test_legal_steps (Fixture       *fixture,
                  gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;

  for (guint i = 0; i < G_N_ELEMENTS (legal_steps); i++)
    {
      /* "pseudonym" is arranged by hand, so every step is open to it. */
      g_autoptr(WsMeasure) measure = save_measure (fixture, "pseudonym", legal_steps[i].from, 0);
      g_autoptr(WsMeasure) fresh = NULL;
      g_autoptr(GPtrArray) history = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *status = NULL;
      WsMeasureChange *last;

      g_assert_true (ws_measure_status_can_change (legal_steps[i].from, legal_steps[i].to));
      fill_for_status (measure, legal_steps[i].to);
      g_assert_true (ws_database_change_measure_status (db, measure, legal_steps[i].to, "step", &error));
      g_assert_no_error (error);
      g_assert_cmpint (ws_measure_get_status (measure), ==, legal_steps[i].to);
      status = stored_status (fixture, measure);
      g_assert_cmpstr (status, ==, ws_enum_to_nick (WS_TYPE_MEASURE_STATUS, legal_steps[i].to));
      fresh = reload (fixture, measure);
      g_assert_cmpint (ws_measure_get_status (fresh), ==, legal_steps[i].to);

      history = ws_database_list_measure_history (db, ws_measure_get_id (measure), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (history->len, ==, 2);
      last = g_ptr_array_index (history, 1);
      g_assert_cmpint (ws_measure_change_get_status (last), ==, legal_steps[i].to);
      g_assert_cmpstr (ws_measure_change_get_note (last), ==, "step");
    }
}

static void
test_illegal_steps (Fixture       *fixture,
                    gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  guint n_refused = 0;

  for (int from = WS_MEASURE_STATUS_PROPOSED; from <= WS_MEASURE_STATUS_ARRANGED; from++)
    for (int to = WS_MEASURE_STATUS_PROPOSED; to <= WS_MEASURE_STATUS_ARRANGED; to++)
      {
        g_autoptr(WsMeasure) measure = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *status = NULL;
        gint64 changes;
        gint64 steps;

        if (is_legal (from, to))
          continue;
        measure = save_measure (fixture, "pseudonym", from, 0);
        changes = ws_test_count_rows (db, "change_history");
        steps = ws_test_count_rows (db, "measure_history");

        g_assert_false (ws_measure_status_can_change (from, to));
        g_assert_false (ws_database_change_measure_status (db, measure, to, NULL, &error));
        g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
        if (from != to)
          {
            g_autofree char *both = g_strdup_printf ("A measure that is %s cannot become %s;",
                                                     ws_enum_to_nick (WS_TYPE_MEASURE_STATUS, from),
                                                     ws_enum_to_nick (WS_TYPE_MEASURE_STATUS, to));

            /* "applied-for" reads "applied for" in a sentence. */
            g_strdelimit (both, "-", ' ');
            g_assert_true (g_str_has_prefix (error->message, both));
          }
        else
          g_assert_nonnull (strstr (error->message, "already"));

        /* Nothing written, and the object keeps its status. */
        status = stored_status (fixture, measure);
        g_assert_cmpstr (status, ==, ws_enum_to_nick (WS_TYPE_MEASURE_STATUS, from));
        g_assert_cmpint (ws_measure_get_status (measure), ==, from);
        g_assert_cmpint (ws_test_count_rows (db, "change_history"), ==, changes);
        g_assert_cmpint (ws_test_count_rows (db, "measure_history"), ==, steps);
        n_refused++;
      }
  g_assert_cmpuint (n_refused, ==, 36 - G_N_ELEMENTS (legal_steps));
}

static void
test_step_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ws_measure_status_check_change (WS_MEASURE_STATUS_REFUSED, WS_MEASURE_STATUS_ARRANGED, &error));
  g_assert_cmpstr (error->message, ==, "A measure that is refused cannot become arranged; apply again first");
  g_clear_error (&error);
  g_assert_false (ws_measure_status_check_change (WS_MEASURE_STATUS_APPLIED_FOR, WS_MEASURE_STATUS_ARRANGED, &error));
  g_assert_cmpstr (error->message, ==, "A measure that is applied for cannot become arranged; the court must grant it first");
  g_clear_error (&error);
  g_assert_false (ws_measure_status_check_change (WS_MEASURE_STATUS_GRANTED, WS_MEASURE_STATUS_GRANTED, &error));
  g_assert_cmpstr (error->message, ==, "The measure is already granted");
  g_clear_error (&error);
  g_assert_true (ws_measure_status_check_change (WS_MEASURE_STATUS_GRANTED, WS_MEASURE_STATUS_ARRANGED, &error));
  g_assert_no_error (error);
}

/* A step refused for a missing field writes nothing either. */
static void
test_step_needs_fields (Fixture       *fixture,
                        gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsMeasure) measure = save_measure (fixture, "screens", WS_MEASURE_STATUS_PROPOSED, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 steps;

  g_assert_true (ws_database_change_measure_status (db, measure, WS_MEASURE_STATUS_APPLIED_FOR, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ws_measure_get_applied_on (measure), ==, TODAY);

  steps = ws_test_count_rows (db, "measure_history");
  g_assert_false (ws_database_change_measure_status (db, measure, WS_MEASURE_STATUS_GRANTED, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Record who decided (the court or judge)");
  g_clear_error (&error);
  g_assert_false (ws_database_change_measure_status (db, measure, WS_MEASURE_STATUS_REFUSED, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ws_test_count_rows (db, "measure_history"), ==, steps);
  status = stored_status (fixture, measure);
  g_assert_cmpstr (status, ==, "applied-for");

  ws_measure_set_decided_by (measure, "Presiding judge");
  ws_measure_set_refusal_reason (measure, "The defence objected");
  g_assert_true (ws_database_change_measure_status (db, measure, WS_MEASURE_STATUS_REFUSED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ws_measure_get_decided_on (measure), ==, TODAY);

  /* Applying again starts a new decision. */
  g_assert_true (ws_database_change_measure_status (db, measure, WS_MEASURE_STATUS_APPLIED_FOR, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (ws_measure_get_decided_on (measure));
  g_assert_cmpstr (ws_measure_get_decided_by (measure), ==, "");
}

/* A type the data shows arranged cannot be marked arranged without it. */
static void
test_arranged_needs_data (Fixture       *fixture,
                          gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsMeasure) link = save_measure (fixture, "video-link-room", WS_MEASURE_STATUS_GRANTED,
                                            fixture->next_hearing);
  g_autoptr(WsMeasure) screens = save_measure (fixture, "screens", WS_MEASURE_STATUS_GRANTED, 0);
  g_autoptr(GError) error = NULL;
  gint64 steps = ws_test_count_rows (db, "measure_history");

  g_assert_false (ws_database_change_measure_status (db, link, WS_MEASURE_STATUS_ARRANGED, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "confirmed video-link session"));
  g_clear_error (&error);
  g_assert_cmpint (ws_test_count_rows (db, "measure_history"), ==, steps);

  add_session (db, fixture->next_hearing, fixture->person_id, "confirmed", "");
  g_assert_true (ws_database_change_measure_status (db, link, WS_MEASURE_STATUS_ARRANGED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_measure_get_readiness (link), ==, WS_READINESS_ARRANGED);
  g_assert_cmpint (ws_measure_get_arranged_by (link), ==, WS_ARRANGED_BY_SESSION);

  /* The booking reference travels with the step. */
  ws_measure_set_booking_reference (screens, "Court room 4, screen booked 09:00");
  g_assert_true (ws_database_change_measure_status (db, screens, WS_MEASURE_STATUS_ARRANGED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_measure_get_arranged_by (screens), ==, WS_ARRANGED_BY_BOOKING);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsMeasure) measure = save_measure (fixture, "intermediary", WS_MEASURE_STATUS_PROPOSED, 0);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) expected = ws_time_parse_instant (NOW);
  g_autoptr(GDateTime) later = ws_time_parse_instant ("2024-06-04T09:30:00Z");
  static const WsMeasureStatus path[] = {
    WS_MEASURE_STATUS_PROPOSED, WS_MEASURE_STATUS_APPLIED_FOR, WS_MEASURE_STATUS_GRANTED, WS_MEASURE_STATUS_ARRANGED,
  };

  g_assert_true (ws_database_change_measure_status (db, measure, WS_MEASURE_STATUS_APPLIED_FOR, "Filed", &error));
  ws_database_set_actor (db, "Paul Prosecutor", WS_ROLE_PROSECUTOR);
  ws_measure_set_decided_by (measure, "Judge Lind");
  ws_time_set_now (later);
  g_assert_true (ws_database_change_measure_status (db, measure, WS_MEASURE_STATUS_GRANTED, NULL, &error));
  g_assert_true (ws_database_change_measure_status (db, measure, WS_MEASURE_STATUS_ARRANGED, "Booked", &error));
  g_assert_no_error (error);

  history = ws_database_list_measure_history (db, ws_measure_get_id (measure), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (path));
  for (guint i = 0; i < history->len; i++)
    {
      WsMeasureChange *step = g_ptr_array_index (history, i);

      g_assert_cmpint (ws_measure_change_get_status (step), ==, path[i]);
      g_assert_cmpint (ws_measure_change_get_measure_id (step), ==, ws_measure_get_id (measure));
      g_assert_cmpstr (ws_measure_change_get_changed_by (step), ==, i < 2 ? WS_TEST_OFFICER : "Paul Prosecutor");
      g_assert_true (g_date_time_equal (ws_measure_change_get_changed_at (step), i < 2 ? expected : later));
      g_assert_false (ws_measure_change_is_automatic (step));
    }
  g_assert_cmpstr (ws_measure_change_get_note (g_ptr_array_index (history, 1)), ==, "Filed");
  g_assert_cmpstr (ws_measure_change_get_note (g_ptr_array_index (history, 3)), ==, "Booked");
  /* The change history names the measure too. */
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM change_history WHERE subject = 'measure'"
                                          " AND change = 'status: granted' AND actor = 'Paul Prosecutor'"), ==, 1);
}

static void
test_validate (Fixture       *fixture,
               gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsMeasure) measure = ws_measure_new ();
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WsCase) other = ws_test_add_case (db, "T-2024-002", "Regional Court");
  gint64 other_hearing = add_hearing (db, ws_case_get_id (other), "2024-06-12T07:00:00Z");
  gint64 stranger = ws_test_add_person_aged (db, "Stranger", WS_AGE_STATUS_ADULT);

  ws_measure_validate (measure, problems);
  g_assert_nonnull (ws_problems_lookup (problems, "case"));
  g_assert_cmpstr (ws_problems_lookup (problems, "type"), ==, "Choose the kind of measure");
  g_ptr_array_set_size (problems, 0);

  ws_measure_set_case_id (measure, fixture->case_id);
  ws_measure_set_measure_type (measure, "teleportation");
  ws_measure_set_applied_on (measure, "2024-02-30");
  ws_measure_validate (measure, problems);
  g_assert_nonnull (strstr (ws_problems_lookup (problems, "type"), "teleportation"));
  g_assert_cmpstr (ws_problems_lookup (problems, "applied_on"), ==, "2024-02-30 is not a date (use YYYY-MM-DD)");
  g_ptr_array_set_size (problems, 0);

  ws_measure_set_measure_type (measure, "screens");
  ws_measure_set_applied_on (measure, "2024-05-10");
  ws_measure_set_decided_on (measure, "2024-05-09");
  ws_measure_set_status (measure, WS_MEASURE_STATUS_REFUSED);
  ws_measure_validate (measure, problems);
  g_assert_cmpstr (ws_problems_lookup (problems, "decided_on"), ==, "The decision cannot come before the application");
  g_assert_nonnull (ws_problems_lookup (problems, "decided_by"));
  g_assert_nonnull (ws_problems_lookup (problems, "refusal_reason"));
  g_ptr_array_set_size (problems, 0);

  ws_measure_set_decided_on (measure, "2024-05-10");
  ws_measure_set_decided_by (measure, "Judge");
  ws_measure_set_refusal_reason (measure, "Not needed");
  ws_measure_set_person_id (measure, stranger);
  ws_measure_set_hearing_id (measure, other_hearing);
  ws_database_check_measure (db, measure, problems);
  g_assert_cmpstr (ws_problems_lookup (problems, "person"), ==, "The witness is not linked to this case");
  g_assert_cmpstr (ws_problems_lookup (problems, "hearing"), ==, "The hearing is not one of this case's");
  g_assert_false (ws_database_save_measure (db, measure, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_cmpint (ws_measure_get_id (measure), ==, 0);
  g_assert_cmpint (ws_test_count_rows (db, "measure"), ==, 0);
}

static void
test_save_edit_delete (Fixture       *fixture,
                       gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsMeasure) measure = save_measure (fixture, "screens", WS_MEASURE_STATUS_APPLIED_FOR,
                                               fixture->next_hearing);
  g_autoptr(WsMeasure) stale = NULL;
  g_autoptr(WsMeasure) fresh = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) starts = ws_time_parse_instant ("2024-06-10T07:00:00Z");
  gint64 id = ws_measure_get_id (measure);

  /* Loaded with what the views show. */
  fresh = reload (fixture, measure);
  g_assert_cmpstr (ws_measure_get_pseudonym (fresh), ==, "Rosa");
  g_assert_cmpstr (ws_measure_get_case_reference (fresh), ==, "T-2024-001");
  g_assert_true (g_date_time_equal (ws_measure_get_hearing_starts_at (fresh), starts));
  g_assert_cmpstr (ws_measure_get_hearing_zone (fresh), ==, "Europe/Vienna");
  g_assert_cmpstr (ws_measure_get_applied_on (fresh), ==, "2024-05-01");
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM measure_history"), ==, 1);

  stale = ws_measure_copy (fresh);
  ws_measure_set_notes (fresh, "Equipment checked");
  ws_measure_set_defence_position (fresh, "No objection");
  ws_measure_set_alternative (fresh, "Video link");
  g_assert_true (ws_database_save_measure (db, fresh, &error));
  g_assert_no_error (error);
  g_clear_object (&fresh);
  fresh = reload (fixture, measure);
  g_assert_cmpstr (ws_measure_get_notes (fresh), ==, "Equipment checked");
  g_assert_cmpstr (ws_measure_get_alternative (fresh), ==, "Video link");
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM measure_history"), ==, 1);

  /* An editor that missed a status change cannot overwrite it. */
  ws_measure_set_decided_by (measure, "Judge");
  g_assert_true (ws_database_change_measure_status (db, measure, WS_MEASURE_STATUS_GRANTED, NULL, &error));
  ws_measure_set_notes (stale, "Old view");
  g_assert_false (ws_database_save_measure (db, stale, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  list = ws_database_list_measures_of_case (db, fixture->case_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ws_database_list_measures_of_person (db, fixture->person_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ws_database_list_measures_of_hearing (db, fixture->later_hearing, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (ws_database_delete_measure (db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_count_rows (db, "measure_history"), ==, 0);
  g_assert_false (ws_database_delete_measure (db, id, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (ws_database_get_measure (db, id, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
}

static WsReadiness
readiness_of (Fixture   *fixture,
              WsMeasure *measure)
{
  g_autoptr(WsMeasure) fresh = reload (fixture, measure);

  return ws_measure_get_readiness (fresh);
}

static void
test_readiness_video_link (Fixture       *fixture,
                           gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsMeasure) at_next = save_measure (fixture, "video-link-room", WS_MEASURE_STATUS_GRANTED,
                                               fixture->next_hearing);
  g_autoptr(WsMeasure) whole = save_measure (fixture, "video-link-abroad", WS_MEASURE_STATUS_GRANTED, 0);
  g_autoptr(WsMeasure) booked = save_measure (fixture, "cctv-other-city", WS_MEASURE_STATUS_GRANTED,
                                              fixture->later_hearing);
  g_autoptr(GError) error = NULL;
  gint64 session;

  g_assert_cmpint (readiness_of (fixture, at_next), ==, WS_READINESS_GRANTED_NOT_ARRANGED);
  g_assert_cmpint (readiness_of (fixture, whole), ==, WS_READINESS_GRANTED_NOT_ARRANGED);

  /* Planned is not enough; neither is a session at another hearing. */
  session = add_session (db, fixture->next_hearing, fixture->person_id, "planned", "");
  add_session (db, fixture->later_hearing, fixture->person_id, "confirmed", "");
  g_assert_cmpint (readiness_of (fixture, at_next), ==, WS_READINESS_GRANTED_NOT_ARRANGED);
  /* A whole-proceedings link is judged at the case's next hearing. */
  g_assert_cmpint (readiness_of (fixture, whole), ==, WS_READINESS_GRANTED_NOT_ARRANGED);

  ws_test_exec (db, "UPDATE session SET status = 'confirmed' WHERE id = %lld", (long long) session);
  g_assert_cmpint (readiness_of (fixture, at_next), ==, WS_READINESS_ARRANGED);
  g_assert_cmpint (readiness_of (fixture, whole), ==, WS_READINESS_ARRANGED);

  /* Cancelling the session takes "arranged" away again. */
  ws_test_exec (db, "UPDATE session SET status = 'cancelled', cancel_reason = 'Ill' WHERE id = %lld", (long long) session);
  g_assert_cmpint (readiness_of (fixture, at_next), ==, WS_READINESS_GRANTED_NOT_ARRANGED);

  /* Until scheduling exists, a booking reference arranges it. */
  g_assert_cmpint (readiness_of (fixture, booked), ==, WS_READINESS_ARRANGED); /* confirmed at the later hearing */
  ws_measure_set_booking_reference (at_next, "VL-2024-00017");
  g_assert_true (ws_database_save_measure (db, at_next, &error));
  g_assert_no_error (error);
  g_assert_cmpint (readiness_of (fixture, at_next), ==, WS_READINESS_ARRANGED);
  g_assert_cmpint (ws_measure_get_arranged_by (at_next), ==, WS_ARRANGED_BY_BOOKING);
}

static void
test_readiness_support_person (Fixture       *fixture,
                               gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(WsMeasure) measure = save_measure (fixture, "support-person", WS_MEASURE_STATUS_GRANTED,
                                               fixture->next_hearing);
  g_autoptr(GError) error = NULL;
  gint64 session = add_session (db, fixture->next_hearing, fixture->person_id, "planned", "");

  g_assert_cmpint (readiness_of (fixture, measure), ==, WS_READINESS_GRANTED_NOT_ARRANGED);
  ws_test_exec (db, "UPDATE session SET support_person = 'Ana, shelter staff' WHERE id = %lld", (long long) session);
  g_assert_cmpint (readiness_of (fixture, measure), ==, WS_READINESS_ARRANGED);
  ws_test_exec (db, "UPDATE session SET status = 'cancelled', cancel_reason = 'Moved' WHERE id = %lld",
                (long long) session);
  g_assert_cmpint (readiness_of (fixture, measure), ==, WS_READINESS_GRANTED_NOT_ARRANGED);
  ws_measure_set_booking_reference (measure, "Support person: Ana");
  g_assert_true (ws_database_save_measure (db, measure, &error));
  g_assert_no_error (error);
  g_assert_cmpint (readiness_of (fixture, measure), ==, WS_READINESS_ARRANGED);
}

static void
test_readiness_booking (Fixture       *fixture,
                        gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  static const char * const types[] = { "screens", "separate-waiting", "in-camera" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(WsMeasure) measure = save_measure (fixture, types[i], WS_MEASURE_STATUS_GRANTED, 0);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (readiness_of (fixture, measure), ==, WS_READINESS_GRANTED_NOT_ARRANGED);
      ws_measure_set_booking_reference (measure, "   ");
      g_assert_true (ws_database_save_measure (db, measure, &error));
      g_assert_cmpint (readiness_of (fixture, measure), ==, WS_READINESS_GRANTED_NOT_ARRANGED);
      ws_measure_set_booking_reference (measure, "Room 2, 08:30");
      g_assert_true (ws_database_change_measure_status (db, measure, WS_MEASURE_STATUS_ARRANGED, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (readiness_of (fixture, measure), ==, WS_READINESS_ARRANGED);
      /* Stored "arranged" falls back to granted when the booking goes. */
      ws_measure_set_booking_reference (measure, "");
      g_assert_true (ws_database_save_measure (db, measure, &error));
      g_assert_no_error (error);
      g_assert_cmpint (readiness_of (fixture, measure), ==, WS_READINESS_GRANTED_NOT_ARRANGED);
    }
}

static void
test_readiness_by_status (Fixture       *fixture,
                          gconstpointer  data)
{
  static const struct {
    WsMeasureStatus status;
    WsReadiness     readiness;
  } cases[] = {
    { WS_MEASURE_STATUS_PROPOSED, WS_READINESS_UNDECIDED },
    { WS_MEASURE_STATUS_APPLIED_FOR, WS_READINESS_UNDECIDED },
    { WS_MEASURE_STATUS_GRANTED, WS_READINESS_GRANTED_NOT_ARRANGED },
    { WS_MEASURE_STATUS_ARRANGED, WS_READINESS_ARRANGED },
    { WS_MEASURE_STATUS_REFUSED, WS_READINESS_REFUSED },
    { WS_MEASURE_STATUS_WITHDRAWN, WS_READINESS_WITHDRAWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WsMeasure) measure = save_measure (fixture, "questioning-limits", cases[i].status, 0);
      g_autoptr(WsMeasure) fresh = reload (fixture, measure);

      g_assert_cmpint (ws_measure_get_readiness (fresh), ==, cases[i].readiness);
      g_assert_cmpint (ws_measure_get_arranged_by (fresh), ==,
                       cases[i].status == WS_MEASURE_STATUS_ARRANGED ? WS_ARRANGED_BY_HAND : WS_ARRANGED_BY_NOTHING);
    }
}

static void
test_child_aids (Fixture       *fixture,
                 gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  gint64 child = ws_test_add_person_aged (db, "Mila", WS_AGE_STATUS_PRESUMED_CHILD);
  gint64 assessed = ws_test_add_person_aged (db, "Tom", WS_AGE_STATUS_CHILD);
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 99;

  /* The adult linked in the fixture got nothing. */
  g_assert_cmpint (ws_test_count_rows (db, "measure"), ==, 0);

  link_party (db, fixture->case_id, child, "Witness B");
  measures = ws_database_list_measures_of_person (db, child, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measures->len, ==, 4);
  for (guint i = 0; i < measures->len; i++)
    {
      WsMeasure *measure = g_ptr_array_index (measures, i);

      g_assert_true (ws_measure_type_lookup (ws_measure_get_measure_type (measure))->child_aid);
      g_assert_cmpint (ws_measure_get_status (measure), ==, WS_MEASURE_STATUS_PROPOSED);
      g_assert_cmpint (ws_measure_get_hearing_id (measure), ==, 0);
      history = ws_database_list_measure_history (db, ws_measure_get_id (measure), &error);
      g_assert_cmpuint (history->len, ==, 1);
      g_assert_true (ws_measure_change_is_automatic (g_ptr_array_index (history, 0)));
      g_assert_cmpstr (ws_measure_change_get_changed_by (g_ptr_array_index (history, 0)), ==, WS_MEASURE_SYSTEM_ACTOR);
      g_clear_pointer (&history, g_ptr_array_unref);
    }

  /* Relinking proposes nothing twice, even after an aid was refused. */
  ws_test_exec (db, "UPDATE measure SET status = 'refused', decided_by = 'J', decided_on = '2024-05-01',"
                    " refusal_reason = 'No' WHERE person_id = %lld AND type = 'screens'", (long long) child);
  parties = ws_database_list_parties_of_person (db, child, &error);
  g_assert_true (ws_database_unlink_party (db, ws_case_party_get_id (g_ptr_array_index (parties, 0)), &error));
  link_party (db, fixture->case_id, child, "Witness B");
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM measure"), ==, 4);
  g_assert_true (ws_database_propose_child_aids (db, fixture->case_id, child, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* Assessed children too; adults never. */
  link_party (db, fixture->case_id, assessed, "Witness C");
  g_assert_cmpint (ws_test_count_rows (db, "measure"), ==, 8);
  g_assert_true (ws_database_propose_child_aids (db, fixture->case_id, fixture->person_id, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_screening (Fixture       *fixture,
                gconstpointer  data)
{
  WsDatabase *db = fixture->base.db;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 every = 0, named = 0;
  gint64 outsider = ws_test_add_person_aged (db, "Outsider", WS_AGE_STATUS_ADULT);
  WsScreening *screening;

  g_assert_true (ws_database_add_screening (db, fixture->person_id, fixture->case_id, NULL, &every, &error));
  g_assert_no_error (error);
  g_assert_true (ws_database_add_screening (db, fixture->person_id, fixture->case_id, " Accused 2 ", &named, &error));
  g_assert_no_error (error);
  g_assert_cmpint (every, >, 0);
  g_assert_cmpint (named, >, every);

  g_assert_false (ws_database_add_screening (db, fixture->person_id, fixture->case_id, NULL, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (ws_database_add_screening (db, fixture->person_id, fixture->case_id, "accused 2", NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (ws_database_add_screening (db, fixture->person_id, fixture->case_id, "Accused 9", NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The case has no accused called “Accused 9”");
  g_clear_error (&error);
  g_assert_false (ws_database_add_screening (db, outsider, fixture->case_id, NULL, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ws_test_count_rows (db, "screening"), ==, 2);

  list = ws_database_list_screenings (db, fixture->person_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  screening = g_ptr_array_index (list, 0);
  g_assert_true (ws_screening_is_every_accused (screening));
  g_assert_null (ws_screening_get_accused_label (screening));
  g_assert_cmpstr (ws_screening_get_pseudonym (screening), ==, "Rosa");
  g_assert_cmpstr (ws_screening_get_case_reference (screening), ==, "T-2024-001");
  screening = g_ptr_array_index (list, 1);
  g_assert_cmpstr (ws_screening_get_accused_label (screening), ==, "Accused 2");
  g_assert_cmpint (ws_screening_get_id (screening), ==, named);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (ws_database_remove_screening (db, every, &error));
  g_assert_no_error (error);
  g_assert_false (ws_database_remove_screening (db, every, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = ws_database_list_screenings (db, 0, fixture->case_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM change_history WHERE subject = 'screening'"), ==, 3);
}

/* A database written by the first release opens as version 2 with its
 * rows intact and the new column in place. */
static void
test_migration_from_v1 (void)
{
  g_autofree char *dir = ws_test_make_tmp_dir ("ws-test-migration-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(GBytes) v1 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autofree char *script = NULL;
  WsDatabase *db;
  sqlite3 *handle = NULL;
  char *message = NULL;

  v1 = g_resources_lookup_data ("/org/witnesssupport/WitnessSupport/data/ws-schema.sql", 0, &error);
  g_assert_no_error (error);
  script = g_strndup (g_bytes_get_data (v1, NULL), g_bytes_get_size (v1));
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, script, NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 1; PRAGMA application_id = 1465079120;",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO person (pseudonym, created_at, updated_at)"
                                 " VALUES ('Rosa', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
                                 "INSERT INTO court_case (reference, court, created_at, updated_at)"
                                 " VALUES ('T-1', 'Court', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
                                 "INSERT INTO case_party (case_id, person_id, label) VALUES (1, 1, 'Witness A');"
                                 "INSERT INTO measure (case_id, person_id, type, status, decided_by, decided_on,"
                                 " refusal_reason) VALUES (1, 1, 'screens', 'refused', 'Judge', '2024-02-01', 'No');"
                                 "INSERT INTO measure_history (measure_id, status, changed_at, changed_by)"
                                 " VALUES (1, 'refused', '2024-02-01T10:00:00Z', 'Olga');",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = ws_test_open_db (path);
  g_assert_cmpint (ws_database_get_schema_version (db), ==, WS_SCHEMA_VERSION);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM pragma_table_info ('measure') WHERE name = 'alternative'"), ==, 1);
  measures = ws_database_list_measures_of_case (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measures->len, ==, 1);
  g_assert_cmpstr (ws_measure_get_pseudonym (g_ptr_array_index (measures, 0)), ==, "Rosa");
  g_assert_cmpstr (ws_measure_get_refusal_reason (g_ptr_array_index (measures, 0)), ==, "No");
  g_assert_cmpstr (ws_measure_get_alternative (g_ptr_array_index (measures, 0)), ==, "");
  g_assert_cmpint (ws_measure_get_readiness (g_ptr_array_index (measures, 0)), ==, WS_READINESS_REFUSED);
  g_assert_cmpint (ws_test_count_rows (db, "measure_history"), ==, 1);
  g_assert_cmpint (ws_test_count_rows (db, "case_party"), ==, 1);
  g_clear_pointer (&measures, g_ptr_array_unref);
  ws_test_close_tmp_db (db, g_steal_pointer (&dir));
}

#define ADD(path, func) \
  g_test_add ("/ws/measures/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ws/measures/catalogue", test_catalogue);
  g_test_add_func ("/ws/measures/status/messages", test_step_messages);
  ADD ("status/legal", test_legal_steps);
  ADD ("status/illegal", test_illegal_steps);
  ADD ("status/needs-fields", test_step_needs_fields);
  ADD ("status/arranged-needs-data", test_arranged_needs_data);
  ADD ("history", test_history);
  ADD ("validate", test_validate);
  ADD ("save-edit-delete", test_save_edit_delete);
  ADD ("readiness/video-link", test_readiness_video_link);
  ADD ("readiness/support-person", test_readiness_support_person);
  ADD ("readiness/booking", test_readiness_booking);
  ADD ("readiness/by-status", test_readiness_by_status);
  ADD ("child-aids", test_child_aids);
  ADD ("screening", test_screening);
  g_test_add_func ("/ws/measures/migration-from-v1", test_migration_from_v1);

  return g_test_run ();
}
