/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-plan.h"
#include "ws-record-editor.h"

G_BEGIN_DECLS

/* The editors of a support plan's records, each a WsRecordEditor over
 * its fields. A record with id 0 is added; otherwise it is edited. */

WsRecordEditor *ws_plan_edit_support_item (GtkWindow           *parent,
                                           WsDatabase          *db,
                                           WsSupportItem       *item);
WsRecordEditor *ws_plan_edit_consent      (GtkWindow           *parent,
                                           WsDatabase          *db,
                                           WsConsent           *consent);
WsRecordEditor *ws_plan_edit_referral     (GtkWindow           *parent,
                                           WsDatabase          *db,
                                           WsReferral          *referral);
WsRecordEditor *ws_plan_edit_risk         (GtkWindow           *parent,
                                           WsDatabase          *db,
                                           WsRiskAssessment    *assessment);
WsRecordEditor *ws_plan_edit_reflection   (GtkWindow           *parent,
                                           WsDatabase          *db,
                                           WsReflectionPeriod  *period);
WsRecordEditor *ws_plan_edit_information  (GtkWindow           *parent,
                                           WsDatabase          *db,
                                           WsInformationGiven  *info);
WsRecordEditor *ws_plan_edit_benefit      (GtkWindow           *parent,
                                           WsDatabase          *db,
                                           WsBenefit           *benefit);
WsRecordEditor *ws_plan_edit_claim        (GtkWindow           *parent,
                                           WsDatabase          *db,
                                           WsCompensationClaim *claim);
WsRecordEditor *ws_plan_edit_outcome      (GtkWindow           *parent,
                                           WsDatabase          *db,
                                           WsPartyOutcome      *outcome);

G_END_DECLS
