/* cp-receipt.h — a receipt (image or PDF) kept with a payment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_RECEIPT (cp_receipt_get_type ())
G_DECLARE_FINAL_TYPE (CpReceipt, cp_receipt, CP, RECEIPT, CpRecord)

CpReceipt *cp_receipt_new (const char *payment_id);

G_END_DECLS
