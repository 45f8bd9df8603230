/* cp-budget-line.c — planned spending in one category
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-budget-line.h"
#include "cp-budget-rules.h"
#include "cp-enum-types.h"
#include "cp-enums.h"

struct _CpBudgetLine
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpBudgetLine, cp_budget_line, CP_TYPE_RECORD)

static void
cp_budget_line_class_init (CpBudgetLineClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("plan-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("stream-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("outcome-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("category", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("description", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    /* Integer pence per period. */
    g_param_spec_int64 ("amount-pence", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
    g_param_spec_enum ("period", NULL, NULL, CP_TYPE_PERIOD, CP_PERIOD_MONTH, CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "budget_line";
  record_class->parent_column = "plan_id";
  record_class->order_by = "category";
  record_class->validate = cp_budget_rules_validate_line;
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_budget_line_init (CpBudgetLine *self)
{
}

CpBudgetLine *
cp_budget_line_new (const char *plan_id)
{
  return g_object_new (CP_TYPE_BUDGET_LINE, "plan-id", plan_id, NULL);
}
