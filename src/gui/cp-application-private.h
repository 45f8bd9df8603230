/* cp-application-private.h — what the application's own files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coplan-core.h"
#include "cp-application.h"
#include "cp-window.h"

G_BEGIN_DECLS

struct _CpApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  gboolean        benchmark;
  gboolean        health_started;
  gint64          started_at;
  GSettings      *settings;
  CpStore        *store;
  /* Weak pointers: the windows belong to GTK. */
  CpWindow       *main_window;
  CpWindow       *example_window;
  GCancellable   *cancellable;
};

/* cp-application.c */
CpWindow *_cp_application_open_main_window   (CpApplication *self);
void      _cp_application_apply_contributor  (CpApplication *self,
                                              CpStore       *store);

/* cp-application-health.c: checks, backups and the dialogs about them. */
void      _cp_application_start_health_check (CpApplication *self);
void      _cp_application_show_store_error   (CpApplication *self,
                                              const GError  *error);

G_END_DECLS
