/* cp-cli-chart.c — coplan-cli chart: one spending chart as PNG, SVG or PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   coplan-cli chart --person ID --kind donut|bars|burn|monthly -o FILE.png
 */
#include "config.h"

#include <glib/gi18n.h>

#include "coplan-core.h"
#include "cp-chart-export.h"
#include "cp-cli.h"

static char *person_id;
static char *kind_name;
static char *output;
static char *today;
static gint width = 800;
static gint height = 500;
static gboolean dark;

static const GOptionEntry entries[] = {
  { "person", 0, 0, G_OPTION_ARG_STRING, &person_id, N_("The person whose current plan to draw"), N_("ID") },
  { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name, N_("donut, bars, burn or monthly"), N_("KIND") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .png, .svg or .pdf"), N_("FILE") },
  { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (points for SVG and PDF), default 800"), N_("W") },
  { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height, default 500"), N_("H") },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light text on a dark background"), NULL },
  { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("Draw as of this date (YYYY-MM-DD) instead of today"), N_("DATE") },
  { NULL }
};

static int
check_options (CpChartKind *kind)
{
  g_autoptr(GError) error = NULL;
  CpChartFormat format;

  if (person_id == NULL)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("chart: say whose chart with --person ID."));
  if (!cp_chart_kind_from_string (kind_name, kind))
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("chart: --kind must be donut, bars, burn or monthly."));
  if (output == NULL)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("chart: say where to write it with -o FILE."));
  if (!cp_chart_format_from_path (output, &format, &error))
    return cp_cli_fail (CP_CLI_EXIT_USAGE, "chart: %s", error->message);
  if (width < 50 || width > 10000 || height < 50 || height > 10000)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("chart: --width and --height must be between 50 and 10000."));
  if (today != NULL && !cp_date_iso_is_valid (today, &error))
    return cp_cli_fail (CP_CLI_EXIT_USAGE, "chart: --today: %s", error->message);
  return CP_CLI_EXIT_OK;
}

int
cp_cli_chart (int argc, char **argv)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpPerson) person = NULL;
  g_autoptr(CpChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  CpRenderStyle style;
  CpChartKind kind = CP_CHART_KIND_DONUT;
  const char *path;
  int status;

  if (!cp_cli_parse_options ("chart", "",
                             _("Draws one spending chart of a person's current plan into a PNG, SVG or PDF file, "
                               "chosen by the file name's extension."),
                             entries, &argc, &argv))
    return CP_CLI_EXIT_USAGE;
  if (argc > 1)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("chart: unexpected argument “%s”."), argv[1]);
  if ((status = check_options (&kind)) != CP_CLI_EXIT_OK)
    return status;
  if ((path = cp_cli_db_path_checked (TRUE)) == NULL)
    return CP_CLI_EXIT_FAILURE;
  store = cp_store_open_full (path, CP_STORE_OPEN_READ_ONLY, 0, &error);
  if (store == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not open “%s”: %s"), path, error->message);
  person = cp_store_load (store, CP_TYPE_PERSON, person_id, NULL);
  if (person == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("There is no person with the id “%s”."), person_id);
  data = cp_chart_data_load (store, person_id, today, 1u << kind, &error);
  if (data == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not read “%s”: %s"), path, error->message);
  if (dark)
    cp_render_style_init_dark (&style);
  else
    cp_render_style_init_light (&style);
  if (!cp_chart_export (output, kind, data, width, height, &style, &error))
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, "%s", error->message);
  return CP_CLI_EXIT_OK;
}
