/* cp-outcome.c — a goal, in the person's words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-outcome.h"
#include "cp-enum-types.h"
#include "cp-enums.h"

struct _CpOutcome
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpOutcome, cp_outcome, CP_TYPE_RECORD)

static void
cp_outcome_class_init (CpOutcomeClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("plan-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("description", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_enum ("voice", NULL, NULL, CP_TYPE_VOICE, CP_VOICE_PERSON, CP_RECORD_PARAM_FLAGS),
    g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "outcome";
  record_class->parent_column = "plan_id";
  record_class->order_by = "position";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_outcome_init (CpOutcome *self)
{
}

CpOutcome *
cp_outcome_new (const char *plan_id)
{
  return g_object_new (CP_TYPE_OUTCOME, "plan-id", plan_id, NULL);
}
