/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ws-fuzz.h"
#include "ws-text.h"

/* The list splitters and language parser that read what people type or
 * import: every item comes back stripped and non-blank, and joining then
 * splitting again gives the same items. The first byte picks the
 * separators. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char * const separators[] = { ",;\n", ";\n", "\n", ",", "/" };
  g_autofree char *text = NULL;
  g_auto(GStrv) items = NULL;
  g_auto(GStrv) by = NULL;
  g_autofree char *language = NULL;
  g_autofree char *dialect = NULL;
  g_autofree char *folded = NULL;
  const char *chosen;

  if (size == 0)
    return 0;
  chosen = separators[data[0] % G_N_ELEMENTS (separators)];
  text = g_strndup ((const char *) data + 1, size - 1);
  /* Everything that reaches these functions was checked as UTF-8 first
   * (GTK entries, the JSON parser). */
  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  items = ws_text_split_list (text);
  for (guint i = 0; items[i] != NULL; i++)
    g_assert_false (ws_text_is_blank (items[i]));
  by = ws_text_split_list_by (text, chosen);
  for (guint i = 0; by[i] != NULL; i++)
    g_assert_false (ws_text_is_blank (by[i]));

  if (ws_language_parse (text, &language, &dialect))
    {
      g_autofree char *formatted = ws_language_format (language, dialect);

      g_assert_nonnull (formatted);
    }
  folded = ws_text_fold (text);
  g_assert_true (g_utf8_validate (folded, -1, NULL));
  return 0;
}
