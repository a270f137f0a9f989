/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WS_TYPE_SCHEDULE_GRID (ws_schedule_grid_get_type ())

G_DECLARE_FINAL_TYPE (WsScheduleGrid, ws_schedule_grid, WS, SCHEDULE_GRID, GtkWidget)

GtkWidget  *ws_schedule_grid_new          (void);
void        ws_schedule_grid_set_range    (WsScheduleGrid *self,
                                           GDateTime      *first_day,
                                           guint           n_days);
void        ws_schedule_grid_clear        (WsScheduleGrid *self);
guint       ws_schedule_grid_add_row      (WsScheduleGrid *self,
                                           const char     *title,
                                           const char     *subtitle,
                                           gpointer        item);
GtkWidget  *ws_schedule_grid_add_block    (WsScheduleGrid *self,
                                           guint           row,
                                           GDateTime      *starts_at,
                                           GDateTime      *ends_at,
                                           const char     *title,
                                           const char     *detail,
                                           const char     *tooltip,
                                           const char     *css_class,
                                           gpointer        item);
guint       ws_schedule_grid_get_n_rows   (WsScheduleGrid *self);
gpointer    ws_schedule_grid_get_row_item (WsScheduleGrid *self,
                                           guint           row);
guint       ws_schedule_grid_get_n_blocks (WsScheduleGrid *self,
                                           guint           row);
gpointer    ws_schedule_grid_get_block_item (WsScheduleGrid *self,
                                             guint           row,
                                             guint           index);
GtkWidget  *ws_schedule_grid_get_block_widget (WsScheduleGrid *self,
                                               guint           row,
                                               guint           index);
GDateTime  *ws_schedule_grid_time_at      (WsScheduleGrid *self,
                                           double          x);
int         ws_schedule_grid_row_at       (WsScheduleGrid *self,
                                           double          y);

G_END_DECLS
