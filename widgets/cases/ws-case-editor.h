/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-case.h"
#include "ws-database.h"

G_BEGIN_DECLS

#define WS_TYPE_CASE_EDITOR (ws_case_editor_get_type ())

G_DECLARE_FINAL_TYPE (WsCaseEditor, ws_case_editor, WS, CASE_EDITOR, AdwWindow)

WsCaseEditor *ws_case_editor_new  (GtkWindow    *parent,
                                   WsDatabase   *db,
                                   WsCase       *court_case);
gboolean      ws_case_editor_save (WsCaseEditor *self);

G_END_DECLS
