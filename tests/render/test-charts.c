/* test-charts.c — the four spending charts: hit tests, pixels and files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <math.h>

#include "cp-test-util.h"
#include "chart-fixture.h"
#include "cp-chart-export.h"

#define W 800
#define H 500

typedef struct
{
  CpStore      *store;
  ChartFixture  fixture;
  CpChartData  *data;
  CpRenderStyle light;
  CpRenderStyle dark;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  f->store = cp_test_open_store ();
  chart_fixture_build (f->store, &f->fixture);
  f->data = cp_chart_data_load (f->store, f->fixture.person_id, FIXTURE_TODAY, CP_CHART_ALL, &error);
  g_assert_no_error (error);
  cp_render_style_init_light (&f->light);
  cp_render_style_init_dark (&f->dark);
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  cp_chart_data_free (f->data);
  chart_fixture_clear (&f->fixture);
  g_object_unref (f->store);
}

static cairo_surface_t *
draw (const CpChartLayout *layout, const CpRenderStyle *style, int highlight)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);

  cp_chart_draw (cr, layout, style, highlight);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (g_getenv ("CP_TEST_SAVE_PNG") != NULL)
    {
      static int n;
      g_autofree char *name = g_strdup_printf ("%s/chart-%d.png", g_getenv ("CP_TEST_SAVE_PNG"), n++);
      cairo_surface_write_to_png (surface, name);
    }
  return surface;
}

static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

static guint32
argb (CpRenderColor color)
{
  return 0xff000000u | ((guint32) (color.red * 255 + 0.5) << 16) |
         ((guint32) (color.green * 255 + 0.5) << 8) | (guint32) (color.blue * 255 + 0.5);
}

/* How many pixels of the rectangle are exactly @color. */
static guint
count_in (cairo_surface_t *surface, double x, double y, double w, double h, guint32 color)
{
  guint n = 0;

  for (int py = (int) ceil (y); py < (int) (y + h); py++)
    for (int px = (int) ceil (x); px < (int) (x + w); px++)
      n += pixel (surface, px, py) == color;
  return n;
}

static void
test_donut (Fixture *f, gconstpointer user_data)
{
  g_autoptr(CpChartLayout) layout = cp_chart_layout_new (CP_CHART_KIND_DONUT, f->data, W, H, &f->light);
  const CpChartHit *first;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  double mid, r, x, y;

  g_assert_false (cp_chart_layout_is_empty (layout));
  g_assert_cmpuint (cp_chart_layout_get_n_hits (layout), ==, 4);
  first = cp_chart_layout_get_hit (layout, 0);
  text = cp_chart_hit_dup_text (first);
  g_assert_cmpstr (text, ==, "Equipment: £800.00 · 50%");
  /* Half the spending is half the circle. */
  g_assert_cmpfloat_with_epsilon (first->end - first->start, G_PI * 80000 / 159000 * 2, 1e-9);

  /* The middle of each slice hits that slice; the hole and the corner hit nothing. */
  for (guint i = 0; i < 4; i++)
    {
      const CpChartHit *hit = cp_chart_layout_get_hit (layout, i);
      mid = (hit->start + hit->end) / 2;
      r = (hit->inner + hit->outer) / 2;
      g_assert_cmpint (cp_chart_layout_hit_test (layout, hit->cx + r * sin (mid), hit->cy - r * cos (mid)), ==, i);
    }
  g_assert_cmpint (cp_chart_layout_hit_test (layout, first->cx, first->cy), ==, -1);
  g_assert_cmpint (cp_chart_layout_hit_test (layout, 1, 1), ==, -1);

  /* The first slice is drawn in the first colour, where the hit test says. */
  surface = draw (layout, &f->light, -1);
  mid = (first->start + first->end) / 2;
  r = (first->inner + first->outer) / 2;
  x = first->cx + r * sin (mid);
  y = first->cy - r * cos (mid);
  g_assert_cmphex (pixel (surface, (int) x, (int) y), ==, argb (cp_chart_series_color (&f->light, 0)));
  cairo_surface_destroy (surface);
}

static void
test_bars (Fixture *f, gconstpointer user_data)
{
  g_autoptr(CpChartLayout) layout = cp_chart_layout_new (CP_CHART_KIND_BARS, f->data, W, H, &f->light);
  const CpChartHit *pa, *equipment, *orphan;
  cairo_surface_t *surface;
  guint32 warning = argb (f->light.warning);

  g_assert_cmpuint (cp_chart_layout_get_n_hits (layout), ==, 4);
  pa = cp_chart_layout_get_hit (layout, 0);
  equipment = cp_chart_layout_get_hit (layout, 2);
  g_assert_cmpstr (pa->label, ==, "Personal assistant wages");
  g_assert_cmpstr (pa->value, ==, "£750.00 spent of £7,800.00 planned — £7,050.00 under");
  g_assert_cmpstr (equipment->label, ==, "Equipment");
  g_assert_cmpstr (equipment->value, ==, "£800.00 spent of £500.00 planned — £300.00 over");
  g_assert_cmpint (cp_chart_layout_hit_test (layout, pa->x + 10, pa->y + pa->height / 2), ==, 0);
  g_assert_cmpint (cp_chart_layout_hit_test (layout, equipment->x + 10, equipment->y + 2), ==, 2);
  /* Money on no line had no plan to be over: it is said as spent, in the
   * series of a line within its plan. */
  orphan = cp_chart_layout_get_hit (layout, 3);
  g_assert_cmpstr (orphan->label, ==, "Not on a budget line");
  g_assert_cmpstr (orphan->value, ==, "£15.00 spent on no budget line");
  g_assert_cmpint (orphan->series, ==, 0);

  /* Only the line over its plan shows the warning colour. */
  surface = draw (layout, &f->light, -1);
  g_assert_cmpuint (count_in (surface, equipment->x, equipment->y, equipment->width, equipment->height, warning), >, 0);
  g_assert_cmpuint (count_in (surface, pa->x, pa->y, pa->width, pa->height, warning), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_burn (Fixture *f, gconstpointer user_data)
{
  g_autoptr(CpChartLayout) layout = cp_chart_layout_new (CP_CHART_KIND_BURN, f->data, W, H, &f->light);
  guint n = cp_chart_layout_get_n_hits (layout);
  const CpChartHit *june, *projection;
  cairo_surface_t *surface;

  /* April to October (today is 1 October), then the year-end projection. */
  g_assert_cmpuint (n, ==, 8);
  june = cp_chart_layout_get_hit (layout, 2);
  g_assert_cmpstr (june->label, ==, "By 30 June 2026");
  g_assert_cmpint (june->amount_pence, ==, 158500);
  g_assert_cmpint (cp_chart_layout_hit_test (layout, june->x + june->width / 2, june->y + 5), ==, 2);
  projection = cp_chart_layout_get_hit (layout, n - 1);
  g_assert_cmpint (projection->amount_pence, ==, f->data->projected_pence);
  g_assert_cmpint (cp_chart_layout_hit_test (layout, projection->cx, projection->cy), ==, (int) n - 1);

  /* The spent line passes through June's point in the first colour. */
  surface = draw (layout, &f->light, -1);
  g_assert_cmpuint (count_in (surface, june->cx - 3, june->cy - 3, 6, 6,
                              argb (cp_chart_series_color (&f->light, 0))), >, 0);
  cairo_surface_destroy (surface);
}

static void
test_monthly (Fixture *f, gconstpointer user_data)
{
  g_autoptr(CpChartLayout) layout = cp_chart_layout_new (CP_CHART_KIND_MONTHLY, f->data, W, H, &f->light);
  const CpChartHit *april, *june;
  cairo_surface_t *surface;

  /* The positive parts: April NHS, May NHS and council, June council, July with no stream. */
  g_assert_cmpuint (cp_chart_layout_get_n_hits (layout), ==, 5);
  april = cp_chart_layout_get_hit (layout, 0);
  june = cp_chart_layout_get_hit (layout, 3);
  g_assert_cmpstr (april->label, ==, "April 2026, Personal health budget");
  g_assert_cmpstr (june->label, ==, "June 2026, Council personal budget");
  g_assert_cmpstr (june->value, ==, "£810.00");
  g_assert_cmpint (cp_chart_layout_hit_test (layout, june->x + june->width / 2, june->y + june->height / 2), ==, 3);
  /* The tallest bar is June's: taller than April's by 810 to 300. */
  g_assert_cmpfloat_with_epsilon (june->height / april->height, 810.0 / 300.0, 0.01);

  surface = draw (layout, &f->light, -1);
  g_assert_cmphex (pixel (surface, (int) (april->x + april->width / 2), (int) (april->y + april->height / 2)), ==,
                   argb (cp_chart_series_color (&f->light, 0)));
  /* The second stream is striped, but mostly its own colour. */
  g_assert_cmpuint (count_in (surface, june->x, june->y, june->width, june->height,
                              argb (cp_chart_series_color (&f->light, 1))), >,
                    (guint) (june->width * june->height * 0.4));
  cairo_surface_destroy (surface);
}

static void
test_dark (Fixture *f, gconstpointer user_data)
{
  g_autoptr(CpChartLayout) layout = cp_chart_layout_new (CP_CHART_KIND_MONTHLY, f->data, W, H, &f->dark);
  const CpChartHit *april = cp_chart_layout_get_hit (layout, 0);
  cairo_surface_t *surface = draw (layout, &f->dark, 0);

  g_assert_cmphex (argb (cp_chart_series_color (&f->dark, 0)), !=, argb (cp_chart_series_color (&f->light, 0)));
  g_assert_cmphex (pixel (surface, (int) (april->x + april->width / 2), (int) (april->y + april->height / 2)), ==,
                   argb (cp_chart_series_color (&f->dark, 0)));
  cairo_surface_destroy (surface);
}

/* Every kind keeps inside its box, even when drawn small and moved. */
static void
test_inside_box (Fixture *f, gconstpointer user_data)
{
  for (CpChartKind kind = 0; kind < CP_CHART_N_KINDS; kind++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
      cairo_t *cr = cairo_create (surface);
      guint inside = 0;

      cairo_translate (cr, 100, 50);
      cp_chart_render (cr, kind, f->data, 300, 200, &f->light);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
          {
            gboolean in = x >= 100 && x < 400 && y >= 50 && y < 250;
            if (in)
              inside += pixel (surface, x, y) != 0;
            else if (pixel (surface, x, y) != 0)
              g_error ("%s drew at (%d, %d), outside its box", cp_chart_kind_to_string (kind), x, y);
          }
      g_assert_cmpuint (inside, >, 1000);
      cairo_surface_destroy (surface);
    }
}

static void
test_empty (Fixture *f, gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) person = cp_test_add_person (f->store, "Sam", "Lee");
  CpPlan *plan = cp_plan_new (cp_record_get_id (CP_RECORD (person)));
  g_autoptr(CpChartData) data = NULL;

  g_object_set (plan, "year-start", "2026-04-01", "year-end", "2027-03-31", NULL);
  g_free (fixture_insert (f->store, plan));
  data = cp_chart_data_load (f->store, cp_record_get_id (CP_RECORD (person)), FIXTURE_TODAY, CP_CHART_ALL, &error);
  g_assert_no_error (error);
  for (CpChartKind kind = 0; kind < CP_CHART_N_KINDS; kind++)
    {
      g_autoptr(CpChartLayout) layout = cp_chart_layout_new (kind, data, W, H, &f->light);
      cairo_surface_t *surface;

      g_assert_true (cp_chart_layout_is_empty (layout));
      g_assert_cmpuint (cp_chart_layout_get_n_hits (layout), ==, 0);
      g_assert_cmpint (cp_chart_layout_hit_test (layout, W / 2, H / 2), ==, -1);
      g_assert_nonnull (strstr ("No spending recorded yet|No budget lines planned yet",
                                cp_chart_layout_get_message (layout)));
      /* The message is drawn, in words. */
      surface = draw (layout, &f->light, -1);
      g_assert_cmpuint (count_in (surface, 0, 0, W, H, 0), <, W * H);
      cairo_surface_destroy (surface);
    }
}

static void
assert_file_starts (const char *path, const char *magic)
{
  g_autoptr(GBytes) bytes = cp_test_read_file (path);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 200);
  g_assert_cmpint (memcmp (g_bytes_get_data (bytes, NULL), magic, strlen (magic)), ==, 0);
}

static void
test_export (Fixture *f, gconstpointer user_data)
{
  g_autofree char *dir = cp_test_make_dir ("export");
  g_autofree char *png = g_build_filename (dir, "donut.PNG", NULL);
  g_autofree char *svg = g_build_filename (dir, "bars.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "burn.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "chart.txt", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  g_assert_true (cp_chart_export (png, CP_CHART_KIND_DONUT, f->data, 640, 400, &f->light, &error));
  g_assert_no_error (error);
  assert_file_starts (png, "\x89PNG");
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
  /* A file has a background of its own. */
  g_assert_cmphex (pixel (image, 0, 0), ==, 0xffffffff);
  cairo_surface_destroy (image);

  g_assert_true (cp_chart_export (svg, CP_CHART_KIND_BARS, f->data, 640, 400, &f->light, &error));
  assert_file_starts (svg, "<?xml");
  g_assert_true (cp_chart_export (pdf, CP_CHART_KIND_BURN, f->data, 640, 400, &f->dark, &error));
  assert_file_starts (pdf, "%PDF");

  g_assert_false (cp_chart_export (txt, CP_CHART_KIND_BURN, f->data, 640, 400, &f->light, &error));
  g_assert_error (error, CP_CHART_EXPORT_ERROR, CP_CHART_EXPORT_ERROR_FORMAT);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
}

/* A name typed without an ending ("My chart") becomes a PNG; a name with
 * another ending is left for cp_chart_export() to refuse in words. */
static void
test_default_extension (Fixture *f, gconstpointer user_data)
{
  g_autofree char *bare = cp_chart_path_with_default_format ("/home/jo/My chart");
  g_autofree char *svg = cp_chart_path_with_default_format ("/home/jo/chart.SVG");
  g_autofree char *gif = cp_chart_path_with_default_format ("/home/jo/chart.gif");
  g_autofree char *dotted_dir = cp_chart_path_with_default_format ("/home/jo.smith/chart");

  g_assert_cmpstr (bare, ==, "/home/jo/My chart.png");
  g_assert_cmpstr (svg, ==, "/home/jo/chart.SVG");
  g_assert_cmpstr (gif, ==, "/home/jo/chart.gif");
  g_assert_cmpstr (dotted_dir, ==, "/home/jo.smith/chart.png");
}

/* A folder that is not there is named as the reason, not cairo's
 * "error while writing to output stream". */
static void
test_export_unwritable (Fixture *f, gconstpointer user_data)
{
  g_autofree char *dir = cp_test_make_dir ("export-missing");
  g_autofree char *png = g_build_filename (dir, "no-such-folder", "donut.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "no-such-folder", "burn.pdf", NULL);
  g_autoptr(GError) png_error = NULL;
  g_autoptr(GError) pdf_error = NULL;

  g_assert_false (cp_chart_export (png, CP_CHART_KIND_DONUT, f->data, 640, 400, &f->light, &png_error));
  g_assert_error (png_error, CP_CHART_EXPORT_ERROR, CP_CHART_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (png_error->message, g_strerror (ENOENT)));
  g_assert_false (cp_chart_export (pdf, CP_CHART_KIND_BURN, f->data, 640, 400, &f->light, &pdf_error));
  g_assert_nonnull (strstr (pdf_error->message, g_strerror (ENOENT)));
}

int
main (int argc, char *argv[])
{
  cp_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/charts/donut", test_donut);
  ADD ("/charts/bars", test_bars);
  ADD ("/charts/burn", test_burn);
  ADD ("/charts/monthly", test_monthly);
  ADD ("/charts/dark", test_dark);
  ADD ("/charts/inside-box", test_inside_box);
  ADD ("/charts/empty", test_empty);
  ADD ("/charts/export", test_export);
  ADD ("/charts/export-unwritable", test_export_unwritable);
  ADD ("/charts/default-extension", test_default_extension);
  return g_test_run ();
}
