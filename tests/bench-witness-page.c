/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark for opening a witness page (not a test: it prints figures, it
 * does not judge them). Run under a display, e.g.
 *   xvfb-run -a _build/tests/bench-witness-page [WITNESSES [DATABASE]]
 * With DATABASE, a unit already filled there is reused (and a new one
 * left there), so repeated runs skip the filling. It fills a demonstration unit of WITNESSES (default 10000) witnesses,
 * then shows 40 of them, spread over the unit, one after another on a
 * witness page in a window: the time ws_witness_page_set_person() takes
 * (every plan section read and its rows built), the part of it that is
 * only the data layer's reads, the time until the first frame (the top
 * of the page: header, findings, support), the time until every plan
 * section below has filled in and been drawn, the CPU time of measuring
 * the page's layout, each as median, 95th percentile and
 * maximum in milliseconds; and the same two as CPU time of the main
 * thread, which a machine busy with other work inflates less than the
 * wall clock. The target is 50 ms. */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <time.h>

#include "ws-demo.h"
#include "ws-plan.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-witness-page.h"

#define N_OPENED 40

static gboolean drawn;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  drawn = TRUE;
}

/* The reads a witness page makes, without building anything. */
static double
time_reads (WsDatabase *db,
            gint64      id)
{
  gint64 start = g_get_monotonic_time ();
  g_auto(WsPlanOverview) overview = { 0 };
  GPtrArray *lists[] = {
    ws_database_list_phase_changes (db, id, NULL),
    ws_database_list_support_items (db, id, WS_ITEM_FILTER_PLANNED | WS_ITEM_FILTER_IN_PROGRESS, NULL),
    ws_database_list_checklist (db, id, NULL),
    ws_database_list_consents (db, id, NULL),
    ws_database_list_referrals (db, id, NULL),
    ws_database_list_risk_assessments (db, id, NULL),
    ws_database_list_reflection_periods (db, id, NULL),
    ws_database_list_information (db, id, NULL),
    ws_database_list_benefits (db, id, NULL),
    ws_database_list_party_outcomes (db, id, NULL),
    ws_database_list_compensation_claims (db, id, NULL),
    ws_database_list_parties_of_person (db, id, NULL),
  };
  double ms;

  ws_database_get_plan_overview (db, id, &overview, NULL);
  ms = ws_test_ms_since (start);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_clear_pointer (&lists[i], g_ptr_array_unref);
  return ms;
}

static void
print_figures (const char *name,
               GArray     *values)
{
  double max = 0;

  for (guint i = 0; i < values->len; i++)
    max = MAX (max, g_array_index (values, double, i));
  g_print ("%s-median-ms: %.1f\n%s-p95-ms: %.1f\n%s-max-ms: %.1f\n", name, ws_test_percentile (values, 0.5),
           name, ws_test_percentile (values, 0.95), name, max);
}

int
main (int   argc,
      char *argv[])
{
  guint n_witnesses = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GArray) set_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) read_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) set_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) measure_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) complete_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) complete_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  WsDatabase *db;
  GtkWidget *window, *page;
  gint64 start;

  gtk_init ();
  adw_init ();
  if (argc > 2)
    db = ws_test_open_db (argv[2]);
  else
    db = ws_test_open_tmp_db ("ws-bench-page-XXXXXX", &dir);
  start = g_get_monotonic_time ();
  if (ws_database_is_empty (db) && !ws_demo_fill (db, n_witnesses, 7, &error))
    g_error ("%s", error->message);
  g_print ("witnesses: %u\nfill-ms: %.0f\n", n_witnesses, ws_test_ms_since (start));
  persons = ws_database_list_persons (db, NULL, &error);
  g_assert_no_error (error);

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  page = ws_witness_page_new (db);
  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);

  for (guint i = 0; i < N_OPENED; i++)
    {
      WsPerson *person = g_ptr_array_index (persons, (guint) ((guint64) i * persons->len / N_OPENED));
      double set_ms, cpu_start = cpu_ms (), cpu;

      start = g_get_monotonic_time ();
      ws_witness_page_set_person (WS_WITNESS_PAGE (page), person);
      set_ms = ws_test_ms_since (start);
      cpu = cpu_ms () - cpu_start;
      g_array_append_val (set_cpu, cpu);
      /* How much of the frame is measuring the page's rows. */
      {
        double measure_start = cpu_ms ();
        GtkWidget *content = gtk_widget_get_first_child (page);

        gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, 600, NULL, NULL, NULL, NULL);
        cpu = cpu_ms () - measure_start;
        g_array_append_val (measure_cpu, cpu);
      }
      drawn = FALSE;
      gtk_widget_queue_draw (page);
      while (!drawn)
        g_main_context_iteration (NULL, TRUE);
      g_array_append_val (set_times, set_ms);
      set_ms = ws_test_ms_since (start);
      g_array_append_val (frame_times, set_ms);
      cpu = cpu_ms () - cpu_start;
      g_array_append_val (frame_cpu, cpu);
      /* The sections below the top fill in after the first frame. */
      while (!ws_witness_page_is_filled (WS_WITNESS_PAGE (page)))
        g_main_context_iteration (NULL, TRUE);
      drawn = FALSE;
      gtk_widget_queue_draw (page);
      while (!drawn)
        g_main_context_iteration (NULL, TRUE);
      set_ms = ws_test_ms_since (start);
      g_array_append_val (complete_times, set_ms);
      cpu = cpu_ms () - cpu_start;
      g_array_append_val (complete_cpu, cpu);
      /* Afterwards, so the page's own reads are not warmed by these. */
      set_ms = time_reads (db, ws_person_get_id (person));
      g_array_append_val (read_times, set_ms);
    }
  print_figures ("reads", read_times);
  print_figures ("set-person", set_times);
  print_figures ("to-frame", frame_times);
  print_figures ("set-person-cpu", set_cpu);
  print_figures ("to-frame-cpu", frame_cpu);
  print_figures ("measure-cpu", measure_cpu);
  print_figures ("complete", complete_times);
  print_figures ("complete-cpu", complete_cpu);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_pointer (&persons, g_ptr_array_unref);
  if (dir != NULL)
    ws_test_close_tmp_db (db, g_steal_pointer (&dir));
  else
    g_object_unref (db);
  return 0;
}
