/* cp-plan-lifecycle.h — draft → agreed → under review → new draft
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan's "version" column counts how often it has been agreed; a draft
 * is the making of version + 1. Agreeing freezes the plan as a
 * CpPlanVersion whose document is the Coplan XML of the plan (so what
 * was signed stays exactly what was signed) and stores one signoff row
 * per signer with the version number. Each step is one transaction, and
 * its status change is in the audit trail.
 *
 * What was signed is locked: additions, updates and deletions of the
 * entries, outcomes, actions, risks and signatures of a plan that is
 * agreed or under review, changes to its title, year of care and care
 * co-ordinator, and changes to the signatures of any agreed version are
 * refused by the store with a clear error. Ratings, reviews, the budget
 * and payments stay open. The GUI edits only drafts (cp_plan_is_editable).
 */
#pragma once

#include "cp-plan-version.h"
#include "cp-plan.h"
#include "cp-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;   /* who signed, e.g. "Amina Begum" */
  const char *role;   /* in their words: "me", "my advocate", "care co-ordinator" */
} CpSigner;

/* The person's current plan: the newest live plan that has not ended.
 * When there is none, a draft is created with a year of care from
 * @today (ISO; NULL for today in UTC) to the day before the same date
 * next year.
 * Returns: (transfer full) (nullable): NULL when the person does not
 * exist or the database fails */
CpPlan        *cp_plan_current        (CpStore         *store,
                                       const char      *person_id,
                                       const char      *today,
                                       GError         **error);

/* TRUE when the plan's content may be changed (it is a draft). FALSE
 * for agreed, under review, ended, deleted or unknown plans. */
gboolean       cp_plan_is_editable    (CpStore         *store,
                                       const char      *plan_id);

/* Draft → agreed. Refused in plain words when nobody signs (or a signer
 * has no name or no role), when the plan has no entries and no outcomes,
 * when it is not a draft, or when @agreed_on is not a date, is in the
 * future, or is before the previous version was agreed. Stores the signoffs,
 * version number and the frozen XML in one transaction.
 * Returns: (transfer full) (nullable): the new agreed version */
CpPlanVersion *cp_plan_agree          (CpStore         *store,
                                       const char      *plan_id,
                                       const CpSigner  *signers,
                                       gsize            n_signers,
                                       const char      *agreed_on,
                                       GError         **error);

/* Agreed → under review. */
gboolean       cp_plan_start_review   (CpStore         *store,
                                       const char      *plan_id,
                                       GError         **error);

/* Agreed or under review → draft (the making of version + 1). Entries
 * stay as they are; the agreed versions keep what was signed. */
gboolean       cp_plan_new_draft      (CpStore         *store,
                                       const char      *plan_id,
                                       GError         **error);

/* The agreed versions of a plan, newest first.
 * Returns: (transfer full) (element-type CpPlanVersion) */
GPtrArray     *cp_plan_list_versions  (CpStore         *store,
                                       const char      *plan_id,
                                       GError         **error);
/* One agreed version by its number. Returns: (transfer full) (nullable) */
CpPlanVersion *cp_plan_load_version   (CpStore         *store,
                                       const char      *plan_id,
                                       gint64           version,
                                       GError         **error);

/* An importer merging another machine's history (an agreed version 2
 * arriving where version 1 is agreed) writes locked content as it was
 * signed there: it suspends the lock around its transaction. Calls nest;
 * every suspend needs its resume. */
void           cp_plan_guard_suspend  (CpStore         *store);
void           cp_plan_guard_resume   (CpStore         *store);

/* For the store only (cp-store-records.c): refuses a change to locked
 * plan content. @action is "insert", "update" or "delete". The
 * signatures of agreed versions are never updated or deleted, and a
 * frozen version (an immutable record) is never deleted, even while the
 * lock is suspended. */
gboolean       _cp_plan_guard_write   (CpStore         *store,
                                       CpRecord        *record,
                                       const char      *action,
                                       GError         **error);

G_END_DECLS
