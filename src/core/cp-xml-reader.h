/* cp-xml-reader.h — one streaming pass over untrusted Coplan XML
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a size-capped buffer with libxml2's SAX2 parser under the
 * guards of RELIABILITY.md §5 (no DOCTYPE, no entities, no network, a
 * depth limit), checks the document against the rules of
 * data/coplan-1.xsd as it goes — compiled once from that embedded
 * schema, so there is one source of truth — and hands each record to
 * the caller as soon as its own columns are read. No tree is built, so
 * memory does not grow with the file, and the check costs a fraction of
 * libxml2's XSD validator (see docs/benchmarks.md).
 *
 * The check accepts nothing coplan-1.xsd refuses (test-xml-reader and
 * the fuzz target compare the two on every input); it is stricter in
 * three places: namespaced attributes (xsi:*) are refused, a time of
 * 24:00:00 is refused, and base64 holding characters outside its
 * alphabet is refused (libxml2 skips them).
 *
 * Like cp-xml-parse.c it knows no database and no record classes, so it
 * can be fuzzed alone; element and column names it hands over are
 * interned (compare pointers, or map them once to CpXmlKind and
 * GParamSpec).
 *
 * Records arrive in document order, a parent before its children. A
 * file that turns out to be broken after some records were handed over
 * still fails as a whole: callers must treat what they received as void
 * when FALSE is returned.
 */
#pragma once

#include <glib.h>

#include "cp-xml-parse.h"

G_BEGIN_DECLS

/* One column element of a record. */
typedef struct
{
  const char *name;    /* the element: a property name ("paid-on"), interned */
  const char *text;    /* its value: the text as written for strings,
                        * uuids, NHS numbers and vocabularies; with white
                        * space collapsed for booleans, dates, times and
                        * base64, as XML Schema reads them; numbers never
                        * have any (libxml2 2.9.14 refuses white space
                        * around our restricted integers, so the reader
                        * does too) but may have a sign or leading zeros
                        * ("+007") */
  long        line;
} CpXmlColumn;

/* One record, valid by the schema. Strings (and @columns) live until
 * the callback returns; copy what you keep. Nothing is handed over
 * once any problem has been found, so every event is of a file that
 * is valid so far. */
typedef struct
{
  const char        *element;    /* "payment", interned */
  const char        *id;         /* as written (the schema allows upper case) */
  const char        *created;    /* timestamps with white space collapsed */
  const char        *updated;
  gboolean           deleted;    /* deleted="true" or "1"; FALSE if absent */
  const char        *parent_id;  /* the record it nests in, or NULL at the top */
  long               line;       /* of its start tag */
  const CpXmlColumn *columns;    /* the columns present, in document order */
  guint              n_columns;
} CpXmlRecordEvent;

/* The root element's attributes, handed over at its start tag before
 * any record. */
typedef struct
{
  const char *exported_at;        /* white space collapsed */
  gboolean    receipts_included;  /* receipts="included"; the default is omitted */
} CpXmlHeader;

typedef struct
{
  /* Either may be NULL. Returning FALSE (with @error set) stops the
   * read, which then returns FALSE with that error. */
  gboolean (*header) (const CpXmlHeader      *header,
                      gpointer                user_data,
                      GError                **error);
  gboolean (*record) (const CpXmlRecordEvent *record,
                      gpointer                user_data,
                      GError                **error);
} CpXmlReaderFuncs;

/* Reads and checks @size bytes, calling @funcs (which may be NULL: only
 * check). A record goes to @funcs->record as soon as its columns are
 * complete: at its first child record's start tag, or at its own end
 * tag. Thread-safe: the rules are compiled once, on first use. If a
 * callback returns FALSE, @error is that callback's error; otherwise on
 * failure @error is in CP_XML_IMPORT_ERROR with the same
 * codes and words as cp_xml_parse_document(): TOO_LARGE (over
 * CP_XML_IMPORT_MAX_BYTES), COMPRESSED, NOT_XML, DOCTYPE, TOO_DEEP,
 * NOT_COPLAN, VERSION, and INVALID listing up to CP_XML_MAX_PROBLEMS
 * problems as "Line N: …" (a value that does not fit reads
 * "Line N: <amount-pence> cannot hold “…”."). */
gboolean cp_xml_read (const char             *data,
                      gsize                   size,
                      const CpXmlReaderFuncs *funcs,
                      gpointer                user_data,
                      GError                **error);

/* Private, for test-xml-reader: whether @xsd compiles to the reader's
 * rules; a construct outside the subset it implements is a critical. */
gboolean _cp_xml_reader_compiles (const char *xsd,
                                  gsize       size);

G_END_DECLS
