/* cp-payment-form.c — typing payments in, one after another, from the keyboard
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A budget holder copies a month of receipts or a bank statement: date,
 * payee, amount, Enter; next. Enter in any box adds the payment and puts
 * the cursor back in "Paid to", keeping the date, line and method, which
 * usually repeat. A refused value is explained under its box and nothing
 * typed is cleared. Choosing a budget line chooses its funding stream.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "cp-budget-categories.h"
#include "cp-budget-rules.h"
#include "cp-excluded-spending.h"
#include "cp-payment-form.h"

struct _CpPaymentForm
{
  AdwBin       parent_instance;

  CpStore     *store;
  char        *plan_id;
  /* Position in the dropdown → id (index 0 is "none": NULL). */
  GPtrArray   *line_ids;
  GPtrArray   *stream_ids;
  /* budget line id → its stream id */
  GHashTable  *line_streams;
  AdwMessageDialog *confirm;

  /* template children */
  GtkEntry    *date_entry;
  GtkLabel    *date_error;
  GtkEntry    *payee_entry;
  GtkLabel    *payee_error;
  GtkEntry    *amount_entry;
  GtkLabel    *amount_error;
  GtkDropDown *line_dropdown;
  GtkDropDown *stream_dropdown;
  GtkDropDown *method_dropdown;
  GtkEntry    *reference_entry;
  GtkEntry    *note_entry;
  GtkButton   *add_button;
  GtkLabel    *form_error;
};

G_DEFINE_FINAL_TYPE (CpPaymentForm, cp_payment_form, ADW_TYPE_BIN)

enum { PAYMENT_ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* In the order of CpPaymentMethod. */
static const char *const method_labels[] = {
  N_("Bank transfer"), N_("Direct debit"), N_("Standing order"), N_("Debit or credit card"),
  N_("Prepaid card"), N_("Cheque"), N_("Cash"), N_("Invoice"),
};

static const char *
funder_label (CpFunder funder)
{
  switch (funder)
    {
    case CP_FUNDER_NHS:         return _("NHS");
    case CP_FUNDER_SOCIAL_CARE: return _("Council (social care)");
    case CP_FUNDER_EDUCATION:   return _("Education");
    case CP_FUNDER_OTHER:
    default:                    return _("Other funder");
    }
}

char *
cp_payment_form_expand_date (const char *text, int this_year)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  if (text == NULL)
    return NULL;
  parts = g_strsplit_set (g_strstrip (g_strdup (text)) , "/.-", -1);
  n = g_strv_length (parts);
  for (guint i = 0; i < n; i++)
    if (*parts[i] == '\0' || strspn (parts[i], "0123456789") != strlen (parts[i]) || strlen (parts[i]) > 2)
      return g_strdup (text);
  if (n == 2)
    return g_strdup_printf ("%s/%s/%d", parts[0], parts[1], this_year);
  if (n == 3 && strlen (parts[2]) == 2)
    return g_strdup_printf ("%s/%s/20%s", parts[0], parts[1], parts[2]);
  return g_strdup (text);
}

static void
set_error (GtkWidget *field, GtkLabel *label, const char *message)
{
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    {
      gtk_label_set_label (label, message);
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
set_form_error (CpPaymentForm *self, const char *message)
{
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), message != NULL);
  gtk_label_set_label (self->form_error, message ? message : "");
}

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static char *
today_typed (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%d/%m/%Y");
}

/* The ISO date typed, or NULL with the reason shown under the box. */
static char *
read_date (CpPaymentForm *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expanded = cp_payment_form_expand_date (entry_text (self->date_entry),
                                                           g_date_time_get_year (now));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = cp_date_parse_user (expanded, &error);

  set_error (GTK_WIDGET (self->date_entry), self->date_error, error ? error->message : NULL);
  /* Shows the year that "3/4/26" was taken to mean. */
  if (date != NULL && g_strcmp0 (expanded, entry_text (self->date_entry)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), expanded);
  return date ? cp_date_to_iso (date) : NULL;
}

static gboolean
read_amount (CpPaymentForm *self, gint64 *pence)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!cp_money_parse (entry_text (self->amount_entry), pence, &error))
    message = g_strdup (error->message);
  else if (*pence == 0)
    message = g_strdup (_("Type the amount that was paid; £0.00 changes nothing."));
  else if (*pence > CP_BUDGET_MAX_PAYMENT_PENCE || *pence < -CP_BUDGET_MAX_PAYMENT_PENCE)
    {
      g_autofree char *limit = cp_money_format (CP_BUDGET_MAX_PAYMENT_PENCE);
      /* Translators: %s is the largest payment, e.g. £250,000.00 */
      message = g_strdup_printf (_("One payment cannot be more than %s. Check for a typing slip."), limit);
    }
  set_error (GTK_WIDGET (self->amount_entry), self->amount_error, message);
  return message == NULL;
}

static gboolean
read_payee (CpPaymentForm *self)
{
  g_autofree char *payee = g_strstrip (g_strdup (entry_text (self->payee_entry)));
  gboolean ok = *payee != '\0';

  set_error (GTK_WIDGET (self->payee_entry), self->payee_error,
             ok ? NULL : _("Type who was paid, for example “Sunrise Care”."));
  return ok;
}

static const char *
selected_id (GtkDropDown *dropdown, GPtrArray *ids)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  return ids != NULL && position < ids->len ? g_ptr_array_index (ids, position) : NULL;
}

static CpPayment *
build_payment (CpPaymentForm *self, const char *paid_on, gint64 pence)
{
  CpPayment *payment = cp_payment_new (self->plan_id);
  g_autofree char *payee = g_strstrip (g_strdup (entry_text (self->payee_entry)));
  g_autofree char *reference = g_strstrip (g_strdup (entry_text (self->reference_entry)));
  g_autofree char *note = g_strstrip (g_strdup (entry_text (self->note_entry)));
  guint method = gtk_drop_down_get_selected (self->method_dropdown);

  g_object_set (payment,
                "paid-on", paid_on,
                "payee", payee,
                "amount-pence", pence,
                "budget-line-id", selected_id (self->line_dropdown, self->line_ids),
                "stream-id", selected_id (self->stream_dropdown, self->stream_ids),
                "method", method < G_N_ELEMENTS (method_labels) ? (int) method : 0,
                "reference", reference,
                "note", note,
                NULL);
  return payment;
}

/* Clears what changes from one payment to the next. */
static void
ready_for_next (CpPaymentForm *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->payee_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reference_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  set_form_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->payee_entry));
}

static gboolean
store_payment (CpPaymentForm *self, CpPayment *payment)
{
  g_autoptr(GError) error = NULL;

  if (!cp_store_insert (self->store, CP_RECORD (payment), &error))
    {
      set_form_error (self, error->message);
      return FALSE;
    }
  ready_for_next (self);
  g_signal_emit (self, signals[PAYMENT_ADDED], 0, cp_record_get_id (CP_RECORD (payment)));
  return TRUE;
}

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  CpPaymentForm *self = CP_PAYMENT_FORM (data);
  CpPayment *payment = g_object_get_data (G_OBJECT (dialog), "payment");

  self->confirm = NULL;
  if (g_strcmp0 (response, "add") == 0)
    store_payment (self, payment);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->payee_entry));
}

/* Excluded spending is warned about and confirmed, never silently blocked. */
static void
ask_to_confirm (CpPaymentForm *self, CpPayment *payment, const char *warning)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Add This Payment?"), warning);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", warning,
                                  _("Add it only if it is right: the council or NHS may ask for the money back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "add", _("_Add Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "payment", g_object_ref (payment), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  self->confirm = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
cp_payment_form_submit (CpPaymentForm *self)
{
  g_autofree char *paid_on = NULL;
  g_autofree char *warning = NULL;
  g_autoptr(CpPayment) payment = NULL;
  gboolean payee_ok;
  gboolean amount_ok;
  gint64 pence = 0;

  g_return_val_if_fail (CP_IS_PAYMENT_FORM (self), FALSE);
  if (self->store == NULL || self->plan_id == NULL)
    return FALSE;

  paid_on = read_date (self);
  payee_ok = read_payee (self);
  amount_ok = read_amount (self, &pence);
  /* The cursor goes to the first box that needs attention. */
  if (paid_on == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
  else if (!payee_ok)
    gtk_widget_grab_focus (GTK_WIDGET (self->payee_entry));
  else if (!amount_ok)
    gtk_widget_grab_focus (GTK_WIDGET (self->amount_entry));
  if (paid_on == NULL || !payee_ok || !amount_ok)
    return FALSE;

  payment = build_payment (self, paid_on, pence);
  warning = cp_excluded_spending_check (cp_record_get_string (CP_RECORD (payment), "payee"),
                                        cp_record_get_string (CP_RECORD (payment), "note"));
  if (warning != NULL)
    {
      ask_to_confirm (self, payment, warning);
      return FALSE;
    }
  return store_payment (self, payment);
}

static void
entry_activate_cb (CpPaymentForm *self, GtkEntry *entry)
{
  cp_payment_form_submit (self);
}

static void
add_clicked_cb (CpPaymentForm *self, GtkButton *button)
{
  cp_payment_form_submit (self);
}

/* A correction clears its own message; the others stay until the next try. */
static void
entry_changed_cb (CpPaymentForm *self, GtkEditable *entry)
{
  if (entry == GTK_EDITABLE (self->date_entry))
    set_error (GTK_WIDGET (entry), self->date_error, NULL);
  else if (entry == GTK_EDITABLE (self->payee_entry))
    set_error (GTK_WIDGET (entry), self->payee_error, NULL);
  else if (entry == GTK_EDITABLE (self->amount_entry))
    set_error (GTK_WIDGET (entry), self->amount_error, NULL);
}

/* Choosing a line chooses the stream that pays for it. */
static void
line_selected_cb (CpPaymentForm *self, GParamSpec *pspec, GtkDropDown *dropdown)
{
  const char *line_id = selected_id (self->line_dropdown, self->line_ids);
  const char *stream_id = line_id ? g_hash_table_lookup (self->line_streams, line_id) : NULL;

  if (stream_id == NULL)
    return;
  for (guint i = 1; i < self->stream_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->stream_ids, i), stream_id) == 0)
      gtk_drop_down_set_selected (self->stream_dropdown, i);
}

static void
fill_lines (CpPaymentForm *self, GtkStringList *names)
{
  g_autoptr(CpRecordList) lines = cp_record_list_new (self->store, CP_TYPE_BUDGET_LINE, self->plan_id);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (lines));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRecord) line = g_list_model_get_item (G_LIST_MODEL (lines), i);
      const char *category = cp_record_get_string (line, "category");
      const char *description = cp_record_get_string (line, "description");

      gtk_string_list_append (names, category && *category ? cp_budget_category_name (category) : description);
      g_ptr_array_add (self->line_ids, g_strdup (cp_record_get_id (line)));
      g_hash_table_insert (self->line_streams, g_strdup (cp_record_get_id (line)),
                           g_strdup (cp_record_get_string (line, "stream-id")));
    }
}

static void
fill_streams (CpPaymentForm *self, GtkStringList *names)
{
  g_autoptr(CpRecordList) streams = cp_record_list_new (self->store, CP_TYPE_FUNDING_STREAM, self->plan_id);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (streams));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRecord) stream = g_list_model_get_item (G_LIST_MODEL (streams), i);
      const char *name = cp_record_get_string (stream, "name");
      int funder;

      g_object_get (stream, "funder", &funder, NULL);
      gtk_string_list_append (names, name && *name ? name : funder_label (funder));
      g_ptr_array_add (self->stream_ids, g_strdup (cp_record_get_id (stream)));
    }
}

void
cp_payment_form_reload_lists (CpPaymentForm *self)
{
  g_autoptr(GtkStringList) lines = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) streams = gtk_string_list_new (NULL);

  g_return_if_fail (CP_IS_PAYMENT_FORM (self));
  g_ptr_array_set_size (self->line_ids, 0);
  g_ptr_array_set_size (self->stream_ids, 0);
  g_hash_table_remove_all (self->line_streams);
  gtk_string_list_append (lines, _("No budget line"));
  g_ptr_array_add (self->line_ids, NULL);
  gtk_string_list_append (streams, _("Not set"));
  g_ptr_array_add (self->stream_ids, NULL);
  if (self->store != NULL && self->plan_id != NULL)
    {
      fill_lines (self, lines);
      fill_streams (self, streams);
    }
  gtk_drop_down_set_model (self->line_dropdown, G_LIST_MODEL (lines));
  gtk_drop_down_set_model (self->stream_dropdown, G_LIST_MODEL (streams));
}

void
cp_payment_form_set_plan (CpPaymentForm *self, CpStore *store, const char *plan_id)
{
  g_return_if_fail (CP_IS_PAYMENT_FORM (self));

  g_set_object (&self->store, store);
  g_free (self->plan_id);
  self->plan_id = g_strdup (plan_id);
  cp_payment_form_reload_lists (self);
  set_error (GTK_WIDGET (self->date_entry), self->date_error, NULL);
  set_error (GTK_WIDGET (self->payee_entry), self->payee_error, NULL);
  set_error (GTK_WIDGET (self->amount_entry), self->amount_error, NULL);
  set_form_error (self, NULL);
}

void
cp_payment_form_focus_first (CpPaymentForm *self)
{
  g_return_if_fail (CP_IS_PAYMENT_FORM (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->payee_entry));
}

static void
cp_payment_form_dispose (GObject *object)
{
  CpPaymentForm *self = CP_PAYMENT_FORM (object);

  if (self->confirm != NULL)
    gtk_window_destroy (GTK_WINDOW (self->confirm));
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_PAYMENT_FORM);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_payment_form_parent_class)->dispose (object);
}

static void
cp_payment_form_finalize (GObject *object)
{
  CpPaymentForm *self = CP_PAYMENT_FORM (object);

  g_free (self->plan_id);
  g_ptr_array_unref (self->line_ids);
  g_ptr_array_unref (self->stream_ids);
  g_hash_table_unref (self->line_streams);
  G_OBJECT_CLASS (cp_payment_form_parent_class)->finalize (object);
}

static void
cp_payment_form_class_init (CpPaymentFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_payment_form_dispose;
  object_class->finalize = cp_payment_form_finalize;

  /* The id of the payment just stored. */
  signals[PAYMENT_ADDED] = g_signal_new ("payment-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-payment-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, date_entry);
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, date_error);
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, payee_entry);
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, payee_error);
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, amount_error);
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, line_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, stream_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, reference_entry);
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, note_entry);
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, add_button);
  gtk_widget_class_bind_template_child (widget_class, CpPaymentForm, form_error);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
cp_payment_form_init (CpPaymentForm *self)
{
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  g_autofree char *today = today_typed ();

  self->line_ids = g_ptr_array_new_with_free_func (g_free);
  self->stream_ids = g_ptr_array_new_with_free_func (g_free);
  self->line_streams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (method_labels); i++)
    gtk_string_list_append (methods, _(method_labels[i]));
  gtk_drop_down_set_model (self->method_dropdown, G_LIST_MODEL (methods));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  g_signal_connect_object (self->line_dropdown, "notify::selected", G_CALLBACK (line_selected_cb),
                           self, G_CONNECT_SWAPPED);
  cp_payment_form_reload_lists (self);
}
