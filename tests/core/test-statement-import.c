/* test-statement-import.c — statements into the ledger: once, all or nothing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-test-util.h"

typedef struct
{
  CpStore *store;
  char    *plan_id;
  char    *line_id;
  char    *stream_id;
  char    *other_line_id;
} Fixture;

static char *
insert (CpStore *store, CpRecord *record)
{
  g_autoptr(GError) error = NULL;

  cp_store_insert (store, record, &error);
  g_assert_no_error (error);
  return g_strdup (cp_record_get_id (record));
}

static char *
add_plan (CpStore *store, const char *person_id)
{
  g_autoptr(CpPlan) plan = g_object_new (CP_TYPE_PLAN, "person-id", person_id,
                                         "year-start", "2026-04-01", "year-end", "2027-03-31", NULL);
  return insert (store, CP_RECORD (plan));
}

static char *
add_line (CpStore *store, const char *plan_id, const char *stream_id)
{
  g_autoptr(CpBudgetLine) line = cp_budget_line_new (plan_id);

  g_object_set (line, "stream-id", stream_id, "category", "activities", "amount-pence", (gint64) 10000, NULL);
  return insert (store, CP_RECORD (line));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPerson) person = NULL;
  g_autoptr(CpFundingStream) stream = NULL;
  g_autofree char *other_plan = NULL;

  f->store = cp_test_open_store ();
  person = cp_test_add_person (f->store, "Ada", "Example");
  f->plan_id = add_plan (f->store, cp_record_get_id (CP_RECORD (person)));
  stream = g_object_new (CP_TYPE_FUNDING_STREAM, "plan-id", f->plan_id, "name", "NHS", NULL);
  f->stream_id = insert (f->store, CP_RECORD (stream));
  f->line_id = add_line (f->store, f->plan_id, f->stream_id);
  other_plan = add_plan (f->store, cp_record_get_id (CP_RECORD (person)));
  f->other_line_id = add_line (f->store, other_plan, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_free (f->plan_id);
  g_free (f->line_id);
  g_free (f->stream_id);
  g_free (f->other_line_id);
}

static CpStatement *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "statements", name, NULL);
  g_autoptr(GError) error = NULL;
  CpStatement *statement = cp_statement_load (path, &error);

  g_assert_no_error (error);
  return statement;
}

static gint64
count (Fixture *f, const char *sql)
{
  return cp_test_query_int (f->store, sql, NULL);
}

static gint64
n_payments (Fixture *f)
{
  return count (f, "SELECT count(*) FROM payment");
}

static void
apply_ok (Fixture *f, const char *name, const CpStatementImportOptions *options,
          CpStatementCounts *counts)
{
  g_autoptr(CpStatement) st = load_fixture (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_statement_import_apply (f->store, st, f->plan_id, options, counts, &error));
  g_assert_no_error (error);
}

/* Spending becomes payments; money in and the zero row do not; the
 * file is recorded; a second import adds nothing. */
static void
test_import_twice (Fixture *f, gconstpointer data)
{
  CpStatementCounts counts;
  gint64 audit;

  apply_ok (f, "current-account-amount.csv", NULL, &counts);
  g_assert_cmpuint (counts.rows, ==, 10);
  g_assert_cmpuint (counts.added, ==, 7);
  g_assert_cmpuint (counts.new_rows, ==, 7);
  g_assert_cmpuint (counts.money_in, ==, 2);
  g_assert_cmpint (counts.money_in_pence, ==, 125000 + 1299);
  g_assert_cmpuint (counts.zero, ==, 1);
  g_assert_cmpuint (counts.already_imported, ==, 0);
  g_assert_cmpint (counts.new_pence, ==, 32000 + 310 + 310 + 1840 + 2450 + 480 + 104000);
  g_assert_cmpint (n_payments (f), ==, 7);
  g_assert_cmpint (count (f, "SELECT sum(amount_pence) FROM payment"), ==, counts.new_pence);
  /* Both coffees: two genuine payments on one day. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment WHERE payee = 'COSTA COFFEE 4471'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment_import"), ==, 7);
  g_assert_cmpint (count (f, "SELECT count(*) FROM statement_import WHERE filename = 'current-account-amount.csv'"
                             " AND row_count = 7"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE table_name = 'payment' AND action = 'create'"), ==, 7);

  audit = cp_test_audit_count (f->store);
  apply_ok (f, "current-account-amount.csv", NULL, &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.new_rows, ==, 0);
  g_assert_cmpuint (counts.already_imported, ==, 7);
  g_assert_cmpint (n_payments (f), ==, 7);
  g_assert_cmpint (count (f, "SELECT count(*) FROM statement_import"), ==, 1);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);
}

/* A statement that overlaps an earlier one adds only the new rows: a
 * third coffee on the same day is new, the first two are not. */
static void
test_overlap (Fixture *f, gconstpointer data)
{
  static const char more[] =
    "Date,Description,Amount\n"
    "03/04/2026,COSTA COFFEE 4471,-3.10\n"
    "03/04/2026,COSTA COFFEE 4471,-3.10\n"
    "03/04/2026,COSTA COFFEE 4471,-3.10\n"
    "01/05/2026,HALLAM TAXIS,-9.00\n";
  g_autoptr(CpStatement) st = cp_statement_new_from_data (more, -1, "may.csv", NULL);
  g_autoptr(GError) error = NULL;
  CpStatementCounts counts;

  apply_ok (f, "current-account-amount.csv", NULL, &counts);
  g_assert_true (cp_statement_import_apply (f->store, st, f->plan_id, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.already_imported, ==, 2);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment WHERE payee = 'COSTA COFFEE 4471'"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM statement_import"), ==, 2);
}

/* A payment typed in by hand that matches is a possible duplicate: left
 * out unless the person says to add it. */
static void
test_possible_duplicate (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPayment) typed = cp_payment_new (f->plan_id);
  g_autoptr(CpStatement) st = load_fixture ("current-account-amount.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *typed_id = NULL;
  CpStatementImportOptions options = { CP_STATEMENT_IMPORT_POSSIBLE_DUPLICATES, NULL,
                                       CP_PAYMENT_METHOD_BANK_TRANSFER };
  CpStatementCounts counts;

  g_object_set (typed, "paid-on", "2026-04-07", "payee", "Nest Pensions", "amount-pence", (gint64) 1840, NULL);
  typed_id = insert (f->store, CP_RECORD (typed));

  g_assert_true (cp_statement_import_check (f->store, st, f->plan_id, &error));
  g_assert_cmpint (cp_statement_get_row (st, 4)->status, ==, CP_STATEMENT_STATUS_POSSIBLE_DUPLICATE);
  g_assert_cmpint (cp_statement_get_row (st, 1)->status, ==, CP_STATEMENT_STATUS_NEW);

  apply_ok (f, "current-account-amount.csv", NULL, &counts);
  g_assert_cmpuint (counts.possible_duplicates, ==, 1);
  g_assert_cmpuint (counts.added, ==, 6);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment WHERE amount_pence = 1840"), ==, 1);
  g_assert_cmpint (count (f, "SELECT skipped_count FROM statement_import"), ==, 1);

  /* Asked again, the person says it is a second payment. */
  apply_ok (f, "current-account-amount.csv", &options, &counts);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment WHERE amount_pence = 1840"), ==, 2);
}

/* Bad rows: nothing is imported unless the person says to skip them. */
static void
test_bad_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(CpStatement) st = load_fixture ("bad-rows.csv");
  g_autoptr(GError) error = NULL;
  CpStatementImportOptions skip = { CP_STATEMENT_IMPORT_SKIP_BAD, NULL, CP_PAYMENT_METHOD_BANK_TRANSFER };
  CpStatementCounts counts;
  gint64 audit = cp_test_audit_count (f->store);

  g_assert_false (cp_statement_import_apply (f->store, st, f->plan_id, NULL, &counts, &error));
  g_assert_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_BAD_ROWS);
  g_assert_true (g_str_has_prefix (error->message, "5 rows could not be read, so nothing was imported:\nLine 3: "));
  g_assert_nonnull (strstr (error->message, "\nLine 7: "));
  g_assert_cmpuint (counts.problems, ==, 5);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpint (n_payments (f), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM statement_import"), ==, 0);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);

  apply_ok (f, "bad-rows.csv", &skip, &counts);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpint (n_payments (f), ==, 2);
  g_assert_cmpint (count (f, "SELECT skipped_count FROM statement_import"), ==, 5);
}

/* A failure on the fifth payment leaves nothing behind. */
static void
test_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr(CpStatement) st = load_fixture ("current-account-amount.csv");
  g_autoptr(GError) error = NULL;
  CpStatementCounts counts;
  gint64 audit = cp_test_audit_count (f->store);

  /* The import holds its savepoint journals in memory (temp_store = 2);
   * changing temp_store would drop this TEMP trigger, so set it first. */
  g_assert_true (cp_store_exec (f->store, "PRAGMA temp_store = 2", NULL));
  g_assert_true (cp_store_exec (f->store,
                                "CREATE TEMP TRIGGER fail_payroll BEFORE INSERT ON payment"
                                " WHEN NEW.payee = 'PAYROLL BUREAU FEE'"
                                " BEGIN SELECT RAISE (ABORT, 'the disk is full'); END", NULL));
  g_assert_false (cp_statement_import_apply (f->store, st, f->plan_id, NULL, &counts, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Line 10: "));
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpint (n_payments (f), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment_import"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM statement_import"), ==, 0);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);

  /* Once the trouble is gone the same file imports whole. */
  g_assert_true (cp_store_exec (f->store, "DROP TRIGGER fail_payroll", NULL));
  g_clear_error (&error);
  g_assert_true (cp_statement_import_apply (f->store, st, f->plan_id, NULL, &counts, &error));
  g_assert_cmpuint (counts.added, ==, 7);
}

/* Every payment gets the chosen line and its stream; the type column
 * gives the method where it says one. */
static void
test_line_and_method (Fixture *f, gconstpointer data)
{
  CpStatementImportOptions options = { 0, f->line_id, CP_PAYMENT_METHOD_PREPAID_CARD };
  CpStatementCounts counts;

  apply_ok (f, "paid-out-paid-in.csv", &options, &counts);
  g_assert_cmpuint (counts.added, ==, 5);
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM payment WHERE budget_line_id = ?1",
                                      f->line_id), ==, 5);
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM payment WHERE stream_id = ?1",
                                      f->stream_id), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment WHERE method = 'direct-debit'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment WHERE method = 'standing-order'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment WHERE method = 'card'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment WHERE method = 'bank-transfer'"), ==, 1);
}

/* A funding stream chosen on its own; a stream of another plan is refused. */
static void
test_stream (Fixture *f, gconstpointer data)
{
  g_autofree char *other_plan = cp_test_query_text (f->store, "SELECT plan_id FROM budget_line WHERE id = ?1",
                                                    f->other_line_id);
  g_autoptr(CpFundingStream) foreign = g_object_new (CP_TYPE_FUNDING_STREAM, "plan-id", other_plan, NULL);
  g_autofree char *foreign_id = insert (f->store, CP_RECORD (foreign));
  g_autoptr(CpStatement) st = load_fixture ("current-account-amount.csv");
  g_autoptr(GError) error = NULL;
  CpStatementImportOptions wrong = { 0, NULL, CP_PAYMENT_METHOD_BANK_TRANSFER, foreign_id };
  CpStatementImportOptions options = { 0, NULL, CP_PAYMENT_METHOD_BANK_TRANSFER, f->stream_id };
  CpStatementCounts counts;

  g_assert_false (cp_statement_import_apply (f->store, st, f->plan_id, &wrong, &counts, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_cmpint (n_payments (f), ==, 0);
  apply_ok (f, "current-account-amount.csv", &options, &counts);
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM payment WHERE stream_id = ?1"
                                                " AND budget_line_id IS NULL", f->stream_id), ==, 7);
}

static char *
add_stream (Fixture *f, const char *plan_id, const char *name, CpManagement management)
{
  g_autoptr(CpFundingStream) stream = cp_funding_stream_new (plan_id);

  g_object_set (stream, "name", name, "management", management, NULL);
  return insert (f->store, CP_RECORD (stream));
}

/* The accounts a statement can be of: this plan's live direct-payment and
 * prepaid-card streams, by name; not notional, third-party or managed
 * money, not a deleted stream, not another plan's. */
static void
test_accounts (Fixture *f, gconstpointer data)
{
  g_autofree char *other_plan = cp_test_query_text (f->store, "SELECT plan_id FROM budget_line WHERE id = ?1",
                                                    f->other_line_id);
  g_autofree char *card = add_stream (f, f->plan_id, "Card", CP_MANAGEMENT_PREPAID_CARD);
  g_autofree char *direct = add_stream (f, f->plan_id, "Account", CP_MANAGEMENT_DIRECT_PAYMENT);
  g_autofree char *gone = add_stream (f, f->plan_id, "Closed account", CP_MANAGEMENT_DIRECT_PAYMENT);
  g_autoptr(CpRecord) closed = cp_store_load (f->store, CP_TYPE_FUNDING_STREAM, gone, NULL);
  g_autoptr(GPtrArray) streams = NULL;
  g_autoptr(GError) error = NULL;

  g_free (add_stream (f, f->plan_id, "Third party", CP_MANAGEMENT_THIRD_PARTY));
  g_free (add_stream (f, f->plan_id, "Managed", CP_MANAGEMENT_MANAGED_ACCOUNT));
  g_free (add_stream (f, other_plan, "Other plan's account", CP_MANAGEMENT_DIRECT_PAYMENT));
  g_assert_true (cp_store_tombstone (f->store, closed, &error));
  g_assert_no_error (error);

  streams = cp_statement_import_list_accounts (f->store, f->plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (streams->len, ==, 2);
  g_assert_cmpstr (cp_record_get_id (g_ptr_array_index (streams, 0)), ==, direct);
  g_assert_cmpstr (cp_record_get_id (g_ptr_array_index (streams, 1)), ==, card);
  g_assert_true (CP_IS_FUNDING_STREAM (g_ptr_array_index (streams, 0)));
}

/* The account's stream goes on every payment, none left without; the
 * fingerprint ignores it, so the same file again adds nothing whatever
 * stream is chosen then, and what was stored keeps its stream. */
static void
test_account_stream_again (Fixture *f, gconstpointer data)
{
  g_autofree char *account = add_stream (f, f->plan_id, "Direct payment account", CP_MANAGEMENT_DIRECT_PAYMENT);
  g_autofree char *card = add_stream (f, f->plan_id, "Card", CP_MANAGEMENT_PREPAID_CARD);
  CpStatementImportOptions options = { 0, NULL, CP_PAYMENT_METHOD_BANK_TRANSFER, account };
  CpStatementImportOptions other = { 0, NULL, CP_PAYMENT_METHOD_BANK_TRANSFER, card };
  CpStatementCounts counts;

  apply_ok (f, "current-account-amount.csv", &options, &counts);
  g_assert_cmpuint (counts.added, ==, 7);
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM payment WHERE stream_id = ?1",
                                      account), ==, 7);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment WHERE stream_id IS NULL"), ==, 0);

  apply_ok (f, "current-account-amount.csv", &options, &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.already_imported, ==, 7);
  apply_ok (f, "current-account-amount.csv", &other, &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  apply_ok (f, "current-account-amount.csv", NULL, &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpint (n_payments (f), ==, 7);
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM payment WHERE stream_id = ?1",
                                      account), ==, 7);
  g_assert_cmpint (count (f, "SELECT count(*) FROM statement_import"), ==, 1);
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(CpStatement) st = load_fixture ("current-account-amount.csv");
  g_autoptr(CpStatement) unknown = load_fixture ("no-header.csv");
  g_autoptr(GError) error = NULL;
  CpStatementImportOptions other = { 0, f->other_line_id, CP_PAYMENT_METHOD_BANK_TRANSFER };
  CpStatementCounts counts;

  g_assert_false (cp_statement_import_apply (f->store, st, f->plan_id, &other, &counts, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cp_statement_import_apply (f->store, st, "00000000-0000-0000-0000-000000000000",
                                             NULL, &counts, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cp_statement_import_apply (f->store, unknown, f->plan_id, NULL, &counts, &error));
  g_assert_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_MAPPING);
  g_assert_cmpint (n_payments (f), ==, 0);
}

static void
test_dry_run (Fixture *f, gconstpointer data)
{
  CpStatementImportOptions dry = { CP_STATEMENT_IMPORT_DRY_RUN, NULL, CP_PAYMENT_METHOD_BANK_TRANSFER };
  CpStatementCounts counts;

  apply_ok (f, "current-account-amount.csv", &dry, &counts);
  g_assert_cmpuint (counts.added, ==, 7);
  g_assert_cmpint (n_payments (f), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM statement_import"), ==, 0);
}

/* Excluded spending is a warning: the rows still import. */
static void
test_warnings_import (Fixture *f, gconstpointer data)
{
  CpStatementCounts counts;

  apply_ok (f, "excluded-spending.csv", NULL, &counts);
  g_assert_cmpuint (counts.warnings, ==, 4);
  g_assert_cmpuint (counts.added, ==, 6);
}

/* Spending dated outside the plan's year of care is flagged, not refused. */
static void
test_outside_year (Fixture *f, gconstpointer data)
{
  g_autoptr(CpStatement) st = cp_statement_new_from_data ("Date,Description,Amount\n"
                                                          "31/03/2026,LAST YEAR,-5.00\n"
                                                          "01/04/2026,FIRST DAY,-6.00\n"
                                                          "31/03/2027,LAST DAY,-7.00\n"
                                                          "01/04/2027,NEXT YEAR,-8.00\n", -1, "year.csv", NULL);
  g_autoptr(GError) error = NULL;
  CpStatementCounts counts;

  g_assert_true (cp_statement_import_apply (f->store, st, f->plan_id, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cp_statement_get_row (st, 0)->year_warning, ==,
                   "This is dated outside the plan's year of care (1 April 2026 to 31 March 2027).");
  g_assert_null (cp_statement_get_row (st, 1)->year_warning);
  g_assert_null (cp_statement_get_row (st, 2)->year_warning);
  g_assert_nonnull (cp_statement_get_row (st, 3)->year_warning);
  g_assert_cmpuint (counts.warnings, ==, 2);
  g_assert_cmpuint (counts.added, ==, 4);
}

/* Fingerprints belong to a plan: the same file can go into another plan. */
static void
test_per_plan (Fixture *f, gconstpointer data)
{
  g_autofree char *other_plan = cp_test_query_text (f->store, "SELECT plan_id FROM budget_line WHERE id = ?1",
                                                    f->other_line_id);
  g_autoptr(CpStatement) st = load_fixture ("current-account-amount.csv");
  g_autoptr(GError) error = NULL;
  CpStatementCounts counts;

  apply_ok (f, "current-account-amount.csv", NULL, &counts);
  g_assert_true (cp_statement_import_apply (f->store, st, other_plan, NULL, &counts, &error));
  g_assert_cmpuint (counts.added, ==, 7);
  g_assert_cmpint (n_payments (f), ==, 14);
}

static void
test_method_words (void)
{
  g_assert_cmpint (cp_statement_import_method_for_type ("DD", CP_PAYMENT_METHOD_CASH), ==, CP_PAYMENT_METHOD_DIRECT_DEBIT);
  g_assert_cmpint (cp_statement_import_method_for_type ("Standing Order", CP_PAYMENT_METHOD_CASH), ==, CP_PAYMENT_METHOD_STANDING_ORDER);
  g_assert_cmpint (cp_statement_import_method_for_type ("deb", CP_PAYMENT_METHOD_CASH), ==, CP_PAYMENT_METHOD_CARD);
  g_assert_cmpint (cp_statement_import_method_for_type ("", CP_PAYMENT_METHOD_PREPAID_CARD), ==, CP_PAYMENT_METHOD_PREPAID_CARD);
  g_assert_cmpint (cp_statement_import_method_for_type (NULL, CP_PAYMENT_METHOD_CASH), ==, CP_PAYMENT_METHOD_CASH);
}

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);
  add_test ("/statement-import/twice", test_import_twice);
  add_test ("/statement-import/overlap", test_overlap);
  add_test ("/statement-import/possible-duplicate", test_possible_duplicate);
  add_test ("/statement-import/bad-rows", test_bad_rows);
  add_test ("/statement-import/rollback", test_rollback);
  add_test ("/statement-import/line-and-method", test_line_and_method);
  add_test ("/statement-import/stream", test_stream);
  add_test ("/statement-import/accounts", test_accounts);
  add_test ("/statement-import/account-stream-again", test_account_stream_again);
  add_test ("/statement-import/refusals", test_refusals);
  add_test ("/statement-import/dry-run", test_dry_run);
  add_test ("/statement-import/warnings", test_warnings_import);
  add_test ("/statement-import/per-plan", test_per_plan);
  add_test ("/statement-import/outside-year", test_outside_year);
  g_test_add_func ("/statement-import/method-words", test_method_words);
  return g_test_run ();
}
