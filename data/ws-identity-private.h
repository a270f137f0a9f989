/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ws-identity.h"

G_BEGIN_DECLS

/* Only these touch the identity table. Callers hold a transaction. */
gboolean    _ws_identity_write     (WsDatabase  *db,
                                    gint64       person_id,
                                    WsIdentity  *identity,
                                    GError     **error);
GHashTable *_ws_identity_load_all  (WsDatabase  *db,
                                    const char  *purpose,
                                    GError     **error);
void        _ws_identity_forget_index (WsDatabase *db);
gboolean    _ws_identity_check_role (WsDatabase  *db,
                                     GError     **error);
gboolean    _ws_identity_encrypt_all (WsDatabase   *db,
                                      const guint8 *key,
                                      GError      **error);
gboolean    _ws_identity_prepare_index (WsDatabase  *db,
                                        GError     **error);

G_END_DECLS
