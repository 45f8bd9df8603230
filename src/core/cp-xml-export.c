/* cp-xml-export.c — writing Coplan XML (format version 1)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Streamed with xmlTextWriter straight to a GOutputStream, reading rows
 * with cursors one record at a time, so memory does not grow with the
 * caseload. Driven by CpRecord class metadata (cp-xml-kinds.c).
 *
 * Records are elements of the writer; their columns, about a million
 * one-line elements for the 1,000-person demo, are not: through
 * xmlTextWriterWriteElement each costs a stack push, a copy of its name,
 * an escaped copy of its text and a write per level of indent, which
 * made up most of the export's time. They are formatted here, byte for
 * byte as the writer would, into one buffer per record that the writer
 * is handed as raw text.
 */
#define G_LOG_DOMAIN "cp-xml"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "cp-xml-export.h"
#include "cp-xml-kinds.h"

typedef struct
{
  CpStore          *store;
  GOutputStream    *out;
  xmlTextWriterPtr  writer;
  GError           *error;        /* the first write or read failure */
  gboolean          with_receipts;
  gboolean          live_only;    /* leave tombstoned rows out */
  gboolean          skip_versions;/* leave agreed plan versions out */
  const char       *only_plan_id; /* one plan of the person, or NULL */
  GByteArray       *out_batch;    /* written, not yet passed to @out */
  GString          *leaves;       /* the current record's column elements, unwritten */
  guint             depth;        /* elements open in the writer, <coplan> included */
  gboolean          tag_open;     /* the last record's start tag still lacks its '>' */
} Export;

/* libxml2 hands its output over in 4 KB pieces; a stream that is not
 * buffered (a plain file) would make each a system call. */
#define OUT_BATCH (64 * 1024)

static gboolean
flush_out (Export *self)
{
  gboolean ok = self->error == NULL &&
                g_output_stream_write_all (self->out, self->out_batch->data, self->out_batch->len,
                                           NULL, NULL, &self->error);

  g_byte_array_set_size (self->out_batch, 0);
  return ok;
}

static int
write_cb (void *data, const char *buffer, int len)
{
  Export *self = data;

  if (self->error != NULL)
    return -1;
  if (self->out_batch->len + (guint) len > OUT_BATCH && !flush_out (self))
    return -1;
  g_byte_array_append (self->out_batch, (const guint8 *) buffer, (guint) len);
  return len;
}

/* After libxml2's last write, from xmlFreeTextWriter(). */
static int
close_cb (void *data)
{
  Export *self = data;

  return flush_out (self) ? 0 : -1;
}

/* xmlTextWriter reports failure as a negative number; keep the first
 * reason in words. */
static gboolean
check (Export *self, int rc)
{
  if (rc >= 0)
    return TRUE;
  if (self->error == NULL)
    g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("The XML file could not be written."));
  return FALSE;
}

static gboolean
xml_char_allowed (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* XML 1.0 cannot hold control characters (not even as &#1;) or broken
 * UTF-8: a pasted one would make a file nobody can read back, so it is
 * written as U+FFFD instead. Returns NULL when @text is fine as it is. */
static char *
sanitize_text (const char *text)
{
  GString *clean;
  g_autofree char *valid = NULL;
  const char *p;

  /* Most text is plain printable ASCII: nothing to check further. */
  for (p = text; (guchar) *p >= 0x20 && (guchar) *p < 0x7f; p++)
    ;
  if (*p == '\0')
    return NULL;
  if (g_utf8_validate (text, -1, NULL))
    {
      for (p = text; *p; p = g_utf8_next_char (p))
        if (!xml_char_allowed (g_utf8_get_char (p)))
          break;
      if (*p == '\0')
        return NULL;
    }
  valid = g_utf8_make_valid (text, -1);
  clean = g_string_sized_new (strlen (valid));
  for (p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (clean, xml_char_allowed (c) ? c : 0xFFFD);
    }
  return g_string_free (clean, FALSE);
}

/* g_string_append_len() checks whether the text overlaps the string's
 * own; at several million calls that check showed in profiles. */
static inline void
put (GString *string, const char *bytes, gsize len)
{
  if (G_UNLIKELY (string->len + len >= string->allocated_len))
    {
      g_string_append_len (string, bytes, (gssize) len);
      return;
    }
  memcpy (string->str + string->len, bytes, len);
  string->len += len;
  string->str[string->len] = '\0';
}

static inline void
put_str (GString *string, const char *text)
{
  put (string, text, strlen (text));
}

/* Two spaces per open element, as xmlTextWriterSetIndentString() says. */
static void
put_indent (GString *string, guint depth)
{
  static const char spaces[] = "                                ";

  for (; depth * 2 > sizeof spaces - 1; depth -= (sizeof spaces - 1) / 2)
    put (string, spaces, sizeof spaces - 1);
  put (string, spaces, depth * 2);
}

/* The length of @text if it is printable ASCII with nothing to escape
 * (so it is written as it is), or -1. */
static gssize
plain_length (const char *text)
{
  const guchar *p;

  for (p = (const guchar *) text;
       *p >= 0x20 && *p < 0x7f && *p != '<' && *p != '>' && *p != '&' && *p != '"';
       p++)
    ;
  return *p == '\0' ? (gssize) (p - (const guchar *) text) : -1;
}

/* The escaping xmlTextWriterWriteString() gives element content. */
static gboolean
append_escaped (Export *self, const char *text)
{
  g_autofree char *clean = sanitize_text (text);
  xmlChar *escaped = xmlEncodeSpecialChars (NULL, BAD_CAST (clean ? clean : text));

  if (escaped == NULL)
    return check (self, -1);
  put_str (self->leaves, (const char *) escaped);
  xmlFree (escaped);
  return TRUE;
}

static void
put_int64 (GString *string, gint64 value)
{
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    *--p = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) != 0);
  if (value < 0)
    *--p = '-';
  put (string, p, (gsize) (digits + sizeof digits - p));
}

/* What xmlTextWriterStartElement() writes for an element holding text:
 * with indenting on, the record's start tag ends in ">\n" before its
 * first child (raw text is preceded only by the '>'), and each child
 * sits on its own line, indented two spaces per open element. */
static void
open_leaf (Export *self, const char *name)
{
  if (self->tag_open)
    put (self->leaves, "\n", 1);
  self->tag_open = FALSE;
  put_indent (self->leaves, self->depth);
  put (self->leaves, "<", 1);
  put_str (self->leaves, name);
  put (self->leaves, ">", 1);
}

static void
close_leaf (Export *self, const char *name)
{
  put (self->leaves, "</", 2);
  put_str (self->leaves, name);
  put (self->leaves, ">\n", 2);
}

/* Hands the buffered column elements to the writer. Raw text clears the
 * writer's note to indent the next end tag, which a text element's own
 * end tag would have set again; xmlTextWriterSetIndent() sets it. */
static gboolean
flush_leaves (Export *self)
{
  int rc;

  if (self->leaves->len == 0)
    return TRUE;
  rc = xmlTextWriterWriteRawLen (self->writer, BAD_CAST self->leaves->str, (int) self->leaves->len);
  g_string_truncate (self->leaves, 0);
  return check (self, rc) && check (self, xmlTextWriterSetIndent (self->writer, 1));
}

/* libxml2 refuses a text node over 10 MB unless told XML_PARSE_HUGE,
 * which the importer never is; a 20 MB receipt is 27 MB of base64. So
 * long data is written in pieces of whole 3-byte groups (no padding in
 * between) separated by empty comments: each piece is its own text node,
 * and the element's value is still one base64 string. Written through
 * the writer, after the columns before it. */
#define BLOB_PIECE 6000000

static gboolean
write_blob_element (Export *self, const char *name, sqlite3_stmt *stmt, int column)
{
  const char *data = sqlite3_column_blob (stmt, column);
  int size = sqlite3_column_bytes (stmt, column);

  if (!flush_leaves (self))
    return FALSE;
  self->tag_open = FALSE;
  if (!check (self, xmlTextWriterStartElement (self->writer, BAD_CAST name)))
    return FALSE;
  for (int start = 0; start < size; start += BLOB_PIECE)
    {
      if (start > 0 && !check (self, xmlTextWriterWriteComment (self->writer, BAD_CAST "")))
        return FALSE;
      if (!check (self, xmlTextWriterWriteBase64 (self->writer, data, start, MIN (BLOB_PIECE, size - start))))
        return FALSE;
    }
  return check (self, xmlTextWriterEndElement (self->writer));
}

static gboolean
append_value (Export *self, GType type, sqlite3_stmt *stmt, int column)
{
  const char *text;
  gssize len;

  if (type == G_TYPE_INT64 || type == G_TYPE_INT)
    {
      put_int64 (self->leaves, sqlite3_column_int64 (stmt, column));
      return TRUE;
    }
  if (type == G_TYPE_BOOLEAN)
    {
      put_str (self->leaves, sqlite3_column_int64 (stmt, column) ? "true" : "false");
      return TRUE;
    }
  text = (const char *) sqlite3_column_text (stmt, column);
  if (text == NULL)
    return cp_store_set_error_from_db (self->store, SQLITE_NOMEM, &self->error);
  len = plain_length (text);
  if (len >= 0)
    {
      put (self->leaves, text, (gsize) len);
      return TRUE;
    }
  return append_escaped (self, text);
}

/* One column as its element, from the row's stored value. */
static gboolean
write_column (Export *self, GParamSpec *pspec, sqlite3_stmt *stmt, int column)
{
  GType type = pspec->value_type;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return TRUE;
  if (type == G_TYPE_BYTES)
    return !self->with_receipts || write_blob_element (self, pspec->name, stmt, column);
  open_leaf (self, pspec->name);
  if (!append_value (self, type, stmt, column))
    return FALSE;
  close_leaf (self, pspec->name);
  return TRUE;
}

static gboolean write_children (Export *self, const CpXmlKind *kind, sqlite3_stmt *parent,
                                int flags, const char *id);

static gboolean
start_record (Export *self, const CpXmlKind *kind, sqlite3_stmt *stmt)
{
  xmlTextWriterPtr w = self->writer;

  if (!check (self, xmlTextWriterStartElement (w, BAD_CAST kind->element)) ||
      !check (self, xmlTextWriterWriteAttribute (w, BAD_CAST "id", sqlite3_column_text (stmt, 0))) ||
      !check (self, xmlTextWriterWriteAttribute (w, BAD_CAST "created", sqlite3_column_text (stmt, 1))) ||
      !check (self, xmlTextWriterWriteAttribute (w, BAD_CAST "updated", sqlite3_column_text (stmt, 2))))
    return FALSE;
  if (sqlite3_column_int (stmt, 3) != 0 &&
      !check (self, xmlTextWriterWriteAttribute (w, BAD_CAST "deleted", BAD_CAST "true")))
    return FALSE;
  self->depth++;
  self->tag_open = TRUE;
  return TRUE;
}

static gboolean
end_record (Export *self)
{
  self->depth--;
  self->tag_open = FALSE;
  return check (self, xmlTextWriterEndElement (self->writer));
}

/* The statement is positioned on a row selected with the kind's columns,
 * maybe followed by its child flags (CpXmlKind.export_sql). */
static gboolean
write_record (Export *self, const CpXmlKind *kind, sqlite3_stmt *stmt)
{
  GPtrArray *columns = cp_record_class_columns (kind->klass);
  g_autofree char *id = NULL;

  if (self->live_only && sqlite3_column_int (stmt, 3) != 0)
    return TRUE;
  id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (!start_record (self, kind, stmt))
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);

      if (pspec != kind->parent_pspec && !write_column (self, pspec, stmt, (int) i + 4))
        return FALSE;
    }
  return flush_leaves (self) &&
         write_children (self, kind, stmt, (int) columns->len + 4, id) &&
         end_record (self);
}

/* Steps a prepared statement to the end, writing each row; always
 * resets it, so no read transaction is left open. */
static gboolean
write_rows (Export *self, const CpXmlKind *kind, sqlite3_stmt *stmt)
{
  gboolean ok = TRUE;
  int rc;

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = write_record (self, kind, stmt);
  if (ok && rc != SQLITE_DONE)
    ok = cp_store_set_error_from_db (self->store, rc, &self->error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok && self->error == NULL;
}

static gboolean
skip_kind (Export *self, const CpXmlKind *kind)
{
  return self->skip_versions && g_str_equal (kind->table, "plan_version");
}

/* Whether @parent's row may have children of its kind's @index'th child
 * kind; a statement without the flags (selecting one record by id) does
 * not know, so they are looked for. */
static gboolean
may_have_children (sqlite3_stmt *parent, int column)
{
  return column >= sqlite3_column_count (parent) || sqlite3_column_int (parent, column) != 0;
}

/* @flags is @parent's column holding the first child kind's flag. */
static gboolean
write_children (Export *self, const CpXmlKind *kind, sqlite3_stmt *parent, int flags,
                const char *id)
{
  for (guint i = 0; i < kind->children->len; i++)
    {
      const CpXmlKind *child = g_ptr_array_index (kind->children, i);
      sqlite3_stmt *stmt;

      if (skip_kind (self, child))
        continue;
      if (self->only_plan_id != NULL && g_str_equal (child->table, "plan"))
        {
          g_autofree char *columns = cp_store_select_columns (child->type);
          g_autofree char *sql = g_strdup_printf ("SELECT %s FROM plan WHERE id = ?", columns);
          stmt = cp_store_prepare (self->store, sql, &self->error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, self->only_plan_id, -1, SQLITE_TRANSIENT);
        }
      else if (!may_have_children (parent, flags + (int) i))
        continue;
      else
        {
          stmt = cp_store_prepare (self->store, child->export_sql, &self->error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
        }
      if (!write_rows (self, child, stmt))
        return FALSE;
    }
  return TRUE;
}

static gboolean
start_document (Export *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  xmlOutputBufferPtr buffer;
  xmlTextWriterPtr w;

  self->out_batch = g_byte_array_sized_new (OUT_BATCH);
  buffer = xmlOutputBufferCreateIO (write_cb, close_cb, self, NULL);
  self->writer = w = xmlNewTextWriter (buffer);
  if (w == NULL)
    return check (self, -1);
  self->leaves = g_string_sized_new (4096);
  self->depth = 1; /* <coplan> */
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST "  ");
  return check (self, xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL)) &&
         check (self, xmlTextWriterStartElement (w, BAD_CAST "coplan")) &&
         check (self, xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns", BAD_CAST CP_XML_NAMESPACE)) &&
         check (self, xmlTextWriterWriteAttribute (w, BAD_CAST "format-version",
                                                   BAD_CAST CP_XML_FORMAT_VERSION)) &&
         check (self, xmlTextWriterWriteAttribute (w, BAD_CAST "exported-at", BAD_CAST stamp)) &&
         check (self, xmlTextWriterWriteAttribute (w, BAD_CAST "receipts",
                                                   BAD_CAST (self->with_receipts ? "included" : "omitted")));
}

static gboolean
finish_document (Export *self, GError **error)
{
  gboolean ok = self->error == NULL &&
                check (self, xmlTextWriterEndDocument (self->writer));

  g_clear_pointer (&self->writer, xmlFreeTextWriter);
  g_clear_pointer (&self->out_batch, g_byte_array_unref);
  if (self->leaves != NULL)
    g_string_free (g_steal_pointer (&self->leaves), TRUE);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return ok;
}

/* Top-level records that are not people (contributors, and whatever
 * is added beside them later), all of them, before the people. */
static gboolean
write_shared_records (Export *self)
{
  GPtrArray *kinds = cp_xml_kinds ();

  for (guint i = 0; i < kinds->len; i++)
    {
      const CpXmlKind *kind = g_ptr_array_index (kinds, i);
      sqlite3_stmt *stmt;

      if (kind->parent != NULL || g_str_equal (kind->table, "person"))
        continue;
      stmt = cp_store_prepare (self->store, kind->export_sql, &self->error);
      if (stmt == NULL || !write_rows (self, kind, stmt))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_person_by_id (Export *self, const CpXmlKind *person, const char *id)
{
  g_autofree char *columns = cp_store_select_columns (person->type);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM person WHERE id = ?", columns);
  sqlite3_stmt *stmt = cp_store_prepare (self->store, sql, &self->error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gboolean ok = write_record (self, person, stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return ok;
    }
  if (rc == SQLITE_DONE)
    g_set_error (&self->error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                 _("No person has the id “%s”."), id);
  else
    cp_store_set_error_from_db (self->store, rc, &self->error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return FALSE;
}

static gboolean
write_people (Export *self, const char *const *person_ids)
{
  const CpXmlKind *person = cp_xml_kind_for_table ("person");
  sqlite3_stmt *stmt;

  if (person_ids != NULL)
    {
      for (guint i = 0; person_ids[i] != NULL; i++)
        if (!write_person_by_id (self, person, person_ids[i]))
          return FALSE;
      return TRUE;
    }
  stmt = cp_store_prepare (self->store, person->export_sql, &self->error);
  return stmt != NULL && write_rows (self, person, stmt);
}

gboolean
cp_xml_export (CpStore *store, const char *const *person_ids, gboolean with_receipts,
               GOutputStream *out, GError **error)
{
  Export self = { .store = store, .out = out, .with_receipts = with_receipts };

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (start_document (&self) && write_shared_records (&self))
    write_people (&self, person_ids);
  return finish_document (&self, error);
}

/* The contributors who wrote entries in the plan. */
static gboolean
write_plan_authors (Export *self, const char *plan_id)
{
  const CpXmlKind *kind = cp_xml_kind_for_table ("contributor");
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (kind == NULL)
    return TRUE;
  columns = cp_store_select_columns (kind->type);
  sql = g_strdup_printf ("SELECT %s FROM contributor WHERE id IN"
                         " (SELECT author_id FROM plan_entry WHERE plan_id = ?1 AND deleted = 0)"
                         " ORDER BY %s, id", columns, kind->klass->order_by);
  stmt = cp_store_prepare (self->store, sql, &self->error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  return write_rows (self, kind, stmt);
}

static char *
person_of_plan (CpStore *store, const char *plan_id, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, "SELECT person_id FROM plan WHERE id = ?", error);
  char *person_id = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    person_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                 _("No plan has the id “%s”."), plan_id ? plan_id : "");
  else
    cp_store_set_error_from_db (store, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return person_id;
}

char *
cp_xml_export_plan (CpStore *store, const char *plan_id, GError **error)
{
  g_autoptr(GOutputStream) out = NULL;
  g_autofree char *person_id = NULL;
  Export self = { .store = store, .live_only = TRUE, .skip_versions = TRUE,
                  .only_plan_id = plan_id };

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  person_id = person_of_plan (store, plan_id, error);
  if (person_id == NULL)
    return NULL;
  out = g_memory_output_stream_new_resizable ();
  self.out = out;
  if (start_document (&self) && write_plan_authors (&self, plan_id))
    write_person_by_id (&self, cp_xml_kind_for_table ("person"), person_id);
  if (!finish_document (&self, error) ||
      !g_output_stream_write_all (out, "", 1, NULL, NULL, error) ||
      !g_output_stream_close (out, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}
