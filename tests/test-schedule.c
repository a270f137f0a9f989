/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-schedule"

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "ws-access.h"
#include "ws-demo.h"
#include "ws-exchange.h"
#include "ws-rules.h"
#include "ws-database-private.h"
#include "ws-schedule.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-text.h"
#include "ws-time.h"

#define NOW "2026-03-02T08:00:00Z"
#define LEGAL_NAME "Marisol Etxeberria-Quint"
#define BIRTH_DATE "1999-07-14"
#define PHONE "+44 7700 900123"
#define ADDRESS "17 Larkspur Mews, Leeds"
#define SUPPORT_PERSON "Her cousin Tomasz"

/* Case S-1 (accused "Accused 1") has hearing h1 in court room 1 on
 * Monday 9 March 2026, 09:00–17:00 UTC. Amber (Witness A, Arabic
 * (Levantine), wants a woman interpreter) is screened from the accused of
 * S-1; Birch is another witness of S-1. Sites: two court rooms, a remote
 * suite and a site abroad, all on UTC working 09:00–17:00 Monday to
 * Friday. Interpreters: Hana (female, Arabic Levantine), Omar (male,
 * Arabic), Sofia (female, Spanish). */
typedef struct {
  WsTestFixture  base;
  gint64         case_id, other_case_id;
  gint64         amber, birch;
  gint64         h1, h2;
  gint64         room1, room2, suite, abroad;
  gint64         hana, omar, sofia;
} Fixture;

static GDateTime *
at (const char *iso)
{
  GDateTime *dt = ws_time_parse_instant (iso);

  g_assert_nonnull (dt);
  return dt;
}

static gint64
add_site (WsDatabase *db,
          const char *name,
          WsSiteKind  kind,
          const char *zone,
          WsWeekdays  days)
{
  g_autoptr(WsSite) site = ws_site_new ();
  g_autoptr(GError) error = NULL;

  ws_site_set_name (site, name);
  ws_site_set_kind (site, kind);
  ws_site_set_zone (site, zone);
  ws_site_set_working_days (site, days);
  ws_database_save_site (db, site, &error);
  g_assert_no_error (error);
  return ws_site_get_id (site);
}

static gint64
add_interpreter (WsDatabase *db,
                 const char *name,
                 WsGender    gender,
                 const char *language,
                 const char *dialect)
{
  g_autoptr(WsInterpreter) it = ws_interpreter_new ();
  g_autoptr(GError) error = NULL;

  ws_interpreter_set_name (it, name);
  ws_interpreter_set_gender (it, gender);
  ws_interpreter_set_zone (it, "Europe/London");
  ws_interpreter_add_language (it, language, dialect, WS_LANGUAGE_MODALITY_SPOKEN, "Court-certified");
  ws_database_save_interpreter (db, it, &error);
  g_assert_no_error (error);
  return ws_interpreter_get_id (it);
}

static gint64
add_hearing (WsDatabase *db,
             gint64      case_id,
             gint64      site_id,
             const char *from,
             const char *to)
{
  ws_test_exec (db, "INSERT INTO hearing (case_id, site_id, kind, starts_at, ends_at, zone)"
                    " VALUES (%lld, %lld, 'trial', %Q, %Q, 'Europe/London')",
                (long long) case_id, (long long) site_id, from, to);
  return ws_test_last_id (db, "hearing");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  WsDatabase *db;
  g_autoptr(WsCase) c1 = NULL;
  g_autoptr(WsCase) c2 = NULL;
  g_autoptr(WsPerson) amber = ws_person_new ();
  g_autoptr(WsPerson) birch = NULL;
  g_autoptr(WsIdentity) identity = ws_identity_new ();
  g_autoptr(GError) error = NULL;
  const char * const languages[] = { "Arabic (Levantine)", "English", NULL };
  const char * const phones[] = { PHONE, NULL };
  const char * const addresses[] = { ADDRESS, NULL };

  ws_test_set_now (NOW);
  ws_test_fixture_set_up (&f->base, data);
  db = f->base.db;

  c1 = ws_test_add_case (db, "S-1", "Crown Court Leeds");
  ws_case_set_accused (c1, (const char *[]) { "Accused 1", NULL });
  ws_database_save_case (db, c1, &error);
  g_assert_no_error (error);
  f->case_id = ws_case_get_id (c1);
  c2 = ws_test_add_case (db, "S-2", "Crown Court Leeds");
  f->other_case_id = ws_case_get_id (c2);

  ws_person_set_pseudonym (amber, "Amber");
  ws_person_set_languages (amber, languages);
  ws_person_set_interpreter_gender (amber, WS_INTERPRETER_GENDER_FEMALE);
  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, LEGAL_NAME);
  ws_identity_set_text (identity, WS_IDENTITY_DATE_OF_BIRTH, BIRTH_DATE);
  ws_identity_set_list (identity, WS_IDENTITY_PHONES, phones);
  ws_identity_set_list (identity, WS_IDENTITY_ADDRESSES, addresses);
  ws_test_save_person (db, amber, identity);
  f->amber = ws_person_get_id (amber);
  birch = ws_test_add_person (db, "Birch", NULL);
  f->birch = ws_person_get_id (birch);
  g_assert_true (ws_database_link_party (db, f->case_id, f->amber, WS_PARTY_ROLE_VICTIM_WITNESS, "Witness A", &error));
  g_assert_no_error (error);
  ws_test_exec (db, "INSERT INTO screening (person_id, case_id, accused_id) VALUES (%lld, %lld, NULL)",
                (long long) f->amber, (long long) f->case_id);

  f->room1 = add_site (db, "Court room 1", WS_SITE_KIND_COURT_ROOM, "UTC", WS_WEEKDAYS_MONDAY_TO_FRIDAY);
  f->room2 = add_site (db, "Court room 2", WS_SITE_KIND_COURT_ROOM, "UTC", WS_WEEKDAYS_MONDAY_TO_FRIDAY);
  f->suite = add_site (db, "Witness suite", WS_SITE_KIND_REMOTE_SUITE, "UTC", WS_WEEKDAYS_MONDAY_TO_FRIDAY);
  f->abroad = add_site (db, "Partner office", WS_SITE_KIND_SITE_ABROAD, "UTC", WS_WEEKDAYS_MONDAY_TO_FRIDAY);
  f->h1 = add_hearing (db, f->case_id, f->room1, "2026-03-09T09:00:00Z", "2026-03-09T17:00:00Z");
  f->h2 = add_hearing (db, f->other_case_id, f->room2, "2026-03-10T09:00:00Z", "2026-03-10T17:00:00Z");

  f->hana = add_interpreter (db, "Hana", WS_GENDER_FEMALE, "Arabic", "Levantine");
  f->omar = add_interpreter (db, "Omar", WS_GENDER_MALE, "Arabic", "");
  f->sofia = add_interpreter (db, "Sofia", WS_GENDER_FEMALE, "Spanish", "");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ws_test_fixture_tear_down (&f->base, data);
}

static WsSession *
draft (Fixture    *f,
       gint64      hearing,
       gint64      person,
       gint64      court,
       gint64      remote,
       const char *from,
       const char *to)
{
  WsSession *s = ws_session_new ();
  g_autoptr(GDateTime) a = at (from);
  g_autoptr(GDateTime) b = at (to);

  ws_session_set_hearing_id (s, hearing);
  ws_session_set_person_id (s, person);
  ws_session_set_court_site_id (s, court);
  ws_session_set_remote_site_id (s, remote);
  ws_session_set_starts_at (s, a);
  ws_session_set_ends_at (s, b);
  return s;
}

static WsSession *
book (Fixture    *f,
      gint64      hearing,
      gint64      person,
      gint64      court,
      gint64      remote,
      const char *from,
      const char *to)
{
  WsSession *s = draft (f, hearing, person, court, remote, from, to);
  g_autoptr(GError) error = NULL;

  ws_database_save_session (f->base.db, s, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_session_get_id (s), >, 0);
  return s;
}

static GPtrArray *
check (Fixture                  *f,
       WsSession                *s,
       const WsScheduleSettings *settings)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = ws_database_check_session (f->base.db, s, settings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conflicts);
  return conflicts;
}

/* The conflict of @kind, asserting there is exactly one. */
static WsConflict *
only (GPtrArray      *conflicts,
      WsConflictKind  kind)
{
  WsConflict *found = NULL;

  for (guint i = 0; i < conflicts->len; i++)
    {
      WsConflict *c = g_ptr_array_index (conflicts, i);

      if (ws_conflict_get_kind (c) != kind)
        continue;
      g_assert_null (found);
      found = c;
    }
  g_assert_nonnull (found);
  return found;
}

static gboolean
has_kind (GPtrArray      *conflicts,
          WsConflictKind  kind)
{
  for (guint i = 0; i < conflicts->len; i++)
    if (ws_conflict_get_kind (g_ptr_array_index (conflicts, i)) == kind)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */

static void
test_sites (Fixture       *f,
            gconstpointer  data)
{
  WsDatabase *db = f->base.db;
  g_autoptr(WsSite) site = ws_site_new ();
  g_autoptr(WsSite) loaded = NULL;
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GPtrArray) closures = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GDateTime) a = at ("2026-01-01T00:00:00Z");
  g_autoptr(GDateTime) b = at ("2026-01-02T00:00:00Z");
  g_autoptr(GDateTime) c = at ("2026-03-20T00:00:00Z");
  g_autoptr(GDateTime) d = at ("2026-03-21T00:00:00Z");
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GError) error = NULL;
  g_autofree char *days = NULL;

  ws_site_set_name (site, "Kyiv video room");
  ws_site_set_kind (site, WS_SITE_KIND_SITE_ABROAD);
  ws_site_set_zone (site, "Europe/Atlantis");
  ws_site_set_opens_at (site, "18:00");
  ws_site_set_closes_at (site, "9am");
  ws_site_set_working_days (site, 0);
  ws_database_check_site (db, site, problems);
  g_assert_nonnull (ws_problems_lookup (problems, "zone"));
  g_assert_nonnull (ws_problems_lookup (problems, "closes_at"));
  g_assert_nonnull (ws_problems_lookup (problems, "working_days"));
  g_assert_false (ws_database_save_site (db, site, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ws_site_get_id (site), ==, 0);

  ws_site_set_zone (site, "Europe/Kyiv");
  ws_site_set_opens_at (site, "09:00");
  ws_site_set_closes_at (site, "18:00");
  ws_site_set_working_days (site, WS_WEEKDAY_SUNDAY | WS_WEEKDAY_MONDAY | WS_WEEKDAY_TUESDAY |
                                  WS_WEEKDAY_WEDNESDAY | WS_WEEKDAY_THURSDAY);
  ws_site_set_technical_contact (site, "AV desk");
  g_assert_true (ws_database_save_site (db, site, &error));
  g_assert_no_error (error);
  days = ws_weekdays_format (ws_site_get_working_days (site));
  g_assert_cmpstr (days, ==, "Sun–Thu");

  loaded = ws_database_find_site (db, "KYIV VIDEO ROOM", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_site_get_id (loaded), ==, ws_site_get_id (site));
  g_assert_cmpstr (ws_site_get_zone (loaded), ==, "Europe/Kyiv");
  g_assert_cmpint (ws_site_get_kind (loaded), ==, WS_SITE_KIND_SITE_ABROAD);
  g_assert_cmpstr (ws_site_get_technical_contact (loaded), ==, "AV desk");

  /* Another site may not take the name. */
  {
    g_autoptr(WsSite) other = ws_site_new ();

    ws_site_set_name (other, "kyiv video room");
    g_assert_false (ws_database_save_site (db, other, &error));
    g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DUPLICATE);
    g_clear_error (&error);
  }

  /* Closures: a reason is needed; past ones stop mattering. */
  g_assert_cmpint (ws_database_add_site_closure (db, ws_site_get_id (site), a, b, "  ", &error), ==, 0);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ws_database_add_site_closure (db, ws_site_get_id (site), b, a, "New Year", &error), ==, 0);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ws_database_add_site_closure (db, ws_site_get_id (site), a, b, "New Year", &error), >, 0);
  g_assert_cmpint (ws_database_add_site_closure (db, ws_site_get_id (site), c, d, "Power works", &error), >, 0);
  g_assert_no_error (error);
  closures = ws_database_list_site_closures (db, ws_site_get_id (site), NULL, &error);
  g_assert_cmpuint (closures->len, ==, 2);
  current = ws_database_list_site_closures (db, ws_site_get_id (site), now, &error);
  g_assert_cmpuint (current->len, ==, 1);
  g_assert_cmpstr (ws_period_get_reason (g_ptr_array_index (current, 0)), ==, "Power works");
  g_assert_true (ws_database_delete_site_closure (db, ws_period_get_id (g_ptr_array_index (current, 0)), &error));
  g_assert_no_error (error);

  /* A prosecutor may read the directory but not change it. */
  ws_database_set_actor (db, "Pia Prosecutor", WS_ROLE_PROSECUTOR);
  ws_site_set_contact (site, "Reception");
  g_assert_false (ws_database_save_site (db, site, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_pointer (&closures, g_ptr_array_unref);
  closures = ws_database_list_sites (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (closures->len, ==, 5);
  ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_OFFICER);
  g_assert_true (ws_database_delete_site (db, ws_site_get_id (site), &error));
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM site_closure"), ==, 0);
}

static void
test_interpreters (Fixture       *f,
                   gconstpointer  data)
{
  WsDatabase *db = f->base.db;
  g_autoptr(WsInterpreter) hana = NULL;
  g_autoptr(WsInterpreter) blank = ws_interpreter_new ();
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GPtrArray) exclusions = NULL;
  g_autoptr(GPtrArray) away = NULL;
  g_autoptr(GDateTime) a = at ("2026-03-09T00:00:00Z");
  g_autoptr(GDateTime) b = at ("2026-03-10T00:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ws_interpreter_set_zone (blank, "Nowhere/Land");
  ws_database_check_interpreter (db, blank, problems);
  g_assert_nonnull (ws_problems_lookup (problems, "name"));
  g_assert_nonnull (ws_problems_lookup (problems, "zone"));
  g_assert_nonnull (ws_problems_lookup (problems, "languages"));

  hana = ws_database_find_interpreter (db, "hana", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_interpreter_get_gender (hana), ==, WS_GENDER_FEMALE);
  g_assert_true (ws_interpreter_speaks (hana, "arabic", "levantine"));
  g_assert_true (ws_interpreter_speaks (hana, "Arabic", NULL));
  g_assert_false (ws_interpreter_speaks (hana, "Arabic", "Gulf"));
  g_assert_false (ws_interpreter_speaks (hana, "Kurdish", NULL));
  ws_interpreter_add_language (hana, "British Sign Language", "", WS_LANGUAGE_MODALITY_SIGN, "NRCPD");
  g_assert_true (ws_database_save_interpreter (db, hana, &error));
  g_assert_no_error (error);
  g_clear_object (&hana);
  hana = ws_database_get_interpreter (db, f->hana, &error);
  g_assert_cmpuint (ws_interpreter_get_n_languages (hana), ==, 2);
  text = ws_interpreter_dup_languages_text (hana);
  g_assert_nonnull (strstr (text, "Arabic (Levantine)"));
  g_assert_nonnull (strstr (text, "British Sign Language"));

  g_assert_cmpint (ws_database_add_exclusion (db, f->hana, 0, 0, "x", &error), ==, 0);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ws_database_add_exclusion (db, f->hana, f->case_id, 0, "Knows a relative of the accused",
                                              &error), >, 0);
  g_assert_no_error (error);
  exclusions = ws_database_list_exclusions (db, f->hana, &error);
  g_assert_cmpuint (exclusions->len, ==, 1);
  g_assert_cmpstr (ws_interpreter_exclusion_get_case_reference (g_ptr_array_index (exclusions, 0)), ==, "S-1");

  g_assert_cmpint (ws_database_add_unavailability (db, f->omar, a, b, "Leave", &error), >, 0);
  away = ws_database_list_unavailability (db, f->omar, NULL, &error);
  g_assert_cmpuint (away->len, ==, 1);

  ws_database_set_actor (db, "Pia Prosecutor", WS_ROLE_PROSECUTOR);
  g_assert_false (ws_database_delete_interpreter (db, f->omar, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
}

static void
test_session_lifecycle (Fixture       *f,
                        gconstpointer  data)
{
  WsDatabase *db = f->base.db;
  g_autoptr(WsSession) s = draft (f, f->h1, f->amber, f->room1, f->suite, "2026-03-09T09:00:00Z",
                                  "2026-03-09T10:00:00Z");
  g_autoptr(WsSession) loaded = NULL;
  g_autoptr(WsSession) hidden = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GDateTime) later = at ("2026-03-09T09:30:00Z");
  g_autoptr(GDateTime) later_end = at ("2026-03-09T10:30:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;

  ws_session_set_link_address (s, "https://video.example/room/4711");
  ws_session_set_link_pin (s, "839201");
  ws_session_set_support_person (s, SUPPORT_PERSON);
  ws_session_add_interpreter (s, f->hana, "Arabic");
  g_assert_true (ws_database_save_session (db, s, NULL, &error));
  g_assert_no_error (error);
  uid = g_strdup (ws_session_get_uid (s));
  g_assert_nonnull (uid);
  g_assert_cmpuint (ws_session_get_sequence (s), ==, 0);

  ws_session_set_starts_at (s, later);
  ws_session_set_ends_at (s, later_end);
  g_assert_true (ws_database_save_session (db, s, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ws_session_get_uid (s), ==, uid);
  g_assert_cmpuint (ws_session_get_sequence (s), ==, 1);

  g_assert_true (ws_database_confirm_session (db, ws_session_get_id (s), &error));
  g_assert_false (ws_database_cancel_session (db, ws_session_get_id (s), "  ", &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  loaded = ws_database_get_session (db, ws_session_get_id (s), &error);
  g_assert_cmpint (ws_session_get_status (loaded), ==, WS_SESSION_STATUS_CONFIRMED);
  g_assert_cmpuint (ws_session_get_sequence (loaded), ==, 2);
  g_assert_cmpstr (ws_session_get_pseudonym (loaded), ==, "Amber");
  g_assert_cmpstr (ws_session_get_court_site_name (loaded), ==, "Court room 1");
  g_assert_cmpstr (ws_session_get_interpreter_name (loaded, 0), ==, "Hana");
  g_assert_true (ws_session_has_link_details (loaded));
  g_assert_cmpstr (ws_session_get_link_pin (loaded), ==, "839201");
  g_assert_true (g_date_time_equal (ws_session_get_starts_at (loaded), later));

  /* A prosecutor sees the session but not its link, and may not edit. */
  ws_database_set_actor (db, "Pia Prosecutor", WS_ROLE_PROSECUTOR);
  hidden = ws_database_get_session (db, ws_session_get_id (s), &error);
  g_assert_no_error (error);
  g_assert_false (ws_session_has_link_details (hidden));
  g_assert_cmpstr (ws_session_get_link_address (hidden), ==, "");
  g_assert_cmpstr (ws_session_get_link_pin (hidden), ==, "");
  g_assert_false (ws_database_save_session (db, hidden, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_OFFICER);

  /* Saving a copy whose link was never loaded keeps the stored link. */
  ws_session_set_platform_ref (hidden, "Teams 12");
  g_assert_true (ws_database_save_session (db, hidden, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM session WHERE link_pin = '839201'"), ==, 1);

  g_assert_true (ws_database_cancel_session (db, ws_session_get_id (s), "Witness unwell", &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = ws_database_find_session (db, uid, &error);
  g_assert_cmpint (ws_session_get_status (loaded), ==, WS_SESSION_STATUS_CANCELLED);
  g_assert_cmpstr (ws_session_get_cancel_reason (loaded), ==, "Witness unwell");
  g_assert_cmpuint (ws_session_get_sequence (loaded), ==, 4);
  g_assert_false (ws_database_save_session (db, loaded, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  history = ws_database_list_session_history (db, ws_session_get_id (s), &error);
  g_assert_cmpuint (history->len, ==, 5);
  g_assert_cmpstr (ws_session_change_get_by (g_ptr_array_index (history, 0)), ==, WS_TEST_OFFICER);
  g_assert_true (g_str_has_prefix (ws_session_change_get_text (g_ptr_array_index (history, 0)), "Booked for"));
  g_assert_nonnull (strstr (ws_session_change_get_text (g_ptr_array_index (history, 1)), "09:30"));
  g_assert_cmpstr (ws_session_change_get_text (g_ptr_array_index (history, 2)), ==, "Confirmed");
  g_assert_nonnull (strstr (ws_session_change_get_text (g_ptr_array_index (history, 3)), "Teams 12"));
  g_assert_cmpstr (ws_session_change_get_text (g_ptr_array_index (history, 4)), ==, "Cancelled: Witness unwell");
  /* History never writes out link details. */
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM session_history WHERE change LIKE '%839201%'"
                                          " OR change LIKE '%video.example%'"), ==, 0);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(WsSession) s = draft (f, f->h1, f->amber, f->room1, f->room1, "2026-03-09T10:00:00Z",
                                  "2026-03-09T09:00:00Z");
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GDateTime) long_end = at ("2026-03-10T09:00:00Z");
  g_autoptr(GError) error = NULL;

  ws_session_validate (s, problems);
  g_assert_nonnull (ws_problems_lookup (problems, "ends_at"));
  g_assert_nonnull (ws_problems_lookup (problems, "sites"));
  g_assert_false (ws_database_save_session (f->base.db, s, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  ws_session_set_ends_at (s, long_end);
  g_ptr_array_set_size (problems, 0);
  ws_session_validate (s, problems);
  g_assert_nonnull (ws_problems_lookup (problems, "ends_at"));
  g_assert_cmpint (ws_test_count_rows (f->base.db, "session"), ==, 0);
}

static void
test_conflict_bookings (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WsSession) first = NULL;
  g_autoptr(WsSession) d = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  WsConflict *c;
  g_autoptr(GError) error = NULL;

  first = draft (f, f->h2, f->birch, f->room2, f->suite, "2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z");
  ws_session_add_interpreter (first, f->omar, "Arabic");
  g_assert_true (ws_database_save_session (f->base.db, first, NULL, &error));
  g_assert_no_error (error);

  /* Same witness, same room, same suite, same interpreter. */
  d = draft (f, f->h2, f->birch, f->room2, f->suite, "2026-03-10T10:30:00Z", "2026-03-10T11:30:00Z");
  ws_session_add_interpreter (d, f->omar, "Arabic");
  conflicts = check (f, d, NULL);
  g_assert_cmpint (ws_conflict_get_severity (only (conflicts, WS_CONFLICT_WITNESS_BOOKED)), ==, WS_CONFLICT_REFUSE);
  c = only (conflicts, WS_CONFLICT_COURT_ROOM_BOOKED);
  g_assert_cmpint (ws_conflict_get_severity (c), ==, WS_CONFLICT_REFUSE);
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "Court room 2"));
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "Birch"));
  g_assert_cmpint (ws_conflict_get_other_session_id (c), ==, ws_session_get_id (first));
  c = only (conflicts, WS_CONFLICT_REMOTE_SITE_BOOKED);
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "Witness suite"));
  c = only (conflicts, WS_CONFLICT_INTERPRETER_BOOKED);
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "Omar"));
  g_assert_cmpint (ws_conflict_get_interpreter_id (c), ==, f->omar);
  g_assert_cmpint (ws_conflict_get_severity (g_ptr_array_index (conflicts, 0)), ==, WS_CONFLICT_REFUSE);
  g_assert_false (ws_database_save_session (f->base.db, d, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* The room used as the other side of a link is booked too. */
  g_clear_object (&d);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  d = draft (f, f->h1, f->amber, f->suite, f->abroad, "2026-03-10T10:30:00Z", "2026-03-10T11:30:00Z");
  conflicts = check (f, d, NULL);
  g_assert_true (has_kind (conflicts, WS_CONFLICT_COURT_ROOM_BOOKED));
  g_assert_false (has_kind (conflicts, WS_CONFLICT_WITNESS_BOOKED));

  /* A cancelled session books nothing. */
  g_assert_true (ws_database_cancel_session (f->base.db, ws_session_get_id (first), "Adjourned", &error));
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = check (f, d, NULL);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static void
test_conflict_buffers (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(WsSession) first = book (f, f->h2, f->birch, f->room2, f->suite, "2026-03-10T10:00:00Z",
                                     "2026-03-10T11:00:00Z");
  g_autoptr(WsSession) d = draft (f, f->h2, f->birch, f->room2, f->suite, "2026-03-10T11:10:00Z",
                                  "2026-03-10T12:00:00Z");
  g_autoptr(GPtrArray) conflicts = NULL;
  WsScheduleSettings settings;
  g_autoptr(GError) error = NULL;

  /* Ten minutes after, inside the default fifteen-minute buffer: warned. */
  conflicts = check (f, d, NULL);
  g_assert_cmpint (ws_conflict_get_severity (only (conflicts, WS_CONFLICT_COURT_ROOM_BOOKED)), ==, WS_CONFLICT_WARN);
  g_assert_cmpint (ws_conflict_get_severity (only (conflicts, WS_CONFLICT_WITNESS_BOOKED)), ==, WS_CONFLICT_WARN);
  g_assert_false (ws_conflicts_have_refusal (conflicts));

  /* No buffer after: nothing. A bigger one before the next: warned. */
  ws_schedule_settings_init (&settings);
  settings.buffer_after = 0;
  settings.buffer_before = 0;
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = check (f, d, &settings);
  g_assert_cmpuint (conflicts->len, ==, 0);
  settings.buffer_after = 10;
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = check (f, d, &settings);
  g_assert_cmpuint (conflicts->len, ==, 0);
  settings.buffer_after = 11;
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = check (f, d, &settings);
  g_assert_true (has_kind (conflicts, WS_CONFLICT_COURT_ROOM_BOOKED));

  /* A draft that ends ten minutes before: the buffer before counts. */
  {
    g_autoptr(WsSession) before = draft (f, f->h2, f->birch, f->room2, f->suite, "2026-03-10T09:00:00Z",
                                         "2026-03-10T09:50:00Z");

    settings.buffer_after = 0;
    settings.buffer_before = 10;
    g_clear_pointer (&conflicts, g_ptr_array_unref);
    conflicts = check (f, before, &settings);
    g_assert_cmpuint (conflicts->len, ==, 0);
    settings.buffer_before = 20;
    g_clear_pointer (&conflicts, g_ptr_array_unref);
    conflicts = check (f, before, &settings);
    g_assert_true (has_kind (conflicts, WS_CONFLICT_REMOTE_SITE_BOOKED));
  }

  /* A warning does not stop the booking. */
  g_assert_true (ws_database_save_session (f->base.db, d, NULL, &error));
  g_assert_no_error (error);
}

static void
test_conflict_interpreters (Fixture       *f,
                            gconstpointer  data)
{
  WsDatabase *db = f->base.db;
  g_autoptr(WsSession) d = draft (f, f->h2, f->amber, f->room2, f->suite, "2026-03-10T10:00:00Z",
                                  "2026-03-10T11:00:00Z");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GDateTime) a = at ("2026-03-10T00:00:00Z");
  g_autoptr(GDateTime) b = at ("2026-03-11T00:00:00Z");
  g_autoptr(GError) error = NULL;
  WsConflict *c;

  /* Hana: the right language, dialect and gender. */
  ws_session_add_interpreter (d, f->hana, "Arabic");
  conflicts = check (f, d, NULL);
  g_assert_cmpuint (conflicts->len, ==, 0);

  /* Sofia interprets no Arabic. */
  ws_session_clear_interpreters (d);
  ws_session_add_interpreter (d, f->sofia, "Arabic");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = check (f, d, NULL);
  c = only (conflicts, WS_CONFLICT_INTERPRETER_LANGUAGE);
  g_assert_cmpint (ws_conflict_get_severity (c), ==, WS_CONFLICT_REFUSE);
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "Sofia"));

  /* Spanish is not among Amber's languages: warned. */
  ws_session_clear_interpreters (d);
  ws_session_add_interpreter (d, f->sofia, "Spanish");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = check (f, d, NULL);
  g_assert_cmpint (ws_conflict_get_severity (only (conflicts, WS_CONFLICT_INTERPRETER_LANGUAGE)), ==,
                   WS_CONFLICT_WARN);

  /* Omar: Arabic without a dialect serves Levantine, but he is a man. */
  ws_session_clear_interpreters (d);
  ws_session_add_interpreter (d, f->omar, "Arabic");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = check (f, d, NULL);
  g_assert_false (has_kind (conflicts, WS_CONFLICT_INTERPRETER_LANGUAGE));
  c = only (conflicts, WS_CONFLICT_INTERPRETER_GENDER);
  g_assert_cmpint (ws_conflict_get_severity (c), ==, WS_CONFLICT_WARN);
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "Amber"));

  /* Omar is unavailable that day. */
  g_assert_cmpint (ws_database_add_unavailability (db, f->omar, a, b, "Training course", &error), >, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = check (f, d, NULL);
  c = only (conflicts, WS_CONFLICT_INTERPRETER_UNAVAILABLE);
  g_assert_cmpint (ws_conflict_get_severity (c), ==, WS_CONFLICT_REFUSE);
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "Training course"));

  /* Hana excluded from the witness, then from the case of the hearing. */
  ws_session_clear_interpreters (d);
  ws_session_add_interpreter (d, f->hana, "Arabic");
  g_assert_cmpint (ws_database_add_exclusion (db, f->hana, 0, f->amber, "Neighbour", &error), >, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = check (f, d, NULL);
  c = only (conflicts, WS_CONFLICT_INTERPRETER_EXCLUDED);
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "Amber"));
  g_assert_null (strstr (ws_conflict_get_message (c), "Neighbour"));
  ws_test_exec (db, "DELETE FROM interpreter_exclusion");
  g_assert_cmpint (ws_database_add_exclusion (db, f->hana, f->other_case_id, 0, "Related to a party", &error), >, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = check (f, d, NULL);
  c = only (conflicts, WS_CONFLICT_INTERPRETER_EXCLUDED);
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "S-2"));
  g_assert_false (ws_database_save_session (db, d, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
}

static void
test_conflict_sites (Fixture       *f,
                     gconstpointer  data)
{
  WsDatabase *db = f->base.db;
  g_autoptr(WsSession) early = draft (f, f->h2, f->birch, f->room2, f->abroad, "2026-03-10T07:30:00Z",
                                      "2026-03-10T08:30:00Z");
  g_autoptr(WsSession) saturday = draft (f, f->h2, f->birch, f->room2, f->abroad, "2026-03-14T10:00:00Z",
                                         "2026-03-14T11:00:00Z");
  g_autoptr(WsSession) closed = draft (f, f->h2, f->birch, f->room2, f->abroad, "2026-03-11T10:00:00Z",
                                       "2026-03-11T11:00:00Z");
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GDateTime) a = at ("2026-03-11T00:00:00Z");
  g_autoptr(GDateTime) b = at ("2026-03-12T00:00:00Z");
  g_autoptr(GError) error = NULL;
  WsConflict *c;

  conflicts = check (f, early, NULL);
  g_assert_true (has_kind (conflicts, WS_CONFLICT_OUTSIDE_HOURS));
  g_assert_false (ws_conflicts_have_refusal (conflicts));
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = check (f, saturday, NULL);
  g_assert_true (has_kind (conflicts, WS_CONFLICT_OUTSIDE_HOURS));

  g_assert_cmpint (ws_database_add_site_closure (db, f->abroad, a, b, "National holiday", &error), >, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = check (f, closed, NULL);
  c = only (conflicts, WS_CONFLICT_SITE_CLOSED);
  g_assert_cmpint (ws_conflict_get_severity (c), ==, WS_CONFLICT_REFUSE);
  g_assert_cmpint (ws_conflict_get_site_id (c), ==, f->abroad);
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "Partner office"));
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "National holiday"));
}

static void
test_conflict_screened (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WsSession) in_room = draft (f, f->h1, f->amber, f->room1, 0, "2026-03-09T10:00:00Z",
                                        "2026-03-09T11:00:00Z");
  g_autoptr(WsSession) by_link = draft (f, f->h1, f->amber, f->room1, f->suite, "2026-03-09T10:00:00Z",
                                        "2026-03-09T11:00:00Z");
  g_autoptr(WsSession) birch = NULL;
  g_autoptr(WsSession) other_case = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  WsConflict *c;

  /* Testifying in the room where the screened case's hearing sits. */
  conflicts = check (f, in_room, NULL);
  c = only (conflicts, WS_CONFLICT_SCREENED_FROM_ACCUSED);
  g_assert_cmpint (ws_conflict_get_severity (c), ==, WS_CONFLICT_REFUSE);
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "Amber"));
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "S-1"));
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* By video link from the suite: no meeting. */
  conflicts = check (f, by_link, NULL);
  g_assert_false (has_kind (conflicts, WS_CONFLICT_SCREENED_FROM_ACCUSED));
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* Another session of S-1 with its court room in the suite puts the
   * accused there: Amber may not testify from the suite then. */
  birch = book (f, f->h1, f->birch, f->suite, f->abroad, "2026-03-09T12:00:00Z", "2026-03-09T13:00:00Z");
  other_case = draft (f, f->h2, f->amber, f->room2, f->suite, "2026-03-09T12:30:00Z", "2026-03-09T13:30:00Z");
  conflicts = check (f, other_case, NULL);
  c = only (conflicts, WS_CONFLICT_SCREENED_FROM_ACCUSED);
  g_assert_cmpint (ws_conflict_get_other_session_id (c), ==, ws_session_get_id (birch));
  g_assert_nonnull (strstr (ws_conflict_get_message (c), "Witness suite"));
}

static void
test_alternatives (Fixture       *f,
                   gconstpointer  data)
{
  WsDatabase *db = f->base.db;
  g_autoptr(WsSession) taken = NULL;
  g_autoptr(WsSession) d = NULL;
  g_autoptr(WsAlternatives) alt = NULL;
  g_autoptr(GDateTime) earlier = at ("2026-03-06T16:00:00Z");
  g_autoptr(GDateTime) later = at ("2026-03-10T11:15:00Z");
  g_autoptr(GDateTime) a = at ("2026-03-10T00:00:00Z");
  g_autoptr(GDateTime) b = at ("2026-03-11T00:00:00Z");
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  taken = draft (f, f->h2, f->birch, f->room2, f->suite, "2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z");
  ws_session_add_interpreter (taken, f->hana, "Arabic");
  g_assert_true (ws_database_save_session (db, taken, NULL, &error));
  g_assert_no_error (error);
  /* A morning session the day before fills Monday 09:00–10:45 for the suite. */
  g_clear_object (&taken);
  taken = book (f, f->h2, f->birch, f->room2, f->suite, "2026-03-09T09:00:00Z", "2026-03-09T16:00:00Z");
  g_assert_cmpint (ws_database_add_site_closure (db, f->room1, a, b, "Repairs", &error), >, 0);

  d = draft (f, f->h2, f->amber, f->room2, f->suite, "2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z");
  ws_session_add_interpreter (d, f->hana, "Arabic");
  alt = ws_database_find_alternatives (db, d, NULL, &error);
  g_assert_no_error (error);

  /* Before: Monday is full to 16:15, so Friday's last hour; after: 11:15
   * once the other session and its buffer are over. */
  g_assert_nonnull (ws_alternatives_get_earlier (alt));
  g_assert_nonnull (ws_alternatives_get_later (alt));
  g_assert_true (g_date_time_equal (ws_alternatives_get_later (alt), later));
  g_assert_true (g_date_time_equal (ws_alternatives_get_earlier (alt), earlier));

  /* Room 1 is closed, room 2 in use: no court room; the site abroad is free. */
  list = ws_alternatives_get_court_rooms (alt);
  g_assert_cmpuint (list->len, ==, 0);
  list = ws_alternatives_get_remote_sites (alt);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (ws_site_get_id (g_ptr_array_index (list, 0)), ==, f->abroad);

  /* Hana is busy; Omar speaks Arabic (listed after, being a man); Sofia does not. */
  list = ws_alternatives_get_interpreters (alt);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (ws_interpreter_get_id (g_ptr_array_index (list, 0)), ==, f->omar);

  /* Each suggestion checks clean. */
  {
    g_autoptr(WsSession) moved = ws_session_copy (d);
    g_autoptr(GDateTime) end = g_date_time_add_hours (later, 1);
    g_autoptr(GPtrArray) conflicts = NULL;

    ws_session_set_starts_at (moved, later);
    ws_session_set_ends_at (moved, end);
    conflicts = check (f, moved, NULL);
    g_assert_false (ws_conflicts_have_refusal (conflicts));
  }
}

typedef struct {
  const char *zone;
  const char *before_start;   /* UTC; outside hours before the change */
  const char *before_end;
  const char *after_start;    /* the same UTC clock time after it */
  const char *after_end;
  gboolean    inside_before;
  gboolean    inside_after;
  const char *change_day;     /* a day of the change, local */
  const char *opening_utc;    /* 09:00 local that day, in UTC */
} DstCase;

static const DstCase dst_cases[] = {
  /* London goes to BST on 29 March 2026. */
  { "Europe/London", "2026-03-27T08:30:00Z", "2026-03-27T09:30:00Z",
    "2026-03-30T08:30:00Z", "2026-03-30T09:30:00Z", FALSE, TRUE, "2026-03-29", "2026-03-29T08:00:00Z" },
  /* New York goes to EDT on 8 March 2026. */
  { "America/New_York", "2026-03-06T13:30:00Z", "2026-03-06T14:30:00Z",
    "2026-03-09T13:30:00Z", "2026-03-09T14:30:00Z", FALSE, TRUE, "2026-03-08", "2026-03-08T13:00:00Z" },
  /* Sydney leaves AEDT on 5 April 2026: 22:30 UTC is 09:30, then 08:30. */
  { "Australia/Sydney", "2026-04-01T22:30:00Z", "2026-04-01T23:30:00Z",
    "2026-04-06T22:30:00Z", "2026-04-06T23:30:00Z", TRUE, FALSE, "2026-04-05", "2026-04-04T23:00:00Z" },
  /* Bangkok has no daylight saving: 02:30 UTC stays 09:30. */
  { "Asia/Bangkok", "2026-03-27T02:30:00Z", "2026-03-27T03:30:00Z",
    "2026-03-30T02:30:00Z", "2026-03-30T03:30:00Z", TRUE, TRUE, "2026-03-29", "2026-03-29T02:00:00Z" },
};

static void
test_dst (Fixture       *f,
          gconstpointer  data)
{
  WsDatabase *db = f->base.db;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dst_cases); i++)
    {
      const DstCase *dc = &dst_cases[i];
      g_autofree char *name = g_strdup_printf ("Room in %s", dc->zone);
      gint64 site_id = add_site (db, name, WS_SITE_KIND_SITE_ABROAD, dc->zone, 0x7f);
      g_autoptr(WsSite) site = ws_database_get_site (db, site_id, &error);
      g_autoptr(WsSession) before = draft (f, f->h2, f->birch, f->room2, site_id, dc->before_start, dc->before_end);
      g_autoptr(WsSession) after = draft (f, f->h2, f->birch, f->room2, site_id, dc->after_start, dc->after_end);
      g_autoptr(GPtrArray) cb = NULL;
      g_autoptr(GPtrArray) ca = NULL;
      g_autoptr(GDateTime) opening = NULL;
      g_autoptr(GDateTime) expected = at (dc->opening_utc);
      g_autoptr(GDateTime) start = at (dc->after_start);
      g_autoptr(WsSession) loaded = NULL;
      GDate day;
      gboolean outside_before = FALSE, outside_after = FALSE;

      g_test_message ("zone %s", dc->zone);
      ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_OFFICER);
      /* Court room 2 works in UTC; let it work all day for this check. */
      ws_test_exec (db, "UPDATE site SET opens_at = '00:00', closes_at = '23:59', working_days = 127 WHERE id = %lld",
                    (long long) f->room2);
      cb = check (f, before, NULL);
      ca = check (f, after, NULL);
      for (guint k = 0; k < cb->len; k++)
        outside_before |= ws_conflict_get_kind (g_ptr_array_index (cb, k)) == WS_CONFLICT_OUTSIDE_HOURS &&
                          ws_conflict_get_site_id (g_ptr_array_index (cb, k)) == site_id;
      for (guint k = 0; k < ca->len; k++)
        outside_after |= ws_conflict_get_kind (g_ptr_array_index (ca, k)) == WS_CONFLICT_OUTSIDE_HOURS &&
                         ws_conflict_get_site_id (g_ptr_array_index (ca, k)) == site_id;
      g_assert_cmpint (outside_before, ==, !dc->inside_before);
      g_assert_cmpint (outside_after, ==, !dc->inside_after);

      /* Opening on the day of the change itself, on the site's clock. */
      g_assert_true (ws_time_parse_date (dc->change_day, &day));
      opening = ws_site_dup_opening (site, &day);
      g_assert_true (g_date_time_equal (opening, expected));

      /* A booked session keeps its instant, whatever the zones do. */
      g_assert_true (ws_database_save_session (db, after, NULL, &error));
      g_assert_no_error (error);
      loaded = ws_database_get_session (db, ws_session_get_id (after), &error);
      g_assert_true (g_date_time_equal (ws_session_get_starts_at (loaded), start));
      g_assert_cmpstr (ws_session_get_remote_zone (loaded), ==, dc->zone);
      ws_test_exec (db, "UPDATE session SET status = 'cancelled', cancel_reason = 'test' WHERE id = %lld",
                    (long long) ws_session_get_id (after));
    }

  /* One session, seen from London and from Bangkok across London's change. */
  {
    gint64 bangkok = ws_test_query_int (db, "SELECT id FROM site WHERE zone = 'Asia/Bangkok'");
    g_autoptr(WsSession) winter = draft (f, f->h2, f->birch, f->room2, bangkok, "2026-03-27T09:00:00Z",
                                         "2026-03-27T10:00:00Z");
    g_autoptr(WsSession) summer = draft (f, f->h2, f->birch, f->room2, bangkok, "2026-03-30T09:00:00Z",
                                         "2026-03-30T10:00:00Z");
    g_autoptr(GPtrArray) unused = NULL;
    g_autofree char *w_london = NULL;
    g_autofree char *s_london = NULL;
    g_autofree char *w_bangkok = NULL;
    g_autofree char *s_bangkok = NULL;

    unused = check (f, winter, NULL);  /* fills the zones */
    g_clear_pointer (&unused, g_ptr_array_unref);
    unused = check (f, summer, NULL);
    w_london = ws_session_format_times (winter, "Europe/London");
    s_london = ws_session_format_times (summer, "Europe/London");
    w_bangkok = ws_session_format_remote_times (winter);
    s_bangkok = ws_session_format_remote_times (summer);
    g_assert_cmpstr (w_london, ==, "09:00–10:00");
    g_assert_cmpstr (s_london, ==, "10:00–11:00");
    g_assert_cmpstr (w_bangkok, ==, "16:00–17:00 Bangkok time");
    g_assert_cmpstr (s_bangkok, ==, "16:00–17:00 Bangkok time");
  }
}

/* ------------------------------------------------------------------ */
/* Exports */

typedef struct {
  char   *uid;
  int     sequence;
  int     status;
  time_t  start;
  gboolean utc;
} ReadEvent;

static GArray *
read_calendar (const char *text)
{
  GArray *events = g_array_new (FALSE, TRUE, sizeof (ReadEvent));
  icalcomponent *calendar = icalparser_parse_string (text);
  icalcomponent *event;

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      ReadEvent e = { 0 };
      struct icaltimetype start = icalcomponent_get_dtstart (event);

      e.uid = g_strdup (icalcomponent_get_uid (event));
      e.sequence = icalcomponent_get_sequence (event);
      e.status = icalcomponent_get_status (event);
      e.utc = icaltime_is_utc (start);
      e.start = icaltime_as_timet_with_zone (start, icaltimezone_get_utc_timezone ());
      g_array_append_val (events, e);
    }
  icalcomponent_free (calendar);
  return events;
}

static void
free_events (GArray *events)
{
  for (guint i = 0; i < events->len; i++)
    g_free (g_array_index (events, ReadEvent, i).uid);
  g_array_unref (events);
}

static void
test_ical (Fixture       *f,
           gconstpointer  data)
{
  WsDatabase *db = f->base.db;
  g_autoptr(WsSession) one = draft (f, f->h2, f->amber, f->room2, f->suite, "2026-03-10T10:00:00Z",
                                    "2026-03-10T11:00:00Z");
  g_autoptr(WsSession) two = draft (f, f->h2, f->amber, f->room2, f->abroad, "2026-03-11T10:00:00Z",
                                    "2026-03-11T11:00:00Z");
  g_autoptr(GDateTime) moved = at ("2026-03-11T12:00:00Z");
  g_autoptr(GDateTime) moved_end = at ("2026-03-11T13:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *with_pin = NULL;
  g_autofree char *by_site = NULL;
  g_autofree char *ical_path = NULL;
  g_autoptr(GFile) file = NULL;
  GArray *events;
  ReadEvent *e;

  ws_session_add_interpreter (one, f->hana, "Arabic");
  ws_session_set_link_address (one, "https://video.example/room/4711");
  ws_session_set_link_pin (one, "839201");
  ws_session_set_support_person (one, SUPPORT_PERSON);
  g_assert_true (ws_database_save_session (db, one, NULL, &error));
  g_assert_true (ws_database_save_session (db, two, NULL, &error));
  g_assert_no_error (error);

  first = ws_schedule_export_ical (db, WS_CALENDAR_FOR_WITNESS, "Amber", WS_CALENDAR_NONE, &error);
  g_assert_no_error (error);

  /* Change one, cancel the other, export again. */
  ws_session_set_starts_at (two, moved);
  ws_session_set_ends_at (two, moved_end);
  g_assert_true (ws_database_save_session (db, two, NULL, &error));
  g_assert_true (ws_database_cancel_session (db, ws_session_get_id (one), "Witness unwell", &error));
  g_assert_no_error (error);
  second = ws_schedule_export_ical (db, WS_CALENDAR_FOR_WITNESS, "Amber", WS_CALENDAR_NONE, &error);
  g_assert_no_error (error);

  events = read_calendar (first);
  g_assert_cmpuint (events->len, ==, 2);
  e = &g_array_index (events, ReadEvent, 0);
  g_assert_cmpstr (e->uid, ==, ws_session_get_uid (one));
  g_assert_cmpint (e->sequence, ==, 0);
  g_assert_cmpint (e->status, ==, ICAL_STATUS_TENTATIVE);
  g_assert_true (e->utc);
  g_assert_cmpint (e->start, ==, g_date_time_to_unix (ws_session_get_starts_at (one)));
  free_events (events);

  events = read_calendar (second);
  g_assert_cmpuint (events->len, ==, 2);
  e = &g_array_index (events, ReadEvent, 0);
  g_assert_cmpstr (e->uid, ==, ws_session_get_uid (one));
  g_assert_cmpint (e->sequence, ==, 1);
  g_assert_cmpint (e->status, ==, ICAL_STATUS_CANCELLED);
  e = &g_array_index (events, ReadEvent, 1);
  g_assert_cmpstr (e->uid, ==, ws_session_get_uid (two));
  g_assert_cmpint (e->sequence, ==, 1);
  g_assert_cmpint (e->start, ==, g_date_time_to_unix (moved));
  free_events (events);

  /* Pseudonyms only: no identity, no support person, no PIN by default. */
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? first : second;

      g_assert_nonnull (strstr (text, "Amber"));
      g_assert_null (strstr (text, LEGAL_NAME));
      g_assert_null (strstr (text, "Etxeberria"));
      g_assert_null (strstr (text, BIRTH_DATE));
      g_assert_null (strstr (text, PHONE));
      g_assert_null (strstr (text, "Larkspur"));
      g_assert_null (strstr (text, "Tomasz"));
      g_assert_null (strstr (text, "839201"));
    }
  g_assert_nonnull (strstr (first, "video.example"));

  /* The PIN only when asked for, and only for a role that may read it. */
  with_pin = ws_schedule_export_ical (db, WS_CALENDAR_FOR_SITE, "Witness suite", WS_CALENDAR_INCLUDE_PIN, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (with_pin, "839201"));
  ws_database_set_actor (db, "Pia Prosecutor", WS_ROLE_PROSECUTOR);
  by_site = ws_schedule_export_ical (db, WS_CALENDAR_FOR_SITE, "Witness suite", WS_CALENDAR_INCLUDE_PIN, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (by_site, "839201"));
  g_assert_null (strstr (by_site, "video.example"));
  ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_OFFICER);

  /* Unknown names fail cleanly; files are written private. */
  g_assert_null (ws_schedule_export_ical (db, WS_CALENDAR_FOR_SITE, "Moon base", WS_CALENDAR_NONE, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ical_path = g_build_filename (f->base.dir, "hana.ics", NULL);
  file = g_file_new_for_path (ical_path);
  g_assert_true (ws_schedule_export_ical_file (db, WS_CALENDAR_FOR_INTERPRETER, "Hana", WS_CALENDAR_NONE, file,
                                               &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ws_test_file_mode (ical_path), ==, 0600);
  g_assert_cmpint (ws_database_count_audit (db, "export-schedule"), ==, 5);
}

static void
test_own_schedule (Fixture       *f,
                   gconstpointer  data)
{
  WsDatabase *db = f->base.db;
  g_autoptr(WsSession) one = draft (f, f->h2, f->amber, f->room2, f->suite, "2026-03-10T10:00:00Z",
                                    "2026-03-10T11:00:00Z");
  g_autoptr(WsSession) two = draft (f, f->h2, f->birch, f->room2, f->abroad, "2026-03-10T13:00:00Z",
                                    "2026-03-10T14:00:00Z");
  g_autoptr(GDateTime) from = at ("2026-03-01T00:00:00Z");
  g_autoptr(GDateTime) to = at ("2026-04-01T00:00:00Z");
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) theirs = NULL;
  g_autoptr(GPtrArray) interpreters = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  WsAssignment *a;

  ws_session_add_interpreter (one, f->hana, "Arabic");
  ws_session_set_link_address (one, "https://video.example/room/4711");
  ws_session_add_interpreter (two, f->omar, "Arabic");
  g_assert_true (ws_database_save_session (db, one, NULL, &error));
  g_assert_true (ws_database_save_session (db, two, NULL, &error));
  g_assert_no_error (error);

  ws_database_set_actor (db, "Hana", WS_ROLE_INTERPRETER);
  mine = ws_database_list_assignments (db, 0, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 1);
  a = g_ptr_array_index (mine, 0);
  g_assert_cmpstr (ws_assignment_get_pseudonym (a), ==, "Amber");
  g_assert_cmpstr (ws_assignment_get_language (a), ==, "Arabic");
  g_assert_cmpstr (ws_assignment_get_place (a), ==, "Witness suite");
  g_assert_cmpstr (ws_assignment_get_link (a), ==, "https://video.example/room/4711");
  g_assert_cmpint (ws_assignment_get_interpreter_gender (a), ==, WS_INTERPRETER_GENDER_FEMALE);
  /* In Hana's zone: London is on GMT on 10 March. */
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (ws_assignment_get_starts_at (a))), ==,
                   "Europe/London");

  theirs = ws_database_list_assignments (db, f->omar, from, to, &error);
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_assert_null (theirs);
  g_clear_error (&error);
  g_assert_null (ws_database_get_session (db, ws_session_get_id (one), &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  interpreters = ws_database_list_interpreters (db, &error);
  g_assert_cmpuint (interpreters->len, ==, 1);

  /* Her calendar: her session only, nothing else about the witness. */
  g_assert_null (ws_schedule_export_ical (db, WS_CALENDAR_FOR_INTERPRETER, "Omar", WS_CALENDAR_NONE, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  ics = ws_schedule_export_ical (db, WS_CALENDAR_FOR_INTERPRETER, "Hana", WS_CALENDAR_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (ics, ws_session_get_uid (one)));
  g_assert_null (strstr (ics, ws_session_get_uid (two)));
  g_assert_null (strstr (ics, "Birch"));
  g_assert_null (strstr (ics, "S-2"));
  g_assert_null (strstr (ics, LEGAL_NAME));

  /* An officer reads anyone's. */
  ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_OFFICER);
  g_clear_pointer (&theirs, g_ptr_array_unref);
  theirs = ws_database_list_assignments (db, f->omar, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (theirs->len, ==, 1);
}

static void
test_views_and_sheet (Fixture       *f,
                      gconstpointer  data)
{
  WsDatabase *db = f->base.db;
  gint64 bangkok = add_site (db, "Bangkok shelter", WS_SITE_KIND_SITE_ABROAD, "Asia/Bangkok", 0x7f);
  g_autoptr(WsSession) one = draft (f, f->h2, f->amber, f->room2, bangkok, "2026-03-10T09:00:00Z",
                                    "2026-03-10T10:00:00Z");
  g_autoptr(WsSession) two = draft (f, f->h2, f->birch, f->room2, f->abroad, "2026-03-10T13:00:00Z",
                                    "2026-03-10T14:00:00Z");
  g_autoptr(GDateTime) from = at ("2026-03-10T00:00:00Z");
  g_autoptr(GDateTime) to = at ("2026-03-11T00:00:00Z");
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(WsDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate day;

  ws_session_add_interpreter (one, f->hana, "Arabic");
  ws_session_set_link_pin (one, "839201");
  ws_session_set_support_person (one, SUPPORT_PERSON);
  g_assert_true (ws_database_save_session (db, one, NULL, &error));
  g_assert_true (ws_database_save_session (db, two, NULL, &error));
  g_assert_no_error (error);

  rooms = ws_database_list_schedule (db, from, to, WS_SCHEDULE_BY_ROOM, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rooms->len, ==, 5);
  /* Court rooms first. */
  g_assert_cmpstr (ws_schedule_row_get_title (g_ptr_array_index (rooms, 0)), ==, "Court room 1");
  g_assert_cmpuint (ws_schedule_row_get_sessions (g_ptr_array_index (rooms, 0))->len, ==, 0);
  g_assert_cmpstr (ws_schedule_row_get_title (g_ptr_array_index (rooms, 1)), ==, "Court room 2");
  g_assert_cmpuint (ws_schedule_row_get_sessions (g_ptr_array_index (rooms, 1))->len, ==, 2);
  g_assert_cmpstr (ws_schedule_row_get_title (g_ptr_array_index (rooms, 2)), ==, "Bangkok shelter");
  g_assert_cmpstr (ws_schedule_row_get_zone (g_ptr_array_index (rooms, 2)), ==, "Asia/Bangkok");
  g_assert_cmpuint (ws_schedule_row_get_sessions (g_ptr_array_index (rooms, 2))->len, ==, 1);

  people = ws_database_list_schedule (db, from, to, WS_SCHEDULE_BY_INTERPRETER, &error);
  g_assert_cmpuint (people->len, ==, 3);
  g_assert_cmpstr (ws_schedule_row_get_title (g_ptr_array_index (people, 0)), ==, "Hana");
  g_assert_cmpuint (ws_schedule_row_get_sessions (g_ptr_array_index (people, 0))->len, ==, 1);
  g_assert_cmpuint (ws_schedule_row_get_sessions (g_ptr_array_index (people, 1))->len, ==, 0);

  g_assert_true (ws_time_parse_date ("2026-03-10", &day));
  doc = ws_schedule_sheet_build (db, &day, "Europe/London", &error);
  g_assert_no_error (error);
  text = ws_document_to_text (doc);
  g_assert_nonnull (strstr (text, "10 March 2026"));
  g_assert_nonnull (strstr (text, "09:00–10:00"));
  g_assert_nonnull (strstr (text, "16:00–17:00 Bangkok time"));
  g_assert_nonnull (strstr (text, "Amber"));
  g_assert_nonnull (strstr (text, "Hana (Arabic)"));
  g_assert_nonnull (strstr (text, "Partner office"));
  g_assert_nonnull (ws_document_get_printed_on (doc));
  g_assert_nonnull (ws_document_get_period_from (doc));
  g_assert_null (strstr (text, LEGAL_NAME));
  g_assert_null (strstr (text, "839201"));
  g_assert_null (strstr (text, "Tomasz"));
}

static GPtrArray *
findings_of (Fixture    *f,
             const char *rule)
{
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *some = g_ptr_array_new_with_free_func (g_object_unref);

  all = ws_rules_evaluate (f->base.db, now, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (ws_finding_get_rule (g_ptr_array_index (all, i)), rule) == 0)
      g_ptr_array_add (some, g_object_ref (g_ptr_array_index (all, i)));
  return some;
}

/* What the checks refuse can still reach the database (an import, an
 * older version, a changed directory): the rules find it. */
static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  WsDatabase *db = f->base.db;
  g_autoptr(WsSession) one = book (f, f->h2, f->birch, f->room2, f->suite, "2026-03-10T10:00:00Z",
                                   "2026-03-10T11:00:00Z");
  g_autoptr(WsSession) past = book (f, f->h2, f->birch, f->room2, f->suite, "2026-03-02T09:00:00Z",
                                    "2026-03-02T09:30:00Z");
  g_autoptr(WsSession) amber = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  WsFinding *finding;

  found = findings_of (f, "session-double-booked");
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Another session written straight into the database over the first
   * one, in the same suite, with Omar, for Amber in the screened case's
   * room, early in the morning. */
  ws_test_exec (db, "INSERT INTO session (uid, hearing_id, person_id, court_site_id, remote_site_id, starts_at, ends_at)"
                    " VALUES ('raw@test', %lld, %lld, %lld, %lld, '2026-03-09T10:30:00Z', '2026-03-09T11:30:00Z')",
                (long long) f->h1, (long long) f->amber, (long long) f->room2, (long long) f->room1);
  ws_test_exec (db, "UPDATE session SET starts_at = '2026-03-09T10:00:00Z', ends_at = '2026-03-09T11:00:00Z'"
                    " WHERE id = %lld", (long long) ws_session_get_id (one));
  ws_test_exec (db, "UPDATE session SET remote_site_id = %lld WHERE id = %lld", (long long) f->room1,
                (long long) ws_session_get_id (one));
  found = findings_of (f, "session-double-booked");
  g_assert_cmpuint (found->len, ==, 1);
  finding = g_ptr_array_index (found, 0);
  g_assert_cmpint (ws_finding_get_severity (finding), ==, WS_FINDING_SEVERITY_URGENT);
  g_assert_cmpint (ws_finding_get_subject_id (finding), ==, ws_session_get_id (one));
  g_assert_nonnull (strstr (ws_finding_get_message (finding), "Court room"));
  g_assert_nonnull (strstr (ws_finding_get_message (finding), "Amber"));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Amber in room 1 while S-1's hearing sits there. */
  found = findings_of (f, "session-screened-accused");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (ws_finding_get_pseudonym (g_ptr_array_index (found, 0)), ==, "Amber");
  g_assert_nonnull (strstr (ws_finding_get_message (g_ptr_array_index (found, 0)), "S-1"));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Outside the remote site's hours on its own clock: 07:00 in room 1 (UTC) is before it opens. */
  ws_test_exec (db, "UPDATE session SET starts_at = '2026-03-11T07:00:00Z', ends_at = '2026-03-11T08:00:00Z'"
                    " WHERE id = %lld", (long long) ws_session_get_id (one));
  found = findings_of (f, "session-outside-hours");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_nonnull (strstr (ws_finding_get_message (g_ptr_array_index (found, 0)), "07:00–08:00"));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Amber needs an interpreter (her plan says so) and asked for a woman. */
  ws_test_exec (db, "INSERT OR IGNORE INTO need (code, category, title) VALUES ('language.interpreter', 'Language', 'Interpreter')");
  ws_test_exec (db, "INSERT INTO support_item (person_id, need_code, phase) VALUES (%lld, 'language.interpreter', 'trial')",
                (long long) f->amber);
  amber = book (f, f->h2, f->amber, f->room2, f->suite, "2026-03-12T10:00:00Z", "2026-03-12T11:00:00Z");
  found = findings_of (f, "session-interpreter");
  g_assert_cmpuint (found->len, ==, 2);  /* the raw one and this one */
  g_clear_pointer (&found, g_ptr_array_unref);
  ws_session_add_interpreter (amber, f->omar, "Arabic");
  g_assert_true (ws_database_save_session (db, amber, NULL, &error));
  g_assert_no_error (error);
  found = findings_of (f, "session-interpreter");
  g_assert_cmpuint (found->len, ==, 2);
  finding = g_ptr_array_index (found, 0);
  g_assert_nonnull (strstr (ws_finding_get_message (g_ptr_array_index (found, 0)), "none is booked"));
  g_assert_nonnull (strstr (ws_finding_get_message (g_ptr_array_index (found, 1)), "Omar"));
  g_assert_cmpint (ws_finding_get_severity (g_ptr_array_index (found, 1)), ==, WS_FINDING_SEVERITY_WARNING);
}

/* The demonstration unit books cleanly except for the one conflict it
 * means to show, which the alternatives resolve. */
static void
test_demo (void)
{
  g_autofree char *dir = NULL;
  WsDatabase *db = ws_test_open_tmp_db ("ws-test-schedule-XXXXXX", &dir);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  WsSession *shown = NULL;
  guint n_gender = 0;

  g_assert_true (ws_demo_fill (db, WS_DEMO_WITNESSES, WS_DEMO_SEED, &error));
  g_assert_no_error (error);
  now = ws_time_now ();
  until = g_date_time_add_days (now, 365);
  sessions = ws_database_list_sessions (db, now, until, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, >, 5);
  for (guint i = 0; i < sessions->len; i++)
    {
      WsSession *s = g_ptr_array_index (sessions, i);
      g_autoptr(GPtrArray) conflicts = NULL;

      if (ws_session_get_status (s) == WS_SESSION_STATUS_CANCELLED)
        continue;
      conflicts = ws_database_check_session (db, s, NULL, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < conflicts->len; k++)
        {
          WsConflict *c = g_ptr_array_index (conflicts, k);

          g_test_message ("%s: %s", ws_session_get_pseudonym (s), ws_conflict_get_message (c));
          g_assert_cmpint (ws_conflict_get_severity (c), ==, WS_CONFLICT_WARN);
          if (ws_conflict_get_kind (c) == WS_CONFLICT_INTERPRETER_GENDER)
            {
              n_gender++;
              if (shown == NULL)
                shown = s;
            }
        }
    }
  g_assert_cmpuint (n_gender, >=, 1);

  findings = ws_rules_evaluate (db, now, NULL, &error);
  g_assert_no_error (error);
  {
    gboolean listed = FALSE;

    for (guint i = 0; i < findings->len; i++)
      listed |= g_strcmp0 (ws_finding_get_rule (g_ptr_array_index (findings, i)), "session-interpreter") == 0 &&
                ws_finding_get_subject_id (g_ptr_array_index (findings, i)) == ws_session_get_id (shown);
    g_assert_true (listed);
  }

  /* Resolving it: the alternatives offer first an interpreter of the
   * gender asked for, who interprets the language. */
  {
    g_autoptr(WsAlternatives) alt = ws_database_find_alternatives (db, shown, NULL, &error);
    g_autoptr(WsSession) fixed = ws_session_copy (shown);
    g_autoptr(GPtrArray) conflicts = NULL;
    g_autofree char *language = g_strdup (ws_session_get_interpreter_language (shown, 0));
    WsInterpreter *other;

    g_assert_no_error (error);
    g_assert_cmpuint (ws_alternatives_get_interpreters (alt)->len, >=, 1);
    other = g_ptr_array_index (ws_alternatives_get_interpreters (alt), 0);
    g_assert_cmpint (ws_interpreter_get_gender (other), !=, WS_GENDER_UNSPECIFIED);
    ws_session_clear_interpreters (fixed);
    ws_session_add_interpreter (fixed, ws_interpreter_get_id (other), language);
    conflicts = ws_database_check_session (db, fixed, NULL, &error);
    g_assert_false (has_kind (conflicts, WS_CONFLICT_INTERPRETER_GENDER));
    g_assert_false (ws_conflicts_have_refusal (conflicts));
    g_assert_true (ws_database_save_session (db, fixed, NULL, &error));
    g_assert_no_error (error);
  }
  ws_test_close_tmp_db (db, g_steal_pointer (&dir));
}

/* What the schedule writes travels through the exchange format whole:
 * export, import elsewhere, export again gives the same text, and the
 * imported unit still knows the session's UID, SEQUENCE and history. */
static void
test_exchange (Fixture       *f,
               gconstpointer  data)
{
  WsDatabase *db = f->base.db;
  g_autoptr(WsSession) s = draft (f, f->h2, f->amber, f->room2, f->abroad, "2026-03-10T10:00:00Z",
                                  "2026-03-10T11:00:00Z");
  g_autoptr(GDateTime) a = at ("2026-03-20T00:00:00Z");
  g_autoptr(GDateTime) b = at ("2026-03-21T00:00:00Z");
  g_autofree char *other_path = g_build_filename (f->base.dir, "other.db", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(WsDatabase) other = NULL;
  g_autoptr(WsSession) copy = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  ws_session_add_interpreter (s, f->hana, "Arabic (Levantine)");
  ws_session_set_link_pin (s, "839201");
  g_assert_true (ws_database_save_session (db, s, NULL, &error));
  g_assert_true (ws_database_confirm_session (db, ws_session_get_id (s), &error));
  g_assert_cmpint (ws_database_add_site_closure (db, f->abroad, a, b, "Move to new rooms", &error), >, 0);
  g_assert_cmpint (ws_database_add_unavailability (db, f->omar, a, b, "Leave", &error), >, 0);
  g_assert_cmpint (ws_database_add_exclusion (db, f->sofia, f->case_id, 0, "Conflict of interest", &error), >, 0);
  g_assert_no_error (error);

  first = ws_exchange_export_to_data (db, NULL, &error);
  g_assert_no_error (error);
  other = ws_test_open_db (other_path);
  ws_database_set_actor (other, WS_TEST_OFFICER, WS_ROLE_OFFICER);
  g_assert_true (ws_exchange_import_data (other, first, -1, &error));
  g_assert_no_error (error);
  second = ws_exchange_export_to_data (other, NULL, &error);
  g_assert_cmpstr (first, ==, second);

  copy = ws_database_find_session (other, ws_session_get_uid (s), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ws_session_get_sequence (copy), ==, 1);
  g_assert_cmpint (ws_session_get_status (copy), ==, WS_SESSION_STATUS_CONFIRMED);
  g_assert_cmpstr (ws_session_get_interpreter_language (copy, 0), ==, "Arabic (Levantine)");
  g_assert_cmpstr (ws_session_get_remote_zone (copy), ==, "UTC");
  history = ws_database_list_session_history (other, ws_session_get_id (copy), &error);
  g_assert_cmpuint (history->len, ==, 2);
}

#define ADD(path, func) \
  g_test_add ("/ws/schedule/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("sites", test_sites);
  ADD ("interpreters", test_interpreters);
  ADD ("session-lifecycle", test_session_lifecycle);
  ADD ("validation", test_validation);
  ADD ("conflict/bookings", test_conflict_bookings);
  ADD ("conflict/buffers", test_conflict_buffers);
  ADD ("conflict/interpreters", test_conflict_interpreters);
  ADD ("conflict/sites", test_conflict_sites);
  ADD ("conflict/screened", test_conflict_screened);
  ADD ("alternatives", test_alternatives);
  ADD ("dst", test_dst);
  ADD ("ical", test_ical);
  ADD ("own-schedule", test_own_schedule);
  ADD ("views-and-sheet", test_views_and_sheet);
  ADD ("rules", test_rules);
  ADD ("exchange", test_exchange);
  g_test_add_func ("/ws/schedule/demo", test_demo);
  return g_test_run ();
}
