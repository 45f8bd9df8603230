/* cp-export-dialog.c — export this person, the people found or everyone
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As Coplan XML (cp-xml-export), FHIR R4 (cp-fhir-export) or a CSV of
 * payments (cp-payments-csv); the printable plan is the Print menu's. The file goes through g_file_replace,
 * so an existing file is swapped for the new one only when it is whole;
 * a failed export leaves it untouched.
 *
 * A whole caseload takes seconds to write, so the writing runs in a
 * worker thread (GTask) on its own read-only connection to the same
 * file: the window's CpStore is the process's one write connection, not
 * thread-safe, and stays the main thread's alone (its lists page rows in
 * lazily and its autosave timers write). WAL lets the two read and write
 * side by side; the export sees the last committed state, which is why
 * the window saves what was typed before it opens this dialog.
 */
#include <glib/gi18n.h>

#include "cp-export-dialog.h"
#include "cp-money.h"
#include "cp-export-stream.h"
#include "cp-window.h"

/* How often the busy page says how much has been written. */
#define PROGRESS_INTERVAL_MS 250

struct _CpExportDialog
{
  AdwWindow       parent_instance;

  CpStore        *store;
  char           *person_id;
  char           *person_name;
  GtkWindow      *parent;   /* borrowed: for the toast afterwards */

  GStrv           found_ids;  /* the search's people, or NULL */

  /* While a file is being written: */
  GCancellable   *cancellable;
  struct _ExportJob *job;     /* shared with the worker, for progress */
  guint           progress_source;

  /* template children */
  GtkStack       *stack;
  GtkWidget      *export_button;
  AdwStatusPage  *busy_page;
  GtkSpinner     *busy_spinner;
  GtkLabel       *problem_label;
  AdwActionRow   *person_row;
  GtkCheckButton *person_check;
  AdwActionRow   *found_row;
  GtkCheckButton *found_check;
  GtkCheckButton *everyone_check;
  AdwComboRow    *format_row;
  AdwActionRow   *receipts_row;
  GtkSwitch      *receipts_switch;
};

/* In the order of the format row's list. */
typedef enum
{
  FORMAT_XML,
  FORMAT_FHIR,
  FORMAT_CSV,
} Format;

static const struct
{
  const char *extension;
  const char *chooser_title;
} formats[] = {
  [FORMAT_XML] = { "xml", N_("Export as Coplan XML") },
  [FORMAT_FHIR] = { "fhir.xml", N_("Export as FHIR") },
  [FORMAT_CSV] = { "csv", N_("Export Payments as CSV") },
};

G_DEFINE_FINAL_TYPE (CpExportDialog, cp_export_dialog, ADW_TYPE_WINDOW)

static gboolean
exports_everyone (CpExportDialog *self)
{
  return self->person_id == NULL || gtk_check_button_get_active (self->everyone_check);
}

static Format
chosen_format (CpExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->format_row), FORMAT_CSV);
}

/* Everything the worker needs, copied from the dialog on the main
 * thread, so the worker never touches a widget or the window's store.
 * Reference-counted (g_atomic_rc_box): the dialog reads @written for
 * its progress text while the worker runs. */
typedef struct _ExportJob
{
  char     *db_path;
  GStrv     ids;            /* NULL: the whole caseload */
  Format    format;
  gboolean  with_receipts;
  GFile    *file;
  gsize     written;        /* bytes so far; atomic */
} ExportJob;

static void
export_job_clear (gpointer data)
{
  ExportJob *job = data;

  g_free (job->db_path);
  g_strfreev (job->ids);
  g_clear_object (&job->file);
}

static void
export_job_unref (gpointer job)
{
  g_atomic_rc_box_release_full (job, export_job_clear);
}

static GStrv
chosen_ids (CpExportDialog *self)
{
  const char *person[] = { self->person_id, NULL };

  if (exports_everyone (self))
    return NULL;
  if (self->found_ids != NULL && gtk_check_button_get_active (self->found_check))
    return g_strdupv (self->found_ids);
  return g_strdupv ((char **) person);
}

static ExportJob *
export_job_new (CpExportDialog *self, GFile *file)
{
  ExportJob *job = g_atomic_rc_box_new0 (ExportJob);

  job->db_path = g_strdup (cp_store_get_path (self->store));
  job->ids = chosen_ids (self);
  job->format = chosen_format (self);
  job->with_receipts = gtk_switch_get_active (self->receipts_switch);
  job->file = g_object_ref (file);
  return job;
}

/* In the worker. */
static gboolean
write_stream (ExportJob *job, CpStore *store, GOutputStream *out, GError **error)
{
  const char *const *ids = (const char *const *) job->ids;

  switch (job->format)
    {
    case FORMAT_FHIR:
      return cp_fhir_export (store, ids, out, error);
    case FORMAT_CSV:
      return cp_payments_csv_export (store, ids, out, error);
    case FORMAT_XML:
    default:
      return cp_xml_export (store, ids, job->with_receipts, out, error);
    }
}

/* In the worker. The file is replaced only once it is whole: closing
 * with a cancelled cancellable drops g_file_replace's temporary copy. */
static gboolean
write_file (ExportJob *job, CpStore *store, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFileOutputStream) file_out = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = NULL;

  /* Private: the file holds health and care records. */
  file_out = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                             cancellable, error);
  if (file_out == NULL)
    return FALSE;
  /* The exporters take no cancellable: this stream stops them. */
  out = cp_export_stream_new (G_OUTPUT_STREAM (file_out), cancellable, &job->written);
  if (write_stream (job, store, out, error) &&
      g_output_stream_flush (out, cancellable, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (file_out), cancellable, error))
    return TRUE;
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (file_out), abandon, NULL);
  return FALSE;
}

/* In the worker: its own read-only connection, opened and closed here. */
static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportJob *job = data;
  GError *error = NULL;
  g_autoptr(CpStore) store = cp_store_open_full (job->db_path, CP_STORE_OPEN_READ_ONLY, 0, &error);
  /* Not @cancellable: cancelled, it would answer "no such file" and the
   * clean-up below would delete the person's existing file. */
  gboolean existed = g_file_query_exists (job->file, NULL);
  gboolean ok = store != NULL && write_file (job, store, cancellable, &error);

  if (store != NULL)
    cp_store_close (store);
  /* A new file is written in place, not through a temporary copy, so a
   * stopped or failed export would leave half a file behind. */
  if (!ok && !existed)
    g_file_delete (job->file, NULL, NULL);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* "Exporting 1,000 people…", "Exporting Sam Patel…" */
static char *
busy_title (CpExportDialog *self, ExportJob *job)
{
  g_autofree char *count = NULL;
  guint n;

  if (job->ids == NULL)
    n = (guint) cp_store_count (self->store, CP_TYPE_PERSON, NULL);
  else
    n = g_strv_length (job->ids);
  if (n == 1 && job->ids != NULL && self->person_name != NULL && g_strcmp0 (job->ids[0], self->person_id) == 0)
    return g_strdup_printf (_("Exporting %s…"), self->person_name);
  count = cp_format_count (n);
  /* Translators: %s is a count such as "1,000". */
  return g_strdup_printf (g_dngettext (NULL, "Exporting %s person…", "Exporting %s people…", n), count);
}

static gboolean
progress_cb (gpointer data)
{
  CpExportDialog *self = data;
  gsize written = (gsize) g_atomic_pointer_get (&self->job->written);
  g_autofree char *size = g_format_size (written);
  g_autofree char *name = g_file_get_basename (self->job->file);
  /* Translators: "12.3 MB written to “caseload.xml” so far." */
  g_autofree char *text = g_strdup_printf (_("%s written to “%s” so far."), size, name);

  adw_status_page_set_description (self->busy_page, text);
  return G_SOURCE_CONTINUE;
}

/* The busy page: a spinner, the bytes written, and a way to stop. */
static void
show_busy (CpExportDialog *self, ExportJob *job)
{
  g_autofree char *title = busy_title (self, job);

  self->job = g_atomic_rc_box_acquire (job);
  adw_status_page_set_title (self->busy_page, title);
  adw_status_page_set_description (self->busy_page, _("Starting…"));
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_spinner_start (self->busy_spinner);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, progress_cb, self);
}

static void
end_busy (CpExportDialog *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->job, export_job_unref);
  g_clear_object (&self->cancellable);
}

static void
show_options (CpExportDialog *self, const char *problem)
{
  gtk_spinner_stop (self->busy_spinner);
  gtk_widget_set_sensitive (self->export_button, TRUE);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_stack_set_visible_child_name (self->stack, "options");
}

/* Back to the choices, saying in words what went wrong or that nothing
 * was written; the caller's callback hears the same. */
static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  CpExportDialog *self = CP_EXPORT_DIALOG (source);
  g_autoptr(GTask) outer = data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *problem = NULL;

  /* Closed, or stopped and started again: nothing here is ours to show. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_task_propagate_boolean (G_TASK (result), &error);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The export was stopped."));
      return;
    }
  end_busy (self);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_options (self, NULL);
      g_task_return_boolean (outer, TRUE);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    problem = g_strdup_printf (_("Export stopped. Nothing was written to “%s”."), name);
  else
    problem = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
  show_options (self, problem);
  g_task_return_error (outer, g_steal_pointer (&error));
}

/**
 * cp_export_dialog_write_async:
 *
 * Writes the chosen people to @file as the save dialog's answer does, in
 * a worker thread, while the dialog shows a busy page with a Stop
 * button. Afterwards the choices are shown again, with the problem in
 * words if it failed.
 */
void
cp_export_dialog_write_async (CpExportDialog *self, GFile *file, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (CP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (outer, cp_export_dialog_write_async);
  if (self->cancellable != NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_PENDING, "%s", _("An export is already running."));
      return;
    }
  self->cancellable = g_cancellable_new ();
  job = export_job_new (self, file);
  show_busy (self, job);
  task = g_task_new (self, self->cancellable, export_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (task, export_thread);
  g_task_set_task_data (task, job, export_job_unref);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cp_export_dialog_write_finish (CpExportDialog *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (CP_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
write_sync_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* For tests: the main loop keeps running while it waits, so the dialog
 * draws and a timeout can watch it. */
gboolean
cp_export_dialog_write (CpExportDialog *self, GFile *file, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (CP_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  cp_export_dialog_write_async (self, file, write_sync_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return cp_export_dialog_write_finish (self, result, error);
}

/* The worker stops at its next write; a replaced file stays as it was. */
void
cp_export_dialog_stop (CpExportDialog *self)
{
  g_return_if_fail (CP_IS_EXPORT_DIALOG (self));
  g_cancellable_cancel (self->cancellable);
}

gboolean
cp_export_dialog_is_busy (CpExportDialog *self)
{
  g_return_val_if_fail (CP_IS_EXPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

const char *
cp_export_dialog_get_problem (CpExportDialog *self)
{
  g_return_val_if_fail (CP_IS_EXPORT_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->problem_label)) ? gtk_label_get_text (self->problem_label) : NULL;
}

static void
stop_clicked_cb (CpExportDialog *self)
{
  cp_export_dialog_stop (self);
}

static void
toast (CpExportDialog *self, const char *text)
{
  if (self->parent != NULL && CP_IS_WINDOW (self->parent))
    cp_window_add_toast (CP_WINDOW (self->parent), text);
}

/* The save dialog's answer: on success the window says where the file
 * went and this dialog closes; otherwise it stays, saying why. */
static void
chooser_export_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  CpExportDialog *self = CP_EXPORT_DIALOG (source);
  g_autoptr(GFile) file = data;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  if (!cp_export_dialog_write_finish (self, result, NULL))
    return;
  text = g_strdup_printf (_("Exported to “%s”."), name);
  toast (self, text);
  gtk_window_close (GTK_WINDOW (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, CpExportDialog *self)
{
  GFile *file;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_object_unref (chooser);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  cp_export_dialog_write_async (self, file, chooser_export_done_cb, file);
}

/* "coplan-Sam-Patel-2026-05-01.xml", "coplan-caseload-2026-05-01.csv" */
static char *
suggested_name (CpExportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *who = NULL;

  if (exports_everyone (self) || self->person_name == NULL)
    who = g_strdup (_("caseload"));
  else if (self->found_ids != NULL && gtk_check_button_get_active (self->found_check))
    who = g_strdup (_("search"));
  else
    who = g_strdup (self->person_name);
  g_strdelimit (who, " /\\:", '-');
  return g_strdup_printf ("coplan-%s-%s.%s", who, day, formats[chosen_format (self)].extension);
}

static void
export_clicked_cb (CpExportDialog *self)
{
  g_autofree char *name = suggested_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_(formats[chosen_format (self)].chooser_title), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
cp_export_dialog_set_everyone (CpExportDialog *self, gboolean everyone)
{
  g_return_if_fail (CP_IS_EXPORT_DIALOG (self));
  gtk_check_button_set_active (everyone ? self->everyone_check : self->person_check, TRUE);
}

void
cp_export_dialog_set_format (CpExportDialog *self, guint format)
{
  g_return_if_fail (CP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= FORMAT_CSV);
  adw_combo_row_set_selected (self->format_row, format);
}

/* Offers "the people found by the search" and picks it. */
void
cp_export_dialog_set_found (CpExportDialog *self, const char *const *person_ids)
{
  g_return_if_fail (CP_IS_EXPORT_DIALOG (self));

  g_clear_pointer (&self->found_ids, g_strfreev);
  gtk_widget_set_visible (GTK_WIDGET (self->found_row), person_ids != NULL && person_ids[0] != NULL);
  if (person_ids == NULL || person_ids[0] == NULL)
    return;
  self->found_ids = g_strdupv ((char **) person_ids);
  {
    guint n = g_strv_length (self->found_ids);
    g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%u person", "%u people", n), n);
    adw_action_row_set_subtitle (self->found_row, count);
  }
  gtk_check_button_set_active (self->found_check, TRUE);
}

void
cp_export_dialog_set_receipts (CpExportDialog *self, gboolean with_receipts)
{
  g_return_if_fail (CP_IS_EXPORT_DIALOG (self));
  gtk_switch_set_active (self->receipts_switch, with_receipts);
}

static void
cp_export_dialog_dispose (GObject *object)
{
  CpExportDialog *self = CP_EXPORT_DIALOG (object);

  /* A closed dialog stops its export: nothing half-written is kept. */
  g_cancellable_cancel (self->cancellable);
  end_busy (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->found_ids, g_strfreev);
  g_clear_weak_pointer (&self->parent);
  G_OBJECT_CLASS (cp_export_dialog_parent_class)->dispose (object);
}

static void
cp_export_dialog_class_init (CpExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_export_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, busy_page);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, person_check);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, found_row);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, found_check);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, everyone_check);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, receipts_row);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, receipts_switch);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Receipt files travel only in Coplan XML. */
static void
format_changed_cb (CpExportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->receipts_row), chosen_format (self) == FORMAT_XML);
}

static void
cp_export_dialog_init (CpExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb), self);
}

/* The person's name on their row; without a person only "everyone". */
static void
show_person (CpExportDialog *self)
{
  g_autoptr(CpPerson) person = NULL;

  if (self->person_id != NULL)
    person = cp_store_load (self->store, CP_TYPE_PERSON, self->person_id, NULL);
  if (person == NULL)
    {
      g_clear_pointer (&self->person_id, g_free);
      gtk_widget_set_visible (GTK_WIDGET (self->person_row), FALSE);
      gtk_check_button_set_active (self->everyone_check, TRUE);
      return;
    }
  self->person_name = cp_person_dup_display_name (person);
  adw_action_row_set_subtitle (self->person_row, self->person_name);
}

CpExportDialog *
cp_export_dialog_new (GtkWindow *parent, CpStore *store, const char *person_id)
{
  CpExportDialog *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  self = g_object_new (CP_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->person_id = g_strdup (person_id);
  g_set_weak_pointer (&self->parent, parent);
  show_person (self);
  return self;
}
