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

/* Built in code rather than from a template: GTK 4.8's list view makes
 * up to 200 rows at once for a long caseload, and parsing a template for
 * each of them was most of the cost of showing the window. */
static GtkLabel *
add_label (CpPersonRow *self, const char *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, style_class);
  gtk_box_append (GTK_BOX (self), label);
  return GTK_LABEL (label);
}

/* Most people have no flag, so it is made only for those who need it. */
static void
ensure_needs_flag (CpPersonRow *self)
{
  GtkWidget *icon;

  if (self->needs_flag != NULL)
    return;
  self->needs_flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (self->needs_flag, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->needs_flag, 2);
  gtk_widget_add_css_class (self->needs_flag, "cp-needs-flag");
  /* The words beside it say it all; screen readers skip the picture. */
  icon = g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", "cp-communication-symbolic",
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
  gtk_box_append (GTK_BOX (self->needs_flag), icon);
  gtk_box_append (GTK_BOX (self->needs_flag), gtk_label_new (_("Communication needs")));
  gtk_box_append (GTK_BOX (self), self->needs_flag);
}

static void
cp_person_row_class_init (CpPersonRowClass *klass)
{
}

static void
cp_person_row_init (CpPersonRow *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 2);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 6);
  self->name_label = add_label (self, "heading");
  self->detail_label = add_label (self, "dim-label");
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
      if (self->needs_flag != NULL)
        gtk_widget_set_visible (self->needs_flag, FALSE);
      return;
    }
  name = cp_person_dup_display_name (person);
  shown = cp_person_field_display_name (name);
  detail = cp_person_row_dup_detail (person);
  gtk_label_set_label (self->name_label, shown);
  gtk_label_set_label (self->detail_label, detail);
  if (cp_person_has_communication_needs (person))
    ensure_needs_flag (self);
  if (self->needs_flag != NULL)
    gtk_widget_set_visible (self->needs_flag, cp_person_has_communication_needs (person));
}
