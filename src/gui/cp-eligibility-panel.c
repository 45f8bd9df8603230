/* cp-eligibility-panel.c — can this person join IPC? Tower Hamlets' criteria
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per criterion of the group the person's age puts them in
 * (adults, or children and young people): a switch for "met" and a note
 * saying how it was checked. Each answer is stored as it is given
 * (eligibility_answer rows, through cp_eligibility_set_answer) and the
 * result is said in words above the rows: which criteria are met, which
 * are missing. A criterion never touched is "not checked yet", not "not met".
 */
#include <glib/gi18n.h>

#include "cp-eligibility-panel.h"
#include "cp-eligibility.h"

#define NOTE_DELAY_MS 500

struct _CpEligibilityPanel
{
  GtkBox              parent_instance;

  CpStore            *store;
  char               *person_id;
  CpEligibilityGroup  group;
  GPtrArray          *rows;        /* AdwExpanderRow*, one per criterion */
  GtkLabel           *result;
  GtkImage           *result_icon;
  GtkWidget          *result_box;
  AdwPreferencesGroup *header;     /* title, description, result */
  AdwPreferencesGroup *criteria;   /* one row per criterion */
  gboolean            loading;
  guint               note_source;
  GHashTable         *pending;     /* criterion id → TRUE: a note waits */
};

G_DEFINE_FINAL_TYPE (CpEligibilityPanel, cp_eligibility_panel, GTK_TYPE_BOX)

static const char *
row_criterion (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cp-criterion");
}

static GtkSwitch *
row_switch (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cp-switch");
}

static AdwEntryRow *
row_note (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cp-note");
}

static const char *
state_words (const CpEligibilityCriterion *criterion)
{
  switch (criterion->state)
    {
    case CP_ELIGIBILITY_MET: return _("Met");
    case CP_ELIGIBILITY_NOT_MET: return _("Not met");
    case CP_ELIGIBILITY_UNANSWERED:
    default: return _("Not checked yet");
    }
}

static void
show_criterion (CpEligibilityPanel *self, GtkWidget *row, const CpEligibilityCriterion *criterion)
{
  g_autofree char *subtitle = criterion->required
                              ? g_strdup (state_words (criterion))
                              /* Translators: %s is "Met", "Not met" or "Not checked yet" */
                              : g_strdup_printf (_("%s · one of these conditions is enough"),
                                                 state_words (criterion));

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_switch_set_active (row_switch (row), criterion->state == CP_ELIGIBILITY_MET);
  if (!g_hash_table_contains (self->pending, criterion->id))
    gtk_editable_set_text (GTK_EDITABLE (row_note (row)), criterion->note ? criterion->note : "");
}

static void
show_result (CpEligibilityPanel *self, CpEligibilityResult *result)
{
  CpEligibilityOutcome outcome = cp_eligibility_result_get_outcome (result);
  const char *icon = outcome == CP_ELIGIBILITY_ELIGIBLE ? "emblem-ok-symbolic"
                   : outcome == CP_ELIGIBILITY_NOT_ELIGIBLE ? "dialog-warning-symbolic"
                   : "dialog-information-symbolic";

  gtk_image_set_from_icon_name (self->result_icon, icon);
  gtk_label_set_label (self->result, cp_eligibility_result_get_reason (result));
}

static void remove_rows (CpEligibilityPanel *self);
static void add_rows (CpEligibilityPanel *self, GPtrArray *criteria);

static void
describe_group (CpEligibilityPanel *self)
{
  g_autofree char *text = NULL;

  if (self->group == CP_ELIGIBILITY_GROUP_AUTO)
    {
      adw_preferences_group_set_description (self->header,
                                             _("Tower Hamlets’ criteria. Type their date of birth above to see "
                                               "the criteria for adults or for children and young people."));
      return;
    }
  /* Translators: %s is "Adults" or "Children and young people" */
  text = g_strdup_printf (_("Tower Hamlets’ criteria. Group: %s (chosen from their date of birth)."),
                          cp_eligibility_group_label (self->group));
  adw_preferences_group_set_description (self->header, text);
}

void
cp_eligibility_panel_refresh (CpEligibilityPanel *self)
{
  g_autoptr(CpEligibilityResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *criteria;

  g_return_if_fail (CP_IS_ELIGIBILITY_PANEL (self));

  gtk_widget_set_visible (GTK_WIDGET (self), self->person_id != NULL);
  if (self->store == NULL || self->person_id == NULL)
    {
      remove_rows (self);
      return;
    }
  result = cp_eligibility_evaluate (self->store, self->person_id, CP_ELIGIBILITY_GROUP_AUTO, NULL, &error);
  if (result == NULL)
    {
      gtk_label_set_label (self->result, error ? error->message : "");
      return;
    }
  criteria = cp_eligibility_result_get_criteria (result);
  self->loading = TRUE;
  if (cp_eligibility_result_get_group (result) != self->group || criteria->len != self->rows->len)
    {
      self->group = cp_eligibility_result_get_group (result);
      remove_rows (self);
      add_rows (self, criteria);
      describe_group (self);
    }
  for (guint i = 0; i < criteria->len && i < self->rows->len; i++)
    show_criterion (self, self->rows->pdata[i], criteria->pdata[i]);
  self->loading = FALSE;
  show_result (self, result);
}

static void
save_answer (CpEligibilityPanel *self, GtkWidget *row)
{
  g_autoptr(GError) error = NULL;

  g_hash_table_remove (self->pending, row_criterion (row));
  if (!cp_eligibility_set_answer (self->store, self->person_id, row_criterion (row),
                                  gtk_switch_get_active (row_switch (row)),
                                  gtk_editable_get_text (GTK_EDITABLE (row_note (row))), &error))
    gtk_label_set_label (self->result, error->message);
}

void
cp_eligibility_panel_flush (CpEligibilityPanel *self)
{
  g_return_if_fail (CP_IS_ELIGIBILITY_PANEL (self));

  g_clear_handle_id (&self->note_source, g_source_remove);
  if (g_hash_table_size (self->pending) == 0 || self->store == NULL || self->person_id == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    if (g_hash_table_contains (self->pending, row_criterion (self->rows->pdata[i])))
      save_answer (self, self->rows->pdata[i]);
  cp_eligibility_panel_refresh (self);
}

static void
switch_cb (GtkSwitch *sw, GParamSpec *pspec, CpEligibilityPanel *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (sw), "cp-row");

  if (self->loading || self->person_id == NULL)
    return;
  save_answer (self, row);
  cp_eligibility_panel_refresh (self);
}

static gboolean
note_timeout_cb (gpointer data)
{
  CpEligibilityPanel *self = data;

  self->note_source = 0;
  cp_eligibility_panel_flush (self);
  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (GtkEditable *note, CpEligibilityPanel *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (note), "cp-row");

  if (self->loading || self->person_id == NULL)
    return;
  g_hash_table_add (self->pending, g_strdup (row_criterion (row)));
  g_clear_handle_id (&self->note_source, g_source_remove);
  self->note_source = g_timeout_add (NOTE_DELAY_MS, note_timeout_cb, self);
}

static GtkWidget *
criterion_row (CpEligibilityPanel *self, const CpEligibilityCriterion *criterion)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  GtkWidget *note = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), criterion->text);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of a switch; %s is a criterion */
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, criterion->text, -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), sw);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Note: how this was checked"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), note);
  g_object_set_data_full (G_OBJECT (row), "cp-criterion", g_strdup (criterion->id), g_free);
  g_object_set_data (G_OBJECT (row), "cp-switch", sw);
  g_object_set_data (G_OBJECT (row), "cp-note", note);
  g_object_set_data (G_OBJECT (sw), "cp-row", row);
  g_object_set_data (G_OBJECT (note), "cp-row", row);
  g_signal_connect (sw, "notify::active", G_CALLBACK (switch_cb), self);
  g_signal_connect (note, "changed", G_CALLBACK (note_changed_cb), self);
  return row;
}

static void
add_rows (CpEligibilityPanel *self, GPtrArray *criteria)
{
  for (guint i = 0; i < criteria->len; i++)
    {
      GtkWidget *row = criterion_row (self, criteria->pdata[i]);

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->criteria, row);
    }
}

static void
remove_rows (CpEligibilityPanel *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->criteria, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
}

void
cp_eligibility_panel_set_person (CpEligibilityPanel *self, CpStore *store, const char *person_id)
{
  g_return_if_fail (CP_IS_ELIGIBILITY_PANEL (self));

  cp_eligibility_panel_flush (self);
  g_set_object (&self->store, store);
  g_free (self->person_id);
  self->person_id = g_strdup (person_id);
  g_hash_table_remove_all (self->pending);
  self->group = CP_ELIGIBILITY_GROUP_AUTO;
  remove_rows (self);
  cp_eligibility_panel_refresh (self);
}

const char *
cp_eligibility_panel_get_result (CpEligibilityPanel *self)
{
  g_return_val_if_fail (CP_IS_ELIGIBILITY_PANEL (self), NULL);
  return gtk_label_get_label (self->result);
}

static void
cp_eligibility_panel_dispose (GObject *object)
{
  CpEligibilityPanel *self = CP_ELIGIBILITY_PANEL (object);

  if (self->store != NULL)
    cp_eligibility_panel_flush (self);
  g_clear_handle_id (&self->note_source, g_source_remove);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_eligibility_panel_parent_class)->dispose (object);
}

static void
cp_eligibility_panel_finalize (GObject *object)
{
  CpEligibilityPanel *self = CP_ELIGIBILITY_PANEL (object);

  g_free (self->person_id);
  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->pending);
  G_OBJECT_CLASS (cp_eligibility_panel_parent_class)->finalize (object);
}

static void
cp_eligibility_panel_class_init (CpEligibilityPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cp_eligibility_panel_dispose;
  G_OBJECT_CLASS (klass)->finalize = cp_eligibility_panel_finalize;
}

/* The result sits above the criteria, in words beside an icon. */
static void
cp_eligibility_panel_init (CpEligibilityPanel *self)
{
  self->rows = g_ptr_array_new ();
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  self->header = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->criteria = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->header, _("Can they join IPC?"));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->header));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->criteria));
  self->result_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->result_box, "card");
  gtk_widget_add_css_class (self->result_box, "cp-eligibility-result");
  self->result_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-information-symbolic"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->result_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Result"), -1);
  gtk_widget_set_valign (GTK_WIDGET (self->result_icon), GTK_ALIGN_START);
  self->result = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->result, TRUE);
  gtk_label_set_xalign (self->result, 0);
  gtk_label_set_selectable (self->result, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->result), TRUE);
  gtk_box_append (GTK_BOX (self->result_box), GTK_WIDGET (self->result_icon));
  gtk_box_append (GTK_BOX (self->result_box), GTK_WIDGET (self->result));
  adw_preferences_group_add (self->header, self->result_box);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
cp_eligibility_panel_new (void)
{
  return g_object_new (CP_TYPE_ELIGIBILITY_PANEL, NULL);
}
