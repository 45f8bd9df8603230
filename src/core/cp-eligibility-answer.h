/* cp-eligibility-answer.h — one answer to one eligibility criterion for a person
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Table eligibility_answer, parent column person_id. Properties:
 * "person-id", "criterion" (an id from eligibility.ini, e.g.
 * "gp-in-borough"), "met" (boolean), "note" (how it was checked, in words).
 * A person has at most one live answer per criterion: write answers with
 * cp_eligibility_set_answer() (cp-eligibility.h), which updates the
 * existing row.
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_ELIGIBILITY_ANSWER (cp_eligibility_answer_get_type ())
G_DECLARE_FINAL_TYPE (CpEligibilityAnswer, cp_eligibility_answer, CP, ELIGIBILITY_ANSWER, CpRecord)

CpEligibilityAnswer *cp_eligibility_answer_new (const char *person_id);

G_END_DECLS
