/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-settings"

#include "config.h"

#include "ws-settings.h"

/**
 * ws_settings_new_if_installed:
 * @key: a key the caller will read
 *
 * The unit's settings, shared by the window and the command line, where
 * the application's schema is installed and knows @key. A server that
 * only runs the command line may have no schema: callers then use their
 * defaults instead of aborting, as g_settings_new() would.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL
 */
GSettings *
ws_settings_new_if_installed (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_val_if_fail (key != NULL, NULL);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}
