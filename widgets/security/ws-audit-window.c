/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-audit-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-audit-window.h"
#include "ws-audit.h"
#include "ws-form.h"

/* The audit trail for those who may read it: every record newest first,
 * filtered by who, what and when, under a line saying whether the chain
 * of hashes still holds from the first record to the last. Records name
 * witnesses by pseudonym only. */
struct _WsAuditWindow
{
  AdwWindow      parent_instance;

  /* template widgets */
  GtkWidget     *verify_box;
  GtkImage      *verify_icon;
  GtkLabel      *verify_label;
  GtkSearchEntry *actor_entry;
  GtkDropDown   *action_dropdown;
  GtkDropDown   *period_dropdown;
  GtkStack      *list_stack;
  GtkColumnView *column_view;
  GtkLabel      *count_label;

  /* owned */
  WsDatabase    *db;
  GStrv          actions;
  guint          n_shown;
  gboolean       intact;
};

G_DEFINE_FINAL_TYPE (WsAuditWindow, ws_audit_window, ADW_TYPE_WINDOW)

/* More would make the list slow to scroll and no easier to read;
 * narrowing the filters reaches older records. */
#define SHOWN_AT_MOST 2000

typedef enum {
  COLUMN_WHEN,
  COLUMN_WHO,
  COLUMN_ACTION,
  COLUMN_WITNESS,
  COLUMN_DETAIL,
} Column;

static const struct {
  const char *title;
  gboolean    expand;
} columns[] = {
  [COLUMN_WHEN] = { N_("When"), FALSE },
  [COLUMN_WHO] = { N_("Who"), FALSE },
  [COLUMN_ACTION] = { N_("What"), FALSE },
  [COLUMN_WITNESS] = { N_("Witness"), FALSE },
  [COLUMN_DETAIL] = { N_("Detail"), TRUE },
};

/* Periods offered, as hours back from now; 0 is "any time". */
static const struct {
  const char *label;
  int         hours;
} periods[] = {
  { N_("Any Time"), 0 },
  { N_("Last 24 Hours"), 24 },
  { N_("Last 7 Days"), 24 * 7 },
  { N_("Last 30 Days"), 24 * 30 },
  { N_("Last 12 Months"), 24 * 365 },
};

static char *
format_instant (const char *iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x %X");
}

static char *
column_text (WsAuditRecord *record,
             Column         column)
{
  switch (column)
    {
    case COLUMN_WHEN:
      return format_instant (ws_audit_record_get_at (record));
    case COLUMN_WHO:
      /* Translators: who did something and in which role, e.g. "Ana Novak · Prosecutor" */
      return g_strdup_printf (_("%s · %s"), ws_audit_record_get_actor (record),
                              ws_role_get_label (ws_audit_record_get_role (record)));
    case COLUMN_ACTION:
      return g_strdup (ws_audit_action_get_label (ws_audit_record_get_action (record)));
    case COLUMN_WITNESS:
      return g_strdup (ws_audit_record_get_pseudonym (record));
    case COLUMN_DETAIL:
    default:
      return g_strdup (ws_audit_record_get_detail (record));
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  g_autofree char *text = column_text (gtk_list_item_get_item (item), GPOINTER_TO_INT (user_data));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, *text != '\0' ? text : NULL);
}

static void
add_columns (WsAuditWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

static void
show_verification (WsAuditWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_checked = 0;
  gint64 broken_id = 0;

  self->intact = ws_database_verify_audit (self->db, &n_checked, &broken_id, &error);
  if (self->intact)
    /* Translators: %u is a number of audit records */
    text = g_strdup_printf (ngettext ("The trail is intact: its %u record links to the one before, unchanged.",
                                      "The trail is intact: each of its %u records links to the one before, unchanged.",
                                      n_checked), n_checked);
  else if (broken_id != 0)
    text = g_strdup_printf (_("The trail has been tampered with: record %" G_GINT64_FORMAT " and those after it "
                              "no longer match the chain. Keep this database as evidence and restore a backup."),
                            broken_id);
  else
    text = g_strdup_printf (_("The trail could not be checked: %s"), error->message);

  gtk_image_set_from_icon_name (self->verify_icon, self->intact ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_label_set_text (self->verify_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->verify_icon), self->intact ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->verify_icon), self->intact ? "success" : "error");
}

static void
fill_actions (WsAuditWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->actions = ws_database_list_audit_actions (self->db, &error);
  if (self->actions == NULL)
    self->actions = g_new0 (char *, 1);
  gtk_string_list_append (labels, _("Every Action"));
  for (guint i = 0; self->actions[i] != NULL; i++)
    gtk_string_list_append (labels, ws_audit_action_get_label (self->actions[i]));
  gtk_drop_down_set_model (self->action_dropdown, G_LIST_MODEL (labels));
}

static void
fill_periods (WsAuditWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    gtk_string_list_append (labels, _(periods[i].label));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (labels));
}

static void
reload (WsAuditWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autofree char *count = NULL;
  guint action_at = gtk_drop_down_get_selected (self->action_dropdown);
  guint period_at = gtk_drop_down_get_selected (self->period_dropdown);
  const char *action = NULL;
  const char *actor;

  /* The filters report their first values before the database is set. */
  if (self->db == NULL || self->actions == NULL)
    return;
  actor = gtk_editable_get_text (GTK_EDITABLE (self->actor_entry));
  if (action_at != GTK_INVALID_LIST_POSITION && action_at > 0 && action_at <= g_strv_length (self->actions))
    action = self->actions[action_at - 1];
  if (period_at != GTK_INVALID_LIST_POSITION && period_at < G_N_ELEMENTS (periods) && periods[period_at].hours > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      since = g_date_time_add_hours (now, -periods[period_at].hours);
    }

  records = ws_database_list_audit (self->db, *actor != '\0' ? actor : NULL, action, since, NULL,
                                    SHOWN_AT_MOST, &error);
  if (records == NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      self->n_shown = 0;
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      gtk_label_set_text (self->count_label, error->message);
      return;
    }
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (records));

    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  }
  self->n_shown = g_list_model_get_n_items (records);
  gtk_stack_set_visible_child_name (self->list_stack, self->n_shown > 0 ? "list" : "empty");
  if (self->n_shown >= SHOWN_AT_MOST)
    count = g_strdup_printf (_("The newest %u records. Narrow the search to see older ones."), self->n_shown);
  else
    count = g_strdup_printf (ngettext ("%u record", "%u records", self->n_shown), self->n_shown);
  gtk_label_set_text (self->count_label, count);
}

static void
filter_changed_cb (WsAuditWindow *self)
{
  reload (self);
}

static void
ws_audit_window_dispose (GObject *object)
{
  WsAuditWindow *self = (WsAuditWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_AUDIT_WINDOW);
  g_clear_object (&self->db);
  g_clear_pointer (&self->actions, g_strfreev);

  G_OBJECT_CLASS (ws_audit_window_parent_class)->dispose (object);
}

static void
ws_audit_window_class_init (WsAuditWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_audit_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/witnesssupport/WitnessSupport/security/ws-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WsAuditWindow, verify_box);
  gtk_widget_class_bind_template_child (widget_class, WsAuditWindow, verify_icon);
  gtk_widget_class_bind_template_child (widget_class, WsAuditWindow, verify_label);
  gtk_widget_class_bind_template_child (widget_class, WsAuditWindow, actor_entry);
  gtk_widget_class_bind_template_child (widget_class, WsAuditWindow, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WsAuditWindow, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WsAuditWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WsAuditWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, WsAuditWindow, count_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
ws_audit_window_init (WsAuditWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_columns (self);
  fill_periods (self);
}

/**
 * ws_audit_window_new:
 *
 * Returns: (transfer none): a window over the audit trail of @db,
 *   transient for @parent; the role at work must be allowed to read it
 */
WsAuditWindow *
ws_audit_window_new (GtkWindow  *parent,
                     WsDatabase *db)
{
  WsAuditWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_AUDIT_WINDOW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  show_verification (self);
  fill_actions (self);
  reload (self);
  return self;
}

/**
 * ws_audit_window_set_filter:
 * @actor: (nullable): part of a name, as typed in the "Who" field
 * @action: (nullable): an action such as "login-failed", or %NULL for every one
 */
void
ws_audit_window_set_filter (WsAuditWindow *self,
                            const char    *actor,
                            const char    *action)
{
  guint position = 0;

  g_return_if_fail (WS_IS_AUDIT_WINDOW (self));

  for (guint i = 0; action != NULL && self->actions != NULL && self->actions[i] != NULL; i++)
    if (g_strcmp0 (self->actions[i], action) == 0)
      position = i + 1;
  gtk_drop_down_set_selected (self->action_dropdown, position);
  gtk_editable_set_text (GTK_EDITABLE (self->actor_entry), actor != NULL ? actor : "");
  /* The search entry waits a moment before it says it changed. */
  reload (self);
}

guint
ws_audit_window_get_n_shown (WsAuditWindow *self)
{
  g_return_val_if_fail (WS_IS_AUDIT_WINDOW (self), 0);
  return self->n_shown;
}

/**
 * ws_audit_window_is_intact:
 *
 * Returns: whether the chain of the trail verified when the window opened
 */
gboolean
ws_audit_window_is_intact (WsAuditWindow *self)
{
  g_return_val_if_fail (WS_IS_AUDIT_WINDOW (self), FALSE);
  return self->intact;
}
