/* cp-xml-kinds.h — which records Coplan XML carries, and where they nest
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the exporter and the importer. Built from CpRecord class
 * metadata: a record's element is its table with '_' as '-', and it
 * nests inside the record its parent column points at ("plan_id" →
 * inside <plan>), so new columns travel without code changes here.
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_XML_NAMESPACE      "https://coplan.github.io/ns/coplan/1"
#define CP_XML_FORMAT_VERSION "1"

typedef struct _CpXmlKind CpXmlKind;

struct _CpXmlKind
{
  GType          type;
  CpRecordClass *klass;
  const char    *table;
  char          *element;        /* "plan-entry" */
  CpXmlKind     *parent;         /* NULL at the top level */
  GParamSpec    *parent_pspec;   /* the column implied by nesting, or NULL */
  GPtrArray     *children;       /* CpXmlKind *, in document order */
  char          *select_sql;     /* every row of one parent (or all), in order */
  char          *export_sql;     /* select_sql plus, after the columns, one flag
                                  * per child kind: whether the row has any */
};

/* Every kind, parents before children; owned by the library. */
GPtrArray       *cp_xml_kinds              (void);
const CpXmlKind *cp_xml_kind_for_element   (const char *element);
const CpXmlKind *cp_xml_kind_for_table     (const char *table);
/* Tables deliberately not carried in Coplan XML (local settings, audit). */
gboolean         cp_xml_table_is_local     (const char *table);

G_END_DECLS
