/* cp-person-view.h — everything about one person, one tab per part
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"
#include "cp-person-page.h"

G_BEGIN_DECLS

#define CP_TYPE_PERSON_VIEW (cp_person_view_get_type ())
G_DECLARE_FINAL_TYPE (CpPersonView, cp_person_view, CP, PERSON_VIEW, AdwBin)

void          cp_person_view_set_store     (CpPersonView *self,
                                            CpStore      *store);
/* Saves what every tab has pending, then shows @person_id in all of them. */
gboolean      cp_person_view_set_person_id (CpPersonView *self,
                                            const char   *person_id);
const char   *cp_person_view_get_person_id (CpPersonView *self);
gboolean      cp_person_view_flush         (CpPersonView *self);
CpPersonPage *cp_person_view_get_profile   (CpPersonView *self);
AdwViewStack *cp_person_view_get_stack     (CpPersonView *self);
/* Shows the tab named @name ("profile", "plan", "budget" …). */
void          cp_person_view_show_tab      (CpPersonView *self,
                                            const char   *name);

void          cp_person_view_use_switcher_title (CpPersonView         *self,
                                                 AdwViewSwitcherTitle *title);

G_END_DECLS
