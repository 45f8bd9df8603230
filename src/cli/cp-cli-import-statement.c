/* cp-cli-import-statement.c — coplan-cli import-statement: a bank or card
 * statement (CSV) into a person's current plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   coplan-cli import-statement --person ID [--map …] [--line ID] [--stream ID]
 *                               [--skip-bad] [--possible-duplicates] [--dry-run] FILE.csv
 *
 * A statement is the record of one account: --stream says which of the
 * plan's direct-payment or prepaid-card streams it is, so the payments
 * count in that stream's monitoring return. Left out, it is the plan's
 * only such stream, or the line's when --line names one; with several
 * and nothing to tell them apart, the command asks rather than guesses.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "coplan-core.h"
#include "cp-cli.h"

typedef struct
{
  char     *person_id;
  char     *map;
  char     *line_id;
  char     *stream_id;
  gboolean  skip_bad;
  gboolean  possible_duplicates;
  gboolean  dry_run;
} ImportArgs;

static ImportArgs args;

static const GOptionEntry entries[] = {
  { "person", 0, 0, G_OPTION_ARG_STRING, &args.person_id,
    N_("Whose statement it is (an id from “coplan-cli list”)"), N_("ID") },
  { "map", 0, 0, G_OPTION_ARG_STRING, &args.map,
    N_("Which column is which, counted from 1: date=1,description=3,amount=4 or "
       "date=1,description=2,out=4,in=5 (add spending=positive if spending is shown positive)"),
    N_("MAPPING") },
  { "line", 0, 0, G_OPTION_ARG_STRING, &args.line_id,
    N_("Put every payment on this budget line"), N_("LINE_ID") },
  { "stream", 0, 0, G_OPTION_ARG_STRING, &args.stream_id,
    N_("The direct-payment or prepaid-card stream whose account the statement is of "
       "(default: the plan's only one)"), N_("STREAM_ID") },
  { "skip-bad", 0, 0, G_OPTION_ARG_NONE, &args.skip_bad,
    N_("Import the good rows even if some cannot be read"), NULL },
  { "possible-duplicates", 0, 0, G_OPTION_ARG_NONE, &args.possible_duplicates,
    N_("Also import rows that match a payment typed in by hand"), NULL },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, &args.dry_run,
    N_("Read and check the statement, change nothing"), NULL },
  { NULL }
};

/* "1 Date | 2 Description | 3 Amount": what --map counts. */
static char *
describe_first_row (CpStatement *statement)
{
  const CpCsvRow *row = cp_csv_get_row (cp_statement_get_csv (statement), 0);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < row->n_fields; i++)
    g_string_append_printf (text, "%s%u “%s”", i > 0 ? "  " : "", i + 1, row->fields[i]);
  return g_string_free (text, FALSE);
}

static gboolean
choose_mapping (CpStatement *statement, const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  CpStatementMapping mapping;

  if (args.map != NULL)
    {
      if (!cp_statement_mapping_parse (args.map, &mapping, &error) ||
          !cp_statement_set_mapping (statement, &mapping, &error))
        {
          cp_cli_fail (CP_CLI_EXIT_USAGE, _("import-statement: --map: %s"), error->message);
          return FALSE;
        }
      return TRUE;
    }
  if (cp_statement_is_recognised (statement))
    return TRUE;
  first = describe_first_row (statement);
  cp_cli_fail (CP_CLI_EXIT_FAILURE,
               _("The columns of “%s” are not recognised. Say which column is which with --map, "
                 "for example --map date=1,description=2,amount=3. Its first row is:\n  %s"),
               file, first);
  return FALSE;
}

/* The person's current plan, as the Budget tab finds it. */
static char *
find_plan (CpStore *store, GError **error)
{
  g_autoptr(CpRecord) person = cp_store_load (store, CP_TYPE_PERSON, args.person_id, error);
  CpBudgetSummary summary = { 0 };
  char *plan_id;

  if (person == NULL)
    return NULL;
  if (!cp_budget_summary_load (store, args.person_id, NULL, &summary, error))
    return NULL;
  if (!summary.has_plan)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                   _("This person has no plan yet: add a plan before importing a statement."));
      cp_budget_summary_clear (&summary);
      return NULL;
    }
  plan_id = g_strdup (summary.plan_id);
  cp_budget_summary_clear (&summary);
  return plan_id;
}

/* "Personal health budget (Direct payment)": how a stream is named to the person. */
static char *
describe_stream (CpRecord *stream)
{
  const char *name = cp_record_get_string (stream, "name");
  int management;

  g_object_get (stream, "management", &management, NULL);
  /* TRANSLATORS: a funding stream's name and how it is held: "NHS (Prepaid card)" */
  return g_strdup_printf (_("%s (%s)"), name && *name ? name : _("Unnamed stream"),
                          cp_budget_management_name (management));
}

/* "  ID  Name (Direct payment)" lines, for a message that asks for --stream. */
static char *
list_streams (GPtrArray *streams)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < streams->len; i++)
    {
      CpRecord *stream = g_ptr_array_index (streams, i);
      g_autofree char *described = describe_stream (stream);

      g_string_append_printf (text, "\n  %s  %s", cp_record_get_id (stream), described);
    }
  return g_string_free (text, FALSE);
}

static CpRecord *
find_stream (GPtrArray *streams, const char *id)
{
  for (guint i = 0; i < streams->len; i++)
    if (g_strcmp0 (cp_record_get_id (g_ptr_array_index (streams, i)), id) == 0)
      return g_ptr_array_index (streams, i);
  return NULL;
}

/* The stream --line's line is on, if it is one of @streams. */
static CpRecord *
line_stream (CpStore *store, GPtrArray *streams)
{
  g_autoptr(CpRecord) line = NULL;

  if (args.line_id == NULL)
    return NULL;
  line = cp_store_load (store, CP_TYPE_BUDGET_LINE, args.line_id, NULL);
  return line != NULL ? find_stream (streams, cp_record_get_string (line, "stream-id")) : NULL;
}

/* Which account the statement is of (see the top of the file). Sets
 * *@stream (borrowed from @streams, NULL for none) and *@described, the
 * words that report it; or prints why not and returns the exit status. */
static int
choose_stream (CpStore *store, GPtrArray *streams, CpRecord **stream, char **described)
{
  g_autofree char *listed = list_streams (streams);

  *stream = NULL;
  if (args.stream_id != NULL)
    {
      if ((*stream = find_stream (streams, args.stream_id)) == NULL)
        return cp_cli_fail (CP_CLI_EXIT_USAGE,
                            streams->len > 0
                            ? _("import-statement: --stream: “%s” is not one of this plan's direct-payment "
                                "or prepaid-card streams. They are:%s")
                            : _("import-statement: --stream: “%s” is not one of this plan's direct-payment "
                                "or prepaid-card streams: the plan has none.%s"),
                            args.stream_id, listed);
    }
  else if (streams->len == 1)
    *stream = g_ptr_array_index (streams, 0);
  else if (streams->len > 1)
    {
      if ((*stream = line_stream (store, streams)) == NULL)
        return cp_cli_fail (CP_CLI_EXIT_USAGE,
                            _("import-statement: this plan has %u direct-payment or prepaid-card streams. "
                              "Say which one's account the statement is of with --stream ID:%s"),
                            streams->len, listed);
    }
  *described = *stream != NULL ? describe_stream (*stream)
                               : g_strdup (_("none (the plan has no direct payment or prepaid card, "
                                             "so no monitoring return counts these payments)"));
  return CP_CLI_EXIT_OK;
}

static void
print_listed (CpStatement *statement, gboolean warnings)
{
  for (guint i = 0; i < cp_statement_get_n_rows (statement); i++)
    {
      const CpStatementRow *row = cp_statement_get_row (statement, i);
      const char *text = warnings ? row->warning : row->problem;

      if (warnings && (row->kind != CP_STATEMENT_ROW_SPENDING ||
                       row->status == CP_STATEMENT_STATUS_ALREADY_IMPORTED))
        continue;
      if (text != NULL)
        g_print (_("  Line %u: %s\n"), row->line, text);
      if (warnings && row->year_warning != NULL)
        g_print (_("  Line %u: %s\n"), row->line, row->year_warning);
    }
}

static void
print_counts (CpStatement *statement, const CpStatementCounts *counts, const char *stream)
{
  g_autofree char *added = cp_money_format (counts->new_pence);
  g_autofree char *money_in = cp_money_format (counts->money_in_pence);

  if (cp_statement_get_note (statement) != NULL)
    g_print ("%s\n", cp_statement_get_note (statement));
  g_print (_("Funding stream: %s\n"), stream);
  g_print (_("Rows read: %u\n"), counts->rows);
  g_print (args.dry_run ? _("Payments it would add: %u (%s)\n") : _("Payments added: %u (%s)\n"),
           counts->added, added);
  g_print (_("Already imported: %u\n"), counts->already_imported);
  if (counts->possible_duplicates > 0)
    g_print (args.possible_duplicates
             ? _("Possible duplicates of payments typed in by hand (added): %u\n")
             : _("Possible duplicates of payments typed in by hand (left out; add them with --possible-duplicates): %u\n"),
             counts->possible_duplicates);
  g_print (_("Money in, which is not spending (left out): %u (%s)\n"), counts->money_in, money_in);
  if (counts->zero > 0)
    g_print (_("Rows of £0.00 (left out): %u\n"), counts->zero);
  g_print (_("Skipped because they could not be read: %u\n"), counts->problems);
  print_listed (statement, FALSE);
  g_print (_("Warnings: %u\n"), counts->warnings);
  print_listed (statement, TRUE);
}

static int
run_import (CpStore *store, CpStatement *statement, const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_id = find_plan (store, &error);
  g_autoptr(GPtrArray) streams = NULL;
  g_autofree char *described = NULL;
  CpStatementImportOptions options = { 0, args.line_id, CP_PAYMENT_METHOD_BANK_TRANSFER, NULL };
  CpStatementCounts counts = { 0 };
  CpRecord *stream = NULL;
  int status;

  if (plan_id == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, "%s", error->message);
  if ((streams = cp_statement_import_list_accounts (store, plan_id, &error)) == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not import “%s”: %s"), file, error->message);
  if ((status = choose_stream (store, streams, &stream, &described)) != CP_CLI_EXIT_OK)
    return status;
  options.stream_id = stream != NULL ? cp_record_get_id (stream) : NULL;
  if (args.skip_bad)
    options.flags |= CP_STATEMENT_IMPORT_SKIP_BAD;
  if (args.possible_duplicates)
    options.flags |= CP_STATEMENT_IMPORT_POSSIBLE_DUPLICATES;
  if (args.dry_run)
    options.flags |= CP_STATEMENT_IMPORT_DRY_RUN;
  if (!cp_statement_import_apply (store, statement, plan_id, &options, &counts, &error))
    {
      if (g_error_matches (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_BAD_ROWS))
        return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("%s\nNothing was changed. Correct the file, or use "
                                                   "--skip-bad to import the other rows."), error->message);
      return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not import “%s”: %s"), file, error->message);
    }
  print_counts (statement, &counts, described);
  return CP_CLI_EXIT_OK;
}

int
cp_cli_import_statement (int argc, char **argv)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpStatement) statement = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  memset (&args, 0, sizeof args);
  if (!cp_cli_parse_options ("import-statement", "FILE.csv",
                             _("Adds the spending on a bank or card statement (CSV) to the person's "
                               "current plan. Rows already imported are left out, so a file can be "
                               "imported again safely. Money in is not spending and is left out."),
                             entries, &argc, &argv))
    return CP_CLI_EXIT_USAGE;
  if (args.person_id == NULL)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("import-statement: say whose statement it is with --person ID."));
  if (argc < 2)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("import-statement: say which CSV file to import."));
  if (argc > 2)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("import-statement: unexpected argument “%s”."), argv[2]);
  if ((path = cp_cli_db_path_checked (TRUE)) == NULL)
    return CP_CLI_EXIT_FAILURE;
  statement = cp_statement_load (argv[1], &error);
  if (statement == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not read “%s”: %s"), argv[1], error->message);
  if (!choose_mapping (statement, argv[1]))
    return args.map != NULL ? CP_CLI_EXIT_USAGE : CP_CLI_EXIT_FAILURE;
  store = cp_store_open_full (path, args.dry_run ? CP_STORE_OPEN_READ_ONLY : CP_STORE_OPEN_DEFAULT, 0, &error);
  if (store == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not open “%s”: %s"), path, error->message);
  return run_import (store, statement, argv[1]);
}
