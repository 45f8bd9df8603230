/* bench-startup.c — does Coplan start as fast with a million payments?
 *
 * Usage: bench-startup PATH-TO-coplan PATH-TO-coplan-cli CACHE-FOLDER [--runs N]
 *
 * Runs `coplan --db FILE --benchmark-startup` (which quits once its
 * first frame with the caseload list is drawn) once to warm up and then
 * N times, against an empty database and against one with 1000 people
 * and 1,000,000 payments. The big database is made once with
 * `coplan-cli demo` and kept in CACHE-FOLDER. Uses the current DISPLAY
 * with GSK_RENDERER=cairo; run it under `xvfb-run -a dbus-run-session --`.
 * Prints the medians of the wall-clock time from spawn to exit, and of
 * the app's own "first-frame-ms" figure when it prints one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "bench-common.h"
#include "coplan-core.h"

#define BIG_PEOPLE   "1000"
#define BIG_PAYMENTS "1000000"
#define RUN_TIMEOUT  120

typedef struct
{
  const char *gui;
  const char *cli;
  const char *cache;
  char       *scratch;
  char      **env;
  int         runs;
} Bench;

/* An empty but real Coplan database: the schema, no rows. */
static char *
make_empty_db (Bench *bench, GError **error)
{
  char *path = g_build_filename (bench->scratch, "empty", "coplan.db", NULL);
  g_autoptr(CpStore) store = cp_store_open (path, error);

  if (store == NULL)
    g_clear_pointer (&path, g_free);
  return path;
}

/* Made once under a temporary name and renamed into place, so a run
 * that was interrupted never leaves a half-made cache behind. */
static char *
cached_big_db (Bench *bench, GError **error)
{
  char *path = g_build_filename (bench->cache, "startup-" BIG_PEOPLE "-" BIG_PAYMENTS ".db", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *partial_lock = g_strconcat (partial, ".lock", NULL);
  const char *args[] = { bench->cli, "--db", partial, "demo", "--people", BIG_PEOPLE,
                         "--payments", BIG_PAYMENTS, NULL };
  double ms;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  g_mkdir_with_parents (bench->cache, 0700);
  g_remove (partial);
  g_print ("making the cached database %s ...\n", path);
  ms = bench_run (args, (const char *const *) bench->env, 1800, NULL, error);
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

/* The same 1000 people with no payments: tells the cost of a long list
 * (GTK 4.8's list view makes up to 200 rows at once) apart from the cost
 * of a million payments. */
static char *
make_people_only_db (Bench *bench, GError **error)
{
  char *path = g_build_filename (bench->scratch, "people", "coplan.db", NULL);
  const char *args[] = { bench->cli, "--db", path, "demo", "--people", BIG_PEOPLE,
                         "--payments", "0", NULL };
  g_autofree char *folder = g_path_get_dirname (path);

  g_mkdir_with_parents (folder, 0700);
  if (bench_run (args, (const char *const *) bench->env, 600, NULL, error) < 0)
    g_clear_pointer (&path, g_free);
  return path;
}

/* What the app's start-up health check left beside the database: its
 * backup folder (a backup it began and never finished). */
static void
clean_after_app (const char *db)
{
  g_autofree char *backups = cp_backup_folder (db);

  cp_test_remove_tree (backups);
}

static double
first_frame_ms (const char *output)
{
  const char *line = output ? strstr (output, "first-frame-ms:") : NULL;

  return line ? g_ascii_strtod (line + strlen ("first-frame-ms:"), NULL) : -1;
}

/* Median wall-clock ms over the timed runs; @frame gets the median of
 * the app's own figure, or -1. */
static double
time_startups (Bench *bench, const char *db, double *frame, GError **error)
{
  const char *args[] = { bench->gui, "--db", db, "--benchmark-startup", NULL };
  g_autofree double *walls = g_new0 (double, bench->runs);
  g_autofree double *frames = g_new0 (double, bench->runs);
  gboolean all_frames = TRUE;

  for (int i = -1; i < bench->runs; i++)
    {
      g_autofree char *out = NULL;
      double ms = bench_run (args, (const char *const *) bench->env, RUN_TIMEOUT, &out, error);

      clean_after_app (db);
      if (ms < 0)
        return -1;
      if (i < 0)
        continue;   /* the warm-up run fills the page cache */
      walls[i] = ms;
      frames[i] = first_frame_ms (out);
      all_frames = all_frames && frames[i] >= 0;
    }
  *frame = all_frames ? bench_median (frames, bench->runs) : -1;
  return bench_median (walls, bench->runs);
}

static char **
startup_environ (const char *scratch, const char *gui)
{
  char **env = bench_environ (scratch);

  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  /* By hand, the schema is in the build folder beside src/gui/coplan. */
  if (g_environ_getenv (env, "GSETTINGS_SCHEMA_DIR") == NULL)
    {
      g_autofree char *gui_dir = g_path_get_dirname (gui);
      g_autofree char *schemas = g_build_filename (gui_dir, "..", "..", "data", NULL);

      env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }
  return env;
}

static int
run_bench (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = make_empty_db (bench, &error);
  g_autofree char *people = empty ? make_people_only_db (bench, &error) : NULL;
  g_autofree char *big = people ? cached_big_db (bench, &error) : NULL;
  double empty_ms, people_ms, big_ms, empty_frame = -1, people_frame = -1, big_frame = -1;

  if (big == NULL ||
      (empty_ms = time_startups (bench, empty, &empty_frame, &error)) < 0 ||
      (people_ms = time_startups (bench, people, &people_frame, &error)) < 0 ||
      (big_ms = time_startups (bench, big, &big_frame, &error)) < 0)
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 1;
    }
  g_print ("startup: empty %.0f ms, million-payment %.0f ms, ratio %.2f (median of %d runs, spawn to exit)\n",
           empty_ms, big_ms, big_ms / empty_ms, bench->runs);
  if (empty_frame >= 0 && big_frame >= 0)
    g_print ("first frame (the app's own clock): empty %.0f ms, million-payment %.0f ms, ratio %.2f\n",
             empty_frame, big_frame, big_frame / empty_frame);
  g_print ("for comparison: 1000 people and no payments %.0f ms (first frame %.0f ms): "
           "the million payments add %.0f ms\n",
           people_ms, people_frame, big_ms - people_ms);
  return 0;
}

int
main (int argc, char **argv)
{
  int runs = 7;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs of each (default 7)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PATH-TO-coplan PATH-TO-coplan-cli CACHE-FOLDER");
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 4 || runs < 1 || runs > 100)
    {
      g_printerr ("bench-startup: %s\n", error ? error->message : "usage: bench-startup GUI CLI CACHE-FOLDER [--runs N]");
      return 2;
    }
  if (!g_file_test (argv[1], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_print ("bench-startup: %s is not built; nothing to measure\n", argv[1]);
      return 77;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-startup: no display; run under xvfb-run -a dbus-run-session --\n");
      return 77;
    }
  bench.gui = argv[1];
  bench.cli = argv[2];
  bench.cache = argv[3];
  bench.runs = runs;
  bench.scratch = g_dir_make_tmp ("coplan-bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  bench.env = startup_environ (bench.scratch, bench.gui);
  status = run_bench (&bench);
  cp_test_remove_tree (bench.scratch);
  g_free (bench.scratch);
  g_strfreev (bench.env);
  return status;
}
