/* cp-application.c — Coplan, the application
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Start-up opens the store (no rows are read) and shows the window; the
 * health check and the daily backup run afterwards in a worker thread.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cp-application-private.h"
#include "cp-example.h"
#include "cp-preferences-window.h"

G_DEFINE_FINAL_TYPE (CpApplication, cp_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use this database file"), N_("FILE") },
  { "benchmark-startup", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Quit as soon as the first window is drawn"), NULL },
  { NULL }
};

GSettings *
cp_application_get_settings (CpApplication *self)
{
  g_return_val_if_fail (CP_IS_APPLICATION (self), NULL);
  return self->settings;
}

static void
apply_large_text (CpApplication *self, GtkWindow *window)
{
  gboolean large = self->settings && g_settings_get_boolean (self->settings, "large-text");

  if (large)
    gtk_widget_add_css_class (GTK_WIDGET (window), "cp-large-text");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (window), "cp-large-text");
}

static void
apply_color_scheme (CpApplication *self)
{
  g_autofree char *scheme = self->settings ? g_settings_get_string (self->settings, "color-scheme") : NULL;
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    value = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

void
cp_application_set_color_scheme (CpApplication *self, const char *scheme)
{
  g_return_if_fail (CP_IS_APPLICATION (self));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "color-scheme", scheme);
  apply_color_scheme (self);
}

void
cp_application_set_large_text (CpApplication *self, gboolean large)
{
  g_return_if_fail (CP_IS_APPLICATION (self));
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "large-text", large);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    apply_large_text (self, l->data);
}

void
_cp_application_apply_contributor (CpApplication *self, CpStore *store)
{
  g_autofree char *name = self->settings ? g_settings_get_string (self->settings, "contributor-name") : NULL;

  cp_store_set_contributor (store, name);
}

void
cp_application_set_contributor (CpApplication *self, const char *name)
{
  g_return_if_fail (CP_IS_APPLICATION (self));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "contributor-name", name ? name : "");
  if (self->store != NULL)
    cp_store_set_contributor (self->store, name);
  if (self->example_window != NULL)
    cp_store_set_contributor (cp_window_get_store (self->example_window), name);
}

/* Running uninstalled without the schema must not abort: settings are then not kept. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed: settings will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new (APP_ID);
}

static CpWindow *
active_cp_window (CpApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CP_IS_WINDOW (window))
    return CP_WINDOW (window);
  return self->main_window;
}

static void
about_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  CpApplication *self = data;
  const char *developers[] = { "Coplan developers", NULL };
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "application-name", _("Coplan"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("Coplan developers"),
                "developers", developers,
                "license-type", GTK_LICENSE_GPL_3_0,
                "website", "https://github.com/coplan",
                "copyright", "© 2026 Coplan developers",
                "translator-credits", _("translator-credits"),
                "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  CpApplication *self = data;
  CpWindow *window = active_cp_window (self);
  GtkWidget *prefs = cp_preferences_window_new (self, window ? cp_window_get_store (window) : self->store);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
shortcuts_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
quit_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  CpApplication *self = data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (not destroying) saves what is being typed. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (self));
}

static void
example_window_gone (CpApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "open-example");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), TRUE);
}

static void
example_ready_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(CpApplication) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cp_example_path ();
  g_autoptr(CpStore) store = NULL;

  g_application_release (G_APPLICATION (self));
  if (cp_example_prepare_finish (result, &error))
    store = cp_store_open (path, &error);
  if (store == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not make the example: %s"), error->message);

      example_window_gone (self);
      if (self->main_window != NULL)
        cp_window_add_toast (self->main_window, text);
      else
        g_warning ("%s", text);
      return;
    }
  _cp_application_apply_contributor (self, store);
  self->example_window = cp_window_new (GTK_APPLICATION (self), store, TRUE);
  g_object_add_weak_pointer (G_OBJECT (self->example_window), (gpointer *) &self->example_window);
  gtk_window_present (GTK_WINDOW (self->example_window));
}

static void
open_example_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  CpApplication *self = data;
  g_autofree char *path = NULL;

  if (self->example_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->example_window));
      return;
    }
  path = cp_example_path ();
  g_simple_action_set_enabled (action, FALSE);
  g_application_hold (G_APPLICATION (self));
  cp_example_prepare_async (path, self->cancellable, example_ready_cb, g_object_ref (self));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_cb },
  { .name = "preferences", .activate = preferences_cb },
  { .name = "shortcuts", .activate = shortcuts_cb },
  { .name = "quit", .activate = quit_cb },
  { .name = "open-example", .activate = open_example_cb },
};

static void
set_accels (GtkApplication *app)
{
  const char *quit[] = { "<Control>q", NULL };
  const char *add[] = { "<Control>n", NULL };
  const char *search[] = { "<Control>f", NULL };
  const char *prefs[] = { "<Control>comma", NULL };
  const char *close[] = { "<Control>w", NULL };
  const char *print[] = { "<Control>p", NULL };

  gtk_application_set_accels_for_action (app, "app.quit", quit);
  gtk_application_set_accels_for_action (app, "win.add-person", add);
  gtk_application_set_accels_for_action (app, "win.search", search);
  gtk_application_set_accels_for_action (app, "app.preferences", prefs);
  gtk_application_set_accels_for_action (app, "win.print-plan::standard", print);
  gtk_application_set_accels_for_action (app, "window.close", close);
}

static void
settings_changed_cb (CpApplication *self, const char *key)
{
  if (g_strcmp0 (key, "color-scheme") == 0)
    apply_color_scheme (self);
}

static void
cp_application_startup (GApplication *app)
{
  CpApplication *self = CP_APPLICATION (app);

  G_APPLICATION_CLASS (cp_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  self->settings = create_settings ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb),
                             self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  set_accels (GTK_APPLICATION (self));
}

/* The first frame of the main window is drawn, its caseload list filled:
 * only now do the health check and backup start, so they never compete
 * with showing the window. --benchmark-startup quits here. */
static void
first_frame_cb (GdkFrameClock *clock, CpApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  if (!self->health_started)
    {
      self->health_started = TRUE;
      _cp_application_start_health_check (self);
    }
  if (self->benchmark)
    {
      g_print ("first-frame-ms: %.1f\n", (g_get_monotonic_time () - self->started_at) / 1000.0);
      g_application_quit (G_APPLICATION (self));
    }
}

static void
main_window_map_cb (GtkWidget *window, CpApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, main_window_map_cb, self);
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), self);
}

CpWindow *
_cp_application_open_main_window (CpApplication *self)
{
  g_autoptr(GError) error = NULL;

  self->store = cp_store_open (self->db_path, &error);
  if (self->store == NULL)
    {
      _cp_application_show_store_error (self, error);
      return NULL;
    }
  _cp_application_apply_contributor (self, self->store);
  self->main_window = cp_window_new (GTK_APPLICATION (self), self->store, FALSE);
  g_object_add_weak_pointer (G_OBJECT (self->main_window), (gpointer *) &self->main_window);
  g_signal_connect (self->main_window, "map", G_CALLBACK (main_window_map_cb), self);
  gtk_window_present (GTK_WINDOW (self->main_window));
  return self->main_window;
}

static void
cp_application_activate (GApplication *app)
{
  CpApplication *self = CP_APPLICATION (app);

  if (self->main_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->main_window));
      return;
    }
  _cp_application_open_main_window (self);
}

/* --db and --benchmark-startup need their own process, not the running Coplan. */
static int
cp_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  CpApplication *self = CP_APPLICATION (app);
  g_autofree char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (db, NULL);
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  if (g_variant_dict_contains (options, "benchmark-startup"))
    {
      self->benchmark = TRUE;
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  return -1;
}

static void
cp_application_window_added (GtkApplication *app, GtkWindow *window)
{
  CpApplication *self = CP_APPLICATION (app);

  GTK_APPLICATION_CLASS (cp_application_parent_class)->window_added (app, window);
  apply_large_text (self, window);
}

static void
cp_application_window_removed (GtkApplication *app, GtkWindow *window)
{
  CpApplication *self = CP_APPLICATION (app);

  if (CP_IS_WINDOW (window) && cp_window_is_example (CP_WINDOW (window)))
    example_window_gone (self);
  GTK_APPLICATION_CLASS (cp_application_parent_class)->window_removed (app, window);
}

static void
cp_application_shutdown (GApplication *app)
{
  CpApplication *self = CP_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  G_APPLICATION_CLASS (cp_application_parent_class)->shutdown (app);
  if (self->store != NULL)
    cp_store_close (self->store);
}

static void
cp_application_finalize (GObject *object)
{
  CpApplication *self = CP_APPLICATION (object);

  g_free (self->db_path);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cp_application_parent_class)->finalize (object);
}

static void
cp_application_class_init (CpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cp_application_finalize;
  app_class->startup = cp_application_startup;
  app_class->activate = cp_application_activate;
  app_class->shutdown = cp_application_shutdown;
  app_class->handle_local_options = cp_application_handle_local_options;
  gtk_app_class->window_added = cp_application_window_added;
  gtk_app_class->window_removed = cp_application_window_removed;
}

static void
cp_application_init (CpApplication *self)
{
  self->started_at = g_get_monotonic_time ();
  self->cancellable = g_cancellable_new ();
  self->db_path = cp_store_default_path ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

CpApplication *
cp_application_new (void)
{
  return g_object_new (CP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/coplan/Coplan",
                       NULL);
}
