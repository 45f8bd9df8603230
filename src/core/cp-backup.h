/* cp-backup.h — rotating backups, health checks and restore
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These work on their own connections, so they can run in a worker
 * thread while the app uses the store.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CP_BACKUP_KEEP 7

/* <folder of the database>/backups */
char      *cp_backup_folder        (const char   *db_path);

/* VACUUM INTO a temporary file, then rename into place: a backup is
 * whole or absent. The file is 0600. */
gboolean   cp_backup_write         (const char   *db_path,
                                    const char   *backup_path,
                                    GError      **error);

/* Writes a new timestamped backup into cp_backup_folder() and deletes
 * all but the newest CP_BACKUP_KEEP. Returns: (transfer full): its path. */
char      *cp_backup_rotate        (const char   *db_path,
                                    GError      **error);

/* Newest first. Returns: (transfer full) (element-type utf8) */
GPtrArray *cp_backup_list          (const char   *db_path);

/* PRAGMA quick_check (or integrity_check when @thorough) on its own
 * read-only connection. Returns FALSE with a message a person can read
 * when the file is damaged or is not a database. */
gboolean   cp_backup_check         (const char   *db_path,
                                    gboolean      thorough,
                                    GError      **error);

/* With the store closed: moves the damaged file aside (never deleting
 * it) and puts a copy of @backup_path in its place. */
gboolean   cp_backup_restore       (const char   *db_path,
                                    const char   *backup_path,
                                    GError      **error);

G_END_DECLS
