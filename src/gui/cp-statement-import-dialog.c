/* cp-statement-import-dialog.c — import a bank or card statement (CSV)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three steps in one window: choose a file; say which column is which
 * if the layout is not recognised; see every row as it would be stored
 * (new, already imported, money in, a problem, a warning) and import.
 * Nothing is stored until the person presses Import and, when rows have
 * problems or warnings, says so again.
 *
 * A statement is the record of one account, so the preview asks which
 * of the plan's direct-payment or prepaid-card streams it is of: chosen
 * already when there is one, asked for when there are several (Import
 * waits), said in words when there are none. Every payment gets that
 * stream, and so counts in its monitoring return.
 */
#define G_LOG_DOMAIN "cp-statement-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-statement-import-dialog.h"
#include "cp-window.h"

/* Rows shown in the mapping step's sample. */
#define SAMPLE_ROWS 5

typedef enum
{
  COLUMN_LINE,
  COLUMN_DATE,
  COLUMN_DESCRIPTION,
  COLUMN_AMOUNT,
  COLUMN_STATUS,
} Column;

struct _CpStatementImportDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkButton         *import_button;
  GtkButton         *show_rows_button;
  GtkLabel          *choose_error_label;
  AdwComboRow       *date_row;
  AdwComboRow       *description_row;
  AdwComboRow       *amount_row;
  AdwComboRow       *paid_out_row;
  AdwComboRow       *paid_in_row;
  GtkSwitch         *positive_switch;
  GtkLabel          *sample_label;
  GtkLabel          *mapping_error_label;
  GtkLabel          *summary_label;
  GtkLabel          *details_label;
  AdwComboRow       *line_row;
  AdwComboRow       *stream_row;
  AdwActionRow      *no_account_row;
  GtkColumnView     *column_view;

  /* Owned references */
  CpStore           *store;
  char              *plan_id;
  CpStatement       *statement;
  GPtrArray         *line_ids;      /* index 0 is "no line": NULL */
  GPtrArray         *stream_ids;    /* per stream_row item: an id, or NULL for "not one of these" */
  gboolean           stream_asked;  /* several accounts: item 0 asks to choose one */
  GtkStringList     *rows_model;    /* each item: the row's index */
  CpStatementCounts  counts;

  /* Borrowed: where the toast goes */
  GtkWidget         *toast_parent;
};

enum { SIGNAL_IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CpStatementImportDialog, cp_statement_import_dialog, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------ */
/* The preview's cells                                                 */

static const CpStatementRow *
row_for_item (CpStatementImportDialog *self, GtkListItem *item)
{
  GtkStringObject *object = gtk_list_item_get_item (item);
  guint64 index = g_ascii_strtoull (gtk_string_object_get_string (object), NULL, 10);

  return cp_statement_get_row (self->statement, (guint) index);
}

/* The status in words, and the style class that goes with it. */
static char *
status_text (const CpStatementRow *row, const char **style)
{
  *style = NULL;
  switch (row->kind)
    {
    case CP_STATEMENT_ROW_PROBLEM:
      *style = "error";
      return g_strdup_printf (_("Problem: %s"), row->problem);
    case CP_STATEMENT_ROW_MONEY_IN:
      *style = "dim-label";
      return g_strdup (_("Money in: not spending, not imported"));
    case CP_STATEMENT_ROW_ZERO:
      *style = "dim-label";
      return g_strdup (_("Nothing paid: not imported"));
    case CP_STATEMENT_ROW_SPENDING:
    default:
      break;
    }
  if (row->status == CP_STATEMENT_STATUS_ALREADY_IMPORTED)
    {
      *style = "dim-label";
      return g_strdup (_("Already imported"));
    }
  if (row->warning != NULL || row->year_warning != NULL)
    {
      *style = "warning";
      return g_strdup_printf (_("Warning: %s"), row->warning ? row->warning : row->year_warning);
    }
  if (row->status == CP_STATEMENT_STATUS_POSSIBLE_DUPLICATE)
    {
      *style = "warning";
      return g_strdup (_("Possible duplicate of a payment typed in by hand"));
    }
  return g_strdup (_("New"));
}

static char *
cell_text (const CpStatementRow *row, Column column, const char **style)
{
  g_autoptr(GDate) date = NULL;

  *style = NULL;
  switch (column)
    {
    case COLUMN_LINE:
      return g_strdup_printf ("%u", row->line);
    case COLUMN_DATE:
      date = row->date ? cp_date_parse_iso (row->date, NULL) : NULL;
      return date ? cp_date_format_long (date) : g_strdup ("");
    case COLUMN_DESCRIPTION:
      return g_strdup (row->description);
    case COLUMN_AMOUNT:
      if (row->kind == CP_STATEMENT_ROW_PROBLEM)
        return g_strdup ("");
      if (row->kind == CP_STATEMENT_ROW_MONEY_IN)
        {
          g_autofree char *money = cp_money_format (row->amount_pence);
          /* TRANSLATORS: money paid into the account, e.g. "£12.99 in" */
          return g_strdup_printf (_("%s in"), money);
        }
      return cp_money_format (row->amount_pence);
    case COLUMN_STATUS:
    default:
      return status_text (row, style);
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_AMOUNT || column == COLUMN_LINE ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), column == COLUMN_STATUS || column == COLUMN_DESCRIPTION);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (column == COLUMN_AMOUNT || column == COLUMN_LINE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  CpStatementImportDialog *self = data;
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *style = NULL;
  g_autofree char *text = cell_text (row_for_item (self, item), column, &style);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "dim-label");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
}

static void
add_column (CpStatementImportDialog *self, const char *title, Column column, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/* ------------------------------------------------------------------ */
/* The preview                                                         */

static void
append_sentence (GString *text, const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

static char *
summary_text (const CpStatementCounts *counts)
{
  g_autofree char *money = cp_money_format (counts->new_pence);
  guint to_add = counts->new_rows;

  if (to_add == 0 && counts->possible_duplicates == 0)
    return g_strdup (_("Nothing new to add: every payment in this file is already in the spending list, "
                       "or could not be read."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new payment to add, %s in all.",
                                       "%u new payments to add, %s in all.", to_add),
                          to_add, money);
}

/* Everything that will not simply be added, in words. */
static char *
details_text (CpStatementImportDialog *self, const CpStatementCounts *counts)
{
  GString *text = g_string_new (NULL);
  g_autofree char *money_in = cp_money_format (counts->money_in_pence);
  g_autofree char *sentence = NULL;

  if (counts->already_imported > 0)
    {
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u row was imported before and is left out.",
                                               "%u rows were imported before and are left out.",
                                               counts->already_imported), counts->already_imported);
      append_sentence (text, sentence);
      g_clear_pointer (&sentence, g_free);
    }
  if (counts->money_in > 0)
    {
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u row is money in (%s): it is not spending, so it is not imported.",
                                               "%u rows are money in (%s): they are not spending, so they are not imported.",
                                               counts->money_in), counts->money_in, money_in);
      append_sentence (text, sentence);
      g_clear_pointer (&sentence, g_free);
    }
  if (counts->possible_duplicates > 0)
    {
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u row matches a payment typed in by hand: you will be asked about it.",
                                               "%u rows match payments typed in by hand: you will be asked about them.",
                                               counts->possible_duplicates), counts->possible_duplicates);
      append_sentence (text, sentence);
      g_clear_pointer (&sentence, g_free);
    }
  if (counts->problems > 0)
    {
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u row could not be read (see “Problem” below).",
                                               "%u rows could not be read (see “Problem” below).",
                                               counts->problems), counts->problems);
      append_sentence (text, sentence);
      g_clear_pointer (&sentence, g_free);
    }
  if (counts->warnings > 0)
    {
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u payment looks like spending a personal budget cannot be used for (see “Warning” below).",
                                               "%u payments look like spending a personal budget cannot be used for (see “Warning” below).",
                                               counts->warnings), counts->warnings);
      append_sentence (text, sentence);
    }
  if (cp_statement_get_note (self->statement) != NULL)
    append_sentence (text, cp_statement_get_note (self->statement));
  return g_string_free (text, FALSE);
}

static void
fill_lines (CpStatementImportDialog *self)
{
  g_autoptr(CpRecordList) lines = cp_record_list_new (self->store, CP_TYPE_BUDGET_LINE, self->plan_id);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (lines));

  g_ptr_array_set_size (self->line_ids, 0);
  gtk_string_list_append (names, _("None"));
  g_ptr_array_add (self->line_ids, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRecord) line = g_list_model_get_item (G_LIST_MODEL (lines), i);
      const char *category = cp_record_get_string (line, "category");
      const char *description = cp_record_get_string (line, "description");
      const char *name = category && *category ? cp_budget_category_name (category) : NULL;
      g_autofree char *label = NULL;

      if (name == NULL)
        name = category;
      label = description && *description ? g_strdup_printf ("%s — %s", name ? name : "", description)
                                          : g_strdup (name ? name : "");
      gtk_string_list_append (names, label);
      g_ptr_array_add (self->line_ids, g_strdup (cp_record_get_id (line)));
    }
  adw_combo_row_set_model (self->line_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->line_row, 0);
}

/* "Personal health budget — Direct payment" */
static char *
account_label (CpRecord *stream)
{
  const char *name = cp_record_get_string (stream, "name");
  int management;

  g_object_get (stream, "management", &management, NULL);
  /* TRANSLATORS: a funding stream's name, then how it is held */
  return g_strdup_printf (_("%s — %s"), name && *name ? name : _("Unnamed stream"),
                          cp_budget_management_name (management));
}

static gboolean
stream_is_chosen (CpStatementImportDialog *self)
{
  return !self->stream_asked || adw_combo_row_get_selected (self->stream_row) != 0;
}

static void
update_import_button (CpStatementImportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            self->statement != NULL && stream_is_chosen (self) &&
                            self->counts.new_rows + self->counts.possible_duplicates > 0);
}

/* The choices in full: stream names are long and alike ("Personal budget,
 * Tower Hamlets"), and the part that tells them apart comes last. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkStringObject *choice = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (choice));
}

static void
stream_selected_cb (CpStatementImportDialog *self)
{
  update_import_button (self);
}

/* The accounts the statement can be of; the choice made before, if it
 * is still one of them (the preview is filled again after Change Columns). */
static void
fill_streams (CpStatementImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) streams = cp_statement_import_list_accounts (self->store, self->plan_id, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *chosen = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n;

  if (streams == NULL)
    {
      g_warning ("Could not list the plan's accounts: %s", error->message);
      streams = g_ptr_array_new ();
    }
  n = streams->len;
  selected = adw_combo_row_get_selected (self->stream_row);
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->stream_ids->len)
    chosen = g_strdup (g_ptr_array_index (self->stream_ids, selected));
  g_ptr_array_set_size (self->stream_ids, 0);
  self->stream_asked = n > 1;
  if (self->stream_asked)
    {
      gtk_string_list_append (names, _("Choose…"));
      g_ptr_array_add (self->stream_ids, NULL);
    }
  selected = 0;
  for (guint i = 0; i < n; i++)
    {
      CpRecord *stream = g_ptr_array_index (streams, i);
      g_autofree char *label = account_label (stream);

      if (g_strcmp0 (chosen, cp_record_get_id (stream)) == 0)
        selected = self->stream_ids->len;
      gtk_string_list_append (names, label);
      g_ptr_array_add (self->stream_ids, g_strdup (cp_record_get_id (stream)));
    }
  gtk_string_list_append (names, _("Not one of these (the budget line's stream)"));
  g_ptr_array_add (self->stream_ids, NULL);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->stream_row),
                               self->stream_asked
                               ? _("This plan has more than one direct payment or prepaid card: "
                                   "choose the account this statement is of.")
                               : _("The account this statement is of: its monitoring return "
                                   "counts these payments."));
  adw_combo_row_set_model (self->stream_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->stream_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->stream_row), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_account_row), n == 0);
}

static void
fill_rows (CpStatementImportDialog *self)
{
  guint n = cp_statement_get_n_rows (self->statement);
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  GtkNoSelection *selection;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (indexes, g_strdup_printf ("%u", i));
  g_ptr_array_add (indexes, NULL);
  g_clear_object (&self->rows_model);
  self->rows_model = gtk_string_list_new ((const char *const *) indexes->pdata);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
show_preview (CpStatementImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;

  if (!cp_statement_import_check (self->store, self->statement, self->plan_id, &error))
    {
      gtk_label_set_text (self->choose_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->choose_error_label), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "choose");
      return;
    }
  cp_statement_import_count (self->statement, CP_STATEMENT_IMPORT_DEFAULT, &self->counts);
  summary = summary_text (&self->counts);
  details = details_text (self, &self->counts);
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');
  fill_lines (self);
  fill_streams (self);
  fill_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->show_rows_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), TRUE);
  update_import_button (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

/* ------------------------------------------------------------------ */
/* The mapping step                                                    */

static char *
sample_text (CpCsv *csv)
{
  GString *text = g_string_new (NULL);
  guint n = MIN (cp_csv_get_n_rows (csv), SAMPLE_ROWS);

  for (guint i = 0; i < n; i++)
    {
      const CpCsvRow *row = cp_csv_get_row (csv, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Line %u:"), row->line);
      for (guint j = 0; j < row->n_fields; j++)
        /* TRANSLATORS: a column number and what the file holds there */
        g_string_append_printf (text, _("   [%u] %s"), j + 1, row->fields[j]);
    }
  return g_string_free (text, FALSE);
}

static GListModel *
column_choices (CpCsv *csv)
{
  const CpCsvRow *first = cp_csv_get_row (csv, 0);
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("Not in this file"));
  for (guint i = 0; i < cp_csv_get_width (csv); i++)
    {
      const char *cell = i < first->n_fields ? first->fields[i] : "";
      g_autofree char *shown = g_utf8_substring (cell, 0, MIN (g_utf8_strlen (cell, -1), 24));
      g_autofree char *label = g_strdup_printf (_("Column %u: “%s”"), i + 1, shown);

      gtk_string_list_append (choices, label);
    }
  return G_LIST_MODEL (choices);
}

static void
set_choices (AdwComboRow *row, GListModel *choices, guint selected)
{
  adw_combo_row_set_model (row, choices);
  adw_combo_row_set_selected (row, MIN (selected, g_list_model_get_n_items (choices) - 1));
}

/* The columns read now, or a first guess in the usual order: date,
 * description, amount. */
static void
show_mapping (CpStatementImportDialog *self)
{
  CpCsv *csv = cp_statement_get_csv (self->statement);
  g_autoptr(GListModel) choices = column_choices (csv);
  g_autofree char *sample = sample_text (csv);
  CpStatementMapping guess;

  cp_statement_mapping_init (&guess);
  guess.date = 0;
  guess.description = 1;
  guess.amount = 2;
  if (cp_statement_is_recognised (self->statement))
    guess = *cp_statement_get_mapping (self->statement);
  set_choices (self->date_row, choices, (guint) (guess.date + 1));
  set_choices (self->description_row, choices, (guint) (guess.description + 1));
  set_choices (self->amount_row, choices, (guint) (guess.amount + 1));
  set_choices (self->paid_out_row, choices, (guint) (guess.paid_out + 1));
  set_choices (self->paid_in_row, choices, (guint) (guess.paid_in + 1));
  gtk_switch_set_active (self->positive_switch, guess.spending_positive);
  gtk_label_set_text (self->sample_label, sample);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->show_rows_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
}

static int
chosen_column (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected == GTK_INVALID_LIST_POSITION || selected == 0 ? -1 : (int) selected - 1;
}

static void
show_rows_clicked_cb (CpStatementImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  CpStatementMapping mapping;

  cp_statement_mapping_init (&mapping);
  mapping.date = chosen_column (self->date_row);
  mapping.description = chosen_column (self->description_row);
  mapping.amount = chosen_column (self->amount_row);
  mapping.paid_out = chosen_column (self->paid_out_row);
  mapping.paid_in = chosen_column (self->paid_in_row);
  mapping.spending_positive = gtk_switch_get_active (self->positive_switch);
  if (!cp_statement_set_mapping (self->statement, &mapping, &error))
    {
      gtk_label_set_text (self->mapping_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), TRUE);
      return;
    }
  show_preview (self);
}

static void
change_columns_clicked_cb (CpStatementImportDialog *self)
{
  show_mapping (self);
}

/* ------------------------------------------------------------------ */
/* Choosing the file                                                   */

gboolean
cp_statement_import_dialog_set_file (CpStatementImportDialog *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local = NULL;
  CpStatement *statement;

  g_return_val_if_fail (CP_IS_STATEMENT_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  statement = path ? cp_statement_load (path, &local) : NULL;
  if (statement == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("“%s” cannot be read: %s"), name,
                                                  local ? local->message : _("it is not a local file."));

      gtk_label_set_text (self->choose_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->choose_error_label), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "choose");
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_clear_pointer (&self->statement, cp_statement_free);
  self->statement = statement;
  gtk_widget_set_visible (GTK_WIDGET (self->choose_error_label), FALSE);
  if (cp_statement_is_recognised (statement))
    show_preview (self);
  else
    show_mapping (self);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, CpStatementImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      cp_statement_import_dialog_set_file (self, file, NULL);
    }
  g_object_unref (chooser);
}

static void
choose_clicked_cb (CpStatementImportDialog *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a Statement"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Statements (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------ */
/* Importing                                                           */

static void
show_toast (CpStatementImportDialog *self, const char *text)
{
  GtkWidget *overlay = NULL;
  GtkRoot *root;

  if (self->toast_parent == NULL)
    return;
  overlay = gtk_widget_get_ancestor (self->toast_parent, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
      return;
    }
  root = gtk_widget_get_root (self->toast_parent);
  if (CP_IS_WINDOW (root))
    cp_window_add_toast (CP_WINDOW (root), text);
}

static void
show_error (CpStatementImportDialog *self, const char *message)
{
  GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (alert));
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

gboolean
cp_statement_import_dialog_import (CpStatementImportDialog *self, gboolean possible_duplicates,
                                   GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *text = NULL;
  CpStatementImportOptions options = { CP_STATEMENT_IMPORT_SKIP_BAD, NULL, CP_PAYMENT_METHOD_BANK_TRANSFER };
  CpStatementCounts counts;
  guint line = adw_combo_row_get_selected (self->line_row);
  guint stream = adw_combo_row_get_selected (self->stream_row);

  g_return_val_if_fail (CP_IS_STATEMENT_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (self->statement != NULL, FALSE);

  /* Import waits for the choice; so does this. */
  if (!stream_is_chosen (self))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                           _("Choose which account this statement is of first."));
      return FALSE;
    }
  if (line != GTK_INVALID_LIST_POSITION && line < self->line_ids->len)
    options.budget_line_id = g_ptr_array_index (self->line_ids, line);
  if (stream != GTK_INVALID_LIST_POSITION && stream < self->stream_ids->len)
    options.stream_id = g_ptr_array_index (self->stream_ids, stream);
  if (possible_duplicates)
    options.flags |= CP_STATEMENT_IMPORT_POSSIBLE_DUPLICATES;
  if (!cp_statement_import_apply (self->store, self->statement, self->plan_id, &options, &counts, &local))
    {
      show_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u payment from “%s”.",
                                       "Added %u payments from “%s”.", counts.added),
                          counts.added, cp_statement_get_filename (self->statement));
  show_toast (self, text);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, counts.added);
  /* Closed from an idle: the confirmation, transient for this window,
   * is still emitting its response now. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
  return TRUE;
}

static void
confirm_response_cb (AdwMessageDialog *alert, const char *response, CpStatementImportDialog *self)
{
  if (g_str_equal (response, "import"))
    cp_statement_import_dialog_import (self, FALSE, NULL);
  else if (g_str_equal (response, "duplicates"))
    cp_statement_import_dialog_import (self, TRUE, NULL);
}

/* What the person is agreeing to, beyond the new rows. */
static char *
confirm_text (const CpStatementCounts *counts)
{
  GString *text = g_string_new (NULL);
  g_autofree char *sentence = NULL;

  if (counts->problems > 0)
    {
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u row could not be read and will be left out.",
                                               "%u rows could not be read and will be left out.",
                                               counts->problems), counts->problems);
      append_sentence (text, sentence);
      g_clear_pointer (&sentence, g_free);
    }
  if (counts->warnings > 0)
    {
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u payment looks like spending a personal budget cannot be used for. "
                                               "It will be added with its warning: check it with the person or their care co-ordinator.",
                                               "%u payments look like spending a personal budget cannot be used for. "
                                               "They will be added with their warnings: check them with the person or their care co-ordinator.",
                                               counts->warnings), counts->warnings);
      append_sentence (text, sentence);
      g_clear_pointer (&sentence, g_free);
    }
  if (counts->possible_duplicates > 0)
    {
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u row has the same date, amount and payee as a payment typed in by hand. "
                                               "Import it too only if it is a second payment.",
                                               "%u rows have the same date, amount and payee as payments typed in by hand. "
                                               "Import them too only if they are second payments.",
                                               counts->possible_duplicates), counts->possible_duplicates);
      append_sentence (text, sentence);
    }
  return g_string_free (text, FALSE);
}

static void
import_clicked_cb (CpStatementImportDialog *self)
{
  const CpStatementCounts *counts = &self->counts;
  g_autofree char *body = NULL;
  GtkWidget *alert;

  if (counts->problems == 0 && counts->warnings == 0 && counts->possible_duplicates == 0)
    {
      cp_statement_import_dialog_import (self, FALSE, NULL);
      return;
    }
  body = confirm_text (counts);
  alert = adw_message_dialog_new (GTK_WINDOW (self), _("Import These Payments?"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "cancel", _("_Cancel"));
  if (counts->possible_duplicates > 0)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "duplicates", _("Import _Duplicates Too"));
  if (counts->new_rows > 0)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "import",
                                       counts->possible_duplicates > 0 ? _("Import _New Rows Only")
                                                                       : _("_Import"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (alert), "import",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (alert), "cancel");
  g_signal_connect_object (alert, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (alert));
}

/* ------------------------------------------------------------------ */
/* The class                                                           */

static void
cp_statement_import_dialog_dispose (GObject *object)
{
  CpStatementImportDialog *self = CP_STATEMENT_IMPORT_DIALOG (object);

  if (self->toast_parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast_parent), (gpointer *) &self->toast_parent);
  self->toast_parent = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->rows_model);
  G_OBJECT_CLASS (cp_statement_import_dialog_parent_class)->dispose (object);
}

static void
cp_statement_import_dialog_finalize (GObject *object)
{
  CpStatementImportDialog *self = CP_STATEMENT_IMPORT_DIALOG (object);

  g_free (self->plan_id);
  g_clear_pointer (&self->statement, cp_statement_free);
  g_clear_pointer (&self->line_ids, g_ptr_array_unref);
  g_clear_pointer (&self->stream_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (cp_statement_import_dialog_parent_class)->finalize (object);
}

static void
cp_statement_import_dialog_class_init (CpStatementImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_statement_import_dialog_dispose;
  object_class->finalize = cp_statement_import_dialog_finalize;

  /* Emitted after an import, with how many payments were added. */
  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/coplan/Coplan/cp-statement-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, show_rows_button);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, choose_error_label);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, paid_out_row);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, paid_in_row);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, positive_switch);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, sample_label);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, mapping_error_label);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, details_label);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, line_row);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, stream_row);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, no_account_row);
  gtk_widget_class_bind_template_child (widget_class, CpStatementImportDialog, column_view);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_rows_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_columns_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stream_selected_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_statement_import_dialog_init (CpStatementImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->line_ids = g_ptr_array_new_with_free_func (g_free);
  self->stream_ids = g_ptr_array_new_with_free_func (g_free);
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
    adw_combo_row_set_list_factory (self->stream_row, factory);
  }
  add_column (self, _("Line"), COLUMN_LINE, FALSE);
  add_column (self, _("Date"), COLUMN_DATE, FALSE);
  add_column (self, _("Description"), COLUMN_DESCRIPTION, TRUE);
  add_column (self, _("Amount"), COLUMN_AMOUNT, FALSE);
  add_column (self, _("Status"), COLUMN_STATUS, TRUE);
}

CpStatementImportDialog *
cp_statement_import_dialog_new (GtkWindow *parent, CpStore *store, const char *plan_id)
{
  CpStatementImportDialog *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  self = g_object_new (CP_TYPE_STATEMENT_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->plan_id = g_strdup (plan_id);
  return self;
}

void
cp_statement_import_dialog_present (GtkWidget *parent, CpStore *store, const char *plan_id)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  CpStatementImportDialog *self;

  self = cp_statement_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, plan_id);
  if (parent != NULL)
    {
      self->toast_parent = parent;
      g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->toast_parent);
    }
  gtk_window_present (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ */
/* For tests                                                           */

static void
select_column (AdwComboRow *row, int column)
{
  adw_combo_row_set_selected (row, column < 0 ? 0 : (guint) column + 1);
}

gboolean
cp_statement_import_dialog_map (CpStatementImportDialog *self, const CpStatementMapping *mapping)
{
  g_return_val_if_fail (CP_IS_STATEMENT_IMPORT_DIALOG (self), FALSE);

  select_column (self->date_row, mapping->date);
  select_column (self->description_row, mapping->description);
  select_column (self->amount_row, mapping->amount);
  select_column (self->paid_out_row, mapping->paid_out);
  select_column (self->paid_in_row, mapping->paid_in);
  gtk_switch_set_active (self->positive_switch, mapping->spending_positive);
  show_rows_clicked_cb (self);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preview") == 0;
}

const char *
cp_statement_import_dialog_get_step (CpStatementImportDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
cp_statement_import_dialog_get_summary (CpStatementImportDialog *self)
{
  return gtk_label_get_text (self->summary_label);
}

CpStatement *
cp_statement_import_dialog_get_statement (CpStatementImportDialog *self)
{
  return self->statement;
}

void
cp_statement_import_dialog_set_line (CpStatementImportDialog *self, guint position)
{
  adw_combo_row_set_selected (self->line_row, position);
}

void
cp_statement_import_dialog_set_stream (CpStatementImportDialog *self, guint position)
{
  adw_combo_row_set_selected (self->stream_row, position);
}

const char *
cp_statement_import_dialog_get_stream_id (CpStatementImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->stream_row);

  g_return_val_if_fail (CP_IS_STATEMENT_IMPORT_DIALOG (self), NULL);
  return selected < self->stream_ids->len ? g_ptr_array_index (self->stream_ids, selected) : NULL;
}
