/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-identity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "ws-access.h"
#include "ws-database-private.h"
#include "ws-identity-private.h"
#include "ws-text.h"
#include "ws-time.h"

/* The one module that reads and writes the identity table. Every read is
 * checked against the current role and recorded in the audit trail; the
 * rest of the program knows people by pseudonym only. Each row is one
 * serialized document. In a protected database (one with profiles) the
 * document is sealed with XChaCha20-Poly1305 under the identity key, a
 * fresh nonce per write and the person's id as associated data, so a
 * row copied onto another person fails to open. */

/* "WSI1" ‖ nonce ‖ ciphertext. A plain document starts with '{'. */
#define SEALED_MAGIC "WSI1"
#define SEALED_MAGIC_LEN 4
#define NONCE_LEN crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_LEN crypto_aead_xchacha20poly1305_ietf_ABYTES

struct _WsIdentity
{
  GObject  parent_instance;

  char    *texts[WS_IDENTITY_N_TEXTS];
  GStrv    lists[WS_IDENTITY_N_LISTS];
};

G_DEFINE_FINAL_TYPE (WsIdentity, ws_identity, G_TYPE_OBJECT)

/* NULL-terminated so they can be searched as string vectors. */
static const char * const text_keys[WS_IDENTITY_N_TEXTS + 1] = {
  "legal_name", "date_of_birth", "nationality", "guardian", NULL,
};

static const char * const list_keys[WS_IDENTITY_N_LISTS + 1] = {
  "aliases", "addresses", "phones", "emails", "documents", "relatives", NULL,
};

typedef struct {
  gint64    person_id;
  char     *folded;
  gboolean  has_guardian;
  GDate     adult_on;      /* cleared without a valid date of birth */
} IndexEntry;

typedef struct {
  GArray     *entries;
  GHashTable *by_person;   /* &entry.person_id → entry, both in entries */
} NameIndex;

static void
ws_identity_finalize (GObject *object)
{
  WsIdentity *self = (WsIdentity *)object;

  for (guint i = 0; i < WS_IDENTITY_N_TEXTS; i++)
    g_free (self->texts[i]);
  for (guint i = 0; i < WS_IDENTITY_N_LISTS; i++)
    g_strfreev (self->lists[i]);

  G_OBJECT_CLASS (ws_identity_parent_class)->finalize (object);
}

static void
ws_identity_class_init (WsIdentityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_identity_finalize;
}

static void
ws_identity_init (WsIdentity *self)
{
  for (guint i = 0; i < WS_IDENTITY_N_LISTS; i++)
    self->lists[i] = g_new0 (char *, 1);
}

WsIdentity *
ws_identity_new (void)
{
  return g_object_new (WS_TYPE_IDENTITY, NULL);
}

/**
 * ws_identity_get_text:
 *
 * Returns: (nullable): the field, or %NULL when not recorded
 */
const char *
ws_identity_get_text (WsIdentity     *self,
                      WsIdentityText  field)
{
  g_return_val_if_fail (WS_IS_IDENTITY (self), NULL);
  g_return_val_if_fail (field < WS_IDENTITY_N_TEXTS, NULL);
  return self->texts[field];
}

void
ws_identity_set_text (WsIdentity     *self,
                      WsIdentityText  field,
                      const char     *value)
{
  g_return_if_fail (WS_IS_IDENTITY (self));
  g_return_if_fail (field < WS_IDENTITY_N_TEXTS);

  g_free (self->texts[field]);
  self->texts[field] = ws_text_is_blank (value) ? NULL : ws_text_strip_dup (value);
}

/**
 * ws_identity_get_list:
 *
 * Returns: (transfer none): the items, possibly none
 */
const char * const *
ws_identity_get_list (WsIdentity     *self,
                      WsIdentityList  field)
{
  g_return_val_if_fail (WS_IS_IDENTITY (self), NULL);
  g_return_val_if_fail (field < WS_IDENTITY_N_LISTS, NULL);
  return (const char * const *) self->lists[field];
}

void
ws_identity_set_list (WsIdentity         *self,
                      WsIdentityList      field,
                      const char * const *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (WS_IS_IDENTITY (self));
  g_return_if_fail (field < WS_IDENTITY_N_LISTS);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (!ws_text_is_blank (items[i]))
      {
        g_autofree char *item = ws_text_strip_dup (items[i]);
        g_strv_builder_add (builder, item);
      }
  g_strfreev (self->lists[field]);
  self->lists[field] = g_strv_builder_end (builder);
}

gboolean
ws_identity_is_empty (WsIdentity *self)
{
  g_return_val_if_fail (WS_IS_IDENTITY (self), TRUE);

  for (guint i = 0; i < WS_IDENTITY_N_TEXTS; i++)
    if (self->texts[i] != NULL)
      return FALSE;
  for (guint i = 0; i < WS_IDENTITY_N_LISTS; i++)
    if (self->lists[i][0] != NULL)
      return FALSE;
  return TRUE;
}

const char *
ws_identity_text_key (WsIdentityText field)
{
  g_return_val_if_fail (field < WS_IDENTITY_N_TEXTS, NULL);
  return text_keys[field];
}

const char *
ws_identity_list_key (WsIdentityList field)
{
  g_return_val_if_fail (field < WS_IDENTITY_N_LISTS, NULL);
  return list_keys[field];
}

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && at[1] != '.' && text[strlen (text) - 1] != '.' &&
         strpbrk (text, " \t,;") == NULL;
}

static gboolean
looks_like_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr ("+-() ./", *p) == NULL)
        return FALSE;
    }
  return digits >= 5 && digits <= 17;
}

/**
 * ws_identity_validate:
 * @problems: (element-type WsProblem): where to add what is wrong, by JSON key
 */
void
ws_identity_validate (WsIdentity *self,
                      GPtrArray  *problems)
{
  const char *dob;

  g_return_if_fail (WS_IS_IDENTITY (self));

  dob = self->texts[WS_IDENTITY_DATE_OF_BIRTH];
  if (dob != NULL)
    {
      GDate date;

      if (!ws_time_parse_date (dob, &date))
        ws_problems_add (problems, "date_of_birth", _("%s is not a date (use YYYY-MM-DD)"), dob);
      else
        {
          g_autoptr(GDate) today = ws_time_today ();

          if (g_date_compare (&date, today) > 0)
            ws_problems_add (problems, "date_of_birth", _("%s is in the future"), dob);
          else if (ws_time_years_between (&date, today) > 120)
            ws_problems_add (problems, "date_of_birth", _("%s is more than 120 years ago"), dob);
        }
    }

  for (guint i = 0; self->lists[WS_IDENTITY_EMAILS][i] != NULL; i++)
    if (!looks_like_email (self->lists[WS_IDENTITY_EMAILS][i]))
      {
        ws_problems_add (problems, "emails", _("%s is not an e-mail address"), self->lists[WS_IDENTITY_EMAILS][i]);
        break;
      }

  for (guint i = 0; self->lists[WS_IDENTITY_PHONES][i] != NULL; i++)
    if (!looks_like_phone (self->lists[WS_IDENTITY_PHONES][i]))
      {
        ws_problems_add (problems, "phones", _("%s is not a phone number"), self->lists[WS_IDENTITY_PHONES][i]);
        break;
      }
}

/**
 * ws_identity_to_json:
 *
 * Returns: (transfer full): the identity as a JSON object; absent fields are left out
 */
JsonNode *
ws_identity_to_json (WsIdentity *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (WS_IS_IDENTITY (self), NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < WS_IDENTITY_N_TEXTS; i++)
    if (self->texts[i] != NULL)
      {
        json_builder_set_member_name (builder, text_keys[i]);
        json_builder_add_string_value (builder, self->texts[i]);
      }
  for (guint i = 0; i < WS_IDENTITY_N_LISTS; i++)
    if (self->lists[i][0] != NULL)
      {
        json_builder_set_member_name (builder, list_keys[i]);
        json_builder_begin_array (builder);
        for (guint j = 0; self->lists[i][j] != NULL; j++)
          json_builder_add_string_value (builder, self->lists[i][j]);
        json_builder_end_array (builder);
      }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
key_is_known (const char *key)
{
  return g_strv_contains ((const char * const *) text_keys, key) ||
         g_strv_contains ((const char * const *) list_keys, key);
}

static void
read_list (JsonObject  *object,
           const char  *key,
           GStrvBuilder *builder,
           GPtrArray   *problems)
{
  JsonNode *node = json_object_get_member (object, key);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      ws_problems_add (problems, key, _("must be a list of texts"));
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", key, i);
          ws_problems_add (problems, where, _("must be a text"));
          return;
        }
      g_strv_builder_add (builder, json_node_get_string (item));
    }
}

/* Stored documents are read without the value rules: they were checked
 * when written, and a rule that depends on today (or a stricter rule in a
 * later version) must not make a record unreadable. */
static WsIdentity *
identity_from_node (JsonNode  *node,
                    gboolean   validate,
                    GPtrArray *problems)
{
  g_autoptr(WsIdentity) self = NULL;
  JsonObject *object;
  guint before;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      ws_problems_add (problems, "", _("must be an object"));
      return NULL;
    }

  before = problems->len;
  object = json_node_get_object (node);
  self = ws_identity_new ();

  {
    g_autoptr(GList) members = json_object_get_members (object);

    for (GList *l = members; l != NULL; l = l->next)
      if (!key_is_known (l->data))
        ws_problems_add (problems, l->data, _("is not an identity field"));
  }

  for (guint i = 0; i < WS_IDENTITY_N_TEXTS; i++)
    {
      JsonNode *member = json_object_get_member (object, text_keys[i]);

      if (member == NULL || JSON_NODE_HOLDS_NULL (member))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        ws_problems_add (problems, text_keys[i], _("must be a text"));
      else
        ws_identity_set_text (self, i, json_node_get_string (member));
    }

  for (guint i = 0; i < WS_IDENTITY_N_LISTS; i++)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) items = NULL;

      read_list (object, list_keys[i], builder, problems);
      items = g_strv_builder_end (builder);
      ws_identity_set_list (self, i, (const char * const *) items);
    }

  if (validate && problems->len == before)
    ws_identity_validate (self, problems);
  return problems->len == before ? g_steal_pointer (&self) : NULL;
}

/**
 * ws_identity_from_json:
 * @problems: (element-type WsProblem): where to add what is wrong, by JSON key
 *
 * Returns: (transfer full) (nullable): the identity, or %NULL if @node
 *   is malformed or its values break a rule
 */
WsIdentity *
ws_identity_from_json (JsonNode  *node,
                       GPtrArray *problems)
{
  g_return_val_if_fail (problems != NULL, NULL);
  return identity_from_node (node, TRUE, problems);
}

/* ------------------------------------------------------------------ */

gboolean
_ws_identity_check_role (WsDatabase  *db,
                         GError     **error)
{
  return _ws_database_require (db, WS_PERMISSION_READ_IDENTITY, error);
}

static WsIdentity *
parse_json (const void *data,
            gsize       size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) problems = ws_problems_new ();

  if (data == NULL || !json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  return identity_from_node (json_parser_get_root (parser), FALSE, problems);
}

static void
associated_data (gint64  person_id,
                 char    ad[64])
{
  g_snprintf (ad, 64, "ws-identity-row-1:%" G_GINT64_FORMAT, person_id);
}

static gboolean
is_sealed (const guint8 *data,
           gsize         size)
{
  return size >= SEALED_MAGIC_LEN && memcmp (data, SEALED_MAGIC, SEALED_MAGIC_LEN) == 0;
}

/* The identity in one row. The plain text is wiped once parsed (the
 * identity's own strings live as long as the object, as before); it is
 * not in locked memory, as sodium_malloc per row made building the name
 * index ten times slower. Keys are always in locked memory. */
static WsIdentity *
decode_document (WsDatabase    *db,
                 gint64         person_id,
                 const guint8  *data,
                 gsize          size,
                 GError       **error)
{
  const guint8 *key = _ws_database_get_identity_key (db);
  WsIdentity *identity;
  unsigned long long length = 0;
  guint8 *plain;
  char ad[64];

  if (data == NULL || !is_sealed (data, size))
    identity = parse_json (data, size);
  else if (key == NULL)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_LOCKED,
                   _("Identifying details are encrypted and this profile holds no key for them"));
      return NULL;
    }
  else if (size < SEALED_MAGIC_LEN + NONCE_LEN + TAG_LEN)
    identity = NULL;
  else
    {
      associated_data (person_id, ad);
      plain = g_malloc (size);
      if (crypto_aead_xchacha20poly1305_ietf_decrypt (plain, &length, NULL,
                                                      data + SEALED_MAGIC_LEN + NONCE_LEN,
                                                      size - SEALED_MAGIC_LEN - NONCE_LEN,
                                                      (const guchar *) ad, strlen (ad),
                                                      data + SEALED_MAGIC_LEN, key) == 0)
        identity = parse_json (plain, length);
      else
        identity = NULL;
      sodium_memzero (plain, size);
      g_free (plain);
    }
  if (identity == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);

      /* Translators: %s is the internal number of a person's record */
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DAMAGED,
                   _("The identifying details of record %s are damaged"), number);
    }
  return identity;
}

/* What goes into the document column: sealed when there is a key; plain
 * only in an unprotected database (checked inside the caller's write
 * transaction, so another program protecting it meanwhile is seen). */
static GBytes *
encode_document (WsDatabase    *db,
                 gint64         person_id,
                 const char    *json,
                 gsize          length,
                 const guint8  *key,
                 GError       **error)
{
  guint8 *sealed;
  gsize size = SEALED_MAGIC_LEN + NONCE_LEN + length + TAG_LEN;
  unsigned long long written = 0;
  char ad[64];

  if (key == NULL)
    {
      if (_ws_database_count_profiles (db) > 0)
        {
          g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_LOCKED,
                       _("Identifying details can only be saved by a profile that holds the identity key"));
          return NULL;
        }
      return g_bytes_new (json, length);
    }
  associated_data (person_id, ad);
  sealed = g_malloc (size);
  memcpy (sealed, SEALED_MAGIC, SEALED_MAGIC_LEN);
  randombytes_buf (sealed + SEALED_MAGIC_LEN, NONCE_LEN);
  crypto_aead_xchacha20poly1305_ietf_encrypt (sealed + SEALED_MAGIC_LEN + NONCE_LEN, &written,
                                              (const guchar *) json, length,
                                              (const guchar *) ad, strlen (ad), NULL,
                                              sealed + SEALED_MAGIC_LEN, key);
  return g_bytes_new_take (sealed, size);
}

static gboolean
store_document (WsDatabase  *db,
                gint64       person_id,
                GBytes      *document,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ws_time_now_iso ();

  stmt = _ws_database_prepare (db,
                               "INSERT INTO identity (person_id, document, updated_at) VALUES (?, ?, ?)"
                               " ON CONFLICT (person_id) DO UPDATE SET document = excluded.document,"
                               " updated_at = excluded.updated_at", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_blob (stmt, 2, g_bytes_get_data (document, NULL), (int) g_bytes_get_size (document), SQLITE_TRANSIENT);
  _ws_bind_text (stmt, 3, now);
  return _ws_database_step_done (db, stmt, error);
}

/**
 * _ws_identity_encrypt_all:
 *
 * Seals every plain identity row under @key (the upgrade when the first
 * profile is created). The caller holds the transaction.
 */
gboolean
_ws_identity_encrypt_all (WsDatabase    *db,
                          const guint8  *key,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  stmt = _ws_database_prepare (db, "SELECT person_id, document FROM identity", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const guint8 *data = sqlite3_column_blob (stmt, 1);
      gsize size = sqlite3_column_bytes (stmt, 1);

      if (data == NULL || is_sealed (data, size))
        continue;
      g_ptr_array_add (ids, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (docs, encode_document (db, id, (const char *) data, size, key, NULL));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < ids->len; i++)
    if (!store_document (db, *(gint64 *) ids->pdata[i], docs->pdata[i], error))
      return FALSE;
  return TRUE;
}

static void
name_index_free (gpointer data)
{
  NameIndex *index = data;

  for (guint i = 0; i < index->entries->len; i++)
    g_free (g_array_index (index->entries, IndexEntry, i).folded);
  g_clear_pointer (&index->by_person, g_hash_table_unref);
  g_array_unref (index->entries);
  g_free (index);
}

void
_ws_identity_forget_index (WsDatabase *db)
{
  g_object_set_data (G_OBJECT (db), "ws-identity-name-index", NULL);
}

static char *
names_of (WsIdentity *identity)
{
  g_autoptr(GString) names = g_string_new (identity->texts[WS_IDENTITY_LEGAL_NAME]);

  for (guint i = 0; identity->lists[WS_IDENTITY_ALIASES][i] != NULL; i++)
    {
      g_string_append_c (names, '\n');
      g_string_append (names, identity->lists[WS_IDENTITY_ALIASES][i]);
    }
  return ws_text_fold (names->str);
}

/* Built once from the whole table (one audit record for the whole read),
 * kept in memory and dropped whenever identity is written. */
static NameIndex *
ensure_name_index (WsDatabase *db)
{
  NameIndex *index = g_object_get_data (G_OBJECT (db), "ws-identity-name-index");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (index != NULL)
    return index;

  index = g_new0 (NameIndex, 1);
  index->entries = g_array_new (FALSE, FALSE, sizeof (IndexEntry));

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, "SELECT person_id, document FROM identity", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(WsIdentity) identity = decode_document (db, sqlite3_column_int64 (stmt, 0),
                                                        sqlite3_column_blob (stmt, 1),
                                                        sqlite3_column_bytes (stmt, 1), NULL);
      IndexEntry entry;

      if (identity == NULL)
        continue;
      entry.person_id = sqlite3_column_int64 (stmt, 0);
      entry.folded = names_of (identity);
      entry.has_guardian = !ws_text_is_blank (identity->texts[WS_IDENTITY_GUARDIAN]);
      g_date_clear (&entry.adult_on, 1);
      if (identity->texts[WS_IDENTITY_DATE_OF_BIRTH] != NULL &&
          ws_time_parse_date (identity->texts[WS_IDENTITY_DATE_OF_BIRTH], &entry.adult_on))
        g_date_add_years (&entry.adult_on, 18);
      g_array_append_val (index->entries, entry);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  index->by_person = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < index->entries->len; i++)
    {
      IndexEntry *entry = &g_array_index (index->entries, IndexEntry, i);

      g_hash_table_insert (index->by_person, &entry->person_id, entry);
    }
  {
    g_autofree char *detail = g_strdup_printf ("names of %u people indexed for search", index->entries->len);

    /* A read that cannot be recorded is not kept. */
    if (!_ws_database_audit (db, "identity-search-index", NULL, detail, NULL))
      {
        _ws_database_unlock (db);
        name_index_free (index);
        return NULL;
      }
  }
  _ws_database_unlock (db);

  g_object_set_data_full (G_OBJECT (db), "ws-identity-name-index", index, name_index_free);
  return index;
}

/**
 * _ws_identity_prepare_index:
 *
 * Builds the name index now (at unlock), so the first search is quick.
 */
gboolean
_ws_identity_prepare_index (WsDatabase  *db,
                            GError     **error)
{
  gboolean ok;

  if (!ws_database_may (db, WS_PERMISSION_READ_IDENTITY))
    return TRUE;
  _ws_database_lock (db);
  ok = ensure_name_index (db) != NULL;
  _ws_database_unlock (db);
  if (!ok)
    g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_FAILED,
                 _("The audit trail could not be written"));
  return ok;
}

gboolean
_ws_identity_get_facts (WsDatabase *db,
                        gint64      person_id,
                        gboolean   *has_guardian,
                        GDate      *adult_on)
{
  NameIndex *index;
  IndexEntry *entry = NULL;

  *has_guardian = FALSE;
  g_date_clear (adult_on, 1);
  if (!ws_database_may (db, WS_PERMISSION_READ_IDENTITY))
    return FALSE;
  _ws_database_lock (db);
  index = ensure_name_index (db);
  if (index != NULL)
    entry = g_hash_table_lookup (index->by_person, &person_id);
  if (entry != NULL)
    {
      *has_guardian = entry->has_guardian;
      *adult_on = entry->adult_on;
    }
  _ws_database_unlock (db);
  return index != NULL;
}

/**
 * ws_database_search_identity:
 * @folded_query: a query already passed through ws_text_fold()
 *
 * Finds people whose legal name or an alias contains the query. Roles
 * that may not read identity get %NULL, never a hint of a match.
 *
 * Returns: (transfer full) (nullable): a set of person ids (gint64 keys)
 */
GHashTable *
ws_database_search_identity (WsDatabase *db,
                             const char *folded_query)
{
  NameIndex *index;
  GHashTable *found;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (folded_query == NULL || *folded_query == '\0' || !_ws_identity_check_role (db, NULL))
    return NULL;

  /* Under the database lock: an import on another thread drops the index
   * when it writes identity, and must not free it mid-search. */
  _ws_database_lock (db);
  index = ensure_name_index (db);
  if (index == NULL)
    {
      _ws_database_unlock (db);
      return NULL;
    }
  found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < index->entries->len; i++)
    {
      IndexEntry *entry = &g_array_index (index->entries, IndexEntry, i);

      if (strstr (entry->folded, folded_query) != NULL)
        g_hash_table_add (found, g_memdup2 (&entry->person_id, sizeof (gint64)));
    }
  _ws_database_unlock (db);
  return found;
}

/* Reads one person's identity inside its own transaction and records
 * the read under @action, so the audit trail says what the read was for. */
static WsIdentity *
read_audited (WsDatabase  *db,
              WsPerson    *person,
              const char  *action,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(WsIdentity) identity = NULL;

  if (!_ws_identity_check_role (db, error))
    return NULL;

  if (!_ws_database_begin (db, error))
    return NULL;
  stmt = _ws_database_prepare (db, "SELECT document FROM identity WHERE person_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, ws_person_get_id (person));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;

      identity = decode_document (db, ws_person_get_id (person), sqlite3_column_blob (stmt, 0),
                                  sqlite3_column_bytes (stmt, 0), &local_error);
      if (identity == NULL)
        {
          if (g_error_matches (local_error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DAMAGED))
            g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DAMAGED,
                         _("The identifying details of %s are damaged"), ws_person_get_pseudonym (person));
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }
    }
  else
    identity = ws_identity_new ();
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!_ws_database_audit (db, action, ws_person_get_pseudonym (person), NULL, error))
    goto fail;
  if (!_ws_database_commit (db, error))
    return NULL;
  return g_steal_pointer (&identity);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  return NULL;
}

/**
 * ws_database_read_identity:
 *
 * Reads the identity of @person, if the current role may, and records the
 * read in the audit trail.
 *
 * Returns: (transfer full) (nullable): the identity (empty when nothing is
 *   recorded), or %NULL with @error set
 */
WsIdentity *
ws_database_read_identity (WsDatabase  *db,
                           WsPerson    *person,
                           GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (WS_IS_PERSON (person), NULL);

  return read_audited (db, person, "identity-read", error);
}

static const char *
band_of_age (int age)
{
  /* Translators: age bands printed instead of a date of birth */
  if (age < 12)
    return _("under 12");
  if (age < 14)
    return _("12–13");
  if (age < 16)
    return _("14–15");
  if (age < 18)
    return _("16–17");
  if (age < 25)
    return _("18–24");
  if (age < 35)
    return _("25–34");
  if (age < 50)
    return _("35–49");
  if (age < 65)
    return _("50–64");
  return _("65 and over");
}

static const char *
band_of_status (WsAgeStatus status)
{
  switch (status)
    {
    case WS_AGE_STATUS_PRESUMED_CHILD:
      return _("under 18 (presumed)");
    case WS_AGE_STATUS_CHILD:
      return _("under 18");
    case WS_AGE_STATUS_ADULT:
    default:
      return _("adult, age not recorded");
    }
}

/**
 * ws_database_read_age_band:
 * @on: (nullable): the day the age is taken on; %NULL for today
 *
 * The date of birth never leaves this module for anonymised output: this
 * reads it (checked and audited like any identity read) and gives only a
 * band such as "25–34". Without a date of birth the band comes from the
 * age status. A person presumed to be a child stays "under 18 (presumed)"
 * whatever a claimed date of birth says, until their age is assessed.
 *
 * Returns: (transfer full) (nullable): the age band, or %NULL with @error set
 */
char *
ws_database_read_age_band (WsDatabase   *db,
                           WsPerson     *person,
                           const GDate  *on,
                           GError      **error)
{
  g_autoptr(WsIdentity) identity = NULL;
  g_autoptr(GDate) today = NULL;
  WsAgeStatus status;
  const char *dob;
  GDate birth;
  int age;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (WS_IS_PERSON (person), NULL);
  g_return_val_if_fail (on == NULL || g_date_valid (on), NULL);

  identity = read_audited (db, person, "identity-read-age-band", error);
  if (identity == NULL)
    return NULL;
  if (on == NULL)
    on = today = ws_time_today ();

  status = ws_person_get_age_status (person);
  dob = identity->texts[WS_IDENTITY_DATE_OF_BIRTH];
  if (dob == NULL || !ws_time_parse_date (dob, &birth))
    return g_strdup (band_of_status (status));

  age = ws_time_years_between (&birth, on);
  if (age >= 18 && status == WS_AGE_STATUS_PRESUMED_CHILD)
    return g_strdup (band_of_status (status));
  return g_strdup (band_of_age (age));
}

gboolean
_ws_identity_write (WsDatabase  *db,
                    gint64       person_id,
                    WsIdentity  *identity,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *document = NULL;
  g_autoptr(GBytes) sealed = NULL;
  gsize length = 0;

  if (!_ws_identity_check_role (db, error))
    return FALSE;

  _ws_identity_forget_index (db);

  if (ws_identity_is_empty (identity))
    {
      stmt = _ws_database_prepare (db, "DELETE FROM identity WHERE person_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      return _ws_database_step_done (db, stmt, error);
    }

  node = ws_identity_to_json (identity);
  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  document = json_generator_to_data (generator, &length);
  sealed = encode_document (db, person_id, document, length, _ws_database_get_identity_key (db), error);
  sodium_memzero (document, length);
  if (sealed == NULL)
    return FALSE;
  return store_document (db, person_id, sealed, error);
}

/**
 * _ws_identity_load_all:
 * @purpose: what the read is for, recorded in the audit trail
 *
 * Returns: (transfer full): person id (gint64 *) → #WsIdentity, or %NULL
 *   with @error set when the role may not read identity
 */
GHashTable *
_ws_identity_load_all (WsDatabase  *db,
                       const char  *purpose,
                       GError     **error)
{
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;

  if (!_ws_identity_check_role (db, error))
    return NULL;

  all = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  stmt = _ws_database_prepare (db, "SELECT person_id, document FROM identity", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      WsIdentity *identity = decode_document (db, id, sqlite3_column_blob (stmt, 1),
                                              sqlite3_column_bytes (stmt, 1), error);

      if (identity == NULL)
        return NULL;
      g_hash_table_insert (all, g_memdup2 (&id, sizeof id), identity);
    }

  detail = g_strdup_printf ("%s: identity of %u people", purpose, g_hash_table_size (all));
  if (!_ws_database_audit (db, "identity-read-all", NULL, detail, error))
    return NULL;
  return g_steal_pointer (&all);
}
