/* cp-funding-stream.c — money from one funder for the year of care
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-funding-stream.h"
#include "cp-budget-rules.h"
#include "cp-enum-types.h"
#include "cp-enums.h"

struct _CpFundingStream
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpFundingStream, cp_funding_stream, CP_TYPE_RECORD)

static void
cp_funding_stream_class_init (CpFundingStreamClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("plan-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_enum ("funder", NULL, NULL, CP_TYPE_FUNDER, CP_FUNDER_NHS, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("name", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    /* Integer pence. */
    g_param_spec_int64 ("indicative-pence", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
    /* Integer pence. */
    g_param_spec_int64 ("agreed-pence", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
    g_param_spec_enum ("management", NULL, NULL, CP_TYPE_MANAGEMENT, CP_MANAGEMENT_NOTIONAL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_enum ("frequency", NULL, NULL, CP_TYPE_FREQUENCY, CP_FREQUENCY_MONTHLY, CP_RECORD_PARAM_FLAGS),
    cp_record_param_spec_date ("period-start"),
    cp_record_param_spec_date ("period-end"),
  };

  record_class->table = "funding_stream";
  record_class->parent_column = "plan_id";
  record_class->order_by = "funder";
  record_class->validate = cp_budget_rules_validate_stream;
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_funding_stream_init (CpFundingStream *self)
{
}

CpFundingStream *
cp_funding_stream_new (const char *plan_id)
{
  return g_object_new (CP_TYPE_FUNDING_STREAM, "plan-id", plan_id, NULL);
}
