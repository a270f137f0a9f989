/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-cases-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ws-case-page.h"
#include "ws-cases-view.h"
#include "ws-store.h"

/* The Cases place: every case by reference, searchable by reference,
 * court and prosecutor. */
struct _WsCasesView
{
  GtkWidget     parent_instance;

  /* template widgets */
  WsBrowser    *browser;
  GtkWidget    *empty_page;

  /* owned */
  WsDatabase   *db;
  GtkWidget    *page;
};

G_DEFINE_FINAL_TYPE (WsCasesView, ws_cases_view, GTK_TYPE_WIDGET)

static gboolean
match_case (gpointer    item,
            const char *folded_query,
            gpointer    user_data)
{
  return ws_case_matches (item, folded_query);
}

static void
describe_case (gpointer   item,
               char     **title,
               char     **subtitle)
{
  WsCase *court_case = item;
  guint n = ws_case_get_witness_count (court_case);
  g_autofree char *witnesses = g_strdup_printf (ngettext ("%u witness", "%u witnesses", n), n);

  *title = g_strdup (ws_case_get_reference (court_case));
  /* Translators: stage · court · number of witnesses */
  *subtitle = g_strdup_printf ("%s · %s · %s", ws_case_stage_get_label (ws_case_get_stage (court_case)),
                               ws_case_get_court (court_case), witnesses);
}

static char *
count_cases (guint    shown,
                guint    total,
                gboolean searching)
{
  if (searching)
    /* Translators: search results, e.g. "3 of 40 cases" */
    return g_strdup_printf (ngettext ("%u of %u case", "%u of %u cases", total), shown, total);
  return g_strdup_printf (ngettext ("%u case", "%u cases", shown), shown);
}

static void
selection_changed_cb (WsCasesView *self)
{
  ws_case_page_set_case (WS_CASE_PAGE (self->page), ws_browser_get_selected (self->browser));
}

static void
ws_cases_view_dispose (GObject *object)
{
  WsCasesView *self = (WsCasesView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WS_TYPE_CASES_VIEW);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ws_cases_view_parent_class)->dispose (object);
}

static void
ws_cases_view_class_init (WsCasesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ws_cases_view_dispose;

  g_type_ensure (WS_TYPE_BROWSER);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/witnesssupport/WitnessSupport/cases/ws-cases-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WsCasesView, browser);
  gtk_widget_class_bind_template_child (widget_class, WsCasesView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
}

static void
ws_cases_view_init (WsCasesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ws_browser_set_match_func (self->browser, match_case, self);
  ws_browser_set_count_func (self->browser, count_cases);
  ws_browser_set_row_func (self->browser, describe_case);
  ws_browser_set_empty_page (self->browser, self->empty_page);
  ws_browser_set_texts (self->browser, _("Search reference, court or prosecutor"), _("No Case Selected"));
}

GtkWidget *
ws_cases_view_new (WsDatabase *db)
{
  WsCasesView *self;

  g_return_val_if_fail (WS_IS_DATABASE (db), NULL);

  self = g_object_new (WS_TYPE_CASES_VIEW, NULL);
  self->db = g_object_ref (db);
  self->page = ws_case_page_new (db);
  ws_browser_set_page (self->browser, self->page);
  ws_browser_set_source (self->browser, db, WS_TYPE_CASE, ws_database_list_cases_async,
                         ws_database_list_cases_finish, (WsBrowserIdFunc) ws_case_get_id);
  return GTK_WIDGET (self);
}

/**
 * ws_cases_view_reload:
 * @select_id: the case to select once loaded, or 0 to keep the selection
 */
void
ws_cases_view_reload (WsCasesView *self,
                      gint64       select_id)
{
  g_return_if_fail (WS_IS_CASES_VIEW (self));
  ws_browser_reload (self->browser, select_id);
}

/**
 * ws_cases_view_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected case
 */
WsCase *
ws_cases_view_get_selected (WsCasesView *self)
{
  g_return_val_if_fail (WS_IS_CASES_VIEW (self), NULL);
  return ws_browser_get_selected (self->browser);
}

/**
 * ws_cases_view_get_browser:
 *
 * Returns: (transfer none): the list and page
 */
WsBrowser *
ws_cases_view_get_browser (WsCasesView *self)
{
  g_return_val_if_fail (WS_IS_CASES_VIEW (self), NULL);
  return self->browser;
}

/**
 * ws_cases_view_set_loading:
 *
 * Shows that the list is being read, until ws_cases_view_reload() is done.
 */
void
ws_cases_view_set_loading (WsCasesView *self)
{
  g_return_if_fail (WS_IS_CASES_VIEW (self));
  ws_browser_set_loading (self->browser, TRUE);
}
