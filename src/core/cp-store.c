/* cp-store.c — the one write connection to Coplan's SQLite database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See RELIABILITY.md: WAL, synchronous=FULL, foreign keys on, one write
 * connection in one process (held by a lock file), migrations by
 * PRAGMA user_version, each in its own transaction. For one large write
 * in a worker, a sibling connection (cp_store_open_sibling()) takes over
 * the writing, and the write store refuses writes until it is closed:
 * still one writer at a time.
 */
#define G_LOG_DOMAIN "cp-store"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cp-schema.h"
#include "cp-store.h"

struct _CpStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *contributor;
  int         lock_fd;
  gboolean    read_only;
  guint       transaction_depth;
  /* Statements reused on hot paths, keyed by their SQL text: each a
   * GPtrArray, holding more than one only when the same query ran
   * re-entrantly (see cp_store_prepare()). */
  GHashTable *statements;
  /* (table, id) pairs changed in the open transaction. */
  GPtrArray  *pending_changes;
  /* For each open level, pending_changes->len when it began: rolling a
   * savepoint back forgets the changes made inside it. */
  GArray     *savepoint_marks;

  /* How many siblings of this connection are open (see
   * cp_store_open_sibling()): an atomic count in a refcounted box shared
   * by the write store and its siblings, since a sibling is closed in
   * its worker thread and may outlive the store it came from. */
  gint       *open_siblings;
  /* A sibling keeps its committed (table, id) pairs here for its owner
   * to announce on the main thread, instead of emitting "changed". */
  gboolean    is_sibling;
  gboolean    counted;          /* this sibling is still in open_siblings */
  GPtrArray  *committed_changes;
};

G_DEFINE_FINAL_TYPE (CpStore, cp_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (cp-store-error-quark, cp_store_error)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static GPtrArray *
new_statement_pool (void)
{
  return g_ptr_array_new_with_free_func (finalize_statement);
}

static void
cp_store_dispose (GObject *object)
{
  cp_store_close (CP_STORE (object));
  G_OBJECT_CLASS (cp_store_parent_class)->dispose (object);
}

static void
cp_store_finalize (GObject *object)
{
  CpStore *self = CP_STORE (object);

  g_free (self->path);
  g_free (self->contributor);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_ptr_array_unref);
  g_clear_pointer (&self->savepoint_marks, g_array_unref);
  g_clear_pointer (&self->committed_changes, g_ptr_array_unref);
  g_clear_pointer (&self->open_siblings, g_atomic_rc_box_release);
  G_OBJECT_CLASS (cp_store_parent_class)->finalize (object);
}

static void
cp_store_class_init (CpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_store_dispose;
  object_class->finalize = cp_store_finalize;

  /**
   * CpStore::changed:
   * @table: the table whose row changed
   * @id: the row's id
   *
   * A row was created, updated or tombstoned, and the change is committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
cp_store_init (CpStore *self)
{
  self->lock_fd = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  self->savepoint_marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->committed_changes = g_ptr_array_new_with_free_func (g_free);
  self->open_siblings = g_atomic_rc_box_new0 (gint);
  self->contributor = g_strdup (g_get_real_name ());
}

gboolean
cp_store_set_error_from_db (CpStore *self, int rc, GError **error)
{
  int code = CP_STORE_ERROR_SQL;
  int primary = rc & 0xff;

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    code = CP_STORE_ERROR_CORRUPT;
  else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    code = CP_STORE_ERROR_BUSY;
  else if (primary == SQLITE_CONSTRAINT)
    code = CP_STORE_ERROR_INVALID;

  g_set_error (error, CP_STORE_ERROR, code, "%s",
               self && self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  return FALSE;
}

char *
cp_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "coplan", "coplan.db", NULL);
}

/* The folder is private to this user, and so is every file in it.
 * Coplan's own data folder is made private even if something else
 * created it first; a folder the user chose is left as it is. */
static gboolean
prepare_private_folder (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *default_path = cp_store_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (g_str_equal (dir, default_dir))
    g_chmod (dir, 0700);
  return TRUE;
}

static gboolean
create_private_file (const char *path, GError **error)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
tighten_permissions (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", ".lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      if (g_file_test (file, G_FILE_TEST_EXISTS))
        g_chmod (file, 0600);
    }
}

/* One process writes: a second Coplan gets a clear message instead of
 * a second write connection (RELIABILITY.md, the WAL-reset bug). */
static gboolean
take_write_lock (CpStore *self, GError **error)
{
  g_autofree char *lock_path = g_strconcat (self->path, ".lock", NULL);

  self->lock_fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (self->lock_fd < 0)
    {
      int saved = errno;
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), lock_path, g_strerror (saved));
      return FALSE;
    }
  if (flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY,
                   _("Another Coplan is already using “%s”. Close it and try again."), self->path);
      return FALSE;
    }
  return TRUE;
}

/* Connection settings that never write to the file. */
static gboolean
apply_connection_pragmas (CpStore *self, GError **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  return cp_store_exec (self, "PRAGMA foreign_keys = ON;", error);
}

/* Switching to WAL rewrites the file header, so it runs only once the
 * file is known to be one this version may change. */
static gboolean
apply_write_pragmas (CpStore *self, GError **error)
{
  return cp_store_exec (self,
                        "PRAGMA journal_mode = WAL;"
                        "PRAGMA synchronous = FULL;",
                        error);
}

static guint
read_user_version (CpStore *self, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (self, "PRAGMA user_version", error);
  guint version;

  if (stmt == NULL)
    return G_MAXUINT;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      cp_store_set_error_from_db (self, sqlite3_errcode (self->db), error);
      sqlite3_reset (stmt);
      return G_MAXUINT;
    }
  version = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

/* A newer Coplan's file is refused before anything writes to it. */
static gboolean
check_not_too_new (CpStore *self, GError **error)
{
  guint version = read_user_version (self, error);

  if (version == G_MAXUINT)
    return FALSE;
  if (version > cp_schema_latest_version ())
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Coplan (schema %u; "
                     "this version knows up to %u). Update Coplan to open it."),
                   version, cp_schema_latest_version ());
      return FALSE;
    }
  return TRUE;
}

/* Each step and its new user_version commit together, or not at all. */
static gboolean
migrate (CpStore *self, guint target, GError **error)
{
  guint version = read_user_version (self, error);

  if (version == G_MAXUINT)
    return FALSE;
  while (version < target)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u;", version + 1);

      if (!cp_store_begin (self, error))
        return FALSE;
      if (!cp_store_exec (self, cp_schema_step_sql (version + 1), error) ||
          !cp_store_exec (self, set_version, error))
        {
          cp_store_rollback (self);
          g_prefix_error (error, _("Could not update the database to schema %u: "), version + 1);
          return FALSE;
        }
      if (!cp_store_commit (self, error))
        return FALSE;
      version++;
    }
  return TRUE;
}

/* cp_fold(text): the text case-folded and composed, for searches that
 * ignore case beyond ASCII ("łukasz" finds "Łukasz"), which SQLite's
 * LIKE does not. cp-record-list.c folds the search words the same way. */
static void
fold_function (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *folded = NULL;
  char *composed;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  /* Plain ASCII needs nothing: LIKE already ignores its case. */
  if (g_str_is_ascii (text))
    {
      sqlite3_result_value (context, argv[0]);
      return;
    }
  folded = g_utf8_casefold (text, -1);
  composed = g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (composed == NULL)
    sqlite3_result_text (context, g_steal_pointer (&folded), -1, g_free);
  else
    sqlite3_result_text (context, composed, -1, g_free);
}

static gboolean
open_connection (CpStore *self, GError **error)
{
  int flags = SQLITE_OPEN_NOMUTEX;
  int rc;

  flags |= self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  /* A sibling writes to the write store's file, which must be there. */
  if (!self->read_only && !self->is_sibling)
    flags |= SQLITE_OPEN_CREATE;
  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN, _("Could not open “%s”: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  rc = sqlite3_create_function_v2 (self->db, "cp_fold", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, fold_function, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return cp_store_set_error_from_db (self, rc, error);
  return TRUE;
}

/* SQLite says only "file is not a database": say which file, and what
 * that means for the person reading it. Returns NULL for the caller. */
static CpStore *
explain_open_failure (CpStore *self, GError **error)
{
  if (error != NULL && g_error_matches (*error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT))
    g_prefix_error (error, _("“%s” is damaged or is not a Coplan database: "), self->path);
  return NULL;
}

/**
 * cp_store_open_full:
 * @path: (nullable): the database file, or %NULL for the default
 * @target_version: the schema version to migrate to; 0 means the latest
 *
 * Tests pass an older @target_version to build databases as earlier
 * releases left them.
 */
CpStore *
cp_store_open_full (const char *path, CpStoreOpenFlags flags, guint target_version, GError **error)
{
  g_autoptr(CpStore) self = g_object_new (CP_TYPE_STORE, NULL);

  self->path = path ? g_strdup (path) : cp_store_default_path ();
  self->read_only = (flags & CP_STORE_OPEN_READ_ONLY) != 0;
  if (target_version == 0 || target_version > cp_schema_latest_version ())
    target_version = cp_schema_latest_version ();

  if (self->read_only && !g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                   _("There is no database at “%s”."), self->path);
      return NULL;
    }
  if (!self->read_only &&
      (!prepare_private_folder (self->path, error) ||
       !create_private_file (self->path, error) ||
       !take_write_lock (self, error)))
    return NULL;

  if (!open_connection (self, error) ||
      !apply_connection_pragmas (self, error) ||
      !check_not_too_new (self, error))
    return explain_open_failure (self, error);
  if (!self->read_only &&
      (!apply_write_pragmas (self, error) || !migrate (self, target_version, error)))
    return explain_open_failure (self, error);
  if (!self->read_only)
    tighten_permissions (self->path);

  return g_steal_pointer (&self);
}

CpStore *
cp_store_open (const char *path, GError **error)
{
  return cp_store_open_full (path, CP_STORE_OPEN_DEFAULT, 0, error);
}

/* Siblings ------------------------------------------------------------ */

/* Why a sibling can be refused, in words; FALSE and @error set if so. */
static gboolean
check_can_open_sibling (CpStore *self, GError **error)
{
  if (self->read_only)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                   _("The database was opened read-only, so it cannot be written in the background."));
      return FALSE;
    }
  if (self->db == NULL || self->lock_fd < 0)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN, _("The database is closed."));
      return FALSE;
    }
  /* The sibling's BEGIN IMMEDIATE would wait for this transaction, and
   * this connection's next write for the sibling. */
  if (self->transaction_depth > 0 || cp_store_has_open_sibling (self))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY,
                   _("Another change is being saved. Try again when it has finished."));
      return FALSE;
    }
  return TRUE;
}

/* The process's write lock, shared rather than taken again: a flock()
 * belongs to the open file, so a second flock() on a new descriptor
 * would be refused, while a dup() holds the same lock. It also keeps
 * the lock until the sibling closes, even if @owner is closed first
 * (quitting mid-import), so no other Coplan can start writing beside it. */
static gboolean
share_write_lock (CpStore *self, CpStore *owner, GError **error)
{
  self->lock_fd = fcntl (owner->lock_fd, F_DUPFD_CLOEXEC, 0);
  if (self->lock_fd < 0)
    {
      int saved = errno;
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                   _("Could not open “%s”: %s"), self->path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * cp_store_open_sibling:
 * @self: the write store (cp_store_open()), on the main thread
 *
 * See cp-store.h. The sibling counts itself open in @self's
 * open_siblings from here until cp_store_close(), in whichever thread
 * that runs, and @self's cp_store_begin() is refused meanwhile.
 */
CpStore *
cp_store_open_sibling (CpStore *self, GError **error)
{
  g_autoptr(CpStore) sibling = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (!self->is_sibling, NULL);

  if (!check_can_open_sibling (self, error))
    return NULL;
  sibling = g_object_new (CP_TYPE_STORE, NULL);
  sibling->path = g_strdup (self->path);
  sibling->is_sibling = TRUE;
  cp_store_set_contributor (sibling, self->contributor);
  g_clear_pointer (&sibling->open_siblings, g_atomic_rc_box_release);
  sibling->open_siblings = g_atomic_rc_box_acquire (self->open_siblings);
  g_atomic_int_inc (sibling->open_siblings);
  sibling->counted = TRUE;

  /* The write store already migrated the file and made it WAL; the
   * pragmas are per connection, so they are set again (journal_mode
   * only reads back "wal"). No migration, and a newer schema than this
   * Coplan knows is refused as on opening. */
  if (!share_write_lock (sibling, self, error) ||
      !open_connection (sibling, error) ||
      !apply_connection_pragmas (sibling, error) ||
      !check_not_too_new (sibling, error) ||
      !apply_write_pragmas (sibling, error))
    {
      cp_store_close (sibling);
      return explain_open_failure (sibling, error);
    }
  return g_steal_pointer (&sibling);
}

gboolean
cp_store_has_open_sibling (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  return !self->is_sibling && g_atomic_int_get (self->open_siblings) > 0;
}

gboolean
cp_store_is_sibling (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  return self->is_sibling;
}

/**
 * cp_store_steal_committed_changes:
 *
 * Returns: (transfer full): the (table, id) pairs committed through
 * this sibling since it opened or since the last call, flattened
 * (table, id, table, id …); empty for a write store, which emits them.
 */
GPtrArray *
cp_store_steal_committed_changes (CpStore *self)
{
  GPtrArray *changes;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  changes = g_steal_pointer (&self->committed_changes);
  self->committed_changes = g_ptr_array_new_with_free_func (g_free);
  return changes;
}

/* Closing checkpoints the WAL back into the main file and releases the
 * write lock; safe to call twice. */
void
cp_store_close (CpStore *self)
{
  g_return_if_fail (CP_IS_STORE (self));

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
  /* Only now, with the connection closed, may the write store write again. */
  if (self->counted)
    {
      self->counted = FALSE;
      g_atomic_int_dec_and_test (self->open_siblings);
    }
}

const char *
cp_store_get_path (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  return self->path;
}

guint
cp_store_get_schema_version (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), 0);
  return read_user_version (self, NULL);
}

gboolean
cp_store_is_read_only (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), TRUE);
  return self->read_only;
}

sqlite3 *
cp_store_get_db (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  return self->db;
}

const char *
cp_store_get_contributor (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  return self->contributor;
}

void
cp_store_set_contributor (CpStore *self, const char *name)
{
  g_return_if_fail (CP_IS_STORE (self));
  g_free (self->contributor);
  self->contributor = g_strdup (name && *name ? name : g_get_real_name ());
}

/**
 * cp_store_prepare:
 *
 * Returns: (transfer none): a reset statement owned by the store, reused
 * for the same @sql. Bind values and step it; never finalize it. Reset
 * it as soon as you are done: until then it holds a read transaction
 * open (which stops WAL checkpoints) and is not handed out again.
 */
sqlite3_stmt *
cp_store_prepare (CpStore *self, const char *sql, GError **error)
{
  GPtrArray *pool;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  if (self->db == NULL)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN, _("The database is closed."));
      return NULL;
    }

  pool = g_hash_table_lookup (self->statements, sql);
  /* A statement still mid-step belongs to a caller further up the stack
   * (say, one looping over rows whose edits emit "changed", with a
   * handler running the same query). Resetting it would restart that
   * caller's loop, so such a statement is skipped and, if need be, a
   * second copy is prepared. Every user resets its statement when done,
   * so the pool grows only as deep as the re-entry goes. */
  for (guint i = 0; pool != NULL && i < pool->len; i++)
    {
      stmt = g_ptr_array_index (pool, i);
      if (sqlite3_stmt_busy (stmt))
        continue;
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      cp_store_set_error_from_db (self, rc, error);
      return NULL;
    }
  if (pool == NULL)
    {
      pool = new_statement_pool ();
      g_hash_table_insert (self->statements, g_strdup (sql), pool);
    }
  g_ptr_array_add (pool, stmt);
  /* Re-entry is never this deep: some caller stepped and never reset. */
  if (pool->len == 8)
    g_warning ("Eight copies of one statement are mid-step; is a caller not resetting it? %s", sql);
  return stmt;
}

gboolean
cp_store_exec (CpStore *self, const char *sql, GError **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  if (self->db == NULL)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN, _("The database is closed."));
      return FALSE;
    }
  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      int primary = rc & 0xff;
      int code = (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) ? CP_STORE_ERROR_CORRUPT
               : (primary == SQLITE_BUSY) ? CP_STORE_ERROR_BUSY
               : CP_STORE_ERROR_SQL;
      g_set_error (error, CP_STORE_ERROR, code, "%s", message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gboolean
cp_store_begin (CpStore *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  if (self->read_only)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                   _("The database was opened read-only."));
      return FALSE;
    }
  /* While a sibling is open it is the one writer (see
   * cp_store_open_sibling()). Waiting for it would freeze the caller for
   * busy_timeout and then fail anyway; say so at once instead. */
  if (self->transaction_depth == 0 && !self->is_sibling && cp_store_has_open_sibling (self))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY,
                   _("A large change, such as an import, is being saved. Try again when it has finished."));
      return FALSE;
    }
  /* An I/O error, a full disk or an interrupt can make SQLite roll back
   * the whole transaction, not just the failed statement. A SAVEPOINT
   * now would open a fresh transaction and commit this write on its
   * own, while the caller's transaction is already lost and its commit
   * will fail: refuse until the caller rolls back. */
  if (self->transaction_depth > 0 && self->db != NULL && sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_SQL,
                   _("An earlier error cancelled this change, so nothing of it was saved."));
      return FALSE;
    }
  sql = self->transaction_depth == 0
        ? g_strdup ("BEGIN IMMEDIATE")
        : g_strdup_printf ("SAVEPOINT cp_%u", self->transaction_depth);
  if (!cp_store_exec (self, sql, error))
    return FALSE;
  g_array_append_val (self->savepoint_marks, self->pending_changes->len);
  self->transaction_depth++;
  return TRUE;
}

static void
emit_pending_changes (CpStore *self)
{
  g_autoptr(GPtrArray) changes = g_steal_pointer (&self->pending_changes);

  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  /* A sibling runs in a worker thread, where nothing may touch GTK:
   * its owner announces the changes on the main thread instead. */
  if (self->is_sibling)
    {
      g_ptr_array_extend_and_steal (self->committed_changes, g_steal_pointer (&changes));
      return;
    }
  for (guint i = 0; i + 1 < changes->len; i += 2)
    cp_store_emit_changed (self, g_ptr_array_index (changes, i), g_ptr_array_index (changes, i + 1));
}

gboolean
cp_store_commit (CpStore *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  sql = self->transaction_depth == 1
        ? g_strdup ("COMMIT")
        : g_strdup_printf ("RELEASE cp_%u", self->transaction_depth - 1);
  if (!cp_store_exec (self, sql, error))
    {
      cp_store_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  g_array_set_size (self->savepoint_marks, self->transaction_depth);
  if (self->transaction_depth == 0)
    emit_pending_changes (self);
  return TRUE;
}

void
cp_store_rollback (CpStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (CP_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  self->transaction_depth--;
  /* Rows written inside the undone level were never committed. */
  g_ptr_array_set_size (self->pending_changes,
                        g_array_index (self->savepoint_marks, guint, self->transaction_depth));
  g_array_set_size (self->savepoint_marks, self->transaction_depth);
  if (self->transaction_depth == 0)
    {
      if (!sqlite3_get_autocommit (self->db))
        cp_store_exec (self, "ROLLBACK", NULL);
      return;
    }
  sql = g_strdup_printf ("ROLLBACK TO cp_%u; RELEASE cp_%u",
                         self->transaction_depth, self->transaction_depth);
  cp_store_exec (self, sql, NULL);
}

void
_cp_store_queue_changed (CpStore *self, const char *table, const char *id)
{
  g_ptr_array_add (self->pending_changes, g_strdup (table));
  g_ptr_array_add (self->pending_changes, g_strdup (id));
}

void
cp_store_emit_changed (CpStore *self, const char *table, const char *id)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table, id);
}

char *
cp_store_now_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}
