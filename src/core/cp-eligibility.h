/* cp-eligibility.h — who may join IPC: Tower Hamlets' published criteria
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The criteria live in data/reference/eligibility.ini: for each group
 * (adults, children) some criteria are all required and, for adults, at
 * least one of several conditions must be met. A person's answers are
 * eligibility_answer rows (cp-eligibility-answer.h); an unanswered
 * criterion is "not known yet", never "not met".
 */
#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

typedef enum
{
  /* Decide from the date of birth: under 18 on the day → children. */
  CP_ELIGIBILITY_GROUP_AUTO,
  CP_ELIGIBILITY_GROUP_ADULTS,
  CP_ELIGIBILITY_GROUP_CHILDREN,
} CpEligibilityGroup;

typedef enum
{
  CP_ELIGIBILITY_ELIGIBLE,      /* every required criterion met (and one of the conditions) */
  CP_ELIGIBILITY_NOT_ELIGIBLE,  /* a required criterion is not met, or none of the conditions */
  CP_ELIGIBILITY_NOT_KNOWN,     /* some answers are still missing */
} CpEligibilityOutcome;

typedef enum
{
  CP_ELIGIBILITY_UNANSWERED,
  CP_ELIGIBILITY_MET,
  CP_ELIGIBILITY_NOT_MET,
} CpEligibilityState;

/* One criterion as it applies to one person. */
typedef struct
{
  char              *id;        /* "gp-in-borough" */
  char              *text;      /* plain words, translated */
  gboolean           required;  /* FALSE: one of several (at least one must be met) */
  CpEligibilityState state;
  char              *note;      /* the answer's note, or NULL */
} CpEligibilityCriterion;

typedef struct _CpEligibilityResult CpEligibilityResult;

/* The group a person born on @date_of_birth (ISO) is in on @today (ISO,
 * NULL for today in UTC): CHILDREN under 18, else ADULTS; AUTO when the
 * date of birth is missing or not a date. */
CpEligibilityGroup   cp_eligibility_group_for_birth (const char *date_of_birth,
                                                     const char *today);
/* "Adults", "Children and young people" — translated. */
const char          *cp_eligibility_group_label     (CpEligibilityGroup group);

/* Plain-words text of a criterion id, or NULL when it is unknown. */
const char          *cp_eligibility_criterion_text  (const char *criterion);
gboolean             cp_eligibility_criterion_is_known (const char *criterion);
/* The criterion ids of @group (ADULTS or CHILDREN), required ones first.
 * Returns: (transfer full) */
GStrv                cp_eligibility_group_criteria  (CpEligibilityGroup group);

/* Records (or changes) @person_id's answer to @criterion, in one
 * transaction with its audit row. An unknown criterion or person is
 * refused with a plain-words error and nothing is written. */
gboolean             cp_eligibility_set_answer      (CpStore     *store,
                                                     const char  *person_id,
                                                     const char  *criterion,
                                                     gboolean     met,
                                                     const char  *note,
                                                     GError     **error);
/* Forgets the answer (tombstones it): the criterion is unanswered again. */
gboolean             cp_eligibility_clear_answer    (CpStore     *store,
                                                     const char  *person_id,
                                                     const char  *criterion,
                                                     GError     **error);

/* Evaluates @person_id's stored answers against @group's criteria; with
 * CP_ELIGIBILITY_GROUP_AUTO the group comes from the person's date of
 * birth on @today (NULL: today). Without a date of birth the result is
 * NOT_KNOWN with a reason asking for it (and no criteria).
 * Returns: (transfer full) (nullable): NULL only when the person does
 * not exist or the database fails. */
CpEligibilityResult *cp_eligibility_evaluate        (CpStore            *store,
                                                     const char         *person_id,
                                                     CpEligibilityGroup  group,
                                                     const char         *today,
                                                     GError            **error);
/* The same over answers in memory: @answers maps criterion id → "1"
 * (met) or "0" (not met); absent means unanswered. @group must not be
 * AUTO. */
CpEligibilityResult *cp_eligibility_evaluate_answers (CpEligibilityGroup group,
                                                      GHashTable        *answers);

CpEligibilityGroup   cp_eligibility_result_get_group    (CpEligibilityResult *result);
CpEligibilityOutcome cp_eligibility_result_get_outcome  (CpEligibilityResult *result);
/* Why, in words: "Eligible: lives in Tower Hamlets, … and has learning
 * disabilities." / "Not eligible: is not registered with a GP in the
 * borough." / "Not known yet: still to check whether …". */
const char          *cp_eligibility_result_get_reason   (CpEligibilityResult *result);
/* Every criterion of the group, in order (CpEligibilityCriterion *). */
GPtrArray           *cp_eligibility_result_get_criteria (CpEligibilityResult *result);
/* Ids of the criteria met / not yet met (not met or unanswered).
 * Returns: (transfer full) */
GStrv                cp_eligibility_result_dup_met      (CpEligibilityResult *result);
GStrv                cp_eligibility_result_dup_missing  (CpEligibilityResult *result);
void                 cp_eligibility_result_free         (CpEligibilityResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpEligibilityResult, cp_eligibility_result_free)

G_END_DECLS
