/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-store-cases"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ws-access.h"
#include "ws-case-private.h"
#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-measure.h"
#include "ws-store.h"
#include "ws-text.h"
#include "ws-time.h"

#define CASE_COLUMNS \
  "c.id, c.reference, c.court, c.prosecutor, c.stage, c.opened_on, c.notes," \
  " (SELECT group_concat (o, char (30)) FROM (SELECT offence AS o FROM case_offence" \
  "    WHERE case_id = c.id ORDER BY position))," \
  " (SELECT group_concat (form, char (30)) FROM (SELECT form FROM case_exploitation" \
  "    WHERE case_id = c.id ORDER BY form))," \
  " (SELECT group_concat (label, char (30)) FROM (SELECT label FROM accused" \
  "    WHERE case_id = c.id ORDER BY position))," \
  " (SELECT count (*) FROM case_party WHERE case_id = c.id)"

static GStrv
split_column (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (text, "\x1e", -1);
}

static WsCase *
case_from_row (sqlite3_stmt *stmt)
{
  WsCase *court_case = ws_case_new ();
  g_auto(GStrv) offences = split_column (stmt, 7);
  g_auto(GStrv) forms = split_column (stmt, 8);
  g_auto(GStrv) accused = split_column (stmt, 9);
  int stage = 0;

  ws_enum_from_nick (WS_TYPE_CASE_STAGE, (const char *) sqlite3_column_text (stmt, 4), &stage);
  _ws_case_set_id (court_case, sqlite3_column_int64 (stmt, 0));
  ws_case_set_reference (court_case, (const char *) sqlite3_column_text (stmt, 1));
  ws_case_set_court (court_case, (const char *) sqlite3_column_text (stmt, 2));
  ws_case_set_prosecutor (court_case, (const char *) sqlite3_column_text (stmt, 3));
  ws_case_set_stage (court_case, stage);
  ws_case_set_opened_on (court_case, (const char *) sqlite3_column_text (stmt, 5));
  ws_case_set_notes (court_case, (const char *) sqlite3_column_text (stmt, 6));
  ws_case_set_offences (court_case, (const char * const *) offences);
  ws_case_set_exploitation (court_case, (const char * const *) forms);
  ws_case_set_accused (court_case, (const char * const *) accused);
  _ws_case_set_witness_count (court_case, sqlite3_column_int (stmt, 10));
  return court_case;
}

static GPtrArray *
query_cases (WsDatabase    *db,
             const char    *where,
             gint64         id,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT " CASE_COLUMNS " FROM court_case c ", where,
                                      " ORDER BY c.reference COLLATE NOCASE", NULL);
  int rc;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, error);
  if (stmt == NULL)
    {
      _ws_database_unlock (db);
      return NULL;
    }
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cases, case_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the cases"));
      g_clear_pointer (&cases, g_ptr_array_unref);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);

  if (cases != NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&cases);
}

/**
 * ws_database_list_cases:
 *
 * Returns: (transfer container) (element-type WsCase): every case, by reference
 */
GPtrArray *
ws_database_list_cases (WsDatabase    *db,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_CASES, error))
    return NULL;
  return query_cases (db, "", 0, cancellable, error);
}

static void
list_cases_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *cases = ws_database_list_cases (source, cancellable, &error);

  if (cases == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, cases, (GDestroyNotify) g_ptr_array_unref);
}

void
ws_database_list_cases_async (WsDatabase          *db,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WS_IS_DATABASE (db));

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, ws_database_list_cases_async);
  g_task_run_in_thread (task, list_cases_thread);
}

/**
 * ws_database_list_cases_finish:
 *
 * Returns: (transfer container) (element-type WsCase): every case, by reference
 */
GPtrArray *
ws_database_list_cases_finish (WsDatabase    *db,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ws_database_get_case:
 *
 * Returns: (transfer full): the case, or %NULL with @error set
 */
WsCase *
ws_database_get_case (WsDatabase  *db,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_CASES, error))
    return NULL;

  found = query_cases (db, "WHERE c.id = ?1", id, NULL, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no such case; it may have been deleted"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

static gboolean
reference_taken (WsDatabase *db,
                 WsCase     *court_case)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *reference = ws_text_strip_dup (ws_case_get_reference (court_case));
  gboolean taken = FALSE;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, "SELECT 1 FROM court_case WHERE reference = ? AND id <> ?", NULL);
  if (stmt != NULL)
    {
      _ws_bind_text (stmt, 1, reference);
      sqlite3_bind_int64 (stmt, 2, ws_case_get_id (court_case));
      taken = sqlite3_step (stmt) == SQLITE_ROW;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return taken;
}

/**
 * ws_database_check_case:
 * @problems: (element-type WsProblem): where to add what is wrong, by field
 */
void
ws_database_check_case (WsDatabase *db,
                        WsCase     *court_case,
                        GPtrArray  *problems)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_CASE (court_case));

  ws_case_validate (court_case, problems);
  if (ws_problems_lookup (problems, "reference") == NULL && reference_taken (db, court_case))
    ws_problems_add (problems, "reference", _("Another case already has the reference “%s”"),
                     ws_case_get_reference (court_case));
}

static gboolean
replace_list (WsDatabase         *db,
              const char         *delete_sql,
              const char         *insert_sql,
              gint64              case_id,
              const char * const *items,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) del = _ws_database_prepare (db, delete_sql, error);
  g_autoptr(sqlite3_stmt) ins = NULL;

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, case_id);
  if (!_ws_database_step_done (db, del, error))
    return FALSE;

  ins = _ws_database_prepare (db, insert_sql, error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; items[i] != NULL; i++)
    {
      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, case_id);
      sqlite3_bind_int (ins, 2, i);
      _ws_bind_text (ins, 3, items[i]);
      if (!_ws_database_step_done (db, ins, error))
        return FALSE;
    }
  return TRUE;
}

/* Accused keep their row (and so any screening that names them) when the
 * list is edited; only labels that disappear are removed. */
static gboolean
write_accused (WsDatabase   *db,
               WsCase       *court_case,
               GError      **error)
{
  const char * const *labels = ws_case_get_accused (court_case);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) keep = g_string_new ("DELETE FROM accused WHERE case_id = ?1 AND label NOT IN (''");

  for (guint i = 0; labels[i] != NULL; i++)
    g_string_append_printf (keep, ", ?%u", i + 2);
  g_string_append_c (keep, ')');

  stmt = _ws_database_prepare (db, keep->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ws_case_get_id (court_case));
  for (guint i = 0; labels[i] != NULL; i++)
    _ws_bind_text (stmt, i + 2, labels[i]);
  if (!_ws_database_step_done (db, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _ws_database_prepare (db, "INSERT INTO accused (case_id, position, label) VALUES (?1, ?2, ?3)"
                                   " ON CONFLICT (case_id, label) DO UPDATE SET position = excluded.position, label = excluded.label", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; labels[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ws_case_get_id (court_case));
      sqlite3_bind_int (stmt, 2, i);
      _ws_bind_text (stmt, 3, labels[i]);
      if (!_ws_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_case_row (WsDatabase  *db,
                WsCase      *court_case,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ws_time_now_iso ();
  g_autofree char *reference = ws_text_strip_dup (ws_case_get_reference (court_case));
  g_autofree char *court = ws_text_strip_dup (ws_case_get_court (court_case));
  gboolean is_new = ws_case_get_id (court_case) == 0;
  gint64 id;

  stmt = _ws_database_prepare (db, is_new
    ? "INSERT INTO court_case (reference, court, prosecutor, stage, opened_on, notes, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"
    : "UPDATE court_case SET reference = ?1, court = ?2, prosecutor = ?3, stage = ?4, opened_on = ?5,"
      " notes = ?6, updated_at = ?7 WHERE id = ?8", error);
  if (stmt == NULL)
    return FALSE;
  _ws_bind_text (stmt, 1, reference);
  _ws_bind_text (stmt, 2, court);
  _ws_bind_text (stmt, 3, ws_case_get_prosecutor (court_case));
  _ws_bind_text (stmt, 4, ws_enum_to_nick (WS_TYPE_CASE_STAGE, ws_case_get_stage (court_case)));
  _ws_bind_optional (stmt, 5, ws_case_get_opened_on (court_case));
  _ws_bind_text (stmt, 6, ws_case_get_notes (court_case));
  _ws_bind_text (stmt, 7, now);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 8, ws_case_get_id (court_case));
  if (!_ws_database_step_done (db, stmt, error))
    return FALSE;
  id = _ws_database_saved_id (db, ws_case_get_id (court_case),
                              _("This case was deleted meanwhile; nothing was saved"), error);
  if (id == 0)
    return FALSE;
  _ws_case_set_id (court_case, id);
  ws_case_set_reference (court_case, reference);
  ws_case_set_court (court_case, court);
  return TRUE;
}

/**
 * ws_database_save_case:
 *
 * Creates @court_case (its id is set) or updates it, with offences, forms
 * of exploitation and accused, in one transaction.
 */
gboolean
ws_database_save_case (WsDatabase  *db,
                       WsCase      *court_case,
                       GError     **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  gint64 old_id;
  gint64 id;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_CASE (court_case), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_CASES, error))
    return FALSE;

  ws_database_check_case (db, court_case, problems);
  if (problems->len > 0)
    {
      WsProblem *first = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, WS_DATABASE_ERROR,
                           reference_taken (db, court_case) ? WS_DATABASE_ERROR_DUPLICATE : WS_DATABASE_ERROR_INVALID,
                           first->message);
      return FALSE;
    }

  old_id = ws_case_get_id (court_case);
  if (!_ws_database_begin (db, error))
    return FALSE;
  if (!write_case_row (db, court_case, error))
    goto fail;
  id = ws_case_get_id (court_case);
  if (!replace_list (db, "DELETE FROM case_offence WHERE case_id = ?",
                     "INSERT INTO case_offence (case_id, position, offence) VALUES (?, ?, ?)",
                     id, ws_case_get_offences (court_case), error) ||
      !replace_list (db, "DELETE FROM case_exploitation WHERE case_id = ?",
                     /* forms are a set: position (?2) is not stored */
                     "INSERT OR IGNORE INTO case_exploitation (case_id, form) SELECT ?1, ?3 WHERE ?2 >= 0",
                     id, ws_case_get_exploitation (court_case), error) ||
      !write_accused (db, court_case, error) ||
      !_ws_database_record_change (db, "case", id, old_id == 0 ? "created" : "edited", error))
    goto fail;
  return _ws_database_commit (db, error);

fail:
  _ws_database_rollback (db);
  _ws_case_set_id (court_case, old_id);
  return FALSE;
}

/**
 * ws_database_delete_case:
 *
 * Deletes a case with its hearings, measures and links to witnesses; the
 * witnesses themselves and their support plans stay.
 */
gboolean
ws_database_delete_case (WsDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_CASES, error))
    return FALSE;
  return _ws_database_delete_row (db, "DELETE FROM court_case WHERE id = ?", id, "case",
                                  _("There is no such case; it may have been deleted"), error);
}

static GPtrArray *
query_parties (WsDatabase  *db,
               const char  *where,
               gint64       id,
               GError     **error)
{
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT cp.id, cp.case_id, cp.person_id, p.pseudonym, c.reference, cp.role, cp.label"
                                      " FROM case_party cp JOIN person p ON p.id = cp.person_id"
                                      " JOIN court_case c ON c.id = cp.case_id ", where,
                                      " ORDER BY c.reference COLLATE NOCASE, cp.label COLLATE NOCASE", NULL);
  int rc;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          int role = 0;

          ws_enum_from_nick (WS_TYPE_PARTY_ROLE, (const char *) sqlite3_column_text (stmt, 5), &role);
          g_ptr_array_add (parties,
                           _ws_case_party_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                               sqlite3_column_int64 (stmt, 2),
                                               (const char *) sqlite3_column_text (stmt, 3),
                                               (const char *) sqlite3_column_text (stmt, 4),
                                               role, (const char *) sqlite3_column_text (stmt, 6)));
        }
      if (rc != SQLITE_DONE)
        {
          _ws_database_set_error (db, error, _("Reading the witnesses of a case"));
          g_clear_pointer (&parties, g_ptr_array_unref);
        }
    }
  else
    g_clear_pointer (&parties, g_ptr_array_unref);
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return g_steal_pointer (&parties);
}

/**
 * ws_database_list_parties_of_case:
 *
 * Returns: (transfer container) (element-type WsCaseParty): the case's witnesses
 */
GPtrArray *
ws_database_list_parties_of_case (WsDatabase  *db,
                                  gint64       case_id,
                                  GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_CASES, error))
    return NULL;
  return query_parties (db, "WHERE cp.case_id = ?1", case_id, error);
}

/**
 * ws_database_list_parties_of_person:
 *
 * Returns: (transfer container) (element-type WsCaseParty): the person's cases
 */
GPtrArray *
ws_database_list_parties_of_person (WsDatabase  *db,
                                    gint64       person_id,
                                    GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_CASES, error))
    return NULL;
  return query_parties (db, "WHERE cp.person_id = ?1", person_id, error);
}

/**
 * ws_database_suggest_party_label:
 *
 * Returns: (transfer full): the first free label of the form "Witness A",
 *   "Witness B", … "Witness AA" in the case
 */
char *
ws_database_suggest_party_label (WsDatabase *db,
                                 gint64      case_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *label = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, "SELECT 1 FROM case_party WHERE case_id = ? AND label = ?", NULL);
  for (guint n = 0; stmt != NULL && label == NULL; n++)
    {
      char letters[8] = { 0 };
      int len = 0;
      g_autofree char *candidate = NULL;

      for (guint v = n + 1; v > 0 && len < 7; v = (v - 1) / 26)
        letters[len++] = 'A' + (v - 1) % 26;
      g_strreverse (letters);
      /* Translators: the default label of a witness in a case, %s is a letter */
      candidate = g_strdup_printf (_("Witness %s"), letters);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, case_id);
      _ws_bind_text (stmt, 2, candidate);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        label = g_steal_pointer (&candidate);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return label;
}

/**
 * ws_database_link_party:
 * @label: how the person is called in this case, e.g. "Witness A"
 *
 * Makes a person a party to a case.
 */
gboolean
ws_database_link_party (WsDatabase   *db,
                        gint64        case_id,
                        gint64        person_id,
                        WsPartyRole   role,
                        const char   *label,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = ws_text_strip_dup (label);
  int rc;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_CASES, error))
    return FALSE;

  if (*stripped == '\0')
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                   _("A label such as “Witness A” is required"));
      return FALSE;
    }

  if (!_ws_database_begin (db, error))
    return FALSE;
  stmt = _ws_database_prepare (db, "INSERT INTO case_party (case_id, person_id, role, label) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  _ws_bind_text (stmt, 3, ws_enum_to_nick (WS_TYPE_PARTY_ROLE, role));
  _ws_bind_text (stmt, 4, stripped);
  rc = sqlite3_step (stmt);
  /* Extended result codes are on, so compare the primary code only. */
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      int ext = sqlite3_extended_errcode (_ws_database_get_handle (db));
      const char *msg = sqlite3_errmsg (_ws_database_get_handle (db));

      if (ext == SQLITE_CONSTRAINT_UNIQUE && strstr (msg, "label") != NULL)
        g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DUPLICATE,
                     _("Another witness in this case is already called “%s”"), stripped);
      else if (ext == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DUPLICATE,
                     _("This witness is already linked to the case"));
      else
        g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                     _("The witness or the case no longer exists"));
      goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Linking the witness"));
      goto fail;
    }
  /* A child witness gets testimonial aids proposed by themselves. */
  if (!_ws_database_record_change (db, "case-party", _ws_database_last_insert_id (db), "linked", error) ||
      !ws_database_propose_child_aids (db, case_id, person_id, NULL, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  return _ws_database_commit (db, error);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  return FALSE;
}

gboolean
ws_database_unlink_party (WsDatabase  *db,
                          gint64       party_id,
                          GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_CASES, error))
    return FALSE;
  return _ws_database_delete_row (db, "DELETE FROM case_party WHERE id = ?", party_id, "case-party",
                                  _("The witness is no longer linked to this case"), error);
}
