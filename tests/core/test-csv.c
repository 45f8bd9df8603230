/* test-csv.c — the CSV reader: quotes, line ends, encodings, bad files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-test-util.h"

static CpCsv *
parse_ok (const char *text, gssize length)
{
  g_autoptr(GError) error = NULL;
  CpCsv *csv = cp_csv_parse (text, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static void
assert_row (CpCsv *csv, guint index, guint line, const char *const *fields)
{
  const CpCsvRow *row = cp_csv_get_row (csv, index);

  g_assert_cmpuint (row->line, ==, line);
  g_assert_cmpuint (row->n_fields, ==, g_strv_length ((char **) fields));
  for (guint i = 0; fields[i] != NULL; i++)
    g_assert_cmpstr (row->fields[i], ==, fields[i]);
}

static void
test_plain (void)
{
  g_autoptr(CpCsv) csv = parse_ok ("Date,Description,Amount\n03/04/2026,TESCO,-3.10\n", -1);
  const char *header[] = { "Date", "Description", "Amount", NULL };
  const char *row[] = { "03/04/2026", "TESCO", "-3.10", NULL };

  g_assert_cmpuint (cp_csv_get_n_rows (csv), ==, 2);
  g_assert_cmpuint (cp_csv_get_width (csv), ==, 3);
  assert_row (csv, 0, 1, header);
  assert_row (csv, 1, 2, row);
  g_assert_null (cp_csv_get_note (csv));
}

/* Embedded commas, doubled quotes and a line break inside quotes; the
 * next row's line number counts the break. */
static void
test_quotes (void)
{
  g_autoptr(CpCsv) csv = parse_ok ("a,\"b, c\",\"say \"\"hi\"\"\"\r\n"
                                   "\"two\r\nlines\",x,\"\"\r\n"
                                   "last,  \"padded\"  ,end", -1);
  const char *first[] = { "a", "b, c", "say \"hi\"", NULL };
  const char *second[] = { "two\nlines", "x", "", NULL };
  const char *third[] = { "last", "padded", "end", NULL };

  g_assert_cmpuint (cp_csv_get_n_rows (csv), ==, 3);
  assert_row (csv, 0, 1, first);
  assert_row (csv, 1, 2, second);
  assert_row (csv, 2, 4, third);
}

/* CRLF, LF and lone CR all end lines; blank and all-empty rows are dropped. */
static void
test_line_ends (void)
{
  g_autoptr(CpCsv) csv = parse_ok ("a,b\r\n\r\nc,d\n,,\n\re,f\rg,h", -1);
  const char *ef[] = { "e", "f", NULL };
  const char *gh[] = { "g", "h", NULL };

  g_assert_cmpuint (cp_csv_get_n_rows (csv), ==, 4);
  assert_row (csv, 2, 6, ef);
  assert_row (csv, 3, 7, gh);
}

static void
test_bom (void)
{
  g_autoptr(CpCsv) csv = parse_ok ("\xef\xbb\xbf" "Date,Amount\n", -1);

  g_assert_cmpstr (cp_csv_get_row (csv, 0)->fields[0], ==, "Date");
  g_assert_null (cp_csv_get_note (csv));
}

/* Windows-1252: £ is A3, é is E9; the reader converts and says so. */
static void
test_latin1 (void)
{
  g_autoptr(CpCsv) csv = parse_ok ("Date,Details,Money out\n02/04/2026,CAF\xc9,\xa3" "8.50\n", -1);

  g_assert_cmpstr (cp_csv_get_row (csv, 1)->fields[1], ==, "CAFÉ");
  g_assert_cmpstr (cp_csv_get_row (csv, 1)->fields[2], ==, "£8.50");
  g_assert_nonnull (cp_csv_get_note (csv));
  g_assert_nonnull (strstr (cp_csv_get_note (csv), "Windows-1252"));
}

static void
test_utf16 (void)
{
  static const char data[] = "\xff\xfe" "a\0,\0b\0\n\0";
  g_autoptr(CpCsv) csv = parse_ok (data, sizeof data - 1);
  const char *row[] = { "a", "b", NULL };

  assert_row (csv, 0, 1, row);
}

static void
test_tabs (void)
{
  g_autoptr(CpCsv) csv = parse_ok ("Date\tDescription\tAmount\n03/04/2026\tA, B\t-1.00\n", -1);
  const char *row[] = { "03/04/2026", "A, B", "-1.00", NULL };

  assert_row (csv, 1, 2, row);
}

static void
assert_refused (const char *text, gssize length, int code, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCsv) csv = cp_csv_parse (text, length, &error);

  g_assert_null (csv);
  g_assert_error (error, CP_CSV_ERROR, code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_refused (void)
{
  assert_refused ("a,b\nc,\"never closed\nd,e\n", -1, CP_CSV_ERROR_QUOTES, "Line 2");
  assert_refused ("a,b\n\nc,\"x\"y\n", -1, CP_CSV_ERROR_QUOTES, "Line 3");
  assert_refused ("", 0, CP_CSV_ERROR_EMPTY, NULL);
  assert_refused ("\n\r\n,,\n", -1, CP_CSV_ERROR_EMPTY, NULL);
  assert_refused ("PK\x03\x04\0\0zip", 9, CP_CSV_ERROR_BINARY, NULL);
}

static void
test_load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "statements",
                                                 "multiline-quoted.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCsv) csv = cp_csv_load (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cp_csv_get_n_rows (csv), ==, 3);
  g_assert_cmpstr (cp_csv_get_row (csv, 1)->fields[1], ==, "RIVERSIDE \"DAY\" CENTRE");
  g_assert_cmpstr (cp_csv_get_row (csv, 1)->fields[3], ==, "INV 2041\nAPRIL SESSIONS");
  g_assert_cmpuint (cp_csv_get_row (csv, 2)->line, ==, 4);

  g_assert_null (cp_csv_load ("/nonexistent/statement.csv", &error) );
  g_assert_nonnull (error);
}

/* Random text made of the characters that matter to a CSV reader and to
 * statements: every input either reads or is refused with a message, and
 * a statement made from it never has a row without a line number. */
static void
test_random_input (void)
{
  static const char alphabet[] = ",\"\r\n \t-.()0123456789/aDRC\xc2\xa3\xa3\xef\xbb\xbf";
  g_autoptr(GRand) rand = g_rand_new_with_seed (4180);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CpCsv) csv = NULL;
      g_autoptr(CpStatement) statement = NULL;
      guint length = g_rand_int_range (rand, 0, 120);

      /* Half the time behind a header, so rows are read as payments too. */
      if (round % 2 == 0)
        g_string_append (text, round % 4 == 0 ? "Date,Description,Amount\n"
                                              : "Date,Details,Paid out,Paid in\r\n");
      for (guint i = 0; i < length; i++)
        g_string_append_c (text, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
      csv = cp_csv_parse (text->str, text->len, &error);
      g_assert_true ((csv == NULL) == (error != NULL));
      if (csv != NULL)
        for (guint i = 0; i < cp_csv_get_n_rows (csv); i++)
          g_assert_cmpuint (cp_csv_get_row (csv, i)->line, >=, 1);
      g_clear_error (&error);
      statement = cp_statement_new_from_data (text->str, text->len, "random.csv", &error);
      g_assert_true ((statement == NULL) == (error != NULL));
      if (statement != NULL)
        for (guint i = 0; i < cp_statement_get_n_rows (statement); i++)
          {
            CpStatementRow *row = cp_statement_get_row (statement, i);
            g_assert_cmpuint (row->line, >=, 1);
            g_assert_true ((row->kind == CP_STATEMENT_ROW_PROBLEM) == (row->problem != NULL));
          }
    }
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);
  g_test_add_func ("/csv/plain", test_plain);
  g_test_add_func ("/csv/quotes", test_quotes);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/latin1", test_latin1);
  g_test_add_func ("/csv/utf16", test_utf16);
  g_test_add_func ("/csv/tabs", test_tabs);
  g_test_add_func ("/csv/refused", test_refused);
  g_test_add_func ("/csv/load-fixture", test_load_fixture);
  g_test_add_func ("/csv/random-input", test_random_input);
  return g_test_run ();
}
