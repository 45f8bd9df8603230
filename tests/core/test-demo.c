/* test-demo.c — the demo caseload: repeatable, exact and believable
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-test-util.h"

/* A fixed "today", so two runs either side of midnight still match. */
#define TODAY "2026-06-15"

static CpStore *
open_fresh (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cp_test_data_path (name);
  CpStore *store;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  store = cp_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static CpStore *
generate (const char *name, guint people, guint64 payments, guint64 seed)
{
  g_autoptr(GError) error = NULL;
  CpDemoOptions options = { .n_people = people, .n_payments = payments, .seed = seed, .today = TODAY };
  CpStore *store = open_fresh (name);

  g_assert_true (cp_demo_generate (store, &options, &error));
  g_assert_no_error (error);
  return store;
}

static void
hash_table_rows (CpStore *store, GChecksum *checksum, const char *table)
{
  g_autoptr(GError) error = NULL;
  gboolean is_audit = g_str_equal (table, "audit");
  /* Audit ids are random and not data; audit rows sort by what they describe. */
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", table,
                                          is_audit ? "row_id, action, field" : "id");
  sqlite3_stmt *stmt = cp_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_checksum_update (checksum, (const guchar *) table, -1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *column = sqlite3_column_name (stmt, i);
          const unsigned char *value = sqlite3_column_text (stmt, i);

          if (g_str_equal (column, "created_at") || g_str_equal (column, "updated_at") ||
              (is_audit && g_str_equal (column, "id")))
            continue;
          g_checksum_update (checksum, (const guchar *) column, -1);
          g_checksum_update (checksum, value ? value : (const guchar *) "\x01NULL", -1);
          g_checksum_update (checksum, (const guchar *) "\x1f", 1);
        }
      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
    }
  sqlite3_reset (stmt);
}

/* SHA-256 over every column of every table (or of @only), except the
 * timestamps and the audit rows' own ids. */
static char *
hash_database (CpStore *store, const char *only)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = cp_store_prepare (store,
                                         "SELECT name FROM sqlite_master WHERE type = 'table'"
                                         " AND name NOT LIKE 'sqlite_%'"
                                         /* The search index is derived from the rest. */
                                         " AND name NOT LIKE 'search_%' ORDER BY name", &error);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  g_assert_cmpuint (tables->len, >=, 10);
  for (guint i = 0; i < tables->len; i++)
    if (only == NULL || g_str_equal (only, g_ptr_array_index (tables, i)))
      hash_table_rows (store, checksum, g_ptr_array_index (tables, i));
  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_same_seed_same_data (void)
{
  g_autoptr(CpStore) a = generate ("a.db", 25, 2500, 42);
  g_autoptr(CpStore) b = generate ("b.db", 25, 2500, 42);
  g_autofree char *hash_a = hash_database (a, NULL);
  g_autofree char *hash_b = hash_database (b, NULL);

  g_assert_cmpstr (hash_a, ==, hash_b);
  /* Not vacuous: the data is there. */
  g_assert_cmpint (cp_test_query_int (a, "SELECT count(*) FROM plan_entry", NULL), >, 25);
}

static void
test_other_seed_other_data (void)
{
  g_autoptr(CpStore) a = generate ("a.db", 25, 2500, 42);
  g_autoptr(CpStore) b = generate ("b.db", 25, 2500, 43);
  g_autofree char *hash_a = hash_database (a, NULL);
  g_autofree char *hash_b = hash_database (b, NULL);
  g_autofree char *people_a = hash_database (a, "person");
  g_autofree char *people_b = hash_database (b, "person");

  g_assert_cmpstr (hash_a, !=, hash_b);
  g_assert_cmpstr (people_a, !=, people_b);
}

/* People come from their own generators: more payments, same people. */
static void
test_people_independent_of_payments (void)
{
  g_autoptr(CpStore) a = generate ("a.db", 12, 100, 7);
  g_autoptr(CpStore) b = generate ("b.db", 12, 5000, 7);
  g_autofree char *people_a = hash_database (a, "person");
  g_autofree char *people_b = hash_database (b, "person");

  g_assert_cmpstr (people_a, ==, people_b);
}

static void
assert_counts (guint people, guint64 payments)
{
  g_autoptr(CpStore) store = generate ("counts.db", people, payments, 3);
  gint64 rows = 0;
  const char *tables[] = { "contributor", "person", "plan", "plan_entry", "outcome", "outcome_action",
                           "outcome_rating", "support_member", "risk", "review", "funding_stream",
                           "budget_line", "payment" };

  g_assert_cmpint (cp_store_count (store, CP_TYPE_PERSON, NULL), ==, people);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PLAN, NULL), ==, people);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_PAYMENT, NULL), ==, (gint64) payments);
  /* Every row went through cp_store_insert and has its "create" audit row. */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      rows += cp_test_query_int (store, sql, NULL);
    }
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'create'", NULL), ==, rows);
  g_assert_cmpint (cp_test_audit_count (store), ==, rows);
}

static void
test_counts_exact (void)
{
  assert_counts (1, 1);
  cp_test_reset_data_home ();
  assert_counts (7, 1001);
  cp_test_reset_data_home ();
  assert_counts (40, 0);
  cp_test_reset_data_home ();
  assert_counts (33, 12345);
}

static void
test_nhs_numbers_valid_and_unique (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = generate ("nhs.db", 300, 0, 11);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = cp_store_prepare (store, "SELECT nhs_number FROM person", &error);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (stmt, 0);
      char nine[10];

      g_assert_nonnull (number);
      g_assert_cmpuint (strlen (number), ==, 10);
      g_assert_true (cp_nhs_number_is_valid (number));
      /* Checked again without trusting the code under test. */
      memcpy (nine, number, 9);
      nine[9] = '\0';
      g_assert_cmpint (cp_test_nhs_check_digit (nine), ==, number[9] - '0');
      g_assert_true (g_str_has_prefix (number, "999"));
      g_assert_true (g_hash_table_add (seen, g_strdup (number)));
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 300);
}

static void
test_payments_inside_year_of_care (void)
{
  g_autoptr(CpStore) store = generate ("dates.db", 40, 8000, 5);

  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(*) FROM payment p JOIN plan ON plan.id = p.plan_id"
                                      " WHERE p.paid_on < plan.year_start OR p.paid_on > plan.year_end"
                                      " OR p.paid_on > ?1", TODAY), ==, 0);
  /* Every payment joined a plan. */
  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(*) FROM payment p JOIN plan ON plan.id = p.plan_id", NULL),
                   ==, 8000);
  /* A year of care is a year: end = start + 1 year − 1 day. */
  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(*) FROM plan"
                                      " WHERE year_end != date (year_start, '+1 year', '-1 day')"
                                      " AND substr (year_start, 6) != '02-29'", NULL), ==, 0);
  /* Years of care began within the past year. */
  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(*) FROM plan WHERE year_start > ?1"
                                      " OR year_start < date (?1, '-1 year')", TODAY), ==, 0);
}

static void
test_reversals_point_at_payments (void)
{
  g_autoptr(CpStore) store = generate ("reversals.db", 20, 20000, 9);
  gint64 reversals = cp_test_query_int (store, "SELECT count(*) FROM payment WHERE reverses_id IS NOT NULL", NULL);

  /* About one in 250: a few, not none, not many. */
  g_assert_cmpint (reversals, >, 20);
  g_assert_cmpint (reversals, <, 200);
  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(*) FROM payment r JOIN payment o ON o.id = r.reverses_id"
                                      " WHERE r.amount_pence = -o.amount_pence AND r.amount_pence < 0"
                                      " AND r.plan_id = o.plan_id AND r.paid_on >= o.paid_on"
                                      " AND o.reverses_id IS NULL", NULL), ==, reversals);
  /* Nothing is reversed twice. */
  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(DISTINCT reverses_id) FROM payment WHERE reverses_id IS NOT NULL",
                                      NULL), ==, reversals);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM payment WHERE amount_pence <= 0"
                                             " AND reverses_id IS NULL", NULL), ==, 0);
}

/* Ids look like version-4 UUIDs, in every table. */
static void
test_ids_are_uuid_v4 (void)
{
  g_autoptr(CpStore) store = generate ("ids.db", 10, 500, 1);
  const char *tables[] = { "person", "plan", "outcome", "budget_line", "payment", "contributor" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE length (id) != 36"
                                              " OR substr (id, 15, 1) != '4'"
                                              " OR substr (id, 20, 1) NOT IN ('8', '9', 'a', 'b')"
                                              " OR id GLOB '*[^0-9a-f-]*'", tables[i]);
      g_assert_cmpint (cp_test_query_int (store, sql, NULL), ==, 0);
    }
}

/* The rules of the domain the generator promises to keep. */
static void
test_plausible_caseload (void)
{
  g_autoptr(CpStore) store = generate ("real.db", 200, 20000, 2);

  /* Four Tower Hamlets cohorts appear; children are under 25 and have education money. */
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(DISTINCT ipc_cohort) FROM person"
                                             " WHERE ipc_area = 'Tower Hamlets'", NULL), ==, 4);
  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(*) FROM funding_stream f JOIN plan ON plan.id = f.plan_id"
                                      " JOIN person ON person.id = plan.person_id WHERE f.funder = 'education'"
                                      " AND person.date_of_birth <= date (?1, '-25 years')", TODAY), ==, 0);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM funding_stream WHERE funder = 'education'", NULL), >, 0);
  /* 1–3 streams and 2–4 outcomes a plan. */
  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(*) FROM (SELECT count(f.id) AS n FROM plan LEFT JOIN funding_stream f"
                                      " ON f.plan_id = plan.id GROUP BY plan.id) WHERE n < 1 OR n > 3", NULL), ==, 0);
  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(*) FROM (SELECT count(o.id) AS n FROM plan LEFT JOIN outcome o"
                                      " ON o.plan_id = plan.id GROUP BY plan.id) WHERE n < 2 OR n > 4", NULL), ==, 0);
  /* Some people have communication needs and a preferred name; several languages. */
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM person WHERE communication_needs != ''", NULL), >, 10);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM person WHERE preferred_name != ''", NULL), >, 0);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(DISTINCT preferred_language) FROM person", NULL), >=, 4);
  /* Statuses are the three of a plan in its year. */
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM plan"
                                             " WHERE status NOT IN ('draft', 'agreed', 'under-review')", NULL), ==, 0);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(DISTINCT status) FROM plan", NULL), ==, 3);
  /* Every payment sits on a line of its own plan, charged to that line's stream. */
  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(*) FROM payment p JOIN budget_line l ON l.id = p.budget_line_id"
                                      " WHERE l.plan_id = p.plan_id AND l.stream_id = p.stream_id", NULL), ==, 20000);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(DISTINCT category) FROM budget_line", NULL), ==, 13);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM payment WHERE payee = 'Penderels Trust payroll'"
                                             " AND budget_line_id NOT IN (SELECT id FROM budget_line"
                                             " WHERE category = 'payroll')", NULL), ==, 0);
  /* Entries are in the person's own words, and in many sections. */
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(DISTINCT section) FROM plan_entry", NULL), ==, 14);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM plan_entry WHERE body LIKE '%{%'", NULL), ==, 0);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM outcome_rating WHERE rated_on > ?1", TODAY), ==, 0);
  /* Words match the person: a PA only where one is employed, an agency
   * only where one is paid, "speak to me in English" never. */
  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(*) FROM plan_entry e WHERE e.body GLOB '*my PA[ .,]*'"
                                      " AND NOT EXISTS (SELECT 1 FROM budget_line l WHERE l.plan_id = e.plan_id"
                                      " AND l.category = 'pa-wages')", NULL), ==, 0);
  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(*) FROM plan_entry e WHERE e.body LIKE '%agency%'"
                                      " AND NOT EXISTS (SELECT 1 FROM budget_line l WHERE l.plan_id = e.plan_id"
                                      " AND l.category = 'agency-care')", NULL), ==, 0);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM plan_entry WHERE body LIKE '%in English%'",
                                      NULL), ==, 0);
  /* A PA's wages are paid to the PA named in the circle. */
  g_assert_cmpint (cp_test_query_int (store,
                                      "SELECT count(*) FROM payment p JOIN budget_line l ON l.id = p.budget_line_id"
                                      " JOIN plan ON plan.id = p.plan_id WHERE l.category = 'pa-wages'"
                                      " AND p.payee NOT IN (SELECT name FROM support_member m"
                                      " WHERE m.person_id = plan.person_id AND m.role = 'paid-supporter')",
                                      NULL), ==, 0);
}

static void
test_refuses_impossible_options (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = open_fresh ("refuse.db");
  CpDemoOptions nobody = { .n_people = 0, .n_payments = 10, .seed = 1, .today = TODAY };
  CpDemoOptions too_many = { .n_people = CP_DEMO_MAX_PEOPLE + 1, .n_payments = 0, .seed = 1 };
  CpDemoOptions bad_day = { .n_people = 1, .n_payments = 0, .seed = 1, .today = "2026-02-30" };

  g_assert_false (cp_demo_generate (store, &nobody, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cp_demo_generate (store, &too_many, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cp_demo_generate (store, &bad_day, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_cmpint (cp_test_audit_count (store), ==, 0);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_CONTRIBUTOR, NULL), ==, 0);
}

/* Running the same seed twice would repeat ids: refused whole, with the
 * first caseload left exactly as it was. */
static void
test_repeat_rolls_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = generate ("repeat.db", 5, 100, 8);
  g_autofree char *before = hash_database (store, NULL);
  g_autofree char *after = NULL;
  CpDemoOptions options = { .n_people = 5, .n_payments = 100, .seed = 8, .today = TODAY };

  g_assert_false (cp_demo_generate (store, &options, &error));
  g_assert_nonnull (error);
  after = hash_database (store, NULL);
  g_assert_cmpstr (before, ==, after);
}

/* Another program takes the write lock between two of the demo's
 * batches (here, as soon as the first batch is announced): the next
 * batch cannot begin. The demo must fail cleanly, leaving the store out
 * of any transaction, without undoing a transaction it no longer has. */
typedef struct
{
  const char *path;
  sqlite3    *other;
} LockThief;

static void
steal_lock_cb (CpStore *store, const char *table, const char *id, LockThief *thief)
{
  if (thief->other != NULL)
    return;
  g_assert_cmpint (sqlite3_open (thief->path, &thief->other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (thief->other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_batch_begin_fails (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = open_fresh ("batch-busy.db");
  /* Enough payments to pass one batch of 50,000 rows. */
  CpDemoOptions options = { .n_people = 3, .n_payments = 60000, .seed = 3, .today = TODAY };
  LockThief thief = { cp_store_get_path (store), NULL };
  g_autoptr(CpPerson) later = cp_person_new ();

  sqlite3_busy_timeout (cp_store_get_db (store), 20);
  g_signal_connect (store, "changed", G_CALLBACK (steal_lock_cb), &thief);
  g_assert_false (cp_demo_generate (store, &options, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY);
  g_assert_nonnull (thief.other);
  g_assert_true (sqlite3_get_autocommit (cp_store_get_db (store)));

  sqlite3_exec (thief.other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (thief.other);
  g_clear_error (&error);
  g_signal_handlers_disconnect_by_func (store, steal_lock_cb, &thief);
  /* The store still works, at the outermost level. */
  g_assert_true (cp_store_insert (store, CP_RECORD (later), &error));
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (cp_store_get_db (store)));
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);

  g_test_add_func ("/demo/same-seed-same-data", test_same_seed_same_data);
  g_test_add_func ("/demo/other-seed-other-data", test_other_seed_other_data);
  g_test_add_func ("/demo/people-independent-of-payments", test_people_independent_of_payments);
  g_test_add_func ("/demo/counts-exact", test_counts_exact);
  g_test_add_func ("/demo/nhs-numbers", test_nhs_numbers_valid_and_unique);
  g_test_add_func ("/demo/payments-inside-year-of-care", test_payments_inside_year_of_care);
  g_test_add_func ("/demo/reversals", test_reversals_point_at_payments);
  g_test_add_func ("/demo/ids-are-uuid-v4", test_ids_are_uuid_v4);
  g_test_add_func ("/demo/plausible", test_plausible_caseload);
  g_test_add_func ("/demo/refuses-impossible-options", test_refuses_impossible_options);
  g_test_add_func ("/demo/repeat-rolls-back", test_repeat_rolls_back);
  g_test_add_func ("/demo/batch-begin-fails", test_batch_begin_fails);
  return g_test_run ();
}
