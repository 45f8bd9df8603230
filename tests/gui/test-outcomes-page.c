/* test-outcomes-page.c — the Outcomes tab against a real store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-outcomes-page.h"
#include "cp-person-tab.h"
#include "cp-plan-lifecycle.h"
#include "cp-rating-dialog.h"
#include "test-gui-common.h"

static char *data_dir;

typedef struct
{
  CpStore        *store;
  GtkWidget      *window;
  CpOutcomesPage *page;
  CpPerson       *sam;
  CpPlan         *plan;
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
  g_autofree char *name = g_strdup_printf ("outcomes-%u.db", ++counter);
  g_autoptr(GError) error = NULL;

  f->store = test_open_store (data_dir, name);
  f->sam = test_add_person (f->store, "Sam", "Patel", NULL);
  f->plan = cp_plan_current (f->store, cp_record_get_id (CP_RECORD (f->sam)), "2026-01-01", &error);
  g_assert_no_error (error);
  f->page = CP_OUTCOMES_PAGE (cp_outcomes_page_new ());
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
  g_clear_object (&f->plan);
}

static CpRecord *
insert (Fixture *f, gpointer record)
{
  g_autoptr(GError) error = NULL;

  cp_store_insert (f->store, CP_RECORD (record), &error);
  g_assert_no_error (error);
  return record;
}

static CpOutcome *
add_outcome (Fixture *f, const char *words, gint64 position)
{
  CpOutcome *outcome = cp_outcome_new (cp_record_get_id (CP_RECORD (f->plan)));

  g_object_set (outcome, "description", words, "position", position, NULL);
  return (CpOutcome *) insert (f, outcome);
}

static void
add_rating (Fixture *f, CpOutcome *outcome, const char *date, gint64 score)
{
  g_autoptr(CpOutcomeRating) rating = cp_outcome_rating_new (cp_record_get_id (CP_RECORD (outcome)));

  g_object_set (rating, "rated-on", date, "score", score, NULL);
  insert (f, rating);
}

static GtkWidget *
find (GtkWidget *root, GType type, const char *title)
{
  return test_find_titled (root, type, title);
}

static GtkWidget *
row (Fixture *f, guint index)
{
  return GTK_WIDGET (cp_outcomes_page_get_row (f->page, index));
}

static GtkWidget *
words (Fixture *f, guint index)
{
  return find (row (f, index), ADW_TYPE_ENTRY_ROW, "What they want to achieve, in their words");
}

/* What is stored is shown: words, actions, and the ratings as a chart
 * with its sentence. */
static void
test_shows_stored (Fixture *f, gconstpointer data)
{
  g_autoptr(CpOutcome) cook = add_outcome (f, "I want to cook for my family", 0);
  g_autoptr(CpOutcomeAction) action = cp_outcome_action_new (cp_record_get_id (CP_RECORD (cook)));
  CpOutcomeRow *outcome_row;

  g_object_set (action, "description", "Join the cooking group", "who", "Me", "due-date", "2026-03-21", NULL);
  insert (f, action);
  add_rating (f, cook, "2026-01-02", -1);
  add_rating (f, cook, "2026-03-03", 1);
  show_sam (f);

  g_assert_cmpuint (cp_outcomes_page_get_n_rows (f->page), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (words (f, 0))), ==, "I want to cook for my family");
  g_assert_nonnull (test_find_widget (row (f, 0), GTK_TYPE_LABEL, "label", "Outcome 1"));
  outcome_row = cp_outcomes_page_get_row (f->page, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_list_box_get_row_at_index (cp_outcome_row_get_actions (outcome_row), 0))),
                   ==, "Join the cooking group");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (
                     gtk_list_box_get_row_at_index (cp_outcome_row_get_actions (outcome_row), 0))),
                   ==, "Me · by 21 March 2026 · Not done yet");
  g_assert_cmpstr (cp_outcome_row_get_summary (outcome_row), ==,
                   "Latest rating +1 (more than expected) on 3 March 2026, up from −1 on 2 January 2026.");
  /* Newest rating first in the list. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_list_box_get_row_at_index (cp_outcome_row_get_ratings (outcome_row), 0))),
                   ==, "+1 — more than expected");
}

static AdwMessageDialog *
find_dialog (void)
{
  return ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* A new outcome is written and saved as typed, with whose words it is. */
static void
test_add_outcome (Fixture *f, gconstpointer data)
{
  g_autoptr(CpRecordList) list = NULL;
  g_autoptr(CpOutcome) outcome = NULL;
  TestStored stored = { f->store, CP_TYPE_OUTCOME, NULL, "description", "To walk to the park" };
  int voice = 0;

  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  /* Asked for the words first: Add waits until something is written. */
  g_signal_emit_by_name (gtk_widget_get_parent (test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_BUTTON_CONTENT,
                                                                  "label", "_Add Outcome")), "clicked");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  entry = find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "In their words");
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "To walk");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  test_settle ();
  g_assert_cmpuint (cp_outcomes_page_get_n_rows (f->page), ==, 1);
  g_assert_false (cp_outcomes_page_add_outcome (f->page, "", &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (cp_outcomes_page_get_n_rows (f->page), ==, 1);

  list = cp_record_list_new (f->store, CP_TYPE_OUTCOME, cp_record_get_id (CP_RECORD (f->plan)));
  outcome = g_list_model_get_item (G_LIST_MODEL (list), 0);
  stored.id = cp_record_get_id (CP_RECORD (outcome));
  gtk_editable_set_text (GTK_EDITABLE (words (f, 0)), stored.expected);
  g_assert_true (test_wait_until (test_stored_is, &stored));

  /* Emptied: explained, not stored, and what was there stays stored. */
  gtk_editable_set_text (GTK_EDITABLE (words (f, 0)), "");
  g_assert_false (cp_person_tab_flush (CP_PERSON_TAB (f->page)));
  g_assert_nonnull (test_error_after (words (f, 0)));
  g_assert_true (test_stored_is (&stored));
  gtk_editable_set_text (GTK_EDITABLE (words (f, 0)), stored.expected);
  g_assert_true (cp_person_tab_flush (CP_PERSON_TAB (f->page)));
  g_assert_null (test_error_after (words (f, 0)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (row (f, 0), ADW_TYPE_COMBO_ROW, "Whose words")),
                              CP_VOICE_ADVOCATE);
  g_clear_object (&outcome);
  outcome = cp_store_load (f->store, CP_TYPE_OUTCOME, stored.id, NULL);
  g_object_get (outcome, "voice", &voice, NULL);
  g_assert_cmpint (voice, ==, CP_VOICE_ADVOCATE);
}

/* An action's impossible date is explained, not stored, and kept. */
static void
test_action_bad_date (Fixture *f, gconstpointer data)
{
  g_autoptr(CpOutcome) cook = add_outcome (f, "Cook", 0);
  g_autoptr(CpRecordList) list = NULL;
  g_autoptr(CpRecord) action = NULL;
  CpOutcomeRow *outcome_row;
  GtkWidget *action_row, *due;
  TestStored stored = { f->store, CP_TYPE_OUTCOME_ACTION, NULL, "due-date", NULL };

  show_sam (f);
  outcome_row = cp_outcomes_page_get_row (f->page, 0);
  cp_outcome_row_add_action (outcome_row);
  action_row = GTK_WIDGET (gtk_list_box_get_row_at_index (cp_outcome_row_get_actions (outcome_row), 0));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (action_row)));
  list = cp_record_list_new (f->store, CP_TYPE_OUTCOME_ACTION, cp_record_get_id (CP_RECORD (cook)));
  action = g_list_model_get_item (G_LIST_MODEL (list), 0);
  stored.id = cp_record_get_id (action);

  gtk_editable_set_text (GTK_EDITABLE (find (action_row, ADW_TYPE_ENTRY_ROW, "What will be done")), "Buy a scale");
  due = find (action_row, ADW_TYPE_ENTRY_ROW, "By when (day/month/year)");
  gtk_editable_set_text (GTK_EDITABLE (due), "31/02/2027");
  g_assert_false (cp_person_tab_flush (CP_PERSON_TAB (f->page)));
  g_assert_nonnull (test_error_after (due));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "31/02/2027");
  g_assert_true (test_stored_is (&stored));
  stored.property = "description";
  stored.expected = "Buy a scale";
  g_assert_true (test_stored_is (&stored));

  gtk_editable_set_text (GTK_EDITABLE (due), "1/2/2027");
  stored.property = "due-date";
  stored.expected = "2027-02-01";
  g_assert_true (test_wait_until (test_stored_is, &stored));
  g_assert_null (test_error_after (due));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (action_row)), ==,
                   "by 1 February 2027 · Not done yet");
}

static CpRatingDialog *
find_rating_dialog (void)
{
  return CP_RATING_DIALOG (test_find_toplevel (CP_TYPE_RATING_DIALOG));
}

/* The rating dialog refuses a date that does not exist or has not come
 * yet, keeps what was typed, and adds a good rating to the chart. */
static void
test_rating_dialog (Fixture *f, gconstpointer data)
{
  g_autoptr(CpOutcome) cook = add_outcome (f, "Cook", 0);
  CpRatingDialog *dialog;
  GtkEditable *date;
  CpOutcomeRow *outcome_row;

  show_sam (f);
  outcome_row = cp_outcomes_page_get_row (f->page, 0);
  g_assert_cmpstr (cp_outcome_row_get_summary (outcome_row), ==, "No progress ratings yet.");
  g_signal_emit_by_name (gtk_widget_get_parent (test_find_widget (GTK_WIDGET (outcome_row), ADW_TYPE_BUTTON_CONTENT,
                                                                  "label", "Add _Rating…")), "clicked");
  dialog = find_rating_dialog ();
  g_assert_nonnull (dialog);
  /* Today, ready to go. */
  g_assert_nonnull (cp_rating_dialog_get_date (dialog));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));

  date = GTK_EDITABLE (cp_rating_dialog_get_date_row (dialog));
  gtk_editable_set_text (date, "31/02/2026");
  g_assert_nonnull (cp_rating_dialog_get_error (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (date, "1/1/2200");
  g_assert_nonnull (strstr (cp_rating_dialog_get_error (dialog), "future"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "1/1/2200");
  gtk_editable_set_text (date, "");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));

  gtk_editable_set_text (date, "3 Mar 2026");
  g_assert_null (cp_rating_dialog_get_error (dialog));
  cp_rating_dialog_set_score (dialog, 1);
  gtk_editable_set_text (GTK_EDITABLE (cp_rating_dialog_get_note_row (dialog)), "Cooked twice");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  test_settle ();
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_OUTCOME_RATING, cp_record_get_id (CP_RECORD (cook))), ==, 1);
  g_assert_cmpstr (cp_outcome_row_get_summary (outcome_row), ==, "Rated +1 (more than expected) on 3 March 2026.");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     gtk_list_box_get_row_at_index (cp_outcome_row_get_ratings (outcome_row), 0))),
                   ==, "3 March 2026 · Cooked twice");
}

static gint64
position_of (Fixture *f, CpOutcome *outcome)
{
  g_autoptr(CpRecord) stored = cp_store_load (f->store, CP_TYPE_OUTCOME, cp_record_get_id (CP_RECORD (outcome)), NULL);

  return cp_record_get_int64 (stored, "position");
}

static void
test_reorder_and_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(CpOutcome) a = add_outcome (f, "A", 0);
  g_autoptr(CpOutcome) b = add_outcome (f, "B", 1);
  g_autoptr(CpRecord) stored = NULL;

  show_sam (f);
  g_signal_emit_by_name (row (f, 0), "move", 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (words (f, 0))), ==, "B");
  g_assert_cmpint (position_of (f, b), ==, 0);
  g_assert_cmpint (position_of (f, a), ==, 1);
  g_assert_false (cp_outcomes_page_move (f->page, 1, 2));

  g_assert_true (cp_outcomes_page_delete (f->page, 0));
  g_assert_cmpuint (cp_outcomes_page_get_n_rows (f->page), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (words (f, 0))), ==, "A");
  stored = cp_store_load (f->store, CP_TYPE_OUTCOME, cp_record_get_id (CP_RECORD (b)), NULL);
  g_assert_true (cp_record_get_deleted (stored));
  g_assert_false (cp_outcomes_page_delete (f->page, 4));
}

/* Agreed: the words and actions are frozen, ratings still come in. */
static void
test_agreed (Fixture *f, gconstpointer data)
{
  g_autoptr(CpOutcome) cook = add_outcome (f, "Cook", 0);
  g_autoptr(CpPlanVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  const CpSigner signer = { "Sam Patel", "me" };
  TestStored stored = { f->store, CP_TYPE_OUTCOME, cp_record_get_id (CP_RECORD (cook)), "description", "Cook" };
  CpOutcomeRow *outcome_row;

  version = cp_plan_agree (f->store, cp_record_get_id (CP_RECORD (f->plan)), &signer, 1, "2026-01-02", &error);
  g_assert_no_error (error);
  test_settle ();
  g_assert_nonnull (strstr (cp_plan_banner_get_text (cp_outcomes_page_get_banner (f->page)),
                            "You can still add progress ratings."));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (words (f, 0))));
  gtk_editable_set_text (GTK_EDITABLE (words (f, 0)), "Something else");
  g_assert_true (cp_person_tab_flush (CP_PERSON_TAB (f->page)));
  g_assert_true (test_stored_is (&stored));
  g_assert_false (cp_outcomes_page_add_outcome (f->page, "More", &error));
  g_clear_error (&error);
  g_assert_cmpuint (cp_outcomes_page_get_n_rows (f->page), ==, 1);
  outcome_row = cp_outcomes_page_get_row (f->page, 0);
  cp_outcome_row_add_action (outcome_row);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_OUTCOME_ACTION, stored.id), ==, 0);
  g_assert_true (cp_outcome_row_add_rating (outcome_row, 2, "2026-02-01", "", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cp_outcome_row_get_summary (outcome_row), ==,
                   "Rated +2 (much more than expected) on 1 February 2026.");
  g_assert_false (cp_outcome_row_add_rating (outcome_row, 3, "2026-02-01", "", &error));
  g_assert_nonnull (error);
}

/* Ctrl+Z on the tab: a rating and an action added to an outcome go again,
 * and come back with Ctrl+Shift+Z. */
static void
test_undo_rating_and_action (Fixture *f, gconstpointer data)
{
  g_autoptr(CpOutcome) cook = add_outcome (f, "Cook", 0);
  g_autoptr(GError) error = NULL;
  const char *id = cp_record_get_id (CP_RECORD (cook));
  CpOutcomeRow *outcome_row;

  test_settle ();
  outcome_row = cp_outcomes_page_get_row (f->page, 0);
  g_assert_true (cp_outcome_row_add_rating (outcome_row, 1, "2026-02-01", "", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_OUTCOME_RATING, id), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "tab.undo", NULL));
  test_settle ();
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_OUTCOME_RATING, id), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "tab.redo", NULL));
  test_settle ();
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_OUTCOME_RATING, id), ==, 1);

  outcome_row = cp_outcomes_page_get_row (f->page, 0);
  cp_outcome_row_add_action (outcome_row);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_OUTCOME_ACTION, id), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "tab.undo", NULL));
  test_settle ();
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_OUTCOME_ACTION, id), ==, 0);
  g_assert_cmpuint (cp_outcomes_page_get_n_rows (f->page), ==, 1);
}

int
main (int argc, char **argv)
{
  int status;

  data_dir = test_gui_init (&argc, &argv);
  g_test_add ("/outcomes/shows-stored", Fixture, NULL, fixture_set_up, test_shows_stored, fixture_tear_down);
  g_test_add ("/outcomes/add-outcome", Fixture, NULL, fixture_set_up, test_add_outcome, fixture_tear_down);
  g_test_add ("/outcomes/action-bad-date", Fixture, NULL, fixture_set_up, test_action_bad_date, fixture_tear_down);
  g_test_add ("/outcomes/rating-dialog", Fixture, NULL, fixture_set_up, test_rating_dialog, fixture_tear_down);
  g_test_add ("/outcomes/reorder-and-delete", Fixture, NULL, fixture_set_up, test_reorder_and_delete, fixture_tear_down);
  g_test_add ("/outcomes/agreed", Fixture, NULL, fixture_set_up, test_agreed, fixture_tear_down);
  g_test_add ("/outcomes/undo-rating-and-action", Fixture, NULL, fixture_set_up, test_undo_rating_and_action,
              fixture_tear_down);
  status = g_test_run ();
  g_free (data_dir);
  return status;
}
