/* test-budget-rules.c — the ledger's rules, stream and line checks,
 * reversing entries, the surplus setting and the budget categories
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-test-util.h"

typedef struct
{
  CpStore   *store;
  CpPlan    *plan;
  CpRecord  *stream;
  CpRecord  *line;
  CpRecord  *other_line;
  CpPayment *payment;
} Fixture;

static void
insert (CpStore *store, gpointer record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_store_insert (store, CP_RECORD (record), &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPerson) person = NULL;
  const char *plan_id;

  f->store = cp_test_open_store ();
  person = cp_test_add_person (f->store, "Tomasz", "Nowak");
  f->plan = cp_plan_new (cp_record_get_id (CP_RECORD (person)));
  g_object_set (f->plan, "year-start", "2026-04-01", "year-end", "2027-03-31", NULL);
  insert (f->store, f->plan);
  plan_id = cp_record_get_id (CP_RECORD (f->plan));
  f->stream = CP_RECORD (cp_funding_stream_new (plan_id));
  cp_record_set_int64 (f->stream, "agreed-pence", 1000000);
  insert (f->store, f->stream);
  f->line = CP_RECORD (cp_budget_line_new (plan_id));
  cp_record_set_string (f->line, "category", "transport");
  cp_record_set_string (f->line, "stream-id", cp_record_get_id (f->stream));
  insert (f->store, f->line);
  f->other_line = CP_RECORD (cp_budget_line_new (plan_id));
  cp_record_set_string (f->other_line, "category", "activities");
  insert (f->store, f->other_line);
  f->payment = cp_payment_new (plan_id);
  g_object_set (f->payment, "paid-on", "2026-05-01", "amount-pence", (gint64) 1250,
                "payee", "Transport for London", "budget-line-id", cp_record_get_id (f->line),
                "stream-id", cp_record_get_id (f->stream), "method", CP_PAYMENT_METHOD_CARD,
                "reference", "Oyster", NULL);
  insert (f->store, f->payment);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->payment);
  g_clear_object (&f->other_line);
  g_clear_object (&f->line);
  g_clear_object (&f->stream);
  g_clear_object (&f->plan);
  g_clear_object (&f->store);
}

static gint64
payments (Fixture *f)
{
  return cp_store_count (f->store, CP_TYPE_PAYMENT, NULL);
}

/* A refused payment: a clear message, nothing stored, no audit row. */
static void
assert_payment_refused (Fixture *f, gint64 amount, const char *paid_on, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPayment) payment = cp_payment_new (cp_record_get_id (CP_RECORD (f->plan)));
  gint64 before = payments (f);
  gint64 audit = cp_test_audit_count (f->store);

  g_object_set (payment, "paid-on", paid_on, "amount-pence", amount, NULL);
  g_assert_false (cp_store_insert (f->store, CP_RECORD (payment), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpint (payments (f), ==, before);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);
}

static void
test_payment_amounts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPayment) largest = cp_payment_new (cp_record_get_id (CP_RECORD (f->plan)));

  assert_payment_refused (f, 0, "2026-05-02", "£0.00 changes nothing");
  assert_payment_refused (f, CP_BUDGET_MAX_PAYMENT_PENCE + 1, "2026-05-02", "more than £250,000.00");
  assert_payment_refused (f, -CP_BUDGET_MAX_PAYMENT_PENCE - 1, "2026-05-02", "more than £250,000.00");
  assert_payment_refused (f, 500, NULL, "needs the date");
  /* A refund is a negative payment, and the limit itself is fine. */
  g_object_set (largest, "paid-on", "2026-05-02", "amount-pence", -CP_BUDGET_MAX_PAYMENT_PENCE, NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (largest), &error));
  g_assert_no_error (error);
}

/* Amount, date, line and stream never change in place; a note may. */
static void
test_payment_fixed_fields (Fixture *f, gconstpointer data)
{
  const struct { const char *property; const char *value; gint64 amount; const char *words; } edits[] = {
    { "amount-pence", NULL, 9999, "The amount of a stored payment cannot be changed" },
    { "paid-on", "2026-05-03", 0, "The paid on of a stored payment" },
    { "budget-line-id", NULL, 0, "The budget line of a stored payment" },
    { "stream-id", NULL, 0, "The stream of a stored payment" },
  };
  const char *id = cp_record_get_id (CP_RECORD (f->payment));

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpRecord) copy = cp_store_load (f->store, CP_TYPE_PAYMENT, id, &error);
      g_autoptr(CpRecord) after = NULL;
      gint64 audit = cp_test_audit_count (f->store);

      g_assert_no_error (error);
      if (edits[i].amount != 0)
        cp_record_set_int64 (copy, edits[i].property, edits[i].amount);
      else if (g_str_equal (edits[i].property, "budget-line-id"))
        cp_record_set_string (copy, edits[i].property, cp_record_get_id (f->other_line));
      else
        cp_record_set_string (copy, edits[i].property, edits[i].value);
      /* A note changed with it is not saved either: one transaction. */
      cp_record_set_string (copy, "note", "Changed as well");
      g_assert_false (cp_store_update (f->store, copy, &error));
      g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, edits[i].words));
      g_assert_nonnull (strstr (error->message, "reversing entry"));
      after = cp_store_load (f->store, CP_TYPE_PAYMENT, id, NULL);
      g_assert_cmpint (cp_record_get_int64 (after, "amount-pence"), ==, 1250);
      g_assert_cmpstr (cp_record_get_string (after, "paid-on"), ==, "2026-05-01");
      g_assert_cmpstr (cp_record_get_string (after, "budget-line-id"), ==, cp_record_get_id (f->line));
      g_assert_cmpstr (cp_record_get_string (after, "note"), ==, "");
      g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);
    }
}

static void
test_payment_note_editable (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  cp_record_set_string (CP_RECORD (f->payment), "note", "Receipt kept");
  cp_record_set_string (CP_RECORD (f->payment), "payee", "TfL");
  g_assert_true (cp_store_update (f->store, CP_RECORD (f->payment), &error));
  g_assert_no_error (error);
}

static void
test_reverse (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *id = cp_record_get_id (CP_RECORD (f->payment));
  g_autoptr(CpPayment) reversal = NULL;
  g_autoptr(CpPayment) again = NULL;
  g_autoptr(CpPayment) of_reversal = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 before;

  g_assert_false (cp_payment_is_reversed (f->store, id));
  reversal = cp_payment_reverse (f->store, id, "  Charged twice  ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (reversal);
  today = g_date_time_format (now, "%Y-%m-%d");
  g_assert_cmpint (cp_record_get_int64 (CP_RECORD (reversal), "amount-pence"), ==, -1250);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (reversal), "reverses-id"), ==, id);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (reversal), "note"), ==, "Charged twice");
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (reversal), "paid-on"), ==, today);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (reversal), "payee"), ==, "Transport for London");
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (reversal), "budget-line-id"), ==,
                   cp_record_get_id (f->line));
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (reversal), "reference"), ==, "Oyster");
  g_assert_true (cp_payment_is_reversed (f->store, id));
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT sum (amount_pence) FROM payment WHERE plan_id = ?1",
                                      cp_record_get_id (CP_RECORD (f->plan))), ==, 0);

  before = payments (f);
  again = cp_payment_reverse (f->store, id, "Once more", &error);
  g_assert_null (again);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already reversed on"));
  g_assert_nonnull (strstr (error->message, "cannot be reversed twice"));
  g_clear_error (&error);

  of_reversal = cp_payment_reverse (f->store, cp_record_get_id (CP_RECORD (reversal)), "Undo", &error);
  g_assert_null (of_reversal);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already corrects another payment"));
  g_assert_cmpint (payments (f), ==, before);
}

static void
test_reverse_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *id = cp_record_get_id (CP_RECORD (f->payment));
  gint64 before = payments (f);
  gint64 audit = cp_test_audit_count (f->store);

  g_assert_null (cp_payment_reverse (f->store, id, "   ", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Say why"));
  g_clear_error (&error);
  g_assert_null (cp_payment_reverse (f->store, id, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cp_payment_reverse (f->store, "00000000-0000-4000-8000-000000000000", "Wrong", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (payments (f), ==, before);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);

  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (f->payment), &error));
  g_assert_null (cp_payment_reverse (f->store, id, "Wrong", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "was deleted"));
}

static void
test_stream_rules (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) stream = CP_RECORD (cp_funding_stream_new (cp_record_get_id (CP_RECORD (f->plan))));
  gint64 streams = cp_store_count (f->store, CP_TYPE_FUNDING_STREAM, NULL);

  cp_record_set_string (stream, "period-start", "2026-04-01");
  cp_record_set_string (stream, "period-end", "2026-03-31");
  g_assert_false (cp_store_insert (f->store, stream, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The period must end after it starts.");
  g_clear_error (&error);
  cp_record_set_string (stream, "period-end", "2026-04-01");
  g_assert_false (cp_store_insert (f->store, stream, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  cp_record_set_int64 (stream, "agreed-pence", CP_MONEY_MAX_PENCE + 1);
  cp_record_set_string (stream, "period-end", "2027-03-31");
  g_assert_false (cp_store_insert (f->store, stream, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_FUNDING_STREAM, NULL), ==, streams);

  /* An open period (either end missing) is fine. */
  cp_record_set_int64 (stream, "agreed-pence", 0);
  cp_record_set_string (stream, "period-end", NULL);
  g_assert_true (cp_store_insert (f->store, stream, &error));
  g_assert_no_error (error);
  /* And an update is checked as well. */
  cp_record_set_string (stream, "period-end", "2025-01-01");
  g_assert_false (cp_store_update (f->store, stream, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
}

static void
test_surplus_setting (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 audit;

  g_assert_cmpuint (cp_budget_rules_get_surplus_weeks (f->store), ==, 8);
  g_assert_true (cp_budget_rules_set_surplus_weeks (f->store, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cp_budget_rules_get_surplus_weeks (f->store), ==, 4);
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count (*) FROM audit WHERE table_name = 'setting'", NULL),
                   ==, 1);
  g_assert_true (cp_budget_rules_set_surplus_weeks (f->store, 12, &error));
  g_assert_cmpuint (cp_budget_rules_get_surplus_weeks (f->store), ==, 12);
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count (*) FROM setting", NULL), ==, 1);

  audit = cp_test_audit_count (f->store);
  g_assert_false (cp_budget_rules_set_surplus_weeks (f->store, 0, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The surplus allowed must be between 1 and 52 weeks of funding.");
  g_clear_error (&error);
  g_assert_false (cp_budget_rules_set_surplus_weeks (f->store, 53, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_cmpuint (cp_budget_rules_get_surplus_weeks (f->store), ==, 12);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);

  /* Kept in the database: a reopened store reads it back. */
  g_clear_object (&f->store);
  f->store = cp_test_open_store ();
  g_assert_cmpuint (cp_budget_rules_get_surplus_weeks (f->store), ==, 12);
  /* A value out of range in the table (written by hand) reads as the default. */
  g_assert_true (cp_settings_set_int (f->store, CP_SETTING_SURPLUS_WEEKS, 999, NULL));
  g_assert_cmpuint (cp_budget_rules_get_surplus_weeks (f->store), ==, 8);
  g_assert_cmpint (cp_settings_get_int (f->store, "no-such-setting", -5), ==, -5);
}

static void
test_categories (void)
{
  guint n = 0;
  const CpBudgetCategory *all = cp_budget_categories (&n);
  guint contingencies = 0;
  const char *const needed[] = { "pa-wages", "employer-ni", "pension", "el-insurance", "payroll",
                                 "holiday-pay", "agency-care", "respite", "equipment", "therapies",
                                 "activities", "transport", "contingency" };

  g_assert_cmpuint (n, >=, G_N_ELEMENTS (needed));
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    g_assert_nonnull (cp_budget_category_lookup (needed[i]));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (all[i].name, !=, "");
      g_assert_cmpstr (all[i].group, !=, "");
      contingencies += all[i].contingency;
    }
  g_assert_cmpuint (contingencies, ==, 1);
  g_assert_true (cp_budget_category_is_contingency ("contingency"));
  g_assert_false (cp_budget_category_is_contingency ("transport"));
  g_assert_cmpstr (cp_budget_category_name ("employer-ni"), ==, "Employer's National Insurance");
  g_assert_null (cp_budget_category_lookup ("Holiday in Spain"));
  g_assert_cmpstr (cp_budget_category_name ("Holiday in Spain"), ==, "Holiday in Spain");
  g_assert_false (cp_budget_category_is_contingency (NULL));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);
  g_test_add_func ("/budget-rules/categories", test_categories);
  ADD ("/budget-rules/payment-amounts", test_payment_amounts);
  ADD ("/budget-rules/payment-fixed-fields", test_payment_fixed_fields);
  ADD ("/budget-rules/payment-note-editable", test_payment_note_editable);
  ADD ("/budget-rules/reverse", test_reverse);
  ADD ("/budget-rules/reverse-refused", test_reverse_refused);
  ADD ("/budget-rules/stream-rules", test_stream_rules);
  ADD ("/budget-rules/surplus-setting", test_surplus_setting);
  return g_test_run ();
}
