/* cp-budget-line-row.c — one budget line, edited in place
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Collapsed, the row says what the line pays for and how it is going;
 * expanded, it holds the line's fields, saved as typed (cp-budget-form).
 */
#include <glib/gi18n.h>

#include "cp-budget-form.h"
#include "cp-budget-line-row.h"

struct _CpBudgetLineRow
{
  AdwExpanderRow  parent_instance;

  CpStore        *store;
  CpBudgetForm   *form;

  /* template children */
  AdwComboRow    *category_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *amount_row;
  AdwActionRow   *amount_error;
  AdwComboRow    *period_row;
  AdwComboRow    *outcome_row;
  GtkButton      *delete_button;
};

G_DEFINE_FINAL_TYPE (CpBudgetLineRow, cp_budget_line_row, ADW_TYPE_EXPANDER_ROW)

/* A line is small: deleting it is undone by adding it again, so no
 * question is asked; its payments stay and show as on no line. */
static void
delete_clicked_cb (CpBudgetLineRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cp_store_tombstone (self->store, cp_budget_form_get_record (self->form), &error))
    g_warning ("Could not delete the budget line: %s", error->message);
}

static void
cp_budget_line_row_dispose (GObject *object)
{
  CpBudgetLineRow *self = CP_BUDGET_LINE_ROW (object);

  if (self->form != NULL)
    cp_budget_form_flush (self->form);
  g_clear_pointer (&self->form, cp_budget_form_free);
  g_clear_object (&self->store);
  /* No gtk_widget_dispose_template (): the template's rows live in
   * AdwExpanderRow's own list, which disposes them itself. */
  G_OBJECT_CLASS (cp_budget_line_row_parent_class)->dispose (object);
}

static void
cp_budget_line_row_class_init (CpBudgetLineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_budget_line_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-budget-line-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CpBudgetLineRow, category_row);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetLineRow, description_row);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetLineRow, amount_row);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetLineRow, amount_error);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetLineRow, period_row);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetLineRow, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetLineRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
cp_budget_line_row_init (CpBudgetLineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The categories of the reference data; a category the data lacks
 * (written elsewhere) is kept as a choice of its own. */
static void
bind_category (CpBudgetLineRow *self)
{
  const char *current = cp_record_get_string (cp_budget_form_get_record (self->form), "category");
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint n;
  const CpBudgetCategory *all = cp_budget_categories (&n);

  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (names, all[i].name);
      g_ptr_array_add (ids, (gpointer) all[i].id);
    }
  if (current != NULL && *current != '\0' && cp_budget_category_lookup (current) == NULL)
    {
      gtk_string_list_append (names, current);
      g_ptr_array_add (ids, (gpointer) current);
    }
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (names));
  cp_budget_form_bind_choice (self->form, self->category_row, "category",
                              (const char *const *) ids->pdata, ids->len);
}

static void
bind_outcome (CpBudgetLineRow *self, const char *const *ids, const char *const *labels, guint n)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  gtk_string_list_append (names, _("No particular outcome"));
  g_ptr_array_add (values, (gpointer) "");
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (names, labels[i]);
      g_ptr_array_add (values, (gpointer) ids[i]);
    }
  adw_combo_row_set_model (self->outcome_row, G_LIST_MODEL (names));
  cp_budget_form_bind_choice (self->form, self->outcome_row, "outcome-id",
                              (const char *const *) values->pdata, values->len);
}

GtkWidget *
cp_budget_line_row_new (CpStore *store, CpBudgetLine *line, const char *const *outcome_ids,
                        const char *const *outcome_labels, guint n_outcomes)
{
  CpBudgetLineRow *self = g_object_new (CP_TYPE_BUDGET_LINE_ROW, NULL);

  self->store = g_object_ref (store);
  self->form = cp_budget_form_new (store, CP_RECORD (line));
  bind_category (self);
  cp_budget_form_bind_entry (self->form, self->description_row, NULL, "description", CP_BUDGET_FIELD_TEXT);
  cp_budget_form_bind_entry (self->form, self->amount_row, self->amount_error, "amount-pence",
                             CP_BUDGET_FIELD_MONEY);
  cp_budget_form_bind_enum (self->form, self->period_row, "period");
  bind_outcome (self, outcome_ids, outcome_labels, n_outcomes);
  return GTK_WIDGET (self);
}

const char *
cp_budget_line_row_get_id (CpBudgetLineRow *self)
{
  g_return_val_if_fail (CP_IS_BUDGET_LINE_ROW (self), NULL);
  return cp_record_get_id (cp_budget_form_get_record (self->form));
}

/* "£400.00 a week · planned £20,800.00 · spent £5,200.00 · £15,600.00 left" */
static char *
line_subtitle (const CpLineFigures *figures)
{
  g_autofree char *amount = cp_money_format (figures->amount_pence);
  g_autofree char *planned = cp_money_format (figures->planned_pence);
  g_autofree char *spent = cp_money_format (figures->spent_pence);
  g_autofree char *left = cp_money_format (ABS (figures->remaining_pence));

  if (figures->remaining_pence < 0)
    return g_strdup_printf (_("%s %s · planned %s · spent %s · overspent by %s"), amount,
                            cp_budget_period_name (figures->period), planned, spent, left);
  return g_strdup_printf (_("%s %s · planned %s · spent %s · %s left"), amount,
                          cp_budget_period_name (figures->period), planned, spent, left);
}

void
cp_budget_line_row_update (CpBudgetLineRow *self, const CpLineFigures *figures)
{
  const char *name = cp_budget_category_name (figures->category);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = line_subtitle (figures);

  g_return_if_fail (CP_IS_BUDGET_LINE_ROW (self));

  if (*name == '\0')
    name = _("No category yet");
  title = (figures->description && *figures->description)
            ? g_strdup_printf ("%s: %s", name, figures->description) : g_strdup (name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

gboolean
cp_budget_line_row_flush (CpBudgetLineRow *self)
{
  g_return_val_if_fail (CP_IS_BUDGET_LINE_ROW (self), TRUE);
  return self->form == NULL || cp_budget_form_flush (self->form);
}
