/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark for "what needs attention" over a whole unit (not a test: it
 * prints figures, it does not judge them). Run as
 *   _build/tests/bench-attention [WITNESSES [SEED]]
 * It fills a demonstration unit of WITNESSES people (default 10 000,
 * seed 42), then times
 *   - a full rules evaluation, as the --attention option runs it
 *     (target under 250 ms), median and slowest of several runs;
 *   - one witness's findings and the plan data a witness page reads
 *     (target under 50 ms together);
 * and prints how many findings each rule gives, and the share of active
 * witnesses each rule speaks about, so the demonstration's mix can be
 * judged too. */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "ws-demo.h"
#include "ws-plan.h"
#include "ws-rules.h"
#include "ws-test-util.h"
#include "ws-time.h"

#define RUNS 7

static double
median_of (GArray *values)
{
  return ws_test_percentile (values, 0.5);
}

/* Processor time too: on a shared machine the wall clock also counts
 * other programs' turns. */
static GPtrArray *
evaluate_all (WsDatabase *db,
              GArray     *ms,
              GArray     *cpu_ms)
{
  g_autoptr(GPtrArray) findings = NULL;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GDateTime) now = ws_time_now ();
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      clock_t cpu_start = clock ();
      double elapsed;
      double cpu;

      g_clear_pointer (&findings, g_ptr_array_unref);
      findings = ws_rules_evaluate (db, now, NULL, &error);
      elapsed = ws_test_ms_since (start);
      cpu = (double) (clock () - cpu_start) * 1000.0 / CLOCKS_PER_SEC;
      g_assert_no_error (error);
      g_array_append_val (ms, elapsed);
      g_array_append_val (cpu_ms, cpu);
    }
  return g_steal_pointer (&findings);
}

/* Everything the plan part of a witness page reads. */
static void
read_witness_page (WsDatabase *db,
                   gint64      person_id)
{
  g_autoptr(GDateTime) now = ws_time_now ();
  g_auto(WsPlanOverview) overview = { 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *lists[9];

  lists[0] = ws_rules_evaluate_person (db, person_id, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ws_database_get_plan_overview (db, person_id, &overview, &error));
  lists[1] = ws_database_list_support_items (db, person_id, WS_ITEM_FILTER_NONE, &error);
  lists[2] = ws_database_list_checklist (db, person_id, &error);
  lists[3] = ws_database_list_phase_changes (db, person_id, &error);
  lists[4] = ws_database_list_consents (db, person_id, &error);
  lists[5] = ws_database_list_referrals (db, person_id, &error);
  lists[6] = ws_database_list_risk_assessments (db, person_id, &error);
  lists[7] = ws_database_list_information (db, person_id, &error);
  lists[8] = ws_database_list_benefits (db, person_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_ptr_array_unref (lists[i]);
}

int
main (int   argc,
      char *argv[])
{
  guint witnesses = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  guint32 seed = argc > 2 ? (guint32) g_ascii_strtoull (argv[2], NULL, 10) : 42;
  g_autofree char *dir = NULL;
  g_autoptr(GArray) full_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) per_rule = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) people_per_rule = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                                 (GDestroyNotify) g_hash_table_unref);
  g_auto(GStrv) ids = ws_rules_list ();
  g_autoptr(GError) error = NULL;
  WsDatabase *db;
  gint64 start;
  gint64 active;
  double fill_s;

  db = ws_test_open_tmp_db ("ws-bench-attention-XXXXXX", &dir);
  start = g_get_monotonic_time ();
  if (!ws_demo_fill (db, witnesses, seed, &error))
    g_error ("%s", error->message);
  fill_s = ws_test_ms_since (start) / 1000.0;
  active = ws_test_query_int (db, "SELECT count(*) FROM person WHERE status = 'active'");

  findings = evaluate_all (db, full_ms, full_cpu_ms);
  for (guint i = 0; i < findings->len; i++)
    {
      WsFinding *finding = g_ptr_array_index (findings, i);
      const char *rule = ws_finding_get_rule (finding);
      GHashTable *people = g_hash_table_lookup (people_per_rule, rule);
      gint64 *person = g_new (gint64, 1);

      g_hash_table_insert (per_rule, (gpointer) rule,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_rule, rule)) + 1));
      if (people == NULL)
        {
          people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          g_hash_table_insert (people_per_rule, (gpointer) rule, people);
        }
      *person = ws_finding_get_person_id (finding);
      g_hash_table_add (people, person);
    }

  /* Witness pages: the first, the middle and the last witness, and a few between. */
  for (guint run = 0; run < RUNS; run++)
    {
      gint64 id = 1 + (gint64) run * (witnesses - 1) / (RUNS - 1);
      double elapsed;

      start = g_get_monotonic_time ();
      read_witness_page (db, id);
      elapsed = ws_test_ms_since (start);
      g_array_append_val (page_ms, elapsed);
    }

  g_print ("witnesses %u (active %" G_GINT64_FORMAT "), seed %u, demonstration filled in %.1f s\n",
           witnesses, active, seed, fill_s);
  g_print ("full attention run: %u findings, median %.1f ms, slowest %.1f ms (target 250 ms);"
           " processor time median %.1f ms\n",
           findings->len, median_of (full_ms), ws_test_percentile (full_ms, 1.0), median_of (full_cpu_ms));
  g_print ("witness page (one witness's findings and plan lists): median %.1f ms, slowest %.1f ms (target 50 ms)\n",
           median_of (page_ms), ws_test_percentile (page_ms, 1.0));
  g_print ("%-26s %9s %10s\n", "rule", "findings", "% active");
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GHashTable *people = g_hash_table_lookup (people_per_rule, ids[i]);
      guint n_people = people != NULL ? g_hash_table_size (people) : 0;

      g_print ("%-26s %9u %9.1f%%\n", ids[i], GPOINTER_TO_UINT (g_hash_table_lookup (per_rule, ids[i])),
               active > 0 ? 100.0 * n_people / active : 0.0);
    }

  ws_test_close_tmp_db (db, g_steal_pointer (&dir));
  return 0;
}
