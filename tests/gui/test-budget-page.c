/* test-budget-page.c — the Budget tab driven as a person would: start a
 * budget, add a funding stream and a line by typing, and read the
 * figures and warnings it states in words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-gui-common.h"

#include "cp-budget-form.h"
#include "cp-budget-page.h"
#include "cp-person-tab.h"
#include "cp-preferences-window.h"

typedef struct
{
  char       *dir;
  CpStore    *store;
  CpPerson   *person;
  GtkWindow  *window;
  CpBudgetPage *page;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("coplan-budget-XXXXXX", NULL);
  f->store = test_open_store (f->dir, "budget.db");
  f->person = test_add_person (f->store, "Grace", "Okafor", NULL);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 1400);
  f->page = CP_BUDGET_PAGE (cp_budget_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  cp_person_tab_set_store (CP_PERSON_TAB (f->page), f->store);
  g_assert_true (cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (f->person))));
  test_settle ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  test_settle ();
  g_clear_object (&f->person);
  g_clear_object (&f->store);
  g_free (f->dir);
}

static GtkWidget *
find (Fixture *f, GType type, const char *property, const char *value)
{
  GtkWidget *widget = test_find_widget (GTK_WIDGET (f->page), type, property, value);

  if (widget == NULL)
    g_error ("No %s with %s “%s”", g_type_name (type), property, value);
  return widget;
}

static gboolean
has_widget (Fixture *f, GType type, const char *property, const char *value)
{
  return test_find_widget (GTK_WIDGET (f->page), type, property, value) != NULL;
}

typedef struct { Fixture *f; GType type; const char *property; const char *value; } Wanted;

static gboolean
wanted_shown (gpointer data)
{
  Wanted *w = data;
  GtkWidget *widget = test_find_widget (GTK_WIDGET (w->f->page), w->type, w->property, w->value);

  return widget != NULL && gtk_widget_get_mapped (widget);
}

static void
wait_for (Fixture *f, GType type, const char *property, const char *value)
{
  Wanted w = { f, type, property, value };

  if (!test_wait_until (wanted_shown, &w))
    g_error ("Waited in vain for a %s with %s “%s”", g_type_name (type), property, value);
}

static void
type_into (GtkWidget *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Longer than the pause after typing, so the save has happened. */
static void
wait_for_save (void)
{
  gboolean done = FALSE;

  g_timeout_add (CP_BUDGET_FORM_SAVE_DELAY_MS + 200, test_idle_done_cb, &done);
  g_assert_true (test_wait_until (test_flag_set, &done));
  test_settle ();
}

static gint64
stored_int (Fixture *f, const char *sql)
{
  sqlite3_stmt *stmt = cp_store_prepare (f->store, sql, NULL);
  gint64 value;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* The selectable label inside the totals row titled @row_title. */
static const char *
amount_of (Fixture *f, const char *row_title)
{
  GtkWidget *row = find (f, ADW_TYPE_ACTION_ROW, "title", row_title);
  GPtrArray *stack = g_ptr_array_new ();
  const char *text = NULL;

  g_ptr_array_add (stack, row);
  while (stack->len > 0 && text == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget)))
        text = gtk_label_get_text (GTK_LABEL (widget));
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);
  return text;
}

static void
start_budget_and_stream (Fixture *f)
{
  g_assert_true (has_widget (f, ADW_TYPE_STATUS_PAGE, "title", "No Budget Yet"));
  g_signal_emit_by_name (find (f, GTK_TYPE_BUTTON, "label", "_Start a Budget"), "clicked");
  wait_for (f, ADW_TYPE_ACTION_ROW, "title", "Budget agreed for the year");
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN, NULL), ==, 1);
  g_assert_cmpstr (amount_of (f, "Budget agreed for the year"), ==, "£0.00");

  g_signal_emit_by_name (find (f, GTK_TYPE_BUTTON, "tooltip-text", "Add a funding stream"), "clicked");
  wait_for (f, ADW_TYPE_EXPANDER_ROW, "title", "NHS");
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_FUNDING_STREAM, NULL), ==, 1);
  /* A new stream opens, ready for typing. */
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (find (f, ADW_TYPE_EXPANDER_ROW, "title", "NHS"))));
}

static void
test_add_stream_and_line (Fixture *f, gconstpointer data)
{
  GtkWidget *row;

  start_budget_and_stream (f);
  type_into (find (f, ADW_TYPE_ENTRY_ROW, "title", "Name (for example “Personal health budget”)"),
             "Personal health budget");
  type_into (find (f, ADW_TYPE_ENTRY_ROW, "title", "Agreed amount for the year"), "£12,000");
  wait_for_save ();
  g_assert_cmpint (stored_int (f, "SELECT agreed_pence FROM funding_stream"), ==, 1200000);
  g_assert_cmpstr (amount_of (f, "Budget agreed for the year"), ==, "£12,000.00");
  wait_for (f, ADW_TYPE_EXPANDER_ROW, "title", "NHS — Personal health budget");
  /* Nothing is planned yet: the stream says so, in words. */
  wait_for (f, ADW_TYPE_ACTION_ROW, "title",
            "Personal health budget: £12,000.00 of the £12,000.00 agreed is not planned on any line yet.");

  g_signal_emit_by_name (find (f, GTK_TYPE_BUTTON, "tooltip-text",
                               "Add a budget line to NHS — Personal health budget"), "clicked");
  wait_for (f, ADW_TYPE_EXPANDER_ROW, "title", "Other agreed support");
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_BUDGET_LINE, NULL), ==, 1);
  type_into (find (f, ADW_TYPE_ENTRY_ROW, "title", "Amount"), "250");
  type_into (find (f, ADW_TYPE_ENTRY_ROW, "title", "Description"), "Sessions with Sam");
  row = find (f, ADW_TYPE_COMBO_ROW, "title", "Amount is for");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), CP_PERIOD_WEEK);
  wait_for_save ();
  g_assert_cmpint (stored_int (f, "SELECT amount_pence FROM budget_line"), ==, 25000);
  g_assert_cmpint (stored_int (f, "SELECT period = 'week' FROM budget_line"), ==, 1);

  /* £250 a week is £13,000 a year: £1,000 more than agreed. */
  g_assert_cmpstr (amount_of (f, "Planned on budget lines"), ==, "£13,000.00");
  wait_for (f, ADW_TYPE_ACTION_ROW, "title",
            "Personal health budget: The lines plan £1,000.00 more than the £12,000.00 agreed.");
  wait_for (f, ADW_TYPE_EXPANDER_ROW, "title", "Other agreed support: Sessions with Sam");

  /* The category comes from the reference data. */
  row = find (f, ADW_TYPE_COMBO_ROW, "title", "Category");
  {
    guint n;
    const CpBudgetCategory *all = cp_budget_categories (&n);
    for (guint i = 0; i < n; i++)
      if (all[i].contingency)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  }
  test_settle ();
  g_assert_cmpint (stored_int (f, "SELECT category = 'contingency' FROM budget_line"), ==, 1);
  wait_for (f, ADW_TYPE_EXPANDER_ROW, "title", "Contingency: Sessions with Sam");

  /* A payment shows at once in the line and the totals. */
  {
    g_autoptr(CpPayment) payment = cp_payment_new (cp_budget_page_get_figures (f->page)->plan_id);
    g_autoptr(GError) error = NULL;

    g_object_set (payment, "paid-on", cp_budget_page_get_figures (f->page)->today, "amount-pence",
                  (gint64) 2000, "budget-line-id", ((CpLineFigures *) g_ptr_array_index (
                    cp_budget_page_get_figures (f->page)->lines, 0))->id, NULL);
    g_assert_true (cp_store_insert (f->store, CP_RECORD (payment), &error));
    g_assert_no_error (error);
  }
  test_settle ();
  g_assert_cmpstr (amount_of (f, "Spent so far"), ==, "£20.00");
  g_assert_cmpstr (amount_of (f, "Left to spend"), ==, "£11,980.00");
}

/* A refused amount is explained under its field, never stored, and
 * stays to be corrected; leaving the person is refused until then. */
static void
test_refused_values (Fixture *f, gconstpointer data)
{
  GtkWidget *agreed;
  g_autoptr(CpPerson) other = test_add_person (f->store, "Ravi", "Shah", NULL);

  start_budget_and_stream (f);
  agreed = find (f, ADW_TYPE_ENTRY_ROW, "title", "Agreed amount for the year");
  type_into (agreed, "5000");
  wait_for_save ();
  g_assert_cmpint (stored_int (f, "SELECT agreed_pence FROM funding_stream"), ==, 500000);

  type_into (agreed, "12,00.0");
  wait_for_save ();
  g_assert_true (gtk_widget_has_css_class (agreed, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (agreed)), ==, "12,00.0");
  g_assert_cmpint (stored_int (f, "SELECT agreed_pence FROM funding_stream"), ==, 500000);
  g_assert_false (cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (other))));
  /* A line added elsewhere meanwhile does not throw away what was typed. */
  {
    g_autoptr(CpBudgetLine) line = cp_budget_line_new (cp_budget_page_get_figures (f->page)->plan_id);

    g_assert_true (cp_store_insert (f->store, CP_RECORD (line), NULL));
    test_settle ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (agreed)), ==, "12,00.0");
    g_assert_true (gtk_widget_has_css_class (agreed, "error"));
  }

  type_into (agreed, "-20");
  wait_for_save ();
  wait_for (f, ADW_TYPE_ACTION_ROW, "title", "The amount cannot be less than £0.00.");
  g_assert_cmpint (stored_int (f, "SELECT agreed_pence FROM funding_stream"), ==, 500000);

  type_into (agreed, "6000");
  wait_for_save ();
  g_assert_false (gtk_widget_has_css_class (agreed, "error"));
  g_assert_cmpint (stored_int (f, "SELECT agreed_pence FROM funding_stream"), ==, 600000);

  /* The core's own rule: a period that ends before it starts. */
  type_into (find (f, ADW_TYPE_ENTRY_ROW, "title", "Period starts (empty: the year of care)"), "01/04/2026");
  type_into (find (f, ADW_TYPE_ENTRY_ROW, "title", "Period ends (empty: the year of care)"), "31/03/2026");
  wait_for_save ();
  wait_for (f, ADW_TYPE_ACTION_ROW, "title", "The period must end after it starts.");
  g_assert_cmpint (stored_int (f, "SELECT period_end IS NULL FROM funding_stream"), ==, 1);
  type_into (find (f, ADW_TYPE_ENTRY_ROW, "title", "Period ends (empty: the year of care)"), "31 March 2027");
  wait_for_save ();
  g_assert_cmpint (stored_int (f, "SELECT period_end = '2027-03-31' FROM funding_stream"), ==, 1);
  g_assert_cmpint (stored_int (f, "SELECT period_start = '2026-04-01' FROM funding_stream"), ==, 1);
  g_assert_true (cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (other))));
  test_settle ();
  g_assert_true (has_widget (f, ADW_TYPE_STATUS_PAGE, "title", "No Budget Yet"));
}

/* Warnings are words with an icon; a budget on track says so. */
static void
test_warnings_in_words (Fixture *f, gconstpointer data)
{
  start_budget_and_stream (f);
  type_into (find (f, ADW_TYPE_ENTRY_ROW, "title", "Agreed amount for the year"), "1000");
  wait_for_save ();
  wait_for (f, ADW_TYPE_ACTION_ROW, "title",
            "NHS: £1,000.00 of the £1,000.00 agreed is not planned on any line yet.");
  g_assert_true (has_widget (f, GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic"));
}

/* Spending on no budget line (a statement imported without one) is in
 * "Spent so far" but in no stream: the tab says how much, so the
 * streams add up to the total. */
static void
test_spent_on_no_line (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPayment) payment = NULL;
  g_autoptr(GError) error = NULL;

  start_budget_and_stream (f);
  g_assert_false (has_widget (f, ADW_TYPE_ACTION_ROW, "title", "Spent on no budget line") &&
                  gtk_widget_get_visible (find (f, ADW_TYPE_ACTION_ROW, "title", "Spent on no budget line")));
  payment = cp_payment_new (cp_budget_page_get_figures (f->page)->plan_id);
  g_object_set (payment, "paid-on", cp_budget_page_get_figures (f->page)->today, "amount-pence",
                (gint64) 2234, "payee", "Tesco", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (payment), &error));
  g_assert_no_error (error);
  test_settle ();
  g_assert_cmpstr (amount_of (f, "Spent so far"), ==, "£22.34");
  wait_for (f, ADW_TYPE_ACTION_ROW, "title", "Spent on no budget line");
  g_assert_cmpstr (amount_of (f, "Spent on no budget line"), ==, "£22.34");
}

/* Preferences: the surplus weeks are read from and written to the data. */
static void
test_preferences_surplus (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *spin;

  g_assert_true (cp_budget_rules_set_surplus_weeks (f->store, 6, &error));
  window = cp_preferences_window_new (NULL, f->store);
  spin = test_find_widget (window, GTK_TYPE_SPIN_BUTTON, NULL, NULL);
  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 6);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 4);
  g_assert_cmpuint (cp_budget_rules_get_surplus_weeks (f->store), ==, 4);
  /* The spin button keeps to the rule's range. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 90);
  g_assert_cmpuint (cp_budget_rules_get_surplus_weeks (f->store), ==, 52);
  gtk_window_destroy (GTK_WINDOW (window));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_autofree char *dir = test_gui_init (&argc, &argv);

  ADD ("/budget-page/add-stream-and-line", test_add_stream_and_line);
  ADD ("/budget-page/refused-values", test_refused_values);
  ADD ("/budget-page/warnings-in-words", test_warnings_in_words);
  ADD ("/budget-page/preferences-surplus", test_preferences_surplus);
  ADD ("/budget-page/spent-on-no-line", test_spent_on_no_line);
  return g_test_run ();
}
