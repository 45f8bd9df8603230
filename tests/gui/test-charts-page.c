/* test-charts-page.c — the Charts tab: hit tests, tooltips, tables and export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-gui-common.h"
#include "../render/chart-fixture.h"

#include "cp-charts-page.h"
#include "cp-monitoring-dialog.h"
#include "cp-person-tab.h"

typedef struct
{
  char         *dir;
  CpStore      *store;
  ChartFixture  fixture;
  GtkWidget    *window;
  CpChartsPage *page;
} Fixture;

static char *data_dir;

static gint64
query_int (CpStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cp_store_prepare (store, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gboolean
views_have_size (gpointer data)
{
  CpChartsPage *page = data;

  for (guint k = 0; k < CP_CHART_N_KINDS; k++)
    if (gtk_widget_get_width (GTK_WIDGET (cp_charts_page_get_view (page, k))) <= 0)
      return FALSE;
  return TRUE;
}

static void
fixture_set_up (Fixture *f, gconstpointer user_data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("charts-%d.db", n++);

  f->store = test_open_store (data_dir, name);
  chart_fixture_build (f->store, &f->fixture);
  f->page = CP_CHARTS_PAGE (cp_charts_page_new ());
  cp_charts_page_set_today (f->page, FIXTURE_TODAY);
  cp_person_tab_set_store (CP_PERSON_TAB (f->page), f->store);
  cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), f->fixture.person_id);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 2400);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (test_wait_until (views_have_size, f->page));
  test_settle ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  chart_fixture_clear (&f->fixture);
  g_object_unref (f->store);
}

static const char *
grid_text (GtkGrid *grid, int column, int row)
{
  GtkWidget *child = gtk_grid_get_child_at (grid, column, row);

  g_assert_true (GTK_IS_LABEL (child));
  return gtk_label_get_label (GTK_LABEL (child));
}

static void
test_hit_and_tooltip (Fixture *f, gconstpointer user_data)
{
  CpChartView *donut = cp_charts_page_get_view (f->page, CP_CHART_KIND_DONUT);
  g_autofree char *text = NULL;
  double x, y;

  /* Hovering asks for a tooltip (query-tooltip gives the part under the pointer). */
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (donut)));

  /* The middle of the first slice, in widget pixels, is the largest category. */
  g_assert_cmpuint (cp_chart_view_get_n_hits (donut), ==, 4);
  g_assert_true (cp_chart_view_get_hit_point (donut, 0, &x, &y));
  g_assert_cmpint (cp_chart_view_hit_test (donut, x, y), ==, 0);
  text = cp_chart_view_dup_hit_text (donut, cp_chart_view_hit_test (donut, x, y));
  g_assert_cmpstr (text, ==, "Equipment: £800.00 · 50%");
  g_assert_cmpint (cp_chart_view_hit_test (donut, 1, 1), ==, -1);

  /* The arrow keys move through the slices; each is said and shown as the tooltip. */
  cp_chart_view_move_focus (donut, 1);
  cp_chart_view_move_focus (donut, 1);
  g_assert_cmpint (cp_chart_view_get_focus_index (donut), ==, 1);
  g_assert_cmpstr (cp_chart_view_get_announcement (donut), ==, "Personal assistant wages: £750.00 · 47%");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (donut)), ==, cp_chart_view_get_announcement (donut));
  cp_chart_view_move_focus (donut, 100);
  g_assert_cmpint (cp_chart_view_get_focus_index (donut), ==, 3);
}

static void
test_tables_match_sql (Fixture *f, gconstpointer user_data)
{
  GtkGrid *donut = cp_charts_page_get_table (f->page, CP_CHART_KIND_DONUT);
  GtkGrid *bars = cp_charts_page_get_table (f->page, CP_CHART_KIND_BARS);
  GtkGrid *monthly = cp_charts_page_get_table (f->page, CP_CHART_KIND_MONTHLY);
  gint64 equipment = query_int (f->store,
    "SELECT sum (p.amount_pence) FROM payment p JOIN budget_line b ON b.id = p.budget_line_id"
    " WHERE b.category = 'equipment' AND p.deleted = 0");
  gint64 june = query_int (f->store,
    "SELECT sum (amount_pence) FROM payment WHERE deleted = 0 AND paid_on LIKE '2026-06-%'");
  g_autofree char *equipment_text = cp_money_format (equipment);
  g_autofree char *june_text = cp_money_format (june);

  cp_charts_page_show_table (f->page, CP_CHART_KIND_DONUT, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (donut)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (cp_charts_page_get_view (f->page, CP_CHART_KIND_DONUT))));
  g_assert_cmpstr (grid_text (donut, 0, 1), ==, "Equipment");
  g_assert_cmpstr (grid_text (donut, 1, 1), ==, equipment_text);
  g_assert_cmpstr (grid_text (donut, 2, 1), ==, "50%");

  g_assert_cmpstr (grid_text (bars, 0, 1), ==, "Personal assistant wages");
  g_assert_cmpstr (grid_text (bars, 1, 1), ==, "£7,800.00");
  g_assert_cmpstr (grid_text (bars, 3, 3), ==, "£300.00 over");
  /* Money on no line had no plan to be over. */
  g_assert_cmpstr (grid_text (bars, 0, 4), ==, "Not on a budget line");
  g_assert_cmpstr (grid_text (bars, 3, 4), ==, "No plan");

  /* June: the third month; its total column is after the three streams. */
  g_assert_cmpstr (grid_text (monthly, 0, 3), ==, "June 2026");
  g_assert_cmpstr (grid_text (monthly, 4, 3), ==, june_text);
  cp_charts_page_show_table (f->page, CP_CHART_KIND_DONUT, FALSE);
}

static gboolean
summary_mentions (gpointer data)
{
  Fixture *f = data;
  return strstr (cp_charts_page_get_summary (f->page), "£1,690.00") != NULL;
}

/* A new payment redraws the charts, once, from an idle. */
static void
test_follows_store (Fixture *f, gconstpointer user_data)
{
  g_assert_nonnull (strstr (cp_charts_page_get_summary (f->page), "You have spent £1,590.00 of £18,000.00"));
  g_free (fixture_payment (f->store, f->fixture.plan_id, "2026-09-01", 10000, f->fixture.transport_id,
                           f->fixture.council_id, "Taxi"));
  g_assert_true (test_wait_until (summary_mentions, f));
}

static void
test_export_png (Fixture *f, gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (data_dir, "burn.png", NULL);
  CpChartView *burn = cp_charts_page_get_view (f->page, CP_CHART_KIND_BURN);
  cairo_surface_t *image;

  g_assert_true (cp_chart_view_export (burn, path, 700, 420, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 700);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 420);
  cairo_surface_destroy (image);
}

static void
test_monitoring_dialog (Fixture *f, gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (data_dir, "return.csv", NULL);
  GtkWidget *dialog = cp_monitoring_dialog_new (f->store, f->fixture.person_id, FIXTURE_TODAY);
  g_autofree char *csv = NULL;

  /* Today is in 2026-Q4; the last whole quarter is offered first. */
  g_assert_cmpstr (cp_monitoring_dialog_get_quarter (CP_MONITORING_DIALOG (dialog)), ==, "2026-Q3");
  g_assert_nonnull (strstr (cp_monitoring_dialog_get_preview (CP_MONITORING_DIALOG (dialog)), "0 payments, 0 receipts missing"));
  g_assert_true (cp_monitoring_dialog_save (CP_MONITORING_DIALOG (dialog), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "Direct payment monitoring return\n"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char *argv[])
{
  int status;

  data_dir = test_gui_init (&argc, &argv);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/charts-page/hit-and-tooltip", test_hit_and_tooltip);
  ADD ("/charts-page/tables-match-sql", test_tables_match_sql);
  ADD ("/charts-page/follows-store", test_follows_store);
  ADD ("/charts-page/export-png", test_export_png);
  ADD ("/charts-page/monitoring-dialog", test_monitoring_dialog);
  status = g_test_run ();
  return status;
}
