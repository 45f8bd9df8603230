/* test-monitoring-return.c — the direct-payment monitoring return: figures, CSV, PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "cp-test-util.h"
#include "chart-fixture.h"
#include "cp-csv.h"
#include "cp-monitoring-return.h"

static void
test_quarters (void)
{
  static const char *const bad[] = { "2026-Q5", "2026-Q0", "2026Q3", "26-Q1", "2026-Q3x", "", "Q3-2026" };
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *q4 = cp_monitoring_quarter_of ("2026-11-22");
  g_autofree char *q1 = cp_monitoring_quarter_of ("2027-03-31");

  g_assert_true (cp_monitoring_parse_quarter ("2026-Q3", &start, &end, NULL));
  g_assert_cmpstr (start, ==, "2026-07-01");
  g_assert_cmpstr (end, ==, "2026-09-30");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      char *s = NULL, *e = NULL;

      g_assert_false (cp_monitoring_parse_quarter (bad[i], &s, &e, &error));
      g_assert_error (error, CP_MONITORING_ERROR, CP_MONITORING_ERROR_QUARTER);
      g_assert_nonnull (strstr (error->message, "like 2026-Q3"));
      g_assert_null (s);
    }
  g_assert_cmpstr (q4, ==, "2026-Q4");
  g_assert_cmpstr (q1, ==, "2027-Q1");
}

/* Instalments add up to the agreed amount exactly, the odd pennies first. */
static void
test_received (void)
{
  const char *from = "2026-04-01", *to = "2027-03-31";

  g_assert_cmpint (cp_monitoring_received (1200000, "monthly", from, to, "2026-07-01", "2026-09-30"), ==, 300000);
  g_assert_cmpint (cp_monitoring_received (100001, "four-weekly", from, to, from, to), ==, 100001);
  /* 14 four-weekly payments: 7,155 p first, then 7,142 p. */
  g_assert_cmpint (cp_monitoring_received (100001, "four-weekly", from, to, from, from), ==, 7155);
  g_assert_cmpint (cp_monitoring_received (100001, "four-weekly", from, to, "2026-04-02", "2026-04-29"), ==, 7142);
  g_assert_cmpint (cp_monitoring_received (520000, "weekly", from, to, from, to), ==, 520000);
  g_assert_cmpint (cp_monitoring_received (900000, "quarterly", from, to, "2026-07-01", "2026-09-30"), ==, 225000);
  g_assert_cmpint (cp_monitoring_received (50000, "one-off", from, to, "2026-07-01", "2026-09-30"), ==, 0);
  g_assert_cmpint (cp_monitoring_received (50000, "annual", from, to, from, "2026-06-30"), ==, 50000);
}

static CpMonitoringReturn *
load (CpStore *store, ChartFixture *f, const char *quarter)
{
  g_autoptr(GError) error = NULL;
  CpMonitoringReturn *data = cp_monitoring_return_load (store, f->person_id, quarter, &error);

  g_assert_no_error (error);
  return data;
}

static void
test_figures (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  ChartFixture f = { 0 };
  g_autoptr(CpMonitoringReturn) q2 = NULL;
  g_autoptr(CpMonitoringReturn) q3 = NULL;
  g_autoptr(GError) error = NULL;
  CpReceipt *receipt;

  chart_fixture_build (store, &f);
  receipt = cp_receipt_new (f.first_payment_id);
  g_object_set (receipt, "filename", "payslip.pdf", NULL);
  g_free (fixture_insert (store, receipt));

  /* April to June: three monthly instalments of £1,000; only the NHS direct
   * payment's spending counts (the council budget is notional). */
  q2 = load (store, &f, "2026-Q2");
  g_assert_cmpstr (q2->person_name, ==, "Amina Okafor");
  g_assert_true (q2->received_estimated);
  g_assert_cmpint (q2->opening_pence, ==, 0);
  g_assert_cmpint (q2->received_pence, ==, 300000);
  g_assert_cmpint (q2->spent_pence, ==, 75000);
  g_assert_cmpint (q2->spent_pence, ==,
                   cp_test_query_int (store, "SELECT sum (amount_pence) FROM payment WHERE deleted = 0"
                                             " AND stream_id = ?1 AND paid_on BETWEEN '2026-04-01' AND '2026-06-30'",
                                      f.nhs_id));
  g_assert_cmpint (q2->closing_pence, ==, 225000);
  g_assert_cmpint (q2->weekly_pence, ==, 1200000 / 52);
  g_assert_cmpfloat_with_epsilon (q2->surplus_weeks, 225000.0 / (1200000 / 52), 1e-9);
  g_assert_cmpuint (q2->lines->len, ==, 1);
  g_assert_cmpstr (g_array_index (q2->lines, CpMonitoringLine, 0).label, ==, "Personal assistant wages");
  g_assert_cmpuint (q2->payments->len, ==, 2);
  g_assert_true (g_array_index (q2->payments, CpMonitoringPayment, 0).has_receipt);
  g_assert_false (g_array_index (q2->payments, CpMonitoringPayment, 1).has_receipt);
  g_assert_cmpuint (q2->n_missing, ==, 1);

  /* July to September carries the balance; the deleted payment never counts. */
  q3 = load (store, &f, "2026-Q3");
  g_assert_cmpint (q3->opening_pence, ==, 225000);
  g_assert_cmpint (q3->received_pence, ==, 300000);
  g_assert_cmpint (q3->spent_pence, ==, 0);
  g_assert_cmpint (q3->closing_pence, ==, 525000);
  g_assert_cmpuint (q3->payments->len, ==, 0);

  g_assert_null (cp_monitoring_return_load (store, f.person_id, "2026-Q9", &error));
  g_assert_error (error, CP_MONITORING_ERROR, CP_MONITORING_ERROR_QUARTER);
  chart_fixture_clear (&f);
}

static void
test_no_direct_payment (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) person = cp_test_add_person (store, "Sam", "Lee");
  const char *id = cp_record_get_id (CP_RECORD (person));
  CpPlan *plan;
  g_autofree char *plan_id = NULL;

  g_assert_null (cp_monitoring_return_load (store, id, "2026-Q3", &error));
  g_assert_error (error, CP_MONITORING_ERROR, CP_MONITORING_ERROR_NO_PLAN);
  g_clear_error (&error);
  plan = cp_plan_new (id);
  g_object_set (plan, "year-start", "2026-04-01", "year-end", "2027-03-31", NULL);
  plan_id = fixture_insert (store, plan);
  g_free (fixture_stream (store, plan_id, "Notional NHS", CP_FUNDER_NHS, CP_MANAGEMENT_NOTIONAL, 500000));
  g_assert_null (cp_monitoring_return_load (store, id, "2026-Q3", &error));
  g_assert_error (error, CP_MONITORING_ERROR, CP_MONITORING_ERROR_NO_DIRECT);
  g_assert_nonnull (strstr (error->message, "no direct payment"));
}

static void
test_csv (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  ChartFixture f = { 0 };
  g_autoptr(CpMonitoringReturn) q2 = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(CpCsv) parsed = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found_payment = FALSE, found_total = FALSE;

  chart_fixture_build (store, &f);
  q2 = load (store, &f, "2026-Q2");
  csv = cp_monitoring_return_to_csv (q2);
  parsed = cp_csv_parse (csv, -1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cp_csv_get_n_rows (parsed); i++)
    {
      const CpCsvRow *row = cp_csv_get_row (parsed, i);

      if (g_strcmp0 (row->fields[0], "Closing balance") == 0)
        {
          g_assert_cmpstr (row->fields[1], ==, "2250.00");
          found_total = TRUE;
        }
      if (g_strcmp0 (row->fields[0], "2026-05-15") == 0)
        {
          g_assert_cmpuint (row->n_fields, ==, 7);
          g_assert_cmpstr (row->fields[1], ==, "Jo Smith");
          g_assert_cmpstr (row->fields[5], ==, "450.00");
          g_assert_cmpstr (row->fields[6], ==, "Missing");
          found_payment = TRUE;
        }
      /* The funding names a stream with a comma-free name; quoting is RFC 4180. */
      if (g_strcmp0 (row->fields[0], "Funding") == 0)
        g_assert_nonnull (strstr (row->fields[1], "Personal health budget"));
    }
  g_assert_true (found_total);
  g_assert_true (found_payment);
  chart_fixture_clear (&f);
}

/* The weeks a council lets a person keep are the setting in Preferences
 * (Budget Rules), not always 8; the CSV says so too when the balance is over. */
static void
test_surplus_setting (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  ChartFixture f = { 0 };
  g_autoptr(CpMonitoringReturn) eight = NULL;
  g_autoptr(CpMonitoringReturn) ten = NULL;
  g_autofree char *eight_csv = NULL;
  g_autofree char *ten_csv = NULL;
  g_autoptr(GError) error = NULL;

  chart_fixture_build (store, &f);
  eight = load (store, &f, "2026-Q2");
  g_assert_cmpuint (eight->surplus_weeks_allowed, ==, 8);
  eight_csv = cp_monitoring_return_to_csv (eight);
  g_assert_nonnull (strstr (eight_csv, "Closing balance in weeks of funding,9.8\n"));
  g_assert_nonnull (strstr (eight_csv, "more than 8 weeks of funding"));

  g_assert_true (cp_budget_rules_set_surplus_weeks (store, 10, &error));
  g_assert_no_error (error);
  ten = load (store, &f, "2026-Q2");
  g_assert_cmpuint (ten->surplus_weeks_allowed, ==, 10);
  ten_csv = cp_monitoring_return_to_csv (ten);
  g_assert_null (strstr (ten_csv, "more than"));
}

/* Spending imported from the account's statement is in the return: the
 * import puts the account's stream on every payment (the plan's only
 * direct payment here, as the CLI and the window choose it). */
static void
test_statement_import (void)
{
  static const char q2_sum_sql[] =
    "SELECT sum (amount_pence) FROM payment WHERE deleted = 0"
    " AND paid_on BETWEEN '2026-04-01' AND '2026-06-30'"
    " AND (stream_id = ?1 OR id IN (SELECT payment_id FROM payment_import))";
  g_autoptr(CpStore) store = cp_test_open_store ();
  ChartFixture f = { 0 };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "statements",
                                                 "current-account-amount.csv", NULL);
  g_autoptr(CpStatement) statement = NULL;
  g_autoptr(CpMonitoringReturn) q2 = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  CpStatementImportOptions options = { 0, NULL, CP_PAYMENT_METHOD_BANK_TRANSFER, NULL };
  CpStatementCounts counts;

  chart_fixture_build (store, &f);
  accounts = cp_statement_import_list_accounts (store, f.plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  options.stream_id = cp_record_get_id (g_ptr_array_index (accounts, 0));
  g_assert_cmpstr (options.stream_id, ==, f.nhs_id);
  statement = cp_statement_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (cp_statement_import_apply (store, statement, f.plan_id, &options, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 7);

  /* £750 typed in by hand on the PA line, and £1,413.90 from the statement. */
  q2 = load (store, &f, "2026-Q2");
  g_assert_cmpint (q2->spent_pence, ==, 75000 + 141390);
  g_assert_cmpint (q2->spent_pence, ==, cp_test_query_int (store, q2_sum_sql, f.nhs_id));
  g_assert_cmpint (q2->closing_pence, ==, 300000 - 75000 - 141390);
  g_assert_cmpuint (q2->payments->len, ==, 2 + 7);
  g_assert_cmpuint (q2->n_missing, ==, 2 + 7);
  /* On no line: one total in words, beside the PA wages. */
  g_assert_cmpuint (q2->lines->len, ==, 2);
  g_assert_cmpstr (g_array_index (q2->lines, CpMonitoringLine, 0).label, ==, "Not on a budget line");
  g_assert_cmpint (g_array_index (q2->lines, CpMonitoringLine, 0).spent_pence, ==, 141390);
  chart_fixture_clear (&f);
}

static void
test_pdf_pages (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  ChartFixture f = { 0 };
  g_autoptr(CpMonitoringReturn) short_return = NULL;
  g_autoptr(CpMonitoringReturn) long_return = NULL;
  g_autofree char *dir = cp_test_make_dir ("returns");
  g_autofree char *pdf = g_build_filename (dir, "return.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "return.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  chart_fixture_build (store, &f);
  short_return = load (store, &f, "2026-Q2");
  g_assert_cmpuint (cp_monitoring_return_count_pages (short_return), ==, 1);
  g_assert_true (cp_monitoring_return_write (short_return, pdf, &error));
  g_assert_no_error (error);
  bytes = cp_test_read_file (pdf);
  g_assert_cmpint (memcmp (g_bytes_get_data (bytes, NULL), "%PDF", 4), ==, 0);
  /* It holds a name, an NHS number and every payment: only its owner may read it. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (pdf, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* A busy quarter runs over several pages. */
  g_assert_true (cp_store_begin (store, &error));
  for (int i = 0; i < 300; i++)
    g_free (fixture_payment (store, f.plan_id, "2026-08-15", 1000 + i, f.pa_id, f.nhs_id, "Jo Smith"));
  g_assert_true (cp_store_commit (store, &error));
  long_return = load (store, &f, "2026-Q3");
  g_assert_cmpuint (long_return->payments->len, ==, 300);
  g_assert_cmpuint (cp_monitoring_return_count_pages (long_return), >=, 6);

  g_assert_false (cp_monitoring_return_write (short_return, txt, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  chart_fixture_clear (&f);
}

int
main (int argc, char *argv[])
{
  cp_test_init (&argc, &argv);

  g_test_add_func ("/monitoring/quarters", test_quarters);
  g_test_add_func ("/monitoring/received", test_received);
  g_test_add_func ("/monitoring/figures", test_figures);
  g_test_add_func ("/monitoring/no-direct-payment", test_no_direct_payment);
  g_test_add_func ("/monitoring/csv", test_csv);
  g_test_add_func ("/monitoring/statement-import", test_statement_import);
  g_test_add_func ("/monitoring/surplus-setting", test_surplus_setting);
  g_test_add_func ("/monitoring/pdf-pages", test_pdf_pages);
  return g_test_run ();
}
