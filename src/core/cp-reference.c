/* cp-reference.c — the reference data compiled into the core library
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-reference.h"
#include "cp-reference-resource.h"

#define REFERENCE_PATH "/io/github/coplan/Coplan/reference/"

/* Looked up in the resource directly rather than through the global
 * registry: in a static library nothing else would pull the resource's
 * object file (and its constructor) into the program. */
GBytes *
cp_reference_lookup (const char *name, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  path = g_strconcat (REFERENCE_PATH, name, NULL);
  return g_resource_lookup_data (cp_reference_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

GKeyFile *
cp_reference_key_file (const char *name, GError **error)
{
  g_autoptr(GBytes) bytes = cp_reference_lookup (name, error);
  g_autoptr(GKeyFile) key_file = NULL;

  if (bytes == NULL)
    return NULL;
  key_file = g_key_file_new ();
  if (!g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_NONE, error))
    return NULL;
  return g_steal_pointer (&key_file);
}
