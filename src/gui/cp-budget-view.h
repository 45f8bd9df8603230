/* cp-budget-view.h — the budget bar on screen
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CP_TYPE_BUDGET_VIEW (cp_budget_view_get_type ())
G_DECLARE_FINAL_TYPE (CpBudgetView, cp_budget_view, CP, BUDGET_VIEW, GtkWidget)

GtkWidget *cp_budget_view_new         (void);
void       cp_budget_view_set_amounts (CpBudgetView *self,
                                       gint64        agreed_pence,
                                       gint64        spent_pence);
/* The words the bar shows: also its accessible label. */
const char *cp_budget_view_get_label  (CpBudgetView *self);

G_END_DECLS
