/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"

G_BEGIN_DECLS

#define WS_TYPE_AUDIT_WINDOW (ws_audit_window_get_type ())

G_DECLARE_FINAL_TYPE (WsAuditWindow, ws_audit_window, WS, AUDIT_WINDOW, AdwWindow)

WsAuditWindow *ws_audit_window_new         (GtkWindow     *parent,
                                            WsDatabase    *db);
void           ws_audit_window_set_filter  (WsAuditWindow *self,
                                            const char    *actor,
                                            const char    *action);
guint          ws_audit_window_get_n_shown (WsAuditWindow *self);
gboolean       ws_audit_window_is_intact   (WsAuditWindow *self);

G_END_DECLS
