/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WS_TYPE_SLOT (ws_slot_get_type ())

G_DECLARE_FINAL_TYPE (WsSlot, ws_slot, WS, SLOT, GObject)

gpointer    ws_slot_get_target       (WsSlot     *self);

#define WS_TYPE_SLOT_LIST (ws_slot_list_get_type ())

G_DECLARE_FINAL_TYPE (WsSlotList, ws_slot_list, WS, SLOT_LIST, GObject)

WsSlotList *ws_slot_list_new         (void);
void        ws_slot_list_set_items   (WsSlotList *self,
                                      GPtrArray  *items);
gpointer    ws_slot_list_get_target  (WsSlotList *self,
                                      guint       position);
guint       ws_slot_list_find        (WsSlotList *self,
                                      gpointer    target);

G_END_DECLS
