/* cp-outcome-action.h — who does what by when towards an outcome
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_OUTCOME_ACTION (cp_outcome_action_get_type ())
G_DECLARE_FINAL_TYPE (CpOutcomeAction, cp_outcome_action, CP, OUTCOME_ACTION, CpRecord)

CpOutcomeAction *cp_outcome_action_new (const char *outcome_id);

G_END_DECLS
