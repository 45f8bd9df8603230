/* cp-example.c — the example caseload, in its own database file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "coplan-core.h"
#include "cp-example.h"

#define EXAMPLE_PEOPLE 25
#define EXAMPLE_PAYMENTS 5000
#define EXAMPLE_SEED 1

char *
cp_example_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "coplan", "example.db", NULL);
}

/* Runs on a worker thread with its own store, closed before returning,
 * so the window can open the file as soon as it is made. */
static void
prepare_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const char *path = data;
  CpDemoOptions options = { EXAMPLE_PEOPLE, EXAMPLE_PAYMENTS, EXAMPLE_SEED };
  g_autoptr(CpStore) store = NULL;
  GError *error = NULL;
  gboolean ok = TRUE;

  store = cp_store_open (path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (cp_store_count (store, CP_TYPE_PERSON, NULL) == 0)
    ok = cp_demo_generate (store, &options, &error);
  cp_store_close (store);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
cp_example_prepare_async (const char *path, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cp_example_prepare_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, prepare_thread);
}

gboolean
cp_example_prepare_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
