/* test-nhs-number.c — Modulus 11 NHS numbers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "cp-nhs-number.h"

/* The test's own reading of the rule, written apart from the module:
 * a number is valid when 10·d1 + 9·d2 + … + 2·d9 + 1·d10 ≡ 0 (mod 11),
 * with d10 a digit. That equals "check = 11 − remainder, 11 → 0". */
static gboolean
reference_is_valid (const char *ten)
{
  int sum = 0;
  int i;

  for (i = 0; i < 10; i++)
    sum += (ten[i] - '0') * (10 - i);
  return sum % 11 == 0;
}

/* A seeded supply of valid numbers for the exhaustive checks. */
static void
random_valid_number (GRand *rand,
                     char   out[11])
{
  int i;

  do
    {
      for (i = 0; i < 9; i++)
        out[i] = (char) ('0' + g_rand_int_range (rand, 0, 10));
      out[9] = '\0';
    }
  while (cp_nhs_number_check_digit (out) < 0);

  out[9] = (char) ('0' + cp_nhs_number_check_digit (out));
  out[10] = '\0';
}

static void
test_known_numbers (void)
{
  /* Worked by hand: 9·10+4·9+3·8+4·7+7·6+6·5+5·4+9·3+1·2 = 299, 299 mod 11 = 2,
   * 11 − 2 = 9; and 4·10+0+1·8+0+2·6+3·5+2·4+1·3+3·2 = 92, 92 mod 11 = 4, 11 − 4 = 7. */
  g_assert_cmpint (cp_nhs_number_check_digit ("943476591"), ==, 9);
  g_assert_cmpint (cp_nhs_number_check_digit ("401023213"), ==, 7);
  g_assert_true (reference_is_valid ("9434765919"));
  g_assert_true (reference_is_valid ("4010232137"));
  g_assert_true (cp_nhs_number_is_valid ("9434765919"));
  g_assert_true (cp_nhs_number_is_valid ("4010232137"));
  /* Remainder 0 gives 11, which stands for check digit 0. */
  g_assert_cmpint (cp_nhs_number_check_digit ("000000000"), ==, 0);
  g_assert_true (cp_nhs_number_is_valid ("0000000000"));
}

/* Every nine-digit prefix in a block agrees with the reference, and the
 * prefixes whose remainder gives 10 have no valid ending at all. */
static void
test_check_digit_against_reference (void)
{
  guint n_impossible = 0;
  guint n_zero = 0;
  guint prefix;

  for (prefix = 0; prefix < 200000; prefix++)
    {
      char ten[11];
      int check;
      int valid_endings = 0;
      int d;

      g_snprintf (ten, sizeof ten, "%09u", prefix * 4987u % 1000000000u);
      check = cp_nhs_number_check_digit (ten);
      for (d = 0; d < 10; d++)
        {
          ten[9] = (char) ('0' + d);
          ten[10] = '\0';
          if (reference_is_valid (ten))
            {
              g_assert_cmpint (check, ==, d);
              valid_endings++;
            }
          g_assert_cmpint (cp_nhs_number_is_valid (ten), ==, reference_is_valid (ten));
        }
      if (check == -1)
        {
          g_assert_cmpint (valid_endings, ==, 0);
          n_impossible++;
        }
      else
        g_assert_cmpint (valid_endings, ==, 1);
      n_zero += check == 0;
    }

  /* Both special cases really occur in the block. */
  g_assert_cmpuint (n_impossible, >, 0);
  g_assert_cmpuint (n_zero, >, 0);
}

static void
test_check_digit_bad_input (void)
{
  g_assert_cmpint (cp_nhs_number_check_digit ("94347659"), ==, -1);
  g_assert_cmpint (cp_nhs_number_check_digit ("94347659x"), ==, -1);
  g_assert_cmpint (cp_nhs_number_check_digit (""), ==, -1);
}

static void
test_normalize_good (void)
{
  static const char *const cases[] = {
    "9434765919",
    "943 476 5919",
    "943-476-5919",
    "  943 476 5919  ",
    "943 4765919",
    "943476 5919",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *digits = cp_nhs_number_normalize (cases[i], &error);

      g_test_message ("normalizing “%s”", cases[i]);
      g_assert_no_error (error);
      g_assert_cmpstr (digits, ==, "9434765919");
      g_assert_true (cp_nhs_number_is_valid (cases[i]));
    }
}

static void
test_normalize_bad (void)
{
  static const struct
  {
    const char      *text;
    CpNhsNumberError code;
    const char      *in_message;
  } cases[] = {
    { NULL, CP_NHS_NUMBER_ERROR_EMPTY, NULL },
    { "", CP_NHS_NUMBER_ERROR_EMPTY, NULL },
    { "   ", CP_NHS_NUMBER_ERROR_EMPTY, NULL },
    { "943 476 591", CP_NHS_NUMBER_ERROR_LENGTH, "9" },
    { "94347659190", CP_NHS_NUMBER_ERROR_LENGTH, "11" },
    { "1", CP_NHS_NUMBER_ERROR_LENGTH, NULL },
    { "943 476 5918", CP_NHS_NUMBER_ERROR_CHECK,
      "This NHS number’s last digit does not match: check it for a typing mistake." },
    { "4010232138", CP_NHS_NUMBER_ERROR_CHECK, NULL },
    { "943.476.5919", CP_NHS_NUMBER_ERROR_CHARACTER, "“.”" },
    { "94347659I9", CP_NHS_NUMBER_ERROR_CHARACTER, "“I”" },
    { "O434765919", CP_NHS_NUMBER_ERROR_CHARACTER, "letter O" },
    { "943/476/5919", CP_NHS_NUMBER_ERROR_CHARACTER, NULL },
    { "943_476_5919", CP_NHS_NUMBER_ERROR_CHARACTER, NULL },
    { "+449434765919", CP_NHS_NUMBER_ERROR_CHARACTER, NULL },
    { "943\t476\t5919", CP_NHS_NUMBER_ERROR_CHARACTER, NULL },
    { "\xef\xbc\x99" "434765919", CP_NHS_NUMBER_ERROR_CHARACTER, NULL }, /* fullwidth 9 */
    { "\xff" "434765919", CP_NHS_NUMBER_ERROR_CHARACTER, NULL },
    { "94 34 76 59 19", CP_NHS_NUMBER_ERROR_CHARACTER, "943 476 5919" },
    { "943  476 5919", CP_NHS_NUMBER_ERROR_CHARACTER, NULL },
    { "-943 476 5919", CP_NHS_NUMBER_ERROR_CHARACTER, NULL },
    { "943 476 5919-", CP_NHS_NUMBER_ERROR_CHARACTER, NULL },
    { "9434 765 919", CP_NHS_NUMBER_ERROR_CHARACTER, NULL },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *digits = NULL;

      g_test_message ("refusing “%s”", cases[i].text != NULL ? cases[i].text : "(null)");
      digits = cp_nhs_number_normalize (cases[i].text, &error);
      g_assert_null (digits);
      g_assert_error (error, CP_NHS_NUMBER_ERROR, (int) cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (cases[i].in_message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].in_message));
      g_assert_false (cp_nhs_number_is_valid (cases[i].text));
    }
}

static void
assert_caught (const char *typo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digits = cp_nhs_number_normalize (typo, &error);

  if (digits != NULL)
    g_error ("the typo %s was not caught", typo);
  g_assert_error (error, CP_NHS_NUMBER_ERROR, CP_NHS_NUMBER_ERROR_CHECK);
}

/* Any one digit typed wrong, anywhere, makes the number invalid. */
static void
test_substitutions_caught (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4010232137u);
  guint n_typos = 0;
  int n;

  for (n = 0; n < 2000; n++)
    {
      char number[11];
      int pos;
      char d;

      if (n == 0)
        strcpy (number, "9434765919");
      else if (n == 1)
        strcpy (number, "4010232137");
      else
        random_valid_number (rand, number);
      g_assert_true (cp_nhs_number_is_valid (number));

      for (pos = 0; pos < 10; pos++)
        for (d = '0'; d <= '9'; d++)
          {
            char typo[11];

            if (d == number[pos])
              continue;
            memcpy (typo, number, sizeof typo);
            typo[pos] = d;
            assert_caught (typo);
            n_typos++;
          }
    }
  g_assert_cmpuint (n_typos, ==, 2000 * 10 * 9);
}

/* Swapping two neighbouring different digits a,b changes the weighted sum
 * by ±(a − b), between 1 and 9, never a multiple of 11: always caught.
 * Counted here rather than trusted. */
static void
test_transpositions_caught (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (943476591u);
  guint n_swaps = 0;
  guint n_caught = 0;
  int n;

  for (n = 0; n < 20000; n++)
    {
      char number[11];
      int pos;

      if (n == 0)
        strcpy (number, "9434765919");
      else if (n == 1)
        strcpy (number, "4010232137");
      else
        random_valid_number (rand, number);

      for (pos = 0; pos < 9; pos++)
        {
          char swapped[11];

          if (number[pos] == number[pos + 1])
            continue;
          memcpy (swapped, number, sizeof swapped);
          swapped[pos] = number[pos + 1];
          swapped[pos + 1] = number[pos];
          n_swaps++;
          n_caught += !cp_nhs_number_is_valid (swapped);
        }
    }

  g_test_message ("%u of %u adjacent transpositions caught", n_caught, n_swaps);
  g_assert_cmpuint (n_swaps, >, 100000);
  g_assert_cmpuint (n_caught, ==, n_swaps);
}

static void
test_format (void)
{
  g_autofree char *spaced = cp_nhs_number_format ("9434765919");
  g_autofree char *short_one = cp_nhs_number_format ("12345");
  g_autofree char *letters = cp_nhs_number_format ("94347659AB");
  g_autofree char *long_one = cp_nhs_number_format ("94347659190");
  g_autofree char *back = cp_nhs_number_normalize (spaced, NULL);

  g_assert_cmpstr (spaced, ==, "943 476 5919");
  g_assert_cmpstr (back, ==, "9434765919");
  /* Not ten digits: shown as stored, not cut or padded. */
  g_assert_cmpstr (short_one, ==, "12345");
  g_assert_cmpstr (letters, ==, "94347659AB");
  g_assert_cmpstr (long_one, ==, "94347659190");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nhs-number/known", test_known_numbers);
  g_test_add_func ("/nhs-number/check-digit/reference", test_check_digit_against_reference);
  g_test_add_func ("/nhs-number/check-digit/bad-input", test_check_digit_bad_input);
  g_test_add_func ("/nhs-number/normalize/good", test_normalize_good);
  g_test_add_func ("/nhs-number/normalize/bad", test_normalize_bad);
  g_test_add_func ("/nhs-number/typos/substitution", test_substitutions_caught);
  g_test_add_func ("/nhs-number/typos/transposition", test_transpositions_caught);
  g_test_add_func ("/nhs-number/format", test_format);

  return g_test_run ();
}
