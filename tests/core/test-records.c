/* test-records.c — every entity through insert, load, update, tombstone
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store reads and writes all entities with one generic code path,
 * so these tests walk each class's columns generically too: a column
 * added tomorrow is covered without touching this file.
 */
#include <string.h>

#include "cp-test-util.h"
#include "cp-budget-summary.h"

#define VALID_NHS "9434765919"
#define CONTRIBUTOR_NAME "Priya (advocate)"

/* Parent rows every entity can point at. */
typedef struct
{
  CpStore  *store;
  CpRecord *person;
  CpRecord *contributor;
  CpRecord *plan;
  CpRecord *outcome;
  CpRecord *stream;
  CpRecord *line;
  CpRecord *payment;
} Fixture;

static GType (*const entity_types[]) (void) = {
  cp_person_get_type,
  cp_contributor_get_type,
  cp_plan_get_type,
  cp_plan_version_get_type,
  cp_plan_entry_get_type,
  cp_outcome_get_type,
  cp_outcome_action_get_type,
  cp_outcome_rating_get_type,
  cp_support_member_get_type,
  cp_risk_get_type,
  cp_signoff_get_type,
  cp_review_get_type,
  cp_funding_stream_get_type,
  cp_budget_line_get_type,
  cp_payment_get_type,
  cp_receipt_get_type,
};

/* --- generic values ------------------------------------------------ */

static gboolean
is_reference (GParamSpec *pspec)
{
  return pspec->value_type == G_TYPE_STRING && g_str_has_suffix (pspec->name, "-id");
}

static gboolean
is_date (GParamSpec *pspec)
{
  const char *name = pspec->name;

  return pspec->value_type == G_TYPE_STRING &&
         (strstr (name, "date") != NULL || g_str_has_suffix (name, "-on") ||
          g_str_has_prefix (name, "year-") || g_str_has_prefix (name, "period-") ||
          g_str_equal (name, "review-due"));
}

static gboolean
is_plain_text (GParamSpec *pspec)
{
  return pspec->value_type == G_TYPE_STRING && !is_reference (pspec) && !is_date (pspec) &&
         !g_str_equal (pspec->name, "nhs-number");
}

static gboolean
values_equal (GParamSpec *pspec, const GValue *a, const GValue *b)
{
  if (pspec->value_type == G_TYPE_BYTES)
    {
      GBytes *x = g_value_get_boxed (a);
      GBytes *y = g_value_get_boxed (b);
      return (x == NULL || y == NULL) ? x == y : g_bytes_equal (x, y);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

static const char *
parent_for (Fixture *f, const char *property)
{
  const struct { const char *name; CpRecord *record; } parents[] = {
    { "person-id", f->person },
    { "author-id", f->contributor },
    { "plan-id", f->plan },
    { "outcome-id", f->outcome },
    { "stream-id", f->stream },
    { "budget-line-id", f->line },
    { "payment-id", f->payment },
    { "reverses-id", f->payment },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
    if (g_str_equal (parents[i].name, property))
      return parents[i].record ? cp_record_get_id (parents[i].record) : NULL;
  g_error ("No parent row for the column “%s”: teach parent_for() about it", property);
  return NULL;
}

/* A value unlike the default, different for each column and @round, that
 * tests what matters for its type: non-ASCII text, quotes, negative
 * money, bytes with NULs. */
static void
make_value (GParamSpec *pspec, guint index, guint round, GValue *value)
{
  GType type = pspec->value_type;

  g_value_init (value, type);
  if (type == G_TYPE_STRING && g_str_equal (pspec->name, "nhs-number"))
    g_value_set_string (value, round == 0 ? VALID_NHS : "401 023 2137");
  else if (type == G_TYPE_STRING && is_date (pspec))
    g_value_take_string (value, g_strdup_printf ("20%02u-%02u-%02u", 26 + round, 1 + index % 12, 1 + index));
  else if (type == G_TYPE_STRING)
    g_value_take_string (value, g_strdup_printf ("%s %u: Zoë's “words”, 100%% _ \\ '; --", pspec->name, round));
  else if (type == G_TYPE_INT64)
    {
      GParamSpecInt64 *range = G_PARAM_SPEC_INT64 (pspec);
      gint64 wanted = range->minimum < -100000 ? -123456 - (gint64) (index + round) : 4242 + (gint64) (index + round);

      if (wanted < range->minimum || wanted > range->maximum)
        wanted = round == 0 ? range->maximum : range->minimum;
      g_value_set_int64 (value, wanted);
    }
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, round == 0 ? !G_PARAM_SPEC_BOOLEAN (pspec)->default_value
                                            : G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      gint deflt = G_PARAM_SPEC_ENUM (pspec)->default_value;
      GEnumValue *last = &klass->values[klass->n_values - 1];
      GEnumValue *first = &klass->values[0];

      if (round == 0)
        g_value_set_enum (value, last->value != deflt ? last->value : first->value);
      else
        g_value_set_enum (value, deflt);
    }
  else if (type == G_TYPE_BYTES)
    {
      static const guint8 data[] = { 0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x00, 0x0a, 0x80 };
      g_value_take_boxed (value, g_bytes_new (data, sizeof data - round));
    }
  else
    g_error ("The test does not know the type %s of “%s”", g_type_name (type), pspec->name);
}

/* Sets every column: references to the fixture's parents, the rest to
 * values different from their defaults. */
static CpRecord *
new_filled_record (Fixture *f, GType type)
{
  CpRecord *record = g_object_new (type, NULL);
  GPtrArray *columns = cp_record_class_columns (CP_RECORD_GET_CLASS (record));

  for (guint i = 0; i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (is_reference (pspec))
        {
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, parent_for (f, pspec->name));
        }
      else
        {
          make_value (pspec, i, 0, &value);
          g_assert_false (g_param_value_defaults (pspec, &value));
        }
      g_object_set_property (G_OBJECT (record), pspec->name, &value);
    }
  return record;
}

static void
assert_same_columns (CpRecord *expected, CpRecord *actual)
{
  GPtrArray *columns = cp_record_class_columns (CP_RECORD_GET_CLASS (expected));

  g_assert_true (G_OBJECT_TYPE (expected) == G_OBJECT_TYPE (actual));
  g_assert_cmpuint (columns->len, >, 0);
  for (guint i = 0; i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (G_OBJECT (expected), pspec->name, &a);
      g_object_get_property (G_OBJECT (actual), pspec->name, &b);
      if (!values_equal (pspec, &a, &b))
        {
          g_autofree char *sa = g_strdup_value_contents (&a);
          g_autofree char *sb = g_strdup_value_contents (&b);
          g_error ("%s.%s: stored %s, loaded %s", G_OBJECT_TYPE_NAME (expected), pspec->name, sa, sb);
        }
    }
}

/* --- audit rows ---------------------------------------------------- */

typedef struct
{
  char *action;
  char *field;
  char *old_value;
  char *new_value;
  char *contributor;
  char *table;
} AuditRow;

static void
audit_row_free (gpointer data)
{
  AuditRow *row = data;

  g_free (row->action);
  g_free (row->field);
  g_free (row->old_value);
  g_free (row->new_value);
  g_free (row->contributor);
  g_free (row->table);
  g_free (row);
}

static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* The audit trail of one row, oldest first. */
static GPtrArray *
audit_rows_for (CpStore *store, const char *row_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (audit_row_free);
  sqlite3_stmt *stmt = cp_store_prepare (store,
                                         "SELECT action, field, old_value, new_value, contributor,"
                                         " table_name FROM audit WHERE row_id = ?1 ORDER BY rowid",
                                         &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, row_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AuditRow *row = g_new0 (AuditRow, 1);

      row->action = column_dup (stmt, 0);
      row->field = column_dup (stmt, 1);
      row->old_value = column_dup (stmt, 2);
      row->new_value = column_dup (stmt, 3);
      row->contributor = column_dup (stmt, 4);
      row->table = column_dup (stmt, 5);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  return rows;
}

static AuditRow *
last_audit (GPtrArray *rows)
{
  g_assert_cmpuint (rows->len, >, 0);
  return g_ptr_array_index (rows, rows->len - 1);
}

/* --- fixture ------------------------------------------------------- */

static CpRecord *
insert_parent (Fixture *f, GType type)
{
  g_autoptr(GError) error = NULL;
  CpRecord *record = new_filled_record (f, type);

  cp_store_insert (f->store, record, &error);
  g_assert_no_error (error);
  return record;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->store = cp_test_open_store ();
  cp_store_set_contributor (f->store, CONTRIBUTOR_NAME);
  /* Each parent needs only the ones made before it. */
  f->person = insert_parent (f, CP_TYPE_PERSON);
  f->contributor = insert_parent (f, CP_TYPE_CONTRIBUTOR);
  f->plan = insert_parent (f, CP_TYPE_PLAN);
  f->outcome = insert_parent (f, CP_TYPE_OUTCOME);
  f->stream = insert_parent (f, CP_TYPE_FUNDING_STREAM);
  f->line = insert_parent (f, CP_TYPE_BUDGET_LINE);
  f->payment = insert_parent (f, CP_TYPE_PAYMENT);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->person);
  g_clear_object (&f->contributor);
  g_clear_object (&f->plan);
  g_clear_object (&f->outcome);
  g_clear_object (&f->stream);
  g_clear_object (&f->line);
  g_clear_object (&f->payment);
  g_clear_object (&f->store);
}

/* --- round trips --------------------------------------------------- */

static const char *
parent_id_of (CpRecord *record)
{
  CpRecordClass *klass = CP_RECORD_GET_CLASS (record);
  g_autofree char *property = NULL;

  if (klass->parent_column == NULL)
    return NULL;
  property = g_strdelimit (g_strdup (klass->parent_column), "_", '-');
  return cp_record_get_string (record, property);
}

static GParamSpec *
first_plain_text (CpRecord *record)
{
  GPtrArray *columns = cp_record_class_columns (CP_RECORD_GET_CLASS (record));

  for (guint i = 0; i < columns->len; i++)
    if (is_plain_text (g_ptr_array_index (columns, i)))
      return g_ptr_array_index (columns, i);
  g_error ("%s has no text column to edit", G_OBJECT_TYPE_NAME (record));
  return NULL;
}

static void
check_insert_and_load (Fixture *f, CpRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) loaded = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  const char *id = cp_record_get_id (record);

  g_assert_cmpuint (strlen (id), ==, 36);
  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_true (cp_store_insert (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cp_record_get_created_at (record));
  g_assert_cmpstr (cp_record_get_created_at (record), ==, cp_record_get_updated_at (record));

  loaded = cp_store_load (f->store, G_OBJECT_TYPE (record), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_record_get_id (loaded), ==, id);
  g_assert_cmpstr (cp_record_get_created_at (loaded), ==, cp_record_get_created_at (record));
  g_assert_cmpstr (cp_record_get_updated_at (loaded), ==, cp_record_get_updated_at (record));
  g_assert_false (cp_record_get_deleted (loaded));
  assert_same_columns (record, loaded);

  audit = audit_rows_for (f->store, id);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (last_audit (audit)->action, ==, "create");
  g_assert_cmpstr (last_audit (audit)->table, ==, CP_RECORD_GET_CLASS (record)->table);
  g_assert_cmpstr (last_audit (audit)->contributor, ==, CONTRIBUTOR_NAME);
}

static void
check_update_one_field (Fixture *f, CpRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) loaded = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *created = g_strdup (cp_record_get_created_at (record));
  g_autofree char *updated = g_strdup (cp_record_get_updated_at (record));
  GParamSpec *pspec = first_plain_text (record);
  g_autofree char *column = cp_record_column_name (pspec);
  const char *id = cp_record_get_id (record);

  old_text = g_strdup (cp_record_get_string (record, pspec->name));
  g_usleep (2000); /* timestamps have microseconds; make sure time moved */
  cp_record_set_string (record, pspec->name, "Changed, in my own words");
  g_assert_true (cp_store_update (f->store, record, &error));
  g_assert_no_error (error);

  loaded = cp_store_load (f->store, G_OBJECT_TYPE (record), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_record_get_string (loaded, pspec->name), ==, "Changed, in my own words");
  assert_same_columns (record, loaded);
  g_assert_cmpstr (cp_record_get_created_at (loaded), ==, created);
  g_assert_cmpstr (cp_record_get_updated_at (loaded), >, updated);
  g_assert_cmpstr (cp_record_get_updated_at (loaded), ==, cp_record_get_updated_at (record));

  audit = audit_rows_for (f->store, id);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (last_audit (audit)->action, ==, "update");
  g_assert_cmpstr (last_audit (audit)->field, ==, column);
  g_assert_cmpstr (last_audit (audit)->old_value, ==, old_text);
  g_assert_cmpstr (last_audit (audit)->new_value, ==, "Changed, in my own words");
  g_assert_cmpstr (last_audit (audit)->contributor, ==, CONTRIBUTOR_NAME);
}

/* An agreed plan version is frozen: an edit is refused and nothing about
 * the stored row or the audit trail changes. */
static void
check_update_refused (Fixture *f, CpRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) stored = cp_store_load (f->store, G_OBJECT_TYPE (record), cp_record_get_id (record), &error);
  g_autoptr(CpRecord) after = NULL;
  gint64 audit_before = cp_test_audit_count (f->store);
  GParamSpec *pspec = first_plain_text (record);
  g_autofree char *signed_text = g_strdup (cp_record_get_string (record, pspec->name));

  g_assert_no_error (error);
  cp_record_set_string (record, pspec->name, "Changed after it was signed");
  g_assert_false (cp_store_update (f->store, record, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  after = cp_store_load (f->store, G_OBJECT_TYPE (record), cp_record_get_id (record), NULL);
  assert_same_columns (stored, after);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit_before);
  cp_record_set_string (record, pspec->name, signed_text);
}

/* Saving what is already stored, from the record itself or from a
 * freshly loaded copy, writes nothing. */
static void
check_update_unchanged (Fixture *f, CpRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) copy = cp_store_load (f->store, G_OBJECT_TYPE (record), cp_record_get_id (record), &error);
  g_autoptr(CpRecord) after = NULL;
  gint64 audit_before = cp_test_audit_count (f->store);

  g_assert_no_error (error);
  g_assert_true (cp_store_update (f->store, record, &error));
  g_assert_true (cp_store_update (f->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit_before);

  after = cp_store_load (f->store, G_OBJECT_TYPE (record), cp_record_get_id (record), &error);
  g_assert_cmpstr (cp_record_get_updated_at (after), ==, cp_record_get_updated_at (record));
}

static void
check_tombstone (Fixture *f, CpRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) loaded = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  GType type = G_OBJECT_TYPE (record);
  const char *parent = parent_id_of (record);
  gint64 all_before = cp_store_count (f->store, type, NULL);
  gint64 siblings_before = cp_store_count (f->store, type, parent);
  gint64 audit_before;

  g_assert_cmpint (all_before, >=, 1);
  g_assert_true (cp_store_tombstone (f->store, record, &error));
  g_assert_no_error (error);
  g_assert_true (cp_record_get_deleted (record));
  g_assert_cmpint (cp_store_count (f->store, type, NULL), ==, all_before - 1);
  g_assert_cmpint (cp_store_count (f->store, type, parent), ==, siblings_before - 1);

  /* The row stays, marked deleted, for sync and import. */
  loaded = cp_store_load (f->store, type, cp_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_true (cp_record_get_deleted (loaded));
  assert_same_columns (record, loaded);

  audit = audit_rows_for (f->store, cp_record_get_id (record));
  g_assert_cmpstr (last_audit (audit)->action, ==, "delete");
  g_assert_cmpstr (last_audit (audit)->contributor, ==, CONTRIBUTOR_NAME);

  /* Deleting twice is refused and writes nothing. */
  audit_before = cp_test_audit_count (f->store);
  g_assert_false (cp_store_tombstone (f->store, record, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit_before);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  GType type = (GType) GPOINTER_TO_SIZE (data);
  g_autoptr(CpRecord) record = new_filled_record (f, type);

  g_test_message ("entity %s in table %s", g_type_name (type), CP_RECORD_GET_CLASS (record)->table);
  check_insert_and_load (f, record);
  if (CP_RECORD_GET_CLASS (record)->immutable)
    {
      g_autoptr(GError) error = NULL;

      check_update_refused (f, record);
      /* Nor deleted: what was signed stays (cp-plan-lifecycle.c). */
      g_assert_false (cp_store_tombstone (f->store, record, &error));
      g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
      g_assert_false (cp_record_get_deleted (record));
      return;
    }
  check_update_one_field (f, record);
  check_update_unchanged (f, record);
  check_tombstone (f, record);
}

/* Every column changed at once: one audit row each, one transaction. */
static void
test_update_every_column (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) record = new_filled_record (f, CP_TYPE_PERSON);
  g_autoptr(CpRecord) loaded = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  GPtrArray *columns = cp_record_class_columns (CP_RECORD_GET_CLASS (record));

  g_assert_true (cp_store_insert (f->store, record, &error));
  for (guint i = 0; i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);
      g_auto(GValue) value = G_VALUE_INIT;

      make_value (pspec, i, 1, &value);
      g_object_set_property (G_OBJECT (record), pspec->name, &value);
    }
  g_assert_true (cp_store_update (f->store, record, &error));
  g_assert_no_error (error);

  loaded = cp_store_load (f->store, CP_TYPE_PERSON, cp_record_get_id (record), &error);
  assert_same_columns (record, loaded);
  audit = audit_rows_for (f->store, cp_record_get_id (record));
  g_assert_cmpuint (audit->len, ==, 1 + columns->len);
  for (guint i = 1; i < audit->len; i++)
    g_assert_cmpstr (((AuditRow *) g_ptr_array_index (audit, i))->action, ==, "update");
}

static void
test_load_missing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) ghost = cp_person_new ();

  g_assert_null (cp_store_load (f->store, CP_TYPE_PERSON, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Updating a row that was never stored is refused, not an insert. */
  g_assert_false (cp_store_update (f->store, CP_RECORD (ghost), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_assert_null (cp_store_load (f->store, CP_TYPE_PERSON, cp_record_get_id (CP_RECORD (ghost)), NULL));
  g_clear_error (&error);

  /* Nor can it be deleted. */
  g_assert_false (cp_store_tombstone (f->store, CP_RECORD (ghost), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

/* The same id twice is refused; the first row and the audit stay. */
static void
test_insert_twice (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) again = NULL;
  g_autoptr(CpRecord) after = NULL;
  gint64 audit = cp_test_audit_count (f->store);

  again = new_filled_record (f, CP_TYPE_PERSON);
  cp_record_set_id (again, cp_record_get_id (f->person));
  cp_record_set_string (again, "family-name", "Impostor");
  g_assert_false (cp_store_insert (f->store, again, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);

  after = cp_store_load (f->store, CP_TYPE_PERSON, cp_record_get_id (f->person), NULL);
  assert_same_columns (f->person, after);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, 1);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);
}

/* --- refused input ------------------------------------------------- */

static void
check_person_refused (Fixture *f, const char *property, const char *bad)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) fresh = new_filled_record (f, CP_TYPE_PERSON);
  g_autoptr(CpRecord) stored = cp_store_load (f->store, CP_TYPE_PERSON, cp_record_get_id (f->person), &error);
  g_autoptr(CpRecord) after = NULL;
  gint64 people = cp_store_count (f->store, CP_TYPE_PERSON, NULL);
  gint64 audit = cp_test_audit_count (f->store);

  g_assert_no_error (error);
  cp_record_set_string (fresh, property, bad);
  g_assert_false (cp_store_insert (f->store, fresh, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_test_message ("%s “%s” refused: %s", property, bad, error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_clear_error (&error);
  g_assert_null (cp_store_load (f->store, CP_TYPE_PERSON, cp_record_get_id (fresh), NULL));

  /* The same value as an edit of a stored person; the good edit beside
   * it is not saved either. */
  cp_record_set_string (stored, "given-name", "Edited");
  cp_record_set_string (stored, property, bad);
  g_assert_false (cp_store_update (f->store, stored, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);

  after = cp_store_load (f->store, CP_TYPE_PERSON, cp_record_get_id (f->person), NULL);
  assert_same_columns (f->person, after);
  g_assert_cmpstr (cp_record_get_updated_at (after), ==, cp_record_get_updated_at (f->person));
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PERSON, NULL), ==, people);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);
}

static void
test_person_refused (Fixture *f, gconstpointer data)
{
  check_person_refused (f, "nhs-number", "1234567890");
  check_person_refused (f, "nhs-number", "12345");
  check_person_refused (f, "nhs-number", "943476591X");
  check_person_refused (f, "date-of-birth", "2025-02-30");
  check_person_refused (f, "date-of-birth", "30/01/2025");
  check_person_refused (f, "consent-date", "2025-13-01");
}

/* A row that breaks a constraint through the generic path is refused
 * with a clear error; the record's parent must exist. */
static void
test_constraint_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) payment = new_filled_record (f, CP_TYPE_PAYMENT);
  gint64 audit = cp_test_audit_count (f->store);

  cp_record_set_string (payment, "plan-id", "00000000-0000-4000-8000-00000000dead");
  g_assert_false (cp_store_insert (f->store, payment, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A required date left empty. */
  cp_record_set_string (payment, "plan-id", cp_record_get_id (f->plan));
  cp_record_set_string (payment, "paid-on", NULL);
  g_assert_false (cp_store_insert (f->store, payment, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);

  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PAYMENT, NULL), ==, 1);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);
}

/* Every entity's dates are checked, not only a person's. */
static void
test_entity_dates_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) plan = new_filled_record (f, CP_TYPE_PLAN);
  g_autoptr(CpRecord) payment = new_filled_record (f, CP_TYPE_PAYMENT);
  gint64 audit = cp_test_audit_count (f->store);

  cp_record_set_string (plan, "year-start", "2026-02-31");
  g_assert_false (cp_store_insert (f->store, plan, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-31"));
  g_clear_error (&error);

  cp_record_set_string (payment, "paid-on", "31/01/2026");
  g_assert_false (cp_store_insert (f->store, payment, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);

  g_assert_null (cp_store_load (f->store, CP_TYPE_PLAN, cp_record_get_id (plan), NULL));
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);
}

/* Money beyond what cp-money accepts (about £10 million) is refused for
 * every entity, as a typed amount would be. One payment of G_MAXINT64
 * pence once stored made the plan's budget impossible to sum ("integer
 * overflow") from then on. */
static void
test_money_out_of_range_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) payment = new_filled_record (f, CP_TYPE_PAYMENT);
  g_autoptr(CpRecord) refund = new_filled_record (f, CP_TYPE_PAYMENT);
  g_autoptr(CpRecord) stream = new_filled_record (f, CP_TYPE_FUNDING_STREAM);
  g_autoptr(CpRecord) line = new_filled_record (f, CP_TYPE_BUDGET_LINE);
  gint64 audit = cp_test_audit_count (f->store);
  gint64 payments = cp_store_count (f->store, CP_TYPE_PAYMENT, NULL);
  CpBudgetSummary summary;

  cp_record_set_int64 (payment, "amount-pence", G_MAXINT64);
  g_assert_false (cp_store_insert (f->store, payment, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  cp_record_set_int64 (refund, "amount-pence", -CP_MONEY_MAX_PENCE - 1);
  g_assert_false (cp_store_insert (f->store, refund, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  cp_record_set_int64 (stream, "agreed-pence", CP_MONEY_MAX_PENCE + 1);
  g_assert_false (cp_store_insert (f->store, stream, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  cp_record_set_int64 (line, "amount-pence", G_MAXINT64 / 2);
  g_assert_false (cp_store_insert (f->store, line, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PAYMENT, NULL), ==, payments);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);
  g_assert_true (cp_budget_summary_load (f->store, cp_record_get_id (f->person), NULL, &summary, &error));
  g_assert_no_error (error);
  cp_budget_summary_clear (&summary);

  /* The limits themselves are fine (one ledger entry has a lower limit
   * of its own: cp-budget-rules.h). */
  cp_record_set_int64 (payment, "amount-pence", CP_BUDGET_MAX_PAYMENT_PENCE);
  g_assert_true (cp_store_insert (f->store, payment, &error));
  g_assert_no_error (error);
  cp_record_set_int64 (refund, "amount-pence", -CP_BUDGET_MAX_PAYMENT_PENCE);
  g_assert_true (cp_store_insert (f->store, refund, &error));
  g_assert_no_error (error);
}

/* An empty date is no date: stored as NULL, so a required date (a
 * payment's paid-on) cannot be left empty by passing "" instead of NULL,
 * and queries that treat NULL as "open-ended" (a plan's year-end in the
 * budget summary) see it as such. */
static void
test_empty_date_is_no_date (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) payment = new_filled_record (f, CP_TYPE_PAYMENT);
  g_autoptr(CpRecord) plan = new_filled_record (f, CP_TYPE_PLAN);
  g_autofree char *year_end = NULL;
  gint64 payments = cp_store_count (f->store, CP_TYPE_PAYMENT, NULL);
  gint64 audit = cp_test_audit_count (f->store);

  cp_record_set_string (payment, "paid-on", "");
  g_assert_false (cp_store_insert (f->store, payment, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PAYMENT, NULL), ==, payments);
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);

  cp_record_set_string (plan, "year-end", "");
  g_assert_true (cp_store_insert (f->store, plan, &error));
  g_assert_no_error (error);
  year_end = cp_test_query_text (f->store, "SELECT year_end FROM plan WHERE id = ?1",
                                 cp_record_get_id (plan));
  g_assert_null (year_end);
}

/* Names any statement of the store's connection that is still mid-step:
 * it would hold a read transaction open, so the WAL could never be
 * checkpointed back past it and would grow without end. */
static void
assert_no_statement_left_open (CpStore *store)
{
  sqlite3 *db = cp_store_get_db (store);

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    if (sqlite3_stmt_busy (stmt))
      g_error ("A statement was left mid-step: %s", sqlite3_sql (stmt));
}

/* Every path through the store, failures included, resets what it
 * stepped. */
static void
test_no_statement_left_open (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) orphan = new_filled_record (f, CP_TYPE_PLAN);
  g_autoptr(CpRecord) again = new_filled_record (f, CP_TYPE_PERSON);
  g_autoptr(CpRecord) plan = cp_store_load (f->store, CP_TYPE_PLAN, cp_record_get_id (f->plan), &error);
  g_autoptr(CpRecordList) people = cp_record_list_new (f->store, CP_TYPE_PERSON, NULL);
  g_autoptr(CpRecordList) plans = cp_record_list_new (f->store, CP_TYPE_PLAN, cp_record_get_id (f->person));
  g_autoptr(CpRecord) first = NULL;
  g_autoptr(CpRecord) first_plan = NULL;
  CpBudgetSummary summary;

  g_assert_no_error (error);
  cp_record_set_string (orphan, "person-id", "00000000-0000-4000-8000-00000000dead");
  g_assert_false (cp_store_insert (f->store, orphan, &error));
  g_clear_error (&error);
  cp_record_set_id (again, cp_record_get_id (f->person));
  g_assert_false (cp_store_insert (f->store, again, &error));
  g_clear_error (&error);
  g_assert_null (cp_store_load (f->store, CP_TYPE_PERSON, "00000000-0000-4000-8000-00000000dead", &error));
  g_clear_error (&error);
  cp_record_set_string (plan, "title", "Changed");
  g_assert_true (cp_store_update (f->store, plan, &error));
  cp_record_set_string (plan, "person-id", "00000000-0000-4000-8000-00000000dead");
  g_assert_false (cp_store_update (f->store, plan, &error));
  g_clear_error (&error);
  g_assert_true (cp_store_tombstone (f->store, f->payment, &error));
  g_assert_false (cp_store_tombstone (f->store, f->payment, &error));
  g_clear_error (&error);
  g_assert_cmpint (cp_store_count (f->store, CP_TYPE_PLAN, cp_record_get_id (f->person)), ==, 1);
  cp_record_list_set_search (people, "nobody at all");
  cp_record_list_set_search (people, NULL);
  first = g_list_model_get_item (G_LIST_MODEL (people), 0);
  first_plan = g_list_model_get_item (G_LIST_MODEL (plans), 0);
  g_assert_nonnull (first);
  g_assert_nonnull (first_plan);
  g_assert_true (cp_budget_summary_load (f->store, cp_record_get_id (f->person), NULL, &summary, &error));
  g_assert_no_error (error);
  cp_budget_summary_clear (&summary);
  g_assert_cmpuint (cp_store_get_schema_version (f->store), ==, cp_schema_latest_version ());

  assert_no_statement_left_open (f->store);
}

/* However an NHS number is typed, it is stored as ten digits, so a
 * search for the digits finds it. */
static void
test_nhs_number_stored_as_digits (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) person = cp_person_new ();
  g_autoptr(CpRecord) stored = NULL;

  cp_record_set_string (CP_RECORD (person), "nhs-number", "943 476 5919");
  g_assert_true (cp_store_insert (f->store, CP_RECORD (person), &error));
  g_assert_no_error (error);
  stored = cp_store_load (f->store, CP_TYPE_PERSON, cp_record_get_id (CP_RECORD (person)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_record_get_string (stored, "nhs-number"), ==, "9434765919");
}

static void
count_changed_cb (CpStore *store, const char *table, const char *id, guint *count)
{
  (*count)++;
}

/* One edit touching two columns, the second refused by a foreign key:
 * neither column changes and no audit row or signal is left behind. */
static void
test_update_partly_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) plan = cp_store_load (f->store, CP_TYPE_PLAN, cp_record_get_id (f->plan), &error);
  g_autoptr(CpRecord) after = NULL;
  gint64 audit = cp_test_audit_count (f->store);
  guint signals = 0;

  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (count_changed_cb), &signals);
  cp_record_set_string (plan, "title", "A title that must not stick");
  cp_record_set_string (plan, "person-id", "00000000-0000-4000-8000-00000000dead");
  g_assert_false (cp_store_update (f->store, plan, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);

  after = cp_store_load (f->store, CP_TYPE_PLAN, cp_record_get_id (f->plan), NULL);
  assert_same_columns (f->plan, after);
  g_assert_cmpstr (cp_record_get_updated_at (after), ==, cp_record_get_updated_at (f->plan));
  g_assert_cmpint (cp_test_audit_count (f->store), ==, audit);
  g_assert_true (sqlite3_get_autocommit (cp_store_get_db (f->store)));
  g_assert_cmpuint (signals, ==, 0);
  g_signal_handlers_disconnect_by_data (f->store, &signals);
}

/* GObject refuses a score outside −2…+2 with a warning; run in a child so
 * the warning can be seen without failing this process. */
static void
test_rating_property_range (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(CpOutcomeRating) rating = cp_outcome_rating_new (NULL);

      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      cp_record_set_int64 (CP_RECORD (rating), "score", 1);
      cp_record_set_int64 (CP_RECORD (rating), "score", 3);
      g_assert_cmpint (cp_record_get_int64 (CP_RECORD (rating), "score"), ==, 1);
      cp_record_set_int64 (CP_RECORD (rating), "score", -3);
      g_assert_cmpint (cp_record_get_int64 (CP_RECORD (rating), "score"), ==, 1);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*out of range*score*");
}

static int
step_rating_sql (Fixture *f, const char *sql, const char *id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cp_store_prepare (f->store, sql, &error);
  int rc;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cp_record_get_id (f->outcome), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc;
}

/* Past the property, the table's CHECK refuses a score of 3. */
static void
test_rating_check_constraint (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) rating = new_filled_record (f, CP_TYPE_OUTCOME_RATING);
  g_autoptr(CpRecord) after = NULL;
  g_autofree char *id = g_uuid_string_random ();
  const char *insert = "INSERT INTO outcome_rating (id, created_at, updated_at, outcome_id, rated_on, score)"
                       " VALUES (?1, 'now', 'now', ?2, '2026-01-01', 3)";
  const char *update = "UPDATE outcome_rating SET score = 3 WHERE id = ?1 AND outcome_id = ?2";
  int rc;

  g_assert_true (cp_store_insert (f->store, rating, &error));
  g_assert_no_error (error);

  rc = step_rating_sql (f, insert, id);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_false (cp_store_set_error_from_db (f->store, rc, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "CHECK"));
  g_assert_cmpint (cp_test_query_int (f->store, "SELECT count(*) FROM outcome_rating WHERE id = ?1", id), ==, 0);
  g_clear_error (&error);

  g_assert_cmpint (step_rating_sql (f, update, cp_record_get_id (rating)), ==, SQLITE_CONSTRAINT_CHECK);
  after = cp_store_load (f->store, CP_TYPE_OUTCOME_RATING, cp_record_get_id (rating), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_record_get_int64 (after, "score"), ==, cp_record_get_int64 (rating, "score"));
}

/* --- change notifications ------------------------------------------ */

typedef struct
{
  guint    all;
  guint    people;
  guint    before_commit;
  GPtrArray *tables;
} Signals;

static void
any_changed_cb (CpStore *store, const char *table, const char *id, Signals *s)
{
  s->all++;
  g_ptr_array_add (s->tables, g_strdup (table));
  if (!sqlite3_get_autocommit (cp_store_get_db (store)))
    s->before_commit++;
  /* The row is already readable by whoever listens. */
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM audit WHERE row_id = ?1", id), >=, 1);
}

static void
person_changed_cb (CpStore *store, const char *table, const char *id, Signals *s)
{
  g_assert_cmpstr (table, ==, "person");
  s->people++;
}

static void
test_changed_signal (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) a = cp_person_new ();
  g_autoptr(CpPerson) b = cp_person_new ();
  g_autoptr(CpPlan) plan = cp_plan_new (cp_record_get_id (CP_RECORD (a)));
  g_autoptr(CpPlan) orphan = cp_plan_new ("00000000-0000-4000-8000-00000000dead");
  Signals s = { 0, 0, 0, g_ptr_array_new_with_free_func (g_free) };

  g_signal_connect (f->store, "changed", G_CALLBACK (any_changed_cb), &s);
  g_signal_connect (f->store, "changed::person", G_CALLBACK (person_changed_cb), &s);

  /* Three rows in one transaction: silence, then one signal per row. */
  g_assert_true (cp_store_begin (f->store, &error));
  g_assert_true (cp_store_insert (f->store, CP_RECORD (a), &error));
  g_assert_true (cp_store_insert (f->store, CP_RECORD (b), &error));
  g_assert_true (cp_store_insert (f->store, CP_RECORD (plan), &error));
  g_assert_cmpuint (s.all, ==, 0);
  g_assert_true (cp_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.all, ==, 3);
  g_assert_cmpuint (s.people, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (s.tables, 2), ==, "plan");

  /* A single write is its own transaction. */
  cp_record_set_string (CP_RECORD (a), "given-name", "Changed");
  g_assert_true (cp_store_update (f->store, CP_RECORD (a), &error));
  g_assert_cmpuint (s.all, ==, 4);
  g_assert_cmpuint (s.people, ==, 3);

  /* Nothing changed, nothing announced; nothing stored, likewise. */
  g_assert_true (cp_store_update (f->store, CP_RECORD (a), &error));
  g_assert_no_error (error);
  g_assert_false (cp_store_insert (f->store, CP_RECORD (orphan), &error));
  g_assert_cmpuint (s.all, ==, 4);

  g_clear_error (&error);
  g_assert_true (cp_store_tombstone (f->store, CP_RECORD (b), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.all, ==, 5);
  g_assert_cmpuint (s.people, ==, 4);
  g_assert_cmpuint (s.before_commit, ==, 0);

  g_signal_handlers_disconnect_by_data (f->store, &s);
  g_ptr_array_unref (s.tables);
}

static void
add_fixture_test (const char *path, gconstpointer data,
                  void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown);
}

int
main (int argc, char *argv[])
{
  cp_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (entity_types); i++)
    {
      g_autofree char *path = g_strdup_printf ("/records/round-trip/%s", g_type_name (entity_types[i] ()));
      add_fixture_test (path, GSIZE_TO_POINTER (entity_types[i] ()), test_round_trip);
    }
  add_fixture_test ("/records/update/every-column", NULL, test_update_every_column);
  add_fixture_test ("/records/load/missing", NULL, test_load_missing);
  add_fixture_test ("/records/insert/twice", NULL, test_insert_twice);
  add_fixture_test ("/records/refused/person", NULL, test_person_refused);
  add_fixture_test ("/records/refused/constraint", NULL, test_constraint_refused);
  add_fixture_test ("/records/refused/entity-dates", NULL, test_entity_dates_refused);
  add_fixture_test ("/records/refused/money-range", NULL, test_money_out_of_range_refused);
  add_fixture_test ("/records/refused/empty-date", NULL, test_empty_date_is_no_date);
  add_fixture_test ("/records/no-statement-left-open", NULL, test_no_statement_left_open);
  add_fixture_test ("/records/nhs-number-digits", NULL, test_nhs_number_stored_as_digits);
  add_fixture_test ("/records/refused/update-partly", NULL, test_update_partly_refused);
  add_fixture_test ("/records/refused/rating-check", NULL, test_rating_check_constraint);
  g_test_add_func ("/records/refused/rating-property", test_rating_property_range);
  add_fixture_test ("/records/changed-signal", NULL, test_changed_signal);

  return g_test_run ();
}
