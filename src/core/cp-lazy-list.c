/* cp-lazy-list.c — what the lazy list models share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib-object.h>

#include "cp-lazy-list.h"

void
_cp_list_pages_init (CpListPages *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->order = g_queue_new ();
  self->fetched = 0;
}

void
_cp_list_pages_clear (CpListPages *self)
{
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->order, g_queue_free);
}

void
_cp_list_pages_forget (CpListPages *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (self->order);
}

static void
remember (CpListPages *self, guint page, GPtrArray *rows)
{
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (self->order, GUINT_TO_POINTER (page));
  while (g_queue_get_length (self->order) > CP_LIST_MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (self->order));
}

gpointer
_cp_list_pages_get_item (CpListPages *self, guint position, CpListPageFetch fetch, gpointer owner)
{
  guint page = position / CP_LIST_PAGE_SIZE;
  GPtrArray *rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (rows == NULL)
    {
      rows = fetch (owner, page);
      self->fetched++;
      remember (self, page, rows);
    }
  else
    {
      g_queue_remove (self->order, GUINT_TO_POINTER (page));
      g_queue_push_head (self->order, GUINT_TO_POINTER (page));
    }
  if (position % CP_LIST_PAGE_SIZE >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, position % CP_LIST_PAGE_SIZE));
}

GStrv
_cp_lazy_list_split_words (const char *search)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) words = NULL;
  guint n = 0;

  if (search == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  words = g_strsplit_set (search, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL && n < CP_LIST_MAX_SEARCH_TERMS; i++)
    if (*words[i] != '\0')
      {
        g_autofree char *folded = g_utf8_casefold (words[i], -1);
        g_autofree char *composed = g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);

        g_strv_builder_add (builder, composed ? composed : folded);
        n++;
      }
  return g_strv_builder_end (builder);
}

char *
_cp_lazy_list_escape_like (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}
