/* cp-plan-version.h — an agreed plan, frozen exactly as it was signed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_PLAN_VERSION (cp_plan_version_get_type ())
G_DECLARE_FINAL_TYPE (CpPlanVersion, cp_plan_version, CP, PLAN_VERSION, CpRecord)

CpPlanVersion *cp_plan_version_new (const char *plan_id);

G_END_DECLS
