/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-scheduler"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-enums.h"
#include "ws-schedule-private.h"
#include "ws-text.h"
#include "ws-time.h"

/* The scheduler: conflicts of a draft session, alternatives, the day and
 * week views and an interpreter's own schedule.
 *
 * What counts as a conflict, and whether it refuses or warns:
 * - the witness, an interpreter, the court room or the remote site in
 *   another (not cancelled) session overlapping the draft: refuse; only
 *   inside the buffers before or after: warn. A room is booked whichever
 *   side of a link it served on.
 * - an interpreter who does not interpret the session language: refuse;
 *   another dialect of it than the witness's, or a session language the
 *   witness's record does not list: warn.
 * - an interpreter of another gender than the witness asked for: warn
 *   (a preference the officer may have to override; the rules engine
 *   keeps showing it).
 * - an interpreter excluded from the case or the witness, or unavailable:
 *   refuse.
 * - outside the working hours or days of the remote site or court room,
 *   judged on the site's own clock on that date: warn (sites do open
 *   early on request); a closure or blocked period: refuse.
 * - screened witness: the accused are taken to be present wherever a
 *   hearing of the screened case sits (hearing.site_id) and in the court
 *   room of every session of that case, at those times. The witness is
 *   where they testify from: the remote site, or the court room when the
 *   session has none. Those two meeting at overlapping times refuses. An
 *   accused is known only as a label within one case, so another case
 *   with an accused of the same label is not taken to be the same person.
 */

void
ws_schedule_settings_init (WsScheduleSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->buffer_before = 15;
  settings->buffer_after = 15;
  settings->search_days = 14;
  settings->step_minutes = 15;
}

const char *
ws_conflict_kind_get_label (WsConflictKind kind)
{
  switch (kind)
    {
    case WS_CONFLICT_WITNESS_BOOKED: return _("Witness already booked");
    case WS_CONFLICT_INTERPRETER_BOOKED: return _("Interpreter already booked");
    case WS_CONFLICT_COURT_ROOM_BOOKED: return _("Court room already booked");
    case WS_CONFLICT_REMOTE_SITE_BOOKED: return _("Remote site already booked");
    case WS_CONFLICT_INTERPRETER_LANGUAGE: return _("Interpreter lacks the language");
    case WS_CONFLICT_INTERPRETER_GENDER: return _("Interpreter not of the preferred gender");
    case WS_CONFLICT_INTERPRETER_EXCLUDED: return _("Interpreter excluded");
    case WS_CONFLICT_INTERPRETER_UNAVAILABLE: return _("Interpreter unavailable");
    case WS_CONFLICT_OUTSIDE_HOURS: return _("Outside working hours");
    case WS_CONFLICT_SITE_CLOSED: return _("Site closed");
    case WS_CONFLICT_SCREENED_FROM_ACCUSED: return _("Witness would meet the accused");
    default: return _("Conflict");
    }
}

/* ------------------------------------------------------------------ */
/* WsConflict */

struct _WsConflict
{
  GObject             parent_instance;

  WsConflictKind      kind;
  WsConflictSeverity  severity;
  char               *message;
  const char         *field;
  gint64              other_session_id;
  gint64              site_id;
  gint64              interpreter_id;
};

G_DEFINE_FINAL_TYPE (WsConflict, ws_conflict, G_TYPE_OBJECT)

static void
ws_conflict_finalize (GObject *object)
{
  g_free (WS_CONFLICT (object)->message);
  G_OBJECT_CLASS (ws_conflict_parent_class)->finalize (object);
}

static void
ws_conflict_class_init (WsConflictClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_conflict_finalize;
}

static void
ws_conflict_init (WsConflict *self)
{
}

WsConflictKind ws_conflict_get_kind (WsConflict *self) { g_return_val_if_fail (WS_IS_CONFLICT (self), 0); return self->kind; }
WsConflictSeverity ws_conflict_get_severity (WsConflict *self) { g_return_val_if_fail (WS_IS_CONFLICT (self), 0); return self->severity; }
const char *ws_conflict_get_message (WsConflict *self) { g_return_val_if_fail (WS_IS_CONFLICT (self), NULL); return self->message; }
const char *ws_conflict_get_field (WsConflict *self) { g_return_val_if_fail (WS_IS_CONFLICT (self), NULL); return self->field; }
gint64 ws_conflict_get_other_session_id (WsConflict *self) { g_return_val_if_fail (WS_IS_CONFLICT (self), 0); return self->other_session_id; }
gint64 ws_conflict_get_site_id (WsConflict *self) { g_return_val_if_fail (WS_IS_CONFLICT (self), 0); return self->site_id; }
gint64 ws_conflict_get_interpreter_id (WsConflict *self) { g_return_val_if_fail (WS_IS_CONFLICT (self), 0); return self->interpreter_id; }

static WsConflict *
add_conflict (GPtrArray          *conflicts,
              WsConflictKind      kind,
              WsConflictSeverity  severity,
              const char         *field,
              char               *message)
{
  WsConflict *conflict = g_object_new (WS_TYPE_CONFLICT, NULL);

  conflict->kind = kind;
  conflict->severity = severity;
  conflict->field = field;
  conflict->message = message;
  g_ptr_array_add (conflicts, conflict);
  return conflict;
}

gboolean
ws_conflicts_have_refusal (GPtrArray *conflicts)
{
  g_return_val_if_fail (conflicts != NULL, FALSE);

  for (guint i = 0; i < conflicts->len; i++)
    if (WS_CONFLICT (g_ptr_array_index (conflicts, i))->severity == WS_CONFLICT_REFUSE)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Helpers */

static GDateTime *
column_instant (sqlite3_stmt *stmt,
                int           column)
{
  return ws_time_parse_instant ((const char *) sqlite3_column_text (stmt, column));
}

/* "Mon 2 Mar 10:00–11:30" on the viewer's clock. */
static char *
format_when (GDateTime *from,
             GDateTime *to)
{
  g_autoptr(GDateTime) a = g_date_time_to_local (from);
  g_autoptr(GDateTime) b = g_date_time_to_local (to);
  g_autofree char *day = g_date_time_format (a, "%a %e %b");
  g_autofree char *sa = g_date_time_format (a, "%H:%M");
  g_autofree char *sb = g_date_time_format (b, "%H:%M");

  /* Translators: a day and a time span, "Mon 2 Mar 10:00–11:30" */
  return g_strdup_printf (_("%s %s–%s"), g_strstrip (day), sa, sb);
}

static gboolean
overlaps (GDateTime *a_from,
          GDateTime *a_to,
          GDateTime *b_from,
          GDateTime *b_to)
{
  return g_date_time_compare (a_from, b_to) < 0 && g_date_time_compare (a_to, b_from) > 0;
}

typedef struct {
  char *language;
  char *dialect;
} PersonLanguage;

static void
person_language_clear (gpointer data)
{
  PersonLanguage *l = data;

  g_free (l->language);
  g_free (l->dialect);
}

/* What the checks need to know about the witness (lock held). */
typedef struct {
  GArray              *languages;       /* PersonLanguage */
  WsInterpreterGender  preference;
  GArray              *screened_cases;  /* gint64 */
  GHashTable          *accused_labels;  /* case id → "Accused 1, Accused 2" or NULL = all */
} Witness;

static void
witness_clear (Witness *w)
{
  g_clear_pointer (&w->languages, g_array_unref);
  g_clear_pointer (&w->screened_cases, g_array_unref);
  g_clear_pointer (&w->accused_labels, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Witness, witness_clear)

static gboolean
load_witness (WsDatabase  *db,
              gint64       person_id,
              Witness     *w,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  w->languages = g_array_new (FALSE, TRUE, sizeof (PersonLanguage));
  g_array_set_clear_func (w->languages, person_language_clear);
  w->screened_cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  w->accused_labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  w->preference = WS_INTERPRETER_GENDER_ANY;

  stmt = _ws_database_prepare (db, "SELECT interpreter_gender FROM person WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int value = 0;

      ws_enum_from_nick (WS_TYPE_INTERPRETER_GENDER, (const char *) sqlite3_column_text (stmt, 0), &value);
      w->preference = value;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _ws_database_prepare (db, "SELECT language, dialect FROM person_language WHERE person_id = ?"
                                   " ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PersonLanguage l = { _ws_column_dup (stmt, 0), _ws_column_dup (stmt, 1) };

      g_array_append_val (w->languages, l);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _ws_database_prepare (db, "SELECT sc.case_id, MAX (sc.accused_id IS NULL),"
                                   " group_concat (a.label, ', ')"
                                   " FROM screening sc LEFT JOIN accused a ON a.id = sc.accused_id"
                                   " WHERE sc.person_id = ? GROUP BY sc.case_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 case_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (w->screened_cases, case_id);
      g_hash_table_insert (w->accused_labels, g_memdup2 (&case_id, sizeof case_id),
                           sqlite3_column_int (stmt, 1) ? NULL : _ws_column_dup (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the witness's screening"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_word (const char *a,
           const char *b)
{
  g_autofree char *fa = ws_text_fold (a != NULL ? a : "");
  g_autofree char *fb = ws_text_fold (b != NULL ? b : "");

  return g_strcmp0 (fa, fb) == 0;
}

/* The witness's dialect of @language, "" if none, NULL if not theirs. */
static const char *
witness_dialect (Witness    *w,
                 const char *language)
{
  for (guint i = 0; i < w->languages->len; i++)
    {
      PersonLanguage *l = &g_array_index (w->languages, PersonLanguage, i);

      if (same_word (l->language, language))
        return l->dialect != NULL ? l->dialect : "";
    }
  return NULL;
}

static gboolean
gender_fits (WsInterpreterGender preference,
             WsGender            gender)
{
  switch (preference)
    {
    case WS_INTERPRETER_GENDER_FEMALE: return gender == WS_GENDER_FEMALE;
    case WS_INTERPRETER_GENDER_MALE: return gender == WS_GENDER_MALE;
    case WS_INTERPRETER_GENDER_ANY:
    default: return TRUE;
    }
}

static WsSite *
load_site (WsDatabase  *db,
           gint64       id,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (id <= 0)
    return NULL;
  stmt = _ws_database_prepare (db, "SELECT " WS_SITE_COLUMNS " FROM site s WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                           _("A site of the session is no longer there"));
      return NULL;
    }
  return _ws_site_from_row (stmt, 0);
}

/* Everything a check or a search needs, loaded once (lock held). */
typedef struct {
  WsSession  *draft;
  WsSite     *court;
  WsSite     *remote;
  GPtrArray  *interpreters;  /* WsInterpreter, as in the draft */
  Witness     witness;
  GTimeSpan   before;
  GTimeSpan   after;
} Context;

static void
context_clear (Context *c)
{
  g_clear_object (&c->court);
  g_clear_object (&c->remote);
  g_clear_pointer (&c->interpreters, g_ptr_array_unref);
  witness_clear (&c->witness);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

static gboolean
context_load (WsDatabase                *db,
              WsSession                 *draft,
              const WsScheduleSettings  *settings,
              Context                   *c,
              GError                   **error)
{
  c->draft = draft;
  c->before = (GTimeSpan) settings->buffer_before * G_TIME_SPAN_MINUTE;
  c->after = (GTimeSpan) settings->buffer_after * G_TIME_SPAN_MINUTE;
  if (!_ws_session_fill_names (db, draft, error))
    return FALSE;
  if (ws_session_get_court_site_id (draft) > 0 &&
      (c->court = load_site (db, ws_session_get_court_site_id (draft), error)) == NULL)
    return FALSE;
  if (ws_session_get_remote_site_id (draft) > 0 &&
      (c->remote = load_site (db, ws_session_get_remote_site_id (draft), error)) == NULL)
    return FALSE;
  c->interpreters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ws_session_get_n_interpreters (draft); i++)
    {
      g_autoptr(GPtrArray) one = _ws_load_interpreters (db, ws_session_get_interpreter_id (draft, i), error);

      if (one == NULL)
        return FALSE;
      if (one->len == 0)
        {
          g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                               _("An interpreter of the session is no longer there"));
          return FALSE;
        }
      g_ptr_array_add (c->interpreters, g_object_ref (g_ptr_array_index (one, 0)));
    }
  return load_witness (db, ws_session_get_person_id (draft), &c->witness, error);
}

/* The place the witness testifies from. */
static gint64
witness_site (WsSession *s)
{
  return ws_session_get_remote_site_id (s) > 0 ? ws_session_get_remote_site_id (s)
                                                : ws_session_get_court_site_id (s);
}

/* ------------------------------------------------------------------ */
/* Bookings: other sessions in a window */

typedef struct {
  gint64      id;
  gint64      person_id;
  gint64      court_site_id;
  gint64      remote_site_id;
  gint64      case_id;
  GDateTime  *starts_at;
  GDateTime  *ends_at;
  char       *pseudonym;
  char       *court_name;
  char       *remote_name;
  GArray     *interpreters;  /* gint64, only those of the draft */
} Booking;

static void
booking_free (gpointer data)
{
  Booking *b = data;

  g_date_time_unref (b->starts_at);
  g_date_time_unref (b->ends_at);
  g_free (b->pseudonym);
  g_free (b->court_name);
  g_free (b->remote_name);
  g_clear_pointer (&b->interpreters, g_array_unref);
  g_free (b);
}

static char *
interpreter_ids_json (WsSession *s)
{
  g_autoptr(GString) json = g_string_new ("[");

  for (guint i = 0; i < ws_session_get_n_interpreters (s); i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ws_session_get_interpreter_id (s, i));
  g_string_append_c (json, ']');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* Sessions (not cancelled, not the draft) overlapping from–to that share
 * the witness, a site or an interpreter with the draft, plus sessions of
 * @screened_cases whose court room is the witness's place. */
static GPtrArray *
load_bookings (WsDatabase  *db,
               Context     *c,
               GDateTime   *from,
               GDateTime   *to,
               GError     **error)
{
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func (booking_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *floor = _ws_window_floor (from);
  g_autofree char *from_text = ws_time_format_instant (from);
  g_autofree char *to_text = ws_time_format_instant (to);
  g_autofree char *json = interpreter_ids_json (c->draft);
  g_autoptr(GString) cases = g_string_new ("[");
  int rc;

  for (guint i = 0; i < c->witness.screened_cases->len; i++)
    g_string_append_printf (cases, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (c->witness.screened_cases, gint64, i));
  g_string_append_c (cases, ']');

  /* The window is read through the index on starts_at; everything else
   * is filtered on those rows only. */
  stmt = _ws_database_prepare (db,
    "SELECT s.id, s.person_id, s.court_site_id, s.remote_site_id, h.case_id, s.starts_at, s.ends_at,"
    " p.pseudonym, cs.name, rs.name"
    " FROM session s JOIN hearing h ON h.id = s.hearing_id JOIN person p ON p.id = s.person_id"
    " LEFT JOIN site cs ON cs.id = s.court_site_id LEFT JOIN site rs ON rs.id = s.remote_site_id"
    " WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.ends_at > ?3 AND s.status <> 'cancelled'"
    " AND s.id <> ?4"
    " AND (s.person_id = ?5 OR s.court_site_id IN (?6, ?7) OR s.remote_site_id IN (?6, ?7)"
    "      OR EXISTS (SELECT 1 FROM session_interpreter si WHERE si.session_id = s.id"
    "                 AND si.interpreter_id IN (SELECT value FROM json_each (?8)))"
    "      OR (h.case_id IN (SELECT value FROM json_each (?9)) AND s.court_site_id = ?10))",
    error);
  if (stmt == NULL)
    return NULL;
  _ws_bind_text (stmt, 1, floor);
  _ws_bind_text (stmt, 2, to_text);
  _ws_bind_text (stmt, 3, from_text);
  sqlite3_bind_int64 (stmt, 4, ws_session_get_id (c->draft));
  sqlite3_bind_int64 (stmt, 5, ws_session_get_person_id (c->draft));
  sqlite3_bind_int64 (stmt, 6, MAX (ws_session_get_court_site_id (c->draft), -1));
  sqlite3_bind_int64 (stmt, 7, MAX (ws_session_get_remote_site_id (c->draft), -1));
  if (ws_session_get_court_site_id (c->draft) <= 0)
    sqlite3_bind_int64 (stmt, 6, -1);
  if (ws_session_get_remote_site_id (c->draft) <= 0)
    sqlite3_bind_int64 (stmt, 7, -1);
  _ws_bind_text (stmt, 8, json);
  _ws_bind_text (stmt, 9, cases->str);
  sqlite3_bind_int64 (stmt, 10, witness_site (c->draft) > 0 ? witness_site (c->draft) : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Booking *b = g_new0 (Booking, 1);

      b->id = sqlite3_column_int64 (stmt, 0);
      b->person_id = sqlite3_column_int64 (stmt, 1);
      b->court_site_id = sqlite3_column_int64 (stmt, 2);
      b->remote_site_id = sqlite3_column_int64 (stmt, 3);
      b->case_id = sqlite3_column_int64 (stmt, 4);
      b->starts_at = column_instant (stmt, 5);
      b->ends_at = column_instant (stmt, 6);
      b->pseudonym = _ws_column_dup (stmt, 7);
      b->court_name = _ws_column_dup (stmt, 8);
      b->remote_name = _ws_column_dup (stmt, 9);
      b->interpreters = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (b->starts_at == NULL || b->ends_at == NULL)
        {
          booking_free (b);
          continue;
        }
      g_ptr_array_add (bookings, b);
      g_hash_table_insert (by_id, &b->id, b);
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the schedule"));
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (bookings->len == 0 || ws_session_get_n_interpreters (c->draft) == 0)
    return g_steal_pointer (&bookings);

  stmt = _ws_database_prepare (db,
    "SELECT si.session_id, si.interpreter_id FROM session s JOIN session_interpreter si ON si.session_id = s.id"
    " WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.ends_at > ?3 AND s.status <> 'cancelled'"
    " AND si.interpreter_id IN (SELECT value FROM json_each (?4))", error);
  if (stmt == NULL)
    return NULL;
  _ws_bind_text (stmt, 1, floor);
  _ws_bind_text (stmt, 2, to_text);
  _ws_bind_text (stmt, 3, from_text);
  _ws_bind_text (stmt, 4, json);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 interpreter_id = sqlite3_column_int64 (stmt, 1);
      Booking *b = g_hash_table_lookup (by_id, &id);

      if (b != NULL)
        g_array_append_val (b->interpreters, interpreter_id);
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the schedule"));
      return NULL;
    }
  return g_steal_pointer (&bookings);
}

/* Hearings of the screened cases sitting at @site_id within from–to. */
typedef struct {
  gint64      case_id;
  GDateTime  *starts_at;
  GDateTime  *ends_at;
  char       *reference;
} Sitting;

static void
sitting_free (gpointer data)
{
  Sitting *s = data;

  g_date_time_unref (s->starts_at);
  g_date_time_unref (s->ends_at);
  g_free (s->reference);
  g_free (s);
}

static GPtrArray *
load_sittings (WsDatabase  *db,
               Context     *c,
               gint64       site_id,
               GDateTime   *from,
               GDateTime   *to,
               GError     **error)
{
  g_autoptr(GPtrArray) sittings = g_ptr_array_new_with_free_func (sitting_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *from_text = ws_time_format_instant (from);
  g_autofree char *to_text = ws_time_format_instant (to);
  int rc;

  if (c->witness.screened_cases->len == 0 || site_id <= 0)
    return g_steal_pointer (&sittings);
  stmt = _ws_database_prepare (db, "SELECT h.case_id, h.starts_at, h.ends_at, c.reference FROM hearing h"
                                   " JOIN court_case c ON c.id = h.case_id"
                                   " WHERE h.case_id = ? AND h.site_id = ? AND h.starts_at < ? AND h.ends_at > ?",
                               error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < c->witness.screened_cases->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (c->witness.screened_cases, gint64, i));
      sqlite3_bind_int64 (stmt, 2, site_id);
      _ws_bind_text (stmt, 3, to_text);
      _ws_bind_text (stmt, 4, from_text);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Sitting *s = g_new0 (Sitting, 1);

          s->case_id = sqlite3_column_int64 (stmt, 0);
          s->starts_at = column_instant (stmt, 1);
          s->ends_at = column_instant (stmt, 2);
          s->reference = _ws_column_dup (stmt, 3);
          if (s->starts_at == NULL || s->ends_at == NULL)
            sitting_free (s);
          else
            g_ptr_array_add (sittings, s);
        }
      if (rc != SQLITE_DONE)
        {
          _ws_database_set_error (db, error, _("Reading the hearings"));
          return NULL;
        }
    }
  return g_steal_pointer (&sittings);
}

static gboolean
is_screened_case (Context *c,
                  gint64   case_id)
{
  for (guint i = 0; i < c->witness.screened_cases->len; i++)
    if (g_array_index (c->witness.screened_cases, gint64, i) == case_id)
      return TRUE;
  return FALSE;
}

static const char *
accused_text (Context *c,
              gint64   case_id)
{
  const char *labels = g_hash_table_lookup (c->witness.accused_labels, &case_id);

  return labels != NULL ? labels : _("the accused");
}

static gboolean
interpreter_in (Booking *b,
                gint64   id)
{
  for (guint i = 0; i < b->interpreters->len; i++)
    if (g_array_index (b->interpreters, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The check */

static void
check_bookings (Context   *c,
                GPtrArray *bookings,
                GPtrArray *conflicts)
{
  WsSession *d = c->draft;
  GDateTime *start = ws_session_get_starts_at (d);
  GDateTime *end = ws_session_get_ends_at (d);
  gint64 court = ws_session_get_court_site_id (d);
  gint64 remote = ws_session_get_remote_site_id (d);
  gint64 place = witness_site (d);

  for (guint i = 0; i < bookings->len; i++)
    {
      Booking *b = g_ptr_array_index (bookings, i);
      g_autoptr(GDateTime) padded_start = g_date_time_add (b->starts_at, -c->before);
      g_autoptr(GDateTime) padded_end = g_date_time_add (b->ends_at, c->after);
      g_autofree char *when = format_when (b->starts_at, b->ends_at);
      gboolean hard = overlaps (start, end, b->starts_at, b->ends_at);
      WsConflictSeverity severity = hard ? WS_CONFLICT_REFUSE : WS_CONFLICT_WARN;
      WsConflict *conflict;

      if (!overlaps (start, end, padded_start, padded_end))
        {
          /* Only a screened case's court room matters here, and it has no
           * buffer: it is not a booking of ours. */
          continue;
        }

      if (b->person_id == ws_session_get_person_id (d))
        {
          conflict = add_conflict (conflicts, WS_CONFLICT_WITNESS_BOOKED, severity, "person", hard
            /* Translators: %s are a pseudonym and a day with times */
            ? g_strdup_printf (_("%s already has a session %s"), b->pseudonym, when)
            : g_strdup_printf (_("%s has another session %s; leave more time between them"), b->pseudonym, when));
          conflict->other_session_id = b->id;
        }
      for (int side = 0; side < 2; side++)
        {
          gint64 site = side == 0 ? court : remote;
          const char *name;

          if (site <= 0 || (b->court_site_id != site && b->remote_site_id != site))
            continue;
          name = b->court_site_id == site ? b->court_name : b->remote_name;
          conflict = add_conflict (conflicts, side == 0 ? WS_CONFLICT_COURT_ROOM_BOOKED : WS_CONFLICT_REMOTE_SITE_BOOKED,
                                   severity, side == 0 ? "court_site" : "remote_site", hard
            /* Translators: a room, a pseudonym and a day with times */
            ? g_strdup_printf (_("%s is already booked for %s's session %s"), name, b->pseudonym, when)
            : g_strdup_printf (_("%s is booked for %s's session %s, too close to this one"), name, b->pseudonym, when));
          conflict->other_session_id = b->id;
          conflict->site_id = site;
        }
      for (guint k = 0; k < c->interpreters->len; k++)
        {
          WsInterpreter *it = g_ptr_array_index (c->interpreters, k);

          if (!interpreter_in (b, ws_interpreter_get_id (it)))
            continue;
          conflict = add_conflict (conflicts, WS_CONFLICT_INTERPRETER_BOOKED, severity, "interpreters", hard
            /* Translators: an interpreter, a pseudonym and a day with times */
            ? g_strdup_printf (_("%s already interprets for %s %s"), ws_interpreter_get_name (it), b->pseudonym, when)
            : g_strdup_printf (_("%s interprets for %s %s, too close to this one"), ws_interpreter_get_name (it),
                               b->pseudonym, when));
          conflict->other_session_id = b->id;
          conflict->interpreter_id = ws_interpreter_get_id (it);
        }
    }

  /* Accused present in the court room of a screened case's session. */
  for (guint i = 0; i < bookings->len && place > 0; i++)
    {
      Booking *b = g_ptr_array_index (bookings, i);
      g_autofree char *when = NULL;
      WsConflict *conflict;

      if (!is_screened_case (c, b->case_id) || b->court_site_id != place ||
          !overlaps (start, end, b->starts_at, b->ends_at))
        continue;
      when = format_when (b->starts_at, b->ends_at);
      conflict = add_conflict (conflicts, WS_CONFLICT_SCREENED_FROM_ACCUSED, WS_CONFLICT_REFUSE,
                               remote > 0 ? "remote_site" : "court_site",
        /* Translators: pseudonym, accused labels, room, day with times */
        g_strdup_printf (_("%s is screened from %s, who will be in %s %s"),
                         ws_session_get_pseudonym (d), accused_text (c, b->case_id), b->court_name, when));
      conflict->other_session_id = b->id;
      conflict->site_id = place;
    }
}

static void
check_sittings (Context   *c,
                GPtrArray *sittings,
                GPtrArray *conflicts)
{
  WsSession *d = c->draft;
  gint64 place = witness_site (d);
  const char *place_name = ws_session_get_remote_site_id (d) > 0 ? ws_session_get_remote_site_name (d)
                                                                : ws_session_get_court_site_name (d);

  for (guint i = 0; i < sittings->len; i++)
    {
      Sitting *s = g_ptr_array_index (sittings, i);
      g_autofree char *when = format_when (s->starts_at, s->ends_at);
      WsConflict *conflict;

      conflict = add_conflict (conflicts, WS_CONFLICT_SCREENED_FROM_ACCUSED, WS_CONFLICT_REFUSE,
                               ws_session_get_remote_site_id (d) > 0 ? "remote_site" : "court_site",
        /* Translators: pseudonym, accused labels, case reference, room, day with times */
        g_strdup_printf (_("%s is screened from %s; the hearing of case %s sits in %s %s"),
                         ws_session_get_pseudonym (d), accused_text (c, s->case_id), s->reference,
                         place_name != NULL ? place_name : "", when));
      conflict->site_id = place;
    }
}

static void
check_interpreters (WsDatabase  *db,
                    Context     *c,
                    GPtrArray   *conflicts,
                    GError     **error)
{
  WsSession *d = c->draft;
  g_autoptr(sqlite3_stmt) excl = NULL;
  g_autoptr(sqlite3_stmt) away = NULL;
  g_autofree char *start = ws_time_format_instant (ws_session_get_starts_at (d));
  g_autofree char *end = ws_time_format_instant (ws_session_get_ends_at (d));

  if (c->interpreters->len == 0)
    return;
  excl = _ws_database_prepare (db, "SELECT x.case_id = ?2, x.person_id = ?3 FROM interpreter_exclusion x"
                                   " WHERE x.interpreter_id = ?1 AND (x.case_id = ?2 OR x.person_id = ?3)", error);
  away = _ws_database_prepare (db, "SELECT starts_at, ends_at, reason FROM interpreter_unavailability"
                                   " WHERE interpreter_id = ? AND starts_at < ? AND ends_at > ? ORDER BY starts_at",
                               error);
  if (excl == NULL || away == NULL)
    return;

  for (guint k = 0; k < c->interpreters->len; k++)
    {
      WsInterpreter *it = g_ptr_array_index (c->interpreters, k);
      const char *name = ws_interpreter_get_name (it);
      g_autofree char *language = NULL;
      g_autofree char *asked = NULL;
      const char *dialect;
      WsConflict *conflict = NULL;

      /* "Arabic (Levantine)" names the dialect; "Arabic" takes the witness's. */
      if (!ws_language_parse (ws_session_get_interpreter_language (d, k), &language, &asked))
        {
          g_free (language);
          g_free (asked);
          language = g_strdup (ws_session_get_interpreter_language (d, k));
          asked = g_strdup ("");
        }
      dialect = *asked != '\0' ? asked : witness_dialect (&c->witness, language);

      if (!ws_interpreter_speaks (it, language, NULL))
        conflict = add_conflict (conflicts, WS_CONFLICT_INTERPRETER_LANGUAGE, WS_CONFLICT_REFUSE, "interpreters",
          /* Translators: an interpreter's name and a language */
          g_strdup_printf (_("%s does not interpret %s"), name, language));
      else if (witness_dialect (&c->witness, language) == NULL)
        conflict = add_conflict (conflicts, WS_CONFLICT_INTERPRETER_LANGUAGE, WS_CONFLICT_WARN, "interpreters",
          /* Translators: a pseudonym and a language */
          g_strdup_printf (_("%s's record does not list %s among their languages"),
                           ws_session_get_pseudonym (d), language));
      else if (!ws_interpreter_speaks (it, language, dialect))
        {
          g_autofree char *full = ws_language_format (language, dialect);

          /* The language is there, another dialect of it: often
           * workable, so the officer decides. */
          conflict = add_conflict (conflicts, WS_CONFLICT_INTERPRETER_LANGUAGE, WS_CONFLICT_WARN, "interpreters",
            /* Translators: an interpreter, a language with dialect, a pseudonym */
            g_strdup_printf (_("%s does not list %s, the language of %s; check the dialect will do"), name, full,
                             ws_session_get_pseudonym (d)));
        }
      if (conflict != NULL)
        conflict->interpreter_id = ws_interpreter_get_id (it);

      if (!gender_fits (c->witness.preference, ws_interpreter_get_gender (it)))
        {
          conflict = add_conflict (conflicts, WS_CONFLICT_INTERPRETER_GENDER, WS_CONFLICT_WARN, "interpreters",
            c->witness.preference == WS_INTERPRETER_GENDER_FEMALE
            /* Translators: a pseudonym and an interpreter's name */
            ? g_strdup_printf (_("%s asked for a woman interpreter; %s is not recorded as one"),
                               ws_session_get_pseudonym (d), name)
            : g_strdup_printf (_("%s asked for a man interpreter; %s is not recorded as one"),
                               ws_session_get_pseudonym (d), name));
          conflict->interpreter_id = ws_interpreter_get_id (it);
        }

      sqlite3_reset (excl);
      sqlite3_bind_int64 (excl, 1, ws_interpreter_get_id (it));
      sqlite3_bind_int64 (excl, 2, ws_session_get_case_id (d));
      sqlite3_bind_int64 (excl, 3, ws_session_get_person_id (d));
      if (sqlite3_step (excl) == SQLITE_ROW)
        {
          conflict = add_conflict (conflicts, WS_CONFLICT_INTERPRETER_EXCLUDED, WS_CONFLICT_REFUSE, "interpreters",
            sqlite3_column_int (excl, 0)
            /* Translators: an interpreter's name and a case reference */
            ? g_strdup_printf (_("%s must not work on case %s (conflict of interest)"), name,
                               ws_session_get_case_reference (d))
            /* Translators: an interpreter's name and a pseudonym */
            : g_strdup_printf (_("%s must not work with %s (conflict of interest)"), name,
                               ws_session_get_pseudonym (d)));
          conflict->interpreter_id = ws_interpreter_get_id (it);
        }

      sqlite3_reset (away);
      sqlite3_bind_int64 (away, 1, ws_interpreter_get_id (it));
      _ws_bind_text (away, 2, end);
      _ws_bind_text (away, 3, start);
      if (sqlite3_step (away) == SQLITE_ROW)
        {
          g_autoptr(GDateTime) from = column_instant (away, 0);
          g_autoptr(GDateTime) to = column_instant (away, 1);
          g_autoptr(GDateTime) lfrom = g_date_time_to_local (from);
          g_autoptr(GDateTime) lto = g_date_time_to_local (to);
          g_autofree char *sfrom = g_date_time_format (lfrom, "%e %b %H:%M");
          g_autofree char *sto = g_date_time_format (lto, "%e %b %H:%M");
          const char *reason = (const char *) sqlite3_column_text (away, 2);

          conflict = add_conflict (conflicts, WS_CONFLICT_INTERPRETER_UNAVAILABLE, WS_CONFLICT_REFUSE, "interpreters",
            /* Translators: interpreter, from, to, reason */
            g_strdup_printf (_("%s is unavailable from %s to %s (%s)"), name, g_strstrip (sfrom), g_strstrip (sto),
                             reason != NULL && *reason != '\0' ? reason : _("no reason given")));
          conflict->interpreter_id = ws_interpreter_get_id (it);
        }
    }
}

static void
check_site (WsDatabase  *db,
            Context     *c,
            WsSite      *site,
            const char  *field,
            GPtrArray   *conflicts,
            GError     **error)
{
  GDateTime *start = ws_session_get_starts_at (c->draft);
  GDateTime *end = ws_session_get_ends_at (c->draft);
  g_autoptr(GPtrArray) closures = NULL;
  WsConflict *conflict;

  if (site == NULL)
    return;
  if (!ws_site_is_working_between (site, start, end))
    {
      g_autofree char *local_start = ws_site_format_local_time (site, start);
      g_autofree char *local_end = ws_site_format_local_time (site, end);
      g_autofree char *days = ws_weekdays_format (ws_site_get_working_days (site));

      conflict = add_conflict (conflicts, WS_CONFLICT_OUTSIDE_HOURS, WS_CONFLICT_WARN, field,
        /* Translators: site, local start, local end, opening, closing, working days */
        g_strdup_printf (_("%s works %s–%s (%s) on its own clock; this session runs %s–%s there"),
                         ws_site_get_name (site), ws_site_get_opens_at (site), ws_site_get_closes_at (site), days,
                         local_start, local_end));
      conflict->site_id = ws_site_get_id (site);
    }
  closures = _ws_list_periods (db, "site_closure", "site_id", ws_site_get_id (site), start, error);
  if (closures == NULL)
    return;
  for (guint i = 0; i < closures->len; i++)
    {
      WsPeriod *p = g_ptr_array_index (closures, i);
      g_autoptr(GDateTime) lfrom = NULL;
      g_autoptr(GDateTime) lto = NULL;
      g_autofree char *sfrom = NULL;
      g_autofree char *sto = NULL;

      if (!ws_period_overlaps (p, start, end))
        continue;
      lfrom = g_date_time_to_timezone (ws_period_get_starts_at (p), _ws_site_get_time_zone (site));
      lto = g_date_time_to_timezone (ws_period_get_ends_at (p), _ws_site_get_time_zone (site));
      sfrom = g_date_time_format (lfrom, "%e %b %H:%M");
      sto = g_date_time_format (lto, "%e %b %H:%M");
      conflict = add_conflict (conflicts, WS_CONFLICT_SITE_CLOSED, WS_CONFLICT_REFUSE, field,
        /* Translators: site, from, to, reason */
        g_strdup_printf (_("%s is closed from %s to %s: %s"), ws_site_get_name (site), g_strstrip (sfrom),
                         g_strstrip (sto), ws_period_get_reason (p)));
      conflict->site_id = ws_site_get_id (site);
    }
}

static int
by_severity (gconstpointer a,
             gconstpointer b)
{
  WsConflict *ca = *(WsConflict **) a;
  WsConflict *cb = *(WsConflict **) b;

  return (int) cb->severity - (int) ca->severity;
}

/**
 * ws_database_check_session:
 * @settings: (nullable):
 *
 * Returns: (transfer container) (element-type WsConflict): refusals
 *   first; empty when the draft is free to book
 */
GPtrArray *
ws_database_check_session (WsDatabase                *db,
                           WsSession                 *draft,
                           const WsScheduleSettings  *settings,
                           GError                   **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(GPtrArray) sittings = NULL;
  g_auto(Context) c = { 0 };
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  WsScheduleSettings defaults;
  GError *local_error = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (WS_IS_SESSION (draft), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_SCHEDULE, error))
    return NULL;
  if (settings == NULL)
    {
      ws_schedule_settings_init (&defaults);
      settings = &defaults;
    }
  /* An incomplete draft has nothing to conflict with yet. */
  if (ws_session_get_starts_at (draft) == NULL || ws_session_get_ends_at (draft) == NULL ||
      g_date_time_compare (ws_session_get_ends_at (draft), ws_session_get_starts_at (draft)) <= 0 ||
      ws_session_get_person_id (draft) <= 0 || ws_session_get_hearing_id (draft) <= 0)
    return g_steal_pointer (&conflicts);

  _ws_database_lock (db);
  if (!context_load (db, draft, settings, &c, error))
    goto fail;
  from = g_date_time_add (ws_session_get_starts_at (draft), -c.after);
  to = g_date_time_add (ws_session_get_ends_at (draft), c.before);
  bookings = load_bookings (db, &c, from, to, error);
  if (bookings == NULL)
    goto fail;
  check_bookings (&c, bookings, conflicts);
  sittings = load_sittings (db, &c, witness_site (draft), ws_session_get_starts_at (draft),
                            ws_session_get_ends_at (draft), error);
  if (sittings == NULL)
    goto fail;
  check_sittings (&c, sittings, conflicts);
  check_interpreters (db, &c, conflicts, &local_error);
  if (local_error == NULL)
    check_site (db, &c, c.remote, "remote_site", conflicts, &local_error);
  if (local_error == NULL)
    check_site (db, &c, c.court, "court_site", conflicts, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto fail;
    }
  _ws_database_unlock (db);
  g_ptr_array_sort (conflicts, by_severity);
  return g_steal_pointer (&conflicts);

fail:
  _ws_database_unlock (db);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Alternatives */

struct _WsAlternatives
{
  GObject     parent_instance;

  GDateTime  *earlier;
  GDateTime  *later;
  GPtrArray  *court_rooms;
  GPtrArray  *remote_sites;
  GPtrArray  *interpreters;
};

G_DEFINE_FINAL_TYPE (WsAlternatives, ws_alternatives, G_TYPE_OBJECT)

static void
ws_alternatives_finalize (GObject *object)
{
  WsAlternatives *self = WS_ALTERNATIVES (object);

  g_clear_pointer (&self->earlier, g_date_time_unref);
  g_clear_pointer (&self->later, g_date_time_unref);
  g_ptr_array_unref (self->court_rooms);
  g_ptr_array_unref (self->remote_sites);
  g_ptr_array_unref (self->interpreters);
  G_OBJECT_CLASS (ws_alternatives_parent_class)->finalize (object);
}

static void
ws_alternatives_class_init (WsAlternativesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_alternatives_finalize;
}

static void
ws_alternatives_init (WsAlternatives *self)
{
  self->court_rooms = g_ptr_array_new_with_free_func (g_object_unref);
  self->remote_sites = g_ptr_array_new_with_free_func (g_object_unref);
  self->interpreters = g_ptr_array_new_with_free_func (g_object_unref);
}

GDateTime *ws_alternatives_get_earlier (WsAlternatives *self) { g_return_val_if_fail (WS_IS_ALTERNATIVES (self), NULL); return self->earlier; }
GDateTime *ws_alternatives_get_later (WsAlternatives *self) { g_return_val_if_fail (WS_IS_ALTERNATIVES (self), NULL); return self->later; }

/**
 * ws_alternatives_get_court_rooms:
 *
 * Returns: (transfer none) (element-type WsSite):
 */
GPtrArray *ws_alternatives_get_court_rooms (WsAlternatives *self) { g_return_val_if_fail (WS_IS_ALTERNATIVES (self), NULL); return self->court_rooms; }

/**
 * ws_alternatives_get_remote_sites:
 *
 * Returns: (transfer none) (element-type WsSite):
 */
GPtrArray *ws_alternatives_get_remote_sites (WsAlternatives *self) { g_return_val_if_fail (WS_IS_ALTERNATIVES (self), NULL); return self->remote_sites; }

/**
 * ws_alternatives_get_interpreters:
 *
 * Returns: (transfer none) (element-type WsInterpreter):
 */
GPtrArray *ws_alternatives_get_interpreters (WsAlternatives *self) { g_return_val_if_fail (WS_IS_ALTERNATIVES (self), NULL); return self->interpreters; }

/* A busy interval, as UTC seconds. */
typedef struct {
  gint64 from;
  gint64 to;
} Busy;

static void
add_busy (GArray    *busy,
          GDateTime *from,
          GDateTime *to,
          GTimeSpan  before,
          GTimeSpan  after)
{
  Busy b = { g_date_time_to_unix (from) - before / G_TIME_SPAN_SECOND,
             g_date_time_to_unix (to) + after / G_TIME_SPAN_SECOND };

  g_array_append_val (busy, b);
}

static int
by_from (gconstpointer a,
         gconstpointer b)
{
  const Busy *ba = a;
  const Busy *bb = b;

  return ba->from < bb->from ? -1 : ba->from > bb->from;
}

static gboolean
is_free (GArray *busy,
         gint64  from,
         gint64  to)
{
  for (guint i = 0; i < busy->len; i++)
    {
      Busy *b = &g_array_index (busy, Busy, i);

      if (b->from >= to)
        break;
      if (b->to > from)
        return FALSE;
    }
  return TRUE;
}

static gboolean
sites_working (Context *c,
               gint64   from,
               gint64   to)
{
  g_autoptr(GDateTime) a = g_date_time_new_from_unix_utc (from);
  g_autoptr(GDateTime) b = g_date_time_new_from_unix_utc (to);

  return (c->court == NULL || ws_site_is_working_between (c->court, a, b)) &&
         (c->remote == NULL || ws_site_is_working_between (c->remote, a, b));
}

static gboolean
add_period_rows (WsDatabase  *db,
                 const char  *sql,
                 gint64       owner_id,
                 GDateTime   *from,
                 GDateTime   *to,
                 GArray      *busy,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *from_text = ws_time_format_instant (from);
  g_autofree char *to_text = ws_time_format_instant (to);
  int rc;

  stmt = _ws_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  _ws_bind_text (stmt, 2, to_text);
  _ws_bind_text (stmt, 3, from_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) a = column_instant (stmt, 0);
      g_autoptr(GDateTime) b = column_instant (stmt, 1);

      if (a != NULL && b != NULL)
        add_busy (busy, a, b, 0, 0);
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the schedule"));
      return FALSE;
    }
  return TRUE;
}

/* Every interval in which the draft's witness, places or interpreters
 * cannot take the session, over the search range. The range is weeks
 * long, so the sessions in it are read lean (no names) and sorted out
 * here rather than by a query with many alternatives per row. */
static GArray *
load_busy (WsDatabase  *db,
           Context     *c,
           GDateTime   *from,
           GDateTime   *to,
           GError     **error)
{
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (Busy));
  g_autoptr(GPtrArray) sittings = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *floor = _ws_window_floor (from);
  g_autofree char *from_text = ws_time_format_instant (from);
  g_autofree char *to_text = ws_time_format_instant (to);
  gint64 place = witness_site (c->draft);
  gint64 person = ws_session_get_person_id (c->draft);
  gint64 court = ws_session_get_court_site_id (c->draft);
  gint64 remote = ws_session_get_remote_site_id (c->draft);
  int rc;

  stmt = _ws_database_prepare (db,
    "SELECT s.person_id, s.court_site_id, s.remote_site_id, h.case_id, s.starts_at, s.ends_at"
    " FROM session s CROSS JOIN hearing h ON h.id = s.hearing_id"
    " WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.ends_at > ?3 AND s.status <> 'cancelled'"
    " AND s.id <> ?4", error);
  if (stmt == NULL)
    return NULL;
  _ws_bind_text (stmt, 1, floor);
  _ws_bind_text (stmt, 2, to_text);
  _ws_bind_text (stmt, 3, from_text);
  sqlite3_bind_int64 (stmt, 4, ws_session_get_id (c->draft));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 p = sqlite3_column_int64 (stmt, 0);
      gint64 cs = sqlite3_column_int64 (stmt, 1);
      gint64 rs = sqlite3_column_int64 (stmt, 2);
      gboolean shared = p == person || (court > 0 && (cs == court || rs == court)) ||
                        (remote > 0 && (cs == remote || rs == remote));
      gboolean accused = place > 0 && cs == place && is_screened_case (c, sqlite3_column_int64 (stmt, 3));
      g_autoptr(GDateTime) a = NULL;
      g_autoptr(GDateTime) b = NULL;

      if (!shared && !accused)
        continue;
      a = column_instant (stmt, 4);
      b = column_instant (stmt, 5);
      if (a == NULL || b == NULL)
        continue;
      if (shared)
        add_busy (busy, a, b, c->before, c->after);
      else
        add_busy (busy, a, b, 0, 0);
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the schedule"));
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Each interpreter's sessions: the window first, then their link. */
  stmt = _ws_database_prepare (db,
    "SELECT s.starts_at, s.ends_at FROM session s CROSS JOIN session_interpreter si"
    " ON si.session_id = s.id AND si.interpreter_id = ?5"
    " WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.ends_at > ?3 AND s.status <> 'cancelled'"
    " AND s.id <> ?4", error);
  if (stmt == NULL)
    return NULL;
  for (guint k = 0; k < c->interpreters->len; k++)
    {
      sqlite3_reset (stmt);
      _ws_bind_text (stmt, 1, floor);
      _ws_bind_text (stmt, 2, to_text);
      _ws_bind_text (stmt, 3, from_text);
      sqlite3_bind_int64 (stmt, 4, ws_session_get_id (c->draft));
      sqlite3_bind_int64 (stmt, 5, ws_interpreter_get_id (g_ptr_array_index (c->interpreters, k)));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(GDateTime) a = column_instant (stmt, 0);
          g_autoptr(GDateTime) b = column_instant (stmt, 1);

          if (a != NULL && b != NULL)
            add_busy (busy, a, b, c->before, c->after);
        }
      if (rc != SQLITE_DONE)
        {
          _ws_database_set_error (db, error, _("Reading the schedule"));
          return NULL;
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  sittings = load_sittings (db, c, place, from, to, error);
  if (sittings == NULL)
    return NULL;
  for (guint i = 0; i < sittings->len; i++)
    {
      Sitting *s = g_ptr_array_index (sittings, i);

      add_busy (busy, s->starts_at, s->ends_at, 0, 0);
    }
  for (int side = 0; side < 2; side++)
    {
      WsSite *site = side == 0 ? c->court : c->remote;

      if (site != NULL &&
          !add_period_rows (db, "SELECT starts_at, ends_at FROM site_closure"
                                " WHERE site_id = ? AND starts_at < ? AND ends_at > ?",
                            ws_site_get_id (site), from, to, busy, error))
        return NULL;
    }
  for (guint k = 0; k < c->interpreters->len; k++)
    if (!add_period_rows (db, "SELECT starts_at, ends_at FROM interpreter_unavailability"
                              " WHERE interpreter_id = ? AND starts_at < ? AND ends_at > ?",
                          ws_interpreter_get_id (g_ptr_array_index (c->interpreters, k)), from, to, busy, error))
      return NULL;
  g_array_sort (busy, by_from);
  return g_steal_pointer (&busy);
}

static GDateTime *
search_slot (Context *c,
             GArray  *busy,
             gint64   start,
             gint64   length,
             gint64   step,
             gint64   limit)
{
  for (gint64 t = start; step > 0 ? t <= limit : t >= limit; t += step)
    if (is_free (busy, t, t + length) && sites_working (c, t, t + length))
      return g_date_time_new_from_unix_utc (t);
  return NULL;
}

/* Sites of the given kinds free over from–to (bookings padded by the
 * buffers), open then, and not where a screened case sits. */
static gboolean
find_free_sites (WsDatabase      *db,
                 Context         *c,
                 GPtrArray       *sites,
                 gboolean         court_rooms,
                 GPtrArray       *out,
                 GError         **error)
{
  GDateTime *start = ws_session_get_starts_at (c->draft);
  GDateTime *end = ws_session_get_ends_at (c->draft);
  g_autoptr(GDateTime) from = g_date_time_add (start, -c->after);
  g_autoptr(GDateTime) to = g_date_time_add (end, c->before);
  g_autofree char *floor = _ws_window_floor (from);
  g_autofree char *from_text = ws_time_format_instant (from);
  g_autofree char *to_text = ws_time_format_instant (to);
  g_autofree char *start_text = ws_time_format_instant (start);
  g_autofree char *end_text = ws_time_format_instant (end);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) cases = g_string_new ("[");
  int rc;

  for (guint i = 0; i < c->witness.screened_cases->len; i++)
    g_string_append_printf (cases, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (c->witness.screened_cases, gint64, i));
  g_string_append_c (cases, ']');

  stmt = _ws_database_prepare (db,
    "SELECT court_site_id FROM session WHERE starts_at >= ?1 AND starts_at < ?2 AND ends_at > ?3"
    " AND status <> 'cancelled' AND id <> ?4 AND court_site_id IS NOT NULL"
    " UNION SELECT remote_site_id FROM session WHERE starts_at >= ?1 AND starts_at < ?2 AND ends_at > ?3"
    " AND status <> 'cancelled' AND id <> ?4 AND remote_site_id IS NOT NULL"
    " UNION SELECT site_id FROM site_closure WHERE starts_at < ?6 AND ends_at > ?5"
    " UNION SELECT site_id FROM hearing WHERE site_id IS NOT NULL AND starts_at < ?6 AND ends_at > ?5"
    " AND case_id IN (SELECT value FROM json_each (?7))"
    " UNION SELECT s.court_site_id FROM session s JOIN hearing h ON h.id = s.hearing_id"
    " WHERE s.starts_at >= ?1 AND s.starts_at < ?6 AND s.ends_at > ?5 AND s.status <> 'cancelled'"
    " AND s.court_site_id IS NOT NULL AND h.case_id IN (SELECT value FROM json_each (?7))", error);
  if (stmt == NULL)
    return FALSE;
  _ws_bind_text (stmt, 1, floor);
  _ws_bind_text (stmt, 2, to_text);
  _ws_bind_text (stmt, 3, from_text);
  sqlite3_bind_int64 (stmt, 4, ws_session_get_id (c->draft));
  _ws_bind_text (stmt, 5, start_text);
  _ws_bind_text (stmt, 6, end_text);
  _ws_bind_text (stmt, 7, cases->str);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (taken, g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the schedule"));
      return FALSE;
    }
  for (guint i = 0; i < sites->len; i++)
    {
      WsSite *site = g_ptr_array_index (sites, i);
      gint64 id = ws_site_get_id (site);
      gboolean is_court = ws_site_get_kind (site) == WS_SITE_KIND_COURT_ROOM;

      if (is_court != court_rooms || g_hash_table_contains (taken, &id) ||
          id == ws_session_get_court_site_id (c->draft) || id == ws_session_get_remote_site_id (c->draft) ||
          !ws_site_is_working_between (site, start, end))
        continue;
      g_ptr_array_add (out, g_object_ref (site));
    }
  return TRUE;
}

static gboolean
find_free_interpreters (WsDatabase  *db,
                        Context     *c,
                        GPtrArray   *out,
                        GError     **error)
{
  WsSession *d = c->draft;
  GDateTime *start = ws_session_get_starts_at (d);
  GDateTime *end = ws_session_get_ends_at (d);
  g_autoptr(GDateTime) from = g_date_time_add (start, -c->after);
  g_autoptr(GDateTime) to = g_date_time_add (end, c->before);
  g_autofree char *floor = _ws_window_floor (from);
  g_autofree char *from_text = ws_time_format_instant (from);
  g_autofree char *to_text = ws_time_format_instant (to);
  g_autofree char *start_text = ws_time_format_instant (start);
  g_autofree char *end_text = ws_time_format_instant (end);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) second = g_ptr_array_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *language = NULL;
  g_autofree char *dialect = NULL;
  int rc;

  /* The language wanted: the draft's first interpreter's, else the
   * witness's first. */
  if (ws_session_get_n_interpreters (d) > 0)
    {
      if (!ws_language_parse (ws_session_get_interpreter_language (d, 0), &language, &dialect))
        return TRUE;
      if (*dialect == '\0' && witness_dialect (&c->witness, language) != NULL)
        {
          g_free (dialect);
          dialect = g_strdup (witness_dialect (&c->witness, language));
        }
    }
  else if (c->witness.languages->len > 0)
    {
      PersonLanguage *l = &g_array_index (c->witness.languages, PersonLanguage, 0);

      language = g_strdup (l->language);
      dialect = g_strdup (l->dialect);
    }
  if (language == NULL)
    return TRUE;

  stmt = _ws_database_prepare (db,
    "SELECT si.interpreter_id FROM session s JOIN session_interpreter si ON si.session_id = s.id"
    " WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.ends_at > ?3 AND s.status <> 'cancelled' AND s.id <> ?4"
    " UNION SELECT interpreter_id FROM interpreter_unavailability WHERE starts_at < ?6 AND ends_at > ?5"
    " UNION SELECT interpreter_id FROM interpreter_exclusion WHERE case_id = ?7 OR person_id = ?8", error);
  if (stmt == NULL)
    return FALSE;
  _ws_bind_text (stmt, 1, floor);
  _ws_bind_text (stmt, 2, to_text);
  _ws_bind_text (stmt, 3, from_text);
  sqlite3_bind_int64 (stmt, 4, ws_session_get_id (d));
  _ws_bind_text (stmt, 5, start_text);
  _ws_bind_text (stmt, 6, end_text);
  sqlite3_bind_int64 (stmt, 7, ws_session_get_case_id (d));
  sqlite3_bind_int64 (stmt, 8, ws_session_get_person_id (d));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (taken, g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the schedule"));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  all = _ws_load_interpreters (db, 0, error);
  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      WsInterpreter *it = g_ptr_array_index (all, i);
      gint64 id = ws_interpreter_get_id (it);
      gboolean in_draft = FALSE;

      for (guint k = 0; k < ws_session_get_n_interpreters (d); k++)
        in_draft |= ws_session_get_interpreter_id (d, k) == id;
      if (in_draft || g_hash_table_contains (taken, &id) || !ws_interpreter_speaks (it, language, dialect))
        continue;
      if (gender_fits (c->witness.preference, ws_interpreter_get_gender (it)))
        g_ptr_array_add (out, g_object_ref (it));
      else
        g_ptr_array_add (second, it);
    }
  for (guint i = 0; i < second->len; i++)
    g_ptr_array_add (out, g_object_ref (g_ptr_array_index (second, i)));
  return TRUE;
}

/**
 * ws_database_find_alternatives:
 * @settings: (nullable):
 *
 * Returns: (transfer full): slots, rooms and interpreters that would do
 */
WsAlternatives *
ws_database_find_alternatives (WsDatabase                *db,
                               WsSession                 *draft,
                               const WsScheduleSettings  *settings,
                               GError                   **error)
{
  g_autoptr(WsAlternatives) self = NULL;
  g_auto(Context) c = { 0 };
  g_autoptr(GArray) busy = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  WsScheduleSettings defaults;
  gint64 start, length, step;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (WS_IS_SESSION (draft), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_SCHEDULE, error))
    return NULL;
  if (settings == NULL)
    {
      ws_schedule_settings_init (&defaults);
      settings = &defaults;
    }
  self = g_object_new (WS_TYPE_ALTERNATIVES, NULL);
  if (ws_session_get_starts_at (draft) == NULL || ws_session_get_ends_at (draft) == NULL ||
      g_date_time_compare (ws_session_get_ends_at (draft), ws_session_get_starts_at (draft)) <= 0 ||
      ws_session_get_person_id (draft) <= 0 || ws_session_get_hearing_id (draft) <= 0)
    return g_steal_pointer (&self);

  _ws_database_lock (db);
  if (!context_load (db, draft, settings, &c, error))
    goto fail;
  start = g_date_time_to_unix (ws_session_get_starts_at (draft));
  length = g_date_time_to_unix (ws_session_get_ends_at (draft)) - start;
  step = (gint64) MAX (settings->step_minutes, 1) * 60;
  /* Most free slots are near: look three days each way first (a weekend
   * and a day), and only then as far as the settings allow. */
  for (guint pass = 0; pass < 2 && (self->earlier == NULL || self->later == NULL); pass++)
    {
      guint days = pass == 0 ? MIN (3, settings->search_days) : settings->search_days;
      gint64 range = (gint64) days * 86400;
      GTimeSpan pad = c.before + c.after + G_TIME_SPAN_HOUR;

      if (pass == 1 && days <= 3)
        break;
      g_clear_pointer (&from, g_date_time_unref);
      g_clear_pointer (&to, g_date_time_unref);
      g_clear_pointer (&busy, g_array_unref);
      {
        g_autoptr(GDateTime) a = g_date_time_add_days (ws_session_get_starts_at (draft), -(int) days);
        g_autoptr(GDateTime) b = g_date_time_add_days (ws_session_get_ends_at (draft), (int) days);

        from = g_date_time_add (a, -pad);
        to = g_date_time_add (b, pad);
      }
      busy = load_busy (db, &c, from, to, error);
      if (busy == NULL)
        goto fail;
      if (self->earlier == NULL)
        self->earlier = search_slot (&c, busy, start - step, length, -step, start - range);
      if (self->later == NULL)
        self->later = search_slot (&c, busy, start + step, length, step, start + range);
    }

  sites = _ws_load_sites (db, error);
  if (sites == NULL ||
      !find_free_sites (db, &c, sites, TRUE, self->court_rooms, error) ||
      !find_free_sites (db, &c, sites, FALSE, self->remote_sites, error) ||
      !find_free_interpreters (db, &c, self->interpreters, error))
    goto fail;
  _ws_database_unlock (db);
  return g_steal_pointer (&self);

fail:
  _ws_database_unlock (db);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Day and week views */

struct _WsScheduleRow
{
  GObject     parent_instance;

  gint64      id;
  char       *title;
  char       *zone;
  WsSiteKind  kind;
  GPtrArray  *sessions;
};

G_DEFINE_FINAL_TYPE (WsScheduleRow, ws_schedule_row, G_TYPE_OBJECT)

static void
ws_schedule_row_finalize (GObject *object)
{
  WsScheduleRow *self = WS_SCHEDULE_ROW (object);

  g_free (self->title);
  g_free (self->zone);
  g_ptr_array_unref (self->sessions);
  G_OBJECT_CLASS (ws_schedule_row_parent_class)->finalize (object);
}

static void
ws_schedule_row_class_init (WsScheduleRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_schedule_row_finalize;
}

static void
ws_schedule_row_init (WsScheduleRow *self)
{
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
}

gint64 ws_schedule_row_get_id (WsScheduleRow *self) { g_return_val_if_fail (WS_IS_SCHEDULE_ROW (self), 0); return self->id; }
const char *ws_schedule_row_get_title (WsScheduleRow *self) { g_return_val_if_fail (WS_IS_SCHEDULE_ROW (self), NULL); return self->title; }
const char *ws_schedule_row_get_zone (WsScheduleRow *self) { g_return_val_if_fail (WS_IS_SCHEDULE_ROW (self), NULL); return self->zone; }
WsSiteKind ws_schedule_row_get_site_kind (WsScheduleRow *self) { g_return_val_if_fail (WS_IS_SCHEDULE_ROW (self), 0); return self->kind; }

/**
 * ws_schedule_row_get_sessions:
 *
 * Returns: (transfer none) (element-type WsSession):
 */
GPtrArray *ws_schedule_row_get_sessions (WsScheduleRow *self) { g_return_val_if_fail (WS_IS_SCHEDULE_ROW (self), NULL); return self->sessions; }

static WsScheduleRow *
row_new (gint64      id,
         const char *title,
         const char *zone,
         WsSiteKind  kind)
{
  WsScheduleRow *row = g_object_new (WS_TYPE_SCHEDULE_ROW, NULL);

  row->id = id;
  row->title = g_strdup (title);
  row->zone = g_strdup (zone);
  row->kind = kind;
  return row;
}

/**
 * ws_database_list_schedule:
 *
 * Returns: (transfer container) (element-type WsScheduleRow): court rooms
 *   first, then remote suites and sites abroad, each by name; or every
 *   interpreter by name
 */
GPtrArray *
ws_database_list_schedule (WsDatabase          *db,
                           GDateTime           *from,
                           GDateTime           *to,
                           WsScheduleGrouping   grouping,
                           GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) sessions = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  sessions = ws_database_list_sessions (db, from, to, error);
  if (sessions == NULL)
    return NULL;
  _ws_database_lock (db);
  if (grouping == WS_SCHEDULE_BY_ROOM)
    {
      g_autoptr(GPtrArray) sites = _ws_load_sites (db, error);

      if (sites == NULL)
        {
          _ws_database_unlock (db);
          return NULL;
        }
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < sites->len; i++)
          {
            WsSite *site = g_ptr_array_index (sites, i);
            WsScheduleRow *row;

            if ((ws_site_get_kind (site) == WS_SITE_KIND_COURT_ROOM) != (pass == 0))
              continue;
            row = row_new (ws_site_get_id (site), ws_site_get_name (site), ws_site_get_zone (site),
                           ws_site_get_kind (site));
            g_ptr_array_add (rows, row);
            g_hash_table_insert (by_id, &row->id, row);
          }
    }
  else
    {
      g_autoptr(GPtrArray) interpreters = _ws_load_interpreters (db, 0, error);

      if (interpreters == NULL)
        {
          _ws_database_unlock (db);
          return NULL;
        }
      for (guint i = 0; i < interpreters->len; i++)
        {
          WsInterpreter *it = g_ptr_array_index (interpreters, i);
          WsScheduleRow *row = row_new (ws_interpreter_get_id (it), ws_interpreter_get_name (it),
                                        ws_interpreter_get_zone (it), WS_SITE_KIND_COURT_ROOM);

          g_ptr_array_add (rows, row);
          g_hash_table_insert (by_id, &row->id, row);
        }
    }
  _ws_database_unlock (db);

  for (guint i = 0; i < sessions->len; i++)
    {
      WsSession *s = g_ptr_array_index (sessions, i);
      gint64 keys[8];
      guint n = 0;

      if (ws_session_get_status (s) == WS_SESSION_STATUS_CANCELLED)
        continue;
      if (grouping == WS_SCHEDULE_BY_ROOM)
        {
          keys[n++] = ws_session_get_court_site_id (s);
          keys[n++] = ws_session_get_remote_site_id (s);
        }
      else
        for (guint k = 0; k < ws_session_get_n_interpreters (s) && n < G_N_ELEMENTS (keys); k++)
          keys[n++] = ws_session_get_interpreter_id (s, k);
      for (guint k = 0; k < n; k++)
        {
          WsScheduleRow *row = keys[k] > 0 ? g_hash_table_lookup (by_id, &keys[k]) : NULL;

          if (row != NULL)
            g_ptr_array_add (row->sessions, g_object_ref (s));
        }
    }
  return g_steal_pointer (&rows);
}

typedef struct {
  GDateTime          *from;
  GDateTime          *to;
  WsScheduleGrouping  grouping;
} ScheduleQuery;

static void
schedule_query_free (gpointer data)
{
  ScheduleQuery *q = data;

  g_date_time_unref (q->from);
  g_date_time_unref (q->to);
  g_free (q);
}

static void
list_schedule_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  ScheduleQuery *q = task_data;
  GError *error = NULL;
  GPtrArray *rows = ws_database_list_schedule (WS_DATABASE (source), q->from, q->to, q->grouping, &error);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

void
ws_database_list_schedule_async (WsDatabase          *db,
                                 GDateTime           *from,
                                 GDateTime           *to,
                                 WsScheduleGrouping   grouping,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ScheduleQuery *q;

  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (from != NULL && to != NULL);

  q = g_new0 (ScheduleQuery, 1);
  q->from = g_date_time_ref (from);
  q->to = g_date_time_ref (to);
  q->grouping = grouping;
  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, ws_database_list_schedule_async);
  g_task_set_task_data (task, q, schedule_query_free);
  g_task_run_in_thread (task, list_schedule_thread);
}

/**
 * ws_database_list_schedule_finish:
 *
 * Returns: (transfer container) (element-type WsScheduleRow):
 */
GPtrArray *
ws_database_list_schedule_finish (WsDatabase    *db,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* An interpreter's own schedule */

struct _WsAssignment
{
  GObject              parent_instance;

  char                *uid;
  GDateTime           *starts_at;
  GDateTime           *ends_at;
  char                *zone;
  char                *place;
  char                *link;
  char                *language;
  char                *pseudonym;
  WsInterpreterGender  gender;
  gboolean             cancelled;
};

G_DEFINE_FINAL_TYPE (WsAssignment, ws_assignment, G_TYPE_OBJECT)

static void
ws_assignment_finalize (GObject *object)
{
  WsAssignment *self = WS_ASSIGNMENT (object);

  g_free (self->uid);
  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_clear_pointer (&self->ends_at, g_date_time_unref);
  g_free (self->zone);
  g_free (self->place);
  g_free (self->link);
  g_free (self->language);
  g_free (self->pseudonym);
  G_OBJECT_CLASS (ws_assignment_parent_class)->finalize (object);
}

static void
ws_assignment_class_init (WsAssignmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_assignment_finalize;
}

static void
ws_assignment_init (WsAssignment *self)
{
}

const char *ws_assignment_get_uid (WsAssignment *self) { g_return_val_if_fail (WS_IS_ASSIGNMENT (self), NULL); return self->uid; }
GDateTime *ws_assignment_get_starts_at (WsAssignment *self) { g_return_val_if_fail (WS_IS_ASSIGNMENT (self), NULL); return self->starts_at; }
GDateTime *ws_assignment_get_ends_at (WsAssignment *self) { g_return_val_if_fail (WS_IS_ASSIGNMENT (self), NULL); return self->ends_at; }
const char *ws_assignment_get_zone (WsAssignment *self) { g_return_val_if_fail (WS_IS_ASSIGNMENT (self), NULL); return self->zone; }
const char *ws_assignment_get_place (WsAssignment *self) { g_return_val_if_fail (WS_IS_ASSIGNMENT (self), NULL); return self->place; }
const char *ws_assignment_get_link (WsAssignment *self) { g_return_val_if_fail (WS_IS_ASSIGNMENT (self), NULL); return self->link; }
const char *ws_assignment_get_language (WsAssignment *self) { g_return_val_if_fail (WS_IS_ASSIGNMENT (self), NULL); return self->language; }
const char *ws_assignment_get_pseudonym (WsAssignment *self) { g_return_val_if_fail (WS_IS_ASSIGNMENT (self), NULL); return self->pseudonym; }
WsInterpreterGender ws_assignment_get_interpreter_gender (WsAssignment *self) { g_return_val_if_fail (WS_IS_ASSIGNMENT (self), 0); return self->gender; }
gboolean ws_assignment_is_cancelled (WsAssignment *self) { g_return_val_if_fail (WS_IS_ASSIGNMENT (self), FALSE); return self->cancelled; }

/**
 * ws_database_list_assignments:
 *
 * Returns: (transfer container) (element-type WsAssignment): by start
 */
GPtrArray *
ws_database_list_assignments (WsDatabase  *db,
                              gint64       interpreter_id,
                              GDateTime   *from,
                              GDateTime   *to,
                              GError     **error)
{
  g_autoptr(WsInterpreter) interpreter = NULL;
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *floor = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean with_link;
  int rc;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (!_ws_require_schedule_read (db, error))
    return NULL;
  if (interpreter_id <= 0)
    interpreter = ws_database_get_actor_interpreter (db, error);
  else if (ws_database_may (db, WS_PERMISSION_READ_SCHEDULE))
    interpreter = ws_database_get_interpreter (db, interpreter_id, error);
  else
    {
      interpreter = ws_database_get_actor_interpreter (db, NULL);
      if (interpreter == NULL || ws_interpreter_get_id (interpreter) != interpreter_id)
        {
          g_clear_object (&interpreter);
          g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION,
                               _("An interpreter may see only their own schedule"));
        }
    }
  if (interpreter == NULL)
    return NULL;

  tz = g_time_zone_new_identifier (ws_interpreter_get_zone (interpreter));
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  with_link = ws_database_may (db, WS_PERMISSION_READ_LINK_DETAILS);
  floor = _ws_window_floor (from);
  from_text = ws_time_format_instant (from);
  to_text = ws_time_format_instant (to);

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db,
    "SELECT s.uid, s.starts_at, s.ends_at, s.status, si.language, p.pseudonym, p.interpreter_gender,"
    " COALESCE (rs.name, cs.name), s.link_address"
    " FROM session s JOIN session_interpreter si ON si.session_id = s.id AND si.interpreter_id = ?1"
    " JOIN person p ON p.id = s.person_id"
    " LEFT JOIN site cs ON cs.id = s.court_site_id LEFT JOIN site rs ON rs.id = s.remote_site_id"
    " WHERE s.starts_at >= ?2 AND s.starts_at < ?3 AND s.ends_at > ?4 ORDER BY s.starts_at, s.id", error);
  if (stmt == NULL)
    {
      _ws_database_unlock (db);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, ws_interpreter_get_id (interpreter));
  _ws_bind_text (stmt, 2, floor);
  _ws_bind_text (stmt, 3, to_text);
  _ws_bind_text (stmt, 4, from_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WsAssignment *a = g_object_new (WS_TYPE_ASSIGNMENT, NULL);
      g_autoptr(GDateTime) starts = column_instant (stmt, 1);
      g_autoptr(GDateTime) ends = column_instant (stmt, 2);
      const char *link = (const char *) sqlite3_column_text (stmt, 8);
      int gender = 0;

      a->uid = _ws_column_dup (stmt, 0);
      a->starts_at = starts != NULL ? g_date_time_to_timezone (starts, tz) : NULL;
      a->ends_at = ends != NULL ? g_date_time_to_timezone (ends, tz) : NULL;
      a->zone = g_strdup (ws_interpreter_get_zone (interpreter));
      a->cancelled = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "cancelled") == 0;
      a->language = _ws_column_dup (stmt, 4);
      a->pseudonym = _ws_column_dup (stmt, 5);
      ws_enum_from_nick (WS_TYPE_INTERPRETER_GENDER, (const char *) sqlite3_column_text (stmt, 6), &gender);
      a->gender = gender;
      a->place = _ws_column_dup (stmt, 7);
      a->link = with_link && link != NULL && *link != '\0' ? g_strdup (link) : NULL;
      if (a->place == NULL && a->link == NULL)
        a->place = g_strdup (_("Video link"));
      if (a->starts_at == NULL || a->ends_at == NULL)
        g_object_unref (a);
      else
        g_ptr_array_add (assignments, a);
    }
  if (rc != SQLITE_DONE)
    {
      _ws_database_set_error (db, error, _("Reading the schedule"));
      g_clear_pointer (&assignments, g_ptr_array_unref);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return g_steal_pointer (&assignments);
}
