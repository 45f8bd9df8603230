/* cp-receipt-viewer.c — looking at a receipt kept with a payment
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pictures are shown in the window itself. GTK 4.8 cannot draw a PDF,
 * so a PDF is written to a private temporary file and handed to the
 * desktop's document viewer (GtkFileLauncher is GTK 4.10).
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-receipt-viewer.h"

struct _CpReceiptViewer
{
  AdwWindow       parent_instance;

  CpStore        *store;
  CpReceipt      *receipt;

  /* template children */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkPicture     *picture;
  GtkLabel       *file_label;
  GtkButton      *open_button;
  GtkButton      *remove_button;
};

G_DEFINE_FINAL_TYPE (CpReceiptViewer, cp_receipt_viewer, ADW_TYPE_WINDOW)

static void
show_error (CpReceiptViewer *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Only letters, digits, dots, dashes and underscores from a stored name. */
static char *
safe_name (CpReceipt *receipt)
{
  const char *mime = cp_record_get_string (CP_RECORD (receipt), "mime-type");
  const char *name = cp_record_get_string (CP_RECORD (receipt), "filename");
  g_autofree char *base = g_path_get_basename (name && *name ? name : "receipt");
  const char *extension = g_strcmp0 (mime, "application/pdf") == 0 ? ".pdf"
                        : g_strcmp0 (mime, "image/jpeg") == 0 ? ".jpg"
                        : g_strcmp0 (mime, "image/gif") == 0 ? ".gif"
                        : g_strcmp0 (mime, "image/webp") == 0 ? ".webp" : ".png";

  g_strcanon (base, G_CSET_A_2_Z G_CSET_a_2_z G_CSET_DIGITS "-_.", '_');
  if (*base == '.')
    *base = '_';
  return g_str_has_suffix (base, extension) ? g_steal_pointer (&base) : g_strconcat (base, extension, NULL);
}

GFile *
cp_receipt_viewer_open_in_app (CpReceipt *receipt, gboolean launch, GError **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (CP_IS_RECEIPT (receipt), NULL);

  g_object_get (receipt, "data", &data, NULL);
  if (data == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This receipt holds no file."));
      return NULL;
    }
  /* A folder only this user can read: receipts are private. */
  dir = g_dir_make_tmp ("coplan-receipt-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  name = safe_name (receipt);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_set_contents_full (path, g_bytes_get_data (data, NULL), (gssize) g_bytes_get_size (data),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  uri = g_filename_to_uri (path, NULL, error);
  if (uri == NULL)
    return NULL;
  if (launch && !g_app_info_launch_default_for_uri (uri, NULL, error))
    return NULL;
  return g_file_new_for_path (path);
}

static void
open_clicked_cb (CpReceiptViewer *self, GtkButton *button)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = cp_receipt_viewer_open_in_app (self->receipt, TRUE, &error);

  if (file == NULL)
    show_error (self, _("The Receipt Could Not Be Opened"), error->message);
}

static void
remove_response_cb (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  CpReceiptViewer *self = CP_RECEIPT_VIEWER (data);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!cp_receipts_remove (self->store, cp_record_get_id (CP_RECORD (self->receipt)), &error))
    show_error (self, _("The Receipt Was Not Removed"), error->message);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
remove_clicked_cb (CpReceiptViewer *self, GtkButton *button)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove This Receipt?"),
                                              _("The payment stays; only the receipt is taken off it."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_receipt (CpReceiptViewer *self)
{
  const char *mime = cp_record_get_string (CP_RECORD (self->receipt), "mime-type");
  const char *name = cp_record_get_string (CP_RECORD (self->receipt), "filename");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gtk_label_set_label (self->file_label, name && *name ? name : _("Receipt"));
  g_object_get (self->receipt, "data", &data, NULL);
  if (cp_receipts_is_image (mime) && data != NULL)
    texture = gdk_texture_new_from_bytes (data, NULL);
  if (texture != NULL)
    {
      gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name && *name ? name : _("Receipt"), -1);
      gtk_stack_set_visible_child_name (self->stack, "picture");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "document");
}

const char *
cp_receipt_viewer_get_shown (CpReceiptViewer *self)
{
  g_return_val_if_fail (CP_IS_RECEIPT_VIEWER (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
cp_receipt_viewer_dispose (GObject *object)
{
  CpReceiptViewer *self = CP_RECEIPT_VIEWER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->receipt);
  G_OBJECT_CLASS (cp_receipt_viewer_parent_class)->dispose (object);
}

static void
cp_receipt_viewer_class_init (CpReceiptViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_receipt_viewer_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-receipt-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, CpReceiptViewer, window_title);
  gtk_widget_class_bind_template_child (widget_class, CpReceiptViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, CpReceiptViewer, picture);
  gtk_widget_class_bind_template_child (widget_class, CpReceiptViewer, file_label);
  gtk_widget_class_bind_template_child (widget_class, CpReceiptViewer, open_button);
  gtk_widget_class_bind_template_child (widget_class, CpReceiptViewer, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_receipt_viewer_init (CpReceiptViewer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CpReceiptViewer *
cp_receipt_viewer_new (GtkWindow *parent, CpStore *store, CpReceipt *receipt, const char *title)
{
  CpReceiptViewer *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (CP_IS_RECEIPT (receipt), NULL);

  self = g_object_new (CP_TYPE_RECEIPT_VIEWER, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->receipt = g_object_ref (receipt);
  if (title != NULL)
    adw_window_title_set_subtitle (self->window_title, title);
  show_receipt (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->open_button));
  return self;
}
