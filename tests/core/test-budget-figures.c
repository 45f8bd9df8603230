/* test-budget-figures.c — annualising, figures, projection and warnings
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-test-util.h"

typedef struct
{
  CpStore *store;
  char    *plan_id;
  char    *care_stream;   /* social care, direct payment, £26,000 */
  char    *nhs_stream;    /* NHS, notional, £5,000, no period of its own */
  char    *wages;         /* £400 a week on the care stream */
  char    *ni;            /* £100 a month on the care stream */
  char    *contingency;   /* £1,000 a year on the care stream */
  char    *therapy;       /* £500 a month on the NHS stream */
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
add_plan (CpStore *store, const char *start, const char *end)
{
  g_autoptr(CpPerson) person = cp_test_add_person (store, "Amira", "Begum");
  g_autoptr(CpPlan) plan = cp_plan_new (cp_record_get_id (CP_RECORD (person)));

  g_object_set (plan, "year-start", start, "year-end", end, NULL);
  return insert (store, plan);
}

static char *
add_stream (CpStore *store, const char *plan_id, CpFunder funder, CpManagement management,
            gint64 agreed)
{
  g_autoptr(CpFundingStream) stream = cp_funding_stream_new (plan_id);

  g_object_set (stream, "funder", funder, "management", management, "agreed-pence", agreed,
                "indicative-pence", agreed, NULL);
  return insert (store, stream);
}

static char *
add_line (CpStore *store, const char *plan_id, const char *stream_id, const char *category,
          gint64 amount, CpPeriod period)
{
  g_autoptr(CpBudgetLine) line = cp_budget_line_new (plan_id);

  g_object_set (line, "stream-id", stream_id, "category", category, "amount-pence", amount,
                "period", period, NULL);
  return insert (store, line);
}

static char *
pay (CpStore *store, const char *plan_id, const char *line_id, const char *paid_on, gint64 amount)
{
  g_autoptr(CpPayment) payment = cp_payment_new (plan_id);

  g_object_set (payment, "paid-on", paid_on, "amount-pence", amount, "budget-line-id", line_id,
                "payee", "Someone", NULL);
  return insert (store, payment);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = cp_test_open_store ();
  f->plan_id = add_plan (f->store, "2026-04-01", "2027-03-31");
  f->care_stream = add_stream (f->store, f->plan_id, CP_FUNDER_SOCIAL_CARE,
                               CP_MANAGEMENT_DIRECT_PAYMENT, 2600000);
  f->nhs_stream = add_stream (f->store, f->plan_id, CP_FUNDER_NHS, CP_MANAGEMENT_NOTIONAL, 500000);
  f->wages = add_line (f->store, f->plan_id, f->care_stream, "pa-wages", 40000, CP_PERIOD_WEEK);
  f->ni = add_line (f->store, f->plan_id, f->care_stream, "employer-ni", 10000, CP_PERIOD_MONTH);
  f->contingency = add_line (f->store, f->plan_id, f->care_stream, "contingency", 100000, CP_PERIOD_YEAR);
  f->therapy = add_line (f->store, f->plan_id, f->nhs_stream, "therapies", 50000, CP_PERIOD_MONTH);
  g_free (pay (f->store, f->plan_id, f->wages, "2026-06-26", 520000));
  g_free (pay (f->store, f->plan_id, f->therapy, "2026-06-01", 150000));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->plan_id);
  g_free (f->care_stream);
  g_free (f->nhs_stream);
  g_free (f->wages);
  g_free (f->ni);
  g_free (f->contingency);
  g_free (f->therapy);
  g_clear_object (&f->store);
}

static CpBudgetFigures *
load (Fixture *f, const char *today)
{
  g_autoptr(GError) error = NULL;
  CpBudgetFigures *figures = cp_budget_figures_load (f->store, f->plan_id, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (figures);
  return figures;
}

static const CpBudgetWarning *
find_warning (CpBudgetFigures *figures, CpBudgetWarningKind kind, const char *subject)
{
  for (guint i = 0; i < figures->warnings->len; i++)
    {
      const CpBudgetWarning *warning = g_ptr_array_index (figures->warnings, i);
      if (warning->kind == kind && g_strcmp0 (warning->subject_id, subject) == 0)
        return warning;
    }
  return NULL;
}

/* The rules of cp-budget-figures.h, one by one. */
static void
test_annualise (void)
{
  /* Weeks: whole weeks, so 365 and 366 days are both 52. */
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_WEEK, "2026-04-01", "2027-03-31"), ==, 5200);
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_WEEK, "2027-04-01", "2028-03-31"), ==, 5200);
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_WEEK, "2026-04-01", "2026-04-13"), ==, 100);
  /* Months: anniversaries of the start up to the day after the end. */
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_MONTH, "2026-04-01", "2027-03-31"), ==, 1200);
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_MONTH, "2026-01-15", "2026-07-14"), ==, 600);
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_MONTH, "2026-01-15", "2026-07-13"), ==, 500);
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_MONTH, "2026-01-31", "2027-01-30"), ==, 1200);
  /* Years: at least once. */
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_YEAR, "2026-04-01", "2026-09-30"), ==, 100);
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_YEAR, "2026-04-01", "2028-03-31"), ==, 200);
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_ONE_OFF, "2026-04-01", "2028-03-31"), ==, 100);
  /* No dates (or an end before the start): 52 weeks, 12 months. */
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_WEEK, NULL, NULL), ==, 5200);
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_MONTH, "2026-04-01", NULL), ==, 1200);
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_MONTH, "2026-04-01", "2026-03-01"), ==, 1200);
  g_assert_cmpint (cp_budget_annualise (100, CP_PERIOD_YEAR, NULL, NULL), ==, 100);
}

static void
test_figures (Fixture *f, gconstpointer data)
{
  g_autoptr(CpBudgetFigures) figures = load (f, "2026-06-30");
  const CpLineFigures *wages = cp_budget_figures_find_line (figures, f->wages);
  const CpLineFigures *ni = cp_budget_figures_find_line (figures, f->ni);
  const CpLineFigures *contingency = cp_budget_figures_find_line (figures, f->contingency);
  const CpStreamFigures *care = cp_budget_figures_find_stream (figures, f->care_stream);
  const CpStreamFigures *nhs = cp_budget_figures_find_stream (figures, f->nhs_stream);
  g_autoptr(GPtrArray) care_lines = cp_budget_figures_lines_of_stream (figures, f->care_stream);

  g_assert_cmpuint (figures->days_in_year, ==, 365);
  g_assert_cmpuint (figures->days_elapsed, ==, 91);
  g_assert_cmpuint (care_lines->len, ==, 3);

  g_assert_cmpint (wages->planned_pence, ==, 2080000);
  g_assert_cmpint (wages->spent_pence, ==, 520000);
  g_assert_cmpint (wages->remaining_pence, ==, 1560000);
  /* 1 July – 31 March is 274 days: 39 weeks still owed. */
  g_assert_cmpint (wages->committed_pence, ==, 39 * 40000);
  g_assert_cmpint (ni->planned_pence, ==, 120000);
  g_assert_cmpint (ni->committed_pence, ==, 9 * 10000);
  g_assert_true (contingency->contingency);
  g_assert_cmpint (contingency->planned_pence, ==, 100000);
  g_assert_cmpint (contingency->committed_pence, ==, 0);

  g_assert_cmpint (care->planned_pence, ==, 2300000);
  g_assert_cmpint (care->gap_pence, ==, 300000);
  g_assert_cmpint (care->spent_pence, ==, 520000);
  g_assert_cmpint (care->remaining_pence, ==, 2080000);
  /* The NHS stream has no period: it takes the plan's year. */
  g_assert_cmpstr (nhs->period_start, ==, "2026-04-01");
  g_assert_cmpint (nhs->planned_pence, ==, 600000);
  g_assert_cmpint (nhs->gap_pence, ==, -100000);

  g_assert_cmpint (figures->agreed_pence, ==, 3100000);
  g_assert_cmpint (figures->planned_pence, ==, 2900000);
  g_assert_cmpint (figures->spent_pence, ==, 670000);
  g_assert_cmpint (figures->remaining_pence, ==, 2430000);
  g_assert_cmpint (figures->committed_pence, ==, 1560000 + 90000 + 450000);
  g_assert_true (figures->has_projection);
  /* 670,000 × 365 ÷ 91, to the nearest penny. */
  g_assert_cmpint (figures->projected_pence, ==, 2687363);
}

static void
test_gap_sentences (Fixture *f, gconstpointer data)
{
  g_autoptr(CpBudgetFigures) figures = load (f, "2026-06-30");
  g_autofree char *care = cp_budget_stream_gap_sentence (cp_budget_figures_find_stream (figures, f->care_stream));
  g_autofree char *nhs = cp_budget_stream_gap_sentence (cp_budget_figures_find_stream (figures, f->nhs_stream));

  g_assert_cmpstr (care, ==, "£3,000.00 of the £26,000.00 agreed is not planned on any line yet.");
  g_assert_cmpstr (nhs, ==, "The lines plan £1,000.00 more than the £5,000.00 agreed.");

  /* Only the two allocation warnings, over before under. */
  g_assert_cmpuint (figures->warnings->len, ==, 2);
  g_assert_cmpint (((CpBudgetWarning *) g_ptr_array_index (figures->warnings, 0))->kind, ==,
                   CP_BUDGET_WARNING_OVER_ALLOCATED);
  g_assert_cmpstr (((CpBudgetWarning *) g_ptr_array_index (figures->warnings, 0))->message, ==,
                   "NHS: The lines plan £1,000.00 more than the £5,000.00 agreed.");
  g_assert_cmpint (find_warning (figures, CP_BUDGET_WARNING_UNDER_ALLOCATED, f->care_stream)->amount_pence,
                   ==, 300000);
}

/* Reversals count at once: the line's spending nets to nothing. */
static void
test_reversal_nets_out (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = pay (f->store, f->plan_id, f->ni, "2026-05-01", 10000);
  g_autoptr(CpPayment) reversal = cp_payment_reverse (f->store, id, "Charged twice", &error);
  g_autoptr(CpBudgetFigures) figures = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (reversal);
  figures = load (f, "2026-06-30");
  g_assert_cmpint (cp_budget_figures_find_line (figures, f->ni)->spent_pence, ==, 0);
  g_assert_cmpint (cp_budget_figures_find_line (figures, f->ni)->payment_count, ==, 2);
  g_assert_cmpint (figures->spent_pence, ==, 670000);
}

/* A quarter of the year is 91¼ days: day 91 is too soon, day 92 is not. */
static void
test_contingency_untouched (Fixture *f, gconstpointer data)
{
  g_autoptr(CpBudgetFigures) early = load (f, "2026-06-30");
  g_autoptr(CpBudgetFigures) later = load (f, "2026-07-01");
  g_autoptr(CpBudgetFigures) used = NULL;
  const CpBudgetWarning *warning;

  g_assert_null (find_warning (early, CP_BUDGET_WARNING_CONTINGENCY_UNTOUCHED, f->contingency));
  warning = find_warning (later, CP_BUDGET_WARNING_CONTINGENCY_UNTOUCHED, f->contingency);
  g_assert_nonnull (warning);
  g_assert_cmpint (warning->amount_pence, ==, 100000);
  g_assert_true (g_str_has_prefix (warning->message,
                                   "Nothing has been spent from the contingency (£1,000.00) so far."));

  g_free (pay (f->store, f->plan_id, f->contingency, "2026-06-02", 2500));
  used = load (f, "2026-07-01");
  g_assert_null (find_warning (used, CP_BUDGET_WARNING_CONTINGENCY_UNTOUCHED, f->contingency));
}

/* Clawback: unspent money above N weeks of funding on a stream that
 * holds money; a notional stream never warns. */
static void
test_surplus (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpBudgetFigures) eight = load (f, "2026-06-30");
  g_autoptr(CpBudgetFigures) one = NULL;
  const CpBudgetWarning *warning;

  g_assert_null (find_warning (eight, CP_BUDGET_WARNING_SURPLUS, f->care_stream));
  g_assert_true (cp_budget_rules_set_surplus_weeks (f->store, 1, &error));
  g_assert_no_error (error);
  one = load (f, "2026-06-30");
  /* Received 2,600,000 × 91 ÷ 365 = 648,219; spent 520,000; one week is 49,863. */
  warning = find_warning (one, CP_BUDGET_WARNING_SURPLUS, f->care_stream);
  g_assert_nonnull (warning);
  g_assert_cmpint (warning->amount_pence, ==, 648219 - 520000 - 49863);
  g_assert_cmpstr (warning->message, ==,
                   "Council social care: £1,282.19 is unspent, more than 1 week of funding (£498.63). "
                   "The funder may ask for the money above that back.");
  g_assert_null (find_warning (one, CP_BUDGET_WARNING_SURPLUS, f->nhs_stream));
}

static void
test_overspent (Fixture *f, gconstpointer data)
{
  g_autoptr(CpBudgetFigures) figures = NULL;

  g_free (pay (f->store, f->plan_id, f->therapy, "2026-06-10", 25000000));
  figures = load (f, "2026-06-30");
  g_assert_cmpint (find_warning (figures, CP_BUDGET_WARNING_OVERSPENT, NULL)->amount_pence, ==,
                   25670000 - 3100000);
  g_assert_cmpstr (find_warning (figures, CP_BUDGET_WARNING_OVERSPENT, NULL)->message, ==,
                   "You have already spent £225,700.00 more than your budget of £31,000.00.");
  g_assert_nonnull (find_warning (figures, CP_BUDGET_WARNING_OVERSPENT, f->nhs_stream));
  g_assert_cmpstr (find_warning (figures, CP_BUDGET_WARNING_OVERSPENT, f->therapy)->message, ==,
                   "Therapies: £245,500.00 more has been spent than the £6,000.00 planned for the year.");
  g_assert_null (find_warning (figures, CP_BUDGET_WARNING_OVERSPENT, f->care_stream));
  /* Already over: the projection would only repeat it. */
  g_assert_null (find_warning (figures, CP_BUDGET_WARNING_PROJECTED_OVERSPEND, NULL));
  /* Overspent warnings come first. */
  g_assert_cmpint (((CpBudgetWarning *) g_ptr_array_index (figures->warnings, 0))->kind, ==,
                   CP_BUDGET_WARNING_OVERSPENT);
}

static void
test_projection (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autofree char *plan = add_plan (store, "2026-04-01", "2027-03-31");
  g_autofree char *stream = add_stream (store, plan, CP_FUNDER_NHS, CP_MANAGEMENT_NOTIONAL, 120000);
  g_autofree char *line = add_line (store, plan, stream, "therapies", 10000, CP_PERIOD_MONTH);
  g_autoptr(CpBudgetFigures) soon = NULL;
  g_autoptr(CpBudgetFigures) later = NULL;
  g_autoptr(CpBudgetFigures) before = NULL;
  g_autoptr(CpBudgetFigures) after = NULL;
  g_autoptr(GError) error = NULL;
  const CpBudgetWarning *warning;

  g_free (pay (store, plan, line, "2026-04-10", 30000));
  /* Day 27: too early to warn, though the figure is there. */
  soon = cp_budget_figures_load (store, plan, "2026-04-27", &error);
  g_assert_no_error (error);
  g_assert_true (soon->has_projection);
  g_assert_null (find_warning (soon, CP_BUDGET_WARNING_PROJECTED_OVERSPEND, NULL));
  /* Day 60: 30,000 × 365 ÷ 60 = 182,500, so 62,500 over. */
  later = cp_budget_figures_load (store, plan, "2026-05-30", &error);
  g_assert_cmpint (later->projected_pence, ==, 182500);
  warning = find_warning (later, CP_BUDGET_WARNING_PROJECTED_OVERSPEND, NULL);
  g_assert_nonnull (warning);
  g_assert_cmpint (warning->amount_pence, ==, 62500);
  g_assert_cmpstr (warning->message, ==,
                   "At this rate you will spend £625.00 more than your budget by 31 March 2027.");
  /* Before the year: no projection; after it: what was spent. */
  before = cp_budget_figures_load (store, plan, "2026-03-01", &error);
  g_assert_false (before->has_projection);
  g_assert_cmpuint (before->days_elapsed, ==, 0);
  after = cp_budget_figures_load (store, plan, "2027-06-01", &error);
  g_assert_cmpint (after->projected_pence, ==, 30000);
  g_assert_cmpint (after->committed_pence, ==, 0);
  g_assert_null (find_warning (after, CP_BUDGET_WARNING_PROJECTED_OVERSPEND, NULL));
}

/* Payments on a deleted line still count for the plan, as unallocated;
 * deleted payments count nowhere. */
static void
test_deleted_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpBudgetLine) therapy = cp_store_load (f->store, CP_TYPE_BUDGET_LINE, f->therapy, &error);
  g_autofree char *id = pay (f->store, f->plan_id, f->wages, "2026-06-01", 7000);
  g_autoptr(CpPayment) payment = cp_store_load (f->store, CP_TYPE_PAYMENT, id, &error);
  g_autoptr(CpBudgetFigures) figures = NULL;

  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (therapy), &error));
  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (payment), &error));
  g_assert_no_error (error);
  figures = load (f, "2026-06-30");
  g_assert_null (cp_budget_figures_find_line (figures, f->therapy));
  g_assert_cmpint (figures->spent_pence, ==, 670000);
  g_assert_cmpint (figures->unallocated_spent_pence, ==, 150000);
  g_assert_cmpint (cp_budget_figures_find_line (figures, f->wages)->spent_pence, ==, 520000);
  /* The therapy payment names no stream, and its line is gone. */
  g_assert_cmpint (cp_budget_figures_find_stream (figures, f->nhs_stream)->spent_pence, ==, 0);
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  CpBudgetFigures *figures = NULL;
  g_autoptr(CpPerson) nobody = cp_test_add_person (f->store, "No", "Plan");

  g_assert_null (cp_budget_figures_load (f->store, "00000000-0000-4000-8000-000000000000", "2026-06-30", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cp_budget_figures_load (f->store, f->plan_id, "30/06/2026", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* No plan is not an error. */
  g_assert_true (cp_budget_figures_load_for_person (f->store, cp_record_get_id (CP_RECORD (nobody)),
                                                    NULL, &figures, &error));
  g_assert_no_error (error);
  g_assert_null (figures);
}

static void
test_for_person (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpBudgetFigures) figures = NULL;
  g_autofree char *person = cp_test_query_text (f->store, "SELECT person_id FROM plan WHERE id = ?1", f->plan_id);

  g_assert_true (cp_budget_figures_load_for_person (f->store, person, "2026-06-30", &figures, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (figures->plan_id, ==, f->plan_id);
  g_assert_cmpint (figures->spent_pence, ==, 670000);
}

/* The payment sums come from the covering index, never the table. */
static void
test_query_plan (Fixture *f, gconstpointer data)
{
  sqlite3_stmt *stmt = cp_store_prepare (f->store,
    "EXPLAIN QUERY PLAN SELECT budget_line_id, stream_id, sum (amount_pence), count (*)"
    " FROM payment WHERE plan_id = ?1 AND deleted = 0 GROUP BY budget_line_id, stream_id", NULL);
  GString *plan = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);
  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "USING COVERING INDEX payment_plan_line"));
  g_assert_null (strstr (plan->str, "TEMP B-TREE"));
  g_string_free (plan, TRUE);
}

static gboolean
has_kind (CpBudgetFigures *figures, CpBudgetWarningKind kind)
{
  for (guint i = 0; i < figures->warnings->len; i++)
    if (((CpBudgetWarning *) g_ptr_array_index (figures->warnings, i))->kind == kind)
      return TRUE;
  return FALSE;
}

/* The demo spends as people do: most close to their plan for the part
 * of the year gone by, a few well over or under, some contingencies
 * untouched, so every kind of warning shows somewhere and most people
 * have none of the money ones. Every line's category is in the
 * reference data. */
static void
test_demo_is_realistic (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  CpDemoOptions options = { .n_people = 60, .n_payments = 30000, .seed = 5, .today = "2026-11-22" };
  sqlite3_stmt *stmt;
  guint people = 0, on_plan = 0, over = 0, surplus = 0, untouched = 0;

  g_assert_true (cp_demo_generate (store, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count (*) FROM budget_line", NULL), >, 0);
  stmt = cp_store_prepare (store, "SELECT DISTINCT category FROM budget_line", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_assert_nonnull (cp_budget_category_lookup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  stmt = cp_store_prepare (store, "SELECT id FROM person ORDER BY id", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(CpBudgetFigures) f = NULL;
      double expected;

      g_assert_true (cp_budget_figures_load_for_person (store, (const char *) sqlite3_column_text (stmt, 0),
                                                        options.today, &f, &error));
      g_assert_no_error (error);
      people++;
      expected = (double) f->planned_pence * f->days_elapsed / f->days_in_year;
      if (f->spent_pence > 0.8 * expected && f->spent_pence < 1.1 * expected)
        on_plan++;
      over += has_kind (f, CP_BUDGET_WARNING_PROJECTED_OVERSPEND) || has_kind (f, CP_BUDGET_WARNING_OVERSPENT);
      surplus += has_kind (f, CP_BUDGET_WARNING_SURPLUS);
      untouched += has_kind (f, CP_BUDGET_WARNING_CONTINGENCY_UNTOUCHED);
    }
  sqlite3_reset (stmt);
  g_test_message ("%u people: %u on plan, %u over, %u with a surplus, %u contingency untouched",
                  people, on_plan, over, surplus, untouched);
  g_assert_cmpuint (people, ==, 60);
  g_assert_cmpuint (on_plan, >=, people / 2);
  g_assert_cmpuint (over, >, 0);
  g_assert_cmpuint (over, <, people / 3);
  g_assert_cmpuint (surplus, >, 0);
  g_assert_cmpuint (untouched, >, 0);
  g_assert_cmpuint (untouched, <, people / 2);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);
  g_test_add_func ("/budget-figures/annualise", test_annualise);
  g_test_add_func ("/budget-figures/projection", test_projection);
  g_test_add_func ("/budget-figures/demo-is-realistic", test_demo_is_realistic);
  ADD ("/budget-figures/figures", test_figures);
  ADD ("/budget-figures/gap-sentences", test_gap_sentences);
  ADD ("/budget-figures/reversal-nets-out", test_reversal_nets_out);
  ADD ("/budget-figures/contingency-untouched", test_contingency_untouched);
  ADD ("/budget-figures/surplus", test_surplus);
  ADD ("/budget-figures/overspent", test_overspent);
  ADD ("/budget-figures/deleted-rows", test_deleted_rows);
  ADD ("/budget-figures/bad-input", test_bad_input);
  ADD ("/budget-figures/for-person", test_for_person);
  ADD ("/budget-figures/query-plan", test_query_plan);
  return g_test_run ();
}
