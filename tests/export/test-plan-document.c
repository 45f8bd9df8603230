/* test-plan-document.c — pages, the printable plan and its easy-read form
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <cairo.h>

#include "cp-plan-document.h"
#include "export-test-data.h"

static CpDocument *
paginate_a4 (CpDocument *doc)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);

  cp_document_paginate (doc, cr, CP_DOCUMENT_A4_WIDTH, CP_DOCUMENT_A4_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return doc;
}

static char *
all_pages (CpDocument *doc)
{
  GString *text = g_string_new (NULL);

  for (guint page = 0; page < cp_document_get_n_pages (doc); page++)
    {
      g_autofree char *words = cp_document_dup_page_text (doc, page);
      g_string_append (text, words);
    }
  return g_string_free (text, FALSE);
}

static guint
count (const char *haystack, gsize length, const char *needle)
{
  guint n = 0;
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      n++;
  return n;
}

/* A paragraph far longer than a page runs on line by line: every word
 * is placed once, in order, over several pages. */
static void
test_long_paragraph (void)
{
  CpDocumentStyle style;
  g_autoptr(CpDocument) doc = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *placed = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) lines = NULL;

  cp_document_style_init_standard (&style);
  doc = cp_document_new (&style, "footer");
  for (int i = 0; i < 2000; i++)
    g_string_append_printf (long_text, "word%d ", i);
  cp_document_add_paragraph (doc, long_text->str);
  paginate_a4 (doc);
  g_assert_cmpuint (cp_document_get_n_pages (doc), >, 2);
  placed = all_pages (doc);
  /* lines were split at spaces; put them back together */
  lines = g_strsplit (placed, "\n", -1);
  joined = g_strjoinv ("", lines);
  g_assert_cmpstr (joined, ==, long_text->str);
}

/* A heading never ends a page: it moves to the page of what it heads. */
static void
test_heading_keeps_with_next (void)
{
  CpDocumentStyle style;
  g_autoptr(CpDocument) doc = NULL;

  cp_document_style_init_standard (&style);
  doc = cp_document_new (&style, "footer");
  for (int i = 0; i < 60; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Heading %d", i);

      cp_document_add_heading (doc, heading);
      cp_document_add_paragraph (doc, "A short paragraph of two lines at most, under its heading, "
                                      "with enough words to wrap once across the page.");
    }
  paginate_a4 (doc);
  g_assert_cmpuint (cp_document_get_n_pages (doc), >, 3);
  for (guint page = 0; page < cp_document_get_n_pages (doc); page++)
    {
      g_autofree char *text = cp_document_dup_page_text (doc, page);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      guint n = g_strv_length (lines);

      /* the text ends "…\n": the last line is lines[n - 2] */
      g_assert_cmpuint (n, >=, 2);
      g_assert_false (g_str_has_prefix (lines[n - 2], "Heading "));
    }
}

static void
test_drawing_fits_on_a_page (void)
{
  CpDocumentStyle style;
  g_autoptr(CpDocument) doc = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  cp_document_style_init_standard (&style);
  doc = cp_document_new (&style, "footer");
  for (int i = 0; i < 40; i++)
    cp_document_add_paragraph (doc, "A line.");
  cp_document_add_drawing (doc, 400, (CpDocumentDrawFunc) (void (*) (void)) cairo_paint, NULL, NULL);
  paginate_a4 (doc);
  first = cp_document_dup_page_text (doc, 0);
  second = cp_document_dup_page_text (doc, 1);
  /* not cut in half: it moved whole to the second page */
  g_assert_null (strstr (first, "[figure]"));
  g_assert_nonnull (strstr (second, "[figure]"));
}

static void
test_plan_contents (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_auto(ExportTestIds) ids = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CpDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CpPlanEntry) contingency = g_object_new (CP_TYPE_PLAN_ENTRY, NULL);
  g_autoptr(CpRisk) risk = g_object_new (CP_TYPE_RISK, NULL);

  export_test_fill (store, &ids);
  g_object_set (contingency, "plan-id", ids.plan_id, "section", CP_SECTION_CONTINGENCY, "voice", CP_VOICE_FAMILY_CARER,
                "body", "If my PA is ill, call Rubina first.", NULL);
  g_free (export_test_insert (store, contingency));
  g_object_set (risk, "plan-id", ids.plan_id, "description", "Using the cooker alone",
                "management", "Timer and smoke alarm checked weekly", "positive-risk", TRUE, NULL);
  g_free (export_test_insert (store, risk));

  doc = cp_plan_document_build (store, ids.person_id, CP_PLAN_DOCUMENT_STANDARD, "2026-08-15", &error);
  g_assert_no_error (error);
  text = cp_document_dup_text (doc);
  g_assert_nonnull (strstr (text, "Personalised care and support plan\n"));
  g_assert_nonnull (strstr (text, "NHS number: 943 476 5919\n"));
  g_assert_nonnull (strstr (text, "Going to the mosque with my sister on Fridays\n"));
  g_assert_nonnull (strstr (text, "I want to cook for myself again\n"));
  g_assert_nonnull (strstr (text, "Cooking lessons at the community centre — Mina and her PA — 30 September 2026\n"));
  g_assert_nonnull (strstr (text, "Rubina Khan, Sister"));
  g_assert_nonnull (strstr (text, "If my PA is ill, call Rubina first.\n"));
  g_assert_nonnull (strstr (text, "Using the cooker alone\n"));
  g_assert_nonnull (strstr (text, "How it is managed: Timer and smoke alarm checked weekly\n"));
  /* the budget in words and its two charts, the circle, the sign-off box */
  g_assert_nonnull (strstr (text, "The agreed budget for the year of care is £12,000.00."));
  g_assert_cmpuint (count (text, strlen (text), "[figure]"), ==, 4);
  g_assert_nonnull (strstr (text, "Agreeing this plan\n"));
  /* the sections come in the order of the conversation, contingency late */
  g_assert_true (strstr (text, "Going to the mosque") < strstr (text, "If my PA is ill"));
  paginate_a4 (doc);
  g_assert_cmpuint (cp_document_get_n_pages (doc), >=, 2);
}

static void
test_easy_read (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_auto(ExportTestIds) ids = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CpDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CpPlanEntry) entry = g_object_new (CP_TYPE_PLAN_ENTRY, NULL);

  export_test_fill (store, &ids);
  g_object_set (entry, "plan-id", ids.plan_id, "section", CP_SECTION_GOOD_DAY,
                "body", "I wake up late. I have tea with Rubina! Then we go out.", NULL);
  g_free (export_test_insert (store, entry));
  doc = cp_plan_document_build (store, ids.person_id, CP_PLAN_DOCUMENT_EASY_READ, "2026-08-15", &error);
  g_assert_no_error (error);
  text = cp_document_dup_text (doc);
  g_assert_nonnull (strstr (text, "My plan\nThis plan is about me, Mina.\n"));
  /* one idea a line */
  g_assert_nonnull (strstr (text, "A good day for me\nI wake up late.\nI have tea with Rubina!\nThen we go out.\n"));
  g_assert_nonnull (strstr (text, "I have £12,000.00 for this year.\n"));
  g_assert_nonnull (strstr (text, "Rubina Khan is my sister.\n"));
  g_assert_nonnull (strstr (text, "Mina and her PA will: Cooking lessons at the community centre\n"));
  g_assert_nonnull (strstr (text, "We agree this plan\n"));
}

static void
test_pdf (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_auto(ExportTestIds) ids = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coplan-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint pages;

  export_test_fill (store, &ids);
  g_assert_true (cp_plan_document_write_pdf (store, ids.person_id, CP_PLAN_DOCUMENT_STANDARD,
                                             "2026-08-15", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count (contents, length, "%%EOF"), ==, 1);
  pages = count (contents, length, "/Type /Page") - count (contents, length, "/Type /Pages");
  g_assert_cmpuint (pages, >=, 2);
  /* A4 in points */
  g_assert_cmpuint (count (contents, length, "/MediaBox [ 0 0 595.276 841.89 ]"), ==, pages);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_refusals (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_auto(ExportTestIds) ids = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coplan-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "plan.pdf", NULL);

  export_test_fill (store, &ids);
  g_assert_false (cp_plan_document_write_pdf (store, "00000000-0000-4000-8000-000000000000",
                                              CP_PLAN_DOCUMENT_STANDARD, NULL, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_false (cp_plan_document_write_pdf (store, ids.person_id, CP_PLAN_DOCUMENT_STANDARD,
                                              NULL, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "plan.pdf"));
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);
  g_test_add_func ("/document/long-paragraph", test_long_paragraph);
  g_test_add_func ("/document/heading-keeps-with-next", test_heading_keeps_with_next);
  g_test_add_func ("/document/drawing-fits-on-a-page", test_drawing_fits_on_a_page);
  g_test_add_func ("/plan-document/contents", test_plan_contents);
  g_test_add_func ("/plan-document/easy-read", test_easy_read);
  g_test_add_func ("/plan-document/pdf", test_pdf);
  g_test_add_func ("/plan-document/refusals", test_refusals);
  return g_test_run ();
}
