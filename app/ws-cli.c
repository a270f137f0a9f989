/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ws-access.h"
#include "ws-audit.h"
#include "ws-backup.h"
#include "ws-cli.h"
#include "ws-database.h"
#include "ws-demo.h"
#include "ws-exchange.h"
#include "ws-hearing.h"
#include "ws-page-renderer.h"
#include "ws-profile.h"
#include "ws-readiness.h"
#include "ws-rules.h"
#include "ws-schedule.h"
#include "ws-settings.h"
#include "ws-store.h"
#include "ws-summary.h"
#include "ws-time.h"

/* The command-line work that needs no window: it runs before any display
 * is opened, so it works on a server or in a script. Each failure is one
 * line on standard error and a non-zero exit status. */

static const char * const headless_options[] = {
  "demo", "import", "export", "export-summary", "export-readiness", "output", "from", "to", "zone", "attention",
  "export-schedule", "interpreter", "site", "witness", "profile", "backup", "restore", "verify-audit", NULL
};
/* Options that read or write identity: in a protected database they need
 * --profile of an officer or administrator. The rest run without a
 * profile in the prosecutor's role, which holds no identity key. */
static const char * const identity_options[] = { "import", "export", "export-summary", "backup", NULL };

static const GOptionEntry security_entries[] = {
  { "profile", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Work as this profile; its passphrase is read from standard input"), N_("NAME") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a consistent copy of the database to FILE (works while the window is open), then exit"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the database by the backup in FILE after checking it, then exit"), N_("FILE") },
  { "verify-audit", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check that the audit trail has not been altered, then exit"), NULL },
  { NULL }
};

/**
 * ws_cli_add_options:
 *
 * Adds the command-line options of profiles, backups and the audit trail
 * to @application.
 */
void
ws_cli_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, security_entries);
}
static const char * const summary_only_options[] = { "from", "to", "zone", NULL };
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

/* Every finding at this moment, one tab-separated line each, most
 * pressing first; nothing at all when nothing needs attention. */
static gboolean
print_attention (WsDatabase  *db,
                 GError     **error)
{
  g_autoptr(GDateTime) now = ws_time_now ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  WsRulesSettings settings;

  /* The thresholds the window uses, where its settings are installed. */
  ws_rules_settings_load (&settings);
  findings = ws_rules_evaluate (db, now, &settings, error);
  if (findings == NULL)
    return FALSE;
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *line = ws_finding_to_line (g_ptr_array_index (findings, i));

      g_string_append_printf (out, "%s\n", line);
    }
  g_print ("%s", out->str);
  return TRUE;
}

/* The unit's deadline for applications, where the settings schema is
 * installed; a server without it uses the program's default. */
static guint
applications_due_days (void)
{
  g_autoptr(GSettings) settings = ws_settings_new_if_installed ("applications-due-days");

  return settings != NULL ? g_settings_get_uint (settings, "applications-due-days")
                          : WS_HEARING_APPLICATIONS_DUE_DAYS;
}

static gboolean
export_readiness (WsDatabase    *db,
                  GVariantDict  *options,
                  gint64         hearing_id,
                  GError       **error)
{
  g_autofree char *output = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, hearing_id);
  g_autoptr(WsHearing) hearing = NULL;
  g_autoptr(WsDocument) document = NULL;

  if (!lookup_path (options, "output", &output))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--export-readiness needs --output=FILE.pdf"));
      return FALSE;
    }
  hearing = hearing_id > 0 ? ws_database_get_hearing (db, hearing_id, NULL) : NULL;
  if (hearing == NULL)
    {
      g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND,
                   /* Translators: %s is the number given to --export-readiness */
                   _("There is no hearing with the number %s"), number);
      return FALSE;
    }

  document = ws_readiness_sheet_build_with_deadline (db, hearing_id, applications_due_days (), error);
  if (document == NULL || !ws_page_renderer_export_pdf (document, output, error))
    return FALSE;
  /* The audit trail's own words, not translated. */
  detail = g_strdup_printf ("readiness sheet: case %s, hearing %s", ws_hearing_get_case_reference (hearing), number);
  if (!ws_database_audit_event (db, "export-readiness-pdf", NULL, detail, error))
    return FALSE;

  /* Translators: a hearing's number, its case reference, a file */
  g_print (_("Readiness sheet of hearing %s (case %s) written to %s\n"), number,
           ws_hearing_get_case_reference (hearing), output);
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

/* One line from standard input, without its line end, echo off on a
 * terminal. The caller wipes and frees it with forget_passphrase(). */
static char *
read_passphrase (GError **error)
{
  struct termios saved, quiet;
  gboolean terminal = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  char *line = NULL;
  size_t size = 0;
  ssize_t length;

  if (terminal)
    {
      g_printerr ("%s", _("Passphrase: "));
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  length = getline (&line, &size, stdin);
  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  if (length <= 0)
    {
      free (line);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--profile needs the passphrase on standard input"));
      return NULL;
    }
  while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
    line[--length] = '\0';
  return line;
}

static void
forget_passphrase (char *passphrase)
{
  if (passphrase != NULL)
    {
      sodium_memzero (passphrase, strlen (passphrase));
      free (passphrase);
    }
}

typedef char Passphrase;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Passphrase, forget_passphrase)

static gboolean
wants_identity (GVariantDict *options)
{
  for (guint i = 0; identity_options[i] != NULL; i++)
    if (g_variant_dict_contains (options, identity_options[i]))
      return TRUE;
  return FALSE;
}

/* Sets who works: the profile given, else (protected database) the
 * prosecutor's role without a key, else as before profiles existed. */
static gboolean
authenticate (WsDatabase    *db,
              GVariantDict  *options,
              const char    *passphrase,
              GError       **error)
{
  g_autofree char *name = NULL;

  if (!g_variant_dict_lookup (options, "profile", "s", &name))
    {
      if (!ws_database_is_protected (db))
        {
          ws_database_set_actor (db, g_get_real_name (), WS_ROLE_OFFICER);
          return TRUE;
        }
      if (wants_identity (options))
        {
          g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_LOCKED,
                       _("This needs --profile=NAME of an officer or administrator (the passphrase is read from standard input)"));
          return FALSE;
        }
      return ws_database_act_without_key (db, _("command line"), error);
    }
  return ws_database_unlock (db, name, passphrase, error);
}

static int
verify_audit (WsDatabase *db)
{
  g_autoptr(GError) error = NULL;
  guint checked = 0;
  gint64 broken = 0;

  if (!ws_database_verify_audit (db, &checked, &broken, &error))
    return fail (error);
  g_print (ngettext ("Audit trail intact: %u record checked\n",
                     "Audit trail intact: %u records checked\n", checked), checked);
  return 0;
}

/* Restoring replaces the database: in a protected one, only someone who
 * may take backups may do it. The restored file brings its own profiles. */
static gboolean
restore (GVariantDict  *options,
         const char    *path,
         const char    *passphrase,
         GError       **error)
{
  g_autofree char *source = NULL;
  g_autoptr(WsDatabase) current = NULL;
  g_autoptr(WsDatabase) restored = NULL;

  if (!lookup_path (options, "restore", &source))
    return TRUE;
  if (!ws_database_check_file (source, error))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      current = ws_database_new (path, NULL, error);
      if (current == NULL || !authenticate (current, options, passphrase, error) ||
          !ws_database_may (current, WS_PERMISSION_BACKUP))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_PERMISSION,
                         _("Restoring needs --profile=NAME of an officer or administrator"));
          return FALSE;
        }
      g_clear_object (&current);
    }
  if (!ws_database_restore (source, path, error))
    return FALSE;
  restored = ws_database_new (path, NULL, error);
  if (restored == NULL || !ws_database_audit_event (restored, "restore", NULL, source, error))
    return FALSE;
  g_print (_("Restored %s from %s\n"), path, source);
  return TRUE;
}

static gboolean
check_options (GVariantDict  *options,
               const char    *database_path,
               GError       **error)
{
  gboolean creates = g_variant_dict_contains (options, "demo") || g_variant_dict_contains (options, "import") ||
                     g_variant_dict_contains (options, "restore");
  g_autofree char *path = database_path != NULL ? g_strdup (database_path) : ws_database_default_path ();

  if (g_variant_dict_contains (options, "output") && !g_variant_dict_contains (options, "export-summary") &&
      !g_variant_dict_contains (options, "export-readiness"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--output goes with --export-summary=PSEUDONYM or --export-readiness=HEARING"));
      return FALSE;
    }
  if (g_variant_dict_contains (options, "export-summary") && g_variant_dict_contains (options, "export-readiness"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--export-summary and --export-readiness cannot be combined; run one after the other"));
      return FALSE;
    }
  if (!g_variant_dict_contains (options, "export-summary"))
    for (guint i = 0; summary_only_options[i] != NULL; i++)
      if (g_variant_dict_contains (options, summary_only_options[i]))
        {
          /* Translators: %s is an option such as "output" */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--%s goes with --export-summary=PSEUDONYM"), summary_only_options[i]);
          return FALSE;
        }

  if (g_variant_dict_contains (options, "export-summary") && !g_variant_dict_contains (options, "output"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--export-summary needs --output=FILE.pdf"));
      return FALSE;
    }

  if (g_variant_dict_contains (options, "restore") &&
      (g_variant_dict_contains (options, "demo") || g_variant_dict_contains (options, "import")))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--restore cannot be combined with --demo or --import; run one after the other"));
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
 * Does what the options ask, in a fixed order: restore, fill with
 * demonstration data (and its profiles), import, export, export a
 * summary, a readiness sheet or a schedule, back up, list what needs
 * attention, verify the audit trail.
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
  g_autofree char *backup_path = NULL;
  g_autoptr(Passphrase) passphrase = NULL;
  g_autofree char *pseudonym = NULL;
  g_autofree char *schedule_path = NULL;
  g_autofree char *path = NULL;
  gint64 hearing_id = 0;
  gboolean existed;

  /* Everything that can be checked is checked before anything is written. */
  if (!check_options (options, database_path, &error))
    return fail (error);
  path = database_path != NULL ? g_strdup (database_path) : ws_database_default_path ();
  /* Read once: a restore checks it against the old database, the rest
   * against the new one. */
  if (g_variant_dict_contains (options, "profile"))
    {
      passphrase = read_passphrase (&error);
      if (passphrase == NULL)
        return fail (error);
    }
  if (!restore (options, path, passphrase, &error))
    return fail (error);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  db = ws_database_new (database_path, NULL, &error);
  if (db == NULL)
    return fail (error);
  if (!authenticate (db, options, passphrase, &error))
    return fail (error);

  if (g_variant_dict_contains (options, "demo"))
    {
      if (!ws_demo_fill (db, WS_DEMO_WITNESSES, 1, &error))
        return fail (error);
      if (!ws_database_is_protected (db) && !ws_demo_create_profiles (db, &error))
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

  if (g_variant_dict_lookup (options, "export-readiness", "x", &hearing_id))
    {
      if (!export_readiness (db, options, hearing_id, &error))
        return fail (error);
    }

  if (lookup_path (options, "backup", &backup_path))
    {
      if (!ws_database_backup (db, backup_path, NULL, &error))
        return fail (error);
      g_print (_("Backed up to %s\n"), backup_path);
    }

  if (g_variant_dict_contains (options, "attention") && !print_attention (db, &error))
    return fail (error);

  if (g_variant_dict_contains (options, "verify-audit"))
    return verify_audit (db);

  return 0;
}
