/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-directory-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-directory-dialog.h"
#include "ws-form.h"
#include "ws-interpreter-editor.h"
#include "ws-site-editor.h"

/* The places and people sessions are booked between: every site with its
 * zone and hours, every interpreter with languages and zone. A row opens
 * its editor; "+" adds one. */
struct _WsDirectoryDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwViewStack        *stack;
  AdwPreferencesGroup *sites_group;
  AdwPreferencesGroup *interpreters_group;

  /* owned */
  WsDatabase          *db;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (WsDirectoryDialog, ws_directory_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
saved_cb (WsDirectoryDialog *self,
          const char        *message)
{
  ws_directory_dialog_reload (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
present_editor (WsDirectoryDialog *self,
                GtkWidget         *editor)
{
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (AdwActionRow      *row,
                  WsDirectoryDialog *self)
{
  GObject *item = g_object_get_data (G_OBJECT (row), "ws-item");

  if (WS_IS_SITE (item))
    present_editor (self, ws_site_editor_new (GTK_WINDOW (self), self->db, WS_SITE (item)));
  else
    present_editor (self, ws_interpreter_editor_new (GTK_WINDOW (self), self->db, WS_INTERPRETER (item)));
}

static void
add_row (WsDirectoryDialog   *self,
         AdwPreferencesGroup *group,
         GObject             *item,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "ws-item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
  ws_form_group_add (group, self->rows, row);
}

static char *
describe_site (WsSite *site)
{
  g_autofree char *days = ws_weekdays_format (ws_site_get_working_days (site));

  /* Translators: kind · zone · working days and hours, e.g.
   * "Site abroad · Asia/Bangkok · Mon–Fri 08:30–17:30" */
  return g_strdup_printf (_("%s · %s · %s %s–%s"), ws_site_kind_get_label (ws_site_get_kind (site)),
                          ws_site_get_zone (site), days, ws_site_get_opens_at (site), ws_site_get_closes_at (site));
}

static char *
describe_interpreter (WsInterpreter *interpreter)
{
  g_autofree char *languages = ws_interpreter_dup_languages_text (interpreter);

  /* Translators: languages · zone */
  return g_strdup_printf (_("%s · %s"), languages, ws_interpreter_get_zone (interpreter));
}

void
ws_directory_dialog_reload (WsDirectoryDialog *self)
{
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GPtrArray) interpreters = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WS_IS_DIRECTORY_DIALOG (self));

  ws_form_clear_rows (self->rows);
  sites = ws_database_list_sites (self->db, &error);
  if (sites == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, ws_form_error_toast (error));
      return;
    }
  for (guint i = 0; i < sites->len; i++)
    {
      WsSite *site = g_ptr_array_index (sites, i);
      g_autofree char *subtitle = describe_site (site);

      add_row (self, self->sites_group, G_OBJECT (site), ws_site_get_name (site), subtitle);
    }
  interpreters = ws_database_list_interpreters (self->db, NULL);
  for (guint i = 0; interpreters != NULL && i < interpreters->len; i++)
    {
      WsInterpreter *interpreter = g_ptr_array_index (interpreters, i);
      g_autofree char *subtitle = describe_interpreter (interpreter);

      add_row (self, self->interpreters_group, G_OBJECT (interpreter), ws_interpreter_get_name (interpreter), subtitle);
    }
}

static void
add_site_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsDirectoryDialog *self = WS_DIRECTORY_DIALOG (widget);

  present_editor (self, ws_site_editor_new (GTK_WINDOW (self), self->db, NULL));
}

static void
add_interpreter_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WsDirectoryDialog *self = WS_DIRECTORY_DIALOG (widget);

  present_editor (self, ws_interpreter_editor_new (GTK_WINDOW (self), self->db, NULL));
}

static void
ws_directory_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WS_TYPE_DIRECTORY_DIALOG);
  G_OBJECT_CLASS (ws_directory_dialog_parent_class)->dispose (object);
}

static void
ws_directory_dialog_finalize (GObject *object)
{
  WsDirectoryDialog *self = WS_DIRECTORY_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (ws_directory_dialog_parent_class)->finalize (object);
}

static void
ws_directory_dialog_class_init (WsDirectoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_directory_dialog_dispose;
  object_class->finalize = ws_directory_dialog_finalize;

  /**
   * WsDirectoryDialog::changed:
   *
   * A site or interpreter was saved or removed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/schedule/ws-directory-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WsDirectoryDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WsDirectoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, WsDirectoryDialog, sites_group);
  gtk_widget_class_bind_template_child (widget_class, WsDirectoryDialog, interpreters_group);

  gtk_widget_class_install_action (widget_class, "directory.add-site", NULL, add_site_action);
  gtk_widget_class_install_action (widget_class, "directory.add-interpreter", NULL, add_interpreter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_directory_dialog_init (WsDirectoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * ws_directory_dialog_new:
 * @page: "sites" or "interpreters"
 *
 * Returns: (transfer none): the dialog, a modal window over @parent
 */
GtkWidget *
ws_directory_dialog_new (GtkWindow  *parent,
                         WsDatabase *db,
                         const char *page)
{
  WsDirectoryDialog *self;
  gboolean may_manage;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_DIRECTORY_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  may_manage = ws_database_may (db, WS_PERMISSION_MANAGE_DIRECTORY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.add-site", may_manage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.add-interpreter", may_manage);
  adw_view_stack_set_visible_child_name (self->stack, page);
  ws_directory_dialog_reload (self);
  return GTK_WIDGET (self);
}
