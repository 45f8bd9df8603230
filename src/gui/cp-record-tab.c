/* cp-record-tab.c — what the tabs that edit lists of records share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cp-record-tab.h"

void
cp_record_tab_init (CpRecordTab *tab)
{
  tab->editor = cp_record_editor_new ();
}

void
cp_record_tab_dispose (CpRecordTab *tab)
{
  g_clear_handle_id (&tab->rebuild_source, g_source_remove);
  if (tab->editor != NULL)
    cp_record_editor_clear (tab->editor);
  g_clear_object (&tab->editor);
  g_clear_object (&tab->undo);
  g_clear_object (&tab->store);
}

void
cp_record_tab_finalize (CpRecordTab *tab)
{
  g_clear_pointer (&tab->person_id, g_free);
}

void
cp_record_tab_set_store (CpRecordTab *tab, CpPersonTab *owner, CpStore *store, GCallback changed_cb)
{
  if (tab->store == store)
    return;
  cp_person_tab_set_person_id (owner, NULL);
  if (tab->store != NULL)
    g_signal_handlers_disconnect_by_data (tab->store, owner);
  g_set_object (&tab->store, store);
  cp_record_editor_set_store (tab->editor, store);
  g_clear_object (&tab->undo);
  if (store != NULL)
    tab->undo = cp_undo_stack_new (store);
  cp_record_editor_set_undo (tab->editor, tab->undo);
  if (store != NULL)
    g_signal_connect_object (store, "changed", changed_cb, owner, G_CONNECT_SWAPPED);
}

gboolean
cp_record_tab_set_person_id (CpRecordTab *tab, const char *person_id)
{
  gboolean ok = cp_record_editor_flush (tab->editor);

  /* Undo is about the person on show: another person starts afresh. */
  if (tab->undo != NULL && g_strcmp0 (tab->person_id, person_id) != 0)
    cp_undo_stack_clear (tab->undo);
  g_free (tab->person_id);
  tab->person_id = g_strdup (person_id);
  return ok;
}

gboolean
cp_record_tab_insert (CpRecordTab *tab, CpRecord *record, GError **error)
{
  gboolean ok;

  cp_record_editor_flush (tab->editor);
  tab->own_write = TRUE;
  ok = tab->undo ? cp_undo_stack_insert (tab->undo, record, _("Add"), error)
                 : cp_store_insert (tab->store, record, error);
  tab->own_write = FALSE;
  return ok;
}

gboolean
cp_record_tab_tombstone (CpRecordTab *tab, CpRecord *record, GError **error)
{
  cp_record_editor_flush (tab->editor);
  if (tab->undo != NULL)
    return cp_undo_stack_tombstone (tab->undo, record, _("Remove"), error);
  return cp_store_tombstone (tab->store, record, error);
}

void
cp_record_tab_attach (CpRecordTab *tab, GtkWidget *page, GSourceFunc rebuild_cb)
{
  tab->rebuild_cb = rebuild_cb;
  g_object_set_data (G_OBJECT (page), "cp-record-tab", tab);
}

/* What cannot be undone (changed elsewhere meanwhile, the plan agreed
 * since) stays on the stack, and a toast says why. */
static void
undo_action (GtkWidget *page, const char *name, GVariant *param)
{
  CpRecordTab *tab = g_object_get_data (G_OBJECT (page), "cp-record-tab");
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (name, "tab.redo");
  GtkWidget *overlay;

  if (tab == NULL || tab->undo == NULL)
    return;
  /* Typing not yet saved is saved first, so it is what gets undone. */
  cp_record_editor_flush (tab->editor);
  if (!(redo ? cp_undo_stack_can_redo (tab->undo) : cp_undo_stack_can_undo (tab->undo)))
    return;
  if (redo ? cp_undo_stack_redo (tab->undo, &error) : cp_undo_stack_undo (tab->undo, &error))
    {
      cp_record_tab_queue_rebuild (tab, tab->rebuild_cb, page);
      return;
    }
  overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
}

void
cp_record_tab_install_undo (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "tab.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "tab.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "tab.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "tab.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "tab.redo", NULL);
}

void
cp_record_tab_queue_rebuild (CpRecordTab *tab, GSourceFunc rebuild_cb, gpointer page)
{
  if (tab->person_id == NULL || tab->own_write || tab->rebuild_source != 0)
    return;
  tab->rebuild_source = g_idle_add (rebuild_cb, page);
}

const char *
cp_record_tab_load_plan (CpRecordTab *tab, CpPlanBanner *banner, GtkWidget *add_button, GType type,
                         GPtrArray *records)
{
  g_autoptr(CpRecordList) list = NULL;
  const char *plan_id;
  gboolean editable;

  g_ptr_array_set_size (records, 0);
  cp_plan_banner_load (banner, tab->store, tab->person_id);
  plan_id = cp_plan_banner_get_plan_id (banner);
  editable = cp_plan_banner_is_editable (banner);
  cp_record_editor_set_read_only (tab->editor, !editable);
  gtk_widget_set_sensitive (add_button, editable);
  if (plan_id == NULL)
    return NULL;
  list = cp_record_list_new (tab->store, type, plan_id);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_ptr_array_add (records, g_list_model_get_item (G_LIST_MODEL (list), i));
  return plan_id;
}

gboolean
cp_record_tab_move (CpRecordTab *tab, CpPlanBanner *banner, GPtrArray *records, guint from, guint to)
{
  g_autoptr(GError) error = NULL;

  if (from >= records->len || to >= records->len || !cp_plan_banner_is_editable (banner))
    return FALSE;
  if (!cp_record_editor_move (tab->editor, records, from, to, &error))
    {
      g_warning ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
cp_record_tab_contains (GPtrArray *records, const char *id)
{
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (cp_record_get_id (records->pdata[i]), id) == 0)
      return TRUE;
  return FALSE;
}

void
cp_record_tab_add_entry (CpRecordTab *tab, AdwExpanderRow *row, CpRecord *record, const char *property,
                         const char *title, CpPersonFieldKind kind)
{
  GtkWidget *error_row;
  AdwEntryRow *entry = cp_record_editor_add_entry (tab->editor, record, property, title, kind, &error_row);

  adw_expander_row_add_row (row, GTK_WIDGET (entry));
  adw_expander_row_add_row (row, error_row);
}

void
cp_record_tab_confirm (GtkWidget *page, const char *heading, const char *body, const char *response,
                       const char *label, const char *key, gpointer data, GCallback response_cb)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (page)), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    response, label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), key, g_object_ref (data), g_object_unref);
  g_signal_connect_object (dialog, "response", response_cb, page, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
