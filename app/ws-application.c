/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-application.h"
#include "ws-backup.h"
#include "ws-cli.h"
#include "ws-database.h"
#include "ws-form.h"
#include "ws-profile.h"
#include "ws-window.h"

struct _WsApplication
{
  AdwApplication  parent_instance;

  /* owned */
  char           *database_path;
  WsDatabase     *db;
  gint64          started_at;
};

G_DEFINE_FINAL_TYPE (WsApplication, ws_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database in FILE instead of the default one"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill an empty database with the demonstration unit, then exit"), NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import an exchange file (all or nothing), then exit"), N_("FILE") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the whole database as an exchange file, then exit"), N_("FILE") },
  { "export-summary", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the anonymised support summary of the witness with this pseudonym as PDF (with --output), then exit"),
    N_("PSEUDONYM") },
  { "export-readiness", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Write the anonymised readiness sheet of the hearing with this number as PDF (with --output), then exit"),
    N_("HEARING") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL, N_("Where --export-summary or --export-readiness writes the PDF"),
    N_("FILE.pdf") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL, N_("First day of the period a summary covers"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Last day of the period a summary covers"), N_("YYYY-MM-DD") },
  { "zone", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Time zone of the summary's reader (e.g. Europe/Vienna)"), N_("ZONE") },
  { "attention", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print what needs attention, one finding a line (severity, pseudonym, rule, message), then exit"), NULL },
  { "export-schedule", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the sessions of one interpreter, site or witness as iCalendar (with --interpreter, --site or --witness), then exit"),
    N_("FILE.ics") },
  { "interpreter", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The interpreter whose sessions --export-schedule writes"), N_("NAME") },
  { "site", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The site whose sessions --export-schedule writes"), N_("NAME") },
  { "witness", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The witness whose sessions --export-schedule writes"), N_("PSEUDONYM") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static int
ws_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  WsApplication *self = WS_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("witness-support %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "database", "^ay", &self->database_path);
  if (ws_cli_wants_headless (options))
    return ws_cli_run (options, self->database_path);

  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Witness Support developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Witness Support"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", "Witness Support developers",
                         "version", PACKAGE_VERSION,
                         "comments", _("Support plans, protective measures and video-link testimony for victim-witnesses, "
                                       "with identity kept apart and every look at it recorded."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (application));

  /* Closing, not just quitting, so each window carries out its pending
   * deletions and saves its size and place. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (application));
}

static GtkWindow *open_window (WsApplication *self);

/* Waits until nothing holds the database any more (a list still loading
 * on a worker thread lets go when it finishes), so the file can be
 * replaced with no connection open on it. */
static gboolean
close_database (WsApplication *self)
{
  GWeakRef gone;
  gboolean closed = FALSE;
  WsDatabase *db = g_steal_pointer (&self->db);

  if (db == NULL)
    return TRUE;
  g_weak_ref_init (&gone, db);
  g_object_unref (db);
  for (int i = 0; i < 1000 && !closed; i++)
    {
      g_autoptr(WsDatabase) still = g_weak_ref_get (&gone);

      closed = still == NULL;
      if (!closed)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (5000);
        }
    }
  g_weak_ref_clear (&gone);
  return closed;
}

static void
restore_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WsApplication *self = WS_APPLICATION (user_data);
  const char *source = g_variant_get_string (parameter, NULL);
  g_autofree char *target = NULL;
  g_autofree char *who = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) windows = NULL;
  GtkWindow *window;
  gboolean restored = FALSE;

  if (self->db == NULL || !ws_database_may (self->db, WS_PERMISSION_BACKUP))
    return;
  target = g_strdup (ws_database_get_path (self->db));
  who = g_strdup (ws_database_get_profile_name (self->db));

  /* The database as it is now joins the automatic backups first, so a
   * restore from the wrong file can itself be undone. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
    g_autofree char *kept = ws_database_backup_rotating (self->db, NULL, g_settings_get_int (settings, "backups-kept"), &error);

    if (kept == NULL)
      goto reopen;
  }

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (WS_IS_WINDOW (l->data))
      ws_window_flush_deletes (l->data);
  /* Destroying, not closing: the application must not quit meanwhile. */
  g_application_hold (G_APPLICATION (self));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  ws_database_lock (self->db);
  if (!close_database (self))
    g_set_error (&error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_BUSY,
                 _("The database is still in use; nothing was restored. Try again in a moment."));
  else
    restored = ws_database_restore (source, target, &error);
  g_application_release (G_APPLICATION (self));

reopen:
  if (self->db == NULL)
    {
      g_autoptr(GError) open_error = NULL;

      self->db = ws_database_new (target, NULL, &open_error);
      if (self->db == NULL && error == NULL)
        error = g_steal_pointer (&open_error);
    }
  if (restored && self->db != NULL)
    {
      g_autofree char *basename = g_path_get_basename (source);

      /* Translators: who restored (a staff profile) and the backup file's name */
      detail = g_strdup_printf (_("by %s from %s"), who != NULL ? who : "", basename);
      ws_database_audit_event (self->db, "restore", NULL, detail, NULL);
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = open_window (self);
  gtk_window_present (window);
  if (WS_IS_WINDOW (window))
    ws_window_add_toast (WS_WINDOW (window),
                         error != NULL ? ws_form_error_toast (error)
                                       : adw_toast_new (_("Backup restored. Unlock to continue.")));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
  { "restore", restore_action, "s" },
};

static void
ws_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (ws_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions, G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      WsApplication *self)
{
  g_print ("first-frame-ms: %.1f\n", (g_get_monotonic_time () - self->started_at) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, after_first_paint_cb, self);
  g_application_quit (G_APPLICATION (self));
}

static void
window_mapped_cb (GtkWidget     *window,
                  WsApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_first_paint_cb), self);
}

static GtkWindow *
unopened_window (WsApplication *self,
                 const GError  *error)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Database Could Not Be Opened"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Witness Support"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  return GTK_WINDOW (window);
}

/* The window asks who is working before it shows anything: the
 * first-run page on a database without profiles, the unlock screen
 * otherwise. */
static GtkWindow *
open_window (WsApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->db == NULL)
    self->db = ws_database_new (self->database_path, NULL, &error);
  if (self->db == NULL)
    return unopened_window (self, error);
  return GTK_WINDOW (ws_window_new (GTK_APPLICATION (self), self->db));
}

static void
ws_application_activate (GApplication *application)
{
  WsApplication *self = WS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = open_window (self);
      if (g_getenv ("WS_REPORT_FIRST_FRAME") != NULL)
        g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), self);
    }
  gtk_window_present (window);
}

/* The automatic backup on close, kept among the last N, whoever works;
 * then the keys are wiped. */
static void
ws_application_shutdown (GApplication *application)
{
  WsApplication *self = WS_APPLICATION (application);

  if (self->db != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autoptr(GError) error = NULL;
      g_autofree char *path = ws_database_backup_rotating (self->db, NULL,
                                                           g_settings_get_int (settings, "backups-kept"), &error);

      if (path == NULL)
        g_printerr (_("The automatic backup failed: %s\n"), error->message);
    }
  if (self->db != NULL)
    ws_database_lock (self->db);

  G_APPLICATION_CLASS (ws_application_parent_class)->shutdown (application);
}

static void
ws_application_finalize (GObject *object)
{
  WsApplication *self = (WsApplication *)object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ws_application_parent_class)->finalize (object);
}

static void
ws_application_class_init (WsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ws_application_finalize;
  app_class->handle_local_options = ws_application_handle_local_options;
  app_class->startup = ws_application_startup;
  app_class->activate = ws_application_activate;
  app_class->shutdown = ws_application_shutdown;
}

static void
ws_application_init (WsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Support plans and protective measures for victim-witnesses."));
}

/**
 * ws_application_new:
 * @started_at: g_get_monotonic_time() when the process started, to report
 *   the time to the first frame
 */
WsApplication *
ws_application_new (gint64 started_at)
{
  WsApplication *self = g_object_new (WS_TYPE_APPLICATION,
                                      "application-id", APPLICATION_ID,
                                      "flags", G_APPLICATION_NON_UNIQUE,
                                      "resource-base-path", "/org/witnesssupport/WitnessSupport",
                                      NULL);

  self->started_at = started_at;
  return self;
}
