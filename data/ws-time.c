/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-time"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ws-time.h"

/* The clock is injectable so that rules and tests can be evaluated at a
 * fixed instant; the override is process-wide and guarded. */
static GMutex clock_lock;
static GDateTime *clock_override;

/**
 * ws_time_set_now:
 * @now: (nullable): the instant "now" should be, or %NULL for the real clock
 */
void
ws_time_set_now (GDateTime *now)
{
  g_mutex_lock (&clock_lock);
  g_clear_pointer (&clock_override, g_date_time_unref);
  if (now != NULL)
    clock_override = g_date_time_to_utc (now);
  g_mutex_unlock (&clock_lock);
}

/**
 * ws_time_now:
 *
 * Returns: (transfer full): the current instant in UTC
 */
GDateTime *
ws_time_now (void)
{
  GDateTime *now;

  g_mutex_lock (&clock_lock);
  now = clock_override != NULL ? g_date_time_ref (clock_override) : g_date_time_new_now_utc ();
  g_mutex_unlock (&clock_lock);
  return now;
}

char *
ws_time_now_iso (void)
{
  g_autoptr(GDateTime) now = ws_time_now ();

  return ws_time_format_instant (now);
}

/**
 * ws_time_today:
 *
 * Returns: (transfer full): today's date in the local time zone
 */
GDate *
ws_time_today (void)
{
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_new_dmy (g_date_time_get_day_of_month (local),
                         g_date_time_get_month (local),
                         g_date_time_get_year (local));
}

/**
 * ws_time_format_instant:
 *
 * Returns: (transfer full): @instant as `YYYY-MM-DDTHH:MM:SSZ` in UTC
 */
char *
ws_time_format_instant (GDateTime *instant)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (instant != NULL, NULL);

  utc = g_date_time_to_utc (instant);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * ws_time_parse_instant:
 *
 * Accepts exactly `YYYY-MM-DDTHH:MM:SSZ`, the form the program stores.
 *
 * Returns: (transfer full) (nullable): the instant, or %NULL if @text is not one
 */
GDateTime *
ws_time_parse_instant (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  int y, mo, d, h, mi, s, n = 0;

  if (text == NULL || strlen (text) != 20 || text[19] != 'Z' || text[10] != 'T')
    return NULL;
  /* sscanf alone would let " 1" or "+1" through as a field. */
  for (int i = 0; i < 19; i++)
    if (strchr ("-T:", text[i]) == NULL && !g_ascii_isdigit (text[i]))
      return NULL;
  if (sscanf (text, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &s, &n) != 6 || n != 20)
    return NULL;
  if (!g_date_valid_dmy (d, mo, y) || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0)
    return NULL;

  utc = g_time_zone_new_utc ();
  return g_date_time_new (utc, y, mo, d, h, mi, s);
}

/**
 * ws_time_parse_date:
 *
 * Accepts exactly `YYYY-MM-DD` naming a day that exists.
 *
 * Returns: %TRUE and fills @date if @text is such a date
 */
gboolean
ws_time_parse_date (const char *text,
                    GDate      *date)
{
  int y, m, d, n = 0;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
    return FALSE;
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/**
 * ws_time_format_date:
 *
 * Returns: (transfer full): @date as `YYYY-MM-DD`
 */
char *
ws_time_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/**
 * ws_time_zone_is_valid:
 *
 * Returns: %TRUE if @zone is an IANA zone name the system knows
 */
gboolean
ws_time_zone_is_valid (const char *zone)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (zone == NULL || *zone == '\0')
    return FALSE;
  tz = g_time_zone_new_identifier (zone);
  return tz != NULL;
}

/**
 * ws_time_years_between:
 *
 * Returns: completed years from @from to @to (an age), negative if @to is earlier
 */
int
ws_time_years_between (const GDate *from,
                       const GDate *to)
{
  int years = (int) g_date_get_year (to) - (int) g_date_get_year (from);

  if (g_date_get_month (to) < g_date_get_month (from) ||
      (g_date_get_month (to) == g_date_get_month (from) &&
       g_date_get_day (to) < g_date_get_day (from)))
    years--;
  return years;
}
