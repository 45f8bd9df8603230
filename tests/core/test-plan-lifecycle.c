/* test-plan-lifecycle.c — co-producing a plan: entries, agreement, review, new drafts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-test-util.h"

typedef struct
{
  CpStore  *store;
  CpPerson *person;
  CpPlan   *plan;
  char     *plan_id;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->store = cp_test_open_store ();
  f->person = cp_test_add_person (f->store, "Amina", "Begum");
  f->plan = cp_plan_current (f->store, cp_record_get_id (CP_RECORD (f->person)), "2026-04-01", &error);
  g_assert_no_error (error);
  f->plan_id = g_strdup (cp_record_get_id (CP_RECORD (f->plan)));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->plan_id);
  g_clear_object (&f->plan);
  g_clear_object (&f->person);
  g_clear_object (&f->store);
}

static CpPlanEntry *
add (Fixture *f, CpSection section, const char *body)
{
  g_autoptr(GError) error = NULL;
  CpPlanEntry *entry = cp_plan_entry_add (f->store, f->plan_id, section, body, CP_VOICE_PERSON, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

static CpRecord *
reload (Fixture *f, GType type, CpRecord *record)
{
  g_autoptr(GError) error = NULL;
  CpRecord *fresh = cp_store_load (f->store, type, cp_record_get_id (record), &error);

  g_assert_no_error (error);
  return fresh;
}

static const CpSigner signers[] = { { "Amina Begum", "me" }, { "Dev Shah", "care co-ordinator" } };

static CpPlanVersion *
agree (Fixture *f, const char *on)
{
  g_autoptr(GError) error = NULL;
  CpPlanVersion *version = cp_plan_agree (f->store, f->plan_id, signers, G_N_ELEMENTS (signers), on, &error);

  g_assert_no_error (error);
  g_assert_nonnull (version);
  return version;
}

static void
test_current_creates_draft (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlan) again = cp_plan_current (f->store, cp_record_get_id (CP_RECORD (f->person)), NULL, &error);
  CpPlanStatus status;

  g_assert_no_error (error);
  g_assert_cmpstr (cp_record_get_id (CP_RECORD (again)), ==, f->plan_id);
  g_object_get (f->plan, "status", &status, NULL);
  g_assert_cmpint (status, ==, CP_PLAN_STATUS_DRAFT);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (f->plan), "year-start"), ==, "2026-04-01");
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (f->plan), "year-end"), ==, "2027-03-31");
  g_assert_true (cp_plan_is_editable (f->store, f->plan_id));
  g_assert_false (cp_plan_is_editable (f->store, "00000000-0000-4000-8000-000000000000"));
  g_assert_false (cp_plan_is_editable (f->store, NULL));
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN, NULL), ==, 1);
}

static void
test_current_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlan) none = cp_plan_current (f->store, "00000000-0000-4000-8000-000000000000", NULL, &error);

  g_assert_null (none);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (f->person), &error));
  none = cp_plan_current (f->store, cp_record_get_id (CP_RECORD (f->person)), NULL, &error);
  g_assert_null (none);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN, NULL), ==, 1);
}

static void
test_ended_plan_gets_successor (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlan) next = NULL;

  g_object_set (f->plan, "status", CP_PLAN_STATUS_ENDED, NULL);
  g_assert_true (cp_store_update (f->store, CP_RECORD (f->plan), &error));
  next = cp_plan_current (f->store, cp_record_get_id (CP_RECORD (f->person)), "2027-04-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_record_get_id (CP_RECORD (next)), !=, f->plan_id);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (next), "year-end"), ==, "2028-03-31");
}

static void
test_entries_order (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) a = add (f, CP_SECTION_IMPORTANT_TO_ME, "My cat, Biscuit");
  g_autoptr(CpPlanEntry) b = add (f, CP_SECTION_IMPORTANT_TO_ME, "  Friday prayers  ");
  g_autoptr(CpPlanEntry) c = add (f, CP_SECTION_IMPORTANT_TO_ME, "Music");
  g_autoptr(CpPlanEntry) other = add (f, CP_SECTION_GOOD_DAY, "Sun");

  g_assert_cmpint (cp_record_get_int64 (CP_RECORD (a), "position"), ==, 0);
  g_assert_cmpint (cp_record_get_int64 (CP_RECORD (c), "position"), ==, 2);
  g_assert_cmpint (cp_record_get_int64 (CP_RECORD (other), "position"), ==, 0);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (b), "body"), ==, "Friday prayers");

  g_assert_true (cp_plan_entry_move (f->store, cp_record_get_id (CP_RECORD (c)), 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CpRecord) ra = reload (f, CP_TYPE_PLAN_ENTRY, CP_RECORD (a));
    g_autoptr(CpRecord) rb = reload (f, CP_TYPE_PLAN_ENTRY, CP_RECORD (b));
    g_autoptr(CpRecord) rc = reload (f, CP_TYPE_PLAN_ENTRY, CP_RECORD (c));
    g_assert_cmpint (cp_record_get_int64 (rc, "position"), ==, 0);
    g_assert_cmpint (cp_record_get_int64 (ra, "position"), ==, 1);
    g_assert_cmpint (cp_record_get_int64 (rb, "position"), ==, 2);
  }
  /* Past the end is the last place. */
  g_assert_true (cp_plan_entry_move (f->store, cp_record_get_id (CP_RECORD (c)), 99, &error));
  {
    g_autoptr(CpRecord) rc = reload (f, CP_TYPE_PLAN_ENTRY, CP_RECORD (c));
    g_assert_cmpint (cp_record_get_int64 (rc, "position"), ==, 2);
  }
  g_assert_cmpint (cp_plan_entry_next_position (f->store, f->plan_id, CP_SECTION_IMPORTANT_TO_ME), ==, 3);

  /* A deleted entry cannot be moved; an empty one is never added. */
  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (a), &error));
  g_assert_false (cp_plan_entry_move (f->store, cp_record_get_id (CP_RECORD (a)), 0, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cp_plan_entry_add (f->store, f->plan_id, CP_SECTION_GOOD_DAY, "   ", CP_VOICE_PERSON, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN_ENTRY, f->plan_id), ==, 3);
}

static void
test_contributors (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpContributor) first = cp_contributor_find_or_create (f->store, "Rosa Diaz", "advocate",
                                                                   CP_VOICE_ADVOCATE, &error);
  g_autoptr(CpContributor) same = cp_contributor_find_or_create (f->store, " rosa diaz ", "ADVOCATE",
                                                                  CP_VOICE_ADVOCATE, &error);
  g_autoptr(CpContributor) other = cp_contributor_sign_in (f->store, "Rosa Diaz", "sister",
                                                            CP_VOICE_FAMILY_CARER, &error);
  g_autoptr(CpContributor) nobody = NULL;
  g_autoptr(CpPlanEntry) entry = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (cp_record_get_id (CP_RECORD (first)), ==, cp_record_get_id (CP_RECORD (same)));
  g_assert_cmpstr (cp_record_get_id (CP_RECORD (first)), !=, cp_record_get_id (CP_RECORD (other)));
  g_assert_cmpstr (cp_store_get_contributor (f->store), ==, "Rosa Diaz");
  entry = cp_plan_entry_add (f->store, f->plan_id, CP_SECTION_WORKING, "Mum visits on Sundays",
                             CP_VOICE_FAMILY_CARER, cp_record_get_id (CP_RECORD (other)), &error);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (entry), "author-id"), ==, cp_record_get_id (CP_RECORD (other)));
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM audit WHERE row_id = ?1"
                                      " AND contributor = 'Rosa Diaz'", cp_record_get_id (CP_RECORD (entry))), ==, 1);

  nobody = cp_contributor_find_or_create (f->store, "  ", "advocate", CP_VOICE_ADVOCATE, &error);
  g_assert_null (nobody);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_CONTRIBUTOR, NULL), ==, 2);
}

static void
assert_nothing_agreed (Fixture *f, gint64 audit_before)
{
  g_autoptr(CpRecord) plan = cp_store_load (f->store, CP_TYPE_PLAN, f->plan_id, NULL);
  CpPlanStatus status;

  g_object_get (plan, "status", &status, NULL);
  g_assert_cmpint (status, ==, CP_PLAN_STATUS_DRAFT);
  g_assert_cmpint (cp_record_get_int64 (plan, "version"), ==, 0);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_SIGNOFF, NULL), ==, 0);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN_VERSION, NULL), ==, 0);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit_before);
}

static void
test_agree_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const CpSigner nameless[] = { { "Amina Begum", "me" }, { "  ", "advocate" } };
  gint64 audit_before;
  CpPlanVersion *version;

  /* Nothing written yet. */
  audit_before = cp_test_audit_count (f->store);
  version = cp_plan_agree (f->store, f->plan_id, signers, 2, "2026-04-10", &error);
  g_assert_null (version);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nothing in this plan"));
  g_clear_error (&error);
  assert_nothing_agreed (f, audit_before);

  g_object_unref (add (f, CP_SECTION_IMPORTANT_TO_ME, "My garden"));
  audit_before = cp_test_audit_count (f->store);
  g_assert_null (cp_plan_agree (f->store, f->plan_id, NULL, 0, "2026-04-10", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nobody has signed"));
  g_clear_error (&error);
  g_assert_null (cp_plan_agree (f->store, f->plan_id, nameless, 2, "2026-04-10", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cp_plan_agree (f->store, f->plan_id, signers, 2, "2026-02-30", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cp_plan_agree (f->store, f->plan_id, signers, 2, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cp_plan_agree (f->store, "00000000-0000-4000-8000-000000000000", signers, 2, "2026-04-10", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_nothing_agreed (f, audit_before);
}

static void
test_agree (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = add (f, CP_SECTION_IMPORTANT_TO_ME, "Going to the mosque on Fridays");
  g_autoptr(CpPlanVersion) version = agree (f, "2026-04-10");
  g_autoptr(CpRecord) plan = cp_store_load (f->store, CP_TYPE_PLAN, f->plan_id, &error);
  const char *document = cp_record_get_string (CP_RECORD (version), "document");
  CpPlanStatus status;

  g_object_get (plan, "status", &status, NULL);
  g_assert_cmpint (status, ==, CP_PLAN_STATUS_AGREED);
  g_assert_cmpint (cp_record_get_int64 (plan, "version"), ==, 1);
  g_assert_cmpint (cp_record_get_int64 (CP_RECORD (version), "version"), ==, 1);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (version), "agreed-on"), ==, "2026-04-10");
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (version), "summary"), ==, "First agreed version.");
  g_assert_nonnull (strstr (document, "Going to the mosque on Fridays"));
  g_assert_nonnull (strstr (document, "<signoff"));
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM signoff WHERE plan_id = ?1"
                                      " AND plan_version = 1 AND signed_on = '2026-04-10'", f->plan_id), ==, 2);
  /* The status change is in the audit trail. */
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM audit WHERE row_id = ?1 AND field = 'status'"
                                      " AND old_value = 'draft' AND new_value = 'agreed'", f->plan_id), ==, 1);
  /* Agreeing twice is refused. */
  g_assert_null (cp_plan_agree (f->store, f->plan_id, signers, 1, "2026-04-11", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN_VERSION, NULL), ==, 1);
}

/* What was signed stays what was signed. */
static void
test_agreed_is_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = add (f, CP_SECTION_IMPORTANT_TO_ME, "My garden");
  g_autoptr(CpOutcome) outcome = cp_outcome_new (f->plan_id);
  g_autoptr(CpOutcomeAction) action = NULL;
  g_autoptr(CpOutcomeRating) rating = NULL;
  g_autoptr(CpPlanVersion) version = NULL;
  g_autoptr(CpRecord) plan = NULL;
  gint64 audit_before;

  g_object_set (outcome, "description", "Grow tomatoes", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (outcome), &error));
  action = cp_outcome_action_new (cp_record_get_id (CP_RECORD (outcome)));
  g_object_set (action, "description", "Buy a grow bag", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (action), &error));
  version = agree (f, "2026-04-10");
  g_assert_false (cp_plan_is_editable (f->store, f->plan_id));
  audit_before = cp_test_audit_count (f->store);

  cp_record_set_string (CP_RECORD (entry), "body", "Changed after signing");
  g_assert_false (cp_store_update (f->store, CP_RECORD (entry), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "agreed"));
  g_clear_error (&error);
  g_assert_false (cp_store_tombstone (f->store, CP_RECORD (entry), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  cp_record_set_string (CP_RECORD (action), "description", "Changed");
  g_assert_false (cp_store_update (f->store, CP_RECORD (action), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cp_plan_entry_move (f->store, cp_record_get_id (CP_RECORD (entry)), 3, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cp_plan_entry_add (f->store, f->plan_id, CP_SECTION_GOOD_DAY, "New", CP_VOICE_PERSON, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  plan = cp_store_load (f->store, CP_TYPE_PLAN, f->plan_id, &error);
  cp_record_set_string (plan, "year-end", "2027-06-30");
  g_assert_false (cp_store_update (f->store, plan, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit_before);
  {
    g_autoptr(CpRecord) stored = reload (f, CP_TYPE_PLAN_ENTRY, CP_RECORD (entry));
    g_assert_cmpstr (cp_record_get_string (stored, "body"), ==, "My garden");
  }
  /* A write that makes it a draft again unlocks it (an imported new draft). */
  g_object_set (plan, "status", CP_PLAN_STATUS_DRAFT, NULL);
  g_assert_true (cp_store_update (f->store, plan, &error));
  g_assert_no_error (error);
  g_object_set (plan, "status", CP_PLAN_STATUS_AGREED, "year-end", "2027-03-31", NULL);
  g_assert_true (cp_store_update (f->store, plan, &error));
  g_assert_no_error (error);
  audit_before = cp_test_audit_count (f->store);

  /* An importer may suspend the lock to write another machine's agreed version. */
  cp_plan_guard_suspend (f->store);
  g_assert_true (cp_store_update (f->store, CP_RECORD (entry), &error));
  cp_plan_guard_resume (f->store);
  g_assert_no_error (error);
  cp_record_set_string (CP_RECORD (entry), "body", "Changed again");
  g_assert_false (cp_store_update (f->store, CP_RECORD (entry), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Progress is still recorded, and the review date can move. */
  rating = cp_outcome_rating_new (cp_record_get_id (CP_RECORD (outcome)));
  g_object_set (rating, "rated-on", "2026-06-01", "score", (gint64) 1, NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (rating), &error));
  g_clear_object (&plan);
  plan = cp_store_load (f->store, CP_TYPE_PLAN, f->plan_id, &error);
  cp_record_set_string (plan, "review-due", "2026-10-01");
  g_assert_true (cp_store_update (f->store, plan, &error));
  g_assert_no_error (error);
}

static void
test_review_and_new_draft (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = add (f, CP_SECTION_IMPORTANT_TO_ME, "My garden");
  g_autoptr(CpPlanVersion) first = NULL;
  g_autoptr(CpPlanVersion) second = NULL;
  g_autoptr(CpPlanVersion) loaded = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  g_assert_false (cp_plan_start_review (f->store, f->plan_id, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cp_plan_new_draft (f->store, f->plan_id, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  first = agree (f, "2026-04-10");
  g_assert_true (cp_plan_start_review (f->store, f->plan_id, &error));
  g_assert_false (cp_plan_is_editable (f->store, f->plan_id));
  cp_record_set_string (CP_RECORD (entry), "body", "During review");
  g_assert_false (cp_store_update (f->store, CP_RECORD (entry), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cp_plan_new_draft (f->store, f->plan_id, &error));
  g_assert_no_error (error);
  g_assert_true (cp_plan_is_editable (f->store, f->plan_id));
  cp_record_set_string (CP_RECORD (entry), "body", "My garden and the allotment");
  g_assert_true (cp_store_update (f->store, CP_RECORD (entry), &error));
  second = agree (f, "2026-06-02");
  g_assert_cmpint (cp_record_get_int64 (CP_RECORD (second), "version"), ==, 2);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (second), "summary"), ==, "1 change since version 1.");

  versions = cp_plan_list_versions (f->store, f->plan_id, &error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (cp_record_get_int64 (g_ptr_array_index (versions, 0), "version"), ==, 2);
  loaded = cp_plan_load_version (f->store, f->plan_id, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (cp_record_get_string (CP_RECORD (loaded), "document"), "<body>My garden</body>"));
  g_assert_null (cp_plan_load_version (f->store, f->plan_id, 3, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM signoff WHERE plan_version = 2", NULL), ==, 2);
  /* A frozen version is never edited. */
  cp_record_set_string (CP_RECORD (loaded), "document", "<coplan/>");
  g_assert_false (cp_store_update (f->store, CP_RECORD (loaded), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
}

static void
test_content_rules (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpOutcome) outcome = cp_outcome_new (f->plan_id);
  g_autoptr(CpOutcome) blank = cp_outcome_new (f->plan_id);
  g_autoptr(CpOutcomeRating) undated = NULL;
  gint64 audit_before = cp_test_audit_count (f->store);

  g_object_set (blank, "description", "   ", NULL);
  g_assert_false (cp_store_insert (f->store, CP_RECORD (blank), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "outcome needs a description"));
  g_clear_error (&error);

  g_object_set (outcome, "description", "Walk to the shops", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (outcome), &error));
  undated = cp_outcome_rating_new (cp_record_get_id (CP_RECORD (outcome)));
  g_object_set (undated, "score", (gint64) -2, NULL);
  g_assert_false (cp_store_insert (f->store, CP_RECORD (undated), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "date"));
  g_clear_error (&error);
  cp_record_set_string (CP_RECORD (outcome), "description", "");
  g_assert_false (cp_store_update (f->store, CP_RECORD (outcome), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  cp_record_set_string (CP_RECORD (f->plan), "year-end", "2026-03-01");
  g_assert_false (cp_store_update (f->store, CP_RECORD (f->plan), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "end after it starts"));
  g_clear_error (&error);
  cp_record_set_string (CP_RECORD (f->plan), "year-end", "2026-04-01");
  g_assert_false (cp_plan_content_check (CP_RECORD (f->plan), &error));
  g_clear_error (&error);
  /* Only the good outcome was written. */
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit_before + 1);
}

/* Signers need a name and a role; nobody signs on a day still to come. */
static void
test_agree_refusals_signers_and_dates (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const CpSigner roleless[] = { { "Amina Begum", "me" }, { "Dev Shah", "  " } };
  const CpSigner no_role[] = { { "Amina Begum", NULL } };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autofree char *future = g_date_time_format (later, "%Y-%m-%d");
  gint64 audit_before;

  g_object_unref (add (f, CP_SECTION_IMPORTANT_TO_ME, "My garden"));
  audit_before = cp_test_audit_count (f->store);
  g_assert_null (cp_plan_agree (f->store, f->plan_id, roleless, 2, "2026-04-10", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "role"));
  g_clear_error (&error);
  g_assert_null (cp_plan_agree (f->store, f->plan_id, no_role, 1, "2026-04-10", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cp_plan_agree (f->store, f->plan_id, signers, 2, future, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  g_assert_null (cp_plan_agree (f->store, f->plan_id, signers, 2, "10/04/2026", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_nothing_agreed (f, audit_before);
}

static void
assert_refused (gboolean ok, GError **error)
{
  g_assert_false (ok);
  g_assert_error (*error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (error);
}

/* Nothing can be added to what was signed, through any table; the
 * signatures and the frozen versions never change; ratings, reviews and
 * the support network (the person's, not the plan's) stay open. */
static void
test_agreed_locks_every_entity (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = add (f, CP_SECTION_IMPORTANT_TO_ME, "My garden");
  g_autoptr(CpOutcome) outcome = cp_outcome_new (f->plan_id);
  g_autoptr(CpRisk) risk = cp_risk_new (f->plan_id);
  g_autoptr(CpOutcome) late_outcome = cp_outcome_new (f->plan_id);
  g_autoptr(CpRisk) late_risk = cp_risk_new (f->plan_id);
  g_autoptr(CpOutcomeAction) late_action = NULL;
  g_autoptr(CpPlanEntry) late_entry = cp_plan_entry_new (f->plan_id);
  g_autoptr(CpSignoff) late_signoff = cp_signoff_new (f->plan_id);
  g_autoptr(CpReview) review = cp_review_new (f->plan_id);
  g_autoptr(CpSupportMember) member = cp_support_member_new (cp_record_get_id (CP_RECORD (f->person)));
  g_autoptr(CpPlanVersion) version = NULL;
  g_autoptr(CpRecord) signoff = NULL;
  g_autofree char *signoff_id = NULL;
  gint64 audit_before;

  g_object_set (outcome, "description", "Grow tomatoes", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (outcome), &error));
  g_object_set (risk, "description", "Falls on the stairs", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (risk), &error));
  version = agree (f, "2026-04-10");
  audit_before = cp_test_audit_count (f->store);

  g_object_set (late_outcome, "description", "Added after signing", NULL);
  assert_refused (cp_store_insert (f->store, CP_RECORD (late_outcome), &error), &error);
  g_object_set (late_risk, "description", "Added after signing", NULL);
  assert_refused (cp_store_insert (f->store, CP_RECORD (late_risk), &error), &error);
  late_action = cp_outcome_action_new (cp_record_get_id (CP_RECORD (outcome)));
  g_object_set (late_action, "description", "Added after signing", NULL);
  assert_refused (cp_store_insert (f->store, CP_RECORD (late_action), &error), &error);
  g_object_set (late_entry, "section", CP_SECTION_GOOD_DAY, "body", "Added after signing", NULL);
  assert_refused (cp_store_insert (f->store, CP_RECORD (late_entry), &error), &error);
  g_object_set (late_signoff, "name", "Nobody", "role", "forger", "signed-on", "2026-04-10",
                "plan-version", (gint64) 1, NULL);
  assert_refused (cp_store_insert (f->store, CP_RECORD (late_signoff), &error), &error);
  cp_record_set_string (CP_RECORD (outcome), "description", "Changed");
  assert_refused (cp_store_update (f->store, CP_RECORD (outcome), &error), &error);
  assert_refused (cp_store_tombstone (f->store, CP_RECORD (outcome), &error), &error);
  cp_record_set_string (CP_RECORD (risk), "management", "Changed");
  assert_refused (cp_store_update (f->store, CP_RECORD (risk), &error), &error);
  assert_refused (cp_store_tombstone (f->store, CP_RECORD (risk), &error), &error);

  signoff_id = cp_test_query_text (f->store, "SELECT id FROM signoff WHERE plan_id = ?1 LIMIT 1", f->plan_id);
  signoff = cp_store_load (f->store, CP_TYPE_SIGNOFF, signoff_id, &error);
  g_assert_no_error (error);
  cp_record_set_string (signoff, "name", "Someone Else");
  assert_refused (cp_store_update (f->store, signoff, &error), &error);
  assert_refused (cp_store_tombstone (f->store, signoff, &error), &error);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit_before);

  /* The signatures and the version stay history under a new draft too. */
  g_assert_true (cp_plan_new_draft (f->store, f->plan_id, &error));
  g_clear_object (&signoff);
  signoff = cp_store_load (f->store, CP_TYPE_SIGNOFF, signoff_id, &error);
  cp_record_set_string (signoff, "name", "Someone Else");
  assert_refused (cp_store_update (f->store, signoff, &error), &error);
  g_assert_true (cp_plan_start_review (f->store, f->plan_id, &error) == FALSE);
  g_clear_error (&error);

  /* Agreed again: reviews and the support network stay open. */
  {
    g_autoptr(CpPlanVersion) second = agree (f, "2026-04-12");
  }
  g_object_set (review, "review-date", "2026-10-01", "working", "The garden", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (review), &error));
  g_assert_no_error (error);
  g_object_set (member, "name", "Rosa", NULL);
  g_assert_true (cp_store_insert (f->store, CP_RECORD (member), &error));
  g_assert_no_error (error);
}

/* A frozen version is what was signed: it cannot be deleted, under a
 * new draft or while an import lifts the lock, and nothing is written. */
static void
test_version_not_deleted (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = add (f, CP_SECTION_IMPORTANT_TO_ME, "My garden");
  g_autoptr(CpPlanVersion) version = agree (f, "2026-04-10");
  g_autoptr(GPtrArray) versions = NULL;
  const char *id = cp_record_get_id (CP_RECORD (version));
  gint64 audit_before = cp_test_audit_count (f->store);

  g_assert_false (cp_store_tombstone (f->store, CP_RECORD (version), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot be deleted"));
  g_clear_error (&error);

  g_assert_true (cp_plan_new_draft (f->store, f->plan_id, &error));
  g_assert_no_error (error);
  audit_before = cp_test_audit_count (f->store);
  assert_refused (cp_store_tombstone (f->store, CP_RECORD (version), &error), &error);
  cp_plan_guard_suspend (f->store);
  assert_refused (cp_store_tombstone (f->store, CP_RECORD (version), &error), &error);
  cp_plan_guard_resume (f->store);

  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit_before);
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT deleted FROM plan_version WHERE id = ?1", id), ==, 0);
  versions = cp_plan_list_versions (f->store, f->plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
}

/* A later version cannot be agreed before the one it follows was. */
static void
test_agree_after_previous_version (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = add (f, CP_SECTION_IMPORTANT_TO_ME, "My garden");
  g_autoptr(CpPlanVersion) first = agree (f, "2026-04-10");
  g_autoptr(CpPlanVersion) same_day = NULL;

  g_assert_true (cp_plan_new_draft (f->store, f->plan_id, &error));
  g_assert_null (cp_plan_agree (f->store, f->plan_id, signers, 2, "2026-04-09", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "version 1"));
  g_clear_error (&error);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN_VERSION, NULL), ==, 1);
  same_day = agree (f, "2026-04-10");
  g_assert_cmpint (cp_record_get_int64 (CP_RECORD (same_day), "version"), ==, 2);
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/plan-lifecycle/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("current/creates-draft", test_current_creates_draft);
  ADD ("current/refusals", test_current_refusals);
  ADD ("current/after-ended", test_ended_plan_gets_successor);
  ADD ("entries/order", test_entries_order);
  ADD ("entries/contributors", test_contributors);
  ADD ("agree/refusals", test_agree_refusals);
  ADD ("agree/freezes", test_agree);
  ADD ("agree/read-only", test_agreed_is_read_only);
  ADD ("agree/refusals-signers-dates", test_agree_refusals_signers_and_dates);
  ADD ("agree/locks-every-entity", test_agreed_locks_every_entity);
  ADD ("agree/after-previous-version", test_agree_after_previous_version);
  ADD ("agree/version-not-deleted", test_version_not_deleted);
  ADD ("review-and-new-draft", test_review_and_new_draft);
  ADD ("content-rules", test_content_rules);
#undef ADD
  return g_test_run ();
}
