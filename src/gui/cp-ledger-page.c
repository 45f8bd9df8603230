/* cp-ledger-page.c — the Spending tab: record payments, keep receipts, correct mistakes
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form on top takes payments from the keyboard; the list below is a
 * GtkColumnView straight over CpLedger, which reads 64 rows at a time, so
 * a plan with 100,000 payments opens as fast as one with ten. Sorting
 * and filtering happen in SQL: the column headers only tell the ledger
 * which order to ask for. A payment is never edited or deleted here; a
 * mistake is corrected by a reversing entry, and both rows say so.
 */
#include <glib/gi18n.h>

#include "cp-budget-categories.h"
#include "cp-budget-rules.h"
#include "cp-budget-summary.h"
#include "cp-ledger-page.h"
#include "cp-payment-form.h"
#include "cp-person-tab.h"
#include "cp-receipt-viewer.h"
#include "cp-statement-import-dialog.h"

typedef enum
{
  COLUMN_DATE,
  COLUMN_PAYEE,
  COLUMN_LINE,
  COLUMN_AMOUNT,
  COLUMN_LEFT,
  COLUMN_RECEIPT,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

struct _CpLedgerPage
{
  AdwBin              parent_instance;

  CpStore            *store;
  char               *person_id;
  char               *plan_id;
  CpLedger           *ledger;
  GtkSingleSelection *selection;
  GPtrArray          *filter_line_ids;
  GPtrArray          *filter_stream_ids;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkWidget          *menu;
  char               *totals_text;
  /* The chosen payment, chosen again after the list refreshes. */
  char               *selected_id;
  guint               lists_source;
  guint               reselect_source;
  /* Which column's sorter ran last: how the header's sort is read on 4.8. */
  int                 probed_column;

  /* template children */
  GtkStack           *stack;
  GtkBox             *header_box;
  GtkLabel           *totals_label;
  GtkLabel           *left_label;
  CpPaymentForm      *form;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *line_filter;
  GtkDropDown        *stream_filter;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkLabel           *shown_label;
  GtkColumnView      *column_view;
  GMenuModel         *row_menu;
};

static void cp_ledger_page_tab_init (CpPersonTabInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpLedgerPage, cp_ledger_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CP_TYPE_PERSON_TAB, cp_ledger_page_tab_init))

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static void
show_toast (CpLedgerPage *self, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static GtkWindow *
parent_window (CpLedgerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (CpLedgerPage *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static CpLedgerEntry *
selected_entry (CpLedgerPage *self)
{
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static char *
long_date (const char *iso)
{
  g_autoptr(GDate) date = iso ? cp_date_parse_iso (iso, NULL) : NULL;

  return date ? cp_date_format_long (date) : g_strdup (iso ? iso : "");
}

/* "Sunrise Care, £12.50 on 3 April 2026": how dialogs name a payment. */
static char *
describe_payment (CpLedgerEntry *entry)
{
  CpRecord *payment = CP_RECORD (cp_ledger_entry_get_payment (entry));
  g_autofree char *amount = cp_money_format (cp_record_get_int64 (payment, "amount-pence"));
  g_autofree char *date = long_date (cp_record_get_string (payment, "paid-on"));

  /* Translators: payee, amount and date of a payment */
  return g_strdup_printf (_("%s, %s on %s"), cp_record_get_string (payment, "payee"), amount, date);
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static char *
receipt_text (CpLedgerEntry *entry)
{
  guint n = cp_ledger_entry_get_n_receipts (entry);

  if (n == 0)
    return g_strdup (_("No receipt"));
  return g_strdup_printf (g_dngettext (NULL, "Receipt kept", "%u receipts kept", n), n);
}

static char *
status_text (CpLedgerEntry *entry)
{
  if (cp_ledger_entry_get_reversed_by (entry) != NULL)
    return g_strdup (_("Reversed"));
  if (cp_ledger_entry_get_reverses (entry) != NULL)
    return g_strdup (_("Reversal of an earlier payment"));
  return g_strdup ("");
}

static char *
cell_text (Column column, CpLedgerEntry *entry)
{
  CpRecord *payment = CP_RECORD (cp_ledger_entry_get_payment (entry));
  const char *line;

  switch (column)
    {
    case COLUMN_DATE:    return long_date (cp_record_get_string (payment, "paid-on"));
    case COLUMN_PAYEE:   return g_strdup (cp_record_get_string (payment, "payee"));
    case COLUMN_LINE:
      line = cp_ledger_entry_get_line_name (entry);
      return g_strdup (*line ? line : _("No budget line"));
    case COLUMN_AMOUNT:  return cp_money_format (cp_record_get_int64 (payment, "amount-pence"));
    case COLUMN_LEFT:    return cp_money_format (cp_ledger_entry_get_left_pence (entry));
    case COLUMN_RECEIPT: return receipt_text (entry);
    case COLUMN_STATUS:  return status_text (entry);
    case N_COLUMNS:
    default:             g_assert_not_reached ();
    }
  return NULL;
}

static void popup_menu_at (CpLedgerPage *self, GtkWidget *widget, double x, double y);

static void
cell_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, gpointer data)
{
  GtkListItem *item = data;
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  CpLedgerPage *self = CP_LEDGER_PAGE (gtk_widget_get_ancestor (widget, CP_TYPE_LEDGER_PAGE));
  guint position = gtk_list_item_get_position (item);

  if (self == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  popup_menu_at (self, widget, x, y);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  Column column = GPOINTER_TO_INT (data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkGesture *gesture = gtk_gesture_click_new ();

  if (column == COLUMN_RECEIPT)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("mail-attachment-symbolic");

      /* The words beside it say the same: the icon is decoration. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_set_visible (icon, FALSE);
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_AMOUNT || column == COLUMN_LEFT ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (column == COLUMN_AMOUNT || column == COLUMN_LEFT)
    gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (cell_pressed_cb), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (gesture));
  gtk_list_item_set_child (item, box);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  Column column = GPOINTER_TO_INT (data);
  CpLedgerEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_last_child (box);
  g_autofree char *text = entry ? cell_text (column, entry) : g_strdup ("");

  gtk_label_set_label (GTK_LABEL (label), text);
  if (column == COLUMN_RECEIPT)
    gtk_widget_set_visible (gtk_widget_get_first_child (box),
                            entry != NULL && cp_ledger_entry_get_n_receipts (entry) > 0);
  if (column == COLUMN_LEFT)
    {
      if (entry != NULL && cp_ledger_entry_get_left_pence (entry) < 0)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
    }
  if (column == COLUMN_STATUS || column == COLUMN_AMOUNT)
    {
      gboolean reversed = entry != NULL && cp_ledger_entry_get_reversed_by (entry) != NULL;

      if (reversed)
        gtk_widget_add_css_class (label, "dim-label");
      else
        gtk_widget_remove_css_class (label, "dim-label");
    }
}

/* ------------------------------------------------------------------ */
/* Sorting: the header's sorter is read by probing it (4.8 has no API). */

static int
probe_compare_cb (gconstpointer a, gconstpointer b, gpointer data)
{
  CpLedgerPage *self = g_object_get_data (G_OBJECT (a), "page");

  if (self != NULL)
    self->probed_column = GPOINTER_TO_INT (data);
  return GTK_ORDERING_SMALLER;
}

static void
view_sorter_changed_cb (CpLedgerPage *self, GtkSorterChange change, GtkSorter *sorter)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;
  CpLedgerSort sort;

  if (self->ledger == NULL)
    return;
  g_object_set_data (a, "page", self);
  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  switch (self->probed_column)
    {
    case COLUMN_PAYEE:  sort = CP_LEDGER_SORT_PAYEE; break;
    case COLUMN_AMOUNT: sort = CP_LEDGER_SORT_AMOUNT; break;
    case COLUMN_DATE:
    default:            sort = CP_LEDGER_SORT_DATE; break;
    }
  /* No column chosen: newest first, as the list opens. */
  cp_ledger_set_sort (self->ledger, sort, self->probed_column < 0 || order == GTK_ORDERING_LARGER);
}

static void
add_column (CpLedgerPage *self, Column column, const char *title, gboolean sortable, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (sortable)
    {
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb,
                                                                      GINT_TO_POINTER (column), NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
    }
  gtk_column_view_append_column (self->column_view, view_column);
  self->columns[column] = view_column;
  g_object_unref (view_column);
}

static void
build_columns (CpLedgerPage *self)
{
  add_column (self, COLUMN_DATE, _("Date"), TRUE, FALSE);
  add_column (self, COLUMN_PAYEE, _("Paid to"), TRUE, TRUE);
  add_column (self, COLUMN_LINE, _("Budget line"), FALSE, TRUE);
  add_column (self, COLUMN_AMOUNT, _("Amount"), TRUE, FALSE);
  add_column (self, COLUMN_LEFT, _("Left after this"), FALSE, FALSE);
  add_column (self, COLUMN_RECEIPT, _("Receipt"), FALSE, FALSE);
  add_column (self, COLUMN_STATUS, _("Corrections"), FALSE, FALSE);
}

/* ------------------------------------------------------------------ */
/* Totals and the actions' state                                       */

static void
update_actions (CpLedgerPage *self)
{
  CpLedgerEntry *entry = selected_entry (self);
  gboolean has_receipt = entry != NULL && cp_ledger_entry_get_n_receipts (entry) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.reverse",
                                 entry != NULL && cp_ledger_entry_can_reverse (entry));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.attach", entry != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.view", has_receipt);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.remove-receipt", has_receipt);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.menu", entry != NULL);
}

static void
update_totals (CpLedgerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *spent = NULL;
  g_autofree char *agreed = NULL;
  g_autofree char *left = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *left_text = NULL;
  g_autofree char *shown_text = NULL;
  CpLedgerTotals totals;

  if (self->ledger == NULL)
    return;
  if (!cp_ledger_get_totals (self->ledger, &totals, &error))
    {
      gtk_label_set_label (self->totals_label, error->message);
      return;
    }
  spent = cp_money_format (totals.spent_pence);
  agreed = cp_money_format (totals.agreed_pence);
  left = cp_money_format (ABS (totals.agreed_pence - totals.spent_pence));
  shown = cp_money_format (totals.shown_pence);
  g_free (self->totals_text);
  /* Translators: "Spent so far: £1,234.00 of £20,000.00" */
  self->totals_text = g_strdup_printf (_("Spent so far: %s of %s"), spent, agreed);
  gtk_label_set_label (self->totals_label, self->totals_text);
  if (totals.spent_pence > totals.agreed_pence)
    left_text = g_strdup_printf (_("%s over budget."), left);
  else
    left_text = g_strdup_printf (_("%s left to spend."), left);
  gtk_label_set_label (self->left_label, left_text);
  shown_text = g_strdup_printf (g_dngettext (NULL, "%u payment shown, together %s.",
                                             "%u payments shown, together %s.", totals.n_shown),
                                totals.n_shown, shown);
  gtk_label_set_label (self->shown_label, shown_text);
}

static gboolean
reselect_idle_cb (gpointer data)
{
  CpLedgerPage *self = data;
  guint found;

  self->reselect_source = 0;
  if (self->ledger == NULL || self->selected_id == NULL || selected_entry (self) != NULL)
    return G_SOURCE_REMOVE;
  found = cp_ledger_find_position (self->ledger, self->selected_id);
  if (found != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, found);
  return G_SOURCE_REMOVE;
}

/* A refresh replaces every row. The same payment is chosen again once the
 * views have caught up (choosing inside this emission left the 4.8
 * column view blank). */
static void
ledger_items_changed_cb (CpLedgerPage *self, guint position, guint removed, guint added, GListModel *model)
{
  if (self->selected_id != NULL && self->reselect_source == 0)
    self->reselect_source = g_idle_add (reselect_idle_cb, self);
  update_totals (self);
  update_actions (self);
}

static void
selection_changed_cb (CpLedgerPage *self, GParamSpec *pspec, GtkSingleSelection *selection)
{
  CpLedgerEntry *entry = selected_entry (self);

  if (entry != NULL)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (cp_ledger_entry_get_id (entry));
    }
  update_actions (self);
}

/* ------------------------------------------------------------------ */
/* Filters                                                             */

static void
fill_filter (CpLedgerPage *self, GtkDropDown *dropdown, GPtrArray *ids, GType type, const char *all)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(CpRecordList) records = NULL;
  guint n;

  g_ptr_array_set_size (ids, 0);
  gtk_string_list_append (names, all);
  g_ptr_array_add (ids, NULL);
  if (self->plan_id != NULL)
    {
      records = cp_record_list_new (self->store, type, self->plan_id);
      n = g_list_model_get_n_items (G_LIST_MODEL (records));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CpRecord) record = g_list_model_get_item (G_LIST_MODEL (records), i);
          const char *name = cp_record_get_string (record, type == CP_TYPE_BUDGET_LINE ? "category" : "name");

          if (name == NULL || *name == '\0')
            name = type == CP_TYPE_BUDGET_LINE ? cp_record_get_string (record, "description") : _("Funding stream");
          else if (type == CP_TYPE_BUDGET_LINE)
            name = cp_budget_category_name (name);
          gtk_string_list_append (names, name);
          g_ptr_array_add (ids, g_strdup (cp_record_get_id (record)));
        }
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
reload_lists (CpLedgerPage *self)
{
  g_clear_handle_id (&self->lists_source, g_source_remove);
  fill_filter (self, self->line_filter, self->filter_line_ids, CP_TYPE_BUDGET_LINE, _("All budget lines"));
  fill_filter (self, self->stream_filter, self->filter_stream_ids, CP_TYPE_FUNDING_STREAM,
               _("All funding streams"));
  cp_payment_form_reload_lists (self->form);
}

static gboolean
lists_idle_cb (gpointer data)
{
  CpLedgerPage *self = data;

  self->lists_source = 0;
  reload_lists (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CpLedgerPage *self, const char *table, const char *id, CpStore *store)
{
  if (g_strcmp0 (table, "budget_line") != 0 && g_strcmp0 (table, "funding_stream") != 0)
    return;
  if (self->lists_source == 0)
    self->lists_source = g_idle_add (lists_idle_cb, self);
}

static void
filter_selected_cb (CpLedgerPage *self, GParamSpec *pspec, GtkDropDown *dropdown)
{
  GPtrArray *ids = dropdown == self->line_filter ? self->filter_line_ids : self->filter_stream_ids;
  guint position = gtk_drop_down_get_selected (dropdown);
  const char *id = position < ids->len ? g_ptr_array_index (ids, position) : NULL;

  if (self->ledger == NULL)
    return;
  if (dropdown == self->line_filter)
    cp_ledger_set_line_id (self->ledger, id);
  else
    cp_ledger_set_stream_id (self->ledger, id);
  update_totals (self);
}

static void
search_changed_cb (CpLedgerPage *self, GtkSearchEntry *entry)
{
  if (self->ledger != NULL)
    cp_ledger_set_search (self->ledger, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* An unfinished or wrong date is marked and left out of the filter. */
static char *
filter_date (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expanded = NULL;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
      return NULL;
    }
  expanded = cp_payment_form_expand_date (text, g_date_time_get_year (now));
  date = cp_date_parse_user (expanded, &error);
  if (date == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
      return NULL;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
  return cp_date_to_iso (date);
}

static void
dates_changed_cb (CpLedgerPage *self, GtkEditable *editable)
{
  g_autofree char *from = filter_date (self->from_entry);
  g_autofree char *to = filter_date (self->to_entry);

  if (self->ledger != NULL)
    cp_ledger_set_date_range (self->ledger, from, to);
}

/* ------------------------------------------------------------------ */
/* Row actions                                                         */

static void
popup_menu_at (CpLedgerPage *self, GtkWidget *widget, double x, double y)
{
  graphene_point_t point;

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Shift+F10 or the Menu key: the menu beside the list. */
static void
menu_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CpLedgerPage *self = CP_LEDGER_PAGE (widget);

  popup_menu_at (self, GTK_WIDGET (self->column_view), 24, 24);
}

gboolean
cp_ledger_page_reverse_selected (CpLedgerPage *self, const char *reason, GError **error)
{
  CpLedgerEntry *entry = selected_entry (self);
  g_autoptr(CpPayment) reversal = NULL;

  g_return_val_if_fail (CP_IS_LEDGER_PAGE (self), FALSE);
  if (entry == NULL)
    return FALSE;
  reversal = cp_payment_reverse (self->store, cp_ledger_entry_get_id (entry), reason, error);
  if (reversal == NULL)
    return FALSE;
  show_toast (self, _("The payment was reversed. Both entries stay in the list."));
  return TRUE;
}

static void
reverse_response_cb (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  CpLedgerPage *self = CP_LEDGER_PAGE (data);
  GtkEditable *reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reverse") != 0)
    return;
  if (!cp_ledger_page_reverse_selected (self, gtk_editable_get_text (reason), &error) && error != NULL)
    show_error (self, _("The Payment Was Not Reversed"), error->message);
}

static void
reason_activate_cb (GtkEntry *entry, gpointer data)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (data), "reverse");
  gtk_window_close (GTK_WINDOW (data));
}

static void
reverse_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CpLedgerPage *self = CP_LEDGER_PAGE (widget);
  CpLedgerEntry *entry = selected_entry (self);
  g_autofree char *what = NULL;
  GtkWidget *dialog;
  GtkWidget *reason;

  if (entry == NULL)
    return;
  what = describe_payment (entry);
  dialog = adw_message_dialog_new (parent_window (self), _("Reverse This Payment?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s\n\nA reversing entry of the opposite amount is added, dated today. "
                                    "The payment itself stays in the list, marked as reversed. "
                                    "Say why, so anyone checking the accounts understands."), what);
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("For example: charged twice"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why it is being reversed"), -1);
  g_signal_connect_object (reason, "activate", G_CALLBACK (reason_activate_cb), dialog, 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), reason);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "reverse", _("_Reverse"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reverse", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reverse_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (reason);
}

gboolean
cp_ledger_page_attach_file (CpLedgerPage *self, GFile *file, GError **error)
{
  CpLedgerEntry *entry = selected_entry (self);
  g_autoptr(CpReceipt) receipt = NULL;

  g_return_val_if_fail (CP_IS_LEDGER_PAGE (self), FALSE);
  if (entry == NULL)
    return FALSE;
  receipt = cp_receipts_attach_file (self->store, cp_ledger_entry_get_id (entry), file, error);
  if (receipt == NULL)
    return FALSE;
  show_toast (self, _("The receipt is kept with the payment."));
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, gpointer data)
{
  CpLedgerPage *self = CP_LEDGER_PAGE (data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && !cp_ledger_page_attach_file (self, file, &error) && error != NULL)
    show_error (self, _("The Receipt Was Not Attached"), error->message);
  g_object_unref (chooser);
}

static void
attach_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CpLedgerPage *self = CP_LEDGER_PAGE (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  static const char *const types[] = { "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf" };

  if (selected_entry (self) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Attach a Receipt"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Photos and PDF documents"));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    gtk_file_filter_add_mime_type (filter, types[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The newest receipt of the chosen payment, with its bytes. */
static CpReceipt *
newest_receipt (CpLedgerPage *self, GError **error)
{
  CpLedgerEntry *entry = selected_entry (self);
  g_autoptr(GPtrArray) receipts = NULL;

  if (entry == NULL)
    return NULL;
  receipts = cp_receipts_list (self->store, cp_ledger_entry_get_id (entry), error);
  if (receipts == NULL || receipts->len == 0)
    return NULL;
  return cp_receipts_load (self->store, cp_record_get_id (g_ptr_array_index (receipts, receipts->len - 1)), error);
}

static void
view_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CpLedgerPage *self = CP_LEDGER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpReceipt) receipt = newest_receipt (self, &error);
  g_autofree char *what = NULL;
  CpReceiptViewer *viewer;

  if (receipt == NULL)
    {
      if (error != NULL)
        show_error (self, _("The Receipt Could Not Be Shown"), error->message);
      return;
    }
  what = describe_payment (selected_entry (self));
  viewer = cp_receipt_viewer_new (parent_window (self), self->store, receipt, what);
  gtk_window_present (GTK_WINDOW (viewer));
  /* GTK 4.8 cannot draw a PDF: the desktop's viewer opens it. */
  if (!cp_receipts_is_image (cp_record_get_string (CP_RECORD (receipt), "mime-type")))
    {
      g_autoptr(GFile) file = cp_receipt_viewer_open_in_app (receipt, TRUE, &error);

      if (file == NULL)
        g_debug ("Could not open the PDF: %s", error->message);
    }
}

static void
remove_response_cb (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  CpLedgerPage *self = CP_LEDGER_PAGE (data);
  const char *receipt_id = g_object_get_data (G_OBJECT (dialog), "receipt-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!cp_receipts_remove (self->store, receipt_id, &error))
    show_error (self, _("The Receipt Was Not Removed"), error->message);
}

static void
remove_receipt_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CpLedgerPage *self = CP_LEDGER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpReceipt) receipt = newest_receipt (self, &error);
  const char *filename;
  GtkWidget *dialog;

  if (receipt == NULL)
    return;
  filename = cp_record_get_string (CP_RECORD (receipt), "filename");
  dialog = adw_message_dialog_new (parent_window (self), _("Remove This Receipt?"), NULL);
  /* Translators: %s is a file name such as "IMG_2041.jpg" */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” is taken off the payment. The payment itself stays."),
                                  filename && *filename ? filename : _("Receipt"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "receipt-id",
                          g_strdup (cp_record_get_id (CP_RECORD (receipt))), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* B3's import window; the list refreshes from the store's changes. */
static void
import_clicked_cb (CpLedgerPage *self, GtkButton *button)
{
  if (self->store != NULL && self->plan_id != NULL)
    cp_statement_import_dialog_present (GTK_WIDGET (self), self->store, self->plan_id);
}

/* ------------------------------------------------------------------ */
/* The person's plan                                                   */

static void
payment_added_cb (CpLedgerPage *self, const char *payment_id, CpPaymentForm *form)
{
  g_autofree char *text = NULL;

  /* Show it at once, not on the next idle: the list and totals agree. */
  if (self->ledger != NULL)
    cp_ledger_refresh (self->ledger);
  text = g_strdup (_("Payment added."));
  show_toast (self, text);
}

static void
clear_ledger (CpLedgerPage *self)
{
  if (self->ledger != NULL)
    g_signal_handlers_disconnect_by_data (self->ledger, self);
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_object (&self->ledger);
  g_clear_pointer (&self->plan_id, g_free);
}

static void
show_plan (CpLedgerPage *self)
{
  CpBudgetSummary summary = { 0 };
  g_autoptr(GError) error = NULL;

  clear_ledger (self);
  if (self->store != NULL && self->person_id != NULL &&
      cp_budget_summary_load (self->store, self->person_id, NULL, &summary, &error) && summary.has_plan)
    self->plan_id = g_strdup (summary.plan_id);
  cp_budget_summary_clear (&summary);
  cp_payment_form_set_plan (self->form, self->store, self->plan_id);
  gtk_stack_set_visible_child_name (self->stack, self->plan_id ? "ledger" : "no-plan");
  if (self->plan_id == NULL)
    return;
  self->ledger = cp_ledger_new (self->store, self->plan_id);
  view_sorter_changed_cb (self, GTK_SORTER_CHANGE_DIFFERENT, gtk_column_view_get_sorter (self->column_view));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  reload_lists (self);
  g_signal_connect_object (self->ledger, "items-changed", G_CALLBACK (ledger_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->ledger));
  update_totals (self);
  update_actions (self);
}

static void
cp_ledger_page_set_store (CpPersonTab *tab, CpStore *store)
{
  CpLedgerPage *self = CP_LEDGER_PAGE (tab);

  if (self->store == store)
    return;
  clear_ledger (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  show_plan (self);
}

static gboolean
cp_ledger_page_set_person_id (CpPersonTab *tab, const char *person_id)
{
  CpLedgerPage *self = CP_LEDGER_PAGE (tab);

  if (g_strcmp0 (self->person_id, person_id) == 0 && self->ledger != NULL)
    return TRUE;
  g_free (self->person_id);
  self->person_id = g_strdup (person_id);
  show_plan (self);
  return TRUE;
}

static void
cp_ledger_page_tab_init (CpPersonTabInterface *iface)
{
  iface->set_store = cp_ledger_page_set_store;
  iface->set_person_id = cp_ledger_page_set_person_id;
}

/* ------------------------------------------------------------------ */

static void
cp_ledger_page_dispose (GObject *object)
{
  CpLedgerPage *self = CP_LEDGER_PAGE (object);

  g_clear_handle_id (&self->lists_source, g_source_remove);
  g_clear_handle_id (&self->reselect_source, g_source_remove);
  if (self->selection != NULL)
    clear_ledger (self);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  /* No gtk_widget_dispose_template(): the stack is the bin's own child,
   * which AdwBin unparents (disposing it twice is a critical on 4.8). */
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_ledger_page_parent_class)->dispose (object);
}

static void
cp_ledger_page_finalize (GObject *object)
{
  CpLedgerPage *self = CP_LEDGER_PAGE (object);

  g_free (self->person_id);
  g_free (self->plan_id);
  g_free (self->totals_text);
  g_free (self->selected_id);
  g_ptr_array_unref (self->filter_line_ids);
  g_ptr_array_unref (self->filter_stream_ids);
  G_OBJECT_CLASS (cp_ledger_page_parent_class)->finalize (object);
}

static void
cp_ledger_page_class_init (CpLedgerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_ledger_page_dispose;
  object_class->finalize = cp_ledger_page_finalize;

  g_type_ensure (CP_TYPE_PAYMENT_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-ledger-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, left_label);
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, form);
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, line_filter);
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, stream_filter);
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CpLedgerPage, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);

  gtk_widget_class_install_action (widget_class, "ledger.reverse", NULL, reverse_action);
  gtk_widget_class_install_action (widget_class, "ledger.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "ledger.view", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "ledger.remove-receipt", NULL, remove_receipt_action);
  gtk_widget_class_install_action (widget_class, "ledger.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "ledger.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "ledger.menu", NULL);
}

static void
cp_ledger_page_init (CpLedgerPage *self)
{
  self->filter_line_ids = g_ptr_array_new_with_free_func (g_free);
  self->filter_stream_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  build_columns (self);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_DATE], GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (view_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->line_filter, "notify::selected", G_CALLBACK (filter_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stream_filter, "notify::selected", G_CALLBACK (filter_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "payment-added", G_CALLBACK (payment_added_cb),
                           self, G_CONNECT_SWAPPED);
  self->menu = gtk_popover_menu_new_from_model (self->row_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  update_actions (self);
}

CpLedger *
cp_ledger_page_get_ledger (CpLedgerPage *self)
{
  g_return_val_if_fail (CP_IS_LEDGER_PAGE (self), NULL);
  return self->ledger;
}

const char *
cp_ledger_page_get_totals_text (CpLedgerPage *self)
{
  g_return_val_if_fail (CP_IS_LEDGER_PAGE (self), NULL);
  return self->totals_text;
}

void
cp_ledger_page_select (CpLedgerPage *self, guint position)
{
  g_return_if_fail (CP_IS_LEDGER_PAGE (self));
  gtk_single_selection_set_selected (self->selection, position);
}
