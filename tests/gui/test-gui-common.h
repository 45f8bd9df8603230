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
