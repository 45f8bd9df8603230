/* cp-export-dialog.h — export this person or everyone, as Coplan XML
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_EXPORT_DIALOG (cp_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CpExportDialog, cp_export_dialog, CP, EXPORT_DIALOG, AdwWindow)

/* A modal window over @parent. @person_id is the person shown (offered
 * first), or NULL to offer only the whole caseload. Export… asks where
 * to save; a toast in @parent (a CpWindow) says what was written. */
CpExportDialog *cp_export_dialog_new          (GtkWindow       *parent,
                                               CpStore         *store,
                                               const char      *person_id);

/* Writes the chosen people to @file as the save dialog's answer does:
 * in a worker thread on a read-only connection, while the dialog shows
 * a busy page with Stop. The file is replaced only once it is complete;
 * a stopped or failed export leaves what was there. */
void            cp_export_dialog_write_async  (CpExportDialog      *self,
                                               GFile               *file,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        cp_export_dialog_write_finish (CpExportDialog      *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* For tests: write_async, running the main loop until it is done. */
gboolean        cp_export_dialog_write        (CpExportDialog  *self,
                                               GFile           *file,
                                               GError         **error);
/* The busy page's Stop button. */
void            cp_export_dialog_stop         (CpExportDialog  *self);
gboolean        cp_export_dialog_is_busy      (CpExportDialog  *self);
/* What the dialog says went wrong, or NULL. */
const char     *cp_export_dialog_get_problem  (CpExportDialog  *self);
/* For tests: choose everyone (TRUE) or the person, and receipts. */
void            cp_export_dialog_set_everyone (CpExportDialog  *self,
                                               gboolean         everyone);
/* 0 Coplan XML, 1 FHIR R4, 2 payments CSV: the format row's order. */
void            cp_export_dialog_set_format   (CpExportDialog     *self,
                                               guint               format);
/* The people a search found, offered as a third choice and picked. */
void            cp_export_dialog_set_found    (CpExportDialog     *self,
                                               const char *const  *person_ids);
void            cp_export_dialog_set_receipts (CpExportDialog  *self,
                                               gboolean         with_receipts);

G_END_DECLS
