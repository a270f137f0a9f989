/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-readiness"

#include "config.h"

#include <string.h>

#include "ws-database-private.h"
#include "ws-demo.h"
#include "ws-hearing.h"
#include "ws-readiness.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-time.h"

#define NOW "2024-06-03T08:00:00Z"
#define LEGAL_NAME "Rosalind Quennell-Vasquez"
#define ALIAS "Roxy Quennell"

/* Case T-1 (Regional Court Vienna, Paula Berger) has hearings on 10 June
 * (h1) and 1 July (h2) with Rosa (Witness A) and Ben (Witness B); case
 * T-2 (District Court Graz, Max Huber) one on 12 June (h3) with Vera,
 * all ready; case T-3 (Vienna) one in the past (h0) with a child. */
typedef struct {
  WsTestFixture  base;
  gint64         t1, t2, t3;
  gint64         rosa, ben, vera, mila;
  gint64         h0, h1, h2, h3;
} Fixture;

static gint64
add_case (WsDatabase *db,
          const char *reference,
          const char *court,
          const char *prosecutor)
{
  g_autoptr(WsCase) court_case = ws_test_add_case (db, reference, court);
  g_autoptr(GError) error = NULL;

  ws_case_set_prosecutor (court_case, prosecutor);
  ws_case_set_accused (court_case, (const char *[]) { "Accused 1", "Accused 2", NULL });
  ws_database_save_case (db, court_case, &error);
  g_assert_no_error (error);
  return ws_case_get_id (court_case);
}

static gint64
add_witness (WsDatabase  *db,
             gint64       case_id,
             const char  *pseudonym,
             const char  *label,
             WsAgeStatus  age,
             WsIdentity  *identity)
{
  g_autoptr(WsPerson) person = ws_person_new ();
  g_autoptr(GError) error = NULL;

  ws_person_set_pseudonym (person, pseudonym);
  ws_person_set_age_status (person, age);
  ws_person_set_notes (person, "Lives with her aunt in Favoriten");
  ws_test_save_person (db, person, identity);
  ws_database_link_party (db, case_id, ws_person_get_id (person), WS_PARTY_ROLE_VICTIM_WITNESS, label, &error);
  g_assert_no_error (error);
  return ws_person_get_id (person);
}

static gint64
add_hearing (WsDatabase *db,
             gint64      case_id,
             const char *starts,
             const char *zone)
{
  ws_test_exec (db, "INSERT INTO site (name, kind, zone) VALUES ('Room ' || (SELECT count(*) + 1 FROM site),"
                    " 'court-room', %Q)", zone);
  ws_test_exec (db, "INSERT INTO hearing (case_id, site_id, kind, starts_at, ends_at, zone, notes)"
                    " VALUES (%lld, %lld, 'trial', %Q, strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', %Q, '+3 hours'), %Q,"
                    " 'Hearing note: the aunt will come too')",
                (long long) case_id, (long long) ws_test_last_id (db, "site"), starts, starts, zone);
  return ws_test_last_id (db, "hearing");
}

/* @person and @hearing 0 mean every witness and the whole proceedings. */
static gint64
add_measure (WsDatabase *db,
             gint64      case_id,
             gint64      person,
             gint64      hearing,
             const char *type,
             const char *status,
             const char *booking)
{
  ws_test_exec (db, "INSERT INTO measure (case_id, person_id, hearing_id, type, status, decided_by, decided_on,"
                    " refusal_reason, booking_reference, notes) VALUES (%lld, nullif (%lld, 0), nullif (%lld, 0),"
                    " %Q, %Q, 'Judge', '2024-05-21', 'Reason: the aunt objected', %Q, 'Secret note about the aunt')",
                (long long) case_id, (long long) person, (long long) hearing, type, status, booking);
  return ws_test_last_id (db, "measure");
}

static void
add_session (WsDatabase *db,
             gint64      hearing,
             gint64      person,
             const char *status)
{
  ws_test_exec (db, "INSERT INTO session (uid, hearing_id, person_id, starts_at, ends_at, status)"
                    " SELECT 'uid-' || (SELECT count(*) FROM session), id, %lld, starts_at, ends_at, %Q"
                    " FROM hearing WHERE id = %lld", (long long) person, status, (long long) hearing);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(WsIdentity) identity = ws_identity_new ();
  g_autoptr(GError) error = NULL;
  WsDatabase *db;

  ws_test_fixture_set_up (&fixture->base, data);
  ws_test_set_now (NOW);
  db = fixture->base.db;
  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, LEGAL_NAME);
  ws_identity_set_list (identity, WS_IDENTITY_ALIASES, (const char *[]) { ALIAS, NULL });

  fixture->t1 = add_case (db, "T-1", "Regional Court Vienna", "Paula Berger");
  fixture->t2 = add_case (db, "T-2", "District Court Graz", "Max Huber");
  fixture->t3 = add_case (db, "T-3", "Regional Court Vienna", "Paula Berger");
  fixture->rosa = add_witness (db, fixture->t1, "Rosa", "Witness A", WS_AGE_STATUS_ADULT, identity);
  fixture->ben = add_witness (db, fixture->t1, "Ben", "Witness B", WS_AGE_STATUS_ADULT, NULL);
  fixture->vera = add_witness (db, fixture->t2, "Vera", "Witness A", WS_AGE_STATUS_ADULT, NULL);
  fixture->mila = add_witness (db, fixture->t3, "Mila", "Witness A", WS_AGE_STATUS_PRESUMED_CHILD, NULL);
  fixture->h0 = add_hearing (db, fixture->t3, "2024-05-01T07:00:00Z", "Europe/Vienna");
  fixture->h1 = add_hearing (db, fixture->t1, "2024-06-10T07:00:00Z", "Europe/Vienna");
  fixture->h2 = add_hearing (db, fixture->t1, "2024-07-01T07:00:00Z", "Europe/Vienna");
  fixture->h3 = add_hearing (db, fixture->t2, "2024-06-12T08:00:00Z", "Europe/Vienna");

  add_measure (db, fixture->t1, fixture->rosa, fixture->h1, "video-link-room", "granted", "");
  add_session (db, fixture->h1, fixture->rosa, "confirmed");
  add_measure (db, fixture->t1, fixture->rosa, 0, "screens", "granted", "");
  add_measure (db, fixture->t1, fixture->rosa, 0, "pseudonym", "arranged", "");
  add_measure (db, fixture->t1, fixture->rosa, fixture->h2, "in-camera", "proposed", "");
  add_measure (db, fixture->t1, 0, 0, "questioning-limits", "refused", "");
  add_measure (db, fixture->t1, fixture->ben, fixture->h1, "support-person", "applied-for", "");
  add_measure (db, fixture->t1, fixture->ben, 0, "non-disclosure", "withdrawn", "");
  add_measure (db, fixture->t2, fixture->vera, 0, "pseudonym", "arranged", "");
  add_measure (db, fixture->t2, fixture->vera, fixture->h3, "separate-waiting", "granted", "Room 7 secret entrance");
  ws_database_add_screening (db, fixture->rosa, fixture->t1, NULL, NULL, &error);
  g_assert_no_error (error);
  ws_database_add_screening (db, fixture->ben, fixture->t1, "Accused 2", NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ws_test_fixture_tear_down (&fixture->base, data);
}

static GPtrArray *
list (Fixture    *fixture,
      const char *from,
      const char *to,
      const char *court,
      const char *prosecutor)
{
  g_autoptr(GDateTime) start = from != NULL ? ws_time_parse_instant (from) : NULL;
  g_autoptr(GDateTime) end = to != NULL ? ws_time_parse_instant (to) : NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *hearings = ws_database_list_hearings (fixture->base.db, start, end, court, prosecutor, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hearings);
  return hearings;
}

static void
assert_ids (GPtrArray *hearings,
            gint64     first,
            ...)
{
  va_list args;
  guint n = 0;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64), n++)
    {
      g_assert_cmpuint (n, <, hearings->len);
      g_assert_cmpint (ws_hearing_get_id (g_ptr_array_index (hearings, n)), ==, id);
    }
  va_end (args);
  g_assert_cmpuint (n, ==, hearings->len);
}

static WsHearing *
find (GPtrArray *hearings,
      gint64     id)
{
  for (guint i = 0; i < hearings->len; i++)
    if (ws_hearing_get_id (g_ptr_array_index (hearings, i)) == id)
      return g_ptr_array_index (hearings, i);
  g_assert_not_reached ();
}

static void
assert_counts (WsHearing *hearing,
               guint      undecided,
               guint      not_arranged,
               guint      arranged,
               guint      refused,
               guint      withdrawn)
{
  g_assert_cmpuint (ws_hearing_get_count (hearing, WS_READINESS_UNDECIDED), ==, undecided);
  g_assert_cmpuint (ws_hearing_get_count (hearing, WS_READINESS_GRANTED_NOT_ARRANGED), ==, not_arranged);
  g_assert_cmpuint (ws_hearing_get_count (hearing, WS_READINESS_ARRANGED), ==, arranged);
  g_assert_cmpuint (ws_hearing_get_count (hearing, WS_READINESS_REFUSED), ==, refused);
  g_assert_cmpuint (ws_hearing_get_count (hearing, WS_READINESS_WITHDRAWN), ==, withdrawn);
  g_assert_cmpint (ws_hearing_is_ready (hearing), ==, undecided == 0 && not_arranged == 0);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) hearings = list (fixture, NOW, "2024-09-01T00:00:00Z", NULL, NULL);
  WsHearing *h1;
  gboolean ready;

  assert_ids (hearings, fixture->h1, fixture->h3, fixture->h2, (gint64) 0);
  h1 = find (hearings, fixture->h1);
  /* Undecided: Ben's support person. Not arranged: Rosa's screens (no
   * booking). Arranged: the confirmed link, the pseudonym. The case-wide
   * questioning limits were refused; Ben's non-disclosure withdrawn. */
  assert_counts (h1, 1, 1, 2, 1, 1);
  /* At h2 the link (h1 only) does not apply, the in-camera one does. */
  assert_counts (find (hearings, fixture->h2), 1, 1, 1, 1, 1);
  assert_counts (find (hearings, fixture->h3), 0, 0, 2, 0, 0);

  g_assert_cmpstr (ws_hearing_get_case_reference (h1), ==, "T-1");
  g_assert_cmpstr (ws_hearing_get_court (h1), ==, "Regional Court Vienna");
  g_assert_cmpstr (ws_hearing_get_court_room (h1), ==, "Room 2");
  g_assert_cmpstr (ws_hearing_get_prosecutor (h1), ==, "Paula Berger");
  g_assert_cmpint (ws_hearing_get_kind (h1), ==, WS_HEARING_KIND_TRIAL);
  g_assert_cmpstr (ws_hearing_get_zone (h1), ==, "Europe/Vienna");
  g_assert_cmpuint (ws_hearing_get_n_witnesses (h1), ==, 2);
  g_object_get (h1, "ready", &ready, NULL);
  g_assert_false (ready);

  /* Booking Rosa's screens leaves only Ben's application open. */
  ws_test_exec (fixture->base.db, "UPDATE measure SET booking_reference = 'Room 2, screen' WHERE type = 'screens'");
  g_clear_pointer (&hearings, g_ptr_array_unref);
  hearings = list (fixture, NOW, NULL, NULL, NULL);
  assert_counts (find (hearings, fixture->h1), 1, 0, 3, 1, 1);
  ws_test_exec (fixture->base.db, "UPDATE measure SET status = 'granted', decided_by = 'Judge' WHERE type = 'support-person'");
  add_session (fixture->base.db, fixture->h1, fixture->ben, "planned");
  ws_test_exec (fixture->base.db, "UPDATE session SET support_person = 'Ana' WHERE person_id = %lld",
                (long long) fixture->ben);
  g_clear_pointer (&hearings, g_ptr_array_unref);
  hearings = list (fixture, NOW, NULL, NULL, NULL);
  assert_counts (find (hearings, fixture->h1), 0, 0, 4, 1, 1);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) all = list (fixture, NULL, NULL, NULL, NULL);
  g_autoptr(GPtrArray) vienna = list (fixture, NOW, NULL, "regional court VIENNA", NULL);
  g_autoptr(GPtrArray) huber = list (fixture, NOW, NULL, NULL, "Max Huber");
  g_autoptr(GPtrArray) week = list (fixture, NOW, "2024-06-12T08:00:00Z", NULL, NULL);
  g_autoptr(GPtrArray) both = list (fixture, NULL, NULL, "Regional Court Vienna", "Paula Berger");
  g_autoptr(GPtrArray) none = list (fixture, NOW, NULL, "District Court Graz", "Paula Berger");
  g_autoptr(GError) error = NULL;

  assert_ids (all, fixture->h0, fixture->h1, fixture->h3, fixture->h2, (gint64) 0);
  /* The child's testimonial aids were proposed when she was linked. */
  assert_counts (find (all, fixture->h0), 4, 0, 0, 0, 0);
  assert_ids (vienna, fixture->h1, fixture->h2, (gint64) 0);
  assert_ids (huber, fixture->h3, (gint64) 0);
  /* "to" is exclusive. */
  assert_ids (week, fixture->h1, (gint64) 0);
  assert_ids (both, fixture->h0, fixture->h1, fixture->h2, (gint64) 0);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_null (ws_database_get_hearing (fixture->base.db, 9999, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GDateTime) from = ws_time_parse_instant (NOW);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) hearings = NULL;
  g_autoptr(GError) error = NULL;

  ws_database_list_hearings_async (fixture->base.db, from, NULL, NULL, "max huber", NULL,
                                   ws_test_keep_result_cb, &result);
  hearings = ws_database_list_hearings_finish (fixture->base.db, ws_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  assert_ids (hearings, fixture->h3, (gint64) 0);
  assert_counts (g_ptr_array_index (hearings, 0), 0, 0, 2, 0, 0);
  g_clear_object (&result);
  ws_test_wait_for_last_ref (fixture->base.db);
}

static void
test_applications_due (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsHearing) h1 = ws_database_get_hearing (fixture->base.db, fixture->h1, &error);
  g_autoptr(WsHearing) late = NULL;
  g_autoptr(GDate) due = NULL;
  g_autoptr(GDate) property = NULL;
  g_autoptr(GDateTime) local = NULL;
  gint64 id;

  g_assert_no_error (error);
  due = ws_hearing_dup_applications_due (h1, WS_HEARING_APPLICATIONS_DUE_DAYS);
  g_assert_cmpuint (g_date_get_year (due), ==, 2024);
  g_assert_cmpuint (g_date_get_month (due), ==, 5);
  g_assert_cmpuint (g_date_get_day (due), ==, 20);
  g_object_get (h1, "applications-due", &property, NULL);
  g_assert_cmpint (g_date_compare (due, property), ==, 0);
  g_clear_pointer (&due, g_date_free);
  due = ws_hearing_dup_applications_due (h1, 7);
  g_assert_cmpuint (g_date_get_day (due), ==, 3);
  g_assert_cmpuint (g_date_get_month (due), ==, 6);

  /* 23:30 UTC is already the next day in Vienna: the court's day counts. */
  id = add_hearing (fixture->base.db, fixture->t2, "2024-06-09T23:30:00Z", "Europe/Vienna");
  late = ws_database_get_hearing (fixture->base.db, id, &error);
  g_assert_no_error (error);
  local = ws_hearing_dup_local_start (late);
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 10);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 1);
  g_clear_pointer (&due, g_date_free);
  due = ws_hearing_dup_applications_due (late, 21);
  g_assert_cmpuint (g_date_get_day (due), ==, 20);
}

static void
test_witnesses (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) witnesses = ws_database_list_hearing_witnesses (fixture->base.db, fixture->h1, &error);
  WsHearingWitness *every, *rosa, *ben;
  GListModel *measures;

  g_assert_no_error (error);
  g_assert_cmpuint (witnesses->len, ==, 3);
  every = g_ptr_array_index (witnesses, 0);
  rosa = g_ptr_array_index (witnesses, 1);
  ben = g_ptr_array_index (witnesses, 2);

  g_assert_cmpint (ws_hearing_witness_get_person_id (every), ==, 0);
  g_assert_null (ws_hearing_witness_get_pseudonym (every));
  g_assert_cmpuint (g_list_model_get_n_items (ws_hearing_witness_get_measures (every)), ==, 1);
  g_assert_true (ws_hearing_witness_is_ready (every));

  g_assert_cmpstr (ws_hearing_witness_get_pseudonym (rosa), ==, "Rosa");
  g_assert_cmpstr (ws_hearing_witness_get_label (rosa), ==, "Witness A");
  measures = ws_hearing_witness_get_measures (rosa);
  /* The in-camera measure is for the July hearing. */
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 3);
  g_assert_cmpuint (ws_hearing_witness_get_count (rosa, WS_READINESS_ARRANGED), ==, 2);
  g_assert_cmpuint (ws_hearing_witness_get_count (rosa, WS_READINESS_GRANTED_NOT_ARRANGED), ==, 1);
  g_assert_false (ws_hearing_witness_is_ready (rosa));
  g_assert_cmpuint (ws_hearing_witness_get_screenings (rosa)->len, ==, 1);
  g_assert_true (ws_screening_is_every_accused (g_ptr_array_index (ws_hearing_witness_get_screenings (rosa), 0)));

  g_assert_cmpstr (ws_hearing_witness_get_label (ben), ==, "Witness B");
  g_assert_cmpuint (ws_hearing_witness_get_count (ben, WS_READINESS_UNDECIDED), ==, 1);
  g_assert_cmpuint (ws_hearing_witness_get_count (ben, WS_READINESS_WITHDRAWN), ==, 1);
  g_assert_cmpstr (ws_screening_get_accused_label (g_ptr_array_index (ws_hearing_witness_get_screenings (ben), 0)),
                   ==, "Accused 2");
}

static void
test_sheet (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDocument) doc = ws_readiness_sheet_build (fixture->base.db, fixture->h1, &error);
  g_autoptr(WsDocument) ready = NULL;
  g_autofree char *text = NULL;
  g_autofree char *ready_text = NULL;
  guint audits = ws_database_count_audit (fixture->base.db, NULL);

  g_assert_no_error (error);
  text = ws_document_to_text (doc);
  g_test_message ("%s", text);
  g_assert_cmpstr (ws_document_get_title (doc), ==, "Hearing readiness — T-1, 10 Jun 2024 09:00 CEST");
  g_assert_nonnull (strstr (text, "Witness A (Rosa)"));
  g_assert_nonnull (strstr (text, "Witness B (Ben)"));
  g_assert_nonnull (strstr (text, "Every witness"));
  g_assert_nonnull (strstr (text, "Readiness: Not ready: 1 undecided, 1 not arranged"));
  g_assert_nonnull (strstr (text, "Applications due: 20 May 2024"));
  g_assert_nonnull (strstr (text, "Must not meet: every accused"));
  g_assert_nonnull (strstr (text, "Must not meet: Accused 2"));
  g_assert_nonnull (strstr (text, "Video link from another room of the court"));
  g_assert_nonnull (strstr (text, "Confirmed video-link session"));
  g_assert_nonnull (strstr (text, "21 May 2024"));
  g_assert_nonnull (strstr (text, "Paula Berger"));

  /* Anonymised: no identity, no free text that could carry it. */
  g_assert_null (strstr (text, LEGAL_NAME));
  g_assert_null (strstr (text, "Rosalind"));
  g_assert_null (strstr (text, ALIAS));
  g_assert_null (strstr (text, "aunt"));
  g_assert_null (strstr (text, "Favoriten"));
  g_assert_null (strstr (text, "secret"));
  g_assert_null (strstr (text, "Vera"));
  g_assert_cmpuint (ws_database_count_audit (fixture->base.db, NULL), ==, audits);

  ready = ws_readiness_sheet_build (fixture->base.db, fixture->h3, &error);
  g_assert_no_error (error);
  ready_text = ws_document_to_text (ready);
  g_assert_nonnull (strstr (ready_text, "Readiness: Ready"));
  g_assert_nonnull (strstr (ready_text, "Booking recorded"));
  g_assert_null (strstr (ready_text, "Room 7"));

  g_assert_null (ws_readiness_sheet_build (fixture->base.db, 9999, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
}

/* The grouped counts of the list agree with the measures judged one by
 * one, over the whole demonstration unit. */
static void
test_demo_consistent (void)
{
  g_autofree char *dir = NULL;
  WsDatabase *db = ws_test_open_tmp_db ("ws-test-readiness-XXXXXX", &dir);
  g_autoptr(GPtrArray) hearings = NULL;
  g_autoptr(GError) error = NULL;
  guint states = 0;

  g_assert_true (ws_demo_fill (db, WS_DEMO_WITNESSES, WS_DEMO_SEED, &error));
  g_assert_no_error (error);
  hearings = ws_database_list_hearings (db, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearings->len, >, 10);
  for (guint i = 0; i < hearings->len; i++)
    {
      WsHearing *hearing = g_ptr_array_index (hearings, i);
      g_autoptr(GPtrArray) witnesses = ws_database_list_hearing_witnesses (db, ws_hearing_get_id (hearing), &error);
      guint counts[WS_N_READINESS] = { 0 };

      g_assert_no_error (error);
      for (guint w = 0; w < witnesses->len; w++)
        for (int r = 0; r < WS_N_READINESS; r++)
          counts[r] += ws_hearing_witness_get_count (g_ptr_array_index (witnesses, w), r);
      for (int r = 0; r < WS_N_READINESS; r++)
        {
          g_assert_cmpuint (counts[r], ==, ws_hearing_get_count (hearing, r));
          if (counts[r] > 0)
            states |= 1u << r;
        }
    }
  g_assert_cmpuint (states, ==, (1u << WS_N_READINESS) - 1);
  g_clear_pointer (&hearings, g_ptr_array_unref);
  ws_test_close_tmp_db (db, g_steal_pointer (&dir));
}

static void
test_periods (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GDateTime) now = ws_time_parse_instant (NOW);
  static const struct { WsHearingPeriod period; int to_days; gboolean has_from; } expected[] = {
    { WS_HEARING_PERIOD_NEXT_7_DAYS, 7, TRUE },
    { WS_HEARING_PERIOD_NEXT_30_DAYS, 30, TRUE },
    { WS_HEARING_PERIOD_NEXT_90_DAYS, 90, TRUE },
    { WS_HEARING_PERIOD_UPCOMING, -1, TRUE },
    { WS_HEARING_PERIOD_PAST, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GDateTime) from = NULL;
      g_autoptr(GDateTime) to = NULL;
      g_autoptr(GPtrArray) hearings = NULL;

      ws_hearing_period_get_range (expected[i].period, now, &from, &to);
      g_assert_cmpint (from != NULL, ==, expected[i].has_from);
      if (from != NULL)
        g_assert_true (g_date_time_equal (from, now));
      if (expected[i].to_days < 0)
        g_assert_null (to);
      else
        g_assert_cmpint (g_date_time_difference (to, now) / G_TIME_SPAN_DAY, ==, expected[i].to_days);
      g_assert_nonnull (ws_hearing_period_get_label (expected[i].period));

      hearings = ws_database_list_hearings (fixture->base.db, from, to, NULL, NULL, NULL, NULL);
      switch (expected[i].period)
        {
        case WS_HEARING_PERIOD_NEXT_7_DAYS: assert_ids (hearings, fixture->h1, (gint64) 0); break;
        case WS_HEARING_PERIOD_NEXT_30_DAYS:
        case WS_HEARING_PERIOD_NEXT_90_DAYS:
        case WS_HEARING_PERIOD_UPCOMING: assert_ids (hearings, fixture->h1, fixture->h3, fixture->h2, (gint64) 0); break;
        case WS_HEARING_PERIOD_PAST:
        default: assert_ids (hearings, fixture->h0, (gint64) 0); break;
        }
    }
}

static void
test_filter_values (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) courts = NULL;
  g_auto(GStrv) prosecutors = NULL;
  g_autoptr(GPtrArray) of_t1 = NULL;
  g_autoptr(WsCase) idle = ws_test_add_case (fixture->base.db, "T-9", "Supreme Court Linz");

  /* A court with no hearing is no use as a filter; a differently cased
   * spelling of a court is the same court. */
  ws_test_exec (fixture->base.db, "UPDATE court_case SET court = 'regional court VIENNA' WHERE id = %lld",
                (long long) fixture->t3);
  courts = ws_database_list_hearing_courts (fixture->base.db, &error);
  g_assert_no_error (error);
  ws_test_assert_strv ((const char * const *) courts, (const char *[]) { "District Court Graz", "Regional Court Vienna", NULL });
  prosecutors = ws_database_list_hearing_prosecutors (fixture->base.db, &error);
  g_assert_no_error (error);
  ws_test_assert_strv ((const char * const *) prosecutors, (const char *[]) { "Max Huber", "Paula Berger", NULL });

  of_t1 = ws_database_list_hearings_of_case (fixture->base.db, fixture->t1, &error);
  g_assert_no_error (error);
  assert_ids (of_t1, fixture->h1, fixture->h2, (gint64) 0);
}

static void
test_sheet_deadline (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDocument) sheet = ws_readiness_sheet_build_with_deadline (fixture->base.db, fixture->h1, 7, &error);
  g_autoptr(WsDocument) standard = NULL;
  g_autofree char *text = NULL;
  g_autofree char *standard_text = NULL;

  g_assert_no_error (error);
  text = ws_document_to_text (sheet);
  g_assert_nonnull (strstr (text, "3 Jun 2024"));
  g_assert_null (strstr (text, "20 May 2024"));
  standard = ws_readiness_sheet_build (fixture->base.db, fixture->h1, &error);
  g_assert_no_error (error);
  standard_text = ws_document_to_text (standard);
  g_assert_nonnull (strstr (standard_text, "20 May 2024"));
}

#define ADD(path, func) \
  g_test_add ("/ws/readiness/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("counts", test_counts);
  ADD ("filters", test_filters);
  ADD ("async", test_async);
  ADD ("applications-due", test_applications_due);
  ADD ("witnesses", test_witnesses);
  ADD ("sheet", test_sheet);
  ADD ("periods", test_periods);
  ADD ("filter-values", test_filter_values);
  ADD ("sheet-deadline", test_sheet_deadline);
  g_test_add_func ("/ws/readiness/demo-consistent", test_demo_consistent);

  return g_test_run ();
}
