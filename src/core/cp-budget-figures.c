/* cp-budget-figures.c — one plan's budget: planned, spent, committed,
 * remaining, a projection and warnings in words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are written out in cp-budget-figures.h. Four small queries
 * per plan: the plan's dates, its streams, its lines, and one GROUP BY
 * over its payments that the covering index payment_plan_line answers
 * without reading the payment table.
 */
#define G_LOG_DOMAIN "cp-budget"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cp-budget-categories.h"
#include "cp-budget-figures.h"
#include "cp-budget-rules.h"
#include "cp-budget-summary.h"
#include "cp-date.h"
#include "cp-enum-types.h"
#include "cp-money.h"

/* A projection over less than four weeks of spending says more about
 * when the first invoices arrived than about the year: no warning yet. */
#define PROJECTION_MIN_DAYS 28

static const char plan_sql[] =
  "SELECT year_start, year_end FROM plan WHERE id = ?1";

static const char streams_sql[] =
  "SELECT id, funder, name, indicative_pence, agreed_pence, management, frequency,"
  "       period_start, period_end"
  " FROM funding_stream WHERE plan_id = ?1 AND deleted = 0"
  " ORDER BY funder, created_at, id";

static const char lines_sql[] =
  "SELECT id, stream_id, outcome_id, category, description, amount_pence, period"
  " FROM budget_line WHERE plan_id = ?1 AND deleted = 0"
  " ORDER BY created_at, id";

/* Answered from the covering index payment_plan_line (schema step 5). */
static const char spent_sql[] =
  "SELECT budget_line_id, stream_id, sum (amount_pence), count (*)"
  " FROM payment WHERE plan_id = ?1 AND deleted = 0"
  " GROUP BY budget_line_id, stream_id";

/* ---------------------------------------------------------------------
 * Calendar arithmetic
 * ------------------------------------------------------------------- */

static gboolean
parse_date (const char *iso, GDate *out)
{
  g_autoptr(GDate) date = NULL;

  if (iso == NULL || *iso == '\0')
    return FALSE;
  date = cp_date_parse_iso (iso, NULL);
  if (date == NULL)
    return FALSE;
  *out = *date;
  return TRUE;
}

/* Whole @step-month units from @start up to the day after @end. */
static gint64
whole_months (const GDate *start, const GDate *end, guint step)
{
  GDate after = *end;
  gint64 months;
  gint64 units;
  GDate probe;

  if (g_date_compare (end, start) < 0)
    return 0;
  g_date_add_days (&after, 1);
  months = ((gint64) g_date_get_year (&after) - g_date_get_year (start)) * 12 +
           ((gint64) g_date_get_month (&after) - g_date_get_month (start));
  units = months / step;
  while (units > 0)
    {
      probe = *start;
      g_date_add_months (&probe, (guint) (units * step));
      if (g_date_compare (&probe, &after) <= 0)
        break;
      units--;
    }
  return units;
}

static gint64
days_between (const GDate *start, const GDate *end)
{
  return (gint64) g_date_get_julian (end) - (gint64) g_date_get_julian (start) + 1;
}

/* How many times @period recurs from @start to @end (both included). */
static gint64
periods_in (CpPeriod period, const GDate *start, const GDate *end)
{
  switch (period)
    {
    case CP_PERIOD_WEEK:    return MAX (0, days_between (start, end)) / 7;
    case CP_PERIOD_MONTH:   return whole_months (start, end, 1);
    case CP_PERIOD_YEAR:    return MAX (1, whole_months (start, end, 12));
    case CP_PERIOD_ONE_OFF:
    default:                return 1;
    }
}

gint64
cp_budget_annualise (gint64 amount_pence, CpPeriod period, const char *start, const char *end)
{
  GDate from, to;

  if (!parse_date (start, &from) || !parse_date (end, &to) || g_date_compare (&to, &from) < 0)
    {
      switch (period)
        {
        case CP_PERIOD_WEEK:  return amount_pence * 52;
        case CP_PERIOD_MONTH: return amount_pence * 12;
        default:              return amount_pence;
        }
    }
  return amount_pence * periods_in (period, &from, &to);
}

/* What a weekly or monthly line still owes after @today until @end. */
static gint64
committed_after (gint64 amount, CpPeriod period, const GDate *today, const GDate *start,
                 const GDate *end)
{
  GDate from;

  if (period != CP_PERIOD_WEEK && period != CP_PERIOD_MONTH)
    return 0;
  if (g_date_compare (today, start) < 0)
    from = *start;
  else
    {
      from = *today;
      g_date_add_days (&from, 1);
    }
  if (g_date_compare (&from, end) > 0)
    return 0;
  return amount * periods_in (period, &from, end);
}

/* ---------------------------------------------------------------------
 * Names in plain words
 * ------------------------------------------------------------------- */

const char *
cp_budget_funder_name (CpFunder funder)
{
  switch (funder)
    {
    case CP_FUNDER_NHS:         return _("NHS");
    case CP_FUNDER_SOCIAL_CARE: return _("Council social care");
    case CP_FUNDER_EDUCATION:   return _("Education");
    case CP_FUNDER_OTHER:
    default:                    return _("Other");
    }
}

const char *
cp_budget_management_name (CpManagement management)
{
  switch (management)
    {
    case CP_MANAGEMENT_NOTIONAL:        return _("Notional (arranged for me)");
    case CP_MANAGEMENT_THIRD_PARTY:     return _("Third party (Individual Service Fund)");
    case CP_MANAGEMENT_DIRECT_PAYMENT:  return _("Direct payment");
    case CP_MANAGEMENT_MANAGED_ACCOUNT: return _("Managed account");
    case CP_MANAGEMENT_PREPAID_CARD:
    default:                            return _("Prepaid card");
    }
}

const char *
cp_budget_frequency_name (CpFrequency frequency)
{
  switch (frequency)
    {
    case CP_FREQUENCY_WEEKLY:      return _("Every week");
    case CP_FREQUENCY_FOUR_WEEKLY: return _("Every four weeks");
    case CP_FREQUENCY_MONTHLY:     return _("Every month");
    case CP_FREQUENCY_QUARTERLY:   return _("Every three months");
    case CP_FREQUENCY_ANNUAL:      return _("Once a year");
    case CP_FREQUENCY_ONE_OFF:
    default:                       return _("Once only");
    }
}

const char *
cp_budget_period_name (CpPeriod period)
{
  switch (period)
    {
    case CP_PERIOD_WEEK:    return _("a week");
    case CP_PERIOD_MONTH:   return _("a month");
    case CP_PERIOD_YEAR:    return _("a year");
    case CP_PERIOD_ONE_OFF:
    default:                return _("once");
    }
}

static const char *
stream_display_name (const CpStreamFigures *stream)
{
  return (stream->name != NULL && *stream->name != '\0') ? stream->name
                                                          : cp_budget_funder_name (stream->funder);
}

char *
cp_budget_stream_gap_sentence (const CpStreamFigures *stream)
{
  g_autofree char *gap = cp_money_format (ABS (stream->gap_pence));
  g_autofree char *agreed = cp_money_format (stream->agreed_pence);

  g_return_val_if_fail (stream != NULL, NULL);

  if (stream->gap_pence < 0)
    return g_strdup_printf (_("The lines plan %s more than the %s agreed."), gap, agreed);
  if (stream->gap_pence > 0)
    return g_strdup_printf (_("%s of the %s agreed is not planned on any line yet."), gap, agreed);
  return g_strdup (_("The lines plan exactly the amount agreed."));
}

/* ---------------------------------------------------------------------
 * Freeing
 * ------------------------------------------------------------------- */

static void
line_free (gpointer data)
{
  CpLineFigures *line = data;

  g_free (line->id);
  g_free (line->stream_id);
  g_free (line->outcome_id);
  g_free (line->category);
  g_free (line->description);
  g_free (line);
}

static void
stream_free (gpointer data)
{
  CpStreamFigures *stream = data;

  g_free (stream->id);
  g_free (stream->name);
  g_free (stream->period_start);
  g_free (stream->period_end);
  g_free (stream);
}

static void
warning_free (gpointer data)
{
  CpBudgetWarning *warning = data;

  g_free (warning->subject_id);
  g_free (warning->message);
  g_free (warning);
}

void
cp_budget_figures_free (CpBudgetFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->plan_id);
  g_free (figures->year_start);
  g_free (figures->year_end);
  g_free (figures->today);
  g_clear_pointer (&figures->streams, g_ptr_array_unref);
  g_clear_pointer (&figures->lines, g_ptr_array_unref);
  g_clear_pointer (&figures->warnings, g_ptr_array_unref);
  g_free (figures);
}

/* ---------------------------------------------------------------------
 * Reading the rows
 * ------------------------------------------------------------------- */

static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

static int
enum_from_nick (GType type, sqlite3_stmt *stmt, int column)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  const char *nick = (const char *) sqlite3_column_text (stmt, column);
  GEnumValue *value = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return value != NULL ? value->value : 0;
}

static gboolean
finish (CpStore *store, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return cp_store_set_error_from_db (store, rc, error);
  return TRUE;
}

static gboolean
read_plan (CpStore *store, CpBudgetFigures *figures, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, plan_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, figures->plan_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      figures->year_start = column_dup (stmt, 0);
      figures->year_end = column_dup (stmt, 1);
    }
  if (rc == SQLITE_DONE)
    {
      finish (store, stmt, rc, error);
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                   _("No plan has the id “%s”."), figures->plan_id);
      return FALSE;
    }
  return finish (store, stmt, rc, error);
}

static gboolean
read_streams (CpStore *store, CpBudgetFigures *figures, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, streams_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, figures->plan_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpStreamFigures *stream = g_new0 (CpStreamFigures, 1);

      stream->id = column_dup (stmt, 0);
      stream->funder = enum_from_nick (CP_TYPE_FUNDER, stmt, 1);
      stream->name = column_dup (stmt, 2);
      stream->indicative_pence = sqlite3_column_int64 (stmt, 3);
      stream->agreed_pence = sqlite3_column_int64 (stmt, 4);
      stream->management = enum_from_nick (CP_TYPE_MANAGEMENT, stmt, 5);
      stream->frequency = enum_from_nick (CP_TYPE_FREQUENCY, stmt, 6);
      /* A stream's period defaults to the plan's year of care. */
      stream->period_start = column_dup (stmt, 7);
      stream->period_end = column_dup (stmt, 8);
      if (stream->period_start == NULL)
        stream->period_start = g_strdup (figures->year_start);
      if (stream->period_end == NULL)
        stream->period_end = g_strdup (figures->year_end);
      g_ptr_array_add (figures->streams, stream);
    }
  return finish (store, stmt, rc, error);
}

static gboolean
read_lines (CpStore *store, CpBudgetFigures *figures, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, lines_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, figures->plan_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpLineFigures *line = g_new0 (CpLineFigures, 1);

      line->id = column_dup (stmt, 0);
      line->stream_id = column_dup (stmt, 1);
      line->outcome_id = column_dup (stmt, 2);
      line->category = column_dup (stmt, 3);
      line->description = column_dup (stmt, 4);
      line->amount_pence = sqlite3_column_int64 (stmt, 5);
      line->period = enum_from_nick (CP_TYPE_PERIOD, stmt, 6);
      line->contingency = cp_budget_category_is_contingency (line->category);
      g_ptr_array_add (figures->lines, line);
    }
  return finish (store, stmt, rc, error);
}

static CpLineFigures *
find_line (CpBudgetFigures *figures, const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < figures->lines->len; i++)
    {
      CpLineFigures *line = g_ptr_array_index (figures->lines, i);
      if (g_str_equal (line->id, id))
        return line;
    }
  return NULL;
}

static CpStreamFigures *
find_stream (CpBudgetFigures *figures, const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < figures->streams->len; i++)
    {
      CpStreamFigures *stream = g_ptr_array_index (figures->streams, i);
      if (g_str_equal (stream->id, id))
        return stream;
    }
  return NULL;
}

/* A payment counts against its own stream, or its line's when it names none. */
static void
add_spent (CpBudgetFigures *figures, const char *line_id, const char *stream_id,
           gint64 sum, gint64 count)
{
  CpLineFigures *line = find_line (figures, line_id);
  CpStreamFigures *stream = find_stream (figures, stream_id);

  figures->spent_pence += sum;
  if (line != NULL)
    {
      line->spent_pence += sum;
      line->payment_count += count;
    }
  else
    figures->unallocated_spent_pence += sum;
  if (stream == NULL && stream_id == NULL && line != NULL)
    stream = find_stream (figures, line->stream_id);
  if (stream != NULL)
    stream->spent_pence += sum;
}

static gboolean
read_spent (CpStore *store, CpBudgetFigures *figures, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, spent_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, figures->plan_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_spent (figures,
               (const char *) sqlite3_column_text (stmt, 0),
               (const char *) sqlite3_column_text (stmt, 1),
               sqlite3_column_int64 (stmt, 2),
               sqlite3_column_int64 (stmt, 3));
  return finish (store, stmt, rc, error);
}

/* ---------------------------------------------------------------------
 * Working out the figures
 * ------------------------------------------------------------------- */

/* A line is planned over its stream's period, or the plan's year. */
static void
line_period (CpBudgetFigures *figures, const CpLineFigures *line,
             const char **start, const char **end)
{
  CpStreamFigures *stream = find_stream (figures, line->stream_id);

  *start = stream ? stream->period_start : figures->year_start;
  *end = stream ? stream->period_end : figures->year_end;
}

static void
compute_line (CpBudgetFigures *figures, CpLineFigures *line, const GDate *today)
{
  const char *start_iso, *end_iso;
  GDate start, end;

  line_period (figures, line, &start_iso, &end_iso);
  line->planned_pence = cp_budget_annualise (line->amount_pence, line->period, start_iso, end_iso);
  line->remaining_pence = line->planned_pence - line->spent_pence;
  if (parse_date (start_iso, &start) && parse_date (end_iso, &end))
    line->committed_pence = committed_after (line->amount_pence, line->period, today, &start, &end);
  line->committed_pence = CLAMP (line->committed_pence, 0, MAX (0, line->remaining_pence));
}

static void
compute_totals (CpBudgetFigures *figures, const GDate *today)
{
  for (guint i = 0; i < figures->lines->len; i++)
    {
      CpLineFigures *line = g_ptr_array_index (figures->lines, i);
      CpStreamFigures *stream = find_stream (figures, line->stream_id);

      compute_line (figures, line, today);
      figures->planned_pence += line->planned_pence;
      figures->committed_pence += line->committed_pence;
      if (stream != NULL)
        {
          stream->planned_pence += line->planned_pence;
          stream->committed_pence += line->committed_pence;
        }
    }
  for (guint i = 0; i < figures->streams->len; i++)
    {
      CpStreamFigures *stream = g_ptr_array_index (figures->streams, i);

      stream->gap_pence = stream->agreed_pence - stream->planned_pence;
      stream->remaining_pence = stream->agreed_pence - stream->spent_pence;
      figures->agreed_pence += stream->agreed_pence;
      figures->indicative_pence += stream->indicative_pence;
    }
  figures->remaining_pence = figures->agreed_pence - figures->spent_pence;
}

/* Days of the year and how many of them have passed by @today. */
static void
compute_projection (CpBudgetFigures *figures, const GDate *today)
{
  GDate start, end;
  gint64 days, elapsed;

  if (!parse_date (figures->year_start, &start) || !parse_date (figures->year_end, &end) ||
      g_date_compare (&end, &start) < 0)
    return;
  days = days_between (&start, &end);
  elapsed = CLAMP (days_between (&start, today), 0, days);
  figures->days_in_year = (guint) days;
  figures->days_elapsed = (guint) elapsed;
  if (elapsed == 0)
    return;
  figures->has_projection = TRUE;
  /* Rounded to the nearest penny; pence × days stays far inside gint64. */
  figures->projected_pence = (figures->spent_pence * days + elapsed / 2) / elapsed;
}

/* ---------------------------------------------------------------------
 * Warnings
 * ------------------------------------------------------------------- */

static void
warn (CpBudgetFigures *figures, CpBudgetWarningKind kind, gint64 amount, const char *subject,
      char *message)
{
  CpBudgetWarning *warning = g_new0 (CpBudgetWarning, 1);

  warning->kind = kind;
  warning->amount_pence = amount;
  warning->subject_id = g_strdup (subject);
  warning->message = message;
  g_ptr_array_add (figures->warnings, warning);
}

static char *
long_date (const char *iso)
{
  GDate date;

  return parse_date (iso, &date) ? cp_date_format_long (&date) : g_strdup (iso ? iso : "");
}

static void
warn_overspent (CpBudgetFigures *figures)
{
  if (figures->agreed_pence > 0 && figures->spent_pence > figures->agreed_pence)
    {
      g_autofree char *over = cp_money_format (figures->spent_pence - figures->agreed_pence);
      g_autofree char *budget = cp_money_format (figures->agreed_pence);

      warn (figures, CP_BUDGET_WARNING_OVERSPENT, figures->spent_pence - figures->agreed_pence, NULL,
            g_strdup_printf (_("You have already spent %s more than your budget of %s."), over, budget));
    }
  for (guint i = 0; i < figures->streams->len; i++)
    {
      CpStreamFigures *stream = g_ptr_array_index (figures->streams, i);
      g_autofree char *over = NULL;

      if (stream->agreed_pence <= 0 || stream->spent_pence <= stream->agreed_pence)
        continue;
      over = cp_money_format (stream->spent_pence - stream->agreed_pence);
      warn (figures, CP_BUDGET_WARNING_OVERSPENT, stream->spent_pence - stream->agreed_pence, stream->id,
            g_strdup_printf (_("%s: %s more has been spent than was agreed."),
                             stream_display_name (stream), over));
    }
  for (guint i = 0; i < figures->lines->len; i++)
    {
      CpLineFigures *line = g_ptr_array_index (figures->lines, i);
      g_autofree char *over = NULL;
      g_autofree char *planned = NULL;

      if (line->planned_pence <= 0 || line->spent_pence <= line->planned_pence)
        continue;
      over = cp_money_format (line->spent_pence - line->planned_pence);
      planned = cp_money_format (line->planned_pence);
      warn (figures, CP_BUDGET_WARNING_OVERSPENT, line->spent_pence - line->planned_pence, line->id,
            g_strdup_printf (_("%s: %s more has been spent than the %s planned for the year."),
                             cp_budget_category_name (line->category), over, planned));
    }
}

/* Warned only when it matters: over 1% of the budget, after four weeks,
 * and not already overspent (that warning says more). */
static void
warn_projection (CpBudgetFigures *figures)
{
  gint64 over = figures->projected_pence - figures->agreed_pence;
  g_autofree char *amount = NULL;
  g_autofree char *end = NULL;

  if (!figures->has_projection || figures->days_elapsed < PROJECTION_MIN_DAYS ||
      figures->days_elapsed >= figures->days_in_year || figures->agreed_pence <= 0 ||
      figures->spent_pence > figures->agreed_pence || over * 100 <= figures->agreed_pence)
    return;
  amount = cp_money_format (over);
  end = long_date (figures->year_end);
  warn (figures, CP_BUDGET_WARNING_PROJECTED_OVERSPEND, over, NULL,
        g_strdup_printf (_("At this rate you will spend %s more than your budget by %s."), amount, end));
}

static void
warn_allocation (CpBudgetFigures *figures, gboolean over)
{
  for (guint i = 0; i < figures->streams->len; i++)
    {
      CpStreamFigures *stream = g_ptr_array_index (figures->streams, i);
      g_autofree char *gap = NULL;

      /* Pennies of rounding are no news; money left unplanned is worth
       * saying from 0.5% of the stream, any overplanning from £1. */
      if (over ? stream->gap_pence > -100
               : stream->gap_pence < 100 || stream->gap_pence * 200 < stream->agreed_pence)
        continue;
      gap = cp_budget_stream_gap_sentence (stream);
      warn (figures, over ? CP_BUDGET_WARNING_OVER_ALLOCATED : CP_BUDGET_WARNING_UNDER_ALLOCATED,
            ABS (stream->gap_pence), stream->id,
            g_strdup_printf ("%s: %s", stream_display_name (stream), gap));
    }
}

/* Clawback: councils may reclaim a surplus of more than 8 weeks' funding
 * (St Helens; Richmond allows 8 × the weekly payment; a Dorset ISF 4 ×
 * the weekly budget) — plans-and-budgets.md §2.2, "Contingency and
 * clawback". The money received so far is taken as the agreed amount
 * pro rata to the days of the stream's period gone by; a notional
 * stream holds no money, so nothing of it can be reclaimed. */
static void
warn_surplus_of (CpBudgetFigures *figures, CpStreamFigures *stream, const GDate *today, guint weeks)
{
  GDate start, end;
  gint64 days, elapsed, received, unspent, allowed;
  g_autofree char *unspent_text = NULL;
  g_autofree char *allowed_text = NULL;

  if (stream->management == CP_MANAGEMENT_NOTIONAL || stream->agreed_pence <= 0 ||
      !parse_date (stream->period_start, &start) || !parse_date (stream->period_end, &end) ||
      g_date_compare (&end, &start) < 0)
    return;
  days = days_between (&start, &end);
  elapsed = CLAMP (days_between (&start, today), 0, days);
  received = stream->agreed_pence * elapsed / days;
  unspent = received - stream->spent_pence;
  allowed = stream->agreed_pence * 7 * weeks / days;
  if (elapsed == 0 || unspent <= allowed)
    return;
  unspent_text = cp_money_format (unspent);
  allowed_text = cp_money_format (allowed);
  warn (figures, CP_BUDGET_WARNING_SURPLUS, unspent - allowed, stream->id,
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%s: %s is unspent, more than %u week of funding (%s). "
                                      "The funder may ask for the money above that back.",
                                      "%s: %s is unspent, more than %u weeks of funding (%s). "
                                      "The funder may ask for the money above that back.",
                                      weeks),
                         stream_display_name (stream), unspent_text, weeks, allowed_text));
}

/* Worcestershire's annual check covers the contingency money
 * (plans-and-budgets.md §2.2): say when none has been touched a quarter
 * of the way into the year, so it is a decision and not a surprise. */
static void
warn_contingency (CpBudgetFigures *figures)
{
  if (figures->days_in_year == 0 || figures->days_elapsed * 4 < figures->days_in_year)
    return;
  for (guint i = 0; i < figures->lines->len; i++)
    {
      CpLineFigures *line = g_ptr_array_index (figures->lines, i);
      g_autofree char *planned = NULL;

      if (!line->contingency || line->planned_pence <= 0 || line->payment_count > 0)
        continue;
      planned = cp_money_format (line->planned_pence);
      warn (figures, CP_BUDGET_WARNING_CONTINGENCY_UNTOUCHED, line->planned_pence, line->id,
            g_strdup_printf (_("Nothing has been spent from the contingency (%s) so far. That is fine "
                               "if nothing went wrong; it is checked at the annual review, and money "
                               "not needed may be asked back."), planned));
    }
}

static void
compute_warnings (CpStore *store, CpBudgetFigures *figures, const GDate *today)
{
  guint weeks = cp_budget_rules_get_surplus_weeks (store);

  warn_overspent (figures);
  warn_projection (figures);
  warn_allocation (figures, TRUE);
  for (guint i = 0; i < figures->streams->len; i++)
    warn_surplus_of (figures, g_ptr_array_index (figures->streams, i), today, weeks);
  warn_contingency (figures);
  warn_allocation (figures, FALSE);
}

/* ---------------------------------------------------------------------
 * Public
 * ------------------------------------------------------------------- */

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

CpBudgetFigures *
cp_budget_figures_load (CpStore *store, const char *plan_id, const char *today, GError **error)
{
  g_autoptr(CpBudgetFigures) figures = NULL;
  GDate day;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  figures = g_new0 (CpBudgetFigures, 1);
  figures->plan_id = g_strdup (plan_id);
  figures->today = today != NULL ? g_strdup (today) : today_iso ();
  figures->streams = g_ptr_array_new_with_free_func (stream_free);
  figures->lines = g_ptr_array_new_with_free_func (line_free);
  figures->warnings = g_ptr_array_new_with_free_func (warning_free);
  if (!parse_date (figures->today, &day))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("“%s” is not a date written as YYYY-MM-DD."), figures->today);
      return NULL;
    }
  if (!read_plan (store, figures, error) || !read_streams (store, figures, error) ||
      !read_lines (store, figures, error) || !read_spent (store, figures, error))
    return NULL;
  compute_totals (figures, &day);
  compute_projection (figures, &day);
  compute_warnings (store, figures, &day);
  return g_steal_pointer (&figures);
}

gboolean
cp_budget_figures_load_for_person (CpStore *store, const char *person_id, const char *today,
                                   CpBudgetFigures **figures, GError **error)
{
  CpBudgetSummary summary;
  gboolean has_plan;

  g_return_val_if_fail (figures != NULL, FALSE);

  *figures = NULL;
  if (!cp_budget_summary_load (store, person_id, today, &summary, error))
    return FALSE;
  has_plan = summary.has_plan;
  if (has_plan)
    *figures = cp_budget_figures_load (store, summary.plan_id, today, error);
  cp_budget_summary_clear (&summary);
  return !has_plan || *figures != NULL;
}

GPtrArray *
cp_budget_figures_lines_of_stream (CpBudgetFigures *figures, const char *stream_id)
{
  GPtrArray *lines = g_ptr_array_new ();

  g_return_val_if_fail (figures != NULL, lines);

  for (guint i = 0; i < figures->lines->len; i++)
    {
      CpLineFigures *line = g_ptr_array_index (figures->lines, i);
      gboolean orphan = find_stream (figures, line->stream_id) == NULL;

      if (stream_id == NULL ? orphan : g_strcmp0 (line->stream_id, stream_id) == 0)
        g_ptr_array_add (lines, line);
    }
  return lines;
}

const CpStreamFigures *
cp_budget_figures_find_stream (CpBudgetFigures *figures, const char *stream_id)
{
  g_return_val_if_fail (figures != NULL, NULL);
  return find_stream (figures, stream_id);
}

const CpLineFigures *
cp_budget_figures_find_line (CpBudgetFigures *figures, const char *line_id)
{
  g_return_val_if_fail (figures != NULL, NULL);
  return find_line (figures, line_id);
}
