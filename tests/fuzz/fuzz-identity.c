/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ws-fuzz.h"
#include "ws-identity.h"
#include "ws-text.h"

/* An identity document as an exchange file carries it: parsed, checked,
 * and if accepted, written back out and read again unchanged. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) problems = ws_problems_new ();
  g_autoptr(WsIdentity) identity = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GPtrArray) problems_again = ws_problems_new ();
  g_autoptr(WsIdentity) reread = NULL;

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  identity = ws_identity_from_json (json_parser_get_root (parser), problems);
  if (identity == NULL)
    {
      g_assert_cmpuint (problems->len, >, 0);
      return 0;
    }
  again = ws_identity_to_json (identity);
  reread = ws_identity_from_json (again, problems_again);
  g_assert_nonnull (reread);
  for (guint i = 0; i < WS_IDENTITY_N_TEXTS; i++)
    g_assert_cmpstr (ws_identity_get_text (identity, i), ==, ws_identity_get_text (reread, i));
  return 0;
}
