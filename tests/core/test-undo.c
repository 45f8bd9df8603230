/* test-undo.c — undo and redo of structural and text edits
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-test-util.h"

typedef struct
{
  CpStore     *store;
  CpUndoStack *undo;
  char        *plan_id;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) person = NULL;
  g_autoptr(CpPlan) plan = NULL;

  f->store = cp_test_open_store ();
  person = cp_test_add_person (f->store, "Amina", "Begum");
  plan = cp_plan_current (f->store, cp_record_get_id (CP_RECORD (person)), "2026-04-01", &error);
  g_assert_no_error (error);
  f->plan_id = g_strdup (cp_record_get_id (CP_RECORD (plan)));
  f->undo = cp_undo_stack_new (f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->undo);
  g_clear_object (&f->store);
  g_free (f->plan_id);
}

static CpPlanEntry *
new_entry (Fixture *f, const char *body)
{
  CpPlanEntry *entry = cp_plan_entry_new (f->plan_id);

  g_object_set (entry, "body", body, NULL);
  return entry;
}

static CpRecord *
stored (Fixture *f, CpRecord *record)
{
  g_autoptr(GError) error = NULL;
  CpRecord *fresh = cp_store_load (f->store, G_OBJECT_TYPE (record), cp_record_get_id (record), &error);

  g_assert_no_error (error);
  return fresh;
}

static void
undo_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_undo_stack_undo (f->undo, &error));
  g_assert_no_error (error);
}

static void
redo_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_undo_stack_redo (f->undo, &error));
  g_assert_no_error (error);
}

static void
test_insert (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = new_entry (f, "My cat");
  gboolean can_undo;

  g_assert_false (cp_undo_stack_can_undo (f->undo));
  g_assert_null (cp_undo_stack_get_undo_label (f->undo));
  g_assert_true (cp_undo_stack_insert (f->undo, CP_RECORD (entry), "Add Entry", &error));
  g_object_get (f->undo, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);
  g_assert_cmpstr (cp_undo_stack_get_undo_label (f->undo), ==, "Undo Add Entry");

  undo_ok (f);
  {
    g_autoptr(CpRecord) row = stored (f, CP_RECORD (entry));
    g_assert_true (cp_record_get_deleted (row));
  }
  g_assert_false (cp_undo_stack_can_undo (f->undo));
  g_assert_cmpstr (cp_undo_stack_get_redo_label (f->undo), ==, "Redo Add Entry");
  redo_ok (f);
  {
    g_autoptr(CpRecord) row = stored (f, CP_RECORD (entry));
    g_assert_false (cp_record_get_deleted (row));
  }
  /* Every step is in the audit trail: create, delete, revive. */
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM audit WHERE row_id = ?1",
                                      cp_record_get_id (CP_RECORD (entry))), ==, 3);
}

static void
test_tombstone (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = cp_plan_entry_add (f->store, f->plan_id, CP_SECTION_GOOD_DAY, "Sun",
                                                     CP_VOICE_PERSON, NULL, &error);

  g_assert_true (cp_undo_stack_tombstone (f->undo, CP_RECORD (entry), "Delete Entry", &error));
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN_ENTRY, f->plan_id), ==, 0);
  undo_ok (f);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN_ENTRY, f->plan_id), ==, 1);
  redo_ok (f);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN_ENTRY, f->plan_id), ==, 0);
  /* Reviving what is not deleted is refused and changes nothing. */
  undo_ok (f);
  g_assert_false (cp_store_revive (f->store, CP_RECORD (entry), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

static void
test_update_and_merge (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = cp_plan_entry_add (f->store, f->plan_id, CP_SECTION_GOOD_DAY, "Sun",
                                                     CP_VOICE_PERSON, NULL, &error);

  cp_undo_stack_set_merge_window_ms (f->undo, 60000);
  /* Autosave while typing: three saves of one field are one step. */
  cp_record_set_string (CP_RECORD (entry), "body", "Sunny");
  g_assert_true (cp_undo_stack_update (f->undo, CP_RECORD (entry), "Edit Entry", &error));
  cp_record_set_string (CP_RECORD (entry), "body", "Sunny days");
  g_assert_true (cp_undo_stack_update (f->undo, CP_RECORD (entry), "Edit Entry", &error));
  cp_record_set_string (CP_RECORD (entry), "body", "Sunny days out");
  g_assert_true (cp_undo_stack_update (f->undo, CP_RECORD (entry), "Edit Entry", &error));
  /* A write that changes nothing is no step. */
  g_assert_true (cp_undo_stack_update (f->undo, CP_RECORD (entry), "Edit Entry", &error));
  /* Another field is another step. */
  g_object_set (entry, "voice", CP_VOICE_ADVOCATE, NULL);
  g_assert_true (cp_undo_stack_update (f->undo, CP_RECORD (entry), "Change Voice", &error));
  g_assert_no_error (error);

  g_assert_cmpstr (cp_undo_stack_get_undo_label (f->undo), ==, "Undo Change Voice");
  undo_ok (f);
  undo_ok (f);
  {
    g_autoptr(CpRecord) row = stored (f, CP_RECORD (entry));
    CpVoice voice;
    g_object_get (row, "voice", &voice, NULL);
    g_assert_cmpstr (cp_record_get_string (row, "body"), ==, "Sun");
    g_assert_cmpint (voice, ==, CP_VOICE_PERSON);
  }
  g_assert_false (cp_undo_stack_can_undo (f->undo));
  redo_ok (f);
  {
    g_autoptr(CpRecord) row = stored (f, CP_RECORD (entry));
    g_assert_cmpstr (cp_record_get_string (row, "body"), ==, "Sunny days out");
  }
  g_assert_true (cp_undo_stack_can_redo (f->undo));
  /* A new edit forgets what could be redone. */
  {
    g_autoptr(CpRecord) row = stored (f, CP_RECORD (entry));
    cp_record_set_string (row, "body", "Rain");
    g_assert_true (cp_undo_stack_update (f->undo, row, "Edit Entry", &error));
  }
  g_assert_false (cp_undo_stack_can_redo (f->undo));
}

static void
test_no_merge_when_slow (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = cp_plan_entry_add (f->store, f->plan_id, CP_SECTION_GOOD_DAY, "A",
                                                     CP_VOICE_PERSON, NULL, &error);

  cp_undo_stack_set_merge_window_ms (f->undo, 0);
  cp_record_set_string (CP_RECORD (entry), "body", "AB");
  g_assert_true (cp_undo_stack_update (f->undo, CP_RECORD (entry), "Edit Entry", &error));
  cp_record_set_string (CP_RECORD (entry), "body", "ABC");
  g_assert_true (cp_undo_stack_update (f->undo, CP_RECORD (entry), "Edit Entry", &error));
  undo_ok (f);
  {
    g_autoptr(CpRecord) row = stored (f, CP_RECORD (entry));
    g_assert_cmpstr (cp_record_get_string (row, "body"), ==, "AB");
  }
  g_assert_true (cp_undo_stack_can_undo (f->undo));
}

static void
test_move (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) a = cp_plan_entry_add (f->store, f->plan_id, CP_SECTION_GOOD_DAY, "A", CP_VOICE_PERSON, NULL, &error);
  g_autoptr(CpPlanEntry) b = cp_plan_entry_add (f->store, f->plan_id, CP_SECTION_GOOD_DAY, "B", CP_VOICE_PERSON, NULL, &error);
  g_autoptr(CpPlanEntry) c = cp_plan_entry_add (f->store, f->plan_id, CP_SECTION_GOOD_DAY, "C", CP_VOICE_PERSON, NULL, &error);

  g_assert_true (cp_undo_stack_move_entry (f->undo, cp_record_get_id (CP_RECORD (c)), 0, "Move Entry", &error));
  g_assert_no_error (error);
  {
    g_autoptr(CpRecord) row = stored (f, CP_RECORD (c));
    g_assert_cmpint (cp_record_get_int64 (row, "position"), ==, 0);
  }
  undo_ok (f);
  {
    g_autoptr(CpRecord) ra = stored (f, CP_RECORD (a));
    g_autoptr(CpRecord) rc = stored (f, CP_RECORD (c));
    g_assert_cmpint (cp_record_get_int64 (ra, "position"), ==, 0);
    g_assert_cmpint (cp_record_get_int64 (rc, "position"), ==, 2);
  }
  redo_ok (f);
  {
    g_autoptr(CpRecord) rb = stored (f, CP_RECORD (b));
    g_assert_cmpint (cp_record_get_int64 (rb, "position"), ==, 2);
  }
  /* Moving to where it already is adds no step. */
  cp_undo_stack_clear (f->undo);
  g_assert_true (cp_undo_stack_move_entry (f->undo, cp_record_get_id (CP_RECORD (c)), 0, "Move Entry", &error));
  g_assert_false (cp_undo_stack_can_undo (f->undo));
}

/* Undo never reaches into a plan that has been agreed since. */
static void
test_refused_after_agreement (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = new_entry (f, "My cat");
  const CpSigner signer = { "Amina Begum", "me" };
  g_autoptr(CpPlanVersion) version = NULL;

  g_assert_true (cp_undo_stack_insert (f->undo, CP_RECORD (entry), "Add Entry", &error));
  version = cp_plan_agree (f->store, f->plan_id, &signer, 1, "2026-04-10", &error);
  g_assert_no_error (error);
  g_assert_false (cp_undo_stack_undo (f->undo, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* The step stays, and the entry with it. */
  g_assert_true (cp_undo_stack_can_undo (f->undo));
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN_ENTRY, f->plan_id), ==, 1);
  g_assert_false (cp_undo_stack_redo (f->undo, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

static void
test_failed_write_adds_no_step (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpOutcome) blank = cp_outcome_new (f->plan_id);

  g_assert_false (cp_undo_stack_insert (f->undo, CP_RECORD (blank), "Add Outcome", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_false (cp_undo_stack_can_undo (f->undo));
}

/* Undo never silently overwrites what was written elsewhere since (the
 * same field changed in another window, or by an import): it refuses in
 * words and the step stays. Other fields changed elsewhere do not matter. */
static void
test_changed_elsewhere (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = cp_plan_entry_add (f->store, f->plan_id, CP_SECTION_GOOD_DAY, "Sun",
                                                     CP_VOICE_PERSON, NULL, &error);

  cp_record_set_string (CP_RECORD (entry), "body", "Sunny");
  g_assert_true (cp_undo_stack_update (f->undo, CP_RECORD (entry), "Edit Entry", &error));
  {
    g_autoptr(CpRecord) elsewhere = stored (f, CP_RECORD (entry));
    cp_record_set_string (elsewhere, "body", "Written in the other window");
    g_assert_true (cp_store_update (f->store, elsewhere, &error));
  }
  g_assert_false (cp_undo_stack_undo (f->undo, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "changed"));
  g_clear_error (&error);
  g_assert_true (cp_undo_stack_can_undo (f->undo));
  {
    g_autoptr(CpRecord) row = stored (f, CP_RECORD (entry));
    g_assert_cmpstr (cp_record_get_string (row, "body"), ==, "Written in the other window");
  }
  /* Back as this step left it, the step undoes again; another field
   * changed meanwhile stays as it is. */
  {
    g_autoptr(CpRecord) elsewhere = stored (f, CP_RECORD (entry));
    cp_record_set_string (elsewhere, "body", "Sunny");
    g_object_set (elsewhere, "voice", CP_VOICE_ADVOCATE, NULL);
    g_assert_true (cp_store_update (f->store, elsewhere, &error));
  }
  undo_ok (f);
  {
    g_autoptr(CpRecord) row = stored (f, CP_RECORD (entry));
    CpVoice voice;
    g_object_get (row, "voice", &voice, NULL);
    g_assert_cmpstr (cp_record_get_string (row, "body"), ==, "Sun");
    g_assert_cmpint (voice, ==, CP_VOICE_ADVOCATE);
  }
  /* Redo is held to the same rule. */
  {
    g_autoptr(CpRecord) elsewhere = stored (f, CP_RECORD (entry));
    cp_record_set_string (elsewhere, "body", "Moon");
    g_assert_true (cp_store_update (f->store, elsewhere, &error));
  }
  g_assert_false (cp_undo_stack_redo (f->undo, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_true (cp_undo_stack_can_redo (f->undo));
}

/* Typing that ends where it started is no step at all: undo would do nothing. */
static void
test_merge_back_to_start (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanEntry) entry = cp_plan_entry_add (f->store, f->plan_id, CP_SECTION_GOOD_DAY, "Sun",
                                                     CP_VOICE_PERSON, NULL, &error);

  cp_undo_stack_set_merge_window_ms (f->undo, 60000);
  cp_record_set_string (CP_RECORD (entry), "body", "Sunny");
  g_assert_true (cp_undo_stack_update (f->undo, CP_RECORD (entry), "Edit Entry", &error));
  cp_record_set_string (CP_RECORD (entry), "body", "Sun");
  g_assert_true (cp_undo_stack_update (f->undo, CP_RECORD (entry), "Edit Entry", &error));
  g_assert_no_error (error);
  g_assert_false (cp_undo_stack_can_undo (f->undo));
  g_assert_null (cp_undo_stack_get_undo_label (f->undo));
}

/* Risks renumbered by one move undo and redo together, as one step; a
 * group whose writes were rolled back leaves nothing to undo. */
static void
test_group (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRisk) first = g_object_new (CP_TYPE_RISK, "plan-id", f->plan_id, "description", "Cooking",
                                          "position", (gint64) 0, NULL);
  g_autoptr(CpRisk) second = g_object_new (CP_TYPE_RISK, "plan-id", f->plan_id, "description", "Buses",
                                           "position", (gint64) 1, NULL);
  g_autoptr(CpRecord) a = NULL;
  g_autoptr(CpRecord) b = NULL;

  g_assert_true (cp_store_insert (f->store, CP_RECORD (first), &error));
  g_assert_true (cp_store_insert (f->store, CP_RECORD (second), &error));
  cp_undo_stack_begin_group (f->undo, "Move Risk");
  cp_record_set_int64 (CP_RECORD (first), "position", 1);
  g_assert_true (cp_undo_stack_update (f->undo, CP_RECORD (first), "Move", &error));
  cp_record_set_int64 (CP_RECORD (second), "position", 0);
  g_assert_true (cp_undo_stack_update (f->undo, CP_RECORD (second), "Move", &error));
  g_assert_false (cp_undo_stack_can_undo (f->undo));
  cp_undo_stack_end_group (f->undo, TRUE);
  g_assert_cmpstr (cp_undo_stack_get_undo_label (f->undo), ==, "Undo Move Risk");

  undo_ok (f);
  a = stored (f, CP_RECORD (first));
  b = stored (f, CP_RECORD (second));
  g_assert_cmpint (cp_record_get_int64 (a, "position"), ==, 0);
  g_assert_cmpint (cp_record_get_int64 (b, "position"), ==, 1);
  g_assert_false (cp_undo_stack_can_undo (f->undo));
  redo_ok (f);
  g_clear_object (&a);
  g_clear_object (&b);
  a = stored (f, CP_RECORD (first));
  b = stored (f, CP_RECORD (second));
  g_assert_cmpint (cp_record_get_int64 (a, "position"), ==, 1);
  g_assert_cmpint (cp_record_get_int64 (b, "position"), ==, 0);

  /* dropped: as if it never happened */
  cp_undo_stack_clear (f->undo);
  cp_undo_stack_begin_group (f->undo, "Move Risk");
  cp_undo_stack_end_group (f->undo, FALSE);
  g_assert_false (cp_undo_stack_can_undo (f->undo));
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/undo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("changed-elsewhere", test_changed_elsewhere);
  ADD ("merge-back-to-start", test_merge_back_to_start);
  ADD ("insert", test_insert);
  ADD ("tombstone", test_tombstone);
  ADD ("update-and-merge", test_update_and_merge);
  ADD ("no-merge-when-slow", test_no_merge_when_slow);
  ADD ("move", test_move);
  ADD ("refused-after-agreement", test_refused_after_agreement);
  ADD ("failed-write", test_failed_write_adds_no_step);
  ADD ("group", test_group);
#undef ADD
  return g_test_run ();
}
