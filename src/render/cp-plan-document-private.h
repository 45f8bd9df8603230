/* cp-plan-document-private.h — what the two plan layouts share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-plan-document.h"

G_BEGIN_DECLS

typedef struct
{
  CpStore    *store;
  CpDocument *doc;
  CpPerson   *person;
  char       *name;      /* as people say it: "Mina Khan" */
  char       *first;     /* "Mina" */
  CpPlan     *plan;      /* NULL when there is none yet */
  GPtrArray  *entries;   /* the plan's entries, every section */
  char       *today;
} CpPlanSource;

/* cp-plan-document.c */
GPtrArray *_cp_plan_source_section     (CpPlanSource *source,
                                        CpSection     section);
GPtrArray *_cp_plan_source_children    (CpPlanSource *source,
                                        GType         type);
char      *_cp_plan_long_date          (const char   *iso);
void       _cp_plan_add_circle         (CpPlanSource *source,
                                        double        height);
void       _cp_plan_add_chart          (CpPlanSource *source,
                                        CpChartKind   kind,
                                        double        height);
void       _cp_plan_add_signature_box  (CpPlanSource *source,
                                        GPtrArray    *signoffs,
                                        double        row_height);

/* cp-plan-document-easy.c */
void       _cp_plan_document_easy_read (CpPlanSource *source);

G_END_DECLS
