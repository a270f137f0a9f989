/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark for hearing readiness and the rules (not a test: it prints
 * figures, it does not judge them). Run as
 *   _build/tests/bench-readiness [WITNESSES [DATABASE]]
 * It fills a demonstration unit of WITNESSES people (default 10 000,
 * seed 42) — into DATABASE if given and reusing it if it already holds
 * one — then times the readiness of every hearing in the next 90 days
 * (target under 100 ms) and a full rules evaluation (target under
 * 250 ms), each as the median and the slowest of several runs. It
 * prints one JSON object. */
#include "config.h"

#include <stdlib.h>

#include "ws-demo.h"
#include "ws-hearing.h"
#include "ws-rules.h"
#include "ws-test-util.h"
#include "ws-time.h"

#define RUNS 9

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct {
  double median;
  double max;
  guint  count;
} Timing;

static Timing
time_hearings (WsDatabase *db)
{
  double ms[RUNS];
  Timing timing = { 0 };

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GDateTime) now = ws_time_now ();
      g_autoptr(GDateTime) until = g_date_time_add_days (now, 90);
      g_autoptr(GPtrArray) hearings = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      hearings = ws_database_list_hearings (db, now, until, NULL, NULL, NULL, &error);
      ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      timing.count = hearings->len;
    }
  qsort (ms, RUNS, sizeof ms[0], compare_doubles);
  timing.median = ms[RUNS / 2];
  timing.max = ms[RUNS - 1];
  return timing;
}

static Timing
time_rules (WsDatabase *db)
{
  double ms[RUNS];
  Timing timing = { 0 };

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GDateTime) now = ws_time_now ();
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      findings = ws_rules_evaluate (db, now, NULL, &error);
      ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      timing.count = findings->len;
    }
  qsort (ms, RUNS, sizeof ms[0], compare_doubles);
  timing.median = ms[RUNS / 2];
  timing.max = ms[RUNS - 1];
  return timing;
}

int
main (int   argc,
      char *argv[])
{
  guint witnesses = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  g_autofree char *dir = NULL;
  WsDatabase *db;
  g_autoptr(GError) error = NULL;
  double fill_s = 0;
  Timing hearings, rules;

  if (argc > 2)
    {
      db = ws_test_open_db (argv[2]);
      ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_OFFICER);
    }
  else
    db = ws_test_open_tmp_db ("ws-bench-readiness-XXXXXX", &dir);

  if (ws_database_is_empty (db))
    {
      gint64 start = g_get_monotonic_time ();

      if (!ws_demo_fill (db, witnesses, 42, &error))
        g_error ("%s", error->message);
      fill_s = (g_get_monotonic_time () - start) / 1e6;
    }

  hearings = time_hearings (db);
  rules = time_rules (db);
  g_print ("{ \"witnesses\": %u, \"fill_s\": %.1f,"
           " \"hearings_90_days\": %u, \"readiness_median_ms\": %.1f, \"readiness_max_ms\": %.1f,"
           " \"readiness_target_ms\": 100,"
           " \"findings\": %u, \"rules_median_ms\": %.1f, \"rules_max_ms\": %.1f, \"rules_target_ms\": 250 }\n",
           witnesses, fill_s, hearings.count, hearings.median, hearings.max,
           rules.count, rules.median, rules.max);

  if (dir != NULL)
    ws_test_close_tmp_db (db, g_steal_pointer (&dir));
  else
    g_object_unref (db);
  return 0;
}
