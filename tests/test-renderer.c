/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ws-document.h"
#include "ws-page-renderer.h"
#include "ws-print-operation.h"
#include "ws-test-util.h"

/* The plain document and the page renderer, checked on real PDF output
 * read back with pdftotext. No display: PDF export must work headless. */

#define MARKING    "CONFIDENTIAL — anonymised, not for onward disclosure"
#define ARABIC     "شاهد محمي"
#define THAI       "พยานที่ได้รับการคุ้มครอง"
#define CYRILLIC   "Защищённый свидетель"
#define VIETNAMESE "Nhân chứng được bảo vệ"
#define N_ROWS     120

static GDate *
date (int year,
      int month,
      int day)
{
  return g_date_new_dmy (day, month, year);
}

static WsDocument *
build_document (void)
{
  WsDocument *doc = ws_document_new ("Support summary — Witness A");
  g_autoptr(GDate) printed = date (2024, 3, 5);
  g_autoptr(GDate) from = date (2024, 1, 1);
  g_autoptr(GDate) to = date (2024, 3, 31);
  const char *headers[] = { "Slot", "Planned session", "Arranged by", "Remarks", NULL };
  const double widths[] = { 1, 3, 2, 4 };

  ws_document_set_subtitle (doc, "Case 2024/117 — trial phase");
  ws_document_set_marking (doc, MARKING);
  ws_document_set_prepared_by (doc, "Witness-support officer");
  ws_document_set_printed_on (doc, printed);
  ws_document_set_period (doc, from, to);

  ws_document_add_heading (doc, 1, "About the witness");
  ws_document_add_field (doc, "Pseudonym", "Witness A");
  ws_document_add_field (doc, "Age band", "25–34");
  ws_document_add_field (doc, "Languages", "Arabic (Levantine), English (basic)");
  ws_document_add_field (doc, "Interpreter", "Needed; female interpreter preferred");

  ws_document_add_heading (doc, 2, "Statements in the witness's languages");
  ws_document_add_paragraph (doc, ARABIC);
  ws_document_add_paragraph (doc, THAI);
  ws_document_add_paragraph (doc, CYRILLIC);
  ws_document_add_paragraph (doc, VIETNAMESE);
  ws_document_add_paragraph (doc, "A long unbroken token must wrap rather than run off the page: "
                                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

  ws_document_add_heading (doc, 1, "Protective measures");
  ws_document_add_note (doc, "None recorded");

  ws_document_add_heading (doc, 1, "Sessions");
  ws_document_begin_table (doc, 4, headers, widths);
  for (guint i = 1; i <= N_ROWS; i++)
    {
      g_autofree char *slot = g_strdup_printf ("R-%03u", i);
      g_autofree char *session = g_strdup_printf ("Video link, court room %u", i % 7 + 1);
      g_autofree char *remarks = g_strdup_printf (i % 9 == 0 ? "Test call done; support person "
                                                               "present; separate arrival "
                                                               "route arranged for row %u"
                                                             : "Confirmed %u", i);
      const char *cells[] = { slot, session, "Liaison officer", remarks, NULL };

      ws_document_add_row (doc, cells);
    }

  ws_document_add_heading (doc, 1, "Closing");
  ws_document_add_paragraph (doc, "End of summary.");
  return doc;
}

static guint
count_entries (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;
  size_t len = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + len, needle))
    n++;
  return n;
}

/* The pages of the PDF as pdftotext -layout reads them (split on the
 * form feed that ends each page), or NULL when pdftotext is missing. */
static GStrv
pdf_pages (const char *pdf)
{
  g_autofree char *out = ws_test_pdf_text (pdf, "-layout");
  GStrv pages;
  guint n;

  if (out == NULL)
    return NULL;
  pages = g_strsplit (out, "\f", -1);
  n = g_strv_length (pages);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (pages[n - 1], ==, "");
  g_free (pages[n - 1]);
  pages[n - 1] = NULL;
  return pages;
}

/* WS_TEST_PDF_DIR=folder keeps a copy of the exported PDF there, to look
 * at the pages (pdftoppm -png) the way a reader would. */
static void
keep_copy (WsDocument *doc,
           const char *name)
{
  const char *dir = g_getenv ("WS_TEST_PDF_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  ws_page_renderer_export_pdf (doc, path, &error);
  g_assert_no_error (error);
}

/* Exports @doc as @name in @dir, keeping a copy as well (see keep_copy()),
 * and returns the PDF's path. */
static char *
export_pdf (WsDocument *doc,
            const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  char *pdf = g_build_filename (dir, name, NULL);

  g_assert_true (ws_page_renderer_export_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  keep_copy (doc, name);
  return pdf;
}

static guint
paginate_a4 (WsDocument *doc)
{
  g_autoptr(WsPageRenderer) renderer = ws_page_renderer_new (doc, WS_PAGE_A4_WIDTH,
                                                             WS_PAGE_A4_HEIGHT);

  return ws_page_renderer_paginate (renderer);
}

static void
test_document_model (void)
{
  g_autoptr(WsDocument) doc = ws_document_new ("Title");
  g_autoptr(GDate) from = date (2024, 1, 1);
  const char *headers[] = { "A", "B", "C" };
  const double widths[] = { 1, 1, 2 };
  const char *short_row[] = { "only", NULL };
  g_autofree char *text = NULL;
  g_autofree char *period = NULL;

  g_assert_cmpstr (ws_document_get_marking (doc), ==, MARKING);
  g_assert_nonnull (ws_document_get_printed_on (doc));
  g_assert_null (ws_document_format_period (doc));
  g_assert_null (ws_document_format_prepared_by (doc));

  ws_document_set_period (doc, from, NULL);
  period = ws_document_format_period (doc);
  g_assert_cmpstr (period, ==, "Period covered: from 1 January 2024");

  ws_document_add_field (doc, "One", "1");
  ws_document_add_field (doc, "Two", NULL);
  ws_document_add_paragraph (doc, "bad \xff utf-8\x01 here");
  ws_document_add_field (doc, "Three", "3");
  ws_document_begin_table (doc, 3, headers, widths);
  ws_document_add_row (doc, short_row);
  ws_document_add_note (doc, "None recorded");

  g_assert_cmpuint (ws_document_get_n_blocks (doc), ==, 5);
  g_assert_cmpint (ws_document_get_block_kind (doc, 0), ==, WS_DOCUMENT_BLOCK_FIELDS);
  g_assert_cmpuint (ws_document_get_n_fields (doc, 0), ==, 2);
  g_assert_cmpuint (ws_document_get_n_fields (doc, 2), ==, 1);
  g_assert_true (g_utf8_validate (ws_document_get_block_text (doc, 1), -1, NULL));
  g_assert_null (strchr (ws_document_get_block_text (doc, 1), '\x01'));
  g_assert_cmpfloat_with_epsilon (ws_document_get_column_width (doc, 3, 2), 0.5, 1e-9);
  g_assert_cmpuint (ws_document_get_n_rows (doc, 3), ==, 1);
  g_assert_cmpstr (ws_document_get_table_row (doc, 3, 0)[0], ==, "only");
  g_assert_cmpstr (ws_document_get_table_row (doc, 3, 0)[2], ==, "");
  g_assert_null (ws_document_get_table_row (doc, 3, 0)[3]);

  text = ws_document_to_text (doc);
  g_assert_nonnull (strstr (text, MARKING "\n"));
  g_assert_nonnull (strstr (text, "\nOne: 1\nTwo: \n"));
  g_assert_nonnull (strstr (text, "\nA | B | C\nonly |  | \n"));
  g_assert_nonnull (strstr (text, "\n(None recorded)\n"));
}

static void
test_document_contract (void)
{
  g_autoptr(WsDocument) doc = ws_document_new ("Title");

  if (g_test_undefined ())
    {
      const char *cells[] = { "x", NULL };

      g_test_expect_message ("ws-document", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
      ws_document_add_row (doc, cells);
      g_test_assert_expected_messages ();

      ws_document_add_paragraph (doc, "text");
      g_test_expect_message ("ws-document", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
      g_assert_cmpuint (ws_document_get_n_rows (doc, 0), ==, 0);
      g_test_assert_expected_messages ();
    }
}

static void
test_pdf_export (void)
{
  g_autoptr(WsDocument) doc = build_document ();
  g_autofree char *dir = ws_test_make_tmp_dir ("ws-renderer-XXXXXX");
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  g_autofree char *raw = NULL;
  guint n_pages = paginate_a4 (doc);
  guint table_pages = 0;

  pdf = export_pdf (doc, dir, "summary.pdf");
  g_assert_cmpuint (ws_test_file_mode (pdf), ==, 0600);
  /* Only the PDF: the temporary file was renamed, not copied. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  pages = pdf_pages (pdf);
  if (pages == NULL)
    {
      ws_test_remove_tree (dir);
      return;
    }
  all = g_strjoinv ("\n", pages);
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *label = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      const char *first_row = strstr (pages[i], "R-");
      const char *header = strstr (pages[i], "Planned session");

      g_assert_cmpuint (count (pages[i], MARKING), ==, 2);
      g_assert_cmpuint (count (pages[i], label), ==, 1);
      g_assert_nonnull (strstr (pages[i], "Printed: 5 March 2024"));
      g_assert_nonnull (strstr (pages[i], "Period covered: 1 January 2024 – 31 March 2024"));
      /* Every page the table spans opens its part of the table with the header. */
      if (first_row != NULL)
        {
          table_pages++;
          g_assert_nonnull (header);
          g_assert_true (header < first_row);
          g_assert_cmpuint (count (pages[i], "Planned session"), ==, 1);
        }
    }
  g_assert_cmpuint (table_pages, >=, 3);

  /* The title block is on the first page only. */
  g_assert_nonnull (strstr (pages[0], "Support summary — Witness A"));
  g_assert_nonnull (strstr (pages[0], "Prepared by: Witness-support officer"));
  g_assert_cmpuint (count (all, "Prepared by:"), ==, 1);

  for (guint i = 1; i <= N_ROWS; i++)
    {
      g_autofree char *slot = g_strdup_printf ("R-%03u ", i);

      g_assert_cmpuint (count (all, slot), ==, 1);
    }

  /* -layout files a Thai mark above the line under the line below it;
   * the raw text order shows the Thai string came out whole. */
  raw = ws_test_pdf_text (pdf, "-raw");
  g_assert_nonnull (strstr (raw, THAI));
  g_assert_nonnull (strstr (all, CYRILLIC));
  g_assert_nonnull (strstr (all, VIETNAMESE));
  /* pdftotext may give Arabic in visual order; each word must be whole. */
  g_assert_nonnull (strstr (all, "شاهد"));
  g_assert_nonnull (strstr (all, "محمي"));
  g_assert_nonnull (strstr (all, "None recorded"));

  ws_test_remove_tree (dir);
}

/* Each section heading must share its page with the start of its text:
 * with sixty sections some heading falls near a page's foot. */
static void
test_keep_heading_with_next (void)
{
  g_autoptr(WsDocument) doc = ws_document_new ("Headings");
  g_autofree char *dir = ws_test_make_tmp_dir ("ws-renderer-XXXXXX");
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Section %02u", i);
      g_autofree char *body = g_strdup_printf ("Body%02u begins here and goes on for a while so "
                                               "that the paragraph takes %u lines of text on the "
                                               "page. %s",
                                               i, i % 4 + 1, i % 4 ? "More words to fill the "
                                               "line and wrap it again, and again, and again to "
                                               "the end of the paragraph, one more time." : "");

      ws_document_add_heading (doc, i % 3 ? 2 : 1, heading);
      ws_document_add_paragraph (doc, body);
    }
  pdf = export_pdf (doc, dir, "headings.pdf");

  pages = pdf_pages (pdf);
  for (guint p = 0; pages != NULL && pages[p] != NULL; p++)
    for (guint i = 0; i < 60; i++)
      {
        g_autofree char *heading = g_strdup_printf ("Section %02u", i);
        g_autofree char *body = g_strdup_printf ("Body%02u", i);

        if (strstr (pages[p], heading) != NULL)
          g_assert_nonnull (strstr (pages[p], body));
      }
  ws_test_remove_tree (dir);
}

/* A table cell and a field value longer than a page are the one case
 * where a row is cut: between lines, with nothing lost or repeated. */
static void
test_oversized_row (void)
{
  g_autoptr(WsDocument) doc = ws_document_new ("Long notes");
  g_autofree char *dir = ws_test_make_tmp_dir ("ws-renderer-XXXXXX");
  g_autofree char *pdf = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autoptr(GString) value = g_string_new (NULL);
  const char *headers[] = { "Kind", "Text", NULL };
  const double widths[] = { 1, 4 };
  g_autofree char *text = NULL;
  guint n_pages;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (cell, "Cell line %03u\n", i);
  for (guint i = 0; i < 120; i++)
    g_string_append_printf (value, "Value line %03u\n", i);
  ws_document_begin_table (doc, 2, headers, widths);
  {
    const char *row[] = { "Before", "Short row", NULL };
    const char *long_row[] = { "Notes", cell->str, NULL };
    const char *after[] = { "After", "Short row after", NULL };

    ws_document_add_row (doc, row);
    ws_document_add_row (doc, long_row);
    ws_document_add_row (doc, after);
  }
  ws_document_add_field (doc, "Notes", value->str);

  n_pages = paginate_a4 (doc);
  pdf = export_pdf (doc, dir, "long.pdf");

  text = ws_test_pdf_text (pdf, "-layout");
  if (text != NULL)
    {
      g_assert_cmpuint (n_pages, >=, 5);
      g_assert_cmpuint (count (text, "\f"), ==, n_pages);
      for (guint i = 0; i < 150; i++)
        {
          g_autofree char *line = g_strdup_printf ("Cell line %03u", i);

          g_assert_cmpuint (count (text, line), ==, 1);
        }
      for (guint i = 0; i < 120; i++)
        {
          g_autofree char *line = g_strdup_printf ("Value line %03u", i);

          g_assert_cmpuint (count (text, line), ==, 1);
        }
      g_assert_cmpuint (count (text, "Short row after"), ==, 1);
    }
  ws_test_remove_tree (dir);
}

static void
test_export_errors (void)
{
  g_autoptr(WsDocument) doc = build_document ();
  g_autofree char *dir = ws_test_make_tmp_dir ("ws-renderer-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "summary.pdf", NULL);
  g_autofree char *taken = g_build_filename (dir, "a-folder", NULL);
  g_autofree char *prefix = g_strdup_printf ("Cannot write %s: ", missing);
  g_autoptr(GError) error = NULL;

  g_assert_false (ws_page_renderer_export_pdf (doc, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Fails at the final rename, after the whole PDF was written: the
   * temporary file must go too. */
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
  g_assert_false (ws_page_renderer_export_pdf (doc, taken, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Cannot write "));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));

  ws_test_remove_tree (dir);
}

/* The preview path: a scaled page drawn onto an image surface paints
 * the white sheet and some ink, and the renderer's page size sticks. */
static void
test_draw_scaled (void)
{
  g_autoptr(WsDocument) doc = build_document ();
  g_autoptr(WsPageRenderer) renderer = ws_page_renderer_new (doc, WS_PAGE_A4_WIDTH,
                                                             WS_PAGE_A4_HEIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cairo_t *cr = cairo_create (surface);
  guint dark = 0;
  guint n_pages = ws_page_renderer_paginate (renderer);
  guchar *data;
  int stride;

  g_assert_cmpuint (ws_page_renderer_get_n_pages (renderer), ==, n_pages);
  ws_page_renderer_draw_page_scaled (renderer, cr, n_pages - 1, 0.5);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  g_assert_cmphex (*(guint32 *) data & 0xffffff, ==, 0xffffff);
  for (int y = 0; y < 421; y++)
    for (int x = 0; x < 298; x++)
      if ((((guint32 *) (data + y * stride))[x] & 0xff) < 0x80)
        dark++;
  g_assert_cmpuint (dark, >, 200);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The print operation takes the document and names the job after it;
 * making one needs no display. */
static void
test_print_operation (void)
{
  g_autoptr(WsDocument) doc = build_document ();
  WsPrintOperation *operation = ws_print_operation_new (doc);
  g_autofree char *job_name = NULL;

  g_assert_true (ws_print_operation_get_document (operation) == doc);
  g_object_get (operation, "job-name", &job_name, NULL);
  g_assert_cmpstr (job_name, ==, "Support summary — Witness A");
  g_assert_finalize_object (operation);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ws/document/model", test_document_model);
  g_test_add_func ("/ws/document/contract", test_document_contract);
  g_test_add_func ("/ws/renderer/pdf-export", test_pdf_export);
  g_test_add_func ("/ws/renderer/keep-heading-with-next", test_keep_heading_with_next);
  g_test_add_func ("/ws/renderer/oversized-row", test_oversized_row);
  g_test_add_func ("/ws/renderer/export-errors", test_export_errors);
  g_test_add_func ("/ws/renderer/draw-scaled", test_draw_scaled);
  g_test_add_func ("/ws/renderer/print-operation", test_print_operation);

  return g_test_run ();
}
