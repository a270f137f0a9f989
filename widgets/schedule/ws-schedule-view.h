/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-schedule-grid.h"

G_BEGIN_DECLS

#define WS_TYPE_SCHEDULE_VIEW (ws_schedule_view_get_type ())

G_DECLARE_FINAL_TYPE (WsScheduleView, ws_schedule_view, WS, SCHEDULE_VIEW, GtkWidget)

GtkWidget      *ws_schedule_view_new          (WsDatabase     *db);
void            ws_schedule_view_reload       (WsScheduleView *self);
gboolean        ws_schedule_view_is_loading   (WsScheduleView *self);
void            ws_schedule_view_set_zone     (WsScheduleView *self,
                                               const char     *zone);
const char     *ws_schedule_view_get_zone     (WsScheduleView *self);
void            ws_schedule_view_set_day      (WsScheduleView *self,
                                               GDateTime      *day);
GDateTime      *ws_schedule_view_get_day      (WsScheduleView *self);
WsScheduleGrid *ws_schedule_view_get_grid     (WsScheduleView *self);
GtkWidget      *ws_schedule_view_get_interpreter_page (WsScheduleView *self);
gboolean        ws_schedule_view_shows_own_schedule   (WsScheduleView *self);
gboolean        ws_schedule_view_show_session (WsScheduleView *self,
                                               gint64          id);
void            ws_schedule_view_new_session  (WsScheduleView *self,
                                               GDateTime      *starts_at,
                                               gint64          site_id,
                                               gint64          interpreter_id);

G_END_DECLS
