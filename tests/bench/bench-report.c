/* bench-report.c — how long one person's budget report takes to work out
 * in the 1,000-person, 1,000,000-payment demo database (goal: under 20 ms)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-report PATH-TO-coplan-cli CACHE-FOLDER [--db FILE] [--runs N]
 * The database is made once with `coplan-cli demo` and kept in
 * CACHE-FOLDER (or --db names one already made). Prints the time of
 * cp_budget_figures_load_for_person() (every query of the report) for
 * people across the caseload, and of the whole `coplan-cli report`.
 */
#include "bench-common.h"

#include "coplan-core.h"

#define BIG_PEOPLE   "1000"
#define BIG_PAYMENTS "1000000"

static char *
cached_db (const char *cli, const char *cache, GError **error)
{
  char *path = g_build_filename (cache, "report-" BIG_PEOPLE "-" BIG_PAYMENTS ".db", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *partial_lock = g_strconcat (partial, ".lock", NULL);
  const char *args[] = { cli, "--db", partial, "demo", "--people", BIG_PEOPLE,
                         "--payments", BIG_PAYMENTS, NULL };
  g_auto(GStrv) env = g_get_environ ();
  double ms;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  g_mkdir_with_parents (cache, 0700);
  g_remove (partial);
  g_print ("making the cached database %s ...\n", path);
  ms = bench_run (args, (const char *const *) env, 1800, NULL, error);
  if (ms < 0 || g_rename (partial, path) != 0)
    {
      if (ms >= 0)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not rename %s", partial);
      g_free (path);
      return NULL;
    }
  g_remove (partial_lock);
  g_print ("made it in %.1f s\n", ms / 1000.0);
  return path;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Every tenth person on the caseload, in id order. */
static GPtrArray *
sample_people (CpStore *store)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = cp_store_prepare (store, "SELECT id FROM person WHERE deleted = 0 ORDER BY id", NULL);
  guint row = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (row++ % 10 == 0)
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return ids;
}

static double
time_figures (CpStore *store, const char *person_id, gint64 *payments)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpBudgetFigures) figures = NULL;
  gint64 started = g_get_monotonic_time ();
  double ms;

  if (!cp_budget_figures_load_for_person (store, person_id, NULL, &figures, &error))
    g_error ("bench-report: %s", error->message);
  ms = (g_get_monotonic_time () - started) / 1000.0;
  *payments = 0;
  for (guint i = 0; figures && i < figures->lines->len; i++)
    *payments += ((CpLineFigures *) g_ptr_array_index (figures->lines, i))->payment_count;
  return ms;
}

static void
report_in_process (const char *path, int runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open_full (path, CP_STORE_OPEN_READ_ONLY, 0, &error);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double first, worst = 0;
  gint64 payments = 0, most = 0;

  if (store == NULL)
    g_error ("bench-report: %s", error->message);
  people = sample_people (store);
  first = time_figures (store, g_ptr_array_index (people, people->len / 2), &payments);
  for (int r = 0; r < runs; r++)
    for (guint i = 0; i < people->len; i++)
      {
        double ms = time_figures (store, g_ptr_array_index (people, i), &payments);

        g_array_append_val (times, ms);
        if (ms > worst)
          worst = ms;
        most = MAX (most, payments);
      }
  g_array_sort (times, compare_doubles);
  g_print ("report figures for one person (cp_budget_figures_load_for_person): first %.2f ms, "
           "median %.2f ms, 95th percentile %.2f ms, worst %.2f ms over %u timings of %u people "
           "(up to %" G_GINT64_FORMAT " payments each)\n",
           first, g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len * 95 / 100), worst, times->len, people->len, most);
}

static void
report_by_cli (const char *cli, const char *path, int runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open_full (path, CP_STORE_OPEN_READ_ONLY, 0, &error);
  g_autoptr(GPtrArray) people = sample_people (store);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *person = g_ptr_array_index (people, people->len / 2);
  const char *args[] = { cli, "--db", path, "report", "--person", person, NULL };

  for (int r = 0; r < runs; r++)
    {
      double ms = bench_run (args, (const char *const *) env, 60, NULL, &error);

      if (ms < 0)
        g_error ("bench-report: %s", error->message);
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  g_print ("`coplan-cli report --person %s`, the whole process: median %.1f ms of %d runs\n",
           person, g_array_index (times, double, times->len / 2), runs);
}

int
main (int argc, char **argv)
{
  int runs = 5;
  g_autofree char *db = NULL;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Rounds of timings (default 5)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "A demo database already made", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PATH-TO-coplan-cli CACHE-FOLDER");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 || runs < 1 || runs > 100)
    {
      g_printerr ("bench-report: %s\n", error ? error->message : "usage: bench-report CLI CACHE-FOLDER [--db FILE] [--runs N]");
      return 2;
    }
  if (db == NULL && (db = cached_db (argv[1], argv[2], &error)) == NULL)
    {
      g_printerr ("bench-report: %s\n", error->message);
      return 1;
    }
  report_in_process (db, runs);
  report_by_cli (argv[1], db, runs);
  return 0;
}
