/* main.c — coplan-cli: the demo caseload, listing, checks and backups
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   coplan-cli [--db FILE] COMMAND [OPTION…]
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cp-cli.h"

static const CpCliCommand commands[] = {
  { "demo",   N_("Fill the database with a made-up caseload"), cp_cli_demo },
  { "list",   N_("List people: id and name, sorted by name"), cp_cli_list },
  { "report", N_("Print one person's budget figures and warnings"), cp_cli_report },
  { "check",  N_("Check the database is healthy and print its schema version"), cp_cli_check },
  { "backup", N_("Copy the database to a new file"), cp_cli_backup },
  { "import-statement", N_("Add the spending on a bank or card statement (CSV) to a plan"), cp_cli_import_statement },
  { "export", N_("Write plans as Coplan XML, FHIR, a payments CSV or a PDF"), cp_cli_export },
  { "import", N_("Add or update people and plans from a Coplan XML file"), cp_cli_import },
  { "chart",  N_("Draw a spending chart as PNG, SVG or PDF"), cp_cli_chart },
  { "monitoring-return", N_("Write a direct-payment monitoring return as PDF or CSV"), cp_cli_monitoring_return },
};

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:"));
  int width = 0;

  /* Summaries line up after the longest command name. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-*s %s", width, commands[i].name, _(commands[i].summary));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Run “coplan-cli COMMAND --help” for a command's options."));
  return g_string_free (text, FALSE);
}

static const CpCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

/* Global options stop at the command name, which takes the rest. */
static gboolean
parse_global_options (int *argc, char ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_autoptr(GError) error = NULL;
  g_autofree char *description = commands_description ();

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Work with a Coplan database from the command line."));
  g_option_context_set_description (context, description);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_add_main_entries (context, cp_cli_db_entries (), GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      cp_cli_fail (CP_CLI_EXIT_USAGE, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
setup_i18n (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int argc, char **argv)
{
  const CpCliCommand *command;

  setup_i18n ();
  g_set_prgname ("coplan-cli");
  if (!parse_global_options (&argc, &argv))
    return CP_CLI_EXIT_USAGE;
  if (argc < 2)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("No command given."));
  command = find_command (argv[1]);
  if (command == NULL)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("“%s” is not a command."), argv[1]);
  /* The command sees itself as argv[0]. */
  return command->run (argc - 1, argv + 1);
}
