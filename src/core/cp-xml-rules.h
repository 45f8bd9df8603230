/* cp-xml-rules.h — the rules of coplan-1.xsd, as the streaming reader applies them
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the core library. The reader checks documents against
 * structures compiled once from the embedded data/coplan-1.xsd, so the
 * schema stays the one source of truth; only the small part of XML
 * Schema that file uses is implemented, and anything else makes the
 * compile fail loudly (a critical) rather than be silently ignored.
 *
 * The structures are plain and read-only once compiled: the reader
 * walks them on every element, so it reads them directly.
 */
#pragma once

#include <glib.h>

#include "cp-xml-values.h"

G_BEGIN_DECLS

/* Enough for the record attribute group and the root's three; the
 * reader keeps one offset per attribute on the stack. */
#define CP_XML_MAX_ATTRIBUTES 8

/* One column element of a record type. */
typedef struct
{
  const char           *name;       /* interned */
  const CpXmlValueRule *value;
  gboolean              optional;
} CpXmlColumnRule;

typedef struct
{
  const char           *name;       /* interned */
  const CpXmlValueRule *value;
  gboolean              required;
  char                 *fixed;
  char                 *fallback;   /* the schema's default */
} CpXmlAttributeRule;

typedef struct _CpXmlRecordRule CpXmlRecordRule;

/* A record element allowed inside another. */
typedef struct
{
  const char            *name;      /* the element, interned */
  const CpXmlRecordRule *record;
} CpXmlChildRule;

/* A complex type: columns in order, then any number of child records
 * in any order. The root is one too, without columns. */
struct _CpXmlRecordRule
{
  GArray *columns;      /* CpXmlColumnRule */
  GArray *children;     /* CpXmlChildRule */
  GArray *attributes;   /* CpXmlAttributeRule, at most CP_XML_MAX_ATTRIBUTES */
};

typedef struct
{
  CpXmlChildRule  root;
  const char     *id;       /* interned attribute names the reader hands over */
  const char     *created;
  const char     *updated;
  const char     *deleted;
  const char     *exported_at;
  const char     *receipts;
  const char     *format_version;
  GPtrArray      *values;   /* every CpXmlValueRule, owned here */
} CpXmlRules;

/* The rules of the embedded coplan-1.xsd, compiled on first use
 * (thread-safe) and kept for the life of the program; NULL if they do
 * not compile, after a critical. */
const CpXmlRules         *_cp_xml_rules_get              (void);

/* Compiles @xsd (trusted: our own schema) into rules, or NULL after a
 * critical naming what is outside the supported subset. The result is
 * never freed: for _cp_xml_rules_get() and tests. */
CpXmlRules               *_cp_xml_rules_compile          (const char             *xsd,
                                                          gsize                   size);

/* The attribute or child record named @name (compared as strings), or
 * NULL. */
const CpXmlAttributeRule *_cp_xml_record_rule_attribute  (const CpXmlRecordRule  *record,
                                                          const char             *name);
const CpXmlChildRule     *_cp_xml_record_rule_child      (const CpXmlRecordRule  *record,
                                                          const char             *name);

G_END_DECLS
