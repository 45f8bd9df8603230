/* cp-import-dialog.h — import people and plans from Coplan XML
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_IMPORT_DIALOG (cp_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CpImportDialog, cp_import_dialog, CP, IMPORT_DIALOG, AdwWindow)

/* A modal window over @parent: choose a file, read what is wrong with it
 * in words or what it will change, then Import. A toast in @parent (a
 * CpWindow) says what was imported. */
CpImportDialog *cp_import_dialog_new         (GtkWindow       *parent,
                                              CpStore         *store);

/* Reads @file as if chosen in the file chooser (tests use it too). */
gboolean        cp_import_dialog_set_file    (CpImportDialog  *self,
                                              GFile           *file,
                                              GError         **error);
/* Imports as the Import button does. */
gboolean        cp_import_dialog_import      (CpImportDialog  *self,
                                              GError         **error);
/* For tests: "choose" or "preview", and the texts shown. */
const char     *cp_import_dialog_get_step    (CpImportDialog  *self);
const char     *cp_import_dialog_get_summary (CpImportDialog  *self);
const char     *cp_import_dialog_get_problem (CpImportDialog  *self);
gboolean        cp_import_dialog_can_import  (CpImportDialog  *self);

G_END_DECLS
