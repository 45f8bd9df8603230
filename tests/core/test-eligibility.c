/* test-eligibility.c — Tower Hamlets' IPC criteria, and the IPC areas and cohorts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-test-util.h"

static GHashTable *
answers_of (const char *const *pairs)
{
  GHashTable *answers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; pairs[i] != NULL; i += 2)
    g_hash_table_insert (answers, (gpointer) pairs[i], (gpointer) pairs[i + 1]);
  return answers;
}

static CpEligibilityOutcome
outcome_of (CpEligibilityGroup group, const char *const *pairs, char **reason)
{
  g_autoptr(GHashTable) answers = answers_of (pairs);
  g_autoptr(CpEligibilityResult) result = cp_eligibility_evaluate_answers (group, answers);

  if (reason != NULL)
    *reason = g_strdup (cp_eligibility_result_get_reason (result));
  return cp_eligibility_result_get_outcome (result);
}

/* All three required, and at least one of the three conditions. */
static void
test_adults_logic (void)
{
  const char *const all_ld[] = { "resident", "1", "gp-in-borough", "1", "social-care-package", "1",
                                 "learning-disabilities", "1", NULL };
  const char *const no_gp[] = { "resident", "1", "gp-in-borough", "0", "social-care-package", "1",
                                "learning-disabilities", "1", NULL };
  const char *const no_condition[] = { "resident", "1", "gp-in-borough", "1", "social-care-package", "1",
                                       "multiple-long-term-conditions", "0", "severe-mental-illness", "0",
                                       "learning-disabilities", "0", NULL };
  const char *const open_condition[] = { "resident", "1", "gp-in-borough", "1", "social-care-package", "1",
                                         "multiple-long-term-conditions", "0", NULL };
  const char *const open_required[] = { "resident", "1", "severe-mental-illness", "1", NULL };
  const char *const two_conditions[] = { "resident", "1", "gp-in-borough", "1", "social-care-package", "1",
                                         "multiple-long-term-conditions", "1", "severe-mental-illness", "1", NULL };
  const char *const none[] = { NULL };
  g_autofree char *reason = NULL;

  g_assert_cmpint (outcome_of (CP_ELIGIBILITY_GROUP_ADULTS, all_ld, &reason), ==, CP_ELIGIBILITY_ELIGIBLE);
  g_assert_true (g_str_has_prefix (reason, "Eligible (Adults)"));
  g_assert_nonnull (strstr (reason, "Has learning disabilities"));
  g_clear_pointer (&reason, g_free);

  g_assert_cmpint (outcome_of (CP_ELIGIBILITY_GROUP_ADULTS, no_gp, &reason), ==, CP_ELIGIBILITY_NOT_ELIGIBLE);
  g_assert_cmpstr (reason, ==, "Not eligible (Adults): not met — Is registered with a GP in Tower Hamlets.");
  g_clear_pointer (&reason, g_free);

  g_assert_cmpint (outcome_of (CP_ELIGIBILITY_GROUP_ADULTS, no_condition, &reason), ==, CP_ELIGIBILITY_NOT_ELIGIBLE);
  g_assert_nonnull (strstr (reason, "none of these is met"));
  g_clear_pointer (&reason, g_free);

  g_assert_cmpint (outcome_of (CP_ELIGIBILITY_GROUP_ADULTS, open_condition, &reason), ==, CP_ELIGIBILITY_NOT_KNOWN);
  g_assert_cmpstr (reason, ==, "Not known yet (Adults): still to check at least one of — "
                               "Has severe mental illness; Has learning disabilities.");
  g_clear_pointer (&reason, g_free);

  g_assert_cmpint (outcome_of (CP_ELIGIBILITY_GROUP_ADULTS, open_required, &reason), ==, CP_ELIGIBILITY_NOT_KNOWN);
  g_assert_cmpstr (reason, ==, "Not known yet (Adults): still to check — Is registered with a GP in Tower Hamlets; "
                               "Has a social care package in place.");
  g_clear_pointer (&reason, g_free);

  g_assert_cmpint (outcome_of (CP_ELIGIBILITY_GROUP_ADULTS, two_conditions, NULL), ==, CP_ELIGIBILITY_ELIGIBLE);
  g_assert_cmpint (outcome_of (CP_ELIGIBILITY_GROUP_ADULTS, none, NULL), ==, CP_ELIGIBILITY_NOT_KNOWN);
}

/* Children: every criterion is required; none is "one of". */
static void
test_children_logic (void)
{
  const char *const all[] = { "resident", "1", "gp-in-borough", "1", "sen-statement", "1",
                              "social-care-package", "1", "health-need", "1", NULL };
  const char *const no_health[] = { "resident", "1", "gp-in-borough", "1", "sen-statement", "1",
                                    "social-care-package", "1", "health-need", "0", NULL };
  /* Adults' conditions do not count for children. */
  const char *const adult_answers[] = { "resident", "1", "gp-in-borough", "1", "social-care-package", "1",
                                        "learning-disabilities", "1", NULL };
  g_auto(GStrv) criteria = cp_eligibility_group_criteria (CP_ELIGIBILITY_GROUP_CHILDREN);
  g_autofree char *reason = NULL;

  g_assert_cmpuint (g_strv_length (criteria), ==, 5);
  g_assert_cmpint (outcome_of (CP_ELIGIBILITY_GROUP_CHILDREN, all, &reason), ==, CP_ELIGIBILITY_ELIGIBLE);
  g_assert_cmpstr (reason, ==, "Eligible (Children and young people): every criterion is met.");
  g_assert_cmpint (outcome_of (CP_ELIGIBILITY_GROUP_CHILDREN, no_health, NULL), ==, CP_ELIGIBILITY_NOT_ELIGIBLE);
  g_assert_cmpint (outcome_of (CP_ELIGIBILITY_GROUP_CHILDREN, adult_answers, NULL), ==, CP_ELIGIBILITY_NOT_KNOWN);
}

static void
test_group_from_birth (void)
{
  g_assert_cmpint (cp_eligibility_group_for_birth ("2010-06-15", "2026-06-14"), ==, CP_ELIGIBILITY_GROUP_CHILDREN);
  g_assert_cmpint (cp_eligibility_group_for_birth ("2008-06-15", "2026-06-14"), ==, CP_ELIGIBILITY_GROUP_CHILDREN);
  g_assert_cmpint (cp_eligibility_group_for_birth ("2008-06-15", "2026-06-15"), ==, CP_ELIGIBILITY_GROUP_ADULTS);
  g_assert_cmpint (cp_eligibility_group_for_birth ("1950-01-01", NULL), ==, CP_ELIGIBILITY_GROUP_ADULTS);
  g_assert_cmpint (cp_eligibility_group_for_birth (NULL, NULL), ==, CP_ELIGIBILITY_GROUP_AUTO);
  g_assert_cmpint (cp_eligibility_group_for_birth ("", NULL), ==, CP_ELIGIBILITY_GROUP_AUTO);
  g_assert_cmpint (cp_eligibility_group_for_birth ("2008-02-30", NULL), ==, CP_ELIGIBILITY_GROUP_AUTO);
}

static void
test_stored_answers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(CpPerson) person = cp_test_add_person (store, "Jay", "Okafor");
  const char *id = cp_record_get_id (CP_RECORD (person));
  g_autoptr(CpEligibilityResult) unknown_age = NULL;
  g_autoptr(CpEligibilityResult) result = NULL;
  g_autoptr(CpEligibilityResult) as_child = NULL;
  g_auto(GStrv) met = NULL;
  g_auto(GStrv) missing = NULL;
  gint64 audit_before;

  /* Without a date of birth Coplan asks for it. */
  unknown_age = cp_eligibility_evaluate (store, id, CP_ELIGIBILITY_GROUP_AUTO, "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_eligibility_result_get_outcome (unknown_age), ==, CP_ELIGIBILITY_NOT_KNOWN);
  g_assert_nonnull (strstr (cp_eligibility_result_get_reason (unknown_age), "date of birth"));
  g_assert_cmpuint (cp_eligibility_result_get_criteria (unknown_age)->len, ==, 0);

  cp_record_set_string (CP_RECORD (person), "date-of-birth", "1990-03-01");
  g_assert_true (cp_store_update (store, CP_RECORD (person), &error));
  g_assert_true (cp_eligibility_set_answer (store, id, "resident", TRUE, "Council tax bill seen", &error));
  g_assert_true (cp_eligibility_set_answer (store, id, "gp-in-borough", FALSE, NULL, &error));
  /* Answering again changes the answer; it does not add a second one. */
  g_assert_true (cp_eligibility_set_answer (store, id, "gp-in-borough", TRUE, "Jubilee Street Practice", &error));
  g_assert_true (cp_eligibility_set_answer (store, id, "social-care-package", TRUE, NULL, &error));
  g_assert_true (cp_eligibility_set_answer (store, id, "severe-mental-illness", TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_count (store, CP_TYPE_ELIGIBILITY_ANSWER, id), ==, 4);

  result = cp_eligibility_evaluate (store, id, CP_ELIGIBILITY_GROUP_AUTO, "2026-06-01", &error);
  g_assert_cmpint (cp_eligibility_result_get_group (result), ==, CP_ELIGIBILITY_GROUP_ADULTS);
  g_assert_cmpint (cp_eligibility_result_get_outcome (result), ==, CP_ELIGIBILITY_ELIGIBLE);
  met = cp_eligibility_result_dup_met (result);
  missing = cp_eligibility_result_dup_missing (result);
  g_assert_cmpuint (g_strv_length (met), ==, 4);
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  {
    CpEligibilityCriterion *gp = g_ptr_array_index (cp_eligibility_result_get_criteria (result), 1);
    g_assert_cmpstr (gp->id, ==, "gp-in-borough");
    g_assert_cmpint (gp->state, ==, CP_ELIGIBILITY_MET);
    g_assert_cmpstr (gp->note, ==, "Jubilee Street Practice");
    g_assert_true (gp->required);
  }

  /* The worker may choose the other group (a young person, say). */
  as_child = cp_eligibility_evaluate (store, id, CP_ELIGIBILITY_GROUP_CHILDREN, NULL, &error);
  g_assert_cmpint (cp_eligibility_result_get_outcome (as_child), ==, CP_ELIGIBILITY_NOT_KNOWN);
  g_strfreev (missing);
  missing = cp_eligibility_result_dup_missing (as_child);
  g_assert_true (g_strv_contains ((const char *const *) missing, "sen-statement"));
  g_assert_true (g_strv_contains ((const char *const *) missing, "health-need"));

  /* Bad input changes nothing. */
  audit_before = cp_test_audit_count (store);
  g_assert_false (cp_eligibility_set_answer (store, id, "owns-a-boat", TRUE, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cp_eligibility_set_answer (store, "00000000-0000-4000-8000-000000000000", "resident", TRUE,
                                             NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(CpEligibilityAnswer) raw = cp_eligibility_answer_new (id);
    g_object_set (raw, "criterion", "", NULL);
    g_assert_false (cp_store_insert (store, CP_RECORD (raw), &error));
    g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (cp_test_audit_count (store), ==, audit_before);

  g_assert_true (cp_eligibility_clear_answer (store, id, "severe-mental-illness", &error));
  g_clear_pointer (&result, cp_eligibility_result_free);
  result = cp_eligibility_evaluate (store, id, CP_ELIGIBILITY_GROUP_ADULTS, NULL, &error);
  g_assert_cmpint (cp_eligibility_result_get_outcome (result), ==, CP_ELIGIBILITY_NOT_KNOWN);
  g_assert_null (cp_eligibility_evaluate (store, "00000000-0000-4000-8000-000000000000",
                                          CP_ELIGIBILITY_GROUP_AUTO, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

static void
test_criteria_texts (void)
{
  g_auto(GStrv) adults = cp_eligibility_group_criteria (CP_ELIGIBILITY_GROUP_ADULTS);

  g_assert_cmpuint (g_strv_length (adults), ==, 6);
  for (guint i = 0; adults[i] != NULL; i++)
    {
      g_assert_true (cp_eligibility_criterion_is_known (adults[i]));
      g_assert_nonnull (cp_eligibility_criterion_text (adults[i]));
    }
  g_assert_cmpstr (cp_eligibility_criterion_text ("resident"), ==, "Lives in Tower Hamlets");
  g_assert_null (cp_eligibility_criterion_text ("nope"));
  g_assert_false (cp_eligibility_criterion_is_known (NULL));
}

static void
test_ipc_areas (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) areas = cp_ipc_areas_list ();
  g_auto(GStrv) th = cp_ipc_area_cohorts ("Tower Hamlets", &error);
  g_auto(GStrv) notts = cp_ipc_area_cohorts ("Nottinghamshire", &error);
  g_auto(GStrv) nowhere = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (areas), ==, 14);
  g_assert_true (g_strv_contains ((const char *const *) areas, "Luton"));
  g_assert_cmpuint (g_strv_length (th), ==, 4);
  g_assert_cmpstr (th[3], ==, "Children with statement of educational needs (SEN)");
  /* The page names no cohort for Nottinghamshire. */
  g_assert_cmpuint (g_strv_length (notts), ==, 0);
  nowhere = cp_ipc_area_cohorts ("Atlantis", &error);
  g_assert_null (nowhere);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cp_ipc_area_validate ("Luton", "People diagnosed with dementia", &error));
  g_assert_true (cp_ipc_area_validate ("Tower Hamlets", "adults with learning disabilities", &error));
  /* The borough's own list, and "long-term" as it writes it. */
  g_assert_true (cp_ipc_area_validate ("Tower Hamlets", "Adults with multiple long-term conditions including COPD", &error));
  g_assert_true (cp_ipc_area_validate ("Islington", "Adults with multiple long-term conditions", &error));
  g_assert_true (cp_ipc_area_validate ("Luton", "", &error));
  g_assert_true (cp_ipc_area_validate ("", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cp_ipc_area_validate ("Luton", "People with learning disabilities", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cp_ipc_area_validate ("", "Children", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cp_ipc_area_validate ("Atlantis", NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
}

/* The areas' own names for IPC, where the programme page gives one in
 * the area's heading ("Hampshire: My Life, My Way"). Cheshire West and
 * Chester's "It's my life - I decide" is a quoted catchphrase, not a name. */
static void
test_ipc_area_programmes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) file = cp_reference_key_file ("ipc-areas.ini", &error);
  g_autofree char *hampshire = NULL;
  g_autofree char *stockton = NULL;

  g_assert_no_error (error);
  hampshire = g_key_file_get_string (file, "Hampshire", "Programme", NULL);
  stockton = g_key_file_get_string (file, "Stockton-on-Tees", "Programme", NULL);
  g_assert_cmpstr (hampshire, ==, "My Life, My Way");
  g_assert_cmpstr (stockton, ==, "My Voice, My Choice");
  g_assert_false (g_key_file_has_key (file, "Cheshire West and Chester", "Programme", NULL));
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);

  g_test_add_func ("/eligibility/adults", test_adults_logic);
  g_test_add_func ("/eligibility/ipc-area-programmes", test_ipc_area_programmes);
  g_test_add_func ("/eligibility/children", test_children_logic);
  g_test_add_func ("/eligibility/group-from-birth", test_group_from_birth);
  g_test_add_func ("/eligibility/stored-answers", test_stored_answers);
  g_test_add_func ("/eligibility/criteria-texts", test_criteria_texts);
  g_test_add_func ("/ipc-areas/areas-and-cohorts", test_ipc_areas);
  return g_test_run ();
}
