/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-person.h"

G_BEGIN_DECLS

#define WS_TYPE_WITNESS_PAGE (ws_witness_page_get_type ())

G_DECLARE_FINAL_TYPE (WsWitnessPage, ws_witness_page, WS, WITNESS_PAGE, GtkWidget)

GtkWidget *ws_witness_page_new        (WsDatabase    *db);
void       ws_witness_page_set_person (WsWitnessPage *self,
                                       WsPerson      *person);
WsPerson  *ws_witness_page_get_person (WsWitnessPage *self);
void       ws_witness_page_set_findings (WsWitnessPage *self,
                                         GListModel    *findings);
gboolean   ws_witness_page_show_subject (WsWitnessPage *self,
                                         const char    *kind,
                                         gint64         id);
void       ws_witness_page_refresh    (WsWitnessPage *self);
gboolean   ws_witness_page_is_filled  (WsWitnessPage *self);

G_END_DECLS
