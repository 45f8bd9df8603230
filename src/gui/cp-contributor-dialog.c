/* cp-contributor-dialog.c — "Who is writing today?"
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asked once a sitting, when a plan is first opened. The answer is kept
 * on the store for the session (each window's store: the example never
 * mixes with real records) and is a contributor row, so entries can say
 * who typed them and the audit trail names them.
 */
#include <glib/gi18n.h>

#include "cp-contributor-dialog.h"
#include "cp-plan-entries.h"

#define CURRENT_KEY "cp-current-contributor"
#define ASKED_KEY "cp-contributor-asked"
/* How many earlier writers are offered. */
#define MAX_RECENT 6

struct _CpContributorDialog
{
  AdwMessageDialog parent_instance;

  CpStore         *store;
  GPtrArray       *recent;

  /* template children */
  GtkWidget       *recent_group;
  GtkListBox      *recent_list;
  AdwEntryRow     *name_row;
  AdwEntryRow     *role_row;
  AdwComboRow     *voice_row;
};

G_DEFINE_FINAL_TYPE (CpContributorDialog, cp_contributor_dialog, ADW_TYPE_MESSAGE_DIALOG)

CpContributor *
cp_contributor_dialog_get_current (CpStore *store)
{
  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  return g_object_get_data (G_OBJECT (store), CURRENT_KEY);
}

gboolean
cp_contributor_dialog_was_asked (CpStore *store)
{
  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  return g_object_get_data (G_OBJECT (store), ASKED_KEY) != NULL ||
         cp_contributor_dialog_get_current (store) != NULL;
}

void
cp_contributor_dialog_set_current (CpStore *store, CpContributor *contributor)
{
  g_return_if_fail (CP_IS_STORE (store));
  g_return_if_fail (contributor == NULL || CP_IS_CONTRIBUTOR (contributor));

  g_object_set_data_full (G_OBJECT (store), CURRENT_KEY,
                          contributor ? g_object_ref (contributor) : NULL, g_object_unref);
  if (contributor != NULL)
    cp_store_set_contributor (store, cp_record_get_string (CP_RECORD (contributor), "name"));
  cp_store_emit_changed (store, "contributor", contributor ? cp_record_get_id (CP_RECORD (contributor)) : "");
}

gboolean
cp_contributor_dialog_choose (CpContributorDialog *self, const char *name,
                              const char *role, CpVoice voice)
{
  g_autoptr(CpContributor) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (CP_IS_CONTRIBUTOR_DIALOG (self), FALSE);
  if (*clean == '\0')
    return FALSE;
  c = cp_contributor_sign_in (self->store, clean, role ? role : "", voice, &error);
  if (c == NULL)
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), error->message);
      return FALSE;
    }
  cp_contributor_dialog_set_current (self->store, c);
  return TRUE;
}

static void
cp_contributor_dialog_response (AdwMessageDialog *dialog, const char *response)
{
  CpContributorDialog *self = CP_CONTRIBUTOR_DIALOG (dialog);

  g_object_set_data (G_OBJECT (self->store), ASKED_KEY, GINT_TO_POINTER (1));
  if (g_strcmp0 (response, "choose") == 0)
    cp_contributor_dialog_choose (self, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->role_row)),
                                  adw_combo_row_get_selected (self->voice_row));
  /* libadwaita 1.2 leaves the default handler empty. */
  if (ADW_MESSAGE_DIALOG_CLASS (cp_contributor_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (cp_contributor_dialog_parent_class)->response (dialog, response);
}

static void
name_changed_cb (CpContributorDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "choose", *name != '\0');
}

static void
name_activated_cb (CpContributorDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->role_row));
}

static void
fill_from (CpContributorDialog *self, CpContributor *c)
{
  CpVoice voice;

  g_object_get (c, "voice", &voice, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cp_record_get_string (CP_RECORD (c), "name"));
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), cp_record_get_string (CP_RECORD (c), "role"));
  adw_combo_row_set_selected (self->voice_row, voice);
}

static void
recent_activated_cb (CpContributorDialog *self, GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->recent->len)
    fill_from (self, g_ptr_array_index (self->recent, index));
}

static char *
describe (CpContributor *c)
{
  const char *name = cp_record_get_string (CP_RECORD (c), "name");
  const char *role = cp_record_get_string (CP_RECORD (c), "role");

  /* Translators: a writer in the list of earlier writers, e.g. "Sam Patel (advocate)" */
  return role && *role ? g_strdup_printf (_("%s (%s)"), name, role) : g_strdup (name);
}

/* Newest first, so the people of the last sittings are at the top. */
static int
by_updated_desc (gconstpointer a, gconstpointer b)
{
  return -g_strcmp0 (cp_record_get_updated_at (*(CpRecord **) a),
                     cp_record_get_updated_at (*(CpRecord **) b));
}

static void
load_recent (CpContributorDialog *self)
{
  g_autoptr(CpRecordList) list = cp_record_list_new (self->store, CP_TYPE_CONTRIBUTOR, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->recent, g_list_model_get_item (G_LIST_MODEL (list), i));
  g_ptr_array_sort (self->recent, by_updated_desc);
  if (self->recent->len > MAX_RECENT)
    g_ptr_array_set_size (self->recent, MAX_RECENT);
  for (guint i = 0; i < self->recent->len; i++)
    {
      g_autofree char *text = describe (g_ptr_array_index (self->recent, i));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (self->recent_group, self->recent->len > 0);
}

static void
cp_contributor_dialog_dispose (GObject *object)
{
  CpContributorDialog *self = CP_CONTRIBUTOR_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->recent, g_ptr_array_unref);
  G_OBJECT_CLASS (cp_contributor_dialog_parent_class)->dispose (object);
}

static void
cp_contributor_dialog_class_init (CpContributorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_contributor_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = cp_contributor_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-contributor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpContributorDialog, recent_group);
  gtk_widget_class_bind_template_child (widget_class, CpContributorDialog, recent_list);
  gtk_widget_class_bind_template_child (widget_class, CpContributorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CpContributorDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, CpContributorDialog, voice_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);
}

static void
cp_contributor_dialog_init (CpContributorDialog *self)
{
  self->recent = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cp_contributor_dialog_new (GtkWindow *parent, CpStore *store)
{
  CpContributorDialog *self;
  CpContributor *current;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_CONTRIBUTOR_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load_recent (self);
  current = cp_contributor_dialog_get_current (store);
  if (current != NULL)
    fill_from (self, current);
  else
    adw_combo_row_set_selected (self->voice_row, CP_VOICE_ADVOCATE);
  name_changed_cb (self);
  return GTK_WIDGET (self);
}
