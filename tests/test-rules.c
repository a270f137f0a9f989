/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-rules"

#include "config.h"

#include <string.h>

#include "ws-database-private.h"
#include "ws-rules.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-time.h"

/* Every rule is evaluated at this instant, passed in; the process clock
 * is set years away to show the rules never read it. */
#define NOW "2024-06-03T08:00:00Z"
#define PROCESS_CLOCK "2031-01-01T00:00:00Z"

typedef struct {
  WsTestFixture  base;
  GDateTime     *now;
  gint64         case_id;
  gint64         person_id;
} Fixture;

static void
link_party (Fixture     *fixture,
            gint64       person_id,
            WsPartyRole  role,
            const char  *label)
{
  g_autoptr(GError) error = NULL;

  ws_database_link_party (fixture->base.db, fixture->case_id, person_id, role, label, &error);
  g_assert_no_error (error);
}

/* A hearing starting @seconds after NOW. */
static gint64
add_hearing (Fixture *fixture,
             gint64   seconds)
{
  g_autoptr(GDateTime) starts = g_date_time_add_seconds (fixture->now, (double) seconds);
  g_autofree char *text = ws_time_format_instant (starts);

  ws_test_exec (fixture->base.db, "INSERT INTO hearing (case_id, kind, starts_at, ends_at, zone)"
                                  " VALUES (%lld, 'trial', %Q, strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', %Q, '+3 hours'),"
                                  " 'Europe/London')",
                (long long) fixture->case_id, text, text);
  return ws_test_last_id (fixture->base.db, "hearing");
}

static gint64
add_measure (Fixture    *fixture,
             gint64      hearing,
             const char *type,
             const char *status)
{
  ws_test_exec (fixture->base.db,
                "INSERT INTO measure (case_id, person_id, hearing_id, type, status, decided_by, decided_on,"
                " refusal_reason) VALUES (%lld, %lld, nullif (%lld, 0), %Q, %Q, 'Judge', '2024-05-20', 'No')",
                (long long) fixture->case_id, (long long) fixture->person_id, (long long) hearing, type, status);
  return ws_test_last_id (fixture->base.db, "measure");
}

static void
add_session (Fixture    *fixture,
             gint64      hearing,
             const char *status)
{
  ws_test_exec (fixture->base.db,
                "INSERT INTO session (uid, hearing_id, person_id, starts_at, ends_at, status, cancel_reason)"
                " SELECT 'uid-' || (SELECT count(*) FROM session), id, %lld, starts_at, ends_at, %Q, 'Ill'"
                " FROM hearing WHERE id = %lld", (long long) fixture->person_id, status, (long long) hearing);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WsCase) court_case = NULL;

  ws_test_fixture_set_up (&fixture->base, data);
  ws_test_set_now (PROCESS_CLOCK);
  fixture->now = ws_time_parse_instant (NOW);
  court_case = ws_test_add_case (fixture->base.db, "T-9", "Court");
  fixture->case_id = ws_case_get_id (court_case);
  fixture->person_id = ws_test_add_person_aged (fixture->base.db, "Rosa", WS_AGE_STATUS_ADULT);
  link_party (fixture, fixture->person_id, WS_PARTY_ROLE_VICTIM_WITNESS, "Witness A");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->now, g_date_time_unref);
  ws_test_fixture_tear_down (&fixture->base, data);
}

static GPtrArray *
evaluate (Fixture               *fixture,
          const WsRulesSettings *settings)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = ws_rules_evaluate (fixture->base.db, fixture->now, settings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (findings);
  return findings;
}

/* The findings of @rule, as a new array. */
static GPtrArray *
findings_of (Fixture    *fixture,
             const char *rule)
{
  WsRulesSettings settings;
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *mine = g_ptr_array_new_with_free_func (g_object_unref);

  ws_rules_settings_init (&settings);
  settings.zone = "UTC";
  all = evaluate (fixture, &settings);
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (ws_finding_get_rule (g_ptr_array_index (all, i)), rule))
      g_ptr_array_add (mine, g_object_ref (g_ptr_array_index (all, i)));
  return mine;
}

/* Asserts exactly the subjects @first … (0-terminated) were found, in any order. */
static void
assert_subjects (Fixture    *fixture,
                 const char *rule,
                 gint64      first,
                 ...)
{
  g_autoptr(GPtrArray) found = findings_of (fixture, rule);
  va_list args;
  guint n = 0;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64), n++)
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < found->len; i++)
        seen |= ws_finding_get_subject_id (g_ptr_array_index (found, i)) == id;
      if (!seen)
        g_error ("%s: no finding about %" G_GINT64_FORMAT, rule, id);
    }
  va_end (args);
  g_assert_cmpuint (found->len, ==, n);
}

static WsFinding *
only_finding (Fixture    *fixture,
              const char *rule)
{
  g_autoptr(GPtrArray) found = findings_of (fixture, rule);

  g_assert_cmpuint (found->len, ==, 1);
  return g_object_ref (g_ptr_array_index (found, 0));
}

#define DAY (24 * 60 * 60)

/* ------------------------------------------------------------------ */

static void
test_undecided (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 edge = add_hearing (fixture, 14 * DAY);
  gint64 beyond = add_hearing (fixture, 14 * DAY + 1);
  gint64 soon = add_hearing (fixture, 3 * DAY);
  gint64 past = add_hearing (fixture, -DAY);
  gint64 at_edge = add_measure (fixture, edge, "screens", "proposed");
  gint64 at_soon = add_measure (fixture, soon, "in-camera", "applied-for");
  g_autoptr(WsFinding) finding = NULL;
  WsRulesSettings settings;
  g_autoptr(GPtrArray) wider = NULL;
  guint n = 0;

  add_measure (fixture, beyond, "screens", "proposed");
  add_measure (fixture, past, "screens", "proposed");
  add_measure (fixture, edge, "pseudonym", "granted");
  add_measure (fixture, soon, "pseudonym", "refused");
  assert_subjects (fixture, "measure-undecided", at_edge, at_soon, (gint64) 0);

  g_clear_object (&finding);
  ws_test_exec (fixture->base.db, "DELETE FROM measure WHERE id = %lld", (long long) at_edge);
  finding = only_finding (fixture, "measure-undecided");
  g_assert_cmpint (ws_finding_get_subject_id (finding), ==, at_soon);
  g_assert_cmpint (ws_finding_get_severity (finding), ==, WS_FINDING_SEVERITY_URGENT);
  g_assert_cmpstr (ws_finding_get_pseudonym (finding), ==, "Rosa");
  g_assert_cmpint (ws_finding_get_person_id (finding), ==, fixture->person_id);
  g_assert_cmpstr (ws_finding_get_subject_kind (finding), ==, "measure");
  g_assert_cmpstr (ws_finding_get_message (finding), ==,
                   "“Closed hearing (in camera)” is still undecided; case T-9 has a hearing on 6 Jun 2024");
  g_assert_cmpstr (ws_finding_get_action (finding), ==, "Ask the court for its decision before the hearing");
  g_assert_cmpuint (g_date_get_day (ws_finding_get_date (finding)), ==, 6);

  /* A whole-proceedings measure counts against the case's next hearing:
   * here the one in 3 days. */
  ws_test_exec (fixture->base.db, "UPDATE measure SET hearing_id = NULL WHERE id = %lld", (long long) at_soon);
  assert_subjects (fixture, "measure-undecided", at_soon, (gint64) 0);

  /* Thresholds are settings. */
  ws_rules_settings_init (&settings);
  settings.undecided_days = 15;
  wider = evaluate (fixture, &settings);
  for (guint i = 0; i < wider->len; i++)
    n += g_str_equal (ws_finding_get_rule (g_ptr_array_index (wider, i)), "measure-undecided");
  g_assert_cmpuint (n, ==, 2);
}

static void
test_not_arranged (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 edge = add_hearing (fixture, 7 * DAY);
  gint64 beyond = add_hearing (fixture, 7 * DAY + 1);
  gint64 screens = add_measure (fixture, edge, "screens", "granted");
  gint64 by_hand = add_measure (fixture, edge, "pseudonym", "granted");
  gint64 planned_link = add_measure (fixture, edge, "video-link-room", "granted");
  gint64 booked;
  g_autoptr(WsFinding) finding = NULL;

  add_session (fixture, edge, "planned");
  add_measure (fixture, beyond, "screens", "granted");
  add_measure (fixture, edge, "intermediary", "arranged");
  booked = add_measure (fixture, edge, "separate-waiting", "granted");
  ws_test_exec (fixture->base.db, "UPDATE measure SET booking_reference = 'Room 3' WHERE id = %lld", (long long) booked);
  assert_subjects (fixture, "measure-not-arranged", screens, by_hand, planned_link, (gint64) 0);

  /* A video link with no session at all is the other rule's finding. */
  ws_test_exec (fixture->base.db, "DELETE FROM session");
  assert_subjects (fixture, "measure-not-arranged", screens, by_hand, (gint64) 0);
  assert_subjects (fixture, "video-link-no-session", planned_link, (gint64) 0);

  ws_test_exec (fixture->base.db, "DELETE FROM measure WHERE id <> %lld", (long long) screens);
  finding = only_finding (fixture, "measure-not-arranged");
  g_assert_cmpint (ws_finding_get_severity (finding), ==, WS_FINDING_SEVERITY_WARNING);
  g_assert_nonnull (strstr (ws_finding_get_action (finding), "booking reference"));
  g_assert_cmpstr (ws_finding_get_message (finding), ==,
                   "“Screens shielding the witness from the accused and the public” was granted but is not"
                   " arranged for the hearing on 10 Jun 2024");
}

static void
test_refused_no_alternative (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 bare = add_measure (fixture, 0, "screens", "refused");
  gint64 blank = add_measure (fixture, 0, "in-camera", "refused");
  gint64 considered = add_measure (fixture, 0, "voice-distortion", "refused");
  g_autoptr(WsFinding) finding = NULL;

  ws_test_exec (fixture->base.db, "UPDATE measure SET alternative = '   ' WHERE id = %lld", (long long) blank);
  ws_test_exec (fixture->base.db, "UPDATE measure SET alternative = 'Video link instead' WHERE id = %lld",
                (long long) considered);
  add_measure (fixture, 0, "pseudonym", "granted");
  assert_subjects (fixture, "refused-no-alternative", bare, blank, (gint64) 0);

  ws_test_exec (fixture->base.db, "DELETE FROM measure WHERE id = %lld", (long long) blank);
  finding = only_finding (fixture, "refused-no-alternative");
  g_assert_cmpuint (g_date_get_month (ws_finding_get_date (finding)), ==, 5);
  g_assert_cmpuint (g_date_get_day (ws_finding_get_date (finding)), ==, 20);

  /* Nothing to do any more once the case is closed. */
  ws_test_exec (fixture->base.db, "UPDATE court_case SET stage = 'closed'");
  assert_subjects (fixture, "refused-no-alternative", (gint64) 0);
}

static void
test_child_aid (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 child = ws_test_add_person_aged (fixture->base.db, "Mila", WS_AGE_STATUS_PRESUMED_CHILD);
  gint64 victim = ws_test_add_person_aged (fixture->base.db, "Tom", WS_AGE_STATUS_CHILD);
  g_autoptr(WsFinding) finding = NULL;

  link_party (fixture, child, WS_PARTY_ROLE_WITNESS, "Witness B");
  link_party (fixture, victim, WS_PARTY_ROLE_VICTIM, "Victim C");
  /* The aids proposed on linking are "considered". */
  assert_subjects (fixture, "child-no-testimonial-aid", (gint64) 0);

  ws_test_exec (fixture->base.db, "DELETE FROM measure");
  assert_subjects (fixture, "child-no-testimonial-aid", child, (gint64) 0);
  add_hearing (fixture, 10 * DAY);
  finding = only_finding (fixture, "child-no-testimonial-aid");
  g_assert_cmpstr (ws_finding_get_pseudonym (finding), ==, "Mila");
  g_assert_cmpstr (ws_finding_get_subject_kind (finding), ==, "person");
  g_assert_cmpstr (ws_finding_get_message (finding), ==,
                   "Witness B in case T-9 is a child and no testimonial aid has been considered");
  g_assert_cmpuint (g_date_get_day (ws_finding_get_date (finding)), ==, 13);

  /* Considered includes refused; a pseudonym is not a testimonial aid. */
  ws_test_exec (fixture->base.db, "INSERT INTO measure (case_id, person_id, type, status) VALUES (%lld, %lld,"
                                  " 'pseudonym', 'granted')", (long long) fixture->case_id, (long long) child);
  assert_subjects (fixture, "child-no-testimonial-aid", child, (gint64) 0);
  ws_test_exec (fixture->base.db, "INSERT INTO measure (case_id, person_id, type, status, refusal_reason)"
                                  " VALUES (%lld, %lld, 'screens', 'refused', 'No')",
                (long long) fixture->case_id, (long long) child);
  assert_subjects (fixture, "child-no-testimonial-aid", (gint64) 0);

  /* So does a measure for every witness of the case. */
  ws_test_exec (fixture->base.db, "DELETE FROM measure");
  ws_test_exec (fixture->base.db, "INSERT INTO measure (case_id, type) VALUES (%lld, 'intermediary')",
                (long long) fixture->case_id);
  assert_subjects (fixture, "child-no-testimonial-aid", (gint64) 0);

  ws_test_exec (fixture->base.db, "DELETE FROM measure");
  ws_test_exec (fixture->base.db, "UPDATE court_case SET stage = 'verdict'");
  assert_subjects (fixture, "child-no-testimonial-aid", (gint64) 0);
}

static void
test_video_link_no_session (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 edge = add_hearing (fixture, 21 * DAY);
  gint64 beyond = add_hearing (fixture, 21 * DAY + 1);
  gint64 soon = add_hearing (fixture, 2 * DAY);
  gint64 at_edge = add_measure (fixture, edge, "video-link-abroad", "granted");
  gint64 at_soon = add_measure (fixture, soon, "video-link-room", "arranged");
  gint64 booked = add_measure (fixture, soon, "cctv-other-city", "granted");
  g_autoptr(WsFinding) finding = NULL;

  add_measure (fixture, beyond, "video-link-room", "granted");
  add_measure (fixture, soon, "video-link-room", "applied-for");
  ws_test_exec (fixture->base.db, "UPDATE measure SET booking_reference = 'VL-7' WHERE id = %lld", (long long) booked);
  assert_subjects (fixture, "video-link-no-session", at_edge, at_soon, (gint64) 0);

  /* A planned session silences it; a cancelled one does not. */
  add_session (fixture, edge, "planned");
  add_session (fixture, soon, "cancelled");
  finding = only_finding (fixture, "video-link-no-session");
  g_assert_cmpint (ws_finding_get_subject_id (finding), ==, at_soon);
  g_assert_cmpint (ws_finding_get_severity (finding), ==, WS_FINDING_SEVERITY_URGENT);
  g_assert_cmpstr (ws_finding_get_action (finding), ==, "Book a video-link session for the witness at this hearing");
}

static void
add_risk (Fixture    *fixture,
          gint64      person,
          const char *assessed_on,
          const char *level,
          const char *next_review)
{
  ws_test_exec (fixture->base.db, "INSERT INTO risk_assessment (person_id, assessed_on, level, next_review)"
                                  " VALUES (%lld, %Q, %Q, %Q)", (long long) person, assessed_on, level, next_review);
}

static void
test_risk_review (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 due_today = ws_test_add_person_aged (fixture->base.db, "Due today", WS_AGE_STATUS_ADULT);
  gint64 reviewed = ws_test_add_person_aged (fixture->base.db, "Reviewed", WS_AGE_STATUS_ADULT);
  gint64 closed = ws_test_add_person_aged (fixture->base.db, "Closed", WS_AGE_STATUS_ADULT);
  gint64 high = ws_test_add_person_aged (fixture->base.db, "High", WS_AGE_STATUS_ADULT);
  g_autoptr(GPtrArray) found = NULL;

  add_risk (fixture, fixture->person_id, "2024-03-01", "medium", "2024-06-02");
  add_risk (fixture, due_today, "2024-03-01", "low", "2024-06-03");
  /* An overdue review met by a later assessment is not overdue. */
  add_risk (fixture, reviewed, "2024-01-01", "low", "2024-02-01");
  add_risk (fixture, reviewed, "2024-05-01", "low", "2024-08-01");
  add_risk (fixture, closed, "2024-01-01", "low", "2024-02-01");
  ws_test_exec (fixture->base.db, "UPDATE person SET status = 'closed' WHERE id = %lld", (long long) closed);
  add_risk (fixture, high, "2024-01-01", "high", "2024-05-01");
  assert_subjects (fixture, "risk-review-overdue", fixture->person_id, high, (gint64) 0);

  found = findings_of (fixture, "risk-review-overdue");
  /* Urgent (high risk) first. */
  g_assert_cmpint (ws_finding_get_subject_id (g_ptr_array_index (found, 0)), ==, high);
  g_assert_cmpint (ws_finding_get_severity (g_ptr_array_index (found, 0)), ==, WS_FINDING_SEVERITY_URGENT);
  g_assert_cmpint (ws_finding_get_severity (g_ptr_array_index (found, 1)), ==, WS_FINDING_SEVERITY_WARNING);
  g_assert_cmpstr (ws_finding_get_message (g_ptr_array_index (found, 1)), ==, "The risk review was due on 2 Jun 2024");
}

static void
add_reflection (Fixture    *fixture,
                gint64      person,
                const char *starts_on,
                int         days)
{
  ws_test_exec (fixture->base.db, "INSERT INTO reflection_period (person_id, starts_on, days) VALUES (%lld, %Q, %d)",
                (long long) person, starts_on, days);
}

static void
test_reflection_ending (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 edge = ws_test_add_person_aged (fixture->base.db, "Edge", WS_AGE_STATUS_ADULT);
  gint64 beyond = ws_test_add_person_aged (fixture->base.db, "Beyond", WS_AGE_STATUS_ADULT);
  gint64 ended = ws_test_add_person_aged (fixture->base.db, "Ended", WS_AGE_STATUS_ADULT);
  gint64 renewed = ws_test_add_person_aged (fixture->base.db, "Renewed", WS_AGE_STATUS_ADULT);
  g_autoptr(GPtrArray) found = NULL;
  WsFinding *last_day;

  /* The last day is start + days − 1; today is 3 June. */
  add_reflection (fixture, fixture->person_id, "2024-05-05", 30); /* last day 3 June: today */
  add_reflection (fixture, edge, "2024-05-12", 30);               /* 10 June: in 7 days */
  add_reflection (fixture, beyond, "2024-05-13", 30);             /* 11 June: in 8 days */
  add_reflection (fixture, ended, "2024-05-04", 30);              /* 2 June: over */
  add_reflection (fixture, renewed, "2024-05-05", 30);
  add_reflection (fixture, renewed, "2024-06-01", 60);            /* the later period counts */
  assert_subjects (fixture, "reflection-ending", fixture->person_id, edge, (gint64) 0);

  found = findings_of (fixture, "reflection-ending");
  last_day = g_ptr_array_index (found, 0);
  g_assert_cmpint (ws_finding_get_subject_id (last_day), ==, fixture->person_id);
  g_assert_cmpint (ws_finding_get_severity (last_day), ==, WS_FINDING_SEVERITY_URGENT);
  g_assert_cmpstr (ws_finding_get_message (last_day), ==, "The reflection period ends on 3 Jun 2024 (0 days left)");
  g_assert_cmpstr (ws_finding_get_message (g_ptr_array_index (found, 1)), ==,
                   "The reflection period ends on 10 Jun 2024 (7 days left)");
}

/* Severity first, then date, whatever the rules' order; and the line
 * --attention prints. */
static void
test_order_and_line (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) ids = ws_rules_list ();

  add_reflection (fixture, fixture->person_id, "2024-05-12", 30);
  add_risk (fixture, fixture->person_id, "2024-01-01", "high", "2024-05-01");
  add_measure (fixture, 0, "screens", "refused");
  add_measure (fixture, add_hearing (fixture, 10 * DAY), "screens", "proposed");
  add_measure (fixture, add_hearing (fixture, DAY), "in-camera", "proposed");
  all = evaluate (fixture, NULL);
  g_assert_cmpuint (all->len, ==, 5);
  for (guint i = 1; i < all->len; i++)
    {
      WsFinding *a = g_ptr_array_index (all, i - 1);
      WsFinding *b = g_ptr_array_index (all, i);

      g_assert_cmpint (ws_finding_get_severity (a), >=, ws_finding_get_severity (b));
      if (ws_finding_get_severity (a) == ws_finding_get_severity (b))
        g_assert_cmpint (g_date_compare (ws_finding_get_date (a), ws_finding_get_date (b)), <=, 0);
    }
  line = ws_finding_to_line (g_ptr_array_index (all, 0));
  g_assert_cmpstr (line, ==, "urgent\tRosa\trisk-review-overdue\tThe risk review was due on 1 May 2024");

  g_assert_cmpuint (g_strv_length (ids), ==, 11);
  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_nonnull (ws_rules_get_title (ids[i]));
  g_assert_null (ws_rules_get_title ("no-such-rule"));
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  WsRulesSettings settings;
  char zone[] = "UTC";

  add_risk (fixture, fixture->person_id, "2024-01-01", "low", "2024-05-01");
  ws_rules_settings_init (&settings);
  settings.zone = zone;
  ws_rules_evaluate_async (fixture->base.db, fixture->now, &settings, NULL, ws_test_keep_result_cb, &result);
  /* The settings were copied. */
  zone[0] = 'X';
  findings = ws_rules_evaluate_finish (fixture->base.db, ws_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 1);
  g_clear_object (&result);
  ws_test_wait_for_last_ref (fixture->base.db);
}

#define ADD(path, func) \
  g_test_add ("/ws/rules/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("measure-undecided", test_undecided);
  ADD ("measure-not-arranged", test_not_arranged);
  ADD ("refused-no-alternative", test_refused_no_alternative);
  ADD ("child-no-testimonial-aid", test_child_aid);
  ADD ("video-link-no-session", test_video_link_no_session);
  ADD ("risk-review-overdue", test_risk_review);
  ADD ("reflection-ending", test_reflection_ending);
  ADD ("order-and-line", test_order_and_line);
  ADD ("async", test_async);

  return g_test_run ();
}
