/* cp-chart-view.h — one spending chart on screen, with hover and keys
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_CHART_VIEW (cp_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CpChartView, cp_chart_view, CP, CHART_VIEW, GtkWidget)

GtkWidget   *cp_chart_view_new            (CpChartKind        kind);
CpChartKind  cp_chart_view_get_kind       (CpChartView       *self);

/* @data is borrowed: the caller keeps it alive until it sets another
 * (or NULL). */
void         cp_chart_view_set_data       (CpChartView       *self,
                                           const CpChartData *data);

/* The part of the chart under (x, y) in widget pixels, or -1; and its
 * words ("Transport: £120.00 · 4%"), as the tooltip shows them. */
int          cp_chart_view_hit_test       (CpChartView       *self,
                                           double             x,
                                           double             y);
char        *cp_chart_view_dup_hit_text   (CpChartView       *self,
                                           int                index);
/* Where the hit's centre is, for tests and keyboard focus. */
gboolean     cp_chart_view_get_hit_point  (CpChartView       *self,
                                           int                index,
                                           double            *x,
                                           double            *y);
guint        cp_chart_view_get_n_hits     (CpChartView       *self);

/* Keyboard focus moves between the parts with the arrow keys; the
 * focused part's words become the accessible label, so a screen reader
 * says them. */
int          cp_chart_view_get_focus_index (CpChartView      *self);
void         cp_chart_view_move_focus     (CpChartView       *self,
                                           int                delta);
const char  *cp_chart_view_get_announcement (CpChartView     *self);

/* The chart as PNG, SVG or PDF (by @path's extension), at @width × @height
 * in the style on screen (light or dark). */
gboolean     cp_chart_view_export         (CpChartView       *self,
                                           const char        *path,
                                           int                width,
                                           int                height,
                                           GError           **error);

G_END_DECLS
