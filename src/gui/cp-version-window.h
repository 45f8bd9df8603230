/* cp-version-window.h — an agreed version of a plan, read-only, and what changed since
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_VERSION_WINDOW (cp_version_window_get_type ())
G_DECLARE_FINAL_TYPE (CpVersionWindow, cp_version_window, CP, VERSION_WINDOW, AdwWindow)

GtkWidget  *cp_version_window_new          (GtkWindow       *parent,
                                            CpStore         *store,
                                            const char      *plan_id,
                                            gint64           version);
/* What the window shows, as text: for tests and for copying. */
char       *cp_version_window_dup_outline  (CpVersionWindow *self);
char       *cp_version_window_dup_changes  (CpVersionWindow *self);

G_END_DECLS
