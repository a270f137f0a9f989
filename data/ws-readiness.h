/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-database.h"
#include "ws-document.h"

G_BEGIN_DECLS

WsDocument *ws_readiness_sheet_build  (WsDatabase  *db,
                                       gint64       hearing_id,
                                       GError     **error);
WsDocument *ws_readiness_sheet_build_with_deadline (WsDatabase  *db,
                                                   gint64       hearing_id,
                                                   guint        applications_due_days,
                                                   GError     **error);
char       *ws_readiness_format_line  (guint        n_undecided,
                                       guint        n_not_arranged);

G_END_DECLS
