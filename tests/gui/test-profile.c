/* test-profile.c — the Profile tab's IPC area, eligibility, consent and
 * refused values, against a real store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "cp-eligibility-panel.h"
#include "cp-eligibility.h"
#include "cp-ipc-areas.h"
#include "cp-person-fields.h"
#include "cp-person-page.h"
#include "cp-person-view.h"
#include "cp-window-private.h"
#include "test-gui-common.h"

static char *data_dir;

typedef struct
{
  CpStore      *store;
  GtkWidget    *window;
  CpPersonPage *page;
  CpPerson     *sam;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("profile-%u.db", ++counter);
  g_autoptr(GError) error = NULL;

  f->store = test_open_store (data_dir, name);
  f->sam = test_add_person (f->store, "Sam", "Patel", "9434765919");
  g_object_set (f->sam, "date-of-birth", "1980-01-31", NULL);
  cp_store_update (f->store, CP_RECORD (f->sam), &error);
  g_assert_no_error (error);
  f->page = CP_PERSON_PAGE (cp_person_page_new ());
  f->window = test_window_with_page (GTK_WIDGET (f->page));
  cp_person_page_set_store (f->page, f->store);
  cp_person_page_set_person_id (f->page, cp_record_get_id (CP_RECORD (f->sam)));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_close_window_and_store (f->window, &f->store);
  g_clear_object (&f->sam);
}

static GtkWidget *
find (Fixture *f, GType type, const char *title)
{
  return test_find_titled (GTK_WIDGET (f->page), type, title);
}

static GtkEditable *
field (Fixture *f, const char *title)
{
  return GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, title));
}

static const char *
stored (Fixture *f, const char *property)
{
  static CpRecord *record;

  g_clear_object (&record);
  record = cp_store_load (f->store, CP_TYPE_PERSON, cp_record_get_id (CP_RECORD (f->sam)), NULL);
  return cp_record_get_string (record, property);
}

static gboolean
stored_boolean (Fixture *f, const char *property)
{
  g_autoptr(CpPerson) person = cp_store_load (f->store, CP_TYPE_PERSON, cp_record_get_id (CP_RECORD (f->sam)), NULL);
  gboolean value = FALSE;

  g_object_get (person, property, &value, NULL);
  return value;
}

static guint
position_of (AdwComboRow *row, const char *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The cohort list follows the area; a cohort of another area is cleared. */
static void
test_area_and_cohort (Fixture *f, gconstpointer data)
{
  AdwComboRow *area = ADW_COMBO_ROW (find (f, ADW_TYPE_COMBO_ROW, "IPC area"));
  AdwComboRow *cohort = ADW_COMBO_ROW (find (f, ADW_TYPE_COMBO_ROW, "Cohort"));
  g_auto(GStrv) th_cohorts = cp_ipc_area_cohorts ("Tower Hamlets", NULL);
  g_auto(GStrv) areas = cp_ipc_areas_list ();

  g_assert_nonnull (th_cohorts);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (area)), ==, g_strv_length (areas) + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (area), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cohort)));

  adw_combo_row_set_selected (area, position_of (area, "Tower Hamlets"));
  g_assert_cmpstr (stored (f, "ipc-area"), ==, "Tower Hamlets");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (cohort)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (cohort)), ==, g_strv_length (th_cohorts) + 1);
  adw_combo_row_set_selected (cohort, position_of (cohort, th_cohorts[1]));
  g_assert_cmpstr (stored (f, "ipc-cohort"), ==, th_cohorts[1]);

  adw_combo_row_set_selected (area, position_of (area, "Luton"));
  g_assert_cmpstr (stored (f, "ipc-area"), ==, "Luton");
  g_assert_cmpstr (stored (f, "ipc-cohort"), ==, "");
  g_assert_cmpuint (position_of (cohort, th_cohorts[1]), ==, GTK_INVALID_LIST_POSITION);
}

/* A value typed before the list existed is shown as it is, not lost. */
static void
test_unknown_area_kept (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  AdwComboRow *area;

  g_object_set (f->sam, "ipc-area", "Atlantis", NULL);
  cp_store_update (f->store, CP_RECORD (f->sam), &error);
  g_assert_no_error (error);
  cp_person_page_set_person_id (f->page, NULL);
  cp_person_page_set_person_id (f->page, cp_record_get_id (CP_RECORD (f->sam)));
  area = ADW_COMBO_ROW (find (f, ADW_TYPE_COMBO_ROW, "IPC area"));
  g_assert_cmpuint (adw_combo_row_get_selected (area), ==, position_of (area, "Atlantis"));
  gtk_editable_set_text (field (f, "Family name"), "Patel-Shah");
  g_assert_true (cp_person_page_flush (f->page));
  g_assert_cmpstr (stored (f, "ipc-area"), ==, "Atlantis");
}

static GtkWidget *
criterion_row (Fixture *f, const char *text)
{
  return find (f, ADW_TYPE_EXPANDER_ROW, text);
}

static GtkSwitch *
criterion_switch (Fixture *f, const char *text)
{
  return GTK_SWITCH (test_find_widget (criterion_row (f, text), GTK_TYPE_SWITCH, NULL, NULL));
}

static CpEligibilityPanel *
panel (Fixture *f)
{
  return CP_ELIGIBILITY_PANEL (test_find_widget (GTK_WIDGET (f->page), CP_TYPE_ELIGIBILITY_PANEL, NULL, NULL));
}

/* An adult's criteria; each answer stored as it is given, the result in words. */
static void
test_eligibility_adult (Fixture *f, gconstpointer data)
{
  g_autoptr(CpEligibilityResult) result = NULL;
  GtkEditable *note;

  g_assert_true (g_str_has_prefix (cp_eligibility_panel_get_result (panel (f)), "Not known yet"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (criterion_row (f, "Lives in Tower Hamlets"))),
                            "Not checked yet"));
  gtk_switch_set_active (criterion_switch (f, "Lives in Tower Hamlets"), TRUE);
  gtk_switch_set_active (criterion_switch (f, "Is registered with a GP in Tower Hamlets"), TRUE);
  gtk_switch_set_active (criterion_switch (f, "Has a social care package in place"), TRUE);
  g_assert_true (g_str_has_prefix (cp_eligibility_panel_get_result (panel (f)), "Not known yet"));
  gtk_switch_set_active (criterion_switch (f, "Has learning disabilities"), TRUE);
  g_assert_true (g_str_has_prefix (cp_eligibility_panel_get_result (panel (f)), "Eligible"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (criterion_row (f, "Lives in Tower Hamlets"))),
                   ==, "Met");

  note = GTK_EDITABLE (test_find_widget (criterion_row (f, "Lives in Tower Hamlets"), ADW_TYPE_ENTRY_ROW,
                                         "title", "Note: how this was checked"));
  gtk_editable_set_text (note, "Council tax bill seen");
  cp_eligibility_panel_flush (panel (f));

  result = cp_eligibility_evaluate (f->store, cp_record_get_id (CP_RECORD (f->sam)), CP_ELIGIBILITY_GROUP_AUTO,
                                    NULL, NULL);
  g_assert_cmpint (cp_eligibility_result_get_outcome (result), ==, CP_ELIGIBILITY_ELIGIBLE);
  g_assert_cmpint (cp_eligibility_result_get_group (result), ==, CP_ELIGIBILITY_GROUP_ADULTS);
  for (guint i = 0; i < cp_eligibility_result_get_criteria (result)->len; i++)
    {
      CpEligibilityCriterion *c = cp_eligibility_result_get_criteria (result)->pdata[i];

      if (g_strcmp0 (c->id, "resident") == 0)
        g_assert_cmpstr (c->note, ==, "Council tax bill seen");
    }

  /* Turned off again: an answer of "not met", said as such. */
  gtk_switch_set_active (criterion_switch (f, "Is registered with a GP in Tower Hamlets"), FALSE);
  g_assert_true (g_str_has_prefix (cp_eligibility_panel_get_result (panel (f)), "Not eligible"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (criterion_row (f, "Is registered with a GP in Tower Hamlets"))),
                   ==, "Not met");
}

/* A child's date of birth brings the children's criteria. */
static void
test_eligibility_child (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *dob = g_strdup_printf ("1/1/%d", g_date_time_get_year (now) - 8);

  g_assert_null (test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_EXPANDER_ROW, "title",
                                   "Has a statement of special educational needs and disability"));
  gtk_editable_set_text (field (f, "Date of birth (day/month/year)"), dob);
  g_assert_true (cp_person_page_flush (f->page));
  g_assert_nonnull (criterion_row (f, "Has a statement of special educational needs and disability"));
  g_assert_null (test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_EXPANDER_ROW, "title", "Has learning disabilities"));
}

/* Consent: the switch, a real past date, and who may see the plan. */
static void
test_consent (Fixture *f, gconstpointer data)
{
  GtkEditable *date = field (f, "Agreed on (day/month/year)");
  GtkSwitch *consent = GTK_SWITCH (test_find_widget (find (f, ADW_TYPE_ACTION_ROW, "They agree to their plan being shared"),
                                                     GTK_TYPE_SWITCH, NULL, NULL));

  gtk_switch_set_active (consent, TRUE);
  g_assert_true (stored_boolean (f, "consent-given"));

  gtk_editable_set_text (date, "31/02/2020");
  gtk_editable_set_text (field (f, "Who may see the plan (people and organisations)"), "My GP and my sister");
  g_assert_false (cp_person_page_flush (f->page));
  g_assert_nonnull (test_error_after (GTK_WIDGET (date)));
  g_assert_null (stored (f, "consent-date"));
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "31/02/2020");
  /* The other fields are still saved. */
  g_assert_cmpstr (stored (f, "sharing-agreement"), ==, "My GP and my sister");

  gtk_editable_set_text (date, "1/1/2199");
  g_assert_false (cp_person_page_flush (f->page));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (test_error_after (GTK_WIDGET (date)))),
                            "future"));
  g_assert_null (stored (f, "consent-date"));

  gtk_editable_set_text (date, "2 March 2026");
  g_assert_true (cp_person_page_flush (f->page));
  g_assert_null (test_error_after (GTK_WIDGET (date)));
  g_assert_cmpstr (stored (f, "consent-date"), ==, "2026-03-02");
}

/* A birth date in the future, and an emptied name, are refused and kept. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  GtkEditable *dob = field (f, "Date of birth (day/month/year)");
  GtkEditable *given = field (f, "Given name");

  gtk_editable_set_text (dob, "1/1/2190");
  gtk_editable_set_text (given, "  ");
  g_assert_false (cp_person_page_flush (f->page));
  g_assert_nonnull (test_error_after (GTK_WIDGET (dob)));
  g_assert_nonnull (test_error_after (GTK_WIDGET (given)));
  g_assert_cmpstr (stored (f, "date-of-birth"), ==, "1980-01-31");
  g_assert_cmpstr (stored (f, "given-name"), ==, "Sam");
  g_assert_cmpstr (gtk_editable_get_text (dob), ==, "1/1/2190");
  g_assert_cmpstr (gtk_editable_get_text (given), ==, "  ");

  gtk_editable_set_text (given, "Samir");
  gtk_editable_set_text (dob, "30/01/1980");
  g_assert_true (cp_person_page_flush (f->page));
  g_assert_cmpstr (stored (f, "given-name"), ==, "Samir");
  g_assert_cmpstr (stored (f, "date-of-birth"), ==, "1980-01-30");
  g_assert_null (test_error_after (GTK_WIDGET (given)));
}

/* The name heading stays; communication needs are said once, by the
 * person view's banner above every tab, not again on this page. */
static void
test_needs_in_banner_only (Fixture *f, gconstpointer data)
{
  CpWindow *window = cp_window_new (NULL, f->store, FALSE);
  g_autoptr(GError) error = NULL;

  g_object_set (f->sam, "communication-needs", "Easy Read", NULL);
  cp_store_update (f->store, CP_RECORD (f->sam), &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-person",
                                  g_variant_new_string (cp_record_get_id (CP_RECORD (f->sam))));
  g_assert_cmpstr (cp_person_view_get_person_id (window->person_view), ==, cp_record_get_id (CP_RECORD (f->sam)));
  g_assert_nonnull (test_find_widget (GTK_WIDGET (window->person_view), GTK_TYPE_LABEL, "label",
                                      "Communication needs: Easy Read"));
  g_assert_null (test_find_widget (GTK_WIDGET (window->person_page), GTK_TYPE_LABEL, "label",
                                   "Communication needs: Easy Read"));
  g_assert_nonnull (test_find_widget (GTK_WIDGET (window->person_page), GTK_TYPE_LABEL, "label", "Sam Patel"));
  gtk_window_destroy (GTK_WINDOW (window));
  test_settle ();
}

static void
assert_field (CpPersonFieldKind kind, const char *text, gboolean ok, const char *expected)
{
  g_autoptr(GDate) today = g_date_new_dmy (2, G_DATE_MARCH, 2026);
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;

  g_assert_cmpint (cp_person_field_parse_on (kind, text, today, &result, &error), ==, ok);
  g_assert_cmpstr (result, ==, expected);
  if (!ok)
    g_assert_cmpstr (error->message, !=, "");
}

/* The rules behind the refusals, without a display. */
static void
test_field_rules (void)
{
  assert_field (CP_PERSON_FIELD_PAST_DATE, "2/3/2026", TRUE, "2026-03-02");
  assert_field (CP_PERSON_FIELD_PAST_DATE, "3/3/2026", FALSE, NULL);
  assert_field (CP_PERSON_FIELD_PAST_DATE, "31/02/2020", FALSE, NULL);
  assert_field (CP_PERSON_FIELD_PAST_DATE, "", TRUE, NULL);
  assert_field (CP_PERSON_FIELD_REQUIRED, "Sam", TRUE, "Sam");
  assert_field (CP_PERSON_FIELD_REQUIRED, " \t", FALSE, NULL);
  assert_field (CP_PERSON_FIELD_REQUIRED, NULL, FALSE, NULL);
  assert_field (CP_PERSON_FIELD_EMAIL, " ann@example.org ", TRUE, "ann@example.org");
  assert_field (CP_PERSON_FIELD_EMAIL, "", TRUE, "");
  assert_field (CP_PERSON_FIELD_EMAIL, "ann.example.org", FALSE, NULL);
  assert_field (CP_PERSON_FIELD_EMAIL, "@example.org", FALSE, NULL);
  assert_field (CP_PERSON_FIELD_EMAIL, "ann@", FALSE, NULL);
  assert_field (CP_PERSON_FIELD_EMAIL, "ann smith@example.org", FALSE, NULL);
  assert_field (CP_PERSON_FIELD_PHONE, "+44 (0)20 7946-0018", TRUE, "+44 (0)20 7946-0018");
  assert_field (CP_PERSON_FIELD_PHONE, "", TRUE, "");
  assert_field (CP_PERSON_FIELD_PHONE, "020 7946 001B", FALSE, NULL);
}

int
main (int argc, char **argv)
{
  int status;

  data_dir = test_gui_init (&argc, &argv);
  g_test_add_func ("/profile/field-rules", test_field_rules);
  g_test_add ("/profile/area-and-cohort", Fixture, NULL, fixture_set_up, test_area_and_cohort, fixture_tear_down);
  g_test_add ("/profile/unknown-area-kept", Fixture, NULL, fixture_set_up, test_unknown_area_kept, fixture_tear_down);
  g_test_add ("/profile/eligibility-adult", Fixture, NULL, fixture_set_up, test_eligibility_adult, fixture_tear_down);
  g_test_add ("/profile/eligibility-child", Fixture, NULL, fixture_set_up, test_eligibility_child, fixture_tear_down);
  g_test_add ("/profile/consent", Fixture, NULL, fixture_set_up, test_consent, fixture_tear_down);
  g_test_add ("/profile/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/profile/needs-in-banner-only", Fixture, NULL, fixture_set_up, test_needs_in_banner_only, fixture_tear_down);
  status = g_test_run ();
  g_free (data_dir);
  return status;
}
