/* cp-payment.c — one entry in the ledger; corrections are reversing entries
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-payment.h"
#include "cp-budget-rules.h"
#include "cp-enum-types.h"
#include "cp-enums.h"

struct _CpPayment
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpPayment, cp_payment, CP_TYPE_RECORD)

/* Corrections are reversing entries (cp_payment_reverse), never edits. */
static const char *const fixed_properties[] = {
  "plan-id", "paid-on", "amount-pence", "budget-line-id", "stream-id", "reverses-id", NULL
};

static void
cp_payment_class_init (CpPaymentClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("plan-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    cp_record_param_spec_date ("paid-on"),
    g_param_spec_string ("payee", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    /* Integer pence; negative for a refund or reversal. */
    g_param_spec_int64 ("amount-pence", NULL, NULL, G_MININT64, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("budget-line-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("stream-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_enum ("method", NULL, NULL, CP_TYPE_PAYMENT_METHOD, CP_PAYMENT_METHOD_BANK_TRANSFER, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("reference", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("note", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    /* The payment this entry reverses, if any. */
    g_param_spec_string ("reverses-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "payment";
  record_class->parent_column = "plan_id";
  record_class->order_by = "paid_on DESC, created_at DESC";
  record_class->fixed_properties = fixed_properties;
  record_class->validate = cp_budget_rules_validate_payment;
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_payment_init (CpPayment *self)
{
}

CpPayment *
cp_payment_new (const char *plan_id)
{
  return g_object_new (CP_TYPE_PAYMENT, "plan-id", plan_id, NULL);
}
