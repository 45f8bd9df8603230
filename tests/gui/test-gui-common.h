/* test-gui-common.h — helpers shared by the GUI tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>

#include "coplan-core.h"

#define TEST_TIMEOUT_MS 5000

/* A private data folder for this run, before anything reads it. */
static inline char *
test_gui_init (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("coplan-gui-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return dir;
}

static gboolean
test_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Pumps the main loop until @cond holds or the timeout passes. */
static inline gboolean
test_wait_until (gboolean (*cond) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + TEST_TIMEOUT_MS * 1000;
  guint wake = g_timeout_add (20, test_wake_cb, NULL);
  gboolean ok;

  while (!(ok = cond (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return ok;
}

static gboolean
test_idle_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
test_flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Lets every pending idle (list refreshes, redraws) run once. */
static inline void
test_settle (void)
{
  gboolean done = FALSE;

  g_idle_add_full (G_PRIORITY_LOW, test_idle_done_cb, &done, NULL);
  g_assert_true (test_wait_until (test_flag_set, &done));
}

static inline CpStore *
test_open_store (const char *dir, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  CpStore *store = cp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static inline CpPerson *
test_add_person (CpStore *store, const char *given, const char *family, const char *nhs)
{
  g_autoptr(GError) error = NULL;
  CpPerson *person = cp_person_new ();

  g_object_set (person, "given-name", given, "family-name", family, "nhs-number", nhs, NULL);
  cp_store_insert (store, CP_RECORD (person), &error);
  g_assert_no_error (error);
  return person;
}

/* Finds the first descendant of @type whose @property equals @value (or any, if NULL). */
static inline GtkWidget *
test_find_widget (GtkWidget *root, GType type, const char *property, const char *value)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          g_autofree char *text = NULL;

          if (property == NULL)
            return child;
          g_object_get (child, property, &text, NULL);
          if (g_strcmp0 (text, value) == 0)
            return child;
        }
      found = test_find_widget (child, type, property, value);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A window showing @page inside a toast overlay, as the person view does. */
static inline GtkWidget *
test_window_with_page (GtkWidget *page)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  return window;
}

/* Destroys @window, lets what it queued run, then closes and drops @store. */
static inline void
test_close_window_and_store (GtkWidget *window, CpStore **store)
{
  gtk_window_destroy (GTK_WINDOW (window));
  test_settle ();
  cp_store_close (*store);
  g_clear_object (store);
}

/* The first descendant of @root of @type titled @title; it must be there. */
static inline GtkWidget *
test_find_titled (GtkWidget *root, GType type, const char *title)
{
  GtkWidget *widget = test_find_widget (root, type, "title", title);

  g_assert_nonnull (widget);
  return widget;
}

/* The error row right after @entry, when it is shown. */
static inline GtkWidget *
test_error_after (GtkWidget *entry)
{
  GtkWidget *next = gtk_widget_get_next_sibling (entry);

  if (next != NULL && gtk_widget_has_css_class (next, "cp-field-error") && gtk_widget_get_visible (next))
    return next;
  return NULL;
}

/* A stored value to wait for with test_wait_until (test_stored_is, &stored). */
typedef struct
{
  CpStore    *store;
  GType       type;
  const char *id;
  const char *property;
  const char *expected;
} TestStored;

static inline gboolean
test_stored_is (gpointer data)
{
  TestStored *s = data;
  g_autoptr(CpRecord) record = cp_store_load (s->store, s->type, s->id, NULL);

  return record != NULL && g_strcmp0 (cp_record_get_string (record, s->property), s->expected) == 0;
}

/* The first shown toplevel window of @type (a dialog the page opened), or NULL. */
static inline GtkWidget *
test_find_toplevel (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}
