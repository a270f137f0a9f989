/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ws-database.h"

G_BEGIN_DECLS

/* The demonstration unit: about this many witnesses, with cases, hearings,
 * sites and interpreters to match. */
#define WS_DEMO_WITNESSES 40

/* The seed ws_demo_fill_async() uses, so every demonstration looks alike. */
#define WS_DEMO_SEED 20240611u

gboolean ws_demo_fill         (WsDatabase           *db,
                               guint                 n_witnesses,
                               guint32               seed,
                               GError              **error);
void     ws_demo_fill_async   (WsDatabase           *db,
                               guint                 n_witnesses,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
gboolean ws_demo_fill_finish  (WsDatabase           *db,
                               GAsyncResult         *result,
                               GError              **error);

/* The demonstration profiles, one per role; README.md lists them so a
 * newcomer can try each role. Never use these passphrases for real data. */
typedef struct {
  const char *name;
  WsRole      role;
  const char *passphrase;
} WsDemoProfile;

const WsDemoProfile *ws_demo_get_profiles    (guint                *n_profiles);
gboolean             ws_demo_create_profiles (WsDatabase           *db,
                                              GError              **error);

G_END_DECLS
