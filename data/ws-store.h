/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-case.h"
#include "ws-database.h"
#include "ws-identity.h"
#include "ws-person.h"

G_BEGIN_DECLS

/* The records of the unit, as GObjects. Nothing here exposes SQL: this is
 * the surface a server backend would implement. */

GPtrArray   *ws_database_list_persons             (WsDatabase           *db,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void         ws_database_list_persons_async       (WsDatabase           *db,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GPtrArray   *ws_database_list_persons_finish      (WsDatabase           *db,
                                                   GAsyncResult         *result,
                                                   GError              **error);
WsPerson    *ws_database_get_person               (WsDatabase           *db,
                                                   gint64                id,
                                                   GError              **error);
WsPerson    *ws_database_find_person              (WsDatabase           *db,
                                                   const char           *pseudonym,
                                                   GError              **error);
void         ws_database_check_person             (WsDatabase           *db,
                                                   WsPerson             *person,
                                                   WsIdentity           *identity,
                                                   GPtrArray            *problems);
gboolean     ws_database_save_person              (WsDatabase           *db,
                                                   WsPerson             *person,
                                                   WsIdentity           *identity,
                                                   GError              **error);
gboolean     ws_database_delete_person            (WsDatabase           *db,
                                                   gint64                id,
                                                   GError              **error);

GPtrArray   *ws_database_list_cases               (WsDatabase           *db,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void         ws_database_list_cases_async         (WsDatabase           *db,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GPtrArray   *ws_database_list_cases_finish        (WsDatabase           *db,
                                                   GAsyncResult         *result,
                                                   GError              **error);
WsCase      *ws_database_get_case                 (WsDatabase           *db,
                                                   gint64                id,
                                                   GError              **error);
void         ws_database_check_case               (WsDatabase           *db,
                                                   WsCase               *court_case,
                                                   GPtrArray            *problems);
gboolean     ws_database_save_case                (WsDatabase           *db,
                                                   WsCase               *court_case,
                                                   GError              **error);
gboolean     ws_database_delete_case              (WsDatabase           *db,
                                                   gint64                id,
                                                   GError              **error);

GPtrArray   *ws_database_list_parties_of_case     (WsDatabase           *db,
                                                   gint64                case_id,
                                                   GError              **error);
GPtrArray   *ws_database_list_parties_of_person   (WsDatabase           *db,
                                                   gint64                person_id,
                                                   GError              **error);
char        *ws_database_suggest_party_label      (WsDatabase           *db,
                                                   gint64                case_id);
gboolean     ws_database_link_party               (WsDatabase           *db,
                                                   gint64                case_id,
                                                   gint64                person_id,
                                                   WsPartyRole           role,
                                                   const char           *label,
                                                   GError              **error);
gboolean     ws_database_unlink_party             (WsDatabase           *db,
                                                   gint64                party_id,
                                                   GError              **error);

G_END_DECLS
