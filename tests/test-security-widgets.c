/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ws-access.h"
#include "ws-audit-window.h"
#include "ws-demo.h"
#include "ws-login-page.h"
#include "ws-person-editor.h"
#include "ws-preferences-window.h"
#include "ws-setup-page.h"
#include "ws-test-util.h"
#include "ws-test-ui.h"
#include "ws-schedule-view.h"
#include "ws-window.h"
#include "ws-witness-page.h"
#include "ws-witnesses-view.h"

/* Who is working, as the window shows it: the unlock screen, the places a
 * role gets, the lock, and the administrator's tools, under Xvfb. */

#define PROSECUTOR "Pia Prosecutor"
#define PROSECUTOR_PASSPHRASE "pia's long passphrase"
#define INTERPRETER "Ivo Interpreter"
#define INTERPRETER_PASSPHRASE "ivo's long passphrase"

typedef struct {
  char       *dir;
  WsDatabase *db;
  WsWindow   *window;
} Fixture;

static GtkApplication *app;

/* A protected unit with a few witnesses and one profile per role, locked
 * as the program finds it on start. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = ws_test_open_tmp_db ("ws-security-widgets-XXXXXX", &f->dir);
  ws_demo_fill (f->db, 6, 3, &error);
  g_assert_no_error (error);
  ws_database_set_actor (f->db, WS_TEST_OFFICER, WS_ROLE_ADMINISTRATOR);
  ws_test_add_profile (f->db, PROSECUTOR, WS_ROLE_PROSECUTOR, PROSECUTOR_PASSPHRASE);
  ws_test_add_profile (f->db, INTERPRETER, WS_ROLE_INTERPRETER, INTERPRETER_PASSPHRASE);
  ws_database_lock (f->db);

  f->window = ws_window_new (app, f->db);
  gtk_window_present (GTK_WINDOW (f->window));
  ws_test_ui_spin (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ws_test_ui_spin (50);
  ws_test_close_tmp_db (f->db, f->dir);
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
unlock_as (Fixture    *f,
           const char *name,
           const char *passphrase)
{
  WsLoginPage *login = ws_window_get_login_page (f->window);

  g_assert_true (ws_login_page_select_profile (login, name));
  ws_login_page_set_passphrase (login, passphrase);
  return ws_login_page_unlock (login);
}

static WsBrowser *
witness_browser (Fixture *f)
{
  GtkWidget *view = ws_window_get_place (f->window, "witnesses");

  g_assert_nonnull (view);
  return ws_witnesses_view_get_browser (WS_WITNESSES_VIEW (view));
}

/* Selects the first witness and returns the page showing them. */
static GtkWidget *
show_first_witness (Fixture *f)
{
  WsBrowser *browser = witness_browser (f);
  g_autoptr(WsPerson) first = NULL;

  g_assert_true (ws_test_ui_browser_ready (browser, 1));
  first = ws_browser_get_shown_item (browser, 0);
  ws_browser_select (browser, first);
  ws_test_ui_spin (50);
  return ws_test_ui_find_descendant (GTK_WIDGET (browser), WS_TYPE_WITNESS_PAGE);
}

static void
test_login_lists_profiles (Fixture       *f,
                           gconstpointer  data)
{
  WsLoginPage *login = ws_window_get_login_page (f->window);

  g_assert_cmpstr (ws_window_get_screen (f->window), ==, "login");
  g_assert_cmpuint (ws_login_page_get_n_profiles (login), ==, 3);
  g_assert_true (ws_login_page_select_profile (login, INTERPRETER));
  g_assert_cmpstr (ws_login_page_get_selected (login), ==, INTERPRETER);
  g_assert_false (ws_login_page_select_profile (login, "Nobody"));
  /* Nothing of the unit is in the window before unlock. */
  g_assert_null (ws_window_get_place (f->window, "witnesses"));
  g_assert_null (ws_window_get_place (f->window, "cases"));
}

static void
test_wrong_passphrase (Fixture       *f,
                       gconstpointer  data)
{
  WsLoginPage *login = ws_window_get_login_page (f->window);
  GtkWidget *entry = template_child (login, WS_TYPE_LOGIN_PAGE, "passphrase_entry");
  GtkWidget *focus;
  guint failed_before = ws_database_count_audit (f->db, "login-failed");

  /* As a user does it: the Unlock button's action, which first shows
   * that it is unlocking. */
  g_assert_true (ws_login_page_select_profile (login, PROSECUTOR));
  ws_login_page_set_passphrase (login, "not the passphrase");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (login), "login.unlock", NULL));
  /* While unlocking, the focused field stops taking text but stays
   * sensitive (an insensitive focused field makes GTK warn). */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (entry)));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  for (int i = 0; i < 500 && ws_login_page_get_error (login) == NULL; i++)
    ws_test_ui_spin (50);
  g_assert_nonnull (ws_login_page_get_error (login));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (login)));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_assert_true (gtk_widget_get_visible (template_child (login, WS_TYPE_LOGIN_PAGE, "error_label")));
  g_assert_cmpstr (ws_window_get_screen (f->window), ==, "login");
  g_assert_true (ws_database_is_locked (f->db));
  g_assert_null (ws_window_get_place (f->window, "cases"));
  g_assert_cmpuint (ws_database_count_audit (f->db, "login-failed"), ==, failed_before + 1);

  /* The field keeps the focus, to type again. */
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Typing again takes the error away. */
  ws_login_page_set_passphrase (login, "x");
  g_assert_null (ws_login_page_get_error (login));
}

/* Whether an info row titled @title is anywhere in @widget. */
static gboolean
has_row_titled (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_row_titled (child, title))
      return TRUE;
  return FALSE;
}

/* Waits until the page has filled every section it fills. */
static void
wait_filled (GtkWidget *page)
{
  for (int i = 0; i < 2000 && !ws_witness_page_is_filled (WS_WITNESS_PAGE (page)); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (ws_witness_page_is_filled (WS_WITNESS_PAGE (page)));
}


static GtkWindow *
open_person_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (WS_IS_PERSON_EDITOR (window))
        return window;
    }
  return NULL;
}

static void
close_person_editors (void)
{
  GtkWindow *editor;

  while ((editor = open_person_editor ()) != NULL)
    gtk_window_destroy (editor);
  ws_test_ui_spin (30);
}

static void
test_prosecutor_places (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *page;

  g_assert_true (unlock_as (f, PROSECUTOR, PROSECUTOR_PASSPHRASE));
  g_assert_cmpstr (ws_window_get_screen (f->window), ==, "work");
  g_assert_false (ws_database_is_locked (f->db));
  g_assert_cmpint (ws_database_get_actor_role (f->db), ==, WS_ROLE_PROSECUTOR);
  g_assert_nonnull (ws_window_get_place (f->window, "witnesses"));
  g_assert_nonnull (ws_window_get_place (f->window, "cases"));

  /* A witness is shown without the identity section at all. */
  page = show_first_witness (f);
  g_assert_nonnull (page);
  g_assert_false (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "identity_group")));
  g_assert_true (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "support_group")));
  g_assert_false (gtk_widget_get_visible (template_child (f->window, WS_TYPE_WINDOW, "no_place_page")));

  /* The plan is not the prosecutor's: its sections are absent, not
   * "could not be read"; risk and benefits are theirs. No health flags,
   * no plan glance, nothing to add. */
  wait_filled (page);
  {
    static const char * const absent[] = {
      "phase_group", "items_group", "checklist_group", "consent_group", "referral_group", "reflection_group",
      "information_group", "post_trial_group", "claims_group", "notes_group",
    };

    for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
      {
        g_test_message ("%s", absent[i]);
        g_assert_false (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, absent[i])));
      }
  }
  g_assert_true (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "risk_group")));
  g_assert_true (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "benefits_group")));
  g_assert_false (has_row_titled (page, "This could not be read"));
  g_assert_false (has_row_titled (page, "Vulnerability"));
  g_assert_true (has_row_titled (page, "Risk Level"));
  g_assert_false (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "reflection_label")));
  g_assert_false (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "overdue_label")));
  g_assert_false (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "move_phase_button")));
  g_assert_false (gtk_widget_get_visible (
    adw_preferences_group_get_header_suffix (template_child (page, WS_TYPE_WITNESS_PAGE, "risk_group"))));
  g_assert_false (gtk_widget_get_visible (
    adw_preferences_group_get_header_suffix (template_child (page, WS_TYPE_WITNESS_PAGE, "benefits_group"))));
  /* Names are not searched for a prosecutor, and not promised. */
  {
    gchar *placeholder = NULL;

    g_object_get (template_child (witness_browser (f), WS_TYPE_BROWSER, "search_entry"), "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "Search pseudonym, language or case");
    g_free (placeholder);
  }
  /* The summary needs identity to scrub the notes: not offered. */
  g_assert_false (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "print_summary_button")));

  /* Preferences hold only the prosecutor's own passphrase: no profiles,
   * no lock delay, no backups. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
    WsPreferencesWindow *prefs = ws_preferences_window_new (GTK_WINDOW (f->window), f->db, settings);

    g_assert_true (gtk_widget_get_visible (template_child (prefs, WS_TYPE_PREFERENCES_WINDOW, "passphrase_group")));
    g_assert_false (gtk_widget_get_visible (template_child (prefs, WS_TYPE_PREFERENCES_WINDOW, "lock_group")));
    g_assert_false (gtk_widget_get_visible (template_child (prefs, WS_TYPE_PREFERENCES_WINDOW, "backup_group")));
    g_assert_null (gtk_widget_get_parent (template_child (prefs, WS_TYPE_PREFERENCES_WINDOW, "profiles_page")));
    g_assert_cmpuint (ws_preferences_window_get_n_profiles (prefs), ==, 0);
    gtk_window_destroy (GTK_WINDOW (prefs));
  }
}

static void
test_officer_sees_identity_section (Fixture       *f,
                                    gconstpointer  data)
{
  GtkWidget *page;

  /* The same page for a role that may read identity offers the section. */
  g_assert_true (unlock_as (f, WS_TEST_OFFICER, WS_TEST_PASSPHRASE));
  page = show_first_witness (f);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "identity_group")));

  /* … and the plan in full. */
  wait_filled (page);
  g_assert_true (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "phase_group")));
  g_assert_true (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "items_group")));
  g_assert_true (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "consent_group")));
  g_assert_true (has_row_titled (page, "Vulnerability"));
  g_assert_true (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "move_phase_button")));
  g_assert_true (gtk_widget_get_visible (
    adw_preferences_group_get_header_suffix (template_child (page, WS_TYPE_WITNESS_PAGE, "risk_group"))));
  g_assert_true (gtk_widget_get_visible (template_child (page, WS_TYPE_WITNESS_PAGE, "print_summary_button")));

  /* Ctrl+E edits what the place shows: the witness selected on
   * Witnesses is not edited from Hearings or Attention. */
  ws_window_show_place (f->window, "witnesses");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit", NULL));
  g_assert_nonnull (open_person_editor ());
  close_person_editors ();
  ws_window_show_place (f->window, "hearings");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  ws_test_ui_spin (30);
  g_assert_null (open_person_editor ());
  ws_window_show_place (f->window, "attention");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  ws_test_ui_spin (30);
  g_assert_null (open_person_editor ());
}

static void
test_interpreter_places (Fixture       *f,
                         gconstpointer  data)
{
  AdwStatusPage *empty = template_child (f->window, WS_TYPE_WINDOW, "no_place_page");
  GtkWidget *schedule;

  g_assert_true (unlock_as (f, INTERPRETER, INTERPRETER_PASSPHRASE));
  g_assert_cmpstr (ws_window_get_screen (f->window), ==, "work");
  g_assert_null (ws_window_get_place (f->window, "witnesses"));
  g_assert_null (ws_window_get_place (f->window, "cases"));
  g_assert_null (ws_window_get_place (f->window, "hearings"));
  g_assert_null (ws_window_get_place (f->window, "attention"));
  /* Their one place is the Schedule, showing their own sessions only. */
  schedule = ws_window_get_place (f->window, "schedule");
  g_assert_nonnull (schedule);
  g_assert_true (ws_schedule_view_shows_own_schedule (WS_SCHEDULE_VIEW (schedule)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (empty)));
}

static void
test_lock_forgets (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *editor;
  GtkWidget *page;

  g_assert_true (unlock_as (f, WS_TEST_OFFICER, WS_TEST_PASSPHRASE));
  page = show_first_witness (f);
  g_assert_nonnull (page);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-witness", NULL));
  editor = NULL;
  {
    g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && editor == NULL; i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (WS_IS_PERSON_EDITOR (window))
          editor = GTK_WIDGET (window);
      }
  }
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock", NULL));
  ws_test_ui_spin (50);

  /* Keys forgotten, places and the open editor gone, the same profile
   * offered again. */
  g_assert_true (ws_database_is_locked (f->db));
  g_assert_false (ws_database_may (f->db, WS_PERMISSION_READ_IDENTITY));
  g_assert_cmpstr (ws_window_get_screen (f->window), ==, "login");
  g_assert_null (ws_window_get_place (f->window, "witnesses"));
  g_assert_null (page);
  g_assert_null (editor);
  g_assert_cmpstr (ws_login_page_get_selected (ws_window_get_login_page (f->window)), ==, WS_TEST_OFFICER);

  /* Another profile can take over. */
  g_assert_true (unlock_as (f, PROSECUTOR, PROSECUTOR_PASSPHRASE));
  g_assert_cmpint (ws_database_get_actor_role (f->db), ==, WS_ROLE_PROSECUTOR);
}

static void
test_idle_locks (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  gint64 now;

  g_settings_set_int (settings, "idle-lock-minutes", 3);
  g_assert_true (unlock_as (f, PROSECUTOR, PROSECUTOR_PASSPHRASE));
  now = g_get_monotonic_time ();
  g_assert_false (ws_window_check_idle (f->window, now + 2 * 60 * G_USEC_PER_SEC));
  g_assert_false (ws_database_is_locked (f->db));
  g_assert_true (ws_window_check_idle (f->window, now + 3 * 60 * G_USEC_PER_SEC + 1));
  g_assert_true (ws_database_is_locked (f->db));
  g_assert_cmpstr (ws_window_get_screen (f->window), ==, "login");
  g_settings_reset (settings, "idle-lock-minutes");
}

static void
test_first_run (void)
{
  g_autofree char *dir = ws_test_make_tmp_dir ("ws-first-run-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "ws.db", NULL);
  WsDatabase *db = ws_test_open_db (path);
  WsWindow *window = ws_window_new (app, db);
  WsSetupPage *setup = ws_window_get_setup_page (window);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (ws_window_get_screen (window), ==, "setup");
  g_assert_null (ws_window_get_place (window, "witnesses"));

  /* Passphrases that differ, or too short: nothing is created. */
  ws_setup_page_fill (setup, "Ada Admin", "a fine long passphrase", "a fine long passphrasf");
  g_assert_false (ws_setup_page_create (setup));
  g_assert_true (gtk_widget_has_css_class (template_child (setup, WS_TYPE_SETUP_PAGE, "repeat_row"), "error"));
  ws_setup_page_fill (setup, "Ada Admin", "short", "short");
  g_assert_false (ws_setup_page_create (setup));
  ws_setup_page_fill (setup, "", "a fine long passphrase", "a fine long passphrase");
  g_assert_false (ws_setup_page_create (setup));
  g_assert_false (ws_database_is_protected (db));

  ws_setup_page_fill (setup, "Ada Admin", "a fine long passphrase", "a fine long passphrase");
  g_assert_true (ws_setup_page_create (setup));
  g_assert_true (ws_database_is_protected (db));
  g_assert_cmpstr (ws_database_get_profile_name (db), ==, "Ada Admin");
  g_assert_cmpint (ws_database_get_actor_role (db), ==, WS_ROLE_ADMINISTRATOR);
  g_assert_cmpstr (ws_window_get_screen (window), ==, "work");
  g_assert_nonnull (ws_window_get_place (window, "witnesses"));

  gtk_window_destroy (GTK_WINDOW (window));
  ws_test_ui_spin (50);
  ws_test_close_tmp_db (db, g_steal_pointer (&dir));
}

static void
test_preferences_profiles (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  WsPreferencesWindow *prefs;

  g_assert_true (unlock_as (f, WS_TEST_OFFICER, WS_TEST_PASSPHRASE));
  prefs = ws_preferences_window_new (GTK_WINDOW (f->window), f->db, settings);
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_cmpuint (ws_preferences_window_get_n_profiles (prefs), ==, 3);

  /* The idle delay is the setting the window locks by. */
  gtk_spin_button_set_value (template_child (prefs, WS_TYPE_PREFERENCES_WINDOW, "idle_spin"), 7);
  g_assert_cmpint (g_settings_get_int (settings, "idle-lock-minutes"), ==, 7);
  g_settings_reset (settings, "idle-lock-minutes");

  g_assert_false (ws_preferences_window_add_profile (prefs, "Otto Officer", WS_ROLE_OFFICER, "short", "short"));
  g_assert_false (ws_preferences_window_add_profile (prefs, PROSECUTOR, WS_ROLE_OFFICER,
                                                     "otto's long passphrase", "otto's long passphrase"));
  g_assert_cmpuint (ws_preferences_window_get_n_profiles (prefs), ==, 3);
  g_assert_true (ws_preferences_window_add_profile (prefs, "Otto Officer", WS_ROLE_OFFICER,
                                                    "otto's long passphrase", "otto's long passphrase"));
  g_assert_cmpuint (ws_preferences_window_get_n_profiles (prefs), ==, 4);

  /* Changing one's own passphrase needs the current one. */
  g_assert_false (ws_preferences_window_change_passphrase (prefs, "not it", "a new long passphrase",
                                                           "a new long passphrase"));
  g_assert_true (ws_preferences_window_change_passphrase (prefs, WS_TEST_PASSPHRASE, "a new long passphrase",
                                                          "a new long passphrase"));

  /* The new profile is offered at the next unlock, and opens. */
  ws_window_lock (f->window);
  g_assert_cmpuint (ws_login_page_get_n_profiles (ws_window_get_login_page (f->window)), ==, 4);
  g_assert_false (unlock_as (f, WS_TEST_OFFICER, WS_TEST_PASSPHRASE));
  g_assert_true (unlock_as (f, "Otto Officer", "otto's long passphrase"));
  g_assert_cmpint (ws_database_get_actor_role (f->db), ==, WS_ROLE_OFFICER);
}

static void
test_audit_window (Fixture       *f,
                   gconstpointer  data)
{
  WsAuditWindow *audit;

  g_assert_false (unlock_as (f, PROSECUTOR, "wrong"));
  g_assert_true (unlock_as (f, WS_TEST_OFFICER, WS_TEST_PASSPHRASE));
  audit = ws_audit_window_new (GTK_WINDOW (f->window), f->db);
  gtk_window_present (GTK_WINDOW (audit));
  g_assert_true (ws_audit_window_is_intact (audit));
  g_assert_cmpuint (ws_audit_window_get_n_shown (audit), >, 2);

  ws_audit_window_set_filter (audit, NULL, "login-failed");
  g_assert_cmpuint (ws_audit_window_get_n_shown (audit), ==, ws_database_count_audit (f->db, "login-failed"));
  ws_audit_window_set_filter (audit, "nobody by that name", NULL);
  g_assert_cmpuint (ws_audit_window_get_n_shown (audit), ==, 0);

  /* Locking closes it with every other dialog. */
  g_object_add_weak_pointer (G_OBJECT (audit), (gpointer *) &audit);
  ws_window_lock (f->window);
  ws_test_ui_spin (50);
  g_assert_null (audit);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ws_test_ui_init (&argc, &argv, "org.witnesssupport.WitnessSupport.SecurityTest");

#define ADD(name, func) \
  g_test_add ("/ws/security-widgets/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("login-lists-profiles", test_login_lists_profiles);
  ADD ("wrong-passphrase", test_wrong_passphrase);
  ADD ("prosecutor-places", test_prosecutor_places);
  ADD ("officer-sees-identity-section", test_officer_sees_identity_section);
  ADD ("interpreter-places", test_interpreter_places);
  ADD ("lock-forgets", test_lock_forgets);
  ADD ("idle-locks", test_idle_locks);
  ADD ("preferences-profiles", test_preferences_profiles);
  ADD ("audit-window", test_audit_window);
#undef ADD
  g_test_add_func ("/ws/security-widgets/first-run", test_first_run);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
