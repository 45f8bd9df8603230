/* cp-record-editor.h — edits stored records through rows, saved as typed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Outcomes, Support Network and Staying Safe tabs edit lists of
 * records the same way the Profile does: no Save button, a save
 * CP_RECORD_EDITOR_SAVE_DELAY_MS after the last keystroke and at once
 * when a field is left; a refused value is explained under its field,
 * not stored, and kept for the session so it is never lost.
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"
#include "cp-person-fields.h"

G_BEGIN_DECLS

#define CP_RECORD_EDITOR_SAVE_DELAY_MS 500

#define CP_TYPE_RECORD_EDITOR (cp_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (CpRecordEditor, cp_record_editor, CP, RECORD_EDITOR, GObject)

CpRecordEditor *cp_record_editor_new        (void);
/* Saves and moves go through @undo from now on (NULL: straight to the store). */
void            cp_record_editor_set_undo   (CpRecordEditor   *self,
                                             CpUndoStack      *undo);
CpUndoStack    *cp_record_editor_get_undo   (CpRecordEditor   *self);
void            cp_record_editor_set_store  (CpRecordEditor   *self,
                                             CpStore          *store);
CpStore        *cp_record_editor_get_store  (CpRecordEditor   *self);

/* An entry row editing @property of @record, and the row under it that
 * explains a refused value (hidden until then). Add both to a group or
 * expander row, entry first. */
AdwEntryRow    *cp_record_editor_add_entry  (CpRecordEditor   *self,
                                             CpRecord         *record,
                                             const char       *property,
                                             const char       *title,
                                             CpPersonFieldKind kind,
                                             GtkWidget       **error_row);
/* A switch row for a boolean property; @subtitle may be NULL. */
AdwActionRow   *cp_record_editor_add_switch (CpRecordEditor   *self,
                                             CpRecord         *record,
                                             const char       *property,
                                             const char       *title,
                                             const char       *subtitle);
/* A combo row for an enum property; @labels[i] names enum value i. */
AdwComboRow    *cp_record_editor_add_choice (CpRecordEditor   *self,
                                             CpRecord         *record,
                                             const char       *property,
                                             const char       *title,
                                             const char *const *labels);

/* Saves every pending edit now. FALSE when something shown is refused. */
gboolean        cp_record_editor_flush      (CpRecordEditor   *self);
gboolean        cp_record_editor_has_pending (CpRecordEditor  *self);
/* Saves, then forgets every row (before they are rebuilt). What was
 * refused stays remembered and comes back with the next rows. */
void            cp_record_editor_clear      (CpRecordEditor   *self);
/* Saves, then forgets the rows inside @ancestor (a list about to be rebuilt). */
void            cp_record_editor_unbind     (CpRecordEditor   *self,
                                             GtkWidget        *ancestor);
/* Rows shown but not editable: an agreed plan. */
void            cp_record_editor_set_read_only (CpRecordEditor *self,
                                                gboolean        read_only);
gboolean        cp_record_editor_get_read_only (CpRecordEditor *self);
/* Moves @records[@from] to place @to and numbers every record's
 * "position" 0, 1, 2 … in that order, in one transaction. */
gboolean        cp_record_editor_move       (CpRecordEditor   *self,
                                             GPtrArray        *records,
                                             guint             from,
                                             guint             to,
                                             GError          **error);

/* Forgets what was refused for @record_id (it was deleted). */
void            cp_record_editor_forget     (CpRecordEditor   *self,
                                             const char       *record_id);

G_END_DECLS
