/* cp-rating-dialog.h — asks how an outcome is going, on the goal attainment scale
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CP_TYPE_RATING_DIALOG (cp_rating_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CpRatingDialog, cp_rating_dialog, CP, RATING_DIALOG, AdwMessageDialog)

/* Responses "cancel" and "add"; "add" is enabled only while the date is right. */
CpRatingDialog *cp_rating_dialog_new        (GtkWindow      *parent,
                                             const char     *outcome);
int             cp_rating_dialog_get_score  (CpRatingDialog *self);
void            cp_rating_dialog_set_score  (CpRatingDialog *self,
                                             int             score);
/* (nullable): the date as ISO, NULL while what is typed is refused. */
const char     *cp_rating_dialog_get_date   (CpRatingDialog *self);
const char     *cp_rating_dialog_get_note   (CpRatingDialog *self);
AdwEntryRow    *cp_rating_dialog_get_date_row (CpRatingDialog *self);
AdwEntryRow    *cp_rating_dialog_get_note_row (CpRatingDialog *self);
/* The explanation shown under the date, or NULL. */
const char     *cp_rating_dialog_get_error  (CpRatingDialog *self);

G_END_DECLS
