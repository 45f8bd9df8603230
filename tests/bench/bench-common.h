/* bench-common.h — running programs and timing them, for the benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only: each benchmark is one small program.
 */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cp-test-tree.h"

typedef struct
{
  gboolean  finished;
  gboolean  timed_out;
} BenchWait;

static inline void
bench_wait_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  BenchWait *wait = data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  wait->finished = TRUE;
}

static inline gboolean
bench_timeout_cb (gpointer data)
{
  BenchWait *wait = data;

  wait->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs @argv with @env, waits at most @timeout_s seconds, and returns
 * the wall-clock time in ms, or a negative number when it failed (the
 * reason in @error). @out gets stdout. */
static inline double
bench_run (const char *const *argv, const char *const *env, guint timeout_s, char **out,
           GError **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) stdout_bytes = NULL;
  BenchWait wait = { 0 };
  guint timeout_id;
  gint64 started = g_get_monotonic_time ();
  double elapsed;

  g_subprocess_launcher_set_environ (launcher, (char **) env);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return -1;
  /* Output is read after exit: both programs print a line or two, far
   * less than a pipe holds. */
  g_subprocess_wait_async (process, NULL, bench_wait_cb, &wait);
  timeout_id = g_timeout_add_seconds (timeout_s, bench_timeout_cb, &wait);
  while (!wait.finished && !wait.timed_out)
    g_main_context_iteration (NULL, TRUE);
  elapsed = (g_get_monotonic_time () - started) / 1000.0;
  if (wait.timed_out)
    {
      g_subprocess_force_exit (process);
      while (!wait.finished)
        g_main_context_iteration (NULL, TRUE);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%s did not finish within %u s", argv[0], timeout_s);
      return -1;
    }
  g_source_remove (timeout_id);
  g_subprocess_communicate (process, NULL, NULL, &stdout_bytes, NULL, NULL);
  if (out != NULL)
    *out = stdout_bytes ? g_strndup (g_bytes_get_data (stdout_bytes, NULL), g_bytes_get_size (stdout_bytes))
                        : g_strdup ("");
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed (exit status %d): %s", argv[0],
                   g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1,
                   out && *out ? *out : "");
      return -1;
    }
  return elapsed;
}

/* The environment for a child: private data and config folders under
 * @dir, so a benchmark never touches the real home. */
static inline char **
bench_environ (const char *dir)
{
  char **env = g_get_environ ();
  const char *names[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_mkdir_with_parents (path, 0700);
      env = g_environ_setenv (env, names[i], path, TRUE);
    }
  return env;
}

static inline int
bench_compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static inline double
bench_median (double *values, guint n)
{
  qsort (values, n, sizeof *values, (int (*) (const void *, const void *)) bench_compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}
