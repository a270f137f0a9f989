/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-database.h"
#include "ws-measure.h"

G_BEGIN_DECLS

/* Stored by nick in hearing.kind. */
typedef enum {
  WS_HEARING_KIND_PRELIMINARY,  /*< nick=preliminary >*/
  WS_HEARING_KIND_TRIAL,        /*< nick=trial >*/
  WS_HEARING_KIND_SENTENCING,   /*< nick=sentencing >*/
  WS_HEARING_KIND_APPEAL,       /*< nick=appeal >*/
  WS_HEARING_KIND_OTHER,        /*< nick=other >*/
} WsHearingKind;

/* Applications for measures are due this many days before a hearing
 * unless the unit says otherwise. */
#define WS_HEARING_APPLICATIONS_DUE_DAYS 21

const char *ws_hearing_kind_get_label (WsHearingKind kind);

/* The periods the Hearings place offers, counted from now. */
typedef enum {
  WS_HEARING_PERIOD_NEXT_7_DAYS,   /*< nick=next-7-days >*/
  WS_HEARING_PERIOD_NEXT_30_DAYS,  /*< nick=next-30-days >*/
  WS_HEARING_PERIOD_NEXT_90_DAYS,  /*< nick=next-90-days >*/
  WS_HEARING_PERIOD_UPCOMING,      /*< nick=upcoming >*/
  WS_HEARING_PERIOD_PAST,          /*< nick=past >*/
} WsHearingPeriod;

#define WS_N_HEARING_PERIODS (WS_HEARING_PERIOD_PAST + 1)

const char *ws_hearing_period_get_label (WsHearingPeriod   period);
void        ws_hearing_period_get_range (WsHearingPeriod   period,
                                         GDateTime        *now,
                                         GDateTime       **from,
                                         GDateTime       **to);

#define WS_TYPE_HEARING (ws_hearing_get_type ())

G_DECLARE_FINAL_TYPE (WsHearing, ws_hearing, WS, HEARING, GObject)

gint64         ws_hearing_get_id                (WsHearing    *self);
gint64         ws_hearing_get_case_id           (WsHearing    *self);
gint64         ws_hearing_get_site_id           (WsHearing    *self);
const char    *ws_hearing_get_case_reference    (WsHearing    *self);
const char    *ws_hearing_get_court             (WsHearing    *self);
const char    *ws_hearing_get_court_room        (WsHearing    *self);
const char    *ws_hearing_get_prosecutor        (WsHearing    *self);
WsHearingKind  ws_hearing_get_kind              (WsHearing    *self);
GDateTime     *ws_hearing_get_starts_at         (WsHearing    *self);
GDateTime     *ws_hearing_get_ends_at           (WsHearing    *self);
const char    *ws_hearing_get_zone              (WsHearing    *self);
GDateTime     *ws_hearing_dup_local_start       (WsHearing    *self);
const char    *ws_hearing_get_notes             (WsHearing    *self);
guint          ws_hearing_get_n_witnesses       (WsHearing    *self);
guint          ws_hearing_get_count             (WsHearing    *self,
                                                 WsReadiness   readiness);
gboolean       ws_hearing_is_ready              (WsHearing    *self);
GDate         *ws_hearing_dup_applications_due  (WsHearing    *self,
                                                 guint         days_before);

/* Editing: a new hearing has id 0; instants are stored in UTC. */
#define WS_HEARING_MAX_DAYS 14

WsHearing     *ws_hearing_new                   (void);
void           ws_hearing_set_case_id           (WsHearing     *self,
                                                 gint64         case_id);
void           ws_hearing_set_site_id           (WsHearing     *self,
                                                 gint64         site_id);
void           ws_hearing_set_kind              (WsHearing     *self,
                                                 WsHearingKind  kind);
void           ws_hearing_set_starts_at         (WsHearing     *self,
                                                 GDateTime     *starts_at);
void           ws_hearing_set_ends_at           (WsHearing     *self,
                                                 GDateTime     *ends_at);
void           ws_hearing_set_zone              (WsHearing     *self,
                                                 const char    *zone);
void           ws_hearing_set_notes             (WsHearing     *self,
                                                 const char    *notes);

#define WS_TYPE_HEARING_WITNESS (ws_hearing_witness_get_type ())

G_DECLARE_FINAL_TYPE (WsHearingWitness, ws_hearing_witness, WS, HEARING_WITNESS, GObject)

gint64         ws_hearing_witness_get_person_id (WsHearingWitness *self);
const char    *ws_hearing_witness_get_pseudonym (WsHearingWitness *self);
const char    *ws_hearing_witness_get_label     (WsHearingWitness *self);
GListModel    *ws_hearing_witness_get_measures  (WsHearingWitness *self);
GPtrArray     *ws_hearing_witness_get_screenings (WsHearingWitness *self);
guint          ws_hearing_witness_get_count     (WsHearingWitness *self,
                                                 WsReadiness       readiness);
gboolean       ws_hearing_witness_is_ready      (WsHearingWitness *self);

GPtrArray     *ws_database_list_hearings        (WsDatabase           *db,
                                                 GDateTime            *from,
                                                 GDateTime            *to,
                                                 const char           *court,
                                                 const char           *prosecutor,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void           ws_database_list_hearings_async  (WsDatabase           *db,
                                                 GDateTime            *from,
                                                 GDateTime            *to,
                                                 const char           *court,
                                                 const char           *prosecutor,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GPtrArray     *ws_database_list_hearings_finish (WsDatabase           *db,
                                                 GAsyncResult         *result,
                                                 GError              **error);
WsHearing     *ws_database_get_hearing          (WsDatabase           *db,
                                                 gint64                id,
                                                 GError              **error);
GPtrArray     *ws_database_list_hearing_witnesses (WsDatabase         *db,
                                                   gint64              hearing_id,
                                                   GError            **error);
GPtrArray     *ws_database_list_hearings_of_case (WsDatabase          *db,
                                                  gint64               case_id,
                                                  GError             **error);
GStrv          ws_database_list_hearing_courts  (WsDatabase           *db,
                                                 GError              **error);
GStrv          ws_database_list_hearing_prosecutors (WsDatabase       *db,
                                                     GError          **error);

void           ws_database_check_hearing        (WsDatabase           *db,
                                                 WsHearing            *hearing,
                                                 GPtrArray            *problems);
gboolean       ws_database_save_hearing         (WsDatabase           *db,
                                                 WsHearing            *hearing,
                                                 GError              **error);
gboolean       ws_database_count_hearing_dependents (WsDatabase       *db,
                                                     gint64            id,
                                                     guint            *n_sessions,
                                                     guint            *n_measures,
                                                     GError          **error);
gboolean       ws_database_delete_hearing       (WsDatabase           *db,
                                                 gint64                id,
                                                 GError              **error);

G_END_DECLS
