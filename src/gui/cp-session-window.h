/* cp-session-window.h — a planning session: one question at a time, in large words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"
#include "cp-plan-section.h"
#include "cp-undo.h"

G_BEGIN_DECLS

#define CP_TYPE_SESSION_WINDOW (cp_session_window_get_type ())
G_DECLARE_FINAL_TYPE (CpSessionWindow, cp_session_window, CP, SESSION_WINDOW, AdwWindow)

/* Edits go through @undo, shared with the Plan tab. */
GtkWidget     *cp_session_window_new         (GtkWindow       *parent,
                                              CpStore         *store,
                                              CpUndoStack     *undo,
                                              const char      *person_id);
/* Which step is shown (0 … CP_N_SECTIONS − 1). */
guint          cp_session_window_get_step    (CpSessionWindow *self);
void           cp_session_window_set_step    (CpSessionWindow *self,
                                              guint            step);
CpPlanSection *cp_session_window_get_section (CpSessionWindow *self);
/* Saves what is typed now. */
gboolean       cp_session_window_flush       (CpSessionWindow *self);

G_END_DECLS
