/* cp-budget-view.c — the budget bar on screen
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin widget over cp_budget_bar_draw(): the drawing lives in the
 * render library so PNG and PDF exports draw the same bar.
 */
#include <adwaita.h>

#include "cp-budget-bar.h"
#include "cp-budget-view.h"
#include "cp-render-style-gui.h"

#define BAR_HEIGHT 20

struct _CpBudgetView
{
  GtkWidget  parent_instance;

  gint64     agreed_pence;
  gint64     spent_pence;
  char      *label;
};

G_DEFINE_FINAL_TYPE (CpBudgetView, cp_budget_view, GTK_TYPE_WIDGET)

static void
cp_budget_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CpBudgetView *self = CP_BUDGET_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CpRenderStyle style;
  cairo_t *cr;

  cp_render_style_init_for_widget (&style, widget);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cp_budget_bar_draw (cr, width, height, self->agreed_pence, self->spent_pence, &style);
  cairo_destroy (cr);
}

/* Tall enough for the words at any text size, wrapped to the width. */
static void
cp_budget_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                        int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  CpBudgetView *self = CP_BUDGET_VIEW (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, self->label);
  int text_height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 400;
      return;
    }
  if (for_size > 0)
    {
      pango_layout_set_width (layout, for_size * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  *minimum = *natural = text_height + 6 + BAR_HEIGHT;
}

static void
cp_budget_view_finalize (GObject *object)
{
  g_free (CP_BUDGET_VIEW (object)->label);
  G_OBJECT_CLASS (cp_budget_view_parent_class)->finalize (object);
}

static void
cp_budget_view_class_init (CpBudgetViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cp_budget_view_finalize;
  widget_class->snapshot = cp_budget_view_snapshot;
  widget_class->measure = cp_budget_view_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "budgetview");
}

static void
cp_budget_view_init (CpBudgetView *self)
{
  self->label = cp_budget_bar_dup_label (0, 0);
  cp_render_style_follow_dark (GTK_WIDGET (self));
}

GtkWidget *
cp_budget_view_new (void)
{
  return g_object_new (CP_TYPE_BUDGET_VIEW, NULL);
}

void
cp_budget_view_set_amounts (CpBudgetView *self, gint64 agreed_pence, gint64 spent_pence)
{
  g_return_if_fail (CP_IS_BUDGET_VIEW (self));

  self->agreed_pence = agreed_pence;
  self->spent_pence = spent_pence;
  g_free (self->label);
  self->label = cp_budget_bar_dup_label (agreed_pence, spent_pence);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
cp_budget_view_get_label (CpBudgetView *self)
{
  g_return_val_if_fail (CP_IS_BUDGET_VIEW (self), NULL);
  return self->label;
}
