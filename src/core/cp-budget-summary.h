/* cp-budget-summary.h — a person's budget in two numbers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean has_plan;
  char    *plan_id;
  char    *year_start;    /* ISO date, or NULL */
  char    *year_end;      /* ISO date, or NULL */
  gint64   agreed_pence;  /* every live funding stream of the plan */
  gint64   spent_pence;   /* every live payment of the plan */
} CpBudgetSummary;

/* Sums the current plan of @person_id with SQL aggregates; no payment is
 * loaded. The current plan is the live one whose year of care holds
 * @today (ISO; NULL for today), else the latest. No plan is not an
 * error: has_plan is FALSE. */
gboolean cp_budget_summary_load  (CpStore         *store,
                                  const char      *person_id,
                                  const char      *today,
                                  CpBudgetSummary *summary,
                                  GError         **error);

void     cp_budget_summary_clear (CpBudgetSummary *summary);

G_END_DECLS
