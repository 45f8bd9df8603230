/* cp-statement-import-dialog.h — import a bank or card statement (CSV)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_STATEMENT_IMPORT_DIALOG (cp_statement_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CpStatementImportDialog, cp_statement_import_dialog,
                      CP, STATEMENT_IMPORT_DIALOG, AdwWindow)

/* Opens the modal import window over @parent's window: choose a file,
 * map its columns if the layout is not recognised, preview every row,
 * import into @plan_id. A toast in @parent's window says what was added. */
void                     cp_statement_import_dialog_present  (GtkWidget   *parent,
                                                              CpStore     *store,
                                                              const char  *plan_id);

CpStatementImportDialog *cp_statement_import_dialog_new      (GtkWindow   *parent,
                                                              CpStore     *store,
                                                              const char  *plan_id);

/* Loads @file as if chosen in the file chooser (tests use it too). */
gboolean                 cp_statement_import_dialog_set_file (CpStatementImportDialog *self,
                                                              GFile                   *file,
                                                              GError                 **error);

/* For tests: the mapping step's choices, then "Show Rows". */
gboolean                 cp_statement_import_dialog_map      (CpStatementImportDialog  *self,
                                                              const CpStatementMapping *mapping);
/* For tests: import as the confirmation's "Import" (or "Import
 * Duplicates Too") response does, without asking. */
gboolean                 cp_statement_import_dialog_import   (CpStatementImportDialog *self,
                                                              gboolean                 possible_duplicates,
                                                              GError                 **error);
/* For tests: "choose", "mapping" or "preview". */
const char              *cp_statement_import_dialog_get_step (CpStatementImportDialog *self);
const char              *cp_statement_import_dialog_get_summary (CpStatementImportDialog *self);
CpStatement             *cp_statement_import_dialog_get_statement (CpStatementImportDialog *self);
/* For tests: chooses the budget line at @position (0 is "no line"). */
void                     cp_statement_import_dialog_set_line (CpStatementImportDialog *self,
                                                              guint                    position);
/* For tests: chooses the account at @position: the plan's direct-payment
 * and prepaid-card streams by name (after "Choose…" when there
 * are several), then "Not one of these" (the line's stream). */
void                     cp_statement_import_dialog_set_stream (CpStatementImportDialog *self,
                                                                guint                    position);
/* For tests: the chosen account's stream id; NULL when none is chosen. */
const char              *cp_statement_import_dialog_get_stream_id (CpStatementImportDialog *self);

G_END_DECLS
