/* cp-children.h — the live child records of one parent, in their order
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For exports that walk one person's plan: the lists are short (a plan's
 * entries, an outcome's ratings), so they are read whole. Never use it
 * for payments, which can run to hundreds of thousands.
 */
#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

/* A GPtrArray of @type records whose parent is @parent_id (NULL: every
 * live record of @type), sorted by the type's order. */
GPtrArray *cp_children_load (CpStore    *store,
                             GType       type,
                             const char *parent_id);

/* FALSE, naming the first, when an id in @person_ids is not a live
 * person; exports check before they write anything. */
gboolean   cp_children_check_people (CpStore            *store,
                                     const char *const  *person_ids,
                                     GError            **error);

G_END_DECLS
