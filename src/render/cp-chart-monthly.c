/* cp-chart-monthly.c — spending each month, stacked by funding stream
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each stream has its colour and its pattern, and the legend names it
 * with its total for the year and its share.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "cp-chart-private.h"
#include "cp-money.h"

#define GRIDLINES 4

static double
y_of (const CpChartLayout *layout, gint64 pence)
{
  return layout->plot_y + layout->plot_h - layout->plot_h * (double) pence / (double) layout->scale_max;
}

static gint64
stream_total (const CpChartData *data, guint stream)
{
  gint64 total = 0;

  for (guint m = 0; m < data->months->len; m++)
    total += cp_chart_data_get_monthly (data, m, stream);
  return total;
}

static gint64
month_total (const CpChartData *data, guint month)
{
  gint64 total = 0;

  for (guint s = 0; s < data->streams->len; s++)
    total += MAX (cp_chart_data_get_monthly (data, month, s), 0);
  return total;
}

static void
add_legend (CpChartLayout *layout)
{
  const CpChartData *data = layout->data;
  gint64 all = 0;

  for (guint s = 0; s < data->streams->len; s++)
    all += MAX (stream_total (data, s), 0);
  for (guint s = 0; s < data->streams->len; s++)
    {
      gint64 total = stream_total (data, s);
      g_autofree char *money = cp_money_format (total);
      g_autofree char *percent = cp_chart_percent (MAX (total, 0), all);

      cp_chart_layout_add_legend (layout, (int) s, 0, data->streams->pdata[s],
                                  g_strdup_printf (_("%s · %s"), money, percent));
    }
}

static void
add_segments (CpChartLayout *layout)
{
  const CpChartData *data = layout->data;
  guint n_months = data->months->len;
  double slot = layout->plot_w / MAX (n_months, 1);
  double bar_w = MAX (slot * 0.7, 2);

  for (guint m = 0; m < n_months; m++)
    {
      g_autofree char *month = cp_chart_data_month_label (data, m);
      double x = layout->plot_x + slot * m + (slot - bar_w) / 2;
      gint64 below = 0;

      for (guint s = 0; s < data->streams->len; s++)
        {
          gint64 amount = cp_chart_data_get_monthly (data, m, s);
          g_autofree char *label = NULL;
          CpChartHit *hit;

          if (amount <= 0)
            continue;
          /* Translators: "April 2026, Personal health budget" */
          label = g_strdup_printf (_("%s, %s"), month, (const char *) data->streams->pdata[s]);
          hit = cp_chart_layout_add_hit (layout, CP_CHART_SHAPE_RECT, (int) s, label,
                                         cp_money_format (amount), amount);
          hit->x = x;
          hit->width = bar_w;
          hit->y = y_of (layout, below + amount);
          hit->height = y_of (layout, below) - hit->y;
          below += amount;
        }
    }
}

void
cp_chart_monthly_layout (CpChartLayout *layout, const CpRenderStyle *style)
{
  const CpChartData *data = layout->data;
  double pad = CP_CHART_PAD, legend_h, axis_w;
  g_autofree char *top_label = NULL;
  gint64 top = 0, step;

  for (guint m = 0; m < data->months->len; m++)
    top = MAX (top, month_total (data, m));
  step = cp_chart_nice_step (MAX (top, 100), GRIDLINES);
  layout->scale_max = ((MAX (top, 1) + step - 1) / step) * step;
  top_label = cp_chart_axis_money (layout->scale_max);
  axis_w = cp_chart_text_width (layout, style, top_label) + 8;

  add_legend (layout);
  legend_h = cp_chart_legend_place (layout, style, pad, 0, MIN (layout->width - 2 * pad, 520));
  layout->plot_x = pad + axis_w;
  layout->plot_y = pad + layout->text_height / 2;
  layout->plot_w = MAX (layout->width - layout->plot_x - pad, 10);
  layout->plot_h = MAX (layout->height - layout->plot_y - layout->text_height - 8 - legend_h - pad, 10);
  cp_chart_legend_place (layout, style, pad, layout->plot_y + layout->plot_h + layout->text_height + 8 + 4,
                         MIN (layout->width - 2 * pad, 520));
  add_segments (layout);
}

static void
draw_axes (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style)
{
  const CpChartData *data = layout->data;
  gint64 step = cp_chart_nice_step (layout->scale_max, GRIDLINES);
  double slot = layout->plot_w / MAX (data->months->len, 1);
  double last_end = -1000;

  cairo_set_line_width (cr, 1.0);
  for (gint64 value = 0; value <= layout->scale_max; value += step)
    {
      g_autofree char *label = cp_chart_axis_money (value);
      double y = (int) y_of (layout, value) + 0.5;

      cp_chart_set_color (cr, &style->foreground, value == 0 ? 0.6 : 0.15);
      cairo_move_to (cr, layout->plot_x, y);
      cairo_line_to (cr, layout->plot_x + layout->plot_w, y);
      cairo_stroke (cr);
      cp_chart_show_text (cr, style, 0.85, FALSE, label, layout->plot_x - 6, y - layout->text_height / 2,
                          -1, TRUE);
    }
  for (guint m = 0; m < data->months->len; m++)
    {
      const char *iso = data->months->pdata[m];
      GDate date;
      char name[32];
      g_autoptr(PangoLayout) text = NULL;
      double x;
      int w;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, (GDateMonth) atoi (iso + 5), (GDateYear) atoi (iso));
      g_date_strftime (name, sizeof name, "%b", &date);
      text = cp_chart_text_for_cairo (cr, style, 0.85, FALSE, name, -1);
      pango_layout_get_pixel_size (text, &w, NULL);
      x = layout->plot_x + slot * m + (slot - w) / 2;
      if (x < last_end + 2)
        continue;
      cp_chart_set_color (cr, &style->foreground, 1.0);
      cairo_move_to (cr, x, layout->plot_y + layout->plot_h + 4);
      pango_cairo_show_layout (cr, text);
      last_end = x + w;
    }
}

void
cp_chart_monthly_draw (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style)
{
  CpRenderColor gap = style->background;

  draw_axes (cr, layout, style);
  gap.alpha = 1.0;
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const CpChartHit *hit = &g_array_index (layout->hits, CpChartHit, i);

      cairo_rectangle (cr, hit->x, hit->y, hit->width, hit->height);
      cp_chart_fill_series (cr, style, hit->series);
      /* A line between stacked parts, so they never merge. */
      if (hit->y + hit->height < layout->plot_y + layout->plot_h - 0.5)
        {
          cp_chart_set_color (cr, &gap, 1.0);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, hit->x, (int) (hit->y + hit->height) + 0.5);
          cairo_line_to (cr, hit->x + hit->width, (int) (hit->y + hit->height) + 0.5);
          cairo_stroke (cr);
        }
    }
  cp_chart_legend_draw (cr, layout, style);
}
