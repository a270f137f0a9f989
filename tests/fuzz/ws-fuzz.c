/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ws-fuzz.h"

/* A critical or warning is a bug the fuzzer found. GLib's own way of
 * making them fatal stops at a breakpoint, which libFuzzer does not
 * catch, so the input would be lost: abort() instead, so that libFuzzer
 * keeps the input in the crashes folder and replay tests fail loudly. */
static GLogWriterOutput
ws_fuzz_log_writer (GLogLevelFlags   level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  GLogWriterOutput out = g_log_writer_standard_streams (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return out;
}

__attribute__((constructor)) static void
ws_fuzz_install_log_writer (void)
{
  g_log_set_writer_func (ws_fuzz_log_writer, NULL, NULL);
}
