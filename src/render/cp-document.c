/* cp-document.c — a simple flowing document laid out on pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pagination measures every block with Pango, then places blocks (or,
 * for long paragraphs, runs of lines) on pages as "fragments". Drawing a
 * page only draws its fragments, so printing page 7 of 9 lays nothing out
 * again. Headings move to the next page rather than end one.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cp-document.h"

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_PARAGRAPH,
  BLOCK_BULLET,
  BLOCK_NOTE,
  BLOCK_CALLOUT,
  BLOCK_DRAWING,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  BlockKind           kind;
  char               *text;
  PangoLayout        *layout;
  GArray             *line_tops;      /* double, points from the layout's top */
  GArray             *line_bottoms;
  GArray             *line_baselines;
  double              height;         /* drawings only */
  CpDocumentDrawFunc  draw;
  gpointer            data;
  GDestroyNotify      destroy;
} Block;

typedef struct
{
  guint  page;
  double y;          /* top of the fragment on its page */
  Block *block;
  guint  first_line;
  guint  n_lines;
  double height;
} Fragment;

struct _CpDocument
{
  CpDocumentStyle style;
  char           *footer;
  GPtrArray      *blocks;     /* Block */
  GArray         *fragments;  /* Fragment */
  guint           n_pages;
  double          width;
  double          height;
};

#define BULLET_INDENT_EM 1.4
#define CALLOUT_PADDING 8.0
#define FOOTER_SIZE_RATIO 0.8

void
cp_document_style_init_standard (CpDocumentStyle *style)
{
  style->font_family = "Sans";
  style->body_size = 11.0;
  style->heading_size = 15.0;
  style->title_size = 22.0;
  style->line_spacing = 1.15;
  style->margin = 56.0;        /* about 2 cm */
  style->paragraph_gap = 6.0;
}

/* Easy read guidance: large type (at least 14 pt, here 16), generous
 * spacing, short lines, one idea per line. */
void
cp_document_style_init_easy_read (CpDocumentStyle *style)
{
  style->font_family = "Sans";
  style->body_size = 16.0;
  style->heading_size = 24.0;
  style->title_size = 30.0;
  style->line_spacing = 1.4;
  style->margin = 56.0;
  style->paragraph_gap = 12.0;
}

static void
block_free (gpointer data)
{
  Block *block = data;

  if (block->destroy != NULL)
    block->destroy (block->data);
  g_clear_object (&block->layout);
  g_clear_pointer (&block->line_tops, g_array_unref);
  g_clear_pointer (&block->line_bottoms, g_array_unref);
  g_clear_pointer (&block->line_baselines, g_array_unref);
  g_free (block->text);
  g_free (block);
}

CpDocument *
cp_document_new (const CpDocumentStyle *style, const char *footer)
{
  CpDocument *self = g_new0 (CpDocument, 1);

  g_return_val_if_fail (style != NULL, NULL);

  self->style = *style;
  self->footer = g_strdup (footer ? footer : "");
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->fragments = g_array_new (FALSE, TRUE, sizeof (Fragment));
  return self;
}

void
cp_document_free (CpDocument *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_array_unref (self->fragments);
  g_free (self->footer);
  g_free (self);
}

static void
add_text (CpDocument *self, BlockKind kind, const char *text)
{
  Block *block;

  g_return_if_fail (self != NULL);
  if (text == NULL || *text == '\0')
    return;
  block = g_new0 (Block, 1);
  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (self->blocks, block);
}

void cp_document_add_title      (CpDocument *self, const char *text) { add_text (self, BLOCK_TITLE, text); }
void cp_document_add_heading    (CpDocument *self, const char *text) { add_text (self, BLOCK_HEADING, text); }
void cp_document_add_subheading (CpDocument *self, const char *text) { add_text (self, BLOCK_SUBHEADING, text); }
void cp_document_add_paragraph  (CpDocument *self, const char *text) { add_text (self, BLOCK_PARAGRAPH, text); }
void cp_document_add_bullet     (CpDocument *self, const char *text) { add_text (self, BLOCK_BULLET, text); }
void cp_document_add_note       (CpDocument *self, const char *text) { add_text (self, BLOCK_NOTE, text); }
void cp_document_add_callout    (CpDocument *self, const char *text) { add_text (self, BLOCK_CALLOUT, text); }

void
cp_document_add_drawing (CpDocument *self, double height, CpDocumentDrawFunc func,
                         gpointer data, GDestroyNotify destroy)
{
  Block *block;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL && height > 0);

  block = g_new0 (Block, 1);
  block->kind = BLOCK_DRAWING;
  block->height = height;
  block->draw = func;
  block->data = data;
  block->destroy = destroy;
  g_ptr_array_add (self->blocks, block);
}

void
cp_document_add_page_break (CpDocument *self)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_PAGE_BREAK;
  g_ptr_array_add (self->blocks, block);
}

static double
font_size (CpDocument *self, BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE: return self->style.title_size;
    case BLOCK_HEADING: return self->style.heading_size;
    case BLOCK_SUBHEADING: return (self->style.heading_size + self->style.body_size) / 2;
    case BLOCK_NOTE: return self->style.body_size * 0.85;
    default: return self->style.body_size;
    }
}

static double
indent (CpDocument *self, BlockKind kind)
{
  if (kind == BLOCK_BULLET)
    return self->style.body_size * BULLET_INDENT_EM;
  if (kind == BLOCK_CALLOUT)
    return CALLOUT_PADDING;
  return 0;
}

static double
content_width (CpDocument *self)
{
  return self->width - 2 * self->style.margin;
}

static double
footer_height (CpDocument *self)
{
  return self->style.body_size * FOOTER_SIZE_RATIO * 2.5;
}

static PangoFontDescription *
font_for (CpDocument *self, BlockKind kind)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, self->style.font_family);
  pango_font_description_set_absolute_size (font, font_size (self, kind) * PANGO_SCALE);
  if (kind == BLOCK_TITLE || kind == BLOCK_HEADING || kind == BLOCK_SUBHEADING)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

/* Lays out one text block at the column width and records where each
 * of its lines starts and ends, so a page break can fall between lines. */
static void
measure_text (CpDocument *self, Block *block, PangoContext *context)
{
  g_autoptr(PangoFontDescription) font = font_for (self, block->kind);
  double width = content_width (self) - 2 * indent (self, block->kind);
  PangoLayoutIter *iter;

  if (block->kind == BLOCK_BULLET)
    width = content_width (self) - indent (self, block->kind);
  g_clear_object (&block->layout);
  block->layout = pango_layout_new (context);
  pango_layout_set_font_description (block->layout, font);
  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (block->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_line_spacing (block->layout, (float) self->style.line_spacing);
  pango_layout_set_text (block->layout, block->text, -1);

  g_clear_pointer (&block->line_tops, g_array_unref);
  g_clear_pointer (&block->line_bottoms, g_array_unref);
  g_clear_pointer (&block->line_baselines, g_array_unref);
  block->line_tops = g_array_new (FALSE, FALSE, sizeof (double));
  block->line_bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  block->line_baselines = g_array_new (FALSE, FALSE, sizeof (double));
  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle logical;
      double top, bottom, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (block->line_tops, top);
      g_array_append_val (block->line_bottoms, bottom);
      g_array_append_val (block->line_baselines, baseline);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
line_top (Block *block, guint line)
{
  return g_array_index (block->line_tops, double, line);
}

static double
line_bottom (Block *block, guint line)
{
  return g_array_index (block->line_bottoms, double, line);
}

/* The height a block needs before anything of it can be placed: its first
 * line, or all of it when it cannot be split. */
static double
first_part_height (CpDocument *self, Block *block)
{
  if (block->kind == BLOCK_DRAWING)
    return block->height;
  if (block->kind == BLOCK_PAGE_BREAK)
    return 0;
  if (block->kind == BLOCK_CALLOUT)
    return line_bottom (block, block->line_tops->len - 1) + 2 * CALLOUT_PADDING;
  return line_bottom (block, 0);
}

static double
space_before (CpDocument *self, Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING: return self->style.heading_size * 0.9;
    case BLOCK_SUBHEADING: return self->style.body_size * 0.6;
    case BLOCK_CALLOUT: return self->style.paragraph_gap;
    default: return 0;
    }
}

typedef struct
{
  guint  page;
  double y;
  double top;     /* where content starts on a page */
  double bottom;  /* where it must stop */
} Cursor;

static void
next_page (Cursor *cursor)
{
  cursor->page++;
  cursor->y = cursor->top;
}

static void
place (CpDocument *self, Cursor *cursor, Block *block, guint first, guint n, double height)
{
  Fragment fragment = { cursor->page, cursor->y, block, first, n, height };

  g_array_append_val (self->fragments, fragment);
  cursor->y += height;
}

/* Places as many lines as fit, then carries on at the top of the next page. */
static void
place_lines (CpDocument *self, Cursor *cursor, Block *block)
{
  guint n_lines = block->line_tops->len;
  guint first = 0;

  while (first < n_lines)
    {
      guint n = 0;

      while (first + n < n_lines &&
             cursor->y + line_bottom (block, first + n) - line_top (block, first) <= cursor->bottom)
        n++;
      if (n == 0 && cursor->y > cursor->top)
        {
          next_page (cursor);
          continue;
        }
      n = MAX (n, 1);  /* a line taller than a page still goes somewhere */
      place (self, cursor, block, first, n, line_bottom (block, first + n - 1) - line_top (block, first));
      first += n;
      if (first < n_lines)
        next_page (cursor);
    }
}

static void
place_whole (CpDocument *self, Cursor *cursor, Block *block, double height)
{
  if (cursor->y + height > cursor->bottom && cursor->y > cursor->top)
    next_page (cursor);
  place (self, cursor, block, 0, block->line_tops ? block->line_tops->len : 0, height);
}

static gboolean
is_heading (Block *block)
{
  return block->kind == BLOCK_TITLE || block->kind == BLOCK_HEADING || block->kind == BLOCK_SUBHEADING;
}

/* A heading stays with the start of what follows it. */
static void
keep_with_next (CpDocument *self, Cursor *cursor, guint index)
{
  Block *block = self->blocks->pdata[index];
  double needed = first_part_height (self, block);

  if (index + 1 < self->blocks->len)
    {
      Block *next = self->blocks->pdata[index + 1];
      needed += self->style.paragraph_gap + space_before (self, next) + first_part_height (self, next);
    }
  if (cursor->y + needed > cursor->bottom && cursor->y > cursor->top)
    next_page (cursor);
}

guint
cp_document_paginate (CpDocument *self, cairo_t *cr, double width, double height)
{
  PangoContext *context;
  Cursor cursor;

  g_return_val_if_fail (self != NULL && cr != NULL, 0);

  self->width = width;
  self->height = height;
  context = pango_cairo_create_context (cr);
  /* One Pango point is one PDF point. */
  pango_cairo_context_set_resolution (context, 72.0);
  g_array_set_size (self->fragments, 0);
  cursor.page = 0;
  cursor.top = self->style.margin;
  cursor.bottom = height - self->style.margin - footer_height (self);
  cursor.y = cursor.top;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = self->blocks->pdata[i];

      if (block->kind != BLOCK_DRAWING && block->kind != BLOCK_PAGE_BREAK)
        measure_text (self, block, context);
    }
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = self->blocks->pdata[i];

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (cursor.y > cursor.top)
            next_page (&cursor);
          continue;
        }
      if (cursor.y > cursor.top)
        cursor.y += space_before (self, block);
      if (is_heading (block))
        keep_with_next (self, &cursor, i);
      if (block->kind == BLOCK_DRAWING || block->kind == BLOCK_CALLOUT)
        place_whole (self, &cursor, block, first_part_height (self, block));
      else
        place_lines (self, &cursor, block);
      cursor.y += self->style.paragraph_gap;
    }
  g_object_unref (context);
  self->n_pages = cursor.page + 1;
  return self->n_pages;
}

guint
cp_document_get_n_pages (CpDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

static void
set_text_colour (cairo_t *cr, BlockKind kind)
{
  if (kind == BLOCK_NOTE)
    cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
  else
    cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
}

static void
draw_lines (CpDocument *self, cairo_t *cr, const Fragment *fragment, double x)
{
  Block *block = fragment->block;
  double origin = line_top (block, fragment->first_line);

  for (guint i = fragment->first_line; i < fragment->first_line + fragment->n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (block->layout, (int) i);
      double baseline = g_array_index (block->line_baselines, double, i);

      cairo_move_to (cr, x, fragment->y + baseline - origin);
      pango_cairo_show_layout_line (cr, line);
    }
}

static void
draw_bullet (CpDocument *self, cairo_t *cr, const Fragment *fragment)
{
  double size = self->style.body_size;
  double baseline = g_array_index (fragment->block->line_baselines, double, fragment->first_line) -
                    line_top (fragment->block, fragment->first_line);

  if (fragment->first_line != 0)
    return;
  cairo_new_path (cr);
  cairo_arc (cr, self->style.margin + size * 0.45, fragment->y + baseline - size * 0.32,
             size * 0.16, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_fragment (CpDocument *self, cairo_t *cr, const Fragment *fragment)
{
  Block *block = fragment->block;
  double x = self->style.margin;

  cairo_save (cr);
  cairo_new_path (cr);
  if (block->kind == BLOCK_DRAWING)
    {
      cairo_translate (cr, x, fragment->y);
      cairo_rectangle (cr, 0, 0, content_width (self), block->height);
      cairo_clip (cr);
      cairo_new_path (cr);
      block->draw (cr, content_width (self), block->height, block->data);
      cairo_restore (cr);
      return;
    }
  set_text_colour (cr, block->kind);
  if (block->kind == BLOCK_CALLOUT)
    {
      cairo_set_line_width (cr, 1.5);
      cairo_rectangle (cr, x, fragment->y, content_width (self), fragment->height);
      cairo_stroke (cr);
      cairo_translate (cr, 0, CALLOUT_PADDING);
    }
  if (block->kind == BLOCK_BULLET)
    draw_bullet (self, cr, fragment);
  draw_lines (self, cr, fragment, x + indent (self, block->kind));
  cairo_restore (cr);
}

static void
draw_footer (CpDocument *self, cairo_t *cr, guint page)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  /* Translators: the page number at the foot of a printed plan. */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autofree char *text = g_strdup_printf ("%s\t%s", self->footer, number);
  PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                            (int) (content_width (self) * 0.75 * PANGO_SCALE));
  double y = self->height - self->style.margin - self->style.body_size * FOOTER_SIZE_RATIO * 1.4;

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_font_description_set_family (font, self->style.font_family);
  pango_font_description_set_absolute_size (font, self->style.body_size * FOOTER_SIZE_RATIO * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_tabs (layout, tabs);
  pango_tab_array_free (tabs);
  pango_layout_set_width (layout, (int) (content_width (self) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_text (layout, text, -1);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
  cairo_move_to (cr, self->style.margin, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
cp_document_draw_page (CpDocument *self, cairo_t *cr, guint page)
{
  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (page < self->n_pages);

  for (guint i = 0; i < self->fragments->len; i++)
    {
      const Fragment *fragment = &g_array_index (self->fragments, Fragment, i);

      if (fragment->page == page)
        draw_fragment (self, cr, fragment);
    }
  draw_footer (self, cr, page);
}

static void
append_lines (GString *text, const Fragment *fragment)
{
  Block *block = fragment->block;

  for (guint i = fragment->first_line; i < fragment->first_line + fragment->n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (block->layout, (int) i);

      g_string_append_len (text, block->text + line->start_index, line->length);
      g_string_append_c (text, '\n');
    }
}

char *
cp_document_dup_page_text (CpDocument *self, guint page)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->fragments->len; i++)
    {
      const Fragment *fragment = &g_array_index (self->fragments, Fragment, i);

      if (fragment->page != page)
        continue;
      if (fragment->block->kind == BLOCK_DRAWING)
        g_string_append (text, "[figure]\n");
      else
        append_lines (text, fragment);
    }
  return g_string_free (text, FALSE);
}

char *
cp_document_dup_text (CpDocument *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = self->blocks->pdata[i];

      if (block->kind == BLOCK_DRAWING)
        g_string_append (text, "[figure]\n");
      else if (block->text != NULL)
        g_string_append_printf (text, "%s\n", block->text);
    }
  return g_string_free (text, FALSE);
}

static gboolean
check_cairo (cairo_status_t status, const char *filename, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
               filename, cairo_status_to_string (status));
  return FALSE;
}

/* Written beside the target and renamed at the end, so a failed export
 * never leaves half a PDF where the old one was. */
gboolean
cp_document_write_pdf (CpDocument *self, const char *filename, GError **error)
{
  g_autofree char *partial = g_strconcat (filename, ".partial", NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL && filename != NULL, FALSE);

  surface = cairo_pdf_surface_create (partial, CP_DOCUMENT_A4_WIDTH, CP_DOCUMENT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->footer);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Coplan");
  cr = cairo_create (surface);
  cp_document_paginate (self, cr, CP_DOCUMENT_A4_WIDTH, CP_DOCUMENT_A4_HEIGHT);
  for (guint page = 0; page < self->n_pages; page++)
    {
      cp_document_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!check_cairo (status, filename, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, filename) != 0)
    {
      int saved = errno;
      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"),
                   filename, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
