/* cp-reference.h — the reference data compiled into the core library
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/reference/ holds tables the programme publishes (IPC areas and
 * cohorts, eligibility criteria, budget categories …) and the XML schema.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The bytes of data/reference/@name (e.g. "ipc-areas.ini"). */
GBytes   *cp_reference_lookup   (const char *name,
                                 GError    **error);
/* @name parsed as a GKeyFile, with its comments dropped. */
GKeyFile *cp_reference_key_file (const char *name,
                                 GError    **error);

G_END_DECLS
