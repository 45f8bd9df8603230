/* cp-network-page.c — the Support Network tab: relationship circle and list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is where people are added and edited (saved as typed, through
 * CpRecordEditor); the circle beside it is drawn from the same records in
 * memory, so it follows every change before it is even stored.
 */
#include <glib/gi18n.h>

#include "cp-network-page.h"
#include "cp-record-tab.h"

struct _CpNetworkPage
{
  AdwBin          parent_instance;

  CpRecordTab     tab;
  char           *person_name;

  /* template children */
  CpCircleView   *circle;
  GtkListBox     *list;
  GtkWidget      *add_button;
  GtkBox         *flow;
  GtkWidget      *clamp;
  guint           turn_source;
};

/* Below this width the circle goes above the list. */
#define WIDE_ENOUGH 720

static void cp_network_page_tab_init (CpPersonTabInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpNetworkPage, cp_network_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CP_TYPE_PERSON_TAB, cp_network_page_tab_init))

static CpSupportMember *
row_member (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cp-member");
}

static int
enum_value (CpRecord *record, const char *property)
{
  int value = 0;

  g_object_get (record, property, &value, NULL);
  return value;
}

static void
update_row_text (GtkWidget *row)
{
  CpRecord *member = CP_RECORD (row_member (row));
  const char *name = cp_record_get_string (member, "name");
  const char *relationship = cp_record_get_string (member, "relationship");
  int role = enum_value (member, "role");
  GString *subtitle = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name && *name ? name : _("Someone not named yet"));
  if (relationship && *relationship)
    g_string_append_printf (subtitle, "%s · ", relationship);
  g_string_append (subtitle, cp_support_circle_ring_label (enum_value (member, "circle")));
  if (role != CP_SUPPORT_ROLE_NONE)
    g_string_append_printf (subtitle, " · %s", cp_support_role_label (role));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
  g_string_free (subtitle, TRUE);
}

/* The circle is drawn from the rows' records, in list order. */
static void
update_circle (CpNetworkPage *self)
{
  g_autoptr(GArray) members = g_array_new (FALSE, TRUE, sizeof (CpCircleMember));
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);
      CpCircleMember member;

      if (row == NULL)
        break;
      member.name = cp_record_get_string (CP_RECORD (row_member (GTK_WIDGET (row))), "name");
      member.circle = enum_value (CP_RECORD (row_member (GTK_WIDGET (row))), "circle");
      member.role = enum_value (CP_RECORD (row_member (GTK_WIDGET (row))), "role");
      g_array_append_val (members, member);
    }
  cp_circle_view_set_members (self->circle, self->person_name,
                              (CpCircleMember *) members->data, members->len);
  cp_circle_view_set_selected (self->circle, selected ? gtk_list_box_row_get_index (selected) : -1);
}

static void
editor_changed_cb (CpNetworkPage *self, CpRecord *record)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        break;
      if (CP_RECORD (row_member (GTK_WIDGET (row))) == record)
        update_row_text (GTK_WIDGET (row));
    }
  update_circle (self);
}

static void
add_entry (CpNetworkPage *self, AdwExpanderRow *row, CpRecord *member, const char *property,
           const char *title, CpPersonFieldKind kind)
{
  cp_record_tab_add_entry (&self->tab, row, member, property, title, kind);
}

static void remove_clicked_cb (GtkButton *button, CpNetworkPage *self);

static GtkWidget *
remove_row (CpNetworkPage *self, GtkWidget *expander)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Remove from Network…"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  g_object_set_data (G_OBJECT (button), "cp-row", expander);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_widget_set_sensitive (button, !cp_record_editor_get_read_only (self->tab.editor));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
build_row (CpNetworkPage *self, CpSupportMember *member)
{
  const char *rings[] = { cp_support_circle_ring_label (CP_CIRCLE_CLOSE_FAMILY),
                          cp_support_circle_ring_label (CP_CIRCLE_FRIENDS_FAMILY),
                          cp_support_circle_ring_label (CP_CIRCLE_COMMUNITY),
                          cp_support_circle_ring_label (CP_CIRCLE_PAID), NULL };
  const char *roles[] = { cp_support_role_label (CP_SUPPORT_ROLE_NONE),
                          cp_support_role_label (CP_SUPPORT_ROLE_CARER),
                          cp_support_role_label (CP_SUPPORT_ROLE_NOMINEE),
                          cp_support_role_label (CP_SUPPORT_ROLE_ADVOCATE),
                          cp_support_role_label (CP_SUPPORT_ROLE_PAID), NULL };
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  CpRecord *record = CP_RECORD (member);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "cp-member", g_object_ref (member), g_object_unref);
  add_entry (self, row, record, "name", _("Name"), CP_PERSON_FIELD_TEXT);
  add_entry (self, row, record, "relationship", _("Relationship (mum, neighbour, support worker …)"),
             CP_PERSON_FIELD_TEXT);
  adw_expander_row_add_row (row, GTK_WIDGET (cp_record_editor_add_choice (self->tab.editor, record, "circle",
                                                                          _("Ring of the circle"), rings)));
  adw_expander_row_add_row (row, GTK_WIDGET (cp_record_editor_add_choice (self->tab.editor, record, "role",
                                                                          _("Role"), roles)));
  add_entry (self, row, record, "phone", _("Phone"), CP_PERSON_FIELD_PHONE);
  add_entry (self, row, record, "email", _("Email"), CP_PERSON_FIELD_EMAIL);
  add_entry (self, row, record, "notes", _("Notes"), CP_PERSON_FIELD_TEXT);
  adw_expander_row_add_row (row, remove_row (self, GTK_WIDGET (row)));
  update_row_text (GTK_WIDGET (row));
  return GTK_WIDGET (row);
}

static void
remove_all_rows (CpNetworkPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL &&
         GTK_IS_LIST_BOX_ROW (child) && row_member (child) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
rebuild (CpNetworkPage *self, const char *open_id)
{
  g_autoptr(CpRecordList) members = NULL;

  cp_record_editor_clear (self->tab.editor);
  remove_all_rows (self);
  if (self->tab.store != NULL && self->tab.person_id != NULL)
    members = cp_record_list_new (self->tab.store, CP_TYPE_SUPPORT_MEMBER, self->tab.person_id);
  for (guint i = 0; members && i < g_list_model_get_n_items (G_LIST_MODEL (members)); i++)
    {
      g_autoptr(CpSupportMember) member = g_list_model_get_item (G_LIST_MODEL (members), i);
      GtkWidget *row = build_row (self, member);

      gtk_list_box_append (self->list, row);
      if (g_strcmp0 (open_id, cp_record_get_id (CP_RECORD (member))) == 0)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        }
    }
  update_circle (self);
}

static void
load_person_name (CpNetworkPage *self)
{
  g_autoptr(CpPerson) person = NULL;

  g_clear_pointer (&self->person_name, g_free);
  if (self->tab.store != NULL && self->tab.person_id != NULL)
    person = cp_store_load (self->tab.store, CP_TYPE_PERSON, self->tab.person_id, NULL);
  self->person_name = person ? cp_person_dup_display_name (person) : g_strdup ("");
}

static gboolean
shows_member (CpNetworkPage *self, const char *id)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        return FALSE;
      if (g_strcmp0 (cp_record_get_id (CP_RECORD (row_member (GTK_WIDGET (row)))), id) == 0)
        return TRUE;
    }
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  CpNetworkPage *self = data;

  self->tab.rebuild_source = 0;
  rebuild (self, NULL);
  return G_SOURCE_REMOVE;
}

/* Rows added elsewhere (an import, another view) are picked up; the
 * page's own saves are already shown and do not rebuild what is typed. */
static void
store_changed_cb (CpNetworkPage *self, const char *table, const char *id, CpStore *store)
{
  if (self->tab.person_id == NULL || self->tab.own_write)
    return;
  if (g_strcmp0 (table, "person") == 0 && g_strcmp0 (id, self->tab.person_id) == 0)
    {
      load_person_name (self);
      update_circle (self);
    }
  else if (g_strcmp0 (table, "support_member") == 0 && !shows_member (self, id))
    cp_record_tab_queue_rebuild (&self->tab, rebuild_idle_cb, self);
}

void
cp_network_page_add_member (CpNetworkPage *self)
{
  g_autoptr(CpSupportMember) member = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CP_IS_NETWORK_PAGE (self));
  if (self->tab.store == NULL || self->tab.person_id == NULL)
    return;
  member = cp_support_member_new (self->tab.person_id);
  g_object_set (member, "position", cp_store_count (self->tab.store, CP_TYPE_SUPPORT_MEMBER, self->tab.person_id), NULL);
  if (!cp_record_tab_insert (&self->tab, CP_RECORD (member), &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  rebuild (self, cp_record_get_id (CP_RECORD (member)));
}

static void
add_clicked_cb (CpNetworkPage *self)
{
  cp_network_page_add_member (self);
}

static void
remove_response_cb (AdwMessageDialog *dialog, const char *response, CpNetworkPage *self)
{
  CpSupportMember *member = g_object_get_data (G_OBJECT (dialog), "cp-member");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  cp_record_editor_forget (self->tab.editor, cp_record_get_id (CP_RECORD (member)));
  if (!cp_record_tab_tombstone (&self->tab, CP_RECORD (member), &error))
    g_warning ("%s", error->message);
  rebuild (self, NULL);
}

static void
remove_clicked_cb (GtkButton *button, CpNetworkPage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "cp-row");
  /* Translators: %s is the name of someone in the support network */
  g_autofree char *heading = g_strdup_printf (_("Remove %s from the network?"),
                                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  cp_record_editor_flush (self->tab.editor);
  cp_record_tab_confirm (GTK_WIDGET (self), heading,
                         _("They will be taken off the list and the circle. The record of changes keeps a note."),
                         "remove", _("_Remove"), "cp-member", row_member (row),
                         G_CALLBACK (remove_response_cb));
}

static void
row_selected_cb (CpNetworkPage *self, GtkListBoxRow *row)
{
  /* The list may outlive the circle while the page is taken down. */
  if (self->circle == NULL)
    return;
  cp_circle_view_set_selected (self->circle, row ? gtk_list_box_row_get_index (row) : -1);
}

static void
member_activated_cb (CpNetworkPage *self, int index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, index);

  if (row == NULL)
    return;
  gtk_list_box_select_row (self->list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static gboolean
turn_cb (gpointer data)
{
  CpNetworkPage *self = data;
  int width = gtk_widget_get_width (self->clamp);
  GtkOrientation wanted = width >= WIDE_ENOUGH ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL;

  self->turn_source = 0;
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->flow)) != wanted)
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->flow), wanted);
      gtk_box_set_homogeneous (self->flow, wanted == GTK_ORIENTATION_HORIZONTAL);
    }
  return G_SOURCE_REMOVE;
}

/* The viewport's width is known only after allocation; turning the box
 * there would relayout during layout, so it waits for an idle. */
static void
width_changed_cb (CpNetworkPage *self)
{
  if (self->turn_source == 0)
    self->turn_source = g_idle_add (turn_cb, self);
}

static void
cp_network_page_dispose (GObject *object)
{
  CpNetworkPage *self = CP_NETWORK_PAGE (object);

  g_clear_handle_id (&self->turn_source, g_source_remove);
  cp_record_tab_dispose (&self->tab);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_NETWORK_PAGE);
  G_OBJECT_CLASS (cp_network_page_parent_class)->dispose (object);
}

static void
cp_network_page_finalize (GObject *object)
{
  CpNetworkPage *self = CP_NETWORK_PAGE (object);

  cp_record_tab_finalize (&self->tab);
  g_free (self->person_name);
  G_OBJECT_CLASS (cp_network_page_parent_class)->finalize (object);
}

static void
cp_network_page_class_init (CpNetworkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_network_page_dispose;
  object_class->finalize = cp_network_page_finalize;

  g_type_ensure (CP_TYPE_CIRCLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-network-page.ui");
  cp_record_tab_install_undo (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CpNetworkPage, circle);
  gtk_widget_class_bind_template_child (widget_class, CpNetworkPage, list);
  gtk_widget_class_bind_template_child (widget_class, CpNetworkPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CpNetworkPage, flow);
  gtk_widget_class_bind_template_child (widget_class, CpNetworkPage, clamp);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
}

static void
cp_network_page_init (CpNetworkPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_record_tab_init (&self->tab);
  cp_record_tab_attach (&self->tab, GTK_WIDGET (self), rebuild_idle_cb);
  self->person_name = g_strdup ("");
  g_signal_connect_object (self->tab.editor, "changed", G_CALLBACK (editor_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->circle, "member-activated", G_CALLBACK (member_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (gtk_widget_get_parent (self->clamp))),
                           "notify::page-size", G_CALLBACK (width_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cp_network_page_new (void)
{
  return g_object_new (CP_TYPE_NETWORK_PAGE, NULL);
}

CpCircleView *
cp_network_page_get_circle (CpNetworkPage *self)
{
  g_return_val_if_fail (CP_IS_NETWORK_PAGE (self), NULL);
  return self->circle;
}

GtkListBox *
cp_network_page_get_list (CpNetworkPage *self)
{
  g_return_val_if_fail (CP_IS_NETWORK_PAGE (self), NULL);
  return self->list;
}

static void
tab_set_store (CpPersonTab *tab, CpStore *store)
{
  cp_record_tab_set_store (&CP_NETWORK_PAGE (tab)->tab, tab, store, G_CALLBACK (store_changed_cb));
}

static gboolean
tab_flush (CpPersonTab *tab)
{
  return cp_record_editor_flush (CP_NETWORK_PAGE (tab)->tab.editor);
}

/* What was refused stays in the editor's memory and comes back with the
 * person, so switching never loses what was typed. */
static gboolean
tab_set_person_id (CpPersonTab *tab, const char *person_id)
{
  CpNetworkPage *self = CP_NETWORK_PAGE (tab);
  gboolean ok = cp_record_tab_set_person_id (&self->tab, person_id);

  load_person_name (self);
  rebuild (self, NULL);
  gtk_widget_set_sensitive (self->add_button, person_id != NULL);
  return ok;
}

static void
cp_network_page_tab_init (CpPersonTabInterface *iface)
{
  iface->set_store = tab_set_store;
  iface->set_person_id = tab_set_person_id;
  iface->flush = tab_flush;
}
