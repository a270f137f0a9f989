/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"

G_BEGIN_DECLS

#define WS_TYPE_INTERPRETER_SCHEDULE (ws_interpreter_schedule_get_type ())

G_DECLARE_FINAL_TYPE (WsInterpreterSchedule, ws_interpreter_schedule, WS, INTERPRETER_SCHEDULE, GtkWidget)

GtkWidget  *ws_interpreter_schedule_new             (WsDatabase            *db,
                                                     gboolean               choose);
void        ws_interpreter_schedule_set_interpreter (WsInterpreterSchedule *self,
                                                     gint64                 interpreter_id);
void        ws_interpreter_schedule_reload          (WsInterpreterSchedule *self);
GListModel *ws_interpreter_schedule_get_model       (WsInterpreterSchedule *self);
char       *ws_interpreter_schedule_dup_text        (WsInterpreterSchedule *self);

GtkWindow  *ws_interpreter_schedule_window_new      (GtkWindow             *parent,
                                                     WsDatabase            *db);

G_END_DECLS
