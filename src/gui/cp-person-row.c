/* cp-person-row.c — one person in the caseload list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cp-person-fields.h"
#include "cp-person-row.h"

struct _CpPersonRow
{
  GtkBox     parent_instance;

  GtkLabel  *name_label;
  GtkLabel  *detail_label;
  GtkWidget *needs_flag;
};

G_DEFINE_FINAL_TYPE (CpPersonRow, cp_person_row, GTK_TYPE_BOX)

static void
cp_person_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CP_TYPE_PERSON_ROW);
  G_OBJECT_CLASS (cp_person_row_parent_class)->dispose (object);
}

static void
cp_person_row_class_init (CpPersonRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cp_person_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPersonRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CpPersonRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, CpPersonRow, needs_flag);
}

static void
cp_person_row_init (CpPersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cp_person_row_new (void)
{
  return g_object_new (CP_TYPE_PERSON_ROW, NULL);
}

char *
cp_person_row_dup_detail (CpPerson *person)
{
  const char *nhs = cp_person_get_nhs_number (person);
  const char *dob = cp_record_get_string (CP_RECORD (person), "date-of-birth");

  if (nhs != NULL && *nhs != '\0')
    {
      g_autofree char *grouped = cp_nhs_number_format (nhs);
      /* Translators: %s is an NHS number like 943 476 5919 */
      return g_strdup_printf (_("NHS %s"), grouped);
    }
  if (dob != NULL && *dob != '\0')
    {
      g_autoptr(GDate) date = cp_date_parse_iso (dob, NULL);
      g_autofree char *text = date ? cp_date_format_long (date) : g_strdup (dob);
      /* Translators: %s is a date of birth like 31 January 1980 */
      return g_strdup_printf (_("Born %s"), text);
    }
  return g_strdup (_("No NHS number or date of birth yet"));
}

void
cp_person_row_set_person (CpPersonRow *self, CpPerson *person)
{
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *detail = NULL;

  g_return_if_fail (CP_IS_PERSON_ROW (self));

  if (person == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->detail_label, "");
      gtk_widget_set_visible (self->needs_flag, FALSE);
      return;
    }
  name = cp_person_dup_display_name (person);
  shown = cp_person_field_display_name (name);
  detail = cp_person_row_dup_detail (person);
  gtk_label_set_label (self->name_label, shown);
  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (self->needs_flag, cp_person_has_communication_needs (person));
}
