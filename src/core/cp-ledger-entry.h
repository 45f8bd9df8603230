/* cp-ledger-entry.h — one row of the ledger: a payment and what follows from it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-payment.h"

G_BEGIN_DECLS

#define CP_TYPE_LEDGER_ENTRY (cp_ledger_entry_get_type ())
G_DECLARE_FINAL_TYPE (CpLedgerEntry, cp_ledger_entry, CP, LEDGER_ENTRY, GObject)

CpLedgerEntry *cp_ledger_entry_new               (CpPayment     *payment,
                                                  gint64         left_pence,
                                                  const char    *line_name,
                                                  guint          n_receipts,
                                                  const char    *reversed_by);

CpPayment     *cp_ledger_entry_get_payment       (CpLedgerEntry *self);
const char    *cp_ledger_entry_get_id            (CpLedgerEntry *self);
/* The budget left after this payment, in date order (see cp-ledger.h). */
gint64         cp_ledger_entry_get_left_pence    (CpLedgerEntry *self);
/* The budget line's name, or "" when the payment has no line. */
const char    *cp_ledger_entry_get_line_name     (CpLedgerEntry *self);
guint          cp_ledger_entry_get_n_receipts    (CpLedgerEntry *self);
/* The id of the entry that reverses this payment, or NULL. */
const char    *cp_ledger_entry_get_reversed_by   (CpLedgerEntry *self);
/* The id of the payment this entry reverses, or NULL. */
const char    *cp_ledger_entry_get_reverses      (CpLedgerEntry *self);
gboolean       cp_ledger_entry_can_reverse       (CpLedgerEntry *self);

G_END_DECLS
