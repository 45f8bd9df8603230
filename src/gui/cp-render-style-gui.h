/* cp-render-style-gui.h — the render library's style, taken from the theme
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Widgets that draw with the render library (the circle, the budget bar,
 * the outcome chart) use the light or dark palette as libadwaita says,
 * the theme's text colour and font, and redraw when dark mode changes.
 */
#pragma once

#include <gtk/gtk.h>

#include "cp-render-style.h"

G_BEGIN_DECLS

/* Fills @style for drawing in @widget. Font names point into @widget's
 * Pango context: use @style only while drawing. */
void cp_render_style_init_for_widget (CpRenderStyle *style,
                                      GtkWidget     *widget);
/* Redraws @widget whenever libadwaita switches between light and dark. */
void cp_render_style_follow_dark     (GtkWidget     *widget);

G_END_DECLS
