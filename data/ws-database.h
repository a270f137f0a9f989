/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-types.h"

G_BEGIN_DECLS

#define WS_SCHEMA_VERSION 4

#define WS_DATABASE_ERROR (ws_database_error_quark ())

typedef enum {
  WS_DATABASE_ERROR_OPEN,        /* the file could not be opened or created */
  WS_DATABASE_ERROR_NOT_OURS,    /* a file that is not a Witness Support database */
  WS_DATABASE_ERROR_NEWER,       /* made by a newer version of the program */
  WS_DATABASE_ERROR_MIGRATION,   /* an upgrade step failed; nothing was changed */
  WS_DATABASE_ERROR_FAILED,      /* any other database failure */
  WS_DATABASE_ERROR_INVALID,     /* the data given breaks a rule */
  WS_DATABASE_ERROR_DUPLICATE,   /* a name or reference already in use */
  WS_DATABASE_ERROR_NOT_FOUND,   /* the record is gone */
  WS_DATABASE_ERROR_PERMISSION,  /* the current role may not do this */
  WS_DATABASE_ERROR_BUSY,        /* another program holds the database */
  WS_DATABASE_ERROR_LOCKED,      /* protected and nobody has unlocked it */
  WS_DATABASE_ERROR_BAD_PASSPHRASE, /* unknown profile or wrong passphrase */
  WS_DATABASE_ERROR_TAMPERED,    /* the audit chain does not match its records */
  WS_DATABASE_ERROR_DAMAGED,     /* a file fails its integrity check */
} WsDatabaseError;

#define WS_TYPE_DATABASE (ws_database_get_type ())

G_DECLARE_FINAL_TYPE (WsDatabase, ws_database, WS, DATABASE, GObject)

GQuark      ws_database_error_quark         (void);
char       *ws_database_default_path        (void);
WsDatabase *ws_database_new                 (const char    *path,
                                             GCancellable  *cancellable,
                                             GError       **error);
const char *ws_database_get_path            (WsDatabase    *self);
int         ws_database_get_schema_version  (WsDatabase    *self);
/* Unprotected database (no profiles): sets any actor, as before profiles.
 * Protected: only narrows the unlocked profile's role (an administrator
 * may act as officer or prosecutor, say); claiming a role the profile
 * lacks, or any role while locked, is a programming error
 * (g_return_if_fail). The audit trail also records the profile. */
void        ws_database_set_actor           (WsDatabase    *self,
                                             const char    *name,
                                             WsRole         role);
const char *ws_database_get_actor_name      (WsDatabase    *self);
WsRole      ws_database_get_actor_role      (WsDatabase    *self);
gboolean    ws_database_is_empty            (WsDatabase    *self);
guint       ws_database_count_audit         (WsDatabase    *self,
                                             const char    *action);
void        ws_database_emit_changed        (WsDatabase    *self);
gboolean    ws_database_audit_event         (WsDatabase    *self,
                                             const char    *action,
                                             const char    *pseudonym,
                                             const char    *detail,
                                             GError       **error);

G_END_DECLS
