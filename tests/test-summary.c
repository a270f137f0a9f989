/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-summary"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ws-database-private.h"
#include "ws-demo.h"
#include "ws-enums.h"
#include "ws-identity.h"
#include "ws-store.h"
#include "ws-summary.h"
#include "ws-test-util.h"
#include "ws-text.h"
#include "ws-time.h"

/* The anonymised support summary, checked on its text: which sections
 * appear, what each says, and what it must never say. The clock is fixed
 * so "today", "upcoming" and ages are the same on every run. */

#define NOW          "2026-03-20T12:00:00Z"
#define DOB          "2008-03-21"   /* 18 on the day after NOW */
#define THREATS      "Kestrelgate gang sent threats through a cousin"
#define LINK         "https://video.justice.example/join/zq81xk"
#define PIN          "482915"
#define PLATFORM_REF "VL-2026-00042"
#define CASE_REF     "T202600017"

typedef struct {
  char       *dir;
  WsDatabase *db;
  WsPerson   *lark;
} Fixture;

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static WsIdentity *
lark_identity (void)
{
  WsIdentity *identity = ws_identity_new ();

  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, "José Ñúñez");
  ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, DOB);
  ws_identity_set_text (identity, WS_IDENTITY_NATIONALITY, "Ruritanian");
  ws_identity_set_list (identity, WS_IDENTITY_PHONES, (const char *[]) { "+43 660 3478934", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_EMAILS, (const char *[]) { "jose.nunez@example.org", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_DOCUMENTS, (const char *[]) { "Passport: PX4478397", NULL });
  ws_identity_set_list (identity, WS_IDENTITY_RELATIVES, (const char *[]) { "Mirela Ñúñez (sister)", NULL });
  return identity;
}

/* A witness in the trial phase; takes @identity. */
static WsPerson *
save_person (WsDatabase *db,
             const char *pseudonym,
             WsIdentity *identity)
{
  WsPerson *person = ws_person_new ();

  ws_person_set_pseudonym (person, pseudonym);
  ws_person_set_gender (person, WS_GENDER_FEMALE);
  ws_person_set_first_contact_on (person, "2025-11-03");
  ws_person_set_phase (person, WS_PHASE_TRIAL);
  ws_person_set_languages (person, (const char *[]) { "Spanish (Andalusian)", "English", NULL });
  ws_person_set_interpreter_gender (person, WS_INTERPRETER_GENDER_FEMALE);
  ws_test_save_person (db, person, identity);
  g_clear_object (&identity);
  return person;
}

static void
add_sessions (WsDatabase *db,
              long long   case_id,
              long long   person_id)
{
  /* long long: what sqlite3_mprintf() reads for %lld. */
  long long court, remote, hearing;

  ws_test_exec (db, "INSERT INTO site (name, kind, zone) VALUES ('Northgate Court Room 2', 'court-room', 'Europe/London')");
  court = _ws_database_last_insert_id (db);
  ws_test_exec (db, "INSERT INTO site (name, kind, zone) VALUES ('Bangkok Witness Suite', 'site-abroad', 'Asia/Bangkok')");
  remote = _ws_database_last_insert_id (db);
  ws_test_exec (db, "INSERT INTO hearing (case_id, site_id, starts_at, ends_at, zone) VALUES (%lld, %lld,"
                    " '2026-03-29T00:00:00Z', '2026-03-29T06:00:00Z', 'Europe/London')", case_id, court);
  hearing = _ws_database_last_insert_id (db);
  /* Either side of the start of British Summer Time (01:00 UTC). */
  ws_test_exec (db, "INSERT INTO session (uid, hearing_id, person_id, court_site_id, remote_site_id, starts_at, ends_at,"
                    " platform_ref, link_address, link_pin, technical_contact, status) VALUES ('s1@test', %lld, %lld, %lld, %lld,"
                    " '2026-03-29T00:30:00Z', '2026-03-29T01:00:00Z', %Q, %Q, %Q, 'Desk +44 20 7946 0991', 'confirmed')",
        hearing, person_id, court, remote, PLATFORM_REF, LINK, PIN);
  ws_test_exec (db, "INSERT INTO session (uid, hearing_id, person_id, court_site_id, remote_site_id, starts_at, ends_at,"
                    " platform_ref, link_address, link_pin, status) VALUES ('s2@test', %lld, %lld, %lld, %lld,"
                    " '2026-03-29T01:30:00Z', '2026-03-29T02:00:00Z', 'VL-2026-00043', %Q, %Q, 'planned')",
        hearing, person_id, court, remote, LINK, PIN);
  ws_test_exec (db, "INSERT INTO session (uid, hearing_id, person_id, court_site_id, remote_site_id, starts_at, ends_at,"
                    " status, cancel_reason) VALUES ('s3@test', %lld, %lld, %lld, %lld,"
                    " '2026-03-29T03:00:00Z', '2026-03-29T04:00:00Z', 'cancelled', 'Adjourned')",
        hearing, person_id, court, remote);
  ws_test_exec (db, "INSERT INTO session (uid, hearing_id, person_id, court_site_id, remote_site_id, starts_at, ends_at,"
                    " status) VALUES ('s0@test', %lld, %lld, %lld, %lld,"
                    " '2026-02-02T09:00:00Z', '2026-02-02T10:00:00Z', 'confirmed')",
        hearing, person_id, court, remote);
  ws_test_exec (db, "INSERT INTO measure (case_id, person_id, hearing_id, type, status, decided_on, notes)"
                    " VALUES (%lld, %lld, %lld, 'video-link-abroad', 'arranged', '2026-03-01',"
                    " 'Booked as " PLATFORM_REF "; José knows the room.')", case_id, person_id, hearing);
}

static void
add_records (WsDatabase *db,
             WsPerson   *person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsCase) court_case = ws_test_add_case (db, CASE_REF, "Northgate Crown Court");
  long long id = ws_person_get_id (person);
  long long case_id = ws_case_get_id (court_case);

  ws_database_link_party (db, case_id, id, WS_PARTY_ROLE_VICTIM_WITNESS, "Witness A", &error);
  g_assert_no_error (error);

  /* The needs come from the shipped catalogue. */
  ws_test_exec (db, "INSERT INTO support_item (person_id, need_code, phase, offered_on, consent, due_on, status, notes) VALUES"
                    " (%lld, 'health.counselling', 'initial', '2025-11-05', 'accepted', '2026-04-10', 'in-progress',"
                    "  'José prefers mornings; call +43 660 347 89 34 or jose.nunez@example.org. Born 21.03.2008.'),"
                    " (%lld, 'justice.familiarisation', 'trial', '2026-03-01', 'accepted', '2026-03-10', 'done',"
                    "  'Visited the court with her sister Mirela, passport PX-447-8397, on 21 March 2008 born.'),"
                    " (%lld, 'legal.counsel', 'initial', '2024-01-10', 'declined', '2024-02-01', 'cancelled',"
                    "  'OLD-ITEM outside the period')", id, id, id);

  ws_test_exec (db, "INSERT INTO phase_change (person_id, phase, began_at, moved_by, note) VALUES"
                    " (%lld, 'initial', '2025-11-03T10:00:00Z', 'Olga Officer', 'First contact with JOSE'),"
                    " (%lld, 'investigation', '2025-12-15T10:00:00Z', 'Olga Officer', ''),"
                    " (%lld, 'trial', '2026-03-02T10:00:00Z', 'Olga Officer', '')", id, id, id);
  ws_test_exec (db, "INSERT INTO risk_assessment (person_id, assessed_on, level, threats, assessed_by, next_review) VALUES"
                    " (%lld, '2025-11-04', 'medium', 'old', 'Olga Officer', '2026-01-04'),"
                    " (%lld, '2026-03-02', 'high', %Q, 'Olga Officer', '2026-03-16')", id, id, THREATS);
  ws_test_exec (db, "INSERT INTO consent (person_id, recipient, purpose, given_on, expires_on, withdrawn_on) VALUES"
                    " (%lld, 'Shelter partner', 'Accommodation for José Ñúñez', '2026-01-01', NULL, NULL),"
                    " (%lld, 'Counselling service', 'Therapy reports', '2025-12-01', '2026-03-20', NULL),"
                    " (%lld, 'Expired agency', 'Old purpose', '2025-01-01', '2026-03-01', NULL),"
                    " (%lld, 'Withdrawn agency', 'Withdrawn purpose', '2025-06-01', NULL, '2026-02-01'),"
                    " (%lld, 'Withdrawn today', 'Same-day purpose', '2025-06-01', NULL, '2026-03-20'),"
                    " (%lld, 'Future agency', 'Future purpose', '2026-04-01', NULL, NULL)", id, id, id, id, id, id);
  ws_test_exec (db, "INSERT INTO measure (case_id, person_id, type, status, decided_on, refusal_reason, defence_position, notes)"
                    " VALUES (%lld, %lld, 'screens', 'refused', '2026-02-20', 'Ms Ñúñez can testify by video link',"
                    " 'The defence says JOSE NUNEZ must be seen', ''),"
                    " (%lld, NULL, 'in-camera', 'granted', '2026-02-21', '', '', 'For every witness of the case'),"
                    " (%lld, %lld, 'hologram-shield', 'proposed', NULL, '', '', '')",
        case_id, id, case_id, case_id, id);
  add_sessions (db, case_id, id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ws_test_set_now (NOW);
  fixture->db = ws_test_open_tmp_db ("ws-test-summary-XXXXXX", &fixture->dir);
  fixture->lark = save_person (fixture->db, "Lark", lark_identity ());
  add_records (fixture->db, fixture->lark);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->lark);
  ws_test_close_tmp_db (fixture->db, fixture->dir);
  ws_time_set_now (NULL);
}

static WsDocument *
build (Fixture          *fixture,
       WsSummarySection  sections,
       const char       *zone)
{
  g_autoptr(GError) error = NULL;
  WsSummaryOptions options;
  WsDocument *doc;

  ws_summary_options_init (&options);
  options.sections = sections;
  options.reader_zone = zone;
  doc = ws_summary_build (fixture->db, fixture->lark, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The summary of @person built with @options, as text. */
static char *
summary_text (WsDatabase             *db,
              WsPerson               *person,
              const WsSummaryOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDocument) doc = ws_summary_build (db, person, options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return ws_document_to_text (doc);
}

static char *
build_text (Fixture          *fixture,
            WsSummarySection  sections,
            const char       *zone)
{
  WsSummaryOptions options;
  char *text;

  ws_summary_options_init (&options);
  options.sections = sections;
  options.reader_zone = zone;
  text = summary_text (fixture->db, fixture->lark, &options);
  g_test_message ("%s", text);
  return text;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_test_message ("\"%s\" missing", part);
  g_assert_nonnull (strstr (text, part));
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_test_message ("\"%s\" present", part);
  g_assert_null (strstr (text, part));
}

static GPtrArray *
top_headings (WsDocument *doc)
{
  GPtrArray *headings = g_ptr_array_new ();

  for (guint i = 0; i < ws_document_get_n_blocks (doc); i++)
    if (ws_document_get_block_kind (doc, i) == WS_DOCUMENT_BLOCK_HEADING &&
        ws_document_get_heading_level (doc, i) == 1)
      g_ptr_array_add (headings, (gpointer) ws_document_get_block_text (doc, i));
  return headings;
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const names[] = {
    "Profile", "Phases", "Support plan", "Protective measures", "Video-link sessions", "Risk",
    "Consent to share information",
  };
  g_autoptr(WsDocument) all = build (fixture, WS_SUMMARY_SECTION_ALL, NULL);
  g_autoptr(GPtrArray) headings = top_headings (all);

  g_assert_cmpstr (ws_document_get_title (all), ==, "Support summary — Lark");
  g_assert_cmpstr (ws_document_get_subtitle (all), ==, "Current phase: Trial");
  g_assert_cmpstr (ws_document_get_prepared_by (all), ==, "Liaison officer");
  g_assert_cmpuint (headings->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (g_ptr_array_index (headings, i), ==, names[i]);

  /* Each flag alone gives its section alone. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(WsDocument) one = build (fixture, 1 << i, NULL);
      g_autoptr(GPtrArray) only = top_headings (one);

      g_assert_cmpuint (only->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (only, 0), ==, names[i]);
    }

  {
    g_autoptr(WsDocument) none = build (fixture, 0, NULL);

    g_assert_cmpuint (ws_document_get_n_blocks (none), ==, 0);
  }
}

static void
test_header (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDocument) doc = build (fixture, WS_SUMMARY_SECTION_PROFILE, NULL);
  g_autoptr(WsDocument) period = NULL;
  g_autoptr(WsDocument) backwards = NULL;
  g_autofree char *text = ws_document_to_text (doc);
  WsSummaryOptions options;

  /* The default period runs from first contact to today. */
  g_assert_cmpuint (g_date_get_year (ws_document_get_period_from (doc)), ==, 2025);
  g_assert_cmpuint (g_date_get_month (ws_document_get_period_from (doc)), ==, 11);
  g_assert_cmpuint (g_date_get_day (ws_document_get_period_to (doc)), ==, 20);
  g_assert_cmpuint (g_date_get_day (ws_document_get_printed_on (doc)), ==, 20);
  assert_contains (text, "Prepared by: Liaison officer");
  assert_lacks (text, "Olga");
  assert_contains (text, "CONFIDENTIAL");

  ws_summary_options_init (&options);
  g_date_set_dmy (&options.from, 1, 3, 2026);
  g_date_set_dmy (&options.to, 15, 3, 2026);
  period = ws_summary_build (fixture->db, fixture->lark, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_day (ws_document_get_period_from (period)), ==, 1);
  g_assert_cmpuint (g_date_get_day (ws_document_get_period_to (period)), ==, 15);

  g_date_set_dmy (&options.from, 16, 3, 2026);
  backwards = ws_summary_build (fixture->db, fixture->lark, &options, NULL, &error);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_null (backwards);
  g_clear_error (&error);

  ws_summary_options_init (&options);
  options.reader_zone = "Mars/Olympus_Mons";
  backwards = ws_summary_build (fixture->db, fixture->lark, &options, NULL, &error);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_null (backwards);
}

static void
test_profile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *without = build_text (fixture, WS_SUMMARY_SECTION_PROFILE, NULL);
  g_autofree char *with = NULL;
  g_autoptr(GError) error = NULL;

  assert_contains (without, "Pseudonym: Lark\n");
  assert_contains (without, "Age band: 16–17\n");
  assert_contains (without, "Languages: Spanish (Andalusian), English\n");
  assert_contains (without, "Interpreter: Female interpreter\n");
  assert_contains (without, "Child status: Adult\n");
  /* Without the witness's agreement gender is absent, not "withheld". */
  assert_lacks (without, "Gender");
  assert_lacks (without, "Female\n");
  assert_lacks (without, "withheld");

  ws_person_set_gender_in_summary (fixture->lark, TRUE);
  ws_database_save_person (fixture->db, fixture->lark, NULL, &error);
  g_assert_no_error (error);
  with = build_text (fixture, WS_SUMMARY_SECTION_PROFILE, NULL);
  assert_contains (with, "Gender: Female\n");
}

static char *
age_band (Fixture    *fixture,
          const char *now)
{
  g_autoptr(GError) error = NULL;
  char *band;

  ws_test_set_now (now);
  band = ws_database_read_age_band (fixture->db, fixture->lark, NULL, &error);
  g_assert_no_error (error);
  return band;
}

static void
test_age_band (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsIdentity) identity = lark_identity ();
  guint audits = ws_database_count_audit (fixture->db, "identity-read-age-band");
  g_autofree char *eve = age_band (fixture, "2026-03-20T12:00:00Z");
  g_autofree char *birthday = age_band (fixture, "2026-03-21T12:00:00Z");
  g_autofree char *presumed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;
  char *band;

  g_assert_cmpstr (eve, ==, "16–17");
  g_assert_cmpstr (birthday, ==, "18–24");
  g_assert_cmpuint (ws_database_count_audit (fixture->db, "identity-read-age-band"), ==, audits + 2);
  text = build_text (fixture, WS_SUMMARY_SECTION_PROFILE, NULL);
  assert_contains (text, "Age band: 18–24\n");

  /* Presumed a child: under 18 whatever the claimed date of birth says. */
  ws_person_set_age_status (fixture->lark, WS_AGE_STATUS_PRESUMED_CHILD);
  ws_database_save_person (fixture->db, fixture->lark, NULL, &error);
  g_assert_no_error (error);
  presumed = age_band (fixture, "2026-03-21T12:00:00Z");
  g_assert_cmpstr (presumed, ==, "under 18 (presumed)");

  /* No date of birth: the band comes from the age status. */
  ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, NULL);
  ws_database_save_person (fixture->db, fixture->lark, identity, &error);
  g_assert_no_error (error);
  none = age_band (fixture, NOW);
  g_assert_cmpstr (none, ==, "under 18 (presumed)");
  ws_person_set_age_status (fixture->lark, WS_AGE_STATUS_CHILD);
  ws_database_save_person (fixture->db, fixture->lark, NULL, &error);
  band = age_band (fixture, NOW);
  g_assert_cmpstr (band, ==, "under 18");
  g_free (band);
  ws_person_set_age_status (fixture->lark, WS_AGE_STATUS_ADULT);
  ws_database_save_person (fixture->db, fixture->lark, NULL, &error);
  band = age_band (fixture, NOW);
  g_assert_cmpstr (band, ==, "adult, age not recorded");
  g_free (band);

  /* Other bands, on a fixed day. */
  {
    static const struct { const char *dob; const char *band; } cases[] = {
      { "2014-03-21", "under 12" }, { "2014-03-20", "12–13" }, { "2012-03-20", "14–15" },
      { "2001-03-21", "18–24" }, { "2001-03-20", "25–34" }, { "1991-03-20", "35–49" },
      { "1976-03-20", "50–64" }, { "1961-03-20", "65 and over" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, cases[i].dob);
        ws_database_save_person (fixture->db, fixture->lark, identity, &error);
        g_assert_no_error (error);
        band = age_band (fixture, NOW);
        g_assert_cmpstr (band, ==, cases[i].band);
        g_free (band);
      }
  }

  ws_database_set_actor (fixture->db, "Petra Prosecutor", WS_ROLE_PROSECUTOR);
  band = ws_database_read_age_band (fixture->db, fixture->lark, NULL, &error);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_assert_null (band);
}

static void
test_never_identifying (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const forbidden[] = {
    DOB, "21.03.2008", "21/03/2008", "21 March 2008", "March 21, 2008", "21 Mar 2008", "2008",
    "José", "JOSE", "Ñúñez", "NUNEZ", "Mirela", "jose.nunez", "3478934", "347 89 34", "4478397", "447-8397",
    THREATS, "Kestrelgate", LINK, "video.justice", PIN, "7946", "Olga", "Ruritanian",
  };
  WsRedactionReport report;
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDocument) doc = NULL;
  g_autofree char *text = NULL;
  WsSummaryOptions options;

  ws_redaction_report_clear (&report);
  ws_summary_options_init (&options);
  options.reader_zone = "Europe/London";
  doc = ws_summary_build (fixture->db, fixture->lark, &options, &report, &error);
  g_assert_no_error (error);
  text = ws_document_to_text (doc);
  g_test_message ("%s", text);

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    assert_lacks (text, forbidden[i]);

  /* The notes are there, scrubbed; the subject became their pseudonym. */
  assert_contains (text, "Lark prefers mornings");
  assert_contains (text, "[name]");
  /* The family name alone is shared with the sister, so it is "[name]". */
  assert_contains (text, "Reason for refusal: Ms [name] can testify by video link");
  assert_contains (text, "Defence position: The defence says Lark must be seen");
  /* Case and booking references are kept although they look like numbers. */
  assert_contains (text, "Booked as " PLATFORM_REF);
  assert_contains (text, "Case " CASE_REF);
  g_assert_cmpuint (report.counts[WS_REDACTION_NAME], >=, 4);
  g_assert_cmpuint (report.counts[WS_REDACTION_PHONE], >=, 1);
  g_assert_cmpuint (report.counts[WS_REDACTION_EMAIL], >=, 1);
  g_assert_cmpuint (report.counts[WS_REDACTION_DOCUMENT], >=, 1);
  g_assert_cmpuint (report.counts[WS_REDACTION_DATE_OF_BIRTH], >=, 2);
}

static void
test_content (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *text = build_text (fixture, WS_SUMMARY_SECTION_ALL, "Europe/London");

  /* Phases: date and phase, never who moved the witness or the note. */
  assert_contains (text, "Current phase: Trial\n");
  assert_contains (text, "3 Nov 2025 | Initial protection\n");
  assert_contains (text, "2 Mar 2026 | Trial\n");
  assert_lacks (text, "First contact with");

  /* Support: open items and those in the period, grouped by phase. */
  assert_contains (text, "## Initial protection\n\nNeed | Status | Consent | Due | Notes\n"
                         "Psychological counselling and treatment | In progress | Accepted | 10 Apr 2026 |");
  assert_contains (text, "Court familiarisation visit | Done | Accepted | 10 Mar 2026 |");
  assert_lacks (text, "OLD-ITEM");

  /* Measures: the witness's own and the case's, labelled; unknown codes as they are. */
  assert_contains (text, "Screens shielding the witness from the accused and the public | Whole proceedings | Refused | 20 Feb 2026 |");
  assert_contains (text, "Closed hearing (in camera) | Whole proceedings | Granted | 21 Feb 2026 | For every witness");
  assert_contains (text, "hologram-shield | Whole proceedings | Proposed |  |");
  assert_contains (text, "Video link from another country | Hearing on 29 Mar 2026 | Arranged | 1 Mar 2026 |");

  /* Risk: the latest assessment, an overdue review flagged. */
  assert_contains (text, "Risk level: High\nAssessed on: 2 Mar 2026\nNext review: 16 Mar 2026 (overdue)\n");

  /* Sessions: no cancelled or past one; site names but no link. */
  assert_contains (text, "## Times in Europe/London");
  assert_contains (text, "Northgate Court Room 2 | Bangkok Witness Suite | " CASE_REF " | Confirmed | " PLATFORM_REF);
  assert_lacks (text, "04:00–05:00");
  assert_lacks (text, "Adjourned");
  assert_lacks (text, "2 Feb 2026");
}

static void
test_session_zones (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *london = build_text (fixture, WS_SUMMARY_SECTION_SESSIONS, "Europe/London");
  g_autofree char *bangkok = build_text (fixture, WS_SUMMARY_SECTION_SESSIONS, "Asia/Bangkok");
  g_autofree char *utc = build_text (fixture, WS_SUMMARY_SECTION_SESSIONS, NULL);

  /* 00:30 UTC is still GMT; 01:30 UTC is after the clocks went forward. */
  assert_contains (london, "When (Europe/London)");
  assert_contains (london, "Sun 29 Mar 2026\n00:30 GMT–02:00 BST |");
  assert_contains (london, "Sun 29 Mar 2026\n02:30–03:00 BST |");
  assert_contains (london, "Sun 29 Mar 2026\n02:30–03:00 BST |");
  assert_contains (bangkok, "When (Asia/Bangkok)");
  assert_contains (bangkok, "Sun 29 Mar 2026\n07:30–08:00 +07 |");
  assert_contains (bangkok, "Sun 29 Mar 2026\n08:30–09:00 +07 |");
  assert_contains (utc, "When (UTC)");
  assert_contains (utc, "00:30–01:00 UTC |");
  assert_lacks (london, PIN);
  assert_lacks (london, LINK);
  assert_lacks (bangkok, "7946");
}

static void
test_past_period_sessions (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *text = NULL;
  WsSummaryOptions options;

  /* A period wholly in the past shows the sessions it held. */
  ws_summary_options_init (&options);
  options.sections = WS_SUMMARY_SECTION_SESSIONS;
  g_date_set_dmy (&options.from, 1, 2, 2026);
  g_date_set_dmy (&options.to, 28, 2, 2026);
  text = summary_text (fixture->db, fixture->lark, &options);
  assert_contains (text, "Mon 2 Feb 2026\n09:00–10:00 UTC");
  assert_lacks (text, "29 Mar");
}

static void
test_consent_in_force (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = build_text (fixture, WS_SUMMARY_SECTION_CONSENT, NULL);
  g_autofree char *earlier_text = NULL;
  WsSummaryOptions options;

  assert_contains (text, "## In force on 20 Mar 2026");
  assert_contains (text, "Shelter partner | Accommodation for Lark | 1 Jan 2026 | No expiry\n");
  assert_contains (text, "Counselling service | Therapy reports | 1 Dec 2025 | 20 Mar 2026\n");
  assert_lacks (text, "Expired agency");
  assert_lacks (text, "Withdrawn agency");
  assert_lacks (text, "Withdrawn today");
  assert_lacks (text, "Future agency");

  /* In force on an earlier "to" date: withdrawn and expired ones were then. */
  ws_summary_options_init (&options);
  options.sections = WS_SUMMARY_SECTION_CONSENT;
  g_date_set_dmy (&options.to, 15, 1, 2026);
  earlier_text = summary_text (fixture->db, fixture->lark, &options);
  assert_contains (earlier_text, "Expired agency");
  assert_contains (earlier_text, "Withdrawn agency");
  assert_contains (earlier_text, "Shelter partner");
  assert_lacks (earlier_text, "Future agency");
}

static void
test_empty_sections (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(WsPerson) wren = save_person (fixture->db, "Wren", ws_identity_new ());
  g_autofree char *text = NULL;
  WsSummaryOptions options;

  /* Saving starts the plan's timeline; a plan imported without one shows
   * the empty section. */
  ws_test_exec (fixture->db, "DELETE FROM phase_change");
  ws_summary_options_init (&options);
  text = summary_text (fixture->db, wren, &options);
  g_test_message ("%s", text);
  assert_contains (text, "Age band: adult, age not recorded");
  assert_contains (text, "# Support plan\n\n(None recorded)");
  assert_contains (text, "# Protective measures\n\n(None recorded)");
  assert_contains (text, "(No sessions planned)");
  assert_contains (text, "# Risk\n\n(None recorded)");
  assert_contains (text, "# Consent to share information\n\n(None recorded)");
  assert_contains (text, "(No phase changes recorded)");
}

static void
test_prosecutor_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDocument) doc = NULL;
  WsSummaryOptions options;
  guint summaries = ws_database_count_audit (fixture->db, "summary");
  guint all = ws_database_count_audit (fixture->db, NULL);

  ws_database_set_actor (fixture->db, "Petra Prosecutor", WS_ROLE_PROSECUTOR);
  ws_summary_options_init (&options);
  doc = ws_summary_build (fixture->db, fixture->lark, &options, NULL, &error);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_assert_null (doc);
  g_assert_cmpuint (ws_database_count_audit (fixture->db, "summary"), ==, summaries);
  g_assert_cmpuint (ws_database_count_audit (fixture->db, NULL), ==, all);
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(WsDocument) doc = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint summaries = ws_database_count_audit (fixture->db, "summary");
  guint reads = ws_database_count_audit (fixture->db, "identity-read-all");

  doc = build (fixture, WS_SUMMARY_SECTION_PROFILE | WS_SUMMARY_SECTION_RISK, NULL);
  g_assert_cmpuint (ws_database_count_audit (fixture->db, "summary"), ==, summaries + 1);
  g_assert_cmpuint (ws_database_count_audit (fixture->db, "identity-read-all"), ==, reads + 1);

  stmt = _ws_database_prepare (fixture->db, "SELECT actor, role, pseudonym, detail FROM audit"
                                            " WHERE action = 'summary' ORDER BY id DESC LIMIT 1", NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, WS_TEST_OFFICER);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "officer");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "Lark");
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 3), "profile,risk"));
}

/* ------------------------------------------------------------------ */
/* The demonstration unit                                              */

static gboolean
has_number (const char *text,
            const char *digits)
{
  gsize n = strlen (digits);

  for (const char *p = strstr (text, digits); p != NULL; p = strstr (p + 1, digits))
    if ((p == text || !g_ascii_isdigit (p[-1])) && !g_ascii_isdigit (p[n]))
      return TRUE;
  return FALSE;
}

/* Whatever must never be printed about anyone in the unit. */
static GPtrArray *
demo_secrets (WsDatabase *db,
              GPtrArray  *numbers)
{
  GPtrArray *secrets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _ws_database_prepare (db, "SELECT link_address, link_pin FROM session WHERE link_address <> ''"
                                   " UNION ALL SELECT threats, '' FROM risk_assessment WHERE threats <> ''", NULL);
  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (secrets, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      if (*(const char *) sqlite3_column_text (stmt, 1) != '\0')
        g_ptr_array_add (numbers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  return secrets;
}

static void
assert_demo_summary (WsDatabase *db,
                     WsPerson   *person,
                     GPtrArray  *secrets,
                     GPtrArray  *pins)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsIdentity) identity = ws_database_read_identity (db, person, &error);
  g_autofree char *text = NULL;
  g_autofree char *title = g_strdup_printf ("Support summary — %s", ws_person_get_pseudonym (person));
  const char *dob = ws_identity_get_text (identity, WS_IDENTITY_DATE_OF_BIRTH);
  WsSummaryOptions options;

  g_assert_no_error (error);
  ws_summary_options_init (&options);
  options.reader_zone = "Europe/Vienna";
  text = summary_text (db, person, &options);
  assert_contains (text, title);
  for (guint k = 0; k < secrets->len; k++)
    assert_lacks (text, g_ptr_array_index (secrets, k));
  for (guint k = 0; k < pins->len; k++)
    g_assert_false (has_number (text, g_ptr_array_index (pins, k)));
  if (dob != NULL)
    {
      GDate date;
      g_autofree char *dotted = NULL;

      g_assert_true (ws_time_parse_date (dob, &date));
      dotted = g_strdup_printf ("%u.%u.%u", g_date_get_day (&date), g_date_get_month (&date), g_date_get_year (&date));
      assert_lacks (text, dob);
      assert_lacks (text, dotted);
    }
  if (ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME) != NULL)
    assert_lacks (text, ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME));
  if (!ws_person_get_gender_in_summary (person))
    assert_lacks (text, "Gender:");
}

static void
test_demo_unit (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  WsDatabase *db = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GPtrArray) pins = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) secrets = NULL;
  guint summaries;

  ws_test_set_now (NOW);
  db = ws_test_open_tmp_db ("ws-test-summary-demo-XXXXXX", &dir);
  ws_demo_fill (db, WS_DEMO_WITNESSES, WS_DEMO_SEED, &error);
  g_assert_no_error (error);
  persons = ws_database_list_persons (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (persons->len, >=, 20);
  secrets = demo_secrets (db, pins);
  g_assert_cmpuint (secrets->len, >, 10);

  summaries = ws_database_count_audit (db, "summary");
  for (guint i = 0; i < persons->len; i++)
    assert_demo_summary (db, g_ptr_array_index (persons, i), secrets, pins);
  g_assert_cmpuint (ws_database_count_audit (db, "summary"), ==, summaries + persons->len);

  ws_test_close_tmp_db (db, dir);
  ws_time_set_now (NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* Ages and "today" are taken in the local zone: make it the same everywhere. */
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ws/summary/sections", test_sections);
  ADD ("/ws/summary/header", test_header);
  ADD ("/ws/summary/profile", test_profile);
  ADD ("/ws/summary/age-band", test_age_band);
  ADD ("/ws/summary/never-identifying", test_never_identifying);
  ADD ("/ws/summary/content", test_content);
  ADD ("/ws/summary/session-zones", test_session_zones);
  ADD ("/ws/summary/past-period-sessions", test_past_period_sessions);
  ADD ("/ws/summary/consent-in-force", test_consent_in_force);
  ADD ("/ws/summary/empty-sections", test_empty_sections);
  ADD ("/ws/summary/prosecutor-refused", test_prosecutor_refused);
  ADD ("/ws/summary/audit", test_audit);
#undef ADD
  g_test_add_func ("/ws/summary/demo-unit", test_demo_unit);

  return g_test_run ();
}
