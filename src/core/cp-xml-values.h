/* cp-xml-values.h — the value checks of the streaming Coplan XML reader
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the core library. Plain C for the few built-in types,
 * patterns and facets coplan-1.xsd uses, so that checking a value costs
 * no regular expression and no XML Schema machinery. cp-xml-rules.c
 * builds the CpXmlValueRules from the schema; cp-xml-reader.c checks
 * each attribute and column text against one.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The built-in types coplan-1.xsd derives from. */
typedef enum
{
  CP_XML_BASE_STRING,
  CP_XML_BASE_BOOLEAN,
  CP_XML_BASE_LONG,
  CP_XML_BASE_DATE,
  CP_XML_BASE_DATE_TIME,
  CP_XML_BASE_BASE64,
} CpXmlBase;

/* The only patterns coplan-1.xsd uses; any other is refused when the
 * rules are compiled rather than silently ignored. */
typedef enum
{
  CP_XML_PATTERN_NONE,
  CP_XML_PATTERN_UUID,
  CP_XML_PATTERN_TIMESTAMP,
  CP_XML_PATTERN_DATE,
  CP_XML_PATTERN_TEN_DIGITS,
} CpXmlPattern;

/* A simple type: a base narrowed by at most one pattern, a range or an
 * enumeration. */
typedef struct
{
  CpXmlBase     base;
  CpXmlPattern  pattern;
  gint64        min;       /* xs:long bounds */
  gint64        max;
  GPtrArray    *choices;   /* enumeration values, or NULL for any */
} CpXmlValueRule;

/* XML white space. Inline: the reader runs it over every character
 * between elements. */
static inline gboolean
_cp_xml_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Fills the uuid lookup table; call once before any check. */
void     _cp_xml_values_init  (void);

/* xs:long: an optional sign, then digits (leading zeros allowed). */
gboolean _cp_xml_parse_long   (const char            *text,
                               gint64                *value);

/* Whether the tail of @texts from @start (NUL-terminated) fits @rule.
 * Collapses that tail's white space in place first, where XML Schema
 * does. */
gboolean _cp_xml_value_fits   (const CpXmlValueRule  *rule,
                               GString               *texts,
                               gsize                  start);

G_END_DECLS
