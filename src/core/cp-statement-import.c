/* cp-statement-import.c — a statement's rows into a plan's ledger, once
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every imported payment keeps its row's fingerprint in payment_import,
 * unique per plan: a row seen before is "already imported", so the same
 * file imported twice adds nothing. A payment typed in by hand with the
 * same date, amount and payee is only a *possible* duplicate: a person
 * decides. The whole import is one transaction: all of it, or nothing.
 *
 * A statement is the record of one account. When the caller says which
 * funding stream's account that is, every payment gets that stream, and
 * the monitoring return (which counts payments by stream) includes them.
 * The fingerprint leaves the stream out on purpose: a file imported
 * before streams were chosen, or with another choice, still adds nothing.
 */
#define G_LOG_DOMAIN "cp-statement-import"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-budget-line.h"
#include "cp-date.h"
#include "cp-funding-stream.h"
#include "cp-imported-statement.h"
#include "cp-payment.h"
#include "cp-plan.h"
#include "cp-statement-import.h"
#include "cp-store-bulk.h"

static const char imported_sql[] =
  "SELECT 1 FROM payment_import WHERE plan_id = ?1 AND fingerprint = ?2";

/* Payments typed in by hand: those no import row points at. cp_fold
 * leaves ASCII alone, so lower() does its case. */
/* The same managements as the monitoring return's (cp-monitoring-data.c). */
static const char accounts_sql[] =
  "SELECT %s FROM funding_stream"
  " WHERE plan_id = ?1 AND deleted = 0 AND management IN ('direct-payment', 'prepaid-card')"
  " ORDER BY name, id";

static const char hand_typed_sql[] =
  "SELECT count(*) FROM payment p"
  " WHERE p.plan_id = ?1 AND p.deleted = 0 AND p.paid_on = ?2 AND p.amount_pence = ?3"
  "   AND cp_fold (lower (p.payee)) = cp_fold (lower (?4))"
  "   AND NOT EXISTS (SELECT 1 FROM payment_import i WHERE i.payment_id = p.id)";

static const char insert_link_sql[] =
  "INSERT INTO payment_import (id, created_at, updated_at, payment_id, statement_import_id,"
  " plan_id, fingerprint, line) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)";

static void
reset (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static gboolean
step_row (CpStore *store, sqlite3_stmt *stmt, gint64 *value, GError **error)
{
  int rc = sqlite3_step (stmt);

  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return cp_store_set_error_from_db (store, rc, error);
  return TRUE;
}

static gboolean
is_imported (CpStore *store, const char *plan_id, const CpStatementRow *row,
             gboolean *imported, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, imported_sql, error);
  gint64 found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->fingerprint, -1, SQLITE_STATIC);
  if (!step_row (store, stmt, &found, error))
    return FALSE;
  *imported = found != 0;
  return TRUE;
}

static gboolean
count_hand_typed (CpStore *store, const char *plan_id, const CpStatementRow *row,
                  gint64 *count, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, hand_typed_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, row->amount_pence);
  sqlite3_bind_text (stmt, 4, row->description, -1, SQLITE_STATIC);
  return step_row (store, stmt, count, error);
}

/* The nth identical row matches only if at least n payments were typed in. */
static gboolean
check_row (CpStore *store, const char *plan_id, CpStatementRow *row, GHashTable *seen,
           GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  gboolean imported = FALSE;
  gint64 typed = 0;
  guint occurrence;

  row->status = CP_STATEMENT_STATUS_NEW;
  if (!is_imported (store, plan_id, row, &imported, error))
    return FALSE;
  if (imported)
    {
      row->status = CP_STATEMENT_STATUS_ALREADY_IMPORTED;
      return TRUE;
    }
  text = g_utf8_casefold (row->description, -1);
  key = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s", row->date, row->amount_pence, text);
  occurrence = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) + 1;
  g_hash_table_replace (seen, g_steal_pointer (&key), GUINT_TO_POINTER (occurrence));
  if (!count_hand_typed (store, plan_id, row, &typed, error))
    return FALSE;
  if ((gint64) occurrence <= typed)
    row->status = CP_STATEMENT_STATUS_POSSIBLE_DUPLICATE;
  return TRUE;
}

/* The ledger's own rules (B1's payment limits): a row that breaks one is
 * a problem of that row, found before anything is stored. */
static void
check_payment_rules (const char *plan_id, CpStatementRow *row)
{
  g_autoptr(CpPayment) payment = cp_payment_new (plan_id);
  g_autoptr(GError) error = NULL;

  g_object_set (payment, "paid-on", row->date, "payee", row->description,
                "amount-pence", row->amount_pence, NULL);
  if (cp_record_validate (CP_RECORD (payment), &error))
    return;
  row->kind = CP_STATEMENT_ROW_PROBLEM;
  g_free (row->problem);
  row->problem = g_strdup (error->message);
}

/* Spending dated outside the plan's year of care belongs to another
 * year's plan: a warning, as the person may still mean it. */
static void
check_year (CpRecord *plan, CpStatementRow *row)
{
  const char *start = cp_record_get_string (plan, "year-start");
  const char *end = cp_record_get_string (plan, "year-end");
  g_autoptr(GDate) first = NULL;
  g_autoptr(GDate) last = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_clear_pointer (&row->year_warning, g_free);
  if (start == NULL || end == NULL || row->date == NULL ||
      (g_strcmp0 (row->date, start) >= 0 && g_strcmp0 (row->date, end) <= 0))
    return;
  first = cp_date_parse_iso (start, NULL);
  last = cp_date_parse_iso (end, NULL);
  if (first == NULL || last == NULL)
    return;
  from = cp_date_format_long (first);
  to = cp_date_format_long (last);
  row->year_warning = g_strdup_printf (_("This is dated outside the plan's year of care (%s to %s)."),
                                       from, to);
}

static gboolean
check_rows (CpStore *store, CpStatement *statement, const char *plan_id, GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CpRecord) plan = cp_store_load (store, CP_TYPE_PLAN, plan_id, error);

  if (plan == NULL)
    return FALSE;

  for (guint i = 0; i < cp_statement_get_n_rows (statement); i++)
    {
      CpStatementRow *row = cp_statement_get_row (statement, i);

      row->status = CP_STATEMENT_STATUS_NEW;
      if (row->kind != CP_STATEMENT_ROW_SPENDING)
        continue;
      if (!check_row (store, plan_id, row, seen, error))
        return FALSE;
      if (row->status != CP_STATEMENT_STATUS_ALREADY_IMPORTED)
        check_payment_rules (plan_id, row);
      check_year (plan, row);
    }
  return TRUE;
}

/* One read transaction for all the lookups: outside one, SQLite takes
 * and drops its file locks for every query, ten times slower. A
 * read-only store cannot BEGIN IMMEDIATE, and needs no write lock. */
gboolean
cp_statement_import_check (CpStore *store, CpStatement *statement, const char *plan_id,
                           GError **error)
{
  gboolean read_only;
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (statement != NULL && plan_id != NULL, FALSE);

  read_only = cp_store_is_read_only (store);
  if (read_only ? !cp_store_exec (store, "BEGIN", error) : !cp_store_begin (store, error))
    return FALSE;
  ok = check_rows (store, statement, plan_id, error);
  if (read_only)
    cp_store_exec (store, "COMMIT", NULL);
  else if (!ok)
    cp_store_rollback (store);
  else
    ok = cp_store_commit (store, error);
  return ok;
}

static gboolean
row_is_added (const CpStatementRow *row, CpStatementImportFlags flags)
{
  if (row->kind != CP_STATEMENT_ROW_SPENDING)
    return FALSE;
  return row->status == CP_STATEMENT_STATUS_NEW ||
         (row->status == CP_STATEMENT_STATUS_POSSIBLE_DUPLICATE &&
          (flags & CP_STATEMENT_IMPORT_POSSIBLE_DUPLICATES) != 0);
}

void
cp_statement_import_count (CpStatement *statement, CpStatementImportFlags flags,
                           CpStatementCounts *counts)
{
  memset (counts, 0, sizeof *counts);
  counts->rows = cp_statement_get_n_rows (statement);
  for (guint i = 0; i < counts->rows; i++)
    {
      const CpStatementRow *row = cp_statement_get_row (statement, i);

      if (row->kind == CP_STATEMENT_ROW_PROBLEM)
        counts->problems++;
      else if (row->kind == CP_STATEMENT_ROW_ZERO)
        counts->zero++;
      else if (row->kind == CP_STATEMENT_ROW_MONEY_IN)
        {
          counts->money_in++;
          counts->money_in_pence += row->amount_pence;
        }
      else if (row->status == CP_STATEMENT_STATUS_ALREADY_IMPORTED)
        counts->already_imported++;
      else if (row->status == CP_STATEMENT_STATUS_POSSIBLE_DUPLICATE)
        counts->possible_duplicates++;
      else
        counts->new_rows++;
      if (row_is_added (row, flags))
        {
          counts->new_pence += row->amount_pence;
          if (row->warning != NULL || row->year_warning != NULL)
            counts->warnings++;
        }
    }
}

CpPaymentMethod
cp_statement_import_method_for_type (const char *type, CpPaymentMethod fallback)
{
  static const struct { const char *word; CpPaymentMethod method; } words[] = {
    { "dd", CP_PAYMENT_METHOD_DIRECT_DEBIT }, { "direct debit", CP_PAYMENT_METHOD_DIRECT_DEBIT },
    { "so", CP_PAYMENT_METHOD_STANDING_ORDER }, { "standing order", CP_PAYMENT_METHOD_STANDING_ORDER },
    { "sto", CP_PAYMENT_METHOD_STANDING_ORDER }, { "deb", CP_PAYMENT_METHOD_CARD },
    { "card", CP_PAYMENT_METHOD_CARD }, { "card payment", CP_PAYMENT_METHOD_CARD },
    { "pos", CP_PAYMENT_METHOD_CARD }, { "purchase", CP_PAYMENT_METHOD_CARD },
    { "chq", CP_PAYMENT_METHOD_CHEQUE }, { "cheque", CP_PAYMENT_METHOD_CHEQUE },
    { "atm", CP_PAYMENT_METHOD_CASH }, { "cash", CP_PAYMENT_METHOD_CASH },
    { "cash withdrawal", CP_PAYMENT_METHOD_CASH }, { "bp", CP_PAYMENT_METHOD_BANK_TRANSFER },
    { "fpo", CP_PAYMENT_METHOD_BANK_TRANSFER }, { "tfr", CP_PAYMENT_METHOD_BANK_TRANSFER },
    { "faster payment", CP_PAYMENT_METHOD_BANK_TRANSFER }, { "transfer", CP_PAYMENT_METHOD_BANK_TRANSFER },
    { "bank transfer", CP_PAYMENT_METHOD_BANK_TRANSFER },
  };
  g_autofree char *word = cp_statement_normalise_text (type);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (word, words[i].word))
      return words[i].method;
  return fallback;
}

GPtrArray *
cp_statement_import_list_accounts (CpStore *store, const char *plan_id, GError **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) streams = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  columns = cp_store_select_columns (CP_TYPE_FUNDING_STREAM);
  sql = g_strdup_printf (accounts_sql, columns);
  if ((stmt = cp_store_prepare (store, sql, error)) == NULL)
    return NULL;
  streams = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (streams, cp_store_record_from_row (store, CP_TYPE_FUNDING_STREAM, stmt));
  reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cp_store_set_error_from_db (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&streams);
}

/* A record the payments will point at: it must be a live one of this plan. */
static CpRecord *
load_own (CpStore *store, GType type, const char *id, const char *plan_id, const char *refusal,
          GError **error)
{
  g_autoptr(CpRecord) record = cp_store_load (store, type, id, error);

  if (record == NULL)
    return NULL;
  if (g_strcmp0 (cp_record_get_string (record, "plan-id"), plan_id) != 0 || cp_record_get_deleted (record))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, refusal);
      return NULL;
    }
  return g_steal_pointer (&record);
}

/* The stream the payments go to: the one chosen, else the line's. */
static gboolean
load_line (CpStore *store, const char *plan_id, const CpStatementImportOptions *options,
           char **stream_id, GError **error)
{
  g_autoptr(CpRecord) line = NULL;
  g_autoptr(CpRecord) stream = NULL;

  *stream_id = NULL;
  if (options->budget_line_id != NULL)
    {
      line = load_own (store, CP_TYPE_BUDGET_LINE, options->budget_line_id, plan_id,
                       _("That budget line belongs to another plan; choose one of this plan's lines."),
                       error);
      if (line == NULL)
        return FALSE;
      *stream_id = g_strdup (cp_record_get_string (line, "stream-id"));
    }
  if (options->stream_id != NULL)
    {
      stream = load_own (store, CP_TYPE_FUNDING_STREAM, options->stream_id, plan_id,
                         _("That funding stream belongs to another plan; choose one of this plan's streams."),
                         error);
      if (stream == NULL)
        return FALSE;
      g_free (*stream_id);
      *stream_id = g_strdup (options->stream_id);
    }
  return TRUE;
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
insert_link (CpStore *store, const char *payment_id, const char *import_id, const char *plan_id,
             const CpStatementRow *row, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, insert_link_sql, error);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = cp_store_now_timestamp ();
  gint64 ignored;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, payment_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, import_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, plan_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, row->fingerprint, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, row->line);
  return step_row (store, stmt, &ignored, error);
}

typedef struct
{
  const char                     *plan_id;
  const char                     *import_id;
  const char                     *stream_id;
  const CpStatementImportOptions *options;
} ApplyContext;

static gboolean
add_payment (CpStore *store, const ApplyContext *context, const CpStatementRow *row, GError **error)
{
  g_autoptr(CpPayment) payment = cp_payment_new (context->plan_id);
  CpPaymentMethod method = cp_statement_import_method_for_type (row->type, context->options->method);

  g_object_set (payment,
                "paid-on", row->date,
                "payee", row->description,
                "amount-pence", row->amount_pence,
                "budget-line-id", context->options->budget_line_id,
                "stream-id", context->stream_id,
                "method", method,
                "reference", row->reference,
                NULL);
  if (!cp_store_insert (store, CP_RECORD (payment), error))
    return FALSE;
  return insert_link (store, cp_record_get_id (CP_RECORD (payment)), context->import_id,
                      context->plan_id, row, error);
}

static gboolean
insert_import (CpStore *store, CpStatement *statement, const ApplyContext *context,
               const CpStatementCounts *counts, char **import_id, GError **error)
{
  g_autoptr(CpImportedStatement) record = cp_imported_statement_new (context->plan_id);
  g_autofree char *today = today_iso ();
  /* Left out: rows that could not be read, and possible duplicates declined. */
  gint64 skipped = counts->problems + counts->new_rows + counts->possible_duplicates - counts->added;

  g_object_set (record,
                "filename", cp_statement_get_filename (statement),
                "imported-on", today,
                "row-count", (gint64) counts->added,
                "already-count", (gint64) counts->already_imported,
                "skipped-count", skipped,
                NULL);
  if (!cp_store_insert (store, CP_RECORD (record), error))
    return FALSE;
  *import_id = g_strdup (cp_record_get_id (CP_RECORD (record)));
  return TRUE;
}

static gboolean
store_rows (CpStore *store, CpStatement *statement, ApplyContext *context,
            const CpStatementCounts *counts, GError **error)
{
  g_autofree char *import_id = NULL;

  if (!insert_import (store, statement, context, counts, &import_id, error))
    return FALSE;
  context->import_id = import_id;
  for (guint i = 0; i < cp_statement_get_n_rows (statement); i++)
    {
      const CpStatementRow *row = cp_statement_get_row (statement, i);

      if (!row_is_added (row, context->options->flags))
        continue;
      if (!add_payment (store, context, row, error))
        {
          g_prefix_error (error, _("Line %u: "), row->line);
          return FALSE;
        }
    }
  context->import_id = NULL;
  return TRUE;
}

static gboolean
refuse_bad_rows (CpStatement *statement, const CpStatementCounts *counts, GError **error)
{
  g_autofree char *problems = cp_statement_describe_problems (statement, 20);

  g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_BAD_ROWS,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u row could not be read, so nothing was imported:\n%s",
                            "%u rows could not be read, so nothing was imported:\n%s",
                            counts->problems),
               counts->problems, problems);
  return FALSE;
}

static gboolean
dry_run (CpStore *store, CpStatement *statement, ApplyContext *context,
         CpStatementCounts *counts, GError **error)
{
  CpStatementImportFlags flags = context->options->flags;

  if (!cp_statement_import_check (store, statement, context->plan_id, error))
    return FALSE;
  cp_statement_import_count (statement, flags, counts);
  if (counts->problems > 0 && (flags & CP_STATEMENT_IMPORT_SKIP_BAD) == 0)
    return refuse_bad_rows (statement, counts, error);
  counts->added = counts->new_rows +
    ((flags & CP_STATEMENT_IMPORT_POSSIBLE_DUPLICATES) ? counts->possible_duplicates : 0);
  return TRUE;
}

/* Each cp_store_insert() opens a savepoint, and SQLite keeps a
 * savepoint's undo pages in a statement journal: a temporary file by
 * default, about 20 pwrite() calls a payment. _cp_store_bulk_begin()
 * holds it in memory, where it stays small since each savepoint covers
 * one row, and a 32 MiB page cache keeps a 10,000-row import from
 * spilling. */
#define IMPORT_CACHE_KIB 32768

/* Checks and stores in one transaction, so nothing can slip in between. */
static gboolean
store_in_transaction (CpStore *store, CpStatement *statement, ApplyContext *context,
                      CpStatementCounts *counts, GError **error)
{
  CpStatementImportFlags flags = context->options->flags;

  if (!cp_store_begin (store, error))
    return FALSE;
  if (!check_rows (store, statement, context->plan_id, error))
    goto failed;
  cp_statement_import_count (statement, flags, counts);
  if (counts->problems > 0 && (flags & CP_STATEMENT_IMPORT_SKIP_BAD) == 0)
    {
      refuse_bad_rows (statement, counts, error);
      goto failed;
    }
  counts->added = counts->new_rows +
    ((flags & CP_STATEMENT_IMPORT_POSSIBLE_DUPLICATES) ? counts->possible_duplicates : 0);
  if (counts->added == 0)
    {
      cp_store_rollback (store);
      return TRUE;
    }
  if (!store_rows (store, statement, context, counts, error))
    goto failed;
  /* A failed commit has rolled back already. */
  return cp_store_commit (store, error);

failed:
  cp_store_rollback (store);
  return FALSE;
}

gboolean
cp_statement_import_apply (CpStore *store, CpStatement *statement, const char *plan_id,
                           const CpStatementImportOptions *options, CpStatementCounts *counts,
                           GError **error)
{
  static const CpStatementImportOptions defaults = { 0, NULL, CP_PAYMENT_METHOD_BANK_TRANSFER, NULL };
  g_autoptr(CpRecord) plan = NULL;
  g_autofree char *stream_id = NULL;
  ApplyContext context = { plan_id, NULL, NULL, options ? options : &defaults };
  CpStoreBulkPragmas saved;
  gboolean stored;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (statement != NULL && plan_id != NULL && counts != NULL, FALSE);

  if (!cp_statement_is_recognised (statement))
    {
      g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_MAPPING,
                   _("The columns of this file are not recognised: say which column is which first."));
      return FALSE;
    }
  if ((plan = cp_store_load (store, CP_TYPE_PLAN, plan_id, error)) == NULL)
    return FALSE;
  if (!load_line (store, plan_id, context.options, &stream_id, error))
    return FALSE;
  context.stream_id = stream_id;
  memset (counts, 0, sizeof *counts);
  /* A dry run only checks and counts; it works on a read-only store too. */
  if ((context.options->flags & CP_STATEMENT_IMPORT_DRY_RUN) != 0)
    return dry_run (store, statement, &context, counts, error);

  saved = _cp_store_bulk_begin (store, IMPORT_CACHE_KIB);
  stored = store_in_transaction (store, statement, &context, counts, error);
  _cp_store_bulk_end (store, &saved);
  if (!stored)
    counts->added = 0;
  return stored;
}
