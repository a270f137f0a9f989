/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-database"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ws-database-private.h"
#include "ws-identity.h"
#include "ws-store.h"
#include "ws-test-util.h"

/* The application id the database stamps on its files ('WSUP'). */
#define FILE_APPLICATION_ID 0x57535550

typedef WsTestPathFixture Fixture;

/* Runs raw SQL on a file with a plain SQLite connection, as another
 * program (or an attacker) would. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static gint64
insert_case (WsDatabase *db,
             const char *reference)
{
  g_autoptr(WsCase) court_case = ws_test_add_case (db, reference, "Regional Court");

  return ws_case_get_id (court_case);
}

/* Opening a file that must be refused: the error, and the file untouched. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = ws_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDatabase) db = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  guint mode = ws_test_file_mode (path);

  db = ws_database_new (path, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, WS_DATABASE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));

  after = ws_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (ws_test_file_mode (path), ==, mode);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  /* Callers that do not want the error must not crash either. */
  db = ws_database_new (path, NULL, NULL);
  g_assert_null (db);
  g_clear_pointer (&after, g_bytes_unref);
  after = ws_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* ------------------------------------------------------------------ */

static void
test_default_path (void)
{
  g_autofree char *path = ws_database_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "witness-support",
                                                "witness-support.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "deep", "er", NULL);
  g_autofree char *path = g_build_filename (folder, "witness-support.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal_mode = NULL;
  g_autoptr(WsDatabase) db = NULL;

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  db = ws_test_open_db (path);

  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (ws_test_file_mode (folder), ==, 0700);
  g_assert_cmpuint (ws_test_file_mode (path), ==, 0600);
  g_assert_cmpstr (ws_database_get_path (db), ==, path);

  g_assert_cmpint (ws_database_get_schema_version (db), ==, WS_SCHEMA_VERSION);
  g_assert_cmpint (ws_test_query_int (db, "PRAGMA user_version"), ==, WS_SCHEMA_VERSION);
  g_assert_cmpint (ws_test_query_int (db, "PRAGMA application_id"), ==, FILE_APPLICATION_ID);
  journal_mode = ws_test_query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (ws_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'person'"), ==, 1);
  g_assert_true (ws_database_is_empty (db));

  /* SQLite gives the journal the mode of the database file. */
  insert_case (db, "C-1");
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (ws_test_file_mode (wal), ==, 0600);
}

static void
test_migrate_empty_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDatabase) db = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);

  db = ws_test_open_db (fixture->path);
  g_assert_cmpint (ws_database_get_schema_version (db), ==, WS_SCHEMA_VERSION);
  g_assert_cmpint (ws_test_query_int (db, "PRAGMA application_id"), ==, FILE_APPLICATION_ID);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_no_update'"), ==, 1);
  /* An adopted file is made private as well, and so is its journal. */
  g_assert_cmpuint (ws_test_file_mode (fixture->path), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (ws_test_file_mode (wal), ==, 0600);
  g_assert_true (ws_database_is_empty (db));
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDatabase) db = NULL;

  g_cancellable_cancel (cancellable);
  db = ws_database_new (fixture->path, cancellable, &error);
  g_assert_null (db);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Nothing half-done is left behind: the next open migrates normally. */
  db = ws_test_open_db (fixture->path);
  g_assert_cmpint (ws_database_get_schema_version (db), ==, WS_SCHEMA_VERSION);
}

static void
test_open_error (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "plain-file", NULL);
  g_autofree char *path = g_build_filename (blocker, "sub", "ws.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDatabase) db = NULL;

  g_file_set_contents (blocker, "x", -1, &error);
  g_assert_no_error (error);

  db = ws_database_new (path, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_OPEN);
}

static void
test_reopen_keeps_data (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(WsDatabase) db = ws_test_open_db (fixture->path);
  g_autoptr(WsPerson) person = ws_test_add_person (db, "Witness Rose", NULL);
  g_autoptr(WsPerson) found = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  insert_case (db, "AB-12/2023");
  g_clear_object (&db);

  db = ws_test_open_db (fixture->path);
  g_assert_cmpint (ws_database_get_schema_version (db), ==, WS_SCHEMA_VERSION);
  g_assert_false (ws_database_is_empty (db));
  found = ws_database_find_person (db, "witness rose", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_person_get_pseudonym (found), ==, "Witness Rose");
  g_assert_cmpint (ws_person_get_id (found), ==, ws_person_get_id (person));
  cases = ws_database_list_cases (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpstr (ws_case_get_reference (g_ptr_array_index (cases, 0)), ==, "AB-12/2023");
}

static void
test_newer_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(WsDatabase) db = ws_test_open_db (fixture->path);
  g_autoptr(GError) error = NULL;

  insert_case (db, "C-1");
  g_clear_object (&db);
  raw_exec (fixture->path, "PRAGMA user_version = 99");

  assert_refused (fixture->path, WS_DATABASE_ERROR_NEWER);

  db = ws_database_new (fixture->path, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_nonnull (strstr (error->message, "99"));
}

static void
test_not_sqlite_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 8192; i++)
    g_string_append_c (text, (char) g_rand_int_range (rand, ' ', '~' + 1));
  g_file_set_contents (fixture->path, text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);

  assert_refused (fixture->path, WS_DATABASE_ERROR_NOT_OURS);
  /* A user's file keeps its permissions too. */
  g_assert_cmpuint (ws_test_file_mode (fixture->path), ==, 0644);
}

static void
test_other_application_refused (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);

  raw_exec (fixture->path,
            "CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT);"
            "INSERT INTO recipe (title) VALUES ('Pancakes');");
  assert_refused (fixture->path, WS_DATABASE_ERROR_NOT_OURS);

  /* Stamped by another program, even without tables yet. */
  raw_exec (other, "PRAGMA application_id = 1234");
  assert_refused (other, WS_DATABASE_ERROR_NOT_OURS);
}

/* An upgrade step that fails leaves the database at its old version,
 * without half of the new tables. */
static void
test_migration_failure (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;"
                                          "CREATE TABLE audit (stray INTEGER);", FILE_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDatabase) db = NULL;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  raw_exec (fixture->path, sql);

  db = ws_database_new (fixture->path, NULL, &error);
  g_assert_null (db);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "audit"));
  g_clear_error (&error);
  db = ws_database_new (fixture->path, NULL, NULL);
  g_assert_null (db);

  g_assert_cmpint (sqlite3_open (fixture->path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT (SELECT user_version FROM pragma_user_version),"
                                               " (SELECT count(*) FROM sqlite_schema)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
}

static void
test_check_constraints (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(WsDatabase) db = ws_test_open_db (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 case_id = insert_case (db, "C-1");
  guint audits;

  sql = g_strdup_printf ("INSERT INTO measure (case_id, type, status) VALUES (%" G_GINT64_FORMAT ", 'screen', 'maybe')",
                         case_id);
  g_assert_false (_ws_database_exec (db, sql, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "CHECK"));
  g_clear_error (&error);
  g_assert_cmpint (ws_test_count_rows (db, "measure"), ==, 0);

  ws_test_exec (db, "INSERT INTO measure (case_id, type, status) VALUES (%lld, 'screen', 'granted')",
                (long long) case_id);
  g_assert_cmpint (ws_test_count_rows (db, "measure"), ==, 1);

  /* A blank name breaks the CHECK as well as NOT NULL would. */
  g_assert_false (_ws_database_exec (db, "INSERT INTO person (pseudonym, created_at, updated_at) VALUES ('   ', 'x', 'x')",
                                     &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* Unique names are reported as duplicates. */
  g_assert_false (_ws_database_exec (db, "INSERT INTO court_case (reference, court, created_at, updated_at)"
                                         " VALUES ('c-1', 'X', 'x', 'x')", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* The audit trail is append-only. */
  g_assert_true (_ws_database_audit (db, "test", "Witness A", "detail", &error));
  g_assert_no_error (error);
  audits = ws_database_count_audit (db, NULL);
  g_assert_cmpuint (audits, ==, 1);
  g_assert_cmpuint (ws_database_count_audit (db, "test"), ==, 1);
  g_assert_cmpuint (ws_database_count_audit (db, "other"), ==, 0);

  g_assert_false (_ws_database_exec (db, "UPDATE audit SET actor = 'someone else'", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "audit trail cannot be changed"));
  g_clear_error (&error);
  g_assert_false (_ws_database_exec (db, "DELETE FROM audit", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (ws_database_count_audit (db, NULL), ==, audits);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM audit WHERE actor = 'someone else'"), ==, 0);

  /* Consent cannot expire before it was given. */
  g_assert_false (_ws_database_exec (db, "INSERT INTO consent (person_id, recipient, purpose, given_on, expires_on)"
                                         " VALUES (1, 'NGO', 'shelter', '2024-05-01', '2024-04-01')", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
}

static void
test_foreign_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(WsDatabase) db = ws_test_open_db (fixture->path);
  g_autoptr(WsPerson) person = ws_person_new ();
  g_autoptr(WsIdentity) identity = ws_identity_new ();
  g_autoptr(WsIdentity) after = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id = insert_case (db, "C-1");

  g_assert_false (_ws_database_exec (db, "INSERT INTO measure (case_id, type) VALUES (9999, 'screen')", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
  g_clear_error (&error);

  ws_person_set_pseudonym (person, "Witness Rose");
  ws_person_set_languages (person, (const char *[]) { "French", NULL });
  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, "Rosa Example");
  ws_test_save_person (db, person, identity);
  ws_database_link_party (db, case_id, ws_person_get_id (person), WS_PARTY_ROLE_VICTIM_WITNESS, "Witness A", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_count_rows (db, "case_party"), ==, 1);
  g_assert_cmpint (ws_test_count_rows (db, "person_language"), ==, 1);

  /* Deleting the person with raw SQL: the schema itself cascades. */
  ws_test_exec (db, "DELETE FROM person WHERE id = %lld", (long long) ws_person_get_id (person));
  g_assert_cmpint (ws_test_count_rows (db, "case_party"), ==, 0);
  g_assert_cmpint (ws_test_count_rows (db, "person_language"), ==, 0);
  after = ws_database_read_identity (db, person, &error);
  g_assert_no_error (error);
  g_assert_true (ws_identity_is_empty (after));
  g_assert_cmpint (ws_test_count_rows (db, "court_case"), ==, 1);

  /* A case cascades to its parties, never to the witnesses. */
  g_clear_object (&person);
  person = ws_test_add_person (db, "Witness Iris", NULL);
  ws_database_link_party (db, case_id, ws_person_get_id (person), WS_PARTY_ROLE_WITNESS, "Witness A", &error);
  g_assert_no_error (error);
  ws_test_exec (db, "DELETE FROM court_case WHERE id = %lld", (long long) case_id);
  g_assert_cmpint (ws_test_count_rows (db, "case_party"), ==, 0);
  g_assert_cmpint (ws_test_count_rows (db, "person"), ==, 1);

  found = ws_database_search_identity (db, "rosa");
  g_assert_nonnull (found);
  g_assert_cmpuint (g_hash_table_size (found), ==, 0);
}

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(WsDatabase) db = ws_test_open_db (fixture->path);
  g_autoptr(WsDatabase) again = NULL;
  g_autoptr(GError) error = NULL;

  /* Rollback leaves nothing. */
  g_assert_true (_ws_database_begin (db, &error));
  insert_case (db, "T-1");
  insert_case (db, "T-2");
  g_assert_cmpint (ws_test_count_rows (db, "court_case"), ==, 2);
  _ws_database_rollback (db);
  g_assert_cmpint (ws_test_count_rows (db, "court_case"), ==, 0);
  g_assert_cmpint (ws_test_count_rows (db, "change_history"), ==, 0);

  /* An inner rollback keeps the outer writes. */
  g_assert_true (_ws_database_begin (db, &error));
  insert_case (db, "OUTER-1");
  g_assert_true (_ws_database_begin (db, &error));
  insert_case (db, "INNER-1");
  g_assert_true (_ws_database_begin (db, &error));
  insert_case (db, "INNERMOST-1");
  g_assert_true (_ws_database_commit (db, &error));
  _ws_database_rollback (db);
  insert_case (db, "OUTER-2");
  g_assert_true (_ws_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_count_rows (db, "court_case"), ==, 2);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM court_case WHERE reference LIKE 'INNER%'"), ==, 0);

  /* An inner commit is undone by the outer rollback. */
  g_assert_true (_ws_database_begin (db, &error));
  g_assert_true (_ws_database_begin (db, &error));
  insert_case (db, "GONE-1");
  g_assert_true (_ws_database_commit (db, &error));
  _ws_database_rollback (db);
  g_assert_cmpint (ws_test_count_rows (db, "court_case"), ==, 2);

  /* A commit persists beyond the connection. */
  g_assert_true (_ws_database_begin (db, &error));
  insert_case (db, "KEPT-1");
  g_assert_true (_ws_database_commit (db, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  again = ws_test_open_db (fixture->path);
  g_assert_cmpint (ws_test_count_rows (again, "court_case"), ==, 3);
  g_assert_cmpint (ws_test_query_int (again, "SELECT count(*) FROM court_case WHERE reference = 'KEPT-1'"), ==, 1);
  g_assert_cmpint (sqlite3_get_autocommit (_ws_database_get_handle (again)), ==, 1);
}

static void
test_is_empty (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(WsDatabase) db = ws_test_open_db (fixture->path);
  g_autoptr(WsPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id;

  g_assert_true (ws_database_is_empty (db));
  case_id = insert_case (db, "C-1");
  g_assert_false (ws_database_is_empty (db));
  ws_database_delete_case (db, case_id, &error);
  g_assert_no_error (error);
  g_assert_true (ws_database_is_empty (db));

  person = ws_test_add_person (db, "Witness Rose", NULL);
  g_assert_false (ws_database_is_empty (db));
  ws_database_delete_person (db, ws_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_true (ws_database_is_empty (db));

  ws_test_exec (db, "INSERT INTO site (name, kind, zone) VALUES ('Room 1', 'court-room', 'Europe/Vienna')");
  g_assert_false (ws_database_is_empty (db));
}

static void
test_two_connections (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(WsDatabase) first = ws_test_open_db (fixture->path);
  g_autoptr(WsDatabase) second = ws_test_open_db (fixture->path);
  g_autoptr(WsCase) court_case = ws_case_new ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal_mode = ws_test_query_text (second, "PRAGMA journal_mode");

  g_assert_cmpstr (journal_mode, ==, "wal");
  insert_case (first, "SEEN-1");
  cases = ws_database_list_cases (second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpstr (ws_case_get_reference (g_ptr_array_index (cases, 0)), ==, "SEEN-1");

  /* While the first writes, the second still reads the last commit. */
  g_assert_true (_ws_database_begin (first, &error));
  insert_case (first, "PENDING-1");
  g_assert_cmpint (ws_test_count_rows (second, "court_case"), ==, 1);

  /* ...and a writer on the second gives up with "busy" instead of
   * waiting forever. */
  sqlite3_busy_timeout (_ws_database_get_handle (second), 50);
  ws_case_set_reference (court_case, "BLOCKED-1");
  ws_case_set_court (court_case, "Regional Court");
  g_assert_false (ws_database_save_case (second, court_case, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpint (ws_case_get_id (court_case), ==, 0);

  g_assert_true (_ws_database_commit (first, &error));
  g_assert_cmpint (ws_test_count_rows (second, "court_case"), ==, 2);

  ws_database_save_case (second, court_case, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_count_rows (first, "court_case"), ==, 3);
}

static void
test_actor (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(WsDatabase) db = ws_test_open_db (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (ws_database_get_actor_role (db), ==, WS_ROLE_OFFICER);
  ws_database_set_actor (db, "Petra Prosecutor", WS_ROLE_PROSECUTOR);
  g_assert_cmpstr (ws_database_get_actor_name (db), ==, "Petra Prosecutor");
  g_assert_cmpint (ws_database_get_actor_role (db), ==, WS_ROLE_PROSECUTOR);

  g_assert_true (_ws_database_audit (db, "looked", NULL, NULL, &error));
  g_assert_true (_ws_database_record_change (db, "case", 7, "edited", &error));
  g_assert_no_error (error);

  stmt = _ws_database_prepare (db, "SELECT actor, role, pseudonym, detail FROM audit", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Petra Prosecutor");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "prosecutor");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "");
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _ws_database_prepare (db, "SELECT actor, subject, subject_id, change FROM change_history", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Petra Prosecutor");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "case");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, 7);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "edited");
}

static void
changed_cb (WsDatabase *db,
            guint      *count)
{
  (*count)++;
}

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(WsDatabase) db = ws_test_open_db (fixture->path);
  guint count = 0;

  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &count);
  ws_database_emit_changed (db);
  g_assert_cmpuint (count, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/ws/database/" name, Fixture, NULL, ws_test_path_fixture_set_up, func, ws_test_path_fixture_tear_down)
  g_test_add_func ("/ws/database/default-path", test_default_path);
  ADD ("create", test_create);
  ADD ("migrate-empty-file", test_migrate_empty_file);
  ADD ("cancelled", test_cancelled);
  ADD ("open-error", test_open_error);
  ADD ("reopen-keeps-data", test_reopen_keeps_data);
  ADD ("newer-refused", test_newer_refused);
  ADD ("not-sqlite-refused", test_not_sqlite_refused);
  ADD ("other-application-refused", test_other_application_refused);
  ADD ("migration-failure", test_migration_failure);
  ADD ("check-constraints", test_check_constraints);
  ADD ("foreign-keys", test_foreign_keys);
  ADD ("transactions", test_transactions);
  ADD ("is-empty", test_is_empty);
  ADD ("two-connections", test_two_connections);
  ADD ("actor", test_actor);
  ADD ("changed-signal", test_changed_signal);
#undef ADD

  return g_test_run ();
}
