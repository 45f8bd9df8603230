/* cp-settings.c — settings kept in the database (the setting table)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cp-settings"

#include "cp-settings.h"

static const char select_sql[] =
  "SELECT id, value FROM setting WHERE key = ?1 AND deleted = 0";
static const char insert_sql[] =
  "INSERT INTO setting (id, created_at, updated_at, deleted, key, value)"
  " VALUES (?1, ?2, ?2, 0, ?3, ?4)"
  " ON CONFLICT (key) DO UPDATE SET value = ?4, updated_at = ?2, deleted = 0";
static const char update_sql[] =
  "UPDATE setting SET value = ?1, updated_at = ?2 WHERE id = ?3";

/* The row id and text of @key, both NULL when unset. */
static gboolean
read_setting (CpStore *store, const char *key, char **id, char **value, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, select_sql, error);
  int rc;

  *id = *value = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *value = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return cp_store_set_error_from_db (store, rc, error);
  return TRUE;
}

gint64
cp_settings_get_int (CpStore *store, const char *key, gint64 fallback)
{
  g_autofree char *id = NULL;
  g_autofree char *value = NULL;
  gint64 number;

  g_return_val_if_fail (CP_IS_STORE (store), fallback);
  g_return_val_if_fail (key != NULL, fallback);

  if (!read_setting (store, key, &id, &value, NULL) || value == NULL)
    return fallback;
  if (!g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL))
    return fallback;
  return number;
}

static gboolean
write_setting (CpStore *store, const char *key, const char *text, GError **error)
{
  g_autofree char *id = NULL;
  g_autofree char *old = NULL;
  g_autofree char *now = cp_store_now_timestamp ();
  sqlite3_stmt *stmt;
  int rc;

  if (!read_setting (store, key, &id, &old, error))
    return FALSE;
  if (g_strcmp0 (old, text) == 0)
    return TRUE;
  if (id != NULL)
    {
      stmt = cp_store_prepare (store, update_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, id, -1, SQLITE_STATIC);
    }
  else
    {
      id = g_uuid_string_random ();
      stmt = cp_store_prepare (store, insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return cp_store_set_error_from_db (store, rc, error);
  _cp_store_queue_changed (store, "setting", id);
  return _cp_store_audit (store, "setting", id, old != NULL ? "update" : "create",
                          key, old, text, error);
}

gboolean
cp_settings_set_int (CpStore *store, const char *key, gint64 value, GError **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  if (!cp_store_begin (store, error))
    return FALSE;
  if (!write_setting (store, key, text, error))
    {
      cp_store_rollback (store);
      return FALSE;
    }
  return cp_store_commit (store, error);
}
