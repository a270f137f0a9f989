/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-print-preview"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-page-renderer.h"
#include "ws-print-operation.h"
#include "ws-print-preview.h"

/* The preview, print and PDF export shared by the dialogs that show a
 * sheet before it leaves the unit (summary, readiness sheet, schedule
 * sheet). The preview is drawn by the same renderer that prints and
 * writes the PDF, so what the officer sees is what leaves; printing and
 * export are audited. The dialog owns this object and its template
 * widgets; this object owns the document and its renderer. */
struct _WsPrintPreview
{
  GObject                   parent_instance;

  /* not owned: the dialog and its template widgets */
  GtkWidget                *dialog;
  AdwToastOverlay          *toast_overlay;
  GtkStack                 *preview_stack;
  GtkBox                   *pages_box;
  AdwStatusPage            *problem_page;
  const WsPrintPreviewKind *kind;

  /* owned */
  WsDatabase               *db;
  WsDocument               *document;
  WsPageRenderer           *renderer;
  char                     *audit_subject;
  char                     *audit_detail;
};

G_DEFINE_FINAL_TYPE (WsPrintPreview, ws_print_preview, G_TYPE_OBJECT)

static void
set_actions_enabled (WsPrintPreview *self,
                     gboolean        enabled)
{
  g_autofree char *print = g_strconcat (self->kind->actions, ".print", NULL);
  g_autofree char *export = g_strconcat (self->kind->actions, ".export", NULL);

  gtk_widget_action_set_enabled (self->dialog, print, enabled);
  gtk_widget_action_set_enabled (self->dialog, export, enabled);
}

static void
toast (WsPrintPreview *self,
       const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  WsPrintPreview *self = g_object_get_data (G_OBJECT (area), "preview");
  guint page = GPOINTER_TO_UINT (user_data);

  if (self != NULL && self->renderer != NULL && page < ws_page_renderer_get_n_pages (self->renderer))
    ws_page_renderer_draw_page_scaled (self->renderer, cr, page, self->kind->scale);
}

static void
show_pages (WsPrintPreview *self)
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

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) (width * self->kind->scale));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (height * self->kind->scale));
      g_object_set_data_full (G_OBJECT (area), "preview", g_object_ref (self), g_object_unref);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb, GUINT_TO_POINTER (i), NULL);
      gtk_widget_add_css_class (area, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (self->pages_box, area);
    }
}

static void
ws_print_preview_finalize (GObject *object)
{
  WsPrintPreview *self = (WsPrintPreview *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  g_free (self->audit_subject);
  g_free (self->audit_detail);

  G_OBJECT_CLASS (ws_print_preview_parent_class)->finalize (object);
}

static void
ws_print_preview_class_init (WsPrintPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_print_preview_finalize;
}

static void
ws_print_preview_init (WsPrintPreview *self)
{
}

/**
 * ws_print_preview_new:
 * @dialog: the dialog showing the preview; it owns the result and must
 *   install the actions named by @kind
 * @kind: (not nullable): static description of the sheet
 *
 * Returns: (transfer full): the preview of the dialog's template widgets
 */
WsPrintPreview *
ws_print_preview_new (GtkWidget                *dialog,
                      WsDatabase               *db,
                      const WsPrintPreviewKind *kind,
                      AdwToastOverlay          *toast_overlay,
                      GtkStack                 *preview_stack,
                      GtkBox                   *pages_box,
                      AdwStatusPage            *problem_page)
{
  WsPrintPreview *self;

  g_return_val_if_fail (GTK_IS_WINDOW (dialog), NULL);
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (WS_TYPE_PRINT_PREVIEW, NULL);
  self->dialog = dialog;
  self->db = g_object_ref (db);
  self->kind = kind;
  self->toast_overlay = toast_overlay;
  self->preview_stack = preview_stack;
  self->pages_box = pages_box;
  self->problem_page = problem_page;
  return self;
}

/**
 * ws_print_preview_set_audit:
 * @subject: (nullable): the pseudonym the printout is about
 * @detail: (nullable): the audit trail's words for what was printed
 *
 * Sets what printing and export write to the audit trail.
 */
void
ws_print_preview_set_audit (WsPrintPreview *self,
                            const char     *subject,
                            const char     *detail)
{
  g_return_if_fail (WS_IS_PRINT_PREVIEW (self));

  g_free (self->audit_subject);
  self->audit_subject = g_strdup (subject);
  g_free (self->audit_detail);
  self->audit_detail = g_strdup (detail);
}

/**
 * ws_print_preview_show:
 * @document: (transfer none): the sheet to preview, print and export
 *
 * Lays @document out on A4 pages, shows them and enables printing and export.
 */
void
ws_print_preview_show (WsPrintPreview *self,
                       WsDocument     *document)
{
  g_return_if_fail (WS_IS_PRINT_PREVIEW (self));
  g_return_if_fail (WS_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  g_clear_object (&self->renderer);
  self->renderer = ws_page_renderer_new (self->document, WS_PAGE_A4_WIDTH, WS_PAGE_A4_HEIGHT);
  show_pages (self);
  gtk_stack_set_visible_child_name (self->preview_stack, "pages");
  set_actions_enabled (self, TRUE);
}

/**
 * ws_print_preview_show_problem:
 *
 * Drops the sheet, shows @message in its place and disables printing and export.
 */
void
ws_print_preview_show_problem (WsPrintPreview *self,
                               const char     *message)
{
  g_return_if_fail (WS_IS_PRINT_PREVIEW (self));

  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  adw_status_page_set_description (self->problem_page, message);
  gtk_stack_set_visible_child_name (self->preview_stack, "problem");
  set_actions_enabled (self, FALSE);
}

/**
 * ws_print_preview_get_document:
 *
 * Returns: (transfer none) (nullable): the sheet as previewed
 */
WsDocument *
ws_print_preview_get_document (WsPrintPreview *self)
{
  g_return_val_if_fail (WS_IS_PRINT_PREVIEW (self), NULL);
  return self->document;
}

guint
ws_print_preview_get_n_pages (WsPrintPreview *self)
{
  g_return_val_if_fail (WS_IS_PRINT_PREVIEW (self), 0);
  return self->renderer != NULL ? ws_page_renderer_get_n_pages (self->renderer) : 0;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               WsPrintPreview          *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *event = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      toast (self, error != NULL ? error->message : _("Printing failed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      event = g_strconcat ("print-", self->kind->audit_kind, NULL);
      ws_database_audit_event (self->db, event, self->audit_subject, self->audit_detail, NULL);
    }
}

/**
 * ws_print_preview_print:
 *
 * Opens the print dialog for the previewed sheet; printing is audited.
 */
void
ws_print_preview_print (WsPrintPreview *self)
{
  g_autoptr(WsPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WS_IS_PRINT_PREVIEW (self));

  if (self->document == NULL)
    return;
  operation = ws_print_operation_new (self->document);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self->dialog), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

static void
export_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  WsPrintPreview  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!ws_print_preview_export_pdf (self, path, &error))
    toast (self, error->message);
  else
    toast (self, _(self->kind->saved_message));
}

/**
 * ws_print_preview_choose_pdf:
 * @suggested_name: the file name offered
 *
 * Asks where to save the previewed sheet as PDF and writes it there.
 */
void
ws_print_preview_choose_pdf (WsPrintPreview *self,
                             const char     *suggested_name)
{
  GtkFileChooserNative *dialog;

  g_return_if_fail (WS_IS_PRINT_PREVIEW (self));

  dialog = gtk_file_chooser_native_new (_(self->kind->export_title), GTK_WINDOW (self->dialog),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * ws_print_preview_export_pdf:
 *
 * Writes the previewed pages to @path and records it in the audit trail.
 */
gboolean
ws_print_preview_export_pdf (WsPrintPreview  *self,
                             const char      *path,
                             GError         **error)
{
  g_autofree char *event = NULL;

  g_return_val_if_fail (WS_IS_PRINT_PREVIEW (self), FALSE);

  if (self->renderer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _(self->kind->empty_message));
      return FALSE;
    }
  if (!ws_page_renderer_write_pdf (self->renderer, path, error))
    return FALSE;
  event = g_strconcat ("export-", self->kind->audit_kind, "-pdf", NULL);
  return ws_database_audit_event (self->db, event, self->audit_subject, self->audit_detail, error);
}
