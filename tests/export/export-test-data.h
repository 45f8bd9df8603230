/* export-test-data.h — one person with a whole plan, for the export suites
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coplan-core.h"
#include "cp-test-util.h"

typedef struct
{
  char *person_id;
  char *plan_id;
  char *outcome_id;
  char *member_id;
  char *line_id;
  char *stream_id;
  char *payment_id;
} ExportTestIds;

static inline char *
export_test_insert (CpStore *store, gpointer record)
{
  g_autoptr(GError) error = NULL;

  /* The plan is written as it was signed, content after its agreed plan
   * row, as the demo writes it: the lock on agreed plans is for edits. */
  cp_plan_guard_suspend (store);
  cp_store_insert (store, CP_RECORD (record), &error);
  cp_plan_guard_resume (store);
  g_assert_no_error (error);
  return g_strdup (cp_record_get_id (CP_RECORD (record)));
}

/* Aminah Khan, NHS 943 476 5919, an agreed plan for 2026-27 with one
 * entry, one outcome (an action and two ratings), a sister in her
 * circle, one stream, one line and two payments (one to a payee that looks like a spreadsheet formula). */
static inline void
export_test_fill (CpStore *store, ExportTestIds *ids)
{
  g_autoptr(CpPerson) person = cp_person_new ();
  g_autoptr(CpPlan) plan = g_object_new (CP_TYPE_PLAN, NULL);
  g_autoptr(CpPlanEntry) entry = g_object_new (CP_TYPE_PLAN_ENTRY, NULL);
  g_autoptr(CpOutcome) outcome = g_object_new (CP_TYPE_OUTCOME, NULL);
  g_autoptr(CpOutcomeAction) action = g_object_new (CP_TYPE_OUTCOME_ACTION, NULL);
  g_autoptr(CpOutcomeRating) first = g_object_new (CP_TYPE_OUTCOME_RATING, NULL);
  g_autoptr(CpOutcomeRating) later = g_object_new (CP_TYPE_OUTCOME_RATING, NULL);
  g_autoptr(CpSupportMember) member = g_object_new (CP_TYPE_SUPPORT_MEMBER, NULL);
  g_autoptr(CpFundingStream) stream = g_object_new (CP_TYPE_FUNDING_STREAM, NULL);
  g_autoptr(CpBudgetLine) line = g_object_new (CP_TYPE_BUDGET_LINE, NULL);
  g_autoptr(CpPayment) payment = g_object_new (CP_TYPE_PAYMENT, NULL);
  g_autoptr(CpPayment) formula = g_object_new (CP_TYPE_PAYMENT, NULL);

  g_object_set (person, "given-name", "Aminah", "family-name", "Khan", "preferred-name", "Mina",
                "date-of-birth", "1984-05-02", "nhs-number", "9434765919",
                "address", "12 Cable Street, London", "postcode", "E1 8JG",
                "preferred-language", "Bengali", "gp-practice", "Jubilee Street Practice", NULL);
  ids->person_id = export_test_insert (store, person);
  g_object_set (plan, "person-id", ids->person_id, "title", "Mina's plan", "status", CP_PLAN_STATUS_AGREED,
                "year-start", "2026-04-01", "year-end", "2027-03-31", NULL);
  ids->plan_id = export_test_insert (store, plan);
  g_object_set (entry, "plan-id", ids->plan_id, "section", CP_SECTION_IMPORTANT_TO_ME,
                "body", "Going to the mosque with my sister on Fridays", NULL);
  g_free (export_test_insert (store, entry));
  g_object_set (outcome, "plan-id", ids->plan_id, "description", "I want to cook for myself again", NULL);
  ids->outcome_id = export_test_insert (store, outcome);
  g_object_set (action, "outcome-id", ids->outcome_id, "description", "Cooking lessons at the community centre",
                "who", "Mina and her PA", "due-date", "2026-09-30", NULL);
  g_free (export_test_insert (store, action));
  g_object_set (first, "outcome-id", ids->outcome_id, "rated-on", "2026-05-01", "score", (gint64) -2, NULL);
  g_free (export_test_insert (store, first));
  g_object_set (later, "outcome-id", ids->outcome_id, "rated-on", "2026-08-01", "score", (gint64) 1,
                "note", "Made dinner twice a week", NULL);
  g_free (export_test_insert (store, later));
  g_object_set (member, "person-id", ids->person_id, "name", "Rubina Khan", "relationship", "Sister",
                "phone", "07700 900123", NULL);
  ids->member_id = export_test_insert (store, member);
  g_object_set (stream, "plan-id", ids->plan_id, "name", "Personal health budget", "funder", CP_FUNDER_NHS,
                "agreed-pence", (gint64) 1200000, "management", CP_MANAGEMENT_DIRECT_PAYMENT, NULL);
  ids->stream_id = export_test_insert (store, stream);
  g_object_set (line, "plan-id", ids->plan_id, "stream-id", ids->stream_id, "category", "pa-wages",
                "description", "PA wages, 10 hours a week", "amount-pence", (gint64) 52000,
                "period", CP_PERIOD_MONTH, NULL);
  ids->line_id = export_test_insert (store, line);
  g_object_set (payment, "plan-id", ids->plan_id, "paid-on", "2026-04-30", "payee", "Jo Smith, PA",
                "amount-pence", (gint64) 52000, "budget-line-id", ids->line_id, "stream-id", ids->stream_id,
                "reference", "April, \"wages\"", NULL);
  ids->payment_id = export_test_insert (store, payment);
  g_object_set (formula, "plan-id", ids->plan_id, "paid-on", "2026-05-02", "payee", "=HYPERLINK(\"x\")",
                "amount-pence", (gint64) 1250, NULL);
  g_free (export_test_insert (store, formula));
}

static inline void
export_test_ids_clear (ExportTestIds *ids)
{
  g_free (ids->person_id);
  g_free (ids->plan_id);
  g_free (ids->outcome_id);
  g_free (ids->member_id);
  g_free (ids->line_id);
  g_free (ids->stream_id);
  g_free (ids->payment_id);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportTestIds, export_test_ids_clear)
