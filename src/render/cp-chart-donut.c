/* cp-chart-donut.c — spending by category, as a donut with a valued legend
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seven largest categories get a slice each; the rest share one, so
 * every slice stays big enough to see and to point at. The legend gives
 * each its amount and share in words.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cp-chart-private.h"
#include "cp-money.h"

#define MAX_SLICES 7
#define HOLE 0.58   /* inner radius as a share of the outer */

static gint64
positive_total (const CpChartData *data)
{
  gint64 total = 0;

  for (guint i = 0; i < data->slices->len; i++)
    total += MAX (g_array_index (data->slices, CpChartSlice, i).amount_pence, 0);
  return total;
}

static char *
slice_value (gint64 amount, gint64 total)
{
  g_autofree char *money = cp_money_format (amount);
  g_autofree char *percent = cp_chart_percent (amount, total);

  /* Translators: "£1,200.00 · 12%" in a chart legend */
  return g_strdup_printf (_("%s · %s"), money, percent);
}

/* The slices as drawn: the largest, then "Everything else". */
static guint
add_slices (CpChartLayout *layout, gint64 total)
{
  const CpChartData *data = layout->data;
  gint64 rest = 0;
  guint n = 0, n_rest = 0;

  for (guint i = 0; i < data->slices->len; i++)
    {
      const CpChartSlice *slice = &g_array_index (data->slices, CpChartSlice, i);

      if (slice->amount_pence <= 0)
        continue;
      if (n < MAX_SLICES || data->slices->len <= MAX_SLICES + 1)
        {
          cp_chart_layout_add_hit (layout, CP_CHART_SHAPE_ARC, (int) n, slice->label,
                                   slice_value (slice->amount_pence, total), slice->amount_pence);
          cp_chart_layout_add_legend (layout, (int) n, 0, slice->label,
                                      slice_value (slice->amount_pence, total));
          n++;
        }
      else
        {
          rest += slice->amount_pence;
          n_rest++;
        }
    }
  if (n_rest > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Everything else (%u category)",
                                                             "Everything else (%u categories)", n_rest), n_rest);
      cp_chart_layout_add_hit (layout, CP_CHART_SHAPE_ARC, (int) n, label, slice_value (rest, total), rest);
      cp_chart_layout_add_legend (layout, (int) n, 0, label, slice_value (rest, total));
      n++;
    }
  return n;
}

static void
place_arcs (CpChartLayout *layout, double cx, double cy, double radius, gint64 total)
{
  double angle = 0;

  for (guint i = 0; i < layout->hits->len; i++)
    {
      CpChartHit *hit = &g_array_index (layout->hits, CpChartHit, i);
      double sweep = 2 * G_PI * (double) hit->amount_pence / (double) total;

      hit->cx = cx;
      hit->cy = cy;
      hit->outer = radius;
      hit->inner = radius * HOLE;
      hit->start = angle;
      hit->end = i + 1 == layout->hits->len ? 2 * G_PI : angle + sweep;
      hit->x = cx - radius;
      hit->y = cy - radius;
      hit->width = hit->height = 2 * radius;
      angle = hit->end;
    }
}

void
cp_chart_donut_layout (CpChartLayout *layout, const CpRenderStyle *style)
{
  gint64 total = positive_total (layout->data);
  double w = layout->width, h = layout->height, pad = CP_CHART_PAD;
  double radius, cx, cy;

  if (total <= 0)
    {
      layout->message = g_strdup (_("No spending recorded yet"));
      return;
    }
  add_slices (layout, total);
  if (w >= 1.3 * h)
    {
      /* Legend beside the donut, centred on it. */
      double legend_w = MIN (w * 0.55, 420);
      double legend_h;

      radius = MAX (MIN ((w - legend_w - 3 * pad) / 2, h / 2 - pad), 20);
      cx = pad + radius;
      cy = h / 2;
      legend_h = cp_chart_legend_place (layout, style, w - legend_w - pad, 0, legend_w);
      cp_chart_legend_place (layout, style, w - legend_w - pad, MAX ((h - legend_h) / 2, 0), legend_w);
    }
  else
    {
      /* Legend under it. */
      double legend_h = cp_chart_legend_place (layout, style, pad, 0, w - 2 * pad);

      radius = MAX (MIN ((h - legend_h - 3 * pad) / 2, w / 2 - pad), 20);
      cx = w / 2;
      cy = pad + radius;
      cp_chart_legend_place (layout, style, pad, cy + radius + pad, w - 2 * pad);
    }
  layout->scale_max = total;
  place_arcs (layout, cx, cy, radius, total);
}

static void
draw_centre (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style,
             const CpChartHit *hit)
{
  g_autofree char *total = cp_money_format (layout->scale_max);
  g_autoptr(PangoLayout) amount = cp_chart_text_for_cairo (cr, style, 1.15, TRUE, total, -1);
  g_autoptr(PangoLayout) word = cp_chart_text_for_cairo (cr, style, 0.9, FALSE, _("spent"), -1);
  int aw, ah, ww, wh;

  pango_layout_get_pixel_size (amount, &aw, &ah);
  pango_layout_get_pixel_size (word, &ww, &wh);
  /* Only when it fits inside the hole. */
  if (aw > 2 * hit->inner * 0.92)
    return;
  cp_chart_set_color (cr, &style->foreground, 1.0);
  cairo_move_to (cr, hit->cx - aw / 2.0, hit->cy - (ah + wh) / 2.0);
  pango_cairo_show_layout (cr, amount);
  cairo_move_to (cr, hit->cx - ww / 2.0, hit->cy - (ah + wh) / 2.0 + ah);
  pango_cairo_show_layout (cr, word);
}

void
cp_chart_donut_draw (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style)
{
  CpRenderColor gap = style->background;

  for (guint i = 0; i < layout->hits->len; i++)
    {
      const CpChartHit *hit = &g_array_index (layout->hits, CpChartHit, i);

      cairo_new_path (cr);
      cairo_arc (cr, hit->cx, hit->cy, hit->outer, hit->start - G_PI / 2, hit->end - G_PI / 2);
      cairo_arc_negative (cr, hit->cx, hit->cy, hit->inner, hit->end - G_PI / 2, hit->start - G_PI / 2);
      cairo_close_path (cr);
      cp_chart_fill_series (cr, style, hit->series);
    }
  /* A thin gap between slices, so neighbours never merge. */
  gap.alpha = 1.0;
  cp_chart_set_color (cr, &gap, 1.0);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < layout->hits->len && layout->hits->len > 1; i++)
    {
      const CpChartHit *hit = &g_array_index (layout->hits, CpChartHit, i);
      double a = hit->start - G_PI / 2;

      cairo_move_to (cr, hit->cx + hit->inner * cos (a), hit->cy + hit->inner * sin (a));
      cairo_line_to (cr, hit->cx + hit->outer * cos (a), hit->cy + hit->outer * sin (a));
    }
  cairo_stroke (cr);
  if (layout->hits->len > 0)
    draw_centre (cr, layout, style, &g_array_index (layout->hits, CpChartHit, 0));
  cp_chart_legend_draw (cr, layout, style);
}
