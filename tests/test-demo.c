/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <string.h>

#include "ws-database-private.h"
#include "ws-demo.h"
#include "ws-hearing.h"
#include "ws-store.h"
#include "ws-test-util.h"
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
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return ws_test_open_db (path);
}

/* The default actor is kept: the suite checks the demonstration needs no other. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ws_test_make_tmp_dir ("test-demo-XXXXXX");
  fixture->db = open_database (fixture, "unit.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ws_test_wait_for_last_ref (fixture->db);
  ws_test_close_tmp_db (fixture->db, fixture->dir);
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

static void
assert_constraints_hold (WsDatabase *db)
{
  g_autofree char *integrity = ws_test_query_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  /* Aids proposed on linking a child are not written a second time. */
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM (SELECT 1 FROM measure WHERE person_id IS NOT NULL"
                                          " GROUP BY case_id, person_id, type HAVING count(*) > 1)"), ==, 0);
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

  g_assert_cmpint (ws_test_count_rows (db, "person"), ==, WS_DEMO_WITNESSES);
  g_assert_cmpint (ws_test_count_rows (db, "identity"), ==, WS_DEMO_WITNESSES);
  g_assert_cmpint (ws_test_count_rows (db, "court_case"), ==, 12);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT stage) FROM court_case"), ==, 6);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT phase) FROM person"), ==, 5);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM person WHERE age_status = 'child'"), >=, 1);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM person WHERE age_status = 'presumed-child'"), >=, 1);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM person WHERE age_status = 'child' AND age_assessed_on IS NULL"), ==, 0);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM person p WHERE NOT EXISTS"
                                          " (SELECT 1 FROM case_party WHERE person_id = p.id)"), >=, 2);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM case_party WHERE label NOT LIKE 'Witness %'"), ==, 0);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM court_case c WHERE NOT EXISTS"
                                          " (SELECT 1 FROM case_party WHERE case_id = c.id)"), ==, 0);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT form) FROM case_exploitation"), >=, 6);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM accused WHERE label NOT LIKE 'Accused _'"), ==, 0);

  /* People abroad, in the zones the scheduler must cope with. */
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT zone) FROM person WHERE zone IN"
                                          " ('Europe/Bucharest', 'Asia/Bangkok', 'Africa/Lagos', 'Asia/Ho_Chi_Minh')"), ==, 4);

  /* Hearings both behind and ahead of now. */
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM hearing WHERE starts_at > strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"), >=, 3);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM hearing WHERE starts_at < strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"), >=, 3);

  /* Sites of every kind in several zones, each with hours, and a closure. */
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT zone) FROM site"), >=, 5);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT zone) FROM site WHERE zone IN ('Europe/London', 'Europe/Vienna',"
                                          " 'America/New_York', 'Asia/Bangkok', 'Australia/Sydney')"), ==, 5);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT kind) FROM site"), ==, 3);
  g_assert_cmpint (ws_test_count_rows (db, "site_closure"), >=, 1);

  /* Interpreters: every language anyone speaks, sign language, time away, exclusions. */
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM person_language pl WHERE NOT EXISTS"
                                          " (SELECT 1 FROM interpreter_language il WHERE il.language = pl.language)"), ==, 0);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM interpreter_language WHERE modality = 'sign'"), >=, 1);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT gender) FROM interpreter"), ==, 2);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT zone) FROM interpreter"), >=, 3);
  g_assert_cmpint (ws_test_count_rows (db, "interpreter_unavailability"), >=, 1);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM interpreter_exclusion WHERE case_id IS NOT NULL"), >=, 1);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM interpreter_exclusion WHERE person_id IS NOT NULL"), >=, 1);

  /* Video links across zones, in every status, cancelled ones with a reason. */
  g_assert_cmpint (ws_test_count_rows (db, "session"), >=, 5);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT s.zone) FROM session JOIN site s ON s.id = session.remote_site_id"), >=, 3);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT status) FROM session"), ==, 3);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM session WHERE status = 'cancelled' AND cancel_reason = ''"), ==, 0);
  g_assert_cmpint (ws_test_count_rows (db, "session_interpreter"), >=, 1);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM session s WHERE NOT EXISTS"
                                          " (SELECT 1 FROM session_history WHERE session_id = s.id)"), ==, 0);

  /* The support plan and everything built on it. */
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT category) FROM need WHERE builtin = 1"), ==, 11);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT phase) FROM support_item"), ==, 5);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM person p WHERE NOT EXISTS"
                                          " (SELECT 1 FROM support_item WHERE person_id = p.id)"), ==, 0);
  /* Every checklist, the child track included. */
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT track) FROM checklist_item"), ==, 6);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT status) FROM measure"), ==, 6);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM measure m WHERE NOT EXISTS"
                                          " (SELECT 1 FROM measure_history WHERE measure_id = m.id AND status = m.status)"), ==, 0);
  g_assert_cmpint (ws_test_count_rows (db, "verdict"), >=, 4);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!g_str_equal (tables[i], "audit") && !g_str_equal (tables[i], "compensation_claim"))
      {
        g_test_message ("%s", tables[i]);
        g_assert_cmpint (ws_test_count_rows (db, tables[i]), >, 0);
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
  g_autofree char *cases = ws_test_query_text (db, "SELECT group_concat (reference || '/' || stage, ',') FROM"
                                                   " (SELECT reference, stage FROM court_case ORDER BY id)");
  g_autofree char *sites = ws_test_query_text (db, "SELECT group_concat (name, ',') FROM"
                                                   " (SELECT name FROM site ORDER BY id)");

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
  g_assert_cmpint (ws_test_count_rows (fixture->db, "session"), ==, ws_test_count_rows (again, "session"));
  g_assert_cmpint (ws_test_count_rows (fixture->db, "support_item"), ==,
                   ws_test_count_rows (again, "support_item"));
}

static void
test_refuses_non_empty (Fixture       *fixture,
                        gconstpointer  data)
{
  WsDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;
  g_autoptr(WsPerson) person = ws_test_add_person (db, "Existing", NULL);
  gint64 before[G_N_ELEMENTS (tables)];

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    before[i] = ws_test_count_rows (db, tables[i]);

  g_assert_false (ws_demo_fill (db, WS_DEMO_WITNESSES, 1, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The database already holds records; demonstration data only goes into an empty database");

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (ws_test_count_rows (db, tables[i]), ==, before[i]);
  g_assert_cmpint (ws_test_count_rows (db, "person"), ==, 1);
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
  /* The shipped catalogue of needs is not the demonstration's. */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!g_str_equal (tables[i], "need"))
      g_assert_cmpint (ws_test_count_rows (db, tables[i]), ==, 0);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM need WHERE builtin = 0"), ==, 0);

  g_clear_error (&error);
  ws_database_set_actor (db, "Test officer", WS_ROLE_OFFICER);
  fill (db, 10, 1);
  g_assert_cmpint (ws_test_count_rows (db, "person"), ==, 10);
}

static void
test_small_units (Fixture       *fixture,
                  gconstpointer  data)
{
  fill (fixture->db, 1, 3);
  assert_constraints_hold (fixture->db);
  g_assert_cmpint (ws_test_count_rows (fixture->db, "person"), ==, 1);
  g_assert_cmpint (ws_test_count_rows (fixture->db, "court_case"), ==, 1);
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
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDatabase) again = open_database (fixture, "again.db");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gboolean changed = FALSE;

  g_signal_connect (fixture->db, "changed", G_CALLBACK (changed_cb), &changed);
  ws_demo_fill_async (fixture->db, WS_DEMO_WITNESSES, NULL, ws_test_keep_result_cb, &result);
  g_assert_true (ws_demo_fill_finish (fixture->db, ws_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (changed);
  g_assert_cmpint (ws_test_count_rows (fixture->db, "person"), ==, WS_DEMO_WITNESSES);

  /* The asynchronous fill uses the fixed seed. */
  fill (again, WS_DEMO_WITNESSES, WS_DEMO_SEED);
  first = fingerprint (fixture->db);
  second = fingerprint (again);
  g_assert_cmpstr (first, ==, second);
}

static void
test_async_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ws_demo_fill_async (fixture->db, WS_DEMO_WITNESSES, cancellable, ws_test_keep_result_cb, &result);
  g_assert_false (ws_demo_fill_finish (fixture->db, ws_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
  g_assert_true (ws_database_is_empty (fixture->db));
  /* The shipped catalogue of needs is there from the start; nothing of
   * the demonstration's own directory is. */
  g_assert_cmpint (ws_test_count_rows (fixture->db, "agency"), ==, 0);
}

/* The Hearings place has something to show in each state: upcoming
 * hearings ready with nothing refused, ready with a refusal, with
 * measures undecided, and with granted measures not yet arranged. */
static void
test_hearing_states (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GPtrArray) hearings = NULL;
  g_autoptr(GError) error = NULL;
  guint ready = 0, ready_refused = 0, undecided = 0, unarranged = 0;

  fill (fixture->db, WS_DEMO_WITNESSES, GPOINTER_TO_UINT (data));
  hearings = ws_database_list_hearings (fixture->db, now, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hearings->len; i++)
    {
      WsHearing *h = g_ptr_array_index (hearings, i);
      guint refused = ws_hearing_get_count (h, WS_READINESS_REFUSED);

      if (ws_hearing_get_count (h, WS_READINESS_UNDECIDED) > 0)
        undecided++;
      else if (ws_hearing_get_count (h, WS_READINESS_GRANTED_NOT_ARRANGED) > 0)
        unarranged++;
      else if (refused > 0)
        ready_refused++;
      else if (ws_hearing_get_count (h, WS_READINESS_ARRANGED) > 0)
        ready++;
      g_assert_cmpint (ws_hearing_is_ready (h), ==,
                       ws_hearing_get_count (h, WS_READINESS_UNDECIDED) == 0 &&
                       ws_hearing_get_count (h, WS_READINESS_GRANTED_NOT_ARRANGED) == 0);
    }
  g_test_message ("upcoming: %u ready, %u ready with a refusal, %u undecided, %u not arranged",
                  ready, ready_refused, undecided, unarranged);
  g_assert_cmpuint (ready, >=, 1);
  g_assert_cmpuint (ready_refused, >=, 1);
  g_assert_cmpuint (undecided, >=, 1);
  g_assert_cmpuint (unarranged, >=, 1);
  /* The refusal in a ready case says what was considered instead. */
  g_assert_cmpint (ws_test_query_int (fixture->db, "SELECT count(*) FROM measure WHERE status = 'refused'"
                                                   " AND trim (alternative) <> ''"), >=, 1);
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
  g_assert_cmpint (ws_test_count_rows (db, "person"), ==, n);
  g_assert_cmpint (ws_test_count_rows (db, "identity"), ==, n);
  g_assert_cmpint (ws_test_count_rows (db, "court_case"), ==, (n * 2 + 6) / 7);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(DISTINCT pseudonym COLLATE NOCASE) FROM person"), ==, n);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM person_language pl WHERE position = 0 AND NOT EXISTS"
                                          " (SELECT 1 FROM interpreter_language il WHERE il.language = pl.language)"), ==, 0);
  g_assert_cmpint (ws_test_count_rows (db, "hearing"), >, n / 5);
  g_assert_cmpint (ws_test_count_rows (db, "session"), >, n / 10);
  g_assert_cmpint (ws_test_count_rows (db, "support_item"), >, n * 5);
  /* Nobody is booked twice at once: no two live sessions of one witness overlap. */
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM session a JOIN session b ON a.person_id = b.person_id AND a.id < b.id"
                                          " WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'"
                                          " AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"), ==, 0);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM session a JOIN session b ON a.remote_site_id = b.remote_site_id"
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
  ADD ("hearing-states/seed-1", test_hearing_states, GUINT_TO_POINTER (1));
  ADD ("hearing-states/seed-7", test_hearing_states, GUINT_TO_POINTER (7));
  ADD ("async-cancelled", test_async_cancelled, NULL);
  ADD ("large-2000", test_large, GUINT_TO_POINTER (2000));
  /* The full-size unit is a benchmark: run with -m perf. */
  if (g_test_perf ())
    ADD ("large-10000", test_large, GUINT_TO_POINTER (10000));

#undef ADD

  return g_test_run ();
}
