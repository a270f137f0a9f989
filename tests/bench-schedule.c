/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark for the scheduler (not a test: it prints figures, it does not
 * judge them). Run as
 *   _build/tests/bench-schedule [SESSIONS]
 * It fills a temporary database with SESSIONS existing sessions (default
 * 100 000, seed 42) over two years of working days — 40 court rooms and
 * remote sites in eight zones, 60 interpreters, 4 000 witnesses of whom
 * one in ten is screened — then times, as the median and the slowest of
 * several runs, the conflict check of a draft on a busy day (target under
 * 5 ms) and the search for alternatives (target under 50 ms). It prints
 * one JSON object. */
#include "config.h"

#include <stdlib.h>

#include "ws-database-private.h"
#include "ws-schedule.h"
#include "ws-test-util.h"
#include "ws-time.h"

#define CHECK_RUNS 31
#define ALTERNATIVE_RUNS 11
#define N_SITES 40
#define N_INTERPRETERS 60
#define N_PERSONS 4000
#define N_CASES 400
#define N_HEARINGS 2000

static const char * const zones[] = {
  "Europe/London", "Europe/Bucharest", "Asia/Bangkok", "Australia/Sydney",
  "America/New_York", "Europe/Kyiv", "Africa/Lagos", "Asia/Ho_Chi_Minh",
};

static const char * const languages[] = { "Arabic", "Romanian", "Thai", "Vietnamese", "Ukrainian", "Yoruba" };

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
exec (WsDatabase *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!_ws_database_exec (db, sql, &error))
    g_error ("%s", error->message);
}

static sqlite3_stmt *
prepare (WsDatabase *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _ws_database_prepare (db, sql, &error);

  if (stmt == NULL)
    g_error ("%s", error->message);
  return stmt;
}

static void
step (sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("insert failed");
  sqlite3_reset (stmt);
}

static void
fill (WsDatabase *db,
      guint       n_sessions)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GDateTime) origin = g_date_time_new_utc (2025, 1, 6, 0, 0, 0);  /* a Monday */
  g_autoptr(sqlite3_stmt) site = NULL;
  g_autoptr(sqlite3_stmt) interpreter = NULL;
  g_autoptr(sqlite3_stmt) language = NULL;
  g_autoptr(sqlite3_stmt) court_case = NULL;
  g_autoptr(sqlite3_stmt) accused = NULL;
  g_autoptr(sqlite3_stmt) hearing = NULL;
  g_autoptr(sqlite3_stmt) person = NULL;
  g_autoptr(sqlite3_stmt) person_language = NULL;
  g_autoptr(sqlite3_stmt) screening = NULL;
  g_autoptr(sqlite3_stmt) session = NULL;
  g_autoptr(sqlite3_stmt) session_interpreter = NULL;

  _ws_database_lock (db);
  exec (db, "BEGIN");
  site = prepare (db, "INSERT INTO site (id, name, kind, zone, opens_at, closes_at, working_days)"
                      " VALUES (?, ?, ?, ?, '07:00', '19:00', 31)");
  for (guint i = 1; i <= N_SITES; i++)
    {
      g_autofree char *name = g_strdup_printf (i <= N_SITES / 2 ? "Court room %u" : "Remote site %u", i);

      sqlite3_bind_int (site, 1, i);
      _ws_bind_text (site, 2, name);
      _ws_bind_text (site, 3, i <= N_SITES / 2 ? "court-room" : i % 3 ? "remote-suite" : "site-abroad");
      _ws_bind_text (site, 4, i <= N_SITES / 2 ? "Europe/London" : zones[i % G_N_ELEMENTS (zones)]);
      step (site);
    }
  interpreter = prepare (db, "INSERT INTO interpreter (id, name, gender, zone) VALUES (?, ?, ?, 'Europe/London')");
  language = prepare (db, "INSERT INTO interpreter_language (interpreter_id, language) VALUES (?, ?)");
  for (guint i = 1; i <= N_INTERPRETERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Interpreter %u", i);

      sqlite3_bind_int (interpreter, 1, i);
      _ws_bind_text (interpreter, 2, name);
      _ws_bind_text (interpreter, 3, i % 2 ? "female" : "male");
      step (interpreter);
      sqlite3_bind_int (language, 1, i);
      _ws_bind_text (language, 2, languages[i % G_N_ELEMENTS (languages)]);
      step (language);
    }
  court_case = prepare (db, "INSERT INTO court_case (id, reference, court, created_at, updated_at)"
                            " VALUES (?, ?, 'Crown Court', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')");
  accused = prepare (db, "INSERT INTO accused (case_id, position, label) VALUES (?, 0, 'Accused 1')");
  for (guint i = 1; i <= N_CASES; i++)
    {
      g_autofree char *reference = g_strdup_printf ("B-%04u", i);

      sqlite3_bind_int (court_case, 1, i);
      _ws_bind_text (court_case, 2, reference);
      step (court_case);
      sqlite3_bind_int (accused, 1, i);
      step (accused);
    }
  hearing = prepare (db, "INSERT INTO hearing (id, case_id, site_id, starts_at, ends_at, zone)"
                         " VALUES (?, ?, ?, ?, ?, 'Europe/London')");
  for (guint i = 1; i <= N_HEARINGS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (origin, g_rand_int_range (rand, 0, 104) * 7 +
                                                       g_rand_int_range (rand, 0, 5));
      g_autoptr(GDateTime) from = g_date_time_add_hours (day, 9);
      g_autoptr(GDateTime) to = g_date_time_add_hours (day, 16);
      g_autofree char *a = ws_time_format_instant (from);
      g_autofree char *b = ws_time_format_instant (to);

      sqlite3_bind_int (hearing, 1, i);
      sqlite3_bind_int (hearing, 2, (i - 1) % N_CASES + 1);
      sqlite3_bind_int (hearing, 3, g_rand_int_range (rand, 1, N_SITES / 2 + 1));
      _ws_bind_text (hearing, 4, a);
      _ws_bind_text (hearing, 5, b);
      step (hearing);
    }
  person = prepare (db, "INSERT INTO person (id, pseudonym, interpreter_gender, created_at, updated_at)"
                        " VALUES (?, ?, ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')");
  person_language = prepare (db, "INSERT INTO person_language (person_id, position, language) VALUES (?, 0, ?)");
  screening = prepare (db, "INSERT INTO screening (person_id, case_id) VALUES (?, ?)");
  for (guint i = 1; i <= N_PERSONS; i++)
    {
      g_autofree char *pseudonym = g_strdup_printf ("Witness %u", i);

      sqlite3_bind_int (person, 1, i);
      _ws_bind_text (person, 2, pseudonym);
      _ws_bind_text (person, 3, i % 3 == 0 ? "female" : "any");
      step (person);
      sqlite3_bind_int (person_language, 1, i);
      _ws_bind_text (person_language, 2, languages[i % G_N_ELEMENTS (languages)]);
      step (person_language);
      if (i % 10 == 0)
        {
          sqlite3_bind_int (screening, 1, i);
          sqlite3_bind_int (screening, 2, i % N_CASES + 1);
          step (screening);
        }
    }
  session = prepare (db, "INSERT INTO session (id, uid, hearing_id, person_id, court_site_id, remote_site_id,"
                         " starts_at, ends_at, status, cancel_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  session_interpreter = prepare (db, "INSERT OR IGNORE INTO session_interpreter (session_id, interpreter_id, language)"
                                     " VALUES (?, ?, ?)");
  for (guint i = 1; i <= n_sessions; i++)
    {
      guint day = g_rand_int_range (rand, 0, 104) * 7 + g_rand_int_range (rand, 0, 5);
      guint slot = g_rand_int_range (rand, 0, 16);  /* half hours from 08:00 */
      g_autoptr(GDateTime) date = g_date_time_add_days (origin, day);
      g_autoptr(GDateTime) from = g_date_time_add_minutes (date, 8 * 60 + slot * 30);
      g_autoptr(GDateTime) to = g_date_time_add_minutes (from, 60 + 30 * g_rand_int_range (rand, 0, 3));
      g_autofree char *a = ws_time_format_instant (from);
      g_autofree char *b = ws_time_format_instant (to);
      g_autofree char *uid = g_strdup_printf ("bench-%u@witness-support", i);
      guint witness = g_rand_int_range (rand, 1, N_PERSONS + 1);

      sqlite3_bind_int (session, 1, i);
      _ws_bind_text (session, 2, uid);
      sqlite3_bind_int (session, 3, g_rand_int_range (rand, 1, N_HEARINGS + 1));
      sqlite3_bind_int (session, 4, witness);
      sqlite3_bind_int (session, 5, g_rand_int_range (rand, 1, N_SITES / 2 + 1));
      sqlite3_bind_int (session, 6, g_rand_int_range (rand, N_SITES / 2 + 1, N_SITES + 1));
      _ws_bind_text (session, 7, a);
      _ws_bind_text (session, 8, b);
      _ws_bind_text (session, 9, i % 20 == 0 ? "cancelled" : i % 2 ? "confirmed" : "planned");
      _ws_bind_text (session, 10, i % 20 == 0 ? "Adjourned" : "");
      step (session);
      if (i % 3 != 0)
        {
          sqlite3_bind_int (session_interpreter, 1, i);
          sqlite3_bind_int (session_interpreter, 2, g_rand_int_range (rand, 1, N_INTERPRETERS + 1));
          _ws_bind_text (session_interpreter, 3, languages[witness % G_N_ELEMENTS (languages)]);
          step (session_interpreter);
        }
    }
  exec (db, "COMMIT");
  exec (db, "ANALYZE");
  _ws_database_unlock (db);
}

typedef struct {
  double median;
  double max;
  guint  count;
} Timing;

static void
finish (double *ms,
        guint   runs,
        Timing *timing)
{
  qsort (ms, runs, sizeof ms[0], compare_doubles);
  timing->median = ms[runs / 2];
  timing->max = ms[runs - 1];
}

int
main (int   argc,
      char *argv[])
{
  guint n_sessions = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = NULL;
  WsDatabase *db;
  g_autoptr(WsSession) draft = ws_session_new ();
  g_autoptr(GDateTime) from = g_date_time_new_utc (2025, 11, 19, 10, 0, 0);  /* a Wednesday */
  g_autoptr(GDateTime) to = g_date_time_add_hours (from, 1);
  double check_ms[CHECK_RUNS];
  double alternative_ms[ALTERNATIVE_RUNS];
  Timing check = { 0 }, alternatives = { 0 };
  gint64 start;
  double fill_s;

  db = ws_test_open_tmp_db ("ws-bench-schedule-XXXXXX", &dir);
  start = g_get_monotonic_time ();
  fill (db, n_sessions);
  fill_s = (g_get_monotonic_time () - start) / 1e6;

  ws_session_set_hearing_id (draft, 7);
  ws_session_set_person_id (draft, 30);  /* screened, wants a woman interpreter */
  ws_session_set_court_site_id (draft, 3);
  ws_session_set_remote_site_id (draft, N_SITES / 2 + 4);
  ws_session_set_starts_at (draft, from);
  ws_session_set_ends_at (draft, to);
  ws_session_add_interpreter (draft, 5, "Arabic");

  for (guint run = 0; run < CHECK_RUNS; run++)
    {
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GError) error = NULL;

      start = g_get_monotonic_time ();
      conflicts = ws_database_check_session (db, draft, NULL, &error);
      check_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      check.count = conflicts->len;
    }
  finish (check_ms, CHECK_RUNS, &check);

  for (guint run = 0; run < ALTERNATIVE_RUNS; run++)
    {
      g_autoptr(WsAlternatives) alt = NULL;
      g_autoptr(GError) error = NULL;

      start = g_get_monotonic_time ();
      alt = ws_database_find_alternatives (db, draft, NULL, &error);
      alternative_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      alternatives.count = ws_alternatives_get_court_rooms (alt)->len + ws_alternatives_get_remote_sites (alt)->len +
                           ws_alternatives_get_interpreters (alt)->len;
      g_assert_nonnull (ws_alternatives_get_later (alt));
    }
  finish (alternative_ms, ALTERNATIVE_RUNS, &alternatives);

  g_print ("{ \"sessions\": %u, \"fill_s\": %.1f,"
           " \"check_conflicts\": %u, \"check_median_ms\": %.2f, \"check_max_ms\": %.2f, \"check_target_ms\": 5,"
           " \"alternatives_found\": %u, \"alternatives_median_ms\": %.2f, \"alternatives_max_ms\": %.2f,"
           " \"alternatives_target_ms\": 50 }\n",
           n_sessions, fill_s, check.count, check.median, check.max,
           alternatives.count, alternatives.median, alternatives.max);
  ws_test_close_tmp_db (db, g_steal_pointer (&dir));
  return 0;
}
