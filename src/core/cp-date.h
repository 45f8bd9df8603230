/* cp-date.h — ISO 8601 calendar dates as stored, and as people type them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CP_DATE_ERROR (cp_date_error_quark ())

typedef enum
{
  CP_DATE_ERROR_EMPTY,
  CP_DATE_ERROR_INVALID,    /* not a date format we understand */
  CP_DATE_ERROR_IMPOSSIBLE, /* 31 February, month 13 … */
  CP_DATE_ERROR_OUT_OF_RANGE,
} CpDateError;

GQuark   cp_date_error_quark   (void);

/* Strict "YYYY-MM-DD", as stored in the database and XML.
 * Returns: (transfer full) (nullable): a valid GDate, or NULL with @error. */
GDate   *cp_date_parse_iso     (const char  *text,
                                GError     **error);

/* What people type in England: "31/01/2026", "31-1-2026", "31.01.2026",
 * "31 Jan 2026", "31st January 2026", "2026-01-31". Day first, never month
 * first; the year in full (two-digit years are refused). Years 1900–2200. */
GDate   *cp_date_parse_user    (const char  *text,
                                GError     **error);

/* "2026-01-31" */
char    *cp_date_to_iso        (const GDate *date);

/* "31 January 2026", for people to read. */
char    *cp_date_format_long   (const GDate *date);

/* TRUE when @text is NULL/empty or a valid ISO date. */
gboolean cp_date_iso_is_valid  (const char  *text,
                                GError     **error);

/* Whole years between @date_of_birth and @on; 0 when @on is before birth.
 * Someone born on 29 February turns a year older on 1 March in other years. */
int      cp_date_age_on        (const GDate *date_of_birth,
                                const GDate *on);

G_END_DECLS
