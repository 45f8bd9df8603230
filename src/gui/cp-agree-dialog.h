/* cp-agree-dialog.h — agreeing a plan: who signs, and when
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_AGREE_DIALOG (cp_agree_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CpAgreeDialog, cp_agree_dialog, CP, AGREE_DIALOG, AdwWindow)

/* @person_name is suggested as the first signer. Emits "agreed" (with
 * the new version number) once the plan is agreed. */
GtkWidget *cp_agree_dialog_new        (GtkWindow     *parent,
                                       CpStore       *store,
                                       const char    *plan_id,
                                       const char    *person_name);
/* Adds an empty signer row (as "Add Someone Else" does). */
void       cp_agree_dialog_add_signer (CpAgreeDialog *self,
                                       const char    *name,
                                       const char    *role);
void       cp_agree_dialog_set_date   (CpAgreeDialog *self,
                                       const char    *typed);
/* Agrees the plan as "Agree Plan" does; FALSE (and the reason shown in
 * the dialog) when refused. */
gboolean   cp_agree_dialog_agree      (CpAgreeDialog *self);

G_END_DECLS
