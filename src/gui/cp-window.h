/* cp-window.h — a caseload window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_WINDOW (cp_window_get_type ())
G_DECLARE_FINAL_TYPE (CpWindow, cp_window, CP, WINDOW, AdwApplicationWindow)

/* @example: the window shows example data and says so. */
CpWindow *cp_window_new         (GtkApplication *application,
                                 CpStore        *store,
                                 gboolean        example);
CpStore  *cp_window_get_store   (CpWindow       *self);
gboolean  cp_window_is_example  (CpWindow       *self);
void      cp_window_add_toast   (CpWindow       *self,
                                 const char     *text);
void      cp_window_show_person (CpWindow       *self,
                                 const char     *person_id);

G_END_DECLS
