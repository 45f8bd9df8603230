/* cp-funding-stream-row.c — one funding stream, edited in place
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Collapsed, the row reads as a sentence of figures; expanded, it holds
 * the stream's fields, each saved as it is typed (cp-budget-form).
 */
#include <glib/gi18n.h>

#include "cp-budget-form.h"
#include "cp-funding-stream-row.h"

struct _CpFundingStreamRow
{
  AdwExpanderRow  parent_instance;

  CpStore        *store;
  CpBudgetForm   *form;

  /* template children */
  AdwComboRow    *funder_row;
  AdwEntryRow    *name_row;
  AdwEntryRow    *indicative_row;
  AdwActionRow   *indicative_error;
  AdwEntryRow    *agreed_row;
  AdwActionRow   *agreed_error;
  AdwComboRow    *management_row;
  AdwComboRow    *frequency_row;
  AdwEntryRow    *start_row;
  AdwActionRow   *start_error;
  AdwEntryRow    *end_row;
  AdwActionRow   *end_error;
  GtkButton      *delete_button;
};

G_DEFINE_FINAL_TYPE (CpFundingStreamRow, cp_funding_stream_row, ADW_TYPE_EXPANDER_ROW)

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, CpFundingStreamRow *self)
{
  g_autoptr(GError) error = NULL;
  CpRecord *record = cp_budget_form_get_record (self->form);

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!cp_store_tombstone (self->store, record, &error))
    g_warning ("Could not delete the funding stream: %s", error->message);
}

/* Asked first: deleting a stream changes every figure of the plan. */
static void
delete_clicked_cb (CpFundingStreamRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete this funding stream?"),
                                   _("Its budget lines and payments are kept, but no longer count "
                                     "against it. The audit trail keeps a record of the deletion."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cp_funding_stream_row_dispose (GObject *object)
{
  CpFundingStreamRow *self = CP_FUNDING_STREAM_ROW (object);

  if (self->form != NULL)
    cp_budget_form_flush (self->form);
  g_clear_pointer (&self->form, cp_budget_form_free);
  g_clear_object (&self->store);
  /* No gtk_widget_dispose_template (): the template's rows live in
   * AdwExpanderRow's own list, which disposes them itself. */
  G_OBJECT_CLASS (cp_funding_stream_row_parent_class)->dispose (object);
}

static void
cp_funding_stream_row_class_init (CpFundingStreamRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_funding_stream_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-funding-stream-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, funder_row);
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, indicative_row);
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, indicative_error);
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, agreed_row);
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, agreed_error);
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, management_row);
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, start_row);
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, start_error);
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, end_row);
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, end_error);
  gtk_widget_class_bind_template_child (widget_class, CpFundingStreamRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
cp_funding_stream_row_init (CpFundingStreamRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
bind_fields (CpFundingStreamRow *self)
{
  CpBudgetForm *form = self->form;

  cp_budget_form_bind_enum (form, self->funder_row, "funder");
  cp_budget_form_bind_entry (form, self->name_row, NULL, "name", CP_BUDGET_FIELD_TEXT);
  cp_budget_form_bind_entry (form, self->indicative_row, self->indicative_error, "indicative-pence",
                             CP_BUDGET_FIELD_MONEY);
  cp_budget_form_bind_entry (form, self->agreed_row, self->agreed_error, "agreed-pence",
                             CP_BUDGET_FIELD_MONEY);
  cp_budget_form_bind_enum (form, self->management_row, "management");
  cp_budget_form_bind_enum (form, self->frequency_row, "frequency");
  cp_budget_form_bind_entry (form, self->start_row, self->start_error, "period-start", CP_BUDGET_FIELD_DATE);
  cp_budget_form_bind_entry (form, self->end_row, self->end_error, "period-end", CP_BUDGET_FIELD_DATE);
}

GtkWidget *
cp_funding_stream_row_new (CpStore *store, CpFundingStream *stream)
{
  CpFundingStreamRow *self = g_object_new (CP_TYPE_FUNDING_STREAM_ROW, NULL);

  self->store = g_object_ref (store);
  self->form = cp_budget_form_new (store, CP_RECORD (stream));
  bind_fields (self);
  return GTK_WIDGET (self);
}

const char *
cp_funding_stream_row_get_id (CpFundingStreamRow *self)
{
  g_return_val_if_fail (CP_IS_FUNDING_STREAM_ROW (self), NULL);
  return cp_record_get_id (cp_budget_form_get_record (self->form));
}

void
cp_funding_stream_row_update (CpFundingStreamRow *self, const CpStreamFigures *figures)
{
  g_autofree char *agreed = cp_money_format (figures->agreed_pence);
  g_autofree char *spent = cp_money_format (figures->spent_pence);
  g_autofree char *remaining = cp_money_format (ABS (figures->remaining_pence));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (CP_IS_FUNDING_STREAM_ROW (self));

  title = *figures->name ? g_strdup_printf ("%s — %s", cp_budget_funder_name (figures->funder), figures->name)
                         : g_strdup (cp_budget_funder_name (figures->funder));
  if (figures->remaining_pence >= 0)
    subtitle = g_strdup_printf (_("Agreed %s · spent %s · %s left · %s"), agreed, spent, remaining,
                                cp_budget_management_name (figures->management));
  else
    subtitle = g_strdup_printf (_("Agreed %s · spent %s · overspent by %s · %s"), agreed, spent, remaining,
                                cp_budget_management_name (figures->management));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

gboolean
cp_funding_stream_row_flush (CpFundingStreamRow *self)
{
  g_return_val_if_fail (CP_IS_FUNDING_STREAM_ROW (self), TRUE);
  return self->form == NULL || cp_budget_form_flush (self->form);
}
