/* cp-store-records.c — reading and writing any CpRecord
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of CpStore. SQL here is built only from table and property names
 * declared in code, never from user text; every value is bound.
 * Each write and its audit rows commit in one transaction.
 */
#define G_LOG_DOMAIN "cp-store"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cp-store.h"
#include "cp-uuid.h"
#include "cp-store-bulk.h"
#include "cp-store-tombstone.h"
#include "cp-plan-entries.h"
#include "cp-plan-lifecycle.h"

static CpRecordClass *
record_class_for (GType type)
{
  return CP_RECORD_CLASS (g_type_class_peek (type) ? g_type_class_peek (type) : g_type_class_ref (type));
}

/* Shared with cp-store-bulk.c. */
void
_cp_store_bind_value (sqlite3_stmt *stmt, int index, const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);
      if (text == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
    }
  else if (type == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  else if (type == G_TYPE_INT)
    sqlite3_bind_int (stmt, index, g_value_get_int (value));
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));
      sqlite3_bind_text (stmt, index, ev ? ev->value_nick : NULL, -1, SQLITE_STATIC);
    }
  else if (type == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);
      if (bytes == NULL)
        sqlite3_bind_null (stmt, index);
      else
        {
          gsize size;
          gconstpointer data = g_bytes_get_data (bytes, &size);
          sqlite3_bind_blob64 (stmt, index, data ? data : "", size, SQLITE_TRANSIENT);
        }
    }
  else
    g_assert_not_reached ();
}

static void
read_column (sqlite3_stmt *stmt, int column, GValue *value)
{
  GType type = G_VALUE_TYPE (value);
  gboolean is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;

  if (type == G_TYPE_STRING)
    g_value_set_string (value, is_null ? NULL : (const char *) sqlite3_column_text (stmt, column));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
  else if (type == G_TYPE_INT)
    g_value_set_int (value, sqlite3_column_int (stmt, column));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      const char *nick = (const char *) sqlite3_column_text (stmt, column);
      GEnumValue *ev = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;
      if (ev != NULL)
        g_value_set_enum (value, ev->value);
    }
  else if (type == G_TYPE_BYTES)
    {
      if (is_null)
        g_value_set_boxed (value, NULL);
      else
        g_value_take_boxed (value, g_bytes_new (sqlite3_column_blob (stmt, column),
                                                sqlite3_column_bytes (stmt, column)));
    }
  else
    g_assert_not_reached ();
}

/* GLib compares boxed values by pointer, so two GBytes holding the same
 * receipt would always look changed: a needless write and audit row. */
static gboolean
values_equal (GParamSpec *pspec, const GValue *a, const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_BYTES))
    {
      GBytes *x = g_value_get_boxed (a);
      GBytes *y = g_value_get_boxed (b);

      return (x == NULL || y == NULL) ? x == y : g_bytes_equal (x, y);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* How a value reads in the audit trail. */
static char *
value_to_audit_text (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "1" : "0");
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));
      return g_strdup (ev ? ev->value_nick : NULL);
    }
  if (type == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);
      return bytes ? g_strdup_printf ("%" G_GSIZE_FORMAT " bytes", g_bytes_get_size (bytes)) : NULL;
    }
  g_assert_not_reached ();
  return NULL;
}

/* "id, created_at, updated_at, deleted, col1, col2 …" for a type. */
char *
cp_store_select_columns (GType type)
{
  GPtrArray *columns = cp_record_class_columns (record_class_for (type));
  GString *sql = g_string_new ("id, created_at, updated_at, deleted");

  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *name = cp_record_column_name (g_ptr_array_index (columns, i));
      g_string_append_printf (sql, ", %s", name);
    }
  return g_string_free (sql, FALSE);
}

/**
 * cp_store_record_from_row:
 * @stmt: a statement positioned on a row selected with
 *   cp_store_select_columns()
 *
 * Returns: (transfer full): a new record holding the row's values
 */
CpRecord *
cp_store_record_from_row (CpStore *self, GType type, sqlite3_stmt *stmt)
{
  CpRecord *record = g_object_new (type, "id", sqlite3_column_text (stmt, 0), NULL);
  GPtrArray *columns = cp_record_class_columns (CP_RECORD_GET_CLASS (record));

  _cp_record_set_meta (record,
                       (const char *) sqlite3_column_text (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2),
                       sqlite3_column_int (stmt, 3) != 0);
  g_object_freeze_notify (G_OBJECT (record));
  for (guint i = 0; i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_param_value_set_default (pspec, &value);
      read_column (stmt, (int) i + 4, &value);
      g_object_set_property (G_OBJECT (record), pspec->name, &value);
    }
  g_object_thaw_notify (G_OBJECT (record));
  return record;
}

gboolean
_cp_store_write_audit_row (CpStore *self, const char *when, const char *table, const char *row_id,
                           const char *action, const char *field, const char *old_value,
                           const char *new_value, GError **error)
{
  /* Time-ordered ids: the audit table only grows, and its key index
   * then grows at its end instead of splitting pages everywhere. */
  g_autofree char *id = cp_uuid_v7_string ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = cp_store_prepare (self,
                           "INSERT INTO audit (id, created_at, updated_at, contributor, table_name,"
                           " row_id, action, field, old_value, new_value)"
                           " VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, when, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, cp_store_get_contributor (self), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, new_value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cp_store_set_error_from_db (self, rc, error);
  return TRUE;
}

gboolean
_cp_store_audit (CpStore *self, const char *table, const char *row_id, const char *action,
                 const char *field, const char *old_value, const char *new_value, GError **error)
{
  g_autofree char *now = cp_store_now_timestamp ();

  return _cp_store_write_audit_row (self, now, table, row_id, action, field, old_value, new_value,
                                    error);
}

/* Runs one write step with its audit inside a transaction of its own,
 * or inside the caller's. */
typedef gboolean (*WriteFunc) (CpStore *self, CpRecord *record, GError **error);

static gboolean
in_transaction (CpStore *self, CpRecord *record, WriteFunc func, GError **error)
{
  if (!cp_store_begin (self, error))
    return FALSE;
  if (!func (self, record, error))
    {
      cp_store_rollback (self);
      return FALSE;
    }
  return cp_store_commit (self, error);
}

/* The INSERT text of a type, built once and kept with the type: bulk
 * writers (the demo, imports) insert millions of rows, and rebuilding it
 * per row cost more than binding the values. Columns are fixed once the
 * class is initialised. @deleted is the SQL for the deleted column: "0"
 * for a new row, "?" where the caller binds it (imports keep tombstones);
 * @n_rows rows of values, for a batch of rows in one statement. Each
 * variant is cached under its own @cache_name. */
const char *
_cp_store_insert_sql (CpRecordClass *klass, const char *deleted, guint n_rows, const char *cache_name)
{
  G_LOCK_DEFINE_STATIC (insert_sql);
  GType type = G_TYPE_FROM_CLASS (klass);
  GQuark quark = g_quark_from_string (cache_name);
  GPtrArray *columns;
  GString *sql;
  const char *cached;

  G_LOCK (insert_sql);
  cached = g_type_get_qdata (type, quark);
  if (cached != NULL)
    {
      G_UNLOCK (insert_sql);
      return cached;
    }
  columns = cp_record_class_columns (klass);
  sql = g_string_new (NULL);
  g_string_printf (sql, "INSERT INTO %s (id, created_at, updated_at, deleted", klass->table);
  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *name = cp_record_column_name (g_ptr_array_index (columns, i));
      g_string_append_printf (sql, ", %s", name);
    }
  g_string_append (sql, ") VALUES ");
  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append_printf (sql, "%s(?, ?, ?, %s", row ? ", " : "", deleted);
      for (guint i = 0; i < columns->len; i++)
        g_string_append (sql, ", ?");
      g_string_append (sql, ")");
    }
  /* Kept for the life of the process, like the type itself. */
  cached = g_string_free (sql, FALSE);
  g_type_set_qdata (type, quark, (gpointer) cached);
  G_UNLOCK (insert_sql);
  return cached;
}

static const char *
insert_sql_for (CpRecordClass *klass)
{
  return _cp_store_insert_sql (klass, "0", 1, "cp-store-insert-sql");
}

static gboolean
insert_row (CpStore *self, CpRecord *record, GError **error)
{
  CpRecordClass *klass = CP_RECORD_GET_CLASS (record);
  GPtrArray *columns = cp_record_class_columns (klass);
  g_autofree char *now = cp_store_now_timestamp ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = cp_store_prepare (self, insert_sql_for (klass), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cp_record_get_id (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  for (guint i = 0; i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (record), pspec->name, &value);
      _cp_store_bind_value (stmt, (int) i + 4, &value);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cp_store_set_error_from_db (self, rc, error);

  _cp_record_set_meta (record, now, now, FALSE);
  _cp_store_queue_changed (self, klass->table, cp_record_get_id (record));
  return _cp_store_audit (self, klass->table, cp_record_get_id (record), "create",
                          NULL, NULL, NULL, error);
}

/**
 * cp_store_insert:
 *
 * Stores a new record under its id, with an audit row, in one
 * transaction. A record that breaks a rule is refused and nothing is
 * written.
 */
gboolean
cp_store_insert (CpStore *self, CpRecord *record, GError **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (CP_IS_RECORD (record), FALSE);

  if (!cp_record_validate (record, error) || !cp_plan_content_check (record, error))
    return FALSE;
  /* Nothing is added to an agreed plan's content (cp-plan-lifecycle.c). */
  if (!_cp_plan_guard_write (self, record, "insert", error))
    return FALSE;
  return in_transaction (self, record, insert_row, error);
}

static gboolean
update_changed_field (CpStore *self, CpRecord *record, GParamSpec *pspec,
                      const GValue *old_value, const GValue *new_value, const char *now,
                      GError **error)
{
  const char *table = CP_RECORD_GET_CLASS (record)->table;
  g_autofree char *column = cp_record_column_name (pspec);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?, updated_at = ? WHERE id = ?",
                                          table, column);
  g_autofree char *old_text = value_to_audit_text (old_value);
  g_autofree char *new_text = value_to_audit_text (new_value);
  sqlite3_stmt *stmt = cp_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _cp_store_bind_value (stmt, 1, new_value);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, cp_record_get_id (record), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cp_store_set_error_from_db (self, rc, error);
  return _cp_store_audit (self, table, cp_record_get_id (record), "update",
                          column, old_text, new_text, error);
}

/* A fixed property (CpRecordClass.fixed_properties) keeps its stored value. */
static gboolean
check_fixed (CpRecord *record, GParamSpec *pspec, GError **error)
{
  const char *const *fixed = CP_RECORD_GET_CLASS (record)->fixed_properties;
  g_autofree char *words = NULL;

  if (fixed == NULL || !g_strv_contains (fixed, pspec->name))
    return TRUE;
  /* "amount-pence" reads as "amount", "budget-line-id" as "budget line". */
  words = g_strdup (pspec->name);
  if (g_str_has_suffix (words, "-pence") || g_str_has_suffix (words, "-id"))
    *strrchr (words, '-') = '\0';
  g_strdelimit (words, "-", ' ');
  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
               _("The %s of a stored %s cannot be changed. "
                 "Correct it with a reversing entry instead."),
               words, CP_RECORD_GET_CLASS (record)->table);
  return FALSE;
}

/* Compares the record with its stored row and writes only the fields
 * that differ, each with an audit row holding the old and new value. */
static gboolean
update_row (CpStore *self, CpRecord *record, GError **error)
{
  GType type = G_OBJECT_TYPE (record);
  GPtrArray *columns = cp_record_class_columns (CP_RECORD_GET_CLASS (record));
  g_autoptr(CpRecord) stored = cp_store_load (self, type, cp_record_get_id (record), error);
  g_autofree char *now = cp_store_now_timestamp ();
  gboolean changed = FALSE;

  if (stored == NULL)
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;

      g_value_init (&old_value, pspec->value_type);
      g_value_init (&new_value, pspec->value_type);
      g_object_get_property (G_OBJECT (stored), pspec->name, &old_value);
      g_object_get_property (G_OBJECT (record), pspec->name, &new_value);
      if (values_equal (pspec, &old_value, &new_value))
        continue;
      if (!check_fixed (record, pspec, error))
        return FALSE;
      if (!update_changed_field (self, record, pspec, &old_value, &new_value, now, error))
        return FALSE;
      changed = TRUE;
    }
  if (changed)
    {
      _cp_record_set_meta (record, cp_record_get_created_at (stored), now, cp_record_get_deleted (stored));
      _cp_store_queue_changed (self, CP_RECORD_GET_CLASS (record)->table, cp_record_get_id (record));
    }
  return TRUE;
}

gboolean
cp_store_update (CpStore *self, CpRecord *record, GError **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (CP_IS_RECORD (record), FALSE);

  if (CP_RECORD_GET_CLASS (record)->immutable)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("An agreed %s cannot be changed: what was signed stays as it was signed. "
                     "Make a new draft instead."), CP_RECORD_GET_CLASS (record)->table);
      return FALSE;
    }
  if (!cp_record_validate (record, error) || !cp_plan_content_check (record, error))
    return FALSE;
  /* An agreed plan's content is what was signed (cp-plan-lifecycle.c). */
  if (!_cp_plan_guard_write (self, record, "update", error))
    return FALSE;
  return in_transaction (self, record, update_row, error);
}

/* Sets the row's tombstone to @deleted, with a fresh updated_at, the
 * record's meta, the change signal and an audit row: "delete" 0 → 1,
 * or "update" 1 → 0 when an undo brings the row back. */
static gboolean
set_deleted_row (CpStore *self, CpRecord *record, gboolean deleted, GError **error)
{
  const char *table = CP_RECORD_GET_CLASS (record)->table;
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET deleted = %d, updated_at = ?"
                                          " WHERE id = ? AND deleted = %d", table, !!deleted, !deleted);
  g_autofree char *now = cp_store_now_timestamp ();
  sqlite3_stmt *stmt = cp_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cp_record_get_id (record), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return cp_store_set_error_from_db (self, rc, error);
  if (sqlite3_changes (cp_store_get_db (self)) == 0)
    {
      if (deleted)
        g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                     _("There is nothing to delete: the %s was not found or is already deleted."), table);
      else
        g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                     _("There is nothing to bring back: the %s was not found or is not deleted."), table);
      return FALSE;
    }
  _cp_record_set_meta (record, cp_record_get_created_at (record), now, deleted);
  _cp_store_queue_changed (self, table, cp_record_get_id (record));
  return _cp_store_audit (self, table, cp_record_get_id (record), deleted ? "delete" : "update",
                          "deleted", deleted ? "0" : "1", deleted ? "1" : "0", error);
}

static gboolean
tombstone_row (CpStore *self, CpRecord *record, GError **error)
{
  return set_deleted_row (self, record, TRUE, error);
}

static gboolean
revive_row (CpStore *self, CpRecord *record, GError **error)
{
  return set_deleted_row (self, record, FALSE, error);
}

/* cp_store_tombstone() and cp_store_revive() (cp-undo.c): the same rules
 * both ways, so agreed plan content keeps its tombstone as it was signed. */
gboolean
_cp_store_set_deleted (CpStore *self, CpRecord *record, gboolean deleted, GError **error)
{
  if (!_cp_plan_guard_write (self, record, deleted ? "delete" : "update", error))
    return FALSE;
  return in_transaction (self, record, deleted ? tombstone_row : revive_row, error);
}

/**
 * cp_store_tombstone:
 *
 * Marks the record deleted. The row stays, so sync and import can tell
 * a deletion from a record they have never seen.
 */
gboolean
cp_store_tombstone (CpStore *self, CpRecord *record, GError **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (CP_IS_RECORD (record), FALSE);

  return _cp_store_set_deleted (self, record, TRUE, error);
}

/**
 * cp_store_load:
 *
 * Returns: (transfer full) (nullable): the record with @id, tombstoned
 * or not, or %NULL with %CP_STORE_ERROR_NOT_FOUND
 */
gpointer
cp_store_load (CpStore *self, GType type, const char *id, GError **error)
{
  CpRecordClass *klass;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  CpRecord *record = NULL;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, CP_TYPE_RECORD), NULL);

  klass = record_class_for (type);
  columns = cp_store_select_columns (type);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", columns, klass->table);
  stmt = cp_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = cp_store_record_from_row (self, type, stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                 _("No %s has the id “%s”."), klass->table, id ? id : "");
  else
    cp_store_set_error_from_db (self, rc, error);
  sqlite3_reset (stmt);
  return record;
}

/* Live (not tombstoned) rows of a type, optionally under one parent. */
gint64
cp_store_count (CpStore *self, GType type, const char *parent_id)
{
  CpRecordClass *klass;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (CP_IS_STORE (self), 0);
  klass = record_class_for (type);
  if (parent_id != NULL && klass->parent_column != NULL)
    sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted = 0 AND %s = ?",
                           klass->table, klass->parent_column);
  else
    sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted = 0", klass->table);
  stmt = cp_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return 0;
  if (parent_id != NULL && klass->parent_column != NULL)
    sqlite3_bind_text (stmt, 1, parent_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}
