/* cp-contributor.c — someone who writes in a plan: the person, a carer, an advocate or a professional
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-contributor.h"
#include "cp-enum-types.h"
#include "cp-enums.h"

struct _CpContributor
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpContributor, cp_contributor, CP_TYPE_RECORD)

static void
cp_contributor_class_init (CpContributorClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    /* Their name as they want it shown. */
    g_param_spec_string ("name", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    /* Their role, in their words ("advocate", "daughter"). */
    g_param_spec_string ("role", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    /* Whose voice they usually write in. */
    g_param_spec_enum ("voice", NULL, NULL, CP_TYPE_VOICE, CP_VOICE_PROFESSIONAL, CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "contributor";
  record_class->parent_column = NULL;
  record_class->order_by = "name COLLATE NOCASE";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_contributor_init (CpContributor *self)
{
}

CpContributor *
cp_contributor_new (void)
{
  return g_object_new (CP_TYPE_CONTRIBUTOR, NULL);
}
