/* cp-receipts.c — keeping receipts (images and PDFs) with payments
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Councils ask for a receipt or invoice for each payment; a photo or a
 * scan kept with the payment is the easiest way to have it ready. Only
 * pictures and PDFs are taken, recognised by their first bytes, so a
 * renamed program or document is never stored as a "receipt".
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-payment.h"
#include "cp-receipts.h"

G_DEFINE_QUARK (cp-receipts-error-quark, cp_receipts_error)

typedef struct
{
  const char   *mime_type;
  gsize         offset;
  const char   *magic;
  gsize         length;
} Magic;

static const Magic magics[] = {
  { "image/png", 0, "\x89PNG\r\n\x1a\n", 8 },
  { "image/jpeg", 0, "\xff\xd8\xff", 3 },
  { "image/gif", 0, "GIF87a", 6 },
  { "image/gif", 0, "GIF89a", 6 },
  { "application/pdf", 0, "%PDF-", 5 },
};

const char *
cp_receipts_sniff_mime (const guint8 *data, gsize length)
{
  if (data == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    if (length >= magics[i].offset + magics[i].length &&
        memcmp (data + magics[i].offset, magics[i].magic, magics[i].length) == 0)
      return magics[i].mime_type;
  /* WebP: "RIFF", four bytes of size, then "WEBP". */
  if (length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "image/webp";
  return NULL;
}

gboolean
cp_receipts_is_image (const char *mime_type)
{
  return mime_type != NULL && g_str_has_prefix (mime_type, "image/");
}

static gboolean
check_size (goffset size, GError **error)
{
  if (size <= 0)
    {
      g_set_error (error, CP_RECEIPTS_ERROR, CP_RECEIPTS_ERROR_EMPTY,
                   _("This file is empty, so there is no receipt in it."));
      return FALSE;
    }
  if (size > CP_RECEIPTS_MAX_BYTES)
    {
      g_autofree char *size_text = g_format_size ((guint64) size);
      g_autofree char *max_text = g_format_size (CP_RECEIPTS_MAX_BYTES);

      /* Translators: the sizes are like "25.3 MB" and "21.0 MB" */
      g_set_error (error, CP_RECEIPTS_ERROR, CP_RECEIPTS_ERROR_TOO_LARGE,
                   _("This file is %s, larger than the %s a receipt can be. "
                     "A photo taken at a lower size, or a scan of one page, will fit."),
                   size_text, max_text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
payment_is_live (CpStore *store, const char *payment_id, GError **error)
{
  g_autoptr(CpRecord) payment = payment_id ? cp_store_load (store, CP_TYPE_PAYMENT, payment_id, NULL) : NULL;

  if (payment == NULL || cp_record_get_deleted (payment))
    {
      g_set_error (error, CP_RECEIPTS_ERROR, CP_RECEIPTS_ERROR_NO_PAYMENT,
                   _("The payment this receipt was for is no longer there."));
      return FALSE;
    }
  return TRUE;
}

CpReceipt *
cp_receipts_attach (CpStore *store, const char *payment_id, const char *filename,
                    GBytes *data, GError **error)
{
  g_autoptr(CpReceipt) receipt = NULL;
  const char *mime_type;
  gsize length = 0;
  const guint8 *bytes;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  bytes = g_bytes_get_data (data, &length);
  if (!check_size ((goffset) length, error) || !payment_is_live (store, payment_id, error))
    return NULL;
  mime_type = cp_receipts_sniff_mime (bytes, length);
  if (mime_type == NULL)
    {
      g_set_error (error, CP_RECEIPTS_ERROR, CP_RECEIPTS_ERROR_NOT_SUPPORTED,
                   _("This file is not a picture or a PDF. Receipts can be photos "
                     "(PNG, JPEG, GIF, WebP) or PDF documents."));
      return NULL;
    }
  receipt = cp_receipt_new (payment_id);
  g_object_set (receipt,
                "filename", filename ? filename : "",
                "mime-type", mime_type,
                "data", data,
                NULL);
  if (!cp_store_insert (store, CP_RECORD (receipt), error))
    return NULL;
  return g_steal_pointer (&receipt);
}

CpReceipt *
cp_receipts_attach_file (CpStore *store, const char *payment_id, GFile *file, GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  /* A huge file is refused before a byte of it is read. */
  if (info == NULL || !check_size (g_file_info_get_size (info), error))
    return NULL;
  data = g_file_load_bytes (file, NULL, NULL, error);
  if (data == NULL)
    return NULL;
  basename = g_strdup (g_file_info_get_display_name (info));
  return cp_receipts_attach (store, payment_id, basename, data, error);
}

static const char list_sql[] =
  "SELECT id, created_at, updated_at, deleted, payment_id, filename, mime_type, NULL"
  " FROM receipt WHERE payment_id = ?1 AND deleted = 0 ORDER BY created_at, id";

GPtrArray *
cp_receipts_list (CpStore *store, const char *payment_id, GError **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *receipts;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (payment_id != NULL, NULL);

  stmt = cp_store_prepare (store, list_sql, error);
  if (stmt == NULL)
    return NULL;
  receipts = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_text (stmt, 1, payment_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (receipts, cp_store_record_from_row (store, CP_TYPE_RECEIPT, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cp_store_set_error_from_db (store, rc, error);
      g_clear_pointer (&receipts, g_ptr_array_unref);
    }
  return receipts;
}

guint
cp_receipts_count (CpStore *store, const char *payment_id)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (CP_IS_STORE (store), 0);
  stmt = cp_store_prepare (store, "SELECT count (*) FROM receipt WHERE payment_id = ?1 AND deleted = 0", NULL);
  if (stmt == NULL || payment_id == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, payment_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

CpReceipt *
cp_receipts_load (CpStore *store, const char *receipt_id, GError **error)
{
  CpRecord *receipt;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (receipt_id != NULL, NULL);

  receipt = cp_store_load (store, CP_TYPE_RECEIPT, receipt_id, error);
  if (receipt != NULL && cp_record_get_deleted (receipt))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND, _("This receipt was removed."));
      g_clear_object (&receipt);
    }
  return (CpReceipt *) receipt;
}

gboolean
cp_receipts_remove (CpStore *store, const char *receipt_id, GError **error)
{
  g_autoptr(CpReceipt) receipt = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (receipt_id != NULL, FALSE);

  receipt = cp_receipts_load (store, receipt_id, error);
  return receipt != NULL && cp_store_tombstone (store, CP_RECORD (receipt), error);
}
