/* cp-budget-categories.c — what a budget line can be spent on
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cp-budget"

#include "cp-budget-categories.h"
#include "cp-reference.h"

static CpBudgetCategory *categories;
static guint n_loaded;

static char *
read_string (GKeyFile *file, const char *group, const char *key)
{
  char *value = g_key_file_get_locale_string (file, group, key, NULL, NULL);

  return value != NULL ? value : g_strdup ("");
}

/* Read once and kept for the life of the process, like the resource. */
static void
load_categories (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) file = cp_reference_key_file ("budget-categories.ini", &error);
  g_auto(GStrv) groups = NULL;
  gsize n = 0;

  if (file == NULL)
    {
      g_critical ("The budget categories could not be read: %s", error->message);
      categories = g_new0 (CpBudgetCategory, 1);
      return;
    }
  groups = g_key_file_get_groups (file, &n);
  categories = g_new0 (CpBudgetCategory, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      CpBudgetCategory *category = &categories[i];

      category->id = g_strdup (groups[i]);
      category->name = read_string (file, groups[i], "Name");
      category->group = read_string (file, groups[i], "Group");
      category->description = read_string (file, groups[i], "Description");
      category->contingency = g_key_file_get_boolean (file, groups[i], "Contingency", NULL);
    }
  n_loaded = (guint) n;
}

const CpBudgetCategory *
cp_budget_categories (guint *n_categories)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      load_categories ();
      g_once_init_leave (&loaded, 1);
    }
  if (n_categories != NULL)
    *n_categories = n_loaded;
  return categories;
}

const CpBudgetCategory *
cp_budget_category_lookup (const char *id)
{
  guint n;
  const CpBudgetCategory *all = cp_budget_categories (&n);

  if (id == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (all[i].id, id))
      return &all[i];
  return NULL;
}

const char *
cp_budget_category_name (const char *id)
{
  const CpBudgetCategory *category = cp_budget_category_lookup (id);

  return category != NULL ? category->name : (id != NULL ? id : "");
}

gboolean
cp_budget_category_is_contingency (const char *id)
{
  const CpBudgetCategory *category = cp_budget_category_lookup (id);

  return category != NULL && category->contingency;
}
