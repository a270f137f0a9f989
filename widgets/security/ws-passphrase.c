/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-passphrase"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ws-passphrase.h"
#include "ws-profile.h"

/* A hint, not a rule: the data layer refuses only passphrases shorter
 * than WS_PASSPHRASE_MIN_LENGTH. The estimate counts the kinds of
 * characters used and how many differ, so "aaaaaaaaaaaa" is weak and a
 * few ordinary words separated by spaces are strong. */

static guint
character_pool (const char *passphrase)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }
  return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
}

static guint
count_distinct (const char *passphrase)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    g_hash_table_add (seen, GUINT_TO_POINTER (g_utf8_get_char (p)));
  return g_hash_table_size (seen);
}

WsPassphraseStrength
ws_passphrase_strength (const char *passphrase)
{
  glong length;
  double bits;

  if (passphrase == NULL || *passphrase == '\0')
    return WS_PASSPHRASE_EMPTY;
  length = g_utf8_strlen (passphrase, -1);
  if (length < WS_PASSPHRASE_MIN_LENGTH)
    return WS_PASSPHRASE_TOO_SHORT;

  /* Repeated characters add little: count each distinct one fully and
   * the rest at a quarter. */
  bits = log2 (MAX (character_pool (passphrase), 2));
  bits *= count_distinct (passphrase) + (length - count_distinct (passphrase)) / 4.0;
  if (bits < 45)
    return WS_PASSPHRASE_WEAK;
  if (bits < 70)
    return WS_PASSPHRASE_FAIR;
  return WS_PASSPHRASE_STRONG;
}

/**
 * ws_passphrase_strength_hint:
 *
 * Returns: (transfer full): @strength in words, with what would improve it
 */
char *
ws_passphrase_strength_hint (WsPassphraseStrength strength)
{
  switch (strength)
    {
    case WS_PASSPHRASE_EMPTY:
      return g_strdup (_("Several ordinary words are easier to remember than symbols, and harder to guess."));
    case WS_PASSPHRASE_TOO_SHORT:
      /* Translators: %d is the shortest length accepted, e.g. 8 */
      return g_strdup_printf (ngettext ("Too short: use at least %d character",
                                        "Too short: use at least %d characters", WS_PASSPHRASE_MIN_LENGTH),
                              WS_PASSPHRASE_MIN_LENGTH);
    case WS_PASSPHRASE_WEAK:
      return g_strdup (_("Weak: easy to guess. Add a few more words."));
    case WS_PASSPHRASE_FAIR:
      return g_strdup (_("Fair: one or two more words would make it strong."));
    case WS_PASSPHRASE_STRONG:
    default:
      return g_strdup (_("Strong"));
    }
}

/**
 * ws_passphrase_show_strength:
 *
 * Shows how strong @passphrase is on @bar (0 to 3) and in words on @hint.
 */
void
ws_passphrase_show_strength (GtkLevelBar *bar,
                             GtkLabel    *hint,
                             const char  *passphrase)
{
  WsPassphraseStrength strength = ws_passphrase_strength (passphrase);
  g_autofree char *text = ws_passphrase_strength_hint (strength);

  g_return_if_fail (GTK_IS_LEVEL_BAR (bar));
  g_return_if_fail (GTK_IS_LABEL (hint));

  gtk_level_bar_set_value (bar, strength <= WS_PASSPHRASE_TOO_SHORT ? 0 : strength - WS_PASSPHRASE_TOO_SHORT);
  gtk_label_set_text (hint, text);
}

/**
 * ws_passphrase_check_new:
 *
 * Returns: (transfer full) (nullable): what is wrong with a new
 *   passphrase typed twice, in the user's words, or %NULL when it may be used
 */
char *
ws_passphrase_check_new (const char *passphrase,
                         const char *repeated)
{
  if (ws_passphrase_strength (passphrase) <= WS_PASSPHRASE_TOO_SHORT)
    return g_strdup_printf (ngettext ("Use at least %d character", "Use at least %d characters",
                                      WS_PASSPHRASE_MIN_LENGTH), WS_PASSPHRASE_MIN_LENGTH);
  if (g_strcmp0 (passphrase, repeated) != 0)
    return g_strdup (_("The two passphrases differ"));
  return NULL;
}
