/* cp-chart-export.h — a chart as a PNG, SVG or PDF file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cp-chart.h"

G_BEGIN_DECLS

#define CP_CHART_EXPORT_ERROR (cp_chart_export_error_quark ())

typedef enum
{
  CP_CHART_EXPORT_ERROR_FORMAT, /* the file name does not end in .png, .svg or .pdf */
  CP_CHART_EXPORT_ERROR_WRITE,  /* the file could not be written */
} CpChartExportError;

typedef enum
{
  CP_CHART_FORMAT_PNG,
  CP_CHART_FORMAT_SVG,
  CP_CHART_FORMAT_PDF,
} CpChartFormat;

GQuark   cp_chart_export_error_quark (void);

/* The format from the file name's extension, in any case; FALSE with
 * @error for any other. */
gboolean cp_chart_format_from_path   (const char          *path,
                                      CpChartFormat       *format,
                                      GError             **error);

/* @path, with ".png" added when its file name has no ending at all (a
 * person typed "My chart"); any other path unchanged. */
char    *cp_chart_path_with_default_format (const char    *path);

/* Draws @kind at width × height (pixels for PNG, points for SVG and PDF)
 * on an opaque background and writes it to @path, whole or not at all. */
gboolean cp_chart_export             (const char          *path,
                                      CpChartKind          kind,
                                      const CpChartData   *data,
                                      double               width,
                                      double               height,
                                      const CpRenderStyle *style,
                                      GError             **error);

/* Creates (empty, 0600: it holds a person's spending) the file @path, to
 * learn before drawing why it cannot be written: 0, or the errno (a folder
 * that is not there, no permission). */
int      cp_export_try_create        (const char          *path);

G_END_DECLS
