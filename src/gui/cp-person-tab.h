/* cp-person-tab.h — what every tab about one person can do
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CpPersonView holds one widget per tab (profile, plan, budget …) and
 * drives them all through this interface: give them the store, tell them
 * who is shown, and ask them to save what is pending before that changes.
 */
#pragma once

#include <gtk/gtk.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_PERSON_TAB (cp_person_tab_get_type ())
G_DECLARE_INTERFACE (CpPersonTab, cp_person_tab, CP, PERSON_TAB, GtkWidget)

struct _CpPersonTabInterface
{
  GTypeInterface parent_iface;

  void     (*set_store)     (CpPersonTab *self,
                             CpStore     *store);
  /* Saves what is pending, then shows @person_id (NULL: no one). Returns
   * FALSE, and keeps showing the old person, when something typed was
   * refused and must not be lost. */
  gboolean (*set_person_id) (CpPersonTab *self,
                             const char  *person_id);
  /* Saves every pending edit now; FALSE when something was refused. */
  gboolean (*flush)         (CpPersonTab *self);
};

void     cp_person_tab_set_store     (CpPersonTab *self,
                                      CpStore     *store);
gboolean cp_person_tab_set_person_id (CpPersonTab *self,
                                      const char  *person_id);
gboolean cp_person_tab_flush         (CpPersonTab *self);

G_END_DECLS
