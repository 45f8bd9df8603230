/* cp-import-dialog.c — import people and plans from Coplan XML
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All the checking and merging is cp-xml-import's; this window shows
 * its preview or its refusal in words and asks before anything changes.
 */
#include <glib/gi18n.h>

#include "cp-import-dialog.h"
#include "cp-window.h"

struct _CpImportDialog
{
  AdwWindow    parent_instance;

  CpStore     *store;
  CpXmlImport *import;
  GtkWindow   *parent;   /* borrowed: for the toast afterwards */
  char        *file_name;

  /* template children */
  GtkStack    *stack;
  GtkWidget   *import_button;
  GtkLabel    *error_label;
  GtkLabel    *file_label;
  GtkLabel    *summary_label;
  GtkLabel    *details_label;
};

G_DEFINE_FINAL_TYPE (CpImportDialog, cp_import_dialog, ADW_TYPE_WINDOW)

static void
show_problem (CpImportDialog *self, const char *file_name, const char *message)
{
  g_autofree char *text = g_strdup_printf (_("“%s” was not imported.\n\n%s"), file_name, message);

  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

static void
show_preview (CpImportDialog *self, const char *file_name)
{
  g_autofree char *summary = cp_xml_import_dup_summary (self->import);
  g_autofree char *details = cp_xml_import_dup_details (self->import);
  g_autofree char *from = g_strdup_printf (_("From “%s”"), file_name);
  /* The first line of the details repeats the summary. */
  const char *rest = strchr (details, '\n');

  gtk_label_set_text (self->file_label, from);
  gtk_label_set_text (self->summary_label, cp_xml_import_has_changes (self->import)
                      ? summary : _("Everything in this file is already here: importing it would change nothing."));
  gtk_label_set_text (self->details_label, rest ? rest + 1 : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (self->import_button, cp_xml_import_has_changes (self->import));
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

gboolean
cp_import_dialog_set_file (CpImportDialog *self, GFile *file, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CP_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  g_free (self->file_name);
  self->file_name = g_strdup (name);
  if (!cp_xml_import_read_file (self->import, file, NULL, &local_error))
    {
      show_problem (self, name, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_preview (self, name);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, CpImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      cp_import_dialog_set_file (self, file, NULL);
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

static char *
done_text (CpXmlImport *import)
{
  guint added = cp_xml_import_count_people (import, CP_XML_CHANGE_ADD);
  guint updated = cp_xml_import_count_people (import, CP_XML_CHANGE_UPDATE);

  return g_strdup_printf (_("Imported: %u added, %u updated."), added, updated);
}

gboolean
cp_import_dialog_import (CpImportDialog *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *done = NULL;

  g_return_val_if_fail (CP_IS_IMPORT_DIALOG (self), FALSE);

  done = done_text (self->import);
  if (!cp_xml_import_apply (self->import, &local_error))
    {
      show_problem (self, self->file_name, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (self->parent != NULL && CP_IS_WINDOW (self->parent))
    cp_window_add_toast (CP_WINDOW (self->parent), done);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
import_clicked_cb (CpImportDialog *self)
{
  cp_import_dialog_import (self, NULL);
}

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
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

gboolean
cp_import_dialog_can_import (CpImportDialog *self)
{
  g_return_val_if_fail (CP_IS_IMPORT_DIALOG (self), FALSE);
  return gtk_widget_get_visible (self->import_button);
}

static void
cp_import_dialog_dispose (GObject *object)
{
  CpImportDialog *self = CP_IMPORT_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->parent);
  g_clear_pointer (&self->file_name, g_free);
  G_OBJECT_CLASS (cp_import_dialog_parent_class)->dispose (object);
}

static void
cp_import_dialog_class_init (CpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_import_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CpImportDialog, details_label);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_import_dialog_init (CpImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CpImportDialog *
cp_import_dialog_new (GtkWindow *parent, CpStore *store)
{
  CpImportDialog *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  self = g_object_new (CP_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->import = cp_xml_import_new (store);
  g_set_weak_pointer (&self->parent, parent);
  return self;
}
