/* cp-monitoring-return.h — a direct-payment monitoring return, as PDF or CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cp-monitoring-data.h"

G_BEGIN_DECLS

/* The CSV: a few heading rows with the totals, the spending by line, then
 * one row per payment with its receipt status. Amounts are plain
 * (1234.56); fields are quoted when they need it (RFC 4180). */
char     *cp_monitoring_return_to_csv    (const CpMonitoringReturn *data);

/* An A4 PDF: the person and the period, the totals, the spending by
 * line, every payment (the table continues over as many pages as it
 * needs, its heading repeated) and a declaration to sign. */
gboolean  cp_monitoring_return_write_pdf (const CpMonitoringReturn *data,
                                          const char               *path,
                                          GError                  **error);

/* PDF or CSV by @path's extension; anything else is refused with
 * G_IO_ERROR_INVALID_FILENAME. The file appears whole or not at all. */
gboolean  cp_monitoring_return_write     (const CpMonitoringReturn *data,
                                          const char               *path,
                                          GError                  **error);

/* How many pages the PDF of @data takes. */
guint     cp_monitoring_return_count_pages (const CpMonitoringReturn *data);

G_END_DECLS
