/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-enums.h"
#include "ws-types.h"

const char *
ws_role_get_label (WsRole role)
{
  switch (role)
    {
    case WS_ROLE_OFFICER: return _("Liaison officer");
    case WS_ROLE_PROSECUTOR: return _("Prosecutor");
    case WS_ROLE_INTERPRETER: return _("Interpreter");
    case WS_ROLE_ADMINISTRATOR: return _("Administrator");
    default: return _("Unknown role");
    }
}

const char *
ws_gender_get_label (WsGender gender)
{
  switch (gender)
    {
    case WS_GENDER_FEMALE: return _("Female");
    case WS_GENDER_MALE: return _("Male");
    case WS_GENDER_NON_BINARY: return _("Non-binary");
    case WS_GENDER_SELF_DESCRIBED: return _("Self-described");
    case WS_GENDER_PREFER_NOT_TO_SAY: return _("Prefers not to say");
    case WS_GENDER_UNSPECIFIED:
    default: return _("Not recorded");
    }
}

const char *
ws_interpreter_gender_get_label (WsInterpreterGender gender)
{
  switch (gender)
    {
    case WS_INTERPRETER_GENDER_FEMALE: return _("Female interpreter");
    case WS_INTERPRETER_GENDER_MALE: return _("Male interpreter");
    case WS_INTERPRETER_GENDER_ANY:
    default: return _("No preference");
    }
}

const char *
ws_vulnerability_get_label (WsVulnerability flag)
{
  switch (flag)
    {
    case WS_VULNERABILITY_DISABILITY: return _("Disability");
    case WS_VULNERABILITY_HEALTH: return _("Serious health condition");
    case WS_VULNERABILITY_PREGNANT: return _("Pregnant");
    case WS_VULNERABILITY_TRAUMA: return _("Severe trauma");
    case WS_VULNERABILITY_INTIMIDATED: return _("Intimidated witness");
    case WS_VULNERABILITY_LITERACY: return _("Limited literacy");
    case WS_VULNERABILITY_DEPENDANTS: return _("Dependent children");
    case WS_VULNERABILITY_IRREGULAR_STATUS: return _("Irregular migration status");
    case WS_VULNERABILITY_NONE:
    default: return _("None");
    }
}

const char *
ws_age_status_get_label (WsAgeStatus status)
{
  switch (status)
    {
    case WS_AGE_STATUS_PRESUMED_CHILD: return _("Presumed child (age not assessed)");
    case WS_AGE_STATUS_CHILD: return _("Child");
    case WS_AGE_STATUS_ADULT:
    default: return _("Adult");
    }
}

const char *
ws_risk_level_get_label (WsRiskLevel level)
{
  switch (level)
    {
    case WS_RISK_LEVEL_LOW: return _("Low");
    case WS_RISK_LEVEL_MEDIUM: return _("Medium");
    case WS_RISK_LEVEL_HIGH: return _("High");
    case WS_RISK_LEVEL_UNKNOWN:
    default: return _("Not assessed");
    }
}

const char *
ws_phase_get_label (WsPhase phase)
{
  switch (phase)
    {
    case WS_PHASE_INITIAL: return _("Initial protection");
    case WS_PHASE_INVESTIGATION: return _("Investigation and case preparation");
    case WS_PHASE_TRIAL: return _("Trial");
    case WS_PHASE_POST_TRIAL: return _("Post-trial");
    case WS_PHASE_SUSTAINABLE: return _("Sustainable solutions");
    default: return _("Unknown phase");
    }
}

const char *
ws_person_status_get_label (WsPersonStatus status)
{
  return status == WS_PERSON_STATUS_CLOSED ? _("Closed") : _("Active");
}

const char *
ws_case_stage_get_label (WsCaseStage stage)
{
  switch (stage)
    {
    case WS_CASE_STAGE_INVESTIGATION: return _("Investigation");
    case WS_CASE_STAGE_PRE_TRIAL: return _("Pre-trial");
    case WS_CASE_STAGE_TRIAL: return _("Trial");
    case WS_CASE_STAGE_VERDICT: return _("Verdict given");
    case WS_CASE_STAGE_APPEAL: return _("Appeal");
    case WS_CASE_STAGE_CLOSED: return _("Closed");
    default: return _("Unknown stage");
    }
}

const char *
ws_party_role_get_label (WsPartyRole role)
{
  switch (role)
    {
    case WS_PARTY_ROLE_VICTIM_WITNESS: return _("Victim and witness");
    case WS_PARTY_ROLE_WITNESS: return _("Witness");
    case WS_PARTY_ROLE_VICTIM: return _("Victim, not testifying");
    default: return _("Unknown role");
    }
}

const char *
ws_exploitation_get_label (WsExploitation form)
{
  switch (form)
    {
    case WS_EXPLOITATION_SEXUAL: return _("Sexual exploitation");
    case WS_EXPLOITATION_LABOUR: return _("Forced labour");
    case WS_EXPLOITATION_DOMESTIC_SERVITUDE: return _("Domestic servitude");
    case WS_EXPLOITATION_FORCED_BEGGING: return _("Forced begging");
    case WS_EXPLOITATION_FORCED_CRIMINALITY: return _("Forced criminality");
    case WS_EXPLOITATION_FORCED_MARRIAGE: return _("Forced marriage");
    case WS_EXPLOITATION_ORGAN_REMOVAL: return _("Organ removal");
    case WS_EXPLOITATION_OTHER:
    default: return _("Other exploitation");
    }
}

gboolean
ws_role_can_read_identity (WsRole role)
{
  return ws_role_may (role, WS_PERMISSION_READ_IDENTITY);
}

const char *
ws_enum_to_nick (GType type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  /* Enum classes stay alive for the program's lifetime once referenced,
   * so the nick outlives the class reference dropped here. */
  return v != NULL ? v->value_nick : NULL;
}

gboolean
ws_enum_from_nick (GType       type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;

  *value = v->value;
  return TRUE;
}

char *
ws_flags_to_nicks (GType type,
                   guint value)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      GFlagsValue *v = &klass->values[i];

      if (v->value == 0 || (value & v->value) != v->value)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, v->value_nick);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
ws_flags_from_nicks (GType       type,
                     const char *nicks,
                     guint      *value)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
  g_auto(GStrv) parts = NULL;
  guint result = 0;

  g_return_val_if_fail (value != NULL, FALSE);

  parts = g_strsplit (nicks != NULL ? nicks : "", ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *nick = g_strstrip (parts[i]);
      GFlagsValue *v;

      if (*nick == '\0')
        continue;
      v = g_flags_get_value_by_nick (klass, nick);
      if (v == NULL)
        return FALSE;
      result |= v->value;
    }

  *value = result;
  return TRUE;
}
