/* bench-xml.c — Coplan XML export, validation and import against xmllint
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-xml [PEOPLE [PAYMENTS]]     (default 1000 people, 100,000 payments)
 *
 * Prints CPU and wall-clock times (the machine may be shared, so CPU
 * time is the steadier figure): export; validation as the importer does
 * it (cp_xml_read(): the rules of coplan-1.xsd checked in one streaming
 * pass) and, for comparison, with libxml2's XSD validator over a tree;
 * import into an empty database; and `xmllint --stream --noout` on the
 * same file, with the ratios; and, as the floor under any import, the
 * same rows copied between two databases by SQLite alone. Then the peak memory (VmHWM of a fresh
 * process that only exports) for a tenth of the caseload and for all of
 * it, which must not grow with the caseload, and the peak memory of an
 * import. Figures go in docs/benchmarks.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "coplan-core.h"
#include "cp-test-tree.h"
#include "cp-xml-kinds.h"

/* CPU time (user + system) of this process, in ms: the build machine
 * is shared, so wall-clock figures swing with its load. */
static double
now_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* CPU time and wall-clock time of one step, in ms. */
typedef struct
{
  double cpu;
  double wall;
} Timing;

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static Timing
start_timing (void)
{
  return (Timing) { now_ms (), wall_ms () };
}

static Timing
since (Timing start)
{
  return (Timing) { now_ms () - start.cpu, wall_ms () - start.wall };
}

static void
make_demo (const char *path, guint people, guint64 payments)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, &error);
  CpDemoOptions options = { .n_people = people, .n_payments = payments, .seed = 7, .today = "2026-06-30" };

  g_assert_no_error (error);
  cp_demo_generate (store, &options, &error);
  g_assert_no_error (error);
  cp_store_close (store);
}

static Timing
export_to (const char *db, const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (db, &error);
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  g_autoptr(GFileOutputStream) out = NULL;
  Timing start = start_timing ();

  g_assert_no_error (error);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  cp_xml_export (store, NULL, FALSE, G_OUTPUT_STREAM (out), &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);
  cp_store_close (store);
  return since (start);
}

/* The importer's check: read the file, one streaming pass. */
static Timing
validate (const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;
  Timing start = start_timing ();

  g_file_get_contents (xml, &data, &size, &error);
  g_assert_no_error (error);
  cp_xml_read (data, size, NULL, NULL, &error);
  g_assert_no_error (error);
  return since (start);
}

/* libxml2's own XSD validator over a tree, for comparison. */
static Timing
validate_xsd (const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;
  Timing start = start_timing ();
  xmlDocPtr doc;

  g_file_get_contents (xml, &data, &size, &error);
  g_assert_no_error (error);
  doc = cp_xml_parse_document (data, size, &error);
  g_assert_no_error (error);
  xmlFreeDoc (doc);
  return since (start);
}

/* The whole import, and its read step (parse, validate, check values
 * and references, compare with the database) on its own. */
static Timing
import_into (const char *db, const char *xml, guint *added, Timing *read)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (db, &error);
  g_autoptr(CpXmlImport) import = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  Timing start = start_timing ();

  g_assert_no_error (error);
  import = cp_xml_import_new (store);
  cp_xml_import_read_file (import, file, NULL, &error);
  g_assert_no_error (error);
  *read = since (start);
  *added = cp_xml_import_count (import, NULL, CP_XML_CHANGE_ADD);
  cp_xml_import_apply (import, &error);
  g_assert_no_error (error);
  cp_store_close (store);
  return since (start);
}

/* The floor under any import: the same rows, with their audit rows,
 * copied into an empty database by SQLite itself (INSERT … SELECT from
 * the database just imported into), with no XML at all. Triggers keep
 * the search index as an import does; the commit is included. */
static Timing
sql_copy (const char *from_db, const char *to_db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (to_db, &error);
  g_autofree char *attach = NULL;
  g_autoptr(GString) sql = g_string_new ("BEGIN; PRAGMA defer_foreign_keys = ON;");
  GPtrArray *kinds = cp_xml_kinds ();
  Timing start;

  g_assert_no_error (error);
  attach = g_strdup_printf ("ATTACH '%s' AS source", from_db);
  cp_store_exec (store, attach, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kinds->len; i++)
    {
      const CpXmlKind *kind = g_ptr_array_index (kinds, i);
      g_string_append_printf (sql, "INSERT INTO main.%s SELECT * FROM source.%s ORDER BY rowid;",
                              kind->table, kind->table);
    }
  g_string_append (sql, "INSERT INTO main.audit SELECT * FROM source.audit ORDER BY rowid; COMMIT;");
  start = start_timing ();
  cp_store_exec (store, sql->str, &error);
  g_assert_no_error (error);
  cp_store_exec (store, "DETACH source", &error);
  g_assert_no_error (error);
  cp_store_close (store);
  return since (start);
}

/* CPU time of `xmllint --stream --noout FILE`, from wait4(). */
static Timing
xmllint_stream (const char *xml)
{
  struct rusage usage;
  int status = 0;
  double wall = wall_ms ();
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      execlp ("xmllint", "xmllint", "--stream", "--noout", xml, (char *) NULL);
      _exit (127);
    }
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return (Timing) { (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                    (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0,
                    wall_ms () - wall };
}

/* VmHWM (peak resident memory, KiB) of this process. */
static long
own_peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

/* Peak resident memory (KiB) of a fresh process (this program again,
 * in its --peak mode) that opens @db and exports it. VmHWM belongs to
 * the new program image, so nothing of this process is counted. */
static long
export_peak_kib (const char *self_path, const char *db, const char *xml)
{
  const char *argv[] = { self_path, "--peak", db, xml, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return strtol (out, NULL, 10);
}

/* Peak resident memory (KiB) of a fresh process that imports @xml
 * into the empty database @db. */
static long
import_peak_kib (const char *self_path, const char *db, const char *xml)
{
  const char *argv[] = { self_path, "--import-peak", db, xml, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return strtol (out, NULL, 10);
}

/* One line: the step's times and both ratios to xmllint's. */
static void
report (const char *step, Timing t, Timing lint)
{
  g_print ("%-24s %8.0f ms CPU (%5.2fx xmllint)  %8.0f ms wall (%5.2fx xmllint)\n",
           step, t.cpu, t.cpu / lint.cpu, t.wall, t.wall / lint.wall);
}

int
main (int argc, char **argv)
{
  guint people = argc > 1 && argv[1][0] != '-' ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  guint64 payments = argc > 2 ? g_ascii_strtoull (argv[2], NULL, 10) : 100000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coplan-bench-xml-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "caseload.db", NULL);
  g_autofree char *small_db = g_build_filename (dir, "tenth.db", NULL);
  g_autofree char *empty_db = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *xml = g_build_filename (dir, "caseload.xml", NULL);
  GStatBuf st;
  g_autofree char *peak_db = g_build_filename (dir, "peak.db", NULL);
  g_autofree char *copy_db = g_build_filename (dir, "copy.db", NULL);
  Timing t_export, t_validate, t_validate_xsd, t_import, t_read, t_lint, t_copy;
  long peak_small, peak_all, peak_import;
  guint added = 0;

  if (argc == 4 && g_str_equal (argv[1], "--peak"))
    {
      g_rmdir (dir);
      export_to (argv[2], argv[3]);
      g_print ("%ld\n", own_peak_kib ());
      return 0;
    }
  if (argc == 4 && g_str_equal (argv[1], "--import-peak"))
    {
      Timing read;

      g_rmdir (dir);
      import_into (argv[2], argv[3], &added, &read);
      g_print ("%ld\n", own_peak_kib ());
      return 0;
    }
  g_assert_no_error (error);
  g_print ("Making a demo caseload of %u people and %" G_GUINT64_FORMAT " payments…\n", people, payments);
  make_demo (db, people, payments);
  make_demo (small_db, people / 10, payments / 10);

  t_export = export_to (db, xml);
  g_stat (xml, &st);
  t_validate = validate (xml);
  t_validate_xsd = validate_xsd (xml);
  t_lint = xmllint_stream (xml);
  t_import = import_into (empty_db, xml, &added, &t_read);
  t_copy = sql_copy (empty_db, copy_db);

  g_print ("file: %.1f MB, %u records; CPU time (user + system), then wall-clock time\n",
           st.st_size / 1e6, added);
  report ("xmllint --stream", t_lint, t_lint);
  report ("export", t_export, t_lint);
  report ("validate (reader)", t_validate, t_lint);
  report ("export + validate", (Timing) { t_export.cpu + t_validate.cpu, t_export.wall + t_validate.wall }, t_lint);
  report ("libxml2 XSD (tree)", t_validate_xsd, t_lint);
  report ("import: read + preview", t_read, t_lint);
  report ("import, empty database", t_import, t_lint);
  report ("same rows, SQL copy", t_copy, t_lint);

  peak_small = export_peak_kib (argv[0], small_db, xml);
  peak_all = export_peak_kib (argv[0], db, xml);
  g_print ("peak memory exporting %u people: %ld KiB; %u people: %ld KiB (ratio %.2f)\n",
           people / 10, peak_small, people, peak_all, (double) peak_all / peak_small);
  peak_import = import_peak_kib (argv[0], peak_db, xml);
  g_print ("peak memory importing %u people: %ld KiB (the file is %.1f MB)\n",
           people, peak_import, st.st_size / 1e6);

  cp_test_remove_tree (dir);
  return 0;
}
