/* cp-record.h — the base of every stored entity
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CP_TYPE_RECORD (cp_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (CpRecord, cp_record, CP, RECORD, GObject)

/* A record is a row: every property a subclass installs is one column
 * (property "given-name" is column "given_name"). Subclasses install
 * their properties with cp_record_class_install_properties() and keep
 * no fields of their own, so the store can read and write any entity
 * with one generic code path. */
struct _CpRecordClass
{
  GObjectClass parent_class;

  /* The SQLite table this entity lives in. */
  const char *table;
  /* The column that points at the owning record, or NULL. */
  const char *parent_column;
  /* The column a list of these records is ordered by. */
  const char *order_by;
  /* Stored once and never changed (an agreed plan version: what was
   * signed stays exactly what was signed). cp_store_update refuses it. */
  gboolean    immutable;
  /* Properties that never change once stored (a payment's amount, date,
   * line and stream: corrections are reversing entries). NULL-terminated;
   * cp_store_update refuses a change to any of them. */
  const char *const *fixed_properties;
  /* An SQL expression the caseload search matches against, or NULL. */
  const char *search_expression;

  /* Checks the values before they are stored; NULL means no rules. */
  gboolean  (*validate) (CpRecord  *self,
                         GError   **error);
};

const char *cp_record_get_id          (CpRecord    *self);
void        cp_record_set_id          (CpRecord    *self,
                                       const char  *id);
const char *cp_record_get_created_at  (CpRecord    *self);
const char *cp_record_get_updated_at  (CpRecord    *self);
gboolean    cp_record_get_deleted     (CpRecord    *self);

const char *cp_record_get_string      (CpRecord    *self,
                                       const char  *property);
void        cp_record_set_string      (CpRecord    *self,
                                       const char  *property,
                                       const char  *value);
gint64      cp_record_get_int64       (CpRecord    *self,
                                       const char  *property);
void        cp_record_set_int64       (CpRecord    *self,
                                       const char  *property,
                                       gint64       value);

gboolean    cp_record_validate        (CpRecord    *self,
                                       GError     **error);

const char *cp_record_class_get_table (CpRecordClass *klass);
GPtrArray  *cp_record_class_columns   (CpRecordClass *klass);

void        cp_record_class_install_properties (CpRecordClass *klass,
                                                GParamSpec   **pspecs,
                                                guint          n_pspecs);

/* For the store only: timestamps and the tombstone come from the row. */
void        _cp_record_set_meta       (CpRecord    *self,
                                       const char  *created_at,
                                       const char  *updated_at,
                                       gboolean     deleted);

char       *cp_record_column_name     (GParamSpec  *pspec);

/* A nullable string property holding an ISO 8601 date; every record
 * checks its dates with cp-date before it is stored. */
GParamSpec *cp_record_param_spec_date (const char  *name);
gboolean    cp_record_param_is_date   (GParamSpec  *pspec);

#define CP_RECORD_PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

G_END_DECLS
