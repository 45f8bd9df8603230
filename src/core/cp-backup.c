/* cp-backup.c — rotating backups, health checks and restore
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every function opens its own SQLite connection (or none), so a worker
 * thread can back up while the app keeps its write connection. Files
 * appear only whole: each is written under a temporary name, synced,
 * made private (0600) and then renamed into place. Nothing here ever
 * deletes a database except old backups that match our own naming
 * pattern (RELIABILITY.md, sections 4 and 7).
 */
#define G_LOG_DOMAIN "cp-backup"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "cp-backup.h"
#include "cp-schema.h"
#include "cp-store.h"

#define BACKUP_PREFIX "coplan-"
#define BACKUP_SUFFIX ".db"

/* The daily backup and "Back up now" run in worker threads and may
 * overlap. Unserialised, both picked the same new name, one unlinked
 * the other's .partial and both VACUUMed INTO one file ("table
 * contributor already exists", or a mixed copy), and both pruned at
 * once. One backup at a time in this process; recursive because
 * cp_backup_rotate() calls cp_backup_write(). */
static GRecMutex backup_lock;

/* ---- small file helpers ------------------------------------------------ */

static gboolean
set_errno_error (GError **error, int saved_errno, const char *what, const char *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s “%s”: %s", what, path, g_strerror (saved_errno));
  return FALSE;
}

/* Data is on disk only once fsync() says so. */
static gboolean
sync_path (const char *path, gboolean is_dir, GError **error)
{
  int fd = g_open (path, (is_dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int saved;

  if (fd < 0)
    return set_errno_error (error, errno, _("Could not open"), path);
  if (fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      return set_errno_error (error, saved, _("Could not write to disk"), path);
    }
  close (fd);
  return TRUE;
}

/* A rename is durable once the folder holding it is synced. */
static gboolean
sync_parent_dir (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  return sync_path (dir, TRUE, error);
}

static gboolean
make_private (const char *path, GError **error)
{
  if (g_chmod (path, 0600) != 0)
    return set_errno_error (error, errno, _("Could not make private"), path);
  return TRUE;
}

/* Like rename(), but never replaces an existing file: link() fails with
 * EEXIST atomically. Filesystems without hard links fall back to a
 * check and a rename. */
static gboolean
rename_no_replace (const char *from, const char *to, GError **error)
{
  if (link (from, to) == 0)
    {
      g_unlink (from);
      return TRUE;
    }
  if (errno == EEXIST)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists; Coplan will not overwrite it."), to);
      return FALSE;
    }
  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists; Coplan will not overwrite it."), to);
      return FALSE;
    }
  if (g_rename (from, to) != 0)
    return set_errno_error (error, errno, _("Could not rename to"), to);
  return TRUE;
}

/* Creates @path empty and private before anything is written into it,
 * so no other user can ever read a partly written copy. */
static int
create_private_exclusive (const char *path, GError **error)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    set_errno_error (error, errno, _("Could not create"), path);
  return fd;
}

static gboolean
write_all (int fd, const guint8 *data, gsize size)
{
  while (size > 0)
    {
      ssize_t n = write (fd, data, size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

/* Copies @from into a new private file @to and syncs it. */
static gboolean
copy_file_synced (const char *from, const char *to, GError **error)
{
  guint8 buffer[64 * 1024];
  int in = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  int out;
  int saved = 0;

  if (in < 0)
    return set_errno_error (error, errno, _("Could not open"), from);
  out = create_private_exclusive (to, error);
  if (out < 0)
    {
      close (in);
      return FALSE;
    }
  for (;;)
    {
      ssize_t n = read (in, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 || (n > 0 && !write_all (out, buffer, (gsize) n)))
        {
          saved = errno;
          break;
        }
      if (n == 0)
        {
          if (fsync (out) != 0)
            saved = errno;
          break;
        }
    }
  close (in);
  close (out);
  if (saved != 0)
    {
      g_unlink (to);
      return set_errno_error (error, saved, _("Could not copy to"), to);
    }
  return TRUE;
}

static char *
utc_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

/* ---- SQLite helpers ---------------------------------------------------- */

static gboolean
is_damage_code (int rc)
{
  int primary = rc & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

static gboolean
set_damaged_error (GError **error, const char *path, const char *detail)
{
  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
               _("Coplan's data file is damaged. “%s” failed its health check (%s). "
               "Restore it from a backup."), path, detail);
  return FALSE;
}

/* SQLite's own words, under the store's error codes; the public
 * functions below explain them for people. */
static void
set_raw_db_error (GError **error, sqlite3 *db, int rc)
{
  int code = is_damage_code (rc) ? CP_STORE_ERROR_CORRUPT
           : (rc & 0xff) == SQLITE_BUSY ? CP_STORE_ERROR_BUSY
           : (rc & 0xff) == SQLITE_CANTOPEN ? CP_STORE_ERROR_OPEN
           : CP_STORE_ERROR_SQL;

  g_set_error (error, CP_STORE_ERROR, code, "%s", db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

static sqlite3 *
open_read_only (const char *path, GError **error)
{
  sqlite3 *db = NULL;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                   _("There is no database at “%s”."), path);
      return NULL;
    }
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_raw_db_error (error, db, rc);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* ---- writing a backup -------------------------------------------------- */

char *
cp_backup_folder (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/* VACUUM INTO writes a consistent snapshot even while the app writes;
 * the target is bound as a parameter, never pasted into SQL. */
static gboolean
vacuum_into (const char *db_path, const char *target, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = open_read_only (db_path, &local_error);
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_CANTOPEN;

  if (db != NULL)
    {
      rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, target, -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
        }
      if (rc != SQLITE_DONE)
        set_raw_db_error (&local_error, db, rc);
      sqlite3_finalize (stmt);
      sqlite3_close_v2 (db);
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  if (g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT))
    return set_damaged_error (error, db_path, local_error->message);
  g_set_error (error, CP_STORE_ERROR, local_error->code,
               _("Could not back up “%s”: %s"), db_path, local_error->message);
  return FALSE;
}

/**
 * cp_backup_write:
 * @db_path: the live database
 * @backup_path: where the backup goes; must not exist yet
 *
 * The backup appears whole or not at all, and is 0600.
 */
gboolean
cp_backup_write (const char *db_path, const char *backup_path, GError **error)
{
  g_autofree char *partial = NULL;
  int fd;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (backup_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists; Coplan will not overwrite it."), backup_path);
      return FALSE;
    }
  partial = g_strconcat (backup_path, ".partial", NULL);
  g_rec_mutex_lock (&backup_lock);
  /* Only an interrupted backup of ours leaves this name behind: with
   * the lock held, no backup of this process is writing it now. */
  g_unlink (partial);
  fd = create_private_exclusive (partial, error);
  if (fd < 0)
    {
      g_rec_mutex_unlock (&backup_lock);
      return FALSE;
    }
  close (fd);

  if (!vacuum_into (db_path, partial, error) ||
      !sync_path (partial, FALSE, error) ||
      !make_private (partial, error) ||
      !rename_no_replace (partial, backup_path, error))
    {
      g_unlink (partial);
      g_rec_mutex_unlock (&backup_lock);
      return FALSE;
    }
  g_rec_mutex_unlock (&backup_lock);
  return sync_parent_dir (backup_path, error);
}

/* ---- rotation ---------------------------------------------------------- */

/* Parses our own names, coplan-YYYYMMDD-HHMMSS.db and
 * coplan-YYYYMMDD-HHMMSS-N.db; anything else is not ours. */
static gboolean
parse_backup_name (const char *name, char **stamp_out, guint64 *counter_out)
{
  gsize prefix_len = strlen (BACKUP_PREFIX);
  const char *p;
  guint64 counter = 1;

  if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, BACKUP_SUFFIX))
    return FALSE;
  p = name + prefix_len;
  for (guint i = 0; i < 15; i++)
    {
      gboolean want_dash = (i == 8);
      if (want_dash ? p[i] != '-' : !g_ascii_isdigit (p[i]))
        return FALSE;
    }
  if (p[15] == '-')
    {
      const char *digits = p + 16;
      const char *end = digits;
      while (g_ascii_isdigit (*end))
        end++;
      if (end == digits || end - digits > 9 || *digits == '0')
        return FALSE;
      counter = g_ascii_strtoull (digits, NULL, 10);
      p = end;
    }
  else
    p += 15;
  if (strcmp (p, BACKUP_SUFFIX) != 0)
    return FALSE;
  if (stamp_out)
    *stamp_out = g_strndup (name + prefix_len, 15);
  if (counter_out)
    *counter_out = counter;
  return TRUE;
}

/* Newest first: by time stamp, then by counter. */
static int
compare_backup_names (gconstpointer a, gconstpointer b)
{
  g_autofree char *base_a = g_path_get_basename (*(const char * const *) a);
  g_autofree char *base_b = g_path_get_basename (*(const char * const *) b);
  g_autofree char *stamp_a = NULL;
  g_autofree char *stamp_b = NULL;
  guint64 counter_a = 0, counter_b = 0;
  int cmp;

  parse_backup_name (base_a, &stamp_a, &counter_a);
  parse_backup_name (base_b, &stamp_b, &counter_b);
  cmp = g_strcmp0 (stamp_b, stamp_a);
  if (cmp != 0)
    return cmp;
  return counter_b > counter_a ? 1 : counter_b < counter_a ? -1 : 0;
}

GPtrArray *
cp_backup_list (const char *db_path)
{
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (db_path != NULL, list);
  folder = cp_backup_folder (db_path);
  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return list;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!parse_backup_name (name, NULL, NULL))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (list, g_steal_pointer (&path));
    }
  g_ptr_array_sort (list, compare_backup_names);
  return list;
}

/* A name for a new backup taken now. Several in one second get a
 * counter above every backup already taken that second, so the newest
 * always sorts first even after older ones were pruned. */
static char *
new_backup_path (const char *db_path, const char *folder)
{
  g_autofree char *stamp = utc_stamp ();
  g_autoptr(GPtrArray) existing = cp_backup_list (db_path);
  guint64 counter = 0;

  for (guint i = 0; i < existing->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (existing, i));
      g_autofree char *other_stamp = NULL;
      guint64 other_counter = 0;

      if (parse_backup_name (base, &other_stamp, &other_counter) &&
          strcmp (other_stamp, stamp) == 0)
        counter = MAX (counter, other_counter);
    }
  for (counter++; ; counter++)
    {
      g_autofree char *name = counter == 1
        ? g_strdup_printf (BACKUP_PREFIX "%s" BACKUP_SUFFIX, stamp)
        : g_strdup_printf (BACKUP_PREFIX "%s-%" G_GUINT64_FORMAT BACKUP_SUFFIX, stamp, counter);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *partial = g_strconcat (path, ".partial", NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (partial, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
}

/* Deletes all but the newest CP_BACKUP_KEEP of our own backups. The one
 * just written is always kept, even if the clock went back. Failing to
 * delete an old one is not worth failing the new backup for. */
static void
prune_backups (const char *db_path, const char *just_written)
{
  g_autoptr(GPtrArray) list = cp_backup_list (db_path);
  guint kept = 1;

  for (guint i = 0; i < list->len; i++)
    {
      const char *path = g_ptr_array_index (list, i);

      if (strcmp (path, just_written) == 0)
        continue;
      if (kept < CP_BACKUP_KEEP)
        {
          kept++;
          continue;
        }
      if (g_unlink (path) != 0)
        g_warning ("Could not delete the old backup “%s”: %s", path, g_strerror (errno));
    }
}

/* A backup cut short (Coplan quit or lost power while writing it) leaves
 * its .partial file behind. One older than an hour is not being written
 * by anyone any more; only our own names are touched. */
#define ABANDONED_AFTER_SECONDS (60 * 60)

static void
remove_abandoned_partials (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *backup_name = NULL;
      g_autofree char *path = NULL;
      GStatBuf info;

      if (!g_str_has_suffix (name, ".partial"))
        continue;
      backup_name = g_strndup (name, strlen (name) - strlen (".partial"));
      path = g_build_filename (folder, name, NULL);
      if (parse_backup_name (backup_name, NULL, NULL) &&
          g_lstat (path, &info) == 0 && S_ISREG (info.st_mode) &&
          now - info.st_mtime > ABANDONED_AFTER_SECONDS)
        g_unlink (path);
    }
}

char *
cp_backup_rotate (const char *db_path, GError **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folder = cp_backup_folder (db_path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      set_errno_error (error, errno, _("Could not create the folder"), folder);
      return NULL;
    }
  g_rec_mutex_lock (&backup_lock);
  path = new_backup_path (db_path, folder);
  if (!cp_backup_write (db_path, path, error))
    {
      g_rec_mutex_unlock (&backup_lock);
      return NULL;
    }
  prune_backups (db_path, path);
  remove_abandoned_partials (folder);
  g_rec_mutex_unlock (&backup_lock);
  return g_steal_pointer (&path);
}

/* ---- health check ------------------------------------------------------ */

/* Runs the check; fills @problem with SQLite's first complaint, if any. */
static int
run_check (sqlite3 *db, gboolean thorough, char **problem)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, thorough ? "PRAGMA integrity_check (20)"
                                            : "PRAGMA quick_check (20)",
                               -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (*problem == NULL && g_strcmp0 (line, "ok") != 0)
        *problem = g_strdup (line ? line : "no answer");
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The check itself: a damaged file gives CP_STORE_ERROR_CORRUPT with
 * SQLite's own words as the message, for the callers to explain. */
static gboolean
check_database (const char *db_path, gboolean thorough, GError **error)
{
  g_autofree char *problem = NULL;
  sqlite3 *db = open_read_only (db_path, error);
  int rc;

  if (db == NULL)
    return FALSE;
  rc = run_check (db, thorough, &problem);
  if (rc != SQLITE_OK)
    set_raw_db_error (error, db, rc);
  else if (problem != NULL)
    g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT, "%s", problem);
  sqlite3_close_v2 (db);
  return rc == SQLITE_OK && problem == NULL;
}

gboolean
cp_backup_check (const char *db_path, gboolean thorough, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (check_database (db_path, thorough, &local_error))
    return TRUE;
  if (g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT))
    return set_damaged_error (error, db_path, local_error->message);
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, CP_STORE_ERROR, local_error->code,
                 _("Could not check “%s”: %s"), db_path, local_error->message);
  return FALSE;
}

/* ---- restore ----------------------------------------------------------- */

/* Holds the store's own lock file so no Coplan opens the database while
 * it is being replaced; fails if one has it open now. */
static int
lock_database (const char *db_path, GError **error)
{
  g_autofree char *lock_path = g_strconcat (db_path, ".lock", NULL);
  int fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not open"), lock_path);
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY,
                   _("“%s” is still open in Coplan. Nothing was changed; close it "
                   "before restoring a backup."), db_path);
      return -1;
    }
  return fd;
}

/* "<db>.damaged-<UTC stamp>", with a counter if that is taken. */
static char *
damaged_base_name (const char *db_path)
{
  g_autofree char *stamp = utc_stamp ();

  for (guint counter = 1; ; counter++)
    {
      g_autofree char *base = counter == 1
        ? g_strdup_printf ("%s.damaged-%s", db_path, stamp)
        : g_strdup_printf ("%s.damaged-%s-%u", db_path, stamp, counter);
      g_autofree char *wal = g_strconcat (base, "-wal", NULL);
      g_autofree char *shm = g_strconcat (base, "-shm", NULL);

      if (!g_file_test (base, G_FILE_TEST_EXISTS) && !g_file_test (wal, G_FILE_TEST_EXISTS) &&
          !g_file_test (shm, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&base);
    }
}

static const char * const db_suffixes[] = { "", "-wal", "-shm" };

/* Puts back whatever move_damaged_aside() already moved. */
static void
undo_move_aside (const char *db_path, const char *base, guint n_moved)
{
  for (guint i = 0; i < n_moved; i++)
    {
      g_autofree char *from = g_strconcat (base, db_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (db_path, db_suffixes[i], NULL);
      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        g_warning ("Could not move “%s” back to “%s”: %s", from, to, g_strerror (errno));
    }
}

/* The database and its -wal and -shm keep their pairing under the new
 * name, so the damaged copy can still be opened and rescued later. */
static char *
move_damaged_aside (const char *db_path, GError **error)
{
  g_autofree char *base = damaged_base_name (db_path);

  for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, db_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (base, db_suffixes[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (!rename_no_replace (from, to, error))
        {
          undo_move_aside (db_path, base, i);
          return NULL;
        }
    }
  return g_steal_pointer (&base);
}

static gint64
read_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return version;
}

/* A healthy SQLite file is not enough: an empty or foreign database
 * would replace the person's data with nothing. */
static gboolean
check_backup_is_coplan (const char *backup_path, GError **error)
{
  gint64 version = read_user_version (backup_path);

  if (version > (gint64) cp_schema_latest_version ())
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW,
                   _("The backup “%s” was written by a newer version of Coplan. "
                   "Nothing was changed; update Coplan to restore it."), backup_path);
      return FALSE;
    }
  if (version <= 0)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
                   _("“%s” is not a Coplan backup. Nothing was changed; "
                   "choose another backup."), backup_path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_backup_usable (const char *backup_path, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (check_database (backup_path, TRUE, &local_error))
    return check_backup_is_coplan (backup_path, error);
  if (g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT))
    g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
                 _("The backup “%s” is damaged (%s). Nothing was changed; "
                 "choose another backup."), backup_path, local_error->message);
  else if (!g_file_test (backup_path, G_FILE_TEST_EXISTS))
    g_set_error (error, local_error->domain, local_error->code,
                 _("There is no backup at “%s”. Nothing was changed."), backup_path);
  else
    g_set_error (error, local_error->domain, local_error->code,
                 _("The backup “%s” could not be read (%s). Nothing was changed."),
                 backup_path, local_error->message);
  return FALSE;
}

/* Moves the old files aside, then renames the synced copy into place;
 * on failure the old files go back where they were. */
static gboolean
swap_in_copy (const char *db_path, const char *copy, GError **error)
{
  g_autofree char *damaged = move_damaged_aside (db_path, error);

  if (damaged == NULL)
    return FALSE;
  if (g_rename (copy, db_path) != 0)
    {
      set_errno_error (error, errno, _("Could not put the backup in place at"), db_path);
      undo_move_aside (db_path, damaged, G_N_ELEMENTS (db_suffixes));
      return FALSE;
    }
  return sync_parent_dir (db_path, error);
}

static gboolean
prepare_db_folder (const char *db_path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, errno, _("Could not create the folder"), dir);
  return TRUE;
}

/**
 * cp_backup_restore:
 *
 * The backup is checked and copied beside the database first, so a bad
 * backup or a full disk changes nothing; only then is the old file moved
 * aside (never deleted) and the copy renamed into place.
 */
gboolean
cp_backup_restore (const char *db_path, const char *backup_path, GError **error)
{
  g_autofree char *restoring = NULL;
  gboolean ok;
  int lock_fd;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_backup_usable (backup_path, error) || !prepare_db_folder (db_path, error))
    return FALSE;
  lock_fd = lock_database (db_path, error);
  if (lock_fd < 0)
    return FALSE;

  restoring = g_strconcat (db_path, ".restoring", NULL);
  /* Only an interrupted restore of ours leaves this name behind. */
  g_unlink (restoring);
  ok = copy_file_synced (backup_path, restoring, error) &&
       swap_in_copy (db_path, restoring, error);
  g_unlink (restoring);
  close (lock_fd);
  return ok;
}
