/* test-date.c — stored ISO dates and dates as people type them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "cp-date.h"

typedef struct
{
  const char *text;
  guint       day;
  guint       month;
  guint       year;
} GoodCase;

typedef struct
{
  const char *text;
  CpDateError code;
  const char *in_message; /* optional words the message must hold */
} BadCase;

static void
assert_good (GDate *(*parse) (const char *, GError **),
             const GoodCase *cases,
             gsize           n_cases)
{
  gsize i;

  for (i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDate) date = NULL;

      g_test_message ("parsing “%s”", cases[i].text);
      date = parse (cases[i].text, &error);
      g_assert_no_error (error);
      g_assert_nonnull (date);
      g_assert_true (g_date_valid (date));
      g_assert_cmpuint (g_date_get_day (date), ==, cases[i].day);
      g_assert_cmpuint (g_date_get_month (date), ==, cases[i].month);
      g_assert_cmpuint (g_date_get_year (date), ==, cases[i].year);
    }
}

static void
assert_bad (GDate *(*parse) (const char *, GError **),
            const BadCase *cases,
            gsize          n_cases)
{
  gsize i;

  for (i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDate) date = NULL;

      g_test_message ("refusing “%s”", cases[i].text != NULL ? cases[i].text : "(null)");
      date = parse (cases[i].text, &error);
      g_assert_null (date);
      g_assert_error (error, CP_DATE_ERROR, (int) cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (cases[i].in_message != NULL)
        {
          g_test_message ("message: %s", error->message);
          g_assert_nonnull (strstr (error->message, cases[i].in_message));
        }
    }
}

static void
test_iso_good (void)
{
  static const GoodCase cases[] = {
    { "2026-01-31", 31, 1, 2026 },
    { "2026-12-01", 1, 12, 2026 },
    { "2024-02-29", 29, 2, 2024 },
    { "2000-02-29", 29, 2, 2000 },
    { "1900-01-01", 1, 1, 1900 },
    { "2200-12-31", 31, 12, 2200 },
    { "2026-04-30", 30, 4, 2026 },
  };

  assert_good (cp_date_parse_iso, cases, G_N_ELEMENTS (cases));
}

static void
test_iso_bad (void)
{
  static const BadCase cases[] = {
    { NULL, CP_DATE_ERROR_EMPTY, NULL },
    { "", CP_DATE_ERROR_EMPTY, NULL },
    { "2026-02-30", CP_DATE_ERROR_IMPOSSIBLE, "February 2026 has 28 days" },
    { "2025-02-29", CP_DATE_ERROR_IMPOSSIBLE, NULL },
    { "1900-02-29", CP_DATE_ERROR_IMPOSSIBLE, "February 1900 has 28 days" },
    { "2026-04-31", CP_DATE_ERROR_IMPOSSIBLE, "April has 30 days" },
    { "2026-13-01", CP_DATE_ERROR_IMPOSSIBLE, "month 13" },
    { "2026-00-10", CP_DATE_ERROR_IMPOSSIBLE, NULL },
    { "2026-01-00", CP_DATE_ERROR_IMPOSSIBLE, NULL },
    { "2026-01-32", CP_DATE_ERROR_IMPOSSIBLE, NULL },
    { "2026-1-5", CP_DATE_ERROR_INVALID, "YYYY-MM-DD" },
    { "20260105", CP_DATE_ERROR_INVALID, NULL },
    { "2026-01-31x", CP_DATE_ERROR_INVALID, NULL },
    { "2026-01-31 ", CP_DATE_ERROR_INVALID, NULL },
    { " 2026-01-31", CP_DATE_ERROR_INVALID, NULL },
    { "2026-01-31T00:00:00Z", CP_DATE_ERROR_INVALID, NULL },
    { "2026/01/31", CP_DATE_ERROR_INVALID, NULL },
    { "31/01/2026", CP_DATE_ERROR_INVALID, NULL },
    { "+026-01-31", CP_DATE_ERROR_INVALID, NULL },
    { "2026-+1-31", CP_DATE_ERROR_INVALID, NULL },
    { "abcd-ef-gh", CP_DATE_ERROR_INVALID, NULL },
    { "2026-01-3\xff", CP_DATE_ERROR_INVALID, NULL },
    { "1899-12-31", CP_DATE_ERROR_OUT_OF_RANGE, "1899" },
    { "2201-01-01", CP_DATE_ERROR_OUT_OF_RANGE, NULL },
    { "0000-01-01", CP_DATE_ERROR_OUT_OF_RANGE, NULL },
    { "9999-12-31", CP_DATE_ERROR_OUT_OF_RANGE, NULL },
  };

  assert_bad (cp_date_parse_iso, cases, G_N_ELEMENTS (cases));
}

static void
test_user_good (void)
{
  static const GoodCase cases[] = {
    { "31/01/2026", 31, 1, 2026 },
    { "31-1-2026", 31, 1, 2026 },
    { "31.01.2026", 31, 1, 2026 },
    { "31 Jan 2026", 31, 1, 2026 },
    { "31 January 2026", 31, 1, 2026 },
    { "31 jan 2026", 31, 1, 2026 },
    { "31 JANUARY 2026", 31, 1, 2026 },
    { "31-Jan-2026", 31, 1, 2026 },
    { "31st January 2026", 31, 1, 2026 },
    { "2nd Sept 2026", 2, 9, 2026 },
    { "3 Sep, 2026", 3, 9, 2026 },
    { "2026-01-31", 31, 1, 2026 },
    { "  1/2/2026  ", 1, 2, 2026 }, /* day first: 1 February, never 2 January */
    { "12/11/2026", 12, 11, 2026 },
    { "29/02/2024", 29, 2, 2024 },
    { "29/02/2000", 29, 2, 2000 },
    { "01/01/1900", 1, 1, 1900 },
  };

  assert_good (cp_date_parse_user, cases, G_N_ELEMENTS (cases));
}

static void
test_user_bad (void)
{
  static const BadCase cases[] = {
    { NULL, CP_DATE_ERROR_EMPTY, NULL },
    { "", CP_DATE_ERROR_EMPTY, NULL },
    { "   ", CP_DATE_ERROR_EMPTY, NULL },
    { "31/01/26", CP_DATE_ERROR_INVALID, "full year" },
    { "1/2/26", CP_DATE_ERROR_INVALID, "full year" },
    { "31 Jan 26", CP_DATE_ERROR_INVALID, "full year" },
    { "31/01/02026", CP_DATE_ERROR_INVALID, NULL },
    { "29/02/2025", CP_DATE_ERROR_IMPOSSIBLE, "February 2025 has 28 days" },
    { "31/04/2026", CP_DATE_ERROR_IMPOSSIBLE, "April has 30 days" },
    { "31 June 2026", CP_DATE_ERROR_IMPOSSIBLE, "June has 30 days" },
    { "29/02/1900", CP_DATE_ERROR_IMPOSSIBLE, NULL },
    { "32/01/2026", CP_DATE_ERROR_IMPOSSIBLE, NULL },
    { "31/13/2026", CP_DATE_ERROR_IMPOSSIBLE, "month 13" },
    { "0/1/2026", CP_DATE_ERROR_IMPOSSIBLE, NULL },
    { "31 Janx 2026", CP_DATE_ERROR_INVALID, "Janx" },
    { "Jan 31 2026", CP_DATE_ERROR_INVALID, "day first" },
    { "01/31/2026", CP_DATE_ERROR_IMPOSSIBLE, "month 31" },
    { "31/01/2026/5", CP_DATE_ERROR_INVALID, NULL },
    { "31/01", CP_DATE_ERROR_INVALID, NULL },
    { "tomorrow", CP_DATE_ERROR_INVALID, NULL },
    { "31?01?2026", CP_DATE_ERROR_INVALID, NULL },
    { "310/01/2026", CP_DATE_ERROR_INVALID, NULL },
    { "31/001/2026", CP_DATE_ERROR_INVALID, NULL },
    { "31/01/abcd", CP_DATE_ERROR_INVALID, NULL },
    { "\xff/01/2026", CP_DATE_ERROR_INVALID, NULL },
    { "31/01/1850", CP_DATE_ERROR_OUT_OF_RANGE, NULL },
    { "1 Jan 2201", CP_DATE_ERROR_OUT_OF_RANGE, NULL },
  };

  assert_bad (cp_date_parse_user, cases, G_N_ELEMENTS (cases));
}

static void
test_format (void)
{
  static const struct
  {
    guint       day, month, year;
    const char *iso;
    const char *longer;
  } cases[] = {
    { 31, 1, 2026, "2026-01-31", "31 January 2026" },
    { 1, 3, 2024, "2024-03-01", "1 March 2024" },
    { 5, 1, 1900, "1900-01-05", "5 January 1900" },
    { 25, 12, 2200, "2200-12-25", "25 December 2200" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) cases[i].day,
                                              (GDateMonth) cases[i].month,
                                              (GDateYear) cases[i].year);
      g_autofree char *iso = cp_date_to_iso (date);
      g_autofree char *longer = cp_date_format_long (date);

      g_assert_cmpstr (iso, ==, cases[i].iso);
      g_assert_cmpstr (longer, ==, cases[i].longer);
    }
}

/* Every day in range prints and reads back unchanged, both ways. */
static void
test_round_trip_every_day (void)
{
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 1900);
  g_autoptr(GDate) last = g_date_new_dmy (31, G_DATE_DECEMBER, 2200);
  guint n_days = 0;

  for (; g_date_compare (day, last) <= 0; g_date_add_days (day, 1))
    {
      g_autofree char *iso = cp_date_to_iso (day);
      g_autofree char *longer = cp_date_format_long (day);
      g_autoptr(GDate) from_iso = cp_date_parse_iso (iso, NULL);
      g_autoptr(GDate) from_long = cp_date_parse_user (longer, NULL);
      g_autoptr(GDate) from_user_iso = cp_date_parse_user (iso, NULL);

      if (from_iso == NULL || g_date_compare (from_iso, day) != 0 ||
          from_long == NULL || g_date_compare (from_long, day) != 0 ||
          from_user_iso == NULL || g_date_compare (from_user_iso, day) != 0)
        g_error ("%s / %s did not read back", iso, longer);
      n_days++;
    }

  /* 301 years, 73 of them leap (1900 and 2100 are not, 2000 is). */
  g_assert_cmpuint (n_days, ==, 301 * 365 + 73);
}

static void
test_iso_is_valid (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_date_iso_is_valid (NULL, NULL));
  g_assert_true (cp_date_iso_is_valid ("", NULL));
  g_assert_true (cp_date_iso_is_valid ("2026-01-31", NULL));
  g_assert_false (cp_date_iso_is_valid ("2026-02-30", NULL));

  g_assert_false (cp_date_iso_is_valid ("31/01/2026", &error));
  g_assert_error (error, CP_DATE_ERROR, CP_DATE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cp_date_iso_is_valid ("2024-02-29", &error));
  g_assert_no_error (error);
}

static int
age_on (const char *born,
        const char *on)
{
  g_autoptr(GDate) born_date = cp_date_parse_iso (born, NULL);
  g_autoptr(GDate) on_date = cp_date_parse_iso (on, NULL);

  g_assert_nonnull (born_date);
  g_assert_nonnull (on_date);
  return cp_date_age_on (born_date, on_date);
}

static void
test_age_on (void)
{
  static const struct
  {
    const char *born;
    const char *on;
    int         age;
  } cases[] = {
    { "2000-03-15", "2026-03-14", 25 },
    { "2000-03-15", "2026-03-15", 26 },
    { "2000-03-15", "2026-03-16", 26 },
    { "2000-03-15", "2000-03-15", 0 },
    { "2000-03-15", "1999-01-01", 0 }, /* not yet born */
    { "1999-12-31", "2000-12-30", 0 },
    { "1999-12-31", "2000-12-31", 1 },
    { "2008-01-01", "2025-12-31", 17 },
    { "2008-01-01", "2026-01-01", 18 },
    /* Born on 29 February: a year older on 1 March when there is no 29th. */
    { "2004-02-29", "2025-02-28", 20 },
    { "2004-02-29", "2025-03-01", 21 },
    { "2004-02-29", "2028-02-28", 23 },
    { "2004-02-29", "2028-02-29", 24 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("born %s, on %s", cases[i].born, cases[i].on);
      g_assert_cmpint (age_on (cases[i].born, cases[i].on), ==, cases[i].age);
    }
}

/* Day by day for twelve years, the age rises by one exactly on birthdays. */
static void
test_age_steps_on_birthdays (void)
{
  g_autoptr(GDate) born = g_date_new_dmy (15, G_DATE_JUNE, 1990);
  g_autoptr(GDate) day = g_date_new_dmy (15, G_DATE_JUNE, 1990);
  int previous = 0;
  int birthdays = 0;
  int i;

  for (i = 0; i < 12 * 366; i++)
    {
      int age;

      g_date_add_days (day, 1);
      age = cp_date_age_on (born, day);
      if (g_date_get_day (day) == 15 && g_date_get_month (day) == G_DATE_JUNE)
        {
          g_assert_cmpint (age, ==, previous + 1);
          birthdays++;
        }
      else
        g_assert_cmpint (age, ==, previous);
      previous = age;
    }
  g_assert_cmpint (birthdays, ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/iso/good", test_iso_good);
  g_test_add_func ("/date/iso/bad", test_iso_bad);
  g_test_add_func ("/date/user/good", test_user_good);
  g_test_add_func ("/date/user/bad", test_user_bad);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/round-trip/every-day", test_round_trip_every_day);
  g_test_add_func ("/date/iso-is-valid", test_iso_is_valid);
  g_test_add_func ("/date/age-on/table", test_age_on);
  g_test_add_func ("/date/age-on/birthdays", test_age_steps_on_birthdays);

  return g_test_run ();
}
