/* cp-plan-diff.c — what changed in a plan, and a plan version as an outline
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generic over Coplan XML: any element with an id attribute is a record,
 * its child elements without one are its fields. Documents are parsed
 * without network access, DTDs or entity substitution, and one with a
 * DTD is refused outright, so a stored version can never make the parser
 * fetch or expand anything.
 */
#define G_LOG_DOMAIN "cp-plan-diff"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "cp-enum-types.h"
#include "cp-plan-diff.h"
#include "cp-plan-entries.h"
#include "cp-plan-lifecycle.h"
#include "cp-xml-export.h"

typedef struct
{
  const char *element;  /* owned by the document */
  const char *id;
  GHashTable *fields;   /* name → text (owned) */
  guint       order;    /* document order */
} Record;

typedef struct
{
  xmlDoc     *doc;
  GHashTable *by_id;    /* id → Record */
  GPtrArray  *records;  /* Record, in document order */
} Parsed;

static void
record_free (Record *record)
{
  g_hash_table_unref (record->fields);
  g_free (record);
}

static void
parsed_free (Parsed *parsed)
{
  if (parsed == NULL)
    return;
  g_hash_table_unref (parsed->by_id);
  g_ptr_array_unref (parsed->records);
  xmlFreeDoc (parsed->doc);
  g_free (parsed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Parsed, parsed_free)

static const char *
attribute (xmlNode *node, const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (strcmp ((const char *) attr->name, name) == 0 && attr->children != NULL &&
        attr->children->type == XML_TEXT_NODE)
      return (const char *) attr->children->content;
  return NULL;
}

/* Plain text of a field element (text and CDATA children only). */
static char *
field_text (xmlNode *node)
{
  GString *text = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content)
      g_string_append (text, (const char *) child->content);
  return g_string_free (text, FALSE);
}

static void
collect (Parsed *parsed, xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      const char *id;
      Record *record;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      id = attribute (node, "id");
      if (id == NULL)
        {
          collect (parsed, node->children);
          continue;
        }
      record = g_new0 (Record, 1);
      record->element = (const char *) node->name;
      record->id = id;
      record->order = parsed->records->len;
      record->fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && attribute (child, "id") == NULL)
          g_hash_table_insert (record->fields, (gpointer) child->name, field_text (child));
      g_ptr_array_add (parsed->records, record);
      g_hash_table_insert (parsed->by_id, (gpointer) id, record);
      collect (parsed, node->children);
    }
}

static Parsed *
parse (const char *xml, GError **error)
{
  g_autoptr(Parsed) parsed = g_new0 (Parsed, 1);
  xmlNode *root;

  parsed->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  parsed->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  if (xml != NULL && strlen (xml) <= G_MAXINT)
    parsed->doc = xmlReadMemory (xml, (int) strlen (xml), "plan.xml", "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  root = parsed->doc ? xmlDocGetRootElement (parsed->doc) : NULL;
  if (root == NULL || parsed->doc->intSubset != NULL || strcmp ((const char *) root->name, "coplan") != 0)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   _("This is not a Coplan plan document, or it is damaged."));
      return NULL;
    }
  collect (parsed, root->children);
  return g_steal_pointer (&parsed);
}

static const char *
field (Record *record, const char *name)
{
  const char *text = g_hash_table_lookup (record->fields, name);

  return text ? text : "";
}

static const char *
enum_label (GType type, const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *value = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (value == NULL)
    return NULL;
  return type == CP_TYPE_SECTION ? cp_section_label (value->value) : cp_voice_label (value->value);
}

/* What kind of thing a record is, as a heading. */
static const char *
record_context (Record *record)
{
  static const struct { const char *element; const char *label; } labels[] = {
    { "outcome",         N_("Outcome") },
    { "outcome-action",  N_("Action") },
    { "outcome-rating",  N_("Progress rating") },
    { "risk",            N_("Risk") },
    { "signoff",         N_("Signed by") },
    { "review",          N_("Review") },
    { "support-member",  N_("Support network") },
    { "plan",            N_("Plan") },
    { "person",          N_("About the person") },
    { "funding-stream",  N_("Funding") },
    { "budget-line",     N_("Budget line") },
    { "payment",         N_("Payment") },
  };

  if (g_str_equal (record->element, "plan-entry"))
    {
      const char *section = enum_label (CP_TYPE_SECTION, field (record, "section"));
      return section ? section : _("Plan entry");
    }
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (record->element, labels[i].element))
      return _(labels[i].label);
  return record->element;
}

/* The field holding a record's words. */
static const char *
main_field (Record *record)
{
  static const char *const names[] = { "body", "description", "name", "working", "title", "given-name", "note" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_hash_table_contains (record->fields, names[i]))
      return names[i];
  return NULL;
}

static const char *
main_text (Record *record)
{
  const char *name = main_field (record);

  return name ? field (record, name) : "";
}

/* Book-keeping that is not part of what was agreed. */
static gboolean
ignored_field (Record *record, const char *name)
{
  if (g_str_equal (name, "position") || g_str_equal (name, "author-id"))
    return TRUE;
  return g_str_equal (record->element, "plan") && (g_str_equal (name, "status") || g_str_equal (name, "version"));
}

/* Who wrote, who signed, and what is recorded while a plan stands
 * (progress ratings, reviews, payments and their receipts, statement
 * imports, eligibility answers) are not changes to what was agreed:
 * each version lists its own signatures, and the rest goes on while
 * the plan is agreed. */
static gboolean
ignored_record (Record *record)
{
  static const char *const elements[] = { "contributor", "signoff", "outcome-rating", "review", "payment",
                                          "receipt", "statement-import", "eligibility-answer" };

  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    if (g_str_equal (record->element, elements[i]))
      return TRUE;
  return FALSE;
}

static const char *
value_label (const char *name, const char *value)
{
  const char *label = NULL;

  if (g_str_equal (name, "section"))
    label = enum_label (CP_TYPE_SECTION, value);
  else if (g_str_equal (name, "voice"))
    label = enum_label (CP_TYPE_VOICE, value);
  return label ? label : value;
}

static CpPlanChange *
change_new (CpPlanChangeKind kind, Record *record, const char *field_name,
            const char *old_text, const char *new_text)
{
  CpPlanChange *change = g_new0 (CpPlanChange, 1);
  const char *context = record_context (record);

  change->kind = kind;
  change->element = g_strdup (record->element);
  change->id = g_strdup (record->id);
  change->field = g_strdup (field_name);
  change->old_text = g_strdup (old_text);
  change->new_text = g_strdup (new_text);
  if (kind == CP_PLAN_CHANGE_ADDED && *new_text == '\0')
    /* Translators: "Budget line: added" (one without words of its own) */
    change->label = g_strdup_printf (_("%s: added"), context);
  else if (kind == CP_PLAN_CHANGE_ADDED)
    /* Translators: "What is important to me: added “I go swimming on Saturdays”" */
    change->label = g_strdup_printf (_("%s: added “%s”"), context, new_text);
  else if (kind == CP_PLAN_CHANGE_REMOVED && *old_text == '\0')
    change->label = g_strdup_printf (_("%s: removed"), context);
  else if (kind == CP_PLAN_CHANGE_REMOVED)
    change->label = g_strdup_printf (_("%s: removed “%s”"), context, old_text);
  else if (g_strcmp0 (field_name, main_field (record)) == 0)
    /* Translators: "Outcome changed from “…” to “…”" */
    change->label = g_strdup_printf (_("%s changed from “%s” to “%s”"), context, old_text, new_text);
  else
    {
      g_autofree char *words = g_strdelimit (g_strdup (field_name), "-", ' ');

      /* Translators: "Action “Book lessons”: due date changed from “…” to “…”" */
      change->label = g_strdup_printf (_("%s “%s”: %s changed from “%s” to “%s”"), context,
                                       main_text (record), words,
                                       value_label (field_name, old_text), value_label (field_name, new_text));
    }
  return change;
}

void
cp_plan_change_free (CpPlanChange *change)
{
  if (change == NULL)
    return;
  g_free (change->element);
  g_free (change->id);
  g_free (change->field);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change->label);
  g_free (change);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Fields of either side, sorted so the changes come out the same each time. */
static GPtrArray *
field_names (Record *a, Record *b)
{
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, a->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_hash_table_iter_init (&iter, b->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (a->fields, key))
      g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
diff_record (Record *old_record, Record *new_record, GPtrArray *changes)
{
  g_autoptr(GPtrArray) names = field_names (old_record, new_record);
  const char *main_name = main_field (new_record);

  /* The words first: they are what people look for. */
  if (main_name != NULL && g_strcmp0 (field (old_record, main_name), field (new_record, main_name)) != 0)
    g_ptr_array_add (changes, change_new (CP_PLAN_CHANGE_CHANGED, new_record, main_name,
                                          field (old_record, main_name), field (new_record, main_name)));
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (ignored_field (new_record, name) || g_strcmp0 (name, main_name) == 0 ||
          g_strcmp0 (field (old_record, name), field (new_record, name)) == 0)
        continue;
      g_ptr_array_add (changes, change_new (CP_PLAN_CHANGE_CHANGED, new_record, name,
                                            field (old_record, name), field (new_record, name)));
    }
}

/**
 * cp_plan_diff:
 *
 * Returns: (transfer full) (element-type CpPlanChange) (nullable)
 */
GPtrArray *
cp_plan_diff (const char *old_xml, const char *new_xml, GError **error)
{
  g_autoptr(Parsed) old_doc = parse (old_xml, error);
  g_autoptr(Parsed) new_doc = NULL;
  GPtrArray *changes;

  if (old_doc == NULL)
    return NULL;
  new_doc = parse (new_xml, error);
  if (new_doc == NULL)
    return NULL;
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_plan_change_free);
  for (guint i = 0; i < new_doc->records->len; i++)
    {
      Record *record = g_ptr_array_index (new_doc->records, i);
      Record *before = g_hash_table_lookup (old_doc->by_id, record->id);

      if (ignored_record (record))
        continue;
      if (before == NULL)
        g_ptr_array_add (changes, change_new (CP_PLAN_CHANGE_ADDED, record, NULL, NULL, main_text (record)));
      else
        diff_record (before, record, changes);
    }
  for (guint i = 0; i < old_doc->records->len; i++)
    {
      Record *record = g_ptr_array_index (old_doc->records, i);

      if (!ignored_record (record) && !g_hash_table_contains (new_doc->by_id, record->id))
        g_ptr_array_add (changes, change_new (CP_PLAN_CHANGE_REMOVED, record, NULL, main_text (record), NULL));
    }
  return changes;
}

/**
 * cp_plan_diff_current:
 *
 * Returns: (transfer full) (element-type CpPlanChange) (nullable)
 */
GPtrArray *
cp_plan_diff_current (CpStore *store, const char *plan_id, gint64 version, GError **error)
{
  g_autoptr(CpPlanVersion) agreed = cp_plan_load_version (store, plan_id, version, error);
  g_autofree char *now = NULL;

  if (agreed == NULL)
    return NULL;
  now = cp_xml_export_plan (store, plan_id, error);
  if (now == NULL)
    return NULL;
  return cp_plan_diff (cp_record_get_string (CP_RECORD (agreed), "document"), now, error);
}

/* ---- the outline ---- */

static void
outline_line_free (CpPlanOutlineLine *line)
{
  g_free (line->text);
  g_free (line->voice);
  g_free (line);
}

void
cp_plan_outline_section_free (CpPlanOutlineSection *section)
{
  if (section == NULL)
    return;
  g_free (section->heading);
  g_ptr_array_unref (section->lines);
  g_free (section);
}

static CpPlanOutlineSection *
section_new (const char *heading)
{
  CpPlanOutlineSection *section = g_new0 (CpPlanOutlineSection, 1);

  section->heading = g_strdup (heading);
  section->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) outline_line_free);
  return section;
}

static void
add_line (CpPlanOutlineSection *section, char *text, const char *voice)
{
  CpPlanOutlineLine *line = g_new0 (CpPlanOutlineLine, 1);

  line->text = text;
  line->voice = g_strdup (voice);
  g_ptr_array_add (section->lines, line);
}

static gint64
position_of (Record *record)
{
  return g_ascii_strtoll (field (record, "position"), NULL, 10);
}

/* Plan entries by section (in CpSection order), then by position. */
static int
compare_entries (gconstpointer a, gconstpointer b)
{
  Record *x = *(Record *const *) a;
  Record *y = *(Record *const *) b;
  g_autoptr(GEnumClass) klass = g_type_class_ref (CP_TYPE_SECTION);
  GEnumValue *sx = g_enum_get_value_by_nick (klass, field (x, "section"));
  GEnumValue *sy = g_enum_get_value_by_nick (klass, field (y, "section"));
  int ox = sx ? sx->value : G_MAXINT;
  int oy = sy ? sy->value : G_MAXINT;

  if (ox != oy)
    return ox < oy ? -1 : 1;
  if (position_of (x) != position_of (y))
    return position_of (x) < position_of (y) ? -1 : 1;
  return (int) x->order - (int) y->order;
}

static GPtrArray *
records_named (Parsed *parsed, const char *element)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < parsed->records->len; i++)
    {
      Record *record = g_ptr_array_index (parsed->records, i);

      if (g_str_equal (record->element, element))
        g_ptr_array_add (found, record);
    }
  return found;
}

static void
outline_entries (Parsed *parsed, GPtrArray *outline)
{
  g_autoptr(GPtrArray) entries = records_named (parsed, "plan-entry");
  CpPlanOutlineSection *current = NULL;
  const char *current_heading = NULL;

  g_ptr_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      Record *entry = g_ptr_array_index (entries, i);
      const char *heading = record_context (entry);

      if (current == NULL || g_strcmp0 (heading, current_heading) != 0)
        {
          current = section_new (heading);
          current_heading = current->heading;
          g_ptr_array_add (outline, current);
        }
      add_line (current, g_strdup (field (entry, "body")), enum_label (CP_TYPE_VOICE, field (entry, "voice")));
    }
}

/* Outcomes, each followed by its actions ("Action: …, by whom"). */
static void
outline_outcomes (Parsed *parsed, GPtrArray *outline)
{
  g_autoptr(GPtrArray) outcomes = records_named (parsed, "outcome");
  CpPlanOutlineSection *section;

  if (outcomes->len == 0)
    return;
  section = section_new (_("My outcomes"));
  for (guint i = 0; i < outcomes->len; i++)
    {
      Record *outcome = g_ptr_array_index (outcomes, i);

      add_line (section, g_strdup (field (outcome, "description")),
                enum_label (CP_TYPE_VOICE, field (outcome, "voice")));
      /* Actions follow their outcome in document order. */
      for (guint j = outcome->order + 1; j < parsed->records->len; j++)
        {
          Record *next = g_ptr_array_index (parsed->records, j);
          const char *who = field (next, "who");

          if (g_str_equal (next->element, "outcome-rating"))
            continue;
          if (!g_str_equal (next->element, "outcome-action"))
            break;
          add_line (section, *who ? g_strdup_printf (_("Action: %s (%s)"), field (next, "description"), who)
                                  : g_strdup_printf (_("Action: %s"), field (next, "description")), NULL);
        }
    }
  g_ptr_array_add (outline, section);
}

static void
outline_simple (Parsed *parsed, GPtrArray *outline, const char *element, const char *heading)
{
  g_autoptr(GPtrArray) records = records_named (parsed, element);
  CpPlanOutlineSection *section;

  if (records->len == 0)
    return;
  section = section_new (heading);
  for (guint i = 0; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);

      if (g_str_equal (element, "risk"))
        add_line (section, g_strdup_printf (_("%s — how it is managed: %s"), field (record, "description"),
                                            field (record, "management")), NULL);
      else
        add_line (section, g_strdup_printf (_("%s (%s), %s"), field (record, "name"), field (record, "role"),
                                            field (record, "signed-on")), NULL);
    }
  g_ptr_array_add (outline, section);
}

/**
 * cp_plan_outline:
 *
 * Returns: (transfer full) (element-type CpPlanOutlineSection) (nullable)
 */
GPtrArray *
cp_plan_outline (const char *xml, GError **error)
{
  g_autoptr(Parsed) parsed = parse (xml, error);
  GPtrArray *outline;

  if (parsed == NULL)
    return NULL;
  outline = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_plan_outline_section_free);
  outline_entries (parsed, outline);
  outline_outcomes (parsed, outline);
  outline_simple (parsed, outline, "risk", _("Risks and how they are managed"));
  outline_simple (parsed, outline, "signoff", _("Agreed by"));
  return outline;
}

char *
cp_plan_outline_to_text (GPtrArray *outline)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; outline != NULL && i < outline->len; i++)
    {
      CpPlanOutlineSection *section = g_ptr_array_index (outline, i);

      g_string_append_printf (text, "%s%s\n", i ? "\n" : "", section->heading);
      for (guint j = 0; j < section->lines->len; j++)
        {
          CpPlanOutlineLine *line = g_ptr_array_index (section->lines, j);

          if (line->voice != NULL)
            g_string_append_printf (text, "- %s (%s)\n", line->text, line->voice);
          else
            g_string_append_printf (text, "- %s\n", line->text);
        }
    }
  return g_string_free (text, FALSE);
}
