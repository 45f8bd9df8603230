/* bench-ledger.c — how fast the Spending tab's list reads a 100,000-payment plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-ledger [N-PAYMENTS]
 *
 * Builds one plan with N payments (100,000 by default; seeded, so every
 * run has the same data) in a temporary database, then times what the
 * tab does: open the ledger (count), read the first page, read a page
 * deep in the list, sort by amount, search, find one payment and sum the
 * totals. Each figure is the median of 5 runs, from a cold page cache.
 */
#include <stdlib.h>
#include <time.h>

#include "cp-test-tree.h"
#include "coplan-core.h"

#define RUNS 5

typedef struct
{
  CpStore *store;
  char    *plan_id;
  char    *lines[6];
  char    *streams[2];
} Bench;

static char *
insert (CpStore *store, gpointer record)
{
  g_autoptr(GError) error = NULL;

  if (!cp_store_insert (store, CP_RECORD (record), &error))
    g_error ("%s", error->message);
  return g_strdup (cp_record_get_id (CP_RECORD (record)));
}

static void
make_plan (Bench *b)
{
  g_autoptr(CpPerson) person = cp_person_new ();
  g_autoptr(CpPlan) plan = NULL;
  static const char *const categories[] = { "PA wages", "Employer costs", "Respite", "Equipment", "Therapies", "Transport" };

  g_object_set (person, "given-name", "Bench", "family-name", "Mark", NULL);
  g_free (insert (b->store, person));
  plan = cp_plan_new (cp_record_get_id (CP_RECORD (person)));
  b->plan_id = insert (b->store, plan);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CpFundingStream) stream = cp_funding_stream_new (b->plan_id);

      g_object_set (stream, "funder", i == 0 ? CP_FUNDER_NHS : CP_FUNDER_SOCIAL_CARE,
                    "agreed-pence", (gint64) 500000000, NULL);
      b->streams[i] = insert (b->store, stream);
    }
  for (guint i = 0; i < G_N_ELEMENTS (b->lines); i++)
    {
      g_autoptr(CpBudgetLine) line = cp_budget_line_new (b->plan_id);

      g_object_set (line, "category", categories[i], "stream-id", b->streams[i % 2], NULL);
      b->lines[i] = insert (b->store, line);
    }
}

/* Rows straight into the table through one prepared statement: the
 * benchmark measures reading, not the audit trail of writing. */
static void
make_payments (Bench *b, guint n)
{
  static const char sql[] =
    "INSERT INTO payment (id, created_at, updated_at, plan_id, paid_on, payee, amount_pence,"
    " budget_line_id, stream_id, reference, note) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '')";
  static const char *const payees[] = { "Sunrise Care", "Ace Taxis", "Tesco", "Boots", "Leisure Centre",
                                        "Payroll Bureau", "HMRC", "NEST Pensions", "Argos", "Swim England" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GDate day;

  if (!cp_store_begin (b->store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *stmt = cp_store_prepare (b->store, sql, &error);
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *created = g_strdup_printf ("2026-01-01T00:00:00.%06uZ", i);
      g_autofree char *ref = g_strdup_printf ("REF-%06u", i);
      char date[16];
      guint line = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (b->lines));

      g_date_set_dmy (&day, 1, 4, 2000);
      g_date_add_days (&day, (guint) g_rand_int_range (rand, 0, 365 * 27));
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &day);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, created, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, b->plan_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, payees[g_rand_int_range (rand, 0, G_N_ELEMENTS (payees))], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, g_rand_int_range (rand, 100, 50000));
      sqlite3_bind_text (stmt, 7, b->lines[line], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, b->streams[line % 2], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, ref, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("insert failed: %s", sqlite3_errmsg (cp_store_get_db (b->store)));
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  if (!cp_store_commit (b->store, &error))
    g_error ("%s", error->message);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

typedef void (*Step) (Bench *b, CpLedger **ledger);

static void
step_open (Bench *b, CpLedger **ledger)
{
  g_clear_object (ledger);
  *ledger = cp_ledger_new (b->store, b->plan_id);
}

static void
read_item (CpLedger *ledger, guint position)
{
  g_autoptr(CpLedgerEntry) entry = g_list_model_get_item (G_LIST_MODEL (ledger), position);

  if (entry == NULL)
    g_error ("no row %u", position);
}

static void
step_first_page (Bench *b, CpLedger **ledger)
{
  cp_ledger_refresh (*ledger);
  read_item (*ledger, 0);
}

static void
step_deep_page (Bench *b, CpLedger **ledger)
{
  cp_ledger_refresh (*ledger);
  read_item (*ledger, g_list_model_get_n_items (G_LIST_MODEL (*ledger)) * 9 / 10);
}

static void
step_sort_amount (Bench *b, CpLedger **ledger)
{
  cp_ledger_set_sort (*ledger, CP_LEDGER_SORT_AMOUNT, TRUE);
  read_item (*ledger, 0);
  cp_ledger_set_sort (*ledger, CP_LEDGER_SORT_DATE, TRUE);
}

static void
step_search (Bench *b, CpLedger **ledger)
{
  cp_ledger_set_search (*ledger, "taxis");
  read_item (*ledger, 0);
  cp_ledger_set_search (*ledger, NULL);
}

static void
step_totals (Bench *b, CpLedger **ledger)
{
  CpLedgerTotals totals;

  if (!cp_ledger_get_totals (*ledger, &totals, NULL))
    g_error ("totals failed");
}

static void
step_find (Bench *b, CpLedger **ledger)
{
  g_autoptr(CpLedgerEntry) entry = g_list_model_get_item (G_LIST_MODEL (*ledger), 500);

  if (cp_ledger_find_position (*ledger, cp_ledger_entry_get_id (entry)) != 500)
    g_error ("find_position is wrong");
}

/* Wall-clock and CPU time, medians: on a busy machine the CPU time is
 * the steadier figure. */
static double
time_step (Bench *b, CpLedger **ledger, Step step, double *cpu_ms)
{
  double times[RUNS];
  double cpu[RUNS];

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      clock_t cpu_start = clock ();

      step (b, ledger);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[run] = (double) (clock () - cpu_start) * 1000.0 / CLOCKS_PER_SEC;
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  qsort (cpu, RUNS, sizeof cpu[0], compare_doubles);
  *cpu_ms = cpu[RUNS / 2];
  return times[RUNS / 2];
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-ledger-XXXXXX", &error);
  g_autofree char *path = NULL;
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  CpLedger *ledger = NULL;
  Bench b = { 0 };
  static const struct { const char *name; Step step; } steps[] = {
    { "open (count + agreed)", step_open },
    { "first page (64 rows)", step_first_page },
    { "page at 90% depth", step_deep_page },
    { "sort by amount, first page", step_sort_amount },
    { "search \"taxis\", first page", step_search },
    { "totals", step_totals },
    { "find one payment's row", step_find },
  };
  gint64 start;

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  path = g_build_filename (dir, "bench.db", NULL);
  b.store = cp_store_open (path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  make_plan (&b);
  make_payments (&b, n);
  g_print ("bench-ledger: one plan of %u payments made in %.1f s\n", n,
           (g_get_monotonic_time () - start) / 1e6);
  step_open (&b, &ledger);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double cpu = 0;
      double wall = time_step (&b, &ledger, steps[i].step, &cpu);

      g_print ("bench-ledger: %-28s %8.1f ms wall, %8.1f ms CPU (medians of %d)\n",
               steps[i].name, wall, cpu, RUNS);
    }
  g_clear_object (&ledger);
  cp_store_close (b.store);
  g_clear_object (&b.store);
  cp_test_remove_tree (dir);
  return 0;
}
