/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-profile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "ws-access.h"
#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-identity-private.h"
#include "ws-profile-private.h"
#include "ws-time.h"

/* Profiles, passphrases and the identity key. A passphrase is stretched
 * with Argon2id (the profile's own salt and cost) into a key-encryption
 * key; from that come a verifier (to tell a wrong passphrase from a
 * right one, for every role) and, for roles that read identity, the
 * identity key wrapped with XChaCha20-Poly1305. Keys live only in
 * sodium_malloc'd memory and are wiped as soon as they are not needed. */

#define KEK_BYTES 32
#define VERIFIER_BYTES 32
#define WRAP_AD "ws-identity-key-1"
#define VERIFIER_AD "ws-profile-verifier-1"

struct _WsProfile
{
  GObject   parent_instance;

  char     *name;
  WsRole    role;
  char     *created_at;
  gboolean  holds_key;
  gboolean  has_passphrase;
};

G_DEFINE_FINAL_TYPE (WsProfile, ws_profile, G_TYPE_OBJECT)

/* What one user_profile row holds. */
typedef struct {
  gint64   id;
  char    *name;
  WsRole   role;
  GBytes  *salt;
  guint64  opslimit;
  gsize    memlimit;
  GBytes  *verifier;
  GBytes  *wrapped_key;
} ProfileRow;

static gboolean cheap_kdf;

static void
profile_row_free (ProfileRow *row)
{
  g_free (row->name);
  g_clear_pointer (&row->salt, g_bytes_unref);
  g_clear_pointer (&row->verifier, g_bytes_unref);
  g_clear_pointer (&row->wrapped_key, g_bytes_unref);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProfileRow, profile_row_free)

static void
ws_profile_finalize (GObject *object)
{
  WsProfile *self = (WsProfile *)object;

  g_free (self->name);
  g_free (self->created_at);
  G_OBJECT_CLASS (ws_profile_parent_class)->finalize (object);
}

static void
ws_profile_class_init (WsProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_profile_finalize;
}

static void
ws_profile_init (WsProfile *self)
{
}

const char *
ws_profile_get_name (WsProfile *self)
{
  g_return_val_if_fail (WS_IS_PROFILE (self), NULL);
  return self->name;
}

WsRole
ws_profile_get_role (WsProfile *self)
{
  g_return_val_if_fail (WS_IS_PROFILE (self), WS_ROLE_OFFICER);
  return self->role;
}

const char *
ws_profile_get_created_at (WsProfile *self)
{
  g_return_val_if_fail (WS_IS_PROFILE (self), NULL);
  return self->created_at;
}

gboolean
ws_profile_has_passphrase (WsProfile *self)
{
  g_return_val_if_fail (WS_IS_PROFILE (self), FALSE);
  return self->has_passphrase;
}

gboolean
ws_profile_holds_key (WsProfile *self)
{
  g_return_val_if_fail (WS_IS_PROFILE (self), FALSE);
  return self->holds_key;
}

void
_ws_profile_use_cheap_kdf (gboolean cheap)
{
  cheap_kdf = cheap;
}

static gboolean
role_holds_key (WsRole role)
{
  return ws_role_may (role, WS_PERMISSION_READ_IDENTITY);
}

static GBytes *
column_bytes (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column));
}

static void
bind_bytes (sqlite3_stmt *stmt,
            int           index,
            GBytes       *bytes)
{
  if (bytes == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_blob (stmt, index, g_bytes_get_data (bytes, NULL),
                       (int) g_bytes_get_size (bytes), SQLITE_TRANSIENT);
}

/* NULL without an error when there is no such profile. */
static ProfileRow *
read_row (WsDatabase  *db,
          const char  *name,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ProfileRow) row = NULL;
  int role = WS_ROLE_OFFICER;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db,
                               "SELECT id, name, role, salt, opslimit, memlimit, verifier, wrapped_key"
                               " FROM user_profile WHERE name = ?", error);
  if (stmt == NULL)
    {
      _ws_database_unlock (db);
      return NULL;
    }
  _ws_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row = g_new0 (ProfileRow, 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      row->name = _ws_column_dup (stmt, 1);
      ws_enum_from_nick (WS_TYPE_ROLE, (const char *) sqlite3_column_text (stmt, 2), &role);
      row->role = role;
      row->salt = column_bytes (stmt, 3);
      row->opslimit = sqlite3_column_int64 (stmt, 4);
      row->memlimit = sqlite3_column_int64 (stmt, 5);
      row->verifier = column_bytes (stmt, 6);
      row->wrapped_key = column_bytes (stmt, 7);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return g_steal_pointer (&row);
}

static void
secure_free (guint8 *key)
{
  if (key != NULL)
    sodium_free (key);
}

typedef guint8 SecureKey;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecureKey, secure_free)

static SecureKey *
secure_new (gsize size)
{
  SecureKey *key = sodium_malloc (size);

  if (key == NULL)
    g_error ("Out of locked memory for keys");
  return key;
}

/* The key-encryption key for @passphrase with the salt and cost given. */
static SecureKey *
derive (const char  *passphrase,
        GBytes      *salt,
        guint64      opslimit,
        gsize        memlimit,
        GError     **error)
{
  g_autoptr(SecureKey) kek = secure_new (KEK_BYTES);

  if (salt == NULL || g_bytes_get_size (salt) != crypto_pwhash_SALTBYTES ||
      crypto_pwhash (kek, KEK_BYTES, passphrase, strlen (passphrase),
                     g_bytes_get_data (salt, NULL), opslimit, memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_FAILED,
                   _("The passphrase could not be checked (not enough memory?)"));
      return NULL;
    }
  return g_steal_pointer (&kek);
}

static GBytes *
make_verifier (const SecureKey *kek)
{
  guint8 out[VERIFIER_BYTES];

  crypto_generichash (out, sizeof out, (const guchar *) VERIFIER_AD, strlen (VERIFIER_AD), kek, KEK_BYTES);
  return g_bytes_new (out, sizeof out);
}

static gboolean
verifier_matches (const SecureKey *kek,
                  GBytes          *stored)
{
  g_autoptr(GBytes) computed = make_verifier (kek);

  return stored != NULL && g_bytes_get_size (stored) == VERIFIER_BYTES &&
         sodium_memcmp (g_bytes_get_data (computed, NULL), g_bytes_get_data (stored, NULL), VERIFIER_BYTES) == 0;
}

/* nonce ‖ ciphertext of the identity key under @kek. */
static GBytes *
wrap_key (const SecureKey *kek,
          const guint8    *key)
{
  gsize size = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + WS_IDENTITY_KEY_BYTES
               + crypto_aead_xchacha20poly1305_ietf_ABYTES;
  guint8 *blob = g_malloc (size);
  unsigned long long length = 0;

  randombytes_buf (blob, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (blob + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &length,
                                              key, WS_IDENTITY_KEY_BYTES,
                                              (const guchar *) WRAP_AD, strlen (WRAP_AD),
                                              NULL, blob, kek);
  return g_bytes_new_take (blob, size);
}

static SecureKey *
unwrap_key (const SecureKey  *kek,
            GBytes           *wrapped,
            GError          **error)
{
  g_autoptr(SecureKey) key = secure_new (WS_IDENTITY_KEY_BYTES);
  gsize size = 0;
  const guint8 *blob = wrapped != NULL ? g_bytes_get_data (wrapped, &size) : NULL;
  unsigned long long length = 0;

  if (size != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + WS_IDENTITY_KEY_BYTES
              + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
      crypto_aead_xchacha20poly1305_ietf_decrypt (key, &length, NULL,
                                                  blob + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                                                  size - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                                                  (const guchar *) WRAP_AD, strlen (WRAP_AD),
                                                  blob, kek) != 0)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DAMAGED,
                   _("This profile's key is damaged; an administrator can reset its passphrase"));
      return NULL;
    }
  return g_steal_pointer (&key);
}

/* What a new passphrase gives a profile: salt, cost, verifier and, when
 * @key is given, the wrapped key. */
typedef struct {
  GBytes  *salt;
  guint64  opslimit;
  gsize    memlimit;
  GBytes  *verifier;
  GBytes  *wrapped_key;
} Secrets;

static void
secrets_clear (Secrets *secrets)
{
  g_clear_pointer (&secrets->salt, g_bytes_unref);
  g_clear_pointer (&secrets->verifier, g_bytes_unref);
  g_clear_pointer (&secrets->wrapped_key, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Secrets, secrets_clear)

static gboolean
make_secrets (const char    *passphrase,
              const guint8  *key,
              Secrets       *secrets,
              GError       **error)
{
  guint8 salt[crypto_pwhash_SALTBYTES];
  g_autoptr(SecureKey) kek = NULL;

  randombytes_buf (salt, sizeof salt);
  secrets->salt = g_bytes_new (salt, sizeof salt);
  secrets->opslimit = cheap_kdf ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  secrets->memlimit = cheap_kdf ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  kek = derive (passphrase, secrets->salt, secrets->opslimit, secrets->memlimit, error);
  if (kek == NULL)
    return FALSE;
  secrets->verifier = make_verifier (kek);
  if (key != NULL)
    secrets->wrapped_key = wrap_key (kek, key);
  return TRUE;
}

static gboolean
check_passphrase_rules (const char  *passphrase,
                        GError     **error)
{
  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL) ||
      g_utf8_strlen (passphrase, -1) < WS_PASSPHRASE_MIN_LENGTH)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                   /* Translators: %d is a number of characters */
                   _("A passphrase needs at least %d characters"), WS_PASSPHRASE_MIN_LENGTH);
      return FALSE;
    }
  return TRUE;
}

static gboolean
audit_profile (WsDatabase  *db,
               const char  *action,
               const char  *format,
               ...) G_GNUC_PRINTF (3, 4);

static gboolean
audit_profile (WsDatabase  *db,
               const char  *action,
               const char  *format,
               ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  return _ws_database_audit (db, action, NULL, detail, NULL);
}

static guint
count_administrators (WsDatabase *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint count = 0;

  stmt = _ws_database_prepare (db, "SELECT count(*) FROM user_profile WHERE role = 'administrator' AND verifier IS NOT NULL", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  return count;
}

/* ------------------------------------------------------------------ */

GListModel *
ws_database_list_profiles (WsDatabase  *self,
                           GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (WS_TYPE_PROFILE);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (self), NULL);

  _ws_database_lock (self);
  stmt = _ws_database_prepare (self,
                               "SELECT name, role, created_at, wrapped_key IS NOT NULL, verifier IS NOT NULL FROM user_profile"
                               " ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    {
      _ws_database_unlock (self);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(WsProfile) profile = g_object_new (WS_TYPE_PROFILE, NULL);
      int role = WS_ROLE_OFFICER;

      profile->name = _ws_column_dup (stmt, 0);
      ws_enum_from_nick (WS_TYPE_ROLE, (const char *) sqlite3_column_text (stmt, 1), &role);
      profile->role = role;
      profile->created_at = _ws_column_dup (stmt, 2);
      profile->holds_key = sqlite3_column_int (stmt, 3);
      profile->has_passphrase = sqlite3_column_int (stmt, 4);
      g_list_store_append (store, profile);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (self);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static gboolean
insert_profile (WsDatabase  *db,
                const char  *name,
                WsRole       role,
                Secrets     *secrets,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ws_time_now_iso ();

  stmt = _ws_database_prepare (db,
                               "INSERT INTO user_profile (name, role, created_at, salt, opslimit, memlimit,"
                               " verifier, wrapped_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  _ws_bind_text (stmt, 1, name);
  _ws_bind_text (stmt, 2, ws_enum_to_nick (WS_TYPE_ROLE, role));
  _ws_bind_text (stmt, 3, now);
  bind_bytes (stmt, 4, secrets->salt);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) secrets->opslimit);
  sqlite3_bind_int64 (stmt, 6, (sqlite3_int64) secrets->memlimit);
  bind_bytes (stmt, 7, secrets->verifier);
  bind_bytes (stmt, 8, secrets->wrapped_key);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_ws_database_get_handle (db)) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DUPLICATE,
                     _("There is already a profile called “%s”"), name);
      else
        _ws_database_set_error (db, error, _("Saving the profile"));
      return FALSE;
    }
  return TRUE;
}

/* The first profile: a new identity key, every identity row encrypted
 * under it, the administrator unlocked — all or nothing. */
static gboolean
create_first (WsDatabase  *db,
              const char  *name,
              const char  *passphrase,
              GError     **error)
{
  g_autoptr(SecureKey) key = secure_new (WS_IDENTITY_KEY_BYTES);
  g_auto(Secrets) secrets = { 0 };
  const guint8 *session_key;

  randombytes_buf (key, WS_IDENTITY_KEY_BYTES);
  if (!make_secrets (passphrase, key, &secrets, error))
    return FALSE;

  if (!_ws_database_begin (db, error))
    return FALSE;
  if (_ws_database_count_profiles (db) > 0)
    {
      _ws_database_rollback (db);
      _ws_database_set_protected (db, TRUE);
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION,
                   _("Another program has just created the first profile; unlock with it"));
      return FALSE;
    }
  /* The session first, so the records below name the administrator. */
  _ws_database_set_protected (db, TRUE);
  _ws_database_begin_session (db, name, WS_ROLE_ADMINISTRATOR, g_steal_pointer (&key));
  session_key = _ws_database_get_identity_key (db);
  if (!insert_profile (db, name, WS_ROLE_ADMINISTRATOR, &secrets, error) ||
      !_ws_identity_encrypt_all (db, session_key, error) ||
      !audit_profile (db, "profile-created", "%s (%s)", name, ws_enum_to_nick (WS_TYPE_ROLE, WS_ROLE_ADMINISTRATOR)) ||
      !_ws_database_audit (db, "login", NULL, name, error))
    {
      _ws_database_rollback (db);
      _ws_database_end_session (db);
      _ws_database_set_protected (db, FALSE);
      if (error != NULL && *error == NULL)
        g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_FAILED, _("The audit trail could not be written"));
      return FALSE;
    }
  if (!_ws_database_commit (db, error))
    {
      _ws_database_end_session (db);
      _ws_database_set_protected (db, FALSE);
      return FALSE;
    }
  /* Plain identity written before may still sit in old WAL frames. */
  _ws_database_lock (db);
  _ws_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  _ws_database_unlock (db);
  return _ws_identity_prepare_index (db, error);
}

/**
 * ws_database_create_profile:
 *
 * See ws-profile.h.
 */
gboolean
ws_database_create_profile (WsDatabase  *self,
                            const char  *name,
                            WsRole       role,
                            const char  *passphrase,
                            GError     **error)
{
  g_auto(Secrets) secrets = { 0 };
  g_autofree char *trimmed = NULL;
  const guint8 *key;
  gboolean ok;

  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail ((guint) role <= WS_ROLE_ADMINISTRATOR, FALSE);

  trimmed = g_strstrip (g_strdup (name));
  if (*trimmed == '\0')
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID, _("A profile needs a name"));
      return FALSE;
    }
  if (!check_passphrase_rules (passphrase, error))
    return FALSE;

  if (_ws_database_count_profiles (self) == 0)
    {
      if (role != WS_ROLE_ADMINISTRATOR)
        {
          g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                       _("The first profile must be an administrator"));
          return FALSE;
        }
      return create_first (self, trimmed, passphrase, error);
    }

  if (!_ws_database_require (self, WS_PERMISSION_MANAGE_PROFILES, error))
    return FALSE;
  _ws_database_lock (self);
  key = _ws_database_get_identity_key (self);
  ok = make_secrets (passphrase, role_holds_key (role) ? key : NULL, &secrets, error);
  _ws_database_unlock (self);
  if (!ok)
    return FALSE;
  if (role_holds_key (role) && secrets.wrapped_key == NULL)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_LOCKED,
                   _("Unlock with a profile that holds the identity key to add officers or administrators"));
      return FALSE;
    }

  if (!_ws_database_begin (self, error))
    return FALSE;
  if (!insert_profile (self, trimmed, role, &secrets, error) ||
      !audit_profile (self, "profile-created", "%s (%s)", trimmed, ws_enum_to_nick (WS_TYPE_ROLE, role)))
    {
      _ws_database_rollback (self);
      if (error != NULL && *error == NULL)
        g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_FAILED, _("The audit trail could not be written"));
      return FALSE;
    }
  return _ws_database_commit (self, error);
}

static gboolean
not_found (const char  *name,
           GError     **error)
{
  g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
               _("There is no profile called “%s”"), name);
  return FALSE;
}

/* Takes @local_error: a failed read, or NULL for no such profile. */
static gboolean
missing_row (const char  *name,
             GError      *local_error,
             GError     **error)
{
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return not_found (name, error);
}

static gboolean
is_own_profile (WsDatabase *db,
                const char *name)
{
  const char *own = ws_database_get_profile_name (db);

  return own != NULL && g_ascii_strcasecmp (own, name) == 0;
}

gboolean
ws_database_remove_profile (WsDatabase  *self,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(ProfileRow) row = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!_ws_database_require (self, WS_PERMISSION_MANAGE_PROFILES, error))
    return FALSE;
  if (is_own_profile (self, name))
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                   _("You cannot remove the profile you are working with"));
      return FALSE;
    }
  if (!_ws_database_begin (self, error))
    return FALSE;
  row = read_row (self, name, &local_error);
  if (row == NULL)
    {
      _ws_database_rollback (self);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        not_found (name, error);
      return FALSE;
    }
  if (row->role == WS_ROLE_ADMINISTRATOR && count_administrators (self) <= 1)
    {
      _ws_database_rollback (self);
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                   _("The last administrator cannot be removed"));
      return FALSE;
    }
  /* The row holds the wrapped key: deleting it removes the key. */
  stmt = _ws_database_prepare (self, "DELETE FROM user_profile WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, row->id);
  if (!_ws_database_step_done (self, stmt, error) ||
      !_ws_database_audit (self, "profile-removed", NULL, row->name, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  return _ws_database_commit (self, error);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (self);
  return FALSE;
}

static gboolean
write_secrets (WsDatabase  *db,
               gint64       id,
               const char  *role_nick,
               Secrets     *secrets,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _ws_database_prepare (db,
                               "UPDATE user_profile SET role = ?, salt = ?, opslimit = ?, memlimit = ?,"
                               " verifier = ?, wrapped_key = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _ws_bind_text (stmt, 1, role_nick);
  bind_bytes (stmt, 2, secrets->salt);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) secrets->opslimit);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) secrets->memlimit);
  bind_bytes (stmt, 5, secrets->verifier);
  bind_bytes (stmt, 6, secrets->wrapped_key);
  sqlite3_bind_int64 (stmt, 7, id);
  return _ws_database_step_done (db, stmt, error);
}

/* Checks @passphrase against @row and returns its key-encryption key. */
static SecureKey *
check_row (WsDatabase  *db,
           ProfileRow  *row,
           const char  *passphrase,
           GError     **error)
{
  g_autoptr(SecureKey) kek = NULL;

  if (row->verifier == NULL)
    {
      /* Imported from an exchange file: no passphrase set yet. */
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BAD_PASSPHRASE,
                   _("Wrong profile or passphrase"));
      return NULL;
    }
  kek = derive (passphrase, row->salt, row->opslimit, row->memlimit, error);
  if (kek == NULL)
    return NULL;
  if (!verifier_matches (kek, row->verifier))
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BAD_PASSPHRASE,
                   _("Wrong profile or passphrase"));
      return NULL;
    }
  return g_steal_pointer (&kek);
}

static gboolean
store_secrets (WsDatabase  *db,
               ProfileRow  *row,
               WsRole       role,
               Secrets     *secrets,
               const char  *action,
               const char  *detail,
               GError     **error)
{
  if (!_ws_database_begin (db, error))
    return FALSE;
  if (!write_secrets (db, row->id, ws_enum_to_nick (WS_TYPE_ROLE, role), secrets, error) ||
      !_ws_database_audit (db, action, NULL, detail, error))
    {
      _ws_database_rollback (db);
      return FALSE;
    }
  return _ws_database_commit (db, error);
}

gboolean
ws_database_change_passphrase (WsDatabase  *self,
                               const char  *name,
                               const char  *old_passphrase,
                               const char  *new_passphrase,
                               GError     **error)
{
  g_autoptr(ProfileRow) row = NULL;
  g_autoptr(SecureKey) kek = NULL;
  g_autoptr(SecureKey) own_key = NULL;
  g_auto(Secrets) secrets = { 0 };
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!check_passphrase_rules (new_passphrase, error))
    return FALSE;
  if (old_passphrase == NULL && !_ws_database_require (self, WS_PERMISSION_MANAGE_PROFILES, error))
    return FALSE;
  row = read_row (self, name, &local_error);
  if (row == NULL)
    return missing_row (name, g_steal_pointer (&local_error), error);

  if (old_passphrase != NULL)
    {
      kek = check_row (self, row, old_passphrase, error);
      if (kek == NULL)
        {
          audit_profile (self, "passphrase-change-failed", "%s", row->name);
          return FALSE;
        }
      if (row->wrapped_key != NULL && (own_key = unwrap_key (kek, row->wrapped_key, error)) == NULL)
        return FALSE;
      ok = make_secrets (new_passphrase, own_key, &secrets, error);
    }
  else
    {
      _ws_database_lock (self);
      ok = make_secrets (new_passphrase, role_holds_key (row->role) ? _ws_database_get_identity_key (self) : NULL,
                         &secrets, error);
      _ws_database_unlock (self);
      if (ok && role_holds_key (row->role) && secrets.wrapped_key == NULL)
        {
          g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_LOCKED,
                       _("Unlock with a profile that holds the identity key to reset this passphrase"));
          return FALSE;
        }
    }
  if (!ok)
    return FALSE;
  return store_secrets (self, row, row->role, &secrets,
                        old_passphrase != NULL ? "passphrase-changed" : "passphrase-reset", row->name, error);
}

gboolean
ws_database_set_profile_role (WsDatabase  *self,
                              const char  *name,
                              WsRole       role,
                              const char  *passphrase,
                              GError     **error)
{
  g_autoptr(ProfileRow) row = NULL;
  g_autoptr(SecureKey) kek = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *detail = NULL;
  Secrets secrets = { 0 };
  gboolean ok;

  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail ((guint) role <= WS_ROLE_ADMINISTRATOR, FALSE);

  if (!_ws_database_require (self, WS_PERMISSION_MANAGE_PROFILES, error))
    return FALSE;
  if (is_own_profile (self, name))
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                   _("Another administrator has to change your own role"));
      return FALSE;
    }
  row = read_row (self, name, &local_error);
  if (row == NULL)
    return missing_row (name, g_steal_pointer (&local_error), error);
  if (row->role == role)
    return TRUE;

  /* Keep the salt, cost and verifier; only the wrapped key follows the role. */
  secrets.salt = row->salt != NULL ? g_bytes_ref (row->salt) : NULL;
  secrets.opslimit = row->opslimit;
  secrets.memlimit = row->memlimit;
  secrets.verifier = row->verifier != NULL ? g_bytes_ref (row->verifier) : NULL;
  if (role_holds_key (role) && row->wrapped_key != NULL)
    secrets.wrapped_key = g_bytes_ref (row->wrapped_key);
  else if (role_holds_key (role))
    {
      if (passphrase == NULL)
        {
          g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                       _("%s has to type their passphrase to receive the identity key"), row->name);
          secrets_clear (&secrets);
          return FALSE;
        }
      kek = check_row (self, row, passphrase, error);
      _ws_database_lock (self);
      if (kek != NULL && _ws_database_get_identity_key (self) != NULL)
        secrets.wrapped_key = wrap_key (kek, _ws_database_get_identity_key (self));
      _ws_database_unlock (self);
      if (secrets.wrapped_key == NULL)
        {
          if (kek != NULL)
            g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_LOCKED,
                         _("Unlock with a profile that holds the identity key to give it to others"));
          secrets_clear (&secrets);
          return FALSE;
        }
    }

  if (row->role == WS_ROLE_ADMINISTRATOR)
    {
      guint admins;

      _ws_database_lock (self);
      admins = count_administrators (self);
      _ws_database_unlock (self);
      if (admins <= 1)
        {
          g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                       _("The last administrator keeps their role"));
          secrets_clear (&secrets);
          return FALSE;
        }
    }
  detail = g_strdup_printf ("%s: %s → %s", row->name, ws_enum_to_nick (WS_TYPE_ROLE, row->role),
                            ws_enum_to_nick (WS_TYPE_ROLE, role));
  ok = store_secrets (self, row, role, &secrets, "profile-role", detail, error);
  secrets_clear (&secrets);
  return ok;
}

/* The identity key from a checked profile; NULL (and no error) when its
 * role holds none. */
static gboolean
open_key (ProfileRow       *row,
          const SecureKey  *kek,
          SecureKey       **key,
          GError          **error)
{
  *key = NULL;
  if (!role_holds_key (row->role) || row->wrapped_key == NULL)
    return TRUE;
  *key = unwrap_key (kek, row->wrapped_key, error);
  return *key != NULL;
}

static gboolean
refuse_login (WsDatabase  *db,
              const char  *tried,
              GError     **error)
{
  /* One message whether the name or the passphrase was wrong. */
  g_clear_error (error);
  g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BAD_PASSPHRASE,
               _("Wrong profile or passphrase"));
  audit_profile (db, "login-failed", "%s", tried);
  return FALSE;
}

gboolean
ws_database_unlock (WsDatabase  *self,
                    const char  *name,
                    const char  *passphrase,
                    GError     **error)
{
  g_autoptr(ProfileRow) row = NULL;
  g_autoptr(SecureKey) kek = NULL;
  g_autoptr(GError) local_error = NULL;
  SecureKey *key = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (_ws_database_count_profiles (self) == 0)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                   _("This database has no profiles yet; create the administrator first"));
      return FALSE;
    }
  _ws_database_set_protected (self, TRUE);
  ws_database_lock (self);

  row = read_row (self, name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (row == NULL)
    {
      /* Spend the same time as for a real profile, so timing does not
       * tell which names exist. */
      g_autoptr(GBytes) salt = g_bytes_new_static ("0123456789abcdef", crypto_pwhash_SALTBYTES);

      secure_free (derive (passphrase, salt, cheap_kdf ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                           cheap_kdf ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE, NULL));
      return refuse_login (self, "unknown profile", error);
    }
  kek = check_row (self, row, passphrase, &local_error);
  if (kek == NULL)
    {
      if (!g_error_matches (local_error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BAD_PASSPHRASE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return refuse_login (self, row->name, error);
    }
  if (!open_key (row, kek, &key, error))
    return FALSE;

  _ws_database_begin_session (self, row->name, row->role, key);
  if (!_ws_database_audit (self, "login", NULL, row->name, error))
    {
      _ws_database_end_session (self);
      return FALSE;
    }
  if (key != NULL && !_ws_identity_prepare_index (self, error))
    {
      ws_database_lock (self);
      return FALSE;
    }
  return TRUE;
}

void
ws_database_lock (WsDatabase *self)
{
  g_return_if_fail (WS_IS_DATABASE (self));

  if (!ws_database_is_protected (self) || ws_database_is_locked (self))
    return;
  _ws_database_audit (self, "lock", NULL, NULL, NULL);
  _ws_database_end_session (self);
}

gboolean
ws_database_act_without_key (WsDatabase  *self,
                             const char  *name,
                             GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!ws_database_is_protected (self))
    return TRUE;
  ws_database_lock (self);
  _ws_database_set_headless (self, name);
  return _ws_database_audit (self, "headless", NULL, NULL, error);
}
