/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-rules.h"

G_BEGIN_DECLS

char      *ws_plan_format_date          (const char *date);
char      *ws_plan_format_gdate         (const GDate *date);
GtkWidget *ws_plan_finding_row_new      (void);
void       ws_plan_finding_row_bind     (GtkWidget  *row,
                                         WsFinding  *finding,
                                         gboolean    with_pseudonym);
GtkWidget *ws_plan_finding_action_row   (WsFinding  *finding);
const char *ws_plan_severity_icon       (WsFindingSeverity severity);
const char *ws_plan_severity_class      (WsFindingSeverity severity);

G_END_DECLS
