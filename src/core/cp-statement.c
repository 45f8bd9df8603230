/* cp-statement.c — a bank or card statement read as proposed payments
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A statement is a CSV file whose header row names its columns. UK banks
 * and card providers use a handful of names for the same things, so the
 * header is matched against synonyms; a file without a recognisable
 * header is read once a person says which column is which.
 * Money out is spending and becomes a proposed payment. Money in (a
 * council's top-up, a refund) is not spending: it is shown and counted,
 * never imported as a payment.
 */
#define G_LOG_DOMAIN "cp-statement"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cp-date.h"
#include "cp-excluded-spending.h"
#include "cp-money.h"
#include "cp-statement.h"

/* Only the first rows are searched for the header: some banks put the
 * account name and number above it. */
#define HEADER_SEARCH_ROWS 15

struct _CpStatement
{
  char              *filename;
  CpCsv             *csv;
  CpStatementMapping mapping;
  gboolean           recognised;
  int                header_index; /* row index of the header, or -1 */
  GPtrArray         *rows;         /* CpStatementRow */
  GString           *note;
};

typedef enum
{
  FIELD_DATE,
  FIELD_DESCRIPTION,
  FIELD_AMOUNT,
  FIELD_PAID_OUT,
  FIELD_PAID_IN,
  FIELD_REFERENCE,
  FIELD_BALANCE,
  FIELD_TYPE,
} Field;

/* Header names as cp_statement_normalise_text() leaves them. */
static const struct
{
  const char *name;
  Field       field;
} synonyms[] = {
  { "date", FIELD_DATE }, { "transaction date", FIELD_DATE }, { "posting date", FIELD_DATE },
  { "posted date", FIELD_DATE }, { "date posted", FIELD_DATE }, { "value date", FIELD_DATE },
  { "completed date", FIELD_DATE }, { "trans date", FIELD_DATE }, { "txn date", FIELD_DATE },
  { "booking date", FIELD_DATE }, { "date of transaction", FIELD_DATE },
  { "description", FIELD_DESCRIPTION }, { "transaction description", FIELD_DESCRIPTION },
  { "details", FIELD_DESCRIPTION }, { "transaction details", FIELD_DESCRIPTION },
  { "narrative", FIELD_DESCRIPTION }, { "payee", FIELD_DESCRIPTION }, { "name", FIELD_DESCRIPTION },
  { "merchant", FIELD_DESCRIPTION }, { "merchant name", FIELD_DESCRIPTION },
  { "counter party", FIELD_DESCRIPTION }, { "counterparty", FIELD_DESCRIPTION },
  { "particulars", FIELD_DESCRIPTION }, { "memo", FIELD_DESCRIPTION },
  { "payee name", FIELD_DESCRIPTION }, { "retailer", FIELD_DESCRIPTION },
  { "amount", FIELD_AMOUNT }, { "transaction amount", FIELD_AMOUNT }, { "value", FIELD_AMOUNT },
  { "amount gbp", FIELD_AMOUNT }, { "gbp amount", FIELD_AMOUNT }, { "net amount", FIELD_AMOUNT },
  { "paid out", FIELD_PAID_OUT }, { "money out", FIELD_PAID_OUT }, { "debit", FIELD_PAID_OUT },
  { "debits", FIELD_PAID_OUT }, { "debit amount", FIELD_PAID_OUT }, { "withdrawal", FIELD_PAID_OUT },
  { "withdrawals", FIELD_PAID_OUT }, { "out", FIELD_PAID_OUT }, { "amount out", FIELD_PAID_OUT },
  { "spent", FIELD_PAID_OUT }, { "payments", FIELD_PAID_OUT }, { "outgoings", FIELD_PAID_OUT },
  { "paid in", FIELD_PAID_IN }, { "money in", FIELD_PAID_IN }, { "credit", FIELD_PAID_IN },
  { "credits", FIELD_PAID_IN }, { "credit amount", FIELD_PAID_IN }, { "deposit", FIELD_PAID_IN },
  { "deposits", FIELD_PAID_IN }, { "in", FIELD_PAID_IN }, { "amount in", FIELD_PAID_IN },
  { "received", FIELD_PAID_IN }, { "loads", FIELD_PAID_IN }, { "top ups", FIELD_PAID_IN },
  { "reference", FIELD_REFERENCE }, { "ref", FIELD_REFERENCE }, { "transaction reference", FIELD_REFERENCE },
  { "balance", FIELD_BALANCE }, { "running balance", FIELD_BALANCE }, { "available balance", FIELD_BALANCE },
  { "type", FIELD_TYPE }, { "transaction type", FIELD_TYPE }, { "txn type", FIELD_TYPE },
};

G_DEFINE_QUARK (cp-statement-error-quark, cp_statement_error)

static void
row_free (CpStatementRow *row)
{
  g_free (row->date);
  g_free (row->description);
  g_free (row->reference);
  g_free (row->type);
  g_free (row->problem);
  g_free (row->warning);
  g_free (row->year_warning);
  g_free (row->fingerprint);
  g_free (row);
}

void
cp_statement_free (CpStatement *self)
{
  if (self == NULL)
    return;
  g_free (self->filename);
  g_clear_pointer (&self->csv, cp_csv_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->note != NULL)
    g_string_free (self->note, TRUE);
  g_free (self);
}

void
cp_statement_mapping_init (CpStatementMapping *mapping)
{
  mapping->date = mapping->description = mapping->amount = -1;
  mapping->paid_out = mapping->paid_in = mapping->reference = -1;
  mapping->balance = mapping->type = -1;
  mapping->spending_positive = FALSE;
}

char *
cp_statement_normalise_text (const char *text)
{
  g_autofree char *composed = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (composed ? composed : "", -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, c);
      space = FALSE;
    }
  return g_string_free (out, FALSE);
}

static int *
mapping_slot (CpStatementMapping *mapping, Field field)
{
  switch (field)
    {
    case FIELD_DATE: return &mapping->date;
    case FIELD_DESCRIPTION: return &mapping->description;
    case FIELD_AMOUNT: return &mapping->amount;
    case FIELD_PAID_OUT: return &mapping->paid_out;
    case FIELD_PAID_IN: return &mapping->paid_in;
    case FIELD_REFERENCE: return &mapping->reference;
    case FIELD_BALANCE: return &mapping->balance;
    case FIELD_TYPE: return &mapping->type;
    default: g_assert_not_reached ();
    }
  return NULL;
}

/* "Amount (GBP)" and "Paid out £" name the same columns as "Amount" and "Paid out". */
static char *
normalise_header (const char *text)
{
  g_autofree char *name = cp_statement_normalise_text (text);
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (!g_str_equal (words[i], "gbp") || words[1] == NULL)
      g_strv_builder_add (kept, words[i]);
  result = g_strv_builder_end (kept);
  return g_strjoinv (" ", result);
}

static int
match_header (const char *text, Field *field)
{
  g_autofree char *name = normalise_header (text);

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_str_equal (name, synonyms[i].name))
      {
        *field = synonyms[i].field;
        return TRUE;
      }
  return FALSE;
}

/* Counts the names recognised; the first column of each kind wins. */
static guint
detect_fields (const char *const *header, guint n_fields, CpStatementMapping *mapping)
{
  guint n_known = 0;

  cp_statement_mapping_init (mapping);
  for (guint i = 0; i < n_fields; i++)
    {
      Field field;
      int *slot;

      if (!match_header (header[i], &field))
        continue;
      n_known++;
      slot = mapping_slot (mapping, field);
      if (*slot < 0)
        *slot = (int) i;
    }
  return n_known;
}

gboolean
cp_statement_mapping_check (const CpStatementMapping *mapping, GError **error)
{
  if (mapping->date < 0)
    {
      g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_MAPPING,
                   _("Say which column holds the date."));
      return FALSE;
    }
  if (mapping->description < 0)
    {
      g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_MAPPING,
                   _("Say which column holds the description (who was paid)."));
      return FALSE;
    }
  if (mapping->amount < 0 && mapping->paid_out < 0)
    {
      g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_MAPPING,
                   _("Say which column holds the amount, or which holds the money paid out."));
      return FALSE;
    }
  if (mapping->amount >= 0 && (mapping->paid_out >= 0 || mapping->paid_in >= 0))
    {
      g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_MAPPING,
                   _("Choose either one amount column, or paid out and paid in columns, not both."));
      return FALSE;
    }
  return TRUE;
}

gboolean
cp_statement_mapping_detect (const char *const *header, guint n_fields, CpStatementMapping *mapping)
{
  detect_fields (header, n_fields, mapping);
  /* A file with both one amount and debit/credit columns: the pair says more. */
  if (mapping->amount >= 0 && mapping->paid_out >= 0)
    mapping->amount = -1;
  if (mapping->amount >= 0 && mapping->paid_in >= 0)
    mapping->paid_in = -1;
  return cp_statement_mapping_check (mapping, NULL);
}

static gboolean
parse_mapping_item (const char *item, CpStatementMapping *mapping, GError **error)
{
  static const struct { const char *key; Field field; } keys[] = {
    { "date", FIELD_DATE }, { "description", FIELD_DESCRIPTION }, { "payee", FIELD_DESCRIPTION },
    { "amount", FIELD_AMOUNT }, { "out", FIELD_PAID_OUT }, { "paid-out", FIELD_PAID_OUT },
    { "in", FIELD_PAID_IN }, { "paid-in", FIELD_PAID_IN }, { "reference", FIELD_REFERENCE },
    { "balance", FIELD_BALANCE }, { "type", FIELD_TYPE },
  };
  g_auto(GStrv) parts = g_strsplit (item, "=", 2);
  guint64 column;

  if (g_strv_length (parts) != 2 || !g_ascii_isdigit (parts[1][0]) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 1000, &column, NULL))
    {
      g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_MAPPING,
                   _("“%s” is not a column: write it like date=1 (columns count from 1)."), item);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (g_strstrip (parts[0]), keys[i].key))
      {
        *mapping_slot (mapping, keys[i].field) = (int) column - 1;
        return TRUE;
      }
  g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_MAPPING,
               _("“%s” is not something a column can hold: use date, description, amount, out, "
                 "in, reference, balance or type."), parts[0]);
  return FALSE;
}

gboolean
cp_statement_mapping_parse (const char *text, CpStatementMapping *mapping, GError **error)
{
  g_auto(GStrv) items = g_strsplit (text ? text : "", ",", -1);

  cp_statement_mapping_init (mapping);
  for (guint i = 0; items[i] != NULL; i++)
    {
      if (g_str_equal (g_strstrip (items[i]), "spending=positive"))
        mapping->spending_positive = TRUE;
      else if (!parse_mapping_item (items[i], mapping, error))
        return FALSE;
    }
  return cp_statement_mapping_check (mapping, error);
}

/* Finds a header row among the first rows; -1 when there is none. */
static int
find_header (CpCsv *csv, CpStatementMapping *mapping, gboolean *complete)
{
  guint n = MIN (cp_csv_get_n_rows (csv), HEADER_SEARCH_ROWS);
  int partial = -1;

  *complete = FALSE;
  for (guint i = 0; i < n; i++)
    {
      const CpCsvRow *row = cp_csv_get_row (csv, i);
      CpStatementMapping found;

      if (cp_statement_mapping_detect ((const char *const *) row->fields, row->n_fields, &found))
        {
          *mapping = found;
          *complete = TRUE;
          return (int) i;
        }
      if (partial < 0 && detect_fields ((const char *const *) row->fields, row->n_fields, &found) >= 2)
        partial = (int) i;
    }
  return partial;
}

CpStatement *
cp_statement_new_from_data (const char *data, gssize length, const char *filename, GError **error)
{
  g_autoptr(CpStatement) self = g_new0 (CpStatement, 1);

  self->filename = g_strdup (filename ? filename : "");
  self->note = g_string_new (NULL);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  cp_statement_mapping_init (&self->mapping);
  self->csv = cp_csv_parse (data, length, error);
  if (self->csv == NULL)
    return NULL;
  if (cp_csv_get_note (self->csv) != NULL)
    g_string_append (self->note, cp_csv_get_note (self->csv));
  self->header_index = find_header (self->csv, &self->mapping, &self->recognised);
  if (self->recognised && !cp_statement_set_mapping (self, &self->mapping, error))
    return NULL;
  return g_steal_pointer (&self);
}

CpStatement *
cp_statement_load (const char *path, GError **error)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  g_autofree char *name = g_path_get_basename (path);

  if (file == NULL)
    return NULL;
  return cp_statement_new_from_data (g_mapped_file_get_contents (file) ? g_mapped_file_get_contents (file) : "",
                                     g_mapped_file_get_length (file), name, error);
}

static const char *
cell (const CpCsvRow *row, int column)
{
  if (column < 0 || (guint) column >= row->n_fields)
    return "";
  return row->fields[column];
}

/* "03/04/2026 14:22" and "2026-04-03T14:22:00Z": the day is what matters. */
static char *
date_without_time (const char *text)
{
  char *date = g_strstrip (g_strdup (text));
  char *t = strchr (date, 'T');
  char *colon = strchr (date, ':');

  if (t != NULL && t - date == 10 && g_ascii_isdigit (t[1]))
    *t = '\0';
  else if (colon != NULL)
    {
      char *space = strrchr (date, ' ');
      if (space != NULL && space < colon)
        *space = '\0';
    }
  return g_strstrip (date);
}

static char *
read_date (const char *text, GError **error)
{
  g_autofree char *date_text = date_without_time (text);
  g_autoptr(GDate) date = NULL;
  g_autoptr(GError) local = NULL;

  if (*date_text == '\0')
    {
      g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_BAD_ROWS, _("there is no date."));
      return NULL;
    }
  date = cp_date_parse_user (date_text, &local);
  if (date == NULL)
    {
      g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_BAD_ROWS,
                   _("the date “%s” cannot be read: %s"), date_text, local->message);
      return NULL;
    }
  return cp_date_to_iso (date);
}

/* Strips a trailing word (" CR", "DR", "GBP") case-insensitively. */
static gboolean
strip_suffix (char *text, const char *suffix)
{
  gsize len = strlen (text);
  gsize slen = strlen (suffix);

  if (len < slen || g_ascii_strcasecmp (text + len - slen, suffix) != 0)
    return FALSE;
  text[len - slen] = '\0';
  g_strchomp (text);
  return TRUE;
}

/* A signed amount: minus, brackets, or CR (in) / DR (out) after it. */
static gboolean
read_amount (const char *text, gint64 *pence, GError **error)
{
  g_autofree char *shown = g_strstrip (g_strdup (text));
  g_autofree char *body = g_strdup (shown);
  g_autoptr(GError) local = NULL;
  int sign = 1;

  strip_suffix (body, "GBP");
  if (g_str_has_prefix (body, "GBP"))
    memmove (body, body + 3, strlen (body + 3) + 1);
  if (strip_suffix (body, "DR"))
    sign = -1;
  else if (strip_suffix (body, "CR"))
    sign = 1;
  if (!cp_money_parse (body, pence, &local))
    {
      g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_BAD_ROWS,
                   _("the amount “%s” cannot be read: %s"), shown, local->message);
      return FALSE;
    }
  if (sign < 0)
    *pence = -ABS (*pence);
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Paid out and paid in: each a size, whatever sign the bank gave it. */
static gboolean
read_out_in (const CpStatementMapping *mapping, const CpCsvRow *csv_row, gint64 *net, GError **error)
{
  const char *out_text = cell (csv_row, mapping->paid_out);
  const char *in_text = cell (csv_row, mapping->paid_in);
  gint64 out = 0, in = 0;

  if (is_blank (out_text) && is_blank (in_text))
    {
      g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_BAD_ROWS,
                   _("there is no amount paid out or paid in."));
      return FALSE;
    }
  if (!is_blank (out_text) && !read_amount (out_text, &out, error))
    return FALSE;
  if (!is_blank (in_text) && !read_amount (in_text, &in, error))
    return FALSE;
  if (out != 0 && in != 0)
    {
      g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_BAD_ROWS,
                   _("it has money both paid out and paid in; a row should have one."));
      return FALSE;
    }
  *net = out != 0 ? -ABS (out) : ABS (in);
  return TRUE;
}

/* Money out is negative in @net. */
static gboolean
read_net (const CpStatementMapping *mapping, const CpCsvRow *csv_row, gint64 *net, GError **error)
{
  const char *text;

  if (mapping->amount < 0)
    return read_out_in (mapping, csv_row, net, error);
  text = cell (csv_row, mapping->amount);
  if (is_blank (text))
    {
      g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_BAD_ROWS, _("there is no amount."));
      return FALSE;
    }
  if (!read_amount (text, net, error))
    return FALSE;
  if (mapping->spending_positive)
    *net = -*net;
  return TRUE;
}

static void
set_kind (CpStatementRow *row, gint64 net)
{
  row->amount_pence = ABS (net);
  if (net < 0)
    row->kind = CP_STATEMENT_ROW_SPENDING;
  else if (net > 0)
    row->kind = CP_STATEMENT_ROW_MONEY_IN;
  else
    row->kind = CP_STATEMENT_ROW_ZERO;
}

static CpStatementRow *
read_row (const CpStatementMapping *mapping, const CpCsvRow *csv_row)
{
  CpStatementRow *row = g_new0 (CpStatementRow, 1);
  g_autoptr(GError) error = NULL;
  gint64 net = 0;

  row->line = csv_row->line;
  row->description = g_strstrip (g_strdup (cell (csv_row, mapping->description)));
  row->reference = g_strstrip (g_strdup (cell (csv_row, mapping->reference)));
  row->type = g_strstrip (g_strdup (cell (csv_row, mapping->type)));
  row->date = read_date (cell (csv_row, mapping->date), &error);
  if (row->date != NULL && read_net (mapping, csv_row, &net, &error) && *row->description == '\0')
    g_set_error (&error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_BAD_ROWS,
                 _("there is no description, so nobody could tell what was paid for."));
  if (error != NULL)
    {
      row->kind = CP_STATEMENT_ROW_PROBLEM;
      row->problem = g_strdup (error->message);
      return row;
    }
  set_kind (row, net);
  if (row->kind == CP_STATEMENT_ROW_SPENDING)
    row->warning = cp_excluded_spending_check (row->description, row->reference);
  return row;
}

/* Two identical rows (two coffees on one day) get different fingerprints
 * by counting how many came before in the file, so each imports once. */
static void
add_fingerprints (CpStatement *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      CpStatementRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *text = NULL;
      g_autofree char *key = NULL;
      g_autofree char *full = NULL;
      guint occurrence;

      if (row->kind != CP_STATEMENT_ROW_SPENDING)
        continue;
      text = cp_statement_normalise_text (row->description);
      key = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s", row->date, row->amount_pence, text);
      occurrence = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) + 1;
      g_hash_table_replace (seen, g_strdup (key), GUINT_TO_POINTER (occurrence));
      full = g_strdup_printf ("%s\x1f%u", key, occurrence);
      row->fingerprint = g_compute_checksum_for_string (G_CHECKSUM_SHA256, full, -1);
    }
}

/* Rows above the header are the account's name and number: not rows. */
static void
note_preamble (CpStatement *self)
{
  if (self->header_index <= 0)
    return;
  if (self->note->len > 0)
    g_string_append_c (self->note, ' ');
  g_string_append_printf (self->note,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The line above the column names was left out.",
                                       "The %d lines above the column names were left out.",
                                       self->header_index),
                          self->header_index);
}

/* Some cards show spending as positive amounts: then every row would
 * look like money in, and nothing would be imported without a word. */
static void
note_all_money_in (CpStatement *self)
{
  if (self->mapping.amount < 0 || cp_statement_count_kind (self, CP_STATEMENT_ROW_SPENDING) > 0 ||
      cp_statement_count_kind (self, CP_STATEMENT_ROW_MONEY_IN) == 0)
    return;
  if (self->note->len > 0)
    g_string_append_c (self->note, ' ');
  g_string_append (self->note, _("Every row is money in, so there is nothing to import. If this "
                                 "statement shows spending as positive amounts, say so where the "
                                 "columns are chosen."));
}

/* With a mapping chosen by hand, a first row whose date cell is a word
 * ("Date", "When") is taken as the column names. */
static int
guess_header_index (CpStatement *self, const CpStatementMapping *mapping)
{
  const CpCsvRow *first = cp_csv_get_row (self->csv, 0);
  const char *text = cell (first, mapping->date);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  if (self->header_index >= 0)
    return self->header_index;
  date = read_date (text, &error);
  if (date != NULL)
    return -1;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return -1;
  return 0;
}

/* A column past the widest row of the file is a mistake in the mapping,
 * not a problem on every row. */
static gboolean
check_columns_exist (CpStatement *self, const CpStatementMapping *mapping, GError **error)
{
  const int columns[] = { mapping->date, mapping->description, mapping->amount, mapping->paid_out,
                          mapping->paid_in, mapping->reference, mapping->balance, mapping->type };
  guint width = cp_csv_get_width (self->csv);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (columns[i] >= 0 && (guint) columns[i] >= width)
      {
        g_set_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_MAPPING,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "There is no column %d: this file has only %u column.",
                                  "There is no column %d: this file has only %u columns.", width),
                     columns[i] + 1, width);
        return FALSE;
      }
  return TRUE;
}

gboolean
cp_statement_set_mapping (CpStatement *self, const CpStatementMapping *mapping, GError **error)
{
  CpStatementMapping copy = *mapping;

  if (!cp_statement_mapping_check (&copy, error) || !check_columns_exist (self, &copy, error))
    return FALSE;
  self->mapping = copy;
  self->header_index = guess_header_index (self, &copy);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = (guint) (self->header_index + 1); i < cp_csv_get_n_rows (self->csv); i++)
    g_ptr_array_add (self->rows, read_row (&copy, cp_csv_get_row (self->csv, i)));
  add_fingerprints (self);
  g_string_truncate (self->note, 0);
  if (cp_csv_get_note (self->csv) != NULL)
    g_string_append (self->note, cp_csv_get_note (self->csv));
  note_preamble (self);
  note_all_money_in (self);
  self->recognised = TRUE;
  return TRUE;
}

gboolean
cp_statement_is_recognised (CpStatement *self)
{
  return self->recognised;
}

const CpStatementMapping *
cp_statement_get_mapping (CpStatement *self)
{
  return &self->mapping;
}

const char *
cp_statement_get_filename (CpStatement *self)
{
  return self->filename;
}

CpCsv *
cp_statement_get_csv (CpStatement *self)
{
  return self->csv;
}

guint
cp_statement_get_header_line (CpStatement *self)
{
  if (self->header_index < 0)
    return 0;
  return cp_csv_get_row (self->csv, (guint) self->header_index)->line;
}

const char *
cp_statement_get_note (CpStatement *self)
{
  return self->note->len > 0 ? self->note->str : NULL;
}

guint
cp_statement_get_n_rows (CpStatement *self)
{
  return self->rows->len;
}

CpStatementRow *
cp_statement_get_row (CpStatement *self, guint index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

guint
cp_statement_count_kind (CpStatement *self, CpStatementRowKind kind)
{
  guint n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    if (((CpStatementRow *) g_ptr_array_index (self->rows, i))->kind == kind)
      n++;
  return n;
}

char *
cp_statement_describe_problems (CpStatement *self, guint max_lines)
{
  GString *text = g_string_new (NULL);
  guint shown = 0, total = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      CpStatementRow *row = g_ptr_array_index (self->rows, i);

      if (row->kind != CP_STATEMENT_ROW_PROBLEM)
        continue;
      total++;
      if (max_lines > 0 && shown >= max_lines)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: "Line 12: the date “31/02/2026” cannot be read: …" */
      g_string_append_printf (text, _("Line %u: %s"), row->line, row->problem);
      shown++;
    }
  if (total > shown)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more row.",
                                                 "… and %u more rows.", total - shown),
                              total - shown);
    }
  return g_string_free (text, FALSE);
}
