/* cp-ledger-page.h — the Spending tab: record payments, keep receipts, correct mistakes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_LEDGER_PAGE (cp_ledger_page_get_type ())
G_DECLARE_FINAL_TYPE (CpLedgerPage, cp_ledger_page, CP, LEDGER_PAGE, AdwBin)

/* The list shown (NULL when the person has no plan). */
CpLedger   *cp_ledger_page_get_ledger        (CpLedgerPage *self);
const char *cp_ledger_page_get_totals_text   (CpLedgerPage *self);
/* Chooses the row at @position, as a click would. */
void        cp_ledger_page_select            (CpLedgerPage *self,
                                              guint         position);
/* For tests: what the file chooser would hand back, without a desktop portal. */
gboolean    cp_ledger_page_attach_file       (CpLedgerPage *self,
                                              GFile        *file,
                                              GError      **error);
/* For tests: answers the "Reverse" question with @reason. */
gboolean    cp_ledger_page_reverse_selected  (CpLedgerPage *self,
                                              const char   *reason,
                                              GError      **error);

G_END_DECLS
