/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-browser"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-browser.h"
#include "ws-slot-list.h"
#include "ws-text.h"

/* A searchable list beside the page of the selected item, shared by every
 * place (witnesses, cases): the owner supplies the model, how items match
 * a search and how a row reads; the browser does the rest, including the
 * empty state and hiding items whose deletion can still be undone. */
struct _WsBrowser
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkStack           *stack;
  AdwBin             *empty_bin;
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkLabel           *count_label;
  GtkWidget          *content;
  GtkStack           *content_stack;
  AdwStatusPage      *nothing_page;
  AdwBin             *page_bin;

  /* owned */
  GListStore         *model;
  WsDatabase         *db;
  GCancellable       *cancellable;
  gint64              select_id;
  WsSlotList         *shown;
  GtkSingleSelection *selection;
  GHashTable         *hidden;
  char               *folded_query;

  /* borrowed */
  WsBrowserMatchFunc  match;
  gpointer            match_data;
  GObject            *selected;
  gboolean            refiltering;
  WsBrowserRowFunc    row;
  WsBrowserCountFunc  count;
  WsBrowserLoadFunc   load;
  WsBrowserFinishFunc finish;
  WsBrowserIdFunc     get_id;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (WsBrowser, ws_browser, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  QUERY_CHANGED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_item (WsBrowser *self,
             gpointer   item)
{
  if (self->get_id != NULL && g_hash_table_size (self->hidden) > 0)
    {
      gint64 id = self->get_id (item);

      if (g_hash_table_contains (self->hidden, &id))
        return FALSE;
    }
  if (self->match == NULL || self->folded_query == NULL || *self->folded_query == '\0')
    return TRUE;
  return self->match (item, self->folded_query, self->match_data);
}

static void
update_state (WsBrowser *self)
{
  guint total = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  g_autofree char *count = NULL;
  gboolean searching;

  if (self->loading)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (total == 0 || (shown == 0 && g_hash_table_size (self->hidden) >= total))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "browse");

  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "no-results");

  searching = self->folded_query != NULL && *self->folded_query != '\0';
  total -= MIN (total, g_hash_table_size (self->hidden));
  if (self->count != NULL)
    count = self->count (shown, total, searching);
  else if (searching)
    /* Translators: how many items match a search, out of how many */
    count = g_strdup_printf (_("%u of %u"), shown, total);
  else
    count = g_strdup_printf ("%u", shown);
  gtk_label_set_text (self->count_label, count);
}

static gpointer
selected_target (WsBrowser *self)
{
  gpointer slot = gtk_single_selection_get_selected_item (self->selection);

  return slot != NULL ? ws_slot_get_target (slot) : NULL;
}

static void
show_selected (WsBrowser *self)
{
  gpointer item = selected_target (self);

  g_set_object (&self->selected, item);

  gtk_stack_set_visible_child_name (self->content_stack, item != NULL ? "page" : "nothing");
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
selection_changed_cb (WsBrowser *self)
{
  /* While the shown records are replaced, positions change under the
   * selection; the refilter puts it back on the same record itself. */
  if (self->refiltering)
    return;
  show_selected (self);
  if (self->selected != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
items_changed_cb (WsBrowser *self)
{
  update_state (self);
}

static void
search_changed_cb (WsBrowser *self)
{
  g_autofree char *folded = ws_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  /* The entry reports the same text again after its typing delay. */
  if (g_strcmp0 (folded, self->folded_query) == 0)
    return;
  g_free (self->folded_query);
  self->folded_query = g_steal_pointer (&folded);
  g_signal_emit (self, signals[QUERY_CHANGED], 0, self->folded_query);
  ws_browser_refilter (self);
}

static void
search_activate_cb (WsBrowser *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      adw_leaflet_set_visible_child (self->leaflet, self->content);
    }
}

static void
stop_search_cb (WsBrowser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
list_activate_cb (WsBrowser *self,
                  guint      position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
back_clicked_cb (WsBrowser *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
fill_row (GtkWidget *box,
          GObject   *item,
          WsBrowser *self)
{
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *title_text = NULL;
  g_autofree char *subtitle_text = NULL;

  if (self->row != NULL && item != NULL)
    self->row (item, &title_text, &subtitle_text);
  gtk_label_set_text (GTK_LABEL (title), title_text != NULL ? title_text : "");
  gtk_label_set_text (GTK_LABEL (subtitle), subtitle_text != NULL ? subtitle_text : "");
  gtk_widget_set_visible (subtitle, subtitle_text != NULL && *subtitle_text != '\0');
}

static void
slot_target_changed_cb (WsSlot     *slot,
                        GParamSpec *pspec,
                        GtkWidget  *box)
{
  fill_row (box, ws_slot_get_target (slot), g_object_get_data (G_OBJECT (box), "ws-browser"));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             WsBrowser                *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  WsSlot *slot = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (box), "ws-browser", self);
  fill_row (box, ws_slot_get_target (slot), self);
  g_signal_connect_object (slot, "notify::target", G_CALLBACK (slot_target_changed_cb), box, 0);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               WsBrowser                *self)
{
  WsSlot *slot = gtk_list_item_get_item (list_item);

  if (slot != NULL)
    g_signal_handlers_disconnect_by_func (slot, slot_target_changed_cb, gtk_list_item_get_child (list_item));
}

static void
ws_browser_dispose (GObject *object)
{
  WsBrowser *self = (WsBrowser *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_BROWSER);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->selected);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (ws_browser_parent_class)->dispose (object);
}

static void
ws_browser_finalize (GObject *object)
{
  WsBrowser *self = (WsBrowser *)object;

  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->folded_query, g_free);

  G_OBJECT_CLASS (ws_browser_parent_class)->finalize (object);
}

static void
ws_browser_class_init (WsBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_browser_dispose;
  object_class->finalize = ws_browser_finalize;

  /**
   * WsBrowser::selection-changed:
   *
   * The selected item changed; ws_browser_get_selected() tells which.
   */
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * WsBrowser::query-changed:
   * @folded_query: the new search, folded
   *
   * Emitted before the list is filtered again, so an owner can prepare
   * what its match function needs (such as names found in identity).
   */
  signals[QUERY_CHANGED] = g_signal_new ("query-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * WsBrowser::loaded:
   *
   * Fresh records replaced the old ones, before the selection is restored.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/witnesssupport/WitnessSupport/common/ws-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, WsBrowser, stack);
  gtk_widget_class_bind_template_child (widget_class, WsBrowser, empty_bin);
  gtk_widget_class_bind_template_child (widget_class, WsBrowser, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WsBrowser, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WsBrowser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WsBrowser, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WsBrowser, list_view);
  gtk_widget_class_bind_template_child (widget_class, WsBrowser, count_label);
  gtk_widget_class_bind_template_child (widget_class, WsBrowser, content);
  gtk_widget_class_bind_template_child (widget_class, WsBrowser, content_stack);
  gtk_widget_class_bind_template_child (widget_class, WsBrowser, nothing_page);
  gtk_widget_class_bind_template_child (widget_class, WsBrowser, page_bin);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
ws_browser_init (WsBrowser *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->shown = ws_slot_list_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  update_state (self);
}

/**
 * ws_browser_set_source:
 * @item_type: the GType of the records
 *
 * Says where the records come from; ws_browser_reload() reads them.
 */
void
ws_browser_set_source (WsBrowser          *self,
                       WsDatabase         *db,
                       GType               item_type,
                       WsBrowserLoadFunc   load,
                       WsBrowserFinishFunc finish,
                       WsBrowserIdFunc     get_id)
{
  g_return_if_fail (WS_IS_BROWSER (self));
  g_return_if_fail (WS_IS_DATABASE (db));

  g_set_object (&self->db, db);
  g_clear_object (&self->model);
  self->model = g_list_store_new (item_type);
  self->load = load;
  self->finish = finish;
  self->get_id = get_id;
  ws_browser_refilter (self);
}

static guint
find_by_id (WsBrowser *self,
            gint64     id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  for (guint i = 0; i < n; i++)
    if (self->get_id (ws_slot_list_get_target (self->shown, i)) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/**
 * ws_browser_select_id:
 * @id: the record to select, or 0 to select nothing
 */
void
ws_browser_select_id (WsBrowser *self,
                      gint64     id)
{
  guint position;

  g_return_if_fail (WS_IS_BROWSER (self));

  position = id > 0 ? find_by_id (self, id) : GTK_INVALID_LIST_POSITION;
  ws_browser_select (self, position != GTK_INVALID_LIST_POSITION
                           ? ws_slot_list_get_target (self->shown, position) : NULL);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WsBrowser) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = self->finish (WS_DATABASE (source), result, &error);

  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
          ws_browser_set_loading (self, FALSE);
        }
      return;
    }

  g_list_store_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                       items->pdata, items->len);
  g_signal_emit (self, signals[LOADED], 0);
  self->loading = FALSE;
  ws_browser_refilter (self);
  ws_browser_select_id (self, self->select_id);
}

/**
 * ws_browser_reload:
 * @select_id: the record to select once loaded, or 0 to keep the selection
 *
 * Reads the records again on a worker thread; a reload still running is
 * cancelled.
 */
void
ws_browser_reload (WsBrowser *self,
                   gint64     select_id)
{
  g_return_if_fail (WS_IS_BROWSER (self));
  g_return_if_fail (self->db != NULL);

  self->select_id = select_id > 0 ? select_id : self->selected != NULL ? self->get_id (self->selected) : 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    ws_browser_set_loading (self, TRUE);
  self->load (self->db, self->cancellable, loaded_cb, g_object_ref (self));
}

void
ws_browser_set_match_func (WsBrowser          *self,
                           WsBrowserMatchFunc  func,
                           gpointer            user_data)
{
  g_return_if_fail (WS_IS_BROWSER (self));
  self->match = func;
  self->match_data = user_data;
}

void
ws_browser_set_row_func (WsBrowser        *self,
                         WsBrowserRowFunc  func)
{
  g_return_if_fail (WS_IS_BROWSER (self));
  self->row = func;
}

void
ws_browser_set_count_func (WsBrowser          *self,
                           WsBrowserCountFunc  func)
{
  g_return_if_fail (WS_IS_BROWSER (self));
  self->count = func;
  update_state (self);
}

/**
 * ws_browser_set_page:
 * @page: the widget showing the selected item
 */
void
ws_browser_set_page (WsBrowser *self,
                     GtkWidget *page)
{
  g_return_if_fail (WS_IS_BROWSER (self));
  adw_bin_set_child (self->page_bin, page);
}

/**
 * ws_browser_set_empty_page:
 * @page: shown when there is nothing at all to browse
 */
void
ws_browser_set_empty_page (WsBrowser *self,
                           GtkWidget *page)
{
  g_return_if_fail (WS_IS_BROWSER (self));
  adw_bin_set_child (self->empty_bin, page);
}

void
ws_browser_set_texts (WsBrowser  *self,
                      const char *search_placeholder,
                      const char *nothing_selected)
{
  g_return_if_fail (WS_IS_BROWSER (self));
  g_object_set (self->search_entry, "placeholder-text", search_placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search_placeholder, -1);
  adw_status_page_set_title (self->nothing_page, nothing_selected);
}

void
ws_browser_set_loading (WsBrowser *self,
                        gboolean   loading)
{
  g_return_if_fail (WS_IS_BROWSER (self));
  self->loading = loading;
  update_state (self);
}

/**
 * ws_browser_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected item
 */
gpointer
ws_browser_get_selected (WsBrowser *self)
{
  g_return_val_if_fail (WS_IS_BROWSER (self), NULL);
  return self->selected;
}

/**
 * ws_browser_select:
 * @item: (nullable): an item of the model, or %NULL to select nothing
 */
void
ws_browser_select (WsBrowser *self,
                   gpointer   item)
{
  guint position;

  g_return_if_fail (WS_IS_BROWSER (self));

  position = ws_slot_list_find (self->shown, item);
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  show_selected (self);
}

/**
 * ws_browser_set_item_hidden:
 *
 * Hides or shows again one item, e.g. while its deletion can be undone.
 */
void
ws_browser_set_item_hidden (WsBrowser *self,
                            gpointer   item,
                            gboolean   hidden)
{
  gint64 id;

  g_return_if_fail (WS_IS_BROWSER (self));
  g_return_if_fail (self->get_id != NULL);

  /* By id, so the record stays hidden when a reload brings a new object
   * for it. */
  id = self->get_id (item);
  if (hidden)
    g_hash_table_add (self->hidden, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->hidden, &id);
  ws_browser_refilter (self);
}

/**
 * ws_browser_refilter:
 *
 * Shows again the items that match the search, through position slots
 * (see ws-slot-list.c): the list keeps its row widgets and only the text
 * of the visible rows changes, which keeps a keystroke over ten thousand
 * witnesses within a frame (a GtkFilterListModel cost several frames).
 */
void
ws_browser_refilter (WsBrowser *self)
{
  g_autoptr(GPtrArray) matches = NULL;
  guint position;
  guint n;

  g_return_if_fail (WS_IS_BROWSER (self));

  n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  matches = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      if (filter_item (self, item))
        g_ptr_array_add (matches, item);
      else
        g_object_unref (item);
    }
  self->refiltering = TRUE;
  ws_slot_list_set_items (self->shown, matches);
  position = ws_slot_list_find (self->shown, self->selected);
  if (position == GTK_INVALID_LIST_POSITION && self->selected != NULL && self->get_id != NULL)
    position = find_by_id (self, self->get_id (self->selected));
  gtk_single_selection_set_selected (self->selection, position);
  self->refiltering = FALSE;

  /* The page follows only when the record itself changed or went. */
  if (selected_target (self) != (gpointer) self->selected)
    show_selected (self);
  update_state (self);
}

void
ws_browser_focus_search (WsBrowser *self)
{
  g_return_if_fail (WS_IS_BROWSER (self));
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * ws_browser_set_search_text:
 *
 * Searches as if @text had been typed; the list is filtered at once.
 */
void
ws_browser_set_search_text (WsBrowser  *self,
                            const char *text)
{
  g_return_if_fail (WS_IS_BROWSER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

/**
 * ws_browser_get_folded_query:
 *
 * Returns: (nullable): the search as typed, folded with ws_text_fold()
 */
const char *
ws_browser_get_folded_query (WsBrowser *self)
{
  g_return_val_if_fail (WS_IS_BROWSER (self), NULL);
  return self->folded_query;
}

guint
ws_browser_get_n_shown (WsBrowser *self)
{
  g_return_val_if_fail (WS_IS_BROWSER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->shown));
}

/**
 * ws_browser_get_shown_item:
 *
 * Returns: (transfer full) (nullable): the item at @position in the filtered list
 */
gpointer
ws_browser_get_shown_item (WsBrowser *self,
                           guint      position)
{
  gpointer item;

  g_return_val_if_fail (WS_IS_BROWSER (self), NULL);
  item = ws_slot_list_get_target (self->shown, position);
  return item != NULL ? g_object_ref (item) : NULL;
}
