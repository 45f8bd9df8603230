/* test-outcome-chart.c — ratings over time: layout, drawing and the sentence
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "cp-outcome-chart.h"

#define W 300
#define H 160

static const CpOutcomePoint points[] = {
  { "2026-01-02", -1 },
  { "2026-02-01", 0 },
  { "2026-03-03", 1 },
};

static void
test_labels (void)
{
  g_autofree char *plus = cp_outcome_score_format (1);
  g_autofree char *minus = cp_outcome_score_format (-2);
  g_autofree char *zero = cp_outcome_score_format (0);

  g_assert_cmpstr (cp_outcome_score_label (-2), ==, "much less than expected");
  g_assert_cmpstr (cp_outcome_score_label (0), ==, "as expected");
  g_assert_cmpstr (cp_outcome_score_label (2), ==, "much more than expected");
  g_assert_null (cp_outcome_score_label (3));
  g_assert_null (cp_outcome_score_label (-3));
  g_assert_cmpstr (plus, ==, "+1");
  g_assert_cmpstr (minus, ==, "−2");
  g_assert_cmpstr (zero, ==, "0");
}

/* Later dates further right, higher scores further up, the first and
 * last at the ends of the plot. */
static void
test_layout (void)
{
  CpOutcomeChartLayout l = { 0 };

  cp_outcome_chart_layout (W, H, 20, 12, points, G_N_ELEMENTS (points), &l);
  g_assert_cmpuint (l.n_dots, ==, 3);
  g_assert_cmpfloat (l.dots[0].x, ==, l.plot_x);
  g_assert_cmpfloat (l.dots[2].x, ==, l.plot_x + l.plot_width);
  g_assert_cmpfloat (l.dots[0].x, <, l.dots[1].x);
  /* 30 and 30 days apart: halfway. */
  g_assert_cmpfloat (fabs (l.dots[1].x - (l.plot_x + l.plot_width / 2)), <, 0.01);
  g_assert_cmpfloat (l.dots[0].y, ==, l.score_y[1]);
  g_assert_cmpfloat (l.dots[2].y, ==, l.score_y[3]);
  g_assert_cmpfloat (l.score_y[4], <, l.score_y[0]);
  g_assert_cmpfloat (l.plot_y + l.plot_height, <=, H);
  cp_outcome_chart_layout_clear (&l);
}

/* Undated or impossible points are left out rather than guessed. */
static void
test_bad_points (void)
{
  const CpOutcomePoint bad[] = { { NULL, 1 }, { "2026-02-30", 1 }, { "2026-03-01", 7 }, { "2026-03-02", 2 } };
  CpOutcomeChartLayout l = { 0 };
  g_autofree char *summary = cp_outcome_chart_dup_summary (bad, G_N_ELEMENTS (bad));
  g_autofree char *none = cp_outcome_chart_dup_summary (NULL, 0);

  cp_outcome_chart_layout (W, H, 20, 12, bad, G_N_ELEMENTS (bad), &l);
  g_assert_cmpuint (l.n_dots, ==, 1);
  /* One date only: in the middle. */
  g_assert_cmpfloat (fabs (l.dots[0].x - (l.plot_x + l.plot_width / 2)), <, 0.01);
  g_assert_cmpfloat (l.dots[0].y, ==, l.score_y[4]);
  cp_outcome_chart_layout_clear (&l);
  g_assert_cmpstr (summary, ==, "Rated +2 (much more than expected) on 2 March 2026.");
  g_assert_cmpstr (none, ==, "No progress ratings yet.");
}

static void
test_summary (void)
{
  const CpOutcomePoint down[] = { { "2026-01-02", 1 }, { "2026-03-03", -1 } };
  const CpOutcomePoint same[] = { { "2026-01-02", 0 }, { "2026-03-03", 0 } };
  const CpOutcomePoint up[] = { { "2026-01-02", -1 }, { "2026-03-03", 1 } };
  g_autofree char *up_text = cp_outcome_chart_dup_summary (up, 2);
  g_autofree char *down_text = cp_outcome_chart_dup_summary (down, 2);
  g_autofree char *same_text = cp_outcome_chart_dup_summary (same, 2);

  g_assert_cmpstr (up_text, ==,
                   "Latest rating +1 (more than expected) on 3 March 2026, up from −1 on 2 January 2026.");
  g_assert_cmpstr (down_text, ==,
                   "Latest rating −1 (less than expected) on 3 March 2026, down from +1 on 2 January 2026.");
  g_assert_cmpstr (same_text, ==,
                   "Latest rating 0 (as expected) on 3 March 2026, the same as on 2 January 2026.");
}

static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

/* The dots are drawn in the accent colour where the layout puts them,
 * in light and dark, and nothing outside the box. */
static void
test_drawing (gconstpointer dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W + 20, H + 20);
  cairo_t *cr = cairo_create (surface);
  CpRenderStyle style;
  guint32 accent;
  guint accent_pixels = 0;

  if (GPOINTER_TO_INT (dark))
    cp_render_style_init_dark (&style);
  else
    cp_render_style_init_light (&style);
  accent = 0xff000000u | ((guint32) (style.accent.red * 255 + 0.5) << 16) |
           ((guint32) (style.accent.green * 255 + 0.5) << 8) | (guint32) (style.accent.blue * 255 + 0.5);
  cairo_translate (cr, 10, 10);
  cp_outcome_chart_draw (cr, W, H, points, G_N_ELEMENTS (points), &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < H + 20; y++)
    for (int x = 0; x < W + 20; x++)
      {
        if (x < 10 || y < 10 || x >= W + 10 || y >= H + 10)
          g_assert_cmphex (pixel (surface, x, y), ==, 0);
        accent_pixels += pixel (surface, x, y) == accent;
      }
  g_assert_cmpuint (accent_pixels, >, 50);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/outcome-chart/labels", test_labels);
  g_test_add_func ("/outcome-chart/layout", test_layout);
  g_test_add_func ("/outcome-chart/bad-points", test_bad_points);
  g_test_add_func ("/outcome-chart/summary", test_summary);
  g_test_add_data_func ("/outcome-chart/drawing-light", GINT_TO_POINTER (FALSE), test_drawing);
  g_test_add_data_func ("/outcome-chart/drawing-dark", GINT_TO_POINTER (TRUE), test_drawing);
  return g_test_run ();
}
