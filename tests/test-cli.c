/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ws-test-util.h"

/* The command line as a script or a newcomer uses it: every failure is
 * one line on standard error and a non-zero status, and changes nothing
 * on disk. The program to run comes in WS_PROGRAM. */

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_program (Run *run,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("WS_PROGRAM"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

/* A failure: non-zero, one line on stderr that says @words. */
static void
assert_fails (Run        *run,
              const char *words)
{
  g_assert_cmpint (run->status, !=, 0);
  g_assert_nonnull (strstr (run->err, words));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static char *
path_in (WsTestPathFixture *f,
         const char        *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
option (const char *name,
        const char *value)
{
  return g_strdup_printf ("--%s=%s", name, value);
}

static void
make_demo (WsTestPathFixture *f)
{
  g_auto(Run) run = { 0 };
  g_autofree char *db = option ("database", f->path);

  run_program (&run, db, "--demo", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_version (WsTestPathFixture *f,
              gconstpointer      data)
{
  g_auto(Run) run = { 0 };

  run_program (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "witness-support "));
}

static void
test_missing_database_is_not_created (WsTestPathFixture *f,
                                      gconstpointer      data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *missing = path_in (f, "typo/x.db");
  g_autofree char *db = option ("database", missing);
  g_autofree char *out = path_in (f, "out.json");
  g_autofree char *export = option ("export", out);

  run_program (&run, db, export, NULL);
  assert_fails (&run, "There is no database");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_bad_import_changes_nothing (WsTestPathFixture *f,
                                 gconstpointer      data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *bad = path_in (f, "bad.json");
  g_autofree char *db = option ("database", f->path);
  g_autofree char *import = option ("import", bad);
  g_autofree char *fresh = path_in (f, "fresh.db");
  g_autofree char *fresh_db = option ("database", fresh);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"witness-support-exchange\", \"version\": 1,"
                                           " \"persons\": [{\"pseudonym\": \"\"}]}", -1, NULL));
  make_demo (f);
  before = ws_test_read_bytes (f->path);
  run_program (&run, db, import, NULL);
  assert_fails (&run, "nothing was imported");
  after = ws_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));

  /* A database created only for the failed import does not stay. */
  run_clear (&run);
  run_program (&run, fresh_db, import, NULL);
  assert_fails (&run, "nothing was imported");
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

static void
test_refused_combinations (WsTestPathFixture *f,
                           gconstpointer      data)
{
  g_autofree char *db = option ("database", f->path);
  struct { const char *a, *b, *words; } cases[] = {
    { "--demo", "--import=/nonexistent.json", "cannot be combined" },
    { "--output=x.pdf", NULL, "--output goes with --export-summary" },
    { "--from=2026-01-01", NULL, "--from goes with --export-summary" },
    { "--export-summary=Alder", NULL, "needs --output" },
    { "--site=Court room 1", NULL, "--site goes with --export-schedule" },
    { "--export-schedule=x.ics", NULL, "needs one of --interpreter=NAME" },
    { "--export-schedule=x.ics", "--witness= ", "--witness needs a name" },
  };

  make_demo (f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_program (&run, db, cases[i].a, cases[i].b, NULL);
      assert_fails (&run, cases[i].words);
    }
}

static void
test_summary_pdf (WsTestPathFixture *f,
                  gconstpointer      data)
{
  g_autofree char *db = option ("database", f->path);
  g_autofree char *pdf = path_in (f, "alder.pdf");
  g_autofree char *output = option ("output", pdf);
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) bad_date = { 0 };
  g_auto(Run) nobody = { 0 };

  make_demo (f);
  run_program (&run, db, "--export-summary=alder", output, "--zone=Europe/London", NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = ws_test_pdf_text (pdf, "-raw");
  if (text != NULL)
    g_assert_nonnull (strstr (text, "Alder"));

  g_unlink (pdf);
  run_program (&bad_date, db, "--export-summary=Alder", output, "--from=2026-02-30", NULL);
  assert_fails (&bad_date, "2026-02-30 is not a date");
  run_program (&nobody, db, "--export-summary=Nobody", output, NULL);
  assert_fails (&nobody, "no witness with the pseudonym");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_schedule_ics (WsTestPathFixture *f,
                   gconstpointer      data)
{
  g_autofree char *db = option ("database", f->path);
  g_autofree char *ics = path_in (f, "schedule.ics");
  g_autofree char *output = option ("export-schedule", ics);
  g_autofree char *pseudonym = NULL;
  g_autofree char *site = NULL;
  g_autofree char *witness = NULL;
  g_autofree char *site_option = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uid = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) by_site = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(Run) nowhere = { 0 };
  g_auto(Run) nobody = { 0 };
  WsDatabase *handle;

  make_demo (f);
  handle = ws_test_open_db (f->path);
  pseudonym = ws_test_query_text (handle, "SELECT p.pseudonym FROM session s JOIN person p ON p.id = s.person_id"
                                          " ORDER BY s.starts_at DESC LIMIT 1");
  uid = ws_test_query_text (handle, "SELECT uid FROM session ORDER BY starts_at DESC LIMIT 1");
  site = ws_test_query_text (handle, "SELECT name FROM site WHERE kind = 'site-abroad' ORDER BY name LIMIT 1");
  g_object_unref (handle);
  g_assert_nonnull (pseudonym);

  witness = option ("witness", pseudonym);
  run_program (&run, db, output, witness, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (text, "BEGIN:VEVENT"));
  g_assert_nonnull (strstr (text, uid));
  g_assert_nonnull (strstr (text, pseudonym));
  g_assert_null (strstr (text, "PIN:"));
  g_assert_cmpuint (ws_test_file_mode (ics), ==, 0600);

  site_option = option ("site", site);
  run_program (&by_site, db, output, site_option, NULL);
  g_assert_cmpint (by_site.status, ==, 0);

  g_unlink (ics);
  run_program (&both, db, output, witness, site_option, NULL);
  assert_fails (&both, "needs one of");
  run_program (&nowhere, db, output, "--site=Moon base", NULL);
  assert_fails (&nowhere, "no site called");
  run_program (&nobody, db, output, "--interpreter=Nobody Atall", NULL);
  assert_fails (&nobody, "no interpreter called");
  g_assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ws/cli/version", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_version, ws_test_path_fixture_tear_down);
  g_test_add ("/ws/cli/missing-database-is-not-created", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_missing_database_is_not_created, ws_test_path_fixture_tear_down);
  g_test_add ("/ws/cli/bad-import-changes-nothing", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_bad_import_changes_nothing, ws_test_path_fixture_tear_down);
  g_test_add ("/ws/cli/refused-combinations", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_refused_combinations, ws_test_path_fixture_tear_down);
  g_test_add ("/ws/cli/summary-pdf", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_summary_pdf, ws_test_path_fixture_tear_down);
  g_test_add ("/ws/cli/schedule-ics", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_schedule_ics, ws_test_path_fixture_tear_down);

  return g_test_run ();
}
