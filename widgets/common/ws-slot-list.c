/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-slot-list"

#include "config.h"

#include <gtk/gtk.h>

#include "ws-slot-list.h"

/* A list model whose items are positions, not records: the item at
 * position i is always the same WsSlot, and the slot's "target" is the
 * record shown there. Filtering replaces targets instead of items, so a
 * GtkListView keeps its row widgets and only rebinds their text; swapping
 * ten thousand items made it rebuild and restyle every visible row on
 * each keystroke. */

struct _WsSlot
{
  GObject  parent_instance;

  GObject *target;
};

G_DEFINE_FINAL_TYPE (WsSlot, ws_slot, G_TYPE_OBJECT)

enum {
  SLOT_PROP_0,
  SLOT_PROP_TARGET,
  SLOT_N_PROPS
};

static GParamSpec *slot_properties[SLOT_N_PROPS];

static void
ws_slot_finalize (GObject *object)
{
  g_clear_object (&WS_SLOT (object)->target);
  G_OBJECT_CLASS (ws_slot_parent_class)->finalize (object);
}

static void
ws_slot_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case SLOT_PROP_TARGET:
      g_value_set_object (value, WS_SLOT (object)->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_slot_class_init (WsSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ws_slot_finalize;
  object_class->get_property = ws_slot_get_property;

  slot_properties[SLOT_PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL, G_TYPE_OBJECT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
ws_slot_init (WsSlot *self)
{
}

static void
slot_set_target (WsSlot  *self,
                 GObject *target)
{
  if (g_set_object (&self->target, target))
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_TARGET]);
}

/**
 * ws_slot_get_target:
 *
 * Returns: (transfer none) (nullable): the record at this position
 */
gpointer
ws_slot_get_target (WsSlot *self)
{
  g_return_val_if_fail (WS_IS_SLOT (self), NULL);
  return self->target;
}

struct _WsSlotList
{
  GObject    parent_instance;

  GPtrArray *items;
  GPtrArray *slots;
};

static void ws_slot_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WsSlotList, ws_slot_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ws_slot_list_model_init))

static GType
ws_slot_list_get_item_type (GListModel *model)
{
  return WS_TYPE_SLOT;
}

static guint
ws_slot_list_get_n_items (GListModel *model)
{
  return WS_SLOT_LIST (model)->items->len;
}

static gpointer
ws_slot_list_get_item (GListModel *model,
                       guint       position)
{
  WsSlotList *self = WS_SLOT_LIST (model);
  WsSlot *slot;

  if (position >= self->items->len)
    return NULL;
  if (position >= self->slots->len)
    g_ptr_array_set_size (self->slots, position + 1);

  slot = g_ptr_array_index (self->slots, position);
  if (slot == NULL)
    {
      slot = g_object_new (WS_TYPE_SLOT, NULL);
      slot->target = g_object_ref (g_ptr_array_index (self->items, position));
      g_ptr_array_index (self->slots, position) = slot;
    }
  return g_object_ref (slot);
}

static void
ws_slot_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ws_slot_list_get_item_type;
  iface->get_n_items = ws_slot_list_get_n_items;
  iface->get_item = ws_slot_list_get_item;
}

static void
ws_slot_list_finalize (GObject *object)
{
  WsSlotList *self = WS_SLOT_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  G_OBJECT_CLASS (ws_slot_list_parent_class)->finalize (object);
}

static void
ws_slot_list_class_init (WsSlotListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ws_slot_list_finalize;
}

static void
slot_unref_nullable (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

static void
ws_slot_list_init (WsSlotList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->slots = g_ptr_array_new_with_free_func (slot_unref_nullable);
}

WsSlotList *
ws_slot_list_new (void)
{
  return g_object_new (WS_TYPE_SLOT_LIST, NULL);
}

/**
 * ws_slot_list_set_items:
 * @items: (element-type GObject) (transfer container): the records to show
 *
 * Shows @items: slots that stay point at their new record, and only the
 * change in length is announced as added or removed positions.
 */
void
ws_slot_list_set_items (WsSlotList *self,
                        GPtrArray  *items)
{
  guint old_n, new_n;

  g_return_if_fail (WS_IS_SLOT_LIST (self));

  old_n = self->items->len;
  new_n = items->len;
  g_ptr_array_unref (self->items);
  self->items = g_ptr_array_ref (items);
  g_ptr_array_set_free_func (self->items, g_object_unref);

  if (self->slots->len > new_n)
    g_ptr_array_set_size (self->slots, new_n);
  for (guint i = 0; i < self->slots->len; i++)
    {
      WsSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot != NULL)
        slot_set_target (slot, g_ptr_array_index (items, i));
    }

  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
}

/**
 * ws_slot_list_get_target:
 *
 * Returns: (transfer none) (nullable): the record at @position
 */
gpointer
ws_slot_list_get_target (WsSlotList *self,
                         guint       position)
{
  g_return_val_if_fail (WS_IS_SLOT_LIST (self), NULL);
  return position < self->items->len ? g_ptr_array_index (self->items, position) : NULL;
}

/**
 * ws_slot_list_find:
 *
 * Returns: the position of @target, or %GTK_INVALID_LIST_POSITION
 */
guint
ws_slot_list_find (WsSlotList *self,
                   gpointer    target)
{
  guint index;

  g_return_val_if_fail (WS_IS_SLOT_LIST (self), GTK_INVALID_LIST_POSITION);

  if (target != NULL && g_ptr_array_find (self->items, target, &index))
    return index;
  return GTK_INVALID_LIST_POSITION;
}
