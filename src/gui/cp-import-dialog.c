/* cp-import-dialog.c — import people and plans from Coplan XML
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All the checking and merging is cp-xml-import's; this window shows
 * its preview or its refusal in words and asks before anything changes.
 *
 * A caseload file can hold thousands of people and take seconds to
 * check, so the steps are:
 *   choose → reading (a worker thread; Stop) → preview → importing,
 * and importing can end on "conflict" (Read the File Again).
 * Reading runs in a worker on a read-only connection of its own: the
 * window's CpStore is the process's one write connection and is not
 * thread-safe, and the main thread uses it at any moment (its lists page
 * rows in lazily, autosave timers write). WAL lets the worker read while
 * the window writes. Importing writes too, in another worker, through a
 * sibling of the window's store that is the only writer while it is
 * open; it applies the preview the worker read as it is, without
 * reading the file again: see import_async().
 */
#include <glib/gi18n.h>

#include "cp-import-dialog.h"
#include "cp-money.h"
#include "cp-session-window.h"
#include "cp-window.h"
/* For cp_person_view_flush(): see flush_open_edits(). */
#include "cp-window-private.h"

struct _CpImportDialog
{
  AdwWindow      parent_instance;

  CpStore       *store;        /* the window's: main thread only */
  CpXmlImport   *preview;      /* the read's result, main thread only; its connection is closed */
  GFile         *file;
  char          *file_name;
  GtkWindow     *parent;       /* borrowed: for the toast afterwards */

  GCancellable  *cancellable;  /* the read under way, or NULL */
  gboolean       importing;    /* the Importing page is up: no closing */
  gboolean       disposed;     /* an import ending now only announces its changes */
  GPtrArray     *held_windows; /* session windows made insensitive while importing */

  /* template children */
  GtkStack      *stack;
  GtkWidget     *cancel_button;
  GtkWidget     *choose_button;
  GtkWidget     *import_button;
  GtkLabel      *error_label;
  GtkLabel      *file_label;
  GtkLabel      *summary_label;
  GtkLabel      *details_label;
  AdwStatusPage *reading_page;
  GtkSpinner    *reading_spinner;
  AdwStatusPage *importing_page;
  GtkLabel      *conflict_label;
  GtkWidget     *read_again_button;
};

G_DEFINE_FINAL_TYPE (CpImportDialog, cp_import_dialog, ADW_TYPE_WINDOW)

/* The Choose page with a note under its button: a problem (in red), or
 * plain news such as "Stopped reading". */
static void
show_choose (CpImportDialog *self, const char *text, gboolean is_problem)
{
  gtk_label_set_text (self->error_label, text ? text : "");
  if (is_problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "choose");
  /* Left to GTK, the focus would land in the selectable note and select it all. */
  gtk_widget_grab_focus (self->choose_button);
}

static void
show_problem (CpImportDialog *self, const char *message)
{
  g_autofree char *text = g_strdup_printf (_("“%s” was not imported.\n\n%s"), self->file_name, message);

  g_clear_object (&self->preview);
  show_choose (self, text, TRUE);
}

static void
show_preview (CpImportDialog *self)
{
  g_autofree char *summary = cp_xml_import_dup_summary (self->preview);
  g_autofree char *details = cp_xml_import_dup_details (self->preview);
  g_autofree char *from = g_strdup_printf (_("From “%s”"), self->file_name);
  gboolean changes = cp_xml_import_has_changes (self->preview);
  /* The first line of the details repeats the summary. */
  const char *rest = strchr (details, '\n');

  gtk_label_set_text (self->file_label, from);
  gtk_label_set_text (self->summary_label, changes
                      ? summary : _("Everything in this file is already here: importing it would change nothing."));
  gtk_label_set_text (self->details_label, rest ? rest + 1 : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (self->import_button, changes);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  /* The next step, rather than the selectable details (GTK would select
   * them all); nothing is imported without a press on it. */
  if (changes)
    gtk_widget_grab_focus (self->import_button);
  else
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

static void
show_reading (CpImportDialog *self)
{
  /* Translators: %s is the file's name. */
  g_autofree char *title = g_strdup_printf (_("Reading “%s”…"), self->file_name);

  adw_status_page_set_title (self->reading_page, title);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_spinner_start (self->reading_spinner);
  gtk_stack_set_visible_child_name (self->stack, "reading");
}

/* Until the import ends the dialog can neither be closed nor cancelled:
 * the import cannot be interrupted once it runs. */
static void
set_importing (CpImportDialog *self, gboolean importing)
{
  self->importing = importing;
  gtk_widget_set_sensitive (self->cancel_button, !importing);
  gtk_widget_set_sensitive (self->import_button, !importing);
  gtk_window_set_deletable (GTK_WINDOW (self), !importing);
}

static void
show_importing (CpImportDialog *self)
{
  guint n = cp_xml_import_count_people (self->preview, CP_XML_CHANGE_ADD) +
            cp_xml_import_count_people (self->preview, CP_XML_CHANGE_UPDATE);
  g_autofree char *count = cp_format_count (n);
  /* Translators: %s is a number of people, such as "1,000". */
  g_autofree char *title = g_strdup_printf (g_dngettext (NULL, "Importing %s person…", "Importing %s people…", n),
                                            count);

  adw_status_page_set_title (self->importing_page, title);
  set_importing (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "importing");
}

/* Nothing was imported: something the import would update was edited
 * here after the file was read (or a record it would add appeared).
 * Only a new read can say what importing would do now. */
static void
show_conflict (CpImportDialog *self, const char *message)
{
  g_clear_object (&self->preview);
  gtk_label_set_text (self->conflict_label, message);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "conflict");
  gtk_widget_grab_focus (self->read_again_button);
}

/* Saving what was typed ------------------------------------------------ */

/* Whatever was typed and still waits for its autosave timer is saved
 * now, in its own transaction. Before reading, so the preview compares
 * the file with it; again before importing, because a plan session
 * window is not blocked by this modal dialog and may have been typed
 * into meanwhile: saved then, such an edit makes the import refuse
 * (CONFLICT) rather than be overwritten. Flushing twice is harmless. */
static void
flush_open_edits (CpImportDialog *self)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (CP_IS_WINDOW (l->data) && cp_window_get_store (l->data) == self->store)
        cp_person_view_flush (CP_WINDOW (l->data)->person_view);
      else if (CP_IS_SESSION_WINDOW (l->data))
        cp_session_window_flush (l->data);
    }
}

/* Reading, in the worker ------------------------------------------------ */

typedef struct
{
  char  *db_path;
  GFile *file;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->db_path);
  g_clear_object (&job->file);
  g_free (job);
}

/* Opens, uses and closes its own read-only connection: SQLite refuses
 * any write through it, so reading cannot change the database. The
 * connection is closed here, in the thread that used it; what goes back
 * to the main thread is the import's data and a reference to that closed
 * store, which cp_xml_import_apply_to() later swaps for the window's.
 * The worker lets go of the import when it returns it, so no two threads
 * ever use it at once. */
static void
read_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ReadJob *job = data;
  GError *error = NULL;
  g_autoptr(CpStore) store = cp_store_open_full (job->db_path, CP_STORE_OPEN_READ_ONLY, 0, &error);
  g_autoptr(CpXmlImport) import = NULL;
  gboolean ok = FALSE;

  if (store != NULL)
    {
      import = cp_xml_import_new (store);
      /* The core reads in one snapshot, so a save in the window meanwhile
       * does not change what it compares against. */
      ok = cp_xml_import_read_file (import, job->file, cancellable, &error);
      cp_store_close (store);
    }
  if (ok)
    g_task_return_pointer (task, g_steal_pointer (&import), g_object_unref);
  else
    g_task_return_error (task, error);
}

/* Reading, back on the main thread ------------------------------------ */

static void
read_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  CpImportDialog *self = CP_IMPORT_DIALOG (source);
  g_autoptr(GTask) outer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpXmlImport) import = g_task_propagate_pointer (G_TASK (result), &error);

  /* Stopped, closed or superseded by another file: the dialog has moved
   * on already, and what this read found is dropped. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Reading was stopped."));
      return;
    }
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->reading_spinner);
  if (import == NULL)
    {
      show_problem (self, error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  g_set_object (&self->preview, import);
  show_preview (self);
  g_task_return_boolean (outer, TRUE);
}

/**
 * cp_import_dialog_read_async:
 *
 * Reads @file as if chosen in the file chooser: the Reading page (with
 * Stop) while a worker checks it against a read-only connection, then
 * the preview, or the problem in words.
 */
void
cp_import_dialog_read_async (CpImportDialog *self, GFile *file, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (CP_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (outer, cp_import_dialog_read_async);
  if (self->importing)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_BUSY, "%s", _("An import is under way."));
      return;
    }
  /* A read still under way is dropped for the new one. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview);
  /* Committed before the worker's snapshot begins, so the preview
   * includes it. */
  flush_open_edits (self);
  g_set_object (&self->file, file);
  g_free (self->file_name);
  self->file_name = g_file_get_basename (file);

  job = g_new0 (ReadJob, 1);
  job->db_path = g_strdup (cp_store_get_path (self->store));
  job->file = g_object_ref (file);
  self->cancellable = g_cancellable_new ();
  show_reading (self);
  task = g_task_new (self, self->cancellable, read_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (task, read_thread);
  g_task_set_task_data (task, job, read_job_free);
  g_task_run_in_thread (task, read_thread);
}

gboolean
cp_import_dialog_read_finish (CpImportDialog *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (CP_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
read_sync_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* For tests: the main loop keeps running while it waits. */
gboolean
cp_import_dialog_set_file (CpImportDialog *self, GFile *file, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (CP_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  cp_import_dialog_read_async (self, file, read_sync_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return cp_import_dialog_read_finish (self, result, error);
}

/* Back to Choose at once. The worker checks the cancellable while the
 * file loads and every few hundred records while it is read, so it ends
 * within milliseconds; it never wrote anything, and its answer (it was
 * cancelled) is dropped. */
void
cp_import_dialog_stop_reading (CpImportDialog *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CP_IS_IMPORT_DIALOG (self));

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->reading_spinner);
  text = g_strdup_printf (_("Stopped reading “%s”. Nothing was imported and nothing has changed."),
                          self->file_name);
  show_choose (self, text, FALSE);
}

static void
stop_clicked_cb (CpImportDialog *self)
{
  cp_import_dialog_stop_reading (self);
}

static void
read_again_clicked_cb (CpImportDialog *self)
{
  if (self->file != NULL)
    cp_import_dialog_read_async (self, self->file, NULL, NULL);
}

/* Choosing a file ---------------------------------------------------- */

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, CpImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      cp_import_dialog_read_async (self, file, NULL, NULL);
    }
  g_object_unref (chooser);
}

static void
choose_clicked_cb (CpImportDialog *self)
{
  g_autoptr(GtkFileFilter) xml = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) any = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Coplan XML File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (xml, _("Coplan XML files"));
  gtk_file_filter_add_pattern (xml, "*.xml");
  gtk_file_filter_add_mime_type (xml, "application/xml");
  gtk_file_filter_set_name (any, _("All files"));
  gtk_file_filter_add_pattern (any, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xml);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), any);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Importing, in a worker ------------------------------------------------ */

static char *
done_text (CpXmlImport *import)
{
  g_autofree char *added = cp_format_count (cp_xml_import_count_people (import, CP_XML_CHANGE_ADD));
  g_autofree char *updated = cp_format_count (cp_xml_import_count_people (import, CP_XML_CHANGE_UPDATE));

  /* Translators: both are numbers of people, such as "1,000". */
  return g_strdup_printf (_("Imported: %s added, %s updated."), added, updated);
}

/* Plan session windows are not blocked by this modal dialog, and they
 * write (autosave, undo). Their typing was saved just before, and while
 * the worker writes the window's store refuses writes (see
 * cp_store_open_sibling()), so they are made insensitive until the
 * import ends rather than have an edit refused half-way through. */
static void
hold_session_windows (CpImportDialog *self)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (CP_IS_SESSION_WINDOW (l->data) && gtk_widget_get_sensitive (l->data))
      {
        gtk_widget_set_sensitive (l->data, FALSE);
        g_ptr_array_add (self->held_windows, g_object_ref (l->data));
      }
}

static void
release_session_windows (CpImportDialog *self)
{
  for (guint i = 0; i < self->held_windows->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->held_windows, i), TRUE);
  g_ptr_array_set_size (self->held_windows, 0);
}

static void
import_failed (CpImportDialog *self, const GError *error)
{
  if (g_error_matches (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_CONFLICT))
    show_conflict (self, error->message);
  else
    show_problem (self, error->message);
}

/* The import has ended, committed (@error NULL) or rolled back. */
static void
finish_import (CpImportDialog *self, GTask *outer, const char *done, const GError *error)
{
  if (self->disposed)
    {
      if (error != NULL)
        g_task_return_error (outer, g_error_copy (error));
      else
        g_task_return_boolean (outer, TRUE);
      return;
    }
  release_session_windows (self);
  set_importing (self, FALSE);
  if (error != NULL)
    {
      import_failed (self, error);
      g_task_return_error (outer, g_error_copy (error));
      return;
    }
  if (self->parent != NULL && CP_IS_WINDOW (self->parent))
    cp_window_add_toast (CP_WINDOW (self->parent), done);
  g_task_return_boolean (outer, TRUE);
  gtk_window_close (GTK_WINDOW (self));
}

/* Announcing the changes, on the main thread -------------------------- */

/* Main-loop time one announcing slice may take, and how many signals
 * go between two looks at the clock. */
#define ANNOUNCE_SLICE_US 5000
#define ANNOUNCE_CLOCK_EVERY 256
/* Below the redraw (GDK_PRIORITY_REDRAW) and input, so the window keeps
 * drawing between slices; above the default idle, where the lists and
 * pages queue their refresh, so each refreshes once, after the last
 * slice, not once per slice. */
#define ANNOUNCE_PRIORITY (GDK_PRIORITY_REDRAW + 10)

/* The worker's commit, told to the window's store as if it had made it:
 * "changed" for every row, in commit order, the same signals a write on
 * the main thread emits, so every list, page and session window reacts
 * as it always does. A large import is 100,000 rows and more, so they
 * go out in slices of a few milliseconds. The window's store is held
 * here, not by the dialog: the announcing finishes even if the dialog
 * is destroyed meanwhile. */
typedef struct
{
  CpStore   *store;
  GPtrArray *changes;   /* table, id, table, id … */
  guint      next;
  GTask     *task;      /* returns when all are out */
} Announcer;

static void
announcer_free (gpointer data)
{
  Announcer *a = data;

  g_clear_object (&a->store);
  g_clear_pointer (&a->changes, g_ptr_array_unref);
  g_free (a);
}

static gboolean
announce_slice_cb (gpointer data)
{
  Announcer *a = data;
  gint64 until = g_get_monotonic_time () + ANNOUNCE_SLICE_US;

  while (a->next + 1 < a->changes->len)
    {
      cp_store_emit_changed (a->store, g_ptr_array_index (a->changes, a->next),
                             g_ptr_array_index (a->changes, a->next + 1));
      a->next += 2;
      if ((a->next / 2) % ANNOUNCE_CLOCK_EVERY == 0 && g_get_monotonic_time () >= until)
        return G_SOURCE_CONTINUE;
    }
  g_task_return_boolean (a->task, TRUE);
  g_clear_object (&a->task);
  return G_SOURCE_REMOVE;
}

static void
announce_changes_async (CpStore *store, GPtrArray *changes, GAsyncReadyCallback callback, gpointer data)
{
  Announcer *a = g_new0 (Announcer, 1);

  a->store = g_object_ref (store);
  a->changes = g_ptr_array_ref (changes);
  a->task = g_task_new (store, NULL, callback, data);
  g_task_set_source_tag (a->task, announce_changes_async);
  g_idle_add_full (ANNOUNCE_PRIORITY, announce_slice_cb, a, announcer_free);
}

/* What an import under way carries from the click to its end. */
typedef struct
{
  CpXmlImport *import;    /* the worker's, which frees it */
  CpStore     *sibling;   /* the worker's while it runs; closed by it */
  CpStore     *store;     /* the window's, to announce the changes on */
  char        *done;      /* the toast, worked out before the import ran */
} ApplyJob;

static void
apply_job_free (gpointer data)
{
  ApplyJob *job = data;

  g_clear_object (&job->import);
  g_clear_object (&job->sibling);
  g_clear_object (&job->store);
  g_free (job->done);
  g_free (job);
}

static void
announced_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GTask) outer = data;
  CpImportDialog *self = g_task_get_source_object (outer);
  ApplyJob *job = g_task_get_task_data (outer);

  finish_import (self, outer, job->done, NULL);
}

/* The worker's end, back on the main thread. Its connection is closed,
 * so the window's store may write again. */
static void
apply_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GTask) outer = data;
  CpImportDialog *self = CP_IMPORT_DIALOG (source);
  ApplyJob *job = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = g_task_propagate_pointer (G_TASK (result), &error);

  if (changes == NULL)
    {
      finish_import (self, outer, job->done, error);
      return;
    }
  announce_changes_async (job->store, changes, announced_cb, g_steal_pointer (&outer));
}

/* Writes through the sibling connection, in ONE transaction (see
 * cp_xml_import_apply()): a failure or a CONFLICT changes nothing. The
 * sibling is closed here, in the thread that used it; what goes back is
 * the list of rows it committed. */
static void
apply_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ApplyJob *job = data;
  GError *error = NULL;
  gboolean ok = cp_xml_import_apply_to (job->import, job->sibling, &error);
  g_autoptr(GPtrArray) changes = cp_store_steal_committed_changes (job->sibling);

  /* The import holds every record it read (146,000 for a caseload of
   * 1,000 people): freed here, that is a quarter of a second the main
   * loop does not spend. This is its only reference. */
  g_clear_object (&job->import);
  cp_store_close (job->sibling);
  if (ok)
    g_task_return_pointer (task, g_steal_pointer (&changes), (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/* Why the import runs in a worker, on a connection of its own.
 *
 * The window's CpStore is main-thread only: its lists page rows in at
 * any moment. Applying a caseload of 1,000 people and 100,000 payments
 * takes seconds, which on the main thread froze the window. So the
 * worker writes through a sibling (cp_store_open_sibling()): a second
 * connection to the same file that shares the process's write lock.
 * Two writers stay one at a time: open edits are saved first, session
 * windows are held, and until the sibling is closed the window's store
 * refuses writes at once, so nothing waits on the import's transaction;
 * reading meanwhile sees the state before it. The worker applies the
 * preview as read (the file is not read again) and the core refuses the
 * whole import (CONFLICT) if anything it would update was edited after
 * the read. Its "changed" signals are kept, not emitted in the worker,
 * and announced on the window's store once it has committed. */
static void
import_async (CpImportDialog *self, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) outer = g_task_new (self, NULL, callback, user_data);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ApplyJob *job;

  g_task_set_source_tag (outer, import_async);
  if (self->preview == NULL || self->cancellable != NULL || self->importing)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s",
                               _("No file has been read for import."));
      return;
    }
  show_importing (self);
  /* Saved in their own transactions before the sibling opens: such an
   * edit then makes the import refuse (CONFLICT) rather than be
   * overwritten, and nothing is left to autosave while it runs. */
  flush_open_edits (self);
  hold_session_windows (self);
  job = g_new0 (ApplyJob, 1);
  job->done = done_text (self->preview);
  job->store = g_object_ref (self->store);
  g_task_set_task_data (outer, job, apply_job_free);
  job->sibling = cp_store_open_sibling (self->store, &error);
  if (job->sibling == NULL)
    {
      finish_import (self, outer, job->done, error);
      return;
    }
  /* The worker's from here: the main thread no longer touches it. */
  job->import = g_steal_pointer (&self->preview);
  task = g_task_new (self, NULL, apply_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (task, apply_thread);
  /* The task's own data are the outer task's: borrowed, not freed here. */
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, apply_thread);
}

static void
import_sync_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* For tests and callers that need the end: the Import button's import,
 * the main loop running (and the Importing page spinning) while it
 * waits. The dialog has closed itself by the time this returns TRUE. */
gboolean
cp_import_dialog_import (CpImportDialog *self, GError **error)
{
  g_autoptr(CpImportDialog) hold = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (CP_IS_IMPORT_DIALOG (self), FALSE);

  hold = g_object_ref (self);
  import_async (self, import_sync_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
import_clicked_cb (CpImportDialog *self)
{
  if (self->preview != NULL && !self->importing)
    import_async (self, NULL, NULL);
}

/* Getters for tests -------------------------------------------------- */

const char *
cp_import_dialog_get_step (CpImportDialog *self)
{
  g_return_val_if_fail (CP_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
cp_import_dialog_get_summary (CpImportDialog *self)
{
  g_return_val_if_fail (CP_IS_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

const char *
cp_import_dialog_get_problem (CpImportDialog *self)
{
  g_return_val_if_fail (CP_IS_IMPORT_DIALOG (self), NULL);
  if (g_strcmp0 (cp_import_dialog_get_step (self), "conflict") == 0)
    return gtk_label_get_text (self->conflict_label);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

gboolean
cp_import_dialog_can_import (CpImportDialog *self)
{
  g_return_val_if_fail (CP_IS_IMPORT_DIALOG (self), FALSE);
  return gtk_widget_get_visible (self->import_button) && gtk_widget_get_sensitive (self->import_button);
}

/* Overrides ------------------------------------------------------------ */

/* Closing stops a read (nothing was written), but never an import. */
static gboolean
cp_import_dialog_close_request (GtkWindow *window)
{
  CpImportDialog *self = CP_IMPORT_DIALOG (window);

  if (self->importing)
    return TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  return GTK_WINDOW_CLASS (cp_import_dialog_parent_class)->close_request (window);
}

static void
cp_import_dialog_dispose (GObject *object)
{
  CpImportDialog *self = CP_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* Destroyed mid-import (closing is refused, destroying is not): the
   * worker still ends, and its changes are still announced. */
  self->disposed = TRUE;
  if (self->held_windows != NULL)
    release_session_windows (self);
  g_clear_pointer (&self->held_windows, g_ptr_array_unref);
  g_clear_object (&self->preview);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_weak_pointer (&self->parent);
  g_clear_pointer (&self->file_name, g_free);
  G_OBJECT_CLASS (cp_import_dialog_parent_class)->dispose (object);
}

static void
cp_import_dialog_class_init (CpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cp_import_dialog_dispose;
  window_class->close_request = cp_import_dialog_close_request;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, details_label);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, reading_page);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, reading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, importing_page);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, read_again_button);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, read_again_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_import_dialog_init (CpImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->held_windows = g_ptr_array_new_with_free_func (g_object_unref);
}

CpImportDialog *
cp_import_dialog_new (GtkWindow *parent, CpStore *store)
{
  CpImportDialog *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  self = g_object_new (CP_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  g_set_weak_pointer (&self->parent, parent);
  return self;
}
