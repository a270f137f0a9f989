/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-security"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ws-access.h"
#include "ws-audit.h"
#include "ws-backup.h"
#include "ws-database-private.h"
#include "ws-exchange.h"
#include "ws-identity-private.h"
#include "ws-profile-private.h"
#include "ws-rules.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-text.h"

/* Profiles and keys, permissions per role, the audit chain, backups and
 * what an attacker holding the files could read. */

typedef WsTestFixture Fixture;

#define ADMIN_PASS "admin passphrase"
#define OFFICER_PASS "officer passphrase"
#define PROSECUTOR_PASS "prosecutor passphrase"
#define INTERPRETER_PASS "interpreter passphrase"

/* Identity that must never be found in the files. */
static const char *const secrets[] = {
  "Valentina Morozova", "1994-07-23", "+43 660 5550199", "Rennweg 44",
  "Kostyantyn Bilyk", "2001-11-02", "+380 44 555 0123", "Vulytsia Khreshchatyk 15",
};

static WsIdentity *
identity_of (guint n)
{
  WsIdentity *identity = ws_identity_new ();

  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, secrets[4 * n]);
  ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, secrets[4 * n + 1]);
  ws_identity_set_list (identity, WS_IDENTITY_PHONES, (const char *[]) { secrets[4 * n + 2], NULL });
  ws_identity_set_list (identity, WS_IDENTITY_ADDRESSES, (const char *[]) { secrets[4 * n + 3], NULL });
  return identity;
}

/* Every role a profile; the fixture's administrator stays unlocked. */
static void
add_all_profiles (WsDatabase *db)
{
  ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_ADMINISTRATOR);
  ws_test_add_profile (db, "Oksana Officer", WS_ROLE_OFFICER, OFFICER_PASS);
  ws_test_add_profile (db, "Paul Prosecutor", WS_ROLE_PROSECUTOR, PROSECUTOR_PASS);
  ws_test_add_profile (db, "Ines Interpreter", WS_ROLE_INTERPRETER, INTERPRETER_PASS);
  ws_test_add_profile (db, "Ada Admin", WS_ROLE_ADMINISTRATOR, ADMIN_PASS);
}

static void
unlock (WsDatabase *db,
        const char *name,
        const char *passphrase)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ws_database_unlock (db, name, passphrase, &error));
  g_assert_no_error (error);
  g_assert_false (ws_database_is_locked (db));
  g_assert_cmpstr (ws_database_get_profile_name (db), ==, name);
}

static WsPerson *
add_witness (WsDatabase *db,
             const char *pseudonym,
             guint       n)
{
  g_autoptr(WsIdentity) identity = identity_of (n);

  return ws_test_add_person (db, pseudonym, identity);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize length = strlen (needle);

  for (gsize i = 0; i + length <= size; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */

static void
test_first_profile (void)
{
  g_autofree char *dir = ws_test_make_tmp_dir ("ws-security-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "ws.db", NULL);
  g_autoptr(WsDatabase) db = ws_test_open_db (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) profiles = NULL;
  g_autoptr(WsProfile) first = NULL;

  g_assert_false (ws_database_is_protected (db));
  g_assert_false (ws_database_is_locked (db));

  g_assert_false (ws_database_create_profile (db, "Olga", WS_ROLE_OFFICER, "long enough", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ws_database_create_profile (db, "Olga", WS_ROLE_ADMINISTRATOR, "short", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ws_database_create_profile (db, "   ", WS_ROLE_ADMINISTRATOR, "long enough", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ws_database_is_protected (db));

  g_assert_true (ws_database_create_profile (db, "Olga", WS_ROLE_ADMINISTRATOR, ADMIN_PASS, &error));
  g_assert_no_error (error);
  g_assert_true (ws_database_is_protected (db));
  g_assert_cmpstr (ws_database_get_profile_name (db), ==, "Olga");
  g_assert_cmpint (ws_database_get_actor_role (db), ==, WS_ROLE_ADMINISTRATOR);
  g_assert_cmpuint (ws_database_count_audit (db, "profile-created"), ==, 1);
  g_assert_cmpuint (ws_database_count_audit (db, "login"), ==, 1);

  profiles = ws_database_list_profiles (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 1);
  first = g_list_model_get_item (profiles, 0);
  g_assert_cmpstr (ws_profile_get_name (first), ==, "Olga");
  g_assert_true (ws_profile_holds_key (first));
  g_assert_true (ws_profile_has_passphrase (first));

  /* The passphrase is not stored anywhere in the row. */
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM user_profile WHERE"
                                          " instr(CAST(salt AS TEXT) || CAST(verifier AS TEXT) ||"
                                          " CAST(wrapped_key AS TEXT), 'admin passphrase') > 0"), ==, 0);

  g_clear_object (&first);
  g_clear_object (&profiles);
  ws_test_close_tmp_db (g_steal_pointer (&db), g_steal_pointer (&dir));
}

/* What each role may ask the data layer for, asked for real. */
static void
test_role_permissions (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { const char *name, *passphrase; WsRole role; } people[] = {
    { "Oksana Officer", OFFICER_PASS, WS_ROLE_OFFICER },
    { "Paul Prosecutor", PROSECUTOR_PASS, WS_ROLE_PROSECUTOR },
    { "Ines Interpreter", INTERPRETER_PASS, WS_ROLE_INTERPRETER },
    { "Ada Admin", ADMIN_PASS, WS_ROLE_ADMINISTRATOR },
  };
  g_autoptr(WsPerson) person = add_witness (f->db, "Witness Rose", 0);
  g_autoptr(WsCase) court_case = ws_test_add_case (f->db, "T-1", "Vienna Regional Court");

  add_all_profiles (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      WsRole role = people[i].role;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) persons = NULL;
      g_autoptr(GPtrArray) cases = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(WsIdentity) identity = NULL;
      g_autoptr(GListModel) audit = NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(WsPerson) edited = ws_person_copy (person);
      g_autofree char *exported = NULL;
      g_autofree char *backup = g_build_filename (f->dir, "role.db", NULL);

      g_test_message ("role %s", people[i].name);
      unlock (f->db, people[i].name, people[i].passphrase);
      g_assert_cmpint (ws_database_get_actor_role (f->db), ==, role);

      for (guint p = 0; p < WS_PERMISSION_LAST; p++)
        g_assert_cmpint (ws_database_may (f->db, p), ==, ws_role_may (role, p));

      persons = ws_database_list_persons (f->db, NULL, &error);
      g_assert_true ((persons != NULL) == ws_role_may (role, WS_PERMISSION_READ_PERSONS));
      if (persons == NULL)
        g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
      g_clear_error (&error);

      identity = ws_database_read_identity (f->db, person, &error);
      g_assert_true ((identity != NULL) == ws_role_may (role, WS_PERMISSION_READ_IDENTITY));
      if (identity != NULL)
        g_assert_cmpstr (ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME), ==, secrets[0]);
      else
        g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
      g_clear_error (&error);

      ws_person_set_notes (edited, people[i].name);
      g_assert_cmpint (ws_database_save_person (f->db, edited, NULL, &error), ==,
                       ws_role_may (role, WS_PERMISSION_EDIT_PERSONS));
      g_clear_error (&error);

      cases = ws_database_list_cases (f->db, NULL, &error);
      g_assert_true ((cases != NULL) == ws_role_may (role, WS_PERMISSION_READ_CASES));
      g_clear_error (&error);

      findings = ws_rules_evaluate (f->db, now, NULL, &error);
      g_assert_true ((findings != NULL) == ws_role_may (role, WS_PERMISSION_READ_ATTENTION));
      g_clear_error (&error);

      exported = ws_exchange_export_to_data (f->db, NULL, &error);
      g_assert_true ((exported != NULL) == ws_role_may (role, WS_PERMISSION_BACKUP));
      if (exported == NULL)
        g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
      g_clear_error (&error);

      g_assert_cmpint (ws_database_backup (f->db, backup, NULL, &error), ==,
                       ws_role_may (role, WS_PERMISSION_BACKUP));
      g_clear_error (&error);

      audit = ws_database_list_audit (f->db, NULL, NULL, NULL, NULL, 0, &error);
      g_assert_true ((audit != NULL) == ws_role_may (role, WS_PERMISSION_READ_AUDIT));
      g_clear_error (&error);

      g_assert_cmpint (ws_database_create_profile (f->db, "Newcomer", WS_ROLE_INTERPRETER, "newcomer pass", &error), ==,
                       ws_role_may (role, WS_PERMISSION_MANAGE_PROFILES));
      if (ws_role_may (role, WS_PERMISSION_MANAGE_PROFILES))
        g_assert_true (ws_database_remove_profile (f->db, "Newcomer", &error));
      else
        g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
      g_clear_error (&error);
      ws_database_lock (f->db);
    }
}

static void
test_locked_refuses (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WsPerson) person = add_witness (f->db, "Witness Rose", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(WsIdentity) identity = NULL;
  g_autofree char *query = ws_text_fold ("morozova");

  ws_database_lock (f->db);
  g_assert_true (ws_database_is_locked (f->db));
  g_assert_null (ws_database_get_profile_name (f->db));
  g_assert_null (_ws_database_get_identity_key (f->db));
  for (guint p = 0; p < WS_PERMISSION_LAST; p++)
    g_assert_false (ws_database_may (f->db, p));

  persons = ws_database_list_persons (f->db, NULL, &error);
  g_assert_null (persons);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_LOCKED);
  g_clear_error (&error);
  identity = ws_database_read_identity (f->db, person, &error);
  g_assert_null (identity);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_null (ws_database_search_identity (f->db, query));
  g_assert_cmpuint (ws_database_count_audit (f->db, "lock"), ==, 1);

  /* Claiming a role on a locked database is refused. */
  g_test_expect_message ("ws-database", G_LOG_LEVEL_CRITICAL, "*protected database*");
  ws_database_set_actor (f->db, "Mallory", WS_ROLE_OFFICER);
  g_test_assert_expected_messages ();
  g_assert_true (ws_database_is_locked (f->db));

  unlock (f->db, WS_TEST_OFFICER, WS_TEST_PASSPHRASE);
  identity = ws_database_read_identity (f->db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME), ==, secrets[0]);
  {
    g_autoptr(GHashTable) found = ws_database_search_identity (f->db, query);

    g_assert_nonnull (found);
    g_assert_cmpuint (g_hash_table_size (found), ==, 1);
  }
}

static void
test_wrong_passphrase (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unknown = NULL;
  guint failed = ws_database_count_audit (f->db, "login-failed");
  guint logins = ws_database_count_audit (f->db, "login");

  g_assert_false (ws_database_unlock (f->db, WS_TEST_OFFICER, "not the passphrase", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BAD_PASSPHRASE);
  g_assert_true (ws_database_is_locked (f->db));
  g_assert_null (_ws_database_get_identity_key (f->db));
  g_assert_cmpuint (ws_database_count_audit (f->db, "login-failed"), ==, failed + 1);

  /* An unknown name reads the same as a wrong passphrase. */
  g_assert_false (ws_database_unlock (f->db, "Nobody", "whatever it is", &unknown));
  g_assert_error (unknown, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BAD_PASSPHRASE);
  g_assert_cmpstr (unknown->message, ==, error->message);
  g_assert_cmpuint (ws_database_count_audit (f->db, "login-failed"), ==, failed + 2);
  g_assert_cmpuint (ws_database_count_audit (f->db, "login"), ==, logins);
  /* The failed attempt neither gives the passphrase tried nor a name typed. */
  g_assert_cmpint (ws_test_query_int (f->db, "SELECT count(*) FROM audit WHERE detail LIKE '%not the passphrase%'"
                                             " OR detail LIKE '%Nobody%'"), ==, 0);

  unlock (f->db, WS_TEST_OFFICER, WS_TEST_PASSPHRASE);
  g_assert_cmpuint (ws_database_count_audit (f->db, "login"), ==, logins + 1);
}

static void
test_rewrap (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WsPerson) person = add_witness (f->db, "Witness Rose", 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *wrapped_before = NULL;
  g_autofree char *wrapped_after = NULL;

  add_all_profiles (f->db);
  wrapped_before = ws_test_query_text (f->db, "SELECT hex(wrapped_key) FROM user_profile WHERE name = 'Oksana Officer'");

  /* The wrong old passphrase changes nothing. */
  g_assert_false (ws_database_change_passphrase (f->db, "Oksana Officer", "wrong old one", "a new passphrase", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);

  g_assert_true (ws_database_change_passphrase (f->db, "Oksana Officer", OFFICER_PASS, "a new passphrase", &error));
  g_assert_no_error (error);
  wrapped_after = ws_test_query_text (f->db, "SELECT hex(wrapped_key) FROM user_profile WHERE name = 'Oksana Officer'");
  g_assert_cmpstr (wrapped_before, !=, wrapped_after);
  g_assert_cmpuint (ws_database_count_audit (f->db, "passphrase-changed"), ==, 1);

  ws_database_lock (f->db);
  g_assert_false (ws_database_unlock (f->db, "Oksana Officer", OFFICER_PASS, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);
  unlock (f->db, "Oksana Officer", "a new passphrase");
  {
    g_autoptr(WsIdentity) identity = ws_database_read_identity (f->db, person, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME), ==, secrets[0]);
  }

  /* An officer may not reset another's passphrase; an administrator may. */
  g_assert_false (ws_database_change_passphrase (f->db, "Ada Admin", NULL, "taken over!", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  ws_database_lock (f->db);
  unlock (f->db, WS_TEST_OFFICER, WS_TEST_PASSPHRASE);
  g_assert_true (ws_database_change_passphrase (f->db, "Oksana Officer", NULL, "reset by admin", &error));
  g_assert_no_error (error);
  ws_database_lock (f->db);
  unlock (f->db, "Oksana Officer", "reset by admin");
  g_assert_nonnull (_ws_database_get_identity_key (f->db));
}

static void
test_remove_profile (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add_all_profiles (f->db);
  g_assert_cmpint (ws_test_query_int (f->db, "SELECT count(*) FROM user_profile WHERE wrapped_key IS NOT NULL"), ==, 3);

  g_assert_true (ws_database_remove_profile (f->db, "Oksana Officer", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_query_int (f->db, "SELECT count(*) FROM user_profile WHERE wrapped_key IS NOT NULL"), ==, 2);
  g_assert_cmpuint (ws_database_count_audit (f->db, "profile-removed"), ==, 1);

  g_assert_false (ws_database_remove_profile (f->db, "Oksana Officer", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ws_database_remove_profile (f->db, WS_TEST_OFFICER, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  ws_database_lock (f->db);
  g_assert_false (ws_database_unlock (f->db, "Oksana Officer", OFFICER_PASS, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);

  /* Two administrators: one may go, the last may not. */
  unlock (f->db, "Ada Admin", ADMIN_PASS);
  g_assert_true (ws_database_remove_profile (f->db, WS_TEST_OFFICER, &error));
  g_assert_no_error (error);
  g_assert_true (ws_database_remove_profile (f->db, "Paul Prosecutor", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_query_int (f->db, "SELECT count(*) FROM user_profile WHERE role = 'administrator'"), ==, 1);
}

static void
test_role_change (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(WsPerson) person = add_witness (f->db, "Witness Rose", 0);
  g_autoptr(GError) error = NULL;

  add_all_profiles (f->db);

  /* Promotion needs the person's own passphrase to wrap the key for them. */
  g_assert_false (ws_database_set_profile_role (f->db, "Paul Prosecutor", WS_ROLE_OFFICER, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ws_database_set_profile_role (f->db, "Paul Prosecutor", WS_ROLE_OFFICER, "a wrong guess", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (ws_database_set_profile_role (f->db, "Paul Prosecutor", WS_ROLE_OFFICER, PROSECUTOR_PASS, &error));
  g_assert_no_error (error);
  g_assert_true (ws_database_set_profile_role (f->db, "Oksana Officer", WS_ROLE_INTERPRETER, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ws_database_count_audit (f->db, "profile-role"), ==, 2);
  g_assert_cmpint (ws_test_query_int (f->db, "SELECT wrapped_key IS NULL FROM user_profile WHERE name = 'Oksana Officer'"), ==, 1);

  /* One's own role is changed by someone else. */
  g_assert_false (ws_database_set_profile_role (f->db, WS_TEST_OFFICER, WS_ROLE_OFFICER, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  ws_database_lock (f->db);
  unlock (f->db, "Paul Prosecutor", PROSECUTOR_PASS);
  {
    g_autoptr(WsIdentity) identity = ws_database_read_identity (f->db, person, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME), ==, secrets[0]);
  }
  ws_database_lock (f->db);
  unlock (f->db, "Oksana Officer", OFFICER_PASS);
  g_assert_null (_ws_database_get_identity_key (f->db));
}

/* A prosecutor holding the database file and their passphrase still
 * cannot read identity: there is no key to unwrap, and narrowing rules
 * stop them from claiming an officer's role. */
static void
test_prosecutor_cannot_decrypt (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(WsPerson) person = add_witness (f->db, "Witness Rose", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDatabase) copy = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "stolen.db", NULL);

  add_all_profiles (f->db);
  g_assert_cmpint (ws_test_query_int (f->db, "SELECT count(*) FROM user_profile WHERE wrapped_key IS NOT NULL"
                                             " AND role IN ('prosecutor', 'interpreter')"), ==, 0);
  g_assert_true (ws_database_backup (f->db, copy_path, NULL, &error));
  g_assert_no_error (error);

  copy = ws_database_new (copy_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ws_database_is_locked (copy));
  unlock (copy, "Paul Prosecutor", PROSECUTOR_PASS);
  g_assert_null (_ws_database_get_identity_key (copy));

  g_test_expect_message ("ws-database", G_LOG_LEVEL_CRITICAL, "*protected database*");
  ws_database_set_actor (copy, "Paul Prosecutor", WS_ROLE_OFFICER);
  g_test_assert_expected_messages ();
  g_assert_cmpint (ws_database_get_actor_role (copy), ==, WS_ROLE_PROSECUTOR);
  g_assert_null (ws_database_read_identity (copy, person, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Even past the role check, the row does not open without the key. */
  {
    g_autoptr(GHashTable) all = NULL;

    _ws_database_lock (copy);
    _ws_database_set_headless (copy, "bypass");
    _ws_database_begin_session (copy, "bypass", WS_ROLE_OFFICER, NULL);
    all = _ws_identity_load_all (copy, "test", &error);
    _ws_database_unlock (copy);
    g_assert_null (all);
    g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_LOCKED);
  }
}

/* A sealed row copied onto another person does not open there. */
static void
test_rows_bound_to_person (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WsPerson) rose = add_witness (f->db, "Witness Rose", 0);
  g_autoptr(WsPerson) iris = add_witness (f->db, "Witness Iris", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(WsIdentity) read = NULL;

  ws_test_exec (f->db, "UPDATE identity SET document = (SELECT document FROM identity WHERE person_id = %lld)"
                       " WHERE person_id = %lld",
                (long long) ws_person_get_id (rose), (long long) ws_person_get_id (iris));
  read = ws_database_read_identity (f->db, iris, &error);
  g_assert_null (read);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DAMAGED);
  g_assert_null (strstr (error->message, secrets[0]));
}

static void
checkpoint_and_scan (WsDatabase *db,
                     const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-journal" };

  for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[s], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (!g_file_test (file, G_FILE_TEST_EXISTS))
        continue;
      bytes = ws_test_read_bytes (file);
      for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
        if (bytes_contain (bytes, secrets[i]))
          g_error ("%s holds “%s”", file, secrets[i]);
    }
}

/* The files on disk hold no name, date of birth, phone or address. */
static void
test_raw_bytes (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(WsPerson) rose = add_witness (f->db, "Witness Rose", 0);
  g_autoptr(WsPerson) iris = add_witness (f->db, "Witness Iris", 1);
  g_autoptr(WsIdentity) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = ws_text_fold ("bilyk");
  g_autoptr(GHashTable) found = NULL;
  const char *path = ws_database_get_path (f->db);

  /* Read and searched, so the audit trail and index have seen them. */
  read = ws_database_read_identity (f->db, iris, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_identity_get_text (read, WS_IDENTITY_DATE_OF_BIRTH), ==, secrets[5]);
  found = ws_database_search_identity (f->db, query);
  g_assert_cmpuint (g_hash_table_size (found), ==, 1);

  /* Before the checkpoint the rows sit in the WAL; after it, in the file. */
  checkpoint_and_scan (f->db, path);
  ws_test_exec (f->db, "PRAGMA wal_checkpoint(FULL)");
  checkpoint_and_scan (f->db, path);

  /* The check can fail: the same witnesses in an unprotected database
   * are found in the raw bytes. */
  {
    g_autofree char *plain_path = g_build_filename (f->dir, "plain.db", NULL);
    g_autoptr(WsDatabase) plain = ws_test_open_db (plain_path);
    g_autoptr(WsPerson) p = NULL;
    g_autoptr(GBytes) bytes = NULL;

    ws_database_set_actor (plain, WS_TEST_OFFICER, WS_ROLE_OFFICER);
    p = add_witness (plain, "Witness Rose", 0);
    ws_test_exec (plain, "PRAGMA wal_checkpoint(TRUNCATE)");
    bytes = ws_test_read_bytes (plain_path);
    g_assert_true (bytes_contain (bytes, secrets[0]));
  }
}

/* A database made before profiles: creating the administrator seals the
 * plain rows in the same step, and leaves none in the files. */
static void
test_upgrade_encrypts (void)
{
  g_autofree char *dir = ws_test_make_tmp_dir ("ws-security-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "ws.db", NULL);
  g_autoptr(WsDatabase) db = ws_test_open_db (path);
  g_autoptr(WsPerson) rose = NULL;
  g_autoptr(WsPerson) iris = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WsIdentity) read = NULL;

  ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_OFFICER);
  rose = add_witness (db, "Witness Rose", 0);
  iris = add_witness (db, "Witness Iris", 1);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM identity WHERE hex(substr(document, 1, 1)) = hex('{')"), ==, 2);

  ws_test_protect (db);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM identity WHERE hex(substr(document, 1, 4)) = hex('WSI1')"), ==, 2);
  checkpoint_and_scan (db, path);
  ws_test_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  checkpoint_and_scan (db, path);

  read = ws_database_read_identity (db, rose, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_identity_get_text (read, WS_IDENTITY_LEGAL_NAME), ==, secrets[0]);
  ws_test_close_tmp_db (g_steal_pointer (&db), g_steal_pointer (&dir));
}

static void
test_headless (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(WsPerson) rose = add_witness (f->db, "Witness Rose", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;

  g_assert_true (ws_database_act_without_key (f->db, "script", &error));
  g_assert_no_error (error);
  g_assert_false (ws_database_is_locked (f->db));
  g_assert_null (_ws_database_get_identity_key (f->db));
  g_assert_cmpint (ws_database_get_actor_role (f->db), ==, WS_ROLE_PROSECUTOR);
  cases = ws_database_list_cases (f->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (ws_database_read_identity (f->db, rose, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_assert_cmpuint (ws_database_count_audit (f->db, "headless"), ==, 1);
}

/* ------------------------------------------------------------------ */

static void
test_audit_chain (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(WsPerson) rose = add_witness (f->db, "Witness Rose", 0);
  g_autoptr(GError) error = NULL;
  guint checked = 0;
  gint64 broken = -1;
  gint64 middle;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(WsIdentity) read = ws_database_read_identity (f->db, rose, &error);

      g_assert_no_error (error);
    }
  g_assert_true (ws_database_verify_audit (f->db, &checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (checked, ==, ws_database_count_audit (f->db, NULL));
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (ws_test_query_int (f->db, "SELECT count(*) FROM audit WHERE hash = ''"), ==, 0);

  /* Someone with the file drops the trigger and rewrites one record. */
  middle = ws_test_query_int (f->db, "SELECT id FROM audit WHERE action = 'identity-read' ORDER BY id LIMIT 1 OFFSET 2");
  ws_test_exec (f->db, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;"
                       "UPDATE audit SET actor = 'Nobody' WHERE id = %lld", (long long) middle);
  g_assert_false (ws_database_verify_audit (f->db, &checked, &broken, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_TAMPERED);
  g_assert_cmpint (broken, ==, middle);
  g_clear_error (&error);
}

static void
test_audit_chain_deleted (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(WsPerson) rose = add_witness (f->db, "Witness Rose", 0);
  g_autoptr(GError) error = NULL;
  gint64 broken = 0;
  gint64 victim;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(WsIdentity) read = ws_database_read_identity (f->db, rose, &error);

      g_assert_no_error (error);
    }
  victim = ws_test_query_int (f->db, "SELECT id FROM audit WHERE action = 'identity-read' ORDER BY id LIMIT 1");
  ws_test_exec (f->db, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = %lld", (long long) victim);
  g_assert_false (ws_database_verify_audit (f->db, NULL, &broken, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_TAMPERED);
  /* The record after the gap no longer links to its predecessor. */
  g_assert_cmpint (broken, ==, victim + 1);
}

/* Records written before the chain existed are covered by the first
 * chained record. */
static void
test_audit_legacy_rows (void)
{
  g_autofree char *dir = ws_test_make_tmp_dir ("ws-security-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "ws.db", NULL);
  g_autoptr(WsDatabase) db = ws_test_open_db (path);
  g_autoptr(GError) error = NULL;
  gint64 broken = 0;

  ws_test_exec (db, "INSERT INTO audit (at, actor, role, action) VALUES ('2024-01-01T00:00:00Z', 'Old', 'officer', 'identity-read');"
                    "INSERT INTO audit (at, actor, role, action) VALUES ('2024-01-02T00:00:00Z', 'Old', 'officer', 'print')");
  g_assert_true (ws_database_verify_audit (db, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ws_database_audit_event (db, "print", "Witness Rose", NULL, &error));
  g_assert_true (ws_database_verify_audit (db, NULL, NULL, &error));
  g_assert_no_error (error);

  ws_test_exec (db, "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'Changed' WHERE id = 1");
  g_assert_false (ws_database_verify_audit (db, NULL, &broken, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_TAMPERED);
  g_assert_cmpint (broken, ==, 3);
  ws_test_close_tmp_db (g_steal_pointer (&db), g_steal_pointer (&dir));
}

static void
test_audit_query (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(WsPerson) rose = add_witness (f->db, "Witness Rose", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) reads = NULL;
  g_autoptr(GListModel) by_actor = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GListModel) limited = NULL;
  g_autoptr(GDateTime) since = g_date_time_new_utc (2030, 1, 1, 0, 0, 0);
  g_autoptr(WsAuditRecord) first = NULL;
  g_auto(GStrv) actions = NULL;

  add_all_profiles (f->db);
  ws_database_lock (f->db);
  unlock (f->db, "Oksana Officer", OFFICER_PASS);
  {
    g_autoptr(WsIdentity) read = ws_database_read_identity (f->db, rose, &error);

    g_assert_no_error (error);
  }
  g_assert_null (ws_database_list_audit (f->db, NULL, NULL, NULL, NULL, 0, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);

  ws_database_lock (f->db);
  unlock (f->db, "Ada Admin", ADMIN_PASS);
  reads = ws_database_list_audit (f->db, NULL, "identity-read", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (reads), ==, 1);
  first = g_list_model_get_item (reads, 0);
  g_assert_cmpstr (ws_audit_record_get_actor (first), ==, "Oksana Officer");
  g_assert_cmpstr (ws_audit_record_get_profile (first), ==, "Oksana Officer");
  g_assert_cmpint (ws_audit_record_get_role (first), ==, WS_ROLE_OFFICER);
  g_assert_cmpstr (ws_audit_record_get_pseudonym (first), ==, "Witness Rose");
  g_assert_cmpstr (ws_audit_action_get_label (ws_audit_record_get_action (first)), ==, "Identity read");

  by_actor = ws_database_list_audit (f->db, "oksana", NULL, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_actor), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (by_actor); i++)
    {
      g_autoptr(WsAuditRecord) record = g_list_model_get_item (by_actor, i);

      g_assert_true (strstr (ws_audit_record_get_actor (record), "Oksana") != NULL ||
                     strstr (ws_audit_record_get_profile (record), "Oksana") != NULL ||
                     strstr (ws_audit_record_get_detail (record), "Oksana") != NULL);
    }
  none = ws_database_list_audit (f->db, NULL, NULL, since, NULL, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  limited = ws_database_list_audit (f->db, NULL, NULL, NULL, since, 2, &error);
  g_assert_cmpuint (g_list_model_get_n_items (limited), ==, 2);

  actions = ws_database_list_audit_actions (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) actions, "login"));
  g_assert_true (g_strv_contains ((const char * const *) actions, "identity-read"));

  /* No record anywhere holds identity. */
  g_assert_cmpint (ws_test_query_int (f->db, "SELECT count(*) FROM audit WHERE instr(detail || pseudonym || actor,"
                                             " 'Morozova') > 0"), ==, 0);
}

/* ------------------------------------------------------------------ */

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WsPerson) rose = add_witness (f->db, "Witness Rose", 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *target = g_build_filename (f->dir, "restored.db", NULL);
  g_autoptr(WsDatabase) restored = NULL;
  g_autoptr(WsPerson) found = NULL;
  g_autoptr(WsIdentity) read = NULL;

  g_assert_true (ws_database_backup (f->db, backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ws_test_file_mode (backup), ==, 0600);
  g_assert_cmpuint (ws_database_count_audit (f->db, "backup"), ==, 1);
  g_assert_true (ws_database_check_file (backup, &error));
  {
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  /* Changes after the backup are not in it. */
  {
    g_autoptr(WsPerson) later = add_witness (f->db, "Witness Iris", 1);
  }

  g_assert_true (ws_database_restore (backup, target, &error));
  g_assert_no_error (error);
  restored = ws_test_open_db (target);
  g_assert_false (ws_database_is_locked (restored));
  found = ws_database_find_person (restored, "Witness Rose", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_null (ws_database_find_person (restored, "Witness Iris", NULL));
  read = ws_database_read_identity (restored, found, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_identity_get_text (read, WS_IDENTITY_LEGAL_NAME), ==, secrets[0]);
  g_assert_true (ws_database_verify_audit (restored, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_restore_refused (const char *source,
                        const char *target,
                        GBytes     *before,
                        gint        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_false (ws_database_restore (source, target, &error));
  g_assert_error (error, WS_DATABASE_ERROR, code);
  after = ws_test_read_bytes (target);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_restore_refuses (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (f->dir, "target.db", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.db", NULL);
  g_autofree char *corrupt = g_build_filename (f->dir, "corrupt.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) good = NULL;
  sqlite3 *handle = NULL;
  guint8 *damaged;
  gsize size;

  {
    g_autoptr(WsPerson) rose = add_witness (f->db, "Witness Rose", 0);
  }
  g_assert_true (ws_database_backup (f->db, target, NULL, &error));
  g_assert_no_error (error);
  before = ws_test_read_bytes (target);

  g_assert_true (g_file_set_contents (junk, "this is not a database at all, just words", -1, &error));
  assert_restore_refused (junk, target, before, WS_DATABASE_ERROR_NOT_OURS);

  g_assert_cmpint (sqlite3_open (foreign, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  assert_restore_refused (foreign, target, before, WS_DATABASE_ERROR_NOT_OURS);

  assert_restore_refused (missing, target, before, WS_DATABASE_ERROR_OPEN);

  /* A real backup with pages scribbled over past the header. */
  g_assert_true (ws_database_backup (f->db, corrupt, NULL, &error));
  good = ws_test_read_bytes (corrupt);
  size = g_bytes_get_size (good);
  damaged = g_memdup2 (g_bytes_get_data (good, NULL), size);
  g_assert_cmpuint (size, >, 8192);
  for (gsize i = 4096 + 16; i < size; i += 97)
    damaged[i] ^= 0x5a;
  g_assert_true (g_file_set_contents (corrupt, (const char *) damaged, size, &error));
  g_free (damaged);
  g_assert_false (ws_database_check_file (corrupt, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autoptr(GBytes) after = NULL;

    g_assert_false (ws_database_restore (corrupt, target, &error));
    g_assert_nonnull (error);
    after = ws_test_read_bytes (target);
    g_assert_true (g_bytes_equal (before, after));
  }
}

static void
test_backup_rotating (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *last = NULL;
  guint count = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_free (last);
      last = ws_database_backup_rotating (f->db, NULL, 3, &error);
      g_assert_no_error (error);
      g_assert_nonnull (last);
      g_assert_true (g_str_has_prefix (last, folder));
    }
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (dir) != NULL)
    count++;
  g_assert_cmpuint (count, ==, 3);
  if (!g_file_test (last, G_FILE_TEST_EXISTS))
    g_error ("%s is gone", last);
  g_assert_cmpuint (ws_test_file_mode (folder), ==, 0700);

  g_assert_cmpuint (ws_database_count_audit (f->db, "backup-automatic"), ==, 5);

  /* A prosecutor may not take a backup to a file of their choosing, but
   * closing the window still leaves the safety copy. */
  ws_database_set_actor (f->db, "Paul", WS_ROLE_PROSECUTOR);
  {
    g_autofree char *elsewhere = g_build_filename (f->dir, "mine.db", NULL);
    g_autofree char *kept = NULL;

    g_assert_false (ws_database_backup (f->db, elsewhere, NULL, &error));
    g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
    g_clear_error (&error);
    kept = ws_database_backup_rotating (f->db, NULL, 3, &error);
    g_assert_no_error (error);
    g_assert_nonnull (kept);
  }
}

/* Health and the officer's notes belong to the support plan: a role that
 * may not read the plan gets a witness without them, by every way of
 * reading one. */
static void
test_plan_details_withheld (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(WsPerson) person = ws_person_new ();
  g_autoptr(GError) error = NULL;
  static const WsRole roles[] = { WS_ROLE_OFFICER, WS_ROLE_PROSECUTOR, WS_ROLE_ADMINISTRATOR };

  ws_person_set_pseudonym (person, "Witness Heather");
  ws_person_set_vulnerability (person, WS_VULNERABILITY_HEALTH | WS_VULNERABILITY_PREGNANT);
  ws_person_set_notes (person, "Takes medication at midday.");
  ws_test_save_person (f->db, person, NULL);

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      gboolean plan = ws_role_may (roles[r], WS_PERMISSION_READ_PLAN);
      g_autoptr(WsPerson) got = NULL;
      g_autoptr(WsPerson) found = NULL;
      g_autoptr(GPtrArray) all = NULL;
      WsPerson *listed = NULL;

      ws_database_set_actor (f->db, "Someone", roles[r]);
      got = ws_database_get_person (f->db, ws_person_get_id (person), &error);
      g_assert_no_error (error);
      found = ws_database_find_person (f->db, "Witness Heather", &error);
      g_assert_no_error (error);
      all = ws_database_list_persons (f->db, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < all->len; i++)
        if (ws_person_get_id (g_ptr_array_index (all, i)) == ws_person_get_id (person))
          listed = g_ptr_array_index (all, i);
      g_assert_nonnull (listed);

      g_assert_cmpint (ws_person_get_vulnerability (got), ==,
                       plan ? (WS_VULNERABILITY_HEALTH | WS_VULNERABILITY_PREGNANT) : WS_VULNERABILITY_NONE);
      g_assert_cmpint (ws_person_get_vulnerability (found), ==, ws_person_get_vulnerability (got));
      g_assert_cmpint (ws_person_get_vulnerability (listed), ==, ws_person_get_vulnerability (got));
      g_assert_cmpstr (ws_person_get_notes (got), ==, plan ? "Takes medication at midday." : "");
      g_assert_cmpstr (ws_person_get_notes (found), ==, ws_person_get_notes (got));
      g_assert_cmpstr (ws_person_get_notes (listed), ==, ws_person_get_notes (got));
      /* What the prosecutor still sees. */
      g_assert_cmpstr (ws_person_get_pseudonym (got), ==, "Witness Heather");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/ws/security/" name, Fixture, NULL, ws_test_fixture_set_up, func, ws_test_fixture_tear_down)

  g_test_add_func ("/ws/security/first-profile", test_first_profile);
  g_test_add_func ("/ws/security/upgrade-encrypts", test_upgrade_encrypts);
  g_test_add_func ("/ws/security/audit-legacy-rows", test_audit_legacy_rows);
  ADD ("role-permissions", test_role_permissions);
  ADD ("locked-refuses", test_locked_refuses);
  ADD ("wrong-passphrase", test_wrong_passphrase);
  ADD ("rewrap", test_rewrap);
  ADD ("remove-profile", test_remove_profile);
  ADD ("role-change", test_role_change);
  ADD ("prosecutor-cannot-decrypt", test_prosecutor_cannot_decrypt);
  ADD ("rows-bound-to-person", test_rows_bound_to_person);
  ADD ("raw-bytes", test_raw_bytes);
  ADD ("headless", test_headless);
  ADD ("audit-chain", test_audit_chain);
  ADD ("audit-chain-deleted", test_audit_chain_deleted);
  ADD ("audit-query", test_audit_query);
  ADD ("backup-restore", test_backup_restore);
  ADD ("restore-refuses", test_restore_refuses);
  ADD ("backup-rotating", test_backup_rotating);
  ADD ("plan-details-withheld", test_plan_details_withheld);

  return g_test_run ();
}
