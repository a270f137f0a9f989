/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-schedule-sheet-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-form.h"
#include "ws-page-renderer.h"
#include "ws-print-operation.h"
#include "ws-schedule-sheet-dialog.h"
#include "ws-schedule.h"
#include "ws-time.h"

/* The daily schedule sheet: the officer picks the day and the zone it is
 * read in and sees, page by page, what will print. The preview, the
 * printout and the PDF are drawn by the same page renderer; printing and
 * export are written to the audit trail. */
struct _WsScheduleSheetDialog
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *date_row;
  AdwEntryRow     *zone_row;
  GtkStack        *preview_stack;
  GtkBox          *pages_box;
  AdwStatusPage   *problem_page;

  /* owned */
  WsDatabase      *db;
  WsDocument      *document;
  WsPageRenderer  *renderer;
  char            *day_text;
  guint            rebuild_id;
};

G_DEFINE_FINAL_TYPE (WsScheduleSheetDialog, ws_schedule_sheet_dialog, ADW_TYPE_WINDOW)

#define PREVIEW_SCALE 0.9

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  WsScheduleSheetDialog *self = g_object_get_data (G_OBJECT (area), "dialog");
  guint page = GPOINTER_TO_UINT (user_data);

  if (self != NULL && self->renderer != NULL && page < ws_page_renderer_get_n_pages (self->renderer))
    ws_page_renderer_draw_page_scaled (self->renderer, cr, page, PREVIEW_SCALE);
}

static void
show_pages (WsScheduleSheetDialog *self)
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

static void
show_problem (WsScheduleSheetDialog *self,
              const char            *message)
{
  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  adw_status_page_set_description (self->problem_page, message);
  gtk_stack_set_visible_child_name (self->preview_stack, "problem");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.export", FALSE);
}

static gboolean
rebuild (gpointer user_data)
{
  WsScheduleSheetDialog *self = user_data;
  g_autofree char *date_text = ws_form_entry_text (self->date_row);
  g_autofree char *zone = ws_form_entry_text (self->zone_row);
  g_autoptr(GError) error = NULL;
  GDate day;
  gboolean ok = TRUE;

  self->rebuild_id = 0;
  if (!ws_time_parse_date (date_text, &day))
    {
      ws_form_set_row_error (GTK_WIDGET (self->date_row), _("Use YYYY-MM-DD"));
      ok = FALSE;
    }
  else
    ws_form_set_row_error (GTK_WIDGET (self->date_row), NULL);
  if (!ws_time_zone_is_valid (zone))
    {
      ws_form_set_row_error (GTK_WIDGET (self->zone_row), _("Not a known time zone (e.g. Europe/Vienna)"));
      ok = FALSE;
    }
  else
    ws_form_set_row_error (GTK_WIDGET (self->zone_row), NULL);
  if (!ok)
    {
      show_problem (self, _("Correct the marked fields to see the sheet."));
      return G_SOURCE_REMOVE;
    }

  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  self->document = ws_schedule_sheet_build (self->db, &day, zone, &error);
  if (self->document == NULL)
    {
      show_problem (self, error->message);
      return G_SOURCE_REMOVE;
    }
  g_free (self->day_text);
  self->day_text = g_steal_pointer (&date_text);
  self->renderer = ws_page_renderer_new (self->document, WS_PAGE_A4_WIDTH, WS_PAGE_A4_HEIGHT);
  show_pages (self);
  gtk_stack_set_visible_child_name (self->preview_stack, "pages");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.print", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.export", TRUE);
  return G_SOURCE_REMOVE;
}

static void
options_changed_cb (WsScheduleSheetDialog *self)
{
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->rebuild_id = g_timeout_add (250, rebuild, self);
}

static void
toast (WsScheduleSheetDialog *self,
       const char            *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               WsScheduleSheetDialog   *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      toast (self, error != NULL ? error->message : _("Printing failed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    ws_database_audit_event (self->db, "print-schedule-sheet", NULL, self->day_text, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  WsScheduleSheetDialog *self = WS_SCHEDULE_SHEET_DIALOG (widget);
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
export_chosen_cb (GtkNativeDialog       *dialog,
                  int                    response,
                  WsScheduleSheetDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!ws_schedule_sheet_dialog_export_pdf (self, path, &error))
    toast (self, error->message);
  else
    toast (self, _("Schedule sheet saved as PDF"));
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  WsScheduleSheetDialog *self = WS_SCHEDULE_SHEET_DIALOG (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *suggested = g_strdup_printf ("schedule-%s.pdf", self->day_text != NULL ? self->day_text : "day");

  dialog = gtk_file_chooser_native_new (_("Export Schedule Sheet as PDF"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
ws_schedule_sheet_dialog_dispose (GObject *object)
{
  WsScheduleSheetDialog *self = WS_SCHEDULE_SHEET_DIALOG (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_SCHEDULE_SHEET_DIALOG);
  G_OBJECT_CLASS (ws_schedule_sheet_dialog_parent_class)->dispose (object);
}

static void
ws_schedule_sheet_dialog_finalize (GObject *object)
{
  WsScheduleSheetDialog *self = WS_SCHEDULE_SHEET_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->day_text, g_free);
  G_OBJECT_CLASS (ws_schedule_sheet_dialog_parent_class)->finalize (object);
}

static void
ws_schedule_sheet_dialog_class_init (WsScheduleSheetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_schedule_sheet_dialog_dispose;
  object_class->finalize = ws_schedule_sheet_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/app/ws-schedule-sheet-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WsScheduleSheetDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WsScheduleSheetDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, WsScheduleSheetDialog, zone_row);
  gtk_widget_class_bind_template_child (widget_class, WsScheduleSheetDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, WsScheduleSheetDialog, pages_box);
  gtk_widget_class_bind_template_child (widget_class, WsScheduleSheetDialog, problem_page);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);

  gtk_widget_class_install_action (widget_class, "sheet.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "sheet.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "sheet.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_schedule_sheet_dialog_init (WsScheduleSheetDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ws_schedule_sheet_dialog_new:
 * @day: the day to print (read in @zone)
 * @zone: the reader's IANA zone
 *
 * Returns: (transfer none): the dialog, showing the sheet of @day
 */
WsScheduleSheetDialog *
ws_schedule_sheet_dialog_new (GtkWindow  *parent,
                              WsDatabase *db,
                              GDateTime  *day,
                              const char *zone)
{
  WsScheduleSheetDialog *self;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (ws_time_zone_is_valid (zone), NULL);

  tz = g_time_zone_new_identifier (zone);
  local = g_date_time_to_timezone (day, tz);
  date = g_date_time_format (local, "%Y-%m-%d");
  self = g_object_new (WS_TYPE_SCHEDULE_SHEET_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  ws_form_set_entry_text (self->date_row, date);
  ws_form_set_entry_text (self->zone_row, zone);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
  return self;
}

/**
 * ws_schedule_sheet_dialog_get_document:
 *
 * Returns: (transfer none) (nullable): the sheet as previewed
 */
WsDocument *
ws_schedule_sheet_dialog_get_document (WsScheduleSheetDialog *self)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_SHEET_DIALOG (self), NULL);
  return self->document;
}

guint
ws_schedule_sheet_dialog_get_n_pages (WsScheduleSheetDialog *self)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_SHEET_DIALOG (self), 0);
  return self->renderer != NULL ? ws_page_renderer_get_n_pages (self->renderer) : 0;
}

/**
 * ws_schedule_sheet_dialog_export_pdf:
 *
 * Writes the previewed pages to @path and records it in the audit trail.
 */
gboolean
ws_schedule_sheet_dialog_export_pdf (WsScheduleSheetDialog  *self,
                                     const char             *path,
                                     GError                **error)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_SHEET_DIALOG (self), FALSE);

  if (self->renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Correct the marked fields first"));
      return FALSE;
    }
  if (!ws_page_renderer_write_pdf (self->renderer, path, error))
    return FALSE;
  return ws_database_audit_event (self->db, "export-schedule-sheet-pdf", NULL, self->day_text, error);
}
