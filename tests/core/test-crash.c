/* test-crash.c — kill -9 while writing never corrupts nor loses a commit
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each round forks a child that opens the store and commits numbered
 * payments, acknowledging every number on a pipe only after the commit
 * returned. The parent kills it with SIGKILL 0–50 ms after the fork,
 * then opens the same file and demands integrity_check "ok", every
 * acknowledged number present, and no transaction half-written.
 * The parent never holds the database open while a child runs, and the
 * child forks before it opens any SQLite connection.
 *
 * COPLAN_CRASH_SEED repeats a run; COPLAN_CRASH_ROUNDS changes its
 * length (RELIABILITY.md §7 asks 1,000 per CI run, 10,000 nightly).
 */
#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cp-test-util.h"

#define DEFAULT_ROUNDS   200
#define MAX_KILL_DELAY_US 50000
/* Numbers of round r start at r * ROUND_STRIDE, so they never repeat. */
#define ROUND_STRIDE     G_GUINT64_CONSTANT (10000000)
#define MAX_BATCH        40

typedef struct
{
  char    *db_path;
  char    *plan_id;
  GRand   *rand;
  /* Every number ever acknowledged, across all rounds. */
  GArray  *acked;
  guint    rounds;
  guint    lost;
  guint    integrity_failures;
  guint    torn;
} CrashRun;

/* ---- the child ------------------------------------------------------- */

static gboolean
insert_payment (CpStore *store, const char *plan_id, guint64 number, guint64 batch_first,
                guint batch_size, GError **error)
{
  g_autoptr(CpPayment) payment = cp_payment_new (plan_id);
  g_autofree char *reference = g_strdup_printf ("%" G_GUINT64_FORMAT, number);
  /* "batch <first number> <size>": lets the parent find torn batches. */
  g_autofree char *note = g_strdup_printf ("batch %" G_GUINT64_FORMAT " %u",
                                           batch_first, batch_size);

  g_object_set (payment,
                "paid-on", "2026-11-22",
                "payee", "Crash test",
                "amount-pence", (gint64) (number % 100000) + 1,
                "reference", reference,
                "note", note,
                NULL);
  return cp_store_insert (store, CP_RECORD (payment), error);
}

/* One transaction of @n payments: a lone insert commits by itself, a
 * batch goes through an explicit begin … commit. */
static gboolean
commit_payments (CpStore *store, const char *plan_id, guint64 first, guint n, GError **error)
{
  if (n == 1)
    return insert_payment (store, plan_id, first, first, 1, error);

  if (!cp_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!insert_payment (store, plan_id, first + i, first, n, error))
      {
        cp_store_rollback (store);
        return FALSE;
      }
  return cp_store_commit (store, error);
}

static void
child_ack (int fd, guint64 first, guint n)
{
  guint64 numbers[MAX_BATCH];
  const char *data = (const char *) numbers;
  gsize left = n * sizeof (guint64);

  for (guint i = 0; i < n; i++)
    numbers[i] = first + i;
  while (left > 0)
    {
      ssize_t written = write (fd, data, left);
      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        _exit (5);
      data += written;
      left -= (gsize) written;
    }
}

/* One in four transactions is a batch of several payments. */
static guint
pick_transaction_size (GRand *rand)
{
  if (g_rand_int_range (rand, 0, 4) != 0)
    return 1;
  return (guint) g_rand_int_range (rand, 2, MAX_BATCH + 1);
}

/* Never returns, and never runs GTest's or GLib's exit handlers: the
 * parent's test harness state was copied by fork() and is not ours. */
static void G_GNUC_NORETURN
child_main (const char *db_path, const char *plan_id, guint round, guint32 seed, int ack_fd)
{
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (seed);
  guint64 next = (guint64) round * ROUND_STRIDE + 1;
  CpStore *store;

  /* Record ids come from g_random, whose state fork() copied: without a
   * fresh seed every child would make the same ids as the last one. */
  g_random_set_seed (seed ^ (guint32) getpid ());
  store = cp_store_open (db_path, &error);
  if (store == NULL)
    {
      g_printerr ("crash child: could not open the store: %s\n", error->message);
      _exit (3);
    }
  for (;;)
    {
      guint n = pick_transaction_size (rand);

      if (!commit_payments (store, plan_id, next, n, &error))
        {
          g_printerr ("crash child: commit failed: %s\n", error->message);
          _exit (4);
        }
      child_ack (ack_fd, next, n);
      next += n;
      /* Now and then, be killed in the middle of a checkpoint too. */
      if (g_rand_int_range (rand, 0, 64) == 0 &&
          !cp_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error))
        {
          g_printerr ("crash child: checkpoint failed: %s\n", error->message);
          _exit (6);
        }
    }
}

/* ---- the parent ------------------------------------------------------ */

/* Appends whole acknowledgements from @fd; a partial one waits in @pending. */
static gboolean
read_acks (CrashRun *run, int fd, GByteArray *pending)
{
  guint8 buffer[4096];
  ssize_t n = read (fd, buffer, sizeof buffer);
  guint whole;

  if (n < 0 && errno == EINTR)
    return TRUE;
  if (n <= 0)
    return FALSE;
  g_byte_array_append (pending, buffer, (guint) n);
  whole = pending->len / sizeof (guint64);
  for (guint i = 0; i < whole; i++)
    {
      guint64 number;
      memcpy (&number, pending->data + i * sizeof (guint64), sizeof number);
      g_array_append_val (run->acked, number);
    }
  g_byte_array_remove_range (pending, 0, whole * sizeof (guint64));
  return TRUE;
}

/* Reads acknowledgements until the kill moment, kills, then drains what
 * the child wrote before it died: those were acknowledged too. */
static void
watch_and_kill (CrashRun *run, pid_t pid, int fd, gint64 kill_at)
{
  g_autoptr(GByteArray) pending = g_byte_array_new ();
  gboolean open = TRUE;
  int status = 0;

  while (open)
    {
      gint64 now = g_get_monotonic_time ();
      struct pollfd pfd = { .fd = fd, .events = POLLIN };

      if (now >= kill_at)
        break;
      if (poll (&pfd, 1, (int) ((kill_at - now + 999) / 1000)) > 0)
        open = read_acks (run, fd, pending);
    }
  kill (pid, SIGKILL);
  while (read_acks (run, fd, pending))
    ;
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
    g_error ("The crash child ended by itself (status %d) instead of being killed", status);
  g_assert_cmpuint (pending->len, ==, 0);
}

static void
run_one_child (CrashRun *run, guint round)
{
  guint32 child_seed = g_rand_int (run->rand);
  gint64 delay = g_rand_int_range (run->rand, 0, MAX_KILL_DELAY_US + 1);
  int fds[2];
  pid_t pid;
  g_autoptr(GError) error = NULL;

  g_unix_open_pipe (fds, FD_CLOEXEC, &error);
  g_assert_no_error (error);
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      child_main (run->db_path, run->plan_id, round, child_seed, fds[1]);
    }
  close (fds[1]);
  watch_and_kill (run, pid, fds[0], g_get_monotonic_time () + delay);
  close (fds[0]);
}

static char *
integrity_check (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  GString *answer = g_string_new (NULL);
  int rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);

  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (answer, "%s%s", answer->len ? "; " : "",
                            (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_OK || sqlite3_errcode (db) != SQLITE_DONE)
    g_string_append_printf (answer, "%s%s", answer->len ? "; " : "", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return g_string_free (answer, FALSE);
}

/* Every number now in the payment table. */
static GHashTable *
stored_numbers (sqlite3 *db)
{
  GHashTable *numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT reference FROM payment", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *number = g_new (gint64, 1);
      *number = g_ascii_strtoll ((const char *) sqlite3_column_text (stmt, 0), NULL, 10);
      g_hash_table_add (numbers, number);
    }
  g_assert_cmpint (sqlite3_errcode (db), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return numbers;
}

/* Checks every number acknowledged so far, in any round. A lost one is
 * reported once and then dropped from the list, so it is counted once. */
static guint
count_lost (CrashRun *run, sqlite3 *db)
{
  g_autoptr(GHashTable) numbers = stored_numbers (db);
  guint lost = 0;
  guint kept = 0;

  for (guint i = 0; i < run->acked->len; i++)
    {
      guint64 acked = g_array_index (run->acked, guint64, i);
      gint64 number = (gint64) acked;

      if (g_hash_table_contains (numbers, &number))
        g_array_index (run->acked, guint64, kept++) = acked;
      else if (lost++ < 10)
        g_test_message ("acknowledged payment %" G_GINT64_FORMAT " is missing", number);
    }
  g_array_set_size (run->acked, kept);
  return lost;
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Half a transaction on disk: a batch with rows missing, or a payment
 * without the audit row that was written with it. */
static gint64
count_torn (sqlite3 *db)
{
  gint64 torn_batches = query_int (db,
    "SELECT count(*) FROM (SELECT note, count(*) AS n FROM payment GROUP BY note"
    " HAVING n <> CAST(substr (note, instr (substr (note, 7), ' ') + 7) AS INTEGER))");
  gint64 unaudited = query_int (db,
    "SELECT count(*) FROM payment p WHERE NOT EXISTS"
    " (SELECT 1 FROM audit a WHERE a.row_id = p.id AND a.action = 'create')");

  return torn_batches + unaudited;
}

static void
verify_database (CrashRun *run, guint round)
{
  g_autofree char *answer = NULL;
  sqlite3 *db = NULL;
  guint lost;
  gint64 torn;

  g_assert_cmpint (sqlite3_open_v2 (run->db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  /* Sometimes leave the log as the child left it, so the next child
   * starts by recovering a WAL rather than from a clean file. */
  if (g_rand_boolean (run->rand))
    sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  answer = integrity_check (db);
  if (g_strcmp0 (answer, "ok") != 0)
    {
      run->integrity_failures++;
      g_test_message ("round %u: integrity_check says: %s", round, answer);
    }
  lost = count_lost (run, db);
  run->lost += lost;
  /* Torn rows stay in the file, so this count is already cumulative. */
  torn = count_torn (db);
  run->torn = (guint) torn;
  if (lost > 0 || torn > 0)
    g_test_message ("round %u: %u acknowledged payments lost, %" G_GINT64_FORMAT
                    " torn transactions", round, lost, torn);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A person and plan for the payments to belong to, made once. */
static char *
prepare_database (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (db_path, &error);
  g_autoptr(CpPerson) person = NULL;
  g_autoptr(CpPlan) plan = NULL;

  g_assert_no_error (error);
  person = cp_test_add_person (store, "Crash", "Test");
  plan = cp_plan_new (cp_record_get_id (CP_RECORD (person)));
  cp_store_insert (store, CP_RECORD (plan), &error);
  g_assert_no_error (error);
  cp_store_close (store);
  return g_strdup (cp_record_get_id (CP_RECORD (plan)));
}

static guint
env_uint (const char *name, guint fallback)
{
  const char *text = g_getenv (name);
  guint64 value;

  if (text == NULL || *text == '\0')
    return fallback;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &value, NULL))
    g_error ("%s must be a whole number, not “%s”", name, text);
  return (guint) value;
}

static void
test_kill_while_writing (void)
{
  guint32 seed = env_uint ("COPLAN_CRASH_SEED", g_random_int ());
  guint rounds = env_uint ("COPLAN_CRASH_ROUNDS", DEFAULT_ROUNDS);
  CrashRun run = { 0 };

  g_test_message ("crash test seed %u (repeat with COPLAN_CRASH_SEED=%u)", seed, seed);
  g_printerr ("crash test seed %u (repeat with COPLAN_CRASH_SEED=%u)\n", seed, seed);
  run.db_path = cp_test_data_path ("crash.db");
  run.plan_id = prepare_database (run.db_path);
  run.rand = g_rand_new_with_seed (seed);
  run.acked = g_array_new (FALSE, FALSE, sizeof (guint64));

  for (guint round = 1; round <= rounds; round++)
    {
      run_one_child (&run, round);
      verify_database (&run, round);
      run.rounds++;
      if (run.integrity_failures > 0)
        break;
    }

  g_test_message ("crash test: %u rounds, %u acknowledged commits, %u lost, %u integrity failures",
                  run.rounds, run.acked->len + run.lost, run.lost, run.integrity_failures);
  g_printerr ("crash test: %u rounds, %u acknowledged commits, %u lost, %u integrity failures"
              " (%u torn transactions)\n",
              run.rounds, run.acked->len + run.lost, run.lost, run.integrity_failures, run.torn);
  g_assert_cmpuint (run.integrity_failures, ==, 0);
  g_assert_cmpuint (run.lost, ==, 0);
  g_assert_cmpuint (run.torn, ==, 0);
  g_assert_cmpuint (run.rounds, ==, rounds);
  /* Not a timing assert: with 0–50 ms per round some commits must land,
   * or the test proved nothing. */
  if (rounds >= 20)
    g_assert_cmpuint (run.acked->len + run.lost, >, 0);

  g_array_unref (run.acked);
  g_rand_free (run.rand);
  g_free (run.plan_id);
  g_free (run.db_path);
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);

  g_test_add_func ("/crash/kill-while-writing", test_kill_while_writing);

  return g_test_run ();
}
