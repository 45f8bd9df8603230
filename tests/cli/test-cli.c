/* test-cli.c — coplan-cli as a person runs it: commands, exit codes, messages
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-cli PATH-TO-coplan-cli [GTest options]
 * (meson passes the built binary). Each test case runs the binary with
 * HOME and XDG_DATA_HOME in a fresh temporary folder, so the real home
 * is never touched.
 */
#include <unistd.h>

#include "coplan-core.h"
#include "cp-test-cli.h"

static guint
count_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  /* The text ends with a newline, which leaves one empty piece. */
  return g_strv_length (lines) - 1;
}

static void
make_demo (CliFixture *fixture, const char *people, const char *payments)
{
  g_auto(CliRun) run = { 0 };

  cli_run (fixture, &run, "--db", fixture->db, "demo", "--people", people, "--payments", payments);
  cli_assert_ok (&run);
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
test_help (CliFixture *fixture, gconstpointer data)
{
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) demo = { 0 };
  const char *commands[] = { "demo", "list", "check", "backup", "--db" };

  cli_run (fixture, &run, "--help");
  cli_assert_ok (&run);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));
  cli_run (fixture, &demo, "demo", "--help");
  cli_assert_ok (&demo);
  g_assert_nonnull (strstr (demo.out, "--people"));
  g_assert_nonnull (strstr (demo.out, "--force"));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_usage_errors (CliFixture *fixture, gconstpointer data)
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
      g_auto(CliRun) run = { 0 };
      const char *const *a = cases[i].args;

      cli_run (fixture, &run, "--db", fixture->db, a[0], a[0] ? a[1] : NULL,
               a[0] && a[1] ? a[2] : NULL, a[0] && a[1] && a[2] ? a[3] : NULL);
      g_test_message ("case %u: %s", i, run.err);
      cli_assert_refused (&run, 2, cases[i].words);
      /* A refused command changes nothing: not even an empty file. */
      g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
    }
}

/* ---- demo ------------------------------------------------------------ */

static void
test_demo_makes_caseload (CliFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0 };
  g_autoptr(CpStore) store = NULL;

  cli_run (fixture, &run, "--db", fixture->db, "demo", "--people", "12", "--payments", "345",
           "--seed", "4");
  cli_assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "12 people"));
  g_assert_nonnull (strstr (run.out, "345 payments"));
  store = cp_store_open_full (fixture->db, CP_STORE_OPEN_READ_ONLY, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, 12);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PAYMENT, NULL), ==, 345);
}

static void
test_demo_refuses_non_empty (CliFixture *fixture, gconstpointer data)
{
  g_auto(CliRun) again = { 0 };
  g_auto(CliRun) forced = { 0 };
  g_auto(CliRun) repeat = { 0 };
  g_auto(CliRun) list = { 0 };

  make_demo (fixture, "5", "50");
  cli_run (fixture, &again, "--db", fixture->db, "demo", "--people", "5");
  cli_assert_refused (&again, 1, "already has 5 people");
  g_assert_nonnull (strstr (again.err, "--force"));
  cli_run (fixture, &forced, "--db", fixture->db, "demo", "--people", "3", "--payments", "9",
           "--seed", "77", "--force");
  cli_assert_ok (&forced);
  g_assert_nonnull (strstr (forced.out, "8 people"));
  /* The same seed again would repeat its ids: refused whole. */
  cli_run (fixture, &repeat, "--db", fixture->db, "demo", "--people", "3", "--seed", "77", "--force");
  cli_assert_refused (&repeat, 1, "another --seed");
  g_assert_nonnull (strstr (forced.out, "59 payments"));
  cli_run (fixture, &list, "--db", fixture->db, "list");
  cli_assert_ok (&list);
  g_assert_cmpuint (count_lines (list.out), ==, 8);
}

/* Without --db, the default database under XDG_DATA_HOME. */
static void
test_demo_default_db (CliFixture *fixture, gconstpointer data)
{
  g_auto(CliRun) run = { 0 };
  g_autofree char *expected = g_build_filename (fixture->dir, "xdg-data", "coplan", "coplan.db", NULL);

  cli_run (fixture, &run, "demo", "--people", "2", "--payments", "4");
  cli_assert_ok (&run);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (run.out, expected));
}

/* The app holds the write lock: demo is refused, list still works. */
static void
test_beside_running_app (CliFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) app = NULL;
  g_auto(CliRun) demo = { 0 };
  g_auto(CliRun) list = { 0 };

  make_demo (fixture, "4", "10");
  app = cp_store_open (fixture->db, &error);
  g_assert_no_error (error);
  cli_run (fixture, &demo, "--db", fixture->db, "demo", "--force", "--seed", "2");
  cli_assert_refused (&demo, 1, "Could not open");
  cli_run (fixture, &list, "--db", fixture->db, "list");
  cli_assert_ok (&list);
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
test_list_sorted (CliFixture *fixture, gconstpointer data)
{
  g_auto(CliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *previous = NULL;
  guint n = 0;

  make_demo (fixture, "40", "0");
  cli_run (fixture, &run, "--db", fixture->db, "list");
  cli_assert_ok (&run);
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
test_list_empty (CliFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (fixture->db, &error);
  g_auto(CliRun) run = { 0 };

  g_assert_no_error (error);
  g_clear_object (&store);
  cli_run (fixture, &run, "--db", fixture->db, "list");
  cli_assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "");
}

/* ---- check ----------------------------------------------------------- */

static void
test_check_ok (CliFixture *fixture, gconstpointer data)
{
  g_auto(CliRun) run = { 0 };
  g_autofree char *expected = g_strdup_printf ("ok, schema version %u\n", cp_schema_latest_version ());

  make_demo (fixture, "6", "60");
  cli_run (fixture, &run, "--db", fixture->db, "check");
  cli_assert_ok (&run);
  g_assert_cmpstr (run.out, ==, expected);
}

/* A b-tree page with a nonsense page type: only a real check finds it. */
static void
test_check_damaged (CliFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(CliRun) run = { 0 };
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
  cli_run (fixture, &run, "--db", fixture->db, "check");
  cli_assert_refused (&run, 1, "caseload.db");
}

/* ---- backup ---------------------------------------------------------- */

static void
test_backup (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "backup.db", NULL);
  g_auto(CliRun) backup = { 0 };
  g_auto(CliRun) check = { 0 };
  g_auto(CliRun) original = { 0 };
  g_auto(CliRun) copy = { 0 };

  make_demo (fixture, "9", "90");
  cli_run (fixture, &backup, "--db", fixture->db, "backup", target);
  cli_assert_ok (&backup);
  cli_run (fixture, &check, "--db", target, "check");
  cli_assert_ok (&check);
  cli_run (fixture, &original, "--db", fixture->db, "list");
  cli_run (fixture, &copy, "--db", target, "list");
  cli_assert_ok (&copy);
  g_assert_cmpstr (original.out, ==, copy.out);
}

static void
test_backup_refusals (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *existing = g_build_filename (fixture->dir, "existing.db", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "backup.db", NULL);
  g_autofree char *contents = NULL;
  g_auto(CliRun) exists = { 0 };
  g_auto(CliRun) folder = { 0 };

  make_demo (fixture, "3", "3");
  write_file (existing, "keep me");
  cli_run (fixture, &exists, "--db", fixture->db, "backup", existing);
  cli_assert_refused (&exists, 1, "already exists");
  g_file_get_contents (existing, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "keep me");
  cli_run (fixture, &folder, "--db", fixture->db, "backup", nowhere);
  cli_assert_refused (&folder, 1, "does not exist");
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

/* ---- files that are not databases (exit 1) --------------------------- */

static void
test_bad_database_files (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "out.db", NULL);
  const char *commands[] = { "list", "check", "demo", "backup" };

  write_file (garbage, "This is a shopping list, not a database.\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CliRun) bad = { 0 };
      g_auto(CliRun) folder = { 0 };

      cli_run (fixture, &bad, "--db", garbage, commands[i], g_str_equal (commands[i], "backup") ? target : NULL);
      cli_assert_refused (&bad, 1, "garbage.db");
      cli_run (fixture, &folder, "--db", fixture->dir, commands[i], g_str_equal (commands[i], "backup") ? target : NULL);
      cli_assert_refused (&folder, 1, "is a folder");
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CliRun) run = { 0 };

      if (g_str_equal (commands[i], "demo"))
        continue;   /* demo makes a new database */
      cli_run (fixture, &run, "--db", missing, commands[i], g_str_equal (commands[i], "backup") ? target : NULL);
      cli_assert_refused (&run, 1, "There is no database");
    }
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Root reads anything, so this only means something for other users. */
static void
test_unreadable_database (CliFixture *fixture, gconstpointer data)
{
  g_auto(CliRun) run = { 0 };

  if (geteuid () == 0)
    {
      g_test_skip ("root can read a file without read permission");
      return;
    }
  make_demo (fixture, "2", "2");
  g_assert_cmpint (g_chmod (fixture->db, 0), ==, 0);
  cli_run (fixture, &run, "--db", fixture->db, "list");
  cli_assert_refused (&run, 1, "caseload.db");
  g_chmod (fixture->db, 0600);
}

#define ADD(path, func) g_test_add (path, CliFixture, NULL, cli_fixture_set_up, func, cli_fixture_tear_down)

int
main (int argc, char **argv)
{
  /* The binary comes first, before GTest's own options. */
  if (argc > 1 && argv[1][0] != '-')
    {
      cp_test_cli_path = argv[1];
      argv[1] = argv[0];
      argc--;
      argv++;
    }
  else
    cp_test_cli_path = g_getenv ("COPLAN_CLI");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (cp_test_cli_path == NULL || !g_file_test (cp_test_cli_path, G_FILE_TEST_IS_EXECUTABLE))
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
