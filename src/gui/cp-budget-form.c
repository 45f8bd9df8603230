/* cp-budget-form.c — one budget record edited through rows, saved as typed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cp-budget-form.h"

typedef enum { BIND_ENTRY, BIND_ENUM, BIND_CHOICE } BindKind;

typedef struct
{
  CpBudgetForm      *form;
  BindKind           bind;
  GtkWidget         *row;
  GtkEventController *focus;   /* entries: saves when the field is left */
  AdwActionRow      *error_row;
  char              *property;
  CpBudgetFieldKind  kind;
  GStrv              values;   /* BIND_CHOICE */
  gboolean           pending;  /* typed, not yet looked at */
  gboolean           refused;  /* shown with its message, not stored */
} Binding;

struct _CpBudgetForm
{
  CpStore   *store;
  CpRecord  *record;
  GPtrArray *bindings;
  guint      save_source;
  gboolean   loading;
};

/* ---------------------------------------------------------------------
 * Parsing what is typed
 * ------------------------------------------------------------------- */

static gboolean
parse_money (const char *text, GValue *value, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  gint64 pence = 0;

  if (*trimmed == '\0')
    {
      g_value_set_int64 (value, 0);
      return TRUE;
    }
  if (!cp_money_parse (text, &pence, error))
    return FALSE;
  if (pence < 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("The amount cannot be less than £0.00."));
      return FALSE;
    }
  g_value_set_int64 (value, pence);
  return TRUE;
}

static gboolean
parse_date (const char *text, GValue *value, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GDate) date = NULL;

  if (*trimmed == '\0')
    {
      g_value_set_string (value, NULL);
      return TRUE;
    }
  date = cp_date_parse_user (trimmed, error);
  if (date == NULL)
    return FALSE;
  g_value_take_string (value, cp_date_to_iso (date));
  return TRUE;
}

gboolean
cp_budget_field_parse (CpBudgetFieldKind kind, const char *text, GValue *value, GError **error)
{
  switch (kind)
    {
    case CP_BUDGET_FIELD_MONEY:
      return parse_money (text, value, error);
    case CP_BUDGET_FIELD_DATE:
      return parse_date (text, value, error);
    case CP_BUDGET_FIELD_TEXT:
    default:
      g_value_take_string (value, g_strstrip (g_strdup (text ? text : "")));
      return TRUE;
    }
}

char *
cp_budget_field_display (CpBudgetFieldKind kind, CpRecord *record, const char *property)
{
  const char *text;
  g_autoptr(GDate) date = NULL;

  switch (kind)
    {
    case CP_BUDGET_FIELD_MONEY:
      return cp_money_format (cp_record_get_int64 (record, property));
    case CP_BUDGET_FIELD_DATE:
      text = cp_record_get_string (record, property);
      date = text ? cp_date_parse_iso (text, NULL) : NULL;
      return date ? g_strdup_printf ("%02u/%02u/%04u", (guint) g_date_get_day (date),
                                     (guint) g_date_get_month (date), (guint) g_date_get_year (date))
                  : g_strdup ("");
    case CP_BUDGET_FIELD_TEXT:
    default:
      text = cp_record_get_string (record, property);
      return g_strdup (text ? text : "");
    }
}

/* ---------------------------------------------------------------------
 * Showing a refusal under its field
 * ------------------------------------------------------------------- */

static void
show_error (Binding *b, const char *message)
{
  b->refused = message != NULL;
  if (b->error_row == NULL)
    return;
  if (message != NULL)
    {
      gtk_widget_add_css_class (b->row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (b->error_row), message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (b->row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (b->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (b->row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (b->row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (b->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (GTK_WIDGET (b->error_row), message != NULL);
}

/* ---------------------------------------------------------------------
 * Saving
 * ------------------------------------------------------------------- */

/* After the store refused, the record in memory goes back to what is
 * stored, so a later save of another field does not carry the refusal. */
static void
restore_stored (CpBudgetForm *self)
{
  g_autoptr(CpRecord) stored = cp_store_load (self->store, G_OBJECT_TYPE (self->record),
                                              cp_record_get_id (self->record), NULL);
  GPtrArray *columns;

  if (stored == NULL)
    return;
  columns = cp_record_class_columns (CP_RECORD_GET_CLASS (self->record));
  for (guint i = 0; i < columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (columns, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (stored), pspec->name, &value);
      g_object_set_property (G_OBJECT (self->record), pspec->name, &value);
    }
}

/* Puts a pending entry's value into the record; FALSE when refused. */
static gboolean
take_entry (CpBudgetForm *self, Binding *b)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->record), b->property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  b->pending = FALSE;
  g_value_init (&value, pspec->value_type);
  if (!cp_budget_field_parse (b->kind, gtk_editable_get_text (GTK_EDITABLE (b->row)), &value, &error))
    {
      show_error (b, error->message);
      return FALSE;
    }
  g_object_set_property (G_OBJECT (self->record), b->property, &value);
  show_error (b, NULL);
  return TRUE;
}

static gboolean
save (CpBudgetForm *self)
{
  g_autoptr(GPtrArray) taken = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);

      /* What was refused is tried again: another field's change (an end
       * date moved) may have made it right. */
      if (b->bind == BIND_ENTRY && (b->pending || b->refused) && take_entry (self, b))
        g_ptr_array_add (taken, b);
    }
  if (!cp_store_update (self->store, self->record, &error))
    {
      restore_stored (self);
      for (guint i = 0; i < taken->len; i++)
        show_error (g_ptr_array_index (taken, i), error->message);
    }
  return !cp_budget_form_has_refused (self);
}

static gboolean
save_cb (gpointer data)
{
  CpBudgetForm *self = data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (CpBudgetForm *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (CP_BUDGET_FORM_SAVE_DELAY_MS, save_cb, self);
}

/* ---------------------------------------------------------------------
 * Bindings
 * ------------------------------------------------------------------- */

static void
binding_free (gpointer data)
{
  Binding *b = data;

  g_free (b->property);
  g_strfreev (b->values);
  g_free (b);
}

static Binding *
add_binding (CpBudgetForm *self, BindKind bind, GtkWidget *row, const char *property)
{
  Binding *b = g_new0 (Binding, 1);

  b->form = self;
  b->bind = bind;
  b->row = row;
  b->property = g_strdup (property);
  g_ptr_array_add (self->bindings, b);
  return b;
}

static void
entry_changed_cb (GtkEditable *editable, Binding *b)
{
  if (b->form->loading)
    return;
  b->pending = TRUE;
  schedule_save (b->form);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller, Binding *b)
{
  if (b->pending)
    save (b->form);
}

static void
entry_activated_cb (AdwEntryRow *row, Binding *b)
{
  if (b->pending)
    save (b->form);
}

void
cp_budget_form_bind_entry (CpBudgetForm *self, AdwEntryRow *row, AdwActionRow *error_row,
                           const char *property, CpBudgetFieldKind kind)
{
  Binding *b = add_binding (self, BIND_ENTRY, GTK_WIDGET (row), property);
  g_autofree char *shown = cp_budget_field_display (kind, self->record, property);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  b->error_row = error_row;
  b->kind = kind;
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), shown);
  self->loading = FALSE;
  if (error_row != NULL)
    gtk_widget_set_visible (GTK_WIDGET (error_row), FALSE);
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), b);
  g_signal_connect (row, "entry-activated", G_CALLBACK (entry_activated_cb), b);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), b);
  b->focus = focus;
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

static void
combo_selected_cb (AdwComboRow *row, GParamSpec *pspec, Binding *b)
{
  CpBudgetForm *self = b->form;
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (b->bind == BIND_ENUM)
    g_object_set (self->record, b->property, (int) selected, NULL);
  else if (selected < g_strv_length (b->values))
    cp_record_set_string (self->record, b->property,
                          *b->values[selected] != '\0' ? b->values[selected] : NULL);
  save (self);
}

void
cp_budget_form_bind_enum (CpBudgetForm *self, AdwComboRow *row, const char *property)
{
  Binding *b = add_binding (self, BIND_ENUM, GTK_WIDGET (row), property);
  int value = 0;

  g_object_get (self->record, property, &value, NULL);
  self->loading = TRUE;
  adw_combo_row_set_selected (row, (guint) value);
  self->loading = FALSE;
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), b);
}

void
cp_budget_form_bind_choice (CpBudgetForm *self, AdwComboRow *row, const char *property,
                            const char *const *values, guint n_values)
{
  Binding *b = add_binding (self, BIND_CHOICE, GTK_WIDGET (row), property);
  const char *current = cp_record_get_string (self->record, property);

  b->values = g_new0 (char *, n_values + 1);
  for (guint i = 0; i < n_values; i++)
    b->values[i] = g_strdup (values[i] ? values[i] : "");
  self->loading = TRUE;
  for (guint i = 0; i < n_values; i++)
    if (g_strcmp0 (b->values[i], current ? current : "") == 0)
      adw_combo_row_set_selected (row, i);
  self->loading = FALSE;
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), b);
}

/* ---------------------------------------------------------------------
 * Life
 * ------------------------------------------------------------------- */

CpBudgetForm *
cp_budget_form_new (CpStore *store, CpRecord *record)
{
  CpBudgetForm *self = g_new0 (CpBudgetForm, 1);

  self->store = g_object_ref (store);
  self->record = g_object_ref (record);
  self->bindings = g_ptr_array_new_with_free_func (binding_free);
  return self;
}

/* Rows may outlive the form by a moment (GTK frees them later): their
 * handlers point at bindings, so they are disconnected first. */
void
cp_budget_form_free (CpBudgetForm *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (self->bindings, i);
      g_signal_handlers_disconnect_by_data (b->row, b);
      if (b->focus != NULL)
        g_signal_handlers_disconnect_by_data (b->focus, b);
    }
  g_ptr_array_unref (self->bindings);
  g_object_unref (self->record);
  g_object_unref (self->store);
  g_free (self);
}

CpRecord *
cp_budget_form_get_record (CpBudgetForm *self)
{
  return self->record;
}

gboolean
cp_budget_form_flush (CpBudgetForm *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    if (((Binding *) g_ptr_array_index (self->bindings, i))->pending)
      return save (self);
  return !cp_budget_form_has_refused (self);
}

gboolean
cp_budget_form_has_refused (CpBudgetForm *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    if (((Binding *) g_ptr_array_index (self->bindings, i))->refused)
      return TRUE;
  return FALSE;
}
