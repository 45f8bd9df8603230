/* cp-receipt.c — a receipt (image or PDF) kept with a payment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-receipt.h"

struct _CpReceipt
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpReceipt, cp_receipt, CP_TYPE_RECORD)

static void
cp_receipt_class_init (CpReceiptClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("payment-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("filename", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("mime-type", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_boxed ("data", NULL, NULL, G_TYPE_BYTES, CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "receipt";
  record_class->parent_column = "payment_id";
  record_class->order_by = "created_at";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_receipt_init (CpReceipt *self)
{
}

CpReceipt *
cp_receipt_new (const char *payment_id)
{
  return g_object_new (CP_TYPE_RECEIPT, "payment-id", payment_id, NULL);
}
