/* cp-monitoring-data.h — the figures of a direct-payment monitoring return
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What councils ask of a person on a direct payment each quarter (see
 * docs: plans-and-budgets §2.2): the money received, what was spent on
 * each line of the plan, the balance left, how many weeks of funding that
 * balance is (more than 8 may be reclaimed), and every payment with
 * whether its receipt is kept.
 *
 * A quarter is a calendar quarter: "2026-Q3" is 1 July – 30 September
 * 2026 (Q1 January–March … Q4 October–December). The return shows the
 * dates in words, so nobody has to guess.
 *
 * The money counted is the plan's direct-payment and prepaid-card
 * streams (money the person holds and accounts for). Coplan keeps no
 * record of money paid in, so what was received is worked out from each
 * stream's agreed amount and how often it is paid (received_estimated
 * says so, and the return says so in words).
 */
#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

#define CP_MONITORING_ERROR (cp_monitoring_error_quark ())

typedef enum
{
  CP_MONITORING_ERROR_QUARTER,   /* not a quarter like 2026-Q3 */
  CP_MONITORING_ERROR_NO_PLAN,   /* the person has no plan */
  CP_MONITORING_ERROR_NO_DIRECT, /* the plan has no direct payment */
} CpMonitoringError;

typedef struct
{
  char     *paid_on;       /* ISO */
  char     *payee;
  char     *line;          /* the budget line's category name, or "" */
  char     *reference;
  char     *method;        /* nick: "bank-transfer" … */
  gint64    amount_pence;  /* negative for a reversal */
  gboolean  has_receipt;
} CpMonitoringPayment;

typedef struct
{
  char   *label;
  gint64  spent_pence;
} CpMonitoringLine;

typedef struct
{
  char     *person_name;
  char     *nhs_number;        /* "" when not known */
  char     *plan_id;
  char     *quarter;           /* "2026-Q3" */
  char     *start;             /* ISO, first day of the quarter */
  char     *end;               /* ISO, last day */
  char     *streams;           /* "Personal health budget (direct payment, monthly)" … */
  gboolean  received_estimated;
  gint64    opening_pence;     /* received − spent from the year's start to the quarter's */
  gint64    received_pence;    /* in the quarter */
  gint64    spent_pence;       /* in the quarter */
  gint64    closing_pence;     /* opening + received − spent */
  gint64    weekly_pence;      /* the direct payments' agreed amount a week */
  double    surplus_weeks;     /* closing ÷ weekly: not money, a count of weeks */
  guint     surplus_weeks_allowed; /* Preferences → Budget Rules: more may be reclaimed */
  guint     n_missing;         /* payments without a receipt */
  GArray   *lines;             /* of CpMonitoringLine, largest first */
  GArray   *payments;          /* of CpMonitoringPayment, by date */
} CpMonitoringReturn;


GQuark              cp_monitoring_error_quark   (void);

/* "2026-Q3" → 2026-07-01 … 2026-09-30 (ISO, newly allocated). */
gboolean            cp_monitoring_parse_quarter (const char   *quarter,
                                                 char        **start,
                                                 char        **end,
                                                 GError      **error);
/* The quarter holding @iso_date: "2026-Q4" for 2026-11-22. */
char               *cp_monitoring_quarter_of    (const char   *iso_date);

CpMonitoringReturn *cp_monitoring_return_load   (CpStore      *store,
                                                 const char   *person_id,
                                                 const char   *quarter,
                                                 GError      **error);
void                cp_monitoring_return_free   (CpMonitoringReturn *data);

/* Money received between @start and @end (ISO, both included) from a
 * stream of @agreed_pence paid at @frequency (a nick) over its period,
 * instalment by instalment; the pennies that do not divide go in the
 * first instalment. */
gint64              cp_monitoring_received      (gint64        agreed_pence,
                                                 const char   *frequency,
                                                 const char   *period_start,
                                                 const char   *period_end,
                                                 const char   *start,
                                                 const char   *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpMonitoringReturn, cp_monitoring_return_free)

G_END_DECLS
