/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-rules"

#include "config.h"

#include <string.h>

#include "ws-database-private.h"
#include "ws-demo.h"
#include "ws-identity.h"
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
  /* Saving a person starts their timeline at the process clock, years
   * after NOW; the phase rules' own tests set their timelines. */
  ws_test_exec (fixture->base.db, "DELETE FROM phase_change");
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

/* ------------------------------------------------------------------ */
/* Support plans                                                       */

static gint64
add_item (Fixture    *fixture,
          gint64      person,
          const char *due_on,
          const char *status)
{
  ws_test_exec (fixture->base.db, "INSERT INTO support_item (person_id, need_code, phase, due_on, status)"
                                  " VALUES (%lld, 'health.counselling', 'initial', %Q, %Q)",
                (long long) person, due_on, status);
  return ws_test_last_id (fixture->base.db, "support_item");
}

static void
test_item_overdue (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 closed = ws_test_add_person_aged (fixture->base.db, "Closed", WS_AGE_STATUS_ADULT);
  gint64 yesterday = add_item (fixture, fixture->person_id, "2024-06-02", "planned");
  gint64 going = add_item (fixture, fixture->person_id, "2024-05-01", "in-progress");
  g_autoptr(GPtrArray) found = NULL;
  WsFinding *first;

  add_item (fixture, fixture->person_id, "2024-06-03", "planned");   /* due today: not yet late */
  add_item (fixture, fixture->person_id, "2024-05-01", "done");
  add_item (fixture, fixture->person_id, "2024-05-01", "cancelled");
  add_item (fixture, fixture->person_id, NULL, "planned");
  add_item (fixture, closed, "2024-05-01", "planned");
  ws_test_exec (fixture->base.db, "UPDATE person SET status = 'closed' WHERE id = %lld", (long long) closed);
  assert_subjects (fixture, "support-item-overdue", yesterday, going, (gint64) 0);

  found = findings_of (fixture, "support-item-overdue");
  first = g_ptr_array_index (found, 0);
  g_assert_cmpint (ws_finding_get_subject_id (first), ==, going);
  g_assert_cmpstr (ws_finding_get_subject_kind (first), ==, "support-item");
  g_assert_cmpstr (ws_finding_get_message (g_ptr_array_index (found, 1)), ==,
                   "“Psychological counselling and treatment” was due on 2 Jun 2024");
}

static void
add_phase_change (Fixture    *fixture,
                  gint64      person,
                  const char *phase,
                  const char *began_at)
{
  ws_test_exec (fixture->base.db, "INSERT INTO phase_change (person_id, phase, began_at, moved_by)"
                                  " VALUES (%lld, %Q, %Q, 'Olga')", (long long) person, phase, began_at);
}

static void
test_risk_after_phase_change (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(WsFinding) finding = NULL;

  add_phase_change (fixture, fixture->person_id, "initial", "2024-03-01T09:00:00Z");
  add_risk (fixture, fixture->person_id, "2024-03-01", "medium", NULL);
  assert_subjects (fixture, "risk-after-phase-change", (gint64) 0);

  /* The latest move counts; the day before it does not. */
  add_phase_change (fixture, fixture->person_id, "investigation", "2024-06-01T10:00:00Z");
  add_risk (fixture, fixture->person_id, "2024-05-31", "medium", NULL);
  finding = only_finding (fixture, "risk-after-phase-change");
  g_assert_cmpint (ws_finding_get_subject_id (finding), ==, fixture->person_id);
  g_assert_cmpstr (ws_finding_get_subject_kind (finding), ==, "person");
  g_assert_true (g_str_has_prefix (ws_finding_get_message (finding), "The plan moved to “"));
  g_assert_nonnull (strstr (ws_finding_get_message (finding), "” on 1 Jun 2024"));

  /* An assessment on the day of the move is one since. */
  add_risk (fixture, fixture->person_id, "2024-06-01", "high", NULL);
  assert_subjects (fixture, "risk-after-phase-change", (gint64) 0);
}

static void
test_risk_before_hearing (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 victim = ws_test_add_person_aged (fixture->base.db, "Quiet", WS_AGE_STATUS_ADULT);
  gint64 edge = add_hearing (fixture, 14 * DAY);   /* 17 June */
  g_autoptr(WsFinding) finding = NULL;

  add_hearing (fixture, 14 * DAY + 1);
  link_party (fixture, victim, WS_PARTY_ROLE_VICTIM, "Witness B");
  add_risk (fixture, fixture->person_id, "2024-05-01", "low", NULL);
  finding = only_finding (fixture, "risk-before-hearing");
  g_assert_cmpint (ws_finding_get_subject_id (finding), ==, edge);
  g_assert_cmpstr (ws_finding_get_subject_kind (finding), ==, "hearing");
  g_assert_cmpint (ws_finding_get_person_id (finding), ==, fixture->person_id);
  g_assert_cmpstr (ws_finding_get_message (finding), ==,
                   "Case T-9 has a hearing on 17 Jun 2024 and the risk has not been assessed in the weeks before it");

  /* Fifteen days before the hearing is too early; fourteen is in time. */
  add_risk (fixture, fixture->person_id, "2024-06-02", "low", NULL);
  assert_subjects (fixture, "risk-before-hearing", edge, (gint64) 0);
  add_risk (fixture, fixture->person_id, "2024-06-03", "low", NULL);
  assert_subjects (fixture, "risk-before-hearing", (gint64) 0);
}

static gint64
add_child (Fixture     *fixture,
           const char  *pseudonym,
           WsAgeStatus  age,
           const char  *born,
           const char  *guardian)
{
  g_autoptr(WsPerson) person = ws_person_new ();
  g_autoptr(WsIdentity) identity = ws_identity_new ();

  ws_person_set_pseudonym (person, pseudonym);
  ws_person_set_age_status (person, age);
  if (age == WS_AGE_STATUS_CHILD)
    ws_person_set_age_assessed_on (person, "2024-05-01");
  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, pseudonym);
  ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, born);
  ws_identity_set_text (identity, WS_IDENTITY_GUARDIAN, guardian);
  ws_test_save_person (fixture->base.db, person, identity);
  return ws_person_get_id (person);
}

static void
test_child_guardian_and_age (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 guarded = add_child (fixture, "Guarded", WS_AGE_STATUS_CHILD, "2010-01-01", "Anna Guardian");
  gint64 alone = add_child (fixture, "Alone", WS_AGE_STATUS_CHILD, "2010-01-01", NULL);
  gint64 presumed = ws_test_add_person_aged (fixture->base.db, "Presumed", WS_AGE_STATUS_PRESUMED_CHILD);
  g_autoptr(WsFinding) finding = NULL;
  g_autoptr(GPtrArray) all = NULL;

  add_child (fixture, "Grown", WS_AGE_STATUS_ADULT, "1990-01-01", NULL);
  add_child (fixture, "Blank", WS_AGE_STATUS_CHILD, "2010-01-01", "   ");
  g_assert_cmpint (guarded, >, 0);
  assert_subjects (fixture, "child-no-guardian", alone, presumed,
                   ws_test_query_int (fixture->base.db, "SELECT id FROM person WHERE pseudonym = 'Blank'"), (gint64) 0);
  assert_subjects (fixture, "child-no-age-assessment", presumed, (gint64) 0);

  /* The rules answer from the name index built once (one audited bulk
   * read), never by reading a person's identity out. */
  g_assert_cmpuint (ws_database_count_audit (fixture->base.db, "identity-read"), ==, 0);
  g_assert_cmpuint (ws_database_count_audit (fixture->base.db, "identity-read-all"), ==, 0);
  {
    guint built = ws_database_count_audit (fixture->base.db, "identity-search-index");

    assert_subjects (fixture, "child-no-guardian", alone, presumed,
                     ws_test_query_int (fixture->base.db, "SELECT id FROM person WHERE pseudonym = 'Blank'"), (gint64) 0);
    g_assert_cmpuint (ws_database_count_audit (fixture->base.db, "identity-search-index"), ==, built);
  }
  finding = only_finding (fixture, "child-no-age-assessment");
  g_assert_cmpstr (ws_finding_get_message (finding), ==, "Presumed to be a child and the age has not been assessed");

  ws_test_exec (fixture->base.db, "UPDATE person SET age_status = 'child', age_assessed_on = '2024-06-01'"
                                  " WHERE id = %lld", (long long) presumed);
  assert_subjects (fixture, "child-no-age-assessment", (gint64) 0);
  all = evaluate (fixture, NULL);
  g_assert_cmpuint (all->len, >, 0);
}

static gint64
add_agency (Fixture    *fixture,
            const char *name)
{
  ws_test_exec (fixture->base.db, "INSERT INTO agency (name) VALUES (%Q)", name);
  return ws_test_last_id (fixture->base.db, "agency");
}

static gint64
add_consent (Fixture    *fixture,
             const char *recipient,
             const char *purpose,
             const char *given,
             const char *expires,
             const char *withdrawn)
{
  ws_test_exec (fixture->base.db, "INSERT INTO consent (person_id, recipient, purpose, given_on, expires_on,"
                                  " withdrawn_on) VALUES (%lld, %Q, %Q, %Q, %Q, %Q)",
                (long long) fixture->person_id, recipient, purpose, given, expires, withdrawn);
  return ws_test_last_id (fixture->base.db, "consent");
}

static gint64
add_referral (Fixture    *fixture,
              gint64      agency,
              const char *purpose,
              const char *on,
              gint64      consent)
{
  ws_test_exec (fixture->base.db, "INSERT INTO referral (person_id, agency_id, purpose, referred_on, consent_id,"
                                  " override) VALUES (%lld, %lld, %Q, %Q, nullif (%lld, 0), 'Urgent')",
                (long long) fixture->person_id, (long long) agency, purpose, on, (long long) consent);
  return ws_test_last_id (fixture->base.db, "referral");
}

static void
test_referral_without_consent (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 clinic = add_agency (fixture, "Riverside Health Clinic");
  gint64 shelter = add_agency (fixture, "Lindenhof Shelter");
  gint64 lawyers = add_agency (fixture, "Open Door Legal Aid");
  gint64 urgent = add_referral (fixture, clinic, "Urgent medical care", "2024-05-20", 0);
  gint64 withdrawn = add_consent (fixture, "Lindenhof Shelter", "Accommodation", "2024-05-01", NULL, "2024-05-25");
  gint64 lapsed = add_consent (fixture, "Open Door Legal Aid", "Legal advice", "2024-01-01", "2024-04-30", NULL);
  gint64 stale;
  g_autoptr(WsFinding) finding = NULL;

  add_referral (fixture, shelter, "Accommodation", "2024-05-10", withdrawn);  /* covered then */
  stale = add_referral (fixture, lawyers, "Legal advice", "2024-05-02", lapsed);
  assert_subjects (fixture, "referral-without-consent", urgent, stale, (gint64) 0);

  ws_test_exec (fixture->base.db, "DELETE FROM referral WHERE id = %lld", (long long) stale);
  finding = only_finding (fixture, "referral-without-consent");
  g_assert_cmpstr (ws_finding_get_message (finding), ==,
                   "Referred to Riverside Health Clinic for “Urgent medical care” on 20 May 2024 without a valid consent");
  g_assert_cmpstr (ws_finding_get_subject_kind (finding), ==, "referral");

  /* Consent sought afterwards, valid today, settles it. */
  add_consent (fixture, "riverside health clinic", "urgent medical care ", "2024-06-01", NULL, NULL);
  assert_subjects (fixture, "referral-without-consent", (gint64) 0);
}

static gint64
add_verdict (Fixture    *fixture,
             const char *reference,
             gint64      person,
             const char *given_on)
{
  g_autoptr(WsCase) court_case = ws_test_add_case (fixture->base.db, reference, "Court");
  g_autoptr(GError) error = NULL;

  ws_database_link_party (fixture->base.db, ws_case_get_id (court_case), person, WS_PARTY_ROLE_VICTIM_WITNESS,
                          "Witness A", &error);
  g_assert_no_error (error);
  ws_test_exec (fixture->base.db, "INSERT INTO verdict (case_id, given_on, outcome) VALUES (%lld, %Q, 'Convicted')",
                (long long) ws_case_get_id (court_case), given_on);
  return ws_test_query_int (fixture->base.db, "SELECT max(id) FROM case_party");
}

static void
test_outcome_not_told (Fixture       *fixture,
                       gconstpointer  data)
{
  /* Today is Monday 3 June; two working days after the verdict. */
  gint64 wednesday = add_verdict (fixture, "V-1", fixture->person_id, "2024-05-29");  /* by Fri 31 May: late */
  gint64 told;
  g_autoptr(WsFinding) finding = NULL;

  add_verdict (fixture, "V-2", fixture->person_id, "2024-05-30");  /* Thursday: by Monday, today */
  add_verdict (fixture, "V-3", fixture->person_id, "2024-05-31");  /* Friday: by Tuesday */
  told = add_verdict (fixture, "V-4", fixture->person_id, "2024-05-20");
  ws_test_exec (fixture->base.db, "UPDATE case_party SET outcome_told_on = '2024-05-21' WHERE id = %lld",
                (long long) told);
  finding = only_finding (fixture, "outcome-not-told");
  g_assert_cmpint (ws_finding_get_subject_id (finding), ==, wednesday);
  g_assert_cmpstr (ws_finding_get_subject_kind (finding), ==, "case-party");
  g_assert_cmpint (ws_finding_get_severity (finding), ==, WS_FINDING_SEVERITY_URGENT);
  g_assert_cmpint (g_date_get_day (ws_finding_get_date (finding)), ==, 31);
  g_assert_cmpstr (ws_finding_get_message (finding), ==,
                   "Witness A in case V-1 has not been told the outcome of the verdict of 29 May 2024");

  g_clear_object (&finding);
  ws_test_exec (fixture->base.db, "UPDATE case_party SET outcome_told_on = '2024-06-03' WHERE id = %lld",
                (long long) wednesday);
  assert_subjects (fixture, "outcome-not-told", (gint64) 0);
}

static void
test_turns_18 (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 trial = add_hearing (fixture, 17 * DAY);  /* 20 June 2024 */
  gint64 on_the_day = add_child (fixture, "Eve", WS_AGE_STATUS_CHILD, "2006-06-20", "G");
  gint64 before = add_child (fixture, "Soon", WS_AGE_STATUS_PRESUMED_CHILD, "2006-06-10", "G");
  gint64 after = add_child (fixture, "Later", WS_AGE_STATUS_CHILD, "2006-06-21", "G");
  gint64 today = add_child (fixture, "Today", WS_AGE_STATUS_CHILD, "2006-06-03", "G");
  gint64 victim = add_child (fixture, "Victim", WS_AGE_STATUS_CHILD, "2006-06-10", "G");
  g_autoptr(GPtrArray) found = NULL;

  link_party (fixture, on_the_day, WS_PARTY_ROLE_VICTIM_WITNESS, "Witness B");
  link_party (fixture, before, WS_PARTY_ROLE_WITNESS, "Witness C");
  link_party (fixture, after, WS_PARTY_ROLE_WITNESS, "Witness D");
  link_party (fixture, today, WS_PARTY_ROLE_WITNESS, "Witness E");
  link_party (fixture, victim, WS_PARTY_ROLE_VICTIM, "Witness F");
  found = findings_of (fixture, "turns-18-before-trial");
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    {
      WsFinding *finding = g_ptr_array_index (found, i);

      g_assert_true (ws_finding_get_person_id (finding) == on_the_day || ws_finding_get_person_id (finding) == before);
      g_assert_cmpint (ws_finding_get_subject_id (finding), ==, trial);
      /* The trial's date, never the birthday. */
      g_assert_cmpstr (ws_finding_get_message (finding), ==, "Turns 18 before the trial in case T-9 on 20 Jun 2024");
      g_assert_null (strstr (ws_finding_get_message (finding), "2006"));
    }
  /* No one's identity was read out for it. */
  g_assert_cmpuint (ws_database_count_audit (fixture->base.db, "identity-read"), ==, 0);
  g_assert_cmpuint (ws_database_count_audit (fixture->base.db, "identity-read-all"), ==, 0);
}

static void
test_consent_expiring (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 edge = add_consent (fixture, "Police liaison officer", "Risk assessment", "2024-01-01", "2024-06-17", NULL);
  gint64 today = add_consent (fixture, "Harbour Counselling Centre", "Counselling", "2024-01-01", "2024-06-03", NULL);
  g_autoptr(GPtrArray) found = NULL;

  add_consent (fixture, "Lindenhof Shelter", "Accommodation", "2024-01-01", "2024-06-18", NULL);  /* beyond */
  add_consent (fixture, "Riverside Health Clinic", "Appointments", "2024-01-01", "2024-06-02", NULL); /* gone */
  add_consent (fixture, "Open Door Legal Aid", "Advice", "2024-01-01", "2024-06-05", "2024-05-01"); /* withdrawn */
  add_consent (fixture, "Safe Return Partnership", "Return", "2024-01-01", "2024-06-05", NULL);
  add_consent (fixture, "safe return partnership", "Return ", "2024-06-01", NULL, NULL);          /* renewed */
  assert_subjects (fixture, "consent-expiring", edge, today, (gint64) 0);

  found = findings_of (fixture, "consent-expiring");
  g_assert_cmpint (ws_finding_get_subject_id (g_ptr_array_index (found, 0)), ==, today);
  g_assert_cmpint (ws_finding_get_severity (g_ptr_array_index (found, 0)), ==, WS_FINDING_SEVERITY_WARNING);
  g_assert_cmpint (ws_finding_get_severity (g_ptr_array_index (found, 1)), ==, WS_FINDING_SEVERITY_INFO);
  g_assert_cmpstr (ws_finding_get_message (g_ptr_array_index (found, 1)), ==,
                   "Consent to share with Police liaison officer for “Risk assessment” expires on 17 Jun 2024");
}

/* What a role sees, and one witness's findings alone. */
static void
test_roles_and_person (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 other = ws_test_add_person_aged (fixture->base.db, "Other", WS_AGE_STATUS_ADULT);
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) prosecutor = NULL;
  g_autoptr(GError) error = NULL;

  ws_test_exec (fixture->base.db, "DELETE FROM phase_change");
  add_item (fixture, fixture->person_id, "2024-06-01", "planned");
  add_item (fixture, other, "2024-06-01", "planned");
  add_risk (fixture, fixture->person_id, "2024-01-01", "high", "2024-05-01");
  add_risk (fixture, other, "2024-01-01", "high", "2024-05-01");

  mine = ws_rules_evaluate_person (fixture->base.db, fixture->person_id, fixture->now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 2);
  for (guint i = 0; i < mine->len; i++)
    g_assert_cmpint (ws_finding_get_person_id (g_ptr_array_index (mine, i)), ==, fixture->person_id);

  /* A prosecutor sees the risk, not the witness's services. */
  ws_database_set_actor (fixture->base.db, "Petra Prosecutor", WS_ROLE_PROSECUTOR);
  prosecutor = evaluate (fixture, NULL);
  g_assert_cmpuint (prosecutor->len, ==, 2);
  for (guint i = 0; i < prosecutor->len; i++)
    g_assert_cmpstr (ws_finding_get_rule (g_ptr_array_index (prosecutor, i)), ==, "risk-review-overdue");

  ws_database_set_actor (fixture->base.db, "Ivo Interpreter", WS_ROLE_INTERPRETER);
  g_assert_null (ws_rules_evaluate (fixture->base.db, fixture->now, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
}

/* A witness's page asks for their findings alone; rules narrow their
 * queries to that witness (or, for double bookings, to the span of their
 * sessions). Whatever the narrowing, the answer must be exactly the
 * witness's share of the whole unit's findings. */
static void
test_person_matches_unit (WsTestFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint compared = 0;

  ws_test_set_now ("2026-11-23T09:00:00Z");
  now = ws_time_now ();
  if (!ws_demo_fill (fixture->db, WS_DEMO_WITNESSES, 7, &error))
    g_error ("%s", error->message);
  all = ws_rules_evaluate (fixture->db, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 20);
  people = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = ws_finding_get_person_id (g_ptr_array_index (all, i));

      if (id > 0 && (people->len == 0 || g_array_index (people, gint64, people->len - 1) != id))
        g_array_append_val (people, id);
    }
  for (guint p = 0; p < people->len; p++)
    {
      gint64 id = g_array_index (people, gint64, p);
      g_autoptr(GPtrArray) mine = ws_rules_evaluate_person (fixture->db, id, now, NULL, &error);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autoptr(GString) got = g_string_new (NULL);

      g_assert_no_error (error);
      for (guint i = 0; i < all->len; i++)
        if (ws_finding_get_person_id (g_ptr_array_index (all, i)) == id)
          {
            g_autofree char *line = ws_finding_to_line (g_ptr_array_index (all, i));

            g_string_append_printf (expected, "%s\n", line);
          }
      for (guint i = 0; i < mine->len; i++)
        {
          g_autofree char *line = ws_finding_to_line (g_ptr_array_index (mine, i));

          g_string_append_printf (got, "%s\n", line);
        }
      g_assert_cmpstr (got->str, ==, expected->str);
      compared++;
    }
  g_assert_cmpuint (compared, >=, 10);
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
  /* The two hearings within two weeks of an old assessment add two
   * findings of their own. */
  all = evaluate (fixture, NULL);
  g_assert_cmpuint (all->len, ==, 7);
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

  g_assert_cmpuint (g_strv_length (ids), ==, 20);
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

/* The thresholds come from the unit's settings, the same for the window
 * and the command line. */
static void
test_settings_from_schema (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  WsRulesSettings defaults;
  WsRulesSettings loaded;

  ws_rules_settings_init (&defaults);
  g_assert_true (ws_rules_settings_load (&loaded));
  /* The schema's defaults are the engine's. */
  g_assert_cmpuint (loaded.undecided_days, ==, defaults.undecided_days);
  g_assert_cmpuint (loaded.unarranged_days, ==, defaults.unarranged_days);
  g_assert_cmpuint (loaded.consent_days, ==, defaults.consent_days);
  g_assert_cmpuint (loaded.outcome_working_days, ==, defaults.outcome_working_days);

  g_settings_set_uint (gsettings, "attention-consent-days", 30);
  g_settings_set_uint (gsettings, "attention-undecided-days", 21);
  g_assert_true (ws_rules_settings_load (&loaded));
  g_assert_cmpuint (loaded.consent_days, ==, 30);
  g_assert_cmpuint (loaded.undecided_days, ==, 21);
  g_settings_reset (gsettings, "attention-consent-days");
  g_settings_reset (gsettings, "attention-undecided-days");
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
  ADD ("support-item-overdue", test_item_overdue);
  ADD ("risk-after-phase-change", test_risk_after_phase_change);
  ADD ("risk-before-hearing", test_risk_before_hearing);
  ADD ("child-guardian-and-age", test_child_guardian_and_age);
  ADD ("referral-without-consent", test_referral_without_consent);
  ADD ("outcome-not-told", test_outcome_not_told);
  ADD ("turns-18-before-trial", test_turns_18);
  ADD ("consent-expiring", test_consent_expiring);
  ADD ("roles-and-person", test_roles_and_person);
  g_test_add ("/ws/rules/person-matches-unit", WsTestFixture, NULL,
              ws_test_fixture_set_up, test_person_matches_unit, ws_test_fixture_tear_down);
  ADD ("order-and-line", test_order_and_line);
  ADD ("async", test_async);
  g_test_add_func ("/ws/rules/settings-from-schema", test_settings_from_schema);

  return g_test_run ();
}
