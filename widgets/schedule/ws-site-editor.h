/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-site.h"

G_BEGIN_DECLS

#define WS_TYPE_SITE_EDITOR (ws_site_editor_get_type ())

G_DECLARE_FINAL_TYPE (WsSiteEditor, ws_site_editor, WS, SITE_EDITOR, AdwWindow)

GtkWidget *ws_site_editor_new  (GtkWindow    *parent,
                                WsDatabase   *db,
                                WsSite       *site);
gboolean   ws_site_editor_save (WsSiteEditor *self);

G_END_DECLS
