/* cp-children.c — the live child records of one parent, in their order
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cp-children.h"
#include "cp-person.h"
#include "cp-record-list.h"

GPtrArray *
cp_children_load (CpStore *store, GType type, const char *parent_id)
{
  g_autoptr(CpRecordList) list = NULL;
  GPtrArray *records;
  guint n;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  list = cp_record_list_new (store, type, parent_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  records = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      gpointer record = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (record != NULL)
        g_ptr_array_add (records, record);
    }
  return records;
}

gboolean
cp_children_check_people (CpStore *store, const char *const *person_ids, GError **error)
{
  for (guint i = 0; person_ids != NULL && person_ids[i] != NULL; i++)
    {
      g_autoptr(CpPerson) person = cp_store_load (store, CP_TYPE_PERSON, person_ids[i], NULL);

      if (person == NULL || cp_record_get_deleted (CP_RECORD (person)))
        {
          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                       _("There is no person with the id “%s”."), person_ids[i]);
          return FALSE;
        }
    }
  return TRUE;
}
