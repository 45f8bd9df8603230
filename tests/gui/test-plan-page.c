/* test-plan-page.c — the Plan tab against a real store: typing is saved,
 * entries move, undo and redo, agreeing makes the plan read-only, a
 * planning session writes the same plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-agree-dialog.h"
#include "cp-contributor-button.h"
#include "cp-contributor-dialog.h"
#include "cp-plan-entries.h"
#include "cp-plan-lifecycle.h"
#include "cp-plan-page.h"
#include "cp-review-dialog.h"
#include "cp-session-window.h"
#include "cp-version-window.h"
#include "cp-window-private.h"
#include "test-gui-common.h"

static char *data_dir;

typedef struct
{
  CpStore    *store;
  CpWindow   *window;
  CpPerson   *amina;
  CpPerson   *bob;
  CpPlanPage *page;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("plan-%u.db", ++counter);
  g_autoptr(CpContributor) sam = NULL;
  g_autoptr(GError) error = NULL;

  f->store = test_open_store (data_dir, name);
  f->amina = test_add_person (f->store, "Amina", "Khan", "9434765919");
  f->bob = test_add_person (f->store, "Bob", "Smith", NULL);
  /* Chosen before the plan opens, so "Who is writing today?" is not asked. */
  sam = cp_contributor_sign_in (f->store, "Sam Patel", "advocate", CP_VOICE_ADVOCATE, &error);
  g_assert_no_error (error);
  cp_contributor_dialog_set_current (f->store, sam);
  f->window = g_object_ref (cp_window_new (NULL, f->store, FALSE));
  gtk_window_present (GTK_WINDOW (f->window));
  cp_window_show_person (f->window, cp_record_get_id (CP_RECORD (f->amina)));
  cp_person_view_show_tab (f->window->person_view, "plan");
  f->page = CP_PLAN_PAGE (test_find_widget (GTK_WIDGET (f->window->person_view), CP_TYPE_PLAN_PAGE, NULL, NULL));
  g_assert_nonnull (f->page);
  /* Each autosave its own step, so one undo undoes one save. */
  cp_undo_stack_set_merge_window_ms (cp_plan_page_get_undo (f->page), 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_settle ();
  g_clear_object (&f->window);
  g_clear_object (&f->amina);
  g_clear_object (&f->bob);
  cp_store_close (f->store);
  g_clear_object (&f->store);
}

static CpPlanSection *
section (Fixture *f, CpSection which)
{
  return cp_plan_page_get_section (f->page, which);
}

static void
press_add (CpPlanSection *s)
{
  g_signal_emit_by_name (cp_plan_section_get_add_button (s), "clicked");
}

static char *
row_text (CpPlanEntryRow *row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cp_plan_entry_row_get_text_view (row));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* As a keyboard does it: into the buffer, so the row sees a change. */
static void
type_into (CpPlanEntryRow *row, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (cp_plan_entry_row_get_text_view (row)), text, -1);
}

static char *
stored_body (Fixture *f, const char *entry_id)
{
  g_autoptr(CpPlanEntry) entry = cp_store_load (f->store, CP_TYPE_PLAN_ENTRY, entry_id, NULL);

  return entry && !cp_record_get_deleted (CP_RECORD (entry))
    ? g_strdup (cp_record_get_string (CP_RECORD (entry), "body")) : NULL;
}

typedef struct
{
  Fixture    *f;
  const char *id;
  const char *expected;
} Saved;

static gboolean
body_saved (gpointer data)
{
  Saved *s = data;
  g_autofree char *body = stored_body (s->f, s->id);

  return g_strcmp0 (body, s->expected) == 0;
}

/* Adds an entry to @which and types @text into it (not yet saved). */
static CpPlanEntryRow *
add_and_type (Fixture *f, CpSection which, const char *text)
{
  guint n = cp_plan_section_get_n_rows (section (f, which));
  CpPlanEntryRow *row;

  press_add (section (f, which));
  g_assert_cmpuint (cp_plan_section_get_n_rows (section (f, which)), ==, n + 1);
  row = cp_plan_section_get_row (section (f, which), n);
  type_into (row, text);
  return row;
}

static void
test_type_saves_and_survives_switch (Fixture *f, gconstpointer data)
{
  CpPlanEntryRow *row;
  g_autofree char *id = NULL;
  g_autofree char *shown = NULL;
  CpVoice voice;
  gint64 started = g_get_monotonic_time ();

  g_assert_cmpstr (cp_plan_page_get_status_text (f->page), ==, "No plan yet");
  row = add_and_type (f, CP_SECTION_IMPORTANT_TO_ME, "My cat, Pixel, and Sunday lunch with my sister");
  id = g_strdup (cp_plan_entry_row_get_id (row));
  /* Adding started a draft; the entry is in the writer's voice and names them. */
  g_assert_nonnull (cp_plan_page_get_plan (f->page));
  g_assert_cmpstr (cp_plan_page_get_status_text (f->page), ==, "Draft — not agreed yet");
  g_object_get (cp_plan_entry_row_get_entry (row), "voice", &voice, NULL);
  g_assert_cmpint (voice, ==, CP_VOICE_ADVOCATE);
  g_assert_nonnull (test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, "label", "typed by Sam Patel"));

  /* Saved by itself within a second of the last keystroke. */
  g_assert_true (test_wait_until (body_saved, &(Saved) { f, id, "My cat, Pixel, and Sunday lunch with my sister" }));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 2 * G_USEC_PER_SEC);

  /* Typed and at once another person: saved on the way, not lost. */
  type_into (row, "My cat, Pixel");
  cp_window_show_person (f->window, cp_record_get_id (CP_RECORD (f->bob)));
  g_assert_true (body_saved (&(Saved) { f, id, "My cat, Pixel" }));
  g_assert_cmpuint (cp_plan_section_get_n_rows (section (f, CP_SECTION_IMPORTANT_TO_ME)), ==, 0);

  cp_window_show_person (f->window, cp_record_get_id (CP_RECORD (f->amina)));
  row = cp_plan_section_find_row (section (f, CP_SECTION_IMPORTANT_TO_ME), id);
  g_assert_nonnull (row);
  shown = row_text (row);
  g_assert_cmpstr (shown, ==, "My cat, Pixel");
}

static void
test_tab_switch_and_close_flush (Fixture *f, gconstpointer data)
{
  CpPlanEntryRow *row = add_and_type (f, CP_SECTION_GOOD_DAY, "Swimming, then chips");
  g_autofree char *id = g_strdup (cp_plan_entry_row_get_id (row));

  /* Another tab: saved at once. */
  cp_person_view_show_tab (f->window->person_view, "profile");
  g_assert_true (body_saved (&(Saved) { f, id, "Swimming, then chips" }));

  cp_person_view_show_tab (f->window->person_view, "plan");
  row = cp_plan_section_find_row (section (f, CP_SECTION_GOOD_DAY), id);
  type_into (row, "Swimming, then chips by the sea");
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (body_saved (&(Saved) { f, id, "Swimming, then chips by the sea" }));
}

static gint64
stored_position (Fixture *f, const char *id)
{
  g_autoptr(CpPlanEntry) entry = cp_store_load (f->store, CP_TYPE_PLAN_ENTRY, id, NULL);

  return cp_record_get_int64 (CP_RECORD (entry), "position");
}

static void
test_move (Fixture *f, gconstpointer data)
{
  CpPlanSection *s = section (f, CP_SECTION_WORKING);
  g_autofree char *first = g_strdup (cp_plan_entry_row_get_id (add_and_type (f, CP_SECTION_WORKING, "My PA, Joy")));
  g_autofree char *second = g_strdup (cp_plan_entry_row_get_id (add_and_type (f, CP_SECTION_WORKING, "The day centre")));
  CpPlanEntryRow *row;

  g_assert_cmpint (stored_position (f, first), <, stored_position (f, second));
  /* Down on the first (what the button and Alt+Down do). */
  row = cp_plan_section_find_row (s, first);
  cp_plan_entry_row_focus_text (row);
  g_signal_emit_by_name (row, "move", 1);
  g_assert_cmpint (stored_position (f, first), >, stored_position (f, second));
  g_assert_cmpstr (cp_plan_entry_row_get_id (cp_plan_section_get_row (s, 0)), ==, second);
  g_assert_cmpstr (cp_plan_entry_row_get_id (cp_plan_section_get_row (s, 1)), ==, first);
  /* Both typed words were saved before the move. */
  g_assert_true (body_saved (&(Saved) { f, first, "My PA, Joy" }));
  g_assert_true (body_saved (&(Saved) { f, second, "The day centre" }));

  /* Undo puts it back. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.undo", NULL);
  g_assert_cmpint (stored_position (f, first), <, stored_position (f, second));
  g_assert_cmpstr (cp_plan_entry_row_get_id (cp_plan_section_get_row (s, 0)), ==, first);
}

static void
test_undo_redo (Fixture *f, gconstpointer data)
{
  CpPlanSection *s = section (f, CP_SECTION_BAD_DAY);
  CpPlanEntryRow *row = add_and_type (f, CP_SECTION_BAD_DAY, "Loud places");
  g_autofree char *id = g_strdup (cp_plan_entry_row_get_id (row));
  g_autofree char *shown = NULL;

  g_assert_true (cp_plan_entry_row_flush (row));
  type_into (row, "Loud places and waiting");
  g_assert_true (cp_plan_entry_row_flush (row));

  /* Undo the saved typing, then redo it: the screen follows the store. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.undo", NULL);
  g_assert_true (body_saved (&(Saved) { f, id, "Loud places" }));
  shown = row_text (cp_plan_section_find_row (s, id));
  g_assert_cmpstr (shown, ==, "Loud places");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.redo", NULL);
  g_assert_true (body_saved (&(Saved) { f, id, "Loud places and waiting" }));
  g_clear_pointer (&shown, g_free);
  shown = row_text (cp_plan_section_find_row (s, id));
  g_assert_cmpstr (shown, ==, "Loud places and waiting");

  /* Delete, then undo brings it back with its words. */
  g_signal_emit_by_name (cp_plan_section_find_row (s, id), "delete");
  g_assert_null (stored_body (f, id));
  g_assert_cmpuint (cp_plan_section_get_n_rows (s), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.undo", NULL);
  g_assert_true (body_saved (&(Saved) { f, id, "Loud places and waiting" }));
  g_assert_cmpuint (cp_plan_section_get_n_rows (s), ==, 1);
  g_clear_pointer (&shown, g_free);
  shown = row_text (cp_plan_section_get_row (s, 0));
  g_assert_cmpstr (shown, ==, "Loud places and waiting");
}

/* Ctrl+Z in a text with unsaved typing is the text's own undo. */
static void
test_text_undo_first (Fixture *f, gconstpointer data)
{
  CpPlanEntryRow *row = add_and_type (f, CP_SECTION_COMMUNICATION, "I sign");
  g_autofree char *id = g_strdup (cp_plan_entry_row_get_id (row));
  GtkTextView *view = cp_plan_entry_row_get_text_view (row);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;
  g_autofree char *shown = NULL;

  g_assert_true (cp_plan_entry_row_flush (row));
  /* The saved words are the plan's to undo: the text has no history. */
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, " with Makaton", -1, TRUE);
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  g_assert_true (cp_plan_entry_row_has_pending (row));
  gtk_widget_activate_action (GTK_WIDGET (view), "text.undo", NULL);
  shown = row_text (row);
  g_assert_cmpstr (shown, ==, "I sign");
  g_assert_true (body_saved (&(Saved) { f, id, "I sign" }));
}

static void
test_agree_makes_read_only (Fixture *f, gconstpointer data)
{
  CpPlanSection *s = section (f, CP_SECTION_LIKE_AND_ADMIRE);
  CpPlanEntryRow *row = add_and_type (f, CP_SECTION_LIKE_AND_ADMIRE, "My laugh");
  g_autofree char *id = g_strdup (cp_plan_entry_row_get_id (row));
  /* Our own copy: the page reads the plan again after each change. */
  g_autofree char *plan_id = g_strdup (cp_record_get_id (CP_RECORD (cp_plan_page_get_plan (f->page))));
  GtkWidget *dialog;
  g_autofree char *changes = NULL;
  GtkWidget *version_window;

  /* As Agree Plan… does before the dialog opens. */
  g_assert_true (cp_person_view_flush (f->window->person_view));
  g_assert_true (gtk_widget_get_visible (cp_plan_section_get_add_button (s)));

  dialog = GTK_WIDGET (cp_agree_dialog_new (GTK_WINDOW (f->window), f->store, plan_id, "Amina Khan"));
  /* No date: refused in words, nothing agreed. */
  cp_agree_dialog_set_date (CP_AGREE_DIALOG (dialog), "30/02/2026");
  g_assert_false (cp_agree_dialog_agree (CP_AGREE_DIALOG (dialog)));
  g_assert_true (cp_plan_is_editable (f->store, plan_id));
  cp_agree_dialog_set_date (CP_AGREE_DIALOG (dialog), "3/3/2026");
  cp_agree_dialog_add_signer (CP_AGREE_DIALOG (dialog), "Sam Patel", "advocate");
  g_signal_connect_swapped (dialog, "agreed", G_CALLBACK (cp_plan_page_reload), f->page);
  g_assert_true (cp_agree_dialog_agree (CP_AGREE_DIALOG (dialog)));
  g_assert_true (body_saved (&(Saved) { f, id, "My laugh" }));

  g_assert_false (cp_plan_is_editable (f->store, plan_id));
  g_assert_cmpstr (cp_plan_page_get_status_text (f->page), ==, "Agreed on 3 March 2026 (version 1)");
  row = cp_plan_section_find_row (s, id);
  g_assert_false (gtk_text_view_get_editable (cp_plan_entry_row_get_text_view (row)));
  g_assert_false (gtk_widget_get_visible (cp_plan_section_get_add_button (s)));
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_SIGNOFF, plan_id), ==, 2);

  /* A new draft opens it again; the agreed version keeps what was signed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.new-draft", NULL));
  g_assert_true (cp_plan_is_editable (f->store, plan_id));
  row = cp_plan_section_find_row (s, id);
  g_assert_true (gtk_text_view_get_editable (cp_plan_entry_row_get_text_view (row)));
  type_into (row, "My laugh and my singing");
  g_assert_true (cp_plan_entry_row_flush (row));

  version_window = cp_version_window_new (GTK_WINDOW (f->window), f->store, plan_id, 1);
  changes = cp_version_window_dup_changes (CP_VERSION_WINDOW (version_window));
  g_assert_nonnull (strstr (changes, "singing"));
  g_clear_pointer (&changes, g_free);
  changes = cp_version_window_dup_outline (CP_VERSION_WINDOW (version_window));
  g_assert_nonnull (strstr (changes, "My laugh"));
  g_assert_null (strstr (changes, "singing"));
  gtk_window_destroy (GTK_WINDOW (version_window));
}

static void
test_review (Fixture *f, gconstpointer data)
{
  CpPlanEntryRow *row = add_and_type (f, CP_SECTION_WORKING, "My new wheelchair");
  g_autofree char *plan_id = g_strdup (cp_record_get_id (CP_RECORD (cp_plan_page_get_plan (f->page))));
  CpSigner signer = { "Amina Khan", "me" };
  g_autoptr(CpPlanVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_assert_true (cp_plan_entry_row_flush (row));
  version = cp_plan_agree (f->store, plan_id, &signer, 1, "2026-03-03", &error);
  g_assert_no_error (error);
  cp_plan_page_reload (f->page);

  /* Start Review…: a bad date is explained and nothing changes. */
  dialog = cp_review_dialog_new (GTK_WINDOW (f->window), f->store, plan_id, TRUE);
  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (cp_plan_page_reload), f->page);
  cp_review_dialog_fill (CP_REVIEW_DIALOG (dialog), CP_REVIEW_KIND_FORMAL, "31/04/2026",
                         "My PA", "Waiting for the bus", "");
  g_assert_false (cp_review_dialog_save (CP_REVIEW_DIALOG (dialog)));
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_REVIEW, plan_id), ==, 0);
  cp_review_dialog_fill (CP_REVIEW_DIALOG (dialog), CP_REVIEW_KIND_FORMAL, "1/5/2026",
                         "My PA", "Waiting for the bus", "");
  g_assert_true (cp_review_dialog_save (CP_REVIEW_DIALOG (dialog)));
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_REVIEW, plan_id), ==, 1);
  g_assert_cmpstr (cp_plan_page_get_status_text (f->page), ==, "Under review");
  g_assert_nonnull (test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_ACTION_ROW,
                                      "title", "1 May 2026 — formal review"));
}

static void
test_session (Fixture *f, gconstpointer data)
{
  GtkWidget *session = cp_session_window_new (GTK_WINDOW (f->window), f->store,
                                              cp_plan_page_get_undo (f->page),
                                              cp_record_get_id (CP_RECORD (f->amina)));
  CpSessionWindow *w = CP_SESSION_WINDOW (session);
  CpPlanEntryRow *row;
  g_autofree char *id = NULL;

  gtk_window_present (GTK_WINDOW (session));
  g_assert_cmpuint (cp_session_window_get_step (w), ==, 0);
  cp_session_window_set_step (w, CP_SECTION_HOW_TO_SUPPORT_ME);
  g_signal_emit_by_name (cp_plan_section_get_add_button (cp_session_window_get_section (w)), "clicked");
  row = cp_plan_section_get_row (cp_session_window_get_section (w), 0);
  g_assert_nonnull (row);
  id = g_strdup (cp_plan_entry_row_get_id (row));
  /* Focus lands in the new words. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (cp_plan_entry_row_get_text_view (row))) ||
                 gtk_window_get_focus (GTK_WINDOW (session)) == GTK_WIDGET (cp_plan_entry_row_get_text_view (row)));
  type_into (row, "Tell me what is happening before you do it");
  /* Next (Alt+Right, Page Down) saves what was typed; Back returns. */
  g_assert_true (gtk_widget_activate_action (session, "session.next", NULL));
  g_assert_cmpuint (cp_session_window_get_step (w), ==, CP_SECTION_HOW_TO_SUPPORT_ME + 1);
  g_assert_true (body_saved (&(Saved) { f, id, "Tell me what is happening before you do it" }));
  g_assert_true (gtk_widget_activate_action (session, "session.back", NULL));
  g_assert_cmpuint (cp_session_window_get_step (w), ==, CP_SECTION_HOW_TO_SUPPORT_ME);
  g_assert_nonnull (cp_plan_section_find_row (cp_session_window_get_section (w), id));
  gtk_window_close (GTK_WINDOW (session));
  test_settle ();
  /* The tab shows what the session wrote. */
  g_assert_nonnull (cp_plan_section_find_row (section (f, CP_SECTION_HOW_TO_SUPPORT_ME), id));
}

static void
test_contributor_button (Fixture *f, gconstpointer data)
{
  g_autoptr(CpContributor) kit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *button = test_find_widget (GTK_WIDGET (f->window), CP_TYPE_CONTRIBUTOR_BUTTON, NULL, NULL);

  g_assert_nonnull (button);
  text = cp_contributor_button_describe (cp_contributor_dialog_get_current (f->store));
  g_assert_cmpstr (text, ==, "Writing as Sam (advocate)");
  g_assert_cmpstr (cp_store_get_contributor (f->store), ==, "Sam Patel");

  /* Answered in the dialog, as a person does: Start Writing. */
  {
    GtkWidget *dialog = cp_contributor_dialog_new (GTK_WINDOW (f->window), f->store);

    gtk_window_present (GTK_WINDOW (dialog));
    g_object_ref (dialog);
    cp_contributor_dialog_choose (CP_CONTRIBUTOR_DIALOG (dialog), "Kit Jones", "", CP_VOICE_FAMILY_CARER);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_object_unref (dialog);
  }
  kit = g_object_ref (cp_contributor_dialog_get_current (f->store));
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (kit), "name"), ==, "Kit Jones");
  g_clear_pointer (&text, g_free);
  text = cp_contributor_button_describe (kit);
  g_assert_cmpstr (text, ==, "Writing as Kit (Family or carer)");
  /* New entries are in their voice. */
  {
    CpPlanEntryRow *row = add_and_type (f, CP_SECTION_SHARING, "My GP and my sister");
    CpVoice voice;

    g_object_get (cp_plan_entry_row_get_entry (row), "voice", &voice, NULL);
    g_assert_cmpint (voice, ==, CP_VOICE_FAMILY_CARER);
  }
}

int
main (int argc, char *argv[])
{
  data_dir = test_gui_init (&argc, &argv);

  g_test_add ("/plan/type-saves-and-survives-switch", Fixture, NULL,
              fixture_set_up, test_type_saves_and_survives_switch, fixture_tear_down);
  g_test_add ("/plan/tab-switch-and-close-flush", Fixture, NULL,
              fixture_set_up, test_tab_switch_and_close_flush, fixture_tear_down);
  g_test_add ("/plan/move", Fixture, NULL, fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/plan/undo-redo", Fixture, NULL, fixture_set_up, test_undo_redo, fixture_tear_down);
  g_test_add ("/plan/text-undo-first", Fixture, NULL, fixture_set_up, test_text_undo_first, fixture_tear_down);
  g_test_add ("/plan/agree-makes-read-only", Fixture, NULL,
              fixture_set_up, test_agree_makes_read_only, fixture_tear_down);
  g_test_add ("/plan/review", Fixture, NULL, fixture_set_up, test_review, fixture_tear_down);
  g_test_add ("/plan/session", Fixture, NULL, fixture_set_up, test_session, fixture_tear_down);
  g_test_add ("/plan/contributor-button", Fixture, NULL,
              fixture_set_up, test_contributor_button, fixture_tear_down);
  return g_test_run ();
}
