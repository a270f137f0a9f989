/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "witness-support"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <malloc.h>

#include "ws-application.h"
#include "ws-cli.h"

int
main (int   argc,
      char *argv[])
{
  gint64 started_at = g_get_monotonic_time ();
  g_autoptr(WsApplication) app = NULL;

  /* SQLite builds and frees a small temporary table for every CHECK with
   * an IN (…) list; with glibc's default trim threshold the heap shrinks
   * and grows again on every insert, which made a large import ten times
   * slower. Keeping up to 64 MiB of free heap avoids that churn. */
  mallopt (M_TRIM_THRESHOLD, 64 << 20);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ws_application_new (started_at);
  /* Profiles, backups and the audit trail: handled by ws-cli.c with the
   * other headless options. */
  ws_cli_add_options (G_APPLICATION (app));
  return g_application_run (G_APPLICATION (app), argc, argv);
}
