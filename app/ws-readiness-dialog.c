/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-readiness-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-hearing.h"
#include "ws-page-renderer.h"
#include "ws-print-operation.h"
#include "ws-readiness-dialog.h"
#include "ws-readiness.h"

/* The readiness sheet of one hearing, previewed page by page with the
 * renderer that also prints it and writes the PDF, so what the
 * prosecutor sees is what leaves the unit. Printing and export are
 * audited, as for summaries. */
struct _WsReadinessDialog
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkStack          *preview_stack;
  GtkBox            *pages_box;
  AdwStatusPage     *problem_page;

  /* owned */
  WsDatabase        *db;
  WsDocument        *document;
  WsPageRenderer    *renderer;
  char              *case_reference;
  gint64             hearing_id;
};

G_DEFINE_FINAL_TYPE (WsReadinessDialog, ws_readiness_dialog, ADW_TYPE_WINDOW)

/* Preview pages are drawn at this share of their printed size (points). */
#define PREVIEW_SCALE 1.0

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  WsReadinessDialog *self = g_object_get_data (G_OBJECT (area), "dialog");
  guint page = GPOINTER_TO_UINT (user_data);

  if (self != NULL && self->renderer != NULL && page < ws_page_renderer_get_n_pages (self->renderer))
    ws_page_renderer_draw_page_scaled (self->renderer, cr, page, PREVIEW_SCALE);
}

static void
show_pages (WsReadinessDialog *self)
{
  guint n = ws_page_renderer_paginate (self->renderer);
  double width, height;

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
build (WsReadinessDialog *self,
       guint              due_days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsHearing) hearing = ws_database_get_hearing (self->db, self->hearing_id, &error);

  if (hearing != NULL)
    {
      self->case_reference = g_strdup (ws_hearing_get_case_reference (hearing));
      adw_window_title_set_subtitle (self->window_title, self->case_reference);
      self->document = ws_readiness_sheet_build_with_deadline (self->db, self->hearing_id, due_days, &error);
    }
  if (self->document == NULL)
    {
      adw_status_page_set_description (self->problem_page, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "problem");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "readiness.print", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "readiness.export", FALSE);
      return;
    }
  self->renderer = ws_page_renderer_new (self->document, WS_PAGE_A4_WIDTH, WS_PAGE_A4_HEIGHT);
  show_pages (self);
  gtk_stack_set_visible_child_name (self->preview_stack, "pages");
}

static void
toast (WsReadinessDialog *self,
       const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char *
audit_detail (WsReadinessDialog *self)
{
  /* The audit trail's own words, as the command line writes them. */
  return g_strdup_printf ("readiness sheet: case %s, hearing %" G_GINT64_FORMAT, self->case_reference,
                          self->hearing_id);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               WsReadinessDialog       *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      toast (self, error != NULL ? error->message : _("Printing failed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      detail = audit_detail (self);
      ws_database_audit_event (self->db, "print-readiness", NULL, detail, NULL);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  WsReadinessDialog *self = WS_READINESS_DIALOG (widget);
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
export_chosen_cb (GtkNativeDialog   *dialog,
                  int                response,
                  WsReadinessDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!ws_readiness_dialog_export_pdf (self, path, &error))
    toast (self, error->message);
  else
    toast (self, _("Readiness sheet saved as PDF"));
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  WsReadinessDialog *self = WS_READINESS_DIALOG (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *suggested = g_strdup_printf ("readiness-%s-%" G_GINT64_FORMAT ".pdf",
                                                self->case_reference, self->hearing_id);

  g_strdelimit (suggested, "/\\:", '-');
  dialog = gtk_file_chooser_native_new (_("Export Readiness Sheet as PDF"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
ws_readiness_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WS_TYPE_READINESS_DIALOG);
  G_OBJECT_CLASS (ws_readiness_dialog_parent_class)->dispose (object);
}

static void
ws_readiness_dialog_finalize (GObject *object)
{
  WsReadinessDialog *self = (WsReadinessDialog *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  g_free (self->case_reference);

  G_OBJECT_CLASS (ws_readiness_dialog_parent_class)->finalize (object);
}

static void
ws_readiness_dialog_class_init (WsReadinessDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_readiness_dialog_dispose;
  object_class->finalize = ws_readiness_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/app/ws-readiness-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WsReadinessDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WsReadinessDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WsReadinessDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, WsReadinessDialog, pages_box);
  gtk_widget_class_bind_template_child (widget_class, WsReadinessDialog, problem_page);

  gtk_widget_class_install_action (widget_class, "readiness.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "readiness.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "readiness.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_readiness_dialog_init (WsReadinessDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ws_readiness_dialog_new:
 * @applications_due_days: the unit's deadline for applications, in days
 *   before the hearing
 *
 * Returns: (transfer none): the dialog, showing the readiness sheet of the
 *   hearing @hearing_id
 */
WsReadinessDialog *
ws_readiness_dialog_new (GtkWindow  *parent,
                         WsDatabase *db,
                         gint64      hearing_id,
                         guint       applications_due_days)
{
  WsReadinessDialog *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_READINESS_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->hearing_id = hearing_id;
  build (self, applications_due_days);
  return self;
}

/**
 * ws_readiness_dialog_get_document:
 *
 * Returns: (transfer none) (nullable): the sheet as previewed
 */
WsDocument *
ws_readiness_dialog_get_document (WsReadinessDialog *self)
{
  g_return_val_if_fail (WS_IS_READINESS_DIALOG (self), NULL);
  return self->document;
}

guint
ws_readiness_dialog_get_n_pages (WsReadinessDialog *self)
{
  g_return_val_if_fail (WS_IS_READINESS_DIALOG (self), 0);
  return self->renderer != NULL ? ws_page_renderer_get_n_pages (self->renderer) : 0;
}

/**
 * ws_readiness_dialog_export_pdf:
 *
 * Writes the previewed pages to @path and records it in the audit trail.
 */
gboolean
ws_readiness_dialog_export_pdf (WsReadinessDialog  *self,
                                const char         *path,
                                GError            **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (WS_IS_READINESS_DIALOG (self), FALSE);

  if (self->renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("There is no readiness sheet to export"));
      return FALSE;
    }
  if (!ws_page_renderer_write_pdf (self->renderer, path, error))
    return FALSE;
  detail = audit_detail (self);
  return ws_database_audit_event (self->db, "export-readiness-pdf", NULL, detail, error);
}
