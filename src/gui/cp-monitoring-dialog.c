/* cp-monitoring-dialog.c — choose a quarter and save the monitoring return
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of the chosen quarter are shown in words before saving, so
 * a person sees what the council will see. The file is PDF or CSV.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cp-monitoring-dialog.h"
#include "cp-monitoring-return.h"

#define N_QUARTERS 8

struct _CpMonitoringDialog
{
  AdwWindow           parent_instance;

  CpStore            *store;
  char               *person_id;
  GtkStringList      *quarters;
  CpMonitoringReturn *data;

  /* template children */
  AdwComboRow        *quarter_row;
  GtkLabel           *preview;
  GtkWidget          *pdf_button;
  GtkWidget          *csv_button;
};

G_DEFINE_FINAL_TYPE (CpMonitoringDialog, cp_monitoring_dialog, ADW_TYPE_WINDOW)

static char *
preview_words (const CpMonitoringReturn *data)
{
  g_autofree char *received = cp_money_format (data->received_pence);
  g_autofree char *spent = cp_money_format (data->spent_pence);
  g_autofree char *closing = cp_money_format (data->closing_pence);
  g_autofree char *payments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u payment", "%u payments",
                                                            data->payments->len), data->payments->len);
  g_autofree char *missing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u receipt missing",
                                                           "%u receipts missing", data->n_missing), data->n_missing);

  /* Translators: "Received £3,000.00 (worked out from the agreed amounts), spent £2,400.00,
   * balance £1,800.00 (6.0 weeks of funding). 42 payments, 3 receipts missing." */
  return g_strdup_printf (_("Received %s (worked out from the agreed amounts), spent %s, balance %s "
                            "(%.1f weeks of funding). %s, %s."),
                          received, spent, closing, data->surplus_weeks, payments, missing);
}

static void
update_preview (CpMonitoringDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  const char *quarter = cp_monitoring_dialog_get_quarter (self);

  g_clear_pointer (&self->data, cp_monitoring_return_free);
  if (quarter != NULL)
    self->data = cp_monitoring_return_load (self->store, self->person_id, quarter, &error);
  words = self->data != NULL ? preview_words (self->data) : g_strdup (error != NULL ? error->message : "");
  gtk_label_set_label (self->preview, words);
  gtk_widget_set_sensitive (self->pdf_button, self->data != NULL);
  gtk_widget_set_sensitive (self->csv_button, self->data != NULL);
}

static void
quarter_changed_cb (CpMonitoringDialog *self)
{
  if (self->store != NULL)
    update_preview (self);
}

static void
save_response_cb (GtkNativeDialog *chooser, int response, CpMonitoringDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL && !cp_monitoring_dialog_save (self, path, &error))
    gtk_label_set_label (self->preview, error->message);
  else if (path != NULL)
    {
      g_autofree char *saved = g_strdup_printf (_("Saved to “%s”."), path);
      gtk_label_set_label (self->preview, saved);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_file (CpMonitoringDialog *self, const char *extension)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Save Monitoring Return"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_autofree char *name = g_strdup_printf ("monitoring-return-%s.%s",
                                           cp_monitoring_dialog_get_quarter (self), extension);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_pdf_cb (CpMonitoringDialog *self)
{
  choose_file (self, "pdf");
}

static void
save_csv_cb (CpMonitoringDialog *self)
{
  choose_file (self, "csv");
}

/* The last eight calendar quarters up to today's, newest first. */
static void
fill_quarters (CpMonitoringDialog *self, const char *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *now_iso = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GDate) date = cp_date_parse_iso (today != NULL ? today : now_iso, NULL);

  if (date == NULL)
    date = cp_date_parse_iso (now_iso, NULL);
  g_date_set_day (date, 1);
  for (int i = 0; i < N_QUARTERS; i++)
    {
      g_autofree char *iso = cp_date_to_iso (date);
      g_autofree char *quarter = cp_monitoring_quarter_of (iso);

      gtk_string_list_append (self->quarters, quarter);
      g_date_subtract_months (date, 3);
    }
  adw_combo_row_set_model (self->quarter_row, G_LIST_MODEL (self->quarters));
  /* The last whole quarter is the one usually due. */
  adw_combo_row_set_selected (self->quarter_row, 1);
}

static void
cp_monitoring_dialog_dispose (GObject *object)
{
  CpMonitoringDialog *self = CP_MONITORING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_MONITORING_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->quarters);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->data, cp_monitoring_return_free);
  G_OBJECT_CLASS (cp_monitoring_dialog_parent_class)->dispose (object);
}

static void
cp_monitoring_dialog_class_init (CpMonitoringDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cp_monitoring_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-monitoring-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpMonitoringDialog, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, CpMonitoringDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, CpMonitoringDialog, pdf_button);
  gtk_widget_class_bind_template_child (widget_class, CpMonitoringDialog, csv_button);
  gtk_widget_class_bind_template_callback (widget_class, quarter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_pdf_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_csv_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_monitoring_dialog_init (CpMonitoringDialog *self)
{
  self->quarters = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cp_monitoring_dialog_new (CpStore *store, const char *person_id, const char *today)
{
  CpMonitoringDialog *self;

  g_return_val_if_fail (CP_IS_STORE (store) && person_id != NULL, NULL);

  self = g_object_new (CP_TYPE_MONITORING_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->person_id = g_strdup (person_id);
  fill_quarters (self, today);
  update_preview (self);
  return GTK_WIDGET (self);
}

const char *
cp_monitoring_dialog_get_quarter (CpMonitoringDialog *self)
{
  guint selected;

  g_return_val_if_fail (CP_IS_MONITORING_DIALOG (self), NULL);
  selected = adw_combo_row_get_selected (self->quarter_row);
  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->quarters, selected);
}

const char *
cp_monitoring_dialog_get_preview (CpMonitoringDialog *self)
{
  g_return_val_if_fail (CP_IS_MONITORING_DIALOG (self), NULL);
  return gtk_label_get_label (self->preview);
}

gboolean
cp_monitoring_dialog_save (CpMonitoringDialog *self, const char *path, GError **error)
{
  g_return_val_if_fail (CP_IS_MONITORING_DIALOG (self), FALSE);
  if (self->data == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", gtk_label_get_label (self->preview));
      return FALSE;
    }
  return cp_monitoring_return_write (self->data, path, error);
}
