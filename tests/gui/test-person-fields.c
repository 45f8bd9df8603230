/* test-person-fields.c — what typed text becomes when stored (no display)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-person-fields.h"

static void
assert_parses (CpPersonFieldKind kind, const char *text, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_assert_true (cp_person_field_parse (kind, text, &stored, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, expected);
}

static void
assert_refused (CpPersonFieldKind kind, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_assert_false (cp_person_field_parse (kind, text, &stored, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (stored);
}

static void
test_dates (void)
{
  g_autofree char *shown = cp_person_field_display (CP_PERSON_FIELD_DATE, "1980-01-31");

  assert_parses (CP_PERSON_FIELD_DATE, "31/01/1980", "1980-01-31");
  assert_parses (CP_PERSON_FIELD_DATE, "  ", NULL);
  assert_parses (CP_PERSON_FIELD_DATE, "", NULL);
  assert_refused (CP_PERSON_FIELD_DATE, "31/02/1980");
  assert_refused (CP_PERSON_FIELD_DATE, "next Tuesday");
  g_assert_cmpstr (shown, ==, "31/01/1980");
}

static void
test_nhs_numbers (void)
{
  g_autofree char *shown = cp_person_field_display (CP_PERSON_FIELD_NHS_NUMBER, "9434765919");

  assert_parses (CP_PERSON_FIELD_NHS_NUMBER, "943 476 5919", "9434765919");
  assert_parses (CP_PERSON_FIELD_NHS_NUMBER, "", NULL);
  assert_refused (CP_PERSON_FIELD_NHS_NUMBER, "943 476 5918");
  assert_refused (CP_PERSON_FIELD_NHS_NUMBER, "12345");
  g_assert_cmpstr (shown, ==, "943 476 5919");
}

static void
test_text (void)
{
  g_autofree char *unnamed = cp_person_field_display_name ("  ");
  g_autofree char *named = cp_person_field_display_name ("Sam Patel");

  assert_parses (CP_PERSON_FIELD_TEXT, "Flat 2, 1 High St ", "Flat 2, 1 High St ");
  assert_parses (CP_PERSON_FIELD_TEXT, NULL, "");
  g_assert_cmpstr (unnamed, ==, "New person");
  g_assert_cmpstr (named, ==, "Sam Patel");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/person-fields/dates", test_dates);
  g_test_add_func ("/person-fields/nhs-numbers", test_nhs_numbers);
  g_test_add_func ("/person-fields/text", test_text);
  return g_test_run ();
}
