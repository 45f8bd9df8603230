/* cp-cli-list.c — coplan-cli list: everyone on the caseload, one a line
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "coplan-core.h"
#include "cp-cli.h"

/* Rows are stepped through one at a time, never all held at once. */
static gboolean
print_people (CpStore *store, GError **error)
{
  CpRecordClass *klass = g_type_class_ref (CP_TYPE_PERSON);
  g_autofree char *columns = cp_store_select_columns (CP_TYPE_PERSON);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE deleted = 0 ORDER BY %s, id",
                                          columns, klass->table, klass->order_by);
  sqlite3_stmt *stmt = cp_store_prepare (store, sql, error);
  int rc;

  g_type_class_unref (klass);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CpRecord) person = cp_store_record_from_row (store, CP_TYPE_PERSON, stmt);
      g_autofree char *name = cp_person_dup_display_name (CP_PERSON (person));

      printf ("%s\t%s\n", cp_record_get_id (person), name);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return cp_store_set_error_from_db (store, rc, error);
  return TRUE;
}

int
cp_cli_list (int argc, char **argv)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  if (!cp_cli_parse_options ("list", "",
                             _("Prints each person's id and name, tab-separated, sorted by family name."),
                             NULL, &argc, &argv))
    return CP_CLI_EXIT_USAGE;
  if (argc > 1)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("list: unexpected argument “%s”."), argv[1]);
  if ((path = cp_cli_db_path_checked (TRUE)) == NULL)
    return CP_CLI_EXIT_FAILURE;
  /* Read-only: works while Coplan has the database open. */
  store = cp_store_open_full (path, CP_STORE_OPEN_READ_ONLY, 0, &error);
  if (store == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not open “%s”: %s"), path, error->message);
  if (!print_people (store, &error))
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not read “%s”: %s"), path, error->message);
  if (fflush (stdout) != 0)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not write the list: %s"), g_strerror (errno));
  return CP_CLI_EXIT_OK;
}
