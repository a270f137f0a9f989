/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"

G_BEGIN_DECLS

#define WS_TYPE_DIRECTORY_DIALOG (ws_directory_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WsDirectoryDialog, ws_directory_dialog, WS, DIRECTORY_DIALOG, AdwWindow)

GtkWidget *ws_directory_dialog_new    (GtkWindow         *parent,
                                       WsDatabase        *db,
                                       const char        *page);
void       ws_directory_dialog_reload (WsDirectoryDialog *self);

G_END_DECLS
