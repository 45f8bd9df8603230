/* cp-plan-print.h — printing a person's plan, or saving it as a PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coplan-core.h"
#include "cp-plan-document.h"

G_BEGIN_DECLS

/* Opens the print dialog for the plan of @person_id, laid out on A4 by
 * the same code as the PDF export. @action lets tests export to a file
 * through GTK's print pipeline without a dialog. */
GtkPrintOperationResult cp_plan_print_run (GtkWindow                *parent,
                                           CpStore                  *store,
                                           const char               *person_id,
                                           CpPlanDocumentKind        kind,
                                           GtkPrintOperationAction   action,
                                           const char               *export_filename,
                                           GError                  **error);

/* "Mina Khan — support plan.pdf", "Mina Khan — easy read plan.pdf". */
char                   *cp_plan_print_suggest_filename (CpStore            *store,
                                                        const char         *person_id,
                                                        CpPlanDocumentKind  kind);

/* Parses "standard" / "easy-read", the actions' target. */
gboolean                cp_plan_print_kind_from_string (const char         *text,
                                                        CpPlanDocumentKind *kind);

G_END_DECLS
