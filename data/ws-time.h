/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *ws_time_now                 (void);
char      *ws_time_now_iso             (void);
void       ws_time_set_now             (GDateTime   *now);
GDate     *ws_time_today               (void);
char      *ws_time_format_instant      (GDateTime   *instant);
GDateTime *ws_time_parse_instant       (const char  *text);
gboolean   ws_time_parse_date          (const char  *text,
                                        GDate       *date);
char      *ws_time_format_date         (const GDate *date);
gboolean   ws_time_zone_is_valid       (const char  *zone);
int        ws_time_years_between       (const GDate *from,
                                        const GDate *to);

G_END_DECLS
