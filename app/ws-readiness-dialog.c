/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-readiness-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-hearing.h"
#include "ws-print-preview.h"
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
  WsPrintPreview    *preview;
  char              *case_reference;
  gint64             hearing_id;
};

G_DEFINE_FINAL_TYPE (WsReadinessDialog, ws_readiness_dialog, ADW_TYPE_WINDOW)

static const WsPrintPreviewKind readiness_kind = {
  .actions = "readiness",
  .audit_kind = "readiness",
  .scale = 1.0,
  .export_title = N_("Export Readiness Sheet as PDF"),
  .saved_message = N_("Readiness sheet saved as PDF"),
  .empty_message = N_("There is no readiness sheet to export"),
};

static void
build (WsReadinessDialog *self,
       guint              due_days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsHearing) hearing = ws_database_get_hearing (self->db, self->hearing_id, &error);
  g_autoptr(WsDocument) document = NULL;
  g_autofree char *detail = NULL;

  if (hearing != NULL)
    {
      self->case_reference = g_strdup (ws_hearing_get_case_reference (hearing));
      adw_window_title_set_subtitle (self->window_title, self->case_reference);
      document = ws_readiness_sheet_build_with_deadline (self->db, self->hearing_id, due_days, &error);
    }
  if (document == NULL)
    {
      ws_print_preview_show_problem (self->preview, error->message);
      return;
    }
  /* The audit trail's own words, as the command line writes them. */
  detail = g_strdup_printf ("readiness sheet: case %s, hearing %" G_GINT64_FORMAT, self->case_reference,
                            self->hearing_id);
  ws_print_preview_set_audit (self->preview, NULL, detail);
  ws_print_preview_show (self->preview, document);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  ws_print_preview_print (WS_READINESS_DIALOG (widget)->preview);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  WsReadinessDialog *self = WS_READINESS_DIALOG (widget);
  g_autofree char *suggested = g_strdup_printf ("readiness-%s-%" G_GINT64_FORMAT ".pdf",
                                                self->case_reference, self->hearing_id);

  g_strdelimit (suggested, "/\\:", '-');
  ws_print_preview_choose_pdf (self->preview, suggested);
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
  g_clear_object (&self->preview);
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
  self->preview = ws_print_preview_new (GTK_WIDGET (self), db, &readiness_kind, self->toast_overlay,
                                        self->preview_stack, self->pages_box, self->problem_page);
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
  return ws_print_preview_get_document (self->preview);
}

guint
ws_readiness_dialog_get_n_pages (WsReadinessDialog *self)
{
  g_return_val_if_fail (WS_IS_READINESS_DIALOG (self), 0);
  return ws_print_preview_get_n_pages (self->preview);
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
  g_return_val_if_fail (WS_IS_READINESS_DIALOG (self), FALSE);
  return ws_print_preview_export_pdf (self->preview, path, error);
}
