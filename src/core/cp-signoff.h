/* cp-signoff.h — a named person's agreement to a plan version
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_SIGNOFF (cp_signoff_get_type ())
G_DECLARE_FINAL_TYPE (CpSignoff, cp_signoff, CP, SIGNOFF, CpRecord)

CpSignoff *cp_signoff_new (const char *plan_id);

G_END_DECLS
