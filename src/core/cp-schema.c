/* cp-schema.c — the database migrations, one step per schema version
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every table carries the same four columns first: a random UUID text
 * key (never AUTOINCREMENT, so sync and XML import can merge rows by
 * id), created_at, updated_at and a deleted tombstone. Column names are
 * the entity's GObject property names with '-' replaced by '_'.
 * Released steps are never edited: add a new step instead.
 */
#include "cp-schema.h"

#define META \
  "id TEXT PRIMARY KEY NOT NULL CHECK (length (id) = 36), " \
  "created_at TEXT NOT NULL, " \
  "updated_at TEXT NOT NULL, " \
  "deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)), "

/* Version 1: the people on the caseload, who edits, and the audit trail. */
static const char step_1[] =
  "CREATE TABLE contributor (" META
  "  name TEXT NOT NULL DEFAULT '',"
  "  role TEXT NOT NULL DEFAULT '',"
  "  voice TEXT NOT NULL DEFAULT 'professional');"
  "CREATE TABLE person (" META
  "  given_name TEXT NOT NULL DEFAULT '',"
  "  family_name TEXT NOT NULL DEFAULT '',"
  "  preferred_name TEXT NOT NULL DEFAULT '',"
  "  date_of_birth TEXT,"
  "  nhs_number TEXT,"
  "  address TEXT NOT NULL DEFAULT '',"
  "  postcode TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  gp_practice TEXT NOT NULL DEFAULT '',"
  "  local_authority TEXT NOT NULL DEFAULT '',"
  "  ipc_area TEXT NOT NULL DEFAULT '',"
  "  ipc_cohort TEXT NOT NULL DEFAULT '',"
  "  communication_needs TEXT NOT NULL DEFAULT '',"
  "  preferred_language TEXT NOT NULL DEFAULT '',"
  "  interpreter_needed INTEGER NOT NULL DEFAULT 0,"
  "  consent_given INTEGER NOT NULL DEFAULT 0,"
  "  consent_date TEXT,"
  "  sharing_agreement TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX person_name ON person (deleted, family_name COLLATE NOCASE, given_name COLLATE NOCASE);"
  "CREATE TABLE audit (" META
  "  contributor TEXT NOT NULL,"
  "  table_name TEXT NOT NULL,"
  "  row_id TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT);"
  "CREATE INDEX audit_row ON audit (row_id, created_at);";

/* Version 2: the support plan and everything written in it. */
static const char step_2[] =
  "CREATE TABLE plan (" META
  "  person_id TEXT NOT NULL REFERENCES person (id),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'draft',"
  "  year_start TEXT,"
  "  year_end TEXT,"
  "  review_due TEXT,"
  "  care_coordinator TEXT NOT NULL DEFAULT '',"
  "  version INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX plan_person ON plan (person_id, deleted);"
  "CREATE TABLE plan_version (" META
  "  plan_id TEXT NOT NULL REFERENCES plan (id),"
  "  version INTEGER NOT NULL,"
  "  agreed_on TEXT NOT NULL,"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  document TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (plan_id, version));"
  "CREATE TABLE plan_entry (" META
  "  plan_id TEXT NOT NULL REFERENCES plan (id),"
  "  section TEXT NOT NULL,"
  "  body TEXT NOT NULL DEFAULT '',"
  "  voice TEXT NOT NULL DEFAULT 'person',"
  "  author_id TEXT REFERENCES contributor (id),"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX plan_entry_plan ON plan_entry (plan_id, section, deleted, position);"
  "CREATE TABLE outcome (" META
  "  plan_id TEXT NOT NULL REFERENCES plan (id),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  voice TEXT NOT NULL DEFAULT 'person',"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX outcome_plan ON outcome (plan_id, deleted, position);"
  "CREATE TABLE outcome_action (" META
  "  outcome_id TEXT NOT NULL REFERENCES outcome (id),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  who TEXT NOT NULL DEFAULT '',"
  "  due_date TEXT,"
  "  done INTEGER NOT NULL DEFAULT 0,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX outcome_action_outcome ON outcome_action (outcome_id, deleted);"
  "CREATE TABLE outcome_rating (" META
  "  outcome_id TEXT NOT NULL REFERENCES outcome (id),"
  "  rated_on TEXT NOT NULL,"
  "  score INTEGER NOT NULL CHECK (score BETWEEN -2 AND 2),"
  "  note TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX outcome_rating_outcome ON outcome_rating (outcome_id, deleted, rated_on);"
  "CREATE TABLE support_member (" META
  "  person_id TEXT NOT NULL REFERENCES person (id),"
  "  name TEXT NOT NULL DEFAULT '',"
  "  relationship TEXT NOT NULL DEFAULT '',"
  "  circle TEXT NOT NULL DEFAULT 'close-family',"
  "  role TEXT NOT NULL DEFAULT 'none',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX support_member_person ON support_member (person_id, deleted, position);"
  "CREATE TABLE risk (" META
  "  plan_id TEXT NOT NULL REFERENCES plan (id),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  management TEXT NOT NULL DEFAULT '',"
  "  agreed_by TEXT NOT NULL DEFAULT '',"
  "  positive_risk INTEGER NOT NULL DEFAULT 0,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX risk_plan ON risk (plan_id, deleted, position);"
  "CREATE TABLE signoff (" META
  "  plan_id TEXT NOT NULL REFERENCES plan (id),"
  "  name TEXT NOT NULL DEFAULT '',"
  "  role TEXT NOT NULL DEFAULT '',"
  "  signed_on TEXT,"
  "  plan_version INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX signoff_plan ON signoff (plan_id, deleted);"
  "CREATE TABLE review (" META
  "  plan_id TEXT NOT NULL REFERENCES plan (id),"
  "  review_date TEXT,"
  "  kind TEXT NOT NULL DEFAULT 'formal',"
  "  working TEXT NOT NULL DEFAULT '',"
  "  not_working TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX review_plan ON review (plan_id, deleted, review_date);";

/* Version 3: the integrated personal budget and its ledger. */
static const char step_3[] =
  "CREATE TABLE funding_stream (" META
  "  plan_id TEXT NOT NULL REFERENCES plan (id),"
  "  funder TEXT NOT NULL DEFAULT 'nhs',"
  "  name TEXT NOT NULL DEFAULT '',"
  "  indicative_pence INTEGER NOT NULL DEFAULT 0,"
  "  agreed_pence INTEGER NOT NULL DEFAULT 0,"
  "  management TEXT NOT NULL DEFAULT 'notional',"
  "  frequency TEXT NOT NULL DEFAULT 'monthly',"
  "  period_start TEXT,"
  "  period_end TEXT);"
  "CREATE INDEX funding_stream_plan ON funding_stream (plan_id, deleted);"
  "CREATE TABLE budget_line (" META
  "  plan_id TEXT NOT NULL REFERENCES plan (id),"
  "  stream_id TEXT REFERENCES funding_stream (id),"
  "  outcome_id TEXT REFERENCES outcome (id),"
  "  category TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  amount_pence INTEGER NOT NULL DEFAULT 0,"
  "  period TEXT NOT NULL DEFAULT 'month');"
  "CREATE INDEX budget_line_plan ON budget_line (plan_id, deleted);"
  "CREATE TABLE payment (" META
  "  plan_id TEXT NOT NULL REFERENCES plan (id),"
  "  paid_on TEXT NOT NULL,"
  "  payee TEXT NOT NULL DEFAULT '',"
  "  amount_pence INTEGER NOT NULL,"
  "  budget_line_id TEXT REFERENCES budget_line (id),"
  "  stream_id TEXT REFERENCES funding_stream (id),"
  "  method TEXT NOT NULL DEFAULT 'bank-transfer',"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  reverses_id TEXT REFERENCES payment (id));"
  "CREATE INDEX payment_plan_date ON payment (plan_id, paid_on);"
  "CREATE INDEX payment_line ON payment (budget_line_id);"
  "CREATE TABLE receipt (" META
  "  payment_id TEXT NOT NULL REFERENCES payment (id),"
  "  filename TEXT NOT NULL DEFAULT '',"
  "  mime_type TEXT NOT NULL DEFAULT 'application/octet-stream',"
  "  data BLOB);"
  "CREATE INDEX receipt_payment ON receipt (payment_id);";

/* Version 4: co-producing the plan — eligibility answers, who may see the
 * plan, and the full-text search index over people and plan text. */
static const char step_4[] =
  "CREATE TABLE eligibility_answer (" META
  "  person_id TEXT NOT NULL REFERENCES person (id),"
  "  criterion TEXT NOT NULL,"
  "  met INTEGER NOT NULL DEFAULT 0 CHECK (met IN (0, 1)),"
  "  note TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX eligibility_answer_person ON eligibility_answer (person_id, deleted);";

/* Version 5: budget rules — settings such as the clawback weeks, and the
 * ledger's reversing entries. */
static const char step_5[] =
  "CREATE TABLE setting (" META
  "  key TEXT NOT NULL UNIQUE,"
  "  value TEXT NOT NULL DEFAULT '');";

/* Version 6: bank and prepaid-card statement imports. */
static const char step_6[] =
  "CREATE TABLE statement_import (" META
  "  plan_id TEXT NOT NULL REFERENCES plan (id),"
  "  filename TEXT NOT NULL DEFAULT '',"
  "  imported_on TEXT NOT NULL,"
  "  row_count INTEGER NOT NULL DEFAULT 0);";

static const char *const steps[] = { step_1, step_2, step_3, step_4, step_5, step_6 };

guint
cp_schema_latest_version (void)
{
  return G_N_ELEMENTS (steps);
}

const char *
cp_schema_step_sql (guint version)
{
  g_return_val_if_fail (version >= 1 && version <= G_N_ELEMENTS (steps), NULL);
  return steps[version - 1];
}
