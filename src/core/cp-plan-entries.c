/* cp-plan-entries.c — writing in a plan: sections, entries, their order, who writes
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cp-plan-entries"

#include <glib/gi18n-lib.h>

#include "cp-enum-types.h"
#include "cp-outcome-rating.h"
#include "cp-outcome.h"
#include "cp-plan-entries.h"
#include "cp-plan-lifecycle.h"
#include "cp-plan.h"

/* Headings as people say them, from the one-page profile and the IPC
 * personalised care and support plan. */
const char *
cp_section_label (CpSection section)
{
  switch (section)
    {
    case CP_SECTION_LIKE_AND_ADMIRE:    return _("What people like and admire about me");
    case CP_SECTION_IMPORTANT_TO_ME:    return _("What is important to me");
    case CP_SECTION_HOW_TO_SUPPORT_ME:  return _("How best to support me");
    case CP_SECTION_IMPORTANT_TO:       return _("Important to me");
    case CP_SECTION_IMPORTANT_FOR:      return _("Important for me");
    case CP_SECTION_WORKING:            return _("What is working");
    case CP_SECTION_NOT_WORKING:        return _("What is not working");
    case CP_SECTION_GOOD_DAY:           return _("A good day");
    case CP_SECTION_BAD_DAY:            return _("A bad day");
    case CP_SECTION_COMMUNICATION:      return _("How I communicate");
    case CP_SECTION_HEALTH_WELLBEING:   return _("My health and wellbeing");
    case CP_SECTION_MORE_THAN_MEDICINE: return _("More than medicine: support in my community");
    case CP_SECTION_CONTINGENCY:        return _("Contingency and crisis plan");
    case CP_SECTION_SHARING:            return _("Who may see my plan");
    default:                            return _("Other");
    }
}

/* One short, open question per section, asked of the person. */
const char *
cp_section_prompt (CpSection section)
{
  switch (section)
    {
    case CP_SECTION_LIKE_AND_ADMIRE:    return _("What do people say they like about you? What are you good at?");
    case CP_SECTION_IMPORTANT_TO_ME:    return _("What matters most to you in your life?");
    case CP_SECTION_HOW_TO_SUPPORT_ME:  return _("What helps you? What should people do, or not do?");
    case CP_SECTION_IMPORTANT_TO:       return _("What makes a day worth living for you?");
    case CP_SECTION_IMPORTANT_FOR:      return _("What do you need to stay healthy and safe?");
    case CP_SECTION_WORKING:            return _("What is going well at the moment?");
    case CP_SECTION_NOT_WORKING:        return _("What is not going well, or would you like to change?");
    case CP_SECTION_GOOD_DAY:           return _("Tell me about a good day. What happens?");
    case CP_SECTION_BAD_DAY:            return _("What happens on a bad day? What makes it worse?");
    case CP_SECTION_COMMUNICATION:      return _("How do you tell people things? How should people talk with you?");
    case CP_SECTION_HEALTH_WELLBEING:   return _("How is your health? What helps you feel well?");
    case CP_SECTION_MORE_THAN_MEDICINE: return _("What groups, places or people near you could help?");
    case CP_SECTION_CONTINGENCY:        return _("If things go wrong, what should happen, and who should people call?");
    case CP_SECTION_SHARING:            return _("Who may see your plan? Is there anyone who should not?");
    default:                            return "";
    }
}

const char *
cp_voice_label (CpVoice voice)
{
  switch (voice)
    {
    case CP_VOICE_PERSON:        return _("In my own words");
    case CP_VOICE_FAMILY_CARER:  return _("Family or carer");
    case CP_VOICE_ADVOCATE:      return _("Advocate");
    case CP_VOICE_PROFESSIONAL:  return _("Professional");
    default:                     return "";
    }
}

static const char *
section_nick (CpSection section)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CP_TYPE_SECTION);
  GEnumValue *value = g_enum_get_value (klass, section);

  return value ? value->value_nick : NULL;
}

gint64
cp_plan_entry_next_position (CpStore *store, const char *plan_id, CpSection section)
{
  sqlite3_stmt *stmt = cp_store_prepare (store,
                                         "SELECT ifnull (max (position) + 1, 0) FROM plan_entry"
                                         " WHERE plan_id = ?1 AND section = ?2 AND deleted = 0", NULL);
  gint64 next = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, section_nick (section), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return next;
}

static gboolean
check_editable (CpStore *store, const char *plan_id, GError **error)
{
  if (cp_plan_is_editable (store, plan_id))
    return TRUE;
  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
               _("This plan has been agreed, so it cannot be changed. Start a new draft to change it."));
  return FALSE;
}

/**
 * cp_plan_entry_add:
 *
 * Returns: (transfer full) (nullable): the stored entry
 */
CpPlanEntry *
cp_plan_entry_add (CpStore *store, const char *plan_id, CpSection section, const char *body,
                   CpVoice voice, const char *author_id, GError **error)
{
  g_autoptr(CpPlanEntry) entry = NULL;
  g_autofree char *text = g_strstrip (g_strdup (body ? body : ""));

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  if (*text == '\0')
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("Write something before adding it to the plan."));
      return NULL;
    }
  if (!check_editable (store, plan_id, error))
    return NULL;
  entry = cp_plan_entry_new (plan_id);
  g_object_set (entry, "section", section, "body", text, "voice", voice, "author-id", author_id, NULL);
  if (!cp_store_begin (store, error))
    return NULL;
  g_object_set (entry, "position", cp_plan_entry_next_position (store, plan_id, section), NULL);
  if (!cp_store_insert (store, CP_RECORD (entry), error))
    {
      cp_store_rollback (store);
      return NULL;
    }
  if (!cp_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&entry);
}

/* The live entries of one section, in order. */
static GPtrArray *
section_entries (CpStore *store, const char *plan_id, const char *section, GError **error)
{
  g_autofree char *columns = cp_store_select_columns (CP_TYPE_PLAN_ENTRY);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM plan_entry WHERE plan_id = ?1 AND section = ?2"
                                          " AND deleted = 0 ORDER BY position, created_at, id", columns);
  sqlite3_stmt *stmt = cp_store_prepare (store, sql, error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, section, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, cp_store_record_from_row (store, CP_TYPE_PLAN_ENTRY, stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      cp_store_set_error_from_db (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* Writes 0, 1, 2 … into the entries' positions; only changed rows are
 * written (and audited). */
static gboolean
renumber (CpStore *store, GPtrArray *entries, GError **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      CpRecord *entry = g_ptr_array_index (entries, i);

      if (cp_record_get_int64 (entry, "position") == (gint64) i)
        continue;
      cp_record_set_int64 (entry, "position", i);
      if (!cp_store_update (store, entry, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
move_within (CpStore *store, CpRecord *entry, gint64 new_position, GError **error)
{
  g_autoptr(GEnumClass) sections = g_type_class_ref (CP_TYPE_SECTION);
  const char *plan_id = cp_record_get_string (entry, "plan-id");
  g_autoptr(GPtrArray) entries = NULL;
  GEnumValue *nick;
  guint index;
  int value;

  g_object_get (entry, "section", &value, NULL);
  nick = g_enum_get_value (sections, value);
  entries = section_entries (store, plan_id, nick->value_nick, error);
  if (entries == NULL)
    return FALSE;
  for (index = 0; index < entries->len; index++)
    if (g_strcmp0 (cp_record_get_id (g_ptr_array_index (entries, index)), cp_record_get_id (entry)) == 0)
      break;
  if (index == entries->len)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                   _("This entry has been deleted, so it cannot be moved."));
      return FALSE;
    }
  {
    gpointer moving = g_ptr_array_steal_index (entries, index);
    guint target = (guint) CLAMP (new_position, 0, (gint64) entries->len);

    g_ptr_array_insert (entries, (gint) target, moving);
  }
  return renumber (store, entries, error);
}

/**
 * cp_plan_entry_move:
 *
 * Moves the entry within its section and renumbers the section, in one
 * transaction.
 */
gboolean
cp_plan_entry_move (CpStore *store, const char *entry_id, gint64 new_position, GError **error)
{
  g_autoptr(CpRecord) entry = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);

  entry = cp_store_load (store, CP_TYPE_PLAN_ENTRY, entry_id, error);
  if (entry == NULL)
    return FALSE;
  if (!check_editable (store, cp_record_get_string (entry, "plan-id"), error))
    return FALSE;
  if (!cp_store_begin (store, error))
    return FALSE;
  if (!move_within (store, entry, new_position, error))
    {
      cp_store_rollback (store);
      return FALSE;
    }
  return cp_store_commit (store, error);
}

static char *
find_contributor (CpStore *store, const char *name, const char *role, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store,
                                         "SELECT id FROM contributor WHERE deleted = 0"
                                         " AND cp_fold (name) = cp_fold (?1) COLLATE NOCASE"
                                         " AND cp_fold (role) = cp_fold (?2) COLLATE NOCASE"
                                         " ORDER BY created_at, id LIMIT 1", error);
  char *id = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    cp_store_set_error_from_db (store, rc, error);
  return id;
}

/**
 * cp_contributor_find_or_create:
 *
 * Returns: (transfer full) (nullable)
 */
CpContributor *
cp_contributor_find_or_create (CpStore *store, const char *name, const char *role, CpVoice voice,
                               GError **error)
{
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *clean_role = g_strstrip (g_strdup (role ? role : ""));
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(CpContributor) contributor = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  if (*clean_name == '\0')
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("Type the name of who is writing."));
      return NULL;
    }
  id = find_contributor (store, clean_name, clean_role, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (id != NULL)
    return cp_store_load (store, CP_TYPE_CONTRIBUTOR, id, error);
  contributor = cp_contributor_new ();
  g_object_set (contributor, "name", clean_name, "role", clean_role, "voice", voice, NULL);
  if (!cp_store_insert (store, CP_RECORD (contributor), error))
    return NULL;
  return g_steal_pointer (&contributor);
}

/**
 * cp_contributor_sign_in:
 *
 * Returns: (transfer full) (nullable)
 */
CpContributor *
cp_contributor_sign_in (CpStore *store, const char *name, const char *role, CpVoice voice,
                        GError **error)
{
  CpContributor *contributor = cp_contributor_find_or_create (store, name, role, voice, error);

  if (contributor != NULL)
    cp_store_set_contributor (store, cp_record_get_string (CP_RECORD (contributor), "name"));
  return contributor;
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * cp_plan_content_check:
 *
 * Dates themselves are checked by CpRecord first; ISO dates compare
 * correctly as text.
 */
gboolean
cp_plan_content_check (CpRecord *record, GError **error)
{
  g_return_val_if_fail (CP_IS_RECORD (record), FALSE);

  if (CP_IS_OUTCOME_RATING (record))
    {
      gint64 score = cp_record_get_int64 (record, "score");

      if (is_blank (cp_record_get_string (record, "rated-on")))
        return invalid (error, _("A rating needs the date it was given."));
      if (score < -2 || score > 2)
        return invalid (error, _("A rating is a score from −2 to +2."));
    }
  else if (CP_IS_OUTCOME (record))
    {
      if (is_blank (cp_record_get_string (record, "description")))
        return invalid (error, _("An outcome needs a description, in the person’s own words."));
    }
  else if (CP_IS_PLAN (record))
    {
      const char *start = cp_record_get_string (record, "year-start");
      const char *end = cp_record_get_string (record, "year-end");

      if (!is_blank (start) && !is_blank (end) && g_strcmp0 (end, start) <= 0)
        return invalid (error, _("The year of care must end after it starts."));
    }
  return TRUE;
}
