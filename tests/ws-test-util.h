/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ws-case.h"
#include "ws-database.h"
#include "ws-identity.h"
#include "ws-person.h"
#include "ws-profile.h"

G_BEGIN_DECLS

/* Scaffolding shared by the test suites and benchmarks. Every function
 * asserts on failure, so a suite reads as the steps it checks. */

/* The actor ws_test_open_tmp_db() sets; audit and history rows name them.
 * It is an administrator profile (passphrase WS_TEST_PASSPHRASE, cheap
 * key derivation) working narrowed to the officer's role. */
#define WS_TEST_OFFICER "Olga Officer"
#define WS_TEST_PASSPHRASE "test passphrase 1"

/* A new temporary folder named after @tmpl (ending in XXXXXX); free it with g_free(). */
char       *ws_test_make_tmp_dir      (const char          *tmpl);
/* Removes @path and everything below it; a missing @path is not an error. */
void        ws_test_remove_tree       (const char          *path);
/* The permission bits (0777 part) of @path. */
guint       ws_test_file_mode         (const char          *path);
/* The whole contents of the file at @path. */
GBytes     *ws_test_read_bytes        (const char          *path);

/* Opens (creating it if needed) the database at @path. An unprotected one
 * keeps the default actor; one with a WS_TEST_OFFICER profile is unlocked
 * with it and works as officer. Turns on cheap key derivation. */
WsDatabase *ws_test_open_db           (const char          *path);
/* Creates the WS_TEST_OFFICER administrator (encrypting identity), unlocked, acting as officer. */
void        ws_test_protect           (WsDatabase          *db);
/* Whether @db has a profile called @name. */
gboolean    ws_test_has_profile       (WsDatabase          *db,
                                       const char          *name);
/* Creates the profile @name (needs an unlocked administrator). */
void        ws_test_add_profile       (WsDatabase          *db,
                                       const char          *name,
                                       WsRole               role,
                                       const char          *passphrase);
/* A fresh "ws.db" in a new temporary folder (stored in @dir), protected by
 * ws_test_protect(): acting as WS_TEST_OFFICER in the officer's role. */
WsDatabase *ws_test_open_tmp_db       (const char          *tmpl,
                                       char               **dir);
/* Asserts @db is finalised by dropping this reference, then removes and frees @dir. */
void        ws_test_close_tmp_db      (WsDatabase          *db,
                                       char                *dir);

/* The fixture most suites share: a temporary database and its folder. */
typedef struct {
  char       *dir;
  WsDatabase *db;
} WsTestFixture;

/* Opens a fresh database in a new temporary folder (see ws_test_open_tmp_db()). */
void        ws_test_fixture_set_up    (WsTestFixture       *fixture,
                                       gconstpointer        data);
/* Closes and removes what ws_test_fixture_set_up() made, and puts the real clock back. */
void        ws_test_fixture_tear_down (WsTestFixture       *fixture,
                                       gconstpointer        data);

/* For suites that open databases themselves: a temporary folder and a path in it. */
typedef struct {
  char *dir;
  char *path;
} WsTestPathFixture;

/* Makes a new temporary folder and names "ws.db" in it, not yet created. */
void        ws_test_path_fixture_set_up    (WsTestPathFixture *fixture,
                                            gconstpointer      data);
/* Removes the folder and all in it. */
void        ws_test_path_fixture_tear_down (WsTestPathFixture *fixture,
                                            gconstpointer      data);

/* Waits (up to ten seconds) until the caller's reference to @object is the only one left. */
void        ws_test_wait_for_last_ref (gpointer             object);

/* A GAsyncReadyCallback keeping a reference to its result in the GAsyncResult * at @user_data. */
void          ws_test_keep_result_cb  (GObject             *source,
                                       GAsyncResult        *result,
                                       gpointer             user_data);
/* Iterates the default main context until ws_test_keep_result_cb() has filled @slot; returns it. */
GAsyncResult *ws_test_wait_for_result (GAsyncResult       **slot);

/* Runs SQL built by sqlite3_mprintf() from @format (%Q quotes, %lld for long long). */
void        ws_test_exec              (WsDatabase          *db,
                                       const char          *format,
                                       ...);
/* The first column of the first row of @sql, as an integer; asserts there is a row. */
gint64      ws_test_query_int         (WsDatabase          *db,
                                       const char          *sql);
/* The first column of the first row of @sql as text, or NULL when there is no row. */
char       *ws_test_query_text        (WsDatabase          *db,
                                       const char          *sql);
/* The number of rows in @table. */
gint64      ws_test_count_rows        (WsDatabase          *db,
                                       const char          *table);

/* Saves @person with @identity (NULL leaves the identity alone) and asserts it got an id. */
void        ws_test_save_person       (WsDatabase          *db,
                                       WsPerson            *person,
                                       WsIdentity          *identity);
/* A new person called @pseudonym, saved with @identity (may be NULL). */
WsPerson   *ws_test_add_person        (WsDatabase          *db,
                                       const char          *pseudonym,
                                       WsIdentity          *identity);
/* The id of a new person called @pseudonym with the age status @age. */
gint64      ws_test_add_person_aged   (WsDatabase          *db,
                                       const char          *pseudonym,
                                       WsAgeStatus          age);
/* The highest id in @table: the row just inserted by raw SQL. */
gint64      ws_test_last_id           (WsDatabase          *db,
                                       const char          *table);
/* A new case @reference before @court, saved. */
WsCase     *ws_test_add_case          (WsDatabase          *db,
                                       const char          *reference,
                                       const char          *court);

/* Fixes "now" at the ISO-8601 instant @iso; NULL goes back to the real clock. */
void        ws_test_set_now           (const char          *iso);
/* Parses @text as JSON and returns its root. */
JsonNode   *ws_test_parse_json        (const char          *text);
/* Asserts that @actual holds exactly the items of the NULL-terminated @expected. */
void        ws_test_assert_strv       (const char * const  *actual,
                                       const char * const  *expected);

/* Milliseconds since the monotonic time @start, for benchmarks. */
double      ws_test_ms_since          (gint64               start);
/* The @p quantile (0 to 1, nearest rank) of the doubles in @values, which it sorts. */
double      ws_test_percentile        (GArray              *values,
                                       double               p);
/* @pdf as pdftotext @mode ("-layout", "-raw") reads it; NULL, and the test skipped, without pdftotext. */
char       *ws_test_pdf_text          (const char          *pdf,
                                       const char          *mode);

G_END_DECLS
