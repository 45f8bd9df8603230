/* cp-nhs-number.c — NHS numbers, checked with Modulus 11
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NHS Data Dictionary, "NHS Number": multiply the first nine digits by
 * 10, 9, … 2, add them up, take the remainder on division by 11 and
 * subtract it from 11. A result of 11 means check digit 0; a result of
 * 10 means the nine digits can never form a valid number.
 */
#define G_LOG_DOMAIN "cp-nhs-number"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-nhs-number.h"

#define CP_NHS_NUMBER_DIGITS 10

G_DEFINE_QUARK (cp-nhs-number-error-quark, cp_nhs_number_error)

static gboolean
cp_nhs_number_all_digits (const char *text,
                          gsize       len)
{
  gsize i;

  for (i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }
  return text[len] == '\0';
}

int
cp_nhs_number_check_digit (const char *first_nine)
{
  int sum = 0;
  int check;
  int i;

  g_return_val_if_fail (first_nine != NULL, -1);

  /* Also accepts all ten digits: only the first nine are read. */
  for (i = 0; i < 9; i++)
    {
      if (!g_ascii_isdigit (first_nine[i]))
        return -1;
      sum += (first_nine[i] - '0') * (10 - i);
    }

  check = 11 - sum % 11;
  if (check == 11)
    return 0;
  if (check == 10)
    return -1;
  return check;
}

static void
cp_nhs_number_set_bad_character (const char *text,
                                 GError    **error)
{
  gunichar c = g_utf8_get_char_validated (text, -1);

  if (c == 'O' || c == 'o')
    g_set_error (error, CP_NHS_NUMBER_ERROR, CP_NHS_NUMBER_ERROR_CHARACTER,
                 _("This NHS number holds the letter O: use the digit 0 instead."));
  else if (c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isprint (c))
    {
      char shown[8] = { 0 };

      g_unichar_to_utf8 (c, shown);
      g_set_error (error, CP_NHS_NUMBER_ERROR, CP_NHS_NUMBER_ERROR_CHARACTER,
                   _("An NHS number has only digits, but this one holds “%s”."), shown);
    }
  else
    g_set_error (error, CP_NHS_NUMBER_ERROR, CP_NHS_NUMBER_ERROR_CHARACTER,
                 _("An NHS number has only digits, but this one holds something else."));
}

/* Collects the digits, allowing one space or hyphen after the third and
 * sixth digit only: "943 476 5919", "943-476-5919". FALSE on a stray character. */
static gboolean
cp_nhs_number_collect (const char *text,
                       char       *digits,
                       gsize      *n_digits,
                       gboolean   *grouped_badly,
                       GError    **error)
{
  gboolean after_separator = FALSE;
  const char *p;

  *n_digits = 0;
  *grouped_badly = FALSE;
  for (p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (*n_digits < CP_NHS_NUMBER_DIGITS)
            digits[*n_digits] = *p;
          (*n_digits)++;
          after_separator = FALSE;
        }
      else if (*p == ' ' || *p == '-')
        {
          if (after_separator || (*n_digits != 3 && *n_digits != 6))
            *grouped_badly = TRUE;
          after_separator = TRUE;
        }
      else
        {
          cp_nhs_number_set_bad_character (p, error);
          return FALSE;
        }
    }
  return TRUE;
}

char *
cp_nhs_number_normalize (const char  *text,
                         GError     **error)
{
  g_autofree char *trimmed = NULL;
  char digits[CP_NHS_NUMBER_DIGITS + 1] = { 0 };
  gboolean grouped_badly;
  gsize n_digits;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*trimmed == '\0')
    {
      g_set_error (error, CP_NHS_NUMBER_ERROR, CP_NHS_NUMBER_ERROR_EMPTY,
                   _("There is no NHS number: type the ten digits, like 943 476 5919."));
      return NULL;
    }

  if (!cp_nhs_number_collect (trimmed, digits, &n_digits, &grouped_badly, error))
    return NULL;
  if (n_digits != CP_NHS_NUMBER_DIGITS)
    {
      g_set_error (error, CP_NHS_NUMBER_ERROR, CP_NHS_NUMBER_ERROR_LENGTH,
                   g_dngettext (GETTEXT_PACKAGE,
                                "An NHS number has ten digits, but this one has %u.",
                                "An NHS number has ten digits, but this one has %u.",
                                n_digits),
                   (guint) n_digits);
      return NULL;
    }
  if (grouped_badly)
    {
      g_set_error (error, CP_NHS_NUMBER_ERROR, CP_NHS_NUMBER_ERROR_CHARACTER,
                   _("Group the digits three, three and four, like 943 476 5919, "
                     "or type them without spaces."));
      return NULL;
    }
  if (cp_nhs_number_check_digit (digits) != digits[9] - '0')
    {
      g_set_error (error, CP_NHS_NUMBER_ERROR, CP_NHS_NUMBER_ERROR_CHECK,
                   _("This NHS number’s last digit does not match: "
                     "check it for a typing mistake."));
      return NULL;
    }

  return g_strdup (digits);
}

gboolean
cp_nhs_number_is_valid (const char *text)
{
  g_autofree char *digits = cp_nhs_number_normalize (text, NULL);

  return digits != NULL;
}

char *
cp_nhs_number_format (const char *digits)
{
  g_return_val_if_fail (digits != NULL, NULL);

  /* Anything but ten digits is shown as stored rather than hidden. */
  if (!cp_nhs_number_all_digits (digits, CP_NHS_NUMBER_DIGITS))
    return g_strdup (digits);

  return g_strdup_printf ("%.3s %.3s %.4s", digits, digits + 3, digits + 6);
}
