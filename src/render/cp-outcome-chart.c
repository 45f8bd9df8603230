/* cp-outcome-chart.c — goal-attainment ratings of one outcome over time
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout, then drawing: dots are placed across the time between the
 * first and the last rating, and up the −2 … +2 scale. The expected
 * level (0) is drawn as a stronger line, so "above" and "below" what was
 * hoped for read without colour.
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "coplan-core.h"
#include "cp-outcome-chart.h"

#define DOT_RADIUS 4.5
#define PAD 6.0

const char *
cp_outcome_score_label (int score)
{
  switch (score)
    {
    case -2: return _("much less than expected");
    case -1: return _("less than expected");
    case 0: return _("as expected");
    case 1: return _("more than expected");
    case 2: return _("much more than expected");
    default: return NULL;
    }
}

char *
cp_outcome_score_format (int score)
{
  if (score > 0)
    return g_strdup_printf ("+%d", score);
  if (score < 0)
    return g_strdup_printf ("−%d", -score);
  return g_strdup ("0");
}

static gboolean
point_date (const CpOutcomePoint *point, GDate **date)
{
  *date = point->rated_on ? cp_date_parse_iso (point->rated_on, NULL) : NULL;
  return *date != NULL;
}

/* Julian days of the first and last dated points. */
static gboolean
date_span (const CpOutcomePoint *points, guint n, guint32 *first, guint32 *last)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDate) date = NULL;
      guint32 day;

      /* Points the chart leaves out do not stretch its time either. */
      if (!point_date (&points[i], &date) || cp_outcome_score_label (points[i].score) == NULL)
        continue;
      day = g_date_get_julian (date);
      *first = any ? MIN (*first, day) : day;
      *last = any ? MAX (*last, day) : day;
      any = TRUE;
    }
  return any;
}

void
cp_outcome_chart_layout (double width, double height, double label_width, double label_height,
                         const CpOutcomePoint *points, guint n_points, CpOutcomeChartLayout *l)
{
  guint32 first = 0, last = 0;
  guint placed = 0;

  g_return_if_fail (l != NULL);

  l->plot_x = label_width + PAD;
  l->plot_y = PAD + DOT_RADIUS;
  l->plot_width = MAX (width - l->plot_x - PAD - DOT_RADIUS, 1);
  /* The dates sit under the plot. */
  l->plot_height = MAX (height - l->plot_y - label_height - 2 * PAD, 1);
  for (int i = 0; i < 5; i++)
    l->score_y[i] = l->plot_y + l->plot_height * (4 - i) / 4.0;
  l->dots = g_new0 (CpOutcomeChartDot, MAX (n_points, 1));
  l->n_dots = 0;
  if (!date_span (points, n_points, &first, &last))
    return;
  for (guint i = 0; i < n_points; i++)
    {
      g_autoptr(GDate) date = NULL;
      double fraction;

      if (!point_date (&points[i], &date) || cp_outcome_score_label (points[i].score) == NULL)
        continue;
      fraction = last > first ? (double) (g_date_get_julian (date) - first) / (last - first) : 0.5;
      l->dots[placed].x = l->plot_x + l->plot_width * fraction;
      l->dots[placed].y = l->score_y[points[i].score + 2];
      placed++;
    }
  l->n_dots = placed;
}

void
cp_outcome_chart_layout_clear (CpOutcomeChartLayout *layout)
{
  g_clear_pointer (&layout->dots, g_free);
  layout->n_dots = 0;
}

static void
set_color (cairo_t *cr, const CpRenderColor *color, double alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static PangoLayout *
small_text (cairo_t *cr, const char *text, const CpRenderStyle *style)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font_family);

  pango_font_description_set_size (font, (int) (style->font_size * 0.85 * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static char *
short_date (const char *iso)
{
  g_autoptr(GDate) date = iso ? cp_date_parse_iso (iso, NULL) : NULL;
  char text[32];

  if (date == NULL)
    return g_strdup ("");
  g_date_strftime (text, sizeof text, "%-d %b %Y", date);
  return g_strdup (text);
}

static void
draw_scale (cairo_t *cr, const CpOutcomeChartLayout *l, double label_width, const CpRenderStyle *style)
{
  for (int score = -2; score <= 2; score++)
    {
      g_autofree char *text = cp_outcome_score_format (score);
      g_autoptr(PangoLayout) layout = small_text (cr, text, style);
      double y = l->score_y[score + 2];
      int w, h;

      set_color (cr, &style->foreground, score == 0 ? 0.7 : 0.25);
      cairo_set_line_width (cr, score == 0 ? 2.0 : 1.0);
      cairo_move_to (cr, l->plot_x, y);
      cairo_line_to (cr, l->plot_x + l->plot_width, y);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (layout, &w, &h);
      set_color (cr, &style->foreground, 1.0);
      cairo_move_to (cr, label_width - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_dates (cairo_t *cr, const CpOutcomeChartLayout *l, const CpOutcomePoint *points, guint n,
            const CpRenderStyle *style)
{
  guint32 first = 0, last = 0;
  g_autoptr(GDate) first_date = NULL;
  g_autoptr(GDate) last_date = NULL;
  g_autofree char *first_iso = NULL;
  g_autofree char *last_iso = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autoptr(PangoLayout) left = NULL;
  double y = l->plot_y + l->plot_height + PAD;

  if (!date_span (points, n, &first, &last))
    return;
  first_date = g_date_new_julian (first);
  last_date = g_date_new_julian (last);
  first_iso = cp_date_to_iso (first_date);
  last_iso = cp_date_to_iso (last_date);
  first_text = short_date (first_iso);
  last_text = short_date (last_iso);
  set_color (cr, &style->foreground, 1.0);
  left = small_text (cr, first_text, style);
  cairo_move_to (cr, l->plot_x, y);
  pango_cairo_show_layout (cr, left);
  if (last > first)
    {
      g_autoptr(PangoLayout) right = small_text (cr, last_text, style);
      int w;

      pango_layout_get_pixel_size (right, &w, NULL);
      cairo_move_to (cr, l->plot_x + l->plot_width - w, y);
      pango_cairo_show_layout (cr, right);
    }
}

static void
draw_line (cairo_t *cr, const CpOutcomeChartLayout *l, const CpRenderStyle *style)
{
  if (l->n_dots > 1)
    {
      set_color (cr, &style->accent, 1.0);
      cairo_set_line_width (cr, 2.5);
      cairo_move_to (cr, l->dots[0].x, l->dots[0].y);
      for (guint i = 1; i < l->n_dots; i++)
        cairo_line_to (cr, l->dots[i].x, l->dots[i].y);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < l->n_dots; i++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, l->dots[i].x, l->dots[i].y, DOT_RADIUS, 0, 2 * G_PI);
      set_color (cr, &style->accent, 1.0);
      cairo_fill_preserve (cr);
      set_color (cr, &style->foreground, 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
}

void
cp_outcome_chart_draw (cairo_t *cr, double width, double height, const CpOutcomePoint *points,
                       guint n_points, const CpRenderStyle *style)
{
  CpOutcomeChartLayout layout = { 0 };
  g_autoptr(PangoLayout) probe = NULL;
  int label_width, label_height;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background.alpha > 0)
    {
      set_color (cr, &style->background, 1.0);
      cairo_paint (cr);
    }
  probe = small_text (cr, "−2", style);
  pango_layout_get_pixel_size (probe, &label_width, &label_height);
  cp_outcome_chart_layout (width, height, label_width, label_height, points, n_points, &layout);
  draw_scale (cr, &layout, label_width, style);
  draw_dates (cr, &layout, points, n_points, style);
  draw_line (cr, &layout, style);
  cp_outcome_chart_layout_clear (&layout);
  cairo_restore (cr);
}

static char *
long_date (const char *iso)
{
  g_autoptr(GDate) date = cp_date_parse_iso (iso, NULL);

  return cp_date_format_long (date);
}

/* The last two dated, valid points: @latest and @before (-1 if none). */
static void
last_two (const CpOutcomePoint *points, guint n, int *latest, int *before)
{
  *latest = *before = -1;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDate) date = NULL;

      if (!point_date (&points[i], &date) || cp_outcome_score_label (points[i].score) == NULL)
        continue;
      *before = *latest;
      *latest = i;
    }
}

char *
cp_outcome_chart_dup_summary (const CpOutcomePoint *points, guint n_points)
{
  g_autofree char *score = NULL;
  g_autofree char *date = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *earlier_date = NULL;
  int latest, before;
  int change;

  last_two (points, n_points, &latest, &before);
  if (latest < 0)
    return g_strdup (_("No progress ratings yet."));
  score = cp_outcome_score_format (points[latest].score);
  date = long_date (points[latest].rated_on);
  if (before < 0)
    /* Translators: "Rated +1 (more than expected) on 3 March 2026." */
    return g_strdup_printf (_("Rated %s (%s) on %s."), score,
                            cp_outcome_score_label (points[latest].score), date);
  earlier = cp_outcome_score_format (points[before].score);
  earlier_date = long_date (points[before].rated_on);
  change = points[latest].score - points[before].score;
  if (change > 0)
    /* Translators: "Latest rating +1 (more than expected) on 3 March 2026, up from −1 on 2 January 2026." */
    return g_strdup_printf (_("Latest rating %s (%s) on %s, up from %s on %s."), score,
                            cp_outcome_score_label (points[latest].score), date, earlier, earlier_date);
  if (change < 0)
    return g_strdup_printf (_("Latest rating %s (%s) on %s, down from %s on %s."), score,
                            cp_outcome_score_label (points[latest].score), date, earlier, earlier_date);
  return g_strdup_printf (_("Latest rating %s (%s) on %s, the same as on %s."), score,
                          cp_outcome_score_label (points[latest].score), date, earlier_date);
}
