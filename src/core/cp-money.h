/* cp-money.h — money as integer pence, parsed and printed in one place
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CP_MONEY_ERROR (cp_money_error_quark ())

typedef enum
{
  CP_MONEY_ERROR_EMPTY,     /* nothing was typed */
  CP_MONEY_ERROR_INVALID,   /* letters or symbols that are not money */
  CP_MONEY_ERROR_PRECISION, /* more than two decimal places */
  CP_MONEY_ERROR_TOO_LARGE, /* beyond CP_MONEY_MAX_PENCE */
} CpMoneyError;

/* £10 million: no personal budget comes near it, so anything larger is a typing slip. */
#define CP_MONEY_MAX_PENCE G_GINT64_CONSTANT (1000000000)

GQuark   cp_money_error_quark (void);

/* Accepts "1234.5", "£1,234.56", "-£12", "−£12.00" (U+2212), "(12.00)",
 * surrounding spaces. Refuses three decimals, letters, misplaced commas,
 * and amounts beyond CP_MONEY_MAX_PENCE, with a message a person can act on. */
gboolean cp_money_parse       (const char  *text,
                               gint64      *pence,
                               GError     **error);

/* "£1,234.56"; negative as "−£12.00" with U+2212 MINUS SIGN. */
char    *cp_money_format      (gint64       pence);

/* "1234.56" / "-12.00": for CSV and XML, no symbol or separators. */
char    *cp_money_format_plain (gint64      pence);

/* A count grouped like the pounds of an amount: "1,000 people" reads at
 * a glance where "1000" does not. */
char    *cp_format_count      (guint64      n);

G_END_DECLS
