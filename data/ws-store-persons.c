/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-store-persons"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-identity-private.h"
#include "ws-person-private.h"
#include "ws-plan-private.h"
#include "ws-store.h"
#include "ws-text.h"
#include "ws-time.h"

/* Unit and record separators keep lists apart inside one column without
 * colliding with anything a user can type. */
#define SEP_UNIT "\x1f"
#define SEP_RECORD "\x1e"

#define PERSON_COLUMNS \
  "p.id, p.pseudonym, p.gender, p.gender_in_summary, p.interpreter_gender, p.vulnerability," \
  " p.age_status, p.age_assessed_on, p.risk_level, p.phase, p.status, p.first_contact_on, p.zone, p.notes," \
  " (SELECT group_concat (l, char (30)) FROM (SELECT language || char (31) || dialect AS l" \
  "    FROM person_language WHERE person_id = p.id ORDER BY position))," \
  " (SELECT group_concat (r, char (30)) FROM (SELECT c.reference AS r FROM case_party cp" \
  "    JOIN court_case c ON c.id = cp.case_id WHERE cp.person_id = p.id ORDER BY c.reference))"

static int
enum_column (sqlite3_stmt *stmt,
             int           column,
             GType         type)
{
  int value = 0;

  ws_enum_from_nick (type, (const char *) sqlite3_column_text (stmt, column), &value);
  return value;
}

static GStrv
split_column (sqlite3_stmt *stmt,
              int           column,
              gboolean      languages)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_auto(GStrv) records = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (text == NULL || *text == '\0')
    return g_strv_builder_end (builder);

  records = g_strsplit (text, SEP_RECORD, -1);
  for (guint i = 0; records[i] != NULL; i++)
    {
      if (languages)
        {
          g_auto(GStrv) parts = g_strsplit (records[i], SEP_UNIT, 2);
          g_autofree char *shown = ws_language_format (parts[0], parts[1]);

          g_strv_builder_add (builder, shown);
        }
      else
        g_strv_builder_add (builder, records[i]);
    }
  return g_strv_builder_end (builder);
}

/* @plan: whether the reader may see the support plan. Vulnerability
 * flags (health, pregnancy, trauma …) and the officer's notes belong to
 * it: a role without it (a prosecutor) gets neither, whatever shows them. */
static WsPerson *
person_from_row (sqlite3_stmt *stmt,
                 gboolean      plan)
{
  WsPerson *person = ws_person_new ();
  g_auto(GStrv) languages = split_column (stmt, 14, TRUE);
  g_auto(GStrv) references = split_column (stmt, 15, FALSE);

  _ws_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  ws_person_set_pseudonym (person, (const char *) sqlite3_column_text (stmt, 1));
  ws_person_set_gender (person, enum_column (stmt, 2, WS_TYPE_GENDER));
  ws_person_set_gender_in_summary (person, sqlite3_column_int (stmt, 3));
  ws_person_set_interpreter_gender (person, enum_column (stmt, 4, WS_TYPE_INTERPRETER_GENDER));
  ws_person_set_vulnerability (person, plan ? sqlite3_column_int (stmt, 5) : WS_VULNERABILITY_NONE);
  ws_person_set_age_status (person, enum_column (stmt, 6, WS_TYPE_AGE_STATUS));
  ws_person_set_age_assessed_on (person, (const char *) sqlite3_column_text (stmt, 7));
  ws_person_set_risk_level (person, enum_column (stmt, 8, WS_TYPE_RISK_LEVEL));
  ws_person_set_phase (person, enum_column (stmt, 9, WS_TYPE_PHASE));
  ws_person_set_status (person, enum_column (stmt, 10, WS_TYPE_PERSON_STATUS));
  ws_person_set_first_contact_on (person, (const char *) sqlite3_column_text (stmt, 11));
  ws_person_set_zone (person, (const char *) sqlite3_column_text (stmt, 12));
  ws_person_set_notes (person, plan ? (const char *) sqlite3_column_text (stmt, 13) : NULL);
  ws_person_set_languages (person, (const char * const *) languages);
  _ws_person_set_case_references (person, (const char * const *) references);
  return person;
}

static GPtrArray *
query_persons (WsDatabase    *db,
               const char    *where,
               gint64         id,
               const char    *text,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GPtrArray) persons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT " PERSON_COLUMNS " FROM person p ", where,
                                      " ORDER BY p.pseudonym COLLATE NOCASE", NULL);
  gboolean plan = ws_database_may (db, WS_PERMISSION_READ_PLAN);
  int rc;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, error);
  if (stmt == NULL)
    {
      _ws_database_unlock (db);
      return NULL;
    }
  if (text != NULL)
    _ws_bind_text (stmt, 1, text);
  else if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if ((persons->len & 1023) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      g_ptr_array_add (persons, person_from_row (stmt, plan));
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _ws_database_set_error (db, error, _("Reading the witnesses"));
      g_clear_pointer (&persons, g_ptr_array_unref);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);

  if (persons != NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&persons);
}

/**
 * ws_database_list_persons:
 *
 * Returns: (transfer container) (element-type WsPerson): every person, by pseudonym
 */
GPtrArray *
ws_database_list_persons (WsDatabase    *db,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_PERSONS, error))
    return NULL;
  return query_persons (db, "", 0, NULL, cancellable, error);
}

static void
list_persons_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *persons = ws_database_list_persons (source, cancellable, &error);

  if (persons == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, persons, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * ws_database_list_persons_async:
 *
 * Reads every person on a worker thread, so a large unit never freezes
 * the window.
 */
void
ws_database_list_persons_async (WsDatabase          *db,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WS_IS_DATABASE (db));

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, ws_database_list_persons_async);
  g_task_run_in_thread (task, list_persons_thread);
}

/**
 * ws_database_list_persons_finish:
 *
 * Returns: (transfer container) (element-type WsPerson): every person, by pseudonym
 */
GPtrArray *
ws_database_list_persons_finish (WsDatabase    *db,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static WsPerson *
first_or_not_found (GPtrArray  *found,
                    GError    **error)
{
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no such witness; it may have been deleted"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/**
 * ws_database_get_person:
 *
 * Returns: (transfer full): the person, or %NULL with @error set
 */
WsPerson *
ws_database_get_person (WsDatabase  *db,
                        gint64       id,
                        GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_PERSONS, error))
    return NULL;

  found = query_persons (db, "WHERE p.id = ?1", id, NULL, NULL, error);
  return first_or_not_found (found, error);
}

/**
 * ws_database_find_person:
 *
 * Returns: (transfer full): the person with @pseudonym (case does not
 *   matter), or %NULL with @error set
 */
WsPerson *
ws_database_find_person (WsDatabase  *db,
                         const char  *pseudonym,
                         GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (pseudonym != NULL, NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_PERSONS, error))
    return NULL;

  found = query_persons (db, "WHERE p.pseudonym = ?1", 0, pseudonym, NULL, error);
  return first_or_not_found (found, error);
}

static gboolean
pseudonym_taken (WsDatabase *db,
                 WsPerson   *person)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean taken = FALSE;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, "SELECT 1 FROM person WHERE pseudonym = ? AND id <> ?", NULL);
  if (stmt != NULL)
    {
      g_autofree char *stripped = ws_text_strip_dup (ws_person_get_pseudonym (person));

      _ws_bind_text (stmt, 1, stripped);
      sqlite3_bind_int64 (stmt, 2, ws_person_get_id (person));
      taken = sqlite3_step (stmt) == SQLITE_ROW;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return taken;
}

/**
 * ws_database_check_person:
 * @identity: (nullable): identifying details to be saved with the person
 * @problems: (element-type WsProblem): where to add what is wrong; identity
 *   fields are named "identity.FIELD"
 *
 * Everything ws_database_save_person() would refuse, by field, so a form
 * can show each message next to its field before anything is saved.
 */
void
ws_database_check_person (WsDatabase *db,
                          WsPerson   *person,
                          WsIdentity *identity,
                          GPtrArray  *problems)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_PERSON (person));

  ws_person_validate (person, problems);
  if (ws_problems_lookup (problems, "pseudonym") == NULL && pseudonym_taken (db, person))
    ws_problems_add (problems, "pseudonym", _("Another witness already has the pseudonym “%s”"),
                     ws_person_get_pseudonym (person));

  if (identity != NULL)
    {
      g_autoptr(GPtrArray) inner = ws_problems_new ();

      ws_identity_validate (identity, inner);
      for (guint i = 0; i < inner->len; i++)
        {
          WsProblem *p = g_ptr_array_index (inner, i);
          g_autofree char *field = g_strconcat ("identity.", p->field, NULL);

          ws_problems_add (problems, field, "%s", p->message);
        }
    }
}

static gboolean
write_languages (WsDatabase  *db,
                 WsPerson    *person,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;
  const char * const *languages = ws_person_get_languages (person);

  del = _ws_database_prepare (db, "DELETE FROM person_language WHERE person_id = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, ws_person_get_id (person));
  if (!_ws_database_step_done (db, del, error))
    return FALSE;

  ins = _ws_database_prepare (db, "INSERT INTO person_language (person_id, position, language, dialect)"
                                  " VALUES (?, ?, ?, ?)", error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *language = NULL;
      g_autofree char *dialect = NULL;

      ws_language_parse (languages[i], &language, &dialect);
      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, ws_person_get_id (person));
      sqlite3_bind_int (ins, 2, i);
      _ws_bind_text (ins, 3, language);
      _ws_bind_text (ins, 4, dialect);
      if (!_ws_database_step_done (db, ins, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_person_row (WsDatabase  *db,
                  WsPerson    *person,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ws_time_now_iso ();
  g_autofree char *pseudonym = ws_text_strip_dup (ws_person_get_pseudonym (person));
  gboolean is_new = ws_person_get_id (person) == 0;
  gint64 id;

  stmt = _ws_database_prepare (db, is_new
    ? "INSERT INTO person (pseudonym, gender, gender_in_summary, interpreter_gender, vulnerability, age_status,"
      " age_assessed_on, risk_level, phase, status, first_contact_on, zone, notes, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)"
    : "UPDATE person SET pseudonym = ?1, gender = ?2, gender_in_summary = ?3, interpreter_gender = ?4,"
      " vulnerability = ?5, age_status = ?6, age_assessed_on = ?7, risk_level = ?8, phase = ?9, status = ?10,"
      " first_contact_on = ?11, zone = ?12, notes = ?13, updated_at = ?14 WHERE id = ?15", error);
  if (stmt == NULL)
    return FALSE;

  _ws_bind_text (stmt, 1, pseudonym);
  _ws_bind_text (stmt, 2, ws_enum_to_nick (WS_TYPE_GENDER, ws_person_get_gender (person)));
  sqlite3_bind_int (stmt, 3, ws_person_get_gender_in_summary (person));
  _ws_bind_text (stmt, 4, ws_enum_to_nick (WS_TYPE_INTERPRETER_GENDER, ws_person_get_interpreter_gender (person)));
  sqlite3_bind_int (stmt, 5, ws_person_get_vulnerability (person));
  _ws_bind_text (stmt, 6, ws_enum_to_nick (WS_TYPE_AGE_STATUS, ws_person_get_age_status (person)));
  _ws_bind_optional (stmt, 7, ws_person_get_age_assessed_on (person));
  _ws_bind_text (stmt, 8, ws_enum_to_nick (WS_TYPE_RISK_LEVEL, ws_person_get_risk_level (person)));
  _ws_bind_text (stmt, 9, ws_enum_to_nick (WS_TYPE_PHASE, ws_person_get_phase (person)));
  _ws_bind_text (stmt, 10, ws_enum_to_nick (WS_TYPE_PERSON_STATUS, ws_person_get_status (person)));
  _ws_bind_optional (stmt, 11, ws_person_get_first_contact_on (person));
  _ws_bind_text (stmt, 12, ws_person_get_zone (person));
  _ws_bind_text (stmt, 13, ws_person_get_notes (person));
  _ws_bind_text (stmt, 14, now);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 15, ws_person_get_id (person));

  if (!_ws_database_step_done (db, stmt, error))
    return FALSE;
  id = _ws_database_saved_id (db, ws_person_get_id (person),
                              _("This witness was deleted meanwhile; nothing was saved"), error);
  if (id == 0)
    return FALSE;
  _ws_person_set_id (person, id);
  ws_person_set_pseudonym (person, pseudonym);
  return TRUE;
}

static gboolean
fail_with_problems (GPtrArray  *problems,
                    int         code,
                    GError    **error)
{
  WsProblem *first;

  if (problems->len == 0)
    return FALSE;
  first = g_ptr_array_index (problems, 0);
  g_set_error_literal (error, WS_DATABASE_ERROR, code, first->message);
  return TRUE;
}

/**
 * ws_database_save_person:
 * @identity: (nullable): identifying details to store too, or %NULL to
 *   leave them as they are
 *
 * Creates @person (its id is set) or updates it, with its languages and
 * identity, in one transaction. Nothing is written if anything is wrong.
 * A new person's support plan starts with them (timeline and opening
 * checklists); a child gets the child track; a phase changed here is
 * recorded in the timeline as a move would be.
 */
gboolean
ws_database_save_person (WsDatabase  *db,
                         WsPerson    *person,
                         WsIdentity  *identity,
                         GError     **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  gint64 old_id;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_PERSON (person), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PERSONS, error))
    return FALSE;

  ws_database_check_person (db, person, identity, problems);
  if (fail_with_problems (problems, pseudonym_taken (db, person) ? WS_DATABASE_ERROR_DUPLICATE
                                                                 : WS_DATABASE_ERROR_INVALID, error))
    return FALSE;
  if (identity != NULL && !_ws_identity_check_role (db, error))
    return FALSE;

  old_id = ws_person_get_id (person);
  if (!_ws_database_begin (db, error))
    return FALSE;
  if (!write_person_row (db, person, error) ||
      !write_languages (db, person, error) ||
      (identity != NULL && !_ws_identity_write (db, ws_person_get_id (person), identity, error)) ||
      !_ws_database_record_change (db, "person", ws_person_get_id (person),
                                   old_id == 0 ? "created" : "edited", error) ||
      !_ws_plan_sync_person (db, ws_person_get_id (person), old_id == 0, error))
    {
      _ws_database_rollback (db);
      _ws_person_set_id (person, old_id);
      return FALSE;
    }
  if (!_ws_database_commit (db, error))
    {
      _ws_person_set_id (person, old_id);
      return FALSE;
    }
  return TRUE;
}

/**
 * ws_database_delete_person:
 *
 * Deletes a person with their identity, plan and links to cases.
 */
gboolean
ws_database_delete_person (WsDatabase  *db,
                           gint64       id,
                           GError     **error)
{
  gboolean deleted;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_PERSONS, error))
    return FALSE;

  deleted = _ws_database_delete_row (db, "DELETE FROM person WHERE id = ?", id, "person",
                                     _("There is no such witness; it may have been deleted"), error);
  if (deleted)
    {
      /* The name index must not find someone who is gone. */
      _ws_database_lock (db);
      _ws_identity_forget_index (db);
      _ws_database_unlock (db);
    }
  return deleted;
}
