/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ws-types.h"

G_BEGIN_DECLS

#define WS_TYPE_PERSON (ws_person_get_type ())

G_DECLARE_FINAL_TYPE (WsPerson, ws_person, WS, PERSON, GObject)

WsPerson            *ws_person_new                   (void);
WsPerson            *ws_person_copy                  (WsPerson    *self);
gint64               ws_person_get_id                (WsPerson    *self);
const char          *ws_person_get_pseudonym         (WsPerson    *self);
void                 ws_person_set_pseudonym         (WsPerson    *self,
                                                      const char  *pseudonym);
WsGender             ws_person_get_gender            (WsPerson    *self);
void                 ws_person_set_gender            (WsPerson    *self,
                                                      WsGender     gender);
gboolean             ws_person_get_gender_in_summary (WsPerson    *self);
void                 ws_person_set_gender_in_summary (WsPerson    *self,
                                                      gboolean     shown);
WsInterpreterGender  ws_person_get_interpreter_gender (WsPerson   *self);
void                 ws_person_set_interpreter_gender (WsPerson   *self,
                                                       WsInterpreterGender gender);
WsVulnerability      ws_person_get_vulnerability     (WsPerson    *self);
void                 ws_person_set_vulnerability     (WsPerson    *self,
                                                      WsVulnerability flags);
WsAgeStatus          ws_person_get_age_status        (WsPerson    *self);
void                 ws_person_set_age_status        (WsPerson    *self,
                                                      WsAgeStatus  status);
const char          *ws_person_get_age_assessed_on   (WsPerson    *self);
void                 ws_person_set_age_assessed_on   (WsPerson    *self,
                                                      const char  *date);
WsRiskLevel          ws_person_get_risk_level        (WsPerson    *self);
void                 ws_person_set_risk_level        (WsPerson    *self,
                                                      WsRiskLevel  level);
WsPhase              ws_person_get_phase             (WsPerson    *self);
void                 ws_person_set_phase             (WsPerson    *self,
                                                      WsPhase      phase);
WsPersonStatus       ws_person_get_status            (WsPerson    *self);
void                 ws_person_set_status            (WsPerson    *self,
                                                      WsPersonStatus status);
const char          *ws_person_get_first_contact_on  (WsPerson    *self);
void                 ws_person_set_first_contact_on  (WsPerson    *self,
                                                      const char  *date);
const char          *ws_person_get_zone              (WsPerson    *self);
void                 ws_person_set_zone              (WsPerson    *self,
                                                      const char  *zone);
const char          *ws_person_get_notes             (WsPerson    *self);
void                 ws_person_set_notes             (WsPerson    *self,
                                                      const char  *notes);
const char * const  *ws_person_get_languages         (WsPerson    *self);
void                 ws_person_set_languages         (WsPerson    *self,
                                                      const char * const *languages);
const char * const  *ws_person_get_case_references   (WsPerson    *self);
char                *ws_person_dup_languages_text    (WsPerson    *self);
gboolean             ws_person_is_child              (WsPerson    *self);
gboolean             ws_person_matches               (WsPerson    *self,
                                                      const char  *folded_query);
void                 ws_person_validate              (WsPerson    *self,
                                                      GPtrArray   *problems);

G_END_DECLS
