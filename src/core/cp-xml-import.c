/* cp-xml-import.c — bringing Coplan XML into the database, safely
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cp-xml"

#include <glib/gi18n-lib.h>

#include "cp-money.h"
#include "cp-plan-lifecycle.h"
#include "cp-store-bulk.h"
#include "cp-xml-import-private.h"

G_DEFINE_FINAL_TYPE (CpXmlImport, cp_xml_import, G_TYPE_OBJECT)

static void
pending_free (gpointer data)
{
  CpXmlPending *p = data;

  g_clear_object (&p->record);
  g_free (p->created);
  g_free (p->updated);
  g_free (p->stored_updated);
  g_free (p);
}

static void
person_free (gpointer data)
{
  CpXmlPerson *person = data;

  g_free (person->name);
  g_free (person);
}

void
_cp_xml_import_reset (CpXmlImport *self)
{
  self->ready = FALSE;
  g_ptr_array_set_size (self->pending, 0);
  g_ptr_array_set_size (self->people, 0);
  g_hash_table_remove_all (self->file_ids);
  g_hash_table_remove_all (self->counts);
  g_hash_table_remove_all (self->empty_tables);
  memset (self->totals, 0, sizeof self->totals);
  g_string_truncate (self->problems, 0);
  self->n_problems = 0;
}

void
_cp_xml_import_problem (CpXmlImport *self, long line, const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  self->n_problems++;
  if (self->n_problems > CP_XML_MAX_PROBLEMS)
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (self->problems->len > 0)
    g_string_append_c (self->problems, '\n');
  g_string_append_printf (self->problems, _("Line %ld: %s"), line, text);
}

static void
cp_xml_import_finalize (GObject *object)
{
  CpXmlImport *self = CP_XML_IMPORT (object);

  g_clear_object (&self->store);
  g_ptr_array_unref (self->pending);
  g_ptr_array_unref (self->people);
  g_hash_table_unref (self->file_ids);
  g_hash_table_unref (self->counts);
  g_hash_table_unref (self->empty_tables);
  g_string_free (self->problems, TRUE);
  G_OBJECT_CLASS (cp_xml_import_parent_class)->finalize (object);
}

static void
cp_xml_import_class_init (CpXmlImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_xml_import_finalize;
}

static void
cp_xml_import_init (CpXmlImport *self)
{
  self->max_bytes = CP_XML_IMPORT_MAX_BYTES;
  self->pending = g_ptr_array_new_with_free_func (pending_free);
  self->people = g_ptr_array_new_with_free_func (person_free);
  self->file_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  /* Keys are the record classes' own table names. */
  self->empty_tables = g_hash_table_new (g_str_hash, g_str_equal);
  self->problems = g_string_new (NULL);
}

CpXmlImport *
cp_xml_import_new (CpStore *store)
{
  CpXmlImport *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  self = g_object_new (CP_TYPE_XML_IMPORT, NULL);
  self->store = g_object_ref (store);
  return self;
}

void
cp_xml_import_set_max_bytes (CpXmlImport *self, gsize max_bytes)
{
  g_return_if_fail (CP_IS_XML_IMPORT (self));
  self->max_bytes = MIN (max_bytes, CP_XML_IMPORT_MAX_BYTES);
}

static gboolean
refuse_size (CpXmlImport *self, guint64 size, GError **error)
{
  g_autofree char *limit = NULL;

  if (size <= self->max_bytes)
    return FALSE;
  limit = g_format_size (self->max_bytes);
  g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_TOO_LARGE,
               _("This file is larger than %s, more than Coplan imports, so it was not read."), limit);
  return TRUE;
}

/* The preview looks up every record by id, all in one read transaction:
 * every lookup sees the same committed state even if another connection
 * saves meanwhile, and SQLite takes its file locks once, not once per
 * lookup (four fcntl calls each). A plain (deferred) BEGIN takes no
 * write lock, so it works on a read-only store too and keeps no writer
 * waiting; nothing is written, and it is rolled back. Inside a caller's
 * transaction, that one serves. */
static gboolean
compare_in_one_read (CpXmlImport *self, const char *data, gsize size, GError **error)
{
  gboolean in_read = sqlite3_get_autocommit (cp_store_get_db (self->store)) &&
                     cp_store_exec (self->store, "BEGIN", NULL);
  gboolean ok = _cp_xml_import_plan (self, data, size, error);

  if (in_read)
    cp_store_exec (self->store, "ROLLBACK", NULL);
  return ok;
}

gboolean
cp_xml_import_read_bytes (CpXmlImport *self, GBytes *bytes, GError **error)
{
  gsize size;
  const char *data;
  gboolean ok;

  g_return_val_if_fail (CP_IS_XML_IMPORT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  _cp_xml_import_reset (self);
  data = g_bytes_get_data (bytes, &size);
  if (refuse_size (self, size, error))
    return FALSE;
  ok = compare_in_one_read (self, data ? data : "", size, error);
  if (!ok)
    _cp_xml_import_reset (self);
  self->ready = ok;
  return ok;
}

/* The size is checked before reading and again after, in case the file
 * grew in between: nothing larger than the cap is ever parsed. */
gboolean
cp_xml_import_read_file (CpXmlImport *self, GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (CP_IS_XML_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  _cp_xml_import_reset (self);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_NOT_XML,
                   _("This is not a file that can be imported."));
      return FALSE;
    }
  if (refuse_size (self, (guint64) g_file_info_get_size (info), error) ||
      !g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return FALSE;
  bytes = g_bytes_new_take (contents, length);
  self->cancellable = cancellable;
  ok = cp_xml_import_read_bytes (self, bytes, error);
  self->cancellable = NULL;
  return ok;
}

guint
cp_xml_import_count (CpXmlImport *self, const char *element, CpXmlChange change)
{
  guint *counts;

  g_return_val_if_fail (CP_IS_XML_IMPORT (self), 0);
  g_return_val_if_fail (change < CP_XML_N_CHANGES, 0);
  if (element == NULL)
    return self->totals[change];
  counts = g_hash_table_lookup (self->counts, element);
  return counts ? counts[change] : 0;
}

guint
cp_xml_import_get_n_people (CpXmlImport *self)
{
  g_return_val_if_fail (CP_IS_XML_IMPORT (self), 0);
  return self->people->len;
}

guint
cp_xml_import_count_people (CpXmlImport *self, CpXmlChange change)
{
  guint n = 0;

  g_return_val_if_fail (CP_IS_XML_IMPORT (self), 0);
  for (guint i = 0; i < self->people->len; i++)
    n += ((CpXmlPerson *) g_ptr_array_index (self->people, i))->change == change;
  return n;
}

const char *
cp_xml_import_get_person_name (CpXmlImport *self, guint index)
{
  g_return_val_if_fail (CP_IS_XML_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->people->len, NULL);
  return ((CpXmlPerson *) g_ptr_array_index (self->people, index))->name;
}

CpXmlChange
cp_xml_import_get_person_change (CpXmlImport *self, guint index)
{
  g_return_val_if_fail (CP_IS_XML_IMPORT (self), CP_XML_CHANGE_UNCHANGED);
  g_return_val_if_fail (index < self->people->len, CP_XML_CHANGE_UNCHANGED);
  return ((CpXmlPerson *) g_ptr_array_index (self->people, index))->change;
}

gboolean
cp_xml_import_has_changes (CpXmlImport *self)
{
  g_return_val_if_fail (CP_IS_XML_IMPORT (self), FALSE);
  return self->pending->len > 0;
}

char *
cp_xml_import_dup_summary (CpXmlImport *self)
{
  guint added = cp_xml_import_count_people (self, CP_XML_CHANGE_ADD);
  guint updated = cp_xml_import_count_people (self, CP_XML_CHANGE_UPDATE);
  guint unchanged = cp_xml_import_count_people (self, CP_XML_CHANGE_UNCHANGED);
  g_autofree char *n_added = cp_format_count (added);
  g_autofree char *n_updated = cp_format_count (updated);
  g_autofree char *n_unchanged = cp_format_count (unchanged);
  /* Translators: %s is a count such as "1,000". */
  g_autofree char *add_text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "add %s person", "add %s people", added), n_added);
  g_autofree char *update_text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "update %s", "update %s", updated), n_updated);
  g_autofree char *same_text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "leave %s unchanged", "leave %s unchanged", unchanged),
                     n_unchanged);

  g_return_val_if_fail (CP_IS_XML_IMPORT (self), NULL);
  /* Translators: the three parts are "add 2 people", "update 1" and
   * "leave 3 unchanged". */
  return g_strdup_printf (_("Will %s, %s and %s."), add_text, update_text, same_text);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static const char *
change_word (CpXmlChange change)
{
  switch (change)
    {
    case CP_XML_CHANGE_ADD: return _("added");
    case CP_XML_CHANGE_UPDATE: return _("updated");
    default: return _("unchanged");
    }
}

char *
cp_xml_import_dup_details (CpXmlImport *self)
{
  g_autofree char *summary = cp_xml_import_dup_summary (self);
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  GString *text = g_string_new (summary);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (elements, key);

  g_string_append_printf (text, "\n%s\n", _("Records:"));
  g_ptr_array_sort (elements, compare_strings);
  for (guint i = 0; i < elements->len; i++)
    {
      const char *element = g_ptr_array_index (elements, i);
      guint *n = g_hash_table_lookup (self->counts, element);

      g_string_append_printf (text, _("  %s: %u to add, %u to update, %u unchanged\n"),
                              element, n[CP_XML_CHANGE_ADD], n[CP_XML_CHANGE_UPDATE],
                              n[CP_XML_CHANGE_UNCHANGED]);
    }
  g_string_append_printf (text, "%s\n", _("People:"));
  for (guint i = 0; i < self->people->len; i++)
    {
      CpXmlPerson *person = g_ptr_array_index (self->people, i);
      g_string_append_printf (text, _("  %s (%s): %u to add, %u to update, %u unchanged\n"),
                              person->name, change_word (person->change), person->counts[CP_XML_CHANGE_ADD],
                              person->counts[CP_XML_CHANGE_UPDATE], person->counts[CP_XML_CHANGE_UNCHANGED]);
    }
  return g_string_free (text, FALSE);
}

/* The file's created/updated times (and a tombstone arriving with a
 * new row) are kept, so the row reads back exactly as exported. */
static gboolean
keep_file_meta (CpXmlImport *self, CpXmlPending *p, gboolean set_deleted, GError **error)
{
  /* Naming `deleted` in the SET list fires the search-index triggers
   * even when it keeps its value, so it is named only when it changes. */
  g_autofree char *sql = set_deleted
    ? g_strdup_printf ("UPDATE %s SET created_at = ?1, updated_at = ?2, deleted = ?4"
                       " WHERE id = ?5", p->kind->table)
    : g_strdup_printf ("UPDATE %s SET created_at = ?1, updated_at = ?2"
                       " WHERE id = ?5", p->kind->table);
  sqlite3_stmt *stmt = cp_store_prepare (self->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, p->created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, p->updated, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, p->deleted);
  sqlite3_bind_text (stmt, 5, cp_record_get_id (p->record), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return cp_store_set_error_from_db (self->store, rc, error);
  return TRUE;
}

/* Inside apply_all()'s transaction, which any failure rolls back: no
 * savepoint per record, and rows are written many to a statement, with
 * the file's times and tombstones (audit rows "create", and "delete"
 * for one). An agreed plan arrives before its entries, so the lock on
 * adding to agreed content is lifted for new rows only; updates stay
 * guarded. */
static gboolean
apply_added (CpXmlImport *self, CpXmlPending *p, CpStoreBulkInsert *bulk, GError **error)
{
  gboolean ok;

  cp_plan_guard_suspend (self->store);
  ok = _cp_store_bulk_insert_add (bulk, p->record, p->created, p->updated, p->deleted, p, error);
  cp_plan_guard_resume (self->store);
  return ok;
}

/* Revives a record deleted here that the file holds live. */
static gboolean
apply_revival (CpXmlImport *self, CpXmlPending *p, GError **error)
{
  return keep_file_meta (self, p, TRUE, error) &&
         _cp_store_audit (self->store, p->kind->table, cp_record_get_id (p->record), "update",
                          "deleted", "1", "0", error);
}

/* The preview said what this update would change; if the row has been
 * edited here since the file was read, that is no longer true. */
static gboolean
unchanged_since_read (CpXmlImport *self, CpXmlPending *p, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT updated_at FROM %s WHERE id = ?1", p->kind->table);
  sqlite3_stmt *stmt = cp_store_prepare (self->store, sql, error);
  gboolean same;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cp_record_get_id (p->record), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  same = rc == SQLITE_ROW &&
         g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), p->stored_updated) == 0;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return cp_store_set_error_from_db (self->store, rc, error);
  if (!same)
    g_set_error_literal (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_CONFLICT,
                         _("it was changed here after the file was read. Read the file again to see "
                           "what the import would change now."));
  return same;
}

static gboolean
apply_updated (CpXmlImport *self, CpXmlPending *p, GError **error)
{
  if (!unchanged_since_read (self, p, error))
    return FALSE;
  if (!p->kind->klass->immutable && !cp_store_update (self->store, p->record, error))
    return FALSE;
  if (p->deleted && !p->was_deleted && !cp_store_tombstone (self->store, p->record, error))
    return FALSE;
  if (!p->deleted && p->was_deleted)
    return apply_revival (self, p, error);
  return keep_file_meta (self, p, FALSE, error);
}

/* The error names the record that could not be written. */
static void
set_apply_error (CpXmlPending *p, GError *local_error, GError **error)
{
  g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_CONFLICT,
               _("Line %ld: the <%s> could not be stored, so nothing was imported: %s"),
               p->line, p->kind->element, local_error ? local_error->message : "");
}

/* New rows wait in @bulk; an update first writes what waits, so the
 * file's order is kept. */
static gboolean
apply_one (CpXmlImport *self, CpXmlPending *p, CpStoreBulkInsert *bulk, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (p->change == CP_XML_CHANGE_ADD)
    return apply_added (self, p, bulk, error);
  if (!_cp_store_bulk_insert_flush (bulk, error))
    return FALSE;
  if (apply_updated (self, p, &local_error))
    return TRUE;
  set_apply_error (p, local_error, error);
  return FALSE;
}

static gboolean
write_changes (CpXmlImport *self, GError **error)
{
  g_autoptr(CpStoreAuditBatch) audit = _cp_store_audit_batch_new ();
  g_autoptr(CpStoreBulkInsert) bulk = _cp_store_bulk_insert_new (self->store, audit);
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < self->pending->len; i++)
    ok = apply_one (self, g_ptr_array_index (self->pending, i), bulk, &local_error);
  ok = ok && _cp_store_bulk_insert_flush (bulk, &local_error) &&
       _cp_store_audit_batch_write (self->store, audit, &local_error);
  if (ok)
    return TRUE;
  if (_cp_store_bulk_insert_failed_tag (bulk) != NULL &&
      !g_error_matches (local_error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_CONFLICT))
    set_apply_error (_cp_store_bulk_insert_failed_tag (bulk), local_error, error);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
apply_all (CpXmlImport *self, GError **error)
{
  if (!cp_store_begin (self->store, error))
    return FALSE;
  /* Rows may point at rows later in the file (a reversal at a later
   * payment); every reference was checked while building the preview,
   * and the commit checks them again. */
  if (!cp_store_exec (self->store, "PRAGMA defer_foreign_keys = ON", error) ||
      !write_changes (self, error))
    {
      cp_store_rollback (self->store);
      return FALSE;
    }
  return cp_store_commit (self->store, error);
}

gboolean
cp_xml_import_apply_to (CpXmlImport *self, CpStore *store, GError **error)
{
  g_return_val_if_fail (CP_IS_XML_IMPORT (self), FALSE);
  g_return_val_if_fail (CP_IS_STORE (store), FALSE);

  g_set_object (&self->store, store);
  return cp_xml_import_apply (self, error);
}

gboolean
cp_xml_import_apply (CpXmlImport *self, GError **error)
{
  CpStoreBulkPragmas saved;
  gboolean ok;

  g_return_val_if_fail (CP_IS_XML_IMPORT (self), FALSE);

  if (!self->ready)
    {
      g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_INVALID,
                   _("No file has been read for import."));
      return FALSE;
    }
  /* New records go in without savepoints (CpStoreBulkInsert), but
   * updates still take one each, whose undo pages SQLite keeps in a
   * temporary file by default: in memory, and with a larger cache, a big
   * import writes each page once. */
  saved = _cp_store_bulk_begin (self->store, 65536);
  ok = apply_all (self, error);
  _cp_store_bulk_end (self->store, &saved);
  if (ok)
    self->ready = FALSE;
  return ok;
}
