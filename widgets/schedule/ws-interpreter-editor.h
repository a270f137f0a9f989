/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-interpreter.h"

G_BEGIN_DECLS

#define WS_TYPE_INTERPRETER_EDITOR (ws_interpreter_editor_get_type ())

G_DECLARE_FINAL_TYPE (WsInterpreterEditor, ws_interpreter_editor, WS, INTERPRETER_EDITOR, AdwWindow)

GtkWidget *ws_interpreter_editor_new  (GtkWindow           *parent,
                                       WsDatabase          *db,
                                       WsInterpreter       *interpreter);
gboolean   ws_interpreter_editor_save (WsInterpreterEditor *self);

G_END_DECLS
