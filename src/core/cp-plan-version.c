/* cp-plan-version.c — an agreed plan, frozen exactly as it was signed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-plan-version.h"

struct _CpPlanVersion
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpPlanVersion, cp_plan_version, CP_TYPE_RECORD)

static void
cp_plan_version_class_init (CpPlanVersionClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("plan-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_int64 ("version", NULL, NULL, 1, G_MAXINT64, 1, CP_RECORD_PARAM_FLAGS),
    cp_record_param_spec_date ("agreed-on"),
    /* What changed since the previous version, in words. */
    g_param_spec_string ("summary", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    /* The plan as Coplan XML, never edited after it is stored. */
    g_param_spec_string ("document", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "plan_version";
  record_class->immutable = TRUE;
  record_class->parent_column = "plan_id";
  record_class->order_by = "version DESC";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_plan_version_init (CpPlanVersion *self)
{
}

CpPlanVersion *
cp_plan_version_new (const char *plan_id)
{
  return g_object_new (CP_TYPE_PLAN_VERSION, "plan-id", plan_id, NULL);
}
