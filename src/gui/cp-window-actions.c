/* cp-window-actions.c — what a caseload window can do
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cp-export-dialog.h"
#include "cp-import-dialog.h"
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
  /* A new person starts with their name, whichever tab was open before. */
  cp_person_view_show_tab (self->person_view, "profile");
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

static void
import_xml_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  CpWindow *self = data;

  cp_person_view_flush (self->person_view);
  gtk_window_present (GTK_WINDOW (cp_import_dialog_new (GTK_WINDOW (self), self->store)));
}

/* The ids of the people the search shows, or NULL when not searching. */
static GStrv
found_people (CpWindow *self)
{
  GListModel *people = G_LIST_MODEL (self->people);
  g_autoptr(GStrvBuilder) ids = NULL;
  guint n;

  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    return NULL;
  ids = g_strv_builder_new ();
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRecord) person = g_list_model_get_item (people, i);

      if (person != NULL)
        g_strv_builder_add (ids, cp_record_get_id (person));
    }
  return g_strv_builder_end (ids);
}

/* Offers the person on show first, the people found by a search, and everyone. */
static void
export_xml_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  CpWindow *self = data;
  const char *person_id = cp_person_view_get_person_id (self->person_view);
  g_auto(GStrv) found = found_people (self);
  CpExportDialog *dialog;

  cp_person_view_flush (self->person_view);
  dialog = cp_export_dialog_new (GTK_WINDOW (self), self->store, person_id);
  cp_export_dialog_set_found (dialog, (const char *const *) found);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry window_actions[] = {
  { .name = "show-person", .activate = show_person_cb, .parameter_type = "s" },
  { .name = "add-person", .activate = add_person_cb },
  { .name = "search", .activate = search_cb },
  { .name = "import-xml", .activate = import_xml_cb },
  { .name = "export-xml", .activate = export_xml_cb },
};

void
_cp_window_actions_init (CpWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions,
                                   G_N_ELEMENTS (window_actions), self);
  _cp_window_print_actions_init (self);
}
