/* test-record-list.c — the lazily fetched caseload list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-test-util.h"

#define N_PEOPLE 1000
/* People with names the search tests look for, at fixed positions. */
#define ZEBEDEE 17
#define PERCENT 123
#define UNDERSCORE 456
#define BACKSLASH 789
#define WITH_NHS 321

typedef struct
{
  CpStore   *store;
  GPtrArray *people; /* CpPerson, in insertion order */
  char      *nhs_of_with_nhs;
} Fixture;

/* Tracks the list's items-changed and notify::n-items emissions. */
typedef struct
{
  guint changes;
  guint position;
  guint removed;
  guint added;
  guint n_items_notifies;
} ListLog;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, ListLog *log)
{
  log->changes++;
  log->position = position;
  log->removed = removed;
  log->added = added;
}

static void
n_items_notify_cb (GObject *object, GParamSpec *pspec, ListLog *log)
{
  log->n_items_notifies++;
}

static void
watch_list (CpRecordList *list, ListLog *log)
{
  memset (log, 0, sizeof *log);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (n_items_notify_cb), log);
}

/* A valid NHS number made from @n, or NULL when no check digit fits. */
static char *
nhs_number_for (guint n)
{
  g_autofree char *nine = g_strdup_printf ("%09u", 400000000 + n * 37);
  int check = cp_test_nhs_check_digit (nine);

  return check < 0 ? NULL : g_strdup_printf ("%s%d", nine, check);
}

/* Family names in a scrambled order and mixed case, so the list's
 * order comes from the database and ignores case. */
static void
name_person (CpPerson *person, guint i)
{
  guint scrambled = (i * 7919) % N_PEOPLE;
  g_autofree char *family = g_strdup_printf ("%s%04u", (i % 2) ? "family" : "FAMILY", scrambled);
  g_autofree char *given = g_strdup_printf ("Given%u", i);
  g_autofree char *nhs = nhs_number_for (i);

  g_object_set (person, "given-name", given, "family-name", family, "nhs-number", nhs, NULL);
  if (i == ZEBEDEE)
    g_object_set (person, "given-name", "Zebedee", NULL);
  else if (i == PERCENT)
    g_object_set (person, "family-name", "100% Real", NULL);
  else if (i == UNDERSCORE)
    g_object_set (person, "family-name", "Under_score", NULL);
  else if (i == BACKSLASH)
    g_object_set (person, "family-name", "Back\\slash", NULL);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->store = cp_test_open_store ();
  f->people = g_ptr_array_new_with_free_func (g_object_unref);
  g_assert_true (cp_store_begin (f->store, &error));
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      CpPerson *person = cp_person_new ();

      name_person (person, i);
      g_assert_true (cp_store_insert (f->store, CP_RECORD (person), &error));
      g_assert_no_error (error);
      g_ptr_array_add (f->people, person);
    }
  g_assert_true (cp_store_commit (f->store, &error));
  g_assert_no_error (error);
  f->nhs_of_with_nhs = g_strdup (cp_person_get_nhs_number (g_ptr_array_index (f->people, WITH_NHS)));
  g_assert_nonnull (f->nhs_of_with_nhs);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  /* Idle refreshes queued by the last writes must not outlive the list. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&f->people, g_ptr_array_unref);
  g_clear_pointer (&f->nhs_of_with_nhs, g_free);
  g_clear_object (&f->store);
}

static CpRecord *
person_at (Fixture *f, guint i)
{
  return g_ptr_array_index (f->people, i);
}

static const char *
item_family (GListModel *model, guint position, CpRecord **out)
{
  *out = g_list_model_get_item (model, position);
  g_assert_nonnull (*out);
  return cp_record_get_string (*out, "family-name");
}

/* --- paging and order ---------------------------------------------- */

static void
test_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(CpRecordList) list = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(CpRecord) first = NULL;
  g_autoptr(CpRecord) last = NULL;
  g_autoptr(CpRecord) again = NULL;
  guint n_items = 0;

  g_assert_true (g_list_model_get_item_type (model) == CP_TYPE_PERSON);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_PEOPLE);
  g_object_get (list, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, N_PEOPLE);
  /* Counting the rows reads no page. */
  g_assert_cmpuint (cp_record_list_get_pages_fetched (list), ==, 0);

  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, N_PEOPLE - 1);
  g_assert_true (CP_IS_PERSON (first));
  g_assert_true (CP_IS_PERSON (last));
  g_assert_cmpuint (cp_record_list_get_pages_fetched (list), ==, 2);

  /* The same page again comes from memory. */
  again = g_list_model_get_item (model, 1);
  g_assert_nonnull (again);
  g_assert_cmpuint (cp_record_list_get_pages_fetched (list), ==, 2);

  g_assert_null (g_list_model_get_item (model, N_PEOPLE));
  g_assert_cmpuint (cp_record_list_get_pages_fetched (list), ==, 2);
}

/* Only the most recently used pages stay in memory; a page dropped is
 * fetched again, and gives the same rows. */
static void
test_page_eviction (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecordList) list = NULL;
  g_autoptr(CpRecord) first = NULL;
  g_autoptr(CpRecord) first_again = NULL;
  g_autoptr(CpRecord) last = NULL;
  guint n_items;
  guint fetched;

  g_assert_true (cp_store_begin (f->store, &error));
  for (guint i = 0; i < 100; i++)
    g_object_unref (cp_test_add_person (f->store, "Extra", "Zz Extra"));
  g_assert_true (cp_store_commit (f->store, &error));
  list = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_items, ==, N_PEOPLE + 100);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  for (guint i = 1; i < n_items; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  /* 1,100 rows are 18 pages of 64: every one read once. */
  fetched = cp_record_list_get_pages_fetched (list);
  g_assert_cmpuint (fetched, ==, (n_items + 63) / 64);

  /* The first page was the least recently used, so it went. */
  first_again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpuint (cp_record_list_get_pages_fetched (list), ==, fetched + 1);
  g_assert_cmpstr (cp_record_get_id (first_again), ==, cp_record_get_id (first));

  /* The last page was used recently and is still there. */
  last = g_list_model_get_item (G_LIST_MODEL (list), n_items - 1);
  g_assert_cmpstr (cp_record_get_string (last, "family-name"), ==, "Zz Extra");
  g_assert_cmpuint (cp_record_list_get_pages_fetched (list), ==, fetched + 1);
}

static void
test_order (Fixture *f, gconstpointer data)
{
  g_autoptr(CpRecordList) list = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *previous = NULL;

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(CpRecord) item = NULL;
      const char *family = item_family (model, i, &item);

      if (previous != NULL)
        g_assert_cmpint (g_ascii_strcasecmp (previous, family), <=, 0);
      g_free (previous);
      previous = g_strdup (family);
      g_assert_true (g_hash_table_add (seen, g_strdup (cp_record_get_id (item))));
    }
  /* Every person once: no row lost or repeated across page edges. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_PEOPLE);
}

/* --- search -------------------------------------------------------- */

static guint
search_count (CpRecordList *list, const char *search)
{
  cp_record_list_set_search (list, search);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
assert_only (CpRecordList *list, const char *search, CpRecord *expected)
{
  g_autoptr(CpRecord) item = NULL;

  g_assert_cmpuint (search_count (list, search), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (cp_record_get_id (item), ==, cp_record_get_id (expected));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1));
}

static void
test_search (Fixture *f, gconstpointer data)
{
  g_autoptr(CpRecordList) list = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);
  ListLog log;

  watch_list (list, &log);

  /* Part of a name, in any case. */
  assert_only (list, "zebed", person_at (f, ZEBEDEE));
  g_assert_cmpstr (cp_record_list_get_search (list), ==, "zebed");
  assert_only (list, "  ZEBEDEE ", person_at (f, ZEBEDEE));
  assert_only (list, f->nhs_of_with_nhs, person_at (f, WITH_NHS));
  /* Given1, Given10…19 but 17 (Zebedee), Given100…199 */
  g_assert_cmpuint (search_count (list, "Given1"), ==, 110);

  /* LIKE wildcards are letters like any other. */
  assert_only (list, "%", person_at (f, PERCENT));
  assert_only (list, "100%", person_at (f, PERCENT));
  assert_only (list, "_", person_at (f, UNDERSCORE));
  assert_only (list, "r_s", person_at (f, UNDERSCORE));
  assert_only (list, "\\", person_at (f, BACKSLASH));
  g_assert_cmpuint (search_count (list, "F%Y"), ==, 0);

  g_assert_cmpuint (search_count (list, "nobody is called this"), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));

  /* An empty search shows everyone. */
  g_assert_cmpuint (search_count (list, ""), ==, N_PEOPLE);
  g_assert_null (cp_record_list_get_search (list));
  g_assert_cmpuint (search_count (list, "zebed"), ==, 1);
  g_assert_cmpuint (search_count (list, "   "), ==, N_PEOPLE);
  g_assert_cmpuint (search_count (list, "zebed"), ==, 1);
  g_assert_cmpuint (search_count (list, NULL), ==, N_PEOPLE);

  /* Each narrowing told the views. */
  g_assert_cmpuint (log.changes, >=, 10);
  g_assert_cmpuint (log.removed, ==, 1);
  g_assert_cmpuint (log.added, ==, N_PEOPLE);
}

/* People are searched for as the list shows them: "Sam Patel" for
 * Samantha who likes to be called Sam, and an NHS number as Coplan
 * prints it, "943 476 5919", or as people type it with hyphens. */
static void
test_search_as_shown (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) sam = cp_person_new ();
  g_autoptr(CpRecordList) list = NULL;
  g_autofree char *shown_name = NULL;
  g_autofree char *shown_nhs = NULL;
  g_autofree char *hyphens = NULL;

  g_object_set (sam, "given-name", "Samantha", "preferred-name", "Sam",
                "family-name", "Patel", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (sam), &error));
  g_assert_no_error (error);
  list = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);

  shown_name = cp_person_dup_display_name (sam);
  g_assert_cmpstr (shown_name, ==, "Sam Patel");
  assert_only (list, shown_name, CP_RECORD (sam));
  assert_only (list, "samantha patel", CP_RECORD (sam));
  assert_only (list, "Patel", CP_RECORD (sam));

  shown_nhs = cp_nhs_number_format (f->nhs_of_with_nhs);
  g_assert_nonnull (strchr (shown_nhs, ' '));
  assert_only (list, shown_nhs, person_at (f, WITH_NHS));
  hyphens = g_strdelimit (g_strdup (shown_nhs), " ", '-');
  assert_only (list, hyphens, person_at (f, WITH_NHS));

  /* Case is ignored beyond ASCII too: the caseload is not all English. */
  {
    g_autoptr(CpPerson) lukasz = cp_person_new ();

    g_object_set (lukasz, "given-name", "Łukasz", "family-name", "Wróbel", NULL);
    g_assert_true (cp_store_insert (f->store, CP_RECORD (lukasz), &error));
    g_assert_no_error (error);
    assert_only (list, "łukasz", CP_RECORD (lukasz));
    assert_only (list, "WRÓBEL", CP_RECORD (lukasz));
    assert_only (list, "łukasz wróbel", CP_RECORD (lukasz));
  }

  /* Every word must match somewhere. */
  g_assert_cmpuint (search_count (list, "Sam Zebedee"), ==, 0);
  /* A hyphen alone is a letter like any other, not an empty number. */
  g_assert_cmpuint (search_count (list, "-"), ==, 0);
}

/* --- parents ------------------------------------------------------- */

static void
add_plans (Fixture *f, CpRecord *person, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpPlan) plan = cp_plan_new (cp_record_get_id (person));
      g_autofree char *start = g_strdup_printf ("20%02u-04-01", 20 + i);

      g_object_set (plan, "year-start", start, NULL);
      g_assert_true (cp_store_insert (f->store, CP_RECORD (plan), &error));
      g_assert_no_error (error);
    }
}

static void
test_parent_filter (Fixture *f, gconstpointer data)
{
  CpRecord *a = person_at (f, 1);
  CpRecord *b = person_at (f, 2);
  g_autoptr(CpRecordList) plans_a = NULL;
  g_autoptr(CpRecordList) plans_b = NULL;
  g_autoptr(CpRecordList) plans_c = NULL;
  g_autoptr(CpRecordList) all_plans = NULL;
  g_autofree char *previous_start = NULL;

  add_plans (f, a, 3);
  add_plans (f, b, 2);
  plans_a = cp_record_list_new (f->store, CP_TYPE_PLAN, cp_record_get_id (a));
  plans_b = cp_record_list_new (f->store, CP_TYPE_PLAN, cp_record_get_id (b));
  plans_c = cp_record_list_new (f->store, CP_TYPE_PLAN, cp_record_get_id (person_at (f, 3)));
  all_plans = cp_record_list_new (f->store, CP_TYPE_PLAN, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plans_a)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plans_b)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plans_c)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all_plans)), ==, 5);

  /* Only A's plans, newest year of care first. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CpRecord) plan = g_list_model_get_item (G_LIST_MODEL (plans_a), i);
      const char *start = cp_record_get_string (plan, "year-start");

      g_assert_cmpstr (cp_record_get_string (plan, "person-id"), ==, cp_record_get_id (a));
      if (previous_start != NULL)
        g_assert_cmpstr (previous_start, >, start);
      g_free (previous_start);
      previous_start = g_strdup (start);
    }
}

/* --- refreshing ---------------------------------------------------- */

static gboolean
contains_id (GListModel *model, const char *id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRecord) item = g_list_model_get_item (model, i);

      if (g_str_equal (cp_record_get_id (item), id))
        return TRUE;
    }
  return FALSE;
}

static void
test_tombstone_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecordList) list = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);
  CpRecord *gone = person_at (f, 500);
  ListLog log;

  watch_list (list, &log);
  g_assert_true (contains_id (G_LIST_MODEL (list), cp_record_get_id (gone)));

  g_assert_true (cp_store_tombstone (f->store, gone, &error));
  g_assert_no_error (error);
  /* Nothing moves under a view until the list refreshes. */
  g_assert_cmpuint (log.changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_PEOPLE);

  cp_record_list_refresh (list);
  g_assert_cmpuint (log.changes, ==, 1);
  g_assert_cmpuint (log.position, ==, 0);
  g_assert_cmpuint (log.removed, ==, N_PEOPLE);
  g_assert_cmpuint (log.added, ==, N_PEOPLE - 1);
  g_assert_cmpuint (log.n_items_notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_PEOPLE - 1);
  g_assert_false (contains_id (G_LIST_MODEL (list), cp_record_get_id (gone)));

  /* The refresh the change scheduled has been done already. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (log.changes, ==, 1);
}

static void
run_main_context_until (guint *counter, guint wanted)
{
  for (guint spins = 0; *counter < wanted && spins < 1000; spins++)
    g_main_context_iteration (NULL, FALSE);
}

/* Store changes refresh the list once, when the main loop is idle. */
static void
test_idle_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr(CpRecordList) list = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);
  g_autoptr(CpPerson) newcomer = NULL;
  ListLog log;

  watch_list (list, &log);
  for (guint i = 0; i < 5; i++)
    g_object_unref (cp_test_add_person (f->store, "New", "Arrival"));
  newcomer = cp_test_add_person (f->store, "Aaron", "0 First");
  g_assert_cmpuint (log.changes, ==, 0);

  run_main_context_until (&log.changes, 1);
  g_assert_cmpuint (log.changes, ==, 1);
  g_assert_cmpuint (log.added, ==, N_PEOPLE + 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_PEOPLE + 6);
  {
    g_autoptr(CpRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (cp_record_get_id (first), ==, cp_record_get_id (CP_RECORD (newcomer)));
  }

  /* Changes to another table leave this list alone. */
  add_plans (f, CP_RECORD (newcomer), 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (log.changes, ==, 1);
}

/* A list may go away with a refresh still queued. */
static void
test_dispose_with_pending_refresh (Fixture *f, gconstpointer data)
{
  CpRecordList *list = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);

  g_object_add_weak_pointer (G_OBJECT (list), (gpointer *) &list);
  g_object_unref (cp_test_add_person (f->store, "Late", "Change"));
  g_object_unref (list);
  g_assert_null (list);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Every person's position, asked of the database, is where the list
 * holds them — with and without a search; someone not in it has none. */
static void
test_find_position (Fixture *f, gconstpointer data)
{
  g_autoptr(CpRecordList) list = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i += 37)
    {
      g_autoptr(CpRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpuint (cp_record_list_find_position (list, cp_record_get_id (item)), ==, i);
    }
  g_assert_cmpuint (cp_record_list_find_position (list, "00000000-0000-4000-8000-000000000000"), ==, G_MAXUINT);
  g_assert_cmpuint (cp_record_list_find_position (list, NULL), ==, G_MAXUINT);

  cp_record_list_set_search (list, "Given1");
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpuint (cp_record_list_find_position (list, cp_record_get_id (item)), ==, i);
    }
  g_assert_cmpuint (cp_record_list_find_position (list, cp_record_get_id (person_at (f, ZEBEDEE))),
                    ==, G_MAXUINT);
}

static void
add_test (const char *path, void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main (int argc, char *argv[])
{
  cp_test_init (&argc, &argv);

  add_test ("/record-list/pages", test_pages);
  add_test ("/record-list/page-eviction", test_page_eviction);
  add_test ("/record-list/order", test_order);
  add_test ("/record-list/search", test_search);
  add_test ("/record-list/search-as-shown", test_search_as_shown);
  add_test ("/record-list/find-position", test_find_position);
  add_test ("/record-list/parent", test_parent_filter);
  add_test ("/record-list/tombstone-refresh", test_tombstone_refresh);
  add_test ("/record-list/idle-refresh", test_idle_refresh);
  add_test ("/record-list/dispose-pending", test_dispose_with_pending_refresh);

  return g_test_run ();
}
