/* test-chart-data.c — the charts' figures are the SQL's figures
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-test-util.h"
#include "chart-fixture.h"
#include "cp-chart.h"

static CpChartData *
load_fixture (CpStore *store, ChartFixture *f)
{
  g_autoptr(GError) error = NULL;
  CpChartData *data;

  chart_fixture_build (store, f);
  data = cp_chart_data_load (store, f->person_id, FIXTURE_TODAY, CP_CHART_ALL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static void
assert_slice (const CpChartData *data, guint i, const char *label, gint64 amount)
{
  const CpChartSlice *slice = &g_array_index (data->slices, CpChartSlice, i);

  g_assert_cmpstr (slice->label, ==, label);
  g_assert_cmpint (slice->amount_pence, ==, amount);
}

static void
test_slices (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  ChartFixture f = { 0 };
  g_autoptr(CpChartData) data = load_fixture (store, &f);
  gint64 sum = 0;

  g_assert_true (data->has_plan);
  g_assert_cmpint (data->agreed_pence, ==, 1800000);
  /* What SQL says was spent, the deleted payment left out. */
  g_assert_cmpint (data->spent_pence, ==,
                   cp_test_query_int (store, "SELECT sum (amount_pence) FROM payment WHERE deleted = 0", NULL));
  g_assert_cmpint (data->spent_pence, ==, 159000);
  g_assert_cmpuint (data->slices->len, ==, 4);
  assert_slice (data, 0, "Equipment", 80000);
  assert_slice (data, 1, "Personal assistant wages", 75000);
  assert_slice (data, 2, "Transport", 2500);
  assert_slice (data, 3, "Not on a budget line", 1500);
  for (guint i = 0; i < data->slices->len; i++)
    sum += g_array_index (data->slices, CpChartSlice, i).amount_pence;
  g_assert_cmpint (sum, ==, data->spent_pence);
  chart_fixture_clear (&f);
}

static void
assert_line (const CpChartData *data, guint i, const char *label, gint64 planned, gint64 spent)
{
  const CpChartLine *line = &g_array_index (data->lines, CpChartLine, i);

  g_assert_cmpstr (line->label, ==, label);
  g_assert_cmpint (line->planned_pence, ==, planned);
  g_assert_cmpint (line->spent_pence, ==, spent);
}

static void
test_lines (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  ChartFixture f = { 0 };
  g_autoptr(CpChartData) data = load_fixture (store, &f);

  /* A week is 52 to the year, a month 12, a one-off once. */
  g_assert_cmpuint (data->lines->len, ==, 4);
  assert_line (data, 0, "Personal assistant wages", 780000, 75000);
  assert_line (data, 1, "Transport", 60000, 2500);
  assert_line (data, 2, "Equipment", 50000, 80000);
  assert_line (data, 3, "Not on a budget line", 0, 1500);
  chart_fixture_clear (&f);
}

/* Money on no line is not a budget line that "spent more than planned":
 * the sentence counts the real lines and names that money apart. */
static void
test_lines_detail (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  ChartFixture f = { 0 };
  g_autoptr(CpChartData) data = load_fixture (store, &f);
  g_autofree char *detail = cp_chart_dup_detail (CP_CHART_KIND_BARS, data);

  g_assert_cmpstr (detail, ==, "1 of 3 budget lines have spent more than planned. "
                               "£15.00 was spent on no budget line.");
  chart_fixture_clear (&f);
}

static void
test_days_and_projection (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  ChartFixture f = { 0 };
  g_autoptr(CpChartData) data = load_fixture (store, &f);
  static const guint days[] = { 9, 44, 49, 61, 91, 92 };
  static const gint64 totals[] = { 30000, 75000, 77500, 158500, 160000, 159000 };

  g_assert_cmpuint (data->n_days, ==, 365);
  g_assert_cmpuint (data->today_day, ==, 183);
  g_assert_cmpuint (data->days->len, ==, G_N_ELEMENTS (days));
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_assert_cmpuint (g_array_index (data->days, CpChartDay, i).day, ==, days[i]);
      g_assert_cmpint (g_array_index (data->days, CpChartDay, i).cumulative_pence, ==, totals[i]);
    }
  /* £1,590 in 184 days, at that rate over 365, to the nearest penny
   * (the Budget tab's projection, cp-budget-figures). */
  g_assert_true (data->has_projection);
  g_assert_cmpint (data->projected_pence, ==, (159000 * 365 + 92) / 184);
  g_assert_cmpint (cp_chart_data_planned_by (data, 364), ==, 1800000);
  g_assert_cmpint (cp_chart_data_planned_by (data, 0), ==, 1800000 / 365);
  chart_fixture_clear (&f);
}

static void
test_monthly (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  ChartFixture f = { 0 };
  g_autoptr(CpChartData) data = load_fixture (store, &f);
  g_autofree char *april = NULL;
  gint64 sum = 0;

  g_assert_cmpuint (data->months->len, ==, 12);
  g_assert_cmpstr (data->months->pdata[0], ==, "2026-04");
  g_assert_cmpstr (data->months->pdata[11], ==, "2027-03");
  g_assert_cmpuint (data->streams->len, ==, 3);
  g_assert_cmpstr (data->streams->pdata[0], ==, "Personal health budget");
  g_assert_cmpstr (data->streams->pdata[1], ==, "Council personal budget");
  g_assert_cmpstr (data->streams->pdata[2], ==, "No funding stream");
  g_assert_cmpint (cp_chart_data_get_monthly (data, 0, 0), ==, 30000);
  g_assert_cmpint (cp_chart_data_get_monthly (data, 1, 0), ==, 45000);
  g_assert_cmpint (cp_chart_data_get_monthly (data, 1, 1), ==, 2500);
  g_assert_cmpint (cp_chart_data_get_monthly (data, 2, 1), ==, 81000);
  g_assert_cmpint (cp_chart_data_get_monthly (data, 3, 1), ==, -1000);
  g_assert_cmpint (cp_chart_data_get_monthly (data, 3, 2), ==, 1500);
  for (guint m = 0; m < data->months->len; m++)
    for (guint s = 0; s < data->streams->len; s++)
      sum += cp_chart_data_get_monthly (data, m, s);
  g_assert_cmpint (sum, ==, data->spent_pence);
  april = cp_chart_data_month_label (data, 0);
  g_assert_cmpstr (april, ==, "April 2026");
  chart_fixture_clear (&f);
}

static void
test_summary (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  ChartFixture f = { 0 };
  g_autoptr(CpChartData) data = load_fixture (store, &f);
  g_autofree char *summary = cp_chart_data_dup_summary (data);

  /* £3,154.08 projected, so £14,845.92 left. */
  g_assert_cmpstr (summary, ==, "You have spent £1,590.00 of £18,000.00 (9%). "
                                "At this rate you will have £14,845.92 left on 31 March 2027.");
  chart_fixture_clear (&f);
}

static void
test_no_plan_and_no_spending (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) person = cp_test_add_person (store, "Sam", "Lee");
  const char *id = cp_record_get_id (CP_RECORD (person));
  g_autoptr(CpChartData) none = cp_chart_data_load (store, id, FIXTURE_TODAY, CP_CHART_ALL, &error);
  g_autoptr(CpChartData) empty = NULL;
  g_autofree char *none_text = NULL;
  g_autofree char *empty_text = NULL;
  CpPlan *plan;

  g_assert_no_error (error);
  g_assert_false (none->has_plan);
  none_text = cp_chart_data_dup_summary (none);
  g_assert_cmpstr (none_text, ==, "There is no plan with a budget yet.");

  plan = cp_plan_new (id);
  g_object_set (plan, "year-start", "2026-04-01", "year-end", "2027-03-31", NULL);
  g_free (fixture_insert (store, plan));
  empty = cp_chart_data_load (store, id, FIXTURE_TODAY, CP_CHART_ALL, &error);
  g_assert_no_error (error);
  g_assert_true (empty->has_plan);
  g_assert_cmpuint (empty->slices->len, ==, 0);
  g_assert_cmpuint (empty->days->len, ==, 0);
  g_assert_cmpuint (empty->months->len, ==, 12);
  empty_text = cp_chart_data_dup_summary (empty);
  g_assert_cmpstr (empty_text, ==, "No spending recorded yet. The budget is £0.00.");
}

/* The aggregates read the payment index, never scan the whole table. */
static void
test_query_plans_use_indexes (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  static const char *const queries[] = {
    "SELECT paid_on, sum (amount_pence) FROM payment WHERE plan_id = ?1 AND deleted = 0 GROUP BY paid_on",
    "SELECT budget_line_id, sum (amount_pence) FROM payment WHERE plan_id = ?1 AND deleted = 0 GROUP BY budget_line_id",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", queries[i], NULL);
      g_autoptr(GError) error = NULL;
      sqlite3_stmt *stmt = cp_store_prepare (store, sql, &error);
      gboolean uses_index = FALSE;

      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, "x", -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *detail = (const char *) sqlite3_column_text (stmt, 3);
          uses_index |= strstr (detail, "USING INDEX") != NULL || strstr (detail, "USING COVERING INDEX") != NULL;
          g_assert_null (strstr (detail, "SCAN payment"));
        }
      sqlite3_reset (stmt);
      g_assert_true (uses_index);
    }
}

static void
test_kinds (void)
{
  CpChartKind kind;

  for (guint i = 0; i < CP_CHART_N_KINDS; i++)
    {
      g_assert_true (cp_chart_kind_from_string (cp_chart_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (cp_chart_kind_get_title (i), !=, "");
    }
  g_assert_false (cp_chart_kind_from_string ("pie", &kind));
  g_assert_false (cp_chart_kind_from_string (NULL, &kind));
}

int
main (int argc, char *argv[])
{
  cp_test_init (&argc, &argv);

  g_test_add_func ("/chart-data/slices", test_slices);
  g_test_add_func ("/chart-data/lines", test_lines);
  g_test_add_func ("/chart-data/lines-detail", test_lines_detail);
  g_test_add_func ("/chart-data/days-and-projection", test_days_and_projection);
  g_test_add_func ("/chart-data/monthly", test_monthly);
  g_test_add_func ("/chart-data/summary", test_summary);
  g_test_add_func ("/chart-data/no-plan-and-no-spending", test_no_plan_and_no_spending);
  g_test_add_func ("/chart-data/indexes", test_query_plans_use_indexes);
  g_test_add_func ("/chart-data/kinds", test_kinds);
  return g_test_run ();
}
