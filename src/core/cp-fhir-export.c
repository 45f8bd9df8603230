/* cp-fhir-export.c — people and their plans as an HL7 FHIR R4 Bundle
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FHIR's XML puts every primitive in a value attribute and fixes the
 * order of elements within a resource, so each writer below follows the
 * R4 StructureDefinition order. Resources refer to each other by
 * urn:uuid: full URLs made from Coplan's own UUIDs, so the same person
 * exported twice gives the same ids.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cp-children.h"
#include "cp-enums.h"
#include "cp-fhir-export.h"
#include "cp-outcome.h"
#include "cp-outcome-action.h"
#include "cp-outcome-rating.h"
#include "cp-person.h"
#include "cp-plan.h"
#include "cp-plan-entry.h"
#include "cp-record-list.h"
#include "cp-record-values.h"
#include "cp-support-member.h"
#include "cp-xml-stream.h"

#define W(x) BAD_CAST (x)

static const char *
str (gpointer record, const char *property)
{
  return cp_record_get_text (CP_RECORD (record), property);
}

static const char *
nick (gpointer record, const char *property)
{
  return cp_record_get_nick (CP_RECORD (record), property);
}

/* <name value="…"/>, skipped when empty: FHIR forbids empty values. */
static void
write_value (xmlTextWriterPtr w, const char *element, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  xmlTextWriterStartElement (w, W (element));
  xmlTextWriterWriteAttribute (w, W ("value"), W (value));
  xmlTextWriterEndElement (w);
}

static void
write_reference (xmlTextWriterPtr w, const char *element, const char *id, const char *display)
{
  g_autofree char *url = id ? g_strconcat ("urn:uuid:", id, NULL) : NULL;

  xmlTextWriterStartElement (w, W (element));
  write_value (w, "reference", url);
  write_value (w, "display", display);
  xmlTextWriterEndElement (w);
}

static void
write_codeable_text (xmlTextWriterPtr w, const char *element, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  xmlTextWriterStartElement (w, W (element));
  write_value (w, "text", text);
  xmlTextWriterEndElement (w);
}

static void
write_annotation (xmlTextWriterPtr w, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  xmlTextWriterStartElement (w, W ("note"));
  write_value (w, "text", text);
  xmlTextWriterEndElement (w);
}

static void
write_telecom (xmlTextWriterPtr w, const char *system, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  xmlTextWriterStartElement (w, W ("telecom"));
  write_value (w, "system", system);
  write_value (w, "value", value);
  xmlTextWriterEndElement (w);
}

/* <entry><fullUrl/><resource><Type><id/> … closed by end_entry(). */
static void
start_entry (xmlTextWriterPtr w, const char *type, const char *id)
{
  g_autofree char *url = g_strconcat ("urn:uuid:", id, NULL);

  xmlTextWriterStartElement (w, W ("entry"));
  write_value (w, "fullUrl", url);
  xmlTextWriterStartElement (w, W ("resource"));
  xmlTextWriterStartElement (w, W (type));
  write_value (w, "id", id);
}

static void
end_entry (xmlTextWriterPtr w)
{
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

static void
write_patient (xmlTextWriterPtr w, CpPerson *person)
{
  const char *nhs = cp_person_get_nhs_number (person);
  const char *preferred = str (person, "preferred-name");

  start_entry (w, "Patient", cp_record_get_id (CP_RECORD (person)));
  if (nhs != NULL && *nhs != '\0')
    {
      xmlTextWriterStartElement (w, W ("identifier"));
      write_value (w, "system", CP_FHIR_NHS_NUMBER_SYSTEM);
      write_value (w, "value", nhs);
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterStartElement (w, W ("name"));
  write_value (w, "use", "official");
  write_value (w, "family", str (person, "family-name"));
  write_value (w, "given", str (person, "given-name"));
  xmlTextWriterEndElement (w);
  if (*preferred != '\0')
    {
      xmlTextWriterStartElement (w, W ("name"));
      write_value (w, "use", "usual");
      write_value (w, "given", preferred);
      xmlTextWriterEndElement (w);
    }
  write_telecom (w, "phone", str (person, "phone"));
  write_telecom (w, "email", str (person, "email"));
  write_value (w, "birthDate", cp_record_get_string (CP_RECORD (person), "date-of-birth"));
  if (*str (person, "address") != '\0' || *str (person, "postcode") != '\0')
    {
      xmlTextWriterStartElement (w, W ("address"));
      write_value (w, "text", str (person, "address"));
      write_value (w, "postalCode", str (person, "postcode"));
      xmlTextWriterEndElement (w);
    }
  if (*str (person, "preferred-language") != '\0')
    {
      xmlTextWriterStartElement (w, W ("communication"));
      write_codeable_text (w, "language", str (person, "preferred-language"));
      write_value (w, "preferred", "true");
      xmlTextWriterEndElement (w);
    }
  if (*str (person, "gp-practice") != '\0')
    write_reference (w, "generalPractitioner", NULL, str (person, "gp-practice"));
  end_entry (w);
}

static void
write_related_person (xmlTextWriterPtr w, CpSupportMember *member, const char *patient_id)
{
  start_entry (w, "RelatedPerson", cp_record_get_id (CP_RECORD (member)));
  write_reference (w, "patient", patient_id, NULL);
  write_codeable_text (w, "relationship", str (member, "relationship"));
  xmlTextWriterStartElement (w, W ("name"));
  write_value (w, "text", str (member, "name"));
  xmlTextWriterEndElement (w);
  write_telecom (w, "phone", str (member, "phone"));
  write_telecom (w, "email", str (member, "email"));
  end_entry (w);
}

/* The latest goal-attainment rating as FHIR's achievement status: 0 is
 * the expected outcome, so 0 and above count as achieved. */
static const char *
achievement_code (gint64 score)
{
  if (score >= 0)
    return "achieved";
  return score == -1 ? "in-progress" : "no-progress";
}

static const char *
goal_lifecycle (const char *plan_status)
{
  if (g_strcmp0 (plan_status, "draft") == 0)
    return "proposed";
  if (g_strcmp0 (plan_status, "ended") == 0)
    return "completed";
  return "active";
}

static void
write_goal (CpStore *store, xmlTextWriterPtr w, CpOutcome *outcome, const char *patient_id,
            const char *plan_status)
{
  const char *id = cp_record_get_id (CP_RECORD (outcome));
  g_autoptr(GPtrArray) ratings = cp_children_load (store, CP_TYPE_OUTCOME_RATING, id);

  start_entry (w, "Goal", id);
  write_value (w, "lifecycleStatus", goal_lifecycle (plan_status));
  if (ratings->len > 0)
    {
      gpointer latest = ratings->pdata[ratings->len - 1];

      xmlTextWriterStartElement (w, W ("achievementStatus"));
      xmlTextWriterStartElement (w, W ("coding"));
      write_value (w, "system", "http://terminology.hl7.org/CodeSystem/goal-achievement");
      write_value (w, "code", achievement_code (cp_record_get_int64 (latest, "score")));
      xmlTextWriterEndElement (w);
      xmlTextWriterEndElement (w);
    }
  write_codeable_text (w, "description", str (outcome, "description"));
  write_reference (w, "subject", patient_id, NULL);
  if (g_strcmp0 (nick (outcome, "voice"), "person") == 0)
    write_reference (w, "expressedBy", patient_id, NULL);
  for (guint i = 0; i < ratings->len; i++)
    {
      gpointer rating = ratings->pdata[i];
      /* Translators: a goal-attainment rating in an exported FHIR Goal. */
      g_autofree char *text = g_strdup_printf (_("Goal attainment rating %+d on %s. %s"),
                                               (int) cp_record_get_int64 (rating, "score"),
                                               str (rating, "rated-on"), str (rating, "note"));

      write_annotation (w, g_strstrip (text));
    }
  end_entry (w);
}

static const char *
care_plan_status (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return "draft";
  if (g_strcmp0 (status, "ended") == 0)
    return "completed";
  return "active";
}

static void
write_activity (xmlTextWriterPtr w, gpointer action, const char *goal_id)
{
  const char *due = cp_record_get_string (CP_RECORD (action), "due-date");
  gboolean done = cp_record_get_flag (CP_RECORD (action), "done");

  xmlTextWriterStartElement (w, W ("activity"));
  xmlTextWriterStartElement (w, W ("detail"));
  write_reference (w, "goal", goal_id, NULL);
  write_value (w, "status", done ? "completed" : "not-started");
  if (due != NULL)
    {
      /* Translators: when an action in an exported FHIR CarePlan is due. */
      g_autofree char *by = g_strdup_printf (_("By %s"), due);
      write_value (w, "scheduledString", by);
    }
  if (*str (action, "who") != '\0')
    write_reference (w, "performer", NULL, str (action, "who"));
  write_value (w, "description", str (action, "description"));
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

static void
write_care_plan (CpStore *store, xmlTextWriterPtr w, CpPlan *plan, const char *patient_id,
                 GPtrArray *outcomes, GPtrArray *members)
{
  const char *status = nick (plan, "status");
  const char *start = cp_record_get_string (CP_RECORD (plan), "year-start");
  const char *end = cp_record_get_string (CP_RECORD (plan), "year-end");
  g_autoptr(GPtrArray) entries = cp_children_load (store, CP_TYPE_PLAN_ENTRY,
                                                   cp_record_get_id (CP_RECORD (plan)));

  start_entry (w, "CarePlan", cp_record_get_id (CP_RECORD (plan)));
  write_value (w, "status", care_plan_status (status));
  write_value (w, "intent", "plan");
  write_codeable_text (w, "category", _("Personalised care and support plan"));
  write_value (w, "title", str (plan, "title"));
  write_reference (w, "subject", patient_id, NULL);
  if (start != NULL || end != NULL)
    {
      xmlTextWriterStartElement (w, W ("period"));
      write_value (w, "start", start);
      write_value (w, "end", end);
      xmlTextWriterEndElement (w);
    }
  for (guint i = 0; i < members->len; i++)
    write_reference (w, "contributor", cp_record_get_id (members->pdata[i]), NULL);
  for (guint i = 0; i < outcomes->len; i++)
    write_reference (w, "goal", cp_record_get_id (outcomes->pdata[i]), NULL);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const char *goal_id = cp_record_get_id (outcomes->pdata[i]);
      g_autoptr(GPtrArray) actions = cp_children_load (store, CP_TYPE_OUTCOME_ACTION, goal_id);

      for (guint j = 0; j < actions->len; j++)
        write_activity (w, actions->pdata[j], goal_id);
    }
  /* The plan's own words travel as notes, each headed by its section. */
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", nick (entries->pdata[i], "section"),
                                               str (entries->pdata[i], "body"));
      write_annotation (w, text);
    }
  end_entry (w);
}

static void
write_person (CpStore *store, xmlTextWriterPtr w, CpPerson *person)
{
  const char *person_id = cp_record_get_id (CP_RECORD (person));
  g_autoptr(GPtrArray) members = cp_children_load (store, CP_TYPE_SUPPORT_MEMBER, person_id);
  g_autoptr(GPtrArray) plans = cp_children_load (store, CP_TYPE_PLAN, person_id);

  write_patient (w, person);
  for (guint i = 0; i < members->len; i++)
    write_related_person (w, members->pdata[i], person_id);
  for (guint i = 0; i < plans->len; i++)
    {
      CpPlan *plan = plans->pdata[i];
      g_autoptr(GPtrArray) outcomes = cp_children_load (store, CP_TYPE_OUTCOME,
                                                        cp_record_get_id (CP_RECORD (plan)));

      write_care_plan (store, w, plan, person_id, outcomes, members);
      for (guint j = 0; j < outcomes->len; j++)
        write_goal (store, w, outcomes->pdata[j], person_id, nick (plan, "status"));
    }
}

static void
write_bundle_start (xmlTextWriterPtr w)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  xmlTextWriterStartElementNS (w, NULL, W ("Bundle"), W (CP_FHIR_NAMESPACE));
  write_value (w, "id", id);
  write_value (w, "type", "collection");
  write_value (w, "timestamp", timestamp);
}

/* The whole caseload goes through the lazy list a page at a time, so a
 * large caseload is never held in memory at once. */
static void
write_people (CpStore *store, xmlTextWriterPtr w, const char *const *person_ids)
{
  g_autoptr(CpRecordList) everyone = NULL;
  guint n;

  if (person_ids != NULL)
    {
      for (guint i = 0; person_ids[i] != NULL; i++)
        {
          g_autoptr(CpPerson) person = cp_store_load (store, CP_TYPE_PERSON, person_ids[i], NULL);
          write_person (store, w, person);
        }
      return;
    }
  everyone = cp_record_list_new (store, CP_TYPE_PERSON, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (everyone));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpPerson) person = g_list_model_get_item (G_LIST_MODEL (everyone), i);

      if (person != NULL)
        write_person (store, w, person);
    }
}

gboolean
cp_fhir_export (CpStore *store, const char *const *person_ids, GOutputStream *out, GError **error)
{
  g_autoptr(CpXmlStream) stream = NULL;
  xmlTextWriterPtr w;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (!cp_children_check_people (store, person_ids, error))
    return FALSE;
  stream = cp_xml_stream_new (out);
  w = cp_xml_stream_writer (stream);
  write_bundle_start (w);
  write_people (store, w, person_ids);
  xmlTextWriterEndElement (w);
  return cp_xml_stream_finish (stream, error);
}
