/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ws-database-private.h"
#include "ws-schedule.h"

G_BEGIN_DECLS

/* Shared by ws-site.c, ws-interpreter.c, ws-session.c, ws-scheduler.c
 * and ws-calendar.c. */

WsPeriod   *_ws_period_new                 (gint64         id,
                                            gint64         owner_id,
                                            GDateTime     *starts_at,
                                            GDateTime     *ends_at,
                                            const char    *reason);
void        _ws_site_set_id                (WsSite        *self,
                                            gint64         id);
/* The site's zone as a GTimeZone (UTC if the name is unknown). */
GTimeZone  *_ws_site_get_time_zone         (WsSite        *self);
/* Minutes after midnight, -1 if @clock is not "HH:MM". */
int         _ws_clock_parse                (const char    *clock);
void        _ws_interpreter_set_id         (WsInterpreter *self,
                                            gint64         id);
WsSite     *_ws_site_from_row              (sqlite3_stmt  *stmt,
                                            int            first);
#define WS_SITE_COLUMNS "s.id, s.name, s.kind, s.zone, s.opens_at, s.closes_at, s.working_days," \
                        " s.contact, s.technical_contact"
#define WS_SITE_N_COLUMNS 9
/* Loads every interpreter with languages (lock held by the caller). */
GPtrArray  *_ws_load_interpreters          (WsDatabase    *db,
                                            gint64         only_id,
                                            GError       **error);
GPtrArray  *_ws_load_sites                 (WsDatabase    *db,
                                            GError       **error);

/* Periods of @table ("site_closure", "interpreter_unavailability"). */
GPtrArray  *_ws_list_periods               (WsDatabase    *db,
                                            const char    *table,
                                            const char    *owner_column,
                                            gint64         owner_id,
                                            GDateTime     *from,
                                            GError       **error);
gint64      _ws_add_period                 (WsDatabase    *db,
                                            const char    *table,
                                            const char    *owner_table,
                                            const char    *owner_column,
                                            gint64         owner_id,
                                            GDateTime     *starts_at,
                                            GDateTime     *ends_at,
                                            const char    *reason,
                                            const char    *change,
                                            GError       **error);

/* Sets *@field to a copy of @value, "" for NULL. */
void        _ws_replace_text               (char         **field,
                                            const char    *value);
/* Whether another row of the directory @table ("site", "interpreter")
 * than @id is called @name once trimmed. */
gboolean    _ws_directory_name_taken       (WsDatabase    *db,
                                            const char    *table,
                                            const char    *name,
                                            gint64         id);
/* Refuses to save a directory entry with @problems (TRUE, @error set to
 * the first problem: DUPLICATE when its name is taken, else INVALID);
 * FALSE when there are none. */
gboolean    _ws_directory_refuse           (WsDatabase    *db,
                                            const char    *table,
                                            const char    *name,
                                            gint64         id,
                                            GPtrArray     *problems,
                                            GError       **error);

/* Reading the schedule or the directory: READ_SCHEDULE, or an
 * interpreter's READ_OWN_SCHEDULE. */
gboolean    _ws_require_schedule_read      (WsDatabase    *db,
                                            GError       **error);

void        _ws_session_set_id             (WsSession     *self,
                                            gint64         id);
void        _ws_session_set_uid            (WsSession     *self,
                                            const char    *uid);
void        _ws_session_set_sequence       (WsSession     *self,
                                            guint          sequence);
void        _ws_session_set_status         (WsSession     *self,
                                            WsSessionStatus status,
                                            const char    *cancel_reason);
void        _ws_session_set_loaded         (WsSession     *self,
                                            gint64         case_id,
                                            const char    *case_reference,
                                            const char    *pseudonym);
void        _ws_session_set_site_names     (WsSession     *self,
                                            const char    *court_name,
                                            const char    *court_zone,
                                            const char    *remote_name,
                                            const char    *remote_zone);
void        _ws_session_set_link_loaded    (WsSession     *self,
                                            gboolean       loaded);
gboolean    _ws_session_link_changed       (WsSession     *self);
void        _ws_session_set_interpreter_name (WsSession   *self,
                                              guint        index,
                                              const char  *name);
/* Sessions from a query selecting WS_SESSION_COLUMNS (lock held). Link
 * details are filled only when @with_link. Interpreters are loaded. */
#define WS_SESSION_COLUMNS \
  "s.id, s.uid, s.sequence, s.hearing_id, s.person_id, s.court_site_id, s.remote_site_id," \
  " s.starts_at, s.ends_at, s.test_call_at, s.platform_ref, s.link_address, s.link_pin," \
  " s.technical_contact, s.support_person, s.status, s.cancel_reason, h.case_id, c.reference," \
  " p.pseudonym, cs.name, cs.zone, rs.name, rs.zone"
#define WS_SESSION_JOINS \
  " JOIN hearing h ON h.id = s.hearing_id JOIN court_case c ON c.id = h.case_id" \
  " JOIN person p ON p.id = s.person_id LEFT JOIN site cs ON cs.id = s.court_site_id" \
  " LEFT JOIN site rs ON rs.id = s.remote_site_id"
/* Fills site names and zones, pseudonym, case and interpreter names of
 * a draft from its ids (lock held). */
gboolean    _ws_session_fill_names         (WsDatabase    *db,
                                            WsSession     *session,
                                            GError       **error);
/* "Asia/Ho_Chi_Minh" → "Ho Chi Minh" */
char       *_ws_zone_city                  (const char    *zone);
/* starts_at lower bound of sessions overlapping a window from @from. */
char       *_ws_window_floor               (GDateTime     *from);
GPtrArray  *_ws_query_sessions             (WsDatabase    *db,
                                            sqlite3_stmt  *stmt,
                                            gboolean       with_link,
                                            GError       **error);

G_END_DECLS
