/* cp-xml-parse.c — reading untrusted Coplan XML safely
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cp-xml"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>

#include "cp-reference.h"
#include "cp-xml-guard.h"
#include "cp-xml-kinds.h"
#include "cp-xml-parse.h"

G_DEFINE_QUARK (cp-xml-import-error-quark, cp_xml_import_error)

typedef struct
{
  CpXmlGuard guard;    /* first: the guarded context's _private */
  startElementNsSAX2Func start_element;
} Parse;

/* A line number that survives files longer than 65,535 lines. */
static long
cp_xml_node_line (xmlNodePtr node)
{
  return node ? xmlGetLineNo (node) : 0;
}

static void
limit_depth_cb (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                int nb_defaulted, const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Parse *p = ctxt->_private;

  if (_cp_xml_guard_too_deep (ctxt))
    return;
  p->start_element (ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                    nb_defaulted, attributes);
}

static xmlDocPtr
safe_parse (const char *data, gsize size, GError **error)
{
  Parse p = { { { NULL } } };
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  xmlDocPtr doc = NULL;

  if (ctxt == NULL)
    {
      g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_NOT_XML, _("Out of memory."));
      return NULL;
    }
  _cp_xml_problems_init (&p.guard.parse);
  _cp_xml_guard_install (ctxt, &p.guard);
  p.start_element = ctxt->sax->startElementNs;
  ctxt->sax->startElementNs = limit_depth_cb;
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, "import.xml", NULL, CP_XML_PARSE_OPTIONS);
  if (doc != NULL && _cp_xml_guard_failed (ctxt))
    g_clear_pointer (&doc, xmlFreeDoc);
  if (doc == NULL)
    _cp_xml_guard_set_error (&p.guard, error);
  xmlFreeParserCtxt (ctxt);
  _cp_xml_problems_clear (&p.guard.parse);
  return doc;
}

static gboolean
check_root (xmlDocPtr doc, GError **error)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  g_autofree char *version = NULL;

  if (root == NULL || !xmlStrEqual (root->name, BAD_CAST "coplan") || root->ns == NULL ||
      !xmlStrEqual (root->ns->href, BAD_CAST CP_XML_NAMESPACE))
    {
      _cp_xml_set_not_coplan_error (error);
      return FALSE;
    }
  version = (char *) xmlGetNoNsProp (root, BAD_CAST "format-version");
  if (g_strcmp0 (version, CP_XML_FORMAT_VERSION) != 0)
    {
      _cp_xml_set_version_error (version, error);
      return FALSE;
    }
  return TRUE;
}

static gpointer
load_schema (gpointer data)
{
  g_autoptr(GBytes) bytes = cp_reference_lookup ("coplan-1.xsd", NULL);
  xmlSchemaParserCtxtPtr ctxt;
  xmlSchemaPtr schema;
  gsize size;
  const char *xsd;

  if (bytes == NULL)
    return NULL;
  xsd = g_bytes_get_data (bytes, &size);
  ctxt = xmlSchemaNewMemParserCtxt (xsd, (int) size);
  schema = xmlSchemaParse (ctxt);
  xmlSchemaFreeParserCtxt (ctxt);
  if (schema == NULL)
    g_critical ("The embedded coplan-1.xsd does not compile");
  return schema;
}

static xmlSchemaPtr
coplan_schema (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_schema, NULL);
  return once.retval;
}

static gboolean
is_value_error (int code)
{
  switch (code)
    {
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
    case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_PATTERN_VALID:
    case XML_SCHEMAV_CVC_ENUMERATION_VALID:
    case XML_SCHEMAV_CVC_ELT_3_1:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Says what is wrong with an element in words: the value it holds for
 * a value that does not fit, else libxml2's description. */
static void
schema_error_cb (void *data, xmlErrorPtr error)
{
  CpXmlProblems *p = data;
  xmlNodePtr node = error->node;
  g_autofree char *line = NULL;

  if (node != NULL && node->type == XML_ELEMENT_NODE && is_value_error (error->code) &&
      xmlFirstElementChild (node) == NULL)
    {
      g_autofree char *content = (char *) xmlNodeGetContent (node);
      g_autofree char *shown = g_utf8_substring (content ? content : "", 0, 40);

      line = g_strdup_printf (_("Line %ld: <%s> cannot hold “%s”."),
                              cp_xml_node_line (node), (const char *) node->name, shown);
    }
  else
    {
      g_autofree char *message = _cp_xml_plain_message (error->message);
      line = g_strdup_printf (_("Line %ld: %s"),
                              node ? cp_xml_node_line (node) : (long) error->line, message);
    }
  _cp_xml_problems_add (p, line);
}

gboolean
cp_xml_validate_document (xmlDocPtr doc, GError **error)
{
  xmlSchemaPtr schema = coplan_schema ();
  CpXmlProblems p;
  xmlSchemaValidCtxtPtr ctxt;
  int rc;

  g_return_val_if_fail (schema != NULL, FALSE);
  _cp_xml_problems_init (&p);
  ctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (ctxt, schema_error_cb, &p);
  rc = xmlSchemaValidateDoc (ctxt, doc);
  xmlSchemaFreeValidCtxt (ctxt);
  if (rc != 0)
    {
      if (p.count == 0)
        _cp_xml_problems_add (&p, _("The file could not be checked against the Coplan schema."));
      _cp_xml_problems_set_error (&p, error);
    }
  _cp_xml_problems_clear (&p);
  return rc == 0;
}

xmlDocPtr
cp_xml_parse_document (const char *data, gsize size, GError **error)
{
  xmlDocPtr doc;

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  if (!_cp_xml_refuse_before_parsing (data, size, error))
    return NULL;
  doc = safe_parse (data ? data : "", size, error);
  if (doc == NULL)
    return NULL;
  if (!check_root (doc, error) || !cp_xml_validate_document (doc, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}
