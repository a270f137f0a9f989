/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-person.h"

G_BEGIN_DECLS

#define WS_TYPE_PERSON_EDITOR (ws_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (WsPersonEditor, ws_person_editor, WS, PERSON_EDITOR, AdwWindow)

WsPersonEditor *ws_person_editor_new  (GtkWindow  *parent,
                                       WsDatabase *db,
                                       WsPerson   *person);
gboolean        ws_person_editor_save (WsPersonEditor *self);

G_END_DECLS
