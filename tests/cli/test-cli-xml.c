/* test-cli-xml.c — coplan-cli import (and export --format xml) as a person runs them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-cli-xml PATH-TO-coplan-cli [GTest options]
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "coplan-core.h"
#include "cp-test-tree.h"

static const char *cli_path;

typedef struct
{
  char *dir;
  char *db;
  char *xml;
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
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("coplan-cli-xml-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "caseload.db", NULL);
  f->xml = g_build_filename (f->dir, "caseload.xml", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  cp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->xml);
}

static void
run_cli (Fixture *f, Run *run, const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *data_home = g_build_filename (f->dir, "xdg-data", NULL);
  int wait_status = 0;
  va_list args;

  env = g_environ_setenv (env, "HOME", f->dir, TRUE);
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

static void
assert_ok (const Run *run)
{
  if (run->status != 0)
    g_test_message ("status %d, stderr: %s", run->status, run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

static void
assert_refused (const Run *run, int status, const char *words)
{
  if (run->status != status || strstr (run->err, words) == NULL)
    g_test_message ("status %d, stderr: %s", run->status, run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "coplan-cli: "));
  g_assert_nonnull (strstr (run->err, words));
}

static void
export_demo (Fixture *f)
{
  g_auto(Run) demo = { 0 };
  g_auto(Run) export = { 0 };

  run_cli (f, &demo, "--db", f->db, "demo", "--people", "3", "--payments", "60", "--seed", "5", NULL);
  assert_ok (&demo);
  run_cli (f, &export, "--db", f->db, "export", "--format", "xml", "-o", f->xml, NULL);
  assert_ok (&export);
}

/* Into a new database, then again: the second time nothing changes. */
static void
test_import_twice (Fixture *f, gconstpointer data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) list = { 0 };

  export_demo (f);
  run_cli (f, &first, "--db", other, "import", f->xml, NULL);
  assert_ok (&first);
  g_assert_true (g_str_has_prefix (first.out, "Will add 3 people, update 0 and leave 0 unchanged.\n"));
  g_assert_nonnull (strstr (first.out, "Imported"));
  run_cli (f, &second, "--db", other, "import", f->xml, NULL);
  assert_ok (&second);
  g_assert_true (g_str_has_prefix (second.out, "Will add 0 people, update 0 and leave 3 unchanged.\n"));
  g_assert_nonnull (strstr (second.out, "nothing was changed"));
  run_cli (f, &list, "--db", other, "list", NULL);
  assert_ok (&list);
  g_assert_cmpuint (strlen (list.out), >, 0);
}

static void
test_dry_run (Fixture *f, gconstpointer data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) empty = NULL;
  g_auto(Run) dry = { 0 };
  g_auto(Run) list = { 0 };

  export_demo (f);
  /* An empty database to compare with: a dry run opens it read-only. */
  empty = cp_store_open (other, &error);
  g_assert_no_error (error);
  cp_store_close (empty);
  run_cli (f, &dry, "--db", other, "import", "--dry-run", f->xml, NULL);
  assert_ok (&dry);
  g_assert_nonnull (strstr (dry.out, "Will add 3 people"));
  g_assert_nonnull (strstr (dry.out, "Nothing was changed"));
  run_cli (f, &list, "--db", other, "list", NULL);
  g_assert_cmpstr (list.out, ==, "");
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *bomb = g_test_build_filename (G_TEST_DIST, "fixtures", "xml", "billion-laughs.xml", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.xml", NULL);
  g_auto(Run) none = { 0 };
  g_auto(Run) extra = { 0 };
  g_auto(Run) absent = { 0 };
  g_auto(Run) hostile = { 0 };

  run_cli (f, &none, "--db", f->db, "import", NULL);
  assert_refused (&none, 2, "say which Coplan XML file");
  run_cli (f, &extra, "--db", f->db, "import", bomb, "more", NULL);
  assert_refused (&extra, 2, "unexpected argument");
  run_cli (f, &absent, "--db", f->db, "import", missing, NULL);
  assert_refused (&absent, 1, "There is no file");
  run_cli (f, &hostile, "--db", f->db, "import", bomb, NULL);
  assert_refused (&hostile, 1, "DOCTYPE");
  g_assert_cmpstr (hostile.out, ==, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-coplan-cli\n", argv[0]);
      return 2;
    }
  cli_path = argv[1];
  g_test_add ("/cli-xml/import-twice", Fixture, NULL, fixture_set_up, test_import_twice, fixture_tear_down);
  g_test_add ("/cli-xml/dry-run", Fixture, NULL, fixture_set_up, test_dry_run, fixture_tear_down);
  g_test_add ("/cli-xml/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  return g_test_run ();
}
