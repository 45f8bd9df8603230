/* cp-outcome-rating.h — a goal-attainment rating of an outcome on a date
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_OUTCOME_RATING (cp_outcome_rating_get_type ())
G_DECLARE_FINAL_TYPE (CpOutcomeRating, cp_outcome_rating, CP, OUTCOME_RATING, CpRecord)

CpOutcomeRating *cp_outcome_rating_new (const char *outcome_id);

G_END_DECLS
