/* cp-review.c — a formal or informal review of a plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-review.h"
#include "cp-enum-types.h"
#include "cp-enums.h"

struct _CpReview
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpReview, cp_review, CP_TYPE_RECORD)

static void
cp_review_class_init (CpReviewClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("plan-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    cp_record_param_spec_date ("review-date"),
    g_param_spec_enum ("kind", NULL, NULL, CP_TYPE_REVIEW_KIND, CP_REVIEW_KIND_FORMAL, CP_RECORD_PARAM_FLAGS),
    /* The top points that are working. */
    g_param_spec_string ("working", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    /* The top points that are not working. */
    g_param_spec_string ("not-working", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("notes", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "review";
  record_class->parent_column = "plan_id";
  record_class->order_by = "review_date DESC";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_review_init (CpReview *self)
{
}

CpReview *
cp_review_new (const char *plan_id)
{
  return g_object_new (CP_TYPE_REVIEW, "plan-id", plan_id, NULL);
}
