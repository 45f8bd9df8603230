/* cp-xml-guard.c — the safety guards and messages shared by the two
 * readers of untrusted Coplan XML
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cp-xml"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>

#include "cp-xml-guard.h"
#include "cp-xml-kinds.h"
#include "cp-xml-parse.h"

void
_cp_xml_problems_init (CpXmlProblems *problems)
{
  problems->text = g_string_new (NULL);
  problems->count = 0;
}

void
_cp_xml_problems_clear (CpXmlProblems *problems)
{
  if (problems->text != NULL)
    g_string_free (problems->text, TRUE);
  problems->text = NULL;
}

void
_cp_xml_problems_add (CpXmlProblems *problems, const char *line)
{
  problems->count++;
  if (problems->count > CP_XML_MAX_PROBLEMS)
    return;
  if (problems->text->len > 0)
    g_string_append_c (problems->text, '\n');
  g_string_append (problems->text, line);
}

void
_cp_xml_problems_set_error (CpXmlProblems *problems, GError **error)
{
  if (problems->count > CP_XML_MAX_PROBLEMS)
    g_string_append_printf (problems->text, "\n%s",
                            _("… and more problems after these."));
  g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_INVALID,
               _("This Coplan file breaks the rules of the format, so nothing was imported:\n%s"),
               problems->text->str);
}

/* libxml2 names our elements "Element '{namespace}name'"; people
 * need "<name>". Only runs on refused files. */
char *
_cp_xml_plain_message (const char *message)
{
  g_autofree char *text = g_strdup (message ? message : "");
  g_auto(GStrv) parts = g_strsplit (g_strstrip (text), "{" CP_XML_NAMESPACE "}", -1);
  g_autofree char *joined = g_strjoinv ("", parts);
  g_autoptr(GRegex) element = g_regex_new ("Element '([^']*)'", 0, 0, NULL);

  return g_regex_replace (element, joined, -1, 0, "<\\1>", 0, NULL);
}

/* libxml2 passes the parser context (its userData) to this handler. */
static void
parse_error_cb (void *data, xmlErrorPtr error)
{
  xmlParserCtxtPtr ctxt = data;
  CpXmlGuard *guard = ctxt->_private;
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;

  if (error->level < XML_ERR_ERROR)
    return;
  message = _cp_xml_plain_message (error->message);
  line = g_strdup_printf (_("Line %d: %s"), error->line, message);
  _cp_xml_problems_add (&guard->parse, line);
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
  CpXmlGuard *guard = ctxt->_private;

  guard->doctype = TRUE;
  xmlStopParser (ctxt);
}

void
_cp_xml_guard_install (xmlParserCtxtPtr ctxt, CpXmlGuard *guard)
{
  ctxt->_private = guard;
  ctxt->sax->internalSubset = refuse_doctype_cb;
  ctxt->sax->serror = parse_error_cb;
}

/* Call from startElementNs: TRUE (and the parser stopped) when the new
 * element nests deeper than any Coplan file. */
gboolean
_cp_xml_guard_too_deep (xmlParserCtxtPtr ctxt)
{
  CpXmlGuard *guard = ctxt->_private;

  if (ctxt->nameNr <= CP_XML_MAX_DEPTH)
    return FALSE;
  guard->too_deep = TRUE;
  xmlStopParser (ctxt);
  return TRUE;
}

gboolean
_cp_xml_guard_failed (xmlParserCtxtPtr ctxt)
{
  CpXmlGuard *guard = ctxt->_private;

  return !ctxt->wellFormed || guard->doctype || guard->too_deep || guard->parse.count > 0;
}

void
_cp_xml_guard_set_error (CpXmlGuard *guard, GError **error)
{
  if (guard->doctype)
    g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_DOCTYPE,
                 _("This file has a DOCTYPE declaration. Coplan files never do, and one can hide "
                   "entity tricks or links to other files, so it was not read."));
  else if (guard->too_deep)
    g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_TOO_DEEP,
                 _("This file nests elements more than %d deep, deeper than any Coplan file, so it was not read."),
                 CP_XML_MAX_DEPTH);
  else
    g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_NOT_XML,
                 _("This file is not well-formed XML, so nothing was read:\n%s"),
                 guard->parse.text->len ? guard->parse.text->str : _("it ends too early or is empty."));
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

gboolean
_cp_xml_refuse_before_parsing (const char *data, gsize size, GError **error)
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

void
_cp_xml_set_not_coplan_error (GError **error)
{
  g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_NOT_COPLAN,
               _("This is not a Coplan XML file: it should start with <coplan> in the namespace %s."),
               CP_XML_NAMESPACE);
}

/* @version: the format-version attribute as written, or NULL. */
void
_cp_xml_set_version_error (const char *version, GError **error)
{
  if (version == NULL)
    g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_VERSION,
                 _("This Coplan file does not say which format version it is written in, so it was not read."));
  else
    g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_VERSION,
                 _("This file is in Coplan format version “%s”; this Coplan reads version %s. "
                   "A newer Coplan may be able to import it."), version, CP_XML_FORMAT_VERSION);
}
