/* test-risks-page.c — the Staying Safe tab against a real store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-person-tab.h"
#include "cp-plan-lifecycle.h"
#include "cp-risks-page.h"
#include "test-gui-common.h"

static char *data_dir;

typedef struct
{
  CpStore     *store;
  GtkWidget   *window;
  CpRisksPage *page;
  CpPerson    *sam;
} Fixture;

static void
show_sam (Fixture *f)
{
  test_settle ();
  cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (f->sam)));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("risks-%u.db", ++counter);

  f->store = test_open_store (data_dir, name);
  f->sam = test_add_person (f->store, "Sam", "Patel", NULL);
  f->page = CP_RISKS_PAGE (cp_risks_page_new ());
  f->window = test_window_with_page (GTK_WIDGET (f->page));
  cp_person_tab_set_store (CP_PERSON_TAB (f->page), f->store);
  show_sam (f);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_close_window_and_store (f->window, &f->store);
  g_clear_object (&f->sam);
}

static CpPlan *
start_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CpPlan *plan = cp_plan_current (f->store, cp_record_get_id (CP_RECORD (f->sam)), "2026-04-01", &error);

  g_assert_no_error (error);
  return plan;
}

static CpRisk *
add_stored (Fixture *f, CpPlan *plan, const char *description, gint64 position)
{
  g_autoptr(GError) error = NULL;
  CpRisk *risk = cp_risk_new (cp_record_get_id (CP_RECORD (plan)));

  g_object_set (risk, "description", description, "position", position, NULL);
  cp_store_insert (f->store, CP_RECORD (risk), &error);
  g_assert_no_error (error);
  return risk;
}

static GtkWidget *
row_at (Fixture *f, guint index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (cp_risks_page_get_list (f->page), index));
}

static guint
n_rows (Fixture *f)
{
  guint n = 0;

  while (row_at (f, n) != NULL)
    n++;
  return n;
}

static const char *
title_at (Fixture *f, guint index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (f, index)));
}

static GtkWidget *
find_in_row (Fixture *f, guint index, GType type, const char *title)
{
  return test_find_titled (row_at (f, index), type, title);
}

static GtkWidget *
add_button (Fixture *f)
{
  GtkWidget *button = test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_BUTTON_CONTENT, "label", "_Add Risk");

  return gtk_widget_get_parent (button);
}

/* With no plan the tab says so, offers to start one, and adds nothing. */
static void
test_no_plan (Fixture *f, gconstpointer data)
{
  CpPlanBanner *banner = cp_risks_page_get_banner (f->page);
  GtkWidget *start = test_find_widget (GTK_WIDGET (banner), GTK_TYPE_BUTTON, "label", "_Start a Plan");

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_nonnull (strstr (cp_plan_banner_get_text (banner), "There is no plan yet"));
  g_assert_false (gtk_widget_get_sensitive (add_button (f)));
  cp_risks_page_add_risk (f->page);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN, cp_record_get_id (CP_RECORD (f->sam))), ==, 0);

  g_assert_nonnull (start);
  g_signal_emit_by_name (start, "clicked");
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN, cp_record_get_id (CP_RECORD (f->sam))), ==, 1);
  g_assert_true (cp_plan_banner_is_editable (banner));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_true (gtk_widget_get_sensitive (add_button (f)));
}

/* Added, written, flagged as positive risk-taking: saved as typed. */
static void
test_add_and_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPlan) plan = start_plan (f);
  g_autoptr(CpRecordList) risks = NULL;
  g_autoptr(CpRisk) risk = NULL;
  TestStored what = { f->store, CP_TYPE_RISK, NULL, "description", "Going to football on my own" };
  TestStored who = { f->store, CP_TYPE_RISK, NULL, "agreed-by", "Sam, Mum and Jo (social worker)" };
  gboolean positive = FALSE;

  show_sam (f);
  cp_risks_page_add_risk (f->page);
  /* Opened for writing, and still open once the store's news is in. */
  test_settle ();
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row_at (f, 0))));
  risks = cp_record_list_new (f->store, CP_TYPE_RISK, cp_record_get_id (CP_RECORD (plan)));
  risk = g_list_model_get_item (G_LIST_MODEL (risks), 0);
  what.id = who.id = cp_record_get_id (CP_RECORD (risk));

  gtk_editable_set_text (GTK_EDITABLE (find_in_row (f, 0, ADW_TYPE_ENTRY_ROW, "What could go wrong")), what.expected);
  gtk_editable_set_text (GTK_EDITABLE (find_in_row (f, 0, ADW_TYPE_ENTRY_ROW, "Who agreed this")), who.expected);
  g_assert_true (test_wait_until (test_stored_is, &what));
  g_assert_true (test_stored_is (&who));
  g_assert_cmpstr (title_at (f, 0), ==, what.expected);

  gtk_switch_set_active (GTK_SWITCH (test_find_widget (find_in_row (f, 0, ADW_TYPE_ACTION_ROW, "Positive risk-taking"),
                                                       GTK_TYPE_SWITCH, NULL, NULL)), TRUE);
  g_clear_object (&risk);
  risk = cp_store_load (f->store, CP_TYPE_RISK, what.id, NULL);
  g_object_get (risk, "positive-risk", &positive, NULL);
  g_assert_true (positive);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row_at (f, 0))), ==,
                   "Positive risk-taking · Agreed by Sam, Mum and Jo (social worker)");
}

static gint64
stored_position (Fixture *f, CpRisk *risk)
{
  g_autoptr(CpRecord) stored = cp_store_load (f->store, CP_TYPE_RISK, cp_record_get_id (CP_RECORD (risk)), NULL);

  return cp_record_get_int64 (stored, "position");
}

/* Reordering stores a dense order; moving past either end does nothing. */
static void
test_reorder (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPlan) plan = start_plan (f);
  g_autoptr(CpRisk) a = add_stored (f, plan, "A", 0);
  g_autoptr(CpRisk) b = add_stored (f, plan, "B", 1);
  g_autoptr(CpRisk) c = add_stored (f, plan, "C", 1); /* a duplicate, as imports can leave */

  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  CpRisk *by_title[3];

  show_sam (f);
  g_assert_cmpuint (n_rows (f), ==, 3);
  /* B and C share a place: either may be shown first; the move decides. */
  first = g_strdup (title_at (f, 0));
  second = g_strdup (title_at (f, 1));
  third = g_strdup (title_at (f, 2));
  g_assert_cmpstr (first, ==, "A");
  g_assert_true (cp_risks_page_move (f->page, 2, 0));
  g_assert_cmpstr (title_at (f, 0), ==, third);
  g_assert_cmpstr (title_at (f, 1), ==, first);
  g_assert_cmpstr (title_at (f, 2), ==, second);
  by_title[0] = a;
  by_title[1] = b;
  by_title[2] = c;
  g_assert_cmpint (stored_position (f, by_title[third[0] - 'A']), ==, 0);
  g_assert_cmpint (stored_position (f, a), ==, 1);
  g_assert_cmpint (stored_position (f, by_title[second[0] - 'A']), ==, 2);
  g_assert_false (cp_risks_page_move (f->page, 0, 3));
  g_assert_false (cp_risks_page_move (f->page, 5, 0));
  g_assert_cmpstr (title_at (f, 0), ==, third);

  /* The buttons: the first cannot go up, the last cannot go down. */
  g_assert_false (gtk_widget_get_sensitive (test_find_widget (row_at (f, 0), GTK_TYPE_BUTTON, "tooltip-text", "Move Up")));
  g_assert_true (gtk_widget_get_sensitive (test_find_widget (row_at (f, 0), GTK_TYPE_BUTTON, "tooltip-text", "Move Down")));
  g_assert_false (gtk_widget_get_sensitive (test_find_widget (row_at (f, 2), GTK_TYPE_BUTTON, "tooltip-text", "Move Down")));
  g_signal_emit_by_name (test_find_widget (row_at (f, 1), GTK_TYPE_BUTTON, "tooltip-text", "Move Down"), "clicked");
  g_assert_cmpstr (title_at (f, 2), ==, "A");
  g_assert_cmpstr (title_at (f, 1), ==, second);
}

/* Once the plan is agreed, risks are shown but cannot be changed, and
 * the tab says why. */
static void
test_read_only_when_agreed (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPlan) plan = start_plan (f);
  g_autoptr(CpRisk) a = add_stored (f, plan, "Cooking alone", 0);
  g_autoptr(CpOutcome) outcome = cp_outcome_new (cp_record_get_id (CP_RECORD (plan)));
  g_autoptr(CpPlanVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  const CpSigner signer = { "Sam Patel", "me" };
  TestStored what = { f->store, CP_TYPE_RISK, cp_record_get_id (CP_RECORD (a)), "description", "Cooking alone" };
  GtkWidget *entry;

  g_object_set (outcome, "description", "Cook a meal", NULL);
  cp_store_insert (f->store, CP_RECORD (outcome), &error);
  g_assert_no_error (error);
  version = cp_plan_agree (f->store, cp_record_get_id (CP_RECORD (plan)), &signer, 1, "2026-04-02", &error);
  g_assert_no_error (error);
  test_settle ();

  g_assert_nonnull (strstr (cp_plan_banner_get_text (cp_risks_page_get_banner (f->page)), "agreed"));
  g_assert_false (gtk_widget_get_sensitive (add_button (f)));
  entry = find_in_row (f, 0, ADW_TYPE_ENTRY_ROW, "What could go wrong");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_assert_false (gtk_widget_get_sensitive (test_find_widget (row_at (f, 0), GTK_TYPE_BUTTON, "label", "_Delete Risk…")));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Changed after signing");
  g_assert_true (cp_person_tab_flush (CP_PERSON_TAB (f->page)));
  g_assert_true (test_stored_is (&what));
  cp_risks_page_add_risk (f->page);
  g_assert_false (cp_risks_page_move (f->page, 0, 0));
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_RISK, cp_record_get_id (CP_RECORD (plan))), ==, 1);
}

static AdwMessageDialog *
find_dialog (void)
{
  return ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPlan) plan = start_plan (f);
  g_autoptr(CpRisk) a = add_stored (f, plan, "Cooking alone", 0);
  g_autoptr(CpRecord) stored = NULL;

  show_sam (f);
  g_signal_emit_by_name (test_find_widget (row_at (f, 0), GTK_TYPE_BUTTON, "label", "_Delete Risk…"), "clicked");
  adw_message_dialog_response (find_dialog (), "delete");
  test_settle ();
  g_assert_cmpuint (n_rows (f), ==, 0);
  stored = cp_store_load (f->store, CP_TYPE_RISK, cp_record_get_id (CP_RECORD (a)), NULL);
  g_assert_true (cp_record_get_deleted (stored));
}

static void
activate (Fixture *f, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), action, NULL));
  test_settle ();
}

/* Ctrl+Z and Ctrl+Shift+Z: a removal, a move (one step for all the rows
 * it renumbers) and saved typing come back, and go again. */
static void
test_undo_redo (Fixture *f, gconstpointer data)
{
  g_autoptr(CpPlan) plan = start_plan (f);
  g_autoptr(CpRisk) a = add_stored (f, plan, "A", 0);
  g_autoptr(CpRisk) b = add_stored (f, plan, "B", 1);
  g_autoptr(CpRecord) stored = NULL;
  TestStored typed = { f->store, CP_TYPE_RISK, cp_record_get_id (CP_RECORD (a)), "description", "A, when tired" };
  GtkWidget *entry;

  show_sam (f);
  g_assert_cmpuint (n_rows (f), ==, 2);

  /* removal */
  g_signal_emit_by_name (test_find_widget (row_at (f, 1), GTK_TYPE_BUTTON, "label", "_Delete Risk…"), "clicked");
  adw_message_dialog_response (find_dialog (), "delete");
  test_settle ();
  g_assert_cmpuint (n_rows (f), ==, 1);
  activate (f, "tab.undo");
  g_assert_cmpuint (n_rows (f), ==, 2);
  stored = cp_store_load (f->store, CP_TYPE_RISK, cp_record_get_id (CP_RECORD (b)), NULL);
  g_assert_false (cp_record_get_deleted (stored));
  activate (f, "tab.redo");
  g_clear_object (&stored);
  stored = cp_store_load (f->store, CP_TYPE_RISK, cp_record_get_id (CP_RECORD (b)), NULL);
  g_assert_true (cp_record_get_deleted (stored));
  g_assert_cmpuint (n_rows (f), ==, 1);
  activate (f, "tab.undo");
  g_assert_cmpuint (n_rows (f), ==, 2);

  /* a move */
  g_assert_true (cp_risks_page_move (f->page, 1, 0));
  g_assert_cmpstr (title_at (f, 0), ==, "B");
  activate (f, "tab.undo");
  g_assert_cmpstr (title_at (f, 0), ==, "A");
  g_assert_cmpint (stored_position (f, a), ==, 0);
  g_assert_cmpint (stored_position (f, b), ==, 1);
  activate (f, "tab.redo");
  g_assert_cmpstr (title_at (f, 0), ==, "B");
  activate (f, "tab.undo");

  /* typing, once saved */
  entry = find_in_row (f, 0, ADW_TYPE_ENTRY_ROW, "What could go wrong");
  gtk_editable_set_text (GTK_EDITABLE (entry), "A, when tired");
  g_assert_true (cp_person_tab_flush (CP_PERSON_TAB (f->page)));
  g_assert_true (test_stored_is (&typed));
  activate (f, "tab.undo");
  typed.expected = "A";
  g_assert_true (test_stored_is (&typed));
  g_assert_cmpstr (title_at (f, 0), ==, "A");
}

int
main (int argc, char **argv)
{
  int status;

  data_dir = test_gui_init (&argc, &argv);
  g_test_add ("/risks/no-plan", Fixture, NULL, fixture_set_up, test_no_plan, fixture_tear_down);
  g_test_add ("/risks/add-and-edit", Fixture, NULL, fixture_set_up, test_add_and_edit, fixture_tear_down);
  g_test_add ("/risks/reorder", Fixture, NULL, fixture_set_up, test_reorder, fixture_tear_down);
  g_test_add ("/risks/read-only-when-agreed", Fixture, NULL, fixture_set_up, test_read_only_when_agreed, fixture_tear_down);
  g_test_add ("/risks/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/risks/undo-redo", Fixture, NULL, fixture_set_up, test_undo_redo, fixture_tear_down);
  status = g_test_run ();
  g_free (data_dir);
  return status;
}
