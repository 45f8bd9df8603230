/* cp-xml-import.h — bringing Coplan XML into the database, safely
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two steps, so people see what will happen before anything changes:
 * cp_xml_import_read_*() parses, validates and compares the file with
 * the database (the preview); cp_xml_import_apply() then writes every
 * change in ONE transaction: new records through CpStoreBulkInsert
 * (cp_store_insert()'s checks and audit rows, many rows to a statement),
 * the rest through cp_store_update/tombstone. Any failure rolls back and
 * changes nothing.
 * Records merge by id: new ids are added, known ids whose values differ
 * are updated, the rest are left unchanged. created/updated times come
 * from the file, so an export imported elsewhere exports the same.
 */
#pragma once

#include <gio/gio.h>

#include "cp-store.h"
#include "cp-xml-parse.h"

G_BEGIN_DECLS

typedef enum
{
  CP_XML_CHANGE_ADD,
  CP_XML_CHANGE_UPDATE,
  CP_XML_CHANGE_UNCHANGED,
  CP_XML_N_CHANGES,
} CpXmlChange;

#define CP_TYPE_XML_IMPORT (cp_xml_import_get_type ())
G_DECLARE_FINAL_TYPE (CpXmlImport, cp_xml_import, CP, XML_IMPORT, GObject)

CpXmlImport *cp_xml_import_new            (CpStore        *store);
/* For tests: a smaller cap than CP_XML_IMPORT_MAX_BYTES. */
void         cp_xml_import_set_max_bytes  (CpXmlImport    *self,
                                           gsize           max_bytes);

/* @cancellable is checked while the file loads and every few hundred
 * records while it is read: G_IO_ERROR_CANCELLED, nothing kept. */
gboolean     cp_xml_import_read_file      (CpXmlImport    *self,
                                           GFile          *file,
                                           GCancellable   *cancellable,
                                           GError        **error);
gboolean     cp_xml_import_read_bytes     (CpXmlImport    *self,
                                           GBytes         *bytes,
                                           GError        **error);

/* The preview. @element is a record element ("person", "payment"), or
 * NULL for every record. */
guint        cp_xml_import_count          (CpXmlImport    *self,
                                           const char     *element,
                                           CpXmlChange     change);
/* People in the file (whole people: a person counts as updated when
 * anything of theirs changes). */
guint        cp_xml_import_count_people   (CpXmlImport    *self,
                                           CpXmlChange     change);
guint        cp_xml_import_get_n_people   (CpXmlImport    *self);
const char  *cp_xml_import_get_person_name (CpXmlImport   *self,
                                           guint           index);
CpXmlChange  cp_xml_import_get_person_change (CpXmlImport *self,
                                           guint           index);
/* "Will add 2 people, update 1 and leave 3 unchanged." */
char        *cp_xml_import_dup_summary    (CpXmlImport    *self);
/* The summary, then counts per kind of record and per person. */
char        *cp_xml_import_dup_details    (CpXmlImport    *self);
gboolean     cp_xml_import_has_changes    (CpXmlImport    *self);

gboolean     cp_xml_import_apply          (CpXmlImport    *self,
                                           GError        **error);
/* Applies what was read through another connection to the same
 * database (a read-only one, in a worker thread) through @store, the
 * write connection. A record the import would update that was edited
 * here after the read fails the import (CONFLICT), changing nothing. */
gboolean     cp_xml_import_apply_to       (CpXmlImport    *self,
                                           CpStore        *store,
                                           GError        **error);

G_END_DECLS
