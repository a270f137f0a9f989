/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Values are stored in the database and the exchange format by their
 * nick (see ws-enums.h), so never renumber or rename a nick. */

typedef enum {
  WS_ROLE_OFFICER,        /*< nick=officer >*/
  WS_ROLE_PROSECUTOR,     /*< nick=prosecutor >*/
  WS_ROLE_INTERPRETER,    /*< nick=interpreter >*/
  WS_ROLE_ADMINISTRATOR,  /*< nick=administrator >*/
} WsRole;

typedef enum {
  WS_GENDER_UNSPECIFIED,        /*< nick=unspecified >*/
  WS_GENDER_FEMALE,             /*< nick=female >*/
  WS_GENDER_MALE,               /*< nick=male >*/
  WS_GENDER_NON_BINARY,         /*< nick=non-binary >*/
  WS_GENDER_SELF_DESCRIBED,     /*< nick=self-described >*/
  WS_GENDER_PREFER_NOT_TO_SAY,  /*< nick=prefer-not-to-say >*/
} WsGender;

typedef enum {
  WS_INTERPRETER_GENDER_ANY,     /*< nick=any >*/
  WS_INTERPRETER_GENDER_FEMALE,  /*< nick=female >*/
  WS_INTERPRETER_GENDER_MALE,    /*< nick=male >*/
} WsInterpreterGender;

typedef enum { /*< flags >*/
  WS_VULNERABILITY_NONE              = 0,       /*< nick=none >*/
  WS_VULNERABILITY_DISABILITY        = 1 << 0,  /*< nick=disability >*/
  WS_VULNERABILITY_HEALTH            = 1 << 1,  /*< nick=health >*/
  WS_VULNERABILITY_PREGNANT          = 1 << 2,  /*< nick=pregnant >*/
  WS_VULNERABILITY_TRAUMA            = 1 << 3,  /*< nick=trauma >*/
  WS_VULNERABILITY_INTIMIDATED       = 1 << 4,  /*< nick=intimidated >*/
  WS_VULNERABILITY_LITERACY          = 1 << 5,  /*< nick=literacy >*/
  WS_VULNERABILITY_DEPENDANTS        = 1 << 6,  /*< nick=dependants >*/
  WS_VULNERABILITY_IRREGULAR_STATUS  = 1 << 7,  /*< nick=irregular-status >*/
} WsVulnerability;

typedef enum {
  WS_AGE_STATUS_ADULT,           /*< nick=adult >*/
  WS_AGE_STATUS_PRESUMED_CHILD,  /*< nick=presumed-child >*/
  WS_AGE_STATUS_CHILD,           /*< nick=child >*/
} WsAgeStatus;

typedef enum {
  WS_RISK_LEVEL_UNKNOWN,  /*< nick=unknown >*/
  WS_RISK_LEVEL_LOW,      /*< nick=low >*/
  WS_RISK_LEVEL_MEDIUM,   /*< nick=medium >*/
  WS_RISK_LEVEL_HIGH,     /*< nick=high >*/
} WsRiskLevel;

typedef enum {
  WS_PHASE_INITIAL,        /*< nick=initial >*/
  WS_PHASE_INVESTIGATION,  /*< nick=investigation >*/
  WS_PHASE_TRIAL,          /*< nick=trial >*/
  WS_PHASE_POST_TRIAL,     /*< nick=post-trial >*/
  WS_PHASE_SUSTAINABLE,    /*< nick=sustainable >*/
} WsPhase;

typedef enum {
  WS_PERSON_STATUS_ACTIVE,  /*< nick=active >*/
  WS_PERSON_STATUS_CLOSED,  /*< nick=closed >*/
} WsPersonStatus;

typedef enum {
  WS_CASE_STAGE_INVESTIGATION,  /*< nick=investigation >*/
  WS_CASE_STAGE_PRE_TRIAL,      /*< nick=pre-trial >*/
  WS_CASE_STAGE_TRIAL,          /*< nick=trial >*/
  WS_CASE_STAGE_VERDICT,        /*< nick=verdict >*/
  WS_CASE_STAGE_APPEAL,         /*< nick=appeal >*/
  WS_CASE_STAGE_CLOSED,         /*< nick=closed >*/
} WsCaseStage;

typedef enum {
  WS_PARTY_ROLE_VICTIM_WITNESS,  /*< nick=victim-witness >*/
  WS_PARTY_ROLE_WITNESS,         /*< nick=witness >*/
  WS_PARTY_ROLE_VICTIM,          /*< nick=victim >*/
} WsPartyRole;

typedef enum {
  WS_EXPLOITATION_SEXUAL,              /*< nick=sexual >*/
  WS_EXPLOITATION_LABOUR,              /*< nick=labour >*/
  WS_EXPLOITATION_DOMESTIC_SERVITUDE,  /*< nick=domestic-servitude >*/
  WS_EXPLOITATION_FORCED_BEGGING,      /*< nick=forced-begging >*/
  WS_EXPLOITATION_FORCED_CRIMINALITY,  /*< nick=forced-criminality >*/
  WS_EXPLOITATION_FORCED_MARRIAGE,     /*< nick=forced-marriage >*/
  WS_EXPLOITATION_ORGAN_REMOVAL,       /*< nick=organ-removal >*/
  WS_EXPLOITATION_OTHER,               /*< nick=other >*/
} WsExploitation;

const char *ws_role_get_label                (WsRole              role);
const char *ws_gender_get_label              (WsGender            gender);
const char *ws_interpreter_gender_get_label  (WsInterpreterGender gender);
const char *ws_vulnerability_get_label       (WsVulnerability     flag);
const char *ws_age_status_get_label          (WsAgeStatus         status);
const char *ws_risk_level_get_label          (WsRiskLevel         level);
const char *ws_phase_get_label               (WsPhase             phase);
const char *ws_person_status_get_label       (WsPersonStatus      status);
const char *ws_case_stage_get_label          (WsCaseStage         stage);
const char *ws_party_role_get_label          (WsPartyRole         role);
const char *ws_exploitation_get_label        (WsExploitation      form);

const char *ws_enum_to_nick                  (GType               type,
                                              int                 value);
gboolean    ws_enum_from_nick                (GType               type,
                                              const char         *nick,
                                              int                *value);
char       *ws_flags_to_nicks                (GType               type,
                                              guint               value);
gboolean    ws_flags_from_nicks              (GType               type,
                                              const char         *nicks,
                                              guint              *value);
gboolean    ws_role_can_read_identity        (WsRole              role);

G_END_DECLS
