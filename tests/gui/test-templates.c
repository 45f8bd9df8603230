/* test-templates.c — every template builds (a template error aborts)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-budget-view.h"
#include "cp-person-page.h"
#include "cp-person-row.h"
#include "cp-preferences-window.h"
#include "cp-window-private.h"
#include "test-gui-common.h"

static char *data_dir;

static void
test_window (void)
{
  g_autoptr(CpStore) store = test_open_store (data_dir, "templates.db");
  CpWindow *window = cp_window_new (NULL, store, FALSE);

  g_assert_true (CP_IS_WINDOW (window));
  g_assert_true (CP_IS_PERSON_PAGE (window->person_page));
  g_assert_true (GTK_IS_LIST_VIEW (window->list_view));
  g_assert_false (gtk_widget_get_visible (window->example_bar));
  gtk_window_destroy (GTK_WINDOW (window));
  cp_store_close (store);
}

static void
test_example_window (void)
{
  g_autoptr(CpStore) store = test_open_store (data_dir, "templates-example.db");
  CpWindow *window = cp_window_new (NULL, store, TRUE);

  g_assert_true (cp_window_is_example (window));
  g_assert_true (gtk_widget_get_visible (window->example_bar));
  g_assert_nonnull (test_find_widget (window->example_bar, GTK_TYPE_LABEL, "label",
                                      "You are exploring example data. Nothing here is real."));
  gtk_window_destroy (GTK_WINDOW (window));
  cp_store_close (store);
}

static void
test_person_page (void)
{
  GtkWidget *page = g_object_ref_sink (cp_person_page_new ());

  g_assert_true (CP_IS_PERSON_PAGE (page));
  g_assert_null (cp_person_page_get_person_id (CP_PERSON_PAGE (page)));
  g_assert_nonnull (test_find_widget (page, ADW_TYPE_ENTRY_ROW, "title", "Given name"));
  g_assert_nonnull (test_find_widget (page, CP_TYPE_BUDGET_VIEW, NULL, NULL));
  g_object_unref (page);
}

static void
test_person_row (void)
{
  GtkWidget *row = g_object_ref_sink (cp_person_row_new ());
  g_autoptr(CpPerson) person = cp_person_new ();

  g_object_set (person, "given-name", "Sam", "family-name", "Patel",
                "communication-needs", "Easy Read", NULL);
  cp_person_row_set_person (CP_PERSON_ROW (row), person);
  g_assert_nonnull (test_find_widget (row, GTK_TYPE_LABEL, "label", "Sam Patel"));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (test_find_widget (row, GTK_TYPE_LABEL, "label", "Communication needs"))));
  g_object_unref (row);
}

static void
test_preferences (void)
{
  g_autoptr(CpStore) store = test_open_store (data_dir, "templates-prefs.db");
  GtkWidget *prefs = cp_preferences_window_new (NULL, store);

  g_assert_true (CP_IS_PREFERENCES_WINDOW (prefs));
  g_assert_nonnull (test_find_widget (prefs, ADW_TYPE_ACTION_ROW, "subtitle", cp_store_get_path (store)));
  gtk_window_destroy (GTK_WINDOW (prefs));
  cp_store_close (store);
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/coplan/Coplan/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_app_icon_resource (void)
{
  g_autoptr(GBytes) icon = g_resources_lookup_data ("/io/github/coplan/Coplan/icons/scalable/apps/io.github.coplan.Coplan.svg",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GBytes) css = g_resources_lookup_data ("/io/github/coplan/Coplan/style.css",
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert_nonnull (icon);
  g_assert_nonnull (css);
}

int
main (int argc, char *argv[])
{
  data_dir = test_gui_init (&argc, &argv);

  g_test_add_func ("/templates/window", test_window);
  g_test_add_func ("/templates/example-window", test_example_window);
  g_test_add_func ("/templates/person-page", test_person_page);
  g_test_add_func ("/templates/person-row", test_person_row);
  g_test_add_func ("/templates/preferences", test_preferences);
  g_test_add_func ("/templates/help-overlay", test_help_overlay);
  g_test_add_func ("/templates/resources", test_app_icon_resource);
  return g_test_run ();
}
