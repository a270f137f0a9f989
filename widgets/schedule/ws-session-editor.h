/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-schedule.h"

G_BEGIN_DECLS

#define WS_TYPE_SESSION_EDITOR (ws_session_editor_get_type ())

G_DECLARE_FINAL_TYPE (WsSessionEditor, ws_session_editor, WS, SESSION_EDITOR, AdwWindow)

WsSessionEditor *ws_session_editor_new                (GtkWindow       *parent,
                                                       WsDatabase      *db,
                                                       WsSession       *session);
WsSessionEditor *ws_session_editor_new_at             (GtkWindow       *parent,
                                                       WsDatabase      *db,
                                                       GDateTime       *starts_at,
                                                       gint64           site_id,
                                                       gint64           interpreter_id);
void             ws_session_editor_set_viewer_zone    (WsSessionEditor *self,
                                                       const char      *zone);
gboolean         ws_session_editor_save               (WsSessionEditor *self);
gboolean         ws_session_editor_is_checking        (WsSessionEditor *self);
gboolean         ws_session_editor_can_save           (WsSessionEditor *self);
GPtrArray       *ws_session_editor_get_conflicts      (WsSessionEditor *self);
guint            ws_session_editor_get_n_alternatives (WsSessionEditor *self);
GtkWidget       *ws_session_editor_get_alternative_row (WsSessionEditor *self,
                                                        guint            index);
WsSession       *ws_session_editor_get_draft          (WsSessionEditor *self);

G_END_DECLS
