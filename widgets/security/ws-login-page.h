/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"

G_BEGIN_DECLS

#define WS_TYPE_LOGIN_PAGE (ws_login_page_get_type ())

G_DECLARE_FINAL_TYPE (WsLoginPage, ws_login_page, WS, LOGIN_PAGE, GtkWidget)

GtkWidget  *ws_login_page_new            (void);
void        ws_login_page_set_database   (WsLoginPage *self,
                                          WsDatabase  *db);
void        ws_login_page_reset          (WsLoginPage *self,
                                          const char  *profile_name);
gboolean    ws_login_page_select_profile (WsLoginPage *self,
                                          const char  *profile_name);
const char *ws_login_page_get_selected   (WsLoginPage *self);
guint       ws_login_page_get_n_profiles (WsLoginPage *self);
void        ws_login_page_set_passphrase (WsLoginPage *self,
                                          const char  *passphrase);
gboolean    ws_login_page_unlock         (WsLoginPage *self);
const char *ws_login_page_get_error      (WsLoginPage *self);

G_END_DECLS
