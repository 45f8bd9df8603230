/* cp-payment.h — one entry in the ledger; corrections are reversing entries
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_PAYMENT (cp_payment_get_type ())
G_DECLARE_FINAL_TYPE (CpPayment, cp_payment, CP, PAYMENT, CpRecord)

CpPayment *cp_payment_new (const char *plan_id);

G_END_DECLS
