/* cp-render-style.h — the colours and font a drawing uses
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filled by the GUI from the desktop's light or dark style, or by the
 * CLI with the light style for PNG and PDF. No GTK here.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} CpRenderColor;

typedef struct
{
  CpRenderColor foreground; /* text */
  CpRenderColor background; /* behind everything; alpha 0 leaves it transparent */
  CpRenderColor track;      /* the empty part of a bar */
  CpRenderColor accent;     /* money spent within the budget */
  CpRenderColor warning;    /* money spent beyond the budget */
  const char   *font_family;
  double        font_size;  /* in points at 96 dpi */
} CpRenderStyle;

/* Okabe-Ito colours, which stay apart for every common colour blindness. */
void cp_render_style_init_light (CpRenderStyle       *style);
void cp_render_style_init_dark  (CpRenderStyle       *style);

G_END_DECLS
