/* cp-session-window.c — a planning session: one question at a time, in large words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For sitting with the person: the question is the heading, the words
 * are large, and Back / Next walk the 14 parts of the plan. Everything
 * works from the keyboard — Alt+Left / Alt+Right or Page Up / Page Down
 * move between questions even while typing, Escape leaves — and the
 * words save themselves as on the Plan tab, through the same undo stack.
 */
#include <glib/gi18n.h>

#include "cp-contributor-button.h"
#include "cp-plan-entries.h"
#include "cp-plan-lifecycle.h"
#include "cp-session-window.h"

struct _CpSessionWindow
{
  AdwWindow       parent_instance;

  CpStore        *store;
  CpUndoStack    *undo;
  char           *person_id;
  guint           step;
  guint           reload_source;
  CpPlanSection  *section;

  /* template children */
  AdwWindowTitle *window_title;
  GtkToggleButton *fullscreen_button;
  CpContributorButton *contributor_button;
  AdwBin         *section_bin;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkWidget      *back_button;
  AdwButtonContent *next_content;
};

G_DEFINE_FINAL_TYPE (CpSessionWindow, cp_session_window, ADW_TYPE_WINDOW)

/* The plan being written; a person without one gets a draft, since
 * starting a session is starting to write. */
static CpPlan *
current_plan (CpSessionWindow *self, GError **error)
{
  return cp_plan_current (self->store, self->person_id, NULL, error);
}

static void
load_entries (CpSessionWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlan) plan = current_plan (self, &error);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CpRecordList) entries = NULL;
  const char *plan_id;
  guint n;

  if (plan == NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_window_get_content (ADW_WINDOW (self))),
                                   adw_toast_new (error->message));
      return;
    }
  plan_id = cp_record_get_id (CP_RECORD (plan));
  entries = cp_record_list_new (self->store, CP_TYPE_PLAN_ENTRY, plan_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (entries));
  for (guint i = 0; i < n; i++)
    {
      CpPlanEntry *entry = g_list_model_get_item (G_LIST_MODEL (entries), i);
      CpSection section;

      g_object_get (entry, "section", &section, NULL);
      if (section == self->step && !cp_record_get_deleted (CP_RECORD (entry)))
        g_ptr_array_add (shown, entry);
      else
        g_object_unref (entry);
    }
  cp_plan_section_set_plan (self->section, self->person_id, plan_id);
  cp_plan_section_sync (self->section, shown);
  cp_plan_section_set_editable (self->section, cp_plan_is_editable (self->store, plan_id));
}

static gboolean
reload_idle_cb (gpointer data)
{
  CpSessionWindow *self = data;

  self->reload_source = 0;
  load_entries (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CpSessionWindow *self, const char *table, const char *id, CpStore *store)
{
  if ((g_str_equal (table, "plan_entry") || g_str_equal (table, "plan") ||
       g_str_equal (table, "contributor")) && self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
section_edited_cb (CpSessionWindow *self, const char *focus_id)
{
  load_entries (self);
  if (focus_id != NULL)
    cp_plan_section_focus_entry (self->section, focus_id);
}

static void
update_progress (CpSessionWindow *self)
{
  /* Translators: where the planning session is: "Step 3 of 14" */
  g_autofree char *text = g_strdup_printf (_("Step %u of %u"), self->step + 1, CP_N_SECTIONS);
  gboolean last = self->step + 1 == CP_N_SECTIONS;

  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, (self->step + 1) / (double) CP_N_SECTIONS);
  gtk_widget_set_sensitive (self->back_button, self->step > 0);
  adw_button_content_set_label (self->next_content, last ? _("_Finish") : _("_Next"));
  adw_button_content_set_icon_name (self->next_content, last ? "object-select-symbolic" : "go-next-symbolic");
}

gboolean
cp_session_window_flush (CpSessionWindow *self)
{
  g_return_val_if_fail (CP_IS_SESSION_WINDOW (self), FALSE);
  return self->section == NULL || cp_plan_section_flush (self->section);
}

void
cp_session_window_set_step (CpSessionWindow *self, guint step)
{
  GtkWidget *section;

  g_return_if_fail (CP_IS_SESSION_WINDOW (self));
  g_return_if_fail (step < CP_N_SECTIONS);

  cp_session_window_flush (self);
  self->step = step;
  section = cp_plan_section_new (step);
  self->section = CP_PLAN_SECTION (section);
  cp_plan_section_set_store (self->section, self->store, self->undo);
  cp_plan_section_set_large (self->section, TRUE);
  g_signal_connect_object (section, "edited", G_CALLBACK (section_edited_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->section_bin, section);
  load_entries (self);
  update_progress (self);
  /* The cursor is ready in the words (or on Add, when there are none). */
  cp_plan_section_focus (self->section);
}

guint
cp_session_window_get_step (CpSessionWindow *self)
{
  g_return_val_if_fail (CP_IS_SESSION_WINDOW (self), 0);
  return self->step;
}

CpPlanSection *
cp_session_window_get_section (CpSessionWindow *self)
{
  g_return_val_if_fail (CP_IS_SESSION_WINDOW (self), NULL);
  return self->section;
}

static void
back_clicked_cb (CpSessionWindow *self)
{
  if (self->step > 0)
    cp_session_window_set_step (self, self->step - 1);
}

static void
next_clicked_cb (CpSessionWindow *self)
{
  if (self->step + 1 < CP_N_SECTIONS)
    cp_session_window_set_step (self, self->step + 1);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
nav_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CpSessionWindow *self = CP_SESSION_WINDOW (widget);

  if (g_str_equal (name, "session.back"))
    back_clicked_cb (self);
  else if (self->step + 1 < CP_N_SECTIONS)
    next_clicked_cb (self);
}

static void
fullscreen_toggled_cb (CpSessionWindow *self)
{
  if (gtk_toggle_button_get_active (self->fullscreen_button))
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

static gboolean
toggle_fullscreen_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  CpSessionWindow *self = CP_SESSION_WINDOW (widget);

  gtk_toggle_button_set_active (self->fullscreen_button,
                                !gtk_toggle_button_get_active (self->fullscreen_button));
  return TRUE;
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CpSessionWindow *self = CP_SESSION_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  cp_session_window_flush (self);
  ok = g_str_equal (name, "session.redo") ? cp_undo_stack_redo (self->undo, &error)
                                          : cp_undo_stack_undo (self->undo, &error);
  if (!ok && error != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_window_get_content (ADW_WINDOW (self))),
                                 adw_toast_new (error->message));
  load_entries (self);
}

/* Back and Next win over the text, which would move its cursor by a page. */
static void
add_navigation_keys (CpSessionWindow *self)
{
  static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Left, GDK_ALT_MASK, "session.back" }, { GDK_KEY_Right, GDK_ALT_MASK, "session.next" },
    { GDK_KEY_Page_Up, 0, "session.back" }, { GDK_KEY_Page_Down, 0, "session.next" },
    { GDK_KEY_KP_Page_Up, 0, "session.back" }, { GDK_KEY_KP_Page_Down, 0, "session.next" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static gboolean
cp_session_window_close_request (GtkWindow *window)
{
  cp_session_window_flush (CP_SESSION_WINDOW (window));
  return GTK_WINDOW_CLASS (cp_session_window_parent_class)->close_request (window);
}

static void
cp_session_window_dispose (GObject *object)
{
  CpSessionWindow *self = CP_SESSION_WINDOW (object);

  if (self->store != NULL)
    {
      cp_session_window_flush (self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->section = NULL;
  g_clear_object (&self->undo);
  g_clear_object (&self->store);
  g_clear_pointer (&self->person_id, g_free);
  G_OBJECT_CLASS (cp_session_window_parent_class)->dispose (object);
}

static void
cp_session_window_class_init (CpSessionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_session_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cp_session_window_close_request;

  g_type_ensure (CP_TYPE_CONTRIBUTOR_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-session-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpSessionWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CpSessionWindow, fullscreen_button);
  gtk_widget_class_bind_template_child (widget_class, CpSessionWindow, contributor_button);
  gtk_widget_class_bind_template_child (widget_class, CpSessionWindow, section_bin);
  gtk_widget_class_bind_template_child (widget_class, CpSessionWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CpSessionWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CpSessionWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CpSessionWindow, next_content);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, fullscreen_toggled_cb);

  gtk_widget_class_install_action (widget_class, "session.back", NULL, nav_action);
  gtk_widget_class_install_action (widget_class, "session.next", NULL, nav_action);
  gtk_widget_class_install_action (widget_class, "session.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "session.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "session.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "session.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "session.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F11, 0, toggle_fullscreen_cb, NULL);
}

static void
cp_session_window_init (CpSessionWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_navigation_keys (self);
}

GtkWidget *
cp_session_window_new (GtkWindow *parent, CpStore *store, CpUndoStack *undo, const char *person_id)
{
  CpSessionWindow *self;
  g_autoptr(CpPerson) person = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (CP_IS_UNDO_STACK (undo), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  self = g_object_new (CP_TYPE_SESSION_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->undo = g_object_ref (undo);
  self->person_id = g_strdup (person_id);
  person = cp_store_load (store, CP_TYPE_PERSON, person_id, NULL);
  if (person != NULL)
    {
      g_autofree char *name = cp_person_dup_display_name (person);
      adw_window_title_set_subtitle (self->window_title, name);
    }
  cp_contributor_button_set_store (self->contributor_button, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  cp_session_window_set_step (self, 0);
  return GTK_WIDGET (self);
}
