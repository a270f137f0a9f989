/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "ws-document.h"

G_BEGIN_DECLS

/* ISO A4 in PostScript points, the page size of PDF export. */
#define WS_PAGE_A4_WIDTH  595.28
#define WS_PAGE_A4_HEIGHT 841.89

#define WS_TYPE_PAGE_RENDERER (ws_page_renderer_get_type ())

G_DECLARE_FINAL_TYPE (WsPageRenderer, ws_page_renderer, WS, PAGE_RENDERER, GObject)

WsPageRenderer *ws_page_renderer_new               (WsDocument     *document,
                                                    double          page_width,
                                                    double          page_height);
WsDocument     *ws_page_renderer_get_document      (WsPageRenderer *self);
void            ws_page_renderer_get_page_size     (WsPageRenderer *self,
                                                    double         *width,
                                                    double         *height);
double          ws_page_renderer_get_margin        (WsPageRenderer *self);
void            ws_page_renderer_set_margin        (WsPageRenderer *self,
                                                    double          margin);
guint           ws_page_renderer_paginate          (WsPageRenderer *self);
guint           ws_page_renderer_get_n_pages       (WsPageRenderer *self);
void            ws_page_renderer_draw_page         (WsPageRenderer *self,
                                                    cairo_t        *cr,
                                                    guint           page);
void            ws_page_renderer_draw_page_scaled  (WsPageRenderer *self,
                                                    cairo_t        *cr,
                                                    guint           page,
                                                    double          scale);
gboolean        ws_page_renderer_write_pdf         (WsPageRenderer *self,
                                                    const char     *path,
                                                    GError        **error);

gboolean        ws_page_renderer_export_pdf        (WsDocument     *document,
                                                    const char     *path,
                                                    GError        **error);

G_END_DECLS
