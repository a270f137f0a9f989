/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-database.h"

G_BEGIN_DECLS

/* Stored by nick in measure.status and measure_history.status. */
typedef enum {
  WS_MEASURE_STATUS_PROPOSED,     /*< nick=proposed >*/
  WS_MEASURE_STATUS_APPLIED_FOR,  /*< nick=applied-for >*/
  WS_MEASURE_STATUS_GRANTED,      /*< nick=granted >*/
  WS_MEASURE_STATUS_REFUSED,      /*< nick=refused >*/
  WS_MEASURE_STATUS_WITHDRAWN,    /*< nick=withdrawn >*/
  WS_MEASURE_STATUS_ARRANGED,     /*< nick=arranged >*/
} WsMeasureStatus;

/* What a prosecutor needs to know about a measure before a hearing;
 * computed from the status and the data, never stored. */
typedef enum {
  WS_READINESS_UNDECIDED,             /*< nick=undecided >*/
  WS_READINESS_GRANTED_NOT_ARRANGED,  /*< nick=granted-not-arranged >*/
  WS_READINESS_ARRANGED,              /*< nick=arranged >*/
  WS_READINESS_REFUSED,               /*< nick=refused >*/
  WS_READINESS_WITHDRAWN,             /*< nick=withdrawn >*/
} WsReadiness;

#define WS_N_READINESS (WS_READINESS_WITHDRAWN + 1)

typedef enum {
  WS_MEASURE_SETTING_IN_COURT,      /*< nick=in-court >*/
  WS_MEASURE_SETTING_OUT_OF_COURT,  /*< nick=out-of-court >*/
} WsMeasureSetting;

/* How the catalogue says a granted measure becomes arranged. */
typedef enum {
  WS_ARRANGEMENT_BY_HAND,         /*< nick=by-hand >*/
  WS_ARRANGEMENT_SESSION,         /*< nick=session >*/
  WS_ARRANGEMENT_SUPPORT_PERSON,  /*< nick=support-person >*/
  WS_ARRANGEMENT_BOOKING,         /*< nick=booking >*/
} WsArrangement;

/* What actually arranged a measure, as found when it was loaded. */
typedef enum {
  WS_ARRANGED_BY_NOTHING,         /*< nick=nothing >*/
  WS_ARRANGED_BY_SESSION,         /*< nick=session >*/
  WS_ARRANGED_BY_BOOKING,         /*< nick=booking >*/
  WS_ARRANGED_BY_HAND,            /*< nick=hand >*/
} WsArrangedBy;

/* ------------------------------------------------------------------ */
/* The catalogue                                                       */

typedef struct {
  const char       *code;
  const char       *label;            /* msgid: use ws_measure_type_get_label() */
  const char       *needs;            /* msgid: use ws_measure_type_get_needs() */
  WsMeasureSetting  setting;
  WsArrangement     arrangement;
  gboolean          testimonial_aid;  /* changes how testimony is given */
  gboolean          child_aid;        /* proposed by itself for a child witness */
} WsMeasureType;

const WsMeasureType *ws_measure_types_get_all        (guint            *n_types);
const WsMeasureType *ws_measure_type_lookup          (const char       *code);
const char          *ws_measure_type_get_label       (const char       *code);
const char          *ws_measure_type_get_needs       (const char       *code);

const char          *ws_measure_status_get_label     (WsMeasureStatus   status);
gboolean             ws_measure_status_can_change    (WsMeasureStatus   from,
                                                      WsMeasureStatus   to);
gboolean             ws_measure_status_check_change  (WsMeasureStatus   from,
                                                      WsMeasureStatus   to,
                                                      GError          **error);
const char          *ws_readiness_get_label          (WsReadiness       readiness);
const char          *ws_arranged_by_get_label        (WsArrangedBy      arranged_by,
                                                      const char       *type);

/* Who history records as having acted when the program itself did. */
#define WS_MEASURE_SYSTEM_ACTOR "system"

/* ------------------------------------------------------------------ */
/* A protective measure                                                */

#define WS_TYPE_MEASURE (ws_measure_get_type ())

G_DECLARE_FINAL_TYPE (WsMeasure, ws_measure, WS, MEASURE, GObject)

WsMeasure       *ws_measure_new                    (void);
WsMeasure       *ws_measure_copy                   (WsMeasure       *self);
gint64           ws_measure_get_id                 (WsMeasure       *self);
gint64           ws_measure_get_case_id            (WsMeasure       *self);
void             ws_measure_set_case_id            (WsMeasure       *self,
                                                    gint64           case_id);
gint64           ws_measure_get_person_id          (WsMeasure       *self);
void             ws_measure_set_person_id          (WsMeasure       *self,
                                                    gint64           person_id);
gint64           ws_measure_get_hearing_id         (WsMeasure       *self);
void             ws_measure_set_hearing_id         (WsMeasure       *self,
                                                    gint64           hearing_id);
const char      *ws_measure_get_measure_type       (WsMeasure       *self);
void             ws_measure_set_measure_type       (WsMeasure       *self,
                                                    const char      *type);
WsMeasureStatus  ws_measure_get_status             (WsMeasure       *self);
void             ws_measure_set_status             (WsMeasure       *self,
                                                    WsMeasureStatus  status);
const char      *ws_measure_get_requested_by       (WsMeasure       *self);
void             ws_measure_set_requested_by       (WsMeasure       *self,
                                                    const char      *requested_by);
const char      *ws_measure_get_applied_on         (WsMeasure       *self);
void             ws_measure_set_applied_on         (WsMeasure       *self,
                                                    const char      *date);
const char      *ws_measure_get_decided_by         (WsMeasure       *self);
void             ws_measure_set_decided_by         (WsMeasure       *self,
                                                    const char      *decided_by);
const char      *ws_measure_get_decided_on         (WsMeasure       *self);
void             ws_measure_set_decided_on         (WsMeasure       *self,
                                                    const char      *date);
const char      *ws_measure_get_legal_basis        (WsMeasure       *self);
void             ws_measure_set_legal_basis        (WsMeasure       *self,
                                                    const char      *legal_basis);
const char      *ws_measure_get_refusal_reason     (WsMeasure       *self);
void             ws_measure_set_refusal_reason     (WsMeasure       *self,
                                                    const char      *reason);
const char      *ws_measure_get_defence_position   (WsMeasure       *self);
void             ws_measure_set_defence_position   (WsMeasure       *self,
                                                    const char      *position);
const char      *ws_measure_get_booking_reference  (WsMeasure       *self);
void             ws_measure_set_booking_reference  (WsMeasure       *self,
                                                    const char      *reference);
const char      *ws_measure_get_notes              (WsMeasure       *self);
void             ws_measure_set_notes              (WsMeasure       *self,
                                                    const char      *notes);
const char      *ws_measure_get_alternative        (WsMeasure       *self);
void             ws_measure_set_alternative        (WsMeasure       *self,
                                                    const char      *alternative);
const char      *ws_measure_get_pseudonym          (WsMeasure       *self);
const char      *ws_measure_get_case_reference     (WsMeasure       *self);
GDateTime       *ws_measure_get_hearing_starts_at  (WsMeasure       *self);
const char      *ws_measure_get_hearing_zone       (WsMeasure       *self);
WsReadiness      ws_measure_get_readiness          (WsMeasure       *self);
WsArrangedBy     ws_measure_get_arranged_by        (WsMeasure       *self);
void             ws_measure_validate               (WsMeasure       *self,
                                                    GPtrArray       *problems);

/* ------------------------------------------------------------------ */
/* One step of a measure's history                                     */

#define WS_TYPE_MEASURE_CHANGE (ws_measure_change_get_type ())

G_DECLARE_FINAL_TYPE (WsMeasureChange, ws_measure_change, WS, MEASURE_CHANGE, GObject)

gint64           ws_measure_change_get_id          (WsMeasureChange *self);
gint64           ws_measure_change_get_measure_id  (WsMeasureChange *self);
WsMeasureStatus  ws_measure_change_get_status      (WsMeasureChange *self);
GDateTime       *ws_measure_change_get_changed_at  (WsMeasureChange *self);
const char      *ws_measure_change_get_changed_by  (WsMeasureChange *self);
const char      *ws_measure_change_get_note        (WsMeasureChange *self);
gboolean         ws_measure_change_is_automatic    (WsMeasureChange *self);

/* ------------------------------------------------------------------ */
/* Whom a witness must not see or meet                                 */

#define WS_TYPE_SCREENING (ws_screening_get_type ())

G_DECLARE_FINAL_TYPE (WsScreening, ws_screening, WS, SCREENING, GObject)

gint64           ws_screening_get_id               (WsScreening     *self);
gint64           ws_screening_get_person_id        (WsScreening     *self);
gint64           ws_screening_get_case_id          (WsScreening     *self);
gint64           ws_screening_get_accused_id       (WsScreening     *self);
const char      *ws_screening_get_accused_label    (WsScreening     *self);
const char      *ws_screening_get_pseudonym        (WsScreening     *self);
const char      *ws_screening_get_case_reference   (WsScreening     *self);
gboolean         ws_screening_is_every_accused     (WsScreening     *self);

/* ------------------------------------------------------------------ */
/* The store                                                           */

GPtrArray   *ws_database_list_measures_of_case     (WsDatabase       *db,
                                                    gint64            case_id,
                                                    GError          **error);
GPtrArray   *ws_database_list_measures_of_person   (WsDatabase       *db,
                                                    gint64            person_id,
                                                    GError          **error);
GPtrArray   *ws_database_list_measures_of_hearing  (WsDatabase       *db,
                                                    gint64            hearing_id,
                                                    GError          **error);
WsMeasure   *ws_database_get_measure               (WsDatabase       *db,
                                                    gint64            id,
                                                    GError          **error);
void         ws_database_check_measure             (WsDatabase       *db,
                                                    WsMeasure        *measure,
                                                    GPtrArray        *problems);
gboolean     ws_database_save_measure              (WsDatabase       *db,
                                                    WsMeasure        *measure,
                                                    GError          **error);
gboolean     ws_database_delete_measure            (WsDatabase       *db,
                                                    gint64            id,
                                                    GError          **error);
gboolean     ws_database_change_measure_status     (WsDatabase       *db,
                                                    WsMeasure        *measure,
                                                    WsMeasureStatus   status,
                                                    const char       *note,
                                                    GError          **error);
GPtrArray   *ws_database_list_measure_history      (WsDatabase       *db,
                                                    gint64            measure_id,
                                                    GError          **error);
gboolean     ws_database_propose_child_aids        (WsDatabase       *db,
                                                    gint64            case_id,
                                                    gint64            person_id,
                                                    guint            *n_proposed,
                                                    GError          **error);

GPtrArray   *ws_database_list_screenings           (WsDatabase       *db,
                                                    gint64            person_id,
                                                    gint64            case_id,
                                                    GError          **error);
gboolean     ws_database_add_screening             (WsDatabase       *db,
                                                    gint64            person_id,
                                                    gint64            case_id,
                                                    const char       *accused_label,
                                                    gint64           *id,
                                                    GError          **error);
gboolean     ws_database_remove_screening          (WsDatabase       *db,
                                                    gint64            id,
                                                    GError          **error);

G_END_DECLS
