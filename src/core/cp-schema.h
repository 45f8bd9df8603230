/* cp-schema.h — the database migrations, one step per schema version
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Number of migration steps; PRAGMA user_version equals this once migrated. */
guint       cp_schema_latest_version (void);
/* The SQL that takes a database from version - 1 to version (1-based). */
const char *cp_schema_step_sql       (guint version);

G_END_DECLS
