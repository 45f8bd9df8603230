/* cp-monitoring-dialog.h — choose a quarter and save the monitoring return
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_MONITORING_DIALOG (cp_monitoring_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CpMonitoringDialog, cp_monitoring_dialog, CP, MONITORING_DIALOG, AdwWindow)

/* @today (ISO, NULL for today) decides which quarters are offered: the
 * last eight, the one before today's chosen. */
GtkWidget  *cp_monitoring_dialog_new         (CpStore            *store,
                                              const char         *person_id,
                                              const char         *today);
const char *cp_monitoring_dialog_get_quarter (CpMonitoringDialog *self);
/* The figures of the chosen quarter in words, or why there are none. */
const char *cp_monitoring_dialog_get_preview (CpMonitoringDialog *self);
/* Writes the chosen quarter's return to @path (.pdf or .csv). */
gboolean    cp_monitoring_dialog_save        (CpMonitoringDialog *self,
                                              const char         *path,
                                              GError            **error);

G_END_DECLS
