/* cp-plan-banner.c — which plan a tab edits, and whether it can change
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "cp-plan-banner.h"
#include "cp-plan-lifecycle.h"

struct _CpPlanBanner
{
  GtkBox     parent_instance;

  CpStore   *store;
  char      *person_id;
  CpPlan    *plan;
  gboolean   editable;
  char      *locked_note;
  GtkLabel  *label;
  GtkWidget *start_button;
};

G_DEFINE_FINAL_TYPE (CpPlanBanner, cp_plan_banner, GTK_TYPE_BOX)

enum { PLAN_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The newest live plan that has not ended, as cp_plan_current() picks
 * it, but never creating one just because a tab was looked at. */
static CpPlan *
find_current (CpStore *store, const char *person_id)
{
  g_autoptr(CpRecordList) plans = cp_record_list_new (store, CP_TYPE_PLAN, person_id);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (plans)); i++)
    {
      g_autoptr(CpPlan) plan = g_list_model_get_item (G_LIST_MODEL (plans), i);
      int status = CP_PLAN_STATUS_DRAFT;

      g_object_get (plan, "status", &status, NULL);
      if (status != CP_PLAN_STATUS_ENDED)
        return g_steal_pointer (&plan);
    }
  return NULL;
}

static const char *
locked_reason (int status)
{
  if (status == CP_PLAN_STATUS_AGREED)
    return _("This plan has been agreed, so what was signed cannot be changed. "
             "To change it, start a review on the Plan tab.");
  return _("This plan is under review. To change it, make a new draft on the Plan tab.");
}

static void
update (CpPlanBanner *self)
{
  int status = CP_PLAN_STATUS_DRAFT;
  g_autofree char *text = NULL;

  if (self->plan != NULL)
    g_object_get (self->plan, "status", &status, NULL);
  self->editable = self->plan != NULL && self->store != NULL &&
                   cp_plan_is_editable (self->store, cp_record_get_id (CP_RECORD (self->plan)));
  gtk_widget_set_visible (self->start_button, self->plan == NULL && self->person_id != NULL);
  if (self->plan == NULL)
    text = g_strdup (_("There is no plan yet. Outcomes and risks are part of a plan: start one to add them."));
  else if (!self->editable)
    text = g_strjoin (" ", locked_reason (status), self->locked_note ? self->locked_note : "", NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL);
  gtk_label_set_label (self->label, text ? g_strstrip (text) : "");
}

void
cp_plan_banner_load (CpPlanBanner *self, CpStore *store, const char *person_id)
{
  g_return_if_fail (CP_IS_PLAN_BANNER (self));

  g_set_object (&self->store, store);
  g_free (self->person_id);
  self->person_id = g_strdup (person_id);
  g_clear_object (&self->plan);
  if (store != NULL && person_id != NULL)
    self->plan = find_current (store, person_id);
  update (self);
}

static void
start_clicked_cb (CpPlanBanner *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlan) plan = NULL;

  if (self->store == NULL || self->person_id == NULL)
    return;
  plan = cp_plan_current (self->store, self->person_id, NULL, &error);
  if (plan == NULL)
    {
      gtk_label_set_label (self->label, error->message);
      return;
    }
  g_set_object (&self->plan, plan);
  update (self);
  g_signal_emit (self, signals[PLAN_CHANGED], 0);
}

static void
cp_plan_banner_dispose (GObject *object)
{
  CpPlanBanner *self = CP_PLAN_BANNER (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_plan_banner_parent_class)->dispose (object);
}

static void
cp_plan_banner_finalize (GObject *object)
{
  CpPlanBanner *self = CP_PLAN_BANNER (object);

  g_free (self->person_id);
  g_free (self->locked_note);
  G_OBJECT_CLASS (cp_plan_banner_parent_class)->finalize (object);
}

static void
cp_plan_banner_class_init (CpPlanBannerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cp_plan_banner_dispose;
  G_OBJECT_CLASS (klass)->finalize = cp_plan_banner_finalize;

  /* A plan was started from the banner. */
  signals[PLAN_CHANGED] =
    g_signal_new ("plan-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cp_plan_banner_init (CpPlanBanner *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "cp-plan-banner");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_box_append (GTK_BOX (self), icon);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->label));
  self->start_button = gtk_button_new_with_mnemonic (_("_Start a Plan"));
  gtk_widget_set_valign (self->start_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->start_button, "suggested-action");
  g_signal_connect_swapped (self->start_button, "clicked", G_CALLBACK (start_clicked_cb), self);
  gtk_box_append (GTK_BOX (self), self->start_button);
  update (self);
}

GtkWidget *
cp_plan_banner_new (void)
{
  return g_object_new (CP_TYPE_PLAN_BANNER, NULL);
}

CpPlan *
cp_plan_banner_get_plan (CpPlanBanner *self)
{
  g_return_val_if_fail (CP_IS_PLAN_BANNER (self), NULL);
  return self->plan;
}

const char *
cp_plan_banner_get_plan_id (CpPlanBanner *self)
{
  g_return_val_if_fail (CP_IS_PLAN_BANNER (self), NULL);
  return self->plan ? cp_record_get_id (CP_RECORD (self->plan)) : NULL;
}

gboolean
cp_plan_banner_is_editable (CpPlanBanner *self)
{
  g_return_val_if_fail (CP_IS_PLAN_BANNER (self), FALSE);
  return self->editable;
}

void
cp_plan_banner_set_locked_note (CpPlanBanner *self, const char *note)
{
  g_return_if_fail (CP_IS_PLAN_BANNER (self));

  g_free (self->locked_note);
  self->locked_note = g_strdup (note);
  update (self);
}

const char *
cp_plan_banner_get_text (CpPlanBanner *self)
{
  g_return_val_if_fail (CP_IS_PLAN_BANNER (self), NULL);
  return gtk_label_get_label (self->label);
}
