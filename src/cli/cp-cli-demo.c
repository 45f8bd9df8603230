/* cp-cli-demo.c — coplan-cli demo: a made-up caseload for trying Coplan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "coplan-core.h"
#include "cp-cli.h"

#define DEFAULT_PEOPLE   "100"
#define DEFAULT_PAYMENTS "10000"
#define DEFAULT_SEED     "1"

typedef struct
{
  char     *people;
  char     *payments;
  char     *seed;
  gboolean  force;
} DemoArgs;

static void
demo_args_clear (DemoArgs *args)
{
  g_free (args->people);
  g_free (args->payments);
  g_free (args->seed);
}

static gboolean
parse_demo_args (DemoArgs *args, CpDemoOptions *options, int *argc, char ***argv)
{
  const GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_STRING, &args->people,
      N_("How many people (default 100)"), N_("N") },
    { "payments", 0, 0, G_OPTION_ARG_STRING, &args->payments,
      N_("How many payments between them all (default 10000)"), N_("M") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &args->seed,
      N_("The same seed makes the same caseload (default 1)"), N_("S") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &args->force,
      N_("Add to a database that already has people (use another --seed)"), NULL },
    { NULL }
  };
  guint64 people;

  if (!cp_cli_parse_options ("demo", "",
                             _("Fills the database with made-up people, plans, budgets and payments.\n"
                               "A database that already has people is refused unless --force is given."),
                             entries, argc, argv))
    return FALSE;
  if (*argc > 1)
    {
      cp_cli_fail (CP_CLI_EXIT_USAGE, _("demo: unexpected argument “%s”."), (*argv)[1]);
      return FALSE;
    }
  if (!cp_cli_parse_number ("--people", args->people ? args->people : DEFAULT_PEOPLE,
                            1, CP_DEMO_MAX_PEOPLE, &people) ||
      !cp_cli_parse_number ("--payments", args->payments ? args->payments : DEFAULT_PAYMENTS,
                            0, CP_DEMO_MAX_PAYMENTS, &options->n_payments) ||
      !cp_cli_parse_number ("--seed", args->seed ? args->seed : DEFAULT_SEED,
                            0, G_MAXUINT64, &options->seed))
    return FALSE;
  options->n_people = (guint) people;
  return TRUE;
}

/* A demo on top of real people would mix made-up and real records. */
static gboolean
refuse_if_not_empty (CpStore *store, gboolean force)
{
  gint64 people = cp_store_count (store, CP_TYPE_PERSON, NULL);
  g_autofree char *count = NULL;

  if (people == 0 || force)
    return TRUE;
  count = g_strdup_printf ("%" G_GINT64_FORMAT, people);
  cp_cli_fail (CP_CLI_EXIT_FAILURE,
               ngettext ("“%s” already has %s person. Use --force to add a demo caseload anyway.",
                         "“%s” already has %s people. Use --force to add a demo caseload anyway.",
                         (gulong) people),
               cp_store_get_path (store), count);
  return FALSE;
}

static void
print_summary (CpStore *store, double seconds)
{
  g_autofree char *people = g_strdup_printf ("%" G_GINT64_FORMAT, cp_store_count (store, CP_TYPE_PERSON, NULL));
  g_autofree char *plans = g_strdup_printf ("%" G_GINT64_FORMAT, cp_store_count (store, CP_TYPE_PLAN, NULL));
  g_autofree char *payments = g_strdup_printf ("%" G_GINT64_FORMAT, cp_store_count (store, CP_TYPE_PAYMENT, NULL));
  g_autofree char *lines = g_strdup_printf ("%" G_GINT64_FORMAT, cp_store_count (store, CP_TYPE_BUDGET_LINE, NULL));

  /* Counts are of the whole database, so --force shows the new total. */
  g_print (_("Made a demo caseload in %.1f s. “%s” now holds %s people, %s plans, %s budget lines and %s payments.\n"),
           seconds, cp_store_get_path (store), people, plans, lines, payments);
}

int
cp_cli_demo (int argc, char **argv)
{
  DemoArgs args = { 0 };
  CpDemoOptions options = { 0 };
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  gint64 started;
  gboolean parsed = parse_demo_args (&args, &options, &argc, &argv);

  demo_args_clear (&args);
  if (!parsed)
    return CP_CLI_EXIT_USAGE;
  if ((path = cp_cli_db_path_checked (FALSE)) == NULL)
    return CP_CLI_EXIT_FAILURE;
  store = cp_store_open (path, &error);
  if (store == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not open “%s”: %s"), path, error->message);
  if (!refuse_if_not_empty (store, args.force))
    return CP_CLI_EXIT_FAILURE;
  cp_store_set_contributor (store, "coplan-cli demo");
  started = g_get_monotonic_time ();
  if (!cp_demo_generate (store, &options, &error))
    {
      /* The same seed makes the same ids, which are already there. */
      if (args.force && g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID))
        return cp_cli_fail (CP_CLI_EXIT_FAILURE,
                            _("Could not add the demo caseload (%s). Is it already there? Use another --seed."),
                            error->message);
      return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not make the demo caseload: %s"), error->message);
    }
  print_summary (store, (g_get_monotonic_time () - started) / 1e6);
  return CP_CLI_EXIT_OK;
}
