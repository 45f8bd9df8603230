/* cp-render-style.c — light and dark drawing styles
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-render-style.h"

static CpRenderColor
rgb (guint hex)
{
  CpRenderColor color = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    1.0,
  };
  return color;
}

void
cp_render_style_init_light (CpRenderStyle *style)
{
  g_return_if_fail (style != NULL);

  style->foreground = rgb (0x1e1e1e);
  style->background = rgb (0xffffff);
  style->background.alpha = 0.0;
  style->track = rgb (0xdeddda);
  style->accent = rgb (0x0072b2);   /* Okabe-Ito blue */
  style->warning = rgb (0xd55e00);  /* Okabe-Ito vermillion */
  style->font_family = "Cantarell, sans-serif";
  style->font_size = 11.0;
}

void
cp_render_style_init_dark (CpRenderStyle *style)
{
  g_return_if_fail (style != NULL);

  style->foreground = rgb (0xffffff);
  style->background = rgb (0x242424);
  style->background.alpha = 0.0;
  style->track = rgb (0x4a4a4a);
  style->accent = rgb (0x56b4e9);   /* Okabe-Ito sky blue */
  style->warning = rgb (0xe69f00);  /* Okabe-Ito orange */
  style->font_family = "Cantarell, sans-serif";
  style->font_size = 11.0;
}
