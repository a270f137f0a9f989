/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-database.h"

G_BEGIN_DECLS

#define WS_EXCHANGE_FORMAT  "witness-support-exchange"
#define WS_EXCHANGE_VERSION 1

#define WS_EXCHANGE_ERROR (ws_exchange_error_quark ())

typedef enum {
  WS_EXCHANGE_ERROR_MALFORMED,  /* not JSON, or not our document */
  WS_EXCHANGE_ERROR_VERSION,    /* a newer exchange version */
  WS_EXCHANGE_ERROR_INVALID,    /* a value breaks a rule; the message says where */
  WS_EXCHANGE_ERROR_CONFLICT,   /* clashes with what the database already holds */
} WsExchangeError;

GQuark    ws_exchange_error_quark         (void);

char     *ws_exchange_export_to_data      (WsDatabase           *db,
                                           gsize                *length,
                                           GError              **error);
gboolean  ws_exchange_export_to_file      (WsDatabase           *db,
                                           const char           *path,
                                           GError              **error);
gboolean  ws_exchange_import_data         (WsDatabase           *db,
                                           const char           *data,
                                           gssize                length,
                                           GError              **error);
gboolean  ws_exchange_import_file         (WsDatabase           *db,
                                           const char           *path,
                                           GError              **error);

void      ws_exchange_export_file_async   (WsDatabase           *db,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  ws_exchange_export_file_finish  (WsDatabase           *db,
                                           GAsyncResult         *result,
                                           GError              **error);
void      ws_exchange_import_file_async   (WsDatabase           *db,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  ws_exchange_import_file_finish  (WsDatabase           *db,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
