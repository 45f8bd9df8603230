/* cp-eligibility-answer.c — one answer to one eligibility criterion for a person
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "cp-eligibility-answer.h"
#include "cp-eligibility.h"
#include "cp-store.h"

struct _CpEligibilityAnswer
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpEligibilityAnswer, cp_eligibility_answer, CP_TYPE_RECORD)

/* Only criteria Coplan knows (eligibility.ini) can be answered. */
static gboolean
cp_eligibility_answer_validate (CpRecord *record, GError **error)
{
  const char *criterion = cp_record_get_string (record, "criterion");

  if (cp_eligibility_criterion_is_known (criterion))
    return TRUE;
  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
               _("“%s” is not one of the eligibility criteria."), criterion ? criterion : "");
  return FALSE;
}

static void
cp_eligibility_answer_class_init (CpEligibilityAnswerClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("person-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    /* An id from eligibility.ini ("gp-in-borough"). */
    g_param_spec_string ("criterion", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_boolean ("met", NULL, NULL, FALSE, CP_RECORD_PARAM_FLAGS),
    /* How it was checked, in words. */
    g_param_spec_string ("note", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "eligibility_answer";
  record_class->parent_column = "person_id";
  record_class->order_by = "criterion";
  record_class->validate = cp_eligibility_answer_validate;
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_eligibility_answer_init (CpEligibilityAnswer *self)
{
}

CpEligibilityAnswer *
cp_eligibility_answer_new (const char *person_id)
{
  return g_object_new (CP_TYPE_ELIGIBILITY_ANSWER, "person-id", person_id, NULL);
}
