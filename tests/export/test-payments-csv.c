/* test-payments-csv.c — the auditors' CSV of payments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "export-test-data.h"

static char *
export_csv (CpStore *store, const char *const *ids, GError **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (!cp_payments_csv_export (store, ids, out, error))
    return NULL;
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_rows (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_auto(ExportTestIds) ids = { 0 };
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  export_test_fill (store, &ids);
  csv = export_csv (store, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (csv, "\r\n", -1);
  /* header, two payments, and the empty string after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "person_id,person_name,nhs_number,"));
  g_assert_nonnull (strstr (lines[1], ",2026-04-30,\"Jo Smith, PA\",520.00,\"PA wages, 10 hours a week\",pa-wages,"));
  g_assert_nonnull (strstr (lines[1], ",9434765919,"));
  /* quotes doubled inside a quoted field */
  g_assert_nonnull (strstr (lines[1], ",\"April, \"\"wages\"\"\","));
  g_assert_nonnull (strstr (lines[1], ",Personal health budget,nhs,direct-payment,"));
  g_assert_true (g_str_has_suffix (lines[1], ",no,"));
  /* a payee that a spreadsheet would run as a formula is made inert */
  g_assert_nonnull (strstr (lines[2], ",\"'=HYPERLINK(\"\"x\"\")\",12.50,"));
}

static void
test_receipt_and_selection (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_auto(ExportTestIds) ids = { 0 };
  g_autoptr(CpPerson) other = cp_test_add_person (store, "Bob", "Other");
  g_autoptr(CpReceipt) receipt = g_object_new (CP_TYPE_RECEIPT, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  const char *only_other[] = { NULL, NULL };
  const char *only_aminah[] = { NULL, NULL };

  export_test_fill (store, &ids);
  g_object_set (receipt, "payment-id", ids.payment_id, "filename", "wages.pdf",
                "mime-type", "application/pdf", NULL);
  g_free (export_test_insert (store, receipt));
  only_aminah[0] = ids.person_id;
  csv = export_csv (store, only_aminah, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, ",yes,\r\n"));
  g_clear_pointer (&csv, g_free);
  /* someone with no plan: just the header */
  only_other[0] = cp_record_get_id (CP_RECORD (other));
  csv = export_csv (store, only_other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (csv), >, 0);
  g_assert_null (strchr (strchr (csv, '\n') + 1, '\n'));
}

static void
test_unknown_person (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  const char *ids[] = { "00000000-0000-4000-8000-000000000000", NULL };

  g_assert_false (cp_payments_csv_export (store, ids, out, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  /* refused before anything was written */
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);
}

static void
test_quote_field (void)
{
  struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "=1+1", "\"'=1+1\"" },
    { "+44 7700", "\"'+44 7700\"" },
    { "-5", "\"'-5\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "Café £5", "Café £5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = cp_csv_quote_field (cases[i].in);
      g_assert_cmpstr (quoted, ==, cases[i].out);
    }
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);
  g_test_add_func ("/payments-csv/rows", test_rows);
  g_test_add_func ("/payments-csv/receipt-and-selection", test_receipt_and_selection);
  g_test_add_func ("/payments-csv/unknown-person", test_unknown_person);
  g_test_add_func ("/payments-csv/quote-field", test_quote_field);
  return g_test_run ();
}
