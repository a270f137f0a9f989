/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ws-access.h"
#include "ws-audit.h"
#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-text.h"
#include "ws-time.h"

/* Reading and checking the audit trail; records are written by
 * _ws_database_audit() in ws-database.c, which also links the chain. */

struct _WsAuditRecord
{
  GObject  parent_instance;

  gint64   id;
  WsRole   role;
  char    *fields[WS_AUDIT_N_FIELDS];
};

enum { F_AT, F_ACTOR, F_ROLE, F_PROFILE, F_ACTION, F_PSEUDONYM, F_DETAIL };

G_DEFINE_FINAL_TYPE (WsAuditRecord, ws_audit_record, G_TYPE_OBJECT)

static void
ws_audit_record_finalize (GObject *object)
{
  WsAuditRecord *self = (WsAuditRecord *)object;

  for (guint i = 0; i < WS_AUDIT_N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (ws_audit_record_parent_class)->finalize (object);
}

static void
ws_audit_record_class_init (WsAuditRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_audit_record_finalize;
}

static void
ws_audit_record_init (WsAuditRecord *self)
{
}

gint64
ws_audit_record_get_id (WsAuditRecord *self)
{
  g_return_val_if_fail (WS_IS_AUDIT_RECORD (self), 0);
  return self->id;
}

const char *
ws_audit_record_get_at (WsAuditRecord *self)
{
  g_return_val_if_fail (WS_IS_AUDIT_RECORD (self), NULL);
  return self->fields[F_AT];
}

const char *
ws_audit_record_get_actor (WsAuditRecord *self)
{
  g_return_val_if_fail (WS_IS_AUDIT_RECORD (self), NULL);
  return self->fields[F_ACTOR];
}

WsRole
ws_audit_record_get_role (WsAuditRecord *self)
{
  g_return_val_if_fail (WS_IS_AUDIT_RECORD (self), WS_ROLE_OFFICER);
  return self->role;
}

const char *
ws_audit_record_get_profile (WsAuditRecord *self)
{
  g_return_val_if_fail (WS_IS_AUDIT_RECORD (self), NULL);
  return self->fields[F_PROFILE];
}

const char *
ws_audit_record_get_action (WsAuditRecord *self)
{
  g_return_val_if_fail (WS_IS_AUDIT_RECORD (self), NULL);
  return self->fields[F_ACTION];
}

const char *
ws_audit_record_get_pseudonym (WsAuditRecord *self)
{
  g_return_val_if_fail (WS_IS_AUDIT_RECORD (self), NULL);
  return self->fields[F_PSEUDONYM];
}

const char *
ws_audit_record_get_detail (WsAuditRecord *self)
{
  g_return_val_if_fail (WS_IS_AUDIT_RECORD (self), NULL);
  return self->fields[F_DETAIL];
}

/**
 * ws_audit_action_get_label:
 *
 * Returns: words for @action, or @action itself when unknown
 */
const char *
ws_audit_action_get_label (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "login", N_("Login") },
    { "login-failed", N_("Failed login") },
    { "lock", N_("Locked") },
    { "headless", N_("Command line without profile") },
    { "profile-created", N_("Profile created") },
    { "profile-removed", N_("Profile removed") },
    { "profile-role", N_("Role changed") },
    { "passphrase-changed", N_("Passphrase changed") },
    { "passphrase-reset", N_("Passphrase reset") },
    { "passphrase-change-failed", N_("Failed passphrase change") },
    { "identity-read", N_("Identity read") },
    { "identity-read-age-band", N_("Age band read") },
    { "identity-read-all", N_("All identities read") },
    { "identity-search-index", N_("Names indexed for search") },
    { "summary", N_("Summary built") },
    { "export-summary-pdf", N_("Summary exported as PDF") },
    { "print", N_("Printed") },
    { "export", N_("Exported") },
    { "import", N_("Imported") },
    { "backup", N_("Backup") },
    { "restore", N_("Restore") },
  };

  g_return_val_if_fail (action != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].action, action))
      return _(labels[i].label);
  return action;
}

static WsAuditRecord *
record_from_row (sqlite3_stmt *stmt)
{
  WsAuditRecord *record = g_object_new (WS_TYPE_AUDIT_RECORD, NULL);
  int role = WS_ROLE_OFFICER;

  record->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < WS_AUDIT_N_FIELDS; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1 + i);

      record->fields[i] = g_strdup (text != NULL ? text : "");
    }
  ws_enum_from_nick (WS_TYPE_ROLE, record->fields[F_ROLE], &role);
  record->role = role;
  return record;
}

static char *
iso_or_null (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
matches_actor (WsAuditRecord *record,
               const char    *folded)
{
  g_autofree char *actor = NULL;
  g_autofree char *profile = NULL;

  if (folded == NULL || *folded == '\0')
    return TRUE;
  actor = ws_text_fold (record->fields[F_ACTOR]);
  profile = ws_text_fold (record->fields[F_PROFILE]);
  return strstr (actor, folded) != NULL || strstr (profile, folded) != NULL;
}

/**
 * ws_database_list_audit:
 *
 * See ws-audit.h.
 *
 * Returns: (transfer full): a list of #WsAuditRecord, or %NULL with @error
 */
GListModel *
ws_database_list_audit (WsDatabase  *self,
                        const char  *actor,
                        const char  *action,
                        GDateTime   *since,
                        GDateTime   *until,
                        guint        limit,
                        GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (WS_TYPE_AUDIT_RECORD);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *from = iso_or_null (since);
  g_autofree char *to = iso_or_null (until);
  g_autofree char *folded = actor != NULL ? ws_text_fold (actor) : NULL;

  g_return_val_if_fail (WS_IS_DATABASE (self), NULL);

  if (!_ws_database_require (self, WS_PERMISSION_READ_AUDIT, error))
    return NULL;

  _ws_database_lock (self);
  stmt = _ws_database_prepare (self,
                               "SELECT id, " WS_AUDIT_COLUMNS " FROM audit"
                               " WHERE (?1 IS NULL OR action = ?1) AND (?2 IS NULL OR at >= ?2)"
                               " AND (?3 IS NULL OR at < ?3) ORDER BY id DESC", error);
  if (stmt == NULL)
    {
      _ws_database_unlock (self);
      return NULL;
    }
  _ws_bind_optional (stmt, 1, action);
  _ws_bind_optional (stmt, 2, from);
  _ws_bind_optional (stmt, 3, to);
  while (sqlite3_step (stmt) == SQLITE_ROW && (limit == 0 || g_list_model_get_n_items (G_LIST_MODEL (store)) < limit))
    {
      g_autoptr(WsAuditRecord) record = record_from_row (stmt);

      /* Names are folded in C so "José" finds "jose" as the rest of the
       * program's searches do. */
      if (matches_actor (record, folded))
        g_list_store_append (store, record);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (self);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GStrv
ws_database_list_audit_actions (WsDatabase  *self,
                                GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (self), NULL);

  if (!_ws_database_require (self, WS_PERMISSION_READ_AUDIT, error))
    return NULL;
  _ws_database_lock (self);
  stmt = _ws_database_prepare (self, "SELECT DISTINCT action FROM audit ORDER BY action", error);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (self);
  return g_strv_builder_end (builder);
}

static gboolean
broken_at (gint64   id,
           gint64  *broken_id,
           GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (broken_id != NULL)
    *broken_id = id;
  /* Translators: %s is the number of an audit record */
  g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_TAMPERED,
               _("The audit trail was altered at record %s"), number);
  return FALSE;
}

/* Checks one record against the running hash @prev and moves it on.
 * Records before the chain began carry no hash and are hashed here. */
static gboolean
check_record (sqlite3_stmt  *stmt,
              char         **prev,
              gboolean      *chained)
{
  const char *fields[WS_AUDIT_N_FIELDS];
  const char *stored_prev = (const char *) sqlite3_column_text (stmt, 1 + WS_AUDIT_N_FIELDS);
  const char *stored = (const char *) sqlite3_column_text (stmt, 2 + WS_AUDIT_N_FIELDS);
  g_autofree char *expected = NULL;

  for (guint i = 0; i < WS_AUDIT_N_FIELDS; i++)
    {
      fields[i] = (const char *) sqlite3_column_text (stmt, 1 + i);
      if (fields[i] == NULL)
        fields[i] = "";
    }
  expected = _ws_audit_hash (*prev, sqlite3_column_int64 (stmt, 0), fields);
  if (stored == NULL || *stored == '\0')
    {
      /* A record without a hash after the chain began was blanked. */
      if (*chained)
        return FALSE;
    }
  else
    {
      if (g_strcmp0 (stored_prev, *prev) != 0 || g_strcmp0 (stored, expected) != 0)
        return FALSE;
      *chained = TRUE;
    }
  g_free (*prev);
  *prev = g_steal_pointer (&expected);
  return TRUE;
}

/**
 * ws_database_verify_audit:
 *
 * See ws-audit.h.
 */
gboolean
ws_database_verify_audit (WsDatabase  *self,
                          guint       *n_checked,
                          gint64      *broken_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prev = g_strdup ("");
  gboolean chained = FALSE;
  guint count = 0;
  int rc;

  g_return_val_if_fail (WS_IS_DATABASE (self), FALSE);

  if (broken_id != NULL)
    *broken_id = 0;
  if (n_checked != NULL)
    *n_checked = 0;

  /* One statement reads one snapshot, so records another program
   * appends meanwhile do not show up half-way. */
  _ws_database_lock (self);
  stmt = _ws_database_prepare (self, "SELECT id, " WS_AUDIT_COLUMNS ", prev_hash, hash FROM audit ORDER BY id",
                               error);
  if (stmt == NULL)
    {
      _ws_database_unlock (self);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!check_record (stmt, &prev, &chained))
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_clear_pointer (&stmt, sqlite3_finalize);
          _ws_database_unlock (self);
          return broken_at (id, broken_id, error);
        }
      count++;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (self);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_FAILED, _("The audit trail could not be read"));
      return FALSE;
    }
  if (n_checked != NULL)
    *n_checked = count;
  return TRUE;
}
