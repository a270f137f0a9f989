/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ws-profile.h"

G_BEGIN_DECLS

/* Tests only: derive keys with libsodium's minimum Argon2id cost, so a
 * suite that creates hundreds of profiles stays fast. Each profile stores
 * the cost it was made with, so a database made this way still unlocks
 * in the program (cheaply: never ship one). Process-wide. */
void _ws_profile_use_cheap_kdf (gboolean cheap);

G_END_DECLS
