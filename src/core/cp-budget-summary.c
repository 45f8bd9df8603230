/* cp-budget-summary.c — a person's budget in two numbers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-budget-summary.h"

/* Plans whose year holds today come first, ended ones last, then the newest. */
static const char current_plan_sql[] =
  "SELECT id, year_start, year_end FROM plan"
  " WHERE person_id = ?1 AND deleted = 0"
  " ORDER BY (?2 BETWEEN ifnull (year_start, '') AND ifnull (year_end, '9999-12-31')) DESC,"
  "          (status = 'ended'), year_start DESC, created_at DESC"
  " LIMIT 1";

static const char agreed_sql[] =
  "SELECT ifnull (sum (agreed_pence), 0) FROM funding_stream WHERE plan_id = ?1 AND deleted = 0";

static const char spent_sql[] =
  "SELECT ifnull (sum (amount_pence), 0) FROM payment WHERE plan_id = ?1 AND deleted = 0";

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
find_current_plan (CpStore *store, const char *person_id, const char *today,
                   CpBudgetSummary *summary, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, current_plan_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      summary->has_plan = TRUE;
      summary->plan_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      summary->year_start = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      summary->year_end = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return cp_store_set_error_from_db (store, rc, error);
  return TRUE;
}

static gboolean
sum_for_plan (CpStore *store, const char *sql, const char *plan_id, gint64 *out, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return cp_store_set_error_from_db (store, rc, error);
  return TRUE;
}

gboolean
cp_budget_summary_load (CpStore *store, const char *person_id, const char *today,
                        CpBudgetSummary *summary, GError **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (person_id != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  if (today == NULL)
    today = now = today_iso ();
  if (!find_current_plan (store, person_id, today, summary, error))
    return FALSE;
  if (!summary->has_plan)
    return TRUE;
  if (!sum_for_plan (store, agreed_sql, summary->plan_id, &summary->agreed_pence, error) ||
      !sum_for_plan (store, spent_sql, summary->plan_id, &summary->spent_pence, error))
    {
      cp_budget_summary_clear (summary);
      return FALSE;
    }
  return TRUE;
}

void
cp_budget_summary_clear (CpBudgetSummary *summary)
{
  g_return_if_fail (summary != NULL);

  g_clear_pointer (&summary->plan_id, g_free);
  g_clear_pointer (&summary->year_start, g_free);
  g_clear_pointer (&summary->year_end, g_free);
  memset (summary, 0, sizeof *summary);
}
