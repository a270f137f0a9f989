/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ws-measure.h"

G_BEGIN_DECLS

void             _ws_measure_set_id           (WsMeasure       *self,
                                               gint64           id);
void             _ws_measure_set_loaded       (WsMeasure       *self,
                                               const char      *pseudonym,
                                               const char      *case_reference,
                                               GDateTime       *hearing_starts_at,
                                               const char      *hearing_zone,
                                               WsArrangedBy     arranged_by);
WsReadiness      _ws_readiness_from           (WsMeasureStatus  status,
                                               WsArrangedBy     arranged_by);
const char      *_ws_measure_arranged_by_sql  (void);
const char      *_ws_measure_readiness_sql    (void);

WsMeasureChange *_ws_measure_change_new       (gint64           id,
                                               gint64           measure_id,
                                               WsMeasureStatus  status,
                                               GDateTime       *changed_at,
                                               const char      *changed_by,
                                               const char      *note);
WsScreening     *_ws_screening_new            (gint64           id,
                                               gint64           person_id,
                                               gint64           case_id,
                                               gint64           accused_id,
                                               const char      *accused_label,
                                               const char      *pseudonym,
                                               const char      *case_reference);

G_END_DECLS
