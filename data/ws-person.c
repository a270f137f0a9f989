/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-person"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ws-enums.h"
#include "ws-person-private.h"
#include "ws-text.h"
#include "ws-time.h"

/* A person supported by the unit, known to everything outside the
 * identity module only by a pseudonym. */
struct _WsPerson
{
  GObject              parent_instance;

  gint64               id;
  char                *pseudonym;
  WsGender             gender;
  gboolean             gender_in_summary;
  WsInterpreterGender  interpreter_gender;
  WsVulnerability      vulnerability;
  WsAgeStatus          age_status;
  char                *age_assessed_on;
  WsRiskLevel          risk_level;
  WsPhase              phase;
  WsPersonStatus       status;
  char                *first_contact_on;
  char                *zone;
  char                *notes;
  GStrv                languages;
  GStrv                case_references;
  char                *search_key;
};

G_DEFINE_FINAL_TYPE (WsPerson, ws_person, G_TYPE_OBJECT)

static const char * const empty_strv[] = { NULL };

enum {
  PROP_0,
  PROP_ID,
  PROP_PSEUDONYM,
  PROP_GENDER,
  PROP_GENDER_IN_SUMMARY,
  PROP_INTERPRETER_GENDER,
  PROP_VULNERABILITY,
  PROP_AGE_STATUS,
  PROP_AGE_ASSESSED_ON,
  PROP_RISK_LEVEL,
  PROP_PHASE,
  PROP_STATUS,
  PROP_FIRST_CONTACT_ON,
  PROP_ZONE,
  PROP_NOTES,
  PROP_LANGUAGES,
  PROP_CASE_REFERENCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
replace_str (char       **field,
             const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
invalidate_search_key (WsPerson *self)
{
  g_clear_pointer (&self->search_key, g_free);
}

static gboolean
set_string (WsPerson   *self,
            char      **field,
            const char *value,
            guint       prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static gboolean
set_int (WsPerson *self,
         int      *field,
         int       value,
         guint     prop)
{
  if (*field == value)
    return FALSE;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static void
ws_person_finalize (GObject *object)
{
  WsPerson *self = (WsPerson *)object;

  g_free (self->pseudonym);
  g_free (self->age_assessed_on);
  g_free (self->first_contact_on);
  g_free (self->zone);
  g_free (self->notes);
  g_strfreev (self->languages);
  g_strfreev (self->case_references);
  g_free (self->search_key);

  G_OBJECT_CLASS (ws_person_parent_class)->finalize (object);
}

static void
ws_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WsPerson *self = WS_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_PSEUDONYM: g_value_set_string (value, self->pseudonym); break;
    case PROP_GENDER: g_value_set_enum (value, self->gender); break;
    case PROP_GENDER_IN_SUMMARY: g_value_set_boolean (value, self->gender_in_summary); break;
    case PROP_INTERPRETER_GENDER: g_value_set_enum (value, self->interpreter_gender); break;
    case PROP_VULNERABILITY: g_value_set_flags (value, self->vulnerability); break;
    case PROP_AGE_STATUS: g_value_set_enum (value, self->age_status); break;
    case PROP_AGE_ASSESSED_ON: g_value_set_string (value, self->age_assessed_on); break;
    case PROP_RISK_LEVEL: g_value_set_enum (value, self->risk_level); break;
    case PROP_PHASE: g_value_set_enum (value, self->phase); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_FIRST_CONTACT_ON: g_value_set_string (value, self->first_contact_on); break;
    case PROP_ZONE: g_value_set_string (value, self->zone); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_LANGUAGES: g_value_set_boxed (value, self->languages); break;
    case PROP_CASE_REFERENCES: g_value_set_boxed (value, self->case_references); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WsPerson *self = WS_PERSON (object);

  switch (prop_id)
    {
    case PROP_PSEUDONYM: ws_person_set_pseudonym (self, g_value_get_string (value)); break;
    case PROP_GENDER: ws_person_set_gender (self, g_value_get_enum (value)); break;
    case PROP_GENDER_IN_SUMMARY: ws_person_set_gender_in_summary (self, g_value_get_boolean (value)); break;
    case PROP_INTERPRETER_GENDER: ws_person_set_interpreter_gender (self, g_value_get_enum (value)); break;
    case PROP_VULNERABILITY: ws_person_set_vulnerability (self, g_value_get_flags (value)); break;
    case PROP_AGE_STATUS: ws_person_set_age_status (self, g_value_get_enum (value)); break;
    case PROP_AGE_ASSESSED_ON: ws_person_set_age_assessed_on (self, g_value_get_string (value)); break;
    case PROP_RISK_LEVEL: ws_person_set_risk_level (self, g_value_get_enum (value)); break;
    case PROP_PHASE: ws_person_set_phase (self, g_value_get_enum (value)); break;
    case PROP_STATUS: ws_person_set_status (self, g_value_get_enum (value)); break;
    case PROP_FIRST_CONTACT_ON: ws_person_set_first_contact_on (self, g_value_get_string (value)); break;
    case PROP_ZONE: ws_person_set_zone (self, g_value_get_string (value)); break;
    case PROP_NOTES: ws_person_set_notes (self, g_value_get_string (value)); break;
    case PROP_LANGUAGES: ws_person_set_languages (self, g_value_get_boxed (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_person_class_init (WsPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ws_person_finalize;
  object_class->get_property = ws_person_get_property;
  object_class->set_property = ws_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PSEUDONYM] = g_param_spec_string ("pseudonym", NULL, NULL, NULL, rw);
  properties[PROP_GENDER] = g_param_spec_enum ("gender", NULL, NULL, WS_TYPE_GENDER, WS_GENDER_UNSPECIFIED, rw);
  properties[PROP_GENDER_IN_SUMMARY] = g_param_spec_boolean ("gender-in-summary", NULL, NULL, FALSE, rw);
  properties[PROP_INTERPRETER_GENDER] =
    g_param_spec_enum ("interpreter-gender", NULL, NULL, WS_TYPE_INTERPRETER_GENDER, WS_INTERPRETER_GENDER_ANY, rw);
  properties[PROP_VULNERABILITY] =
    g_param_spec_flags ("vulnerability", NULL, NULL, WS_TYPE_VULNERABILITY, WS_VULNERABILITY_NONE, rw);
  properties[PROP_AGE_STATUS] = g_param_spec_enum ("age-status", NULL, NULL, WS_TYPE_AGE_STATUS, WS_AGE_STATUS_ADULT, rw);
  properties[PROP_AGE_ASSESSED_ON] = g_param_spec_string ("age-assessed-on", NULL, NULL, NULL, rw);
  properties[PROP_RISK_LEVEL] = g_param_spec_enum ("risk-level", NULL, NULL, WS_TYPE_RISK_LEVEL, WS_RISK_LEVEL_UNKNOWN, rw);
  properties[PROP_PHASE] = g_param_spec_enum ("phase", NULL, NULL, WS_TYPE_PHASE, WS_PHASE_INITIAL, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, WS_TYPE_PERSON_STATUS, WS_PERSON_STATUS_ACTIVE, rw);
  properties[PROP_FIRST_CONTACT_ON] = g_param_spec_string ("first-contact-on", NULL, NULL, NULL, rw);
  properties[PROP_ZONE] = g_param_spec_string ("zone", NULL, NULL, "UTC", rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  properties[PROP_LANGUAGES] = g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_CASE_REFERENCES] = g_param_spec_boxed ("case-references", NULL, NULL, G_TYPE_STRV, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ws_person_init (WsPerson *self)
{
  self->pseudonym = g_strdup ("");
  self->zone = g_strdup ("UTC");
  self->notes = g_strdup ("");
  self->languages = g_new0 (char *, 1);
  self->case_references = g_new0 (char *, 1);
}

WsPerson *
ws_person_new (void)
{
  return g_object_new (WS_TYPE_PERSON, NULL);
}

/**
 * ws_person_copy:
 *
 * Returns: (transfer full): an independent copy, for editing without
 *   touching the shown object until the edit is saved
 */
WsPerson *
ws_person_copy (WsPerson *self)
{
  WsPerson *copy;

  g_return_val_if_fail (WS_IS_PERSON (self), NULL);

  copy = ws_person_new ();
  copy->id = self->id;
  replace_str (&copy->pseudonym, self->pseudonym);
  copy->gender = self->gender;
  copy->gender_in_summary = self->gender_in_summary;
  copy->interpreter_gender = self->interpreter_gender;
  copy->vulnerability = self->vulnerability;
  copy->age_status = self->age_status;
  replace_str (&copy->age_assessed_on, self->age_assessed_on);
  copy->risk_level = self->risk_level;
  copy->phase = self->phase;
  copy->status = self->status;
  replace_str (&copy->first_contact_on, self->first_contact_on);
  replace_str (&copy->zone, self->zone);
  replace_str (&copy->notes, self->notes);
  g_strfreev (copy->languages);
  copy->languages = g_strdupv (self->languages);
  g_strfreev (copy->case_references);
  copy->case_references = g_strdupv (self->case_references);
  return copy;
}

gint64
ws_person_get_id (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), 0);
  return self->id;
}

void
_ws_person_set_id (WsPerson *self,
                   gint64    id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ws_person_get_pseudonym (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), NULL);
  return self->pseudonym;
}

void
ws_person_set_pseudonym (WsPerson   *self,
                         const char *pseudonym)
{
  g_return_if_fail (WS_IS_PERSON (self));
  if (set_string (self, &self->pseudonym, pseudonym != NULL ? pseudonym : "", PROP_PSEUDONYM))
    invalidate_search_key (self);
}

WsGender
ws_person_get_gender (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), WS_GENDER_UNSPECIFIED);
  return self->gender;
}

void
ws_person_set_gender (WsPerson *self,
                      WsGender  gender)
{
  g_return_if_fail (WS_IS_PERSON (self));
  set_int (self, (int *) &self->gender, gender, PROP_GENDER);
}

gboolean
ws_person_get_gender_in_summary (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), FALSE);
  return self->gender_in_summary;
}

void
ws_person_set_gender_in_summary (WsPerson *self,
                                 gboolean  shown)
{
  g_return_if_fail (WS_IS_PERSON (self));
  set_int (self, &self->gender_in_summary, !!shown, PROP_GENDER_IN_SUMMARY);
}

WsInterpreterGender
ws_person_get_interpreter_gender (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), WS_INTERPRETER_GENDER_ANY);
  return self->interpreter_gender;
}

void
ws_person_set_interpreter_gender (WsPerson            *self,
                                  WsInterpreterGender  gender)
{
  g_return_if_fail (WS_IS_PERSON (self));
  set_int (self, (int *) &self->interpreter_gender, gender, PROP_INTERPRETER_GENDER);
}

WsVulnerability
ws_person_get_vulnerability (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), WS_VULNERABILITY_NONE);
  return self->vulnerability;
}

void
ws_person_set_vulnerability (WsPerson        *self,
                             WsVulnerability  flags)
{
  g_return_if_fail (WS_IS_PERSON (self));
  set_int (self, (int *) &self->vulnerability, flags, PROP_VULNERABILITY);
}

WsAgeStatus
ws_person_get_age_status (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), WS_AGE_STATUS_ADULT);
  return self->age_status;
}

void
ws_person_set_age_status (WsPerson    *self,
                          WsAgeStatus  status)
{
  g_return_if_fail (WS_IS_PERSON (self));
  set_int (self, (int *) &self->age_status, status, PROP_AGE_STATUS);
}

const char *
ws_person_get_age_assessed_on (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), NULL);
  return self->age_assessed_on;
}

void
ws_person_set_age_assessed_on (WsPerson   *self,
                               const char *date)
{
  g_return_if_fail (WS_IS_PERSON (self));
  set_string (self, &self->age_assessed_on, date != NULL && *date != '\0' ? date : NULL, PROP_AGE_ASSESSED_ON);
}

WsRiskLevel
ws_person_get_risk_level (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), WS_RISK_LEVEL_UNKNOWN);
  return self->risk_level;
}

void
ws_person_set_risk_level (WsPerson    *self,
                          WsRiskLevel  level)
{
  g_return_if_fail (WS_IS_PERSON (self));
  set_int (self, (int *) &self->risk_level, level, PROP_RISK_LEVEL);
}

WsPhase
ws_person_get_phase (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), WS_PHASE_INITIAL);
  return self->phase;
}

void
ws_person_set_phase (WsPerson *self,
                     WsPhase   phase)
{
  g_return_if_fail (WS_IS_PERSON (self));
  set_int (self, (int *) &self->phase, phase, PROP_PHASE);
}

WsPersonStatus
ws_person_get_status (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), WS_PERSON_STATUS_ACTIVE);
  return self->status;
}

void
ws_person_set_status (WsPerson       *self,
                      WsPersonStatus  status)
{
  g_return_if_fail (WS_IS_PERSON (self));
  set_int (self, (int *) &self->status, status, PROP_STATUS);
}

const char *
ws_person_get_first_contact_on (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), NULL);
  return self->first_contact_on;
}

void
ws_person_set_first_contact_on (WsPerson   *self,
                                const char *date)
{
  g_return_if_fail (WS_IS_PERSON (self));
  set_string (self, &self->first_contact_on, date != NULL && *date != '\0' ? date : NULL, PROP_FIRST_CONTACT_ON);
}

const char *
ws_person_get_zone (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), NULL);
  return self->zone;
}

void
ws_person_set_zone (WsPerson   *self,
                    const char *zone)
{
  g_return_if_fail (WS_IS_PERSON (self));
  set_string (self, &self->zone, zone != NULL && *zone != '\0' ? zone : "UTC", PROP_ZONE);
}

const char *
ws_person_get_notes (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), NULL);
  return self->notes;
}

void
ws_person_set_notes (WsPerson   *self,
                     const char *notes)
{
  g_return_if_fail (WS_IS_PERSON (self));
  set_string (self, &self->notes, notes != NULL ? notes : "", PROP_NOTES);
}

/**
 * ws_person_get_languages:
 *
 * Returns: (transfer none): languages as "Language (Dialect)", first is preferred
 */
const char * const *
ws_person_get_languages (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), NULL);
  return (const char * const *) self->languages;
}

void
ws_person_set_languages (WsPerson           *self,
                         const char * const *languages)
{
  g_return_if_fail (WS_IS_PERSON (self));

  if (languages == NULL)
    languages = empty_strv;
  if (g_strv_equal (languages, (const char * const *) self->languages))
    return;
  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) languages);
  invalidate_search_key (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGES]);
}

/**
 * ws_person_get_case_references:
 *
 * Returns: (transfer none): references of the cases the person is party to
 */
const char * const *
ws_person_get_case_references (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), NULL);
  return (const char * const *) self->case_references;
}

void
_ws_person_set_case_references (WsPerson           *self,
                                const char * const *references)
{
  if (references == NULL)
    references = empty_strv;
  if (g_strv_equal (references, (const char * const *) self->case_references))
    return;
  g_strfreev (self->case_references);
  self->case_references = g_strdupv ((char **) references);
  invalidate_search_key (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_REFERENCES]);
}

char *
ws_person_dup_languages_text (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), NULL);
  return ws_text_join_list ((const char * const *) self->languages);
}

gboolean
ws_person_is_child (WsPerson *self)
{
  g_return_val_if_fail (WS_IS_PERSON (self), FALSE);
  return self->age_status != WS_AGE_STATUS_ADULT;
}

/**
 * ws_person_matches:
 * @folded_query: a query already passed through ws_text_fold()
 *
 * Matches the pseudonym, languages and case references; the key is built
 * once and kept, so a keystroke over a large list costs one substring
 * search per person.
 */
gboolean
ws_person_matches (WsPerson   *self,
                   const char *folded_query)
{
  g_return_val_if_fail (WS_IS_PERSON (self), FALSE);

  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;

  if (self->search_key == NULL)
    {
      g_autofree char *langs = g_strjoinv ("\n", self->languages);
      g_autofree char *refs = g_strjoinv ("\n", self->case_references);
      g_autofree char *joined = g_strconcat (self->pseudonym, "\n", langs, "\n", refs, NULL);

      self->search_key = ws_text_fold (joined);
    }
  return strstr (self->search_key, folded_query) != NULL;
}

static void
validate_date (GPtrArray  *problems,
               const char *field,
               const char *value,
               gboolean    not_future)
{
  GDate date;

  if (value == NULL)
    return;
  if (!ws_time_parse_date (value, &date))
    {
      /* Translators: %s is what the user typed */
      ws_problems_add (problems, field, _("%s is not a date (use YYYY-MM-DD)"), value);
      return;
    }
  if (not_future)
    {
      g_autoptr(GDate) today = ws_time_today ();

      if (g_date_compare (&date, today) > 0)
        ws_problems_add (problems, field, _("%s is in the future"), value);
    }
}

/**
 * ws_person_validate:
 * @problems: (element-type WsProblem): where to add what is wrong, by field name
 *
 * Checks the rules that need no database: required fields, dates that
 * exist, known time zones and well-formed languages.
 */
void
ws_person_validate (WsPerson  *self,
                    GPtrArray *problems)
{
  g_return_if_fail (WS_IS_PERSON (self));
  g_return_if_fail (problems != NULL);

  if (ws_text_is_blank (self->pseudonym))
    ws_problems_add (problems, "pseudonym", _("A pseudonym is required"));
  else if (g_utf8_strlen (self->pseudonym, -1) > 60)
    ws_problems_add (problems, "pseudonym", _("A pseudonym can have at most 60 characters"));

  for (guint i = 0; self->languages[i] != NULL; i++)
    {
      g_autofree char *language = NULL;
      g_autofree char *dialect = NULL;

      if (!ws_language_parse (self->languages[i], &language, &dialect))
        {
          ws_problems_add (problems, "languages",
                           _("“%s” is not a language; write e.g. “Arabic (Levantine)”"), self->languages[i]);
          break;
        }
    }

  validate_date (problems, "first_contact_on", self->first_contact_on, TRUE);
  validate_date (problems, "age_assessed_on", self->age_assessed_on, TRUE);

  if (!ws_time_zone_is_valid (self->zone))
    ws_problems_add (problems, "zone", _("%s is not a known time zone (e.g. Europe/Vienna)"), self->zone);
}
