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

/* What the rules may know from a person's identity without seeing it:
 * whether a guardian is recorded, and the day they turn 18 (cleared
 * when no valid date of birth is recorded). Answered from the index
 * built at unlock, so the encrypted rows are not opened again; the
 * answers never leave the rules engine as dates or names.
 * Returns FALSE when this role holds no identity key: the question
 * cannot be answered, and a rule asking it stays silent. */
gboolean    _ws_identity_get_facts     (WsDatabase  *db,
                                        gint64       person_id,
                                        gboolean    *has_guardian,
                                        GDate       *adult_on);

G_END_DECLS
