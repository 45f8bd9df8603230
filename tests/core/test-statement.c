/* test-statement.c — statements read as proposed payments; excluded spending
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "cp-test-util.h"

static CpStatement *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "statements", name, NULL);
  g_autoptr(GError) error = NULL;
  CpStatement *statement = cp_statement_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (statement);
  return statement;
}

static CpStatement *
from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  CpStatement *statement = cp_statement_new_from_data (text, -1, "test.csv", &error);

  g_assert_no_error (error);
  return statement;
}

static void
assert_row (CpStatement *statement, guint index, guint line, CpStatementRowKind kind,
            const char *date, const char *description, gint64 pence)
{
  CpStatementRow *row = cp_statement_get_row (statement, index);

  if (row->kind == CP_STATEMENT_ROW_PROBLEM && kind != CP_STATEMENT_ROW_PROBLEM)
    g_error ("line %u: unexpected problem: %s", row->line, row->problem);
  g_assert_cmpuint (row->line, ==, line);
  g_assert_cmpint (row->kind, ==, kind);
  g_assert_cmpstr (row->date, ==, date);
  g_assert_cmpstr (row->description, ==, description);
  g_assert_cmpint (row->amount_pence, ==, pence);
}

/* One signed column: minus and brackets are money out, the rest in. */
static void
test_amount_layout (void)
{
  g_autoptr(CpStatement) st = load_fixture ("current-account-amount.csv");
  const CpStatementMapping *map = cp_statement_get_mapping (st);

  g_assert_true (cp_statement_is_recognised (st));
  g_assert_cmpint (map->date, ==, 0);
  g_assert_cmpint (map->description, ==, 1);
  g_assert_cmpint (map->amount, ==, 2);
  g_assert_cmpuint (cp_statement_get_header_line (st), ==, 1);
  g_assert_cmpuint (cp_statement_get_n_rows (st), ==, 10);
  assert_row (st, 0, 2, CP_STATEMENT_ROW_MONEY_IN, "2026-04-01", "COUNCIL DIRECT PAYMENT", 125000);
  assert_row (st, 1, 3, CP_STATEMENT_ROW_SPENDING, "2026-04-03", "SUNRISE CARE AGENCY, LTD", 32000);
  assert_row (st, 4, 6, CP_STATEMENT_ROW_SPENDING, "2026-04-07", "NEST PENSIONS", 1840);
  assert_row (st, 5, 7, CP_STATEMENT_ROW_SPENDING, "2026-04-12", "HALLAM TAXIS", 2450);
  assert_row (st, 7, 9, CP_STATEMENT_ROW_MONEY_IN, "2026-04-18", "AMAZON REFUND", 1299);
  assert_row (st, 8, 10, CP_STATEMENT_ROW_SPENDING, "2026-04-22", "PAYROLL BUREAU FEE", 104000);
  assert_row (st, 9, 11, CP_STATEMENT_ROW_ZERO, "2026-04-30", "CARD VERIFICATION", 0);
  g_assert_cmpuint (cp_statement_count_kind (st, CP_STATEMENT_ROW_SPENDING), ==, 7);
  g_assert_cmpuint (cp_statement_count_kind (st, CP_STATEMENT_ROW_PROBLEM), ==, 0);
}

/* Two identical coffees on one day are two rows with two fingerprints,
 * and the same file read again gives the same fingerprints. */
static void
test_fingerprints (void)
{
  g_autoptr(CpStatement) a = load_fixture ("current-account-amount.csv");
  g_autoptr(CpStatement) b = load_fixture ("current-account-amount.csv");
  CpStatementRow *coffee1 = cp_statement_get_row (a, 2);
  CpStatementRow *coffee2 = cp_statement_get_row (a, 3);

  g_assert_cmpstr (coffee1->description, ==, coffee2->description);
  g_assert_nonnull (coffee1->fingerprint);
  g_assert_cmpstr (coffee1->fingerprint, !=, coffee2->fingerprint);
  for (guint i = 0; i < cp_statement_get_n_rows (a); i++)
    g_assert_cmpstr (cp_statement_get_row (a, i)->fingerprint, ==,
                     cp_statement_get_row (b, i)->fingerprint);
  /* Money in is never imported, so it has none. */
  g_assert_null (cp_statement_get_row (a, 0)->fingerprint);
}

/* "3 Apr 2026", £ and thousands separators, CRLF, Paid out / Paid in. */
static void
test_paid_out_in_layout (void)
{
  g_autoptr(CpStatement) st = load_fixture ("paid-out-paid-in.csv");
  const CpStatementMapping *map = cp_statement_get_mapping (st);

  g_assert_true (cp_statement_is_recognised (st));
  g_assert_cmpint (map->amount, ==, -1);
  g_assert_cmpint (map->paid_out, ==, 3);
  g_assert_cmpint (map->paid_in, ==, 4);
  g_assert_cmpint (map->type, ==, 1);
  g_assert_cmpint (map->balance, ==, 5);
  assert_row (st, 0, 2, CP_STATEMENT_ROW_SPENDING, "2026-04-03", "NEST PENSIONS", 1840);
  g_assert_cmpstr (cp_statement_get_row (st, 0)->type, ==, "DD");
  assert_row (st, 3, 5, CP_STATEMENT_ROW_MONEY_IN, "2026-04-10", "LOCAL AUTHORITY TOP UP", 240000);
  assert_row (st, 4, 6, CP_STATEMENT_ROW_SPENDING, "2026-04-14", "ACCESS ART CLASS, WEEKLY", 1500);
}

/* A byte order mark, "Transaction Date", "Debit Amount", "Credit Amount". */
static void
test_debit_credit_layout (void)
{
  g_autoptr(CpStatement) st = load_fixture ("debit-credit-bom-crlf.csv");
  const CpStatementMapping *map = cp_statement_get_mapping (st);

  g_assert_true (cp_statement_is_recognised (st));
  g_assert_cmpint (map->date, ==, 0);
  g_assert_cmpint (map->description, ==, 4);
  g_assert_cmpint (map->paid_out, ==, 5);
  g_assert_cmpint (map->paid_in, ==, 6);
  assert_row (st, 0, 2, CP_STATEMENT_ROW_SPENDING, "2026-04-03", "HOBBYCRAFT LEEDS", 2799);
  assert_row (st, 1, 3, CP_STATEMENT_ROW_MONEY_IN, "2026-04-04", "NHS PHB PAYMENT", 150000);
  assert_row (st, 3, 5, CP_STATEMENT_ROW_SPENDING, "2026-04-11", "SENSORY ROOM, COMMUNITY HUB", 6000);
}

/* Lines above the header are left out and said so; CR/DR suffixes. */
static void
test_prepaid_card (void)
{
  g_autoptr(CpStatement) st = load_fixture ("prepaid-card.csv");

  g_assert_true (cp_statement_is_recognised (st));
  g_assert_cmpuint (cp_statement_get_header_line (st), ==, 5);
  g_assert_nonnull (cp_statement_get_note (st));
  g_assert_nonnull (strstr (cp_statement_get_note (st), "3 lines above"));
  assert_row (st, 0, 6, CP_STATEMENT_ROW_MONEY_IN, "2026-04-02", "CARD LOAD", 50000);
  assert_row (st, 1, 7, CP_STATEMENT_ROW_SPENDING, "2026-04-05", "TESCO STORES 2345", 2340);
  assert_row (st, 3, 9, CP_STATEMENT_ROW_SPENDING, "2026-04-16", "COMMUNITY TRANSPORT", 1200);
}

/* An app bank's export: a dozen columns, Name before Description, one
 * signed Amount as well as Money Out / Money In (the pair is used). */
static void
test_many_columns (void)
{
  g_autoptr(CpStatement) st = load_fixture ("app-bank-many-columns.csv");
  const CpStatementMapping *map = cp_statement_get_mapping (st);

  g_assert_true (cp_statement_is_recognised (st));
  g_assert_cmpint (map->date, ==, 1);
  g_assert_cmpint (map->description, ==, 4);
  g_assert_cmpint (map->amount, ==, -1);
  g_assert_cmpint (map->paid_out, ==, 10);
  g_assert_cmpint (map->paid_in, ==, 11);
  assert_row (st, 0, 2, CP_STATEMENT_ROW_SPENDING, "2026-04-03", "Riverside Leisure Centre", 480);
  assert_row (st, 1, 3, CP_STATEMENT_ROW_SPENDING, "2026-04-04", "J Smith", 41200);
  assert_row (st, 2, 4, CP_STATEMENT_ROW_MONEY_IN, "2026-04-05", "Sheffield City Council", 125000);
}

/* "Amount (GBP)", "Counter Party", and a Reference column kept with the payment. */
static void
test_amount_gbp (void)
{
  g_autoptr(CpStatement) st = load_fixture ("amount-gbp-reference.csv");
  const CpStatementMapping *map = cp_statement_get_mapping (st);

  g_assert_true (cp_statement_is_recognised (st));
  g_assert_cmpint (map->amount, ==, 4);
  g_assert_cmpint (map->balance, ==, 5);
  g_assert_cmpint (map->reference, ==, 2);
  assert_row (st, 0, 2, CP_STATEMENT_ROW_SPENDING, "2026-04-03", "Sunrise Care Agency", 32000);
  g_assert_cmpstr (cp_statement_get_row (st, 0)->reference, ==, "INV-2026-0412");
  assert_row (st, 2, 4, CP_STATEMENT_ROW_MONEY_IN, "2026-04-08", "NHS PHB", 50000);
}

static void
test_latin1_file (void)
{
  g_autoptr(CpStatement) st = load_fixture ("latin1-money-out-in.csv");

  g_assert_true (cp_statement_is_recognised (st));
  g_assert_nonnull (strstr (cp_statement_get_note (st), "Windows-1252"));
  assert_row (st, 0, 2, CP_STATEMENT_ROW_SPENDING, "2026-04-02", "CAFÉ ROUGE", 850);
  assert_row (st, 1, 3, CP_STATEMENT_ROW_SPENDING, "2026-04-06", "PHYSIO £ SESSION", 4500);
}

/* No header: nothing is read until a person says which column is which. */
static void
test_mapping_step (void)
{
  g_autoptr(CpStatement) st = load_fixture ("no-header.csv");
  g_autoptr(GError) error = NULL;
  CpStatementMapping map;

  g_assert_false (cp_statement_is_recognised (st));
  g_assert_cmpuint (cp_statement_get_n_rows (st), ==, 0);
  g_assert_cmpuint (cp_csv_get_width (cp_statement_get_csv (st)), ==, 4);

  g_assert_true (cp_statement_mapping_parse ("date=1,description=2,amount=3", &map, &error));
  g_assert_no_error (error);
  g_assert_true (cp_statement_set_mapping (st, &map, &error));
  g_assert_cmpuint (cp_statement_get_header_line (st), ==, 0);
  g_assert_cmpuint (cp_statement_get_n_rows (st), ==, 3);
  assert_row (st, 0, 1, CP_STATEMENT_ROW_SPENDING, "2026-04-03", "ACME CARE LTD", 12000);
  assert_row (st, 2, 3, CP_STATEMENT_ROW_MONEY_IN, "2026-04-17", "TOP UP", 10000);

  g_assert_null (cp_statement_get_note (st));

  /* Some cards show spending as positive amounts. */
  g_assert_true (cp_statement_mapping_parse ("date=1,description=2,amount=3,spending=positive", &map, &error));
  g_assert_true (cp_statement_set_mapping (st, &map, &error));
  assert_row (st, 0, 1, CP_STATEMENT_ROW_MONEY_IN, "2026-04-03", "ACME CARE LTD", 12000);
  assert_row (st, 2, 3, CP_STATEMENT_ROW_SPENDING, "2026-04-17", "TOP UP", 10000);
}

/* With a hand mapping, a first row of words is taken as the header. */
static void
test_mapping_with_header (void)
{
  g_autoptr(CpStatement) st = from_text ("When,Who,Out,In\n03/04/2026,ACME,12.00,\n04/04/2026,FUND,,50.00\n");
  g_autoptr(GError) error = NULL;
  CpStatementMapping map;

  g_assert_false (cp_statement_is_recognised (st));
  g_assert_true (cp_statement_mapping_parse ("date=1,description=2,out=3,in=4", &map, &error));
  g_assert_true (cp_statement_set_mapping (st, &map, &error));
  g_assert_cmpuint (cp_statement_get_header_line (st), ==, 1);
  assert_row (st, 0, 2, CP_STATEMENT_ROW_SPENDING, "2026-04-03", "ACME", 1200);
  assert_row (st, 1, 3, CP_STATEMENT_ROW_MONEY_IN, "2026-04-04", "FUND", 5000);
}

/* A card that shows spending as positive amounts: every row looks like
 * money in, and the note says what to do. */
static void
test_all_money_in (void)
{
  g_autoptr(CpStatement) st = from_text ("Date,Description,Amount\n03/04/2026,TESCO,12.00\n04/04/2026,TAXI,8.00\n");
  g_autoptr(GError) error = NULL;
  CpStatementMapping map = *cp_statement_get_mapping (st);

  g_assert_cmpuint (cp_statement_count_kind (st, CP_STATEMENT_ROW_MONEY_IN), ==, 2);
  g_assert_nonnull (strstr (cp_statement_get_note (st), "spending as positive amounts"));
  map.spending_positive = TRUE;
  g_assert_true (cp_statement_set_mapping (st, &map, &error));
  g_assert_cmpuint (cp_statement_count_kind (st, CP_STATEMENT_ROW_SPENDING), ==, 2);
  g_assert_null (cp_statement_get_note (st));
}

static void
assert_mapping_refused (const char *text, const char *words)
{
  g_autoptr(GError) error = NULL;
  CpStatementMapping map;

  g_assert_false (cp_statement_mapping_parse (text, &map, &error));
  g_assert_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_MAPPING);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s”: “%s” does not say “%s”", text, error->message, words);
}

static void
test_mapping_refused (void)
{
  assert_mapping_refused ("description=2,amount=3", "date");
  assert_mapping_refused ("date=1,amount=3", "description");
  assert_mapping_refused ("date=1,description=2", "amount");
  assert_mapping_refused ("date=1,description=2,amount=3,out=4", "not both");
  assert_mapping_refused ("date=0,description=2,amount=3", "date=0");
  assert_mapping_refused ("date=x,description=2,amount=3", "date=x");
  assert_mapping_refused ("date=1,colour=2,amount=3", "colour");
  assert_mapping_refused ("", "date");
}

/* A mapped column the file does not have is refused, naming it. */
static void
test_mapping_past_end (void)
{
  g_autoptr(CpStatement) st = NULL;
  g_autoptr(GError) error = NULL;
  CpStatementMapping map;

  st = cp_statement_new_from_data ("03/04/2026,ACME,-12.00\n", -1, "three.csv", &error);
  g_assert_no_error (error);
  g_assert_true (cp_statement_mapping_parse ("date=1,description=2,amount=4", &map, &error));
  g_assert_false (cp_statement_set_mapping (st, &map, &error));
  g_assert_error (error, CP_STATEMENT_ERROR, CP_STATEMENT_ERROR_MAPPING);
  g_assert_cmpstr (error->message, ==, "There is no column 4: this file has only 3 columns.");
  g_clear_error (&error);
  g_assert_true (cp_statement_mapping_parse ("date=1,description=2,amount=3", &map, &error));
  g_assert_true (cp_statement_set_mapping (st, &map, &error));
  g_assert_cmpuint (cp_statement_get_n_rows (st), ==, 1);
}

/* Each bad row names its line and its reason; good rows still read. */
static void
test_bad_rows (void)
{
  g_autoptr(CpStatement) st = load_fixture ("bad-rows.csv");
  g_autofree char *problems = NULL;
  static const struct { guint index; guint line; const char *words; } bad[] = {
    { 1, 3, "31/02/2026" },
    { 2, 4, "-1.005" },
    { 3, 5, "letter O" },
    { 4, 6, "no description" },
    { 5, 7, "too large" },
  };

  g_assert_true (cp_statement_is_recognised (st));
  g_assert_cmpuint (cp_statement_count_kind (st, CP_STATEMENT_ROW_PROBLEM), ==, 5);
  assert_row (st, 0, 2, CP_STATEMENT_ROW_SPENDING, "2026-04-03", "GOOD ONE", 1000);
  assert_row (st, 6, 8, CP_STATEMENT_ROW_SPENDING, "2026-04-08", "GOOD TWO", 2000);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      CpStatementRow *row = cp_statement_get_row (st, bad[i].index);

      g_assert_cmpint (row->kind, ==, CP_STATEMENT_ROW_PROBLEM);
      g_assert_cmpuint (row->line, ==, bad[i].line);
      if (strstr (row->problem, bad[i].words) == NULL)
        g_error ("line %u: “%s” does not say “%s”", row->line, row->problem, bad[i].words);
      g_assert_null (row->fingerprint);
    }
  problems = cp_statement_describe_problems (st, 0);
  g_assert_true (g_str_has_prefix (problems, "Line 3: the date “31/02/2026”"));
  g_assert_nonnull (strstr (problems, "\nLine 7: "));
  g_clear_pointer (&problems, g_free);
  problems = cp_statement_describe_problems (st, 2);
  g_assert_nonnull (strstr (problems, "… and 3 more rows."));
}

/* Rows that say too little, or both out and in. */
static void
test_out_in_problems (void)
{
  g_autoptr(CpStatement) st = from_text ("Date,Description,Paid out,Paid in\n"
                                         "03/04/2026,BOTH,5.00,6.00\n"
                                         "04/04/2026,NEITHER,,\n"
                                         "05/04/2026,SHORT\n"
                                         "06/04/2026,NEGATIVE DEBIT,-7.00,\n"
                                         "07/04/2026 14:22,WITH TIME,1.00,\n"
                                         "2026-04-08T09:00:00Z,ISO TIME,2.00,\n");

  g_assert_nonnull (strstr (cp_statement_get_row (st, 0)->problem, "both"));
  g_assert_nonnull (strstr (cp_statement_get_row (st, 1)->problem, "no amount"));
  g_assert_nonnull (strstr (cp_statement_get_row (st, 2)->problem, "no amount"));
  assert_row (st, 3, 5, CP_STATEMENT_ROW_SPENDING, "2026-04-06", "NEGATIVE DEBIT", 700);
  assert_row (st, 4, 6, CP_STATEMENT_ROW_SPENDING, "2026-04-07", "WITH TIME", 100);
  assert_row (st, 5, 7, CP_STATEMENT_ROW_SPENDING, "2026-04-08", "ISO TIME", 200);
}

static void
test_quoted_reference (void)
{
  g_autoptr(CpStatement) st = load_fixture ("multiline-quoted.csv");

  g_assert_cmpint (cp_statement_get_mapping (st)->reference, ==, 3);
  assert_row (st, 0, 2, CP_STATEMENT_ROW_SPENDING, "2026-04-03", "RIVERSIDE \"DAY\" CENTRE", 5500);
  g_assert_cmpstr (cp_statement_get_row (st, 0)->reference, ==, "INV 2041\nAPRIL SESSIONS");
  assert_row (st, 1, 4, CP_STATEMENT_ROW_SPENDING, "2026-04-04", "SMITH, J (PA)", 9600);
}

/* A header the reader does not know, and a file of rows that are not a statement. */
static void
test_unknown_header (void)
{
  g_autoptr(CpStatement) st = from_text ("Col A,Col B,Col C\n03/04/2026,ACME,-1.00\n");

  g_assert_false (cp_statement_is_recognised (st));
  g_assert_cmpuint (cp_statement_get_n_rows (st), ==, 0);
}

static void
test_excluded_words (void)
{
  static const struct { const char *payee; const char *note; const char *category; } cases[] = {
    { "GROSVENOR CASINO", NULL, "gambling" },
    { "BET365", NULL, "gambling" },
    { "bet 365 ltd", NULL, "gambling" },
    { "Bargain Booze Off-Licence", NULL, "alcohol" },
    { "THE TOBACCONIST", NULL, "tobacco" },
    { "Acme", "loan repayment", "debt-repayment" },
    { "LOTTO.CO.UK", NULL, "gambling" },
    { "Riverside GP Surgery", NULL, "primary-care" },
    { "BETTY'S TEA ROOMS", NULL, NULL },
    { "Alphabet Ltd", NULL, NULL },
    { "GINGER CAFE", NULL, NULL },
    { "Sunrise Care Agency", "weekly support", NULL },
    { "", NULL, NULL },
    { NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (cp_excluded_spending_match (cases[i].payee, cases[i].note), ==, cases[i].category);
}

static void
test_excluded_message (void)
{
  g_autofree char *warning = cp_excluded_spending_check ("GROSVENOR CASINO", NULL);
  g_autofree char *none = cp_excluded_spending_check ("ACME CARE LTD", "April");
  g_autoptr(CpStatement) st = load_fixture ("excluded-spending.csv");
  guint warned = 0;

  g_assert_cmpstr (warning, ==, "This looks like gambling (“casino”), which a personal budget cannot be spent on.");
  g_assert_null (none);
  for (guint i = 0; i < cp_statement_get_n_rows (st); i++)
    if (cp_statement_get_row (st, i)->warning != NULL)
      warned++;
  g_assert_cmpuint (warned, ==, 4);
  g_assert_null (cp_statement_get_row (st, 4)->warning);  /* Betty's */
  g_assert_null (cp_statement_get_row (st, 5)->warning);
}

static void
test_normalise (void)
{
  g_autofree char *a = cp_statement_normalise_text ("  Costa   COFFEE, #4471 ");
  g_autofree char *b = cp_statement_normalise_text ("ＣＯＳＴＡ");

  g_assert_cmpstr (a, ==, "costa coffee 4471");
  g_assert_cmpstr (b, ==, "costa");
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);
  g_test_add_func ("/statement/layout/amount", test_amount_layout);
  g_test_add_func ("/statement/layout/paid-out-in", test_paid_out_in_layout);
  g_test_add_func ("/statement/layout/debit-credit", test_debit_credit_layout);
  g_test_add_func ("/statement/layout/prepaid-card", test_prepaid_card);
  g_test_add_func ("/statement/layout/latin1", test_latin1_file);
  g_test_add_func ("/statement/layout/many-columns", test_many_columns);
  g_test_add_func ("/statement/layout/amount-gbp", test_amount_gbp);
  g_test_add_func ("/statement/layout/unknown", test_unknown_header);
  g_test_add_func ("/statement/fingerprints", test_fingerprints);
  g_test_add_func ("/statement/mapping/step", test_mapping_step);
  g_test_add_func ("/statement/mapping/header", test_mapping_with_header);
  g_test_add_func ("/statement/mapping/refused", test_mapping_refused);
  g_test_add_func ("/statement/mapping/past-end", test_mapping_past_end);
  g_test_add_func ("/statement/mapping/all-money-in", test_all_money_in);
  g_test_add_func ("/statement/bad-rows", test_bad_rows);
  g_test_add_func ("/statement/out-in-problems", test_out_in_problems);
  g_test_add_func ("/statement/quoted-reference", test_quoted_reference);
  g_test_add_func ("/statement/normalise", test_normalise);
  g_test_add_func ("/excluded-spending/words", test_excluded_words);
  g_test_add_func ("/excluded-spending/message", test_excluded_message);
  return g_test_run ();
}
