/* cp-xml-test-util.h — helpers shared by the Coplan XML suites
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-test-util.h"

/* Same seed and day → the same caseload on every run. */
static inline void
cp_xml_test_demo (CpStore *store, guint people, guint64 payments)
{
  g_autoptr(GError) error = NULL;
  CpDemoOptions options = { .n_people = people, .n_payments = payments, .seed = 11, .today = "2026-06-30" };

  cp_demo_generate (store, &options, &error);
  g_assert_no_error (error);
}

/* The whole caseload (or @ids) as Coplan XML. */
static inline char *
cp_xml_test_export (CpStore *store, const char *const *ids, gboolean with_receipts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  cp_xml_export (store, ids, with_receipts, out, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* Parses and validates against the embedded schema, or fails the test
 * with the importer's message. */
static inline void
cp_xml_test_assert_valid (const char *xml)
{
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc = cp_xml_parse_document (xml, strlen (xml), &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
}

/* How often @needle occurs in @haystack. */
static inline guint
cp_xml_test_occurrences (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The document without its exported-at stamp, to compare two exports. */
static inline char *
cp_xml_test_without_stamp (const char *xml)
{
  g_autoptr(GRegex) stamp = g_regex_new (" exported-at=\"[^\"]*\"", 0, 0, NULL);

  return g_regex_replace_literal (stamp, xml, -1, 0, "", 0, NULL);
}

static inline CpRecord *
cp_xml_test_insert (CpStore *store, gpointer record)
{
  g_autoptr(GError) error = NULL;

  cp_store_insert (store, CP_RECORD (record), &error);
  g_assert_no_error (error);
  return record;
}
