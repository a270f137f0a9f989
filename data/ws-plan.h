/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-database.h"
#include "ws-types.h"

G_BEGIN_DECLS

/* A witness's support plan (DOMAIN.md, "Phases of a support plan" and
 * "Catalogue of needs and services"): needs and services, phases,
 * checklists, consent and referrals, risk, the reflection period, the
 * information log, the benefits ledger and what follows the verdict.
 *
 * Conventions, as in the rest of the data layer:
 * - dates are plain 'YYYY-MM-DD' strings (NULL when not set); instants
 *   are GDateTime in UTC;
 * - money is gint64 minor units with an ISO 4217 currency code;
 * - ids are > 0 once saved, 0 for a record not yet saved; an optional
 *   link (agency, case, consent) is 0 when absent;
 * - every list returns a GPtrArray of new references (free function set),
 *   empty when there is nothing; reads need READ_PLAN (READ_RISK for risk
 *   assessments, READ_BENEFITS for benefits, READ_CASES for verdicts and
 *   party outcomes) and writes the matching EDIT_ permission; a role that
 *   may not gets WS_DATABASE_ERROR_PERMISSION;
 * - ws_database_check_*() adds WsProblem (ws-text.h) entries by field
 *   name, in the user's words, so an editor can show each beside its
 *   field; ws_database_save_*() runs the same checks, fails with
 *   WS_DATABASE_ERROR_INVALID and the first message, saves nothing when it
 *   fails, records change history and sets the id of a new record (and
 *   its loaded names) when it succeeds. Like the other stores, it does
 *   not emit WsDatabase::changed: the caller does, on the main thread.
 * Field names used in problems are given beside each check function. */

/* ------------------------------------------------------------------ */
/* Enumerations, stored by nick                                        */

typedef enum {
  WS_ITEM_STATUS_PLANNED,      /*< nick=planned >*/
  WS_ITEM_STATUS_IN_PROGRESS,  /*< nick=in-progress >*/
  WS_ITEM_STATUS_DONE,         /*< nick=done >*/
  WS_ITEM_STATUS_CANCELLED,    /*< nick=cancelled >*/
} WsItemStatus;

/* Whether the witness accepted a service that was offered. */
typedef enum {
  WS_ITEM_CONSENT_NOT_ASKED,  /*< nick=not-asked >*/
  WS_ITEM_CONSENT_ACCEPTED,   /*< nick=accepted >*/
  WS_ITEM_CONSENT_DECLINED,   /*< nick=declined >*/
} WsItemConsent;

/* The checklists of DOMAIN.md, in the order a plan shows them. */
typedef enum {
  WS_TRACK_OPENING,     /*< nick=opening >*/
  WS_TRACK_INITIAL,     /*< nick=initial >*/
  WS_TRACK_CHILD,       /*< nick=child >*/
  WS_TRACK_PRE_TRIAL,   /*< nick=pre-trial >*/
  WS_TRACK_TRIAL,       /*< nick=trial >*/
  WS_TRACK_POST_TRIAL,  /*< nick=post-trial >*/
} WsTrack;

typedef enum {
  WS_CHECKLIST_STATE_OPEN,            /*< nick=open >*/
  WS_CHECKLIST_STATE_DONE,            /*< nick=done >*/
  WS_CHECKLIST_STATE_NOT_APPLICABLE,  /*< nick=not-applicable >*/
} WsChecklistState;

typedef enum {
  WS_VISA_STATUS_NONE,     /*< nick=none >*/
  WS_VISA_STATUS_APPLIED,  /*< nick=applied >*/
  WS_VISA_STATUS_GRANTED,  /*< nick=granted >*/
  WS_VISA_STATUS_REFUSED,  /*< nick=refused >*/
  WS_VISA_STATUS_EXPIRED,  /*< nick=expired >*/
} WsVisaStatus;

typedef enum {
  WS_INFORMATION_MODE_ORAL,              /*< nick=oral >*/
  WS_INFORMATION_MODE_WRITTEN,           /*< nick=written >*/
  WS_INFORMATION_MODE_ORAL_AND_WRITTEN,  /*< nick=oral-and-written >*/
} WsInformationMode;

typedef enum {
  WS_IMPACT_STATEMENT_NOT_OFFERED,  /*< nick=not-offered >*/
  WS_IMPACT_STATEMENT_OFFERED,      /*< nick=offered >*/
  WS_IMPACT_STATEMENT_DECLINED,     /*< nick=declined >*/
  WS_IMPACT_STATEMENT_MADE,         /*< nick=made >*/
} WsImpactStatement;

typedef enum {
  WS_CLAIM_STATUS_PLANNED,  /*< nick=planned >*/
  WS_CLAIM_STATUS_FILED,    /*< nick=filed >*/
  WS_CLAIM_STATUS_AWARDED,  /*< nick=awarded >*/
  WS_CLAIM_STATUS_REFUSED,  /*< nick=refused >*/
  WS_CLAIM_STATUS_PAID,     /*< nick=paid >*/
} WsClaimStatus;

/* Heads and routes of compensation (DOMAIN.md, "Compensation"). */
typedef enum {
  WS_CLAIM_HEAD_UNPAID_WAGES,        /*< nick=unpaid-wages >*/
  WS_CLAIM_HEAD_LEGAL_FEES,          /*< nick=legal-fees >*/
  WS_CLAIM_HEAD_MEDICAL_COSTS,       /*< nick=medical-costs >*/
  WS_CLAIM_HEAD_LOST_OPPORTUNITIES,  /*< nick=lost-opportunities >*/
  WS_CLAIM_HEAD_PAIN_AND_SUFFERING,  /*< nick=pain-and-suffering >*/
} WsClaimHead;

typedef enum {
  WS_CLAIM_ROUTE_CRIMINAL_ORDER,  /*< nick=criminal-order >*/
  WS_CLAIM_ROUTE_CIVIL_ACTION,    /*< nick=civil-action >*/
  WS_CLAIM_ROUTE_LABOUR_CLAIM,    /*< nick=labour-claim >*/
  WS_CLAIM_ROUTE_STATE_SCHEME,    /*< nick=state-scheme >*/
  WS_CLAIM_ROUTE_TRUST_FUND,      /*< nick=trust-fund >*/
} WsClaimRoute;

const char *ws_item_status_get_label         (WsItemStatus       status);
const char *ws_item_consent_get_label        (WsItemConsent      consent);
const char *ws_track_get_label               (WsTrack            track);
const char *ws_checklist_state_get_label     (WsChecklistState   state);
const char *ws_visa_status_get_label         (WsVisaStatus       status);
const char *ws_information_mode_get_label    (WsInformationMode  mode);
const char *ws_impact_statement_get_label    (WsImpactStatement  statement);
const char *ws_claim_status_get_label        (WsClaimStatus      status);
const char *ws_claim_head_get_label          (WsClaimHead        head);
const char *ws_claim_route_get_label         (WsClaimRoute       route);

/* The track whose checklist begins with a phase; FALSE for the
 * sustainable-solutions phase, which has none of its own. */
gboolean    ws_track_for_phase               (WsPhase            phase,
                                              WsTrack           *track);

/* ------------------------------------------------------------------ */
/* Money                                                               */

/* "1,234.50 EUR" in the current locale; amounts are minor units (cents). */
char       *ws_money_format                  (gint64             amount_minor,
                                              const char        *currency);
/* Accepts "12", "12.5", "12.50", "1,234.50" (and the locale's decimal
 * mark); FALSE for anything else, a negative amount or more than two
 * decimals. */
gboolean    ws_money_parse                   (const char        *text,
                                              gint64            *amount_minor);
/* Three capital letters. */
gboolean    ws_currency_is_valid             (const char        *currency);

/* ------------------------------------------------------------------ */
/* Process-wide plan settings (the application sets them from GSettings)*/

#define WS_REFLECTION_DEFAULT_DAYS 60
#define WS_REFLECTION_MIN_DAYS     1
#define WS_REFLECTION_MAX_DAYS     3650

/* What a new reflection period lasts unless the officer changes it;
 * outside 1..3650 it is ignored. */
void        ws_plan_set_default_reflection_days (guint           days);
guint       ws_plan_get_default_reflection_days (void);

/* ------------------------------------------------------------------ */
/* The catalogue of needs and services                                 */

/* Categories of DOMAIN.md, by stable code ("basic", "health",
 * "information", "language", "legal", "justice", "family", "economic",
 * "children", "durable", "compensation"), in the order pickers show. */
const char * const *ws_need_categories_get_all (void);
const char         *ws_need_category_get_label (const char *category);

#define WS_TYPE_NEED (ws_need_get_type ())

G_DECLARE_FINAL_TYPE (WsNeed, ws_need, WS, NEED, GObject)

/* Properties: "code", "category", "title" (translated), "builtin". */
WsNeed     *ws_need_new                      (void);
const char *ws_need_get_code                 (WsNeed      *self);
void        ws_need_set_code                 (WsNeed      *self,
                                              const char  *code);
const char *ws_need_get_category             (WsNeed      *self);
void        ws_need_set_category             (WsNeed      *self,
                                              const char  *category);
/* Shipped needs are translated; an administrator's own are shown as typed. */
const char *ws_need_get_title                (WsNeed      *self);
void        ws_need_set_title                (WsNeed      *self,
                                              const char  *title);
gboolean    ws_need_get_builtin              (WsNeed      *self);
/* Fields: "code", "category", "title". */
void        ws_need_validate                 (WsNeed      *self,
                                              GPtrArray   *problems);

/* Ordered by category (catalogue order) then title. READ_PLAN. */
GPtrArray  *ws_database_list_needs           (WsDatabase  *db,
                                              GError     **error);
WsNeed     *ws_database_get_need             (WsDatabase  *db,
                                              const char  *code,
                                              GError     **error);
/* Also: "code" already in use (new need); shipped needs cannot be edited. */
void        ws_database_check_need           (WsDatabase  *db,
                                              WsNeed      *need,
                                              gboolean     is_new,
                                              GPtrArray   *problems);
/* MANAGE_CATALOGUES. Adds (is_new) or edits an administrator's need. */
gboolean    ws_database_save_need            (WsDatabase  *db,
                                              WsNeed      *need,
                                              gboolean     is_new,
                                              GError     **error);
/* MANAGE_CATALOGUES. Refused for shipped needs and needs in use. */
gboolean    ws_database_delete_need          (WsDatabase  *db,
                                              const char  *code,
                                              GError     **error);

/* ------------------------------------------------------------------ */
/* The agency directory                                                */

#define WS_TYPE_AGENCY (ws_agency_get_type ())

G_DECLARE_FINAL_TYPE (WsAgency, ws_agency, WS, AGENCY, GObject)

/* Properties: "id", "name", "kind", "contact". */
WsAgency   *ws_agency_new                    (void);
gint64      ws_agency_get_id                 (WsAgency    *self);
const char *ws_agency_get_name               (WsAgency    *self);
void        ws_agency_set_name               (WsAgency    *self,
                                              const char  *name);
const char *ws_agency_get_kind               (WsAgency    *self);
void        ws_agency_set_kind               (WsAgency    *self,
                                              const char  *kind);
const char *ws_agency_get_contact            (WsAgency    *self);
void        ws_agency_set_contact            (WsAgency    *self,
                                              const char  *contact);
/* Fields: "name". */
void        ws_agency_validate               (WsAgency    *self,
                                              GPtrArray   *problems);

/* Reading needs READ_PLAN; writing MANAGE_DIRECTORY. Ordered by name. */
GPtrArray  *ws_database_list_agencies        (WsDatabase  *db,
                                              GError     **error);
WsAgency   *ws_database_get_agency           (WsDatabase  *db,
                                              gint64       id,
                                              GError     **error);
/* Also: "name" already in use. */
void        ws_database_check_agency         (WsDatabase  *db,
                                              WsAgency    *agency,
                                              GPtrArray   *problems);
gboolean    ws_database_save_agency          (WsDatabase  *db,
                                              WsAgency    *agency,
                                              GError     **error);
/* Refused while a referral names the agency; support items lose it. */
gboolean    ws_database_delete_agency        (WsDatabase  *db,
                                              gint64       id,
                                              GError     **error);

/* ------------------------------------------------------------------ */
/* Needs and services in a plan                                        */

#define WS_TYPE_SUPPORT_ITEM (ws_support_item_get_type ())

G_DECLARE_FINAL_TYPE (WsSupportItem, ws_support_item, WS, SUPPORT_ITEM, GObject)

/* Properties: "id", "person-id", "need-code", "need-title", "phase",
 * "offered-on", "consent", "agency-id", "agency-name", "owner", "due-on",
 * "status", "notes". need-title and agency-name are filled when loaded. */
WsSupportItem *ws_support_item_new           (gint64          person_id);
WsSupportItem *ws_support_item_copy          (WsSupportItem  *self);
gint64      ws_support_item_get_id           (WsSupportItem  *self);
gint64      ws_support_item_get_person_id    (WsSupportItem  *self);
const char *ws_support_item_get_need_code    (WsSupportItem  *self);
void        ws_support_item_set_need_code    (WsSupportItem  *self,
                                              const char     *code);
const char *ws_support_item_get_need_title   (WsSupportItem  *self);
WsPhase     ws_support_item_get_phase        (WsSupportItem  *self);
void        ws_support_item_set_phase        (WsSupportItem  *self,
                                              WsPhase         phase);
const char *ws_support_item_get_offered_on   (WsSupportItem  *self);
void        ws_support_item_set_offered_on   (WsSupportItem  *self,
                                              const char     *date);
WsItemConsent ws_support_item_get_consent    (WsSupportItem  *self);
void        ws_support_item_set_consent      (WsSupportItem  *self,
                                              WsItemConsent   consent);
gint64      ws_support_item_get_agency_id    (WsSupportItem  *self);
void        ws_support_item_set_agency_id    (WsSupportItem  *self,
                                              gint64          agency_id);
const char *ws_support_item_get_agency_name  (WsSupportItem  *self);
const char *ws_support_item_get_owner        (WsSupportItem  *self);
void        ws_support_item_set_owner        (WsSupportItem  *self,
                                              const char     *owner);
const char *ws_support_item_get_due_on       (WsSupportItem  *self);
void        ws_support_item_set_due_on       (WsSupportItem  *self,
                                              const char     *date);
WsItemStatus ws_support_item_get_status      (WsSupportItem  *self);
void        ws_support_item_set_status       (WsSupportItem  *self,
                                              WsItemStatus    status);
const char *ws_support_item_get_notes        (WsSupportItem  *self);
void        ws_support_item_set_notes        (WsSupportItem  *self,
                                              const char     *notes);
/* Due before @today and still planned or in progress. */
gboolean    ws_support_item_is_overdue       (WsSupportItem  *self,
                                              const GDate    *today);
/* Fields: "need", "offered-on", "due-on", "consent", "status". */
void        ws_support_item_validate         (WsSupportItem  *self,
                                              GPtrArray      *problems);

/* What ws_database_list_support_items() keeps. */
typedef enum { /*< flags >*/
  WS_ITEM_FILTER_NONE         = 0,       /*< nick=none >*/
  WS_ITEM_FILTER_PLANNED      = 1 << 0,  /*< nick=planned >*/
  WS_ITEM_FILTER_IN_PROGRESS  = 1 << 1,  /*< nick=in-progress >*/
  WS_ITEM_FILTER_DONE         = 1 << 2,  /*< nick=done >*/
  WS_ITEM_FILTER_CANCELLED    = 1 << 3,  /*< nick=cancelled >*/
  WS_ITEM_FILTER_OVERDUE      = 1 << 4,  /*< nick=overdue >*/
} WsItemFilter;

/* Statuses in @filter are OR-ed (none given = every status); OVERDUE
 * further keeps only items overdue on ws_time_today(). Ordered by due
 * date (undated last), then id. READ_PLAN. */
GPtrArray  *ws_database_list_support_items   (WsDatabase     *db,
                                              gint64          person_id,
                                              WsItemFilter    filter,
                                              GError        **error);
WsSupportItem *ws_database_get_support_item  (WsDatabase     *db,
                                              gint64          id,
                                              GError        **error);
/* Also: "need" unknown, "agency" gone, "person" gone. */
void        ws_database_check_support_item   (WsDatabase     *db,
                                              WsSupportItem  *item,
                                              GPtrArray      *problems);
gboolean    ws_database_save_support_item    (WsDatabase     *db,
                                              WsSupportItem  *item,
                                              GError        **error);
gboolean    ws_database_delete_support_item  (WsDatabase     *db,
                                              gint64          id,
                                              GError        **error);

/* ------------------------------------------------------------------ */
/* Phases                                                              */

#define WS_TYPE_PHASE_CHANGE (ws_phase_change_get_type ())

G_DECLARE_FINAL_TYPE (WsPhaseChange, ws_phase_change, WS, PHASE_CHANGE, GObject)

/* Properties: "id", "person-id", "phase", "began-at", "moved-by", "note",
 * "assessment-due". */
gint64      ws_phase_change_get_id           (WsPhaseChange  *self);
gint64      ws_phase_change_get_person_id    (WsPhaseChange  *self);
WsPhase     ws_phase_change_get_phase        (WsPhaseChange  *self);
GDateTime  *ws_phase_change_get_began_at     (WsPhaseChange  *self);
const char *ws_phase_change_get_moved_by     (WsPhaseChange  *self);
const char *ws_phase_change_get_note         (WsPhaseChange  *self);
/* TRUE on the result of ws_database_move_to_phase(): no risk assessment
 * has been made since the move, so one is now due (DOMAIN.md: "a risk
 * assessment is due at every phase change"). In a timeline, TRUE for the
 * latest change when no assessment follows it. */
gboolean    ws_phase_change_get_assessment_due (WsPhaseChange *self);

/* Oldest first. READ_PLAN. */
GPtrArray  *ws_database_list_phase_changes   (WsDatabase     *db,
                                              gint64          person_id,
                                              GError        **error);
/* Fields: "phase" (already in it), "note" (too long). */
void        ws_database_check_phase_move     (WsDatabase     *db,
                                              gint64          person_id,
                                              WsPhase         phase,
                                              const char     *note,
                                              GPtrArray      *problems);
/* EDIT_PLAN. In one transaction: records who moved the plan and when
 * (now by ws_time), sets the person's phase and adds the checklist of
 * the phase's track. Works for a person in no case at all. Returns the
 * new change, whose assessment-due is TRUE. */
WsPhaseChange *ws_database_move_to_phase     (WsDatabase     *db,
                                              gint64          person_id,
                                              WsPhase         phase,
                                              const char     *note,
                                              GError        **error);

/* ------------------------------------------------------------------ */
/* Checklists                                                          */

#define WS_TYPE_CHECKLIST_ITEM (ws_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (WsChecklistItem, ws_checklist_item, WS, CHECKLIST_ITEM, GObject)

/* Properties: "id", "person-id", "track", "code", "title" (translated),
 * "state", "done-on", "done-by", "reason". */
gint64           ws_checklist_item_get_id        (WsChecklistItem *self);
gint64           ws_checklist_item_get_person_id (WsChecklistItem *self);
WsTrack          ws_checklist_item_get_track     (WsChecklistItem *self);
const char      *ws_checklist_item_get_code      (WsChecklistItem *self);
const char      *ws_checklist_item_get_title     (WsChecklistItem *self);
WsChecklistState ws_checklist_item_get_state     (WsChecklistItem *self);
const char      *ws_checklist_item_get_done_on   (WsChecklistItem *self);
const char      *ws_checklist_item_get_done_by   (WsChecklistItem *self);
const char      *ws_checklist_item_get_reason    (WsChecklistItem *self);

/* Ordered by track, then the order the checklist is shipped in.
 * READ_PLAN. */
GPtrArray  *ws_database_list_checklist       (WsDatabase     *db,
                                              gint64          person_id,
                                              GError        **error);
/* Fields: "state", "date" (missing, malformed or in the future for
 * done), "reason" (required for not applicable). */
void        ws_checklist_check_state         (WsChecklistState state,
                                              const char     *date,
                                              const char     *reason,
                                              GPtrArray      *problems);
/* EDIT_PLAN. DONE records @date (NULL = today) and the current actor as
 * done-by; NOT_APPLICABLE needs @reason and records the actor and today;
 * OPEN reopens and clears date, actor and reason. */
gboolean    ws_database_set_checklist_state  (WsDatabase     *db,
                                              gint64          item_id,
                                              WsChecklistState state,
                                              const char     *date,
                                              const char     *reason,
                                              GError        **error);
/* EDIT_PLAN. Adds a track's checklist to a plan unless it is there;
 * @n_added (may be NULL) says how many items were new. Used by itself
 * when a plan starts, a phase begins or a person is saved as a child. */
gboolean    ws_database_add_track            (WsDatabase     *db,
                                              gint64          person_id,
                                              WsTrack         track,
                                              guint          *n_added,
                                              GError        **error);

/* ------------------------------------------------------------------ */
/* Consent and referrals                                               */

#define WS_TYPE_CONSENT (ws_consent_get_type ())

G_DECLARE_FINAL_TYPE (WsConsent, ws_consent, WS, CONSENT, GObject)

/* Properties: "id", "person-id", "recipient", "purpose", "given-on",
 * "expires-on", "withdrawn-on", "notes".
 * For a referral to be covered, recipient is the agency's name. */
WsConsent  *ws_consent_new                   (gint64          person_id);
WsConsent  *ws_consent_copy                  (WsConsent      *self);
gint64      ws_consent_get_id                (WsConsent      *self);
gint64      ws_consent_get_person_id         (WsConsent      *self);
const char *ws_consent_get_recipient         (WsConsent      *self);
void        ws_consent_set_recipient         (WsConsent      *self,
                                              const char     *recipient);
const char *ws_consent_get_purpose           (WsConsent      *self);
void        ws_consent_set_purpose           (WsConsent      *self,
                                              const char     *purpose);
const char *ws_consent_get_given_on          (WsConsent      *self);
void        ws_consent_set_given_on          (WsConsent      *self,
                                              const char     *date);
const char *ws_consent_get_expires_on        (WsConsent      *self);
void        ws_consent_set_expires_on        (WsConsent      *self,
                                              const char     *date);
const char *ws_consent_get_withdrawn_on      (WsConsent      *self);
void        ws_consent_set_withdrawn_on      (WsConsent      *self,
                                              const char     *date);
const char *ws_consent_get_notes             (WsConsent      *self);
void        ws_consent_set_notes             (WsConsent      *self,
                                              const char     *notes);
/* Given on or before @date, not expired before it (expiry day included),
 * not withdrawn on or before it. */
gboolean    ws_consent_is_valid_on           (WsConsent      *self,
                                              const GDate    *date);
/* Fields: "recipient", "purpose", "given-on", "expires-on", "withdrawn-on". */
void        ws_consent_validate              (WsConsent      *self,
                                              GPtrArray      *problems);

/* Newest given first. READ_PLAN. */
GPtrArray  *ws_database_list_consents        (WsDatabase     *db,
                                              gint64          person_id,
                                              GError        **error);
WsConsent  *ws_database_get_consent          (WsDatabase     *db,
                                              gint64          id,
                                              GError        **error);
void        ws_database_check_consent        (WsDatabase     *db,
                                              WsConsent      *consent,
                                              GPtrArray      *problems);
gboolean    ws_database_save_consent         (WsDatabase     *db,
                                              WsConsent      *consent,
                                              GError        **error);
/* EDIT_PLAN. Records the withdrawal (@date NULL = today); history kept. */
gboolean    ws_database_withdraw_consent     (WsDatabase     *db,
                                              gint64          id,
                                              const char     *date,
                                              GError        **error);
/* Refused while a referral relies on it. */
gboolean    ws_database_delete_consent       (WsDatabase     *db,
                                              gint64          id,
                                              GError        **error);
/* The consent that covers sharing with @agency_id for @purpose
 * (case-insensitive, trimmed) on @date ('YYYY-MM-DD'): *consent_id is set
 * to it, or 0 when none does (which is not an error). READ_PLAN. */
gboolean    ws_database_find_covering_consent (WsDatabase    *db,
                                               gint64         person_id,
                                               gint64         agency_id,
                                               const char    *purpose,
                                               const char    *date,
                                               gint64        *consent_id,
                                               GError       **error);

#define WS_TYPE_REFERRAL (ws_referral_get_type ())

G_DECLARE_FINAL_TYPE (WsReferral, ws_referral, WS, REFERRAL, GObject)

/* Properties: "id", "person-id", "agency-id", "agency-name", "purpose",
 * "referred-on", "consent-id", "override". */
WsReferral *ws_referral_new                  (gint64          person_id);
gint64      ws_referral_get_id               (WsReferral     *self);
gint64      ws_referral_get_person_id        (WsReferral     *self);
gint64      ws_referral_get_agency_id        (WsReferral     *self);
void        ws_referral_set_agency_id        (WsReferral     *self,
                                              gint64          agency_id);
const char *ws_referral_get_agency_name      (WsReferral     *self);
const char *ws_referral_get_purpose          (WsReferral     *self);
void        ws_referral_set_purpose          (WsReferral     *self,
                                              const char     *purpose);
const char *ws_referral_get_referred_on      (WsReferral     *self);
void        ws_referral_set_referred_on      (WsReferral     *self,
                                              const char     *date);
/* Set by the store when saved: the consent found to cover it, or 0. */
gint64      ws_referral_get_consent_id       (WsReferral     *self);
/* The written reason for referring without a covering consent. */
const char *ws_referral_get_override         (WsReferral     *self);
void        ws_referral_set_override         (WsReferral     *self,
                                              const char     *reason);
/* Fields: "agency", "purpose", "referred-on". */
void        ws_referral_validate             (WsReferral     *self,
                                              GPtrArray      *problems);

/* Newest first. READ_PLAN. */
GPtrArray  *ws_database_list_referrals       (WsDatabase     *db,
                                              gint64          person_id,
                                              GError        **error);
/* Also "consent": no valid consent covers the agency and purpose on the
 * referral date and no override reason is given. */
void        ws_database_check_referral       (WsDatabase     *db,
                                              WsReferral     *referral,
                                              GPtrArray      *problems);
/* EDIT_PLAN. Only new referrals (a referral is a record of something
 * that happened). Links the covering consent; without one, refuses
 * unless an override reason is given, and then writes an audit record
 * ("referral-override") naming the agency and purpose. */
gboolean    ws_database_save_referral        (WsDatabase     *db,
                                              WsReferral     *referral,
                                              GError        **error);

/* ------------------------------------------------------------------ */
/* Risk assessments                                                    */

#define WS_TYPE_RISK_ASSESSMENT (ws_risk_assessment_get_type ())

G_DECLARE_FINAL_TYPE (WsRiskAssessment, ws_risk_assessment, WS, RISK_ASSESSMENT, GObject)

/* Properties: "id", "person-id", "assessed-on", "level", "threats",
 * "assessed-by", "next-review". Level is LOW, MEDIUM or HIGH. */
WsRiskAssessment *ws_risk_assessment_new     (gint64            person_id);
WsRiskAssessment *ws_risk_assessment_copy    (WsRiskAssessment *self);
gint64      ws_risk_assessment_get_id        (WsRiskAssessment *self);
gint64      ws_risk_assessment_get_person_id (WsRiskAssessment *self);
const char *ws_risk_assessment_get_assessed_on (WsRiskAssessment *self);
void        ws_risk_assessment_set_assessed_on (WsRiskAssessment *self,
                                                const char       *date);
WsRiskLevel ws_risk_assessment_get_level     (WsRiskAssessment *self);
void        ws_risk_assessment_set_level     (WsRiskAssessment *self,
                                              WsRiskLevel       level);
const char *ws_risk_assessment_get_threats   (WsRiskAssessment *self);
void        ws_risk_assessment_set_threats   (WsRiskAssessment *self,
                                              const char       *threats);
const char *ws_risk_assessment_get_assessed_by (WsRiskAssessment *self);
void        ws_risk_assessment_set_assessed_by (WsRiskAssessment *self,
                                                const char       *who);
const char *ws_risk_assessment_get_next_review (WsRiskAssessment *self);
void        ws_risk_assessment_set_next_review (WsRiskAssessment *self,
                                                const char       *date);
/* Fields: "assessed-on" (required, not in the future), "level",
 * "assessed-by", "next-review" (not before assessed-on). */
void        ws_risk_assessment_validate      (WsRiskAssessment *self,
                                              GPtrArray        *problems);

/* Newest first. READ_RISK. */
GPtrArray  *ws_database_list_risk_assessments (WsDatabase      *db,
                                               gint64           person_id,
                                               GError         **error);
void        ws_database_check_risk_assessment (WsDatabase       *db,
                                               WsRiskAssessment *assessment,
                                               GPtrArray        *problems);
/* EDIT_RISK. The person's risk level follows the latest assessment
 * (by date, then id) in the same transaction. */
gboolean    ws_database_save_risk_assessment  (WsDatabase       *db,
                                               WsRiskAssessment *assessment,
                                               GError          **error);
gboolean    ws_database_delete_risk_assessment (WsDatabase      *db,
                                                gint64           id,
                                                GError         **error);

/* ------------------------------------------------------------------ */
/* Reflection and recovery period                                      */

#define WS_TYPE_REFLECTION_PERIOD (ws_reflection_period_get_type ())

G_DECLARE_FINAL_TYPE (WsReflectionPeriod, ws_reflection_period, WS, REFLECTION_PERIOD, GObject)

/* Properties: "id", "person-id", "starts-on", "days", "visa-status",
 * "ends-on" (read-only: the last day of the period). */
/* Lasts ws_plan_get_default_reflection_days() unless set otherwise. */
WsReflectionPeriod *ws_reflection_period_new (gint64              person_id);
gint64       ws_reflection_period_get_id     (WsReflectionPeriod *self);
gint64       ws_reflection_period_get_person_id (WsReflectionPeriod *self);
const char  *ws_reflection_period_get_starts_on (WsReflectionPeriod *self);
void         ws_reflection_period_set_starts_on (WsReflectionPeriod *self,
                                                 const char         *date);
guint        ws_reflection_period_get_days   (WsReflectionPeriod *self);
void         ws_reflection_period_set_days   (WsReflectionPeriod *self,
                                              guint               days);
WsVisaStatus ws_reflection_period_get_visa_status (WsReflectionPeriod *self);
void         ws_reflection_period_set_visa_status (WsReflectionPeriod *self,
                                                   WsVisaStatus        status);
/* The last day (start + days - 1); NULL while the start is not a date. */
char        *ws_reflection_period_dup_ends_on (WsReflectionPeriod *self);
/* Days left counting @today and the last day: the last day itself gives
 * 1, the day after 0 (never negative); before the start, the full
 * length. -1 while the start is not a date. */
int          ws_reflection_period_get_days_left (WsReflectionPeriod *self,
                                                 const GDate        *today);
/* Fields: "starts-on", "days" (1..3650), "visa-status". */
void         ws_reflection_period_validate   (WsReflectionPeriod *self,
                                              GPtrArray          *problems);

/* Newest start first. READ_PLAN. */
GPtrArray  *ws_database_list_reflection_periods (WsDatabase         *db,
                                                 gint64              person_id,
                                                 GError            **error);
/* The period with the latest start, or NULL (no error) when none. */
WsReflectionPeriod *ws_database_get_current_reflection_period (WsDatabase  *db,
                                                               gint64       person_id,
                                                               GError     **error);
void        ws_database_check_reflection_period (WsDatabase         *db,
                                                 WsReflectionPeriod *period,
                                                 GPtrArray          *problems);
gboolean    ws_database_save_reflection_period  (WsDatabase         *db,
                                                 WsReflectionPeriod *period,
                                                 GError            **error);
gboolean    ws_database_delete_reflection_period (WsDatabase        *db,
                                                  gint64             id,
                                                  GError           **error);

/* ------------------------------------------------------------------ */
/* Information log: the witness's right to be kept informed            */

#define WS_TYPE_INFORMATION_GIVEN (ws_information_given_get_type ())

G_DECLARE_FINAL_TYPE (WsInformationGiven, ws_information_given, WS, INFORMATION_GIVEN, GObject)

/* Properties: "id", "person-id", "given-on", "topic", "language", "mode",
 * "notes". */
WsInformationGiven *ws_information_given_new (gint64              person_id);
gint64      ws_information_given_get_id      (WsInformationGiven *self);
gint64      ws_information_given_get_person_id (WsInformationGiven *self);
const char *ws_information_given_get_given_on (WsInformationGiven *self);
void        ws_information_given_set_given_on (WsInformationGiven *self,
                                               const char         *date);
const char *ws_information_given_get_topic   (WsInformationGiven *self);
void        ws_information_given_set_topic   (WsInformationGiven *self,
                                              const char         *topic);
const char *ws_information_given_get_language (WsInformationGiven *self);
void        ws_information_given_set_language (WsInformationGiven *self,
                                               const char         *language);
WsInformationMode ws_information_given_get_mode (WsInformationGiven *self);
void        ws_information_given_set_mode    (WsInformationGiven *self,
                                              WsInformationMode   mode);
const char *ws_information_given_get_notes   (WsInformationGiven *self);
void        ws_information_given_set_notes   (WsInformationGiven *self,
                                              const char         *notes);
/* Fields: "given-on" (required, not in the future), "topic", "language". */
void        ws_information_given_validate    (WsInformationGiven *self,
                                              GPtrArray          *problems);

/* Newest first. READ_PLAN. */
GPtrArray  *ws_database_list_information     (WsDatabase         *db,
                                              gint64              person_id,
                                              GError            **error);
void        ws_database_check_information    (WsDatabase         *db,
                                              WsInformationGiven *info,
                                              GPtrArray          *problems);
gboolean    ws_database_save_information     (WsDatabase         *db,
                                              WsInformationGiven *info,
                                              GError            **error);
gboolean    ws_database_delete_information   (WsDatabase         *db,
                                              gint64              id,
                                              GError            **error);

/* ------------------------------------------------------------------ */
/* Benefits ledger: every benefit given, disclosable to the defence    */

#define WS_TYPE_BENEFIT (ws_benefit_get_type ())

G_DECLARE_FINAL_TYPE (WsBenefit, ws_benefit, WS, BENEFIT, GObject)

/* Properties: "id", "person-id", "given-on", "kind", "amount-minor",
 * "currency", "reason", "disclosable". Disclosable by default. */
WsBenefit  *ws_benefit_new                   (gint64          person_id);
gint64      ws_benefit_get_id                (WsBenefit      *self);
gint64      ws_benefit_get_person_id         (WsBenefit      *self);
const char *ws_benefit_get_given_on          (WsBenefit      *self);
void        ws_benefit_set_given_on          (WsBenefit      *self,
                                              const char     *date);
const char *ws_benefit_get_kind              (WsBenefit      *self);
void        ws_benefit_set_kind              (WsBenefit      *self,
                                              const char     *kind);
gint64      ws_benefit_get_amount_minor      (WsBenefit      *self);
void        ws_benefit_set_amount_minor      (WsBenefit      *self,
                                              gint64          amount_minor);
const char *ws_benefit_get_currency          (WsBenefit      *self);
void        ws_benefit_set_currency          (WsBenefit      *self,
                                              const char     *currency);
const char *ws_benefit_get_reason            (WsBenefit      *self);
void        ws_benefit_set_reason            (WsBenefit      *self,
                                              const char     *reason);
gboolean    ws_benefit_get_disclosable       (WsBenefit      *self);
void        ws_benefit_set_disclosable       (WsBenefit      *self,
                                              gboolean        disclosable);
/* Fields: "given-on", "kind", "amount" (negative), "currency", "reason". */
void        ws_benefit_validate              (WsBenefit      *self,
                                              GPtrArray      *problems);

/* Newest first. READ_BENEFITS. */
GPtrArray  *ws_database_list_benefits        (WsDatabase     *db,
                                              gint64          person_id,
                                              GError        **error);
void        ws_database_check_benefit        (WsDatabase     *db,
                                              WsBenefit      *benefit,
                                              GPtrArray      *problems);
/* EDIT_BENEFITS. */
gboolean    ws_database_save_benefit         (WsDatabase     *db,
                                              WsBenefit      *benefit,
                                              GError        **error);
gboolean    ws_database_delete_benefit       (WsDatabase     *db,
                                              gint64          id,
                                              GError        **error);

/* ------------------------------------------------------------------ */
/* After the trial: verdict, what the witness was told, compensation   */

#define WS_TYPE_VERDICT (ws_verdict_get_type ())

G_DECLARE_FINAL_TYPE (WsVerdict, ws_verdict, WS, VERDICT, GObject)

/* Properties: "case-id", "given-on", "outcome", "sentence",
 * "sentence-months" (-1 = none), "release-on", "appeal-by". */
WsVerdict  *ws_verdict_new                   (gint64          case_id);
gint64      ws_verdict_get_case_id           (WsVerdict      *self);
const char *ws_verdict_get_given_on          (WsVerdict      *self);
void        ws_verdict_set_given_on          (WsVerdict      *self,
                                              const char     *date);
const char *ws_verdict_get_outcome           (WsVerdict      *self);
void        ws_verdict_set_outcome           (WsVerdict      *self,
                                              const char     *outcome);
const char *ws_verdict_get_sentence          (WsVerdict      *self);
void        ws_verdict_set_sentence          (WsVerdict      *self,
                                              const char     *sentence);
int         ws_verdict_get_sentence_months   (WsVerdict      *self);
void        ws_verdict_set_sentence_months   (WsVerdict      *self,
                                              int             months);
const char *ws_verdict_get_release_on        (WsVerdict      *self);
void        ws_verdict_set_release_on        (WsVerdict      *self,
                                              const char     *date);
const char *ws_verdict_get_appeal_by         (WsVerdict      *self);
void        ws_verdict_set_appeal_by         (WsVerdict      *self,
                                              const char     *date);
/* Fields: "given-on", "outcome", "sentence-months", "release-on"
 * (not before given-on), "appeal-by" (not before given-on). */
void        ws_verdict_validate              (WsVerdict      *self,
                                              GPtrArray      *problems);

/* NULL with no error when the case has no verdict yet. READ_CASES. */
WsVerdict  *ws_database_get_verdict          (WsDatabase     *db,
                                              gint64          case_id,
                                              GError        **error);
/* Also "case" gone. */
void        ws_database_check_verdict        (WsDatabase     *db,
                                              WsVerdict      *verdict,
                                              GPtrArray      *problems);
/* EDIT_CASES. Adds or replaces the case's verdict. */
gboolean    ws_database_save_verdict         (WsDatabase     *db,
                                              WsVerdict      *verdict,
                                              GError        **error);
gboolean    ws_database_delete_verdict       (WsDatabase     *db,
                                              gint64          case_id,
                                              GError        **error);

/* A witness's part in one case after the trial. */
#define WS_TYPE_PARTY_OUTCOME (ws_party_outcome_get_type ())

G_DECLARE_FINAL_TYPE (WsPartyOutcome, ws_party_outcome, WS, PARTY_OUTCOME, GObject)

/* Properties: "party-id", "case-id", "person-id", "case-reference",
 * "label", "verdict-on" (the case's verdict date or NULL),
 * "outcome-told-on", "impact-statement". */
gint64      ws_party_outcome_get_party_id        (WsPartyOutcome *self);
gint64      ws_party_outcome_get_case_id         (WsPartyOutcome *self);
gint64      ws_party_outcome_get_person_id       (WsPartyOutcome *self);
const char *ws_party_outcome_get_case_reference  (WsPartyOutcome *self);
const char *ws_party_outcome_get_label           (WsPartyOutcome *self);
const char *ws_party_outcome_get_verdict_on      (WsPartyOutcome *self);
const char *ws_party_outcome_get_outcome_told_on (WsPartyOutcome *self);
void        ws_party_outcome_set_outcome_told_on (WsPartyOutcome *self,
                                                  const char     *date);
WsImpactStatement ws_party_outcome_get_impact_statement (WsPartyOutcome *self);
void        ws_party_outcome_set_impact_statement (WsPartyOutcome   *self,
                                                   WsImpactStatement statement);

/* One per case the person is a party to, by case reference. READ_CASES
 * and READ_PLAN. */
GPtrArray  *ws_database_list_party_outcomes  (WsDatabase     *db,
                                              gint64          person_id,
                                              GError        **error);
/* Fields: "outcome-told-on" (malformed, in the future, before the
 * verdict or with no verdict yet), "impact-statement" (made or declined
 * before there is a verdict). */
void        ws_database_check_party_outcome  (WsDatabase     *db,
                                              WsPartyOutcome *outcome,
                                              GPtrArray      *problems);
/* EDIT_PLAN. Saves outcome-told-on and impact-statement. */
gboolean    ws_database_save_party_outcome   (WsDatabase     *db,
                                              WsPartyOutcome *outcome,
                                              GError        **error);

#define WS_TYPE_COMPENSATION_CLAIM (ws_compensation_claim_get_type ())

G_DECLARE_FINAL_TYPE (WsCompensationClaim, ws_compensation_claim, WS, COMPENSATION_CLAIM, GObject)

/* Properties: "id", "person-id", "case-id" (0 = none), "case-reference",
 * "head", "route", "claimed-minor", "awarded-minor" (-1 = not awarded),
 * "currency", "status". */
WsCompensationClaim *ws_compensation_claim_new (gint64               person_id);
gint64       ws_compensation_claim_get_id      (WsCompensationClaim *self);
gint64       ws_compensation_claim_get_person_id (WsCompensationClaim *self);
gint64       ws_compensation_claim_get_case_id (WsCompensationClaim *self);
void         ws_compensation_claim_set_case_id (WsCompensationClaim *self,
                                                gint64               case_id);
const char  *ws_compensation_claim_get_case_reference (WsCompensationClaim *self);
WsClaimHead  ws_compensation_claim_get_head    (WsCompensationClaim *self);
void         ws_compensation_claim_set_head    (WsCompensationClaim *self,
                                                WsClaimHead          head);
WsClaimRoute ws_compensation_claim_get_route   (WsCompensationClaim *self);
void         ws_compensation_claim_set_route   (WsCompensationClaim *self,
                                                WsClaimRoute         route);
gint64       ws_compensation_claim_get_claimed_minor (WsCompensationClaim *self);
void         ws_compensation_claim_set_claimed_minor (WsCompensationClaim *self,
                                                      gint64               amount);
gint64       ws_compensation_claim_get_awarded_minor (WsCompensationClaim *self);
void         ws_compensation_claim_set_awarded_minor (WsCompensationClaim *self,
                                                      gint64               amount);
const char  *ws_compensation_claim_get_currency (WsCompensationClaim *self);
void         ws_compensation_claim_set_currency (WsCompensationClaim *self,
                                                 const char          *currency);
WsClaimStatus ws_compensation_claim_get_status (WsCompensationClaim *self);
void         ws_compensation_claim_set_status  (WsCompensationClaim *self,
                                                WsClaimStatus        status);
/* Fields: "head", "route", "claimed" (negative), "awarded" (negative, or
 * missing when awarded or paid), "currency", "status". */
void         ws_compensation_claim_validate    (WsCompensationClaim *self,
                                                GPtrArray           *problems);

/* By id. READ_PLAN. */
GPtrArray  *ws_database_list_compensation_claims (WsDatabase          *db,
                                                  gint64               person_id,
                                                  GError             **error);
/* Also "case": gone, or one the person is not a party to. */
void        ws_database_check_compensation_claim (WsDatabase          *db,
                                                  WsCompensationClaim *claim,
                                                  GPtrArray           *problems);
gboolean    ws_database_save_compensation_claim  (WsDatabase          *db,
                                                  WsCompensationClaim *claim,
                                                  GError             **error);
gboolean    ws_database_delete_compensation_claim (WsDatabase         *db,
                                                   gint64              id,
                                                   GError            **error);

/* ------------------------------------------------------------------ */
/* The plan at a glance (a witness page's header)                      */

typedef struct {
  WsPhase      phase;
  char        *phase_since;        /* 'YYYY-MM-DD' of the latest phase change, or NULL */
  guint        open_items;         /* planned or in progress */
  guint        overdue_items;      /* of those, due before today */
  guint        open_checks;        /* checklist items still open */
  int          reflection_days_left; /* -1 when there is no reflection period */
  WsRiskLevel  risk_level;
  char        *next_review;        /* of the latest risk assessment, or NULL */
  gboolean     assessment_due;     /* phase changed with no assessment since */
} WsPlanOverview;

void        ws_plan_overview_clear           (WsPlanOverview *overview);
/* READ_PLAN. Counts on ws_time_today(). risk_level and next_review are
 * filled only when the role may READ_RISK. */
gboolean    ws_database_get_plan_overview    (WsDatabase     *db,
                                              gint64          person_id,
                                              WsPlanOverview *overview,
                                              GError        **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WsPlanOverview, ws_plan_overview_clear)

G_END_DECLS
