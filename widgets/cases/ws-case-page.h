/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-case.h"
#include "ws-database.h"

G_BEGIN_DECLS

#define WS_TYPE_CASE_PAGE (ws_case_page_get_type ())

G_DECLARE_FINAL_TYPE (WsCasePage, ws_case_page, WS, CASE_PAGE, GtkWidget)

GtkWidget *ws_case_page_new      (WsDatabase *db);
void       ws_case_page_set_case (WsCasePage *self,
                                  WsCase     *court_case);

G_END_DECLS
