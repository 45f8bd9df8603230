/* cp-outcome-action.c — who does what by when towards an outcome
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-outcome-action.h"

struct _CpOutcomeAction
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpOutcomeAction, cp_outcome_action, CP_TYPE_RECORD)

static void
cp_outcome_action_class_init (CpOutcomeActionClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("outcome-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("description", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("who", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    cp_record_param_spec_date ("due-date"),
    g_param_spec_boolean ("done", NULL, NULL, FALSE, CP_RECORD_PARAM_FLAGS),
    g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "outcome_action";
  record_class->parent_column = "outcome_id";
  record_class->order_by = "position";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_outcome_action_init (CpOutcomeAction *self)
{
}

CpOutcomeAction *
cp_outcome_action_new (const char *outcome_id)
{
  return g_object_new (CP_TYPE_OUTCOME_ACTION, "outcome-id", outcome_id, NULL);
}
