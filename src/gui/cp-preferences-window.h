/* cp-preferences-window.h — the Preferences window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"
#include "cp-application.h"

G_BEGIN_DECLS

#define CP_TYPE_PREFERENCES_WINDOW (cp_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CpPreferencesWindow, cp_preferences_window, CP, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @store: (nullable): whose file is shown and backed up */
GtkWidget *cp_preferences_window_new (CpApplication *application,
                                      CpStore       *store);

G_END_DECLS
