/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-text"

#include "config.h"

#include <string.h>

#include "ws-text.h"

/**
 * ws_text_fold_special_letter:
 * @c: a lower-case character
 *
 * Letters that are not a base letter plus a mark, so Unicode
 * decomposition leaves them alone, but that people drop or replace when
 * they type without them ("Đức" → "Duc", "Łucja" → "Lucja").
 *
 * Returns: (nullable): the plain letters @c is typed as, or %NULL
 */
const char *
ws_text_fold_special_letter (gunichar c)
{
  switch (c)
    {
    case 0x00DF: return "ss";
    case 0x00E6: return "ae";
    case 0x00F0: return "d";
    case 0x00F8: return "o";
    case 0x00FE: return "th";
    case 0x0111: return "d";
    case 0x0127: return "h";
    case 0x0131: return "i";
    case 0x0142: return "l";
    case 0x0153: return "oe";
    case 0x0167: return "t";
    case 0x03C2: return "σ";
    default: return NULL;
    }
}

/**
 * ws_text_fold:
 *
 * Folds @text for matching that ignores case and diacritics, so that
 * "José", "JOSE" and "jose" compare equal, and so do "Łucja" and "Lucja".
 *
 * Returns: (transfer full): the folded text
 */
char *
ws_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);
      const char *special;

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        continue;
      special = ws_text_fold_special_letter (g_unichar_tolower (c));
      if (special != NULL)
        g_string_append (bare, special);
      else
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, bare->len);
}

gboolean
ws_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
ws_text_strip_dup (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/**
 * ws_text_split_list:
 *
 * Splits a comma- or newline-separated list as typed by a user, dropping
 * blanks and surrounding spaces.
 *
 * Returns: (transfer full): the items
 */
char **
ws_text_split_list (const char *text)
{
  return ws_text_split_list_by (text, ",\n;");
}

/**
 * ws_text_split_list_by:
 * @separators: the characters that separate items, e.g. ";\n" for items
 *   that may themselves contain commas (offences, addresses)
 *
 * Returns: (transfer full): the items, stripped, without blanks
 */
char **
ws_text_split_list_by (const char *text,
                       const char *separators)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit_set (text != NULL ? text : "", separators, -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (parts[i]);

      if (*item != '\0')
        g_strv_builder_add (builder, item);
    }
  return g_strv_builder_end (builder);
}

char *
ws_text_join_list (const char * const *items)
{
  if (items == NULL)
    return g_strdup ("");
  return g_strjoinv (", ", (char **) items);
}

/**
 * ws_language_format:
 *
 * Returns: (transfer full): "Arabic (Levantine)" or "Arabic" when there is no dialect
 */
char *
ws_language_format (const char *language,
                    const char *dialect)
{
  if (dialect == NULL || *dialect == '\0')
    return g_strdup (language);
  return g_strdup_printf ("%s (%s)", language, dialect);
}

/**
 * ws_language_parse:
 *
 * Reads "Arabic (Levantine)" or "Arabic".
 *
 * Returns: %FALSE if @text names no language or its brackets do not close
 */
gboolean
ws_language_parse (const char  *text,
                   char       **language,
                   char       **dialect)
{
  g_autofree char *copy = ws_text_strip_dup (text);
  char *open = strchr (copy, '(');

  *language = NULL;
  *dialect = NULL;

  if (open == NULL)
    {
      if (*copy == '\0' || strchr (copy, ')') != NULL)
        return FALSE;
      *language = g_steal_pointer (&copy);
      *dialect = g_strdup ("");
      return TRUE;
    }

  {
    size_t len = strlen (copy);
    char *close = strchr (open, ')');

    if (close == NULL || close != copy + len - 1 || open == copy)
      return FALSE;
    *open = '\0';
    *close = '\0';
    *language = ws_text_strip_dup (copy);
    *dialect = ws_text_strip_dup (open + 1);
    if (**language == '\0' || strchr (*dialect, '(') != NULL)
      {
        g_clear_pointer (language, g_free);
        g_clear_pointer (dialect, g_free);
        return FALSE;
      }
  }
  return TRUE;
}

static void
ws_problem_free (gpointer data)
{
  WsProblem *problem = data;

  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

/**
 * ws_problems_new:
 *
 * Returns: (transfer full) (element-type WsProblem): an empty list of problems
 */
GPtrArray *
ws_problems_new (void)
{
  return g_ptr_array_new_with_free_func (ws_problem_free);
}

void
ws_problems_add (GPtrArray  *problems,
                 const char *field,
                 const char *format,
                 ...)
{
  WsProblem *problem;
  va_list args;

  g_return_if_fail (problems != NULL);

  problem = g_new0 (WsProblem, 1);
  problem->field = g_strdup (field);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

/**
 * ws_problems_lookup:
 *
 * Returns: (nullable): the first message about @field
 */
const char *
ws_problems_lookup (GPtrArray  *problems,
                    const char *field)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      WsProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->field, field) == 0)
        return problem->message;
    }
  return NULL;
}
