/* cp-excluded-spending.h — spending a personal budget may not be used for
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The categories and their words live in data/reference/excluded-spending.ini.
 * A match is a warning for a person to check, never a block.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Looks for whole words of a listed category in @payee and @note
 * (either may be NULL), ignoring case.
 * Returns: (transfer full) (nullable): NULL, or a warning in plain words
 * naming the category, like “This looks like gambling (“casino”), which a
 * personal budget cannot be spent on.” */
char       *cp_excluded_spending_check         (const char *payee,
                                                const char *note);

/* The category id ("gambling") that @payee and @note match, or NULL. */
const char *cp_excluded_spending_match         (const char *payee,
                                                const char *note);

G_END_DECLS
