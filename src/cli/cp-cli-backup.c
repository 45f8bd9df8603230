/* cp-cli-backup.c — coplan-cli backup FILE: a whole copy, never over a file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "coplan-core.h"
#include "cp-cli.h"

/* A backup never replaces anything, and needs a folder to go in. */
static gboolean
check_target (const char *target)
{
  g_autofree char *folder = g_path_get_dirname (target);

  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      cp_cli_fail (CP_CLI_EXIT_FAILURE, _("“%s” already exists. Choose a new file name; backups never overwrite."), target);
      return FALSE;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      cp_cli_fail (CP_CLI_EXIT_FAILURE, _("The folder “%s” does not exist."), folder);
      return FALSE;
    }
  return TRUE;
}

int
cp_cli_backup (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *path;

  if (!cp_cli_parse_options ("backup", "FILE",
                             _("Writes a whole copy of the database to FILE, which must not exist yet."),
                             NULL, &argc, &argv))
    return CP_CLI_EXIT_USAGE;
  if (argc < 2)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("backup: say which file to write the backup to."));
  if (argc > 2)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("backup: unexpected argument “%s”."), argv[2]);
  if ((path = cp_cli_db_path_checked (TRUE)) == NULL)
    return CP_CLI_EXIT_FAILURE;
  if (!check_target (argv[1]))
    return CP_CLI_EXIT_FAILURE;
  if (!cp_backup_write (path, argv[1], &error))
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not back up “%s”: %s"), path, error->message);
  g_print (_("Backed up “%s” to “%s”.\n"), path, argv[1]);
  return CP_CLI_EXIT_OK;
}
