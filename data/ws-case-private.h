/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ws-case.h"

G_BEGIN_DECLS

void         _ws_case_set_id            (WsCase      *self,
                                         gint64       id);
void         _ws_case_set_witness_count (WsCase      *self,
                                         guint        count);
WsCaseParty *_ws_case_party_new         (gint64       id,
                                         gint64       case_id,
                                         gint64       person_id,
                                         const char  *pseudonym,
                                         const char  *case_reference,
                                         WsPartyRole  role,
                                         const char  *label);

G_END_DECLS
