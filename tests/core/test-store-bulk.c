/* test-store-bulk.c — the connection settings of one large write
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-test-util.h"
#include "cp-store-bulk.h"

static gboolean
temp_trigger_exists (CpStore *store)
{
  return cp_test_query_int (store,
                            "SELECT count (*) FROM temp.sqlite_master WHERE name = 'keep_me'",
                            NULL) == 1;
}

static void
add_temp_trigger (CpStore *store)
{
  g_assert_true (cp_store_exec (store,
                                "CREATE TEMP TRIGGER keep_me BEFORE INSERT ON person"
                                " BEGIN SELECT 1; END", NULL));
}

/* From the defaults: the larger cache and memory for the statement
 * journal while the write runs, then the defaults again. */
static void
test_begin_end (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  gint64 cache = cp_test_query_int (store, "PRAGMA cache_size", NULL);
  gint64 temp = cp_test_query_int (store, "PRAGMA temp_store", NULL);
  CpStoreBulkPragmas saved;

  g_assert_cmpint (temp, !=, 2);
  saved = _cp_store_bulk_begin (store, 4096);
  g_assert_cmpint (saved.cache_size, ==, cache);
  g_assert_cmpint (saved.temp_store, ==, temp);
  g_assert_cmpint (cp_test_query_int (store, "PRAGMA cache_size", NULL), ==, -4096);
  g_assert_cmpint (cp_test_query_int (store, "PRAGMA temp_store", NULL), ==, 2);
  _cp_store_bulk_end (store, &saved);
  g_assert_cmpint (cp_test_query_int (store, "PRAGMA cache_size", NULL), ==, cache);
  g_assert_cmpint (cp_test_query_int (store, "PRAGMA temp_store", NULL), ==, temp);
}

/* temp_store already in memory is left alone, so the connection's TEMP
 * trigger survives the write; a cache already larger is not shrunk. */
static void
test_keeps_what_is_already_set (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  CpStoreBulkPragmas saved;

  g_assert_true (cp_store_exec (store, "PRAGMA temp_store = 2; PRAGMA cache_size = -100000", NULL));
  add_temp_trigger (store);
  saved = _cp_store_bulk_begin (store, 4096);
  g_assert_true (temp_trigger_exists (store));
  g_assert_cmpint (cp_test_query_int (store, "PRAGMA cache_size", NULL), ==, -100000);
  g_assert_cmpint (cp_test_query_int (store, "PRAGMA temp_store", NULL), ==, 2);
  _cp_store_bulk_end (store, &saved);
  g_assert_true (temp_trigger_exists (store));
  g_assert_cmpint (cp_test_query_int (store, "PRAGMA cache_size", NULL), ==, -100000);
  g_assert_cmpint (cp_test_query_int (store, "PRAGMA temp_store", NULL), ==, 2);
}

int
main (int argc, char *argv[])
{
  cp_test_init (&argc, &argv);
  g_test_add_func ("/store-bulk/pragmas/begin-end", test_begin_end);
  g_test_add_func ("/store-bulk/pragmas/keeps-what-is-set", test_keeps_what_is_already_set);
  return g_test_run ();
}
