/* cp-outcome.h — a goal, in the person's words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_OUTCOME (cp_outcome_get_type ())
G_DECLARE_FINAL_TYPE (CpOutcome, cp_outcome, CP, OUTCOME, CpRecord)

CpOutcome *cp_outcome_new (const char *plan_id);

G_END_DECLS
