/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-hearings-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-hearing-page.h"
#include "ws-hearings-view.h"
#include "ws-time.h"

/* The Hearings place: hearings by date, narrowed by period, court and
 * prosecutor, each with a readiness badge; the selected one's page
 * beside. The list is read on a worker thread, never blocking. */
struct _WsHearingsView
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkStack           *stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkDropDown        *period_dropdown;
  GtkDropDown        *court_dropdown;
  GtkDropDown        *prosecutor_dropdown;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkLabel           *count_label;
  GtkWidget          *content;
  GtkStack           *content_stack;
  AdwBin             *page_bin;

  /* owned */
  WsDatabase         *db;
  GListStore         *model;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  GtkWidget          *page;
  GStrv               courts;
  GStrv               prosecutors;
  gint64              select_id;
  gboolean            loading;
  gboolean            updating_filters;
  gboolean            restoring;
  gboolean            any_hearings;
};

G_DEFINE_FINAL_TYPE (WsHearingsView, ws_hearings_view, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_start (WsHearing *hearing)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (ws_hearing_get_starts_at (hearing));

  /* Translators: a g_date_time_format() string for a hearing in the list, in the viewer's zone */
  return g_date_time_format (local, _("%a %-d %b %Y, %H:%M"));
}

static char *
describe (WsHearing *hearing)
{
  guint n = ws_hearing_get_n_witnesses (hearing);
  const char *room = ws_hearing_get_court_room (hearing);
  g_autofree char *witnesses = g_strdup_printf (ngettext ("%u witness", "%u witnesses", n), n);

  /* Translators: case reference · court room · kind of hearing · number of witnesses */
  return g_strdup_printf (_("%s · %s · %s · %s"), ws_hearing_get_case_reference (hearing),
                          room != NULL ? room : _("no room booked"),
                          ws_hearing_kind_get_label (ws_hearing_get_kind (hearing)), witnesses);
}

/* Three lines: when (in the viewer's zone), what, and how ready. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_margin_top (badge, 2);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  static const char * const styles[] = { "success", "warning", "error", "accent", "dim" };
  WsHearing *hearing = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *badge = gtk_widget_get_next_sibling (subtitle);
  g_autofree char *when = format_start (hearing);
  g_autofree char *what = describe (hearing);
  const char *style = NULL;
  g_autofree char *state = ws_hearing_format_badge (hearing, &style);

  gtk_label_set_text (GTK_LABEL (title), when);
  gtk_label_set_text (GTK_LABEL (subtitle), what);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (badge, styles[i]);
  gtk_widget_add_css_class (badge, style);
  gtk_label_set_text (GTK_LABEL (badge), state);
}

static void
update_state (WsHearingsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = g_strdup_printf (ngettext ("%u hearing", "%u hearings", n), n);

  if (!self->loading && !self->any_hearings)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "browse");
  gtk_stack_set_visible_child_name (self->list_stack, self->loading && n == 0 ? "loading"
                                                      : n > 0 ? "list" : "no-results");
  gtk_label_set_text (self->count_label, self->loading && n == 0 ? "" : count);
}

static void
show_selected (WsHearingsView *self)
{
  WsHearing *hearing = gtk_single_selection_get_selected_item (self->selection);

  gtk_stack_set_visible_child_name (self->content_stack, hearing != NULL ? "page" : "nothing");
  ws_hearing_page_set_hearing (WS_HEARING_PAGE (self->page), hearing);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
selection_changed_cb (WsHearingsView *self)
{
  /* While the list is replaced, the selection is put back in one step. */
  if (self->restoring)
    return;
  show_selected (self);
  if (gtk_single_selection_get_selected_item (self->selection) != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
list_activate_cb (WsHearingsView *self,
                  guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
back_clicked_cb (WsHearingsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static const char *
chosen (GtkDropDown  *dropdown,
        GStrv         values)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  /* Position 0 is "All …". */
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || values == NULL ||
      position > g_strv_length (values))
    return NULL;
  return values[position - 1];
}

static void
fill_dropdown (GtkDropDown *dropdown,
               const char  *all,
               GStrv        values,
               const char  *keep)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (model, all);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      gtk_string_list_append (model, values[i]);
      if (g_strcmp0 (values[i], keep) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, selected);
}

/* The courts and prosecutors offered are those that have hearings now. */
static void
update_filter_values (WsHearingsView *self)
{
  g_autofree char *court = g_strdup (chosen (self->court_dropdown, self->courts));
  g_autofree char *prosecutor = g_strdup (chosen (self->prosecutor_dropdown, self->prosecutors));

  g_strfreev (self->courts);
  g_strfreev (self->prosecutors);
  self->courts = ws_database_list_hearing_courts (self->db, NULL);
  self->prosecutors = ws_database_list_hearing_prosecutors (self->db, NULL);
  self->updating_filters = TRUE;
  fill_dropdown (self->court_dropdown, _("All courts"), self->courts, court);
  fill_dropdown (self->prosecutor_dropdown, _("All prosecutors"), self->prosecutors, prosecutor);
  self->updating_filters = FALSE;
  self->any_hearings = self->courts != NULL && self->courts[0] != NULL;
}

static void
select_position_of (WsHearingsView *self,
                    gint64          id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; id > 0 && i < n; i++)
    {
      g_autoptr(WsHearing) hearing = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      if (ws_hearing_get_id (hearing) == id)
        position = i;
    }
  self->restoring = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->restoring = FALSE;
  show_selected (self);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WsHearingsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hearings = ws_database_list_hearings_finish (WS_DATABASE (source), result, &error);

  if (hearings == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (hearings == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      update_state (self);
      return;
    }
  /* Past hearings read best from the most recent back. */
  if (gtk_drop_down_get_selected (self->period_dropdown) == WS_HEARING_PERIOD_PAST)
    for (guint i = 0; i < hearings->len / 2; i++)
      {
        gpointer swap = hearings->pdata[i];

        hearings->pdata[i] = hearings->pdata[hearings->len - 1 - i];
        hearings->pdata[hearings->len - 1 - i] = swap;
      }
  self->restoring = TRUE;
  g_list_store_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                       hearings->pdata, hearings->len);
  self->restoring = FALSE;
  select_position_of (self, self->select_id);
  update_state (self);
}

static void
load (WsHearingsView *self)
{
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  WsHearing *selected = gtk_single_selection_get_selected_item (self->selection);
  guint period = gtk_drop_down_get_selected (self->period_dropdown);

  self->select_id = selected != NULL ? ws_hearing_get_id (selected) : self->select_id;
  ws_hearing_period_get_range (period < WS_N_HEARING_PERIODS ? period : WS_HEARING_PERIOD_UPCOMING,
                               now, &from, &to);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  update_state (self);
  ws_database_list_hearings_async (self->db, from, to, chosen (self->court_dropdown, self->courts),
                                   chosen (self->prosecutor_dropdown, self->prosecutors), self->cancellable,
                                   loaded_cb, g_object_ref (self));
}

static void
filter_changed_cb (WsHearingsView *self)
{
  if (self->updating_filters || self->db == NULL)
    return;
  load (self);
}

static void
ws_hearings_view_dispose (GObject *object)
{
  WsHearingsView *self = (WsHearingsView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_HEARINGS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ws_hearings_view_parent_class)->dispose (object);
}

static void
ws_hearings_view_finalize (GObject *object)
{
  WsHearingsView *self = (WsHearingsView *)object;

  g_strfreev (self->courts);
  g_strfreev (self->prosecutors);

  G_OBJECT_CLASS (ws_hearings_view_parent_class)->finalize (object);
}

static void
ws_hearings_view_class_init (WsHearingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_hearings_view_dispose;
  object_class->finalize = ws_hearings_view_finalize;

  /**
   * WsHearingsView::selection-changed:
   *
   * The selected hearing changed or was read again.
   */
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/measures/ws-hearings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WsHearingsView, stack);
  gtk_widget_class_bind_template_child (widget_class, WsHearingsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WsHearingsView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WsHearingsView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WsHearingsView, court_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WsHearingsView, prosecutor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WsHearingsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WsHearingsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, WsHearingsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, WsHearingsView, content);
  gtk_widget_class_bind_template_child (widget_class, WsHearingsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, WsHearingsView, page_bin);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
ws_hearings_view_init (WsHearingsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating_filters = TRUE;
  for (guint i = 0; i < WS_N_HEARING_PERIODS; i++)
    gtk_string_list_append (periods, ws_hearing_period_get_label (i));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  gtk_drop_down_set_selected (self->period_dropdown, WS_HEARING_PERIOD_UPCOMING);
  fill_dropdown (self->court_dropdown, _("All courts"), NULL, NULL);
  fill_dropdown (self->prosecutor_dropdown, _("All prosecutors"), NULL, NULL);
  self->updating_filters = FALSE;

  self->model = g_list_store_new (WS_TYPE_HEARING);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->loading = TRUE;
  update_state (self);
}

GtkWidget *
ws_hearings_view_new (WsDatabase *db)
{
  WsHearingsView *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_HEARINGS_VIEW, NULL);
  self->db = g_object_ref (db);
  self->page = ws_hearing_page_new (db);
  adw_bin_set_child (self->page_bin, self->page);
  return GTK_WIDGET (self);
}

/**
 * ws_hearings_view_reload:
 *
 * Reads the courts and prosecutors to filter by, then the hearings on a
 * worker thread, keeping the filters and the selection; a reload still
 * running is cancelled.
 */
void
ws_hearings_view_reload (WsHearingsView *self)
{
  g_return_if_fail (WS_IS_HEARINGS_VIEW (self));

  update_filter_values (self);
  load (self);
}

/**
 * ws_hearings_view_set_loading:
 *
 * Shows that the list is being read, until ws_hearings_view_reload() is done.
 */
void
ws_hearings_view_set_loading (WsHearingsView *self)
{
  g_return_if_fail (WS_IS_HEARINGS_VIEW (self));
  self->loading = TRUE;
  update_state (self);
}

gboolean
ws_hearings_view_is_loading (WsHearingsView *self)
{
  g_return_val_if_fail (WS_IS_HEARINGS_VIEW (self), FALSE);
  return self->loading;
}

static void
choose_value (GtkDropDown *dropdown,
              GStrv        values,
              const char  *value)
{
  guint position = 0;

  for (guint i = 0; value != NULL && values != NULL && values[i] != NULL; i++)
    if (g_ascii_strcasecmp (values[i], value) == 0)
      position = i + 1;
  gtk_drop_down_set_selected (dropdown, position);
}

/**
 * ws_hearings_view_set_filters:
 * @court: (nullable): a court offered in the list, or %NULL for all
 * @prosecutor: (nullable): a prosecutor offered in the list, or %NULL for all
 *
 * Chooses the filters as the user would; the list reloads.
 */
void
ws_hearings_view_set_filters (WsHearingsView  *self,
                              const char      *court,
                              const char      *prosecutor,
                              WsHearingPeriod  period)
{
  g_return_if_fail (WS_IS_HEARINGS_VIEW (self));

  self->updating_filters = TRUE;
  choose_value (self->court_dropdown, self->courts, court);
  choose_value (self->prosecutor_dropdown, self->prosecutors, prosecutor);
  gtk_drop_down_set_selected (self->period_dropdown, period);
  self->updating_filters = FALSE;
  load (self);
}

guint
ws_hearings_view_get_n_shown (WsHearingsView *self)
{
  g_return_val_if_fail (WS_IS_HEARINGS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

/**
 * ws_hearings_view_get_shown_item:
 *
 * Returns: (transfer full) (nullable): the hearing at @position in the list
 */
WsHearing *
ws_hearings_view_get_shown_item (WsHearingsView *self,
                                 guint           position)
{
  g_return_val_if_fail (WS_IS_HEARINGS_VIEW (self), NULL);
  return g_list_model_get_item (G_LIST_MODEL (self->model), position);
}

/**
 * ws_hearings_view_get_row_badge:
 *
 * Returns: (transfer full) (nullable): the badge the row at @position shows
 */
char *
ws_hearings_view_get_row_badge (WsHearingsView *self,
                                guint           position)
{
  g_autoptr(WsHearing) hearing = NULL;
  const char *style;

  g_return_val_if_fail (WS_IS_HEARINGS_VIEW (self), NULL);
  hearing = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  return hearing != NULL ? ws_hearing_format_badge (hearing, &style) : NULL;
}

/**
 * ws_hearings_view_select_id:
 * @id: the hearing to select, or 0 for none
 */
void
ws_hearings_view_select_id (WsHearingsView *self,
                            gint64          id)
{
  g_return_if_fail (WS_IS_HEARINGS_VIEW (self));
  self->select_id = id;
  select_position_of (self, id);
}

/**
 * ws_hearings_view_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected hearing
 */
WsHearing *
ws_hearings_view_get_selected (WsHearingsView *self)
{
  g_return_val_if_fail (WS_IS_HEARINGS_VIEW (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * ws_hearings_view_get_page:
 *
 * Returns: (transfer none): the page of the selected hearing
 */
WsHearingPage *
ws_hearings_view_get_page (WsHearingsView *self)
{
  g_return_val_if_fail (WS_IS_HEARINGS_VIEW (self), NULL);
  return WS_HEARING_PAGE (self->page);
}
