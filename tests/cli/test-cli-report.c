/* test-cli-report.c — `coplan-cli report`: one person's budget as text
 * and as CSV, and its refusals
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-cli-report PATH-TO-coplan-cli [GTest options]
 */
#include "coplan-core.h"
#include "cp-test-cli.h"

typedef struct
{
  CliFixture cli;
  char *person_id;
  char *nobody_id;    /* a person with no plan */
  char *plan_id;
} Fixture;

static char *
insert (CpStore *store, gpointer record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_store_insert (store, CP_RECORD (record), &error));
  g_assert_no_error (error);
  return g_strdup (cp_record_get_id (CP_RECORD (record)));
}

static char *
add_line (CpStore *store, const char *plan, const char *stream, const char *category,
          const char *description, gint64 amount, CpPeriod period)
{
  g_autoptr(CpBudgetLine) line = cp_budget_line_new (plan);

  g_object_set (line, "stream-id", stream, "category", category, "description", description,
                "amount-pence", amount, "period", period, NULL);
  return insert (store, line);
}

static void
pay (CpStore *store, const char *plan, const char *line, gint64 amount)
{
  g_autoptr(CpPayment) payment = cp_payment_new (plan);

  g_object_set (payment, "paid-on", "2026-06-01", "amount-pence", amount, "budget-line-id", line, NULL);
  g_free (insert (store, payment));
}

/* The plan of test-budget-figures: £31,000 agreed over two streams. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpPerson) person = cp_person_new ();
  g_autoptr(CpPerson) nobody = cp_person_new ();
  g_autoptr(CpPlan) plan = NULL;
  g_autoptr(CpFundingStream) care = NULL;
  g_autoptr(CpFundingStream) nhs = NULL;
  g_autofree char *care_id = NULL;
  g_autofree char *nhs_id = NULL;
  g_autofree char *wages = NULL;
  g_autofree char *ni = NULL;
  g_autofree char *contingency = NULL;
  g_autofree char *therapy = NULL;

  cli_fixture_set_up (&f->cli, data);
  store = cp_store_open (f->cli.db, &error);
  g_assert_no_error (error);
  g_object_set (person, "given-name", "Amira", "family-name", "Begum", NULL);
  f->person_id = insert (store, person);
  g_object_set (nobody, "given-name", "Ravi", "family-name", "Shah", NULL);
  f->nobody_id = insert (store, nobody);
  plan = cp_plan_new (f->person_id);
  g_object_set (plan, "year-start", "2026-04-01", "year-end", "2027-03-31", NULL);
  f->plan_id = insert (store, plan);
  care = cp_funding_stream_new (f->plan_id);
  g_object_set (care, "funder", CP_FUNDER_SOCIAL_CARE, "name", "Personal budget, Tower Hamlets",
                "management", CP_MANAGEMENT_DIRECT_PAYMENT, "agreed-pence", (gint64) 2600000, NULL);
  care_id = insert (store, care);
  nhs = cp_funding_stream_new (f->plan_id);
  g_object_set (nhs, "agreed-pence", (gint64) 500000, NULL);
  nhs_id = insert (store, nhs);
  wages = add_line (store, f->plan_id, care_id, "pa-wages", "", 40000, CP_PERIOD_WEEK);
  ni = add_line (store, f->plan_id, care_id, "employer-ni", "", 10000, CP_PERIOD_MONTH);
  contingency = add_line (store, f->plan_id, care_id, "contingency", "", 100000, CP_PERIOD_YEAR);
  therapy = add_line (store, f->plan_id, nhs_id, "therapies", "Music, \"Nordoff\"", 50000, CP_PERIOD_MONTH);
  pay (store, f->plan_id, wages, 520000);
  pay (store, f->plan_id, therapy, 150000);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  cli_fixture_tear_down (&f->cli, data);
  g_free (f->person_id);
  g_free (f->nobody_id);
  g_free (f->plan_id);
}

static void
assert_contains (const char *text, const char *words)
{
  if (strstr (text, words) == NULL)
    g_error ("“%s” is not in:\n%s", words, text);
}

static void
test_text (Fixture *f, gconstpointer data)
{
  g_auto(CliRun) run = { 0 };

  cli_run (&f->cli, &run, "--db", f->cli.db, "report", "--person", f->person_id, "--today", "2026-06-30");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_contains (run.out, "Budget for Amira Begum\n");
  assert_contains (run.out, "Year of care: 1 April 2026 to 31 March 2027 (day 91 of 365)\n");
  assert_contains (run.out, "  Budget (agreed)                            £31,000.00\n");
  assert_contains (run.out, "  Spent                                       £6,700.00\n");
  assert_contains (run.out, "  Committed                                  £21,000.00\n");
  assert_contains (run.out, "  Projected spending by the end of the year  £26,873.63\n");
  assert_contains (run.out, "Council social care — Personal budget, Tower Hamlets\n");
  assert_contains (run.out, "  Direct payment; Every month\n");
  assert_contains (run.out, "  £3,000.00 of the £26,000.00 agreed is not planned on any line yet.\n");
  /* Columns line up although £ is two bytes. */
  assert_contains (run.out, "    Personal assistant wages         £400.00 a week  £20,800.00  £5,200.00  £15,600.00  £15,600.00\n");
  assert_contains (run.out, "\nNHS\n  Notional (arranged for me); Every month\n");
  assert_contains (run.out, "    Therapies: Music, \"Nordoff\"  £500.00 a month  £6,000.00  £1,500.00  £4,500.00  £4,500.00\n");
  assert_contains (run.out, "Warnings\n  ! NHS: The lines plan £1,000.00 more than the £5,000.00 agreed.\n");
}

static void
test_csv (Fixture *f, gconstpointer data)
{
  g_auto(CliRun) run = { 0 };
  g_autofree char *plan_row = NULL;

  cli_run (&f->cli, &run, "--db", f->cli.db, "report", "--person", f->person_id, "--today", "2026-07-01", "--csv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out,
    "kind,id,stream_id,name,period,amount,planned,agreed,spent,committed,remaining,message\r\n"));
  plan_row = g_strdup_printf ("plan,%s,,,2026-04-01/2027-03-31,,29000.00,31000.00,6700.00,", f->plan_id);
  assert_contains (run.out, plan_row);
  assert_contains (run.out, ",Therapies,a month,500.00,6000.00,,1500.00,");
  /* Text with commas and quotes is quoted, quotes doubled. */
  assert_contains (run.out, ",\"Music, \"\"Nordoff\"\"\"\r\n");
  assert_contains (run.out, ",contingency-untouched,,1000.00,,,,,,\"Nothing has been spent from the contingency (£1,000.00) so far.");
  assert_contains (run.out, "warning,");
}

/* Money on no budget line is in the plan's spent but in no stream: the
 * CSV has a row for it, so the streams and it add up to the plan. */
static void
test_csv_spent_on_no_line (Fixture *f, gconstpointer data)
{
  g_auto(CliRun) run = { 0 };
  g_autofree char *row = NULL;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CpStore) store = cp_store_open (f->cli.db, &error);

    g_assert_no_error (error);
    pay (store, f->plan_id, NULL, 2234);
  }
  cli_run (&f->cli, &run, "--db", f->cli.db, "report", "--person", f->person_id, "--today", "2026-07-01", "--csv");
  g_assert_cmpint (run.status, ==, 0);
  row = g_strdup_printf ("no-line,%s,,,,,,,22.34,,,", f->plan_id);
  assert_contains (run.out, row);
}

static void
test_no_plan (Fixture *f, gconstpointer data)
{
  g_auto(CliRun) run = { 0 };

  cli_run (&f->cli, &run, "--db", f->cli.db, "report", "--person", f->nobody_id);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Ravi Shah has no plan yet, so there is no budget to report.\n");
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->cli.dir, "missing.db", NULL);
  struct { int status; const char *words; const char *args[8]; } cases[] = {
    { 2, "say whose budget with --person ID", { "--db", f->cli.db, "report", NULL } },
    { 2, "--today must be a date written as YYYY-MM-DD, not “30/06/2026”",
      { "--db", f->cli.db, "report", "--person", f->person_id, "--today", "30/06/2026", NULL } },
    { 2, "unexpected argument “extra”", { "--db", f->cli.db, "report", "--person", f->person_id, "extra", NULL } },
    { 1, "no one on the caseload has the id “nobody”", { "--db", f->cli.db, "report", "--person", "nobody", NULL } },
    { 1, "missing.db", { "--db", missing, "report", "--person", f->person_id, NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };

      cli_run_argv (&f->cli, &run, cases[i].args);
      cli_assert_refused (&run, cases[i].status, cases[i].words);
    }
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
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
      g_printerr ("Usage: test-cli-report PATH-TO-coplan-cli\n");
      return 77;
    }
  ADD ("/cli/report/text", test_text);
  ADD ("/cli/report/csv", test_csv);
  ADD ("/cli/report/csv-spent-on-no-line", test_csv_spent_on_no_line);
  ADD ("/cli/report/no-plan", test_no_plan);
  ADD ("/cli/report/refusals", test_refusals);
  return g_test_run ();
}
