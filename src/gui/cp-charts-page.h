/* cp-charts-page.h — the Charts tab: four spending charts and the monitoring return
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cp-chart-view.h"

G_BEGIN_DECLS

#define CP_TYPE_CHARTS_PAGE (cp_charts_page_get_type ())
G_DECLARE_FINAL_TYPE (CpChartsPage, cp_charts_page, CP, CHARTS_PAGE, AdwBin)

GtkWidget   *cp_charts_page_new        (void);
/* Draw as of @today (ISO) instead of the real date: for tests. */
void         cp_charts_page_set_today  (CpChartsPage *self,
                                        const char   *today);
CpChartView *cp_charts_page_get_view   (CpChartsPage *self,
                                        CpChartKind   kind);
/* The chart's text alternative: a grid of the same numbers. */
GtkGrid     *cp_charts_page_get_table  (CpChartsPage *self,
                                        CpChartKind   kind);
/* Shows the table instead of the chart, or the chart again. */
void         cp_charts_page_show_table (CpChartsPage *self,
                                        CpChartKind   kind,
                                        gboolean      table);
const char  *cp_charts_page_get_summary (CpChartsPage *self);
/* Runs the pending reload now, rather than in an idle. */
void         cp_charts_page_reload     (CpChartsPage *self);

G_END_DECLS
