/* cp-outcome-rating.c — a goal-attainment rating of an outcome on a date
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-outcome-rating.h"

struct _CpOutcomeRating
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpOutcomeRating, cp_outcome_rating, CP_TYPE_RECORD)

static void
cp_outcome_rating_class_init (CpOutcomeRatingClass *klass)
{
  CpRecordClass *record_class = CP_RECORD_CLASS (klass);
  GParamSpec *props[] = {
    NULL,
    g_param_spec_string ("outcome-id", NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS),
    cp_record_param_spec_date ("rated-on"),
    /* Goal attainment scale, from -2 to +2. */
    g_param_spec_int64 ("score", NULL, NULL, -2, 2, 0, CP_RECORD_PARAM_FLAGS),
    g_param_spec_string ("note", NULL, NULL, "", CP_RECORD_PARAM_FLAGS),
  };

  record_class->table = "outcome_rating";
  record_class->parent_column = "outcome_id";
  record_class->order_by = "rated_on";
  cp_record_class_install_properties (record_class, props, G_N_ELEMENTS (props));
}

static void
cp_outcome_rating_init (CpOutcomeRating *self)
{
}

CpOutcomeRating *
cp_outcome_rating_new (const char *outcome_id)
{
  return g_object_new (CP_TYPE_OUTCOME_RATING, "outcome-id", outcome_id, NULL);
}
