/* cp-settings.h — settings kept in the database (the setting table)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules that belong to the data rather than to one computer (how many
 * weeks of surplus a council allows) live with the data, so a backup or
 * a second machine applies the same rules. Each change is audited.
 */
#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

/* The stored integer under @key, or @fallback when unset or unreadable. */
gint64   cp_settings_get_int (CpStore     *store,
                              const char  *key,
                              gint64       fallback);
gboolean cp_settings_set_int (CpStore     *store,
                              const char  *key,
                              gint64       value,
                              GError     **error);

G_END_DECLS
