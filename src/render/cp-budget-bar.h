/* cp-budget-bar.h — money spent against money agreed, as a bar with words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cp-render-style.h"

G_BEGIN_DECLS

/* Where the parts of the bar go in a width × height box. */
typedef struct
{
  double   text_height;  /* the label sits on top */
  double   bar_y;
  double   bar_height;
  double   within_width; /* spent within the budget, from x = 0 */
  double   over_width;   /* spent beyond it, after within_width */
  gboolean over_budget;
} CpBudgetBarLayout;

/* "£4,120.00 spent of £12,000.00 — £7,880.00 left": the words the bar
 * shows, and its text alternative for screen readers and tables. */
char *cp_budget_bar_dup_label (gint64               agreed_pence,
                               gint64               spent_pence);

void  cp_budget_bar_layout    (double               width,
                               double               height,
                               double               text_height,
                               gint64               agreed_pence,
                               gint64               spent_pence,
                               CpBudgetBarLayout   *layout);

/* Draws inside (0, 0, width, height) of @cr and nowhere else. */
void  cp_budget_bar_draw      (cairo_t             *cr,
                               double               width,
                               double               height,
                               gint64               agreed_pence,
                               gint64               spent_pence,
                               const CpRenderStyle *style);

G_END_DECLS
