/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-plan-util"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-plan-util.h"
#include "ws-time.h"

/* Small pieces the plan widgets and the Attention place share: how a
 * date reads and how a finding looks. */

#define ICON_KEY "ws-finding-icon"
#define TITLE_KEY "ws-finding-title"
#define MESSAGE_KEY "ws-finding-message"
#define ACTION_KEY "ws-finding-action"
#define DATE_KEY "ws-finding-date"

/**
 * ws_plan_format_gdate:
 *
 * Returns: (transfer full) (nullable): @date as the user reads it
 */
char *
ws_plan_format_gdate (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || !g_date_valid (date))
    return NULL;
  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  /* Translators: a g_date_time_format() string for dates in plans */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/**
 * ws_plan_format_date:
 * @date: (nullable): a stored 'YYYY-MM-DD' date
 *
 * Returns: (transfer full) (nullable): the date as the user reads it,
 *   the text itself when it is not a date, %NULL for none
 */
char *
ws_plan_format_date (const char *date)
{
  GDate parsed;

  if (date == NULL || *date == '\0')
    return NULL;
  if (!ws_time_parse_date (date, &parsed))
    return g_strdup (date);
  return ws_plan_format_gdate (&parsed);
}

const char *
ws_plan_severity_icon (WsFindingSeverity severity)
{
  switch (severity)
    {
    case WS_FINDING_SEVERITY_URGENT: return "emblem-important-symbolic";
    case WS_FINDING_SEVERITY_WARNING: return "dialog-warning-symbolic";
    case WS_FINDING_SEVERITY_INFO:
    default: return "dialog-information-symbolic";
    }
}

const char *
ws_plan_severity_class (WsFindingSeverity severity)
{
  switch (severity)
    {
    case WS_FINDING_SEVERITY_URGENT: return "error";
    case WS_FINDING_SEVERITY_WARNING: return "warning";
    case WS_FINDING_SEVERITY_INFO:
    default: return "accent";
    }
}

static void
add_label (GtkWidget  *row,
           GtkWidget  *box,
           const char *key,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (row), key, label);
}

/**
 * ws_plan_finding_row_new:
 *
 * Returns: (transfer floating): an empty row for a list of findings; fill
 *   it with ws_plan_finding_row_bind()
 */
GtkWidget *
ws_plan_finding_row_new (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *date = gtk_label_new (NULL);

  gtk_widget_add_css_class (row, "finding-row");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (date, GTK_ALIGN_START);
  gtk_widget_add_css_class (date, "dim-label");
  gtk_widget_add_css_class (date, "numeric");
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), date);
  g_object_set_data (G_OBJECT (row), ICON_KEY, icon);
  g_object_set_data (G_OBJECT (row), DATE_KEY, date);
  add_label (row, text, TITLE_KEY, "heading");
  add_label (row, text, MESSAGE_KEY, NULL);
  add_label (row, text, ACTION_KEY, "dim-label");
  return row;
}

static void
set_severity_class (GtkWidget         *icon,
                    WsFindingSeverity  severity)
{
  for (int s = WS_FINDING_SEVERITY_INFO; s <= WS_FINDING_SEVERITY_URGENT; s++)
    gtk_widget_remove_css_class (icon, ws_plan_severity_class (s));
  gtk_widget_add_css_class (icon, ws_plan_severity_class (severity));
}

static char *
finding_title (WsFinding *finding,
               gboolean   with_pseudonym)
{
  const char *rule = ws_rules_get_title (ws_finding_get_rule (finding));
  const char *pseudonym = ws_finding_get_pseudonym (finding);

  if (rule == NULL)
    rule = ws_finding_get_rule (finding);
  if (!with_pseudonym || pseudonym == NULL)
    return g_strdup (rule);
  /* Translators: a pseudonym, then the title of a rule */
  return g_strdup_printf (_("%s — %s"), pseudonym, rule);
}

/**
 * ws_plan_finding_row_bind:
 * @with_pseudonym: whether the title names the witness (not on their own page)
 */
void
ws_plan_finding_row_bind (GtkWidget *row,
                          WsFinding *finding,
                          gboolean   with_pseudonym)
{
  WsFindingSeverity severity = ws_finding_get_severity (finding);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), ICON_KEY);
  g_autofree char *title = finding_title (finding, with_pseudonym);
  g_autofree char *date = ws_plan_format_gdate (ws_finding_get_date (finding));
  /* Translators: what the officer should do about a finding */
  g_autofree char *action = g_strdup_printf (_("Suggested: %s"), ws_finding_get_action (finding));

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), ws_plan_severity_icon (severity));
  gtk_widget_set_tooltip_text (icon, ws_finding_severity_get_label (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ws_finding_severity_get_label (severity), -1);
  set_severity_class (icon, severity);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), TITLE_KEY), title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), MESSAGE_KEY), ws_finding_get_message (finding));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), ACTION_KEY), action);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), DATE_KEY), date != NULL ? date : "");
}

/**
 * ws_plan_finding_action_row:
 *
 * Returns: (transfer floating): an activatable row for a finding on a
 *   witness's own page
 */
GtkWidget *
ws_plan_finding_action_row (WsFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (ws_plan_severity_icon (ws_finding_get_severity (finding)));
  g_autofree char *title = finding_title (finding, FALSE);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", ws_finding_get_message (finding),
                                               ws_finding_get_action (finding));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  set_severity_class (icon, ws_finding_get_severity (finding));
  gtk_widget_set_tooltip_text (icon, ws_finding_severity_get_label (ws_finding_get_severity (finding)));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}
