/* cp-record-values.h — reading enum and boolean columns of any record
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

/* The nick of an enum property as stored ("draft", "family-carer"), or
 * "" when @property is not an enum of the record. */
const char *cp_record_get_nick   (CpRecord   *record,
                                  const char *property);
int         cp_record_get_enum   (CpRecord   *record,
                                  const char *property);
gboolean    cp_record_get_flag   (CpRecord   *record,
                                  const char *property);
/* A string property, never NULL: "" for NULL columns. */
const char *cp_record_get_text   (CpRecord   *record,
                                  const char *property);

G_END_DECLS
