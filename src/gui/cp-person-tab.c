/* cp-person-tab.c — what every tab about one person can do
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-person-tab.h"

G_DEFINE_INTERFACE (CpPersonTab, cp_person_tab, GTK_TYPE_WIDGET)

static void
cp_person_tab_default_init (CpPersonTabInterface *iface)
{
}

void
cp_person_tab_set_store (CpPersonTab *self, CpStore *store)
{
  g_return_if_fail (CP_IS_PERSON_TAB (self));
  CP_PERSON_TAB_GET_IFACE (self)->set_store (self, store);
}

gboolean
cp_person_tab_set_person_id (CpPersonTab *self, const char *person_id)
{
  g_return_val_if_fail (CP_IS_PERSON_TAB (self), FALSE);
  return CP_PERSON_TAB_GET_IFACE (self)->set_person_id (self, person_id);
}

gboolean
cp_person_tab_flush (CpPersonTab *self)
{
  CpPersonTabInterface *iface;

  g_return_val_if_fail (CP_IS_PERSON_TAB (self), FALSE);
  iface = CP_PERSON_TAB_GET_IFACE (self);
  return iface->flush == NULL || iface->flush (self);
}
