/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "ws-plan.h"

G_BEGIN_DECLS

/* The plan's records share one representation: a GObject whose fields
 * are an array of values described by a table, so properties, loading
 * from a row and copying are written once. The store selects columns in
 * the order of these indices. */

enum { NEED_CODE, NEED_CATEGORY, NEED_TITLE, NEED_BUILTIN, NEED_N };
enum { AGENCY_ID, AGENCY_NAME, AGENCY_KIND, AGENCY_CONTACT, AGENCY_N };
enum {
  ITEM_ID, ITEM_PERSON_ID, ITEM_NEED_CODE, ITEM_NEED_TITLE, ITEM_PHASE, ITEM_OFFERED_ON,
  ITEM_CONSENT, ITEM_AGENCY_ID, ITEM_AGENCY_NAME, ITEM_OWNER, ITEM_DUE_ON, ITEM_STATUS,
  ITEM_NOTES, ITEM_N
};
enum {
  PHASE_ID, PHASE_PERSON_ID, PHASE_PHASE, PHASE_BEGAN_AT, PHASE_MOVED_BY, PHASE_NOTE,
  PHASE_ASSESSMENT_DUE, PHASE_N
};
enum {
  CHECK_ID, CHECK_PERSON_ID, CHECK_TRACK, CHECK_CODE, CHECK_TITLE, CHECK_STATE, CHECK_DONE_ON,
  CHECK_DONE_BY, CHECK_REASON, CHECK_N
};
enum {
  CONSENT_ID, CONSENT_PERSON_ID, CONSENT_RECIPIENT, CONSENT_PURPOSE, CONSENT_GIVEN_ON,
  CONSENT_EXPIRES_ON, CONSENT_WITHDRAWN_ON, CONSENT_NOTES, CONSENT_N
};
enum {
  REFERRAL_ID, REFERRAL_PERSON_ID, REFERRAL_AGENCY_ID, REFERRAL_AGENCY_NAME, REFERRAL_PURPOSE,
  REFERRAL_REFERRED_ON, REFERRAL_CONSENT_ID, REFERRAL_OVERRIDE, REFERRAL_N
};
enum {
  RISK_ID, RISK_PERSON_ID, RISK_ASSESSED_ON, RISK_LEVEL, RISK_THREATS, RISK_ASSESSED_BY,
  RISK_NEXT_REVIEW, RISK_N
};
enum {
  REFLECTION_ID, REFLECTION_PERSON_ID, REFLECTION_STARTS_ON, REFLECTION_DAYS,
  REFLECTION_VISA_STATUS, REFLECTION_ENDS_ON, REFLECTION_N
};
enum {
  INFO_ID, INFO_PERSON_ID, INFO_GIVEN_ON, INFO_TOPIC, INFO_LANGUAGE, INFO_MODE, INFO_NOTES, INFO_N
};
enum {
  BENEFIT_ID, BENEFIT_PERSON_ID, BENEFIT_GIVEN_ON, BENEFIT_KIND, BENEFIT_AMOUNT, BENEFIT_CURRENCY,
  BENEFIT_REASON, BENEFIT_DISCLOSABLE, BENEFIT_N
};
enum {
  VERDICT_CASE_ID, VERDICT_GIVEN_ON, VERDICT_OUTCOME, VERDICT_SENTENCE, VERDICT_MONTHS,
  VERDICT_RELEASE_ON, VERDICT_APPEAL_BY, VERDICT_N
};
enum {
  OUTCOME_PARTY_ID, OUTCOME_CASE_ID, OUTCOME_PERSON_ID, OUTCOME_CASE_REFERENCE, OUTCOME_LABEL,
  OUTCOME_VERDICT_ON, OUTCOME_TOLD_ON, OUTCOME_IMPACT, OUTCOME_N
};
enum {
  CLAIM_ID, CLAIM_PERSON_ID, CLAIM_CASE_ID, CLAIM_CASE_REFERENCE, CLAIM_HEAD, CLAIM_ROUTE,
  CLAIM_CLAIMED, CLAIM_AWARDED, CLAIM_CURRENCY, CLAIM_STATUS, CLAIM_N
};

/* Any record type of ws-plan.h. */
gpointer     _ws_record_new          (GType          type);
const char  *_ws_record_get_string   (gpointer       record,
                                      guint          field);
void         _ws_record_set_string   (gpointer       record,
                                      guint          field,
                                      const char    *value);
gint64       _ws_record_get_int      (gpointer       record,
                                      guint          field);
void         _ws_record_set_int      (gpointer       record,
                                      guint          field,
                                      gint64         value);
/* Fills every field from consecutive columns of @stmt: text for strings,
 * dates and instants, the nick for enumerations, integers otherwise. */
gpointer     _ws_record_from_row     (GType          type,
                                      sqlite3_stmt  *stmt);
/* A field as stored: the nick of an enumeration, 0/1 for a boolean. */
void         _ws_record_bind         (gpointer       record,
                                      guint          field,
                                      sqlite3_stmt  *stmt,
                                      int            index);
gpointer     _ws_record_copy         (gpointer       record);
void         _ws_record_update_from  (gpointer       dst,
                                      gpointer       src);
/* Which fields differ, as "name, name" for change history; NULL if none. */
char        *_ws_record_diff         (gpointer       before,
                                      gpointer       after);

/* The shipped checklists. */
typedef struct {
  const char *code;
  const char *title;  /* msgid */
} WsCheckTemplate;

const WsCheckTemplate *_ws_track_get_template (WsTrack       track,
                                               guint        *n_items);
const char            *_ws_check_translate    (WsTrack       track,
                                               const char   *code,
                                               const char   *stored);

/* The shipped catalogue of needs (codes and msgids, as seeded by
 * ws-schema-plans.sql). */
typedef struct {
  const char *code;
  const char *category;
  const char *title;  /* msgid */
} WsNeedTemplate;

const WsNeedTemplate *_ws_needs_get_builtin  (guint        *n_needs);
/* A shipped need's title in the reader's language; others as stored. */
const char           *_ws_need_translate     (const char   *code,
                                              const char   *stored);

/* Called by the person store inside its transaction after a person is
 * written: starts the plan of a new person (phase timeline and the
 * opening and phase checklists), records a phase changed in the person
 * editor and adds the child track for a child. */
gboolean     _ws_plan_sync_person    (WsDatabase    *db,
                                      gint64         person_id,
                                      gboolean       is_new,
                                      GError       **error);

G_END_DECLS
