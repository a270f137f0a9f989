/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-hearings"

#include "config.h"

#include <string.h>

#include "ws-hearing.h"
#include "ws-store.h"
#include "ws-test-util.h"
#include "ws-text.h"
#include "ws-time.h"

static gint64
add_site (WsDatabase *db,
          const char *name,
          const char *kind)
{
  ws_test_exec (db, "INSERT INTO site (name, kind, zone) VALUES ('%s', '%s', 'Europe/Vienna')", name, kind);
  return ws_test_last_id (db, "site");
}

static WsHearing *
new_hearing (gint64      case_id,
             const char *starts,
             const char *ends)
{
  WsHearing *hearing = ws_hearing_new ();
  g_autoptr(GDateTime) from = ws_time_parse_instant (starts);
  g_autoptr(GDateTime) to = ws_time_parse_instant (ends);

  ws_hearing_set_case_id (hearing, case_id);
  ws_hearing_set_kind (hearing, WS_HEARING_KIND_PRELIMINARY);
  ws_hearing_set_starts_at (hearing, from);
  ws_hearing_set_ends_at (hearing, to);
  ws_hearing_set_zone (hearing, "Europe/Vienna");
  ws_hearing_set_notes (hearing, "  Room changed twice  ");
  return hearing;
}

static const char *
problem (WsDatabase *db,
         WsHearing  *hearing,
         GPtrArray  *problems,
         const char *field)
{
  g_ptr_array_set_size (problems, 0);
  ws_database_check_hearing (db, hearing, problems);
  return ws_problems_lookup (problems, field);
}

static void
test_check (WsTestFixture *fixture,
            gconstpointer  data)
{
  WsDatabase *db = fixture->db;
  g_autoptr(WsCase) court_case = ws_test_add_case (db, "H-1", "Regional Court Graz");
  g_autoptr(WsHearing) hearing = new_hearing (ws_case_get_id (court_case),
                                              "2024-06-10T07:00:00Z", "2024-06-10T11:00:00Z");
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GDateTime) late = ws_time_parse_instant ("2024-06-25T07:00:00Z");
  g_autoptr(GDateTime) early = ws_time_parse_instant ("2024-06-10T06:00:00Z");
  g_autoptr(GDateTime) end = ws_time_parse_instant ("2024-06-10T11:00:00Z");
  gint64 suite = add_site (db, "Suite A", "remote-suite");
  gint64 room = add_site (db, "Room 4", "court-room");

  ws_database_check_hearing (db, hearing, problems);
  g_assert_cmpuint (problems->len, ==, 0);

  ws_hearing_set_case_id (hearing, 0);
  g_assert_cmpstr (problem (db, hearing, problems, "case"), ==, "Choose the case the hearing belongs to");
  ws_hearing_set_case_id (hearing, 9999);
  g_assert_cmpstr (problem (db, hearing, problems, "case"), ==, "This case no longer exists; it may have been deleted");
  ws_hearing_set_case_id (hearing, ws_case_get_id (court_case));

  ws_hearing_set_ends_at (hearing, early);
  g_assert_cmpstr (problem (db, hearing, problems, "ends-at"), ==, "The hearing must end after it starts");
  ws_hearing_set_ends_at (hearing, late);
  g_assert_nonnull (strstr (problem (db, hearing, problems, "ends-at"), "at most 14 days"));
  ws_hearing_set_ends_at (hearing, NULL);
  g_assert_cmpstr (problem (db, hearing, problems, "ends-at"), ==, "Enter when the hearing ends");
  ws_hearing_set_starts_at (hearing, NULL);
  g_assert_cmpstr (problem (db, hearing, problems, "starts-at"), ==, "Enter when the hearing starts");
  ws_hearing_set_starts_at (hearing, early);
  ws_hearing_set_ends_at (hearing, end);

  ws_hearing_set_zone (hearing, "Europe/Atlantis");
  g_assert_cmpstr (problem (db, hearing, problems, "zone"), ==, "Enter a time zone such as Europe/Vienna");
  ws_hearing_set_zone (hearing, "");
  g_assert_nonnull (problem (db, hearing, problems, "zone"));
  ws_hearing_set_zone (hearing, "Europe/Vienna");

  ws_hearing_set_site_id (hearing, suite);
  g_assert_cmpstr (problem (db, hearing, problems, "court-room"), ==, "Choose a court room from the directory");
  ws_hearing_set_site_id (hearing, room);
  g_assert_null (problem (db, hearing, problems, "court-room"));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_save_update_delete (WsTestFixture *fixture,
                         gconstpointer  data)
{
  WsDatabase *db = fixture->db;
  g_autoptr(WsCase) court_case = ws_test_add_case (db, "H-2", "Regional Court Graz");
  g_autoptr(WsHearing) hearing = new_hearing (ws_case_get_id (court_case),
                                              "2024-06-10T07:00:00Z", "2024-06-10T11:00:00Z");
  g_autoptr(WsHearing) loaded = NULL;
  g_autoptr(WsHearing) bad = NULL;
  g_autoptr(GPtrArray) of_case = NULL;
  g_autoptr(GDateTime) later = ws_time_parse_instant ("2024-06-10T13:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *stored_end = NULL;
  gint64 room = add_site (db, "Room 9", "court-room");
  gint64 id;

  ws_hearing_set_site_id (hearing, room);
  g_assert_true (ws_database_save_hearing (db, hearing, &error));
  g_assert_no_error (error);
  id = ws_hearing_get_id (hearing);
  g_assert_cmpint (id, >, 0);

  loaded = ws_database_get_hearing (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_hearing_get_court_room (loaded), ==, "Room 9");
  g_assert_cmpint (ws_hearing_get_site_id (loaded), ==, room);
  g_assert_cmpint (ws_hearing_get_kind (loaded), ==, WS_HEARING_KIND_PRELIMINARY);
  g_assert_cmpstr (ws_hearing_get_notes (loaded), ==, "Room changed twice");
  g_assert_cmpstr (ws_hearing_get_zone (loaded), ==, "Europe/Vienna");
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM change_history WHERE subject = 'hearing'"
                                          " AND change = 'created'"), ==, 1);

  ws_hearing_set_ends_at (hearing, later);
  ws_hearing_set_site_id (hearing, 0);
  g_assert_true (ws_database_save_hearing (db, hearing, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_hearing_get_id (hearing), ==, id);
  stored_end = ws_test_query_text (db, "SELECT ends_at FROM hearing");
  g_assert_cmpstr (stored_end, ==, "2024-06-10T13:00:00Z");
  g_assert_cmpint (ws_test_query_int (db, "SELECT site_id IS NULL FROM hearing"), ==, 1);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM change_history WHERE subject = 'hearing'"
                                          " AND change = 'edited'"), ==, 1);
  of_case = ws_database_list_hearings_of_case (db, ws_case_get_id (court_case), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_case->len, ==, 1);

  /* Invalid: nothing is written. */
  bad = new_hearing (ws_case_get_id (court_case), "2024-06-11T07:00:00Z", "2024-06-11T06:00:00Z");
  g_assert_false (ws_database_save_hearing (db, bad, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The hearing must end after it starts");
  g_clear_error (&error);
  g_assert_cmpint (ws_hearing_get_id (bad), ==, 0);
  g_assert_cmpint (ws_test_count_rows (db, "hearing"), ==, 1);

  g_assert_true (ws_database_delete_hearing (db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_count_rows (db, "hearing"), ==, 0);
  g_assert_cmpint (ws_test_query_int (db, "SELECT count(*) FROM change_history WHERE subject = 'hearing'"
                                          " AND change = 'deleted'"), ==, 1);
  g_assert_false (ws_database_delete_hearing (db, id, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving a hearing deleted meanwhile says so. */
  g_assert_false (ws_database_save_hearing (db, hearing, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
}

static void
test_permission (WsTestFixture *fixture,
                 gconstpointer  data)
{
  WsDatabase *db = fixture->db;
  g_autoptr(WsCase) court_case = ws_test_add_case (db, "H-3", "Regional Court Graz");
  g_autoptr(WsHearing) hearing = new_hearing (ws_case_get_id (court_case),
                                              "2024-06-10T07:00:00Z", "2024-06-10T11:00:00Z");
  g_autoptr(WsHearing) other = new_hearing (ws_case_get_id (court_case),
                                            "2024-06-12T07:00:00Z", "2024-06-12T11:00:00Z");
  g_autoptr(GError) error = NULL;

  g_assert_true (ws_database_save_hearing (db, hearing, &error));
  g_assert_no_error (error);

  ws_database_set_actor (db, "Ivo Interpreter", WS_ROLE_INTERPRETER);
  g_assert_false (ws_database_save_hearing (db, other, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (ws_database_delete_hearing (db, ws_hearing_get_id (hearing), &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (ws_test_count_rows (db, "hearing"), ==, 1);
  g_assert_cmpint (ws_hearing_get_id (other), ==, 0);
}

static void
test_cascade_counts (WsTestFixture *fixture,
                     gconstpointer  data)
{
  WsDatabase *db = fixture->db;
  g_autoptr(WsCase) court_case = ws_test_add_case (db, "H-4", "Regional Court Graz");
  g_autoptr(WsPerson) person = ws_test_add_person (db, "Witness K", NULL);
  g_autoptr(WsHearing) hearing = new_hearing (ws_case_get_id (court_case),
                                              "2024-06-10T07:00:00Z", "2024-06-10T11:00:00Z");
  g_autoptr(GError) error = NULL;
  guint n_sessions = 99, n_measures = 99;
  gint64 id, case_id = ws_case_get_id (court_case);

  g_assert_true (ws_database_save_hearing (db, hearing, &error));
  g_assert_no_error (error);
  id = ws_hearing_get_id (hearing);

  g_assert_true (ws_database_count_hearing_dependents (db, id, &n_sessions, &n_measures, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sessions, ==, 0);
  g_assert_cmpuint (n_measures, ==, 0);

  ws_test_exec (db, "INSERT INTO session (uid, hearing_id, person_id, starts_at, ends_at)"
                    " VALUES ('s1@test', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2024-06-10T07:00:00Z', '2024-06-10T08:00:00Z')",
                id, ws_person_get_id (person));
  ws_test_exec (db, "INSERT INTO measure (case_id, person_id, hearing_id, type) VALUES"
                    " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'screen'),"
                    " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'video-link'),"
                    " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", NULL, 'screen')",
                case_id, ws_person_get_id (person), id,
                case_id, ws_person_get_id (person), id,
                case_id, ws_person_get_id (person));

  g_assert_true (ws_database_count_hearing_dependents (db, id, &n_sessions, &n_measures, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sessions, ==, 1);
  g_assert_cmpuint (n_measures, ==, 2);

  g_assert_true (ws_database_delete_hearing (db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ws_test_count_rows (db, "session"), ==, 0);
  /* The whole-proceedings measure stays. */
  g_assert_cmpint (ws_test_count_rows (db, "measure"), ==, 1);
}

#define ADD(name, func) \
  g_test_add ("/ws/hearings/" name, WsTestFixture, NULL, ws_test_fixture_set_up, func, ws_test_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("check", test_check);
  ADD ("save-update-delete", test_save_update_delete);
  ADD ("permission", test_permission);
  ADD ("cascade-counts", test_cascade_counts);

  return g_test_run ();
}
