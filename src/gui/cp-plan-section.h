/* cp-plan-section.h — one section of a plan, with its entries
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cp-plan-entry-row.h"

G_BEGIN_DECLS

#define CP_TYPE_PLAN_SECTION (cp_plan_section_get_type ())
G_DECLARE_FINAL_TYPE (CpPlanSection, cp_plan_section, CP, PLAN_SECTION, GtkWidget)

GtkWidget      *cp_plan_section_new          (CpSection      section);
CpSection       cp_plan_section_get_section  (CpPlanSection *self);
void            cp_plan_section_set_store    (CpPlanSection *self,
                                              CpStore       *store,
                                              CpUndoStack   *undo);
/* The plan whose entries are shown; with no plan yet, Add starts the
 * person's plan (cp_plan_current). */
void            cp_plan_section_set_plan     (CpPlanSection *self,
                                              const char    *person_id,
                                              const char    *plan_id);
gboolean        cp_plan_section_focus_entry  (CpPlanSection *self,
                                              const char    *entry_id);
/* Shows @entries (CpPlanEntry, this section's, in order), keeping the
 * rows (and what is typed in them) of entries already shown. */
void            cp_plan_section_sync         (CpPlanSection *self,
                                              GPtrArray     *entries);
void            cp_plan_section_set_editable (CpPlanSection *self,
                                              gboolean       editable);
/* The planning session: the question as a big heading, larger words. */
void            cp_plan_section_set_large    (CpPlanSection *self,
                                              gboolean       large);
gboolean        cp_plan_section_flush        (CpPlanSection *self);
gboolean        cp_plan_section_has_pending  (CpPlanSection *self);
CpPlanEntryRow *cp_plan_section_find_row     (CpPlanSection *self,
                                              const char    *entry_id);
guint           cp_plan_section_get_n_rows   (CpPlanSection *self);
CpPlanEntryRow *cp_plan_section_get_row      (CpPlanSection *self,
                                              guint          index);
GtkWidget      *cp_plan_section_get_add_button (CpPlanSection *self);
/* Puts the cursor in the first entry's words, or on Add. */
void            cp_plan_section_focus        (CpPlanSection *self);

#define CP_N_SECTIONS (CP_SECTION_SHARING + 1)

G_END_DECLS
