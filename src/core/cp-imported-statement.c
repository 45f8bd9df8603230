/* cp-imported-statement.c — the record of one statement file imported
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the statement_import table: which file, when, and how many of
 * its rows became payments. The payments point back at it through the
 * payment_import table (cp-statement-import.c).
 */
#include "cp-imported-statement.h"

struct _CpImportedStatement
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpImportedStatement, cp_imported_statement, CP_TYPE_RECORD)

static void
cp_imported_statement_class_init (CpImportedStatementClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("plan-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("filename", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    cp_record_param_spec_date ("imported-on"),
    /* Rows that became payments. */
    g_param_spec_int64 ("row-count", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
    /* Rows already in the ledger from an earlier import. */
    g_param_spec_int64 ("already-count", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
    /* Rows left out: problems, possible duplicates the person declined. */
    g_param_spec_int64 ("skipped-count", NULL, NULL, 0, G_MAXINT64, 0, CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "statement_import";
  record_class->parent_column = "plan_id";
  record_class->order_by = "imported_on DESC, created_at DESC";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_imported_statement_init (CpImportedStatement *self)
{
}

CpImportedStatement *
cp_imported_statement_new (const char *plan_id)
{
  return g_object_new (CP_TYPE_IMPORTED_STATEMENT, "plan-id", plan_id, NULL);
}
