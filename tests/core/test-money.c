/* test-money.c — parsing and printing integer pence
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "cp-money.h"

#define MINUS "\xe2\x88\x92" /* U+2212 MINUS SIGN */
#define SENTINEL G_GINT64_CONSTANT (-777)

typedef struct
{
  const char *text;
  gint64      pence;
} GoodCase;

typedef struct
{
  const char  *text;
  CpMoneyError code;
  const char  *in_message; /* optional words the message must hold */
} BadCase;

static void
test_parse_good (void)
{
  static const GoodCase cases[] = {
    { "1234.5", 123450 },
    { "£1,234.56", 123456 },
    { "-£12", -1200 },
    { MINUS "£12.00", -1200 },
    { "(12.00)", -1200 },
    { "(£1,234.56)", -123456 },
    { " £ 5 ", 500 },
    { "£-12", -1200 },
    { "- £ 12", -1200 },
    { "+5", 500 },
    { "0", 0 },
    { "-0", 0 },
    { "£0.05", 5 },
    { ".5", 50 },
    { "12.", 1200 },
    { "999", 99900 },
    { "1,000", 100000 },
    { "1,234,567.89", 123456789 },
    { "10000000", CP_MONEY_MAX_PENCE },
    { "£10,000,000.00", CP_MONEY_MAX_PENCE },
    { "-10000000", -CP_MONEY_MAX_PENCE },
    { "00000000000000000000000000001.00", 100 },
    { "1234.56", 123456 },
    { "-12.00", -1200 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 pence = SENTINEL;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (cp_money_parse (cases[i].text, &pence, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pence, ==, cases[i].pence);
    }
}

static void
test_parse_bad (void)
{
  static const BadCase cases[] = {
    { NULL, CP_MONEY_ERROR_EMPTY, NULL },
    { "", CP_MONEY_ERROR_EMPTY, NULL },
    { "   ", CP_MONEY_ERROR_EMPTY, NULL },
    { "12abc", CP_MONEY_ERROR_INVALID, NULL },
    { "£1O.00", CP_MONEY_ERROR_INVALID, "letter O" },
    { "abc", CP_MONEY_ERROR_INVALID, NULL },
    { "1e5", CP_MONEY_ERROR_INVALID, NULL },
    { "0x10", CP_MONEY_ERROR_INVALID, NULL },
    { "12£", CP_MONEY_ERROR_INVALID, NULL },
    { "12-", CP_MONEY_ERROR_INVALID, NULL },
    { "1 234", CP_MONEY_ERROR_INVALID, NULL },
    { "$12", CP_MONEY_ERROR_INVALID, NULL },
    { "\xff\xfe", CP_MONEY_ERROR_INVALID, NULL },
    { "1.005", CP_MONEY_ERROR_PRECISION, "two digits" },
    { "1.000", CP_MONEY_ERROR_PRECISION, NULL },
    { "£1,234.567", CP_MONEY_ERROR_PRECISION, NULL },
    { "1,23.00", CP_MONEY_ERROR_INVALID, "comma" },
    { "12,34", CP_MONEY_ERROR_INVALID, "comma" },
    { ",123", CP_MONEY_ERROR_INVALID, "comma" },
    { "123,", CP_MONEY_ERROR_INVALID, "comma" },
    { "1234,567", CP_MONEY_ERROR_INVALID, "comma" },
    { "1,2345", CP_MONEY_ERROR_INVALID, "comma" },
    { "1,,234", CP_MONEY_ERROR_INVALID, "comma" },
    { "1.2,3", CP_MONEY_ERROR_INVALID, "comma" },
    { "--12", CP_MONEY_ERROR_INVALID, "minus" },
    { "-" MINUS "12", CP_MONEY_ERROR_INVALID, "minus" },
    { "+-12", CP_MONEY_ERROR_INVALID, "minus" },
    { "-(12)", CP_MONEY_ERROR_INVALID, "brackets" },
    { "£(12)", CP_MONEY_ERROR_INVALID, "brackets" },
    { "(-12)", CP_MONEY_ERROR_INVALID, "minus" },
    { "££12", CP_MONEY_ERROR_INVALID, "£" },
    { "1.2.3", CP_MONEY_ERROR_INVALID, "point" },
    { "1..2", CP_MONEY_ERROR_INVALID, "point" },
    { "(12", CP_MONEY_ERROR_INVALID, "bracket" },
    { "12)", CP_MONEY_ERROR_INVALID, "bracket" },
    { "()", CP_MONEY_ERROR_INVALID, NULL },
    { "£", CP_MONEY_ERROR_INVALID, NULL },
    { "-", CP_MONEY_ERROR_INVALID, NULL },
    { ".", CP_MONEY_ERROR_INVALID, NULL },
    { "10000000.01", CP_MONEY_ERROR_TOO_LARGE, "£10,000,000.00" },
    { "-10000000.01", CP_MONEY_ERROR_TOO_LARGE, NULL },
    { "10,000,001", CP_MONEY_ERROR_TOO_LARGE, NULL },
    { "123456789012345678901234567890", CP_MONEY_ERROR_TOO_LARGE, NULL },
    { "-123456789012345678901234567890.99", CP_MONEY_ERROR_TOO_LARGE, NULL },
    { "92233720368547758.07", CP_MONEY_ERROR_TOO_LARGE, NULL },
    { "18446744073709551616", CP_MONEY_ERROR_TOO_LARGE, NULL },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 pence = SENTINEL;

      g_test_message ("refusing “%s”", cases[i].text != NULL ? cases[i].text : "(null)");
      g_assert_false (cp_money_parse (cases[i].text, &pence, &error));
      g_assert_error (error, CP_MONEY_ERROR, (int) cases[i].code);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (cases[i].in_message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].in_message));
      /* A refused input leaves the caller's value alone. */
      g_assert_cmpint (pence, ==, SENTINEL);
    }
}

static void
test_precision_message (void)
{
  g_autoptr(GError) error = NULL;
  gint64 pence = 0;

  g_assert_false (cp_money_parse ("1.005", &pence, &error));
  g_assert_cmpstr (error->message, ==, "Use at most two digits after the point, like £12.50.");
}

static void
test_format (void)
{
  static const GoodCase cases[] = {
    { "£1,234.56", 123456 },
    { "£0.05", 5 },
    { "£0.00", 0 },
    { "£0.50", 50 },
    { "£1.00", 100 },
    { "£999.99", 99999 },
    { "£1,000.00", 100000 },
    { "£1,000,000.00", 100000000 },
    { "£10,000,000.00", CP_MONEY_MAX_PENCE },
    { MINUS "£12.00", -1200 },
    { MINUS "£0.01", -1 },
    { MINUS "£1,234.56", -123456 },
    { "£92,233,720,368,547,758.07", G_MAXINT64 },
    { MINUS "£92,233,720,368,547,758.08", G_MININT64 },
    { MINUS "£92,233,720,368,547,758.07", G_MININT64 + 1 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cp_money_format (cases[i].pence);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_plain (void)
{
  static const GoodCase cases[] = {
    { "1234.56", 123456 },
    { "0.00", 0 },
    { "0.05", 5 },
    { "-12.00", -1200 },
    { "-0.05", -5 },
    { "1000000.00", 100000000 },
    { "92233720368547758.07", G_MAXINT64 },
    { "-92233720368547758.08", G_MININT64 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cp_money_format_plain (cases[i].pence);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Both printed forms read back as the same pence. */
static void
assert_round_trip (gint64 pence)
{
  g_autofree char *pretty = cp_money_format (pence);
  g_autofree char *plain = cp_money_format_plain (pence);
  gint64 back = SENTINEL;

  if (!cp_money_parse (pretty, &back, NULL) || back != pence)
    g_error ("“%s” did not read back as %" G_GINT64_FORMAT, pretty, pence);
  back = SENTINEL;
  if (!cp_money_parse (plain, &back, NULL) || back != pence)
    g_error ("“%s” did not read back as %" G_GINT64_FORMAT, plain, pence);
}

static void
test_round_trip_range (void)
{
  gint64 pence;

  for (pence = -250000; pence <= 250000; pence++)
    assert_round_trip (pence);
  for (pence = CP_MONEY_MAX_PENCE - 1000; pence <= CP_MONEY_MAX_PENCE; pence++)
    {
      assert_round_trip (pence);
      assert_round_trip (-pence);
    }
}

static void
test_round_trip_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  int i;

  for (i = 0; i < 200000; i++)
    {
      /* Spread over every magnitude, not just the large ones. */
      gint64 limit = (gint64) 1 << g_rand_int_range (rand, 1, 31);
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      gint64 pence = (gint64) (bits % (guint64) limit);

      pence = MIN (pence, CP_MONEY_MAX_PENCE);
      assert_round_trip (g_rand_boolean (rand) ? pence : -pence);
    }
}

/* Counts are grouped like pounds, whatever the locale. */
static void
test_format_count (void)
{
  const struct { guint64 n; const char *text; } cases[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" }, { 146230, "146,230" },
    { 1000000, "1,000,000" }, { G_MAXUINT64, "18,446,744,073,709,551,615" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cp_format_count (cases[i].n);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/good", test_parse_good);
  g_test_add_func ("/money/parse/bad", test_parse_bad);
  g_test_add_func ("/money/parse/precision-message", test_precision_message);
  g_test_add_func ("/money/format/pretty", test_format);
  g_test_add_func ("/money/format/plain", test_format_plain);
  g_test_add_func ("/money/format/count", test_format_count);
  g_test_add_func ("/money/round-trip/range", test_round_trip_range);
  g_test_add_func ("/money/round-trip/random", test_round_trip_random);

  return g_test_run ();
}
