/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-person.h"
#include "ws-plan.h"

G_BEGIN_DECLS

/* Short questions asked over the window of @source; failures are shown
 * through the window's "win.show-toast" action. */

AdwMessageDialog *ws_plan_ask_move_phase      (GtkWidget       *source,
                                               WsDatabase      *db,
                                               WsPerson        *person);
AdwMessageDialog *ws_plan_ask_not_applicable  (GtkWidget       *source,
                                               WsDatabase      *db,
                                               WsChecklistItem *item);
AdwMessageDialog *ws_plan_ask_withdraw        (GtkWidget       *source,
                                               WsDatabase      *db,
                                               WsConsent       *consent);
void              ws_plan_show_error          (GtkWidget       *source,
                                               const GError    *error);

G_END_DECLS
