/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ws-rules.h"
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

/* The demonstration administrator (see README.md). */
#define DEMO_ADMIN "--profile=admin"
#define DEMO_ADMIN_PASS "admin-demo\n"

static void
run_with_input (Run        *run,
                const char *input,
                va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) g_getenv ("WS_PROGRAM"));
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

static void
run_program (Run *run,
             ...)
{
  va_list args;

  va_start (args, run);
  run_with_input (run, "", args);
  va_end (args);
}

/* Runs with @input on standard input (a passphrase for --profile). */
static void
run_program_input (Run        *run,
                   const char *input,
                   ...)
{
  va_list args;

  va_start (args, input);
  run_with_input (run, input, args);
  va_end (args);
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

/* What the database holds apart from its audit trail (a refused
 * command still records the login that preceded it). */
static char *
records_of (const char *path)
{
  static const char sql[] =
    "SELECT (SELECT count(*) FROM person) || '/' || (SELECT count(*) FROM court_case) || '/' ||"
    " (SELECT count(*) FROM measure) || '/' || (SELECT count(*) FROM user_profile) || '/' ||"
    " (SELECT group_concat(hex(document)) FROM identity) || '/' ||"
    " (SELECT group_concat(pseudonym || notes || risk_level) FROM person)";
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *records;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  records = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return records;
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
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"witness-support-exchange\", \"version\": 1,"
                                           " \"persons\": [{\"pseudonym\": \"\"}]}", -1, NULL));
  make_demo (f);
  before = records_of (f->path);
  run_program_input (&run, DEMO_ADMIN_PASS, db, DEMO_ADMIN, import, NULL);
  assert_fails (&run, "nothing was imported");
  after = records_of (f->path);
  g_assert_cmpstr (before, ==, after);

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
  run_program_input (&run, DEMO_ADMIN_PASS, db, DEMO_ADMIN, "--export-summary=alder", output,
                     "--zone=Europe/London", NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = ws_test_pdf_text (pdf, "-raw");
  if (text != NULL)
    g_assert_nonnull (strstr (text, "Alder"));

  g_unlink (pdf);
  run_program_input (&bad_date, DEMO_ADMIN_PASS, db, DEMO_ADMIN, "--export-summary=Alder", output,
                     "--from=2026-02-30", NULL);
  assert_fails (&bad_date, "2026-02-30 is not a date");
  run_program_input (&nobody, DEMO_ADMIN_PASS, db, DEMO_ADMIN, "--export-summary=Nobody", output, NULL);
  assert_fails (&nobody, "no witness with the pseudonym");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Options that need identity ask for a profile; those that do not run
 * without one. */
static void
test_profiles (WsTestPathFixture *f,
               gconstpointer      data)
{
  g_autofree char *db = option ("database", f->path);
  g_autofree char *out = path_in (f, "all.json");
  g_autofree char *export = option ("export", out);
  g_auto(Run) without = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) prosecutor = { 0 };
  g_auto(Run) officer = { 0 };
  g_auto(Run) verify = { 0 };
  g_autofree char *contents = NULL;

  make_demo (f);
  run_program (&without, db, export, NULL);
  assert_fails (&without, "needs --profile=NAME");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_program_input (&wrong, "not-it\n", db, "--profile=officer", export, NULL);
  assert_fails (&wrong, "Wrong profile or passphrase");
  g_assert_false (strstr (wrong.err, "not-it"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_program_input (&prosecutor, "prosecutor-demo\n", db, "--profile=prosecutor", export, NULL);
  assert_fails (&prosecutor, "Prosecutor");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_program_input (&officer, "officer-demo\n", db, "--profile=officer", export, NULL);
  g_assert_cmpint (officer.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "legal_name"));

  /* Checking the audit trail needs no profile; the failed login is in it. */
  run_program (&verify, db, "--verify-audit", NULL);
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_nonnull (strstr (verify.out, "Audit trail intact"));
  {
    g_autoptr(WsDatabase) open = ws_database_new (f->path, NULL, NULL);

    g_assert_nonnull (open);
    g_assert_cmpuint (ws_database_count_audit (open, "login-failed"), ==, 1);
    g_assert_cmpuint (ws_database_count_audit (open, "export"), ==, 1);
  }
}

static void
test_verify_audit_tampered (WsTestPathFixture *f,
                            gconstpointer      data)
{
  g_autofree char *db = option ("database", f->path);
  g_auto(Run) run = { 0 };
  sqlite3 *handle = NULL;
  gint64 id = 0;
  sqlite3_stmt *stmt = NULL;

  make_demo (f);
  g_assert_cmpint (sqlite3_open (f->path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT id FROM audit WHERE action = 'login' LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (handle, "DROP TRIGGER audit_no_update;"
                                 "UPDATE audit SET action = 'nothing' WHERE action = 'login'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  run_program (&run, db, "--verify-audit", NULL);
  assert_fails (&run, "altered at record");
  {
    g_autofree char *number = g_strdup_printf ("record %" G_GINT64_FORMAT, id);

    g_assert_nonnull (strstr (run.err, number));
  }
}

static void
test_backup_restore (WsTestPathFixture *f,
                     gconstpointer      data)
{
  g_autofree char *db = option ("database", f->path);
  g_autofree char *copy = path_in (f, "copy.db");
  g_autofree char *backup = option ("backup", copy);
  g_autofree char *restore = option ("restore", copy);
  g_autofree char *junk = path_in (f, "junk.db");
  g_autofree char *restore_junk = option ("restore", junk);
  g_auto(Run) without = { 0 };
  g_auto(Run) backed = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) anonymous = { 0 };
  g_auto(Run) restored = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_demo (f);
  run_program (&without, db, backup, NULL);
  assert_fails (&without, "needs --profile");
  run_program_input (&backed, DEMO_ADMIN_PASS, db, DEMO_ADMIN, backup, NULL);
  g_assert_cmpint (backed.status, ==, 0);
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (junk, "junk", -1, NULL));
  before = records_of (f->path);
  run_program_input (&refused, DEMO_ADMIN_PASS, db, DEMO_ADMIN, restore_junk, NULL);
  assert_fails (&refused, "not a Witness Support database");
  run_program (&anonymous, db, restore, NULL);
  assert_fails (&anonymous, "--profile");
  after = records_of (f->path);
  g_assert_cmpstr (before, ==, after);

  run_program_input (&restored, DEMO_ADMIN_PASS, db, DEMO_ADMIN, restore, NULL);
  g_assert_cmpint (restored.status, ==, 0);
  g_assert_nonnull (strstr (restored.out, "Restored"));
}

/* --attention with no display at all, as on a server. */
static void
run_headless (Run        *run,
              const char *database_option)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("WS_PROGRAM"), database_option,
                                         "--attention", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

static int
severity_rank (const char *nick)
{
  if (g_str_equal (nick, "urgent"))
    return 2;
  if (g_str_equal (nick, "warning"))
    return 1;
  g_assert_cmpstr (nick, ==, "info");
  return 0;
}

static void
test_attention (WsTestPathFixture *f,
                gconstpointer      data)
{
  g_autofree char *db_option = option ("database", f->path);
  g_autofree char *missing = path_in (f, "missing.db");
  g_autofree char *missing_option = option ("database", missing);
  g_auto(GStrv) rules = ws_rules_list ();
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) rules_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) nowhere = { 0 };
  WsDatabase *db;
  int last_rank = 2;
  guint n = 0;

  make_demo (f);
  run_headless (&run, db_option);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_suffix (run.out, "\n"));

  db = ws_test_open_db (f->path);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++, n++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autofree char *sql = NULL;
      int rank;

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      rank = severity_rank (fields[0]);
      g_assert_cmpint (rank, <=, last_rank);
      last_rank = rank;
      /* Every pseudonym is a witness of the unit; every rule a known one. */
      sql = g_strdup_printf ("SELECT count(*) FROM person WHERE pseudonym = '%s'", fields[1]);
      g_assert_cmpint (ws_test_query_int (db, sql), ==, 1);
      g_assert_true (g_strv_contains ((const char * const *) rules, fields[2]));
      g_assert_cmpuint (strlen (fields[3]), >, 0);
      g_hash_table_add (rules_seen, g_strdup (fields[2]));
    }
  g_object_unref (db);
  /* The demonstration unit has a mix of findings to show. */
  g_assert_cmpuint (n, >=, 10);
  g_assert_cmpuint (g_hash_table_size (rules_seen), >=, 6);

  run_headless (&nowhere, missing_option);
  assert_fails (&nowhere, "There is no database");
  g_assert_cmpstr (nowhere.out, ==, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_readiness_pdf (WsTestPathFixture *f,
                    gconstpointer      data)
{
  g_autofree char *db = option ("database", f->path);
  g_autofree char *pdf = path_in (f, "readiness.pdf");
  g_autofree char *output = option ("output", pdf);
  g_autofree char *hearing = NULL;
  g_autofree char *pseudonym = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *pseudonym_sql = NULL;
  g_autofree char *reference_sql = NULL;
  g_autofree char *text = NULL;
  g_autoptr(WsDatabase) database = NULL;
  gint64 id;
  g_auto(Run) run = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) nothing = { 0 };
  g_auto(Run) both = { 0 };

  make_demo (f);
  database = ws_test_open_db (f->path);
  id = ws_test_query_int (database, "SELECT h.id FROM hearing h WHERE EXISTS (SELECT 1 FROM case_party cp"
                                    " WHERE cp.case_id = h.case_id) ORDER BY h.starts_at DESC LIMIT 1");
  pseudonym_sql = g_strdup_printf ("SELECT p.pseudonym FROM hearing h JOIN case_party cp ON cp.case_id = h.case_id"
                                   " JOIN person p ON p.id = cp.person_id WHERE h.id = %" G_GINT64_FORMAT " LIMIT 1", id);
  reference_sql = g_strdup_printf ("SELECT c.reference FROM hearing h JOIN court_case c ON c.id = h.case_id"
                                   " WHERE h.id = %" G_GINT64_FORMAT, id);
  pseudonym = ws_test_query_text (database, pseudonym_sql);
  reference = ws_test_query_text (database, reference_sql);
  g_clear_object (&database);
  hearing = g_strdup_printf ("--export-readiness=%" G_GINT64_FORMAT, id);

  run_program (&run, db, hearing, output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, reference));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  text = ws_test_pdf_text (pdf, "-raw");
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Hearing readiness"));
      g_assert_nonnull (strstr (text, reference));
      g_assert_nonnull (strstr (text, pseudonym));
    }
  database = ws_test_open_db (f->path);
  g_assert_cmpuint (ws_database_count_audit (database, "export-readiness-pdf"), ==, 1);
  g_clear_object (&database);

  g_unlink (pdf);
  run_program (&no_output, db, hearing, NULL);
  assert_fails (&no_output, "--export-readiness needs --output");
  run_program (&nothing, db, "--export-readiness=999999", output, NULL);
  assert_fails (&nothing, "no hearing with the number 999999");
  run_program (&both, db, hearing, "--export-summary=Alder", output, NULL);
  assert_fails (&both, "cannot be combined");
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
  g_test_add ("/ws/cli/readiness-pdf", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_readiness_pdf, ws_test_path_fixture_tear_down);
  g_test_add ("/ws/cli/summary-pdf", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_summary_pdf, ws_test_path_fixture_tear_down);
  g_test_add ("/ws/cli/attention", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_attention, ws_test_path_fixture_tear_down);

  g_test_add ("/ws/cli/profiles", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_profiles, ws_test_path_fixture_tear_down);
  g_test_add ("/ws/cli/verify-audit-tampered", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_verify_audit_tampered, ws_test_path_fixture_tear_down);
  g_test_add ("/ws/cli/backup-restore", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_backup_restore, ws_test_path_fixture_tear_down);
  g_test_add ("/ws/cli/schedule-ics", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_schedule_ics, ws_test_path_fixture_tear_down);

  return g_test_run ();
}
