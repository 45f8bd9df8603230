/* cp-chart.c — what the spending charts share: layout, legend, hit test
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing depends on colour alone: every series has a pattern as well as
 * an Okabe-Ito colour, and the legend and the labels say it in words.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cp-chart-private.h"
#include "cp-money.h"

/* Okabe-Ito, ordered so neighbours stay far apart. Dark backgrounds take
 * the lighter blue first and a light grey for black. */
static const guint light_palette[] = { 0x0072b2, 0xe69f00, 0x009e73, 0xd55e00,
                                       0x56b4e9, 0xcc79a7, 0xf0e442, 0x555555 };
static const guint dark_palette[] = { 0x56b4e9, 0xe69f00, 0x009e73, 0xd55e00,
                                      0xcc79a7, 0xf0e442, 0x0072b2, 0xbbbbbb };

static CpRenderColor
rgb (guint hex)
{
  CpRenderColor color = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                          (hex & 0xff) / 255.0, 1.0 };
  return color;
}

gboolean
cp_chart_style_is_dark (const CpRenderStyle *style)
{
  const CpRenderColor *f = &style->foreground;
  return 0.2126 * f->red + 0.7152 * f->green + 0.0722 * f->blue > 0.5;
}

CpRenderColor
cp_chart_series_color (const CpRenderStyle *style, int index)
{
  const guint *palette = cp_chart_style_is_dark (style) ? dark_palette : light_palette;

  g_return_val_if_fail (style != NULL, rgb (0));
  return rgb (palette[ABS (index) % G_N_ELEMENTS (light_palette)]);
}

void
cp_chart_set_color (cairo_t *cr, const CpRenderColor *color, double alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* ---------------------------------------------------------------------
 * Text
 * ------------------------------------------------------------------- */

static void
setup_text (PangoLayout *text, const CpRenderStyle *style, double scale, gboolean bold,
            const char *string, double width)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font_family);

  pango_font_description_set_size (font, (int) (style->font_size * scale * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (text, font);
  if (width > 0)
    {
      pango_layout_set_width (text, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (text, string, -1);
}

PangoLayout *
cp_chart_text_new (PangoContext *context, const CpRenderStyle *style, double scale,
                   gboolean bold, const char *string, double width)
{
  PangoLayout *text = pango_layout_new (context);

  setup_text (text, style, scale, bold, string, width);
  return text;
}

PangoLayout *
cp_chart_text_for_cairo (cairo_t *cr, const CpRenderStyle *style, double scale,
                         gboolean bold, const char *string, double width)
{
  PangoLayout *text = pango_cairo_create_layout (cr);

  setup_text (text, style, scale, bold, string, width);
  return text;
}

double
cp_chart_text_width (CpChartLayout *layout, const CpRenderStyle *style, const char *string)
{
  g_autoptr(PangoLayout) text = cp_chart_text_new (layout->pango, style, 1.0, FALSE, string, -1);
  int width;

  pango_layout_get_pixel_size (text, &width, NULL);
  return width;
}

void
cp_chart_show_text (cairo_t *cr, const CpRenderStyle *style, double scale, gboolean bold,
                    const char *string, double x, double y, double width, gboolean align_right)
{
  g_autoptr(PangoLayout) text = cp_chart_text_for_cairo (cr, style, scale, bold, string, width);
  int text_width;

  if (align_right)
    {
      pango_layout_set_width (text, -1);
      pango_layout_get_pixel_size (text, &text_width, NULL);
      x -= text_width;
    }
  cp_chart_set_color (cr, &style->foreground, 1.0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
}

/* ---------------------------------------------------------------------
 * Patterns
 * ------------------------------------------------------------------- */

/* Each series after the first has its own marks: stripes, dots, hatching. */
static void
draw_pattern (cairo_t *cr, int series, double x0, double y0, double x1, double y1)
{
  const double step = 7.0;

  switch (ABS (series) % 8)
    {
    case 0:
      return;
    case 1:  /* diagonal stripes */
    case 3:  /* cross-hatch */
      for (double x = x0 - (y1 - y0); x < x1; x += step)
        {
          cairo_move_to (cr, x, y1);
          cairo_line_to (cr, x + (y1 - y0), y0);
        }
      if (ABS (series) % 8 == 1)
        break;
      /* fall through */
    case 6:  /* the other diagonal */
      for (double x = x0 - (y1 - y0); x < x1; x += step)
        {
          cairo_move_to (cr, x, y0);
          cairo_line_to (cr, x + (y1 - y0), y1);
        }
      break;
    case 2:  /* dots */
      for (double y = y0 + 2; y < y1; y += step)
        for (double x = x0 + 2 + fmod (y, 2 * step) / 2; x < x1; x += step)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, 1.4, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      return;
    case 4:  /* horizontal lines */
      for (double y = y0; y < y1; y += step)
        {
          cairo_move_to (cr, x0, y);
          cairo_line_to (cr, x1, y);
        }
      break;
    case 5:  /* vertical lines */
    default:
      for (double x = x0; x < x1; x += step)
        {
          cairo_move_to (cr, x, y0);
          cairo_line_to (cr, x, y1);
        }
      break;
    }
  cairo_stroke (cr);
}

/* One 14 × 14 tile of marks, repeated: far cheaper than stroking every
 * mark across a large shape, and it stays vector in SVG and PDF. */
static cairo_pattern_t *
create_marks (int series, double grey, double alpha)
{
  cairo_rectangle_t extents = { 0, 0, 14, 14 };
  cairo_surface_t *tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  cairo_set_source_rgba (cr, grey, grey, grey, alpha);
  cairo_set_line_width (cr, 1.5);
  /* Drawn over a larger square so marks crossing the edges wrap whole. */
  draw_pattern (cr, series, -14, -14, 28, 28);
  cairo_destroy (cr);
  pattern = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  return pattern;
}

void
cp_chart_fill_series (cairo_t *cr, const CpRenderStyle *style, int series)
{
  CpRenderColor color = cp_chart_series_color (style, series);
  /* Marks in black or white, whichever stands out on this colour. */
  double lum = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue;
  cairo_pattern_t *marks;

  cp_chart_set_color (cr, &color, 1.0);
  if (ABS (series) % 8 == 0)
    {
      cairo_fill (cr);
      return;
    }
  cairo_fill_preserve (cr);
  marks = lum > 0.45 ? create_marks (series, 0, 0.45) : create_marks (series, 1, 0.55);
  cairo_set_source (cr, marks);
  cairo_fill (cr);
  cairo_pattern_destroy (marks);
}

void
cp_chart_stripes (cairo_t *cr, const CpRenderStyle *style, double x, double y,
                  double width, double height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cp_chart_set_color (cr, &style->foreground, 0.45);
  cairo_set_line_width (cr, 2.0);
  for (double sx = x - height; sx < x + width; sx += 8.0)
    {
      cairo_move_to (cr, sx, y + height);
      cairo_line_to (cr, sx + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------
 * Numbers in words
 * ------------------------------------------------------------------- */

char *
cp_chart_percent (gint64 part, gint64 whole)
{
  gint64 percent;

  if (whole <= 0)
    return g_strdup ("");
  percent = (part * 100 + whole / 2) / whole;
  if (percent == 0 && part > 0)
    return g_strdup (_("less than 1%"));
  /* Translators: a percentage, like 23% */
  return g_strdup_printf (_("%d%%"), (int) percent);
}

char *
cp_chart_axis_money (gint64 pence)
{
  char *text = cp_money_format (pence);

  if (g_str_has_suffix (text, ".00"))
    text[strlen (text) - 3] = '\0';
  return text;
}

gint64
cp_chart_nice_step (gint64 max, guint n)
{
  gint64 raw = MAX (max / MAX (n, 1), 1);
  gint64 magnitude = 1;

  while (magnitude * 10 <= raw)
    magnitude *= 10;
  if (raw <= magnitude)
    return magnitude;
  if (raw <= 2 * magnitude)
    return 2 * magnitude;
  if (raw <= 5 * magnitude)
    return 5 * magnitude;
  return 10 * magnitude;
}

/* ---------------------------------------------------------------------
 * Hits and the legend
 * ------------------------------------------------------------------- */

static void
hit_clear (gpointer data)
{
  CpChartHit *hit = data;

  g_free (hit->label);
  g_free (hit->value);
}

static void
legend_clear (gpointer data)
{
  CpChartLegendRow *row = data;

  g_free (row->label);
  g_free (row->value);
}

CpChartHit *
cp_chart_layout_add_hit (CpChartLayout *layout, CpChartShape shape, int series,
                         const char *label, char *value, gint64 amount_pence)
{
  CpChartHit hit = { 0 };

  hit.shape = shape;
  hit.series = series;
  hit.label = g_strdup (label);
  hit.value = value;
  hit.amount_pence = amount_pence;
  g_array_append_val (layout->hits, hit);
  return &g_array_index (layout->hits, CpChartHit, layout->hits->len - 1);
}

void
cp_chart_layout_add_legend (CpChartLayout *layout, int series, int line_style,
                            const char *label, char *value)
{
  CpChartLegendRow row = { series, line_style, g_strdup (label), value };

  g_array_append_val (layout->legend, row);
}

/* Label on the left, amount and share right-aligned: one row each. */
double
cp_chart_legend_place (CpChartLayout *layout, const CpRenderStyle *style,
                       double x, double y, double width)
{
  double top = y;

  for (guint i = 0; i < layout->legend->len; i++)
    {
      CpChartLegendRow *row = &g_array_index (layout->legend, CpChartLegendRow, i);
      double value_w = row->value ? cp_chart_text_width (layout, style, row->value) : 0;
      double label_w = MAX (width - CP_CHART_SWATCH - 6 - value_w - 8, 20);
      g_autoptr(PangoLayout) text = cp_chart_text_new (layout->pango, style, 1.0, FALSE, row->label, label_w);
      int h;

      pango_layout_get_pixel_size (text, NULL, &h);
      row->x = x;
      row->y = y;
      row->width = width;
      row->height = MAX (h, CP_CHART_SWATCH) + 4;
      y += row->height;
    }
  return y - top;
}

static void
draw_line_sample (cairo_t *cr, const CpRenderStyle *style, int line_style, double x, double y)
{
  static const double dash[] = { 6.0, 4.0 };
  static const double dot[] = { 2.0, 3.0 };
  CpRenderColor color = cp_chart_series_color (style, 0);

  cairo_save (cr);
  if (line_style == 2)
    {
      cp_chart_set_color (cr, &style->foreground, 0.7);
      cairo_set_dash (cr, dot, 2, 0);
    }
  else
    {
      cp_chart_set_color (cr, &color, 1.0);
      if (line_style == 1)
        cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_set_line_width (cr, 3.0);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + CP_CHART_SWATCH, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
cp_chart_legend_draw (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style)
{
  for (guint i = 0; i < layout->legend->len; i++)
    {
      const CpChartLegendRow *row = &g_array_index (layout->legend, CpChartLegendRow, i);
      double value_w = 0;
      double sy = row->y + 2;

      if (row->series >= 0)
        {
          cairo_rectangle (cr, row->x, sy, CP_CHART_SWATCH, CP_CHART_SWATCH);
          cp_chart_fill_series (cr, style, row->series);
          cairo_rectangle (cr, row->x + 0.5, sy + 0.5, CP_CHART_SWATCH - 1, CP_CHART_SWATCH - 1);
          cp_chart_set_color (cr, &style->foreground, 0.6);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
      else
        draw_line_sample (cr, style, row->line_style, row->x, sy + CP_CHART_SWATCH / 2);
      if (row->value != NULL)
        {
          g_autoptr(PangoLayout) value = cp_chart_text_for_cairo (cr, style, 1.0, FALSE, row->value, -1);
          int w;

          pango_layout_get_pixel_size (value, &w, NULL);
          value_w = w;
          cp_chart_set_color (cr, &style->foreground, 1.0);
          cairo_move_to (cr, row->x + row->width - w, row->y);
          pango_cairo_show_layout (cr, value);
        }
      cp_chart_show_text (cr, style, 1.0, FALSE, row->label, row->x + CP_CHART_SWATCH + 6, row->y,
                          MAX (row->width - CP_CHART_SWATCH - 6 - value_w - 8, 20), FALSE);
    }
}

/* ---------------------------------------------------------------------
 * The layout
 * ------------------------------------------------------------------- */

static const char *
empty_message (CpChartKind kind, const CpChartData *data)
{
  if (!data->has_plan)
    return _("There is no plan with a budget yet");
  switch (kind)
    {
    case CP_CHART_KIND_BARS:
      if (data->lines->len == 0)
        return _("No budget lines planned yet");
      return NULL;
    case CP_CHART_KIND_BURN:
      if (data->days->len == 0 && data->agreed_pence <= 0)
        return _("No spending recorded yet");
      return NULL;
    case CP_CHART_KIND_DONUT:
    case CP_CHART_KIND_MONTHLY:
    case CP_CHART_N_KINDS:
    default:
      return data->spent_pence == 0 && (data->slices->len == 0 || kind == CP_CHART_KIND_MONTHLY)
             ? _("No spending recorded yet") : NULL;
    }
}

CpChartLayout *
cp_chart_layout_new (CpChartKind kind, const CpChartData *data, double width, double height,
                     const CpRenderStyle *style)
{
  CpChartLayout *layout;
  g_autoptr(PangoLayout) probe = NULL;
  const char *message;
  int h;

  g_return_val_if_fail (data != NULL && style != NULL, NULL);
  g_return_val_if_fail (kind < CP_CHART_N_KINDS, NULL);

  layout = g_new0 (CpChartLayout, 1);
  layout->kind = kind;
  layout->data = data;
  layout->width = MAX (width, 1);
  layout->height = MAX (height, 1);
  layout->hits = g_array_new (FALSE, TRUE, sizeof (CpChartHit));
  g_array_set_clear_func (layout->hits, hit_clear);
  layout->legend = g_array_new (FALSE, TRUE, sizeof (CpChartLegendRow));
  g_array_set_clear_func (layout->legend, legend_clear);
  layout->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (layout->pango, 96.0);
  probe = cp_chart_text_new (layout->pango, style, 1.0, FALSE, "Ag£", -1);
  pango_layout_get_pixel_size (probe, NULL, &h);
  layout->text_height = h;

  message = empty_message (kind, data);
  if (message != NULL)
    {
      layout->message = g_strdup (message);
      return layout;
    }
  switch (kind)
    {
    case CP_CHART_KIND_DONUT:   cp_chart_donut_layout (layout, style); break;
    case CP_CHART_KIND_BARS:    cp_chart_bars_layout (layout, style); break;
    case CP_CHART_KIND_BURN:    cp_chart_burn_layout (layout, style); break;
    case CP_CHART_KIND_MONTHLY: cp_chart_monthly_layout (layout, style); break;
    case CP_CHART_N_KINDS:
    default:                    break;
    }
  return layout;
}

void
cp_chart_layout_free (CpChartLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->hits);
  g_array_unref (layout->legend);
  g_object_unref (layout->pango);
  g_free (layout->message);
  g_free (layout);
}

CpChartKind
cp_chart_layout_get_kind (const CpChartLayout *layout)
{
  return layout->kind;
}

double
cp_chart_layout_get_width (const CpChartLayout *layout)
{
  return layout->width;
}

double
cp_chart_layout_get_height (const CpChartLayout *layout)
{
  return layout->height;
}

gboolean
cp_chart_layout_is_empty (const CpChartLayout *layout)
{
  return layout->message != NULL;
}

const char *
cp_chart_layout_get_message (const CpChartLayout *layout)
{
  return layout->message;
}

guint
cp_chart_layout_get_n_hits (const CpChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->hits->len;
}

const CpChartHit *
cp_chart_layout_get_hit (const CpChartLayout *layout, guint index)
{
  g_return_val_if_fail (layout != NULL && index < layout->hits->len, NULL);
  return &g_array_index (layout->hits, CpChartHit, index);
}

/* Angles run clockwise from 12 o'clock, as the slices are drawn. */
static gboolean
arc_contains (const CpChartHit *hit, double x, double y)
{
  double dx = x - hit->cx, dy = y - hit->cy;
  double r = sqrt (dx * dx + dy * dy);
  double angle = atan2 (dx, -dy);

  if (r < hit->inner || r > hit->outer)
    return FALSE;
  if (angle < 0)
    angle += 2 * G_PI;
  return angle >= hit->start && angle < hit->end;
}

static gboolean
hit_contains (const CpChartHit *hit, double x, double y)
{
  switch (hit->shape)
    {
    case CP_CHART_SHAPE_ARC:
      return arc_contains (hit, x, y);
    case CP_CHART_SHAPE_POINT:
      /* A point owns its column of the plot, so the pointer need not be exact. */
    case CP_CHART_SHAPE_RECT:
    default:
      return x >= hit->x && x < hit->x + hit->width && y >= hit->y && y < hit->y + hit->height;
    }
}

int
cp_chart_layout_hit_test (const CpChartLayout *layout, double x, double y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->hits->len; i++)
    if (hit_contains (&g_array_index (layout->hits, CpChartHit, i), x, y))
      return (int) i;
  return -1;
}

char *
cp_chart_hit_dup_text (const CpChartHit *hit)
{
  g_return_val_if_fail (hit != NULL, NULL);
  /* Translators: "Transport: £1,200.00 (12%)" */
  return g_strdup_printf (_("%s: %s"), hit->label, hit->value);
}

void
cp_chart_outline_hit (cairo_t *cr, const CpChartHit *hit, const CpRenderStyle *style)
{
  cairo_save (cr);
  /* Text leaves a current point behind; an arc would join it with a line. */
  cairo_new_path (cr);
  cp_chart_set_color (cr, &style->foreground, 1.0);
  cairo_set_line_width (cr, 3.0);
  switch (hit->shape)
    {
    case CP_CHART_SHAPE_ARC:
      cairo_arc (cr, hit->cx, hit->cy, hit->outer, hit->start - G_PI / 2, hit->end - G_PI / 2);
      cairo_arc_negative (cr, hit->cx, hit->cy, hit->inner, hit->end - G_PI / 2, hit->start - G_PI / 2);
      cairo_close_path (cr);
      break;
    case CP_CHART_SHAPE_POINT:
      cairo_arc (cr, hit->cx, hit->cy, 6.0, 0, 2 * G_PI);
      break;
    case CP_CHART_SHAPE_RECT:
    default:
      cairo_rectangle (cr, hit->x + 1.5, hit->y + 1.5, MAX (hit->width - 3, 1), MAX (hit->height - 3, 1));
      break;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_message (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style)
{
  g_autoptr(PangoLayout) text = cp_chart_text_for_cairo (cr, style, 1.2, FALSE, layout->message,
                                                         layout->width - 2 * CP_CHART_PAD);
  int h;

  pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (text, NULL, &h);
  cp_chart_set_color (cr, &style->foreground, 0.8);
  cairo_move_to (cr, CP_CHART_PAD, (layout->height - h) / 2);
  pango_cairo_show_layout (cr, text);
}

void
cp_chart_draw (cairo_t *cr, const CpChartLayout *layout, const CpRenderStyle *style, int highlight)
{
  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_clip (cr);
  if (style->background.alpha > 0)
    {
      cp_chart_set_color (cr, &style->background, 1.0);
      cairo_paint (cr);
    }
  if (layout->message != NULL)
    draw_message (cr, layout, style);
  else
    switch (layout->kind)
      {
      case CP_CHART_KIND_DONUT:   cp_chart_donut_draw (cr, layout, style); break;
      case CP_CHART_KIND_BARS:    cp_chart_bars_draw (cr, layout, style); break;
      case CP_CHART_KIND_BURN:    cp_chart_burn_draw (cr, layout, style); break;
      case CP_CHART_KIND_MONTHLY: cp_chart_monthly_draw (cr, layout, style); break;
      case CP_CHART_N_KINDS:
      default:                    break;
      }
  if (highlight >= 0 && (guint) highlight < layout->hits->len)
    cp_chart_outline_hit (cr, &g_array_index (layout->hits, CpChartHit, highlight), style);
  cairo_restore (cr);
}

void
cp_chart_render (cairo_t *cr, CpChartKind kind, const CpChartData *data, double width,
                 double height, const CpRenderStyle *style)
{
  g_autoptr(CpChartLayout) layout = cp_chart_layout_new (kind, data, width, height, style);

  cp_chart_draw (cr, layout, style, -1);
}

static char *
describe_largest (const CpChartData *data)
{
  const CpChartSlice *top;
  g_autofree char *amount = NULL;

  if (data->slices->len == 0)
    return g_strdup ("");
  top = &g_array_index (data->slices, CpChartSlice, 0);
  amount = cp_money_format (top->amount_pence);
  /* Translators: "The most went on Personal assistant wages: £8,200.00." */
  return g_strdup_printf (_("The most went on %s: %s."), top->label, amount);
}

/* Money on no line is named apart: it is not a line that went over. */
static char *
describe_lines (const CpChartData *data)
{
  g_autofree char *counted = NULL;
  g_autofree char *amount = NULL;
  gint64 orphan = 0;
  guint over = 0, n_lines = 0;

  for (guint i = 0; i < data->lines->len; i++)
    {
      const CpChartLine *line = &g_array_index (data->lines, CpChartLine, i);

      if (line->orphan)
        {
          orphan += line->spent_pence;
          continue;
        }
      n_lines++;
      over += line->spent_pence > line->planned_pence;
    }
  /* Translators: "2 of 9 budget lines have spent more than planned." */
  counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u budget line has spent more than planned.",
                                          "%u of %u budget lines have spent more than planned.", n_lines),
                             over, n_lines);
  if (orphan == 0)
    return g_steal_pointer (&counted);
  amount = cp_money_format (orphan);
  /* Translators: the first %s is "2 of 9 budget lines have spent more than planned." */
  return g_strdup_printf (_("%s %s was spent on no budget line."), counted, amount);
}

static char *
describe_burn (const CpChartData *data)
{
  g_autofree char *planned = cp_money_format (cp_chart_data_planned_by (data, data->today_day));
  gint64 spent = 0;
  g_autofree char *spent_text = NULL;

  for (guint i = 0; i < data->days->len; i++)
    if (g_array_index (data->days, CpChartDay, i).day <= data->today_day)
      spent = g_array_index (data->days, CpChartDay, i).cumulative_pence;
  spent_text = cp_money_format (spent);
  /* Translators: "By today the plan expected £6,000.00 spent; £4,815.88 is." */
  return g_strdup_printf (_("By today the plan expected %s spent; %s is."), planned, spent_text);
}

static char *
describe_monthly (const CpChartData *data)
{
  gint64 best = 0;
  guint best_month = 0;
  g_autofree char *month = NULL;
  g_autofree char *amount = NULL;

  for (guint m = 0; m < data->months->len; m++)
    {
      gint64 total = 0;
      for (guint s = 0; s < data->streams->len; s++)
        total += cp_chart_data_get_monthly (data, m, s);
      if (total > best)
        {
          best = total;
          best_month = m;
        }
    }
  if (best <= 0)
    return g_strdup ("");
  month = cp_chart_data_month_label (data, best_month);
  amount = cp_money_format (best);
  /* Translators: "The most spent in a month was £1,820.00, in October 2026." */
  return g_strdup_printf (_("The most spent in a month was %s, in %s."), amount, month);
}

char *
cp_chart_dup_detail (CpChartKind kind, const CpChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  if (!data->has_plan)
    return g_strdup ("");
  switch (kind)
    {
    case CP_CHART_KIND_DONUT:   return describe_largest (data);
    case CP_CHART_KIND_BARS:    return describe_lines (data);
    case CP_CHART_KIND_BURN:    return describe_burn (data);
    case CP_CHART_KIND_MONTHLY: return describe_monthly (data);
    case CP_CHART_N_KINDS:
    default:                    return g_strdup ("");
    }
}

char *
cp_chart_dup_description (CpChartKind kind, const CpChartData *data)
{
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  summary = cp_chart_data_dup_summary (data);
  detail = cp_chart_dup_detail (kind, data);
  return g_strstrip (g_strconcat (summary, " ", detail, NULL));
}
