/* test-xml-import.c — Coplan XML in: round trips, merges, and refusals
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bad input is tested as carefully as good: every refused file gets a
 * clear message and leaves the database exactly as it was.
 */
#include "cp-xml-test-util.h"

#define HEAD "<?xml version=\"1.0\"?>\n<coplan xmlns=\"https://coplan.github.io/ns/coplan/1\" " \
             "format-version=\"1\" exported-at=\"2026-01-01T00:00:00Z\">\n"
#define STAMPS "created=\"2026-01-01T00:00:00Z\" updated=\"2026-01-01T00:00:00Z\""
#define PERSON_ID "11111111-2222-4333-8444-555555555555"
#define PLAN_ID "21111111-2222-4333-8444-555555555555"
#define PERSON_NAMES "<given-name>Ann</given-name><family-name>Lee</family-name><preferred-name/>"
#define PERSON_FIELDS PERSON_NAMES PERSON_REST
#define PERSON_REST "<address/><postcode/><phone/><email/><gp-practice/><local-authority/><ipc-area/><ipc-cohort/>" \
  "<communication-needs/><preferred-language/><interpreter-needed>false</interpreter-needed>" \
  "<consent-given>true</consent-given><sharing-agreement/>"
#define PLAN_FIELDS "<title>My plan</title><status>draft</status><care-coordinator/><version>0</version>"

static CpXmlImport *
read_text (CpStore *store, const char *xml, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(CpXmlImport) import = cp_xml_import_new (store);

  if (!cp_xml_import_read_bytes (import, bytes, error))
    return NULL;
  return g_steal_pointer (&import);
}

static void
import_text (CpStore *store, const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpXmlImport) import = read_text (store, xml, &error);

  g_assert_no_error (error);
  cp_xml_import_apply (import, &error);
  g_assert_no_error (error);
}

static CpStore *
open_named (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cp_test_make_dir (name);
  g_autofree char *path = g_build_filename (dir, "coplan.db", NULL);
  CpStore *store = cp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* The whole state a refused import must leave alone. */
static char *
fingerprint (CpStore *store)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          cp_test_audit_count (store),
                          cp_test_query_int (store, "SELECT count(*) FROM person", NULL),
                          cp_test_query_int (store, "SELECT total(length(given_name)) FROM person", NULL));
}

static void
add_receipt_and_tombstone (CpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payment_id = cp_test_query_text (store, "SELECT id FROM payment ORDER BY id LIMIT 1", NULL);
  g_autofree char *entry_id = cp_test_query_text (store, "SELECT id FROM support_member ORDER BY id LIMIT 1", NULL);
  g_autoptr(CpReceipt) receipt = cp_receipt_new (payment_id);
  g_autoptr(GBytes) scan = g_bytes_new_static ("%PDF-1.4\n\0\377", 11);
  g_autoptr(CpRecord) entry = cp_store_load (store, CP_TYPE_SUPPORT_MEMBER, entry_id, &error);

  g_assert_no_error (error);
  g_object_set (receipt, "filename", "taxi.pdf", "mime-type", "application/pdf", "data", scan, NULL);
  cp_xml_test_insert (store, receipt);
  cp_store_tombstone (store, entry, &error);
  g_assert_no_error (error);
}

/* export → import into an empty database → export: the same document. */
static void
test_round_trip (void)
{
  g_autoptr(CpStore) a = open_named ("a");
  g_autoptr(CpStore) b = open_named ("b");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_plain = NULL;
  g_autofree char *second_plain = NULL;

  cp_xml_test_demo (a, 5, 500);
  add_receipt_and_tombstone (a);
  first = cp_xml_test_export (a, NULL, TRUE);
  import_text (b, first);
  second = cp_xml_test_export (b, NULL, TRUE);
  first_plain = cp_xml_test_without_stamp (first);
  second_plain = cp_xml_test_without_stamp (second);
  g_assert_cmpstr (first_plain, ==, second_plain);
  /* Every stored row has its audit row. */
  g_assert_cmpint (cp_test_query_int (b, "SELECT count(*) FROM audit WHERE action = 'create'", NULL), >=,
                   cp_test_query_int (b, "SELECT count(*) FROM payment", NULL));
  g_assert_cmpint (cp_test_query_int (b, "SELECT count(*) FROM support_member WHERE deleted = 1", NULL), ==, 1);
  /* The bulk path still audits each record (who, what) and indexes
   * plan text for search exactly as the first database did. */
  g_assert_cmpint (cp_test_query_int (b, "SELECT count(*) FROM payment p WHERE NOT EXISTS"
                                         " (SELECT 1 FROM audit a WHERE a.row_id = p.id AND a.action = 'create'"
                                         "  AND a.table_name = 'payment' AND a.contributor != '')", NULL), ==, 0);
  g_assert_cmpint (cp_test_query_int (b, "SELECT count(*) FROM support_member s WHERE s.deleted = 1 AND EXISTS"
                                         " (SELECT 1 FROM audit a WHERE a.row_id = s.id AND a.action = 'delete')",
                                      NULL), ==, 1);
  g_assert_cmpint (cp_test_query_int (b, "SELECT count(*) FROM search_source", NULL), ==,
                   cp_test_query_int (a, "SELECT count(*) FROM search_source", NULL));
  g_assert_cmpint (cp_test_query_int (b, "SELECT count(*) FROM search_source WHERE kind = 'plan_entry'", NULL), >, 0);
  cp_store_close (a);
  cp_store_close (b);
}

/* The second import of the same file finds nothing to do. */
static void
test_twice_unchanged (void)
{
  g_autoptr(CpStore) a = open_named ("a");
  g_autoptr(CpStore) b = open_named ("b");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpXmlImport) again = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *summary = NULL;

  cp_xml_test_demo (a, 4, 200);
  add_receipt_and_tombstone (a);
  xml = cp_xml_test_export (a, NULL, TRUE);
  import_text (b, xml);
  before = fingerprint (b);
  again = read_text (b, xml, &error);
  g_assert_no_error (error);
  g_assert_false (cp_xml_import_has_changes (again));
  g_assert_cmpuint (cp_xml_import_count (again, NULL, CP_XML_CHANGE_ADD), ==, 0);
  g_assert_cmpuint (cp_xml_import_count (again, NULL, CP_XML_CHANGE_UPDATE), ==, 0);
  g_assert_cmpuint (cp_xml_import_count_people (again, CP_XML_CHANGE_UNCHANGED), ==, 4);
  summary = cp_xml_import_dup_summary (again);
  g_assert_cmpstr (summary, ==, "Will add 0 people, update 0 and leave 4 unchanged.");
  cp_xml_import_apply (again, &error);
  g_assert_no_error (error);
  after = fingerprint (b);
  g_assert_cmpstr (before, ==, after);
  cp_store_close (a);
  cp_store_close (b);
}

static void
test_preview_and_update (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpXmlImport) import = NULL;
  g_autoptr(CpRecord) person = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *details = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *quoted = NULL;
  gint64 audits;

  cp_xml_test_demo (store, 3, 60);
  xml = cp_xml_test_export (store, NULL, FALSE);
  old_name = cp_test_query_text (store, "SELECT given_name FROM person ORDER BY family_name, given_name, id LIMIT 1", NULL);
  quoted = g_strdup_printf ("<given-name>%s</given-name>", old_name);
  {
    g_auto(GStrv) parts = g_strsplit (xml, quoted, 2);
    edited = g_strjoinv ("<given-name>Zainab</given-name>", parts);
  }
  g_assert_cmpstr (edited, !=, xml);

  import = read_text (store, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_xml_import_count (import, "person", CP_XML_CHANGE_UPDATE), ==, 1);
  g_assert_cmpuint (cp_xml_import_count (import, NULL, CP_XML_CHANGE_UPDATE), ==, 1);
  g_assert_cmpuint (cp_xml_import_count (import, NULL, CP_XML_CHANGE_ADD), ==, 0);
  g_assert_cmpuint (cp_xml_import_count_people (import, CP_XML_CHANGE_UPDATE), ==, 1);
  g_assert_cmpuint (cp_xml_import_count_people (import, CP_XML_CHANGE_UNCHANGED), ==, 2);
  details = cp_xml_import_dup_details (import);
  g_assert_nonnull (strstr (details, "person: 0 to add, 1 to update, 2 unchanged"));
  g_assert_nonnull (strstr (details, "Zainab"));

  audits = cp_test_audit_count (store);
  cp_xml_import_apply (import, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_test_audit_count (store), ==, audits + 1);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM audit WHERE field = 'given_name'"
                                      " AND old_value = ?1 AND new_value = 'Zainab'", old_name), ==, 1);
  cp_store_close (store);
}

/* A tombstone in the file deletes the live record here. */
static void
test_deletion_carried (void)
{
  g_autoptr(CpStore) a = open_named ("a");
  g_autoptr(CpStore) b = open_named ("b");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpRecord) person = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *id = NULL;

  cp_xml_test_demo (a, 2, 20);
  xml = cp_xml_test_export (a, NULL, FALSE);
  import_text (b, xml);
  id = cp_test_query_text (a, "SELECT id FROM person ORDER BY id LIMIT 1", NULL);
  person = cp_store_load (a, CP_TYPE_PERSON, id, &error);
  cp_store_tombstone (a, person, &error);
  g_assert_no_error (error);
  g_free (xml);
  xml = cp_xml_test_export (a, NULL, FALSE);
  import_text (b, xml);
  g_assert_cmpint (cp_test_query_int (b, "SELECT deleted FROM person WHERE id = ?1", id), ==, 1);
  cp_store_close (a);
  cp_store_close (b);
}

/* A file without receipt files leaves the ones stored here alone. */
static void
test_receipts_kept (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpXmlImport) import = NULL;
  g_autofree char *xml = NULL;

  cp_xml_test_demo (store, 2, 20);
  add_receipt_and_tombstone (store);
  xml = cp_xml_test_export (store, NULL, FALSE);
  import = read_text (store, xml, &error);
  g_assert_no_error (error);
  g_assert_false (cp_xml_import_has_changes (import));
  g_assert_cmpint (cp_test_query_int (store, "SELECT length(data) FROM receipt", NULL), ==, 11);
  cp_store_close (store);
}

/* A receipt larger than libxml2's 10 MB text limit still travels. */
static void
test_large_receipt (void)
{
  g_autoptr(CpStore) a = open_named ("a");
  g_autoptr(CpStore) b = open_named ("b");
  g_autoptr(GError) error = NULL;
  g_autofree char *payment_id = NULL;
  g_autoptr(CpReceipt) receipt = NULL;
  g_autoptr(GBytes) scan = NULL;
  g_autoptr(CpRecord) copy = NULL;
  g_autofree char *xml = NULL;
  gsize size = 15 * 1000 * 1000 + 1;
  guchar *data = g_malloc (size);
  GBytes *stored;

  for (gsize i = 0; i < size; i++)
    data[i] = (guchar) (i * 7 + i / 251);
  scan = g_bytes_new_take (data, size);
  cp_xml_test_demo (a, 1, 5);
  payment_id = cp_test_query_text (a, "SELECT id FROM payment LIMIT 1", NULL);
  receipt = cp_receipt_new (payment_id);
  g_object_set (receipt, "filename", "big.pdf", "mime-type", "application/pdf", "data", scan, NULL);
  cp_xml_test_insert (a, receipt);
  xml = cp_xml_test_export (a, NULL, TRUE);
  import_text (b, xml);
  copy = cp_store_load (b, CP_TYPE_RECEIPT, cp_record_get_id (CP_RECORD (receipt)), &error);
  g_assert_no_error (error);
  g_object_get (copy, "data", &stored, NULL);
  g_assert_true (g_bytes_equal (stored, scan));
  g_bytes_unref (stored);
  cp_store_close (a);
  cp_store_close (b);
}

typedef struct
{
  const char *name;
  int code;
  const char *words;
} Hostile;

static const Hostile hostile[] = {
  { "billion-laughs.xml", CP_XML_IMPORT_ERROR_DOCTYPE, "DOCTYPE" },
  { "external-file.xml", CP_XML_IMPORT_ERROR_DOCTYPE, "DOCTYPE" },
  { "external-http.xml", CP_XML_IMPORT_ERROR_DOCTYPE, "DOCTYPE" },
  { "external-dtd.xml", CP_XML_IMPORT_ERROR_DOCTYPE, "DOCTYPE" },
  { "xinclude.xml", CP_XML_IMPORT_ERROR_INVALID, "include" },
  { "schema-location.xml", CP_XML_IMPORT_ERROR_INVALID, "Line 7: <secret>" },
  { "truncated.xml", CP_XML_IMPORT_ERROR_NOT_XML, "Line 5" },
  { "wrong-namespace.xml", CP_XML_IMPORT_ERROR_NOT_COPLAN, "not a Coplan XML file" },
  { "future-version.xml", CP_XML_IMPORT_ERROR_VERSION, "version “2”" },
  { "deep.xml", CP_XML_IMPORT_ERROR_TOO_DEEP, "deeper than any Coplan file" },
  { "compressed.xml.gz", CP_XML_IMPORT_ERROR_COMPRESSED, "compressed" },
};

static void
test_hostile_files (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autofree char *before = NULL;

  cp_xml_test_demo (store, 2, 20);
  before = fingerprint (store);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "xml", hostile[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(CpXmlImport) import = cp_xml_import_new (store);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gint64 start = g_get_monotonic_time ();

      g_test_message ("%s", hostile[i].name);
      g_assert_false (cp_xml_import_read_file (import, file, NULL, &error));
      g_assert_error (error, CP_XML_IMPORT_ERROR, hostile[i].code);
      g_assert_nonnull (strstr (error->message, hostile[i].words));
      /* Refused at once, never expanded. */
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
      g_assert_false (cp_xml_import_apply (import, NULL));
      after = fingerprint (store);
      g_assert_cmpstr (before, ==, after);
    }
  cp_store_close (store);
}

/* An external DTD or entity on a listening local port is never fetched. */
static void
test_nothing_fetched (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(CpXmlImport) import = cp_xml_import_new (store);
  g_autoptr(GSocket) visitor = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint port;

  g_assert_no_error (error);
  g_socket_bind (socket, any, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (socket, FALSE);
  bound = g_socket_get_local_address (socket, &error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<!DOCTYPE coplan SYSTEM \"http://127.0.0.1:%u/a.dtd\" [\n"
                         " <!ENTITY %% remote SYSTEM \"http://127.0.0.1:%u/b.dtd\"> %%remote;\n"
                         " <!ENTITY x SYSTEM \"http://127.0.0.1:%u/c.txt\">]>\n"
                         HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS "><name>&x;</name>"
                         "<role/><voice>person</voice></contributor></coplan>\n", port, port, port);
  bytes = g_bytes_new (xml, strlen (xml));
  g_assert_false (cp_xml_import_read_bytes (import, bytes, &error));
  g_assert_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_DOCTYPE);
  visitor = g_socket_accept (socket, NULL, NULL);
  g_assert_null (visitor);
  cp_store_close (store);
}

static void
assert_refused (const char *xml, int code, const char *const *words)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpXmlImport) import = NULL;
  g_autofree char *before = fingerprint (store);
  g_autofree char *after = NULL;

  import = read_text (store, xml, &error);
  g_assert_null (import);
  g_assert_error (error, CP_XML_IMPORT_ERROR, code);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (error->message, words[i]) == NULL)
      g_error ("“%s” not in the message: %s", words[i], error->message);
  after = fingerprint (store);
  g_assert_cmpstr (before, ==, after);
  cp_store_close (store);
}

/* Values the schema lets through but the rules of the data refuse. */
static void
test_bad_values (void)
{
  const char *nhs_words[] = { "Line 4", "<nhs-number>", "9434765918", NULL };
  const char *date_words[] = { "Line 4", "<date-of-birth>", "2021-02-29", NULL };
  const char *range_words[] = { "<amount-pence>", "10000000000", NULL };
  const char *score_words[] = { "<score>", "3", NULL };
  const char *enum_words[] = { "<status>", "approved", NULL };

  assert_refused (HEAD "<person id=\"" PERSON_ID "\" " STAMPS ">\n" PERSON_NAMES
                  "<nhs-number>9434765918</nhs-number>" PERSON_REST "</person></coplan>",
                  CP_XML_IMPORT_ERROR_INVALID, nhs_words);
  assert_refused (HEAD "<person id=\"" PERSON_ID "\" " STAMPS ">\n<given-name/><family-name/><preferred-name/>"
                  "<date-of-birth>2021-02-29</date-of-birth></person></coplan>",
                  CP_XML_IMPORT_ERROR_INVALID, date_words);
  assert_refused (HEAD "<person id=\"" PERSON_ID "\" " STAMPS ">" PERSON_FIELDS
                  "<plan id=\"" PLAN_ID "\" " STAMPS ">" PLAN_FIELDS
                  "<payment id=\"31111111-2222-4333-8444-555555555555\" " STAMPS "><paid-on>2026-01-01</paid-on>"
                  "<payee/><amount-pence>10000000000</amount-pence><method>cash</method><reference/><note/>"
                  "</payment></plan></person></coplan>",
                  CP_XML_IMPORT_ERROR_INVALID, range_words);
  assert_refused (HEAD "<person id=\"" PERSON_ID "\" " STAMPS ">" PERSON_FIELDS
                  "<plan id=\"" PLAN_ID "\" " STAMPS ">" PLAN_FIELDS
                  "<outcome id=\"31111111-2222-4333-8444-555555555555\" " STAMPS "><description/><voice>person</voice>"
                  "<position>0</position><outcome-rating id=\"41111111-2222-4333-8444-555555555555\" " STAMPS ">"
                  "<rated-on>2026-01-01</rated-on><score>3</score><note/></outcome-rating>"
                  "</outcome></plan></person></coplan>",
                  CP_XML_IMPORT_ERROR_INVALID, score_words);
  assert_refused (HEAD "<person id=\"" PERSON_ID "\" " STAMPS ">" PERSON_FIELDS
                  "<plan id=\"" PLAN_ID "\" " STAMPS "><title/><status>approved</status><care-coordinator/>"
                  "<version>0</version></plan></person></coplan>",
                  CP_XML_IMPORT_ERROR_INVALID, enum_words);
}

static void
test_conflicts (void)
{
  const char *twice_words[] = { "Line 4", PERSON_ID, "two records", NULL };
  const char *dangling_words[] = { "<stream-id>", "funding_stream", "neither in this file nor in this database", NULL };

  assert_refused (HEAD "<person id=\"" PERSON_ID "\" " STAMPS ">" PERSON_FIELDS "</person>\n"
                  "<person id=\"" PERSON_ID "\" " STAMPS ">" PERSON_FIELDS "</person></coplan>",
                  CP_XML_IMPORT_ERROR_INVALID, twice_words);
  assert_refused (HEAD "<person id=\"" PERSON_ID "\" " STAMPS ">" PERSON_FIELDS
                  "<plan id=\"" PLAN_ID "\" " STAMPS ">" PLAN_FIELDS
                  "<payment id=\"31111111-2222-4333-8444-555555555555\" " STAMPS "><paid-on>2026-01-01</paid-on>"
                  "<payee/><amount-pence>100</amount-pence><stream-id>91111111-2222-4333-8444-555555555555</stream-id>"
                  "<method>cash</method><reference/><note/>"
                  "</payment></plan></person></coplan>",
                  CP_XML_IMPORT_ERROR_INVALID, dangling_words);
}

/* What was agreed cannot be changed by an import either. */
static void
test_agreed_version_kept (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpXmlImport) import = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GRegex) summary = g_regex_new ("<summary>As signed</summary>", 0, 0, NULL);

  g_autofree char *plan_id = NULL;
  g_autoptr(CpPlanVersion) version = NULL;

  cp_xml_test_demo (store, 3, 30);
  plan_id = cp_test_query_text (store, "SELECT id FROM plan ORDER BY id LIMIT 1", NULL);
  version = cp_plan_version_new (plan_id);
  g_object_set (version, "version", (gint64) 7, "agreed-on", "2026-01-01", "summary", "As signed", NULL);
  cp_xml_test_insert (store, version);
  xml = cp_xml_test_export (store, NULL, FALSE);
  edited = g_regex_replace_literal (summary, xml, -1, 0, "<summary>Rewritten</summary>", 0, NULL);
  import = read_text (store, edited, &error);
  g_assert_null (import);
  g_assert_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot be changed"));
  cp_store_close (store);
}

/* A failure while writing rolls everything back: the person added
 * before the failing row is not there either. */
static void
test_failure_rolls_back (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpXmlImport) import = NULL;
  g_autoptr(CpPerson) person = cp_test_add_person (store, "Ann", "Lee");
  g_autoptr(CpPlan) plan = cp_plan_new (cp_record_get_id (CP_RECORD (person)));
  g_autoptr(CpPlanVersion) version = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *xml = NULL;

  cp_xml_test_insert (store, plan);
  version = cp_plan_version_new (cp_record_get_id (CP_RECORD (plan)));
  g_object_set (version, "version", (gint64) 1, "agreed-on", "2026-01-01", NULL);
  cp_xml_test_insert (store, version);
  before = fingerprint (store);
  /* A new person first, then a second version 1 of the same plan under
   * another id: SQLite refuses it only when it is written. */
  xml = g_strdup_printf (HEAD "<person id=\"" PERSON_ID "\" " STAMPS ">" PERSON_FIELDS "</person>"
                         "<person id=\"%s\" " STAMPS ">" PERSON_FIELDS
                         "<plan id=\"%s\" " STAMPS ">" PLAN_FIELDS
                         "<plan-version id=\"31111111-2222-4333-8444-555555555555\" " STAMPS ">"
                         "<version>1</version><agreed-on>2026-02-02</agreed-on><summary/><document/>"
                         "</plan-version></plan></person></coplan>",
                         cp_record_get_id (CP_RECORD (person)), cp_record_get_id (CP_RECORD (plan)));
  import = read_text (store, xml, &error);
  g_assert_no_error (error);
  g_assert_false (cp_xml_import_apply (import, &error));
  g_assert_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "<plan-version>"));
  after = fingerprint (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM person WHERE id = ?1", PERSON_ID), ==, 0);
  cp_store_close (store);
}

/* An agreed plan's words are what was signed: an import that would
 * change them is refused as a whole when it is applied, and explained. */
static void
test_agreed_plan_guarded (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpXmlImport) import = NULL;
  g_autoptr(GRegex) body = NULL;
  g_autofree char *entry_id = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  cp_xml_test_demo (store, 4, 40);
  entry_id = cp_test_query_text (store, "SELECT e.id FROM plan_entry e JOIN plan p ON p.id = e.plan_id"
                                 " WHERE p.status != 'draft' AND e.deleted = 0 ORDER BY e.id LIMIT 1", NULL);
  xml = cp_xml_test_export (store, NULL, FALSE);
  pattern = g_strdup_printf ("(<plan-entry id=\"%s\"[^>]*>\\s*<section>[^<]*</section>\\s*<body>)[^<]*", entry_id);
  body = g_regex_new (pattern, 0, 0, NULL);
  edited = g_regex_replace (body, xml, -1, 0, "\\1Changed after signing", 0, NULL);
  g_assert_cmpstr (edited, !=, xml);
  before = fingerprint (store);
  import = read_text (store, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_xml_import_count (import, "plan-entry", CP_XML_CHANGE_UPDATE), ==, 1);
  g_assert_false (cp_xml_import_apply (import, &error));
  g_assert_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "<plan-entry>"));
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
  after = fingerprint (store);
  g_assert_cmpstr (before, ==, after);
  cp_store_close (store);
}

/* The window reads a file in a worker thread through a read-only
 * connection, then applies it through its one write connection. */
static void
test_read_elsewhere_apply_here (void)
{
  g_autoptr(CpStore) a = open_named ("a");
  g_autoptr(CpStore) b = open_named ("b");
  g_autoptr(CpStore) reader = NULL;
  g_autoptr(CpXmlImport) import = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *again = NULL;
  g_autofree char *xml_plain = NULL;
  g_autofree char *again_plain = NULL;

  cp_xml_test_demo (a, 3, 60);
  xml = cp_xml_test_export (a, NULL, FALSE);
  reader = cp_store_open_full (cp_store_get_path (b), CP_STORE_OPEN_READ_ONLY, 0, &error);
  g_assert_no_error (error);
  import = cp_xml_import_new (reader);
  bytes = g_bytes_new (xml, strlen (xml));
  g_assert_true (cp_xml_import_read_bytes (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cp_xml_import_count_people (import, CP_XML_CHANGE_ADD), ==, 3);
  g_assert_true (cp_xml_import_apply_to (import, b, &error));
  g_assert_no_error (error);
  again = cp_xml_test_export (b, NULL, FALSE);
  xml_plain = cp_xml_test_without_stamp (xml);
  again_plain = cp_xml_test_without_stamp (again);
  g_assert_cmpstr (xml_plain, ==, again_plain);
  cp_store_close (reader);
  cp_store_close (a);
  cp_store_close (b);
}

/* An edit made here between reading the file and applying it is not
 * overwritten: the import refuses, changing nothing, and says why. */
static void
test_changed_since_read (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpXmlImport) import = NULL;
  g_autoptr(CpRecord) person = NULL;
  g_autoptr(GRegex) name = NULL;
  g_autofree char *id = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  cp_xml_test_demo (store, 2, 20);
  id = cp_test_query_text (store, "SELECT id FROM person ORDER BY id LIMIT 1", NULL);
  xml = cp_xml_test_export (store, NULL, FALSE);
  pattern = g_strdup_printf ("(<person id=\"%s\"[^>]*>\\s*<given-name>)[^<]*", id);
  name = g_regex_new (pattern, 0, 0, NULL);
  edited = g_regex_replace (name, xml, -1, 0, "\\1Renamed in the file", 0, NULL);
  g_assert_cmpstr (edited, !=, xml);
  import = read_text (store, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_xml_import_count (import, "person", CP_XML_CHANGE_UPDATE), ==, 1);

  person = cp_store_load (store, CP_TYPE_PERSON, id, &error);
  g_assert_no_error (error);
  g_object_set (person, "given-name", "Typed here meanwhile", NULL);
  cp_store_update (store, person, &error);
  g_assert_no_error (error);
  before = fingerprint (store);

  g_assert_false (cp_xml_import_apply (import, &error));
  g_assert_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "changed here after the file was read"));
  after = fingerprint (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (cp_test_query_int (store, "SELECT count(*) FROM person WHERE given_name = 'Typed here meanwhile'",
                                      NULL), ==, 1);
  cp_store_close (store);
}

/* What was signed stays: an agreed version cannot arrive deleted. */
static void
test_version_arrives_deleted (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpXmlImport) import = NULL;
  g_autofree char *before = fingerprint (store);
  g_autofree char *after = NULL;

  import = read_text (store, HEAD "<person id=\"" PERSON_ID "\" " STAMPS ">" PERSON_FIELDS
                      "<plan id=\"" PLAN_ID "\" " STAMPS ">" PLAN_FIELDS
                      "<plan-version id=\"31111111-2222-4333-8444-555555555555\" " STAMPS " deleted=\"true\">"
                      "<version>1</version><agreed-on>2026-02-02</agreed-on><summary/><document/>"
                      "</plan-version></plan></person></coplan>", &error);
  g_assert_no_error (error);
  g_assert_false (cp_xml_import_apply (import, &error));
  g_assert_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "<plan-version>"));
  g_assert_nonnull (strstr (error->message, "cannot be deleted"));
  after = fingerprint (store);
  g_assert_cmpstr (before, ==, after);
  cp_store_close (store);
}

typedef struct
{
  GCancellable *cancellable;
  guint         delay_ms;
} CancelLater;

static gpointer
cancel_later (gpointer data)
{
  CancelLater *later = data;

  g_usleep (later->delay_ms * 1000);
  g_cancellable_cancel (later->cancellable);
  return NULL;
}

/* Stopping a long read ends it soon, not at the end of the file, and
 * keeps nothing of it. */
static void
test_cancel_read (void)
{
  g_autoptr(CpStore) a = open_named ("a");
  g_autoptr(CpStore) b = open_named ("b");
  g_autoptr(CpXmlImport) import = cp_xml_import_new (b);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cp_test_make_dir ("cancel");
  g_autofree char *path = g_build_filename (dir, "caseload.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *xml = NULL;
  CancelLater later = { cancellable, 0 };
  GThread *thread;
  gint64 full, started;

  cp_xml_test_demo (a, 60, 20000);
  xml = cp_xml_test_export (a, NULL, FALSE);
  g_file_set_contents (path, xml, -1, &error);
  g_assert_no_error (error);
  started = g_get_monotonic_time ();
  g_assert_true (cp_xml_import_read_file (import, file, NULL, &error));
  full = g_get_monotonic_time () - started;

  /* Cancelled a fifth of the way through a read of the same file. */
  later.delay_ms = (guint) (full / 5000);
  thread = g_thread_new ("cancel", cancel_later, &later);
  started = g_get_monotonic_time ();
  g_assert_false (cp_xml_import_read_file (import, file, cancellable, &error));
  g_thread_join (thread);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - started, <, full);
  g_assert_false (cp_xml_import_has_changes (import));
  g_assert_cmpuint (cp_xml_import_get_n_people (import), ==, 0);
  cp_store_close (a);
  cp_store_close (b);
}

static void
test_too_large (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(CpXmlImport) import = cp_xml_import_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cp_test_make_dir ("big");
  g_autofree char *path = g_build_filename (dir, "big.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *xml = g_strnfill (4096, ' ');

  g_file_set_contents (path, xml, -1, &error);
  g_assert_no_error (error);
  cp_xml_import_set_max_bytes (import, 1000);
  g_assert_false (cp_xml_import_read_file (import, file, NULL, &error));
  g_assert_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "larger than"));
  cp_store_close (store);
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);
  g_test_add_func ("/xml-import/round-trip", test_round_trip);
  g_test_add_func ("/xml-import/twice-unchanged", test_twice_unchanged);
  g_test_add_func ("/xml-import/preview-and-update", test_preview_and_update);
  g_test_add_func ("/xml-import/deletion-carried", test_deletion_carried);
  g_test_add_func ("/xml-import/receipts-kept", test_receipts_kept);
  g_test_add_func ("/xml-import/large-receipt", test_large_receipt);
  g_test_add_func ("/xml-import/hostile-files", test_hostile_files);
  g_test_add_func ("/xml-import/nothing-fetched", test_nothing_fetched);
  g_test_add_func ("/xml-import/bad-values", test_bad_values);
  g_test_add_func ("/xml-import/conflicts", test_conflicts);
  g_test_add_func ("/xml-import/agreed-version-kept", test_agreed_version_kept);
  g_test_add_func ("/xml-import/failure-rolls-back", test_failure_rolls_back);
  g_test_add_func ("/xml-import/agreed-plan-guarded", test_agreed_plan_guarded);
  g_test_add_func ("/xml-import/too-large", test_too_large);
  g_test_add_func ("/xml-import/read-elsewhere-apply-here", test_read_elsewhere_apply_here);
  g_test_add_func ("/xml-import/changed-since-read", test_changed_since_read);
  g_test_add_func ("/xml-import/version-arrives-deleted", test_version_arrives_deleted);
  g_test_add_func ("/xml-import/cancel-read", test_cancel_read);
  return g_test_run ();
}
