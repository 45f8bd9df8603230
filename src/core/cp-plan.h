/* cp-plan.h — one personalised care and support plan for a year of care
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_PLAN (cp_plan_get_type ())
G_DECLARE_FINAL_TYPE (CpPlan, cp_plan, CP, PLAN, CpRecord)

CpPlan *cp_plan_new (const char *person_id);

G_END_DECLS
