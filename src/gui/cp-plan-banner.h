/* cp-plan-banner.h — which plan a tab edits, and whether it can change
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Outcomes and risks belong to the person's current plan. The banner
 * finds that plan (without making one), says in words when it cannot be
 * changed (agreed or under review), and offers to start a plan when
 * there is none.
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_PLAN_BANNER (cp_plan_banner_get_type ())
G_DECLARE_FINAL_TYPE (CpPlanBanner, cp_plan_banner, CP, PLAN_BANNER, GtkBox)

GtkWidget  *cp_plan_banner_new          (void);
/* Finds the current plan of @person_id again. */
void        cp_plan_banner_load         (CpPlanBanner *self,
                                         CpStore      *store,
                                         const char   *person_id);
/* (nullable): the current plan, or NULL when there is none. */
CpPlan     *cp_plan_banner_get_plan     (CpPlanBanner *self);
const char *cp_plan_banner_get_plan_id  (CpPlanBanner *self);
/* TRUE when there is a plan and it is a draft. */
gboolean    cp_plan_banner_is_editable  (CpPlanBanner *self);
/* Added after the "cannot be changed" sentence, e.g. "You can still add ratings." */
void        cp_plan_banner_set_locked_note (CpPlanBanner *self,
                                            const char   *note);
const char *cp_plan_banner_get_text     (CpPlanBanner *self);

G_END_DECLS
