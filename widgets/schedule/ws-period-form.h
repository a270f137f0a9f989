/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-site.h"

G_BEGIN_DECLS

/* Reading and showing from–to periods (closures, unavailability) in the
 * zone of the site or interpreter they belong to. */
GDateTime *ws_period_form_parse    (const char *text,
                                    const char *zone,
                                    gboolean    is_end);
char      *ws_period_form_describe (WsPeriod   *period,
                                    const char *zone);
GtkWidget *ws_period_form_row      (const char *title,
                                    const char *subtitle,
                                    const char *remove_tooltip,
                                    GCallback   remove_cb,
                                    gpointer    user_data,
                                    gint64      id);
gint64     ws_period_form_row_id   (GtkWidget  *button);
gboolean   ws_period_form_read     (AdwEntryRow *from_row,
                                    AdwEntryRow *to_row,
                                    const char  *zone,
                                    GDateTime  **from,
                                    GDateTime  **to);
void       ws_period_form_clear    (AdwEntryRow *from_row,
                                    AdwEntryRow *to_row,
                                    AdwEntryRow *reason_row);

G_END_DECLS
