/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-rules.h"

G_BEGIN_DECLS

#define WS_TYPE_ATTENTION_VIEW (ws_attention_view_get_type ())

G_DECLARE_FINAL_TYPE (WsAttentionView, ws_attention_view, WS, ATTENTION_VIEW, GtkWidget)

GtkWidget  *ws_attention_view_new          (WsDatabase        *db);
void        ws_attention_view_reload       (WsAttentionView   *self);
GListModel *ws_attention_view_get_findings (WsAttentionView   *self);
GListModel *ws_attention_view_get_shown    (WsAttentionView   *self);
void        ws_attention_view_set_severity (WsAttentionView   *self,
                                            int                severity);
guint       ws_attention_view_count        (WsAttentionView   *self,
                                            int                severity);
gboolean    ws_attention_view_is_loading   (WsAttentionView   *self);
void        ws_attention_view_activate     (WsAttentionView   *self,
                                            guint              position);

G_END_DECLS
