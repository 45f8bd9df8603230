/* cp-budget-page.h — the Budget tab: one person's integrated budget
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_BUDGET_PAGE (cp_budget_page_get_type ())
G_DECLARE_FINAL_TYPE (CpBudgetPage, cp_budget_page, CP, BUDGET_PAGE, AdwBin)

GtkWidget             *cp_budget_page_new         (void);
/* The figures shown now (NULL: no plan), for tests. */
const CpBudgetFigures *cp_budget_page_get_figures (CpBudgetPage *self);

G_END_DECLS
