/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-summary-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-form.h"
#include "ws-print-preview.h"
#include "ws-summary-dialog.h"
#include "ws-summary.h"
#include "ws-time.h"

/* The officer chooses sections and the period of an anonymised summary
 * and sees, page by page, exactly what will print: the preview is drawn
 * by the same renderer as the printout and the PDF. */
struct _WsSummaryDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *sections_group;
  AdwEntryRow         *from_row;
  AdwEntryRow         *to_row;
  AdwEntryRow         *zone_row;
  AdwActionRow        *report_row;
  GtkStack            *preview_stack;
  GtkBox              *pages_box;
  AdwStatusPage       *problem_page;

  /* owned */
  WsDatabase          *db;
  WsPerson            *person;
  WsPrintPreview      *preview;
  GPtrArray           *section_checks;
  guint                rebuild_id;
};

G_DEFINE_FINAL_TYPE (WsSummaryDialog, ws_summary_dialog, ADW_TYPE_WINDOW)

static const WsPrintPreviewKind summary_kind = {
  .actions = "summary",
  .audit_kind = "summary",
  .scale = 0.9,
  .export_title = N_("Export Summary as PDF"),
  .saved_message = N_("Summary saved as PDF"),
  .empty_message = N_("Correct the marked fields first"),
};

static const struct {
  WsSummarySection section;
  const char      *title;
} sections[] = {
  { WS_SUMMARY_SECTION_PROFILE, N_("Profile: age band, languages, interpreter") },
  { WS_SUMMARY_SECTION_PHASES, N_("Phase and timeline") },
  { WS_SUMMARY_SECTION_SUPPORT, N_("Support and services") },
  { WS_SUMMARY_SECTION_MEASURES, N_("Protective measures") },
  { WS_SUMMARY_SECTION_SESSIONS, N_("Upcoming video-link sessions") },
  { WS_SUMMARY_SECTION_RISK, N_("Risk level (no threat details)") },
  { WS_SUMMARY_SECTION_CONSENT, N_("Consent in force") },
};

static gboolean
read_date (AdwEntryRow *row,
           GDate       *date)
{
  g_autofree char *text = ws_form_entry_text (row);

  g_date_clear (date, 1);
  if (*text == '\0')
    {
      ws_form_set_row_error (GTK_WIDGET (row), NULL);
      return TRUE;
    }
  if (!ws_time_parse_date (text, date))
    {
      g_autofree char *message = g_strdup_printf (_("%s is not a date (use YYYY-MM-DD)"), text);

      ws_form_set_row_error (GTK_WIDGET (row), message);
      return FALSE;
    }
  ws_form_set_row_error (GTK_WIDGET (row), NULL);
  return TRUE;
}

static gboolean
collect_options (WsSummaryDialog  *self,
                 WsSummaryOptions *options,
                 char            **zone)
{
  gboolean ok;

  ws_summary_options_init (options);
  options->sections = 0;
  for (guint i = 0; i < self->section_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->section_checks, i)))
      options->sections |= sections[i].section;

  ok = read_date (self->from_row, &options->from);
  ok = read_date (self->to_row, &options->to) && ok;
  if (ok && g_date_valid (&options->from) && g_date_valid (&options->to) &&
      g_date_compare (&options->from, &options->to) > 0)
    {
      ws_form_set_row_error (GTK_WIDGET (self->to_row), _("Must not be before “From”"));
      ok = FALSE;
    }

  *zone = ws_form_entry_text (self->zone_row);
  if (!ws_time_zone_is_valid (*zone))
    {
      ws_form_set_row_error (GTK_WIDGET (self->zone_row), _("Not a known time zone (e.g. Europe/Vienna)"));
      ok = FALSE;
    }
  else
    ws_form_set_row_error (GTK_WIDGET (self->zone_row), NULL);
  options->reader_zone = *zone;
  return ok;
}

static gboolean
rebuild (gpointer user_data)
{
  WsSummaryDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDocument) document = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *removed = NULL;
  WsRedactionReport report = { 0 };
  WsSummaryOptions options;

  self->rebuild_id = 0;
  if (!collect_options (self, &options, &zone))
    {
      ws_print_preview_show_problem (self->preview, _("Correct the marked fields to see the summary."));
      return G_SOURCE_REMOVE;
    }

  document = ws_summary_build (self->db, self->person, &options, &report, &error);
  if (document == NULL)
    {
      ws_print_preview_show_problem (self->preview, error->message);
      return G_SOURCE_REMOVE;
    }

  ws_print_preview_show (self->preview, document);
  removed = ws_redaction_report_get_total (&report) > 0 ? ws_redaction_report_format (&report)
                                                         : g_strdup (_("Nothing identifying was found"));
  adw_action_row_set_subtitle (self->report_row, removed);
  return G_SOURCE_REMOVE;
}

/* Typing a date rebuilds once the typing pauses, not on every key. */
static void
options_changed_cb (WsSummaryDialog *self)
{
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->rebuild_id = g_timeout_add (250, rebuild, self);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  ws_print_preview_print (WS_SUMMARY_DIALOG (widget)->preview);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  WsSummaryDialog *self = WS_SUMMARY_DIALOG (widget);
  g_autofree char *suggested = g_strdup_printf ("summary-%s.pdf", ws_person_get_pseudonym (self->person));

  ws_print_preview_choose_pdf (self->preview, suggested);
}

static void
build_section_rows (WsSummaryDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect_object (check, "toggled", G_CALLBACK (options_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(sections[i].title));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->sections_group, row);
      g_ptr_array_add (self->section_checks, check);
    }
}

static void
ws_summary_dialog_dispose (GObject *object)
{
  WsSummaryDialog *self = (WsSummaryDialog *)object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_SUMMARY_DIALOG);
  G_OBJECT_CLASS (ws_summary_dialog_parent_class)->dispose (object);
}

static void
ws_summary_dialog_finalize (GObject *object)
{
  WsSummaryDialog *self = (WsSummaryDialog *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->person);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->section_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ws_summary_dialog_parent_class)->finalize (object);
}

static void
ws_summary_dialog_class_init (WsSummaryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_summary_dialog_dispose;
  object_class->finalize = ws_summary_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/app/ws-summary-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WsSummaryDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WsSummaryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WsSummaryDialog, sections_group);
  gtk_widget_class_bind_template_child (widget_class, WsSummaryDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, WsSummaryDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, WsSummaryDialog, zone_row);
  gtk_widget_class_bind_template_child (widget_class, WsSummaryDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, WsSummaryDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, WsSummaryDialog, pages_box);
  gtk_widget_class_bind_template_child (widget_class, WsSummaryDialog, problem_page);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);

  gtk_widget_class_install_action (widget_class, "summary.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "summary.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "summary.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_summary_dialog_init (WsSummaryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->section_checks = g_ptr_array_new ();
  build_section_rows (self);
}

/**
 * ws_summary_dialog_new:
 *
 * Returns: (transfer none): the dialog, showing the summary of @person
 */
WsSummaryDialog *
ws_summary_dialog_new (GtkWindow  *parent,
                       WsDatabase *db,
                       WsPerson   *person)
{
  WsSummaryDialog *self;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *zone = g_time_zone_get_identifier (local);

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (WS_IS_PERSON (person), NULL);

  self = g_object_new (WS_TYPE_SUMMARY_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->person = g_object_ref (person);
  self->preview = ws_print_preview_new (GTK_WIDGET (self), db, &summary_kind, self->toast_overlay,
                                        self->preview_stack, self->pages_box, self->problem_page);
  ws_print_preview_set_audit (self->preview, ws_person_get_pseudonym (person), NULL);
  adw_window_title_set_subtitle (self->window_title, ws_person_get_pseudonym (person));
  ws_form_set_entry_text (self->zone_row, ws_time_zone_is_valid (zone) ? zone : "UTC");
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
  return self;
}

/**
 * ws_summary_dialog_get_document:
 *
 * Returns: (transfer none) (nullable): the summary as previewed, or %NULL
 *   while the options are not valid
 */
WsDocument *
ws_summary_dialog_get_document (WsSummaryDialog *self)
{
  g_return_val_if_fail (WS_IS_SUMMARY_DIALOG (self), NULL);
  return ws_print_preview_get_document (self->preview);
}

guint
ws_summary_dialog_get_n_pages (WsSummaryDialog *self)
{
  g_return_val_if_fail (WS_IS_SUMMARY_DIALOG (self), 0);
  return ws_print_preview_get_n_pages (self->preview);
}

/**
 * ws_summary_dialog_export_pdf:
 *
 * Writes the previewed pages to @path and records it in the audit trail.
 */
gboolean
ws_summary_dialog_export_pdf (WsSummaryDialog  *self,
                              const char       *path,
                              GError          **error)
{
  g_return_val_if_fail (WS_IS_SUMMARY_DIALOG (self), FALSE);
  return ws_print_preview_export_pdf (self->preview, path, error);
}
