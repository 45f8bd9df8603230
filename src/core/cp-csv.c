/* cp-csv.c — comma-separated values as banks export them (RFC 4180)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Banks' exports bend the RFC: CRLF or LF or old Mac CR line ends, a
 * byte order mark, Latin-1 from older systems, trailing empty rows. This
 * reader accepts all of those, and refuses only what it cannot read
 * without guessing (a quote never closed), naming the line.
 */
#define G_LOG_DOMAIN "cp-csv"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-csv.h"

struct _CpCsv
{
  GArray *rows;   /* CpCsvRow */
  guint   width;
  char   *note;
};

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
  char        separator;
} CpCsvReader;

G_DEFINE_QUARK (cp-csv-error-quark, cp_csv_error)

static void
clear_row (CpCsvRow *row)
{
  g_strfreev (row->fields);
}

void
cp_csv_free (CpCsv *csv)
{
  if (csv == NULL)
    return;
  g_array_unref (csv->rows);
  g_free (csv->note);
  g_free (csv);
}

/* Moves past one line end (CRLF, LF or a lone CR); FALSE if none is here. */
static gboolean
skip_line_end (CpCsvReader *reader)
{
  if (reader->p < reader->end && *reader->p == '\r')
    {
      reader->p++;
      if (reader->p < reader->end && *reader->p == '\n')
        reader->p++;
    }
  else if (reader->p < reader->end && *reader->p == '\n')
    reader->p++;
  else
    return FALSE;
  reader->line++;
  return TRUE;
}

static gboolean
at_field_end (CpCsvReader *reader)
{
  return reader->p >= reader->end || *reader->p == reader->separator ||
         *reader->p == '\r' || *reader->p == '\n';
}

/* A quoted field: "" is a quote; line ends inside are kept as \n. */
static gboolean
read_quoted (CpCsvReader *reader, GString *field, GError **error)
{
  guint opened_on = reader->line;

  reader->p++;
  for (;;)
    {
      if (reader->p >= reader->end)
        {
          g_set_error (error, CP_CSV_ERROR, CP_CSV_ERROR_QUOTES,
                       _("Line %u: a quote (\") opens a value that is never closed."), opened_on);
          return FALSE;
        }
      if (*reader->p == '"')
        {
          if (reader->p + 1 < reader->end && reader->p[1] == '"')
            {
              g_string_append_c (field, '"');
              reader->p += 2;
              continue;
            }
          reader->p++;
          break;
        }
      if (skip_line_end (reader))
        {
          g_string_append_c (field, '\n');
          continue;
        }
      g_string_append_c (field, *reader->p++);
    }

  /* Spaces may follow the closing quote; anything else is ambiguous. */
  while (reader->p < reader->end && *reader->p == ' ')
    reader->p++;
  if (!at_field_end (reader))
    {
      g_set_error (error, CP_CSV_ERROR, CP_CSV_ERROR_QUOTES,
                   _("Line %u: there is text after a closing quote (\"). Put the whole value "
                     "in quotes, and write a quote inside it as two quotes (\"\")."), reader->line);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_field (CpCsvReader *reader, GString *field, GError **error)
{
  const char *start = reader->p;

  g_string_truncate (field, 0);
  /* Spaces before an opening quote are padding. */
  while (reader->p < reader->end && *reader->p == ' ')
    reader->p++;
  if (reader->p < reader->end && *reader->p == '"')
    return read_quoted (reader, field, error);
  reader->p = start;
  while (!at_field_end (reader))
    g_string_append_c (field, *reader->p++);
  return TRUE;
}

static gboolean
row_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *text = g_ptr_array_index (fields, i);

      for (; *text != '\0'; text++)
        if (!g_ascii_isspace (*text))
          return FALSE;
    }
  return TRUE;
}

/* Reads one row; blank rows are returned too, for the caller to drop. */
static gboolean
read_row (CpCsvReader *reader, CpCsvRow *row, GError **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);

  row->line = reader->line;
  for (;;)
    {
      if (!read_field (reader, field, error))
        return FALSE;
      g_ptr_array_add (fields, g_strdup (field->str));
      if (reader->p < reader->end && *reader->p == reader->separator)
        {
          reader->p++;
          continue;
        }
      skip_line_end (reader);
      break;
    }
  row->n_fields = fields->len;
  if (row_is_blank (fields))
    row->n_fields = 0;
  g_ptr_array_add (fields, NULL);
  row->fields = (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
  return TRUE;
}

/* Tabs separate fields only when the first line has tabs and no comma. */
static char
guess_separator (const char *text, const char *end)
{
  const char *eol = text;
  gboolean tab = FALSE;

  for (; eol < end && *eol != '\n' && *eol != '\r'; eol++)
    {
      if (*eol == ',')
        return ',';
      if (*eol == '\t')
        tab = TRUE;
    }
  return tab ? '\t' : ',';
}

/* Turns @data into UTF-8 text without a byte order mark. */
static char *
to_utf8 (const char *data, gsize length, char **note, GError **error)
{
  static const char bom[] = "\xef\xbb\xbf";

  if (length >= 2 && ((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe))
    return g_convert (data + 2, length - 2, "UTF-8", "UTF-16LE", NULL, NULL, error);
  if (length >= 2 && ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff))
    return g_convert (data + 2, length - 2, "UTF-8", "UTF-16BE", NULL, NULL, error);
  if (length >= 3 && memcmp (data, bom, 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, CP_CSV_ERROR, CP_CSV_ERROR_BINARY,
                   _("This file is not text: choose the CSV file the bank or card website gave you."));
      return NULL;
    }
  if (g_utf8_validate (data, length, NULL))
    return g_strndup (data, length);

  /* Older bank systems write Windows-1252, where £ is byte A3. */
  *note = g_strdup (_("The file is not in UTF-8, so it was read as Western European "
                      "(Windows-1252) text. Check that the £ signs and names look right."));
  {
    char *text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
    return text ? text : g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, NULL, error);
  }
}

CpCsv *
cp_csv_parse (const char *data, gssize length, GError **error)
{
  g_autoptr(CpCsv) csv = g_new0 (CpCsv, 1);
  g_autofree char *text = NULL;
  CpCsvReader reader = { 0 };
  gsize len;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;
  csv->rows = g_array_new (FALSE, TRUE, sizeof (CpCsvRow));
  g_array_set_clear_func (csv->rows, (GDestroyNotify) clear_row);
  if (len > CP_CSV_MAX_BYTES)
    {
      g_set_error (error, CP_CSV_ERROR, CP_CSV_ERROR_TOO_LARGE,
                   _("This file is too large to be a statement (more than %d MB)."),
                   CP_CSV_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  text = to_utf8 (data ? data : "", len, &csv->note, error);
  if (text == NULL)
    return NULL;

  reader.p = text;
  reader.end = text + strlen (text);
  reader.line = 1;
  reader.separator = guess_separator (reader.p, reader.end);
  while (reader.p < reader.end)
    {
      CpCsvRow row = { 0 };

      if (!read_row (&reader, &row, error))
        return NULL;
      if (row.n_fields == 0)
        {
          clear_row (&row);
          continue;
        }
      csv->width = MAX (csv->width, row.n_fields);
      g_array_append_val (csv->rows, row);
    }
  if (csv->rows->len == 0)
    {
      g_set_error (error, CP_CSV_ERROR, CP_CSV_ERROR_EMPTY, _("The file is empty: it holds no rows."));
      return NULL;
    }
  return g_steal_pointer (&csv);
}

CpCsv *
cp_csv_load (const char *path, GError **error)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);

  if (file == NULL)
    return NULL;
  return cp_csv_parse (g_mapped_file_get_contents (file) ? g_mapped_file_get_contents (file) : "",
                       g_mapped_file_get_length (file), error);
}

guint
cp_csv_get_n_rows (CpCsv *csv)
{
  return csv->rows->len;
}

const CpCsvRow *
cp_csv_get_row (CpCsv *csv, guint index)
{
  g_return_val_if_fail (index < csv->rows->len, NULL);
  return &g_array_index (csv->rows, CpCsvRow, index);
}

guint
cp_csv_get_width (CpCsv *csv)
{
  return csv->width;
}

const char *
cp_csv_get_note (CpCsv *csv)
{
  return csv->note;
}
