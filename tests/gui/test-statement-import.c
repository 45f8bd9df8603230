/* test-statement-import.c — the statement import window, driven as a person would
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file chooser is bypassed: cp_statement_import_dialog_set_file()
 * is what its response does. Set CP_TEST_SCREENSHOTS=FOLDER to keep a
 * picture of each step looked at.
 */
#include "test-gui-common.h"

#include "cp-statement-import-dialog.h"

static char *data_dir;

typedef struct
{
  CpStore                 *store;
  char                    *plan_id;
  char                    *line_id;
  GtkWindow               *parent;
  AdwToastOverlay         *overlay;
  CpStatementImportDialog *dialog;
  guint                    imported;
  gboolean                 closed;
} Fixture;

static char *
insert (CpStore *store, CpRecord *record)
{
  g_autoptr(GError) error = NULL;

  cp_store_insert (store, record, &error);
  g_assert_no_error (error);
  return g_strdup (cp_record_get_id (record));
}

static void
imported_cb (CpStatementImportDialog *dialog, guint added, Fixture *f)
{
  f->imported = added;
}

static void
destroyed_cb (GtkWidget *widget, Fixture *f)
{
  f->closed = TRUE;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("import-%u.db", counter++);
  g_autoptr(CpPerson) person = NULL;
  g_autoptr(CpPlan) plan = NULL;
  g_autoptr(CpBudgetLine) line = NULL;
  g_autoptr(CpFundingStream) stream = NULL;
  GtkWidget *label = gtk_label_new ("Spending");

  f->store = test_open_store (data_dir, name);
  person = test_add_person (f->store, "Ada", "Example", NULL);
  plan = g_object_new (CP_TYPE_PLAN, "person-id", cp_record_get_id (CP_RECORD (person)),
                       "year-start", "2026-04-01", "year-end", "2027-03-31", NULL);
  f->plan_id = insert (f->store, CP_RECORD (plan));
  line = cp_budget_line_new (f->plan_id);
  g_object_set (line, "category", "activities", "description", "Swimming and art classes", NULL);
  f->line_id = insert (f->store, CP_RECORD (line));
  stream = g_object_new (CP_TYPE_FUNDING_STREAM, "plan-id", f->plan_id, "name", "Council social care", NULL);
  g_free (insert (f->store, CP_RECORD (stream)));

  f->parent = GTK_WINDOW (adw_window_new ());
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (f->overlay, label);
  adw_window_set_content (ADW_WINDOW (f->parent), GTK_WIDGET (f->overlay));
  gtk_window_present (f->parent);
  cp_statement_import_dialog_present (label, f->store, f->plan_id);
  /* The dialog presented last is the newest toplevel. */
  {
    g_autoptr(GList) windows = gtk_window_list_toplevels ();
    for (GList *l = windows; l != NULL; l = l->next)
      if (CP_IS_STATEMENT_IMPORT_DIALOG (l->data))
        f->dialog = CP_STATEMENT_IMPORT_DIALOG (l->data);
  }
  g_assert_nonnull (f->dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->dialog)) == f->parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->dialog)));
  g_signal_connect (f->dialog, "imported", G_CALLBACK (imported_cb), f);
  g_signal_connect (f->dialog, "destroy", G_CALLBACK (destroyed_cb), f);
  g_assert_cmpstr (cp_statement_import_dialog_get_step (f->dialog), ==, "choose");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (!f->closed)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  gtk_window_destroy (f->parent);
  test_settle ();
  g_clear_object (&f->store);
  g_free (f->plan_id);
  g_free (f->line_id);
}

static void
set_fixture_file (Fixture *f, const char *name, gboolean expect_ok)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "statements", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cp_statement_import_dialog_set_file (f->dialog, file, &error), ==, expect_ok);
  if (expect_ok)
    g_assert_no_error (error);
}

static gint64
count (Fixture *f, const char *sql)
{
  sqlite3_stmt *stmt = cp_store_prepare (f->store, sql, NULL);
  gint64 value;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gboolean
dialog_drawn (gpointer data)
{
  Fixture *f = data;
  return gtk_widget_get_mapped (GTK_WIDGET (f->dialog));
}

/* Keeps a picture of the dialog when CP_TEST_SCREENSHOTS names a folder. */
static void
maybe_screenshot (Fixture *f, const char *name)
{
  const char *folder = g_getenv ("CP_TEST_SCREENSHOTS");
  g_autofree char *path = folder ? g_build_filename (folder, name, NULL) : NULL;
  GtkWidget *widget = GTK_WIDGET (f->dialog);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width, height;

  if (path == NULL)
    return;
  g_assert_true (test_wait_until (dialog_drawn, f));
  test_settle ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
}

/* A recognised file goes straight to the preview; Import adds the new
 * spending, says so in the parent, and closes. */
static void
test_preview_and_import (Fixture *f, gconstpointer data)
{
  CpStatement *statement;

  set_fixture_file (f, "current-account-amount.csv", TRUE);
  g_assert_cmpstr (cp_statement_import_dialog_get_step (f->dialog), ==, "preview");
  g_assert_cmpstr (cp_statement_import_dialog_get_summary (f->dialog), ==,
                   "7 new payments to add, £1,413.90 in all.");
  statement = cp_statement_import_dialog_get_statement (f->dialog);
  g_assert_cmpuint (cp_statement_get_n_rows (statement), ==, 10);
  maybe_screenshot (f, "preview.png");

  cp_statement_import_dialog_set_line (f->dialog, 1);
  g_assert_true (cp_statement_import_dialog_import (f->dialog, FALSE, NULL));
  g_assert_cmpuint (f->imported, ==, 7);
  test_settle ();
  g_assert_true (f->closed);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment WHERE budget_line_id IS NOT NULL"), ==, 7);
}

static char *
add_account (Fixture *f, const char *name, CpManagement management)
{
  g_autoptr(CpFundingStream) stream = cp_funding_stream_new (f->plan_id);

  g_object_set (stream, "name", name, "management", management, NULL);
  return insert (f->store, CP_RECORD (stream));
}

static gint64
count_on (Fixture *f, const char *sql, const char *id)
{
  sqlite3_stmt *stmt = cp_store_prepare (f->store, sql, NULL);
  gint64 value;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return value;
}

/* The visible "Paid from" row: the choice, or the words
 * saying there is none. */
static GtkWidget *
find_row (GtkWidget *root, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      /* Exactly @type: a combo row is an action row too. */
      if (G_OBJECT_TYPE (child) == type &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                     "Paid from") == 0)
        return child;
      if ((found = find_row (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
account_row (Fixture *f, GType type)
{
  GtkWidget *row = find_row (GTK_WIDGET (f->dialog), type);

  g_assert_nonnull (row);
  return row;
}

static const char *
choice_text (GtkWidget *row, guint position)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}

/* One direct payment: it is chosen already, and every payment gets it. */
static void
test_one_account (Fixture *f, gconstpointer data)
{
  g_autofree char *account = add_account (f, "Personal health budget", CP_MANAGEMENT_DIRECT_PAYMENT);
  GtkWidget *row;

  set_fixture_file (f, "current-account-amount.csv", TRUE);
  row = account_row (f, ADW_TYPE_COMBO_ROW);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==, 2);
  g_assert_cmpstr (choice_text (row, 0), ==, "Personal health budget — Direct payment");
  g_assert_cmpstr (choice_text (row, 1), ==, "Not one of these (the budget line's stream)");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_assert_cmpstr (cp_statement_import_dialog_get_stream_id (f->dialog), ==, account);
  g_assert_false (gtk_widget_get_visible (account_row (f, ADW_TYPE_ACTION_ROW)));
  maybe_screenshot (f, "account.png");

  g_assert_true (cp_statement_import_dialog_import (f->dialog, FALSE, NULL));
  g_assert_cmpint (count_on (f, "SELECT count(*) FROM payment WHERE stream_id = ?1", account), ==, 7);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment WHERE stream_id IS NULL"), ==, 0);
}

/* Several: the window asks, and Import waits for the answer. */
static void
test_several_accounts (Fixture *f, gconstpointer data)
{
  g_autofree char *account = add_account (f, "Social care direct payment", CP_MANAGEMENT_DIRECT_PAYMENT);
  g_autofree char *card = add_account (f, "Health prepaid card", CP_MANAGEMENT_PREPAID_CARD);
  g_autoptr(GError) error = NULL;
  GtkWidget *import_button;
  GtkWidget *row;

  set_fixture_file (f, "current-account-amount.csv", TRUE);
  row = account_row (f, ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==, 4);
  g_assert_cmpstr (choice_text (row, 0), ==, "Choose…");
  g_assert_cmpstr (choice_text (row, 1), ==, "Health prepaid card — Prepaid card");
  g_assert_cmpstr (choice_text (row, 2), ==, "Social care direct payment — Direct payment");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "This plan has more than one direct payment or prepaid card"));
  g_assert_null (cp_statement_import_dialog_get_stream_id (f->dialog));
  import_button = test_find_widget (GTK_WIDGET (f->dialog), GTK_TYPE_BUTTON, "label", "_Import");
  g_assert_false (gtk_widget_get_sensitive (import_button));
  maybe_screenshot (f, "accounts.png");
  g_assert_false (cp_statement_import_dialog_import (f->dialog, FALSE, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment"), ==, 0);

  cp_statement_import_dialog_set_stream (f->dialog, 2);
  g_assert_cmpstr (cp_statement_import_dialog_get_stream_id (f->dialog), ==, account);
  g_assert_true (gtk_widget_get_sensitive (import_button));
  g_assert_true (cp_statement_import_dialog_import (f->dialog, FALSE, NULL));
  g_assert_cmpint (count_on (f, "SELECT count(*) FROM payment WHERE stream_id = ?1", account), ==, 7);
  g_assert_cmpint (count_on (f, "SELECT count(*) FROM payment WHERE stream_id = ?1", card), ==, 0);
}

/* None (the fixture's stream is notional): no choice, the reason in words. */
static void
test_no_account (Fixture *f, gconstpointer data)
{
  GtkWidget *note;

  set_fixture_file (f, "current-account-amount.csv", TRUE);
  g_assert_false (gtk_widget_get_visible (account_row (f, ADW_TYPE_COMBO_ROW)));
  note = account_row (f, ADW_TYPE_ACTION_ROW);
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (note)),
                                   "This plan has no direct payment or prepaid card"));
  g_assert_null (cp_statement_import_dialog_get_stream_id (f->dialog));
  g_assert_true (cp_statement_import_dialog_import (f->dialog, FALSE, NULL));
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment WHERE stream_id IS NULL"), ==, 7);
}

/* The same file again: nothing new, and Import is not offered. */
static void
test_second_time (Fixture *f, gconstpointer data)
{
  g_autoptr(CpStatement) first = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "statements",
                                                 "current-account-amount.csv", NULL);
  CpStatementCounts counts;
  GtkWidget *import_button;

  first = cp_statement_load (path, NULL);
  g_assert_true (cp_statement_import_apply (f->store, first, f->plan_id, NULL, &counts, NULL));

  set_fixture_file (f, "current-account-amount.csv", TRUE);
  g_assert_true (g_str_has_prefix (cp_statement_import_dialog_get_summary (f->dialog), "Nothing new to add"));
  import_button = test_find_widget (GTK_WIDGET (f->dialog), GTK_TYPE_BUTTON, "label", "_Import");
  g_assert_nonnull (import_button);
  g_assert_false (gtk_widget_get_sensitive (import_button));
  g_assert_cmpint (cp_statement_get_row (cp_statement_import_dialog_get_statement (f->dialog), 1)->status,
                   ==, CP_STATEMENT_STATUS_ALREADY_IMPORTED);
}

/* An unknown layout asks which column is which, then previews. */
static void
test_mapping (Fixture *f, gconstpointer data)
{
  CpStatementMapping mapping;

  set_fixture_file (f, "no-header.csv", TRUE);
  g_assert_cmpstr (cp_statement_import_dialog_get_step (f->dialog), ==, "mapping");
  maybe_screenshot (f, "mapping.png");

  /* No description: the step stays, with the reason shown. */
  cp_statement_mapping_init (&mapping);
  mapping.date = 0;
  mapping.amount = 2;
  g_assert_false (cp_statement_import_dialog_map (f->dialog, &mapping));
  g_assert_cmpstr (cp_statement_import_dialog_get_step (f->dialog), ==, "mapping");
  g_assert_nonnull (test_find_widget (GTK_WIDGET (f->dialog), GTK_TYPE_LABEL, "label",
                                      "Say which column holds the description (who was paid)."));

  mapping.description = 1;
  g_assert_true (cp_statement_import_dialog_map (f->dialog, &mapping));
  g_assert_cmpstr (cp_statement_import_dialog_get_summary (f->dialog), ==,
                   "2 new payments to add, £138.00 in all.");
}

/* A recognised layout can still be changed: the columns step opens with
 * what was recognised, and the preview follows the new choice. */
static void
test_change_columns (Fixture *f, gconstpointer data)
{
  CpStatementMapping mapping;
  GtkWidget *button;

  set_fixture_file (f, "current-account-amount.csv", TRUE);
  mapping = *cp_statement_get_mapping (cp_statement_import_dialog_get_statement (f->dialog));
  button = test_find_widget (GTK_WIDGET (f->dialog), GTK_TYPE_BUTTON, "label", "C_hange Columns…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (cp_statement_import_dialog_get_step (f->dialog), ==, "mapping");
  g_assert_nonnull (test_find_widget (GTK_WIDGET (f->dialog), ADW_TYPE_COMBO_ROW, "title", "Date"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (test_find_widget (GTK_WIDGET (f->dialog),
                                                                                ADW_TYPE_COMBO_ROW, "title",
                                                                                "Amount (one column)"))),
                    ==, 3);
  mapping.spending_positive = TRUE;
  g_assert_true (cp_statement_import_dialog_map (f->dialog, &mapping));
  g_assert_cmpstr (cp_statement_import_dialog_get_summary (f->dialog), ==,
                   "2 new payments to add, £1,262.99 in all.");
}

/* Bad rows are shown with their reasons; importing skips them only
 * after the person has said so (the import function is that answer). */
static void
test_bad_rows (Fixture *f, gconstpointer data)
{
  CpStatement *statement;

  set_fixture_file (f, "bad-rows.csv", TRUE);
  statement = cp_statement_import_dialog_get_statement (f->dialog);
  g_assert_cmpuint (cp_statement_count_kind (statement, CP_STATEMENT_ROW_PROBLEM), ==, 5);
  maybe_screenshot (f, "problems.png");
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment"), ==, 0);
  g_assert_true (cp_statement_import_dialog_import (f->dialog, FALSE, NULL));
  g_assert_cmpuint (f->imported, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment"), ==, 2);
}

/* Excluded spending is flagged in words, and still imported when asked. */
static void
test_warnings (Fixture *f, gconstpointer data)
{
  CpStatement *statement;

  set_fixture_file (f, "excluded-spending.csv", TRUE);
  statement = cp_statement_import_dialog_get_statement (f->dialog);
  g_assert_cmpstr (cp_statement_get_row (statement, 0)->warning, ==,
                   "This looks like gambling (“casino”), which a personal budget cannot be spent on.");
  g_assert_null (cp_statement_get_row (statement, 4)->warning);
  maybe_screenshot (f, "warnings.png");
  g_assert_true (cp_statement_import_dialog_import (f->dialog, FALSE, NULL));
  g_assert_cmpuint (f->imported, ==, 6);
}

static AdwMessageDialog *
find_alert (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      return ADW_MESSAGE_DIALOG (l->data);
  return NULL;
}

/* Import with problems rows asks first; Cancel there stores nothing,
 * Import there stores the good rows. */
static void
test_asks_first (Fixture *f, gconstpointer data)
{
  GtkWidget *import_button;
  AdwMessageDialog *alert;

  set_fixture_file (f, "bad-rows.csv", TRUE);
  import_button = test_find_widget (GTK_WIDGET (f->dialog), GTK_TYPE_BUTTON, "label", "_Import");
  g_signal_emit_by_name (import_button, "clicked");
  alert = find_alert ();
  g_assert_nonnull (alert);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (alert),
                                   "5 rows could not be read and will be left out."));
  /* The alert closes itself after its response. */
  adw_message_dialog_response (alert, "cancel");
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment"), ==, 0);
  g_assert_false (f->closed);

  g_signal_emit_by_name (import_button, "clicked");
  alert = find_alert ();
  g_assert_nonnull (alert);
  adw_message_dialog_response (alert, "import");
  g_assert_cmpint (count (f, "SELECT count(*) FROM payment"), ==, 2);
  test_settle ();
  g_assert_true (f->closed);
}

/* A file that is not a statement: the reason, and still the first step. */
static void
test_unreadable (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/april.csv");
  g_autoptr(GError) error = NULL;

  g_assert_false (cp_statement_import_dialog_set_file (f->dialog, missing, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (cp_statement_import_dialog_get_step (f->dialog), ==, "choose");
}

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  data_dir = test_gui_init (&argc, &argv);
  add_test ("/statement-import-dialog/preview-and-import", test_preview_and_import);
  add_test ("/statement-import-dialog/one-account", test_one_account);
  add_test ("/statement-import-dialog/several-accounts", test_several_accounts);
  add_test ("/statement-import-dialog/no-account", test_no_account);
  add_test ("/statement-import-dialog/second-time", test_second_time);
  add_test ("/statement-import-dialog/mapping", test_mapping);
  add_test ("/statement-import-dialog/change-columns", test_change_columns);
  add_test ("/statement-import-dialog/bad-rows", test_bad_rows);
  add_test ("/statement-import-dialog/warnings", test_warnings);
  add_test ("/statement-import-dialog/asks-first", test_asks_first);
  add_test ("/statement-import-dialog/unreadable", test_unreadable);
  return g_test_run ();
}
