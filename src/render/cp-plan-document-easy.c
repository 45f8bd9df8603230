/* cp-plan-document-easy.c — the plan in easy read
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Easy read (Mencap and NHS England guidance): large print, short plain
 * headings written as the person would say them, one idea on each line,
 * no jargon, numbers as figures. Long entries are broken into sentences,
 * each on its own line. The money is told in three lines: what there is,
 * what is spent, what is left.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "cp-chart.h"
#include "cp-plan-document-private.h"

#define CIRCLE_HEIGHT 340.0
#define CHART_HEIGHT 260.0
#define SIGNATURE_ROW_HEIGHT 46.0

/* Splits @text after each . ! ? or line break, so every idea gets a line. */
static GPtrArray *
split_ideas (const char *text)
{
  GPtrArray *ideas = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) idea = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean ends = c == '\n' || ((c == '.' || c == '!' || c == '?') && (p[1] == ' ' || p[1] == '\0'));

      if (c != '\n')
        g_string_append_unichar (idea, c);
      if (ends || p[1] == '\0')
        {
          char *line = g_strstrip (g_strdup (idea->str));

          if (*line != '\0')
            g_ptr_array_add (ideas, line);
          else
            g_free (line);
          g_string_truncate (idea, 0);
        }
    }
  return ideas;
}

static void
add_ideas (CpDocument *doc, const char *text)
{
  g_autoptr(GPtrArray) ideas = split_ideas (text);

  for (guint i = 0; i < ideas->len; i++)
    cp_document_add_bullet (doc, ideas->pdata[i]);
}

static void
add_section (CpPlanSource *source, CpSection section, const char *heading)
{
  g_autoptr(GPtrArray) entries = _cp_plan_source_section (source, section);

  if (entries->len == 0)
    return;
  cp_document_add_heading (source->doc, heading);
  for (guint i = 0; i < entries->len; i++)
    add_ideas (source->doc, cp_record_get_text (entries->pdata[i], "body"));
}

static void
add_intro (CpPlanSource *source)
{
  CpRecord *person = CP_RECORD (source->person);
  g_autofree char *about = g_strdup_printf (_("This plan is about me, %s."), source->first);
  const char *needs = cp_record_get_text (person, "communication-needs");

  cp_document_add_title (source->doc, _("My plan"));
  cp_document_add_paragraph (source->doc, about);
  if (source->plan != NULL)
    {
      g_autofree char *start = _cp_plan_long_date (cp_record_get_string (CP_RECORD (source->plan), "year-start"));
      g_autofree char *end = _cp_plan_long_date (cp_record_get_string (CP_RECORD (source->plan), "year-end"));

      if (*start && *end)
        {
          g_autofree char *from = g_strdup_printf (_("My plan starts on %s."), start);
          g_autofree char *to = g_strdup_printf (_("My plan ends on %s."), end);

          cp_document_add_paragraph (source->doc, from);
          cp_document_add_paragraph (source->doc, to);
        }
    }
  if (*needs != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("How to talk with me: %s"), needs);
      cp_document_add_callout (source->doc, line);
    }
}

static void
add_goals (CpPlanSource *source)
{
  g_autoptr(GPtrArray) outcomes = _cp_plan_source_children (source, CP_TYPE_OUTCOME);

  if (outcomes->len == 0)
    return;
  cp_document_add_heading (source->doc, _("What I want to do"));
  for (guint i = 0; i < outcomes->len; i++)
    {
      CpRecord *outcome = outcomes->pdata[i];
      g_autoptr(GPtrArray) actions = cp_children_load (source->store, CP_TYPE_OUTCOME_ACTION,
                                                       cp_record_get_id (outcome));

      cp_document_add_subheading (source->doc, cp_record_get_text (outcome, "description"));
      for (guint j = 0; j < actions->len; j++)
        {
          CpRecord *action = actions->pdata[j];
          const char *who = cp_record_get_text (action, "who");
          g_autofree char *due = _cp_plan_long_date (cp_record_get_string (action, "due-date"));
          g_autofree char *line = *who ? g_strdup_printf (_("%s will: %s"), who, cp_record_get_text (action, "description"))
                                       : g_strdup (cp_record_get_text (action, "description"));

          cp_document_add_bullet (source->doc, line);
          if (*due)
            {
              g_autofree char *by = g_strdup_printf (_("By %s."), due);
              cp_document_add_note (source->doc, by);
            }
        }
    }
}

/* "Sister" reads "my sister"; "GP" stays "my GP". */
static char *
relationship_words (const char *relationship)
{
  const char *second = g_utf8_next_char (relationship);

  if (*second != '\0' && g_unichar_islower (g_utf8_get_char (second)))
    {
      g_autofree char *first = g_utf8_strdown (relationship, second - relationship);
      return g_strconcat (first, second, NULL);
    }
  return g_strdup (relationship);
}

static void
add_people (CpPlanSource *source)
{
  g_autoptr(GPtrArray) members = cp_children_load (source->store, CP_TYPE_SUPPORT_MEMBER,
                                                   cp_record_get_id (CP_RECORD (source->person)));

  if (members->len == 0)
    return;
  cp_document_add_heading (source->doc, _("People in my life"));
  _cp_plan_add_circle (source, CIRCLE_HEIGHT);
  for (guint i = 0; i < members->len; i++)
    {
      CpRecord *member = members->pdata[i];
      g_autofree char *relationship = relationship_words (cp_record_get_text (member, "relationship"));
      g_autofree char *line = *relationship
        ? g_strdup_printf (_("%s is my %s."), cp_record_get_text (member, "name"), relationship)
        : g_strdup (cp_record_get_text (member, "name"));

      cp_document_add_bullet (source->doc, line);
    }
}

static void
add_money (CpPlanSource *source)
{
  CpBudgetFigures *figures;

  if (source->plan == NULL)
    return;
  figures = cp_budget_figures_load (source->store, cp_record_get_id (CP_RECORD (source->plan)),
                                    source->today, NULL);
  if (figures == NULL)
    return;
  cp_document_add_heading (source->doc, _("My money"));
  {
    g_autofree char *agreed = cp_money_format (figures->agreed_pence);
    g_autofree char *spent = cp_money_format (figures->spent_pence);
    g_autofree char *left = cp_money_format (figures->remaining_pence);
    g_autofree char *line1 = g_strdup_printf (_("I have %s for this year."), agreed);
    g_autofree char *line2 = g_strdup_printf (_("I have spent %s."), spent);
    g_autofree char *line3 = g_strdup_printf (_("I have %s left."), left);

    cp_document_add_bullet (source->doc, line1);
    cp_document_add_bullet (source->doc, line2);
    cp_document_add_bullet (source->doc, line3);
  }
  for (guint i = 0; i < figures->warnings->len; i++)
    cp_document_add_callout (source->doc, ((CpBudgetWarning *) figures->warnings->pdata[i])->message);
  cp_budget_figures_free (figures);
  _cp_plan_add_chart (source, CP_CHART_KIND_DONUT, CHART_HEIGHT);
}

static void
add_safety (CpPlanSource *source)
{
  g_autoptr(GPtrArray) risks = _cp_plan_source_children (source, CP_TYPE_RISK);

  if (risks->len == 0)
    return;
  cp_document_add_heading (source->doc, _("Keeping safe"));
  for (guint i = 0; i < risks->len; i++)
    {
      CpRecord *risk = risks->pdata[i];

      cp_document_add_subheading (source->doc, cp_record_get_text (risk, "description"));
      add_ideas (source->doc, cp_record_get_text (risk, "management"));
    }
}

static void
add_agreement (CpPlanSource *source)
{
  g_autoptr(GPtrArray) signoffs = _cp_plan_source_children (source, CP_TYPE_SIGNOFF);
  const char *sharing = cp_record_get_text (CP_RECORD (source->person), "sharing-agreement");

  add_section (source, CP_SECTION_SHARING, _("Who can see my plan"));
  if (*sharing != '\0')
    {
      cp_document_add_heading (source->doc, _("I said these people can see my plan"));
      add_ideas (source->doc, sharing);
    }
  cp_document_add_heading (source->doc, _("We agree this plan"));
  _cp_plan_add_signature_box (source, signoffs, SIGNATURE_ROW_HEIGHT);
}

void
_cp_plan_document_easy_read (CpPlanSource *source)
{
  add_intro (source);
  add_section (source, CP_SECTION_LIKE_AND_ADMIRE, _("What people like about me"));
  add_section (source, CP_SECTION_IMPORTANT_TO_ME, _("What is important to me"));
  add_section (source, CP_SECTION_HOW_TO_SUPPORT_ME, _("How to help me"));
  add_section (source, CP_SECTION_GOOD_DAY, _("A good day for me"));
  add_section (source, CP_SECTION_BAD_DAY, _("A bad day for me"));
  add_section (source, CP_SECTION_WORKING, _("What is going well"));
  add_section (source, CP_SECTION_NOT_WORKING, _("What is not going well"));
  add_section (source, CP_SECTION_HEALTH_WELLBEING, _("My health"));
  add_section (source, CP_SECTION_MORE_THAN_MEDICINE, _("Things I do in my community"));
  add_goals (source);
  add_people (source);
  add_money (source);
  add_safety (source);
  add_section (source, CP_SECTION_CONTINGENCY, _("If things go wrong"));
  add_agreement (source);
}
