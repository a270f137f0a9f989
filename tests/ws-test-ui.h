/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-browser.h"

G_BEGIN_DECLS

/* Scaffolding shared by the suites that open windows under Xvfb (the
 * ui_tests of tests/meson.build). Assertions fail the test. */

/* Initialises GTK and libadwaita for a test run and registers the one
 * application @app_id the whole run shares, as the program does. */
GtkApplication *ws_test_ui_init           (int          *argc,
                                           char       ***argv,
                                           const char   *app_id);
/* Lets the main loop run everything pending, @rounds times a millisecond apart. */
void            ws_test_ui_spin           (guint         rounds);
/* Waits (up to four seconds) until @browser shows at least @at_least rows. */
gboolean        ws_test_ui_browser_ready  (WsBrowser    *browser,
                                           guint         at_least);
/* The first widget of @type at or below @widget, depth first; NULL if none. */
GtkWidget      *ws_test_ui_find_descendant (GtkWidget   *widget,
                                           GType         type);
/* Types @text into the template row @row_name of @editor. */
void            ws_test_ui_set_entry      (GtkWidget    *editor,
                                           const char   *row_name,
                                           const char   *text);
/* Whether the template row @row_name of @editor is marked as wrong. */
gboolean        ws_test_ui_row_has_error  (GtkWidget    *editor,
                                           const char   *row_name);

G_END_DECLS
