/* chart-fixture.h — one plan with known payments, for the chart tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Year of care 1 April 2026 – 31 March 2027, "today" 1 October 2026.
 * Two streams: an NHS direct payment (£12,000, monthly) and a council
 * notional budget (£6,000). Three lines: PA wages £150 a week, transport
 * £50 a month, equipment £500 one-off. The payments below, one deleted
 * (which must never count), one on no line and one reversal.
 */
#pragma once

#include "coplan-core.h"

#define FIXTURE_TODAY "2026-10-01"

typedef struct
{
  char *person_id;
  char *plan_id;
  char *nhs_id;
  char *council_id;
  char *pa_id;
  char *transport_id;
  char *equipment_id;
  char *first_payment_id;
} ChartFixture;

static inline char *
fixture_insert (CpStore *store, gpointer record)
{
  g_autoptr(GError) error = NULL;
  char *id;

  cp_store_insert (store, CP_RECORD (record), &error);
  g_assert_no_error (error);
  id = g_strdup (cp_record_get_id (CP_RECORD (record)));
  g_object_unref (record);
  return id;
}

static inline char *
fixture_stream (CpStore *store, const char *plan_id, const char *name, CpFunder funder,
                CpManagement management, gint64 agreed)
{
  CpFundingStream *stream = cp_funding_stream_new (plan_id);

  g_object_set (stream, "name", name, "funder", funder, "management", management,
                "agreed-pence", agreed, "frequency", CP_FREQUENCY_MONTHLY,
                "period-start", "2026-04-01", "period-end", "2027-03-31", NULL);
  return fixture_insert (store, stream);
}

static inline char *
fixture_line (CpStore *store, const char *plan_id, const char *stream_id, const char *category,
              gint64 amount, CpPeriod period)
{
  CpBudgetLine *line = cp_budget_line_new (plan_id);

  g_object_set (line, "stream-id", stream_id, "category", category, "amount-pence", amount,
                "period", period, NULL);
  return fixture_insert (store, line);
}

static inline char *
fixture_payment (CpStore *store, const char *plan_id, const char *date, gint64 amount,
                 const char *line_id, const char *stream_id, const char *payee)
{
  CpPayment *payment = cp_payment_new (plan_id);

  g_object_set (payment, "paid-on", date, "amount-pence", amount, "budget-line-id", line_id,
                "stream-id", stream_id, "payee", payee, NULL);
  return fixture_insert (store, payment);
}

static inline void
chart_fixture_build (CpStore *store, ChartFixture *f)
{
  g_autoptr(GError) error = NULL;
  CpPerson *person = cp_person_new ();
  CpPlan *plan;
  g_autofree char *deleted_id = NULL;
  g_autoptr(CpRecord) deleted = NULL;

  g_object_set (person, "given-name", "Amina", "family-name", "Okafor", NULL);
  f->person_id = fixture_insert (store, person);
  plan = cp_plan_new (f->person_id);
  g_object_set (plan, "title", "Amina's plan", "year-start", "2026-04-01", "year-end", "2027-03-31", NULL);
  f->plan_id = fixture_insert (store, plan);
  f->nhs_id = fixture_stream (store, f->plan_id, "Personal health budget", CP_FUNDER_NHS,
                              CP_MANAGEMENT_DIRECT_PAYMENT, 1200000);
  f->council_id = fixture_stream (store, f->plan_id, "Council personal budget", CP_FUNDER_SOCIAL_CARE,
                                  CP_MANAGEMENT_NOTIONAL, 600000);
  f->pa_id = fixture_line (store, f->plan_id, f->nhs_id, "pa-wages", 15000, CP_PERIOD_WEEK);
  f->transport_id = fixture_line (store, f->plan_id, f->council_id, "transport", 5000, CP_PERIOD_MONTH);
  f->equipment_id = fixture_line (store, f->plan_id, f->council_id, "equipment", 50000, CP_PERIOD_ONE_OFF);

  f->first_payment_id = fixture_payment (store, f->plan_id, "2026-04-10", 30000, f->pa_id, f->nhs_id, "Jo Smith");
  g_free (fixture_payment (store, f->plan_id, "2026-05-15", 45000, f->pa_id, f->nhs_id, "Jo Smith"));
  g_free (fixture_payment (store, f->plan_id, "2026-05-20", 2500, f->transport_id, f->council_id, "Taxi"));
  g_free (fixture_payment (store, f->plan_id, "2026-06-01", 80000, f->equipment_id, f->council_id, "Shop"));
  g_free (fixture_payment (store, f->plan_id, "2026-06-01", 1000, f->transport_id, f->council_id, "Bus"));
  g_free (fixture_payment (store, f->plan_id, "2026-07-01", 1500, NULL, NULL, "Café"));
  g_free (fixture_payment (store, f->plan_id, "2026-07-02", -1000, f->transport_id, f->council_id, "Bus refund"));
  /* Deleted: it must never count anywhere. */
  deleted_id = fixture_payment (store, f->plan_id, "2026-08-01", 99999, f->pa_id, f->nhs_id, "Mistake");
  deleted = cp_store_load (store, CP_TYPE_PAYMENT, deleted_id, &error);
  g_assert_no_error (error);
  cp_store_tombstone (store, deleted, &error);
  g_assert_no_error (error);
}

static inline void
chart_fixture_clear (ChartFixture *f)
{
  g_free (f->person_id);
  g_free (f->plan_id);
  g_free (f->nhs_id);
  g_free (f->council_id);
  g_free (f->pa_id);
  g_free (f->transport_id);
  g_free (f->equipment_id);
  g_free (f->first_payment_id);
}
