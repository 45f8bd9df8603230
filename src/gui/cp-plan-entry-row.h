/* cp-plan-entry-row.h — one entry of a plan section, edited in place
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coplan-core.h"
#include "cp-undo.h"

G_BEGIN_DECLS

#define CP_TYPE_PLAN_ENTRY_ROW (cp_plan_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (CpPlanEntryRow, cp_plan_entry_row, CP, PLAN_ENTRY_ROW, GtkWidget)

/* How long after the last keystroke the words are saved. */
#define CP_PLAN_ENTRY_ROW_SAVE_DELAY_MS 500

/* Edits go through @undo, so they can be undone. */
GtkWidget   *cp_plan_entry_row_new          (CpStore        *store,
                                             CpUndoStack    *undo,
                                             CpPlanEntry    *entry);
CpPlanEntry *cp_plan_entry_row_get_entry    (CpPlanEntryRow *self);
const char  *cp_plan_entry_row_get_id       (CpPlanEntryRow *self);
/* Shows the stored @entry (same id); what is being typed is kept. */
void         cp_plan_entry_row_set_entry    (CpPlanEntryRow *self,
                                             CpPlanEntry    *entry);
/* Where it stands in its section, for the move buttons and its name. */
void         cp_plan_entry_row_set_place    (CpPlanEntryRow *self,
                                             const char     *section_label,
                                             guint           index,
                                             guint           count);
void         cp_plan_entry_row_set_editable (CpPlanEntryRow *self,
                                             gboolean        editable);
/* Saves what was typed now; FALSE if it could not be stored. */
gboolean     cp_plan_entry_row_flush        (CpPlanEntryRow *self);
gboolean     cp_plan_entry_row_has_pending  (CpPlanEntryRow *self);
GtkTextView *cp_plan_entry_row_get_text_view (CpPlanEntryRow *self);
void         cp_plan_entry_row_focus_text   (CpPlanEntryRow *self);

G_END_DECLS
