/* test-fhir.c — the FHIR R4 Bundle: resources, identifiers, references
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "export-test-data.h"

static xmlDocPtr
export_fhir (CpStore *store, const char *const *ids)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (out);
  xmlDocPtr doc;

  g_assert_true (cp_fhir_export (store, ids, out, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  doc = xmlReadMemory (g_memory_output_stream_get_data (memory),
                       (int) g_memory_output_stream_get_data_size (memory),
                       NULL, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  return doc;
}

/* The value attributes matched by @xpath (FHIR namespace as f:), joined by "|". */
static char *
values (xmlDocPtr doc, const char *xpath)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  GString *joined = g_string_new (NULL);

  xmlXPathRegisterNs (context, BAD_CAST "f", BAD_CAST CP_FHIR_NAMESPACE);
  result = xmlXPathEvalExpression (BAD_CAST xpath, context);
  g_assert_nonnull (result);
  for (int i = 0; result->nodesetval && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *value = xmlGetProp (result->nodesetval->nodeTab[i], BAD_CAST "value");

      if (joined->len > 0)
        g_string_append_c (joined, '|');
      g_string_append (joined, value ? (const char *) value : "?");
      xmlFree (value);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return g_string_free (joined, FALSE);
}

#define assert_values(doc, xpath, expected) \
  G_STMT_START { g_autofree char *got_ = values (doc, xpath); g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
test_bundle (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_auto(ExportTestIds) ids = { 0 };
  g_autofree char *patient_ref = NULL;
  xmlDocPtr doc;

  export_test_fill (store, &ids);
  doc = export_fhir (store, NULL);
  patient_ref = g_strconcat ("urn:uuid:", ids.person_id, NULL);

  assert_values (doc, "/f:Bundle/f:type", "collection");
  /* one Patient, one RelatedPerson, one CarePlan, one Goal, in that order */
  {
    xmlXPathContextPtr context = xmlXPathNewContext (doc);
    xmlXPathObjectPtr result;

    xmlXPathRegisterNs (context, BAD_CAST "f", BAD_CAST CP_FHIR_NAMESPACE);
    result = xmlXPathEvalExpression (BAD_CAST "/f:Bundle/f:entry/f:resource/*", context);
    g_assert_cmpint (result->nodesetval->nodeNr, ==, 4);
    g_assert_cmpstr ((const char *) result->nodesetval->nodeTab[0]->name, ==, "Patient");
    g_assert_cmpstr ((const char *) result->nodesetval->nodeTab[1]->name, ==, "RelatedPerson");
    g_assert_cmpstr ((const char *) result->nodesetval->nodeTab[2]->name, ==, "CarePlan");
    g_assert_cmpstr ((const char *) result->nodesetval->nodeTab[3]->name, ==, "Goal");
    xmlXPathFreeObject (result);
    xmlXPathFreeContext (context);
  }
  assert_values (doc, "//f:Patient/f:identifier/f:system", CP_FHIR_NHS_NUMBER_SYSTEM);
  assert_values (doc, "//f:Patient/f:identifier/f:value", "9434765919");
  assert_values (doc, "//f:Patient/f:name[f:use/@value='official']/f:family", "Khan");
  assert_values (doc, "//f:Patient/f:name[f:use/@value='usual']/f:given", "Mina");
  assert_values (doc, "//f:Patient/f:birthDate", "1984-05-02");
  assert_values (doc, "//f:Patient/f:communication/f:language/f:text", "Bengali");
  assert_values (doc, "//f:Patient/f:generalPractitioner/f:display", "Jubilee Street Practice");
  /* every resource is reachable by its urn:uuid full URL */
  {
    g_autofree char *urls = values (doc, "/f:Bundle/f:entry/f:fullUrl");
    g_assert_true (g_str_has_prefix (urls, patient_ref));
  }
  assert_values (doc, "//f:RelatedPerson/f:patient/f:reference", patient_ref);
  assert_values (doc, "//f:RelatedPerson/f:relationship/f:text", "Sister");
  assert_values (doc, "//f:RelatedPerson/f:telecom/f:value", "07700 900123");
  assert_values (doc, "//f:CarePlan/f:status", "active");
  assert_values (doc, "//f:CarePlan/f:intent", "plan");
  assert_values (doc, "//f:CarePlan/f:subject/f:reference", patient_ref);
  assert_values (doc, "//f:CarePlan/f:period/f:start", "2026-04-01");
  assert_values (doc, "//f:CarePlan/f:activity/f:detail/f:description", "Cooking lessons at the community centre");
  assert_values (doc, "//f:CarePlan/f:activity/f:detail/f:status", "not-started");
  assert_values (doc, "//f:Goal/f:lifecycleStatus", "active");
  assert_values (doc, "//f:Goal/f:description/f:text", "I want to cook for myself again");
  /* the latest rating (+1, above the expected 0) sets the achievement */
  assert_values (doc, "//f:Goal/f:achievementStatus/f:coding/f:code", "achieved");
  assert_values (doc, "//f:Goal/f:expressedBy/f:reference", patient_ref);
  {
    g_autofree char *goal = g_strconcat ("urn:uuid:", ids.outcome_id, NULL);
    assert_values (doc, "//f:CarePlan/f:goal/f:reference", goal);
  }
  xmlFreeDoc (doc);
}

/* FHIR forbids empty values: a person with only a name has no empty
 * identifier, telecom or birthDate elements. */
static void
test_no_empty_values (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(CpPerson) person = cp_test_add_person (store, "Only", "Name");
  xmlDocPtr doc = export_fhir (store, NULL);

  assert_values (doc, "//*[@value='']", "");
  assert_values (doc, "//f:Patient/f:identifier", "");
  assert_values (doc, "//f:Patient/f:name/f:given", "Only");
  xmlFreeDoc (doc);
}

static void
test_selection_and_unknown (void)
{
  g_autoptr(CpStore) store = cp_test_open_store ();
  g_autoptr(CpPerson) bob = cp_test_add_person (store, "Bob", "Other");
  g_auto(ExportTestIds) ids = { 0 };
  const char *only_bob[] = { NULL, NULL };
  const char *unknown[] = { "00000000-0000-4000-8000-000000000000", NULL };
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc;

  export_test_fill (store, &ids);
  only_bob[0] = cp_record_get_id (CP_RECORD (bob));
  doc = export_fhir (store, only_bob);
  assert_values (doc, "//f:Patient/f:name/f:family", "Other");
  assert_values (doc, "//f:CarePlan", "");
  xmlFreeDoc (doc);

  g_assert_false (cp_fhir_export (store, unknown, out, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);
}

int
main (int argc, char **argv)
{
  cp_test_init (&argc, &argv);
  g_test_add_func ("/fhir/bundle", test_bundle);
  g_test_add_func ("/fhir/no-empty-values", test_no_empty_values);
  g_test_add_func ("/fhir/selection-and-unknown", test_selection_and_unknown);
  return g_test_run ();
}
