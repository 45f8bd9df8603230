/* cp-date.c — ISO 8601 calendar dates as stored, and as people type them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing is done by hand rather than with g_date_set_parse(), which
 * follows the locale and would read 01/02/2026 as 2 January in en_US.
 */
#define G_LOG_DOMAIN "cp-date"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-date.h"

#define CP_DATE_MIN_YEAR 1900
#define CP_DATE_MAX_YEAR 2200
#define CP_DATE_MAX_FIELDS 3

G_DEFINE_QUARK (cp-date-error-quark, cp_date_error)

/* English names: what people in England type, whatever the locale. */
static const char *const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/* One piece of a typed date: a run of digits or a run of letters. */
typedef struct
{
  char     text[16];
  gboolean is_number;
} CpDateField;

static const char *
cp_date_month_display_name (guint month)
{
  g_assert (month >= 1 && month <= 12);
  /* Display names go through gettext so a translation can name months. */
  return g_dgettext (GETTEXT_PACKAGE, month_names[month - 1]);
}

static void
cp_date_set_impossible_day (guint    day,
                            guint    month,
                            guint    year,
                            GError **error)
{
  guint8 days = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);

  if (month == G_DATE_FEBRUARY)
    g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_IMPOSSIBLE,
                 _("February %u has %u days, so there is no %u February."),
                 year, (guint) days, day);
  else
    g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_IMPOSSIBLE,
                 _("%s has %u days, so there is no %u %s."),
                 cp_date_month_display_name (month), (guint) days, day,
                 cp_date_month_display_name (month));
}

/* Checks the numbers and builds the date; every parser ends here. */
static GDate *
cp_date_make (guint    day,
              guint    month,
              guint    year,
              GError **error)
{
  if (year < CP_DATE_MIN_YEAR || year > CP_DATE_MAX_YEAR)
    {
      g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_OUT_OF_RANGE,
                   _("The year %u is out of range: use a year from %d to %d."),
                   year, CP_DATE_MIN_YEAR, CP_DATE_MAX_YEAR);
      return NULL;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_IMPOSSIBLE,
                   _("There is no month %u: months go from 1 to 12."), month);
      return NULL;
    }
  if (day < 1 || day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    {
      if (day < 1)
        g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_IMPOSSIBLE,
                     _("There is no day 0: days start at 1."));
      else
        cp_date_set_impossible_day (day, month, year, error);
      return NULL;
    }

  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Reads exactly @n ASCII digits. */
static gboolean
cp_date_read_digits (const char *p,
                     guint       n,
                     guint      *value)
{
  guint i;

  *value = 0;
  for (i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      *value = *value * 10 + (guint) (p[i] - '0');
    }
  return TRUE;
}

static void
cp_date_set_not_iso (const char *text,
                     GError    **error)
{
  /* Stored text may be anything; only quote it back when it is printable. */
  if (g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= 40)
    g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_INVALID,
                 _("“%s” is not a stored date: it must be written YYYY-MM-DD, like 2026-01-31."),
                 text);
  else
    g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_INVALID,
                 _("This is not a stored date: it must be written YYYY-MM-DD, like 2026-01-31."));
}

GDate *
cp_date_parse_iso (const char  *text,
                   GError     **error)
{
  guint year, month, day;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_EMPTY, _("There is no date."));
      return NULL;
    }
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !cp_date_read_digits (text, 4, &year) ||
      !cp_date_read_digits (text + 5, 2, &month) ||
      !cp_date_read_digits (text + 8, 2, &day))
    {
      cp_date_set_not_iso (text, error);
      return NULL;
    }

  return cp_date_make (day, month, year, error);
}

static gboolean
cp_date_is_separator (char c)
{
  return c == '/' || c == '-' || c == '.' || c == ',' || g_ascii_isspace (c);
}

static void
cp_date_set_unreadable (const char *text,
                        GError    **error)
{
  if (g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= 40)
    g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_INVALID,
                 _("“%s” is not a date Coplan can read: write the day, month and year, "
                   "like 31/01/2026 or 31 Jan 2026."),
                 text);
  else
    g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_INVALID,
                 _("This is not a date Coplan can read: write the day, month and year, "
                   "like 31/01/2026 or 31 Jan 2026."));
}

/* Drops "st", "nd", "rd", "th" after a day number: "31st Jan 2026". */
static const char *
cp_date_skip_ordinal (const char *p)
{
  static const char *const suffixes[] = { "st", "nd", "rd", "th" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      if (g_ascii_strncasecmp (p, suffixes[i], 2) == 0 && !g_ascii_isalpha (p[2]))
        return p + 2;
    }
  return p;
}

/* Splits "31 Jan, 2026" into up to three digit or letter runs. Returns the count,
 * or -1 when a character is neither a digit, a letter nor a separator. */
static int
cp_date_split (const char  *text,
               CpDateField *fields)
{
  const char *p = text;
  int n = 0;

  while (*p != '\0')
    {
      gboolean number = g_ascii_isdigit (*p);
      gsize len = 0;

      if (cp_date_is_separator (*p))
        {
          p++;
          continue;
        }
      if (!number && !g_ascii_isalpha (*p))
        return -1;
      if (n == CP_DATE_MAX_FIELDS)
        return n + 1;

      while (p[len] != '\0' && (number ? g_ascii_isdigit (p[len]) : g_ascii_isalpha (p[len])))
        len++;
      if (len >= sizeof fields[n].text)
        return -1;
      memcpy (fields[n].text, p, len);
      fields[n].text[len] = '\0';
      fields[n].is_number = number;
      p += len;
      if (number && n == 0)
        p = cp_date_skip_ordinal (p);
      n++;
    }
  return n;
}

/* "jan", "January", "Sept" → 1..12, or 0. */
static guint
cp_date_month_from_name (const char *name)
{
  gsize len = strlen (name);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      if (g_ascii_strcasecmp (name, month_names[i]) == 0)
        return i + 1;
      if (len == 3 && g_ascii_strncasecmp (name, month_names[i], 3) == 0)
        return i + 1;
    }
  if (g_ascii_strcasecmp (name, "Sept") == 0)
    return 9;
  return 0;
}

/* A month typed as digits or as a name. */
static gboolean
cp_date_read_month (const CpDateField *field,
                    guint             *month,
                    GError           **error)
{
  if (field->is_number)
    {
      if (strlen (field->text) > 2)
        {
          g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_INVALID,
                       _("“%s” is not a month: use 1 to 12, or a name like Jan."), field->text);
          return FALSE;
        }
      *month = (guint) g_ascii_strtoull (field->text, NULL, 10);
      return TRUE;
    }

  *month = cp_date_month_from_name (field->text);
  if (*month == 0)
    {
      g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_INVALID,
                   _("“%s” is not the name of a month: write it like Jan or January."),
                   field->text);
      return FALSE;
    }
  return TRUE;
}

/* A day is one or two digits. */
static gboolean
cp_date_read_day (const CpDateField *field,
                  guint             *day,
                  GError           **error)
{
  if (!field->is_number || strlen (field->text) > 2)
    {
      g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_INVALID,
                   _("“%s” is not a day of the month: use 1 to 31, day first, like 31/01/2026."),
                   field->text);
      return FALSE;
    }
  *day = (guint) g_ascii_strtoull (field->text, NULL, 10);
  return TRUE;
}

/* The year must be written in full: "26" could be 1926 or 2026. */
static gboolean
cp_date_read_year (const CpDateField *field,
                   guint             *year,
                   GError           **error)
{
  if (!field->is_number)
    {
      g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_INVALID,
                   _("“%s” is not a year: write the year in digits, like 2026."), field->text);
      return FALSE;
    }
  if (strlen (field->text) != 4)
    {
      g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_INVALID,
                   _("Write the full year with four digits, like 2026: “%s” could mean "
                     "more than one year."),
                   field->text);
      return FALSE;
    }
  *year = (guint) g_ascii_strtoull (field->text, NULL, 10);
  return TRUE;
}

GDate *
cp_date_parse_user (const char  *text,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  CpDateField fields[CP_DATE_MAX_FIELDS];
  guint day = 0, month = 0, year = 0;
  gboolean year_first;
  int n;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*trimmed == '\0')
    {
      g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_EMPTY,
                   _("Type a date, like 31/01/2026."));
      return NULL;
    }

  n = cp_date_split (trimmed, fields);
  if (n != CP_DATE_MAX_FIELDS)
    {
      cp_date_set_unreadable (trimmed, error);
      return NULL;
    }

  /* "2026-01-31": a four-digit first number can only be a year. */
  year_first = fields[0].is_number && strlen (fields[0].text) == 4;
  if (year_first)
    {
      if (!cp_date_read_year (&fields[0], &year, error) ||
          !cp_date_read_month (&fields[1], &month, error) ||
          !cp_date_read_day (&fields[2], &day, error))
        return NULL;
    }
  else if (!cp_date_read_day (&fields[0], &day, error) ||
           !cp_date_read_month (&fields[1], &month, error) ||
           !cp_date_read_year (&fields[2], &year, error))
    return NULL;

  return cp_date_make (day, month, year, error);
}

char *
cp_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
cp_date_format_long (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%u %s %u",
                          (guint) g_date_get_day (date),
                          cp_date_month_display_name (g_date_get_month (date)),
                          (guint) g_date_get_year (date));
}

gboolean
cp_date_iso_is_valid (const char  *text,
                      GError     **error)
{
  g_autoptr(GDate) date = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  date = cp_date_parse_iso (text, error);
  return date != NULL;
}

int
cp_date_age_on (const GDate *date_of_birth,
                const GDate *on)
{
  int years;

  g_return_val_if_fail (date_of_birth != NULL && g_date_valid (date_of_birth), 0);
  g_return_val_if_fail (on != NULL && g_date_valid (on), 0);

  if (g_date_compare (on, date_of_birth) < 0)
    return 0;

  years = (int) g_date_get_year (on) - (int) g_date_get_year (date_of_birth);
  /* Not yet had this year's birthday. Someone born on 29 February turns a
   * year older on 1 March in other years. */
  if (g_date_get_month (on) < g_date_get_month (date_of_birth) ||
      (g_date_get_month (on) == g_date_get_month (date_of_birth) &&
       g_date_get_day (on) < g_date_get_day (date_of_birth)))
    years--;

  return years;
}
