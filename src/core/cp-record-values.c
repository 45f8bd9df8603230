/* cp-record-values.c — reading enum and boolean columns of any record
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For exports, which walk many kinds of record and print their columns.
 */
#include "cp-record-values.h"

static GParamSpec *
find (CpRecord *record, const char *property, GType fundamental)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);

  if (pspec == NULL || G_TYPE_FUNDAMENTAL (pspec->value_type) != fundamental)
    return NULL;
  return pspec;
}

int
cp_record_get_enum (CpRecord *record, const char *property)
{
  int value = 0;

  g_return_val_if_fail (CP_IS_RECORD (record), 0);
  if (find (record, property, G_TYPE_ENUM) != NULL)
    g_object_get (record, property, &value, NULL);
  return value;
}

const char *
cp_record_get_nick (CpRecord *record, const char *property)
{
  GParamSpec *pspec;
  GEnumClass *klass;
  GEnumValue *value;

  g_return_val_if_fail (CP_IS_RECORD (record), "");
  pspec = find (record, property, G_TYPE_ENUM);
  if (pspec == NULL)
    return "";
  /* Enum classes stay alive once a record type has installed them. */
  klass = g_type_class_peek (pspec->value_type);
  value = g_enum_get_value (klass, cp_record_get_enum (record, property));
  return value != NULL ? value->value_nick : "";
}

gboolean
cp_record_get_flag (CpRecord *record, const char *property)
{
  gboolean value = FALSE;

  g_return_val_if_fail (CP_IS_RECORD (record), FALSE);
  if (find (record, property, G_TYPE_BOOLEAN) != NULL)
    g_object_get (record, property, &value, NULL);
  return value;
}

const char *
cp_record_get_text (CpRecord *record, const char *property)
{
  const char *value = cp_record_get_string (record, property);

  return value != NULL ? value : "";
}
