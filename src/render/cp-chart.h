/* cp-chart.h — the spending charts: layout, hit test, drawing
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As HomeBank does it: the layout is computed once from the figures and
 * the size, the hit test reads the layout, and drawing reads it too, into
 * any cairo context — the screen, a PNG, an SVG, a PDF page or a printed
 * plan. No GTK here.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cp-chart-data.h"
#include "cp-render-style.h"

G_BEGIN_DECLS

typedef enum
{
  CP_CHART_SHAPE_RECT,   /* x, y, width, height */
  CP_CHART_SHAPE_ARC,    /* a donut slice: cx, cy, inner, outer, start, end */
  CP_CHART_SHAPE_POINT,  /* a point on a line: x, y, and a column x … x+width */
} CpChartShape;

/* Something a pointer or the keyboard can land on, in reading order. */
typedef struct
{
  CpChartShape shape;
  int          series;        /* palette index; -1 when it has none */
  char        *label;         /* "Transport", "April 2026 — NHS" */
  char        *value;         /* "£1,200.00 (12%)", "£200.00 under" */
  gint64       amount_pence;
  double       x, y, width, height;
  double       cx, cy, inner, outer, start, end;  /* radians, clockwise from 12 o'clock */
} CpChartHit;

typedef struct _CpChartLayout CpChartLayout;

/* Lays @data out as @kind in width × height. @data must outlive the layout. */
CpChartLayout    *cp_chart_layout_new        (CpChartKind          kind,
                                              const CpChartData   *data,
                                              double               width,
                                              double               height,
                                              const CpRenderStyle *style);
void              cp_chart_layout_free       (CpChartLayout       *layout);

CpChartKind       cp_chart_layout_get_kind   (const CpChartLayout *layout);
double            cp_chart_layout_get_width  (const CpChartLayout *layout);
double            cp_chart_layout_get_height (const CpChartLayout *layout);
/* TRUE when there is nothing to draw but a message in words. */
gboolean          cp_chart_layout_is_empty   (const CpChartLayout *layout);
const char       *cp_chart_layout_get_message (const CpChartLayout *layout);

guint             cp_chart_layout_get_n_hits (const CpChartLayout *layout);
const CpChartHit *cp_chart_layout_get_hit    (const CpChartLayout *layout,
                                              guint                index);
/* The hit under (x, y), or -1. */
int               cp_chart_layout_hit_test   (const CpChartLayout *layout,
                                              double               x,
                                              double               y);
/* "Transport: £1,200.00 (12%)": a tooltip, and what a screen reader hears. */
char             *cp_chart_hit_dup_text      (const CpChartHit    *hit);

/* Draws inside (0, 0, width, height) of @cr; @highlight is a hit index
 * drawn outlined (hover or keyboard focus), or -1. */
void              cp_chart_draw              (cairo_t             *cr,
                                              const CpChartLayout *layout,
                                              const CpRenderStyle *style,
                                              int                  highlight);

/* Layout and draw in one go, for exports and print. */
void              cp_chart_render            (cairo_t             *cr,
                                              CpChartKind          kind,
                                              const CpChartData   *data,
                                              double               width,
                                              double               height,
                                              const CpRenderStyle *style);

/* The colour of series @index: Okabe-Ito, chosen for light or dark. */
CpRenderColor     cp_chart_series_color      (const CpRenderStyle *style,
                                              int                  index);

/* What this chart shows that the others do not, in one sentence:
 * "The most went on Transport: £120.00." — under the chart's title. */
char             *cp_chart_dup_detail        (CpChartKind          kind,
                                              const CpChartData   *data);

/* A summary of the chart in words, for its accessible description. */
char             *cp_chart_dup_description   (CpChartKind          kind,
                                              const CpChartData   *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpChartLayout, cp_chart_layout_free)

G_END_DECLS
