/* cp-circle-view.c — the relationship circle on screen
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin widget over cp_support_circle_draw(): the drawing and the hit
 * test live in the render library. A screen reader reads the circle's
 * description (who is in each ring); the list beside it is the way to
 * edit, so the circle itself takes no keyboard focus.
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "cp-circle-view.h"
#include "cp-render-style-gui.h"

struct _CpCircleView
{
  GtkWidget       parent_instance;

  char           *person_name;
  CpCircleMember *members;
  guint           n_members;
  int             selected;
  int             hovered;
  char           *description;
};

G_DEFINE_FINAL_TYPE (CpCircleView, cp_circle_view, GTK_TYPE_WIDGET)

enum { MEMBER_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
free_members (CpCircleView *self)
{
  for (guint i = 0; i < self->n_members; i++)
    g_free ((char *) self->members[i].name);
  g_clear_pointer (&self->members, g_free);
  self->n_members = 0;
}

static void
cp_circle_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CpCircleView *self = CP_CIRCLE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CpRenderStyle style;
  cairo_t *cr;

  cp_render_style_init_for_widget (&style, widget);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cp_support_circle_draw (cr, width, height, self->person_name, self->members, self->n_members,
                          self->hovered >= 0 ? self->hovered : self->selected, &style);
  cairo_destroy (cr);
}

/* Square: as tall as it is wide. */
static void
cp_circle_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                        int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = 280;
  *natural = for_size > 0 ? CLAMP (for_size, 280, 640) : 460;
}

static GtkSizeRequestMode
cp_circle_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static int
member_at (CpCircleView *self, double x, double y)
{
  CpSupportCircleLayout layout = { 0 };
  int index;

  cp_support_circle_layout (gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)),
                            self->members, self->n_members, &layout);
  index = cp_support_circle_hit_test (&layout, x, y);
  cp_support_circle_layout_clear (&layout);
  return index;
}

static void
set_hovered (CpCircleView *self, int index)
{
  if (self->hovered == index)
    return;
  self->hovered = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *motion, double x, double y, CpCircleView *self)
{
  set_hovered (self, member_at (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *motion, CpCircleView *self)
{
  set_hovered (self, -1);
}

static void
pressed_cb (GtkGestureClick *click, int n_press, double x, double y, CpCircleView *self)
{
  int index = member_at (self, x, y);

  if (index < 0)
    return;
  cp_circle_view_set_selected (self, index);
  g_signal_emit (self, signals[MEMBER_ACTIVATED], 0, index);
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  CpCircleView *self)
{
  int index = member_at (self, x, y);
  const CpCircleMember *member;
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;
  member = &self->members[index];
  /* Translators: name — ring of the circle — role, e.g. "Ann — Close family — Carer" */
  text = g_strdup_printf (_("%s — %s — %s"), member->name,
                          cp_support_circle_ring_label (member->circle),
                          cp_support_role_label (member->role));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cp_circle_view_finalize (GObject *object)
{
  CpCircleView *self = CP_CIRCLE_VIEW (object);

  free_members (self);
  g_free (self->person_name);
  g_free (self->description);
  G_OBJECT_CLASS (cp_circle_view_parent_class)->finalize (object);
}

static void
cp_circle_view_class_init (CpCircleViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cp_circle_view_finalize;
  widget_class->snapshot = cp_circle_view_snapshot;
  widget_class->measure = cp_circle_view_measure;
  widget_class->get_request_mode = cp_circle_view_get_request_mode;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "circleview");

  /* A dot was clicked: the page selects that person's row. */
  signals[MEMBER_ACTIVATED] =
    g_signal_new ("member-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
cp_circle_view_init (CpCircleView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->selected = -1;
  self->hovered = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  cp_render_style_follow_dark (GTK_WIDGET (self));
  cp_circle_view_set_members (self, "", NULL, 0);
}

GtkWidget *
cp_circle_view_new (void)
{
  return g_object_new (CP_TYPE_CIRCLE_VIEW, NULL);
}

void
cp_circle_view_set_members (CpCircleView *self, const char *person_name,
                            const CpCircleMember *members, guint n_members)
{
  g_return_if_fail (CP_IS_CIRCLE_VIEW (self));

  free_members (self);
  g_free (self->person_name);
  self->person_name = g_strdup (person_name ? person_name : "");
  self->members = g_new0 (CpCircleMember, MAX (n_members, 1));
  for (guint i = 0; i < n_members; i++)
    {
      self->members[i] = members[i];
      self->members[i].name = g_strdup (members[i].name ? members[i].name : "");
    }
  self->n_members = n_members;
  if (self->selected >= (int) n_members)
    self->selected = -1;
  self->hovered = -1;
  g_free (self->description);
  self->description = cp_support_circle_dup_description (self->person_name, self->members, n_members);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship circle"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cp_circle_view_set_selected (CpCircleView *self, int index)
{
  g_return_if_fail (CP_IS_CIRCLE_VIEW (self));

  if (index >= (int) self->n_members)
    index = -1;
  if (self->selected == index)
    return;
  self->selected = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
cp_circle_view_get_selected (CpCircleView *self)
{
  g_return_val_if_fail (CP_IS_CIRCLE_VIEW (self), -1);
  return self->selected;
}

const char *
cp_circle_view_get_description (CpCircleView *self)
{
  g_return_val_if_fail (CP_IS_CIRCLE_VIEW (self), NULL);
  return self->description;
}
