/* cp-chart-data.h — the figures behind the spending charts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each chart's figures come from one SQL aggregate (GROUP BY) over the
 * current plan: no payment is ever loaded. The render library draws them;
 * the GUI's tables show the same numbers as the charts' text alternative.
 */
#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

typedef enum
{
  CP_CHART_KIND_DONUT,    /* spending by category */
  CP_CHART_KIND_BARS,     /* planned against spent, per budget line */
  CP_CHART_KIND_BURN,     /* cumulative spending through the year */
  CP_CHART_KIND_MONTHLY,  /* spending per month, by funding stream */
  CP_CHART_N_KINDS
} CpChartKind;

/* Which figures to load: 1 << CpChartKind, or CP_CHART_ALL. */
#define CP_CHART_ALL ((1u << CP_CHART_N_KINDS) - 1)

typedef struct
{
  char   *label;          /* a category, or "Not on a budget line" */
  gint64  amount_pence;
} CpChartSlice;

typedef struct
{
  char   *label;          /* category, and description when it helps */
  gint64  planned_pence;  /* for the whole year of care */
  gint64  spent_pence;
  gboolean orphan;        /* payments on no live budget line */
} CpChartLine;

typedef struct
{
  guint   day;            /* days from the start of the year of care */
  gint64  cumulative_pence;
} CpChartDay;

typedef struct
{
  /* The plan and its year of care. */
  gboolean  has_plan;
  char     *plan_id;
  char     *year_start;      /* ISO; the plan's, or derived from payments */
  char     *year_end;        /* ISO */
  char     *today;           /* ISO, as asked */
  guint     n_days;          /* days in the year of care, at least 1 */
  guint     today_day;       /* today as days from the start, clamped */
  gint64    agreed_pence;    /* every live funding stream */
  gint64    spent_pence;     /* every live payment */

  /* CP_CHART_KIND_DONUT: largest first. */
  GArray   *slices;          /* of CpChartSlice */
  /* CP_CHART_KIND_BARS: largest planned first (planned as the Budget
   * tab annualises it), then payments on no line. */
  GArray   *lines;           /* of CpChartLine */
  /* CP_CHART_KIND_BURN: one point per day that had payments, in order. */
  GArray   *days;            /* of CpChartDay */
  /* At the rate spent so far, what will have been spent at the year's
   * end; only when some of the year has passed and some is left. */
  gboolean  has_projection;
  gint64    projected_pence;

  /* CP_CHART_KIND_MONTHLY: months × streams, row-major by month. */
  GPtrArray *months;         /* "2026-04" … every month of the year */
  GPtrArray *streams;        /* stream names; the last may be "No funding stream" */
  gint64    *monthly_pence;  /* months->len × streams->len */
} CpChartData;

/* Loads the figures @kinds asks for (a mask of 1 << CpChartKind) for the
 * current plan of @person_id as of @today (ISO; NULL for today). No plan
 * is not an error: has_plan is FALSE and the arrays are empty. */
CpChartData *cp_chart_data_load        (CpStore      *store,
                                        const char   *person_id,
                                        const char   *today,
                                        guint         kinds,
                                        GError      **error);

/* The same for one plan, by id. */
CpChartData *cp_chart_data_load_plan   (CpStore      *store,
                                        const char   *plan_id,
                                        const char   *today,
                                        guint         kinds,
                                        GError      **error);

void         cp_chart_data_free        (CpChartData  *data);

gint64       cp_chart_data_get_monthly (const CpChartData *data,
                                        guint         month,
                                        guint         stream);

/* The planned spending line: what the plan expects spent by @day
 * (evenly through the year). */
gint64       cp_chart_data_planned_by  (const CpChartData *data,
                                        guint         day);

/* "April 2026" for months->pdata[i]. */
char        *cp_chart_data_month_label (const CpChartData *data,
                                        guint         month);

/* The chart's name for people: "Spending by category" … */
const char  *cp_chart_kind_get_title   (CpChartKind   kind);
/* "donut", "bars", "burn", "monthly"; parsing gives FALSE for others. */
const char  *cp_chart_kind_to_string   (CpChartKind   kind);
gboolean     cp_chart_kind_from_string (const char   *text,
                                        CpChartKind  *kind);

/* One sentence in words: "You have spent £4,210.00 of £22,400.00 (19%).
 * At this rate you will have £1,050.00 left at the end of March 2027." */
char        *cp_chart_data_dup_summary (const CpChartData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpChartData, cp_chart_data_free)

G_END_DECLS
