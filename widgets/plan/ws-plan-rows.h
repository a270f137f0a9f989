/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-plan.h"

G_BEGIN_DECLS

/* Rows of a witness's plan, one builder per record kind. Rows that open
 * something name a "plan." action with the record's id as target, so
 * the page that shows them decides what opening means. */

GtkWidget *ws_plan_phase_row      (WsPhaseChange       *change,
                                   gboolean             current);
GtkWidget *ws_plan_item_row       (WsSupportItem       *item,
                                   const GDate         *today);
GtkWidget *ws_plan_track_row      (WsTrack              track,
                                   GPtrArray           *items);
GtkWidget *ws_plan_checklist_row  (WsChecklistItem     *item,
                                   gboolean             can_edit);
GtkWidget *ws_plan_consent_row    (WsConsent           *consent,
                                   const GDate         *today,
                                   gboolean             can_edit);
GtkWidget *ws_plan_referral_row   (WsReferral          *referral);
GtkWidget *ws_plan_risk_row       (WsRiskAssessment    *assessment,
                                   gboolean             can_edit);
GtkWidget *ws_plan_reflection_row (WsReflectionPeriod  *period,
                                   const GDate         *today);
GtkWidget *ws_plan_info_row       (WsInformationGiven  *info);
GtkWidget *ws_plan_benefit_row    (WsBenefit           *benefit,
                                   gboolean             can_edit);
GtkWidget *ws_plan_outcome_row    (WsPartyOutcome      *outcome,
                                   WsVerdict           *verdict,
                                   gboolean             can_edit);
GtkWidget *ws_plan_claim_row      (WsCompensationClaim *claim);
GtkWidget *ws_plan_message_row    (const char          *title,
                                   const char          *message);

G_END_DECLS
