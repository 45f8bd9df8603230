/* test-cli.c — coplan-cli as a person runs it: commands, exit codes, messages
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-cli PATH-TO-coplan-cli [GTest options]
 * (meson passes the built binary). Each test case runs the binary with
 * HOME and XDG_DATA_HOME in a fresh temporary folder, so the real home
 * is never touched.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "coplan-core.h"
#include "cp-test-tree.h"

static const char *cli_path;

typedef struct
{
  char *dir;    /* this test case's folder */
  char *db;     /* <dir>/caseload.db */
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("coplan-cli-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "caseload.db", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  cp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs coplan-cli with @args (NULL-terminated) and waits for it. */
static void
run_cli (Fixture *fixture, Run *run, const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *data_home = g_build_filename (fixture->dir, "xdg-data", NULL);
  int wait_status = 0;
  va_list args;

  env = g_environ_setenv (env, "HOME", fixture->dir, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  g_ptr_array_add (argv, (gpointer) cli_path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* A refusal: the status, one "coplan-cli: " message holding @words,
 * nothing on stdout. */
static void
assert_refused (const Run *run, int status, const char *words)
{
  if (run->status != status || !g_str_has_prefix (run->err, "coplan-cli: ") ||
      strstr (run->err, words) == NULL)
    g_test_message ("status %d, stderr: %s", run->status, run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "coplan-cli: "));
  g_assert_nonnull (strstr (run->err, words));
  g_assert_cmpstr (run->out, ==, "");
}

static void
assert_ok (const Run *run)
{
  if (run->status != 0)
    g_test_message ("status %d, stderr: %s", run->status, run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

static guint
count_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  /* The text ends with a newline, which leaves one empty piece. */
  return g_strv_length (lines) - 1;
}

static void
make_demo (Fixture *fixture, const char *people, const char *payments)
{
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "--db", fixture->db, "demo", "--people", people, "--payments", payments, NULL);
  assert_ok (&run);
}

static void
write_file (const char *path, const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* ---- help and usage errors (exit 2) ---------------------------------- */

static void
test_help (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) demo = { 0 };
  const char *commands[] = { "demo", "list", "check", "backup", "--db" };

  run_cli (fixture, &run, "--help", NULL);
  assert_ok (&run);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));
  run_cli (fixture, &demo, "demo", "--help", NULL);
  assert_ok (&demo);
  g_assert_nonnull (strstr (demo.out, "--people"));
  g_assert_nonnull (strstr (demo.out, "--force"));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_usage_errors (Fixture *fixture, gconstpointer data)
{
  struct { const char *args[6]; const char *words; } cases[] = {
    { { NULL }, "No command" },
    { { "frobnicate", NULL }, "not a command" },
    { { "--colour", "list", NULL }, "--colour" },
    { { "demo", "--people", "abc", NULL }, "--people needs a whole number" },
    { { "demo", "--people=-5", NULL }, "--people needs a whole number" },
    { { "demo", "--people", "0", NULL }, "--people needs a whole number" },
    { { "demo", "--people", "99999999999999999999", NULL }, "--people needs a whole number" },
    { { "demo", "--people", "100001", NULL }, "--people needs a whole number" },
    { { "demo", "--payments", "1e6", NULL }, "--payments needs a whole number" },
    { { "demo", "--payments", "100000001", NULL }, "--payments needs a whole number" },
    { { "demo", "--seed", "-1", NULL }, "--seed needs a whole number" },
    { { "demo", "--people", NULL }, "Missing argument" },
    { { "demo", "extra", NULL }, "unexpected argument" },
    { { "list", "extra", NULL }, "unexpected argument" },
    { { "check", "--thorough", NULL }, "--thorough" },
    { { "backup", NULL }, "which file" },
    { { "backup", "a.db", "b.db", NULL }, "unexpected argument" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char *const *a = cases[i].args;

      run_cli (fixture, &run, "--db", fixture->db, a[0], a[0] ? a[1] : NULL,
               a[0] && a[1] ? a[2] : NULL, a[0] && a[1] && a[2] ? a[3] : NULL, NULL);
      g_test_message ("case %u: %s", i, run.err);
      assert_refused (&run, 2, cases[i].words);
      /* A refused command changes nothing: not even an empty file. */
      g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
    }
}

/* ---- demo ------------------------------------------------------------ */

static void
test_demo_makes_caseload (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_autoptr(CpStore) store = NULL;

  run_cli (fixture, &run, "--db", fixture->db, "demo", "--people", "12", "--payments", "345",
           "--seed", "4", NULL);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "12 people"));
  g_assert_nonnull (strstr (run.out, "345 payments"));
  store = cp_store_open_full (fixture->db, CP_STORE_OPEN_READ_ONLY, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 12);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PAYMENT, NULL), ==, 345);
}

static void
test_demo_refuses_non_empty (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) again = { 0 };
  g_auto(Run) forced = { 0 };
  g_auto(Run) repeat = { 0 };
  g_auto(Run) list = { 0 };

  make_demo (fixture, "5", "50");
  run_cli (fixture, &again, "--db", fixture->db, "demo", "--people", "5", NULL);
  assert_refused (&again, 1, "already has 5 people");
  g_assert_nonnull (strstr (again.err, "--force"));
  run_cli (fixture, &forced, "--db", fixture->db, "demo", "--people", "3", "--payments", "9",
           "--seed", "77", "--force", NULL);
  assert_ok (&forced);
  g_assert_nonnull (strstr (forced.out, "8 people"));
  /* The same seed again would repeat its ids: refused whole. */
  run_cli (fixture, &repeat, "--db", fixture->db, "demo", "--people", "3", "--seed", "77", "--force", NULL);
  assert_refused (&repeat, 1, "another --seed");
  g_assert_nonnull (strstr (forced.out, "59 payments"));
  run_cli (fixture, &list, "--db", fixture->db, "list", NULL);
  assert_ok (&list);
  g_assert_cmpuint (count_lines (list.out), ==, 8);
}

/* Without --db, the default database under XDG_DATA_HOME. */
static void
test_demo_default_db (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *expected = g_build_filename (fixture->dir, "xdg-data", "coplan", "coplan.db", NULL);

  run_cli (fixture, &run, "demo", "--people", "2", "--payments", "4", NULL);
  assert_ok (&run);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (run.out, expected));
}

/* The app holds the write lock: demo is refused, list still works. */
static void
test_beside_running_app (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) app = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) list = { 0 };

  make_demo (fixture, "4", "10");
  app = cp_store_open (fixture->db, &error);
  g_assert_no_error (error);
  run_cli (fixture, &demo, "--db", fixture->db, "demo", "--force", "--seed", "2", NULL);
  assert_refused (&demo, 1, "Could not open");
  run_cli (fixture, &list, "--db", fixture->db, "list", NULL);
  assert_ok (&list);
  g_assert_cmpuint (count_lines (list.out), ==, 4);
}

/* ---- list ------------------------------------------------------------ */

static const char *
last_word (const char *name)
{
  const char *space = strrchr (name, ' ');
  return space ? space + 1 : name;
}

static void
test_list_sorted (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *previous = NULL;
  guint n = 0;

  make_demo (fixture, "40", "0");
  run_cli (fixture, &run, "--db", fixture->db, "list", NULL);
  assert_ok (&run);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++, n++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_true (g_uuid_string_is_valid (fields[0]));
      g_assert_cmpstr (fields[1], !=, "");
      /* Family names are one word in the demo: sorted by them, ignoring ASCII case. */
      if (previous != NULL)
        g_assert_cmpint (g_ascii_strcasecmp (previous, last_word (fields[1])), <=, 0);
      g_free (previous);
      previous = g_strdup (last_word (fields[1]));
    }
  g_assert_cmpuint (n, ==, 40);
}

static void
test_list_empty (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (fixture->db, &error);
  g_auto(Run) run = { 0 };

  g_assert_no_error (error);
  g_clear_object (&store);
  run_cli (fixture, &run, "--db", fixture->db, "list", NULL);
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "");
}

/* ---- check ----------------------------------------------------------- */

static void
test_check_ok (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *expected = g_strdup_printf ("ok, schema version %u\n", cp_schema_latest_version ());

  make_demo (fixture, "6", "60");
  run_cli (fixture, &run, "--db", fixture->db, "check", NULL);
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, expected);
}

/* A b-tree page with a nonsense page type: only a real check finds it. */
static void
test_check_damaged (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  char *contents = NULL;
  gsize length = 0;

  make_demo (fixture, "6", "600");
  g_file_get_contents (fixture->db, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096 * 8);
  contents[4096 * 4] = 0x7f;   /* first byte of page 5: its type */
  g_file_set_contents (fixture->db, contents, length, &error);
  g_assert_no_error (error);
  g_free (contents);
  run_cli (fixture, &run, "--db", fixture->db, "check", NULL);
  assert_refused (&run, 1, "caseload.db");
}

/* ---- backup ---------------------------------------------------------- */

static void
test_backup (Fixture *fixture, gconstpointer data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "backup.db", NULL);
  g_auto(Run) backup = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) original = { 0 };
  g_auto(Run) copy = { 0 };

  make_demo (fixture, "9", "90");
  run_cli (fixture, &backup, "--db", fixture->db, "backup", target, NULL);
  assert_ok (&backup);
  run_cli (fixture, &check, "--db", target, "check", NULL);
  assert_ok (&check);
  run_cli (fixture, &original, "--db", fixture->db, "list", NULL);
  run_cli (fixture, &copy, "--db", target, "list", NULL);
  assert_ok (&copy);
  g_assert_cmpstr (original.out, ==, copy.out);
}

static void
test_backup_refusals (Fixture *fixture, gconstpointer data)
{
  g_autofree char *existing = g_build_filename (fixture->dir, "existing.db", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "backup.db", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) exists = { 0 };
  g_auto(Run) folder = { 0 };

  make_demo (fixture, "3", "3");
  write_file (existing, "keep me");
  run_cli (fixture, &exists, "--db", fixture->db, "backup", existing, NULL);
  assert_refused (&exists, 1, "already exists");
  g_file_get_contents (existing, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "keep me");
  run_cli (fixture, &folder, "--db", fixture->db, "backup", nowhere, NULL);
  assert_refused (&folder, 1, "does not exist");
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

/* ---- files that are not databases (exit 1) --------------------------- */

static void
test_bad_database_files (Fixture *fixture, gconstpointer data)
{
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "out.db", NULL);
  const char *commands[] = { "list", "check", "demo", "backup" };

  write_file (garbage, "This is a shopping list, not a database.\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) bad = { 0 };
      g_auto(Run) folder = { 0 };

      run_cli (fixture, &bad, "--db", garbage, commands[i], g_str_equal (commands[i], "backup") ? target : NULL, NULL);
      assert_refused (&bad, 1, "garbage.db");
      run_cli (fixture, &folder, "--db", fixture->dir, commands[i], g_str_equal (commands[i], "backup") ? target : NULL, NULL);
      assert_refused (&folder, 1, "is a folder");
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      if (g_str_equal (commands[i], "demo"))
        continue;   /* demo makes a new database */
      run_cli (fixture, &run, "--db", missing, commands[i], g_str_equal (commands[i], "backup") ? target : NULL, NULL);
      assert_refused (&run, 1, "There is no database");
    }
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Root reads anything, so this only means something for other users. */
static void
test_unreadable_database (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };

  if (geteuid () == 0)
    {
      g_test_skip ("root can read a file without read permission");
      return;
    }
  make_demo (fixture, "2", "2");
  g_assert_cmpint (g_chmod (fixture->db, 0), ==, 0);
  run_cli (fixture, &run, "--db", fixture->db, "list", NULL);
  assert_refused (&run, 1, "caseload.db");
  g_chmod (fixture->db, 0600);
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  /* The binary comes first, before GTest's own options. */
  if (argc > 1 && argv[1][0] != '-')
    {
      cli_path = argv[1];
      argv[1] = argv[0];
      argc--;
      argv++;
    }
  else
    cli_path = g_getenv ("COPLAN_CLI");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("Usage: test-cli PATH-TO-coplan-cli\n");
      return 77;
    }

  ADD ("/cli/help", test_help);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/demo/makes-caseload", test_demo_makes_caseload);
  ADD ("/cli/demo/refuses-non-empty", test_demo_refuses_non_empty);
  ADD ("/cli/demo/default-db", test_demo_default_db);
  ADD ("/cli/beside-running-app", test_beside_running_app);
  ADD ("/cli/list/sorted", test_list_sorted);
  ADD ("/cli/list/empty", test_list_empty);
  ADD ("/cli/check/ok", test_check_ok);
  ADD ("/cli/check/damaged", test_check_damaged);
  ADD ("/cli/backup/writes-copy", test_backup);
  ADD ("/cli/backup/refusals", test_backup_refusals);
  ADD ("/cli/bad-database-files", test_bad_database_files);
  ADD ("/cli/unreadable-database", test_unreadable_database);
  return g_test_run ();
}
