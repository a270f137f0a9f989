/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ws-document.h"

G_BEGIN_DECLS

#define WS_TYPE_PRINT_OPERATION (ws_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (WsPrintOperation, ws_print_operation, WS, PRINT_OPERATION, GtkPrintOperation)

WsPrintOperation *ws_print_operation_new          (WsDocument       *document);
WsDocument       *ws_print_operation_get_document (WsPrintOperation *self);

G_END_DECLS
