/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-hearing.h"

G_BEGIN_DECLS

#define WS_TYPE_HEARING_EDITOR (ws_hearing_editor_get_type ())

G_DECLARE_FINAL_TYPE (WsHearingEditor, ws_hearing_editor, WS, HEARING_EDITOR, AdwWindow)

WsHearingEditor *ws_hearing_editor_new  (GtkWindow       *parent,
                                         WsDatabase      *db,
                                         WsHearing       *hearing,
                                         gint64           case_id,
                                         const char      *case_reference);
gboolean         ws_hearing_editor_save (WsHearingEditor *self);

G_END_DECLS
