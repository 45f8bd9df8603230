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

/* The live texts of plan @plan (an SQL expression) when @when holds:
 * used by the trigger that restores a plan and to index older rows. */
#define SEARCH_PLAN_ROWS(plan, when) \
  "  INSERT INTO search_source (row_id, kind, detail, person_id, plan_id, body)" \
  "   SELECT e.id, 'plan_entry', e.section, p.person_id, p.id, e.body" \
  "   FROM plan_entry e JOIN plan p ON p.id = e.plan_id" \
  "   WHERE p.id = " plan " AND " when " AND p.deleted = 0 AND e.deleted = 0;" \
  "  INSERT INTO search_source (row_id, kind, person_id, plan_id, body)" \
  "   SELECT o.id, 'outcome', p.person_id, p.id, o.description FROM outcome o JOIN plan p ON p.id = o.plan_id" \
  "   WHERE p.id = " plan " AND " when " AND p.deleted = 0 AND o.deleted = 0;" \
  "  INSERT INTO search_source (row_id, kind, person_id, plan_id, body)" \
  "   SELECT a.id, 'outcome_action', p.person_id, p.id, a.description || ' ' || a.who" \
  "   FROM outcome_action a JOIN outcome o ON o.id = a.outcome_id JOIN plan p ON p.id = o.plan_id" \
  "   WHERE p.id = " plan " AND " when " AND p.deleted = 0 AND o.deleted = 0 AND a.deleted = 0;" \
  "  INSERT INTO search_source (row_id, kind, person_id, plan_id, body)" \
  "   SELECT r.id, 'risk', p.person_id, p.id, r.description || ' ' || r.management" \
  "   FROM risk r JOIN plan p ON p.id = r.plan_id" \
  "   WHERE p.id = " plan " AND " when " AND p.deleted = 0 AND r.deleted = 0;" \
  "  INSERT INTO search_source (row_id, kind, person_id, plan_id, body)" \
  "   SELECT v.id, 'review', p.person_id, p.id, v.working || ' ' || v.not_working || ' ' || v.notes" \
  "   FROM review v JOIN plan p ON p.id = v.plan_id" \
  "   WHERE p.id = " plan " AND " when " AND p.deleted = 0 AND v.deleted = 0;"

/* Plan text: one trigger set per table, the same shape each time. A text
 * is indexed only while it, its plan (and an action's outcome) are live,
 * so a search never has to look at tombstones. */
#define SEARCH_TRIGGERS(table, columns, kind, detail, person, plan, body, live) \
  "CREATE TRIGGER search_" table "_ai AFTER INSERT ON " table " WHEN NEW.deleted = 0 BEGIN" \
  "  INSERT INTO search_source (row_id, kind, detail, person_id, plan_id, body)" \
  "   SELECT NEW.id, '" kind "', " detail ", " person ", " plan ", " body " WHERE " live "; END;" \
  "CREATE TRIGGER search_" table "_au AFTER UPDATE OF " columns ", deleted ON " table " BEGIN" \
  "  DELETE FROM search_source WHERE row_id = OLD.id;" \
  "  INSERT INTO search_source (row_id, kind, detail, person_id, plan_id, body)" \
  "   SELECT NEW.id, '" kind "', " detail ", " person ", " plan ", " body \
  "   WHERE NEW.deleted = 0 AND " live "; END;" \
  "CREATE TRIGGER search_" table "_ad AFTER DELETE ON " table " BEGIN" \
  "  DELETE FROM search_source WHERE row_id = OLD.id; END;"
#define PLAN_PERSON "(SELECT person_id FROM plan WHERE id = NEW.plan_id)"
#define PLAN_LIVE "EXISTS (SELECT 1 FROM plan WHERE id = NEW.plan_id AND deleted = 0)"
#define OUTCOME_LIVE "EXISTS (SELECT 1 FROM outcome o JOIN plan p ON p.id = o.plan_id" \
                     " WHERE o.id = NEW.outcome_id AND o.deleted = 0 AND p.deleted = 0)"

/* Version 4: co-producing the plan — eligibility answers, and the
 * full-text search index over people and plan text. */
static const char step_4[] =
  "CREATE TABLE eligibility_answer (" META
  "  person_id TEXT NOT NULL REFERENCES person (id),"
  "  criterion TEXT NOT NULL,"
  "  met INTEGER NOT NULL DEFAULT 0 CHECK (met IN (0, 1)),"
  "  note TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX eligibility_answer_person ON eligibility_answer (person_id, deleted);"
  /* Full-text search (cp-search.c). search_source holds one row per
   * indexed text: a person's names, their NHS number, or one piece of
   * plan text; search_fts is an FTS5 index over its body, kept in step by
   * the triggers below. Its docid is an INTEGER PRIMARY KEY so VACUUM
   * (and VACUUM INTO backups) never renumber it under the index. Every
   * write path fires the triggers, so the demo and imports are indexed;
   * a tombstone removes the row's text. */
  "CREATE TABLE search_source ("
  "  docid INTEGER PRIMARY KEY,"
  "  row_id TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  detail TEXT,"
  "  person_id TEXT,"
  "  plan_id TEXT,"
  "  body TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX search_source_row ON search_source (row_id);"
  "CREATE INDEX search_source_plan ON search_source (plan_id);"
  "CREATE VIRTUAL TABLE search_fts USING fts5 (body, content = 'search_source', content_rowid = 'docid',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
  "CREATE TRIGGER search_source_ai AFTER INSERT ON search_source BEGIN"
  "  INSERT INTO search_fts (rowid, body) VALUES (NEW.docid, NEW.body); END;"
  "CREATE TRIGGER search_source_ad AFTER DELETE ON search_source BEGIN"
  "  INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', OLD.docid, OLD.body); END;"
  /* People: their names, and their NHS number as its own text. */
  "CREATE TRIGGER search_person_ai AFTER INSERT ON person WHEN NEW.deleted = 0 BEGIN"
  "  INSERT INTO search_source (row_id, kind, person_id, body) VALUES"
  "   (NEW.id, 'name', NEW.id, NEW.given_name || ' ' || NEW.family_name || ' ' || NEW.preferred_name);"
  "  INSERT INTO search_source (row_id, kind, person_id, body)"
  "   SELECT NEW.id, 'nhs', NEW.id, NEW.nhs_number WHERE ifnull (NEW.nhs_number, '') != ''; END;"
  "CREATE TRIGGER search_person_au AFTER UPDATE OF given_name, family_name, preferred_name, nhs_number, deleted"
  "  ON person BEGIN"
  "  DELETE FROM search_source WHERE row_id = OLD.id;"
  "  INSERT INTO search_source (row_id, kind, person_id, body)"
  "   SELECT NEW.id, 'name', NEW.id, NEW.given_name || ' ' || NEW.family_name || ' ' || NEW.preferred_name"
  "   WHERE NEW.deleted = 0;"
  "  INSERT INTO search_source (row_id, kind, person_id, body)"
  "   SELECT NEW.id, 'nhs', NEW.id, NEW.nhs_number WHERE NEW.deleted = 0 AND ifnull (NEW.nhs_number, '') != ''; END;"
  "CREATE TRIGGER search_person_ad AFTER DELETE ON person BEGIN"
  "  DELETE FROM search_source WHERE row_id = OLD.id; END;"
  SEARCH_TRIGGERS ("plan_entry", "body, section", "plan_entry", "NEW.section", PLAN_PERSON, "NEW.plan_id",
                   "NEW.body", PLAN_LIVE)
  SEARCH_TRIGGERS ("outcome", "description", "outcome", "NULL", PLAN_PERSON, "NEW.plan_id",
                   "NEW.description", PLAN_LIVE)
  SEARCH_TRIGGERS ("outcome_action", "description, who", "outcome_action", "NULL",
                   "(SELECT p.person_id FROM outcome o JOIN plan p ON p.id = o.plan_id WHERE o.id = NEW.outcome_id)",
                   "(SELECT plan_id FROM outcome WHERE id = NEW.outcome_id)",
                   "NEW.description || ' ' || NEW.who", OUTCOME_LIVE)
  SEARCH_TRIGGERS ("risk", "description, management", "risk", "NULL", PLAN_PERSON, "NEW.plan_id",
                   "NEW.description || ' ' || NEW.management", PLAN_LIVE)
  SEARCH_TRIGGERS ("review", "working, not_working, notes", "review", "NULL", PLAN_PERSON, "NEW.plan_id",
                   "NEW.working || ' ' || NEW.not_working || ' ' || NEW.notes", PLAN_LIVE)
  /* An outcome deleted or restored takes its actions' text with it. */
  "CREATE TRIGGER search_outcome_actions AFTER UPDATE OF deleted ON outcome BEGIN"
  "  DELETE FROM search_source WHERE kind = 'outcome_action'"
  "   AND row_id IN (SELECT id FROM outcome_action WHERE outcome_id = OLD.id);"
  "  INSERT INTO search_source (row_id, kind, person_id, plan_id, body)"
  "   SELECT a.id, 'outcome_action', p.person_id, p.id, a.description || ' ' || a.who"
  "   FROM outcome_action a JOIN plan p ON p.id = NEW.plan_id"
  "   WHERE a.outcome_id = NEW.id AND a.deleted = 0 AND NEW.deleted = 0 AND p.deleted = 0; END;"
  /* A plan deleted or restored takes all its text with it. */
  "CREATE TRIGGER search_plan_au AFTER UPDATE OF deleted ON plan BEGIN"
  "  DELETE FROM search_source WHERE plan_id = OLD.id;"
  SEARCH_PLAN_ROWS ("NEW.id", "NEW.deleted = 0")
  " END;"
  /* Rows stored before this step are indexed once, through the triggers. */
  "INSERT INTO search_source (row_id, kind, person_id, body)"
  " SELECT id, 'name', id, given_name || ' ' || family_name || ' ' || preferred_name FROM person WHERE deleted = 0;"
  "INSERT INTO search_source (row_id, kind, person_id, body)"
  " SELECT id, 'nhs', id, nhs_number FROM person WHERE deleted = 0 AND ifnull (nhs_number, '') != '';"
  SEARCH_PLAN_ROWS ("p.id", "1");

#undef SEARCH_PLAN_ROWS
#undef SEARCH_TRIGGERS
#undef PLAN_PERSON
#undef PLAN_LIVE
#undef OUTCOME_LIVE

/* Version 5: budget rules — settings such as the clawback weeks, and the
 * ledger's reversing entries. */
static const char step_5[] =
  "CREATE TABLE setting (" META
  "  key TEXT NOT NULL UNIQUE,"
  "  value TEXT NOT NULL DEFAULT '');"
  /* The budget figures sum a plan's payments per line and stream from
   * this index alone (covering: the table is never read). */
  "CREATE INDEX payment_plan_line ON payment"
  "  (plan_id, deleted, budget_line_id, stream_id, amount_pence);"
  /* Whether a payment is already reversed. */
  "CREATE INDEX payment_reverses ON payment (reverses_id) WHERE reverses_id IS NOT NULL;"
  /* Spending by day and month (the charts, the ledger's date order) from
   * this index alone. It replaces the narrower (plan_id, paid_on), which
   * made every live-payment query read the table for deleted. */
  "DROP INDEX payment_plan_date;"
  "CREATE INDEX payment_plan_day ON payment"
  "  (plan_id, deleted, paid_on, stream_id, budget_line_id, amount_pence);";

/* Version 6: bank and prepaid-card statement imports. Each imported
 * payment keeps its row's fingerprint (date, amount, description and
 * which of identical rows it was), so importing a file twice adds nothing. */
static const char step_6[] =
  "CREATE TABLE statement_import (" META
  "  plan_id TEXT NOT NULL REFERENCES plan (id),"
  "  filename TEXT NOT NULL DEFAULT '',"
  "  imported_on TEXT NOT NULL,"
  "  row_count INTEGER NOT NULL DEFAULT 0,"
  "  already_count INTEGER NOT NULL DEFAULT 0,"
  "  skipped_count INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX statement_import_plan ON statement_import (plan_id, deleted);"
  "CREATE TABLE payment_import (" META
  "  payment_id TEXT NOT NULL REFERENCES payment (id),"
  "  statement_import_id TEXT NOT NULL REFERENCES statement_import (id),"
  "  plan_id TEXT NOT NULL REFERENCES plan (id),"
  "  fingerprint TEXT NOT NULL,"
  "  line INTEGER NOT NULL DEFAULT 0);"
  "CREATE UNIQUE INDEX payment_import_fingerprint ON payment_import (plan_id, fingerprint);"
  "CREATE INDEX payment_import_payment ON payment_import (payment_id);";

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
