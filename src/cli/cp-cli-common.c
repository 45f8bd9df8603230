/* cp-cli-common.c — option parsing and messages shared by the commands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "coplan-core.h"
#include "cp-cli.h"

char *cp_cli_db_path = NULL;

static const GOptionEntry db_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &cp_cli_db_path,
    N_("The database to use (default: the one Coplan uses)"), N_("FILE") },
  { NULL }
};

const GOptionEntry *
cp_cli_db_entries (void)
{
  return db_entries;
}

const char *
cp_cli_get_db_path (void)
{
  if (cp_cli_db_path == NULL)
    cp_cli_db_path = cp_store_default_path ();
  return cp_cli_db_path;
}

const char *
cp_cli_db_path_checked (gboolean must_exist)
{
  const char *path = cp_cli_get_db_path ();

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      cp_cli_fail (CP_CLI_EXIT_FAILURE, _("“%s” is a folder, not a database file."), path);
      return NULL;
    }
  if (must_exist && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      cp_cli_fail (CP_CLI_EXIT_FAILURE, _("There is no database at “%s”."), path);
      return NULL;
    }
  return path;
}

int
cp_cli_fail (CpCliExit status, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("coplan-cli: %s\n", message);
  if (status == CP_CLI_EXIT_USAGE)
    g_printerr (_("Try “%s --help” for more information.\n"), g_get_prgname ());
  return status;
}

gboolean
cp_cli_parse_options (const char *command, const char *parameter, const char *summary,
                      const GOptionEntry *entries, int *argc, char ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("coplan-cli %s", command);

  /* "Usage: coplan-cli demo [OPTION…]", and help hints that name the command. */
  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      cp_cli_fail (CP_CLI_EXIT_USAGE, "%s: %s", command, error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
cp_cli_parse_number (const char *option, const char *text, guint64 min, guint64 max,
                     guint64 *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  /* Digits only: no sign, no spaces, no hex. */
  if (text != NULL && g_ascii_isdigit (*text) &&
      g_ascii_string_to_unsigned (text, 10, min, max, out, &error))
    return TRUE;
  low = g_strdup_printf ("%" G_GUINT64_FORMAT, min);
  high = g_strdup_printf ("%" G_GUINT64_FORMAT, max);
  cp_cli_fail (CP_CLI_EXIT_USAGE, _("%s needs a whole number from %s to %s, not “%s”."),
               option, low, high, text ? text : "");
  return FALSE;
}
