/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-case.h"
#include "ws-person.h"
#include "ws-database.h"

G_BEGIN_DECLS

#define WS_TYPE_CASE_MEASURES (ws_case_measures_get_type ())

G_DECLARE_FINAL_TYPE (WsCaseMeasures, ws_case_measures, WS, CASE_MEASURES, AdwPreferencesGroup)

GtkWidget *ws_case_measures_new      (WsDatabase     *db);
void       ws_case_measures_set_case (WsCaseMeasures *self,
                                      WsCase         *court_case);
void       ws_case_measures_set_database (WsCaseMeasures *self,
                                          WsDatabase     *db);
void       ws_case_measures_set_person (WsCaseMeasures *self,
                                        gint64          person_id);
guint      ws_case_measures_get_n_measures (WsCaseMeasures *self);
gboolean   ws_case_measures_open_measure (WsCaseMeasures *self,
                                          gint64          id);

#define WS_TYPE_SCREENING_GROUP (ws_screening_group_get_type ())

G_DECLARE_FINAL_TYPE (WsScreeningGroup, ws_screening_group, WS, SCREENING_GROUP, AdwPreferencesGroup)

GtkWidget *ws_screening_group_new      (WsDatabase       *db);
void       ws_screening_group_set_case (WsScreeningGroup *self,
                                        WsCase           *court_case);
guint      ws_screening_group_get_n_screenings (WsScreeningGroup *self);
gboolean   ws_screening_group_add      (WsScreeningGroup *self,
                                        guint             witness,
                                        guint             accused);
void       ws_screening_group_remove   (WsScreeningGroup *self,
                                        guint             position);

G_END_DECLS
