/* cp-support-member.c — someone in the person's support network
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-support-member.h"
#include "cp-enum-types.h"
#include "cp-enums.h"

struct _CpSupportMember
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpSupportMember, cp_support_member, CP_TYPE_RECORD)

static void
cp_support_member_class_init (CpSupportMemberClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("person-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("name", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("relationship", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    /* Which ring of the relationship circle. */
    g_param_spec_enum ("circle", NULL, NULL, CP_TYPE_CIRCLE, CP_CIRCLE_CLOSE_FAMILY, CP_RECORD_PARAM_FLAGS),
    g_param_spec_enum ("role", NULL, NULL, CP_TYPE_SUPPORT_ROLE, CP_SUPPORT_ROLE_NONE, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("phone", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("email", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("notes", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "support_member";
  record_class->parent_column = "person_id";
  record_class->order_by = "position";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_support_member_init (CpSupportMember *self)
{
}

CpSupportMember *
cp_support_member_new (const char *person_id)
{
  return g_object_new (CP_TYPE_SUPPORT_MEMBER, "person-id", person_id, NULL);
}
