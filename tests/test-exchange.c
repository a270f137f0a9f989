/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ws-case.h"
#include "ws-database.h"
#include "ws-exchange.h"
#include "ws-identity.h"
#include "ws-store.h"
#include "ws-test-util.h"

/* The fixture is written with single quotes for readability and turned
 * into JSON by quote(); none of its values contains an apostrophe. It
 * holds every kind of record, points forward (an interpreter excludes a
 * case further down, a compensation claim names a case) and has two
 * hearings and two consents on the same instant, which need keys. */
static const char fixture[] =
  "{ 'format': 'witness-support-exchange', 'version': 1,"
  "  'profiles': [ { 'name': 'Dana Officer', 'role': 'officer' },"
  "                { 'name': 'Ivo Interpreter', 'role': 'interpreter' } ],"
  "  'agencies': [ { 'name': 'Legal Aid Centre', 'kind': 'legal', 'contact': '+43 1 555 0100' },"
  "                { 'name': 'Safe House North', 'kind': 'shelter' } ],"
  "  'needs': [ { 'code': 'legal-counsel', 'category': 'legal', 'title': 'Independent legal counsel', 'builtin': true },"
  "             { 'code': 'court-visit', 'category': 'justice', 'title': 'Court familiarisation visit' } ],"
  "  'sites': ["
  "    { 'name': 'Court Room 3', 'kind': 'court-room', 'zone': 'Europe/Vienna', 'opens_at': '08:30',"
  "      'closes_at': '16:00', 'working_days': [ 'monday', 'tuesday', 'wednesday', 'thursday', 'friday' ],"
  "      'closures': [ { 'starts_at': '2024-12-24T00:00:00Z', 'ends_at': '2024-12-27T00:00:00Z', 'reason': 'Holidays' } ] },"
  "    { 'name': 'Lagos Suite', 'kind': 'site-abroad', 'zone': 'Africa/Lagos',"
  "      'working_days': [ 'saturday', 'monday' ], 'technical_contact': 'it@example.org' } ],"
  "  'interpreters': ["
  "    { 'name': 'Ivo Petrov', 'gender': 'male', 'zone': 'Europe/Sofia', 'contact': 'ivo@example.org',"
  "      'profile': 'Ivo Interpreter',"
  "      'languages': [ { 'language': 'Bulgarian', 'accreditation': 'court' },"
  "                     { 'language': 'Romani', 'dialect': 'Vlax', 'modality': 'spoken' } ],"
  "      'unavailability': [ { 'starts_at': '2024-08-01T00:00:00Z', 'ends_at': '2024-08-15T00:00:00Z', 'reason': 'Leave' } ],"
  "      'exclusions': [ { 'case': 'CR-2024-017', 'reason': 'Knows the accused' }, { 'person': 'Witness Birch' } ] },"
  "    { 'name': 'Amaka Eze', 'gender': 'female', 'zone': 'Africa/Lagos',"
  "      'languages': [ { 'language': 'Igbo' }, { 'language': 'English', 'dialect': 'Nigerian' } ] } ],"
  "  'persons': ["
  "    { 'pseudonym': 'Witness Birch', 'gender': 'female', 'gender_in_summary': true, 'interpreter_gender': 'female',"
  "      'vulnerability': [ 'trauma', 'intimidated' ], 'age_status': 'presumed-child', 'risk_level': 'high',"
  "      'phase': 'trial', 'first_contact_on': '2024-01-10', 'zone': 'Europe/Vienna', 'notes': 'Prefers mornings',"
  "      'identity': { 'legal_name': 'Ngozi Okafor', 'date_of_birth': '2007-05-01', 'nationality': 'Nigerian',"
  "                    'aliases': [ 'Nnenna' ], 'phones': [ '+43 660 1234567' ], 'emails': [ 'n.o@example.org' ] },"
  "      'languages': [ { 'language': 'Igbo' }, { 'language': 'English', 'dialect': 'Nigerian' } ],"
  "      'phase_changes': [ { 'phase': 'initial', 'began_at': '2024-01-10T09:00:00Z', 'moved_by': 'Dana Officer' },"
  "                         { 'phase': 'trial', 'began_at': '2024-06-01T08:00:00Z', 'moved_by': 'Dana Officer', 'note': 'Set' } ],"
  "      'support_items': [ { 'need': 'legal-counsel', 'phase': 'initial', 'offered_on': '2024-01-11', 'consent': 'accepted',"
  "                           'agency': 'Legal Aid Centre', 'owner': 'Dana Officer', 'due_on': '2024-02-01', 'status': 'done' },"
  "                         { 'need': 'court-visit', 'phase': 'trial', 'notes': 'Before the first hearing' } ],"
  "      'checklist': [ { 'track': 'trial', 'code': 'visit', 'title': 'Court visit', 'state': 'done',"
  "                       'done_on': '2024-05-20', 'done_by': 'Dana Officer' },"
  "                     { 'track': 'trial', 'code': 'screen', 'title': 'Screen', 'state': 'not-applicable',"
  "                       'reason': 'Video link instead' } ],"
  "      'consents': [ { 'key': 'legal', 'recipient': 'Legal Aid Centre', 'purpose': 'Legal counsel',"
  "                      'given_on': '2024-01-11', 'expires_on': '2025-01-11' },"
  "                    { 'key': 'shelter', 'recipient': 'Safe House North', 'purpose': 'Accommodation',"
  "                      'given_on': '2024-01-11', 'withdrawn_on': '2024-03-01', 'notes': 'Moved' } ],"
  "      'referrals': [ { 'agency': 'Safe House North', 'purpose': 'Shelter', 'referred_on': '2024-01-12', 'consent': 'shelter' },"
  "                     { 'agency': 'Legal Aid Centre', 'purpose': 'Urgent', 'referred_on': '2024-01-10',"
  "                       'override': 'Immediate danger' } ],"
  "      'risk_assessments': [ { 'assessed_on': '2024-01-10', 'level': 'high', 'threats': 'Messages',"
  "                              'assessed_by': 'Dana Officer', 'next_review': '2024-02-10' } ],"
  "      'reflection_periods': [ { 'starts_on': '2024-01-10', 'days': 90, 'visa_status': 'granted' } ],"
  "      'information_given': [ { 'given_on': '2024-01-10', 'topic': 'Rights', 'language': 'English',"
  "                               'mode': 'oral-and-written' } ],"
  "      'benefits': [ { 'given_on': '2024-02-01', 'kind': 'Travel', 'amount_minor': 4550, 'currency': 'EUR',"
  "                      'reason': 'Court visit' },"
  "                    { 'given_on': '2024-02-02', 'kind': 'Meal', 'amount_minor': 0, 'disclosable': false } ],"
  "      'compensation_claims': [ { 'case': 'CR-2024-017', 'head': 'unpaid wages', 'route': 'criminal order',"
  "                                 'claimed_minor': 1200000, 'awarded_minor': 800000, 'status': 'awarded' },"
  "                               { 'head': 'medical costs', 'route': 'state scheme' } ] },"
  "    { 'pseudonym': 'Witness Cedar', 'gender': 'male', 'languages': [ { 'language': 'Romani', 'dialect': 'Vlax' } ] } ],"
  "  'cases': ["
  "    { 'reference': 'CR-2024-017', 'court': 'Regional Court Vienna', 'prosecutor': 'M. Huber', 'stage': 'trial',"
  "      'opened_on': '2024-02-01', 'notes': 'Two accused',"
  "      'offences': [ 'Trafficking in human beings', 'Forgery' ], 'exploitation': [ 'sexual', 'labour' ],"
  "      'accused': [ 'Accused 1', 'Accused 2' ],"
  "      'parties': [ { 'person': 'Witness Birch', 'label': 'Witness A', 'impact_statement': 'offered' },"
  "                   { 'person': 'Witness Cedar', 'role': 'witness', 'label': 'Witness B', 'outcome_told_on': '2024-09-02' } ],"
  "      'verdict': { 'given_on': '2024-09-01', 'outcome': 'Convicted', 'sentence': 'Prison', 'sentence_months': 60,"
  "                   'release_on': '2029-09-01', 'appeal_by': '2024-09-15' },"
  "      'hearings': [ { 'key': 'first', 'site': 'Court Room 3', 'starts_at': '2024-06-03T07:30:00Z',"
  "                      'ends_at': '2024-06-03T11:00:00Z', 'zone': 'Europe/Vienna' },"
  "                    { 'key': 'second', 'kind': 'sentencing', 'starts_at': '2024-06-03T07:30:00Z',"
  "                      'ends_at': '2024-06-03T09:00:00Z', 'zone': 'Europe/Vienna', 'notes': 'Same start' } ],"
  "      'measures': [ { 'person': 'Witness Birch', 'hearing': 'first', 'type': 'video-link', 'status': 'arranged',"
  "                      'requested_by': 'Dana Officer', 'applied_on': '2024-05-01', 'decided_by': 'Judge K.',"
  "                      'decided_on': '2024-05-10', 'legal_basis': 'Section 250', 'booking_reference': 'VL-1',"
  "                      'history': [ { 'changed_at': '2024-05-01T10:00:00Z', 'status': 'applied-for', 'changed_by': 'Dana Officer' },"
  "                                   { 'changed_at': '2024-05-10T10:00:00Z', 'status': 'granted', 'changed_by': 'Dana Officer',"
  "                                     'note': 'By order' } ] },"
  "                    { 'type': 'closed-hearing', 'status': 'refused', 'refusal_reason': 'Public interest',"
  "                      'defence_position': 'Opposed' } ],"
  "      'screenings': [ { 'person': 'Witness Birch', 'accused': 'Accused 1' }, { 'person': 'Witness Cedar' } ] } ],"
  "  'sessions': ["
  "    { 'uid': 'session-1@witness-support', 'sequence': 2, 'case': 'CR-2024-017', 'hearing': 'first',"
  "      'person': 'Witness Birch', 'court_site': 'Court Room 3', 'remote_site': 'Lagos Suite',"
  "      'starts_at': '2024-06-03T08:00:00Z', 'ends_at': '2024-06-03T09:00:00Z', 'test_call_at': '2024-06-02T08:00:00Z',"
  "      'platform_ref': 'ROOM-77', 'link_address': 'https://video.example.org/77', 'link_pin': '4711',"
  "      'technical_contact': 'it@example.org', 'support_person': 'Dana Officer', 'status': 'confirmed',"
  "      'interpreters': [ { 'interpreter': 'Amaka Eze', 'language': 'Igbo' } ],"
  "      'history': [ { 'changed_at': '2024-05-20T10:00:00Z', 'changed_by': 'Dana Officer', 'change': 'booked' } ] },"
  "    { 'uid': 'session-2@witness-support', 'case': 'cr-2024-017', 'hearing': 'second', 'person': 'witness cedar',"
  "      'starts_at': '2024-06-03T07:45:00Z', 'ends_at': '2024-06-03T08:30:00Z', 'status': 'cancelled',"
  "      'cancel_reason': 'Witness ill' } ] }";

typedef WsTestPathFixture Fixture;

static char *
quote (const char *text)
{
  return g_strdelimit (g_strdup (text), "'", '"');
}

static WsDatabase *
open_db (const char *path)
{
  WsDatabase *db = ws_test_open_db (path);

  ws_database_set_actor (db, WS_TEST_OFFICER, WS_ROLE_OFFICER);
  return db;
}

/* Closing the last connection folds the WAL into the main file, so the
 * main file alone then holds the whole database. */
static void
close_db (WsDatabase *db)
{
  g_autofree char *wal = g_strconcat (ws_database_get_path (db), "-wal", NULL);

  g_assert_finalize_object (db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static char *
export (WsDatabase *db)
{
  g_autoptr(GError) error = NULL;
  char *text = ws_exchange_export_to_data (db, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static void
import (WsDatabase *db,
        const char *text)
{
  g_autoptr(GError) error = NULL;

  ws_exchange_import_data (db, text, -1, &error);
  g_assert_no_error (error);
}

static void
add_through_store (WsDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsPerson) person = ws_person_new ();
  g_autoptr(WsIdentity) identity = ws_identity_new ();
  g_autoptr(WsCase) court_case = ws_case_new ();
  const char * const languages[] = { "Arabic (Levantine)", "French", NULL };
  const char * const addresses[] = { "Shelter street 1", NULL };
  const char * const accused[] = { "Accused X", NULL };
  const char * const forms[] = { "domestic-servitude", NULL };

  ws_person_set_pseudonym (person, "Witness Amber");
  ws_person_set_vulnerability (person, WS_VULNERABILITY_DISABILITY | WS_VULNERABILITY_DEPENDANTS);
  ws_person_set_languages (person, languages);
  ws_person_set_zone (person, "Europe/Vienna");
  ws_identity_set_text (identity, WS_IDENTITY_LEGAL_NAME, "Amira Haddad");
  ws_identity_set_list (identity, WS_IDENTITY_ADDRESSES, addresses);
  ws_database_save_person (db, person, identity, &error);
  g_assert_no_error (error);

  ws_case_set_reference (court_case, "CR-2023-001");
  ws_case_set_court (court_case, "District Court Graz");
  ws_case_set_accused (court_case, accused);
  ws_case_set_exploitation (court_case, forms);
  ws_database_save_case (db, court_case, &error);
  g_assert_no_error (error);

  ws_database_link_party (db, ws_case_get_id (court_case), ws_person_get_id (person),
                          WS_PARTY_ROLE_VICTIM, "Witness A", &error);
  g_assert_no_error (error);
}

static WsDatabase *
open_full_db (const char *path)
{
  WsDatabase *db = open_db (path);
  g_autofree char *json = quote (fixture);

  add_through_store (db);
  import (db, json);
  return db;
}

/* The one node at @path in @root. Matches share their values with @root,
 * so what is read from them lives as long as @root. */
static JsonNode *
one_at (JsonNode   *root,
        const char *path)
{
  g_autoptr(JsonNode) found = json_path_query (path, root, NULL);
  JsonArray *matches = json_node_get_array (found);

  if (json_array_get_length (matches) != 1)
    g_error ("%s matches %u nodes, not one", path, json_array_get_length (matches));
  return json_array_dup_element (matches, 0);
}

static const char *
string_at (JsonNode   *root,
           const char *path)
{
  g_autoptr(JsonNode) node = one_at (root, path);

  return json_node_get_string (node);
}

static guint
count_at (JsonNode   *root,
          const char *path)
{
  g_autoptr(JsonNode) found = json_path_query (path, root, NULL);

  return json_array_get_length (json_node_get_array (found));
}

/* ------------------------------------------------------------------ */

static void
test_export_shape (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WsDatabase) db = open_full_db (f->path);
  g_autofree char *text = export (db);
  g_autoptr(JsonNode) root = ws_test_parse_json (text);
  g_autoptr(JsonNode) amount = one_at (root, "$.persons[1].benefits[0].amount_minor");
  g_autoptr(JsonNode) disclosable = one_at (root, "$.persons[1].benefits[1].disclosable");
  g_autoptr(WsPerson) birch = NULL;
  g_autoptr(WsIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (string_at (root, "$.format"), ==, "witness-support-exchange");
  g_assert_cmpuint (count_at (root, "$.persons[*]"), ==, 3);
  g_assert_cmpuint (count_at (root, "$.cases[*]"), ==, 2);
  g_assert_cmpuint (count_at (root, "$.sessions[*]"), ==, 2);
  /* Sorted by pseudonym, with identity nested and languages split. */
  g_assert_cmpstr (string_at (root, "$.persons[0].pseudonym"), ==, "Witness Amber");
  g_assert_cmpstr (string_at (root, "$.persons[0].identity.legal_name"), ==, "Amira Haddad");
  g_assert_cmpstr (string_at (root, "$.persons[0].languages[0].dialect"), ==, "Levantine");
  g_assert_cmpstr (string_at (root, "$.persons[0].vulnerability[1]"), ==, "dependants");
  g_assert_cmpstr (string_at (root, "$.persons[1].identity.date_of_birth"), ==, "2007-05-01");
  /* Keys of same-day consents and same-start hearings stay distinct. */
  g_assert_cmpstr (string_at (root, "$.persons[1].consents[1].key"), ==, "2024-01-11 #2");
  g_assert_cmpstr (string_at (root, "$.persons[1].referrals[1].consent"), ==, "2024-01-11 #2");
  g_assert_cmpstr (string_at (root, "$.cases[1].hearings[1].key"), ==, "2024-06-03T07:30:00Z #2");
  g_assert_cmpstr (string_at (root, "$.sessions[0].hearing"), ==, "2024-06-03T07:30:00Z #2");
  g_assert_cmpstr (string_at (root, "$.sessions[0].person"), ==, "Witness Cedar");
  g_assert_cmpstr (string_at (root, "$.persons[1].compensation_claims[0].case"), ==, "CR-2024-017");
  g_assert_cmpstr (string_at (root, "$.interpreters[1].exclusions[0].case"), ==, "CR-2024-017");
  g_assert_cmpstr (string_at (root, "$.sites[1].working_days[0]"), ==, "monday");
  g_assert_cmpstr (string_at (root, "$.cases[0].accused[0]"), ==, "Accused X");
  g_assert_cmpstr (string_at (root, "$.cases[1].verdict.outcome"), ==, "Convicted");
  g_assert_cmpstr (string_at (root, "$.cases[1].measures[0].history[1].status"), ==, "granted");
  /* Money in minor units; optional values left out. */
  g_assert_cmpint (json_node_get_int (amount), ==, 4550);
  g_assert_false (json_node_get_boolean (disclosable));
  g_assert_cmpuint (count_at (root, "$.persons[1].compensation_claims[1].case"), ==, 0);
  g_assert_cmpuint (count_at (root, "$.persons[2].identity"), ==, 0);
  g_assert_null (strstr (text, "created_at"));

  /* The records are really in the database, not only in the file. */
  birch = ws_database_find_person (db, "witness birch", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ws_person_get_risk_level (birch), ==, WS_RISK_LEVEL_HIGH);
  identity = ws_database_read_identity (db, birch, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_identity_get_text (identity, WS_IDENTITY_LEGAL_NAME), ==, "Ngozi Okafor");
  g_assert_cmpstr (ws_person_get_case_references (birch)[0], ==, "CR-2024-017");
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(WsDatabase) a = open_full_db (f->path);
  g_autoptr(WsDatabase) b = open_db (other);
  g_autofree char *first = export (a);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  import (b, first);
  second = export (b);
  g_assert_cmpstr (first, ==, second);

  /* Exporting does not change what the next export says. */
  third = export (a);
  g_assert_cmpstr (first, ==, third);
}

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(WsDatabase) db = open_db (f->path);
  g_autofree char *json = quote (fixture);
  g_autofree char *text = NULL;

  g_assert_cmpuint (ws_database_count_audit (db, "import"), ==, 0);
  import (db, json);
  g_assert_cmpuint (ws_database_count_audit (db, "import"), ==, 1);
  g_assert_cmpuint (ws_database_count_audit (db, "export"), ==, 0);
  text = export (db);
  g_assert_cmpuint (ws_database_count_audit (db, "export"), ==, 1);
  g_assert_cmpuint (ws_database_count_audit (db, "identity-read-all"), ==, 1);
}

static void
test_file_mode (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(WsDatabase) db = open_full_db (f->path);
  g_autoptr(WsDatabase) copy = open_db (other);
  g_autoptr(GError) error = NULL;
  g_autofree char *in_memory = export (db);
  g_autofree char *copied = NULL;

  /* An existing, readable file is replaced by a private one. */
  g_file_set_contents (file, "old", -1, &error);
  g_assert_no_error (error);
  g_chmod (file, 0644);

  ws_exchange_export_to_file (db, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ws_test_file_mode (file), ==, 0600);

  ws_exchange_import_file (copy, file, &error);
  g_assert_no_error (error);
  copied = export (copy);
  g_assert_cmpstr (copied, ==, in_memory);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "async.json", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WsDatabase) db = open_full_db (f->path);
  g_autoptr(WsDatabase) copy = open_db (other);
  g_autoptr(GAsyncResult) exported = NULL;
  g_autoptr(GAsyncResult) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  ws_exchange_export_file_async (db, file, NULL, ws_test_keep_result_cb, &exported);
  g_assert_true (ws_exchange_export_file_finish (db, ws_test_wait_for_result (&exported), &error));
  g_assert_no_error (error);

  ws_exchange_import_file_async (copy, file, NULL, ws_test_keep_result_cb, &imported);
  g_assert_true (ws_exchange_import_file_finish (copy, ws_test_wait_for_result (&imported), &error));
  g_assert_no_error (error);

  a = export (db);
  b = export (copy);
  g_assert_cmpstr (a, ==, b);
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(WsDatabase) db = open_full_db (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WsPerson) found = NULL;
  /* The site and the need are exactly as in the database; the agency and
   * the case are only in the database. */
  g_autofree char *json = quote (
    "{ 'format': 'witness-support-exchange', 'version': 1,"
    "  'needs': [ { 'code': 'court-visit', 'category': 'justice', 'title': 'Court familiarisation visit' } ],"
    "  'sites': [ { 'name': 'Lagos Suite', 'kind': 'site-abroad', 'zone': 'Africa/Lagos',"
    "               'working_days': [ 'monday', 'saturday' ], 'technical_contact': 'it@example.org' } ],"
    "  'persons': [ { 'pseudonym': 'Witness Dune',"
    "                 'support_items': [ { 'need': 'court-visit', 'phase': 'initial', 'agency': 'legal aid centre' } ] } ],"
    "  'sessions': [ { 'uid': 'session-3@witness-support', 'case': 'CR-2024-017', 'hearing': '2024-06-03T07:30:00Z',"
    "                  'person': 'Witness Dune', 'remote_site': 'Lagos Suite',"
    "                  'starts_at': '2024-06-03T09:00:00Z', 'ends_at': '2024-06-03T10:00:00Z' } ] }");

  import (db, json);
  found = ws_database_find_person (db, "Witness Dune", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
}

/* ------------------------------------------------------------------ */
/* Bad files change nothing */

typedef struct {
  const char *name;
  const char *json;       /* single-quoted, see quote() */
  WsRole      role;
  GQuark    (*domain) (void);
  int         code;
  const char *message;    /* the exact message, or a prefix ending in "…" */
} BadCase;

#define HEAD "{ 'format': 'witness-support-exchange', 'version': 1, "
#define NEW_PERSON "{ 'pseudonym': 'Witness Elm', 'identity': { 'legal_name': 'New Person' } }"

static const BadCase bad_cases[] = {
  { "not-json", "{ 'format': 'witness-support-exchange',\n  'version': 1, persons: [] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_MALFORMED,
    "The file is not valid JSON (line 2, …" },
  { "wrong-format", "{ 'format': 'something-else', 'version': 1, 'persons': [ " NEW_PERSON " ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_MALFORMED,
    "The file is not a Witness Support exchange file (its “format” is not “witness-support-exchange”)" },
  { "newer-version", "{ 'format': 'witness-support-exchange', 'version': 2, 'persons': [ " NEW_PERSON " ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_VERSION,
    "The file was made by a newer version of Witness Support (exchange version 2; …" },
  { "unknown-member", HEAD "'persons': [ " NEW_PERSON ", { 'pseudonym': 'Witness Fir', 'colour': 'blue' } ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_INVALID,
    "persons[1].colour: is not part of the format" },
  { "unknown-top-member", HEAD "'people': [] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_INVALID,
    "people: is not part of the format" },
  { "bad-identity-date", HEAD "'persons': [ " NEW_PERSON ", { 'pseudonym': 'Witness Fir' }, { 'pseudonym': 'Witness Gum' }, "
    "{ 'pseudonym': 'Witness Hazel', 'identity': { 'date_of_birth': '2023-02-30' } } ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_INVALID,
    "persons[3].identity.date_of_birth: 2023-02-30 is not a date (use YYYY-MM-DD)" },
  { "unknown-nick", HEAD "'persons': [ { 'pseudonym': 'Witness Fir', 'gender': 'femme' } ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_INVALID,
    "persons[0].gender: “femme” is not one of: unspecified, female, male, non-binary, self-described, prefer-not-to-say" },
  { "negative-amount", HEAD "'persons': [ { 'pseudonym': 'Witness Fir',"
    " 'benefits': [ { 'given_on': '2024-01-01', 'kind': 'Travel', 'amount_minor': -5 } ] } ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_INVALID,
    "persons[0].benefits[0].amount_minor: must not be negative" },
  { "dangling-reference", HEAD "'persons': [ { 'pseudonym': 'Witness Fir',"
    " 'support_items': [ { 'need': 'court-visit', 'phase': 'initial', 'agency': 'Nowhere' } ] } ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_INVALID,
    "persons[0].support_items[0].agency: there is no agency “Nowhere” in the file or the database" },
  { "dangling-hearing", HEAD "'sessions': [ { 'uid': 'x', 'case': 'CR-2024-017', 'hearing': 'third',"
    " 'person': 'Witness Birch', 'starts_at': '2024-06-03T09:00:00Z', 'ends_at': '2024-06-03T10:00:00Z' } ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_INVALID,
    "sessions[0].hearing: there is no hearing “third” in the file or the database" },
  { "duplicate-pseudonym", HEAD "'persons': [ " NEW_PERSON ", { 'pseudonym': 'witness elm' } ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_CONFLICT,
    "persons[1].pseudonym: “witness elm” is already used at persons[0]" },
  { "pseudonym-in-database", HEAD "'persons': [ " NEW_PERSON ", { 'pseudonym': 'Witness Amber' } ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_CONFLICT,
    "persons[1].pseudonym: the database already has a witness “Witness Amber”" },
  { "different-need", HEAD "'needs': [ { 'code': 'court-visit', 'category': 'justice', 'title': 'Visit' } ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_CONFLICT,
    "needs[0].code: the database already has a need “court-visit” with different details" },
  { "ends-before-start", HEAD "'sites': [ { 'name': 'Room 9', 'kind': 'court-room', 'zone': 'Europe/Vienna',"
    " 'closures': [ { 'starts_at': '2024-01-02T00:00:00Z', 'ends_at': '2024-01-01T00:00:00Z' } ] } ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_INVALID,
    "sites[0].closures[0].ends_at: 2024-01-01T00:00:00Z must be after starts_at (2024-01-02T00:00:00Z)" },
  { "bad-zone", HEAD "'persons': [ { 'pseudonym': 'Witness Fir', 'zone': 'Mars/Olympus' } ] }",
    WS_ROLE_OFFICER, ws_exchange_error_quark, WS_EXCHANGE_ERROR_INVALID,
    "persons[0].zone: Mars/Olympus is not a known time zone (e.g. Europe/Vienna)" },
  { "prosecutor-identity", HEAD "'persons': [ " NEW_PERSON " ] }",
    WS_ROLE_PROSECUTOR, ws_database_error_quark, WS_DATABASE_ERROR_PERMISSION,
    /* a whole-database import needs the backup permission before anything is read */
    "Your role (Prosecutor) may not back up, restore or export the whole database" },
};

static void
assert_message (const char *message,
                const char *expected)
{
  const char *ellipsis = g_str_has_suffix (expected, "…") ? strstr (expected, "…") : NULL;

  if (ellipsis == NULL)
    g_assert_cmpstr (message, ==, expected);
  else
    {
      g_autofree char *prefix = g_strndup (expected, ellipsis - expected);

      if (!g_str_has_prefix (message, prefix))
        g_error ("“%s” does not start with “%s”", message, prefix);
    }
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  const BadCase *bad = data;
  g_autofree char *json = quote (bad->json);
  g_autofree char *before_export = NULL;
  g_autofree char *after_export = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  WsDatabase *db;
  guint imports;

  db = open_full_db (f->path);
  before_export = export (db);
  imports = ws_database_count_audit (db, "import");
  close_db (db);
  before = ws_test_read_bytes (f->path);

  db = open_db (f->path);
  ws_database_set_actor (db, "Someone", bad->role);
  g_assert_false (ws_exchange_import_data (db, json, -1, &error));
  g_assert_error (error, bad->domain (), bad->code);
  assert_message (error->message, bad->message);
  close_db (db);

  after = ws_test_read_bytes (f->path);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                   g_bytes_get_data (after, NULL), g_bytes_get_size (after));

  db = open_db (f->path);
  g_assert_cmpuint (ws_database_count_audit (db, "import"), ==, imports);
  after_export = export (db);
  g_assert_cmpstr (before_export, ==, after_export);
  close_db (db);
}

static void
test_export_needs_role (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WsDatabase) db = open_full_db (f->path);
  g_autoptr(GError) error = NULL;
  guint exports = ws_database_count_audit (db, "export");

  ws_database_set_actor (db, "Prosecutor", WS_ROLE_PROSECUTOR);
  g_assert_null (ws_exchange_export_to_data (db, NULL, &error));
  g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION);
  g_assert_cmpuint (ws_database_count_audit (db, "export"), ==, exports);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func, data) \
  g_test_add ("/ws/exchange/" name, Fixture, data, ws_test_path_fixture_set_up, func, ws_test_path_fixture_tear_down)

  ADD ("export-shape", test_export_shape, NULL);
  ADD ("round-trip", test_round_trip, NULL);
  ADD ("audit", test_audit, NULL);
  ADD ("file-mode", test_file_mode, NULL);
  ADD ("async", test_async, NULL);
  ADD ("merge", test_merge, NULL);
  ADD ("export-needs-role", test_export_needs_role, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strconcat ("/ws/exchange/bad-input/", bad_cases[i].name, NULL);

      g_test_add (name, Fixture, &bad_cases[i],
                  ws_test_path_fixture_set_up, test_bad_input, ws_test_path_fixture_tear_down);
    }

  return g_test_run ();
}
