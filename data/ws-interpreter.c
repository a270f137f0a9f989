/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-interpreter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-enums.h"
#include "ws-schedule-private.h"
#include "ws-text.h"
#include "ws-time.h"

const char *
ws_language_modality_get_label (WsLanguageModality modality)
{
  switch (modality)
    {
    case WS_LANGUAGE_MODALITY_SPOKEN: return _("Spoken");
    case WS_LANGUAGE_MODALITY_SIGN: return _("Sign");
    default: return _("Unknown");
    }
}

/* ------------------------------------------------------------------ */
/* Interpreters */

typedef struct {
  char               *language;
  char               *dialect;
  WsLanguageModality  modality;
  char               *accreditation;
} Language;

struct _WsInterpreter
{
  GObject    parent_instance;

  gint64     id;
  char      *name;
  WsGender   gender;
  char      *zone;
  char      *contact;
  gint64     profile_id;
  GArray    *languages;  /* Language */
};

G_DEFINE_FINAL_TYPE (WsInterpreter, ws_interpreter, G_TYPE_OBJECT)

static void
language_clear (gpointer data)
{
  Language *language = data;

  g_free (language->language);
  g_free (language->dialect);
  g_free (language->accreditation);
}

static void
ws_interpreter_finalize (GObject *object)
{
  WsInterpreter *self = WS_INTERPRETER (object);

  g_free (self->name);
  g_free (self->zone);
  g_free (self->contact);
  g_array_unref (self->languages);
  G_OBJECT_CLASS (ws_interpreter_parent_class)->finalize (object);
}

static void
ws_interpreter_class_init (WsInterpreterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_interpreter_finalize;
}

static void
ws_interpreter_init (WsInterpreter *self)
{
  self->name = g_strdup ("");
  self->zone = g_strdup ("UTC");
  self->contact = g_strdup ("");
  self->languages = g_array_new (FALSE, TRUE, sizeof (Language));
  g_array_set_clear_func (self->languages, language_clear);
}

WsInterpreter *
ws_interpreter_new (void)
{
  return g_object_new (WS_TYPE_INTERPRETER, NULL);
}

/**
 * ws_interpreter_copy:
 *
 * Returns: (transfer full): an editable copy with the same id
 */
WsInterpreter *
ws_interpreter_copy (WsInterpreter *self)
{
  WsInterpreter *copy;

  g_return_val_if_fail (WS_IS_INTERPRETER (self), NULL);

  copy = ws_interpreter_new ();
  copy->id = self->id;
  _ws_replace_text (&copy->name, self->name);
  copy->gender = self->gender;
  _ws_replace_text (&copy->zone, self->zone);
  _ws_replace_text (&copy->contact, self->contact);
  copy->profile_id = self->profile_id;
  for (guint i = 0; i < self->languages->len; i++)
    {
      Language *l = &g_array_index (self->languages, Language, i);

      ws_interpreter_add_language (copy, l->language, l->dialect, l->modality, l->accreditation);
    }
  return copy;
}

gint64 ws_interpreter_get_id (WsInterpreter *self) { g_return_val_if_fail (WS_IS_INTERPRETER (self), 0); return self->id; }
void _ws_interpreter_set_id (WsInterpreter *self, gint64 id) { self->id = id; }
const char *ws_interpreter_get_name (WsInterpreter *self) { g_return_val_if_fail (WS_IS_INTERPRETER (self), NULL); return self->name; }
void ws_interpreter_set_name (WsInterpreter *self, const char *name) { g_return_if_fail (WS_IS_INTERPRETER (self)); _ws_replace_text (&self->name, name); }
WsGender ws_interpreter_get_gender (WsInterpreter *self) { g_return_val_if_fail (WS_IS_INTERPRETER (self), 0); return self->gender; }
void ws_interpreter_set_gender (WsInterpreter *self, WsGender gender) { g_return_if_fail (WS_IS_INTERPRETER (self)); self->gender = gender; }
const char *ws_interpreter_get_zone (WsInterpreter *self) { g_return_val_if_fail (WS_IS_INTERPRETER (self), NULL); return self->zone; }
void ws_interpreter_set_zone (WsInterpreter *self, const char *zone) { g_return_if_fail (WS_IS_INTERPRETER (self)); _ws_replace_text (&self->zone, zone); }
const char *ws_interpreter_get_contact (WsInterpreter *self) { g_return_val_if_fail (WS_IS_INTERPRETER (self), NULL); return self->contact; }
void ws_interpreter_set_contact (WsInterpreter *self, const char *contact) { g_return_if_fail (WS_IS_INTERPRETER (self)); _ws_replace_text (&self->contact, contact); }
gint64 ws_interpreter_get_profile_id (WsInterpreter *self) { g_return_val_if_fail (WS_IS_INTERPRETER (self), 0); return self->profile_id; }
void ws_interpreter_set_profile_id (WsInterpreter *self, gint64 profile_id) { g_return_if_fail (WS_IS_INTERPRETER (self)); self->profile_id = profile_id; }

guint
ws_interpreter_get_n_languages (WsInterpreter *self)
{
  g_return_val_if_fail (WS_IS_INTERPRETER (self), 0);
  return self->languages->len;
}

/**
 * ws_interpreter_get_language:
 * @language: (out) (optional):
 * @dialect: (out) (optional): "" when none
 * @modality: (out) (optional):
 * @accreditation: (out) (optional): "" when none
 */
void
ws_interpreter_get_language (WsInterpreter       *self,
                             guint                index,
                             const char         **language,
                             const char         **dialect,
                             WsLanguageModality  *modality,
                             const char         **accreditation)
{
  Language *l;

  g_return_if_fail (WS_IS_INTERPRETER (self));
  g_return_if_fail (index < self->languages->len);

  l = &g_array_index (self->languages, Language, index);
  if (language != NULL)
    *language = l->language;
  if (dialect != NULL)
    *dialect = l->dialect;
  if (modality != NULL)
    *modality = l->modality;
  if (accreditation != NULL)
    *accreditation = l->accreditation;
}

void
ws_interpreter_add_language (WsInterpreter      *self,
                             const char         *language,
                             const char         *dialect,
                             WsLanguageModality  modality,
                             const char         *accreditation)
{
  Language l = { 0 };

  g_return_if_fail (WS_IS_INTERPRETER (self));
  g_return_if_fail (language != NULL);

  l.language = ws_text_strip_dup (language);
  l.dialect = ws_text_strip_dup (dialect != NULL ? dialect : "");
  l.modality = modality;
  l.accreditation = ws_text_strip_dup (accreditation != NULL ? accreditation : "");
  g_array_append_val (self->languages, l);
}

void
ws_interpreter_clear_languages (WsInterpreter *self)
{
  g_return_if_fail (WS_IS_INTERPRETER (self));
  g_array_set_size (self->languages, 0);
}

/**
 * ws_interpreter_dup_languages_text:
 *
 * Returns: (transfer full): the languages with dialects, comma-separated
 */
char *
ws_interpreter_dup_languages_text (WsInterpreter *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (WS_IS_INTERPRETER (self), NULL);

  for (guint i = 0; i < self->languages->len; i++)
    {
      Language *l = &g_array_index (self->languages, Language, i);

      g_ptr_array_add (items, ws_language_format (l->language, l->dialect));
    }
  g_ptr_array_add (items, NULL);
  return ws_text_join_list ((const char * const *) items->pdata);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = ws_text_fold (a != NULL ? a : "");
  g_autofree char *fb = ws_text_fold (b != NULL ? b : "");

  return g_strcmp0 (fa, fb) == 0;
}

gboolean
ws_interpreter_speaks (WsInterpreter *self,
                       const char    *language,
                       const char    *dialect)
{
  g_return_val_if_fail (WS_IS_INTERPRETER (self), FALSE);

  if (language == NULL)
    return FALSE;
  for (guint i = 0; i < self->languages->len; i++)
    {
      Language *l = &g_array_index (self->languages, Language, i);

      if (!same_text (l->language, language))
        continue;
      if (dialect == NULL || *dialect == '\0' || l->dialect[0] == '\0' || same_text (l->dialect, dialect))
        return TRUE;
    }
  return FALSE;
}

/**
 * ws_interpreter_validate:
 * @problems: (element-type WsProblem):
 */
void
ws_interpreter_validate (WsInterpreter *self,
                         GPtrArray     *problems)
{
  g_return_if_fail (WS_IS_INTERPRETER (self));
  g_return_if_fail (problems != NULL);

  if (ws_text_is_blank (self->name))
    ws_problems_add (problems, "name", "%s", _("Give the interpreter's name"));
  if (!ws_time_zone_is_valid (self->zone))
    ws_problems_add (problems, "zone",
                     _("“%s” is not a time zone this computer knows; use a name such as Europe/London"),
                     self->zone);
  if (self->languages->len == 0)
    ws_problems_add (problems, "languages", "%s", _("Give at least one language the interpreter works in"));
  for (guint i = 0; i < self->languages->len; i++)
    {
      Language *l = &g_array_index (self->languages, Language, i);

      if (ws_text_is_blank (l->language))
        {
          ws_problems_add (problems, "languages", "%s", _("A language has no name"));
          break;
        }
      for (guint j = 0; j < i; j++)
        {
          Language *k = &g_array_index (self->languages, Language, j);

          if (same_text (k->language, l->language) && same_text (k->dialect, l->dialect))
            {
              g_autofree char *text = ws_language_format (l->language, l->dialect);

              ws_problems_add (problems, "languages", _("%s is listed twice"), text);
              return;
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* Exclusions */

struct _WsInterpreterExclusion
{
  GObject  parent_instance;

  gint64   id;
  gint64   interpreter_id;
  gint64   case_id;
  char    *case_reference;
  gint64   person_id;
  char    *pseudonym;
  char    *reason;
};

G_DEFINE_FINAL_TYPE (WsInterpreterExclusion, ws_interpreter_exclusion, G_TYPE_OBJECT)

static void
ws_interpreter_exclusion_finalize (GObject *object)
{
  WsInterpreterExclusion *self = WS_INTERPRETER_EXCLUSION (object);

  g_free (self->case_reference);
  g_free (self->pseudonym);
  g_free (self->reason);
  G_OBJECT_CLASS (ws_interpreter_exclusion_parent_class)->finalize (object);
}

static void
ws_interpreter_exclusion_class_init (WsInterpreterExclusionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_interpreter_exclusion_finalize;
}

static void
ws_interpreter_exclusion_init (WsInterpreterExclusion *self)
{
}

gint64 ws_interpreter_exclusion_get_id (WsInterpreterExclusion *self) { g_return_val_if_fail (WS_IS_INTERPRETER_EXCLUSION (self), 0); return self->id; }
gint64 ws_interpreter_exclusion_get_interpreter_id (WsInterpreterExclusion *self) { g_return_val_if_fail (WS_IS_INTERPRETER_EXCLUSION (self), 0); return self->interpreter_id; }
gint64 ws_interpreter_exclusion_get_case_id (WsInterpreterExclusion *self) { g_return_val_if_fail (WS_IS_INTERPRETER_EXCLUSION (self), 0); return self->case_id; }
const char *ws_interpreter_exclusion_get_case_reference (WsInterpreterExclusion *self) { g_return_val_if_fail (WS_IS_INTERPRETER_EXCLUSION (self), NULL); return self->case_reference; }
gint64 ws_interpreter_exclusion_get_person_id (WsInterpreterExclusion *self) { g_return_val_if_fail (WS_IS_INTERPRETER_EXCLUSION (self), 0); return self->person_id; }
const char *ws_interpreter_exclusion_get_pseudonym (WsInterpreterExclusion *self) { g_return_val_if_fail (WS_IS_INTERPRETER_EXCLUSION (self), NULL); return self->pseudonym; }
const char *ws_interpreter_exclusion_get_reason (WsInterpreterExclusion *self) { g_return_val_if_fail (WS_IS_INTERPRETER_EXCLUSION (self), NULL); return self->reason; }

/* ------------------------------------------------------------------ */
/* Store */

GPtrArray *
_ws_load_interpreters (WsDatabase  *db,
                       gint64       only_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) interpreters = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, "SELECT id, name, gender, zone, contact, profile_id FROM interpreter"
                                   " WHERE ?1 = 0 OR id = ?1 ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WsInterpreter *interpreter = ws_interpreter_new ();
      int gender = 0;

      interpreter->id = sqlite3_column_int64 (stmt, 0);
      _ws_replace_text (&interpreter->name, (const char *) sqlite3_column_text (stmt, 1));
      ws_enum_from_nick (WS_TYPE_GENDER, (const char *) sqlite3_column_text (stmt, 2), &gender);
      interpreter->gender = gender;
      _ws_replace_text (&interpreter->zone, (const char *) sqlite3_column_text (stmt, 3));
      _ws_replace_text (&interpreter->contact, (const char *) sqlite3_column_text (stmt, 4));
      interpreter->profile_id = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (interpreters, interpreter);
      g_hash_table_insert (by_id, &interpreter->id, interpreter);
    }
  if (rc != SQLITE_DONE)
    goto sql_fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _ws_database_prepare (db, "SELECT interpreter_id, language, dialect, modality, accreditation"
                                   " FROM interpreter_language WHERE ?1 = 0 OR interpreter_id = ?1 ORDER BY rowid",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      WsInterpreter *interpreter = g_hash_table_lookup (by_id, &id);
      int modality = 0;

      if (interpreter == NULL)
        continue;
      ws_enum_from_nick (WS_TYPE_LANGUAGE_MODALITY, (const char *) sqlite3_column_text (stmt, 3), &modality);
      ws_interpreter_add_language (interpreter, (const char *) sqlite3_column_text (stmt, 1),
                                   (const char *) sqlite3_column_text (stmt, 2), modality,
                                   (const char *) sqlite3_column_text (stmt, 4));
    }
  if (rc != SQLITE_DONE)
    goto sql_fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return g_steal_pointer (&interpreters);

sql_fail:
  _ws_database_set_error (db, error, _("Reading the interpreters"));
fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return NULL;
}

static gint64
actor_profile_id (WsDatabase *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, "SELECT id FROM user_profile WHERE name = ?", NULL);
  if (stmt != NULL)
    {
      _ws_bind_text (stmt, 1, ws_database_get_actor_name (db));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  return id;
}

static gboolean
is_actor (WsDatabase    *db,
          WsInterpreter *interpreter,
          gint64         profile_id)
{
  if (interpreter->profile_id != 0)
    return profile_id != 0 && interpreter->profile_id == profile_id;
  return same_text (interpreter->name, ws_database_get_actor_name (db));
}

/**
 * ws_database_list_interpreters:
 *
 * An interpreter actor gets their own record only.
 *
 * Returns: (transfer container) (element-type WsInterpreter): by name
 */
GPtrArray *
ws_database_list_interpreters (WsDatabase  *db,
                               GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_require_schedule_read (db, error))
    return NULL;
  all = _ws_load_interpreters (db, 0, error);
  if (all != NULL && !ws_database_may (db, WS_PERMISSION_READ_SCHEDULE))
    {
      gint64 profile_id = actor_profile_id (db);

      for (guint i = all->len; i > 0; i--)
        if (!is_actor (db, g_ptr_array_index (all, i - 1), profile_id))
          g_ptr_array_remove_index (all, i - 1);
    }
  return g_steal_pointer (&all);
}

/**
 * ws_database_get_interpreter:
 *
 * Returns: (transfer full): the interpreter, or %NULL with NOT_FOUND
 */
WsInterpreter *
ws_database_get_interpreter (WsDatabase  *db,
                             gint64       id,
                             GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_require_schedule_read (db, error))
    return NULL;
  all = id > 0 ? _ws_load_interpreters (db, id, error) : g_ptr_array_new ();
  if (all == NULL)
    return NULL;
  if (all->len == 0 ||
      (!ws_database_may (db, WS_PERMISSION_READ_SCHEDULE) &&
       !is_actor (db, g_ptr_array_index (all, 0), actor_profile_id (db))))
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                           _("The interpreter is no longer there"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (all, 0));
}

/**
 * ws_database_find_interpreter:
 *
 * Returns: (transfer full): the interpreter named @name (case-insensitive)
 */
WsInterpreter *
ws_database_find_interpreter (WsDatabase  *db,
                              const char  *name,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!_ws_require_schedule_read (db, error))
    return NULL;
  _ws_database_lock (db);
  stmt = _ws_database_prepare (db, "SELECT id FROM interpreter WHERE name = ?", error);
  if (stmt != NULL)
    {
      _ws_bind_text (stmt, 1, name);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_unlock (db);
  if (id == 0)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no interpreter called “%s”"), name);
      return NULL;
    }
  return ws_database_get_interpreter (db, id, error);
}

/**
 * ws_database_get_actor_interpreter:
 *
 * Returns: (transfer full): the current actor's interpreter record, or
 *   %NULL with NOT_FOUND
 */
WsInterpreter *
ws_database_get_actor_interpreter (WsDatabase  *db,
                                   GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  gint64 profile_id;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_require_schedule_read (db, error))
    return NULL;
  all = _ws_load_interpreters (db, 0, error);
  if (all == NULL)
    return NULL;
  profile_id = actor_profile_id (db);
  for (guint i = 0; i < all->len; i++)
    if (is_actor (db, g_ptr_array_index (all, i), profile_id))
      return g_object_ref (g_ptr_array_index (all, i));
  g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
               _("No interpreter record belongs to “%s”"), ws_database_get_actor_name (db));
  return NULL;
}

/**
 * ws_database_check_interpreter:
 * @problems: (element-type WsProblem):
 */
void
ws_database_check_interpreter (WsDatabase    *db,
                               WsInterpreter *interpreter,
                               GPtrArray     *problems)
{
  g_return_if_fail (WS_IS_DATABASE (db));
  g_return_if_fail (WS_IS_INTERPRETER (interpreter));

  ws_interpreter_validate (interpreter, problems);
  if (ws_problems_lookup (problems, "name") == NULL &&
      _ws_directory_name_taken (db, "interpreter", interpreter->name, interpreter->id))
    ws_problems_add (problems, "name", _("Another interpreter is already called “%s”"), interpreter->name);
}

gboolean
ws_database_save_interpreter (WsDatabase     *db,
                              WsInterpreter  *interpreter,
                              GError        **error)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  gint64 old_id;

  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (WS_IS_INTERPRETER (interpreter), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_DIRECTORY, error))
    return FALSE;
  ws_database_check_interpreter (db, interpreter, problems);
  if (_ws_directory_refuse (db, "interpreter", interpreter->name, interpreter->id, problems, error))
    return FALSE;

  old_id = interpreter->id;
  name = ws_text_strip_dup (interpreter->name);
  if (!_ws_database_begin (db, error))
    return FALSE;
  stmt = _ws_database_prepare (db, old_id == 0
                               ? "INSERT INTO interpreter (name, gender, zone, contact, profile_id)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)"
                               : "UPDATE interpreter SET name = ?1, gender = ?2, zone = ?3, contact = ?4,"
                                 " profile_id = ?5 WHERE id = ?6", error);
  if (stmt == NULL)
    goto fail;
  _ws_bind_text (stmt, 1, name);
  _ws_bind_text (stmt, 2, ws_enum_to_nick (WS_TYPE_GENDER, interpreter->gender));
  _ws_bind_text (stmt, 3, interpreter->zone);
  _ws_bind_text (stmt, 4, interpreter->contact);
  if (interpreter->profile_id != 0)
    sqlite3_bind_int64 (stmt, 5, interpreter->profile_id);
  else
    sqlite3_bind_null (stmt, 5);
  if (old_id != 0)
    sqlite3_bind_int64 (stmt, 6, old_id);
  if (!_ws_database_step_done (db, stmt, error))
    goto fail;
  interpreter->id = _ws_database_saved_id (db, old_id, _("The interpreter is no longer there"), error);
  if (interpreter->id == 0)
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _ws_database_prepare (db, "DELETE FROM interpreter_language WHERE interpreter_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, interpreter->id);
  if (!_ws_database_step_done (db, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = _ws_database_prepare (db, "INSERT INTO interpreter_language (interpreter_id, language, dialect, modality,"
                                   " accreditation) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < interpreter->languages->len; i++)
    {
      Language *l = &g_array_index (interpreter->languages, Language, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, interpreter->id);
      _ws_bind_text (stmt, 2, l->language);
      _ws_bind_text (stmt, 3, l->dialect);
      _ws_bind_text (stmt, 4, ws_enum_to_nick (WS_TYPE_LANGUAGE_MODALITY, l->modality));
      _ws_bind_text (stmt, 5, l->accreditation);
      if (!_ws_database_step_done (db, stmt, error))
        goto fail;
    }
  if (!_ws_database_record_change (db, "interpreter", interpreter->id, old_id == 0 ? "created" : "edited", error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!_ws_database_commit (db, error))
    {
      interpreter->id = old_id;
      return FALSE;
    }
  _ws_replace_text (&interpreter->name, name);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  interpreter->id = old_id;
  return FALSE;
}

gboolean
ws_database_delete_interpreter (WsDatabase  *db,
                                gint64       id,
                                GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_DIRECTORY, error))
    return FALSE;
  return _ws_database_delete_row (db, "DELETE FROM interpreter WHERE id = ?", id, "interpreter",
                                  _("The interpreter is no longer there"), error);
}

/**
 * ws_database_list_unavailability:
 * @from: (nullable): leave out periods that ended before this
 *
 * Returns: (transfer container) (element-type WsPeriod): by start
 */
GPtrArray *
ws_database_list_unavailability (WsDatabase  *db,
                                 gint64       interpreter_id,
                                 GDateTime   *from,
                                 GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_require_schedule_read (db, error))
    return NULL;
  return _ws_list_periods (db, "interpreter_unavailability", "interpreter_id", interpreter_id, from, error);
}

gint64
ws_database_add_unavailability (WsDatabase  *db,
                                gint64       interpreter_id,
                                GDateTime   *starts_at,
                                GDateTime   *ends_at,
                                const char  *reason,
                                GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), 0);

  return _ws_add_period (db, "interpreter_unavailability", "interpreter", "interpreter_id", interpreter_id,
                         starts_at, ends_at, reason, "unavailability added", error);
}

gboolean
ws_database_delete_unavailability (WsDatabase  *db,
                                   gint64       unavailability_id,
                                   GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_DIRECTORY, error))
    return FALSE;
  return _ws_database_delete_row (db, "DELETE FROM interpreter_unavailability WHERE id = ?", unavailability_id,
                                  "interpreter-unavailability", _("The period is no longer there"), error);
}

static gpointer
exclusion_from_row (sqlite3_stmt *stmt,
                    gpointer      user_data)
{
  WsInterpreterExclusion *x = g_object_new (WS_TYPE_INTERPRETER_EXCLUSION, NULL);

  x->id = sqlite3_column_int64 (stmt, 0);
  x->interpreter_id = sqlite3_column_int64 (stmt, 1);
  x->case_id = sqlite3_column_int64 (stmt, 2);
  x->case_reference = _ws_column_dup (stmt, 3);
  x->person_id = sqlite3_column_int64 (stmt, 4);
  x->pseudonym = _ws_column_dup (stmt, 5);
  x->reason = _ws_column_dup (stmt, 6);
  return x;
}

/**
 * ws_database_list_exclusions:
 *
 * Returns: (transfer container) (element-type WsInterpreterExclusion):
 */
GPtrArray *
ws_database_list_exclusions (WsDatabase  *db,
                             gint64       interpreter_id,
                             GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  if (!_ws_database_require (db, WS_PERMISSION_READ_SCHEDULE, error))
    return NULL;
  return _ws_database_list_rows (db, "SELECT x.id, x.interpreter_id, x.case_id, c.reference, x.person_id,"
                                     " p.pseudonym, x.reason FROM interpreter_exclusion x"
                                     " LEFT JOIN court_case c ON c.id = x.case_id"
                                     " LEFT JOIN person p ON p.id = x.person_id"
                                     " WHERE x.interpreter_id = ? ORDER BY x.id", interpreter_id,
                                 exclusion_from_row, NULL, _("Reading the interpreter's exclusions"), error);
}

gint64
ws_database_add_exclusion (WsDatabase  *db,
                           gint64       interpreter_id,
                           gint64       case_id,
                           gint64       person_id,
                           const char  *reason,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (WS_IS_DATABASE (db), 0);

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_DIRECTORY, error))
    return 0;
  if (case_id <= 0 && person_id <= 0)
    {
      g_set_error_literal (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_INVALID,
                           _("Choose the case or the witness the interpreter must not work on"));
      return 0;
    }
  if (!_ws_database_begin (db, error))
    return 0;
  stmt = _ws_database_prepare (db, "INSERT INTO interpreter_exclusion (interpreter_id, case_id, person_id, reason)"
                                   " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, interpreter_id);
  if (case_id > 0)
    sqlite3_bind_int64 (stmt, 2, case_id);
  else
    sqlite3_bind_null (stmt, 2);
  if (person_id > 0)
    sqlite3_bind_int64 (stmt, 3, person_id);
  else
    sqlite3_bind_null (stmt, 3);
  _ws_bind_text (stmt, 4, reason);
  if (!_ws_database_step_done (db, stmt, error))
    goto fail;
  id = _ws_database_last_insert_id (db);
  if (!_ws_database_record_change (db, "interpreter", interpreter_id, "exclusion added", error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!_ws_database_commit (db, error))
    return 0;
  return id;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _ws_database_rollback (db);
  return 0;
}

gboolean
ws_database_delete_exclusion (WsDatabase  *db,
                              gint64       exclusion_id,
                              GError     **error)
{
  g_return_val_if_fail (WS_IS_DATABASE (db), FALSE);

  if (!_ws_database_require (db, WS_PERMISSION_MANAGE_DIRECTORY, error))
    return FALSE;
  return _ws_database_delete_row (db, "DELETE FROM interpreter_exclusion WHERE id = ?", exclusion_id,
                                  "interpreter-exclusion", _("The exclusion is no longer there"), error);
}
