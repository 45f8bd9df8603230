/* cp-person.h — the person a plan is for
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_PERSON (cp_person_get_type ())
G_DECLARE_FINAL_TYPE (CpPerson, cp_person, CP, PERSON, CpRecord)

CpPerson   *cp_person_new              (void);
char       *cp_person_dup_display_name (CpPerson *self);
const char *cp_person_get_nhs_number   (CpPerson *self);
gboolean    cp_person_has_communication_needs (CpPerson *self);

G_END_DECLS
