/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-page-renderer"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "ws-page-renderer.h"

/* Lays a WsDocument out on pages and draws any page onto any cairo_t, so
 * the print dialog, its preview, the window's preview and headless PDF
 * export all show exactly the same pages.
 *
 * The layout is a flat list of units, each placed whole: a line of a
 * paragraph, a heading, a row of a table or of a field list. Units that
 * must not end a page (headings, table headers, a paragraph's first and
 * next-to-last lines) are chained to the next one with keep_with_next. */

typedef enum {
  STYLE_BODY,
  STYLE_NOTE,
  STYLE_LABEL,
  STYLE_TABLE,
  STYLE_TABLE_HEADER,
  STYLE_H1,
  STYLE_H2,
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_INFO,
  STYLE_MARKING,
  STYLE_FOOTER,
  N_STYLES
} Style;

/* Noto Sans reads well in print and covers Latin, Cyrillic and
 * Vietnamese; Noto Sans Arabic is named because fontconfig would pick
 * DejaVu Sans for Arabic, whose joined letters pdftotext cannot read back.
 * Thai and other scripts fall back through fontconfig (fonts-noto-core). */
#define FONTS "Noto Sans, Noto Sans Arabic, Sans "

static const struct
{
  const char *font;
  double      grey;
  gboolean    red;
} styles[N_STYLES] = {
  [STYLE_BODY]         = { FONTS "10",        0.10, FALSE },
  [STYLE_NOTE]         = { FONTS "Italic 10", 0.35, FALSE },
  [STYLE_LABEL]        = { FONTS "10",        0.35, FALSE },
  [STYLE_TABLE]        = { FONTS "9",         0.10, FALSE },
  [STYLE_TABLE_HEADER] = { FONTS "Bold 9",    0.10, FALSE },
  [STYLE_H1]           = { FONTS "Bold 14",   0.10, FALSE },
  [STYLE_H2]           = { FONTS "Bold 11.5", 0.10, FALSE },
  [STYLE_TITLE]        = { FONTS "Bold 20",   0.10, FALSE },
  [STYLE_SUBTITLE]     = { FONTS "12",        0.30, FALSE },
  [STYLE_INFO]         = { FONTS "9.5",       0.35, FALSE },
  [STYLE_MARKING]      = { FONTS "Bold 8",    0.00, TRUE },
  [STYLE_FOOTER]       = { FONTS "8",         0.35, FALSE },
};

/* 2 cm on every side. */
#define DEFAULT_MARGIN   56.69
#define HEADER_GAP       12.0
#define CELL_PAD_X       4.0
#define CELL_PAD_Y       3.0
#define FIELD_PAD_Y      2.0
#define FIELD_LABEL_SHARE 0.32
#define FIELD_GAP        10.0
#define SLICE_HEIGHT     60.0

typedef enum {
  UNIT_TEXT,
  UNIT_ROW,
} UnitKind;

typedef enum {
  ROW_FIELD,
  ROW_HEADER,
  ROW_BODY,
} RowKind;

typedef struct
{
  PangoLayout *layout;
  Style        style;
  double       x;
  double       y;
} Cell;

typedef struct
{
  UnitKind     kind;
  double       space_before;
  double       height;
  gboolean     keep_with_next;

  /* UNIT_TEXT: lines [first_line, first_line + n_lines) of layout */
  PangoLayout *layout;
  Style        style;
  int          first_line;
  int          n_lines;
  double       top;
  gboolean     rule_below;

  /* UNIT_ROW; a row taller than a page is cut into slices, each
   * drawing the lines whose top lies in [slice_from, slice_to) */
  RowKind      row_kind;
  GArray      *cells;
  int          header;
  double       pad_y;
  gboolean     sliced;
  gboolean     slice_first;
  gboolean     slice_last;
  double       slice_from;
  double       slice_to;
} Unit;

typedef struct
{
  double top;
  double bottom;
} Span;

typedef struct
{
  guint  unit;
  double y;
} Placement;

struct _WsPageRenderer
{
  GObject               parent_instance;

  /* owned */
  WsDocument           *document;
  PangoContext         *context;
  PangoFontDescription *fonts[N_STYLES];
  PangoAttrList        *attributes;
  GArray               *units;
  GPtrArray            *pages;
  PangoLayout          *marking;
  PangoLayout          *footer_info;
  GPtrArray            *page_labels;

  double                page_width;
  double                page_height;
  double                margin;
  double                body_width;
  double                body_top;
  double                body_height;
  double                marking_height;
  double                footer_height;
  double                pending_space;
};

G_DEFINE_FINAL_TYPE (WsPageRenderer, ws_page_renderer, G_TYPE_OBJECT)

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_clear_object (&cell->layout);
}

static void
unit_clear (gpointer data)
{
  Unit *unit = data;

  g_clear_object (&unit->layout);
  g_clear_pointer (&unit->cells, g_array_unref);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.y + logical.height);
}

static void
set_source_style (cairo_t *cr,
                  Style    style)
{
  if (styles[style].red)
    cairo_set_source_rgb (cr, 0.62, 0.05, 0.05);
  else
    cairo_set_source_rgb (cr, styles[style].grey, styles[style].grey, styles[style].grey);
}

/* The document's own PangoContext, whatever it is drawn on: 72 dpi so one
 * unit is one point, and unhinted metrics with unrounded glyph positions
 * so line breaks, and therefore pages, are the same on paper, in PDF and
 * scaled in a preview. */
static PangoContext *
create_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

/* Text is always set as plain text, never as markup: it is typed by
 * people and may hold '<' or '&'. Auto-dir (Pango's default) makes a
 * right-to-left paragraph align right under PANGO_ALIGN_LEFT. */
static PangoLayout *
make_layout (WsPageRenderer *self,
             const char     *text,
             Style           style,
             double          width,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 4.0)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_attributes (layout, self->attributes);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static Unit *
add_unit (WsPageRenderer *self,
          UnitKind        kind,
          double          space_before)
{
  Unit unit = { 0, };

  unit.kind = kind;
  unit.header = -1;
  /* The first unit of a block takes the larger of its own space and the
   * space the previous block asked for after itself. */
  unit.space_before = MAX (space_before, self->pending_space);
  self->pending_space = 0;
  g_array_append_val (self->units, unit);
  return &g_array_index (self->units, Unit, self->units->len - 1);
}

static Unit *
unit_at (WsPageRenderer *self,
         guint           index)
{
  return &g_array_index (self->units, Unit, index);
}

/* A heading or a title line: one unit, never split. */
static void
add_text_whole (WsPageRenderer *self,
                const char     *text,
                Style           style,
                double          space_before,
                double          space_after,
                gboolean        rule_below)
{
  PangoLayout *layout = make_layout (self, text, style, self->body_width, PANGO_ALIGN_LEFT);
  Unit *unit = add_unit (self, UNIT_TEXT, space_before);

  unit->layout = layout;
  unit->style = style;
  unit->first_line = 0;
  unit->n_lines = pango_layout_get_line_count (layout);
  unit->height = layout_height (layout) + (rule_below ? 5.0 : 0.0);
  unit->rule_below = rule_below;
  unit->keep_with_next = TRUE;
  self->pending_space = space_after;
}

/* A paragraph: one unit per line so it can break across pages, with its
 * first two and last two lines kept together (no orphans or widows). */
static void
add_text_lines (WsPageRenderer *self,
                const char     *text,
                Style           style,
                double          space_before,
                gboolean        introduces_next)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, style, self->body_width, PANGO_ALIGN_LEFT);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n_lines = pango_layout_get_line_count (layout);
  int line = 0;

  do
    {
      PangoRectangle logical;
      Unit *unit = add_unit (self, UNIT_TEXT, line == 0 ? space_before : 0);

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      unit->layout = g_object_ref (layout);
      unit->style = style;
      unit->first_line = line;
      unit->n_lines = 1;
      unit->top = pango_units_to_double (logical.y);
      unit->height = pango_units_to_double (logical.height);
      /* No widow or orphan lines; and a paragraph that introduces a table
       * or fields keeps its last line with what it introduces. */
      unit->keep_with_next = (n_lines > 1 && (line == 0 || line == n_lines - 2)) ||
                             (introduces_next && line == n_lines - 1);
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
add_cell (WsPageRenderer *self,
          Unit           *unit,
          const char     *text,
          Style           style,
          double          x,
          double          width,
          double          pad_x,
          double          pad_y)
{
  Cell cell = { 0, };
  double height;

  cell.layout = make_layout (self, text, style, width - 2 * pad_x, PANGO_ALIGN_LEFT);
  cell.style = style;
  cell.x = x + pad_x;
  cell.y = pad_y;
  height = layout_height (cell.layout) + 2 * pad_y;
  unit->height = MAX (unit->height, height);
  g_array_append_val (unit->cells, cell);
}

static Unit *
add_row (WsPageRenderer *self,
         RowKind         kind,
         double          space_before)
{
  Unit *unit = add_unit (self, UNIT_ROW, space_before);

  unit->row_kind = kind;
  unit->pad_y = kind == ROW_FIELD ? FIELD_PAD_Y : CELL_PAD_Y;
  unit->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (unit->cells, cell_clear);
  return unit;
}

/* The top and bottom of every line of every cell, in row coordinates. */
static GArray *
row_spans (Unit *row)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = 0; i < row->cells->len; i++)
    {
      Cell *cell = &g_array_index (row->cells, Cell, i);
      PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);

      do
        {
          PangoRectangle logical;
          Span span;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          span.top = cell->y + pango_units_to_double (logical.y);
          span.bottom = span.top + pango_units_to_double (logical.height);
          g_array_append_val (spans, span);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  return spans;
}

/* Finds the next slice from @from: it ends before the first line that
 * would cross @window_end, and is as tall as the lowest line it holds.
 * Returns FALSE when no line is left. */
static gboolean
find_slice (GArray *spans,
            double  from,
            double  window_end,
            double *to,
            double *bottom)
{
  gboolean any = FALSE;

  *to = window_end;
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      any |= span->top >= from;
      if (span->top >= from && span->top < window_end && span->bottom > window_end)
        *to = MIN (*to, span->top);
    }
  /* A single line taller than a page: cut it rather than loop. */
  if (*to <= from)
    *to = window_end;
  *bottom = from;
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      if (span->top >= from && span->top < *to)
        *bottom = MAX (*bottom, span->bottom);
    }
  return any;
}

/* Rows are never split across pages, except one taller than a whole
 * page: cutting it between lines loses nothing, where clipping it at the
 * page's foot would silently drop what was written. It is cut into short
 * slices that flow on from wherever the page has room, and that stack
 * without gaps: the row's padding goes above the first slice and below
 * the last, and only the last draws the rule under the row. */
static void
split_last_row (WsPageRenderer *self,
                double          limit)
{
  guint index = self->units->len - 1;
  Unit *row = unit_at (self, index);
  double pad = row->pad_y;
  double from = pad;
  double to;
  double bottom;
  g_autoptr(GArray) spans = NULL;

  if (row->height <= limit || limit <= SLICE_HEIGHT + 2 * pad)
    return;
  spans = row_spans (row);
  while (find_slice (spans, from, from + SLICE_HEIGHT, &to, &bottom))
    {
      Unit *slice;

      if (from == pad)
        slice = unit_at (self, index);
      else
        {
          /* Adding a unit may move the array: look the row up again. */
          slice = add_unit (self, UNIT_ROW, 0);
          row = unit_at (self, index);
          slice->row_kind = row->row_kind;
          slice->header = row->header;
          slice->pad_y = pad;
          slice->cells = g_array_ref (row->cells);
        }
      slice->sliced = TRUE;
      slice->slice_first = from == pad;
      slice->slice_from = from;
      slice->slice_to = to;
      slice->height = MAX (to, bottom) - from + (slice->slice_first ? pad : 0);
      from = to;
    }
  row = unit_at (self, self->units->len - 1);
  row->slice_last = TRUE;
  row->height += pad;
}

static void
add_fields (WsPageRenderer *self,
            guint           block)
{
  WsDocument *doc = self->document;
  guint n = ws_document_get_n_fields (doc, block);
  double label_width = self->body_width * FIELD_LABEL_SHARE;

  for (guint i = 0; i < n; i++)
    {
      const char *label;
      const char *value;
      Unit *unit = add_row (self, ROW_FIELD, i == 0 ? 6.0 : 0.0);

      ws_document_get_field (doc, block, i, &label, &value);
      add_cell (self, unit, label, STYLE_LABEL, 0, label_width - FIELD_GAP, 0, FIELD_PAD_Y);
      add_cell (self, unit, value, STYLE_BODY, label_width,
                self->body_width - label_width, 0, FIELD_PAD_Y);
      split_last_row (self, self->body_height);
    }
  self->pending_space = 6.0;
}

static void
add_table_row (WsPageRenderer     *self,
               guint               block,
               Unit               *unit,
               const char * const *cells,
               Style               style)
{
  guint n_columns = ws_document_get_n_columns (self->document, block);
  double x = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      double width = ws_document_get_column_width (self->document, block, i) * self->body_width;

      add_cell (self, unit, cells[i], style, x, width, CELL_PAD_X, CELL_PAD_Y);
      x += width;
    }
}

static void
add_table (WsPageRenderer *self,
           guint           block)
{
  guint n_rows = ws_document_get_n_rows (self->document, block);
  guint header = self->units->len;
  Unit *unit = add_row (self, ROW_HEADER, 8.0);

  add_table_row (self, block, unit, ws_document_get_table_headers (self->document, block),
                 STYLE_TABLE_HEADER);
  /* A header never ends a page without at least one row under it. */
  unit->keep_with_next = n_rows > 0;

  for (guint i = 0; i < n_rows; i++)
    {
      unit = add_row (self, ROW_BODY, 0);
      unit->header = header;
      add_table_row (self, block, unit, ws_document_get_table_row (self->document, block, i),
                     STYLE_TABLE);
      split_last_row (self, self->body_height - unit_at (self, header)->height);
    }
  self->pending_space = 8.0;
}

static gboolean
introduces_next (WsDocument *doc,
                 guint       block)
{
  WsDocumentBlockKind next;

  if (block + 1 >= ws_document_get_n_blocks (doc))
    return FALSE;
  next = ws_document_get_block_kind (doc, block + 1);
  return next == WS_DOCUMENT_BLOCK_TABLE || next == WS_DOCUMENT_BLOCK_FIELDS;
}

static void
add_block (WsPageRenderer *self,
           guint           block)
{
  WsDocument *doc = self->document;

  switch (ws_document_get_block_kind (doc, block))
    {
    case WS_DOCUMENT_BLOCK_HEADING:
      if (ws_document_get_heading_level (doc, block) == 1)
        add_text_whole (self, ws_document_get_block_text (doc, block), STYLE_H1, 18.0, 6.0, TRUE);
      else
        add_text_whole (self, ws_document_get_block_text (doc, block), STYLE_H2, 12.0, 4.0, FALSE);
      break;
    case WS_DOCUMENT_BLOCK_PARAGRAPH:
      add_text_lines (self, ws_document_get_block_text (doc, block), STYLE_BODY, 6.0, introduces_next (doc, block));
      break;
    case WS_DOCUMENT_BLOCK_NOTE:
      add_text_lines (self, ws_document_get_block_text (doc, block), STYLE_NOTE, 4.0, FALSE);
      break;
    case WS_DOCUMENT_BLOCK_FIELDS:
      add_fields (self, block);
      break;
    case WS_DOCUMENT_BLOCK_TABLE:
      add_table (self, block);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_title_block (WsPageRenderer *self)
{
  WsDocument *doc = self->document;
  const char *subtitle = ws_document_get_subtitle (doc);
  g_autofree char *prepared = ws_document_format_prepared_by (doc);
  g_autofree char *period = ws_document_format_period (doc);

  add_text_whole (self, ws_document_get_title (doc), STYLE_TITLE, 0, 4.0, FALSE);
  if (subtitle != NULL && *subtitle != '\0')
    add_text_whole (self, subtitle, STYLE_SUBTITLE, 0, 6.0, FALSE);
  if (prepared != NULL)
    add_text_whole (self, prepared, STYLE_INFO, 4.0, 0, FALSE);
  if (period != NULL)
    add_text_whole (self, period, STYLE_INFO, 0, 0, FALSE);
  /* The title block closes with a rule; the first section follows it. */
  g_array_index (self->units, Unit, self->units->len - 1).rule_below = TRUE;
  g_array_index (self->units, Unit, self->units->len - 1).height += 5.0;
  g_array_index (self->units, Unit, self->units->len - 1).keep_with_next = FALSE;
  self->pending_space = 10.0;
}

/* The marking sits at the top and again at the bottom of every page; the
 * footer line below it holds the date printed, the period and the page
 * number. The body is what is left between them. */
static void
layout_frame (WsPageRenderer *self)
{
  g_autofree char *printed = ws_document_format_printed_on (self->document);
  g_autofree char *period = ws_document_format_period (self->document);
  g_autofree char *info = NULL;
  g_autoptr(PangoLayout) sample = NULL;

  if (printed != NULL && period != NULL)
    info = g_strconcat (printed, "   ·   ", period, NULL);
  else
    info = g_strdup (printed != NULL ? printed : period != NULL ? period : "");

  self->marking = make_layout (self, ws_document_get_marking (self->document), STYLE_MARKING,
                               self->body_width, PANGO_ALIGN_CENTER);
  self->footer_info = make_layout (self, info, STYLE_FOOTER, self->body_width * 0.75,
                                   PANGO_ALIGN_LEFT);
  /* Translators: a sample of the page number, used only to measure it */
  sample = make_layout (self, _("Page 1 of 1"), STYLE_FOOTER, self->body_width * 0.25,
                        PANGO_ALIGN_RIGHT);

  self->marking_height = layout_height (self->marking);
  self->footer_height = MAX (layout_height (self->footer_info), layout_height (sample));
  self->body_top = self->margin + self->marking_height + HEADER_GAP;
  self->body_height = self->page_height - self->margin - self->footer_height - 3.0
                      - self->marking_height - HEADER_GAP - self->body_top;
}

static void
clear_layout (WsPageRenderer *self)
{
  g_array_set_size (self->units, 0);
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->page_labels, 0);
  g_clear_object (&self->marking);
  g_clear_object (&self->footer_info);
  self->pending_space = 0;
}

/* Height of @first and the units chained to it by keep_with_next,
 * without the space before @first. */
static double
chain_height (WsPageRenderer *self,
              guint           first)
{
  double height = unit_at (self, first)->height;
  guint i = first;

  while (unit_at (self, i)->keep_with_next && i + 1 < self->units->len)
    {
      i++;
      height += unit_at (self, i)->space_before + unit_at (self, i)->height;
    }
  return height;
}

static GArray *
new_page (WsPageRenderer *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (GArray *page,
       guint   unit,
       double  y)
{
  Placement placement = { unit, y };

  g_array_append_val (page, placement);
}

/* Whether @index should go to a fresh page rather than under what is
 * already on this one (at @y). A chain that could not fit even on an
 * empty page is given up on, so a huge chain breaks wherever it must. */
static gboolean
needs_new_page (WsPageRenderer *self,
                guint           index,
                double          y)
{
  Unit *unit = unit_at (self, index);
  double header = unit->header >= 0 ? unit_at (self, unit->header)->height : 0;
  double chain = chain_height (self, index);

  if (y + unit->space_before + chain <= self->body_height)
    return FALSE;
  if (header + chain <= self->body_height)
    return TRUE;
  return y + unit->space_before + unit->height > self->body_height;
}

static void
paginate_units (WsPageRenderer *self)
{
  GArray *page = new_page (self);
  double y = 0;

  for (guint i = 0; i < self->units->len;)
    {
      Unit *unit = unit_at (self, i);

      if (page->len > 0 && needs_new_page (self, i, y))
        {
          page = new_page (self);
          y = 0;
          continue;
        }
      if (page->len == 0 && unit->header >= 0)
        {
          /* A table carried over to a new page repeats its header. */
          place (page, unit->header, 0);
          y = unit_at (self, unit->header)->height;
        }
      else if (page->len > 0)
        y += unit->space_before;
      place (page, i, y);
      y += unit->height;
      i++;
    }
}

static void
make_page_labels (WsPageRenderer *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      /* Translators: the page number in the footer of a printed page */
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, self->pages->len);

      g_ptr_array_add (self->page_labels,
                       make_layout (self, label, STYLE_FOOTER, self->body_width * 0.25,
                                    PANGO_ALIGN_RIGHT));
    }
}

static void
draw_text_unit (cairo_t *cr,
                Unit    *unit,
                double   x,
                double   y,
                double   width)
{
  PangoLayoutIter *iter = pango_layout_get_iter (unit->layout);
  int line = 0;

  set_source_style (cr, unit->style);
  do
    {
      PangoRectangle logical;

      if (line < unit->first_line)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + pango_units_to_double (logical.x),
                     y - unit->top + pango_units_to_double (pango_layout_iter_get_baseline (iter)));
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (++line < unit->first_line + unit->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (unit->rule_below)
    {
      cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, x, y + unit->height - 2.0);
      cairo_rel_line_to (cr, width, 0);
      cairo_stroke (cr);
    }
}

static void
draw_cell_slice (cairo_t *cr,
                 Unit    *unit,
                 Cell    *cell,
                 double   x,
                 double   y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);
  double shift = (unit->slice_first ? unit->pad_y : 0) - unit->slice_from;

  do
    {
      PangoRectangle logical;
      double top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = cell->y + pango_units_to_double (logical.y);
      if (top < unit->slice_from || top >= unit->slice_to)
        continue;
      cairo_move_to (cr, x + cell->x + pango_units_to_double (logical.x),
                     y + shift + cell->y + pango_units_to_double (pango_layout_iter_get_baseline (iter)));
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_row_unit (cairo_t *cr,
               Unit    *unit,
               double   x,
               double   y,
               double   width)
{
  if (unit->row_kind == ROW_HEADER)
    {
      cairo_set_source_rgb (cr, 0.91, 0.91, 0.91);
      cairo_rectangle (cr, x, y, width, unit->height);
      cairo_fill (cr);
    }
  if (unit->row_kind != ROW_FIELD && (!unit->sliced || unit->slice_last))
    {
      gboolean header = unit->row_kind == ROW_HEADER;

      cairo_set_source_rgb (cr, header ? 0.45 : 0.80, header ? 0.45 : 0.80, header ? 0.45 : 0.80);
      cairo_set_line_width (cr, header ? 0.8 : 0.5);
      cairo_move_to (cr, x, y + unit->height);
      cairo_rel_line_to (cr, width, 0);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < unit->cells->len; i++)
    {
      Cell *cell = &g_array_index (unit->cells, Cell, i);

      set_source_style (cr, cell->style);
      if (unit->sliced)
        draw_cell_slice (cr, unit, cell, x, y);
      else
        {
          cairo_move_to (cr, x + cell->x, y + cell->y);
          pango_cairo_show_layout (cr, cell->layout);
        }
    }
}

static void
draw_frame (WsPageRenderer *self,
            cairo_t        *cr,
            guint           page)
{
  double x = self->margin;
  double bottom = self->page_height - self->margin;
  PangoLayout *label = g_ptr_array_index (self->page_labels, page);
  double footer_top = bottom - self->footer_height;
  double marking_top = footer_top - 3.0 - self->marking_height;

  set_source_style (cr, STYLE_MARKING);
  cairo_move_to (cr, x, self->margin);
  pango_cairo_show_layout (cr, self->marking);
  cairo_move_to (cr, x, marking_top);
  pango_cairo_show_layout (cr, self->marking);

  cairo_set_source_rgb (cr, 0.62, 0.05, 0.05);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x, self->margin + self->marking_height + HEADER_GAP / 2);
  cairo_rel_line_to (cr, self->body_width, 0);
  cairo_move_to (cr, x, marking_top - HEADER_GAP / 2);
  cairo_rel_line_to (cr, self->body_width, 0);
  cairo_stroke (cr);

  set_source_style (cr, STYLE_FOOTER);
  cairo_move_to (cr, x, footer_top);
  pango_cairo_show_layout (cr, self->footer_info);
  cairo_move_to (cr, x + self->body_width * 0.75, footer_top);
  pango_cairo_show_layout (cr, label);
}

static void
ws_page_renderer_finalize (GObject *object)
{
  WsPageRenderer *self = (WsPageRenderer *) object;

  clear_layout (self);
  g_array_unref (self->units);
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->page_labels);
  for (guint i = 0; i < N_STYLES; i++)
    pango_font_description_free (self->fonts[i]);
  pango_attr_list_unref (self->attributes);
  g_clear_object (&self->context);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ws_page_renderer_parent_class)->finalize (object);
}

static void
ws_page_renderer_class_init (WsPageRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ws_page_renderer_finalize;
}

static void
ws_page_renderer_init (WsPageRenderer *self)
{
  self->margin = DEFAULT_MARGIN;
  self->units = g_array_new (FALSE, TRUE, sizeof (Unit));
  g_array_set_clear_func (self->units, unit_clear);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->page_labels = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (styles[i].font);
  /* A word broken at the margin is printed as it was typed: a hyphen
   * added inside a reference or a number would change what it says. */
  self->attributes = pango_attr_list_new ();
  pango_attr_list_insert (self->attributes, pango_attr_insert_hyphens_new (FALSE));
}

/**
 * ws_page_renderer_new:
 * @document: the document to draw
 * @page_width: page width in points
 * @page_height: page height in points
 *
 * Returns: (transfer full): a renderer; call ws_page_renderer_paginate()
 *   before drawing. Use it from one thread: Pango's font map is per thread.
 */
WsPageRenderer *
ws_page_renderer_new (WsDocument *document,
                      double      page_width,
                      double      page_height)
{
  WsPageRenderer *self;

  g_return_val_if_fail (WS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);

  self = g_object_new (WS_TYPE_PAGE_RENDERER, NULL);
  self->document = g_object_ref (document);
  self->page_width = page_width;
  self->page_height = page_height;
  return self;
}

/**
 * ws_page_renderer_get_document:
 *
 * Returns: (transfer none): the document being drawn
 */
WsDocument *
ws_page_renderer_get_document (WsPageRenderer *self)
{
  g_return_val_if_fail (WS_IS_PAGE_RENDERER (self), NULL);

  return self->document;
}

/**
 * ws_page_renderer_get_page_size:
 * @width: (out) (optional): page width in points
 * @height: (out) (optional): page height in points
 */
void
ws_page_renderer_get_page_size (WsPageRenderer *self,
                                double         *width,
                                double         *height)
{
  g_return_if_fail (WS_IS_PAGE_RENDERER (self));

  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

double
ws_page_renderer_get_margin (WsPageRenderer *self)
{
  g_return_val_if_fail (WS_IS_PAGE_RENDERER (self), 0);

  return self->margin;
}

/**
 * ws_page_renderer_set_margin:
 * @margin: the margin on every side, in points (2 cm by default)
 *
 * Takes effect at the next ws_page_renderer_paginate().
 */
void
ws_page_renderer_set_margin (WsPageRenderer *self,
                             double          margin)
{
  g_return_if_fail (WS_IS_PAGE_RENDERER (self));
  g_return_if_fail (margin >= 0);
  g_return_if_fail (2 * margin < self->page_width && 2 * margin < self->page_height);

  self->margin = margin;
}

/**
 * ws_page_renderer_paginate:
 *
 * Lays the document out with Pango and splits it into pages. The
 * renderer uses its own PangoContext (72 dpi, unhinted metrics) rather
 * than the target's, so the pages are the same on every surface.
 *
 * Returns: the number of pages, at least one
 */
guint
ws_page_renderer_paginate (WsPageRenderer *self)
{
  guint n_blocks;

  g_return_val_if_fail (WS_IS_PAGE_RENDERER (self), 0);

  clear_layout (self);
  if (self->context == NULL)
    self->context = create_context ();
  self->body_width = self->page_width - 2 * self->margin;

  layout_frame (self);
  add_title_block (self);
  n_blocks = ws_document_get_n_blocks (self->document);
  for (guint i = 0; i < n_blocks; i++)
    add_block (self, i);
  paginate_units (self);
  make_page_labels (self);

  return self->pages->len;
}

/**
 * ws_page_renderer_get_n_pages:
 *
 * Returns: the number of pages found by the last pagination, or 0
 */
guint
ws_page_renderer_get_n_pages (WsPageRenderer *self)
{
  g_return_val_if_fail (WS_IS_PAGE_RENDERER (self), 0);

  return self->pages->len;
}

/**
 * ws_page_renderer_draw_page:
 * @cr: a cairo context whose user unit is one point, origin at the
 *   page's top left corner
 * @page: the page, counted from 0
 *
 * Draws one page: marking, title block on the first page, body, footer.
 * Does not paint a background.
 */
void
ws_page_renderer_draw_page (WsPageRenderer *self,
                            cairo_t        *cr,
                            guint           page)
{
  GArray *placements;

  g_return_if_fail (WS_IS_PAGE_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  draw_frame (self, cr, page);

  /* Only a unit taller than a whole page can overflow; cut it off at the
   * body rather than draw over the footer. */
  cairo_rectangle (cr, 0, self->body_top, self->page_width, self->body_height);
  cairo_clip (cr);

  placements = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placement = &g_array_index (placements, Placement, i);
      Unit *unit = unit_at (self, placement->unit);
      double y = self->body_top + placement->y;

      if (unit->kind == UNIT_TEXT)
        draw_text_unit (cr, unit, self->margin, y, self->body_width);
      else
        draw_row_unit (cr, unit, self->margin, y, self->body_width);
    }
  cairo_restore (cr);
}

/**
 * ws_page_renderer_draw_page_scaled:
 * @scale: device units per point, e.g. a widget's width over the page's
 *
 * Paints the page white and draws it at @scale, for an on-screen preview
 * of exactly the printed page.
 */
void
ws_page_renderer_draw_page_scaled (WsPageRenderer *self,
                                   cairo_t        *cr,
                                   guint           page,
                                   double          scale)
{
  g_return_if_fail (WS_IS_PAGE_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (scale > 0);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_fill (cr);
  ws_page_renderer_draw_page (self, cr, page);
  cairo_restore (cr);
}

typedef struct
{
  int fd;
  int errsv;
} PdfSink;

static cairo_status_t
write_pdf_cb (void                *data,
              const unsigned char *bytes,
              unsigned int         length)
{
  PdfSink *sink = data;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, bytes, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          sink->errsv = written < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      bytes += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          errsv)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               /* Translators: the first %s is a file path, the second the reason */
               _("Cannot write %s: %s"), path, g_strerror (errsv));
  return FALSE;
}

static cairo_status_t
render_pdf (WsPageRenderer *self,
            PdfSink        *sink)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_pdf_surface_create_for_stream (write_pdf_cb, sink,
                                                 self->page_width, self->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  ws_document_get_title (self->document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Witness Support");
  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      ws_page_renderer_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/**
 * ws_page_renderer_write_pdf:
 * @path: where to write the PDF
 *
 * Draws the paginated pages into a PDF at @path, mode 0600. The PDF is
 * written to a temporary file beside @path and renamed into place, so a
 * failed export never leaves half a file behind.
 *
 * Returns: %TRUE on success
 */
gboolean
ws_page_renderer_write_pdf (WsPageRenderer  *self,
                            const char      *path,
                            GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  PdfSink sink = { -1, 0 };
  cairo_status_t status;

  g_return_val_if_fail (WS_IS_PAGE_RENDERER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->pages->len > 0, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  sink.fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    return set_write_error (error, path, errno);

  status = render_pdf (self, &sink);
  if (status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0)
    sink.errsv = errno;
  if (close (sink.fd) != 0 && sink.errsv == 0)
    sink.errsv = errno;
  if (status == CAIRO_STATUS_SUCCESS && sink.errsv == 0 && g_rename (temp, path) != 0)
    sink.errsv = errno;

  if (status == CAIRO_STATUS_SUCCESS && sink.errsv == 0)
    return TRUE;

  g_unlink (temp);
  if (sink.errsv != 0)
    return set_write_error (error, path, sink.errsv);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Cannot write %s: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

/**
 * ws_page_renderer_export_pdf:
 * @document: the document to export
 * @path: where to write the PDF
 *
 * Paginates @document on A4 and writes it as a PDF (see
 * ws_page_renderer_write_pdf()). Needs no display.
 *
 * Returns: %TRUE on success
 */
gboolean
ws_page_renderer_export_pdf (WsDocument  *document,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(WsPageRenderer) self = NULL;

  g_return_val_if_fail (WS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = ws_page_renderer_new (document, WS_PAGE_A4_WIDTH, WS_PAGE_A4_HEIGHT);
  ws_page_renderer_paginate (self);
  return ws_page_renderer_write_pdf (self, path, error);
}
