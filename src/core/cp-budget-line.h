/* cp-budget-line.h — planned spending in one category
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_BUDGET_LINE (cp_budget_line_get_type ())
G_DECLARE_FINAL_TYPE (CpBudgetLine, cp_budget_line, CP, BUDGET_LINE, CpRecord)

CpBudgetLine *cp_budget_line_new (const char *plan_id);

G_END_DECLS
