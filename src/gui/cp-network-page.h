/* cp-network-page.h — the Support Network tab: relationship circle and list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"
#include "cp-circle-view.h"

G_BEGIN_DECLS

#define CP_TYPE_NETWORK_PAGE (cp_network_page_get_type ())
G_DECLARE_FINAL_TYPE (CpNetworkPage, cp_network_page, CP, NETWORK_PAGE, AdwBin)

GtkWidget    *cp_network_page_new        (void);
CpCircleView *cp_network_page_get_circle (CpNetworkPage *self);
GtkListBox   *cp_network_page_get_list   (CpNetworkPage *self);
/* Adds someone to the shown person's network and opens their row. */
void          cp_network_page_add_member (CpNetworkPage *self);

G_END_DECLS
