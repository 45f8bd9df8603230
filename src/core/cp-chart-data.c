/* cp-chart-data.c — the figures behind the spending charts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure is an SQL aggregate; payments are summed per line, per day
 * or per month inside SQLite, so a year of 100,000 payments costs a few
 * hundred result rows here.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cp-budget-categories.h"
#include "cp-budget-figures.h"
#include "cp-budget-summary.h"
#include "cp-chart-data.h"
#include "cp-date.h"
#include "cp-enum-types.h"
#include "cp-money.h"

static const char plan_sql[] =
  "SELECT year_start, year_end FROM plan WHERE id = ?1";

static const char sums_sql[] =
  "SELECT (SELECT ifnull (sum (agreed_pence), 0) FROM funding_stream WHERE plan_id = ?1 AND deleted = 0),"
  "       (SELECT ifnull (sum (amount_pence), 0) FROM payment WHERE plan_id = ?1 AND deleted = 0)";

/* Used when the plan has no year of care: the payments' own span. */
static const char span_sql[] =
  "SELECT min (paid_on), max (paid_on) FROM payment WHERE plan_id = ?1 AND deleted = 0";

/* Summed per line first, so the join touches a dozen rows, not every payment. */
static const char slices_sql[] =
  "SELECT ifnull (nullif (bl.category, ''), bl.description), sum (t.s) AS total"
  " FROM (SELECT budget_line_id AS line, sum (amount_pence) AS s FROM payment"
  "       WHERE plan_id = ?1 AND deleted = 0 GROUP BY budget_line_id) AS t"
  " LEFT JOIN budget_line AS bl ON bl.id = t.line"
  " GROUP BY 1 ORDER BY total DESC, 1";

/* Planned amounts are annualised in C by cp_budget_annualise(), the
 * Budget tab's rule. Payments on no live line come last, as one row. */
static const char lines_sql[] =
  "WITH t AS (SELECT budget_line_id AS line, sum (amount_pence) AS s FROM payment"
  "           WHERE plan_id = ?1 AND deleted = 0 GROUP BY budget_line_id)"
  " SELECT ifnull (nullif (bl.category, ''), bl.description), bl.amount_pence, bl.period,"
  "        ifnull (t.s, 0), 0 AS orphan"
  " FROM budget_line AS bl LEFT JOIN t ON t.line = bl.id"
  " WHERE bl.plan_id = ?1 AND bl.deleted = 0"
  " UNION ALL"
  " SELECT NULL, 0, 'one-off', sum (t.s), 1 FROM t"
  " LEFT JOIN budget_line AS bl ON bl.id = t.line AND bl.deleted = 0"
  " WHERE bl.id IS NULL HAVING count (*) > 0";

static const char days_sql[] =
  "SELECT paid_on, sum (amount_pence) FROM payment"
  " WHERE plan_id = ?1 AND deleted = 0 GROUP BY paid_on ORDER BY paid_on";

static const char streams_sql[] =
  "SELECT id, name, funder FROM funding_stream WHERE plan_id = ?1 AND deleted = 0"
  " ORDER BY agreed_pence DESC, name, id";

/* Grouped in the index's own order (plan, deleted, day …), so an index
 * holding paid_on, stream_id, budget_line_id and amount_pence answers it
 * alone; a payment without a stream of its own takes its line's, in C. */
static const char monthly_sql[] =
  "SELECT paid_on, stream_id, budget_line_id, sum (amount_pence) FROM payment"
  " WHERE plan_id = ?1 AND deleted = 0 GROUP BY paid_on, stream_id, budget_line_id";

static const char line_streams_sql[] =
  "SELECT id, stream_id FROM budget_line WHERE plan_id = ?1";

static void
slice_clear (gpointer data)
{
  g_free (((CpChartSlice *) data)->label);
}

static void
line_clear (gpointer data)
{
  g_free (((CpChartLine *) data)->label);
}

static CpChartData *
chart_data_new (void)
{
  CpChartData *data = g_new0 (CpChartData, 1);

  data->slices = g_array_new (FALSE, TRUE, sizeof (CpChartSlice));
  g_array_set_clear_func (data->slices, slice_clear);
  data->lines = g_array_new (FALSE, TRUE, sizeof (CpChartLine));
  g_array_set_clear_func (data->lines, line_clear);
  data->days = g_array_new (FALSE, TRUE, sizeof (CpChartDay));
  data->months = g_ptr_array_new_with_free_func (g_free);
  data->streams = g_ptr_array_new_with_free_func (g_free);
  data->n_days = 1;
  return data;
}

void
cp_chart_data_free (CpChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->plan_id);
  g_free (data->year_start);
  g_free (data->year_end);
  g_free (data->today);
  g_array_unref (data->slices);
  g_array_unref (data->lines);
  g_array_unref (data->days);
  g_ptr_array_unref (data->months);
  g_ptr_array_unref (data->streams);
  g_free (data->monthly_pence);
  g_free (data);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Days from @start to @iso; negative before it. */
static gint64
days_between (const GDate *start, const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate *date = cp_date_parse_iso (iso, &error);
  gint64 days;

  if (date == NULL)
    return 0;
  days = (gint64) g_date_get_julian (date) - (gint64) g_date_get_julian (start);
  g_date_free (date);
  return days;
}

static gboolean
step_error (CpStore *store, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  return cp_store_set_error_from_db (store, rc, error);
}

static sqlite3_stmt *
prepare_for_plan (CpStore *store, const char *sql, const char *plan_id, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, sql, error);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  return stmt;
}

static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
load_plan (CpStore *store, CpChartData *data, GError **error)
{
  sqlite3_stmt *stmt = prepare_for_plan (store, plan_sql, data->plan_id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      data->has_plan = TRUE;
      data->year_start = column_dup (stmt, 0);
      data->year_end = column_dup (stmt, 1);
      rc = SQLITE_DONE;
    }
  if (!step_error (store, stmt, rc, error))
    return FALSE;
  if (!data->has_plan)
    return TRUE;

  stmt = prepare_for_plan (store, sums_sql, data->plan_id, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      data->agreed_pence = sqlite3_column_int64 (stmt, 0);
      data->spent_pence = sqlite3_column_int64 (stmt, 1);
      rc = SQLITE_DONE;
    }
  return step_error (store, stmt, rc, error);
}

/* A plan without a year of care: the year from its first payment, or from today. */
static gboolean
fill_missing_year (CpStore *store, CpChartData *data, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *first = NULL;
  GDate *start;
  int rc;

  if (data->year_start != NULL && data->year_end != NULL &&
      cp_date_iso_is_valid (data->year_start, NULL) && cp_date_iso_is_valid (data->year_end, NULL) &&
      strcmp (data->year_start, data->year_end) <= 0)
    return TRUE;
  stmt = prepare_for_plan (store, span_sql, data->plan_id, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      first = column_dup (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!step_error (store, stmt, rc, error))
    return FALSE;
  start = cp_date_parse_iso (first != NULL ? first : data->today, NULL);
  g_free (data->year_start);
  data->year_start = cp_date_to_iso (start);
  g_date_add_years (start, 1);
  g_date_subtract_days (start, 1);
  g_free (data->year_end);
  data->year_end = cp_date_to_iso (start);
  g_date_free (start);
  return TRUE;
}

static void
compute_days (CpChartData *data)
{
  GDate *start = cp_date_parse_iso (data->year_start, NULL);
  gint64 n = days_between (start, data->year_end) + 1;
  gint64 today = days_between (start, data->today);

  data->n_days = (guint) CLAMP (n, 1, 3660);
  data->today_day = (guint) CLAMP (today, 0, (gint64) data->n_days - 1);
  g_date_free (start);
}

static gboolean
load_slices (CpStore *store, CpChartData *data, GError **error)
{
  sqlite3_stmt *stmt = prepare_for_plan (store, slices_sql, data->plan_id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *label = (const char *) sqlite3_column_text (stmt, 0);
      CpChartSlice slice = {
        g_strdup (label != NULL && *label != '\0' ? cp_budget_category_name (label) : _("Not on a budget line")),
        sqlite3_column_int64 (stmt, 1),
      };
      g_array_append_val (data->slices, slice);
    }
  return step_error (store, stmt, rc, error);
}

static CpPeriod
period_from_nick (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CP_TYPE_PERIOD);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick != NULL ? nick : "");

  return value != NULL ? (CpPeriod) value->value : CP_PERIOD_ONE_OFF;
}

/* Largest plan first; money on no line last. */
static int
compare_lines (gconstpointer a, gconstpointer b)
{
  const CpChartLine *x = a, *y = b;

  if (x->orphan != y->orphan)
    return x->orphan - y->orphan;
  if (x->planned_pence != y->planned_pence)
    return x->planned_pence > y->planned_pence ? -1 : 1;
  return g_strcmp0 (x->label, y->label);
}

static gboolean
load_lines (CpStore *store, CpChartData *data, GError **error)
{
  sqlite3_stmt *stmt = prepare_for_plan (store, lines_sql, data->plan_id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *label = (const char *) sqlite3_column_text (stmt, 0);
      gboolean orphan = sqlite3_column_int (stmt, 4) != 0;
      CpPeriod period = period_from_nick ((const char *) sqlite3_column_text (stmt, 2));
      CpChartLine line = {
        g_strdup (orphan ? _("Not on a budget line")
                  : label != NULL && *label != '\0' ? cp_budget_category_name (label) : _("Budget line")),
        cp_budget_annualise (sqlite3_column_int64 (stmt, 1), period, data->year_start, data->year_end),
        sqlite3_column_int64 (stmt, 3),
        orphan,
      };
      g_array_append_val (data->lines, line);
    }
  g_array_sort (data->lines, compare_lines);
  return step_error (store, stmt, rc, error);
}

/* Cumulative totals, clamped into the year so nothing falls off the chart. */
static gboolean
load_days (CpStore *store, CpChartData *data, GError **error)
{
  sqlite3_stmt *stmt = prepare_for_plan (store, days_sql, data->plan_id, error);
  GDate *start = cp_date_parse_iso (data->year_start, NULL);
  gint64 total = 0;
  int rc;

  if (stmt == NULL)
    {
      g_date_free (start);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 day = days_between (start, (const char *) sqlite3_column_text (stmt, 0));
      CpChartDay point = { (guint) CLAMP (day, 0, (gint64) data->n_days - 1), 0 };

      total += sqlite3_column_int64 (stmt, 1);
      point.cumulative_pence = total;
      if (data->days->len > 0 && g_array_index (data->days, CpChartDay, data->days->len - 1).day == point.day)
        g_array_index (data->days, CpChartDay, data->days->len - 1).cumulative_pence = total;
      else
        g_array_append_val (data->days, point);
    }
  g_date_free (start);
  return step_error (store, stmt, rc, error);
}

/* The Budget tab's projection (cp-budget-figures), drawn only while the
 * year is under way: before it there is no rate, after it no future. */
static gboolean
load_projection (CpStore *store, CpChartData *data, GError **error)
{
  g_autoptr(CpBudgetFigures) figures = cp_budget_figures_load (store, data->plan_id, data->today, error);
  g_autoptr(GDate) start = cp_date_parse_iso (data->year_start, NULL);
  gint64 today = days_between (start, data->today);

  if (figures == NULL)
    return FALSE;
  data->has_projection = figures->has_projection && today >= 0 && today < (gint64) data->n_days - 1;
  data->projected_pence = figures->projected_pence;
  return TRUE;
}

static char *
stream_label (const char *name, const char *funder)
{
  if (name != NULL && *name != '\0')
    return g_strdup (name);
  if (g_strcmp0 (funder, "nhs") == 0)
    return g_strdup (_("NHS"));
  if (g_strcmp0 (funder, "social-care") == 0)
    return g_strdup (_("Council social care"));
  if (g_strcmp0 (funder, "education") == 0)
    return g_strdup (_("Education"));
  return g_strdup (_("Other funding"));
}

static gboolean
load_streams (CpStore *store, CpChartData *data, GPtrArray *ids, GError **error)
{
  sqlite3_stmt *stmt = prepare_for_plan (store, streams_sql, data->plan_id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (ids, column_dup (stmt, 0));
      g_ptr_array_add (data->streams, stream_label ((const char *) sqlite3_column_text (stmt, 1),
                                                   (const char *) sqlite3_column_text (stmt, 2)));
    }
  return step_error (store, stmt, rc, error);
}

/* Every month of the year of care, so quiet months show as empty. */
static void
fill_months (CpChartData *data)
{
  g_autoptr(GDate) date = cp_date_parse_iso (data->year_start, NULL);
  g_autoptr(GDate) end = cp_date_parse_iso (data->year_end, NULL);

  g_date_set_day (date, 1);
  while (g_date_compare (date, end) <= 0 && data->months->len < 120)
    {
      g_ptr_array_add (data->months, g_strdup_printf ("%04u-%02u", g_date_get_year (date),
                                                      g_date_get_month (date)));
      g_date_add_months (date, 1);
    }
}

static int
find_string (GPtrArray *array, const char *text)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (array->pdata[i], text) == 0)
      return (int) i;
  return -1;
}

typedef struct
{
  char   *month;
  int     stream;
  gint64  pence;
} MonthlyRow;

static void
monthly_row_clear (gpointer data)
{
  g_free (((MonthlyRow *) data)->month);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Payments outside the year still count, in months of their own. */
static void
build_monthly (CpChartData *data, GArray *rows, gboolean has_unknown)
{
  guint n_streams;

  for (guint i = 0; i < rows->len; i++)
    {
      MonthlyRow *row = &g_array_index (rows, MonthlyRow, i);
      if (find_string (data->months, row->month) < 0)
        g_ptr_array_add (data->months, g_strdup (row->month));
    }
  g_ptr_array_sort (data->months, compare_strings);
  if (has_unknown)
    g_ptr_array_add (data->streams, g_strdup (_("No funding stream")));
  n_streams = data->streams->len;
  data->monthly_pence = g_new0 (gint64, MAX (data->months->len * n_streams, 1));
  for (guint i = 0; i < rows->len; i++)
    {
      MonthlyRow *row = &g_array_index (rows, MonthlyRow, i);
      int month = find_string (data->months, row->month);
      int stream = row->stream >= 0 ? row->stream : (int) n_streams - 1;

      data->monthly_pence[month * n_streams + stream] += row->pence;
    }
}

static gboolean
load_line_streams (CpStore *store, CpChartData *data, GHashTable *streams, GError **error)
{
  sqlite3_stmt *stmt = prepare_for_plan (store, line_streams_sql, data->plan_id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
      g_hash_table_insert (streams, column_dup (stmt, 0), column_dup (stmt, 1));
  return step_error (store, stmt, rc, error);
}

static gboolean
load_monthly (CpStore *store, CpChartData *data, GError **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (MonthlyRow));
  g_autoptr(GHashTable) line_streams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean has_unknown = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (rows, monthly_row_clear);
  if (!load_streams (store, data, ids, error) || !load_line_streams (store, data, line_streams, error))
    return FALSE;
  fill_months (data);
  stmt = prepare_for_plan (store, monthly_sql, data->plan_id, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);
      const char *stream = (const char *) sqlite3_column_text (stmt, 1);
      const char *line = (const char *) sqlite3_column_text (stmt, 2);
      MonthlyRow row;

      if (day == NULL || strlen (day) < 7)
        continue;
      if (stream == NULL && line != NULL)
        stream = g_hash_table_lookup (line_streams, line);
      row.month = g_strndup (day, 7);
      row.stream = find_string (ids, stream);
      row.pence = sqlite3_column_int64 (stmt, 3);
      has_unknown |= row.stream < 0;
      g_array_append_val (rows, row);
    }
  if (!step_error (store, stmt, rc, error))
    return FALSE;
  build_monthly (data, rows, has_unknown);
  return TRUE;
}

static gboolean
load_kinds (CpStore *store, CpChartData *data, guint kinds, GError **error)
{
  if ((kinds & (1u << CP_CHART_KIND_DONUT)) && !load_slices (store, data, error))
    return FALSE;
  if ((kinds & (1u << CP_CHART_KIND_BARS)) && !load_lines (store, data, error))
    return FALSE;
  if (kinds & (1u << CP_CHART_KIND_BURN))
    {
      if (!load_days (store, data, error) || !load_projection (store, data, error))
        return FALSE;
    }
  if ((kinds & (1u << CP_CHART_KIND_MONTHLY)) && !load_monthly (store, data, error))
    return FALSE;
  return TRUE;
}

/* The year, then each chart's figures, once the plan and its sums are known. */
static CpChartData *
finish_load (CpStore *store, CpChartData *data, guint kinds, GError **error)
{
  g_autoptr(CpChartData) owned = data;

  if (!owned->has_plan)
    return g_steal_pointer (&owned);
  if (!fill_missing_year (store, owned, error))
    return NULL;
  compute_days (owned);
  if (!load_kinds (store, owned, kinds, error))
    return NULL;
  return g_steal_pointer (&owned);
}

CpChartData *
cp_chart_data_load_plan (CpStore *store, const char *plan_id, const char *today,
                         guint kinds, GError **error)
{
  g_autoptr(CpChartData) data = chart_data_new ();

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  data->today = today != NULL ? g_strdup (today) : today_iso ();
  data->plan_id = g_strdup (plan_id);
  if (!load_plan (store, data, error))
    return NULL;
  return finish_load (store, g_steal_pointer (&data), kinds, error);
}

/* The budget summary has already found the plan and summed it. */
CpChartData *
cp_chart_data_load (CpStore *store, const char *person_id, const char *today,
                    guint kinds, GError **error)
{
  CpBudgetSummary summary;
  CpChartData *data;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  if (!cp_budget_summary_load (store, person_id, today, &summary, error))
    return NULL;
  data = chart_data_new ();
  data->today = today != NULL ? g_strdup (today) : today_iso ();
  data->has_plan = summary.has_plan;
  data->plan_id = g_steal_pointer (&summary.plan_id);
  data->year_start = g_steal_pointer (&summary.year_start);
  data->year_end = g_steal_pointer (&summary.year_end);
  data->agreed_pence = summary.agreed_pence;
  data->spent_pence = summary.spent_pence;
  cp_budget_summary_clear (&summary);
  return finish_load (store, data, kinds, error);
}

gint64
cp_chart_data_get_monthly (const CpChartData *data, guint month, guint stream)
{
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (month < data->months->len && stream < data->streams->len, 0);
  return data->monthly_pence[month * data->streams->len + stream];
}

gint64
cp_chart_data_planned_by (const CpChartData *data, guint day)
{
  g_return_val_if_fail (data != NULL, 0);
  day = MIN (day + 1, data->n_days);
  return data->agreed_pence * (gint64) day / (gint64) data->n_days;
}

char *
cp_chart_data_month_label (const CpChartData *data, guint month)
{
  const char *text;
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (data != NULL && month < data->months->len, NULL);
  text = data->months->pdata[month];
  date = g_date_time_new_utc (atoi (text), atoi (text + 5), 1, 0, 0, 0);
  if (date == NULL)
    return g_strdup (text);
  return g_date_time_format (date, "%B %Y");
}

static const char *const kind_names[] = { "donut", "bars", "burn", "monthly" };

const char *
cp_chart_kind_get_title (CpChartKind kind)
{
  switch (kind)
    {
    case CP_CHART_KIND_DONUT:   return _("Spending by category");
    case CP_CHART_KIND_BARS:    return _("Planned and spent, line by line");
    case CP_CHART_KIND_BURN:    return _("Spending through the year");
    case CP_CHART_KIND_MONTHLY: return _("Spending each month, by funding stream");
    case CP_CHART_N_KINDS:
    default:                    return "";
    }
}

const char *
cp_chart_kind_to_string (CpChartKind kind)
{
  g_return_val_if_fail (kind < CP_CHART_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
cp_chart_kind_from_string (const char *text, CpChartKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (CpChartKind) i;
        return TRUE;
      }
  return FALSE;
}

static char *
year_end_words (const CpChartData *data)
{
  g_autoptr(GDate) end = cp_date_parse_iso (data->year_end, NULL);
  return end != NULL ? cp_date_format_long (end) : g_strdup (data->year_end);
}

static char *
projection_sentence (const CpChartData *data)
{
  g_autofree char *end = year_end_words (data);
  gint64 left = data->agreed_pence - data->projected_pence;
  g_autofree char *amount = cp_money_format (ABS (left));

  if (left >= 0)
    /* Translators: "At this rate you will have £1,050.00 left on 31 March 2027." */
    return g_strdup_printf (_("At this rate you will have %s left on %s."), amount, end);
  /* Translators: "At this rate you will have spent £1,050.00 more than the budget by 31 March 2027." */
  return g_strdup_printf (_("At this rate you will have spent %s more than the budget by %s."),
                          amount, end);
}

char *
cp_chart_data_dup_summary (const CpChartData *data)
{
  g_autofree char *spent = NULL;
  g_autofree char *agreed = NULL;
  g_autofree char *first = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  if (!data->has_plan)
    return g_strdup (_("There is no plan with a budget yet."));
  agreed = cp_money_format (data->agreed_pence);
  if (data->spent_pence == 0)
    /* Translators: %s is the budget, like £22,400.00 */
    return g_strdup_printf (_("No spending recorded yet. The budget is %s."), agreed);
  spent = cp_money_format (data->spent_pence);
  if (data->agreed_pence > 0)
    /* Translators: "You have spent £4,210.00 of £22,400.00 (19%)." */
    first = g_strdup_printf (_("You have spent %s of %s (%d%%)."), spent, agreed,
                             (int) ((data->spent_pence * 100 + data->agreed_pence / 2) / data->agreed_pence));
  else
    /* Translators: %s is money spent, like £420.00 */
    first = g_strdup_printf (_("You have spent %s, and no budget is agreed yet."), spent);
  if (data->has_projection && data->agreed_pence > 0)
    {
      g_autofree char *second = projection_sentence (data);
      return g_strconcat (first, " ", second, NULL);
    }
  return g_steal_pointer (&first);
}
