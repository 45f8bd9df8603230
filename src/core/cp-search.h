/* cp-search.h — finding people by name, NHS number or anything in their plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An SQLite FTS5 index (schema step 4) holds one document per person
 * (names, preferred name, NHS number) and one per piece of plan text
 * (entries, outcomes, actions, risks, review points). Triggers keep it in
 * step with every write, so the demo and imports are indexed too; a
 * tombstoned row leaves the index.
 *
 * What is typed is never passed to FTS5 as syntax: each word becomes a
 * quoted term, and the last one (of two letters or more) matches as a
 * prefix.
 */
#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *person_id;
  char *display_name;  /* preferred name (or given name) and family name */
  char *where;         /* translated: "Name", "NHS number", "What is important to me", "Outcome" … */
  char *snippet;       /* a few words around the match, the matched words in [brackets] */
} CpSearchHit;

void       cp_search_hit_free     (CpSearchHit *hit);

/* People matching @query (every word in one of their names or in one
 * piece of their plan text), name matches first, then the best text
 * match; at most @limit people. An empty query finds no one.
 * Returns: (transfer full) (element-type CpSearchHit) (nullable): NULL
 * only when the database fails */
GPtrArray *cp_search              (CpStore     *store,
                                   const char  *query,
                                   guint        limit,
                                   GError     **error);

/* What is typed, as a safe FTS5 query ("\"sam\" \"pat\"*"), or NULL
 * when it holds no word. Returns: (transfer full) (nullable) */
char      *cp_search_fts_query    (const char  *text);

/* For CpRecordList (cp_record_list_set_search_extra()): a SELECT of the
 * ids of people whose plan text matches :search, bound to
 * cp_search_fts_query() of the text. */
const char *cp_search_person_ids_sql (void);

G_END_DECLS
