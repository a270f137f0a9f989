/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-case.h"
#include "ws-database.h"
#include "ws-person.h"

G_BEGIN_DECLS

#define WS_TYPE_LINK_DIALOG (ws_link_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WsLinkDialog, ws_link_dialog, WS, LINK_DIALOG, AdwWindow)

WsLinkDialog *ws_link_dialog_new_for_case   (GtkWindow    *parent,
                                             WsDatabase   *db,
                                             WsCase       *court_case);
WsLinkDialog *ws_link_dialog_new_for_person (GtkWindow    *parent,
                                             WsDatabase   *db,
                                             WsPerson     *person);
gboolean      ws_link_dialog_save           (WsLinkDialog *self);

G_END_DECLS
