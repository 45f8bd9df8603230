/* cp-outcomes-page.h — the Outcomes tab: goals, actions and progress
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"
#include "cp-outcome-row.h"
#include "cp-plan-banner.h"

G_BEGIN_DECLS

#define CP_TYPE_OUTCOMES_PAGE (cp_outcomes_page_get_type ())
G_DECLARE_FINAL_TYPE (CpOutcomesPage, cp_outcomes_page, CP, OUTCOMES_PAGE, AdwBin)

GtkWidget    *cp_outcomes_page_new         (void);
CpPlanBanner *cp_outcomes_page_get_banner  (CpOutcomesPage *self);
/* The outcome shown at @index (NULL past the end). */
CpOutcomeRow *cp_outcomes_page_get_row     (CpOutcomesPage *self,
                                            guint           index);
guint         cp_outcomes_page_get_n_rows  (CpOutcomesPage *self);
/* Adds an outcome with @words (an outcome is never stored without
 * them); FALSE with a reason in @error when refused. */
gboolean      cp_outcomes_page_add_outcome (CpOutcomesPage *self,
                                            const char     *words,
                                            GError        **error);
gboolean      cp_outcomes_page_move        (CpOutcomesPage *self,
                                            guint           from,
                                            guint           to);
/* Deletes without asking (the row's button asks first). */
gboolean      cp_outcomes_page_delete      (CpOutcomesPage *self,
                                            guint           index);

G_END_DECLS
