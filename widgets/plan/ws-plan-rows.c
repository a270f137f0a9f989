/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-plan-rows"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-plan-rows.h"
#include "ws-plan-util.h"

/* How each record of a plan reads in a list: the title says what it is,
 * the subtitle its dates and people, a suffix its state. */

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* Activating the row runs @action for the record @id. */
static void
open_with (GtkWidget  *row,
           const char *action,
           gint64      id)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static GtkWidget *
tag (const char *text,
     const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "plan-tag");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

/* Joins the non-empty parts with " · ". */
static char *
join_parts (const char *first,
            ...)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *part = first;
  va_list args;

  va_start (args, first);
  for (; part != (const char *) 1; part = va_arg (args, const char *))
    if (part != NULL && *part != '\0')
      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", part);
  va_end (args);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define END ((const char *) 1)

GtkWidget *
ws_plan_phase_row (WsPhaseChange *change,
                   gboolean       current)
{
  GDateTime *began = ws_phase_change_get_began_at (change);
  g_autoptr(GDateTime) local = began != NULL ? g_date_time_to_local (began) : NULL;
  /* Translators: a g_date_time_format() string for when a phase began */
  g_autofree char *when = local != NULL ? g_date_time_format (local, _("%-d %b %Y, %H:%M")) : NULL;
  /* Translators: who moved a plan to a phase */
  g_autofree char *who = g_strdup_printf (_("moved by %s"), ws_phase_change_get_moved_by (change));
  g_autofree char *subtitle = join_parts (when, who, ws_phase_change_get_note (change), END);
  GtkWidget *row = new_row (ws_phase_get_label (ws_phase_change_get_phase (change)), subtitle);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (current ? "media-record-symbolic" : "emblem-ok-symbolic"));
  if (ws_phase_change_get_assessment_due (change))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Risk assessment due"), "warning"));
  else if (current)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Current"), "accent"));
  return row;
}

GtkWidget *
ws_plan_item_row (WsSupportItem *item,
                  const GDate   *today)
{
  g_autofree char *due = ws_plan_format_date (ws_support_item_get_due_on (item));
  /* Translators: %s is a date */
  g_autofree char *due_text = due != NULL ? g_strdup_printf (_("due %s"), due) : NULL;
  g_autofree char *subtitle = join_parts (ws_phase_get_label (ws_support_item_get_phase (item)),
                                          ws_item_consent_get_label (ws_support_item_get_consent (item)),
                                          ws_support_item_get_agency_name (item), ws_support_item_get_owner (item),
                                          due_text, END);
  GtkWidget *row = new_row (ws_support_item_get_need_title (item), subtitle);
  WsItemStatus status = ws_support_item_get_status (item);

  if (ws_support_item_is_overdue (item, today))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Overdue"), "error"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             tag (ws_item_status_get_label (status), status == WS_ITEM_STATUS_DONE ? "success" : "dim-label"));
  open_with (row, "plan.edit-item", ws_support_item_get_id (item));
  return row;
}

GtkWidget *
ws_plan_checklist_row (WsChecklistItem *item,
                       gboolean         can_edit)
{
  WsChecklistState state = ws_checklist_item_get_state (item);
  gint64 id = ws_checklist_item_get_id (item);
  g_autofree char *done_on = ws_plan_format_date (ws_checklist_item_get_done_on (item));
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *check;

  if (state == WS_CHECKLIST_STATE_DONE)
    /* Translators: a date, then who ticked the item */
    subtitle = g_strdup_printf (_("Done %s by %s"), done_on != NULL ? done_on : "", ws_checklist_item_get_done_by (item));
  else if (state == WS_CHECKLIST_STATE_NOT_APPLICABLE)
    /* Translators: why a checklist item does not apply, then who said so */
    subtitle = g_strdup_printf (_("Not applicable: %s (%s)"), ws_checklist_item_get_reason (item),
                                ws_checklist_item_get_done_by (item));
  row = new_row (ws_checklist_item_get_title (item), subtitle);

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), state == WS_CHECKLIST_STATE_DONE);
  gtk_widget_set_sensitive (check, can_edit && state != WS_CHECKLIST_STATE_NOT_APPLICABLE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ws_checklist_item_get_title (item), -1);
  /* The toggle asks; the page's action writes, and the reload shows it. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (check),
                                  state == WS_CHECKLIST_STATE_DONE ? "plan.reopen-check" : "plan.tick-check");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (check), "x", id);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  if (state == WS_CHECKLIST_STATE_NOT_APPLICABLE)
    {
      gtk_widget_add_css_class (row, "dim-label");
      if (can_edit)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   icon_button ("edit-undo-symbolic", _("Applies after all: reopen"), "plan.reopen-check", id));
    }
  else if (state == WS_CHECKLIST_STATE_OPEN && can_edit)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("action-unavailable-symbolic", _("Does not apply…"), "plan.not-applicable", id));
  return row;
}

/**
 * ws_plan_track_row:
 * @items: (element-type WsChecklistItem): the track's items
 *
 * Returns: (transfer floating): the track's header; its items are added
 *   with ws_plan_checklist_row()
 */
GtkWidget *
ws_plan_track_row (WsTrack    track,
                   GPtrArray *items)
{
  GtkWidget *row = adw_expander_row_new ();
  guint settled = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < items->len; i++)
    if (ws_checklist_item_get_state (g_ptr_array_index (items, i)) != WS_CHECKLIST_STATE_OPEN)
      settled++;
  /* Translators: checklist progress, e.g. "3 of 8 settled" */
  subtitle = g_strdup_printf (ngettext ("%u of %u settled", "%u of %u settled", items->len), settled, items->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ws_track_get_label (track));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (settled == items->len)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag (_("Complete"), "success"));
  return row;
}

GtkWidget *
ws_plan_consent_row (WsConsent   *consent,
                     const GDate *today,
                     gboolean     can_edit)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", ws_consent_get_recipient (consent), ws_consent_get_purpose (consent));
  g_autofree char *given = ws_plan_format_date (ws_consent_get_given_on (consent));
  g_autofree char *expires = ws_plan_format_date (ws_consent_get_expires_on (consent));
  g_autofree char *withdrawn = ws_plan_format_date (ws_consent_get_withdrawn_on (consent));
  /* Translators: %s is a date */
  g_autofree char *given_text = g_strdup_printf (_("given %s"), given != NULL ? given : "?");
  g_autofree char *expires_text = expires != NULL ? g_strdup_printf (_("expires %s"), expires) : g_strdup (_("no expiry"));
  g_autofree char *withdrawn_text = withdrawn != NULL ? g_strdup_printf (_("withdrawn %s"), withdrawn) : NULL;
  g_autofree char *subtitle = join_parts (given_text, expires_text, withdrawn_text, END);
  GtkWidget *row = new_row (title, subtitle);
  gboolean valid = ws_consent_is_valid_on (consent, today);

  if (withdrawn != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Withdrawn"), "dim-label"));
  else if (valid)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Valid"), "success"));
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Not valid today"), "warning"));
  if (withdrawn == NULL && can_edit)
    {
      GtkWidget *withdraw = gtk_button_new_with_mnemonic (_("_Withdraw…"));

      gtk_widget_set_valign (withdraw, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (withdraw, "flat");
      gtk_widget_set_tooltip_text (withdraw, _("Record that the witness withdrew this consent today"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (withdraw), "plan.withdraw-consent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (withdraw), "x", ws_consent_get_id (consent));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), withdraw);
    }
  open_with (row, "plan.edit-consent", ws_consent_get_id (consent));
  return row;
}

GtkWidget *
ws_plan_referral_row (WsReferral *referral)
{
  g_autofree char *on = ws_plan_format_date (ws_referral_get_referred_on (referral));
  g_autofree char *subtitle = join_parts (ws_referral_get_purpose (referral), on, END);
  GtkWidget *row = new_row (ws_referral_get_agency_name (referral), subtitle);

  if (ws_referral_get_consent_id (referral) == 0)
    {
      /* Translators: the reason given for referring without consent */
      g_autofree char *why = g_strdup_printf (_("Referred without consent: %s"), ws_referral_get_override (referral));
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_free (subtitle);
      subtitle = join_parts (ws_referral_get_purpose (referral), on, why, END);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "override");
    }
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Covered by consent"), "success"));
  return row;
}

/* @can_edit: whether the row opens the assessment; a role that may only
 * read it (a prosecutor) gets a plain row, not a greyed one. */
GtkWidget *
ws_plan_risk_row (WsRiskAssessment *assessment,
                  gboolean          can_edit)
{
  WsRiskLevel level = ws_risk_assessment_get_level (assessment);
  g_autofree char *on = ws_plan_format_date (ws_risk_assessment_get_assessed_on (assessment));
  g_autofree char *next = ws_plan_format_date (ws_risk_assessment_get_next_review (assessment));
  /* Translators: who assessed the risk */
  g_autofree char *by = g_strdup_printf (_("by %s"), ws_risk_assessment_get_assessed_by (assessment));
  /* Translators: %s is a date */
  g_autofree char *next_text = next != NULL ? g_strdup_printf (_("next review %s"), next) : NULL;
  g_autofree char *subtitle = join_parts (on, by, next_text, ws_risk_assessment_get_threats (assessment), END);
  GtkWidget *row = new_row (ws_risk_level_get_label (level), subtitle);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (level == WS_RISK_LEVEL_HIGH)
    gtk_widget_add_css_class (row, "risk-high");
  if (can_edit)
    open_with (row, "plan.edit-risk", ws_risk_assessment_get_id (assessment));
  return row;
}

GtkWidget *
ws_plan_reflection_row (WsReflectionPeriod *period,
                        const GDate        *today)
{
  g_autofree char *ends_on = ws_reflection_period_dup_ends_on (period);
  g_autofree char *start = ws_plan_format_date (ws_reflection_period_get_starts_on (period));
  g_autofree char *end = ws_plan_format_date (ends_on);
  guint days = ws_reflection_period_get_days (period);
  /* Translators: first day – last day (length), e.g. "1 Mar 2026 – 29 Apr 2026 (60 days)" */
  g_autofree char *title = g_strdup_printf (ngettext ("%s – %s (%u day)", "%s – %s (%u days)", days),
                                            start != NULL ? start : "?", end != NULL ? end : "?", days);
  GtkWidget *row = new_row (title, ws_visa_status_get_label (ws_reflection_period_get_visa_status (period)));
  int left = ws_reflection_period_get_days_left (period, today);

  if (left > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%d day left", "%d days left", left), left);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (text, left <= 7 ? "warning" : "accent"));
    }
  else if (left == 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Ended"), "dim-label"));
  open_with (row, "plan.edit-reflection", ws_reflection_period_get_id (period));
  return row;
}

GtkWidget *
ws_plan_info_row (WsInformationGiven *info)
{
  g_autofree char *on = ws_plan_format_date (ws_information_given_get_given_on (info));
  g_autofree char *subtitle = join_parts (on, ws_information_given_get_language (info),
                                          ws_information_mode_get_label (ws_information_given_get_mode (info)), END);
  GtkWidget *row = new_row (ws_information_given_get_topic (info), subtitle);

  open_with (row, "plan.edit-information", ws_information_given_get_id (info));
  return row;
}

/* @can_edit: as for ws_plan_risk_row() */
GtkWidget *
ws_plan_benefit_row (WsBenefit *benefit,
                     gboolean   can_edit)
{
  g_autofree char *on = ws_plan_format_date (ws_benefit_get_given_on (benefit));
  g_autofree char *amount = ws_money_format (ws_benefit_get_amount_minor (benefit), ws_benefit_get_currency (benefit));
  g_autofree char *subtitle = join_parts (on, ws_benefit_get_reason (benefit), END);
  GtkWidget *row = new_row (ws_benefit_get_kind (benefit), subtitle);
  GtkWidget *amount_label = gtk_label_new (amount);

  gtk_widget_add_css_class (amount_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount_label);
  if (ws_benefit_get_disclosable (benefit))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Disclosable"), "accent"));
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Not disclosable"), "warning"));
  if (can_edit)
    open_with (row, "plan.edit-benefit", ws_benefit_get_id (benefit));
  return row;
}

static void
add_fact (GtkWidget  *expander,
          const char *title,
          const char *value)
{
  GtkWidget *row = new_row (title, value != NULL && *value != '\0' ? value : _("Not recorded"));

  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

/**
 * ws_plan_outcome_row:
 * @verdict: (nullable): the case's verdict, read-only here
 */
GtkWidget *
ws_plan_outcome_row (WsPartyOutcome *outcome,
                     WsVerdict      *verdict,
                     gboolean        can_edit)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *title = g_strdup_printf ("%s — %s", ws_party_outcome_get_case_reference (outcome),
                                            ws_party_outcome_get_label (outcome));
  g_autofree char *verdict_on = ws_plan_format_date (ws_party_outcome_get_verdict_on (outcome));
  g_autofree char *told = ws_plan_format_date (ws_party_outcome_get_outcome_told_on (outcome));
  /* Translators: %s is a date */
  g_autofree char *subtitle = verdict_on != NULL ? g_strdup_printf (_("Verdict given %s"), verdict_on)
                                                 : g_strdup (_("No verdict yet"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (verdict_on != NULL && told == NULL)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag (_("Outcome not told"), "warning"));
  if (can_edit)
    {
      GtkWidget *edit = icon_button ("document-edit-symbolic", _("Record what the witness was told…"),
                                     "plan.edit-outcome", ws_party_outcome_get_party_id (outcome));

      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), edit);
    }

  if (verdict != NULL)
    {
      int months = ws_verdict_get_sentence_months (verdict);
      g_autofree char *months_text = months >= 0 ? g_strdup_printf (ngettext ("%d month", "%d months", months), months) : NULL;
      g_autofree char *sentence = join_parts (ws_verdict_get_sentence (verdict), months_text, END);
      g_autofree char *release = ws_plan_format_date (ws_verdict_get_release_on (verdict));
      g_autofree char *appeal = ws_plan_format_date (ws_verdict_get_appeal_by (verdict));

      add_fact (row, _("Outcome (from the case)"), ws_verdict_get_outcome (verdict));
      add_fact (row, _("Sentence"), sentence);
      add_fact (row, _("Offender’s Release"), release);
      add_fact (row, _("Appeal Deadline"), appeal);
    }
  add_fact (row, _("Outcome Told to the Witness"), told);
  add_fact (row, _("Victim Impact Statement"),
            ws_impact_statement_get_label (ws_party_outcome_get_impact_statement (outcome)));
  return row;
}

GtkWidget *
ws_plan_claim_row (WsCompensationClaim *claim)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", ws_claim_head_get_label (ws_compensation_claim_get_head (claim)),
                                            ws_claim_route_get_label (ws_compensation_claim_get_route (claim)));
  const char *currency = ws_compensation_claim_get_currency (claim);
  g_autofree char *claimed = ws_money_format (ws_compensation_claim_get_claimed_minor (claim), currency);
  gint64 awarded_minor = ws_compensation_claim_get_awarded_minor (claim);
  g_autofree char *awarded = awarded_minor >= 0 ? ws_money_format (awarded_minor, currency) : NULL;
  /* Translators: an amount of money */
  g_autofree char *claimed_text = g_strdup_printf (_("claimed %s"), claimed);
  g_autofree char *awarded_text = awarded != NULL ? g_strdup_printf (_("awarded %s"), awarded) : NULL;
  g_autofree char *subtitle = join_parts (ws_compensation_claim_get_case_reference (claim), claimed_text,
                                          awarded_text, END);
  GtkWidget *row = new_row (title, subtitle);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             tag (ws_claim_status_get_label (ws_compensation_claim_get_status (claim)), "dim-label"));
  open_with (row, "plan.edit-claim", ws_compensation_claim_get_id (claim));
  return row;
}

/**
 * ws_plan_message_row:
 *
 * Returns: (transfer floating): a row saying why a list is empty or
 *   could not be read
 */
GtkWidget *
ws_plan_message_row (const char *title,
                     const char *message)
{
  GtkWidget *row = new_row (title, message);

  gtk_widget_add_css_class (row, "dim-label");
  return row;
}
