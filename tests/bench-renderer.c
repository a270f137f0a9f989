/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark for the page renderer (not a test: it prints figures, it does
 * not judge them). No display needed:
 *   _build/tests/bench-renderer [ROWS]
 * Builds a summary of about twenty A4 pages (headings, fields, paragraphs
 * in several scripts, a table of ROWS rows, default 620) and prints one
 * JSON object: the page count and the time to lay it out and write the
 * PDF (best of five runs, and the first run with cold font caches). */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "ws-document.h"
#include "ws-page-renderer.h"

static WsDocument *
build_document (guint rows)
{
  WsDocument *doc = ws_document_new ("Support summary — Witness B");
  const char *headers[] = { "Date", "Session", "Status", "Notes" };
  const double widths[] = { 2, 3, 2, 5 };

  ws_document_set_prepared_by (doc, "Witness-support officer");
  for (guint s = 0; s < 4; s++)
    {
      g_autofree char *heading = g_strdup_printf ("Section %u", s + 1);

      ws_document_add_heading (doc, 1, heading);
      ws_document_add_field (doc, "Phase", "Trial");
      ws_document_add_field (doc, "Risk level", "Medium");
      ws_document_add_field (doc, "Languages", "Arabic, Thai, Russian, Vietnamese");
      ws_document_add_heading (doc, 2, "Notes");
      ws_document_add_paragraph (doc, "شاهد محمي يحتاج إلى مترجم ودعم نفسي قبل الجلسة.");
      ws_document_add_paragraph (doc, "พยานที่ได้รับการคุ้มครองต้องการล่ามและการสนับสนุน");
      ws_document_add_paragraph (doc, "Защищённый свидетель нуждается в переводчике и поддержке.");
      ws_document_add_paragraph (doc, "Nhân chứng được bảo vệ cần phiên dịch viên và hỗ trợ.");
      ws_document_add_paragraph (doc, "The witness asked to be kept informed of every step; the "
                                      "court familiarisation visit took place and a separate "
                                      "waiting room was arranged. Counselling continues weekly "
                                      "and the support person will attend each hearing.");
    }
  ws_document_add_heading (doc, 1, "Sessions");
  ws_document_begin_table (doc, 4, headers, widths);
  for (guint i = 0; i < rows; i++)
    {
      g_autofree char *day = g_strdup_printf ("2024-%02u-%02u", i % 12 + 1, i % 28 + 1);
      g_autofree char *notes = g_strdup_printf ("Row %u: test call done, interpreter booked", i);
      const char *cells[] = { day, "Video link, room 2", "Arranged", notes };

      ws_document_add_row (doc, cells);
    }
  return doc;
}

int
main (int   argc,
      char *argv[])
{
  guint rows = argc > 1 ? (guint) atoi (argv[1]) : 620;
  g_autoptr(WsDocument) doc = build_document (rows);
  g_autoptr(WsPageRenderer) renderer = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ws-bench-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "bench.pdf", NULL);
  double first = 0, best = G_MAXDOUBLE;

  for (int run = 0; run < 5; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!ws_page_renderer_export_pdf (doc, pdf, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (run == 0)
        first = ms;
      best = MIN (best, ms);
    }

  renderer = ws_page_renderer_new (doc, WS_PAGE_A4_WIDTH, WS_PAGE_A4_HEIGHT);
  g_print ("{\"pages\": %u, \"pdf_ms\": %.1f, \"pdf_ms_first\": %.1f}\n",
           ws_page_renderer_paginate (renderer), best, first);

  g_unlink (pdf);
  g_rmdir (dir);
  return 0;
}
