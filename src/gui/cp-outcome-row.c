/* cp-outcome-row.c — one outcome: its words, actions and progress
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outcome's words and its actions are edited through the page's
 * CpRecordEditor (saved as typed). Ratings are added through
 * CpRatingDialog and drawn by the render library's outcome chart, with
 * the chart's sentence shown under it for everyone, not only for screen
 * readers.
 */
#include <glib/gi18n.h>

#include "cp-outcome-chart.h"
#include "cp-outcome-row.h"
#include "cp-plan-entries.h"
#include "cp-rating-dialog.h"
#include "cp-render-style-gui.h"

struct _CpOutcomeRow
{
  GtkBox          parent_instance;

  CpRecordEditor *editor;
  CpOutcome      *outcome;
  gboolean        editable;
  GPtrArray      *actions;   /* CpOutcomeAction* */
  GPtrArray      *ratings;   /* CpOutcomeRating*, by date */

  /* template children */
  GtkLabel       *heading;
  GtkWidget      *up_button;
  GtkWidget      *down_button;
  GtkWidget      *delete_button;
  AdwPreferencesGroup *words_group;
  GtkWidget      *add_action_button;
  GtkListBox     *actions_list;
  GtkDrawingArea *chart;
  GtkLabel       *summary;
  GtkListBox     *ratings_list;
};

G_DEFINE_FINAL_TYPE (CpOutcomeRow, cp_outcome_row, GTK_TYPE_BOX)

enum { MOVE, DELETE, N_SIGNALS };
static guint signals[N_SIGNALS];

static CpStore *
store (CpOutcomeRow *self)
{
  return cp_record_editor_get_store (self->editor);
}

/* Through the page's undo stack when there is one, so Ctrl+Z brings an
 * action or a rating back. */
static gboolean
insert_record (CpOutcomeRow *self, CpRecord *record, GError **error)
{
  CpUndoStack *undo = cp_record_editor_get_undo (self->editor);

  return undo ? cp_undo_stack_insert (undo, record, _("Add"), error)
              : cp_store_insert (store (self), record, error);
}

static gboolean
tombstone_record (CpOutcomeRow *self, CpRecord *record, GError **error)
{
  CpUndoStack *undo = cp_record_editor_get_undo (self->editor);

  return undo ? cp_undo_stack_tombstone (undo, record, _("Remove"), error)
              : cp_store_tombstone (store (self), record, error);
}

static gboolean
get_boolean (gpointer record, const char *property)
{
  gboolean value = FALSE;

  g_object_get (record, property, &value, NULL);
  return value;
}

static void
update_action_text (GtkWidget *row, CpRecord *action)
{
  const char *what = cp_record_get_string (action, "description");
  const char *who = cp_record_get_string (action, "who");
  const char *due = cp_record_get_string (action, "due-date");
  g_autoptr(GDate) date = due ? cp_date_parse_iso (due, NULL) : NULL;
  g_autofree char *by = date ? cp_date_format_long (date) : NULL;
  GString *subtitle = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 what && *what ? what : _("An action not written down yet"));
  if (who && *who)
    g_string_append_printf (subtitle, "%s · ", who);
  if (by != NULL)
    /* Translators: %s is a date, e.g. "by 3 March 2026" */
    g_string_append_printf (subtitle, _("by %s · "), by);
  g_string_append (subtitle, get_boolean (action, "done") ? _("Done") : _("Not done yet"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
  g_string_free (subtitle, TRUE);
}

static void
editor_changed_cb (CpOutcomeRow *self, CpRecord *record)
{
  for (guint i = 0; i < self->actions->len; i++)
    if (self->actions->pdata[i] == record)
      update_action_text (GTK_WIDGET (gtk_list_box_get_row_at_index (self->actions_list, i)), record);
}

static void
add_entry (CpOutcomeRow *self, AdwExpanderRow *row, CpRecord *record, const char *property,
           const char *title, CpPersonFieldKind kind)
{
  GtkWidget *error_row;
  AdwEntryRow *entry = cp_record_editor_add_entry (self->editor, record, property, title, kind, &error_row);

  adw_expander_row_add_row (row, GTK_WIDGET (entry));
  adw_expander_row_add_row (row, error_row);
}

static void rebuild_actions (CpOutcomeRow *self, const char *open_id);

static void
delete_action_cb (GtkButton *button, CpOutcomeRow *self)
{
  CpRecord *action = g_object_get_data (G_OBJECT (button), "cp-action");
  g_autoptr(GError) error = NULL;

  cp_record_editor_flush (self->editor);
  cp_record_editor_forget (self->editor, cp_record_get_id (action));
  if (!tombstone_record (self, action, &error))
    g_warning ("%s", error->message);
  rebuild_actions (self, NULL);
}

static GtkWidget *
action_row (CpOutcomeRow *self, CpRecord *action)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  GtkWidget *tools = adw_action_row_new ();
  GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Action"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  add_entry (self, row, action, "description", _("What will be done"), CP_PERSON_FIELD_TEXT);
  add_entry (self, row, action, "who", _("Who does it"), CP_PERSON_FIELD_TEXT);
  add_entry (self, row, action, "due-date", _("By when (day/month/year)"), CP_PERSON_FIELD_DATE);
  adw_expander_row_add_row (row, GTK_WIDGET (cp_record_editor_add_switch (self->editor, action, "done",
                                                                          _("Done"), NULL)));
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "destructive-action");
  gtk_widget_set_sensitive (delete, self->editable);
  g_object_set_data (G_OBJECT (delete), "cp-action", action);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_action_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (tools), delete);
  adw_expander_row_add_row (row, tools);
  update_action_text (GTK_WIDGET (row), action);
  return GTK_WIDGET (row);
}

static void
rebuild_actions (CpOutcomeRow *self, const char *open_id)
{
  g_autoptr(CpRecordList) list = cp_record_list_new (store (self), CP_TYPE_OUTCOME_ACTION,
                                                     cp_record_get_id (CP_RECORD (self->outcome)));
  GtkListBoxRow *old;

  cp_record_editor_unbind (self->editor, GTK_WIDGET (self->actions_list));
  while ((old = gtk_list_box_get_row_at_index (self->actions_list, 0)) != NULL)
    gtk_list_box_remove (self->actions_list, GTK_WIDGET (old));
  g_ptr_array_set_size (self->actions, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      CpRecord *action = g_list_model_get_item (G_LIST_MODEL (list), i);
      GtkWidget *row = action_row (self, action);

      g_ptr_array_add (self->actions, action);
      gtk_list_box_append (self->actions_list, row);
      if (g_strcmp0 (open_id, cp_record_get_id (action)) == 0)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
}

/* The chart's points, in date order as the list stores them. */
static CpOutcomePoint *
rating_points (CpOutcomeRow *self)
{
  CpOutcomePoint *points = g_new0 (CpOutcomePoint, MAX (self->ratings->len, 1));

  for (guint i = 0; i < self->ratings->len; i++)
    {
      CpRecord *rating = self->ratings->pdata[i];

      points[i].rated_on = cp_record_get_string (rating, "rated-on");
      points[i].score = (int) cp_record_get_int64 (rating, "score");
    }
  return points;
}

static void
draw_chart (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  CpOutcomeRow *self = data;
  g_autofree CpOutcomePoint *points = rating_points (self);
  CpRenderStyle style;

  cp_render_style_init_for_widget (&style, GTK_WIDGET (area));
  cp_outcome_chart_draw (cr, width, height, points, self->ratings->len, &style);
}

static void delete_rating_cb (GtkButton *button, CpOutcomeRow *self);

static GtkWidget *
rating_row (CpOutcomeRow *self, CpRecord *rating)
{
  int score = (int) cp_record_get_int64 (rating, "score");
  g_autofree char *number = cp_outcome_score_format (score);
  /* Translators: "+1 — more than expected" */
  g_autofree char *title = g_strdup_printf (_("%s — %s"), number, cp_outcome_score_label (score));
  const char *iso = cp_record_get_string (rating, "rated-on");
  g_autoptr(GDate) date = iso ? cp_date_parse_iso (iso, NULL) : NULL;
  g_autofree char *when = date ? cp_date_format_long (date) : g_strdup (_("No date"));
  const char *note = cp_record_get_string (rating, "note");
  g_autofree char *subtitle = note && *note ? g_strdup_printf ("%s · %s", when, note) : g_strdup (when);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Rating"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Rating"), -1);
  g_object_set_data (G_OBJECT (delete), "cp-rating", rating);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_rating_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

static void
rebuild_ratings (CpOutcomeRow *self)
{
  g_autoptr(CpRecordList) list = cp_record_list_new (store (self), CP_TYPE_OUTCOME_RATING,
                                                     cp_record_get_id (CP_RECORD (self->outcome)));
  g_autofree CpOutcomePoint *points = NULL;
  g_autofree char *summary = NULL;
  GtkListBoxRow *old;

  while ((old = gtk_list_box_get_row_at_index (self->ratings_list, 0)) != NULL)
    gtk_list_box_remove (self->ratings_list, GTK_WIDGET (old));
  g_ptr_array_set_size (self->ratings, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_ptr_array_add (self->ratings, g_list_model_get_item (G_LIST_MODEL (list), i));
  /* Newest first in the list; the chart reads left to right in time. */
  for (guint i = self->ratings->len; i > 0; i--)
    gtk_list_box_append (self->ratings_list, rating_row (self, self->ratings->pdata[i - 1]));
  gtk_widget_set_visible (GTK_WIDGET (self->ratings_list), self->ratings->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->chart), self->ratings->len > 0);
  points = rating_points (self);
  summary = cp_outcome_chart_dup_summary (points, self->ratings->len);
  gtk_label_set_label (self->summary, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
delete_rating_cb (GtkButton *button, CpOutcomeRow *self)
{
  CpRecord *rating = g_object_get_data (G_OBJECT (button), "cp-rating");
  g_autoptr(GError) error = NULL;

  if (!tombstone_record (self, rating, &error))
    g_warning ("%s", error->message);
  rebuild_ratings (self);
}

gboolean
cp_outcome_row_add_rating (CpOutcomeRow *self, int score, const char *rated_on, const char *note,
                           GError **error)
{
  g_autoptr(CpOutcomeRating) rating = NULL;

  g_return_val_if_fail (CP_IS_OUTCOME_ROW (self), FALSE);

  if (score < -2 || score > 2 || rated_on == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("A rating needs a score from −2 to +2 and a date."));
      return FALSE;
    }
  rating = cp_outcome_rating_new (cp_record_get_id (CP_RECORD (self->outcome)));
  g_object_set (rating, "score", (gint64) score, "rated-on", rated_on, "note", note ? note : "", NULL);
  if (!insert_record (self, CP_RECORD (rating), error))
    return FALSE;
  rebuild_ratings (self);
  return TRUE;
}

static void
rating_response_cb (CpRatingDialog *dialog, const char *response, CpOutcomeRow *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  if (!cp_outcome_row_add_rating (self, cp_rating_dialog_get_score (dialog), cp_rating_dialog_get_date (dialog),
                                  cp_rating_dialog_get_note (dialog), &error))
    gtk_label_set_label (self->summary, error->message);
}

static void
add_rating_clicked_cb (CpOutcomeRow *self)
{
  CpRatingDialog *dialog = cp_rating_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                 cp_record_get_string (CP_RECORD (self->outcome), "description"));

  g_signal_connect_object (dialog, "response", G_CALLBACK (rating_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cp_outcome_row_add_action (CpOutcomeRow *self)
{
  g_autoptr(CpOutcomeAction) action = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CP_IS_OUTCOME_ROW (self));
  if (!self->editable)
    return;
  cp_record_editor_flush (self->editor);
  action = cp_outcome_action_new (cp_record_get_id (CP_RECORD (self->outcome)));
  g_object_set (action, "position", (gint64) self->actions->len, NULL);
  if (!insert_record (self, CP_RECORD (action), &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  rebuild_actions (self, cp_record_get_id (CP_RECORD (action)));
}

static void
add_action_clicked_cb (CpOutcomeRow *self)
{
  cp_outcome_row_add_action (self);
}

static void
up_clicked_cb (CpOutcomeRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
down_clicked_cb (CpOutcomeRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, +1);
}

static void
delete_clicked_cb (CpOutcomeRow *self)
{
  g_signal_emit (self, signals[DELETE], 0);
}

static void
build_words (CpOutcomeRow *self)
{
  const char *voices[] = { cp_voice_label (CP_VOICE_PERSON), cp_voice_label (CP_VOICE_FAMILY_CARER),
                           cp_voice_label (CP_VOICE_ADVOCATE), cp_voice_label (CP_VOICE_PROFESSIONAL), NULL };
  GtkWidget *error_row;
  AdwEntryRow *words = cp_record_editor_add_entry (self->editor, CP_RECORD (self->outcome), "description",
                                                   _("What they want to achieve, in their words"),
                                                   CP_PERSON_FIELD_REQUIRED, &error_row);

  adw_preferences_group_add (self->words_group, GTK_WIDGET (words));
  adw_preferences_group_add (self->words_group, error_row);
  adw_preferences_group_add (self->words_group,
                             GTK_WIDGET (cp_record_editor_add_choice (self->editor, CP_RECORD (self->outcome),
                                                                      "voice", _("Whose words"), voices)));
}

static void
cp_outcome_row_dispose (GObject *object)
{
  CpOutcomeRow *self = CP_OUTCOME_ROW (object);

  g_clear_object (&self->outcome);
  g_clear_object (&self->editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_OUTCOME_ROW);
  G_OBJECT_CLASS (cp_outcome_row_parent_class)->dispose (object);
}

static void
cp_outcome_row_finalize (GObject *object)
{
  CpOutcomeRow *self = CP_OUTCOME_ROW (object);

  g_ptr_array_unref (self->actions);
  g_ptr_array_unref (self->ratings);
  G_OBJECT_CLASS (cp_outcome_row_parent_class)->finalize (object);
}

static void
cp_outcome_row_class_init (CpOutcomeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_outcome_row_dispose;
  object_class->finalize = cp_outcome_row_finalize;

  /* Move this outcome up (−1) or down (+1) the list. */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /* Delete this outcome (the page asks first). */
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-outcome-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CpOutcomeRow, heading);
  gtk_widget_class_bind_template_child (widget_class, CpOutcomeRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, CpOutcomeRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, CpOutcomeRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CpOutcomeRow, words_group);
  gtk_widget_class_bind_template_child (widget_class, CpOutcomeRow, add_action_button);
  gtk_widget_class_bind_template_child (widget_class, CpOutcomeRow, actions_list);
  gtk_widget_class_bind_template_child (widget_class, CpOutcomeRow, chart);
  gtk_widget_class_bind_template_child (widget_class, CpOutcomeRow, summary);
  gtk_widget_class_bind_template_child (widget_class, CpOutcomeRow, ratings_list);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_action_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_rating_clicked_cb);
}

static void
cp_outcome_row_init (CpOutcomeRow *self)
{
  self->actions = g_ptr_array_new_with_free_func (g_object_unref);
  self->ratings = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  cp_render_style_follow_dark (GTK_WIDGET (self->chart));
}

GtkWidget *
cp_outcome_row_new (CpRecordEditor *editor, CpOutcome *outcome, guint index, guint count, gboolean editable)
{
  CpOutcomeRow *self = g_object_new (CP_TYPE_OUTCOME_ROW, NULL);
  /* Translators: the heading of each outcome, "Outcome 1", "Outcome 2" … */
  g_autofree char *heading = g_strdup_printf (_("Outcome %u"), index + 1);

  self->editor = g_object_ref (editor);
  self->outcome = g_object_ref (outcome);
  self->editable = editable;
  gtk_label_set_label (self->heading, heading);
  gtk_widget_set_sensitive (self->up_button, editable && index > 0);
  gtk_widget_set_sensitive (self->down_button, editable && index + 1 < count);
  gtk_widget_set_sensitive (self->delete_button, editable);
  gtk_widget_set_sensitive (self->add_action_button, editable);
  build_words (self);
  rebuild_actions (self, NULL);
  rebuild_ratings (self);
  g_signal_connect_object (editor, "changed", G_CALLBACK (editor_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

CpOutcome *
cp_outcome_row_get_outcome (CpOutcomeRow *self)
{
  g_return_val_if_fail (CP_IS_OUTCOME_ROW (self), NULL);
  return self->outcome;
}

GtkListBox *
cp_outcome_row_get_actions (CpOutcomeRow *self)
{
  g_return_val_if_fail (CP_IS_OUTCOME_ROW (self), NULL);
  return self->actions_list;
}

GtkListBox *
cp_outcome_row_get_ratings (CpOutcomeRow *self)
{
  g_return_val_if_fail (CP_IS_OUTCOME_ROW (self), NULL);
  return self->ratings_list;
}

const char *
cp_outcome_row_get_summary (CpOutcomeRow *self)
{
  g_return_val_if_fail (CP_IS_OUTCOME_ROW (self), NULL);
  return gtk_label_get_label (self->summary);
}
