/* cp-demo.c — a realistic, deterministic synthetic caseload
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is invented: names are drawn from lists, NHS numbers
 * come from the 999 range the NHS keeps for testing, phone numbers from
 * Ofcom's ranges for drama, e-mail addresses from example.com.
 *
 * Determinism: every choice and every id comes from a GRand seeded from
 * the options. Each person has generators of their own, seeded from
 * (seed, person index), so the people stay the same whatever the number
 * of payments, and one person's payments never shift another's.
 * Only created_at/updated_at and audit ids differ between two runs.
 */
#define G_LOG_DOMAIN "cp-demo"

#include <stdio.h>
#include <string.h>

#include "cp-budget-line.h"
#include "cp-contributor.h"
#include "cp-demo-words.h"
#include "cp-demo.h"
#include "cp-enums.h"
#include "cp-funding-stream.h"
#include "cp-nhs-number.h"
#include "cp-outcome-action.h"
#include "cp-outcome-rating.h"
#include "cp-outcome.h"
#include "cp-payment.h"
#include "cp-person.h"
#include "cp-plan-entry.h"
#include "cp-plan-lifecycle.h"
#include "cp-plan.h"
#include "cp-review.h"
#include "cp-risk.h"
#include "cp-store-bulk.h"
#include "cp-support-member.h"

/* Commit about this often: big enough that SQLite's commit cost
 * vanishes, small enough to bound the queued change notifications. */
#define BATCH_ROWS 50000

/* SQLite's page cache while generating, in KiB. Random UUID keys touch
 * index pages all over the file; with the default 2 MB cache SQLite
 * spills to the WAL and reads back constantly (most of the time went
 * into the kernel's read and write before this). Restored afterwards. */
#define DEMO_CACHE_KIB 262144

/* ---------------------------------------------------------------------
 * Generator state
 * ------------------------------------------------------------------- */

typedef struct
{
  CpStore             *store;
  const CpDemoOptions *options;
  GDate                today;
  guint64              batch_rows;
  /* Whether the batch transaction is open: a failed commit has already
   * rolled it back, and a failed begin never opened it. */
  gboolean             in_batch;
  /* NHS numbers handed out so far: each person gets their own. */
  GHashTable          *nhs_numbers;
  char                *worker_ids[G_N_ELEMENTS (workers)];
  guint64             *payments_for;
} Demo;

typedef struct
{
  char         *id;
  CpFunder      funder;
  CpManagement  management;
  gint64        agreed_pence;
} Stream;

typedef struct
{
  char            *id;
  Category         category;
  guint            stream;
  CpPaymentMethod  method;
  gint64           planned_pence;
} Line;

typedef struct
{
  const char *relationship;   /* "Mum", "Sister" … */
  const char *given;
} Relative;

/* One person while they are being made: the choices later rows need. */
typedef struct
{
  GRand           *rand;
  guint            index;
  const Community *community;
  Cohort           cohort;
  gboolean         islington;
  gboolean         female;
  int              age;
  const char      *given;
  const char      *family;
  const char      *preferred;
  const char      *language;
  const char      *gp;
  const char      *market;
  const char      *park;
  const char      *food;
  const char      *important;
  Relative         relatives[2];
  guint            n_relatives;
  char            *relative;     /* "sister": the first relative, as the person says it */
  const char      *relname;
  char            *pa_name;
  guint            coordinator;
  gboolean         employs_pa;
  gint64           pa_rate_pence;
  char            *person_id;
  char            *plan_id;
  GDate            year_start;
  GDate            year_end;
  guint            days_spent;   /* days from year_start to the last payment day */
  Stream           streams[3];
  guint            n_streams;
  char            *outcome_ids[4];
  guint            n_outcomes;
  Line             lines[N_CATEGORIES];
  guint            n_lines;
} Person;

static void
person_clear (Person *p)
{
  g_clear_pointer (&p->rand, g_rand_free);
  g_free (p->pa_name);
  g_free (p->relative);
  g_free (p->person_id);
  g_free (p->plan_id);
  for (guint i = 0; i < p->n_streams; i++)
    g_free (p->streams[i].id);
  for (guint i = 0; i < p->n_outcomes; i++)
    g_free (p->outcome_ids[i]);
  for (guint i = 0; i < p->n_lines; i++)
    g_free (p->lines[i].id);
}

/* ---------------------------------------------------------------------
 * Random helpers: all draws go through the GRand handed in
 * ------------------------------------------------------------------- */

/* Generators are seeded from (seed, index, stream): independent and
 * repeatable sequences for each person and purpose. */
static GRand *
demo_rand (Demo *demo, guint32 index, guint32 stream)
{
  guint32 words[4] = {
    (guint32) (demo->options->seed & 0xffffffffu),
    (guint32) (demo->options->seed >> 32),
    index,
    stream,
  };

  return g_rand_new_with_seed_array (words, G_N_ELEMENTS (words));
}

/* Inclusive at both ends. */
static gint64
between (GRand *rand, gint64 low, gint64 high)
{
  if (high <= low)
    return low;
  return low + (gint64) (g_rand_double (rand) * (double) (high - low + 1));
}

static gint64
between_step (GRand *rand, gint64 low, gint64 high, gint64 step)
{
  return between (rand, low / step, high / step) * step;
}

static gboolean
chance (GRand *rand, double probability)
{
  return g_rand_double (rand) < probability;
}

static guint
list_length (const char *const *list)
{
  guint n = 0;

  while (list[n] != NULL)
    n++;
  return n;
}

static const char *
pick (GRand *rand, const char *const *list)
{
  return list[between (rand, 0, list_length (list) - 1)];
}

#define PICK_ARRAY(rand, array) ((array)[between ((rand), 0, G_N_ELEMENTS (array) - 1)])

/* A version-4 UUID whose random bits come from @rand. */
static void
uuid_from_rand (GRand *rand, char out[37])
{
  guint32 w0 = g_rand_int (rand);
  guint32 w1 = (g_rand_int (rand) & 0xffff0fffu) | 0x00004000u;
  guint32 w2 = (g_rand_int (rand) & 0x3fffffffu) | 0x80000000u;
  guint32 w3 = g_rand_int (rand);

  g_snprintf (out, 37, "%08x-%04x-%04x-%04x-%04x%08x",
              w0, w1 >> 16, w1 & 0xffffu, w2 >> 16, w2 & 0xffffu, w3);
}

/* A new record of @type with a repeatable id. */
static gpointer
new_record (GRand *rand, GType type)
{
  CpRecord *record = g_object_new (type, NULL);
  char id[37];

  uuid_from_rand (rand, id);
  cp_record_set_id (record, id);
  return record;
}

static void
date_to_iso (const GDate *date, char out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static GDate
date_plus_days (const GDate *date, gint64 days)
{
  GDate result = *date;

  if (days >= 0)
    g_date_add_days (&result, (guint) days);
  else
    g_date_subtract_days (&result, (guint) -days);
  return result;
}

/* Sets a date property from a GDate. */
static void
set_date (gpointer record, const char *property, const GDate *date)
{
  char iso[11];

  date_to_iso (date, iso);
  g_object_set (record, property, iso, NULL);
}

/* ---------------------------------------------------------------------
 * Writing: every row goes through cp_store_insert (with its audit row)
 * ------------------------------------------------------------------- */

static gboolean
demo_count_row (Demo *demo, GError **error)
{
  if (++demo->batch_rows < BATCH_ROWS)
    return TRUE;
  demo->batch_rows = 0;
  demo->in_batch = FALSE;
  if (!cp_store_commit (demo->store, error) || !cp_store_begin (demo->store, error))
    return FALSE;
  demo->in_batch = TRUE;
  return TRUE;
}

/* Stores @record and drops the caller's reference. */
static gboolean
demo_insert (Demo *demo, gpointer record, GError **error)
{
  g_autoptr(CpRecord) owned = record;

  return cp_store_insert (demo->store, owned, error) && demo_count_row (demo, error);
}

/* Stores @record and returns a copy of its id, or NULL. */
static char *
demo_insert_id (Demo *demo, gpointer record, GError **error)
{
  g_autofree char *id = g_strdup (cp_record_get_id (record));

  if (!demo_insert (demo, record, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* Fills {placeholders} with this person's details. */
static char *
expand (Demo *demo, const Person *p, const char *text)
{
  GString *out = g_string_new (text);
  const char *name = p->preferred ? p->preferred : p->given;

  if (strchr (text, '{') == NULL)
    return g_string_free (out, FALSE);
  g_string_replace (out, "{name}", name, 0);
  g_string_replace (out, "{relative}", p->relative, 0);
  g_string_replace (out, "{relname}", p->relname, 0);
  g_string_replace (out, "{market}", p->market, 0);
  g_string_replace (out, "{park}", p->park, 0);
  g_string_replace (out, "{food}", p->food, 0);
  g_string_replace (out, "{language}", p->language, 0);
  g_string_replace (out, "{gp}", p->gp, 0);
  g_string_replace (out, "{important}", p->important, 0);
  g_string_replace (out, "{coordinator}", workers[p->coordinator].name, 0);
  g_string_replace (out, "{pa}", p->pa_name ? p->pa_name : "PA", 0);
  g_string_replace (out, "{supporter}", p->employs_pa ? "my PA" : "my support worker", 0);
  g_string_replace (out, "{Supporter}", p->employs_pa ? "My PA" : "My support worker", 0);
  return g_string_free (out, FALSE);
}

static gboolean
is_child (const Person *p)
{
  return p->cohort == COHORT_CHILDREN;
}

static gboolean
suits (const Person *p, guint who)
{
  if ((who & WITH_PA) && !p->employs_pa)
    return FALSE;
  if ((who & WITH_AGENCY) && p->employs_pa)
    return FALSE;
  return (who & (is_child (p) ? FOR_CHILD : FOR_ADULT)) != 0;
}

/* "Speak to me in English" says nothing to an English speaker. */
static gboolean
text_suits (const Person *p, guint who, const char *text)
{
  if (strstr (text, "{language}") != NULL && g_str_equal (p->language, "English"))
    return FALSE;
  return suits (p, who);
}

/* ---------------------------------------------------------------------
 * Choosing who the person is
 * ------------------------------------------------------------------- */

static const Community *
choose_community (GRand *rand)
{
  guint total = 0;
  gint64 ticket;

  for (guint i = 0; i < G_N_ELEMENTS (communities); i++)
    total += communities[i].weight;
  ticket = between (rand, 0, total - 1);
  for (guint i = 0; i < G_N_ELEMENTS (communities); i++)
    {
      if (ticket < communities[i].weight)
        return &communities[i];
      ticket -= communities[i].weight;
    }
  g_assert_not_reached ();
  return NULL;
}

static Cohort
choose_cohort (GRand *rand, gboolean islington)
{
  double roll = g_rand_double (rand);

  if (islington)
    return roll < 0.7 ? COHORT_LONG_TERM : COHORT_CHILDREN;
  return roll < 0.30 ? COHORT_CHILDREN
       : roll < 0.55 ? COHORT_LONG_TERM
       : roll < 0.80 ? COHORT_LEARNING_DISABILITY
       : COHORT_MENTAL_HEALTH;
}

static const char *
cohort_text (const Person *p)
{
  if (p->islington)
    return islington_cohorts[p->cohort == COHORT_CHILDREN ? 1 : 0];
  return th_cohorts[p->cohort];
}

/* Children's cohort is EHCP, so 0–25; the adult groups have their own spread. */
static int
choose_age (GRand *rand, Cohort cohort)
{
  switch (cohort)
    {
    case COHORT_CHILDREN:            return (int) between (rand, 2, 24);
    case COHORT_LONG_TERM:           return (int) between (rand, 45, 92);
    case COHORT_LEARNING_DISABILITY: return (int) between (rand, 18, 68);
    case COHORT_MENTAL_HEALTH:       return (int) between (rand, 19, 74);
    default:                         g_assert_not_reached ();
    }
  return 0;
}

static const char *
choose_nickname (GRand *rand, const char *given)
{
  for (guint i = 0; i < G_N_ELEMENTS (nicknames); i++)
    if (g_str_equal (nicknames[i].given, given))
      return chance (rand, 0.5) ? nicknames[i].preferred : NULL;
  return NULL;
}

/* People of other communities' first language, or English. */
static const char *
choose_language (GRand *rand, const Community *community)
{
  guint n = list_length (community->languages);

  if (n == 1 || chance (rand, 0.45))
    return "English";
  return community->languages[between (rand, 0, n - 2)];
}

static void
choose_identity (Demo *demo, Person *p)
{
  GRand *rand = p->rand;

  p->community = choose_community (rand);
  p->islington = chance (rand, 0.08);
  p->cohort = choose_cohort (rand, p->islington);
  p->female = chance (rand, 0.5);
  p->age = choose_age (rand, p->cohort);
  p->given = pick (rand, p->female ? p->community->female : p->community->male);
  p->family = pick (rand, p->community->family);
  p->preferred = choose_nickname (rand, p->given);
  p->language = choose_language (rand, p->community);
  p->gp = p->islington ? PICK_ARRAY (rand, islington_gp_practices) : PICK_ARRAY (rand, th_gp_practices);
  p->market = PICK_ARRAY (rand, markets);
  p->park = PICK_ARRAY (rand, parks);
  p->food = pick (rand, p->community->food);
  p->important = pick (rand, p->community->important);
  p->coordinator = (guint) between (rand, 0, N_COORDINATORS - 1);
}

/* The year of care began some time in the past year (at least a month
 * ago, so there is spending to show); payments stop at today. */
static void
choose_year_of_care (Demo *demo, Person *p)
{
  GDate last;

  p->year_start = date_plus_days (&demo->today, -between (p->rand, 30, 364));
  p->year_end = p->year_start;
  g_date_add_years (&p->year_end, 1);
  g_date_subtract_days (&p->year_end, 1);
  last = g_date_compare (&p->year_end, &demo->today) < 0 ? p->year_end : demo->today;
  p->days_spent = (guint) g_date_days_between (&p->year_start, &last);
}

static CpManagement
choose_management (GRand *rand, CpFunder funder)
{
  double roll = g_rand_double (rand);

  switch (funder)
    {
    case CP_FUNDER_SOCIAL_CARE:
      return roll < 0.40 ? CP_MANAGEMENT_DIRECT_PAYMENT
           : roll < 0.55 ? CP_MANAGEMENT_MANAGED_ACCOUNT
           : roll < 0.75 ? CP_MANAGEMENT_THIRD_PARTY
           : roll < 0.90 ? CP_MANAGEMENT_PREPAID_CARD
           : CP_MANAGEMENT_NOTIONAL;
    case CP_FUNDER_NHS:
      return roll < 0.50 ? CP_MANAGEMENT_NOTIONAL
           : roll < 0.75 ? CP_MANAGEMENT_DIRECT_PAYMENT
           : CP_MANAGEMENT_THIRD_PARTY;
    case CP_FUNDER_EDUCATION:
    case CP_FUNDER_OTHER:
    default:
      return roll < 0.5 ? CP_MANAGEMENT_DIRECT_PAYMENT : CP_MANAGEMENT_NOTIONAL;
    }
}

static void
add_stream (Person *p, CpFunder funder)
{
  Stream *stream = &p->streams[p->n_streams++];

  stream->funder = funder;
  stream->management = choose_management (p->rand, funder);
}

/* Education money only for the under-25s with an EHCP; every adult
 * plan has council or NHS money or both. */
static void
choose_streams (Person *p)
{
  GRand *rand = p->rand;
  double nhs_chance = p->cohort == COHORT_LEARNING_DISABILITY ? 0.6
                    : p->cohort == COHORT_CHILDREN ? 0.5 : 0.85;
  double council_chance = p->cohort == COHORT_LEARNING_DISABILITY ? 0.95 : 0.7;

  if (is_child (p))
    add_stream (p, CP_FUNDER_EDUCATION);
  if (chance (rand, council_chance))
    add_stream (p, CP_FUNDER_SOCIAL_CARE);
  if (chance (rand, nhs_chance))
    add_stream (p, CP_FUNDER_NHS);
  if (p->n_streams == 0 || (is_child (p) && p->n_streams == 1))
    add_stream (p, CP_FUNDER_SOCIAL_CARE);
}

/* People who hold money themselves often employ a personal assistant. */
static void
choose_employment (Person *p)
{
  gboolean holds_money = FALSE;

  for (guint i = 0; i < p->n_streams; i++)
    if (p->streams[i].funder != CP_FUNDER_EDUCATION &&
        (p->streams[i].management == CP_MANAGEMENT_DIRECT_PAYMENT ||
         p->streams[i].management == CP_MANAGEMENT_MANAGED_ACCOUNT))
      holds_money = TRUE;
  p->employs_pa = holds_money && chance (p->rand, 0.75);
  if (p->employs_pa)
    {
      const Community *community = choose_community (p->rand);
      gboolean female = chance (p->rand, 0.7);

      p->pa_name = g_strdup_printf ("%s %s",
                                    pick (p->rand, female ? community->female : community->male),
                                    pick (p->rand, community->family));
      /* London Living Wage and a little above. */
      p->pa_rate_pence = between (p->rand, 1385, 1650);
    }
}

/* ---------------------------------------------------------------------
 * The person row
 * ------------------------------------------------------------------- */

/* Ten digits in the 999 range (kept for testing, so never a real
 * patient's), Modulus 11 valid and unique within this caseload. */
static char *
make_nhs_number (Demo *demo, GRand *rand)
{
  for (;;)
    {
      char digits[11];
      int check;

      g_snprintf (digits, sizeof digits, "999%06u", (guint) between (rand, 0, 999999));
      check = cp_nhs_number_check_digit (digits);
      if (check < 0)
        continue;
      digits[9] = (char) ('0' + check);
      digits[10] = '\0';
      if (g_hash_table_contains (demo->nhs_numbers, digits))
        continue;
      g_hash_table_add (demo->nhs_numbers, g_strdup (digits));
      return g_strdup (digits);
    }
}

static char *
make_address (Person *p, const Street *street)
{
  if (chance (p->rand, 0.6))
    return g_strdup_printf ("Flat %u, %s, %s, London", (guint) between (p->rand, 1, 96),
                            PICK_ARRAY (p->rand, building_names), street->street);
  return g_strdup_printf ("%u %s, London", (guint) between (p->rand, 1, 420), street->street);
}

/* The inward code: a digit and two letters from the set Royal Mail uses. */
static char *
make_postcode (GRand *rand, const Street *street)
{
  static const char letters[] = "ABDEFGHJLNPQRSTUWXYZ";
  guint n = sizeof letters - 1;

  return g_strdup_printf ("%s %u%c%c", street->district, (guint) between (rand, 1, 9),
                          letters[between (rand, 0, n - 1)], letters[between (rand, 0, n - 1)]);
}

/* Ofcom keeps these ranges for drama: they ring nobody. */
static char *
make_phone (GRand *rand)
{
  if (chance (rand, 0.6))
    return g_strdup_printf ("07700 900%03u", (guint) between (rand, 0, 999));
  return g_strdup_printf ("020 7946 0%03u", (guint) between (rand, 0, 999));
}

static char *
make_email (GRand *rand, const char *given, const char *family)
{
  g_autofree char *local = g_strdup_printf ("%s.%s", given, family);
  g_autofree char *ascii = g_str_to_ascii (local, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);

  if (!chance (rand, 0.35))
    return g_strdup ("");
  g_strdelimit (lower, " '", '-');
  return g_strdup_printf ("%s@example.com", lower);
}

/* Accessible Information Standard needs: most often among people with
 * a learning disability and children. */
static const char *
choose_communication_need (Person *p)
{
  double likely = p->cohort == COHORT_LEARNING_DISABILITY ? 0.6
                : p->cohort == COHORT_CHILDREN ? 0.45 : 0.12;

  if (!chance (p->rand, likely))
    return "";
  return PICK_ARRAY (p->rand, communication_needs);
}

static void
set_person_place (Person *p, CpPerson *person)
{
  const Street *street = p->islington ? &PICK_ARRAY (p->rand, islington_streets)
                                      : &PICK_ARRAY (p->rand, th_streets);
  g_autofree char *address = make_address (p, street);
  g_autofree char *postcode = make_postcode (p->rand, street);

  g_object_set (person,
                "address", address,
                "postcode", postcode,
                "gp-practice", p->gp,
                "local-authority", p->islington ? "Islington Council" : "London Borough of Tower Hamlets",
                "ipc-area", p->islington ? "Islington" : "Tower Hamlets",
                "ipc-cohort", cohort_text (p),
                NULL);
}

static void
set_person_communication (Person *p, CpPerson *person)
{
  const char *need = choose_communication_need (p);
  gboolean bsl = g_str_equal (need, "BSL interpreter");
  gboolean interpreter = bsl || (!g_str_equal (p->language, "English") && chance (p->rand, 0.6));

  if (bsl)
    p->language = "British Sign Language";
  g_object_set (person,
                "communication-needs", need,
                "preferred-language", p->language,
                "interpreter-needed", interpreter,
                NULL);
}

static void
set_person_dates (Demo *demo, Person *p, CpPerson *person)
{
  GDate born = demo->today;
  GDate consent;

  g_date_subtract_years (&born, (guint) p->age);
  born = date_plus_days (&born, -between (p->rand, 0, 364));
  set_date (person, "date-of-birth", &born);
  if (chance (p->rand, 0.92))
    {
      consent = date_plus_days (&p->year_start, -between (p->rand, 7, 90));
      g_object_set (person, "consent-given", TRUE, NULL);
      set_date (person, "consent-date", &consent);
    }
}

static gboolean
insert_person (Demo *demo, Person *p, GError **error)
{
  CpPerson *person = new_record (p->rand, CP_TYPE_PERSON);
  g_autofree char *nhs = make_nhs_number (demo, p->rand);
  g_autofree char *phone = make_phone (p->rand);
  g_autofree char *email = make_email (p->rand, p->given, p->family);
  g_autofree char *sharing = expand (demo, p, "My GP, my care co-ordinator and my {relative} {relname} may see my plan.");

  g_object_set (person,
                "given-name", p->given,
                "family-name", p->family,
                "preferred-name", p->preferred ? p->preferred : "",
                "nhs-number", nhs,
                "phone", phone,
                "email", email,
                "sharing-agreement", sharing,
                NULL);
  set_person_place (p, person);
  set_person_communication (p, person);
  set_person_dates (demo, p, person);
  p->person_id = demo_insert_id (demo, person, error);
  return p->person_id != NULL;
}

/* ---------------------------------------------------------------------
 * Family and the support circle
 * ------------------------------------------------------------------- */

static gboolean
relationship_is_female (const char *relationship)
{
  const char *female[] = { "Mum", "Sister", "Wife", "Daughter", "Nan", "Auntie" };

  for (guint i = 0; i < G_N_ELEMENTS (female); i++)
    if (g_str_equal (relationship, female[i]))
      return TRUE;
  return FALSE;
}

static const char *
choose_relationship (Person *p, gboolean first)
{
  if (is_child (p))
    return first ? (chance (p->rand, 0.85) ? "Mum" : "Dad")
                 : pick (p->rand, LIST ("Dad", "Sister", "Brother", "Nan", "Auntie"));
  if (p->cohort == COHORT_LONG_TERM && p->age > 60)
    return pick (p->rand, LIST ("Daughter", "Son", p->female ? "Husband" : "Wife", "Sister"));
  return pick (p->rand, LIST ("Sister", "Brother", "Mum", "Cousin", p->female ? "Husband" : "Wife"));
}

static void
choose_family (Person *p)
{
  p->n_relatives = chance (p->rand, 0.6) ? 2 : 1;
  for (guint i = 0; i < p->n_relatives; i++)
    {
      Relative *relative = &p->relatives[i];
      const char *relationship = choose_relationship (p, i == 0);

      /* Two mums would read oddly. */
      if (i == 1 && g_str_equal (relationship, p->relatives[0].relationship))
        relationship = "Cousin";
      relative->relationship = relationship;
      relative->given = pick (p->rand, relationship_is_female (relationship)
                                       ? p->community->female : p->community->male);
    }
  p->relative = g_ascii_strdown (p->relatives[0].relationship, -1);
  p->relname = p->relatives[0].given;
}

static gboolean
insert_member (Demo *demo, Person *p, const char *name, const char *relationship,
               CpCircle circle, CpSupportRole role, guint position, GError **error)
{
  CpSupportMember *member = new_record (p->rand, CP_TYPE_SUPPORT_MEMBER);
  g_autofree char *phone = make_phone (p->rand);

  g_object_set (member,
                "person-id", p->person_id,
                "name", name,
                "relationship", relationship,
                "circle", circle,
                "role", role,
                "phone", phone,
                "position", (gint64) position,
                NULL);
  return demo_insert (demo, member, error);
}

/* A nominee manages the direct payment for someone who cannot. */
static CpSupportRole
first_relative_role (Person *p)
{
  if (p->employs_pa && (is_child (p) || p->cohort == COHORT_LEARNING_DISABILITY))
    return CP_SUPPORT_ROLE_NOMINEE;
  return CP_SUPPORT_ROLE_CARER;
}

static gboolean
insert_family (Demo *demo, Person *p, guint *position, GError **error)
{
  for (guint i = 0; i < p->n_relatives; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", p->relatives[i].given, p->family);

      if (!insert_member (demo, p, name, p->relatives[i].relationship, CP_CIRCLE_CLOSE_FAMILY,
                          i == 0 ? first_relative_role (p) : CP_SUPPORT_ROLE_NONE,
                          (*position)++, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_friend (Demo *demo, Person *p, guint *position, GError **error)
{
  const Community *community = chance (p->rand, 0.7) ? p->community : choose_community (p->rand);
  gboolean female = chance (p->rand, 0.5);
  g_autofree char *name = g_strdup_printf ("%s %s",
                                           pick (p->rand, female ? community->female : community->male),
                                           pick (p->rand, community->family));
  const char *relationship = is_child (p) ? pick (p->rand, LIST ("Friend from school", "Neighbour", "Youth worker"))
                                          : pick (p->rand, LIST ("Friend", "Neighbour", "Friend from the mosque",
                                                                 "Friend from church"));

  return insert_member (demo, p, name, relationship, CP_CIRCLE_FRIENDS_FAMILY,
                        CP_SUPPORT_ROLE_NONE, (*position)++, error);
}

static gboolean
insert_circle (Demo *demo, Person *p, GError **error)
{
  guint position = 0;
  const Worker *advocate = &workers[between (p->rand, FIRST_ADVOCATE, G_N_ELEMENTS (workers) - 1)];

  if (!insert_family (demo, p, &position, error))
    return FALSE;
  if (chance (p->rand, 0.6) && !insert_friend (demo, p, &position, error))
    return FALSE;
  if (chance (p->rand, 0.5) &&
      !insert_member (demo, p, advocate->name, advocate->role, CP_CIRCLE_COMMUNITY,
                      CP_SUPPORT_ROLE_ADVOCATE, position++, error))
    return FALSE;
  if (p->employs_pa &&
      !insert_member (demo, p, p->pa_name, "Personal assistant", CP_CIRCLE_PAID,
                      CP_SUPPORT_ROLE_PAID, position++, error))
    return FALSE;
  return insert_member (demo, p, workers[p->coordinator].name, "Care co-ordinator",
                        CP_CIRCLE_PAID, CP_SUPPORT_ROLE_NONE, position++, error);
}

/* ---------------------------------------------------------------------
 * The plan and what is written in it
 * ------------------------------------------------------------------- */

static CpPlanStatus
choose_status (GRand *rand)
{
  double roll = g_rand_double (rand);

  return roll < 0.2 ? CP_PLAN_STATUS_DRAFT
       : roll < 0.8 ? CP_PLAN_STATUS_AGREED
       : CP_PLAN_STATUS_UNDER_REVIEW;
}

/* Drafts are reviewed three months in, agreed plans at six months (or
 * before the year ends), plans under review are due about now. */
static GDate
review_due (Demo *demo, Person *p, CpPlanStatus status)
{
  GDate due = p->year_start;

  if (status == CP_PLAN_STATUS_UNDER_REVIEW)
    return date_plus_days (&demo->today, -between (p->rand, 0, 30));
  g_date_add_months (&due, status == CP_PLAN_STATUS_DRAFT ? 3 : 6);
  if (status == CP_PLAN_STATUS_AGREED && g_date_compare (&due, &demo->today) < 0)
    {
      due = p->year_end;
      g_date_subtract_months (&due, 1);
    }
  return due;
}

static gboolean
insert_plan (Demo *demo, Person *p, CpPlanStatus status, GError **error)
{
  CpPlan *plan = new_record (p->rand, CP_TYPE_PLAN);
  GDate due = review_due (demo, p, status);
  g_autofree char *title = g_strdup_printf ("%s's plan %u–%02u",
                                            p->preferred ? p->preferred : p->given,
                                            (guint) g_date_get_year (&p->year_start),
                                            (guint) (g_date_get_year (&p->year_end) % 100));

  g_object_set (plan,
                "person-id", p->person_id,
                "title", title,
                "status", status,
                "care-coordinator", workers[p->coordinator].name,
                NULL);
  set_date (plan, "year-start", &p->year_start);
  set_date (plan, "year-end", &p->year_end);
  set_date (plan, "review-due", &due);
  p->plan_id = demo_insert_id (demo, plan, error);
  return p->plan_id != NULL;
}

static gboolean
insert_entry (Demo *demo, Person *p, const EntryText *text, guint position, GError **error)
{
  CpPlanEntry *entry = new_record (p->rand, CP_TYPE_PLAN_ENTRY);
  g_autofree char *body = expand (demo, p, text->text);

  g_object_set (entry,
                "plan-id", p->plan_id,
                "section", text->section,
                "body", body,
                "voice", text->voice,
                "position", (gint64) position,
                NULL);
  if (text->voice == CP_VOICE_PROFESSIONAL)
    g_object_set (entry, "author-id", demo->worker_ids[p->coordinator], NULL);
  return demo_insert (demo, entry, error);
}

/* Some sections are in every plan; the rest in most. */
static gboolean
section_included (Person *p, CpSection section)
{
  if (section == CP_SECTION_IMPORTANT_TO_ME || section == CP_SECTION_HOW_TO_SUPPORT_ME ||
      section == CP_SECTION_CONTINGENCY)
    return TRUE;
  return chance (p->rand, 0.6);
}

static gboolean
insert_section (Demo *demo, Person *p, CpSection section, GError **error)
{
  guint position = 0;

  if (!section_included (p, section))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (entry_texts); i++)
    {
      const EntryText *text = &entry_texts[i];

      if (text->section != section || !text_suits (p, text->who, text->text))
        continue;
      /* The first fitting text often, later ones less: 1–3 entries. */
      if (!chance (p->rand, position == 0 ? 0.8 : 0.35))
        continue;
      if (!insert_entry (demo, p, text, position++, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_entries (Demo *demo, Person *p, GError **error)
{
  for (CpSection section = CP_SECTION_LIKE_AND_ADMIRE; section <= CP_SECTION_SHARING; section++)
    if (!insert_section (demo, p, section, error))
      return FALSE;
  return TRUE;
}

static gboolean
insert_action (Demo *demo, Person *p, const char *outcome_id, const ActionText *text,
               guint position, GError **error)
{
  CpOutcomeAction *action = new_record (p->rand, CP_TYPE_OUTCOME_ACTION);
  GDate due = date_plus_days (&p->year_start, between (p->rand, 21, 300));
  g_autofree char *description = expand (demo, p, text->description);
  g_autofree char *who = expand (demo, p, text->who);
  gboolean done = g_date_compare (&due, &demo->today) < 0 && chance (p->rand, 0.7);

  g_object_set (action,
                "outcome-id", outcome_id,
                "description", description,
                "who", who,
                "done", done,
                "position", (gint64) position,
                NULL);
  set_date (action, "due-date", &due);
  return demo_insert (demo, action, error);
}

/* Goal attainment scaling's words for each score. */
static const char *
rating_note (gint64 score, gboolean first)
{
  static const char *const notes[] = {
    "Much less than expected", "Less than expected", "As expected",
    "Better than expected", "Much better than expected",
  };

  if (first)
    return "Baseline at the planning meeting";
  return notes[score + 2];
}

/* Ratings start low at the planning meeting and mostly improve; none
 * is dated after today. */
static gboolean
insert_ratings (Demo *demo, Person *p, const char *outcome_id, GError **error)
{
  GDate on = date_plus_days (&p->year_start, between (p->rand, 0, 21));
  gint64 score = between (p->rand, -2, -1);
  guint n = (guint) between (p->rand, 1, 3);

  for (guint i = 0; i < n && g_date_compare (&on, &demo->today) <= 0; i++)
    {
      CpOutcomeRating *rating = new_record (p->rand, CP_TYPE_OUTCOME_RATING);

      g_object_set (rating,
                    "outcome-id", outcome_id,
                    "score", score,
                    "note", rating_note (score, i == 0),
                    NULL);
      set_date (rating, "rated-on", &on);
      if (!demo_insert (demo, rating, error))
        return FALSE;
      on = date_plus_days (&on, between (p->rand, 30, 90));
      /* Not inside MIN(): it would draw twice. */
      score += between (p->rand, 0, 2);
      score = MIN (2, score);
    }
  return TRUE;
}

static gboolean
insert_outcome (Demo *demo, Person *p, const OutcomeText *text, GError **error)
{
  CpOutcome *outcome = new_record (p->rand, CP_TYPE_OUTCOME);
  g_autofree char *description = expand (demo, p, text->text);
  const char *id;

  g_object_set (outcome,
                "plan-id", p->plan_id,
                "description", description,
                "voice", CP_VOICE_PERSON,
                "position", (gint64) p->n_outcomes,
                NULL);
  id = p->outcome_ids[p->n_outcomes] = demo_insert_id (demo, outcome, error);
  if (id == NULL)
    return FALSE;
  p->n_outcomes++;
  for (guint i = 0; i < G_N_ELEMENTS (text->actions) && text->actions[i].description; i++)
    if (!insert_action (demo, p, id, &text->actions[i], i, error))
      return FALSE;
  return insert_ratings (demo, p, id, error);
}

/* 2–4 different outcomes that suit the person's age. */
static gboolean
insert_outcomes (Demo *demo, Person *p, GError **error)
{
  guint order[G_N_ELEMENTS (outcome_texts)];
  guint wanted = (guint) between (p->rand, 2, 4);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    order[i] = i;
  for (guint i = G_N_ELEMENTS (order) - 1; i > 0; i--)
    {
      guint j = (guint) between (p->rand, 0, i);
      guint swap = order[i];

      order[i] = order[j];
      order[j] = swap;
    }
  for (guint i = 0; i < G_N_ELEMENTS (order) && p->n_outcomes < wanted; i++)
    if (suits (p, outcome_texts[order[i]].who) &&
        !insert_outcome (demo, p, &outcome_texts[order[i]], error))
      return FALSE;
  return TRUE;
}

static gboolean
insert_risk (Demo *demo, Person *p, guint position, GError **error)
{
  const RiskText *text = &PICK_ARRAY (p->rand, risk_texts);
  CpRisk *risk = new_record (p->rand, CP_TYPE_RISK);
  g_autofree char *description = expand (demo, p, text->description);
  g_autofree char *management = expand (demo, p, text->management);
  g_autofree char *agreed_by = expand (demo, p, "{name}, {relname} and {coordinator}");

  g_object_set (risk,
                "plan-id", p->plan_id,
                "description", description,
                "management", management,
                "agreed-by", agreed_by,
                "positive-risk", text->positive,
                "position", (gint64) position,
                NULL);
  return demo_insert (demo, risk, error);
}

/* Plans under review have had their formal review; some agreed plans
 * had an informal check-in at twelve weeks. */
static gboolean
insert_review (Demo *demo, Person *p, CpPlanStatus status, GError **error)
{
  CpReview *review;
  GDate on;

  if (status == CP_PLAN_STATUS_UNDER_REVIEW)
    on = date_plus_days (&demo->today, -between (p->rand, 0, MIN (20, p->days_spent)));
  else if (status == CP_PLAN_STATUS_AGREED && p->days_spent > 90 && chance (p->rand, 0.5))
    on = date_plus_days (&p->year_start, between (p->rand, 84, p->days_spent));
  else
    return TRUE;
  review = new_record (p->rand, CP_TYPE_REVIEW);
  g_object_set (review,
                "plan-id", p->plan_id,
                "kind", status == CP_PLAN_STATUS_UNDER_REVIEW ? CP_REVIEW_KIND_FORMAL : CP_REVIEW_KIND_INFORMAL,
                "working", PICK_ARRAY (p->rand, review_working),
                "not-working", PICK_ARRAY (p->rand, review_not_working),
                NULL);
  set_date (review, "review-date", &on);
  return demo_insert (demo, review, error);
}

/* ---------------------------------------------------------------------
 * The budget: funding streams and budget lines
 * ------------------------------------------------------------------- */

static guint
stream_for_category (Person *p, Category category)
{
  for (guint f = 0; f < G_N_ELEMENTS (categories[category].funders); f++)
    for (guint i = 0; i < p->n_streams; i++)
      if (p->streams[i].funder == categories[category].funders[f])
        return i;
  return 0;
}

/* How the money leaves the account depends on who holds it. */
static CpPaymentMethod
choose_method (Person *p, Category category, CpManagement management)
{
  switch (management)
    {
    case CP_MANAGEMENT_PREPAID_CARD:    return CP_PAYMENT_METHOD_PREPAID_CARD;
    case CP_MANAGEMENT_NOTIONAL:
    case CP_MANAGEMENT_THIRD_PARTY:     return CP_PAYMENT_METHOD_INVOICE;
    case CP_MANAGEMENT_MANAGED_ACCOUNT: return CP_PAYMENT_METHOD_BANK_TRANSFER;
    case CP_MANAGEMENT_DIRECT_PAYMENT:
    default:
      break;
    }
  switch (category)
    {
    case CAT_PA_WAGES:     return chance (p->rand, 0.5) ? CP_PAYMENT_METHOD_STANDING_ORDER
                                                        : CP_PAYMENT_METHOD_BANK_TRANSFER;
    case CAT_EMPLOYER_NI:
    case CAT_PENSION:
    case CAT_PAYROLL:      return CP_PAYMENT_METHOD_DIRECT_DEBIT;
    case CAT_TRANSPORT:
    case CAT_EQUIPMENT:
    case CAT_CONTINGENCY:  return CP_PAYMENT_METHOD_CARD;
    case CAT_ACTIVITIES:   return chance (p->rand, 0.2) ? CP_PAYMENT_METHOD_CASH : CP_PAYMENT_METHOD_CARD;
    default:               return CP_PAYMENT_METHOD_BANK_TRANSFER;
    }
}

/* The planned amount per period: a PA's costs follow from their hours. */
static gint64
planned_amount (Person *p, Category category, gint64 pa_week)
{
  const CategoryInfo *info = &categories[category];

  switch (category)
    {
    case CAT_PA_WAGES:    return pa_week;
    case CAT_EMPLOYER_NI: return pa_week * 52 / 12 / 10;
    case CAT_PENSION:     return pa_week * 52 / 12 * 3 / 100;
    case CAT_HOLIDAY_PAY: return pa_week * 56 / 10;
    case CAT_AGENCY:      return between (p->rand, 4, 30) * between_step (p->rand, 2400, 3000, 10);
    default:              return between_step (p->rand, info->plan_min, info->plan_max, info->plan_step);
    }
}

static void
add_line (Person *p, Category category, gint64 pa_week)
{
  Line *line = &p->lines[p->n_lines++];

  line->category = category;
  line->stream = stream_for_category (p, category);
  line->method = choose_method (p, category, p->streams[line->stream].management);
  line->planned_pence = planned_amount (p, category, pa_week);
}

/* A PA's employer costs, or an agency; then what makes life go. */
static void
choose_lines (Person *p)
{
  gint64 pa_week = between (p->rand, 10, 40) * p->pa_rate_pence;

  if (p->employs_pa)
    for (Category c = CAT_PA_WAGES; c <= CAT_HOLIDAY_PAY; c++)
      add_line (p, c, pa_week);
  else
    add_line (p, CAT_AGENCY, 0);
  if (chance (p->rand, is_child (p) ? 0.7 : 0.4))
    add_line (p, CAT_RESPITE, 0);
  if (chance (p->rand, 0.5))
    add_line (p, CAT_EQUIPMENT, 0);
  if (chance (p->rand, 0.5))
    add_line (p, CAT_THERAPIES, 0);
  if (chance (p->rand, 0.7))
    add_line (p, CAT_ACTIVITIES, 0);
  add_line (p, CAT_TRANSPORT, 0);
  add_line (p, CAT_CONTINGENCY, 0);
}

static gint64
annual_amount (const Line *line)
{
  switch (categories[line->category].period)
    {
    case CP_PERIOD_WEEK:  return line->planned_pence * 52;
    case CP_PERIOD_MONTH: return line->planned_pence * 12;
    case CP_PERIOD_YEAR:
    case CP_PERIOD_ONE_OFF:
    default:              return line->planned_pence;
    }
}

static CpFrequency
choose_frequency (GRand *rand, const Stream *stream)
{
  if (stream->funder == CP_FUNDER_EDUCATION)
    return chance (rand, 0.5) ? CP_FREQUENCY_QUARTERLY : CP_FREQUENCY_ANNUAL;
  if (stream->management == CP_MANAGEMENT_DIRECT_PAYMENT || stream->management == CP_MANAGEMENT_PREPAID_CARD)
    return chance (rand, 0.5) ? CP_FREQUENCY_FOUR_WEEKLY : CP_FREQUENCY_MONTHLY;
  return chance (rand, 0.7) ? CP_FREQUENCY_MONTHLY : CP_FREQUENCY_QUARTERLY;
}

static const char *
stream_name (const Person *p, CpFunder funder)
{
  switch (funder)
    {
    case CP_FUNDER_NHS:         return "Personal health budget";
    case CP_FUNDER_SOCIAL_CARE: return p->islington ? "Personal budget, Islington Council"
                                                    : "Personal budget, Tower Hamlets Council";
    case CP_FUNDER_EDUCATION:   return "EHCP personal budget";
    case CP_FUNDER_OTHER:
    default:                    return "Other funding";
    }
}

/* The agreed amount is what the lines add up to, rounded to pounds;
 * the indicative amount was the estimate before planning, within 15%. */
static gboolean
insert_stream (Demo *demo, Person *p, Stream *stream, GError **error)
{
  CpFundingStream *record = new_record (p->rand, CP_TYPE_FUNDING_STREAM);
  gint64 agreed = 0;
  gint64 indicative;

  for (guint i = 0; i < p->n_lines; i++)
    if (&p->streams[p->lines[i].stream] == stream)
      agreed += annual_amount (&p->lines[i]);
  agreed = MAX (100000, (agreed + 50) / 100 * 100);
  indicative = (agreed * between (p->rand, 85, 115) / 100 + 5000) / 10000 * 10000;
  stream->agreed_pence = agreed;
  g_object_set (record,
                "plan-id", p->plan_id,
                "funder", stream->funder,
                "name", stream_name (p, stream->funder),
                "indicative-pence", indicative,
                "agreed-pence", agreed,
                "management", stream->management,
                "frequency", choose_frequency (p->rand, stream),
                NULL);
  set_date (record, "period-start", &p->year_start);
  set_date (record, "period-end", &p->year_end);
  stream->id = demo_insert_id (demo, record, error);
  return stream->id != NULL;
}

static gboolean
insert_line (Demo *demo, Person *p, Line *line, GError **error)
{
  CpBudgetLine *record = new_record (p->rand, CP_TYPE_BUDGET_LINE);
  const CategoryInfo *info = &categories[line->category];

  g_object_set (record,
                "plan-id", p->plan_id,
                "stream-id", p->streams[line->stream].id,
                "category", category_ids[line->category],
                "description", info->description,
                "amount-pence", line->planned_pence,
                "period", info->period,
                NULL);
  /* Some lines pay for one outcome in particular. */
  if (p->n_outcomes > 0 && chance (p->rand, 0.5))
    g_object_set (record, "outcome-id", p->outcome_ids[between (p->rand, 0, p->n_outcomes - 1)], NULL);
  line->id = demo_insert_id (demo, record, error);
  return line->id != NULL;
}

static gboolean
insert_budget (Demo *demo, Person *p, GError **error)
{
  for (guint i = 0; i < p->n_streams; i++)
    if (!insert_stream (demo, p, &p->streams[i], error))
      return FALSE;
  for (guint i = 0; i < p->n_lines; i++)
    if (!insert_line (demo, p, &p->lines[i], error))
      return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------------
 * The ledger
 * ------------------------------------------------------------------- */

/* About one payment in 250 is corrected by a reversing entry. */
#define REVERSAL_CHANCE 0.004

typedef struct
{
  GRand      *rand;
  /* Which line each payment goes to: a generator of its own, run once
   * to count each line's payments and again, from the same seed, to
   * write them, so each line's payments add up to its share exactly. */
  GRand      *line_rand;
  guint       weight_total;
  /* Per line: how often it is paid (0: never, an untouched contingency)
   * and the mean payment that brings it to its share of the plan. */
  guint       weights[N_CATEGORIES];
  gint64      means[N_CATEGORIES];
  /* ISO dates of the year of care so far, by day. */
  char      (*dates)[11];
  /* The latest ordinary payment: the one a reversal corrects. */
  gboolean    has_last;
  char        last_id[37];
  guint       last_line;
  guint       last_day;
  gint64      last_amount;
  const char *last_payee;
} Ledger;

/* How a person's spending runs against their plan: most close to it,
 * some well over (the projection warns), some well under (a surplus
 * builds up that may be reclaimed). */
static double
choose_pace (GRand *rand)
{
  double roll = g_rand_double (rand);

  if (roll < 0.12)
    return g_rand_double_range (rand, 1.15, 1.45);
  if (roll < 0.27)
    return g_rand_double_range (rand, 0.45, 0.75);
  return g_rand_double_range (rand, 0.88, 1.04);
}

static guint choose_line (Person *p, Ledger *ledger);

/* How many payments each line will get (a reversal now and then takes
 * a payment's place, so a line may get a few fewer). */
static void
count_payments (Demo *demo, Person *p, Ledger *ledger, guint64 counts[N_CATEGORIES])
{
  guint64 n = demo->payments_for[p->index];

  ledger->line_rand = demo_rand (demo, p->index, 3);
  for (guint64 i = 0; i < n; i++)
    counts[choose_line (p, ledger)]++;
  g_rand_free (ledger->line_rand);
  ledger->line_rand = demo_rand (demo, p->index, 3);
}

/* Spending follows the plan: each line gets its planned amount for the
 * part of the year gone by, times the person's pace, spread over the
 * payments it is expected to receive. A contingency is often left
 * untouched, otherwise a little of it is used. */
static void
plan_spending (Demo *demo, Person *p, Ledger *ledger)
{
  GDate end_of_year = p->year_end;
  double year_days = g_date_days_between (&p->year_start, &end_of_year) + 1;
  double elapsed = (p->days_spent + 1) / year_days;
  double pace = choose_pace (ledger->rand);
  guint64 counts[N_CATEGORIES] = { 0 };

  for (guint i = 0; i < p->n_lines; i++)
    {
      gboolean contingency = p->lines[i].category == CAT_CONTINGENCY;

      ledger->weights[i] = contingency && chance (ledger->rand, 0.3) ? 0 : categories[p->lines[i].category].weight;
      ledger->weight_total += ledger->weights[i];
    }
  count_payments (demo, p, ledger, counts);
  for (guint i = 0; i < p->n_lines; i++)
    {
      double expected = counts[i];
      double target = annual_amount (&p->lines[i]) * elapsed * pace;

      if (p->lines[i].category == CAT_CONTINGENCY)
        target *= g_rand_double_range (ledger->rand, 0.1, 0.5);
      ledger->means[i] = expected >= 1 ? (gint64) (target / expected) : 0;
    }
}

static void
ledger_init (Demo *demo, Person *p, Ledger *ledger)
{
  memset (ledger, 0, sizeof *ledger);
  ledger->rand = demo_rand (demo, p->index, 2);
  ledger->dates = g_malloc_n (p->days_spent + 1, sizeof *ledger->dates);
  for (guint day = 0; day <= p->days_spent; day++)
    {
      GDate date = date_plus_days (&p->year_start, day);
      date_to_iso (&date, ledger->dates[day]);
    }
  plan_spending (demo, p, ledger);
}

static void
ledger_clear (Ledger *ledger)
{
  g_clear_pointer (&ledger->rand, g_rand_free);
  g_clear_pointer (&ledger->line_rand, g_rand_free);
  g_clear_pointer (&ledger->dates, g_free);
}

static guint
choose_line (Person *p, Ledger *ledger)
{
  gint64 ticket = between (ledger->line_rand, 0, ledger->weight_total - 1);

  for (guint i = 0; i < p->n_lines; i++)
    {
      ticket -= ledger->weights[i];
      if (ticket < 0)
        return i;
    }
  return p->n_lines - 1;
}

static const char *
choose_payee (Person *p, Ledger *ledger, Category category)
{
  const char *payee = pick (ledger->rand, categories[category].payees);

  return g_str_equal (payee, "{pa}") ? p->pa_name : payee;
}

/* Around the line's mean, rounded to the category's step (a respite
 * invoice in whole pounds), never below a penny. */
static gint64
payment_amount (Person *p, Ledger *ledger, guint line_index)
{
  const CategoryInfo *info = &categories[p->lines[line_index].category];
  gint64 amount = (gint64) (ledger->means[line_index] * g_rand_double_range (ledger->rand, 0.6, 1.4));
  gint64 rounded = (amount + info->step_pence / 2) / info->step_pence * info->step_pence;

  return MAX (1, rounded > 0 ? rounded : amount);
}

static void
make_reference (GRand *rand, CpPaymentMethod method, char out[24])
{
  guint number = (guint) between (rand, 1, 999999);

  switch (method)
    {
    case CP_PAYMENT_METHOD_INVOICE:        g_snprintf (out, 24, "INV-%06u", number); break;
    case CP_PAYMENT_METHOD_DIRECT_DEBIT:   g_snprintf (out, 24, "DD-%06u", number); break;
    case CP_PAYMENT_METHOD_STANDING_ORDER: g_snprintf (out, 24, "SO-%06u", number); break;
    case CP_PAYMENT_METHOD_BANK_TRANSFER:  g_snprintf (out, 24, "TRF-%06u", number); break;
    case CP_PAYMENT_METHOD_CHEQUE:         g_snprintf (out, 24, "CHQ %06u", number); break;
    default:                               out[0] = '\0'; break;
    }
}

static const char *
payment_note (Ledger *ledger, Category category)
{
  double roll = g_rand_double (ledger->rand);

  if (category == CAT_PA_WAGES && roll < 0.1)
    return "Timesheet checked";
  if (roll < 0.03)
    return "Receipt kept";
  return "";
}

static gboolean
insert_payment_row (Demo *demo, Person *p, Ledger *ledger, guint line_index, guint day,
                    const char *payee, gint64 amount, const char *reverses, const char *note,
                    GError **error)
{
  const Line *line = &p->lines[line_index];
  CpPayment *payment = new_record (ledger->rand, CP_TYPE_PAYMENT);
  char reference[24];

  make_reference (ledger->rand, line->method, reference);
  g_object_set (payment,
                "plan-id", p->plan_id,
                "paid-on", ledger->dates[day],
                "payee", payee,
                "amount-pence", amount,
                "budget-line-id", line->id,
                "stream-id", p->streams[line->stream].id,
                "method", line->method,
                "reference", reference,
                "note", note,
                "reverses-id", reverses,
                NULL);
  if (reverses == NULL)
    {
      g_strlcpy (ledger->last_id, cp_record_get_id (CP_RECORD (payment)), sizeof ledger->last_id);
      ledger->has_last = TRUE;
      ledger->last_line = line_index;
      ledger->last_day = day;
      ledger->last_amount = amount;
      ledger->last_payee = payee;
    }
  return demo_insert (demo, payment, error);
}

/* Undoes the latest payment, a few days after it, never after today. */
static gboolean
insert_reversal (Demo *demo, Person *p, Ledger *ledger, GError **error)
{
  guint day = ledger->last_day + (guint) between (ledger->rand, 0, 7);
  char reverses[37];

  day = MIN (p->days_spent, day);
  g_strlcpy (reverses, ledger->last_id, sizeof reverses);
  ledger->has_last = FALSE;
  return insert_payment_row (demo, p, ledger, ledger->last_line, day, ledger->last_payee,
                             -ledger->last_amount, reverses,
                             chance (ledger->rand, 0.5) ? "Reversal: charged twice"
                                                        : "Reversal: refunded, item returned",
                             error);
}

static gboolean
insert_payment (Demo *demo, Person *p, Ledger *ledger, GError **error)
{
  guint line_index;
  const char *payee;
  guint day;

  if (ledger->has_last && chance (ledger->rand, REVERSAL_CHANCE))
    return insert_reversal (demo, p, ledger, error);
  line_index = choose_line (p, ledger);
  payee = choose_payee (p, ledger, p->lines[line_index].category);
  day = (guint) between (ledger->rand, 0, p->days_spent);
  return insert_payment_row (demo, p, ledger, line_index, day, payee,
                             payment_amount (p, ledger, line_index),
                             NULL, payment_note (ledger, p->lines[line_index].category), error);
}

static gboolean
insert_payments (Demo *demo, Person *p, GError **error)
{
  guint64 n = demo->payments_for[p->index];
  Ledger ledger;
  gboolean ok = TRUE;

  ledger_init (demo, p, &ledger);
  for (guint64 i = 0; i < n && ok; i++)
    ok = insert_payment (demo, p, &ledger, error);
  ledger_clear (&ledger);
  return ok;
}

/* ---------------------------------------------------------------------
 * Putting it together
 * ------------------------------------------------------------------- */

static gboolean
insert_workers (Demo *demo, GError **error)
{
  g_autoptr(GRand) rand = demo_rand (demo, G_MAXUINT32, 1);

  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    {
      CpContributor *contributor = new_record (rand, CP_TYPE_CONTRIBUTOR);

      g_object_set (contributor,
                    "name", workers[i].name,
                    "role", workers[i].role,
                    "voice", workers[i].voice,
                    NULL);
      demo->worker_ids[i] = demo_insert_id (demo, contributor, error);
      if (demo->worker_ids[i] == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Splits the payments between people in proportion to random weights,
 * handing the remainder out one each: the total is exact. */
static void
allocate_payments (Demo *demo)
{
  g_autoptr(GRand) rand = demo_rand (demo, G_MAXUINT32, 0);
  guint n_people = demo->options->n_people;
  g_autofree guint *weights = g_new (guint, n_people);
  guint64 total_weight = 0;
  guint64 given = 0;

  demo->payments_for = g_new0 (guint64, n_people);
  for (guint i = 0; i < n_people; i++)
    total_weight += weights[i] = (guint) between (rand, 40, 200);
  for (guint i = 0; i < n_people; i++)
    {
      demo->payments_for[i] = demo->options->n_payments * weights[i] / total_weight;
      given += demo->payments_for[i];
    }
  for (guint i = 0; given < demo->options->n_payments; i = (i + 1) % n_people, given++)
    demo->payments_for[i]++;
}

static gboolean
insert_plan_and_budget (Demo *demo, Person *p, GError **error)
{
  CpPlanStatus status = choose_status (p->rand);

  return insert_plan (demo, p, status, error) &&
         insert_entries (demo, p, error) &&
         insert_outcomes (demo, p, error) &&
         insert_risk (demo, p, 0, error) &&
         (!chance (p->rand, 0.25) || insert_risk (demo, p, 1, error)) &&
         insert_review (demo, p, status, error) &&
         insert_budget (demo, p, error) &&
         insert_payments (demo, p, error);
}

static gboolean
generate_person (Demo *demo, guint index, GError **error)
{
  Person p = { 0 };
  gboolean ok;

  p.index = index;
  p.rand = demo_rand (demo, index, 1);
  choose_identity (demo, &p);
  choose_year_of_care (demo, &p);
  choose_streams (&p);
  choose_employment (&p);
  choose_family (&p);
  choose_lines (&p);
  ok = insert_person (demo, &p, error) &&
       insert_circle (demo, &p, error) &&
       insert_plan_and_budget (demo, &p, error);
  person_clear (&p);
  return ok;
}

static gboolean
set_today (Demo *demo, GError **error)
{
  g_autoptr(GDateTime) now = NULL;
  int year, month, day;

  if (demo->options->today == NULL)
    {
      now = g_date_time_new_now_utc ();
      g_date_time_get_ymd (now, &year, &month, &day);
      g_date_set_dmy (&demo->today, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      return TRUE;
    }
  if (sscanf (demo->options->today, "%4d-%2d-%2d", &year, &month, &day) == 3 &&
      g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_date_set_dmy (&demo->today, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      return TRUE;
    }
  g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
               "“%s” is not a date in the form YYYY-MM-DD.", demo->options->today);
  return FALSE;
}

static gboolean
check_options (const CpDemoOptions *options, GError **error)
{
  if (options->n_people > CP_DEMO_MAX_PEOPLE || options->n_payments > CP_DEMO_MAX_PAYMENTS)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   "A demo caseload holds at most %u people and %" G_GUINT64_FORMAT " payments.",
                   CP_DEMO_MAX_PEOPLE, CP_DEMO_MAX_PAYMENTS);
      return FALSE;
    }
  if (options->n_people == 0 && options->n_payments > 0)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_INVALID,
                   "Payments need people to pay for: ask for at least one person.");
      return FALSE;
    }
  return TRUE;
}

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->nhs_numbers, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (demo->worker_ids); i++)
    g_clear_pointer (&demo->worker_ids[i], g_free);
  g_clear_pointer (&demo->payments_for, g_free);
}

static gboolean
generate_people (Demo *demo, GError **error)
{
  if (!insert_workers (demo, error))
    return FALSE;
  for (guint i = 0; i < demo->options->n_people; i++)
    if (!generate_person (demo, i, error))
      return FALSE;
  return TRUE;
}

/* An agreed plan is written as it was signed, content after its plan
 * row: the lock on agreed content (cp-plan-lifecycle.c) is for edits. */
static gboolean
generate_all (Demo *demo, GError **error)
{
  gboolean ok;

  cp_plan_guard_suspend (demo->store);
  ok = generate_people (demo, error);
  cp_plan_guard_resume (demo->store);
  return ok;
}

/**
 * cp_demo_generate:
 *
 * Fills @store with @options->n_people people, each with one plan and
 * its budget, and exactly @options->n_payments payments between them.
 * Every row goes through cp_store_insert(), so each has its audit row.
 */
gboolean
cp_demo_generate (CpStore *store, const CpDemoOptions *options, GError **error)
{
  Demo demo = { 0 };
  CpStoreBulkPragmas saved;
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  demo.store = store;
  demo.options = options;
  if (!check_options (options, error) || !set_today (&demo, error))
    return FALSE;
  demo.nhs_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  allocate_payments (&demo);
  /* Every cp_store_insert() opens a savepoint inside our transaction:
   * its statement journal is kept in memory, with a larger cache. */
  saved = _cp_store_bulk_begin (store, DEMO_CACHE_KIB);

  ok = demo.in_batch = cp_store_begin (store, error);
  /* Only a batch still open is ours to undo: rolling back at the wrong
   * level would undo a caller's transaction. */
  if (ok && !(ok = generate_all (&demo, error)) && demo.in_batch)
    cp_store_rollback (store);
  ok = ok && cp_store_commit (store, error);
  _cp_store_bulk_end (store, &saved);
  demo_clear (&demo);
  return ok;
}
