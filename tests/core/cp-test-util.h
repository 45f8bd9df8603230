/* cp-test-util.h — small helpers shared by the core test suites
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only so tests/core/meson.build needs no helper library. Every
 * suite runs with G_TEST_OPTION_ISOLATE_DIRS: each test case gets a
 * fresh, private XDG_DATA_HOME that GLib removes afterwards, so no test
 * ever touches the real home folder.
 */
#pragma once

#include "cp-test-tree.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "coplan-core.h"

static inline void
cp_test_init (int *argc, char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/* Removes a folder and everything in it; a missing folder is fine. */
/* For suites that check $XDG_DATA_HOME itself: G_TEST_OPTION_ISOLATE_DIRS
 * points the variable at /dev/null, so set it to a fresh folder of our
 * own before GLib reads it. A g_test_trap_subprocess() child shares its
 * parent's folder. Returns the folder; see cp_test_finish_data_home(). */
static inline char *
cp_test_init_data_home (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *inherited = g_getenv ("CP_TEST_DATA_HOME");
  char *home = inherited ? g_strdup (inherited) : g_dir_make_tmp ("coplan-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("CP_TEST_DATA_HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (argc, argv, NULL);
  g_assert_cmpstr (g_get_user_data_dir (), ==, home);
  return home;
}

static inline void
cp_test_finish_data_home (const char *home)
{
  if (!g_test_subprocess ())
    cp_test_remove_tree (home);
}

/* Each test case starts with an empty data folder. */
static inline void
cp_test_reset_data_home (void)
{
  const char *home = g_get_user_data_dir ();
  GDir *dir = g_dir_open (home, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (home, name, NULL);
      cp_test_remove_tree (child);
    }
  g_dir_close (dir);
}

/* A path in this test case's private data folder (not yet created). */
static inline char *
cp_test_data_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "coplan-test", name, NULL);
}

/* The test case's own data folder, created private to this user. */
static inline char *
cp_test_make_dir (const char *name)
{
  char *dir = cp_test_data_path (name);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

/* Opens (and creates) the default database of this test case. */
static inline CpStore *
cp_test_open_store (void)
{
  g_autoptr(GError) error = NULL;
  CpStore *store = cp_store_open (NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static inline GBytes *
cp_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static inline guint
cp_test_file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 0777;
}

/* Runs a query returning one integer, e.g. "SELECT count(*) FROM audit".
 * The optional text is bound to ?1. */
static inline gint64
cp_test_query_int (CpStore *store, const char *sql, const char *arg)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cp_store_prepare (store, sql, &error);
  gint64 result;

  g_assert_no_error (error);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return result;
}

/* The same for a query returning one text value (NULL stays NULL). */
static inline char *
cp_test_query_text (CpStore *store, const char *sql, const char *arg)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cp_store_prepare (store, sql, &error);
  char *result;

  g_assert_no_error (error);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return result;
}

static inline gint64
cp_test_audit_count (CpStore *store)
{
  return cp_test_query_int (store, "SELECT count(*) FROM audit", NULL);
}

/* Inserts a person with just a name; the caller owns the result. */
static inline CpPerson *
cp_test_add_person (CpStore *store, const char *given, const char *family)
{
  g_autoptr(GError) error = NULL;
  CpPerson *person = cp_person_new ();

  g_object_set (person, "given-name", given, "family-name", family, NULL);
  cp_store_insert (store, CP_RECORD (person), &error);
  g_assert_no_error (error);
  return person;
}

/* Modulus 11, written out here so the tests do not trust the code they
 * check: the check digit for nine digits, or -1 if none is valid. */
static inline int
cp_test_nhs_check_digit (const char *nine)
{
  int sum = 0;
  int check;

  for (int i = 0; i < 9; i++)
    sum += (nine[i] - '0') * (10 - i);
  check = 11 - (sum % 11);
  if (check == 11)
    check = 0;
  return check == 10 ? -1 : check;
}
