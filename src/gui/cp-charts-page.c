/* cp-charts-page.c — the Charts tab: four spending charts and the monitoring return
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each chart sits on a card with its title, a sentence in words, a
 * "Show as Table" toggle for its text alternative (a grid of the same
 * numbers) and "Save Chart…". The figures are loaded once per person and
 * again, in an idle, when payments, lines or streams change.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cp-chart.h"
#include "cp-chart-export.h"
#include "cp-chart-view.h"
#include "cp-charts-page.h"
#include "cp-monitoring-dialog.h"
#include "cp-person-tab.h"

typedef struct
{
  CpChartView *view;
  GtkGrid     *table;
  GtkStack    *stack;
  GtkLabel    *sentence;
  GtkToggleButton *toggle;
} Card;

struct _CpChartsPage
{
  AdwBin        parent_instance;

  CpStore      *store;
  char         *person_id;
  char         *today;
  CpChartData  *data;
  guint         reload_id;
  Card          cards[CP_CHART_N_KINDS];

  /* template children */
  GtkLabel     *summary;
  GtkButton    *monitoring_button;
  GtkBox       *card_box;
};

static void cp_charts_page_tab_init (CpPersonTabInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpChartsPage, cp_charts_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CP_TYPE_PERSON_TAB, cp_charts_page_tab_init))

/* ---------------------------------------------------------------------
 * The tables: the same numbers as the charts
 * ------------------------------------------------------------------- */

static void
table_cell (GtkGrid *grid, int column, int row, const char *text, gboolean number, gboolean heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
table_money (GtkGrid *grid, int column, int row, gint64 pence)
{
  g_autofree char *text = cp_money_format (pence);
  table_cell (grid, column, row, text, TRUE, FALSE);
}

static void
table_headings (GtkGrid *grid, const char *const *headings)
{
  for (int i = 0; headings[i] != NULL; i++)
    table_cell (grid, i, 0, headings[i], i > 0, TRUE);
}

static void
fill_donut (GtkGrid *grid, const CpChartData *data)
{
  const char *headings[] = { _("Category"), _("Spent"), _("Share"), NULL };
  gint64 total = 0;

  table_headings (grid, headings);
  for (guint i = 0; i < data->slices->len; i++)
    total += MAX (g_array_index (data->slices, CpChartSlice, i).amount_pence, 0);
  for (guint i = 0; i < data->slices->len; i++)
    {
      const CpChartSlice *slice = &g_array_index (data->slices, CpChartSlice, i);
      g_autofree char *share = total > 0 ? g_strdup_printf (_("%d%%"), (int) ((MAX (slice->amount_pence, 0) * 100 + total / 2) / total))
                                         : g_strdup ("");

      table_cell (grid, 0, i + 1, slice->label, FALSE, FALSE);
      table_money (grid, 1, i + 1, slice->amount_pence);
      table_cell (grid, 2, i + 1, share, TRUE, FALSE);
    }
}

static void
fill_bars (GtkGrid *grid, const CpChartData *data)
{
  const char *headings[] = { _("Budget line"), _("Planned"), _("Spent"), _("Over or under"), NULL };

  table_headings (grid, headings);
  for (guint i = 0; i < data->lines->len; i++)
    {
      const CpChartLine *line = &g_array_index (data->lines, CpChartLine, i);
      gint64 difference = line->spent_pence - line->planned_pence;
      g_autofree char *money = cp_money_format (ABS (difference));
      g_autofree char *words = line->orphan ? g_strdup (_("No plan"))
                               : difference > 0 ? g_strdup_printf (_("%s over"), money)
                               : difference < 0 ? g_strdup_printf (_("%s under"), money) : g_strdup (_("on plan"));

      table_cell (grid, 0, i + 1, line->label, FALSE, FALSE);
      table_money (grid, 1, i + 1, line->planned_pence);
      table_money (grid, 2, i + 1, line->spent_pence);
      table_cell (grid, 3, i + 1, words, TRUE, FALSE);
    }
}

/* Month by month to today: spent by the month's end against the plan. */
static void
fill_burn (GtkGrid *grid, const CpChartData *data)
{
  const char *headings[] = { _("Month"), _("Spent by its end"), _("The plan expected"), NULL };
  g_autoptr(GDate) start = cp_date_parse_iso (data->year_start, NULL);
  GDate month_start = *start;
  int row = 1;

  table_headings (grid, headings);
  while (row <= 13)
    {
      GDate next = month_start;
      gint64 first = (gint64) g_date_get_julian (&month_start) - g_date_get_julian (start);
      gint64 last, spent = 0;
      char name[64];

      if (first > data->today_day || first >= data->n_days)
        break;
      g_date_set_day (&next, 1);
      g_date_add_months (&next, 1);
      last = MIN ((gint64) g_date_get_julian (&next) - g_date_get_julian (start) - 1, (gint64) data->n_days - 1);
      for (guint i = 0; i < data->days->len; i++)
        if (g_array_index (data->days, CpChartDay, i).day <= last)
          spent = g_array_index (data->days, CpChartDay, i).cumulative_pence;
      g_date_strftime (name, sizeof name, "%B %Y", &month_start);
      table_cell (grid, 0, row, name, FALSE, FALSE);
      table_money (grid, 1, row, spent);
      table_money (grid, 2, row, cp_chart_data_planned_by (data, (guint) last));
      row++;
      month_start = next;
    }
  if (data->has_projection)
    {
      table_cell (grid, 0, row, _("At this rate, by the end of the year"), FALSE, FALSE);
      table_money (grid, 1, row, data->projected_pence);
      table_money (grid, 2, row, data->agreed_pence);
    }
}

static void
fill_monthly (GtkGrid *grid, const CpChartData *data)
{
  guint n = data->streams->len;

  table_cell (grid, 0, 0, _("Month"), FALSE, TRUE);
  for (guint s = 0; s < n; s++)
    table_cell (grid, s + 1, 0, data->streams->pdata[s], TRUE, TRUE);
  table_cell (grid, n + 1, 0, _("Total"), TRUE, TRUE);
  for (guint m = 0; m < data->months->len; m++)
    {
      g_autofree char *month = cp_chart_data_month_label (data, m);
      gint64 total = 0;

      table_cell (grid, 0, m + 1, month, FALSE, FALSE);
      for (guint s = 0; s < n; s++)
        {
          gint64 amount = cp_chart_data_get_monthly (data, m, s);
          table_money (grid, s + 1, m + 1, amount);
          total += amount;
        }
      table_money (grid, n + 1, m + 1, total);
    }
}

static void
fill_table (GtkGrid *grid, CpChartKind kind, const CpChartData *data)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
  if (data == NULL || !data->has_plan)
    return;
  switch (kind)
    {
    case CP_CHART_KIND_DONUT:   fill_donut (grid, data); break;
    case CP_CHART_KIND_BARS:    fill_bars (grid, data); break;
    case CP_CHART_KIND_BURN:    fill_burn (grid, data); break;
    case CP_CHART_KIND_MONTHLY: fill_monthly (grid, data); break;
    case CP_CHART_N_KINDS:
    default:                    break;
    }
}

/* ---------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------- */

static void
show_data (CpChartsPage *self, CpChartData *data)
{
  g_autofree char *summary = NULL;

  /* The views borrow the figures: give them the new ones before the old go. */
  for (guint k = 0; k < CP_CHART_N_KINDS; k++)
    cp_chart_view_set_data (self->cards[k].view, data);
  g_clear_pointer (&self->data, cp_chart_data_free);
  self->data = data;
  for (guint k = 0; k < CP_CHART_N_KINDS; k++)
    {
      g_autofree char *description = data != NULL ? cp_chart_dup_detail (k, data) : g_strdup ("");
      fill_table (self->cards[k].table, k, data);
      gtk_label_set_label (self->cards[k].sentence, description);
    }
  summary = data != NULL ? cp_chart_data_dup_summary (data) : g_strdup ("");
  gtk_label_set_label (self->summary, summary);
  gtk_widget_set_sensitive (GTK_WIDGET (self->monitoring_button), data != NULL && data->has_plan);
}

void
cp_charts_page_reload (CpChartsPage *self)
{
  g_autoptr(GError) error = NULL;
  CpChartData *data = NULL;

  g_return_if_fail (CP_IS_CHARTS_PAGE (self));
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL && self->person_id != NULL)
    {
      data = cp_chart_data_load (self->store, self->person_id, self->today, CP_CHART_ALL, &error);
      if (data == NULL)
        g_warning ("Could not load the chart figures: %s", error->message);
    }
  show_data (self, data);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  CpChartsPage *self = user_data;

  self->reload_id = 0;
  cp_charts_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* Many rows change at once in an import: one reload for them all. */
static void
store_changed_cb (CpChartsPage *self, const char *table, const char *id, CpStore *store)
{
  static const char *const watched[] = { "payment", "budget_line", "funding_stream", "plan", NULL };

  if (self->person_id == NULL || !g_strv_contains (watched, table) || self->reload_id != 0)
    return;
  self->reload_id = g_idle_add_full (G_PRIORITY_LOW, reload_idle_cb, self, NULL);
}

static void
set_store (CpPersonTab *tab, CpStore *store)
{
  CpChartsPage *self = CP_CHARTS_PAGE (tab);

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  cp_charts_page_reload (self);
}

static gboolean
set_person_id (CpPersonTab *tab, const char *person_id)
{
  CpChartsPage *self = CP_CHARTS_PAGE (tab);

  g_free (self->person_id);
  self->person_id = g_strdup (person_id);
  cp_charts_page_reload (self);
  return TRUE;
}

static void
cp_charts_page_tab_init (CpPersonTabInterface *iface)
{
  iface->set_store = set_store;
  iface->set_person_id = set_person_id;
}

/* ---------------------------------------------------------------------
 * Cards
 * ------------------------------------------------------------------- */

static void
save_response_cb (GtkNativeDialog *chooser, int response, CpChartView *view)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    {
      /* "My chart", typed without an ending, is saved as a PNG. */
      char *with_format = cp_chart_path_with_default_format (path);
      g_free (path);
      path = with_format;
    }
  if (path != NULL && !cp_chart_view_export (view, path, 1000, 625, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))),
                                                  _("The chart was not saved"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_clicked_cb (GtkButton *button, CpChartView *view)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Save Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_autofree char *name = g_strdup_printf ("%s.png", cp_chart_kind_to_string (cp_chart_view_get_kind (view)));
  GtkFileFilter *filter = gtk_file_filter_new ();

  /* The extension chooses the format: .png, .svg or .pdf. */
  gtk_file_filter_set_name (filter, _("Pictures and documents (PNG, SVG, PDF)"));
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), view);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
table_toggled_cb (GtkToggleButton *toggle, GtkStack *stack)
{
  gtk_stack_set_visible_child_name (stack, gtk_toggle_button_get_active (toggle) ? "table" : "chart");
}

static GtkWidget *
card_header (Card *card, CpChartKind kind)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (cp_chart_kind_get_title (kind));
  GtkWidget *toggle = gtk_toggle_button_new_with_label (_("Show as Table"));
  GtkWidget *save = gtk_button_new_with_label (_("Save Chart…"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  cp_chart_kind_get_title (kind), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  cp_chart_kind_get_title (kind), -1);
  gtk_widget_set_tooltip_text (save, _("Save this chart as a PNG picture, an SVG drawing or a PDF"));
  card->toggle = GTK_TOGGLE_BUTTON (toggle);
  g_signal_connect (toggle, "toggled", G_CALLBACK (table_toggled_cb), card->stack);
  g_signal_connect (save, "clicked", G_CALLBACK (save_clicked_cb), card->view);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), toggle);
  gtk_box_append (GTK_BOX (header), save);
  return header;
}

static GtkWidget *
build_card (Card *card, CpChartKind kind)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *table = gtk_grid_new ();

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "cp-chart-card");
  card->view = CP_CHART_VIEW (cp_chart_view_new (kind));
  card->table = GTK_GRID (table);
  gtk_grid_set_column_spacing (card->table, 18);
  gtk_grid_set_row_spacing (card->table, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cp_chart_kind_get_title (kind), -1);
  card->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (card->stack, GTK_WIDGET (card->view), "chart");
  gtk_stack_add_named (card->stack, table, "table");
  gtk_stack_set_vhomogeneous (card->stack, FALSE);
  card->sentence = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (card->sentence, 0);
  gtk_label_set_wrap (card->sentence, TRUE);
  gtk_box_append (GTK_BOX (box), card_header (card, kind));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->sentence));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (card->stack));
  return box;
}

static void
monitoring_clicked_cb (CpChartsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->store == NULL || self->person_id == NULL)
    return;
  dialog = cp_monitoring_dialog_new (self->store, self->person_id, self->today);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------- */

static void
cp_charts_page_dispose (GObject *object)
{
  CpChartsPage *self = CP_CHARTS_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  for (guint k = 0; k < CP_CHART_N_KINDS; k++)
    if (self->cards[k].view != NULL)
      cp_chart_view_set_data (self->cards[k].view, NULL);
  g_clear_pointer (&self->data, cp_chart_data_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_CHARTS_PAGE);
  memset (self->cards, 0, sizeof self->cards);
  g_clear_object (&self->store);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->today, g_free);
  G_OBJECT_CLASS (cp_charts_page_parent_class)->dispose (object);
}

static void
cp_charts_page_class_init (CpChartsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cp_charts_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpChartsPage, summary);
  gtk_widget_class_bind_template_child (widget_class, CpChartsPage, monitoring_button);
  gtk_widget_class_bind_template_child_full (widget_class, "cards", FALSE,
                                             G_STRUCT_OFFSET (CpChartsPage, card_box));
  gtk_widget_class_bind_template_callback (widget_class, monitoring_clicked_cb);
}

static void
cp_charts_page_init (CpChartsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint k = 0; k < CP_CHART_N_KINDS; k++)
    gtk_box_append (self->card_box, build_card (&self->cards[k], k));
  show_data (self, NULL);
}

GtkWidget *
cp_charts_page_new (void)
{
  return g_object_new (CP_TYPE_CHARTS_PAGE, NULL);
}

void
cp_charts_page_set_today (CpChartsPage *self, const char *today)
{
  g_return_if_fail (CP_IS_CHARTS_PAGE (self));
  g_free (self->today);
  self->today = g_strdup (today);
  cp_charts_page_reload (self);
}

CpChartView *
cp_charts_page_get_view (CpChartsPage *self, CpChartKind kind)
{
  g_return_val_if_fail (CP_IS_CHARTS_PAGE (self) && kind < CP_CHART_N_KINDS, NULL);
  return self->cards[kind].view;
}

GtkGrid *
cp_charts_page_get_table (CpChartsPage *self, CpChartKind kind)
{
  g_return_val_if_fail (CP_IS_CHARTS_PAGE (self) && kind < CP_CHART_N_KINDS, NULL);
  return self->cards[kind].table;
}

void
cp_charts_page_show_table (CpChartsPage *self, CpChartKind kind, gboolean table)
{
  g_return_if_fail (CP_IS_CHARTS_PAGE (self) && kind < CP_CHART_N_KINDS);
  gtk_toggle_button_set_active (self->cards[kind].toggle, table);
}

const char *
cp_charts_page_get_summary (CpChartsPage *self)
{
  g_return_val_if_fail (CP_IS_CHARTS_PAGE (self), NULL);
  return gtk_label_get_label (self->summary);
}
