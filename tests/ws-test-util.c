/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-test"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ws-database-private.h"
#include "ws-profile-private.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-time.h"

char *
ws_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
ws_test_remove_tree (const char *path)
{
  /* A link is removed, never followed: it may point out of the folder. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          ws_test_remove_tree (child);
        }
    }
  g_remove (path);
}

guint
ws_test_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

GBytes *
ws_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

WsDatabase *
ws_test_open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  WsDatabase *db;

  /* Every profile a test makes derives its keys cheaply. */
  _ws_profile_use_cheap_kdf (TRUE);
  db = ws_database_new (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  if (ws_database_is_protected (db) && ws_test_has_profile (db, WS_TEST_OFFICER))
    {
      ws_database_unlock (db, WS_TEST_OFFICER, WS_TEST_PASSPHRASE, &error);
      g_assert_no_error (error);
      ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_OFFICER);
    }
  return db;
}

gboolean
ws_test_has_profile (WsDatabase *db,
                     const char *name)
{
  g_autoptr(GListModel) profiles = ws_database_list_profiles (db, NULL);

  g_assert_nonnull (profiles);
  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(WsProfile) profile = g_list_model_get_item (profiles, i);

      if (g_str_equal (ws_profile_get_name (profile), name))
        return TRUE;
    }
  return FALSE;
}

void
ws_test_protect (WsDatabase *db)
{
  g_autoptr(GError) error = NULL;

  _ws_profile_use_cheap_kdf (TRUE);
  ws_database_create_profile (db, WS_TEST_OFFICER, WS_ROLE_ADMINISTRATOR, WS_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_false (ws_database_is_locked (db));
  ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_OFFICER);
}

void
ws_test_add_profile (WsDatabase *db,
                     const char *name,
                     WsRole      role,
                     const char *passphrase)
{
  g_autoptr(GError) error = NULL;

  ws_database_create_profile (db, name, role, passphrase, &error);
  g_assert_no_error (error);
}

WsDatabase *
ws_test_open_tmp_db (const char  *tmpl,
                     char       **dir)
{
  g_autofree char *path = NULL;
  WsDatabase *db;

  g_assert_nonnull (dir);
  *dir = ws_test_make_tmp_dir (tmpl);
  path = g_build_filename (*dir, "ws.db", NULL);
  db = ws_test_open_db (path);
  ws_test_protect (db);
  return db;
}

void
ws_test_close_tmp_db (WsDatabase *db,
                      char       *dir)
{
  g_assert_finalize_object (db);
  ws_test_remove_tree (dir);
  g_free (dir);
}

void
ws_test_fixture_set_up (WsTestFixture *fixture,
                        gconstpointer  data)
{
  fixture->db = ws_test_open_tmp_db ("ws-test-XXXXXX", &fixture->dir);
}

void
ws_test_fixture_tear_down (WsTestFixture *fixture,
                           gconstpointer  data)
{
  ws_test_close_tmp_db (g_steal_pointer (&fixture->db), g_steal_pointer (&fixture->dir));
  /* A test that fixed "now" must not leave it fixed for the next one. */
  ws_time_set_now (NULL);
}

void
ws_test_path_fixture_set_up (WsTestPathFixture *fixture,
                             gconstpointer      data)
{
  fixture->dir = ws_test_make_tmp_dir ("ws-test-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "ws.db", NULL);
}

void
ws_test_path_fixture_tear_down (WsTestPathFixture *fixture,
                                gconstpointer      data)
{
  ws_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

void
ws_test_wait_for_last_ref (gpointer object)
{
  /* A GTask's worker thread drops its reference just after the callback
   * ran, so "finished" does not yet mean "let go". */
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_true (G_IS_OBJECT (object));
  while (g_atomic_int_get ((int *) &G_OBJECT (object)->ref_count) > 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
}

void
ws_test_keep_result_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

GAsyncResult *
ws_test_wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

void
ws_test_exec (WsDatabase *db,
              const char *format,
              ...)
{
  g_autoptr(GError) error = NULL;
  va_list args;
  char *sql;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  g_assert_nonnull (sql);
  _ws_database_exec (db, sql, &error);
  if (error != NULL)
    g_test_message ("%s", sql);
  sqlite3_free (sql);
  g_assert_no_error (error);
}

gint64
ws_test_query_int (WsDatabase *db,
                   const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return value;
}

char *
ws_test_query_text (WsDatabase *db,
                    const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *value = NULL;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = _ws_column_dup (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return value;
}

gint64
ws_test_count_rows (WsDatabase *db,
                    const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);

  return ws_test_query_int (db, sql);
}

void
ws_test_save_person (WsDatabase *db,
                     WsPerson   *person,
                     WsIdentity *identity)
{
  g_autoptr(GError) error = NULL;

  ws_database_save_person (db, person, identity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_person_get_id (person), >, 0);
}

WsPerson *
ws_test_add_person (WsDatabase *db,
                    const char *pseudonym,
                    WsIdentity *identity)
{
  WsPerson *person = ws_person_new ();

  ws_person_set_pseudonym (person, pseudonym);
  ws_test_save_person (db, person, identity);
  return person;
}

gint64
ws_test_add_person_aged (WsDatabase  *db,
                         const char  *pseudonym,
                         WsAgeStatus  age)
{
  g_autoptr(WsPerson) person = ws_person_new ();

  ws_person_set_pseudonym (person, pseudonym);
  ws_person_set_age_status (person, age);
  ws_test_save_person (db, person, NULL);
  return ws_person_get_id (person);
}

gint64
ws_test_last_id (WsDatabase *db,
                 const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max(id) FROM %s", table);

  return ws_test_query_int (db, sql);
}

WsCase *
ws_test_add_case (WsDatabase *db,
                  const char *reference,
                  const char *court)
{
  g_autoptr(GError) error = NULL;
  WsCase *court_case = ws_case_new ();

  ws_case_set_reference (court_case, reference);
  ws_case_set_court (court_case, court);
  ws_database_save_case (db, court_case, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_case_get_id (court_case), >, 0);
  return court_case;
}

void
ws_test_set_now (const char *iso)
{
  g_autoptr(GDateTime) now = NULL;

  if (iso != NULL)
    {
      now = ws_time_parse_instant (iso);
      g_assert_nonnull (now);
    }
  ws_time_set_now (now);
}

JsonNode *
ws_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

void
ws_test_assert_strv (const char * const *actual,
                     const char * const *expected)
{
  g_assert_nonnull (actual);
  if (!g_strv_equal (actual, expected))
    {
      g_autofree char *a = g_strjoinv ("|", (char **) actual);
      g_autofree char *e = g_strjoinv ("|", (char **) expected);

      g_error ("got “%s”, expected “%s”", a, e);
    }
}

double
ws_test_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
ws_test_percentile (GArray *values,
                    double  p)
{
  g_assert_cmpuint (values->len, >, 0);
  g_assert_cmpuint (g_array_get_element_size (values), ==, sizeof (double));
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, (guint) (p * (values->len - 1) + 0.5));
}

char *
ws_test_pdf_text (const char *pdf,
                  const char *mode)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, mode, "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return NULL;
    }
  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}
