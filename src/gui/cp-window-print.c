/* cp-window-print.c — the window's Print and Save as PDF actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both take "standard" or "easy-read" as their target and work on the
 * person shown. Any edit still waiting to be saved is saved first, so the
 * paper holds what is on the screen.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cp-plan-print.h"
#include "cp-window-private.h"

static const char *
shown_person (CpWindow *self)
{
  cp_person_view_flush (self->person_view);
  return cp_person_view_get_person_id (self->person_view);
}

static void
print_plan_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  CpWindow *self = data;
  g_autoptr(GError) error = NULL;
  const char *person_id = shown_person (self);
  CpPlanDocumentKind kind;

  if (person_id == NULL || !cp_plan_print_kind_from_string (g_variant_get_string (param, NULL), &kind))
    return;
  if (cp_plan_print_run (GTK_WINDOW (self), self->store, person_id, kind,
                         GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *text = g_strdup_printf (_("Could not print the plan: %s"), error->message);
      cp_window_add_toast (self, text);
    }
}

typedef struct
{
  CpWindow           *window;
  char               *person_id;
  CpPlanDocumentKind  kind;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_object_unref (request->window);
  g_free (request->person_id);
  g_free (request);
}

static void
save_response_cb (GtkNativeDialog *chooser, int response, SaveRequest *request)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path != NULL)
    {
      g_autofree char *text = NULL;

      if (cp_plan_document_write_pdf (cp_window_get_store (request->window), request->person_id,
                                      request->kind, NULL, path, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          text = g_strdup_printf (_("Saved “%s”"), name);
        }
      else
        text = g_strdup_printf (_("Could not save the plan: %s"), error->message);
      cp_window_add_toast (request->window, text);
    }
  save_request_free (request);
  g_object_unref (chooser);
}

static void
save_plan_pdf_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  CpWindow *self = data;
  const char *person_id = shown_person (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  SaveRequest *request;
  CpPlanDocumentKind kind;

  if (person_id == NULL || !cp_plan_print_kind_from_string (g_variant_get_string (param, NULL), &kind))
    return;
  request = g_new0 (SaveRequest, 1);
  request->window = g_object_ref (self);
  request->person_id = g_strdup (person_id);
  request->kind = kind;
  chooser = gtk_file_chooser_native_new (kind == CP_PLAN_DOCUMENT_EASY_READ ? _("Save Easy-Read Plan as PDF")
                                                                            : _("Save Plan as PDF"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = cp_plan_print_suggest_filename (self->store, person_id, kind);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry print_actions[] = {
  { .name = "print-plan", .activate = print_plan_cb, .parameter_type = "s" },
  { .name = "save-plan-pdf", .activate = save_plan_pdf_cb, .parameter_type = "s" },
};

void
_cp_window_print_actions_init (CpWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), print_actions, G_N_ELEMENTS (print_actions), self);
}

/* Only while someone is shown: there is no plan to print otherwise. */
void
_cp_window_print_actions_update (CpWindow *self)
{
  gboolean shown = cp_person_view_get_person_id (self->person_view) != NULL &&
                   g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "person") == 0;

  gtk_widget_set_visible (self->plan_menu_button, shown);

  for (guint i = 0; i < G_N_ELEMENTS (print_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), print_actions[i].name);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), shown);
    }
}
