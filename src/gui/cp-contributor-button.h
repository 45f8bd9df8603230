/* cp-contributor-button.h — "Writing as Sam (advocate)", in the window's header
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_CONTRIBUTOR_BUTTON (cp_contributor_button_get_type ())
G_DECLARE_FINAL_TYPE (CpContributorButton, cp_contributor_button, CP, CONTRIBUTOR_BUTTON, GtkButton)

GtkWidget *cp_contributor_button_new       (void);
/* The store is found through the window (its "store" property) when the
 * button is placed in one; tests may set it directly. */
void       cp_contributor_button_set_store (CpContributorButton *self,
                                            CpStore             *store);

/* "Writing as Sam (advocate)" for @contributor; "Who is writing?" for NULL. */
char      *cp_contributor_button_describe  (CpContributor       *contributor);

G_END_DECLS
