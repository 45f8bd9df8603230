/* cp-xml-export.h — writing Coplan XML (format version 1)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * <coplan xmlns="https://coplan.github.io/ns/coplan/1" format-version="1"
 *         exported-at="…" receipts="included|omitted">
 * holds <contributor> and <person> records. Each record is an element
 * named after its table ('_' → '-') with id, created and updated
 * attributes (and deleted="true" for a tombstone); each column is a
 * child element named by its property, holding the stored value (pence,
 * ISO dates, enum nicks, true/false, base64 for receipts); NULL is an
 * omitted element. Child records nest inside their parent, so the
 * parent column itself (plan-id inside <plan-entry>) is not written.
 * data/coplan-1.xsd describes it; every export validates against it.
 */
#pragma once

#include <gio/gio.h>

#include "cp-store.h"

G_BEGIN_DECLS

/* A standalone document: the plan's person (their own fields, support
 * network and other person-level records) with just this one plan and
 * everything in it, plus the contributors who wrote in it. Tombstoned
 * rows, agreed plan versions (which hold earlier documents like this
 * one) and receipt files are left out, so two agreed versions diff
 * cleanly and a document never contains its predecessors. */
char     *cp_xml_export_plan (CpStore              *store,
                              const char           *plan_id,
                              GError              **error);

/* Streams the people (NULL: the whole caseload) to @out, one person at
 * a time, with tombstoned rows marked deleted="true" so an import can
 * carry deletions. Receipt files are included as base64 only when
 * @with_receipts. @out is not closed. */
gboolean  cp_xml_export      (CpStore              *store,
                              const char *const    *person_ids,
                              gboolean              with_receipts,
                              GOutputStream        *out,
                              GError              **error);

G_END_DECLS
