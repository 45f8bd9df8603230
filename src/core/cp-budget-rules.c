/* cp-budget-rules.c — the rules a budget and its ledger obey
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger is kept the way councils audit it (plans-and-budgets.md
 * §2.2): an entry, once stored, keeps its amount, date, budget line and
 * stream for good (CpPayment lists them as fixed columns, which
 * cp_store_update refuses to change); a mistake is put right by a
 * reversing entry, so the bank statement and the ledger still agree line
 * by line and the audit trail shows both.
 */
#define G_LOG_DOMAIN "cp-budget"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cp-budget-rules.h"
#include "cp-date.h"
#include "cp-money.h"
#include "cp-settings.h"

static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
cp_budget_rules_validate_stream (CpRecord *stream, GError **error)
{
  const char *start = cp_record_get_string (stream, "period-start");
  const char *end = cp_record_get_string (stream, "period-end");

  if (cp_record_get_int64 (stream, "agreed-pence") < 0)
    return refuse (error, _("The agreed amount cannot be less than £0.00."));
  if (cp_record_get_int64 (stream, "indicative-pence") < 0)
    return refuse (error, _("The indicative amount cannot be less than £0.00."));
  /* ISO dates compare as text; both are already checked to be real dates. */
  if (start != NULL && *start != '\0' && end != NULL && *end != '\0' && strcmp (end, start) <= 0)
    return refuse (error, _("The period must end after it starts."));
  return TRUE;
}

gboolean
cp_budget_rules_validate_line (CpRecord *line, GError **error)
{
  if (cp_record_get_int64 (line, "amount-pence") < 0)
    return refuse (error, _("A planned amount cannot be less than £0.00. "
                            "Money coming back is a payment of a negative amount."));
  return TRUE;
}

gboolean
cp_budget_rules_validate_payment (CpRecord *payment, GError **error)
{
  gint64 amount = cp_record_get_int64 (payment, "amount-pence");
  const char *paid_on = cp_record_get_string (payment, "paid-on");

  if (paid_on == NULL || *paid_on == '\0')
    return refuse (error, _("A payment needs the date it was paid."));
  if (amount == 0)
    return refuse (error, _("A payment of £0.00 changes nothing, so it is not kept. "
                            "Type the amount that was paid."));
  if (amount > CP_BUDGET_MAX_PAYMENT_PENCE || amount < -CP_BUDGET_MAX_PAYMENT_PENCE)
    {
      g_autofree char *limit = cp_money_format (CP_BUDGET_MAX_PAYMENT_PENCE);
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("One payment cannot be more than %s. Check the amount for a typing slip."),
                   limit);
      return FALSE;
    }
  return TRUE;
}

static const char reversed_sql[] =
  "SELECT paid_on FROM payment WHERE reverses_id = ?1 AND deleted = 0 LIMIT 1";

/* The date of the live entry reversing @payment_id, or NULL. */
static char *
reversed_on (CpStore *store, const char *payment_id)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, reversed_sql, NULL);
  char *date = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, payment_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return date;
}

gboolean
cp_payment_is_reversed (CpStore *store, const char *payment_id)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (payment_id != NULL, FALSE);

  date = reversed_on (store, payment_id);
  return date != NULL;
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
check_reversible (CpStore *store, CpPayment *original, GError **error)
{
  const char *reverses = cp_record_get_string (CP_RECORD (original), "reverses-id");
  g_autofree char *earlier = NULL;

  if (cp_record_get_deleted (CP_RECORD (original)))
    return refuse (error, _("This payment was deleted, so there is nothing to reverse."));
  if (reverses != NULL && *reverses != '\0')
    return refuse (error, _("This entry already corrects another payment, so it cannot be "
                            "reversed. If the correction was wrong, enter the payment again."));
  earlier = reversed_on (store, cp_record_get_id (CP_RECORD (original)));
  if (earlier != NULL)
    {
      g_autoptr(GDate) date = cp_date_parse_iso (earlier, NULL);
      g_autofree char *when = date ? cp_date_format_long (date) : g_strdup (earlier);

      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("This payment was already reversed on %s. It cannot be reversed twice."), when);
      return FALSE;
    }
  return TRUE;
}

static CpPayment *
reversing_entry (CpPayment *original, const char *reason)
{
  CpRecord *from = CP_RECORD (original);
  CpPayment *entry = cp_payment_new (cp_record_get_string (from, "plan-id"));
  g_autofree char *today = today_iso ();
  int method;

  g_object_get (original, "method", &method, NULL);
  g_object_set (entry,
                "paid-on", today,
                "payee", cp_record_get_string (from, "payee"),
                "amount-pence", -cp_record_get_int64 (from, "amount-pence"),
                "budget-line-id", cp_record_get_string (from, "budget-line-id"),
                "stream-id", cp_record_get_string (from, "stream-id"),
                "method", method,
                "reference", cp_record_get_string (from, "reference"),
                "note", reason,
                "reverses-id", cp_record_get_id (from),
                NULL);
  return entry;
}

CpPayment *
cp_payment_reverse (CpStore *store, const char *payment_id, const char *reason, GError **error)
{
  g_autoptr(CpPayment) original = NULL;
  g_autoptr(CpPayment) entry = NULL;
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (payment_id != NULL, NULL);

  if (*why == '\0')
    {
      refuse (error, _("Say why the payment is being reversed, for example "
                       "“charged twice” or “item returned”."));
      return NULL;
    }
  if (!cp_store_begin (store, error))
    return NULL;
  original = cp_store_load (store, CP_TYPE_PAYMENT, payment_id, error);
  if (original == NULL || !check_reversible (store, original, error))
    {
      cp_store_rollback (store);
      return NULL;
    }
  entry = reversing_entry (original, why);
  if (!cp_store_insert (store, CP_RECORD (entry), error))
    {
      cp_store_rollback (store);
      return NULL;
    }
  if (!cp_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&entry);
}

guint
cp_budget_rules_get_surplus_weeks (CpStore *store)
{
  gint64 weeks = cp_settings_get_int (store, CP_SETTING_SURPLUS_WEEKS,
                                      CP_BUDGET_SURPLUS_WEEKS_DEFAULT);

  if (weeks < CP_BUDGET_SURPLUS_WEEKS_MIN || weeks > CP_BUDGET_SURPLUS_WEEKS_MAX)
    return CP_BUDGET_SURPLUS_WEEKS_DEFAULT;
  return (guint) weeks;
}

gboolean
cp_budget_rules_set_surplus_weeks (CpStore *store, guint weeks, GError **error)
{
  g_return_val_if_fail (CP_IS_STORE (store), FALSE);

  if (weeks < CP_BUDGET_SURPLUS_WEEKS_MIN || weeks > CP_BUDGET_SURPLUS_WEEKS_MAX)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("The surplus allowed must be between %d and %d weeks of funding."),
                   CP_BUDGET_SURPLUS_WEEKS_MIN, CP_BUDGET_SURPLUS_WEEKS_MAX);
      return FALSE;
    }
  return cp_settings_set_int (store, CP_SETTING_SURPLUS_WEEKS, weeks, error);
}
