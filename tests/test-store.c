/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <string.h>

#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-text.h"
#include "ws-time.h"

typedef WsTestFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* A fixed "today" so that "in the future" means the same every run. */
  ws_test_set_now ("2024-06-01T12:00:00Z");
  ws_test_fixture_set_up (fixture, data);
}

static guint
count_history (WsDatabase *db,
               const char *subject,
               gint64      id,
               const char *change)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _ws_database_prepare (db, "SELECT count(*) FROM change_history"
                                   " WHERE subject = ? AND subject_id = ? AND (?3 IS NULL OR change = ?3)"
                                   " AND actor = '" WS_TEST_OFFICER "'", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (change != NULL)
    sqlite3_bind_text (stmt, 3, change, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static WsPerson *
new_person (const char *pseudonym)
{
  WsPerson *person = ws_person_new ();

  ws_person_set_pseudonym (person, pseudonym);
  return person;
}

static WsCase *
new_case (const char *reference,
          const char *court)
{
  WsCase *court_case = ws_case_new ();

  ws_case_set_reference (court_case, reference);
  ws_case_set_court (court_case, court);
  return court_case;
}

/* How many records @list gives: counted through the store, as a view sees them. */
static guint
count_listed (WsDatabase  *db,
              GPtrArray *(*list) (WsDatabase *db, GCancellable *cancellable, GError **error))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = list (db, NULL, &error);

  g_assert_no_error (error);
  return records->len;
}

/* Saving @person must fail with @code and a problem about @field, and
 * leave the database as it was. */
static void
assert_person_refused (WsDatabase *db,
                       WsPerson   *person,
                       int         code,
                       const char *field)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  guint persons = count_listed (db, ws_database_list_persons);
  gint64 history = ws_test_count_rows (db, "change_history");
  gint64 id = ws_person_get_id (person);

  ws_database_check_person (db, person, NULL, problems);
  if (ws_problems_lookup (problems, field) == NULL)
    g_error ("expected a problem about “%s” for “%s”", field, ws_person_get_pseudonym (person));

  g_assert_false (ws_database_save_person (db, person, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, code);
  g_assert_cmpstr (error->message, ==, ((WsProblem *) g_ptr_array_index (problems, 0))->message);
  g_assert_cmpint (ws_person_get_id (person), ==, id);
  g_assert_cmpuint (count_listed (db, ws_database_list_persons), ==, persons);
  g_assert_cmpint (ws_test_count_rows (db, "change_history"), ==, history);
}

static void
assert_case_refused (WsDatabase *db,
                     WsCase     *court_case,
                     int         code,
                     const char *field)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  guint cases = count_listed (db, ws_database_list_cases);
  gint64 history = ws_test_count_rows (db, "change_history");
  gint64 id = ws_case_get_id (court_case);

  ws_database_check_case (db, court_case, problems);
  if (ws_problems_lookup (problems, field) == NULL)
    g_error ("expected a problem about “%s” for “%s”", field, ws_case_get_reference (court_case));

  g_assert_false (ws_database_save_case (db, court_case, &error));
  g_assert_error (error, WS_DATABASE_ERROR, code);
  g_assert_cmpint (ws_case_get_id (court_case), ==, id);
  g_assert_cmpuint (count_listed (db, ws_database_list_cases), ==, cases);
  g_assert_cmpint (ws_test_count_rows (db, "change_history"), ==, history);
}

/* ------------------------------------------------------------------ */
/* ws-text */

static void
test_text_fold (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "José", "jose" },
    { "ÑÚÑEZ", "nunez" },
    { "Zoë Ångström", "zoe angstrom" },
    { "Straße", "strasse" },
    { "ﬁne", "fine" },
    { "ИВАНОВА Йорданка", "иванова иорданка" },
    { "Đức Łucja Øster", "duc lucja oster" },
    { "ĐỨC", "duc" },
    { "already plain", "already plain" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = ws_text_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
  {
    g_autofree char *folded = ws_text_fold (NULL);
    g_autofree char *invalid = ws_text_fold ("bad \xff utf-8");

    g_assert_cmpstr (folded, ==, "");
    g_assert_cmpstr (invalid, ==, "");
  }
}

static void
test_text_helpers (void)
{
  g_autofree char *stripped = ws_text_strip_dup ("  Witness A \n");
  g_autofree char *stripped_null = ws_text_strip_dup (NULL);
  g_autofree char *joined = ws_text_join_list ((const char *[]) { "Arabic (Levantine)", "French", NULL });
  g_autofree char *joined_null = ws_text_join_list (NULL);
  g_auto(GStrv) items = ws_text_split_list (" Arabic , French,,\n  Tigrinya ; Dari \n");
  g_auto(GStrv) none = ws_text_split_list (" , \n ; ");
  g_auto(GStrv) none_null = ws_text_split_list (NULL);
  g_autoptr(GPtrArray) problems = ws_problems_new ();

  g_assert_true (ws_text_is_blank (NULL));
  g_assert_true (ws_text_is_blank (""));
  g_assert_true (ws_text_is_blank (" \t\n\u00a0"));
  g_assert_false (ws_text_is_blank (" x "));
  g_assert_cmpstr (stripped, ==, "Witness A");
  g_assert_cmpstr (stripped_null, ==, "");
  g_assert_cmpstr (joined, ==, "Arabic (Levantine), French");
  g_assert_cmpstr (joined_null, ==, "");
  ws_test_assert_strv ((const char * const *) items, (const char *[]) { "Arabic", "French", "Tigrinya", "Dari", NULL });
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (none_null), ==, 0);

  ws_problems_add (problems, "zone", "%s is wrong", "Mars/Base");
  ws_problems_add (problems, "zone", "second");
  ws_problems_add (problems, "court", "needed");
  g_assert_cmpstr (ws_problems_lookup (problems, "zone"), ==, "Mars/Base is wrong");
  g_assert_cmpstr (ws_problems_lookup (problems, "court"), ==, "needed");
  g_assert_null (ws_problems_lookup (problems, "reference"));
  g_assert_null (ws_problems_lookup (NULL, "reference"));
}

static void
test_language_parse (void)
{
  const struct { const char *text, *language, *dialect; } good[] = {
    { "Arabic (Levantine)", "Arabic", "Levantine" },
    { "  Arabic   ( Levantine )  ", "Arabic", "Levantine" },
    { "French", "French", "" },
    { " Tigrinya ", "Tigrinya", "" },
    { "Chinese (Cantonese, Hong Kong)", "Chinese", "Cantonese, Hong Kong" },
    { "Sign language ()", "Sign language", "" },
  };
  const char *bad[] = {
    "Arabic (Levantine", "Arabic Levantine)", "(Levantine)", " (Levantine)", "Arabic (Levantine) Syria",
    "Arabic ((Levantine))", "Arabic (Lev) (Syria)", "", "   ", ")",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *language = NULL;
      g_autofree char *dialect = NULL;

      if (!ws_language_parse (good[i].text, &language, &dialect))
        g_error ("“%s” was refused", good[i].text);
      g_assert_cmpstr (language, ==, good[i].language);
      g_assert_cmpstr (dialect, ==, good[i].dialect);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *language = NULL;
      g_autofree char *dialect = NULL;

      if (ws_language_parse (bad[i], &language, &dialect))
        g_error ("“%s” was accepted", bad[i]);
      g_assert_null (language);
      g_assert_null (dialect);
    }
}

static void
test_language_format (void)
{
  g_autofree char *both = ws_language_format ("Arabic", "Levantine");
  g_autofree char *empty = ws_language_format ("Arabic", "");
  g_autofree char *none = ws_language_format ("Arabic", NULL);
  g_autofree char *language = NULL;
  g_autofree char *dialect = NULL;

  g_assert_cmpstr (both, ==, "Arabic (Levantine)");
  g_assert_cmpstr (empty, ==, "Arabic");
  g_assert_cmpstr (none, ==, "Arabic");

  /* Formatting and parsing are inverses. */
  g_assert_true (ws_language_parse (both, &language, &dialect));
  g_assert_cmpstr (language, ==, "Arabic");
  g_assert_cmpstr (dialect, ==, "Levantine");
}

/* ------------------------------------------------------------------ */
/* ws-time */

static void
test_time_parse_date (void)
{
  const char *good[] = { "2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01", "2023-01-31" };
  const char *bad[] = {
    "2023-02-29", "2023-02-30", "1900-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00",
    "31/01/2020", "2020/01/31", "2020-1-31", "2020-01-1", "20-01-31", "2020-01-31 ", " 2020-01-31",
    "2020-01-31T00:00:00Z", "+020-01-31", "2020-+1-31", "2020- 1-31", "0000-01-01", "", "today",
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *back = NULL;

      if (!ws_time_parse_date (good[i], &date))
        g_error ("“%s” was refused", good[i]);
      g_assert_true (g_date_valid (&date));
      back = ws_time_format_date (&date);
      g_assert_cmpstr (back, ==, good[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (ws_time_parse_date (bad[i], &date))
      g_error ("“%s” was accepted", bad[i]);
  g_assert_false (ws_time_parse_date (NULL, &date));

  g_assert_true (ws_time_parse_date ("2024-03-05", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&date), ==, 5);
}

static void
test_time_parse_instant (void)
{
  const char *bad[] = {
    "2024-03-31T01:30:00", "2024-03-31 01:30:00Z", "2024-03-31T01:30:00+01:00", "2024-03-31T24:00:00Z",
    "2024-03-31T23:60:00Z", "2024-03-31T23:59:60Z", "2024-02-30T00:00:00Z", "2024-03-31T1:30:00Z",
    "2024-03-31T 1:30:00Z", "2024-03-31T+1:30:00Z", "2024-03-31T-1:30:00Z", "2024-3-31T01:30:00ZZ",
    "2024-03-31T01:30:00.5Z", "2024-03-31t01:30:00z", "2024-03-31", "", "0000-01-01T00:00:00Z",
  };
  g_autoptr(GDateTime) instant = ws_time_parse_instant ("2024-03-31T01:30:05Z");
  g_autoptr(GTimeZone) vienna = g_time_zone_new_identifier ("Europe/Vienna");
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *formatted = NULL;

  g_assert_nonnull (instant);
  g_assert_cmpint (g_date_time_get_utc_offset (instant), ==, 0);
  g_assert_cmpint (g_date_time_get_year (instant), ==, 2024);
  g_assert_cmpint (g_date_time_get_month (instant), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (instant), ==, 31);
  g_assert_cmpint (g_date_time_get_hour (instant), ==, 1);
  g_assert_cmpint (g_date_time_get_minute (instant), ==, 30);
  g_assert_cmpint (g_date_time_get_second (instant), ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GDateTime) parsed = ws_time_parse_instant (bad[i]);

      if (parsed != NULL)
        g_error ("“%s” was accepted", bad[i]);
    }
  g_assert_null (ws_time_parse_instant (NULL));

  /* Formatting always gives UTC, whatever zone the instant was made in;
   * 03:30 in Vienna on the day summer time begins is 01:30 UTC. */
  g_assert_nonnull (vienna);
  local = g_date_time_new (vienna, 2024, 3, 31, 3, 30, 5);
  formatted = ws_time_format_instant (local);
  g_assert_cmpstr (formatted, ==, "2024-03-31T01:30:05Z");
  g_assert_true (g_date_time_equal (local, instant));
}

static void
test_time_years_between (void)
{
  const struct { const char *from, *to; int years; } cases[] = {
    { "2000-02-29", "2018-02-28", 17 },
    { "2000-02-29", "2018-03-01", 18 },
    { "2006-06-01", "2024-05-31", 17 },
    { "2006-06-01", "2024-06-01", 18 },
    { "2024-06-01", "2024-06-01", 0 },
    { "2023-12-31", "2024-01-01", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from, to;

      g_assert_true (ws_time_parse_date (cases[i].from, &from));
      g_assert_true (ws_time_parse_date (cases[i].to, &to));
      g_assert_cmpint (ws_time_years_between (&from, &to), ==, cases[i].years);
    }
  {
    GDate from, to;

    g_assert_true (ws_time_parse_date ("2024-06-01", &from));
    g_assert_true (ws_time_parse_date ("2020-01-01", &to));
    g_assert_cmpint (ws_time_years_between (&from, &to), <, 0);
  }
}

static void
test_time_zone_valid (void)
{
  const char *good[] = { "UTC", "Europe/Vienna", "America/Argentina/Buenos_Aires", "Asia/Kolkata" };
  const char *bad[] = { "", "Mars/Olympus_Mons", "Europe/Atlantis", "Not a zone" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (ws_time_zone_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (ws_time_zone_is_valid (bad[i]))
      g_error ("“%s” was accepted as a zone", bad[i]);
  g_assert_false (ws_time_zone_is_valid (NULL));
}

static void
test_time_set_now (void)
{
  g_autoptr(GTimeZone) plus_two = g_time_zone_new_identifier ("+02:00");
  g_autoptr(GDateTime) fixed = g_date_time_new (plus_two, 2024, 6, 1, 1, 15, 0);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) real = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *iso = NULL;

  ws_time_set_now (fixed);
  now = ws_time_now ();
  g_assert_true (g_date_time_equal (now, fixed));
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, 0);
  iso = ws_time_now_iso ();
  g_assert_cmpstr (iso, ==, "2024-05-31T23:15:00Z");
  /* Today is local (TZ=UTC in this test). */
  today = ws_time_today ();
  g_assert_cmpint (g_date_get_year (today), ==, 2024);
  g_assert_cmpint (g_date_get_month (today), ==, 5);
  g_assert_cmpint (g_date_get_day (today), ==, 31);

  ws_time_set_now (NULL);
  real = ws_time_now ();
  g_assert_cmpint (g_date_time_get_year (real), >=, 2024);
  g_assert_false (g_date_time_equal (real, fixed));
}

/* ------------------------------------------------------------------ */
/* persons */

static void
test_person_create_and_read (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(WsPerson) person = new_person ("  Witness Rose  ");
  g_autoptr(WsPerson) read = NULL;
  g_autoptr(WsPerson) copy = NULL;
  g_autoptr(GError) error = NULL;
  const WsVulnerability flags = WS_VULNERABILITY_DISABILITY | WS_VULNERABILITY_TRAUMA |
                                WS_VULNERABILITY_IRREGULAR_STATUS;

  ws_person_set_gender (person, WS_GENDER_NON_BINARY);
  ws_person_set_gender_in_summary (person, TRUE);
  ws_person_set_interpreter_gender (person, WS_INTERPRETER_GENDER_FEMALE);
  ws_person_set_vulnerability (person, flags);
  ws_person_set_age_status (person, WS_AGE_STATUS_PRESUMED_CHILD);
  ws_person_set_age_assessed_on (person, "2024-05-02");
  ws_person_set_risk_level (person, WS_RISK_LEVEL_HIGH);
  ws_person_set_phase (person, WS_PHASE_INVESTIGATION);
  ws_person_set_status (person, WS_PERSON_STATUS_ACTIVE);
  ws_person_set_first_contact_on (person, "2024-06-01");
  ws_person_set_zone (person, "Europe/Vienna");
  ws_person_set_notes (person, "Prefers mornings.\nNo phone calls.");
  ws_person_set_languages (person, (const char *[]) { "Tigrinya (Eritrean)", "Arabic (Levantine)", "English", NULL });

  ws_database_save_person (fixture->db, person, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_person_get_id (person), >, 0);
  g_assert_cmpstr (ws_person_get_pseudonym (person), ==, "Witness Rose");
  g_assert_cmpuint (count_history (fixture->db, "person", ws_person_get_id (person), "created"), ==, 1);

  read = ws_database_get_person (fixture->db, ws_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_person_get_id (read), ==, ws_person_get_id (person));
  g_assert_cmpstr (ws_person_get_pseudonym (read), ==, "Witness Rose");
  g_assert_cmpint (ws_person_get_gender (read), ==, WS_GENDER_NON_BINARY);
  g_assert_true (ws_person_get_gender_in_summary (read));
  g_assert_cmpint (ws_person_get_interpreter_gender (read), ==, WS_INTERPRETER_GENDER_FEMALE);
  g_assert_cmpint (ws_person_get_vulnerability (read), ==, flags);
  g_assert_cmpint (ws_person_get_age_status (read), ==, WS_AGE_STATUS_PRESUMED_CHILD);
  g_assert_true (ws_person_is_child (read));
  g_assert_cmpstr (ws_person_get_age_assessed_on (read), ==, "2024-05-02");
  g_assert_cmpint (ws_person_get_risk_level (read), ==, WS_RISK_LEVEL_HIGH);
  g_assert_cmpint (ws_person_get_phase (read), ==, WS_PHASE_INVESTIGATION);
  g_assert_cmpint (ws_person_get_status (read), ==, WS_PERSON_STATUS_ACTIVE);
  g_assert_cmpstr (ws_person_get_first_contact_on (read), ==, "2024-06-01");
  g_assert_cmpstr (ws_person_get_zone (read), ==, "Europe/Vienna");
  g_assert_cmpstr (ws_person_get_notes (read), ==, "Prefers mornings.\nNo phone calls.");
  ws_test_assert_strv (ws_person_get_languages (read),
               (const char *[]) { "Tigrinya (Eritrean)", "Arabic (Levantine)", "English", NULL });
  ws_test_assert_strv (ws_person_get_case_references (read), (const char *[]) { NULL });

  /* Stored by nick, as the exchange format expects. */
  g_assert_cmpint (ws_test_query_int (fixture->db, "SELECT count(*) FROM person WHERE gender = 'non-binary'"
                                                   " AND interpreter_gender = 'female' AND age_status = 'presumed-child'"
                                                   " AND risk_level = 'high' AND phase = 'investigation'"), ==, 1);
  g_assert_cmpint (ws_test_query_int (fixture->db, "SELECT count(*) FROM person_language WHERE language = 'Arabic'"
                                                   " AND dialect = 'Levantine' AND position = 1"), ==, 1);

  /* A copy is independent of the original. */
  copy = ws_person_copy (read);
  ws_person_set_languages (copy, NULL);
  ws_person_set_pseudonym (copy, "Changed");
  g_assert_cmpstr (ws_person_get_pseudonym (read), ==, "Witness Rose");
  g_assert_cmpuint (g_strv_length ((char **) ws_person_get_languages (read)), ==, 3);
  g_assert_cmpint (ws_person_get_id (copy), ==, ws_person_get_id (read));
  g_assert_cmpint (ws_person_get_vulnerability (copy), ==, flags);

  /* Find by pseudonym ignores case. */
  {
    g_autoptr(WsPerson) found = ws_database_find_person (fixture->db, "WITNESS rose", &error);

    g_assert_no_error (error);
    g_assert_cmpint (ws_person_get_id (found), ==, ws_person_get_id (person));
  }
}

static void
test_person_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, "Witness Rose", NULL);
  g_autoptr(WsPerson) edit = NULL;
  g_autoptr(WsPerson) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = ws_person_get_id (person);

  ws_person_set_languages (person, (const char *[]) { "Arabic (Levantine)", "French", NULL });
  ws_database_save_person (fixture->db, person, NULL, &error);
  g_assert_no_error (error);

  edit = ws_person_copy (person);
  ws_person_set_pseudonym (edit, "witness ROSE");  /* only the case changes: still ours */
  ws_person_set_languages (edit, (const char *[]) { "French", "Dari", "Arabic (Syrian)", NULL });
  ws_person_set_vulnerability (edit, WS_VULNERABILITY_PREGNANT);
  ws_person_set_phase (edit, WS_PHASE_TRIAL);
  ws_person_set_status (edit, WS_PERSON_STATUS_CLOSED);
  ws_person_set_age_assessed_on (edit, "");
  ws_database_save_person (fixture->db, edit, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_person_get_id (edit), ==, id);

  read = ws_database_get_person (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_person_get_pseudonym (read), ==, "witness ROSE");
  ws_test_assert_strv (ws_person_get_languages (read), (const char *[]) { "French", "Dari", "Arabic (Syrian)", NULL });
  g_assert_cmpint (ws_person_get_vulnerability (read), ==, WS_VULNERABILITY_PREGNANT);
  g_assert_cmpint (ws_person_get_phase (read), ==, WS_PHASE_TRIAL);
  g_assert_cmpint (ws_person_get_status (read), ==, WS_PERSON_STATUS_CLOSED);
  g_assert_null (ws_person_get_age_assessed_on (read));
  g_assert_cmpint (ws_test_count_rows (fixture->db, "person_language"), ==, 3);

  g_assert_cmpuint (count_history (fixture->db, "person", id, "created"), ==, 1);
  g_assert_cmpuint (count_history (fixture->db, "person", id, "edited"), ==, 2);
  g_assert_cmpuint (count_listed (fixture->db, ws_database_list_persons), ==, 1);
}

static void
test_person_pseudonym_required (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(WsPerson) empty = new_person ("");
  g_autoptr(WsPerson) blank = new_person (" \t ");
  g_autoptr(WsPerson) long_name = new_person (NULL);
  g_autoptr(GString) sixty_one = g_string_new (NULL);

  assert_person_refused (fixture->db, empty, WS_DATABASE_ERROR_INVALID, "pseudonym");
  assert_person_refused (fixture->db, blank, WS_DATABASE_ERROR_INVALID, "pseudonym");

  for (guint i = 0; i < 61; i++)
    g_string_append (sixty_one, "é");
  ws_person_set_pseudonym (long_name, sixty_one->str);
  assert_person_refused (fixture->db, long_name, WS_DATABASE_ERROR_INVALID, "pseudonym");
  g_assert_cmpuint (count_listed (fixture->db, ws_database_list_persons), ==, 0);
}

static void
test_person_duplicate_pseudonym (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(WsPerson) rose = ws_test_add_person (fixture->db, "Witness Rose", NULL);
  g_autoptr(WsPerson) again = new_person ("  witness ROSE ");
  g_autoptr(WsPerson) iris = ws_test_add_person (fixture->db, "Witness Iris", NULL);
  g_autoptr(GError) error = NULL;

  assert_person_refused (fixture->db, again, WS_DATABASE_ERROR_DUPLICATE, "pseudonym");
  {
    g_autoptr(GPtrArray) problems = ws_problems_new ();

    ws_database_check_person (fixture->db, again, NULL, problems);
    g_assert_nonnull (strstr (ws_problems_lookup (problems, "pseudonym"), "witness ROSE"));
  }

  /* Renaming another person onto a taken pseudonym is refused too. */
  ws_person_set_pseudonym (iris, "WITNESS rose");
  assert_person_refused (fixture->db, iris, WS_DATABASE_ERROR_DUPLICATE, "pseudonym");
  g_clear_object (&iris);
  iris = ws_database_find_person (fixture->db, "Witness Iris", &error);
  g_assert_no_error (error);
  g_assert_nonnull (iris);

  /* Deleting frees the pseudonym. */
  ws_database_delete_person (fixture->db, ws_person_get_id (rose), &error);
  g_assert_no_error (error);
  ws_database_save_person (fixture->db, again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_person_get_pseudonym (again), ==, "witness ROSE");
}

static void
test_person_dates (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *bad[] = { "2023-02-30", "31/01/2020", "2020-1-31", "yesterday" };
  g_autoptr(WsPerson) person = new_person ("Witness Rose");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ws_person_set_first_contact_on (person, bad[i]);
      assert_person_refused (fixture->db, person, WS_DATABASE_ERROR_INVALID, "first_contact_on");
    }
  ws_person_set_first_contact_on (person, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ws_person_set_age_assessed_on (person, bad[i]);
      assert_person_refused (fixture->db, person, WS_DATABASE_ERROR_INVALID, "age_assessed_on");
    }
  ws_person_set_age_assessed_on (person, NULL);

  /* "Today" is 2024-06-01 in these tests. */
  ws_person_set_first_contact_on (person, "2024-06-02");
  assert_person_refused (fixture->db, person, WS_DATABASE_ERROR_INVALID, "first_contact_on");
  {
    g_autoptr(GPtrArray) problems = ws_problems_new ();

    ws_database_check_person (fixture->db, person, NULL, problems);
    g_assert_nonnull (strstr (ws_problems_lookup (problems, "first_contact_on"), "future"));
  }
  ws_person_set_first_contact_on (person, "2024-06-01");
  ws_database_save_person (fixture->db, person, NULL, &error);
  g_assert_no_error (error);
}

static void
test_person_zone_and_languages (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(WsPerson) person = new_person ("Witness Rose");
  g_autoptr(WsPerson) read = NULL;
  g_autoptr(GError) error = NULL;

  ws_person_set_zone (person, "Mars/Olympus_Mons");
  assert_person_refused (fixture->db, person, WS_DATABASE_ERROR_INVALID, "zone");
  ws_person_set_zone (person, NULL);
  g_assert_cmpstr (ws_person_get_zone (person), ==, "UTC");
  ws_person_set_zone (person, "Africa/Asmara");

  ws_person_set_languages (person, (const char *[]) { "French", "Arabic (Levantine", NULL });
  assert_person_refused (fixture->db, person, WS_DATABASE_ERROR_INVALID, "languages");
  {
    g_autoptr(GPtrArray) problems = ws_problems_new ();

    ws_database_check_person (fixture->db, person, NULL, problems);
    g_assert_nonnull (strstr (ws_problems_lookup (problems, "languages"), "Arabic (Levantine"));
  }

  ws_person_set_languages (person, (const char *[]) { "Arabic ( Levantine )", " Tigrinya", "Sign language (ASL)", NULL });
  ws_database_save_person (fixture->db, person, NULL, &error);
  g_assert_no_error (error);
  read = ws_database_get_person (fixture->db, ws_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_person_get_zone (read), ==, "Africa/Asmara");
  ws_test_assert_strv (ws_person_get_languages (read),
               (const char *[]) { "Arabic (Levantine)", "Tigrinya", "Sign language (ASL)", NULL });
  {
    g_autofree char *text = ws_person_dup_languages_text (read);
    g_assert_cmpstr (text, ==, "Arabic (Levantine), Tigrinya, Sign language (ASL)");
  }
}

static void
test_person_check_by_field (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(WsPerson) person = new_person ("   ");
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  const char *fields[] = { "pseudonym", "languages", "first_contact_on", "age_assessed_on", "zone" };

  ws_person_set_languages (person, (const char *[]) { "(Levantine)", NULL });
  ws_person_set_first_contact_on (person, "31/01/2020");
  ws_person_set_age_assessed_on (person, "2031-01-01");
  ws_person_set_zone (person, "Europe/Atlantis");

  ws_database_check_person (fixture->db, person, NULL, problems);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *message = ws_problems_lookup (problems, fields[i]);

      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 5);
    }
  g_assert_nonnull (strstr (ws_problems_lookup (problems, "zone"), "Europe/Atlantis"));
  g_assert_nonnull (strstr (ws_problems_lookup (problems, "first_contact_on"), "31/01/2020"));

  /* A valid person has no problems. */
  g_ptr_array_set_size (problems, 0);
  ws_person_set_pseudonym (person, "Witness Rose");
  ws_person_set_languages (person, NULL);
  ws_person_set_first_contact_on (person, NULL);
  ws_person_set_age_assessed_on (person, NULL);
  ws_person_set_zone (person, "UTC");
  ws_database_check_person (fixture->db, person, NULL, problems);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_person_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, "Witness Rose", NULL);
  g_autoptr(WsPerson) gone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = ws_person_get_id (person);

  ws_database_delete_person (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (fixture->db, "person", id, "deleted"), ==, 1);
  g_assert_cmpuint (count_listed (fixture->db, ws_database_list_persons), ==, 0);

  gone = ws_database_get_person (fixture->db, id, &error);
  g_assert_null (gone);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  gone = ws_database_find_person (fixture->db, "Witness Rose", &error);
  g_assert_null (gone);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (ws_database_delete_person (fixture->db, id, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_history (fixture->db, "person", id, "deleted"), ==, 1);
}

static void
test_person_edit_after_delete (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, "Witness Rose", NULL);
  g_autoptr(WsPerson) stale = ws_person_copy (person);
  g_autoptr(GError) error = NULL;
  gint64 id = ws_person_get_id (person);
  gint64 history;

  ws_database_delete_person (fixture->db, id, &error);
  g_assert_no_error (error);
  history = ws_test_count_rows (fixture->db, "change_history");

  ws_person_set_notes (stale, "edited in a window that was still open");
  ws_person_set_languages (stale, (const char *[]) { "French", NULL });
  g_assert_false (ws_database_save_person (fixture->db, stale, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpint (ws_person_get_id (stale), ==, id);

  g_assert_cmpuint (count_listed (fixture->db, ws_database_list_persons), ==, 0);
  g_assert_cmpint (ws_test_count_rows (fixture->db, "person_language"), ==, 0);
  g_assert_cmpint (ws_test_count_rows (fixture->db, "change_history"), ==, history);
  g_assert_cmpuint (count_history (fixture->db, "person", id, "edited"), ==, 0);
}

static void
test_person_list_order (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *names[] = { "charlie", "Alpha", "bravo", "Delta" };
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(WsCase) first = ws_test_add_case (fixture->db, "ZZ-9/2024", "Regional Court Vienna");
  g_autoptr(WsCase) second = ws_test_add_case (fixture->db, "AB-1/2023", "Regional Court Vienna");
  g_autoptr(GError) error = NULL;
  gint64 bravo_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, names[i], NULL);

      if (g_str_equal (names[i], "bravo"))
        bravo_id = ws_person_get_id (person);
    }
  ws_database_link_party (fixture->db, ws_case_get_id (first), bravo_id, WS_PARTY_ROLE_VICTIM_WITNESS,
                          "Witness A", &error);
  g_assert_no_error (error);
  ws_database_link_party (fixture->db, ws_case_get_id (second), bravo_id, WS_PARTY_ROLE_WITNESS,
                          "Witness A", &error);
  g_assert_no_error (error);

  persons = ws_database_list_persons (fixture->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, ==, 4);
  g_assert_cmpstr (ws_person_get_pseudonym (g_ptr_array_index (persons, 0)), ==, "Alpha");
  g_assert_cmpstr (ws_person_get_pseudonym (g_ptr_array_index (persons, 1)), ==, "bravo");
  g_assert_cmpstr (ws_person_get_pseudonym (g_ptr_array_index (persons, 2)), ==, "charlie");
  g_assert_cmpstr (ws_person_get_pseudonym (g_ptr_array_index (persons, 3)), ==, "Delta");
  ws_test_assert_strv (ws_person_get_case_references (g_ptr_array_index (persons, 1)),
               (const char *[]) { "AB-1/2023", "ZZ-9/2024", NULL });
  ws_test_assert_strv (ws_person_get_case_references (g_ptr_array_index (persons, 0)), (const char *[]) { NULL });
}

static void
test_person_matches (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(WsPerson) person = new_person ("Zoë Witness");
  g_autoptr(WsPerson) read = NULL;
  g_autoptr(WsCase) court_case = ws_test_add_case (fixture->db, "ÅB-12/2023", "Regional Court Vienna");
  g_autoptr(GError) error = NULL;
  const char *hits[] = { "zoe", "ZOË", "witness", "levant", "ARABIC", "tigrinya", "ab-12", "åb-12/2023", "2023" };
  const char *misses[] = { "zoey", "french", "cd-1", "dari", "arabic levantine" };

  ws_person_set_languages (person, (const char *[]) { "Arabic (Levantine)", "Tigrinya", NULL });
  ws_person_set_notes (person, "private note");
  ws_database_save_person (fixture->db, person, NULL, &error);
  g_assert_no_error (error);
  ws_database_link_party (fixture->db, ws_case_get_id (court_case), ws_person_get_id (person),
                          WS_PARTY_ROLE_VICTIM_WITNESS, "Witness A", &error);
  g_assert_no_error (error);
  read = ws_database_get_person (fixture->db, ws_person_get_id (person), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (hits); i++)
    {
      g_autofree char *query = ws_text_fold (hits[i]);

      if (!ws_person_matches (read, query))
        g_error ("“%s” did not match", hits[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (misses); i++)
    {
      g_autofree char *query = ws_text_fold (misses[i]);

      if (ws_person_matches (read, query))
        g_error ("“%s” matched", misses[i]);
    }
  {
    g_autofree char *notes = ws_text_fold ("private");

    /* Notes are not searched, nor is anything empty refused. */
    g_assert_false (ws_person_matches (read, notes));
    g_assert_true (ws_person_matches (read, ""));
    g_assert_true (ws_person_matches (read, NULL));
  }

  /* The search key follows edits. */
  {
    g_autofree char *query = ws_text_fold ("french");

    ws_person_set_languages (read, (const char *[]) { "French", NULL });
    g_assert_true (ws_person_matches (read, query));
    ws_person_set_pseudonym (read, "Witness Q");
    g_assert_false (ws_person_matches (read, "zoe"));
  }
}

static void
test_list_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) sync_persons = NULL;
  g_autoptr(GPtrArray) sync_cases = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Witness %02u", (i * 37) % 50);
      g_autoptr(WsPerson) person = new_person (name);

      ws_person_set_languages (person, (const char *[]) { "Arabic (Levantine)", i % 2 ? "French" : NULL, NULL });
      ws_database_save_person (fixture->db, person, NULL, &error);
      g_assert_no_error (error);
      if (i % 10 == 0)
        {
          g_autofree char *reference = g_strdup_printf ("C-%u", i);
          g_autoptr(WsCase) court_case = ws_test_add_case (fixture->db, reference, "Regional Court Vienna");

          ws_database_link_party (fixture->db, ws_case_get_id (court_case), ws_person_get_id (person),
                                  WS_PARTY_ROLE_VICTIM_WITNESS, "Witness A", &error);
          g_assert_no_error (error);
        }
    }

  sync_persons = ws_database_list_persons (fixture->db, NULL, &error);
  g_assert_no_error (error);
  ws_database_list_persons_async (fixture->db, NULL, ws_test_keep_result_cb, &result);
  listed = ws_database_list_persons_finish (fixture->db, ws_test_wait_for_result (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_nonnull (listed);
  g_assert_cmpuint (listed->len, ==, 50);
  g_assert_cmpuint (listed->len, ==, sync_persons->len);
  for (guint i = 0; i < sync_persons->len; i++)
    {
      WsPerson *a = g_ptr_array_index (sync_persons, i);
      WsPerson *b = g_ptr_array_index (listed, i);

      g_assert_cmpint (ws_person_get_id (a), ==, ws_person_get_id (b));
      g_assert_cmpstr (ws_person_get_pseudonym (a), ==, ws_person_get_pseudonym (b));
      ws_test_assert_strv (ws_person_get_languages (a), ws_person_get_languages (b));
      ws_test_assert_strv (ws_person_get_case_references (a), ws_person_get_case_references (b));
    }
  g_assert_cmpstr (ws_person_get_pseudonym (g_ptr_array_index (listed, 0)), ==, "Witness 00");
  g_assert_cmpstr (ws_person_get_pseudonym (g_ptr_array_index (listed, 49)), ==, "Witness 49");
  g_clear_pointer (&listed, g_ptr_array_unref);

  sync_cases = ws_database_list_cases (fixture->db, NULL, &error);
  g_assert_no_error (error);
  ws_database_list_cases_async (fixture->db, NULL, ws_test_keep_result_cb, &result);
  listed = ws_database_list_cases_finish (fixture->db, ws_test_wait_for_result (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 5);
  g_assert_cmpuint (listed->len, ==, sync_cases->len);
  for (guint i = 0; i < sync_cases->len; i++)
    {
      g_assert_cmpstr (ws_case_get_reference (g_ptr_array_index (sync_cases, i)), ==,
                       ws_case_get_reference (g_ptr_array_index (listed, i)));
      g_assert_cmpuint (ws_case_get_witness_count (g_ptr_array_index (listed, i)), ==, 1);
    }
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* A cancelled listing reports the cancellation. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    ws_database_list_persons_async (fixture->db, cancellable, ws_test_keep_result_cb, &result);
    listed = ws_database_list_persons_finish (fixture->db, ws_test_wait_for_result (&result), &error);
    g_clear_object (&result);
    g_assert_null (listed);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
  ws_test_wait_for_last_ref (fixture->db);
}

/* ------------------------------------------------------------------ */
/* cases */

static void
test_case_create_and_read (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(WsCase) court_case = new_case ("  AB-12/2023 ", " Regional Court Vienna ");
  g_autoptr(WsCase) read = NULL;
  g_autoptr(WsCase) copy = NULL;
  g_autoptr(GError) error = NULL;

  ws_case_set_prosecutor (court_case, "Petra Prosecutor");
  ws_case_set_stage (court_case, WS_CASE_STAGE_TRIAL);
  ws_case_set_opened_on (court_case, "2023-03-14");
  ws_case_set_notes (court_case, "Joint investigation with the labour inspectorate.");
  ws_case_set_offences (court_case, (const char *[]) { "Trafficking in human beings", "Smuggling of migrants", NULL });
  ws_case_set_exploitation (court_case, (const char *[]) { "labour", "sexual", "domestic-servitude", NULL });
  ws_case_set_accused (court_case, (const char *[]) { "Accused 2", "Accused 1", NULL });

  ws_database_save_case (fixture->db, court_case, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_case_get_id (court_case), >, 0);
  g_assert_cmpstr (ws_case_get_reference (court_case), ==, "AB-12/2023");
  g_assert_cmpstr (ws_case_get_court (court_case), ==, "Regional Court Vienna");
  g_assert_cmpuint (count_history (fixture->db, "case", ws_case_get_id (court_case), "created"), ==, 1);

  read = ws_database_get_case (fixture->db, ws_case_get_id (court_case), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_case_get_reference (read), ==, "AB-12/2023");
  g_assert_cmpstr (ws_case_get_court (read), ==, "Regional Court Vienna");
  g_assert_cmpstr (ws_case_get_prosecutor (read), ==, "Petra Prosecutor");
  g_assert_cmpint (ws_case_get_stage (read), ==, WS_CASE_STAGE_TRIAL);
  g_assert_cmpstr (ws_case_get_opened_on (read), ==, "2023-03-14");
  g_assert_cmpstr (ws_case_get_notes (read), ==, "Joint investigation with the labour inspectorate.");
  ws_test_assert_strv (ws_case_get_offences (read),
               (const char *[]) { "Trafficking in human beings", "Smuggling of migrants", NULL });
  /* Forms of exploitation are a set. */
  ws_test_assert_strv (ws_case_get_exploitation (read), (const char *[]) { "domestic-servitude", "labour", "sexual", NULL });
  ws_test_assert_strv (ws_case_get_accused (read), (const char *[]) { "Accused 2", "Accused 1", NULL });
  g_assert_cmpuint (ws_case_get_witness_count (read), ==, 0);

  copy = ws_case_copy (read);
  g_assert_cmpint (ws_case_get_id (copy), ==, ws_case_get_id (read));
  ws_case_set_accused (copy, NULL);
  g_assert_cmpuint (g_strv_length ((char **) ws_case_get_accused (read)), ==, 2);

  {
    g_autofree char *query = ws_text_fold ("PETRA");
    g_autofree char *court = ws_text_fold ("vienna");
    g_autofree char *miss = ws_text_fold ("labour");

    g_assert_true (ws_case_matches (read, query));
    g_assert_true (ws_case_matches (read, court));
    g_assert_false (ws_case_matches (read, miss));
  }
}

static void
test_case_validation (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(WsCase) existing = ws_test_add_case (fixture->db, "AB-12/2023", "Regional Court Vienna");
  g_autoptr(WsCase) court_case = new_case ("  ab-12/2023 ", "Regional Court");
  g_autoptr(GError) error = NULL;

  assert_case_refused (fixture->db, court_case, WS_DATABASE_ERROR_DUPLICATE, "reference");
  {
    g_autoptr(GPtrArray) problems = ws_problems_new ();

    ws_database_check_case (fixture->db, court_case, problems);
    g_assert_nonnull (strstr (ws_problems_lookup (problems, "reference"), "ab-12/2023"));
  }

  ws_case_set_reference (court_case, "  ");
  assert_case_refused (fixture->db, court_case, WS_DATABASE_ERROR_INVALID, "reference");

  ws_case_set_reference (court_case, "CD-1/2024");
  ws_case_set_court (court_case, " ");
  assert_case_refused (fixture->db, court_case, WS_DATABASE_ERROR_INVALID, "court");
  ws_case_set_court (court_case, "District Court");

  ws_case_set_opened_on (court_case, "2023-02-30");
  assert_case_refused (fixture->db, court_case, WS_DATABASE_ERROR_INVALID, "opened_on");
  ws_case_set_opened_on (court_case, "2024-06-02");
  assert_case_refused (fixture->db, court_case, WS_DATABASE_ERROR_INVALID, "opened_on");
  ws_case_set_opened_on (court_case, "2024-06-01");

  ws_case_set_exploitation (court_case, (const char *[]) { "sexual", "slavery", NULL });
  assert_case_refused (fixture->db, court_case, WS_DATABASE_ERROR_INVALID, "exploitation");
  ws_case_set_exploitation (court_case, (const char *[]) { "Sexual", NULL });
  assert_case_refused (fixture->db, court_case, WS_DATABASE_ERROR_INVALID, "exploitation");
  ws_case_set_exploitation (court_case, (const char *[]) { "forced-begging", "organ-removal", NULL });

  ws_case_set_accused (court_case, (const char *[]) { "Accused 1", "Accused 2", "Accused 1", NULL });
  assert_case_refused (fixture->db, court_case, WS_DATABASE_ERROR_INVALID, "accused");
  ws_case_set_accused (court_case, (const char *[]) { "Accused 1", "Accused 2", NULL });

  ws_database_save_case (fixture->db, court_case, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_listed (fixture->db, ws_database_list_cases), ==, 2);

  /* Renaming onto a taken reference is refused, keeping its own is not. */
  ws_case_set_reference (court_case, "AB-12/2023");
  assert_case_refused (fixture->db, court_case, WS_DATABASE_ERROR_DUPLICATE, "reference");
  ws_case_set_reference (court_case, "cd-1/2024");
  ws_database_save_case (fixture->db, court_case, &error);
  g_assert_no_error (error);
}

static void
test_case_check_by_field (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(WsCase) court_case = new_case ("", "");
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  const char *fields[] = { "reference", "court", "opened_on", "exploitation", "accused" };

  ws_case_set_opened_on (court_case, "31/01/2020");
  ws_case_set_exploitation (court_case, (const char *[]) { "piracy", NULL });
  ws_case_set_accused (court_case, (const char *[]) { "A", "A", NULL });
  ws_database_check_case (fixture->db, court_case, problems);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_nonnull (ws_problems_lookup (problems, fields[i]));
  g_assert_nonnull (strstr (ws_problems_lookup (problems, "exploitation"), "piracy"));
}

static gint64
accused_id (WsDatabase *db,
            gint64      case_id,
            const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _ws_database_prepare (db, "SELECT id FROM accused WHERE case_id = ? AND label = ?",
                                                       &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static void
test_case_accused_keep_ids (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(WsCase) court_case = new_case ("AB-12/2023", "Regional Court");
  g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, "Witness Rose", NULL);
  g_autoptr(WsCase) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id, first, second;

  ws_case_set_accused (court_case, (const char *[]) { "Accused 1", "Accused 2", NULL });
  ws_database_save_case (fixture->db, court_case, &error);
  g_assert_no_error (error);
  case_id = ws_case_get_id (court_case);
  first = accused_id (fixture->db, case_id, "Accused 1");
  second = accused_id (fixture->db, case_id, "Accused 2");
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (second, >, 0);

  /* Rose must not meet Accused 1, nor Accused 2. */
  ws_test_exec (fixture->db, "INSERT INTO screening (person_id, case_id, accused_id)"
                             " VALUES (%lld, %lld, %lld), (%lld, %lld, %lld)",
                (long long) ws_person_get_id (person), (long long) case_id, (long long) first,
                (long long) ws_person_get_id (person), (long long) case_id, (long long) second);

  /* Rename Accused 2, add one, and reorder: Accused 1 keeps its row. */
  ws_case_set_accused (court_case, (const char *[]) { "Accused 3", "Accused B", "Accused 1", NULL });
  ws_database_save_case (fixture->db, court_case, &error);
  g_assert_no_error (error);

  g_assert_cmpint (accused_id (fixture->db, case_id, "Accused 1"), ==, first);
  g_assert_cmpint (accused_id (fixture->db, case_id, "Accused 2"), ==, 0);
  g_assert_cmpint (ws_test_count_rows (fixture->db, "accused"), ==, 3);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM screening WHERE accused_id = %" G_GINT64_FORMAT, first);

    g_assert_cmpint (ws_test_query_int (fixture->db, sql), ==, 1);
  }
  /* The screening that named the removed label went with it. */
  g_assert_cmpint (ws_test_count_rows (fixture->db, "screening"), ==, 1);

  read = ws_database_get_case (fixture->db, case_id, &error);
  g_assert_no_error (error);
  ws_test_assert_strv (ws_case_get_accused (read), (const char *[]) { "Accused 3", "Accused B", "Accused 1", NULL });

  /* Clearing the list removes them all. */
  ws_case_set_accused (court_case, NULL);
  ws_database_save_case (fixture->db, court_case, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_count_rows (fixture->db, "accused"), ==, 0);
  g_assert_cmpint (ws_test_count_rows (fixture->db, "screening"), ==, 0);
}

static void
test_case_edit_and_delete (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(WsCase) court_case = ws_test_add_case (fixture->db, "AB-12/2023", "Regional Court Vienna");
  g_autoptr(WsCase) stale = NULL;
  g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, "Witness Rose", NULL);
  g_autoptr(WsPerson) still = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = ws_case_get_id (court_case);
  gint64 history;

  ws_case_set_offences (court_case, (const char *[]) { "Trafficking", NULL });
  ws_case_set_stage (court_case, WS_CASE_STAGE_VERDICT);
  ws_database_save_case (fixture->db, court_case, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (fixture->db, "case", id, "edited"), ==, 1);

  ws_database_link_party (fixture->db, id, ws_person_get_id (person), WS_PARTY_ROLE_VICTIM_WITNESS,
                          "Witness A", &error);
  g_assert_no_error (error);
  stale = ws_case_copy (court_case);

  ws_database_delete_case (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (fixture->db, "case", id, "deleted"), ==, 1);
  g_assert_cmpuint (count_listed (fixture->db, ws_database_list_cases), ==, 0);
  g_assert_cmpint (ws_test_count_rows (fixture->db, "case_offence"), ==, 0);

  /* The witness stays, without the link. */
  still = ws_database_get_person (fixture->db, ws_person_get_id (person), &error);
  g_assert_no_error (error);
  ws_test_assert_strv (ws_person_get_case_references (still), (const char *[]) { NULL });
  parties = ws_database_list_parties_of_person (fixture->db, ws_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parties->len, ==, 0);

  /* A form still open on the deleted case cannot bring it back. */
  history = ws_test_count_rows (fixture->db, "change_history");
  ws_case_set_notes (stale, "too late");
  g_assert_false (ws_database_save_case (fixture->db, stale, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ws_case_get_id (stale), ==, id);
  g_assert_cmpuint (count_listed (fixture->db, ws_database_list_cases), ==, 0);
  g_assert_cmpint (ws_test_count_rows (fixture->db, "case_offence"), ==, 0);
  g_assert_cmpint (ws_test_count_rows (fixture->db, "change_history"), ==, history);

  g_assert_false (ws_database_delete_case (fixture->db, id, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (ws_database_get_case (fixture->db, id, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------ */
/* parties */

static void
test_party_labels (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(WsCase) court_case = ws_test_add_case (fixture->db, "AB-12/2023", "Regional Court Vienna");
  g_autoptr(WsCase) other = ws_test_add_case (fixture->db, "CD-1/2024", "Regional Court Vienna");
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id = ws_case_get_id (court_case);
  gint64 party_b = 0;

  for (guint i = 0; i < 26; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %02u", i);
      g_autofree char *label = ws_database_suggest_party_label (fixture->db, case_id);
      g_autofree char *expected = g_strdup_printf ("Witness %c", 'A' + i);
      g_autoptr(WsPerson) person = ws_test_add_person (fixture->db, name, NULL);

      g_assert_cmpstr (label, ==, expected);
      ws_database_link_party (fixture->db, case_id, ws_person_get_id (person), WS_PARTY_ROLE_VICTIM_WITNESS,
                              label, &error);
      g_assert_no_error (error);
    }
  {
    g_autofree char *label = ws_database_suggest_party_label (fixture->db, case_id);
    g_autofree char *fresh = ws_database_suggest_party_label (fixture->db, ws_case_get_id (other));

    g_assert_cmpstr (label, ==, "Witness AA");
    g_assert_cmpstr (fresh, ==, "Witness A");
  }

  /* A freed label is offered again first. */
  parties = ws_database_list_parties_of_case (fixture->db, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parties->len, ==, 26);
  for (guint i = 0; i < parties->len; i++)
    if (g_str_equal (ws_case_party_get_label (g_ptr_array_index (parties, i)), "Witness B"))
      party_b = ws_case_party_get_id (g_ptr_array_index (parties, i));
  g_assert_cmpint (party_b, >, 0);
  ws_database_unlink_party (fixture->db, party_b, &error);
  g_assert_no_error (error);
  {
    g_autofree char *label = ws_database_suggest_party_label (fixture->db, case_id);

    g_assert_cmpstr (label, ==, "Witness B");
  }
}

static void
test_party_link_refusals (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(WsCase) court_case = ws_test_add_case (fixture->db, "AB-12/2023", "Regional Court Vienna");
  g_autoptr(WsPerson) rose = ws_test_add_person (fixture->db, "Witness Rose", NULL);
  g_autoptr(WsPerson) iris = ws_test_add_person (fixture->db, "Witness Iris", NULL);
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id = ws_case_get_id (court_case);
  gint64 history;

  ws_database_link_party (fixture->db, case_id, ws_person_get_id (rose), WS_PARTY_ROLE_VICTIM_WITNESS,
                          "  Witness A ", &error);
  g_assert_no_error (error);
  history = ws_test_count_rows (fixture->db, "change_history");

  /* The same label twice. */
  g_assert_false (ws_database_link_party (fixture->db, case_id, ws_person_get_id (iris), WS_PARTY_ROLE_WITNESS,
                                          "Witness A", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "already called"));
  g_assert_nonnull (strstr (error->message, "Witness A"));
  g_clear_error (&error);

  /* The same person twice. */
  g_assert_false (ws_database_link_party (fixture->db, case_id, ws_person_get_id (rose), WS_PARTY_ROLE_WITNESS,
                                          "Witness B", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "already linked"));
  g_clear_error (&error);

  /* No label. */
  g_assert_false (ws_database_link_party (fixture->db, case_id, ws_person_get_id (iris), WS_PARTY_ROLE_WITNESS,
                                          "   ", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* Someone or something that is gone. */
  g_assert_false (ws_database_link_party (fixture->db, case_id, 9999, WS_PARTY_ROLE_WITNESS, "Witness Z", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ws_database_link_party (fixture->db, 9999, ws_person_get_id (iris), WS_PARTY_ROLE_WITNESS,
                                          "Witness Z", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  parties = ws_database_list_parties_of_case (fixture->db, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parties->len, ==, 1);
  g_assert_cmpstr (ws_case_party_get_label (g_ptr_array_index (parties, 0)), ==, "Witness A");
  g_assert_cmpint (ws_test_count_rows (fixture->db, "change_history"), ==, history);
}

static void
test_party_lists_and_unlink (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(WsCase) first = ws_test_add_case (fixture->db, "ZZ-9/2024", "Regional Court Vienna");
  g_autoptr(WsCase) second = ws_test_add_case (fixture->db, "AB-12/2023", "Regional Court Vienna");
  g_autoptr(WsPerson) rose = ws_test_add_person (fixture->db, "Witness Rose", NULL);
  g_autoptr(WsPerson) iris = ws_test_add_person (fixture->db, "Witness Iris", NULL);
  g_autoptr(GPtrArray) of_case = NULL;
  g_autoptr(GPtrArray) of_person = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(WsCase) counted = NULL;
  g_autoptr(GError) error = NULL;
  WsCaseParty *party;
  gint64 party_id;

  ws_database_link_party (fixture->db, ws_case_get_id (first), ws_person_get_id (rose), WS_PARTY_ROLE_VICTIM_WITNESS,
                          "Witness B", &error);
  g_assert_no_error (error);
  ws_database_link_party (fixture->db, ws_case_get_id (first), ws_person_get_id (iris), WS_PARTY_ROLE_WITNESS,
                          "Witness A", &error);
  g_assert_no_error (error);
  ws_database_link_party (fixture->db, ws_case_get_id (second), ws_person_get_id (rose), WS_PARTY_ROLE_VICTIM,
                          "Victim 1", &error);
  g_assert_no_error (error);

  of_case = ws_database_list_parties_of_case (fixture->db, ws_case_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_case->len, ==, 2);
  party = g_ptr_array_index (of_case, 0);
  g_assert_cmpstr (ws_case_party_get_label (party), ==, "Witness A");
  g_assert_cmpstr (ws_case_party_get_pseudonym (party), ==, "Witness Iris");
  g_assert_cmpstr (ws_case_party_get_case_reference (party), ==, "ZZ-9/2024");
  g_assert_cmpint (ws_case_party_get_role (party), ==, WS_PARTY_ROLE_WITNESS);
  g_assert_cmpint (ws_case_party_get_person_id (party), ==, ws_person_get_id (iris));
  g_assert_cmpint (ws_case_party_get_case_id (party), ==, ws_case_get_id (first));
  party = g_ptr_array_index (of_case, 1);
  g_assert_cmpstr (ws_case_party_get_label (party), ==, "Witness B");
  g_assert_cmpstr (ws_case_party_get_pseudonym (party), ==, "Witness Rose");
  g_assert_cmpint (ws_case_party_get_role (party), ==, WS_PARTY_ROLE_VICTIM_WITNESS);

  of_person = ws_database_list_parties_of_person (fixture->db, ws_person_get_id (rose), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_person->len, ==, 2);
  party = g_ptr_array_index (of_person, 0);
  g_assert_cmpstr (ws_case_party_get_case_reference (party), ==, "AB-12/2023");
  g_assert_cmpstr (ws_case_party_get_label (party), ==, "Victim 1");
  g_assert_cmpint (ws_case_party_get_role (party), ==, WS_PARTY_ROLE_VICTIM);
  g_assert_cmpstr (ws_case_party_get_pseudonym (party), ==, "Witness Rose");
  party_id = ws_case_party_get_id (party);
  g_assert_cmpuint (count_history (fixture->db, "case-party", party_id, "linked"), ==, 1);

  counted = ws_database_get_case (fixture->db, ws_case_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ws_case_get_witness_count (counted), ==, 2);

  ws_database_unlink_party (fixture->db, party_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (fixture->db, "case-party", party_id, "deleted"), ==, 1);
  after = ws_database_list_parties_of_person (fixture->db, ws_person_get_id (rose), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (ws_case_party_get_case_reference (g_ptr_array_index (after, 0)), ==, "ZZ-9/2024");

  g_assert_false (ws_database_unlink_party (fixture->db, party_id, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting a person removes their links but not the case. */
  ws_database_delete_person (fixture->db, ws_person_get_id (rose), &error);
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ws_database_list_parties_of_case (fixture->db, ws_case_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (ws_case_party_get_pseudonym (g_ptr_array_index (after, 0)), ==, "Witness Iris");
  g_assert_cmpuint (count_listed (fixture->db, ws_database_list_cases), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ws/text/fold", test_text_fold);
  g_test_add_func ("/ws/text/helpers", test_text_helpers);
  g_test_add_func ("/ws/text/language-parse", test_language_parse);
  g_test_add_func ("/ws/text/language-format", test_language_format);
  g_test_add_func ("/ws/time/parse-date", test_time_parse_date);
  g_test_add_func ("/ws/time/parse-instant", test_time_parse_instant);
  g_test_add_func ("/ws/time/years-between", test_time_years_between);
  g_test_add_func ("/ws/time/zone-valid", test_time_zone_valid);
  g_test_add_func ("/ws/time/set-now", test_time_set_now);

#define ADD(name, func) g_test_add ("/ws/store/" name, Fixture, NULL, fixture_set_up, func, ws_test_fixture_tear_down)
  ADD ("person/create-and-read", test_person_create_and_read);
  ADD ("person/edit", test_person_edit);
  ADD ("person/pseudonym-required", test_person_pseudonym_required);
  ADD ("person/duplicate-pseudonym", test_person_duplicate_pseudonym);
  ADD ("person/dates", test_person_dates);
  ADD ("person/zone-and-languages", test_person_zone_and_languages);
  ADD ("person/check-by-field", test_person_check_by_field);
  ADD ("person/delete", test_person_delete);
  ADD ("person/edit-after-delete", test_person_edit_after_delete);
  ADD ("person/list-order", test_person_list_order);
  ADD ("person/matches", test_person_matches);
  ADD ("list-async", test_list_async);
  ADD ("case/create-and-read", test_case_create_and_read);
  ADD ("case/validation", test_case_validation);
  ADD ("case/check-by-field", test_case_check_by_field);
  ADD ("case/accused-keep-ids", test_case_accused_keep_ids);
  ADD ("case/edit-and-delete", test_case_edit_and_delete);
  ADD ("party/labels", test_party_labels);
  ADD ("party/link-refusals", test_party_link_refusals);
  ADD ("party/lists-and-unlink", test_party_lists_and_unlink);
#undef ADD

  return g_test_run ();
}
