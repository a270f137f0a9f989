/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ws-database-private.h"
#include "ws-profile-private.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-text.h"

/* Unlocking with the production Argon2id cost (INTERACTIVE) on a database
 * of 10,000 witnesses: deriving the key, unwrapping the identity key, and
 * decrypting every identity row into the in-memory name index. Prints
 * numbers; asserts nothing about time. Usage: bench-unlock [N] */

#define OFFICER "Bench Officer"
#define OFFICER_PASS "bench officer passphrase"
#define PROSECUTOR "Bench Prosecutor"
#define PROSECUTOR_PASS "bench prosecutor passphrase"

static void
fill (WsDatabase *db,
      guint       n)
{
  g_autoptr(GError) error = NULL;

  /* One outer transaction: each save nests as a savepoint. */
  g_assert_true (_ws_database_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *pseudonym = g_strdup_printf ("Witness %05u", i);
      g_autofree char *name = g_strdup_printf ("Given%u Family%u", i * 7919 % 100003, i);
      g_autofree char *alias = g_strdup_printf ("Alias %u", i);
      g_autoptr(WsIdentity) identity = ws_identity_new ();
      g_autoptr(WsPerson) person = ws_person_new ();

      ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, name);
      ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, "1990-01-01");
      ws_identity_set_list (identity, WS_IDENTITY_ALIASES, (const char *[]) { alias, NULL });
      ws_identity_set_list (identity, WS_IDENTITY_PHONES, (const char *[]) { "+43 660 5550000", NULL });
      ws_person_set_pseudonym (person, pseudonym);
      g_assert_true (ws_database_save_person (db, person, identity, &error));
    }
  g_assert_true (_ws_database_commit (db, &error));
}

static double
time_unlock (WsDatabase *db,
             const char *name,
             const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  ws_database_lock (db);
  start = g_get_monotonic_time ();
  g_assert_true (ws_database_unlock (db, name, passphrase, &error));
  return ws_test_ms_since (start);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  g_autofree char *dir = NULL;
  WsDatabase *db;
  g_autofree char *query = ws_text_fold ("family9999");
  g_autoptr(GHashTable) found = NULL;
  double prosecutor_ms, officer_ms, search_ms;
  gint64 start;

  db = ws_test_open_tmp_db ("ws-bench-unlock-XXXXXX", &dir);
  start = g_get_monotonic_time ();
  fill (db, n);
  g_print ("filled %u witnesses with identity in %.0f ms\n", n, ws_test_ms_since (start));

  /* The profiles measured use the cost real profiles get. */
  _ws_profile_use_cheap_kdf (FALSE);
  ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_ADMINISTRATOR);
  ws_test_add_profile (db, OFFICER, WS_ROLE_OFFICER, OFFICER_PASS);
  ws_test_add_profile (db, PROSECUTOR, WS_ROLE_PROSECUTOR, PROSECUTOR_PASS);

  /* A prosecutor has no key and no index: this is Argon2id alone. */
  prosecutor_ms = time_unlock (db, PROSECUTOR, PROSECUTOR_PASS);
  officer_ms = time_unlock (db, OFFICER, OFFICER_PASS);
  start = g_get_monotonic_time ();
  found = ws_database_search_identity (db, query);
  search_ms = ws_test_ms_since (start);
  g_assert_nonnull (found);

  g_print ("unlock, Argon2id (INTERACTIVE) only:           %7.1f ms\n", prosecutor_ms);
  g_print ("unlock, Argon2id + key + name index (%u):   %7.1f ms\n", n, officer_ms);
  g_print ("first search after unlock (%u hit):             %7.2f ms\n", g_hash_table_size (found), search_ms);

  ws_test_close_tmp_db (db, g_steal_pointer (&dir));
  return 0;
}
