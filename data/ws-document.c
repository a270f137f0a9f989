/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ws-document.h"
#include "ws-time.h"

/* A plain document: a title block and an ordered list of blocks holding
 * nothing but strings. Anonymised output is built into one of these in
 * data/ (already scrubbed) and the page renderer in app/ draws it, so the
 * renderer never sees a database object, let alone an identity. */

typedef struct
{
  WsDocumentBlockKind  kind;
  guint                level;
  char                *text;
  GPtrArray           *labels;
  GPtrArray           *values;
  guint                n_columns;
  GStrv                headers;
  double              *widths;
  GPtrArray           *rows;
} Block;

struct _WsDocument
{
  GObject    parent_instance;

  char      *title;
  char      *subtitle;
  char      *marking;
  char      *prepared_by;
  GDate      printed_on;
  GDate      period_from;
  GDate      period_to;
  GPtrArray *blocks;
};

G_DEFINE_FINAL_TYPE (WsDocument, ws_document, G_TYPE_OBJECT)

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_clear_pointer (&block->labels, g_ptr_array_unref);
  g_clear_pointer (&block->values, g_ptr_array_unref);
  g_strfreev (block->headers);
  g_free (block->widths);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

/* Pango refuses invalid UTF-8 and draws control characters as boxes;
 * strings come from free text typed by people, so make them safe once,
 * here, rather than in every consumer. Newlines and tabs are kept. */
static char *
clean_text (const char *text)
{
  char *clean;

  if (text == NULL)
    return g_strdup ("");
  clean = g_utf8_make_valid (text, -1);
  for (char *p = clean; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      *p = ' ';
  return clean;
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = text != NULL ? clean_text (text) : NULL;
}

static void
set_date (GDate       *field,
          const GDate *date)
{
  if (date != NULL && g_date_valid (date))
    *field = *date;
  else
    g_date_clear (field, 1);
}

static const GDate *
valid_or_null (const GDate *date)
{
  return g_date_valid (date) ? date : NULL;
}

/* Reads up to @n strings, stopping early at a NULL terminator, so both a
 * NULL-terminated array and an exact array of @n work; missing cells are
 * empty rather than a read past the end. */
static GStrv
copy_cells (const char * const *cells,
            guint               n)
{
  GStrv copy = g_new0 (char *, n + 1);
  gboolean ended = cells == NULL;

  for (guint i = 0; i < n; i++)
    {
      if (!ended && cells[i] == NULL)
        ended = TRUE;
      copy[i] = clean_text (ended ? NULL : cells[i]);
    }
  return copy;
}

static Block *
block_new (WsDocument          *self,
           WsDocumentBlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static Block *
last_block (WsDocument *self)
{
  if (self->blocks->len == 0)
    return NULL;
  return g_ptr_array_index (self->blocks, self->blocks->len - 1);
}

/* Returns NULL when @index is out of range or of another kind, so the
 * public getters can refuse the call with g_return_val_if_fail(). */
static Block *
get_block (WsDocument          *self,
           guint                index,
           WsDocumentBlockKind  kind)
{
  Block *block;

  g_assert (WS_IS_DOCUMENT (self));
  if (index >= self->blocks->len)
    return NULL;
  block = g_ptr_array_index (self->blocks, index);
  return block->kind == kind ? block : NULL;
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 0, 0, 0);
  /* Translators: how dates are written on printed summaries, a
   * g_date_time_format() string; keep it unambiguous (month as a word). */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

static void
ws_document_finalize (GObject *object)
{
  WsDocument *self = (WsDocument *) object;

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->marking);
  g_free (self->prepared_by);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (ws_document_parent_class)->finalize (object);
}

static void
ws_document_class_init (WsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ws_document_finalize;
}

static void
ws_document_init (WsDocument *self)
{
  g_autoptr(GDate) today = ws_time_today ();

  self->blocks = g_ptr_array_new_with_free_func (block_free);
  /* Every page of anything printed carries a marking, even when the
   * caller forgets to choose one. */
  self->marking = g_strdup (_("CONFIDENTIAL — anonymised, not for onward disclosure"));
  self->printed_on = *today;
  g_date_clear (&self->period_from, 1);
  g_date_clear (&self->period_to, 1);
}

/**
 * ws_document_new:
 * @title: the document's title
 *
 * Returns: (transfer full): an empty document printed today, with the
 *   default confidentiality marking
 */
WsDocument *
ws_document_new (const char *title)
{
  WsDocument *self = g_object_new (WS_TYPE_DOCUMENT, NULL);

  self->title = clean_text (title);
  return self;
}

const char *
ws_document_get_title (WsDocument *self)
{
  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * ws_document_get_subtitle:
 *
 * Returns: (nullable): the subtitle, or %NULL when there is none
 */
const char *
ws_document_get_subtitle (WsDocument *self)
{
  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);

  return self->subtitle;
}

void
ws_document_set_subtitle (WsDocument *self,
                          const char *subtitle)
{
  g_return_if_fail (WS_IS_DOCUMENT (self));

  set_text (&self->subtitle, subtitle);
}

const char *
ws_document_get_marking (WsDocument *self)
{
  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);

  return self->marking;
}

/**
 * ws_document_set_marking:
 * @marking: the confidentiality marking printed at the top and bottom of
 *   every page; an empty string or %NULL is refused
 */
void
ws_document_set_marking (WsDocument *self,
                         const char *marking)
{
  g_return_if_fail (WS_IS_DOCUMENT (self));
  g_return_if_fail (marking != NULL && *marking != '\0');

  set_text (&self->marking, marking);
}

/**
 * ws_document_get_prepared_by:
 *
 * Returns: (nullable): the role label of whoever prepared the document
 */
const char *
ws_document_get_prepared_by (WsDocument *self)
{
  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);

  return self->prepared_by;
}

void
ws_document_set_prepared_by (WsDocument *self,
                             const char *role)
{
  g_return_if_fail (WS_IS_DOCUMENT (self));

  set_text (&self->prepared_by, role);
}

/**
 * ws_document_get_printed_on:
 *
 * Returns: (nullable): the date printed; %NULL only if it was cleared
 */
const GDate *
ws_document_get_printed_on (WsDocument *self)
{
  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);

  return valid_or_null (&self->printed_on);
}

void
ws_document_set_printed_on (WsDocument  *self,
                            const GDate *date)
{
  g_return_if_fail (WS_IS_DOCUMENT (self));

  set_date (&self->printed_on, date);
}

const GDate *
ws_document_get_period_from (WsDocument *self)
{
  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);

  return valid_or_null (&self->period_from);
}

const GDate *
ws_document_get_period_to (WsDocument *self)
{
  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);

  return valid_or_null (&self->period_to);
}

/**
 * ws_document_set_period:
 * @from: (nullable): first day covered, or %NULL for an open start
 * @to: (nullable): last day covered, or %NULL for an open end
 */
void
ws_document_set_period (WsDocument  *self,
                        const GDate *from,
                        const GDate *to)
{
  g_return_if_fail (WS_IS_DOCUMENT (self));

  set_date (&self->period_from, from);
  set_date (&self->period_to, to);
}

/**
 * ws_document_format_printed_on:
 *
 * Returns: (transfer full) (nullable): "Printed: 5 March 2024", or %NULL
 */
char *
ws_document_format_printed_on (WsDocument *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);

  if (!g_date_valid (&self->printed_on))
    return NULL;
  date = format_date (&self->printed_on);
  /* Translators: %s is a date */
  return g_strdup_printf (_("Printed: %s"), date);
}

/**
 * ws_document_format_period:
 *
 * Returns: (transfer full) (nullable): "Period covered: … – …", or %NULL
 *   when no period was set
 */
char *
ws_document_format_period (WsDocument *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);

  if (g_date_valid (&self->period_from))
    from = format_date (&self->period_from);
  if (g_date_valid (&self->period_to))
    to = format_date (&self->period_to);

  if (from != NULL && to != NULL)
    /* Translators: the first %s is the first day, the second the last day */
    return g_strdup_printf (_("Period covered: %s – %s"), from, to);
  if (from != NULL)
    /* Translators: %s is the first day of an open-ended period */
    return g_strdup_printf (_("Period covered: from %s"), from);
  if (to != NULL)
    /* Translators: %s is the last day of a period with no start */
    return g_strdup_printf (_("Period covered: up to %s"), to);
  return NULL;
}

/**
 * ws_document_format_prepared_by:
 *
 * Returns: (transfer full) (nullable): "Prepared by: …", or %NULL
 */
char *
ws_document_format_prepared_by (WsDocument *self)
{
  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);

  if (self->prepared_by == NULL || *self->prepared_by == '\0')
    return NULL;
  /* Translators: %s is a role, such as "Witness-support officer" */
  return g_strdup_printf (_("Prepared by: %s"), self->prepared_by);
}

/**
 * ws_document_add_heading:
 * @level: 1 for a section, 2 for a subsection
 */
void
ws_document_add_heading (WsDocument *self,
                         guint       level,
                         const char *text)
{
  Block *block;

  g_return_if_fail (WS_IS_DOCUMENT (self));
  g_return_if_fail (level == 1 || level == 2);

  block = block_new (self, WS_DOCUMENT_BLOCK_HEADING);
  block->level = level;
  block->text = clean_text (text);
}

void
ws_document_add_paragraph (WsDocument *self,
                           const char *text)
{
  g_return_if_fail (WS_IS_DOCUMENT (self));

  block_new (self, WS_DOCUMENT_BLOCK_PARAGRAPH)->text = clean_text (text);
}

/**
 * ws_document_add_field:
 *
 * Adds a label / value row. Consecutive fields form one block, drawn as
 * two aligned columns.
 */
void
ws_document_add_field (WsDocument *self,
                       const char *label,
                       const char *value)
{
  Block *block;

  g_return_if_fail (WS_IS_DOCUMENT (self));

  block = last_block (self);
  if (block == NULL || block->kind != WS_DOCUMENT_BLOCK_FIELDS)
    {
      block = block_new (self, WS_DOCUMENT_BLOCK_FIELDS);
      block->labels = g_ptr_array_new_with_free_func (g_free);
      block->values = g_ptr_array_new_with_free_func (g_free);
    }
  g_ptr_array_add (block->labels, clean_text (label));
  g_ptr_array_add (block->values, clean_text (value));
}

/**
 * ws_document_begin_table:
 * @n_columns: number of columns, at least one
 * @headers: (array length=n_columns): column headers
 * @widths: (nullable) (array length=n_columns): relative column widths;
 *   %NULL (or any width not above zero) gives equal columns
 *
 * Starts a table; add its rows with ws_document_add_row().
 */
void
ws_document_begin_table (WsDocument         *self,
                         guint               n_columns,
                         const char * const *headers,
                         const double       *widths)
{
  Block *block;
  gboolean usable = widths != NULL;
  double total = 0;

  g_return_if_fail (WS_IS_DOCUMENT (self));
  g_return_if_fail (n_columns > 0);

  block = block_new (self, WS_DOCUMENT_BLOCK_TABLE);
  block->n_columns = n_columns;
  block->headers = copy_cells (headers, n_columns);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  block->widths = g_new (double, n_columns);

  for (guint i = 0; usable && i < n_columns; i++)
    {
      usable = widths[i] > 0;
      total += widths[i];
    }
  for (guint i = 0; i < n_columns; i++)
    block->widths[i] = usable ? widths[i] / total : 1.0 / n_columns;
}

/**
 * ws_document_add_row:
 * @cells: one string per column of the table begun last; a shorter,
 *   %NULL-terminated array leaves the remaining cells empty
 */
void
ws_document_add_row (WsDocument         *self,
                     const char * const *cells)
{
  Block *block;

  g_return_if_fail (WS_IS_DOCUMENT (self));
  block = last_block (self);
  g_return_if_fail (block != NULL && block->kind == WS_DOCUMENT_BLOCK_TABLE);

  g_ptr_array_add (block->rows, copy_cells (cells, block->n_columns));
}

/**
 * ws_document_add_note:
 *
 * Adds a quiet line, such as "None recorded" under an empty section.
 */
void
ws_document_add_note (WsDocument *self,
                      const char *text)
{
  g_return_if_fail (WS_IS_DOCUMENT (self));

  block_new (self, WS_DOCUMENT_BLOCK_NOTE)->text = clean_text (text);
}

guint
ws_document_get_n_blocks (WsDocument *self)
{
  g_return_val_if_fail (WS_IS_DOCUMENT (self), 0);

  return self->blocks->len;
}

WsDocumentBlockKind
ws_document_get_block_kind (WsDocument *self,
                            guint       block)
{
  g_return_val_if_fail (WS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (block < self->blocks->len, 0);

  return ((Block *) g_ptr_array_index (self->blocks, block))->kind;
}

/**
 * ws_document_get_block_text:
 *
 * Returns: the text of a heading, paragraph or note block
 */
const char *
ws_document_get_block_text (WsDocument *self,
                            guint       block)
{
  Block *b;

  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (block < self->blocks->len, NULL);

  b = g_ptr_array_index (self->blocks, block);
  g_return_val_if_fail (b->text != NULL, NULL);
  return b->text;
}

guint
ws_document_get_heading_level (WsDocument *self,
                               guint       block)
{
  Block *b;

  g_return_val_if_fail (WS_IS_DOCUMENT (self), 0);
  b = get_block (self, block, WS_DOCUMENT_BLOCK_HEADING);
  g_return_val_if_fail (b != NULL, 0);

  return b->level;
}

guint
ws_document_get_n_fields (WsDocument *self,
                          guint       block)
{
  Block *b;

  g_return_val_if_fail (WS_IS_DOCUMENT (self), 0);
  b = get_block (self, block, WS_DOCUMENT_BLOCK_FIELDS);
  g_return_val_if_fail (b != NULL, 0);

  return b->labels->len;
}

/**
 * ws_document_get_field:
 * @label: (out) (transfer none): the field's label
 * @value: (out) (transfer none): the field's value
 */
void
ws_document_get_field (WsDocument  *self,
                       guint        block,
                       guint        field,
                       const char **label,
                       const char **value)
{
  Block *b;

  g_return_if_fail (WS_IS_DOCUMENT (self));
  g_return_if_fail (label != NULL && value != NULL);
  b = get_block (self, block, WS_DOCUMENT_BLOCK_FIELDS);
  g_return_if_fail (b != NULL && field < b->labels->len);

  *label = g_ptr_array_index (b->labels, field);
  *value = g_ptr_array_index (b->values, field);
}

guint
ws_document_get_n_columns (WsDocument *self,
                           guint       block)
{
  Block *b;

  g_return_val_if_fail (WS_IS_DOCUMENT (self), 0);
  b = get_block (self, block, WS_DOCUMENT_BLOCK_TABLE);
  g_return_val_if_fail (b != NULL, 0);

  return b->n_columns;
}

/**
 * ws_document_get_table_headers:
 *
 * Returns: (transfer none): the headers, %NULL-terminated, one per column
 */
const char * const *
ws_document_get_table_headers (WsDocument *self,
                               guint       block)
{
  Block *b;

  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);
  b = get_block (self, block, WS_DOCUMENT_BLOCK_TABLE);
  g_return_val_if_fail (b != NULL, NULL);

  return (const char * const *) b->headers;
}

/**
 * ws_document_get_column_width:
 *
 * Returns: the column's share of the table's width; a table's shares add
 *   up to 1
 */
double
ws_document_get_column_width (WsDocument *self,
                              guint       block,
                              guint       column)
{
  Block *b;

  g_return_val_if_fail (WS_IS_DOCUMENT (self), 0);
  b = get_block (self, block, WS_DOCUMENT_BLOCK_TABLE);
  g_return_val_if_fail (b != NULL && column < b->n_columns, 0);

  return b->widths[column];
}

guint
ws_document_get_n_rows (WsDocument *self,
                        guint       block)
{
  Block *b;

  g_return_val_if_fail (WS_IS_DOCUMENT (self), 0);
  b = get_block (self, block, WS_DOCUMENT_BLOCK_TABLE);
  g_return_val_if_fail (b != NULL, 0);

  return b->rows->len;
}

/**
 * ws_document_get_table_row:
 *
 * Returns: (transfer none): the row's cells, %NULL-terminated, one per
 *   column
 */
const char * const *
ws_document_get_table_row (WsDocument *self,
                           guint       block,
                           guint       row)
{
  Block *b;

  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);
  b = get_block (self, block, WS_DOCUMENT_BLOCK_TABLE);
  g_return_val_if_fail (b != NULL && row < b->rows->len, NULL);

  return g_ptr_array_index (b->rows, row);
}

static void
append_line (GString    *out,
             const char *text)
{
  if (text == NULL)
    return;
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

static void
append_cells (GString            *out,
              const char * const *cells)
{
  g_autofree char *joined = g_strjoinv (" | ", (char **) cells);

  append_line (out, joined);
}

static void
append_block (GString *out,
              Block   *block)
{
  switch (block->kind)
    {
    case WS_DOCUMENT_BLOCK_HEADING:
      g_string_append (out, block->level == 1 ? "# " : "## ");
      append_line (out, block->text);
      break;
    case WS_DOCUMENT_BLOCK_PARAGRAPH:
      append_line (out, block->text);
      break;
    case WS_DOCUMENT_BLOCK_NOTE:
      g_string_append_printf (out, "(%s)\n", block->text);
      break;
    case WS_DOCUMENT_BLOCK_FIELDS:
      for (guint i = 0; i < block->labels->len; i++)
        g_string_append_printf (out, "%s: %s\n",
                                (char *) g_ptr_array_index (block->labels, i),
                                (char *) g_ptr_array_index (block->values, i));
      break;
    case WS_DOCUMENT_BLOCK_TABLE:
      append_cells (out, (const char * const *) block->headers);
      for (guint i = 0; i < block->rows->len; i++)
        append_cells (out, g_ptr_array_index (block->rows, i));
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * ws_document_to_text:
 *
 * A plain-text rendering: the marking, the title block, then each block
 * separated by a blank line. Used by tests and as a text export.
 *
 * Returns: (transfer full): the document as text
 */
char *
ws_document_to_text (WsDocument *self)
{
  GString *out;
  g_autofree char *prepared = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *period = NULL;

  g_return_val_if_fail (WS_IS_DOCUMENT (self), NULL);

  out = g_string_new (NULL);
  prepared = ws_document_format_prepared_by (self);
  printed = ws_document_format_printed_on (self);
  period = ws_document_format_period (self);

  append_line (out, self->marking);
  g_string_append_c (out, '\n');
  append_line (out, self->title);
  append_line (out, self->subtitle);
  append_line (out, prepared);
  append_line (out, printed);
  append_line (out, period);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      g_string_append_c (out, '\n');
      append_block (out, g_ptr_array_index (self->blocks, i));
    }
  return g_string_free (out, FALSE);
}
