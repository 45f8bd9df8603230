/* cp-ledger-entry.c — one row of the ledger: a payment and what follows from it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The payment record itself plus the figures the ledger query works out
 * beside it, so a list row never runs a query of its own.
 */
#include "cp-ledger-entry.h"

struct _CpLedgerEntry
{
  GObject    parent_instance;

  CpPayment *payment;
  gint64     left_pence;
  char      *line_name;
  guint      n_receipts;
  char      *reversed_by;
};

G_DEFINE_FINAL_TYPE (CpLedgerEntry, cp_ledger_entry, G_TYPE_OBJECT)

static void
cp_ledger_entry_finalize (GObject *object)
{
  CpLedgerEntry *self = CP_LEDGER_ENTRY (object);

  g_clear_object (&self->payment);
  g_free (self->line_name);
  g_free (self->reversed_by);
  G_OBJECT_CLASS (cp_ledger_entry_parent_class)->finalize (object);
}

static void
cp_ledger_entry_class_init (CpLedgerEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_ledger_entry_finalize;
}

static void
cp_ledger_entry_init (CpLedgerEntry *self)
{
}

CpLedgerEntry *
cp_ledger_entry_new (CpPayment *payment, gint64 left_pence, const char *line_name,
                     guint n_receipts, const char *reversed_by)
{
  CpLedgerEntry *self;

  g_return_val_if_fail (CP_IS_PAYMENT (payment), NULL);

  self = g_object_new (CP_TYPE_LEDGER_ENTRY, NULL);
  self->payment = g_object_ref (payment);
  self->left_pence = left_pence;
  self->line_name = g_strdup (line_name ? line_name : "");
  self->n_receipts = n_receipts;
  self->reversed_by = g_strdup (reversed_by);
  return self;
}

CpPayment *
cp_ledger_entry_get_payment (CpLedgerEntry *self)
{
  g_return_val_if_fail (CP_IS_LEDGER_ENTRY (self), NULL);
  return self->payment;
}

const char *
cp_ledger_entry_get_id (CpLedgerEntry *self)
{
  g_return_val_if_fail (CP_IS_LEDGER_ENTRY (self), NULL);
  return cp_record_get_id (CP_RECORD (self->payment));
}

gint64
cp_ledger_entry_get_left_pence (CpLedgerEntry *self)
{
  g_return_val_if_fail (CP_IS_LEDGER_ENTRY (self), 0);
  return self->left_pence;
}

const char *
cp_ledger_entry_get_line_name (CpLedgerEntry *self)
{
  g_return_val_if_fail (CP_IS_LEDGER_ENTRY (self), NULL);
  return self->line_name;
}

guint
cp_ledger_entry_get_n_receipts (CpLedgerEntry *self)
{
  g_return_val_if_fail (CP_IS_LEDGER_ENTRY (self), 0);
  return self->n_receipts;
}

const char *
cp_ledger_entry_get_reversed_by (CpLedgerEntry *self)
{
  g_return_val_if_fail (CP_IS_LEDGER_ENTRY (self), NULL);
  return self->reversed_by;
}

const char *
cp_ledger_entry_get_reverses (CpLedgerEntry *self)
{
  const char *id;

  g_return_val_if_fail (CP_IS_LEDGER_ENTRY (self), NULL);
  id = cp_record_get_string (CP_RECORD (self->payment), "reverses-id");
  return id != NULL && *id != '\0' ? id : NULL;
}

/* A reversal is never reversed again, and a payment only once. */
gboolean
cp_ledger_entry_can_reverse (CpLedgerEntry *self)
{
  g_return_val_if_fail (CP_IS_LEDGER_ENTRY (self), FALSE);
  return self->reversed_by == NULL && cp_ledger_entry_get_reverses (self) == NULL;
}
