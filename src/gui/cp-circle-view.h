/* cp-circle-view.h — the relationship circle on screen
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cp-support-circle.h"

G_BEGIN_DECLS

#define CP_TYPE_CIRCLE_VIEW (cp_circle_view_get_type ())
G_DECLARE_FINAL_TYPE (CpCircleView, cp_circle_view, CP, CIRCLE_VIEW, GtkWidget)

GtkWidget  *cp_circle_view_new          (void);
/* Copies @members (names too). */
void        cp_circle_view_set_members  (CpCircleView         *self,
                                         const char           *person_name,
                                         const CpCircleMember *members,
                                         guint                 n_members);
/* The member drawn highlighted (linked to the list's row), or -1. */
void        cp_circle_view_set_selected (CpCircleView         *self,
                                         int                   index);
int         cp_circle_view_get_selected (CpCircleView         *self);
const char *cp_circle_view_get_description (CpCircleView      *self);

G_END_DECLS
