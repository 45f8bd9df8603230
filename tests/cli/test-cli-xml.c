/* test-cli-xml.c — coplan-cli import (and export --format xml) as a person runs them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-cli-xml PATH-TO-coplan-cli [GTest options]
 */
#include "coplan-core.h"
#include "cp-test-cli.h"

typedef struct
{
  CliFixture cli;
  char      *xml;   /* <dir>/caseload.xml */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  cli_fixture_set_up (&f->cli, data);
  f->xml = g_build_filename (f->cli.dir, "caseload.xml", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  cli_fixture_tear_down (&f->cli, data);
  g_free (f->xml);
}

static void
export_demo (Fixture *f)
{
  g_auto(CliRun) demo = { 0 };
  g_auto(CliRun) export = { 0 };

  cli_run (&f->cli, &demo, "--db", f->cli.db, "demo", "--people", "3", "--payments", "60", "--seed", "5");
  cli_assert_ok (&demo);
  cli_run (&f->cli, &export, "--db", f->cli.db, "export", "--format", "xml", "-o", f->xml);
  cli_assert_ok (&export);
}

/* Into a new database, then again: the second time nothing changes. */
static void
test_import_twice (Fixture *f, gconstpointer data)
{
  g_autofree char *other = g_build_filename (f->cli.dir, "other.db", NULL);
  g_auto(CliRun) first = { 0 };
  g_auto(CliRun) second = { 0 };
  g_auto(CliRun) list = { 0 };

  export_demo (f);
  cli_run (&f->cli, &first, "--db", other, "import", f->xml);
  cli_assert_ok (&first);
  g_assert_true (g_str_has_prefix (first.out, "Will add 3 people, update 0 and leave 0 unchanged.\n"));
  g_assert_nonnull (strstr (first.out, "Imported"));
  cli_run (&f->cli, &second, "--db", other, "import", f->xml);
  cli_assert_ok (&second);
  g_assert_true (g_str_has_prefix (second.out, "Will add 0 people, update 0 and leave 3 unchanged.\n"));
  g_assert_nonnull (strstr (second.out, "nothing was changed"));
  cli_run (&f->cli, &list, "--db", other, "list");
  cli_assert_ok (&list);
  g_assert_cmpuint (strlen (list.out), >, 0);
}

static void
test_dry_run (Fixture *f, gconstpointer data)
{
  g_autofree char *other = g_build_filename (f->cli.dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) empty = NULL;
  g_auto(CliRun) dry = { 0 };
  g_auto(CliRun) list = { 0 };

  export_demo (f);
  /* An empty database to compare with: a dry run opens it read-only. */
  empty = cp_store_open (other, &error);
  g_assert_no_error (error);
  cp_store_close (empty);
  cli_run (&f->cli, &dry, "--db", other, "import", "--dry-run", f->xml);
  cli_assert_ok (&dry);
  g_assert_nonnull (strstr (dry.out, "Will add 3 people"));
  g_assert_nonnull (strstr (dry.out, "Nothing was changed"));
  cli_run (&f->cli, &list, "--db", other, "list");
  g_assert_cmpstr (list.out, ==, "");
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *bomb = g_test_build_filename (G_TEST_DIST, "fixtures", "xml", "billion-laughs.xml", NULL);
  g_autofree char *missing = g_build_filename (f->cli.dir, "missing.xml", NULL);
  g_auto(CliRun) none = { 0 };
  g_auto(CliRun) extra = { 0 };
  g_auto(CliRun) absent = { 0 };
  g_auto(CliRun) hostile = { 0 };

  cli_run (&f->cli, &none, "--db", f->cli.db, "import");
  cli_assert_refused (&none, 2, "say which Coplan XML file");
  cli_run (&f->cli, &extra, "--db", f->cli.db, "import", bomb, "more");
  cli_assert_refused (&extra, 2, "unexpected argument");
  cli_run (&f->cli, &absent, "--db", f->cli.db, "import", missing);
  cli_assert_refused (&absent, 1, "There is no file");
  cli_run (&f->cli, &hostile, "--db", f->cli.db, "import", bomb);
  cli_assert_refused (&hostile, 1, "DOCTYPE");
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
  cp_test_cli_path = argv[1];
  g_test_add ("/cli-xml/import-twice", Fixture, NULL, fixture_set_up, test_import_twice, fixture_tear_down);
  g_test_add ("/cli-xml/dry-run", Fixture, NULL, fixture_set_up, test_dry_run, fixture_tear_down);
  g_test_add ("/cli-xml/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  return g_test_run ();
}
