/* cp-outcomes-page.c — the Outcomes tab: goals, actions and progress
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Outcomes belong to the person's current plan. Each is a CpOutcomeRow;
 * they share one CpRecordEditor, so the tab saves and flushes as one.
 * Once the plan is agreed the words and actions are read-only, but
 * progress ratings can still be added: that is how a review sees change.
 */
#include <glib/gi18n.h>

#include "cp-outcomes-page.h"
#include "cp-record-tab.h"

struct _CpOutcomesPage
{
  AdwBin          parent_instance;

  CpRecordTab     tab;
  GPtrArray      *outcomes;  /* CpOutcome*, in the order shown */

  /* template children */
  CpPlanBanner   *banner;
  GtkWidget      *add_button;
  GtkWidget      *empty_label;
  GtkBox         *outcomes_box;
};

static void cp_outcomes_page_tab_init (CpPersonTabInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpOutcomesPage, cp_outcomes_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CP_TYPE_PERSON_TAB, cp_outcomes_page_tab_init))

static void row_move_cb (CpOutcomeRow *row, int delta, CpOutcomesPage *self);
static void row_delete_cb (CpOutcomeRow *row, CpOutcomesPage *self);

static void
remove_rows (CpOutcomesPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outcomes_box))) != NULL)
    gtk_box_remove (self->outcomes_box, child);
}

static void
rebuild (CpOutcomesPage *self)
{
  const char *plan_id;
  gboolean editable;

  cp_record_editor_clear (self->tab.editor);
  remove_rows (self);
  plan_id = cp_record_tab_load_plan (&self->tab, self->banner, self->add_button, CP_TYPE_OUTCOME,
                                     self->outcomes);
  editable = cp_plan_banner_is_editable (self->banner);
  for (guint i = 0; i < self->outcomes->len; i++)
    {
      GtkWidget *row = cp_outcome_row_new (self->tab.editor, self->outcomes->pdata[i], i,
                                           self->outcomes->len, editable);

      g_signal_connect_object (row, "move", G_CALLBACK (row_move_cb), self, 0);
      g_signal_connect_object (row, "delete", G_CALLBACK (row_delete_cb), self, 0);
      gtk_box_append (self->outcomes_box, row);
    }
  gtk_widget_set_visible (self->empty_label, plan_id != NULL && self->outcomes->len == 0);
}

gboolean
cp_outcomes_page_add_outcome (CpOutcomesPage *self, const char *words, GError **error)
{
  g_autoptr(CpOutcome) outcome = NULL;
  const char *plan_id;

  g_return_val_if_fail (CP_IS_OUTCOMES_PAGE (self), FALSE);
  plan_id = cp_plan_banner_get_plan_id (self->banner);
  if (plan_id == NULL || !cp_plan_banner_is_editable (self->banner))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("Outcomes can be added only to a plan that is still a draft."));
      return FALSE;
    }
  outcome = cp_outcome_new (plan_id);
  g_object_set (outcome, "description", words ? words : "", "position", (gint64) self->outcomes->len, NULL);
  if (!cp_record_tab_insert (&self->tab, CP_RECORD (outcome), error))
    return FALSE;
  rebuild (self);
  return TRUE;
}

static void
words_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", *text != '\0');
}

static void
add_response_cb (AdwMessageDialog *dialog, const char *response, CpOutcomesPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "cp-words");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  if (!cp_outcomes_page_add_outcome (self, gtk_editable_get_text (entry), &error))
    cp_plan_banner_set_locked_note (self->banner, error->message);
}

/* An outcome starts from the person's words, so it is asked for first. */
static void
add_clicked_cb (CpOutcomesPage *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Add an Outcome"),
                                              _("What do they want to achieve? Write it in their own words."));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("In their words"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "add", _("_Add Outcome"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cp-words", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (words_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

gboolean
cp_outcomes_page_move (CpOutcomesPage *self, guint from, guint to)
{
  g_return_val_if_fail (CP_IS_OUTCOMES_PAGE (self), FALSE);
  if (!cp_record_tab_move (&self->tab, self->banner, self->outcomes, from, to))
    return FALSE;
  rebuild (self);
  return TRUE;
}

gboolean
cp_outcomes_page_delete (CpOutcomesPage *self, guint index)
{
  g_autoptr(GError) error = NULL;
  CpRecord *outcome;

  g_return_val_if_fail (CP_IS_OUTCOMES_PAGE (self), FALSE);
  if (index >= self->outcomes->len || !cp_plan_banner_is_editable (self->banner))
    return FALSE;
  cp_record_editor_flush (self->tab.editor);
  outcome = self->outcomes->pdata[index];
  cp_record_editor_forget (self->tab.editor, cp_record_get_id (outcome));
  if (!cp_record_tab_tombstone (&self->tab, CP_RECORD (outcome), &error))
    {
      g_warning ("%s", error->message);
      return FALSE;
    }
  rebuild (self);
  return TRUE;
}

static guint
row_index (CpOutcomesPage *self, CpOutcomeRow *row)
{
  guint index;

  if (!g_ptr_array_find (self->outcomes, cp_outcome_row_get_outcome (row), &index))
    return G_MAXUINT;
  return index;
}

static void
row_move_cb (CpOutcomeRow *row, int delta, CpOutcomesPage *self)
{
  guint index = row_index (self, row);

  if (index != G_MAXUINT)
    cp_outcomes_page_move (self, index, index + delta);
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, CpOutcomesPage *self)
{
  CpOutcomeRow *row = g_object_get_data (G_OBJECT (dialog), "cp-row");
  guint index;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  index = row_index (self, row);
  if (index != G_MAXUINT)
    cp_outcomes_page_delete (self, index);
}

static void
row_delete_cb (CpOutcomeRow *row, CpOutcomesPage *self)
{
  cp_record_tab_confirm (GTK_WIDGET (self), _("Delete this outcome?"),
                         _("Its actions and progress ratings go with it. "
                           "The record of changes keeps a note."),
                         "delete", _("_Delete"), "cp-row", row, G_CALLBACK (delete_response_cb));
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  CpOutcomesPage *self = data;

  self->tab.rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* A plan agreed or started on the Plan tab, or outcomes added elsewhere,
 * are picked up; the page's own saves do not rebuild what is typed. */
static void
store_changed_cb (CpOutcomesPage *self, const char *table, const char *id, CpStore *store)
{
  gboolean plan_change = g_strcmp0 (table, "plan") == 0;
  gboolean new_outcome = g_strcmp0 (table, "outcome") == 0 && !cp_record_tab_contains (self->outcomes, id);

  if (plan_change || new_outcome)
    cp_record_tab_queue_rebuild (&self->tab, rebuild_idle_cb, self);
}

static void
plan_changed_cb (CpOutcomesPage *self)
{
  rebuild (self);
}

static void
cp_outcomes_page_dispose (GObject *object)
{
  CpOutcomesPage *self = CP_OUTCOMES_PAGE (object);

  cp_record_tab_dispose (&self->tab);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_OUTCOMES_PAGE);
  G_OBJECT_CLASS (cp_outcomes_page_parent_class)->dispose (object);
}

static void
cp_outcomes_page_finalize (GObject *object)
{
  CpOutcomesPage *self = CP_OUTCOMES_PAGE (object);

  cp_record_tab_finalize (&self->tab);
  g_ptr_array_unref (self->outcomes);
  G_OBJECT_CLASS (cp_outcomes_page_parent_class)->finalize (object);
}

static void
cp_outcomes_page_class_init (CpOutcomesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_outcomes_page_dispose;
  object_class->finalize = cp_outcomes_page_finalize;

  g_type_ensure (CP_TYPE_PLAN_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-outcomes-page.ui");
  cp_record_tab_install_undo (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CpOutcomesPage, banner);
  gtk_widget_class_bind_template_child (widget_class, CpOutcomesPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CpOutcomesPage, empty_label);
  gtk_widget_class_bind_template_child_full (widget_class, "outcomes", FALSE,
                                             G_STRUCT_OFFSET (CpOutcomesPage, outcomes_box));
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
cp_outcomes_page_init (CpOutcomesPage *self)
{
  self->outcomes = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_record_tab_init (&self->tab);
  cp_record_tab_attach (&self->tab, GTK_WIDGET (self), rebuild_idle_cb);
  cp_plan_banner_set_locked_note (self->banner, _("You can still add progress ratings."));
  g_signal_connect_object (self->banner, "plan-changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (self->add_button, FALSE);
  gtk_widget_set_visible (self->empty_label, FALSE);
}

GtkWidget *
cp_outcomes_page_new (void)
{
  return g_object_new (CP_TYPE_OUTCOMES_PAGE, NULL);
}

CpPlanBanner *
cp_outcomes_page_get_banner (CpOutcomesPage *self)
{
  g_return_val_if_fail (CP_IS_OUTCOMES_PAGE (self), NULL);
  return self->banner;
}

CpOutcomeRow *
cp_outcomes_page_get_row (CpOutcomesPage *self, guint index)
{
  GtkWidget *child;

  g_return_val_if_fail (CP_IS_OUTCOMES_PAGE (self), NULL);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->outcomes_box)); child && index > 0; index--)
    child = gtk_widget_get_next_sibling (child);
  return child ? CP_OUTCOME_ROW (child) : NULL;
}

guint
cp_outcomes_page_get_n_rows (CpOutcomesPage *self)
{
  g_return_val_if_fail (CP_IS_OUTCOMES_PAGE (self), 0);
  return self->outcomes->len;
}

static void
tab_set_store (CpPersonTab *tab, CpStore *store)
{
  cp_record_tab_set_store (&CP_OUTCOMES_PAGE (tab)->tab, tab, store, G_CALLBACK (store_changed_cb));
}

static gboolean
tab_flush (CpPersonTab *tab)
{
  return cp_record_editor_flush (CP_OUTCOMES_PAGE (tab)->tab.editor);
}

static gboolean
tab_set_person_id (CpPersonTab *tab, const char *person_id)
{
  CpOutcomesPage *self = CP_OUTCOMES_PAGE (tab);
  gboolean ok = cp_record_tab_set_person_id (&self->tab, person_id);

  rebuild (self);
  return ok;
}

static void
cp_outcomes_page_tab_init (CpPersonTabInterface *iface)
{
  iface->set_store = tab_set_store;
  iface->set_person_id = tab_set_person_id;
  iface->flush = tab_flush;
}
