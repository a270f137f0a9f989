/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-measure.h"

G_BEGIN_DECLS

#define WS_TYPE_MEASURE_EDITOR (ws_measure_editor_get_type ())

G_DECLARE_FINAL_TYPE (WsMeasureEditor, ws_measure_editor, WS, MEASURE_EDITOR, AdwWindow)

WsMeasureEditor *ws_measure_editor_new           (GtkWindow        *parent,
                                                  WsDatabase       *db,
                                                  WsMeasure        *measure,
                                                  gint64            case_id,
                                                  gint64            person_id,
                                                  gint64            hearing_id);
gboolean         ws_measure_editor_choose_status (WsMeasureEditor  *self,
                                                  WsMeasureStatus   status,
                                                  GError          **error);
gboolean         ws_measure_editor_offers_status (WsMeasureEditor  *self,
                                                  WsMeasureStatus   status);
gboolean         ws_measure_editor_save          (WsMeasureEditor  *self);

G_END_DECLS
