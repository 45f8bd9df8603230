/* test-xml-dialogs.c — Import… and Export… from the window's main menu
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-export-dialog.h"
#include "cp-import-dialog.h"
#include "cp-window.h"
#include "test-gui-common.h"

static char *data_dir;

typedef struct
{
  CpStore  *source;   /* three made-up people */
  CpStore  *store;    /* the window's, empty at first */
  CpWindow *window;
  char     *xml_path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint counter;
  g_autofree char *source_name = g_strdup_printf ("source-%u.db", ++counter);
  g_autofree char *name = g_strdup_printf ("window-%u.db", counter);
  g_autofree char *xml_name = g_strdup_printf ("caseload-%u.xml", counter);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  CpDemoOptions options = { .n_people = 3, .n_payments = 30, .seed = 4, .today = "2026-06-30" };

  f->source = test_open_store (data_dir, source_name);
  cp_demo_generate (f->source, &options, &error);
  g_assert_no_error (error);
  f->xml_path = g_build_filename (data_dir, xml_name, NULL);
  file = g_file_new_for_path (f->xml_path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  cp_xml_export (f->source, NULL, FALSE, G_OUTPUT_STREAM (out), &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);

  f->store = test_open_store (data_dir, name);
  f->window = g_object_ref (cp_window_new (NULL, f->store, FALSE));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_settle ();
  g_clear_object (&f->window);
  cp_store_close (f->store);
  cp_store_close (f->source);
  g_clear_object (&f->store);
  g_clear_object (&f->source);
  g_free (f->xml_path);
}

static CpImportDialog *
open_import (Fixture *f)
{
  CpImportDialog *dialog = cp_import_dialog_new (GTK_WINDOW (f->window), f->store);

  gtk_window_present (GTK_WINDOW (dialog));
  test_settle ();
  g_assert_cmpstr (cp_import_dialog_get_step (dialog), ==, "choose");
  g_assert_false (cp_import_dialog_can_import (dialog));
  return dialog;
}

/* CP_TEST_SCREENSHOT_PAUSE=1 holds the dialog on screen for 4 s, for
 * `import -window root` under Xvfb. */
static void
pause_for_screenshot (void)
{
  gint64 until = g_get_monotonic_time () + 4 * G_USEC_PER_SEC;

  if (g_getenv ("CP_TEST_SCREENSHOT_PAUSE") == NULL)
    return;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static gint64
people_in (CpStore *store)
{
  return cp_store_count (store, CP_TYPE_PERSON, NULL);
}

static void
test_menu_has_actions (Fixture *f, gconstpointer data)
{
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (f->window), "import-xml"));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (f->window), "export-xml"));
}

/* Choose a file → the preview in words → Import → the people are here. */
static void
test_import_preview (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->xml_path);
  CpImportDialog *dialog = open_import (f);

  g_assert_true (cp_import_dialog_set_file (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cp_import_dialog_get_step (dialog), ==, "preview");
  g_assert_cmpstr (cp_import_dialog_get_summary (dialog), ==,
                   "Will add 3 people, update 0 and leave 0 unchanged.");
  g_assert_true (cp_import_dialog_can_import (dialog));
  g_assert_null (cp_import_dialog_get_problem (dialog));
  g_assert_cmpint (people_in (f->store), ==, 0);

  pause_for_screenshot ();
  g_assert_true (cp_import_dialog_import (dialog, &error));
  g_assert_no_error (error);
  test_settle ();
  g_assert_cmpint (people_in (f->store), ==, 3);
}

/* The same file again changes nothing, and says so. */
static void
test_import_nothing_new (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->xml_path);
  CpImportDialog *first = open_import (f);
  CpImportDialog *second = NULL;

  g_assert_true (cp_import_dialog_set_file (first, file, NULL));
  g_assert_true (cp_import_dialog_import (first, NULL));
  test_settle ();
  second = open_import (f);
  g_assert_true (cp_import_dialog_set_file (second, file, NULL));
  g_assert_nonnull (strstr (cp_import_dialog_get_summary (second), "already here"));
  g_assert_false (cp_import_dialog_can_import (second));
  gtk_window_destroy (GTK_WINDOW (second));
}

/* A hostile file is explained in words and nothing can be imported. */
static void
test_import_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "xml", "billion-laughs.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CpImportDialog *dialog = open_import (f);

  g_assert_false (cp_import_dialog_set_file (dialog, file, &error));
  g_assert_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_DOCTYPE);
  g_assert_cmpstr (cp_import_dialog_get_step (dialog), ==, "choose");
  g_assert_nonnull (strstr (cp_import_dialog_get_problem (dialog), "billion-laughs.xml"));
  g_assert_nonnull (strstr (cp_import_dialog_get_problem (dialog), "DOCTYPE"));
  g_assert_false (cp_import_dialog_can_import (dialog));
  g_assert_cmpint (people_in (f->store), ==, 0);
  pause_for_screenshot ();
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static guint
people_in_file (const char *path)
{
  g_autofree char *xml = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  for (const char *p = strstr (xml, "<person "); p; p = strstr (p + 1, "<person "))
    n++;
  return n;
}

/* This person, or everyone, written where the save dialog says. */
static void
test_export_choices (Fixture *f, gconstpointer data)
{
  g_autofree char *person_id = NULL;
  g_autofree char *one_path = g_build_filename (data_dir, "one.xml", NULL);
  g_autofree char *all_path = g_build_filename (data_dir, "all.xml", NULL);
  g_autoptr(GFile) one = g_file_new_for_path (one_path);
  g_autoptr(GFile) all = g_file_new_for_path (all_path);
  g_autoptr(GError) error = NULL;
  CpExportDialog *dialog;
  sqlite3_stmt *stmt = cp_store_prepare (f->source, "SELECT id FROM person LIMIT 1", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  person_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  dialog = cp_export_dialog_new (GTK_WINDOW (f->window), f->source, person_id);
  gtk_window_present (GTK_WINDOW (dialog));
  test_settle ();
  pause_for_screenshot ();
  g_assert_true (cp_export_dialog_write (dialog, one, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (people_in_file (one_path), ==, 1);
  cp_export_dialog_set_everyone (dialog, TRUE);
  g_assert_true (cp_export_dialog_write (dialog, all, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (people_in_file (all_path), ==, 3);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* FHIR and the payments CSV from the same dialog, for the people a search found. */
static void
test_export_formats (Fixture *f, gconstpointer data)
{
  g_autofree char *fhir_path = g_build_filename (data_dir, "found.fhir.xml", NULL);
  g_autofree char *csv_path = g_build_filename (data_dir, "found.csv", NULL);
  g_autoptr(GFile) fhir = g_file_new_for_path (fhir_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *fhir_text = NULL;
  g_autofree char *csv_text = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) two = NULL;
  g_autofree char *first = NULL;
  sqlite3_stmt *stmt = cp_store_prepare (f->source, "SELECT id FROM person ORDER BY id LIMIT 2", NULL);
  CpExportDialog *dialog;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  two = g_strv_builder_end (builder);
  dialog = cp_export_dialog_new (GTK_WINDOW (f->window), f->source, two[0]);
  cp_export_dialog_set_found (dialog, (const char *const *) two);
  gtk_window_present (GTK_WINDOW (dialog));
  test_settle ();

  cp_export_dialog_set_format (dialog, 1);
  g_assert_true (cp_export_dialog_write (dialog, fhir, &error));
  g_assert_no_error (error);
  fhir_text = read_text (fhir_path);
  g_assert_nonnull (strstr (fhir_text, "<Bundle xmlns=\"http://hl7.org/fhir\">"));
  /* the two people found, not the third */
  g_assert_nonnull (strstr (fhir_text, two[0]));
  g_assert_nonnull (strstr (fhir_text, two[1]));
  g_assert_null (strstr (strstr (strstr (fhir_text, "<Patient>") + 1, "<Patient>") + 1, "<Patient>"));

  cp_export_dialog_set_format (dialog, 2);
  g_assert_true (cp_export_dialog_write (dialog, csv, &error));
  g_assert_no_error (error);
  csv_text = read_text (csv_path);
  g_assert_true (g_str_has_prefix (csv_text, "person_id,person_name,"));
  g_assert_nonnull (strstr (csv_text, two[0]));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char **argv)
{
  int status;

  data_dir = test_gui_init (&argc, &argv);
  g_test_add ("/xml-dialogs/menu-has-actions", Fixture, NULL, fixture_set_up, test_menu_has_actions, fixture_tear_down);
  g_test_add ("/xml-dialogs/import-preview", Fixture, NULL, fixture_set_up, test_import_preview, fixture_tear_down);
  g_test_add ("/xml-dialogs/import-nothing-new", Fixture, NULL, fixture_set_up, test_import_nothing_new, fixture_tear_down);
  g_test_add ("/xml-dialogs/import-refused", Fixture, NULL, fixture_set_up, test_import_refused, fixture_tear_down);
  g_test_add ("/xml-dialogs/export-choices", Fixture, NULL, fixture_set_up, test_export_choices, fixture_tear_down);
  g_test_add ("/xml-dialogs/export-formats", Fixture, NULL, fixture_set_up, test_export_formats, fixture_tear_down);
  status = g_test_run ();
  g_free (data_dir);
  return status;
}
