/* cp-support-circle.c — the relationship circle: who is in the person's life
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cp-support-circle.h"

#define MARGIN 8.0
/* Dots leave the top of every ring free for the ring's name. */
#define TOP_GAP (G_PI / 5)
#define MIN_DOT 5.0

const char *
cp_support_circle_ring_label (CpCircle circle)
{
  switch (circle)
    {
    case CP_CIRCLE_CLOSE_FAMILY: return _("Close family");
    case CP_CIRCLE_FRIENDS_FAMILY: return _("Friends and family");
    case CP_CIRCLE_COMMUNITY: return _("Community");
    case CP_CIRCLE_PAID: return _("Paid supporters");
    default: return "";
    }
}

const char *
cp_support_role_label (CpSupportRole role)
{
  switch (role)
    {
    case CP_SUPPORT_ROLE_CARER: return _("Carer");
    case CP_SUPPORT_ROLE_NOMINEE: return _("Nominee");
    case CP_SUPPORT_ROLE_ADVOCATE: return _("Advocate");
    case CP_SUPPORT_ROLE_PAID: return _("Paid supporter");
    case CP_SUPPORT_ROLE_NONE:
    default: return _("No set role");
    }
}

const char *
cp_support_role_letter (CpSupportRole role)
{
  switch (role)
    {
    /* Translators: one letter inside a dot of the relationship circle, for "Carer" */
    case CP_SUPPORT_ROLE_CARER: return C_("role letter", "C");
    /* Translators: one letter for "Nominee" */
    case CP_SUPPORT_ROLE_NOMINEE: return C_("role letter", "N");
    /* Translators: one letter for "Advocate" */
    case CP_SUPPORT_ROLE_ADVOCATE: return C_("role letter", "A");
    /* Translators: one letter for "Paid supporter" */
    case CP_SUPPORT_ROLE_PAID: return C_("role letter", "P");
    case CP_SUPPORT_ROLE_NONE:
    default: return "";
    }
}

static CpRenderColor
hex (guint value)
{
  CpRenderColor color = { ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0,
                          (value & 0xff) / 255.0, 1.0 };
  return color;
}

/* Okabe-Ito, readable on light and dark alike. */
CpRenderColor
cp_support_role_color (CpSupportRole role)
{
  switch (role)
    {
    case CP_SUPPORT_ROLE_CARER: return hex (0xe69f00);    /* orange */
    case CP_SUPPORT_ROLE_NOMINEE: return hex (0x009e73);  /* bluish green */
    case CP_SUPPORT_ROLE_ADVOCATE: return hex (0xcc79a7); /* reddish purple */
    case CP_SUPPORT_ROLE_PAID: return hex (0x0072b2);     /* blue */
    case CP_SUPPORT_ROLE_NONE:
    default: return hex (0x999999);
    }
}

static guint
ring_of (const CpCircleMember *member)
{
  return CLAMP ((int) member->circle, 0, CP_SUPPORT_CIRCLE_N_RINGS - 1);
}

static double
band_inner (const CpSupportCircleLayout *l, guint ring)
{
  return ring == 0 ? l->centre_radius : l->ring_radius[ring - 1];
}

/* Dots share one size: what the most crowded ring has room for. */
static double
fit_dot_radius (const CpSupportCircleLayout *l, const guint *per_ring)
{
  double band = l->ring_radius[0] - l->centre_radius;
  double radius = band * 0.32;

  for (guint ring = 0; ring < CP_SUPPORT_CIRCLE_N_RINGS; ring++)
    if (per_ring[ring] > 0)
      {
        double mid = (band_inner (l, ring) + l->ring_radius[ring]) / 2;
        double room = mid * (2 * G_PI - TOP_GAP) / per_ring[ring];

        radius = MIN (radius, room * 0.42);
      }
  return MAX (radius, MIN_DOT);
}

void
cp_support_circle_layout (double width, double height, const CpCircleMember *members,
                          guint n_members, CpSupportCircleLayout *l)
{
  guint per_ring[CP_SUPPORT_CIRCLE_N_RINGS] = { 0 };
  guint placed[CP_SUPPORT_CIRCLE_N_RINGS] = { 0 };
  double outer;

  g_return_if_fail (l != NULL);
  g_return_if_fail (n_members == 0 || members != NULL);

  l->cx = width / 2;
  l->cy = height / 2;
  outer = MAX (MIN (width, height) / 2 - MARGIN, 1.0);
  l->centre_radius = outer * 0.2;
  for (guint ring = 0; ring < CP_SUPPORT_CIRCLE_N_RINGS; ring++)
    l->ring_radius[ring] = l->centre_radius + (outer - l->centre_radius) * (ring + 1) / CP_SUPPORT_CIRCLE_N_RINGS;

  for (guint i = 0; i < n_members; i++)
    per_ring[ring_of (&members[i])]++;
  l->dot_radius = fit_dot_radius (l, per_ring);
  l->n_dots = n_members;
  l->dots = g_new0 (CpCircleDot, MAX (n_members, 1));
  for (guint i = 0; i < n_members; i++)
    {
      guint ring = ring_of (&members[i]);
      double mid = (band_inner (l, ring) + l->ring_radius[ring]) / 2;
      double step = (2 * G_PI - TOP_GAP) / per_ring[ring];
      /* Clockwise from just right of the top gap; each ring a little
       * further round, so dots of neighbouring rings do not line up. */
      double angle = -G_PI / 2 + TOP_GAP / 2 + step * (placed[ring]++ + 0.5);

      l->dots[i].x = l->cx + mid * cos (angle);
      l->dots[i].y = l->cy + mid * sin (angle);
    }
}

void
cp_support_circle_layout_clear (CpSupportCircleLayout *layout)
{
  g_clear_pointer (&layout->dots, g_free);
  layout->n_dots = 0;
}

int
cp_support_circle_hit_test (const CpSupportCircleLayout *l, double x, double y)
{
  /* A little slack around small dots, for fingers and shaky hands. */
  double reach = MAX (l->dot_radius + 3, 10);

  for (int i = (int) l->n_dots - 1; i >= 0; i--)
    if (hypot (x - l->dots[i].x, y - l->dots[i].y) <= reach)
      return i;
  return -1;
}

int
cp_support_circle_ring_at (const CpSupportCircleLayout *l, double x, double y)
{
  double distance = hypot (x - l->cx, y - l->cy);

  if (distance < l->centre_radius)
    return -1;
  for (int ring = 0; ring < CP_SUPPORT_CIRCLE_N_RINGS; ring++)
    if (distance < l->ring_radius[ring])
      return ring;
  return -1;
}

static void
set_color (cairo_t *cr, CpRenderColor color, double alpha)
{
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * alpha);
}

static PangoLayout *
text_layout (cairo_t *cr, const char *text, const CpRenderStyle *style, double scale, gboolean bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font_family);

  pango_font_description_set_size (font, (int) (style->font_size * scale * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* @text centred on (x, y), no wider than @max_width: wrapped onto
 * @lines lines, then ellipsised. */
static void
show_centred (cairo_t *cr, const char *text, double x, double y, double max_width, int lines,
              const CpRenderStyle *style, double scale, gboolean bold)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, style, scale, bold);
  int w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_height (layout, -lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, max_width > 0 ? x - max_width / 2 : x - w / 2.0, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_rings (cairo_t *cr, const CpSupportCircleLayout *l, const CpRenderStyle *style)
{
  /* Paler outwards: the closest people sit on the strongest colour. */
  static const double fill[CP_SUPPORT_CIRCLE_N_RINGS] = { 0.95, 0.7, 0.5, 0.3 };

  for (int ring = CP_SUPPORT_CIRCLE_N_RINGS - 1; ring >= 0; ring--)
    {
      cairo_new_path (cr);
      cairo_arc (cr, l->cx, l->cy, l->ring_radius[ring], 0, 2 * G_PI);
      set_color (cr, style->track, fill[ring]);
      cairo_fill_preserve (cr);
      set_color (cr, style->foreground, 0.35);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }
  for (int ring = 0; ring < CP_SUPPORT_CIRCLE_N_RINGS; ring++)
    {
      double mid = (band_inner (l, ring) + l->ring_radius[ring]) / 2;
      /* As wide as the band is at that height. */
      double half = sqrt (l->ring_radius[ring] * l->ring_radius[ring] - mid * mid);

      set_color (cr, style->foreground, 0.85);
      show_centred (cr, cp_support_circle_ring_label (ring), l->cx, l->cy - mid,
                    2 * half * 0.9, 1, style, 0.8, FALSE);
    }
}

static void
draw_person (cairo_t *cr, const CpSupportCircleLayout *l, const char *name, const CpRenderStyle *style)
{
  cairo_new_path (cr);
  cairo_arc (cr, l->cx, l->cy, l->centre_radius, 0, 2 * G_PI);
  set_color (cr, style->accent, 1.0);
  cairo_fill (cr);
  set_color (cr, style->background.alpha > 0 ? style->background : hex (0xffffff), 1.0);
  if (style->accent.red + style->accent.green + style->accent.blue > 1.8)
    set_color (cr, hex (0x000000), 1.0);
  show_centred (cr, name ? name : "", l->cx, l->cy, l->centre_radius * 1.8, 2, style, 0.9, TRUE);
}

/* A name may be as wide as the closest ring, but never wider than the
 * drawing (the circle is centred, so the drawing is 2 × cx wide). */
static double
name_width (const CpSupportCircleLayout *l)
{
  return MIN (MAX (l->ring_radius[0] - l->centre_radius, 60) * 2.0, 2 * l->cx);
}

/* Under its dot, but moved inwards so a dot at the edge of the outer
 * ring keeps its whole name inside the drawing. */
static double
name_centre (const CpSupportCircleLayout *l, double x, double width)
{
  return CLAMP (x, width / 2, 2 * l->cx - width / 2);
}

static void
draw_member (cairo_t *cr, const CpSupportCircleLayout *l, guint i, const CpCircleMember *member,
             gboolean highlighted, const CpRenderStyle *style)
{
  const CpCircleDot *dot = &l->dots[i];
  CpRenderColor color = cp_support_role_color (member->role);
  double r = l->dot_radius;

  if (highlighted)
    {
      cairo_new_path (cr);
      cairo_arc (cr, dot->x, dot->y, r + 4, 0, 2 * G_PI);
      set_color (cr, style->foreground, 1.0);
      cairo_set_line_width (cr, 3.0);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  cairo_arc (cr, dot->x, dot->y, r, 0, 2 * G_PI);
  set_color (cr, color, 1.0);
  cairo_fill (cr);
  /* Black letters, except on blue where white reads better. */
  set_color (cr, member->role == CP_SUPPORT_ROLE_PAID ? hex (0xffffff) : hex (0x000000), 1.0);
  if (r >= 7)
    show_centred (cr, cp_support_role_letter (member->role), dot->x, dot->y, 0, 1, style, MIN (r / 11.0, 1.0), TRUE);
  set_color (cr, style->foreground, 1.0);
  show_centred (cr, member->name ? member->name : "", name_centre (l, dot->x, name_width (l)),
                dot->y + r + style->font_size * 0.8, name_width (l), 1, style, 0.85, highlighted);
}

void
cp_support_circle_draw (cairo_t *cr, double width, double height, const char *person_name,
                        const CpCircleMember *members, guint n_members, int highlighted,
                        const CpRenderStyle *style)
{
  CpSupportCircleLayout layout = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background.alpha > 0)
    {
      set_color (cr, style->background, 1.0);
      cairo_paint (cr);
    }
  cp_support_circle_layout (width, height, members, n_members, &layout);
  draw_rings (cr, &layout, style);
  draw_person (cr, &layout, person_name, style);
  for (guint i = 0; i < n_members; i++)
    draw_member (cr, &layout, i, &members[i], (int) i == highlighted, style);
  cp_support_circle_layout_clear (&layout);
  cairo_restore (cr);
}

static void
append_member (GString *text, const CpCircleMember *member, gboolean first)
{
  if (!first)
    g_string_append (text, ", ");
  g_string_append (text, member->name && *member->name ? member->name : _("someone not named yet"));
  if (member->role != CP_SUPPORT_ROLE_NONE)
    g_string_append_printf (text, " (%s)", cp_support_role_label (member->role));
}

char *
cp_support_circle_dup_description (const char *person_name, const CpCircleMember *members,
                                   guint n_members)
{
  GString *text = g_string_new (NULL);

  /* Translators: %s is the person's name; the rings of their relationship circle follow */
  g_string_append_printf (text, _("Relationship circle of %s."), person_name ? person_name : "");
  for (int ring = 0; ring < CP_SUPPORT_CIRCLE_N_RINGS; ring++)
    {
      gboolean first = TRUE;

      g_string_append_printf (text, " %s: ", cp_support_circle_ring_label (ring));
      for (guint i = 0; i < n_members; i++)
        if (ring_of (&members[i]) == (guint) ring)
          {
            append_member (text, &members[i], first);
            first = FALSE;
          }
      if (first)
        g_string_append (text, _("no one yet"));
      g_string_append_c (text, '.');
    }
  return g_string_free (text, FALSE);
}
