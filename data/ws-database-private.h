/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "ws-database.h"

G_BEGIN_DECLS

/* Every use of the connection happens with the database lock held, so a
 * list filled on a worker thread never interleaves with an edit. */
sqlite3      *_ws_database_get_handle     (WsDatabase    *self);
void          _ws_database_lock           (WsDatabase    *self);
void          _ws_database_unlock         (WsDatabase    *self);
sqlite3_stmt *_ws_database_prepare        (WsDatabase    *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      _ws_database_exec           (WsDatabase    *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      _ws_database_step_done      (WsDatabase    *self,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);
gboolean      _ws_database_begin          (WsDatabase    *self,
                                           GError       **error);
gboolean      _ws_database_commit         (WsDatabase    *self,
                                           GError       **error);
void          _ws_database_rollback       (WsDatabase    *self);
void          _ws_database_set_error      (WsDatabase    *self,
                                           GError       **error,
                                           const char    *what);
gint64        _ws_database_last_insert_id (WsDatabase    *self);
gboolean      _ws_database_audit          (WsDatabase    *self,
                                           const char    *action,
                                           const char    *pseudonym,
                                           const char    *detail,
                                           GError       **error);
gboolean      _ws_database_delete_row     (WsDatabase    *self,
                                           const char    *sql,
                                           gint64         id,
                                           const char    *subject,
                                           const char    *gone_message,
                                           GError       **error);
/* Turns the current row of @stmt into a new object (NULL: skip it). */
typedef gpointer (*WsRowLoader)           (sqlite3_stmt  *stmt,
                                           gpointer       user_data);
GPtrArray    *_ws_database_list_rows      (WsDatabase    *self,
                                           const char    *sql,
                                           gint64         id,
                                           WsRowLoader    loader,
                                           gpointer       user_data,
                                           const char    *reading,
                                           GError       **error);
gint64        _ws_database_saved_id       (WsDatabase    *self,
                                           gint64         old_id,
                                           const char    *gone_message,
                                           GError       **error);
gboolean      _ws_database_record_change  (WsDatabase    *self,
                                           const char    *subject,
                                           gint64         subject_id,
                                           const char    *change,
                                           GError       **error);

/* The audit record's hashed fields, in this order after the id. */
#define WS_AUDIT_COLUMNS "at, actor, role, profile, action, pseudonym, detail"
#define WS_AUDIT_N_FIELDS 7
char         *_ws_audit_hash              (const char    *prev_hash,
                                           gint64         id,
                                           const char *const fields[WS_AUDIT_N_FIELDS]);

/* The session (ws-profile.c drives it). */
#define WS_IDENTITY_KEY_BYTES 32
guint         _ws_database_count_profiles (WsDatabase    *self);
void          _ws_database_set_protected  (WsDatabase    *self,
                                           gboolean       protected_);
const guint8 *_ws_database_get_identity_key (WsDatabase  *self);
void          _ws_database_begin_session  (WsDatabase    *self,
                                           const char    *profile,
                                           WsRole         role,
                                           guint8        *key);
void          _ws_database_set_headless   (WsDatabase    *self,
                                           const char    *name);
void          _ws_database_end_session    (WsDatabase    *self);

/* Text columns: NULL and "" are distinct in SQL but the program treats a
 * missing optional value as NULL. */
void          _ws_bind_text               (sqlite3_stmt  *stmt,
                                           int            index,
                                           const char    *text);
void          _ws_bind_optional           (sqlite3_stmt  *stmt,
                                           int            index,
                                           const char    *text);
char         *_ws_column_dup              (sqlite3_stmt  *stmt,
                                           int            column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
