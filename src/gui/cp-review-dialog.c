/* cp-review-dialog.c — recording a review of a plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The top working / not working points feed commissioners' reports, so
 * they get their own boxes. Started from "Start Review…", saving also
 * puts the agreed plan under review, in the same transaction.
 */
#include <glib/gi18n.h>

#include "cp-plan-lifecycle.h"
#include "cp-review-dialog.h"

struct _CpReviewDialog
{
  AdwWindow    parent_instance;

  CpStore     *store;
  char        *plan_id;
  gboolean     start_review;

  /* template children */
  AdwComboRow *kind_row;
  AdwEntryRow *date_row;
  GtkTextView *working_view;
  GtkTextView *not_working_view;
  GtkTextView *notes_view;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (CpReviewDialog, cp_review_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
set_view_text (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

void
cp_review_dialog_fill (CpReviewDialog *self, CpReviewKind kind, const char *date,
                       const char *working, const char *not_working, const char *notes)
{
  g_return_if_fail (CP_IS_REVIEW_DIALOG (self));

  adw_combo_row_set_selected (self->kind_row, kind);
  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  set_view_text (self->working_view, working);
  set_view_text (self->not_working_view, not_working);
  set_view_text (self->notes_view, notes);
}

static void
show_error (CpReviewDialog *self, const char *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
store_review (CpReviewDialog *self, const char *iso, GError **error)
{
  g_autoptr(CpReview) review = cp_review_new (self->plan_id);
  g_autofree char *working = view_text (self->working_view);
  g_autofree char *not_working = view_text (self->not_working_view);
  g_autofree char *notes = view_text (self->notes_view);

  g_object_set (review, "review-date", iso, "kind", adw_combo_row_get_selected (self->kind_row),
                "working", working, "not-working", not_working, "notes", notes, NULL);
  if (!cp_store_begin (self->store, error))
    return FALSE;
  if ((self->start_review && !cp_plan_start_review (self->store, self->plan_id, error)) ||
      !cp_store_insert (self->store, CP_RECORD (review), error))
    {
      cp_store_rollback (self->store);
      return FALSE;
    }
  return cp_store_commit (self->store, error);
}

gboolean
cp_review_dialog_save (CpReviewDialog *self)
{
  g_autoptr(GDate) date = NULL;
  g_autofree char *iso = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CP_IS_REVIEW_DIALOG (self), FALSE);

  date = cp_date_parse_user (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &error);
  if (date == NULL)
    {
      /* Translators: %s explains what is wrong with the date */
      g_autofree char *text = g_strdup_printf (_("The date of the review: %s"), error->message);
      show_error (self, text);
      return FALSE;
    }
  iso = cp_date_to_iso (date);
  if (!store_review (self, iso, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (CpReviewDialog *self)
{
  cp_review_dialog_save (self);
}

static void
cp_review_dialog_dispose (GObject *object)
{
  CpReviewDialog *self = CP_REVIEW_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->plan_id, g_free);
  G_OBJECT_CLASS (cp_review_dialog_parent_class)->dispose (object);
}

static void
cp_review_dialog_class_init (CpReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_review_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpReviewDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CpReviewDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CpReviewDialog, working_view);
  gtk_widget_class_bind_template_child (widget_class, CpReviewDialog, not_working_view);
  gtk_widget_class_bind_template_child (widget_class, CpReviewDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CpReviewDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_review_dialog_init (CpReviewDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
}

GtkWidget *
cp_review_dialog_new (GtkWindow *parent, CpStore *store, const char *plan_id, gboolean start_review)
{
  CpReviewDialog *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  self = g_object_new (CP_TYPE_REVIEW_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->plan_id = g_strdup (plan_id);
  self->start_review = start_review;
  if (start_review)
    gtk_window_set_title (GTK_WINDOW (self), _("Start a Review"));
  return GTK_WIDGET (self);
}
