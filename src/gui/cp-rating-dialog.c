/* cp-rating-dialog.c — asks how an outcome is going, on the goal attainment scale
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scale is offered in words ("more than expected"), with its number.
 * A date that does not exist or is in the future is explained under the
 * field as it is typed and the Add button waits, so nothing typed is lost.
 */
#include <glib/gi18n.h>

#include "cp-outcome-chart.h"
#include "cp-person-fields.h"
#include "cp-rating-dialog.h"

struct _CpRatingDialog
{
  AdwMessageDialog parent_instance;

  AdwComboRow     *score_row;
  AdwEntryRow     *date_row;
  AdwActionRow    *date_error;
  AdwEntryRow     *note_row;
  char            *date_iso;
};

G_DEFINE_FINAL_TYPE (CpRatingDialog, cp_rating_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
date_changed_cb (CpRatingDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  gboolean ok = cp_person_field_parse (CP_PERSON_FIELD_PAST_DATE,
                                       gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                       &stored, &error);

  if (ok && stored == NULL)
    {
      ok = FALSE;
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Type the day of the rating, like 3/3/2026."));
    }
  g_free (self->date_iso);
  self->date_iso = ok ? g_steal_pointer (&stored) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), !ok);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_error), ok ? "" : error->message);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", ok);
}

static GtkWidget *
build_fields (CpRatingDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) scores = gtk_string_list_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  for (int score = -2; score <= 2; score++)
    {
      g_autofree char *number = cp_outcome_score_format (score);
      /* Translators: "+1 — more than expected" */
      g_autofree char *text = g_strdup_printf (_("%s — %s"), number, cp_outcome_score_label (score));

      gtk_string_list_append (scores, text);
    }
  self->score_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->score_row), _("How is it going?"));
  adw_combo_row_set_model (self->score_row, G_LIST_MODEL (scores));
  adw_combo_row_set_selected (self->score_row, 2);
  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date (day/month/year)"));
  self->date_error = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->date_error), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->date_error), "cp-field-error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  adw_action_row_add_prefix (self->date_error, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), FALSE);
  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Note (what has changed)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->score_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->date_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->date_error));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_row));
  return group;
}

static void
cp_rating_dialog_finalize (GObject *object)
{
  g_free (CP_RATING_DIALOG (object)->date_iso);
  G_OBJECT_CLASS (cp_rating_dialog_parent_class)->finalize (object);
}

static void
cp_rating_dialog_class_init (CpRatingDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_rating_dialog_finalize;
}

static void
cp_rating_dialog_init (CpRatingDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Add a Progress Rating"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), build_fields (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"),
                                    "add", _("_Add Rating"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (date_changed_cb), self);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
}

CpRatingDialog *
cp_rating_dialog_new (GtkWindow *parent, const char *outcome)
{
  CpRatingDialog *self = g_object_new (CP_TYPE_RATING_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), outcome ? outcome : "");
  return self;
}

int
cp_rating_dialog_get_score (CpRatingDialog *self)
{
  g_return_val_if_fail (CP_IS_RATING_DIALOG (self), 0);
  return (int) adw_combo_row_get_selected (self->score_row) - 2;
}

void
cp_rating_dialog_set_score (CpRatingDialog *self, int score)
{
  g_return_if_fail (CP_IS_RATING_DIALOG (self));
  adw_combo_row_set_selected (self->score_row, CLAMP (score, -2, 2) + 2);
}

const char *
cp_rating_dialog_get_date (CpRatingDialog *self)
{
  g_return_val_if_fail (CP_IS_RATING_DIALOG (self), NULL);
  return self->date_iso;
}

const char *
cp_rating_dialog_get_note (CpRatingDialog *self)
{
  g_return_val_if_fail (CP_IS_RATING_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->note_row));
}

AdwEntryRow *
cp_rating_dialog_get_date_row (CpRatingDialog *self)
{
  g_return_val_if_fail (CP_IS_RATING_DIALOG (self), NULL);
  return self->date_row;
}

AdwEntryRow *
cp_rating_dialog_get_note_row (CpRatingDialog *self)
{
  g_return_val_if_fail (CP_IS_RATING_DIALOG (self), NULL);
  return self->note_row;
}

const char *
cp_rating_dialog_get_error (CpRatingDialog *self)
{
  g_return_val_if_fail (CP_IS_RATING_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->date_error)))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->date_error));
}
