/* cp-plan-lifecycle.c — draft → agreed → under review → new draft
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What was signed stays what was signed: agreeing freezes the plan's
 * Coplan XML in a CpPlanVersion, and the store refuses changes to the
 * content of a plan that is not a draft (_cp_plan_guard_write).
 */
#define G_LOG_DOMAIN "cp-plan-lifecycle"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-date.h"
#include "cp-enum-types.h"
#include "cp-enums.h"
#include "cp-person.h"
#include "cp-plan-diff.h"
#include "cp-plan-lifecycle.h"
#include "cp-signoff.h"
#include "cp-xml-export.h"

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static CpPlanStatus
plan_status (CpRecord *plan)
{
  CpPlanStatus status;

  g_object_get (plan, "status", &status, NULL);
  return status;
}

/* The status in a plain-words sentence saying why it cannot change. */
static void
set_locked_error (CpPlanStatus status, GError **error)
{
  const char *message;

  switch (status)
    {
    case CP_PLAN_STATUS_UNDER_REVIEW:
      message = _("This plan is being reviewed, so it cannot be changed: what was signed stays as it "
                  "was signed. Start a new draft to change it.");
      break;
    case CP_PLAN_STATUS_ENDED:
      message = _("This plan has ended, so it cannot be changed.");
      break;
    default:
      message = _("This plan has been agreed, so it cannot be changed: what was signed stays as it "
                  "was signed. Start a new draft to change it.");
      break;
    }
  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, message);
}

/* NULL when the plan is unknown or deleted. */
static char *
stored_status (CpStore *store, const char *sql, const char *id)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, sql, NULL);
  char *status = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return status;
}

gboolean
cp_plan_is_editable (CpStore *store, const char *plan_id)
{
  g_autofree char *status = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  if (plan_id == NULL)
    return FALSE;
  status = stored_status (store, "SELECT status FROM plan WHERE id = ?1 AND deleted = 0", plan_id);
  return g_strcmp0 (status, "draft") == 0;
}

/* The status of the plan a stored content row belongs to. */
static const char *
owner_status_sql (const char *table)
{
  if (g_strcmp0 (table, "plan_entry") == 0)
    return "SELECT p.status FROM plan p JOIN plan_entry c ON c.plan_id = p.id WHERE c.id = ?1";
  if (g_strcmp0 (table, "outcome") == 0)
    return "SELECT p.status FROM plan p JOIN outcome c ON c.plan_id = p.id WHERE c.id = ?1";
  if (g_strcmp0 (table, "risk") == 0)
    return "SELECT p.status FROM plan p JOIN risk c ON c.plan_id = p.id WHERE c.id = ?1";
  if (g_strcmp0 (table, "outcome_action") == 0)
    return "SELECT p.status FROM plan p JOIN outcome o ON o.plan_id = p.id"
           " JOIN outcome_action c ON c.outcome_id = o.id WHERE c.id = ?1";
  return NULL;
}

static CpPlanStatus
status_from_nick (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CP_TYPE_PLAN_STATUS);
  GEnumValue *value = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return value ? value->value : CP_PLAN_STATUS_DRAFT;
}

/* What was signed is locked while it stands: agreed, or under review.
 * An ended plan is history, not a signature in force. */
static gboolean
is_locked (CpPlanStatus status)
{
  return status == CP_PLAN_STATUS_AGREED || status == CP_PLAN_STATUS_UNDER_REVIEW;
}

/* An agreed plan's own words (title, year of care, co-ordinator) are
 * part of what was signed; its status, version and review date move on. */
static gboolean
guard_plan_row (CpStore *store, CpRecord *record, GError **error)
{
  static const char *const locked[] = { "title", "year-start", "year-end", "care-coordinator" };
  g_autoptr(CpRecord) stored = cp_store_load (store, CP_TYPE_PLAN, cp_record_get_id (record), NULL);

  /* Unlocked by this very write (an imported new draft, say). */
  if (stored == NULL || !is_locked (plan_status (stored)) || plan_status (record) == CP_PLAN_STATUS_DRAFT)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (locked); i++)
    if (g_strcmp0 (cp_record_get_string (stored, locked[i]), cp_record_get_string (record, locked[i])) != 0)
      {
        set_locked_error (plan_status (stored), error);
        return FALSE;
      }
  return TRUE;
}

#define SUSPENDED_KEY "cp-plan-guard-suspended"

void
cp_plan_guard_suspend (CpStore *store)
{
  guint depth = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (store), SUSPENDED_KEY));

  g_object_set_data (G_OBJECT (store), SUSPENDED_KEY, GUINT_TO_POINTER (depth + 1));
}

void
cp_plan_guard_resume (CpStore *store)
{
  guint depth = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (store), SUSPENDED_KEY));

  g_return_if_fail (depth > 0);
  g_object_set_data (G_OBJECT (store), SUSPENDED_KEY, GUINT_TO_POINTER (depth - 1));
}

/* The status of the plan a row not stored yet would belong to, found
 * through its parent column; NULL for rows that are not plan content. */
static char *
parent_status (CpStore *store, CpRecord *record)
{
  const char *table = CP_RECORD_GET_CLASS (record)->table;

  if (g_strcmp0 (table, "outcome_action") == 0)
    return stored_status (store, "SELECT p.status FROM plan p JOIN outcome o ON o.plan_id = p.id WHERE o.id = ?1",
                          cp_record_get_string (record, "outcome-id"));
  if (g_strcmp0 (table, "plan_entry") == 0 || g_strcmp0 (table, "outcome") == 0 ||
      g_strcmp0 (table, "risk") == 0 || g_strcmp0 (table, "signoff") == 0)
    return stored_status (store, "SELECT status FROM plan WHERE id = ?1", cp_record_get_string (record, "plan-id"));
  return NULL;
}

/* Nothing is added to what was signed: no entry, outcome, action or
 * risk, and no signature but through cp_plan_agree(). */
static gboolean
guard_insert (CpStore *store, CpRecord *record, GError **error)
{
  g_autofree char *status = parent_status (store, record);

  if (status == NULL || !is_locked (status_from_nick (status)))
    return TRUE;
  set_locked_error (status_from_nick (status), error);
  return FALSE;
}

/* A signature given to an agreed version (one that was frozen) is history: never changed or removed, whatever the plan's
 * status is now. */
static gboolean
guard_signature (CpStore *store, CpRecord *record, GError **error)
{
  g_autofree char *signed_version = NULL;

  if (!CP_IS_SIGNOFF (record))
    return TRUE;
  signed_version = stored_status (store,
                                  "SELECT s.plan_version FROM signoff s JOIN plan_version v"
                                  " ON v.plan_id = s.plan_id AND v.version = s.plan_version"
                                  " WHERE s.id = ?1",
                                  cp_record_get_id (record));
  if (signed_version == NULL)
    return TRUE;
  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                       _("A signature on an agreed plan cannot be changed or removed: it stays as it was signed."));
  return FALSE;
}

gboolean
_cp_plan_guard_write (CpStore *store, CpRecord *record, const char *action, GError **error)
{
  const char *table = CP_RECORD_GET_CLASS (record)->table;
  const char *sql;
  g_autofree char *status = NULL;

  /* A frozen version (cp_plan_agree()) is the record of what was signed:
   * it is never deleted, not even by an import that lifts the lock. Its
   * document is never updated either (cp_store_update() refuses it). */
  if (g_strcmp0 (action, "delete") == 0 && CP_RECORD_GET_CLASS (record)->immutable)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("An agreed version of a plan cannot be deleted: what was signed stays as it "
                             "was signed."));
      return FALSE;
    }
  if (g_object_get_data (G_OBJECT (store), SUSPENDED_KEY) != NULL)
    return TRUE;

  if (g_strcmp0 (action, "insert") == 0)
    return guard_insert (store, record, error);
  if (!guard_signature (store, record, error))
    return FALSE;
  if (CP_IS_PLAN (record))
    return g_strcmp0 (action, "update") != 0 || guard_plan_row (store, record, error);
  sql = owner_status_sql (table);
  if (sql == NULL)
    return TRUE;
  status = stored_status (store, sql, cp_record_get_id (record));
  if (status == NULL || !is_locked (status_from_nick (status)))
    return TRUE;
  set_locked_error (status_from_nick (status), error);
  return FALSE;
}

static char *
current_plan_id (CpStore *store, const char *person_id, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store,
                                         "SELECT id FROM plan WHERE person_id = ?1 AND deleted = 0"
                                         " AND status != 'ended'"
                                         " ORDER BY year_start DESC, created_at DESC, id LIMIT 1", error);
  char *id = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    cp_store_set_error_from_db (store, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return id;
}

/* A year of care: from @start to the day before the same date a year on. */
static CpPlan *
new_draft_plan (const char *person_id, const char *start, GError **error)
{
  g_autoptr(GDate) first = cp_date_parse_iso (start, error);
  g_autoptr(GDate) last = NULL;
  g_autofree char *end = NULL;
  CpPlan *plan;

  if (first == NULL)
    return NULL;
  last = g_date_copy (first);
  g_date_add_years (last, 1);
  g_date_subtract_days (last, 1);
  end = cp_date_to_iso (last);
  plan = cp_plan_new (person_id);
  g_object_set (plan, "status", CP_PLAN_STATUS_DRAFT, "year-start", start, "year-end", end, NULL);
  return plan;
}

/**
 * cp_plan_current:
 *
 * Returns: (transfer full) (nullable)
 */
CpPlan *
cp_plan_current (CpStore *store, const char *person_id, const char *today, GError **error)
{
  g_autoptr(CpRecord) person = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *start = today ? g_strdup (today) : today_iso ();
  g_autoptr(CpPlan) plan = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  person = cp_store_load (store, CP_TYPE_PERSON, person_id, error);
  if (person == NULL)
    return NULL;
  if (cp_record_get_deleted (person))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                   _("This person has been deleted, so they have no current plan."));
      return NULL;
    }
  id = current_plan_id (store, person_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (id != NULL)
    return cp_store_load (store, CP_TYPE_PLAN, id, error);
  plan = new_draft_plan (person_id, start, error);
  if (plan == NULL || !cp_store_insert (store, CP_RECORD (plan), error))
    return NULL;
  return g_steal_pointer (&plan);
}

/* A live plan, or NULL with a plain-words error. */
static CpRecord *
load_live_plan (CpStore *store, const char *plan_id, GError **error)
{
  g_autoptr(CpRecord) plan = cp_store_load (store, CP_TYPE_PLAN, plan_id, error);

  if (plan != NULL && cp_record_get_deleted (plan))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND, _("This plan has been deleted."));
      return NULL;
    }
  return g_steal_pointer (&plan);
}

/* A plan is agreed on a day that has come: today in England (local
 * time, not UTC) at the latest. */
static gboolean
check_not_future (const char *agreed_on, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (strcmp (agreed_on, today) <= 0)
    return TRUE;
  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
               _("The plan cannot be agreed on %s: that date is in the future."), agreed_on);
  return FALSE;
}

/* Version n + 1 is agreed on or after the day version n was. */
static gboolean
check_after_previous (CpStore *store, CpRecord *plan, const char *agreed_on, GError **error)
{
  gint64 previous = cp_record_get_int64 (plan, "version");
  g_autoptr(CpPlanVersion) last = NULL;
  const char *last_on;

  if (previous < 1)
    return TRUE;
  last = cp_plan_load_version (store, cp_record_get_id (plan), previous, NULL);
  last_on = last ? cp_record_get_string (CP_RECORD (last), "agreed-on") : NULL;
  if (last_on == NULL || strcmp (agreed_on, last_on) >= 0)
    return TRUE;
  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
               _("The plan cannot be agreed on %s: version %" G_GINT64_FORMAT " was agreed later, on %s."),
               agreed_on, previous, last_on);
  return FALSE;
}

static gboolean
check_signers (const CpSigner *signers, gsize n_signers, GError **error)
{
  if (n_signers == 0 || signers == NULL)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("Nobody has signed: at least one person must sign to agree the plan."));
      return FALSE;
    }
  for (gsize i = 0; i < n_signers; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (signers[i].name ? signers[i].name : ""));

      g_autofree char *role = g_strstrip (g_strdup (signers[i].role ? signers[i].role : ""));

      if (*name == '\0')
        {
          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                       _("Everyone who signs needs their name written."));
          return FALSE;
        }
      if (*role == '\0')
        {
          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                       _("Write the role of %s (for example “me”, “my advocate”, “care co-ordinator”)."), name);
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
content_count (CpStore *store, const char *plan_id)
{
  sqlite3_stmt *stmt = cp_store_prepare (store,
                                         "SELECT (SELECT count(*) FROM plan_entry WHERE plan_id = ?1"
                                         "         AND deleted = 0 AND trim (body) != '')"
                                         "     + (SELECT count(*) FROM outcome WHERE plan_id = ?1 AND deleted = 0)",
                                         NULL);
  gint64 count = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return count;
}

static gboolean
insert_signoffs (CpStore *store, const char *plan_id, const CpSigner *signers, gsize n_signers,
                 gint64 version, const char *agreed_on, GError **error)
{
  for (gsize i = 0; i < n_signers; i++)
    {
      g_autoptr(CpSignoff) signoff = cp_signoff_new (plan_id);
      g_autofree char *name = g_strstrip (g_strdup (signers[i].name));
      g_autofree char *role = g_strstrip (g_strdup (signers[i].role ? signers[i].role : ""));

      g_object_set (signoff, "name", name, "role", role, "signed-on", agreed_on,
                    "plan-version", version, NULL);
      if (!cp_store_insert (store, CP_RECORD (signoff), error))
        return FALSE;
    }
  return TRUE;
}

/* "First agreed version." or how many things changed since the last. */
static char *
version_summary (CpStore *store, const char *plan_id, gint64 version, const char *document)
{
  g_autoptr(CpPlanVersion) previous = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  if (version > 1)
    previous = cp_plan_load_version (store, plan_id, version - 1, NULL);
  if (previous == NULL)
    return g_strdup (_("First agreed version."));
  changes = cp_plan_diff (cp_record_get_string (CP_RECORD (previous), "document"), document, NULL);
  if (changes == NULL)
    return g_strdup ("");
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change since version %" G_GINT64_FORMAT ".",
                                       "%u changes since version %" G_GINT64_FORMAT ".", changes->len),
                          changes->len, version - 1);
}

static CpPlanVersion *
agree_in_transaction (CpStore *store, CpRecord *plan, const CpSigner *signers, gsize n_signers,
                      const char *agreed_on, GError **error)
{
  const char *plan_id = cp_record_get_id (plan);
  gint64 version = cp_record_get_int64 (plan, "version") + 1;
  g_autoptr(CpPlanVersion) frozen = NULL;
  g_autofree char *document = NULL;
  g_autofree char *summary = NULL;

  if (!insert_signoffs (store, plan_id, signers, n_signers, version, agreed_on, error))
    return NULL;
  g_object_set (plan, "status", CP_PLAN_STATUS_AGREED, "version", version, NULL);
  if (!cp_store_update (store, plan, error))
    return NULL;
  document = cp_xml_export_plan (store, plan_id, error);
  if (document == NULL)
    return NULL;
  summary = version_summary (store, plan_id, version, document);
  frozen = cp_plan_version_new (plan_id);
  g_object_set (frozen, "version", version, "agreed-on", agreed_on, "summary", summary,
                "document", document, NULL);
  if (!cp_store_insert (store, CP_RECORD (frozen), error))
    return NULL;
  return g_steal_pointer (&frozen);
}

/**
 * cp_plan_agree:
 *
 * Returns: (transfer full) (nullable): the new agreed version
 */
CpPlanVersion *
cp_plan_agree (CpStore *store, const char *plan_id, const CpSigner *signers, gsize n_signers,
               const char *agreed_on, GError **error)
{
  g_autoptr(CpRecord) plan = NULL;
  g_autoptr(GError) date_error = NULL;
  CpPlanVersion *frozen;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  if (agreed_on == NULL || *agreed_on == '\0')
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, _("Give the date the plan was agreed."));
      return NULL;
    }
  if (!cp_date_iso_is_valid (agreed_on, &date_error))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("“%s” is not a valid date: %s"), agreed_on, date_error->message);
      return NULL;
    }
  if (!check_not_future (agreed_on, error) || !check_signers (signers, n_signers, error))
    return NULL;
  plan = load_live_plan (store, plan_id, error);
  if (plan == NULL)
    return NULL;
  if (plan_status (plan) != CP_PLAN_STATUS_DRAFT)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("Only a draft can be agreed, and this plan is not a draft. Start a new draft first."));
      return NULL;
    }
  if (!check_after_previous (store, plan, agreed_on, error))
    return NULL;
  if (content_count (store, plan_id) == 0)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("There is nothing in this plan to agree yet: write at least one entry or outcome first."));
      return NULL;
    }
  if (!cp_store_begin (store, error))
    return NULL;
  frozen = agree_in_transaction (store, plan, signers, n_signers, agreed_on, error);
  if (frozen == NULL)
    {
      cp_store_rollback (store);
      return NULL;
    }
  if (!cp_store_commit (store, error))
    {
      g_object_unref (frozen);
      return NULL;
    }
  return frozen;
}

/* Moves a plan from one of @from (a bitmask of 1 << status) to @to. */
static gboolean
change_status (CpStore *store, const char *plan_id, guint from, CpPlanStatus to,
               const char *refusal, GError **error)
{
  g_autoptr(CpRecord) plan = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);

  plan = load_live_plan (store, plan_id, error);
  if (plan == NULL)
    return FALSE;
  if ((from & (1u << plan_status (plan))) == 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, refusal);
      return FALSE;
    }
  g_object_set (plan, "status", to, NULL);
  return cp_store_update (store, plan, error);
}

gboolean
cp_plan_start_review (CpStore *store, const char *plan_id, GError **error)
{
  return change_status (store, plan_id, 1u << CP_PLAN_STATUS_AGREED, CP_PLAN_STATUS_UNDER_REVIEW,
                        _("Only an agreed plan can be reviewed."), error);
}

gboolean
cp_plan_new_draft (CpStore *store, const char *plan_id, GError **error)
{
  return change_status (store, plan_id,
                        (1u << CP_PLAN_STATUS_AGREED) | (1u << CP_PLAN_STATUS_UNDER_REVIEW),
                        CP_PLAN_STATUS_DRAFT,
                        _("A new draft can only be started from an agreed plan or one under review."),
                        error);
}

static GPtrArray *
select_versions (CpStore *store, const char *plan_id, gint64 version, GError **error)
{
  g_autofree char *columns = cp_store_select_columns (CP_TYPE_PLAN_VERSION);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM plan_version WHERE plan_id = ?1 AND deleted = 0"
                                          " AND (?2 = 0 OR version = ?2) ORDER BY version DESC", columns);
  sqlite3_stmt *stmt = cp_store_prepare (store, sql, error);
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, version);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (versions, cp_store_record_from_row (store, CP_TYPE_PLAN_VERSION, stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      cp_store_set_error_from_db (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&versions);
}

/**
 * cp_plan_list_versions:
 *
 * Returns: (transfer full) (element-type CpPlanVersion)
 */
GPtrArray *
cp_plan_list_versions (CpStore *store, const char *plan_id, GError **error)
{
  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  return select_versions (store, plan_id, 0, error);
}

/**
 * cp_plan_load_version:
 *
 * Returns: (transfer full) (nullable)
 */
CpPlanVersion *
cp_plan_load_version (CpStore *store, const char *plan_id, gint64 version, GError **error)
{
  g_autoptr(GPtrArray) versions = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  if (version < 1)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND, _("Versions are numbered from 1."));
      return NULL;
    }
  versions = select_versions (store, plan_id, version, error);
  if (versions == NULL)
    return NULL;
  if (versions->len == 0)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                   _("This plan has no agreed version %" G_GINT64_FORMAT "."), version);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (versions, 0));
}
