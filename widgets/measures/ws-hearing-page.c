/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-hearing-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-form.h"
#include "ws-hearing-editor.h"
#include "ws-hearing-page.h"
#include "ws-measure-editor.h"
#include "ws-readiness.h"
#include "ws-rules.h"
#include "ws-time.h"

/* One hearing as the prosecutor checks it: its facts, the deadline for
 * applications, what needs attention, and per witness (pseudonym and
 * label only) every measure that applies with its readiness. */
struct _WsHearingPage
{
  GtkWidget            parent_instance;

  /* template widgets */
  AdwPreferencesPage  *page;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *state_label;
  GtkWidget           *sheet_button;
  GtkWidget           *edit_hearing_button;
  GtkWidget           *delete_hearing_button;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *findings_group;

  /* owned */
  WsDatabase          *db;
  GSettings           *settings;
  WsHearing           *hearing;
  GPtrArray           *witnesses;
  GPtrArray           *rows;
  GPtrArray           *finding_rows;
  GPtrArray           *groups;
  GCancellable        *cancellable;
  char                *state_text;
  guint                n_findings;
  gboolean             due_passed;
  gboolean             loading_findings;
};

G_DEFINE_FINAL_TYPE (WsHearingPage, ws_hearing_page, GTK_TYPE_WIDGET)

/**
 * ws_hearing_format_badge:
 * @style: (out): the style class the badge takes
 *
 * Returns: (transfer full): the short readiness of @hearing: "Ready",
 *   "2 undecided", "1 not arranged", "Ready, 1 refused" …
 */
char *
ws_hearing_format_badge (WsHearing   *hearing,
                         const char **style)
{
  guint undecided = ws_hearing_get_count (hearing, WS_READINESS_UNDECIDED);
  guint unarranged = ws_hearing_get_count (hearing, WS_READINESS_GRANTED_NOT_ARRANGED);
  guint refused = ws_hearing_get_count (hearing, WS_READINESS_REFUSED);
  guint total = 0;

  for (int r = 0; r < WS_N_READINESS; r++)
    total += ws_hearing_get_count (hearing, r);

  if (undecided > 0 && unarranged > 0)
    {
      *style = "error";
      /* Translators: counts of measures, e.g. "2 undecided, 1 not arranged" */
      return g_strdup_printf (_("%u undecided, %u not arranged"), undecided, unarranged);
    }
  if (undecided > 0)
    {
      *style = "error";
      return g_strdup_printf (ngettext ("%u undecided", "%u undecided", undecided), undecided);
    }
  if (unarranged > 0)
    {
      *style = "warning";
      return g_strdup_printf (ngettext ("%u not arranged", "%u not arranged", unarranged), unarranged);
    }
  if (refused > 0)
    {
      *style = "accent";
      return g_strdup_printf (ngettext ("Ready, %u refused", "Ready, %u refused", refused), refused);
    }
  if (total == 0)
    {
      *style = "dim";
      return g_strdup (_("No measures"));
    }
  *style = "success";
  return g_strdup (_("Ready"));
}

static void
set_badge (GtkLabel   *label,
           const char *text,
           const char *style)
{
  static const char * const styles[] = { "success", "warning", "error", "accent", "dim" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), styles[i]);
  gtk_widget_add_css_class (GTK_WIDGET (label), style);
  gtk_label_set_text (label, text);
}

static GtkWidget *
badge_new (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "badge");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  set_badge (GTK_LABEL (label), text, style);
  return label;
}

static char *
format_viewer_time (GDateTime *instant)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (instant);

  /* Translators: a g_date_time_format() string for a date and time in the viewer's own zone */
  return g_date_time_format (local, _("%A %-d %B %Y, %H:%M %Z"));
}

static void
add_info (WsHearingPage *self,
          const char    *title,
          const char    *value)
{
  ws_form_group_add (self->details_group, self->rows, ws_form_info_row (title, value));
}

static guint
due_days (WsHearingPage *self)
{
  return g_settings_get_uint (self->settings, "applications-due-days");
}

/* The deadline is flagged once today (in the viewer's zone) is past it
 * and the hearing is still ahead. */
static void
add_deadline (WsHearingPage *self)
{
  g_autoptr(GDate) due = ws_hearing_dup_applications_due (self->hearing, due_days (self));
  g_autoptr(GDate) today = ws_time_today ();
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (due), g_date_get_month (due),
                                                    g_date_get_day (due), 0, 0, 0);
  /* Translators: a g_date_time_format() string for the day applications are due */
  g_autofree char *text = g_date_time_format (day, _("%A %-d %B %Y"));
  g_autofree char *title = g_strdup_printf (ngettext ("Applications Due (%u day before)",
                                                      "Applications Due (%u days before)", due_days (self)),
                                            due_days (self));
  GtkWidget *row = ws_form_info_row (title, text);

  self->due_passed = g_date_compare (today, due) > 0 &&
                     g_date_time_compare (ws_hearing_get_starts_at (self->hearing), now) > 0;
  if (self->due_passed)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge_new (_("Passed"), "error"));
  ws_form_group_add (self->details_group, self->rows, row);
}

static void
fill_details (WsHearingPage *self)
{
  WsHearing *h = self->hearing;
  g_autoptr(GDateTime) court_start = ws_hearing_dup_local_start (h);
  g_autoptr(GDateTime) local_end = g_date_time_to_local (ws_hearing_get_ends_at (h));
  g_autofree char *starts = format_viewer_time (ws_hearing_get_starts_at (h));
  /* Translators: a g_date_time_format() string for the time a hearing ends */
  g_autofree char *ends = g_date_time_format (local_end, _("%H:%M"));
  /* Translators: a hearing's start, then its end time */
  g_autofree char *when = g_strdup_printf (_("%s until %s"), starts, ends);
  /* Translators: a g_date_time_format() string for a hearing's start in the court's zone */
  g_autofree char *court_time = g_date_time_format (court_start, _("%-d %B %Y, %H:%M"));
  g_autofree char *at_court = g_strdup_printf ("%s (%s)", court_time, ws_hearing_get_zone (h));
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, ws_hearing_get_id (h));
  const char *notes = ws_hearing_get_notes (h);

  add_info (self, _("When (your time)"), when);
  add_info (self, _("When (court's time)"), at_court);
  add_info (self, _("Court Room"), ws_hearing_get_court_room (h));
  add_info (self, _("Prosecutor"), ws_hearing_get_prosecutor (h));
  add_deadline (self);
  if (notes != NULL && *notes != '\0')
    add_info (self, _("Notes"), notes);
  /* The number the command line's --export-readiness takes. */
  add_info (self, _("Hearing Number"), number);
}

static const char *
readiness_style (WsReadiness readiness)
{
  switch (readiness)
    {
    case WS_READINESS_UNDECIDED: return "error";
    case WS_READINESS_GRANTED_NOT_ARRANGED: return "warning";
    case WS_READINESS_ARRANGED: return "success";
    case WS_READINESS_REFUSED: return "accent";
    case WS_READINESS_WITHDRAWN:
    default: return "dim";
    }
}

/* What the prosecutor needs to know next about one measure. */
static char *
measure_detail (WsMeasure *measure)
{
  const char *type = ws_measure_get_measure_type (measure);
  const char *scope = ws_measure_get_hearing_id (measure) != 0 ? _("This hearing") : _("Whole proceedings");
  const char *status = ws_measure_status_get_label (ws_measure_get_status (measure));
  const char *alternative = ws_measure_get_alternative (measure);
  g_autofree char *detail = NULL;

  switch (ws_measure_get_readiness (measure))
    {
    case WS_READINESS_UNDECIDED:
      detail = g_strdup (ws_measure_get_status (measure) == WS_MEASURE_STATUS_PROPOSED
                         ? _("Not yet applied for") : _("Waiting for the court's decision"));
      break;
    case WS_READINESS_GRANTED_NOT_ARRANGED:
      /* Translators: what arranging a measure still needs */
      detail = g_strdup_printf (_("Needs: %s"), ws_measure_type_get_needs (type));
      break;
    case WS_READINESS_ARRANGED:
      detail = g_strdup (ws_arranged_by_get_label (ws_measure_get_arranged_by (measure), type));
      break;
    case WS_READINESS_REFUSED:
      detail = alternative != NULL && *alternative != '\0'
               /* Translators: what was considered instead of a refused measure */
               ? g_strdup_printf (_("Alternative considered: %s"), alternative)
               : g_strdup (_("No alternative considered yet"));
      break;
    case WS_READINESS_WITHDRAWN:
    default:
      detail = g_strdup (_("No longer sought"));
      break;
    }
  /* Translators: status · scope · what comes next, for one measure */
  return g_strdup_printf (_("%s · %s · %s"), status, scope, detail);
}

static void
measure_activated_cb (AdwActionRow  *row,
                      WsHearingPage *self)
{
  ws_hearing_page_edit_measure (self, g_object_get_data (G_OBJECT (row), "measure"));
}

static GtkWidget *
measure_row (WsHearingPage *self,
             WsMeasure     *measure)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = measure_detail (measure);
  WsReadiness readiness = ws_measure_get_readiness (measure);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ws_measure_type_get_label (ws_measure_get_measure_type (measure)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge_new (ws_readiness_get_label (readiness),
                                                              readiness_style (readiness)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "measure", g_object_ref (measure), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (measure_activated_cb), self, 0);
  return row;
}

static char *
witness_title (WsHearingWitness *witness)
{
  const char *pseudonym = ws_hearing_witness_get_pseudonym (witness);
  const char *label = ws_hearing_witness_get_label (witness);

  if (pseudonym == NULL)
    return g_strdup (label);
  if (*label == '\0')
    return g_strdup (pseudonym);
  return g_strdup_printf ("%s — %s", label, pseudonym);
}

static char *
witness_description (WsHearingWitness *witness)
{
  GPtrArray *screenings = ws_hearing_witness_get_screenings (witness);
  g_autofree char *line = ws_readiness_format_line (ws_hearing_witness_get_count (witness, WS_READINESS_UNDECIDED),
                                                    ws_hearing_witness_get_count (witness,
                                                                                  WS_READINESS_GRANTED_NOT_ARRANGED));
  g_autoptr(GString) apart = g_string_new (NULL);

  for (guint i = 0; i < screenings->len; i++)
    {
      WsScreening *screening = g_ptr_array_index (screenings, i);

      if (apart->len > 0)
        g_string_append (apart, ", ");
      g_string_append (apart, ws_screening_is_every_accused (screening) ? _("every accused")
                                                                        : ws_screening_get_accused_label (screening));
    }
  if (apart->len == 0)
    return g_steal_pointer (&line);
  /* Translators: a witness's readiness, then whom they must not meet */
  return g_strdup_printf (_("%s. Must not meet: %s"), line, apart->str);
}

static void
add_clicked_cb (GtkButton     *button,
                WsHearingPage *self)
{
  WsHearingWitness *witness = g_object_get_data (G_OBJECT (button), "witness");
  WsMeasureEditor *editor = ws_measure_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->db,
                                                   NULL, ws_hearing_get_case_id (self->hearing),
                                                   ws_hearing_witness_get_person_id (witness),
                                                   ws_hearing_get_id (self->hearing));

  g_signal_connect_object (editor, "saved", G_CALLBACK (ws_database_emit_changed), self->db, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_witness_group (WsHearingPage    *self,
                   WsHearingWitness *witness)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autofree char *title = witness_title (witness);
  g_autofree char *description = witness_description (witness);
  g_autofree char *tooltip = g_strdup_printf (_("Add a measure for %s"), title);
  GListModel *measures = ws_hearing_witness_get_measures (witness);
  guint n = g_list_model_get_n_items (measures);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (add), "witness", g_object_ref (witness), g_object_unref);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  if (n == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               ws_form_info_row (_("No protective measures"), _("Use + to propose one")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WsMeasure) measure = g_list_model_get_item (measures, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), measure_row (self, measure));
    }
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
}

static void
clear_witness_groups (WsHearingPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static void
fill_witnesses (WsHearingPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->witnesses, g_ptr_array_unref);
  self->witnesses = ws_database_list_hearing_witnesses (self->db, ws_hearing_get_id (self->hearing), &error);
  if (self->witnesses == NULL)
    {
      ws_form_group_add (self->details_group, self->rows,
                         ws_form_info_row (_("The witnesses could not be read"), error->message));
      return;
    }
  for (guint i = 0; i < self->witnesses->len; i++)
    add_witness_group (self, g_ptr_array_index (self->witnesses, i));
}

static gboolean
concerns_hearing (WsHearingPage *self,
                  WsFinding     *finding)
{
  const char *kind = ws_finding_get_subject_kind (finding);
  gint64 id = ws_finding_get_subject_id (finding);

  for (guint i = 0; self->witnesses != NULL && i < self->witnesses->len; i++)
    {
      WsHearingWitness *witness = g_ptr_array_index (self->witnesses, i);
      GListModel *measures = ws_hearing_witness_get_measures (witness);

      if (g_strcmp0 (kind, "person") == 0 && id == ws_hearing_witness_get_person_id (witness) && id != 0 &&
          g_strcmp0 (ws_finding_get_rule (finding), "child-no-testimonial-aid") == 0)
        return TRUE;
      if (g_strcmp0 (kind, "measure") != 0)
        continue;
      for (guint m = 0; m < g_list_model_get_n_items (measures); m++)
        {
          g_autoptr(WsMeasure) measure = g_list_model_get_item (measures, m);

          if (ws_measure_get_id (measure) == id)
            return TRUE;
        }
    }
  return FALSE;
}

static void
show_findings (WsHearingPage *self,
               GPtrArray     *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      WsFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (!concerns_hearing (self, finding))
        continue;
      title = ws_finding_get_pseudonym (finding) != NULL
              ? g_strdup_printf ("%s: %s", ws_finding_get_pseudonym (finding), ws_finding_get_message (finding))
              : g_strdup (ws_finding_get_message (finding));
      row = ws_form_info_row (title, ws_finding_get_action (finding));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 badge_new (ws_finding_severity_get_label (ws_finding_get_severity (finding)),
                                            ws_finding_get_severity (finding) == WS_FINDING_SEVERITY_URGENT
                                            ? "error" : "warning"));
      ws_form_group_add (self->findings_group, self->finding_rows, row);
      self->n_findings++;
    }
  if (self->n_findings == 0)
    ws_form_group_add (self->findings_group, self->finding_rows,
                       ws_form_info_row (_("Nothing needs attention"), _("No rule finds a problem with this hearing")));
}

static void
findings_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WsHearingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = ws_rules_evaluate_finish (WS_DATABASE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading_findings = FALSE;
  ws_form_clear_rows (self->finding_rows);
  if (findings == NULL)
    {
      ws_form_group_add (self->findings_group, self->finding_rows,
                         ws_form_info_row (_("What needs attention could not be checked"), error->message));
      return;
    }
  show_findings (self, findings);
}

static void
load_findings (WsHearingPage *self)
{
  g_autoptr(GDateTime) now = ws_time_now ();
  WsRulesSettings settings;

  ws_rules_settings_load (&settings);
  self->loading_findings = TRUE;
  ws_form_group_add (self->findings_group, self->finding_rows,
                     ws_form_info_row (_("Checking…"), _("The rules are being checked against the records")));
  ws_rules_evaluate_async (self->db, now, &settings, self->cancellable, findings_done_cb, g_object_ref (self));
}

/* Everything but the findings, which come from a worker thread. */
static void
refresh (WsHearingPage *self)
{
  g_autofree char *badge = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  const char *style = NULL;

  clear_witness_groups (self);
  self->n_findings = 0;
  if (self->hearing == NULL)
    return;

  badge = ws_hearing_format_badge (self->hearing, &style);
  g_free (self->state_text);
  self->state_text = g_strdup (badge);
  set_badge (self->state_label, badge, style);
  /* Translators: a kind of hearing, then a case reference */
  title = g_strdup_printf (_("%s, %s"), ws_hearing_kind_get_label (ws_hearing_get_kind (self->hearing)),
                           ws_hearing_get_case_reference (self->hearing));
  when = format_viewer_time (ws_hearing_get_starts_at (self->hearing));
  subtitle = g_strdup_printf ("%s · %s", when, ws_hearing_get_court (self->hearing));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->sheet_button), "x", ws_hearing_get_id (self->hearing));
  fill_details (self);
  fill_witnesses (self);
}

static void
add_measure_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  WsHearingPage *self = WS_HEARING_PAGE (widget);
  WsMeasureEditor *editor;

  if (self->hearing == NULL)
    return;
  editor = ws_measure_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->db, NULL,
                                  ws_hearing_get_case_id (self->hearing), 0, ws_hearing_get_id (self->hearing));
  g_signal_connect_object (editor, "saved", G_CALLBACK (ws_database_emit_changed), self->db, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
due_days_changed_cb (WsHearingPage *self)
{
  ws_hearing_page_set_hearing (self, self->hearing);
}

static void
ws_hearing_page_dispose (GObject *object)
{
  WsHearingPage *self = (WsHearingPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_HEARING_PAGE);
  g_clear_object (&self->hearing);
  g_clear_pointer (&self->witnesses, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ws_hearing_page_parent_class)->dispose (object);
}

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* After the editor closes the page shows the hearing as stored. */
static void
hearing_editor_destroyed_cb (WsHearingPage *self)
{
  g_autoptr(WsHearing) stored = NULL;

  if (self->hearing == NULL)
    return;
  stored = ws_database_get_hearing (self->db, ws_hearing_get_id (self->hearing), NULL);
  if (stored != NULL)
    ws_hearing_page_set_hearing (self, stored);
}

static void
edit_hearing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WsHearingPage *self = WS_HEARING_PAGE (widget);
  WsHearingEditor *editor;

  if (self->hearing == NULL)
    return;
  editor = ws_hearing_editor_new (parent_window (widget), self->db, self->hearing, 0,
                                  ws_hearing_get_case_reference (self->hearing));
  g_signal_connect_object (editor, "destroy", G_CALLBACK (hearing_editor_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WsHearingPage    *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->hearing == NULL)
    return;
  if (!ws_database_delete_hearing (self->db, ws_hearing_get_id (self->hearing), &error))
    {
      GtkWidget *failed = adw_message_dialog_new (parent_window (GTK_WIDGET (self)),
                                                  _("The hearing was not deleted"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }
  ws_hearing_page_set_hearing (self, NULL);
  ws_database_emit_changed (self->db);
}

static void
delete_hearing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WsHearingPage *self = WS_HEARING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n_sessions = 0, n_measures = 0;
  GtkWidget *dialog;

  if (self->hearing == NULL)
    return;
  if (!ws_database_count_hearing_dependents (self->db, ws_hearing_get_id (self->hearing),
                                             &n_sessions, &n_measures, &error))
    body = g_strdup (error->message);
  else if (n_sessions == 0 && n_measures == 0)
    body = g_strdup (_("Nothing else is booked or decided for this hearing alone. The case and its witnesses stay."));
  else
    {
      g_autofree char *sessions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u video-link session",
                                                                "%u video-link sessions", n_sessions), n_sessions);
      g_autofree char *measures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measure for this hearing alone",
                                                                "%u measures for this hearing alone", n_measures), n_measures);

      /* Translators: the two counts, e.g. "2 video-link sessions" and "1 measure for this hearing alone" */
      body = g_strdup_printf (_("Deleting it also deletes %s and %s. Measures for the whole proceedings, the case and its witnesses stay."),
                              sessions, measures);
    }
  heading = g_strdup_printf (_("Delete the %s of %s?"),
                             ws_hearing_kind_get_label (ws_hearing_get_kind (self->hearing)),
                             ws_hearing_get_case_reference (self->hearing));
  dialog = adw_message_dialog_new (parent_window (widget), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ws_hearing_page_finalize (GObject *object)
{
  WsHearingPage *self = (WsHearingPage *)object;

  g_free (self->state_text);

  G_OBJECT_CLASS (ws_hearing_page_parent_class)->finalize (object);
}

static void
ws_hearing_page_class_init (WsHearingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_hearing_page_dispose;
  object_class->finalize = ws_hearing_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/measures/ws-hearing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WsHearingPage, page);
  gtk_widget_class_bind_template_child (widget_class, WsHearingPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, WsHearingPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WsHearingPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, WsHearingPage, sheet_button);
  gtk_widget_class_bind_template_child (widget_class, WsHearingPage, edit_hearing_button);
  gtk_widget_class_bind_template_child (widget_class, WsHearingPage, delete_hearing_button);
  gtk_widget_class_install_action (widget_class, "hearing.edit", NULL, edit_hearing_action);
  gtk_widget_class_install_action (widget_class, "hearing.delete", NULL, delete_hearing_action);
  gtk_widget_class_bind_template_child (widget_class, WsHearingPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, WsHearingPage, findings_group);

  gtk_widget_class_install_action (widget_class, "hearing.add-measure", NULL, add_measure_action);
}

static void
ws_hearing_page_init (WsHearingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->finding_rows = g_ptr_array_new ();
  self->groups = g_ptr_array_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::applications-due-days", G_CALLBACK (due_days_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
ws_hearing_page_new (WsDatabase *db)
{
  WsHearingPage *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_HEARING_PAGE, NULL);
  self->db = g_object_ref (db);
  return GTK_WIDGET (self);
}

/**
 * ws_hearing_page_set_hearing:
 * @hearing: (nullable): the hearing to show
 *
 * Shows @hearing at once and checks what needs attention on a worker
 * thread; a check still running for an earlier hearing is cancelled.
 */
void
ws_hearing_page_set_hearing (WsHearingPage *self,
                             WsHearing     *hearing)
{
  g_return_if_fail (WS_IS_HEARING_PAGE (self));

  g_set_object (&self->hearing, hearing);
  gtk_widget_set_visible (self->edit_hearing_button, ws_database_may (self->db, WS_PERMISSION_EDIT_CASES));
  gtk_widget_set_visible (self->delete_hearing_button, ws_database_may (self->db, WS_PERMISSION_EDIT_CASES));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading_findings = FALSE;
  ws_form_clear_rows (self->rows);
  ws_form_clear_rows (self->finding_rows);
  refresh (self);
  if (hearing != NULL)
    load_findings (self);
}

/**
 * ws_hearing_page_get_hearing:
 *
 * Returns: (transfer none) (nullable): the hearing shown
 */
WsHearing *
ws_hearing_page_get_hearing (WsHearingPage *self)
{
  g_return_val_if_fail (WS_IS_HEARING_PAGE (self), NULL);
  return self->hearing;
}

/**
 * ws_hearing_page_get_witnesses:
 *
 * Returns: (transfer none) (nullable) (element-type WsHearingWitness): the
 *   witnesses shown, with their measures
 */
GPtrArray *
ws_hearing_page_get_witnesses (WsHearingPage *self)
{
  g_return_val_if_fail (WS_IS_HEARING_PAGE (self), NULL);
  return self->witnesses;
}

/**
 * ws_hearing_page_get_state_text:
 *
 * Returns: (nullable): the hearing's readiness as its badge says it
 */
const char *
ws_hearing_page_get_state_text (WsHearingPage *self)
{
  g_return_val_if_fail (WS_IS_HEARING_PAGE (self), NULL);
  return self->state_text;
}

gboolean
ws_hearing_page_is_due_passed (WsHearingPage *self)
{
  g_return_val_if_fail (WS_IS_HEARING_PAGE (self), FALSE);
  return self->due_passed;
}

guint
ws_hearing_page_get_n_findings (WsHearingPage *self)
{
  g_return_val_if_fail (WS_IS_HEARING_PAGE (self), 0);
  return self->n_findings;
}

gboolean
ws_hearing_page_is_loading_findings (WsHearingPage *self)
{
  g_return_val_if_fail (WS_IS_HEARING_PAGE (self), FALSE);
  return self->loading_findings;
}

/**
 * ws_hearing_page_edit_measure:
 *
 * Opens the editor on @measure, as activating its row does; saving it
 * tells the database's listeners that the records changed.
 */
void
ws_hearing_page_edit_measure (WsHearingPage *self,
                              WsMeasure     *measure)
{
  WsMeasureEditor *editor;

  g_return_if_fail (WS_IS_HEARING_PAGE (self));
  g_return_if_fail (WS_IS_MEASURE (measure));

  editor = ws_measure_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->db, measure, 0, 0, 0);
  g_signal_connect_object (editor, "saved", G_CALLBACK (ws_database_emit_changed), self->db, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}
