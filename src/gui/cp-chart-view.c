/* cp-chart-view.c — one spending chart on screen, with hover and keys
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin widget over the render library: the layout is computed once per
 * size, data and style, then both drawing and the hit test read it. The
 * text takes the theme's colour and font, so it follows dark mode and
 * the desktop's text size.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "cp-chart-export.h"
#include "cp-chart-view.h"
#include "cp-render-style-gui.h"

struct _CpChartView
{
  GtkWidget          parent_instance;

  CpChartKind        kind;
  const CpChartData *data;
  CpChartLayout     *layout;     /* NULL until needed; dropped when stale */
  int                hover;      /* hit under the pointer, or -1 */
  int                focus;      /* hit chosen with the keyboard, or -1 */
  char              *announcement;
};

enum { PROP_0, PROP_KIND, N_PROPS };

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (CpChartView, cp_chart_view, GTK_TYPE_WIDGET)

static void
invalidate (CpChartView *self)
{
  g_clear_pointer (&self->layout, cp_chart_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The layout for the widget's size now; NULL without data or size. */
static CpChartLayout *
ensure_layout (CpChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  CpRenderStyle style;

  if (self->data == NULL || width <= 0 || height <= 0)
    return NULL;
  if (self->layout != NULL && cp_chart_layout_get_width (self->layout) == width &&
      cp_chart_layout_get_height (self->layout) == height)
    return self->layout;
  g_clear_pointer (&self->layout, cp_chart_layout_free);
  cp_render_style_init_for_widget (&style, GTK_WIDGET (self));
  self->layout = cp_chart_layout_new (self->kind, self->data, width, height, &style);
  if (self->focus >= (int) cp_chart_layout_get_n_hits (self->layout))
    self->focus = -1;
  return self->layout;
}

static void
cp_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CpChartView *self = CP_CHART_VIEW (widget);
  CpChartLayout *layout = ensure_layout (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int highlight = self->hover >= 0 ? self->hover : gtk_widget_has_focus (widget) ? self->focus : -1;
  CpRenderStyle style;
  cairo_t *cr;

  if (layout == NULL)
    return;
  cp_render_style_init_for_widget (&style, GTK_WIDGET (self));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cp_chart_draw (cr, layout, &style, highlight);
  cairo_destroy (cr);
}

/* Tall enough for the legend and the axes at any text size. */
static void
cp_chart_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  CpChartView *self = CP_CHART_VIEW (widget);
  g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (widget, "Ag£");
  int line;

  pango_layout_get_pixel_size (probe, NULL, &line);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
      return;
    }
  *minimum = 12 * line;
  *natural = self->kind == CP_CHART_KIND_BARS && self->data != NULL
             ? (int) MAX (self->data->lines->len, 3) * (line + 25) + 20
             : 20 * line;
  *natural = MAX (*natural, *minimum);
}

static void
size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CP_CHART_VIEW (widget)->hover = -1;
}

static void
set_announcement (CpChartView *self, int index)
{
  g_autofree char *text = cp_chart_view_dup_hit_text (self, index);

  if (text == NULL)
    return;
  g_free (self->announcement);
  self->announcement = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->announcement, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->announcement);
}

static void
motion_cb (GtkEventControllerMotion *motion, double x, double y, CpChartView *self)
{
  int hit = cp_chart_view_hit_test (self, x, y);

  if (hit == self->hover)
    return;
  self->hover = hit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GtkEventControllerMotion *motion, CpChartView *self)
{
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, CpChartView *self)
{
  int hit = keyboard ? self->focus : cp_chart_view_hit_test (self, x, y);
  g_autofree char *text = cp_chart_view_dup_hit_text (self, hit);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state,
                CpChartView *self)
{
  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_Down: case GDK_KEY_KP_Right: case GDK_KEY_KP_Down:
      cp_chart_view_move_focus (self, 1);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_Up: case GDK_KEY_KP_Left: case GDK_KEY_KP_Up:
      cp_chart_view_move_focus (self, -1);
      return TRUE;
    case GDK_KEY_Home:
      cp_chart_view_move_focus (self, G_MININT / 2);
      return TRUE;
    case GDK_KEY_End:
      cp_chart_view_move_focus (self, G_MAXINT / 2);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
click_cb (GtkGestureClick *click, int n_press, double x, double y, CpChartView *self)
{
  int hit = cp_chart_view_hit_test (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (hit >= 0)
    {
      self->focus = hit;
      set_announcement (self, hit);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
focus_changed_cb (CpChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cp_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_KIND)
    g_value_set_uint (value, CP_CHART_VIEW (object)->kind);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cp_chart_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  if (prop_id == PROP_KIND)
    CP_CHART_VIEW (object)->kind = MIN (g_value_get_uint (value), CP_CHART_N_KINDS - 1);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cp_chart_view_finalize (GObject *object)
{
  CpChartView *self = CP_CHART_VIEW (object);

  g_clear_pointer (&self->layout, cp_chart_layout_free);
  g_free (self->announcement);
  G_OBJECT_CLASS (cp_chart_view_parent_class)->finalize (object);
}

static void
cp_chart_view_class_init (CpChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cp_chart_view_finalize;
  object_class->get_property = cp_chart_view_get_property;
  object_class->set_property = cp_chart_view_set_property;
  widget_class->snapshot = cp_chart_view_snapshot;
  widget_class->measure = cp_chart_view_measure;
  widget_class->size_allocate = size_allocate;

  /* 0 donut, 1 bars, 2 burn, 3 monthly (CpChartKind). */
  props[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, CP_CHART_N_KINDS - 1, 0,
                                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chartview");
}

static void
cp_chart_view_init (CpChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->hover = -1;
  self->focus = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (click, "pressed", G_CALLBACK (click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cp_chart_view_new (CpChartKind kind)
{
  return g_object_new (CP_TYPE_CHART_VIEW, "kind", (guint) kind, NULL);
}

CpChartKind
cp_chart_view_get_kind (CpChartView *self)
{
  g_return_val_if_fail (CP_IS_CHART_VIEW (self), CP_CHART_KIND_DONUT);
  return self->kind;
}

void
cp_chart_view_set_data (CpChartView *self, const CpChartData *data)
{
  g_autofree char *description = NULL;

  g_return_if_fail (CP_IS_CHART_VIEW (self));

  self->data = data;
  self->hover = -1;
  self->focus = -1;
  g_clear_pointer (&self->announcement, g_free);
  g_clear_pointer (&self->layout, cp_chart_layout_free);
  description = data != NULL ? cp_chart_dup_description (self->kind, data) : g_strdup ("");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cp_chart_kind_get_title (self->kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  /* Clearing the text turns tooltips off; hovering still needs them. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
cp_chart_view_hit_test (CpChartView *self, double x, double y)
{
  CpChartLayout *layout;

  g_return_val_if_fail (CP_IS_CHART_VIEW (self), -1);
  layout = ensure_layout (self);
  return layout != NULL ? cp_chart_layout_hit_test (layout, x, y) : -1;
}

char *
cp_chart_view_dup_hit_text (CpChartView *self, int index)
{
  CpChartLayout *layout;

  g_return_val_if_fail (CP_IS_CHART_VIEW (self), NULL);
  layout = ensure_layout (self);
  if (layout == NULL || index < 0 || (guint) index >= cp_chart_layout_get_n_hits (layout))
    return NULL;
  return cp_chart_hit_dup_text (cp_chart_layout_get_hit (layout, index));
}

gboolean
cp_chart_view_get_hit_point (CpChartView *self, int index, double *x, double *y)
{
  CpChartLayout *layout = ensure_layout (self);
  const CpChartHit *hit;
  double mid, r;

  if (layout == NULL || index < 0 || (guint) index >= cp_chart_layout_get_n_hits (layout))
    return FALSE;
  hit = cp_chart_layout_get_hit (layout, index);
  switch (hit->shape)
    {
    case CP_CHART_SHAPE_ARC:
      mid = (hit->start + hit->end) / 2;
      r = (hit->inner + hit->outer) / 2;
      *x = hit->cx + r * sin (mid);
      *y = hit->cy - r * cos (mid);
      break;
    case CP_CHART_SHAPE_POINT:
      *x = hit->cx;
      *y = hit->cy;
      break;
    case CP_CHART_SHAPE_RECT:
    default:
      *x = hit->x + hit->width / 2;
      *y = hit->y + hit->height / 2;
      break;
    }
  return TRUE;
}

guint
cp_chart_view_get_n_hits (CpChartView *self)
{
  CpChartLayout *layout = ensure_layout (self);
  return layout != NULL ? cp_chart_layout_get_n_hits (layout) : 0;
}

int
cp_chart_view_get_focus_index (CpChartView *self)
{
  g_return_val_if_fail (CP_IS_CHART_VIEW (self), -1);
  return self->focus;
}

void
cp_chart_view_move_focus (CpChartView *self, int delta)
{
  int n;

  g_return_if_fail (CP_IS_CHART_VIEW (self));
  n = (int) cp_chart_view_get_n_hits (self);
  if (n == 0)
    return;
  if (self->focus < 0)
    self->focus = delta > 0 ? 0 : n - 1;
  else
    self->focus = CLAMP ((gint64) self->focus + delta, 0, n - 1);
  set_announcement (self, self->focus);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
cp_chart_view_get_announcement (CpChartView *self)
{
  g_return_val_if_fail (CP_IS_CHART_VIEW (self), NULL);
  return self->announcement;
}

gboolean
cp_chart_view_export (CpChartView *self, const char *path, int width, int height, GError **error)
{
  CpRenderStyle style;

  g_return_val_if_fail (CP_IS_CHART_VIEW (self), FALSE);
  if (self->data == NULL)
    {
      g_set_error (error, CP_CHART_EXPORT_ERROR, CP_CHART_EXPORT_ERROR_WRITE, _("There is no chart to save yet."));
      return FALSE;
    }
  cp_render_style_init_for_widget (&style, GTK_WIDGET (self));
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    style.background = (CpRenderColor) { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1.0 };
  else
    style.background = (CpRenderColor) { 1.0, 1.0, 1.0, 1.0 };
  return cp_chart_export (path, self->kind, self->data, width, height, &style, error);
}
