/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-document.h"

G_BEGIN_DECLS

#define WS_TYPE_READINESS_DIALOG (ws_readiness_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WsReadinessDialog, ws_readiness_dialog, WS, READINESS_DIALOG, AdwWindow)

WsReadinessDialog *ws_readiness_dialog_new          (GtkWindow          *parent,
                                                     WsDatabase         *db,
                                                     gint64              hearing_id,
                                                     guint               applications_due_days);
WsDocument        *ws_readiness_dialog_get_document (WsReadinessDialog  *self);
guint              ws_readiness_dialog_get_n_pages  (WsReadinessDialog  *self);
gboolean           ws_readiness_dialog_export_pdf   (WsReadinessDialog  *self,
                                                     const char         *path,
                                                     GError            **error);

G_END_DECLS
