/* cp-export-dialog.c — export this person, the people found or everyone
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As Coplan XML (cp-xml-export), FHIR R4 (cp-fhir-export) or a CSV of
 * payments (cp-payments-csv); the printable plan is the Print menu's. The file goes through g_file_replace,
 * so an existing file is swapped for the new one only when it is whole;
 * a failed export leaves it untouched.
 */
#include <glib/gi18n.h>

#include "cp-export-dialog.h"
#include "cp-window.h"

struct _CpExportDialog
{
  AdwWindow       parent_instance;

  CpStore        *store;
  char           *person_id;
  char           *person_name;
  GtkWindow      *parent;   /* borrowed: for the toast afterwards */

  GStrv           found_ids;  /* the search's people, or NULL */

  /* template children */
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

static gboolean
write_stream (CpExportDialog *self, GOutputStream *out, GError **error)
{
  const char *person[] = { self->person_id, NULL };
  const char *const *ids = person;

  if (exports_everyone (self))
    ids = NULL;
  else if (self->found_ids != NULL && gtk_check_button_get_active (self->found_check))
    ids = (const char *const *) self->found_ids;
  switch (chosen_format (self))
    {
    case FORMAT_FHIR:
      return cp_fhir_export (self->store, ids, out, error);
    case FORMAT_CSV:
      return cp_payments_csv_export (self->store, ids, out, error);
    case FORMAT_XML:
    default:
      return cp_xml_export (self->store, ids, gtk_switch_get_active (self->receipts_switch), out, error);
    }
}

gboolean
cp_export_dialog_write (CpExportDialog *self, GFile *file, GError **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = NULL;

  g_return_val_if_fail (CP_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Private: the file holds health and care records. */
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        NULL, error);
  if (out == NULL)
    return FALSE;
  if (write_stream (self, G_OUTPUT_STREAM (out), error))
    return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
  /* Closing with a cancelled cancellable drops the half-written copy. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
  return FALSE;
}

static void
toast (CpExportDialog *self, const char *text)
{
  if (self->parent != NULL && CP_IS_WINDOW (self->parent))
    cp_window_add_toast (CP_WINDOW (self->parent), text);
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, CpExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_object_unref (chooser);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  name = g_file_get_basename (file);
  if (cp_export_dialog_write (self, file, &error))
    text = g_strdup_printf (_("Exported to “%s”."), name);
  else
    text = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
  toast (self, text);
  gtk_window_close (GTK_WINDOW (self));
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
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, person_check);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, found_row);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, found_check);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, everyone_check);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, receipts_row);
  gtk_widget_class_bind_template_child (widget_class, CpExportDialog, receipts_switch);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
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
