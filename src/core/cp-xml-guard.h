/* cp-xml-guard.h — the safety guards and messages shared by the two
 * readers of untrusted Coplan XML (cp-xml-parse.c and cp-xml-reader.c)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the core library: one place for the parser options, the
 * DOCTYPE and depth refusals of RELIABILITY.md §5, and the words people
 * read when a file is refused, so both readers say the same thing.
 */
#pragma once

#include <glib.h>
#include <libxml/parser.h>

G_BEGIN_DECLS

/* Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE. */
#define CP_XML_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | \
                              XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES)

/* "Line N: …" lines, the first CP_XML_MAX_PROBLEMS of them kept. */
typedef struct
{
  GString *text;
  guint    count;
} CpXmlProblems;

/* What the parser itself refused. A guarded context's _private points
 * at one of these (or at a struct that starts with one). */
typedef struct
{
  CpXmlProblems parse;
  gboolean      doctype;
  gboolean      too_deep;
} CpXmlGuard;

void     _cp_xml_problems_init         (CpXmlProblems    *problems);
void     _cp_xml_problems_clear        (CpXmlProblems    *problems);
void     _cp_xml_problems_add          (CpXmlProblems    *problems,
                                        const char       *line);
void     _cp_xml_problems_set_error    (CpXmlProblems    *problems,
                                        GError          **error);

gboolean _cp_xml_refuse_before_parsing (const char       *data,
                                        gsize             size,
                                        GError          **error);
void     _cp_xml_guard_install         (xmlParserCtxtPtr  ctxt,
                                        CpXmlGuard       *guard);
gboolean _cp_xml_guard_too_deep        (xmlParserCtxtPtr  ctxt);
gboolean _cp_xml_guard_failed          (xmlParserCtxtPtr  ctxt);
void     _cp_xml_guard_set_error       (CpXmlGuard       *guard,
                                        GError          **error);

char    *_cp_xml_plain_message         (const char       *message);
void     _cp_xml_set_not_coplan_error  (GError          **error);
void     _cp_xml_set_version_error     (const char       *version,
                                        GError          **error);

G_END_DECLS
