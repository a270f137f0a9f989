/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ws-test-ui.h"

GtkApplication *
ws_test_ui_init (int          *argc,
                 char       ***argv,
                 const char   *app_id)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *app;

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  app = GTK_APPLICATION (adw_application_new (app_id, G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

void
ws_test_ui_spin (guint rounds)
{
  for (guint i = 0; i < rounds; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

gboolean
ws_test_ui_browser_ready (WsBrowser *browser,
                          guint      at_least)
{
  for (int i = 0; i < 2000; i++)
    {
      if (ws_browser_get_n_shown (browser) >= at_least)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return FALSE;
}

GtkWidget *
ws_test_ui_find_descendant (GtkWidget *widget,
                            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ws_test_ui_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
ws_test_ui_set_entry (GtkWidget  *editor,
                      const char *row_name,
                      const char *text)
{
  GObject *row = gtk_widget_get_template_child (editor, G_OBJECT_TYPE (editor), row_name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

gboolean
ws_test_ui_row_has_error (GtkWidget  *editor,
                          const char *row_name)
{
  GObject *row = gtk_widget_get_template_child (editor, G_OBJECT_TYPE (editor), row_name);

  return gtk_widget_has_css_class (GTK_WIDGET (row), "error");
}
