/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *ws_settings_new_if_installed (const char *key);

G_END_DECLS
