/* cp-record.c — the base of every stored entity
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cp-record"

#include <glib/gi18n-lib.h>

#include "cp-date.h"
#include "cp-money.h"
#include "cp-record.h"
#include "cp-store.h"

typedef struct
{
  char     *id;
  char     *created_at;
  char     *updated_at;
  gboolean  deleted;
  /* One GValue per entity property, indexed by param_id. */
  GValue   *values;
  guint     n_values;
} CpRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CpRecord, cp_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GQuark columns_quark;

static GPtrArray *
columns_of_class (gpointer klass)
{
  return g_type_get_qdata (G_TYPE_FROM_CLASS (klass), columns_quark);
}

static GValue *
values_of (CpRecord *self)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  if (priv->values == NULL)
    {
      GPtrArray *columns = columns_of_class (G_OBJECT_GET_CLASS (self));
      guint n = columns ? columns->len : 0;

      priv->n_values = n + 1;
      priv->values = g_new0 (GValue, priv->n_values);
      for (guint i = 0; i < n; i++)
        {
          GParamSpec *pspec = g_ptr_array_index (columns, i);

          g_value_init (&priv->values[pspec->param_id], pspec->value_type);
          g_param_value_set_default (pspec, &priv->values[pspec->param_id]);
        }
    }
  return priv->values;
}

static void
record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CpRecord *self = CP_RECORD (object);
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:         g_value_set_string (value, priv->id); break;
    case PROP_CREATED_AT: g_value_set_string (value, priv->created_at); break;
    case PROP_UPDATED_AT: g_value_set_string (value, priv->updated_at); break;
    case PROP_DELETED:    g_value_set_boolean (value, priv->deleted); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
record_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CpRecord *self = CP_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID: cp_record_set_id (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Shared by every subclass: entity properties live in the values array. */
static void
entity_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  g_value_copy (&values_of (CP_RECORD (object))[prop_id], value);
}

static void
entity_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  GValue *slot = &values_of (CP_RECORD (object))[prop_id];

  if (g_param_values_cmp (pspec, slot, value) == 0)
    return;
  g_value_copy (value, slot);
  g_object_notify_by_pspec (object, pspec);
}

static void
cp_record_finalize (GObject *object)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (CP_RECORD (object));

  g_free (priv->id);
  g_free (priv->created_at);
  g_free (priv->updated_at);
  for (guint i = 1; priv->values && i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_free (priv->values);

  G_OBJECT_CLASS (cp_record_parent_class)->finalize (object);
}

static void
cp_record_class_init (CpRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cp_record_finalize;
  object_class->get_property = record_get_property;
  object_class->set_property = record_set_property;

  columns_quark = g_quark_from_static_string ("cp-record-columns");

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_record_init (CpRecord *self)
{
}

/* Records made in memory get a fresh random id; the store replaces it
 * when it loads a row. */
const char *
cp_record_get_id (CpRecord *self)
{
  CpRecordPrivate *priv;

  g_return_val_if_fail (CP_IS_RECORD (self), NULL);
  priv = cp_record_get_instance_private (self);
  if (priv->id == NULL)
    priv->id = g_uuid_string_random ();
  return priv->id;
}

void
cp_record_set_id (CpRecord *self, const char *id)
{
  CpRecordPrivate *priv;

  g_return_if_fail (CP_IS_RECORD (self));
  priv = cp_record_get_instance_private (self);
  if (g_strcmp0 (priv->id, id) == 0)
    return;
  g_free (priv->id);
  priv->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cp_record_get_created_at (CpRecord *self)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);
  return priv->created_at;
}

const char *
cp_record_get_updated_at (CpRecord *self)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);
  return priv->updated_at;
}

gboolean
cp_record_get_deleted (CpRecord *self)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);
  return priv->deleted;
}

void
_cp_record_set_meta (CpRecord *self, const char *created_at, const char *updated_at, gboolean deleted)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  if (created_at != priv->created_at)
    {
      g_free (priv->created_at);
      priv->created_at = g_strdup (created_at);
    }
  if (updated_at != priv->updated_at)
    {
      g_free (priv->updated_at);
      priv->updated_at = g_strdup (updated_at);
    }
  priv->deleted = deleted;
}

static GValue *
slot_for (CpRecord *self, const char *property, GType expected)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);

  g_return_val_if_fail (pspec != NULL, NULL);
  g_return_val_if_fail (pspec->owner_type != CP_TYPE_RECORD, NULL);
  g_return_val_if_fail (g_type_is_a (pspec->value_type, expected), NULL);
  return &values_of (self)[pspec->param_id];
}

const char *
cp_record_get_string (CpRecord *self, const char *property)
{
  GValue *slot;

  g_return_val_if_fail (CP_IS_RECORD (self), NULL);
  slot = slot_for (self, property, G_TYPE_STRING);
  return slot ? g_value_get_string (slot) : NULL;
}

void
cp_record_set_string (CpRecord *self, const char *property, const char *value)
{
  g_return_if_fail (CP_IS_RECORD (self));
  g_object_set (self, property, value, NULL);
}

gint64
cp_record_get_int64 (CpRecord *self, const char *property)
{
  GValue *slot;

  g_return_val_if_fail (CP_IS_RECORD (self), 0);
  slot = slot_for (self, property, G_TYPE_INT64);
  return slot ? g_value_get_int64 (slot) : 0;
}

void
cp_record_set_int64 (CpRecord *self, const char *property, gint64 value)
{
  g_return_if_fail (CP_IS_RECORD (self));
  g_object_set (self, property, value, NULL);
}

/* Impossible dates are refused for every entity, before its own rules. */
static gboolean
validate_dates (CpRecord *self, GError **error)
{
  GPtrArray *columns = columns_of_class (G_OBJECT_GET_CLASS (self));

  for (guint i = 0; columns && i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);
      g_autoptr(GError) date_error = NULL;
      const char *text;

      if (!cp_record_param_is_date (pspec))
        continue;
      text = g_value_get_string (&values_of (self)[pspec->param_id]);
      /* "" is no date. Stored as such it slipped past NOT NULL on
       * required dates (a payment's paid_on) and read as a real, very
       * early date in queries that take NULL as open-ended. */
      if (text != NULL && *text == '\0')
        {
          g_object_set (self, pspec->name, NULL, NULL);
          continue;
        }
      if (!cp_date_iso_is_valid (text, &date_error))
        {
          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                       _("“%s” is not a valid date: %s"), text, date_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* Money ("…-pence" columns) is held to what cp-money accepts from a
 * person, for every entity: an importer or the CLI could otherwise store
 * G_MAXINT64 pence, and SQLite's sum() over the plan then fails with
 * "integer overflow" every time the budget is shown. */
static gboolean
validate_money (CpRecord *self, GError **error)
{
  GPtrArray *columns = columns_of_class (G_OBJECT_GET_CLASS (self));

  for (guint i = 0; columns && i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);
      gint64 pence;

      if (pspec->value_type != G_TYPE_INT64 || !g_str_has_suffix (pspec->name, "-pence"))
        continue;
      pence = g_value_get_int64 (&values_of (self)[pspec->param_id]);
      if (pence > CP_MONEY_MAX_PENCE || pence < -CP_MONEY_MAX_PENCE)
        {
          g_autofree char *most = cp_money_format (CP_MONEY_MAX_PENCE);

          g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                       _("This amount is too large: the most Coplan accepts is %s."), most);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
cp_record_validate (CpRecord *self, GError **error)
{
  CpRecordClass *klass;

  g_return_val_if_fail (CP_IS_RECORD (self), FALSE);
  klass = CP_RECORD_GET_CLASS (self);
  if (!validate_dates (self, error) || !validate_money (self, error))
    return FALSE;
  return klass->validate == NULL || klass->validate (self, error);
}

const char *
cp_record_class_get_table (CpRecordClass *klass)
{
  return klass->table;
}

GPtrArray *
cp_record_class_columns (CpRecordClass *klass)
{
  return columns_of_class (klass);
}

void
cp_record_class_install_properties (CpRecordClass *klass, GParamSpec **pspecs, guint n_pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GPtrArray *columns = g_ptr_array_new ();

  object_class->get_property = entity_get_property;
  object_class->set_property = entity_set_property;

  /* pspecs[0] is unused, as with g_object_class_install_properties(). */
  g_object_class_install_properties (object_class, n_pspecs, pspecs);
  for (guint i = 1; i < n_pspecs; i++)
    g_ptr_array_add (columns, pspecs[i]);
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), columns_quark, columns);
}

GParamSpec *
cp_record_param_spec_date (const char *name)
{
  GParamSpec *pspec = g_param_spec_string (name, NULL, NULL, NULL, CP_RECORD_PARAM_FLAGS);

  g_param_spec_set_qdata (pspec, g_quark_from_static_string ("cp-record-date"), GINT_TO_POINTER (1));
  return pspec;
}

gboolean
cp_record_param_is_date (GParamSpec *pspec)
{
  return g_param_spec_get_qdata (pspec, g_quark_from_static_string ("cp-record-date")) != NULL;
}

char *
cp_record_column_name (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}
