/* test-cli-export.c — coplan-cli export in every format, and its refusals
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-cli-export PATH-TO-coplan-cli [GTest options]
 */
#include "coplan-core.h"
#include "cp-test-cli.h"
#include "export-test-data.h"

/* A database holding the export fixture person; returns their id. */
static char *
fill_database (CliFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (fixture->db, &error);
  g_auto(ExportTestIds) ids = { 0 };

  g_assert_no_error (error);
  export_test_fill (store, &ids);
  return g_strdup (ids.person_id);
}

static char *
read_output (CliFixture *fixture, const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_formats (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *id = fill_database (fixture);
  g_autofree char *xml_path = g_build_filename (fixture->dir, "all.xml", NULL);
  g_autofree char *fhir_path = g_build_filename (fixture->dir, "all.fhir.xml", NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "payments.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "plan.pdf", NULL);
  g_autofree char *easy_path = g_build_filename (fixture->dir, "easy.pdf", NULL);
  g_autofree char *xml = NULL, *fhir = NULL, *csv = NULL, *pdf = NULL, *easy = NULL;
  g_auto(CliRun) run1 = { 0 }, run2 = { 0 }, run3 = { 0 }, run4 = { 0 }, run5 = { 0 };

  cli_run (fixture, &run1, "--db", fixture->db, "export", "--format", "xml", "-o", xml_path);
  cli_assert_ok (&run1);
  cli_run (fixture, &run2, "--db", fixture->db, "export", "--person", id, "--format", "fhir", "-o", fhir_path);
  cli_assert_ok (&run2);
  cli_run (fixture, &run3, "--db", fixture->db, "export", "--format", "csv", "-o", csv_path);
  cli_assert_ok (&run3);
  cli_run (fixture, &run4, "--db", fixture->db, "export", "--person", id, "--format", "pdf", "-o", pdf_path);
  cli_assert_ok (&run4);
  cli_run (fixture, &run5, "--db", fixture->db, "export", "--person", id, "--format", "pdf", "--easy-read",
           "-o", easy_path);
  cli_assert_ok (&run5);

  xml = read_output (fixture, "all.xml");
  g_assert_nonnull (strstr (xml, "https://coplan.github.io/ns/coplan/1"));
  g_assert_nonnull (strstr (xml, "Going to the mosque"));
  fhir = read_output (fixture, "all.fhir.xml");
  g_assert_nonnull (strstr (fhir, "<Bundle xmlns=\"http://hl7.org/fhir\">"));
  g_assert_nonnull (strstr (fhir, "<value value=\"9434765919\"/>"));
  csv = read_output (fixture, "payments.csv");
  g_assert_true (g_str_has_prefix (csv, "person_id,"));
  g_assert_nonnull (strstr (csv, ",520.00,"));
  pdf = read_output (fixture, "plan.pdf");
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  easy = read_output (fixture, "easy.pdf");
  g_assert_true (g_str_has_prefix (easy, "%PDF-"));
}

static void
test_refusals (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *id = fill_database (fixture);
  g_autofree char *out = g_build_filename (fixture->dir, "out.file", NULL);
  g_autofree char *partial = g_strconcat (out, ".partial", NULL);
  struct { const char *args[9]; int status; const char *words; } cases[] = {
    { { "export", "-o", out, NULL }, 2, "--format" },
    { { "export", "--format", "docx", "-o", out, NULL }, 2, "“docx” is not a format" },
    { { "export", "--format", "xml", NULL }, 2, "-o FILE" },
    { { "export", "--format", "pdf", "-o", out, NULL }, 2, "exactly one --person" },
    { { "export", "--format", "csv", "--easy-read", "-o", out, NULL }, 2, "--easy-read" },
    { { "export", "--format", "fhir", "--with-receipts", "-o", out, NULL }, 2, "--with-receipts" },
    { { "export", "--format", "csv", "--person", "00000000-0000-4000-8000-000000000000", "-o", out, NULL }, 1,
      "the id “00000000-0000-4000-8000-000000000000”" },
    { { "export", "--format", "pdf", "--person", "00000000-0000-4000-8000-000000000000", "-o", out, NULL }, 1,
      "the id “00000000-0000-4000-8000-000000000000”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(CliRun) run = { 0 };

      g_ptr_array_add (args, "--db");
      g_ptr_array_add (args, fixture->db);
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i].args[j]);
      g_ptr_array_add (args, NULL);
      cli_run_argv (fixture, &run, (const char *const *) args->pdata);
      cli_assert_refused (&run, cases[i].status, cases[i].words);
      /* nothing written, not even a partial file */
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
    }
}

int
main (int argc, char **argv)
{
  g_assert_cmpint (argc, >=, 2);
  cp_test_cli_path = argv[1];
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/cli-export/formats", CliFixture, NULL, cli_fixture_set_up, test_formats, cli_fixture_tear_down);
  g_test_add ("/cli-export/refusals", CliFixture, NULL, cli_fixture_set_up, test_refusals, cli_fixture_tear_down);
  return g_test_run ();
}
