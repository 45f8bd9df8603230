/* cp-plan-document.c — a person's plan laid out for paper and PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The full plan follows the order of the planning conversation: who the
 * person is and how to communicate with them first, their one-page
 * profile, then the rest of their plan in their own words, what they want
 * to achieve, who is around them, the money, staying safe, what to do in
 * a crisis, who may see the plan and who agreed it. Each entry says whose
 * words it is. The easy-read variant is in cp-plan-document-easy.c.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cp-chart.h"
#include "cp-plan-document-private.h"
#include "cp-plan-entries.h"
#include "cp-support-circle.h"

#define CIRCLE_HEIGHT 300.0
#define CHART_HEIGHT 240.0
#define SIGNATURE_ROW_HEIGHT 34.0
#define MIN_SIGNATURE_ROWS 4

/* --- reading the plan ------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gint
compare_position (gconstpointer a, gconstpointer b)
{
  gint64 pa = cp_record_get_int64 (*(CpRecord **) a, "position");
  gint64 pb = cp_record_get_int64 (*(CpRecord **) b, "position");

  return pa < pb ? -1 : pa > pb;
}

/* The entries of one section with words in them, in their order. */
GPtrArray *
_cp_plan_source_section (CpPlanSource *source, CpSection section)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; source->entries != NULL && i < source->entries->len; i++)
    {
      CpRecord *entry = source->entries->pdata[i];

      if (cp_record_get_enum (entry, "section") == (int) section &&
          !is_blank (cp_record_get_text (entry, "body")))
        g_ptr_array_add (found, entry);
    }
  g_ptr_array_sort (found, compare_position);
  return found;
}

/* The plan's children of @type (outcomes, risks …); empty without a plan. */
GPtrArray *
_cp_plan_source_children (CpPlanSource *source, GType type)
{
  if (source->plan == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return cp_children_load (source->store, type, cp_record_get_id (CP_RECORD (source->plan)));
}

char *
_cp_plan_long_date (const char *iso)
{
  g_autoptr(GDate) date = iso ? cp_date_parse_iso (iso, NULL) : NULL;

  return date ? cp_date_format_long (date) : g_strdup ("");
}

static void
cp_plan_source_clear (CpPlanSource *source)
{
  g_clear_object (&source->person);
  g_clear_object (&source->plan);
  g_clear_pointer (&source->entries, g_ptr_array_unref);
  g_clear_pointer (&source->name, g_free);
  g_clear_pointer (&source->first, g_free);
  g_clear_pointer (&source->today, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CpPlanSource, cp_plan_source_clear)

static gboolean
cp_plan_source_load (CpPlanSource *source, CpStore *store, const char *person_id,
                     const char *today, GError **error)
{
  CpBudgetSummary summary = { 0 };
  const char *preferred;

  source->store = store;
  source->person = cp_store_load (store, CP_TYPE_PERSON, person_id, error);
  if (source->person == NULL)
    return FALSE;
  if (cp_record_get_deleted (CP_RECORD (source->person)))
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                   _("There is no person with the id “%s”."), person_id);
      return FALSE;
    }
  source->name = cp_person_dup_display_name (source->person);
  preferred = cp_record_get_text (CP_RECORD (source->person), "preferred-name");
  source->first = g_strdup (*preferred ? preferred : cp_record_get_text (CP_RECORD (source->person), "given-name"));
  /* The same plan the budget shows: the one whose year holds today. */
  if (!cp_budget_summary_load (store, person_id, today, &summary, error))
    return FALSE;
  if (summary.has_plan)
    source->plan = cp_store_load (store, CP_TYPE_PLAN, summary.plan_id, NULL);
  cp_budget_summary_clear (&summary);
  if (source->plan != NULL)
    source->entries = cp_children_load (store, CP_TYPE_PLAN_ENTRY, cp_record_get_id (CP_RECORD (source->plan)));
  if (today != NULL)
    source->today = g_strdup (today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      source->today = g_date_time_format (now, "%Y-%m-%d");
    }
  return TRUE;
}

/* --- drawings --------------------------------------------------------- */

typedef struct
{
  char           *name;
  CpCircleMember *members;
  guint           n_members;
} CircleDrawing;

static void
circle_drawing_free (gpointer data)
{
  CircleDrawing *drawing = data;

  for (guint i = 0; i < drawing->n_members; i++)
    g_free ((char *) drawing->members[i].name);
  g_free (drawing->members);
  g_free (drawing->name);
  g_free (drawing);
}

static void
draw_circle (cairo_t *cr, double width, double height, gpointer data)
{
  CircleDrawing *drawing = data;
  CpRenderStyle style;

  cp_render_style_init_light (&style);
  cp_support_circle_draw (cr, width, height, drawing->name, drawing->members,
                          drawing->n_members, -1, &style);
}

void
_cp_plan_add_circle (CpPlanSource *source, double height)
{
  g_autoptr(GPtrArray) members = cp_children_load (source->store, CP_TYPE_SUPPORT_MEMBER,
                                                   cp_record_get_id (CP_RECORD (source->person)));
  CircleDrawing *drawing = g_new0 (CircleDrawing, 1);

  drawing->name = g_strdup (source->first);
  drawing->n_members = members->len;
  drawing->members = g_new0 (CpCircleMember, MAX (members->len, 1));
  for (guint i = 0; i < members->len; i++)
    {
      drawing->members[i].name = g_strdup (cp_record_get_text (members->pdata[i], "name"));
      drawing->members[i].circle = cp_record_get_enum (members->pdata[i], "circle");
      drawing->members[i].role = cp_record_get_enum (members->pdata[i], "role");
    }
  cp_document_add_drawing (source->doc, height, draw_circle, drawing, circle_drawing_free);
}

typedef struct
{
  CpChartKind  kind;
  CpChartData *data;
} ChartDrawing;

static void
chart_drawing_free (gpointer data)
{
  ChartDrawing *drawing = data;

  cp_chart_data_free (drawing->data);
  g_free (drawing);
}

static void
draw_chart (cairo_t *cr, double width, double height, gpointer data)
{
  ChartDrawing *drawing = data;
  CpRenderStyle style;

  cp_render_style_init_light (&style);
  cp_chart_render (cr, drawing->kind, drawing->data, width, height, &style);
}

void
_cp_plan_add_chart (CpPlanSource *source, CpChartKind kind, double height)
{
  ChartDrawing *drawing;
  CpChartData *data;

  if (source->plan == NULL)
    return;
  data = cp_chart_data_load_plan (source->store, cp_record_get_id (CP_RECORD (source->plan)),
                                  source->today, 1u << kind, NULL);
  if (data == NULL)
    return;
  drawing = g_new0 (ChartDrawing, 1);
  drawing->kind = kind;
  drawing->data = data;
  cp_document_add_drawing (source->doc, height, draw_chart, drawing, chart_drawing_free);
}

typedef struct
{
  GPtrArray *rows;   /* of GStrv: name, role, date — "" to fill in by hand */
  double     font_size;
} SignatureBox;

static void
signature_box_free (gpointer data)
{
  SignatureBox *box = data;

  g_ptr_array_unref (box->rows);
  g_free (box);
}

static void
draw_cell_text (cairo_t *cr, const char *text, double x, double y, double width, double size, gboolean bold)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - 8) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x + 4, y + 4);
  pango_cairo_show_layout (cr, layout);
}

/* Name | Role | Signature | Date, a header row and one row per signer. */
static void
draw_signature_box (cairo_t *cr, double width, double height, gpointer data)
{
  SignatureBox *box = data;
  const double fractions[] = { 0.30, 0.22, 0.30, 0.18 };
  const char *headers[] = { _("Name"), _("Role"), _("Signature"), _("Date") };
  double row_height = height / (box->rows->len + 1);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  for (guint row = 0; row <= box->rows->len; row++)
    {
      const char *const *cells = row == 0 ? NULL : box->rows->pdata[row - 1];
      double x = 0;

      for (guint column = 0; column < G_N_ELEMENTS (fractions); column++)
        {
          double cell_width = width * fractions[column];
          const char *text = row == 0 ? headers[column]
                           : column == 2 ? "" : cells[column == 3 ? 2 : column];

          cairo_rectangle (cr, x, row * row_height, cell_width, row_height);
          cairo_stroke (cr);
          draw_cell_text (cr, text, x, row * row_height, cell_width, box->font_size, row == 0);
          x += cell_width;
        }
    }
}

void
_cp_plan_add_signature_box (CpPlanSource *source, GPtrArray *signoffs, double row_height)
{
  SignatureBox *box = g_new0 (SignatureBox, 1);
  gint64 version = source->plan ? cp_record_get_int64 (CP_RECORD (source->plan), "version") : 0;

  box->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  box->font_size = row_height * 0.32;
  /* Those who signed the version in force are printed; the rest is blank. */
  for (guint i = 0; i < signoffs->len; i++)
    {
      CpRecord *signoff = signoffs->pdata[i];
      char **row;

      if (cp_record_get_int64 (signoff, "plan-version") != version)
        continue;
      row = g_new0 (char *, 4);
      row[0] = g_strdup (cp_record_get_text (signoff, "name"));
      row[1] = g_strdup (cp_record_get_text (signoff, "role"));
      row[2] = _cp_plan_long_date (cp_record_get_string (signoff, "signed-on"));
      g_ptr_array_add (box->rows, row);
    }
  while (box->rows->len < MIN_SIGNATURE_ROWS)
    g_ptr_array_add (box->rows, g_strsplit ("||", "|", -1));
  cp_document_add_drawing (source->doc, row_height * (box->rows->len + 1),
                           draw_signature_box, box, signature_box_free);
}

/* --- the full plan ---------------------------------------------------- */

static void
add_fact (CpDocument *doc, const char *label, const char *value)
{
  g_autofree char *line = NULL;

  if (is_blank (value))
    return;
  line = g_strdup_printf ("%s: %s", label, value);
  cp_document_add_paragraph (doc, line);
}

static void
add_person_facts (CpPlanSource *source)
{
  CpRecord *person = CP_RECORD (source->person);
  g_autofree char *born = _cp_plan_long_date (cp_record_get_string (person, "date-of-birth"));
  g_autofree char *nhs = cp_nhs_number_format (cp_record_get_text (person, "nhs-number"));
  g_autofree char *area = g_strjoin (" — ", cp_record_get_text (person, "ipc-area"),
                                     cp_record_get_text (person, "ipc-cohort"), NULL);

  cp_document_add_subheading (source->doc, source->name);
  add_fact (source->doc, _("Date of birth"), born);
  add_fact (source->doc, _("NHS number"), nhs);
  add_fact (source->doc, _("Address"), cp_record_get_text (person, "address"));
  add_fact (source->doc, _("Postcode"), cp_record_get_text (person, "postcode"));
  add_fact (source->doc, _("GP practice"), cp_record_get_text (person, "gp-practice"));
  add_fact (source->doc, _("Local authority"), cp_record_get_text (person, "local-authority"));
  if (!is_blank (cp_record_get_text (person, "ipc-area")))
    add_fact (source->doc, _("Integrated Personal Commissioning"), area);
}

static char *
plan_status_sentence (CpPlanSource *source)
{
  CpRecord *plan = CP_RECORD (source->plan);
  gint64 version = cp_record_get_int64 (plan, "version");

  switch (cp_record_get_enum (plan, "status"))
    {
    case CP_PLAN_STATUS_AGREED:
      return g_strdup_printf (_("Agreed (version %" G_GINT64_FORMAT ")."), version);
    case CP_PLAN_STATUS_UNDER_REVIEW:
      return g_strdup_printf (_("Being reviewed (version %" G_GINT64_FORMAT " is the one agreed)."), version);
    case CP_PLAN_STATUS_ENDED:
      return g_strdup (_("Ended."));
    default:
      return g_strdup (_("Draft — not agreed yet."));
    }
}

static void
add_plan_facts (CpPlanSource *source)
{
  CpRecord *plan;
  g_autofree char *status = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *year = NULL;
  g_autofree char *review = NULL;

  if (source->plan == NULL)
    {
      cp_document_add_paragraph (source->doc, _("There is no plan yet."));
      return;
    }
  plan = CP_RECORD (source->plan);
  status = plan_status_sentence (source);
  start = _cp_plan_long_date (cp_record_get_string (plan, "year-start"));
  end = _cp_plan_long_date (cp_record_get_string (plan, "year-end"));
  /* Translators: the year of care, e.g. "1 April 2026 to 31 March 2027". */
  year = *start && *end ? g_strdup_printf (_("%s to %s"), start, end) : NULL;
  review = _cp_plan_long_date (cp_record_get_string (plan, "review-due"));
  add_fact (source->doc, _("Plan"), cp_record_get_text (plan, "title"));
  add_fact (source->doc, _("Status"), status);
  add_fact (source->doc, _("Year of care"), year);
  add_fact (source->doc, _("Next review"), review);
  add_fact (source->doc, _("Care co-ordinator"), cp_record_get_text (plan, "care-coordinator"));
}

static void
add_communication (CpPlanSource *source)
{
  CpRecord *person = CP_RECORD (source->person);
  const char *needs = cp_record_get_text (person, "communication-needs");
  const char *language = cp_record_get_text (person, "preferred-language");
  g_autoptr(GString) text = g_string_new (NULL);

  if (!is_blank (needs))
    g_string_append_printf (text, _("Communication needs: %s"), needs);
  if (!is_blank (language))
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Preferred language: %s"), language);
      if (cp_record_get_flag (person, "interpreter-needed"))
        g_string_append_printf (text, " — %s", _("needs an interpreter"));
    }
  if (text->len > 0)
    cp_document_add_callout (source->doc, text->str);
}

/* Whose words an entry is, printed under it. */
static char *
voice_note (CpPlanSource *source, CpVoice voice)
{
  switch (voice)
    {
    case CP_VOICE_FAMILY_CARER: return g_strdup (_("Said by family or a carer"));
    case CP_VOICE_ADVOCATE: return g_strdup (_("Said by an advocate"));
    case CP_VOICE_PROFESSIONAL: return g_strdup (_("Said by a professional"));
    case CP_VOICE_PERSON:
    default:
      /* Translators: under an entry of a printed plan, e.g. "In Mina’s own words". */
      return g_strdup_printf (_("In %s’s own words"), source->first);
    }
}

/* Each entry as a bullet, with whose words it is underneath. */
static void
add_section (CpPlanSource *source, CpSection section, gboolean as_subheading)
{
  g_autoptr(GPtrArray) entries = _cp_plan_source_section (source, section);

  if (entries->len == 0)
    return;
  if (as_subheading)
    cp_document_add_subheading (source->doc, cp_section_label (section));
  else
    cp_document_add_heading (source->doc, cp_section_label (section));
  for (guint i = 0; i < entries->len; i++)
    {
      CpRecord *entry = entries->pdata[i];
      g_autofree char *voice = voice_note (source, cp_record_get_enum (entry, "voice"));

      cp_document_add_bullet (source->doc, cp_record_get_text (entry, "body"));
      cp_document_add_note (source->doc, voice);
    }
}

static char *
rating_words (CpRecord *rating)
{
  g_autofree char *date = _cp_plan_long_date (cp_record_get_string (rating, "rated-on"));
  gint64 score = cp_record_get_int64 (rating, "score");
  const char *note = cp_record_get_text (rating, "note");

  /* Translators: a goal-attainment rating: "+1 on 1 August 2026", the note follows. */
  return g_strdup_printf (_("%s%" G_GINT64_FORMAT " on %s%s%s"), score > 0 ? "+" : score < 0 ? "−" : "",
                          ABS (score), date, *note ? " — " : "", note);
}

static void
add_outcome (CpPlanSource *source, CpRecord *outcome)
{
  const char *id = cp_record_get_id (outcome);
  g_autoptr(GPtrArray) actions = cp_children_load (source->store, CP_TYPE_OUTCOME_ACTION, id);
  g_autoptr(GPtrArray) ratings = cp_children_load (source->store, CP_TYPE_OUTCOME_RATING, id);

  cp_document_add_subheading (source->doc, cp_record_get_text (outcome, "description"));
  for (guint i = 0; i < actions->len; i++)
    {
      CpRecord *action = actions->pdata[i];
      g_autofree char *due = _cp_plan_long_date (cp_record_get_string (action, "due-date"));
      g_autoptr(GString) line = g_string_new (cp_record_get_text (action, "description"));

      if (!is_blank (cp_record_get_text (action, "who")))
        g_string_append_printf (line, " — %s", cp_record_get_text (action, "who"));
      if (*due)
        g_string_append_printf (line, " — %s", due);
      if (cp_record_get_flag (action, "done"))
        g_string_append_printf (line, " (%s)", _("done"));
      cp_document_add_bullet (source->doc, line->str);
    }
  if (ratings->len > 0)
    {
      g_autoptr(GString) progress = g_string_new (_("Progress (−2 much less than expected … +2 much more than expected): "));

      for (guint i = 0; i < ratings->len; i++)
        {
          g_autofree char *words = rating_words (ratings->pdata[i]);
          g_string_append_printf (progress, "%s%s", i ? "; " : "", words);
        }
      cp_document_add_note (source->doc, progress->str);
    }
}

static void
add_outcomes (CpPlanSource *source)
{
  g_autoptr(GPtrArray) outcomes = _cp_plan_source_children (source, CP_TYPE_OUTCOME);

  if (outcomes->len == 0)
    return;
  cp_document_add_heading (source->doc, _("What I want to achieve"));
  for (guint i = 0; i < outcomes->len; i++)
    add_outcome (source, outcomes->pdata[i]);
}

static void
add_network (CpPlanSource *source)
{
  g_autoptr(GPtrArray) members = cp_children_load (source->store, CP_TYPE_SUPPORT_MEMBER,
                                                   cp_record_get_id (CP_RECORD (source->person)));

  if (members->len == 0)
    return;
  cp_document_add_heading (source->doc, _("My support network"));
  _cp_plan_add_circle (source, CIRCLE_HEIGHT);
  for (guint i = 0; i < members->len; i++)
    {
      CpRecord *member = members->pdata[i];
      g_autoptr(GString) line = g_string_new (cp_record_get_text (member, "name"));

      if (!is_blank (cp_record_get_text (member, "relationship")))
        g_string_append_printf (line, ", %s", cp_record_get_text (member, "relationship"));
      g_string_append_printf (line, " — %s", cp_support_circle_ring_label (cp_record_get_enum (member, "circle")));
      if (cp_record_get_enum (member, "role") != CP_SUPPORT_ROLE_NONE)
        g_string_append_printf (line, ", %s", cp_support_role_label (cp_record_get_enum (member, "role")));
      if (!is_blank (cp_record_get_text (member, "phone")))
        g_string_append_printf (line, " — %s", cp_record_get_text (member, "phone"));
      cp_document_add_bullet (source->doc, line->str);
    }
}

static void
add_budget (CpPlanSource *source)
{
  g_autoptr(GError) error = NULL;
  CpBudgetFigures *figures;
  g_autofree char *agreed = NULL;
  g_autofree char *spent = NULL;
  g_autofree char *left = NULL;
  g_autofree char *sentence = NULL;

  if (source->plan == NULL)
    return;
  figures = cp_budget_figures_load (source->store, cp_record_get_id (CP_RECORD (source->plan)),
                                    source->today, &error);
  if (figures == NULL)
    {
      g_warning ("The budget could not be read for the printed plan: %s", error->message);
      return;
    }
  cp_document_add_heading (source->doc, _("My budget"));
  agreed = cp_money_format (figures->agreed_pence);
  spent = cp_money_format (figures->spent_pence);
  left = cp_money_format (figures->remaining_pence);
  sentence = g_strdup_printf (_("The agreed budget for the year of care is %s. %s has been spent so far, so %s is left."),
                              agreed, spent, left);
  cp_document_add_paragraph (source->doc, sentence);
  for (guint i = 0; i < figures->streams->len; i++)
    {
      CpStreamFigures *stream = figures->streams->pdata[i];
      g_autofree char *amount = cp_money_format (stream->agreed_pence);
      g_autofree char *used = cp_money_format (stream->spent_pence);
      g_autofree char *line = g_strdup_printf (_("%s: %s agreed, %s spent"), stream->name, amount, used);

      cp_document_add_bullet (source->doc, line);
    }
  for (guint i = 0; i < figures->warnings->len; i++)
    cp_document_add_callout (source->doc, ((CpBudgetWarning *) figures->warnings->pdata[i])->message);
  cp_budget_figures_free (figures);
  _cp_plan_add_chart (source, CP_CHART_KIND_DONUT, CHART_HEIGHT);
  _cp_plan_add_chart (source, CP_CHART_KIND_BURN, CHART_HEIGHT);
}

static void
add_risks (CpPlanSource *source)
{
  g_autoptr(GPtrArray) risks = _cp_plan_source_children (source, CP_TYPE_RISK);

  if (risks->len == 0)
    return;
  cp_document_add_heading (source->doc, _("Staying safe"));
  for (guint i = 0; i < risks->len; i++)
    {
      CpRecord *risk = risks->pdata[i];
      g_autofree char *managed = g_strdup_printf (_("How it is managed: %s"), cp_record_get_text (risk, "management"));
      g_autofree char *agreed = g_strdup_printf (_("Agreed by: %s"), cp_record_get_text (risk, "agreed-by"));

      cp_document_add_subheading (source->doc, cp_record_get_text (risk, "description"));
      if (!is_blank (cp_record_get_text (risk, "management")))
        cp_document_add_paragraph (source->doc, managed);
      if (!is_blank (cp_record_get_text (risk, "agreed-by")))
        cp_document_add_note (source->doc, agreed);
      if (cp_record_get_flag (risk, "positive-risk"))
        cp_document_add_note (source->doc, _("This is a positive risk: agreed because it matters to the person."));
    }
}

static void
add_sharing (CpPlanSource *source)
{
  CpRecord *person = CP_RECORD (source->person);
  const char *agreement = cp_record_get_text (person, "sharing-agreement");
  g_autofree char *date = _cp_plan_long_date (cp_record_get_string (person, "consent-date"));
  g_autoptr(GPtrArray) entries = _cp_plan_source_section (source, CP_SECTION_SHARING);

  if (is_blank (agreement) && entries->len == 0 && !cp_record_get_flag (person, "consent-given"))
    return;
  add_section (source, CP_SECTION_SHARING, FALSE);
  if (entries->len == 0)
    cp_document_add_heading (source->doc, cp_section_label (CP_SECTION_SHARING));
  if (!is_blank (agreement))
    cp_document_add_paragraph (source->doc, agreement);
  if (cp_record_get_flag (person, "consent-given"))
    {
      g_autofree char *line = *date ? g_strdup_printf (_("Consent to share was given on %s."), date)
                                    : g_strdup (_("Consent to share was given."));
      cp_document_add_note (source->doc, line);
    }
}

static void
add_reviews (CpPlanSource *source)
{
  g_autoptr(GPtrArray) reviews = _cp_plan_source_children (source, CP_TYPE_REVIEW);

  if (reviews->len == 0)
    return;
  cp_document_add_heading (source->doc, _("Reviews"));
  for (guint i = 0; i < reviews->len; i++)
    {
      CpRecord *review = reviews->pdata[i];
      g_autofree char *date = _cp_plan_long_date (cp_record_get_string (review, "review-date"));
      g_autofree char *title = g_strdup_printf ("%s (%s)", date,
                                                cp_record_get_enum (review, "kind") == CP_REVIEW_KIND_FORMAL
                                                  ? _("formal review") : _("informal review"));
      g_autofree char *working = g_strdup_printf (_("What is working: %s"), cp_record_get_text (review, "working"));
      g_autofree char *not_working = g_strdup_printf (_("What is not working: %s"),
                                                      cp_record_get_text (review, "not-working"));

      cp_document_add_subheading (source->doc, title);
      if (!is_blank (cp_record_get_text (review, "working")))
        cp_document_add_paragraph (source->doc, working);
      if (!is_blank (cp_record_get_text (review, "not-working")))
        cp_document_add_paragraph (source->doc, not_working);
    }
}

static void
add_signoff (CpPlanSource *source)
{
  g_autoptr(GPtrArray) signoffs = _cp_plan_source_children (source, CP_TYPE_SIGNOFF);

  cp_document_add_heading (source->doc, _("Agreeing this plan"));
  cp_document_add_paragraph (source->doc,
                             _("By signing, we agree this plan was made together and says what matters to the person."));
  _cp_plan_add_signature_box (source, signoffs, SIGNATURE_ROW_HEIGHT);
}

static const CpSection profile_sections[] = {
  CP_SECTION_LIKE_AND_ADMIRE, CP_SECTION_IMPORTANT_TO_ME, CP_SECTION_HOW_TO_SUPPORT_ME,
};

static const CpSection life_sections[] = {
  CP_SECTION_IMPORTANT_TO, CP_SECTION_IMPORTANT_FOR, CP_SECTION_WORKING, CP_SECTION_NOT_WORKING,
  CP_SECTION_GOOD_DAY, CP_SECTION_BAD_DAY, CP_SECTION_COMMUNICATION, CP_SECTION_HEALTH_WELLBEING,
  CP_SECTION_MORE_THAN_MEDICINE,
};

static void
build_standard (CpPlanSource *source)
{
  cp_document_add_title (source->doc, _("Personalised care and support plan"));
  add_person_facts (source);
  add_plan_facts (source);
  add_communication (source);
  cp_document_add_heading (source->doc, _("One-page profile"));
  for (guint i = 0; i < G_N_ELEMENTS (profile_sections); i++)
    add_section (source, profile_sections[i], TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (life_sections); i++)
    add_section (source, life_sections[i], FALSE);
  add_outcomes (source);
  add_network (source);
  add_budget (source);
  add_risks (source);
  add_section (source, CP_SECTION_CONTINGENCY, FALSE);
  add_sharing (source);
  add_reviews (source);
  add_signoff (source);
}

CpDocument *
cp_plan_document_build (CpStore *store, const char *person_id, CpPlanDocumentKind kind,
                        const char *today, GError **error)
{
  g_auto(CpPlanSource) source = { 0 };
  CpDocumentStyle style;
  g_autofree char *footer = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  if (!cp_plan_source_load (&source, store, person_id, today, error))
    return NULL;
  if (kind == CP_PLAN_DOCUMENT_EASY_READ)
    cp_document_style_init_easy_read (&style);
  else
    cp_document_style_init_standard (&style);
  /* Translators: the footer of every printed page: the person's name. */
  footer = g_strdup_printf (_("%s — support plan"), source.name);
  source.doc = cp_document_new (&style, footer);
  if (kind == CP_PLAN_DOCUMENT_EASY_READ)
    _cp_plan_document_easy_read (&source);
  else
    build_standard (&source);
  return source.doc;
}

gboolean
cp_plan_document_write_pdf (CpStore *store, const char *person_id, CpPlanDocumentKind kind,
                            const char *today, const char *filename, GError **error)
{
  g_autoptr(CpDocument) doc = cp_plan_document_build (store, person_id, kind, today, error);

  return doc != NULL && cp_document_write_pdf (doc, filename, error);
}
