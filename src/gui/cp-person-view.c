/* cp-person-view.c — everything about one person, one tab per part
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tabs live in an AdwViewStack; the window's header shows their
 * switcher. Above them a banner states the person's communication needs,
 * so whoever is working sees it on every tab (Accessible Information
 * Standard), in words and not by an icon alone.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cp-budget-page.h"
#include "cp-ledger-page.h"
#include "cp-network-page.h"
#include "cp-outcomes-page.h"
#include "cp-charts-page.h"
#include "cp-person-tab.h"
#include "cp-risks-page.h"
#include "cp-person-view.h"
#include "cp-plan-page.h"

struct _CpPersonView
{
  AdwBin        parent_instance;

  CpStore      *store;
  char         *person_id;

  /* template children */
  GtkWidget    *needs_banner;
  GtkLabel     *needs_label;
  AdwViewStack *stack;
  CpPersonPage *profile;
  AdwViewSwitcherBar *switcher_bar;
};

G_DEFINE_FINAL_TYPE (CpPersonView, cp_person_view, ADW_TYPE_BIN)

/* Calls @func on every tab, in the order they are shown. */
static gboolean
for_each_tab (CpPersonView *self, gboolean (*func) (CpPersonTab *tab, gpointer data), gpointer data)
{
  gboolean ok = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CP_IS_PERSON_TAB (child))
      ok = func (CP_PERSON_TAB (child), data) && ok;
  return ok;
}

static gboolean
tab_set_store (CpPersonTab *tab, gpointer store)
{
  cp_person_tab_set_store (tab, store);
  return TRUE;
}

static gboolean
tab_set_person (CpPersonTab *tab, gpointer person_id)
{
  return cp_person_tab_set_person_id (tab, person_id);
}

static gboolean
tab_flush (CpPersonTab *tab, gpointer data)
{
  return cp_person_tab_flush (tab);
}

static void
update_needs (CpPersonView *self)
{
  g_autoptr(CpPerson) person = NULL;
  g_autofree char *needs = NULL;
  g_autofree char *text = NULL;

  if (self->store != NULL && self->person_id != NULL)
    person = cp_store_load (self->store, CP_TYPE_PERSON, self->person_id, NULL);
  if (person != NULL)
    g_object_get (person, "communication-needs", &needs, NULL);
  if (needs != NULL)
    g_strstrip (needs);
  gtk_widget_set_visible (self->needs_banner, needs != NULL && *needs != '\0');
  if (needs == NULL || *needs == '\0')
    return;
  /* Translators: shown above every tab about a person. */
  text = g_strdup_printf (_("Communication needs: %s"), needs);
  gtk_label_set_label (self->needs_label, text);
}

static void
store_changed_cb (CpPersonView *self, const char *table, const char *id, CpStore *store)
{
  if (g_strcmp0 (table, "person") == 0 && g_strcmp0 (id, self->person_id) == 0)
    update_needs (self);
}

static void
cp_person_view_dispose (GObject *object)
{
  CpPersonView *self = CP_PERSON_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_PERSON_VIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->person_id, g_free);
  G_OBJECT_CLASS (cp_person_view_parent_class)->dispose (object);
}

static void
cp_person_view_class_init (CpPersonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_person_view_dispose;

  g_type_ensure (CP_TYPE_PERSON_PAGE);
  g_type_ensure (CP_TYPE_OUTCOMES_PAGE);
  g_type_ensure (CP_TYPE_NETWORK_PAGE);
  g_type_ensure (CP_TYPE_RISKS_PAGE);
  g_type_ensure (CP_TYPE_PLAN_PAGE);
  g_type_ensure (CP_TYPE_CHARTS_PAGE);
  g_type_ensure (CP_TYPE_BUDGET_PAGE);
  g_type_ensure (CP_TYPE_LEDGER_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-person-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPersonView, needs_banner);
  gtk_widget_class_bind_template_child (widget_class, CpPersonView, needs_label);
  gtk_widget_class_bind_template_child (widget_class, CpPersonView, stack);
  gtk_widget_class_bind_template_child (widget_class, CpPersonView, profile);
  gtk_widget_class_bind_template_child (widget_class, CpPersonView, switcher_bar);
}

static void
cp_person_view_init (CpPersonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
cp_person_view_set_store (CpPersonView *self, CpStore *store)
{
  g_return_if_fail (CP_IS_PERSON_VIEW (self));

  if (self->store == store)
    return;
  cp_person_view_set_person_id (self, NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  for_each_tab (self, tab_set_store, store);
}

gboolean
cp_person_view_set_person_id (CpPersonView *self, const char *person_id)
{
  gboolean ok;

  g_return_val_if_fail (CP_IS_PERSON_VIEW (self), FALSE);

  ok = for_each_tab (self, tab_set_person, (gpointer) person_id);
  g_free (self->person_id);
  self->person_id = g_strdup (cp_person_page_get_person_id (self->profile));
  update_needs (self);
  return ok;
}

const char *
cp_person_view_get_person_id (CpPersonView *self)
{
  g_return_val_if_fail (CP_IS_PERSON_VIEW (self), NULL);
  return cp_person_page_get_person_id (self->profile);
}

gboolean
cp_person_view_flush (CpPersonView *self)
{
  g_return_val_if_fail (CP_IS_PERSON_VIEW (self), FALSE);
  return for_each_tab (self, tab_flush, NULL);
}

CpPersonPage *
cp_person_view_get_profile (CpPersonView *self)
{
  g_return_val_if_fail (CP_IS_PERSON_VIEW (self), NULL);
  return self->profile;
}

AdwViewStack *
cp_person_view_get_stack (CpPersonView *self)
{
  g_return_val_if_fail (CP_IS_PERSON_VIEW (self), NULL);
  return self->stack;
}

void
cp_person_view_show_tab (CpPersonView *self, const char *name)
{
  g_return_if_fail (CP_IS_PERSON_VIEW (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

/* The header's switcher shows the tabs while it fits; when it does not,
 * the bar at the bottom takes over. */
void
cp_person_view_use_switcher_title (CpPersonView *self, AdwViewSwitcherTitle *title)
{
  g_return_if_fail (CP_IS_PERSON_VIEW (self));
  g_return_if_fail (ADW_IS_VIEW_SWITCHER_TITLE (title));

  adw_view_switcher_title_set_stack (title, self->stack);
  g_object_bind_property (title, "title-visible", self->switcher_bar, "reveal", G_BINDING_SYNC_CREATE);
}
