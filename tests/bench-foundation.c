/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark for the foundation (not a test: it prints figures, it does not
 * judge them). Run under a display, e.g.
 *   xvfb-run -a _build/tests/bench-foundation [WITNESSES]
 * It prints one JSON object: time to generate and open a database of
 * WITNESSES (default 10000) witnesses, to fill the witness list, the
 * latency of each search keystroke (median and 95th percentile), time to
 * the first frame of the main window beside a bare libadwaita window, and
 * the peak memory of the process that showed the window, beside that of
 * a bare window (with software OpenGL the bare window alone needs about
 * 150 MB; GSK_RENDERER=cairo shows the figures without it). */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "ws-demo.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-window.h"
#include "ws-witnesses-view.h"

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 *started_at = user_data;
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_print ("first-frame-ms: %.1f\npeak-kb: %ld\n", ws_test_ms_since (*started_at), usage.ru_maxrss);
  exit (0);
}

static void
bare_mapped_cb (GtkWidget *window,
                gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), user_data);
}

static void
bare_activate_cb (GtkApplication *app,
                  gpointer        user_data)
{
  GtkWidget *window = adw_application_window_new (app);

  g_signal_connect (window, "map", G_CALLBACK (bare_mapped_cb), user_data);
  gtk_window_present (GTK_WINDOW (window));
}

/* A bare libadwaita window, for comparison with ours in the same run. */
static int
run_bare_window (void)
{
  static gint64 started_at;
  g_autoptr(AdwApplication) app = NULL;

  started_at = g_get_monotonic_time ();
  app = adw_application_new ("org.witnesssupport.Bench", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), &started_at);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

static double
first_frame_of (const char * const *argv,
                const char         *schema_dir,
                double             *peak_mb)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  const char *line;

  g_subprocess_launcher_setenv (launcher, "WS_REPORT_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, NULL);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, NULL))
    return -1;
  line = out != NULL ? strstr (out, "peak-kb: ") : NULL;
  if (line != NULL && peak_mb != NULL)
    *peak_mb = g_ascii_strtod (line + strlen ("peak-kb: "), NULL) / 1024.0;
  line = out != NULL ? strstr (out, "first-frame-ms: ") : NULL;
  return line != NULL ? g_ascii_strtod (line + strlen ("first-frame-ms: "), NULL) : -1;
}

static double
median_first_frame (const char * const *argv,
                    const char         *schema_dir,
                    double             *peak_mb)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < 5; i++)
    {
      double ms = first_frame_of (argv, schema_dir, peak_mb);
      g_array_append_val (runs, ms);
    }
  return ws_test_percentile (runs, 0.5);
}

static gboolean
wait_for_list (WsBrowser *browser,
               guint      count)
{
  for (int i = 0; i < 100000 && ws_browser_get_n_shown (browser) < count; i++)
    g_main_context_iteration (NULL, TRUE);
  return ws_browser_get_n_shown (browser) >= count;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDatabase) db = NULL;
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *self_dir = NULL;
  g_autofree char *program = NULL;
  g_autofree char *schema_dir = NULL;
  g_autofree char *database_arg = NULL;
  static const char *queries[] = { "w", "wi", "wil", "will", "willo", "willow", "", "l", "la", "lar",
                                   "lark", "", "r", "ro", "rom", "roma", "", "t", "ti", "tip", "tip-",
                                   "", "з", "за", "", "a", "ar", "ara", "arab", "" };
  WsWindow *window;
  WsBrowser *browser;
  guint n_witnesses = 10000;
  double generate_ms, open_ms, list_ms, ours_ms, bare_ms, bare_peak_mb = 0;
  struct rusage usage;
  gint64 start;

  if (argc > 1 && g_str_equal (argv[1], "--bare-window"))
    return run_bare_window ();
  if (argc > 3 && g_str_equal (argv[1], "--generate"))
    {
      db = ws_database_new (argv[2], NULL, &error);
      g_assert_no_error (error);
      ws_demo_fill (db, (guint) g_ascii_strtoull (argv[3], NULL, 10), 42, &error);
      g_assert_no_error (error);
      return 0;
    }
  if (argc > 1)
    n_witnesses = (guint) g_ascii_strtoull (argv[1], NULL, 10);

  {
    g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
    self_dir = g_path_get_dirname (exe);
  }
  program = g_build_filename (self_dir, "..", "app", "witness-support", NULL);
  schema_dir = g_build_filename (self_dir, "..", "resources", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  dir = ws_test_make_tmp_dir ("ws-bench-XXXXXX");
  path = g_build_filename (dir, "bench.db", NULL);

  /* Generate in a child so this process's peak memory is the window's. */
  {
    g_autofree char *count = g_strdup_printf ("%u", n_witnesses);
    const char *generate[] = { argv[0], "--generate", path, count, NULL };
    g_autoptr(GSubprocess) child = NULL;

    start = g_get_monotonic_time ();
    child = g_subprocess_newv (generate, G_SUBPROCESS_FLAGS_NONE, &error);
    g_assert_no_error (error);
    g_subprocess_wait_check (child, NULL, &error);
    g_assert_no_error (error);
    generate_ms = ws_test_ms_since (start);
  }

  start = g_get_monotonic_time ();
  db = ws_database_new (path, NULL, &error);
  g_assert_no_error (error);
  open_ms = ws_test_ms_since (start);
  /* The window opens on the places of a profile already at work, as
   * after unlocking (sealing the identity rows is not timed). */
  ws_test_protect (db);

  gtk_init ();
  adw_init ();
  app = GTK_APPLICATION (adw_application_new ("org.witnesssupport.Bench", G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  window = ws_window_new (app, db);
  gtk_window_present (GTK_WINDOW (window));
  browser = ws_witnesses_view_get_browser (WS_WITNESSES_VIEW (ws_window_get_place (window, "witnesses")));
  if (!wait_for_list (browser, n_witnesses))
    g_error ("the witness list did not fill");
  list_ms = ws_test_ms_since (start);

  for (guint round = 0; round < 5; round++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        double ms;

        start = g_get_monotonic_time ();
        ws_browser_set_search_text (browser, queries[i]);
        ms = ws_test_ms_since (start);
        g_array_append_val (keystrokes, ms);
        while (g_main_context_iteration (NULL, FALSE))
          ;
      }

  getrusage (RUSAGE_SELF, &usage);

  database_arg = g_strdup_printf ("--database=%s", path);
  {
    const char *ours[] = { program, database_arg, NULL };
    const char *bare[] = { argv[0], "--bare-window", NULL };

    ours_ms = median_first_frame (ours, schema_dir, NULL);
    bare_ms = median_first_frame (bare, schema_dir, &bare_peak_mb);
  }

  g_print ("{\n"
           "  \"witnesses\": %u,\n"
           "  \"generate_ms\": %.1f,\n"
           "  \"open_database_ms\": %.1f,\n"
           "  \"fill_witness_list_ms\": %.1f,\n"
           "  \"search_keystroke_median_ms\": %.2f,\n"
           "  \"search_keystroke_p95_ms\": %.2f,\n"
           "  \"first_frame_ms\": %.1f,\n"
           "  \"bare_adw_window_first_frame_ms\": %.1f,\n"
           "  \"first_frame_ratio\": %.2f,\n"
           "  \"peak_memory_mb\": %.1f,\n"
           "  \"bare_adw_window_peak_memory_mb\": %.1f,\n"
           "  \"peak_memory_above_bare_window_mb\": %.1f,\n"
           "  \"renderer\": \"%s\"\n"
           "}\n",
           n_witnesses, generate_ms, open_ms, list_ms,
           ws_test_percentile (keystrokes, 0.5), ws_test_percentile (keystrokes, 0.95),
           ours_ms, bare_ms, bare_ms > 0 ? ours_ms / bare_ms : 0.0,
           usage.ru_maxrss / 1024.0, bare_peak_mb, usage.ru_maxrss / 1024.0 - bare_peak_mb,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&db);
  ws_test_remove_tree (dir);
  return 0;
}
