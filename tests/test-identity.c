/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-identity"

#include "config.h"

#include <string.h>

#include "ws-database-private.h"
#include "ws-identity.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-text.h"
#include "ws-time.h"

typedef WsTestFixture Fixture;

static WsIdentity *
make_identity (const char *name,
               const char *alias)
{
  WsIdentity *identity = ws_identity_new ();

  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, name);
  if (alias != NULL)
    ws_identity_set_list (identity, WS_IDENTITY_ALIASES, (const char *[]) { alias, NULL });
  return identity;
}

static WsIdentity *
full_identity (void)
{
  WsIdentity *identity = ws_identity_new ();

  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, "  José Ñúñez  ");
  ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, "1990-05-01");
  ws_identity_set_text (identity, WS_IDENTITY_NATIONALITY, "Ruritanian");
  ws_identity_set_text (identity, WS_IDENTITY_GUARDIAN, "   ");
  ws_identity_set_list (identity, WS_IDENTITY_ALIASES, (const char *[]) { "Pepe", " ", "El Flaco ", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_ADDRESSES, (const char *[]) { "Shelter Street 5, 1010 Town", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_PHONES, (const char *[]) { "+43 660 1234567", "(01) 234-5678", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_EMAILS, (const char *[]) { "jose.nunez@example.org", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_DOCUMENTS, (const char *[]) { "Passport RU1234567", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_RELATIVES, (const char *[]) { "María Ñúñez (mother)", NULL });
  return identity;
}

static void
assert_full_identity (WsIdentity *identity)
{
  g_assert_cmpstr (ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME), ==, "José Ñúñez");
  g_assert_cmpstr (ws_identity_get_text (identity, WS_IDENTITY_DATE_OF_BIRTH), ==, "1990-05-01");
  g_assert_cmpstr (ws_identity_get_text (identity, WS_IDENTITY_NATIONALITY), ==, "Ruritanian");
  g_assert_null (ws_identity_get_text (identity, WS_IDENTITY_GUARDIAN));
  ws_test_assert_strv (ws_identity_get_list (identity, WS_IDENTITY_ALIASES), (const char *[]) { "Pepe", "El Flaco", NULL });
  ws_test_assert_strv (ws_identity_get_list (identity, WS_IDENTITY_ADDRESSES),
               (const char *[]) { "Shelter Street 5, 1010 Town", NULL });
  ws_test_assert_strv (ws_identity_get_list (identity, WS_IDENTITY_PHONES),
               (const char *[]) { "+43 660 1234567", "(01) 234-5678", NULL });
  ws_test_assert_strv (ws_identity_get_list (identity, WS_IDENTITY_EMAILS), (const char *[]) { "jose.nunez@example.org", NULL });
  ws_test_assert_strv (ws_identity_get_list (identity, WS_IDENTITY_DOCUMENTS), (const char *[]) { "Passport RU1234567", NULL });
  ws_test_assert_strv (ws_identity_get_list (identity, WS_IDENTITY_RELATIVES), (const char *[]) { "María Ñúñez (mother)", NULL });
}

static gboolean
set_has (GHashTable *set,
         gint64      id)
{
  return g_hash_table_contains (set, &id);
}

/* Parses @text, expects it refused with a problem about @field whose
 * message mentions @says (unless NULL). */
static void
assert_refused_json (const char *text,
                     const char *field,
                     const char *says)
{
  g_autoptr(JsonNode) node = ws_test_parse_json (text);
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(WsIdentity) identity = ws_identity_from_json (node, problems);
  const char *message;

  g_assert_null (identity);
  message = ws_problems_lookup (problems, field);
  if (message == NULL)
    g_error ("%s: expected a problem about “%s”", text, field);
  if (says != NULL && strstr (message, says) == NULL)
    g_error ("%s: “%s” does not mention “%s”", text, message, says);
}

/* Searching identities for @text finds @only and nobody else, or nobody
 * at all when @only is NULL. */
static void
assert_search_finds (WsDatabase *db,
                     const char *text,
                     WsPerson   *only)
{
  g_autofree char *query = ws_text_fold (text);
  g_autoptr(GHashTable) hits = ws_database_search_identity (db, query);
  guint expected = only != NULL ? 1 : 0;

  g_assert_nonnull (hits);
  if (g_hash_table_size (hits) != expected || (only != NULL && !set_has (hits, ws_person_get_id (only))))
    g_error ("“%s” found %u, expected %s", text, g_hash_table_size (hits),
             only != NULL ? ws_person_get_pseudonym (only) : "nobody");
}

/* ------------------------------------------------------------------ */

static void
test_officer_reads (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(WsIdentity) identity = full_identity ();
  g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, "Witness Rose", identity);
  g_autoptr(WsIdentity) read = NULL;
  g_autoptr(WsIdentity) again = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  guint all_before = ws_database_count_audit (fixture->db, NULL);

  g_assert_cmpuint (ws_database_count_audit (fixture->db, "identity-read"), ==, 0);

  read = ws_database_read_identity (fixture->db, person, &error);
  g_assert_no_error (error);
  assert_full_identity (read);
  g_assert_cmpuint (ws_database_count_audit (fixture->db, "identity-read"), ==, 1);
  g_assert_cmpuint (ws_database_count_audit (fixture->db, NULL), ==, all_before + 1);

  again = ws_database_read_identity (fixture->db, person, &error);
  g_assert_no_error (error);
  assert_full_identity (again);
  g_assert_cmpuint (ws_database_count_audit (fixture->db, "identity-read"), ==, 2);

  /* Each record names who read whose identity by pseudonym, never by name. */
  stmt = _ws_database_prepare (fixture->db,
                               "SELECT actor, role, pseudonym, detail, at FROM audit WHERE action = 'identity-read'",
                               &error);
  g_assert_no_error (error);
  for (guint n = 0; n < 2; n++)
    {
      g_autoptr(GDateTime) at = NULL;

      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, WS_TEST_OFFICER);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "officer");
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "Witness Rose");
      g_assert_null (strstr ((const char *) sqlite3_column_text (stmt, 3), "Ñúñez"));
      g_assert_null (strstr ((const char *) sqlite3_column_text (stmt, 3), "José"));
      at = ws_time_parse_instant ((const char *) sqlite3_column_text (stmt, 4));
      g_assert_nonnull (at);
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  /* No audit row anywhere carries the name. */
  g_assert_cmpint (ws_test_query_int (fixture->db,
                                      "SELECT count(*) FROM audit WHERE actor || role || action || pseudonym || detail"
                                      " LIKE '%Flaco%' OR detail LIKE '%Jos%' OR pseudonym LIKE '%Jos%'"), ==, 0);
}

static void
test_read_without_identity (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, "Witness Iris", NULL);
  g_autoptr(WsIdentity) read = NULL;
  g_autoptr(GError) error = NULL;

  read = ws_database_read_identity (fixture->db, person, &error);
  g_assert_no_error (error);
  g_assert_true (ws_identity_is_empty (read));
  g_assert_null (ws_identity_get_text (read, WS_IDENTITY_LEGAL_NAME));
  g_assert_null (ws_identity_get_list (read, WS_IDENTITY_ALIASES)[0]);
  /* Even looking at nothing is a look. */
  g_assert_cmpuint (ws_database_count_audit (fixture->db, "identity-read"), ==, 1);
}

static void
test_clear_identity (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(WsIdentity) identity = make_identity ("Rosa Example", NULL);
  g_autoptr(WsIdentity) empty = ws_identity_new ();
  g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, "Witness Rose", identity);
  g_autoptr(WsIdentity) read = NULL;
  g_autoptr(GError) error = NULL;

  /* NULL leaves the identity as it was... */
  ws_person_set_notes (person, "moved");
  ws_database_save_person (fixture->db, person, NULL, &error);
  g_assert_no_error (error);
  read = ws_database_read_identity (fixture->db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_identity_get_text (read, WS_IDENTITY_LEGAL_NAME), ==, "Rosa Example");
  g_clear_object (&read);

  /* ...an empty identity removes it. */
  ws_database_save_person (fixture->db, person, empty, &error);
  g_assert_no_error (error);
  read = ws_database_read_identity (fixture->db, person, &error);
  g_assert_no_error (error);
  g_assert_true (ws_identity_is_empty (read));
}

static void
test_roles_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  const WsRole refused[] = { WS_ROLE_PROSECUTOR, WS_ROLE_INTERPRETER };
  g_autoptr(WsIdentity) identity = make_identity ("José Ñúñez", "Pepe");
  g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, "Witness Rose", identity);
  g_autoptr(GHashTable) hits = NULL;

  /* An officer built the index first, so a refused role cannot ride on it. */
  hits = ws_database_search_identity (fixture->db, "nunez");
  g_assert_nonnull (hits);
  g_assert_true (set_has (hits, ws_person_get_id (person)));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(WsIdentity) read = NULL;
      g_autoptr(WsIdentity) changed = make_identity ("Somebody Else", NULL);
      g_autoptr(WsPerson) other = ws_person_new ();
      g_autoptr(WsPerson) edited = ws_person_copy (person);
      g_autoptr(GHashTable) none = NULL;
      g_autoptr(GPtrArray) persons = NULL;
      g_autoptr(GError) error = NULL;
      guint audits = ws_database_count_audit (fixture->db, NULL);

      ws_database_set_actor (fixture->db, "Someone", refused[i]);

      read = ws_database_read_identity (fixture->db, person, &error);
      g_assert_null (read);
      g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
      g_clear_error (&error);

      ws_person_set_pseudonym (other, "Witness Lily");
      g_assert_false (ws_database_save_person (fixture->db, other, changed, &error));
      g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_cmpint (ws_person_get_id (other), ==, 0);

      ws_person_set_notes (edited, "edited by a refused role");
      g_assert_false (ws_database_save_person (fixture->db, edited, changed, &error));
      g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
      g_clear_error (&error);

      none = ws_database_search_identity (fixture->db, "nunez");
      g_assert_null (none);

      /* Nothing was written and nothing was read (checked as the officer:
       * an interpreter may not list witnesses at all). */
      ws_database_set_actor (fixture->db, WS_TEST_OFFICER, WS_ROLE_OFFICER);
      persons = ws_database_list_persons (fixture->db, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (persons->len, ==, 1);
      g_assert_cmpstr (ws_person_get_notes (g_ptr_array_index (persons, 0)), ==, "");
      g_assert_cmpuint (ws_database_count_audit (fixture->db, NULL), ==, audits);
    }

  /* The identity is still the officer's. */
  {
    g_autoptr(WsIdentity) read = NULL;
    g_autoptr(GError) error = NULL;

    ws_database_set_actor (fixture->db, WS_TEST_OFFICER, WS_ROLE_OFFICER);
    read = ws_database_read_identity (fixture->db, person, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ws_identity_get_text (read, WS_IDENTITY_LEGAL_NAME), ==, "José Ñúñez");
  }
}

static void
test_permission_message (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, "Witness Rose", NULL);
  g_autoptr(WsIdentity) read = NULL;
  g_autoptr(GError) error = NULL;

  ws_database_set_actor (fixture->db, "Ivan Interpreter", WS_ROLE_INTERPRETER);
  read = ws_database_read_identity (fixture->db, person, &error);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, ws_role_get_label (WS_ROLE_INTERPRETER)));
  g_assert_false (ws_role_can_read_identity (WS_ROLE_INTERPRETER));
  g_assert_false (ws_role_can_read_identity (WS_ROLE_PROSECUTOR));
  g_assert_true (ws_role_can_read_identity (WS_ROLE_OFFICER));
  g_assert_true (ws_role_can_read_identity (WS_ROLE_ADMINISTRATOR));
}

static void
test_administrator_reads (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(WsIdentity) identity = make_identity ("José Ñúñez", NULL);
  g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, "Witness Rose", identity);
  g_autoptr(WsIdentity) read = NULL;
  g_autoptr(GHashTable) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  ws_database_set_actor (fixture->db, "Ada Admin", WS_ROLE_ADMINISTRATOR);
  read = ws_database_read_identity (fixture->db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_identity_get_text (read, WS_IDENTITY_LEGAL_NAME), ==, "José Ñúñez");
  hits = ws_database_search_identity (fixture->db, "jose");
  g_assert_nonnull (hits);
  g_assert_true (set_has (hits, ws_person_get_id (person)));

  stmt = _ws_database_prepare (fixture->db, "SELECT actor, role FROM audit WHERE action = 'identity-read'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Ada Admin");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "administrator");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(WsIdentity) jose_identity = make_identity ("José Ñúñez", "Pepe el Flaco");
  g_autoptr(WsIdentity) maria_identity = make_identity ("Мария Ивановна Петрова", NULL);
  g_autoptr(WsPerson) jose = ws_test_add_person (fixture->db, "Witness Rose", jose_identity);
  g_autoptr(WsPerson) maria = ws_test_add_person (fixture->db, "Witness Iris", maria_identity);
  g_autoptr(WsPerson) nobody = ws_test_add_person (fixture->db, "Witness Lily", NULL);
  guint index_reads;
  const struct { const char *query; WsPerson *only; } searches[] = {
    { "jose nunez", jose }, { "NUÑEZ", jose }, { "Jose", jose }, { "ñúñ", jose }, { "pepe", jose },
    { "EL FLACO", jose }, { "josé ñúñez", jose },
    { "иванов", maria }, { "ИВАН", maria }, { "Мария", maria }, { "петрова", maria },
    { "rose", NULL }, { "witness", NULL }, { "nunes", NULL }, { "ivanova", NULL }, { "Марина", NULL },
  };

  index_reads = ws_database_count_audit (fixture->db, "identity-search-index");
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    assert_search_finds (fixture->db, searches[i].query, searches[i].only);
  {
    /* Latin "e" is not Cyrillic "е": folding keeps scripts apart. */
    g_autoptr(GHashTable) latin = ws_database_search_identity (fixture->db, "e");

    g_assert_cmpuint (g_hash_table_size (latin), ==, 1);
    g_assert_true (set_has (latin, ws_person_get_id (jose)));
    g_assert_false (set_has (latin, ws_person_get_id (nobody)));
  }
  g_assert_null (ws_database_search_identity (fixture->db, ""));
  g_assert_null (ws_database_search_identity (fixture->db, NULL));

  /* The index (dropped when the people above were saved) was read once
   * for all these searches, and audited once. */
  g_assert_cmpuint (ws_database_count_audit (fixture->db, "identity-search-index"), ==, index_reads + 1);
}

static void
test_search_index_invalidated (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(WsIdentity) identity = make_identity ("José Ñúñez", NULL);
  g_autoptr(WsIdentity) renamed = make_identity ("José Pérez", "Pepito");
  g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, "Witness Rose", identity);
  g_autoptr(WsIdentity) other = make_identity ("Nuno Nunez", NULL);
  g_autoptr(WsPerson) later = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = ws_person_get_id (person);
  /* Unlocking built one index already; saving the person dropped it. */
  guint built = ws_database_count_audit (fixture->db, "identity-search-index");

  assert_search_finds (fixture->db, "nunez", person);
  assert_search_finds (fixture->db, "perez", NULL);

  ws_database_save_person (fixture->db, person, renamed, &error);
  g_assert_no_error (error);
  assert_search_finds (fixture->db, "nunez", NULL);
  assert_search_finds (fixture->db, "perez", person);
  assert_search_finds (fixture->db, "pepito", person);
  g_assert_cmpuint (ws_database_count_audit (fixture->db, "identity-search-index"), ==, built + 2);

  /* A person added later is found too. */
  later = ws_test_add_person (fixture->db, "Witness Iris", other);
  assert_search_finds (fixture->db, "nunez", later);

  ws_database_delete_person (fixture->db, id, &error);
  g_assert_no_error (error);
  assert_search_finds (fixture->db, "perez", NULL);
}

static void
test_from_json_refusals (void)
{
  /* Each refused with a problem about its field; the message mentions
   * what it says, where it says anything. */
  static const struct { const char *json, *field, *says; } refusals[] = {
    { "{\"date_of_birth\": \"2023-02-30\"}", "date_of_birth", "2023-02-30" },
    { "{\"date_of_birth\": \"01/02/1990\"}", "date_of_birth", NULL },
    { "{\"date_of_birth\": \"2024-06-02\"}", "date_of_birth", "future" },
    { "{\"date_of_birth\": \"1890-01-01\"}", "date_of_birth", NULL },
    { "{\"legal_name\": 5}", "legal_name", NULL },
    { "{\"legal_name\": [\"José\"]}", "legal_name", NULL },
    { "{\"nationality\": true}", "nationality", NULL },
    { "{\"aliases\": \"Pepe\"}", "aliases", NULL },
    { "{\"aliases\": [\"Pepe\", 3]}", "aliases[1]", NULL },
    { "{\"phones\": [{\"number\": \"12345\"}]}", "phones[0]", NULL },
    { "{\"legal_name\": \"José\", \"shoe_size\": \"42\"}", "shoe_size", NULL },
    { "{\"Legal_Name\": \"José\"}", "Legal_Name", NULL },
    { "{\"emails\": [\"jose@example.org\", \"not-an-address\"]}", "emails", "not-an-address" },
    { "{\"emails\": [\"jose@@example.org\"]}", "emails", NULL },
    { "{\"emails\": [\"jose@example\"]}", "emails", NULL },
    { "{\"emails\": [\"jose smith@example.org\"]}", "emails", NULL },
    { "{\"phones\": [\"call after six\"]}", "phones", "call after six" },
    { "{\"phones\": [\"123\"]}", "phones", NULL },
    { "[\"José\"]", "", NULL },
    { "\"José\"", "", NULL },
  };

  ws_test_set_now ("2024-06-01T12:00:00Z");
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    assert_refused_json (refusals[i].json, refusals[i].field, refusals[i].says);
  ws_test_set_now (NULL);
}

static void
test_from_json_accepts (void)
{
  g_autoptr(JsonNode) node = ws_test_parse_json ("{\"legal_name\": \" José \", \"guardian\": null, \"aliases\": null,"
                                         " \"phones\": [\"+1 (555) 010-9999\"], \"date_of_birth\": \"2000-02-29\"}");
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(WsIdentity) identity = ws_identity_from_json (node, problems);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (identity);
  g_assert_cmpstr (ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME), ==, "José");
  g_assert_null (ws_identity_get_text (identity, WS_IDENTITY_GUARDIAN));
  g_assert_cmpstr (ws_identity_get_text (identity, WS_IDENTITY_DATE_OF_BIRTH), ==, "2000-02-29");
  g_assert_null (ws_identity_get_list (identity, WS_IDENTITY_ALIASES)[0]);
  ws_test_assert_strv (ws_identity_get_list (identity, WS_IDENTITY_PHONES), (const char *[]) { "+1 (555) 010-9999", NULL });
  g_assert_false (ws_identity_is_empty (identity));
}

static void
test_json_round_trip (void)
{
  g_autoptr(WsIdentity) identity = full_identity ();
  g_autoptr(WsIdentity) back = NULL;
  g_autoptr(WsIdentity) empty = ws_identity_new ();
  g_autoptr(WsIdentity) empty_back = NULL;
  g_autoptr(JsonNode) node = ws_identity_to_json (identity);
  g_autoptr(JsonNode) empty_node = ws_identity_to_json (empty);
  g_autoptr(JsonNode) reparsed = NULL;
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autofree char *text = NULL;
  JsonObject *object;

  /* Through text too, as the exchange format and the table store it. */
  text = json_to_string (node, FALSE);
  reparsed = ws_test_parse_json (text);
  back = ws_identity_from_json (reparsed, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (back);
  assert_full_identity (back);

  /* Members use the documented keys, and absent fields are left out. */
  object = json_node_get_object (node);
  for (guint i = 0; i < WS_IDENTITY_N_TEXTS; i++)
    g_assert_true (json_object_has_member (object, ws_identity_text_key (i)) == (i != WS_IDENTITY_GUARDIAN));
  for (guint i = 0; i < WS_IDENTITY_N_LISTS; i++)
    g_assert_true (json_object_has_member (object, ws_identity_list_key (i)));
  g_assert_cmpstr (ws_identity_text_key (WS_IDENTITY_LEGAL_NAME), ==, "legal_name");
  g_assert_cmpstr (ws_identity_list_key (WS_IDENTITY_EMAILS), ==, "emails");

  g_assert_true (ws_identity_is_empty (empty));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (empty_node)), ==, 0);
  empty_back = ws_identity_from_json (empty_node, problems);
  g_assert_nonnull (empty_back);
  g_assert_true (ws_identity_is_empty (empty_back));
}

static void
test_check_person_identity (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(WsPerson) person = ws_person_new ();
  g_autoptr(WsIdentity) identity = ws_identity_new ();
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GError) error = NULL;

  ws_person_set_pseudonym (person, "Witness Rose");
  ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, "2023-02-30");
  ws_identity_set_list (identity, WS_IDENTITY_EMAILS, (const char *[]) { "nobody", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_PHONES, (const char *[]) { "ring twice", NULL });

  ws_database_check_person (fixture->db, person, identity, problems);
  g_assert_nonnull (ws_problems_lookup (problems, "identity.date_of_birth"));
  g_assert_nonnull (ws_problems_lookup (problems, "identity.emails"));
  g_assert_nonnull (ws_problems_lookup (problems, "identity.phones"));
  g_assert_null (ws_problems_lookup (problems, "pseudonym"));

  g_assert_false (ws_database_save_person (fixture->db, person, identity, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_cmpint (ws_person_get_id (person), ==, 0);
  persons = ws_database_list_persons (fixture->db, NULL, &error);
  g_assert_cmpuint (persons->len, ==, 0);
}

/* Stored identities are read back as they were written, even when "today"
 * moved so that a rule would now object to them. */
static void
test_read_does_not_revalidate (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(WsIdentity) identity = make_identity ("José Ñúñez", NULL);
  g_autoptr(WsPerson) person = NULL;
  g_autoptr(WsIdentity) read = NULL;
  g_autoptr(GDateTime) past = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;

  ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, "2010-03-04");
  person = ws_test_add_person (fixture->db, "Witness Rose", identity);

  ws_time_set_now (past);
  read = ws_database_read_identity (fixture->db, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_identity_get_text (read, WS_IDENTITY_DATE_OF_BIRTH), ==, "2010-03-04");
  {
    g_autofree char *query = ws_text_fold ("nunez");
    g_autoptr(GHashTable) hits = ws_database_search_identity (fixture->db, query);

    g_assert_true (set_has (hits, ws_person_get_id (person)));
  }
}

static void
assert_text_has_no_identity (const char *table,
                             const char *column,
                             const char *value)
{
  const char *needles[] = { "Ñúñez", "Nunez", "José", "Pepe", "Flaco", "1990-05-01", "Ruritanian",
                            "Shelter Street", "660 1234567", "jose.nunez@", "RU1234567", "María" };

  if (value == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    if (strstr (value, needles[i]) != NULL)
      g_error ("%s.%s holds “%s”: %s", table, column, needles[i], value);
}

/* Encryption of the identity table comes later; until then every other
 * table must at least never hold an identifying value. */
static void
test_no_identity_outside_identity_table (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(WsIdentity) identity = full_identity ();
  g_autoptr(WsPerson) person = ws_person_new ();
  g_autoptr(WsIdentity) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) tables = NULL;
  g_autoptr(GHashTable) hits = NULL;
  guint checked = 0;

  ws_person_set_pseudonym (person, "Witness Rose");
  ws_person_set_languages (person, (const char *[]) { "Spanish (Rioplatense)", NULL });
  ws_person_set_notes (person, "Prefers afternoon appointments.");
  ws_database_save_person (fixture->db, person, identity, &error);
  g_assert_no_error (error);
  read = ws_database_read_identity (fixture->db, person, &error);
  g_assert_no_error (error);
  hits = ws_database_search_identity (fixture->db, "nunez");
  g_assert_cmpuint (g_hash_table_size (hits), ==, 1);
  ws_person_set_notes (person, "Edited.");
  ws_database_save_person (fixture->db, person, identity, &error);
  g_assert_no_error (error);

  tables = _ws_database_prepare (fixture->db,
                                 "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'identity'"
                                 " AND name NOT LIKE 'sqlite_%'", &error);
  g_assert_no_error (error);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_autoptr(sqlite3_stmt) rows = _ws_database_prepare (fixture->db, sql, &error);

      g_assert_no_error (error);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          {
            assert_text_has_no_identity (table, sqlite3_column_name (rows, c),
                                         (const char *) sqlite3_column_text (rows, c));
            checked++;
          }
    }
  /* The person, the language, the audit and the history were all looked at. */
  g_assert_cmpuint (checked, >, 20);

  /* The person row itself, explicitly. */
  {
    g_autoptr(sqlite3_stmt) row = _ws_database_prepare (fixture->db, "SELECT pseudonym, notes FROM person", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (row), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (row, 0), ==, "Witness Rose");
    g_assert_cmpstr ((const char *) sqlite3_column_text (row, 1), ==, "Edited.");
    g_assert_cmpint (sqlite3_step (row), ==, SQLITE_DONE);
  }
}

static void
test_identity_object (void)
{
  g_autoptr(WsIdentity) identity = ws_identity_new ();

  g_assert_true (ws_identity_is_empty (identity));
  ws_identity_set_text (identity, WS_IDENTITY_NATIONALITY, "  ");
  g_assert_true (ws_identity_is_empty (identity));
  ws_identity_set_list (identity, WS_IDENTITY_RELATIVES, (const char *[]) { "", "  ", NULL });
  g_assert_true (ws_identity_is_empty (identity));
  ws_identity_set_list (identity, WS_IDENTITY_RELATIVES, (const char *[]) { " Aunt ", NULL });
  g_assert_false (ws_identity_is_empty (identity));
  ws_test_assert_strv (ws_identity_get_list (identity, WS_IDENTITY_RELATIVES), (const char *[]) { "Aunt", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_RELATIVES, NULL);
  g_assert_true (ws_identity_is_empty (identity));
  ws_identity_set_text (identity, WS_IDENTITY_GUARDIAN, "Gina Guardian");
  g_assert_cmpstr (ws_identity_get_text (identity, WS_IDENTITY_GUARDIAN), ==, "Gina Guardian");
  ws_identity_set_text (identity, WS_IDENTITY_GUARDIAN, NULL);
  g_assert_null (ws_identity_get_text (identity, WS_IDENTITY_GUARDIAN));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/ws/identity/" name, Fixture, NULL, ws_test_fixture_set_up, func, ws_test_fixture_tear_down)
  ADD ("officer-reads", test_officer_reads);
  ADD ("read-without-identity", test_read_without_identity);
  ADD ("clear-identity", test_clear_identity);
  ADD ("roles-refused", test_roles_refused);
  ADD ("permission-message", test_permission_message);
  ADD ("administrator-reads", test_administrator_reads);
  ADD ("search", test_search);
  ADD ("search-index-invalidated", test_search_index_invalidated);
  ADD ("check-person-identity", test_check_person_identity);
  ADD ("read-does-not-revalidate", test_read_does_not_revalidate);
  ADD ("no-identity-outside-identity-table", test_no_identity_outside_identity_table);
#undef ADD
  g_test_add_func ("/ws/identity/object", test_identity_object);
  g_test_add_func ("/ws/identity/from-json-refusals", test_from_json_refusals);
  g_test_add_func ("/ws/identity/from-json-accepts", test_from_json_accepts);
  g_test_add_func ("/ws/identity/json-round-trip", test_json_round_trip);

  return g_test_run ();
}
