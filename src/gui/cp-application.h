/* cp-application.h — Coplan, the application
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CP_TYPE_APPLICATION (cp_application_get_type ())
G_DECLARE_FINAL_TYPE (CpApplication, cp_application, CP, APPLICATION, AdwApplication)

CpApplication *cp_application_new               (void);

/* (nullable): NULL when the schema is not installed. */
GSettings     *cp_application_get_settings      (CpApplication *self);

void           cp_application_set_color_scheme  (CpApplication *self,
                                                 const char    *scheme);
void           cp_application_set_large_text    (CpApplication *self,
                                                 gboolean       large);
void           cp_application_set_contributor   (CpApplication *self,
                                                 const char    *name);

G_END_DECLS
