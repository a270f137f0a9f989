/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-case"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ws-case-private.h"
#include "ws-enums.h"
#include "ws-text.h"
#include "ws-time.h"

/* A criminal case in which supported people take part. Accused persons
 * are kept as labels ("Accused 1") only: the unit protects witnesses and
 * needs no more about the accused than whom a witness must not meet. */
struct _WsCase
{
  GObject      parent_instance;

  gint64       id;
  char        *reference;
  char        *court;
  char        *prosecutor;
  WsCaseStage  stage;
  char        *opened_on;
  char        *notes;
  GStrv        offences;
  GStrv        exploitation;
  GStrv        accused;
  guint        witness_count;
  char        *search_key;
};

G_DEFINE_FINAL_TYPE (WsCase, ws_case, G_TYPE_OBJECT)

static const char * const empty_strv[] = { NULL };

enum {
  PROP_0,
  PROP_ID,
  PROP_REFERENCE,
  PROP_COURT,
  PROP_PROSECUTOR,
  PROP_STAGE,
  PROP_OPENED_ON,
  PROP_NOTES,
  PROP_OFFENCES,
  PROP_EXPLOITATION,
  PROP_ACCUSED,
  PROP_WITNESS_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (WsCase      *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_clear_pointer (&self->search_key, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static void
set_strv (WsCase             *self,
          GStrv              *field,
          const char * const *value,
          guint               prop)
{
  if (value == NULL)
    value = empty_strv;
  if (g_strv_equal (value, (const char * const *) *field))
    return;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
ws_case_finalize (GObject *object)
{
  WsCase *self = (WsCase *)object;

  g_free (self->reference);
  g_free (self->court);
  g_free (self->prosecutor);
  g_free (self->opened_on);
  g_free (self->notes);
  g_strfreev (self->offences);
  g_strfreev (self->exploitation);
  g_strfreev (self->accused);
  g_free (self->search_key);

  G_OBJECT_CLASS (ws_case_parent_class)->finalize (object);
}

static void
ws_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  WsCase *self = WS_CASE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_REFERENCE: g_value_set_string (value, self->reference); break;
    case PROP_COURT: g_value_set_string (value, self->court); break;
    case PROP_PROSECUTOR: g_value_set_string (value, self->prosecutor); break;
    case PROP_STAGE: g_value_set_enum (value, self->stage); break;
    case PROP_OPENED_ON: g_value_set_string (value, self->opened_on); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_OFFENCES: g_value_set_boxed (value, self->offences); break;
    case PROP_EXPLOITATION: g_value_set_boxed (value, self->exploitation); break;
    case PROP_ACCUSED: g_value_set_boxed (value, self->accused); break;
    case PROP_WITNESS_COUNT: g_value_set_uint (value, self->witness_count); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  WsCase *self = WS_CASE (object);

  switch (prop_id)
    {
    case PROP_REFERENCE: ws_case_set_reference (self, g_value_get_string (value)); break;
    case PROP_COURT: ws_case_set_court (self, g_value_get_string (value)); break;
    case PROP_PROSECUTOR: ws_case_set_prosecutor (self, g_value_get_string (value)); break;
    case PROP_STAGE: ws_case_set_stage (self, g_value_get_enum (value)); break;
    case PROP_OPENED_ON: ws_case_set_opened_on (self, g_value_get_string (value)); break;
    case PROP_NOTES: ws_case_set_notes (self, g_value_get_string (value)); break;
    case PROP_OFFENCES: ws_case_set_offences (self, g_value_get_boxed (value)); break;
    case PROP_EXPLOITATION: ws_case_set_exploitation (self, g_value_get_boxed (value)); break;
    case PROP_ACCUSED: ws_case_set_accused (self, g_value_get_boxed (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_case_class_init (WsCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ws_case_finalize;
  object_class->get_property = ws_case_get_property;
  object_class->set_property = ws_case_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, "", rw);
  properties[PROP_COURT] = g_param_spec_string ("court", NULL, NULL, "", rw);
  properties[PROP_PROSECUTOR] = g_param_spec_string ("prosecutor", NULL, NULL, "", rw);
  properties[PROP_STAGE] = g_param_spec_enum ("stage", NULL, NULL, WS_TYPE_CASE_STAGE, WS_CASE_STAGE_INVESTIGATION, rw);
  properties[PROP_OPENED_ON] = g_param_spec_string ("opened-on", NULL, NULL, NULL, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  properties[PROP_OFFENCES] = g_param_spec_boxed ("offences", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_EXPLOITATION] = g_param_spec_boxed ("exploitation", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_ACCUSED] = g_param_spec_boxed ("accused", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_WITNESS_COUNT] = g_param_spec_uint ("witness-count", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ws_case_init (WsCase *self)
{
  self->reference = g_strdup ("");
  self->court = g_strdup ("");
  self->prosecutor = g_strdup ("");
  self->notes = g_strdup ("");
  self->offences = g_new0 (char *, 1);
  self->exploitation = g_new0 (char *, 1);
  self->accused = g_new0 (char *, 1);
}

WsCase *
ws_case_new (void)
{
  return g_object_new (WS_TYPE_CASE, NULL);
}

/**
 * ws_case_copy:
 *
 * Returns: (transfer full): an independent copy for editing
 */
WsCase *
ws_case_copy (WsCase *self)
{
  WsCase *copy;

  g_return_val_if_fail (WS_IS_CASE (self), NULL);

  copy = g_object_new (WS_TYPE_CASE,
                       "reference", self->reference,
                       "court", self->court,
                       "prosecutor", self->prosecutor,
                       "stage", self->stage,
                       "opened-on", self->opened_on,
                       "notes", self->notes,
                       "offences", self->offences,
                       "exploitation", self->exploitation,
                       "accused", self->accused,
                       NULL);
  copy->id = self->id;
  copy->witness_count = self->witness_count;
  return copy;
}

gint64
ws_case_get_id (WsCase *self)
{
  g_return_val_if_fail (WS_IS_CASE (self), 0);
  return self->id;
}

void
_ws_case_set_id (WsCase *self,
                 gint64  id)
{
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ws_case_get_reference (WsCase *self)
{
  g_return_val_if_fail (WS_IS_CASE (self), NULL);
  return self->reference;
}

void
ws_case_set_reference (WsCase     *self,
                       const char *reference)
{
  g_return_if_fail (WS_IS_CASE (self));
  set_string (self, &self->reference, reference != NULL ? reference : "", PROP_REFERENCE);
}

const char *
ws_case_get_court (WsCase *self)
{
  g_return_val_if_fail (WS_IS_CASE (self), NULL);
  return self->court;
}

void
ws_case_set_court (WsCase     *self,
                   const char *court)
{
  g_return_if_fail (WS_IS_CASE (self));
  set_string (self, &self->court, court != NULL ? court : "", PROP_COURT);
}

const char *
ws_case_get_prosecutor (WsCase *self)
{
  g_return_val_if_fail (WS_IS_CASE (self), NULL);
  return self->prosecutor;
}

void
ws_case_set_prosecutor (WsCase     *self,
                        const char *prosecutor)
{
  g_return_if_fail (WS_IS_CASE (self));
  set_string (self, &self->prosecutor, prosecutor != NULL ? prosecutor : "", PROP_PROSECUTOR);
}

WsCaseStage
ws_case_get_stage (WsCase *self)
{
  g_return_val_if_fail (WS_IS_CASE (self), WS_CASE_STAGE_INVESTIGATION);
  return self->stage;
}

void
ws_case_set_stage (WsCase      *self,
                   WsCaseStage  stage)
{
  g_return_if_fail (WS_IS_CASE (self));
  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

const char *
ws_case_get_opened_on (WsCase *self)
{
  g_return_val_if_fail (WS_IS_CASE (self), NULL);
  return self->opened_on;
}

void
ws_case_set_opened_on (WsCase     *self,
                       const char *date)
{
  g_return_if_fail (WS_IS_CASE (self));
  set_string (self, &self->opened_on, date != NULL && *date != '\0' ? date : NULL, PROP_OPENED_ON);
}

const char *
ws_case_get_notes (WsCase *self)
{
  g_return_val_if_fail (WS_IS_CASE (self), NULL);
  return self->notes;
}

void
ws_case_set_notes (WsCase     *self,
                   const char *notes)
{
  g_return_if_fail (WS_IS_CASE (self));
  set_string (self, &self->notes, notes != NULL ? notes : "", PROP_NOTES);
}

/**
 * ws_case_get_offences:
 *
 * Returns: (transfer none): the offences charged or investigated
 */
const char * const *
ws_case_get_offences (WsCase *self)
{
  g_return_val_if_fail (WS_IS_CASE (self), NULL);
  return (const char * const *) self->offences;
}

void
ws_case_set_offences (WsCase             *self,
                      const char * const *offences)
{
  g_return_if_fail (WS_IS_CASE (self));
  set_strv (self, &self->offences, offences, PROP_OFFENCES);
}

/**
 * ws_case_get_exploitation:
 *
 * Returns: (transfer none): forms of exploitation by #WsExploitation nick
 */
const char * const *
ws_case_get_exploitation (WsCase *self)
{
  g_return_val_if_fail (WS_IS_CASE (self), NULL);
  return (const char * const *) self->exploitation;
}

void
ws_case_set_exploitation (WsCase             *self,
                          const char * const *nicks)
{
  g_return_if_fail (WS_IS_CASE (self));
  set_strv (self, &self->exploitation, nicks, PROP_EXPLOITATION);
}

/**
 * ws_case_get_accused:
 *
 * Returns: (transfer none): labels of the accused, such as "Accused 1"
 */
const char * const *
ws_case_get_accused (WsCase *self)
{
  g_return_val_if_fail (WS_IS_CASE (self), NULL);
  return (const char * const *) self->accused;
}

void
ws_case_set_accused (WsCase             *self,
                     const char * const *labels)
{
  g_return_if_fail (WS_IS_CASE (self));
  set_strv (self, &self->accused, labels, PROP_ACCUSED);
}

guint
ws_case_get_witness_count (WsCase *self)
{
  g_return_val_if_fail (WS_IS_CASE (self), 0);
  return self->witness_count;
}

void
_ws_case_set_witness_count (WsCase *self,
                            guint   count)
{
  if (self->witness_count == count)
    return;
  self->witness_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITNESS_COUNT]);
}

/**
 * ws_case_matches:
 * @folded_query: a query already passed through ws_text_fold()
 *
 * Matches the reference, the court and the prosecutor.
 */
gboolean
ws_case_matches (WsCase     *self,
                 const char *folded_query)
{
  g_return_val_if_fail (WS_IS_CASE (self), FALSE);

  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;
  if (self->search_key == NULL)
    {
      g_autofree char *joined = g_strconcat (self->reference, "\n", self->court, "\n", self->prosecutor, NULL);

      self->search_key = ws_text_fold (joined);
    }
  return strstr (self->search_key, folded_query) != NULL;
}

/**
 * ws_case_validate:
 * @problems: (element-type WsProblem): where to add what is wrong, by field name
 */
void
ws_case_validate (WsCase    *self,
                  GPtrArray *problems)
{
  GDate date;

  g_return_if_fail (WS_IS_CASE (self));

  if (ws_text_is_blank (self->reference))
    ws_problems_add (problems, "reference", _("A case reference is required"));
  if (ws_text_is_blank (self->court))
    ws_problems_add (problems, "court", _("The court is required"));

  if (self->opened_on != NULL)
    {
      if (!ws_time_parse_date (self->opened_on, &date))
        ws_problems_add (problems, "opened_on", _("%s is not a date (use YYYY-MM-DD)"), self->opened_on);
      else
        {
          g_autoptr(GDate) today = ws_time_today ();

          if (g_date_compare (&date, today) > 0)
            ws_problems_add (problems, "opened_on", _("%s is in the future"), self->opened_on);
        }
    }

  for (guint i = 0; self->exploitation[i] != NULL; i++)
    {
      int value;

      if (!ws_enum_from_nick (WS_TYPE_EXPLOITATION, self->exploitation[i], &value))
        ws_problems_add (problems, "exploitation", _("“%s” is not a form of exploitation"), self->exploitation[i]);
    }

  for (guint i = 0; self->accused[i] != NULL; i++)
    {
      g_autofree char *folded = ws_text_fold (self->accused[i]);

      if (ws_text_is_blank (self->accused[i]))
        {
          ws_problems_add (problems, "accused", _("An accused needs a label such as “Accused 1”"));
          return;
        }
      for (guint j = 0; j < i; j++)
        {
          g_autofree char *other = ws_text_fold (self->accused[j]);

          if (g_strcmp0 (g_strstrip (folded), g_strstrip (other)) == 0)
            {
              ws_problems_add (problems, "accused", _("“%s” is listed twice"), self->accused[i]);
              return;
            }
        }
    }
}

/* ------------------------------------------------------------------ */

struct _WsCaseParty
{
  GObject      parent_instance;

  gint64       id;
  gint64       case_id;
  gint64       person_id;
  char        *pseudonym;
  char        *case_reference;
  WsPartyRole  role;
  char        *label;
};

G_DEFINE_FINAL_TYPE (WsCaseParty, ws_case_party, G_TYPE_OBJECT)

enum {
  PARTY_PROP_0,
  PARTY_PROP_PSEUDONYM,
  PARTY_PROP_CASE_REFERENCE,
  PARTY_PROP_ROLE,
  PARTY_PROP_LABEL,
  PARTY_N_PROPS
};

static GParamSpec *party_properties[PARTY_N_PROPS];

static void
ws_case_party_finalize (GObject *object)
{
  WsCaseParty *self = (WsCaseParty *)object;

  g_free (self->pseudonym);
  g_free (self->case_reference);
  g_free (self->label);

  G_OBJECT_CLASS (ws_case_party_parent_class)->finalize (object);
}

static void
ws_case_party_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WsCaseParty *self = WS_CASE_PARTY (object);

  switch (prop_id)
    {
    case PARTY_PROP_PSEUDONYM: g_value_set_string (value, self->pseudonym); break;
    case PARTY_PROP_CASE_REFERENCE: g_value_set_string (value, self->case_reference); break;
    case PARTY_PROP_ROLE: g_value_set_enum (value, self->role); break;
    case PARTY_PROP_LABEL: g_value_set_string (value, self->label); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_case_party_class_init (WsCasePartyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ws_case_party_finalize;
  object_class->get_property = ws_case_party_get_property;

  party_properties[PARTY_PROP_PSEUDONYM] = g_param_spec_string ("pseudonym", NULL, NULL, NULL, ro);
  party_properties[PARTY_PROP_CASE_REFERENCE] = g_param_spec_string ("case-reference", NULL, NULL, NULL, ro);
  party_properties[PARTY_PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, WS_TYPE_PARTY_ROLE, WS_PARTY_ROLE_VICTIM_WITNESS, ro);
  party_properties[PARTY_PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, PARTY_N_PROPS, party_properties);
}

static void
ws_case_party_init (WsCaseParty *self)
{
}

WsCaseParty *
_ws_case_party_new (gint64       id,
                    gint64       case_id,
                    gint64       person_id,
                    const char  *pseudonym,
                    const char  *case_reference,
                    WsPartyRole  role,
                    const char  *label)
{
  WsCaseParty *self = g_object_new (WS_TYPE_CASE_PARTY, NULL);

  self->id = id;
  self->case_id = case_id;
  self->person_id = person_id;
  self->pseudonym = g_strdup (pseudonym);
  self->case_reference = g_strdup (case_reference);
  self->role = role;
  self->label = g_strdup (label);
  return self;
}

gint64
ws_case_party_get_id (WsCaseParty *self)
{
  g_return_val_if_fail (WS_IS_CASE_PARTY (self), 0);
  return self->id;
}

gint64
ws_case_party_get_case_id (WsCaseParty *self)
{
  g_return_val_if_fail (WS_IS_CASE_PARTY (self), 0);
  return self->case_id;
}

gint64
ws_case_party_get_person_id (WsCaseParty *self)
{
  g_return_val_if_fail (WS_IS_CASE_PARTY (self), 0);
  return self->person_id;
}

const char *
ws_case_party_get_pseudonym (WsCaseParty *self)
{
  g_return_val_if_fail (WS_IS_CASE_PARTY (self), NULL);
  return self->pseudonym;
}

const char *
ws_case_party_get_case_reference (WsCaseParty *self)
{
  g_return_val_if_fail (WS_IS_CASE_PARTY (self), NULL);
  return self->case_reference;
}

WsPartyRole
ws_case_party_get_role (WsCaseParty *self)
{
  g_return_val_if_fail (WS_IS_CASE_PARTY (self), WS_PARTY_ROLE_WITNESS);
  return self->role;
}

const char *
ws_case_party_get_label (WsCaseParty *self)
{
  g_return_val_if_fail (WS_IS_CASE_PARTY (self), NULL);
  return self->label;
}
