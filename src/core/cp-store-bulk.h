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

G_BEGIN_DECLS

/* Inserts @record as it was stored elsewhere: its own created/updated
 * times and tombstone. Must be called inside cp_store_begin(). Writes a
 * "create" audit row, and a "delete" one for a tombstone. */
gboolean _cp_store_insert_stored (CpStore     *self,
                                  CpRecord    *record,
                                  const char  *created_at,
                                  const char  *updated_at,
                                  gboolean     deleted,
                                  GError     **error);

/* TRUE when @table holds a row with @id (one indexed lookup). */
gboolean _cp_store_row_exists    (CpStore     *self,
                                  const char  *table,
                                  const char  *id,
                                  GError     **error);

/* cp-store-records.c's binding of a property value to a parameter. */
/* cp-store-records.c: the cached INSERT text of a record type. */
const char *_cp_store_insert_sql (CpRecordClass *klass,
                                  const char    *deleted,
                                  const char    *cache_name);
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
 * with a page cache of @cache_kib KiB, each page is written once.
 * Returns the settings to give back to _cp_store_bulk_end(). */
CpStoreBulkPragmas _cp_store_bulk_begin (CpStore                  *self,
                                         gint64                    cache_kib);
void               _cp_store_bulk_end   (CpStore                  *self,
                                         const CpStoreBulkPragmas *saved);

G_END_DECLS
