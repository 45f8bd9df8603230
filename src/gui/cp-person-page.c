/* cp-person-page.c — one person's details, saved as they are typed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * There is no Save button: an edit is committed CP_PERSON_PAGE_SAVE_DELAY_MS
 * after the last keystroke, and at once when focus leaves the field, the
 * person changes or the window closes. A refused value is explained under
 * its field, is not stored, and stays in the entry to be corrected.
 */
#include <glib/gi18n.h>

#include "cp-budget-summary.h"
#include "cp-budget-view.h"
#include "cp-eligibility-panel.h"
#include "cp-ipc-areas.h"
#include "cp-person-fields.h"
#include "cp-person-page.h"
#include "cp-person-tab.h"

struct _CpPersonPage
{
  AdwBin        parent_instance;

  CpStore      *store;
  CpPerson     *person;
  char         *title;
  gboolean      loading;
  gboolean      dirty;
  guint         save_source;
  guint         budget_source;
  /* "person-id/property" → text that was typed but refused, kept for the
   * session so leaving a person never throws away what was typed. */
  GHashTable   *refused;

  /* template children */
  GtkLabel     *name_label;
  AdwPreferencesGroup *budget_group;
  CpBudgetView *budget_view;
  GtkLabel     *budget_note;
  AdwEntryRow  *given_row;
  AdwActionRow *given_error;
  AdwEntryRow  *family_row;
  AdwEntryRow  *preferred_row;
  AdwEntryRow  *dob_row;
  AdwActionRow *dob_error;
  AdwEntryRow  *nhs_row;
  AdwActionRow *nhs_error;
  AdwEntryRow  *address_row;
  AdwEntryRow  *postcode_row;
  AdwEntryRow  *phone_row;
  AdwEntryRow  *gp_row;
  AdwEntryRow  *authority_row;
  AdwEntryRow  *needs_row;
  AdwEntryRow  *language_row;
  GtkSwitch    *interpreter_switch;
  AdwComboRow  *area_row;
  AdwComboRow  *cohort_row;
  CpEligibilityPanel *eligibility;
  GtkSwitch    *consent_switch;
  AdwEntryRow  *consent_date_row;
  AdwActionRow *consent_date_error;
  AdwEntryRow  *sharing_row;
};

static void cp_person_page_tab_init (CpPersonTabInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpPersonPage, cp_person_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CP_TYPE_PERSON_TAB, cp_person_page_tab_init))

enum { PROP_0, PROP_TITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { PERSON_DELETED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Each entry row and the person property it edits. */
typedef struct
{
  const char        *property;
  CpPersonFieldKind  kind;
  gsize              row_offset;
  gsize              error_offset; /* 0: this field cannot be refused */
} Field;

#define ROW(member) G_STRUCT_OFFSET (CpPersonPage, member)

static const Field fields[] = {
  { "given-name", CP_PERSON_FIELD_REQUIRED, ROW (given_row), ROW (given_error) },
  { "family-name", CP_PERSON_FIELD_TEXT, ROW (family_row), 0 },
  { "preferred-name", CP_PERSON_FIELD_TEXT, ROW (preferred_row), 0 },
  { "date-of-birth", CP_PERSON_FIELD_PAST_DATE, ROW (dob_row), ROW (dob_error) },
  { "nhs-number", CP_PERSON_FIELD_NHS_NUMBER, ROW (nhs_row), ROW (nhs_error) },
  { "address", CP_PERSON_FIELD_TEXT, ROW (address_row), 0 },
  { "postcode", CP_PERSON_FIELD_TEXT, ROW (postcode_row), 0 },
  { "phone", CP_PERSON_FIELD_TEXT, ROW (phone_row), 0 },
  { "gp-practice", CP_PERSON_FIELD_TEXT, ROW (gp_row), 0 },
  { "local-authority", CP_PERSON_FIELD_TEXT, ROW (authority_row), 0 },
  { "communication-needs", CP_PERSON_FIELD_TEXT, ROW (needs_row), 0 },
  { "preferred-language", CP_PERSON_FIELD_TEXT, ROW (language_row), 0 },
  { "consent-date", CP_PERSON_FIELD_PAST_DATE, ROW (consent_date_row), ROW (consent_date_error) },
  { "sharing-agreement", CP_PERSON_FIELD_TEXT, ROW (sharing_row), 0 },
};

static AdwEntryRow *
field_row (CpPersonPage *self, const Field *field)
{
  return G_STRUCT_MEMBER (AdwEntryRow *, self, field->row_offset);
}

static AdwActionRow *
field_error (CpPersonPage *self, const Field *field)
{
  return field->error_offset ? G_STRUCT_MEMBER (AdwActionRow *, self, field->error_offset) : NULL;
}

static void
set_field_error (CpPersonPage *self, const Field *field, const char *message)
{
  AdwEntryRow *row = field_row (self, field);
  AdwActionRow *error_row = field_error (self, field);

  if (error_row == NULL)
    return;
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error_row), message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (GTK_WIDGET (error_row), message != NULL);
}

static void
show_toast (CpPersonPage *self, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_warning ("%s", text);
}

static void
update_header (CpPersonPage *self)
{
  g_autofree char *name = self->person ? cp_person_dup_display_name (self->person) : NULL;

  g_free (self->title);
  self->title = self->person ? cp_person_field_display_name (name) : g_strdup ("");
  /* Communication needs are shown by the person view above every tab. */
  gtk_label_set_label (self->name_label, self->title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static char *
long_date (const char *iso)
{
  g_autoptr(GDate) date = iso ? cp_date_parse_iso (iso, NULL) : NULL;

  return date ? cp_date_format_long (date) : NULL;
}

/* "For the year of care from 1 April 2026 to 31 March 2027." */
static char *
describe_year (const char *start_iso, const char *end_iso)
{
  g_autofree char *start = long_date (start_iso);
  g_autofree char *end = long_date (end_iso);

  if (start == NULL || end == NULL)
    return g_strdup (_("For the current plan’s year of care."));
  /* Translators: the two dates of a year of care, e.g. "1 April 2026" and "31 March 2027" */
  return g_strdup_printf (_("For the year of care from %s to %s."), start, end);
}

/* Sums from SQL; no payment is loaded. */
static void
update_budget (CpPersonPage *self)
{
  CpBudgetSummary summary;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->budget_source, g_source_remove);
  if (self->person == NULL || self->store == NULL)
    return;
  if (!cp_budget_summary_load (self->store, cp_record_get_id (CP_RECORD (self->person)),
                               NULL, &summary, &error))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->budget_view), FALSE);
      gtk_label_set_label (self->budget_note, error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->budget_view), summary.has_plan);
  if (summary.has_plan)
    {
      g_autofree char *year = describe_year (summary.year_start, summary.year_end);

      cp_budget_view_set_amounts (self->budget_view, summary.agreed_pence, summary.spent_pence);
      gtk_label_set_label (self->budget_note, year);
    }
  else
    gtk_label_set_label (self->budget_note,
                         _("There is no plan for this person yet, so there is no budget to show."));
  cp_budget_summary_clear (&summary);
}

static gboolean
budget_idle_cb (gpointer data)
{
  CpPersonPage *self = data;

  self->budget_source = 0;
  update_budget (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CpPersonPage *self, const char *table, const char *id, CpStore *store)
{
  if (g_strcmp0 (table, "payment") != 0 && g_strcmp0 (table, "funding_stream") != 0 &&
      g_strcmp0 (table, "plan") != 0)
    return;
  /* An import changes many rows: sum once, when the loop is idle. */
  if (self->budget_source == 0)
    self->budget_source = g_idle_add (budget_idle_cb, self);
}

static char *
refused_key (CpPersonPage *self, const Field *field)
{
  return g_strconcat (cp_record_get_id (CP_RECORD (self->person)), "/", field->property, NULL);
}

/* Whether anything typed for the shown person is refused, so not stored. */
static gboolean
has_refused (CpPersonPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *key = refused_key (self, &fields[i]);

      if (g_hash_table_contains (self->refused, key))
        return TRUE;
    }
  return FALSE;
}

static void
forget_refused (CpPersonPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *key = refused_key (self, &fields[i]);

      g_hash_table_remove (self->refused, key);
    }
}

static gboolean
apply_field (CpPersonPage *self, const Field *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field_row (self, field)));
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;

  if (!cp_person_field_parse (field->kind, text, &stored, &error))
    {
      set_field_error (self, field, error->message);
      g_hash_table_insert (self->refused, refused_key (self, field), g_strdup (text));
      return FALSE;
    }
  if (field->error_offset != 0)
    {
      g_autofree char *key = refused_key (self, field);

      g_hash_table_remove (self->refused, key);
    }
  set_field_error (self, field, NULL);
  cp_record_set_string (CP_RECORD (self->person), field->property, stored);
  return TRUE;
}

gboolean
cp_person_page_flush (CpPersonPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean all_valid = TRUE;

  g_return_val_if_fail (CP_IS_PERSON_PAGE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->person == NULL || !self->dirty)
    return TRUE;
  self->dirty = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    all_valid &= apply_field (self, &fields[i]);
  g_object_set (self->person,
                "interpreter-needed", gtk_switch_get_active (self->interpreter_switch),
                "consent-given", gtk_switch_get_active (self->consent_switch),
                NULL);

  if (!cp_store_update (self->store, CP_RECORD (self->person), &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not save: %s"), error->message);
      show_toast (self, text);
      self->dirty = TRUE;
      return FALSE;
    }
  update_header (self);
  /* A new date of birth may move them between adults and children. */
  cp_eligibility_panel_flush (self->eligibility);
  cp_eligibility_panel_refresh (self->eligibility);
  return all_valid;
}

static gboolean
save_timeout_cb (gpointer data)
{
  CpPersonPage *self = data;

  self->save_source = 0;
  cp_person_page_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (CpPersonPage *self)
{
  if (self->loading || self->person == NULL)
    return;
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (CP_PERSON_PAGE_SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
field_focus_leave_cb (GtkEventControllerFocus *controller, CpPersonPage *self)
{
  cp_person_page_flush (self);
}

static void
interpreter_cb (CpPersonPage *self)
{
  if (self->loading || self->person == NULL)
    return;
  self->dirty = TRUE;
  cp_person_page_flush (self);
}

/* Leaving someone whose details are not all saved: say so, with a way back. */
static void
warn_refused (CpPersonPage *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  /* Translators: %s is the person's name */
  g_autofree char *text = g_strdup_printf (_("Some details for %s are not saved yet"), self->title);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Go Back"));
  adw_toast_set_action_name (toast, "win.show-person");
  adw_toast_set_action_target_value (toast, g_variant_new_string (cp_record_get_id (CP_RECORD (self->person))));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* The choices of a combo row: "Not chosen yet", then @values, then
 * @stored if it is not one of them (typed before the list existed), so
 * what was stored is always shown and never silently replaced. */
static void
set_choices (AdwComboRow *row, const char *const *values, const char *stored)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (model, _("Not chosen yet"));
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      gtk_string_list_append (model, values[i]);
      if (g_strcmp0 (values[i], stored) == 0)
        selected = i + 1;
    }
  if (selected == 0 && stored != NULL && *stored != '\0')
    {
      gtk_string_list_append (model, stored);
      selected = g_list_model_get_n_items (G_LIST_MODEL (model)) - 1;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
}

/* The chosen value, "" for "Not chosen yet". */
static const char *
chosen (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);
  GListModel *model = adw_combo_row_get_model (row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || model == NULL)
    return "";
  return gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
}

static void
load_cohorts (CpPersonPage *self, const char *area, const char *cohort)
{
  g_auto(GStrv) cohorts = (area != NULL && *area != '\0') ? cp_ipc_area_cohorts (area, NULL) : NULL;

  set_choices (self->cohort_row, (const char *const *) cohorts, cohort);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cohort_row), area != NULL && *area != '\0');
}

static void
load_area (CpPersonPage *self)
{
  g_auto(GStrv) areas = cp_ipc_areas_list ();
  const char *area = self->person ? cp_record_get_string (CP_RECORD (self->person), "ipc-area") : NULL;
  const char *cohort = self->person ? cp_record_get_string (CP_RECORD (self->person), "ipc-cohort") : NULL;

  set_choices (self->area_row, (const char *const *) areas, area);
  load_cohorts (self, area, cohort);
}

/* The cohort list follows the area; a cohort of another area is cleared. */
static void
area_selected_cb (CpPersonPage *self)
{
  g_autofree char *area = NULL;
  g_autofree char *cohort = NULL;

  if (self->loading || self->person == NULL)
    return;
  area = g_strdup (chosen (self->area_row));
  cohort = g_strdup (cp_record_get_string (CP_RECORD (self->person), "ipc-cohort"));
  if (!cp_ipc_area_validate (area, cohort, NULL))
    g_clear_pointer (&cohort, g_free);
  self->loading = TRUE;
  load_cohorts (self, area, cohort);
  self->loading = FALSE;
  g_object_set (self->person, "ipc-area", area, "ipc-cohort", cohort ? cohort : "", NULL);
  self->dirty = TRUE;
  cp_person_page_flush (self);
}

static void
cohort_selected_cb (CpPersonPage *self)
{
  if (self->loading || self->person == NULL)
    return;
  g_object_set (self->person, "ipc-cohort", chosen (self->cohort_row), NULL);
  self->dirty = TRUE;
  cp_person_page_flush (self);
}

static void
load_fields (CpPersonPage *self)
{
  gboolean interpreter = FALSE;
  gboolean consent = FALSE;

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *stored = self->person ? cp_record_get_string (CP_RECORD (self->person), fields[i].property) : NULL;
      g_autofree char *shown = cp_person_field_display (fields[i].kind, stored);
      g_autofree char *key = self->person ? refused_key (self, &fields[i]) : NULL;
      const char *typed = key ? g_hash_table_lookup (self->refused, key) : NULL;

      /* What was typed and refused comes back, explained, to be corrected. */
      if (typed != NULL)
        {
          g_autofree char *unused = NULL;
          g_autoptr(GError) error = NULL;

          gtk_editable_set_text (GTK_EDITABLE (field_row (self, &fields[i])), typed);
          if (!cp_person_field_parse (fields[i].kind, typed, &unused, &error))
            {
              set_field_error (self, &fields[i], error->message);
              continue;
            }
          g_hash_table_remove (self->refused, key);
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (field_row (self, &fields[i])), shown);
      set_field_error (self, &fields[i], NULL);
    }
  if (self->person)
    g_object_get (self->person, "interpreter-needed", &interpreter, NULL);
  gtk_switch_set_active (self->interpreter_switch, interpreter);
  if (self->person)
    g_object_get (self->person, "consent-given", &consent, NULL);
  gtk_switch_set_active (self->consent_switch, consent);
  load_area (self);
  self->loading = FALSE;
}

gboolean
cp_person_page_set_person_id (CpPersonPage *self, const char *person_id)
{
  g_autoptr(GError) error = NULL;
  CpPerson *person = NULL;

  g_return_val_if_fail (CP_IS_PERSON_PAGE (self), FALSE);

  cp_person_page_flush (self);
  if (self->person != NULL && has_refused (self) &&
      g_strcmp0 (person_id, cp_record_get_id (CP_RECORD (self->person))) != 0)
    warn_refused (self);
  if (person_id != NULL)
    {
      person = cp_store_load (self->store, CP_TYPE_PERSON, person_id, &error);
      if (person == NULL)
        g_debug ("Cannot show person %s: %s", person_id, error->message);
      else if (cp_record_get_deleted (CP_RECORD (person)))
        g_clear_object (&person);
    }
  g_clear_object (&self->person);
  self->person = person;
  self->dirty = FALSE;
  load_fields (self);
  update_header (self);
  update_budget (self);
  cp_eligibility_panel_set_person (self->eligibility, self->store,
                                   self->person ? cp_record_get_id (CP_RECORD (self->person)) : NULL);
  return self->person != NULL || person_id == NULL;
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, CpPersonPage *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->person == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->dirty = FALSE;
  if (!cp_store_tombstone (self->store, CP_RECORD (self->person), &error))
    {
      show_toast (self, error->message);
      return;
    }
  forget_refused (self);
  cp_person_page_set_person_id (self, NULL);
  g_signal_emit (self, signals[PERSON_DELETED], 0);
}

static void
delete_clicked_cb (CpPersonPage *self)
{
  GtkWidget *dialog;

  if (self->person == NULL)
    return;
  cp_person_page_flush (self);
  /* Translators: %s is the person's name */
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete %s?"), self->title);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("They will be taken off the list, with their plan and budget. "
                                 "The record of changes keeps a note that they were deleted."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cp_person_page_dispose (GObject *object)
{
  CpPersonPage *self = CP_PERSON_PAGE (object);

  cp_person_page_flush (self);
  if (self->eligibility != NULL)
    cp_eligibility_panel_flush (self->eligibility);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->budget_source, g_source_remove);
  g_clear_object (&self->person);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_PERSON_PAGE);
  G_OBJECT_CLASS (cp_person_page_parent_class)->dispose (object);
}

static void
cp_person_page_finalize (GObject *object)
{
  g_free (CP_PERSON_PAGE (object)->title);
  g_hash_table_unref (CP_PERSON_PAGE (object)->refused);
  G_OBJECT_CLASS (cp_person_page_parent_class)->finalize (object);
}

static void
cp_person_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, CP_PERSON_PAGE (object)->title); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, budget_group);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, budget_view);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, budget_note);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, given_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, family_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, preferred_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, dob_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, dob_error);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, nhs_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, nhs_error);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, gp_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, authority_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, needs_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, interpreter_switch);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, given_error);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, area_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, cohort_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, eligibility);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, consent_date_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, consent_date_error);
  gtk_widget_class_bind_template_child (widget_class, CpPersonPage, sharing_row);
}

static void
cp_person_page_class_init (CpPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_person_page_dispose;
  object_class->finalize = cp_person_page_finalize;
  object_class->get_property = cp_person_page_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after the shown person was deleted. */
  signals[PERSON_DELETED] =
    g_signal_new ("person-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CP_TYPE_BUDGET_VIEW);
  g_type_ensure (CP_TYPE_ELIGIBILITY_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-person-page.ui");
  bind_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

/* Every field saves after a pause in typing, and at once when left. */
static void
watch_fields (CpPersonPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = GTK_WIDGET (field_row (self, &fields[i]));
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_swapped (row, "changed", G_CALLBACK (schedule_save), self);
      g_signal_connect (focus, "leave", G_CALLBACK (field_focus_leave_cb), self);
      gtk_widget_add_controller (row, focus);
    }
  g_signal_connect_swapped (self->interpreter_switch, "notify::active",
                            G_CALLBACK (interpreter_cb), self);
  g_signal_connect_swapped (self->consent_switch, "notify::active",
                            G_CALLBACK (interpreter_cb), self);
  g_signal_connect_swapped (self->area_row, "notify::selected", G_CALLBACK (area_selected_cb), self);
  g_signal_connect_swapped (self->cohort_row, "notify::selected", G_CALLBACK (cohort_selected_cb), self);
}

static void
cp_person_page_init (CpPersonPage *self)
{
  self->title = g_strdup ("");
  self->refused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  watch_fields (self);
}

GtkWidget *
cp_person_page_new (void)
{
  return g_object_new (CP_TYPE_PERSON_PAGE, NULL);
}

void
cp_person_page_set_store (CpPersonPage *self, CpStore *store)
{
  g_return_if_fail (CP_IS_PERSON_PAGE (self));

  if (self->store == store)
    return;
  cp_person_page_set_person_id (self, NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

const char *
cp_person_page_get_person_id (CpPersonPage *self)
{
  g_return_val_if_fail (CP_IS_PERSON_PAGE (self), NULL);
  return self->person ? cp_record_get_id (CP_RECORD (self->person)) : NULL;
}

const char *
cp_person_page_get_title (CpPersonPage *self)
{
  g_return_val_if_fail (CP_IS_PERSON_PAGE (self), NULL);
  return self->title;
}

gboolean
cp_person_page_has_pending (CpPersonPage *self)
{
  g_return_val_if_fail (CP_IS_PERSON_PAGE (self), FALSE);
  return self->dirty;
}

void
cp_person_page_focus_first (CpPersonPage *self)
{
  g_return_if_fail (CP_IS_PERSON_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->given_row));
}

static void
tab_set_store (CpPersonTab *tab, CpStore *store)
{
  cp_person_page_set_store (CP_PERSON_PAGE (tab), store);
}

static gboolean
tab_set_person_id (CpPersonTab *tab, const char *person_id)
{
  return cp_person_page_set_person_id (CP_PERSON_PAGE (tab), person_id);
}

static gboolean
tab_flush (CpPersonTab *tab)
{
  return cp_person_page_flush (CP_PERSON_PAGE (tab));
}

static void
cp_person_page_tab_init (CpPersonTabInterface *iface)
{
  iface->set_store = tab_set_store;
  iface->set_person_id = tab_set_person_id;
  iface->flush = tab_flush;
}
