/* cp-store-audit-batch.c — audit rows held back and written together
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of CpStore, for bulk writes (cp-store-bulk.c). SQL is built from
 * constants only; every value is bound.
 */
#define G_LOG_DOMAIN "cp-store"

#include <string.h>

#include "cp-store-audit-batch.h"
#include "cp-uuid.h"

/* One held audit row. Table, action and field names are static
 * strings from code; the row id is copied. */
typedef struct
{
  const char *table;
  char       *row_id;
  const char *action;
  const char *field;
  const char *old_value;
  const char *new_value;
  guint       sequence;   /* keeps "create" before "delete" for one row */
} HeldAudit;

struct _CpStoreAuditBatch
{
  GArray *rows;   /* HeldAudit */
};

static void
held_audit_clear (gpointer data)
{
  g_free (((HeldAudit *) data)->row_id);
}

CpStoreAuditBatch *
_cp_store_audit_batch_new (void)
{
  CpStoreAuditBatch *batch = g_new0 (CpStoreAuditBatch, 1);

  batch->rows = g_array_new (FALSE, FALSE, sizeof (HeldAudit));
  g_array_set_clear_func (batch->rows, held_audit_clear);
  return batch;
}

void
_cp_store_audit_batch_free (CpStoreAuditBatch *batch)
{
  if (batch == NULL)
    return;
  g_array_unref (batch->rows);
  g_free (batch);
}

void
_cp_store_audit_batch_hold (CpStoreAuditBatch *batch, const char *table, const char *row_id,
                            const char *action, const char *field, const char *old_value,
                            const char *new_value)
{
  HeldAudit row = { table, g_strdup (row_id), action, field, old_value, new_value, batch->rows->len };

  g_array_append_val (batch->rows, row);
}

static int
compare_held (gconstpointer a, gconstpointer b)
{
  const HeldAudit *x = a;
  const HeldAudit *y = b;
  int by_row = strcmp (x->row_id, y->row_id);

  if (by_row != 0)
    return by_row;
  return x->sequence < y->sequence ? -1 : x->sequence > y->sequence;
}

/* Rows per INSERT: the audit table's CHECK (action IN (…)) makes SQLite
 * build a small lookup table each time a statement runs, and the
 * search index (FTS5) flushes its pending terms at each statement that
 * needs a statement journal; one statement for many rows pays both once. */
#define AUDIT_ROWS_PER_INSERT 64

static const char *
audit_insert_sql (guint n_rows)
{
  static char *sql[AUDIT_ROWS_PER_INSERT + 1];
  static GMutex lock;
  const char *text;

  g_mutex_lock (&lock);
  if (sql[n_rows] == NULL)
    {
      GString *built = g_string_new ("INSERT INTO audit (id, created_at, updated_at, contributor,"
                                     " table_name, row_id, action, field, old_value, new_value) VALUES ");
      /* ?1 is the time and ?2 the contributor; each row then has seven. */
      for (guint i = 0; i < n_rows; i++)
        {
          guint p = 3 + i * 7;
          g_string_append_printf (built, "%s(?%u, ?1, ?1, ?2, ?%u, ?%u, ?%u, ?%u, ?%u, ?%u)",
                                  i ? ", " : "", p, p + 1, p + 2, p + 3, p + 4, p + 5, p + 6);
        }
      sql[n_rows] = g_string_free (built, FALSE);
    }
  text = sql[n_rows];
  g_mutex_unlock (&lock);
  return text;
}

/* Ids are made here, in the order the rows go in, so the audit table's
 * key index only ever grows at its end (cp-uuid.h). */
static gboolean
write_audit_rows (CpStore *self, const char *when, const HeldAudit *rows, guint n_rows,
                  GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (self, audit_insert_sql (n_rows), error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, when, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cp_store_get_contributor (self), -1, SQLITE_STATIC);
  for (guint i = 0; i < n_rows; i++)
    {
      const HeldAudit *row = &rows[i];
      int first = 3 + (int) i * 7;
      char *id = cp_uuid_v7_string ();

      g_ptr_array_add (ids, id);
      sqlite3_bind_text (stmt, first, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, first + 1, row->table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, first + 2, row->row_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, first + 3, row->action, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, first + 4, row->field, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, first + 5, row->old_value, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, first + 6, row->new_value, -1, SQLITE_STATIC);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return cp_store_set_error_from_db (self, rc, error);
  return TRUE;
}

gboolean
_cp_store_audit_batch_write (CpStore *self, CpStoreAuditBatch *batch, GError **error)
{
  g_autofree char *now = cp_store_now_timestamp ();
  gboolean ok = TRUE;
  guint done = 0;

  g_array_sort (batch->rows, compare_held);
  while (ok && done < batch->rows->len)
    {
      guint n = MIN (AUDIT_ROWS_PER_INSERT, batch->rows->len - done);

      ok = write_audit_rows (self, now, &g_array_index (batch->rows, HeldAudit, done), n, error);
      done += n;
    }
  g_array_set_size (batch->rows, 0);
  return ok;
}
