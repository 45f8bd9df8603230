/* cp-search.c — finding people by name, NHS number or anything in their plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index itself (search_source and the FTS5 table search_fts) is
 * built and kept in step by triggers in schema step 4 (cp-schema.c);
 * this file only turns what is typed into a safe query and reads hits.
 */
#define G_LOG_DOMAIN "cp-search"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-enum-types.h"
#include "cp-plan-entries.h"
#include "cp-search.h"

/* More words than this add nothing but cost. */
#define MAX_TERMS 8
/* A one-letter prefix matches nearly every text: only whole words then. */
#define MIN_PREFIX_CHARS 2

void
cp_search_hit_free (CpSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->person_id);
  g_free (hit->display_name);
  g_free (hit->where);
  g_free (hit->snippet);
  g_free (hit);
}

/* "943 476 5919", as NHS numbers are printed, is one number. */
static char *
digits_only (const char *text)
{
  GString *digits = g_string_new (NULL);

  if (strspn (text, "0123456789 -") != strlen (text))
    return g_string_free (digits, TRUE);
  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (digits->len == 0)
    return g_string_free (digits, TRUE);
  return g_string_free (digits, FALSE);
}

/* Letters, digits and marks make words; everything else — quotes,
 * stars, brackets, colons, carets — only separates them, so no FTS5
 * syntax survives. Words such as OR or NEAR become quoted terms. */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0 && words->len < MAX_TERMS)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return words;
}

/**
 * cp_search_fts_query:
 *
 * Each word quoted, the last one a prefix: "sam pat" →
 * "\"sam\" \"pat\"*". Invalid UTF-8 or no word gives NULL.
 */
char *
cp_search_fts_query (const char *text)
{
  g_autofree char *digits = NULL;
  g_autoptr(GPtrArray) words = NULL;
  GString *query;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  digits = digits_only (text);
  if (digits != NULL)
    return g_strdup_printf ("\"%s\"%s", digits, strlen (digits) >= MIN_PREFIX_CHARS ? "*" : "");
  words = split_words (text);
  if (words->len == 0)
    return NULL;
  query = g_string_new (NULL);
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      gboolean prefix = i + 1 == words->len && g_utf8_strlen (word, -1) >= MIN_PREFIX_CHARS;

      g_string_append_printf (query, "%s\"%s\"%s", i ? " " : "", word, prefix ? "*" : "");
    }
  return g_string_free (query, FALSE);
}

/* The words of a cp_search_fts_query() string, one FTS5 query each, as
 * the CTE "words (word)". That string is quoted terms joined by single
 * spaces, and a term never holds a space or a quote (split_words()), so
 * cutting it at spaces gives back the terms: "\"sam\" \"swim\"*" →
 * "\"sam\"", "\"swim\"*". A word typed twice counts once. */
#define WORDS_CTE(param)                                                                  \
  "WITH RECURSIVE split (word, rest) AS (SELECT NULL, " param " || ' '"                   \
  "  UNION ALL SELECT substr (rest, 1, instr (rest, ' ') - 1), substr (rest, instr (rest, ' ') + 1)" \
  "  FROM split WHERE rest != ''),"                                                        \
  " words (word) AS (SELECT DISTINCT word FROM split WHERE word != ''),"                   \
  /* Every indexed text holding a word: one FTS5 match per word. */                       \
  " hits AS MATERIALIZED (SELECT s.person_id, s.docid, s.kind, s.detail, words.word"        \
  "  FROM words JOIN search_fts ON search_fts MATCH words.word"                            \
  "  JOIN search_source s ON s.docid = search_fts.rowid),"                                 \
  /* People with every word somewhere in their texts. */                                  \
  " found AS (SELECT person_id FROM hits GROUP BY person_id"                               \
  "  HAVING count (DISTINCT word) = (SELECT count (*) FROM words))"

const char *
cp_search_person_ids_sql (void)
{
  /* Only live texts are indexed (schema step 4), so no join is needed. */
  return WORDS_CTE (":search") " SELECT person_id FROM found";
}

/* Where a hit was found, in words. */
static char *
where_label (const char *kind, const char *detail)
{
  if (g_strcmp0 (kind, "name") == 0)
    return g_strdup (_("Name"));
  if (g_strcmp0 (kind, "nhs") == 0)
    return g_strdup (_("NHS number"));
  if (g_strcmp0 (kind, "plan_entry") == 0 && detail != NULL)
    {
      g_autoptr(GEnumClass) sections = g_type_class_ref (CP_TYPE_SECTION);
      GEnumValue *value = g_enum_get_value_by_nick (sections, detail);

      if (value != NULL)
        return g_strdup (cp_section_label (value->value));
    }
  if (g_strcmp0 (kind, "outcome") == 0)
    return g_strdup (_("Outcome"));
  if (g_strcmp0 (kind, "outcome_action") == 0)
    return g_strdup (_("Action"));
  if (g_strcmp0 (kind, "risk") == 0)
    return g_strdup (_("Risk"));
  if (g_strcmp0 (kind, "review") == 0)
    return g_strdup (_("Review"));
  return g_strdup (_("Plan"));
}

static char *
display_name (const char *given, const char *family, const char *preferred)
{
  const char *first = (preferred && *preferred) ? preferred : given;
  g_autofree char *name = g_strjoin (" ", first ? first : "", family ? family : "", NULL);

  return g_strstrip (g_steal_pointer (&name));
}

static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* A few words around the match in one indexed text. */
static char *
snippet_for (CpStore *store, const char *match, gint64 docid, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store,
                                         "SELECT snippet (search_fts, 0, '[', ']', '…', 10)"
                                         " FROM search_fts WHERE search_fts MATCH ?1 AND rowid = ?2",
                                         error);
  char *snippet = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, docid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    snippet = column_dup (stmt, 0);
  else if (rc != SQLITE_DONE)
    cp_store_set_error_from_db (store, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return (rc == SQLITE_ROW || rc == SQLITE_DONE) ? (snippet ? snippet : g_strdup ("")) : NULL;
}

/* One row per person with every word in one or another of their texts,
 * and the text to show: the one holding most of the words. When one text
 * holds them all, a name or NHS number wins a tie, as it always has; when
 * none does, plan text wins it, since the name is on the row anyway and
 * the plan text says why the person was found. The bare columns come from
 * that text's row, as SQLite promises for a query with a single max().
 * People are ranked: every word in their name or NHS number (0), every
 * word in one text (1), the words spread over several (2); then by name.
 * bm25 is not used: it cost more than the whole query on a short prefix
 * ("mo" matches most of a caseload), and a list of people is easier to
 * scan by name. ?1 is the cp_search_fts_query() string, ?2 the limit. */
static const char best_per_person_sql[] =
  WORDS_CTE ("?1") ","
  " texts AS (SELECT h.person_id, h.docid, h.kind, h.detail, count (*) AS n,"
  "  h.kind IN ('name', 'nhs') AS is_name FROM hits h JOIN found USING (person_id) GROUP BY h.docid),"
  " best AS (SELECT person_id,"
  "  max (n * 4 + CASE WHEN n = (SELECT count (*) FROM words) THEN 2 * is_name ELSE 1 - is_name END) AS weight,"
  "  n, is_name, docid, kind, detail FROM texts GROUP BY person_id)"
  " SELECT b.person_id,"
  "  CASE WHEN b.n < (SELECT count (*) FROM words) THEN 2 WHEN b.is_name THEN 0 ELSE 1 END AS score,"
  "  b.docid, b.kind, b.detail, p.given_name, p.family_name, p.preferred_name"
  " FROM best b JOIN person p ON p.id = b.person_id AND p.deleted = 0"
  " ORDER BY score, p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, b.person_id"
  " LIMIT ?2";

/* The snippet's query: any of the words, so every word the shown text
 * holds is bracketed, even when it holds only some of them. */
static char *
any_word_query (const char *match)
{
  g_auto(GStrv) terms = g_strsplit (match, " ", -1);

  return g_strjoinv (" OR ", terms);
}

static gboolean
read_hits (CpStore *store, const char *match, guint limit, GPtrArray *hits, GError **error)
{
  sqlite3_stmt *stmt = cp_store_prepare (store, best_per_person_sql, error);
  g_autoptr(GArray) docids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *any_word = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpSearchHit *hit = g_new0 (CpSearchHit, 1);
      gint64 docid = sqlite3_column_int64 (stmt, 2);

      hit->person_id = column_dup (stmt, 0);
      hit->where = where_label ((const char *) sqlite3_column_text (stmt, 3),
                                (const char *) sqlite3_column_text (stmt, 4));
      hit->display_name = display_name ((const char *) sqlite3_column_text (stmt, 5),
                                        (const char *) sqlite3_column_text (stmt, 6),
                                        (const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (hits, hit);
      g_array_append_val (docids, docid);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return cp_store_set_error_from_db (store, rc, error);
  /* Snippets only for the people shown, not for every matching text. */
  any_word = any_word_query (match);
  for (guint i = 0; i < hits->len; i++)
    {
      CpSearchHit *hit = g_ptr_array_index (hits, i);

      hit->snippet = snippet_for (store, any_word, g_array_index (docids, gint64, i), error);
      if (hit->snippet == NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * cp_search:
 *
 * Returns: (transfer full) (nullable): the hits, best first
 */
GPtrArray *
cp_search (CpStore *store, const char *query, guint limit, GError **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_search_hit_free);
  g_autofree char *match = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  match = cp_search_fts_query (query);
  if (match == NULL || limit == 0)
    return g_steal_pointer (&hits);
  if (!read_hits (store, match, limit, hits, error))
    return NULL;
  return g_steal_pointer (&hits);
}
