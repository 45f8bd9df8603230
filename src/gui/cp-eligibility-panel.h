/* cp-eligibility-panel.h — can this person join IPC? Tower Hamlets' criteria
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * (Named "panel": CpEligibilityGroup is the core's adults/children enum.)
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_ELIGIBILITY_PANEL (cp_eligibility_panel_get_type ())
G_DECLARE_FINAL_TYPE (CpEligibilityPanel, cp_eligibility_panel, CP, ELIGIBILITY_PANEL, GtkBox)

GtkWidget  *cp_eligibility_panel_new        (void);
/* Shows @person_id's answers (NULL: no one). Saves pending notes first. */
void        cp_eligibility_panel_set_person (CpEligibilityPanel *self,
                                             CpStore            *store,
                                             const char         *person_id);
/* Evaluates again: after the date of birth changed, the group may too. */
void        cp_eligibility_panel_refresh    (CpEligibilityPanel *self);
/* Saves a note still waiting for the pause after typing. */
void        cp_eligibility_panel_flush      (CpEligibilityPanel *self);
/* The result in words, as shown. */
const char *cp_eligibility_panel_get_result (CpEligibilityPanel *self);

G_END_DECLS
