/* cp-cli-import.c — coplan-cli import FILE: Coplan XML into the database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   coplan-cli [--db F] import [--dry-run] FILE.xml
 *
 * Prints what will change (added, updated, unchanged, per kind of record
 * and per person), then applies it all in one transaction.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "coplan-core.h"
#include "cp-cli.h"

static gboolean dry_run;

static const GOptionEntry entries[] = {
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
    N_("Check the file and show what would change; change nothing"), NULL },
  { NULL }
};

static CpStore *
open_store (const char *path, GError **error)
{
  return cp_store_open_full (path, dry_run ? CP_STORE_OPEN_READ_ONLY : CP_STORE_OPEN_DEFAULT, 0, error);
}

int
cp_cli_import (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpXmlImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *details = NULL;
  const char *path;

  dry_run = FALSE;
  if (!cp_cli_parse_options ("import", "FILE",
                             _("Adds and updates people and plans from a Coplan XML file. "
                               "Records are matched by id; nothing is deleted unless the file says so."),
                             entries, &argc, &argv))
    return CP_CLI_EXIT_USAGE;
  if (argc < 2)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("import: say which Coplan XML file to import."));
  if (argc > 2)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("import: unexpected argument “%s”."), argv[2]);
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("There is no file “%s”."), argv[1]);
  if ((path = cp_cli_db_path_checked (dry_run)) == NULL)
    return CP_CLI_EXIT_FAILURE;
  store = open_store (path, &error);
  if (store == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not open “%s”: %s"), path, error->message);

  import = cp_xml_import_new (store);
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!cp_xml_import_read_file (import, file, NULL, &error))
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not import “%s”: %s"), argv[1], error->message);
  details = cp_xml_import_dup_details (import);
  g_print ("%s", details);
  if (dry_run)
    {
      g_print ("%s\n", _("Nothing was changed (--dry-run)."));
      return CP_CLI_EXIT_OK;
    }
  if (!cp_xml_import_has_changes (import))
    {
      g_print ("%s\n", _("Everything in the file is already here; nothing was changed."));
      return CP_CLI_EXIT_OK;
    }
  if (!cp_xml_import_apply (import, &error))
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not import “%s”: %s"), argv[1], error->message);
  g_print (_("Imported “%s”.\n"), argv[1]);
  return CP_CLI_EXIT_OK;
}
