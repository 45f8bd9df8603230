/* cp-imported-statement.h — the record of one statement file imported
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_IMPORTED_STATEMENT (cp_imported_statement_get_type ())
G_DECLARE_FINAL_TYPE (CpImportedStatement, cp_imported_statement, CP, IMPORTED_STATEMENT, CpRecord)

CpImportedStatement *cp_imported_statement_new (const char *plan_id);

G_END_DECLS
