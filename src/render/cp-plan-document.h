/* cp-plan-document.h — a person's plan laid out for paper and PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coplan-core.h"
#include "cp-document.h"

G_BEGIN_DECLS

typedef enum
{
  CP_PLAN_DOCUMENT_STANDARD,  /* the whole plan, 11 pt */
  CP_PLAN_DOCUMENT_EASY_READ, /* large type, plain words, one idea a line */
} CpPlanDocumentKind;

/* The current plan of @person_id (the one whose year of care holds
 * @today, ISO or NULL for today): one-page profile, the plan's sections,
 * outcomes with their progress, the support-network circle, the budget
 * with its charts, risks, contingency plan and a sign-off box. A person
 * with no plan yet still gets their profile and an empty sign-off box. */
CpDocument *cp_plan_document_build     (CpStore             *store,
                                        const char          *person_id,
                                        CpPlanDocumentKind   kind,
                                        const char          *today,
                                        GError             **error);

gboolean    cp_plan_document_write_pdf (CpStore             *store,
                                        const char          *person_id,
                                        CpPlanDocumentKind   kind,
                                        const char          *today,
                                        const char          *filename,
                                        GError             **error);

G_END_DECLS
