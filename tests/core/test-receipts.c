/* test-receipts.c — receipts kept with payments: what is taken and what is refused
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "cp-test-util.h"

typedef struct
{
  CpStore *store;
  char    *payment_id;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) person = NULL;
  g_autoptr(CpPlan) plan = NULL;
  g_autoptr(CpPayment) payment = NULL;

  f->store = cp_test_open_store ();
  person = cp_test_add_person (f->store, "Amina", "Khan");
  plan = cp_plan_new (cp_record_get_id (CP_RECORD (person)));
  cp_store_insert (f->store, CP_RECORD (plan), &error);
  g_assert_no_error (error);
  payment = cp_payment_new (cp_record_get_id (CP_RECORD (plan)));
  g_object_set (payment, "paid-on", "2026-04-01", "payee", "Sunrise Care", "amount-pence", (gint64) 1250, NULL);
  cp_store_insert (f->store, CP_RECORD (payment), &error);
  g_assert_no_error (error);
  f->payment_id = g_strdup (cp_record_get_id (CP_RECORD (payment)));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->payment_id);
  cp_store_close (f->store);
  g_clear_object (&f->store);
}

static gint64
receipt_rows (Fixture *f)
{
  return cp_test_query_int (f->store, "SELECT count(*) FROM receipt", NULL);
}

static void
test_sniff (void)
{
  static const struct { const char *bytes; gsize length; const char *mime; } cases[] = {
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "image/png" },
    { "\xff\xd8\xff\xe0\0\x10JFIF", 10, "image/jpeg" },
    { "GIF89a\1\0\1\0", 10, "image/gif" },
    { "GIF87a\1\0\1\0", 10, "image/gif" },
    { "RIFF\x24\0\0\0WEBPVP8 ", 16, "image/webp" },
    { "%PDF-1.7\n", 9, "application/pdf" },
    /* Not receipts: a program, a web page, a zip (or .docx), text,
     * a PNG cut short, a RIFF that is a sound, nothing at all. */
    { "MZ\x90\0\3\0\0\0", 8, NULL },
    { "<!DOCTYPE html>", 15, NULL },
    { "PK\3\4\24\0\6\0", 8, NULL },
    { "Receipt: £12.50", 16, NULL },
    { "\x89PNG\r\n", 6, NULL },
    { "RIFF\x24\0\0\0WAVEfmt ", 16, NULL },
    { "", 0, NULL },
    { " %PDF-1.7", 9, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (cp_receipts_sniff_mime ((const guint8 *) cases[i].bytes, cases[i].length), ==, cases[i].mime);
  g_assert_null (cp_receipts_sniff_mime (NULL, 10));
  g_assert_true (cp_receipts_is_image ("image/png"));
  g_assert_false (cp_receipts_is_image ("application/pdf"));
  g_assert_false (cp_receipts_is_image (NULL));
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  return g_file_new_for_path (path);
}

static void
test_attach_list_load_remove (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = fixture_file ("receipt.png");
  g_autoptr(GFile) pdf = fixture_file ("receipt.pdf");
  g_autoptr(CpReceipt) picture = NULL;
  g_autoptr(CpReceipt) document = NULL;
  g_autoptr(CpReceipt) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) stored = NULL;
  gint64 audits;

  picture = cp_receipts_attach_file (f->store, f->payment_id, png, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (picture), "mime-type"), ==, "image/png");
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (picture), "filename"), ==, "receipt.png");
  document = cp_receipts_attach_file (f->store, f->payment_id, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_record_get_string (CP_RECORD (document), "mime-type"), ==, "application/pdf");
  g_assert_cmpuint (cp_receipts_count (f->store, f->payment_id), ==, 2);

  /* The list names them without carrying their bytes. */
  list = cp_receipts_list (f->store, f->payment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (cp_record_get_id (g_ptr_array_index (list, 0)), ==, cp_record_get_id (CP_RECORD (picture)));
  g_object_get (g_ptr_array_index (list, 0), "data", &stored, NULL);
  g_assert_null (stored);

  /* Loading one gives back exactly the file's bytes. */
  loaded = cp_receipts_load (f->store, cp_record_get_id (CP_RECORD (picture)), &error);
  g_assert_no_error (error);
  g_object_get (loaded, "data", &stored, NULL);
  on_disk = g_file_load_bytes (png, NULL, NULL, &error);
  g_assert_true (g_bytes_equal (stored, on_disk));

  audits = cp_test_audit_count (f->store);
  g_assert_true (cp_receipts_remove (f->store, cp_record_get_id (CP_RECORD (picture)), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_test_audit_count (f->store), >, audits);
  g_assert_cmpuint (cp_receipts_count (f->store, f->payment_id), ==, 1);
  g_clear_object (&loaded);
  loaded = cp_receipts_load (f->store, cp_record_get_id (CP_RECORD (picture)), &error);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);
  /* Removing it again is refused, and says why. */
  g_assert_false (cp_receipts_remove (f->store, cp_record_get_id (CP_RECORD (picture)), &error));
  g_assert_nonnull (error);
}

/* Each refusal explains itself and stores nothing: no receipt row, no audit row. */
static void
assert_refused (Fixture *f, const char *payment_id, GBytes *bytes, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpReceipt) receipt = NULL;
  gint64 rows = receipt_rows (f);
  gint64 audits = cp_test_audit_count (f->store);

  receipt = cp_receipts_attach (f->store, payment_id, "receipt.png", bytes, &error);
  g_assert_null (receipt);
  g_assert_error (error, CP_RECEIPTS_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_cmpint (receipt_rows (f), ==, rows);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audits);
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("Total £12.50, thank you", 24);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) program = g_bytes_new_static ("\x7f" "ELF\2\1\1\0", 8);
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autoptr(CpRecord) payment = NULL;

  /* Named .png but not a picture: the bytes decide. */
  assert_refused (f, f->payment_id, text, CP_RECEIPTS_ERROR_NOT_SUPPORTED);
  assert_refused (f, f->payment_id, program, CP_RECEIPTS_ERROR_NOT_SUPPORTED);
  assert_refused (f, f->payment_id, empty, CP_RECEIPTS_ERROR_EMPTY);
  assert_refused (f, "00000000-0000-0000-0000-000000000000", png, CP_RECEIPTS_ERROR_NO_PAYMENT);

  /* A deleted payment takes no receipts. */
  payment = cp_store_load (f->store, CP_TYPE_PAYMENT, f->payment_id, &error);
  cp_store_tombstone (f->store, payment, &error);
  g_assert_no_error (error);
  assert_refused (f, f->payment_id, png, CP_RECEIPTS_ERROR_NO_PAYMENT);
}

static GBytes *
png_of_size (gsize size)
{
  guint8 *data = g_malloc0 (size);

  memcpy (data, "\x89PNG\r\n\x1a\n", 8);
  return g_bytes_new_take (data, size);
}

static void
test_size_cap (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) too_big = png_of_size (CP_RECEIPTS_MAX_BYTES + 1);
  g_autoptr(GBytes) just_fits = png_of_size (CP_RECEIPTS_MAX_BYTES);
  g_autoptr(CpReceipt) receipt = NULL;
  g_autofree char *dir = cp_test_make_dir ("big");
  g_autofree char *path = g_build_filename (dir, "scan.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FILE *out;

  assert_refused (f, f->payment_id, too_big, CP_RECEIPTS_ERROR_TOO_LARGE);

  /* A 2 GB file is refused by its size, before it is read. */
  out = fopen (path, "wb");
  g_assert_nonnull (out);
  fwrite ("\x89PNG\r\n\x1a\n", 1, 8, out);
  g_assert_cmpint (fseeko (out, (off_t) 2 * 1024 * 1024 * 1024, SEEK_SET), ==, 0);
  fwrite ("", 1, 1, out);
  fclose (out);
  receipt = cp_receipts_attach_file (f->store, f->payment_id, file, &error);
  g_assert_error (error, CP_RECEIPTS_ERROR, CP_RECEIPTS_ERROR_TOO_LARGE);
  /* g_format_size() puts a no-break space before the unit. */
  g_assert_nonnull (strstr (error->message, "2.1\u00a0GB"));
  g_assert_nonnull (strstr (error->message, "20.0\u00a0MB"));
  g_assert_cmpint (receipt_rows (f), ==, 0);
  g_clear_error (&error);

  receipt = cp_receipts_attach (f->store, f->payment_id, "scan.png", just_fits, &error);
  g_assert_no_error (error);
  g_assert_nonnull (receipt);
  g_assert_cmpint (receipt_rows (f), ==, 1);
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);

  g_test_add_func ("/receipts/sniff", test_sniff);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/receipts/attach-list-load-remove", test_attach_list_load_remove);
  ADD ("/receipts/refusals", test_refusals);
  ADD ("/receipts/size-cap", test_size_cap);
#undef ADD
  return g_test_run ();
}
