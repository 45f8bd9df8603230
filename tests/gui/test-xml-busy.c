/* test-xml-busy.c — Export… and Import… keep the window alive on a big caseload
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A demo caseload goes out through the Export dialog and back in
 * through the Import dialog into another window's empty database. While
 * the dialogs work, a 10 ms timeout keeps ticking on the main loop: the
 * longest gap between two ticks says whether the window could redraw.
 * That holds for the Import button's apply step too, which writes in a
 * worker through a sibling connection (see cp-import-dialog.c): its test
 * checks the Importing page keeps painting, that it applies the preview
 * as read rather than reading the file again, that the window's list
 * hears of every new person, and that the audit names the window's
 * contributor.
 *
 * CP_TEST_BUSY_PEOPLE=1000 CP_TEST_BUSY_PAYMENTS=100000 runs the same
 * tests on a large caseload and prints the timings ("import: … longest
 * gap" is the longest the window went without a chance to redraw).
 * CP_TEST_BUSY_SCREENSHOT=file.png saves the Importing page as drawn
 * half-way through the apply.
 */
#include "cp-export-dialog.h"
#include "cp-import-dialog.h"
#include "cp-session-window.h"
#include "cp-window-private.h"
#include "test-gui-common.h"

#define TICK_MS 10
/* Far below the seconds a large read or export takes when it blocks,
 * far above a busy machine's scheduling hiccups. */
#define MAX_GAP_MS 400
/* Stop Reading ends the worker within this, however big the file. */
#define MAX_STOP_MS 500

/* The smallest caseload a test runs on; the environment can ask for more. */
typedef struct
{
  guint people;
  guint payments;
} Size;

/* Quick enough for every run. */
static const Size small = { 150, 15000 };
/* Reading it takes about a second, so a read that ran on after Stop
 * would show. */
static const Size big = { 1000, 100000 };

static char *data_dir;

/* Who the import window's audit rows must name. */
#define CONTRIBUTOR "Kim Importer"

typedef struct
{
  CpStore  *source;   /* the demo caseload, the export window's */
  CpWindow *source_window;
  CpStore  *store;    /* the import window's, empty at first */
  CpWindow *window;
  guint     n_people;
  char     *xml_path;
} Fixture;

/* Counts main-loop ticks and remembers the longest wait between two. */
typedef struct
{
  guint  source;
  guint  ticks;
  gint64 last;
  gint64 max_gap;
} Ticker;

static gboolean
tick_cb (gpointer data)
{
  Ticker *t = data;
  gint64 now = g_get_monotonic_time ();

  t->max_gap = MAX (t->max_gap, now - t->last);
  t->last = now;
  t->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
ticker_start (Ticker *t)
{
  *t = (Ticker) { .last = g_get_monotonic_time () };
  t->source = g_timeout_add (TICK_MS, tick_cb, t);
}

static void
ticker_stop (Ticker *t, const char *what)
{
  g_clear_handle_id (&t->source, g_source_remove);
  /* A block just before the stop is a gap too, though no tick ended it. */
  tick_cb (t);
  t->ticks--;
  g_test_message ("%s: %u ticks, longest gap %" G_GINT64_FORMAT " ms", what, t->ticks, t->max_gap / 1000);
}

static guint
env_uint (const char *name, guint fallback)
{
  const char *value = g_getenv (name);

  return value ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint counter;
  g_autofree char *source_name = g_strdup_printf ("busy-source-%u.db", ++counter);
  g_autofree char *name = g_strdup_printf ("busy-window-%u.db", counter);
  g_autofree char *xml_name = g_strdup_printf ("busy-%u.xml", counter);
  g_autoptr(GError) error = NULL;
  CpDemoOptions options = { .seed = 7, .today = "2026-06-30" };
  const Size *size = data;

  /* Enough that reading takes many ticks even on a fast machine. */
  options.n_people = f->n_people = MAX (env_uint ("CP_TEST_BUSY_PEOPLE", 0), size->people);
  options.n_payments = MAX (env_uint ("CP_TEST_BUSY_PAYMENTS", 0), size->payments);
  f->source = test_open_store (data_dir, source_name);
  cp_demo_generate (f->source, &options, &error);
  g_assert_no_error (error);
  f->source_window = g_object_ref (cp_window_new (NULL, f->source, FALSE));
  f->store = test_open_store (data_dir, name);
  cp_store_set_contributor (f->store, CONTRIBUTOR);
  f->window = g_object_ref (cp_window_new (NULL, f->store, FALSE));
  f->xml_path = g_build_filename (data_dir, xml_name, NULL);
  gtk_window_present (GTK_WINDOW (f->source_window));
  gtk_window_present (GTK_WINDOW (f->window));
  test_settle ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  gtk_window_destroy (GTK_WINDOW (f->source_window));
  test_settle ();
  g_clear_object (&f->window);
  g_clear_object (&f->source_window);
  cp_store_close (f->store);
  cp_store_close (f->source);
  g_clear_object (&f->store);
  g_clear_object (&f->source);
  g_free (f->xml_path);
}

static void
store_result_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Pumps the loop until @result arrives, however long a big caseload takes. */
static void
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static CpExportDialog *
open_export (Fixture *f)
{
  CpExportDialog *dialog = cp_export_dialog_new (GTK_WINDOW (f->source_window), f->source, NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  test_settle ();
  return dialog;
}

/* Exports the whole caseload through the dialog; asserts the loop ran. */
static void
export_all (Fixture *f, GFile *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CpExportDialog *dialog = open_export (f);
  gint64 start = g_get_monotonic_time ();
  Ticker ticker;

  ticker_start (&ticker);
  cp_export_dialog_write_async (dialog, file, store_result_cb, &result);
  g_assert_true (cp_export_dialog_is_busy (dialog));
  wait_for_result (&result);
  ticker_stop (&ticker, "export");
  g_test_message ("export took %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);

  g_assert_true (cp_export_dialog_write_finish (dialog, result, &error));
  g_assert_no_error (error);
  g_assert_false (cp_export_dialog_is_busy (dialog));
  g_assert_null (cp_export_dialog_get_problem (dialog));
  g_assert_cmpuint (ticker.ticks, >, 0);
  g_assert_cmpint (ticker.max_gap / 1000, <, MAX_GAP_MS);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static CpImportDialog *
open_import (Fixture *f)
{
  CpImportDialog *dialog = cp_import_dialog_new (GTK_WINDOW (f->window), f->store);

  gtk_window_present (GTK_WINDOW (dialog));
  test_settle ();
  return dialog;
}

/* Reads @file through the dialog's worker; asserts the loop ran and the
 * preview came. */
static void
read_in_dialog (Fixture *f, CpImportDialog *dialog, GFile *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  Ticker ticker;

  ticker_start (&ticker);
  cp_import_dialog_read_async (dialog, file, store_result_cb, &result);
  g_assert_cmpstr (cp_import_dialog_get_step (dialog), ==, "reading");
  wait_for_result (&result);
  ticker_stop (&ticker, "read");
  g_test_message ("read took %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);

  g_assert_true (cp_import_dialog_read_finish (dialog, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ticker.ticks, >, 0);
  g_assert_cmpint (ticker.max_gap / 1000, <, MAX_GAP_MS);
  g_assert_cmpstr (cp_import_dialog_get_step (dialog), ==, "preview");
  g_assert_true (cp_import_dialog_can_import (dialog));
}

typedef struct
{
  guint  paints;
  gint64 first;   /* when the first frame after the click was painted */
} Paints;

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  Paints *p = data;

  if (p->paints++ == 0)
    p->first = g_get_monotonic_time ();
}

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Pumps the loop until the dialog has closed itself, however long a big
 * caseload takes (test_wait_until() gives up after a few seconds). */
static void
wait_for_dialog_gone (CpImportDialog **dialog)
{
  while (*dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
list_shows_everyone (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (G_LIST_MODEL (f->window->people)) == f->n_people;
}

/* "Importing 1,000 people…", as the C locale the tests run in prints it. */
static char *
importing_title (guint n)
{
  if (n >= 1000)
    return g_strdup_printf ("Importing %u,%03u people…", n / 1000, n % 1000);
  return g_strdup_printf ("Importing %u people…", n);
}

/* The dialog as drawn now, saved to CP_TEST_BUSY_SCREENSHOT if set:
 * for a person to look at the Importing page half-way through. */
static void
maybe_screenshot (CpImportDialog *dialog)
{
  const char *path = g_getenv ("CP_TEST_BUSY_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  GskRenderer *renderer;
  int width, height;

  if (path == NULL)
    return;
  paintable = gtk_widget_paintable_new (GTK_WIDGET (dialog));
  width = gtk_widget_get_width (GTK_WIDGET (dialog));
  height = gtk_widget_get_height (GTK_WIDGET (dialog));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (dialog));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Importing page saved to %s", path);
}

static guint screenshot_source;

static gboolean
screenshot_after_cb (gpointer data)
{
  CpImportDialog **dialog = data;

  screenshot_source = 0;
  if (*dialog != NULL && g_strcmp0 (cp_import_dialog_get_step (*dialog), "importing") == 0)
    maybe_screenshot (*dialog);
  return G_SOURCE_REMOVE;
}

/* What the Import button does: the Importing page, its spinner turning
 * while a worker writes one transaction; then the window's store
 * announces every row and the dialog closes. */
static void
click_import (Fixture *f, CpImportDialog *dialog)
{
  GtkWidget *button = test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Import");
  g_autoptr(GdkFrameClock) clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (dialog)));
  Paints paints = { 0 };
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &paints);
  gint64 start = g_get_monotonic_time ();
  g_autofree char *title = importing_title (f->n_people);
  GtkWidget *page, *spinner;
  Ticker ticker;

  ticker_start (&ticker);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (cp_import_dialog_get_step (dialog), ==, "importing");
  page = test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, "title", title);
  g_assert_nonnull (page);
  spinner = test_find_widget (page, GTK_TYPE_SPINNER, NULL, NULL);
  g_assert_nonnull (spinner);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  /* Nothing committed yet, and no way to close half-way. */
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, 0);
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (dialog)));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_nonnull (dialog);
  screenshot_source = g_timeout_add (300, screenshot_after_cb, &dialog);

  wait_for_dialog_gone (&dialog);
  g_clear_handle_id (&screenshot_source, g_source_remove);
  ticker_stop (&ticker, "import");
  g_test_message ("import: first frame painted after %" G_GINT64_FORMAT " ms, %u frames, all done after %"
                  G_GINT64_FORMAT " ms", (paints.first - start) / 1000, paints.paints,
                  (g_get_monotonic_time () - start) / 1000);
  /* The window kept drawing: the Importing page painted more than once,
   * and the loop never stopped for long while the worker wrote. */
  g_assert_cmpuint (paints.paints, >, 1);
  g_assert_cmpint (ticker.max_gap / 1000, <, MAX_GAP_MS);
  if (g_signal_handler_is_connected (clock, handler))
    g_signal_handler_disconnect (clock, handler);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, f->n_people);
  /* The window's list heard of them: the announcement on its store. */
  g_assert_true (test_wait_until (list_shows_everyone, f));
}

/* Every audit row the import wrote names the import window's contributor. */
static void
assert_audit_names_contributor (Fixture *f)
{
  sqlite3 *db = cp_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;
  gint64 named = 0, others = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT contributor = ?1, count(*) FROM audit GROUP BY 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, CONTRIBUTOR, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 0))
        named = sqlite3_column_int64 (stmt, 1);
      else
        others = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (named, >=, f->n_people);
  g_assert_cmpint (others, ==, 0);
}

/* Export everyone, read it back in another window, import it. */
static void
test_export_then_import (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->xml_path);
  g_autofree char *count = cp_format_count (f->n_people);
  g_autofree char *expected = g_strdup_printf ("Will add %s people, update 0 and leave 0 unchanged.", count);
  CpImportDialog *dialog;

  export_all (f, file);
  g_assert_true (g_file_query_exists (file, NULL));

  dialog = open_import (f);
  read_in_dialog (f, dialog, file);
  /* The file is valid (the importer checks it against the schema) and
   * holds the whole caseload; reading it changed nothing. */
  g_assert_cmpstr (cp_import_dialog_get_summary (dialog), ==, expected);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, 0);

  /* Import applies what the worker read: with the file gone, a second
   * read would fail, and the frozen window would wait for it. */
  g_assert_true (g_file_delete (file, NULL, NULL));
  click_import (f, dialog);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PAYMENT, NULL), ==,
                   cp_store_count (f->source, CP_TYPE_PAYMENT, NULL));
  assert_audit_names_contributor (f);
}

/* A plan session window is not blocked by the modal dialog, so it is
 * made insensitive while the worker writes (the window's store refuses
 * writes then), and given back afterwards. */
static void
test_import_holds_session_window (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->xml_path);
  g_autoptr(CpPerson) sam = test_add_person (f->store, "Sam", "Patel", NULL);
  g_autoptr(CpUndoStack) undo = cp_undo_stack_new (f->store);
  GtkWidget *session;
  CpImportDialog *dialog;

  export_all (f, file);
  session = cp_session_window_new (GTK_WINDOW (f->window), f->store, undo, cp_record_get_id (CP_RECORD (sam)));
  gtk_window_present (GTK_WINDOW (session));
  dialog = open_import (f);
  read_in_dialog (f, dialog, file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Import"), "clicked");
  g_assert_cmpstr (cp_import_dialog_get_step (dialog), ==, "importing");
  g_assert_false (gtk_widget_get_sensitive (session));
  g_assert_true (cp_store_has_open_sibling (f->store));

  g_assert_true (test_wait_until (dialog_gone, &dialog));
  g_assert_true (gtk_widget_get_sensitive (session));
  g_assert_false (cp_store_has_open_sibling (f->store));
  /* Sam was there before the plan session's draft plan; everyone else came. */
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, f->n_people + 1);
  gtk_window_destroy (GTK_WINDOW (session));
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* Stop while reading, half-way through a big file: back to Choose at
 * once, in words, nothing changed; the worker itself ends within
 * MAX_STOP_MS (the core checks the cancellable as it reads), and its
 * answer is dropped. */
static void
test_stop_reading (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->xml_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CpImportDialog *dialog;
  gint64 start, whole, stopped, until;

  export_all (f, file);
  dialog = open_import (f);
  /* How long the whole read takes here, for comparison. */
  start = g_get_monotonic_time ();
  read_in_dialog (f, dialog, file);
  whole = g_get_monotonic_time () - start;

  cp_import_dialog_read_async (dialog, file, store_result_cb, &result);
  g_assert_cmpstr (cp_import_dialog_get_step (dialog), ==, "reading");
  /* Past loading the file: into the records. */
  until = g_get_monotonic_time () + whole / 5;
  test_wait_until (time_passed, &until);
  g_assert_null (result);
  stopped = g_get_monotonic_time ();
  cp_import_dialog_stop_reading (dialog);
  g_assert_cmpstr (cp_import_dialog_get_step (dialog), ==, "choose");
  g_assert_nonnull (strstr (cp_import_dialog_get_problem (dialog), "Stopped reading"));
  g_assert_nonnull (strstr (cp_import_dialog_get_problem (dialog), "Nothing was imported"));
  g_assert_false (cp_import_dialog_can_import (dialog));

  g_assert_true (test_wait_until (result_arrived, &result));
  g_test_message ("reading took %" G_GINT64_FORMAT " ms; after Stop, the worker ended in %" G_GINT64_FORMAT " ms",
                  whole / 1000, (g_get_monotonic_time () - stopped) / 1000);
  g_assert_cmpint ((g_get_monotonic_time () - stopped) / 1000, <, MAX_STOP_MS);
  g_assert_false (cp_import_dialog_read_finish (dialog, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Still Choose: the dropped read did not bring its preview back. */
  g_assert_cmpstr (cp_import_dialog_get_step (dialog), ==, "choose");
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Stop while exporting: a file that was there stays as it was, a new
 * one is not left half-written, and the dialog says so. */
static void
test_stop_export (Fixture *f, gconstpointer data)
{
  g_autofree char *old_path = g_build_filename (data_dir, "busy-old.xml", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (f->xml_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  CpExportDialog *dialog = open_export (f);
  GFile *files[] = { old_file, new_file };

  g_assert_true (g_file_set_contents (old_path, "kept", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;

      cp_export_dialog_write_async (dialog, files[i], store_result_cb, &result);
      /* The new file: stopped part-way through, most likely. */
      if (i == 1)
        g_usleep (20 * 1000);
      cp_export_dialog_stop (dialog);
      g_assert_true (test_wait_until (result_arrived, &result));
      g_assert_false (cp_export_dialog_write_finish (dialog, result, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_nonnull (strstr (cp_export_dialog_get_problem (dialog), "Export stopped"));
      g_assert_false (cp_export_dialog_is_busy (dialog));
    }
  g_assert_true (g_file_get_contents (old_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "kept");
  g_assert_false (g_file_query_exists (new_file, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A file that cannot be written: the reason, in the dialog. */
static void
test_export_error (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (data_dir, "no-such-folder", "x.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CpExportDialog *dialog = open_export (f);

  g_assert_false (cp_export_dialog_write (dialog, file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (cp_export_dialog_get_problem (dialog), "Could not export to “x.xml”"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Typed into the window and not yet autosaved when Import is pressed:
 * saved before the import's transaction, and still there after it. */
static void
test_import_keeps_typing (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->xml_path);
  g_autoptr(CpPerson) sam = test_add_person (f->store, "Sam", "Patel", NULL);
  const char *id = cp_record_get_id (CP_RECORD (sam));
  g_autoptr(CpPerson) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  CpImportDialog *dialog;

  export_all (f, file);
  cp_window_show_person (f->window, id);
  test_settle ();
  row = test_find_widget (GTK_WIDGET (f->window->person_page), ADW_TYPE_ENTRY_ROW, "title", "Family name");
  g_assert_nonnull (row);
  dialog = open_import (f);
  read_in_dialog (f, dialog, file);
  /* Typed while the preview was up (a plan session window, say, is not
   * blocked by the modal dialog); its autosave timer has not fired. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Patel-Shah");
  g_assert_true (cp_import_dialog_import (dialog, &error));
  g_assert_no_error (error);
  stored = cp_store_load (f->store, CP_TYPE_PERSON, id, NULL);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (stored), "family-name"), ==, "Patel-Shah");
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, f->n_people + 1);
}

static void
set_family_name (CpStore *store, const char *id, const char *name)
{
  g_autoptr(CpRecord) person = cp_store_load (store, CP_TYPE_PERSON, id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (person);
  g_object_set (person, "family-name", name, NULL);
  g_assert_true (cp_store_update (store, person, &error));
  g_assert_no_error (error);
}

static char *
dup_family_name (CpStore *store, const char *id)
{
  g_autoptr(CpRecord) person = cp_store_load (store, CP_TYPE_PERSON, id, NULL);

  return g_strdup (cp_record_get_string (person, "family-name"));
}

static void
import_directly (CpStore *store, GFile *file)
{
  g_autoptr(CpXmlImport) import = cp_xml_import_new (store);
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_xml_import_read_file (import, file, NULL, &error));
  g_assert_true (cp_xml_import_apply (import, &error));
  g_assert_no_error (error);
}

static gboolean
step_is_conflict (gpointer data)
{
  return g_strcmp0 (cp_import_dialog_get_step (data), "conflict") == 0;
}

static gboolean
step_is_preview (gpointer data)
{
  return g_strcmp0 (cp_import_dialog_get_step (data), "preview") == 0;
}

/* Someone the preview would update is edited here before Import is
 * pressed: nothing is imported, the edit is kept, the dialog says so and
 * reads the file again on request; importing that new preview works. */
static void
test_import_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->xml_path);
  g_autoptr(CpPerson) ada = test_add_person (f->source, "Ada", "Lovelace", NULL);
  g_autoptr(CpPerson) grace = NULL;
  const char *id = cp_record_get_id (CP_RECORD (ada));
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *imported = NULL;
  CpImportDialog *dialog;

  /* Everyone is here already; then the file gains Grace, and Ada is
   * renamed here, so the file would add one person and update one. */
  export_all (f, file);
  import_directly (f->store, file);
  grace = test_add_person (f->source, "Grace", "Hopper", NULL);
  export_all (f, file);
  set_family_name (f->store, id, "Byron");
  dialog = open_import (f);
  read_in_dialog (f, dialog, file);
  g_assert_nonnull (strstr (cp_import_dialog_get_summary (dialog), "update 1"));

  /* Edited again here after the file was read. */
  set_family_name (f->store, id, "King");
  g_signal_emit_by_name (test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Import"), "clicked");
  g_assert_true (test_wait_until (step_is_conflict, dialog));
  g_assert_nonnull (strstr (cp_import_dialog_get_problem (dialog), "changed here after the file was read"));
  g_assert_false (cp_import_dialog_can_import (dialog));
  g_assert_true (gtk_window_get_deletable (GTK_WINDOW (dialog)));
  kept = dup_family_name (f->store, id);
  g_assert_cmpstr (kept, ==, "King");
  g_assert_null (cp_store_load (f->store, CP_TYPE_PERSON, cp_record_get_id (CP_RECORD (grace)), NULL));
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, f->n_people + 1);
  /* The direct call says the same, and still imports nothing. */
  g_assert_false (cp_import_dialog_import (dialog, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);

  /* Read again: the new preview, which imports. */
  g_signal_emit_by_name (test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "label", "_Read the File Again"),
                         "clicked");
  g_assert_cmpstr (cp_import_dialog_get_step (dialog), ==, "reading");
  g_assert_true (test_wait_until (step_is_preview, dialog));
  g_assert_nonnull (strstr (cp_import_dialog_get_summary (dialog), "update 1"));
  g_clear_error (&error);
  g_assert_true (cp_import_dialog_import (dialog, &error));
  g_assert_no_error (error);
  imported = dup_family_name (f->store, id);
  g_assert_cmpstr (imported, ==, "Lovelace");
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, f->n_people + 2);
}

int
main (int argc, char **argv)
{
  int status;

  data_dir = test_gui_init (&argc, &argv);
  g_test_add ("/xml-busy/export-then-import", Fixture, &small, fixture_set_up, test_export_then_import, fixture_tear_down);
  g_test_add ("/xml-busy/import-holds-session-window", Fixture, &small, fixture_set_up, test_import_holds_session_window, fixture_tear_down);
  g_test_add ("/xml-busy/import-keeps-typing", Fixture, &small, fixture_set_up, test_import_keeps_typing, fixture_tear_down);
  g_test_add ("/xml-busy/import-conflict", Fixture, &small, fixture_set_up, test_import_conflict, fixture_tear_down);
  g_test_add ("/xml-busy/stop-reading", Fixture, &big, fixture_set_up, test_stop_reading, fixture_tear_down);
  g_test_add ("/xml-busy/stop-export", Fixture, &small, fixture_set_up, test_stop_export, fixture_tear_down);
  g_test_add ("/xml-busy/export-error", Fixture, &small, fixture_set_up, test_export_error, fixture_tear_down);
  status = g_test_run ();
  g_free (data_dir);
  return status;
}
