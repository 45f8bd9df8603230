/* test-ledger-page.c — the Spending tab, driven as a person would
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-budget-rules.h"
#include "cp-ledger-page.h"
#include "cp-payment-form.h"
#include "cp-person-tab.h"
#include "cp-receipt-viewer.h"
#include "test-gui-common.h"

static char *data_dir;

typedef struct
{
  CpStore      *store;
  GtkWindow    *window;
  CpLedgerPage *page;
  char         *person_id;
  char         *plan_id;
  char         *line_id;
  char         *stream_id;
} Fixture;

static char *
insert (CpStore *store, gpointer record)
{
  g_autoptr(GError) error = NULL;

  cp_store_insert (store, CP_RECORD (record), &error);
  g_assert_no_error (error);
  return g_strdup (cp_record_get_id (CP_RECORD (record)));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("ledger-%u.db", ++counter);
  g_autoptr(CpPerson) person = NULL;
  g_autoptr(CpPlan) plan = NULL;
  g_autoptr(CpFundingStream) stream = NULL;
  g_autoptr(CpBudgetLine) line = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->store = test_open_store (data_dir, name);
  person = test_add_person (f->store, "Amina", "Khan", NULL);
  f->person_id = g_strdup (cp_record_get_id (CP_RECORD (person)));
  plan = cp_plan_new (f->person_id);
  f->plan_id = insert (f->store, plan);
  stream = cp_funding_stream_new (f->plan_id);
  g_object_set (stream, "funder", CP_FUNDER_NHS, "name", "NHS continuing care", "agreed-pence", (gint64) 100000, NULL);
  f->stream_id = insert (f->store, stream);
  line = cp_budget_line_new (f->plan_id);
  g_object_set (line, "category", "PA wages", "stream-id", f->stream_id, NULL);
  f->line_id = insert (f->store, line);

  f->page = g_object_new (CP_TYPE_LEDGER_PAGE, NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  f->window = GTK_WINDOW (g_object_ref_sink (gtk_window_new ()));
  gtk_window_set_default_size (f->window, 1100, 700);
  gtk_window_set_child (f->window, overlay);
  cp_person_tab_set_store (CP_PERSON_TAB (f->page), f->store);
  g_assert_true (cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), f->person_id));
  gtk_window_present (f->window);
}

static void
close_other_windows (GtkWindow *keep)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != keep)
        gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  close_other_windows (f->window);
  gtk_window_destroy (f->window);
  test_settle ();
  g_clear_object (&f->window);
  cp_store_close (f->store);
  g_clear_object (&f->store);
  g_free (f->person_id);
  g_free (f->plan_id);
  g_free (f->line_id);
  g_free (f->stream_id);
}

static GtkEditable *
form_entry (Fixture *f, const char *placeholder)
{
  GtkWidget *entry = test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_ENTRY, "placeholder-text", placeholder);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

static GtkEditable *date_entry (Fixture *f)   { return form_entry (f, "e.g. 3/4/2026"); }
static GtkEditable *payee_entry (Fixture *f)  { return form_entry (f, "Who was paid"); }
static GtkEditable *amount_entry (Fixture *f) { return form_entry (f, "£0.00"); }
static GtkEditable *note_entry (Fixture *f)   { return form_entry (f, "Anything to remember"); }

/* What typing a value and pressing Enter in that box does. */
static void
type_and_enter (GtkEditable *entry, const char *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
}

/* The window's focus is in @data (a GtkEntry holds its GtkText). */
static gboolean
has_focus (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (data)));

  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, GTK_WIDGET (data)));
}

static CpLedger *
ledger (Fixture *f)
{
  return cp_ledger_page_get_ledger (f->page);
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ledger (f)));
}

static CpLedgerEntry *
row (Fixture *f, guint position)
{
  CpLedgerEntry *entry = g_list_model_get_item (G_LIST_MODEL (ledger (f)), position);

  g_assert_nonnull (entry);
  g_object_unref (entry); /* the ledger's page keeps it */
  return entry;
}

static const char *
row_payee (Fixture *f, guint position)
{
  return cp_record_get_string (CP_RECORD (cp_ledger_entry_get_payment (row (f, position))), "payee");
}

/* The visible error label right under @entry in the form's grid. */
static const char *
error_under (GtkEditable *entry)
{
  GtkWidget *grid = gtk_widget_get_parent (GTK_WIDGET (entry));
  int column, row_index;

  gtk_grid_query_child (GTK_GRID (grid), GTK_WIDGET (entry), &column, &row_index, NULL, NULL);
  for (GtkWidget *w = gtk_widget_get_first_child (grid); w; w = gtk_widget_get_next_sibling (w))
    {
      int c, r;

      gtk_grid_query_child (GTK_GRID (grid), w, &c, &r, NULL, NULL);
      if (c == column && r == row_index + 1 && GTK_IS_LABEL (w))
        return gtk_widget_get_visible (w) ? gtk_label_get_label (GTK_LABEL (w)) : NULL;
    }
  return NULL;
}

static gint64
payments_stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cp_store_prepare (f->store, "SELECT count(*) FROM payment", &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_keyboard_entry (Fixture *f, gconstpointer data)
{
  g_assert_true (test_wait_until (window_mapped, f->window));
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (cp_ledger_page_get_totals_text (f->page), ==, "Spent so far: £0.00 of £1,000.00");

  /* First payment: day-first date with a two-digit year, Enter in the amount box. */
  type_and_enter (date_entry (f), "3/4/26");
  gtk_editable_set_text (payee_entry (f), "Sunrise Care");
  type_and_enter (amount_entry (f), "£120.50");
  g_assert_cmpuint (n_rows (f), ==, 1);
  /* Ready for the next: payee and amount empty, the date kept, the cursor in "Paid to". */
  g_assert_cmpstr (gtk_editable_get_text (payee_entry (f)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (amount_entry (f)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (date_entry (f)), ==, "3/4/2026");
  g_assert_true (test_wait_until (has_focus, payee_entry (f)));

  /* Second and third: Enter in the payee box and in the note box. */
  gtk_editable_set_text (amount_entry (f), "19.99");
  type_and_enter (payee_entry (f), "Ace Taxis");
  gtk_editable_set_text (date_entry (f), "1/4/2026");
  gtk_editable_set_text (payee_entry (f), "Leisure Centre");
  gtk_editable_set_text (amount_entry (f), "1,000");
  type_and_enter (note_entry (f), "swimming, a year");
  g_assert_cmpuint (n_rows (f), ==, 3);
  g_assert_cmpint (payments_stored (f), ==, 3);

  /* Newest first; "Left after this" in date order: 1 April, then 3 April twice. */
  g_assert_cmpstr (row_payee (f, 0), ==, "Ace Taxis");
  g_assert_cmpint (cp_ledger_entry_get_left_pence (row (f, 0)), ==, 100000 - 100000 - 12050 - 1999);
  g_assert_cmpstr (row_payee (f, 1), ==, "Sunrise Care");
  g_assert_cmpint (cp_ledger_entry_get_left_pence (row (f, 1)), ==, -12050);
  g_assert_cmpstr (row_payee (f, 2), ==, "Leisure Centre");
  g_assert_cmpint (cp_ledger_entry_get_left_pence (row (f, 2)), ==, 0);
  g_assert_cmpstr (cp_ledger_page_get_totals_text (f->page), ==, "Spent so far: £1,140.49 of £1,000.00");
  /* The list shows the figures in words, the overspend as a minus. */
  g_assert_nonnull (test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, "label", "−£140.49"));
  g_assert_nonnull (test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, "label", "£140.49 over budget."));
}

static void
test_refused_values_kept (Fixture *f, gconstpointer data)
{
  static const char *const bad_amounts[] = { "12.345", "twelve", "£99,999,999", "0" };

  g_assert_true (test_wait_until (window_mapped, f->window));
  gtk_editable_set_text (payee_entry (f), "Sunrise Care");
  for (guint i = 0; i < G_N_ELEMENTS (bad_amounts); i++)
    {
      type_and_enter (amount_entry (f), bad_amounts[i]);
      g_assert_nonnull (error_under (amount_entry (f)));
      g_assert_cmpuint (strlen (error_under (amount_entry (f))), >, 15);
      /* Nothing stored, nothing typed lost, the cursor where the fix goes. */
      g_assert_cmpint (payments_stored (f), ==, 0);
      g_assert_cmpstr (gtk_editable_get_text (amount_entry (f)), ==, bad_amounts[i]);
      g_assert_cmpstr (gtk_editable_get_text (payee_entry (f)), ==, "Sunrise Care");
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (amount_entry (f)), "error"));
    }
  /* £250,000.01 is money, but more than one payment can be. */
  type_and_enter (amount_entry (f), "250000.01");
  g_assert_nonnull (strstr (error_under (amount_entry (f)), "£250,000.00"));

  type_and_enter (date_entry (f), "30/2/2026");
  g_assert_nonnull (error_under (date_entry (f)));
  g_assert_cmpstr (gtk_editable_get_text (date_entry (f)), ==, "30/2/2026");
  g_assert_true (test_wait_until (has_focus, date_entry (f)));

  gtk_editable_set_text (date_entry (f), "1/4/2026");
  gtk_editable_set_text (payee_entry (f), "   ");
  type_and_enter (amount_entry (f), "12");
  g_assert_nonnull (error_under (payee_entry (f)));
  g_assert_null (error_under (date_entry (f)));
  g_assert_cmpint (payments_stored (f), ==, 0);

  /* Corrected, it goes in, and the messages go. */
  type_and_enter (payee_entry (f), "Sunrise Care");
  g_assert_cmpint (payments_stored (f), ==, 1);
  g_assert_null (error_under (payee_entry (f)));
  g_assert_null (error_under (amount_entry (f)));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
test_excluded_spending_asks (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog;

  g_assert_true (test_wait_until (window_mapped, f->window));
  gtk_editable_set_text (payee_entry (f), "Corner shop");
  gtk_editable_set_text (note_entry (f), "cigarettes");
  type_and_enter (amount_entry (f), "9.50");
  g_assert_true (test_wait_until (dialog_shown, NULL));
  g_assert_cmpint (payments_stored (f), ==, 0);
  /* Cancel keeps everything typed. */
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (payments_stored (f), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (amount_entry (f)), ==, "9.50");

  /* Confirmed, it is added: a warning, never a block. */
  type_and_enter (amount_entry (f), "9.50");
  g_assert_true (test_wait_until (dialog_shown, NULL));
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (payments_stored (f), ==, 1);
}

static GtkWidget *
button (Fixture *f, const char *label)
{
  GtkWidget *widget = test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, "label", label);

  g_assert_nonnull (widget);
  return widget;
}

static void
add_payment (Fixture *f, const char *date, const char *payee, const char *amount)
{
  gtk_editable_set_text (date_entry (f), date);
  gtk_editable_set_text (payee_entry (f), payee);
  type_and_enter (amount_entry (f), amount);
}

static void
test_reverse_and_receipts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png_path = g_test_build_filename (G_TEST_DIST, "fixtures", "receipt.png", NULL);
  g_autofree char *pdf_path = g_test_build_filename (G_TEST_DIST, "fixtures", "receipt.pdf", NULL);
  g_autofree char *text_path = g_build_filename (data_dir, "not-a-receipt.png", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GFile) written = NULL;
  g_autoptr(GBytes) pdf_bytes = NULL;
  g_autoptr(GBytes) written_bytes = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(CpReceipt) pdf_receipt = NULL;
  g_autofree char *reversed_id = NULL;
  CpReceiptViewer *viewer = NULL;
  GListModel *toplevels;

  g_assert_true (test_wait_until (window_mapped, f->window));
  add_payment (f, "1/4/2026", "Sunrise Care", "100");
  add_payment (f, "2/4/2026", "Sunrise Care", "100");
  add_payment (f, "3/4/2026", "Ace Taxis", "20");
  g_assert_cmpuint (n_rows (f), ==, 3);

  /* Reverse the payment made twice (row 1: 2 April). */
  cp_ledger_page_select (f->page, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "ledger.reverse", NULL));
  g_assert_true (test_wait_until (dialog_shown, NULL));
  gtk_window_destroy (GTK_WINDOW (find_message_dialog ()));
  g_assert_false (cp_ledger_page_reverse_selected (f->page, "  ", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  reversed_id = g_strdup (cp_ledger_entry_get_id (row (f, 1)));
  g_assert_true (cp_ledger_page_reverse_selected (f->page, "charged twice", &error));
  g_assert_no_error (error);
  test_settle ();
  g_assert_cmpuint (n_rows (f), ==, 4);
  /* The reversal is dated today, so it is first; both say so in words. */
  g_assert_cmpstr (cp_ledger_entry_get_reverses (row (f, 0)), ==, reversed_id);
  g_assert_cmpstr (cp_ledger_entry_get_id (row (f, 2)), ==, reversed_id);
  g_assert_nonnull (cp_ledger_entry_get_reversed_by (row (f, 2)));
  g_assert_cmpstr (cp_ledger_page_get_totals_text (f->page), ==, "Spent so far: £120.00 of £1,000.00");
  g_assert_nonnull (test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, "label", "Reversed"));
  g_assert_nonnull (test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, "label", "Reversal of an earlier payment"));
  /* A reversed payment cannot be reversed again. */
  cp_ledger_page_select (f->page, 2);
  g_assert_false (gtk_widget_get_sensitive (button (f, "Re_verse…")));

  /* Receipts: a picture on the taxi, shown in the viewer. */
  cp_ledger_page_select (f->page, 1);
  g_assert_cmpstr (row_payee (f, 1), ==, "Ace Taxis");
  g_assert_false (gtk_widget_get_sensitive (button (f, "Vie_w Receipt")));
  g_assert_true (gtk_widget_get_sensitive (button (f, "Attach Re_ceipt…")));
  g_assert_true (cp_ledger_page_attach_file (f->page, png, &error));
  g_assert_no_error (error);
  test_settle ();
  g_assert_cmpuint (cp_ledger_entry_get_n_receipts (row (f, 1)), ==, 1);
  /* The list refreshed, and the same payment is still the chosen one. */
  test_settle ();
  g_assert_true (gtk_widget_get_sensitive (button (f, "Vie_w Receipt")));
  g_assert_nonnull (test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL, "label", "Receipt kept"));
  cp_ledger_page_select (f->page, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "ledger.view", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CP_IS_RECEIPT_VIEWER (window))
        viewer = CP_RECEIPT_VIEWER (window);
    }
  g_assert_nonnull (viewer);
  g_assert_cmpstr (cp_receipt_viewer_get_shown (viewer), ==, "picture");
  gtk_window_destroy (GTK_WINDOW (viewer));

  /* A text file named .png is refused, and nothing is stored. */
  g_assert_true (g_file_set_contents (text_path, "Total £20.00", -1, NULL));
  g_assert_false (cp_ledger_page_attach_file (f->page, text, &error));
  g_assert_error (error, CP_RECEIPTS_ERROR, CP_RECEIPTS_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_cmpuint (cp_receipts_count (f->store, cp_ledger_entry_get_id (row (f, 1))), ==, 1);

  /* A PDF is written to a private file for the desktop's viewer, byte for byte. */
  cp_ledger_page_select (f->page, 3);
  g_assert_true (cp_ledger_page_attach_file (f->page, pdf, &error));
  receipts = cp_receipts_list (f->store, cp_ledger_entry_get_id (row (f, 3)), &error);
  g_assert_cmpuint (receipts->len, ==, 1);
  pdf_receipt = cp_receipts_load (f->store, cp_record_get_id (g_ptr_array_index (receipts, 0)), &error);
  g_assert_no_error (error);
  written = cp_receipt_viewer_open_in_app (pdf_receipt, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (g_file_peek_path (written), "receipt.pdf"));
  written_bytes = g_file_load_bytes (written, NULL, NULL, NULL);
  pdf_bytes = g_file_load_bytes (pdf, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (written_bytes, pdf_bytes));
  g_file_delete (written, NULL, NULL);
}

static gboolean
one_row (gpointer data)
{
  return n_rows (data) == 1;
}

static gboolean
three_rows (gpointer data)
{
  return n_rows (data) == 3;
}

static void
test_sort_and_filter (Fixture *f, gconstpointer data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW, NULL, NULL));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) amount = NULL;
  g_autoptr(GtkColumnViewColumn) payee = NULL;
  GtkEditable *search = GTK_EDITABLE (test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY, "placeholder-text",
                                                      "Search who was paid, reference or note"));
  GtkEditable *from = form_entry (f, "From date");
  gboolean descending;

  g_assert_true (test_wait_until (window_mapped, f->window));
  add_payment (f, "1/4/2026", "Sunrise Care", "100");
  add_payment (f, "2/4/2026", "Ace Taxis", "20");
  add_payment (f, "3/4/2026", "Bus pass", "55");

  /* A header click is a sort in SQL, not in memory. */
  amount = g_list_model_get_item (columns, 3);
  g_assert_cmpstr (gtk_column_view_column_get_title (amount), ==, "Amount");
  gtk_column_view_sort_by_column (view, amount, GTK_SORT_ASCENDING);
  g_assert_cmpint (cp_ledger_get_sort (ledger (f), &descending), ==, CP_LEDGER_SORT_AMOUNT);
  g_assert_false (descending);
  g_assert_cmpstr (row_payee (f, 0), ==, "Ace Taxis");
  payee = g_list_model_get_item (columns, 1);
  gtk_column_view_sort_by_column (view, payee, GTK_SORT_DESCENDING);
  g_assert_cmpint (cp_ledger_get_sort (ledger (f), &descending), ==, CP_LEDGER_SORT_PAYEE);
  g_assert_true (descending);
  g_assert_cmpstr (row_payee (f, 0), ==, "Sunrise Care");

  /* The search entry waits a moment after typing before it searches. */
  gtk_editable_set_text (search, "taxi");
  g_assert_true (test_wait_until (one_row, f));
  gtk_editable_set_text (search, "");
  g_assert_true (test_wait_until (three_rows, f));

  /* A date being typed is marked, not applied; once whole it filters. */
  gtk_editable_set_text (from, "2/13");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_cmpuint (n_rows (f), ==, 3);
  gtk_editable_set_text (from, "2/4/26");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_cmpuint (n_rows (f), ==, 2);
}

static void
test_no_plan (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPerson) other = test_add_person (f->store, "Bob", "Smith", NULL);
  GtkStack *stack = GTK_STACK (test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_STACK, NULL, NULL));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "ledger");
  g_assert_true (cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (other))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-plan");
  g_assert_null (cp_ledger_page_get_ledger (f->page));
  g_assert_true (cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-plan");
}

static void
test_expand_date (void)
{
  static const struct { const char *typed; const char *expanded; } cases[] = {
    { "3/4/26", "3/4/2026" }, { "03.04.26", "03/04/2026" }, { "3-4", "3/4/2026" },
    { "3/4/2026", "3/4/2026" }, { "31 Jan 2026", "31 Jan 2026" }, { "3/4/226", "3/4/226" },
    { "", "" }, { "a/b", "a/b" }, { "3//26", "3//26" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expanded = cp_payment_form_expand_date (cases[i].typed, 2026);
      g_assert_cmpstr (expanded, ==, cases[i].expanded);
    }
  g_assert_null (cp_payment_form_expand_date (NULL, 2026));
}

int
main (int argc, char *argv[])
{
  data_dir = test_gui_init (&argc, &argv);

  g_test_add_func ("/ledger-page/expand-date", test_expand_date);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ledger-page/keyboard-entry", test_keyboard_entry);
  ADD ("/ledger-page/refused-values-kept", test_refused_values_kept);
  ADD ("/ledger-page/excluded-spending-asks", test_excluded_spending_asks);
  ADD ("/ledger-page/reverse-and-receipts", test_reverse_and_receipts);
  ADD ("/ledger-page/sort-and-filter", test_sort_and_filter);
  ADD ("/ledger-page/no-plan", test_no_plan);
#undef ADD
  return g_test_run ();
}
