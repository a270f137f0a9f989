/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdlib.h>

/* Every fuzz target defines this; libFuzzer calls it with each input,
 * replay.c with each file of the seed corpus and the regressions. */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

