/* cp-risks-page.c — the Staying Safe tab: risks and how they are managed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Risks belong to the person's current plan. They are saved as typed
 * (CpRecordEditor) and cannot be changed once the plan is agreed: the
 * banner says so in words and the rows become read-only.
 */
#include <glib/gi18n.h>

#include "cp-record-tab.h"
#include "cp-risks-page.h"

struct _CpRisksPage
{
  AdwBin          parent_instance;

  CpRecordTab     tab;
  GPtrArray      *risks;   /* CpRisk*, in the order shown */

  /* template children */
  CpPlanBanner   *banner;
  GtkListBox     *list;
  GtkWidget      *add_button;
};

static void cp_risks_page_tab_init (CpPersonTabInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpRisksPage, cp_risks_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CP_TYPE_PERSON_TAB, cp_risks_page_tab_init))

static gboolean
get_boolean (CpRecord *record, const char *property)
{
  gboolean value = FALSE;

  g_object_get (record, property, &value, NULL);
  return value;
}

static void
update_row_text (GtkWidget *row, CpRecord *risk)
{
  const char *what = cp_record_get_string (risk, "description");
  const char *agreed = cp_record_get_string (risk, "agreed-by");
  g_autofree char *who = agreed && *agreed
                         /* Translators: %s names who agreed how a risk is managed */
                         ? g_strdup_printf (_("Agreed by %s"), agreed)
                         : g_strdup (_("Not agreed yet"));
  g_autofree char *subtitle = get_boolean (risk, "positive-risk")
                              /* Translators: %s is "Agreed by …" or "Not agreed yet" */
                              ? g_strdup_printf (_("Positive risk-taking · %s"), who)
                              : g_strdup (who);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 what && *what ? what : _("A risk not written down yet"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static void
editor_changed_cb (CpRisksPage *self, CpRecord *record)
{
  for (guint i = 0; i < self->risks->len; i++)
    if (self->risks->pdata[i] == record)
      update_row_text (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, i)), record);
}

static void
add_entry (CpRisksPage *self, AdwExpanderRow *row, CpRecord *risk, const char *property, const char *title)
{
  cp_record_tab_add_entry (&self->tab, row, risk, property, title, CP_PERSON_FIELD_TEXT);
}

static void move_clicked_cb (GtkButton *button, CpRisksPage *self);
static void delete_clicked_cb (GtkButton *button, CpRisksPage *self);

static GtkWidget *
tool_button (CpRisksPage *self, const char *icon, const char *label, guint index, int delta,
             GCallback callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "cp-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "cp-delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
tools_row (CpRisksPage *self, guint index)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean editable = cp_plan_banner_is_editable (self->banner);
  GtkWidget *up = tool_button (self, "go-up-symbolic", _("Move Up"), index, -1, G_CALLBACK (move_clicked_cb));
  GtkWidget *down = tool_button (self, "go-down-symbolic", _("Move Down"), index, +1, G_CALLBACK (move_clicked_cb));
  GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Risk…"));

  gtk_widget_set_sensitive (up, editable && index > 0);
  gtk_widget_set_sensitive (down, editable && index + 1 < self->risks->len);
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "destructive-action");
  gtk_widget_set_sensitive (delete, editable);
  g_object_set_data (G_OBJECT (delete), "cp-index", GUINT_TO_POINTER (index));
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

static GtkWidget *
build_row (CpRisksPage *self, CpRecord *risk, guint index)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  add_entry (self, row, risk, "description", _("What could go wrong"));
  add_entry (self, row, risk, "management", _("How it is managed, and by whom"));
  add_entry (self, row, risk, "agreed-by", _("Who agreed this"));
  adw_expander_row_add_row (row, GTK_WIDGET (cp_record_editor_add_switch (
    self->tab.editor, risk, "positive-risk", _("Positive risk-taking"),
    _("On when this risk is worth taking for what it brings to their life, "
      "and everyone has agreed how it is managed."))));
  adw_expander_row_add_row (row, tools_row (self, index));
  update_row_text (GTK_WIDGET (row), risk);
  return GTK_WIDGET (row);
}

static void
remove_all_rows (CpRisksPage *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
}

static void
rebuild (CpRisksPage *self, const char *open_id)
{
  cp_record_editor_clear (self->tab.editor);
  remove_all_rows (self);
  cp_record_tab_load_plan (&self->tab, self->banner, self->add_button, CP_TYPE_RISK, self->risks);
  for (guint i = 0; i < self->risks->len; i++)
    {
      GtkWidget *row = build_row (self, self->risks->pdata[i], i);

      gtk_list_box_append (self->list, row);
      if (g_strcmp0 (open_id, cp_record_get_id (self->risks->pdata[i])) == 0)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
}

void
cp_risks_page_add_risk (CpRisksPage *self)
{
  g_autoptr(CpRisk) risk = NULL;
  g_autoptr(GError) error = NULL;
  const char *plan_id;

  g_return_if_fail (CP_IS_RISKS_PAGE (self));
  plan_id = cp_plan_banner_get_plan_id (self->banner);
  if (plan_id == NULL || !cp_plan_banner_is_editable (self->banner))
    return;
  risk = cp_risk_new (plan_id);
  g_object_set (risk, "position", (gint64) self->risks->len, NULL);
  if (!cp_record_tab_insert (&self->tab, CP_RECORD (risk), &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  rebuild (self, cp_record_get_id (CP_RECORD (risk)));
}

static void
add_clicked_cb (CpRisksPage *self)
{
  cp_risks_page_add_risk (self);
}

gboolean
cp_risks_page_move (CpRisksPage *self, guint from, guint to)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (CP_IS_RISKS_PAGE (self), FALSE);
  if (from >= self->risks->len)
    return FALSE;
  id = g_strdup (cp_record_get_id (self->risks->pdata[from]));
  if (!cp_record_tab_move (&self->tab, self->banner, self->risks, from, to))
    return FALSE;
  rebuild (self, id);
  return TRUE;
}

static void
move_clicked_cb (GtkButton *button, CpRisksPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cp-index"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cp-delta"));

  cp_risks_page_move (self, index, index + delta);
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, CpRisksPage *self)
{
  CpRecord *risk = g_object_get_data (G_OBJECT (dialog), "cp-risk");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  cp_record_editor_forget (self->tab.editor, cp_record_get_id (risk));
  if (!cp_record_tab_tombstone (&self->tab, CP_RECORD (risk), &error))
    g_warning ("%s", error->message);
  rebuild (self, NULL);
}

static void
delete_clicked_cb (GtkButton *button, CpRisksPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cp-index"));

  if (index >= self->risks->len)
    return;
  cp_record_editor_flush (self->tab.editor);
  cp_record_tab_confirm (GTK_WIDGET (self), _("Delete this risk?"),
                         _("It will be taken out of the plan. The record of changes keeps a note."),
                         "delete", _("_Delete"), "cp-risk", self->risks->pdata[index],
                         G_CALLBACK (delete_response_cb));
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  CpRisksPage *self = data;

  self->tab.rebuild_source = 0;
  rebuild (self, NULL);
  return G_SOURCE_REMOVE;
}

/* A plan agreed or started elsewhere (the Plan tab), or risks added by an
 * import, are picked up; the page's own saves do not rebuild what is typed. */
static void
store_changed_cb (CpRisksPage *self, const char *table, const char *id, CpStore *store)
{
  gboolean plan_change = g_strcmp0 (table, "plan") == 0;
  gboolean new_risk = g_strcmp0 (table, "risk") == 0 && !cp_record_tab_contains (self->risks, id);

  if (plan_change || new_risk)
    cp_record_tab_queue_rebuild (&self->tab, rebuild_idle_cb, self);
}

static void
plan_changed_cb (CpRisksPage *self)
{
  rebuild (self, NULL);
}

static void
cp_risks_page_dispose (GObject *object)
{
  CpRisksPage *self = CP_RISKS_PAGE (object);

  cp_record_tab_dispose (&self->tab);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_RISKS_PAGE);
  G_OBJECT_CLASS (cp_risks_page_parent_class)->dispose (object);
}

static void
cp_risks_page_finalize (GObject *object)
{
  CpRisksPage *self = CP_RISKS_PAGE (object);

  cp_record_tab_finalize (&self->tab);
  g_ptr_array_unref (self->risks);
  G_OBJECT_CLASS (cp_risks_page_parent_class)->finalize (object);
}

static void
cp_risks_page_class_init (CpRisksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_risks_page_dispose;
  object_class->finalize = cp_risks_page_finalize;

  g_type_ensure (CP_TYPE_PLAN_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-risks-page.ui");
  cp_record_tab_install_undo (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CpRisksPage, banner);
  gtk_widget_class_bind_template_child (widget_class, CpRisksPage, list);
  gtk_widget_class_bind_template_child (widget_class, CpRisksPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
cp_risks_page_init (CpRisksPage *self)
{
  self->risks = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_record_tab_init (&self->tab);
  cp_record_tab_attach (&self->tab, GTK_WIDGET (self), rebuild_idle_cb);
  g_signal_connect_object (self->tab.editor, "changed", G_CALLBACK (editor_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->banner, "plan-changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (self->add_button, FALSE);
}

GtkWidget *
cp_risks_page_new (void)
{
  return g_object_new (CP_TYPE_RISKS_PAGE, NULL);
}

GtkListBox *
cp_risks_page_get_list (CpRisksPage *self)
{
  g_return_val_if_fail (CP_IS_RISKS_PAGE (self), NULL);
  return self->list;
}

CpPlanBanner *
cp_risks_page_get_banner (CpRisksPage *self)
{
  g_return_val_if_fail (CP_IS_RISKS_PAGE (self), NULL);
  return self->banner;
}

static void
tab_set_store (CpPersonTab *tab, CpStore *store)
{
  cp_record_tab_set_store (&CP_RISKS_PAGE (tab)->tab, tab, store, G_CALLBACK (store_changed_cb));
}

static gboolean
tab_flush (CpPersonTab *tab)
{
  return cp_record_editor_flush (CP_RISKS_PAGE (tab)->tab.editor);
}

static gboolean
tab_set_person_id (CpPersonTab *tab, const char *person_id)
{
  CpRisksPage *self = CP_RISKS_PAGE (tab);
  gboolean ok = cp_record_tab_set_person_id (&self->tab, person_id);

  rebuild (self, NULL);
  return ok;
}

static void
cp_risks_page_tab_init (CpPersonTabInterface *iface)
{
  iface->set_store = tab_set_store;
  iface->set_person_id = tab_set_person_id;
  iface->flush = tab_flush;
}
