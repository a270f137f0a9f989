/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-witnesses-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-access.h"
#include "ws-identity.h"
#include "ws-store.h"
#include "ws-witness-page.h"
#include "ws-witnesses-view.h"

/* The Witnesses place: every supported person, searchable by pseudonym,
 * language and case reference — and by name or alias for the roles that
 * may see identity, through the identity module's in-memory index. */
struct _WsWitnessesView
{
  GtkWidget     parent_instance;

  /* template widgets */
  WsBrowser    *browser;
  GtkWidget    *empty_page;

  /* owned */
  WsDatabase   *db;
  GtkWidget    *page;
  GHashTable   *identity_matches;
};

G_DEFINE_FINAL_TYPE (WsWitnessesView, ws_witnesses_view, GTK_TYPE_WIDGET)

static gboolean
match_person (gpointer    item,
              const char *folded_query,
              gpointer    user_data)
{
  WsWitnessesView *self = user_data;
  gint64 id;

  if (ws_person_matches (item, folded_query))
    return TRUE;
  id = ws_person_get_id (item);
  return self->identity_matches != NULL && g_hash_table_contains (self->identity_matches, &id);
}

static void
describe_person (gpointer   item,
                 char     **title,
                 char     **subtitle)
{
  WsPerson *person = item;
  g_autofree char *languages = ws_person_dup_languages_text (person);
  const char * const *refs = ws_person_get_case_references (person);

  *title = g_strdup (ws_person_get_pseudonym (person));
  /* Translators: phase · languages, e.g. "Trial · Romanian, English" */
  *subtitle = g_strdup_printf ("%s%s · %s%s%s", ws_person_is_child (person) ? _("Child · ") : "",
                               ws_phase_get_label (ws_person_get_phase (person)),
                               *languages != '\0' ? languages : _("no language recorded"),
                               refs[0] != NULL ? " · " : "", refs[0] != NULL ? refs[0] : "");
}

static char *
count_witnesses (guint    shown,
                    guint    total,
                    gboolean searching)
{
  if (searching)
    /* Translators: search results, e.g. "3 of 40 witnesses" */
    return g_strdup_printf (ngettext ("%u of %u witness", "%u of %u witnesses", total), shown, total);
  return g_strdup_printf (ngettext ("%u witness", "%u witnesses", shown), shown);
}

static void
selection_changed_cb (WsWitnessesView *self)
{
  ws_witness_page_set_person (WS_WITNESS_PAGE (self->page), ws_browser_get_selected (self->browser));
}

static void
query_changed_cb (WsWitnessesView *self,
                  const char      *folded_query)
{
  g_clear_pointer (&self->identity_matches, g_hash_table_unref);
  self->identity_matches = ws_database_search_identity (self->db, folded_query);
}

static void
loaded_cb (WsWitnessesView *self)
{
  /* The identity index may have changed with the records. */
  query_changed_cb (self, ws_browser_get_folded_query (self->browser));
}

static void
ws_witnesses_view_dispose (GObject *object)
{
  WsWitnessesView *self = (WsWitnessesView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_WITNESSES_VIEW);
  g_clear_object (&self->db);
  g_clear_pointer (&self->identity_matches, g_hash_table_unref);

  G_OBJECT_CLASS (ws_witnesses_view_parent_class)->dispose (object);
}

static void
ws_witnesses_view_class_init (WsWitnessesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_witnesses_view_dispose;

  g_type_ensure (WS_TYPE_BROWSER);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/witnesssupport/WitnessSupport/witnesses/ws-witnesses-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WsWitnessesView, browser);
  gtk_widget_class_bind_template_child (widget_class, WsWitnessesView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_changed_cb);
}

static void
ws_witnesses_view_init (WsWitnessesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ws_browser_set_match_func (self->browser, match_person, self);
  ws_browser_set_count_func (self->browser, count_witnesses);
  ws_browser_set_row_func (self->browser, describe_person);
  ws_browser_set_empty_page (self->browser, self->empty_page);
  ws_browser_set_texts (self->browser, _("Search pseudonym, language, case or name"), _("No Witness Selected"));
}

GtkWidget *
ws_witnesses_view_new (WsDatabase *db)
{
  WsWitnessesView *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_WITNESSES_VIEW, NULL);
  self->db = g_object_ref (db);
  self->page = ws_witness_page_new (db);
  ws_browser_set_page (self->browser, self->page);
  /* Names are searched only for roles that may read identity; the
   * others are not promised a search they do not get. */
  if (!ws_database_may (db, WS_PERMISSION_READ_IDENTITY))
    ws_browser_set_texts (self->browser, _("Search pseudonym, language or case"), _("No Witness Selected"));
  ws_browser_set_source (self->browser, db, WS_TYPE_PERSON, ws_database_list_persons_async,
                         ws_database_list_persons_finish, (WsBrowserIdFunc) ws_person_get_id);
  g_signal_connect_object (self->browser, "loaded", G_CALLBACK (loaded_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/**
 * ws_witnesses_view_reload:
 * @select_id: the witness to select once loaded, or 0 to keep the selection
 *
 * Reads the witnesses again on a worker thread.
 */
void
ws_witnesses_view_reload (WsWitnessesView *self,
                          gint64           select_id)
{
  g_return_if_fail (WS_IS_WITNESSES_VIEW (self));
  ws_browser_reload (self->browser, select_id);
}

/**
 * ws_witnesses_view_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected witness
 */
WsPerson *
ws_witnesses_view_get_selected (WsWitnessesView *self)
{
  g_return_val_if_fail (WS_IS_WITNESSES_VIEW (self), NULL);
  return ws_browser_get_selected (self->browser);
}

/**
 * ws_witnesses_view_get_browser:
 *
 * Returns: (transfer none): the list and page
 */
WsBrowser *
ws_witnesses_view_get_browser (WsWitnessesView *self)
{
  g_return_val_if_fail (WS_IS_WITNESSES_VIEW (self), NULL);
  return self->browser;
}

/**
 * ws_witnesses_view_set_loading:
 *
 * Shows that the list is being read, until ws_witnesses_view_reload() is done.
 */
void
ws_witnesses_view_set_loading (WsWitnessesView *self)
{
  g_return_if_fail (WS_IS_WITNESSES_VIEW (self));
  ws_browser_set_loading (self->browser, TRUE);
}

/**
 * ws_witnesses_view_get_page:
 *
 * Returns: (transfer none): the page of the selected witness
 */
WsWitnessPage *
ws_witnesses_view_get_page (WsWitnessesView *self)
{
  g_return_val_if_fail (WS_IS_WITNESSES_VIEW (self), NULL);
  return WS_WITNESS_PAGE (self->page);
}
