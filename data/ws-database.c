/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ws-access.h"
#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-identity-private.h"
#include "ws-profile.h"
#include "ws-time.h"

/* 'WSUP': marks the file as ours so another program's SQLite file is
 * refused instead of being "upgraded" into a Witness Support database. */
#define WS_APPLICATION_ID 0x57535550

struct _WsDatabase
{
  GObject    parent_instance;

  /* owned */
  char      *path;
  sqlite3   *db;
  GRecMutex  lock;
  guint      depth;
  char      *actor_name;
  WsRole     actor_role;

  /* the session: see ws-profile.h */
  gboolean   protected_;
  char      *profile_name;    /* the unlocked profile, or NULL */
  WsRole     profile_role;
  gboolean   headless;        /* ws_database_act_without_key() */
  guint8    *identity_key;    /* sodium_malloc'd, or NULL */
};

static void ws_database_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WsDatabase, ws_database, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, ws_database_initable_iface_init))

G_DEFINE_QUARK (ws-database-error-quark, ws_database_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_LOCKED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Ordered upgrades: entry i takes user_version i to i + 1. */
static const char * const migrations[] = {
  "/org/witnesssupport/WitnessSupport/data/ws-schema.sql",
  "/org/witnesssupport/WitnessSupport/data/ws-schema-2.sql",
  "/org/witnesssupport/WitnessSupport/data/ws-schema-security.sql",
  "/org/witnesssupport/WitnessSupport/data/ws-schema-plans.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == WS_SCHEMA_VERSION);

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return WS_DATABASE_ERROR_BUSY;
    case SQLITE_NOTADB:
      return WS_DATABASE_ERROR_NOT_OURS;
    case SQLITE_CONSTRAINT:
      return rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY
             ? WS_DATABASE_ERROR_DUPLICATE : WS_DATABASE_ERROR_INVALID;
    default:
      return WS_DATABASE_ERROR_FAILED;
    }
}

void
_ws_database_set_error (WsDatabase  *self,
                        GError     **error,
                        const char  *what)
{
  int rc = sqlite3_extended_errcode (self->db);

  g_set_error (error, WS_DATABASE_ERROR, error_code_for (rc),
               /* Translators: the first %s says what was being done, the second is the database's own message */
               _("%s failed: %s"), what, sqlite3_errmsg (self->db));
}

static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* Create the file ourselves so it is never readable by others, not even
   * for the moment between SQLite creating it and a chmod. An existing
   * file is restricted only once it is known to be ours (see
   * restrict_file), so a refused file keeps its mode. */
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_OPEN,
                   _("Cannot open the database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
restrict_file (const char *path)
{
  if (g_chmod (path, 0600) != 0)
    g_debug ("Could not restrict the database file's mode: %s", g_strerror (errno));
}

static gboolean
read_pragma_int (WsDatabase  *self,
                 const char  *pragma,
                 int         *value,
                 GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  g_autoptr(sqlite3_stmt) stmt = _ws_database_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _ws_database_set_error (self, error, _("Reading the database"));
      return FALSE;
    }
  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
has_tables (WsDatabase *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _ws_database_prepare (self, "SELECT count(*) FROM sqlite_schema", NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
}

/* Everything here only reads, so a file we refuse stays byte-for-byte as
 * it was. */
static gboolean
check_file_is_ours (WsDatabase  *self,
                    int         *version,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  int app_id = 0;

  if (!read_pragma_int (self, "user_version", version, &local_error))
    {
      if (g_error_matches (local_error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_OURS))
        g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_OURS,
                     _("%s is not a Witness Support database"), self->path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!read_pragma_int (self, "application_id", &app_id, error))
    return FALSE;

  if (app_id != WS_APPLICATION_ID && (app_id != 0 || has_tables (self)))
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_OURS,
                   _("%s is not a Witness Support database"), self->path);
      return FALSE;
    }
  if (*version > WS_SCHEMA_VERSION)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NEWER,
                   _("%s was made by a newer version of Witness Support (data version %d, this program knows up to %d); "
                     "it was left unchanged — please update the program"),
                   self->path, *version, WS_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_migration (WsDatabase  *self,
               int          from,
               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *script = NULL;
  g_autofree char *bump = NULL;
  g_autoptr(GError) local_error = NULL;

  bytes = g_resources_lookup_data (migrations[from], G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  script = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                          from + 1, WS_APPLICATION_ID);

  if (!_ws_database_begin (self, error))
    return FALSE;
  if (!_ws_database_exec (self, script, &local_error) || !_ws_database_exec (self, bump, &local_error))
    {
      _ws_database_rollback (self);
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_MIGRATION,
                   /* Translators: %d is the data version, %s what went wrong */
                   _("Upgrading the database to data version %d: %s"), from + 1, local_error->message);
      return FALSE;
    }
  return _ws_database_commit (self, error);
}

static gboolean
configure_connection (WsDatabase  *self,
                      GError     **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  return _ws_database_exec (self,
                            "PRAGMA journal_mode = WAL;"
                            "PRAGMA synchronous = FULL;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA secure_delete = ON;"
                            "PRAGMA trusted_schema = OFF;",
                            error);
}

static gboolean
ws_database_initable_init (GInitable     *initable,
                           GCancellable  *cancellable,
                           GError       **error)
{
  WsDatabase *self = WS_DATABASE (initable);
  int version = 0;
  int rc;

  if (self->path == NULL)
    self->path = ws_database_default_path ();

  if (!ensure_private_file (self->path, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_OPEN,
                   _("Cannot open the database %s: %s"), self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  if (!check_file_is_ours (self, &version, error))
    return FALSE;
  /* Before WAL mode is set, so the journal files SQLite creates next
   * inherit the private mode. */
  restrict_file (self->path);
  if (!configure_connection (self, error))
    return FALSE;

  for (int v = version; v < WS_SCHEMA_VERSION; v++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!run_migration (self, v, error))
        return FALSE;
    }

  if (sodium_init () < 0)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_OPEN,
                   _("The cryptography library could not start"));
      return FALSE;
    }
  self->protected_ = _ws_database_count_profiles (self) > 0;
  return TRUE;
}

static void
ws_database_initable_iface_init (GInitableIface *iface)
{
  iface->init = ws_database_initable_init;
}

static void
wipe_key (WsDatabase *self)
{
  if (self->identity_key != NULL)
    {
      sodium_memzero (self->identity_key, WS_IDENTITY_KEY_BYTES);
      sodium_free (self->identity_key);
      self->identity_key = NULL;
    }
}

static void
ws_database_finalize (GObject *object)
{
  WsDatabase *self = (WsDatabase *)object;

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  wipe_key (self);
  g_clear_pointer (&self->profile_name, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor_name, g_free);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ws_database_parent_class)->finalize (object);
}

static void
ws_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WsDatabase *self = WS_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, ws_database_is_locked (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_database_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WsDatabase *self = WS_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_database_class_init (WsDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ws_database_finalize;
  object_class->get_property = ws_database_get_property;
  object_class->set_property = ws_database_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * WsDatabase:locked:
   *
   * Whether the database is protected and nobody has unlocked it. Notified
   * on the thread that unlocked or locked.
   */
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WsDatabase::changed:
   *
   * Emitted on the main thread after records were created, edited,
   * deleted or imported, so views can reload.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ws_database_init (WsDatabase *self)
{
  g_rec_mutex_init (&self->lock);
  self->actor_name = g_strdup (g_get_real_name ());
  self->actor_role = WS_ROLE_OFFICER;
}

/**
 * ws_database_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/witness-support/witness-support.db`
 */
char *
ws_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "witness-support", "witness-support.db", NULL);
}

/**
 * ws_database_new:
 * @path: (nullable): the database file, or %NULL for the default
 *
 * Opens or creates the database and brings its schema up to date.
 * A database made by a newer program is refused and left untouched.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
WsDatabase *
ws_database_new (const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return g_initable_new (WS_TYPE_DATABASE, cancellable, error, "path", path, NULL);
}

const char *
ws_database_get_path (WsDatabase *self)
{
  g_return_val_if_fail (WS_IS_DATABASE (self), NULL);
  return self->path;
}

int
ws_database_get_schema_version (WsDatabase *self)
{
  int version = -1;

  g_return_val_if_fail (WS_IS_DATABASE (self), -1);

  _ws_database_lock (self);
  read_pragma_int (self, "user_version", &version, NULL);
  _ws_database_unlock (self);
  return version;
}

/* Whether the session may narrow its role to @role: every permission of
 * @role is one the unlocked profile's role has (reading every session
 * covers reading one's own). */
static gboolean
role_covers (WsDatabase *self,
             WsRole      role)
{
  if (self->profile_name == NULL)
    return FALSE;
  for (guint p = 0; p < WS_PERMISSION_LAST; p++)
    {
      gboolean has = ws_role_may (self->profile_role, p);

      if (p == WS_PERMISSION_READ_OWN_SCHEDULE)
        has = has || ws_role_may (self->profile_role, WS_PERMISSION_READ_SCHEDULE);
      if (ws_role_may (role, p) && !has)
        return FALSE;
    }
  return TRUE;
}

/**
 * ws_database_set_actor:
 *
 * Sets who is working: their name goes into the audit trail and change
 * history, their role decides what the data layer lets them read.
 */
void
ws_database_set_actor (WsDatabase *self,
                       const char *name,
                       WsRole      role)
{
  g_return_if_fail (WS_IS_DATABASE (self));
  g_return_if_fail (name != NULL);

  _ws_database_lock (self);
  if (self->protected_ && !role_covers (self, role))
    {
      _ws_database_unlock (self);
      g_return_if_fail (!"a protected database's role comes from the unlocked profile");
      return;
    }
  g_free (self->actor_name);
  self->actor_name = g_strdup (name);
  self->actor_role = role;
  _ws_database_unlock (self);
}

const char *
ws_database_get_actor_name (WsDatabase *self)
{
  g_return_val_if_fail (WS_IS_DATABASE (self), NULL);
  return self->actor_name;
}

WsRole
ws_database_get_actor_role (WsDatabase *self)
{
  g_return_val_if_fail (WS_IS_DATABASE (self), WS_ROLE_OFFICER);
  return self->actor_role;
}

/**
 * ws_database_is_empty:
 *
 * Returns: %TRUE when the database holds no witnesses and no cases
 */
gboolean
ws_database_is_empty (WsDatabase *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean empty = FALSE;

  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);

  _ws_database_lock (self);
  stmt = _ws_database_prepare (self,
                               "SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM court_case)"
                               " + (SELECT count(*) FROM site) + (SELECT count(*) FROM interpreter)", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int64 (stmt, 0) == 0;
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (self);
  return empty;
}

/**
 * ws_database_count_audit:
 * @action: (nullable): count only records of this action
 *
 * Returns: how many audit records there are
 */
guint
ws_database_count_audit (WsDatabase *self,
                         const char *action)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint count = 0;

  g_return_val_if_fail (WS_IS_DATABASE (self), 0);

  _ws_database_lock (self);
  stmt = _ws_database_prepare (self, "SELECT count(*) FROM audit WHERE ?1 IS NULL OR action = ?1", NULL);
  if (stmt != NULL)
    {
      _ws_bind_optional (stmt, 1, action);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        count = sqlite3_column_int (stmt, 0);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (self);
  return count;
}

/**
 * ws_database_emit_changed:
 *
 * Tells views that records changed. Call on the main thread.
 */
void
ws_database_emit_changed (WsDatabase *self)
{
  g_return_if_fail (WS_IS_DATABASE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ws_database_audit_event:
 * @action: what happened, e.g. "print" or "export-summary"
 * @pseudonym: (nullable): whom it was about
 * @detail: (nullable): more about it; never identifying details
 *
 * Records something done outside the data layer (a printout, a PDF
 * leaving the program) in the audit trail.
 */
gboolean
ws_database_audit_event (WsDatabase  *self,
                         const char  *action,
                         const char  *pseudonym,
                         const char  *detail,
                         GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  _ws_database_lock (self);
  ok = _ws_database_audit (self, action, pseudonym, detail, error);
  _ws_database_unlock (self);
  return ok;
}

sqlite3 *
_ws_database_get_handle (WsDatabase *self)
{
  return self->db;
}

void
_ws_database_lock (WsDatabase *self)
{
  g_rec_mutex_lock (&self->lock);
}

void
_ws_database_unlock (WsDatabase *self)
{
  g_rec_mutex_unlock (&self->lock);
}

sqlite3_stmt *
_ws_database_prepare (WsDatabase  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _ws_database_set_error (self, error, _("Reading the database"));
      return NULL;
    }
  return stmt;
}

gboolean
_ws_database_exec (WsDatabase  *self,
                   const char  *sql,
                   GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _ws_database_set_error (self, error, _("Writing to the database"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_ws_database_step_done (WsDatabase    *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _ws_database_set_error (self, error, _("Writing to the database"));
      return FALSE;
    }
  return TRUE;
}

/* Transactions nest as savepoints, so a function that needs atomicity can
 * open one whether or not its caller already did. The lock is held from
 * begin to commit or rollback. */
gboolean
_ws_database_begin (WsDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  _ws_database_lock (self);
  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT ws_%u", self->depth);
  if (!_ws_database_exec (self, sql, error))
    {
      _ws_database_unlock (self);
      return FALSE;
    }
  self->depth++;
  return TRUE;
}

gboolean
_ws_database_commit (WsDatabase  *self,
                     GError     **error)
{
  g_autofree char *sql = NULL;

  g_assert (self->depth > 0);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE ws_%u", self->depth - 1);
  if (!_ws_database_exec (self, sql, error))
    {
      _ws_database_rollback (self);
      return FALSE;
    }
  self->depth--;
  _ws_database_unlock (self);
  return TRUE;
}

void
_ws_database_rollback (WsDatabase *self)
{
  g_autofree char *sql = NULL;

  g_assert (self->depth > 0);

  sql = self->depth == 1 ? g_strdup ("ROLLBACK")
                         : g_strdup_printf ("ROLLBACK TO ws_%u; RELEASE ws_%u",
                                            self->depth - 1, self->depth - 1);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Rollback failed: %s", sqlite3_errmsg (self->db));
  self->depth--;
  _ws_database_unlock (self);
}

gint64
_ws_database_last_insert_id (WsDatabase *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

/* The hash of one audit record: its content and the previous record's
 * hash, joined by a separator no field is allowed to hold unnoticed (the
 * lengths go in too, so moving text between fields changes the hash). */
char *
_ws_audit_hash (const char *prev_hash,
                gint64      id,
                const char *const fields[WS_AUDIT_N_FIELDS])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *head = g_strdup_printf ("ws-audit-1\x1f%s\x1f%" G_GINT64_FORMAT, prev_hash, id);

  g_checksum_update (checksum, (const guchar *) head, -1);
  for (guint i = 0; i < WS_AUDIT_N_FIELDS; i++)
    {
      g_autofree char *length = g_strdup_printf ("\x1f%zu:", strlen (fields[i]));

      g_checksum_update (checksum, (const guchar *) length, -1);
      g_checksum_update (checksum, (const guchar *) fields[i], -1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* The hash the next record links to. Records older than the chain carry
 * no hash; they are hashed here in order (once: afterwards the newest
 * record carries one), so the first chained record covers them. */
static char *
chain_head (WsDatabase  *self,
            gint64      *last_id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prev = g_strdup ("");

  *last_id = 0;
  stmt = _ws_database_prepare (self, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_steal_pointer (&prev);
  *last_id = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_column_bytes (stmt, 1) > 0)
    return _ws_column_dup (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _ws_database_prepare (self, "SELECT id, " WS_AUDIT_COLUMNS ", hash FROM audit ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *fields[WS_AUDIT_N_FIELDS];
      char *next;

      for (guint i = 0; i < WS_AUDIT_N_FIELDS; i++)
        fields[i] = (const char *) sqlite3_column_text (stmt, 1 + i);
      if (sqlite3_column_bytes (stmt, 1 + WS_AUDIT_N_FIELDS) > 0)
        next = _ws_column_dup (stmt, 1 + WS_AUDIT_N_FIELDS);
      else
        next = _ws_audit_hash (prev, sqlite3_column_int64 (stmt, 0), fields);
      g_free (prev);
      prev = next;
    }
  return g_steal_pointer (&prev);
}

/* Appends one record to the chain. Its own transaction (a savepoint when
 * the caller holds one) makes reading the head and inserting one step,
 * even with another process appending at the same time. */
gboolean
_ws_database_audit (WsDatabase  *self,
                    const char  *action,
                    const char  *pseudonym,
                    const char  *detail,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ws_time_now_iso ();
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  const char *fields[WS_AUDIT_N_FIELDS];
  gint64 id;

  if (!_ws_database_begin (self, error))
    return FALSE;
  prev = chain_head (self, &id, error);
  if (prev == NULL)
    goto fail;
  id++;

  fields[0] = now;
  fields[1] = self->actor_name;
  fields[2] = ws_enum_to_nick (WS_TYPE_ROLE, self->actor_role);
  fields[3] = self->profile_name != NULL ? self->profile_name : "";
  fields[4] = action;
  fields[5] = pseudonym != NULL ? pseudonym : "";
  fields[6] = detail != NULL ? detail : "";
  hash = _ws_audit_hash (prev, id, fields);

  stmt = _ws_database_prepare (self,
                               "INSERT INTO audit (id, " WS_AUDIT_COLUMNS ", prev_hash, hash)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < WS_AUDIT_N_FIELDS; i++)
    _ws_bind_text (stmt, 2 + i, fields[i]);
  _ws_bind_text (stmt, 2 + WS_AUDIT_N_FIELDS, prev);
  _ws_bind_text (stmt, 3 + WS_AUDIT_N_FIELDS, hash);
  if (!_ws_database_step_done (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  return _ws_database_commit (self, error);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (self);
  return FALSE;
}

gboolean
_ws_database_record_change (WsDatabase  *self,
                            const char  *subject,
                            gint64       subject_id,
                            const char  *change,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ws_time_now_iso ();

  stmt = _ws_database_prepare (self,
                               "INSERT INTO change_history (at, actor, subject, subject_id, change)"
                               " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  _ws_bind_text (stmt, 1, now);
  _ws_bind_text (stmt, 2, self->actor_name);
  _ws_bind_text (stmt, 3, subject);
  sqlite3_bind_int64 (stmt, 4, subject_id);
  _ws_bind_text (stmt, 5, change);
  return _ws_database_step_done (self, stmt, error);
}

/* The objects @loader makes of the rows of @sql, with ?1 bound to @id,
 * read under the lock; NULL with @error (@reading says what was being
 * read) on failure. */
GPtrArray *
_ws_database_list_rows (WsDatabase   *self,
                        const char   *sql,
                        gint64        id,
                        WsRowLoader   loader,
                        gpointer      user_data,
                        const char   *reading,
                        GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  _ws_database_lock (self);
  stmt = _ws_database_prepare (self, sql, error);
  if (stmt == NULL)
    {
      _ws_database_unlock (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer row = loader (stmt, user_data);

      if (row != NULL)
        g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (self, error, reading);
      g_clear_pointer (&rows, g_ptr_array_unref);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (self);
  return g_steal_pointer (&rows);
}

/* After an INSERT (@old_id 0) or an UPDATE of the row @old_id has run:
 * the row's id, or 0 with NOT_FOUND (@gone_message) when the UPDATE
 * found no row because someone deleted it meanwhile. */
gint64
_ws_database_saved_id (WsDatabase  *self,
                       gint64       old_id,
                       const char  *gone_message,
                       GError     **error)
{
  if (old_id == 0)
    return _ws_database_last_insert_id (self);
  if (sqlite3_changes (_ws_database_get_handle (self)) == 0)
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND, gone_message);
      return 0;
    }
  return old_id;
}

/* Deletes the row @sql names by id, in its own transaction, and records
 * the deletion in the change history; a row already gone is NOT_FOUND. */
gboolean
_ws_database_delete_row (WsDatabase  *db,
                         const char  *sql,
                         gint64       id,
                         const char  *subject,
                         const char  *gone_message,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!_ws_database_begin (db, error))
    return FALSE;
  stmt = _ws_database_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_ws_database_step_done (db, stmt, error))
    goto fail;
  if (sqlite3_changes (_ws_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND, gone_message);
      goto fail;
    }
  if (!_ws_database_record_change (db, subject, id, "deleted", error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  return _ws_database_commit (db, error);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  return FALSE;
}

void
_ws_bind_text (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

void
_ws_bind_optional (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
_ws_column_dup (sqlite3_stmt *stmt,
                int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

guint
_ws_database_count_profiles (WsDatabase *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint count = 0;

  _ws_database_lock (self);
  stmt = _ws_database_prepare (self, "SELECT count(*) FROM user_profile WHERE verifier IS NOT NULL", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (self);
  return count;
}

void
_ws_database_set_protected (WsDatabase *self,
                            gboolean    protected_)
{
  self->protected_ = protected_;
}

/**
 * ws_database_is_protected:
 *
 * Returns: whether the database has profiles (see ws-profile.h)
 */
gboolean
ws_database_is_protected (WsDatabase *self)
{
  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);
  return self->protected_;
}

/**
 * ws_database_is_locked:
 *
 * Returns: whether the database is protected and nobody has unlocked it
 */
gboolean
ws_database_is_locked (WsDatabase *self)
{
  g_return_val_if_fail (WS_IS_DATABASE (self), TRUE);
  return self->protected_ && self->profile_name == NULL && !self->headless;
}

/**
 * ws_database_get_profile_name:
 *
 * Returns: (nullable): the unlocked profile's name
 */
const char *
ws_database_get_profile_name (WsDatabase *self)
{
  g_return_val_if_fail (WS_IS_DATABASE (self), NULL);
  return self->profile_name;
}

const guint8 *
_ws_database_get_identity_key (WsDatabase *self)
{
  return self->identity_key;
}

/* Takes @key (sodium_malloc'd, WS_IDENTITY_KEY_BYTES, or NULL). */
void
_ws_database_begin_session (WsDatabase *self,
                            const char *profile,
                            WsRole      role,
                            guint8     *key)
{
  _ws_database_lock (self);
  wipe_key (self);
  _ws_identity_forget_index (self);
  g_free (self->profile_name);
  self->profile_name = g_strdup (profile);
  self->profile_role = role;
  self->headless = FALSE;
  self->identity_key = key;
  g_free (self->actor_name);
  self->actor_name = g_strdup (profile);
  self->actor_role = role;
  _ws_database_unlock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

void
_ws_database_set_headless (WsDatabase *self,
                           const char *name)
{
  _ws_database_lock (self);
  self->headless = TRUE;
  g_free (self->actor_name);
  self->actor_name = g_strdup (name);
  self->actor_role = WS_ROLE_PROSECUTOR;
  _ws_database_unlock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

void
_ws_database_end_session (WsDatabase *self)
{
  _ws_database_lock (self);
  wipe_key (self);
  _ws_identity_forget_index (self);
  g_clear_pointer (&self->profile_name, g_free);
  self->headless = FALSE;
  _ws_database_unlock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}
