/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-database.h"

G_BEGIN_DECLS

/* Where testimony happens. Stored by nick in site.kind. */
typedef enum {
  WS_SITE_KIND_COURT_ROOM,    /*< nick=court-room >*/
  WS_SITE_KIND_REMOTE_SUITE,  /*< nick=remote-suite >*/
  WS_SITE_KIND_SITE_ABROAD,   /*< nick=site-abroad >*/
} WsSiteKind;

/* site.working_days: bit 0 is Monday … bit 6 Sunday (31 = Monday to Friday). */
typedef enum { /*< flags >*/
  WS_WEEKDAY_NONE       = 0,       /*< nick=none >*/
  WS_WEEKDAY_MONDAY     = 1 << 0,  /*< nick=monday >*/
  WS_WEEKDAY_TUESDAY    = 1 << 1,  /*< nick=tuesday >*/
  WS_WEEKDAY_WEDNESDAY  = 1 << 2,  /*< nick=wednesday >*/
  WS_WEEKDAY_THURSDAY   = 1 << 3,  /*< nick=thursday >*/
  WS_WEEKDAY_FRIDAY     = 1 << 4,  /*< nick=friday >*/
  WS_WEEKDAY_SATURDAY   = 1 << 5,  /*< nick=saturday >*/
  WS_WEEKDAY_SUNDAY     = 1 << 6,  /*< nick=sunday >*/
} WsWeekdays;

#define WS_WEEKDAYS_MONDAY_TO_FRIDAY 31

const char *ws_site_kind_get_label (WsSiteKind kind);
/* "Mon–Fri", "Sun–Thu", "Mon, Wed, Fri" … for lists and sheets. */
char       *ws_weekdays_format     (WsWeekdays days);

/* ------------------------------------------------------------------ */
/* A period from–to with a reason: a site's closure or blocked period,
 * an interpreter's unavailability. Instants are UTC; periods that have
 * ended are kept but no longer matter to any check. */

#define WS_TYPE_PERIOD (ws_period_get_type ())

G_DECLARE_FINAL_TYPE (WsPeriod, ws_period, WS, PERIOD, GObject)

gint64       ws_period_get_id        (WsPeriod   *self);
gint64       ws_period_get_owner_id  (WsPeriod   *self);  /* the site or interpreter */
GDateTime   *ws_period_get_starts_at (WsPeriod   *self);
GDateTime   *ws_period_get_ends_at   (WsPeriod   *self);
const char  *ws_period_get_reason    (WsPeriod   *self);
gboolean     ws_period_overlaps      (WsPeriod   *self,
                                      GDateTime  *from,
                                      GDateTime  *to);

/* ------------------------------------------------------------------ */
/* Sites */

#define WS_TYPE_SITE (ws_site_get_type ())

G_DECLARE_FINAL_TYPE (WsSite, ws_site, WS, SITE, GObject)

WsSite      *ws_site_new                   (void);
WsSite      *ws_site_copy                  (WsSite      *self);
gint64       ws_site_get_id                (WsSite      *self);
const char  *ws_site_get_name              (WsSite      *self);
void         ws_site_set_name              (WsSite      *self,
                                            const char  *name);
WsSiteKind   ws_site_get_kind              (WsSite      *self);
void         ws_site_set_kind              (WsSite      *self,
                                            WsSiteKind   kind);
/* An IANA zone name such as "Europe/London". */
const char  *ws_site_get_zone              (WsSite      *self);
void         ws_site_set_zone              (WsSite      *self,
                                            const char  *zone);
/* Working hours in the site's local time, "HH:MM" (24-hour clock). */
const char  *ws_site_get_opens_at          (WsSite      *self);
void         ws_site_set_opens_at          (WsSite      *self,
                                            const char  *clock);
const char  *ws_site_get_closes_at         (WsSite      *self);
void         ws_site_set_closes_at         (WsSite      *self,
                                            const char  *clock);
WsWeekdays   ws_site_get_working_days      (WsSite      *self);
void         ws_site_set_working_days      (WsSite      *self,
                                            WsWeekdays   days);
const char  *ws_site_get_contact           (WsSite      *self);
void         ws_site_set_contact           (WsSite      *self,
                                            const char  *contact);
const char  *ws_site_get_technical_contact (WsSite      *self);
void         ws_site_set_technical_contact (WsSite      *self,
                                            const char  *contact);
/* Field names in problems: "name", "zone", "opens_at", "closes_at", "working_days". */
void         ws_site_validate              (WsSite      *self,
                                            GPtrArray   *problems);
/* TRUE when from–to lies inside one working day of the site, judged in
 * the site's own zone on that date (so daylight-saving days are right). */
gboolean     ws_site_is_working_between    (WsSite      *self,
                                            GDateTime   *from,
                                            GDateTime   *to);
/* The instant opening and closing happen on @date (a local date of the
 * site), or NULL when the site does not work that day. */
GDateTime   *ws_site_dup_opening           (WsSite      *self,
                                            const GDate *date);
GDateTime   *ws_site_dup_closing           (WsSite      *self,
                                            const GDate *date);
/* @instant as local wall-clock time at the site: "14:30". */
char        *ws_site_format_local_time     (WsSite      *self,
                                            GDateTime   *instant);

/* Directory store: reading needs READ_SCHEDULE or READ_OWN_SCHEDULE,
 * every change needs MANAGE_DIRECTORY and is written to change history. */
GPtrArray   *ws_database_list_sites          (WsDatabase  *db,
                                              GError     **error);
WsSite      *ws_database_get_site            (WsDatabase  *db,
                                              gint64       id,
                                              GError     **error);
WsSite      *ws_database_find_site           (WsDatabase  *db,
                                              const char  *name,
                                              GError     **error);
void         ws_database_check_site          (WsDatabase  *db,
                                              WsSite      *site,
                                              GPtrArray   *problems);
/* Inserts when the id is 0 (and sets it), updates otherwise. */
gboolean     ws_database_save_site           (WsDatabase  *db,
                                              WsSite      *site,
                                              GError     **error);
gboolean     ws_database_delete_site         (WsDatabase  *db,
                                              gint64       id,
                                              GError     **error);

/* Closures and blocked periods. @from NULL lists them all; otherwise only
 * those still running at or after @from. */
GPtrArray   *ws_database_list_site_closures  (WsDatabase  *db,
                                              gint64       site_id,
                                              GDateTime   *from,
                                              GError     **error);
/* Returns the new id, 0 on error (reason required, end after start). */
gint64       ws_database_add_site_closure    (WsDatabase  *db,
                                              gint64       site_id,
                                              GDateTime   *starts_at,
                                              GDateTime   *ends_at,
                                              const char  *reason,
                                              GError     **error);
gboolean     ws_database_delete_site_closure (WsDatabase  *db,
                                              gint64       closure_id,
                                              GError     **error);

G_END_DECLS
