/* cp-record-editor.c — edits stored records through rows, saved as typed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A value that passes its rules goes into the record in memory at once
 * (so a drawing beside the list follows the typing) and is stored after
 * the pause; a value that does not is explained when the pause ends.
 */
#include <glib/gi18n.h>

#include "cp-record-editor.h"

typedef enum { BIND_ENTRY, BIND_SWITCH, BIND_CHOICE } BindKind;

typedef struct
{
  BindKind           bind;
  GtkWidget         *row;
  GtkWidget         *control;   /* the switch, for BIND_SWITCH */
  GtkWidget         *error_row; /* entries only */
  CpRecord          *record;
  char              *property;
  CpPersonFieldKind  kind;
  gboolean           refused;
} Binding;

struct _CpRecordEditor
{
  GObject     parent_instance;

  CpStore    *store;
  /* When set, saves and moves go through it so Ctrl+Z can undo them. */
  CpUndoStack *undo;
  GPtrArray  *bindings;  /* Binding* */
  GPtrArray  *dirty;     /* CpRecord* waiting to be stored */
  GHashTable *refused;   /* "record-id/property" → text typed */
  guint       save_source;
  gboolean    loading;
  gboolean    read_only;
};

G_DEFINE_FINAL_TYPE (CpRecordEditor, cp_record_editor, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
binding_free (gpointer data)
{
  Binding *b = data;

  g_clear_object (&b->row);
  g_clear_object (&b->control);
  g_clear_object (&b->error_row);
  g_clear_object (&b->record);
  g_free (b->property);
  g_free (b);
}

static char *
refused_key (Binding *b)
{
  return g_strconcat (cp_record_get_id (b->record), "/", b->property, NULL);
}

static void
mark_dirty (CpRecordEditor *self, CpRecord *record)
{
  if (!g_ptr_array_find (self->dirty, record, NULL))
    g_ptr_array_add (self->dirty, g_object_ref (record));
}

static void
show_error (Binding *b, const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (b->row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (b->error_row), message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (b->row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (b->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (b->row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (b->row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (b->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (b->error_row, message != NULL);
}

/* Returns FALSE (and explains, if @explain) when the text is refused. */
static gboolean
apply_entry (CpRecordEditor *self, Binding *b, gboolean explain)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (b->row));
  g_autofree char *stored = NULL;
  g_autofree char *key = refused_key (b);
  g_autoptr(GError) error = NULL;

  if (!cp_person_field_parse (b->kind, text, &stored, &error))
    {
      b->refused = TRUE;
      g_hash_table_insert (self->refused, g_steal_pointer (&key), g_strdup (text));
      if (explain)
        show_error (b, error->message);
      return FALSE;
    }
  b->refused = FALSE;
  g_hash_table_remove (self->refused, key);
  show_error (b, NULL);
  if (g_strcmp0 (cp_record_get_string (b->record, b->property), stored) == 0)
    return TRUE;
  cp_record_set_string (b->record, b->property, stored);
  mark_dirty (self, b->record);
  g_signal_emit (self, signals[CHANGED], 0, b->record);
  return TRUE;
}

static void
toast (CpRecordEditor *self, const char *text)
{
  GtkWidget *overlay = NULL;

  for (guint i = 0; i < self->bindings->len && overlay == NULL; i++)
    overlay = gtk_widget_get_ancestor (((Binding *) self->bindings->pdata[i])->row, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_warning ("%s", text);
}

static gboolean
save_record (CpRecordEditor *self, CpRecord *record, GError **error)
{
  if (self->undo != NULL)
    return cp_undo_stack_update (self->undo, record, _("Typing"), error);
  return cp_store_update (self->store, record, error);
}

gboolean
cp_record_editor_flush (CpRecordEditor *self)
{
  gboolean all_valid = TRUE;

  g_return_val_if_fail (CP_IS_RECORD_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = self->bindings->pdata[i];

      if (b->bind == BIND_ENTRY && (b->refused || gtk_widget_has_css_class (b->row, "error")))
        all_valid &= apply_entry (self, b, TRUE);
    }
  while (self->dirty->len > 0 && self->store != NULL)
    {
      g_autoptr(CpRecord) record = g_object_ref (self->dirty->pdata[0]);
      g_autoptr(GError) error = NULL;

      g_ptr_array_remove_index (self->dirty, 0);
      if (!save_record (self, record, &error))
        {
          g_autofree char *text = g_strdup_printf (_("Could not save: %s"), error->message);
          toast (self, text);
          return FALSE;
        }
    }
  return all_valid;
}

static gboolean
save_timeout_cb (gpointer data)
{
  CpRecordEditor *self = data;

  self->save_source = 0;
  cp_record_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (CpRecordEditor *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (CP_RECORD_EDITOR_SAVE_DELAY_MS, save_timeout_cb, self);
}

static Binding *
find_binding (CpRecordEditor *self, GtkWidget *row)
{
  for (guint i = 0; i < self->bindings->len; i++)
    if (((Binding *) self->bindings->pdata[i])->row == row)
      return self->bindings->pdata[i];
  return NULL;
}

static void
entry_changed_cb (GtkEditable *row, CpRecordEditor *self)
{
  Binding *b = find_binding (self, GTK_WIDGET (row));

  if (self->loading || b == NULL || self->read_only)
    return;
  /* Good text is taken now; a mistake is explained after the pause, not
   * while the person is still typing it. */
  if (!apply_entry (self, b, FALSE))
    b->refused = TRUE;
  schedule_save (self);
}

static void
entry_leave_cb (GtkEventControllerFocus *focus, CpRecordEditor *self)
{
  cp_record_editor_flush (self);
}

static Binding *
add_binding (CpRecordEditor *self, BindKind bind, GtkWidget *row, CpRecord *record, const char *property)
{
  Binding *b = g_new0 (Binding, 1);

  b->bind = bind;
  b->row = g_object_ref_sink (row);
  b->record = g_object_ref (record);
  b->property = g_strdup (property);
  g_ptr_array_add (self->bindings, b);
  return b;
}

/* Not editable, and without the pencil that would invite typing. */
static void
set_entry_read_only (GtkWidget *row, gboolean read_only)
{
  gtk_editable_set_editable (GTK_EDITABLE (row), !read_only);
  if (read_only)
    gtk_widget_add_css_class (row, "cp-read-only");
  else
    gtk_widget_remove_css_class (row, "cp-read-only");
}

static GtkWidget *
new_error_row (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "cp-field-error");
  gtk_widget_set_visible (row, FALSE);
  return row;
}

AdwEntryRow *
cp_record_editor_add_entry (CpRecordEditor *self, CpRecord *record, const char *property,
                            const char *title, CpPersonFieldKind kind, GtkWidget **error_row)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *shown = cp_person_field_display (kind, cp_record_get_string (record, property));
  g_autofree char *key = NULL;
  const char *typed;
  Binding *b;

  g_return_val_if_fail (CP_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail (error_row != NULL, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  b = add_binding (self, BIND_ENTRY, row, record, property);
  b->kind = kind;
  b->error_row = g_object_ref_sink (new_error_row ());
  *error_row = b->error_row;
  key = refused_key (b);
  typed = g_hash_table_lookup (self->refused, key);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), typed != NULL ? typed : shown);
  set_entry_read_only (row, self->read_only);
  self->loading = FALSE;
  /* What was typed and refused comes back, explained, to be corrected. */
  if (typed != NULL)
    apply_entry (self, b, TRUE);

  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (entry_leave_cb), self, 0);
  gtk_widget_add_controller (row, focus);
  return ADW_ENTRY_ROW (row);
}

static void
switch_cb (GtkSwitch *sw, GParamSpec *pspec, CpRecordEditor *self)
{
  Binding *b = NULL;

  for (guint i = 0; i < self->bindings->len && b == NULL; i++)
    if (((Binding *) self->bindings->pdata[i])->control == GTK_WIDGET (sw))
      b = self->bindings->pdata[i];
  if (self->loading || b == NULL)
    return;
  g_object_set (b->record, b->property, gtk_switch_get_active (sw), NULL);
  mark_dirty (self, b->record);
  g_signal_emit (self, signals[CHANGED], 0, b->record);
  cp_record_editor_flush (self);
}

AdwActionRow *
cp_record_editor_add_switch (CpRecordEditor *self, CpRecord *record, const char *property,
                             const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  gboolean active = FALSE;
  Binding *b;

  g_return_val_if_fail (CP_IS_RECORD_EDITOR (self), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  b = add_binding (self, BIND_SWITCH, row, record, property);
  b->control = g_object_ref (sw);
  g_object_get (record, property, &active, NULL);
  self->loading = TRUE;
  gtk_switch_set_active (GTK_SWITCH (sw), active);
  self->loading = FALSE;
  gtk_widget_set_sensitive (sw, !self->read_only);
  g_signal_connect_object (sw, "notify::active", G_CALLBACK (switch_cb), self, 0);
  return ADW_ACTION_ROW (row);
}

static void
choice_cb (AdwComboRow *row, GParamSpec *pspec, CpRecordEditor *self)
{
  Binding *b = find_binding (self, GTK_WIDGET (row));
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || b == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_object_set (b->record, b->property, (int) selected, NULL);
  mark_dirty (self, b->record);
  g_signal_emit (self, signals[CHANGED], 0, b->record);
  cp_record_editor_flush (self);
}

AdwComboRow *
cp_record_editor_add_choice (CpRecordEditor *self, CpRecord *record, const char *property,
                             const char *title, const char *const *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  int value = 0;

  g_return_val_if_fail (CP_IS_RECORD_EDITOR (self), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  add_binding (self, BIND_CHOICE, row, record, property);
  g_object_get (record, property, &value, NULL);
  self->loading = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), value);
  self->loading = FALSE;
  gtk_widget_set_sensitive (row, !self->read_only);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (choice_cb), self, 0);
  return ADW_COMBO_ROW (row);
}

gboolean
cp_record_editor_has_pending (CpRecordEditor *self)
{
  g_return_val_if_fail (CP_IS_RECORD_EDITOR (self), FALSE);
  return self->save_source != 0 || self->dirty->len > 0;
}

void
cp_record_editor_clear (CpRecordEditor *self)
{
  g_return_if_fail (CP_IS_RECORD_EDITOR (self));

  cp_record_editor_flush (self);
  g_ptr_array_set_size (self->bindings, 0);
  g_ptr_array_set_size (self->dirty, 0);
}

void
cp_record_editor_unbind (CpRecordEditor *self, GtkWidget *ancestor)
{
  g_return_if_fail (CP_IS_RECORD_EDITOR (self));

  cp_record_editor_flush (self);
  for (guint i = self->bindings->len; i > 0; i--)
    {
      Binding *b = self->bindings->pdata[i - 1];

      if (gtk_widget_is_ancestor (b->row, ancestor))
        g_ptr_array_remove_index (self->bindings, i - 1);
    }
}

void
cp_record_editor_set_read_only (CpRecordEditor *self, gboolean read_only)
{
  g_return_if_fail (CP_IS_RECORD_EDITOR (self));

  self->read_only = read_only;
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = self->bindings->pdata[i];

      if (b->bind == BIND_ENTRY)
        set_entry_read_only (b->row, read_only);
      else
        gtk_widget_set_sensitive (b->control ? b->control : b->row, !read_only);
    }
}

gboolean
cp_record_editor_get_read_only (CpRecordEditor *self)
{
  g_return_val_if_fail (CP_IS_RECORD_EDITOR (self), FALSE);
  return self->read_only;
}

static gboolean
end_move (CpRecordEditor *self, gboolean ok, GError **error)
{
  if (!ok)
    cp_store_rollback (self->store);
  if (self->undo != NULL)
    cp_undo_stack_end_group (self->undo, ok);
  return ok;
}

gboolean
cp_record_editor_move (CpRecordEditor *self, GPtrArray *records, guint from, guint to, GError **error)
{
  g_autoptr(GPtrArray) order = NULL;
  gpointer moved;

  g_return_val_if_fail (CP_IS_RECORD_EDITOR (self), FALSE);
  g_return_val_if_fail (from < records->len && to < records->len, FALSE);

  if (!cp_record_editor_flush (self) && self->dirty->len > 0)
    return FALSE;
  /* A copy that borrows: the caller's array keeps the references. */
  order = g_ptr_array_copy (records, NULL, NULL);
  g_ptr_array_set_free_func (order, NULL);
  moved = order->pdata[from];
  g_ptr_array_remove_index (order, from);
  g_ptr_array_insert (order, to, moved);
  if (!cp_store_begin (self->store, error))
    return FALSE;
  /* Renumbering touches many rows: one step for Ctrl+Z. */
  if (self->undo != NULL)
    cp_undo_stack_begin_group (self->undo, _("Move"));
  for (guint i = 0; i < order->len; i++)
    {
      CpRecord *record = order->pdata[i];

      if (cp_record_get_int64 (record, "position") == (gint64) i)
        continue;
      cp_record_set_int64 (record, "position", i);
      if (!save_record (self, record, error))
        return end_move (self, FALSE, error);
    }
  return end_move (self, cp_store_commit (self->store, error), error);
}

void
cp_record_editor_forget (CpRecordEditor *self, const char *record_id)
{
  GHashTableIter iter;
  const char *key;
  gsize len = strlen (record_id);

  g_return_if_fail (CP_IS_RECORD_EDITOR (self));

  g_hash_table_iter_init (&iter, self->refused);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (strncmp (key, record_id, len) == 0 && key[len] == '/')
      g_hash_table_iter_remove (&iter);
  for (guint i = self->dirty->len; i > 0; i--)
    if (g_strcmp0 (cp_record_get_id (self->dirty->pdata[i - 1]), record_id) == 0)
      g_ptr_array_remove_index (self->dirty, i - 1);
}

void
cp_record_editor_set_store (CpRecordEditor *self, CpStore *store)
{
  g_return_if_fail (CP_IS_RECORD_EDITOR (self));

  if (self->store == store)
    return;
  cp_record_editor_clear (self);
  g_set_object (&self->store, store);
}

void
cp_record_editor_set_undo (CpRecordEditor *self, CpUndoStack *undo)
{
  g_return_if_fail (CP_IS_RECORD_EDITOR (self));
  g_set_object (&self->undo, undo);
}

CpUndoStack *
cp_record_editor_get_undo (CpRecordEditor *self)
{
  g_return_val_if_fail (CP_IS_RECORD_EDITOR (self), NULL);
  return self->undo;
}

CpStore *
cp_record_editor_get_store (CpRecordEditor *self)
{
  g_return_val_if_fail (CP_IS_RECORD_EDITOR (self), NULL);
  return self->store;
}

static void
cp_record_editor_dispose (GObject *object)
{
  CpRecordEditor *self = CP_RECORD_EDITOR (object);

  if (self->store != NULL)
    cp_record_editor_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_ptr_array_set_size (self->bindings, 0);
  g_ptr_array_set_size (self->dirty, 0);
  g_clear_object (&self->store);
  g_clear_object (&self->undo);
  G_OBJECT_CLASS (cp_record_editor_parent_class)->dispose (object);
}

static void
cp_record_editor_finalize (GObject *object)
{
  CpRecordEditor *self = CP_RECORD_EDITOR (object);

  g_ptr_array_unref (self->bindings);
  g_ptr_array_unref (self->dirty);
  g_hash_table_unref (self->refused);
  G_OBJECT_CLASS (cp_record_editor_parent_class)->finalize (object);
}

static void
cp_record_editor_class_init (CpRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_record_editor_dispose;
  object_class->finalize = cp_record_editor_finalize;

  /* A value was taken into a record in memory (not yet stored). */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_RECORD);
}

static void
cp_record_editor_init (CpRecordEditor *self)
{
  self->bindings = g_ptr_array_new_with_free_func (binding_free);
  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
  self->refused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

CpRecordEditor *
cp_record_editor_new (void)
{
  return g_object_new (CP_TYPE_RECORD_EDITOR, NULL);
}
