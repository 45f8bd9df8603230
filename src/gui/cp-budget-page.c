/* cp-budget-page.c — the Budget tab: one person's integrated budget
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the current plan's year of care, its totals (cp-budget-figures:
 * planned, spent, committed, left, the projection), the warnings in
 * words with an icon, never by colour alone, and the funding streams
 * with the budget lines each pays for. Streams and lines are edited in
 * their rows and saved as typed. When the store changes, the figures are
 * worked out again once, in an idle; rows are rebuilt only when streams
 * or lines come or go, so nobody's typing is interrupted.
 */
#include <glib/gi18n.h>

#include "cp-budget-line-row.h"
#include "cp-budget-page.h"
#include "cp-budget-view.h"
#include "cp-funding-stream-row.h"
#include "cp-person-tab.h"

struct _CpBudgetPage
{
  AdwBin           parent_instance;

  CpStore         *store;
  char            *person_id;
  CpBudgetFigures *figures;
  guint            refresh_source;
  /* The streams and lines the rows were built for: rows are rebuilt
   * only when this changes. */
  char            *shape;
  char            *expand_id;   /* a row just added, opened for typing */
  GPtrArray       *stream_rows; /* CpFundingStreamRow, in streams_group */
  GPtrArray       *line_rows;   /* CpBudgetLineRow, in the line groups */
  GPtrArray       *line_groups; /* AdwPreferencesGroup, in lines_box */
  GPtrArray       *warning_rows;

  /* template children */
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkButton       *start_button;
  AdwPreferencesGroup *totals_group;
  CpBudgetView    *budget_view;
  GtkLabel        *agreed_label;
  GtkLabel        *planned_label;
  GtkLabel        *spent_label;
  GtkLabel        *committed_label;
  GtkLabel        *unallocated_label;
  AdwActionRow    *unallocated_row;
  GtkLabel        *remaining_label;
  AdwActionRow    *remaining_row;
  GtkLabel        *projected_label;
  AdwActionRow    *projected_row;
  AdwPreferencesGroup *warnings_group;
  AdwPreferencesGroup *streams_group;
  GtkButton       *add_stream_button;
  GtkBox          *lines_box;
};

static void cp_budget_page_tab_init (CpPersonTabInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpBudgetPage, cp_budget_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CP_TYPE_PERSON_TAB, cp_budget_page_tab_init))

static void refresh (CpBudgetPage *self);

/* ---------------------------------------------------------------------
 * Totals and warnings
 * ------------------------------------------------------------------- */

static void
set_money (GtkLabel *label, gint64 pence)
{
  g_autofree char *text = cp_money_format (pence);
  gtk_label_set_text (label, text);
}

static char *
long_date (const char *iso)
{
  g_autoptr(GDate) date = iso ? cp_date_parse_iso (iso, NULL) : NULL;

  return date ? cp_date_format_long (date) : NULL;
}

static void
show_year (CpBudgetPage *self, CpBudgetFigures *f)
{
  g_autofree char *start = long_date (f->year_start);
  g_autofree char *end = long_date (f->year_end);
  g_autofree char *text = NULL;

  if (start == NULL || end == NULL)
    text = g_strdup (_("The year of care has no dates yet: set them on the Plan tab."));
  else if (f->days_elapsed == 0)
    text = g_strdup_printf (_("%s to %s. The year has not started yet."), start, end);
  else if (f->days_elapsed >= f->days_in_year)
    text = g_strdup_printf (_("%s to %s. The year has ended."), start, end);
  else
    text = g_strdup_printf (_("%s to %s. Today is day %u of %u."), start, end, f->days_elapsed,
                            f->days_in_year);
  adw_preferences_group_set_description (self->totals_group, text);
}

static void
show_totals (CpBudgetPage *self, CpBudgetFigures *f)
{
  show_year (self, f);
  cp_budget_view_set_amounts (self->budget_view, f->agreed_pence, f->spent_pence);
  set_money (self->agreed_label, f->agreed_pence);
  set_money (self->planned_label, f->planned_pence);
  set_money (self->spent_label, f->spent_pence);
  set_money (self->committed_label, f->committed_pence);
  /* Payments on no line are in the total but in no stream: say so. */
  gtk_widget_set_visible (GTK_WIDGET (self->unallocated_row), f->unallocated_spent_pence != 0);
  set_money (self->unallocated_label, f->unallocated_spent_pence);
  set_money (self->remaining_label, ABS (f->remaining_pence));
  /* Overspent is said in words, not only by a minus sign or a colour. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->remaining_row),
                                 f->remaining_pence < 0 ? _("Overspent by") : _("Left to spend"));
  gtk_widget_set_visible (GTK_WIDGET (self->projected_row), f->has_projection);
  set_money (self->projected_label, f->projected_pence);
}

static GtkWidget *
warning_row (const char *icon, const char *message)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_str_equal (icon, "dialog-warning-symbolic") ? _("Warning") : _("All well"),
                                  -1);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  gtk_widget_add_css_class (row, "cp-budget-warning");
  return row;
}

static void
show_warnings (CpBudgetPage *self, CpBudgetFigures *f)
{
  for (guint i = 0; i < self->warning_rows->len; i++)
    adw_preferences_group_remove (self->warnings_group, g_ptr_array_index (self->warning_rows, i));
  g_ptr_array_set_size (self->warning_rows, 0);
  for (guint i = 0; i < f->warnings->len; i++)
    {
      const CpBudgetWarning *warning = g_ptr_array_index (f->warnings, i);
      g_ptr_array_add (self->warning_rows, warning_row ("dialog-warning-symbolic", warning->message));
    }
  if (f->warnings->len == 0)
    g_ptr_array_add (self->warning_rows,
                     warning_row ("emblem-ok-symbolic", _("No warnings: the budget is on track.")));
  for (guint i = 0; i < self->warning_rows->len; i++)
    adw_preferences_group_add (self->warnings_group, g_ptr_array_index (self->warning_rows, i));
}

/* ---------------------------------------------------------------------
 * Streams and lines
 * ------------------------------------------------------------------- */

/* Which streams and lines exist, and which stream each line is on. */
static char *
shape_of (CpBudgetFigures *f)
{
  GString *shape = g_string_new (f->plan_id);

  for (guint i = 0; i < f->streams->len; i++)
    g_string_append_printf (shape, "|s%s", ((CpStreamFigures *) g_ptr_array_index (f->streams, i))->id);
  for (guint i = 0; i < f->lines->len; i++)
    {
      CpLineFigures *line = g_ptr_array_index (f->lines, i);
      g_string_append_printf (shape, "|l%s/%s", line->id, line->stream_id ? line->stream_id : "");
    }
  return g_string_free (shape, FALSE);
}

static gboolean
flush_rows (CpBudgetPage *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->stream_rows->len; i++)
    ok = cp_funding_stream_row_flush (g_ptr_array_index (self->stream_rows, i)) && ok;
  for (guint i = 0; i < self->line_rows->len; i++)
    ok = cp_budget_line_row_flush (g_ptr_array_index (self->line_rows, i)) && ok;
  return ok;
}

static void
clear_rows (CpBudgetPage *self)
{
  flush_rows (self);
  for (guint i = 0; i < self->stream_rows->len; i++)
    adw_preferences_group_remove (self->streams_group, g_ptr_array_index (self->stream_rows, i));
  for (guint i = 0; i < self->line_groups->len; i++)
    gtk_box_remove (self->lines_box, g_ptr_array_index (self->line_groups, i));
  g_ptr_array_set_size (self->stream_rows, 0);
  g_ptr_array_set_size (self->line_rows, 0);
  g_ptr_array_set_size (self->line_groups, 0);
}

static void
add_line_clicked_cb (GtkButton *button, CpBudgetPage *self)
{
  const char *stream_id = g_object_get_data (G_OBJECT (button), "cp-stream-id");
  g_autoptr(CpBudgetLine) line = NULL;
  g_autoptr(GError) error = NULL;

  if (self->figures == NULL)
    return;
  line = cp_budget_line_new (self->figures->plan_id);
  /* A category people change at once; "other" reads honestly until then. */
  g_object_set (line, "stream-id", stream_id, "category", "other", NULL);
  if (!cp_store_insert (self->store, CP_RECORD (line), &error))
    {
      g_warning ("Could not add a budget line: %s", error->message);
      return;
    }
  g_free (self->expand_id);
  self->expand_id = g_strdup (cp_record_get_id (CP_RECORD (line)));
}

/* The button says which stream it adds to, for screen readers too. */
static void
label_add_button (GtkWidget *button, const char *title)
{
  g_autofree char *label = g_strdup_printf (_("Add a budget line to %s"), title);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
add_line_button (CpBudgetPage *self, const CpStreamFigures *stream, const char *title)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Line"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  label_add_button (button, title);
  g_object_set_data_full (G_OBJECT (button), "cp-stream-id", g_strdup (stream->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (add_line_clicked_cb), self);
  return button;
}

static char *
stream_title (const CpStreamFigures *stream)
{
  return *stream->name ? g_strdup_printf ("%s — %s", cp_budget_funder_name (stream->funder), stream->name)
                       : g_strdup (cp_budget_funder_name (stream->funder));
}

typedef struct
{
  GPtrArray *ids;
  GPtrArray *labels;
} Outcomes;

/* What a line may pay for: the plan's outcomes, in the person's words. */
static void
load_outcomes (CpBudgetPage *self, Outcomes *outcomes)
{
  g_autoptr(CpRecordList) list = cp_record_list_new (self->store, CP_TYPE_OUTCOME, self->figures->plan_id);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  outcomes->ids = g_ptr_array_new_with_free_func (g_free);
  outcomes->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRecord) outcome = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *text = cp_record_get_string (outcome, "description");
      g_autofree char *label = g_utf8_substring (text ? text : "", 0, 70);

      g_ptr_array_add (outcomes->ids, g_strdup (cp_record_get_id (outcome)));
      g_ptr_array_add (outcomes->labels, g_strdup (*label ? label : _("An outcome with no words yet")));
    }
}

static void
add_line_rows (CpBudgetPage *self, AdwPreferencesGroup *group, const char *stream_id, Outcomes *outcomes,
               GHashTable *expanded)
{
  g_autoptr(GPtrArray) lines = cp_budget_figures_lines_of_stream (self->figures, stream_id);

  for (guint i = 0; i < lines->len; i++)
    {
      CpLineFigures *figures = g_ptr_array_index (lines, i);
      g_autoptr(CpBudgetLine) line = cp_store_load (self->store, CP_TYPE_BUDGET_LINE, figures->id, NULL);
      GtkWidget *row;

      if (line == NULL)
        continue;
      row = cp_budget_line_row_new (self->store, line, (const char *const *) outcomes->ids->pdata,
                                    (const char *const *) outcomes->labels->pdata, outcomes->ids->len);
      cp_budget_line_row_update (CP_BUDGET_LINE_ROW (row), figures);
      if (g_hash_table_contains (expanded, figures->id))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->line_rows, row);
    }
  if (lines->len == 0)
    {
      GtkWidget *none = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (none), _("No budget lines yet."));
      adw_preferences_group_add (group, none);
    }
}

static AdwPreferencesGroup *
new_line_group (CpBudgetPage *self, const CpStreamFigures *stream)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  if (stream != NULL)
    {
      g_autofree char *title = stream_title (stream);
      g_autofree char *heading = g_strdup_printf (_("Paid from %s"), title);

      adw_preferences_group_set_title (group, heading);
      adw_preferences_group_set_header_suffix (group, add_line_button (self, stream, title));
      g_object_set_data (G_OBJECT (group), "cp-add-button", adw_preferences_group_get_header_suffix (group));
    }
  else
    adw_preferences_group_set_title (group, _("Lines on no funding stream"));
  gtk_box_append (self->lines_box, GTK_WIDGET (group));
  g_ptr_array_add (self->line_groups, group);
  return group;
}

/* The ids of the rows open now, so a rebuild opens them again. */
static GHashTable *
expanded_ids (CpBudgetPage *self)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->stream_rows->len; i++)
    if (adw_expander_row_get_expanded (g_ptr_array_index (self->stream_rows, i)))
      g_hash_table_add (ids, g_strdup (cp_funding_stream_row_get_id (g_ptr_array_index (self->stream_rows, i))));
  for (guint i = 0; i < self->line_rows->len; i++)
    if (adw_expander_row_get_expanded (g_ptr_array_index (self->line_rows, i)))
      g_hash_table_add (ids, g_strdup (cp_budget_line_row_get_id (g_ptr_array_index (self->line_rows, i))));
  if (self->expand_id != NULL)
    g_hash_table_add (ids, g_strdup (self->expand_id));
  return ids;
}

static void
build_rows (CpBudgetPage *self)
{
  CpBudgetFigures *f = self->figures;
  g_autoptr(GPtrArray) orphans = cp_budget_figures_lines_of_stream (f, NULL);
  g_autoptr(GHashTable) expanded = expanded_ids (self);
  Outcomes outcomes;

  clear_rows (self);
  load_outcomes (self, &outcomes);
  for (guint i = 0; i < f->streams->len; i++)
    {
      CpStreamFigures *figures = g_ptr_array_index (f->streams, i);
      g_autoptr(CpFundingStream) stream = cp_store_load (self->store, CP_TYPE_FUNDING_STREAM, figures->id, NULL);
      GtkWidget *row;

      if (stream == NULL)
        continue;
      row = cp_funding_stream_row_new (self->store, stream);
      if (g_hash_table_contains (expanded, figures->id))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      adw_preferences_group_add (self->streams_group, row);
      g_ptr_array_add (self->stream_rows, row);
      add_line_rows (self, new_line_group (self, figures), figures->id, &outcomes, expanded);
    }
  if (orphans->len > 0)
    add_line_rows (self, new_line_group (self, NULL), NULL, &outcomes, expanded);
  g_ptr_array_unref (outcomes.ids);
  g_ptr_array_unref (outcomes.labels);
  g_clear_pointer (&self->expand_id, g_free);
}

/* The figures in the rows' titles, and each stream's reconciliation in
 * words under its heading. */
static void
update_rows (CpBudgetPage *self)
{
  CpBudgetFigures *f = self->figures;

  for (guint i = 0; i < self->stream_rows->len; i++)
    {
      CpFundingStreamRow *row = g_ptr_array_index (self->stream_rows, i);
      const CpStreamFigures *stream = cp_budget_figures_find_stream (f, cp_funding_stream_row_get_id (row));
      AdwPreferencesGroup *group = g_ptr_array_index (self->line_groups, i);
      g_autofree char *gap = NULL;
      g_autofree char *title = NULL;
      g_autofree char *heading = NULL;

      if (stream == NULL)
        continue;
      cp_funding_stream_row_update (row, stream);
      gap = cp_budget_stream_gap_sentence (stream);
      title = stream_title (stream);
      heading = g_strdup_printf (_("Paid from %s"), title);
      adw_preferences_group_set_title (group, heading);
      adw_preferences_group_set_description (group, gap);
      label_add_button (g_object_get_data (G_OBJECT (group), "cp-add-button"), title);
    }
  for (guint i = 0; i < self->line_rows->len; i++)
    {
      CpBudgetLineRow *row = g_ptr_array_index (self->line_rows, i);
      const CpLineFigures *line = cp_budget_figures_find_line (f, cp_budget_line_row_get_id (row));

      if (line != NULL)
        cp_budget_line_row_update (row, line);
    }
}

/* ---------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------- */

static void
show_empty (CpBudgetPage *self)
{
  clear_rows (self);
  g_clear_pointer (&self->shape, g_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), self->person_id != NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
refresh (CpBudgetPage *self)
{
  g_autoptr(GError) error = NULL;
  CpBudgetFigures *figures = NULL;
  g_autofree char *shape = NULL;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store == NULL || self->person_id == NULL ||
      !cp_budget_figures_load_for_person (self->store, self->person_id, NULL, &figures, &error) ||
      figures == NULL)
    {
      if (error != NULL)
        g_warning ("Could not work out the budget: %s", error->message);
      g_clear_pointer (&self->figures, cp_budget_figures_free);
      show_empty (self);
      return;
    }
  g_clear_pointer (&self->figures, cp_budget_figures_free);
  self->figures = figures;
  gtk_stack_set_visible_child_name (self->stack, "budget");
  show_totals (self, figures);
  show_warnings (self, figures);
  shape = shape_of (figures);
  /* Rows holding a refused value are not rebuilt (that would throw
   * away what was typed); they are once it is put right and saved. */
  if (g_strcmp0 (shape, self->shape) != 0 && flush_rows (self))
    {
      build_rows (self);
      g_free (self->shape);
      self->shape = g_steal_pointer (&shape);
    }
  update_rows (self);
}

static gboolean
refresh_cb (gpointer data)
{
  CpBudgetPage *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CpBudgetPage *self, const char *table, const char *id, CpStore *store)
{
  static const char *const tables[] = { "plan", "funding_stream", "budget_line", "payment",
                                        "outcome", "setting", NULL };

  if (table == NULL || !g_strv_contains (tables, table) || self->refresh_source != 0)
    return;
  self->refresh_source = g_idle_add (refresh_cb, self);
}

/* ---------------------------------------------------------------------
 * Buttons
 * ------------------------------------------------------------------- */

/* A plan for the year of care starting today (a year less a day). */
static void
start_clicked_cb (CpBudgetPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) year_on = g_date_time_add_years (now, 1);
  g_autoptr(GDateTime) next = g_date_time_add_days (year_on, -1);
  g_autofree char *start = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *end = NULL;
  g_autoptr(CpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->person_id == NULL)
    return;
  end = g_date_time_format (next, "%Y-%m-%d");
  plan = cp_plan_new (self->person_id);
  g_object_set (plan, "year-start", start, "year-end", end, NULL);
  if (!cp_store_insert (self->store, CP_RECORD (plan), &error))
    g_warning ("Could not start a plan: %s", error->message);
}

static void
add_stream_clicked_cb (CpBudgetPage *self)
{
  g_autoptr(CpFundingStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  if (self->figures == NULL)
    return;
  stream = cp_funding_stream_new (self->figures->plan_id);
  if (!cp_store_insert (self->store, CP_RECORD (stream), &error))
    {
      g_warning ("Could not add a funding stream: %s", error->message);
      return;
    }
  g_free (self->expand_id);
  self->expand_id = g_strdup (cp_record_get_id (CP_RECORD (stream)));
}

/* ---------------------------------------------------------------------
 * CpPersonTab
 * ------------------------------------------------------------------- */

static void
tab_set_store (CpPersonTab *tab, CpStore *store)
{
  CpBudgetPage *self = CP_BUDGET_PAGE (tab);

  if (self->store == store)
    return;
  clear_rows (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_clear_pointer (&self->shape, g_free);
  refresh (self);
}

static gboolean
tab_set_person_id (CpPersonTab *tab, const char *person_id)
{
  CpBudgetPage *self = CP_BUDGET_PAGE (tab);

  if (!flush_rows (self))
    return FALSE;
  if (g_strcmp0 (self->person_id, person_id) == 0)
    return TRUE;
  g_free (self->person_id);
  self->person_id = g_strdup (person_id);
  refresh (self);
  return TRUE;
}

static gboolean
tab_flush (CpPersonTab *tab)
{
  return flush_rows (CP_BUDGET_PAGE (tab));
}

static void
cp_budget_page_tab_init (CpPersonTabInterface *iface)
{
  iface->set_store = tab_set_store;
  iface->set_person_id = tab_set_person_id;
  iface->flush = tab_flush;
}

/* ---------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------- */

static void
cp_budget_page_dispose (GObject *object)
{
  CpBudgetPage *self = CP_BUDGET_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->stream_rows != NULL)
    clear_rows (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->figures, cp_budget_figures_free);
  /* The stack is both AdwBin's child and a template child: let AdwBin
   * let go of it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_BUDGET_PAGE);
  G_OBJECT_CLASS (cp_budget_page_parent_class)->dispose (object);
}

static void
cp_budget_page_finalize (GObject *object)
{
  CpBudgetPage *self = CP_BUDGET_PAGE (object);

  g_free (self->person_id);
  g_free (self->shape);
  g_free (self->expand_id);
  g_clear_pointer (&self->stream_rows, g_ptr_array_unref);
  g_clear_pointer (&self->line_rows, g_ptr_array_unref);
  g_clear_pointer (&self->line_groups, g_ptr_array_unref);
  g_clear_pointer (&self->warning_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (cp_budget_page_parent_class)->finalize (object);
}

static void
cp_budget_page_class_init (CpBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_budget_page_dispose;
  object_class->finalize = cp_budget_page_finalize;
  g_type_ensure (CP_TYPE_BUDGET_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, totals_group);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, budget_view);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, agreed_label);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, planned_label);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, spent_label);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, committed_label);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, unallocated_label);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, unallocated_row);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, remaining_row);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, projected_label);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, projected_row);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, streams_group);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, add_stream_button);
  gtk_widget_class_bind_template_child (widget_class, CpBudgetPage, lines_box);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_stream_clicked_cb);
}

static void
cp_budget_page_init (CpBudgetPage *self)
{
  self->stream_rows = g_ptr_array_new ();
  self->line_rows = g_ptr_array_new ();
  self->line_groups = g_ptr_array_new ();
  self->warning_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cp_budget_page_new (void)
{
  return g_object_new (CP_TYPE_BUDGET_PAGE, NULL);
}

const CpBudgetFigures *
cp_budget_page_get_figures (CpBudgetPage *self)
{
  g_return_val_if_fail (CP_IS_BUDGET_PAGE (self), NULL);
  return self->figures;
}
