/* cp-render-style-gui.c — the render library's style, taken from the theme
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "cp-render-style-gui.h"

/* Okabe-Ito colours from the render library; the text takes the theme's colour. */
void
cp_render_style_init_for_widget (CpRenderStyle *style, GtkWidget *widget)
{
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  GdkRGBA color;

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    cp_render_style_init_dark (style);
  else
    cp_render_style_init_light (style);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  style->foreground = (CpRenderColor) { color.red, color.green, color.blue, color.alpha };
  if (font != NULL && pango_font_description_get_family (font) != NULL)
    {
      style->font_family = pango_font_description_get_family (font);
      style->font_size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
      /* GTK gives CSS sizes in pixels; the render style counts points at 96 dpi. */
      if (pango_font_description_get_size_is_absolute (font))
        style->font_size *= 72.0 / 96.0;
    }
}

void
cp_render_style_follow_dark (GtkWidget *widget)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
}
