/* cp-person-fields.h — what people type into a person's fields, and what is stored
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions, so the rules are tested without a display.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CP_PERSON_FIELD_TEXT,
  CP_PERSON_FIELD_DATE,       /* typed day first, stored ISO */
  CP_PERSON_FIELD_NHS_NUMBER, /* typed with any spacing, stored as ten digits */
  CP_PERSON_FIELD_PAST_DATE,  /* a date, today or earlier (birth, consent) */
  CP_PERSON_FIELD_REQUIRED,   /* text that may not be left blank */
  CP_PERSON_FIELD_EMAIL,      /* blank, or something@somewhere */
  CP_PERSON_FIELD_PHONE,      /* blank, or digits with spaces + ( ) - */
} CpPersonFieldKind;

/* @stored: (out) (transfer full) (nullable): the value to store; NULL
 * for an empty date or NHS number. Returns FALSE with a message a
 * person can act on when the text is refused. */
gboolean  cp_person_field_parse   (CpPersonFieldKind   kind,
                                   const char         *text,
                                   char              **stored,
                                   GError            **error);

/* How a stored value is shown for editing: "31/01/1980", "943 476 5919". */
char     *cp_person_field_display (CpPersonFieldKind   kind,
                                   const char         *stored);

/* The same rules as cp_person_field_parse(), taking @today as the day
 * a past date may not be after (tests pass a fixed day). */
gboolean  cp_person_field_parse_on (CpPersonFieldKind   kind,
                                    const char         *text,
                                    const GDate        *today,
                                    char              **stored,
                                    GError            **error);

/* "New person" until someone is named. */
char     *cp_person_field_display_name (const char    *display_name);

G_END_DECLS
