/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-plan-editors"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-plan-editors.h"
#include "ws-store.h"
#include "ws-time.h"

/* Which fields each plan record has, in the order the officer fills them,
 * and the problem name the data layer gives each. */

#define N_ENUM(last) ((guint) (last) + 1)

static gboolean
is_new (gpointer record)
{
  gint64 id = 0;

  g_object_get (record, "id", &id, NULL);
  return id == 0;
}

/* New records start on today, as most are written the day they happen. */
static void
default_today (gpointer    record,
               const char *property)
{
  g_autofree char *current = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *text = NULL;

  g_object_get (record, property, &current, NULL);
  if (current != NULL && *current != '\0')
    return;
  today = ws_time_today ();
  text = ws_time_format_date (today);
  g_object_set (record, property, text, NULL);
}

static void
default_text (gpointer    record,
              const char *property,
              const char *value)
{
  g_autofree char *current = NULL;

  g_object_get (record, property, &current, NULL);
  if (current == NULL || *current == '\0')
    g_object_set (record, property, value, NULL);
}

static WsRecordEditor *
open_editor (GtkWindow          *parent,
             WsDatabase         *db,
             const char         *add_title,
             const char         *edit_title,
             gpointer            record,
             const WsFieldSpec  *fields,
             guint               n_fields,
             gpointer            check,
             gpointer            save)
{
  return ws_record_editor_new (parent, db, is_new (record) ? add_title : edit_title, NULL, record,
                               fields, n_fields, (WsRecordCheckFunc) check, (WsRecordSaveFunc) save);
}

/* The agency directory as choices; @none_label first when given. */
static void
set_agency_choices (WsRecordEditor *editor,
                    WsDatabase     *db,
                    const char     *property,
                    const char     *none_label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = ws_database_list_agencies (db, &error);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;

  if (none_label != NULL)
    {
      g_strv_builder_add (labels, none_label);
      g_array_append_val (ids, none);
    }
  if (agencies == NULL)
    ws_record_editor_set_note (editor, error->message, TRUE);
  for (guint i = 0; agencies != NULL && i < agencies->len; i++)
    {
      WsAgency *agency = g_ptr_array_index (agencies, i);
      gint64 id = ws_agency_get_id (agency);

      g_strv_builder_add (labels, ws_agency_get_name (agency));
      g_array_append_val (ids, id);
    }
  ws_record_editor_set_choices (editor, property, g_strv_builder_end (labels), ids, NULL);
}

static const WsFieldSpec support_item_fields[] = {
  { WS_FIELD_CHOICE, "need-code", N_("Need or Service"), "need" },
  { WS_FIELD_ENUM, "phase", N_("Phase"), "phase", NULL, (WsLabelFunc) ws_phase_get_label, N_ENUM (WS_PHASE_SUSTAINABLE) },
  { WS_FIELD_DATE, "offered-on", N_("Offered On"), "offered-on" },
  { WS_FIELD_ENUM, "consent", N_("Witness’s Answer"), "consent", NULL, (WsLabelFunc) ws_item_consent_get_label,
    N_ENUM (WS_ITEM_CONSENT_DECLINED) },
  { WS_FIELD_CHOICE, "agency-id", N_("Provider"), "agency", NULL, NULL, 0, 0, TRUE },
  { WS_FIELD_TEXT, "owner", N_("Owner"), "owner" },
  { WS_FIELD_DATE, "due-on", N_("Due On"), "due-on" },
  { WS_FIELD_ENUM, "status", N_("Status"), "status", NULL, (WsLabelFunc) ws_item_status_get_label,
    N_ENUM (WS_ITEM_STATUS_CANCELLED) },
  { WS_FIELD_NOTES, "notes", N_("Notes"), "notes" },
};

/* The pickers show translated titles; the tables keep them untranslated. */
static WsFieldSpec *
translate_fields (const WsFieldSpec *fields,
                  guint              n_fields)
{
  WsFieldSpec *copy = g_memdup2 (fields, sizeof *fields * n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      copy[i].title = _(fields[i].title);
      copy[i].subtitle = fields[i].subtitle != NULL ? _(fields[i].subtitle) : NULL;
    }
  return copy;
}

static WsRecordEditor *
open_translated (GtkWindow          *parent,
                 WsDatabase         *db,
                 const char         *add_title,
                 const char         *edit_title,
                 gpointer            record,
                 const WsFieldSpec  *fields,
                 guint               n_fields,
                 gpointer            check,
                 gpointer            save)
{
  WsFieldSpec *translated = translate_fields (fields, n_fields);
  WsRecordEditor *editor = open_editor (parent, db, add_title, edit_title, record, translated, n_fields,
                                        check, save);

  /* The editor reads the specs as long as it lives. */
  g_object_set_data_full (G_OBJECT (editor), "ws-field-specs", translated, g_free);
  return editor;
}

static void
set_need_choices (WsRecordEditor *editor,
                  WsDatabase     *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) needs = ws_database_list_needs (db, &error);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  g_strv_builder_add (labels, _("Choose from the catalogue"));
  g_strv_builder_add (codes, "");
  if (needs == NULL)
    ws_record_editor_set_note (editor, error->message, TRUE);
  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      WsNeed *need = g_ptr_array_index (needs, i);
      /* Translators: a catalogue category, then a need, e.g. "Health: Dental care" */
      g_autofree char *label = g_strdup_printf (_("%s: %s"), ws_need_category_get_label (ws_need_get_category (need)),
                                                ws_need_get_title (need));

      g_strv_builder_add (labels, label);
      g_strv_builder_add (codes, ws_need_get_code (need));
    }
  ws_record_editor_set_choices (editor, "need-code", g_strv_builder_end (labels), NULL, g_strv_builder_end (codes));
}

WsRecordEditor *
ws_plan_edit_support_item (GtkWindow     *parent,
                           WsDatabase    *db,
                           WsSupportItem *item)
{
  WsRecordEditor *editor;

  g_return_val_if_fail (WS_IS_SUPPORT_ITEM (item), NULL);

  if (is_new (item))
    {
      default_today (item, "offered-on");
      default_text (item, "owner", ws_database_get_actor_name (db));
    }
  editor = open_translated (parent, db, _("Add a Need or Service"), _("Edit Need or Service"), item,
                            support_item_fields, G_N_ELEMENTS (support_item_fields),
                            ws_database_check_support_item, ws_database_save_support_item);
  set_need_choices (editor, db);
  set_agency_choices (editor, db, "agency-id", _("No provider yet"));
  return editor;
}

static const WsFieldSpec consent_fields[] = {
  { WS_FIELD_TEXT, "recipient", N_("Recipient (the agency or person)"), "recipient" },
  { WS_FIELD_TEXT, "purpose", N_("Purpose"), "purpose" },
  { WS_FIELD_DATE, "given-on", N_("Given On"), "given-on" },
  { WS_FIELD_DATE, "expires-on", N_("Expires On (optional)"), "expires-on" },
  { WS_FIELD_DATE, "withdrawn-on", N_("Withdrawn On (optional)"), "withdrawn-on" },
  { WS_FIELD_NOTES, "notes", N_("Notes"), "notes" },
};

WsRecordEditor *
ws_plan_edit_consent (GtkWindow  *parent,
                      WsDatabase *db,
                      WsConsent  *consent)
{
  WsRecordEditor *editor;

  g_return_val_if_fail (WS_IS_CONSENT (consent), NULL);

  if (is_new (consent))
    default_today (consent, "given-on");
  editor = open_translated (parent, db, _("Record Consent"), _("Edit Consent"), consent,
                            consent_fields, G_N_ELEMENTS (consent_fields),
                            ws_database_check_consent, ws_database_save_consent);
  ws_record_editor_set_note (editor, _("Share only with consent, only with as few people as possible, only what they need. "
                                       "A referral is covered when the recipient is the agency’s name and the purpose matches."),
                             FALSE);
  return editor;
}

static const WsFieldSpec referral_fields[] = {
  { WS_FIELD_CHOICE, "agency-id", N_("Agency"), "agency" },
  { WS_FIELD_TEXT, "purpose", N_("Purpose"), "purpose" },
  { WS_FIELD_DATE, "referred-on", N_("Referred On"), "referred-on" },
  { WS_FIELD_TEXT, "override", N_("Reason to Refer Without Consent (only if none covers it)"), "consent" },
};

WsRecordEditor *
ws_plan_edit_referral (GtkWindow  *parent,
                       WsDatabase *db,
                       WsReferral *referral)
{
  WsRecordEditor *editor;

  g_return_val_if_fail (WS_IS_REFERRAL (referral), NULL);

  default_today (referral, "referred-on");
  editor = open_translated (parent, db, _("Refer to an Agency"), _("Referral"), referral,
                            referral_fields, G_N_ELEMENTS (referral_fields),
                            ws_database_check_referral, ws_database_save_referral);
  ws_record_editor_set_note (editor, _("A referral is refused unless a valid consent covers the agency and purpose "
                                       "on that day. Overriding needs a written reason and is recorded in the audit trail."),
                             TRUE);
  set_agency_choices (editor, db, "agency-id", _("Choose an agency"));
  return editor;
}

static const WsFieldSpec risk_fields[] = {
  { WS_FIELD_DATE, "assessed-on", N_("Assessed On"), "assessed-on" },
  { WS_FIELD_ENUM, "level", N_("Level"), "level", NULL, (WsLabelFunc) ws_risk_level_get_label,
    N_ENUM (WS_RISK_LEVEL_HIGH), WS_RISK_LEVEL_LOW },
  { WS_FIELD_TEXT, "assessed-by", N_("Assessed By"), "assessed-by" },
  { WS_FIELD_DATE, "next-review", N_("Next Review (optional)"), "next-review" },
  { WS_FIELD_NOTES, "threats", N_("Threats"), "threats" },
};

WsRecordEditor *
ws_plan_edit_risk (GtkWindow        *parent,
                   WsDatabase       *db,
                   WsRiskAssessment *assessment)
{
  g_return_val_if_fail (WS_IS_RISK_ASSESSMENT (assessment), NULL);

  if (is_new (assessment))
    {
      default_today (assessment, "assessed-on");
      default_text (assessment, "assessed-by", ws_database_get_actor_name (db));
    }
  return open_translated (parent, db, _("Assess the Risk"), _("Edit Risk Assessment"), assessment,
                          risk_fields, G_N_ELEMENTS (risk_fields),
                          ws_database_check_risk_assessment, ws_database_save_risk_assessment);
}

static const WsFieldSpec reflection_fields[] = {
  { WS_FIELD_DATE, "starts-on", N_("Starts On"), "starts-on" },
  { WS_FIELD_DAYS, "days", N_("Length in Days"), "days", N_("Typically 30 to 90 days") },
  { WS_FIELD_ENUM, "visa-status", N_("Temporary Visa"), "visa-status", NULL, (WsLabelFunc) ws_visa_status_get_label,
    N_ENUM (WS_VISA_STATUS_EXPIRED) },
};

WsRecordEditor *
ws_plan_edit_reflection (GtkWindow          *parent,
                         WsDatabase         *db,
                         WsReflectionPeriod *period)
{
  g_return_val_if_fail (WS_IS_REFLECTION_PERIOD (period), NULL);

  if (is_new (period))
    default_today (period, "starts-on");
  return open_translated (parent, db, _("Start a Reflection Period"), _("Edit Reflection Period"), period,
                          reflection_fields, G_N_ELEMENTS (reflection_fields),
                          ws_database_check_reflection_period, ws_database_save_reflection_period);
}

static const WsFieldSpec information_fields[] = {
  { WS_FIELD_DATE, "given-on", N_("Told On"), "given-on" },
  { WS_FIELD_TEXT, "topic", N_("What the Witness Was Told"), "topic" },
  { WS_FIELD_TEXT, "language", N_("Language"), "language" },
  { WS_FIELD_ENUM, "mode", N_("How"), "mode", NULL, (WsLabelFunc) ws_information_mode_get_label,
    N_ENUM (WS_INFORMATION_MODE_ORAL_AND_WRITTEN) },
  { WS_FIELD_NOTES, "notes", N_("Notes"), "notes" },
};

WsRecordEditor *
ws_plan_edit_information (GtkWindow          *parent,
                          WsDatabase         *db,
                          WsInformationGiven *info)
{
  g_return_val_if_fail (WS_IS_INFORMATION_GIVEN (info), NULL);

  if (is_new (info))
    default_today (info, "given-on");
  return open_translated (parent, db, _("Log Information Given"), _("Edit Information Given"), info,
                          information_fields, G_N_ELEMENTS (information_fields),
                          ws_database_check_information, ws_database_save_information);
}

static const WsFieldSpec benefit_fields[] = {
  { WS_FIELD_DATE, "given-on", N_("Given On"), "given-on" },
  { WS_FIELD_TEXT, "kind", N_("Kind (e.g. travel allowance)"), "kind" },
  { WS_FIELD_MONEY, "amount-minor", N_("Amount"), "amount" },
  { WS_FIELD_TEXT, "currency", N_("Currency (e.g. EUR)"), "currency" },
  { WS_FIELD_TEXT, "reason", N_("Reason"), "reason" },
  { WS_FIELD_SWITCH, "disclosable", N_("Disclosable to the Defence"), "disclosable",
    N_("Every benefit may have to be disclosed; switch off only on legal advice") },
};

WsRecordEditor *
ws_plan_edit_benefit (GtkWindow  *parent,
                      WsDatabase *db,
                      WsBenefit  *benefit)
{
  g_return_val_if_fail (WS_IS_BENEFIT (benefit), NULL);

  if (is_new (benefit))
    default_today (benefit, "given-on");
  return open_translated (parent, db, _("Record a Benefit"), _("Edit Benefit"), benefit,
                          benefit_fields, G_N_ELEMENTS (benefit_fields),
                          ws_database_check_benefit, ws_database_save_benefit);
}

static const WsFieldSpec claim_fields[] = {
  { WS_FIELD_CHOICE, "case-id", N_("Case"), "case", NULL, NULL, 0, 0, TRUE },
  { WS_FIELD_ENUM, "head", N_("Head"), "head", NULL, (WsLabelFunc) ws_claim_head_get_label,
    N_ENUM (WS_CLAIM_HEAD_PAIN_AND_SUFFERING) },
  { WS_FIELD_ENUM, "route", N_("Route"), "route", NULL, (WsLabelFunc) ws_claim_route_get_label,
    N_ENUM (WS_CLAIM_ROUTE_TRUST_FUND) },
  { WS_FIELD_MONEY, "claimed-minor", N_("Amount Claimed"), "claimed" },
  { WS_FIELD_MONEY, "awarded-minor", N_("Amount Awarded (when decided)"), "awarded", NULL, NULL, 0, 0, TRUE },
  { WS_FIELD_TEXT, "currency", N_("Currency (e.g. EUR)"), "currency" },
  { WS_FIELD_ENUM, "status", N_("Status"), "status", NULL, (WsLabelFunc) ws_claim_status_get_label,
    N_ENUM (WS_CLAIM_STATUS_PAID) },
};

static void
set_case_choices (WsRecordEditor      *editor,
                  WsDatabase          *db,
                  WsCompensationClaim *claim)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parties = ws_database_list_parties_of_person (db, ws_compensation_claim_get_person_id (claim),
                                                                     &error);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;

  g_strv_builder_add (labels, _("Not tied to a case"));
  g_array_append_val (ids, none);
  if (parties == NULL)
    ws_record_editor_set_note (editor, error->message, TRUE);
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      WsCaseParty *party = g_ptr_array_index (parties, i);
      gint64 id = ws_case_party_get_case_id (party);

      g_strv_builder_add (labels, ws_case_party_get_case_reference (party));
      g_array_append_val (ids, id);
    }
  ws_record_editor_set_choices (editor, "case-id", g_strv_builder_end (labels), ids, NULL);
}

WsRecordEditor *
ws_plan_edit_claim (GtkWindow           *parent,
                    WsDatabase          *db,
                    WsCompensationClaim *claim)
{
  WsRecordEditor *editor;

  g_return_val_if_fail (WS_IS_COMPENSATION_CLAIM (claim), NULL);

  editor = open_translated (parent, db, _("Add a Compensation Claim"), _("Edit Compensation Claim"), claim,
                            claim_fields, G_N_ELEMENTS (claim_fields),
                            ws_database_check_compensation_claim, ws_database_save_compensation_claim);
  set_case_choices (editor, db, claim);
  return editor;
}

static const WsFieldSpec outcome_fields[] = {
  { WS_FIELD_DATE, "outcome-told-on", N_("Outcome Told to the Witness On"), "outcome-told-on" },
  { WS_FIELD_ENUM, "impact-statement", N_("Victim Impact Statement"), "impact-statement", NULL,
    (WsLabelFunc) ws_impact_statement_get_label, N_ENUM (WS_IMPACT_STATEMENT_MADE) },
};

WsRecordEditor *
ws_plan_edit_outcome (GtkWindow      *parent,
                      WsDatabase     *db,
                      WsPartyOutcome *outcome)
{
  WsRecordEditor *editor;
  WsFieldSpec *translated;

  g_return_val_if_fail (WS_IS_PARTY_OUTCOME (outcome), NULL);

  /* Not a record with an id of its own: always an edit of the party. */
  translated = translate_fields (outcome_fields, G_N_ELEMENTS (outcome_fields));
  editor = ws_record_editor_new (parent, db, _("After the Verdict"), ws_party_outcome_get_case_reference (outcome),
                                 outcome, translated, G_N_ELEMENTS (outcome_fields),
                                 (WsRecordCheckFunc) ws_database_check_party_outcome,
                                 (WsRecordSaveFunc) ws_database_save_party_outcome);
  g_object_set_data_full (G_OBJECT (editor), "ws-field-specs", translated, g_free);
  ws_record_editor_set_note (editor, _("Tell the witness the outcome, sentence, release date and appeal options "
                                       "immediately. The impact statement is voluntary and gives no opinion on sentence."),
                             FALSE);
  return editor;
}
