/* cp-plan-page.h — the Plan tab: the planning conversation in the person's own words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"
#include "cp-plan-section.h"
#include "cp-undo.h"

G_BEGIN_DECLS

#define CP_TYPE_PLAN_PAGE (cp_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (CpPlanPage, cp_plan_page, CP, PLAN_PAGE, AdwBin)

GtkWidget     *cp_plan_page_new          (void);
/* The plan shown (NULL: the person has no plan yet). */
CpPlan        *cp_plan_page_get_plan     (CpPlanPage *self);
CpPlanSection *cp_plan_page_get_section  (CpPlanPage *self,
                                          CpSection   section);
CpUndoStack   *cp_plan_page_get_undo     (CpPlanPage *self);
/* Reads the plan again from the store now (otherwise done when idle). */
void           cp_plan_page_reload       (CpPlanPage *self);
/* The status in words, as the header shows it. */
const char    *cp_plan_page_get_status_text (CpPlanPage *self);

G_END_DECLS
