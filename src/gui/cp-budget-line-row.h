/* cp-budget-line-row.h — one budget line, edited in place
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_BUDGET_LINE_ROW (cp_budget_line_row_get_type ())
G_DECLARE_FINAL_TYPE (CpBudgetLineRow, cp_budget_line_row, CP, BUDGET_LINE_ROW, AdwExpanderRow)

/* @outcome_ids and @outcome_labels (@n_outcomes each) are what the line
 * may pay for; the row adds "No particular outcome" first. */
GtkWidget  *cp_budget_line_row_new    (CpStore             *store,
                                       CpBudgetLine        *line,
                                       const char *const   *outcome_ids,
                                       const char *const   *outcome_labels,
                                       guint                n_outcomes);
const char *cp_budget_line_row_get_id (CpBudgetLineRow     *self);
void        cp_budget_line_row_update (CpBudgetLineRow     *self,
                                       const CpLineFigures *figures);
gboolean    cp_budget_line_row_flush  (CpBudgetLineRow     *self);

G_END_DECLS
