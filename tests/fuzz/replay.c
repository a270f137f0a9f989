/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ws-fuzz.h"

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Runs a fuzz target on every file in the folders given (its seed corpus
 * and every input that ever crashed it), without libFuzzer, as a normal
 * test: a crash found once can never come back unnoticed. */
int
main (int   argc,
      char *argv[])
{
  guint files = 0;

  for (int a = 1; a < argc; a++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[a], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_build_filename (argv[a], names->pdata[i], NULL);
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (!g_file_get_contents (path, &contents, &length, NULL))
            continue;
          g_print ("# %s\n", path);
          LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
          files++;
        }
    }
  g_print ("# %u inputs replayed\n", files);
  return files > 0 ? 0 : 1;
}
