/* cp-outcome-chart.h — goal-attainment ratings of one outcome over time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ratings run from −2 (much less than expected) to +2 (much more than
 * expected), 0 being what was expected. The chart is a line through dots
 * across that scale, labelled, with a sentence as its text alternative.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cp-render-style.h"

G_BEGIN_DECLS

typedef struct
{
  const char *rated_on; /* ISO date; points without one are left out */
  int         score;    /* −2 … +2 */
} CpOutcomePoint;

typedef struct
{
  double x, y;
} CpOutcomeChartDot;

typedef struct
{
  double             plot_x, plot_y, plot_width, plot_height;
  double             score_y[5];  /* y of −2, −1, 0, +1, +2 */
  guint              n_dots;
  CpOutcomeChartDot *dots;        /* one per dated point, in the order given */
} CpOutcomeChartLayout;

/* "much less than expected" … "much more than expected"; NULL outside −2…+2. */
const char *cp_outcome_score_label   (int score);
/* "+1", "0", "−2" (with a real minus sign). */
char       *cp_outcome_score_format  (int score);

/* @points in date order. @label_width: room for the scale on the left. */
void        cp_outcome_chart_layout  (double                 width,
                                      double                 height,
                                      double                 label_width,
                                      double                 label_height,
                                      const CpOutcomePoint  *points,
                                      guint                  n_points,
                                      CpOutcomeChartLayout  *layout);
void        cp_outcome_chart_layout_clear (CpOutcomeChartLayout *layout);

/* Draws inside (0, 0, width, height) of @cr and nowhere else. */
void        cp_outcome_chart_draw    (cairo_t               *cr,
                                      double                 width,
                                      double                 height,
                                      const CpOutcomePoint  *points,
                                      guint                  n_points,
                                      const CpRenderStyle   *style);

/* The text alternative: "Latest rating +1 (more than expected) on
 * 3 March 2026, up from −1 on 2 January 2026." */
char       *cp_outcome_chart_dup_summary (const CpOutcomePoint *points,
                                          guint                 n_points);

G_END_DECLS
