/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ws-database-private.h"
#include "ws-demo.h"
#include "ws-store.h"
#include "ws-text.h"
#include "ws-time.h"

typedef struct {
  char       *dir;
  WsDatabase *db;
} Fixture;

static WsDatabase *
open_database (Fixture    *fixture,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  WsDatabase *db = ws_database_new (path, NULL, &error);

  g_assert_no_error (error);
  return db;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = open_database (fixture, "unit.db");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* A GTask's worker thread may drop its reference to the database just
   * after the callback ran; give it a moment before checking for leaks. */
  for (guint i = 0; i < 5000 && g_atomic_int_get (&G_OBJECT (fixture->db)->ref_count) > 1; i++)
    g_usleep (1000);
  g_assert_finalize_object (fixture->db);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* ------------------------------------------------------------------ */

static gint64
count (WsDatabase *db,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return value;
}

static char *
text (WsDatabase *db,
      const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *value = NULL;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, NULL);
  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = _ws_column_dup (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return value;
}

/* Every table the demonstration fills, to prove a refusal wrote nothing. */
static const char * const tables[] = {
  "person", "person_language", "identity", "court_case", "case_offence", "case_exploitation",
  "accused", "case_party", "verdict", "phase_change", "agency", "need", "support_item",
  "checklist_item", "consent", "referral", "risk_assessment", "reflection_period",
  "information_given", "benefit", "compensation_claim", "site", "site_closure", "hearing",
  "measure", "measure_history", "screening", "interpreter", "interpreter_language",
  "interpreter_unavailability", "interpreter_exclusion", "session", "session_interpreter",
  "session_history", "audit", "change_history",
};

static gint64
count_table (WsDatabase *db,
             const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return count (db, sql);
}

static void
assert_constraints_hold (WsDatabase *db)
{
  g_autofree char *integrity = text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (count (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
fill (WsDatabase *db,
      guint       n,
      guint32     seed)
{
  g_autoptr(GError) error = NULL;

  gboolean filled = ws_demo_fill (db, n, seed, &error);

  g_assert_no_error (error);
  g_assert_true (filled);
}

/* ------------------------------------------------------------------ */

static void
test_unit_counts (Fixture       *fixture,
                  gconstpointer  data)
{
  WsDatabase *db = fixture->db;

  fill (db, WS_DEMO_WITNESSES, 7);
  assert_constraints_hold (db);

  g_assert_cmpint (count (db, "SELECT count(*) FROM person"), ==, WS_DEMO_WITNESSES);
  g_assert_cmpint (count (db, "SELECT count(*) FROM identity"), ==, WS_DEMO_WITNESSES);
  g_assert_cmpint (count (db, "SELECT count(*) FROM court_case"), ==, 12);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT stage) FROM court_case"), ==, 6);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT phase) FROM person"), ==, 5);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person WHERE age_status = 'child'"), >=, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person WHERE age_status = 'presumed-child'"), >=, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person WHERE age_status = 'child' AND age_assessed_on IS NULL"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person p WHERE NOT EXISTS"
                              " (SELECT 1 FROM case_party WHERE person_id = p.id)"), >=, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM case_party WHERE label NOT LIKE 'Witness %'"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM court_case c WHERE NOT EXISTS"
                              " (SELECT 1 FROM case_party WHERE case_id = c.id)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT form) FROM case_exploitation"), >=, 6);
  g_assert_cmpint (count (db, "SELECT count(*) FROM accused WHERE label NOT LIKE 'Accused _'"), ==, 0);

  /* People abroad, in the zones the scheduler must cope with. */
  g_assert_cmpint (count (db, "SELECT count(DISTINCT zone) FROM person WHERE zone IN"
                              " ('Europe/Bucharest', 'Asia/Bangkok', 'Africa/Lagos', 'Asia/Ho_Chi_Minh')"), ==, 4);

  /* Hearings both behind and ahead of now. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM hearing WHERE starts_at > strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"), >=, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM hearing WHERE starts_at < strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"), >=, 3);

  /* Sites of every kind in several zones, each with hours, and a closure. */
  g_assert_cmpint (count (db, "SELECT count(DISTINCT zone) FROM site"), >=, 5);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT zone) FROM site WHERE zone IN ('Europe/London', 'Europe/Vienna',"
                              " 'America/New_York', 'Asia/Bangkok', 'Australia/Sydney')"), ==, 5);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT kind) FROM site"), ==, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM site_closure"), >=, 1);

  /* Interpreters: every language anyone speaks, sign language, time away, exclusions. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM person_language pl WHERE NOT EXISTS"
                              " (SELECT 1 FROM interpreter_language il WHERE il.language = pl.language)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM interpreter_language WHERE modality = 'sign'"), >=, 1);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT gender) FROM interpreter"), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT zone) FROM interpreter"), >=, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM interpreter_unavailability"), >=, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM interpreter_exclusion WHERE case_id IS NOT NULL"), >=, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM interpreter_exclusion WHERE person_id IS NOT NULL"), >=, 1);

  /* Video links across zones, in every status, cancelled ones with a reason. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM session"), >=, 5);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT s.zone) FROM session JOIN site s ON s.id = session.remote_site_id"), >=, 3);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT status) FROM session"), ==, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM session WHERE status = 'cancelled' AND cancel_reason = ''"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM session_interpreter"), >=, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM session s WHERE NOT EXISTS"
                              " (SELECT 1 FROM session_history WHERE session_id = s.id)"), ==, 0);

  /* The support plan and everything built on it. */
  g_assert_cmpint (count (db, "SELECT count(DISTINCT category) FROM need WHERE builtin = 1"), ==, 11);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT phase) FROM support_item"), ==, 5);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person p WHERE NOT EXISTS"
                              " (SELECT 1 FROM support_item WHERE person_id = p.id)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT track) FROM checklist_item"), ==, 5);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT status) FROM measure"), ==, 6);
  g_assert_cmpint (count (db, "SELECT count(*) FROM measure m WHERE NOT EXISTS"
                              " (SELECT 1 FROM measure_history WHERE measure_id = m.id AND status = m.status)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM verdict"), >=, 4);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!g_str_equal (tables[i], "audit") && !g_str_equal (tables[i], "compensation_claim"))
      {
        g_test_message ("%s", tables[i]);
        g_assert_cmpint (count_table (db, tables[i]), >, 0);
      }

  /* The demonstration writes identity but never reads it. */
  g_assert_cmpuint (ws_database_count_audit (db, NULL), ==, 0);
}

/* Does @text hold a character from first to last (inclusive)? */
static gboolean
has_char_in (const char *text,
             gunichar    first,
             gunichar    last)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= first && c <= last)
        return TRUE;
    }
  return FALSE;
}

static gboolean
looks_vietnamese (const char *text)
{
  return has_char_in (text, 0x1EA0, 0x1EF9) || has_char_in (text, 0x01A0, 0x01B0) || has_char_in (text, 0x0110, 0x0111);
}

static void
check_identity (WsPerson   *person,
                WsIdentity *identity,
                GDate      *today)
{
  const char *born = ws_identity_get_text (identity, WS_IDENTITY_DATE_OF_BIRTH);
  GDate date;
  int age;

  g_assert_nonnull (ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME));
  g_assert_nonnull (ws_identity_get_text (identity, WS_IDENTITY_NATIONALITY));
  g_assert_true (ws_time_parse_date (born, &date));
  age = ws_time_years_between (&date, today);
  g_assert_nonnull (ws_identity_get_list (identity, WS_IDENTITY_ADDRESSES)[0]);
  g_assert_nonnull (ws_identity_get_list (identity, WS_IDENTITY_PHONES)[0]);
  g_assert_nonnull (ws_identity_get_list (identity, WS_IDENTITY_EMAILS)[0]);
  g_assert_nonnull (ws_identity_get_list (identity, WS_IDENTITY_DOCUMENTS)[0]);
  g_assert_nonnull (ws_identity_get_list (identity, WS_IDENTITY_RELATIVES)[0]);

  if (ws_person_is_child (person))
    {
      g_assert_cmpint (age, <, 18);
      g_assert_nonnull (ws_identity_get_text (identity, WS_IDENTITY_GUARDIAN));
    }
  else
    g_assert_cmpint (age, >=, 18);
}

static void
test_unit_identity (Fixture       *fixture,
                    gconstpointer  data)
{
  WsDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GDate) today = ws_time_today ();
  gboolean cyrillic = FALSE, arabic = FALSE, thai = FALSE, vietnamese = FALSE, latin_marks = FALSE;
  guint transliterated = 0;

  fill (db, WS_DEMO_WITNESSES, 7);
  g_assert_cmpint (ws_database_get_actor_role (db), ==, WS_ROLE_OFFICER);
  persons = ws_database_list_persons (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, WS_DEMO_WITNESSES);

  for (guint i = 0; i < persons->len; i++)
    {
      WsPerson *person = g_ptr_array_index (persons, i);
      g_autoptr(WsIdentity) identity = ws_database_read_identity (db, person, &error);
      const char *name;
      const char * const *aliases;

      g_assert_no_error (error);
      g_assert_nonnull (identity);
      check_identity (person, identity, today);
      g_assert_nonnull (ws_person_get_languages (person)[0]);

      name = ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME);
      cyrillic |= has_char_in (name, 0x0400, 0x04FF);
      arabic |= has_char_in (name, 0x0600, 0x06FF);
      thai |= has_char_in (name, 0x0E00, 0x0E7F);
      vietnamese |= looks_vietnamese (name);
      latin_marks |= has_char_in (name, 0x00C0, 0x017F) && !looks_vietnamese (name);

      /* A name in another script also has a Latin transliteration among its aliases. */
      aliases = ws_identity_get_list (identity, WS_IDENTITY_ALIASES);
      if (has_char_in (name, 0x0400, 0x0E7F) && aliases[0] != NULL && !has_char_in (aliases[0], 0x0080, 0x10FFFF))
        transliterated++;

      /* Notes never carry the name. */
      g_assert_null (strstr (ws_person_get_notes (person), name));
    }
  g_assert_true (cyrillic);
  g_assert_true (arabic);
  g_assert_true (thai);
  g_assert_true (vietnamese);
  g_assert_true (latin_marks);
  g_assert_cmpuint (transliterated, >=, 3);
  g_assert_cmpuint (ws_database_count_audit (db, "identity-read"), ==, WS_DEMO_WITNESSES);
}

/* Everything about the unit that must not change between two runs with
 * the same seed, in a stable order. */
static char *
fingerprint (WsDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) persons = ws_database_list_persons (db, NULL, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *cases = text (db, "SELECT group_concat (reference || '/' || stage, ',') FROM"
                                     " (SELECT reference, stage FROM court_case ORDER BY id)");
  g_autofree char *sites = text (db, "SELECT group_concat (name, ',') FROM (SELECT name FROM site ORDER BY id)");

  g_assert_no_error (error);
  for (guint i = 0; i < persons->len; i++)
    {
      WsPerson *person = g_ptr_array_index (persons, i);
      g_autofree char *languages = ws_person_dup_languages_text (person);

      g_string_append_printf (out, "%s|%d|%d|%s\n", ws_person_get_pseudonym (person),
                              ws_person_get_phase (person), ws_person_get_age_status (person), languages);
    }
  g_string_append_printf (out, "%s\n%s\n", cases, sites);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(WsDatabase) again = open_database (fixture, "again.db");
  g_autoptr(WsDatabase) other = open_database (fixture, "other.db");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *different = NULL;

  fill (fixture->db, WS_DEMO_WITNESSES, 99);
  fill (again, WS_DEMO_WITNESSES, 99);
  fill (other, WS_DEMO_WITNESSES, 100);
  first = fingerprint (fixture->db);
  second = fingerprint (again);
  different = fingerprint (other);

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, !=, different);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM session"), ==, count (again, "SELECT count(*) FROM session"));
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM support_item"), ==,
                   count (again, "SELECT count(*) FROM support_item"));
}

static void
test_refuses_non_empty (Fixture       *fixture,
                        gconstpointer  data)
{
  WsDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;
  g_autoptr(WsPerson) person = ws_person_new ();
  gint64 before[G_N_ELEMENTS (tables)];

  ws_person_set_pseudonym (person, "Existing");
  g_assert_true (ws_database_save_person (db, person, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    before[i] = count_table (db, tables[i]);

  g_assert_false (ws_demo_fill (db, WS_DEMO_WITNESSES, 1, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The database already holds records; demonstration data only goes into an empty database");

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (count_table (db, tables[i]), ==, before[i]);
  g_assert_cmpint (count_table (db, "person"), ==, 1);
}

/* A role that may not write identity fails half-way; nothing stays. */
static void
test_failure_leaves_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  WsDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;

  ws_database_set_actor (db, "Test prosecutor", WS_ROLE_PROSECUTOR);
  g_assert_false (ws_demo_fill (db, WS_DEMO_WITNESSES, 1, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_assert_true (ws_database_is_empty (db));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (count_table (db, tables[i]), ==, 0);

  g_clear_error (&error);
  ws_database_set_actor (db, "Test officer", WS_ROLE_OFFICER);
  fill (db, 10, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person"), ==, 10);
}

static void
test_small_units (Fixture       *fixture,
                  gconstpointer  data)
{
  fill (fixture->db, 1, 3);
  assert_constraints_hold (fixture->db);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM court_case"), ==, 1);
}

static void
fill_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ws_demo_fill_finish (WS_DATABASE (source), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (loop);
}

static void
changed_cb (WsDatabase *db,
            gboolean   *changed)
{
  *changed = TRUE;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(WsDatabase) again = open_database (fixture, "again.db");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gboolean changed = FALSE;

  g_signal_connect (fixture->db, "changed", G_CALLBACK (changed_cb), &changed);
  ws_demo_fill_async (fixture->db, WS_DEMO_WITNESSES, NULL, fill_done_cb, loop);
  g_main_loop_run (loop);
  g_assert_true (changed);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM person"), ==, WS_DEMO_WITNESSES);

  /* The asynchronous fill uses the fixed seed. */
  fill (again, WS_DEMO_WITNESSES, WS_DEMO_SEED);
  first = fingerprint (fixture->db);
  second = fingerprint (again);
  g_assert_cmpstr (first, ==, second);
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_false (ws_demo_fill_finish (WS_DATABASE (source), result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_main_loop_quit (loop);
}

static void
test_async_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  ws_demo_fill_async (fixture->db, WS_DEMO_WITNESSES, cancellable, cancelled_cb, loop);
  g_main_loop_run (loop);
  g_assert_true (ws_database_is_empty (fixture->db));
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM need"), ==, 0);
}

static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  WsDatabase *db = fixture->db;
  guint n = GPOINTER_TO_UINT (data);
  gint64 started = g_get_monotonic_time ();
  double seconds;

  fill (db, n, 11);
  seconds = (g_get_monotonic_time () - started) / 1e6;
  g_test_message ("%u witnesses in %.2f s", n, seconds);
  if (g_test_perf ())
    g_test_minimized_result (seconds, "filling %u witnesses: %.2f s", n, seconds);

  assert_constraints_hold (db);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person"), ==, n);
  g_assert_cmpint (count (db, "SELECT count(*) FROM identity"), ==, n);
  g_assert_cmpint (count (db, "SELECT count(*) FROM court_case"), ==, (n * 2 + 6) / 7);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT pseudonym COLLATE NOCASE) FROM person"), ==, n);
  g_assert_cmpint (count (db, "SELECT count(*) FROM person_language pl WHERE position = 0 AND NOT EXISTS"
                              " (SELECT 1 FROM interpreter_language il WHERE il.language = pl.language)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM hearing"), >, n / 5);
  g_assert_cmpint (count (db, "SELECT count(*) FROM session"), >, n / 10);
  g_assert_cmpint (count (db, "SELECT count(*) FROM support_item"), >, n * 5);
  /* Nobody is booked twice at once: no two live sessions of one witness overlap. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM session a JOIN session b ON a.person_id = b.person_id AND a.id < b.id"
                              " WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'"
                              " AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM session a JOIN session b ON a.remote_site_id = b.remote_site_id"
                              " AND a.id < b.id WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'"
                              " AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/ws/demo/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("unit-counts", test_unit_counts, NULL);
  ADD ("unit-identity", test_unit_identity, NULL);
  ADD ("deterministic", test_deterministic, NULL);
  ADD ("refuses-non-empty", test_refuses_non_empty, NULL);
  ADD ("failure-leaves-nothing", test_failure_leaves_nothing, NULL);
  ADD ("small-units", test_small_units, NULL);
  ADD ("async", test_async, NULL);
  ADD ("async-cancelled", test_async_cancelled, NULL);
  ADD ("large-2000", test_large, GUINT_TO_POINTER (2000));
  /* The full-size unit is a benchmark: run with -m perf. */
  if (g_test_perf ())
    ADD ("large-10000", test_large, GUINT_TO_POINTER (10000));

#undef ADD

  return g_test_run ();
}
