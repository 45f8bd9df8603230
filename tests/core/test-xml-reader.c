/* test-xml-reader.c — the streaming reader of Coplan XML: its rules,
 * its records, and a differential check against libxml2's validator
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader re-implements the rules of data/coplan-1.xsd in C, so the
 * XSD validator is the oracle: thousands of mutants of a real export go
 * through both, and the reader must never accept what the XSD refuses.
 */
#include "cp-xml-test-util.h"

#include <libxml/parser.h>

#define NS "https://coplan.github.io/ns/coplan/1"
#define HEAD "<?xml version=\"1.0\"?>\n<coplan xmlns=\"" NS "\" " \
             "format-version=\"1\" exported-at=\"2026-01-01T00:00:00Z\">\n"
#define STAMPS "created=\"2026-01-01T00:00:00Z\" updated=\"2026-01-02T00:00:00.25Z\""
#define PERSON_ID "11111111-2222-4333-8444-555555555555"
#define PLAN_ID "21111111-2222-4333-8444-555555555555"
#define PAYMENT_ID "31111111-2222-4333-8444-555555555555"
#define PERSON_NAMES "<given-name>Ann</given-name><family-name>Lee</family-name><preferred-name/>"
#define PERSON_REST "<address/><postcode/><phone/><email/><gp-practice/><local-authority/><ipc-area/>" \
  "<ipc-cohort/><communication-needs/><preferred-language/><interpreter-needed>false</interpreter-needed>" \
  "<consent-given>true</consent-given><sharing-agreement/>"
#define PERSON_FIELDS PERSON_NAMES PERSON_REST
#define PLAN_FIELDS "<title>My plan</title><status>draft</status><care-coordinator/><version>0</version>"
#define PERSON_OPEN "<person id=\"" PERSON_ID "\" " STAMPS ">"
#define PLAN_OPEN "<plan id=\"" PLAN_ID "\" " STAMPS ">"
#define CONTRIBUTOR "<contributor id=\"" PERSON_ID "\" " STAMPS "><name>Ann</name><role/>" \
  "<voice>person</voice></contributor>"
/* A payment inside a plan inside a person, with @amount. */
#define PAYMENT_DOC(amount) HEAD PERSON_OPEN PERSON_FIELDS PLAN_OPEN PLAN_FIELDS \
  "<payment id=\"" PAYMENT_ID "\" " STAMPS "><paid-on>2026-01-01</paid-on><payee/>" \
  "<amount-pence>" amount "</amount-pence><method>cash</method><reference/><note/>" \
  "</payment></plan></person></coplan>"
/* A contributor whose <voice> holds @voice. */
#define VOICE_DOC(voice) HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS "><name/><role/>" \
  "<voice>" voice "</voice></contributor></coplan>"

/* Records as one line each, to compare whole sequences at once. */
static gboolean
collect_record_cb (const CpXmlRecordEvent *record, gpointer user_data, GError **error)
{
  GPtrArray *lines = user_data;
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, "%s %s<%s %s %s %d %ld", record->element, record->id,
                          record->parent_id ? record->parent_id : "-", record->created,
                          record->updated, record->deleted, record->line);
  for (guint i = 0; i < record->n_columns; i++)
    g_string_append_printf (line, " %s@%ld=[%s]", record->columns[i].name,
                            record->columns[i].line, record->columns[i].text);
  g_ptr_array_add (lines, g_string_free (line, FALSE));
  return TRUE;
}

static gboolean
collect_header_cb (const CpXmlHeader *header, gpointer user_data, GError **error)
{
  GPtrArray *lines = user_data;

  g_ptr_array_add (lines, g_strdup_printf ("header %s %d", header->exported_at,
                                           header->receipts_included));
  return TRUE;
}

static const CpXmlReaderFuncs collect_funcs = { collect_header_cb, collect_record_cb };

static GPtrArray *
read_ok (const char *xml)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  if (!cp_xml_read (xml, strlen (xml), &collect_funcs, lines, &error))
    g_error ("refused: %s\n%s", error->message, xml);
  return lines;
}

static void
assert_refused_len (const char *xml, gsize size, int code, const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (cp_xml_read (xml, size, &collect_funcs, lines, &error))
    g_error ("accepted, expected “%s”:\n%s", words, xml);
  g_assert_error (error, CP_XML_IMPORT_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” not in the message: %s", words, error->message);
  /* Nothing is handed over once anything is wrong, or only what came
   * before the problem: never a record after it. */
}

static void
assert_refused (const char *xml, int code, const char *words)
{
  assert_refused_len (xml, strlen (xml), code, words);
}

#define assert_invalid(xml, words) assert_refused ((xml), CP_XML_IMPORT_ERROR_INVALID, (words))

static void
test_records_in_order (void)
{
  g_autoptr(GPtrArray) lines = read_ok (HEAD CONTRIBUTOR "\n" PERSON_OPEN PERSON_FIELDS "\n"
                                        PLAN_OPEN PLAN_FIELDS "\n"
                                        "<payment id=\"" PAYMENT_ID "\" " STAMPS " deleted=\" 1 \">"
                                        "<paid-on> 2026-01-01\n</paid-on><payee>  Shop <!-- x --> Ltd </payee>"
                                        "<amount-pence>+0100</amount-pence>\n<method>cash</method><reference/>"
                                        "<note/></payment></plan></person></coplan>");
  const char *expected[] = {
    "header 2026-01-01T00:00:00Z 0",
    "contributor " PERSON_ID "<- 2026-01-01T00:00:00Z 2026-01-02T00:00:00.25Z 0 3"
    " name@3=[Ann] role@3=[] voice@3=[person]",
    "person " PERSON_ID "<- 2026-01-01T00:00:00Z 2026-01-02T00:00:00.25Z 0 4"
    " given-name@4=[Ann] family-name@4=[Lee] preferred-name@4=[] address@4=[] postcode@4=[]"
    " phone@4=[] email@4=[] gp-practice@4=[] local-authority@4=[] ipc-area@4=[] ipc-cohort@4=[]"
    " communication-needs@4=[] preferred-language@4=[] interpreter-needed@4=[false]"
    " consent-given@4=[true] sharing-agreement@4=[]",
    "plan " PLAN_ID "<" PERSON_ID " 2026-01-01T00:00:00Z 2026-01-02T00:00:00.25Z 0 5"
    " title@5=[My plan] status@5=[draft] care-coordinator@5=[] version@5=[0]",
    "payment " PAYMENT_ID "<" PLAN_ID " 2026-01-01T00:00:00Z 2026-01-02T00:00:00.25Z 1 6"
    " paid-on@6=[2026-01-01] payee@7=[  Shop  Ltd ] amount-pence@7=[+0100] method@8=[cash]"
    " reference@8=[] note@8=[]",
  };

  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpstr (g_ptr_array_index (lines, i), ==, expected[i]);
}

/* A record goes out at its first child's start tag, before the child. */
static gboolean
order_record_cb (const CpXmlRecordEvent *record, gpointer user_data, GError **error)
{
  GString *order = user_data;

  g_string_append_printf (order, "%s,", record->element);
  return TRUE;
}

static void
test_parent_before_children (void)
{
  static const CpXmlReaderFuncs funcs = { NULL, order_record_cb };
  g_autoptr(GString) order = g_string_new (NULL);
  const char *xml = HEAD PERSON_OPEN PERSON_FIELDS PLAN_OPEN PLAN_FIELDS "</plan>"
                    "<support-member id=\"" PAYMENT_ID "\" " STAMPS "><name/><relationship/>"
                    "<circle>paid</circle><role>none</role><phone/><email/><notes/><position>0</position>"
                    "</support-member></person>" CONTRIBUTOR "</coplan>";

  g_assert_true (cp_xml_read (xml, strlen (xml), &funcs, order, NULL));
  g_assert_cmpstr (order->str, ==, "person,plan,support-member,contributor,");
}

static void
test_header (void)
{
  g_autoptr(GPtrArray) lines = read_ok ("<coplan xmlns=\"" NS "\" format-version=\"1\" receipts=\"included\""
                                        " exported-at=\" 2026-01-01T00:00:00.5Z\n\"/>");

  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "header 2026-01-01T00:00:00.5Z 1");
}

/* Values that fit, each checked as XML Schema reads it. */
static void
test_values_accepted (void)
{
  const char *amounts[] = { "0", "-0", "+5", "0001", "1000000000", "-1000000000" };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *xml = g_strdup_printf (PAYMENT_DOC ("%s"), amounts[i]);
      g_autoptr(GPtrArray) lines = read_ok (xml);

      g_assert_cmpuint (lines->len, ==, 4);
    }
  g_ptr_array_unref (read_ok (HEAD PERSON_OPEN PERSON_NAMES "<date-of-birth>2024-02-29</date-of-birth>"
                              "<nhs-number>9434765919</nhs-number>" PERSON_REST "</person></coplan>"));
  g_ptr_array_unref (read_ok (HEAD "<contributor id=\"ABCDEF01-2345-6789-abcd-ABCDEF012345\" " STAMPS
                              " deleted=\"false\"><name/><role/><voice>person</voice></contributor></coplan>"));
}

typedef struct
{
  const char *xml;
  const char *words;
} Invalid;

static void
test_values_refused (void)
{
  static const Invalid cases[] = {
    { PAYMENT_DOC ("10000000000"), "Line 3: <amount-pence> cannot hold “10000000000”." },
    { PAYMENT_DOC ("1000000001"), "<amount-pence> cannot hold" },
    { PAYMENT_DOC (""), "<amount-pence> cannot hold “”." },
    { PAYMENT_DOC ("1e3"), "“1e3”" },
    { PAYMENT_DOC ("5.0"), "“5.0”" },
    { PAYMENT_DOC ("- 5"), "“- 5”" },
    { PAYMENT_DOC ("+-5"), "“+-5”" },
    /* libxml2 2.9.14 refuses white space around restricted integers. */
    { PAYMENT_DOC (" 5"), "“ 5”" },
    { PAYMENT_DOC ("5\n"), "<amount-pence> cannot hold" },
    { PAYMENT_DOC ("99999999999999999999999999"), "<amount-pence> cannot hold" },
    { PAYMENT_DOC ("-9223372036854775809"), "<amount-pence> cannot hold" },
    { VOICE_DOC (" person"), "<voice> cannot hold “ person”." },
    { VOICE_DOC ("Person"), "<voice> cannot hold" },
    { VOICE_DOC (""), "<voice> cannot hold" },
    { HEAD PERSON_OPEN PERSON_NAMES "<date-of-birth>2021-02-29</date-of-birth>" PERSON_REST "</person></coplan>",
      "<date-of-birth> cannot hold “2021-02-29”." },
    { HEAD PERSON_OPEN PERSON_NAMES "<date-of-birth>1900-02-29</date-of-birth>" PERSON_REST "</person></coplan>",
      "<date-of-birth> cannot hold" },
    { HEAD PERSON_OPEN PERSON_NAMES "<date-of-birth>0000-01-01</date-of-birth>" PERSON_REST "</person></coplan>",
      "<date-of-birth> cannot hold" },
    { HEAD PERSON_OPEN PERSON_NAMES "<date-of-birth>2026-13-01</date-of-birth>" PERSON_REST "</person></coplan>",
      "<date-of-birth> cannot hold" },
    { HEAD PERSON_OPEN PERSON_NAMES "<date-of-birth>2026-1-01</date-of-birth>" PERSON_REST "</person></coplan>",
      "<date-of-birth> cannot hold" },
    { HEAD PERSON_OPEN PERSON_NAMES "<date-of-birth>2026-01-01Z</date-of-birth>" PERSON_REST "</person></coplan>",
      "<date-of-birth> cannot hold" },
    { HEAD PERSON_OPEN PERSON_NAMES "<nhs-number> 9434765919</nhs-number>" PERSON_REST "</person></coplan>",
      "<nhs-number> cannot hold" },
    { HEAD PERSON_OPEN PERSON_NAMES "<nhs-number>943476591</nhs-number>" PERSON_REST "</person></coplan>",
      "<nhs-number> cannot hold" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_invalid (cases[i].xml, cases[i].words);
}

static void
test_booleans_and_stamps (void)
{
  const char *stamps[] = { "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:00:60Z",
                           "2026-01-01T00:00:00", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00+00:00",
                           "2026-02-30T00:00:00Z", "2026-01-01 00:00:00Z", "" };
  const char *flags[] = { "TRUE", "yes", "", "01", "t" };

  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    {
      g_autofree char *xml = g_strdup_printf (HEAD "<contributor id=\"" PERSON_ID "\" created=\"%s\""
                                              " updated=\"2026-01-01T00:00:00Z\"><name/><role/>"
                                              "<voice>person</voice></contributor></coplan>", stamps[i]);
      assert_invalid (xml, "Line 3: <contributor> cannot have created=");
    }
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autofree char *xml = g_strdup_printf (HEAD PERSON_OPEN PERSON_NAMES "<address/><postcode/><phone/>"
                                              "<email/><gp-practice/><local-authority/><ipc-area/><ipc-cohort/>"
                                              "<communication-needs/><preferred-language/>"
                                              "<interpreter-needed>%s</interpreter-needed>"
                                              "<consent-given>1</consent-given><sharing-agreement/>"
                                              "</person></coplan>", flags[i]);
      assert_invalid (xml, "<interpreter-needed> cannot hold");
    }
}

static void
test_base64 (void)
{
  const char *good[] = { "", "QUJD", "QUI=", "QQ==", " QU JD\nQUI= ", "Q Q = =" };
  const char *bad[] = { "QUJ", "QUJ=", "QR==", "QUJD=", "Q===", "QQ==QQ==", "QU!D", "QQ=A" };

  for (guint i = 0; i < G_N_ELEMENTS (good) + G_N_ELEMENTS (bad); i++)
    {
      gboolean ok = i < G_N_ELEMENTS (good);
      g_autofree char *xml = g_strdup_printf (HEAD PERSON_OPEN PERSON_FIELDS PLAN_OPEN PLAN_FIELDS
                                              "<payment id=\"" PAYMENT_ID "\" " STAMPS "><paid-on>2026-01-01"
                                              "</paid-on><payee/><amount-pence>1</amount-pence><method>cash"
                                              "</method><reference/><note/><receipt id=\"" PAYMENT_ID "\" "
                                              STAMPS "><filename/><mime-type/><data>%s</data></receipt>"
                                              "</payment></plan></person></coplan>",
                                              ok ? good[i] : bad[i - G_N_ELEMENTS (good)]);

      if (ok)
        g_ptr_array_unref (read_ok (xml));
      else
        assert_invalid (xml, "<data> cannot hold");
    }
}

static void
test_structure_refused (void)
{
  static const Invalid cases[] = {
    /* A required column missing, twice, out of order, unknown. */
    { HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS "><name/><voice>person</voice></contributor></coplan>",
      "Line 3: <contributor> is missing its <role>." },
    { HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS "><name/><role/></contributor></coplan>",
      "<contributor> is missing its <voice>." },
    { HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS "><name/><name/><role/><voice>person</voice>"
      "</contributor></coplan>", "<name> is not allowed here inside <contributor>." },
    { HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS "><role/><name/><voice>person</voice>"
      "</contributor></coplan>", "<contributor> is missing its <name>." },
    { HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS "><name/><role/><voice>person</voice><secret/>"
      "</contributor></coplan>", "<secret> is not allowed here inside <contributor>." },
    /* Records where they do not belong. */
    { HEAD PLAN_OPEN PLAN_FIELDS "</plan></coplan>", "<plan> is not allowed here inside <coplan>." },
    { HEAD PERSON_OPEN PERSON_FIELDS CONTRIBUTOR "</person></coplan>", "<contributor> is not allowed" },
    { HEAD PERSON_OPEN PERSON_NAMES PLAN_OPEN PLAN_FIELDS "</plan></person></coplan>",
      "<person> is missing its <address>." },
    { HEAD PERSON_OPEN PERSON_FIELDS PLAN_OPEN PLAN_FIELDS "</plan><given-name/></person></coplan>",
      "<given-name> is not allowed here inside <person>." },
    /* <plan-version> is a record in a plan and a column in a signoff. */
    { HEAD PERSON_OPEN PERSON_FIELDS PLAN_OPEN PLAN_FIELDS "<plan-version>3</plan-version></plan></person></coplan>",
      "<plan-version> is missing its id attribute." },
    { HEAD PERSON_OPEN PERSON_FIELDS PLAN_OPEN PLAN_FIELDS "<signoff id=\"" PAYMENT_ID "\" " STAMPS "><name/>"
      "<role/><plan-version id=\"" PAYMENT_ID "\" " STAMPS "/></signoff></plan></person></coplan>",
      "<plan-version> has an attribute Coplan does not use" },
    /* Columns hold text only, records elements only. */
    { HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS "><name><b>x</b></name><role/><voice>person</voice>"
      "</contributor></coplan>", "<b> is not allowed here inside <name>." },
    { HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS "><name/>oops<role/><voice>person</voice>"
      "</contributor></coplan>", "Line 3: the text “oops” is not allowed directly inside <contributor>." },
    { HEAD "stray " CONTRIBUTOR "</coplan>", "the text “stray” is not allowed directly inside <coplan>." },
    /* Elements of another namespace. */
    { HEAD "<contributor xmlns=\"urn:other\" id=\"" PERSON_ID "\" " STAMPS "/></coplan>",
      "<contributor> is not allowed here inside <coplan>." },
    { HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS "><name xmlns=\"\"/><role/><voice>person</voice>"
      "</contributor></coplan>", "<name> is not allowed here" },
    /* Attributes. */
    { HEAD "<contributor " STAMPS "><name/><role/><voice>person</voice></contributor></coplan>",
      "<contributor> is missing its id attribute." },
    { HEAD "<contributor id=\"" PERSON_ID "x\" " STAMPS "><name/><role/><voice>person</voice>"
      "</contributor></coplan>", "<contributor> cannot have id=“" PERSON_ID "x”." },
    { HEAD "<contributor id=\" " PERSON_ID "\" " STAMPS "><name/><role/><voice>person</voice>"
      "</contributor></coplan>", "cannot have id=" },
    { HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS " deleted=\"yes\"><name/><role/><voice>person</voice>"
      "</contributor></coplan>", "cannot have deleted=“yes”." },
    { HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS " colour=\"red\"><name/><role/><voice>person</voice>"
      "</contributor></coplan>", "<contributor> has an attribute Coplan does not use: colour." },
    { HEAD "<contributor xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"false\" id=\""
      PERSON_ID "\" " STAMPS "><name/><role/><voice>person</voice></contributor></coplan>",
      "does not use: xsi:nil." },
    { HEAD "<contributor id=\"" PERSON_ID "\" " STAMPS "><name x=\"1\"/><role/><voice>person</voice>"
      "</contributor></coplan>", "<name> has an attribute Coplan does not use: x." },
    { "<coplan xmlns=\"" NS "\" format-version=\"1\"/>", "<coplan> is missing its exported-at attribute." },
    { "<coplan xmlns=\"" NS "\" format-version=\"1\" exported-at=\"2026-01-01T00:00:00Z\" receipts=\"some\"/>",
      "<coplan> cannot have receipts=“some”." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_invalid (cases[i].xml, cases[i].words);
}

static void
test_many_problems (void)
{
  g_autoptr(GString) xml = g_string_new (HEAD);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < CP_XML_MAX_PROBLEMS + 3; i++)
    g_string_append (xml, "<secret/>\n");
  g_string_append (xml, "</coplan>");
  g_assert_false (cp_xml_read (xml->str, xml->len, NULL, NULL, &error));
  g_assert_error (error, CP_XML_IMPORT_ERROR, CP_XML_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "This Coplan file breaks the rules of the format, "
                                                   "so nothing was imported:\nLine 3: <secret>"));
  g_assert_true (g_str_has_suffix (error->message, "\n… and more problems after these."));
  g_assert_cmpuint (cp_xml_test_occurrences (error->message, "<secret>"), ==, CP_XML_MAX_PROBLEMS);
}

static void
test_guards (void)
{
  static const guchar gzip[] = { 0x1f, 0x8b, 8, 0, 0, 0 };
  g_autoptr(GString) deep = g_string_new (HEAD);

  for (guint i = 0; i < CP_XML_MAX_DEPTH + 2; i++)
    g_string_append (deep, "<a>");
  assert_refused_len (HEAD, CP_XML_IMPORT_MAX_BYTES + 1, CP_XML_IMPORT_ERROR_TOO_LARGE, "larger than");
  assert_refused_len ((const char *) gzip, sizeof gzip, CP_XML_IMPORT_ERROR_COMPRESSED, "compressed");
  assert_refused ("<?xml version=\"1.0\"?>\n<!DOCTYPE coplan [<!ENTITY a \"aaaa\">]>\n<coplan/>",
                  CP_XML_IMPORT_ERROR_DOCTYPE, "DOCTYPE");
  assert_refused (deep->str, CP_XML_IMPORT_ERROR_TOO_DEEP, "deeper than any Coplan file");
  assert_refused (HEAD "<contributor>", CP_XML_IMPORT_ERROR_NOT_XML, "not well-formed");
  assert_refused ("", CP_XML_IMPORT_ERROR_NOT_XML, "not well-formed");
  assert_refused (HEAD "<x:a/></coplan>", CP_XML_IMPORT_ERROR_NOT_XML, "not well-formed");
  assert_refused (HEAD "&unknown;</coplan>", CP_XML_IMPORT_ERROR_NOT_XML, "not well-formed");
  /* Broken further on outranks wrong early on, as for the DOM reader. */
  assert_refused (HEAD "<secret/><a></b></coplan>", CP_XML_IMPORT_ERROR_NOT_XML, "not well-formed");
  assert_refused ("<coplan xmlns=\"urn:other\" format-version=\"1\"/>", CP_XML_IMPORT_ERROR_NOT_COPLAN,
                  "not a Coplan XML file");
  assert_refused ("<other xmlns=\"" NS "\" format-version=\"1\"/>", CP_XML_IMPORT_ERROR_NOT_COPLAN,
                  "not a Coplan XML file");
  assert_refused ("<coplan xmlns=\"" NS "\" format-version=\"2\"/>", CP_XML_IMPORT_ERROR_VERSION,
                  "version “2”");
  assert_refused ("<coplan xmlns=\"" NS "\" format-version=\" 1\"/>", CP_XML_IMPORT_ERROR_VERSION,
                  "version “ 1”");
  assert_refused ("<coplan xmlns=\"" NS "\"/>", CP_XML_IMPORT_ERROR_VERSION, "does not say");
}

/* The suite's hostile fixtures read as test-xml-import expects. */
static void
test_hostile_fixtures (void)
{
  static const struct { const char *name; int code; const char *words; } hostile[] = {
    { "billion-laughs.xml", CP_XML_IMPORT_ERROR_DOCTYPE, "DOCTYPE" },
    { "external-dtd.xml", CP_XML_IMPORT_ERROR_DOCTYPE, "DOCTYPE" },
    { "xinclude.xml", CP_XML_IMPORT_ERROR_INVALID, "include" },
    { "schema-location.xml", CP_XML_IMPORT_ERROR_INVALID, "Line 7: <secret>" },
    { "truncated.xml", CP_XML_IMPORT_ERROR_NOT_XML, "Line 5" },
    { "wrong-namespace.xml", CP_XML_IMPORT_ERROR_NOT_COPLAN, "not a Coplan XML file" },
    { "future-version.xml", CP_XML_IMPORT_ERROR_VERSION, "version “2”" },
    { "deep.xml", CP_XML_IMPORT_ERROR_TOO_DEEP, "deeper than any Coplan file" },
    { "compressed.xml.gz", CP_XML_IMPORT_ERROR_COMPRESSED, "compressed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "xml", hostile[i].name, NULL);
      g_autofree char *data = NULL;
      gsize size;

      g_test_message ("%s", hostile[i].name);
      g_assert_true (g_file_get_contents (path, &data, &size, NULL));
      assert_refused_len (data, size, hostile[i].code, hostile[i].words);
    }
}

static gboolean
stop_at_plan_cb (const CpXmlRecordEvent *record, gpointer user_data, GError **error)
{
  guint *seen = user_data;

  (*seen)++;
  if (strcmp (record->element, "plan") != 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stop at line %ld", record->line);
  return FALSE;
}

static void
test_callback_stops (void)
{
  static const CpXmlReaderFuncs funcs = { NULL, stop_at_plan_cb };
  g_autoptr(GError) error = NULL;
  const char *xml = HEAD PERSON_OPEN PERSON_FIELDS "\n" PLAN_OPEN PLAN_FIELDS "</plan></person>"
                    CONTRIBUTOR "</coplan>";
  guint seen = 0;

  g_assert_false (cp_xml_read (xml, strlen (xml), &funcs, &seen, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (error->message, ==, "stop at line 4");
  g_assert_cmpuint (seen, ==, 2);
}

static gboolean
stop_at_first_cb (const CpXmlRecordEvent *record, gpointer user_data, GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
  return FALSE;
}

/* The person is handed over at its plan's start tag; refusing it stops
 * the parser, and xmlStopParser() frees the input the plan's attributes
 * point into. A large file makes that buffer a mapping of its own, so
 * reading the attributes afterwards would crash (it did, once the window
 * could stop a read of 1,000 people). */
static void
test_callback_stops_at_child (void)
{
  static const CpXmlReaderFuncs funcs = { NULL, stop_at_first_cb };
  g_autoptr(GError) error = NULL;
  g_autofree char *needs = g_strnfill (4 * 1024 * 1024, 'x');
  g_autofree char *xml = g_strconcat (HEAD PERSON_OPEN PERSON_NAMES
                                      "<address/><postcode/><phone/><email/><gp-practice/><local-authority/>"
                                      "<ipc-area/><ipc-cohort/><communication-needs>", needs,
                                      "</communication-needs><preferred-language/>"
                                      "<interpreter-needed>false</interpreter-needed>"
                                      "<consent-given>true</consent-given><sharing-agreement/>"
                                      PLAN_OPEN PLAN_FIELDS "</plan></person></coplan>", NULL);

  g_assert_false (cp_xml_read (xml, strlen (xml), &funcs, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
count_record_cb (const CpXmlRecordEvent *record, gpointer user_data, GError **error)
{
  guint *n = user_data;

  g_assert_true (record->element == g_intern_string (record->element));
  for (guint i = 0; i < record->n_columns; i++)
    g_assert_true (record->columns[i].name == g_intern_string (record->columns[i].name));
  (*n)++;
  return TRUE;
}

/* The demo makes no receipts: scans of 0 to @n - 1 bytes, so every
 * base64 padding shows up. */
static void
add_receipts (CpStore *store, guint n)
{
  sqlite3_stmt *stmt = NULL;
  guint i = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (cp_store_get_db (store), "SELECT id FROM payment ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (i < n && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(CpReceipt) receipt = cp_receipt_new ((const char *) sqlite3_column_text (stmt, 0));
      g_autoptr(GBytes) scan = g_bytes_new ("\x89PNG\r\n\x1a\n\0\1\2\3\4\5\6\7\x10\x11\x12", i);

      g_object_set (receipt, "filename", "scan.png", "mime-type", "image/png", "data", scan, NULL);
      cp_xml_test_insert (store, receipt);
      i++;
    }
  sqlite3_finalize (stmt);
}

static void
test_demo_export (void)
{
  static const CpXmlReaderFuncs funcs = { NULL, count_record_cb };
  g_autoptr(CpStore) store = cp_test_open_store ();

  cp_xml_test_demo (store, 3, 60);
  add_receipts (store, 12);
  for (int receipts = 0; receipts < 2; receipts++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *xml = cp_xml_test_export (store, NULL, receipts);
      guint n = 0;

      g_assert_true (cp_xml_read (xml, strlen (xml), &funcs, &n, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, cp_xml_test_occurrences (xml, " created=\""));
      if (receipts)
        g_assert_cmpuint (cp_xml_test_occurrences (xml, "<receipt "), >, 0);
    }
  cp_store_close (store);
}

/* The differential test */

static const char *const tricky[] = {
  "", " ", " 5", "5 ", "+5", "-5", "-0", "1e3", "5.0", "0x10", "01", "007", "TRUE", "true", "1", "0",
  "false", " false\n", "yes", "2021-02-29", "2024-02-29", "0000-01-01", "2026-13-01", "2026-1-1",
  " 2026-01-01 ", "2026-01-01Z", "24:00:00", "2026-01-01T24:00:00Z", "2026-01-01T23:59:59Z",
  "2026-01-01T23:59:60Z", "2026-01-01T10:00:00.123456Z", "2026-01-01T10:00:00.Z",
  "2026-01-01T10:00:00", "2026-01-01T10:00:00+00:00", " 2026-01-01T10:00:00Z\t", "\u00a0",
  "\u00a05", "99999999999999999999", "9223372036854775807", "9223372036854775808",
  "-9223372036854775808", "00000000000000000000000000000000001", "1000000000", "1000000001",
  "-1000000000", "-1000000001", "2", "-2", "3", "-3", "ABCDEF01-2345-6789-abcd-ABCDEF012345",
  "abcdef01-2345-6789-abcd-abcdef01234", " abcdef01-2345-6789-abcd-abcdef012345",
  "abcdef01-2345-6789-abcd-abcdef012345", "9434765919", "943476591", " 9434765919", "943476591x",
  "QUJD", "QUI=", "QUJ=", "QQ==", "QR==", "Q===", "QUJD=", "Q Q = =", "QU\nJD", "QU!D", "QQ=A",
  "cash", " cash", "Cash", "included", "omitted", " omitted", "draft", "person", "paid",
  "plan", "x<y", "&amp;", "1", "\t", "0.0",
};

static const char *const element_names[] = {
  "name", "role", "voice", "version", "plan-version", "payment", "receipt", "data", "amount-pence",
  "position", "note", "secret", "status", "plan", "person", "contributor", "paid-on",
};

typedef enum
{
  MUTATE_DELETE,
  MUTATE_DUPLICATE,
  MUTATE_SWAP,
  MUTATE_TEXT,
  MUTATE_ATTRIBUTE,
  MUTATE_ADD_ATTRIBUTE,
  MUTATE_ADD_TEXT,
  MUTATE_COMMENT,
  MUTATE_RENAME,
  MUTATE_MOVE,
  MUTATE_INSERT,
  MUTATE_NAMESPACE,
  N_MUTATIONS
} Mutation;

typedef struct
{
  GRand      *rand;
  GPtrArray  *elements;   /* of the mutant document */
  xmlNsPtr    ns;
} Mutant;

static const char *
pick (Mutant *m, const char *const *list, guint n)
{
  return list[g_rand_int_range (m->rand, 0, (gint32) n)];
}

static xmlNodePtr
pick_element (Mutant *m)
{
  return g_ptr_array_index (m->elements, g_rand_int_range (m->rand, 0, (gint32) m->elements->len));
}

static void
collect_elements (xmlNodePtr node, GPtrArray *out)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      {
        g_ptr_array_add (out, node);
        collect_elements (node->children, out);
      }
}

/* Text the reader refuses on purpose though libxml2 takes it. */
static gboolean
stricter_text (const xmlChar *name, const char *value)
{
  if (strstr (value, "T24:00:00") != NULL)
    return TRUE;
  /* libxml2 skips characters outside the base64 alphabet. */
  if (xmlStrEqual (name, BAD_CAST "data"))
    for (const char *p = value; *p; p++)
      if (!g_ascii_isalnum (*p) && !strchr ("+/= \t\r\n", *p))
        return TRUE;
  return FALSE;
}

/* Whether @node or anything in it is a case the reader documents
 * refusing where libxml2's validator accepts: 24:00:00, base64 with
 * stray characters, namespaced (xsi) attributes. */
static gboolean
documented_stricter (xmlNodePtr node)
{
  for (; node != NULL; node = node->next)
    {
      g_autofree char *content = NULL;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      for (xmlAttrPtr a = node->properties; a != NULL; a = a->next)
        {
          g_autofree char *value = (char *) xmlNodeGetContent ((xmlNodePtr) a);

          if (a->ns != NULL || stricter_text (a->name, value ? value : ""))
            return TRUE;
        }
      content = (char *) xmlNodeGetContent (node);
      if (xmlFirstElementChild (node) == NULL && stricter_text (node->name, content ? content : ""))
        return TRUE;
      if (documented_stricter (node->children))
        return TRUE;
    }
  return FALSE;
}

static void
mutate_value (Mutant *m, xmlNodePtr node)
{
  const char *value = pick (m, tricky, G_N_ELEMENTS (tricky));
  const char *attributes[] = { "id", "created", "updated", "deleted", "exported-at", "receipts",
                               "format-version" };

  if (g_rand_boolean (m->rand))
    {
      const char *name = pick (m, attributes, G_N_ELEMENTS (attributes));

      if (xmlHasProp (node, BAD_CAST name) == NULL && g_rand_boolean (m->rand))
        return;
      xmlSetProp (node, BAD_CAST name, BAD_CAST value);
    }
  else if (node->children == NULL || node->children->type == XML_TEXT_NODE)
    {
      xmlNodeSetContent (node, NULL);
      xmlNodeAddContent (node, BAD_CAST value);
    }
}

static void
mutate_attribute (Mutant *m, xmlNodePtr node)
{
  switch (g_rand_int_range (m->rand, 0, 4))
    {
    case 0:
      xmlSetProp (node, BAD_CAST "colour", BAD_CAST "red");
      break;
    case 1:
      xmlSetNsProp (node, xmlNewNs (node, BAD_CAST "http://www.w3.org/2001/XMLSchema-instance",
                                    BAD_CAST "xsi"), BAD_CAST "nil", BAD_CAST "false");
      break;
    case 2:
      xmlSetNsProp (node, xmlNewNs (node, BAD_CAST "urn:other", BAD_CAST "o"), BAD_CAST "id", BAD_CAST "x");
      break;
    default:
      xmlSetProp (node, BAD_CAST "deleted", BAD_CAST (g_rand_boolean (m->rand) ? "true" : "1"));
      break;
    }
}

static void
mutate_structure (Mutant *m, Mutation mutation, xmlNodePtr node)
{
  xmlNodePtr other = pick_element (m);
  xmlNodePtr sibling = xmlNextElementSibling (node);

  switch (mutation)
    {
    case MUTATE_DELETE:
      xmlUnlinkNode (node);
      xmlFreeNode (node);
      break;
    case MUTATE_DUPLICATE:
      xmlAddNextSibling (node, xmlCopyNode (node, 1));
      break;
    case MUTATE_SWAP:
      if (sibling != NULL)
        xmlAddNextSibling (sibling, xmlCopyNode (node, 1)), xmlUnlinkNode (node), xmlFreeNode (node);
      break;
    case MUTATE_MOVE:
      if (other != node && node->parent != NULL && node->parent->type == XML_ELEMENT_NODE)
        xmlAddChild (other, xmlCopyNode (node, 1));
      break;
    case MUTATE_INSERT:
      if (g_rand_boolean (m->rand))
        xmlAddNextSibling (node, xmlNewNode (m->ns, BAD_CAST pick (m, element_names, G_N_ELEMENTS (element_names))));
      else
        xmlAddChild (node, xmlNewNode (m->ns, BAD_CAST pick (m, element_names, G_N_ELEMENTS (element_names))));
      break;
    case MUTATE_RENAME:
      xmlNodeSetName (node, BAD_CAST pick (m, element_names, G_N_ELEMENTS (element_names)));
      break;
    case MUTATE_NAMESPACE:
      xmlSetNs (node, xmlNewNs (node, BAD_CAST "urn:other", BAD_CAST "o"));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
mutate_content (Mutant *m, Mutation mutation, xmlNodePtr node)
{
  const char *texts[] = { "x", " ", "\n\t", "5", "\u00a0" };

  if (mutation == MUTATE_ADD_TEXT)
    {
      xmlNodePtr text = xmlNewText (BAD_CAST pick (m, texts, G_N_ELEMENTS (texts)));

      if (node->children != NULL && g_rand_boolean (m->rand))
        xmlAddPrevSibling (node->children, text);
      else
        xmlAddChild (node, text);
    }
  else if (node->children != NULL && node->children->type == XML_TEXT_NODE)
    {
      /* A comment splits a value's text; it is still one value. */
      xmlNodePtr text = node->children;
      const xmlChar *content = text->content;
      int len = xmlStrlen (content);
      int at = len ? g_rand_int_range (m->rand, 0, len + 1) : 0;
      g_autofree char *head = g_strndup ((const char *) content, (gsize) at);
      g_autofree char *tail = g_strdup ((const char *) content + at);

      xmlNodeSetContent (node, NULL);
      xmlAddChild (node, xmlNewText (BAD_CAST head));
      xmlAddChild (node, xmlNewComment (BAD_CAST " note "));
      xmlAddChild (node, xmlNewText (BAD_CAST tail));
    }
  else
    xmlAddChild (node, xmlNewComment (BAD_CAST " note "));
}

/* One to three random changes to a copy of @doc, serialised. */
static char *
make_mutant (xmlDocPtr doc, GRand *rand, gboolean *stricter)
{
  xmlDocPtr copy = xmlCopyDoc (doc, 1);
  Mutant m = { rand, g_ptr_array_new (), xmlDocGetRootElement (copy)->ns };
  guint n = (guint) g_rand_int_range (rand, 1, 4);
  xmlChar *out = NULL;
  int size = 0;
  char *text;

  for (guint i = 0; i < n; i++)
    {
      Mutation mutation = g_rand_int_range (rand, 0, N_MUTATIONS);
      xmlNodePtr node;

      g_ptr_array_set_size (m.elements, 0);
      collect_elements (xmlDocGetRootElement (copy), m.elements);
      node = pick_element (&m);
      if (mutation == MUTATE_TEXT || mutation == MUTATE_ATTRIBUTE)
        mutate_value (&m, node);
      else if (mutation == MUTATE_ADD_ATTRIBUTE)
        mutate_attribute (&m, node);
      else if (mutation == MUTATE_ADD_TEXT || mutation == MUTATE_COMMENT)
        mutate_content (&m, mutation, node);
      else if (node->parent->type == XML_ELEMENT_NODE || mutation == MUTATE_INSERT ||
               mutation == MUTATE_RENAME || mutation == MUTATE_NAMESPACE)
        mutate_structure (&m, mutation, node);
    }
  *stricter = documented_stricter (xmlDocGetRootElement (copy));
  xmlDocDumpMemory (copy, &out, &size);
  text = g_strndup ((const char *) out, (gsize) size);
  xmlFree (out);
  xmlFreeDoc (copy);
  g_ptr_array_unref (m.elements);
  return text;
}

static void
test_differential (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autofree char *xml = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  guint n_mutants = g_test_slow () ? 20000 : 3000;
  guint both = 0, neither = 0, only_xsd = 0;
  xmlDocPtr doc;

  cp_xml_test_demo (store, 3, 40);
  add_receipts (store, 8);
  xml = cp_xml_test_export (store, NULL, TRUE);
  doc = xmlReadMemory (xml, (int) strlen (xml), "export.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  for (guint i = 0; i < n_mutants; i++)
    {
      gboolean stricter = FALSE;
      g_autofree char *mutant = make_mutant (doc, rand, &stricter);
      g_autoptr(GError) read_error = NULL;
      g_autoptr(GError) xsd_error = NULL;
      gboolean read = cp_xml_read (mutant, strlen (mutant), NULL, NULL, &read_error);
      xmlDocPtr checked = cp_xml_parse_document (mutant, strlen (mutant), &xsd_error);

      if (read && checked == NULL)
        g_error ("mutant %u: the reader accepts what the XSD refuses (%s):\n%s",
                 i, xsd_error->message, mutant);
      if (!read && checked != NULL && !stricter)
        g_error ("mutant %u: the reader refuses what the XSD accepts (%s):\n%s",
                 i, read_error->message, mutant);
      /* Where both refuse, both say why in the same category. */
      if (!read && checked == NULL && read_error->code != xsd_error->code)
        g_error ("mutant %u: the reader says %s, the XSD %s", i, read_error->message, xsd_error->message);
      both += read && checked != NULL;
      neither += !read && checked == NULL;
      only_xsd += !read && checked != NULL;
      g_clear_pointer (&checked, xmlFreeDoc);
    }
  g_test_message ("%u mutants: %u accepted by both, %u refused by both, "
                  "%u accepted only by the XSD (documented stricter cases)",
                  n_mutants, both, neither, only_xsd);
  g_print ("# %u mutants: %u accepted by both, %u refused by both, %u only by the XSD\n",
           n_mutants, both, neither, only_xsd);
  g_assert_cmpuint (both, >, n_mutants / 20);
  g_assert_cmpuint (neither, >, n_mutants / 4);
  xmlFreeDoc (doc);
  cp_store_close (store);
}

/* The rules come from coplan-1.xsd; anything in it the reader does not
 * implement must stop the build's tests, not be skipped. */
static const struct { const char *from, *to; } unsupported_edits[] = {
  { "<xs:pattern value=\"[0-9]{10}\"/>", "<xs:pattern value=\"[0-9]{11}\"/>" },
  { "<xs:minInclusive value=\"-2\"/>", "<xs:minExclusive value=\"-2\"/>" },
  { "type=\"xs:boolean\"", "type=\"xs:int\"" },
  { "<xs:attributeGroup ref=\"record\"/>", "<xs:anyAttribute/>" },
  { "<xs:choice minOccurs=\"0\" maxOccurs=\"unbounded\">", "<xs:choice minOccurs=\"0\" maxOccurs=\"5\">" },
  { "type=\"date\" minOccurs=\"0\"/>", "type=\"date\" minOccurs=\"0\" maxOccurs=\"2\"/>" },
  { "<!-- Common value types -->", "<xs:group name=\"g\"><xs:sequence/></xs:group>" },
  { "<xs:enumeration value=\"cash\"/>", "<xs:enumeration value=\"cash\"/><xs:length value=\"4\"/>" },
  { "<xs:element name=\"note\" type=\"xs:string\"/>", "<xs:element name=\"note\" type=\"xs:string\" nillable=\"true\"/>" },
  { "elementFormDefault=\"qualified\"", "elementFormDefault=\"unqualified\"" },
  { "<xs:element name=\"name\" type=\"xs:string\"/>\n      <xs:element name=\"role\" type=\"xs:string\"/>",
    "<xs:element name=\"name\" type=\"xs:string\"/>\n      <xs:element name=\"name\" type=\"xs:string\"/>" },
};

static char *
embedded_xsd (void)
{
  g_autoptr(GBytes) bytes = cp_reference_lookup ("coplan-1.xsd", NULL);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_schema_compiles (void)
{
  g_autofree char *xsd = embedded_xsd ();

  g_assert_true (_cp_xml_reader_compiles (xsd, strlen (xsd)));
}

static void
test_schema_unsupported (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);

  if (g_test_subprocess ())
    {
      g_autofree char *xsd = embedded_xsd ();
      g_autoptr(GString) edited = g_string_new (xsd);

      g_assert_cmpuint (g_string_replace (edited, unsupported_edits[i].from, unsupported_edits[i].to, 1), ==, 1);
      g_log_set_always_fatal (G_LOG_LEVEL_ERROR);
      g_assert_false (_cp_xml_reader_compiles (edited->str, edited->len));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*CRITICAL*outside the part of XML Schema*");
}

int
main (int argc, char *argv[])
{
  cp_test_init (&argc, &argv);
  g_test_add_func ("/xml-reader/records-in-order", test_records_in_order);
  g_test_add_func ("/xml-reader/parent-before-children", test_parent_before_children);
  g_test_add_func ("/xml-reader/header", test_header);
  g_test_add_func ("/xml-reader/values-accepted", test_values_accepted);
  g_test_add_func ("/xml-reader/values-refused", test_values_refused);
  g_test_add_func ("/xml-reader/booleans-and-stamps", test_booleans_and_stamps);
  g_test_add_func ("/xml-reader/base64", test_base64);
  g_test_add_func ("/xml-reader/structure-refused", test_structure_refused);
  g_test_add_func ("/xml-reader/many-problems", test_many_problems);
  g_test_add_func ("/xml-reader/guards", test_guards);
  g_test_add_func ("/xml-reader/hostile-fixtures", test_hostile_fixtures);
  g_test_add_func ("/xml-reader/callback-stops", test_callback_stops);
  g_test_add_func ("/xml-reader/callback-stops-at-child", test_callback_stops_at_child);
  g_test_add_func ("/xml-reader/demo-export", test_demo_export);
  g_test_add_func ("/xml-reader/differential", test_differential);
  g_test_add_func ("/xml-reader/schema-compiles", test_schema_compiles);
  for (guint i = 0; i < G_N_ELEMENTS (unsupported_edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xml-reader/schema-unsupported/%u", i);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_schema_unsupported);
    }
  return g_test_run ();
}
