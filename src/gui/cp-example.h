/* cp-example.h — the example caseload, in its own database file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The example never touches the person's real data: it lives in
 * example.db beside coplan.db and is made in a worker thread.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* $XDG_DATA_HOME/coplan/example.db */
char     *cp_example_path           (void);

/* Makes the example database at @path unless it is already there. */
void      cp_example_prepare_async  (const char           *path,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean  cp_example_prepare_finish (GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
