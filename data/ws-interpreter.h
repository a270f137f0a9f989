/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-database.h"
#include "ws-site.h"
#include "ws-types.h"

G_BEGIN_DECLS

/* Stored by nick in interpreter_language.modality. */
typedef enum {
  WS_LANGUAGE_MODALITY_SPOKEN,  /*< nick=spoken >*/
  WS_LANGUAGE_MODALITY_SIGN,    /*< nick=sign >*/
} WsLanguageModality;

const char *ws_language_modality_get_label (WsLanguageModality modality);

#define WS_TYPE_INTERPRETER (ws_interpreter_get_type ())

G_DECLARE_FINAL_TYPE (WsInterpreter, ws_interpreter, WS, INTERPRETER, GObject)

WsInterpreter      *ws_interpreter_new               (void);
WsInterpreter      *ws_interpreter_copy              (WsInterpreter       *self);
gint64              ws_interpreter_get_id            (WsInterpreter       *self);
/* The interpreter's working name, shown to officers and on their own
 * schedule; interpreters are not protected persons. */
const char         *ws_interpreter_get_name          (WsInterpreter       *self);
void                ws_interpreter_set_name          (WsInterpreter       *self,
                                                      const char          *name);
WsGender            ws_interpreter_get_gender        (WsInterpreter       *self);
void                ws_interpreter_set_gender        (WsInterpreter       *self,
                                                      WsGender             gender);
const char         *ws_interpreter_get_zone          (WsInterpreter       *self);
void                ws_interpreter_set_zone          (WsInterpreter       *self,
                                                      const char          *zone);
const char         *ws_interpreter_get_contact       (WsInterpreter       *self);
void                ws_interpreter_set_contact       (WsInterpreter       *self,
                                                      const char          *contact);
/* The user profile an interpreter signs in with; 0 for none. */
gint64              ws_interpreter_get_profile_id    (WsInterpreter       *self);
void                ws_interpreter_set_profile_id    (WsInterpreter       *self,
                                                      gint64               profile_id);

/* Languages, in the order given. A language is unique with its dialect. */
guint               ws_interpreter_get_n_languages   (WsInterpreter       *self);
void                ws_interpreter_get_language      (WsInterpreter       *self,
                                                      guint                index,
                                                      const char         **language,
                                                      const char         **dialect,
                                                      WsLanguageModality  *modality,
                                                      const char         **accreditation);
void                ws_interpreter_add_language      (WsInterpreter       *self,
                                                      const char          *language,
                                                      const char          *dialect,
                                                      WsLanguageModality   modality,
                                                      const char          *accreditation);
void                ws_interpreter_clear_languages   (WsInterpreter       *self);
/* "Arabic (Levantine), Kurdish" */
char               *ws_interpreter_dup_languages_text (WsInterpreter      *self);
/* Case-insensitive; an empty or NULL @dialect matches any dialect, and an
 * interpreter without a dialect serves every dialect of the language. */
gboolean            ws_interpreter_speaks            (WsInterpreter       *self,
                                                      const char          *language,
                                                      const char          *dialect);
/* Field names in problems: "name", "zone", "languages". */
void                ws_interpreter_validate          (WsInterpreter       *self,
                                                      GPtrArray           *problems);

/* An exclusion: a case or a person the interpreter must not work on. */
#define WS_TYPE_INTERPRETER_EXCLUSION (ws_interpreter_exclusion_get_type ())

G_DECLARE_FINAL_TYPE (WsInterpreterExclusion, ws_interpreter_exclusion, WS, INTERPRETER_EXCLUSION, GObject)

gint64       ws_interpreter_exclusion_get_id             (WsInterpreterExclusion *self);
gint64       ws_interpreter_exclusion_get_interpreter_id (WsInterpreterExclusion *self);
gint64       ws_interpreter_exclusion_get_case_id        (WsInterpreterExclusion *self); /* 0 if none */
const char  *ws_interpreter_exclusion_get_case_reference (WsInterpreterExclusion *self); /* NULL if none */
gint64       ws_interpreter_exclusion_get_person_id      (WsInterpreterExclusion *self); /* 0 if none */
const char  *ws_interpreter_exclusion_get_pseudonym      (WsInterpreterExclusion *self); /* NULL if none */
const char  *ws_interpreter_exclusion_get_reason         (WsInterpreterExclusion *self);

/* Directory store: reading needs READ_SCHEDULE (an interpreter actor with
 * READ_OWN_SCHEDULE reads only their own record), every change needs
 * MANAGE_DIRECTORY and is written to change history. */
GPtrArray     *ws_database_list_interpreters          (WsDatabase    *db,
                                                       GError       **error);
WsInterpreter *ws_database_get_interpreter            (WsDatabase    *db,
                                                       gint64         id,
                                                       GError       **error);
WsInterpreter *ws_database_find_interpreter           (WsDatabase    *db,
                                                       const char    *name,
                                                       GError       **error);
/* The interpreter record of the current actor: linked through profile_id
 * to the actor's profile, or else named like the actor. */
WsInterpreter *ws_database_get_actor_interpreter      (WsDatabase    *db,
                                                       GError       **error);
void           ws_database_check_interpreter          (WsDatabase    *db,
                                                       WsInterpreter *interpreter,
                                                       GPtrArray     *problems);
/* Saves the record and its languages in one transaction. */
gboolean       ws_database_save_interpreter           (WsDatabase    *db,
                                                       WsInterpreter *interpreter,
                                                       GError       **error);
gboolean       ws_database_delete_interpreter         (WsDatabase    *db,
                                                       gint64         id,
                                                       GError       **error);

/* Unavailability (WsPeriod, owner = interpreter); @from as for closures. */
GPtrArray     *ws_database_list_unavailability        (WsDatabase    *db,
                                                       gint64         interpreter_id,
                                                       GDateTime     *from,
                                                       GError       **error);
gint64         ws_database_add_unavailability         (WsDatabase    *db,
                                                       gint64         interpreter_id,
                                                       GDateTime     *starts_at,
                                                       GDateTime     *ends_at,
                                                       const char    *reason,
                                                       GError       **error);
gboolean       ws_database_delete_unavailability      (WsDatabase    *db,
                                                       gint64         unavailability_id,
                                                       GError       **error);

/* Exclusions: give a case, a person or both (0 for none). */
GPtrArray     *ws_database_list_exclusions            (WsDatabase    *db,
                                                       gint64         interpreter_id,
                                                       GError       **error);
gint64         ws_database_add_exclusion              (WsDatabase    *db,
                                                       gint64         interpreter_id,
                                                       gint64         case_id,
                                                       gint64         person_id,
                                                       const char    *reason,
                                                       GError       **error);
gboolean       ws_database_delete_exclusion           (WsDatabase    *db,
                                                       gint64         exclusion_id,
                                                       GError       **error);

G_END_DECLS
