/* cp-xml-values.c — the value checks of the streaming Coplan XML reader
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * uuid, date, dateTime, xs:long ranges, boolean, base64, enumerations
 * and white space collapse, as libxml2 2.9.14's XSD validator reads
 * them — never looser, stricter only where cp-xml-reader.h says.
 */
#define G_LOG_DOMAIN "cp-xml"

#include <string.h>

#include "cp-xml-values.h"

/* XML Schema's "collapse" in place; returns the new length. */
static gsize
collapse (char *text, gsize len)
{
  gsize out = 0;
  gboolean gap = FALSE;
  gsize i = 0;

  /* Most values have no white space at all: leave them untouched. */
  while (i < len && !_cp_xml_is_space (text[i]))
    i++;
  if (i == len)
    return len;
  out = i;
  for (; i < len; i++)
    {
      if (_cp_xml_is_space (text[i]))
        {
          gap = out > 0;
          continue;
        }
      if (gap)
        text[out++] = ' ';
      gap = FALSE;
      text[out++] = text[i];
    }
  text[out] = '\0';
  return out;
}

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static gboolean
digits (const char *text, guint n)
{
  for (guint i = 0; i < n; i++)
    if (!is_digit (text[i]))
      return FALSE;
  return TRUE;
}

static guint
number (const char *text, guint n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (guint) (text[i] - '0');
  return value;
}

/* [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}
 * Every record has one or more, so this is on the hot path: a table
 * lookup per character rather than three range tests. */
static guint8 hex_digit[256];   /* filled once, by _cp_xml_values_init() */

static gboolean
uuid_fits (const char *text, gsize len)
{
  guint8 all = 1;

  if (len != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
    return FALSE;
  for (guint i = 0; i < 36; i++)
    all &= hex_digit[(guchar) text[i]] | (i == 8 || i == 13 || i == 18 || i == 23);
  return all;
}

/* \d{4}-\d{2}-\d{2} and a day that exists. Year 0000 does not in XML
 * Schema 1.0, which is what libxml2 implements. */
static gboolean
date_fits (const char *text)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  guint year, month, day, last;

  if (!digits (text, 4) || text[4] != '-' || !digits (text + 5, 2) || text[7] != '-' ||
      !digits (text + 8, 2))
    return FALSE;
  year = number (text, 4);
  month = number (text + 5, 2);
  day = number (text + 8, 2);
  if (year == 0 || month < 1 || month > 12 || day < 1)
    return FALSE;
  last = days[month - 1];
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
    last = 29;
  return day <= last;
}

/* \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z as a real moment.
 * XML Schema 1.0 also allows 24:00:00; no Coplan file writes it, so it
 * is refused (stricter than libxml2). */
static gboolean
timestamp_fits (const char *text, gsize len)
{
  gsize i = 19;

  if (len < 20 || !date_fits (text) || text[10] != 'T' || !digits (text + 11, 2) ||
      text[13] != ':' || !digits (text + 14, 2) || text[16] != ':' || !digits (text + 17, 2))
    return FALSE;
  if (number (text + 11, 2) > 23 || number (text + 14, 2) > 59 || number (text + 17, 2) > 59)
    return FALSE;
  if (text[i] == '.')
    {
      gsize first = ++i;

      while (i < len && is_digit (text[i]))
        i++;
      if (i == first)
        return FALSE;
    }
  return i + 1 == len && text[i] == 'Z';
}

gboolean
_cp_xml_parse_long (const char *text, gint64 *value)
{
  gboolean negative = FALSE;
  guint64 magnitude = 0;

  if (*text == '-' || *text == '+')
    negative = *text++ == '-';
  if (!is_digit (*text))
    return FALSE;
  for (; is_digit (*text); text++)
    {
      guint digit = (guint) (*text - '0');

      if (magnitude > (G_MAXUINT64 - digit) / 10)
        return FALSE;
      magnitude = magnitude * 10 + digit;
    }
  if (*text != '\0')
    return FALSE;
  if (negative ? magnitude > (guint64) G_MAXINT64 + 1 : magnitude > (guint64) G_MAXINT64)
    return FALSE;
  *value = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
  return TRUE;
}

static int
base64_digit (char c)
{
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (is_digit (c))
    return c - '0' + 52;
  if (c == '+')
    return 62;
  if (c == '/')
    return 63;
  return -1;
}

/* libxml2's rules: whole quanta, "=" only at the end, and the bits a
 * padded quantum leaves over are zero. libxml2 skips characters
 * outside the alphabet; they are refused here (stricter). */
static gboolean
base64_fits (const char *text)
{
  guint n = 0, pad = 0;
  int last = 0;

  for (; *text; text++)
    {
      int digit;

      if (*text == ' ')
        continue;
      if (*text == '=')
        {
          pad++;
          continue;
        }
      digit = base64_digit (*text);
      if (digit < 0 || pad > 0)
        return FALSE;
      last = digit;
      n++;
    }
  if (pad == 0)
    return n % 4 == 0;
  if (pad == 1)
    return n % 4 == 3 && (last & 0x03) == 0;
  if (pad == 2)
    return n % 4 == 2 && (last & 0x0f) == 0;
  return FALSE;
}

static gboolean
string_fits (const CpXmlValueRule *rule, const char *text, gsize len)
{
  if (rule->pattern == CP_XML_PATTERN_UUID)
    return uuid_fits (text, len);
  if (rule->pattern == CP_XML_PATTERN_TEN_DIGITS)
    return len == 10 && digits (text, 10);
  if (rule->choices == NULL)
    return TRUE;
  for (guint i = 0; i < rule->choices->len; i++)
    if (strcmp (g_ptr_array_index (rule->choices, i), text) == 0)
      return TRUE;
  return FALSE;
}

/* @text (NUL-terminated, @len bytes) after white space handling. */
static gboolean
value_fits (const CpXmlValueRule *rule, const char *text, gsize len)
{
  gint64 n;

  switch (rule->base)
    {
    case CP_XML_BASE_STRING:
      return string_fits (rule, text, len);
    case CP_XML_BASE_BOOLEAN:
      return strcmp (text, "true") == 0 || strcmp (text, "false") == 0 ||
             strcmp (text, "1") == 0 || strcmp (text, "0") == 0;
    case CP_XML_BASE_LONG:
      return _cp_xml_parse_long (text, &n) && n >= rule->min && n <= rule->max;
    case CP_XML_BASE_DATE:
      return len == 10 && date_fits (text);
    case CP_XML_BASE_DATE_TIME:
      return timestamp_fits (text, len);
    case CP_XML_BASE_BASE64:
      return base64_fits (text);
    default:
      g_assert_not_reached ();
    }
}

/* Checks the tail of @texts from @start, collapsing white space first
 * where XML Schema does: every type but strings, and but xs:long, as
 * libxml2 2.9.14 refuses white space around a restricted integer (all
 * of ours are) — never looser than the validator. */
gboolean
_cp_xml_value_fits (const CpXmlValueRule *rule, GString *texts, gsize start)
{
  if (rule->base != CP_XML_BASE_STRING && rule->base != CP_XML_BASE_LONG)
    g_string_truncate (texts, start + collapse (texts->str + start, texts->len - start));
  return value_fits (rule, texts->str + start, texts->len - start);
}

void
_cp_xml_values_init (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (hex_digit); c++)
    hex_digit[c] = g_ascii_isxdigit ((char) c);
}
