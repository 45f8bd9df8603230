/* cp-nhs-number.h — NHS numbers, checked with Modulus 11
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CP_NHS_NUMBER_ERROR (cp_nhs_number_error_quark ())

typedef enum
{
  CP_NHS_NUMBER_ERROR_EMPTY,
  CP_NHS_NUMBER_ERROR_LENGTH,    /* not ten digits */
  CP_NHS_NUMBER_ERROR_CHARACTER, /* something other than digits and spaces */
  CP_NHS_NUMBER_ERROR_CHECK,     /* the check digit does not match */
} CpNhsNumberError;

GQuark   cp_nhs_number_error_quark (void);

/* Accepts "943 476 5919", "9434765919" or "943-476-5919".
 * Returns: (transfer full) (nullable): the ten digits, or NULL with @error */
char    *cp_nhs_number_normalize   (const char  *text,
                                    GError     **error);
gboolean cp_nhs_number_is_valid    (const char  *text);
/* "943 476 5919"; anything but ten digits is returned as it is. */
char    *cp_nhs_number_format      (const char  *digits);
/* The check digit for nine digits, or -1 when no valid number can
 * end them (remainder gives 10), or when they are not nine digits.
 * Used by the demo to make valid numbers. */
int      cp_nhs_number_check_digit (const char  *first_nine);

G_END_DECLS
