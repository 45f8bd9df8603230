/* cp-store.h — the one write connection to Coplan's SQLite database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_STORE_ERROR (cp_store_error_quark ())

typedef enum
{
  CP_STORE_ERROR_OPEN,      /* the file could not be opened or created */
  CP_STORE_ERROR_BUSY,      /* another Coplan is writing this database */
  CP_STORE_ERROR_CORRUPT,   /* the file is damaged or not a database */
  CP_STORE_ERROR_TOO_NEW,   /* written by a newer Coplan */
  CP_STORE_ERROR_SQL,       /* a statement failed; nothing was changed */
  CP_STORE_ERROR_NOT_FOUND, /* no row with that id */
  CP_STORE_ERROR_INVALID,   /* a value broke a rule of the data */
} CpStoreError;

typedef enum
{
  CP_STORE_OPEN_DEFAULT   = 0,
  /* Read without the write lock: for `coplan-cli list` beside the app. */
  CP_STORE_OPEN_READ_ONLY = 1 << 0,
} CpStoreOpenFlags;

#define CP_TYPE_STORE (cp_store_get_type ())
G_DECLARE_FINAL_TYPE (CpStore, cp_store, CP, STORE, GObject)

GQuark      cp_store_error_quark       (void);

char       *cp_store_default_path      (void);
CpStore    *cp_store_open              (const char        *path,
                                        GError           **error);
CpStore    *cp_store_open_full         (const char        *path,
                                        CpStoreOpenFlags   flags,
                                        guint              target_version,
                                        GError           **error);
void        cp_store_close             (CpStore           *self);

/* A second read-write connection to @self's file, for one large write
 * (an import) in a worker thread while the window keeps drawing. Open it
 * on the main thread; then use it from one thread only, and close it
 * there or after that thread has finished with it.
 *
 * It has the write store's path, connection settings (WAL,
 * synchronous=FULL, foreign keys, busy timeout) and contributor, so its
 * audit rows name the person at the window. It does not migrate, and
 * shares the process's write lock instead of taking it again (a second
 * lock would be refused, and a second Coplan must still be).
 *
 * One writer at a time, still: from opening to cp_store_close() on the
 * sibling, cp_store_begin() on @self fails at once with
 * CP_STORE_ERROR_BUSY rather than waiting on the sibling's transaction,
 * so the two connections never write or checkpoint at the same moment
 * (RELIABILITY.md, the WAL-reset bug). @self may read meanwhile: it sees
 * the last commit before the sibling's.
 *
 * A sibling emits no "changed" signal (that would run @self's listeners
 * in the worker): what it commits is kept for
 * cp_store_steal_committed_changes(), for the main thread to announce
 * with cp_store_emit_changed() on @self.
 *
 * Refused (NULL and @error) for a read-only or closed store, inside an
 * open transaction, or while another sibling is open. */
CpStore    *cp_store_open_sibling      (CpStore           *self,
                                        GError           **error);
gboolean    cp_store_is_sibling        (CpStore           *self);
/* TRUE while a sibling of this write store is open (not yet closed). */
gboolean    cp_store_has_open_sibling  (CpStore           *self);
/* (transfer full): what a sibling committed, flattened as table, id,
 * table, id …, in commit order; the sibling forgets it. */
GPtrArray  *cp_store_steal_committed_changes (CpStore     *self);

const char *cp_store_get_path          (CpStore           *self);
guint       cp_store_get_schema_version (CpStore          *self);
gboolean    cp_store_is_read_only      (CpStore           *self);
sqlite3    *cp_store_get_db            (CpStore           *self);

/* Who is making changes now: written into every audit row. */
const char *cp_store_get_contributor   (CpStore           *self);
void        cp_store_set_contributor   (CpStore           *self,
                                        const char        *name);

/* Transactions nest: the outermost one is BEGIN IMMEDIATE … COMMIT,
 * inner ones are savepoints. Change notifications are emitted only when
 * the outermost transaction commits. */
gboolean    cp_store_begin             (CpStore           *self,
                                        GError           **error);
gboolean    cp_store_commit            (CpStore           *self,
                                        GError           **error);
void        cp_store_rollback          (CpStore           *self);

sqlite3_stmt *cp_store_prepare         (CpStore           *self,
                                        const char        *sql,
                                        GError           **error);
gboolean    cp_store_exec              (CpStore           *self,
                                        const char        *sql,
                                        GError           **error);
gboolean    cp_store_set_error_from_db (CpStore           *self,
                                        int                rc,
                                        GError           **error);

/* Generic entity storage (cp-store-records.c). */
gboolean    cp_store_insert            (CpStore           *self,
                                        CpRecord          *record,
                                        GError           **error);
gboolean    cp_store_update            (CpStore           *self,
                                        CpRecord          *record,
                                        GError           **error);
gboolean    cp_store_tombstone         (CpStore           *self,
                                        CpRecord          *record,
                                        GError           **error);
gpointer    cp_store_load              (CpStore           *self,
                                        GType              type,
                                        const char        *id,
                                        GError           **error);
gint64      cp_store_count             (CpStore           *self,
                                        GType              type,
                                        const char        *parent_id);
CpRecord   *cp_store_record_from_row   (CpStore           *self,
                                        GType              type,
                                        sqlite3_stmt      *stmt);
char       *cp_store_select_columns    (GType              type);

/* Emitted on the main thread after a commit, once per changed row. */
void        cp_store_emit_changed      (CpStore           *self,
                                        const char        *table,
                                        const char        *id);
void        _cp_store_queue_changed    (CpStore           *self,
                                        const char        *table,
                                        const char        *id);
gboolean    _cp_store_audit            (CpStore           *self,
                                        const char        *table,
                                        const char        *row_id,
                                        const char        *action,
                                        const char        *field,
                                        const char        *old_value,
                                        const char        *new_value,
                                        GError           **error);
/* One audit row, dated @when (cp-store-records.c). */
gboolean    _cp_store_write_audit_row  (CpStore           *self,
                                        const char        *when,
                                        const char        *table,
                                        const char        *row_id,
                                        const char        *action,
                                        const char        *field,
                                        const char        *old_value,
                                        const char        *new_value,
                                        GError           **error);
char       *cp_store_now_timestamp     (void);

G_END_DECLS
