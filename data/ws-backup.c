/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ws-access.h"
#include "ws-backup.h"
#include "ws-database-private.h"

/* Backups and restores go through SQLite's backup API into a temporary
 * file beside the destination, which is renamed into place only when
 * complete: a crash leaves either the old file or the new one. */

#define WS_APPLICATION_ID 0x57535550
#define ROTATING_PREFIX "witness-support-"
#define ROTATING_SUFFIX ".db"

static gboolean
set_sqlite_error (sqlite3     *db,
                  int          rc,
                  const char  *what,
                  GError     **error)
{
  int code = (rc & 0xff) == SQLITE_NOTADB ? WS_DATABASE_ERROR_NOT_OURS
           : (rc & 0xff) == SQLITE_CORRUPT ? WS_DATABASE_ERROR_DAMAGED
           : WS_DATABASE_ERROR_FAILED;

  g_set_error (error, WS_DATABASE_ERROR, code, _("%s failed: %s"), what,
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

/* A new empty file beside @path, mode 0600. */
static char *
make_temp_beside (const char  *path,
                  GError     **error)
{
  g_autofree char *tmpl = g_strconcat (path, ".tmp-XXXXXX", NULL);
  int fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_OPEN,
                   _("Cannot write beside %s: %s"), path, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmpl);
}

/* Copies the whole of @source into the file @dest_path and leaves it a
 * self-contained rollback-journal database (no -wal beside it). */
static gboolean
copy_into (sqlite3     *source,
           const char  *dest_path,
           GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (dest, rc, _("Writing the copy"), error);
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  sqlite3_busy_timeout (source, 5000);
  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      set_sqlite_error (dest, sqlite3_errcode (dest), _("Writing the copy"), error);
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  /* All pages in one step: one consistent snapshot of the source even
   * while another connection writes. */
  while ((rc = sqlite3_backup_step (backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
    sqlite3_sleep (50);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (NULL, rc, _("Copying the database"), error);
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (dest, rc, _("Writing the copy"), error);
      sqlite3_close_v2 (dest);
      return FALSE;
    }
  sqlite3_close_v2 (dest);
  return TRUE;
}

static gboolean
rename_into_place (const char  *tmp,
                   const char  *path,
                   GError     **error)
{
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_FAILED,
                   _("Cannot write %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean backup_to (WsDatabase    *self,
                           const char    *path,
                           GCancellable  *cancellable,
                           const char    *action,
                           GError       **error);

/**
 * ws_database_backup:
 *
 * See ws-backup.h.
 */
gboolean
ws_database_backup (WsDatabase    *self,
                    const char    *path,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_ws_database_require (self, WS_PERMISSION_BACKUP, error))
    return FALSE;
  return backup_to (self, path, cancellable, "backup", error);
}

/* The copy itself, audited as @action; callers check who may ask. */
static gboolean
backup_to (WsDatabase    *self,
           const char    *path,
           GCancellable  *cancellable,
           const char    *action,
           GError       **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  tmp = make_temp_beside (path, error);
  if (tmp == NULL)
    return FALSE;

  _ws_database_lock (self);
  ok = copy_into (_ws_database_get_handle (self), tmp, error);
  _ws_database_unlock (self);
  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (!rename_into_place (tmp, path, error))
    return FALSE;
  name = g_path_get_basename (path);
  return _ws_database_audit (self, action, NULL, name, error);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Deletes the oldest rotating backups in @dir beyond @keep (their names
 * sort by time). */
static void
prune (const char *dir,
       guint       keep)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, ROTATING_PREFIX) && g_str_has_suffix (name, ROTATING_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);

      if (g_unlink (path) != 0)
        g_debug ("Could not remove an old backup: %s", g_strerror (errno));
    }
}

/**
 * ws_database_backup_rotating:
 *
 * See ws-backup.h.
 *
 * Returns: (transfer full): the new backup's path
 */
char *
ws_database_backup_rotating (WsDatabase  *self,
                             const char  *dir,
                             guint        keep,
                             GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (WS_IS_DATABASE (self), NULL);

  /* No permission is asked: this is the program's own safety copy, the
   * same bytes in a private folder beside the file (identity stays
   * sealed in it), taken whoever closes the window. */
  if (dir != NULL)
    folder = g_strdup (dir);
  else
    {
      g_autofree char *parent = g_path_get_dirname (ws_database_get_path (self));

      folder = g_build_filename (parent, "backups", NULL);
    }
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), folder, g_strerror (saved));
      return NULL;
    }
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  /* Microseconds keep the names in time order even within one second;
   * a clash (a clock set back) counts on from there. */
  for (gint64 n = g_date_time_get_microsecond (now); path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s/" ROTATING_PREFIX "%s-%07" G_GINT64_FORMAT ROTATING_SUFFIX, folder, stamp, n);
    }
  if (!backup_to (self, path, NULL, "backup-automatic", error))
    return NULL;
  prune (folder, MAX (keep, 1));
  return g_steal_pointer (&path);
}

static gboolean
read_int (sqlite3  *db,
          const char *sql,
          int      *value,
          GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (db, sqlite3_errcode (db), _("Reading the file"), error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
check_integrity (sqlite3  *db,
                 GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (db, sqlite3_errcode (db), _("Checking the file"), error);
  ok = sqlite3_step (stmt) == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!ok)
    g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DAMAGED,
                 _("The file fails its integrity check"));
  return ok;
}

static gboolean
check_open (sqlite3     *db,
            const char  *source,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  int app_id = 0;
  int version = 0;

  if (!read_int (db, "PRAGMA application_id", &app_id, &local_error) ||
      !read_int (db, "PRAGMA user_version", &version, &local_error))
    {
      if (g_error_matches (local_error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DAMAGED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_OURS,
                   _("%s is not a Witness Support database"), source);
      return FALSE;
    }
  if (app_id != WS_APPLICATION_ID || version < 1)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_OURS,
                   _("%s is not a Witness Support database"), source);
      return FALSE;
    }
  if (version > WS_SCHEMA_VERSION)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NEWER,
                   _("%s was made by a newer version of Witness Support"), source);
      return FALSE;
    }
  return check_integrity (db, error);
}

static sqlite3 *
open_read_only (const char  *source,
                GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_OPEN, _("There is no file %s"), source);
      return NULL;
    }
  rc = sqlite3_open_v2 (source, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_OPEN,
                   _("Cannot open %s: %s"), source, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/**
 * ws_database_check_file:
 *
 * See ws-backup.h.
 */
gboolean
ws_database_check_file (const char  *source,
                        GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (source != NULL, FALSE);

  db = open_read_only (source, error);
  if (db == NULL)
    return FALSE;
  ok = check_open (db, source, error);
  sqlite3_close_v2 (db);
  return ok;
}

/* Folds the target's WAL into it and removes -wal/-shm, so no stale
 * journal is ever replayed onto the restored file. */
static gboolean
settle_target (const char  *target,
               GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  sqlite3 *db = NULL;

  if (g_file_test (target, G_FILE_TEST_EXISTS) &&
      sqlite3_open_v2 (target, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (target, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_FAILED,
                       _("Cannot remove %s: %s"), file, g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * ws_database_restore:
 *
 * See ws-backup.h.
 */
gboolean
ws_database_restore (const char  *source,
                     const char  *target,
                     GError     **error)
{
  g_autofree char *tmp = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  db = open_read_only (source, error);
  if (db == NULL)
    return FALSE;
  ok = check_open (db, source, error);
  if (ok)
    {
      tmp = make_temp_beside (target, error);
      ok = tmp != NULL && copy_into (db, tmp, error);
    }
  sqlite3_close_v2 (db);
  /* The copy is checked again: what is renamed into place is what was checked. */
  if (ok)
    ok = ws_database_check_file (tmp, error);
  if (ok)
    ok = settle_target (target, error) && rename_into_place (tmp, target, error);
  if (!ok && tmp != NULL)
    g_unlink (tmp);
  return ok;
}
