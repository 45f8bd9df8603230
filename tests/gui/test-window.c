/* test-window.c — the caseload window against a real store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-person-row.h"
#include "cp-window-private.h"
#include "test-gui-common.h"

static char *data_dir;

typedef struct
{
  CpStore  *store;
  CpWindow *window;
  CpPerson *amina;
  CpPerson *bob;
  CpPerson *carol;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("window-%u.db", ++counter);

  f->store = test_open_store (data_dir, name);
  if (GPOINTER_TO_INT (data))
    {
      f->amina = test_add_person (f->store, "Amina", "Khan", "9434765919");
      f->bob = test_add_person (f->store, "Bob", "Smith", NULL);
      f->carol = test_add_person (f->store, "Carol", "Smith", NULL);
    }
  /* Our own reference: a test may close the window itself. */
  f->window = g_object_ref (cp_window_new (NULL, f->store, FALSE));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_settle ();
  g_clear_object (&f->window);
  g_clear_object (&f->amina);
  g_clear_object (&f->bob);
  g_clear_object (&f->carol);
  cp_store_close (f->store);
  g_clear_object (&f->store);
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static guint
shown_count (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (f->window->list_view)));
}

static gboolean
row_for_amina_drawn (gpointer data)
{
  Fixture *f = data;
  GtkWidget *label = test_find_widget (GTK_WIDGET (f->window->list_view), GTK_TYPE_LABEL,
                                       "label", "Amina Khan");
  return label != NULL && gtk_widget_get_mapped (label);
}

static gboolean
two_shown (gpointer data)
{
  return shown_count (data) == 2;
}

static gboolean
no_match_shown (gpointer data)
{
  Fixture *f = data;
  return g_strcmp0 (gtk_stack_get_visible_child_name (f->window->list_stack), "no-match") == 0;
}

static void
test_list_and_search (Fixture *f, gconstpointer data)
{
  g_autofree char *title = NULL;

  g_assert_true (test_wait_until (window_mapped, f->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "caseload");
  g_assert_cmpuint (shown_count (f), ==, 3);
  g_assert_true (test_wait_until (row_for_amina_drawn, f));
  /* The lazy list is the model itself, not a copy. */
  g_assert_true (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_list_view_get_model (f->window->list_view)))
                 == G_LIST_MODEL (f->window->people));

  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "smith");
  g_assert_true (test_wait_until (two_shown, f));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->list_stack), ==, "list");

  /* Enter opens the first person found: Smith, Bob before Smith, Carol. */
  g_signal_emit_by_name (f->window->search_entry, "activate");
  g_assert_cmpstr (cp_person_page_get_person_id (f->window->person_page), ==,
                   cp_record_get_id (CP_RECORD (f->bob)));

  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "zzz");
  g_assert_true (test_wait_until (no_match_shown, f));
  g_assert_cmpuint (shown_count (f), ==, 0);
  title = g_strdup (adw_status_page_get_title (f->window->no_match_page));
  g_assert_nonnull (strstr (title, "zzz"));
}

typedef struct
{
  CpStore    *store;
  const char *id;
  const char *property;
  const char *expected;
} Saved;

static gboolean
saved_in_store (gpointer data)
{
  Saved *s = data;
  g_autoptr(CpRecord) stored = cp_store_load (s->store, CP_TYPE_PERSON, s->id, NULL);
  return stored != NULL && g_strcmp0 (cp_record_get_string (stored, s->property), s->expected) == 0;
}

static gboolean
nothing_pending (gpointer data)
{
  return !cp_person_page_has_pending (data);
}

static GtkEditable *
field (Fixture *f, const char *title)
{
  GtkWidget *row = test_find_widget (GTK_WIDGET (f->window->person_page), ADW_TYPE_ENTRY_ROW, "title", title);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

/* The first error row shown anywhere on the profile, in any group. */
static GtkWidget *
find_error_row (GtkWidget *root)
{
  if (ADW_IS_ACTION_ROW (root) && gtk_widget_has_css_class (root, "cp-field-error") &&
      gtk_widget_get_visible (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_row (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
visible_error_row (Fixture *f)
{
  return find_error_row (GTK_WIDGET (f->window->person_page));
}

static gboolean
error_shown (gpointer data)
{
  return visible_error_row (data) != NULL;
}

static void
select_amina (Fixture *f)
{
  const char *id = cp_record_get_id (CP_RECORD (f->amina));

  g_assert_true (test_wait_until (window_mapped, f->window));
  for (guint i = 0; i < shown_count (f); i++)
    {
      g_autoptr(CpRecord) item = g_list_model_get_item (G_LIST_MODEL (f->window->people), i);
      if (g_strcmp0 (cp_record_get_id (item), id) == 0)
        gtk_single_selection_set_selected (f->window->selection, i);
    }
  g_assert_cmpstr (cp_person_page_get_person_id (f->window->person_page), ==, id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "person");
}

static void
test_edit_saves (Fixture *f, gconstpointer data)
{
  Saved saved = { f->store, cp_record_get_id (CP_RECORD (f->amina)), "given-name", "Aminah" };
  gint64 started;

  select_amina (f);
  g_assert_cmpstr (gtk_editable_get_text (field (f, "Given name")), ==, "Amina");
  g_assert_cmpstr (gtk_editable_get_text (field (f, "NHS number")), ==, "943 476 5919");

  started = g_get_monotonic_time ();
  gtk_editable_set_text (field (f, "Given name"), "Aminah");
  g_assert_true (test_wait_until (saved_in_store, &saved));
  /* Saved within a second of the last keystroke, with no Save button. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, G_USEC_PER_SEC);
  g_assert_cmpstr (cp_person_page_get_title (f->window->person_page), ==, "Aminah Khan");

  /* The list follows, and the person stays selected after it refreshes. */
  test_settle ();
  g_assert_nonnull (gtk_single_selection_get_selected_item (f->window->selection));
}

static void
test_bad_nhs_number_not_saved (Fixture *f, gconstpointer data)
{
  Saved good = { f->store, cp_record_get_id (CP_RECORD (f->amina)), "nhs-number", "9434765919" };
  Saved family = { f->store, good.id, "family-name", "Khan-Ali" };
  GtkEditable *nhs;
  GtkWidget *error_row;

  select_amina (f);
  nhs = field (f, "NHS number");
  gtk_editable_set_text (nhs, "943 476 5918");
  gtk_editable_set_text (field (f, "Family name"), "Khan-Ali");
  g_assert_true (test_wait_until (error_shown, f));
  g_assert_true (test_wait_until (nothing_pending, f->window->person_page));

  /* Not saved; what was typed stays; the reason is beside the field. */
  g_assert_true (saved_in_store (&good));
  g_assert_cmpstr (gtk_editable_get_text (nhs), ==, "943 476 5918");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (nhs), "error"));
  error_row = visible_error_row (f);
  g_assert_true (gtk_widget_get_prev_sibling (error_row) == GTK_WIDGET (nhs));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (error_row)), !=, "");
  /* Other fields are still saved. */
  g_assert_true (saved_in_store (&family));

  /* Corrected: saved, and the message goes away. */
  gtk_editable_set_text (nhs, "");
  good.expected = NULL;
  g_assert_true (test_wait_until (saved_in_store, &good));
  g_assert_null (visible_error_row (f));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (nhs), "error"));
}

static void
test_bad_date_not_saved (Fixture *f, gconstpointer data)
{
  Saved dob = { f->store, cp_record_get_id (CP_RECORD (f->amina)), "date-of-birth", "1980-01-31" };
  GtkEditable *date;

  select_amina (f);
  date = field (f, "Date of birth (day/month/year)");
  gtk_editable_set_text (date, "31/02/1980");
  g_assert_true (test_wait_until (error_shown, f));
  g_assert_true (test_wait_until (nothing_pending, f->window->person_page));
  dob.expected = NULL;
  g_assert_true (saved_in_store (&dob));
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "31/02/1980");

  gtk_editable_set_text (date, "31/01/1980");
  dob.expected = "1980-01-31";
  g_assert_true (test_wait_until (saved_in_store, &dob));
}

/* Nothing typed is lost when the person changes or the window closes before the pause. */
static void
test_flush_on_switch_and_close (Fixture *f, gconstpointer data)
{
  Saved family = { f->store, cp_record_get_id (CP_RECORD (f->amina)), "family-name", "Khan-Ali" };
  Saved phone = { f->store, cp_record_get_id (CP_RECORD (f->bob)), "phone", "01632 960000" };

  select_amina (f);
  gtk_editable_set_text (field (f, "Family name"), "Khan-Ali");
  g_assert_true (cp_person_page_has_pending (f->window->person_page));
  g_assert_false (saved_in_store (&family));
  cp_window_show_person (f->window, phone.id);
  g_assert_true (saved_in_store (&family));

  gtk_editable_set_text (field (f, "Phone"), "01632 960000");
  g_assert_false (saved_in_store (&phone));
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (saved_in_store (&phone));
}

/* A refused value is not stored, but what was typed is never thrown away:
 * leaving the person says so, and coming back finds it still in its box,
 * explained, to be corrected. */
static void
test_refused_value_survives_switch (Fixture *f, gconstpointer data)
{
  Saved nhs = { f->store, cp_record_get_id (CP_RECORD (f->amina)), "nhs-number", "9434765919" };
  const char *bob = cp_record_get_id (CP_RECORD (f->bob));
  CpRecord *selected;

  select_amina (f);
  gtk_editable_set_text (field (f, "NHS number"), "943 476 5918");
  cp_window_show_person (f->window, bob);
  g_assert_cmpstr (cp_person_page_get_person_id (f->window->person_page), ==, bob);
  g_assert_true (saved_in_store (&nhs));
  /* The list highlights the person shown, not the one left. */
  selected = gtk_single_selection_get_selected_item (f->window->selection);
  g_assert_true (selected == NULL || g_strcmp0 (cp_record_get_id (selected), bob) == 0);
  g_assert_nonnull (test_find_widget (GTK_WIDGET (f->window->toast_overlay), GTK_TYPE_LABEL,
                                      "label", "Some details for Amina Khan are not saved yet"));
  /* Bob's page shows Bob, with no error. */
  g_assert_cmpstr (gtk_editable_get_text (field (f, "NHS number")), ==, "");
  g_assert_null (visible_error_row (f));

  /* "Go Back" returns to Amina with the number as typed, and why it was refused. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-person",
                                  g_variant_new_string (nhs.id));
  g_assert_cmpstr (cp_person_page_get_person_id (f->window->person_page), ==, nhs.id);
  g_assert_cmpstr (gtk_editable_get_text (field (f, "NHS number")), ==, "943 476 5918");
  g_assert_nonnull (visible_error_row (f));
  g_assert_false (cp_person_page_has_pending (f->window->person_page));
  test_settle ();
  g_assert_true (saved_in_store (&nhs));
  selected = gtk_single_selection_get_selected_item (f->window->selection);
  g_assert_true (selected != NULL && g_strcmp0 (cp_record_get_id (selected), nhs.id) == 0);

  /* Corrected, it is saved and nothing more is kept. */
  gtk_editable_set_text (field (f, "NHS number"), "943 476 5919");
  g_assert_true (test_wait_until (nothing_pending, f->window->person_page));
  cp_window_show_person (f->window, bob);
  cp_window_show_person (f->window, nhs.id);
  g_assert_cmpstr (gtk_editable_get_text (field (f, "NHS number")), ==, "943 476 5919");
  g_assert_null (visible_error_row (f));
}

static gboolean
shown_person_selected (gpointer data)
{
  Fixture *f = data;
  CpRecord *item = gtk_single_selection_get_selected_item (f->window->selection);
  return item != NULL && g_strcmp0 (cp_record_get_id (item),
                                    cp_person_page_get_person_id (f->window->person_page)) == 0;
}

/* Ctrl+N while a search is on and an edit is pending: the edit goes to the
 * person it was typed for, the new person is shown, highlighted once the
 * list refreshes, and what is typed next is theirs. */
static void
test_add_while_pending (Fixture *f, gconstpointer data)
{
  Saved family = { f->store, cp_record_get_id (CP_RECORD (f->amina)), "family-name", "Khan-Ali" };
  Saved given = { f->store, NULL, "given-name", "Zara" };
  g_autofree char *new_id = NULL;

  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "khan");
  g_assert_true (test_wait_until (window_mapped, f->window));
  select_amina (f);
  gtk_editable_set_text (field (f, "Family name"), "Khan-Ali");
  g_assert_true (cp_person_page_has_pending (f->window->person_page));

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "add-person", NULL);
  g_assert_true (saved_in_store (&family));
  new_id = g_strdup (cp_person_page_get_person_id (f->window->person_page));
  g_assert_cmpstr (new_id, !=, family.id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->search_entry)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (field (f, "Family name")), ==, "");
  test_settle ();
  g_assert_true (test_wait_until (shown_person_selected, f));

  gtk_editable_set_text (field (f, "Given name"), "Zara");
  given.id = new_id;
  g_assert_true (test_wait_until (saved_in_store, &given));
  family.property = "given-name";
  family.expected = "Amina";
  g_assert_true (saved_in_store (&family));
}

static gboolean
needs_flag_shown (gpointer data)
{
  Fixture *f = data;
  /* The banner above every tab about the person, not only the profile. */
  GtkWidget *label = test_find_widget (GTK_WIDGET (f->window->person_view), GTK_TYPE_LABEL,
                                       "label", "Communication needs: Easy Read");
  return label != NULL && gtk_widget_is_visible (label);
}

/* Communication needs are flagged in words beside an icon, once saved. */
static void
test_needs_flag (Fixture *f, gconstpointer data)
{
  Saved needs = { f->store, cp_record_get_id (CP_RECORD (f->amina)), "communication-needs", "Easy Read" };

  select_amina (f);
  g_assert_false (needs_flag_shown (f));
  gtk_editable_set_text (field (f, "Communication needs"), "Easy Read");
  g_assert_true (test_wait_until (saved_in_store, &needs));
  g_assert_true (test_wait_until (needs_flag_shown, f));
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Delete asks first; cancelling keeps the person, confirming tombstones them. */
static void
test_delete (Fixture *f, gconstpointer data)
{
  GtkWidget *button;
  AdwMessageDialog *dialog;
  g_autoptr(CpRecord) stored = NULL;

  select_amina (f);
  button = test_find_widget (GTK_WIDGET (f->window->person_page), GTK_TYPE_BUTTON, "label", "Delete Person…");
  g_assert_nonnull (button);

  g_signal_emit_by_name (button, "clicked");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, 3);

  test_settle ();
  g_assert_null (find_dialog ());
  g_signal_emit_by_name (button, "clicked");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, 2);
  stored = cp_store_load (f->store, CP_TYPE_PERSON, cp_record_get_id (CP_RECORD (f->amina)), NULL);
  g_assert_true (cp_record_get_deleted (stored));
  g_assert_null (cp_person_page_get_person_id (f->window->person_page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "none");
}

static gboolean
zephaniah_row_drawn (gpointer data)
{
  Fixture *f = data;
  GtkWidget *label = test_find_widget (GTK_WIDGET (f->window->list_view), GTK_TYPE_LABEL,
                                       "label", "Ada Zephaniah");
  graphene_rect_t bounds;

  return label != NULL && gtk_widget_get_mapped (label) &&
         gtk_widget_compute_bounds (label, GTK_WIDGET (f->window->list_view), &bounds) &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (GTK_WIDGET (f->window->list_view));
}

/* In a large caseload a rename can move the person far down the sorted
 * list: they must stay selected (highlighted) wherever they land. */
static void
test_rename_moves_far (Fixture *f, gconstpointer data)
{
  Saved saved = { f->store, NULL, "family-name", "Zephaniah" };
  g_autoptr(CpPerson) first = test_add_person (f->store, "Ada", "Aardvark", NULL);

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *family = g_strdup_printf ("Middleton%03u", i);
      g_autoptr(CpPerson) person = test_add_person (f->store, "Pat", family, NULL);
    }
  cp_record_list_refresh (f->window->people);
  g_assert_true (test_wait_until (window_mapped, f->window));
  saved.id = cp_record_get_id (CP_RECORD (first));
  gtk_single_selection_set_selected (f->window->selection, 0);
  g_assert_cmpstr (cp_person_page_get_person_id (f->window->person_page), ==, saved.id);

  gtk_widget_grab_focus (GTK_WIDGET (field (f, "Family name")));
  gtk_editable_set_text (field (f, "Family name"), "Zephaniah");
  g_assert_true (test_wait_until (saved_in_store, &saved));
  test_settle ();
  g_assert_cmpstr (cp_person_page_get_person_id (f->window->person_page), ==, saved.id);
  g_assert_true (test_wait_until (shown_person_selected, f));
  g_assert_cmpuint (gtk_single_selection_get_selected (f->window->selection), ==, shown_count (f) - 1);
  /* and the list scrolls to show them there. */
  g_assert_true (test_wait_until (zephaniah_row_drawn, f));
  /* without taking the cursor from the field being typed in. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)),
                                         GTK_WIDGET (field (f, "Family name"))));
}

static gboolean
focus_in_window (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  return focus != NULL && gtk_widget_get_mapped (focus);
}

/* After a delete, a keyboard user is not left with the focus nowhere
 * (on the hidden page of the person who is gone) nor thrown to the first
 * button: it goes to the search box, beside the list. */
static void
test_delete_keeps_focus (Fixture *f, gconstpointer data)
{
  GtkWidget *button;
  AdwMessageDialog *dialog;
  GtkWidget *focus;

  select_amina (f);
  /* A refused value of someone deleted is no longer "not saved yet". */
  gtk_editable_set_text (field (f, "NHS number"), "943 476 5918");
  button = test_find_widget (GTK_WIDGET (f->window->person_page), GTK_TYPE_BUTTON, "label", "Delete Person…");
  gtk_widget_grab_focus (button);
  g_signal_emit_by_name (button, "clicked");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_settle ();
  g_assert_true (test_wait_until (focus_in_window, f));
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (f->window->search_entry)));
  g_assert_null (test_find_widget (GTK_WIDGET (f->window->toast_overlay), GTK_TYPE_LABEL,
                                   "label", "Some details for Amina Khan are not saved yet"));
}

/* Folded (a narrow window): choosing someone shows their page with the
 * focus on Back; Back returns to the list with the focus in it, on them. */
static void
test_folded_back (Fixture *f, gconstpointer data)
{
  GtkWidget *focus;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 600);
  g_assert_true (test_wait_until (window_mapped, f->window));
  g_assert_true (test_wait_until ((gboolean (*) (gpointer)) adw_leaflet_get_folded, f->window->leaflet));
  select_amina (f);
  g_assert_true (adw_leaflet_get_visible_child (f->window->leaflet) == f->window->content_box);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == f->window->back_button);

  g_signal_emit_by_name (f->window->back_button, "clicked");
  test_settle ();
  g_assert_true (adw_leaflet_get_visible_child (f->window->leaflet) == f->window->sidebar);
  g_assert_true (test_wait_until (focus_in_window, f));
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (f->window->list_view)));
  /* On Amina's row, the one that was chosen. */
  g_assert_true (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_SELECTED);
}

typedef struct
{
  GtkWidget *label;
  int        at_least;
} Grown;

static int
label_height (GtkWidget *label)
{
  int natural = 0;

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static gboolean
label_grown (gpointer data)
{
  Grown *g = data;
  return label_height (g->label) >= g->at_least;
}

/* "Larger text" makes all the words larger, headings and names too (the
 * Adwaita style gives those fixed sizes that a window's font size does
 * not change), so the name is never smaller than the line under it. */
static void
test_large_text (Fixture *f, gconstpointer data)
{
  Grown title = { NULL, 0 };
  Grown row_name = { NULL, 0 };
  Grown group = { NULL, 0 };

  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  /* The application loads its style.css itself; this window has no application. */
  gtk_css_provider_load_from_resource (css, "/io/github/coplan/Coplan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  select_amina (f);
  g_assert_true (test_wait_until (row_for_amina_drawn, f));
  title.label = test_find_widget (GTK_WIDGET (f->window->person_page), GTK_TYPE_LABEL, "label", "Amina Khan");
  row_name.label = test_find_widget (GTK_WIDGET (f->window->list_view), GTK_TYPE_LABEL, "label", "Amina Khan");
  group.label = test_find_widget (GTK_WIDGET (f->window->person_page), GTK_TYPE_LABEL, "label", "Budget");
  g_assert_nonnull (title.label);
  g_assert_nonnull (row_name.label);
  g_assert_nonnull (group.label);
  test_settle ();
  title.at_least = label_height (title.label) * 115 / 100;
  row_name.at_least = label_height (row_name.label) * 115 / 100;
  group.at_least = label_height (group.label) * 115 / 100;

  gtk_widget_add_css_class (GTK_WIDGET (f->window), "cp-large-text");
  g_assert_true (test_wait_until (label_grown, &title));
  g_assert_true (test_wait_until (label_grown, &row_name));
  g_assert_true (test_wait_until (label_grown, &group));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

static gboolean
welcome_shown (gpointer data)
{
  Fixture *f = data;
  return g_strcmp0 (gtk_stack_get_visible_child_name (f->window->main_stack), "welcome") == 0;
}

static void
test_empty_state (Fixture *f, gconstpointer data)
{
  g_assert_true (test_wait_until (window_mapped, f->window));
  g_assert_true (welcome_shown (f));
  g_assert_nonnull (test_find_widget (GTK_WIDGET (f->window->main_stack), ADW_TYPE_STATUS_PAGE,
                                      "title", "Welcome to Coplan"));

  /* Adding the first person leaves the welcome page and shows them. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "add-person", NULL);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "caseload");
  g_assert_cmpstr (cp_person_page_get_title (f->window->person_page), ==, "New person");
  g_assert_nonnull (cp_person_page_get_person_id (f->window->person_page));
}

static gboolean
field_text_is (gpointer data)
{
  Saved *saved = data;
  return saved_in_store (saved);
}

/* A name typed the moment a person is added is theirs and stays, through
 * the list refresh and the search box being cleared (which fire later). */
static void
test_type_right_after_add (Fixture *f, gconstpointer data)
{
  g_assert_true (test_wait_until (window_mapped, f->window));
  /* Even from another tab: the profile comes forward with the cursor in it. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "add-person", NULL);
  cp_person_view_show_tab (f->window->person_view, "spending");
  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *name = g_strdup_printf ("Sam%u", round);
      Saved given = { f->store, NULL, "given-name", name };

      g_action_group_activate_action (G_ACTION_GROUP (f->window), "add-person", NULL);
      given.id = g_strdup (cp_person_page_get_person_id (f->window->person_page));
      gtk_editable_set_text (field (f, "Given name"), name);
      g_assert_true (test_wait_until (field_text_is, &given));
      test_settle ();
      g_assert_cmpstr (gtk_editable_get_text (field (f, "Given name")), ==, name);
      g_assert_cmpstr (cp_person_page_get_person_id (f->window->person_page), ==, given.id);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (cp_person_view_get_stack (f->window->person_view)),
                       ==, "profile");
      g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)),
                                             GTK_WIDGET (field (f, "Given name"))));
      g_free ((char *) given.id);
      cp_person_view_show_tab (f->window->person_view, "plan");
    }
}

int
main (int argc, char *argv[])
{
  data_dir = test_gui_init (&argc, &argv);

  g_test_add ("/window/type-right-after-add", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_type_right_after_add, fixture_tear_down);
  g_test_add ("/window/list-and-search", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_list_and_search, fixture_tear_down);
  g_test_add ("/window/edit-saves", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_edit_saves, fixture_tear_down);
  g_test_add ("/window/bad-nhs-number", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_bad_nhs_number_not_saved, fixture_tear_down);
  g_test_add ("/window/bad-date", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_bad_date_not_saved, fixture_tear_down);
  g_test_add ("/window/flush-on-switch-and-close", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_flush_on_switch_and_close, fixture_tear_down);
  g_test_add ("/window/needs-flag", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_needs_flag, fixture_tear_down);
  g_test_add ("/window/delete", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/window/empty-state", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/window/rename-moves-far", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_rename_moves_far, fixture_tear_down);
  g_test_add ("/window/delete-keeps-focus", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_delete_keeps_focus, fixture_tear_down);
  g_test_add ("/window/folded-back", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_folded_back, fixture_tear_down);
  g_test_add ("/window/refused-value-survives-switch", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_refused_value_survives_switch, fixture_tear_down);
  g_test_add ("/window/large-text", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_large_text, fixture_tear_down);
  g_test_add ("/window/add-while-pending", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_add_while_pending, fixture_tear_down);
  return g_test_run ();
}
