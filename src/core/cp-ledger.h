/* cp-ledger.h — one plan's payments as a lazy, filtered, sorted list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cp-ledger-entry.h"
#include "cp-store.h"

G_BEGIN_DECLS

typedef enum
{
  CP_LEDGER_SORT_DATE,
  CP_LEDGER_SORT_AMOUNT,
  CP_LEDGER_SORT_PAYEE,
} CpLedgerSort;

/* What the ledger sums up for the plan (or for the chosen stream). */
typedef struct
{
  gint64 agreed_pence;   /* the agreed amounts of the live funding streams */
  gint64 spent_pence;    /* every live payment, reversals included */
  gint64 shown_pence;    /* the payments the filter shows */
  guint  n_shown;
} CpLedgerTotals;

#define CP_TYPE_LEDGER (cp_ledger_get_type ())
G_DECLARE_FINAL_TYPE (CpLedger, cp_ledger, CP, LEDGER, GObject)

/* Items are CpLedgerEntry. "Left after this" on each is the budget left
 * once this payment and every one before it in date order (then the
 * order they were typed) is taken off: the agreed amounts of the plan's
 * funding streams minus what was spent so far. Filters choose which rows
 * are shown, never what a row's figure is — except the stream filter,
 * which makes it the money left in that stream. */
CpLedger    *cp_ledger_new              (CpStore      *store,
                                         const char   *plan_id);
const char  *cp_ledger_get_plan_id      (CpLedger     *self);

void         cp_ledger_set_search       (CpLedger     *self,
                                         const char   *search);
void         cp_ledger_set_line_id      (CpLedger     *self,
                                         const char   *line_id);
void         cp_ledger_set_stream_id    (CpLedger     *self,
                                         const char   *stream_id);
/* ISO dates, both inclusive; NULL for no limit. */
void         cp_ledger_set_date_range   (CpLedger     *self,
                                         const char   *from,
                                         const char   *to);
void         cp_ledger_set_sort         (CpLedger     *self,
                                         CpLedgerSort  sort,
                                         gboolean      descending);
CpLedgerSort cp_ledger_get_sort         (CpLedger     *self,
                                         gboolean     *descending);

void         cp_ledger_refresh          (CpLedger     *self);
gboolean     cp_ledger_get_totals       (CpLedger       *self,
                                         CpLedgerTotals *totals,
                                         GError        **error);
/* Where a payment stands in the list as filtered and sorted now, or
 * G_MAXUINT when it is not shown. */
guint        cp_ledger_find_position    (CpLedger     *self,
                                         const char   *payment_id);
guint        cp_ledger_get_pages_fetched (CpLedger    *self);

G_END_DECLS
