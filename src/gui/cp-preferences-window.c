/* cp-preferences-window.c — the Preferences window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cp-preferences-window.h"

struct _CpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  CpApplication        *application;
  CpStore              *store;
  gboolean              loading;

  /* template children */
  AdwEntryRow          *name_row;
  GtkCheckButton       *scheme_default;
  GtkCheckButton       *scheme_light;
  GtkCheckButton       *scheme_dark;
  GtkSwitch            *large_text_switch;
  AdwActionRow         *location_row;
  GtkButton            *backup_button;
  GtkSpinButton        *surplus_spin;
};

G_DEFINE_FINAL_TYPE (CpPreferencesWindow, cp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
name_changed_cb (CpPreferencesWindow *self)
{
  if (self->loading || self->application == NULL)
    return;
  cp_application_set_contributor (self->application,
                                  gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
scheme_toggled_cb (CpPreferencesWindow *self, GtkCheckButton *button)
{
  const char *scheme = "default";

  if (self->loading || self->application == NULL || !gtk_check_button_get_active (button))
    return;
  if (button == self->scheme_light)
    scheme = "light";
  else if (button == self->scheme_dark)
    scheme = "dark";
  cp_application_set_color_scheme (self->application, scheme);
}

static void
large_text_cb (CpPreferencesWindow *self)
{
  if (self->loading || self->application == NULL)
    return;
  cp_application_set_large_text (self->application, gtk_switch_get_active (self->large_text_switch));
}

static void
backup_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  char *path = cp_backup_rotate (data, &error);

  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

static void
backup_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  CpPreferencesWindow *self = CP_PREFERENCES_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), TRUE);
  if (path != NULL)
    {
      g_autofree char *name = g_path_get_basename (path);
      /* Translators: %s is the name of the backup file */
      text = g_strdup_printf (_("Backup copy saved as %s"), name);
    }
  else
    text = g_strdup_printf (_("Could not make a backup copy: %s"), error->message);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
backup_clicked_cb (CpPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), FALSE);
  task = g_task_new (self, NULL, backup_done_cb, NULL);
  g_task_set_source_tag (task, backup_clicked_cb);
  g_task_set_task_data (task, g_strdup (cp_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, backup_thread);
}

/* Budget rules live in the database (cp-budget-rules), not GSettings. */
static void
surplus_changed_cb (CpPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->store == NULL)
    return;
  if (!cp_budget_rules_set_surplus_weeks (self->store, (guint) gtk_spin_button_get_value_as_int (self->surplus_spin),
                                          &error))
    g_warning ("Could not save the surplus allowed: %s", error->message);
}

static void
load_values (CpPreferencesWindow *self)
{
  GSettings *settings = self->application ? cp_application_get_settings (self->application) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *scheme = NULL;

  self->loading = TRUE;
  if (settings != NULL)
    {
      name = g_settings_get_string (settings, "contributor-name");
      scheme = g_settings_get_string (settings, "color-scheme");
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
      gtk_switch_set_active (self->large_text_switch, g_settings_get_boolean (settings, "large-text"));
    }
  gtk_check_button_set_active (g_strcmp0 (scheme, "light") == 0 ? self->scheme_light :
                               g_strcmp0 (scheme, "dark") == 0 ? self->scheme_dark :
                               self->scheme_default, TRUE);
  adw_action_row_set_subtitle (self->location_row,
                               self->store ? cp_store_get_path (self->store) : _("No data file is open"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->surplus_spin), self->store != NULL);
  if (self->store != NULL)
    gtk_spin_button_set_value (self->surplus_spin, cp_budget_rules_get_surplus_weeks (self->store));
  self->loading = FALSE;
}

static void
cp_preferences_window_dispose (GObject *object)
{
  CpPreferencesWindow *self = CP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->application);
  G_OBJECT_CLASS (cp_preferences_window_parent_class)->dispose (object);
}

static void
cp_preferences_window_class_init (CpPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cp_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coplan/Coplan/cp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, scheme_default);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, scheme_light);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, scheme_dark);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, large_text_switch);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, backup_button);
  gtk_widget_class_bind_template_child (widget_class, CpPreferencesWindow, surplus_spin);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scheme_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, large_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, surplus_changed_cb);
}

static void
cp_preferences_window_init (CpPreferencesWindow *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

GtkWidget *
cp_preferences_window_new (CpApplication *application, CpStore *store)
{
  CpPreferencesWindow *self = g_object_new (CP_TYPE_PREFERENCES_WINDOW, NULL);

  if (application != NULL)
    {
      self->application = g_object_ref (application);
      gtk_window_set_application (GTK_WINDOW (self), GTK_APPLICATION (application));
    }
  g_set_object (&self->store, store);
  load_values (self);
  return GTK_WIDGET (self);
}
