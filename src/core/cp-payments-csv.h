/* cp-payments-csv.h — every payment as CSV, for auditors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cp-store.h"

G_BEGIN_DECLS

/* One row per live payment of the people named (NULL: everyone), oldest
 * first, with the person, the budget line and stream, whether a receipt
 * is kept and which payment a reversal corrects. Streamed a row at a
 * time: a million payments never sit in memory. */
gboolean cp_payments_csv_export (CpStore            *store,
                                 const char *const  *person_ids,
                                 GOutputStream      *out,
                                 GError            **error);

/* @field quoted for RFC 4180 when needed, and made inert for spreadsheets:
 * a cell starting with = + - @ would otherwise run as a formula. */
char    *cp_csv_quote_field     (const char         *field);

G_END_DECLS
