/* cp-ipc-areas.c — the IPC demonstrator and early-adopter areas and their cohorts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cp-ipc-areas"

#include <glib/gi18n-lib.h>

#include "cp-ipc-areas.h"
#include "cp-reference.h"
#include "cp-store.h"

/* Parsed once: the file is compiled in and never changes. */
static GKeyFile *
areas_file (void)
{
  static GKeyFile *file;

  if (g_once_init_enter (&file))
    {
      g_autoptr(GError) error = NULL;
      GKeyFile *parsed = cp_reference_key_file ("ipc-areas.ini", &error);

      if (parsed == NULL)
        g_error ("ipc-areas.ini: %s", error->message);
      g_once_init_leave (&file, parsed);
    }
  return file;
}

GStrv
cp_ipc_areas_list (void)
{
  return g_key_file_get_groups (areas_file (), NULL);
}

static GStrv
list_or_empty (const char *area, const char *key)
{
  GStrv list = g_key_file_get_string_list (areas_file (), area, key, NULL, NULL);

  return list ? list : g_new0 (char *, 1);
}

/* Empty entries ("Cohorts=" or a trailing ';') are no cohort. */
static GStrv
without_empty (GStrv list)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_strstrip (list[i]);
      if (*list[i] != '\0')
        g_strv_builder_add (builder, list[i]);
    }
  g_strfreev (list);
  return g_strv_builder_end (builder);
}

GStrv
cp_ipc_area_cohorts (const char *area, GError **error)
{
  if (area == NULL || !g_key_file_has_group (areas_file (), area))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("“%s” is not one of the IPC areas."), area ? area : "");
      return NULL;
    }
  return without_empty (list_or_empty (area, "Cohorts"));
}

/* Cohorts are compared as words: case and hyphens ("long-term" as the
 * borough writes it, "long term" as the programme page does) aside. */
static char *
comparable (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *spaced = g_strdelimit (g_steal_pointer (&folded), "-", ' ');

  return g_utf8_normalize (g_strstrip (spaced), -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

static gboolean
list_contains (GStrv list, const char *cohort)
{
  g_autofree char *wanted = comparable (cohort);

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      g_autofree char *candidate = comparable (list[i]);

      if (g_strcmp0 (candidate, wanted) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
cp_ipc_area_validate (const char *area, const char *cohort, GError **error)
{
  g_auto(GStrv) cohorts = NULL;
  g_auto(GStrv) local = NULL;
  gboolean no_area = area == NULL || *area == '\0';
  gboolean no_cohort = cohort == NULL || *cohort == '\0';

  if (no_area)
    {
      if (no_cohort)
        return TRUE;
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   _("Choose the IPC area before the cohort."));
      return FALSE;
    }
  cohorts = cp_ipc_area_cohorts (area, error);
  if (cohorts == NULL)
    return FALSE;
  if (no_cohort)
    return TRUE;
  local = list_or_empty (area, "LocalCohorts");
  if (list_contains (cohorts, cohort) || list_contains (local, cohort))
    return TRUE;
  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
               _("“%s” is not one of the cohorts %s named for IPC."), cohort, area);
  return FALSE;
}
