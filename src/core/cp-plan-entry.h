/* cp-plan-entry.h — one entry in a plan section, in someone's own words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_PLAN_ENTRY (cp_plan_entry_get_type ())
G_DECLARE_FINAL_TYPE (CpPlanEntry, cp_plan_entry, CP, PLAN_ENTRY, CpRecord)

CpPlanEntry *cp_plan_entry_new (const char *plan_id);

G_END_DECLS
