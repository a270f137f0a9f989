/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-schedule.h"

G_BEGIN_DECLS

typedef void (*WsCalendarExportDone) (const char *message,
                                      gpointer    user_data);

GtkWidget *ws_calendar_export_dialog_new   (GtkWindow            *parent,
                                            WsDatabase           *db,
                                            WsCalendarExportDone  done,
                                            gpointer              user_data);
gboolean   ws_calendar_export_dialog_write (GtkWidget            *dialog,
                                            WsCalendarScope       scope,
                                            const char           *name,
                                            GFile                *file,
                                            GError              **error);

G_END_DECLS
