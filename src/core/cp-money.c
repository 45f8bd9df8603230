/* cp-money.c — money as integer pence, parsed and printed in one place
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No double ever holds money here: digits are read one at a time into a
 * gint64, with the magnitude checked before each step so nothing overflows.
 */
#define G_LOG_DOMAIN "cp-money"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-money.h"

#define CP_MINUS_SIGN 0x2212 /* U+2212, what people paste from spreadsheets */
#define CP_POUND_SIGN 0x00A3
#define CP_MINUS_UTF8 "\xe2\x88\x92"

G_DEFINE_QUARK (cp-money-error-quark, cp_money_error)

/* What came before the digits: "-", "£", "(", spaces, in any order. */
typedef struct
{
  gboolean negative;
  guint    n_signs;
  guint    n_pounds;
} CpMoneyPrefix;

static gboolean
cp_money_is_minus (gunichar c)
{
  return c == '-' || c == CP_MINUS_SIGN;
}

/* Strips "(…)" accounting brackets; the brackets mean the amount is negative. */
static gboolean
cp_money_strip_brackets (char     *body,
                         gboolean *bracketed,
                         GError  **error)
{
  gsize len = strlen (body);
  gboolean opens = len > 0 && body[0] == '(';
  gboolean closes = len > 0 && body[len - 1] == ')';

  *bracketed = FALSE;
  if (!opens && !closes)
    return TRUE;
  if ((!opens || !closes || len < 2) && strchr (body, '(') != NULL && strchr (body, ')') != NULL)
    {
      g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_INVALID,
                   _("Put the brackets around the whole amount, like (12.00), "
                     "or use a minus sign, like −£12.00."));
      return FALSE;
    }
  if (!opens || !closes || len < 2)
    {
      g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_INVALID,
                   _("A bracket is missing: write a negative amount as (12.00) or −£12.00."));
      return FALSE;
    }

  body[len - 1] = '\0';
  memmove (body, body + 1, len - 1);
  g_strstrip (body);
  *bracketed = TRUE;
  return TRUE;
}

/* Reads signs, pound symbols and spaces; returns where the digits begin. */
static const char *
cp_money_read_prefix (const char    *p,
                      CpMoneyPrefix *prefix)
{
  memset (prefix, 0, sizeof *prefix);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (cp_money_is_minus (c) || c == '+')
        {
          prefix->n_signs++;
          prefix->negative = cp_money_is_minus (c);
        }
      else if (c == CP_POUND_SIGN)
        prefix->n_pounds++;
      else if (!g_unichar_isspace (c))
        break;
      p = g_utf8_next_char (p);
    }

  return p;
}

static gboolean
cp_money_check_prefix (const CpMoneyPrefix *prefix,
                       gboolean             bracketed,
                       GError             **error)
{
  if (prefix->n_signs > 1 || (bracketed && prefix->n_signs > 0))
    {
      g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_INVALID,
                   _("Use only one minus sign, like −£12.00."));
      return FALSE;
    }
  if (prefix->n_pounds > 1)
    {
      g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_INVALID,
                   _("Use only one £ sign, like £12.50."));
      return FALSE;
    }
  return TRUE;
}

/* The number itself may hold only digits, commas and one point. */
static gboolean
cp_money_check_characters (const char *number,
                           GError    **error)
{
  const char *p;

  if (*number == '\0')
    {
      g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_INVALID,
                   _("There is no amount: type it in digits, like £12.50."));
      return FALSE;
    }

  for (p = number; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) || *p == ',' || *p == '.')
        continue;
      if (*p == 'O' || *p == 'o')
        g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_INVALID,
                     _("“%s” holds the letter O: use the digit 0 instead."), number);
      else
        g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_INVALID,
                     _("“%s” is not an amount of money: use only digits, like £12.50."),
                     number);
      return FALSE;
    }

  if (strchr (number, '.') != strrchr (number, '.'))
    {
      g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_INVALID,
                   _("Use only one decimal point, like £1,234.50."));
      return FALSE;
    }
  return TRUE;
}

/* Commas are allowed only as thousands separators: 1,234,567. */
static gboolean
cp_money_check_commas (const char *whole,
                       gsize       len,
                       GError    **error)
{
  gsize group = 0;
  gboolean seen_comma = FALSE;
  gsize i;

  for (i = 0; i < len; i++)
    {
      if (whole[i] != ',')
        {
          group++;
          continue;
        }
      /* The first group holds 1 to 3 digits, every later one exactly 3. */
      if (group == 0 || group > 3 || (seen_comma && group != 3))
        goto misplaced;
      seen_comma = TRUE;
      group = 0;
    }
  if (seen_comma && group != 3)
    goto misplaced;
  return TRUE;

misplaced:
  g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_INVALID,
               _("A comma is in the wrong place: put commas between thousands, like £1,234.50, "
                 "or leave them out."));
  return FALSE;
}

static void
cp_money_set_too_large (GError **error)
{
  g_autofree char *max = cp_money_format (CP_MONEY_MAX_PENCE);

  g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_TOO_LARGE,
               _("This amount is too large: check for extra digits. The most Coplan accepts is %s."),
               max);
}

/* Adds one digit to @value, refusing before anything can overflow. */
static gboolean
cp_money_push_digit (gint64  *value,
                     char     digit,
                     gint64   scale,
                     GError **error)
{
  gint64 d = digit - '0';

  if (*value > (CP_MONEY_MAX_PENCE / scale - d) / 10)
    {
      cp_money_set_too_large (error);
      return FALSE;
    }
  *value = *value * 10 + d;
  return TRUE;
}

/* "5" is 50p and "05" is 5p: at most two digits, already checked. */
static gint64
cp_money_read_pennies (const char *fraction)
{
  gint64 pennies = 0;
  gsize len = strlen (fraction);
  gsize i;

  g_assert (len <= 2);
  for (i = 0; i < 2; i++)
    pennies = pennies * 10 + (i < len ? fraction[i] - '0' : 0);
  return pennies;
}

/* Turns "1,234.5" (already checked) into pence. */
static gboolean
cp_money_number_to_pence (const char *number,
                          gint64     *pence,
                          GError    **error)
{
  const char *point = strchr (number, '.');
  gsize whole_len = point != NULL ? (gsize) (point - number) : strlen (number);
  const char *fraction = point != NULL ? point + 1 : "";
  gint64 pounds = 0;
  gint64 pennies = 0;
  gsize n_digits = 0;
  gsize i;

  if (!cp_money_check_commas (number, whole_len, error))
    return FALSE;
  if (strchr (fraction, ',') != NULL)
    {
      g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_INVALID,
                   _("A comma cannot come after the decimal point: write pence like £12.50."));
      return FALSE;
    }
  if (strlen (fraction) > 2)
    {
      g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_PRECISION,
                   _("Use at most two digits after the point, like £12.50."));
      return FALSE;
    }

  for (i = 0; i < whole_len; i++)
    {
      if (number[i] == ',')
        continue;
      if (!cp_money_push_digit (&pounds, number[i], 100, error))
        return FALSE;
      n_digits++;
    }
  pennies = cp_money_read_pennies (fraction);
  n_digits += strlen (fraction);

  if (n_digits == 0)
    {
      g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_INVALID,
                   _("There is no amount: type it in digits, like £12.50."));
      return FALSE;
    }
  if (pounds * 100 + pennies > CP_MONEY_MAX_PENCE)
    {
      cp_money_set_too_large (error);
      return FALSE;
    }

  *pence = pounds * 100 + pennies;
  return TRUE;
}

gboolean
cp_money_parse (const char  *text,
                gint64      *pence,
                GError     **error)
{
  g_autofree char *body = NULL;
  CpMoneyPrefix prefix;
  gboolean bracketed;
  const char *number;
  gint64 value = 0;

  g_return_val_if_fail (pence != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_INVALID,
                   _("This is not an amount of money: type it like £12.50."));
      return FALSE;
    }

  body = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*body == '\0')
    {
      g_set_error (error, CP_MONEY_ERROR, CP_MONEY_ERROR_EMPTY, _("Type an amount, like £12.50."));
      return FALSE;
    }

  if (!cp_money_strip_brackets (body, &bracketed, error))
    return FALSE;
  number = cp_money_read_prefix (body, &prefix);
  if (!cp_money_check_prefix (&prefix, bracketed, error) ||
      !cp_money_check_characters (number, error) ||
      !cp_money_number_to_pence (number, &value, error))
    return FALSE;

  *pence = (bracketed || prefix.negative) ? -value : value;
  return TRUE;
}

/* The magnitude as unsigned, safe for G_MININT64 whose negation overflows. */
static guint64
cp_money_magnitude (gint64 pence)
{
  if (pence >= 0)
    return (guint64) pence;
  return (guint64) (-(pence + 1)) + 1;
}

/* Appends @pounds with a comma between each group of three digits. */
static void
cp_money_append_grouped (GString *out,
                         guint64  pounds)
{
  char digits[32];
  gsize len;
  gsize i;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, pounds);
  len = strlen (digits);
  for (i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

char *
cp_money_format (gint64 pence)
{
  guint64 magnitude = cp_money_magnitude (pence);
  GString *out = g_string_new (NULL);

  if (pence < 0)
    g_string_append (out, CP_MINUS_UTF8);
  g_string_append (out, "£");
  cp_money_append_grouped (out, magnitude / 100);
  g_string_append_printf (out, ".%02u", (guint) (magnitude % 100));

  return g_string_free (out, FALSE);
}

char *
cp_money_format_plain (gint64 pence)
{
  guint64 magnitude = cp_money_magnitude (pence);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          pence < 0 ? "-" : "",
                          magnitude / 100,
                          (guint) (magnitude % 100));
}

char *
cp_format_count (guint64 n)
{
  GString *out = g_string_new (NULL);

  cp_money_append_grouped (out, n);
  return g_string_free (out, FALSE);
}
