/* cp-undo.c — undo and redo of the edits made in one session
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Steps name their row by type and id, not by a held record, so undoing
 * always starts from what is stored now. A step that fails (the plan was
 * agreed meanwhile, say) stays where it is and says why.
 */
#define G_LOG_DOMAIN "cp-undo"

#include <glib/gi18n-lib.h>

#include "cp-plan-entries.h"
#include "cp-plan-entry.h"
#include "cp-store-tombstone.h"
#include "cp-undo.h"

#define DEFAULT_MERGE_WINDOW_MS 2000

typedef enum { STEP_INSERT, STEP_UPDATE, STEP_TOMBSTONE, STEP_MOVE, STEP_GROUP } StepKind;

typedef struct
{
  StepKind    kind;
  char       *label;
  GType       type;
  char       *id;
  /* STEP_UPDATE: property name → GValue, before and after. */
  GHashTable *old_values;
  GHashTable *new_values;
  /* STEP_MOVE */
  gint64      old_position;
  gint64      new_position;
  gint64      time_us;
  /* STEP_GROUP: the steps one action took (a move renumbers many rows). */
  GPtrArray  *children;
} Step;

struct _CpUndoStack
{
  GObject    parent_instance;

  CpStore   *store;
  GPtrArray *undo;   /* Step, newest last */
  GPtrArray *redo;   /* Step, next to redo last */
  guint      merge_window_ms;
  char      *undo_label;
  char      *redo_label;
  /* Between begin_group and end_group: where new steps go instead. */
  Step      *group;
};

G_DEFINE_FINAL_TYPE (CpUndoStack, cp_undo_stack, G_TYPE_OBJECT)

enum { PROP_0, PROP_CAN_UNDO, PROP_CAN_REDO, PROP_UNDO_LABEL, PROP_REDO_LABEL, PROP_MERGE_WINDOW_MS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
value_free (GValue *value)
{
  g_value_unset (value);
  g_free (value);
}

static GHashTable *
values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) value_free);
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_free (step->id);
  g_clear_pointer (&step->old_values, g_hash_table_unref);
  g_clear_pointer (&step->new_values, g_hash_table_unref);
  g_clear_pointer (&step->children, g_ptr_array_unref);
  g_free (step);
}

static Step *
step_new (StepKind kind, const char *label, CpRecord *record)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->label = g_strdup (label ? label : "");
  step->type = G_OBJECT_TYPE (record);
  step->id = g_strdup (cp_record_get_id (record));
  step->time_us = g_get_monotonic_time ();
  return step;
}

static Step *
top (GPtrArray *steps)
{
  return steps->len ? g_ptr_array_index (steps, steps->len - 1) : NULL;
}

/* Labels and the can-undo/can-redo properties follow the stacks. */
static void
update_state (CpUndoStack *self)
{
  Step *u = top (self->undo);
  Step *r = top (self->redo);
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  gboolean could_undo = self->undo_label != NULL;
  gboolean could_redo = self->redo_label != NULL;

  /* Translators: %s is an action, e.g. "Undo Add Entry" */
  undo_label = u ? g_strdup_printf (_("Undo %s"), u->label) : NULL;
  /* Translators: %s is an action, e.g. "Redo Add Entry" */
  redo_label = r ? g_strdup_printf (_("Redo %s"), r->label) : NULL;
  if (g_strcmp0 (undo_label, self->undo_label) != 0)
    {
      g_free (self->undo_label);
      self->undo_label = g_steal_pointer (&undo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }
  if (g_strcmp0 (redo_label, self->redo_label) != 0)
    {
      g_free (self->redo_label);
      self->redo_label = g_steal_pointer (&redo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }
  if (could_undo != (u != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != (r != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* A new edit makes the redo stack meaningless. */
static void
push (CpUndoStack *self, Step *step)
{
  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->children, step);
      return;
    }
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, step);
  update_state (self);
}

gboolean
cp_undo_stack_insert (CpUndoStack *self, CpRecord *record, const char *label, GError **error)
{
  g_return_val_if_fail (CP_IS_UNDO_STACK (self), FALSE);

  if (!cp_store_insert (self->store, record, error))
    return FALSE;
  push (self, step_new (STEP_INSERT, label, record));
  return TRUE;
}

gboolean
cp_undo_stack_tombstone (CpUndoStack *self, CpRecord *record, const char *label, GError **error)
{
  g_return_val_if_fail (CP_IS_UNDO_STACK (self), FALSE);

  if (!cp_store_tombstone (self->store, record, error))
    return FALSE;
  push (self, step_new (STEP_TOMBSTONE, label, record));
  return TRUE;
}

static GValue *
value_of (GObject *object, GParamSpec *pspec)
{
  GValue *value = g_new0 (GValue, 1);

  g_value_init (value, pspec->value_type);
  g_object_get_property (object, pspec->name, value);
  return value;
}

static gboolean
same_value (GParamSpec *pspec, const GValue *a, const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_BYTES))
    {
      GBytes *x = g_value_get_boxed (a);
      GBytes *y = g_value_get_boxed (b);

      return (x == NULL || y == NULL) ? x == y : g_bytes_equal (x, y);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* The properties @record would change, with their stored and new values. */
static void
collect_changes (CpRecord *stored, CpRecord *record, GHashTable *old_values, GHashTable *new_values)
{
  GPtrArray *columns = cp_record_class_columns (CP_RECORD_GET_CLASS (record));

  for (guint i = 0; i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);
      GValue *before = value_of (G_OBJECT (stored), pspec);
      GValue *after = value_of (G_OBJECT (record), pspec);

      if (same_value (pspec, before, after))
        {
          value_free (before);
          value_free (after);
          continue;
        }
      g_hash_table_insert (old_values, g_strdup (pspec->name), before);
      g_hash_table_insert (new_values, g_strdup (pspec->name), after);
    }
}

/* TRUE when a step's "after" is its "before": it would change nothing. */
static gboolean
step_is_empty (Step *step)
{
  GObjectClass *klass = g_type_class_peek (step->type);
  GHashTableIter iter;
  gpointer name, value;

  g_hash_table_iter_init (&iter, step->new_values);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      GParamSpec *pspec = g_object_class_find_property (klass, name);
      GValue *before = g_hash_table_lookup (step->old_values, name);

      if (pspec == NULL || before == NULL || !same_value (pspec, before, value))
        return FALSE;
    }
  return TRUE;
}

static const char *
only_field (Step *step)
{
  GHashTableIter iter;
  gpointer key = NULL;

  if (step->kind != STEP_UPDATE || g_hash_table_size (step->new_values) != 1)
    return NULL;
  g_hash_table_iter_init (&iter, step->new_values);
  g_hash_table_iter_next (&iter, &key, NULL);
  return key;
}

/* Typing autosaved every half second is one step: the same single field
 * of the same row, soon after the last. The step keeps its first "before". */
static gboolean
merge_into_top (CpUndoStack *self, Step *step)
{
  Step *last = top (self->undo);

  if (last == NULL || self->group != NULL || last->kind != STEP_UPDATE ||
      self->merge_window_ms == 0 || self->redo->len > 0 ||
      g_strcmp0 (last->id, step->id) != 0 || only_field (last) == NULL ||
      g_strcmp0 (only_field (last), only_field (step)) != 0 ||
      step->time_us - last->time_us > (gint64) self->merge_window_ms * 1000)
    return FALSE;
  g_hash_table_unref (last->new_values);
  last->new_values = g_hash_table_ref (step->new_values);
  last->time_us = step->time_us;
  /* Typed back to where it started: nothing is left to undo. */
  if (step_is_empty (last))
    g_ptr_array_remove_index (self->undo, self->undo->len - 1);
  return TRUE;
}

gboolean
cp_undo_stack_update (CpUndoStack *self, CpRecord *record, const char *label, GError **error)
{
  g_autoptr(CpRecord) stored = NULL;
  Step *step;

  g_return_val_if_fail (CP_IS_UNDO_STACK (self), FALSE);

  stored = cp_store_load (self->store, G_OBJECT_TYPE (record), cp_record_get_id (record), error);
  if (stored == NULL || !cp_store_update (self->store, record, error))
    return FALSE;
  step = step_new (STEP_UPDATE, label, record);
  step->old_values = values_new ();
  step->new_values = values_new ();
  collect_changes (stored, record, step->old_values, step->new_values);
  if (g_hash_table_size (step->new_values) == 0 || merge_into_top (self, step))
    {
      step_free (step);
      update_state (self);
      return TRUE;
    }
  push (self, step);
  return TRUE;
}

static gint64
stored_position (CpStore *store, const char *entry_id, GError **error)
{
  g_autoptr(CpRecord) entry = cp_store_load (store, CP_TYPE_PLAN_ENTRY, entry_id, error);

  return entry ? cp_record_get_int64 (entry, "position") : -1;
}

gboolean
cp_undo_stack_move_entry (CpUndoStack *self, const char *entry_id, gint64 new_position,
                          const char *label, GError **error)
{
  g_autoptr(CpRecord) entry = NULL;
  Step *step;
  gint64 before;

  g_return_val_if_fail (CP_IS_UNDO_STACK (self), FALSE);

  entry = cp_store_load (self->store, CP_TYPE_PLAN_ENTRY, entry_id, error);
  if (entry == NULL)
    return FALSE;
  before = cp_record_get_int64 (entry, "position");
  if (!cp_plan_entry_move (self->store, entry_id, new_position, error))
    return FALSE;
  step = step_new (STEP_MOVE, label, entry);
  step->old_position = before;
  /* Where it really went: a position past the end is the last place. */
  step->new_position = stored_position (self->store, entry_id, NULL);
  if (step->new_position == before)
    {
      step_free (step);
      return TRUE;
    }
  push (self, step);
  return TRUE;
}

/* TRUE when every field of @expected still holds that value in @record:
 * nobody changed it elsewhere since this step was done (or undone). */
static gboolean
still_as_left (CpRecord *record, GHashTable *expected)
{
  GHashTableIter iter;
  gpointer name, value;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), name);
      GValue *now;
      gboolean same;

      if (pspec == NULL)
        return FALSE;
      now = value_of (G_OBJECT (record), pspec);
      same = same_value (pspec, now, value);
      value_free (now);
      if (!same)
        return FALSE;
    }
  return TRUE;
}

/* Writes @values over the stored row, unless the fields were changed
 * elsewhere since they became @expected: that change is not lost. */
static gboolean
apply_values (CpStore *store, Step *step, GHashTable *values, GHashTable *expected, GError **error)
{
  g_autoptr(CpRecord) record = cp_store_load (store, step->type, step->id, error);
  GHashTableIter iter;
  gpointer name, value;

  if (record == NULL)
    return FALSE;
  if (!still_as_left (record, expected))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("This was changed elsewhere since, so it is left as it is now: "
                             "undoing or redoing would overwrite that change."));
      return FALSE;
    }
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &name, &value))
    g_object_set_property (G_OBJECT (record), name, value);
  return cp_store_update (store, record, error);
}

static gboolean
set_deleted (CpStore *store, Step *step, gboolean deleted, GError **error)
{
  g_autoptr(CpRecord) record = cp_store_load (store, step->type, step->id, error);

  if (record == NULL)
    return FALSE;
  return deleted ? cp_store_tombstone (store, record, error) : cp_store_revive (store, record, error);
}

static gboolean run_step (CpStore *store, Step *step, gboolean backwards, GError **error);

/* A group's steps in one transaction: backwards in reverse order. */
static gboolean
run_group (CpStore *store, Step *group, gboolean backwards, GError **error)
{
  guint n = group->children->len;

  if (!cp_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      Step *child = group->children->pdata[backwards ? n - 1 - i : i];

      if (!run_step (store, child, backwards, error))
        {
          cp_store_rollback (store);
          return FALSE;
        }
    }
  return cp_store_commit (store, error);
}

/* Runs @step backwards (undo) or forwards again (redo). */
static gboolean
run_step (CpStore *store, Step *step, gboolean backwards, GError **error)
{
  switch (step->kind)
    {
    case STEP_INSERT:
      return set_deleted (store, step, backwards, error);
    case STEP_TOMBSTONE:
      return set_deleted (store, step, !backwards, error);
    case STEP_UPDATE:
      return apply_values (store, step, backwards ? step->old_values : step->new_values,
                           backwards ? step->new_values : step->old_values, error);
    case STEP_MOVE:
      return cp_plan_entry_move (store, step->id, backwards ? step->old_position : step->new_position, error);
    case STEP_GROUP:
      return run_group (store, step, backwards, error);
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
transfer (CpUndoStack *self, GPtrArray *from, GPtrArray *to, gboolean backwards, GError **error)
{
  Step *step = top (from);

  if (step == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           backwards ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }
  if (!run_step (self->store, step, backwards, error))
    return FALSE;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  /* A step undone and redone is never merged with later typing. */
  step->time_us = 0;
  update_state (self);
  return TRUE;
}

gboolean
cp_undo_stack_undo (CpUndoStack *self, GError **error)
{
  g_return_val_if_fail (CP_IS_UNDO_STACK (self), FALSE);
  return transfer (self, self->undo, self->redo, TRUE, error);
}

gboolean
cp_undo_stack_redo (CpUndoStack *self, GError **error)
{
  g_return_val_if_fail (CP_IS_UNDO_STACK (self), FALSE);
  return transfer (self, self->redo, self->undo, FALSE, error);
}

gboolean
cp_undo_stack_can_undo (CpUndoStack *self)
{
  g_return_val_if_fail (CP_IS_UNDO_STACK (self), FALSE);
  return self->undo->len > 0;
}

gboolean
cp_undo_stack_can_redo (CpUndoStack *self)
{
  g_return_val_if_fail (CP_IS_UNDO_STACK (self), FALSE);
  return self->redo->len > 0;
}

const char *
cp_undo_stack_get_undo_label (CpUndoStack *self)
{
  g_return_val_if_fail (CP_IS_UNDO_STACK (self), NULL);
  return self->undo_label;
}

const char *
cp_undo_stack_get_redo_label (CpUndoStack *self)
{
  g_return_val_if_fail (CP_IS_UNDO_STACK (self), NULL);
  return self->redo_label;
}

void
cp_undo_stack_clear (CpUndoStack *self)
{
  g_return_if_fail (CP_IS_UNDO_STACK (self));
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  update_state (self);
}

/* Steps recorded until cp_undo_stack_end_group() undo and redo as one,
 * named @label. Groups do not nest. */
void
cp_undo_stack_begin_group (CpUndoStack *self, const char *label)
{
  g_return_if_fail (CP_IS_UNDO_STACK (self));
  g_return_if_fail (self->group == NULL);

  self->group = g_new0 (Step, 1);
  self->group->kind = STEP_GROUP;
  self->group->label = g_strdup (label ? label : "");
  self->group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

/* Ends the group: kept as one step when @keep and something was recorded;
 * dropped when the writes it recorded were rolled back (@keep FALSE). */
void
cp_undo_stack_end_group (CpUndoStack *self, gboolean keep)
{
  Step *group;

  g_return_if_fail (CP_IS_UNDO_STACK (self));
  g_return_if_fail (self->group != NULL);

  group = g_steal_pointer (&self->group);
  if (!keep || group->children->len == 0)
    {
      step_free (group);
      update_state (self);
      return;
    }
  push (self, group);
}

void
cp_undo_stack_set_merge_window_ms (CpUndoStack *self, guint ms)
{
  g_return_if_fail (CP_IS_UNDO_STACK (self));
  if (self->merge_window_ms == ms)
    return;
  self->merge_window_ms = ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGE_WINDOW_MS]);
}

/**
 * cp_store_revive:
 *
 * The reverse of cp_store_tombstone(), with the same rules: content of a
 * plan that is not a draft stays as it was signed.
 */
gboolean
cp_store_revive (CpStore *store, CpRecord *record, GError **error)
{
  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (CP_IS_RECORD (record), FALSE);

  return _cp_store_set_deleted (store, record, FALSE, error);
}

static void
cp_undo_stack_dispose (GObject *object)
{
  CpUndoStack *self = CP_UNDO_STACK (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_undo_stack_parent_class)->dispose (object);
}

static void
cp_undo_stack_finalize (GObject *object)
{
  CpUndoStack *self = CP_UNDO_STACK (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self->undo_label);
  g_free (self->redo_label);
  g_clear_pointer (&CP_UNDO_STACK (object)->group, step_free);
  G_OBJECT_CLASS (cp_undo_stack_parent_class)->finalize (object);
}

static void
cp_undo_stack_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CpUndoStack *self = CP_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:        g_value_set_boolean (value, self->undo->len > 0); break;
    case PROP_CAN_REDO:        g_value_set_boolean (value, self->redo->len > 0); break;
    case PROP_UNDO_LABEL:      g_value_set_string (value, self->undo_label); break;
    case PROP_REDO_LABEL:      g_value_set_string (value, self->redo_label); break;
    case PROP_MERGE_WINDOW_MS: g_value_set_uint (value, self->merge_window_ms); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_undo_stack_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_MERGE_WINDOW_MS:
      cp_undo_stack_set_merge_window_ms (CP_UNDO_STACK (object), g_value_get_uint (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_undo_stack_class_init (CpUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_undo_stack_dispose;
  object_class->finalize = cp_undo_stack_finalize;
  object_class->get_property = cp_undo_stack_get_property;
  object_class->set_property = cp_undo_stack_set_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MERGE_WINDOW_MS] =
    g_param_spec_uint ("merge-window-ms", NULL, NULL, 0, G_MAXUINT, DEFAULT_MERGE_WINDOW_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_undo_stack_init (CpUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->merge_window_ms = DEFAULT_MERGE_WINDOW_MS;
}

/**
 * cp_undo_stack_new:
 *
 * Returns: (transfer full)
 */
CpUndoStack *
cp_undo_stack_new (CpStore *store)
{
  CpUndoStack *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  self = g_object_new (CP_TYPE_UNDO_STACK, NULL);
  self->store = g_object_ref (store);
  return self;
}
