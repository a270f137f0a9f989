/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-directory-pages.h"

G_BEGIN_DECLS

#define WS_TYPE_PREFERENCES_WINDOW (ws_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (WsPreferencesWindow, ws_preferences_window, WS, PREFERENCES_WINDOW, AdwPreferencesWindow)

WsPreferencesWindow *ws_preferences_window_new               (GtkWindow           *parent,
                                                              WsDatabase          *db,
                                                              GSettings           *settings);
gboolean             ws_preferences_window_add_profile       (WsPreferencesWindow *self,
                                                              const char          *name,
                                                              WsRole               role,
                                                              const char          *passphrase,
                                                              const char          *repeated);
gboolean             ws_preferences_window_change_passphrase (WsPreferencesWindow *self,
                                                              const char          *old_passphrase,
                                                              const char          *new_passphrase,
                                                              const char          *repeated);
guint                ws_preferences_window_get_n_profiles    (WsPreferencesWindow *self);
WsAgenciesPage      *ws_preferences_window_get_agencies_page (WsPreferencesWindow *self);
WsNeedsPage         *ws_preferences_window_get_needs_page    (WsPreferencesWindow *self);

G_END_DECLS
