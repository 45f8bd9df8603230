/* cp-chart-private.h — what the four chart kinds share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "cp-chart.h"

G_BEGIN_DECLS

#define CP_CHART_PAD 8.0
#define CP_CHART_SWATCH 14.0

typedef struct
{
  int     series;     /* palette index; -1: a line sample instead */
  int     line_style; /* for series -1: 0 solid, 1 dashed, 2 dotted */
  char   *label;
  char   *value;      /* "£1,200.00 · 12%", right-aligned */
  double  x, y, width, height;
} CpChartLegendRow;

struct _CpChartLayout
{
  CpChartKind        kind;
  const CpChartData *data;
  double             width, height;
  char              *message;      /* non-NULL: draw only this */
  GArray            *hits;         /* of CpChartHit */
  GArray            *legend;       /* of CpChartLegendRow */
  PangoContext      *pango;        /* measuring only */
  /* The plotting area, for the kinds with axes. */
  double             plot_x, plot_y, plot_w, plot_h;
  gint64             scale_max;    /* pence at the top (or right) of the plot */
  double             text_height;  /* one line of normal text */
  guint              hidden_rows;  /* bars that did not fit */
};

/* Text at the style's size × @scale, wrapped to @width (≤ 0: no wrap). */
PangoLayout *cp_chart_text_new        (PangoContext        *context,
                                       const CpRenderStyle *style,
                                       double               scale,
                                       gboolean             bold,
                                       const char          *text,
                                       double               width);
/* The same for drawing into @cr. */
PangoLayout *cp_chart_text_for_cairo  (cairo_t             *cr,
                                       const CpRenderStyle *style,
                                       double               scale,
                                       gboolean             bold,
                                       const char          *text,
                                       double               width);
double       cp_chart_text_width      (CpChartLayout       *layout,
                                       const CpRenderStyle *style,
                                       const char          *text);
/* Draws @text with its top-left at (x, y), or right-aligned to x when @align_right. */
void         cp_chart_show_text       (cairo_t             *cr,
                                       const CpRenderStyle *style,
                                       double               scale,
                                       gboolean             bold,
                                       const char          *text,
                                       double               x,
                                       double               y,
                                       double               width,
                                       gboolean             align_right);

void         cp_chart_set_color       (cairo_t             *cr,
                                       const CpRenderColor *color,
                                       double               alpha);
gboolean     cp_chart_style_is_dark   (const CpRenderStyle *style);
/* Fills the current path in the series' colour and pattern, and clears it. */
void         cp_chart_fill_series     (cairo_t             *cr,
                                       const CpRenderStyle *style,
                                       int                  series);
void         cp_chart_stripes         (cairo_t             *cr,
                                       const CpRenderStyle *style,
                                       double x, double y, double width, double height);

CpChartHit  *cp_chart_layout_add_hit  (CpChartLayout       *layout,
                                       CpChartShape         shape,
                                       int                  series,
                                       const char          *label,
                                       char                *value,   /* taken */
                                       gint64               amount_pence);
void         cp_chart_layout_add_legend (CpChartLayout     *layout,
                                       int                  series,
                                       int                  line_style,
                                       const char          *label,
                                       char                *value);  /* taken */
/* Puts the legend rows in a column of @width at (x, y); returns its height. */
double       cp_chart_legend_place    (CpChartLayout       *layout,
                                       const CpRenderStyle *style,
                                       double               x,
                                       double               y,
                                       double               width);
void         cp_chart_legend_draw     (cairo_t             *cr,
                                       const CpChartLayout *layout,
                                       const CpRenderStyle *style);
void         cp_chart_outline_hit     (cairo_t             *cr,
                                       const CpChartHit    *hit,
                                       const CpRenderStyle *style);

/* "23%", "less than 1%" */
char        *cp_chart_percent         (gint64               part,
                                       gint64               whole);
/* "£5,000" for an axis: whole pounds without pence. */
char        *cp_chart_axis_money      (gint64               pence);
/* A round step for about @n gridlines up to @max. */
gint64       cp_chart_nice_step       (gint64               max,
                                       guint                n);

/* Per kind (cp-chart-donut.c …). */
void cp_chart_donut_layout   (CpChartLayout *layout, const CpRenderStyle *style);
void cp_chart_donut_draw     (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style);
void cp_chart_bars_layout    (CpChartLayout *layout, const CpRenderStyle *style);
void cp_chart_bars_draw      (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style);
void cp_chart_burn_layout    (CpChartLayout *layout, const CpRenderStyle *style);
void cp_chart_burn_draw      (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style);
void cp_chart_monthly_layout (CpChartLayout *layout, const CpRenderStyle *style);
void cp_chart_monthly_draw   (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style);

G_END_DECLS
