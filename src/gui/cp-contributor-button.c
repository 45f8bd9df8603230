/* cp-contributor-button.c — "Writing as Sam (advocate)", in the window's header
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Always shows who is writing, so nobody types under someone else's
 * name; pressing it asks "Who is writing today?" again.
 */
#include <glib/gi18n.h>

#include "cp-contributor-button.h"
#include "cp-contributor-dialog.h"
#include "cp-plan-entries.h"

struct _CpContributorButton
{
  GtkButton         parent_instance;

  CpStore          *store;

  /* template children */
  AdwButtonContent *content;
};

G_DEFINE_FINAL_TYPE (CpContributorButton, cp_contributor_button, GTK_TYPE_BUTTON)

char *
cp_contributor_button_describe (CpContributor *contributor)
{
  g_auto(GStrv) words = NULL;
  const char *role;
  CpVoice voice;

  if (contributor == NULL)
    return g_strdup (_("Who is writing?"));
  words = g_strsplit (cp_record_get_string (CP_RECORD (contributor), "name"), " ", 2);
  role = cp_record_get_string (CP_RECORD (contributor), "role");
  g_object_get (contributor, "voice", &voice, NULL);
  if (role == NULL || *role == '\0')
    role = cp_voice_label (voice);
  /* Translators: in the window's header: a first name and a role, "Writing as Sam (advocate)" */
  return g_strdup_printf (_("Writing as %s (%s)"), words[0] ? words[0] : "", role);
}

static void
update (CpContributorButton *self)
{
  CpContributor *current = self->store ? cp_contributor_dialog_get_current (self->store) : NULL;
  g_autofree char *text = cp_contributor_button_describe (current);

  adw_button_content_set_label (self->content, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
store_changed_cb (CpContributorButton *self, const char *table, const char *id, CpStore *store)
{
  if (g_strcmp0 (table, "contributor") == 0)
    update (self);
}

void
cp_contributor_button_set_store (CpContributorButton *self, CpStore *store)
{
  g_return_if_fail (CP_IS_CONTRIBUTOR_BUTTON (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
cp_contributor_button_clicked (GtkButton *button)
{
  CpContributorButton *self = CP_CONTRIBUTOR_BUTTON (button);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (cp_contributor_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             self->store)));
}

/* The window that holds the button knows the store: asked when the
 * button is shown, since a window's template is built before its store
 * is set. */
static void
cp_contributor_button_map (GtkWidget *widget)
{
  CpContributorButton *self = CP_CONTRIBUTOR_BUTTON (widget);
  GtkRoot *root;
  g_autoptr(CpStore) store = NULL;

  GTK_WIDGET_CLASS (cp_contributor_button_parent_class)->map (widget);
  root = gtk_widget_get_root (widget);
  if (self->store == NULL && root != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (root), "store") != NULL)
    {
      g_object_get (root, "store", &store, NULL);
      if (CP_IS_STORE (store))
        cp_contributor_button_set_store (self, store);
    }
}

static void
cp_contributor_button_dispose (GObject *object)
{
  CpContributorButton *self = CP_CONTRIBUTOR_BUTTON (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_contributor_button_parent_class)->dispose (object);
}

static void
cp_contributor_button_class_init (CpContributorButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_contributor_button_dispose;
  widget_class->map = cp_contributor_button_map;
  GTK_BUTTON_CLASS (klass)->clicked = cp_contributor_button_clicked;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-contributor-button.ui");
}

static void
cp_contributor_button_init (CpContributorButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: GtkButton owns its child, and a second
   * reference held by the template would outlive it. */
  self->content = ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (self)));
  update (self);
}

GtkWidget *
cp_contributor_button_new (void)
{
  return g_object_new (CP_TYPE_CONTRIBUTOR_BUTTON, NULL);
}
