/* cp-monitoring-data.c — the figures of a direct-payment monitoring return
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Totals are SQL aggregates; only the quarter's payments are listed one
 * by one, because the return must show each with its receipt status.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cp-budget-categories.h"
#include "cp-budget-rules.h"
#include "cp-budget-figures.h"
#include "cp-enum-types.h"
#include "cp-budget-summary.h"
#include "cp-date.h"
#include "cp-monitoring-data.h"
#include "cp-person.h"

G_DEFINE_QUARK (cp-monitoring-error-quark, cp_monitoring_error)

#define DIRECT "('direct-payment', 'prepaid-card')"

static const char streams_sql[] =
  "SELECT s.name, s.funder, s.agreed_pence, s.frequency, s.management,"
  "       ifnull (s.period_start, p.year_start), ifnull (s.period_end, p.year_end)"
  " FROM funding_stream AS s JOIN plan AS p ON p.id = s.plan_id"
  " WHERE s.plan_id = ?1 AND s.deleted = 0 AND s.management IN " DIRECT
  " ORDER BY s.agreed_pence DESC, s.name";

/* A payment counts when its stream — or its line's — is a direct payment. */
#define ON_DIRECT_STREAM \
  " AND ifnull (p.stream_id, bl.stream_id) IN" \
  "   (SELECT id FROM funding_stream WHERE plan_id = ?1 AND deleted = 0 AND management IN " DIRECT ")"

static const char lines_sql[] =
  "SELECT ifnull (nullif (bl.category, ''), bl.description), sum (p.amount_pence) AS total"
  " FROM payment AS p LEFT JOIN budget_line AS bl ON bl.id = p.budget_line_id"
  " WHERE p.plan_id = ?1 AND p.deleted = 0 AND p.paid_on BETWEEN ?2 AND ?3" ON_DIRECT_STREAM
  " GROUP BY 1 ORDER BY total DESC, 1";

static const char before_sql[] =
  "SELECT ifnull (sum (p.amount_pence), 0)"
  " FROM payment AS p LEFT JOIN budget_line AS bl ON bl.id = p.budget_line_id"
  " WHERE p.plan_id = ?1 AND p.deleted = 0 AND p.paid_on < ?2" ON_DIRECT_STREAM;

static const char payments_sql[] =
  "SELECT p.paid_on, p.payee, ifnull (nullif (bl.category, ''), bl.description), p.reference, p.method,"
  "       p.amount_pence,"
  "       EXISTS (SELECT 1 FROM receipt AS r WHERE r.payment_id = p.id AND r.deleted = 0)"
  " FROM payment AS p LEFT JOIN budget_line AS bl ON bl.id = p.budget_line_id"
  " WHERE p.plan_id = ?1 AND p.deleted = 0 AND p.paid_on BETWEEN ?2 AND ?3" ON_DIRECT_STREAM
  " ORDER BY p.paid_on, p.created_at, p.id";

/* ---------------------------------------------------------------------
 * Quarters and instalments
 * ------------------------------------------------------------------- */

gboolean
cp_monitoring_parse_quarter (const char *quarter, char **start, char **end, GError **error)
{
  guint year, q;
  char tail;
  GDate first, last;

  if (quarter == NULL || sscanf (quarter, "%4u-%*[Qq]%1u%c", &year, &q, &tail) != 2 ||
      strlen (quarter) != 7 || year < 1900 || year > 2200 || q < 1 || q > 4)
    {
      g_set_error (error, CP_MONITORING_ERROR, CP_MONITORING_ERROR_QUARTER,
                   _("“%s” is not a quarter. Write the year and the quarter, like 2026-Q3 "
                     "(July to September 2026)."), quarter != NULL ? quarter : "");
      return FALSE;
    }
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, (GDateMonth) (3 * (q - 1) + 1), (GDateYear) year);
  last = first;
  g_date_add_months (&last, 3);
  g_date_subtract_days (&last, 1);
  *start = cp_date_to_iso (&first);
  *end = cp_date_to_iso (&last);
  return TRUE;
}

char *
cp_monitoring_quarter_of (const char *iso_date)
{
  g_autoptr(GDate) date = cp_date_parse_iso (iso_date, NULL);

  g_return_val_if_fail (date != NULL, NULL);
  return g_strdup_printf ("%04u-Q%u", g_date_get_year (date), (g_date_get_month (date) + 2) / 3);
}

/* The n-th instalment's date, counted from the first, so months never drift. */
static gboolean
instalment_date (const GDate *first, const char *frequency, guint n, GDate *out)
{
  *out = *first;
  if (g_strcmp0 (frequency, "weekly") == 0)
    g_date_add_days (out, 7 * n);
  else if (g_strcmp0 (frequency, "four-weekly") == 0)
    g_date_add_days (out, 28 * n);
  else if (g_strcmp0 (frequency, "quarterly") == 0)
    g_date_add_months (out, 3 * n);
  else if (g_strcmp0 (frequency, "annual") == 0)
    g_date_add_years (out, n);
  else if (g_strcmp0 (frequency, "one-off") == 0)
    return n == 0;
  else
    g_date_add_months (out, n);
  return TRUE;
}

static gboolean
in_range (const GDate *date, const GDate *start, const GDate *end)
{
  return g_date_compare (date, start) >= 0 && g_date_compare (date, end) <= 0;
}

gint64
cp_monitoring_received (gint64 agreed_pence, const char *frequency, const char *period_start,
                        const char *period_end, const char *start, const char *end)
{
  g_autoptr(GDate) first = cp_date_parse_iso (period_start, NULL);
  g_autoptr(GDate) last = cp_date_parse_iso (period_end, NULL);
  g_autoptr(GDate) from = cp_date_parse_iso (start, NULL);
  g_autoptr(GDate) to = cp_date_parse_iso (end, NULL);
  guint n = 0;
  gint64 each, received = 0;
  GDate date;

  if (first == NULL || last == NULL || from == NULL || to == NULL || agreed_pence <= 0)
    return 0;
  while (instalment_date (first, frequency, n, &date) && g_date_compare (&date, last) <= 0 && n < 1000)
    n++;
  if (n == 0)
    return 0;
  each = agreed_pence / n;
  for (guint i = 0; i < n; i++)
    {
      instalment_date (first, frequency, i, &date);
      if (in_range (&date, from, to))
        received += i == 0 ? agreed_pence - each * (n - 1) : each;
    }
  return received;
}

/* ---------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------- */

static void
payment_clear (gpointer data)
{
  CpMonitoringPayment *payment = data;

  g_free (payment->paid_on);
  g_free (payment->payee);
  g_free (payment->line);
  g_free (payment->reference);
  g_free (payment->method);
}

static void
line_clear (gpointer data)
{
  g_free (((CpMonitoringLine *) data)->label);
}

void
cp_monitoring_return_free (CpMonitoringReturn *data)
{
  if (data == NULL)
    return;
  g_free (data->person_name);
  g_free (data->nhs_number);
  g_free (data->plan_id);
  g_free (data->quarter);
  g_free (data->start);
  g_free (data->end);
  g_free (data->streams);
  g_array_unref (data->lines);
  g_array_unref (data->payments);
  g_free (data);
}

static sqlite3_stmt *
prepare (CpStore *store, const char *sql, const CpMonitoringReturn *data, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, data->plan_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, data->start, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, data->end, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
finish (CpStore *store, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE || cp_store_set_error_from_db (store, rc, error);
}

static const char *
text (sqlite3_stmt *stmt, int column)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);
  return value != NULL ? value : "";
}

static int
enum_from_nick (GType type, const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  return value != NULL ? value->value : 0;
}

static void
add_stream (CpMonitoringReturn *data, GString *names, sqlite3_stmt *stmt)
{
  gint64 agreed = sqlite3_column_int64 (stmt, 2);
  const char *frequency = text (stmt, 3);
  const char *from = text (stmt, 5), *to = text (stmt, 6);
  g_autoptr(GDate) before = cp_date_parse_iso (data->start, NULL);
  g_autofree char *day_before = NULL;

  g_date_subtract_days (before, 1);
  day_before = cp_date_to_iso (before);
  data->received_pence += cp_monitoring_received (agreed, frequency, from, to, data->start, data->end);
  data->opening_pence += cp_monitoring_received (agreed, frequency, from, to, from, day_before);
  data->weekly_pence += agreed / 52;
  if (names->len > 0)
    g_string_append (names, "; ");
  /* Translators: "Personal health budget (Direct payment, Monthly)" */
  g_string_append_printf (names, _("%s (%s, %s)"), *text (stmt, 0) ? text (stmt, 0) : text (stmt, 1),
                          cp_budget_management_name (enum_from_nick (CP_TYPE_MANAGEMENT, text (stmt, 4))),
                          cp_budget_frequency_name (enum_from_nick (CP_TYPE_FREQUENCY, frequency)));
}

static gboolean
load_streams (CpStore *store, CpMonitoringReturn *data, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, streams_sql, error);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->plan_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      add_stream (data, names, stmt);
      n++;
    }
  if (!finish (store, stmt, rc, error))
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, CP_MONITORING_ERROR, CP_MONITORING_ERROR_NO_DIRECT,
                   _("%s's plan has no direct payment, so there is no monitoring return to make."),
                   data->person_name);
      return FALSE;
    }
  data->streams = g_string_free (g_steal_pointer (&names), FALSE);
  data->received_estimated = TRUE;
  return TRUE;
}

static gboolean
load_totals (CpStore *store, CpMonitoringReturn *data, GError **error)
{
  sqlite3_stmt *stmt = prepare (store, lines_sql, data, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *label = (const char *) sqlite3_column_text (stmt, 0);
      CpMonitoringLine line = {
        g_strdup (label != NULL ? cp_budget_category_name (label) : _("Not on a budget line")),
        sqlite3_column_int64 (stmt, 1),
      };
      data->spent_pence += line.spent_pence;
      g_array_append_val (data->lines, line);
    }
  if (!finish (store, stmt, rc, error))
    return FALSE;

  stmt = prepare (store, before_sql, data, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      data->opening_pence -= sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  return finish (store, stmt, rc, error);
}

static gboolean
load_payments (CpStore *store, CpMonitoringReturn *data, GError **error)
{
  sqlite3_stmt *stmt = prepare (store, payments_sql, data, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 2);
      CpMonitoringPayment payment = {
        g_strdup (text (stmt, 0)), g_strdup (text (stmt, 1)),
        g_strdup (line != NULL ? cp_budget_category_name (line) : ""),
        g_strdup (text (stmt, 3)), g_strdup (text (stmt, 4)),
        sqlite3_column_int64 (stmt, 5), sqlite3_column_int (stmt, 6) != 0,
      };
      data->n_missing += !payment.has_receipt;
      g_array_append_val (data->payments, payment);
    }
  return finish (store, stmt, rc, error);
}

static CpMonitoringReturn *
return_new (const char *quarter, char *start, char *end)
{
  CpMonitoringReturn *data = g_new0 (CpMonitoringReturn, 1);

  data->quarter = g_strdup (quarter);
  data->start = start;
  data->end = end;
  data->lines = g_array_new (FALSE, TRUE, sizeof (CpMonitoringLine));
  g_array_set_clear_func (data->lines, line_clear);
  data->payments = g_array_new (FALSE, TRUE, sizeof (CpMonitoringPayment));
  g_array_set_clear_func (data->payments, payment_clear);
  return data;
}

static gboolean
load_person (CpStore *store, const char *person_id, CpMonitoringReturn *data, GError **error)
{
  g_autoptr(CpPerson) person = cp_store_load (store, CP_TYPE_PERSON, person_id, error);
  g_autofree char *nhs = NULL;

  if (person == NULL)
    return FALSE;
  data->person_name = cp_person_dup_display_name (person);
  g_object_get (person, "nhs-number", &nhs, NULL);
  data->nhs_number = g_strdup (nhs != NULL ? nhs : "");
  return TRUE;
}

/* The plan whose year holds the quarter's last day. */
static gboolean
load_plan (CpStore *store, const char *person_id, CpMonitoringReturn *data, GError **error)
{
  CpBudgetSummary summary;

  if (!cp_budget_summary_load (store, person_id, data->end, &summary, error))
    return FALSE;
  if (!summary.has_plan)
    {
      g_set_error (error, CP_MONITORING_ERROR, CP_MONITORING_ERROR_NO_PLAN,
                   _("%s has no plan yet, so there is no monitoring return to make."), data->person_name);
      return FALSE;
    }
  data->plan_id = g_strdup (summary.plan_id);
  cp_budget_summary_clear (&summary);
  return TRUE;
}

CpMonitoringReturn *
cp_monitoring_return_load (CpStore *store, const char *person_id, const char *quarter, GError **error)
{
  g_autoptr(CpMonitoringReturn) data = NULL;
  char *start, *end;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  if (!cp_monitoring_parse_quarter (quarter, &start, &end, error))
    return NULL;
  data = return_new (quarter, start, end);
  if (!load_person (store, person_id, data, error) || !load_plan (store, person_id, data, error) ||
      !load_streams (store, data, error) || !load_totals (store, data, error) ||
      !load_payments (store, data, error))
    return NULL;
  data->closing_pence = data->opening_pence + data->received_pence - data->spent_pence;
  data->surplus_weeks = data->weekly_pence > 0 ? (double) data->closing_pence / (double) data->weekly_pence : 0;
  data->surplus_weeks_allowed = cp_budget_rules_get_surplus_weeks (store);
  return g_steal_pointer (&data);
}
