/* cp-chart-bars.c — planned against spent, one bar per budget line
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each line reads as a sentence above its bar ("£200.00 over"), the
 * track shows what was planned, and money beyond the plan is striped in
 * the warning colour with a marker where the plan ends: being over is
 * said in words and shapes, never by colour alone.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cp-chart-private.h"
#include "cp-money.h"

#define BAR_HEIGHT 14.0
#define MIN_BAR_HEIGHT 6.0
#define ROW_GAP 8.0

/* Money on no line had no plan, so it is neither over nor under. */
static gboolean
is_over (const CpChartLine *line)
{
  return !line->orphan && line->spent_pence > line->planned_pence;
}

static char *
short_words (const CpChartLine *line)
{
  g_autofree char *difference = cp_money_format (ABS (line->spent_pence - line->planned_pence));

  if (line->orphan)
    {
      g_autofree char *spent = cp_money_format (line->spent_pence);
      /* Translators: "£22.34 spent", on the row of money on no budget line */
      return g_strdup_printf (_("%s spent"), spent);
    }
  if (line->spent_pence > line->planned_pence)
    /* Translators: "£200.00 over" the amount planned */
    return g_strdup_printf (_("%s over"), difference);
  if (line->spent_pence < line->planned_pence)
    /* Translators: "£200.00 under" the amount planned */
    return g_strdup_printf (_("%s under"), difference);
  return g_strdup (_("on plan"));
}

static char *
long_words (const CpChartLine *line)
{
  g_autofree char *spent = cp_money_format (line->spent_pence);
  g_autofree char *planned = cp_money_format (line->planned_pence);
  g_autofree char *difference = short_words (line);

  if (line->orphan)
    /* Translators: "£22.34 spent on no budget line" */
    return g_strdup_printf (_("%s spent on no budget line"), spent);
  /* Translators: "£1,800.00 spent of £2,000.00 planned — £200.00 under" */
  return g_strdup_printf (_("%s spent of %s planned — %s"), spent, planned, difference);
}

void
cp_chart_bars_layout (CpChartLayout *layout, const CpRenderStyle *style)
{
  const CpChartData *data = layout->data;
  double pad = CP_CHART_PAD, y = pad, bar_h = BAR_HEIGHT;
  double row_h, available = layout->height - 2 * pad;
  guint n = data->lines->len, fit;

  for (guint i = 0; i < n; i++)
    {
      const CpChartLine *line = &g_array_index (data->lines, CpChartLine, i);
      layout->scale_max = MAX (layout->scale_max, MAX (line->planned_pence, line->spent_pence));
    }
  layout->scale_max = MAX (layout->scale_max, 1);
  /* Thinner bars before fewer rows; then as many rows as fit, and a note. */
  row_h = layout->text_height + 3 + bar_h + ROW_GAP;
  if (row_h * n > available)
    bar_h = MAX (available / n - layout->text_height - 3 - ROW_GAP, MIN_BAR_HEIGHT);
  row_h = layout->text_height + 3 + bar_h + ROW_GAP;
  fit = (guint) MAX (available / row_h, 1);
  if (fit < n)
    fit = (guint) MAX ((available - layout->text_height) / row_h, 1);
  fit = MIN (fit, n);
  layout->hidden_rows = n - fit;
  layout->plot_x = pad;
  layout->plot_w = layout->width - 2 * pad;
  layout->plot_h = bar_h;
  for (guint i = 0; i < fit; i++)
    {
      const CpChartLine *line = &g_array_index (data->lines, CpChartLine, i);
      CpChartHit *hit = cp_chart_layout_add_hit (layout, CP_CHART_SHAPE_RECT,
                                                 is_over (line) ? 1 : 0,
                                                 line->label, long_words (line), line->spent_pence);
      hit->x = pad;
      hit->y = y;
      hit->width = layout->plot_w;
      hit->height = row_h - ROW_GAP / 2;
      y += row_h;
    }
  layout->plot_y = y;
  (void) style;
}

static void
draw_row (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style,
          const CpChartHit *hit, const CpChartLine *line)
{
  g_autofree char *words = short_words (line);
  double bar_y = hit->y + layout->text_height + 3;
  double bar_h = layout->plot_h, w = layout->plot_w, x = layout->plot_x;
  double scale = w / (double) layout->scale_max;
  double planned = MAX (line->planned_pence, 0) * scale;
  double spent = MAX (line->spent_pence, 0) * scale;
  /* Money on no line had no plan: all of it is plain fill, no marker. */
  double within = line->orphan ? spent : MIN (spent, planned);
  CpRenderColor fill = cp_chart_series_color (style, 0);
  double words_w = 0;
  g_autoptr(PangoLayout) right = cp_chart_text_for_cairo (cr, style, 1.0, is_over (line),
                                                          words, -1);
  int rw;

  pango_layout_get_pixel_size (right, &rw, NULL);
  words_w = rw;
  cp_chart_set_color (cr, &style->foreground, 1.0);
  cairo_move_to (cr, x + w - words_w, hit->y);
  pango_cairo_show_layout (cr, right);
  {
    /* One line of label, shortened with "…": the bar sits right under it. */
    g_autoptr(PangoLayout) label = cp_chart_text_for_cairo (cr, style, 1.0, FALSE, line->label,
                                                            MAX (w - words_w - 12, 20));
    pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
    cairo_move_to (cr, x, hit->y);
    pango_cairo_show_layout (cr, label);
  }

  /* The plan is the track; what was spent within it fills it. */
  cp_chart_set_color (cr, &style->track, 1.0);
  cairo_rectangle (cr, x, bar_y, MAX (planned, 1), bar_h);
  cairo_fill (cr);
  cp_chart_set_color (cr, &fill, 1.0);
  cairo_rectangle (cr, x, bar_y, within, bar_h);
  cairo_fill (cr);
  if (line->orphan)
    return;
  if (spent > planned)
    {
      cp_chart_set_color (cr, &style->warning, 1.0);
      cairo_rectangle (cr, x + planned, bar_y, spent - planned, bar_h);
      cairo_fill (cr);
      cp_chart_stripes (cr, style, x + planned, bar_y, spent - planned, bar_h);
    }
  /* Where the plan ends. */
  cp_chart_set_color (cr, &style->foreground, 1.0);
  cairo_rectangle (cr, x + MAX (planned - 1.5, 0), bar_y - 2, 3, bar_h + 4);
  cairo_fill (cr);
}

void
cp_chart_bars_draw (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style)
{
  const CpChartData *data = layout->data;

  for (guint i = 0; i < layout->hits->len; i++)
    draw_row (cr, layout, style, &g_array_index (layout->hits, CpChartHit, i),
              &g_array_index (data->lines, CpChartLine, i));
  if (layout->hidden_rows > 0)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more line: see the table.",
                                                            "And %u more lines: see the table.",
                                                            layout->hidden_rows),
                                               layout->hidden_rows);
      cp_chart_show_text (cr, style, 0.9, FALSE, note, layout->plot_x, layout->plot_y,
                          layout->plot_w, FALSE);
    }
}
