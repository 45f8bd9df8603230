/* cp-xml-import-private.h — the parts of CpXmlImport shared by its files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-xml-import.h"
#include "cp-xml-kinds.h"

G_BEGIN_DECLS

/* One record of the file that will change the database. */
typedef struct
{
  CpRecord        *record;    /* the values from the file */
  const CpXmlKind *kind;
  CpXmlChange      change;    /* ADD or UPDATE */
  gboolean         deleted;   /* a tombstone in the file */
  gboolean         was_deleted; /* a tombstone here */
  char            *created;
  char            *updated;
  char            *stored_updated; /* the row's updated_at here when read, for UPDATE */
  long             line;
} CpXmlPending;

typedef struct
{
  char        *name;
  CpXmlChange  change;
  guint        counts[CP_XML_N_CHANGES];  /* their records, themselves included */
} CpXmlPerson;

struct _CpXmlImport
{
  GObject      parent_instance;

  CpStore     *store;
  gsize        max_bytes;
  gboolean     ready;              /* a file was read and can be applied */
  gboolean     receipts_included;  /* else receipt files here are kept */
  GPtrArray   *pending;            /* CpXmlPending * */
  GHashTable  *file_ids;           /* id → table, every record in the file */
  GHashTable  *counts;             /* element → guint[CP_XML_N_CHANGES] */
  GHashTable  *empty_tables;       /* table → 1 empty, 2 not (asked once per read) */
  GPtrArray   *people;             /* CpXmlPerson * */
  guint        totals[CP_XML_N_CHANGES];
  GString     *problems;
  guint        n_problems;
  CpXmlPerson *reading_person;     /* whose records are arriving */
  GCancellable *cancellable;       /* of the read under way, or NULL */
  guint        n_read;             /* records handed over so far */
};

void     _cp_xml_import_reset     (CpXmlImport *self);
void     _cp_xml_import_problem   (CpXmlImport *self,
                                   long         line,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (3, 4);
/* Reads and checks every record of @data and compares it with the
 * database. */
gboolean _cp_xml_import_plan      (CpXmlImport *self,
                                   const char  *data,
                                   gsize        size,
                                   GError     **error);

G_END_DECLS
