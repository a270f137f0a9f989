/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum {
  WS_PASSPHRASE_EMPTY,
  WS_PASSPHRASE_TOO_SHORT,
  WS_PASSPHRASE_WEAK,
  WS_PASSPHRASE_FAIR,
  WS_PASSPHRASE_STRONG,
} WsPassphraseStrength;

WsPassphraseStrength ws_passphrase_strength      (const char           *passphrase);
char                *ws_passphrase_strength_hint (WsPassphraseStrength  strength);
void                 ws_passphrase_show_strength (GtkLevelBar          *bar,
                                                  GtkLabel             *hint,
                                                  const char           *passphrase);
char                *ws_passphrase_check_new     (const char           *passphrase,
                                                  const char           *repeated);

G_END_DECLS
