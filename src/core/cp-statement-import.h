/* cp-statement-import.h — a statement's rows into a plan's ledger, once
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-enums.h"
#include "cp-statement.h"
#include "cp-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint  rows;                /* every row read, header excluded */
  guint  new_rows;            /* spending not yet in the ledger */
  guint  already_imported;    /* spending imported before */
  guint  possible_duplicates; /* spending that matches a payment typed in by hand */
  guint  money_in;            /* money in: never imported */
  guint  zero;                /* nothing moved */
  guint  problems;            /* could not be read */
  guint  warnings;            /* excluded spending, among the rows to add */
  guint  added;               /* payments stored by the apply */
  gint64 new_pence;           /* the new spending */
  gint64 money_in_pence;
} CpStatementCounts;

typedef enum
{
  CP_STATEMENT_IMPORT_DEFAULT             = 0,
  /* Import the good rows even though some could not be read. */
  CP_STATEMENT_IMPORT_SKIP_BAD            = 1 << 0,
  /* Also import rows that match a payment typed in by hand. */
  CP_STATEMENT_IMPORT_POSSIBLE_DUPLICATES = 1 << 1,
  /* Check and count, store nothing. */
  CP_STATEMENT_IMPORT_DRY_RUN             = 1 << 2,
} CpStatementImportFlags;

typedef struct
{
  CpStatementImportFlags flags;
  const char            *budget_line_id; /* NULL: no line */
  CpPaymentMethod        method;         /* when the statement's type column says nothing */
  /* The funding stream whose account the statement is of: every payment
   * added gets it, so the monitoring return counts them. NULL: the line's
   * stream, if any (cp_statement_import_list_accounts() finds the choices). */
  const char            *stream_id;
} CpStatementImportOptions;

/* Marks every spending row new, already imported or a possible duplicate
 * of a payment typed in by hand in @plan_id. Reads only. */
gboolean cp_statement_import_check  (CpStore                        *store,
                                     CpStatement                    *statement,
                                     const char                     *plan_id,
                                     GError                        **error);
/* Counts rows by kind and status (after cp_statement_import_check()). */
void     cp_statement_import_count  (CpStatement                    *statement,
                                     CpStatementImportFlags          flags,
                                     CpStatementCounts              *counts);
/* Checks, then stores every new spending row as a payment of @plan_id in
 * one transaction, with a statement_import row naming the file. Refuses
 * (CP_STATEMENT_ERROR_BAD_ROWS, line-numbered message) when rows could
 * not be read, unless SKIP_BAD. Any failure stores nothing. */
gboolean cp_statement_import_apply  (CpStore                        *store,
                                     CpStatement                    *statement,
                                     const char                     *plan_id,
                                     const CpStatementImportOptions *options,
                                     CpStatementCounts              *counts,
                                     GError                        **error);

/* The plan's live direct-payment and prepaid-card streams, by name: money
 * in an account the person holds, so the accounts a statement can be of,
 * and the streams a monitoring return counts. A GPtrArray of
 * CpFundingStream, or NULL on error. */
GPtrArray      *cp_statement_import_list_accounts   (CpStore         *store,
                                                     const char      *plan_id,
                                                     GError         **error);

/* The payment method a bank's type word names ("DD", "SO", "CARD" …), or @fallback. */
CpPaymentMethod cp_statement_import_method_for_type (const char      *type,
                                                     CpPaymentMethod  fallback);

G_END_DECLS
