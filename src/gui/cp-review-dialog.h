/* cp-review-dialog.h — recording a review of a plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_REVIEW_DIALOG (cp_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CpReviewDialog, cp_review_dialog, CP, REVIEW_DIALOG, AdwWindow)

/* With @start_review, saving also puts the agreed plan under review.
 * Emits "saved" after the review is stored. */
GtkWidget *cp_review_dialog_new  (GtkWindow      *parent,
                                  CpStore        *store,
                                  const char     *plan_id,
                                  gboolean        start_review);
void       cp_review_dialog_fill (CpReviewDialog *self,
                                  CpReviewKind    kind,
                                  const char     *date,
                                  const char     *working,
                                  const char     *not_working,
                                  const char     *notes);
gboolean   cp_review_dialog_save (CpReviewDialog *self);

G_END_DECLS
