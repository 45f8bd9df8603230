/* test-cli-chart.c — coplan-cli chart and monitoring-return, as a person runs them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-test-cli.h"
#include "../render/chart-fixture.h"

static CliFixture cli;
static ChartFixture fixture;

/* coplan-cli --db DB ARGS…, its exit status and what it printed. */
static CliRun
run_cli (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  CliRun run = { 0 };
  va_list args;

  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, cli.db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  cli_run_argv (&cli, &run, (const char *const *) argv->pdata);
  return run;
}

static char *
out_path (const char *name)
{
  return g_build_filename (cli.dir, name, NULL);
}

static void
assert_starts (const char *path, const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  g_assert_cmpint (memcmp (contents, magic, strlen (magic)), ==, 0);
}

static void
test_chart_files (void)
{
  static const char *const kinds[] = { "donut", "bars", "burn", "monthly" };
  static const char *const names[] = { "a.png", "b.SVG", "c.pdf", "d.png" };
  static const char *const magic[] = { "\x89PNG", "<?xml", "%PDF", "\x89PNG" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = out_path (names[i]);
      CliRun run = run_cli ("chart", "--person", fixture.person_id, "--kind", kinds[i], "-o", path,
                         "--today", FIXTURE_TODAY, i == 2 ? "--dark" : "--width=640", NULL);

      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      assert_starts (path, magic[i]);
      cli_run_clear (&run);
    }
}

/* The PNG's own header says its size. */
static void
test_chart_size (void)
{
  g_autofree char *path = out_path ("sized.png");
  g_autofree char *contents = NULL;
  CliRun run = run_cli ("chart", "--person", fixture.person_id, "--kind", "burn", "-o", path,
                     "--width", "400", "--height", "300", NULL);
  const guchar *bytes;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  bytes = (const guchar *) contents;
  g_assert_cmpuint ((guint) bytes[16] << 24 | bytes[17] << 16 | bytes[18] << 8 | bytes[19], ==, 400);
  g_assert_cmpuint ((guint) bytes[20] << 24 | bytes[21] << 16 | bytes[22] << 8 | bytes[23], ==, 300);
  cli_run_clear (&run);
}

static void
test_chart_errors (void)
{
  g_autofree char *txt = out_path ("chart.txt");
  g_autofree char *png = out_path ("never.png");
  CliRun unknown_ext = run_cli ("chart", "--person", fixture.person_id, "--kind", "donut", "-o", txt, NULL);
  CliRun unknown_kind = run_cli ("chart", "--person", fixture.person_id, "--kind", "pie", "-o", png, NULL);
  CliRun no_person = run_cli ("chart", "--kind", "donut", "-o", png, NULL);
  CliRun nobody = run_cli ("chart", "--person", "no-such-id", "--kind", "donut", "-o", png, NULL);
  CliRun tiny = run_cli ("chart", "--person", fixture.person_id, "--kind", "donut", "-o", png, "--width", "3", NULL);

  g_assert_cmpint (unknown_ext.status, ==, 2);
  g_assert_nonnull (strstr (unknown_ext.err, "does not end in .png, .svg or .pdf"));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_assert_cmpint (unknown_kind.status, ==, 2);
  g_assert_nonnull (strstr (unknown_kind.err, "donut, bars, burn or monthly"));
  g_assert_cmpint (no_person.status, ==, 2);
  g_assert_cmpint (nobody.status, ==, 1);
  g_assert_nonnull (strstr (nobody.err, "no-such-id"));
  g_assert_cmpint (tiny.status, ==, 2);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  cli_run_clear (&unknown_ext);
  cli_run_clear (&unknown_kind);
  cli_run_clear (&no_person);
  cli_run_clear (&nobody);
  cli_run_clear (&tiny);
}

static void
test_monitoring_return (void)
{
  g_autofree char *csv_path = out_path ("return.csv");
  g_autofree char *pdf_path = out_path ("return.pdf");
  g_autofree char *doc_path = out_path ("return.doc");
  g_autofree char *csv = NULL;
  CliRun csv_run = run_cli ("monitoring-return", "--person", fixture.person_id, "--quarter", "2026-Q2",
                         "-o", csv_path, NULL);
  CliRun pdf_run = run_cli ("monitoring-return", "--person", fixture.person_id, "--quarter", "2026-Q2",
                         "-o", pdf_path, NULL);
  CliRun bad_quarter = run_cli ("monitoring-return", "--person", fixture.person_id, "--quarter", "2026-Q7",
                             "-o", csv_path, NULL);
  CliRun bad_ext = run_cli ("monitoring-return", "--person", fixture.person_id, "--quarter", "2026-Q2",
                         "-o", doc_path, NULL);

  g_assert_cmpint (csv_run.status, ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "\nClosing balance,2250.00\n"));
  g_assert_nonnull (strstr (csv, "\n2026-05-15,Jo Smith,Personal assistant wages,,bank-transfer,450.00,Missing\n"));
  g_assert_cmpint (pdf_run.status, ==, 0);
  assert_starts (pdf_path, "%PDF");
  g_assert_cmpint (bad_quarter.status, ==, 2);
  g_assert_nonnull (strstr (bad_quarter.err, "is not a quarter"));
  g_assert_cmpint (bad_ext.status, ==, 2);
  g_assert_false (g_file_test (doc_path, G_FILE_TEST_EXISTS));
  cli_run_clear (&csv_run);
  cli_run_clear (&pdf_run);
  cli_run_clear (&bad_quarter);
  cli_run_clear (&bad_ext);
}

static void
make_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;

  cli_fixture_set_up (&cli, NULL);
  store = cp_store_open (cli.db, &error);
  g_assert_no_error (error);
  chart_fixture_build (store, &fixture);
  cp_store_close (store);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  cp_test_cli_path = argv[1];
  make_database ();
  g_test_add_func ("/cli/chart/files", test_chart_files);
  g_test_add_func ("/cli/chart/size", test_chart_size);
  g_test_add_func ("/cli/chart/errors", test_chart_errors);
  g_test_add_func ("/cli/monitoring-return", test_monitoring_return);
  status = g_test_run ();
  chart_fixture_clear (&fixture);
  cli_fixture_tear_down (&cli, NULL);
  return status;
}
