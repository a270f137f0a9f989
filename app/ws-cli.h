/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     ws_cli_add_options    (GApplication *application);
gboolean ws_cli_wants_headless (GVariantDict *options);
int      ws_cli_run            (GVariantDict *options,
                                const char   *database_path);

G_END_DECLS
