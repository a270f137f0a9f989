/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ws-case-editor.h"
#include "ws-cases-view.h"
#include "ws-demo.h"
#include "ws-identity.h"
#include "ws-person-editor.h"
#include "ws-store.h"
#include "ws-summary-dialog.h"
#include "ws-test-util.h"
#include "ws-test-ui.h"
#include "ws-text.h"
#include "ws-window.h"
#include "ws-witnesses-view.h"

/* The window as a user meets it, on a real database under Xvfb. */

typedef struct {
  char           *dir;
  WsDatabase     *db;
  WsWindow       *window;
} Fixture;

/* One registered application for the whole run, as in the program. */
static GtkApplication *app;

static WsBrowser *
witness_browser (Fixture *f)
{
  return ws_witnesses_view_get_browser (WS_WITNESSES_VIEW (ws_window_get_place (f->window, "witnesses")));
}

static WsBrowser *
case_browser (Fixture *f)
{
  return ws_cases_view_get_browser (WS_CASES_VIEW (ws_window_get_place (f->window, "cases")));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The window opens on the places of a profile already at work: the
   * test administrator, narrowed to the officer's role. */
  f->db = ws_test_open_tmp_db ("ws-widgets-XXXXXX", &f->dir);
  if (GPOINTER_TO_INT (data))
    {
      ws_demo_fill (f->db, WS_DEMO_WITNESSES, 7, &error);
      g_assert_no_error (error);
    }

  f->window = ws_window_new (app, f->db);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ws_test_ui_spin (50);
  ws_test_close_tmp_db (f->db, f->dir);
}

static void
test_opens_on_demo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) persons = ws_database_list_persons (f->db, NULL, NULL);
  g_autoptr(GPtrArray) cases = ws_database_list_cases (f->db, NULL, NULL);

  g_assert_true (ws_test_ui_browser_ready (witness_browser (f), persons->len));
  g_assert_cmpuint (ws_browser_get_n_shown (witness_browser (f)), ==, persons->len);
  g_assert_true (ws_test_ui_browser_ready (case_browser (f), cases->len));
  g_assert_cmpuint (ws_browser_get_n_shown (case_browser (f)), ==, cases->len);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

/* Opens an editor the way a user does, through the window's action. */
static gpointer
open_editor (Fixture    *f,
             const char *action,
             GType       type)
{
  g_autoptr(GListModel) toplevels = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  g_assert_not_reached ();
}

static void
test_create_and_find (Fixture       *f,
                      gconstpointer  data)
{
  WsPersonEditor *editor;
  g_autoptr(WsPerson) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = NULL;

  g_assert_true (ws_test_ui_browser_ready (witness_browser (f), 1));

  editor = open_editor (f, "win.add-witness", WS_TYPE_PERSON_EDITOR);
  ws_test_ui_set_entry (GTK_WIDGET (editor), "pseudonym_row", "Kestrel");
  ws_test_ui_set_entry (GTK_WIDGET (editor), "languages_row", "Tigrinya (Asmara), Arabic");
  ws_test_ui_set_entry (GTK_WIDGET (editor), "legal_name_row", "Zubeida Testovná");
  g_assert_true (ws_person_editor_save (editor));

  found = ws_database_find_person (f->db, "kestrel", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ws_person_get_languages (found)[0], ==, "Tigrinya (Asmara)");

  /* The window reloads and the new witness is found by pseudonym … */
  ws_test_ui_spin (50);
  ws_browser_set_search_text (witness_browser (f), "KESTREL");
  g_assert_true (ws_test_ui_browser_ready (witness_browser (f), 1));
  g_assert_cmpuint (ws_browser_get_n_shown (witness_browser (f)), ==, 1);

  /* … and by legal name, diacritics and case ignored, for an officer. */
  ws_browser_set_search_text (witness_browser (f), "testovna");
  g_assert_cmpuint (ws_browser_get_n_shown (witness_browser (f)), ==, 1);
  {
    g_autoptr(WsPerson) shown = ws_browser_get_shown_item (witness_browser (f), 0);
    g_assert_cmpstr (ws_person_get_pseudonym (shown), ==, "Kestrel");
  }

  /* A reload keeps the name search working for the text still typed. */
  ws_database_emit_changed (f->db);
  ws_test_ui_spin (50);
  ws_test_ui_spin (50);
  g_assert_cmpuint (ws_browser_get_n_shown (witness_browser (f)), ==, 1);

  /* A prosecutor's search never matches on identity. */
  ws_database_set_actor (f->db, "Prosecutor", WS_ROLE_PROSECUTOR);
  ws_browser_set_search_text (witness_browser (f), "testovna");
  g_assert_cmpuint (ws_browser_get_n_shown (witness_browser (f)), ==, 0);
  folded = ws_text_fold ("testovna");
  g_assert_null (ws_database_search_identity (f->db, folded));
}

static void
test_invalid_form_saves_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  WsPersonEditor *editor = open_editor (f, "win.add-witness", WS_TYPE_PERSON_EDITOR);
  g_autoptr(GPtrArray) before = ws_database_list_persons (f->db, NULL, NULL);
  g_autoptr(GPtrArray) after = NULL;

  /* No pseudonym, an impossible date of birth, a bad first-contact date. */
  ws_test_ui_set_entry (GTK_WIDGET (editor), "dob_row", "2023-02-30");
  ws_test_ui_set_entry (GTK_WIDGET (editor), "first_contact_row", "31/01/2024");
  g_assert_false (ws_person_editor_save (editor));
  g_assert_true (ws_test_ui_row_has_error (GTK_WIDGET (editor), "pseudonym_row"));
  g_assert_true (ws_test_ui_row_has_error (GTK_WIDGET (editor), "dob_row"));
  g_assert_true (ws_test_ui_row_has_error (GTK_WIDGET (editor), "first_contact_row"));
  g_assert_false (ws_test_ui_row_has_error (GTK_WIDGET (editor), "languages_row"));

  /* Typing in a field clears its mark. */
  ws_test_ui_set_entry (GTK_WIDGET (editor), "pseudonym_row", "Heron");
  g_assert_false (ws_test_ui_row_has_error (GTK_WIDGET (editor), "pseudonym_row"));

  after = ws_database_list_persons (f->db, NULL, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_duplicate_case_reference (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = ws_database_list_cases (f->db, NULL, NULL);
  WsCase *existing = g_ptr_array_index (cases, 0);
  WsCaseEditor *editor = open_editor (f, "win.add-case", WS_TYPE_CASE_EDITOR);
  g_autofree char *lower = g_utf8_strdown (ws_case_get_reference (existing), -1);
  g_autoptr(GPtrArray) after = NULL;

  ws_test_ui_set_entry (GTK_WIDGET (editor), "reference_row", lower);
  ws_test_ui_set_entry (GTK_WIDGET (editor), "court_row", "Regional Court");
  g_assert_false (ws_case_editor_save (editor));
  g_assert_true (ws_test_ui_row_has_error (GTK_WIDGET (editor), "reference_row"));
  g_assert_false (ws_test_ui_row_has_error (GTK_WIDGET (editor), "court_row"));

  after = ws_database_list_cases (f->db, NULL, NULL);
  g_assert_cmpuint (after->len, ==, cases->len);

  ws_test_ui_set_entry (GTK_WIDGET (editor), "reference_row", "NEW/2026/001");
  g_assert_true (ws_case_editor_save (editor));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ws_database_list_cases (f->db, NULL, NULL);
  g_assert_cmpuint (after->len, ==, cases->len + 1);
  g_assert_true (ws_test_ui_browser_ready (case_browser (f), cases->len + 1));
  g_assert_cmpstr (ws_case_get_reference (ws_cases_view_get_selected (WS_CASES_VIEW (ws_window_get_place (f->window, "cases")))),
                   ==, "NEW/2026/001");
}

static void
test_delete_waits_for_undo (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) persons = ws_database_list_persons (f->db, NULL, NULL);
  WsBrowser *browser = witness_browser (f);
  g_autoptr(WsPerson) first = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 id;

  g_assert_true (ws_test_ui_browser_ready (browser, persons->len));
  first = ws_browser_get_shown_item (browser, 0);
  id = ws_person_get_id (first);
  ws_browser_select (browser, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-witness", NULL));

  /* Hidden at once, still in the database while "Undo" is offered. */
  g_assert_cmpuint (ws_browser_get_n_shown (browser), ==, persons->len - 1);
  after = ws_database_list_persons (f->db, NULL, NULL);
  g_assert_cmpuint (after->len, ==, persons->len);

  /* Another change reloads the list with new objects: the record stays
   * hidden. */
  ws_database_emit_changed (f->db);
  ws_test_ui_spin (50);
  g_assert_true (ws_test_ui_browser_ready (browser, persons->len - 1));
  ws_test_ui_spin (50);
  g_assert_cmpuint (ws_browser_get_n_shown (browser), ==, persons->len - 1);

  /* Closing the window carries the deletion out. */
  ws_window_flush_deletes (f->window);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ws_database_list_persons (f->db, NULL, NULL);
  g_assert_cmpuint (after->len, ==, persons->len - 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(WsPerson) gone = ws_database_get_person (f->db, id, &error);
    g_assert_error (error, WS_DATABASE_ERROR, WS_DATABASE_ERROR_NOT_FOUND);
    g_assert_null (gone);
  }
}

static gboolean
wait_for_pages (WsSummaryDialog *dialog,
                gboolean         want_pages)
{
  for (int i = 0; i < 1000; i++)
    {
      if ((ws_summary_dialog_get_n_pages (dialog) > 0) == want_pages)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return FALSE;
}

static void
test_summary_preview_and_pdf (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) persons = ws_database_list_persons (f->db, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "summary.pdf", NULL);
  g_autofree char *bad_pdf = g_build_filename (f->dir, "never.pdf", NULL);
  WsSummaryDialog *dialog;
  WsDocument *document;
  g_autofree char *text = NULL;
  g_autoptr(WsPerson) person = NULL;

  g_assert_true (ws_test_ui_browser_ready (witness_browser (f), persons->len));
  person = ws_browser_get_shown_item (witness_browser (f), 0);
  ws_browser_select (witness_browser (f), person);
  dialog = open_editor (f, "win.print-summary", WS_TYPE_SUMMARY_DIALOG);

  /* The preview is there at once and is the document that will print. */
  g_assert_cmpuint (ws_summary_dialog_get_n_pages (dialog), >, 0);
  document = ws_summary_dialog_get_document (dialog);
  g_assert_nonnull (document);
  text = ws_document_to_text (document);
  g_assert_nonnull (strstr (text, ws_person_get_pseudonym (person)));

  g_assert_true (ws_summary_dialog_export_pdf (dialog, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (ws_database_count_audit (f->db, "export-summary-pdf"), ==, 1);

  /* An impossible date: no preview, nothing can be exported. */
  ws_test_ui_set_entry (GTK_WIDGET (dialog), "from_row", "2026-02-30");
  g_assert_true (wait_for_pages (dialog, FALSE));
  g_assert_true (ws_test_ui_row_has_error (GTK_WIDGET (dialog), "from_row"));
  g_assert_false (ws_summary_dialog_export_pdf (dialog, bad_pdf, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad_pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (ws_database_count_audit (f->db, "export-summary-pdf"), ==, 1);

  ws_test_ui_set_entry (GTK_WIDGET (dialog), "from_row", "");
  g_assert_true (wait_for_pages (dialog, TRUE));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  ws_test_ui_spin (50);
  g_assert_cmpuint (ws_browser_get_n_shown (witness_browser (f)), ==, 0);
  /* "Load demonstration data" is offered only while the database is empty. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-demo", NULL));
  g_assert_true (ws_test_ui_browser_ready (witness_browser (f), 10));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = ws_test_ui_init (&argc, &argv, "org.witnesssupport.WitnessSupport.Test");

#define ADD(name, func, with_demo) \
  g_test_add ("/ws/widgets/" name, Fixture, GINT_TO_POINTER (with_demo), fixture_set_up, func, fixture_tear_down)
  ADD ("opens-on-demo", test_opens_on_demo, TRUE);
  ADD ("create-and-find", test_create_and_find, TRUE);
  ADD ("invalid-form-saves-nothing", test_invalid_form_saves_nothing, TRUE);
  ADD ("duplicate-case-reference", test_duplicate_case_reference, TRUE);
  ADD ("delete-waits-for-undo", test_delete_waits_for_undo, TRUE);
  ADD ("summary-preview-and-pdf", test_summary_preview_and_pdf, TRUE);
  ADD ("empty-state", test_empty_state, FALSE);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
