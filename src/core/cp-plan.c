/* cp-plan.c — one personalised care and support plan for a year of care
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-plan.h"
#include "cp-enum-types.h"
#include "cp-enums.h"

struct _CpPlan
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpPlan, cp_plan, CP_TYPE_RECORD)

static void
cp_plan_class_init (CpPlanClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("person-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("title", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_enum ("status", NULL, NULL, CP_TYPE_PLAN_STATUS, CP_PLAN_STATUS_DRAFT, CP_RECORD_PARAM_FLAGS),
    cp_record_param_spec_date ("year-start"),
    cp_record_param_spec_date ("year-end"),
    cp_record_param_spec_date ("review-due"),
    /* The named first point of contact. */
    g_param_spec_string ("care-coordinator", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    /* How many times this plan has been agreed. */
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "plan";
  record_class->parent_column = "person_id";
  record_class->order_by = "year_start DESC, created_at DESC";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_plan_init (CpPlan *self)
{
}

CpPlan *
cp_plan_new (const char *person_id)
{
  return g_object_new (CP_TYPE_PLAN, "person-id", person_id, NULL);
}
