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

/* Reads @file as if chosen in the file chooser: in a worker thread on a
 * read-only connection, while the dialog shows Reading with a Stop
 * button; then the preview, or the problem in words. */
void            cp_import_dialog_read_async  (CpImportDialog      *self,
                                              GFile               *file,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean        cp_import_dialog_read_finish (CpImportDialog      *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* For tests: read_async, running the main loop until it is done. */
gboolean        cp_import_dialog_set_file    (CpImportDialog  *self,
                                              GFile           *file,
                                              GError         **error);
/* The Reading page's Stop button: back to Choose, nothing changed; the
 * worker stops within milliseconds. */
void            cp_import_dialog_stop_reading (CpImportDialog *self);
/* Imports now, as the Import button does: the Importing page (its
 * spinner turning) while a worker writes the preview as read, not the
 * file read again, through a sibling connection (cp_store_open_sibling());
 * the main loop runs while this waits. On success the window's store has
 * announced every changed row and the dialog has closed. If something
 * the import would update was edited here since the read, nothing is
 * imported (CP_XML_IMPORT_ERROR_CONFLICT) and the dialog offers to read
 * the file again. */
gboolean        cp_import_dialog_import      (CpImportDialog  *self,
                                              GError         **error);
/* For tests: "choose", "reading", "preview", "importing" or "conflict",
 * and the texts shown (the problem is the conflict's, on its page). */
const char     *cp_import_dialog_get_step    (CpImportDialog  *self);
const char     *cp_import_dialog_get_summary (CpImportDialog  *self);
const char     *cp_import_dialog_get_problem (CpImportDialog  *self);
gboolean        cp_import_dialog_can_import  (CpImportDialog  *self);

G_END_DECLS
