/* cp-xml-kinds.c — which records Coplan XML carries, and where they nest
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-xml-kinds.h"

#include "cp-budget-line.h"
#include "cp-contributor.h"
#include "cp-eligibility-answer.h"
#include "cp-funding-stream.h"
#include "cp-imported-statement.h"
#include "cp-outcome-action.h"
#include "cp-outcome-rating.h"
#include "cp-outcome.h"
#include "cp-payment.h"
#include "cp-person.h"
#include "cp-plan-entry.h"
#include "cp-plan-version.h"
#include "cp-plan.h"
#include "cp-receipt.h"
#include "cp-review.h"
#include "cp-risk.h"
#include "cp-signoff.h"
#include "cp-store.h"
#include "cp-support-member.h"

/* Document order of the tables we know: records that others point at
 * (contributors, funding streams, outcomes, budget lines) come before
 * the records pointing at them. Tables added later follow, by name. */
static const char *const table_order[] = {
  "contributor", "person", "support_member", "eligibility_answer", "plan",
  "plan_entry", "outcome", "outcome_action", "outcome_rating", "risk",
  "funding_stream", "budget_line", "payment", "receipt", "signoff", "review",
  "plan_version", "statement_import",
};

/* Kept on this computer only: the audit trail, settings, the search
 * index (rebuilt by triggers as rows arrive) and statement-import
 * fingerprints (bookkeeping of this database's bank-file imports). */
static const char *const local_tables[] = { "audit", "setting", "search_source", "payment_import", NULL };

gboolean
cp_xml_table_is_local (const char *table)
{
  return g_strv_contains (local_tables, table) ||
         g_str_has_prefix (table, "search_fts") || g_str_has_prefix (table, "sqlite_");
}

static guint
table_rank (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_order); i++)
    if (g_str_equal (table_order[i], table))
      return i;
  return G_N_ELEMENTS (table_order);
}

static int
compare_kinds (gconstpointer a, gconstpointer b)
{
  const CpXmlKind *x = *(CpXmlKind *const *) a;
  const CpXmlKind *y = *(CpXmlKind *const *) b;
  guint rx = table_rank (x->table);
  guint ry = table_rank (y->table);

  return rx != ry ? (rx < ry ? -1 : 1) : strcmp (x->table, y->table);
}

/* The types this file knows, plus any other CpRecord subclass already
 * registered (entities added by others find their way in that way; the
 * export test fails for a table no kind covers). */
static void
ensure_types (void)
{
  g_type_ensure (CP_TYPE_CONTRIBUTOR);
  g_type_ensure (CP_TYPE_PERSON);
  g_type_ensure (CP_TYPE_SUPPORT_MEMBER);
  g_type_ensure (CP_TYPE_PLAN);
  g_type_ensure (CP_TYPE_PLAN_VERSION);
  g_type_ensure (CP_TYPE_PLAN_ENTRY);
  g_type_ensure (CP_TYPE_OUTCOME);
  g_type_ensure (CP_TYPE_OUTCOME_ACTION);
  g_type_ensure (CP_TYPE_OUTCOME_RATING);
  g_type_ensure (CP_TYPE_RISK);
  g_type_ensure (CP_TYPE_SIGNOFF);
  g_type_ensure (CP_TYPE_REVIEW);
  g_type_ensure (CP_TYPE_FUNDING_STREAM);
  g_type_ensure (CP_TYPE_BUDGET_LINE);
  g_type_ensure (CP_TYPE_PAYMENT);
  g_type_ensure (CP_TYPE_RECEIPT);
  g_type_ensure (CP_TYPE_ELIGIBILITY_ANSWER);
  g_type_ensure (CP_TYPE_IMPORTED_STATEMENT);
}

static CpXmlKind *
kind_new (GType type)
{
  CpXmlKind *kind = g_new0 (CpXmlKind, 1);

  kind->type = type;
  kind->klass = g_type_class_ref (type);
  kind->table = kind->klass->table;
  kind->element = g_strdelimit (g_strdup (kind->table), "_", '-');
  kind->children = g_ptr_array_new ();
  return kind;
}

static GParamSpec *
find_column (CpXmlKind *kind, const char *column)
{
  GPtrArray *columns = cp_record_class_columns (kind->klass);

  for (guint i = 0; column != NULL && i < columns->len; i++)
    {
      g_autofree char *name = cp_record_column_name (g_ptr_array_index (columns, i));
      if (g_str_equal (name, column))
        return g_ptr_array_index (columns, i);
    }
  return NULL;
}

/* "plan_id" → the kind whose table is "plan". */
static void
link_parent (CpXmlKind *kind, GPtrArray *kinds)
{
  const char *column = kind->klass->parent_column;
  g_autofree char *table = NULL;

  if (column == NULL || !g_str_has_suffix (column, "_id"))
    return;
  table = g_strndup (column, strlen (column) - 3);
  for (guint i = 0; i < kinds->len; i++)
    {
      CpXmlKind *other = g_ptr_array_index (kinds, i);
      if (g_str_equal (other->table, table))
        {
          kind->parent = other;
          kind->parent_pspec = find_column (kind, column);
          g_ptr_array_add (other->children, kind);
          return;
        }
    }
}

/* @extra is appended to the column list. */
static char *
select_sql_for (CpXmlKind *kind, const char *extra)
{
  g_autofree char *columns = cp_store_select_columns (kind->type);
  const char *order = kind->klass->order_by ? kind->klass->order_by : "created_at";

  if (kind->parent != NULL)
    return g_strdup_printf ("SELECT %s%s FROM %s WHERE %s = ? ORDER BY %s, id",
                            columns, extra, kind->table, kind->klass->parent_column, order);
  return g_strdup_printf ("SELECT %s%s FROM %s ORDER BY %s, id", columns, extra, kind->table, order);
}

/* For the exporter: whether a row has children of each kind, so it can
 * skip asking for them row by row. Most payments have no receipts, and
 * a query per payment to find none was a sixth of the export's time; an
 * EXISTS probe inside the parent's own query costs a fraction of that. */
static char *
export_sql_for (CpXmlKind *kind)
{
  g_autoptr(GString) flags = g_string_new (NULL);

  for (guint i = 0; i < kind->children->len; i++)
    {
      CpXmlKind *child = g_ptr_array_index (kind->children, i);

      g_string_append_printf (flags, ", EXISTS (SELECT 1 FROM %s AS child WHERE child.%s = %s.id)",
                              child->table, child->klass->parent_column, kind->table);
    }
  return select_sql_for (kind, flags->str);
}

static gpointer
build_kinds (gpointer data)
{
  GPtrArray *kinds = g_ptr_array_new ();
  g_autofree GType *types = NULL;
  guint n_types = 0;

  ensure_types ();
  types = g_type_children (CP_TYPE_RECORD, &n_types);
  for (guint i = 0; i < n_types; i++)
    {
      CpXmlKind *kind = kind_new (types[i]);

      if (kind->table == NULL || cp_xml_table_is_local (kind->table))
        continue; /* leaked once per process, like the type itself */
      g_ptr_array_add (kinds, kind);
    }
  g_ptr_array_sort (kinds, compare_kinds);
  for (guint i = 0; i < kinds->len; i++)
    link_parent (g_ptr_array_index (kinds, i), kinds);
  for (guint i = 0; i < kinds->len; i++)
    {
      CpXmlKind *kind = g_ptr_array_index (kinds, i);
      kind->select_sql = select_sql_for (kind, "");
      kind->export_sql = export_sql_for (kind);
    }
  return kinds;
}

GPtrArray *
cp_xml_kinds (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_kinds, NULL);
  return once.retval;
}

const CpXmlKind *
cp_xml_kind_for_element (const char *element)
{
  GPtrArray *kinds = cp_xml_kinds ();

  for (guint i = 0; element != NULL && i < kinds->len; i++)
    {
      CpXmlKind *kind = g_ptr_array_index (kinds, i);
      if (g_str_equal (kind->element, element))
        return kind;
    }
  return NULL;
}

const CpXmlKind *
cp_xml_kind_for_table (const char *table)
{
  GPtrArray *kinds = cp_xml_kinds ();

  for (guint i = 0; table != NULL && i < kinds->len; i++)
    {
      CpXmlKind *kind = g_ptr_array_index (kinds, i);
      if (g_str_equal (kind->table, table))
        return kind;
    }
  return NULL;
}
