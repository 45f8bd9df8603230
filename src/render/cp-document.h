/* cp-document.h — a simple flowing document laid out on pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printable plan is a column of blocks — titles, headings, paragraphs,
 * drawings — poured onto A4 pages. The same pages draw into a PDF surface
 * (coplan-cli export --format pdf) and into a GtkPrintContext (printing),
 * so what is printed is what the PDF shows. All sizes are in points.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define CP_DOCUMENT_A4_WIDTH  595.276
#define CP_DOCUMENT_A4_HEIGHT 841.890

typedef struct
{
  const char *font_family;
  double      body_size;     /* points */
  double      heading_size;
  double      title_size;
  double      line_spacing;  /* 1.0 = the font's own */
  double      margin;        /* all four sides, points */
  double      paragraph_gap; /* space after a paragraph */
} CpDocumentStyle;

/* 11 pt text for the full plan; 16 pt and wide spacing for easy read. */
void cp_document_style_init_standard   (CpDocumentStyle *style);
void cp_document_style_init_easy_read  (CpDocumentStyle *style);

typedef struct _CpDocument CpDocument;

/* Draws a figure into the box (0, 0, width, height) of @cr. */
typedef void (*CpDocumentDrawFunc) (cairo_t *cr,
                                    double   width,
                                    double   height,
                                    gpointer data);

CpDocument *cp_document_new            (const CpDocumentStyle *style,
                                        const char            *footer);
void        cp_document_free           (CpDocument            *self);

void        cp_document_add_title      (CpDocument            *self,
                                        const char            *text);
/* Kept on the same page as the block after it. */
void        cp_document_add_heading    (CpDocument            *self,
                                        const char            *text);
void        cp_document_add_subheading (CpDocument            *self,
                                        const char            *text);
/* Plain text; long paragraphs run on to the next page line by line. */
void        cp_document_add_paragraph  (CpDocument            *self,
                                        const char            *text);
void        cp_document_add_bullet     (CpDocument            *self,
                                        const char            *text);
/* Smaller, dimmer text: whose words an entry is, a date. */
void        cp_document_add_note       (CpDocument            *self,
                                        const char            *text);
/* A paragraph in a ruled box, for what must not be missed. */
void        cp_document_add_callout    (CpDocument            *self,
                                        const char            *text);
void        cp_document_add_drawing    (CpDocument            *self,
                                        double                 height,
                                        CpDocumentDrawFunc     func,
                                        gpointer               data,
                                        GDestroyNotify         destroy);
void        cp_document_add_page_break (CpDocument            *self);

/* Lays the blocks out on pages of @width × @height using @cr's fonts.
 * Returns the number of pages. */
guint       cp_document_paginate       (CpDocument            *self,
                                        cairo_t               *cr,
                                        double                 width,
                                        double                 height);
guint       cp_document_get_n_pages    (CpDocument            *self);
void        cp_document_draw_page      (CpDocument            *self,
                                        cairo_t               *cr,
                                        guint                  page);
/* The words on @page after cp_document_paginate(), a line of text per
 * laid-out line and "[figure]" for a drawing: for tests, and to check
 * what a page holds without reading a PDF back. */
char       *cp_document_dup_page_text  (CpDocument            *self,
                                        guint                  page);
/* Every block's text in order, one per line: the document as plain text. */
char       *cp_document_dup_text       (CpDocument            *self);
/* Paginates for A4 and writes every page to a PDF file. */
gboolean    cp_document_write_pdf      (CpDocument            *self,
                                        const char            *filename,
                                        GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpDocument, cp_document_free)

G_END_DECLS
