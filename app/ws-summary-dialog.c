/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-summary-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-form.h"
#include "ws-page-renderer.h"
#include "ws-print-operation.h"
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
  WsDocument          *document;
  WsPageRenderer      *renderer;
  GPtrArray           *section_checks;
  guint                rebuild_id;
};

G_DEFINE_FINAL_TYPE (WsSummaryDialog, ws_summary_dialog, ADW_TYPE_WINDOW)

/* Preview pages are drawn at this share of their printed size (points). */
#define PREVIEW_SCALE 0.9

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

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  WsSummaryDialog *self = g_object_get_data (G_OBJECT (area), "dialog");
  guint page = GPOINTER_TO_UINT (user_data);

  if (self != NULL && self->renderer != NULL && page < ws_page_renderer_get_n_pages (self->renderer))
    ws_page_renderer_draw_page_scaled (self->renderer, cr, page, PREVIEW_SCALE);
}

static void
show_pages (WsSummaryDialog *self)
{
  GtkWidget *child;
  guint n = ws_page_renderer_paginate (self->renderer);
  double width, height;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);

  ws_page_renderer_get_page_size (self->renderer, &width, &height);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, n);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) (width * PREVIEW_SCALE));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (height * PREVIEW_SCALE));
      g_object_set_data (G_OBJECT (area), "dialog", self);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb, GUINT_TO_POINTER (i), NULL);
      gtk_widget_add_css_class (area, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (self->pages_box, area);
    }
}

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

static void
show_problem (WsSummaryDialog *self,
              const char      *message)
{
  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  adw_status_page_set_description (self->problem_page, message);
  gtk_stack_set_visible_child_name (self->preview_stack, "problem");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.export", FALSE);
}

static gboolean
rebuild (gpointer user_data)
{
  WsSummaryDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *removed = NULL;
  WsRedactionReport report = { 0 };
  WsSummaryOptions options;

  self->rebuild_id = 0;
  if (!collect_options (self, &options, &zone))
    {
      show_problem (self, _("Correct the marked fields to see the summary."));
      return G_SOURCE_REMOVE;
    }

  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  self->document = ws_summary_build (self->db, self->person, &options, &report, &error);
  if (self->document == NULL)
    {
      show_problem (self, error->message);
      return G_SOURCE_REMOVE;
    }

  self->renderer = ws_page_renderer_new (self->document, WS_PAGE_A4_WIDTH, WS_PAGE_A4_HEIGHT);
  show_pages (self);
  removed = ws_redaction_report_get_total (&report) > 0 ? ws_redaction_report_format (&report)
                                                         : g_strdup (_("Nothing identifying was found"));
  adw_action_row_set_subtitle (self->report_row, removed);
  gtk_stack_set_visible_child_name (self->preview_stack, "pages");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.print", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.export", TRUE);
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
toast (WsSummaryDialog *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               WsSummaryDialog         *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      toast (self, error != NULL ? error->message : _("Printing failed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    ws_database_audit_event (self->db, "print-summary", ws_person_get_pseudonym (self->person), NULL, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  WsSummaryDialog *self = WS_SUMMARY_DIALOG (widget);
  g_autoptr(WsPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  operation = ws_print_operation_new (self->document);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

static void
export_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  WsSummaryDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!ws_summary_dialog_export_pdf (self, path, &error))
    toast (self, error->message);
  else
    toast (self, _("Summary saved as PDF"));
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  WsSummaryDialog *self = WS_SUMMARY_DIALOG (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *suggested = g_strdup_printf ("summary-%s.pdf", ws_person_get_pseudonym (self->person));

  dialog = gtk_file_chooser_native_new (_("Export Summary as PDF"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
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
  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
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
  return self->document;
}

guint
ws_summary_dialog_get_n_pages (WsSummaryDialog *self)
{
  g_return_val_if_fail (WS_IS_SUMMARY_DIALOG (self), 0);
  return self->renderer != NULL ? ws_page_renderer_get_n_pages (self->renderer) : 0;
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

  if (self->renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Correct the marked fields first"));
      return FALSE;
    }
  if (!ws_page_renderer_write_pdf (self->renderer, path, error))
    return FALSE;
  return ws_database_audit_event (self->db, "export-summary-pdf", ws_person_get_pseudonym (self->person), NULL, error);
}
