/* cp-statement.h — a bank or card statement read as proposed payments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cp-csv.h"

G_BEGIN_DECLS

#define CP_STATEMENT_ERROR (cp_statement_error_quark ())

typedef enum
{
  CP_STATEMENT_ERROR_MAPPING,  /* the columns say too little to import */
  CP_STATEMENT_ERROR_BAD_ROWS, /* some rows could not be read */
} CpStatementError;

/* Which column (from 0) holds each thing; -1 when none does. */
typedef struct
{
  int      date;
  int      description;
  int      amount;       /* one signed column: negative is money out */
  int      paid_out;
  int      paid_in;
  int      reference;
  int      balance;
  int      type;
  /* Some cards show spending as positive amounts in the one column. */
  gboolean spending_positive;
} CpStatementMapping;

typedef enum
{
  CP_STATEMENT_ROW_SPENDING, /* money out: a proposed payment */
  CP_STATEMENT_ROW_MONEY_IN, /* money in: not spending, never imported */
  CP_STATEMENT_ROW_ZERO,     /* nothing moved (a card check): left out */
  CP_STATEMENT_ROW_PROBLEM,  /* could not be read: see problem */
} CpStatementRowKind;

/* Set by cp_statement_import_check() against the plan's ledger. */
typedef enum
{
  CP_STATEMENT_STATUS_NEW,
  CP_STATEMENT_STATUS_ALREADY_IMPORTED,
  CP_STATEMENT_STATUS_POSSIBLE_DUPLICATE, /* a payment typed in by hand matches */
} CpStatementStatus;

typedef struct
{
  guint              line;         /* in the file, from 1 */
  CpStatementRowKind kind;
  char              *date;         /* ISO, or NULL */
  char              *description;
  char              *reference;
  char              *type;         /* the bank's own word: "DD", "CARD" … */
  gint64             amount_pence; /* positive: how much went out (or in) */
  char              *problem;      /* why the row could not be read */
  char              *warning;      /* excluded spending, in plain words */
  char              *year_warning; /* dated outside the plan's year of care (set by the check) */
  char              *fingerprint;  /* the same row of the same file always gets the same one */
  CpStatementStatus  status;
} CpStatementRow;

typedef struct _CpStatement CpStatement;

GQuark                cp_statement_error_quark       (void);

void                  cp_statement_mapping_init      (CpStatementMapping       *mapping);
/* Recognises a header row of the usual UK names (Date, Description,
 * Paid out, Money in, Debit Amount …). TRUE when it says enough to import. */
gboolean              cp_statement_mapping_detect    (const char *const        *header,
                                                      guint                     n_fields,
                                                      CpStatementMapping       *mapping);
/* "date=1,description=3,amount=4" or "date=1,description=2,out=4,in=5"
 * (columns counted from 1, as a person counts them). */
gboolean              cp_statement_mapping_parse     (const char               *text,
                                                      CpStatementMapping       *mapping,
                                                      GError                  **error);
/* TRUE when a date, a description and an amount (or paid out / paid in) are set. */
gboolean              cp_statement_mapping_check     (const CpStatementMapping *mapping,
                                                      GError                  **error);

/* Reads the file; if its header is recognised, its rows are read too.
 * Otherwise cp_statement_is_recognised() is FALSE and the caller asks
 * for a mapping. */
CpStatement          *cp_statement_load              (const char               *path,
                                                      GError                  **error);
CpStatement          *cp_statement_new_from_data     (const char               *data,
                                                      gssize                    length,
                                                      const char               *filename,
                                                      GError                  **error);
void                  cp_statement_free              (CpStatement              *self);

gboolean              cp_statement_is_recognised     (CpStatement              *self);
/* Reads every row with @mapping (replacing the detected one). */
gboolean              cp_statement_set_mapping       (CpStatement              *self,
                                                      const CpStatementMapping *mapping,
                                                      GError                  **error);
const CpStatementMapping *cp_statement_get_mapping   (CpStatement              *self);

const char           *cp_statement_get_filename      (CpStatement              *self);
CpCsv                *cp_statement_get_csv           (CpStatement              *self);
/* The line of the header row, or 0 when the file has none. */
guint                 cp_statement_get_header_line   (CpStatement              *self);
/* Notes on how the file was read, as sentences (encoding, preamble). */
const char           *cp_statement_get_note          (CpStatement              *self);

guint                 cp_statement_get_n_rows        (CpStatement              *self);
CpStatementRow       *cp_statement_get_row           (CpStatement              *self,
                                                      guint                     index);
guint                 cp_statement_count_kind        (CpStatement              *self,
                                                      CpStatementRowKind        kind);
/* "Line 4: …" for every row with a problem, one per line. */
char                 *cp_statement_describe_problems (CpStatement              *self,
                                                      guint                     max_lines);

/* Lower case, single spaces, no punctuation at the ends: how two
 * descriptions are compared. */
char                 *cp_statement_normalise_text    (const char               *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpStatement, cp_statement_free)

G_END_DECLS
