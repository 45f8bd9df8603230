/* test-cli-import-statement.c — coplan-cli import-statement as a person runs it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-cli-import-statement PATH-TO-coplan-cli [GTest options]
 */
#include "coplan-core.h"
#include "cp-test-cli.h"

typedef struct
{
  CliFixture cli;
  char *person_id;
  char *plan_id;
  char *line_id;
} Fixture;

static char *
insert (CpStore *store, CpRecord *record)
{
  g_autoptr(GError) error = NULL;

  cp_store_insert (store, record, &error);
  g_assert_no_error (error);
  return g_strdup (cp_record_get_id (record));
}

/* A person with one plan and one budget line, then the store is closed
 * so the command can take the write lock. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpPerson) person = cp_person_new ();
  g_autoptr(CpPlan) plan = NULL;
  g_autoptr(CpBudgetLine) line = NULL;

  cli_fixture_set_up (&f->cli, data);
  store = cp_store_open (f->cli.db, &error);
  g_assert_no_error (error);
  g_object_set (person, "given-name", "Ada", "family-name", "Example", NULL);
  f->person_id = insert (store, CP_RECORD (person));
  plan = g_object_new (CP_TYPE_PLAN, "person-id", f->person_id, "year-start", "2026-04-01",
                       "year-end", "2027-03-31", NULL);
  f->plan_id = insert (store, CP_RECORD (plan));
  line = cp_budget_line_new (f->plan_id);
  g_object_set (line, "category", "activities", NULL);
  f->line_id = insert (store, CP_RECORD (line));
  cp_store_close (store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  cli_fixture_tear_down (&f->cli, data);
  g_free (f->person_id);
  g_free (f->plan_id);
  g_free (f->line_id);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "statements", name, NULL);
}

/* Runs coplan-cli --db DB import-statement @args… */
static void
run_import (Fixture *f, CliRun *run, const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->cli.db);
  g_ptr_array_add (argv, (gpointer) "import-statement");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  cli_run_argv (&f->cli, run, (const char *const *) argv->pdata);
}

static gint64
query (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open_full (f->cli.db, CP_STORE_OPEN_READ_ONLY, 0, &error);
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_no_error (error);
  stmt = cp_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
assert_says (const char *text, const char *words)
{
  if (strstr (text, words) == NULL)
    g_error ("“%s” does not say “%s”", text, words);
}

static void
test_import_and_again (Fixture *f, gconstpointer data)
{
  g_autofree char *file = fixture_path ("current-account-amount.csv");
  g_auto(CliRun) first = { 0 };
  g_auto(CliRun) second = { 0 };

  run_import (f, &first, "--person", f->person_id, file, NULL);
  g_assert_cmpint (first.status, ==, 0);
  assert_says (first.out, "Payments added: 7 (£1,413.90)");
  assert_says (first.out, "Already imported: 0");
  assert_says (first.out, "Money in, which is not spending (left out): 2 (£1,262.99)");
  g_assert_cmpint (query (f, "SELECT count(*) FROM payment"), ==, 7);

  run_import (f, &second, "--person", f->person_id, file, NULL);
  g_assert_cmpint (second.status, ==, 0);
  assert_says (second.out, "Payments added: 0 (£0.00)");
  assert_says (second.out, "Already imported: 7");
  g_assert_cmpint (query (f, "SELECT count(*) FROM payment"), ==, 7);
  g_assert_cmpint (query (f, "SELECT count(*) FROM statement_import"), ==, 1);
}

/* Bad rows: exit 1, every bad line named, nothing stored; --skip-bad imports the rest. */
static void
test_bad_rows (Fixture *f, gconstpointer data)
{
  g_autofree char *file = fixture_path ("bad-rows.csv");
  g_auto(CliRun) refused = { 0 };
  g_auto(CliRun) skipped = { 0 };

  run_import (f, &refused, "--person", f->person_id, file, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  assert_says (refused.err, "coplan-cli: 5 rows could not be read, so nothing was imported:");
  assert_says (refused.err, "Line 3: the date “31/02/2026” cannot be read");
  assert_says (refused.err, "Line 4: the amount “-1.005” cannot be read");
  assert_says (refused.err, "Line 7: ");
  assert_says (refused.err, "--skip-bad");
  g_assert_cmpint (query (f, "SELECT count(*) FROM payment"), ==, 0);

  run_import (f, &skipped, "--person", f->person_id, "--skip-bad", file, NULL);
  g_assert_cmpint (skipped.status, ==, 0);
  assert_says (skipped.out, "Payments added: 2");
  assert_says (skipped.out, "Skipped because they could not be read: 5");
  assert_says (skipped.out, "  Line 5: the amount “-12.5O”");
  g_assert_cmpint (query (f, "SELECT count(*) FROM payment"), ==, 2);
}

static void
test_mapping (Fixture *f, gconstpointer data)
{
  g_autofree char *file = fixture_path ("no-header.csv");
  g_auto(CliRun) unknown = { 0 };
  g_auto(CliRun) bad_map = { 0 };
  g_auto(CliRun) past_end = { 0 };
  g_auto(CliRun) mapped = { 0 };

  run_import (f, &unknown, "--person", f->person_id, file, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  assert_says (unknown.err, "are not recognised");
  assert_says (unknown.err, "--map");
  assert_says (unknown.err, "2 “ACME CARE LTD”");

  run_import (f, &bad_map, "--person", f->person_id, "--map", "date=1,amount=3", file, NULL);
  g_assert_cmpint (bad_map.status, ==, 2);
  assert_says (bad_map.err, "description");

  /* A column the file does not have is a mistake in --map, said as such,
   * not "there is no amount" on every row. */
  run_import (f, &past_end, "--person", f->person_id, "--map", "date=1,description=2,amount=9", file, NULL);
  g_assert_cmpint (past_end.status, ==, 2);
  assert_says (past_end.err, "column 9");
  g_assert_null (strstr (past_end.err, "there is no amount"));

  run_import (f, &mapped, "--person", f->person_id, "--map", "date=1,description=2,amount=3",
              "--line", f->line_id, file, NULL);
  g_assert_cmpint (mapped.status, ==, 0);
  assert_says (mapped.out, "Payments added: 2 (£138.00)");
  g_assert_cmpint (query (f, "SELECT count(*) FROM payment WHERE budget_line_id IS NOT NULL"), ==, 2);
}

static void
test_dry_run_and_warnings (Fixture *f, gconstpointer data)
{
  g_autofree char *file = fixture_path ("excluded-spending.csv");
  g_auto(CliRun) dry = { 0 };

  run_import (f, &dry, "--person", f->person_id, "--dry-run", file, NULL);
  g_assert_cmpint (dry.status, ==, 0);
  assert_says (dry.out, "Payments it would add: 6");
  assert_says (dry.out, "Warnings: 4");
  assert_says (dry.out, "  Line 2: This looks like gambling (“casino”)");
  g_assert_cmpint (query (f, "SELECT count(*) FROM payment"), ==, 0);
}

static void
test_usage_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *file = fixture_path ("current-account-amount.csv");
  g_auto(CliRun) no_person = { 0 };
  g_auto(CliRun) no_file = { 0 };
  g_auto(CliRun) unknown_person = { 0 };
  g_auto(CliRun) missing_file = { 0 };
  g_auto(CliRun) other_line = { 0 };

  run_import (f, &no_person, file, NULL);
  g_assert_cmpint (no_person.status, ==, 2);
  assert_says (no_person.err, "--person");
  run_import (f, &no_file, "--person", f->person_id, NULL);
  g_assert_cmpint (no_file.status, ==, 2);
  run_import (f, &unknown_person, "--person", "00000000-0000-0000-0000-000000000000", file, NULL);
  g_assert_cmpint (unknown_person.status, ==, 1);
  run_import (f, &missing_file, "--person", f->person_id, "/nonexistent/april.csv", NULL);
  g_assert_cmpint (missing_file.status, ==, 1);
  assert_says (missing_file.err, "Could not read “/nonexistent/april.csv”");
  run_import (f, &other_line, "--person", f->person_id, "--line", "00000000-0000-0000-0000-000000000000",
              file, NULL);
  g_assert_cmpint (other_line.status, ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM payment"), ==, 0);
}

/* A stream added to the plan after set-up; the store is closed again. */
static char *
add_stream (Fixture *f, const char *name, CpManagement management)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (f->cli.db, &error);
  g_autoptr(CpFundingStream) stream = cp_funding_stream_new (f->plan_id);
  char *id;

  g_assert_no_error (error);
  g_object_set (stream, "name", name, "management", management, "agreed-pence", (gint64) 1200000,
                "frequency", CP_FREQUENCY_MONTHLY, NULL);
  id = insert (store, CP_RECORD (stream));
  cp_store_close (store);
  return id;
}

static gint64
query_id (Fixture *f, const char *sql, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open_full (f->cli.db, CP_STORE_OPEN_READ_ONLY, 0, &error);
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_no_error (error);
  stmt = cp_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return value;
}

/* The plan's only direct payment is the statement's account without
 * being named, and the quarter's monitoring return then counts the
 * imported spending. */
static void
test_only_stream (Fixture *f, gconstpointer data)
{
  g_autofree char *file = fixture_path ("current-account-amount.csv");
  g_autofree char *account = add_stream (f, "Direct payment account", CP_MANAGEMENT_DIRECT_PAYMENT);
  /* Not an account: it does not make the choice ambiguous. */
  g_autofree char *notional = add_stream (f, "Council notional", CP_MANAGEMENT_NOTIONAL);
  g_autofree char *csv = g_build_filename (f->cli.dir, "return.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(CliRun) imported = { 0 };
  g_auto(CliRun) again = { 0 };
  g_auto(CliRun) monitoring = { 0 };
  const char *monitoring_argv[] = { "--db", f->cli.db, "monitoring-return", "--person", f->person_id,
                                    "--quarter", "2026-Q2", "-o", csv, NULL };

  run_import (f, &imported, "--person", f->person_id, file, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  assert_says (imported.out, "Funding stream: Direct payment account (Direct payment)");
  assert_says (imported.out, "Payments added: 7 (£1,413.90)");
  g_assert_cmpint (query_id (f, "SELECT count(*) FROM payment WHERE stream_id = ?1", account), ==, 7);
  g_assert_cmpint (query (f, "SELECT count(*) FROM payment WHERE stream_id IS NULL"), ==, 0);

  /* Again, naming the stream this time: the fingerprints still match. */
  run_import (f, &again, "--person", f->person_id, "--stream", account, file, NULL);
  g_assert_cmpint (again.status, ==, 0);
  assert_says (again.out, "Payments added: 0 (£0.00)");
  assert_says (again.out, "Already imported: 7");

  cli_run_argv (&f->cli, &monitoring, monitoring_argv);
  g_assert_cmpint (monitoring.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  if (strstr (contents, "Spent,1413.90\n") == NULL)
    g_error ("The return does not count the statement: %s", contents);
  g_assert_cmpint (query_id (f, "SELECT count(*) FROM payment WHERE stream_id = ?1", notional), ==, 0);
}

/* Several accounts: the command asks which, naming them, and stores
 * nothing; --stream answers; --line on an account's stream answers too;
 * a stream that is not an account, or not there, is refused. */
static void
test_several_streams (Fixture *f, gconstpointer data)
{
  g_autofree char *file = fixture_path ("current-account-amount.csv");
  g_autofree char *card_file = fixture_path ("prepaid-card.csv");
  g_autofree char *account = add_stream (f, "Direct payment account", CP_MANAGEMENT_DIRECT_PAYMENT);
  g_autofree char *card = add_stream (f, "Prepaid card", CP_MANAGEMENT_PREPAID_CARD);
  g_autofree char *notional = add_stream (f, "Council notional", CP_MANAGEMENT_NOTIONAL);
  g_auto(CliRun) asked = { 0 };
  g_auto(CliRun) not_account = { 0 };
  g_auto(CliRun) unknown = { 0 };
  g_auto(CliRun) chosen = { 0 };
  g_auto(CliRun) by_line = { 0 };

  run_import (f, &asked, "--person", f->person_id, file, NULL);
  g_assert_cmpint (asked.status, ==, 2);
  assert_says (asked.err, "this plan has 2 direct-payment or prepaid-card streams");
  assert_says (asked.err, "--stream ID");
  assert_says (asked.err, account);
  assert_says (asked.err, "Prepaid card (Prepaid card)");
  g_assert_null (strstr (asked.err, notional));
  g_assert_cmpint (query (f, "SELECT count(*) FROM payment"), ==, 0);

  run_import (f, &not_account, "--person", f->person_id, "--stream", notional, file, NULL);
  g_assert_cmpint (not_account.status, ==, 2);
  assert_says (not_account.err, "is not one of this plan's direct-payment or prepaid-card streams");
  run_import (f, &unknown, "--person", f->person_id, "--stream", "nonsense", "--dry-run", file, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  assert_says (unknown.err, "“nonsense” is not one");
  g_assert_cmpint (query (f, "SELECT count(*) FROM payment"), ==, 0);

  run_import (f, &chosen, "--person", f->person_id, "--stream", card, card_file, NULL);
  g_assert_cmpint (chosen.status, ==, 0);
  assert_says (chosen.out, "Funding stream: Prepaid card (Prepaid card)");
  g_assert_cmpint (query_id (f, "SELECT count(*) FROM payment WHERE stream_id = ?1", card), ==, 3);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CpStore) store = cp_store_open (f->cli.db, &error);
    g_autoptr(CpRecord) line = cp_store_load (store, CP_TYPE_BUDGET_LINE, f->line_id, &error);

    g_assert_no_error (error);
    g_object_set (line, "stream-id", account, NULL);
    g_assert_true (cp_store_update (store, line, &error));
    cp_store_close (store);
  }
  run_import (f, &by_line, "--person", f->person_id, "--line", f->line_id, file, NULL);
  g_assert_cmpint (by_line.status, ==, 0);
  assert_says (by_line.out, "Funding stream: Direct payment account (Direct payment)");
  g_assert_cmpint (query_id (f, "SELECT count(*) FROM payment WHERE stream_id = ?1", account), ==, 7);
}

/* No account at all: imported as before, and said so. */
static void
test_no_stream (Fixture *f, gconstpointer data)
{
  g_autofree char *file = fixture_path ("current-account-amount.csv");
  g_auto(CliRun) run = { 0 };

  run_import (f, &run, "--person", f->person_id, file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_says (run.out, "Funding stream: none (the plan has no direct payment or prepaid card");
  g_assert_cmpint (query (f, "SELECT count(*) FROM payment WHERE stream_id IS NULL"), ==, 7);
}

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("Usage: %s PATH-TO-coplan-cli", argv[0]);
  cp_test_cli_path = argv[1];
  add_test ("/cli/import-statement/twice", test_import_and_again);
  add_test ("/cli/import-statement/bad-rows", test_bad_rows);
  add_test ("/cli/import-statement/mapping", test_mapping);
  add_test ("/cli/import-statement/dry-run", test_dry_run_and_warnings);
  add_test ("/cli/import-statement/usage", test_usage_errors);
  add_test ("/cli/import-statement/only-stream", test_only_stream);
  add_test ("/cli/import-statement/several-streams", test_several_streams);
  add_test ("/cli/import-statement/no-stream", test_no_stream);
  return g_test_run ();
}
