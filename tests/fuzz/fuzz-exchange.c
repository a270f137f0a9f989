/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ws-exchange.h"
#include "ws-fuzz.h"
#include "ws-test-util.h"

/* The exchange importer, all of it: parsing, validation, references,
 * identity, writing. One protected database serves every input; an
 * import either adds everything or nothing, and the database must stay
 * sound either way. */

static WsDatabase *db;
static char *dir;

static void
close_db (void)
{
  g_clear_object (&db);
  if (dir != NULL)
    ws_test_remove_tree (dir);
  g_clear_pointer (&dir, g_free);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  gint64 before;
  gboolean ok;

  if (db == NULL)
    {
      db = ws_test_open_tmp_db ("ws-fuzz-XXXXXX", &dir);
      atexit (close_db);
    }
  before = ws_test_count_rows (db, "person");
  ok = ws_exchange_import_data (db, (const char *) data, size, &error);
  g_assert_true (ok == (error == NULL));
  if (!ok)
    {
      g_assert_nonnull (error->message);
      g_assert_cmpint (ws_test_count_rows (db, "person"), ==, before);
    }
  return 0;
}
