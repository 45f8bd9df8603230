/* cp-ledger.c — one plan's payments as a lazy, filtered, sorted list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like CpRecordList, the ledger never loads every payment: its length is
 * a count(*) and rows are fetched 64 at a time when a view asks. Each
 * page is one query. The running total behind "Left after this" comes
 * from the plan's daily totals (one aggregate per refresh) plus that
 * day's earlier payments (an indexed sum per row), so it is exact to the
 * penny whatever the list is sorted or filtered by, without a window
 * over every payment on each page (measured with bench-ledger).
 *
 * SQL text is built only from the fixed pieces below; what a person
 * typed (search words, dates) is always bound.
 */
#define G_LOG_DOMAIN "cp-ledger"

#include <string.h>

#include "cp-budget-categories.h"
#include "cp-date.h"
#include "cp-lazy-list.h"
#include "cp-ledger.h"
#include "cp-payment.h"

struct _CpLedger
{
  GObject      parent_instance;

  CpStore     *store;
  char        *plan_id;
  char        *search;
  GStrv        terms;
  char        *line_id;
  char        *stream_id;
  char        *from;
  char        *to;
  CpLedgerSort sort;
  gboolean     descending;

  guint        n_items;
  gint64       agreed_pence;
  GArray      *days;
  CpListPages  pages;
  guint        refresh_source;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpLedger, cp_ledger, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum { PROP_0, PROP_N_ITEMS, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The whitelist of orders: the only ORDER BY text that can ever be run.
 * Ties fall back to the order payments were typed, then the id, so a
 * page boundary never shows a row twice or skips one. */
static const char *const order_asc[] = {
  [CP_LEDGER_SORT_DATE] = "p.paid_on, p.created_at, p.id",
  [CP_LEDGER_SORT_AMOUNT] = "p.amount_pence, p.created_at, p.id",
  [CP_LEDGER_SORT_PAYEE] = "p.payee COLLATE NOCASE, p.created_at, p.id",
};
static const char *const order_desc[] = {
  [CP_LEDGER_SORT_DATE] = "p.paid_on DESC, p.created_at DESC, p.id DESC",
  [CP_LEDGER_SORT_AMOUNT] = "p.amount_pence DESC, p.created_at DESC, p.id DESC",
  [CP_LEDGER_SORT_PAYEE] = "p.payee COLLATE NOCASE DESC, p.created_at DESC, p.id DESC",
};

static const char *
order_sql (CpLedger *self)
{
  return self->descending ? order_desc[self->sort] : order_asc[self->sort];
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* "p.plan_id = :plan AND …": names from code, values bound by bind_filter(). */
static char *
filter_sql (CpLedger *self)
{
  GString *sql = g_string_new ("p.plan_id = :plan AND p.deleted = 0");

  if (has_text (self->stream_id))
    g_string_append (sql, " AND p.stream_id = :stream");
  if (has_text (self->line_id))
    g_string_append (sql, " AND p.budget_line_id = :line");
  if (has_text (self->from))
    g_string_append (sql, " AND p.paid_on >= :from");
  if (has_text (self->to))
    g_string_append (sql, " AND p.paid_on <= :to");
  /* cp_fold() (cp-store.c) ignores case beyond ASCII, as LIKE does not. */
  for (guint i = 0; self->terms != NULL && self->terms[i] != NULL; i++)
    g_string_append_printf (sql, " AND cp_fold (p.payee || ' ' || p.reference || ' ' || p.note)"
                                 " LIKE '%%' || :t%u || '%%' ESCAPE '\\'", i);
  return g_string_free (sql, FALSE);
}

static void
bind_named (sqlite3_stmt *stmt, const char *name, const char *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_filter (CpLedger *self, sqlite3_stmt *stmt)
{
  bind_named (stmt, ":plan", self->plan_id);
  bind_named (stmt, ":stream", self->stream_id);
  bind_named (stmt, ":line", self->line_id);
  bind_named (stmt, ":from", self->from);
  bind_named (stmt, ":to", self->to);
  for (guint i = 0; self->terms != NULL && self->terms[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf (":t%u", i);
      g_autofree char *escaped = _cp_lazy_list_escape_like (self->terms[i]);

      bind_named (stmt, name, escaped);
    }
}

/* Runs @sql (bound with the filter) and reads one or two integers. */
static gboolean
query_ints (CpLedger *self, const char *sql, gint64 *first, gint64 *second, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (self->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_filter (self, stmt);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *first = sqlite3_column_int64 (stmt, 0);
      if (second != NULL)
        *second = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return cp_store_set_error_from_db (self->store, rc, error);
  return TRUE;
}

static gint64
sum_agreed (CpLedger *self, GError **error)
{
  const char *sql = has_text (self->stream_id)
    ? "SELECT ifnull (sum (agreed_pence), 0) FROM funding_stream"
      " WHERE plan_id = :plan AND deleted = 0 AND id = :stream"
    : "SELECT ifnull (sum (agreed_pence), 0) FROM funding_stream"
      " WHERE plan_id = :plan AND deleted = 0";
  gint64 agreed = 0;

  query_ints (self, sql, &agreed, NULL, error);
  return agreed;
}

static gboolean
count_shown (CpLedger *self, gint64 *count, gint64 *sum, GError **error)
{
  g_autofree char *where = filter_sql (self);
  g_autofree char *sql = g_strdup_printf ("SELECT count (*), ifnull (sum (p.amount_pence), 0)"
                                          " FROM payment p WHERE %s", where);

  return query_ints (self, sql, count, sum, error);
}

/* What was spent before each day of the plan (or stream): one aggregate
 * per refresh, a few hundred numbers for a year of care, never the
 * payments themselves. A row's running total is the total before its
 * day plus the same day's payments up to it, which the
 * day index (plan_id, deleted, paid_on …) finds at once. */
typedef struct
{
  char   day[11];
  gint64 before;
} DayTotal;

static const char *
days_sql (CpLedger *self)
{
  if (has_text (self->stream_id))
    return "SELECT paid_on, sum (amount_pence) FROM payment"
           " WHERE plan_id = :plan AND deleted = 0 AND stream_id = :stream"
           " GROUP BY paid_on ORDER BY paid_on";
  return "SELECT paid_on, sum (amount_pence) FROM payment"
         " WHERE plan_id = :plan AND deleted = 0 GROUP BY paid_on ORDER BY paid_on";
}

static void
sum_days (CpLedger *self)
{
  sqlite3_stmt *stmt = cp_store_prepare (self->store, days_sql (self), NULL);
  gint64 running = 0;

  g_array_set_size (self->days, 0);
  if (stmt == NULL)
    return;
  bind_named (stmt, ":plan", self->plan_id);
  bind_named (stmt, ":stream", self->stream_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DayTotal day = { { 0 }, running };

      g_strlcpy (day.day, (const char *) sqlite3_column_text (stmt, 0), sizeof day.day);
      running += sqlite3_column_int64 (stmt, 1);
      g_array_append_val (self->days, day);
    }
  sqlite3_reset (stmt);
}

/* Spent on the days before @day. (The SQL names the day index: given
 * the choice, SQLite took payment_plan_line and read every payment of
 * the plan for each row — 33 s a page at 100,000.) */
static gint64
spent_before (CpLedger *self, const char *day)
{
  guint low = 0;
  guint high = self->days->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      int cmp = strcmp (g_array_index (self->days, DayTotal, mid).day, day);

      if (cmp == 0)
        return g_array_index (self->days, DayTotal, mid).before;
      if (cmp < 0)
        low = mid + 1;
      else
        high = mid;
    }
  /* A day added since the refresh: everything before it. */
  if (low == 0)
    return 0;
  return g_array_index (self->days, DayTotal, low - 1).before;
}

static gint64
spent_same_day (CpLedger *self, CpRecord *payment)
{
  const char *sql = has_text (self->stream_id)
    ? "SELECT ifnull (sum (amount_pence), 0) FROM payment INDEXED BY payment_plan_day"
      " WHERE plan_id = :plan AND paid_on = :day AND deleted = 0 AND stream_id = :stream"
      " AND (created_at < :created OR (created_at = :created AND id <= :id))"
    : "SELECT ifnull (sum (amount_pence), 0) FROM payment INDEXED BY payment_plan_day"
      " WHERE plan_id = :plan AND paid_on = :day AND deleted = 0"
      " AND (created_at < :created OR (created_at = :created AND id <= :id))";
  sqlite3_stmt *stmt = cp_store_prepare (self->store, sql, NULL);
  gint64 spent = 0;

  if (stmt == NULL)
    return 0;
  bind_named (stmt, ":plan", self->plan_id);
  bind_named (stmt, ":stream", self->stream_id);
  bind_named (stmt, ":day", cp_record_get_string (payment, "paid-on"));
  bind_named (stmt, ":created", cp_record_get_created_at (payment));
  bind_named (stmt, ":id", cp_record_get_id (payment));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    spent = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return spent;
}

/* The page's ids are chosen first with cheap columns only; the receipt
 * count, the reversal and the line's name are then looked up for those
 * 64 rows alone, not for every row the sort had to consider. */
static char *
page_sql (CpLedger *self)
{
  g_autofree char *columns = cp_store_select_columns (CP_TYPE_PAYMENT);
  g_autofree char *prefixed = NULL;
  g_autofree char *where = filter_sql (self);
  g_auto(GStrv) names = g_strsplit (columns, ", ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      char *column = g_strconcat ("p.", names[i], NULL);

      g_free (names[i]);
      names[i] = column;
    }
  prefixed = g_strjoinv (", ", names);
  return g_strdup_printf ("SELECT %s,"
                          " (SELECT count (*) FROM receipt r WHERE r.payment_id = p.id AND r.deleted = 0),"
                          " (SELECT x.id FROM payment x WHERE x.reverses_id = p.id AND x.deleted = 0"
                          "  ORDER BY x.created_at LIMIT 1),"
                          " (SELECT CASE WHEN l.category <> '' THEN l.category ELSE l.description END"
                          "  FROM budget_line l WHERE l.id = p.budget_line_id)"
                          " FROM (SELECT p.id AS page_id FROM payment p %s WHERE %s ORDER BY %s"
                          "       LIMIT %d OFFSET :offset) AS page"
                          " JOIN payment p ON p.id = page.page_id"
                          " ORDER BY %s",
                          prefixed, self->sort == CP_LEDGER_SORT_DATE ? "INDEXED BY payment_plan_day" : "",
                          where, order_sql (self), CP_LIST_PAGE_SIZE, order_sql (self));
}

static CpLedgerEntry *
entry_from_row (CpLedger *self, sqlite3_stmt *stmt, int first_extra)
{
  g_autoptr(CpRecord) payment = cp_store_record_from_row (self->store, CP_TYPE_PAYMENT, stmt);
  gint64 spent = spent_before (self, cp_record_get_string (payment, "paid-on")) + spent_same_day (self, payment);

  /* Lines store a category id ("pa-wages"); people read its name. */
  return cp_ledger_entry_new (CP_PAYMENT (payment), self->agreed_pence - spent,
                              cp_budget_category_name ((const char *) sqlite3_column_text (stmt, first_extra + 2)),
                              (guint) sqlite3_column_int64 (stmt, first_extra),
                              (const char *) sqlite3_column_text (stmt, first_extra + 1));
}

static GPtrArray *
fetch_page (gpointer owner, guint page)
{
  CpLedger *self = owner;
  g_autofree char *sql = page_sql (self);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cp_store_prepare (self->store, sql, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  int first_extra = 4 + (int) cp_record_class_columns (g_type_class_peek (CP_TYPE_PAYMENT))->len;

  if (stmt == NULL)
    {
      g_warning ("Could not read the ledger: %s", error->message);
      return rows;
    }
  bind_filter (self, stmt);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"),
                      (gint64) page * CP_LIST_PAGE_SIZE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, entry_from_row (self, stmt, first_extra));
  sqlite3_reset (stmt);
  return rows;
}

static GType
cp_ledger_get_item_type (GListModel *model)
{
  return CP_TYPE_LEDGER_ENTRY;
}

static guint
cp_ledger_get_n_items (GListModel *model)
{
  return CP_LEDGER (model)->n_items;
}

static gpointer
cp_ledger_get_item (GListModel *model, guint position)
{
  CpLedger *self = CP_LEDGER (model);

  if (position >= self->n_items)
    return NULL;
  return _cp_list_pages_get_item (&self->pages, position, fetch_page, self);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cp_ledger_get_item_type;
  iface->get_n_items = cp_ledger_get_n_items;
  iface->get_item = cp_ledger_get_item;
}

/* Forgets the fetched pages and recounts. The sums behind the running
 * balance (agreed budget, daily totals) change only with the data or
 * the stream, not with a search, a date range or a sort. */
static void
reload (CpLedger *self, gboolean sums)
{
  g_autoptr(GError) error = NULL;
  gint64 count = 0;
  gint64 sum = 0;
  guint old_n;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  old_n = self->n_items;
  _cp_list_pages_forget (&self->pages);
  if (sums)
    {
      self->agreed_pence = sum_agreed (self, NULL);
      sum_days (self);
    }
  if (!count_shown (self, &count, &sum, &error))
    g_warning ("Could not count the ledger: %s", error->message);
  self->n_items = (guint) count;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * cp_ledger_refresh:
 *
 * Forgets every fetched page, sums the agreed budget and the daily totals
 * again and recounts; views fetch again only the rows they show.
 */
void
cp_ledger_refresh (CpLedger *self)
{
  g_return_if_fail (CP_IS_LEDGER (self));
  reload (self, TRUE);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  CpLedger *self = data;

  self->refresh_source = 0;
  cp_ledger_refresh (self);
  return G_SOURCE_REMOVE;
}

/* An import changes many rows: refresh once, when the loop is idle. */
static void
store_changed_cb (CpLedger *self, const char *table, const char *id, CpStore *store)
{
  static const char *const tables[] = { "payment", "receipt", "funding_stream", "budget_line", NULL };

  if (table == NULL || !g_strv_contains ((const char *const *) tables, table))
    return;
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
cp_ledger_dispose (GObject *object)
{
  CpLedger *self = CP_LEDGER (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_ledger_parent_class)->dispose (object);
}

static void
cp_ledger_finalize (GObject *object)
{
  CpLedger *self = CP_LEDGER (object);

  g_free (self->plan_id);
  g_free (self->search);
  g_strfreev (self->terms);
  g_free (self->line_id);
  g_free (self->stream_id);
  g_free (self->from);
  g_free (self->to);
  _cp_list_pages_clear (&self->pages);
  g_array_unref (self->days);
  G_OBJECT_CLASS (cp_ledger_parent_class)->finalize (object);
}

static void
cp_ledger_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_N_ITEMS: g_value_set_uint (value, CP_LEDGER (object)->n_items); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_ledger_class_init (CpLedgerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_ledger_dispose;
  object_class->finalize = cp_ledger_finalize;
  object_class->get_property = cp_ledger_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_ledger_init (CpLedger *self)
{
  _cp_list_pages_init (&self->pages);
  self->days = g_array_new (FALSE, FALSE, sizeof (DayTotal));
  self->sort = CP_LEDGER_SORT_DATE;
  self->descending = TRUE;
}

/**
 * cp_ledger_new:
 * @plan_id: the plan whose payments are listed
 *
 * Returns: (transfer full): the plan's ledger, newest payment first
 */
CpLedger *
cp_ledger_new (CpStore *store, const char *plan_id)
{
  CpLedger *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  g_type_class_ref (CP_TYPE_PAYMENT);
  self = g_object_new (CP_TYPE_LEDGER, NULL);
  self->store = g_object_ref (store);
  self->plan_id = g_strdup (plan_id);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  cp_ledger_refresh (self);
  return self;
}

const char *
cp_ledger_get_plan_id (CpLedger *self)
{
  g_return_val_if_fail (CP_IS_LEDGER (self), NULL);
  return self->plan_id;
}

/* Stores @value in @field (empty counts as none); TRUE when it changed. */
static gboolean
replace_text (char **field, const char *value)
{
  g_autofree char *trimmed = value ? g_strstrip (g_strdup (value)) : NULL;

  if (trimmed != NULL && *trimmed == '\0')
    g_clear_pointer (&trimmed, g_free);
  if (g_strcmp0 (*field, trimmed) == 0)
    return FALSE;
  g_free (*field);
  *field = g_steal_pointer (&trimmed);
  return TRUE;
}

/* Matches payee, reference and note, every word somewhere. */
void
cp_ledger_set_search (CpLedger *self, const char *search)
{
  g_return_if_fail (CP_IS_LEDGER (self));
  if (!replace_text (&self->search, search))
    return;
  g_clear_pointer (&self->terms, g_strfreev);
  self->terms = _cp_lazy_list_split_words (self->search);
  reload (self, FALSE);
}

void
cp_ledger_set_line_id (CpLedger *self, const char *line_id)
{
  g_return_if_fail (CP_IS_LEDGER (self));
  if (replace_text (&self->line_id, line_id))
    reload (self, FALSE);
}

void
cp_ledger_set_stream_id (CpLedger *self, const char *stream_id)
{
  g_return_if_fail (CP_IS_LEDGER (self));
  if (replace_text (&self->stream_id, stream_id))
    cp_ledger_refresh (self);
}

/* A date that is not ISO is ignored rather than matching nothing. */
void
cp_ledger_set_date_range (CpLedger *self, const char *from, const char *to)
{
  gboolean changed;

  g_return_if_fail (CP_IS_LEDGER (self));
  if (from != NULL && !cp_date_iso_is_valid (from, NULL))
    from = NULL;
  if (to != NULL && !cp_date_iso_is_valid (to, NULL))
    to = NULL;
  changed = replace_text (&self->from, from);
  changed = replace_text (&self->to, to) || changed;
  if (changed)
    reload (self, FALSE);
}

void
cp_ledger_set_sort (CpLedger *self, CpLedgerSort sort, gboolean descending)
{
  g_return_if_fail (CP_IS_LEDGER (self));
  g_return_if_fail (sort <= CP_LEDGER_SORT_PAYEE);
  if (self->sort == sort && self->descending == !!descending)
    return;
  self->sort = sort;
  self->descending = !!descending;
  reload (self, FALSE);
}

CpLedgerSort
cp_ledger_get_sort (CpLedger *self, gboolean *descending)
{
  g_return_val_if_fail (CP_IS_LEDGER (self), CP_LEDGER_SORT_DATE);
  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

/**
 * cp_ledger_get_totals:
 *
 * The agreed budget and what was spent (of the plan, or of the stream the
 * list is filtered to), and the sum of the rows shown. SQL aggregates:
 * no payment is loaded.
 */
gboolean
cp_ledger_get_totals (CpLedger *self, CpLedgerTotals *totals, GError **error)
{
  const char *spent_sql = has_text (self->stream_id)
    ? "SELECT ifnull (sum (amount_pence), 0) FROM payment"
      " WHERE plan_id = :plan AND deleted = 0 AND stream_id = :stream"
    : "SELECT ifnull (sum (amount_pence), 0) FROM payment WHERE plan_id = :plan AND deleted = 0";
  gint64 count = 0;

  g_return_val_if_fail (CP_IS_LEDGER (self), FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);

  memset (totals, 0, sizeof *totals);
  totals->agreed_pence = self->agreed_pence;
  if (!query_ints (self, spent_sql, &totals->spent_pence, NULL, error) ||
      !count_shown (self, &count, &totals->shown_pence, error))
    return FALSE;
  totals->n_shown = (guint) count;
  return TRUE;
}

guint
cp_ledger_find_position (CpLedger *self, const char *payment_id)
{
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 position = -1;

  g_return_val_if_fail (CP_IS_LEDGER (self), G_MAXUINT);
  if (payment_id == NULL)
    return G_MAXUINT;
  where = filter_sql (self);
  sql = g_strdup_printf ("SELECT position FROM"
                         " (SELECT p.id AS pid, row_number () OVER (ORDER BY %s) - 1 AS position"
                         "  FROM payment p WHERE %s)"
                         " WHERE pid = :id",
                         order_sql (self), where);
  stmt = cp_store_prepare (self->store, sql, NULL);
  if (stmt == NULL)
    return G_MAXUINT;
  bind_filter (self, stmt);
  bind_named (stmt, ":id", payment_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return position >= 0 && position < self->n_items ? (guint) position : G_MAXUINT;
}

/* How many pages were read: lets tests check the list stays lazy. */
guint
cp_ledger_get_pages_fetched (CpLedger *self)
{
  g_return_val_if_fail (CP_IS_LEDGER (self), 0);
  return self->pages.fetched;
}
