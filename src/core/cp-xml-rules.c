/* cp-xml-rules.c — compiling the rules of the streaming reader from coplan-1.xsd
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the small part of XML Schema the embedded schema uses: named
 * simple types restricting a built-in one, complex types holding a
 * sequence of columns then a choice of child records, attributes and
 * attribute groups. The schema is walked as a tree once (it is our
 * own, so trusted), and anything outside that part is a critical.
 */
#define G_LOG_DOMAIN "cp-xml"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cp-reference.h"
#include "cp-xml-kinds.h"
#include "cp-xml-rules.h"

#define XS_NAMESPACE "http://www.w3.org/2001/XMLSchema"

typedef struct
{
  GHashTable *simple_types;    /* name → xmlNodePtr */
  GHashTable *complex_types;
  GHashTable *groups;
  GHashTable *values;          /* name → CpXmlValueRule *, or NULL while compiling */
  GHashTable *records;         /* name → CpXmlRecordRule * */
  GPtrArray  *owned;           /* every CpXmlValueRule made */
  gboolean    failed;
} Compiler;

/* The schema uses something this reader does not implement: say so
 * loudly, so a schema change cannot slip past the check unnoticed. */
static void
unsupported (Compiler *c, xmlNodePtr node, const char *what)
{
  g_critical ("coplan-1.xsd line %ld: %s is outside the part of XML Schema "
              "cp-xml-rules.c implements", node ? xmlGetLineNo (node) : 0L, what);
  c->failed = TRUE;
}

static gboolean
is_xs (xmlNodePtr node, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST XS_NAMESPACE) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

/* The next element from @node on; comments and white space are
 * skipped, anything else is unsupported. */
static xmlNodePtr
element_from (Compiler *c, xmlNodePtr node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE)
        return node;
      if (node->type != XML_COMMENT_NODE && !xmlIsBlankNode (node))
        unsupported (c, node, "text or other content");
    }
  return NULL;
}

#define FOR_EACH_ELEMENT(c, parent, child) \
  for (xmlNodePtr child = element_from (c, (parent)->children); child != NULL; \
       child = element_from (c, child->next))

static char *
attribute (xmlNodePtr node, const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* Every attribute of @node is one of @allowed. */
static void
only_attributes (Compiler *c, xmlNodePtr node, const char *const *allowed)
{
  for (xmlAttrPtr a = node->properties; a != NULL; a = a->next)
    if (a->ns != NULL || !g_strv_contains (allowed, (const char *) a->name))
      unsupported (c, node, (const char *) a->name);
}

/* Resolves a QName: TRUE with @local set when it is in @namespace. */
static gboolean
qname_in (xmlNodePtr node, const char *qname, const char *namespace, const char **local)
{
  const char *colon = strchr (qname, ':');
  g_autofree char *prefix = colon ? g_strndup (qname, (gsize) (colon - qname)) : NULL;
  xmlNsPtr ns = xmlSearchNs (node->doc, node, BAD_CAST prefix);

  *local = colon ? colon + 1 : qname;
  return ns != NULL && xmlStrEqual (ns->href, BAD_CAST namespace);
}

static CpXmlValueRule *
builtin_value (Compiler *c, xmlNodePtr node, const char *name)
{
  static const struct { const char *name; CpXmlBase base; } builtins[] = {
    { "string", CP_XML_BASE_STRING }, { "boolean", CP_XML_BASE_BOOLEAN },
    { "long", CP_XML_BASE_LONG }, { "date", CP_XML_BASE_DATE },
    { "dateTime", CP_XML_BASE_DATE_TIME }, { "base64Binary", CP_XML_BASE_BASE64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (strcmp (name, builtins[i].name) == 0)
      {
        CpXmlValueRule *rule = g_new0 (CpXmlValueRule, 1);

        g_ptr_array_add (c->owned, rule);
        rule->base = builtins[i].base;
        rule->min = G_MININT64;
        rule->max = G_MAXINT64;
        return rule;
      }
  unsupported (c, node, name);
  return NULL;
}

static const CpXmlValueRule *compile_simple_type (Compiler *c, xmlNodePtr node);

/* A copy of the value rule @qname names, to restrict further. */
static CpXmlValueRule *
value_for_qname (Compiler *c, xmlNodePtr node, const char *qname)
{
  const char *local;
  const CpXmlValueRule *named;
  CpXmlValueRule *copy;

  if (qname_in (node, qname, XS_NAMESPACE, &local))
    return builtin_value (c, node, local);
  if (!qname_in (node, qname, CP_XML_NAMESPACE, &local))
    {
      unsupported (c, node, qname);
      return NULL;
    }
  if (g_hash_table_contains (c->values, local) && g_hash_table_lookup (c->values, local) == NULL)
    {
      unsupported (c, node, "a type derived from itself");
      return NULL;
    }
  named = g_hash_table_lookup (c->values, local);
  if (named == NULL)
    {
      xmlNodePtr type = g_hash_table_lookup (c->simple_types, local);

      if (type == NULL)
        {
          unsupported (c, node, qname);
          return NULL;
        }
      g_hash_table_insert (c->values, g_strdup (local), NULL);
      named = compile_simple_type (c, type);
      g_hash_table_insert (c->values, g_strdup (local), (gpointer) named);
      if (named == NULL)
        return NULL;
    }
  copy = g_memdup2 (named, sizeof *named);
  g_ptr_array_add (c->owned, copy);
  copy->choices = named->choices ? g_ptr_array_ref (named->choices) : NULL;
  return copy;
}

static CpXmlPattern
pattern_for (const char *pattern)
{
  static const struct { const char *text; CpXmlPattern pattern; } known[] = {
    { "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
      CP_XML_PATTERN_UUID },
    { "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", CP_XML_PATTERN_TIMESTAMP },
    { "\\d{4}-\\d{2}-\\d{2}", CP_XML_PATTERN_DATE },
    { "[0-9]{10}", CP_XML_PATTERN_TEN_DIGITS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strcmp (pattern, known[i].text) == 0)
      return known[i].pattern;
  return CP_XML_PATTERN_NONE;
}

/* Which base each known pattern may restrict. */
static gboolean
pattern_suits (CpXmlPattern pattern, CpXmlBase base)
{
  switch (pattern)
    {
    case CP_XML_PATTERN_UUID:
    case CP_XML_PATTERN_TEN_DIGITS:
      return base == CP_XML_BASE_STRING;
    case CP_XML_PATTERN_TIMESTAMP:
      return base == CP_XML_BASE_DATE_TIME;
    case CP_XML_PATTERN_DATE:
      return base == CP_XML_BASE_DATE;
    case CP_XML_PATTERN_NONE:
    default:
      return FALSE;
    }
}

static void
add_facet (Compiler *c, CpXmlValueRule *rule, xmlNodePtr facet)
{
  static const char *const value_only[] = { "value", NULL };
  g_autofree char *value = attribute (facet, "value");
  gint64 n;

  only_attributes (c, facet, value_only);
  if (value == NULL)
    unsupported (c, facet, "a facet without a value");
  else if (is_xs (facet, "pattern") && rule->pattern == CP_XML_PATTERN_NONE &&
           rule->choices == NULL &&
           pattern_suits (pattern_for (value), rule->base))
    rule->pattern = pattern_for (value);
  else if (is_xs (facet, "enumeration") && rule->base == CP_XML_BASE_STRING &&
           rule->pattern == CP_XML_PATTERN_NONE)
    {
      if (rule->choices == NULL)
        rule->choices = g_ptr_array_new ();
      g_ptr_array_add (rule->choices, (gpointer) g_intern_string (value));
    }
  else if (is_xs (facet, "minInclusive") && rule->base == CP_XML_BASE_LONG &&
           _cp_xml_parse_long (value, &n))
    rule->min = MAX (rule->min, n);
  else if (is_xs (facet, "maxInclusive") && rule->base == CP_XML_BASE_LONG &&
           _cp_xml_parse_long (value, &n))
    rule->max = MIN (rule->max, n);
  else
    unsupported (c, facet, (const char *) facet->name);
}

static const CpXmlValueRule *
compile_restriction (Compiler *c, xmlNodePtr node)
{
  static const char *const base_only[] = { "base", NULL };
  g_autofree char *base = attribute (node, "base");
  CpXmlValueRule *rule;
  gboolean derived_choices;

  only_attributes (c, node, base_only);
  if (base == NULL)
    {
      unsupported (c, node, "a restriction without a base");
      return NULL;
    }
  rule = value_for_qname (c, node, base);
  if (rule == NULL)
    return NULL;
  /* A restriction of an enumeration by another enumeration is an
   * intersection; no schema of ours needs one. */
  derived_choices = rule->choices != NULL;
  FOR_EACH_ELEMENT (c, node, facet)
    {
      if (derived_choices && is_xs (facet, "enumeration"))
        unsupported (c, facet, "an enumeration restricting an enumeration");
      else
        add_facet (c, rule, facet);
    }
  return rule;
}

static const CpXmlValueRule *
compile_simple_type (Compiler *c, xmlNodePtr node)
{
  static const char *const name_only[] = { "name", NULL };
  xmlNodePtr restriction = element_from (c, node->children);

  only_attributes (c, node, name_only);
  if (!is_xs (restriction, "restriction") || element_from (c, restriction->next) != NULL)
    {
      unsupported (c, node, "a simple type other than one restriction");
      return NULL;
    }
  return compile_restriction (c, restriction);
}

/* The value rule of an element or attribute: its type attribute, or
 * an inline simple type. */
static const CpXmlValueRule *
value_of (Compiler *c, xmlNodePtr node)
{
  g_autofree char *type = attribute (node, "type");
  xmlNodePtr inline_type = element_from (c, node->children);

  if (type != NULL && inline_type == NULL)
    return value_for_qname (c, node, type);
  if (type == NULL && is_xs (inline_type, "simpleType") &&
      element_from (c, inline_type->next) == NULL)
    return compile_simple_type (c, inline_type);
  unsupported (c, node, "a declaration without one simple type");
  return NULL;
}

static void
add_column (Compiler *c, CpXmlRecordRule *record, xmlNodePtr node)
{
  static const char *const allowed[] = { "name", "type", "minOccurs", "maxOccurs", NULL };
  g_autofree char *name = attribute (node, "name");
  g_autofree char *min = attribute (node, "minOccurs");
  g_autofree char *max = attribute (node, "maxOccurs");
  CpXmlColumnRule column = { 0 };

  only_attributes (c, node, allowed);
  if (name == NULL || (min && strcmp (min, "0") != 0 && strcmp (min, "1") != 0) ||
      (max && strcmp (max, "1") != 0))
    {
      unsupported (c, node, "a column that is not one optional or required element");
      return;
    }
  column.name = g_intern_string (name);
  column.optional = min && strcmp (min, "0") == 0;
  column.value = value_of (c, node);
  g_array_append_val (record->columns, column);
}

static const CpXmlRecordRule *compile_complex_type (Compiler *c, xmlNodePtr node);

static const CpXmlRecordRule *
record_for_qname (Compiler *c, xmlNodePtr node, const char *qname)
{
  const char *local;
  const CpXmlRecordRule *record;
  xmlNodePtr type;

  if (!qname_in (node, qname, CP_XML_NAMESPACE, &local) ||
      (type = g_hash_table_lookup (c->complex_types, local)) == NULL)
    {
      unsupported (c, node, "a record whose type is not a named complex type");
      return NULL;
    }
  record = g_hash_table_lookup (c->records, local);
  if (record == NULL && !g_hash_table_contains (c->records, local))
    {
      g_hash_table_insert (c->records, g_strdup (local), NULL);
      record = compile_complex_type (c, type);
      g_hash_table_insert (c->records, g_strdup (local), (gpointer) record);
    }
  else if (record == NULL)
    unsupported (c, node, "a record nested in itself");
  return record;
}

/* <xs:choice minOccurs="0" maxOccurs="unbounded"> of records. */
static void
add_children (Compiler *c, CpXmlRecordRule *record, xmlNodePtr choice)
{
  static const char *const occurs[] = { "minOccurs", "maxOccurs", NULL };
  static const char *const allowed[] = { "name", "type", NULL };
  g_autofree char *min = attribute (choice, "minOccurs");
  g_autofree char *max = attribute (choice, "maxOccurs");

  only_attributes (c, choice, occurs);
  if (g_strcmp0 (min, "0") != 0 || g_strcmp0 (max, "unbounded") != 0)
    unsupported (c, choice, "a choice that is not minOccurs=\"0\" maxOccurs=\"unbounded\"");
  FOR_EACH_ELEMENT (c, choice, node)
    {
      g_autofree char *name = attribute (node, "name");
      g_autofree char *type = attribute (node, "type");
      CpXmlChildRule child;

      only_attributes (c, node, allowed);
      if (!is_xs (node, "element") || name == NULL || type == NULL || node->children != NULL)
        {
          unsupported (c, node, "a choice of anything but record elements");
          continue;
        }
      child.name = g_intern_string (name);
      child.record = record_for_qname (c, node, type);
      g_array_append_val (record->children, child);
    }
}

/* <xs:sequence> of columns, optionally ending with a choice of records. */
static void
add_sequence (Compiler *c, CpXmlRecordRule *record, xmlNodePtr sequence)
{
  static const char *const none[] = { NULL };

  only_attributes (c, sequence, none);
  FOR_EACH_ELEMENT (c, sequence, node)
    {
      if (record->children->len > 0)
        unsupported (c, node, "an element after the choice of records");
      else if (is_xs (node, "element"))
        add_column (c, record, node);
      else if (is_xs (node, "choice"))
        add_children (c, record, node);
      else
        unsupported (c, node, (const char *) node->name);
    }
}

static void
add_attribute (Compiler *c, CpXmlRecordRule *record, xmlNodePtr node)
{
  static const char *const allowed[] = { "name", "type", "use", "fixed", "default", NULL };
  g_autofree char *name = attribute (node, "name");
  g_autofree char *use = attribute (node, "use");
  CpXmlAttributeRule rule = { 0 };

  only_attributes (c, node, allowed);
  if (name == NULL || (use && strcmp (use, "required") != 0 && strcmp (use, "optional") != 0))
    {
      unsupported (c, node, "an attribute without a name or with another use");
      return;
    }
  rule.name = g_intern_string (name);
  rule.required = g_strcmp0 (use, "required") == 0;
  rule.fixed = attribute (node, "fixed");
  rule.fallback = attribute (node, "default");
  rule.value = value_of (c, node);
  if (rule.fixed != NULL && (rule.value == NULL || rule.value->base != CP_XML_BASE_STRING))
    unsupported (c, node, "a fixed value on anything but a string");
  if (rule.fallback != NULL && rule.required)
    unsupported (c, node, "a default on a required attribute");
  if (record->attributes->len == CP_XML_MAX_ATTRIBUTES)
    unsupported (c, node, "this many attributes");
  else
    g_array_append_val (record->attributes, rule);
}

static void
add_group (Compiler *c, CpXmlRecordRule *record, xmlNodePtr node)
{
  static const char *const ref_only[] = { "ref", NULL };
  g_autofree char *ref = attribute (node, "ref");
  const char *local;
  xmlNodePtr group;

  only_attributes (c, node, ref_only);
  if (ref == NULL || !qname_in (node, ref, CP_XML_NAMESPACE, &local) ||
      (group = g_hash_table_lookup (c->groups, local)) == NULL)
    {
      unsupported (c, node, "an attribute group that is not named in this schema");
      return;
    }
  FOR_EACH_ELEMENT (c, group, child)
    {
      if (is_xs (child, "attribute"))
        add_attribute (c, record, child);
      else
        unsupported (c, child, (const char *) child->name);
    }
}

static CpXmlRecordRule *
record_new (void)
{
  CpXmlRecordRule *record = g_new0 (CpXmlRecordRule, 1);

  record->columns = g_array_new (FALSE, TRUE, sizeof (CpXmlColumnRule));
  record->children = g_array_new (FALSE, TRUE, sizeof (CpXmlChildRule));
  record->attributes = g_array_new (FALSE, TRUE, sizeof (CpXmlAttributeRule));
  return record;
}

/* XML Schema's Unique Particle Attribution, as this reader needs it:
 * an element name means one thing inside one record. */
static void
check_names_unique (Compiler *c, xmlNodePtr node, const CpXmlRecordRule *record)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < record->columns->len; i++)
    if (!g_hash_table_add (seen,
                           (gpointer) g_array_index (record->columns, CpXmlColumnRule, i).name))
      unsupported (c, node, "an element named twice in one type");
  for (guint i = 0; i < record->children->len; i++)
    if (!g_hash_table_add (seen,
                           (gpointer) g_array_index (record->children, CpXmlChildRule, i).name))
      unsupported (c, node, "an element named twice in one type");
  g_hash_table_remove_all (seen);
  for (guint i = 0; i < record->attributes->len; i++)
    if (!g_hash_table_add (seen, (gpointer) g_array_index (record->attributes,
                                                           CpXmlAttributeRule, i).name))
      unsupported (c, node, "an attribute named twice in one type");
}

static const CpXmlRecordRule *
compile_complex_type (Compiler *c, xmlNodePtr node)
{
  static const char *const name_only[] = { "name", NULL };
  CpXmlRecordRule *record = record_new ();
  gboolean content_done = FALSE;

  only_attributes (c, node, name_only);
  FOR_EACH_ELEMENT (c, node, child)
    {
      if (is_xs (child, "sequence") && !content_done)
        add_sequence (c, record, child);
      else if (is_xs (child, "choice") && !content_done)
        add_children (c, record, child);
      else if (is_xs (child, "attribute"))
        add_attribute (c, record, child);
      else if (is_xs (child, "attributeGroup"))
        add_group (c, record, child);
      else
        unsupported (c, child, (const char *) child->name);
      content_done = TRUE;
    }
  check_names_unique (c, node, record);
  return record;
}

/* What the reader itself relies on: every record has a uuid id (its
 * children's parent id), the root has the format version. */
static void
check_shape (Compiler *c, xmlNodePtr node, CpXmlRules *rules)
{
  const CpXmlRecordRule *root = rules->root.record;
  const CpXmlAttributeRule *version =
    root ? _cp_xml_record_rule_attribute (root, rules->format_version) : NULL;
  GHashTableIter iter;
  gpointer record;

  if (strcmp (rules->root.name, "coplan") != 0 || root == NULL || root->columns->len > 0)
    unsupported (c, node, "a root other than <coplan> holding records");
  if (version == NULL || g_strcmp0 (version->fixed, CP_XML_FORMAT_VERSION) != 0)
    unsupported (c, node, "a root without the fixed format-version");
  g_hash_table_iter_init (&iter, c->records);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    {
      const CpXmlAttributeRule *id =
        record ? _cp_xml_record_rule_attribute (record, rules->id) : NULL;
      const CpXmlAttributeRule *created =
        record ? _cp_xml_record_rule_attribute (record, rules->created) : NULL;
      const CpXmlAttributeRule *updated =
        record ? _cp_xml_record_rule_attribute (record, rules->updated) : NULL;
      const CpXmlAttributeRule *deleted =
        record ? _cp_xml_record_rule_attribute (record, rules->deleted) : NULL;

      if (id == NULL || !id->required || id->value == NULL ||
          id->value->pattern != CP_XML_PATTERN_UUID ||
          created == NULL || !created->required || updated == NULL || !updated->required ||
          deleted == NULL || deleted->value == NULL || deleted->value->base != CP_XML_BASE_BOOLEAN)
        unsupported (c, node, "a record without the id, created, updated and deleted attributes");
    }
}

static void
index_schema (Compiler *c, xmlNodePtr schema, xmlNodePtr *root)
{
  FOR_EACH_ELEMENT (c, schema, node)
    {
      g_autofree char *name = attribute (node, "name");
      GHashTable *table = NULL;

      if (is_xs (node, "simpleType"))
        table = c->simple_types;
      else if (is_xs (node, "complexType"))
        table = c->complex_types;
      else if (is_xs (node, "attributeGroup"))
        table = c->groups;
      else if (is_xs (node, "element") && *root == NULL)
        *root = node;
      else
        unsupported (c, node, (const char *) node->name);
      if (table != NULL && name != NULL)
        g_hash_table_insert (table, g_steal_pointer (&name), node);
      else if (table != NULL)
        unsupported (c, node, "an unnamed top-level type");
    }
}

static void
check_schema_element (Compiler *c, xmlNodePtr schema)
{
  static const char *const allowed[] = { "targetNamespace", "elementFormDefault",
                                         "attributeFormDefault", "version", NULL };
  g_autofree char *target = attribute (schema, "targetNamespace");
  g_autofree char *elements = attribute (schema, "elementFormDefault");
  g_autofree char *attributes = attribute (schema, "attributeFormDefault");

  only_attributes (c, schema, allowed);
  if (!is_xs (schema, "schema") || g_strcmp0 (target, CP_XML_NAMESPACE) != 0 ||
      g_strcmp0 (elements, "qualified") != 0 ||
      (attributes != NULL && strcmp (attributes, "unqualified") != 0))
    unsupported (c, schema, "a schema other than one qualified target namespace");
}

static void
compile_root (Compiler *c, xmlNodePtr node, CpXmlRules *rules)
{
  static const char *const name_only[] = { "name", NULL };
  g_autofree char *name = attribute (node, "name");
  xmlNodePtr type = element_from (c, node->children);

  only_attributes (c, node, name_only);
  if (name == NULL || !is_xs (type, "complexType") || element_from (c, type->next) != NULL)
    {
      unsupported (c, node, "a root element without an inline complex type");
      return;
    }
  rules->root.name = g_intern_string (name);
  rules->root.record = compile_complex_type (c, type);
}

static CpXmlRules *
compile_rules (xmlDocPtr doc)
{
  Compiler c = {
    .simple_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .complex_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .owned = g_ptr_array_new (),
  };
  xmlNodePtr schema = xmlDocGetRootElement (doc);
  xmlNodePtr root = NULL;
  CpXmlRules *rules = g_new0 (CpXmlRules, 1);

  rules->id = g_intern_static_string ("id");
  rules->created = g_intern_static_string ("created");
  rules->updated = g_intern_static_string ("updated");
  rules->deleted = g_intern_static_string ("deleted");
  rules->exported_at = g_intern_static_string ("exported-at");
  rules->receipts = g_intern_static_string ("receipts");
  rules->format_version = g_intern_static_string ("format-version");
  check_schema_element (&c, schema);
  index_schema (&c, schema, &root);
  if (root != NULL)
    compile_root (&c, root, rules);
  else
    unsupported (&c, schema, "a schema without a root element");
  if (!c.failed)
    check_shape (&c, root, rules);
  g_hash_table_unref (c.simple_types);
  g_hash_table_unref (c.complex_types);
  g_hash_table_unref (c.groups);
  g_hash_table_unref (c.values);
  g_hash_table_unref (c.records);
  rules->values = c.owned;
  /* The rules live as long as the program; on failure they are
   * leaked, as the reader then refuses every file. */
  return c.failed ? NULL : rules;
}

/* The XSD is our own, compiled into the program: trusted. */
CpXmlRules *
_cp_xml_rules_compile (const char *xsd, gsize size)
{
  xmlDocPtr doc;
  CpXmlRules *rules;

  doc = xmlReadMemory (xsd, (int) size, "coplan-1.xsd", NULL, XML_PARSE_NONET);
  if (doc == NULL)
    {
      g_critical ("The embedded coplan-1.xsd is not well-formed");
      return NULL;
    }
  rules = compile_rules (doc);
  xmlFreeDoc (doc);
  return rules;
}

static gpointer
load_rules (gpointer data)
{
  g_autoptr(GBytes) bytes = cp_reference_lookup ("coplan-1.xsd", NULL);
  gsize size;
  const char *xsd;

  if (bytes == NULL)
    {
      g_critical ("The embedded coplan-1.xsd is missing");
      return NULL;
    }
  _cp_xml_values_init ();
  xsd = g_bytes_get_data (bytes, &size);
  return _cp_xml_rules_compile (xsd, size);
}

const CpXmlRules *
_cp_xml_rules_get (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_rules, NULL);
  return once.retval;
}

const CpXmlAttributeRule *
_cp_xml_record_rule_attribute (const CpXmlRecordRule *record, const char *name)
{
  for (guint i = 0; i < record->attributes->len; i++)
    {
      const CpXmlAttributeRule *a = &g_array_index (record->attributes, CpXmlAttributeRule, i);

      if (strcmp (a->name, name) == 0)
        return a;
    }
  return NULL;
}

const CpXmlChildRule *
_cp_xml_record_rule_child (const CpXmlRecordRule *record, const char *name)
{
  for (guint i = 0; i < record->children->len; i++)
    {
      const CpXmlChildRule *child = &g_array_index (record->children, CpXmlChildRule, i);

      if (strcmp (child->name, name) == 0)
        return child;
    }
  return NULL;
}
