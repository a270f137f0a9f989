/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-database.h"
#include "ws-document.h"
#include "ws-interpreter.h"
#include "ws-site.h"

G_BEGIN_DECLS

/* Video-link sessions: booking, conflicts, alternatives, views and
 * exports. Instants are UTC GDateTimes; each place keeps its own zone
 * (ws_session_get_court_zone/remote_zone) for display and for the
 * working-hours checks, so no clock change ever moves a booked instant. */

/* Stored by nick in session.status. */
typedef enum {
  WS_SESSION_STATUS_PLANNED,    /*< nick=planned >*/
  WS_SESSION_STATUS_CONFIRMED,  /*< nick=confirmed >*/
  WS_SESSION_STATUS_CANCELLED,  /*< nick=cancelled >*/
} WsSessionStatus;

const char *ws_session_status_get_label (WsSessionStatus status);

/* A session may not last longer than this (the conflict check relies on
 * it to read only the window around a draft). */
#define WS_SESSION_MAX_HOURS 12

/* ------------------------------------------------------------------ */
/* Sessions */

#define WS_TYPE_SESSION (ws_session_get_type ())

G_DECLARE_FINAL_TYPE (WsSession, ws_session, WS, SESSION, GObject)

WsSession       *ws_session_new                   (void);
WsSession       *ws_session_copy                  (WsSession   *self);
gint64           ws_session_get_id                (WsSession   *self);
/* Stable across every change and every export; set on first save. */
const char      *ws_session_get_uid               (WsSession   *self);
/* Raised by one on every saved change (iCalendar SEQUENCE). */
guint            ws_session_get_sequence          (WsSession   *self);
gint64           ws_session_get_hearing_id        (WsSession   *self);
void             ws_session_set_hearing_id        (WsSession   *self,
                                                   gint64       hearing_id);
/* Filled when loaded: the hearing's case. */
gint64           ws_session_get_case_id           (WsSession   *self);
const char      *ws_session_get_case_reference    (WsSession   *self);
/* The witness. */
gint64           ws_session_get_person_id         (WsSession   *self);
void             ws_session_set_person_id         (WsSession   *self,
                                                   gint64       person_id);
const char      *ws_session_get_pseudonym         (WsSession   *self);  /* filled when loaded */
/* The court room (0 for none) and the remote site (0 for none). Names
 * and zones are filled when loaded or checked. */
gint64           ws_session_get_court_site_id     (WsSession   *self);
void             ws_session_set_court_site_id     (WsSession   *self,
                                                   gint64       site_id);
const char      *ws_session_get_court_site_name   (WsSession   *self);
const char      *ws_session_get_court_zone        (WsSession   *self);
gint64           ws_session_get_remote_site_id    (WsSession   *self);
void             ws_session_set_remote_site_id    (WsSession   *self,
                                                   gint64       site_id);
const char      *ws_session_get_remote_site_name  (WsSession   *self);
const char      *ws_session_get_remote_zone       (WsSession   *self);
/* UTC instants; setters accept any zone and keep the instant. */
GDateTime       *ws_session_get_starts_at         (WsSession   *self);
void             ws_session_set_starts_at         (WsSession   *self,
                                                   GDateTime   *starts_at);
GDateTime       *ws_session_get_ends_at           (WsSession   *self);
void             ws_session_set_ends_at           (WsSession   *self,
                                                   GDateTime   *ends_at);
GDateTime       *ws_session_get_test_call_at      (WsSession   *self);  /* NULL if none */
void             ws_session_set_test_call_at      (WsSession   *self,
                                                   GDateTime   *test_call_at);
const char      *ws_session_get_platform_ref      (WsSession   *self);
void             ws_session_set_platform_ref      (WsSession   *self,
                                                   const char  *reference);
/* Address and PIN are loaded only for roles with READ_LINK_DETAILS;
 * otherwise they read "" and ws_session_has_link_details() is FALSE.
 * Saving a session whose link details were not loaded keeps the stored
 * ones unless they were set since. */
gboolean         ws_session_has_link_details      (WsSession   *self);
const char      *ws_session_get_link_address      (WsSession   *self);
void             ws_session_set_link_address      (WsSession   *self,
                                                   const char  *address);
const char      *ws_session_get_link_pin          (WsSession   *self);
void             ws_session_set_link_pin          (WsSession   *self,
                                                   const char  *pin);
const char      *ws_session_get_technical_contact (WsSession   *self);
void             ws_session_set_technical_contact (WsSession   *self,
                                                   const char  *contact);
const char      *ws_session_get_support_person    (WsSession   *self);
void             ws_session_set_support_person    (WsSession   *self,
                                                   const char  *support_person);
WsSessionStatus  ws_session_get_status            (WsSession   *self);
const char      *ws_session_get_cancel_reason     (WsSession   *self);

/* Interpreters, each with the language they interpret for the witness. */
guint            ws_session_get_n_interpreters    (WsSession   *self);
gint64           ws_session_get_interpreter_id    (WsSession   *self,
                                                   guint        index);
const char      *ws_session_get_interpreter_name  (WsSession   *self,
                                                   guint        index);  /* filled when loaded */
const char      *ws_session_get_interpreter_language (WsSession *self,
                                                      guint      index);
void             ws_session_add_interpreter       (WsSession   *self,
                                                   gint64       interpreter_id,
                                                   const char  *language);
void             ws_session_remove_interpreter    (WsSession   *self,
                                                   gint64       interpreter_id);
void             ws_session_clear_interpreters    (WsSession   *self);

/* Field names in problems: "hearing", "person", "starts_at", "ends_at",
 * "test_call_at", "sites", "interpreters". */
void             ws_session_validate              (WsSession   *self,
                                                   GPtrArray   *problems);
/* "10:00–11:30" in @zone (NULL = the viewer's local zone). */
char            *ws_session_format_times          (WsSession   *self,
                                                   const char  *zone);
/* "16:00–17:30 Bangkok time" at the remote site, NULL without one. */
char            *ws_session_format_remote_times   (WsSession   *self);
gboolean         ws_session_overlaps              (WsSession   *self,
                                                   GDateTime   *from,
                                                   GDateTime   *to);

/* One entry of a session's history. */
#define WS_TYPE_SESSION_CHANGE (ws_session_change_get_type ())

G_DECLARE_FINAL_TYPE (WsSessionChange, ws_session_change, WS, SESSION_CHANGE, GObject)

GDateTime       *ws_session_change_get_at         (WsSessionChange *self);
const char      *ws_session_change_get_by         (WsSessionChange *self);
const char      *ws_session_change_get_text       (WsSessionChange *self);

/* ------------------------------------------------------------------ */
/* Settings of the checks */

typedef struct {
  guint buffer_before;  /* minutes kept free before a booking (15) */
  guint buffer_after;   /* minutes kept free after a booking (15) */
  guint search_days;    /* how far alternatives are looked for, each way (14) */
  guint step_minutes;   /* granularity of alternative slots (15) */
} WsScheduleSettings;

void             ws_schedule_settings_init        (WsScheduleSettings *settings);

/* ------------------------------------------------------------------ */
/* Conflicts */

typedef enum {
  WS_CONFLICT_WITNESS_BOOKED,          /*< nick=witness-booked >*/
  WS_CONFLICT_INTERPRETER_BOOKED,      /*< nick=interpreter-booked >*/
  WS_CONFLICT_COURT_ROOM_BOOKED,       /*< nick=court-room-booked >*/
  WS_CONFLICT_REMOTE_SITE_BOOKED,      /*< nick=remote-site-booked >*/
  WS_CONFLICT_INTERPRETER_LANGUAGE,    /*< nick=interpreter-language >*/
  WS_CONFLICT_INTERPRETER_GENDER,      /*< nick=interpreter-gender >*/
  WS_CONFLICT_INTERPRETER_EXCLUDED,    /*< nick=interpreter-excluded >*/
  WS_CONFLICT_INTERPRETER_UNAVAILABLE, /*< nick=interpreter-unavailable >*/
  WS_CONFLICT_OUTSIDE_HOURS,           /*< nick=outside-hours >*/
  WS_CONFLICT_SITE_CLOSED,             /*< nick=site-closed >*/
  WS_CONFLICT_SCREENED_FROM_ACCUSED,   /*< nick=screened-from-accused >*/
} WsConflictKind;

/* REFUSE: saving fails. WARN: saving is allowed, the user is told. */
typedef enum {
  WS_CONFLICT_WARN,    /*< nick=warn >*/
  WS_CONFLICT_REFUSE,  /*< nick=refuse >*/
} WsConflictSeverity;

const char *ws_conflict_kind_get_label (WsConflictKind kind);

#define WS_TYPE_CONFLICT (ws_conflict_get_type ())

G_DECLARE_FINAL_TYPE (WsConflict, ws_conflict, WS, CONFLICT, GObject)

WsConflictKind      ws_conflict_get_kind           (WsConflict *self);
WsConflictSeverity  ws_conflict_get_severity       (WsConflict *self);
/* In the user's words, naming the other thing by pseudonym, room or
 * interpreter name; never identity. */
const char         *ws_conflict_get_message        (WsConflict *self);
/* Which field of the editor it belongs beside: "person", "court_site",
 * "remote_site", "interpreters", "starts_at". */
const char         *ws_conflict_get_field          (WsConflict *self);
gint64              ws_conflict_get_other_session_id (WsConflict *self); /* 0 if none */
gint64              ws_conflict_get_site_id        (WsConflict *self);   /* 0 if none */
gint64              ws_conflict_get_interpreter_id (WsConflict *self);   /* 0 if none */

/* Checks a draft (saved or not) against the database, reading only the
 * window around it. Needs READ_SCHEDULE. Returns WsConflict, refusals
 * first. @settings NULL means the defaults. */
GPtrArray       *ws_database_check_session        (WsDatabase               *db,
                                                   WsSession                *draft,
                                                   const WsScheduleSettings *settings,
                                                   GError                  **error);
gboolean         ws_conflicts_have_refusal        (GPtrArray                *conflicts);

/* ------------------------------------------------------------------ */
/* Alternatives */

#define WS_TYPE_ALTERNATIVES (ws_alternatives_get_type ())

G_DECLARE_FINAL_TYPE (WsAlternatives, ws_alternatives, WS, ALTERNATIVES, GObject)

/* Nearest free start before and after the draft's, same length, inside
 * working hours of every place involved, outside closures, with no
 * refusing conflict; NULL when none within search_days. */
GDateTime       *ws_alternatives_get_earlier      (WsAlternatives *self);
GDateTime       *ws_alternatives_get_later        (WsAlternatives *self);
/* WsSite: court rooms / remote sites free at the draft's time. */
GPtrArray       *ws_alternatives_get_court_rooms  (WsAlternatives *self);
GPtrArray       *ws_alternatives_get_remote_sites (WsAlternatives *self);
/* WsInterpreter: free at the draft's time, speaking the witness's
 * language, not excluded; preferred gender first. */
GPtrArray       *ws_alternatives_get_interpreters (WsAlternatives *self);

WsAlternatives  *ws_database_find_alternatives    (WsDatabase               *db,
                                                   WsSession                *draft,
                                                   const WsScheduleSettings *settings,
                                                   GError                  **error);

/* ------------------------------------------------------------------ */
/* Store. Reading needs READ_SCHEDULE; changes need EDIT_SCHEDULE, run in
 * one transaction, raise SEQUENCE and write session history. */

WsSession       *ws_database_get_session          (WsDatabase  *db,
                                                   gint64       id,
                                                   GError     **error);
WsSession       *ws_database_find_session         (WsDatabase  *db,
                                                   const char  *uid,
                                                   GError     **error);
/* Sessions overlapping from–to (cancelled ones included), by start. */
GPtrArray       *ws_database_list_sessions        (WsDatabase  *db,
                                                   GDateTime   *from,
                                                   GDateTime   *to,
                                                   GError     **error);
GPtrArray       *ws_database_list_sessions_of_person (WsDatabase *db,
                                                      gint64      person_id,
                                                      GError    **error);
/* Validates, checks conflicts and refuses with WS_DATABASE_ERROR_INVALID
 * (message of the first refusal) when one refuses. New sessions get a
 * UID and status planned; a changed confirmed session stays confirmed. */
gboolean         ws_database_save_session         (WsDatabase               *db,
                                                   WsSession                *session,
                                                   const WsScheduleSettings *settings,
                                                   GError                  **error);
gboolean         ws_database_confirm_session      (WsDatabase  *db,
                                                   gint64       id,
                                                   GError     **error);
/* A reason is required. */
gboolean         ws_database_cancel_session       (WsDatabase  *db,
                                                   gint64       id,
                                                   const char  *reason,
                                                   GError     **error);
GPtrArray       *ws_database_list_session_history (WsDatabase  *db,
                                                   gint64       session_id,
                                                   GError     **error);

/* ------------------------------------------------------------------ */
/* Day and week views: one row per room (court rooms and remote sites,
 * every site even when free) or per interpreter, sessions in each. */

typedef enum {
  WS_SCHEDULE_BY_ROOM,         /*< nick=room >*/
  WS_SCHEDULE_BY_INTERPRETER,  /*< nick=interpreter >*/
} WsScheduleGrouping;

#define WS_TYPE_SCHEDULE_ROW (ws_schedule_row_get_type ())

G_DECLARE_FINAL_TYPE (WsScheduleRow, ws_schedule_row, WS, SCHEDULE_ROW, GObject)

/* The site or interpreter id. */
gint64           ws_schedule_row_get_id           (WsScheduleRow *self);
const char      *ws_schedule_row_get_title        (WsScheduleRow *self);
const char      *ws_schedule_row_get_zone         (WsScheduleRow *self);
/* Rooms only; WS_SITE_KIND_COURT_ROOM for interpreters. */
WsSiteKind       ws_schedule_row_get_site_kind    (WsScheduleRow *self);
/* WsSession by start; cancelled ones left out. */
GPtrArray       *ws_schedule_row_get_sessions     (WsScheduleRow *self);

GPtrArray       *ws_database_list_schedule        (WsDatabase          *db,
                                                   GDateTime           *from,
                                                   GDateTime           *to,
                                                   WsScheduleGrouping   grouping,
                                                   GError             **error);
void             ws_database_list_schedule_async  (WsDatabase          *db,
                                                   GDateTime           *from,
                                                   GDateTime           *to,
                                                   WsScheduleGrouping   grouping,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray       *ws_database_list_schedule_finish (WsDatabase          *db,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* ------------------------------------------------------------------ */
/* An interpreter's own schedule: only what they need, nothing else about
 * the witness. */

#define WS_TYPE_ASSIGNMENT (ws_assignment_get_type ())

G_DECLARE_FINAL_TYPE (WsAssignment, ws_assignment, WS, ASSIGNMENT, GObject)

const char          *ws_assignment_get_uid                (WsAssignment *self);
/* In the interpreter's zone. */
GDateTime           *ws_assignment_get_starts_at          (WsAssignment *self);
GDateTime           *ws_assignment_get_ends_at            (WsAssignment *self);
const char          *ws_assignment_get_zone               (WsAssignment *self);
/* The site the interpreter goes to (the remote site, or else the court
 * room), or the link address when the role may see it; never both NULL. */
const char          *ws_assignment_get_place              (WsAssignment *self);
const char          *ws_assignment_get_link               (WsAssignment *self);  /* NULL unless allowed */
const char          *ws_assignment_get_language           (WsAssignment *self);
const char          *ws_assignment_get_pseudonym          (WsAssignment *self);
WsInterpreterGender  ws_assignment_get_interpreter_gender (WsAssignment *self);
gboolean             ws_assignment_is_cancelled           (WsAssignment *self);

/* @interpreter_id 0 means the actor's own record. An interpreter actor
 * (READ_OWN_SCHEDULE) may read only their own; READ_SCHEDULE reads any.
 * Sessions overlapping from–to, by start. */
GPtrArray       *ws_database_list_assignments     (WsDatabase  *db,
                                                   gint64       interpreter_id,
                                                   GDateTime   *from,
                                                   GDateTime   *to,
                                                   GError     **error);

/* ------------------------------------------------------------------ */
/* iCalendar export through libical: stable UIDs, SEQUENCE, cancelled
 * sessions as STATUS:CANCELLED, times in UTC, pseudonyms only. The link
 * address goes in when the role may see it; the PIN only with
 * WS_CALENDAR_INCLUDE_PIN and a role that may see it (default: no PIN). */

typedef enum {
  WS_CALENDAR_FOR_INTERPRETER,  /*< nick=interpreter >*/
  WS_CALENDAR_FOR_SITE,         /*< nick=site >*/
  WS_CALENDAR_FOR_WITNESS,      /*< nick=witness >*/
} WsCalendarScope;

typedef enum { /*< flags >*/
  WS_CALENDAR_NONE         = 0,       /*< nick=none >*/
  WS_CALENDAR_INCLUDE_PIN  = 1 << 0,  /*< nick=include-pin >*/
} WsCalendarFlags;

/* @name: the interpreter's name, the site's name or the witness's
 * pseudonym. Returns the VCALENDAR text; NOT_FOUND when @name is unknown. */
char            *ws_schedule_export_ical          (WsDatabase       *db,
                                                   WsCalendarScope   scope,
                                                   const char       *name,
                                                   WsCalendarFlags   flags,
                                                   GError          **error);
gboolean         ws_schedule_export_ical_file     (WsDatabase       *db,
                                                   WsCalendarScope   scope,
                                                   const char       *name,
                                                   WsCalendarFlags   flags,
                                                   GFile            *file,
                                                   GError          **error);

/* ------------------------------------------------------------------ */
/* The daily schedule sheet for the shared page renderer: @day in
 * @viewer_zone (NULL = local), sessions with times in that zone and the
 * remote site's local time, rooms, interpreters, pseudonyms. */
WsDocument      *ws_schedule_sheet_build          (WsDatabase   *db,
                                                   const GDate  *day,
                                                   const char   *viewer_zone,
                                                   GError      **error);

G_END_DECLS
