/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ws-database.h"

G_BEGIN_DECLS

/* Backups copy the database file as it is through SQLite's online backup
 * API, so they can be taken while the window (or another process) is
 * writing, and identity stays encrypted in the copy: a backup is
 * protected by the same profiles and passphrases as the original. */

/* Writes a consistent copy of the database to @path (replaced atomically:
 * written beside it, then renamed; mode 0600). Needs WS_PERMISSION_BACKUP;
 * audited as "backup". */
gboolean    ws_database_backup          (WsDatabase    *self,
                                         const char    *path,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* The automatic backup the application takes on close: writes
 * "witness-support-YYYYMMDD-HHMMSS-UUUUUUU.db" into @dir (NULL: a "backups" folder
 * beside the database) and deletes the oldest such files beyond @keep
 * (at least 1). Any role, even with the screen locked: it is the
 * program's own safety copy of the same (sealed) bytes, audited as
 * "backup-automatic".
 * Returns: (transfer full): the new backup's path, or NULL with @error. */
char       *ws_database_backup_rotating (WsDatabase    *self,
                                         const char    *dir,
                                         guint          keep,
                                         GError       **error);

/* Checks that @source is a sound Witness Support database (PRAGMA
 * integrity_check, application_id, a user_version this program knows)
 * without changing it. WS_DATABASE_ERROR_NOT_OURS, _NEWER or _DAMAGED. */
gboolean    ws_database_check_file      (const char    *source,
                                         GError       **error);

/* Replaces the database at @target by a copy of @source after
 * ws_database_check_file(): the copy is written beside @target and
 * renamed over it, so @target is either untouched or fully replaced, and
 * stale -wal/-shm files are removed. No connection may be open on
 * @target. No role is checked: the file system is the boundary here, and
 * the restored database brings its own profiles. The caller reopens it
 * and records the restore with ws_database_audit_event (db, "restore", ...). */
gboolean    ws_database_restore         (const char    *source,
                                         const char    *target,
                                         GError       **error);

G_END_DECLS
