/* test-network-page.c — the Support Network tab against a real store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-network-page.h"
#include "cp-person-tab.h"
#include "test-gui-common.h"

static char *data_dir;

typedef struct
{
  CpStore       *store;
  GtkWidget     *window;
  CpNetworkPage *page;
  CpPerson      *sam;
  CpPerson      *other;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("network-%u.db", ++counter);

  f->store = test_open_store (data_dir, name);
  f->sam = test_add_person (f->store, "Sam", "Patel", NULL);
  f->other = test_add_person (f->store, "Olu", "Ade", NULL);
  f->page = CP_NETWORK_PAGE (cp_network_page_new ());
  f->window = test_window_with_page (GTK_WIDGET (f->page));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  cp_person_tab_set_store (CP_PERSON_TAB (f->page), f->store);
  cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (f->sam)));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_close_window_and_store (f->window, &f->store);
  g_clear_object (&f->sam);
  g_clear_object (&f->other);
}

static CpSupportMember *
add_stored (Fixture *f, const char *name, CpCircle circle, CpSupportRole role, gint64 position)
{
  g_autoptr(GError) error = NULL;
  CpSupportMember *member = cp_support_member_new (cp_record_get_id (CP_RECORD (f->sam)));

  g_object_set (member, "name", name, "circle", circle, "role", role, "position", position, NULL);
  cp_store_insert (f->store, CP_RECORD (member), &error);
  g_assert_no_error (error);
  return member;
}

static guint
n_rows (Fixture *f)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (cp_network_page_get_list (f->page), n) != NULL)
    n++;
  return n;
}

static GtkWidget *
row_at (Fixture *f, guint index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (cp_network_page_get_list (f->page), index));
}

static GtkWidget *
find_in_row (Fixture *f, guint index, GType type, const char *title)
{
  return test_find_titled (row_at (f, index), type, title);
}

static const char *
description (Fixture *f)
{
  return cp_circle_view_get_description (cp_network_page_get_circle (f->page));
}

static CpSupportMember *
only_member (Fixture *f)
{
  g_autoptr(CpRecordList) list = cp_record_list_new (f->store, CP_TYPE_SUPPORT_MEMBER,
                                                     cp_record_get_id (CP_RECORD (f->sam)));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

/* TestStored members are listed in order and drawn in their rings. */
static void
test_shows_stored (Fixture *f, gconstpointer data)
{
  g_autoptr(CpSupportMember) b = add_stored (f, "Bea", CP_CIRCLE_PAID, CP_SUPPORT_ROLE_PAID, 1);
  g_autoptr(CpSupportMember) a = add_stored (f, "Ann", CP_CIRCLE_CLOSE_FAMILY, CP_SUPPORT_ROLE_CARER, 0);

  cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (f->sam)));
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (f, 0))), ==, "Ann");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row_at (f, 0))), ==, "Close family · Carer");
  g_assert_nonnull (strstr (description (f), "Relationship circle of Sam Patel."));
  g_assert_nonnull (strstr (description (f), "Close family: Ann (Carer)."));
  g_assert_nonnull (strstr (description (f), "Paid supporters: Bea (Paid supporter)."));

  /* Another person has their own network. */
  cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (f->other)));
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_nonnull (strstr (description (f), "Close family: no one yet."));
}

/* Added, named, moved to another ring: saved as typed, the circle follows. */
static void
test_add_and_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(CpSupportMember) member = NULL;
  TestStored name = { f->store, CP_TYPE_SUPPORT_MEMBER, NULL, "name", "Ann" };
  GtkWidget *entry;

  cp_network_page_add_member (f->page);
  /* Opened for writing, and still open once the store's news is in. */
  test_settle ();
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row_at (f, 0))));
  member = only_member (f);
  name.id = cp_record_get_id (CP_RECORD (member));

  entry = find_in_row (f, 0, ADW_TYPE_ENTRY_ROW, "Name");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Ann");
  /* The circle follows at once; the store within the autosave pause. */
  g_assert_nonnull (strstr (description (f), "Close family: Ann."));
  g_assert_true (test_wait_until (test_stored_is, &name));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_at (f, 0))), ==, "Ann");

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_in_row (f, 0, ADW_TYPE_COMBO_ROW, "Ring of the circle")),
                              CP_CIRCLE_PAID);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_in_row (f, 0, ADW_TYPE_COMBO_ROW, "Role")),
                              CP_SUPPORT_ROLE_PAID);
  g_assert_nonnull (strstr (description (f), "Paid supporters: Ann (Paid supporter)."));
  {
    g_autoptr(CpSupportMember) stored = only_member (f);
    int circle, role;

    g_object_get (stored, "circle", &circle, "role", &role, NULL);
    g_assert_cmpint (circle, ==, CP_CIRCLE_PAID);
    g_assert_cmpint (role, ==, CP_SUPPORT_ROLE_PAID);
  }
}

/* A wrong email or phone is explained beside it, not stored, and kept
 * while other people are looked at. */
static void
test_bad_contact_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(CpSupportMember) member = add_stored (f, "Ann", CP_CIRCLE_CLOSE_FAMILY, CP_SUPPORT_ROLE_NONE, 0);
  TestStored email = { f->store, CP_TYPE_SUPPORT_MEMBER, cp_record_get_id (CP_RECORD (member)), "email", "" };
  TestStored phone = { f->store, CP_TYPE_SUPPORT_MEMBER, email.id, "phone", "" };
  GtkWidget *entry;

  cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (f->sam)));
  entry = find_in_row (f, 0, ADW_TYPE_ENTRY_ROW, "Email");
  gtk_editable_set_text (GTK_EDITABLE (entry), "ann at home");
  gtk_editable_set_text (GTK_EDITABLE (find_in_row (f, 0, ADW_TYPE_ENTRY_ROW, "Phone")), "call Ann");
  g_assert_false (cp_person_tab_flush (CP_PERSON_TAB (f->page)));
  g_assert_nonnull (test_error_after (entry));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (test_error_after (entry))), "@"));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (test_error_after (find_in_row (f, 0, ADW_TYPE_ENTRY_ROW, "Phone")));
  g_assert_true (test_stored_is (&email));
  g_assert_true (test_stored_is (&phone));

  /* Away and back: what was typed is still there, still explained. */
  cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (f->other)));
  cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (f->sam)));
  entry = find_in_row (f, 0, ADW_TYPE_ENTRY_ROW, "Email");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ann at home");
  g_assert_nonnull (test_error_after (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "ann@example.org");
  gtk_editable_set_text (GTK_EDITABLE (find_in_row (f, 0, ADW_TYPE_ENTRY_ROW, "Phone")), "+44 (0)20 7946-0018");
  email.expected = "ann@example.org";
  phone.expected = "+44 (0)20 7946-0018";
  g_assert_true (test_wait_until (test_stored_is, &email));
  g_assert_true (test_stored_is (&phone));
  g_assert_null (test_error_after (entry));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
}

/* Selecting a row highlights the dot; clicking a dot selects the row. */
static void
test_selection_linked (Fixture *f, gconstpointer data)
{
  g_autoptr(CpSupportMember) a = add_stored (f, "Ann", CP_CIRCLE_CLOSE_FAMILY, CP_SUPPORT_ROLE_NONE, 0);
  g_autoptr(CpSupportMember) b = add_stored (f, "Bea", CP_CIRCLE_COMMUNITY, CP_SUPPORT_ROLE_ADVOCATE, 1);
  CpCircleView *circle = cp_network_page_get_circle (f->page);
  GtkListBox *list = cp_network_page_get_list (f->page);

  cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (f->sam)));
  g_assert_cmpint (cp_circle_view_get_selected (circle), ==, -1);
  gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (row_at (f, 1)));
  g_assert_cmpint (cp_circle_view_get_selected (circle), ==, 1);
  g_signal_emit_by_name (circle, "member-activated", 0);
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (row_at (f, 0)));
  g_assert_cmpint (cp_circle_view_get_selected (circle), ==, 0);
}

static AdwMessageDialog *
find_dialog (void)
{
  return ADW_MESSAGE_DIALOG (test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* Removing asks first; Cancel keeps them, Remove takes them off. */
static void
test_remove (Fixture *f, gconstpointer data)
{
  g_autoptr(CpSupportMember) a = add_stored (f, "Ann", CP_CIRCLE_CLOSE_FAMILY, CP_SUPPORT_ROLE_NONE, 0);
  g_autoptr(CpRecord) stored = NULL;
  GtkWidget *button;
  AdwMessageDialog *dialog;

  test_settle ();
  cp_person_tab_set_person_id (CP_PERSON_TAB (f->page), cp_record_get_id (CP_RECORD (f->sam)));
  button = test_find_widget (row_at (f, 0), GTK_TYPE_BUTTON, "label", "_Remove from Network…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  test_settle ();
  g_assert_cmpuint (n_rows (f), ==, 1);

  button = test_find_widget (row_at (f, 0), GTK_TYPE_BUTTON, "label", "_Remove from Network…");
  g_signal_emit_by_name (button, "clicked");
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "remove");
  test_settle ();
  g_assert_cmpuint (n_rows (f), ==, 0);
  stored = cp_store_load (f->store, CP_TYPE_SUPPORT_MEMBER, cp_record_get_id (CP_RECORD (a)), NULL);
  g_assert_true (cp_record_get_deleted (stored));
  g_assert_nonnull (strstr (description (f), "Close family: no one yet."));
}

int
main (int argc, char **argv)
{
  int status;

  data_dir = test_gui_init (&argc, &argv);
  g_test_add ("/network/shows-stored", Fixture, NULL, fixture_set_up, test_shows_stored, fixture_tear_down);
  g_test_add ("/network/add-and-edit", Fixture, NULL, fixture_set_up, test_add_and_edit, fixture_tear_down);
  g_test_add ("/network/bad-contact-refused", Fixture, NULL, fixture_set_up, test_bad_contact_refused, fixture_tear_down);
  g_test_add ("/network/selection-linked", Fixture, NULL, fixture_set_up, test_selection_linked, fixture_tear_down);
  g_test_add ("/network/remove", Fixture, NULL, fixture_set_up, test_remove, fixture_tear_down);
  status = g_test_run ();
  g_free (data_dir);
  return status;
}
