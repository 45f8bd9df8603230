/* cp-ipc-areas.h — the IPC demonstrator and early-adopter areas and their cohorts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read from data/reference/ipc-areas.ini, which lists each area and the
 * cohorts the national programme page names for it, in its words.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every area's name ("Tower Hamlets"), in the page's order.
 * Returns: (transfer full): a NULL-terminated array; never NULL. */
GStrv    cp_ipc_areas_list      (void);

/* The cohorts of @area, in the page's order.
 * Returns: (transfer full) (nullable): NULL, with a message in @error,
 * when @area is not an IPC area. */
GStrv    cp_ipc_area_cohorts    (const char  *area,
                                 GError     **error);

/* TRUE when @area is an IPC area and @cohort one of its cohorts. An empty
 * @cohort (not chosen yet) is accepted for a known area; an empty @area
 * only with an empty @cohort. Otherwise FALSE with a plain-words reason
 * (CP_STORE_ERROR_INVALID). */
gboolean cp_ipc_area_validate   (const char  *area,
                                 const char  *cohort,
                                 GError     **error);

G_END_DECLS
