/* cp-risk.c — a risk and how it is managed; positive risk-taking is allowed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-risk.h"

struct _CpRisk
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpRisk, cp_risk, CP_TYPE_RECORD)

static void
cp_risk_class_init (CpRiskClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("plan-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("description", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("management", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("agreed-by", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_boolean ("positive-risk", NULL, NULL, FALSE, CP_RECORD_PARAM_FLAGS),
    g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "risk";
  record_class->parent_column = "plan_id";
  record_class->order_by = "position";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_risk_init (CpRisk *self)
{
}

CpRisk *
cp_risk_new (const char *plan_id)
{
  return g_object_new (CP_TYPE_RISK, "plan-id", plan_id, NULL);
}
