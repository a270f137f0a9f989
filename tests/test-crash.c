/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-crash"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ws-audit.h"
#include "ws-backup.h"
#include "ws-database-private.h"
#include "ws-exchange.h"
#include "ws-store.h"
#include "ws-test-util.h"

/* Nothing lost: a writer killed with SIGKILL at random moments leaves a
 * sound database holding every transaction it reported committed; a
 * second process exporting and backing up while another writes works.
 * The children are this same program started with a role word. */

#define N_KILLS 30

static char *self_path;

/* ------------------------------------------------------------------ */
/* Children */

/* Saves witnesses with identity one transaction at a time, forever, and
 * writes "N\n" to standard output after each commit returned. */
static int
run_writer (const char *path,
            const char *first)
{
  g_autoptr(WsDatabase) db = ws_test_open_db (path);
  guint n = (guint) g_ascii_strtoull (first, NULL, 10);

  for (;; n++)
    {
      g_autofree char *pseudonym = g_strdup_printf ("Crash %06u", n);
      g_autofree char *line = g_strdup_printf ("%u\n", n);
      g_autoptr(WsIdentity) identity = ws_identity_new ();
      g_autoptr(WsPerson) person = ws_person_new ();
      g_autoptr(GError) error = NULL;

      ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, pseudonym);
      ws_identity_set_list (identity, WS_IDENTITY_PHONES, (const char *[]) { "+43 1 555 0000", NULL });
      ws_person_set_pseudonym (person, pseudonym);
      if (!ws_database_save_person (db, person, identity, &error))
        {
          g_printerr ("writer: %s\n", error->message);
          return 1;
        }
      /* One write(2) per line: a kill never leaves half a report. */
      if (write (STDOUT_FILENO, line, strlen (line)) < 0)
        return 1;
    }
  return 0;
}

static int
run_exporter (const char *path,
              const char *out)
{
  g_autoptr(WsDatabase) db = ws_test_open_db (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strconcat (out, ".db", NULL);

  if (!ws_exchange_export_to_file (db, out, &error) || !ws_database_backup (db, backup, NULL, &error))
    {
      g_printerr ("exporter: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* ------------------------------------------------------------------ */

static GSubprocess *
spawn (GSubprocessFlags   flags,
       const char        *role,
       const char        *path,
       const char        *arg)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *child = g_subprocess_new (flags, &error, self_path, role, path, arg, NULL);

  g_assert_no_error (error);
  return child;
}

/* Every number the writer reported. */
static GArray *
read_reports (GSubprocess *child)
{
  GInputStream *out = g_subprocess_get_stdout_pipe (child);
  g_autoptr(GByteArray) all = g_byte_array_new ();
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  guint8 buffer[4096];
  gssize got;
  g_auto(GStrv) lines = NULL;

  while ((got = g_input_stream_read (out, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_byte_array_append (all, buffer, got);
  g_byte_array_append (all, (const guint8 *) "", 1);
  lines = g_strsplit ((const char *) all->data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0' && lines[i + 1] != NULL)   /* complete lines only */
      {
        guint n = (guint) g_ascii_strtoull (lines[i], NULL, 10);

        g_array_append_val (numbers, n);
      }
  return numbers;
}

static void
assert_sound (WsDatabase *db)
{
  g_autofree char *check = ws_test_query_text (db, "PRAGMA integrity_check");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (check, ==, "ok");
  g_assert_true (ws_database_verify_audit (db, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_kill_writer (WsTestPathFixture *f,
                  gconstpointer      data)
{
  guint next = 0;
  guint total = 0;

  {
    g_autoptr(WsDatabase) db = ws_test_open_db (f->path);

    ws_test_protect (db);
  }

  for (guint kill = 0; kill < N_KILLS; kill++)
    {
      g_autofree char *first = g_strdup_printf ("%u", next);
      g_autoptr(GSubprocess) child = spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE, "writer", f->path, first);
      g_autoptr(GArray) reported = NULL;
      g_autoptr(WsDatabase) db = NULL;

      /* From just after start (often mid-open or mid-recovery) to well
       * into the writing. */
      g_usleep (g_test_rand_int_range (0, 400) * 1000);
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, NULL);
      g_assert_true (g_subprocess_get_if_signaled (child));
      reported = read_reports (child);

      db = ws_test_open_db (f->path);
      assert_sound (db);
      for (guint i = 0; i < reported->len; i++)
        {
          guint n = g_array_index (reported, guint, i);
          g_autofree char *pseudonym = g_strdup_printf ("Crash %06u", n);
          g_autoptr(WsPerson) person = ws_database_find_person (db, pseudonym, NULL);
          g_autoptr(WsIdentity) identity = NULL;
          g_autoptr(GError) error = NULL;

          if (person == NULL)
            g_error ("kill %u: %s was reported committed but is missing", kill, pseudonym);
          identity = ws_database_read_identity (db, person, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME), ==, pseudonym);
          next = MAX (next, n + 1);
        }
      /* A transaction killed after COMMIT but before its report may be
       * there too; the next writer starts after the highest saved. */
      next = MAX (next, (guint) ws_test_query_int (db, "SELECT count(*) FROM person"));
      total += reported->len;
    }
  g_test_message ("%u kills, %u reported transactions, all present", N_KILLS, total);
  g_assert_cmpuint (total, >, 0);
}

/* A headless export and backup in another process while this one writes. */
static void
test_second_process (WsTestPathFixture *f,
                     gconstpointer      data)
{
  g_autoptr(WsDatabase) db = ws_test_open_db (f->path);
  g_autofree char *out = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *backup = g_strconcat (out, ".db", NULL);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  guint written = 0;

  ws_test_protect (db);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Before %03u", i);
      g_autoptr(WsPerson) person = ws_test_add_person (db, name, NULL);
    }

  child = spawn (G_SUBPROCESS_FLAGS_NONE, "exporter", f->path, out);
  g_subprocess_wait_check_async (child, NULL, ws_test_keep_result_cb, &done);
  while (done == NULL || written < 20)
    {
      g_autofree char *name = g_strdup_printf ("During %04u", written++);
      g_autoptr(WsIdentity) identity = ws_identity_new ();
      g_autoptr(WsPerson) person = NULL;

      ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, name);
      person = ws_test_add_person (db, name, identity);
      g_main_context_iteration (NULL, FALSE);
      /* Someone typing in the window: busy, but not a solid stream of
       * transactions the other process could never get between. */
      g_usleep (5000);
    }
  g_subprocess_wait_check_finish (child, done, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (out, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "Before 049"));
  g_assert_true (ws_database_check_file (backup, &error));
  g_assert_no_error (error);
  assert_sound (db);
  g_test_message ("%u witnesses written while the other process exported", written);
}

int
main (int   argc,
      char *argv[])
{
  self_path = argv[0];
  if (argc == 4 && g_str_equal (argv[1], "writer"))
    return run_writer (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "exporter"))
    return run_exporter (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/ws/crash/kill-writer", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_kill_writer, ws_test_path_fixture_tear_down);
  g_test_add ("/ws/crash/second-process", WsTestPathFixture, NULL,
              ws_test_path_fixture_set_up, test_second_process, ws_test_path_fixture_tear_down);
  return g_test_run ();
}
