/* cp-payments-csv.c — every payment as CSV, for auditors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amounts are written as plain pounds with two decimals ("-12.50"), which
 * every spreadsheet reads as a number; the pence stay exact because they
 * are printed from integers, never through a double.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cp-children.h"
#include "cp-money.h"
#include "cp-person.h"
#include "cp-record-list.h"
#include "cp-payments-csv.h"

static const char header[] =
  "person_id,person_name,nhs_number,plan_id,payment_id,paid_on,payee,amount,"
  "budget_line,category,stream,funder,management,method,reference,note,receipt,reverses_payment_id\r\n";

/* One query for every payment, with what an auditor needs joined in;
 * ?1 is the person. Each plan's payments come through the payment's
 * (plan_id, paid_on) index, so only ties on a day are sorted. */
static const char select_sql[] =
  "SELECT p.id, p.given_name || ' ' || p.family_name, ifnull (p.nhs_number, ''), pl.id,"
  "  pay.id, pay.paid_on, pay.payee, pay.amount_pence,"
  "  ifnull (bl.description, ''), ifnull (bl.category, ''),"
  "  ifnull (fs.name, ''), ifnull (fs.funder, ''), ifnull (fs.management, ''),"
  "  pay.method, pay.reference, pay.note,"
  "  EXISTS (SELECT 1 FROM receipt r WHERE r.payment_id = pay.id AND r.deleted = 0),"
  "  ifnull (pay.reverses_id, '')"
  " FROM person p"
  " JOIN plan pl ON pl.person_id = p.id AND pl.deleted = 0"
  " JOIN payment pay ON pay.plan_id = pl.id AND pay.deleted = 0"
  " LEFT JOIN budget_line bl ON bl.id = pay.budget_line_id"
  " LEFT JOIN funding_stream fs ON fs.id = pay.stream_id"
  " WHERE p.id = ?1 AND p.deleted = 0"
  " ORDER BY pl.year_start, pl.id, pay.paid_on, pay.created_at";

char *
cp_csv_quote_field (const char *field)
{
  GString *out;
  gboolean formula;

  if (field == NULL)
    return g_strdup ("");
  formula = strchr ("=+-@\t\r", field[0]) != NULL && field[0] != '\0';
  if (!formula && strpbrk (field, ",\"\r\n") == NULL)
    return g_strdup (field);
  out = g_string_new ("\"");
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static void
append_field (GString *line, const char *text, gboolean last)
{
  g_autofree char *quoted = cp_csv_quote_field (text);

  g_string_append (line, quoted);
  g_string_append (line, last ? "\r\n" : ",");
}

/* Column 7 is pence: written as a plain decimal the sheet can sum; a
 * number is never made inert, so it bypasses the formula guard. */
static void
append_row (GString *line, sqlite3_stmt *stmt)
{
  g_autofree char *amount = cp_money_format_plain (sqlite3_column_int64 (stmt, 7));

  for (int column = 0; column < 7; column++)
    append_field (line, (const char *) sqlite3_column_text (stmt, column), FALSE);
  g_string_append (line, amount);
  g_string_append_c (line, ',');
  for (int column = 8; column < 16; column++)
    append_field (line, (const char *) sqlite3_column_text (stmt, column), FALSE);
  append_field (line, sqlite3_column_int (stmt, 16) ? "yes" : "no", FALSE);
  append_field (line, (const char *) sqlite3_column_text (stmt, 17), TRUE);
}

static gboolean
write_person (CpStore *store, const char *person_id, GOutputStream *out, GString *line,
              GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, select_sql, error);
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_TRANSIENT);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_truncate (line, 0);
      append_row (line, stmt);
      ok = g_output_stream_write_all (out, line->str, line->len, NULL, NULL, error);
    }
  if (ok && rc != SQLITE_DONE)
    ok = cp_store_set_error_from_db (store, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* The caseload a page of people at a time, in name order. */
static gboolean
write_everyone (CpStore *store, GOutputStream *out, GString *line, GError **error)
{
  g_autoptr(CpRecordList) everyone = cp_record_list_new (store, CP_TYPE_PERSON, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (everyone));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRecord) person = g_list_model_get_item (G_LIST_MODEL (everyone), i);

      if (person != NULL &&
          !write_person (store, cp_record_get_id (person), out, line, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cp_payments_csv_export (CpStore *store, const char *const *person_ids, GOutputStream *out,
                        GError **error)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (!cp_children_check_people (store, person_ids, error) ||
      !g_output_stream_write_all (out, header, strlen (header), NULL, NULL, error))
    return FALSE;
  if (person_ids == NULL)
    return write_everyone (store, out, line, error);
  for (guint i = 0; person_ids[i] != NULL; i++)
    if (!write_person (store, person_ids[i], out, line, error))
      return FALSE;
  return TRUE;
}
