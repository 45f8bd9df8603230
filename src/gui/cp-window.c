/* cp-window.c — a caseload window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is the lazy CpRecordList itself, wrapped in a selection and
 * never copied, so a caseload of 10,000 opens as fast as one of 10.
 */
#include <glib/gi18n.h>

#include "cp-application.h"
#include "cp-contributor-button.h"
#include "cp-person-fields.h"
#include "cp-person-row.h"
#include "cp-window-private.h"

/* How far around its last place a person is looked for after a refresh. */
#define RESELECT_SPAN 64

G_DEFINE_FINAL_TYPE (CpWindow, cp_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_STORE, PROP_EXAMPLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GSettings *
window_settings (CpWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* The example never changes the person's own settings. */
  if (self->example || !CP_IS_APPLICATION (app))
    return NULL;
  return cp_application_get_settings (CP_APPLICATION (app));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_list_item_set_child (item, cp_person_row_new ());
}

/* GTK 4.8 gives list items no name of their own, so a screen reader
 * moving through the caseload would hear nothing: name the item the row
 * sits in after the person, with the words the row shows. */
static void
name_list_item (CpPersonRow *row, CpPerson *person, const char *name)
{
  GtkWidget *item_widget = gtk_widget_get_parent (GTK_WIDGET (row));
  g_autofree char *detail = cp_person_row_dup_detail (person);
  g_autofree char *label = NULL;

  if (item_widget == NULL)
    return;
  label = cp_person_has_communication_needs (person)
    /* Translators: a person in the caseload list: name, NHS number, and a flag */
    ? g_strdup_printf (_("%s, %s, has communication needs"), name, detail)
    : g_strdup_printf (_("%s, %s"), name, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  CpPersonRow *row = CP_PERSON_ROW (gtk_list_item_get_child (item));
  CpPerson *person = gtk_list_item_get_item (item);
  g_autofree char *name = person ? cp_person_dup_display_name (person) : NULL;

  cp_person_row_set_person (row, person);
  if (name != NULL)
    {
      g_autofree char *shown = cp_person_field_display_name (name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
      name_list_item (row, person, shown);
    }
}

/* Welcome when nobody is stored yet; "No one matches" when a search finds no one. */
void
_cp_window_update_pages (CpWindow *self)
{
  gint64 everyone = cp_store_count (self->store, CP_TYPE_PERSON, NULL);
  const char *search = cp_record_list_get_search (self->people);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  gtk_stack_set_visible_child_name (self->main_stack, everyone > 0 ? "caseload" : "welcome");
  if (shown == 0 && search != NULL)
    {
      /* Translators: %s is what was typed in the search box */
      g_autofree char *title = g_strdup_printf (_("No one matches “%s”"), search);
      adw_status_page_set_title (self->no_match_page, title);
      gtk_stack_set_visible_child_name (self->list_stack, "no-match");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

/* Typing finds people by what is written in their plan too, through
 * the full-text index (cp-search.h); the list stays lazy. */
static void
set_people_search (CpWindow *self)
{
  cp_record_list_set_search_extra (self->people, cp_search_person_ids_sql (), cp_search_fts_query);
  cp_record_list_set_search (self->people, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_changed_cb (CpWindow *self)
{
  set_people_search (self);
  _cp_window_update_pages (self);
}

static void show_person (CpWindow *self, const char *person_id, gboolean open);

/* Enter in the search box opens the first person found. */
static void
search_activate_cb (CpWindow *self)
{
  g_autoptr(CpRecord) first = NULL;

  set_people_search (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->people)) == 0)
    return;
  self->selected_hint = 0;
  gtk_single_selection_set_selected (self->selection, 0);
  /* Already selected, nothing changed: a folded window still opens them. */
  first = g_list_model_get_item (G_LIST_MODEL (self->people), 0);
  if (first != NULL)
    show_person (self, cp_record_get_id (first), TRUE);
}

/* Escape empties the search, showing everyone again. */
static void
search_stop_cb (CpWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static gboolean
select_if_shown (CpWindow *self, guint position, const char *id)
{
  g_autoptr(CpRecord) item = g_list_model_get_item (G_LIST_MODEL (self->people), position);

  if (item == NULL || g_strcmp0 (cp_record_get_id (item), id) != 0)
    return FALSE;
  self->selected_hint = position;
  self->reselecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->reselecting = FALSE;
  return TRUE;
}

/* A rename can move someone anywhere in a caseload of thousands: the
 * list asks the database where they stand now, reading no rows. */
static gboolean
select_by_position (CpWindow *self, const char *id)
{
  guint position = cp_record_list_find_position (self->people, id);

  if (position == G_MAXUINT || !select_if_shown (self, position, id))
    return FALSE;
  /* Far from where they were, so probably out of sight: bring them in. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

/* A refresh makes new row objects, so the selection is lost: find the
 * shown person again, first near where they were, then by asking the list. */
static void
reselect_shown_person (CpWindow *self)
{
  const char *id = cp_person_page_get_person_id (self->person_page);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  guint start = self->selected_hint > RESELECT_SPAN ? self->selected_hint - RESELECT_SPAN : 0;
  guint end = MIN (n, self->selected_hint + RESELECT_SPAN);
  CpRecord *selected = gtk_single_selection_get_selected_item (self->selection);

  if (id == NULL || (selected != NULL && g_strcmp0 (cp_record_get_id (selected), id) == 0))
    return;
  for (guint i = start; i < end; i++)
    if (select_if_shown (self, i, id))
      return;
  if (select_by_position (self, id))
    return;
  /* Not in the list (a search hides them): highlight no one else. */
  if (selected != NULL)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
items_changed_cb (CpWindow *self)
{
  reselect_shown_person (self);
  _cp_window_update_pages (self);
}

static void
selected_cb (CpWindow *self)
{
  CpRecord *item = gtk_single_selection_get_selected_item (self->selection);

  /* Unselected by a refresh: keep showing the person being edited;
   * selected again after it: they are shown already, stay where you are. */
  if (item == NULL || self->reselecting)
    return;
  self->selected_hint = gtk_single_selection_get_selected (self->selection);
  show_person (self, cp_record_get_id (item), !self->walking_list);
}

/* Enter (or a double click) on a row opens that person, also after the
 * arrow keys walked to them in a folded window. */
static void
list_activate_cb (CpWindow *self, guint position)
{
  g_autoptr(CpRecord) item = g_list_model_get_item (G_LIST_MODEL (self->people), position);

  if (item != NULL)
    show_person (self, cp_record_get_id (item), TRUE);
}

/* A folded window shows the list alone: clicking or tapping the person
 * already highlighted there (after Back) changes no selection, yet must
 * open them again. */
static void
list_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, CpWindow *self)
{
  GtkWidget *picked;
  CpRecord *item = gtk_single_selection_get_selected_item (self->selection);

  if (n_press != 1 || item == NULL || !adw_leaflet_get_folded (self->leaflet) ||
      adw_leaflet_get_visible_child (self->leaflet) != self->sidebar)
    return;
  picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  for (; picked != NULL && picked != GTK_WIDGET (self->list_view); picked = gtk_widget_get_parent (picked))
    if (gtk_widget_get_state_flags (picked) & GTK_STATE_FLAG_SELECTED)
      {
        show_person (self, cp_record_get_id (item), TRUE);
        return;
      }
}

static gboolean
walking_done_cb (gpointer data)
{
  CpWindow *self = data;

  self->walking_source = 0;
  self->walking_list = FALSE;
  return G_SOURCE_REMOVE;
}

/* Puts the focus on the highlighted person's row, or else on the list. */
static void
focus_selected_row (CpWindow *self)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       item != NULL; item = gtk_widget_get_next_sibling (item))
    if ((gtk_widget_get_state_flags (item) & GTK_STATE_FLAG_SELECTED) &&
        gtk_widget_grab_focus (item))
      return;
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Folded, going back to the list (the Back button, Alt+Left or a swipe)
 * hides the page that had the focus: the leaflet would leave it in the
 * search box; a keyboard user goes on from the person they came from. */
static void
visible_child_cb (CpWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if (!adw_leaflet_get_folded (self->leaflet) ||
      adw_leaflet_get_visible_child (self->leaflet) != self->sidebar)
    return;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->sidebar) ||
      focus == GTK_WIDGET (self->search_entry) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)))
    if (g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "list") == 0)
      focus_selected_row (self);
}

/* GTK 4.8's list view puts every row in the Tab order, so a keyboard user
 * would press Tab once per person to get past a caseload of hundreds: the
 * list is one stop, walked with the arrow keys; Tab leaves it for the
 * person's page, Shift+Tab for the search box. */
static gboolean
list_key_pressed_cb (CpWindow *self, guint keyval, guint keycode, GdkModifierType state)
{
  gboolean backward;

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: case GDK_KEY_Down: case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up: case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Home: case GDK_KEY_KP_Home: case GDK_KEY_End: case GDK_KEY_KP_End:
      /* The list moves and selects after this: remember why, until idle. */
      self->walking_list = TRUE;
      if (self->walking_source == 0)
        self->walking_source = g_idle_add (walking_done_cb, self);
      return FALSE;
    case GDK_KEY_Tab: case GDK_KEY_KP_Tab: case GDK_KEY_ISO_Left_Tab:
      break;
    default:
      return FALSE;
    }
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  backward = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK);
  if (backward)
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  if (!adw_leaflet_get_folded (self->leaflet) &&
      gtk_widget_child_focus (self->content_box, GTK_DIR_TAB_FORWARD))
    return TRUE;
  /* Nothing after the list: round to the start, as Tab does at the end. */
  return gtk_widget_grab_focus (self->add_button);
}

static void
back_clicked_cb (CpWindow *self)
{
  cp_person_view_flush (self->person_view);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  visible_child_cb (self);
}

static void
person_deleted_cb (CpWindow *self)
{
  GSettings *settings = window_settings (self);

  /* The focus is on Delete, on the page about to be hidden: moved there
   * afterwards, GTK would take it away again on the next frame (to the
   * first button, or nowhere). The search box stays put while the list
   * refreshes, and the list is one Tab away. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  gtk_stack_set_visible_child_name (self->content_stack, "none");
  adw_view_switcher_title_set_title (self->content_title, "");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  if (settings != NULL)
    g_settings_set_string (settings, "last-person", "");
  cp_window_add_toast (self, _("Deleted"));
}

static void
save_window_state (CpWindow *self)
{
  GSettings *settings = window_settings (self);
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static void
restore_window_state (CpWindow *self)
{
  GSettings *settings = window_settings (self);
  g_autofree char *last = NULL;

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  last = g_settings_get_string (settings, "last-person");
  if (*last != '\0')
    cp_window_show_person (self, last);
}

static gboolean
cp_window_close_request (GtkWindow *window)
{
  CpWindow *self = CP_WINDOW (window);

  cp_person_view_flush (self->person_view);
  save_window_state (self);
  return GTK_WINDOW_CLASS (cp_window_parent_class)->close_request (window);
}

static void
setup_list (CpWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->people = cp_record_list_new (self->store, CP_TYPE_PERSON, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->people)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
cp_window_constructed (GObject *object)
{
  CpWindow *self = CP_WINDOW (object);

  G_OBJECT_CLASS (cp_window_parent_class)->constructed (object);

  g_assert (CP_IS_STORE (self->store));
  gtk_widget_set_visible (self->example_bar, self->example);
  if (self->example)
    gtk_window_set_title (GTK_WINDOW (self), _("Coplan — Example Data"));
  cp_person_view_set_store (self->person_view, self->store);
  setup_list (self);
  _cp_window_actions_init (self);
  _cp_window_print_actions_update (self);
  g_signal_connect_object (self->content_stack, "notify::visible-child-name",
                           G_CALLBACK (_cp_window_print_actions_update), self, G_CONNECT_SWAPPED);
  _cp_window_update_pages (self);
  /* Start in the search box, never inside a field where typing would replace a name. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "caseload") == 0)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
}

static void
cp_window_dispose (GObject *object)
{
  CpWindow *self = CP_WINDOW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_handle_id (&self->walking_source, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->people);
  /* The header's switcher points at the person view's stack: let go of
   * it before either is torn down (Adw 1.2 unparents twice otherwise). */
  if (self->content_title != NULL)
    adw_view_switcher_title_set_stack (self->content_title, NULL);
  /* No gtk_widget_dispose_template() here: see STYLE.md, pitfalls (GTK 4.8 window subclasses). */
  G_OBJECT_CLASS (cp_window_parent_class)->dispose (object);
}

static void
cp_window_finalize (GObject *object)
{
  g_clear_object (&CP_WINDOW (object)->store);
  G_OBJECT_CLASS (cp_window_parent_class)->finalize (object);
}

static void
cp_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CpWindow *self = CP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_EXAMPLE: g_value_set_boolean (value, self->example); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CpWindow *self = CP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_EXAMPLE: self->example = g_value_get_boolean (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/coplan/Coplan/cp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CpWindow, example_bar);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, plan_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CpWindow, person_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
cp_window_class_init (CpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cp_window_constructed;
  object_class->dispose = cp_window_dispose;
  object_class->finalize = cp_window_finalize;
  object_class->get_property = cp_window_get_property;
  object_class->set_property = cp_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = cp_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXAMPLE] =
    g_param_spec_boolean ("example", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CP_TYPE_PERSON_VIEW);
  g_type_ensure (CP_TYPE_CONTRIBUTOR_BUTTON);
  bind_template (GTK_WIDGET_CLASS (klass));
}

static void
cp_window_init (CpWindow *self)
{
  GtkEventController *keys;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->person_page = cp_person_view_get_profile (self->person_view);
  cp_person_view_use_switcher_title (self->person_view, self->content_title);
  g_signal_connect_object (self->person_page, "person-deleted", G_CALLBACK (person_deleted_cb),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->person_page, "title", self->content_title, "title", G_BINDING_SYNC_CREATE);
  /* Typing while the list has the focus searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->sidebar);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (visible_child_cb),
                           self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "released", G_CALLBACK (list_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
}

CpWindow *
cp_window_new (GtkApplication *application, CpStore *store, gboolean example)
{
  CpWindow *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "example", example,
                       NULL);
  /* Not in constructed(): "application" is set only after it. */
  restore_window_state (self);
  return self;
}

CpStore *
cp_window_get_store (CpWindow *self)
{
  g_return_val_if_fail (CP_IS_WINDOW (self), NULL);
  return self->store;
}

gboolean
cp_window_is_example (CpWindow *self)
{
  g_return_val_if_fail (CP_IS_WINDOW (self), FALSE);
  return self->example;
}

void
cp_window_add_toast (CpWindow *self, const char *text)
{
  g_return_if_fail (CP_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Folded, the person's page takes the whole window (@open), unless the
 * arrow keys are walking the list: then Enter opens the one reached. */
static void
show_person (CpWindow *self, const char *person_id, gboolean open)
{
  GSettings *settings = window_settings (self);

  if (g_strcmp0 (person_id, cp_person_page_get_person_id (self->person_page)) != 0)
    {
      if (!cp_person_view_set_person_id (self->person_view, person_id) || person_id == NULL)
        {
          gtk_stack_set_visible_child_name (self->content_stack, "none");
          return;
        }
      gtk_stack_set_visible_child_name (self->content_stack, "person");
      reselect_shown_person (self);
      if (settings != NULL)
        g_settings_set_string (settings, "last-person", person_id);
    }
  else if (person_id == NULL)
    return;
  /* Only when folded: unfolded, the page is beside the list already. */
  if (open && adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) != self->content_box)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content_box);
      /* Not into the first field, where typing would replace the name. */
      gtk_widget_grab_focus (self->back_button);
    }
}

/* Shows one person in the content pane; an unknown or deleted id shows no one. */
void
cp_window_show_person (CpWindow *self, const char *person_id)
{
  g_return_if_fail (CP_IS_WINDOW (self));
  show_person (self, person_id, TRUE);
}
