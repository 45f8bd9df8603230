/* cp-budget-rules.h — the rules a budget and its ledger obey
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checked in core, so the app, the CLI and imports obey the same rules,
 * and every refusal is a sentence a person can act on
 * (CP_STORE_ERROR_INVALID).
 */
#pragma once

#include "cp-payment.h"
#include "cp-store.h"

G_BEGIN_DECLS

/* One ledger entry may not exceed £250,000 either way: no care payment
 * comes near it (a whole year of the largest packages is about that), so
 * anything larger is a typing slip. */
#define CP_BUDGET_MAX_PAYMENT_PENCE G_GINT64_CONSTANT (25000000)

/* Councils may reclaim a surplus of more than 8 weeks' funding (St
 * Helens; Richmond allows 8 × the weekly payment): plans-and-budgets.md
 * §2.2 "Contingency and clawback". The setting lets an area use its own. */
#define CP_SETTING_SURPLUS_WEEKS         "budget.surplus-weeks"
#define CP_BUDGET_SURPLUS_WEEKS_DEFAULT  8
#define CP_BUDGET_SURPLUS_WEEKS_MIN      1
#define CP_BUDGET_SURPLUS_WEEKS_MAX      52

/* Validate vfuncs of CpFundingStream, CpBudgetLine and CpPayment. */
gboolean   cp_budget_rules_validate_stream  (CpRecord    *stream,
                                             GError     **error);
gboolean   cp_budget_rules_validate_line    (CpRecord    *line,
                                             GError     **error);
gboolean   cp_budget_rules_validate_payment (CpRecord    *payment,
                                             GError     **error);

/* Corrects a payment with a reversing entry: a new payment of the
 * opposite amount, same line, stream and payee, dated today, with
 * reverses-id set and @reason as its note. Refuses to reverse a payment
 * twice, to reverse a reversal, and to reverse a deleted payment.
 * Returns: (transfer full) (nullable): the stored reversing entry */
CpPayment *cp_payment_reverse               (CpStore     *store,
                                             const char  *payment_id,
                                             const char  *reason,
                                             GError     **error);
/* TRUE when a live entry already reverses @payment_id. */
gboolean   cp_payment_is_reversed           (CpStore     *store,
                                             const char  *payment_id);

/* Weeks of unspent funding allowed before the surplus warning. */
guint      cp_budget_rules_get_surplus_weeks (CpStore    *store);
gboolean   cp_budget_rules_set_surplus_weeks (CpStore    *store,
                                              guint       weeks,
                                              GError    **error);

G_END_DECLS
