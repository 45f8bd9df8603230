/* cp-xml-import-plan.c — what an import will change: the preview
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Takes each record cp_xml_read() hands over (the shape already checked
 * against the schema), turns it into a CpRecord, checks every value in C with the core modules (the schema
 * said the shape is right; these say the values are, with the element
 * and line), and compares it with the stored row by id.
 */
#define G_LOG_DOMAIN "cp-xml"

#include <glib/gi18n-lib.h>

#include "cp-date.h"
#include "cp-money.h"
#include "cp-nhs-number.h"
#include "cp-person.h"
#include "cp-store-bulk.h"
#include "cp-xml-import-private.h"
#include "cp-xml-reader.h"

static gboolean
parse_boolean (const char *text, gboolean *value)
{
  if (g_str_equal (text, "true") || g_str_equal (text, "1"))
    *value = TRUE;
  else if (g_str_equal (text, "false") || g_str_equal (text, "0"))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_int64 (CpXmlImport *self, GParamSpec *pspec, const char *text, long line, GValue *value)
{
  gint64 min = G_PARAM_SPEC_INT64 (pspec)->minimum;
  gint64 max = G_PARAM_SPEC_INT64 (pspec)->maximum;
  gint64 number;

  if (g_str_has_suffix (pspec->name, "-pence"))
    {
      min = MAX (min, -CP_MONEY_MAX_PENCE);
      max = MIN (max, CP_MONEY_MAX_PENCE);
    }
  if (!g_ascii_string_to_signed (text, 10, min, max, &number, NULL))
    {
      _cp_xml_import_problem (self, line,
                              _("<%s> must be a whole number from %" G_GINT64_FORMAT " to %"
                                G_GINT64_FORMAT "; it holds “%s”."), pspec->name, min, max, text);
      return FALSE;
    }
  g_value_set_int64 (value, number);
  return TRUE;
}

static gboolean
parse_string (CpXmlImport *self, GParamSpec *pspec, const char *text, long line, GValue *value)
{
  g_autoptr(GError) local_error = NULL;

  if (cp_record_param_is_date (pspec) && !cp_date_iso_is_valid (text, &local_error))
    {
      _cp_xml_import_problem (self, line, _("<%s> holds “%s”, which is not a real date: %s"),
                              pspec->name, text, local_error->message);
      return FALSE;
    }
  if (g_str_equal (pspec->name, "nhs-number") && *text != '\0' &&
      !cp_nhs_number_is_valid (text))
    {
      g_autofree char *digits = cp_nhs_number_normalize (text, &local_error);
      _cp_xml_import_problem (self, line, _("<%s> holds “%s”, which is not a valid NHS number: %s"),
                              pspec->name, text,
                              local_error ? local_error->message : _("the check digit does not match."));
      return FALSE;
    }
  g_value_set_string (value, text);
  return TRUE;
}

/* One column element's text as the property's value. */
static gboolean
parse_column (CpXmlImport *self, GParamSpec *pspec, const CpXmlColumn *column, GValue *value)
{
  const char *text = column->text;
  long line = column->line;
  GType type = pspec->value_type;
  gboolean flag;

  if (type == G_TYPE_STRING)
    return parse_string (self, pspec, text, line, value);
  if (type == G_TYPE_INT64)
    return parse_int64 (self, pspec, text, line, value);
  if (type == G_TYPE_BOOLEAN && parse_boolean (text, &flag))
    {
      g_value_set_boolean (value, flag);
      return TRUE;
    }
  if (G_TYPE_IS_ENUM (type))
    {
      GEnumValue *ev = g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class, text);
      if (ev != NULL)
        {
          g_value_set_enum (value, ev->value);
          return TRUE;
        }
    }
  if (type == G_TYPE_BYTES)
    {
      gsize size = 0;
      guchar *data = g_base64_decode (text, &size);
      g_value_take_boxed (value, g_bytes_new_take (data, size));
      return TRUE;
    }
  _cp_xml_import_problem (self, line, _("<%s> cannot hold “%s”."), pspec->name, text);
  return FALSE;
}

/* What a kind of record may carry in a file, looked up by the reader's
 * interned names: a record's columns are found by pointer, not by
 * comparing strings, at over a million columns per large file. */
#define MAX_PROPERTIES 48

typedef struct
{
  const CpXmlKind *kind;
  GPtrArray       *columns;  /* GParamSpec *, in class order, the parent's left out */
  GHashTable      *index;    /* interned column name → position + 1 */
} KindShape;

static KindShape *
kind_shape_new (const CpXmlKind *kind)
{
  GPtrArray *all = cp_record_class_columns (kind->klass);
  KindShape *shape = g_new0 (KindShape, 1);

  shape->kind = kind;
  shape->columns = g_ptr_array_new ();
  shape->index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (all, i);

      if (pspec->owner_type != kind->type || pspec == kind->parent_pspec)
        continue;
      g_ptr_array_add (shape->columns, pspec);
      g_hash_table_insert (shape->index, (gpointer) g_intern_string (pspec->name),
                           GUINT_TO_POINTER (shape->columns->len));
    }
  /* The id and the parent column come on top of these. */
  g_assert (shape->columns->len + 2 <= MAX_PROPERTIES);
  return shape;
}

/* interned element → KindShape, built once and kept, like the kinds. */
static gpointer
build_shapes (gpointer data)
{
  GPtrArray *kinds = cp_xml_kinds ();
  GHashTable *shapes = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < kinds->len; i++)
    {
      const CpXmlKind *kind = g_ptr_array_index (kinds, i);
      g_hash_table_insert (shapes, (gpointer) g_intern_string (kind->element), kind_shape_new (kind));
    }
  return shapes;
}

static const KindShape *
shape_for_element (const char *element)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_shapes, NULL);
  return g_hash_table_lookup (once.retval, g_intern_string (element));
}

/* The properties a new record is made with, as name and value pairs. */
typedef struct
{
  const char *names[MAX_PROPERTIES];
  GValue      values[MAX_PROPERTIES];
  guint       n;
} Properties;

static GValue *
add_property (Properties *props, GParamSpec *pspec)
{
  GValue *value = &props->values[props->n];

  props->names[props->n++] = pspec->name;
  return g_value_init (value, pspec->value_type);
}

static void
add_id_property (Properties *props, const char *name, const char *id)
{
  GValue *value = &props->values[props->n];

  props->names[props->n++] = name;
  g_value_take_string (g_value_init (value, G_TYPE_STRING), g_ascii_strdown (id ? id : "", -1));
}

static void
properties_clear (Properties *props)
{
  for (guint i = 0; i < props->n; i++)
    g_value_unset (&props->values[i]);
  props->n = 0;
}

/* Every column of @event as a property; FALSE if any value is wrong.
 * Omitted elements mean NULL (a nullable string or receipt file). */
static gboolean
read_columns (CpXmlImport *self, const KindShape *shape, const CpXmlRecordEvent *event,
              Properties *props)
{
  gboolean present[MAX_PROPERTIES] = { FALSE };
  gboolean ok = TRUE;

  for (guint i = 0; i < event->n_columns; i++)
    {
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (shape->index, event->columns[i].name));
      GParamSpec *pspec;

      if (position == 0)
        continue;
      pspec = g_ptr_array_index (shape->columns, position - 1);
      present[position - 1] = TRUE;
      if (!parse_column (self, pspec, &event->columns[i], add_property (props, pspec)))
        ok = FALSE;
    }
  for (guint i = 0; i < shape->columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (shape->columns, i);

      if (!present[i] && (pspec->value_type == G_TYPE_STRING || pspec->value_type == G_TYPE_BYTES))
        add_property (props, pspec);
    }
  return ok;
}

static gboolean
values_equal (GParamSpec *pspec, const GValue *a, const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_BYTES))
    {
      GBytes *x = g_value_get_boxed (a);
      GBytes *y = g_value_get_boxed (b);
      return (x == NULL || y == NULL) ? x == y : g_bytes_equal (x, y);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* TRUE when every column of @incoming equals @stored. A file without
 * receipt files keeps the ones stored here. */
static gboolean
same_values (CpXmlImport *self, CpRecord *incoming, CpRecord *stored)
{
  GPtrArray *columns = cp_record_class_columns (CP_RECORD_GET_CLASS (incoming));
  gboolean same = TRUE;

  for (guint i = 0; i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (G_OBJECT (incoming), pspec->name, &a);
      g_object_get_property (G_OBJECT (stored), pspec->name, &b);
      if (pspec->value_type == G_TYPE_BYTES && !self->receipts_included)
        {
          g_object_set_property (G_OBJECT (incoming), pspec->name, &b);
          continue;
        }
      if (!values_equal (pspec, &a, &b))
        same = FALSE;
    }
  return same;
}

static void
count_change (CpXmlImport *self, const CpXmlKind *kind, CpXmlChange change, CpXmlPerson *person)
{
  guint *counts = g_hash_table_lookup (self->counts, kind->element);

  if (counts == NULL)
    {
      counts = g_new0 (guint, CP_XML_N_CHANGES);
      g_hash_table_insert (self->counts, kind->element, counts);
    }
  counts[change]++;
  self->totals[change]++;
  if (person != NULL)
    person->counts[change]++;
  if (person != NULL && change != CP_XML_CHANGE_UNCHANGED && person->change == CP_XML_CHANGE_UNCHANGED)
    person->change = CP_XML_CHANGE_UPDATE;
}

/* Whether @table has no rows, asked once per read (which runs in one
 * read transaction, so the answer holds until it ends). */
static gboolean
table_is_empty (CpXmlImport *self, const char *table, GError **error)
{
  gpointer known = g_hash_table_lookup (self->empty_tables, table);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean empty;
  int rc;

  if (known != NULL)
    return GPOINTER_TO_INT (known) == 1;
  sql = g_strdup_printf ("SELECT 1 FROM %s LIMIT 1", table);
  stmt = cp_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return !cp_store_set_error_from_db (self->store, rc, error);
  empty = rc == SQLITE_DONE;
  g_hash_table_insert (self->empty_tables, (gpointer) table, GINT_TO_POINTER (empty ? 1 : 2));
  return empty;
}

/* ADD, UPDATE or UNCHANGED against the stored row; FALSE for a change
 * that may not be made (an agreed plan version edited). */
static gboolean
classify (CpXmlImport *self, CpXmlPending *p)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CpRecord) stored = NULL;
  gboolean same;

  /* Most records of a first import are new: into an empty table with no
   * lookup at all, else one indexed lookup each instead of loading a
   * record that is not there. */
  gboolean empty = table_is_empty (self, p->kind->table, &local_error);

  if (local_error == NULL && !empty &&
      _cp_store_row_exists (self->store, p->kind->table, cp_record_get_id (p->record), &local_error))
    stored = cp_store_load (self->store, p->kind->type, cp_record_get_id (p->record), &local_error);
  else if (local_error == NULL)
    {
      p->change = CP_XML_CHANGE_ADD;
      return TRUE;
    }
  if (stored == NULL)
    {
      p->change = CP_XML_CHANGE_ADD;
      if (!g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND))
        _cp_xml_import_problem (self, p->line, "%s", local_error->message);
      return local_error == NULL || g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
    }
  p->was_deleted = cp_record_get_deleted (stored);
  p->stored_updated = g_strdup (cp_record_get_updated_at (stored));
  same = same_values (self, p->record, stored);
  p->change = (same && p->deleted == p->was_deleted) ? CP_XML_CHANGE_UNCHANGED : CP_XML_CHANGE_UPDATE;
  if (!same && p->kind->klass->immutable)
    {
      _cp_xml_import_problem (self, p->line,
                              _("<%s> differs from the agreed version stored here with the same id. "
                                "What was agreed cannot be changed."), p->kind->element);
      return FALSE;
    }
  return TRUE;
}

static void
pending_free (CpXmlPending *p)
{
  g_clear_object (&p->record);
  g_free (p->created);
  g_free (p->updated);
  g_free (p->stored_updated);
  g_free (p);
}

static CpXmlPending *
read_record (CpXmlImport *self, const KindShape *shape, const CpXmlRecordEvent *event)
{
  const CpXmlKind *kind = shape->kind;
  CpXmlPending *p = g_new0 (CpXmlPending, 1);
  g_autoptr(GError) local_error = NULL;
  Properties props = { .n = 0 };
  gboolean ok;

  p->kind = kind;
  p->line = event->line;
  p->created = g_strdup (event->created);
  p->updated = g_strdup (event->updated);
  p->deleted = event->deleted;
  /* Stored ids are lower case; the schema also allows upper. */
  add_id_property (&props, "id", event->id);
  if (kind->parent_pspec != NULL)
    add_id_property (&props, kind->parent_pspec->name, event->parent_id);
  ok = read_columns (self, shape, event, &props);
  if (ok)
    p->record = (CpRecord *) g_object_new_with_properties (kind->type, props.n, props.names, props.values);
  properties_clear (&props);
  if (ok && !cp_record_validate (p->record, &local_error))
    {
      _cp_xml_import_problem (self, p->line, "<%s>: %s", kind->element, local_error->message);
      ok = FALSE;
    }
  if (!ok)
    g_clear_pointer (&p, pending_free);
  return p;
}

static gboolean
note_id (CpXmlImport *self, const CpXmlKind *kind, const char *id, long line)
{
  gpointer seen = g_hash_table_lookup (self->file_ids, id);

  if (seen != NULL)
    {
      _cp_xml_import_problem (self, line, _("The id %s is used by two records in this file."), id);
      return FALSE;
    }
  g_hash_table_insert (self->file_ids, g_strdup (id), (gpointer) kind->table);
  return TRUE;
}

static CpXmlPerson *
add_person (CpXmlImport *self, CpXmlPending *p)
{
  CpXmlPerson *person = g_new0 (CpXmlPerson, 1);

  person->name = cp_person_dup_display_name (CP_PERSON (p->record));
  person->change = p->change;
  g_ptr_array_add (self->people, person);
  return person;
}

/* The person whose records are arriving: a top-level record starts a
 * new one (or none, for a contributor); nested records belong to it. */
static void
follow_person (CpXmlImport *self, const CpXmlKind *kind, const CpXmlRecordEvent *event,
               CpXmlPending *p)
{
  if (event->parent_id != NULL)
    return;
  self->reading_person = NULL;
  if (p != NULL && g_str_equal (kind->table, "person"))
    self->reading_person = add_person (self, p);
}

static void
visit_record (CpXmlImport *self, const KindShape *shape, const CpXmlRecordEvent *event)
{
  const CpXmlKind *kind = shape->kind;
  CpXmlPending *p = read_record (self, shape, event);

  if (p != NULL && (!note_id (self, kind, cp_record_get_id (p->record), p->line) || !classify (self, p)))
    g_clear_pointer (&p, pending_free);
  follow_person (self, kind, event, p);
  if (p == NULL)
    return;
  count_change (self, kind, p->change, self->reading_person);
  if (p->change == CP_XML_CHANGE_UNCHANGED)
    pending_free (p);
  else
    g_ptr_array_add (self->pending, p);
}

static gboolean
on_header (const CpXmlHeader *header, gpointer user_data, GError **error)
{
  CpXmlImport *self = user_data;

  self->receipts_included = header->receipts_included;
  return TRUE;
}

static gboolean
on_record (const CpXmlRecordEvent *event, gpointer user_data, GError **error)
{
  CpXmlImport *self = user_data;
  const KindShape *shape = shape_for_element (event->element);

  /* Stop promptly when asked, without asking at every record. */
  if (++self->n_read % 256 == 0 && g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  /* The schema and the record classes are built from the same tables;
   * an element without a class means the program itself is wrong. */
  if (shape == NULL)
    {
      g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_INVALID,
                   _("Line %ld: Coplan cannot store <%s> records."), event->line, event->element);
      return FALSE;
    }
  visit_record (self, shape, event);
  return TRUE;
}

/* "plan_entry.author_id → contributor" for every reference column. */
static GHashTable *
references_of (CpXmlImport *self, const CpXmlKind *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT \"from\", \"table\" FROM pragma_foreign_key_list ('%s')",
                                          kind->table);
  sqlite3_stmt *stmt = cp_store_prepare (self->store, sql, NULL);
  GHashTable *refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *column = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_hash_table_insert (refs, g_strdelimit (g_steal_pointer (&column), "_", '-'),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return refs;
}

static gboolean
stored_row_exists (CpXmlImport *self, const char *table, const char *id)
{
  /* Only tables named in code go into the SQL. */
  if (cp_xml_kind_for_table (table) == NULL)
    return FALSE;
  return _cp_store_row_exists (self->store, table, id, NULL);
}

/* Every id a changed record points at is in the file or stored here. */
static void
check_references (CpXmlImport *self, CpXmlPending *p, GHashTable *refs)
{
  GHashTableIter iter;
  gpointer key, target;

  g_hash_table_iter_init (&iter, refs);
  while (g_hash_table_iter_next (&iter, &key, &target))
    {
      const char *id = NULL;
      const char *in_file;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (p->record), key) == NULL)
        continue;
      g_object_get (p->record, key, &id, NULL);
      in_file = id ? g_hash_table_lookup (self->file_ids, id) : NULL;
      if (id != NULL && g_strcmp0 (in_file, target) != 0 &&
          !stored_row_exists (self, target, id))
        _cp_xml_import_problem (self, p->line,
                                _("<%s> refers to %s %s, which is neither in this file nor in this database."),
                                (const char *) key, (const char *) target, id);
      g_free ((char *) id);
    }
}

static void
check_all_references (CpXmlImport *self)
{
  g_autoptr(GHashTable) by_kind = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                         (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < self->pending->len; i++)
    {
      CpXmlPending *p = g_ptr_array_index (self->pending, i);
      GHashTable *refs = g_hash_table_lookup (by_kind, p->kind);

      if (refs == NULL)
        {
          refs = references_of (self, p->kind);
          g_hash_table_insert (by_kind, (gpointer) p->kind, refs);
        }
      check_references (self, p, refs);
    }
}

gboolean
_cp_xml_import_plan (CpXmlImport *self, const char *data, gsize size, GError **error)
{
  static const CpXmlReaderFuncs funcs = { on_header, on_record };

  self->reading_person = NULL;
  self->n_read = 0;
  if (!cp_xml_read (data, size, &funcs, self, error))
    return FALSE;
  if (self->n_problems == 0)
    check_all_references (self);
  if (self->n_problems > 0)
    {
      if (self->n_problems > CP_XML_MAX_PROBLEMS)
        g_string_append_printf (self->problems, "\n%s", _("… and more problems after these."));
      g_set_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_INVALID,
                   _("Some values in this file cannot be stored, so nothing was imported:\n%s"),
                   self->problems->str);
      return FALSE;
    }
  return TRUE;
}
