/* cp-plan-page.c — the Plan tab: the planning conversation in the person's own words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A header says where the plan stands in words and offers only the steps
 * that make sense now; then one CpPlanSection per part of the plan, in
 * the order of the conversation; then the reviews. Every edit goes
 * through one undo stack, shared with a planning session. The plan is
 * read again when the loop is idle after any change to it, so the tab, a
 * session window and undo always show what is stored.
 */
#include <glib/gi18n.h>

#include "cp-agree-dialog.h"
#include "cp-contributor-dialog.h"
#include "cp-person-tab.h"
#include "cp-plan-entries.h"
#include "cp-plan-lifecycle.h"
#include "cp-plan-page.h"
#include "cp-review-dialog.h"
#include "cp-session-window.h"
#include "cp-version-window.h"

struct _CpPlanPage
{
  AdwBin         parent_instance;

  CpStore       *store;
  CpUndoStack   *undo;
  char          *person_id;
  CpPlan        *plan;
  gboolean       editable;
  char          *status_text;
  guint          reload_source;
  guint          ask_source;
  GtkWidget     *sections[CP_N_SECTIONS];
  GPtrArray     *versions;

  /* template children */
  GtkLabel      *status_label;
  GtkLabel      *status_detail;
  GtkWidget     *session_button;
  GtkWidget     *agree_button;
  GtkWidget     *review_button;
  GtkWidget     *new_draft_button;
  GtkWidget     *versions_button;
  GtkListBox    *versions_list;
  GtkWidget     *sections_box;
  GtkListBox    *reviews_list;
};

static void cp_plan_page_tab_init (CpPersonTabInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpPlanPage, cp_plan_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (CP_TYPE_PERSON_TAB, cp_plan_page_tab_init))

static void
show_toast (CpPlanPage *self, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_warning ("%s", text);
}

static GtkWindow *
parent_window (CpPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static CpPlanStatus
plan_status (CpPlanPage *self)
{
  CpPlanStatus status = CP_PLAN_STATUS_DRAFT;

  if (self->plan != NULL)
    g_object_get (self->plan, "status", &status, NULL);
  return status;
}

/* The newest plan that has not ended; shown without creating one, so
 * looking at someone never writes anything. */
static CpPlan *
find_plan (CpPlanPage *self)
{
  g_autoptr(CpRecordList) plans = NULL;
  guint n;

  if (self->store == NULL || self->person_id == NULL)
    return NULL;
  plans = cp_record_list_new (self->store, CP_TYPE_PLAN, self->person_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (plans));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpPlan) plan = g_list_model_get_item (G_LIST_MODEL (plans), i);
      CpPlanStatus status;

      g_object_get (plan, "status", &status, NULL);
      if (status != CP_PLAN_STATUS_ENDED && !cp_record_get_deleted (CP_RECORD (plan)))
        return g_steal_pointer (&plan);
    }
  return NULL;
}

static char *
long_date (const char *iso)
{
  g_autoptr(GDate) date = iso ? cp_date_parse_iso (iso, NULL) : NULL;

  return date ? cp_date_format_long (date) : g_strdup (_("an unknown date"));
}

static char *
agreed_text (CpPlanPage *self, gint64 version)
{
  const char *plan_id = cp_record_get_id (CP_RECORD (self->plan));
  g_autoptr(CpPlanVersion) agreed = cp_plan_load_version (self->store, plan_id, version, NULL);
  g_autofree char *date = long_date (agreed ? cp_record_get_string (CP_RECORD (agreed), "agreed-on") : NULL);

  /* Translators: "Agreed on 3 March 2026 (version 2)" */
  return g_strdup_printf (_("Agreed on %s (version %" G_GINT64_FORMAT ")"), date, version);
}

static void
update_status (CpPlanPage *self)
{
  gint64 version = self->plan ? cp_record_get_int64 (CP_RECORD (self->plan), "version") : 0;
  const char *detail;

  g_free (self->status_text);
  switch (self->plan ? (int) plan_status (self) : -1)
    {
    case CP_PLAN_STATUS_DRAFT:
      self->status_text = g_strdup (_("Draft — not agreed yet"));
      detail = _("Everything is saved as you type. When everyone is happy with the plan, press Agree Plan.");
      break;
    case CP_PLAN_STATUS_AGREED:
      self->status_text = agreed_text (self, version);
      detail = _("An agreed plan stays exactly as it was signed, so it cannot be changed here. To change it, press Make a New Draft.");
      break;
    case CP_PLAN_STATUS_UNDER_REVIEW:
      self->status_text = g_strdup (_("Under review"));
      detail = _("The plan is being looked at again. Record what people said, then press Make a New Draft to change it.");
      break;
    case CP_PLAN_STATUS_ENDED:
      self->status_text = g_strdup (_("This plan has ended"));
      detail = "";
      break;
    default:
      self->status_text = g_strdup (_("No plan yet"));
      detail = _("Start writing: press Add under any question, or Start Planning Session to go through them one at a time.");
    }
  gtk_label_set_label (self->status_label, self->status_text);
  gtk_label_set_label (self->status_detail, detail);
}

/* Only the steps that make sense for this status are offered. */
static void
update_actions (CpPlanPage *self)
{
  CpPlanStatus status = plan_status (self);
  gboolean has_plan = self->plan != NULL;
  gboolean person = self->person_id != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.session", person && self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.agree", has_plan && status == CP_PLAN_STATUS_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.start-review", has_plan && status == CP_PLAN_STATUS_AGREED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.new-draft",
                                 has_plan && (status == CP_PLAN_STATUS_AGREED || status == CP_PLAN_STATUS_UNDER_REVIEW));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.record-review", has_plan);
  /* A flow box keeps a place for hidden buttons unless their box goes too. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->session_button), person && self->editable);
  gtk_widget_set_visible (gtk_widget_get_parent (self->agree_button), has_plan && status == CP_PLAN_STATUS_DRAFT);
  gtk_widget_set_visible (gtk_widget_get_parent (self->review_button), has_plan && status == CP_PLAN_STATUS_AGREED);
  gtk_widget_set_visible (gtk_widget_get_parent (self->new_draft_button),
                          has_plan && (status == CP_PLAN_STATUS_AGREED || status == CP_PLAN_STATUS_UNDER_REVIEW));
  gtk_widget_set_visible (gtk_widget_get_parent (self->versions_button), self->versions && self->versions->len > 0);
}

static void
update_undo_actions (CpPlanPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.undo", self->undo && cp_undo_stack_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.redo", self->undo && cp_undo_stack_can_redo (self->undo));
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
load_versions (CpPlanPage *self)
{
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  clear_list_box (self->versions_list);
  if (self->plan == NULL)
    return;
  self->versions = cp_plan_list_versions (self->store, cp_record_get_id (CP_RECORD (self->plan)), NULL);
  for (guint i = 0; self->versions && i < self->versions->len; i++)
    {
      CpRecord *version = g_ptr_array_index (self->versions, i);
      g_autofree char *date = long_date (cp_record_get_string (version, "agreed-on"));
      /* Translators: an agreed version in a list: "Version 2, agreed on 3 March 2026" */
      g_autofree char *text = g_strdup_printf (_("Version %" G_GINT64_FORMAT ", agreed on %s"),
                                               cp_record_get_int64 (version, "version"), date);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->versions_list, label);
    }
}

static char *
describe_review (CpReview *review, char **points)
{
  CpReviewKind kind;
  g_autofree char *date = long_date (cp_record_get_string (CP_RECORD (review), "review-date"));
  const char *working = cp_record_get_string (CP_RECORD (review), "working");
  const char *not_working = cp_record_get_string (CP_RECORD (review), "not-working");
  GString *text = g_string_new (NULL);

  g_object_get (review, "kind", &kind, NULL);
  if (working && *working)
    /* Translators: the top points of a review that are working */
    g_string_append_printf (text, _("Working: %s"), working);
  if (not_working && *not_working)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the top points of a review that are not working */
      g_string_append_printf (text, _("Not working: %s"), not_working);
    }
  *points = g_string_free (text, FALSE);
  return kind == CP_REVIEW_KIND_FORMAL
    /* Translators: "3 March 2026 — formal review" */
    ? g_strdup_printf (_("%s — formal review"), date)
    : g_strdup_printf (_("%s — informal review"), date);
}

static void
load_reviews (CpPlanPage *self)
{
  g_autoptr(CpRecordList) reviews = NULL;
  guint n;

  clear_list_box (self->reviews_list);
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_list), FALSE);
  if (self->plan == NULL)
    return;
  reviews = cp_record_list_new (self->store, CP_TYPE_REVIEW, cp_record_get_id (CP_RECORD (self->plan)));
  n = g_list_model_get_n_items (G_LIST_MODEL (reviews));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpReview) review = g_list_model_get_item (G_LIST_MODEL (reviews), i);
      g_autofree char *points = NULL;
      g_autofree char *title = describe_review (review, &points);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), points);
      gtk_list_box_append (self->reviews_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_list), n > 0);
}

/* Each section's entries, in order: the list is ordered by section, then position. */
static void
load_entries (CpPlanPage *self)
{
  GPtrArray *by_section[CP_N_SECTIONS];
  g_autoptr(CpRecordList) entries = NULL;
  const char *plan_id = self->plan ? cp_record_get_id (CP_RECORD (self->plan)) : NULL;
  guint n = 0;

  for (guint s = 0; s < CP_N_SECTIONS; s++)
    by_section[s] = g_ptr_array_new_with_free_func (g_object_unref);
  if (plan_id != NULL)
    {
      entries = cp_record_list_new (self->store, CP_TYPE_PLAN_ENTRY, plan_id);
      n = g_list_model_get_n_items (G_LIST_MODEL (entries));
    }
  for (guint i = 0; i < n; i++)
    {
      CpPlanEntry *entry = g_list_model_get_item (G_LIST_MODEL (entries), i);
      CpSection section;

      g_object_get (entry, "section", &section, NULL);
      if (section < CP_N_SECTIONS && !cp_record_get_deleted (CP_RECORD (entry)))
        g_ptr_array_add (by_section[section], entry);
      else
        g_object_unref (entry);
    }
  for (guint s = 0; s < CP_N_SECTIONS; s++)
    {
      CpPlanSection *section = CP_PLAN_SECTION (self->sections[s]);

      cp_plan_section_set_plan (section, self->person_id, plan_id);
      cp_plan_section_sync (section, by_section[s]);
      cp_plan_section_set_editable (section, self->editable);
      g_ptr_array_unref (by_section[s]);
    }
}

void
cp_plan_page_reload (CpPlanPage *self)
{
  g_return_if_fail (CP_IS_PLAN_PAGE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->plan);
  self->plan = find_plan (self);
  self->editable = self->plan == NULL
    ? self->person_id != NULL
    : cp_plan_is_editable (self->store, cp_record_get_id (CP_RECORD (self->plan)));
  gtk_widget_set_visible (self->sections_box, self->person_id != NULL);
  if (self->store == NULL)
    return;
  load_entries (self);
  load_versions (self);
  load_reviews (self);
  update_status (self);
  update_actions (self);
  update_undo_actions (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  CpPlanPage *self = data;

  self->reload_source = 0;
  cp_plan_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CpPlanPage *self, const char *table, const char *id, CpStore *store)
{
  static const char *const tables[] = { "plan", "plan_entry", "plan_version", "review", "signoff", "contributor" };

  if (self->person_id == NULL || !g_strv_contains (tables, table))
    return;
  /* Many rows change at once (undo, agree): read the plan once. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
section_edited_cb (CpPlanPage *self, const char *focus_id, CpPlanSection *section)
{
  cp_plan_page_reload (self);
  if (focus_id != NULL)
    cp_plan_section_focus_entry (section, focus_id);
}

static gboolean
plan_page_flush (CpPlanPage *self)
{
  gboolean ok = TRUE;

  for (guint s = 0; s < CP_N_SECTIONS; s++)
    ok = cp_plan_section_flush (CP_PLAN_SECTION (self->sections[s])) && ok;
  return ok;
}

/* The first time a plan is opened in a sitting: who is writing? */
static gboolean
ask_idle_cb (gpointer data)
{
  CpPlanPage *self = data;

  self->ask_source = 0;
  if (self->store == NULL || self->person_id == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      cp_contributor_dialog_was_asked (self->store))
    return G_SOURCE_REMOVE;
  gtk_window_present (GTK_WINDOW (cp_contributor_dialog_new (parent_window (self), self->store)));
  return G_SOURCE_REMOVE;
}

static void
maybe_ask_contributor (CpPlanPage *self)
{
  if (self->ask_source == 0 && self->store != NULL && !cp_contributor_dialog_was_asked (self->store))
    self->ask_source = g_idle_add (ask_idle_cb, self);
}

static void
cp_plan_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cp_plan_page_parent_class)->map (widget);
  maybe_ask_contributor (CP_PLAN_PAGE (widget));
}

static void
cp_plan_page_unmap (GtkWidget *widget)
{
  /* Another tab is shown: what was typed here is saved now. */
  plan_page_flush (CP_PLAN_PAGE (widget));
  GTK_WIDGET_CLASS (cp_plan_page_parent_class)->unmap (widget);
}

static void
stack_child_cb (CpPlanPage *self, GParamSpec *pspec, AdwViewStack *stack)
{
  if (adw_view_stack_get_visible_child (stack) != GTK_WIDGET (self))
    plan_page_flush (self);
}

/* Another tab shown is a moment to save, even before anything is drawn. */
static void
cp_plan_page_root (GtkWidget *widget)
{
  GtkWidget *stack;

  GTK_WIDGET_CLASS (cp_plan_page_parent_class)->root (widget);
  stack = gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_STACK);
  if (stack != NULL)
    g_signal_connect_object (stack, "notify::visible-child", G_CALLBACK (stack_child_cb),
                             widget, G_CONNECT_SWAPPED);
}

static void
cp_plan_page_unroot (GtkWidget *widget)
{
  GtkWidget *stack = gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    g_signal_handlers_disconnect_by_func (stack, stack_child_cb, widget);
  GTK_WIDGET_CLASS (cp_plan_page_parent_class)->unroot (widget);
}

static void
agreed_cb (CpPlanPage *self, gint64 version)
{
  /* Steps before the agreement would edit what was signed. */
  cp_undo_stack_clear (self->undo);
  cp_plan_page_reload (self);
  /* Translators: shown once a plan is agreed */
  show_toast (self, _("The plan is agreed. It stays as it was signed."));
}

static void
agree_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CpPlanPage *self = CP_PLAN_PAGE (widget);
  g_autoptr(CpPerson) person = NULL;
  g_autofree char *person_name = NULL;
  GtkWidget *dialog;

  if (self->plan == NULL)
    return;
  plan_page_flush (self);
  person = cp_store_load (self->store, CP_TYPE_PERSON, self->person_id, NULL);
  person_name = person ? cp_person_dup_display_name (person) : NULL;
  dialog = cp_agree_dialog_new (parent_window (self), self->store,
                                cp_record_get_id (CP_RECORD (self->plan)), person_name);
  g_signal_connect_object (dialog, "agreed", G_CALLBACK (agreed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
review_saved_cb (CpPlanPage *self)
{
  cp_plan_page_reload (self);
  show_toast (self, _("Review saved"));
}

static void
open_review_dialog (CpPlanPage *self, gboolean start_review)
{
  GtkWidget *dialog;

  if (self->plan == NULL)
    return;
  plan_page_flush (self);
  dialog = cp_review_dialog_new (parent_window (self), self->store,
                                 cp_record_get_id (CP_RECORD (self->plan)), start_review);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (review_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_review_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_review_dialog (CP_PLAN_PAGE (widget), TRUE);
}

static void
record_review_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_review_dialog (CP_PLAN_PAGE (widget), FALSE);
}

static void
new_draft_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CpPlanPage *self = CP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;
  if (!cp_plan_new_draft (self->store, cp_record_get_id (CP_RECORD (self->plan)), &error))
    {
      show_toast (self, error->message);
      return;
    }
  cp_undo_stack_clear (self->undo);
  cp_plan_page_reload (self);
  show_toast (self, _("This is a new draft. The agreed version is kept as it was."));
}

static void
session_closed_cb (CpPlanPage *self)
{
  cp_plan_page_reload (self);
}

static void
session_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CpPlanPage *self = CP_PLAN_PAGE (widget);
  GtkWidget *session;

  if (self->person_id == NULL)
    return;
  plan_page_flush (self);
  session = cp_session_window_new (parent_window (self), self->store, self->undo, self->person_id);
  g_signal_connect_object (session, "destroy", G_CALLBACK (session_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (session));
}

/* Undo and redo of whole steps; typing not yet saved is the text's own
 * to undo (GtkTextView takes Ctrl+Z first while it can undo). */
static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  CpPlanPage *self = CP_PLAN_PAGE (widget);
  gboolean redo = g_str_equal (name, "plan.redo");
  g_autoptr(GError) error = NULL;

  plan_page_flush (self);
  if (!(redo ? cp_undo_stack_redo (self->undo, &error) : cp_undo_stack_undo (self->undo, &error)))
    {
      if (error != NULL)
        show_toast (self, error->message);
      return;
    }
  cp_plan_page_reload (self);
}

static void
version_activated_cb (CpPlanPage *self, GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);
  CpRecord *version;

  if (self->versions == NULL || index < 0 || (guint) index >= self->versions->len)
    return;
  version = g_ptr_array_index (self->versions, index);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->versions_button));
  gtk_window_present (GTK_WINDOW (cp_version_window_new (parent_window (self), self->store,
                                                         cp_record_get_id (CP_RECORD (self->plan)),
                                                         cp_record_get_int64 (version, "version"))));
}

static void
build_sections (CpPlanPage *self)
{
  for (CpSection s = 0; s < CP_N_SECTIONS; s++)
    {
      self->sections[s] = cp_plan_section_new (s);
      g_signal_connect_object (self->sections[s], "edited", G_CALLBACK (section_edited_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->sections_box), self->sections[s]);
    }
}

static void
cp_plan_page_dispose (GObject *object)
{
  CpPlanPage *self = CP_PLAN_PAGE (object);

  if (self->store != NULL)
    plan_page_flush (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->ask_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_PLAN_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->undo);
  g_clear_object (&self->store);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->person_id, g_free);
  g_clear_pointer (&self->status_text, g_free);
  G_OBJECT_CLASS (cp_plan_page_parent_class)->dispose (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "plan.session", NULL, session_action);
  gtk_widget_class_install_action (widget_class, "plan.agree", NULL, agree_action);
  gtk_widget_class_install_action (widget_class, "plan.start-review", NULL, start_review_action);
  gtk_widget_class_install_action (widget_class, "plan.record-review", NULL, record_review_action);
  gtk_widget_class_install_action (widget_class, "plan.new-draft", NULL, new_draft_action);
  gtk_widget_class_install_action (widget_class, "plan.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "plan.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "plan.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "plan.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "plan.redo", NULL);
}

static void
cp_plan_page_class_init (CpPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_plan_page_dispose;
  widget_class->map = cp_plan_page_map;
  widget_class->unmap = cp_plan_page_unmap;
  widget_class->root = cp_plan_page_root;
  widget_class->unroot = cp_plan_page_unroot;

  install_actions (widget_class);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, status_detail);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, session_button);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, agree_button);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, review_button);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, new_draft_button);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, versions_button);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, versions_list);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, CpPlanPage, reviews_list);
  gtk_widget_class_bind_template_callback (widget_class, version_activated_cb);
}

static void
cp_plan_page_init (CpPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_sections (self);
  cp_plan_page_reload (self);
}

GtkWidget *
cp_plan_page_new (void)
{
  return g_object_new (CP_TYPE_PLAN_PAGE, NULL);
}

CpPlan *
cp_plan_page_get_plan (CpPlanPage *self)
{
  g_return_val_if_fail (CP_IS_PLAN_PAGE (self), NULL);
  return self->plan;
}

CpPlanSection *
cp_plan_page_get_section (CpPlanPage *self, CpSection section)
{
  g_return_val_if_fail (CP_IS_PLAN_PAGE (self), NULL);
  g_return_val_if_fail (section < CP_N_SECTIONS, NULL);
  return CP_PLAN_SECTION (self->sections[section]);
}

CpUndoStack *
cp_plan_page_get_undo (CpPlanPage *self)
{
  g_return_val_if_fail (CP_IS_PLAN_PAGE (self), NULL);
  return self->undo;
}

const char *
cp_plan_page_get_status_text (CpPlanPage *self)
{
  g_return_val_if_fail (CP_IS_PLAN_PAGE (self), NULL);
  return self->status_text;
}

static void
tab_set_store (CpPersonTab *tab, CpStore *store)
{
  CpPlanPage *self = CP_PLAN_PAGE (tab);

  if (self->store == store)
    return;
  plan_page_flush (self);
  g_clear_pointer (&self->person_id, g_free);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_set_object (&self->store, store);
  g_clear_object (&self->undo);
  if (store != NULL)
    {
      self->undo = cp_undo_stack_new (store);
      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->undo, "notify::can-redo", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
    }
  for (guint s = 0; s < CP_N_SECTIONS; s++)
    cp_plan_section_set_store (CP_PLAN_SECTION (self->sections[s]), store, self->undo);
  cp_plan_page_reload (self);
}

static gboolean
tab_set_person_id (CpPersonTab *tab, const char *person_id)
{
  CpPlanPage *self = CP_PLAN_PAGE (tab);
  gboolean ok = plan_page_flush (self);

  if (g_strcmp0 (person_id, self->person_id) == 0)
    return ok;
  g_free (self->person_id);
  self->person_id = g_strdup (person_id);
  /* Undo belongs to the person it was done to. */
  if (self->undo != NULL)
    cp_undo_stack_clear (self->undo);
  cp_plan_page_reload (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    maybe_ask_contributor (self);
  return ok;
}

static gboolean
tab_flush (CpPersonTab *tab)
{
  return plan_page_flush (CP_PLAN_PAGE (tab));
}

static void
cp_plan_page_tab_init (CpPersonTabInterface *iface)
{
  iface->set_store = tab_set_store;
  iface->set_person_id = tab_set_person_id;
  iface->flush = tab_flush;
}
