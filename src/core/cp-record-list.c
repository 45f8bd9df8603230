/* cp-record-list.c — a lazily fetched list of stored records
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel over one table that never loads every row: the length is
 * a count(*), and rows are fetched a page at a time when a view asks for
 * them, keeping only the most recently used pages. A caseload of 10,000
 * people costs the same to open as one of 10.
 */
#define G_LOG_DOMAIN "cp-record-list"

#include <string.h>

#include "cp-lazy-list.h"
#include "cp-record-list.h"

/* Bound parameters: ?1 the parent, ?2 the offset, ?3… the search words. */
#define FIRST_TERM_PARAM 3

struct _CpRecordList
{
  GObject     parent_instance;

  CpStore    *store;
  GType       item_type;
  char       *parent_id;
  char       *search;
  /* The search split into words, each matched on its own. */
  GStrv       terms;
  /* Optional: a SELECT of more matching ids (cp_record_list_set_search_extra). */
  char       *extra_sql;
  CpRecordListSearchParam extra_param_func;
  char       *extra_param;
  guint       n_items;
  CpListPages pages;
  guint       refresh_source;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpRecordList, cp_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum { PROP_0, PROP_SEARCH, PROP_N_ITEMS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static CpRecordClass *
item_class (CpRecordList *self)
{
  return CP_RECORD_CLASS (g_type_class_peek (self->item_type));
}

/* "WHERE deleted = 0 AND parent = ?1 AND search LIKE ?3 AND …": only
 * names from code go into the text; values are bound by bind_filter(). */
/* Whether search word @i is in the row's search expression (its name). */
static void
append_term_match (CpRecordList *self, GString *sql, guint i, const char *joiner)
{
  /* cp_fold() (cp-store.c) ignores case beyond ASCII, as LIKE does not. */
  g_string_append_printf (sql, "%s(cp_fold (%s) LIKE '%%' || ?%u || '%%' ESCAPE '\\')",
                          i ? joiner : "", item_class (self)->search_expression, FIRST_TERM_PARAM + i);
}

/* The list's order. While a search also finds rows by other texts (a
 * person by their plan), rows with more of the words in their own name
 * come first: "Begum hospital" lists the Begums whose plan mentions a
 * hospital before people whose plan names a Begum on their staff. */
static char *
order_sql (CpRecordList *self)
{
  CpRecordClass *klass = item_class (self);
  const char *order = klass->order_by ? klass->order_by : "created_at";
  g_autoptr(GString) named = g_string_new (NULL);

  if (self->terms == NULL || self->terms[0] == NULL || self->extra_param == NULL)
    return g_strdup (order);
  for (guint i = 0; self->terms[i] != NULL; i++)
    append_term_match (self, named, i, " + ");
  return g_strdup_printf ("-(%s), %s", named->str, order);
}

static char *
filter_sql (CpRecordList *self)
{
  CpRecordClass *klass = item_class (self);
  GString *sql = g_string_new ("WHERE deleted = 0");
  g_autoptr(GString) words = g_string_new (NULL);

  if (self->parent_id != NULL && klass->parent_column != NULL)
    g_string_append_printf (sql, " AND %s = ?1", klass->parent_column);
  for (guint i = 0; self->terms != NULL && self->terms[i] != NULL; i++)
    append_term_match (self, words, i, " AND ");
  /* Rows the extra SELECT finds (people whose plan text matches) too. */
  if (words->len > 0 && self->extra_param != NULL)
    g_string_append_printf (sql, " AND ((%s) OR id IN (%s))", words->str, self->extra_sql);
  else if (words->len > 0)
    g_string_append_printf (sql, " AND %s", words->str);
  return g_string_free (sql, FALSE);
}

/* What is typed is matched word by word, so "Sam Patel" finds the person
 * the list shows by that name even though the stored given name is
 * Samantha. Digits with spaces or hyphens ("943 476 5919", as NHS
 * numbers are printed) are one number, matched without them. */
static GStrv
split_search (const char *search)
{
  if (search == NULL)
    return NULL;
  if (strspn (search, "0123456789 -") == strlen (search) && strpbrk (search, "0123456789") != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autofree char *digits = g_strdup (search);
      char *out = digits;

      for (const char *p = search; *p; p++)
        if (g_ascii_isdigit (*p))
          *out++ = *p;
      *out = '\0';
      if (*digits != '\0')
        g_strv_builder_add (builder, digits);
      return g_strv_builder_end (builder);
    }
  return _cp_lazy_list_split_words (search);
}

static void
bind_filter (CpRecordList *self, sqlite3_stmt *stmt)
{
  CpRecordClass *klass = item_class (self);

  if (self->parent_id != NULL && klass->parent_column != NULL)
    sqlite3_bind_text (stmt, 1, self->parent_id, -1, SQLITE_TRANSIENT);
  for (guint i = 0; self->terms != NULL && self->terms[i] != NULL; i++)
    {
      g_autofree char *escaped = _cp_lazy_list_escape_like (self->terms[i]);

      sqlite3_bind_text (stmt, (int) (FIRST_TERM_PARAM + i), escaped, -1, SQLITE_TRANSIENT);
    }
  if (self->terms != NULL && self->terms[0] != NULL && self->extra_param != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":search"), self->extra_param, -1,
                       SQLITE_TRANSIENT);
}

static guint
count_rows (CpRecordList *self)
{
  g_autofree char *where = filter_sql (self);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s %s", item_class (self)->table, where);
  sqlite3_stmt *stmt = cp_store_prepare (self->store, sql, NULL);
  guint count = 0;

  if (stmt == NULL)
    return 0;
  bind_filter (self, stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static GPtrArray *
fetch_page (gpointer owner, guint page)
{
  CpRecordList *self = owner;
  CpRecordClass *klass = item_class (self);
  g_autofree char *columns = cp_store_select_columns (self->item_type);
  g_autofree char *where = filter_sql (self);
  g_autofree char *order = order_sql (self);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s %s ORDER BY %s, id LIMIT %d OFFSET ?2",
                                          columns, klass->table, where, order, CP_LIST_PAGE_SIZE);
  sqlite3_stmt *stmt = cp_store_prepare (self->store, sql, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (stmt == NULL)
    return rows;
  bind_filter (self, stmt);
  sqlite3_bind_int64 (stmt, 2, (gint64) page * CP_LIST_PAGE_SIZE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, cp_store_record_from_row (self->store, self->item_type, stmt));
  sqlite3_reset (stmt);
  return rows;
}

static GType
cp_record_list_get_item_type (GListModel *model)
{
  return CP_RECORD_LIST (model)->item_type;
}

static guint
cp_record_list_get_n_items (GListModel *model)
{
  return CP_RECORD_LIST (model)->n_items;
}

static gpointer
cp_record_list_get_item (GListModel *model, guint position)
{
  CpRecordList *self = CP_RECORD_LIST (model);

  if (position >= self->n_items)
    return NULL;
  return _cp_list_pages_get_item (&self->pages, position, fetch_page, self);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cp_record_list_get_item_type;
  iface->get_n_items = cp_record_list_get_n_items;
  iface->get_item = cp_record_list_get_item;
}

/**
 * cp_record_list_refresh:
 *
 * Forgets every fetched page and recounts, telling views that the whole
 * list may have changed. Views fetch again only the rows they show.
 */
void
cp_record_list_refresh (CpRecordList *self)
{
  guint old_n;

  g_return_if_fail (CP_IS_RECORD_LIST (self));
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  old_n = self->n_items;
  _cp_list_pages_forget (&self->pages);
  self->n_items = count_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  CpRecordList *self = data;

  self->refresh_source = 0;
  cp_record_list_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many rows change in one import: refresh once, when the loop is idle. */
static void
store_changed_cb (CpRecordList *self, const char *table, const char *id, CpStore *store)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
cp_record_list_dispose (GObject *object)
{
  CpRecordList *self = CP_RECORD_LIST (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_record_list_parent_class)->dispose (object);
}

static void
cp_record_list_finalize (GObject *object)
{
  CpRecordList *self = CP_RECORD_LIST (object);

  g_free (self->parent_id);
  g_free (self->search);
  g_strfreev (self->terms);
  g_free (self->extra_sql);
  g_free (self->extra_param);
  _cp_list_pages_clear (&self->pages);
  G_OBJECT_CLASS (cp_record_list_parent_class)->finalize (object);
}

static void
cp_record_list_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CpRecordList *self = CP_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:  g_value_set_string (value, self->search); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->n_items); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_record_list_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SEARCH: cp_record_list_set_search (CP_RECORD_LIST (object), g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_record_list_class_init (CpRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_record_list_dispose;
  object_class->finalize = cp_record_list_finalize;
  object_class->get_property = cp_record_list_get_property;
  object_class->set_property = cp_record_list_set_property;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_record_list_init (CpRecordList *self)
{
  _cp_list_pages_init (&self->pages);
}

/**
 * cp_record_list_new:
 * @parent_id: (nullable): only rows whose parent column equals this
 *
 * Returns: (transfer full): a list of the live records of @item_type
 */
CpRecordList *
cp_record_list_new (CpStore *store, GType item_type, const char *parent_id)
{
  CpRecordList *self;
  g_autofree char *detailed = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, CP_TYPE_RECORD), NULL);

  self = g_object_new (CP_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->item_type = item_type;
  self->parent_id = g_strdup (parent_id);
  g_type_class_ref (item_type);
  detailed = g_strdup_printf ("changed::%s", item_class (self)->table);
  g_signal_connect_object (store, detailed, G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  self->n_items = count_rows (self);
  return self;
}

const char *
cp_record_list_get_search (CpRecordList *self)
{
  g_return_val_if_fail (CP_IS_RECORD_LIST (self), NULL);
  return self->search;
}

/* An empty search shows everyone. */
void
cp_record_list_set_search (CpRecordList *self, const char *search)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (CP_IS_RECORD_LIST (self));
  trimmed = search ? g_strstrip (g_strdup (search)) : NULL;
  if (trimmed != NULL && *trimmed == '\0')
    g_clear_pointer (&trimmed, g_free);
  if (g_strcmp0 (trimmed, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&trimmed);
  g_clear_pointer (&self->terms, g_strfreev);
  if (item_class (self)->search_expression != NULL)
    self->terms = split_search (self->search);
  g_clear_pointer (&self->extra_param, g_free);
  if (self->extra_param_func != NULL && self->search != NULL)
    self->extra_param = self->extra_param_func (self->search);
  cp_record_list_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/**
 * cp_record_list_find_position:
 * @id: a record's id
 *
 * Where the record stands in the list as it is now (same filter, same
 * order), counted by SQLite without fetching any rows into memory: a
 * person renamed can move anywhere in a caseload of thousands.
 *
 * Returns: the position, or G_MAXUINT when the record is not in the list
 */
guint
cp_record_list_find_position (CpRecordList *self, const char *id)
{
  CpRecordClass *klass;
  g_autofree char *where = NULL;
  g_autofree char *order = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint position = G_MAXUINT;

  g_return_val_if_fail (CP_IS_RECORD_LIST (self), G_MAXUINT);
  if (id == NULL)
    return G_MAXUINT;
  klass = item_class (self);
  where = filter_sql (self);
  order = order_sql (self);
  sql = g_strdup_printf ("SELECT position FROM"
                         " (SELECT id, row_number () OVER (ORDER BY %s, id) - 1 AS position"
                         "  FROM %s %s)"
                         " WHERE id = ?2",
                         order, klass->table, where);
  stmt = cp_store_prepare (self->store, sql, NULL);
  if (stmt == NULL)
    return G_MAXUINT;
  bind_filter (self, stmt);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return position < self->n_items ? position : G_MAXUINT;
}

/* How many pages were read from the database: lets tests and benchmarks
 * check that showing a list does not read every row. */
guint
cp_record_list_get_pages_fetched (CpRecordList *self)
{
  g_return_val_if_fail (CP_IS_RECORD_LIST (self), 0);
  return self->pages.fetched;
}

/**
 * cp_record_list_set_search_extra:
 * @id_select: (nullable): an SQL SELECT, written in code, of more ids
 *   that match; its one parameter is named :search
 * @make_param: (nullable): turns the search text into the :search value;
 *   when it returns NULL only the words are matched
 *
 * A row is listed when every search word is in its search expression or
 * when @id_select returns its id: the caseload finds people by what is
 * written in their plan as well as by name (cp-search.h).
 */
void
cp_record_list_set_search_extra (CpRecordList *self, const char *id_select, CpRecordListSearchParam make_param)
{
  g_return_if_fail (CP_IS_RECORD_LIST (self));
  if (g_strcmp0 (self->extra_sql, id_select) == 0 && self->extra_param_func == make_param)
    return;
  g_free (self->extra_sql);
  self->extra_sql = g_strdup (id_select);
  self->extra_param_func = id_select ? make_param : NULL;
  g_clear_pointer (&self->extra_param, g_free);
  if (self->extra_param_func != NULL && self->search != NULL)
    self->extra_param = self->extra_param_func (self->search);
  cp_record_list_refresh (self);
}
