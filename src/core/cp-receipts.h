/* cp-receipts.h — keeping receipts (images and PDFs) with payments
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cp-receipt.h"
#include "cp-store.h"

G_BEGIN_DECLS

#define CP_RECEIPTS_ERROR (cp_receipts_error_quark ())

typedef enum
{
  CP_RECEIPTS_ERROR_EMPTY,         /* the file holds nothing */
  CP_RECEIPTS_ERROR_TOO_LARGE,     /* beyond CP_RECEIPTS_MAX_BYTES */
  CP_RECEIPTS_ERROR_NOT_SUPPORTED, /* not a picture or a PDF */
  CP_RECEIPTS_ERROR_NO_PAYMENT,    /* the payment is not there (or deleted) */
} CpReceiptsError;

/* 20 MB: a phone photo or a scanned invoice is far smaller, and the
 * database stays quick to back up. */
#define CP_RECEIPTS_MAX_BYTES (20 * 1000 * 1000)

GQuark      cp_receipts_error_quark (void);

/* What the bytes are, from their first bytes (never the file's name):
 * "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf",
 * or NULL for anything else. */
const char *cp_receipts_sniff_mime  (const guint8 *data,
                                     gsize         length);
gboolean    cp_receipts_is_image    (const char   *mime_type);

/* Stores @data as a receipt of @payment_id; nothing is stored when it is
 * refused. Returns: (transfer full) (nullable): the new receipt. */
CpReceipt  *cp_receipts_attach      (CpStore      *store,
                                     const char   *payment_id,
                                     const char   *filename,
                                     GBytes       *data,
                                     GError      **error);
/* The same from a file, whose size is checked before it is read. */
CpReceipt  *cp_receipts_attach_file (CpStore      *store,
                                     const char   *payment_id,
                                     GFile        *file,
                                     GError      **error);
/* The live receipts of a payment, oldest first, without their bytes
 * (load one with cp_receipts_load to see it). Returns: (transfer full). */
GPtrArray  *cp_receipts_list        (CpStore      *store,
                                     const char   *payment_id,
                                     GError      **error);
guint       cp_receipts_count       (CpStore      *store,
                                     const char   *payment_id);
/* Returns: (transfer full) (nullable): the receipt with its bytes. */
CpReceipt  *cp_receipts_load        (CpStore      *store,
                                     const char   *receipt_id,
                                     GError      **error);
/* Marks the receipt removed (a tombstone, with an audit row). */
gboolean    cp_receipts_remove      (CpStore      *store,
                                     const char   *receipt_id,
                                     GError      **error);

G_END_DECLS
