/* cp-plan-entry-row.c — one entry of a plan section, edited in place
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words are saved CP_PLAN_ENTRY_ROW_SAVE_DELAY_MS after the last
 * keystroke, when the text loses the focus, and whenever the page is
 * flushed. After each save the text view forgets its own undo history:
 * from then on Ctrl+Z is the plan's undo, which knows the saved edit.
 */
#include <glib/gi18n.h>

#include "cp-plan-entries.h"
#include "cp-plan-entry-row.h"
#include "cp-undo.h"

struct _CpPlanEntryRow
{
  GtkWidget     parent_instance;

  CpStore      *store;
  CpUndoStack  *undo;
  CpPlanEntry  *entry;
  gboolean      loading;
  gboolean      dirty;
  guint         save_source;

  /* template children */
  GtkDropDown  *voice_dropdown;
  GtkLabel     *author_label;
  GtkWidget    *up_button;
  GtkWidget    *down_button;
  GtkWidget    *delete_button;
  GtkTextView  *text_view;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (CpPlanEntryRow, cp_plan_entry_row, GTK_TYPE_WIDGET)

enum { MOVE, DELETE, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
buffer_text (CpPlanEntryRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Typing before the last save is the plan's to undo, not the buffer's. */
static void
forget_buffer_history (CpPlanEntryRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
}

static void
show_error (CpPlanEntryRow *self, const char *message)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    {
      /* Translators: %s says why the words could not be stored */
      g_autofree char *text = g_strdup_printf (_("Not saved yet: %s. What you typed is kept here."), message);
      gtk_label_set_label (self->error_label, text);
    }
}

gboolean
cp_plan_entry_row_flush (CpPlanEntryRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *old = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CP_IS_PLAN_ENTRY_ROW (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->entry == NULL || self->store == NULL)
    return TRUE;
  text = buffer_text (self);
  old = g_strdup (cp_record_get_string (CP_RECORD (self->entry), "body"));
  if (g_strcmp0 (text, old) == 0)
    {
      self->dirty = FALSE;
      return TRUE;
    }
  cp_record_set_string (CP_RECORD (self->entry), "body", text);
  if (!cp_undo_stack_update (self->undo, CP_RECORD (self->entry), _("Typing"), &error))
    {
      cp_record_set_string (CP_RECORD (self->entry), "body", old);
      show_error (self, error->message);
      return FALSE;
    }
  self->dirty = FALSE;
  show_error (self, NULL);
  forget_buffer_history (self);
  return TRUE;
}

gboolean
cp_plan_entry_row_has_pending (CpPlanEntryRow *self)
{
  g_return_val_if_fail (CP_IS_PLAN_ENTRY_ROW (self), FALSE);
  return self->dirty;
}

static gboolean
save_timeout_cb (gpointer data)
{
  CpPlanEntryRow *self = data;

  self->save_source = 0;
  cp_plan_entry_row_flush (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (CpPlanEntryRow *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (CP_PLAN_ENTRY_ROW_SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
focus_leave_cb (CpPlanEntryRow *self)
{
  if (self->store != NULL)
    cp_plan_entry_row_flush (self);
}

static void
voice_changed_cb (CpPlanEntryRow *self)
{
  CpVoice old, voice = gtk_drop_down_get_selected (self->voice_dropdown);
  g_autoptr(GError) error = NULL;

  if (self->loading || self->entry == NULL || voice > CP_VOICE_PROFESSIONAL)
    return;
  g_object_get (self->entry, "voice", &old, NULL);
  if (old == voice)
    return;
  g_object_set (self->entry, "voice", voice, NULL);
  if (!cp_undo_stack_update (self->undo, CP_RECORD (self->entry), _("Change Whose Words"), &error))
    {
      g_object_set (self->entry, "voice", old, NULL);
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
}

static void
update_author (CpPlanEntryRow *self)
{
  const char *author_id = cp_record_get_string (CP_RECORD (self->entry), "author-id");
  g_autoptr(CpContributor) author = NULL;
  const char *name = NULL;

  if (author_id != NULL && *author_id != '\0')
    author = cp_store_load (self->store, CP_TYPE_CONTRIBUTOR, author_id, NULL);
  if (author != NULL)
    name = cp_record_get_string (CP_RECORD (author), "name");
  gtk_widget_set_visible (GTK_WIDGET (self->author_label), name != NULL && *name != '\0');
  if (name != NULL && *name != '\0')
    {
      /* Translators: who typed a plan entry, e.g. "typed by Sam Patel" */
      g_autofree char *text = g_strdup_printf (_("typed by %s"), name);
      gtk_label_set_label (self->author_label, text);
    }
}

/* Shows what is stored, unless something typed is still waiting to be saved. */
static void
load_entry (CpPlanEntryRow *self)
{
  CpVoice voice;
  const char *body = cp_record_get_string (CP_RECORD (self->entry), "body");
  g_autofree char *shown = buffer_text (self);

  self->loading = TRUE;
  g_object_get (self->entry, "voice", &voice, NULL);
  gtk_drop_down_set_selected (self->voice_dropdown, voice);
  if (!self->dirty && g_strcmp0 (shown, body ? body : "") != 0)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), body ? body : "", -1);
      forget_buffer_history (self);
    }
  self->loading = FALSE;
  update_author (self);
}

void
cp_plan_entry_row_set_entry (CpPlanEntryRow *self, CpPlanEntry *entry)
{
  g_return_if_fail (CP_IS_PLAN_ENTRY_ROW (self));
  g_return_if_fail (CP_IS_PLAN_ENTRY (entry));

  /* A newer copy of the same row: what is being typed stays on screen. */
  g_set_object (&self->entry, entry);
  load_entry (self);
}

CpPlanEntry *
cp_plan_entry_row_get_entry (CpPlanEntryRow *self)
{
  g_return_val_if_fail (CP_IS_PLAN_ENTRY_ROW (self), NULL);
  return self->entry;
}

const char *
cp_plan_entry_row_get_id (CpPlanEntryRow *self)
{
  g_return_val_if_fail (CP_IS_PLAN_ENTRY_ROW (self), NULL);
  return self->entry ? cp_record_get_id (CP_RECORD (self->entry)) : NULL;
}

void
cp_plan_entry_row_set_place (CpPlanEntryRow *self, const char *section_label, guint index, guint count)
{
  /* Translators: the name a screen reader gives an entry's text, e.g.
   * "What is important to me, entry 2 of 3" */
  g_autofree char *name = g_strdup_printf (_("%s, entry %u of %u"), section_label, index + 1, count);

  g_return_if_fail (CP_IS_PLAN_ENTRY_ROW (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_sensitive (self->up_button, index > 0);
  gtk_widget_set_sensitive (self->down_button, index + 1 < count);
}

void
cp_plan_entry_row_set_editable (CpPlanEntryRow *self, gboolean editable)
{
  g_return_if_fail (CP_IS_PLAN_ENTRY_ROW (self));
  gtk_text_view_set_editable (self->text_view, editable);
  gtk_text_view_set_cursor_visible (self->text_view, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->voice_dropdown), editable);
  gtk_widget_set_visible (self->up_button, editable);
  gtk_widget_set_visible (self->down_button, editable);
  gtk_widget_set_visible (self->delete_button, editable);
}

GtkTextView *
cp_plan_entry_row_get_text_view (CpPlanEntryRow *self)
{
  g_return_val_if_fail (CP_IS_PLAN_ENTRY_ROW (self), NULL);
  return self->text_view;
}

void
cp_plan_entry_row_focus_text (CpPlanEntryRow *self)
{
  g_return_if_fail (CP_IS_PLAN_ENTRY_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
move (CpPlanEntryRow *self, int delta)
{
  if (!gtk_text_view_get_editable (self->text_view))
    return;
  cp_plan_entry_row_flush (self);
  g_signal_emit (self, signals[MOVE], 0, delta);
}

static void
up_clicked_cb (CpPlanEntryRow *self)
{
  move (self, -1);
}

static void
down_clicked_cb (CpPlanEntryRow *self)
{
  move (self, 1);
}

static void
delete_clicked_cb (CpPlanEntryRow *self)
{
  cp_plan_entry_row_flush (self);
  g_signal_emit (self, signals[DELETE], 0);
}

static gboolean
move_binding_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  CpPlanEntryRow *self = CP_PLAN_ENTRY_ROW (widget);

  if (!gtk_text_view_get_editable (self->text_view))
    return FALSE;
  move (self, g_variant_get_int32 (args));
  return TRUE;
}

static void
cp_plan_entry_row_dispose (GObject *object)
{
  CpPlanEntryRow *self = CP_PLAN_ENTRY_ROW (object);

  /* Nothing typed is lost, even when the row goes away. */
  if (self->store != NULL)
    cp_plan_entry_row_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  /* Leaving the focus while being taken apart must not save again. */
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_PLAN_ENTRY_ROW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->entry);
  g_clear_object (&self->undo);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_plan_entry_row_parent_class)->dispose (object);
}

static void
cp_plan_entry_row_class_init (CpPlanEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_plan_entry_row_dispose;

  /* Asks for the entry to move by the given number of places. */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-plan-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPlanEntryRow, voice_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CpPlanEntryRow, author_label);
  gtk_widget_class_bind_template_child (widget_class, CpPlanEntryRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, CpPlanEntryRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, CpPlanEntryRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CpPlanEntryRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, CpPlanEntryRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_binding_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_binding_cb, "i", 1);
}

static void
cp_plan_entry_row_init (CpPlanEntryRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autoptr(GtkStringList) voices = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (CpVoice voice = CP_VOICE_PERSON; voice <= CP_VOICE_PROFESSIONAL; voice++)
    gtk_string_list_append (voices, cp_voice_label (voice));
  gtk_drop_down_set_model (self->voice_dropdown, G_LIST_MODEL (voices));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->voice_dropdown, "notify::selected",
                           G_CALLBACK (voice_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);
}

GtkWidget *
cp_plan_entry_row_new (CpStore *store, CpUndoStack *undo, CpPlanEntry *entry)
{
  CpPlanEntryRow *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (CP_IS_UNDO_STACK (undo), NULL);
  g_return_val_if_fail (CP_IS_PLAN_ENTRY (entry), NULL);

  self = g_object_new (CP_TYPE_PLAN_ENTRY_ROW, NULL);
  self->store = g_object_ref (store);
  self->undo = g_object_ref (undo);
  cp_plan_entry_row_set_entry (self, entry);
  return GTK_WIDGET (self);
}
