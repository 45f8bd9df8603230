/* cp-store-tombstone.h — setting and clearing a stored row's tombstone
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

/* cp-store-records.c: marks @record's row deleted (@deleted TRUE, as
 * cp_store_tombstone()) or brings it back (FALSE, as cp_store_revive()),
 * in one transaction with its audit row. Refused for content of an
 * agreed plan, and with CP_STORE_ERROR_NOT_FOUND when the row is missing
 * or already in that state. */
gboolean _cp_store_set_deleted (CpStore   *self,
                                CpRecord  *record,
                                gboolean   deleted,
                                GError   **error);

G_END_DECLS
