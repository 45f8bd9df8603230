/* cp-csv.h — comma-separated values as banks export them (RFC 4180)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CP_CSV_ERROR (cp_csv_error_quark ())

typedef enum
{
  CP_CSV_ERROR_EMPTY,     /* no rows at all */
  CP_CSV_ERROR_QUOTES,    /* a quote left open, or text after a closing quote */
  CP_CSV_ERROR_TOO_LARGE, /* far larger than any statement */
  CP_CSV_ERROR_BINARY,    /* not text */
} CpCsvError;

/* The largest file read: a statement of 10 years' daily spending is ~2 MB. */
#define CP_CSV_MAX_BYTES (64 * 1024 * 1024)

typedef struct
{
  guint  line;     /* the line of the file the row starts on, from 1 */
  guint  n_fields;
  char **fields;   /* UTF-8, quotes removed, NULL-terminated */
} CpCsvRow;

typedef struct _CpCsv CpCsv;

GQuark          cp_csv_error_quark (void);

/* Parses @data (@length bytes; -1 if NUL-terminated). A UTF-8 byte order
 * mark is dropped; text that is not UTF-8 is read as Windows-1252/Latin-1
 * and cp_csv_get_note() says so. Blank lines are skipped. Commas
 * separate fields, or tabs when the first line holds tabs but no comma. */
CpCsv          *cp_csv_parse      (const char  *data,
                                   gssize       length,
                                   GError     **error);
CpCsv          *cp_csv_load       (const char  *path,
                                   GError     **error);
void            cp_csv_free       (CpCsv       *csv);

guint           cp_csv_get_n_rows (CpCsv       *csv);
const CpCsvRow *cp_csv_get_row    (CpCsv       *csv,
                                   guint        index);
/* The most fields of any row. */
guint           cp_csv_get_width  (CpCsv       *csv);
/* A sentence about how the file was read (its encoding), or NULL. */
const char     *cp_csv_get_note   (CpCsv       *csv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpCsv, cp_csv_free)

G_END_DECLS
