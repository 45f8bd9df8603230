/* cp-person-page.h — one person's details, saved as they are typed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_PERSON_PAGE (cp_person_page_get_type ())
G_DECLARE_FINAL_TYPE (CpPersonPage, cp_person_page, CP, PERSON_PAGE, AdwBin)

/* How long after the last keystroke an edit is saved. */
#define CP_PERSON_PAGE_SAVE_DELAY_MS 500

GtkWidget  *cp_person_page_new           (void);
void        cp_person_page_set_store     (CpPersonPage *self,
                                          CpStore      *store);
/* Saves what is pending, then shows @person_id (NULL shows no one). */
gboolean    cp_person_page_set_person_id (CpPersonPage *self,
                                          const char   *person_id);
const char *cp_person_page_get_person_id (CpPersonPage *self);
const char *cp_person_page_get_title     (CpPersonPage *self);
/* Saves every pending edit now. FALSE when something was refused. */
gboolean    cp_person_page_flush         (CpPersonPage *self);
gboolean    cp_person_page_has_pending   (CpPersonPage *self);
void        cp_person_page_focus_first   (CpPersonPage *self);

G_END_DECLS
