/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"

G_BEGIN_DECLS

#define WS_TYPE_SETUP_PAGE (ws_setup_page_get_type ())

G_DECLARE_FINAL_TYPE (WsSetupPage, ws_setup_page, WS, SETUP_PAGE, GtkWidget)

GtkWidget *ws_setup_page_new          (void);
void       ws_setup_page_set_database (WsSetupPage *self,
                                       WsDatabase  *db);
void       ws_setup_page_reset        (WsSetupPage *self);
void       ws_setup_page_fill         (WsSetupPage *self,
                                       const char  *name,
                                       const char  *passphrase,
                                       const char  *repeated);
gboolean   ws_setup_page_create       (WsSetupPage *self);

G_END_DECLS
