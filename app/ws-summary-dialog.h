/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-document.h"
#include "ws-person.h"

G_BEGIN_DECLS

#define WS_TYPE_SUMMARY_DIALOG (ws_summary_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WsSummaryDialog, ws_summary_dialog, WS, SUMMARY_DIALOG, AdwWindow)

WsSummaryDialog *ws_summary_dialog_new          (GtkWindow       *parent,
                                                 WsDatabase      *db,
                                                 WsPerson        *person);
WsDocument      *ws_summary_dialog_get_document (WsSummaryDialog *self);
guint            ws_summary_dialog_get_n_pages  (WsSummaryDialog *self);
gboolean         ws_summary_dialog_export_pdf   (WsSummaryDialog *self,
                                                 const char      *path,
                                                 GError         **error);

G_END_DECLS
