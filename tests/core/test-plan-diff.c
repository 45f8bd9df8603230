/* test-plan-diff.c — what changed between plan versions, and the read-only outline
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-test-util.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<coplan xmlns=\"https://coplan.github.io/ns/coplan/1\" format-version=\"1\">" \
             "<person id=\"p1\"><given-name>Amina</given-name>" \
             "<plan id=\"plan1\"><title>My plan</title><status>agreed</status><version>1</version>"
#define TAIL "</plan></person></coplan>"

static const char old_xml[] =
  HEAD
  "<plan-entry id=\"e1\"><section>important-to-me</section><body>My cat</body><voice>person</voice>"
  "<position>0</position></plan-entry>"
  "<plan-entry id=\"e2\"><section>good-day</section><body>Sunshine</body><voice>family-carer</voice>"
  "<position>0</position></plan-entry>"
  "<outcome id=\"o1\"><description>Walk to the shops</description><voice>person</voice>"
  "<outcome-action id=\"a1\"><description>Buy shoes</description><who>Mum</who></outcome-action>"
  "</outcome>"
  TAIL;

static const char new_xml[] =
  HEAD
  "<plan-entry id=\"e1\"><section>important-to-me</section><body>My cat, Biscuit</body><voice>person</voice>"
  "<position>1</position></plan-entry>"
  "<plan-entry id=\"e3\"><section>important-to-me</section><body>I want to go swimming on Saturdays</body>"
  "<voice>person</voice><position>0</position></plan-entry>"
  "<outcome id=\"o1\"><description>Walk to the park</description><voice>advocate</voice>"
  "<outcome-action id=\"a1\"><description>Buy shoes</description><who>Aunt</who></outcome-action>"
  "</outcome>"
  "<risk id=\"r1\"><description>Crossing roads</description><management>Use the crossing</management></risk>"
  TAIL;

static GPtrArray *
diff (const char *a, const char *b)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *changes = cp_plan_diff (a, b, &error);

  g_assert_no_error (error);
  g_assert_nonnull (changes);
  return changes;
}

static gboolean
has_label (GPtrArray *changes, const char *label)
{
  for (guint i = 0; i < changes->len; i++)
    if (g_strcmp0 (((CpPlanChange *) g_ptr_array_index (changes, i))->label, label) == 0)
      return TRUE;
  return FALSE;
}

static void
dump (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    g_test_message ("%s", ((CpPlanChange *) g_ptr_array_index (changes, i))->label);
}

static void
test_changes (void)
{
  g_autoptr(GPtrArray) changes = diff (old_xml, new_xml);

  dump (changes);
  g_assert_true (has_label (changes, "What is important to me changed from “My cat” to “My cat, Biscuit”"));
  g_assert_true (has_label (changes, "What is important to me: added “I want to go swimming on Saturdays”"));
  g_assert_true (has_label (changes, "A good day: removed “Sunshine”"));
  g_assert_true (has_label (changes, "Outcome changed from “Walk to the shops” to “Walk to the park”"));
  g_assert_true (has_label (changes, "Outcome “Walk to the park”: voice changed from “In my own words” to “Advocate”"));
  g_assert_true (has_label (changes, "Action “Buy shoes”: who changed from “Mum” to “Aunt”"));
  g_assert_true (has_label (changes, "Risk: added “Crossing roads”"));
  /* Reordering alone, status and version are not changes to what was agreed. */
  g_assert_cmpuint (changes->len, ==, 7);
  {
    CpPlanChange *first = g_ptr_array_index (changes, 0);
    g_assert_cmpint (first->kind, ==, CP_PLAN_CHANGE_CHANGED);
    g_assert_cmpstr (first->id, ==, "e1");
    g_assert_cmpstr (first->field, ==, "body");
    g_assert_cmpstr (first->old_text, ==, "My cat");
  }
}

static void
test_no_changes (void)
{
  g_autoptr(GPtrArray) same = diff (old_xml, old_xml);

  g_assert_cmpuint (same->len, ==, 0);
}

/* Damaged or hostile documents are refused with a message, never read. */
static void
test_refuses_bad_documents (void)
{
  const char *bad[] = {
    "", "not xml", "<coplan>", "<other/>",
    "<?xml version=\"1.0\"?><!DOCTYPE coplan [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
    "<coplan><person id=\"p\"><given-name>&b;</given-name></person></coplan>",
    "<?xml version=\"1.0\"?><!DOCTYPE coplan SYSTEM \"http://example.invalid/x.dtd\"><coplan/>",
    "<?xml version=\"1.0\"?><!DOCTYPE coplan [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<coplan><person id=\"p\"><given-name>&x;</given-name></person></coplan>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) changes = cp_plan_diff (old_xml, bad[i], &error);
      g_autoptr(GPtrArray) outline = NULL;

      g_assert_null (changes);
      g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT);
      g_clear_error (&error);
      outline = cp_plan_outline (bad[i], &error);
      g_assert_null (outline);
      g_assert_nonnull (error);
    }
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (cp_plan_diff (NULL, old_xml, &error));
    g_assert_nonnull (error);
  }
}

static void
test_outline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outline = cp_plan_outline (new_xml, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = cp_plan_outline_to_text (outline);
  g_test_message ("%s", text);
  g_assert_cmpstr (text, ==,
                   "What is important to me\n"
                   "- I want to go swimming on Saturdays (In my own words)\n"
                   "- My cat, Biscuit (In my own words)\n"
                   "\n"
                   "My outcomes\n"
                   "- Walk to the park (Advocate)\n"
                   "- Action: Buy shoes (Aunt)\n"
                   "\n"
                   "Risks and how they are managed\n"
                   "- Crossing roads — how it is managed: Use the crossing\n");
}

/* The same through the store: an agreed version against the plan now. */
static void
test_against_current_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(CpPerson) person = cp_test_add_person (store, "Amina", "Begum");
  g_autoptr(CpPlan) plan = cp_plan_current (store, cp_record_get_id (CP_RECORD (person)), "2026-04-01", &error);
  const char *plan_id = cp_record_get_id (CP_RECORD (plan));
  g_autoptr(CpPlanEntry) entry = cp_plan_entry_add (store, plan_id, CP_SECTION_IMPORTANT_TO_ME, "My cat",
                                                     CP_VOICE_PERSON, NULL, &error);
  const CpSigner signer = { "Amina Begum", "me" };
  g_autoptr(CpPlanVersion) version = cp_plan_agree (store, plan_id, &signer, 1, "2026-04-10", &error);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) outline = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  none = cp_plan_diff_current (store, plan_id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (cp_plan_new_draft (store, plan_id, &error));
  g_object_unref (cp_plan_entry_add (store, plan_id, CP_SECTION_BAD_DAY, "Noise", CP_VOICE_ADVOCATE, NULL, &error));
  changes = cp_plan_diff_current (store, plan_id, 1, &error);
  g_assert_no_error (error);
  dump (changes);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_true (has_label (changes, "A bad day: added “Noise”"));
  g_assert_null (cp_plan_diff_current (store, plan_id, 2, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  outline = cp_plan_outline (cp_record_get_string (CP_RECORD (version), "document"), &error);
  text = cp_plan_outline_to_text (outline);
  g_assert_cmpstr (text, ==, "What is important to me\n- My cat (In my own words)\n\n"
                             "Agreed by\n- Amina Begum (me), 2026-04-10\n");
}

static void
test_labels (void)
{
  for (CpSection s = CP_SECTION_LIKE_AND_ADMIRE; s <= CP_SECTION_SHARING; s++)
    {
      g_assert_cmpstr (cp_section_label (s), !=, "");
      g_assert_cmpstr (cp_section_prompt (s), !=, "");
    }
  g_assert_cmpstr (cp_section_label (CP_SECTION_MORE_THAN_MEDICINE), ==,
                   "More than medicine: support in my community");
  g_assert_cmpstr (cp_section_label (CP_SECTION_SHARING), ==, "Who may see my plan");
  g_assert_cmpstr (cp_voice_label (CP_VOICE_FAMILY_CARER), ==, "Family or carer");
}

/* Version 2 against version 1: only what was written differently, not
 * the new signatures, progress or reviews recorded in between; and
 * version 1 stays exactly as it was signed. */
static void
test_second_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(CpPerson) person = cp_test_add_person (store, "Amina", "Begum");
  g_autoptr(CpPlan) plan = cp_plan_current (store, cp_record_get_id (CP_RECORD (person)), "2026-04-01", &error);
  const char *plan_id = cp_record_get_id (CP_RECORD (plan));
  g_autoptr(CpPlanEntry) entry = cp_plan_entry_add (store, plan_id, CP_SECTION_IMPORTANT_TO_ME, "My cat",
                                                     CP_VOICE_PERSON, NULL, &error);
  g_autoptr(CpOutcome) outcome = cp_outcome_new (plan_id);
  g_autoptr(CpOutcomeRating) rating = NULL;
  g_autoptr(CpReview) review = cp_review_new (plan_id);
  const CpSigner first_signers[] = { { "Amina Begum", "me" } };
  const CpSigner second_signers[] = { { "Amina Begum", "me" }, { "Rosa Diaz", "my advocate" } };
  g_autoptr(CpPlanVersion) first = NULL;
  g_autoptr(CpPlanVersion) second = NULL;
  g_autoptr(CpPlanVersion) first_again = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *signed_document = NULL;

  g_object_set (outcome, "description", "Feed the cat myself", NULL);
  g_assert_true (cp_store_insert (store, CP_RECORD (outcome), &error));
  first = cp_plan_agree (store, plan_id, first_signers, 1, "2026-04-10", &error);
  g_assert_no_error (error);
  signed_document = g_strdup (cp_record_get_string (CP_RECORD (first), "document"));
  rating = cp_outcome_rating_new (cp_record_get_id (CP_RECORD (outcome)));
  g_object_set (rating, "rated-on", "2026-05-01", "score", (gint64) 1, NULL);
  g_assert_true (cp_store_insert (store, CP_RECORD (rating), &error));
  g_object_set (review, "review-date", "2026-05-02", "working", "The cat", NULL);
  g_assert_true (cp_store_insert (store, CP_RECORD (review), &error));
  /* Money spent and eligibility checked while agreed are not plan changes. */
  {
    g_autoptr(CpPayment) payment = cp_payment_new (plan_id);
    g_object_set (payment, "paid-on", "2026-05-01", "payee", "Cat food", "amount-pence", (gint64) 1250, NULL);
    g_assert_true (cp_store_insert (store, CP_RECORD (payment), &error));
    g_assert_true (cp_eligibility_set_answer (store, cp_record_get_id (CP_RECORD (person)), "resident", TRUE,
                                              "Council tax bill", &error));
  }
  g_assert_true (cp_plan_start_review (store, plan_id, &error));
  g_assert_true (cp_plan_new_draft (store, plan_id, &error));
  cp_record_set_string (CP_RECORD (entry), "body", "My cat and my garden");
  g_assert_true (cp_store_update (store, CP_RECORD (entry), &error));
  second = cp_plan_agree (store, plan_id, second_signers, 2, "2026-05-03", &error);
  g_assert_no_error (error);

  changes = cp_plan_diff (signed_document, cp_record_get_string (CP_RECORD (second), "document"), &error);
  g_assert_no_error (error);
  dump (changes);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_true (has_label (changes, "What is important to me changed from “My cat” to “My cat and my garden”"));
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (second), "summary"), ==, "1 change since version 1.");
  first_again = cp_plan_load_version (store, plan_id, 1, &error);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (first_again), "document"), ==, signed_document);
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);

  g_test_add_func ("/plan-diff/changes", test_changes);
  g_test_add_func ("/plan-diff/no-changes", test_no_changes);
  g_test_add_func ("/plan-diff/bad-documents", test_refuses_bad_documents);
  g_test_add_func ("/plan-diff/outline", test_outline);
  g_test_add_func ("/plan-diff/against-current", test_against_current_plan);
  g_test_add_func ("/plan-diff/labels", test_labels);
  g_test_add_func ("/plan-diff/second-version", test_second_version);
  return g_test_run ();
}
