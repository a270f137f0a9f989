/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-document.h"

G_BEGIN_DECLS

#define WS_TYPE_SCHEDULE_SHEET_DIALOG (ws_schedule_sheet_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WsScheduleSheetDialog, ws_schedule_sheet_dialog, WS, SCHEDULE_SHEET_DIALOG, AdwWindow)

WsScheduleSheetDialog *ws_schedule_sheet_dialog_new          (GtkWindow             *parent,
                                                              WsDatabase            *db,
                                                              GDateTime             *day,
                                                              const char            *zone);
WsDocument            *ws_schedule_sheet_dialog_get_document (WsScheduleSheetDialog *self);
guint                  ws_schedule_sheet_dialog_get_n_pages  (WsScheduleSheetDialog *self);
gboolean               ws_schedule_sheet_dialog_export_pdf   (WsScheduleSheetDialog *self,
                                                              const char            *path,
                                                              GError               **error);

G_END_DECLS
