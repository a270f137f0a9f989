/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-login-page.h"
#include "ws-setup-page.h"
#include "ws-rules.h"

G_BEGIN_DECLS

#define WS_TYPE_WINDOW (ws_window_get_type ())

G_DECLARE_FINAL_TYPE (WsWindow, ws_window, WS, WINDOW, AdwApplicationWindow)

WsWindow    *ws_window_new            (GtkApplication *application,
                                       WsDatabase     *db);
WsDatabase  *ws_window_get_database   (WsWindow       *self);
GtkWidget   *ws_window_get_place      (WsWindow       *self,
                                       const char     *name);
void         ws_window_show_place     (WsWindow       *self,
                                       const char     *name);
void         ws_window_add_toast      (WsWindow       *self,
                                       AdwToast       *toast);
void         ws_window_flush_deletes  (WsWindow       *self);
const char  *ws_window_get_screen     (WsWindow       *self);
WsLoginPage *ws_window_get_login_page (WsWindow       *self);
WsSetupPage *ws_window_get_setup_page (WsWindow       *self);
void         ws_window_lock           (WsWindow       *self);
gboolean     ws_window_check_idle     (WsWindow       *self,
                                       gint64          now);
gboolean     ws_window_show_subject   (WsWindow       *self,
                                       const char     *kind,
                                       gint64          id);
void         ws_window_show_finding   (WsWindow       *self,
                                       WsFinding      *finding);

G_END_DECLS
