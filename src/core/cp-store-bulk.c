/* cp-store-bulk.c — storing many records at once inside one transaction
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of CpStore. Like cp-store-records.c, SQL is built only from table
 * and property names declared in code; every value is bound.
 */
#define G_LOG_DOMAIN "cp-store"

#include <glib/gi18n-lib.h>

#include "cp-plan-entries.h"
#include "cp-plan-lifecycle.h"
#include "cp-store-bulk.h"

/* INSERT with every meta column bound, the file's tombstone included. */
static const char *
stored_insert_sql_for (CpRecordClass *klass)
{
  return _cp_store_insert_sql (klass, "?", "cp-store-stored-insert-sql");
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

gboolean
_cp_store_insert_stored (CpStore *self, CpRecord *record, const char *created_at,
                         const char *updated_at, gboolean deleted, GError **error)
{
  CpRecordClass *klass;
  const char *table, *id;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (CP_IS_RECORD (record), FALSE);

  /* The same rules as cp_store_insert(): nothing weaker for imports. */
  if (!cp_record_validate (record, error) || !cp_plan_content_check (record, error) ||
      !_cp_plan_guard_write (self, record, "insert", error))
    return FALSE;
  klass = CP_RECORD_GET_CLASS (record);
  table = klass->table;
  id = cp_record_get_id (record);
  stmt = cp_store_prepare (self, stored_insert_sql_for (klass), error);
  if (stmt == NULL)
    return FALSE;
  /* Without the caller's transaction a failure would leave half a batch. */
  if (sqlite3_get_autocommit (sqlite3_db_handle (stmt)))
    {
      g_critical ("_cp_store_insert_stored() needs an open transaction");
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, deleted ? 1 : 0);
  bind_columns (stmt, record, 5);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return cp_store_set_error_from_db (self, rc, error);

  _cp_record_set_meta (record, created_at, updated_at, deleted);
  _cp_store_queue_changed (self, table, id);
  if (!_cp_store_audit (self, table, id, "create", NULL, NULL, NULL, error))
    return FALSE;
  return !deleted || _cp_store_audit (self, table, id, "delete", "deleted", "0", "1", error);
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

static void
set_pragmas (CpStore *self, const CpStoreBulkPragmas *pragmas)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT ";"
                                          " PRAGMA temp_store = %" G_GINT64_FORMAT ";",
                                          pragmas->cache_size, pragmas->temp_store);

  cp_store_exec (self, sql, NULL);
}

CpStoreBulkPragmas
_cp_store_bulk_begin (CpStore *self, gint64 cache_kib)
{
  CpStoreBulkPragmas saved = {
    read_pragma (self, "PRAGMA cache_size", -2000),
    read_pragma (self, "PRAGMA temp_store", 0),
  };

  /* A negative cache_size counts KiB rather than pages. */
  set_pragmas (self, &(CpStoreBulkPragmas) { -cache_kib, 2 });
  return saved;
}

void
_cp_store_bulk_end (CpStore *self, const CpStoreBulkPragmas *saved)
{
  set_pragmas (self, saved);
}
