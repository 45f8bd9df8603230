/* test-budget-summary.c — a person's budget from SQL aggregates
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "coplan-core.h"
#include "cp-budget-summary.h"

typedef struct
{
  char    *dir;
  CpStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("coplan-budget-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "coplan.db", NULL);
  f->store = cp_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  cp_store_close (f->store);
  g_clear_object (&f->store);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
}

static CpRecord *
insert (Fixture *f, CpRecord *record)
{
  g_autoptr(GError) error = NULL;

  cp_store_insert (f->store, record, &error);
  g_assert_no_error (error);
  return record;
}

static const char *
add_person (Fixture *f, CpPerson **out)
{
  *out = CP_PERSON (insert (f, CP_RECORD (cp_person_new ())));
  cp_record_set_string (CP_RECORD (*out), "given-name", "Amina");
  return cp_record_get_id (CP_RECORD (*out));
}

static CpPlan *
add_plan (Fixture *f, const char *person_id, const char *start, const char *end)
{
  CpPlan *plan = cp_plan_new (person_id);

  g_object_set (plan, "year-start", start, "year-end", end, NULL);
  return CP_PLAN (insert (f, CP_RECORD (plan)));
}

static void
add_stream (Fixture *f, CpPlan *plan, gint64 agreed)
{
  g_autoptr(CpFundingStream) stream = cp_funding_stream_new (cp_record_get_id (CP_RECORD (plan)));

  g_object_set (stream, "agreed-pence", agreed, "indicative-pence", agreed * 2, NULL);
  insert (f, CP_RECORD (stream));
}

static CpPayment *
add_payment (Fixture *f, CpPlan *plan, gint64 amount)
{
  CpPayment *payment = cp_payment_new (cp_record_get_id (CP_RECORD (plan)));

  g_object_set (payment, "paid-on", "2026-05-01", "amount-pence", amount, NULL);
  return CP_PAYMENT (insert (f, CP_RECORD (payment)));
}

static void
test_sums_current_plan (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPerson) person = NULL, other = NULL;
  const char *id = add_person (f, &person);
  g_autoptr(CpPlan) old = add_plan (f, id, "2025-04-01", "2026-03-31");
  g_autoptr(CpPlan) current = add_plan (f, id, "2026-04-01", "2027-03-31");
  g_autoptr(CpPlan) others = add_plan (f, add_person (f, &other), "2026-04-01", "2027-03-31");
  g_autoptr(CpPayment) refund = NULL, deleted = NULL, p1 = NULL, p2 = NULL, p3 = NULL, p4 = NULL;
  g_autoptr(GError) error = NULL;
  CpBudgetSummary summary;

  add_stream (f, current, 600000);
  add_stream (f, current, 600000);
  add_stream (f, old, 999900);
  add_stream (f, others, 111100);
  p1 = add_payment (f, current, 412000);
  p2 = add_payment (f, current, 100);
  refund = add_payment (f, current, -100);       /* a reversing entry */
  deleted = add_payment (f, current, 50000);
  cp_store_tombstone (f->store, CP_RECORD (deleted), &error);
  g_assert_no_error (error);
  p3 = add_payment (f, old, 777700);
  p4 = add_payment (f, others, 222200);

  g_assert_true (cp_budget_summary_load (f->store, id, "2026-11-22", &summary, &error));
  g_assert_no_error (error);
  g_assert_true (summary.has_plan);
  g_assert_cmpstr (summary.plan_id, ==, cp_record_get_id (CP_RECORD (current)));
  g_assert_cmpstr (summary.year_start, ==, "2026-04-01");
  g_assert_cmpint (summary.agreed_pence, ==, 1200000);
  g_assert_cmpint (summary.spent_pence, ==, 412000);
  cp_budget_summary_clear (&summary);

  /* On a day in last year's plan, that plan is the current one. */
  g_assert_true (cp_budget_summary_load (f->store, id, "2025-12-01", &summary, &error));
  g_assert_cmpstr (summary.plan_id, ==, cp_record_get_id (CP_RECORD (old)));
  g_assert_cmpint (summary.agreed_pence, ==, 999900);
  g_assert_cmpint (summary.spent_pence, ==, 777700);
  cp_budget_summary_clear (&summary);
  g_assert_null (summary.plan_id);
}

static void
test_no_plan (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPerson) person = NULL;
  const char *id = add_person (f, &person);
  g_autoptr(GError) error = NULL;
  CpBudgetSummary summary;

  g_assert_true (cp_budget_summary_load (f->store, id, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_false (summary.has_plan);
  g_assert_cmpint (summary.agreed_pence, ==, 0);
  g_assert_cmpint (summary.spent_pence, ==, 0);
  cp_budget_summary_clear (&summary);
}

/* A tombstoned plan is not shown; the newest live one is. */
static void
test_deleted_plan (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPerson) person = NULL;
  const char *id = add_person (f, &person);
  g_autoptr(CpPlan) gone = add_plan (f, id, "2026-04-01", "2027-03-31");
  g_autoptr(CpPlan) kept = add_plan (f, id, "2024-04-01", "2025-03-31");
  g_autoptr(GError) error = NULL;
  CpBudgetSummary summary;

  add_stream (f, gone, 5000);
  add_stream (f, kept, 7000);
  cp_store_tombstone (f->store, CP_RECORD (gone), &error);
  g_assert_no_error (error);
  g_assert_true (cp_budget_summary_load (f->store, id, "2026-11-22", &summary, &error));
  g_assert_cmpstr (summary.plan_id, ==, cp_record_get_id (CP_RECORD (kept)));
  g_assert_cmpint (summary.agreed_pence, ==, 7000);
  cp_budget_summary_clear (&summary);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/budget-summary/current-plan", Fixture, NULL, fixture_set_up, test_sums_current_plan, fixture_tear_down);
  g_test_add ("/budget-summary/no-plan", Fixture, NULL, fixture_set_up, test_no_plan, fixture_tear_down);
  g_test_add ("/budget-summary/deleted-plan", Fixture, NULL, fixture_set_up, test_deleted_plan, fixture_tear_down);
  return g_test_run ();
}
