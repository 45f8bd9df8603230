/* cp-contributor-dialog.h — "Who is writing today?"
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_CONTRIBUTOR_DIALOG (cp_contributor_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CpContributorDialog, cp_contributor_dialog, CP, CONTRIBUTOR_DIALOG, AdwMessageDialog)

GtkWidget     *cp_contributor_dialog_new         (GtkWindow     *parent,
                                                  CpStore       *store);
/* Fills in the form and chooses, as pressing "Start Writing" does. */
gboolean       cp_contributor_dialog_choose      (CpContributorDialog *self,
                                                  const char    *name,
                                                  const char    *role,
                                                  CpVoice        voice);

/* Who is writing in @store's plans this session (NULL: no one chosen yet). */
CpContributor *cp_contributor_dialog_get_current (CpStore       *store);
/* Makes @contributor the one writing: the author of new entries and the
 * name in the audit trail. Everyone watching hears "changed" on "contributor". */
void           cp_contributor_dialog_set_current (CpStore       *store,
                                                  CpContributor *contributor);
/* Whether the question was already asked this session (answered or not). */
gboolean       cp_contributor_dialog_was_asked   (CpStore       *store);

G_END_DECLS
