/* test-backup.c — backups, rotation, health checks and restore
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <utime.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "cp-test-util.h"

/* A store in this test case's data folder holding @n people; their ids
 * go into @ids when given. The store stays open. */
static CpStore *
open_store_with_people (const char *db_path, guint n, GPtrArray *ids)
{
  g_autoptr(GError) error = NULL;
  CpStore *store = cp_store_open (db_path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *given = g_strdup_printf ("Person %u", i);
      g_autoptr(CpPerson) person = cp_test_add_person (store, given, "Backup");
      if (ids != NULL)
        g_ptr_array_add (ids, g_strdup (cp_record_get_id (CP_RECORD (person))));
    }
  return store;
}

static gint64
count_people_in (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open_full (db_path, CP_STORE_OPEN_READ_ONLY, 0, &error);

  g_assert_no_error (error);
  return cp_store_count (store, CP_TYPE_PERSON, NULL);
}

static gboolean
files_equal (const char *a, const char *b)
{
  g_autoptr(GBytes) bytes_a = cp_test_read_file (a);
  g_autoptr(GBytes) bytes_b = cp_test_read_file (b);

  return g_bytes_equal (bytes_a, bytes_b);
}

static void
write_text_file (const char *path, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Overwrites three whole pages about two thirds into a closed database
 * with seeded random bytes: b-tree headers there become nonsense. */
static void
corrupt_middle_pages (const char *db_path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page_size, page_count, first;
  g_autofree guint8 *garbage = NULL;
  int fd;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT page_size, page_count FROM pragma_page_size, "
                                           "pragma_page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int64 (stmt, 0);
  page_count = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page_count, >=, 20);

  garbage = g_malloc (page_size * 3);
  for (gint64 i = 0; i < page_size * 3; i++)
    garbage[i] = (guint8) g_rand_int_range (rand, 0, 256);
  first = page_count * 2 / 3;
  fd = open (db_path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, page_size * 3, first * page_size), ==, page_size * 3);
  close (fd);
}

/* A closed database big enough to have many pages, then damaged. */
static void
make_damaged_database (const char *db_path)
{
  g_autoptr(CpStore) store = open_store_with_people (db_path, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strnfill (300, 'x');

  g_assert_true (cp_store_begin (store, &error));
  for (guint i = 0; i < 800; i++)
    {
      g_autoptr(CpPerson) person = cp_person_new ();
      g_object_set (person, "given-name", "Filler", "address", note, NULL);
      g_assert_true (cp_store_insert (store, CP_RECORD (person), &error));
    }
  g_assert_true (cp_store_commit (store, &error));
  cp_store_close (store);
  g_assert_true (cp_backup_check (db_path, TRUE, NULL));
  corrupt_middle_pages (db_path);
}

static guint
count_names_with_prefix (const char *folder, const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

/* The damaged database moved aside, not its -wal or -shm. */
static char *
find_damaged_main_file (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "coplan.db.damaged-") &&
        !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      return g_build_filename (folder, name, NULL);
  return NULL;
}

#define STALE_LOG "a stale log that must never meet the restored file"

/* ---- writing ----------------------------------------------------------- */

static void
test_write_has_data (void)
{
  g_autofree char *dir = cp_test_make_dir ("write");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *partial = g_strconcat (backup, ".partial", NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CpStore) store = open_store_with_people (db_path, 3, ids);
  g_autoptr(CpStore) copy = NULL;
  g_autoptr(GError) error = NULL;

  /* Taken while the app still has the database open, as it will be. */
  g_assert_true (cp_backup_write (db_path, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cp_test_file_mode (backup), ==, 0600);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  copy = cp_store_open_full (backup, CP_STORE_OPEN_READ_ONLY, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_count (copy, CP_TYPE_PERSON, NULL), ==, 3);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CpRecord) person = cp_store_load (copy, CP_TYPE_PERSON,
                                                  g_ptr_array_index (ids, i), &error);
      g_autofree char *expected = g_strdup_printf ("Person %u", i);
      g_assert_no_error (error);
      g_assert_cmpstr (cp_record_get_string (person, "given-name"), ==, expected);
    }
  g_assert_true (cp_backup_check (backup, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_write_refuses_existing (void)
{
  g_autofree char *dir = cp_test_make_dir ("existing");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(CpStore) store = open_store_with_people (db_path, 2, NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_backup_write (db_path, backup, &error));
  g_assert_no_error (error);
  before = cp_test_read_file (backup);
  g_clear_object (&store);
  store = open_store_with_people (db_path, 1, NULL);

  g_assert_false (cp_backup_write (db_path, backup, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "will not overwrite"));
  after = cp_test_read_file (backup);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (count_people_in (backup), ==, 2);
}

static void
test_write_missing_database (void)
{
  g_autofree char *dir = cp_test_make_dir ("missing");
  g_autofree char *db_path = g_build_filename (dir, "nothing.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (cp_backup_write (db_path, backup, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_names_with_prefix (dir, "copy.db"), ==, 0);
}

/* ---- rotation ---------------------------------------------------------- */

static gboolean
is_backup_name (const char *name)
{
  return g_regex_match_simple ("^coplan-[0-9]{8}-[0-9]{6}(-[1-9][0-9]*)?\\.db$", name, 0, 0);
}

static void
test_rotate_keeps_newest (void)
{
  const char *unrelated[] = { "notes.txt", "coplan-old.db", "coplan-20200101-000000.db.bak",
                              "my-coplan-20200101-000000.db", "coplan-2020-01-01.db" };
  g_autofree char *dir = cp_test_make_dir ("rotate");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autofree char *folder = cp_backup_folder (db_path);
  g_autofree char *expected_folder = g_build_filename (dir, "backups", NULL);
  g_autoptr(CpStore) store = open_store_with_people (db_path, 0, NULL);
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (folder, ==, expected_folder);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (unrelated); i++)
    {
      g_autofree char *path = g_build_filename (folder, unrelated[i], NULL);
      write_text_file (path, "not a backup of ours");
    }

  /* Backup i holds i + 1 people, so each one can be told apart. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(CpPerson) person = cp_test_add_person (store, "Rotating", "Person");
      char *path = cp_backup_rotate (db_path, &error);
      g_autofree char *base = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (path);
      base = g_path_get_basename (path);
      g_assert_true (is_backup_name (base));
      g_ptr_array_add (made, path);
    }

  list = cp_backup_list (db_path);
  g_assert_cmpuint (list->len, ==, CP_BACKUP_KEEP);
  g_assert_cmpuint (cp_test_file_mode (folder), ==, 0700);
  for (guint i = 0; i < 3; i++)
    g_assert_false (g_file_test (g_ptr_array_index (made, i), G_FILE_TEST_EXISTS));
  /* Newest first, exactly the last seven made. */
  for (guint i = 0; i < CP_BACKUP_KEEP; i++)
    {
      const char *path = g_ptr_array_index (list, i);
      g_assert_cmpstr (path, ==, g_ptr_array_index (made, 9 - i));
      g_assert_cmpuint (cp_test_file_mode (path), ==, 0600);
    }
  g_assert_cmpint (count_people_in (g_ptr_array_index (list, 0)), ==, 10);
  g_assert_cmpint (count_people_in (g_ptr_array_index (list, CP_BACKUP_KEEP - 1)), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (unrelated); i++)
    {
      g_autofree char *path = g_build_filename (folder, unrelated[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_cmpuint (count_names_with_prefix (folder, ""), ==,
                    CP_BACKUP_KEEP + G_N_ELEMENTS (unrelated));
}

/* A backup cut short leaves a .partial file: an old one is cleared by the
 * next rotation; a fresh one (perhaps still being written) and files
 * that are not ours are left alone. */
static void
test_rotate_clears_abandoned_partials (void)
{
  g_autofree char *dir = cp_test_make_dir ("partials");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autofree char *folder = cp_backup_folder (db_path);
  g_autofree char *old_partial = g_build_filename (folder, "coplan-20200101-000000.db.partial", NULL);
  g_autofree char *fresh_partial = g_build_filename (folder, "coplan-20300101-000000.db.partial", NULL);
  g_autofree char *foreign = g_build_filename (folder, "notes.db.partial", NULL);
  g_autoptr(CpStore) store = open_store_with_people (db_path, 0, NULL);
  g_autofree char *made = NULL;
  g_autoptr(GError) error = NULL;
  struct utimbuf two_hours_ago = { .actime = time (NULL) - 7200, .modtime = time (NULL) - 7200 };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  write_text_file (old_partial, "half a backup");
  write_text_file (fresh_partial, "a backup being written");
  write_text_file (foreign, "not ours");
  g_assert_cmpint (g_utime (old_partial, &two_hours_ago), ==, 0);
  g_assert_cmpint (g_utime (foreign, &two_hours_ago), ==, 0);

  made = cp_backup_rotate (db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_false (g_file_test (old_partial, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh_partial, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
}

static void
test_list_empty (void)
{
  g_autofree char *dir = cp_test_make_dir ("empty");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autoptr(GPtrArray) list = cp_backup_list (db_path);

  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, 0);
}

/* ---- health check ------------------------------------------------------ */

static void
test_check_good (void)
{
  g_autofree char *dir = cp_test_make_dir ("good");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autoptr(CpStore) store = open_store_with_people (db_path, 5, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_backup_check (db_path, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (cp_backup_check (db_path, TRUE, &error));
  g_assert_no_error (error);
  cp_store_close (store);
  g_assert_true (cp_backup_check (db_path, FALSE, &error));
  g_assert_no_error (error);
}

static void
test_check_damaged_pages (void)
{
  g_autofree char *dir = cp_test_make_dir ("damaged");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autoptr(GError) error = NULL;

  make_damaged_database (db_path);
  g_assert_false (cp_backup_check (db_path, FALSE, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, "Coplan's data file is damaged."));
  g_test_message ("quick check: %s", error->message);
  g_clear_error (&error);

  g_assert_false (cp_backup_check (db_path, TRUE, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, "Coplan's data file is damaged."));
}

static void
test_check_not_a_database (void)
{
  g_autofree char *dir = cp_test_make_dir ("text");
  g_autofree char *path = g_build_filename (dir, "letter.db", NULL);
  g_autofree char *text = g_strnfill (8192, 'z');
  g_autoptr(GError) error = NULL;

  write_text_file (path, text);
  g_assert_false (cp_backup_check (path, FALSE, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, "Coplan's data file is damaged."));
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_check_missing (void)
{
  g_autofree char *dir = cp_test_make_dir ("gone");
  g_autofree char *path = g_build_filename (dir, "nowhere.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (cp_backup_check (path, TRUE, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ---- restore ----------------------------------------------------------- */

static void
test_restore_brings_back_data (void)
{
  g_autofree char *dir = cp_test_make_dir ("restore");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *restoring = g_strconcat (db_path, ".restoring", NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CpStore) store = open_store_with_people (db_path, 2, ids);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = cp_backup_rotate (db_path, &error);
  g_autofree char *aside = NULL;
  g_autofree char *aside_wal = NULL;
  g_autoptr(CpRecord) person = NULL;
  g_autoptr(GBytes) damaged_bytes = NULL;
  g_autoptr(GBytes) aside_bytes = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  /* Later work, then the disk damages the file. */
  make_damaged_database (db_path);
  damaged_bytes = cp_test_read_file (db_path);
  write_text_file (wal, STALE_LOG);
  g_assert_false (cp_backup_check (db_path, FALSE, NULL));

  g_assert_true (cp_backup_restore (db_path, backup, &error));
  g_assert_no_error (error);

  g_assert_true (cp_backup_check (db_path, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cp_test_file_mode (db_path), ==, 0600);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (restoring, G_FILE_TEST_EXISTS));
  g_assert_true (files_equal (db_path, backup));

  /* The damaged file and its log are kept aside, untouched. */
  aside = find_damaged_main_file (dir);
  g_assert_nonnull (aside);
  aside_bytes = cp_test_read_file (aside);
  g_assert_true (g_bytes_equal (aside_bytes, damaged_bytes));
  aside_wal = g_strconcat (aside, "-wal", NULL);
  g_clear_pointer (&aside_bytes, g_bytes_unref);
  aside_bytes = cp_test_read_file (aside_wal);
  g_assert_cmpmem (g_bytes_get_data (aside_bytes, NULL), g_bytes_get_size (aside_bytes),
                   STALE_LOG, strlen (STALE_LOG));

  store = cp_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 2);
  person = cp_store_load (store, CP_TYPE_PERSON, g_ptr_array_index (ids, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_record_get_string (person, "given-name"), ==, "Person 1");
}

/* A restore that is refused must leave every file exactly as it was. */
static void
assert_restore_refused (const char *db_path, const char *backup, int code)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autoptr(GBytes) before = cp_test_read_file (db_path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  guint files_before = count_names_with_prefix (dir, "");

  g_assert_false (cp_backup_restore (db_path, backup, &error));
  g_assert_error (error, CP_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  after = cp_test_read_file (db_path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_names_with_prefix (dir, "coplan.db.damaged-"), ==, 0);
  g_assert_cmpuint (count_names_with_prefix (dir, ""), ==, files_before);
}

static void
test_restore_refuses_bad_backup (void)
{
  g_autofree char *dir = cp_test_make_dir ("refuse");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other", NULL);
  g_autofree char *bad_backup = g_build_filename (other, "coplan.db", NULL);
  g_autofree char *text_backup = g_build_filename (other, "letter.db", NULL);
  g_autofree char *empty_backup = g_build_filename (other, "empty.db", NULL);
  g_autofree char *missing_backup = g_build_filename (other, "missing.db", NULL);
  g_autoptr(CpStore) store = open_store_with_people (db_path, 3, NULL);
  g_autofree char *text = g_strnfill (8192, 'z');

  cp_store_close (store);
  g_assert_cmpint (g_mkdir_with_parents (other, 0700), ==, 0);
  make_damaged_database (bad_backup);
  write_text_file (text_backup, text);
  write_text_file (empty_backup, "");

  assert_restore_refused (db_path, bad_backup, CP_STORE_ERROR_CORRUPT);
  assert_restore_refused (db_path, text_backup, CP_STORE_ERROR_CORRUPT);
  assert_restore_refused (db_path, empty_backup, CP_STORE_ERROR_CORRUPT);
  assert_restore_refused (db_path, missing_backup, CP_STORE_ERROR_OPEN);
  g_assert_cmpint (count_people_in (db_path), ==, 3);
}

static void
test_restore_refuses_open_store (void)
{
  g_autofree char *dir = cp_test_make_dir ("busy");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autoptr(CpStore) store = open_store_with_people (db_path, 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = cp_backup_rotate (db_path, &error);

  g_assert_no_error (error);
  assert_restore_refused (db_path, backup, CP_STORE_ERROR_BUSY);
  cp_store_close (store);
  g_assert_true (cp_backup_restore (db_path, backup, &error));
  g_assert_no_error (error);
}

static void
test_restore_onto_new_machine (void)
{
  g_autofree char *dir = cp_test_make_dir ("fresh");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autofree char *new_db = g_build_filename (dir, "new-machine", "coplan", "coplan.db", NULL);
  g_autoptr(CpStore) store = open_store_with_people (db_path, 4, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = cp_backup_rotate (db_path, &error);
  g_autofree char *new_dir = g_path_get_dirname (new_db);

  g_assert_no_error (error);
  g_assert_true (cp_backup_restore (new_db, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cp_test_file_mode (new_dir), ==, 0700);
  g_assert_cmpuint (cp_test_file_mode (new_db), ==, 0600);
  g_assert_cmpint (count_people_in (new_db), ==, 4);
  g_assert_cmpuint (count_names_with_prefix (new_dir, "coplan.db.damaged-"), ==, 0);
}

typedef struct
{
  const char *db_path;
  const char *folder;
  guint       n_backups;
} BackupJob;

/* Backups run in a worker thread while the app writes; each must be a
 * whole, healthy snapshot. */
static gpointer
backup_worker (gpointer data)
{
  BackupJob *job = data;

  for (guint i = 0; i < job->n_backups; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("snapshot-%u.db", i);
      g_autofree char *path = g_build_filename (job->folder, name, NULL);

      if (!cp_backup_write (job->db_path, path, &error))
        g_error ("backup %u failed: %s", i, error->message);
      g_usleep (2000);
    }
  return NULL;
}

static void
test_write_while_app_writes (void)
{
  g_autofree char *dir = cp_test_make_dir ("busy-writer");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "snapshots", NULL);
  g_autoptr(CpStore) store = open_store_with_people (db_path, 1, NULL);
  BackupJob job = { db_path, folder, 6 };
  GThread *thread;
  gint64 previous = 0;
  guint written = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  thread = g_thread_new ("backup", backup_worker, &job);
  for (guint i = 0; i < 300; i++)
    g_object_unref (cp_test_add_person (store, "Busy", "Writer"));
  g_thread_join (thread);

  for (guint i = 0; i < job.n_backups; i++)
    {
      g_autofree char *name = g_strdup_printf ("snapshot-%u.db", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GError) error = NULL;
      gint64 people;

      g_assert_true (cp_backup_check (path, TRUE, &error));
      g_assert_no_error (error);
      people = count_people_in (path);
      g_assert_cmpint (people, >=, MAX (previous, 1));
      g_assert_cmpint (people, <=, 301);
      g_test_message ("snapshot %u holds %" G_GINT64_FORMAT " people", i, people);
      previous = people;
      written++;
    }
  g_assert_cmpuint (written, ==, job.n_backups);
}

/* The daily backup (a worker thread at start-up) and "Back up now" in
 * Preferences (another thread) may run at the same moment: both must get
 * a whole backup of their own, neither may break the other's. */
typedef struct
{
  const char *db_path;
  GPtrArray  *paths;  /* what each rotation returned */
  GMutex      lock;
  guint       failures;
} RotateRace;

#define RACE_ROUNDS 20

static gpointer
rotate_worker (gpointer data)
{
  RotateRace *race = data;

  for (guint i = 0; i < RACE_ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      char *path = cp_backup_rotate (race->db_path, &error);

      g_mutex_lock (&race->lock);
      if (path == NULL)
        {
          g_test_message ("rotation failed: %s", error->message);
          race->failures++;
        }
      else
        g_ptr_array_add (race->paths, path);
      g_mutex_unlock (&race->lock);
    }
  return NULL;
}

static void
test_rotate_two_at_once (void)
{
  g_autofree char *dir = cp_test_make_dir ("two-at-once");
  g_autofree char *db_path = g_build_filename (dir, "coplan.db", NULL);
  g_autoptr(CpStore) store = open_store_with_people (db_path, 3, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
  RotateRace race = { db_path, paths, { 0 }, 0 };
  GThread *threads[2];

  g_mutex_init (&race.lock);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("rotate", rotate_worker, &race);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&race.lock);

  g_assert_cmpuint (race.failures, ==, 0);
  g_assert_cmpuint (paths->len, ==, 2 * RACE_ROUNDS);
  for (guint i = 0; i < paths->len; i++)
    g_assert_true (g_hash_table_add (distinct, g_ptr_array_index (paths, i)));
  /* The newest ones are kept, each whole. */
  {
    g_autoptr(GPtrArray) kept = cp_backup_list (db_path);

    g_assert_cmpuint (kept->len, ==, CP_BACKUP_KEEP);
    for (guint i = 0; i < kept->len; i++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_true (cp_backup_check (g_ptr_array_index (kept, i), TRUE, &error));
        g_assert_no_error (error);
        g_assert_cmpint (count_people_in (g_ptr_array_index (kept, i)), ==, 3);
      }
  }
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);

  g_test_add_func ("/backup/write/has-data", test_write_has_data);
  g_test_add_func ("/backup/write/refuses-existing", test_write_refuses_existing);
  g_test_add_func ("/backup/write/missing-database", test_write_missing_database);
  g_test_add_func ("/backup/write/while-app-writes", test_write_while_app_writes);
  g_test_add_func ("/backup/rotate/keeps-newest", test_rotate_keeps_newest);
  g_test_add_func ("/backup/rotate/two-at-once", test_rotate_two_at_once);
  g_test_add_func ("/backup/rotate/clears-abandoned-partials", test_rotate_clears_abandoned_partials);
  g_test_add_func ("/backup/list/empty", test_list_empty);
  g_test_add_func ("/backup/check/good", test_check_good);
  g_test_add_func ("/backup/check/damaged-pages", test_check_damaged_pages);
  g_test_add_func ("/backup/check/not-a-database", test_check_not_a_database);
  g_test_add_func ("/backup/check/missing", test_check_missing);
  g_test_add_func ("/backup/restore/brings-back-data", test_restore_brings_back_data);
  g_test_add_func ("/backup/restore/refuses-bad-backup", test_restore_refuses_bad_backup);
  g_test_add_func ("/backup/restore/refuses-open-store", test_restore_refuses_open_store);
  g_test_add_func ("/backup/restore/onto-new-machine", test_restore_onto_new_machine);

  return g_test_run ();
}
