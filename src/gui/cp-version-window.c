/* cp-version-window.c — an agreed version of a plan, read-only, and what changed since
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the frozen XML of the version as an outline (never the live
 * plan), and the core's account of the changes since, in words.
 */
#include <glib/gi18n.h>

#include "cp-plan-diff.h"
#include "cp-plan-lifecycle.h"
#include "cp-version-window.h"

struct _CpVersionWindow
{
  AdwWindow   parent_instance;

  GString    *outline_text;
  GString    *changes_text;

  /* template children */
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget  *changes_box;
  GtkLabel   *changes_heading;
  GtkWidget  *outline_box;
  GtkLabel   *outline_heading;
};

G_DEFINE_FINAL_TYPE (CpVersionWindow, cp_version_window, ADW_TYPE_WINDOW)

static GtkWidget *
text_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_outline_line (CpVersionWindow *self, CpPlanOutlineLine *line)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "cp-plan-entry");
  gtk_box_append (GTK_BOX (card), text_label (line->text, NULL));
  if (line->voice != NULL)
    gtk_box_append (GTK_BOX (card), text_label (line->voice, "dim-label"));
  gtk_box_append (GTK_BOX (self->outline_box), card);
  g_string_append_printf (self->outline_text, "- %s%s%s%s\n", line->text,
                          line->voice ? " (" : "", line->voice ? line->voice : "", line->voice ? ")" : "");
}

static void
show_outline (CpVersionWindow *self, const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outline = cp_plan_outline (xml, &error);

  if (outline == NULL)
    {
      gtk_box_append (GTK_BOX (self->outline_box), text_label (error->message, "error"));
      return;
    }
  g_ptr_array_set_free_func (outline, (GDestroyNotify) cp_plan_outline_section_free);
  for (guint i = 0; i < outline->len; i++)
    {
      CpPlanOutlineSection *section = g_ptr_array_index (outline, i);
      GtkWidget *heading = text_label (section->heading, "title-4");

      gtk_widget_set_margin_top (heading, 16);
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
      gtk_box_append (GTK_BOX (self->outline_box), heading);
      g_string_append_printf (self->outline_text, "%s\n", section->heading);
      for (guint j = 0; j < section->lines->len; j++)
        add_outline_line (self, g_ptr_array_index (section->lines, j));
    }
}

static void
show_changes (CpVersionWindow *self, CpStore *store, const char *plan_id, gint64 version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = cp_plan_diff_current (store, plan_id, version, &error);

  if (changes == NULL)
    {
      gtk_box_append (GTK_BOX (self->changes_box), text_label (error->message, "error"));
      return;
    }
  g_ptr_array_set_free_func (changes, (GDestroyNotify) cp_plan_change_free);
  if (changes->len == 0)
    {
      const char *none = _("Nothing has changed since this version was agreed.");

      gtk_box_append (GTK_BOX (self->changes_box), text_label (none, NULL));
      g_string_append_printf (self->changes_text, "%s\n", none);
    }
  for (guint i = 0; i < changes->len; i++)
    {
      CpPlanChange *change = g_ptr_array_index (changes, i);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "cp-plan-entry");
      gtk_box_append (GTK_BOX (card), text_label (change->label, NULL));
      gtk_box_append (GTK_BOX (self->changes_box), card);
      g_string_append_printf (self->changes_text, "%s\n", change->label);
    }
}

static void
load (CpVersionWindow *self, CpStore *store, const char *plan_id, gint64 version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlanVersion) agreed = cp_plan_load_version (store, plan_id, version, &error);
  g_autoptr(GDate) date = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  if (agreed == NULL)
    {
      gtk_label_set_label (self->outline_heading, error->message);
      gtk_label_set_label (self->changes_heading, error->message);
      return;
    }
  date = cp_date_parse_iso (cp_record_get_string (CP_RECORD (agreed), "agreed-on"), NULL);
  when = date ? cp_date_format_long (date) : g_strdup (_("an unknown date"));
  /* Translators: "Version 2, agreed on 3 March 2026" */
  title = g_strdup_printf (_("Version %" G_GINT64_FORMAT ", agreed on %s"), version, when);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, title);
  gtk_label_set_label (self->outline_heading, title);
  {
    /* Translators: "What has changed since version 2 was agreed on 3 March 2026" */
    g_autofree char *since = g_strdup_printf (_("What has changed since version %" G_GINT64_FORMAT " was agreed on %s"),
                                              version, when);
    gtk_label_set_label (self->changes_heading, since);
  }
  show_outline (self, cp_record_get_string (CP_RECORD (agreed), "document"));
  show_changes (self, store, plan_id, version);
}

char *
cp_version_window_dup_outline (CpVersionWindow *self)
{
  g_return_val_if_fail (CP_IS_VERSION_WINDOW (self), NULL);
  return g_strdup (self->outline_text->str);
}

char *
cp_version_window_dup_changes (CpVersionWindow *self)
{
  g_return_val_if_fail (CP_IS_VERSION_WINDOW (self), NULL);
  return g_strdup (self->changes_text->str);
}

static void
cp_version_window_finalize (GObject *object)
{
  CpVersionWindow *self = CP_VERSION_WINDOW (object);

  g_string_free (self->outline_text, TRUE);
  g_string_free (self->changes_text, TRUE);
  G_OBJECT_CLASS (cp_version_window_parent_class)->finalize (object);
}

static void
cp_version_window_class_init (CpVersionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cp_version_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-version-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpVersionWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CpVersionWindow, changes_box);
  gtk_widget_class_bind_template_child (widget_class, CpVersionWindow, changes_heading);
  gtk_widget_class_bind_template_child (widget_class, CpVersionWindow, outline_box);
  gtk_widget_class_bind_template_child (widget_class, CpVersionWindow, outline_heading);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cp_version_window_init (CpVersionWindow *self)
{
  self->outline_text = g_string_new (NULL);
  self->changes_text = g_string_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cp_version_window_new (GtkWindow *parent, CpStore *store, const char *plan_id, gint64 version)
{
  CpVersionWindow *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  self = g_object_new (CP_TYPE_VERSION_WINDOW, "transient-for", parent, NULL);
  load (self, store, plan_id, version);
  return GTK_WIDGET (self);
}
