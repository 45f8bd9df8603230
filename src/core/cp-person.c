/* cp-person.c — the person a plan is for
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-nhs-number.h"
#include "cp-person.h"
#include "cp-store.h"

struct _CpPerson
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpPerson, cp_person, CP_TYPE_RECORD)

/* Nothing wrong is stored: an NHS number must pass Modulus 11 (dates
 * are checked for every record by CpRecord). It is kept as ten digits
 * however it was typed, so searching by number always finds it. Empty
 * is allowed; people are added before every detail is known. */
static gboolean
cp_person_validate (CpRecord *record, GError **error)
{
  const char *nhs = cp_record_get_string (record, "nhs-number");
  g_autoptr(GError) local_error = NULL;
  g_autofree char *digits = NULL;

  if (nhs == NULL || *nhs == '\0')
    return TRUE;
  digits = cp_nhs_number_normalize (nhs, &local_error);
  if (digits == NULL)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID, "%s", local_error->message);
      return FALSE;
    }
  if (g_strcmp0 (digits, nhs) != 0)
    cp_record_set_string (record, "nhs-number", digits);
  return TRUE;
}

static void
cp_person_class_init (CpPersonClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("given-name", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("family-name", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("preferred-name", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    cp_record_param_spec_date ("date-of-birth"),
    /* Ten digits, Modulus 11 checked by cp-nhs-number. */
    g_param_spec_string ("nhs-number", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("address", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("postcode", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("phone", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("email", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("gp-practice", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("local-authority", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("ipc-area", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("ipc-cohort", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    /* Accessible Information Standard: shown as a flag wherever the person is. */
    g_param_spec_string ("communication-needs", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("preferred-language", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_boolean ("interpreter-needed", NULL, NULL, FALSE, CP_RECORD_PARAM_FLAGS),
    g_param_spec_boolean ("consent-given", NULL, NULL, FALSE, CP_RECORD_PARAM_FLAGS),
    cp_record_param_spec_date ("consent-date"),
    /* Who may see the plan, in the person's words. */
    g_param_spec_string ("sharing-agreement", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "person";
  record_class->parent_column = NULL;
  record_class->search_expression =
    "given_name || ' ' || family_name || ' ' || preferred_name || ' ' || ifnull (nhs_number, '')";
  record_class->validate = cp_person_validate;
  record_class->order_by = "family_name COLLATE NOCASE, given_name COLLATE NOCASE";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_person_init (CpPerson *self)
{
}

CpPerson *
cp_person_new (void)
{
  return g_object_new (CP_TYPE_PERSON, NULL);
}

/* The name people use first: "Sam (Samantha) Patel" reads worse than
 * "Sam Patel", so the preferred name replaces the given one. */
char *
cp_person_dup_display_name (CpPerson *self)
{
  CpRecord *record = CP_RECORD (self);
  const char *preferred = cp_record_get_string (record, "preferred-name");
  const char *given = cp_record_get_string (record, "given-name");
  const char *family = cp_record_get_string (record, "family-name");
  const char *first = (preferred && *preferred) ? preferred : given;
  g_autofree char *name = g_strjoin (" ", first ? first : "", family ? family : "", NULL);

  return g_strstrip (g_steal_pointer (&name));
}

const char *
cp_person_get_nhs_number (CpPerson *self)
{
  return cp_record_get_string (CP_RECORD (self), "nhs-number");
}

gboolean
cp_person_has_communication_needs (CpPerson *self)
{
  const char *needs = cp_record_get_string (CP_RECORD (self), "communication-needs");
  return needs != NULL && *needs != '\0';
}
