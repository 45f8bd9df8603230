/* cp-cli-monitoring.c — coplan-cli monitoring-return: a quarter's direct-payment return
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   coplan-cli monitoring-return --person ID --quarter 2026-Q3 -o FILE.pdf|.csv
 */
#include "config.h"

#include <glib/gi18n.h>

#include "coplan-core.h"
#include "cp-cli.h"
#include "cp-monitoring-return.h"

static char *person_id;
static char *quarter;
static char *output;

static const GOptionEntry entries[] = {
  { "person", 0, 0, G_OPTION_ARG_STRING, &person_id, N_("The person on the direct payment"), N_("ID") },
  { "quarter", 0, 0, G_OPTION_ARG_STRING, &quarter,
    N_("The calendar quarter, like 2026-Q3 (July to September)"), N_("YYYY-QN") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .pdf or .csv"), N_("FILE") },
  { NULL }
};

static int
check_options (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *lower = NULL;

  if (person_id == NULL)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("monitoring-return: say whose return with --person ID."));
  if (quarter == NULL)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("monitoring-return: say which quarter with --quarter, like 2026-Q3."));
  if (!cp_monitoring_parse_quarter (quarter, &start, &end, &error))
    return cp_cli_fail (CP_CLI_EXIT_USAGE, "monitoring-return: %s", error->message);
  if (output == NULL)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("monitoring-return: say where to write it with -o FILE."));
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".pdf") && !g_str_has_suffix (lower, ".csv"))
    return cp_cli_fail (CP_CLI_EXIT_USAGE,
                        _("monitoring-return: “%s” does not end in .pdf or .csv, so Coplan cannot tell which kind "
                          "of file to make."), output);
  return CP_CLI_EXIT_OK;
}

int
cp_cli_monitoring_return (int argc, char **argv)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpMonitoringReturn) data = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  int status;

  if (!cp_cli_parse_options ("monitoring-return", "",
                             _("Writes a direct-payment monitoring return for one calendar quarter: money received, "
                               "spending by line, the balance in pounds and in weeks of funding, and every payment "
                               "with its receipt status."),
                             entries, &argc, &argv))
    return CP_CLI_EXIT_USAGE;
  if (argc > 1)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("monitoring-return: unexpected argument “%s”."), argv[1]);
  if ((status = check_options ()) != CP_CLI_EXIT_OK)
    return status;
  if ((path = cp_cli_db_path_checked (TRUE)) == NULL)
    return CP_CLI_EXIT_FAILURE;
  store = cp_store_open_full (path, CP_STORE_OPEN_READ_ONLY, 0, &error);
  if (store == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not open “%s”: %s"), path, error->message);
  data = cp_monitoring_return_load (store, person_id, quarter, &error);
  if (data == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, "%s", error->message);
  if (!cp_monitoring_return_write (data, output, &error))
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, "%s", error->message);
  return CP_CLI_EXIT_OK;
}
