/* cp-test-tree.h — removing a test's scratch folder
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only and GLib-only, so the core tests, the CLI tests and the
 * benchmarks can all use it without linking anything extra.
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Removes a folder and everything in it; a missing folder is fine.
 * Symbolic links are removed, never followed. */
static inline void
cp_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cp_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}
