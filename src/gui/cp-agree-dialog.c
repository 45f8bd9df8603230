/* cp-agree-dialog.c — agreeing a plan: who signs, and when
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person themselves is suggested as the first to sign. At least one
 * named signer is needed; the core refuses, in words shown here, a plan
 * with nothing in it or a date that does not exist.
 */
#include <glib/gi18n.h>

#include "cp-agree-dialog.h"
#include "cp-plan-lifecycle.h"

struct _CpAgreeDialog
{
  AdwWindow    parent_instance;

  CpStore     *store;
  char        *plan_id;

  /* template children */
  GtkWidget   *signers_box;
  AdwEntryRow *date_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (CpAgreeDialog, cp_agree_dialog, ADW_TYPE_WINDOW)

enum { AGREED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* One signer is a boxed list of two rows: name and role. */
static GtkWidget *
signer_name_row (GtkWidget *signer)
{
  return gtk_widget_get_first_child (signer);
}

static GtkWidget *
signer_role_row (GtkWidget *signer)
{
  return gtk_widget_get_next_sibling (signer_name_row (signer));
}

static void
remove_clicked_cb (GtkWidget *button, GtkWidget *signer)
{
  GtkWidget *box = gtk_widget_get_parent (signer);

  gtk_box_remove (GTK_BOX (box), signer);
}

void
cp_agree_dialog_add_signer (CpAgreeDialog *self, const char *name, const char *role)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  GtkWidget *role_row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_return_if_fail (CP_IS_AGREE_DIALOG (self));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role_row), _("Role (for example me, my sister, advocate)"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (role_row), role ? role : "");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this signer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this signer"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), list);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (name_row), remove);
  gtk_list_box_append (GTK_LIST_BOX (list), name_row);
  gtk_list_box_append (GTK_LIST_BOX (list), role_row);
  gtk_box_append (GTK_BOX (self->signers_box), list);
}

void
cp_agree_dialog_set_date (CpAgreeDialog *self, const char *typed)
{
  g_return_if_fail (CP_IS_AGREE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), typed);
}

static void
show_error (CpAgreeDialog *self, const char *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
row_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static GArray *
collect_signers (CpAgreeDialog *self)
{
  GArray *signers = g_array_new (FALSE, TRUE, sizeof (CpSigner));

  for (GtkWidget *list = gtk_widget_get_first_child (self->signers_box); list != NULL;
       list = gtk_widget_get_next_sibling (list))
    {
      CpSigner signer = { row_text (signer_name_row (list)), row_text (signer_role_row (list)) };
      g_autofree char *name = g_strstrip (g_strdup (signer.name));

      /* A row left empty is not a signer; one with a role but no name is refused by the core. */
      if (*name == '\0' && *signer.role == '\0')
        continue;
      g_array_append_val (signers, signer);
    }
  return signers;
}

gboolean
cp_agree_dialog_agree (CpAgreeDialog *self)
{
  g_autoptr(GArray) signers = NULL;
  g_autoptr(GDate) date = NULL;
  g_autofree char *iso = NULL;
  g_autoptr(CpPlanVersion) version = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CP_IS_AGREE_DIALOG (self), FALSE);

  date = cp_date_parse_user (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &error);
  if (date == NULL)
    {
      /* Translators: %s explains what is wrong with the date */
      g_autofree char *text = g_strdup_printf (_("The date agreed: %s"), error->message);
      show_error (self, text);
      return FALSE;
    }
  iso = cp_date_to_iso (date);
  signers = collect_signers (self);
  if (signers->len == 0)
    {
      show_error (self, _("Type the name of at least one person who agrees to the plan."));
      return FALSE;
    }
  version = cp_plan_agree (self->store, self->plan_id, (CpSigner *) signers->data, signers->len, iso, &error);
  if (version == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[AGREED], 0, cp_record_get_int64 (CP_RECORD (version), "version"));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
agree_clicked_cb (CpAgreeDialog *self)
{
  cp_agree_dialog_agree (self);
}

static void
add_clicked_cb (CpAgreeDialog *self)
{
  cp_agree_dialog_add_signer (self, NULL, NULL);
  gtk_widget_grab_focus (signer_name_row (gtk_widget_get_last_child (self->signers_box)));
}

static void
cp_agree_dialog_dispose (GObject *object)
{
  CpAgreeDialog *self = CP_AGREE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->plan_id, g_free);
  G_OBJECT_CLASS (cp_agree_dialog_parent_class)->dispose (object);
}

static void
cp_agree_dialog_class_init (CpAgreeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_agree_dialog_dispose;

  /* The plan is agreed: the new version's number. */
  signals[AGREED] = g_signal_new ("agreed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-agree-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpAgreeDialog, signers_box);
  gtk_widget_class_bind_template_child (widget_class, CpAgreeDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CpAgreeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, agree_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_agree_dialog_init (CpAgreeDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
}

GtkWidget *
cp_agree_dialog_new (GtkWindow *parent, CpStore *store, const char *plan_id, const char *person_name)
{
  CpAgreeDialog *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  self = g_object_new (CP_TYPE_AGREE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->plan_id = g_strdup (plan_id);
  /* The person themselves first: it is their plan. */
  cp_agree_dialog_add_signer (self, person_name, _("me"));
  return GTK_WIDGET (self);
}
