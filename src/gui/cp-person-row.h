/* cp-person-row.h — one person in the caseload list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_PERSON_ROW (cp_person_row_get_type ())
G_DECLARE_FINAL_TYPE (CpPersonRow, cp_person_row, CP, PERSON_ROW, GtkBox)

GtkWidget *cp_person_row_new        (void);
void       cp_person_row_set_person (CpPersonRow *self,
                                     CpPerson    *person);

/* The second line: the NHS number as 943 476 5919, else the date of birth. */
char      *cp_person_row_dup_detail (CpPerson    *person);

G_END_DECLS
