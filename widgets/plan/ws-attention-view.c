/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-attention-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-attention-view.h"
#include "ws-plan-util.h"
#include "ws-time.h"

/* The Attention place: every finding of the unit, most pressing first,
 * filterable by severity. The rules run on a worker thread each time the
 * database changes, so the window never waits for them; a run still going
 * when the next change comes is cancelled. */
struct _WsAttentionView
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  GtkToggleButton    *all_button;
  GtkToggleButton    *urgent_button;
  GtkToggleButton    *warning_button;
  GtkToggleButton    *info_button;
  GtkLabel           *count_label;
  GtkListView        *list_view;

  /* owned */
  WsDatabase         *db;
  GSettings          *settings;
  GCancellable       *cancellable;
  GListStore         *findings;
  GtkCustomFilter    *filter;
  GtkFilterListModel *shown;
  guint               counts[WS_FINDING_SEVERITY_URGENT + 1];
  int                 severity;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (WsAttentionView, ws_attention_view, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_finding (gpointer item,
                gpointer user_data)
{
  WsAttentionView *self = user_data;

  return self->severity < 0 || (int) ws_finding_get_severity (item) == self->severity;
}

static void
set_button_label (GtkToggleButton *button,
                  const char      *name,
                  guint            count)
{
  /* Translators: a severity filter with its count, e.g. "Urgent 3" */
  g_autofree char *label = g_strdup_printf (C_("severity filter", "%s %u"), name, count);

  gtk_button_set_label (GTK_BUTTON (button), label);
}

static void
update_counts (WsAttentionView *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  g_autofree char *count = NULL;

  set_button_label (self->all_button, _("All"), total);
  set_button_label (self->urgent_button, _("Urgent"), self->counts[WS_FINDING_SEVERITY_URGENT]);
  set_button_label (self->warning_button, _("Warnings"), self->counts[WS_FINDING_SEVERITY_WARNING]);
  set_button_label (self->info_button, _("Information"), self->counts[WS_FINDING_SEVERITY_INFO]);
  count = g_strdup_printf (ngettext ("%u finding shown", "%u findings shown", shown), shown);
  gtk_label_set_text (self->count_label, count);
}

static void
show_state (WsAttentionView *self,
            const char      *name)
{
  gtk_spinner_set_spinning (self->spinner, g_str_equal (name, "loading"));
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
filter_toggled_cb (WsAttentionView *self,
                   GtkToggleButton *button)
{
  int severity = -1;

  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->urgent_button)
    severity = WS_FINDING_SEVERITY_URGENT;
  else if (button == self->warning_button)
    severity = WS_FINDING_SEVERITY_WARNING;
  else if (button == self->info_button)
    severity = WS_FINDING_SEVERITY_INFO;
  if (severity == self->severity)
    return;
  self->severity = severity;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_counts (self);
}

static void
list_activate_cb (WsAttentionView *self,
                  guint            position)
{
  ws_attention_view_activate (self, position);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_list_item_set_child (item, ws_plan_finding_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  ws_plan_finding_row_bind (gtk_list_item_get_child (item), gtk_list_item_get_item (item), TRUE);
}

static void
evaluated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(WsAttentionView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = ws_rules_evaluate_finish (WS_DATABASE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->db == NULL)
    return;
  self->loading = FALSE;
  if (findings == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      show_state (self, "error");
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }

  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < findings->len; i++)
    self->counts[ws_finding_get_severity (g_ptr_array_index (findings, i))]++;
  g_list_store_splice (self->findings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->findings)),
                       findings->pdata, findings->len);
  update_counts (self);
  show_state (self, findings->len > 0 ? "list" : "empty");
  g_signal_emit (self, signals[LOADED], 0);
}

static void
ws_attention_view_dispose (GObject *object)
{
  WsAttentionView *self = (WsAttentionView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_ATTENTION_VIEW);
  g_clear_object (&self->shown);
  g_clear_object (&self->findings);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ws_attention_view_parent_class)->dispose (object);
}

static void
ws_attention_view_class_init (WsAttentionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_attention_view_dispose;

  /**
   * WsAttentionView::finding-activated:
   * @finding: the finding the user opened
   *
   * Asks the window to show what @finding is about.
   */
  signals[FINDING_ACTIVATED] = g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, WS_TYPE_FINDING);
  /**
   * WsAttentionView::loaded:
   *
   * The findings were evaluated again (or the evaluation failed).
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/plan/ws-attention-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WsAttentionView, stack);
  gtk_widget_class_bind_template_child (widget_class, WsAttentionView, spinner);
  gtk_widget_class_bind_template_child (widget_class, WsAttentionView, error_page);
  gtk_widget_class_bind_template_child (widget_class, WsAttentionView, all_button);
  gtk_widget_class_bind_template_child (widget_class, WsAttentionView, urgent_button);
  gtk_widget_class_bind_template_child (widget_class, WsAttentionView, warning_button);
  gtk_widget_class_bind_template_child (widget_class, WsAttentionView, info_button);
  gtk_widget_class_bind_template_child (widget_class, WsAttentionView, count_label);
  gtk_widget_class_bind_template_child (widget_class, WsAttentionView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
ws_attention_view_init (WsAttentionView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->severity = -1;
  self->findings = g_list_store_new (WS_TYPE_FINDING);
  self->filter = gtk_custom_filter_new (filter_finding, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->findings)), GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_counts (self);
}

GtkWidget *
ws_attention_view_new (WsDatabase *db)
{
  WsAttentionView *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_ATTENTION_VIEW, NULL);
  self->db = g_object_ref (db);
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (ws_attention_view_reload), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/**
 * ws_attention_view_reload:
 *
 * Evaluates the rules again on a worker thread, at the current time.
 */
void
ws_attention_view_reload (WsAttentionView *self)
{
  WsRulesSettings settings;
  g_autoptr(GDateTime) now = ws_time_now ();

  g_return_if_fail (WS_IS_ATTENTION_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->findings)) == 0)
    show_state (self, "loading");
  ws_rules_settings_read (&settings, self->settings);
  ws_rules_evaluate_async (self->db, now, &settings, self->cancellable, evaluated_cb, g_object_ref (self));
}

/**
 * ws_attention_view_get_findings:
 *
 * Returns: (transfer none): every finding of the unit, as last evaluated
 */
GListModel *
ws_attention_view_get_findings (WsAttentionView *self)
{
  g_return_val_if_fail (WS_IS_ATTENTION_VIEW (self), NULL);
  return G_LIST_MODEL (self->findings);
}

/**
 * ws_attention_view_get_shown:
 *
 * Returns: (transfer none): the findings the severity filter lets through
 */
GListModel *
ws_attention_view_get_shown (WsAttentionView *self)
{
  g_return_val_if_fail (WS_IS_ATTENTION_VIEW (self), NULL);
  return G_LIST_MODEL (self->shown);
}

/**
 * ws_attention_view_set_severity:
 * @severity: a #WsFindingSeverity, or -1 for all
 */
void
ws_attention_view_set_severity (WsAttentionView *self,
                                int              severity)
{
  GtkToggleButton *buttons[] = { self->info_button, self->warning_button, self->urgent_button };

  g_return_if_fail (WS_IS_ATTENTION_VIEW (self));
  g_return_if_fail (severity >= -1 && severity <= WS_FINDING_SEVERITY_URGENT);

  gtk_toggle_button_set_active (severity < 0 ? self->all_button : buttons[severity], TRUE);
}

guint
ws_attention_view_count (WsAttentionView *self,
                         int              severity)
{
  g_return_val_if_fail (WS_IS_ATTENTION_VIEW (self), 0);
  g_return_val_if_fail (severity >= -1 && severity <= WS_FINDING_SEVERITY_URGENT, 0);

  if (severity < 0)
    return g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  return self->counts[severity];
}

gboolean
ws_attention_view_is_loading (WsAttentionView *self)
{
  g_return_val_if_fail (WS_IS_ATTENTION_VIEW (self), FALSE);
  return self->loading;
}

/**
 * ws_attention_view_activate:
 * @position: a position in ws_attention_view_get_shown()
 *
 * Opens the finding at @position, as a click on its row does.
 */
void
ws_attention_view_activate (WsAttentionView *self,
                            guint            position)
{
  g_autoptr(WsFinding) finding = NULL;

  g_return_if_fail (WS_IS_ATTENTION_VIEW (self));

  finding = g_list_model_get_item (G_LIST_MODEL (self->shown), position);
  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}
