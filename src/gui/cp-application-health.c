/* cp-application-health.c — the start-up check, the daily backup, and
 * what Coplan says when its data file cannot be used
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The check and the backup use their own connections (cp-backup), so
 * they run in a worker thread after the window is shown. Nothing here
 * ever deletes the person's file: a restore moves the damaged one aside.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-application-private.h"

#define BACKUP_EVERY_SECONDS (24 * 60 * 60)

typedef struct
{
  char     *db_path;
  gboolean  damaged;
  char     *damage;        /* why the check failed */
  char     *backup_error;  /* why today's backup failed, or NULL */
} HealthReport;

static void
health_report_free (HealthReport *report)
{
  g_free (report->db_path);
  g_free (report->damage);
  g_free (report->backup_error);
  g_free (report);
}

static gint64
modified_time (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return 0;
  return (gint64) buf.st_mtime;
}

static gboolean
backup_due (const char *db_path)
{
  g_autoptr(GPtrArray) backups = cp_backup_list (db_path);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (backups == NULL || backups->len == 0)
    return TRUE;
  return now - modified_time (g_ptr_array_index (backups, 0)) > BACKUP_EVERY_SECONDS;
}

static void
health_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  HealthReport *report = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  if (!cp_backup_check (report->db_path, FALSE, &error))
    {
      report->damaged = TRUE;
      report->damage = g_strdup (error->message);
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (!g_cancellable_is_cancelled (cancellable) && backup_due (report->db_path))
    {
      backup = cp_backup_rotate (report->db_path, &error);
      if (backup == NULL)
        report->backup_error = g_strdup (error->message);
    }
  g_task_return_boolean (task, TRUE);
}

static void
show_damaged_dialog (CpApplication *self, const char *why);

static void
health_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  CpApplication *self = CP_APPLICATION (source);
  HealthReport *report = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  if (report->damaged)
    show_damaged_dialog (self, report->damage);
  else if (report->backup_error != NULL && self->main_window != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not make today’s backup copy: %s"),
                                               report->backup_error);
      cp_window_add_toast (self->main_window, text);
    }
}

void
_cp_application_start_health_check (CpApplication *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, health_done_cb, NULL);
  HealthReport *report = g_new0 (HealthReport, 1);

  report->db_path = g_strdup (cp_store_get_path (self->store));
  g_task_set_source_tag (task, _cp_application_start_health_check);
  g_task_set_task_data (task, report, (GDestroyNotify) health_report_free);
  g_task_run_in_thread (task, health_thread);
}

static char *
describe_backup_time (const char *backup_path)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (modified_time (backup_path));

  /* Translators: a date and time, e.g. "22 November 2026 at 09:30"; see g_date_time_format() */
  return when ? g_date_time_format (when, _("%-d %B %Y at %H:%M")) : g_strdup ("");
}

static void
close_main_store (CpApplication *self)
{
  if (self->main_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->main_window));
  if (self->store != NULL)
    cp_store_close (self->store);
  g_clear_object (&self->store);
}

/* Puts the newest backup in place of the damaged file and opens it. */
static void
restore_latest_backup (CpApplication *self)
{
  g_autoptr(GPtrArray) backups = cp_backup_list (self->db_path);
  g_autoptr(GError) error = NULL;
  const char *latest;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (backups == NULL || backups->len == 0)
    return;
  latest = g_ptr_array_index (backups, 0);
  when = describe_backup_time (latest);
  g_application_hold (G_APPLICATION (self));
  close_main_store (self);
  if (!cp_backup_restore (self->db_path, latest, &error))
    {
      _cp_application_show_store_error (self, error);
      g_application_release (G_APPLICATION (self));
      return;
    }
  if (_cp_application_open_main_window (self) != NULL)
    {
      /* Translators: %s is when the backup was made, e.g. "22 November 2026 at 09:30" */
      text = g_strdup_printf (_("Restored the backup from %s"), when);
      cp_window_add_toast (self->main_window, text);
    }
  g_application_release (G_APPLICATION (self));
}

static void
restore_idle_cb (gpointer data)
{
  CpApplication *self = data;

  restore_latest_backup (self);
  g_application_release (G_APPLICATION (self));
}

/* The restore destroys the main window, and with it this dialog, which
 * is still emitting "response": so it waits until the dialog is done. */
static void
damaged_response_cb (AdwMessageDialog *dialog, const char *response, CpApplication *self)
{
  if (g_strcmp0 (response, "restore") == 0)
    {
      g_application_hold (G_APPLICATION (self));
      g_idle_add_once (restore_idle_cb, self);
    }
  else if (g_strcmp0 (response, "quit") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
}

static AdwMessageDialog *
new_dialog (CpApplication *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (self->main_window ? GTK_WINDOW (self->main_window) : NULL,
                                              heading, body);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
show_damaged_dialog (CpApplication *self, const char *why)
{
  g_autoptr(GPtrArray) backups = cp_backup_list (self->db_path);
  gboolean can_restore = backups != NULL && backups->len > 0;
  g_autofree char *when = can_restore ? describe_backup_time (g_ptr_array_index (backups, 0)) : NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (can_restore)
    /* Translators: %s is when the backup was made */
    body = g_strdup_printf (_("Coplan found a problem in the file that holds your information. "
                              "You can put back the latest backup copy, made %s. "
                              "Changes made after that will be missing. "
                              "The damaged file is kept, not deleted."), when);
  else
    body = g_strdup (_("Coplan found a problem in the file that holds your information, "
                       "and there is no backup copy to put back. The file has not been changed. "
                       "Please ask someone who looks after your computer for help."));
  dialog = new_dialog (self, _("Coplan’s data file is damaged"), body);
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_set_close_response (dialog, "quit");
  if (can_restore)
    {
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Latest Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
    }
  g_debug ("Damaged: %s", why);
  g_signal_connect_object (dialog, "response", G_CALLBACK (damaged_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_response_cb (AdwMessageDialog *dialog, const char *response, CpApplication *self)
{
  g_application_quit (G_APPLICATION (self));
}

/* A clear sentence for every way opening can fail; never a crash. */
void
_cp_application_show_store_error (CpApplication *self, const GError *error)
{
  AdwMessageDialog *dialog;

  if (g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT))
    {
      show_damaged_dialog (self, error->message);
      return;
    }
  if (g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_BUSY))
    dialog = new_dialog (self, _("Another Coplan is using the data file"),
                         _("Coplan is already open with this file, maybe in another window "
                           "or by another person on this computer. Close the other Coplan first, "
                           "then open Coplan again. Nothing has been changed."));
  else if (g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW))
    dialog = new_dialog (self, _("This data file needs a newer Coplan"),
                         _("It was saved by a newer version of Coplan. Install the newer version "
                           "to open it. Nothing in the file has been changed."));
  else
    {
      dialog = new_dialog (self, _("Coplan could not open its data file"), NULL);
      adw_message_dialog_format_body (dialog, "%s", error->message);
    }
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_set_close_response (dialog, "quit");
  g_signal_connect_object (dialog, "response", G_CALLBACK (quit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
