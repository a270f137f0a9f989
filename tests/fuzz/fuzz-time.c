/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ws-fuzz.h"
#include "ws-time.h"

/* Dates, instants and zone names as they arrive in exchange files and
 * on the command line (--from, --to, --zone). */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GDateTime) instant = NULL;
  GDate date;

  if (ws_time_parse_date (text, &date))
    {
      g_autofree char *again = ws_time_format_date (&date);

      g_assert_true (g_date_valid (&date));
      g_assert_nonnull (again);
    }
  instant = ws_time_parse_instant (text);
  if (instant != NULL)
    {
      g_autofree char *again = ws_time_format_instant (instant);

      g_assert_nonnull (again);
    }
  ws_time_zone_is_valid (text);
  return 0;
}
