/* test-plan-print.c — printing the plan through GTK, and the window's Print menu
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-plan-print.h"
#include "cp-window-private.h"
#include "test-gui-common.h"

static char *data_dir;

static CpPerson *
add_person_with_plan (CpStore *store)
{
  CpPerson *person = test_add_person (store, "Mina", "Khan", "9434765919");
  g_autoptr(CpPlan) plan = g_object_new (CP_TYPE_PLAN, "person-id", cp_record_get_id (CP_RECORD (person)),
                                         "year-start", "2026-04-01", "year-end", "2027-03-31", NULL);
  g_autoptr(CpPlanEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  cp_store_insert (store, CP_RECORD (plan), &error);
  g_assert_no_error (error);
  entry = g_object_new (CP_TYPE_PLAN_ENTRY, "plan-id", cp_record_get_id (CP_RECORD (plan)),
                        "section", CP_SECTION_IMPORTANT_TO_ME, "body", "Seeing my sister", NULL);
  cp_store_insert (store, CP_RECORD (entry), &error);
  g_assert_no_error (error);
  return person;
}

/* GTK's own print pipeline, exporting to a PDF as "Print to File" does. */
static void
test_print_to_file (void)
{
  g_autoptr(CpStore) store = test_open_store (data_dir, "print.db");
  g_autoptr(CpPerson) person = add_person_with_plan (store);
  g_autofree char *path = g_build_filename (data_dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  for (int kind = CP_PLAN_DOCUMENT_STANDARD; kind <= CP_PLAN_DOCUMENT_EASY_READ; kind++)
    {
      g_assert_cmpint (cp_plan_print_run (NULL, store, cp_record_get_id (CP_RECORD (person)), kind,
                                          GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error),
                       ==, GTK_PRINT_OPERATION_RESULT_APPLY);
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_clear_pointer (&contents, g_free);
      g_unlink (path);
    }
  /* someone deleted meanwhile: an error, nothing written */
  g_assert_cmpint (cp_plan_print_run (NULL, store, "00000000-0000-4000-8000-000000000000",
                                      CP_PLAN_DOCUMENT_STANDARD, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                      path, &error), ==, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  cp_store_close (store);
}

static void
test_suggested_names (void)
{
  g_autoptr(CpStore) store = test_open_store (data_dir, "names.db");
  g_autoptr(CpPerson) person = test_add_person (store, "Ann/Marie", "Lee", NULL);
  g_autofree char *standard = cp_plan_print_suggest_filename (store, cp_record_get_id (CP_RECORD (person)),
                                                              CP_PLAN_DOCUMENT_STANDARD);
  g_autofree char *easy = cp_plan_print_suggest_filename (store, cp_record_get_id (CP_RECORD (person)),
                                                          CP_PLAN_DOCUMENT_EASY_READ);
  CpPlanDocumentKind kind;

  /* a slash would make a folder of the name */
  g_assert_cmpstr (standard, ==, "Ann-Marie Lee — support plan.pdf");
  g_assert_cmpstr (easy, ==, "Ann-Marie Lee — easy read plan.pdf");
  g_assert_true (cp_plan_print_kind_from_string ("easy-read", &kind));
  g_assert_cmpint (kind, ==, CP_PLAN_DOCUMENT_EASY_READ);
  g_assert_false (cp_plan_print_kind_from_string ("EASY", &kind));
  cp_store_close (store);
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* The Print menu is there only when someone is shown. */
static void
test_window_menu (void)
{
  g_autoptr(CpStore) store = test_open_store (data_dir, "menu.db");
  g_autoptr(CpPerson) person = add_person_with_plan (store);
  CpWindow *window = g_object_ref (cp_window_new (NULL, store, FALSE));
  GAction *print;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (test_wait_until (window_mapped, window));
  print = g_action_map_lookup_action (G_ACTION_MAP (window), "print-plan");
  g_assert_false (gtk_widget_get_visible (window->plan_menu_button));
  g_assert_false (g_action_get_enabled (print));
  cp_window_show_person (window, cp_record_get_id (CP_RECORD (person)));
  test_settle ();
  g_assert_true (gtk_widget_get_visible (window->plan_menu_button));
  g_assert_true (g_action_get_enabled (print));
  g_assert_true (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window), "save-plan-pdf")));
  gtk_window_destroy (GTK_WINDOW (window));
  test_settle ();
  g_object_unref (window);
  cp_store_close (store);
}

int
main (int argc, char **argv)
{
  data_dir = test_gui_init (&argc, &argv);
  g_test_add_func ("/plan-print/print-to-file", test_print_to_file);
  g_test_add_func ("/plan-print/suggested-names", test_suggested_names);
  g_test_add_func ("/plan-print/window-menu", test_window_menu);
  return g_test_run ();
}
