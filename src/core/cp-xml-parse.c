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
#include "cp-xml-kinds.h"
#include "cp-xml-parse.h"

G_DEFINE_QUARK (cp-xml-import-error-quark, cp_xml_import_error)

/* Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | \
                       XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES)

typedef struct
{
  GString  *problems;
  guint     n_problems;
  gboolean  doctype;
  gboolean  too_deep;
  startElementNsSAX2Func start_element;
} Problems;

long
cp_xml_node_line (xmlNodePtr node)
{
  return node ? xmlGetLineNo (node) : 0;
}

/* libxml2 names our elements "Element '{namespace}name'"; people
 * need "<name>". */
static char *
plain_message (const char *message)
{
  g_autofree char *text = g_strdup (message ? message : "");
  g_auto(GStrv) parts = g_strsplit (g_strstrip (text), "{" CP_XML_NAMESPACE "}", -1);
  g_autofree char *joined = g_strjoinv ("", parts);
  g_autoptr(GRegex) element = g_regex_new ("Element '([^']*)'", 0, 0, NULL);

  return g_regex_replace (element, joined, -1, 0, "<\\1>", 0, NULL);
}

static void
add_problem (Problems *p, const char *text)
{
  p->n_problems++;
  if (p->n_problems > CP_XML_MAX_PROBLEMS)
    return;
  if (p->problems->len > 0)
    g_string_append_c (p->problems, '\n');
  g_string_append (p->problems, text);
}

/* libxml2 passes the parser context (its userData) to this handler. */
static void
parse_error_cb (void *data, xmlErrorPtr error)
{
  xmlParserCtxtPtr ctxt = data;
  Problems *p = ctxt->_private;
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;

  if (error->level < XML_ERR_ERROR)
    return;
  message = plain_message (error->message);
  line = g_strdup_printf (_("Line %d: %s"), error->line, message);
  add_problem (p, line);
}

/* A DOCTYPE is where entity bombs and external entities live, and no
 * Coplan file has one: stop before its declarations are even read. In
 * 2.9.14 xmlParseDocTypeDecl() returns straight after this callback
 * when the parser has been stopped. */
static void
refuse_doctype_cb (void *ctx, const xmlChar *name, const xmlChar *external_id,
                   const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Problems *p = ctxt->_private;

  p->doctype = TRUE;
  xmlStopParser (ctxt);
}

static void
limit_depth_cb (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                int nb_defaulted, const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Problems *p = ctxt->_private;

  if (ctxt->nameNr > CP_XML_MAX_DEPTH)
    {
      p->too_deep = TRUE;
      xmlStopParser (ctxt);
      return;
    }
  p->start_element (ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                    nb_defaulted, attributes);
}

static gboolean
looks_compressed (const guchar *data, gsize size)
{
  static const guchar magic[][4] = {
    { 0x1f, 0x8b }, { 'P', 'K', 3, 4 }, { 'B', 'Z', 'h' }, { 0xfd, '7', 'z', 'X' }, { 0x28, 0xb5, 0x2f, 0xfd },
  };
  static const gsize lengths[] = { 2, 4, 3, 4, 4 };

  for (guint i = 0; i < G_N_ELEMENTS (magic); i++)
    if (size >= lengths[i] && memcmp (data, magic[i], lengths[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
refuse_before_parsing (const char *data, gsize size, GError **error)
{
  if (size > CP_XML_IMPORT_MAX_BYTES)
    {
      g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_TOO_LARGE,
                   _("This file is larger than %u MB, more than any Coplan export, so it was not read."),
                   (guint) (CP_XML_IMPORT_MAX_BYTES / (1024 * 1024)));
      return FALSE;
    }
  if (looks_compressed ((const guchar *) data, size))
    {
      g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_COMPRESSED,
                   _("This file is compressed (a .gz or .zip file). Unpack it first, then import the .xml file inside."));
      return FALSE;
    }
  return TRUE;
}

static xmlParserCtxtPtr
new_guarded_context (Problems *p)
{
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();

  if (ctxt == NULL)
    return NULL;
  ctxt->_private = p;
  ctxt->sax->internalSubset = refuse_doctype_cb;
  p->start_element = ctxt->sax->startElementNs;
  ctxt->sax->startElementNs = limit_depth_cb;
  ctxt->sax->serror = parse_error_cb;
  return ctxt;
}

static void
set_parse_error (Problems *p, GError **error)
{
  if (p->doctype)
    g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_DOCTYPE,
                 _("This file has a DOCTYPE declaration. Coplan files never do, and one can hide "
                   "entity tricks or links to other files, so it was not read."));
  else if (p->too_deep)
    g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_TOO_DEEP,
                 _("This file nests elements more than %d deep, deeper than any Coplan file, so it was not read."),
                 CP_XML_MAX_DEPTH);
  else
    g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_NOT_XML,
                 _("This file is not well-formed XML, so nothing was read:\n%s"),
                 p->problems->len ? p->problems->str : _("it ends too early or is empty."));
}

static xmlDocPtr
safe_parse (const char *data, gsize size, GError **error)
{
  Problems p = { .problems = g_string_new (NULL) };
  xmlParserCtxtPtr ctxt = new_guarded_context (&p);
  xmlDocPtr doc = NULL;

  if (ctxt == NULL)
    {
      g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_NOT_XML, _("Out of memory."));
      g_string_free (p.problems, TRUE);
      return NULL;
    }
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, "import.xml", NULL, PARSE_OPTIONS);
  if (doc != NULL && (!ctxt->wellFormed || p.doctype || p.too_deep || p.n_problems > 0))
    g_clear_pointer (&doc, xmlFreeDoc);
  if (doc == NULL)
    set_parse_error (&p, error);
  xmlFreeParserCtxt (ctxt);
  g_string_free (p.problems, TRUE);
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
      g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_NOT_COPLAN,
                   _("This is not a Coplan XML file: it should start with <coplan> in the namespace %s."),
                   CP_XML_NAMESPACE);
      return FALSE;
    }
  version = (char *) xmlGetNoNsProp (root, BAD_CAST "format-version");
  if (g_strcmp0 (version, CP_XML_FORMAT_VERSION) != 0)
    {
      if (version == NULL)
        g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_VERSION,
                     _("This Coplan file does not say which format version it is written in, so it was not read."));
      else
        g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_VERSION,
                     _("This file is in Coplan format version “%s”; this Coplan reads version %s. "
                       "A newer Coplan may be able to import it."), version, CP_XML_FORMAT_VERSION);
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
  Problems *p = data;
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
      g_autofree char *message = plain_message (error->message);
      line = g_strdup_printf (_("Line %ld: %s"),
                              node ? cp_xml_node_line (node) : (long) error->line, message);
    }
  add_problem (p, line);
}

static void
set_problems_error (Problems *p, GError **error)
{
  if (p->n_problems > CP_XML_MAX_PROBLEMS)
    g_string_append_printf (p->problems, "\n%s",
                            _("… and more problems after these."));
  g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_INVALID,
               _("This Coplan file breaks the rules of the format, so nothing was imported:\n%s"),
               p->problems->str);
}

gboolean
cp_xml_validate_document (xmlDocPtr doc, GError **error)
{
  xmlSchemaPtr schema = coplan_schema ();
  Problems p = { .problems = g_string_new (NULL) };
  xmlSchemaValidCtxtPtr ctxt;
  int rc;

  g_return_val_if_fail (schema != NULL, FALSE);
  ctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (ctxt, schema_error_cb, &p);
  rc = xmlSchemaValidateDoc (ctxt, doc);
  xmlSchemaFreeValidCtxt (ctxt);
  if (rc != 0)
    {
      if (p.n_problems == 0)
        add_problem (&p, _("The file could not be checked against the Coplan schema."));
      set_problems_error (&p, error);
    }
  g_string_free (p.problems, TRUE);
  return rc == 0;
}

xmlDocPtr
cp_xml_parse_document (const char *data, gsize size, GError **error)
{
  xmlDocPtr doc;

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  if (!refuse_before_parsing (data, size, error))
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
