/* cp-signoff.c — a named person's agreement to a plan version
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-signoff.h"

struct _CpSignoff
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpSignoff, cp_signoff, CP_TYPE_RECORD)

static void
cp_signoff_class_init (CpSignoffClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("plan-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("name", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("role", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    cp_record_param_spec_date ("signed-on"),
    g_param_spec_int64 ("plan-version", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "signoff";
  record_class->parent_column = "plan_id";
  record_class->order_by = "signed_on";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_signoff_init (CpSignoff *self)
{
}

CpSignoff *
cp_signoff_new (const char *plan_id)
{
  return g_object_new (CP_TYPE_SIGNOFF, "plan-id", plan_id, NULL);
}
