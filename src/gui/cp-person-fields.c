/* cp-person-fields.c — what people type into a person's fields, and what is stored
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

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

static gboolean
parse_past_date (const char *text, const GDate *today, char **stored, GError **error)
{
  g_autoptr(GDate) date = NULL;

  if (is_blank (text))
    return TRUE;
  date = cp_date_parse_user (text, error);
  if (date == NULL)
    return FALSE;
  if (g_date_compare (date, today) > 0)
    {
      g_set_error (error, CP_DATE_ERROR, CP_DATE_ERROR_OUT_OF_RANGE,
                   _("This date is in the future. Check the year: it should be today or earlier."));
      return FALSE;
    }
  *stored = cp_date_to_iso (date);
  return TRUE;
}

static gboolean
parse_required (const char *text, char **stored, GError **error)
{
  if (is_blank (text))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This cannot be left empty. Type something here."));
      return FALSE;
    }
  *stored = g_strdup (text);
  return TRUE;
}

/* Only what is surely wrong is refused: no @, or spaces inside. */
static gboolean
parse_email (const char *text, char **stored, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  const char *at = strchr (trimmed, '@');

  if (*trimmed != '\0' && (at == NULL || at == trimmed || at[1] == '\0' || strchr (trimmed, ' ') != NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("An email address has an @ in it and no spaces, like name@example.org."));
      return FALSE;
    }
  *stored = g_steal_pointer (&trimmed);
  return TRUE;
}

static gboolean
parse_phone (const char *text, char **stored, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  for (const char *c = trimmed; *c; c++)
    if (!g_ascii_isdigit (*c) && strchr (" +()-", *c) == NULL)
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("A phone number has only digits, spaces and + ( ) -, like 020 7946 0018."));
        return FALSE;
      }
  *stored = g_steal_pointer (&trimmed);
  return TRUE;
}

gboolean
cp_person_field_parse (CpPersonFieldKind kind, const char *text, char **stored, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));

  return cp_person_field_parse_on (kind, text, today, stored, error);
}

gboolean
cp_person_field_parse_on (CpPersonFieldKind kind, const char *text, const GDate *today,
                          char **stored, GError **error)
{
  g_return_val_if_fail (stored != NULL, FALSE);

  *stored = NULL;
  switch (kind)
    {
    case CP_PERSON_FIELD_DATE:
      return parse_date (text, stored, error);
    case CP_PERSON_FIELD_PAST_DATE:
      return parse_past_date (text, today, stored, error);
    case CP_PERSON_FIELD_NHS_NUMBER:
      return parse_nhs_number (text, stored, error);
    case CP_PERSON_FIELD_REQUIRED:
      return parse_required (text, stored, error);
    case CP_PERSON_FIELD_EMAIL:
      return parse_email (text, stored, error);
    case CP_PERSON_FIELD_PHONE:
      return parse_phone (text, stored, error);
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
    case CP_PERSON_FIELD_PAST_DATE:
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
