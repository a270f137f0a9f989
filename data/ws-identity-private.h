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

/* SQL expressions over an identity row aliased @alias (NULL when the
 * person has none), for set-based rules: they answer a question inside
 * the query so that no identifying detail reaches C code, a finding or
 * a log. Not audited, because nothing identifying is read out. */
char       *_ws_identity_sql_has_guardian (const char *alias);
/* The day the person turns 18 ('YYYY-MM-DD'), NULL without a valid
 * date of birth. */
char       *_ws_identity_sql_adult_on     (const char *alias);

G_END_DECLS
