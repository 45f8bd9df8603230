/* cp-window-actions.c — what a caseload window can do
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cp-window-private.h"

/* A new person has empty names ("New person" until named): show them and
 * put the cursor in the first field. */
static void
add_person_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  CpWindow *self = data;
  g_autoptr(CpPerson) person = cp_person_new ();
  g_autoptr(GError) error = NULL;

  cp_person_view_flush (self->person_view);
  if (!cp_store_insert (self->store, CP_RECORD (person), &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not add a person: %s"), error->message);
      cp_window_add_toast (self, text);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _cp_window_update_pages (self);
  self->selected_hint = 0;
  cp_window_show_person (self, cp_record_get_id (CP_RECORD (person)));
  cp_person_page_focus_first (self->person_page);
}

static void
search_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  CpWindow *self = data;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "caseload") != 0)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Used by the toast that says someone's details are not all saved. */
static void
show_person_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  CpWindow *self = data;

  cp_window_show_person (self, g_variant_get_string (param, NULL));
}

static const GActionEntry window_actions[] = {
  { .name = "show-person", .activate = show_person_cb, .parameter_type = "s" },
  { .name = "add-person", .activate = add_person_cb },
  { .name = "search", .activate = search_cb },
};

void
_cp_window_actions_init (CpWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions,
                                   G_N_ELEMENTS (window_actions), self);
}
