/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-browser.h"
#include "ws-case.h"
#include "ws-database.h"

G_BEGIN_DECLS

#define WS_TYPE_CASES_VIEW (ws_cases_view_get_type ())

G_DECLARE_FINAL_TYPE (WsCasesView, ws_cases_view, WS, CASES_VIEW, GtkWidget)

GtkWidget *ws_cases_view_new          (WsDatabase  *db);
void       ws_cases_view_reload       (WsCasesView *self,
                                       gint64       select_id);
WsCase    *ws_cases_view_get_selected (WsCasesView *self);
WsBrowser *ws_cases_view_get_browser  (WsCasesView *self);

void       ws_cases_view_set_loading  (WsCasesView *self);

G_END_DECLS
