/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-browser.h"
#include "ws-database.h"
#include "ws-person.h"
#include "ws-witness-page.h"

G_BEGIN_DECLS

#define WS_TYPE_WITNESSES_VIEW (ws_witnesses_view_get_type ())

G_DECLARE_FINAL_TYPE (WsWitnessesView, ws_witnesses_view, WS, WITNESSES_VIEW, GtkWidget)

GtkWidget *ws_witnesses_view_new          (WsDatabase      *db);
void       ws_witnesses_view_reload       (WsWitnessesView *self,
                                           gint64           select_id);
WsPerson  *ws_witnesses_view_get_selected (WsWitnessesView *self);
WsBrowser *ws_witnesses_view_get_browser  (WsWitnessesView *self);
WsWitnessPage *ws_witnesses_view_get_page (WsWitnessesView *self);

void       ws_witnesses_view_set_loading  (WsWitnessesView *self);

G_END_DECLS
