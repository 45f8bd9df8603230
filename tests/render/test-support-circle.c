/* test-support-circle.c — the relationship circle: layout, hit test, drawing, words
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "cp-support-circle.h"

#define W 400
#define H 400

static const CpCircleMember members[] = {
  { "Ann", CP_CIRCLE_CLOSE_FAMILY, CP_SUPPORT_ROLE_CARER },
  { "Bilal", CP_CIRCLE_CLOSE_FAMILY, CP_SUPPORT_ROLE_NONE },
  { "Chen", CP_CIRCLE_FRIENDS_FAMILY, CP_SUPPORT_ROLE_NOMINEE },
  { "Dee", CP_CIRCLE_COMMUNITY, CP_SUPPORT_ROLE_ADVOCATE },
  { "Eve", CP_CIRCLE_PAID, CP_SUPPORT_ROLE_PAID },
  { "Femi", CP_CIRCLE_PAID, CP_SUPPORT_ROLE_PAID },
};

/* Every member's dot lies inside their own ring, whole. */
static void
test_members_in_their_ring (void)
{
  CpSupportCircleLayout layout = { 0 };

  cp_support_circle_layout (W, H, members, G_N_ELEMENTS (members), &layout);
  g_assert_cmpuint (layout.n_dots, ==, G_N_ELEMENTS (members));
  g_assert_cmpfloat (layout.cx, ==, W / 2.0);
  for (int ring = 1; ring < CP_SUPPORT_CIRCLE_N_RINGS; ring++)
    g_assert_cmpfloat (layout.ring_radius[ring], >, layout.ring_radius[ring - 1]);
  g_assert_cmpfloat (layout.ring_radius[CP_SUPPORT_CIRCLE_N_RINGS - 1], <=, W / 2.0);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      double d = hypot (layout.dots[i].x - layout.cx, layout.dots[i].y - layout.cy);
      double inner = members[i].circle == 0 ? layout.centre_radius : layout.ring_radius[members[i].circle - 1];

      g_assert_cmpint (cp_support_circle_ring_at (&layout, layout.dots[i].x, layout.dots[i].y), ==, members[i].circle);
      g_assert_cmpfloat (d - layout.dot_radius, >=, inner - 0.5);
      g_assert_cmpfloat (d + layout.dot_radius, <=, layout.ring_radius[members[i].circle] + 0.5);
      /* The hit test finds each member at their own dot. */
      g_assert_cmpint (cp_support_circle_hit_test (&layout, layout.dots[i].x, layout.dots[i].y), ==, (int) i);
    }
  /* The centre is the person, not a member; far outside is nothing. */
  g_assert_cmpint (cp_support_circle_hit_test (&layout, layout.cx, layout.cy), ==, -1);
  g_assert_cmpint (cp_support_circle_ring_at (&layout, layout.cx, layout.cy), ==, -1);
  g_assert_cmpint (cp_support_circle_ring_at (&layout, 1, 1), ==, -1);
  cp_support_circle_layout_clear (&layout);
}

/* A dozen people in the smallest ring still get separate dots. */
static void
test_crowded_ring (void)
{
  CpCircleMember crowd[12];
  CpSupportCircleLayout layout = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (crowd); i++)
    crowd[i] = (CpCircleMember) { "Someone", CP_CIRCLE_CLOSE_FAMILY, CP_SUPPORT_ROLE_NONE };
  cp_support_circle_layout (W, H, crowd, G_N_ELEMENTS (crowd), &layout);
  for (guint i = 0; i < G_N_ELEMENTS (crowd); i++)
    {
      g_assert_cmpint (cp_support_circle_ring_at (&layout, layout.dots[i].x, layout.dots[i].y), ==, 0);
      for (guint j = i + 1; j < G_N_ELEMENTS (crowd); j++)
        g_assert_cmpfloat (hypot (layout.dots[i].x - layout.dots[j].x, layout.dots[i].y - layout.dots[j].y),
                           >=, 2 * layout.dot_radius - 0.01);
    }
  cp_support_circle_layout_clear (&layout);
}

/* An empty network and a tiny or empty box draw without trouble. */
static void
test_edge_cases (void)
{
  CpSupportCircleLayout layout = { 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  CpRenderStyle style;

  cp_render_style_init_light (&style);
  cp_support_circle_layout (W, H, NULL, 0, &layout);
  g_assert_cmpuint (layout.n_dots, ==, 0);
  g_assert_cmpint (cp_support_circle_hit_test (&layout, 10, 10), ==, -1);
  cp_support_circle_layout_clear (&layout);
  cp_support_circle_draw (cr, 10, 10, "Sam", NULL, 0, -1, &style);
  cp_support_circle_draw (cr, 0, 0, "Sam", members, G_N_ELEMENTS (members), 0, &style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

static guint32
opaque (CpRenderColor color)
{
  return 0xff000000u | ((guint32) (color.red * 255 + 0.5) << 16) |
         ((guint32) (color.green * 255 + 0.5) << 8) | (guint32) (color.blue * 255 + 0.5);
}

/* Each dot is drawn in its role's colour (beside the letter), in light
 * and dark, and nothing is drawn outside the box. */
static void
test_drawing (gconstpointer dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W + 40, H + 40);
  cairo_t *cr = cairo_create (surface);
  CpSupportCircleLayout layout = { 0 };
  CpRenderStyle style;

  if (GPOINTER_TO_INT (dark))
    cp_render_style_init_dark (&style);
  else
    cp_render_style_init_light (&style);
  cairo_translate (cr, 20, 20);
  cp_support_circle_draw (cr, W, H, "Sam Patel", members, G_N_ELEMENTS (members), -1, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  cp_support_circle_layout (W, H, members, G_N_ELEMENTS (members), &layout);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      /* Off the letter: a little left of the centre, inside the dot. */
      int x = 20 + (int) (layout.dots[i].x - layout.dot_radius * 0.7);
      int y = 20 + (int) layout.dots[i].y;

      g_assert_cmphex (pixel (surface, x, y), ==, opaque (cp_support_role_color (members[i].role)));
    }
  for (int y = 0; y < H + 40; y++)
    for (int x = 0; x < W + 40; x++)
      if (x < 20 || y < 20 || x >= W + 20 || y >= H + 20)
        g_assert_cmphex (pixel (surface, x, y), ==, 0);
  cp_support_circle_layout_clear (&layout);
  cairo_surface_destroy (surface);
}

/* Roles differ by letter as well as colour. */
static void
test_roles_distinct (void)
{
  const CpSupportRole roles[] = { CP_SUPPORT_ROLE_CARER, CP_SUPPORT_ROLE_NOMINEE,
                                  CP_SUPPORT_ROLE_ADVOCATE, CP_SUPPORT_ROLE_PAID };

  g_assert_cmpstr (cp_support_role_letter (CP_SUPPORT_ROLE_NONE), ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (roles); j++)
      {
        g_assert_cmpstr (cp_support_role_letter (roles[i]), !=, cp_support_role_letter (roles[j]));
        g_assert_cmphex (opaque (cp_support_role_color (roles[i])), !=, opaque (cp_support_role_color (roles[j])));
      }
}

static void
test_description (void)
{
  g_autofree char *text = cp_support_circle_dup_description ("Sam Patel", members, G_N_ELEMENTS (members));
  g_autofree char *empty = cp_support_circle_dup_description ("Sam Patel", NULL, 0);

  g_assert_cmpstr (text, ==,
                   "Relationship circle of Sam Patel. Close family: Ann (Carer), Bilal. "
                   "Friends and family: Chen (Nominee). Community: Dee (Advocate). "
                   "Paid supporters: Eve (Paid supporter), Femi (Paid supporter).");
  g_assert_nonnull (strstr (empty, "Close family: no one yet."));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/support-circle/members-in-their-ring", test_members_in_their_ring);
  g_test_add_func ("/support-circle/crowded-ring", test_crowded_ring);
  g_test_add_func ("/support-circle/edge-cases", test_edge_cases);
  g_test_add_data_func ("/support-circle/drawing-light", GINT_TO_POINTER (FALSE), test_drawing);
  g_test_add_data_func ("/support-circle/drawing-dark", GINT_TO_POINTER (TRUE), test_drawing);
  g_test_add_func ("/support-circle/roles-distinct", test_roles_distinct);
  g_test_add_func ("/support-circle/description", test_description);
  return g_test_run ();
}
