/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ws-database.h"

G_BEGIN_DECLS

/* Does @item match @folded_query (already folded with ws_text_fold())? */
typedef gboolean (*WsBrowserMatchFunc) (gpointer    item,
                                        const char *folded_query,
                                        gpointer    user_data);

/* Fills the two lines a list row shows for @item. */
typedef void     (*WsBrowserRowFunc)   (gpointer    item,
                                        char      **title,
                                        char      **subtitle);

/* Says how many items are shown, e.g. "40 witnesses" or "3 of 40". */
typedef char *   (*WsBrowserCountFunc) (guint       shown,
                                        guint       total,
                                        gboolean    searching);

/* Where the items come from: an _async/_finish pair of the data layer
 * that lists every record, and how a record tells its id. */
typedef void       (*WsBrowserLoadFunc)   (WsDatabase          *db,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
typedef GPtrArray *(*WsBrowserFinishFunc) (WsDatabase          *db,
                                           GAsyncResult        *result,
                                           GError             **error);
typedef gint64     (*WsBrowserIdFunc)     (gpointer             item);

#define WS_TYPE_BROWSER (ws_browser_get_type ())

G_DECLARE_FINAL_TYPE (WsBrowser, ws_browser, WS, BROWSER, GtkWidget)

void      ws_browser_set_source       (WsBrowser          *self,
                                       WsDatabase         *db,
                                       GType               item_type,
                                       WsBrowserLoadFunc   load,
                                       WsBrowserFinishFunc finish,
                                       WsBrowserIdFunc     get_id);
void      ws_browser_reload           (WsBrowser          *self,
                                       gint64              select_id);
void      ws_browser_set_match_func   (WsBrowser          *self,
                                       WsBrowserMatchFunc  func,
                                       gpointer            user_data);
void      ws_browser_set_row_func     (WsBrowser          *self,
                                       WsBrowserRowFunc    func);
void      ws_browser_set_count_func   (WsBrowser          *self,
                                       WsBrowserCountFunc  func);
void      ws_browser_set_page         (WsBrowser          *self,
                                       GtkWidget          *page);
void      ws_browser_set_empty_page   (WsBrowser          *self,
                                       GtkWidget          *page);
void      ws_browser_set_texts        (WsBrowser          *self,
                                       const char         *search_placeholder,
                                       const char         *nothing_selected);
void      ws_browser_set_loading      (WsBrowser          *self,
                                       gboolean            loading);
gpointer  ws_browser_get_selected     (WsBrowser          *self);
void      ws_browser_select           (WsBrowser          *self,
                                       gpointer            item);
void      ws_browser_select_id        (WsBrowser          *self,
                                       gint64              id);
void      ws_browser_set_item_hidden  (WsBrowser          *self,
                                       gpointer            item,
                                       gboolean            hidden);
void      ws_browser_refilter         (WsBrowser          *self);
void      ws_browser_focus_search     (WsBrowser          *self);
void      ws_browser_set_search_text  (WsBrowser          *self,
                                       const char         *text);
const char *ws_browser_get_folded_query (WsBrowser      *self);
guint     ws_browser_get_n_shown      (WsBrowser          *self);
gpointer  ws_browser_get_shown_item   (WsBrowser          *self,
                                       guint               position);

G_END_DECLS
