/* cp-uuid.h — time-ordered ids for rows that only ever grow at the end
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A random (version 4) UUID lands anywhere in its table's primary-key
 * B-tree, so a table written a row at a time, like the audit trail,
 * splits pages all over the index. A version 7 UUID (RFC 9562) starts
 * with the Unix time in milliseconds, so each new id sorts after the
 * last and the index grows at its end. Ids stay 36-character UUIDs,
 * unique across computers (74 random bits), so sync can still merge.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new version 7 UUID in lower case. Within this process each id sorts
 * after the one before, even within one millisecond or if the clock
 * steps back. */
char *cp_uuid_v7_string (void);

G_END_DECLS
