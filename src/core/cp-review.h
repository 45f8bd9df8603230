/* cp-review.h — a formal or informal review of a plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_REVIEW (cp_review_get_type ())
G_DECLARE_FINAL_TYPE (CpReview, cp_review, CP, REVIEW, CpRecord)

CpReview *cp_review_new (const char *plan_id);

G_END_DECLS
