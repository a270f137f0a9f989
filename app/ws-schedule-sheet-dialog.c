/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-schedule-sheet-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-form.h"
#include "ws-print-preview.h"
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
  WsPrintPreview  *preview;
  char            *day_text;
  guint            rebuild_id;
};

G_DEFINE_FINAL_TYPE (WsScheduleSheetDialog, ws_schedule_sheet_dialog, ADW_TYPE_WINDOW)

static const WsPrintPreviewKind sheet_kind = {
  .actions = "sheet",
  .audit_kind = "schedule-sheet",
  .scale = 0.9,
  .export_title = N_("Export Schedule Sheet as PDF"),
  .saved_message = N_("Schedule sheet saved as PDF"),
  .empty_message = N_("Correct the marked fields first"),
};

static gboolean
rebuild (gpointer user_data)
{
  WsScheduleSheetDialog *self = user_data;
  g_autofree char *date_text = ws_form_entry_text (self->date_row);
  g_autofree char *zone = ws_form_entry_text (self->zone_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDocument) document = NULL;
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
      ws_print_preview_show_problem (self->preview, _("Correct the marked fields to see the sheet."));
      return G_SOURCE_REMOVE;
    }

  document = ws_schedule_sheet_build (self->db, &day, zone, &error);
  if (document == NULL)
    {
      ws_print_preview_show_problem (self->preview, error->message);
      return G_SOURCE_REMOVE;
    }
  g_free (self->day_text);
  self->day_text = g_steal_pointer (&date_text);
  ws_print_preview_set_audit (self->preview, NULL, self->day_text);
  ws_print_preview_show (self->preview, document);
  return G_SOURCE_REMOVE;
}

static void
options_changed_cb (WsScheduleSheetDialog *self)
{
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->rebuild_id = g_timeout_add (250, rebuild, self);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  ws_print_preview_print (WS_SCHEDULE_SHEET_DIALOG (widget)->preview);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  WsScheduleSheetDialog *self = WS_SCHEDULE_SHEET_DIALOG (widget);
  g_autofree char *suggested = g_strdup_printf ("schedule-%s.pdf", self->day_text != NULL ? self->day_text : "day");

  ws_print_preview_choose_pdf (self->preview, suggested);
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
  g_clear_object (&self->preview);
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
  self->preview = ws_print_preview_new (GTK_WIDGET (self), db, &sheet_kind, self->toast_overlay,
                                        self->preview_stack, self->pages_box, self->problem_page);
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
  return ws_print_preview_get_document (self->preview);
}

guint
ws_schedule_sheet_dialog_get_n_pages (WsScheduleSheetDialog *self)
{
  g_return_val_if_fail (WS_IS_SCHEDULE_SHEET_DIALOG (self), 0);
  return ws_print_preview_get_n_pages (self->preview);
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
  return ws_print_preview_export_pdf (self->preview, path, error);
}
