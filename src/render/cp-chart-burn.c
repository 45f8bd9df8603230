/* cp-chart-burn.c — spending through the year of care against the plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three lines told apart by their strokes as well as colour: what was
 * spent (solid), what the plan expects by each day (dotted) and where the
 * spending so far leads by the year's end (dashed), with a "Today" marker.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-chart-private.h"
#include "cp-date.h"
#include "cp-money.h"

#define GRIDLINES 4

static const double dash[] = { 8.0, 5.0 };
static const double dot[] = { 2.0, 4.0 };

static double
x_of (const CpChartLayout *layout, double day)
{
  return layout->plot_x + layout->plot_w * day / MAX ((double) layout->data->n_days - 1, 1.0);
}

static double
y_of (const CpChartLayout *layout, gint64 pence)
{
  return layout->plot_y + layout->plot_h - layout->plot_h * (double) pence / (double) layout->scale_max;
}

/* Spent by the end of @day: the last cumulative total at or before it. */
static gint64
spent_by (const CpChartData *data, guint day)
{
  gint64 total = 0;

  for (guint i = 0; i < data->days->len; i++)
    {
      const CpChartDay *point = &g_array_index (data->days, CpChartDay, i);
      if (point->day > day)
        break;
      total = point->cumulative_pence;
    }
  return total;
}

/* The last day there is spending to show: today, or the year's end once it is over. */
static guint
last_spent_day (const CpChartData *data)
{
  guint last = data->days->len > 0 ? g_array_index (data->days, CpChartDay, data->days->len - 1).day : 0;

  return MAX (data->today_day, last);
}

static void
add_legend (CpChartLayout *layout, const CpRenderStyle *style)
{
  const CpChartData *data = layout->data;
  g_autofree char *end = NULL;
  g_autoptr(GDate) end_date = cp_date_parse_iso (data->year_end, NULL);

  end = end_date ? cp_date_format_long (end_date) : g_strdup (data->year_end);
  cp_chart_layout_add_legend (layout, -1, 0, _("Spent so far"),
                              cp_money_format (spent_by (data, last_spent_day (data))));
  /* Translators: the legend of the plan's line; %s is a date */
  cp_chart_layout_add_legend (layout, -1, 2, _("The plan, spent evenly"), cp_money_format (data->agreed_pence));
  if (data->has_projection)
    {
      g_autofree char *label = g_strdup_printf (_("At this rate, by %s"), end);
      cp_chart_layout_add_legend (layout, -1, 1, label, cp_money_format (data->projected_pence));
    }
}

static void
add_month_hits (CpChartLayout *layout)
{
  const CpChartData *data = layout->data;
  g_autoptr(GDate) date = cp_date_parse_iso (data->year_start, NULL);
  guint last = last_spent_day (data);
  guint day = 0;

  while (day <= last && day < data->n_days)
    {
      guint first = day, month_end;
      g_autofree char *when = NULL;
      g_autofree char *spent = NULL;
      g_autofree char *planned = NULL;
      GDate end;
      CpChartHit *hit;

      end = *date;
      g_date_add_months (date, 1);
      g_date_set_day (date, 1);
      month_end = (guint) MIN ((gint64) day + g_date_days_between (&end, date) - 1, (gint64) last);
      g_date_add_days (&end, month_end - first);
      when = cp_date_format_long (&end);
      spent = cp_money_format (spent_by (data, month_end));
      planned = cp_money_format (cp_chart_data_planned_by (data, month_end));
      /* Translators: "By 30 April 2026" */
      {
        g_autofree char *label = g_strdup_printf (_("By %s"), when);
        hit = cp_chart_layout_add_hit (layout, CP_CHART_SHAPE_POINT, 0, label,
                                       /* Translators: "£1,200.00 spent; the plan expected £1,500.00" */
                                       g_strdup_printf (_("%s spent; the plan expected %s"), spent, planned),
                                       spent_by (data, month_end));
      }
      hit->cx = x_of (layout, month_end);
      hit->cy = y_of (layout, hit->amount_pence);
      hit->x = x_of (layout, first == 0 ? 0 : first - 0.5);
      hit->width = x_of (layout, month_end + 0.5) - hit->x;
      hit->y = layout->plot_y;
      hit->height = layout->plot_h;
      day = month_end + 1;
    }
}

static void
add_projection_hit (CpChartLayout *layout)
{
  const CpChartData *data = layout->data;
  g_autoptr(GDate) end = cp_date_parse_iso (data->year_end, NULL);
  g_autofree char *when = cp_date_format_long (end);
  g_autofree char *label = g_strdup_printf (_("At this rate, by %s"), when);
  CpChartHit *hit = cp_chart_layout_add_hit (layout, CP_CHART_SHAPE_POINT, 0, label,
                                             cp_money_format (data->projected_pence),
                                             data->projected_pence);
  double x = x_of (layout, data->n_days - 1);

  hit->cx = x;
  hit->cy = y_of (layout, data->projected_pence);
  hit->x = x - 10;
  hit->width = 20;
  hit->y = hit->cy - 10;
  hit->height = 20;
}

void
cp_chart_burn_layout (CpChartLayout *layout, const CpRenderStyle *style)
{
  const CpChartData *data = layout->data;
  gint64 top = MAX (data->agreed_pence, spent_by (data, data->n_days));
  double pad = CP_CHART_PAD, axis_w, legend_h;
  g_autofree char *top_label = NULL;
  gint64 step;

  if (data->has_projection)
    top = MAX (top, data->projected_pence);
  step = cp_chart_nice_step (MAX (top, 100), GRIDLINES);
  layout->scale_max = ((MAX (top, 1) + step - 1) / step) * step;
  top_label = cp_chart_axis_money (layout->scale_max);
  axis_w = cp_chart_text_width (layout, style, top_label) + 8;

  add_legend (layout, style);
  legend_h = cp_chart_legend_place (layout, style, pad, 0, MIN (layout->width - 2 * pad, 520));
  layout->plot_x = pad + axis_w;
  layout->plot_y = pad + layout->text_height / 2 + layout->text_height;   /* room for "Today" */
  layout->plot_w = MAX (layout->width - layout->plot_x - pad - 4, 10);
  layout->plot_h = MAX (layout->height - layout->plot_y - layout->text_height - 8 - legend_h - pad, 10);
  cp_chart_legend_place (layout, style, pad, layout->plot_y + layout->plot_h + layout->text_height + 8 + 4,
                         MIN (layout->width - 2 * pad, 520));
  add_month_hits (layout);
  if (data->has_projection)
    add_projection_hit (layout);
}

static void
draw_axes (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style)
{
  gint64 step = cp_chart_nice_step (layout->scale_max, GRIDLINES);
  const CpChartData *data = layout->data;
  g_autoptr(GDate) date = cp_date_parse_iso (data->year_start, NULL);
  double last_label_end = -1000;

  cairo_set_line_width (cr, 1.0);
  for (gint64 value = 0; value <= layout->scale_max; value += step)
    {
      g_autofree char *label = cp_chart_axis_money (value);
      double y = y_of (layout, value);

      cp_chart_set_color (cr, &style->foreground, value == 0 ? 0.6 : 0.15);
      cairo_move_to (cr, layout->plot_x, (int) y + 0.5);
      cairo_line_to (cr, layout->plot_x + layout->plot_w, (int) y + 0.5);
      cairo_stroke (cr);
      cp_chart_show_text (cr, style, 0.85, FALSE, label, layout->plot_x - 6, y - layout->text_height / 2,
                          -1, TRUE);
    }
  /* A tick and a short name at the start of each month. */
  g_date_set_day (date, 1);
  for (int i = 0; i < 13; i++)
    {
      g_autoptr(GDate) start = cp_date_parse_iso (data->year_start, NULL);
      gint64 day = (gint64) g_date_get_julian (date) - (gint64) g_date_get_julian (start);
      char name[32];
      double x;

      if (day >= 0 && day < data->n_days)
        {
          x = x_of (layout, day);
          cp_chart_set_color (cr, &style->foreground, 0.6);
          cairo_move_to (cr, (int) x + 0.5, layout->plot_y + layout->plot_h);
          cairo_line_to (cr, (int) x + 0.5, layout->plot_y + layout->plot_h + 4);
          cairo_stroke (cr);
          g_date_strftime (name, sizeof name, "%b", date);
          if (x > last_label_end + 4)
            {
              cp_chart_show_text (cr, style, 0.85, FALSE, name, x + 2, layout->plot_y + layout->plot_h + 4,
                                  -1, FALSE);
              last_label_end = x + 2 + 8 * strlen (name);
            }
        }
      g_date_add_months (date, 1);
    }
}

static void
draw_lines (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style)
{
  const CpChartData *data = layout->data;
  CpRenderColor spent_color = cp_chart_series_color (style, 0);
  guint last = last_spent_day (data);
  gint64 total = 0;

  /* The plan: evenly from nothing to the whole budget. */
  cairo_save (cr);
  cp_chart_set_color (cr, &style->foreground, 0.7);
  cairo_set_line_width (cr, 2.0);
  cairo_set_dash (cr, dot, 2, 0);
  cairo_move_to (cr, x_of (layout, 0), y_of (layout, 0));
  cairo_line_to (cr, x_of (layout, data->n_days - 1), y_of (layout, data->agreed_pence));
  cairo_stroke (cr);
  cairo_restore (cr);

  /* What was spent: a step up on each day with payments. */
  cp_chart_set_color (cr, &spent_color, 1.0);
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, x_of (layout, 0), y_of (layout, 0));
  for (guint i = 0; i < data->days->len; i++)
    {
      const CpChartDay *point = &g_array_index (data->days, CpChartDay, i);
      cairo_line_to (cr, x_of (layout, point->day), y_of (layout, total));
      total = point->cumulative_pence;
      cairo_line_to (cr, x_of (layout, point->day), y_of (layout, total));
    }
  cairo_line_to (cr, x_of (layout, MIN (last, data->n_days - 1)), y_of (layout, total));
  cairo_stroke (cr);

  if (data->has_projection)
    {
      cairo_save (cr);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x_of (layout, data->today_day), y_of (layout, spent_by (data, data->today_day)));
      cairo_line_to (cr, x_of (layout, data->n_days - 1), y_of (layout, data->projected_pence));
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
draw_today (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style)
{
  const CpChartData *data = layout->data;
  double x = (int) x_of (layout, data->today_day) + 0.5;
  g_autoptr(PangoLayout) text = cp_chart_text_for_cairo (cr, style, 0.85, TRUE, _("Today"), -1);
  int w, h;

  if (!data->has_projection)
    return;
  cp_chart_set_color (cr, &style->foreground, 0.8);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, x, layout->plot_y - 2);
  cairo_line_to (cr, x, layout->plot_y + layout->plot_h);
  cairo_stroke (cr);
  pango_layout_get_pixel_size (text, &w, &h);
  cairo_move_to (cr, CLAMP (x - w / 2.0, 0, layout->width - w), layout->plot_y - h - 2);
  pango_cairo_show_layout (cr, text);
}

void
cp_chart_burn_draw (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style)
{
  draw_axes (cr, layout, style);
  draw_today (cr, layout, style);
  draw_lines (cr, layout, style);
  cp_chart_legend_draw (cr, layout, style);
}
