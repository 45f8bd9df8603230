/* cp-window-private.h — CpWindow's insides, for its own files and tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-person-page.h"
#include "cp-person-view.h"
#include "cp-window.h"

G_BEGIN_DECLS

struct _CpWindow
{
  AdwApplicationWindow  parent_instance;

  CpStore              *store;
  gboolean              example;
  CpRecordList         *people;
  GtkSingleSelection   *selection;
  /* Where the shown person was last seen in the list, to find them again
   * after the list refreshes without reading the whole caseload. */
  guint                 selected_hint;
  /* Set while an arrow key walks the list, so a folded window does not
   * jump to each person passed on the way; cleared when the loop is idle. */
  gboolean              walking_list;
  /* Set while a refreshed list is told again who is shown. */
  gboolean              reselecting;
  guint                 walking_source;

  /* template children */
  GtkWidget            *example_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content_box;
  GtkWidget            *add_button;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  AdwStatusPage        *no_match_page;
  AdwViewSwitcherTitle *content_title;
  GtkWidget            *back_button;
  GtkWidget            *plan_menu_button;
  GtkStack             *content_stack;
  CpPersonView         *person_view;
  /* The view's profile tab, which owns who is shown. */
  CpPersonPage         *person_page;
};

/* cp-window-actions.c */
void _cp_window_actions_init  (CpWindow *self);

/* cp-window-print.c */
void _cp_window_print_actions_init   (CpWindow *self);
void _cp_window_print_actions_update (CpWindow *self);

/* cp-window.c */
void _cp_window_update_pages  (CpWindow *self);

G_END_DECLS
