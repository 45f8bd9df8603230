/* cp-budget-figures.h — one plan's budget: planned, spent, committed,
 * remaining, a projection and warnings in words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is worked out from SQL aggregates over indexed columns; no
 * payment is ever loaded. The GUI's Budget tab, the charts and
 * `coplan-cli report` all show these same figures.
 *
 * The rules, in words (all money in integer pence):
 *
 * Year of care: the plan's year_start … year_end, both days included.
 *   A stream's own period defaults to it. With no dates, a year is taken
 *   as 52 weeks, 12 months, and there is no projection.
 *
 * Planned (a line, for the whole year of care):
 *   per week  × whole weeks in the year   (days ÷ 7, rounded down: a year
 *                                           of 365 or 366 days is 52 weeks)
 *   per month × whole months              (month anniversaries of the start
 *                                           up to the day after the end:
 *                                           1 Apr – 31 Mar is 12)
 *   per year  × whole years, at least 1   (a year line counts once in a
 *                                           shorter plan)
 *   one-off   × 1
 *
 * Spent: every live payment of the line, stream or plan, whatever its
 *   date, reversals included (they are negative), so a correction shows
 *   at once.
 *
 * Committed: what weekly and monthly lines (wages, agency care, employer
 *   costs: care someone is contracted to give) still owe for the rest of
 *   the year of care after today — their amount × the whole weeks or
 *   months left — but never more than the line has left to spend. Yearly
 *   and one-off lines commit nothing until paid: they are bought as
 *   needed.
 *
 * Remaining: planned − spent for a line; agreed − spent for a stream and
 *   the plan (the agreed amount is the budget). Negative is overspent.
 *
 * Projection: spending at the run rate so far, carried to the end of the
 *   year of care: spent × days in the year ÷ days elapsed (days from the
 *   start up to today, both included). Before the year starts it is the
 *   spending so far; after it ends, what was spent.
 */
#pragma once

#include "cp-enums.h"
#include "cp-store.h"

G_BEGIN_DECLS

typedef enum
{
  /* Spent more than the budget (plan or stream) or a line's plan, already. */
  CP_BUDGET_WARNING_OVERSPENT,
  /* At the run rate so far, the year ends over budget. */
  CP_BUDGET_WARNING_PROJECTED_OVERSPEND,
  /* Unspent money above the allowed weeks of funding: may be reclaimed. */
  CP_BUDGET_WARNING_SURPLUS,
  /* A quarter of the year gone and nothing spent from the contingency. */
  CP_BUDGET_WARNING_CONTINGENCY_UNTOUCHED,
  /* A stream's lines plan more than its agreed amount. */
  CP_BUDGET_WARNING_OVER_ALLOCATED,
  /* A stream's lines plan less than its agreed amount. */
  CP_BUDGET_WARNING_UNDER_ALLOCATED,
} CpBudgetWarningKind;

typedef struct
{
  CpBudgetWarningKind kind;
  gint64              amount_pence; /* the money the sentence is about */
  char               *subject_id;   /* the stream or line, or NULL for the plan */
  char               *message;      /* one or two sentences in plain words */
} CpBudgetWarning;

typedef struct
{
  char     *id;
  char     *stream_id;          /* nullable */
  char     *outcome_id;         /* nullable */
  char     *category;           /* a cp-budget-categories id */
  char     *description;
  gint64    amount_pence;       /* per period, as planned */
  CpPeriod  period;
  gboolean  contingency;
  gint64    planned_pence;      /* for the year of care */
  gint64    spent_pence;
  gint64    committed_pence;
  gint64    remaining_pence;    /* planned − spent */
  gint64    payment_count;      /* live entries, reversals included */
} CpLineFigures;

typedef struct
{
  char         *id;
  CpFunder      funder;
  char         *name;
  gint64        indicative_pence;
  gint64        agreed_pence;
  CpManagement  management;
  CpFrequency   frequency;
  char         *period_start;   /* ISO; the plan's year when the stream has none */
  char         *period_end;
  gint64        planned_pence;  /* its lines, for the year */
  gint64        gap_pence;      /* agreed − planned: > 0 not yet allocated, < 0 over-allocated */
  gint64        spent_pence;
  gint64        committed_pence;
  gint64        remaining_pence;/* agreed − spent */
} CpStreamFigures;

typedef struct
{
  char      *plan_id;
  char      *year_start;        /* ISO, or NULL */
  char      *year_end;
  char      *today;             /* the day the figures are for */
  guint      days_in_year;      /* 0 when the year has no dates */
  guint      days_elapsed;      /* within the year, 0 … days_in_year */
  gint64     agreed_pence;
  gint64     indicative_pence;
  gint64     planned_pence;
  gint64     spent_pence;
  gint64     committed_pence;
  gint64     remaining_pence;   /* agreed − spent */
  gint64     unallocated_spent_pence; /* payments on no live line */
  gboolean   has_projection;
  gint64     projected_pence;   /* spending by the end of the year */
  GPtrArray *streams;           /* of CpStreamFigures */
  GPtrArray *lines;             /* of CpLineFigures, in the order added */
  GPtrArray *warnings;          /* of CpBudgetWarning, most serious first */
} CpBudgetFigures;

/* The figures of @plan_id on @today (ISO; NULL for today). */
CpBudgetFigures *cp_budget_figures_load            (CpStore          *store,
                                                    const char       *plan_id,
                                                    const char       *today,
                                                    GError          **error);
/* The figures of @person_id's current plan (as cp_budget_summary_load
 * chooses it). No plan is not an error: *figures is set to NULL. */
gboolean         cp_budget_figures_load_for_person (CpStore          *store,
                                                    const char       *person_id,
                                                    const char       *today,
                                                    CpBudgetFigures **figures,
                                                    GError          **error);
void             cp_budget_figures_free            (CpBudgetFigures  *figures);

/* The lines of @stream_id (NULL: lines on no stream), in order. */
GPtrArray       *cp_budget_figures_lines_of_stream (CpBudgetFigures  *figures,
                                                    const char       *stream_id);
const CpStreamFigures *cp_budget_figures_find_stream (CpBudgetFigures *figures,
                                                      const char      *stream_id);
const CpLineFigures   *cp_budget_figures_find_line   (CpBudgetFigures *figures,
                                                      const char      *line_id);

/* @amount per @period over the year start … end (ISO, both included;
 * NULL for a year of 52 weeks and 12 months). The rules are above. */
gint64           cp_budget_annualise               (gint64            amount_pence,
                                                    CpPeriod          period,
                                                    const char       *start,
                                                    const char       *end);

/* "Lines plan £200.00 more than the £12,000.00 agreed." — the stream's
 * reconciliation in words, or "Lines plan exactly the amount agreed." */
char            *cp_budget_stream_gap_sentence     (const CpStreamFigures *stream);

/* Plain names of the vocabularies, for lists and reports. */
const char      *cp_budget_funder_name             (CpFunder          funder);
const char      *cp_budget_management_name         (CpManagement      management);
const char      *cp_budget_frequency_name          (CpFrequency       frequency);
const char      *cp_budget_period_name             (CpPeriod          period);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpBudgetFigures, cp_budget_figures_free)

G_END_DECLS
