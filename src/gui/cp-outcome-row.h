/* cp-outcome-row.h — one outcome: its words, actions and progress
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"
#include "cp-record-editor.h"

G_BEGIN_DECLS

#define CP_TYPE_OUTCOME_ROW (cp_outcome_row_get_type ())
G_DECLARE_FINAL_TYPE (CpOutcomeRow, cp_outcome_row, CP, OUTCOME_ROW, GtkBox)

/* @editor saves what is typed; @editable is FALSE once the plan is
 * agreed (ratings can still be added then). Emits "move" (+1 / −1) and
 * "delete" for the page to act on. */
GtkWidget  *cp_outcome_row_new            (CpRecordEditor *editor,
                                           CpOutcome      *outcome,
                                           guint           index,
                                           guint           count,
                                           gboolean        editable);
CpOutcome  *cp_outcome_row_get_outcome    (CpOutcomeRow   *self);
/* Adds an action at the end and opens it. */
void        cp_outcome_row_add_action     (CpOutcomeRow   *self);
/* Stores a rating and redraws the chart; FALSE with @error when refused. */
gboolean    cp_outcome_row_add_rating     (CpOutcomeRow   *self,
                                           int             score,
                                           const char     *rated_on,
                                           const char     *note,
                                           GError        **error);
GtkListBox *cp_outcome_row_get_actions    (CpOutcomeRow   *self);
GtkListBox *cp_outcome_row_get_ratings    (CpOutcomeRow   *self);
/* The chart's text alternative, as shown under it. */
const char *cp_outcome_row_get_summary    (CpOutcomeRow   *self);

G_END_DECLS
