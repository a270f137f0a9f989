/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-plan-dialogs"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-form.h"
#include "ws-plan-dialogs.h"
#include "ws-plan-editors.h"
#include "ws-text.h"

/* The questions a plan asks in passing: which phase to move to (and then
 * whether to re-assess the risk), why a checklist item does not apply,
 * whether to withdraw a consent. Each checks its answer with the data
 * layer while the user types, and offers its button only when valid. */

#define ROW_KEY "ws-dialog-row"
#define NOTE_KEY "ws-dialog-note"

void
ws_plan_show_error (GtkWidget    *source,
                    const GError *error)
{
  if (!gtk_widget_activate_action (source, "win.show-toast", "s", error->message))
    g_warning ("%s", error->message);
}

static GtkWindow *
parent_of (GtkWidget *source)
{
  GtkRoot *root = gtk_widget_get_root (source);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwMessageDialog *
new_dialog (GtkWidget  *source,
            const char *heading,
            const char *body,
            const char *response,
            const char *label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_of (source), heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* The answer is handled after the window is gone, so keep the source. */
  g_object_set_data_full (G_OBJECT (dialog), "ws-source", g_object_ref (source), g_object_unref);
  return dialog;
}

static GtkWidget *
boxed_list (GtkWidget *first,
            GtkWidget *second)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), first);
  if (second != NULL)
    gtk_list_box_append (GTK_LIST_BOX (list), second);
  return list;
}

/* ---- Move to phase ------------------------------------------------ */

static void
risk_answer_cb (AdwMessageDialog *dialog,
                const char       *response,
                WsDatabase       *db)
{
  GtkWidget *source = g_object_get_data (G_OBJECT (dialog), "ws-source");
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "ws-person"));
  g_autoptr(WsRiskAssessment) assessment = NULL;

  if (!g_str_equal (response, "assess"))
    return;
  assessment = ws_risk_assessment_new (person_id);
  gtk_window_present (GTK_WINDOW (ws_plan_edit_risk (parent_of (source), db, assessment)));
}

static void
offer_risk_assessment (GtkWidget     *source,
                       WsDatabase    *db,
                       WsPhaseChange *change)
{
  /* Translators: %s is the phase the plan moved to */
  g_autofree char *body = g_strdup_printf (_("The plan is now in “%s”. A risk assessment is due at every phase change: "
                                             "threats can rise as the proceedings move on."),
                                           ws_phase_get_label (ws_phase_change_get_phase (change)));
  AdwMessageDialog *dialog = new_dialog (source, _("Re-assess the Risk?"), body, "assess", _("_Assess Risk…"));

  adw_message_dialog_set_response_label (dialog, "cancel", _("_Later"));
  g_object_set_data (G_OBJECT (dialog), "ws-person", GSIZE_TO_POINTER (ws_phase_change_get_person_id (change)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (risk_answer_cb), db, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Connected swapped to both a notify and a changed signal: reads only
 * the dialog. */
static void
check_move (AdwMessageDialog *dialog)
{
  WsDatabase *db = g_object_get_data (G_OBJECT (dialog), "ws-db");
  GtkWidget *row = g_object_get_data (G_OBJECT (dialog), ROW_KEY);
  GtkWidget *note = g_object_get_data (G_OBJECT (dialog), NOTE_KEY);
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "ws-person"));
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autofree char *text = ws_form_entry_text (ADW_ENTRY_ROW (note));

  ws_database_check_phase_move (db, person_id, adw_combo_row_get_selected (ADW_COMBO_ROW (row)), text, problems);
  ws_form_set_row_error (row, ws_problems_lookup (problems, "phase"));
  ws_form_set_row_error (note, ws_problems_lookup (problems, "note"));
  adw_message_dialog_set_response_enabled (dialog, "move", problems->len == 0);
}

static void
move_answer_cb (AdwMessageDialog *dialog,
                const char       *response,
                WsDatabase       *db)
{
  GtkWidget *source = g_object_get_data (G_OBJECT (dialog), "ws-source");
  GtkWidget *row = g_object_get_data (G_OBJECT (dialog), ROW_KEY);
  GtkWidget *note = g_object_get_data (G_OBJECT (dialog), NOTE_KEY);
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "ws-person"));
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WsPhaseChange) change = NULL;

  if (!g_str_equal (response, "move"))
    return;
  text = ws_form_entry_text (ADW_ENTRY_ROW (note));
  change = ws_database_move_to_phase (db, person_id, adw_combo_row_get_selected (ADW_COMBO_ROW (row)), text, &error);
  if (change == NULL)
    {
      ws_plan_show_error (source, error);
      return;
    }
  ws_database_emit_changed (db);
  if (ws_phase_change_get_assessment_due (change) && ws_database_may (db, WS_PERMISSION_EDIT_RISK))
    offer_risk_assessment (source, db, change);
}

/**
 * ws_plan_ask_move_phase:
 *
 * Asks which phase @person's plan moves to, moves it, then offers a risk
 * re-assessment.
 *
 * Returns: (transfer none): the dialog, presented
 */
AdwMessageDialog *
ws_plan_ask_move_phase (GtkWidget  *source,
                        WsDatabase *db,
                        WsPerson   *person)
{
  AdwMessageDialog *dialog;
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *note = adw_entry_row_new ();

  g_return_val_if_fail (WS_IS_PERSON (person), NULL);

  dialog = new_dialog (source, _("Move to Phase"),
                       _("The timeline records when the phase began and who moved it."), "move", _("_Move"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Phase"));
  ws_form_fill_combo (ADW_COMBO_ROW (row), WS_PHASE_SUSTAINABLE + 1, (WsLabelFunc) ws_phase_get_label);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), MIN (ws_person_get_phase (person) + 1, WS_PHASE_SUSTAINABLE));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Note (optional)"));
  adw_message_dialog_set_extra_child (dialog, boxed_list (row, note));
  g_object_set_data (G_OBJECT (dialog), ROW_KEY, row);
  g_object_set_data (G_OBJECT (dialog), NOTE_KEY, note);
  g_object_set_data (G_OBJECT (dialog), "ws-person", GSIZE_TO_POINTER (ws_person_get_id (person)));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (check_move), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (note, "changed", G_CALLBACK (check_move), dialog, G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (dialog), "ws-db", g_object_ref (db), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (move_answer_cb), db);
  check_move (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* ---- Checklist: not applicable ----------------------------------- */

static void
check_reason (AdwMessageDialog *dialog)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (dialog), ROW_KEY);
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autofree char *reason = ws_form_entry_text (ADW_ENTRY_ROW (row));

  ws_checklist_check_state (WS_CHECKLIST_STATE_NOT_APPLICABLE, NULL, reason, problems);
  /* An empty field is not yet an error: the button waits for a reason. */
  ws_form_set_row_error (row, *reason != '\0' ? ws_problems_lookup (problems, "reason") : NULL);
  adw_message_dialog_set_response_enabled (dialog, "apply", problems->len == 0);
}

static void
not_applicable_answer_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          WsDatabase       *db)
{
  GtkWidget *source = g_object_get_data (G_OBJECT (dialog), "ws-source");
  GtkWidget *row = g_object_get_data (G_OBJECT (dialog), ROW_KEY);
  gint64 item_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "ws-item"));
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "apply"))
    return;
  reason = ws_form_entry_text (ADW_ENTRY_ROW (row));
  if (!ws_database_set_checklist_state (db, item_id, WS_CHECKLIST_STATE_NOT_APPLICABLE, NULL, reason, &error))
    ws_plan_show_error (source, error);
  else
    ws_database_emit_changed (db);
}

/**
 * ws_plan_ask_not_applicable:
 *
 * Asks why @item does not apply and marks it so.
 *
 * Returns: (transfer none): the dialog, presented
 */
AdwMessageDialog *
ws_plan_ask_not_applicable (GtkWidget       *source,
                            WsDatabase      *db,
                            WsChecklistItem *item)
{
  AdwMessageDialog *dialog;
  GtkWidget *row = adw_entry_row_new ();

  g_return_val_if_fail (WS_IS_CHECKLIST_ITEM (item), NULL);

  dialog = new_dialog (source, _("Does Not Apply"), ws_checklist_item_get_title (item), "apply",
                       _("_Mark Not Applicable"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reason (required)"));
  adw_message_dialog_set_extra_child (dialog, boxed_list (row, NULL));
  g_object_set_data (G_OBJECT (dialog), ROW_KEY, row);
  g_object_set_data (G_OBJECT (dialog), "ws-item", GSIZE_TO_POINTER (ws_checklist_item_get_id (item)));
  g_object_set_data_full (G_OBJECT (dialog), "ws-db", g_object_ref (db), g_object_unref);
  g_signal_connect_object (row, "changed", G_CALLBACK (check_reason), dialog, G_CONNECT_SWAPPED);
  g_signal_connect (dialog, "response", G_CALLBACK (not_applicable_answer_cb), db);
  check_reason (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* ---- Consent: withdraw -------------------------------------------- */

static void
withdraw_answer_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WsDatabase       *db)
{
  GtkWidget *source = g_object_get_data (G_OBJECT (dialog), "ws-source");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "ws-consent"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "withdraw"))
    return;
  if (!ws_database_withdraw_consent (db, id, NULL, &error))
    ws_plan_show_error (source, error);
  else
    ws_database_emit_changed (db);
}

/**
 * ws_plan_ask_withdraw:
 *
 * Asks before recording that the witness withdrew @consent today.
 *
 * Returns: (transfer none): the dialog, presented
 */
AdwMessageDialog *
ws_plan_ask_withdraw (GtkWidget  *source,
                      WsDatabase *db,
                      WsConsent  *consent)
{
  AdwMessageDialog *dialog;
  /* Translators: a recipient, then a purpose */
  g_autofree char *body = g_strdup_printf (_("Sharing with %s for “%s” stops today. Referrals relying on it "
                                             "are no longer covered."),
                                           ws_consent_get_recipient (consent), ws_consent_get_purpose (consent));

  g_return_val_if_fail (WS_IS_CONSENT (consent), NULL);

  dialog = new_dialog (source, _("Withdraw Consent?"), body, "withdraw", _("_Withdraw"));
  adw_message_dialog_set_response_appearance (dialog, "withdraw", ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data (G_OBJECT (dialog), "ws-consent", GSIZE_TO_POINTER (ws_consent_get_id (consent)));
  g_object_set_data_full (G_OBJECT (dialog), "ws-db", g_object_ref (db), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (withdraw_answer_cb), db);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
