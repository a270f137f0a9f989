/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-period-form"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ws-form.h"
#include "ws-period-form.h"
#include "ws-time.h"

/**
 * ws_period_form_parse:
 * @text: "YYYY-MM-DD HH:MM", or "YYYY-MM-DD" for a whole day
 * @is_end: whether a bare date means the end of that day
 *
 * Returns: (transfer full) (nullable): the instant, read in @zone
 */
GDateTime *
ws_period_form_parse (const char *text,
                      const char *zone,
                      gboolean    is_end)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_auto(GStrv) parts = g_strsplit_set (text, " T", 2);
  g_autoptr(GDateTime) midnight = NULL;
  GDate date;
  int hour = 0, minute = 0;
  char extra;

  if (tz == NULL || parts[0] == NULL || !ws_time_parse_date (parts[0], &date))
    return NULL;
  if (parts[1] != NULL &&
      (sscanf (parts[1], "%d:%d%c", &hour, &minute, &extra) != 2 || hour < 0 || hour > 23 || minute < 0 || minute > 59))
    return NULL;
  midnight = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  if (parts[1] == NULL)
    return is_end ? g_date_time_add_days (midnight, 1) : g_date_time_ref (midnight);
  return g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), hour, minute, 0);
}

/**
 * ws_period_form_describe:
 *
 * Returns: (transfer full): "2026-12-24 00:00 – 2026-12-27 00:00 (Europe/Vienna)"
 */
char *
ws_period_form_describe (WsPeriod   *period,
                         const char *zone)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) from = g_date_time_to_timezone (ws_period_get_starts_at (period), tz);
  g_autoptr(GDateTime) to = g_date_time_to_timezone (ws_period_get_ends_at (period), tz);
  g_autofree char *a = g_date_time_format (from, "%Y-%m-%d %H:%M");
  g_autofree char *b = g_date_time_format (to, "%Y-%m-%d %H:%M");

  /* Translators: a period from–to and the zone it is read in */
  return g_strdup_printf (_("%s – %s (%s)"), a, b, zone);
}

/**
 * ws_period_form_row:
 *
 * Returns: (transfer floating): a row with a button that calls @remove_cb
 *   (a "clicked" handler) with @user_data
 */
GtkWidget *
ws_period_form_row (const char *title,
                    const char *subtitle,
                    const char *remove_tooltip,
                    GCallback   remove_cb,
                    gpointer    user_data,
                    gint64      id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_tooltip, -1);
  g_object_set_data_full (G_OBJECT (remove), "ws-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (remove, "clicked", remove_cb, user_data, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

gint64
ws_period_form_row_id (GtkWidget *button)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "ws-id");

  return id != NULL ? *id : 0;
}

/**
 * ws_period_form_read:
 * @from: (out) (transfer full): the start, read in @zone
 * @to: (out) (transfer full): the end; a bare date is the end of that day
 *
 * Reads a period from its two rows and marks each row that is not a
 * date (or date and time).
 *
 * Returns: whether both rows could be read
 */
gboolean
ws_period_form_read (AdwEntryRow  *from_row,
                     AdwEntryRow  *to_row,
                     const char   *zone,
                     GDateTime   **from,
                     GDateTime   **to)
{
  g_autofree char *from_text = ws_form_entry_text (from_row);
  g_autofree char *to_text = ws_form_entry_text (to_row);

  *from = ws_period_form_parse (from_text, zone, FALSE);
  *to = ws_period_form_parse (to_text, zone, TRUE);
  if (*from == NULL)
    ws_form_set_row_error (GTK_WIDGET (from_row), _("Use YYYY-MM-DD or YYYY-MM-DD HH:MM"));
  if (*to == NULL)
    ws_form_set_row_error (GTK_WIDGET (to_row), _("Use YYYY-MM-DD or YYYY-MM-DD HH:MM"));
  if (*from == NULL || *to == NULL)
    {
      g_clear_pointer (from, g_date_time_unref);
      g_clear_pointer (to, g_date_time_unref);
      return FALSE;
    }
  return TRUE;
}

/**
 * ws_period_form_clear:
 *
 * Empties the rows of a period once it is added.
 */
void
ws_period_form_clear (AdwEntryRow *from_row,
                      AdwEntryRow *to_row,
                      AdwEntryRow *reason_row)
{
  ws_form_set_entry_text (from_row, NULL);
  ws_form_set_entry_text (to_row, NULL);
  ws_form_set_entry_text (reason_row, NULL);
}
