/* bench-demo.c — how long `coplan-cli demo` takes for a big caseload
 *
 * Usage: bench-demo PATH-TO-coplan-cli [--people N] [--payments M]
 * Prints "demo 1000 people, 1000000 payments: X.X s". A figure, not a
 * pass/fail test: it fails only if the command itself fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-common.h"

int
main (int argc, char **argv)
{
  g_autofree char *people = g_strdup ("1000");
  g_autofree char *payments = g_strdup ("1000000");
  const GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_STRING, &people, "People (default 1000)", "N" },
    { "payments", 0, 0, G_OPTION_ARG_STRING, &payments, "Payments (default 1000000)", "M" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PATH-TO-coplan-cli");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) env = NULL;
  double ms;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("bench-demo: %s\n", error ? error->message : "give the path of coplan-cli");
      return 2;
    }
  dir = g_dir_make_tmp ("coplan-bench-demo-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "demo.db", NULL);
  env = bench_environ (dir);
  {
    const char *args[] = { argv[1], "--db", db, "demo", "--people", people, "--payments", payments, NULL };

    ms = bench_run (args, (const char *const *) env, 1800, &out, &error);
  }
  cp_test_remove_tree (dir);
  if (ms < 0)
    {
      g_printerr ("bench-demo: %s\n", error->message);
      return 1;
    }
  g_print ("demo %s people, %s payments: %.1f s\n", people, payments, ms / 1000.0);
  return 0;
}
