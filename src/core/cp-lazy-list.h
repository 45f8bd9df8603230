/* cp-lazy-list.h — what the lazy list models share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CpRecordList and CpLedger never load every row: a view asks for an
 * item, its page of CP_LIST_PAGE_SIZE rows is fetched with one query,
 * and only the CP_LIST_MAX_PAGES most recently used pages are kept.
 * Each writes its own query; the pages are kept here, and what a person
 * types into either search is split and escaped the same way.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CP_LIST_PAGE_SIZE 64
#define CP_LIST_MAX_PAGES 16
#define CP_LIST_MAX_SEARCH_TERMS 8

/* Reads page @page (rows from @page × CP_LIST_PAGE_SIZE on) as a new
 * array owning its items; an empty one when there are none. */
typedef GPtrArray *(*CpListPageFetch) (gpointer owner,
                                       guint    page);

typedef struct
{
  GHashTable *pages;    /* page number → GPtrArray of items */
  GQueue     *order;    /* page numbers, most recently used first */
  guint       fetched;  /* pages read so far: lets tests check laziness */
} CpListPages;

void     _cp_list_pages_init     (CpListPages     *self);
void     _cp_list_pages_clear    (CpListPages     *self);
/* Drops every page kept, so the next items are read again. */
void     _cp_list_pages_forget   (CpListPages     *self);
/* The item at @position, fetching its page through @fetch if it is not
 * kept; (transfer full), or NULL past the end of the page. The caller
 * checks @position against the list's length. */
gpointer _cp_list_pages_get_item (CpListPages     *self,
                                  guint            position,
                                  CpListPageFetch  fetch,
                                  gpointer         owner);

/* What was typed, word by word (at most CP_LIST_MAX_SEARCH_TERMS, each
 * one more LIKE), case-folded and composed as cp_fold() folds the rows;
 * NULL for NULL. */
GStrv    _cp_lazy_list_split_words (const char      *search);
/* @text for LIKE … ESCAPE '\': %, _ and \ match only themselves. */
char    *_cp_lazy_list_escape_like (const char      *text);

G_END_DECLS
