/* cp-cli-check.c — coplan-cli check: is the database whole, and which schema
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "coplan-core.h"
#include "cp-cli.h"

/* The schema version, read without taking the write lock. */
static gboolean
report_version (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open_full (path, CP_STORE_OPEN_READ_ONLY, 0, &error);
  guint version;

  if (store == NULL)
    {
      cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not open “%s”: %s"), path, error->message);
      return FALSE;
    }
  version = cp_store_get_schema_version (store);
  if (version == 0)
    {
      cp_cli_fail (CP_CLI_EXIT_FAILURE, _("“%s” is an SQLite database but not a Coplan one."), path);
      return FALSE;
    }
  if (version > cp_schema_latest_version ())
    {
      cp_cli_fail (CP_CLI_EXIT_FAILURE, _("“%s” has schema version %u, newer than this Coplan knows (%u)."),
                   path, version, cp_schema_latest_version ());
      return FALSE;
    }
  g_print (_("ok, schema version %u\n"), version);
  return TRUE;
}

int
cp_cli_check (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *path;

  if (!cp_cli_parse_options ("check", "",
                             _("Runs SQLite's full integrity check and prints the schema version."),
                             NULL, &argc, &argv))
    return CP_CLI_EXIT_USAGE;
  if (argc > 1)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("check: unexpected argument “%s”."), argv[1]);
  if ((path = cp_cli_db_path_checked (TRUE)) == NULL)
    return CP_CLI_EXIT_FAILURE;
  if (!cp_backup_check (path, TRUE, &error))
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("“%s” failed the check: %s"), path, error->message);
  return report_version (path) ? CP_CLI_EXIT_OK : CP_CLI_EXIT_FAILURE;
}
