/* cp-xml-parse.h — reading untrusted Coplan XML safely
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RELIABILITY.md §5 on libxml2 2.9.14: parse from a size-capped buffer
 * (no file or URL loading, no decompression), never substitute entities
 * or load a DTD, refuse any DOCTYPE before its declarations are read,
 * limit nesting, then validate with the schema compiled into the
 * program. This layer knows no database, so it can be fuzzed alone.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define CP_XML_IMPORT_ERROR (cp_xml_import_error_quark ())

typedef enum
{
  CP_XML_IMPORT_ERROR_TOO_LARGE,   /* beyond the size cap */
  CP_XML_IMPORT_ERROR_COMPRESSED,  /* gzip or another packed file */
  CP_XML_IMPORT_ERROR_NOT_XML,     /* not well-formed */
  CP_XML_IMPORT_ERROR_DOCTYPE,     /* a DOCTYPE (entities, external DTDs) */
  CP_XML_IMPORT_ERROR_TOO_DEEP,    /* nested deeper than any Coplan file */
  CP_XML_IMPORT_ERROR_NOT_COPLAN,  /* another kind of XML */
  CP_XML_IMPORT_ERROR_VERSION,     /* a format version this Coplan cannot read */
  CP_XML_IMPORT_ERROR_INVALID,     /* breaks the schema or a rule of the data */
  CP_XML_IMPORT_ERROR_CONFLICT,    /* cannot be merged with this database */
} CpXmlImportError;

/* 256 MB: far above a large caseload's export (see docs/benchmarks.md). */
#define CP_XML_IMPORT_MAX_BYTES ((gsize) 256 * 1024 * 1024)
/* <coplan><person><plan><payment><receipt><data> is 6. */
#define CP_XML_MAX_DEPTH 12
/* How many problems one message lists before "and N more". */
#define CP_XML_MAX_PROBLEMS 10

GQuark     cp_xml_import_error_quark (void);

/* Parses and validates @size bytes. Returns: (transfer full) the
 * document, which has the Coplan namespace, format version 1 and
 * passes data/coplan-1.xsd; or NULL with a message naming lines. */
xmlDocPtr  cp_xml_parse_document     (const char  *data,
                                      gsize        size,
                                      GError     **error);

/* Validates a parsed document against the embedded schema. */
gboolean   cp_xml_validate_document  (xmlDocPtr    doc,
                                      GError     **error);


G_END_DECLS
