/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ws-types.h"

G_BEGIN_DECLS

#define WS_TYPE_CASE (ws_case_get_type ())

G_DECLARE_FINAL_TYPE (WsCase, ws_case, WS, CASE, GObject)

WsCase             *ws_case_new                (void);
WsCase             *ws_case_copy               (WsCase             *self);
gint64              ws_case_get_id             (WsCase             *self);
const char         *ws_case_get_reference      (WsCase             *self);
void                ws_case_set_reference      (WsCase             *self,
                                                const char         *reference);
const char         *ws_case_get_court          (WsCase             *self);
void                ws_case_set_court          (WsCase             *self,
                                                const char         *court);
const char         *ws_case_get_prosecutor     (WsCase             *self);
void                ws_case_set_prosecutor     (WsCase             *self,
                                                const char         *prosecutor);
WsCaseStage         ws_case_get_stage          (WsCase             *self);
void                ws_case_set_stage          (WsCase             *self,
                                                WsCaseStage         stage);
const char         *ws_case_get_opened_on      (WsCase             *self);
void                ws_case_set_opened_on      (WsCase             *self,
                                                const char         *date);
const char         *ws_case_get_notes          (WsCase             *self);
void                ws_case_set_notes          (WsCase             *self,
                                                const char         *notes);
const char * const *ws_case_get_offences       (WsCase             *self);
void                ws_case_set_offences       (WsCase             *self,
                                                const char * const *offences);
const char * const *ws_case_get_exploitation   (WsCase             *self);
void                ws_case_set_exploitation   (WsCase             *self,
                                                const char * const *nicks);
const char * const *ws_case_get_accused        (WsCase             *self);
void                ws_case_set_accused        (WsCase             *self,
                                                const char * const *labels);
guint               ws_case_get_witness_count  (WsCase             *self);
gboolean            ws_case_matches            (WsCase             *self,
                                                const char         *folded_query);
void                ws_case_validate           (WsCase             *self,
                                                GPtrArray          *problems);

#define WS_TYPE_CASE_PARTY (ws_case_party_get_type ())

G_DECLARE_FINAL_TYPE (WsCaseParty, ws_case_party, WS, CASE_PARTY, GObject)

gint64       ws_case_party_get_id              (WsCaseParty *self);
gint64       ws_case_party_get_case_id         (WsCaseParty *self);
gint64       ws_case_party_get_person_id       (WsCaseParty *self);
const char  *ws_case_party_get_pseudonym       (WsCaseParty *self);
const char  *ws_case_party_get_case_reference  (WsCaseParty *self);
WsPartyRole  ws_case_party_get_role            (WsCaseParty *self);
const char  *ws_case_party_get_label           (WsCaseParty *self);

G_END_DECLS
