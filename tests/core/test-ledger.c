/* test-ledger.c — the Spending tab's list: filters, sorts, running balance, paging
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-budget-rules.h"
#include "cp-test-util.h"

typedef struct
{
  CpStore *store;
  char    *plan_id;
  char    *nhs_id;     /* stream: NHS, agreed £1,000.00 */
  char    *council_id; /* stream: council, agreed £500.00 */
  char    *pa_line;    /* line "PA wages", NHS */
  char    *taxi_line;  /* line "Transport", council */
} Fixture;

static char *
insert (CpStore *store, gpointer record)
{
  g_autoptr(GError) error = NULL;

  cp_store_insert (store, CP_RECORD (record), &error);
  g_assert_no_error (error);
  return g_strdup (cp_record_get_id (CP_RECORD (record)));
}

static char *
add_stream (Fixture *f, CpFunder funder, gint64 agreed)
{
  g_autoptr(CpFundingStream) stream = cp_funding_stream_new (f->plan_id);

  g_object_set (stream, "funder", funder, "agreed-pence", agreed, NULL);
  return insert (f->store, stream);
}

static char *
add_line (Fixture *f, const char *stream_id, const char *category)
{
  g_autoptr(CpBudgetLine) line = cp_budget_line_new (f->plan_id);

  g_object_set (line, "stream-id", stream_id, "category", category, NULL);
  return insert (f->store, line);
}

static char *
add_payment (Fixture *f, const char *date, const char *payee, gint64 pence,
             const char *line_id, const char *reference, const char *note)
{
  g_autoptr(CpPayment) payment = cp_payment_new (f->plan_id);
  const char *stream = g_strcmp0 (line_id, f->taxi_line) == 0 ? f->council_id : f->nhs_id;

  g_object_set (payment, "paid-on", date, "payee", payee, "amount-pence", pence,
                "budget-line-id", line_id, "stream-id", stream,
                "reference", reference ? reference : "", "note", note ? note : "", NULL);
  return insert (f->store, payment);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPerson) person = NULL;
  g_autoptr(CpPlan) plan = NULL;

  f->store = cp_test_open_store ();
  person = cp_test_add_person (f->store, "Amina", "Khan");
  plan = cp_plan_new (cp_record_get_id (CP_RECORD (person)));
  f->plan_id = insert (f->store, plan);
  f->nhs_id = add_stream (f, CP_FUNDER_NHS, 100000);
  f->council_id = add_stream (f, CP_FUNDER_SOCIAL_CARE, 50000);
  f->pa_line = add_line (f, f->nhs_id, "PA wages");
  f->taxi_line = add_line (f, f->council_id, "Transport");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->plan_id);
  g_free (f->nhs_id);
  g_free (f->council_id);
  g_free (f->pa_line);
  g_free (f->taxi_line);
  cp_store_close (f->store);
  g_clear_object (&f->store);
}

static CpLedgerEntry *
entry_at (CpLedger *ledger, guint position)
{
  CpLedgerEntry *entry = g_list_model_get_item (G_LIST_MODEL (ledger), position);

  g_assert_nonnull (entry);
  g_object_unref (entry); /* the page cache keeps it alive */
  return entry;
}

static const char *
payee_at (CpLedger *ledger, guint position)
{
  return cp_record_get_string (CP_RECORD (cp_ledger_entry_get_payment (entry_at (ledger, position))), "payee");
}

static gint64
left_at (CpLedger *ledger, guint position)
{
  return cp_ledger_entry_get_left_pence (entry_at (ledger, position));
}

static guint
n_items (CpLedger *ledger)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ledger));
}

/* Four payments typed out of date order. */
static void
add_four (Fixture *f)
{
  g_free (add_payment (f, "2026-05-03", "Sunrise Care", 12050, f->pa_line, "INV-77", NULL));
  g_free (add_payment (f, "2026-04-10", "Ace Taxis", 1999, f->taxi_line, NULL, "hospital visit"));
  g_free (add_payment (f, "2026-06-01", "sunrise care", 30000, f->pa_line, NULL, NULL));
  g_free (add_payment (f, "2026-04-10", "Bus pass", 2500, f->taxi_line, "100%_off", NULL));
}

static void
test_balance_in_date_order (Fixture *f, gconstpointer data)
{
  g_autoptr(CpLedger) ledger = NULL;

  add_four (f);
  ledger = cp_ledger_new (f->store, f->plan_id);
  cp_ledger_set_sort (ledger, CP_LEDGER_SORT_DATE, FALSE);
  g_assert_cmpuint (n_items (ledger), ==, 4);
  /* £1,500.00 agreed; the two on 10 April in the order they were typed. */
  g_assert_cmpstr (payee_at (ledger, 0), ==, "Ace Taxis");
  g_assert_cmpint (left_at (ledger, 0), ==, 150000 - 1999);
  g_assert_cmpstr (payee_at (ledger, 1), ==, "Bus pass");
  g_assert_cmpint (left_at (ledger, 1), ==, 150000 - 1999 - 2500);
  g_assert_cmpstr (payee_at (ledger, 2), ==, "Sunrise Care");
  g_assert_cmpint (left_at (ledger, 2), ==, 150000 - 1999 - 2500 - 12050);
  g_assert_cmpint (left_at (ledger, 3), ==, 150000 - 1999 - 2500 - 12050 - 30000);

  /* Newest first (the default): the same figures on the same payments. */
  cp_ledger_set_sort (ledger, CP_LEDGER_SORT_DATE, TRUE);
  g_assert_cmpstr (payee_at (ledger, 0), ==, "sunrise care");
  g_assert_cmpint (left_at (ledger, 0), ==, 103451);
  g_assert_cmpstr (payee_at (ledger, 3), ==, "Ace Taxis");
  g_assert_cmpint (left_at (ledger, 3), ==, 148001);

  /* Sorted by amount, each row keeps its date-order figure. */
  cp_ledger_set_sort (ledger, CP_LEDGER_SORT_AMOUNT, FALSE);
  g_assert_cmpstr (payee_at (ledger, 0), ==, "Ace Taxis");
  g_assert_cmpint (left_at (ledger, 0), ==, 148001);
  g_assert_cmpstr (payee_at (ledger, 3), ==, "sunrise care");
  g_assert_cmpint (left_at (ledger, 3), ==, 103451);
}

static void
test_balance_with_reversal_and_deletion (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpLedger) ledger = NULL;
  g_autoptr(CpPayment) reversal = NULL;
  g_autoptr(CpRecord) gone = NULL;
  g_autofree char *wrong = add_payment (f, "2026-04-01", "Sunrise Care", 5000, f->pa_line, NULL, NULL);
  g_autofree char *deleted = add_payment (f, "2026-04-02", "Mistake", 7000, f->pa_line, NULL, NULL);
  CpLedgerEntry *entry;

  reversal = cp_payment_reverse (f->store, wrong, "charged twice", &error);
  g_assert_no_error (error);
  gone = cp_store_load (f->store, CP_TYPE_PAYMENT, deleted, &error);
  g_assert_no_error (error);
  cp_store_tombstone (f->store, gone, &error);
  g_assert_no_error (error);

  ledger = cp_ledger_new (f->store, f->plan_id);
  cp_ledger_set_sort (ledger, CP_LEDGER_SORT_DATE, FALSE);
  /* The deleted payment is neither shown nor counted. */
  g_assert_cmpuint (n_items (ledger), ==, 2);
  entry = entry_at (ledger, 0);
  g_assert_cmpstr (cp_ledger_entry_get_id (entry), ==, wrong);
  g_assert_cmpstr (cp_ledger_entry_get_reversed_by (entry), ==, cp_record_get_id (CP_RECORD (reversal)));
  g_assert_false (cp_ledger_entry_can_reverse (entry));
  g_assert_cmpint (cp_ledger_entry_get_left_pence (entry), ==, 145000);
  entry = entry_at (ledger, 1);
  g_assert_cmpstr (cp_ledger_entry_get_reverses (entry), ==, wrong);
  g_assert_null (cp_ledger_entry_get_reversed_by (entry));
  g_assert_false (cp_ledger_entry_can_reverse (entry));
  g_assert_cmpint (cp_ledger_entry_get_left_pence (entry), ==, 150000);
  g_assert_cmpstr (cp_ledger_entry_get_line_name (entry), ==, "PA wages");
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  g_autoptr(CpLedger) ledger = NULL;

  add_four (f);
  ledger = cp_ledger_new (f->store, f->plan_id);

  /* Payee, ignoring case, word by word. */
  cp_ledger_set_search (ledger, "SUNRISE care");
  g_assert_cmpuint (n_items (ledger), ==, 2);
  /* Reference and note too. */
  cp_ledger_set_search (ledger, "inv-77");
  g_assert_cmpuint (n_items (ledger), ==, 1);
  cp_ledger_set_search (ledger, "hospital");
  g_assert_cmpuint (n_items (ledger), ==, 1);
  g_assert_cmpstr (payee_at (ledger, 0), ==, "Ace Taxis");
  /* LIKE's wildcards are plain characters in a search. */
  cp_ledger_set_search (ledger, "100%_");
  g_assert_cmpuint (n_items (ledger), ==, 1);
  cp_ledger_set_search (ledger, "%");
  g_assert_cmpuint (n_items (ledger), ==, 1);
  cp_ledger_set_search (ledger, "_");
  g_assert_cmpuint (n_items (ledger), ==, 1);
  /* Quotes and SQL are only text. */
  cp_ledger_set_search (ledger, "'; DROP TABLE payment; --");
  g_assert_cmpuint (n_items (ledger), ==, 0);
  cp_ledger_set_search (ledger, "   ");
  g_assert_cmpuint (n_items (ledger), ==, 4);

  cp_ledger_set_line_id (ledger, f->taxi_line);
  g_assert_cmpuint (n_items (ledger), ==, 2);
  cp_ledger_set_line_id (ledger, NULL);

  /* Dates: both ends inclusive. */
  cp_ledger_set_date_range (ledger, "2026-04-10", "2026-05-03");
  g_assert_cmpuint (n_items (ledger), ==, 3);
  cp_ledger_set_date_range (ledger, "2026-04-11", NULL);
  g_assert_cmpuint (n_items (ledger), ==, 2);
  cp_ledger_set_date_range (ledger, NULL, "2026-04-09");
  g_assert_cmpuint (n_items (ledger), ==, 0);
  /* A date that is not one is ignored, not matched against. */
  cp_ledger_set_date_range (ledger, "2026-02-30", "next week");
  g_assert_cmpuint (n_items (ledger), ==, 4);
}

static void
test_stream_filter_balance (Fixture *f, gconstpointer data)
{
  g_autoptr(CpLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  CpLedgerTotals totals;

  add_four (f);
  ledger = cp_ledger_new (f->store, f->plan_id);
  cp_ledger_set_stream_id (ledger, f->council_id);
  cp_ledger_set_sort (ledger, CP_LEDGER_SORT_DATE, FALSE);
  /* Money left in the council stream only: £500.00 − £19.99 − £25.00. */
  g_assert_cmpuint (n_items (ledger), ==, 2);
  g_assert_cmpint (left_at (ledger, 0), ==, 50000 - 1999);
  g_assert_cmpint (left_at (ledger, 1), ==, 50000 - 1999 - 2500);
  g_assert_true (cp_ledger_get_totals (ledger, &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (totals.agreed_pence, ==, 50000);
  g_assert_cmpint (totals.spent_pence, ==, 4499);
  g_assert_cmpuint (totals.n_shown, ==, 2);

  /* The search narrows the rows shown, never the figures. */
  cp_ledger_set_stream_id (ledger, NULL);
  cp_ledger_set_search (ledger, "sunrise");
  g_assert_true (cp_ledger_get_totals (ledger, &totals, &error));
  g_assert_cmpint (totals.agreed_pence, ==, 150000);
  g_assert_cmpint (totals.spent_pence, ==, 46549);
  g_assert_cmpint (totals.shown_pence, ==, 42050);
  g_assert_cmpuint (totals.n_shown, ==, 2);
  g_assert_cmpint (left_at (ledger, 0), ==, 133451);
}

static void
test_sorts (Fixture *f, gconstpointer data)
{
  g_autoptr(CpLedger) ledger = NULL;
  gboolean descending = FALSE;

  add_four (f);
  g_free (add_payment (f, "2026-07-01", "Ace Taxis", 1999, f->taxi_line, NULL, NULL));
  ledger = cp_ledger_new (f->store, f->plan_id);
  g_assert_cmpint (cp_ledger_get_sort (ledger, &descending), ==, CP_LEDGER_SORT_DATE);
  g_assert_true (descending);
  g_assert_cmpstr (payee_at (ledger, 0), ==, "Ace Taxis");
  g_assert_cmpint (left_at (ledger, 0), ==, 103451 - 1999);

  /* Payee ignores case; equal payees in the order typed. */
  cp_ledger_set_sort (ledger, CP_LEDGER_SORT_PAYEE, FALSE);
  g_assert_cmpstr (payee_at (ledger, 0), ==, "Ace Taxis");
  g_assert_cmpint (left_at (ledger, 0), ==, 148001);
  g_assert_cmpstr (payee_at (ledger, 1), ==, "Ace Taxis");
  g_assert_cmpint (left_at (ledger, 1), ==, 101452);
  g_assert_cmpstr (payee_at (ledger, 2), ==, "Bus pass");
  cp_ledger_set_sort (ledger, CP_LEDGER_SORT_PAYEE, TRUE);
  g_assert_cmpstr (payee_at (ledger, 4), ==, "Ace Taxis");
  g_assert_cmpint (left_at (ledger, 4), ==, 148001);

  /* Equal amounts: the one typed first comes first. */
  cp_ledger_set_sort (ledger, CP_LEDGER_SORT_AMOUNT, FALSE);
  g_assert_cmpint (left_at (ledger, 0), ==, 148001);
  g_assert_cmpint (left_at (ledger, 1), ==, 101452);
  cp_ledger_set_sort (ledger, CP_LEDGER_SORT_AMOUNT, TRUE);
  g_assert_cmpstr (payee_at (ledger, 0), ==, "sunrise care");
}

static void
test_paging (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpLedger) ledger = NULL;
  gint64 spent = 0;

  cp_store_begin (f->store, &error);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 4 + i / 28 % 9, 1 + i % 28);
      g_autofree char *payee = g_strdup_printf ("Payee %03u", i);

      g_free (add_payment (f, date, payee, 100 + i, f->pa_line, NULL, NULL));
    }
  cp_store_commit (f->store, &error);
  g_assert_no_error (error);

  ledger = cp_ledger_new (f->store, f->plan_id);
  cp_ledger_set_sort (ledger, CP_LEDGER_SORT_DATE, FALSE);
  g_assert_cmpuint (n_items (ledger), ==, 300);
  g_assert_cmpuint (cp_ledger_get_pages_fetched (ledger), ==, 0);
  /* Row 200 costs one page, not the 200 rows before it. */
  (void) entry_at (ledger, 200);
  g_assert_cmpuint (cp_ledger_get_pages_fetched (ledger), ==, 1);
  (void) entry_at (ledger, 199);
  g_assert_cmpuint (cp_ledger_get_pages_fetched (ledger), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (ledger), 300));

  /* Across page boundaries every row once, and the balance falls by
   * exactly each amount. */
  for (guint i = 0; i < 300; i++)
    {
      CpLedgerEntry *entry = entry_at (ledger, i);
      gint64 amount = cp_record_get_int64 (CP_RECORD (cp_ledger_entry_get_payment (entry)), "amount-pence");

      spent += amount;
      g_assert_cmpint (cp_ledger_entry_get_left_pence (entry), ==, 150000 - spent);
    }
  g_assert_cmpint (spent, ==, 300 * 100 + 299 * 300 / 2);
  g_assert_cmpuint (cp_ledger_find_position (ledger, cp_ledger_entry_get_id (entry_at (ledger, 250))), ==, 250);
  g_assert_cmpuint (cp_ledger_find_position (ledger, "not-an-id"), ==, G_MAXUINT);
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, gpointer data)
{
  (*(guint *) data)++;
}

static void
spin_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_refresh_on_change (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpLedger) ledger = cp_ledger_new (f->store, f->plan_id);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(CpReceipt) receipt = NULL;
  g_autoptr(CpRecord) stream = NULL;
  g_autofree char *id = NULL;
  guint changes = 0;

  g_signal_connect (ledger, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_cmpuint (n_items (ledger), ==, 0);

  /* Many rows in one transaction refresh the list once. */
  cp_store_begin (f->store, &error);
  for (guint i = 0; i < 20; i++)
    g_free (add_payment (f, "2026-04-01", "Sunrise Care", 1000, f->pa_line, NULL, NULL));
  cp_store_commit (f->store, &error);
  g_assert_no_error (error);
  spin_until_idle ();
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (n_items (ledger), ==, 20);

  id = g_strdup (cp_ledger_entry_get_id (entry_at (ledger, 0)));
  g_assert_cmpuint (cp_ledger_entry_get_n_receipts (entry_at (ledger, 0)), ==, 0);
  png = g_bytes_new_static ("\x89PNG\r\n\x1a\n....", 12);
  receipt = cp_receipts_attach (f->store, id, "r.png", png, &error);
  g_assert_no_error (error);
  spin_until_idle ();
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (cp_ledger_entry_get_n_receipts (entry_at (ledger, cp_ledger_find_position (ledger, id))), ==, 1);

  /* A new agreed amount moves every balance. */
  stream = cp_store_load (f->store, CP_TYPE_FUNDING_STREAM, f->nhs_id, &error);
  g_object_set (stream, "agreed-pence", (gint64) 200000, NULL);
  cp_store_update (f->store, stream, &error);
  g_assert_no_error (error);
  spin_until_idle ();
  cp_ledger_set_sort (ledger, CP_LEDGER_SORT_DATE, FALSE);
  g_assert_cmpint (left_at (ledger, 19), ==, 250000 - 20000);

}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ledger/balance-in-date-order", test_balance_in_date_order);
  ADD ("/ledger/balance-with-reversal-and-deletion", test_balance_with_reversal_and_deletion);
  ADD ("/ledger/filters", test_filters);
  ADD ("/ledger/stream-filter-balance", test_stream_filter_balance);
  ADD ("/ledger/sorts", test_sorts);
  ADD ("/ledger/paging", test_paging);
  ADD ("/ledger/refresh-on-change", test_refresh_on_change);
#undef ADD
  return g_test_run ();
}
