/* cp-plan-entry.c — one entry in a plan section, in someone's own words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-plan-entry.h"
#include "cp-enum-types.h"
#include "cp-enums.h"

struct _CpPlanEntry
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpPlanEntry, cp_plan_entry, CP_TYPE_RECORD)

static void
cp_plan_entry_class_init (CpPlanEntryClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("plan-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_enum ("section", NULL, NULL, CP_TYPE_SECTION, CP_SECTION_IMPORTANT_TO_ME, CP_RECORD_PARAM_FLAGS),
    /* The words, as they were said. */
    g_param_spec_string ("body", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    /* Whose words they are. */
    g_param_spec_enum ("voice", NULL, NULL, CP_TYPE_VOICE, CP_VOICE_PERSON, CP_RECORD_PARAM_FLAGS),
    /* The contributor who typed them. */
    g_param_spec_string ("author-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "plan_entry";
  record_class->parent_column = "plan_id";
  record_class->order_by = "section, position";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_plan_entry_init (CpPlanEntry *self)
{
}

CpPlanEntry *
cp_plan_entry_new (const char *plan_id)
{
  return g_object_new (CP_TYPE_PLAN_ENTRY, "plan-id", plan_id, NULL);
}
