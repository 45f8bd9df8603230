/* test-store.c — opening, migrating, locking and transactions of CpStore
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>

#include "cp-test-util.h"

#define PERSON_ID "00000000-0000-4000-8000-000000000001"
#define CONTRIBUTOR_ID "00000000-0000-4000-8000-000000000002"
#define PLAN_ID "00000000-0000-4000-8000-000000000003"
#define OUTCOME_ID "00000000-0000-4000-8000-000000000004"
#define STREAM_ID "00000000-0000-4000-8000-000000000005"
#define PAYMENT_ID "00000000-0000-4000-8000-000000000006"

/* Counts "changed" emissions and notes whether each came after commit. */
typedef struct
{
  GPtrArray *tables;
  GPtrArray *ids;
  guint      in_transaction;
} ChangeLog;

static void
change_log_init (ChangeLog *log)
{
  log->tables = g_ptr_array_new_with_free_func (g_free);
  log->ids = g_ptr_array_new_with_free_func (g_free);
  log->in_transaction = 0;
}

static void
change_log_clear (ChangeLog *log)
{
  g_ptr_array_unref (log->tables);
  g_ptr_array_unref (log->ids);
}

static void
changed_cb (CpStore *store, const char *table, const char *id, ChangeLog *log)
{
  g_ptr_array_add (log->tables, g_strdup (table));
  g_ptr_array_add (log->ids, g_strdup (id));
  if (!sqlite3_get_autocommit (cp_store_get_db (store)))
    log->in_transaction++;
}

static gboolean
change_log_has_id (ChangeLog *log, const char *id)
{
  for (guint i = 0; i < log->ids->len; i++)
    if (g_str_equal (g_ptr_array_index (log->ids, i), id))
      return TRUE;
  return FALSE;
}

static char *
query_pragma_text (CpStore *store, const char *sql)
{
  return cp_test_query_text (store, sql, NULL);
}

/* Every table, index and its SQL, so two databases can be compared. */
static char *
dump_schema (CpStore *store)
{
  return cp_test_query_text (store,
                             "SELECT group_concat (entry, char (10)) FROM"
                             " (SELECT type || ' ' || name || ' ' || ifnull (sql, '') AS entry"
                             "  FROM sqlite_master ORDER BY type, name)", NULL);
}

static void
assert_mode (const char *path, guint expected)
{
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (cp_test_file_mode (path), ==, expected);
}

/* --- opening ------------------------------------------------------- */

static void
test_default_path_private (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = NULL;
  g_autofree char *path = cp_store_default_path ();
  g_autofree char *expected = g_build_filename (g_getenv ("XDG_DATA_HOME"), "coplan", "coplan.db", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  mode_t old_umask = umask (022);

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  store = cp_test_open_store ();
  g_assert_cmpstr (cp_store_get_path (store), ==, expected);
  g_assert_false (cp_store_is_read_only (store));
  g_assert_cmpuint (cp_store_get_schema_version (store), ==, cp_schema_latest_version ());

  /* A write makes sure the WAL and shared-memory files are in use. */
  g_object_unref (cp_test_add_person (store, "Ada", "Lovelace"));

  assert_mode (dir, 0700);
  assert_mode (path, 0600);
  assert_mode (wal, 0600);
  assert_mode (shm, 0600);
  umask (old_umask);
}

/* Files an older release left readable by others are made private. */
static void
test_existing_files_tightened (gpointer fixture, gconstpointer data)
{
  g_autofree char *path = cp_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  /* The app passes the default path by name rather than NULL. */
  store = cp_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (cp_test_add_person (store, "Older", "Release"));
  assert_mode (dir, 0700);
  assert_mode (path, 0600);
  assert_mode (wal, 0600);
  assert_mode (shm, 0600);
  umask (old_umask);
}

static void
test_pragmas (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autofree char *journal = query_pragma_text (store, "PRAGMA journal_mode");

  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (cp_test_query_int (store, "PRAGMA synchronous", NULL), ==, 2);
  g_assert_cmpint (cp_test_query_int (store, "PRAGMA foreign_keys", NULL), ==, 1);
  g_assert_cmpint (cp_test_query_int (store, "PRAGMA user_version", NULL), ==,
                   cp_schema_latest_version ());
}

/* --- migrations ---------------------------------------------------- */

/* Rows as a release at @version wrote them, with raw SQL naming only
 * the columns that version had. */
static void
insert_rows_of_version (CpStore *store, guint version)
{
  g_autoptr(GError) error = NULL;

  if (version >= 1)
    cp_store_exec (store,
                   "INSERT INTO person (id, created_at, updated_at, given_name, family_name,"
                   " nhs_number, date_of_birth) VALUES ('" PERSON_ID "', '2020-01-01T00:00:00Z',"
                   " '2020-01-01T00:00:00Z', 'Grace', 'Hopper', '9434765919', '1906-12-09');"
                   "INSERT INTO contributor (id, created_at, updated_at, name, voice)"
                   " VALUES ('" CONTRIBUTOR_ID "', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z',"
                   " 'Alan', 'advocate');",
                   &error);
  g_assert_no_error (error);
  if (version >= 2)
    cp_store_exec (store,
                   "INSERT INTO plan (id, created_at, updated_at, person_id, title, status)"
                   " VALUES ('" PLAN_ID "', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z',"
                   " '" PERSON_ID "', 'My plan', 'agreed');"
                   "INSERT INTO outcome (id, created_at, updated_at, plan_id, description)"
                   " VALUES ('" OUTCOME_ID "', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z',"
                   " '" PLAN_ID "', 'Go swimming');",
                   &error);
  g_assert_no_error (error);
  if (version >= 3)
    cp_store_exec (store,
                   "INSERT INTO funding_stream (id, created_at, updated_at, plan_id, funder,"
                   " agreed_pence) VALUES ('" STREAM_ID "', '2022-01-01T00:00:00Z',"
                   " '2022-01-01T00:00:00Z', '" PLAN_ID "', 'social-care', 1234567);",
                   &error);
  g_assert_no_error (error);
}

static void
check_rows_of_version (CpStore *store, guint version)
{
  g_autoptr(GError) error = NULL;

  if (version >= 1)
    {
      g_autoptr(CpRecord) person = cp_store_load (store, CP_TYPE_PERSON, PERSON_ID, &error);
      g_autoptr(CpRecord) contributor = cp_store_load (store, CP_TYPE_CONTRIBUTOR, CONTRIBUTOR_ID, &error);
      CpVoice voice;

      g_assert_no_error (error);
      g_assert_cmpstr (cp_record_get_string (person, "given-name"), ==, "Grace");
      g_assert_cmpstr (cp_record_get_string (person, "family-name"), ==, "Hopper");
      g_assert_cmpstr (cp_record_get_string (person, "nhs-number"), ==, "9434765919");
      g_assert_cmpstr (cp_record_get_string (person, "date-of-birth"), ==, "1906-12-09");
      g_assert_cmpstr (cp_record_get_created_at (person), ==, "2020-01-01T00:00:00Z");
      g_object_get (contributor, "voice", &voice, NULL);
      g_assert_cmpint (voice, ==, CP_VOICE_ADVOCATE);
    }
  if (version >= 2)
    {
      g_autoptr(CpRecord) plan = cp_store_load (store, CP_TYPE_PLAN, PLAN_ID, &error);
      CpPlanStatus status;

      g_assert_no_error (error);
      g_assert_cmpstr (cp_record_get_string (plan, "person-id"), ==, PERSON_ID);
      g_assert_cmpstr (cp_record_get_string (plan, "title"), ==, "My plan");
      g_object_get (plan, "status", &status, NULL);
      g_assert_cmpint (status, ==, CP_PLAN_STATUS_AGREED);
      g_assert_cmpint (cp_store_count (store, CP_TYPE_OUTCOME, PLAN_ID), ==, 1);
    }
  if (version >= 3)
    {
      g_autoptr(CpRecord) stream = cp_store_load (store, CP_TYPE_FUNDING_STREAM, STREAM_ID, &error);

      g_assert_no_error (error);
      g_assert_cmpint (cp_record_get_int64 (stream, "agreed-pence"), ==, 1234567);
    }
}

/* After migrating, the newest tables take rows too. */
static void
check_latest_tables_work (CpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) person = cp_test_add_person (store, "New", "Person");
  g_autoptr(CpPlan) plan = cp_plan_new (cp_record_get_id (CP_RECORD (person)));
  g_autoptr(CpPayment) payment = cp_payment_new (cp_record_get_id (CP_RECORD (plan)));

  g_assert_true (cp_store_insert (store, CP_RECORD (plan), &error));
  g_assert_no_error (error);
  g_object_set (payment, "paid-on", "2026-01-31", "amount-pence", (gint64) 4999, NULL);
  g_assert_true (cp_store_insert (store, CP_RECORD (payment), &error));
  g_assert_no_error (error);
}

static char *
fresh_schema (void)
{
  g_autofree char *path = cp_test_data_path ("fresh.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, &error);

  g_assert_no_error (error);
  return dump_schema (store);
}

static void
test_migrate_from_every_version (gpointer fixture, gconstpointer data)
{
  guint latest = cp_schema_latest_version ();
  g_autofree char *expected_schema = fresh_schema ();
  g_autofree char *dir = cp_test_make_dir (".");

  g_assert_cmpuint (latest, >=, 1);
  for (guint v = 0; v < latest; v++)
    {
      g_autofree char *name = g_strdup_printf ("v%u.db", v);
      g_autofree char *path = cp_test_data_path (name);
      g_autoptr(GError) error = NULL;
      g_autoptr(CpStore) store = NULL;
      g_autofree char *schema = NULL;

      g_test_message ("migrating from schema %u to %u", v, latest);
      if (v == 0)
        g_assert_true (g_file_set_contents (path, "", 0, NULL));
      else
        {
          store = cp_store_open_full (path, CP_STORE_OPEN_DEFAULT, v, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (cp_store_get_schema_version (store), ==, v);
          insert_rows_of_version (store, v);
          g_clear_object (&store);
        }

      store = cp_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (cp_store_get_schema_version (store), ==, latest);
      g_assert_cmpint (cp_test_query_int (store, "PRAGMA user_version", NULL), ==, latest);
      check_rows_of_version (store, v);
      schema = dump_schema (store);
      g_assert_cmpstr (schema, ==, expected_schema);
      g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM pragma_foreign_key_check", NULL), ==, 0);
      check_latest_tables_work (store);
    }
}

/* A newer Coplan's file is refused and not touched, whatever its journal
 * mode: setting WAL on a rollback-journal file would rewrite its header. */
static void
check_too_new_refused (const char *path, const char *journal_mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *setup = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  CpStore *store;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  setup = g_strdup_printf ("PRAGMA journal_mode = %s; CREATE TABLE future (x);"
                           " INSERT INTO future VALUES (42); PRAGMA user_version = %u;",
                           journal_mode, cp_schema_latest_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, setup, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = cp_test_read_file (path);

  store = cp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Coplan"));

  after = cp_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_too_new_refused (gpointer fixture, gconstpointer data)
{
  g_autofree char *dir = cp_test_make_dir ("future");
  g_autofree char *wal_path = g_build_filename (dir, "wal.db", NULL);
  g_autofree char *delete_path = g_build_filename (dir, "delete.db", NULL);

  check_too_new_refused (wal_path, "wal");
  check_too_new_refused (delete_path, "delete");
}

/* --- transactions -------------------------------------------------- */

static void
test_rollback (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) a = cp_person_new ();
  g_autoptr(CpPerson) b = cp_person_new ();
  g_autoptr(CpPlan) orphan = cp_plan_new ("00000000-0000-4000-8000-00000000dead");
  ChangeLog log;

  change_log_init (&log);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &log);

  g_assert_true (cp_store_begin (store, &error));
  g_assert_true (cp_store_insert (store, CP_RECORD (a), &error));
  g_assert_true (cp_store_insert (store, CP_RECORD (b), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 2);

  /* The plan's person does not exist: the foreign key refuses it. */
  g_assert_false (cp_store_insert (store, CP_RECORD (orphan), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
  cp_store_rollback (store);

  g_assert_true (sqlite3_get_autocommit (cp_store_get_db (store)));
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 0);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PLAN, NULL), ==, 0);
  g_assert_cmpint (cp_test_audit_count (store), ==, 0);
  g_assert_cmpuint (log.ids->len, ==, 0);

  /* The store is usable afterwards, and signals only the new row. */
  g_clear_error (&error);
  g_assert_true (cp_store_insert (store, CP_RECORD (a), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (log.ids, 0), ==, cp_record_get_id (CP_RECORD (a)));
  change_log_clear (&log);
}

/* A failed write inside a caller's transaction undoes only itself. */
static void
test_failed_write_keeps_outer (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) a = cp_person_new ();
  g_autoptr(CpPerson) c = cp_person_new ();
  g_autoptr(CpPlan) orphan = cp_plan_new ("00000000-0000-4000-8000-00000000dead");

  g_assert_true (cp_store_begin (store, &error));
  g_assert_true (cp_store_insert (store, CP_RECORD (a), &error));
  g_assert_false (cp_store_insert (store, CP_RECORD (orphan), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cp_store_insert (store, CP_RECORD (c), &error));
  g_assert_true (cp_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 2);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PLAN, NULL), ==, 0);
  g_assert_cmpint (cp_test_audit_count (store), ==, 2);
}

static void
test_savepoints (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) a = cp_person_new ();
  g_autoptr(CpPerson) b = cp_person_new ();
  g_autoptr(CpPerson) c = cp_person_new ();
  const char *b_id = cp_record_get_id (CP_RECORD (b));
  ChangeLog log;

  change_log_init (&log);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &log);

  g_assert_true (cp_store_begin (store, &error));
  g_assert_true (cp_store_insert (store, CP_RECORD (a), &error));

  g_assert_true (cp_store_begin (store, &error));
  g_assert_true (cp_store_insert (store, CP_RECORD (b), &error));
  g_assert_no_error (error);
  cp_store_rollback (store);

  /* Still inside the outer transaction. */
  g_assert_false (sqlite3_get_autocommit (cp_store_get_db (store)));
  g_assert_true (cp_store_insert (store, CP_RECORD (c), &error));
  g_assert_cmpuint (log.ids->len, ==, 0);
  g_assert_true (cp_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 2);
  g_assert_null (cp_store_load (store, CP_TYPE_PERSON, b_id, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM audit WHERE row_id = ?1", b_id), ==, 0);

  /* Only rows that were committed are announced. */
  g_assert_cmpuint (log.ids->len, ==, 2);
  g_assert_true (change_log_has_id (&log, cp_record_get_id (CP_RECORD (a))));
  g_assert_true (change_log_has_id (&log, cp_record_get_id (CP_RECORD (c))));
  g_assert_false (change_log_has_id (&log, b_id));
  g_assert_cmpuint (log.in_transaction, ==, 0);
  change_log_clear (&log);
}

/* Stands in for an I/O error or a full disk: SQLite answers those (and
 * an interrupt) by rolling back the whole transaction, not just the
 * statement. */
typedef struct
{
  sqlite3    *db;
  gboolean    armed;
  const char *prefix;
} Interrupter;

/* Interrupts only a statement starting with @prefix, once it runs. */
static int
interrupt_cb (void *data)
{
  Interrupter *interrupter = data;

  if (!interrupter->armed)
    return 0;
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (interrupter->db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (interrupter->db, stmt))
    if (sqlite3_stmt_busy (stmt) && sqlite3_sql (stmt) != NULL &&
        g_str_has_prefix (sqlite3_sql (stmt), interrupter->prefix))
      return 1;
  return 0;
}

/* After SQLite has dropped the caller's transaction, later writes of
 * that transaction must not commit on their own: the caller is told it
 * failed, so nothing of it may be stored. */
static void
test_lost_transaction_commits_nothing (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) a = cp_person_new ();
  g_autoptr(CpPerson) b = cp_person_new ();
  g_autoptr(CpPerson) c = cp_person_new ();
  Interrupter interrupter = { cp_store_get_db (store), FALSE, "INSERT INTO person" };
  ChangeLog log;

  change_log_init (&log);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &log);
  sqlite3_progress_handler (cp_store_get_db (store), 1, interrupt_cb, &interrupter);

  g_assert_true (cp_store_begin (store, &error));
  g_assert_true (cp_store_insert (store, CP_RECORD (a), &error));
  interrupter.armed = TRUE;
  g_assert_false (cp_store_insert (store, CP_RECORD (b), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  interrupter.armed = FALSE;
  /* SQLite has rolled everything back by now. */
  g_assert_true (sqlite3_get_autocommit (cp_store_get_db (store)));

  /* The caller carries on, as after any failed write… */
  g_assert_false (cp_store_insert (store, CP_RECORD (c), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_SQL);
  g_clear_error (&error);
  /* …and its commit fails, since the transaction is gone. */
  g_assert_false (cp_store_commit (store, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (sqlite3_get_autocommit (cp_store_get_db (store)));
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 0);
  g_assert_cmpint (cp_test_audit_count (store), ==, 0);
  g_assert_cmpuint (log.ids->len, ==, 0);

  /* The store works normally afterwards. */
  g_assert_true (cp_store_insert (store, CP_RECORD (c), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 1);
  g_assert_cmpuint (log.ids->len, ==, 1);
  sqlite3_progress_handler (cp_store_get_db (store), 0, NULL, NULL);
  change_log_clear (&log);
}

/* A COMMIT that fails leaves nothing behind: no rows, no audit, no
 * signals, no open transaction; the next write works. */
static void
test_failed_commit (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) a = cp_person_new ();
  g_autoptr(CpPerson) b = cp_person_new ();
  Interrupter interrupter = { cp_store_get_db (store), FALSE, "COMMIT" };
  ChangeLog log;

  change_log_init (&log);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &log);
  sqlite3_progress_handler (cp_store_get_db (store), 1, interrupt_cb, &interrupter);

  /* The insert and its audit row succeed; only the COMMIT fails. */
  interrupter.armed = TRUE;
  g_assert_false (cp_store_insert (store, CP_RECORD (a), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  interrupter.armed = FALSE;

  g_assert_true (sqlite3_get_autocommit (cp_store_get_db (store)));
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 0);
  g_assert_cmpint (cp_test_audit_count (store), ==, 0);
  g_assert_cmpuint (log.ids->len, ==, 0);

  g_assert_true (cp_store_insert (store, CP_RECORD (b), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.ids->len, ==, 1);
  sqlite3_progress_handler (cp_store_get_db (store), 0, NULL, NULL);
  change_log_clear (&log);
}

/* A "changed" handler may run the very query a caller is stepping
 * through: the caller's statement must not be reset under it. */
typedef struct
{
  CpStore *store;
  guint    handler_rows;
} Reentry;

#define REENTRY_SQL "SELECT id FROM person WHERE deleted = 0 ORDER BY family_name, id"

static void
reentry_changed_cb (CpStore *store, const char *table, const char *id, Reentry *reentry)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cp_store_prepare (store, REENTRY_SQL, &error);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    reentry->handler_rows++;
  sqlite3_reset (stmt);
}

static void
test_statement_reentry (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  Reentry reentry = { store, 0 };
  sqlite3_stmt *stmt;
  guint steps = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *family = g_strdup_printf ("Family %u", i);
      g_object_unref (cp_test_add_person (store, "Given", family));
    }
  g_signal_connect (store, "changed", G_CALLBACK (reentry_changed_cb), &reentry);

  stmt = cp_store_prepare (store, REENTRY_SQL, &error);
  g_assert_no_error (error);
  /* Each row is edited as it is read; each edit commits and signals. */
  while (steps++ < 20 && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(CpRecord) person = cp_store_load (store, CP_TYPE_PERSON, id, &error);

      g_assert_no_error (error);
      g_ptr_array_add (seen, g_strdup (id));
      cp_record_set_string (person, "preferred-name", "Edited");
      g_assert_true (cp_store_update (store, person, &error));
      g_assert_no_error (error);
    }
  sqlite3_reset (stmt);

  /* Every row once, in order, not the first row over and over. */
  g_assert_cmpuint (seen->len, ==, 5);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpstr (g_ptr_array_index (seen, i - 1), !=, g_ptr_array_index (seen, i));
  g_assert_cmpuint (reentry.handler_rows, ==, 5 * 5);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM person WHERE preferred_name = 'Edited'",
                                      NULL), ==, 5);
}

/* --- locking ------------------------------------------------------- */

static void
test_second_writer_busy (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) first = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  CpStore *second;

  second = cp_store_open (NULL, &error);
  g_assert_null (second);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Another Coplan"));
  g_assert_nonnull (strstr (error->message, cp_store_get_path (first)));

  /* The refused open did not take the first store's lock away. */
  g_object_unref (cp_test_add_person (first, "Still", "Writing"));
  g_assert_cmpint (cp_store_count (first, CP_TYPE_PERSON, NULL), ==, 1);

  /* Once the first closes, the next one may write. */
  g_clear_error (&error);
  g_clear_object (&first);
  second = cp_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_count (second, CP_TYPE_PERSON, NULL), ==, 1);
  g_object_unref (second);
}

/* Two Coplans, two processes: the lock holds across them too. */
static void
test_second_writer_process (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) first = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (cp_store_open (NULL, &error));
      g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY);
      g_printerr ("%s\n", error->message);
      return;
    }
  first = cp_test_open_store ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Another Coplan is already using*");
}

static void
check_read_only_store (CpStore *reader, const char *person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) loaded = cp_store_load (reader, CP_TYPE_PERSON, person_id, &error);
  g_autoptr(CpPerson) other = cp_person_new ();

  g_assert_no_error (error);
  g_assert_true (cp_store_is_read_only (reader));
  g_assert_cmpstr (cp_record_get_string (loaded, "family-name"), ==, "Reader");
  g_assert_cmpint (cp_test_query_int (reader, "PRAGMA foreign_keys", NULL), ==, 1);

  g_assert_false (cp_store_insert (reader, CP_RECORD (other), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_cmpint (cp_store_count (reader, CP_TYPE_PERSON, NULL), ==, 1);
}

static void
test_read_only (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) writer = cp_test_open_store ();
  g_autoptr(CpPerson) person = cp_test_add_person (writer, "Ada", "Reader");
  const char *person_id = cp_record_get_id (CP_RECORD (person));
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) reader = NULL;
  g_autofree char *missing = cp_test_data_path ("missing.db");

  /* Beside the writer, as `coplan-cli list` runs beside the app. */
  reader = cp_store_open_full (NULL, CP_STORE_OPEN_READ_ONLY, 0, &error);
  g_assert_no_error (error);
  check_read_only_store (reader, person_id);
  g_clear_object (&reader);

  /* And with nobody else using the database. */
  g_clear_object (&writer);
  reader = cp_store_open_full (NULL, CP_STORE_OPEN_READ_ONLY, 0, &error);
  g_assert_no_error (error);
  check_read_only_store (reader, person_id);

  /* Reading never creates a database. */
  g_assert_null (cp_store_open_full (missing, CP_STORE_OPEN_READ_ONLY, 0, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* --- damaged files ------------------------------------------------- */

static void
check_damaged_refused (const char *path, GBytes *contents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  CpStore *store;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (contents, NULL),
                                      g_bytes_get_size (contents), NULL));
  store = cp_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("refused with: %s", error->message);
  g_assert_true (error->domain == CP_STORE_ERROR);
  g_assert_true (error->code == CP_STORE_ERROR_CORRUPT || error->code == CP_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, path));

  after = cp_test_read_file (path);
  g_assert_true (g_bytes_equal (contents, after));
}

static GBytes *
random_bytes (guint32 seed, gsize size, const char *prefix)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (size);
  gsize prefix_len = prefix ? strlen (prefix) + 1 : 0;

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  if (prefix != NULL)
    memcpy (data, prefix, prefix_len);
  return g_bytes_new_take (data, size);
}

/* A valid header saying "WAL, 4 KiB pages" over garbage: SQLite goes on
 * to make -wal and -shm files before it finds the damage. */
static GBytes *
fake_wal_header (guint32 seed)
{
  g_autoptr(GBytes) noise = random_bytes (seed, 16 * 1024, "SQLite format 3");
  gsize size;
  guint8 *data = g_bytes_unref_to_data (g_steal_pointer (&noise), &size);

  data[16] = 0x10;
  data[17] = 0x00;
  data[18] = 2;
  data[19] = 2;
  return g_bytes_new_take (data, size);
}

static void
test_garbage_refused (gpointer fixture, gconstpointer data)
{
  g_autofree char *dir = cp_test_make_dir ("garbage");
  g_autofree char *path = g_build_filename (dir, "garbage.db", NULL);

  for (guint32 seed = 1; seed <= 5; seed++)
    {
      g_autoptr(GBytes) noise = random_bytes (seed, 64 * 1024, NULL);
      /* Passes the header check, so SQLite reads further into it. */
      g_autoptr(GBytes) fake = random_bytes (seed, 16 * 1024, "SQLite format 3");
      g_autoptr(GBytes) wal_header = fake_wal_header (seed);

      check_damaged_refused (path, noise);
      check_damaged_refused (path, fake);
      check_damaged_refused (path, wal_header);
    }
}

/* A real database cut short, as a failed copy leaves it. */
static void
test_truncated_refused (gpointer fixture, gconstpointer data)
{
  g_autofree char *dir = cp_test_make_dir ("truncated");
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) part = NULL;
  CpStore *store = cp_store_open (good, &error);

  g_assert_no_error (error);
  g_object_unref (cp_test_add_person (store, "Cut", "Short"));
  g_object_unref (store);

  whole = cp_test_read_file (good);
  g_assert_cmpuint (g_bytes_get_size (whole), >, 4096);
  part = g_bytes_new_from_bytes (whole, 0, 1000);
  check_damaged_refused (cut, part);
}

static void
test_closed_store (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;

  cp_store_close (store);
  cp_store_close (store);
  g_assert_null (cp_store_prepare (store, "SELECT 1", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN);
}

/* --- siblings ------------------------------------------------------ */

/* What a sibling writes in its worker thread: one person, committed. */
typedef struct
{
  CpStore  *sibling;
  char     *person_id;
  gboolean  changed_on_sibling;
} SiblingWrite;

static void
sibling_changed_cb (CpStore *store, const char *table, const char *id, gpointer data)
{
  ((SiblingWrite *) data)->changed_on_sibling = TRUE;
}

static gpointer
sibling_write_thread (gpointer data)
{
  SiblingWrite *w = data;
  g_autoptr(CpPerson) person = cp_test_add_person (w->sibling, "Ada", "Worker");

  w->person_id = g_strdup (cp_record_get_id (CP_RECORD (person)));
  cp_store_close (w->sibling);
  return NULL;
}

static CpStore *
open_sibling (CpStore *store)
{
  g_autoptr(GError) error = NULL;
  CpStore *sibling = cp_store_open_sibling (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sibling);
  return sibling;
}

/* A sibling is the write store's connection settings again, and its
 * contributor. */
static void
test_sibling_pragmas (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(CpStore) sibling = NULL;
  g_autofree char *journal = NULL;

  cp_store_set_contributor (store, "Sam Keyworker");
  sibling = open_sibling (store);
  journal = query_pragma_text (sibling, "PRAGMA journal_mode");
  g_assert_true (cp_store_is_sibling (sibling));
  g_assert_false (cp_store_is_sibling (store));
  g_assert_false (cp_store_is_read_only (sibling));
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (cp_test_query_int (sibling, "PRAGMA synchronous", NULL), ==, 2);
  g_assert_cmpint (cp_test_query_int (sibling, "PRAGMA foreign_keys", NULL), ==, 1);
  g_assert_cmpint (cp_test_query_int (sibling, "PRAGMA busy_timeout", NULL), ==, 5000);
  g_assert_cmpstr (cp_store_get_contributor (sibling), ==, "Sam Keyworker");
  g_assert_cmpstr (cp_store_get_path (sibling), ==, cp_store_get_path (store));
}

/* Written in a worker thread through the sibling: visible to the write
 * store once committed, audited under the window's contributor,
 * announced by no signal but kept for the owner to announce. */
static void
test_sibling_writes_visible (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contributor = NULL;
  SiblingWrite w = { 0 };
  ChangeLog log;
  GThread *thread;

  change_log_init (&log);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &log);
  cp_store_set_contributor (store, "Sam Keyworker");
  w.sibling = open_sibling (store);
  g_signal_connect (w.sibling, "changed", G_CALLBACK (sibling_changed_cb), &w);
  g_assert_true (cp_store_has_open_sibling (store));
  thread = g_thread_new ("sibling", sibling_write_thread, &w);
  g_thread_join (thread);

  g_assert_false (cp_store_has_open_sibling (store));
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 1);
  contributor = cp_test_query_text (store, "SELECT contributor FROM audit WHERE row_id = ?1", w.person_id);
  g_assert_cmpstr (contributor, ==, "Sam Keyworker");
  /* Nothing was emitted, in the worker or here. */
  g_assert_false (w.changed_on_sibling);
  g_assert_cmpuint (log.ids->len, ==, 0);
  changes = cp_store_steal_committed_changes (w.sibling);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, "person");
  g_assert_cmpstr (g_ptr_array_index (changes, 1), ==, w.person_id);
  /* Stolen once. */
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = cp_store_steal_committed_changes (w.sibling);
  g_assert_cmpuint (changes->len, ==, 0);

  /* The owner announces them on the write store. */
  cp_store_emit_changed (store, "person", w.person_id);
  g_assert_true (change_log_has_id (&log, w.person_id));
  g_signal_handlers_disconnect_by_data (store, &log);
  change_log_clear (&log);
  g_object_unref (w.sibling);
  g_free (w.person_id);
}

/* A rolled-back sibling transaction leaves nothing to announce. */
static void
test_sibling_rollback (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(CpStore) sibling = open_sibling (store);
  g_autoptr(CpPerson) person = cp_person_new ();
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (person, "given-name", "Never", "family-name", "Stored", NULL);
  g_assert_true (cp_store_begin (sibling, &error));
  g_assert_true (cp_store_insert (sibling, CP_RECORD (person), &error));
  g_assert_no_error (error);
  cp_store_rollback (sibling);
  changes = cp_store_steal_committed_changes (sibling);
  g_assert_cmpuint (changes->len, ==, 0);
  cp_store_close (sibling);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 0);
}

/* While a sibling is open it is the one writer: the write store refuses
 * at once (no waiting on the sibling's transaction) and reads the last
 * commit; after the sibling closes it writes again. */
static void
test_sibling_one_writer (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(CpStore) sibling = open_sibling (store);
  g_autoptr(CpStore) second = NULL;
  g_autoptr(CpPerson) person = cp_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_assert_true (cp_store_begin (sibling, &error));
  g_object_unref (cp_test_add_person (sibling, "In", "Transaction"));
  start = g_get_monotonic_time ();
  g_object_set (person, "given-name", "Main", "family-name", "Thread", NULL);
  g_assert_false (cp_store_insert (store, CP_RECORD (person), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_clear_error (&error);
  /* Reading sees the state before the sibling's transaction. */
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 0);
  /* One sibling at a time. */
  second = cp_store_open_sibling (store, &error);
  g_assert_null (second);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_true (cp_store_commit (sibling, &error));
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 1);

  cp_store_close (sibling);
  g_assert_true (cp_store_insert (store, CP_RECORD (person), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 2);
}

/* Inside a transaction of the write store, a sibling would wait on it. */
static void
test_sibling_refused_in_transaction (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_store_begin (store, &error));
  g_assert_null (cp_store_open_sibling (store, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY);
  cp_store_rollback (store);
}

/* The sibling shares the process's lock instead of taking it again: it
 * opens beside the write store; a second write store is still refused,
 * even after the first closed while the sibling was still writing. */
static void
test_sibling_shares_lock (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(CpStore) sibling = open_sibling (store);
  g_autoptr(GError) error = NULL;
  CpStore *second;

  second = cp_store_open (NULL, &error);
  g_assert_null (second);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY);
  g_clear_error (&error);

  cp_store_close (store);
  g_object_unref (cp_test_add_person (sibling, "Still", "Locked"));
  second = cp_store_open (NULL, &error);
  g_assert_null (second);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY);
  g_clear_error (&error);

  cp_store_close (sibling);
  second = cp_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_count (second, CP_TYPE_PERSON, NULL), ==, 1);
  g_object_unref (second);
}

/* Read-only and closed stores have no write connection to stand in for. */
static void
test_sibling_of_read_only (gpointer fixture, gconstpointer data)
{
  g_autoptr(CpStore) writer = cp_test_open_store ();
  g_autoptr(CpStore) reader = NULL;
  g_autoptr(GError) error = NULL;

  reader = cp_store_open_full (cp_store_get_path (writer), CP_STORE_OPEN_READ_ONLY, 0, &error);
  g_assert_no_error (error);
  g_assert_null (cp_store_open_sibling (reader, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  cp_store_close (writer);
  g_assert_null (cp_store_open_sibling (writer, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN);
}

/* Every case starts from an empty data folder. */
static void
reset_setup (gpointer fixture, gconstpointer data)
{
  /* A child process works beside its parent's files. */
  if (!g_test_subprocess ())
    cp_test_reset_data_home ();
}

static void
add_test (const char *path, GTestFixtureFunc func)
{
  g_test_add_vtable (path, 0, NULL, reset_setup, func, NULL);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = cp_test_init_data_home (&argc, &argv);
  int status;

  add_test ("/store/open/default-path-private", test_default_path_private);
  add_test ("/store/open/existing-files-tightened", test_existing_files_tightened);
  add_test ("/store/open/pragmas", test_pragmas);
  add_test ("/store/open/closed", test_closed_store);
  add_test ("/store/migrate/every-version", test_migrate_from_every_version);
  add_test ("/store/migrate/too-new", test_too_new_refused);
  add_test ("/store/transaction/rollback", test_rollback);
  add_test ("/store/transaction/failed-write-keeps-outer", test_failed_write_keeps_outer);
  add_test ("/store/transaction/savepoints", test_savepoints);
  add_test ("/store/transaction/lost-commits-nothing", test_lost_transaction_commits_nothing);
  add_test ("/store/transaction/failed-commit", test_failed_commit);
  add_test ("/store/statement/reentry", test_statement_reentry);
  add_test ("/store/lock/second-writer", test_second_writer_busy);
  add_test ("/store/lock/second-writer-process", test_second_writer_process);
  add_test ("/store/lock/read-only", test_read_only);
  add_test ("/store/sibling/pragmas", test_sibling_pragmas);
  add_test ("/store/sibling/writes-visible", test_sibling_writes_visible);
  add_test ("/store/sibling/rollback", test_sibling_rollback);
  add_test ("/store/sibling/one-writer", test_sibling_one_writer);
  add_test ("/store/sibling/refused-in-transaction", test_sibling_refused_in_transaction);
  add_test ("/store/sibling/shares-lock", test_sibling_shares_lock);
  add_test ("/store/sibling/read-only", test_sibling_of_read_only);
  add_test ("/store/damaged/garbage", test_garbage_refused);
  add_test ("/store/damaged/truncated", test_truncated_refused);

  status = g_test_run ();
  cp_test_finish_data_home (home);
  return status;
}
