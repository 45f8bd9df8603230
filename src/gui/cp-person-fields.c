/* cp-person-fields.c — what people type into a person's fields, and what is stored
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "coplan-core.h"
#include "cp-person-fields.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
parse_date (const char *text, char **stored, GError **error)
{
  g_autoptr(GDate) date = NULL;

  if (is_blank (text))
    return TRUE;
  date = cp_date_parse_user (text, error);
  if (date == NULL)
    return FALSE;
  *stored = cp_date_to_iso (date);
  return TRUE;
}

static gboolean
parse_nhs_number (const char *text, char **stored, GError **error)
{
  if (is_blank (text))
    return TRUE;
  *stored = cp_nhs_number_normalize (text, error);
  return *stored != NULL;
}

gboolean
cp_person_field_parse (CpPersonFieldKind kind, const char *text, char **stored, GError **error)
{
  g_return_val_if_fail (stored != NULL, FALSE);

  *stored = NULL;
  switch (kind)
    {
    case CP_PERSON_FIELD_DATE:
      return parse_date (text, stored, error);
    case CP_PERSON_FIELD_NHS_NUMBER:
      return parse_nhs_number (text, stored, error);
    case CP_PERSON_FIELD_TEXT:
    default:
      /* Text columns are never NULL; what was typed is kept as typed. */
      *stored = g_strdup (text ? text : "");
      return TRUE;
    }
}

static char *
display_date (const char *stored)
{
  g_autoptr(GDate) date = cp_date_parse_iso (stored, NULL);
  char text[32];

  if (date == NULL)
    return g_strdup (stored);
  g_date_strftime (text, sizeof text, "%d/%m/%Y", date);
  return g_strdup (text);
}

char *
cp_person_field_display (CpPersonFieldKind kind, const char *stored)
{
  if (stored == NULL || *stored == '\0')
    return g_strdup ("");
  switch (kind)
    {
    case CP_PERSON_FIELD_DATE:
      return display_date (stored);
    case CP_PERSON_FIELD_NHS_NUMBER:
      return cp_nhs_number_is_valid (stored) ? cp_nhs_number_format (stored) : g_strdup (stored);
    case CP_PERSON_FIELD_TEXT:
    default:
      return g_strdup (stored);
    }
}

char *
cp_person_field_display_name (const char *display_name)
{
  if (is_blank (display_name))
    return g_strdup (_("New person"));
  return g_strdup (display_name);
}
