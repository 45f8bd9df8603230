/* cp-excluded-spending.c — spending a personal budget may not be used for
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words come from data/reference/excluded-spending.ini, read once.
 * Text is split into words at anything that is not a letter or digit,
 * and between letters and digits ("BET365" is "bet 365"), so a word
 * matches only whole: "bet" never matches "Betty's".
 */
#define G_LOG_DOMAIN "cp-excluded-spending"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-excluded-spending.h"
#include "cp-reference.h"
#include "cp-statement.h"

typedef struct
{
  char  *id;
  GStrv  phrases; /* each a space-separated, case-folded word list */
} Category;

/* The names shown to people; the ini file holds the words. */
static const struct
{
  const char *id;
  const char *name;
} category_names[] = {
  { "alcohol", N_("alcohol") },
  { "tobacco", N_("tobacco") },
  { "gambling", N_("gambling") },
  { "debt-repayment", N_("paying off debt") },
  { "emergency-care", N_("emergency care") },
  { "primary-care", N_("GP or primary care services") },
};

/* " bet 365 grosvenor casino " — spaces at both ends so " casino " finds a whole word. */
static char *
split_words (const char *text)
{
  g_autofree char *normal = cp_statement_normalise_text (text);
  GString *out = g_string_new (" ");
  gunichar previous = 0;

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (previous != 0 && c != ' ' && previous != ' ' &&
          g_unichar_isdigit (c) != g_unichar_isdigit (previous))
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, c);
      previous = c;
    }
  g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static void
category_free (Category *category)
{
  g_free (category->id);
  g_strfreev (category->phrases);
  g_free (category);
}

static Category *
load_category (GKeyFile *key_file, const char *group)
{
  g_auto(GStrv) words = g_key_file_get_string_list (key_file, group, "Words", NULL, NULL);
  g_autoptr(GStrvBuilder) phrases = g_strv_builder_new ();
  Category *category = g_new0 (Category, 1);

  category->id = g_strdup (group);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      g_autofree char *phrase = split_words (words[i]);
      if (g_strcmp0 (phrase, "  ") != 0)
        g_strv_builder_add (phrases, phrase);
    }
  category->phrases = g_strv_builder_end (phrases);
  return category;
}

static GPtrArray *
load_categories (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) key_file = cp_reference_key_file ("excluded-spending.ini", &error);
  GPtrArray *categories = g_ptr_array_new_with_free_func ((GDestroyNotify) category_free);
  g_auto(GStrv) groups = NULL;

  if (key_file == NULL)
    {
      g_critical ("The excluded-spending list cannot be read: %s", error->message);
      return categories;
    }
  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    g_ptr_array_add (categories, load_category (key_file, groups[i]));
  return categories;
}

static gpointer
load_categories_once (gpointer data)
{
  return load_categories ();
}

static GPtrArray *
categories (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_categories_once, NULL);
}

/* The category and the phrase (with its spaces) that @words holds. */
static const Category *
find_match (const char *words, const char **phrase)
{
  GPtrArray *all = categories ();

  for (guint i = 0; i < all->len; i++)
    {
      const Category *category = g_ptr_array_index (all, i);

      for (guint j = 0; category->phrases[j] != NULL; j++)
        if (strstr (words, category->phrases[j]) != NULL)
          {
            *phrase = category->phrases[j];
            return category;
          }
    }
  return NULL;
}

static const Category *
match_texts (const char *payee, const char *note, const char **phrase)
{
  g_autofree char *text = g_strconcat (payee ? payee : "", " ", note ? note : "", NULL);
  g_autofree char *words = split_words (text);

  return find_match (words, phrase);
}

static const char *
category_name (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (category_names); i++)
    if (g_str_equal (category_names[i].id, id))
      return _(category_names[i].name);
  return id;
}

const char *
cp_excluded_spending_match (const char *payee, const char *note)
{
  const char *phrase = NULL;
  const Category *category = match_texts (payee, note, &phrase);

  return category ? category->id : NULL;
}

char *
cp_excluded_spending_check (const char *payee, const char *note)
{
  const char *phrase = NULL;
  const Category *category = match_texts (payee, note, &phrase);
  g_autofree char *word = NULL;

  if (category == NULL)
    return NULL;
  word = g_strstrip (g_strdup (phrase));
  /* TRANSLATORS: "This looks like gambling (“casino”), which a personal budget cannot be spent on." */
  return g_strdup_printf (_("This looks like %s (“%s”), which a personal budget cannot be spent on."),
                          category_name (category->id), word);
}
