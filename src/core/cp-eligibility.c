/* cp-eligibility.c — who may join IPC: Tower Hamlets' published criteria
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The published logic, from eligibility.ini: all of a group's Required
 * criteria, and at least one of its OneOf criteria when it has any. An
 * answer not given yet keeps the result "not known", never "no".
 */
#define G_LOG_DOMAIN "cp-eligibility"

#include <glib/gi18n-lib.h>

#include "cp-date.h"
#include "cp-eligibility-answer.h"
#include "cp-eligibility.h"
#include "cp-person.h"
#include "cp-reference.h"

struct _CpEligibilityResult
{
  CpEligibilityGroup   group;
  CpEligibilityOutcome outcome;
  char                *reason;
  GPtrArray           *criteria;  /* CpEligibilityCriterion */
};

static GKeyFile *
criteria_file (void)
{
  static GKeyFile *file;

  if (g_once_init_enter (&file))
    {
      g_autoptr(GError) error = NULL;
      GKeyFile *parsed = cp_reference_key_file ("eligibility.ini", &error);

      if (parsed == NULL)
        g_error ("eligibility.ini: %s", error->message);
      g_once_init_leave (&file, parsed);
    }
  return file;
}

static const char *
group_key (CpEligibilityGroup group)
{
  return group == CP_ELIGIBILITY_GROUP_CHILDREN ? "children" : "adults";
}

const char *
cp_eligibility_group_label (CpEligibilityGroup group)
{
  switch (group)
    {
    case CP_ELIGIBILITY_GROUP_ADULTS:   return _("Adults");
    case CP_ELIGIBILITY_GROUP_CHILDREN: return _("Children and young people");
    default:                            return _("Not known yet");
    }
}

CpEligibilityGroup
cp_eligibility_group_for_birth (const char *date_of_birth, const char *today)
{
  g_autoptr(GDate) born = NULL;
  g_autoptr(GDate) on = NULL;
  int under = g_key_file_get_integer (criteria_file (), "children", "AgeUnder", NULL);

  if (date_of_birth == NULL || *date_of_birth == '\0')
    return CP_ELIGIBILITY_GROUP_AUTO;
  born = cp_date_parse_iso (date_of_birth, NULL);
  if (born == NULL)
    return CP_ELIGIBILITY_GROUP_AUTO;
  if (today != NULL)
    on = cp_date_parse_iso (today, NULL);
  if (on == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      on = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                           g_date_time_get_year (now));
    }
  return cp_date_age_on (born, on) < under ? CP_ELIGIBILITY_GROUP_CHILDREN : CP_ELIGIBILITY_GROUP_ADULTS;
}

static char *
criterion_group (const char *criterion)
{
  return g_strconcat ("criterion ", criterion, NULL);
}

gboolean
cp_eligibility_criterion_is_known (const char *criterion)
{
  g_autofree char *group = NULL;

  if (criterion == NULL || *criterion == '\0')
    return FALSE;
  group = criterion_group (criterion);
  return g_key_file_has_group (criteria_file (), group);
}

/* The text is kept by the key file; translated when a translation has it. */
const char *
cp_eligibility_criterion_text (const char *criterion)
{
  static GHashTable *texts;
  G_LOCK_DEFINE_STATIC (texts);
  const char *text;

  if (!cp_eligibility_criterion_is_known (criterion))
    return NULL;
  if (g_once_init_enter (&texts))
    g_once_init_leave (&texts, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free));
  G_LOCK (texts);
  text = g_hash_table_lookup (texts, criterion);
  if (text == NULL)
    {
      g_autofree char *group = criterion_group (criterion);
      char *value = g_key_file_get_string (criteria_file (), group, "Text", NULL);

      g_hash_table_insert (texts, g_strdup (criterion), value ? value : g_strdup (criterion));
      text = g_hash_table_lookup (texts, criterion);
    }
  G_UNLOCK (texts);
  return g_dgettext (GETTEXT_PACKAGE, text);
}

static GStrv
group_list (CpEligibilityGroup group, const char *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = g_key_file_get_string_list (criteria_file (), group_key (group), key, NULL, NULL);

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (*g_strstrip (list[i]) != '\0')
      g_strv_builder_add (builder, list[i]);
  return g_strv_builder_end (builder);
}

GStrv
cp_eligibility_group_criteria (CpEligibilityGroup group)
{
  g_auto(GStrv) required = group_list (group, "Required");
  g_auto(GStrv) one_of = group_list (group, "OneOf");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) required);
  g_strv_builder_addv (builder, (const char **) one_of);
  return g_strv_builder_end (builder);
}

static void
criterion_free (CpEligibilityCriterion *criterion)
{
  g_free (criterion->id);
  g_free (criterion->text);
  g_free (criterion->note);
  g_free (criterion);
}

void
cp_eligibility_result_free (CpEligibilityResult *result)
{
  if (result == NULL)
    return;
  g_free (result->reason);
  g_ptr_array_unref (result->criteria);
  g_free (result);
}

static CpEligibilityResult *
result_new (CpEligibilityGroup group)
{
  CpEligibilityResult *result = g_new0 (CpEligibilityResult, 1);

  result->group = group;
  result->outcome = CP_ELIGIBILITY_NOT_KNOWN;
  result->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_free);
  return result;
}

static void
add_criteria (CpEligibilityResult *result, GStrv ids, gboolean required, GHashTable *answers,
              GHashTable *notes)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      CpEligibilityCriterion *criterion = g_new0 (CpEligibilityCriterion, 1);
      const char *answer = g_hash_table_lookup (answers, ids[i]);

      criterion->id = g_strdup (ids[i]);
      criterion->text = g_strdup (cp_eligibility_criterion_text (ids[i]));
      criterion->required = required;
      criterion->state = answer == NULL ? CP_ELIGIBILITY_UNANSWERED
                       : g_str_equal (answer, "1") ? CP_ELIGIBILITY_MET : CP_ELIGIBILITY_NOT_MET;
      criterion->note = notes ? g_strdup (g_hash_table_lookup (notes, ids[i])) : NULL;
      g_ptr_array_add (result->criteria, criterion);
    }
}

/* How many of one kind (required or not) are in @state. */
static guint
count_state (CpEligibilityResult *result, gboolean required, CpEligibilityState state)
{
  guint n = 0;

  for (guint i = 0; i < result->criteria->len; i++)
    {
      CpEligibilityCriterion *criterion = g_ptr_array_index (result->criteria, i);

      n += criterion->required == required && criterion->state == state;
    }
  return n;
}

/* "A; B; C" of the criteria of one kind in @state (or any but MET when
 * @state is UNANSWERED and @or_not_met). */
static char *
join_texts (CpEligibilityResult *result, gboolean required, CpEligibilityState state)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;

  for (guint i = 0; i < result->criteria->len; i++)
    {
      CpEligibilityCriterion *criterion = g_ptr_array_index (result->criteria, i);

      if (criterion->required == required && criterion->state == state)
        g_strv_builder_add (builder, criterion->text);
    }
  texts = g_strv_builder_end (builder);
  return g_strjoinv ("; ", texts);
}

static void
decide (CpEligibilityResult *result)
{
  const char *group = cp_eligibility_group_label (result->group);
  guint n_one_of = 0;
  gboolean one_of_met, one_of_failed;

  for (guint i = 0; i < result->criteria->len; i++)
    n_one_of += !((CpEligibilityCriterion *) g_ptr_array_index (result->criteria, i))->required;
  one_of_met = n_one_of == 0 || count_state (result, FALSE, CP_ELIGIBILITY_MET) > 0;
  one_of_failed = n_one_of > 0 && count_state (result, FALSE, CP_ELIGIBILITY_NOT_MET) == n_one_of;

  if (count_state (result, TRUE, CP_ELIGIBILITY_NOT_MET) > 0)
    {
      g_autofree char *failed = join_texts (result, TRUE, CP_ELIGIBILITY_NOT_MET);

      result->outcome = CP_ELIGIBILITY_NOT_ELIGIBLE;
      /* Translators: "Not eligible (Adults): not met — Is registered with a GP in Tower Hamlets." */
      result->reason = g_strdup_printf (_("Not eligible (%s): not met — %s."), group, failed);
    }
  else if (one_of_failed)
    {
      g_autofree char *failed = join_texts (result, FALSE, CP_ELIGIBILITY_NOT_MET);

      result->outcome = CP_ELIGIBILITY_NOT_ELIGIBLE;
      result->reason = g_strdup_printf (_("Not eligible (%s): none of these is met — %s."), group, failed);
    }
  else if (count_state (result, TRUE, CP_ELIGIBILITY_UNANSWERED) == 0 && one_of_met)
    {
      g_autofree char *conditions = join_texts (result, FALSE, CP_ELIGIBILITY_MET);

      result->outcome = CP_ELIGIBILITY_ELIGIBLE;
      if (n_one_of > 0)
        result->reason = g_strdup_printf (_("Eligible (%s): every criterion that must be met is met, "
                                            "and so is at least one of the conditions — %s."), group, conditions);
      else
        result->reason = g_strdup_printf (_("Eligible (%s): every criterion is met."), group);
    }
  else
    {
      g_autofree char *open = join_texts (result, TRUE, CP_ELIGIBILITY_UNANSWERED);
      g_autofree char *open_one_of = one_of_met ? g_strdup ("") : join_texts (result, FALSE, CP_ELIGIBILITY_UNANSWERED);

      result->outcome = CP_ELIGIBILITY_NOT_KNOWN;
      if (*open != '\0' && *open_one_of != '\0')
        result->reason = g_strdup_printf (_("Not known yet (%s): still to check — %s; and at least one of — %s."),
                                          group, open, open_one_of);
      else if (*open != '\0')
        result->reason = g_strdup_printf (_("Not known yet (%s): still to check — %s."), group, open);
      else
        result->reason = g_strdup_printf (_("Not known yet (%s): still to check at least one of — %s."),
                                          group, open_one_of);
    }
}

static CpEligibilityResult *
evaluate (CpEligibilityGroup group, GHashTable *answers, GHashTable *notes)
{
  CpEligibilityResult *result = result_new (group);
  g_auto(GStrv) required = group_list (group, "Required");
  g_auto(GStrv) one_of = group_list (group, "OneOf");

  add_criteria (result, required, TRUE, answers, notes);
  add_criteria (result, one_of, FALSE, answers, notes);
  decide (result);
  return result;
}

/**
 * cp_eligibility_evaluate_answers:
 *
 * Returns: (transfer full)
 */
CpEligibilityResult *
cp_eligibility_evaluate_answers (CpEligibilityGroup group, GHashTable *answers)
{
  g_return_val_if_fail (group != CP_ELIGIBILITY_GROUP_AUTO, NULL);
  g_return_val_if_fail (answers != NULL, NULL);
  return evaluate (group, answers, NULL);
}

/* The person's live answers: criterion → "1"/"0", and → note. */
static gboolean
read_answers (CpStore *store, const char *person_id, GHashTable *answers, GHashTable *notes, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store,
                                         "SELECT criterion, met, note FROM eligibility_answer"
                                         " WHERE person_id = ?1 AND deleted = 0 ORDER BY updated_at", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *criterion = (const char *) sqlite3_column_text (stmt, 0);
      const char *note = (const char *) sqlite3_column_text (stmt, 2);

      g_hash_table_insert (answers, g_strdup (criterion), g_strdup (sqlite3_column_int (stmt, 1) ? "1" : "0"));
      if (note != NULL && *note != '\0')
        g_hash_table_insert (notes, g_strdup (criterion), g_strdup (note));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return cp_store_set_error_from_db (store, rc, error);
  return TRUE;
}

static CpRecord *
load_live_person (CpStore *store, const char *person_id, GError **error)
{
  g_autoptr(CpRecord) person = cp_store_load (store, CP_TYPE_PERSON, person_id, error);

  if (person != NULL && cp_record_get_deleted (person))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND, _("This person has been deleted."));
      return NULL;
    }
  return g_steal_pointer (&person);
}

/**
 * cp_eligibility_evaluate:
 *
 * Returns: (transfer full) (nullable)
 */
CpEligibilityResult *
cp_eligibility_evaluate (CpStore *store, const char *person_id, CpEligibilityGroup group,
                         const char *today, GError **error)
{
  g_autoptr(CpRecord) person = NULL;
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  person = load_live_person (store, person_id, error);
  if (person == NULL)
    return NULL;
  if (group == CP_ELIGIBILITY_GROUP_AUTO)
    group = cp_eligibility_group_for_birth (cp_record_get_string (person, "date-of-birth"), today);
  if (group == CP_ELIGIBILITY_GROUP_AUTO)
    {
      CpEligibilityResult *result = result_new (group);

      result->reason = g_strdup (_("Not known yet: add the date of birth, so Coplan knows whether the "
                                   "adults’ or the children’s criteria apply, or choose one."));
      return result;
    }
  if (!read_answers (store, person_id, answers, notes, error))
    return NULL;
  return evaluate (group, answers, notes);
}

CpEligibilityGroup
cp_eligibility_result_get_group (CpEligibilityResult *result)
{
  return result->group;
}

CpEligibilityOutcome
cp_eligibility_result_get_outcome (CpEligibilityResult *result)
{
  return result->outcome;
}

const char *
cp_eligibility_result_get_reason (CpEligibilityResult *result)
{
  return result->reason;
}

GPtrArray *
cp_eligibility_result_get_criteria (CpEligibilityResult *result)
{
  return result->criteria;
}

static GStrv
ids_where (CpEligibilityResult *result, gboolean met)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean one_of_met = count_state (result, FALSE, CP_ELIGIBILITY_MET) > 0;

  for (guint i = 0; i < result->criteria->len; i++)
    {
      CpEligibilityCriterion *criterion = g_ptr_array_index (result->criteria, i);
      gboolean is_met = criterion->state == CP_ELIGIBILITY_MET;

      /* Once one condition is met, the others are not missing. */
      if (met ? is_met : (!is_met && (criterion->required || !one_of_met)))
        g_strv_builder_add (builder, criterion->id);
    }
  return g_strv_builder_end (builder);
}

GStrv
cp_eligibility_result_dup_met (CpEligibilityResult *result)
{
  return ids_where (result, TRUE);
}

GStrv
cp_eligibility_result_dup_missing (CpEligibilityResult *result)
{
  return ids_where (result, FALSE);
}

static char *
find_answer (CpStore *store, const char *person_id, const char *criterion, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store,
                                         "SELECT id FROM eligibility_answer WHERE person_id = ?1"
                                         " AND criterion = ?2 AND deleted = 0 ORDER BY created_at, id LIMIT 1",
                                         error);
  char *id = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, person_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, criterion, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    cp_store_set_error_from_db (store, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return id;
}

static gboolean
check_answerable (CpStore *store, const char *person_id, const char *criterion, GError **error)
{
  g_autoptr(CpRecord) person = NULL;

  if (!cp_eligibility_criterion_is_known (criterion))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("“%s” is not one of the eligibility criteria."), criterion ? criterion : "");
      return FALSE;
    }
  person = load_live_person (store, person_id, error);
  return person != NULL;
}

static gboolean
write_answer (CpStore *store, const char *person_id, const char *criterion, gboolean met,
              const char *note, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = find_answer (store, person_id, criterion, &local_error);
  g_autoptr(CpRecord) answer = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (id == NULL)
    {
      answer = CP_RECORD (cp_eligibility_answer_new (person_id));
      g_object_set (answer, "criterion", criterion, "met", met, "note", note ? note : "", NULL);
      return cp_store_insert (store, answer, error);
    }
  answer = cp_store_load (store, CP_TYPE_ELIGIBILITY_ANSWER, id, error);
  if (answer == NULL)
    return FALSE;
  g_object_set (answer, "met", met, "note", note ? note : "", NULL);
  return cp_store_update (store, answer, error);
}

gboolean
cp_eligibility_set_answer (CpStore *store, const char *person_id, const char *criterion, gboolean met,
                           const char *note, GError **error)
{
  g_return_val_if_fail (CP_IS_STORE (store), FALSE);

  if (!check_answerable (store, person_id, criterion, error) || !cp_store_begin (store, error))
    return FALSE;
  if (!write_answer (store, person_id, criterion, met, note, error))
    {
      cp_store_rollback (store);
      return FALSE;
    }
  return cp_store_commit (store, error);
}

gboolean
cp_eligibility_clear_answer (CpStore *store, const char *person_id, const char *criterion, GError **error)
{
  g_autofree char *id = NULL;
  g_autoptr(CpRecord) answer = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);

  if (!check_answerable (store, person_id, criterion, error))
    return FALSE;
  id = find_answer (store, person_id, criterion, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (id == NULL)
    return TRUE;
  answer = cp_store_load (store, CP_TYPE_ELIGIBILITY_ANSWER, id, error);
  return answer != NULL && cp_store_tombstone (store, answer, error);
}
