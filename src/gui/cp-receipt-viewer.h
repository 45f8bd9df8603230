/* cp-receipt-viewer.h — looking at a receipt kept with a payment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_RECEIPT_VIEWER (cp_receipt_viewer_get_type ())
G_DECLARE_FINAL_TYPE (CpReceiptViewer, cp_receipt_viewer, CP, RECEIPT_VIEWER, AdwWindow)

/* A modal window over @parent showing the receipt: a picture in the
 * window, a PDF as a button that opens it in the desktop's viewer. */
CpReceiptViewer *cp_receipt_viewer_new          (GtkWindow       *parent,
                                                 CpStore         *store,
                                                 CpReceipt       *receipt,
                                                 const char      *title);
/* "picture" or "document": what the window shows. */
const char      *cp_receipt_viewer_get_shown    (CpReceiptViewer *self);

/* Writes the receipt to a private temporary file and opens it with the
 * desktop's default application. Returns: (transfer full) (nullable): the
 * file written (for tests), or NULL with @error. */
GFile           *cp_receipt_viewer_open_in_app  (CpReceipt       *receipt,
                                                 gboolean         launch,
                                                 GError         **error);

G_END_DECLS
