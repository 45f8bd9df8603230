/* cp-risk.h — a risk and how it is managed; positive risk-taking is allowed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_RISK (cp_risk_get_type ())
G_DECLARE_FINAL_TYPE (CpRisk, cp_risk, CP, RISK, CpRecord)

CpRisk *cp_risk_new (const char *plan_id);

G_END_DECLS
