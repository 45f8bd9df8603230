/* cp-xml-reader.c — one streaming pass over untrusted Coplan XML
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SAX2 handlers: an element stack that applies the rules compiled
 * from the embedded coplan-1.xsd (cp-xml-rules.c) and the value checks
 * (cp-xml-values.c) while records stream past, collects the problems,
 * and hands each record over once its columns are read.
 */
#define G_LOG_DOMAIN "cp-xml"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "cp-xml-guard.h"
#include "cp-xml-kinds.h"
#include "cp-xml-reader.h"
#include "cp-xml-rules.h"

/* How much of a refused value a message shows. */
#define SHOWN_CHARS 40

/* An open record (or the root) and where its content has got to. */
typedef struct
{
  const CpXmlRecordRule *rule;
  const char            *element;        /* interned */
  long                   line;
  guint                  next_column;    /* the first column not yet read */
  gboolean               columns_done;   /* and handed over, or refused */
  gboolean               text_refused;
  char                   id[40];         /* a uuid is 36 */
} Frame;

/* A column read, waiting for its record's event. */
typedef struct
{
  const char *name;
  gsize       offset;               /* of its text in Reader.texts */
  long        line;
} ReadColumn;

typedef struct
{
  CpXmlGuard              guard;    /* first: the parser's _private */
  xmlParserCtxtPtr        ctxt;
  const CpXmlRules       *rules;
  const CpXmlReaderFuncs *funcs;
  gpointer                user_data;
  GError                 *callback_error;
  CpXmlProblems           problems;
  gboolean                stopped;
  gboolean                not_coplan;
  gboolean                wrong_version;
  char                   *version;
  Frame                   frames[CP_XML_MAX_DEPTH + 2];
  guint                   depth;
  guint                   skip;     /* > 0: inside an element already refused */
  const CpXmlColumnRule  *column;   /* being read, or NULL */
  long                    column_line;
  gsize                   column_start;
  /* The innermost record's attribute and column texts, NUL-separated,
   * reused for every record: only it can have columns still to hand
   * over, since columns come before child records. */
  GString                *texts;
  gsize                   created;
  gsize                   updated;
  gboolean                deleted;
  GArray                 *read_columns;    /* ReadColumn */
  GArray                 *event_columns;   /* CpXmlColumn */
} Reader;

static long
current_line (Reader *r)
{
  return r->ctxt->input ? r->ctxt->input->line : 0;
}

static void
problem (Reader *r, char *line)
{
  _cp_xml_problems_add (&r->problems, line);
  g_free (line);
}

static gboolean
may_hand_over (Reader *r)
{
  return r->funcs != NULL && r->problems.count == 0 && r->guard.parse.count == 0 &&
         r->callback_error == NULL && !r->stopped;
}

static void
callback_failed (Reader *r, GError *error)
{
  if (error == NULL)
    error = g_error_new_literal (CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_INVALID,
                                 _("The import was stopped."));
  r->callback_error = error;
  r->stopped = TRUE;
  xmlStopParser (r->ctxt);
}

static void
refuse_value (Reader *r, long line, const char *element, const char *value)
{
  g_autofree char *shown = g_utf8_substring (value, 0, SHOWN_CHARS);

  problem (r, g_strdup_printf (_("Line %ld: <%s> cannot hold “%s”."), line, element, shown));
}

static void
refuse_element (Reader *r, const xmlChar *localname, const char *parent)
{
  problem (r, g_strdup_printf (_("Line %ld: <%s> is not allowed here inside <%s>."),
                               current_line (r), (const char *) localname, parent));
  r->skip = 1;
}

/* Checks one start tag's attributes against @rule. Their texts go to
 * r->texts; @offsets gets each rule attribute's (G_MAXSIZE if absent). */
static void
read_attributes (Reader *r, const char *element, const CpXmlRecordRule *rule, int n,
                 const xmlChar **attributes, gsize *offsets)
{
  long line = current_line (r);

  for (guint k = 0; k < rule->attributes->len; k++)
    offsets[k] = G_MAXSIZE;
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attributes + 5 * i;   /* local, prefix, URI, value, end */
      const CpXmlAttributeRule *ar =
        a[2] == NULL ? _cp_xml_record_rule_attribute (rule, (const char *) a[0]) : NULL;
      gsize start = r->texts->len;

      if (ar == NULL)
        {
          problem (r, g_strdup_printf (_("Line %ld: <%s> has an attribute Coplan does not use: "
                                         "%s%s%s."), line, element, a[1] ? (const char *) a[1] : "",
                                       a[1] ? ":" : "", (const char *) a[0]));
          continue;
        }
      g_string_append_len (r->texts, (const char *) a[3], a[4] - a[3]);
      if (!_cp_xml_value_fits (ar->value, r->texts, start) ||
          (ar->fixed != NULL && strcmp (ar->fixed, r->texts->str + start) != 0))
        problem (r, g_strdup_printf (_("Line %ld: <%s> cannot have %s=“%s”."),
                                     line, element, ar->name, r->texts->str + start));
      offsets[ar - &g_array_index (rule->attributes, CpXmlAttributeRule, 0)] = start;
      g_string_append_c (r->texts, '\0');
    }
  for (guint k = 0; k < rule->attributes->len; k++)
    {
      const CpXmlAttributeRule *ar = &g_array_index (rule->attributes, CpXmlAttributeRule, k);

      if (ar->required && offsets[k] == G_MAXSIZE)
        problem (r, g_strdup_printf (_("Line %ld: <%s> is missing its %s attribute."),
                                     line, element, ar->name));
    }
}

/* The text of attribute @name, its default, or NULL. */
static const char *
attribute_text (Reader *r, const CpXmlRecordRule *rule, const gsize *offsets, const char *name)
{
  for (guint k = 0; k < rule->attributes->len; k++)
    {
      const CpXmlAttributeRule *ar = &g_array_index (rule->attributes, CpXmlAttributeRule, k);

      if (ar->name == name)
        return offsets[k] != G_MAXSIZE ? r->texts->str + offsets[k] : ar->fallback;
    }
  return NULL;
}

static void
hand_over_header (Reader *r, const gsize *offsets)
{
  const CpXmlRecordRule *rule = r->rules->root.record;
  CpXmlHeader header = {
    .exported_at = attribute_text (r, rule, offsets, r->rules->exported_at),
    .receipts_included = g_strcmp0 (attribute_text (r, rule, offsets, r->rules->receipts),
                                    "included") == 0,
  };
  GError *error = NULL;

  if (may_hand_over (r) && r->funcs->header != NULL &&
      !r->funcs->header (&header, r->user_data, &error))
    callback_failed (r, error);
}

static const char *
format_version (int n, const xmlChar **attributes, GString *out)
{
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attributes + 5 * i;

      if (a[2] == NULL && strcmp ((const char *) a[0], "format-version") == 0)
        return g_string_append_len (out, (const char *) a[3], a[4] - a[3])->str;
    }
  return NULL;
}

static void
start_root (Reader *r, const xmlChar *localname, const xmlChar *uri, int n,
            const xmlChar **attributes)
{
  const CpXmlChildRule *root = &r->rules->root;
  gsize offsets[CP_XML_MAX_ATTRIBUTES];
  Frame *frame;
  const char *version;

  r->skip = 1;
  if (uri == NULL || strcmp ((const char *) uri, CP_XML_NAMESPACE) != 0 ||
      strcmp ((const char *) localname, root->name) != 0)
    {
      r->not_coplan = TRUE;
      return;
    }
  g_string_truncate (r->texts, 0);
  version = format_version (n, attributes, r->texts);
  if (g_strcmp0 (version, CP_XML_FORMAT_VERSION) != 0)
    {
      r->wrong_version = TRUE;
      r->version = g_strdup (version);
      return;
    }
  r->skip = 0;
  frame = &r->frames[r->depth++];
  *frame = (Frame) { .rule = root->record, .element = root->name, .line = current_line (r),
                     .columns_done = TRUE };
  g_string_truncate (r->texts, 0);
  read_attributes (r, root->name, root->record, n, attributes, offsets);
  hand_over_header (r, offsets);
}

static void
hand_over_record (Reader *r, const Frame *frame)
{
  const Frame *parent = frame - 1;
  CpXmlRecordEvent event = {
    .element = frame->element,
    .id = frame->id,
    .created = r->texts->str + r->created,
    .updated = r->texts->str + r->updated,
    .deleted = r->deleted,
    .parent_id = parent > r->frames ? parent->id : NULL,
    .line = frame->line,
  };
  GError *error = NULL;

  g_array_set_size (r->event_columns, r->read_columns->len);
  for (guint i = 0; i < r->read_columns->len; i++)
    {
      const ReadColumn *read = &g_array_index (r->read_columns, ReadColumn, i);
      CpXmlColumn *column = &g_array_index (r->event_columns, CpXmlColumn, i);

      column->name = read->name;
      column->text = r->texts->str + read->offset;
      column->line = read->line;
    }
  event.columns = (const CpXmlColumn *) r->event_columns->data;
  event.n_columns = r->event_columns->len;
  if (!r->funcs->record (&event, r->user_data, &error))
    callback_failed (r, error);
}

/* The record's columns are over: any still missing must be optional. */
static void
finish_columns (Reader *r, Frame *frame)
{
  const GArray *columns = frame->rule->columns;

  if (frame->columns_done)
    return;
  frame->columns_done = TRUE;
  for (guint i = frame->next_column; i < columns->len; i++)
    {
      const CpXmlColumnRule *column = &g_array_index (columns, CpXmlColumnRule, i);

      if (!column->optional)
        {
          problem (r, g_strdup_printf (_("Line %ld: <%s> is missing its <%s>."),
                                       frame->line, frame->element, column->name));
          break;
        }
    }
  frame->next_column = columns->len;
  if (may_hand_over (r) && r->funcs->record != NULL)
    hand_over_record (r, frame);
}

static void
start_record (Reader *r, const CpXmlChildRule *child, int n, const xmlChar **attributes)
{
  Frame *frame = &r->frames[r->depth++];
  gsize offsets[CP_XML_MAX_ATTRIBUTES];
  const char *id, *deleted;

  *frame = (Frame) { .rule = child->record, .element = child->name, .line = current_line (r) };
  g_string_truncate (r->texts, 0);
  g_array_set_size (r->read_columns, 0);
  read_attributes (r, child->name, child->record, n, attributes, offsets);
  id = attribute_text (r, child->record, offsets, r->rules->id);
  if (id != NULL && strlen (id) < sizeof frame->id)
    strcpy (frame->id, id);
  /* Only read when handed over, that is when all three fit. */
  r->created = offsets[_cp_xml_record_rule_attribute (child->record, r->rules->created) -
                       &g_array_index (child->record->attributes, CpXmlAttributeRule, 0)];
  r->updated = offsets[_cp_xml_record_rule_attribute (child->record, r->rules->updated) -
                       &g_array_index (child->record->attributes, CpXmlAttributeRule, 0)];
  deleted = attribute_text (r, child->record, offsets, r->rules->deleted);
  r->deleted = g_strcmp0 (deleted, "true") == 0 || g_strcmp0 (deleted, "1") == 0;
}

/* @localname at the next column of @frame, or later past optional
 * ones; or -1. */
static int
find_column (Reader *r, Frame *frame, const char *localname)
{
  const GArray *columns = frame->rule->columns;

  for (guint i = frame->next_column; i < columns->len; i++)
    {
      const CpXmlColumnRule *column = &g_array_index (columns, CpXmlColumnRule, i);

      if (strcmp (column->name, localname) != 0)
        continue;
      for (guint j = frame->next_column; j < i; j++)
        if (!g_array_index (columns, CpXmlColumnRule, j).optional)
          {
            problem (r, g_strdup_printf (_("Line %ld: <%s> is missing its <%s>."),
                                         frame->line, frame->element,
                                         g_array_index (columns, CpXmlColumnRule, j).name));
            break;
          }
      return (int) i;
    }
  return -1;
}

static void
start_element_cb (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                  int n_namespaces, const xmlChar **namespaces, int n_attributes,
                  int n_defaulted, const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;
  Frame *frame;
  const CpXmlChildRule *child;
  int column;

  if (r->stopped || (r->stopped = _cp_xml_guard_too_deep (ctxt)))
    return;
  if (r->skip > 0)
    {
      r->skip++;
      return;
    }
  if (r->depth == 0)
    {
      start_root (r, localname, uri, n_attributes, attributes);
      return;
    }
  frame = &r->frames[r->depth - 1];
  if (r->column != NULL)
    refuse_element (r, localname, r->column->name);
  else if (uri == NULL || strcmp ((const char *) uri, CP_XML_NAMESPACE) != 0)
    refuse_element (r, localname, frame->element);
  else if (!frame->columns_done &&
           (column = find_column (r, frame, (const char *) localname)) >= 0)
    {
      r->column = &g_array_index (frame->rule->columns, CpXmlColumnRule, column);
      frame->next_column = (guint) column + 1;
      r->column_line = current_line (r);
      r->column_start = r->texts->len;
      if (n_attributes > 0)
        problem (r, g_strdup_printf (_("Line %ld: <%s> has an attribute Coplan does not use: %s."),
                                     r->column_line, r->column->name,
                                     (const char *) attributes[0]));
    }
  else if ((child = _cp_xml_record_rule_child (frame->rule, (const char *) localname)) != NULL &&
           r->depth < G_N_ELEMENTS (r->frames))
    {
      finish_columns (r, frame);
      /* A callback that refused the parent stopped the parser, and
       * xmlStopParser() frees the input these attributes point into. */
      if (r->stopped)
        return;
      start_record (r, child, n_attributes, attributes);
    }
  else
    refuse_element (r, localname, frame->element);
}

static void
end_column (Reader *r)
{
  ReadColumn read = { r->column->name, r->column_start, r->column_line };

  if (!_cp_xml_value_fits (r->column->value, r->texts, r->column_start))
    refuse_value (r, r->column_line, r->column->name, r->texts->str + r->column_start);
  g_string_append_c (r->texts, '\0');
  g_array_append_val (r->read_columns, read);
  r->column = NULL;
}

static void
end_element_cb (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  if (r->stopped)
    return;
  if (r->skip > 0)
    r->skip--;
  else if (r->column != NULL)
    end_column (r);
  else if (r->depth > 0)
    finish_columns (r, &r->frames[--r->depth]);
}

static void
characters_cb (void *ctx, const xmlChar *text, int len)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;
  Frame *frame;

  if (r->stopped || r->skip > 0 || r->depth == 0)
    return;
  if (r->column != NULL)
    {
      g_string_append_len (r->texts, (const char *) text, len);
      return;
    }
  /* Records hold elements only; white space between them is fine. */
  frame = &r->frames[r->depth - 1];
  for (int i = 0; i < len; i++)
    if (!_cp_xml_is_space ((char) text[i]) && !frame->text_refused)
      {
        g_autofree char *shown = g_utf8_make_valid ((const char *) text + i,
                                                    MIN (len - i, SHOWN_CHARS));

        frame->text_refused = TRUE;
        problem (r, g_strdup_printf (_("Line %ld: the text “%s” is not allowed directly "
                                       "inside <%s>."),
                                     current_line (r), g_strstrip (shown), frame->element));
        return;
      }
}

static xmlParserCtxtPtr
new_reader_context (Reader *r)
{
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();

  if (ctxt == NULL)
    return NULL;
  /* No tree: only these callbacks, and the guards'. */
  memset (ctxt->sax, 0, sizeof *ctxt->sax);
  ctxt->sax->initialized = XML_SAX2_MAGIC;
  ctxt->sax->startElementNs = start_element_cb;
  ctxt->sax->endElementNs = end_element_cb;
  ctxt->sax->characters = characters_cb;
  ctxt->sax->ignorableWhitespace = characters_cb;
  _cp_xml_guard_install (ctxt, &r->guard);
  r->ctxt = ctxt;
  return ctxt;
}

/* The first reason to refuse, most basic first, as
 * cp_xml_parse_document() would give it. */
static gboolean
verdict (Reader *r, GError **error)
{
  if (r->callback_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->callback_error));
      return FALSE;
    }
  if (_cp_xml_guard_failed (r->ctxt))
    _cp_xml_guard_set_error (&r->guard, error);
  else if (r->not_coplan)
    _cp_xml_set_not_coplan_error (error);
  else if (r->wrong_version)
    _cp_xml_set_version_error (r->version, error);
  else if (r->problems.count > 0)
    _cp_xml_problems_set_error (&r->problems, error);
  else
    return TRUE;
  return FALSE;
}

static void
reader_clear (Reader *r)
{
  if (r->ctxt != NULL)
    xmlFreeParserCtxt (r->ctxt);
  _cp_xml_problems_clear (&r->guard.parse);
  _cp_xml_problems_clear (&r->problems);
  g_clear_error (&r->callback_error);
  g_free (r->version);
  g_string_free (r->texts, TRUE);
  g_array_unref (r->read_columns);
  g_array_unref (r->event_columns);
}

gboolean
cp_xml_read (const char             *data,
             gsize                   size,
             const CpXmlReaderFuncs *funcs,
             gpointer                user_data,
             GError                **error)
{
  const CpXmlRules *rules = _cp_xml_rules_get ();
  Reader r = { .funcs = funcs, .user_data = user_data, .rules = rules };
  gboolean ok;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rules == NULL)
    {
      g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_INVALID,
                   _("The file could not be checked against the Coplan schema."));
      return FALSE;
    }
  if (!_cp_xml_refuse_before_parsing (data, size, error))
    return FALSE;
  _cp_xml_problems_init (&r.guard.parse);
  _cp_xml_problems_init (&r.problems);
  r.texts = g_string_sized_new (4096);
  r.read_columns = g_array_new (FALSE, FALSE, sizeof (ReadColumn));
  r.event_columns = g_array_new (FALSE, FALSE, sizeof (CpXmlColumn));
  if (new_reader_context (&r) == NULL)
    {
      g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_NOT_XML, _("Out of memory."));
      reader_clear (&r);
      return FALSE;
    }
  /* No startDocument callback, so no tree: this returns NULL. */
  xmlCtxtReadMemory (r.ctxt, data ? data : "", (int) size, "import.xml", NULL,
                     CP_XML_PARSE_OPTIONS);
  ok = verdict (&r, error);
  reader_clear (&r);
  return ok;
}

/* For tests only: the rules are leaked. */
gboolean
_cp_xml_reader_compiles (const char *xsd, gsize size)
{
  return _cp_xml_rules_compile (xsd, size) != NULL;
}
