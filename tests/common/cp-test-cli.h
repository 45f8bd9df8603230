/* cp-test-cli.h — running the built coplan-cli from a test
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test case gets a fresh folder for HOME, XDG_DATA_HOME and its
 * database, so the real home is never touched. Set cp_test_cli_path from
 * argv[1] (meson passes the built binary) before g_test_init().
 */
#pragma once

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "cp-test-tree.h"

static const char *cp_test_cli_path;

typedef struct
{
  char *dir;    /* this test case's folder */
  char *db;     /* <dir>/caseload.db */
} CliFixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static inline void
cli_run_clear (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static inline void
cli_fixture_set_up (CliFixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("coplan-cli-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "caseload.db", NULL);
}

static inline void
cli_fixture_tear_down (CliFixture *fixture, gconstpointer data)
{
  cp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs coplan-cli with the NULL-terminated @args and waits for it. */
static inline void
cli_run_argv (CliFixture *fixture, CliRun *run, const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *data_home = g_build_filename (fixture->dir, "xdg-data", NULL);
  int wait_status = 0;

  env = g_environ_setenv (env, "HOME", fixture->dir, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  g_ptr_array_add (argv, (gpointer) cp_test_cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

#define cli_run(fixture, run, ...) \
  cli_run_argv ((fixture), (run), (const char *const []) { __VA_ARGS__, NULL })

/* A refusal: @status, one "coplan-cli: " message holding @words, nothing on stdout. */
static inline void
cli_assert_refused (const CliRun *run, int status, const char *words)
{
  if (run->status != status || strstr (run->err, words) == NULL)
    g_test_message ("status %d, stderr: %s", run->status, run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "coplan-cli: "));
  g_assert_nonnull (strstr (run->err, words));
  g_assert_cmpstr (run->out, ==, "");
}

static inline void
cli_assert_ok (const CliRun *run)
{
  if (run->status != 0)
    g_test_message ("status %d, stderr: %s", run->status, run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}
