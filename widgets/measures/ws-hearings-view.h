/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-hearing.h"
#include "ws-hearing-page.h"

G_BEGIN_DECLS

#define WS_TYPE_HEARINGS_VIEW (ws_hearings_view_get_type ())

G_DECLARE_FINAL_TYPE (WsHearingsView, ws_hearings_view, WS, HEARINGS_VIEW, GtkWidget)

GtkWidget     *ws_hearings_view_new            (WsDatabase      *db);
void           ws_hearings_view_reload         (WsHearingsView  *self);
void           ws_hearings_view_set_loading    (WsHearingsView  *self);
gboolean       ws_hearings_view_is_loading     (WsHearingsView  *self);
void           ws_hearings_view_set_filters    (WsHearingsView  *self,
                                                const char      *court,
                                                const char      *prosecutor,
                                                WsHearingPeriod  period);
guint          ws_hearings_view_get_n_shown    (WsHearingsView  *self);
WsHearing     *ws_hearings_view_get_shown_item (WsHearingsView  *self,
                                                guint            position);
char          *ws_hearings_view_get_row_badge  (WsHearingsView  *self,
                                                guint            position);
void           ws_hearings_view_select_id      (WsHearingsView  *self,
                                                gint64           id);
WsHearing     *ws_hearings_view_get_selected   (WsHearingsView  *self);
WsHearingPage *ws_hearings_view_get_page       (WsHearingsView  *self);

G_END_DECLS
