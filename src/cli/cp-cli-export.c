/* cp-cli-export.c — coplan-cli export: plans out as XML, FHIR, CSV or PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   coplan-cli export [--person ID …] --format xml|fhir|csv|pdf [--easy-read]
 *                     [--with-receipts] -o FILE
 *
 * Everything but PDF streams into a file beside the target, renamed over
 * it only when complete, so a failed export never leaves half a file.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "coplan-core.h"
#include "cp-cli.h"
#include "cp-plan-document.h"

typedef gboolean (*StreamExport) (CpStore *store, const char *const *person_ids,
                                  GOutputStream *out, GError **error);

static char **person_ids;
static char *format;
static char *output;
static gboolean easy_read;
static gboolean with_receipts;

static const GOptionEntry entries[] = {
  { "person", 0, 0, G_OPTION_ARG_STRING_ARRAY, &person_ids, N_("Export this person (repeat for more; default everyone)"), N_("ID") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("xml (Coplan XML), fhir (HL7 FHIR R4), csv (payments) or pdf (the printable plan)"), N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE"), N_("FILE") },
  { "easy-read", 0, 0, G_OPTION_ARG_NONE, &easy_read, N_("PDF only: the easy-read plan (large print, plain words)"), NULL },
  { "with-receipts", 0, 0, G_OPTION_ARG_NONE, &with_receipts, N_("XML only: include receipt images and PDFs"), NULL },
  { NULL }
};

static gboolean
xml_export (CpStore *store, const char *const *ids, GOutputStream *out, GError **error)
{
  return cp_xml_export (store, ids, with_receipts, out, error);
}

static StreamExport
stream_export_for (const char *name)
{
  if (g_strcmp0 (name, "xml") == 0)
    return xml_export;
  if (g_strcmp0 (name, "fhir") == 0)
    return cp_fhir_export;
  if (g_strcmp0 (name, "csv") == 0)
    return cp_payments_csv_export;
  return NULL;
}

static gboolean
write_stream (CpStore *store, StreamExport export, GError **error)
{
  g_autofree char *partial = g_strconcat (output, ".partial", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (partial);
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, error);
  g_autoptr(GOutputStream) buffered = NULL;
  gboolean ok;

  if (stream == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 64 * 1024);
  ok = export (store, (const char *const *) person_ids, buffered, error) &&
       g_output_stream_close (buffered, NULL, error);
  if (ok && g_rename (partial, output) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s", g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  return ok;
}

static int
check_options (int argc, char **argv)
{
  if (argc > 1)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("export: unexpected argument “%s”."), argv[1]);
  if (format == NULL)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("export: say which --format: xml, fhir, csv or pdf."));
  if (stream_export_for (format) == NULL && g_strcmp0 (format, "pdf") != 0)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("export: “%s” is not a format; use xml, fhir, csv or pdf."), format);
  if (output == NULL)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("export: say where to write with -o FILE."));
  if (g_strcmp0 (format, "pdf") == 0 && (person_ids == NULL || g_strv_length (person_ids) != 1))
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("export: a PDF is one person's plan; give exactly one --person."));
  if (easy_read && g_strcmp0 (format, "pdf") != 0)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("export: --easy-read is for --format pdf."));
  if (with_receipts && g_strcmp0 (format, "xml") != 0)
    return cp_cli_fail (CP_CLI_EXIT_USAGE, _("export: --with-receipts is for --format xml."));
  return CP_CLI_EXIT_OK;
}

int
cp_cli_export (int argc, char **argv)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  gboolean ok;
  int status;

  if (!cp_cli_parse_options ("export", "",
                             _("Writes people's plans to a file: Coplan XML (to move them to another Coplan), "
                               "FHIR R4 (for NHS systems), a CSV of payments (for auditors) or a PDF of one plan."),
                             entries, &argc, &argv))
    return CP_CLI_EXIT_USAGE;
  if ((status = check_options (argc, argv)) != CP_CLI_EXIT_OK)
    return status;
  if ((path = cp_cli_db_path_checked (TRUE)) == NULL)
    return CP_CLI_EXIT_FAILURE;
  /* Read-only: works while Coplan has the database open. */
  store = cp_store_open_full (path, CP_STORE_OPEN_READ_ONLY, 0, &error);
  if (store == NULL)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not open “%s”: %s"), path, error->message);
  if (g_strcmp0 (format, "pdf") == 0)
    ok = cp_plan_document_write_pdf (store, person_ids[0],
                                     easy_read ? CP_PLAN_DOCUMENT_EASY_READ : CP_PLAN_DOCUMENT_STANDARD,
                                     NULL, output, &error);
  else
    ok = write_stream (store, stream_export_for (format), &error);
  if (!ok)
    return cp_cli_fail (CP_CLI_EXIT_FAILURE, _("Could not export to “%s”: %s"), output, error->message);
  return CP_CLI_EXIT_OK;
}
