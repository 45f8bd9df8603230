/* cp-undo.h — undo and redo of the edits made in one session
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CpUndoStack writes through a CpStore and remembers how to reverse
 * each write: an insert is undone by tombstoning the row, a tombstone by
 * reviving it, an update by writing the old values back, a move by
 * moving back. Each undo or redo is one transaction with its audit rows.
 * Consecutive updates of the same single field of the same row within
 * the merge window (2 s) are one step, so autosaved typing undoes as a
 * whole.
 *
 * Labels are the action's name, translated, as the caller gives it
 * (_("Add Entry")); the stack offers "Undo Add Entry" / "Redo Add Entry".
 */
#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_UNDO_STACK (cp_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (CpUndoStack, cp_undo_stack, CP, UNDO_STACK, GObject)

/* Properties: "can-undo", "can-redo" (booleans), "undo-label",
 * "redo-label" (strings or NULL), "merge-window-ms" (default 2000; 0
 * never merges). */
CpUndoStack *cp_undo_stack_new            (CpStore      *store);

/* cp_store_insert(), remembered. */
gboolean     cp_undo_stack_insert         (CpUndoStack  *self,
                                           CpRecord     *record,
                                           const char   *label,
                                           GError      **error);
/* cp_store_update(), remembering the stored values it replaces. A write
 * that changes nothing adds no step. */
gboolean     cp_undo_stack_update         (CpUndoStack  *self,
                                           CpRecord     *record,
                                           const char   *label,
                                           GError      **error);
/* cp_store_tombstone(), remembered. */
gboolean     cp_undo_stack_tombstone      (CpUndoStack  *self,
                                           CpRecord     *record,
                                           const char   *label,
                                           GError      **error);
/* cp_plan_entry_move(), remembered. */
gboolean     cp_undo_stack_move_entry     (CpUndoStack  *self,
                                           const char   *entry_id,
                                           gint64        new_position,
                                           const char   *label,
                                           GError      **error);

/* Everything recorded between these undoes and redoes as one step (a
 * move that renumbers many rows). end_group with @keep FALSE drops what
 * was recorded, for writes that were rolled back. */
void         cp_undo_stack_begin_group    (CpUndoStack  *self,
                                           const char   *label);
void         cp_undo_stack_end_group      (CpUndoStack  *self,
                                           gboolean      keep);

gboolean     cp_undo_stack_undo           (CpUndoStack  *self,
                                           GError      **error);
gboolean     cp_undo_stack_redo           (CpUndoStack  *self,
                                           GError      **error);
gboolean     cp_undo_stack_can_undo       (CpUndoStack  *self);
gboolean     cp_undo_stack_can_redo       (CpUndoStack  *self);
/* "Undo Add Entry", or NULL when there is nothing to undo. */
const char  *cp_undo_stack_get_undo_label (CpUndoStack  *self);
const char  *cp_undo_stack_get_redo_label (CpUndoStack  *self);
/* Forgets every step (e.g. when another person is opened). */
void         cp_undo_stack_clear          (CpUndoStack  *self);
void         cp_undo_stack_set_merge_window_ms (CpUndoStack *self,
                                                guint        ms);

/* Undoes a tombstone: marks @record's row live again, with an audit row
 * ("deleted" 1 → 0), in one transaction. */
gboolean     cp_store_revive              (CpStore      *store,
                                           CpRecord     *record,
                                           GError      **error);

G_END_DECLS
