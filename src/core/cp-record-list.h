/* cp-record-list.h — a lazily fetched list of stored records
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_RECORD_LIST (cp_record_list_get_type ())
G_DECLARE_FINAL_TYPE (CpRecordList, cp_record_list, CP, RECORD_LIST, GObject)

CpRecordList *cp_record_list_new        (CpStore      *store,
                                         GType         item_type,
                                         const char   *parent_id);
const char   *cp_record_list_get_search (CpRecordList *self);
void          cp_record_list_set_search (CpRecordList *self,
                                         const char   *search);
void          cp_record_list_refresh    (CpRecordList *self);
guint         cp_record_list_get_pages_fetched (CpRecordList *self);
guint         cp_record_list_find_position (CpRecordList *self,
                                            const char   *id);

/* Turns what was typed into the value of :search, or NULL. */
typedef char *(*CpRecordListSearchParam) (const char *search);
void          cp_record_list_set_search_extra (CpRecordList           *self,
                                               const char             *id_select,
                                               CpRecordListSearchParam make_param);

G_END_DECLS
