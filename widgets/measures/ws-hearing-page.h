/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-hearing.h"

G_BEGIN_DECLS

#define WS_TYPE_HEARING_PAGE (ws_hearing_page_get_type ())

G_DECLARE_FINAL_TYPE (WsHearingPage, ws_hearing_page, WS, HEARING_PAGE, GtkWidget)

GtkWidget  *ws_hearing_page_new            (WsDatabase    *db);
void        ws_hearing_page_set_hearing    (WsHearingPage *self,
                                            WsHearing     *hearing);
WsHearing  *ws_hearing_page_get_hearing    (WsHearingPage *self);
GPtrArray  *ws_hearing_page_get_witnesses  (WsHearingPage *self);
const char *ws_hearing_page_get_state_text (WsHearingPage *self);
gboolean    ws_hearing_page_is_due_passed  (WsHearingPage *self);
guint       ws_hearing_page_get_n_findings (WsHearingPage *self);
gboolean    ws_hearing_page_is_loading_findings (WsHearingPage *self);
void        ws_hearing_page_edit_measure   (WsHearingPage *self,
                                            WsMeasure     *measure);

char       *ws_hearing_format_badge        (WsHearing     *hearing,
                                            const char   **style);

G_END_DECLS
