/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-site-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-enums.h"
#include "ws-form.h"
#include "ws-period-form.h"
#include "ws-site-editor.h"
#include "ws-text.h"

/* Adds or changes a court room, remote suite or site abroad on a copy;
 * closures and blocked periods of a saved site are added and removed at
 * once, each in its own change. */
struct _WsSiteEditor
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkLabel            *problem_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *zone_row;
  AdwEntryRow         *contact_row;
  AdwEntryRow         *technical_row;
  AdwEntryRow         *opens_row;
  AdwEntryRow         *closes_row;
  AdwActionRow        *days_row;
  GtkBox              *days_box;
  AdwPreferencesGroup *closures_group;
  AdwEntryRow         *closure_from_row;
  AdwEntryRow         *closure_to_row;
  AdwEntryRow         *closure_reason_row;

  /* owned */
  WsDatabase          *db;
  WsSite              *site;
  GtkWidget           *day_buttons[7];
  GPtrArray           *closure_rows;
};

G_DEFINE_FINAL_TYPE (WsSiteEditor, ws_site_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_changed_cb (WsSiteEditor *self,
                  GtkWidget    *row)
{
  ws_form_set_row_error (row, NULL);
}

static void remove_closure_cb (WsSiteEditor *self,
                               GtkButton    *button);

static void
show_closures (WsSiteEditor *self)
{
  g_autoptr(GPtrArray) closures = NULL;
  gint64 id = ws_site_get_id (self->site);

  ws_form_clear_rows (self->closure_rows);
  gtk_widget_set_sensitive (GTK_WIDGET (self->closures_group), id != 0);
  if (id == 0)
    {
      adw_preferences_group_set_description (self->closures_group, _("Save the site first; then add its closures here."));
      return;
    }
  closures = ws_database_list_site_closures (self->db, id, NULL, NULL);
  for (guint i = 0; closures != NULL && i < closures->len; i++)
    {
      WsPeriod *period = g_ptr_array_index (closures, i);
      g_autofree char *when = ws_period_form_describe (period, ws_site_get_zone (self->site));
      GtkWidget *row = ws_period_form_row (ws_period_get_reason (period), when, _("Remove the period"),
                                           G_CALLBACK (remove_closure_cb), self, ws_period_get_id (period));

      adw_preferences_group_add (self->closures_group, row);
      g_ptr_array_add (self->closure_rows, row);
    }
}

static void
remove_closure_cb (WsSiteEditor *self,
                   GtkButton    *button)
{
  g_autoptr(GError) error = NULL;

  if (!ws_database_delete_site_closure (self->db, ws_period_form_row_id (GTK_WIDGET (button)), &error))
    ws_form_set_row_error (GTK_WIDGET (self->closure_reason_row), error->message);
  show_closures (self);
}

static void
add_closure_cb (WsSiteEditor *self)
{
  g_autofree char *reason = ws_form_entry_text (self->closure_reason_row);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GError) error = NULL;

  if (!ws_period_form_read (self->closure_from_row, self->closure_to_row, ws_site_get_zone (self->site), &from, &to))
    return;
  if (ws_database_add_site_closure (self->db, ws_site_get_id (self->site), from, to, reason, &error) == 0)
    {
      ws_form_set_row_error (GTK_WIDGET (self->closure_reason_row), error->message);
      return;
    }
  ws_period_form_clear (self->closure_from_row, self->closure_to_row, self->closure_reason_row);
  show_closures (self);
}

static void
build_day_buttons (WsSiteEditor *self)
{
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 12, 0, 0);

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, i);
      g_autofree char *label = g_date_time_format (day, "%a");
      g_autofree char *name = g_date_time_format (day, "%A");

      self->day_buttons[i] = gtk_toggle_button_new_with_label (label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_buttons[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_signal_connect_object (self->day_buttons[i], "toggled", G_CALLBACK (field_changed_cb), self->days_row,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->days_box, self->day_buttons[i]);
    }
}

static void
fill_form (WsSiteEditor *self)
{
  WsSite *site = self->site;

  ws_form_set_entry_text (self->name_row, ws_site_get_name (site));
  adw_combo_row_set_selected (self->kind_row, ws_site_get_kind (site));
  ws_form_set_entry_text (self->zone_row, ws_site_get_zone (site));
  ws_form_set_entry_text (self->contact_row, ws_site_get_contact (site));
  ws_form_set_entry_text (self->technical_row, ws_site_get_technical_contact (site));
  ws_form_set_entry_text (self->opens_row, ws_site_get_opens_at (site));
  ws_form_set_entry_text (self->closes_row, ws_site_get_closes_at (site));
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->day_buttons[i]),
                                  (ws_site_get_working_days (site) & (1 << i)) != 0);
  show_closures (self);
}

static void
collect (WsSiteEditor *self)
{
  g_autofree char *name = ws_form_entry_text (self->name_row);
  g_autofree char *zone = ws_form_entry_text (self->zone_row);
  g_autofree char *contact = ws_form_entry_text (self->contact_row);
  g_autofree char *technical = ws_form_entry_text (self->technical_row);
  g_autofree char *opens = ws_form_entry_text (self->opens_row);
  g_autofree char *closes = ws_form_entry_text (self->closes_row);
  guint days = 0;

  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->day_buttons[i])))
      days |= 1 << i;
  ws_site_set_name (self->site, name);
  ws_site_set_kind (self->site, adw_combo_row_get_selected (self->kind_row));
  ws_site_set_zone (self->site, zone);
  ws_site_set_contact (self->site, contact);
  ws_site_set_technical_contact (self->site, technical);
  ws_site_set_opens_at (self->site, opens);
  ws_site_set_closes_at (self->site, closes);
  ws_site_set_working_days (self->site, days);
}

static gboolean
show_problems (WsSiteEditor *self,
               GPtrArray    *problems)
{
  const WsFormField rows[] = {
    { "name", GTK_WIDGET (self->name_row) },
    { "zone", GTK_WIDGET (self->zone_row) },
    { "opens_at", GTK_WIDGET (self->opens_row) },
    { "closes_at", GTK_WIDGET (self->closes_row) },
    { "working_days", GTK_WIDGET (self->days_row) },
  };

  return ws_form_show_problems (problems, rows, G_N_ELEMENTS (rows), self->problem_label);
}

/**
 * ws_site_editor_save:
 *
 * Returns: %TRUE if the site was valid and saved
 */
gboolean
ws_site_editor_save (WsSiteEditor *self)
{
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (WS_IS_SITE_EDITOR (self), FALSE);

  collect (self);
  ws_database_check_site (self->db, self->site, problems);
  if (!show_problems (self, problems))
    return FALSE;
  if (!ws_database_save_site (self->db, self->site, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  message = g_strdup_printf (_("“%s” saved"), ws_site_get_name (self->site));
  g_signal_emit (self, signals[SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ws_site_editor_save (WS_SITE_EDITOR (widget));
}

static void
ws_site_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WS_TYPE_SITE_EDITOR);
  G_OBJECT_CLASS (ws_site_editor_parent_class)->dispose (object);
}

static void
ws_site_editor_finalize (GObject *object)
{
  WsSiteEditor *self = WS_SITE_EDITOR (object);

  g_clear_object (&self->db);
  g_clear_object (&self->site);
  g_clear_pointer (&self->closure_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (ws_site_editor_parent_class)->finalize (object);
}

static void
ws_site_editor_class_init (WsSiteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_site_editor_dispose;
  object_class->finalize = ws_site_editor_finalize;

  /**
   * WsSiteEditor::saved:
   * @message: what to tell the user
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/schedule/ws-site-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, WsSiteEditor, name)
  BIND (window_title);
  BIND (problem_label);
  BIND (name_row);
  BIND (kind_row);
  BIND (zone_row);
  BIND (contact_row);
  BIND (technical_row);
  BIND (opens_row);
  BIND (closes_row);
  BIND (days_row);
  BIND (days_box);
  BIND (closures_group);
  BIND (closure_from_row);
  BIND (closure_to_row);
  BIND (closure_reason_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_closure_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ws_site_editor_init (WsSiteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->closure_rows = g_ptr_array_new ();
  build_day_buttons (self);
  ws_form_fill_combo (self->kind_row, WS_SITE_KIND_SITE_ABROAD + 1, (WsLabelFunc) ws_site_kind_get_label);
}

/**
 * ws_site_editor_new:
 * @site: (nullable): the site to change, or %NULL to add one
 *
 * Returns: (transfer none): the editor, a modal window over @parent
 */
GtkWidget *
ws_site_editor_new (GtkWindow  *parent,
                    WsDatabase *db,
                    WsSite     *site)
{
  WsSiteEditor *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_SITE_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->site = site != NULL ? ws_site_copy (site) : ws_site_new ();
  adw_window_title_set_title (self->window_title, site == NULL ? _("New Site") : _("Edit Site"));
  if (site != NULL)
    adw_window_title_set_subtitle (self->window_title, ws_site_get_name (site));
  fill_form (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}
