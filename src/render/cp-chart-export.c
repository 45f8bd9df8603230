/* cp-chart-export.c — a chart as a PNG, SVG or PDF file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same drawing as on screen, into cairo's image, SVG or PDF surface.
 * The file is written beside its final name and renamed into place, so a
 * failed export never leaves half a file where the old one was.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "cp-chart-export.h"

G_DEFINE_QUARK (cp-chart-export-error-quark, cp_chart_export_error)

gboolean
cp_chart_format_from_path (const char *path, CpChartFormat *format, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path != NULL ? path : "", -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = CP_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = CP_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = CP_CHART_FORMAT_PDF;
  else
    {
      g_set_error (error, CP_CHART_EXPORT_ERROR, CP_CHART_EXPORT_ERROR_FORMAT,
                   _("“%s” does not end in .png, .svg or .pdf, so Coplan cannot tell which kind of file to make."),
                   path != NULL ? path : "");
      return FALSE;
    }
  return TRUE;
}

char *
cp_chart_path_with_default_format (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  if (strchr (name, '.') != NULL)
    return g_strdup (path);
  return g_strconcat (path, ".png", NULL);
}

static cairo_surface_t *
create_surface (CpChartFormat format, const char *path, double width, double height)
{
  switch (format)
    {
    case CP_CHART_FORMAT_SVG:
      return cairo_svg_surface_create (path, width, height);
    case CP_CHART_FORMAT_PDF:
      return cairo_pdf_surface_create (path, width, height);
    case CP_CHART_FORMAT_PNG:
    default:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
    }
}

int
cp_export_try_create (const char *path)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int saved = errno;

  if (fd < 0)
    return saved != 0 ? saved : EIO;
  close (fd);
  return 0;
}

static gboolean
write_failed (const char *path, const char *reason, GError **error)
{
  g_set_error (error, CP_CHART_EXPORT_ERROR, CP_CHART_EXPORT_ERROR_WRITE,
               _("Could not write “%s”: %s"), path, reason);
  return FALSE;
}

gboolean
cp_chart_export (const char *path, CpChartKind kind, const CpChartData *data, double width,
                 double height, const CpRenderStyle *style, GError **error)
{
  g_autofree char *partial = NULL;
  CpRenderStyle opaque;
  cairo_surface_t *surface;
  cairo_status_t status;
  CpChartFormat format;
  cairo_t *cr;
  int saved;

  g_return_val_if_fail (path != NULL && data != NULL && style != NULL, FALSE);

  if (!cp_chart_format_from_path (path, &format, error))
    return FALSE;
  if (width < 1 || height < 1 || width > 10000 || height > 10000)
    return write_failed (path, _("the size must be between 1 and 10,000"), error);
  partial = g_strconcat (path, ".partial", NULL);
  if ((saved = cp_export_try_create (partial)) != 0)
    return write_failed (path, g_strerror (saved), error);
  /* A file on its own needs a background: the screen's is transparent. */
  opaque = *style;
  opaque.background.alpha = 1.0;
  surface = create_surface (format, partial, width, height);
  cr = cairo_create (surface);
  cp_chart_render (cr, kind, data, width, height, &opaque);
  cairo_destroy (cr);
  if (format == CP_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, partial);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_remove (partial);
      return write_failed (path, cairo_status_to_string (status), error);
    }
  if (g_rename (partial, path) != 0)
    {
      saved = errno;
      g_remove (partial);
      return write_failed (path, g_strerror (saved), error);
    }
  return TRUE;
}
