/* test-render.c — the budget bar, drawn into an image (no display)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-budget-bar.h"

#define SURFACE_W 400
#define SURFACE_H 200
#define BAR_X 50
#define BAR_Y 40
#define BAR_W 300
#define BAR_H 70

static cairo_surface_t *
draw_bar (gint64 agreed, gint64 spent, gboolean dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SURFACE_W, SURFACE_H);
  cairo_t *cr = cairo_create (surface);
  CpRenderStyle style;

  if (dark)
    cp_render_style_init_dark (&style);
  else
    cp_render_style_init_light (&style);
  cairo_translate (cr, BAR_X, BAR_Y);
  cp_budget_bar_draw (cr, BAR_W, BAR_H, agreed, spent, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4);
}

/* Opaque pixels of exactly this colour (premultiplied ARGB32). */
static guint
count_color (cairo_surface_t *surface, const CpRenderColor *color)
{
  guint32 want = 0xff000000u | ((guint32) (color->red * 255 + 0.5) << 16) |
                 ((guint32) (color->green * 255 + 0.5) << 8) | (guint32) (color->blue * 255 + 0.5);
  guint count = 0;

  for (int y = 0; y < SURFACE_H; y++)
    for (int x = 0; x < SURFACE_W; x++)
      count += pixel (surface, x, y) == want;
  return count;
}

static gboolean
is_inside (int x, int y)
{
  return x >= BAR_X && x < BAR_X + BAR_W && y >= BAR_Y && y < BAR_Y + BAR_H;
}

static void
assert_nothing_outside (cairo_surface_t *surface)
{
  guint drawn_inside = 0;

  for (int y = 0; y < SURFACE_H; y++)
    for (int x = 0; x < SURFACE_W; x++)
      {
        if (is_inside (x, y))
          drawn_inside += pixel (surface, x, y) != 0;
        else if (pixel (surface, x, y) != 0)
          g_error ("pixel (%d, %d) outside the bar's area was drawn", x, y);
      }
  g_assert_cmpuint (drawn_inside, >, 0);
}

static void
test_labels (void)
{
  g_autofree char *under = cp_budget_bar_dup_label (1200000, 412000);
  g_autofree char *over = cp_budget_bar_dup_label (1200000, 1212000);
  g_autofree char *exact = cp_budget_bar_dup_label (1200000, 1200000);
  g_autofree char *none = cp_budget_bar_dup_label (0, 0);

  g_assert_cmpstr (under, ==, "£4,120.00 spent of £12,000.00 — £7,880.00 left");
  g_assert_cmpstr (over, ==, "£12,120.00 spent of £12,000.00 — £120.00 over budget");
  g_assert_cmpstr (exact, ==, "£12,000.00 spent of £12,000.00 — £0.00 left");
  g_assert_cmpstr (none, ==, "No money agreed yet");
}

static void
test_layout (void)
{
  CpBudgetBarLayout under, over, refund;

  cp_budget_bar_layout (300, 70, 20, 1200000, 300000, &under);
  g_assert_false (under.over_budget);
  g_assert_cmpfloat_with_epsilon (under.within_width, 75.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (under.over_width, 0.0, 1e-9);
  g_assert_cmpfloat (under.bar_y, >, 20.0);
  g_assert_cmpfloat (under.bar_y + under.bar_height, <=, 70.0);

  /* 1,500 spent of 1,200: the budget is four fifths of the bar. */
  cp_budget_bar_layout (300, 70, 20, 120000, 150000, &over);
  g_assert_true (over.over_budget);
  g_assert_cmpfloat_with_epsilon (over.within_width, 240.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (over.over_width, 60.0, 1e-9);

  /* Refunds can make the total negative: nothing is drawn as spent. */
  cp_budget_bar_layout (300, 70, 20, 120000, -500, &refund);
  g_assert_false (refund.over_budget);
  g_assert_cmpfloat (refund.within_width, ==, 0.0);
}

static void
check_under_and_over (gboolean dark)
{
  cairo_surface_t *under = draw_bar (1200000, 412000, dark);
  cairo_surface_t *over = draw_bar (1200000, 1212000, dark);
  CpRenderStyle style;
  guint under_accent, over_accent;

  if (dark)
    cp_render_style_init_dark (&style);
  else
    cp_render_style_init_light (&style);

  assert_nothing_outside (under);
  assert_nothing_outside (over);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (under), cairo_image_surface_get_data (over),
                           (gsize) cairo_image_surface_get_stride (under) * SURFACE_H), !=, 0);

  /* Within budget: no warning colour; over: some, and more of the bar is spent. */
  g_assert_cmpuint (count_color (under, &style.warning), ==, 0);
  g_assert_cmpuint (count_color (over, &style.warning), >, 0);
  under_accent = count_color (under, &style.accent);
  over_accent = count_color (over, &style.accent);
  g_assert_cmpuint (under_accent, >, 0);
  g_assert_cmpuint (over_accent, >, under_accent * 2);

  cairo_surface_destroy (under);
  cairo_surface_destroy (over);
}

static void
test_draw_light (void)
{
  check_under_and_over (FALSE);
}

static void
test_draw_dark (void)
{
  check_under_and_over (TRUE);
}

/* A box too small for the words must still keep inside it. */
static void
test_draw_tiny (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SURFACE_W, SURFACE_H);
  cairo_t *cr = cairo_create (surface);
  CpRenderStyle style;

  cp_render_style_init_light (&style);
  cairo_translate (cr, BAR_X, BAR_Y);
  cp_budget_bar_draw (cr, 40, 6, 1200000, 1212000, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < SURFACE_H; y++)
    for (int x = 0; x < SURFACE_W; x++)
      if (!(x >= BAR_X && x < BAR_X + 40 && y >= BAR_Y && y < BAR_Y + 6))
        g_assert_cmphex (pixel (surface, x, y), ==, 0);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/budget-bar/labels", test_labels);
  g_test_add_func ("/render/budget-bar/layout", test_layout);
  g_test_add_func ("/render/budget-bar/draw-light", test_draw_light);
  g_test_add_func ("/render/budget-bar/draw-dark", test_draw_dark);
  g_test_add_func ("/render/budget-bar/draw-tiny", test_draw_tiny);
  return g_test_run ();
}
