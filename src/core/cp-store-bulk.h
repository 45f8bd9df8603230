/* cp-store-bulk.h — storing many records at once inside one transaction
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For imports: the caller holds one transaction for the whole batch and
 * rolls it back on any failure, so a savepoint per record (as
 * cp_store_insert() takes) would only cost time. Each record is still
 * validated and checked like cp_store_insert(), and gets its audit row.
 */
#pragma once

#include <sqlite3.h>

#include "cp-store.h"
#include "cp-store-audit-batch.h"

G_BEGIN_DECLS

/* New rows queued and written many to one INSERT statement: a large
 * import then runs a statement per batch instead of per row. That
 * matters most for tables the search index follows: their triggers make
 * each statement one that may need undoing, and at every such statement
 * SQLite has FTS5 flush its pending terms (xSavepoint), which cost about
 * half of an import's writing time when done row by row. Rows of one
 * type go together; a different type, _cp_store_bulk_insert_flush() or
 * a full batch writes what is queued. Each row is inserted as it was
 * stored elsewhere (its own created/updated times and tombstone) and is
 * checked like cp_store_insert() when it is queued; its "create" audit
 * row (and a "delete" one for a tombstone) is held in @audit, or written
 * with its batch when @audit is NULL. If a batch fails, its
 * rows are retried one at a time so the error names the row that broke:
 * _cp_store_bulk_insert_failed_tag() then gives the tag it was queued
 * with. Must be used inside cp_store_begin(); the caller rolls back on
 * failure. */
typedef struct _CpStoreBulkInsert CpStoreBulkInsert;

CpStoreBulkInsert *_cp_store_bulk_insert_new        (CpStore           *self,
                                                     CpStoreAuditBatch *audit);
void               _cp_store_bulk_insert_free       (CpStoreBulkInsert *bulk);
gboolean           _cp_store_bulk_insert_add        (CpStoreBulkInsert *bulk,
                                                     CpRecord          *record,
                                                     const char        *created_at,
                                                     const char        *updated_at,
                                                     gboolean           deleted,
                                                     gpointer           tag,
                                                     GError           **error);
gboolean           _cp_store_bulk_insert_flush      (CpStoreBulkInsert *bulk,
                                                     GError           **error);
gpointer           _cp_store_bulk_insert_failed_tag (CpStoreBulkInsert *bulk);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpStoreBulkInsert, _cp_store_bulk_insert_free)

/* TRUE when @table holds a row with @id (one indexed lookup). */
gboolean _cp_store_row_exists    (CpStore     *self,
                                  const char  *table,
                                  const char  *id,
                                  GError     **error);

/* cp-store-records.c: the cached INSERT text of a record type, for
 * @n_rows rows at once. */
const char *_cp_store_insert_sql (CpRecordClass *klass,
                                  const char    *deleted,
                                  guint          n_rows,
                                  const char    *cache_name);
/* cp-store-records.c's binding of a property value to a parameter. */
void     _cp_store_bind_value    (sqlite3_stmt *stmt,
                                  int           index,
                                  const GValue *value);

/* The connection settings a large write changes for its run. */
typedef struct
{
  gint64 cache_size;
  gint64 temp_store;
} CpStoreBulkPragmas;

/* Before a large write: every savepoint's undo pages go to a statement
 * journal, a temporary file by default; held in memory (temp_store = 2)
 * with a page cache of at least @cache_kib KiB, each page is written
 * once. temp_store is changed only where it differs, since a change
 * drops the connection's TEMP tables and triggers. Returns the settings
 * to give back to _cp_store_bulk_end(). */
CpStoreBulkPragmas _cp_store_bulk_begin (CpStore                  *self,
                                         gint64                    cache_kib);
void               _cp_store_bulk_end   (CpStore                  *self,
                                         const CpStoreBulkPragmas *saved);

G_END_DECLS
