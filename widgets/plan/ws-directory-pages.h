/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"
#include "ws-plan.h"
#include "ws-record-editor.h"

G_BEGIN_DECLS

/* The agency directory, for those who may manage it. */
#define WS_TYPE_AGENCIES_PAGE (ws_agencies_page_get_type ())

G_DECLARE_FINAL_TYPE (WsAgenciesPage, ws_agencies_page, WS, AGENCIES_PAGE, AdwPreferencesPage)

WsAgenciesPage *ws_agencies_page_new            (WsDatabase     *db);
WsRecordEditor *ws_agencies_page_edit           (WsAgenciesPage *self,
                                                 gint64          agency_id);
AdwMessageDialog *ws_agencies_page_remove       (WsAgenciesPage *self,
                                                 gint64          agency_id);
guint           ws_agencies_page_get_n_agencies (WsAgenciesPage *self);
GtkWidget      *ws_agencies_page_find_row       (WsAgenciesPage *self,
                                                 const char     *name);

/* The catalogue of needs and services, for those who may manage it. */
#define WS_TYPE_NEEDS_PAGE (ws_needs_page_get_type ())

G_DECLARE_FINAL_TYPE (WsNeedsPage, ws_needs_page, WS, NEEDS_PAGE, AdwPreferencesPage)

WsNeedsPage    *ws_needs_page_new               (WsDatabase     *db);
WsRecordEditor *ws_needs_page_edit              (WsNeedsPage    *self,
                                                 const char     *code);
AdwMessageDialog *ws_needs_page_remove          (WsNeedsPage    *self,
                                                 const char     *code);
GtkWidget      *ws_needs_page_find_row          (WsNeedsPage    *self,
                                                 const char     *code);

G_END_DECLS
