/* cp-plan-diff.h — what changed in a plan, and a plan version as an outline
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Works on Coplan XML (see cp-xml-export.h): every record is an element
 * with an id attribute, its columns child elements named by property.
 * Parsed with libxml2 without network access or entity expansion.
 */
#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

typedef enum
{
  CP_PLAN_CHANGE_ADDED,
  CP_PLAN_CHANGE_REMOVED,
  CP_PLAN_CHANGE_CHANGED,
} CpPlanChangeKind;

typedef struct
{
  CpPlanChangeKind kind;
  char *element;    /* "plan-entry", "outcome" … */
  char *id;         /* the record's id */
  char *field;      /* CHANGED: the property ("body"); else NULL */
  char *old_text;   /* CHANGED/REMOVED: the old value or main text */
  char *new_text;   /* CHANGED/ADDED: the new value or main text */
  char *label;      /* in words, translated: "What is important to me: added “…”" */
} CpPlanChange;

void          cp_plan_change_free     (CpPlanChange *change);

/* The changes from @old_xml to @new_xml, parents before children.
 * Returns: (transfer full) (element-type CpPlanChange) (nullable): NULL
 * with an error when either document is not well-formed Coplan XML */
GPtrArray    *cp_plan_diff            (const char  *old_xml,
                                       const char  *new_xml,
                                       GError     **error);

/* The changes from agreed version @version of @plan_id to the plan as it
 * is now (exported with cp_xml_export_plan()). */
GPtrArray    *cp_plan_diff_current    (CpStore     *store,
                                       const char  *plan_id,
                                       gint64       version,
                                       GError     **error);

/* One line of a read-only outline. */
typedef struct
{
  char *text;       /* the words */
  char *voice;      /* whose words, translated ("In my own words"), or NULL */
} CpPlanOutlineLine;

typedef struct
{
  char      *heading;  /* "What is important to me", "My outcomes" … */
  GPtrArray *lines;    /* CpPlanOutlineLine * */
} CpPlanOutlineSection;

void          cp_plan_outline_section_free (CpPlanOutlineSection *section);

/* One version's XML as sections in plan order (profile sections, then
 * outcomes with their actions, risks, and who signed), empty sections
 * left out.
 * Returns: (transfer full) (element-type CpPlanOutlineSection) (nullable) */
GPtrArray    *cp_plan_outline         (const char  *xml,
                                       GError     **error);
/* The outline as plain text: headings, then "- text (voice)" lines. */
char         *cp_plan_outline_to_text (GPtrArray   *outline);

G_END_DECLS
