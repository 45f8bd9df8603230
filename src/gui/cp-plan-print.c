/* cp-plan-print.c — printing a person's plan, or saving it as a PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkPrintOperation asks for pages; CpDocument lays the plan out once
 * when printing begins (on the printer's own cairo context, so fonts
 * measure as they will print) and draws each page it is asked for. The
 * whole A4 sheet is ours: the document keeps its own 2 cm margins, wider
 * than any printer's unprintable edge.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cp-plan-print.h"

static void
begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, CpDocument *doc)
{
  guint pages = cp_document_paginate (doc, gtk_print_context_get_cairo_context (context),
                                      gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) pages);
}

static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, CpDocument *doc)
{
  cp_document_draw_page (doc, gtk_print_context_get_cairo_context (context), (guint) page);
}

static GtkPageSetup *
a4_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

char *
cp_plan_print_suggest_filename (CpStore *store, const char *person_id, CpPlanDocumentKind kind)
{
  g_autoptr(CpPerson) person = cp_store_load (store, CP_TYPE_PERSON, person_id, NULL);
  g_autofree char *name = person ? cp_person_dup_display_name (person) : g_strdup (_("Plan"));

  g_strdelimit (name, "/\\", '-');
  /* Translators: file names suggested when saving a plan as PDF. */
  return kind == CP_PLAN_DOCUMENT_EASY_READ ? g_strdup_printf (_("%s — easy read plan.pdf"), name)
                                            : g_strdup_printf (_("%s — support plan.pdf"), name);
}

gboolean
cp_plan_print_kind_from_string (const char *text, CpPlanDocumentKind *kind)
{
  if (g_strcmp0 (text, "standard") == 0)
    *kind = CP_PLAN_DOCUMENT_STANDARD;
  else if (g_strcmp0 (text, "easy-read") == 0)
    *kind = CP_PLAN_DOCUMENT_EASY_READ;
  else
    return FALSE;
  return TRUE;
}

GtkPrintOperationResult
cp_plan_print_run (GtkWindow *parent, CpStore *store, const char *person_id, CpPlanDocumentKind kind,
                   GtkPrintOperationAction action, const char *export_filename, GError **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *job = NULL;
  CpDocument *doc;

  g_return_val_if_fail (CP_IS_STORE (store), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (person_id != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  doc = cp_plan_document_build (store, person_id, kind, NULL, error);
  if (doc == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;
  operation = gtk_print_operation_new ();
  setup = a4_page_setup ();
  job = cp_plan_print_suggest_filename (store, person_id, kind);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  /* The document lives as long as the operation, which may outlive us. */
  g_object_set_data_full (G_OBJECT (operation), "cp-document", doc, (GDestroyNotify) cp_document_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), doc);
  return gtk_print_operation_run (operation, action, parent, error);
}
