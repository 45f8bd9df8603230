/* cp-budget-bar.c — money spent against money agreed, as a bar with words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout, then drawing, so the same numbers serve the screen, PNG and
 * PDF. Being over budget is said in words and drawn with stripes and a
 * marker, never by colour alone.
 */
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cp-budget-bar.h"
#include "cp-money.h"

#define GAP 6.0
#define MIN_BAR_HEIGHT 8.0
#define STRIPE_SPACING 8.0

char *
cp_budget_bar_dup_label (gint64 agreed_pence, gint64 spent_pence)
{
  g_autofree char *agreed = cp_money_format (agreed_pence);
  g_autofree char *spent = cp_money_format (spent_pence);

  if (agreed_pence <= 0 && spent_pence == 0)
    return g_strdup (_("No money agreed yet"));
  if (agreed_pence <= 0)
    /* Translators: %s is an amount of money, like £120.00 */
    return g_strdup_printf (_("%s spent — no budget agreed yet"), spent);
  if (spent_pence <= agreed_pence)
    {
      g_autofree char *left = cp_money_format (agreed_pence - spent_pence);
      /* Translators: "£4,120.00 spent of £12,000.00 — £7,880.00 left" */
      return g_strdup_printf (_("%s spent of %s — %s left"), spent, agreed, left);
    }
  else
    {
      g_autofree char *over = cp_money_format (spent_pence - agreed_pence);
      /* Translators: "£12,120.00 spent of £12,000.00 — £120.00 over budget" */
      return g_strdup_printf (_("%s spent of %s — %s over budget"), spent, agreed, over);
    }
}

/* Pixels only: the fractions never hold money. */
void
cp_budget_bar_layout (double width, double height, double text_height,
                      gint64 agreed_pence, gint64 spent_pence, CpBudgetBarLayout *layout)
{
  double spent = MAX (spent_pence, 0);
  double agreed = MAX (agreed_pence, 0);

  g_return_if_fail (layout != NULL);

  layout->text_height = text_height;
  layout->bar_y = text_height + GAP;
  layout->bar_height = MAX (height - layout->bar_y, MIN_BAR_HEIGHT);
  layout->over_budget = spent > agreed;
  if (spent <= 0)
    {
      layout->within_width = 0;
      layout->over_width = 0;
    }
  else if (!layout->over_budget)
    {
      layout->within_width = width * spent / agreed;
      layout->over_width = 0;
    }
  else
    {
      /* The bar stretches to what was spent; the budget is a part of it. */
      layout->within_width = width * agreed / spent;
      layout->over_width = width - layout->within_width;
    }
}

static void
set_color (cairo_t *cr, const CpRenderColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static PangoLayout *
create_label_layout (cairo_t *cr, double width, const char *text, const CpRenderStyle *style)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font_family);

  pango_font_description_set_size (font, (int) (style->font_size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
draw_stripes (cairo_t *cr, double x, double y, double width, double height,
              const CpRenderStyle *style)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green,
                         style->foreground.blue, 0.45);
  cairo_set_line_width (cr, 2.0);
  for (double sx = x - height; sx < x + width; sx += STRIPE_SPACING)
    {
      cairo_move_to (cr, sx, y + height);
      cairo_line_to (cr, sx + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_bar (cairo_t *cr, double width, const CpBudgetBarLayout *l, const CpRenderStyle *style)
{
  double y = l->bar_y, h = l->bar_height;

  set_color (cr, &style->track);
  cairo_rectangle (cr, 0, y, width, h);
  cairo_fill (cr);

  set_color (cr, &style->accent);
  cairo_rectangle (cr, 0, y, l->within_width, h);
  cairo_fill (cr);

  if (!l->over_budget)
    return;
  set_color (cr, &style->warning);
  cairo_rectangle (cr, l->within_width, y, l->over_width, h);
  cairo_fill (cr);
  draw_stripes (cr, l->within_width, y, l->over_width, h, style);
  /* A marker where the budget ends. */
  set_color (cr, &style->foreground);
  cairo_rectangle (cr, MAX (l->within_width - 1.5, 0), y - 3, 3, h + 6);
  cairo_fill (cr);
}

void
cp_budget_bar_draw (cairo_t *cr, double width, double height,
                    gint64 agreed_pence, gint64 spent_pence, const CpRenderStyle *style)
{
  g_autofree char *label = NULL;
  g_autoptr(PangoLayout) text = NULL;
  CpBudgetBarLayout layout;
  int text_width, text_height;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background.alpha > 0)
    {
      set_color (cr, &style->background);
      cairo_paint (cr);
    }

  label = cp_budget_bar_dup_label (agreed_pence, spent_pence);
  text = create_label_layout (cr, width, label, style);
  pango_layout_get_pixel_size (text, &text_width, &text_height);
  cp_budget_bar_layout (width, height, text_height, agreed_pence, spent_pence, &layout);

  set_color (cr, &style->foreground);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, text);
  draw_bar (cr, width, &layout, style);
  cairo_restore (cr);
}
