/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ws-access.h"
#include "ws-directory-pages.h"
#include "ws-plan-editors.h"
#include "ws-preferences-window.h"
#include "ws-test-util.h"

/* The agency directory and the catalogue of needs in the preferences
 * window: who sees them, and adding to them as the user does, under Xvfb. */

typedef struct {
  char                *dir;
  WsDatabase          *db;
  GtkWindow           *parent;
  WsPreferencesWindow *prefs;
} Fixture;

static void
spin (void)
{
  for (int i = 0; i < 30; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ws_test_open_tmp_db ("ws-directory-widgets-XXXXXX", &f->dir);
  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->parent);
}

static void
open_prefs (Fixture *f,
            WsRole   role)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  ws_database_set_actor (f->db, WS_TEST_OFFICER, role);
  f->prefs = ws_preferences_window_new (f->parent, f->db, settings);
  gtk_window_present (GTK_WINDOW (f->prefs));
  spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->prefs != NULL)
    gtk_window_destroy (GTK_WINDOW (f->prefs));
  gtk_window_destroy (f->parent);
  spin ();
  ws_test_close_tmp_db (f->db, f->dir);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The message shown beside a field by ws_form_set_row_error(), or NULL. */
static const char *
row_error (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") &&
      *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = row_error (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type_into (WsRecordEditor *editor,
           const char     *property,
           const char     *text)
{
  GtkWidget *row = ws_record_editor_get_field (editor, property);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
has_agency (WsDatabase *db,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = ws_database_list_agencies (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < agencies->len; i++)
    if (g_strcmp0 (ws_agency_get_name (g_ptr_array_index (agencies, i)), name) == 0)
      return TRUE;
  return FALSE;
}

static guint
n_agencies (WsDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = ws_database_list_agencies (db, &error);

  g_assert_no_error (error);
  return agencies->len;
}

static gboolean
model_has (GListModel *model,
           const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_officer_sees_agencies_only (Fixture       *f,
                                 gconstpointer  data)
{
  WsAgenciesPage *agencies;

  open_prefs (f, WS_ROLE_OFFICER);
  agencies = ws_preferences_window_get_agencies_page (f->prefs);
  g_assert_nonnull (agencies);
  g_assert_true (find_descendant (GTK_WIDGET (f->prefs), WS_TYPE_AGENCIES_PAGE) == GTK_WIDGET (agencies));
  g_assert_null (ws_preferences_window_get_needs_page (f->prefs));
  g_assert_null (find_descendant (GTK_WIDGET (f->prefs), WS_TYPE_NEEDS_PAGE));
}

static void
test_interpreter_sees_neither (Fixture       *f,
                               gconstpointer  data)
{
  open_prefs (f, WS_ROLE_INTERPRETER);
  g_assert_null (find_descendant (GTK_WIDGET (f->prefs), WS_TYPE_AGENCIES_PAGE));
  g_assert_null (find_descendant (GTK_WIDGET (f->prefs), WS_TYPE_NEEDS_PAGE));
}

static void
test_administrator_adds_agency (Fixture       *f,
                                gconstpointer  data)
{
  WsAgenciesPage *page;
  WsRecordEditor *editor;
  g_autoptr(WsSupportItem) item = ws_support_item_new (0);
  GtkWidget *provider;

  open_prefs (f, WS_ROLE_ADMINISTRATOR);
  g_assert_nonnull (ws_preferences_window_get_needs_page (f->prefs));
  page = ws_preferences_window_get_agencies_page (f->prefs);
  g_assert_false (has_agency (f->db, "Harbour Counselling"));

  editor = ws_agencies_page_edit (page, 0);
  type_into (editor, "name", "Harbour Counselling");
  type_into (editor, "kind", "Counselling");
  type_into (editor, "contact", "Front desk, weekdays");
  g_assert_true (ws_record_editor_save (editor));
  spin ();

  g_assert_true (has_agency (f->db, "Harbour Counselling"));
  g_assert_nonnull (ws_agencies_page_find_row (page, "Harbour Counselling"));

  /* The support-item editor offers it as a provider the next time it opens. */
  editor = ws_plan_edit_support_item (f->parent, f->db, item);
  provider = ws_record_editor_get_field (editor, "agency-id");
  g_assert_true (model_has (adw_combo_row_get_model (ADW_COMBO_ROW (provider)), "Harbour Counselling"));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_blank_agency_name (Fixture       *f,
                        gconstpointer  data)
{
  WsAgenciesPage *page;
  WsRecordEditor *editor;
  guint before = n_agencies (f->db);

  open_prefs (f, WS_ROLE_ADMINISTRATOR);
  page = ws_preferences_window_get_agencies_page (f->prefs);
  editor = ws_agencies_page_edit (page, 0);
  type_into (editor, "name", "   ");
  type_into (editor, "kind", "Shelter");
  g_assert_false (ws_record_editor_save (editor));

  g_assert_nonnull (row_error (ws_record_editor_get_field (editor, "name")));
  g_assert_null (row_error (ws_record_editor_get_field (editor, "kind")));
  g_assert_cmpuint (n_agencies (f->db), ==, before);
  g_assert_cmpuint (ws_agencies_page_get_n_agencies (page), ==, before);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_remove_agency (Fixture       *f,
                    gconstpointer  data)
{
  WsAgenciesPage *page;
  WsRecordEditor *editor;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  gint64 id = 0;

  open_prefs (f, WS_ROLE_OFFICER);
  page = ws_preferences_window_get_agencies_page (f->prefs);
  editor = ws_agencies_page_edit (page, 0);
  type_into (editor, "name", "Night Shelter North");
  g_assert_true (ws_record_editor_save (editor));
  agencies = ws_database_list_agencies (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < agencies->len; i++)
    if (g_strcmp0 (ws_agency_get_name (g_ptr_array_index (agencies, i)), "Night Shelter North") == 0)
      id = ws_agency_get_id (g_ptr_array_index (agencies, i));
  g_assert_cmpint (id, !=, 0);

  /* Cancelling keeps it; removing takes it out of the store and the list. */
  adw_message_dialog_response (ws_agencies_page_remove (page, id), "cancel");
  g_assert_true (has_agency (f->db, "Night Shelter North"));
  adw_message_dialog_response (ws_agencies_page_remove (page, id), "remove");
  spin ();
  g_assert_false (has_agency (f->db, "Night Shelter North"));
  g_assert_null (ws_agencies_page_find_row (page, "Night Shelter North"));
}

static guint
category_index (const char *category)
{
  const char * const *all = ws_need_categories_get_all ();

  for (guint i = 0; all[i] != NULL; i++)
    if (g_strcmp0 (all[i], category) == 0)
      return i + 1;  /* after "Choose a category" */
  g_assert_not_reached ();
}

static void
test_administrator_adds_need (Fixture       *f,
                              gconstpointer  data)
{
  WsNeedsPage *page;
  WsRecordEditor *editor;
  g_autoptr(GError) error = NULL;
  g_autoptr(WsNeed) need = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  GtkWidget *row;
  WsNeed *shipped = NULL;

  open_prefs (f, WS_ROLE_ADMINISTRATOR);
  page = ws_preferences_window_get_needs_page (f->prefs);
  g_assert_nonnull (page);

  /* Shipped needs are listed, marked, and cannot be opened for editing. */
  needs = ws_database_list_needs (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < needs->len && shipped == NULL; i++)
    if (ws_need_get_builtin (g_ptr_array_index (needs, i)))
      shipped = g_ptr_array_index (needs, i);
  g_assert_nonnull (shipped);
  row = ws_needs_page_find_row (page, ws_need_get_code (shipped));
  g_assert_nonnull (row);
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  /* Without a category nothing is saved, and the field says why. */
  editor = ws_needs_page_edit (page, NULL);
  type_into (editor, "title", "Physiotherapy");
  type_into (editor, "code", "health.physiotherapy-local");
  g_assert_false (ws_record_editor_save (editor));
  g_assert_nonnull (row_error (ws_record_editor_get_field (editor, "category")));
  g_assert_null (ws_database_get_need (f->db, "health.physiotherapy-local", NULL));

  adw_combo_row_set_selected (ADW_COMBO_ROW (ws_record_editor_get_field (editor, "category")),
                              category_index ("health"));
  g_assert_true (ws_record_editor_save (editor));
  spin ();

  need = ws_database_get_need (f->db, "health.physiotherapy-local", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_need_get_title (need), ==, "Physiotherapy");
  g_assert_cmpstr (ws_need_get_category (need), ==, "health");
  g_assert_false (ws_need_get_builtin (need));
  row = ws_needs_page_find_row (page, "health.physiotherapy-local");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Physiotherapy");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/ws/directory-widgets/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("officer-sees-agencies-only", test_officer_sees_agencies_only);
  ADD ("interpreter-sees-neither", test_interpreter_sees_neither);
  ADD ("administrator-adds-agency", test_administrator_adds_agency);
  ADD ("blank-agency-name", test_blank_agency_name);
  ADD ("remove-agency", test_remove_agency);
  ADD ("administrator-adds-need", test_administrator_adds_need);
  return g_test_run ();
}
