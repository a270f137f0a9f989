/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ws-cli.h"
#include "ws-database.h"
#include "ws-demo.h"
#include "ws-exchange.h"
#include "ws-page-renderer.h"
#include "ws-schedule.h"
#include "ws-store.h"
#include "ws-summary.h"
#include "ws-time.h"

/* The command-line work that needs no window: it runs before any display
 * is opened, so it works on a server or in a script. Each failure is one
 * line on standard error and a non-zero exit status. */

static const char * const headless_options[] = {
  "demo", "import", "export", "export-summary", "output", "from", "to", "zone",
  "export-schedule", "interpreter", "site", "witness", NULL
};
static const char * const summary_only_options[] = { "output", "from", "to", "zone", NULL };
/* Whose calendar --export-schedule writes: exactly one of these. */
static const char * const schedule_scope_options[] = { "interpreter", "site", "witness", NULL };

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

static gboolean
read_date_option (GVariantDict  *options,
                  const char    *name,
                  GDate         *date,
                  GError       **error)
{
  g_autofree char *text = NULL;

  g_date_clear (date, 1);
  if (!g_variant_dict_lookup (options, name, "s", &text))
    return TRUE;
  if (!ws_time_parse_date (text, date))
    {
      /* Translators: the first %s is an option such as --from, the second what was given */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--%s: %s is not a date (use YYYY-MM-DD)"), name, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
summary_options_from (GVariantDict      *options,
                      WsSummaryOptions  *summary,
                      char             **zone,
                      GError           **error)
{
  ws_summary_options_init (summary);
  if (!read_date_option (options, "from", &summary->from, error) ||
      !read_date_option (options, "to", &summary->to, error))
    return FALSE;
  if (g_date_valid (&summary->from) && g_date_valid (&summary->to) &&
      g_date_compare (&summary->from, &summary->to) > 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--from must not be after --to"));
      return FALSE;
    }
  if (g_variant_dict_lookup (options, "zone", "s", zone) && !ws_time_zone_is_valid (*zone))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--zone: %s is not a known time zone (e.g. Europe/Vienna)"), *zone);
      return FALSE;
    }
  summary->reader_zone = *zone;
  return TRUE;
}

static gboolean
export_summary (WsDatabase    *db,
                GVariantDict  *options,
                const char    *pseudonym,
                GError       **error)
{
  g_autofree char *output = NULL;
  g_autofree char *zone = NULL;
  g_autoptr(WsPerson) person = NULL;
  g_autoptr(WsDocument) document = NULL;
  g_autofree char *removed = NULL;
  WsRedactionReport report = { 0 };
  WsSummaryOptions summary;

  if (!lookup_path (options, "output", &output))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--export-summary needs --output=FILE.pdf"));
      return FALSE;
    }
  if (!summary_options_from (options, &summary, &zone, error))
    return FALSE;

  person = ws_database_find_person (db, pseudonym, NULL);
  if (person == NULL)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no witness with the pseudonym “%s”"), pseudonym);
      return FALSE;
    }

  document = ws_summary_build (db, person, &summary, &report, error);
  if (document == NULL || !ws_page_renderer_export_pdf (document, output, error))
    return FALSE;
  if (!ws_database_audit_event (db, "export-summary-pdf", ws_person_get_pseudonym (person), NULL, error))
    return FALSE;

  removed = ws_redaction_report_format (&report);
  g_print (_("Summary of %s written to %s (%s)\n"), ws_person_get_pseudonym (person), output, removed);
  return TRUE;
}

/* The scope option given with --export-schedule, checked before anything
 * is opened. */
static gboolean
schedule_scope_from (GVariantDict     *options,
                     WsCalendarScope  *scope,
                     char            **name,
                     GError          **error)
{
  guint given = 0;

  for (guint i = 0; schedule_scope_options[i] != NULL; i++)
    {
      g_autofree char *value = NULL;

      if (!g_variant_dict_lookup (options, schedule_scope_options[i], "s", &value))
        continue;
      given++;
      if (g_strstrip (value)[0] == '\0')
        {
          /* Translators: %s is an option such as "site" */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--%s needs a name"),
                       schedule_scope_options[i]);
          return FALSE;
        }
      if (scope != NULL)
        *scope = i == 0 ? WS_CALENDAR_FOR_INTERPRETER : i == 1 ? WS_CALENDAR_FOR_SITE : WS_CALENDAR_FOR_WITNESS;
      if (name != NULL)
        {
          g_free (*name);
          *name = g_steal_pointer (&value);
        }
    }
  if (given != 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--export-schedule needs one of --interpreter=NAME, --site=NAME or --witness=PSEUDONYM"));
      return FALSE;
    }
  return TRUE;
}

/* Writes the iCalendar file; link details go in for the officer the
 * command line acts as, the PIN never (see ws-calendar.c). */
static gboolean
export_schedule (WsDatabase    *db,
                 GVariantDict  *options,
                 const char    *output,
                 GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  WsCalendarScope scope = WS_CALENDAR_FOR_WITNESS;

  if (!schedule_scope_from (options, &scope, &name, error))
    return FALSE;
  file = g_file_new_for_commandline_arg (output);
  if (!ws_schedule_export_ical_file (db, scope, name, WS_CALENDAR_NONE, file, error))
    return FALSE;
  /* Translators: the first %s is a name or pseudonym, the second a file */
  g_print (_("Schedule of %s written to %s\n"), name, output);
  return TRUE;
}

/* A database this run created for an import that failed goes again, so
 * a failed command leaves the disk as it found it. */
static void
remove_new_database (WsDatabase **db,
                     const char  *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static gboolean
check_options (GVariantDict  *options,
               const char    *database_path,
               GError       **error)
{
  gboolean creates = g_variant_dict_contains (options, "demo") || g_variant_dict_contains (options, "import");
  g_autofree char *path = database_path != NULL ? g_strdup (database_path) : ws_database_default_path ();

  if (!g_variant_dict_contains (options, "export-summary"))
    for (guint i = 0; summary_only_options[i] != NULL; i++)
      if (g_variant_dict_contains (options, summary_only_options[i]))
        {
          /* Translators: %s is an option such as "output" */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--%s goes with --export-summary=PSEUDONYM"), summary_only_options[i]);
          return FALSE;
        }

  if (!g_variant_dict_contains (options, "export-schedule"))
    {
      for (guint i = 0; schedule_scope_options[i] != NULL; i++)
        if (g_variant_dict_contains (options, schedule_scope_options[i]))
          {
            /* Translators: %s is an option such as "site" */
            g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("--%s goes with --export-schedule=FILE.ics"), schedule_scope_options[i]);
            return FALSE;
          }
    }
  else if (!schedule_scope_from (options, NULL, NULL, error))
    return FALSE;

  if (g_variant_dict_contains (options, "demo") && g_variant_dict_contains (options, "import"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--demo and --import cannot be combined; run one after the other"));
      return FALSE;
    }

  /* Only filling a database may create one: a mistyped path must not
   * leave an empty database behind, or export an empty document. */
  if (!creates && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("There is no database at %s"), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * ws_cli_run:
 * @database_path: (nullable): the database to use, or %NULL for the default
 *
 * Does what the options ask, in a fixed order: fill with demonstration
 * data, import, export, export a summary, export a schedule.
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
  g_autofree char *pseudonym = NULL;
  g_autofree char *schedule_path = NULL;
  g_autofree char *path = NULL;
  gboolean existed;

  /* Everything that can be checked is checked before anything is written. */
  if (!check_options (options, database_path, &error))
    return fail (error);
  path = database_path != NULL ? g_strdup (database_path) : ws_database_default_path ();
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  db = ws_database_new (database_path, NULL, &error);
  if (db == NULL)
    return fail (error);
  ws_database_set_actor (db, g_get_real_name (), WS_ROLE_OFFICER);

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
          if (!existed)
            remove_new_database (&db, path);
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

  if (g_variant_dict_lookup (options, "export-summary", "s", &pseudonym))
    {
      if (!export_summary (db, options, pseudonym, &error))
        return fail (error);
    }

  if (lookup_path (options, "export-schedule", &schedule_path))
    {
      if (!export_schedule (db, options, schedule_path, &error))
        return fail (error);
    }

  return 0;
}
