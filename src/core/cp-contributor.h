/* cp-contributor.h — someone who writes in a plan: the person, a carer, an advocate or a professional
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_CONTRIBUTOR (cp_contributor_get_type ())
G_DECLARE_FINAL_TYPE (CpContributor, cp_contributor, CP, CONTRIBUTOR, CpRecord)

CpContributor *cp_contributor_new (void);

G_END_DECLS
