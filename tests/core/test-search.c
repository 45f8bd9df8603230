/* test-search.c — full-text search over people and their plans
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-test-util.h"

/* 943 476 5919 is the NHS's own example of a valid number. */
#define SAM_NHS "9434765919"

typedef struct
{
  CpStore  *store;
  CpPerson *sam;
  CpPerson *john;
  CpPlan   *plan;
  CpPlanEntry *swimming;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->store = cp_test_open_store ();
  f->sam = cp_person_new ();
  g_object_set (f->sam, "given-name", "Samantha", "family-name", "Patel", "preferred-name", "Sam",
                "nhs-number", SAM_NHS, NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (f->sam), &error));
  f->john = cp_test_add_person (f->store, "John", "Gardener");
  f->plan = cp_plan_current (f->store, cp_record_get_id (CP_RECORD (f->sam)), "2026-04-01", &error);
  g_assert_no_error (error);
  f->swimming = cp_plan_entry_add (f->store, cp_record_get_id (CP_RECORD (f->plan)), CP_SECTION_IMPORTANT_TO_ME,
                                   "I want to go swimming on Saturdays with my sister", CP_VOICE_PERSON, NULL,
                                   &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->swimming);
  g_clear_object (&f->plan);
  g_clear_object (&f->john);
  g_clear_object (&f->sam);
  g_clear_object (&f->store);
}

static GPtrArray *
search (Fixture *f, const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = cp_search (f->store, query, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static CpSearchHit *
hit (GPtrArray *hits, guint i)
{
  g_assert_cmpuint (i, <, hits->len);
  return g_ptr_array_index (hits, i);
}

static void
test_fts_query (void)
{
  struct { const char *typed; const char *query; } cases[] = {
    { "sam", "\"sam\"*" },
    { "  Sam  Pat ", "\"Sam\" \"Pat\"*" },
    { "943 476 5919", "\"9434765919\"*" },
    { "943-476", "\"943476\"*" },
    { "\"", NULL },
    { "*", NULL },
    { "", NULL },
    { "NEAR(", "\"NEAR\"*" },
    { "a OR b", "\"a\" \"OR\" \"b\"" },
    { "m", "\"m\"" },
    { "9", "\"9\"" },
    { "col:val", "\"col\" \"val\"*" },
    { "^start -not +plus", "\"start\" \"not\" \"plus\"*" },
    { "\"unterminated", "\"unterminated\"*" },
    { "Zoë’s café", "\"Zoë\" \"s\" \"café\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = cp_search_fts_query (cases[i].typed);

      g_assert_cmpstr (query, ==, cases[i].query);
    }
  g_assert_null (cp_search_fts_query (NULL));
  g_assert_null (cp_search_fts_query ("\xff\xfe"));
}

static void
test_by_name (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) hits = search (f, "sam pat");

  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hit (hits, 0)->person_id, ==, cp_record_get_id (CP_RECORD (f->sam)));
  g_assert_cmpstr (hit (hits, 0)->display_name, ==, "Sam Patel");
  g_assert_cmpstr (hit (hits, 0)->where, ==, "Name");
  g_assert_nonnull (strstr (hit (hits, 0)->snippet, "[Patel]"));
}

static void
test_by_nhs_number (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) spaced = search (f, "943 476 5919");
  g_autoptr(GPtrArray) prefix = search (f, "94347");

  g_assert_cmpuint (spaced->len, ==, 1);
  g_assert_cmpstr (hit (spaced, 0)->where, ==, "NHS number");
  g_assert_cmpuint (prefix->len, ==, 1);
  g_assert_cmpstr (hit (prefix, 0)->person_id, ==, cp_record_get_id (CP_RECORD (f->sam)));
}

static void
test_by_plan_text (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) hits = search (f, "swimm");
  g_autoptr(GPtrArray) words = search (f, "saturdays SISTER");
  g_autoptr(GPtrArray) none = search (f, "swimming gardener");

  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hit (hits, 0)->person_id, ==, cp_record_get_id (CP_RECORD (f->sam)));
  g_assert_cmpstr (hit (hits, 0)->where, ==, "What is important to me");
  g_assert_nonnull (strstr (hit (hits, 0)->snippet, "[swimming]"));
  g_assert_cmpuint (words->len, ==, 1);
  /* Every word must be in one person's texts: these are in two people's. */
  g_assert_cmpuint (none->len, ==, 0);
}

/* Every word must be somewhere in the person's record, not all in one
 * text: a name and a word of their plan find them. */
static void
test_words_across_texts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRisk) risk = cp_risk_new (cp_record_get_id (CP_RECORD (f->plan)));
  g_autoptr(CpRecordList) people = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);
  g_autoptr(GPtrArray) name_and_plan = search (f, "Sam swimming");
  g_autoptr(GPtrArray) nhs_and_plan = search (f, "sister 9434765919");
  g_autoptr(GPtrArray) unfinished = search (f, "patel sis");
  g_autoptr(GPtrArray) missing = search (f, "Sam canal");

  g_assert_cmpuint (name_and_plan->len, ==, 1);
  g_assert_cmpstr (hit (name_and_plan, 0)->person_id, ==, cp_record_get_id (CP_RECORD (f->sam)));
  /* The row shows the name; the text shown is what else was found. */
  g_assert_cmpstr (hit (name_and_plan, 0)->display_name, ==, "Sam Patel");
  g_assert_cmpstr (hit (name_and_plan, 0)->where, ==, "What is important to me");
  g_assert_nonnull (strstr (hit (name_and_plan, 0)->snippet, "[swimming]"));
  g_assert_cmpuint (nhs_and_plan->len, ==, 1);
  g_assert_cmpuint (unfinished->len, ==, 1);
  g_assert_cmpuint (missing->len, ==, 0);

  /* Two plan texts: a risk and an entry. */
  g_object_set (risk, "description", "Slipping on wet tiles", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (risk), &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) hits = search (f, "tiles saturdays");
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpstr (hit (hits, 0)->person_id, ==, cp_record_get_id (CP_RECORD (f->sam)));
  }
  /* A word that goes with the text leaves the person's record. */
  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (risk), &error));
  {
    g_autoptr(GPtrArray) hits = search (f, "tiles saturdays");
    g_assert_cmpuint (hits->len, ==, 0);
  }

  /* The caseload list finds them the same way. */
  cp_record_list_set_search_extra (people, cp_search_person_ids_sql (), cp_search_fts_query);
  cp_record_list_set_search (people, "Sam swimming");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 1);
  cp_record_list_set_search (people, "Sam canal");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 0);
  cp_record_list_set_search (people, "swimming gardener");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 0);
  g_assert_no_error (error);
}

/* People with every word in their name first, then in one text, then
 * spread over several; a text holding every word is the one shown. */
static void
test_ranking_across_texts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) river = cp_test_add_person (f->store, "Garden", "River");
  g_autoptr(CpPlan) john_plan = cp_plan_current (f->store, cp_record_get_id (CP_RECORD (f->john)),
                                                 "2026-04-01", &error);
  g_autoptr(CpPlanEntry) john_entry = NULL;
  g_autoptr(CpPlanEntry) sam_entry = cp_plan_entry_add (f->store, cp_record_get_id (CP_RECORD (f->plan)),
                                                         CP_SECTION_GOOD_DAY, "A river walk and then the garden",
                                                         CP_VOICE_PERSON, NULL, &error);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  john_entry = cp_plan_entry_add (f->store, cp_record_get_id (CP_RECORD (john_plan)), CP_SECTION_GOOD_DAY,
                                  "Feeding the ducks by the river", CP_VOICE_PERSON, NULL, &error);
  g_assert_no_error (error);
  hits = search (f, "river garden");
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpstr (hit (hits, 0)->person_id, ==, cp_record_get_id (CP_RECORD (river)));
  g_assert_cmpstr (hit (hits, 0)->where, ==, "Name");
  g_assert_cmpstr (hit (hits, 1)->person_id, ==, cp_record_get_id (CP_RECORD (f->sam)));
  g_assert_cmpstr (hit (hits, 1)->where, ==, "A good day");
  g_assert_nonnull (strstr (hit (hits, 1)->snippet, "[river]"));
  g_assert_nonnull (strstr (hit (hits, 1)->snippet, "[garden]"));
  /* John Gardener: "garden" in his name, "river" in his plan. */
  g_assert_cmpstr (hit (hits, 2)->person_id, ==, cp_record_get_id (CP_RECORD (f->john)));
  g_assert_cmpstr (hit (hits, 2)->where, ==, "A good day");
  g_assert_nonnull (strstr (hit (hits, 2)->snippet, "[river]"));
}

static void
test_other_plan_text (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpOutcome) outcome = cp_outcome_new (cp_record_get_id (CP_RECORD (f->plan)));
  g_autoptr(CpOutcomeAction) action = NULL;
  g_autoptr(CpRisk) risk = cp_risk_new (cp_record_get_id (CP_RECORD (f->plan)));
  g_autoptr(CpReview) review = cp_review_new (cp_record_get_id (CP_RECORD (f->plan)));
  struct { const char *query; const char *where; } cases[] = {
    { "allotment", "Outcome" }, { "seeds", "Action" }, { "ladders", "Risk" }, { "bus pass", "Review" },
  };

  g_object_set (outcome, "description", "I grow vegetables at the allotment", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (outcome), &error));
  action = cp_outcome_action_new (cp_record_get_id (CP_RECORD (outcome)));
  g_object_set (action, "description", "Buy seeds", "who", "Aunt Rukhsana", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (action), &error));
  g_object_set (risk, "description", "Falls from ladders", "management", "Someone holds it", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (risk), &error));
  g_object_set (review, "working", "The new bus pass", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (review), &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) hits = search (f, cases[i].query);

      g_assert_cmpuint (hits->len, ==, 1);
      g_assert_cmpstr (hit (hits, 0)->where, ==, cases[i].where);
    }
  {
    g_autoptr(GPtrArray) by_who = search (f, "rukhsana");
    g_assert_cmpuint (by_who->len, ==, 1);
  }
  /* An outcome deleted takes its actions with it, and brings them back. */
  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (outcome), &error));
  {
    g_autoptr(GPtrArray) gone = search (f, "seeds");
    g_assert_cmpuint (gone->len, ==, 0);
  }
  g_assert_true (cp_store_revive (f->store, CP_RECORD (outcome), &error));
  {
    g_autoptr(GPtrArray) back = search (f, "seeds");
    g_assert_cmpuint (back->len, ==, 1);
  }
  g_assert_no_error (error);
}

/* Every write path keeps the index in step: updates, tombstones, revivals. */
static void
test_follows_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  cp_record_set_string (CP_RECORD (f->swimming), "body", "I like cycling by the canal");
  g_assert_true (cp_store_update (f->store, CP_RECORD (f->swimming), &error));
  {
    g_autoptr(GPtrArray) old_word = search (f, "swimming");
    g_autoptr(GPtrArray) new_word = search (f, "canal");
    g_assert_cmpuint (old_word->len, ==, 0);
    g_assert_cmpuint (new_word->len, ==, 1);
  }
  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (f->swimming), &error));
  {
    g_autoptr(GPtrArray) gone = search (f, "canal");
    g_assert_cmpuint (gone->len, ==, 0);
  }
  g_assert_true (cp_store_revive (f->store, CP_RECORD (f->swimming), &error));
  {
    g_autoptr(GPtrArray) back = search (f, "canal");
    g_assert_cmpuint (back->len, ==, 1);
  }
  cp_record_set_string (CP_RECORD (f->sam), "family-name", "Okafor");
  g_assert_true (cp_store_update (f->store, CP_RECORD (f->sam), &error));
  {
    g_autoptr(GPtrArray) old_name = search (f, "patel");
    g_autoptr(GPtrArray) new_name = search (f, "okafor");
    g_assert_cmpuint (old_name->len, ==, 0);
    g_assert_cmpuint (new_name->len, ==, 1);
    g_assert_cmpstr (hit (new_name, 0)->display_name, ==, "Sam Okafor");
  }
  g_assert_no_error (error);
}

static void
test_deleted_people_and_plans (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (f->plan), &error));
  {
    g_autoptr(GPtrArray) hits = search (f, "swimming");
    g_assert_cmpuint (hits->len, ==, 0);
  }
  g_assert_true (cp_store_revive (f->store, CP_RECORD (f->plan), &error));
  {
    g_autoptr(GPtrArray) back = search (f, "swimming");
    g_assert_cmpuint (back->len, ==, 1);
  }
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM search_source WHERE plan_id = ?1",
                                      cp_record_get_id (CP_RECORD (f->plan))), ==, 1);
  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (f->sam), &error));
  {
    g_autoptr(GPtrArray) by_text = search (f, "swimming");
    g_autoptr(GPtrArray) by_name = search (f, "sam");
    g_assert_cmpuint (by_text->len, ==, 0);
    g_assert_cmpuint (by_name->len, ==, 0);
  }
  g_assert_no_error (error);
}

/* Names first, then plan text; one hit per person. */
static void
test_ranking (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) second = cp_plan_entry_add (f->store, cp_record_get_id (CP_RECORD (f->plan)),
                                                      CP_SECTION_GOOD_DAY, "A morning in the garden",
                                                      CP_VOICE_PERSON, NULL, &error);
  g_autoptr(CpPlanEntry) third = cp_plan_entry_add (f->store, cp_record_get_id (CP_RECORD (f->plan)),
                                                     CP_SECTION_BAD_DAY, "When the garden is locked",
                                                     CP_VOICE_PERSON, NULL, &error);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  hits = search (f, "garden");
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (hit (hits, 0)->person_id, ==, cp_record_get_id (CP_RECORD (f->john)));
  g_assert_cmpstr (hit (hits, 0)->where, ==, "Name");
  g_assert_cmpstr (hit (hits, 1)->person_id, ==, cp_record_get_id (CP_RECORD (f->sam)));
  {
    g_autoptr(GPtrArray) limited = cp_search (f->store, "garden", 1, &error);
    g_assert_cmpuint (limited->len, ==, 1);
  }
}

/* What is typed never reaches FTS5 as syntax: no error, no crash. */
static void
test_hostile_input (Fixture *f, gconstpointer data)
{
  const char *inputs[] = {
    "\"", "*", "NEAR(", "NEAR(a b, 2)", "OR", "AND", "NOT", "a OR", "(", ")", "\"a\" OR \"b\"",
    "body:swimming", "^swimming", "-swimming", "{body}: x", "swimming*", "'; DROP TABLE person; --",
    "\xff\xfe", "", "   ", "%", "_", "\\",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = cp_search (f->store, inputs[i], 10, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }
  /* Quoted, "swimming*" still finds the word, and "OR" is only a word. */
  {
    g_autoptr(GPtrArray) hits = search (f, "swimming*");
    g_autoptr(GPtrArray) or_hits = search (f, "OR");
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpuint (or_hits->len, ==, 0);
  }
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM person", NULL), ==, 2);
}

/* The caseload list finds people by plan text as well as by name. */
static void
test_record_list_extra (Fixture *f, gconstpointer data)
{
  g_autoptr(CpRecordList) people = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);
  g_autoptr(CpRecord) first = NULL;

  cp_record_list_set_search_extra (people, cp_search_person_ids_sql (), cp_search_fts_query);
  cp_record_list_set_search (people, "swimm");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (people), 0);
  g_assert_cmpstr (cp_record_get_id (first), ==, cp_record_get_id (CP_RECORD (f->sam)));
  g_assert_cmpuint (cp_record_list_find_position (people, cp_record_get_id (CP_RECORD (f->sam))), ==, 0);
  /* Names still match inside words, as before. */
  cp_record_list_set_search (people, "ardene");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 1);
  cp_record_list_set_search (people, "\"NEAR(");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 0);
  cp_record_list_set_search (people, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 2);
}

/* A database made before the index existed is indexed when it is opened. */
static void
test_migration_indexes_old_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  CpStore *old;

  dir = cp_test_make_dir ("migrate");
  path = g_build_filename (dir, "old.db", NULL);
  old = cp_store_open_full (path, CP_STORE_OPEN_DEFAULT, 3, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CpPerson) person = cp_test_add_person (old, "Wilhelmina", "Okonkwo");
    g_autoptr(CpPlan) plan = cp_plan_new (cp_record_get_id (CP_RECORD (person)));
    g_autoptr(CpPlanEntry) entry = NULL;

    g_assert_true (cp_store_insert (old, CP_RECORD (plan), &error));
    entry = cp_plan_entry_new (cp_record_get_id (CP_RECORD (plan)));
    g_object_set (entry, "body", "Tea at the lido", NULL);
    g_assert_true (cp_store_insert (old, CP_RECORD (entry), &error));
    g_assert_no_error (error);
  }
  g_object_unref (old);
  {
    g_autoptr(CpStore) store = cp_store_open (path, &error);
    g_autoptr(GPtrArray) by_name = NULL;
    g_autoptr(GPtrArray) by_text = NULL;

    g_assert_no_error (error);
    by_name = cp_search (store, "wilhel", 5, &error);
    by_text = cp_search (store, "lido", 5, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (by_name->len, ==, 1);
    g_assert_cmpuint (by_text->len, ==, 1);
  }
}

/* Accents, case and long or odd input. */
static void
test_accents_and_long_input (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) cafe = cp_plan_entry_add (f->store, cp_record_get_id (CP_RECORD (f->plan)),
                                                    CP_SECTION_GOOD_DAY, "Coffee at the Café Rouge with Zoë",
                                                    CP_VOICE_PERSON, NULL, &error);
  g_autoptr(GString) long_word = g_string_new (NULL);
  g_autoptr(GString) many_words = g_string_new (NULL);
  const char *odd[] = { "\xcc\x81", "a\xcc\x81", "\xe2\x80\x8b", "\xf0\x9f\x98\x80 swimming", "\t\n", "--",
                        "0", "1 2 3 4 5 6 7 8 9 10 11" };

  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) plain = search (f, "cafe");
    g_autoptr(GPtrArray) accented = search (f, "CAFÉ rou");
    g_autoptr(GPtrArray) decomposed = search (f, "cafe\xcc\x81");
    g_autoptr(GPtrArray) zoe = search (f, "zoe");
    g_assert_cmpuint (plain->len, ==, 1);
    g_assert_cmpuint (accented->len, ==, 1);
    g_assert_cmpuint (decomposed->len, ==, 1);
    g_assert_cmpuint (zoe->len, ==, 1);
  }
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (long_word, 'a' + i % 26);
  for (guint i = 0; i < 5000; i++)
    g_string_append (many_words, "swimming ");
  {
    g_autoptr(GPtrArray) none = search (f, long_word->str);
    g_autoptr(GPtrArray) many = search (f, many_words->str);
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (many->len, ==, 1);
  }
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(GPtrArray) hits = cp_search (f->store, odd[i], 10, &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }
}

/* NHS numbers as they are printed, and a person found by it in the list. */
static void
test_nhs_number_forms (Fixture *f, gconstpointer data)
{
  const char *forms[] = { "943 476 5919", "943-476-5919", " 9434765919 ", "943 476" };
  g_autoptr(CpRecordList) people = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);

  cp_record_list_set_search_extra (people, cp_search_person_ids_sql (), cp_search_fts_query);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GPtrArray) hits = search (f, forms[i]);
      g_assert_cmpuint (hits->len, ==, 1);
      g_assert_cmpstr (hit (hits, 0)->where, ==, "NHS number");
      cp_record_list_set_search (people, forms[i]);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 1);
    }
}

/* The caseload list, while searching, puts people with more of the words
 * in their own name first: "Gardener swimming" lists John Gardener (name,
 * and a plan that mentions swimming) before Sam, whose plan mentions both;
 * "Sam swimming" lists Sam before John, whose plan mentions both. */
static void
test_record_list_names_first (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecordList) people = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);
  g_autoptr(CpPlan) john_plan = cp_plan_current (f->store, cp_record_get_id (CP_RECORD (f->john)),
                                                 "2026-04-01", &error);
  g_autoptr(CpPlanEntry) john_entry = NULL;
  g_autoptr(CpPlanEntry) sam_entry = NULL;
  g_autoptr(CpPerson) first = NULL;
  g_autoptr(CpPerson) second = NULL;

  g_assert_no_error (error);
  john_entry = cp_plan_entry_add (f->store, cp_record_get_id (CP_RECORD (john_plan)), CP_SECTION_GOOD_DAY,
                                  "Swimming with Sam in the morning", CP_VOICE_PERSON, NULL, &error);
  g_assert_no_error (error);
  sam_entry = cp_plan_entry_add (f->store, cp_record_get_id (CP_RECORD (f->plan)), CP_SECTION_GOOD_DAY,
                                 "Helping the gardener", CP_VOICE_PERSON, NULL, &error);
  g_assert_no_error (error);
  cp_record_list_set_search_extra (people, cp_search_person_ids_sql (), cp_search_fts_query);
  cp_record_list_set_search (people, "Gardener swimming");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (people), 0);
  second = g_list_model_get_item (G_LIST_MODEL (people), 1);
  /* By name alone Gardener comes before Patel anyway: the second search
   * shows the words, not the name order, decide. */
  g_assert_cmpstr (cp_record_get_id (CP_RECORD (first)), ==, cp_record_get_id (CP_RECORD (f->john)));
  g_assert_cmpuint (cp_record_list_find_position (people, cp_record_get_id (CP_RECORD (f->john))), ==, 0);
  g_assert_cmpuint (cp_record_list_find_position (people, cp_record_get_id (CP_RECORD (f->sam))), ==, 1);
  cp_record_list_set_search (people, "Sam swimming");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 2);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (people), 0);
  g_assert_cmpstr (cp_record_get_id (CP_RECORD (first)), ==, cp_record_get_id (CP_RECORD (f->sam)));
  g_assert_cmpuint (cp_record_list_find_position (people, cp_record_get_id (CP_RECORD (f->sam))), ==, 0);
  g_assert_cmpuint (cp_record_list_find_position (people, cp_record_get_id (CP_RECORD (f->john))), ==, 1);
}

/* Deleted people stay out of the caseload search, whatever their plan says. */
static void
test_record_list_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecordList) people = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);

  cp_record_list_set_search_extra (people, cp_search_person_ids_sql (), cp_search_fts_query);
  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (f->sam), &error));
  cp_record_list_set_search (people, "swimming");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, 0);
}

/* Undo and redo keep the index right: entries, outcomes and their actions. */
static void
test_index_through_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpUndoStack) undo = cp_undo_stack_new (f->store);
  g_autoptr(CpOutcome) outcome = cp_outcome_new (cp_record_get_id (CP_RECORD (f->plan)));
  g_autoptr(CpOutcomeAction) action = NULL;

  g_object_set (outcome, "description", "Learn to bake bread", NULL);
  g_assert_true (cp_undo_stack_insert (undo, CP_RECORD (outcome), "Add Outcome", &error));
  action = cp_outcome_action_new (cp_record_get_id (CP_RECORD (outcome)));
  g_object_set (action, "description", "Book a sourdough class", "who", "Priya", NULL);
  g_assert_true (cp_undo_stack_insert (undo, CP_RECORD (action), "Add Action", &error));
  cp_record_set_string (CP_RECORD (f->swimming), "body", "Cycling by the canal");
  g_assert_true (cp_undo_stack_update (undo, CP_RECORD (f->swimming), "Edit", &error));
  {
    g_autoptr(GPtrArray) canal = search (f, "canal");
    g_autoptr(GPtrArray) sourdough = search (f, "sourdough");
    g_assert_cmpuint (canal->len, ==, 1);
    g_assert_cmpuint (sourdough->len, ==, 1);
  }
  g_assert_true (cp_undo_stack_undo (undo, &error));
  {
    g_autoptr(GPtrArray) canal = search (f, "canal");
    g_autoptr(GPtrArray) swimming = search (f, "swimming");
    g_assert_cmpuint (canal->len, ==, 0);
    g_assert_cmpuint (swimming->len, ==, 1);
  }
  g_assert_true (cp_undo_stack_undo (undo, &error));
  g_assert_true (cp_undo_stack_undo (undo, &error));
  {
    g_autoptr(GPtrArray) bread = search (f, "bread");
    g_autoptr(GPtrArray) sourdough = search (f, "sourdough");
    g_assert_cmpuint (bread->len, ==, 0);
    g_assert_cmpuint (sourdough->len, ==, 0);
  }
  g_assert_true (cp_undo_stack_redo (undo, &error));
  g_assert_true (cp_undo_stack_redo (undo, &error));
  {
    g_autoptr(GPtrArray) bread = search (f, "bread");
    g_autoptr(GPtrArray) priya = search (f, "priya");
    g_assert_cmpuint (bread->len, ==, 1);
    g_assert_cmpuint (priya->len, ==, 1);
  }
  /* The outcome deleted takes its action's words; revived, brings them back. */
  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (outcome), &error));
  {
    g_autoptr(GPtrArray) priya = search (f, "priya");
    g_assert_cmpuint (priya->len, ==, 0);
  }
  g_assert_true (cp_store_revive (f->store, CP_RECORD (outcome), &error));
  {
    g_autoptr(GPtrArray) priya = search (f, "priya");
    g_assert_cmpuint (priya->len, ==, 1);
  }
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM search_source", NULL), ==,
                   cp_test_query_int (f->store, "SELECT count(*) FROM search_fts", NULL));
}

/* What an import writes is found, as what is typed is. */
static void
test_index_after_import (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cp_test_make_dir ("other");
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autoptr(CpStore) other = cp_store_open (path, &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CpXmlImport) import = NULL;

  g_assert_true (cp_xml_export (f->store, NULL, FALSE, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, &error));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  import = cp_xml_import_new (other);
  g_assert_true (cp_xml_import_read_bytes (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_true (cp_xml_import_apply (import, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) hits = cp_search (other, "swimm", 10, &error);
    g_autoptr(GPtrArray) names = cp_search (other, "gardener", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpuint (names->len, ==, 1);
  }
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);

  g_test_add_func ("/search/fts-query", test_fts_query);
#define ADD(path, func) g_test_add ("/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("by-name", test_by_name);
  ADD ("by-nhs-number", test_by_nhs_number);
  ADD ("by-plan-text", test_by_plan_text);
  ADD ("words-across-texts", test_words_across_texts);
  ADD ("ranking-across-texts", test_ranking_across_texts);
  ADD ("other-plan-text", test_other_plan_text);
  ADD ("follows-changes", test_follows_changes);
  ADD ("deleted", test_deleted_people_and_plans);
  ADD ("ranking", test_ranking);
  ADD ("hostile-input", test_hostile_input);
  ADD ("record-list", test_record_list_extra);
  ADD ("accents-and-long-input", test_accents_and_long_input);
  ADD ("nhs-number-forms", test_nhs_number_forms);
  ADD ("record-list-deleted", test_record_list_deleted);
  ADD ("record-list-names-first", test_record_list_names_first);
  ADD ("index-through-undo", test_index_through_undo);
  ADD ("index-after-import", test_index_after_import);
#undef ADD
  g_test_add_func ("/search/migration", test_migration_indexes_old_rows);
  return g_test_run ();
}
