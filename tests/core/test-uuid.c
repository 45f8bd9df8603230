/* test-uuid.c — time-ordered (version 7) ids for the audit trail
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "cp-uuid.h"

/* 8-4-4-4-12 lower-case hex, version 7, RFC 9562 variant (10xx). */
static void
assert_v7_shape (const char *id)
{
  g_assert_cmpuint (strlen (id), ==, 36);
  g_assert_true (g_uuid_string_is_valid (id));
  for (guint i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        g_assert_cmpint (id[i], ==, '-');
      else
        g_assert_true (g_ascii_isxdigit (id[i]) && !g_ascii_isupper (id[i]));
    }
  g_assert_cmpint (id[14], ==, '7');
  g_assert_nonnull (strchr ("89ab", id[19]));
}

/* The first 48 bits are the Unix time in milliseconds. */
static void
test_time_prefix (void)
{
  gint64 before = g_get_real_time () / 1000;
  g_autofree char *id = cp_uuid_v7_string ();
  gint64 after = g_get_real_time () / 1000;
  g_autofree char *hex = g_strdup_printf ("%.8s%.4s", id, id + 9);
  gint64 stamp = g_ascii_strtoll (hex, NULL, 16);

  assert_v7_shape (id);
  g_assert_cmpint (stamp, >=, before);
  /* The counter may have moved the time on by a little when earlier
   * tests made many ids in one millisecond. */
  g_assert_cmpint (stamp, <=, after + 5);
}

/* Many ids made at once (thousands per millisecond) still sort in the
 * order they were made, and none repeats: what keeps the audit table's
 * key index growing at its end. */
static void
test_sorted_and_unique (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *previous = NULL;

  for (guint i = 0; i < 20000; i++)
    {
      char *id = cp_uuid_v7_string ();

      assert_v7_shape (id);
      if (previous != NULL)
        g_assert_cmpint (strcmp (previous, id), <, 0);
      g_assert_true (g_hash_table_add (seen, g_strdup (id)));
      g_free (previous);
      previous = id;
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/uuid/v7/time-prefix", test_time_prefix);
  g_test_add_func ("/uuid/v7/sorted-and-unique", test_sorted_and_unique);
  return g_test_run ();
}
