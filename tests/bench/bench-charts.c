/* bench-charts.c — the spending charts over a year of 100,000 payments
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-charts [PAYMENTS]
 *
 * Makes one person with one plan and a year of payments (cp_demo, one
 * person), then prints for each chart: the SQL aggregate's time, the
 * layout's, and the time to draw one 800×500 frame into an image surface
 * (medians), and the query plan of every statement the charts ran, so a
 * full scan of the payment table shows up at once. Goal: under 8 ms a frame.
 */
#include <string.h>

#include "bench-common.h"
#include "coplan-core.h"
#include "cp-chart.h"

#define QUERY_RUNS 15
#define FRAMES 50
#define WIDTH 800
#define HEIGHT 500
#define TODAY "2026-11-22"

static GPtrArray *statements;

/* Every statement the chart code steps, in its unexpanded text. */
static int
trace_cb (unsigned type, void *context, void *p, void *x)
{
  const char *sql = sqlite3_sql (p);

  if (sql != NULL && !g_ptr_array_find_with_equal_func (statements, sql, g_str_equal, NULL))
    g_ptr_array_add (statements, g_strdup (sql));
  return 0;
}

static void
print_plans (CpStore *store, const char *plan_id)
{
  for (guint i = 0; i < statements->len; i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", statements->pdata[i], NULL);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (cp_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
        continue;
      for (int p = 1; p <= sqlite3_bind_parameter_count (stmt); p++)
        sqlite3_bind_text (stmt, p, p == 1 ? plan_id : TODAY, -1, SQLITE_STATIC);
      g_print ("  %.90s…\n", (const char *) statements->pdata[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_print ("      %s\n", (const char *) sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
    }
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
time_query (CpStore *store, const char *person_id, CpChartKind kind)
{
  double runs[QUERY_RUNS];

  for (guint i = 0; i < QUERY_RUNS; i++)
    {
      double start = now_ms ();
      g_autoptr(GError) error = NULL;
      g_autoptr(CpChartData) data = cp_chart_data_load (store, person_id, TODAY, 1u << kind, &error);

      g_assert_no_error (error);
      runs[i] = now_ms () - start;
    }
  return bench_median (runs, QUERY_RUNS);
}

static void
time_frames (CpChartKind kind, const CpChartData *data, double *layout_ms, double *draw_ms)
{
  double layouts[FRAMES], draws[FRAMES];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  CpRenderStyle style;

  cp_render_style_init_light (&style);
  for (guint i = 0; i < FRAMES; i++)
    {
      double start = now_ms (), middle;
      CpChartLayout *layout = cp_chart_layout_new (kind, data, WIDTH, HEIGHT, &style);
      cairo_t *cr;

      middle = now_ms ();
      cr = cairo_create (surface);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      cp_chart_draw (cr, layout, &style, (int) (i % 3) - 1);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      draws[i] = now_ms () - middle;
      layouts[i] = middle - start;
      cp_chart_layout_free (layout);
    }
  if (g_getenv ("CP_BENCH_PNG") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s/bench-%s.png", g_getenv ("CP_BENCH_PNG"),
                                               cp_chart_kind_to_string (kind));
      cairo_surface_write_to_png (surface, name);
    }
  cairo_surface_destroy (surface);
  *layout_ms = bench_median (layouts, FRAMES);
  *draw_ms = bench_median (draws, FRAMES);
}

static char *
first_person (CpStore *store)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, "SELECT id FROM person WHERE deleted = 0 LIMIT 1", NULL);
  char *id = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return id;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coplan-bench-charts-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "charts.db", NULL);
  guint64 n_payments = argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  CpDemoOptions options = { 1, n_payments, 7, TODAY };
  g_autoptr(CpStore) store = NULL;
  g_autofree char *person_id = NULL;
  g_autoptr(CpChartData) all = NULL;
  double start;

  g_assert_no_error (error);
  store = cp_store_open (path, &error);
  g_assert_no_error (error);
  start = now_ms ();
  cp_demo_generate (store, &options, &error);
  g_assert_no_error (error);
  g_print ("Made 1 plan with %" G_GUINT64_FORMAT " payments in %.1f s\n", n_payments, (now_ms () - start) / 1000);
  person_id = first_person (store);

  statements = g_ptr_array_new_with_free_func (g_free);
  sqlite3_trace_v2 (cp_store_get_db (store), SQLITE_TRACE_STMT, trace_cb, NULL);
  all = cp_chart_data_load (store, person_id, TODAY, CP_CHART_ALL, &error);
  g_assert_no_error (error);
  sqlite3_trace_v2 (cp_store_get_db (store), 0, NULL, NULL);
  if (g_getenv ("CP_BENCH_DAY_INDEX") != NULL)
    {
      /* What the charts would gain from an index by day (not in the schema). */
      cp_store_exec (store, "CREATE INDEX bench_payment_plan_day ON payment"
                            " (plan_id, deleted, paid_on, stream_id, budget_line_id, amount_pence)", &error);
      g_assert_no_error (error);
      g_print ("With the extra index payment (plan_id, deleted, paid_on, stream_id, budget_line_id, amount_pence)\n");
    }
  g_print ("Payments in the plan: %" G_GINT64_FORMAT ", spent %" G_GINT64_FORMAT " p\n\n",
           cp_store_count (store, CP_TYPE_PAYMENT, all->plan_id), all->spent_pence);

  g_print ("%-8s %12s %12s %16s\n", "chart", "query ms", "layout ms", "draw ms/frame");
  for (CpChartKind kind = 0; kind < CP_CHART_N_KINDS; kind++)
    {
      double query = time_query (store, person_id, kind), layout, draw;

      time_frames (kind, all, &layout, &draw);
      g_print ("%-8s %12.2f %12.2f %16.2f\n", cp_chart_kind_to_string (kind), query, layout, draw);
    }
  {
    double runs[QUERY_RUNS];

    for (guint i = 0; i < QUERY_RUNS; i++)
      {
        double t0 = now_ms ();
        CpBudgetFigures *figures = cp_budget_figures_load (store, all->plan_id, TODAY, &error);

        g_assert_no_error (error);
        runs[i] = now_ms () - t0;
        cp_budget_figures_free (figures);
      }
    g_print ("(burn's query time includes the Budget tab's figures, for the projection: %.2f ms)\n",
             bench_median (runs, QUERY_RUNS));
  }
  g_print ("\n(medians: %d query runs, %d frames of %dx%d; goal under 8 ms a frame)\n\nQuery plans:\n",
           QUERY_RUNS, FRAMES, WIDTH, HEIGHT);
  print_plans (store, all->plan_id);
  g_clear_object (&store);
  cp_test_remove_tree (dir);
  return 0;
}
