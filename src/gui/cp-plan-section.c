/* cp-plan-section.c — one section of a plan, with its entries
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by the Plan tab and the planning session alike. Every change goes
 * through the shared undo stack; afterwards "edited" asks the holder to
 * read the plan again (which also happens when idle after any store
 * change, so the tab and a session window stay in step).
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "cp-contributor-dialog.h"
#include "cp-plan-lifecycle.h"

#include "cp-plan-entries.h"
#include "cp-plan-section.h"

struct _CpPlanSection
{
  GtkWidget   parent_instance;

  CpSection   section;
  CpStore    *store;
  CpUndoStack *undo;
  char       *person_id;
  char       *plan_id;
  gboolean    editable;

  /* template children */
  GtkLabel   *heading_label;
  GtkLabel   *prompt_label;
  GtkWidget  *entries_box;
  GtkWidget  *empty_label;
  GtkWidget  *add_button;
};

G_DEFINE_FINAL_TYPE (CpPlanSection, cp_plan_section, GTK_TYPE_WIDGET)

enum { EDITED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_toast (CpPlanSection *self, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_warning ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

static void
show_error (CpPlanSection *self, const char *message)
{
  show_toast (self, adw_toast_new (message));
}

/* Tells whoever shows the plan to read it again, and where the focus goes. */
static void
edited (CpPlanSection *self, const char *focus_id)
{
  g_signal_emit (self, signals[EDITED], 0, focus_id);
}

static void
row_move_cb (CpPlanEntryRow *row, int delta, CpPlanSection *self)
{
  CpPlanEntry *entry = cp_plan_entry_row_get_entry (row);
  gint64 position = cp_record_get_int64 (CP_RECORD (entry), "position") + delta;
  g_autoptr(GError) error = NULL;

  if (position < 0)
    return;
  if (!cp_undo_stack_move_entry (self->undo, cp_record_get_id (CP_RECORD (entry)), position,
                                 _("Move Entry"), &error))
    {
      show_error (self, error->message);
      return;
    }
  edited (self, cp_record_get_id (CP_RECORD (entry)));
}

static void
undo_clicked_cb (AdwToast *toast, CpUndoStack *undo)
{
  g_autoptr(GError) error = NULL;

  if (!cp_undo_stack_undo (undo, &error))
    g_warning ("Could not undo: %s", error->message);
}

/* Deleting is undone from the toast, or with Ctrl+Z. */
static void
row_delete_cb (CpPlanEntryRow *row, CpPlanSection *self)
{
  g_autoptr(CpPlanEntry) entry = g_object_ref (cp_plan_entry_row_get_entry (row));
  guint index = 0;
  CpPlanEntryRow *next;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  while (cp_plan_section_get_row (self, index) != row)
    index++;
  if (!cp_undo_stack_tombstone (self->undo, CP_RECORD (entry), _("Delete Entry"), &error))
    {
      show_error (self, error->message);
      return;
    }
  next = cp_plan_section_get_row (self, index + 1);
  if (next == NULL && index > 0)
    next = cp_plan_section_get_row (self, index - 1);
  edited (self, next ? cp_plan_entry_row_get_id (next) : NULL);
  if (next == NULL)
    gtk_widget_grab_focus (self->add_button);
  toast = adw_toast_new (_("Entry deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self->undo, 0);
  show_toast (self, toast);
}

/* A new, empty entry in the voice of whoever is writing, typed by them. */
static void
add_entry (CpPlanSection *self)
{
  CpContributor *writer = cp_contributor_dialog_get_current (self->store);
  CpVoice voice = CP_VOICE_PERSON;
  g_autoptr(CpPlanEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  if (self->plan_id == NULL && self->person_id != NULL)
    {
      g_autoptr(CpPlan) plan = cp_plan_current (self->store, self->person_id, NULL, &error);

      if (plan == NULL)
        {
          show_error (self, error->message);
          return;
        }
      self->plan_id = g_strdup (cp_record_get_id (CP_RECORD (plan)));
    }
  if (self->plan_id == NULL)
    return;
  if (writer != NULL)
    g_object_get (writer, "voice", &voice, NULL);
  entry = cp_plan_entry_new (self->plan_id);
  g_object_set (entry, "section", self->section, "voice", voice,
                "author-id", writer ? cp_record_get_id (CP_RECORD (writer)) : NULL,
                "position", cp_plan_entry_next_position (self->store, self->plan_id, self->section),
                NULL);
  if (!cp_undo_stack_insert (self->undo, CP_RECORD (entry), _("Add Entry"), &error))
    {
      show_error (self, error->message);
      return;
    }
  edited (self, cp_record_get_id (CP_RECORD (entry)));
}

void
cp_plan_section_set_plan (CpPlanSection *self, const char *person_id, const char *plan_id)
{
  g_return_if_fail (CP_IS_PLAN_SECTION (self));

  g_free (self->person_id);
  self->person_id = g_strdup (person_id);
  g_free (self->plan_id);
  self->plan_id = g_strdup (plan_id);
}

/* Finds the row of @entry_id and puts the cursor at the end of its words. */
gboolean
cp_plan_section_focus_entry (CpPlanSection *self, const char *entry_id)
{
  CpPlanEntryRow *row;

  g_return_val_if_fail (CP_IS_PLAN_SECTION (self), FALSE);
  row = entry_id ? cp_plan_section_find_row (self, entry_id) : NULL;
  if (row == NULL)
    return FALSE;
  cp_plan_entry_row_focus_text (row);
  return TRUE;
}

static GtkWidget *
new_row (CpPlanSection *self, CpPlanEntry *entry)
{
  GtkWidget *row = cp_plan_entry_row_new (self->store, self->undo, entry);

  g_signal_connect_object (row, "move", G_CALLBACK (row_move_cb), self, 0);
  g_signal_connect_object (row, "delete", G_CALLBACK (row_delete_cb), self, 0);
  cp_plan_entry_row_set_editable (CP_PLAN_ENTRY_ROW (row), self->editable);
  return row;
}

CpPlanEntryRow *
cp_plan_section_find_row (CpPlanSection *self, const char *entry_id)
{
  g_return_val_if_fail (CP_IS_PLAN_SECTION (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->entries_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (cp_plan_entry_row_get_id (CP_PLAN_ENTRY_ROW (child)), entry_id) == 0)
      return CP_PLAN_ENTRY_ROW (child);
  return NULL;
}

guint
cp_plan_section_get_n_rows (CpPlanSection *self)
{
  guint n = 0;

  g_return_val_if_fail (CP_IS_PLAN_SECTION (self), 0);
  for (GtkWidget *child = gtk_widget_get_first_child (self->entries_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

CpPlanEntryRow *
cp_plan_section_get_row (CpPlanSection *self, guint index)
{
  GtkWidget *child;

  g_return_val_if_fail (CP_IS_PLAN_SECTION (self), NULL);
  for (child = gtk_widget_get_first_child (self->entries_box); child != NULL && index > 0;
       child = gtk_widget_get_next_sibling (child))
    index--;
  return child ? CP_PLAN_ENTRY_ROW (child) : NULL;
}

static gboolean
in_entries (GPtrArray *entries, const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (cp_record_get_id (g_ptr_array_index (entries, i)), id) == 0)
      return TRUE;
  return FALSE;
}

static void
remove_gone_rows (CpPlanSection *self, GPtrArray *entries)
{
  GtkWidget *child = gtk_widget_get_first_child (self->entries_box);

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (!in_entries (entries, cp_plan_entry_row_get_id (CP_PLAN_ENTRY_ROW (child))))
        gtk_box_remove (GTK_BOX (self->entries_box), child);
      child = next;
    }
}

void
cp_plan_section_sync (CpPlanSection *self, GPtrArray *entries)
{
  GtkWidget *previous = NULL;
  const char *label = cp_section_label (self->section);

  g_return_if_fail (CP_IS_PLAN_SECTION (self));
  g_return_if_fail (self->store != NULL);

  remove_gone_rows (self, entries);
  for (guint i = 0; i < entries->len; i++)
    {
      CpPlanEntry *entry = g_ptr_array_index (entries, i);
      CpPlanEntryRow *row = cp_plan_section_find_row (self, cp_record_get_id (CP_RECORD (entry)));

      if (row == NULL)
        {
          row = CP_PLAN_ENTRY_ROW (new_row (self, entry));
          gtk_box_insert_child_after (GTK_BOX (self->entries_box), GTK_WIDGET (row), previous);
        }
      else
        {
          cp_plan_entry_row_set_entry (row, entry);
          /* Moved, not rebuilt: the focus stays in the words. */
          gtk_box_reorder_child_after (GTK_BOX (self->entries_box), GTK_WIDGET (row), previous);
        }
      cp_plan_entry_row_set_place (row, label, i, entries->len);
      previous = GTK_WIDGET (row);
    }
  gtk_widget_set_visible (self->empty_label, entries->len == 0);
}

void
cp_plan_section_set_editable (CpPlanSection *self, gboolean editable)
{
  g_return_if_fail (CP_IS_PLAN_SECTION (self));

  self->editable = editable;
  gtk_widget_set_visible (self->add_button, editable);
  for (GtkWidget *child = gtk_widget_get_first_child (self->entries_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cp_plan_entry_row_set_editable (CP_PLAN_ENTRY_ROW (child), editable);
}

void
cp_plan_section_set_large (CpPlanSection *self, gboolean large)
{
  g_return_if_fail (CP_IS_PLAN_SECTION (self));

  gtk_label_set_label (self->heading_label, large ? cp_section_prompt (self->section)
                                                  : cp_section_label (self->section));
  gtk_label_set_label (self->prompt_label, large ? cp_section_label (self->section)
                                                 : cp_section_prompt (self->section));
  if (large)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->heading_label), "title-4");
      gtk_widget_add_css_class (GTK_WIDGET (self->heading_label), "title-1");
      gtk_widget_add_css_class (GTK_WIDGET (self), "cp-plan-section-large");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->heading_label), "title-1");
      gtk_widget_add_css_class (GTK_WIDGET (self->heading_label), "title-4");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "cp-plan-section-large");
    }
}

gboolean
cp_plan_section_flush (CpPlanSection *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (CP_IS_PLAN_SECTION (self), FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (self->entries_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ok = cp_plan_entry_row_flush (CP_PLAN_ENTRY_ROW (child)) && ok;
  return ok;
}

gboolean
cp_plan_section_has_pending (CpPlanSection *self)
{
  g_return_val_if_fail (CP_IS_PLAN_SECTION (self), FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (self->entries_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (cp_plan_entry_row_has_pending (CP_PLAN_ENTRY_ROW (child)))
      return TRUE;
  return FALSE;
}

GtkWidget *
cp_plan_section_get_add_button (CpPlanSection *self)
{
  g_return_val_if_fail (CP_IS_PLAN_SECTION (self), NULL);
  return self->add_button;
}

void
cp_plan_section_focus (CpPlanSection *self)
{
  CpPlanEntryRow *first;

  g_return_if_fail (CP_IS_PLAN_SECTION (self));
  first = cp_plan_section_get_row (self, 0);
  if (first != NULL)
    cp_plan_entry_row_focus_text (first);
  else
    gtk_widget_grab_focus (self->add_button);
}

CpSection
cp_plan_section_get_section (CpPlanSection *self)
{
  g_return_val_if_fail (CP_IS_PLAN_SECTION (self), 0);
  return self->section;
}

void
cp_plan_section_set_store (CpPlanSection *self, CpStore *store, CpUndoStack *undo)
{
  g_return_if_fail (CP_IS_PLAN_SECTION (self));
  g_set_object (&self->store, store);
  g_set_object (&self->undo, undo);
}

static void
add_clicked_cb (CpPlanSection *self)
{
  add_entry (self);
}

static void
cp_plan_section_dispose (GObject *object)
{
  CpPlanSection *self = CP_PLAN_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_PLAN_SECTION);
  g_clear_object (&self->store);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->plan_id, g_free);
  G_OBJECT_CLASS (cp_plan_section_parent_class)->dispose (object);
}

static void
cp_plan_section_class_init (CpPlanSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_plan_section_dispose;

  /* An entry was added, moved or deleted: read the plan again, then put
   * the focus in the words of the entry with this id (or leave it). */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-plan-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPlanSection, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CpPlanSection, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, CpPlanSection, entries_box);
  gtk_widget_class_bind_template_child (widget_class, CpPlanSection, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CpPlanSection, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
cp_plan_section_init (CpPlanSection *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
  self->editable = TRUE;
}

GtkWidget *
cp_plan_section_new (CpSection section)
{
  CpPlanSection *self;
  g_autofree char *add_name = NULL;

  g_return_val_if_fail (section < CP_N_SECTIONS, NULL);

  self = g_object_new (CP_TYPE_PLAN_SECTION, NULL);
  self->section = section;
  cp_plan_section_set_large (self, FALSE);
  /* Translators: the Add button's name for a screen reader, e.g. "Add to A good day" */
  add_name = g_strdup_printf (_("Add to “%s”"), cp_section_label (section));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_name, -1);
  gtk_widget_set_tooltip_text (self->add_button, add_name);
  return GTK_WIDGET (self);
}
