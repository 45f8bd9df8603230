/* cp-store-audit-batch.h — audit rows held back and written together
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

/* Audit rows of a batch, held back until the batch's records are in,
 * then written ordered by the row they describe: the audit_row index
 * (row_id, created_at) then takes them in order instead of at random,
 * which made a large import spend more time on its audit than on its
 * records. They are written in the same transaction, so a batch that is
 * rolled back leaves no audit row, and a committed one has them all. */
typedef struct _CpStoreAuditBatch CpStoreAuditBatch;

CpStoreAuditBatch *_cp_store_audit_batch_new   (void);
void               _cp_store_audit_batch_free  (CpStoreAuditBatch *batch);
/* Holds one audit row (as _cp_store_audit() would write it). @table,
 * @action, @field and the values are static strings; @row_id is copied. */
void               _cp_store_audit_batch_hold  (CpStoreAuditBatch *batch,
                                                const char        *table,
                                                const char        *row_id,
                                                const char        *action,
                                                const char        *field,
                                                const char        *old_value,
                                                const char        *new_value);
/* Writes the held rows, each dated now, and empties the batch. */
gboolean           _cp_store_audit_batch_write (CpStore           *self,
                                                CpStoreAuditBatch *batch,
                                                GError           **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpStoreAuditBatch, _cp_store_audit_batch_free)

G_END_DECLS
