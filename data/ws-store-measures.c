/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-store-measures"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-database-private.h"
#include "ws-enums.h"
#include "ws-measure-private.h"
#include "ws-text.h"
#include "ws-time.h"

/* A whole-proceedings measure loaded on its own is judged against the
 * case's next hearing (the first that has not ended); see
 * ws_measure_get_arranged_by(). */
#define NEXT_HEARING \
  "COALESCE (mm.hearing_id, (SELECT h2.id FROM hearing h2 WHERE h2.case_id = mm.case_id" \
  " AND h2.ends_at > :now ORDER BY h2.starts_at, h2.id LIMIT 1))"

#define SOURCE_ALONE "SELECT mm.*, " NEXT_HEARING " AS th FROM measure mm "

/* What the list functions read, from a source aliased `m` that has a
 * `th` column: the hearing arrangement is judged against. */
#define MEASURE_COLUMNS \
  "m.id, m.case_id, m.person_id, m.hearing_id, m.type, m.status, m.requested_by, m.applied_on," \
  " m.decided_by, m.decided_on, m.legal_basis, m.refusal_reason, m.defence_position," \
  " m.booking_reference, m.notes, m.alternative, p.pseudonym, c.reference, h.starts_at, h.zone"
#define MEASURE_JOINS \
  " JOIN court_case c ON c.id = m.case_id LEFT JOIN person p ON p.id = m.person_id" \
  " LEFT JOIN hearing h ON h.id = m.hearing_id"
#define MEASURE_N_COLUMNS 20

static const char *
column (sqlite3_stmt *stmt,
        int           i)
{
  return (const char *) sqlite3_column_text (stmt, i);
}

static WsMeasure *
measure_from_row (sqlite3_stmt *stmt)
{
  WsMeasure *measure = ws_measure_new ();
  g_autoptr(GDateTime) starts = ws_time_parse_instant (column (stmt, 18));
  int status = 0;

  ws_enum_from_nick (WS_TYPE_MEASURE_STATUS, column (stmt, 5), &status);
  _ws_measure_set_id (measure, sqlite3_column_int64 (stmt, 0));
  ws_measure_set_case_id (measure, sqlite3_column_int64 (stmt, 1));
  ws_measure_set_person_id (measure, sqlite3_column_int64 (stmt, 2));
  ws_measure_set_hearing_id (measure, sqlite3_column_int64 (stmt, 3));
  ws_measure_set_measure_type (measure, column (stmt, 4));
  ws_measure_set_status (measure, status);
  ws_measure_set_requested_by (measure, column (stmt, 6));
  ws_measure_set_applied_on (measure, column (stmt, 7));
  ws_measure_set_decided_by (measure, column (stmt, 8));
  ws_measure_set_decided_on (measure, column (stmt, 9));
  ws_measure_set_legal_basis (measure, column (stmt, 10));
  ws_measure_set_refusal_reason (measure, column (stmt, 11));
  ws_measure_set_defence_position (measure, column (stmt, 12));
  ws_measure_set_booking_reference (measure, column (stmt, 13));
  ws_measure_set_notes (measure, column (stmt, 14));
  ws_measure_set_alternative (measure, column (stmt, 15));
  _ws_measure_set_loaded (measure, column (stmt, 16), column (stmt, 17), starts, column (stmt, 19),
                          sqlite3_column_int (stmt, MEASURE_N_COLUMNS));
  return measure;
}

static void
bind_named_int (sqlite3_stmt *stmt,
                const char   *name,
                gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_now (sqlite3_stmt *stmt)
{
  int index = sqlite3_bind_parameter_index (stmt, ":now");
  g_autofree char *now = NULL;

  if (index <= 0)
    return;
  now = ws_time_now_iso ();
  _ws_bind_text (stmt, index, now);
}

/* @source selects measure rows with their `th`; :id is bound to @id. */
static GPtrArray *
query_measures (WsDatabase  *db,
                const char  *source,
                gint64       id,
                GError     **error)
{
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT " MEASURE_COLUMNS ", ", _ws_measure_arranged_by_sql (),
                                      " FROM (", source, ") m" MEASURE_JOINS,
                                      " ORDER BY c.reference COLLATE NOCASE, p.pseudonym IS NOT NULL,"
                                      " p.pseudonym COLLATE NOCASE, m.id", NULL);
  int rc;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, error);
  if (stmt == NULL)
    {
      _ws_database_unlock (db);
      return NULL;
    }
  bind_named_int (stmt, ":id", id);
  bind_now (stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (measures, measure_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the protective measures"));
      g_clear_pointer (&measures, g_ptr_array_unref);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return g_steal_pointer (&measures);
}

/**
 * ws_database_list_measures_of_case:
 *
 * Returns: (transfer container) (element-type WsMeasure): the case's
 *   measures, those for every witness first, then by pseudonym
 */
GPtrArray *
ws_database_list_measures_of_case (WsDatabase  *db,
                                   gint64       case_id,
                                   GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_MEASURES, error))
    return NULL;
  return query_measures (db, SOURCE_ALONE "WHERE mm.case_id = :id", case_id, error);
}

/**
 * ws_database_list_measures_of_person:
 *
 * Returns: (transfer container) (element-type WsMeasure): the measures
 *   for this witness in every case (not those for every witness of a case)
 */
GPtrArray *
ws_database_list_measures_of_person (WsDatabase  *db,
                                     gint64       person_id,
                                     GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_MEASURES, error))
    return NULL;
  return query_measures (db, SOURCE_ALONE "WHERE mm.person_id = :id", person_id, error);
}

/**
 * ws_database_list_measures_of_hearing:
 *
 * The measures that apply at a hearing: those for that hearing and those
 * for the whole proceedings of its case, each judged against this
 * hearing (a video link is arranged by a confirmed session at it).
 *
 * Returns: (transfer container) (element-type WsMeasure): the measures
 */
GPtrArray *
ws_database_list_measures_of_hearing (WsDatabase  *db,
                                      gint64       hearing_id,
                                      GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_MEASURES, error))
    return NULL;
  return query_measures (db,
                         "SELECT mm.*, hh.id AS th FROM hearing hh JOIN measure mm ON mm.case_id = hh.case_id"
                         " AND (mm.hearing_id = hh.id OR mm.hearing_id IS NULL) WHERE hh.id = :id",
                         hearing_id, error);
}

/**
 * ws_database_get_measure:
 *
 * Returns: (transfer full): the measure, or %NULL with @error set
 */
WsMeasure *
ws_database_get_measure (WsDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_MEASURES, error))
    return NULL;

  found = query_measures (db, SOURCE_ALONE "WHERE mm.id = :id", id, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no such measure; it may have been deleted"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/* Runs a query with up to three integer parameters; TRUE if it gave a row. */
static gboolean
exists (WsDatabase *db,
        const char *sql,
        gint64      a,
        gint64      b,
        gint64      c)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, a);
      sqlite3_bind_int64 (stmt, 2, b);
      sqlite3_bind_int64 (stmt, 3, c);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return found;
}

/**
 * ws_database_check_measure:
 * @problems: (element-type WsProblem): where to add what is wrong, by field
 *
 * ws_measure_validate() and the rules that need the database: the case
 * exists, the witness is a party to it, the hearing is one of its.
 */
void
ws_database_check_measure (WsDatabase *db,
                           WsMeasure  *measure,
                           GPtrArray  *problems)
{
  gint64 case_id;
  gint64 person_id;
  gint64 hearing_id;

  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_MEASURE (measure));

  ws_measure_validate (measure, problems);
  case_id = ws_measure_get_case_id (measure);
  person_id = ws_measure_get_person_id (measure);
  hearing_id = ws_measure_get_hearing_id (measure);
  if (case_id <= 0)
    return;
  if (!exists (db, "SELECT 1 FROM court_case WHERE id = ?1", case_id, 0, 0))
    ws_problems_add (problems, "case", _("The case no longer exists"));
  else if (person_id != 0 &&
           !exists (db, "SELECT 1 FROM case_party WHERE case_id = ?1 AND person_id = ?2", case_id, person_id, 0))
    ws_problems_add (problems, "person", _("The witness is not linked to this case"));
  if (hearing_id != 0 && !exists (db, "SELECT 1 FROM hearing WHERE id = ?2 AND case_id = ?1", case_id, hearing_id, 0))
    ws_problems_add (problems, "hearing", _("The hearing is not one of this case's"));
}

static gboolean
check_or_fail (WsDatabase  *db,
               WsMeasure   *measure,
               GError     **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  WsProblem *first;

  ws_database_check_measure (db, measure, problems);
  if (problems->len == 0)
    return TRUE;
  first = g_ptr_array_index (problems, 0);
  g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID, first->message);
  return FALSE;
}

static void
bind_optional_id (sqlite3_stmt *stmt,
                  int           index,
                  gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* Every column but the id; ?15 is the status. */
static void
bind_measure (sqlite3_stmt *stmt,
              WsMeasure    *measure,
              const char   *status)
{
  g_autofree char *type = ws_text_strip_dup (ws_measure_get_measure_type (measure));

  sqlite3_bind_int64 (stmt, 1, ws_measure_get_case_id (measure));
  bind_optional_id (stmt, 2, ws_measure_get_person_id (measure));
  bind_optional_id (stmt, 3, ws_measure_get_hearing_id (measure));
  _ws_bind_text (stmt, 4, type);
  _ws_bind_text (stmt, 5, ws_measure_get_requested_by (measure));
  _ws_bind_optional (stmt, 6, ws_measure_get_applied_on (measure));
  _ws_bind_text (stmt, 7, ws_measure_get_decided_by (measure));
  _ws_bind_optional (stmt, 8, ws_measure_get_decided_on (measure));
  _ws_bind_text (stmt, 9, ws_measure_get_legal_basis (measure));
  _ws_bind_text (stmt, 10, ws_measure_get_refusal_reason (measure));
  _ws_bind_text (stmt, 11, ws_measure_get_defence_position (measure));
  _ws_bind_text (stmt, 12, ws_measure_get_booking_reference (measure));
  _ws_bind_text (stmt, 13, ws_measure_get_notes (measure));
  _ws_bind_text (stmt, 14, ws_measure_get_alternative (measure));
  _ws_bind_text (stmt, 15, status);
}

static gboolean
insert_history (WsDatabase       *db,
                gint64            measure_id,
                WsMeasureStatus   status,
                const char       *who,
                const char       *note,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ws_time_now_iso ();

  stmt = _ws_database_prepare (db, "INSERT INTO measure_history (measure_id, status, changed_at, changed_by, note)"
                                   " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, measure_id);
  _ws_bind_text (stmt, 2, ws_enum_to_nick (WS_TYPE_MEASURE_STATUS, status));
  _ws_bind_text (stmt, 3, now);
  _ws_bind_text (stmt, 4, who != NULL ? who : ws_database_get_actor_name (db));
  _ws_bind_text (stmt, 5, note);
  return _ws_database_step_done (db, stmt, error);
}

#define MEASURE_SET \
  "case_id = ?1, person_id = ?2, hearing_id = ?3, type = ?4, requested_by = ?5, applied_on = ?6," \
  " decided_by = ?7, decided_on = ?8, legal_basis = ?9, refusal_reason = ?10, defence_position = ?11," \
  " booking_reference = ?12, notes = ?13, alternative = ?14"

/* An update is refused when the stored status is no longer the one the
 * editor saw: a status changes only through
 * ws_database_change_measure_status(). */
static gboolean
write_measure_row (WsDatabase       *db,
                   WsMeasure        *measure,
                   WsMeasureStatus   expected,
                   WsMeasureStatus   status,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean is_new = ws_measure_get_id (measure) == 0;

  stmt = _ws_database_prepare (db, is_new
    ? "INSERT INTO measure (case_id, person_id, hearing_id, type, requested_by, applied_on, decided_by,"
      " decided_on, legal_basis, refusal_reason, defence_position, booking_reference, notes, alternative, status)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
    : "UPDATE measure SET " MEASURE_SET ", status = ?15 WHERE id = ?16 AND status = ?17", error);
  if (stmt == NULL)
    return FALSE;
  bind_measure (stmt, measure, ws_enum_to_nick (WS_TYPE_MEASURE_STATUS, status));
  if (!is_new)
    {
      sqlite3_bind_int64 (stmt, 16, ws_measure_get_id (measure));
      _ws_bind_text (stmt, 17, ws_enum_to_nick (WS_TYPE_MEASURE_STATUS, expected));
    }
  if (!_ws_database_step_done (db, stmt, error))
    return FALSE;
  if (is_new)
    {
      _ws_measure_set_id (measure, _ws_database_last_insert_id (db));
      return TRUE;
    }
  if (sqlite3_changes (_ws_database_get_handle (db)) > 0)
    return TRUE;
  if (exists (db, "SELECT 1 FROM measure WHERE id = ?1", ws_measure_get_id (measure), 0, 0))
    g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                 _("Someone changed this measure's status meanwhile; nothing was saved"));
  else
    g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                 _("This measure was deleted meanwhile; nothing was saved"));
  return FALSE;
}

static void
refresh_loaded (WsDatabase *db,
                WsMeasure  *measure)
{
  g_autoptr(WsMeasure) fresh = ws_database_get_measure (db, ws_measure_get_id (measure), NULL);

  if (fresh != NULL)
    _ws_measure_set_loaded (measure, ws_measure_get_pseudonym (fresh), ws_measure_get_case_reference (fresh),
                            ws_measure_get_hearing_starts_at (fresh), ws_measure_get_hearing_zone (fresh),
                            ws_measure_get_arranged_by (fresh));
}

/**
 * ws_database_save_measure:
 *
 * Records a new measure (its id is set; its status is the first step of
 * its history) or saves the edited fields of an existing one, in one
 * transaction. An existing measure's status is not changed here; see
 * ws_database_change_measure_status().
 */
gboolean
ws_database_save_measure (WsDatabase  *db,
                          WsMeasure   *measure,
                          GError     **error)
{
  gint64 old_id;
  WsMeasureStatus status;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_MEASURE (measure), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_MEASURES, error))
    return FALSE;

  if (!check_or_fail (db, measure, error))
    return FALSE;

  old_id = ws_measure_get_id (measure);
  status = ws_measure_get_status (measure);
  if (!_ws_database_begin (db, error))
    return FALSE;
  if (!write_measure_row (db, measure, status, status, error))
    goto fail;
  if (old_id == 0 && !insert_history (db, ws_measure_get_id (measure), status, NULL, _("Recorded"), error))
    goto fail;
  if (!_ws_database_record_change (db, "measure", ws_measure_get_id (measure), old_id == 0 ? "created" : "edited", error))
    goto fail;
  if (!_ws_database_commit (db, error))
    {
      _ws_measure_set_id (measure, old_id);
      return FALSE;
    }
  refresh_loaded (db, measure);
  return TRUE;

fail:
  _ws_database_rollback (db);
  _ws_measure_set_id (measure, old_id);
  return FALSE;
}

/**
 * ws_database_delete_measure:
 *
 * Deletes a measure with its history.
 */
gboolean
ws_database_delete_measure (WsDatabase  *db,
                            gint64       id,
                            GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_MEASURES, error))
    return FALSE;
  return _ws_database_delete_row (db, "DELETE FROM measure WHERE id = ?", id, "measure",
                                  _("There is no such measure; it may have been deleted"), error);
}

static gboolean
read_status (WsDatabase       *db,
             gint64            id,
             WsMeasureStatus  *status,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = _ws_database_prepare (db, "SELECT status FROM measure WHERE id = ?", error);
  int value = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no such measure; it may have been deleted"));
      return FALSE;
    }
  ws_enum_from_nick (WS_TYPE_MEASURE_STATUS, column (stmt, 0), &value);
  *status = value;
  return TRUE;
}

/* The dates a step implies, when the officer left them empty. */
static void
fill_step_defaults (WsMeasure       *copy,
                    WsMeasureStatus  from,
                    WsMeasureStatus  to)
{
  g_autoptr(GDate) today = ws_time_today ();
  g_autofree char *today_text = ws_time_format_date (today);

  if (to == WS_MEASURE_STATUS_APPLIED_FOR && from == WS_MEASURE_STATUS_REFUSED)
    {
      /* A new application: the old decision is in the history. */
      ws_measure_set_applied_on (copy, today_text);
      ws_measure_set_decided_on (copy, NULL);
      ws_measure_set_decided_by (copy, NULL);
    }
  if (to == WS_MEASURE_STATUS_APPLIED_FOR && ws_measure_get_applied_on (copy) == NULL)
    ws_measure_set_applied_on (copy, today_text);
  if ((to == WS_MEASURE_STATUS_GRANTED || to == WS_MEASURE_STATUS_REFUSED) &&
      ws_measure_get_decided_on (copy) == NULL)
    ws_measure_set_decided_on (copy, today_text);
}

static gboolean
read_arranged_by (WsDatabase    *db,
                  gint64         id,
                  WsArrangedBy  *arranged_by,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT ", _ws_measure_arranged_by_sql (),
                                      " FROM (" SOURCE_ALONE "WHERE mm.id = :id) m", NULL);

  stmt = _ws_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_named_int (stmt, ":id", id);
  bind_now (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _ws_database_set_error (db, error, _("Reading the protective measures"));
      return FALSE;
    }
  *arranged_by = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Types the data can show arranged are never "arranged" by hand alone. */
static gboolean
check_arranged (WsDatabase  *db,
                WsMeasure   *measure,
                GError     **error)
{
  const WsMeasureType *type = ws_measure_type_lookup (ws_measure_get_measure_type (measure));
  WsArrangedBy arranged_by = WS_ARRANGED_BY_NOTHING;

  if (type == NULL || type->arrangement == WS_ARRANGEMENT_BY_HAND)
    return TRUE;
  if (!read_arranged_by (db, ws_measure_get_id (measure), &arranged_by, error))
    return FALSE;
  if (arranged_by != WS_ARRANGED_BY_NOTHING)
    return TRUE;
  g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
               /* Translators: the first %s is a measure, the second what arranging it needs */
               _("“%s” counts as arranged when the records show it, not before. It needs: %s"),
               ws_measure_type_get_label (type->code), ws_measure_type_get_needs (type->code));
  return FALSE;
}

static void
apply_step (WsMeasure *measure,
            WsMeasure *copy)
{
  ws_measure_set_applied_on (measure, ws_measure_get_applied_on (copy));
  ws_measure_set_decided_on (measure, ws_measure_get_decided_on (copy));
  ws_measure_set_decided_by (measure, ws_measure_get_decided_by (copy));
  ws_measure_set_status (measure, ws_measure_get_status (copy));
}

/**
 * ws_database_change_measure_status:
 * @measure: the measure, with any fields the step needs filled in (who
 *   decided, the refusal reason, the booking reference …)
 * @note: (nullable): why, for the history
 *
 * Moves a measure one step along proposed → applied for → granted /
 * refused / withdrawn → arranged, saving its fields and a history row
 * (who: the current actor, when: now) in one transaction. An illegal
 * step (judged against the stored status) or a field the new status
 * needs but lacks is refused with a message saying what to do, and
 * nothing is written. Dates a step implies (applied on, decided on)
 * default to today. On success @measure shows the new status.
 */
gboolean
ws_database_change_measure_status (WsDatabase       *db,
                                   WsMeasure        *measure,
                                   WsMeasureStatus   status,
                                   const char       *note,
                                   GError          **error)
{
  g_autoptr(WsMeasure) copy = NULL;
  g_autofree char *change = NULL;
  WsMeasureStatus from;
  gint64 id;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (ws_measure_get_id (measure) > 0, FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_MEASURES, error))
    return FALSE;

  id = ws_measure_get_id (measure);
  if (!_ws_database_begin (db, error))
    return FALSE;
  if (!read_status (db, id, &from, error) || !ws_measure_status_check_change (from, status, error))
    goto fail;

  copy = ws_measure_copy (measure);
  ws_measure_set_status (copy, status);
  fill_step_defaults (copy, from, status);
  change = g_strdup_printf ("status: %s", ws_enum_to_nick (WS_TYPE_MEASURE_STATUS, status));
  if (!check_or_fail (db, copy, error) ||
      !write_measure_row (db, copy, from, status, error) ||
      (status == WS_MEASURE_STATUS_ARRANGED && !check_arranged (db, copy, error)) ||
      !insert_history (db, id, status, NULL, note != NULL ? note : "", error) ||
      !_ws_database_record_change (db, "measure", id, change, error))
    goto fail;
  if (!_ws_database_commit (db, error))
    return FALSE;

  apply_step (measure, copy);
  refresh_loaded (db, measure);
  return TRUE;

fail:
  _ws_database_rollback (db);
  return FALSE;
}

/* @user_data: the measure's id */
static gpointer
measure_change_from_row (sqlite3_stmt *stmt,
                         gpointer      user_data)
{
  g_autoptr(GDateTime) at = ws_time_parse_instant (column (stmt, 2));
  int status = 0;

  ws_enum_from_nick (WS_TYPE_MEASURE_STATUS, column (stmt, 1), &status);
  return _ws_measure_change_new (sqlite3_column_int64 (stmt, 0), *(const gint64 *) user_data, status, at,
                                 column (stmt, 3), column (stmt, 4));
}

/**
 * ws_database_list_measure_history:
 *
 * Returns: (transfer container) (element-type WsMeasureChange): every
 *   step of the measure, oldest first
 */
GPtrArray *
ws_database_list_measure_history (WsDatabase  *db,
                                  gint64       measure_id,
                                  GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_MEASURES, error))
    return NULL;

  return _ws_database_list_rows (db, "SELECT id, status, changed_at, changed_by, note FROM measure_history"
                                     " WHERE measure_id = ? ORDER BY changed_at, id", measure_id,
                                 measure_change_from_row, &measure_id, _("Reading the history of a measure"),
                                 error);
}

/* ------------------------------------------------------------------ */
/* Testimonial aids for children                                       */

static gboolean
is_child (WsDatabase *db,
          gint64      person_id)
{
  return exists (db, "SELECT 1 FROM person WHERE id = ?1 AND age_status IN ('presumed-child', 'child')",
                 person_id, 0, 0);
}

static gboolean
propose_aid (WsDatabase  *db,
             gint64       case_id,
             gint64       person_id,
             const char  *type,
             guint       *n_proposed,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  stmt = _ws_database_prepare (db, "INSERT INTO measure (case_id, person_id, type, status)"
                                   " SELECT ?1, ?2, ?3, 'proposed' WHERE NOT EXISTS (SELECT 1 FROM measure"
                                   " WHERE case_id = ?1 AND person_id = ?2 AND type = ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  _ws_bind_text (stmt, 3, type);
  if (!_ws_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (_ws_database_get_handle (db)) == 0)
    return TRUE;
  id = _ws_database_last_insert_id (db);
  (*n_proposed)++;
  return insert_history (db, id, WS_MEASURE_STATUS_PROPOSED, WS_MEASURE_SYSTEM_ACTOR,
                         _("Proposed automatically: testimonial aid for a child witness"), error) &&
         _ws_database_record_change (db, "measure", id, "proposed automatically", error);
}

/**
 * ws_database_propose_child_aids:
 * @n_proposed: (out) (optional): how many measures were proposed
 *
 * When the witness is presumed or known to be a child, proposes the
 * testimonial aids of the catalogue (video link from another room,
 * support person, screens, recorded interview) for the whole
 * proceedings of the case, each unless the witness already has a
 * measure of that type in the case, whatever its status. History
 * records the system as the proposer. Called when a witness is linked
 * to a case; safe to call again.
 */
gboolean
ws_database_propose_child_aids (WsDatabase  *db,
                                gint64       case_id,
                                gint64       person_id,
                                guint       *n_proposed,
                                GError     **error)
{
  guint n = 0;
  guint n_types;
  const WsMeasureType *types = ws_measure_types_get_all (&n_types);

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_MEASURES, error))
    return FALSE;

  if (n_proposed != NULL)
    *n_proposed = 0;
  if (!_ws_database_begin (db, error))
    return FALSE;
  if (is_child (db, person_id))
    for (guint i = 0; i < n_types; i++)
      if (types[i].child_aid && !propose_aid (db, case_id, person_id, types[i].code, &n, error))
        {
          _ws_database_rollback (db);
          return FALSE;
        }
  if (!_ws_database_commit (db, error))
    return FALSE;
  if (n_proposed != NULL)
    *n_proposed = n;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Screening                                                           */

/**
 * ws_database_list_screenings:
 * @person_id: the witness, or 0 for every witness
 * @case_id: the case, or 0 for every case
 *
 * Returns: (transfer container) (element-type WsScreening): whom the
 *   witness must not see or meet, by case, "every accused" first
 */
GPtrArray *
ws_database_list_screenings (WsDatabase  *db,
                             gint64       person_id,
                             gint64       case_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_MEASURES, error))
    return NULL;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db,
                               "SELECT sc.id, sc.person_id, sc.case_id, sc.accused_id, a.label, p.pseudonym, c.reference"
                               " FROM screening sc JOIN person p ON p.id = sc.person_id"
                               " JOIN court_case c ON c.id = sc.case_id LEFT JOIN accused a ON a.id = sc.accused_id"
                               " WHERE (?1 = 0 OR sc.person_id = ?1) AND (?2 = 0 OR sc.case_id = ?2)"
                               " ORDER BY c.reference COLLATE NOCASE, p.pseudonym COLLATE NOCASE,"
                               " a.id IS NOT NULL, a.position, sc.id", error);
  if (stmt == NULL)
    {
      _ws_database_unlock (db);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, _ws_screening_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                              sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
                                              column (stmt, 4), column (stmt, 5), column (stmt, 6)));
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading whom witnesses must not meet"));
      g_clear_pointer (&list, g_ptr_array_unref);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return g_steal_pointer (&list);
}

static gboolean
find_accused (WsDatabase  *db,
              gint64       case_id,
              const char  *label,
              gint64      *accused_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = ws_text_strip_dup (label);

  *accused_id = 0;
  if (label == NULL)
    return TRUE;
  stmt = _ws_database_prepare (db, "SELECT id FROM accused WHERE case_id = ? AND label = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  _ws_bind_text (stmt, 2, stripped);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                   /* Translators: %s is a label such as "Accused 2" */
                   _("The case has no accused called “%s”"), stripped);
      return FALSE;
    }
  *accused_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
check_new_screening (WsDatabase  *db,
                     gint64       person_id,
                     gint64       case_id,
                     gint64       accused_id,
                     GError     **error)
{
  if (!exists (db, "SELECT 1 FROM case_party WHERE case_id = ?1 AND person_id = ?2", case_id, person_id, 0))
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                   _("The witness is not linked to this case"));
      return FALSE;
    }
  /* UNIQUE cannot catch this one: NULLs (every accused) are distinct. */
  if (exists (db, "SELECT 1 FROM screening WHERE person_id = ?1 AND case_id = ?2 AND accused_id IS nullif (?3, 0)",
              person_id, case_id, accused_id))
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_DUPLICATE,
                   accused_id == 0 ? _("The witness is already kept apart from every accused of this case")
                                   : _("The witness is already kept apart from this accused"));
      return FALSE;
    }
  return TRUE;
}

/**
 * ws_database_add_screening:
 * @accused_label: (nullable): the accused the witness must not meet, or
 *   %NULL for every accused of the case
 * @id: (out) (optional): the new screening's id
 *
 * Records that a witness must not see or meet an accused (or all of
 * them); scheduling honours it.
 */
gboolean
ws_database_add_screening (WsDatabase  *db,
                           gint64       person_id,
                           gint64       case_id,
                           const char  *accused_label,
                           gint64      *id,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 accused_id = 0;
  gint64 new_id;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_MEASURES, error))
    return FALSE;

  if (!_ws_database_begin (db, error))
    return FALSE;
  if (!find_accused (db, case_id, accused_label, &accused_id, error) ||
      !check_new_screening (db, person_id, case_id, accused_id, error))
    goto fail;
  stmt = _ws_database_prepare (db, "INSERT INTO screening (person_id, case_id, accused_id) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, case_id);
  bind_optional_id (stmt, 3, accused_id);
  if (!_ws_database_step_done (db, stmt, error))
    goto fail;
  new_id = _ws_database_last_insert_id (db);
  if (!_ws_database_record_change (db, "screening", new_id, "added", error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!_ws_database_commit (db, error))
    return FALSE;
  if (id != NULL)
    *id = new_id;
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  return FALSE;
}

gboolean
ws_database_remove_screening (WsDatabase  *db,
                              gint64       id,
                              GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_EDIT_MEASURES, error))
    return FALSE;
  return _ws_database_delete_row (db, "DELETE FROM screening WHERE id = ?", id, "screening",
                                  _("There is no such screening; it may have been removed"), error);
}
