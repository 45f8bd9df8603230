/* cp-support-member.h — someone in the person's support network
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_SUPPORT_MEMBER (cp_support_member_get_type ())
G_DECLARE_FINAL_TYPE (CpSupportMember, cp_support_member, CP, SUPPORT_MEMBER, CpRecord)

CpSupportMember *cp_support_member_new (const char *person_id);

G_END_DECLS
