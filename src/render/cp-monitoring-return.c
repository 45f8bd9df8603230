/* cp-monitoring-return.c — a direct-payment monitoring return, as PDF or CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laid out as councils' own return forms are: who and which quarter, the
 * money in and out and what is left (in weeks of funding too), spending
 * by line, every payment with whether its receipt is kept, and a
 * declaration to sign. Receipt status is a word, never only a colour.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "cp-chart-export.h"
#include "cp-date.h"
#include "cp-money.h"
#include "cp-monitoring-return.h"
#include "cp-nhs-number.h"

/* A4 in points, and its margins. */
#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 50.0
#define BODY_PT 9.5
#define ROW_PAD 3.0

/* ---------------------------------------------------------------------
 * Words shared by both formats
 * ------------------------------------------------------------------- */

static char *
long_date (const char *iso)
{
  g_autoptr(GDate) date = cp_date_parse_iso (iso, NULL);
  return date != NULL ? cp_date_format_long (date) : g_strdup (iso != NULL ? iso : "");
}

static char *
period_words (const CpMonitoringReturn *data)
{
  g_autofree char *start = long_date (data->start);
  g_autofree char *end = long_date (data->end);

  /* Translators: "1 July 2026 to 30 September 2026 (2026-Q3)" */
  return g_strdup_printf (_("%s to %s (%s)"), start, end, data->quarter);
}

static char *
weeks_words (const CpMonitoringReturn *data)
{
  if (data->weekly_pence <= 0)
    return g_strdup (_("not known: no weekly amount agreed"));
  /* Translators: "5.2 weeks of funding"; more than 8 may be reclaimed */
  return g_strdup_printf (_("%.1f weeks of funding"), data->surplus_weeks);
}

static const char *
receipt_word (const CpMonitoringPayment *payment)
{
  return payment->has_receipt ? _("Kept") : _("Missing");
}

static const char *
received_note (void)
{
  return _("Money received is worked out from the agreed amounts and how often they are paid: "
           "Coplan holds no record of money paid in. Check it against the bank statement.");
}

/* ---------------------------------------------------------------------
 * CSV
 * ------------------------------------------------------------------- */

static void
csv_field (GString *out, const char *field)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ',');
  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_row (GString *out, const char *first, ...)
{
  va_list args;

  va_start (args, first);
  for (const char *field = first; field != NULL; field = va_arg (args, const char *))
    csv_field (out, field);
  va_end (args);
  g_string_append_c (out, '\n');
}

/* NULL unless the balance is over the weeks a council lets a person keep. */
static char *
surplus_words (const CpMonitoringReturn *data)
{
  if (data->surplus_weeks <= data->surplus_weeks_allowed)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The balance is more than %u week of funding. The council may ask for "
                                       "some of it back, or review the budget.",
                                       "The balance is more than %u weeks of funding. The council may ask for "
                                       "some of it back, or review the budget.",
                                       data->surplus_weeks_allowed),
                          data->surplus_weeks_allowed);
}

static void
csv_money_row (GString *out, const char *label, gint64 pence)
{
  g_autofree char *amount = cp_money_format_plain (pence);
  csv_row (out, label, amount, NULL);
}

static void
csv_totals (GString *out, const CpMonitoringReturn *data)
{
  g_autofree char *surplus = surplus_words (data);
  char weeks[G_ASCII_DTOSTR_BUF_SIZE];

  /* A point, whatever the locale: a comma would split the CSV cell. */
  g_ascii_formatd (weeks, sizeof weeks, "%.1f", data->surplus_weeks);

  csv_row (out, _("Direct payment monitoring return"), NULL);
  csv_row (out, _("Person"), data->person_name, NULL);
  csv_row (out, _("NHS number"), data->nhs_number, NULL);
  csv_row (out, _("Quarter"), data->quarter, data->start, data->end, NULL);
  csv_row (out, _("Funding"), data->streams, NULL);
  csv_money_row (out, _("Opening balance"), data->opening_pence);
  csv_money_row (out, data->received_estimated ? _("Money received (worked out from the agreed amounts)")
                                               : _("Money received"), data->received_pence);
  csv_money_row (out, _("Spent"), data->spent_pence);
  csv_money_row (out, _("Closing balance"), data->closing_pence);
  csv_row (out, _("Closing balance in weeks of funding"), weeks, NULL);
  if (surplus != NULL)
    csv_row (out, surplus, NULL);
  g_string_append_c (out, '\n');
}

char *
cp_monitoring_return_to_csv (const CpMonitoringReturn *data)
{
  GString *out = g_string_new (NULL);
  g_autofree char *missing = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  csv_totals (out, data);
  csv_row (out, _("Budget line"), _("Spent"), NULL);
  for (guint i = 0; i < data->lines->len; i++)
    {
      const CpMonitoringLine *line = &g_array_index (data->lines, CpMonitoringLine, i);
      csv_money_row (out, line->label, line->spent_pence);
    }
  g_string_append_c (out, '\n');
  csv_row (out, _("Date"), _("Payee"), _("Budget line"), _("Reference"), _("Method"), _("Amount"), _("Receipt"), NULL);
  for (guint i = 0; i < data->payments->len; i++)
    {
      const CpMonitoringPayment *p = &g_array_index (data->payments, CpMonitoringPayment, i);
      g_autofree char *amount = cp_money_format_plain (p->amount_pence);

      csv_row (out, p->paid_on, p->payee, p->line, p->reference, p->method, amount, receipt_word (p), NULL);
    }
  missing = g_strdup_printf ("%u", data->n_missing);
  csv_row (out, _("Receipts missing"), missing, NULL);
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------
 * PDF
 * ------------------------------------------------------------------- */

typedef struct
{
  cairo_t                  *cr;
  PangoContext             *pango;
  const CpMonitoringReturn *data;
  double                    y;
  guint                     page;
} Doc;

typedef struct
{
  const char *title;
  double      width;      /* share of the text width */
  gboolean    right;      /* numbers line up on the right */
} Column;

static const Column payment_columns[] = {
  { N_("Date"), 0.14, FALSE },
  { N_("Payee"), 0.24, FALSE },
  { N_("Budget line"), 0.24, FALSE },
  { N_("Reference"), 0.16, FALSE },
  { N_("Amount"), 0.12, TRUE },
  { N_("Receipt"), 0.10, FALSE },
};

static const Column line_columns[] = {
  { N_("Budget line"), 0.75, FALSE },
  { N_("Spent"), 0.25, TRUE },
};

static const Column money_columns[] = {
  { N_("Money"), 0.75, FALSE },
  { N_("Amount"), 0.25, TRUE },
};

static PangoLayout *
doc_text (Doc *doc, const char *text, double points, gboolean bold, double width)
{
  PangoLayout *layout = pango_layout_new (doc->pango);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell, sans-serif");

  pango_font_description_set_size (font, (int) (points * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);
  return h;
}

static void
show (Doc *doc, PangoLayout *layout, double x, double y)
{
  cairo_set_source_rgb (doc->cr, 0, 0, 0);
  cairo_move_to (doc->cr, x, y);
  pango_cairo_show_layout (doc->cr, layout);
}

static void
footer (Doc *doc)
{
  g_autofree char *words = g_strdup_printf (_("%s · %s · page %u"), doc->data->person_name,
                                            doc->data->quarter, doc->page);
  g_autoptr(PangoLayout) text = doc_text (doc, words, 8, FALSE, PAGE_W - 2 * MARGIN);

  pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
  show (doc, text, MARGIN, PAGE_H - MARGIN + 14);
}

static void
new_page (Doc *doc)
{
  footer (doc);
  cairo_show_page (doc->cr);
  doc->page++;
  doc->y = MARGIN;
}

/* A paragraph; a new page first when it would not fit. */
static void
paragraph (Doc *doc, const char *words, double points, gboolean bold, double space_after)
{
  g_autoptr(PangoLayout) text = doc_text (doc, words, points, bold, PAGE_W - 2 * MARGIN);
  double h = text_height (text);

  if (doc->y + h > PAGE_H - MARGIN)
    new_page (doc);
  show (doc, text, MARGIN, doc->y);
  doc->y += h + space_after;
}

static double
row_height (Doc *doc, const Column *columns, guint n, const char *const *cells, gboolean bold)
{
  double width = PAGE_W - 2 * MARGIN, h = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) text = doc_text (doc, cells[i], BODY_PT, bold, columns[i].width * width - 6);
      h = MAX (h, text_height (text));
    }
  return h + 2 * ROW_PAD;
}

static void
draw_row (Doc *doc, const Column *columns, guint n, const char *const *cells, gboolean bold, gboolean rule)
{
  double width = PAGE_W - 2 * MARGIN, x = MARGIN;
  double h = row_height (doc, columns, n, cells, bold);

  for (guint i = 0; i < n; i++)
    {
      double w = columns[i].width * width;
      g_autoptr(PangoLayout) text = doc_text (doc, cells[i], BODY_PT, bold, w - 6);

      if (columns[i].right)
        pango_layout_set_alignment (text, PANGO_ALIGN_RIGHT);
      show (doc, text, x + (columns[i].right ? 0 : 0), doc->y + ROW_PAD);
      x += w;
    }
  doc->y += h;
  cairo_set_line_width (doc->cr, rule ? 1.0 : 0.3);
  cairo_set_source_rgb (doc->cr, rule ? 0 : 0.6, rule ? 0 : 0.6, rule ? 0 : 0.6);
  cairo_move_to (doc->cr, MARGIN, doc->y);
  cairo_line_to (doc->cr, PAGE_W - MARGIN, doc->y);
  cairo_stroke (doc->cr);
}

static void
table_heading (Doc *doc, const Column *columns, guint n)
{
  const char *cells[8];

  for (guint i = 0; i < n; i++)
    cells[i] = _(columns[i].title);
  draw_row (doc, columns, n, cells, TRUE, TRUE);
}

/* A row of a table that continues over pages, its heading repeated. */
static void
table_row (Doc *doc, const Column *columns, guint n, const char *const *cells, gboolean bold)
{
  if (doc->y + row_height (doc, columns, n, cells, bold) > PAGE_H - MARGIN)
    {
      new_page (doc);
      table_heading (doc, columns, n);
    }
  draw_row (doc, columns, n, cells, bold, FALSE);
}

static void
money_row (Doc *doc, const Column *columns, const char *label, gint64 pence, gboolean bold)
{
  g_autofree char *amount = cp_money_format (pence);
  const char *cells[] = { label, amount };

  table_row (doc, columns, 2, cells, bold);
}

static void
draw_heading (Doc *doc)
{
  const CpMonitoringReturn *data = doc->data;
  g_autofree char *period = period_words (data);
  g_autofree char *nhs = *data->nhs_number ? cp_nhs_number_format (data->nhs_number) : NULL;
  g_autofree char *who = nhs != NULL ? g_strdup_printf (_("%s · NHS number %s"), data->person_name, nhs)
                                     : g_strdup (data->person_name);
  /* Translators: %s names the funding streams */
  g_autofree char *funding = g_strdup_printf (_("Funding: %s"), data->streams);

  paragraph (doc, _("Direct payment monitoring return"), 18, TRUE, 6);
  paragraph (doc, who, 12, TRUE, 2);
  paragraph (doc, period, 11, FALSE, 2);
  paragraph (doc, funding, BODY_PT, FALSE, 14);
}

static void
draw_totals (Doc *doc)
{
  const CpMonitoringReturn *data = doc->data;
  g_autofree char *weeks = weeks_words (data);
  g_autofree char *surplus = NULL;
  const char *cells[] = { _("Closing balance in weeks of funding"), weeks };

  paragraph (doc, _("Money in and out"), 13, TRUE, 4);
  table_heading (doc, money_columns, 2);
  money_row (doc, money_columns, _("Balance at the start of the quarter"), data->opening_pence, FALSE);
  money_row (doc, money_columns, _("Money received"), data->received_pence, FALSE);
  money_row (doc, money_columns, _("Spent"), data->spent_pence, FALSE);
  money_row (doc, money_columns, _("Balance at the end of the quarter"), data->closing_pence, TRUE);
  table_row (doc, money_columns, 2, cells, FALSE);
  doc->y += 6;
  if (data->received_estimated)
    paragraph (doc, received_note (), BODY_PT, FALSE, 4);
  if ((surplus = surplus_words (data)) != NULL)
    paragraph (doc, surplus, BODY_PT, TRUE, 4);
  doc->y += 10;
}

static void
draw_lines (Doc *doc)
{
  const CpMonitoringReturn *data = doc->data;

  paragraph (doc, _("Spending by budget line"), 13, TRUE, 4);
  table_heading (doc, line_columns, 2);
  if (data->lines->len == 0)
    paragraph (doc, _("Nothing was spent in this quarter."), BODY_PT, FALSE, 0);
  for (guint i = 0; i < data->lines->len; i++)
    {
      const CpMonitoringLine *line = &g_array_index (data->lines, CpMonitoringLine, i);
      money_row (doc, line_columns, line->label, line->spent_pence, FALSE);
    }
  money_row (doc, line_columns, _("Total"), data->spent_pence, TRUE);
  doc->y += 16;
}

static void
draw_payments (Doc *doc)
{
  const CpMonitoringReturn *data = doc->data;
  g_autofree char *total = cp_money_format (data->spent_pence);
  g_autofree char *missing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u receipt missing",
                                                           "%u receipts missing", data->n_missing),
                                              data->n_missing);
  const char *last[] = { _("Total"), "", "", "", total, "" };

  paragraph (doc, _("Every payment"), 13, TRUE, 4);
  table_heading (doc, payment_columns, G_N_ELEMENTS (payment_columns));
  for (guint i = 0; i < data->payments->len; i++)
    {
      const CpMonitoringPayment *p = &g_array_index (data->payments, CpMonitoringPayment, i);
      g_autoptr(GDate) date = cp_date_parse_iso (p->paid_on, NULL);
      char day[32] = "";
      g_autofree char *amount = cp_money_format (p->amount_pence);
      const char *cells[] = { day, p->payee, p->line, p->reference, amount, receipt_word (p) };

      if (date != NULL)
        g_date_strftime (day, sizeof day, "%d %b %Y", date);
      table_row (doc, payment_columns, G_N_ELEMENTS (payment_columns), cells, FALSE);
    }
  table_row (doc, payment_columns, G_N_ELEMENTS (payment_columns), last, TRUE);
  doc->y += 6;
  paragraph (doc, missing, BODY_PT, data->n_missing > 0, 18);
}

static void
draw_declaration (Doc *doc)
{
  if (doc->y + 110 > PAGE_H - MARGIN)
    new_page (doc);
  paragraph (doc, _("Declaration"), 13, TRUE, 4);
  paragraph (doc, _("I confirm that this is a true record of how the direct payment was spent in this "
                    "quarter, and that the money was spent on the support agreed in my plan."),
             BODY_PT, FALSE, 22);
  paragraph (doc, _("Signed: ______________________________    Date: ______________"), BODY_PT, FALSE, 14);
  paragraph (doc, _("Name: ______________________________    On behalf of (if a nominee): ______________"),
             BODY_PT, FALSE, 0);
}

static guint
draw_document (cairo_t *cr, const CpMonitoringReturn *data)
{
  Doc doc = { cr, pango_cairo_create_context (cr), data, MARGIN, 1 };

  /* Points, not pixels: a 10 pt font is 10 pt on paper. */
  pango_cairo_context_set_resolution (doc.pango, 72.0);
  draw_heading (&doc);
  draw_totals (&doc);
  draw_lines (&doc);
  draw_payments (&doc);
  draw_declaration (&doc);
  footer (&doc);
  cairo_show_page (cr);
  g_object_unref (doc.pango);
  return doc.page;
}

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  return CAIRO_STATUS_SUCCESS;
}

guint
cp_monitoring_return_count_pages (const CpMonitoringReturn *data)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, NULL, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  guint pages = draw_document (cr, data);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return pages;
}

static gboolean
write_failed (const char *path, const char *reason, GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path, reason);
  return FALSE;
}

static gboolean
move_into_place (const char *partial, const char *path, GError **error)
{
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_remove (partial);
      return write_failed (path, g_strerror (saved), error);
    }
  return TRUE;
}

gboolean
cp_monitoring_return_write_pdf (const CpMonitoringReturn *data, const char *path, GError **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int saved;

  g_return_val_if_fail (data != NULL && path != NULL, FALSE);

  if ((saved = cp_export_try_create (partial)) != 0)
    return write_failed (path, g_strerror (saved), error);
  surface = cairo_pdf_surface_create (partial, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Direct payment monitoring return"));
  cr = cairo_create (surface);
  draw_document (cr, data);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_remove (partial);
      return write_failed (path, cairo_status_to_string (status), error);
    }
  return move_into_place (partial, path, error);
}

static gboolean
write_csv (const CpMonitoringReturn *data, const char *path, GError **error)
{
  g_autofree char *csv = cp_monitoring_return_to_csv (data);
  g_autoptr(GError) local = NULL;

  if (!g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local))
    return write_failed (path, local->message, error);
  return TRUE;
}

gboolean
cp_monitoring_return_write (const CpMonitoringReturn *data, const char *path, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path != NULL ? path : "", -1);

  g_return_val_if_fail (data != NULL && path != NULL, FALSE);
  if (g_str_has_suffix (lower, ".pdf"))
    return cp_monitoring_return_write_pdf (data, path, error);
  if (g_str_has_suffix (lower, ".csv"))
    return write_csv (data, path, error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
               _("“%s” does not end in .pdf or .csv, so Coplan cannot tell which kind of file to make."), path);
  return FALSE;
}
