/* cp-risks-page.h — the Staying Safe tab: risks and how they are managed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"
#include "cp-plan-banner.h"

G_BEGIN_DECLS

#define CP_TYPE_RISKS_PAGE (cp_risks_page_get_type ())
G_DECLARE_FINAL_TYPE (CpRisksPage, cp_risks_page, CP, RISKS_PAGE, AdwBin)

GtkWidget    *cp_risks_page_new        (void);
GtkListBox   *cp_risks_page_get_list   (CpRisksPage *self);
CpPlanBanner *cp_risks_page_get_banner (CpRisksPage *self);
/* Adds a risk at the end of the current plan and opens its row. */
void          cp_risks_page_add_risk   (CpRisksPage *self);
/* Moves the risk at @from to @to and stores the new order. */
gboolean      cp_risks_page_move       (CpRisksPage *self,
                                        guint        from,
                                        guint        to);

G_END_DECLS
