/* cp-budget-categories.h — what a budget line can be spent on
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The categories come from data/reference/budget-categories.ini, compiled
 * into the core library. A budget line stores the category's id
 * ("pa-wages"); people read its name ("Personal assistant wages").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;          /* stored in budget_line.category */
  const char *name;        /* plain words, in the user's language */
  const char *group;       /* "Employing a personal assistant", … */
  const char *description; /* one sentence on what it covers */
  gboolean    contingency; /* money kept back for when plans change */
} CpBudgetCategory;

/* Every category, in the order people read them. Loaded once; never freed. */
const CpBudgetCategory *cp_budget_categories            (guint       *n_categories);
/* The category with @id, or NULL for an id the reference data lacks. */
const CpBudgetCategory *cp_budget_category_lookup       (const char  *id);
/* Its name, or @id itself when unknown (lines written by older data). */
const char             *cp_budget_category_name         (const char  *id);
gboolean                cp_budget_category_is_contingency (const char *id);

G_END_DECLS
