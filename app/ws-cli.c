/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "ws-cli.h"
#include "ws-database.h"
#include "ws-demo.h"
#include "ws-exchange.h"

/* The command-line work that needs no window: it runs before any display
 * is opened, so it works on a server or in a script. Each failure is one
 * line on standard error and a non-zero exit status. */

static const char * const headless_options[] = { "demo", "import", "export", NULL };

gboolean
ws_cli_wants_headless (GVariantDict *options)
{
  for (guint i = 0; headless_options[i] != NULL; i++)
    if (g_variant_dict_contains (options, headless_options[i]))
      return TRUE;
  return FALSE;
}

static int
fail (const GError *error)
{
  g_autofree char *line = g_strdelimit (g_strdup (error->message), "\n", ' ');

  g_printerr ("witness-support: %s\n", line);
  return 1;
}

static gboolean
lookup_path (GVariantDict *options,
             const char   *name,
             char        **path)
{
  return g_variant_dict_lookup (options, name, "^ay", path);
}

/**
 * ws_cli_run:
 * @database_path: (nullable): the database to use, or %NULL for the default
 *
 * Does what the options ask, in a fixed order: fill with demonstration
 * data, import, export.
 *
 * Returns: the exit status
 */
int
ws_cli_run (GVariantDict *options,
            const char   *database_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WsDatabase) db = NULL;
  g_autofree char *import_path = NULL;
  g_autofree char *export_path = NULL;

  db = ws_database_new (database_path, NULL, &error);
  if (db == NULL)
    return fail (error);
  ws_database_set_actor (db, g_get_user_name (), WS_ROLE_OFFICER);

  if (g_variant_dict_contains (options, "demo"))
    {
      if (!ws_demo_fill (db, WS_DEMO_WITNESSES, 1, &error))
        return fail (error);
      g_print (_("Demonstration unit written to %s\n"), ws_database_get_path (db));
    }

  if (lookup_path (options, "import", &import_path))
    {
      if (!ws_exchange_import_file (db, import_path, &error))
        {
          g_prefix_error (&error, _("nothing was imported from %s: "), import_path);
          return fail (error);
        }
      g_print (_("Imported %s\n"), import_path);
    }

  if (lookup_path (options, "export", &export_path))
    {
      if (!ws_exchange_export_to_file (db, export_path, &error))
        return fail (error);
      g_print (_("Exported to %s\n"), export_path);
    }

  return 0;
}
