/* cp-cli-report.c — coplan-cli report: one person's budget figures
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same figures as the Budget tab (cp-budget-figures): per line, per
 * stream and for the plan, the projection and the warnings, as text a
 * person reads or as CSV for a spreadsheet.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "coplan-core.h"
#include "cp-cli.h"

static char *person_id;
static char *today;
static gboolean as_csv;

static const GOptionEntry report_entries[] = {
  { "person", 0, 0, G_OPTION_ARG_STRING, &person_id, N_("The person's id (see `coplan-cli list`)"), N_("ID") },
  { "csv", 0, 0, G_OPTION_ARG_NONE, &as_csv, N_("Write CSV instead of text"), NULL },
  { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("Work the figures out as on this day (YYYY-MM-DD)"), N_("DATE") },
  { NULL }
};

/* ---------------------------------------------------------------------
 * Text: aligned columns (widths in characters, not bytes: £ and − are
 * more than one byte)
 * ------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *rows;   /* of GStrv */
  guint      n_columns;
} Table;

static void
table_add (Table *table, ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;
  const char *cell;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      cell = va_arg (args, const char *);
      g_ptr_array_add (cells, g_strdup (cell != NULL ? cell : ""));
    }
  va_end (args);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (table->rows, g_ptr_array_free (cells, FALSE));
}

static void
print_padded (const char *text, guint width, gboolean right)
{
  guint length = (guint) g_utf8_strlen (text, -1);
  guint pad = width > length ? width - length : 0;

  if (right)
    printf ("%*s%s", (int) pad, "", text);
  else
    printf ("%s%*s", text, (int) pad, "");
}

/* The first column reads left to right, the money columns line up right. */
static void
table_print (Table *table, const char *indent)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (cells[c], -1));
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);

      printf ("%s", indent);
      for (guint c = 0; c < table->n_columns; c++)
        {
          if (c > 0)
            printf ("  ");
          print_padded (cells[c], widths[c], c > 0);
        }
      printf ("\n");
    }
  g_ptr_array_set_size (table->rows, 0);
}

static char *
money (gint64 pence)
{
  return cp_money_format (pence);
}

static char *
long_date (const char *iso)
{
  g_autoptr(GDate) date = iso ? cp_date_parse_iso (iso, NULL) : NULL;

  return date != NULL ? cp_date_format_long (date) : g_strdup (_("not set"));
}

static void
print_year (CpBudgetFigures *figures)
{
  g_autofree char *start = long_date (figures->year_start);
  g_autofree char *end = long_date (figures->year_end);

  printf (_("Year of care: %s to %s"), start, end);
  if (figures->days_in_year > 0)
    printf (_(" (day %u of %u)"), figures->days_elapsed, figures->days_in_year);
  printf ("\n");
}

static void
print_totals (CpBudgetFigures *figures)
{
  Table table = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev), 2 };
  g_autofree char *agreed = money (figures->agreed_pence);
  g_autofree char *indicative = money (figures->indicative_pence);
  g_autofree char *planned = money (figures->planned_pence);
  g_autofree char *spent = money (figures->spent_pence);
  g_autofree char *committed = money (figures->committed_pence);
  g_autofree char *remaining = money (figures->remaining_pence);
  g_autofree char *projected = money (figures->projected_pence);

  printf ("\n%s\n", _("Plan totals"));
  table_add (&table, _("Budget (agreed)"), agreed);
  table_add (&table, _("Indicative"), indicative);
  table_add (&table, _("Planned on lines"), planned);
  table_add (&table, _("Spent"), spent);
  table_add (&table, _("Committed"), committed);
  table_add (&table, _("Remaining"), remaining);
  if (figures->unallocated_spent_pence != 0)
    {
      g_autofree char *unallocated = money (figures->unallocated_spent_pence);
      table_add (&table, _("Spent on no budget line"), unallocated);
    }
  if (figures->has_projection)
    table_add (&table, _("Projected spending by the end of the year"), projected);
  table_print (&table, "  ");
  g_ptr_array_unref (table.rows);
}

static void
add_line_row (Table *table, const CpLineFigures *line)
{
  g_autofree char *amount = money (line->amount_pence);
  g_autofree char *per = g_strdup_printf ("%s %s", amount, cp_budget_period_name (line->period));
  g_autofree char *planned = money (line->planned_pence);
  g_autofree char *spent = money (line->spent_pence);
  g_autofree char *committed = money (line->committed_pence);
  g_autofree char *remaining = money (line->remaining_pence);
  g_autofree char *name = NULL;

  if (line->description != NULL && *line->description != '\0')
    name = g_strdup_printf ("%s: %s", cp_budget_category_name (line->category), line->description);
  else
    name = g_strdup (cp_budget_category_name (line->category));
  table_add (table, name, per, planned, spent, committed, remaining);
}

static void
print_stream (CpBudgetFigures *figures, const CpStreamFigures *stream)
{
  Table table = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev), 6 };
  g_autoptr(GPtrArray) lines = cp_budget_figures_lines_of_stream (figures, stream ? stream->id : NULL);
  g_autofree char *gap = stream ? cp_budget_stream_gap_sentence (stream) : NULL;

  if (stream == NULL && lines->len == 0)
    return;
  if (stream != NULL)
    {
      g_autofree char *agreed = money (stream->agreed_pence);
      g_autofree char *spent = money (stream->spent_pence);
      g_autofree char *committed = money (stream->committed_pence);
      g_autofree char *remaining = money (stream->remaining_pence);
      g_autofree char *start = long_date (stream->period_start);
      g_autofree char *end = long_date (stream->period_end);

      if (*stream->name != '\0')
        printf ("\n%s — %s\n", cp_budget_funder_name (stream->funder), stream->name);
      else
        printf ("\n%s\n", cp_budget_funder_name (stream->funder));
      printf ("  %s; %s\n", cp_budget_management_name (stream->management),
              cp_budget_frequency_name (stream->frequency));
      printf (_("  Period: %s to %s\n"), start, end);
      printf (_("  Agreed %s, spent %s, committed %s, remaining %s.\n"), agreed, spent, committed, remaining);
      printf ("  %s\n", gap);
    }
  else
    printf ("\n%s\n", _("Lines on no funding stream"));
  if (lines->len == 0)
    {
      printf ("  %s\n", _("No budget lines yet."));
      g_ptr_array_unref (table.rows);
      return;
    }
  table_add (&table, _("Line"), _("Amount"), _("Planned"), _("Spent"), _("Committed"), _("Remaining"));
  for (guint i = 0; i < lines->len; i++)
    add_line_row (&table, g_ptr_array_index (lines, i));
  table_print (&table, "    ");
  g_ptr_array_unref (table.rows);
}

static void
print_warnings (CpBudgetFigures *figures)
{
  printf ("\n%s\n", _("Warnings"));
  if (figures->warnings->len == 0)
    printf ("  %s\n", _("None: the budget is on track."));
  for (guint i = 0; i < figures->warnings->len; i++)
    {
      const CpBudgetWarning *warning = g_ptr_array_index (figures->warnings, i);
      printf ("  ! %s\n", warning->message);
    }
}

static void
print_text (CpPerson *person, CpBudgetFigures *figures)
{
  g_autofree char *name = cp_person_dup_display_name (person);

  printf (_("Budget for %s"), name);
  printf ("\n");
  print_year (figures);
  print_totals (figures);
  printf ("\n%s\n", _("Funding streams"));
  if (figures->streams->len == 0)
    printf ("  %s\n", _("No funding streams yet."));
  for (guint i = 0; i < figures->streams->len; i++)
    print_stream (figures, g_ptr_array_index (figures->streams, i));
  print_stream (figures, NULL);
  print_warnings (figures);
}

/* ---------------------------------------------------------------------
 * CSV (RFC 4180): one row per figure, money as plain pounds ("1234.56")
 * ------------------------------------------------------------------- */

static void
csv_cell (const char *text, gboolean last)
{
  const char *value = text != NULL ? text : "";

  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      printf ("\"");
      for (const char *c = value; *c; c++)
        printf (*c == '"' ? "\"\"" : "%c", *c);
      printf ("\"");
    }
  else
    printf ("%s", value);
  printf (last ? "\r\n" : ",");
}

static void
csv_money (gint64 pence)
{
  g_autofree char *plain = cp_money_format_plain (pence);
  csv_cell (plain, FALSE);
}

/* kind,id,stream_id,name,period,amount,planned,agreed,spent,committed,remaining,message */
static void
csv_row (const char *kind, const char *id, const char *stream_id, const char *name,
         const char *period, const gint64 money_cells[6], guint present, const char *message)
{
  csv_cell (kind, FALSE);
  csv_cell (id, FALSE);
  csv_cell (stream_id, FALSE);
  csv_cell (name, FALSE);
  csv_cell (period, FALSE);
  for (guint i = 0; i < 6; i++)
    {
      if (present & (1u << i))
        csv_money (money_cells[i]);
      else
        csv_cell ("", FALSE);
    }
  csv_cell (message, TRUE);
}

enum { M_AMOUNT = 1, M_PLANNED = 2, M_AGREED = 4, M_SPENT = 8, M_COMMITTED = 16, M_REMAINING = 32 };

static void
print_csv (CpBudgetFigures *figures)
{
  static const char *const kinds[] = { "overspent", "projected-overspend", "surplus",
                                       "contingency-untouched", "over-allocated", "under-allocated" };

  printf ("kind,id,stream_id,name,period,amount,planned,agreed,spent,committed,remaining,message\r\n");
  {
    gint64 cells[6] = { 0, figures->planned_pence, figures->agreed_pence, figures->spent_pence,
                        figures->committed_pence, figures->remaining_pence };
    g_autofree char *year = g_strdup_printf ("%s/%s", figures->year_start ? figures->year_start : "",
                                             figures->year_end ? figures->year_end : "");
    csv_row ("plan", figures->plan_id, NULL, NULL, year, cells,
             M_PLANNED | M_AGREED | M_SPENT | M_COMMITTED | M_REMAINING, NULL);
  }
  if (figures->unallocated_spent_pence != 0)
    {
      gint64 cells[6] = { 0, 0, 0, figures->unallocated_spent_pence, 0, 0 };
      csv_row ("no-line", figures->plan_id, NULL, NULL, NULL, cells, M_SPENT, NULL);
    }
  if (figures->has_projection)
    {
      gint64 cells[6] = { 0, 0, 0, figures->projected_pence, 0, 0 };
      csv_row ("projection", figures->plan_id, NULL, NULL, figures->year_end, cells, M_SPENT, NULL);
    }
  for (guint i = 0; i < figures->streams->len; i++)
    {
      const CpStreamFigures *s = g_ptr_array_index (figures->streams, i);
      gint64 cells[6] = { 0, s->planned_pence, s->agreed_pence, s->spent_pence, s->committed_pence,
                          s->remaining_pence };
      g_autofree char *gap = cp_budget_stream_gap_sentence (s);
      g_autofree char *period = g_strdup_printf ("%s/%s", s->period_start ? s->period_start : "",
                                                 s->period_end ? s->period_end : "");

      csv_row ("stream", s->id, NULL, *s->name ? s->name : cp_budget_funder_name (s->funder), period,
               cells, M_PLANNED | M_AGREED | M_SPENT | M_COMMITTED | M_REMAINING, gap);
    }
  for (guint i = 0; i < figures->lines->len; i++)
    {
      const CpLineFigures *l = g_ptr_array_index (figures->lines, i);
      gint64 cells[6] = { l->amount_pence, l->planned_pence, 0, l->spent_pence, l->committed_pence,
                          l->remaining_pence };

      csv_row ("line", l->id, l->stream_id, cp_budget_category_name (l->category),
               cp_budget_period_name (l->period), cells,
               M_AMOUNT | M_PLANNED | M_SPENT | M_COMMITTED | M_REMAINING, l->description);
    }
  for (guint i = 0; i < figures->warnings->len; i++)
    {
      const CpBudgetWarning *w = g_ptr_array_index (figures->warnings, i);
      gint64 cells[6] = { w->amount_pence, 0, 0, 0, 0, 0 };

      csv_row ("warning", w->subject_id, NULL, kinds[w->kind], NULL, cells, M_AMOUNT, w->message);
    }
}

/* ---------------------------------------------------------------------
 * The command
 * ------------------------------------------------------------------- */

static int
report (CpStore *store, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) person = cp_store_load (store, CP_TYPE_PERSON, person_id, &error);
  g_autoptr(CpBudgetFigures) figures = NULL;

  if (person == NULL || cp_record_get_deleted (CP_RECORD (person)))
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("report: no one on the caseload has the id “%s”. "
                                               "`coplan-cli list` shows everyone's id."), person_id);
  if (!cp_budget_figures_load_for_person (store, person_id, today, &figures, &error))
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not read “%s”: %s"), path, error->message);
  if (figures == NULL)
    {
      g_autofree char *name = cp_person_dup_display_name (person);
      if (!as_csv)
        printf (_("%s has no plan yet, so there is no budget to report.\n"), name);
      else
        printf ("kind,id,stream_id,name,period,amount,planned,agreed,spent,committed,remaining,message\r\n");
    }
  else if (as_csv)
    print_csv (figures);
  else
    print_text (person, figures);
  if (fflush (stdout) != 0)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not write the report: %s"), g_strerror (errno));
  return CP_CLI_EXIT_OK;
}

int
cp_cli_report (int argc, char **argv)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  int status;

  if (!cp_cli_parse_options ("report", "",
                             _("Prints one person's budget: each line, each funding stream, the plan's "
                               "totals, the projection to the end of the year of care, and warnings."),
                             report_entries, &argc, &argv))
    return CP_CLI_EXIT_USAGE;
  if (argc > 1)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("report: unexpected argument “%s”."), argv[1]);
  if (person_id == NULL || *person_id == '\0')
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("report: say whose budget with --person ID "
                                             "(`coplan-cli list` shows everyone's id)."));
  if (today != NULL && !cp_date_iso_is_valid (today, NULL))
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("report: --today must be a date written as YYYY-MM-DD, "
                                             "not “%s”."), today);
  if ((path = cp_cli_db_path_checked (TRUE)) == NULL)
    return CP_CLI_EXIT_FAILURE;
  /* Read-only: works while Coplan has the database open. */
  store = cp_store_open_full (path, CP_STORE_OPEN_READ_ONLY, 0, &error);
  if (store == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not open “%s”: %s"), path, error->message);
  status = report (store, path);
  g_clear_pointer (&person_id, g_free);
  g_clear_pointer (&today, g_free);
  return status;
}
