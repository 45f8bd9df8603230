/* cp-store-bulk.c — storing many records at once inside one transaction
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of CpStore. Like cp-store-records.c, SQL is built only from table
 * and property names declared in code; every value is bound.
 */
#define G_LOG_DOMAIN "cp-store"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-plan-entries.h"
#include "cp-plan-lifecycle.h"
#include "cp-store-bulk.h"

/* INSERT with every meta column bound, the file's tombstone included. */
static const char *
stored_insert_sql_for (CpRecordClass *klass)
{
  return _cp_store_insert_sql (klass, "?", 1, "cp-store-stored-insert-sql");
}

static void
bind_columns (sqlite3_stmt *stmt, CpRecord *record, int first)
{
  GPtrArray *columns = cp_record_class_columns (CP_RECORD_GET_CLASS (record));

  for (guint i = 0; i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (record), pspec->name, &value);
      _cp_store_bind_value (stmt, first + (int) i, &value);
    }
}

static gboolean
audit_insert (CpStore *self, CpStoreAuditBatch *batch, const char *table, const char *id,
              gboolean deleted, GError **error)
{
  if (batch != NULL)
    {
      _cp_store_audit_batch_hold (batch, table, id, "create", NULL, NULL, NULL);
      if (deleted)
        _cp_store_audit_batch_hold (batch, table, id, "delete", "deleted", "0", "1");
      return TRUE;
    }
  if (!_cp_store_audit (self, table, id, "create", NULL, NULL, NULL, error))
    return FALSE;
  return !deleted || _cp_store_audit (self, table, id, "delete", "deleted", "0", "1", error);
}

/* The same rules as cp_store_insert(): nothing weaker for imports. A
 * tombstone arriving with its row is a delete too: an agreed plan
 * version may not arrive deleted any more than be deleted here. */
static gboolean
check_stored (CpStore *self, CpRecord *record, gboolean deleted, GError **error)
{
  return cp_record_validate (record, error) && cp_plan_content_check (record, error) &&
         _cp_plan_guard_write (self, record, "insert", error) &&
         (!deleted || _cp_plan_guard_write (self, record, "delete", error));
}

/* Binds one row's values from parameter @first on. */
static void
bind_stored (sqlite3_stmt *stmt, int first, CpRecord *record, const char *created_at,
             const char *updated_at, gboolean deleted)
{
  sqlite3_bind_text (stmt, first, cp_record_get_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 2, updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, first + 3, deleted ? 1 : 0);
  bind_columns (stmt, record, first + 4);
}

/* After the row is in: its meta, the change signal, its audit rows. */
static gboolean
finish_stored (CpStore *self, CpStoreAuditBatch *audit, CpRecord *record, const char *created_at,
               const char *updated_at, gboolean deleted, GError **error)
{
  const char *table = CP_RECORD_GET_CLASS (record)->table;
  const char *id = cp_record_get_id (record);

  _cp_record_set_meta (record, created_at, updated_at, deleted);
  _cp_store_queue_changed (self, table, id);
  return audit_insert (self, audit, table, id, deleted, error);
}

static gboolean
in_transaction (sqlite3_stmt *stmt)
{
  /* Without the caller's transaction a failure would leave half a batch. */
  if (sqlite3_get_autocommit (sqlite3_db_handle (stmt)))
    {
      g_critical ("Bulk inserts need an open transaction (cp_store_begin)");
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_once (CpStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return cp_store_set_error_from_db (self, rc, error);
  return TRUE;
}

/* Rows per statement: SQLite allows 32,766 parameters, and the widest
 * record has about 25 columns. Batches are written in power-of-two
 * chunks so each type needs at most seven statement texts. */
#define BULK_ROWS 64

typedef struct
{
  CpRecord *record;
  char     *created_at;
  char     *updated_at;
  gboolean  deleted;
  gpointer  tag;
} QueuedRow;

struct _CpStoreBulkInsert
{
  CpStore           *store;
  CpStoreAuditBatch *audit;
  GArray            *rows;        /* QueuedRow, all of one type */
  gpointer           failed_tag;
};

static void
queued_row_clear (gpointer data)
{
  QueuedRow *row = data;

  g_object_unref (row->record);
  g_free (row->created_at);
  g_free (row->updated_at);
}

CpStoreBulkInsert *
_cp_store_bulk_insert_new (CpStore *self, CpStoreAuditBatch *audit)
{
  CpStoreBulkInsert *bulk = g_new0 (CpStoreBulkInsert, 1);

  bulk->store = g_object_ref (self);
  bulk->audit = audit;
  bulk->rows = g_array_sized_new (FALSE, FALSE, sizeof (QueuedRow), BULK_ROWS);
  g_array_set_clear_func (bulk->rows, queued_row_clear);
  return bulk;
}

void
_cp_store_bulk_insert_free (CpStoreBulkInsert *bulk)
{
  if (bulk == NULL)
    return;
  g_array_unref (bulk->rows);
  g_object_unref (bulk->store);
  g_free (bulk);
}

gpointer
_cp_store_bulk_insert_failed_tag (CpStoreBulkInsert *bulk)
{
  return bulk->failed_tag;
}

static const char *
chunk_sql (CpRecordClass *klass, guint n_rows)
{
  char name[48];

  if (n_rows == 1)
    return stored_insert_sql_for (klass);
  g_snprintf (name, sizeof name, "cp-store-stored-insert-sql-%u", n_rows);
  return _cp_store_insert_sql (klass, "?", n_rows, name);
}

/* One row on its own, naming it in the error. */
static gboolean
insert_one_queued (CpStoreBulkInsert *bulk, QueuedRow *row, GError **error)
{
  CpRecordClass *klass = CP_RECORD_GET_CLASS (row->record);
  sqlite3_stmt *stmt = cp_store_prepare (bulk->store, stored_insert_sql_for (klass), error);

  if (stmt == NULL)
    return FALSE;
  bind_stored (stmt, 1, row->record, row->created_at, row->updated_at, row->deleted);
  if (!step_once (bulk->store, stmt, error))
    {
      bulk->failed_tag = row->tag;
      return FALSE;
    }
  return TRUE;
}

/* @n_rows queued rows from @first in one statement; if it fails (and
 * SQLite has undone it), one at a time to find the row at fault. */
static gboolean
insert_chunk (CpStoreBulkInsert *bulk, guint first, guint n_rows, GError **error)
{
  QueuedRow *rows = &g_array_index (bulk->rows, QueuedRow, first);
  CpRecordClass *klass = CP_RECORD_GET_CLASS (rows[0].record);
  guint per_row = 4 + cp_record_class_columns (klass)->len;
  sqlite3_stmt *stmt = cp_store_prepare (bulk->store, chunk_sql (klass, n_rows), error);
  g_autoptr(GError) batch_error = NULL;

  if (stmt == NULL || !in_transaction (stmt))
    return FALSE;
  for (guint i = 0; i < n_rows; i++)
    bind_stored (stmt, 1 + (int) (i * per_row), rows[i].record, rows[i].created_at,
                 rows[i].updated_at, rows[i].deleted);
  if (step_once (bulk->store, stmt, &batch_error))
    return TRUE;
  for (guint i = 0; i < n_rows; i++)
    if (!insert_one_queued (bulk, &rows[i], error))
      return FALSE;
  /* Each row went in alone: the batch failed for a reason of its own. */
  g_propagate_error (error, g_steal_pointer (&batch_error));
  bulk->failed_tag = rows[0].tag;
  return FALSE;
}

gboolean
_cp_store_bulk_insert_flush (CpStoreBulkInsert *bulk, GError **error)
{
  guint done = 0;
  gboolean ok = TRUE;

  while (ok && done < bulk->rows->len)
    {
      guint n = BULK_ROWS;

      while (n > bulk->rows->len - done)
        n /= 2;
      ok = insert_chunk (bulk, done, n, error);
      done += n;
    }
  for (guint i = 0; ok && i < bulk->rows->len; i++)
    {
      QueuedRow *row = &g_array_index (bulk->rows, QueuedRow, i);

      ok = finish_stored (bulk->store, bulk->audit, row->record, row->created_at, row->updated_at,
                          row->deleted, error);
      if (!ok)
        bulk->failed_tag = row->tag;
    }
  g_array_set_size (bulk->rows, 0);
  return ok;
}

gboolean
_cp_store_bulk_insert_add (CpStoreBulkInsert *bulk, CpRecord *record, const char *created_at,
                           const char *updated_at, gboolean deleted, gpointer tag, GError **error)
{
  QueuedRow row = { g_object_ref (record), g_strdup (created_at), g_strdup (updated_at), deleted, tag };

  if (!check_stored (bulk->store, record, deleted, error))
    {
      bulk->failed_tag = tag;
      queued_row_clear (&row);
      return FALSE;
    }
  if (bulk->rows->len > 0 &&
      CP_RECORD_GET_CLASS (g_array_index (bulk->rows, QueuedRow, 0).record) != CP_RECORD_GET_CLASS (record) &&
      !_cp_store_bulk_insert_flush (bulk, error))
    {
      queued_row_clear (&row);
      return FALSE;
    }
  g_array_append_val (bulk->rows, row);
  return bulk->rows->len < BULK_ROWS || _cp_store_bulk_insert_flush (bulk, error);
}

gboolean
_cp_store_row_exists (CpStore *self, const char *table, const char *id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  sqlite3_stmt *stmt = cp_store_prepare (self, sql, error);
  gboolean found;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  found = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    cp_store_set_error_from_db (self, rc, error);
  return found;
}

static gint64
read_pragma (CpStore *self, const char *sql, gint64 fallback)
{
  sqlite3_stmt *stmt = cp_store_prepare (self, sql, NULL);
  gint64 value = fallback;

  if (stmt == NULL)
    return fallback;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* Changing temp_store drops every TEMP table, index and trigger of the
 * connection, and is refused inside a transaction once TEMP storage is
 * in use: it is set only when it differs. (SQLite 3.40 also skips an
 * equal value itself; this does not lean on that.) */
static void
set_pragmas (CpStore *self, const CpStoreBulkPragmas *from, const CpStoreBulkPragmas *to)
{
  g_autofree char *cache = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT,
                                            to->cache_size);
  g_autofree char *temp = g_strdup_printf ("PRAGMA temp_store = %" G_GINT64_FORMAT, to->temp_store);

  cp_store_exec (self, cache, NULL);
  if (from->temp_store != to->temp_store)
    cp_store_exec (self, temp, NULL);
}

CpStoreBulkPragmas
_cp_store_bulk_begin (CpStore *self, gint64 cache_kib)
{
  CpStoreBulkPragmas saved = {
    read_pragma (self, "PRAGMA cache_size", -2000),
    read_pragma (self, "PRAGMA temp_store", 0),
  };
  /* A negative cache_size counts KiB rather than pages; a cache already
   * larger is kept. */
  CpStoreBulkPragmas bulk = { MIN (saved.cache_size, -cache_kib), 2 };

  set_pragmas (self, &saved, &bulk);
  return saved;
}

void
_cp_store_bulk_end (CpStore *self, const CpStoreBulkPragmas *saved)
{
  /* What _cp_store_bulk_begin() set; only its temp_store is compared. */
  CpStoreBulkPragmas bulk = { 0, 2 };

  set_pragmas (self, &bulk, saved);
}
