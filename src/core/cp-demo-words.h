/* cp-demo-words.h — what the demo caseload says: names, places, texts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference data behind cp-demo.c, kept apart from the code that
 * draws from it. Everything here is invented or public (Tower Hamlets
 * streets, GP practice names, IPC cohorts from the programme pages).
 * Included by cp-demo.c only: the tables are static so G_N_ELEMENTS
 * works on them.
 */
#pragma once

#include "cp-enums.h"

typedef struct
{
  const char        *name;
  const char *const *male;
  const char *const *female;
  const char *const *family;
  /* Languages people of this community may prefer, English last. */
  const char *const *languages;
  /* Things that matter to people here, first person, no full stop. */
  const char *const *important;
  const char *const *food;
  guint              weight;
} Community;

#define LIST(...) ((const char *const[]) { __VA_ARGS__, NULL })

static const Community communities[] = {
  { "Bangladeshi",
    LIST ("Abdul", "Mohammed", "Shahid", "Rahim", "Jamal", "Habib", "Foysal", "Rafiq",
          "Anwar", "Sufian", "Ashik", "Imran", "Kamal", "Rubel", "Shafiq", "Tanvir"),
    LIST ("Fatima", "Ayesha", "Nasima", "Rehana", "Shirin", "Salma", "Taslima", "Hasina",
          "Rumana", "Jahanara", "Sumaiya", "Nusrat", "Shapla", "Rokeya", "Halima", "Tahmina"),
    LIST ("Ahmed", "Begum", "Miah", "Uddin", "Rahman", "Hussain", "Khatun", "Islam", "Ali",
          "Chowdhury", "Hoque", "Khan", "Akhtar", "Choudhury", "Bibi", "Ullah", "Mahmud"),
    LIST ("Bengali (Sylheti)", "Bengali", "Sylheti", "English"),
    LIST ("Going to the East London Mosque on Fridays",
          "Cooking with my mum on Sundays",
          "Visiting my family in Sylhet when I can",
          "Watching cricket with my brothers"),
    LIST ("biryani", "my mum's fish curry", "shatkora beef", "pitha at Eid"),
    34 },
  { "Somali",
    LIST ("Abdi", "Mohamed", "Hassan", "Abdirahman", "Liban", "Yusuf", "Mahad", "Ahmed",
          "Bashir", "Guled"),
    LIST ("Hodan", "Sahra", "Amina", "Faduma", "Ifrah", "Hibo", "Nimco", "Ubah", "Ladan",
          "Ayan"),
    LIST ("Warsame", "Abdullahi", "Hirsi", "Omar", "Jama", "Aden", "Egal", "Duale", "Farah",
          "Mohamud", "Osman"),
    LIST ("Somali", "English"),
    LIST ("Drinking shaah with my aunties in the afternoon",
          "Going to the mosque with my father",
          "Speaking Somali at home"),
    LIST ("bariis with goat", "canjeero for breakfast", "sambuusa"),
    8 },
  { "Polish",
    LIST ("Piotr", "Tomasz", "Krzysztof", "Marek", "Paweł", "Jakub", "Łukasz", "Andrzej"),
    LIST ("Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Ewa", "Zofia", "Małgorzata",
          "Anna"),
    LIST ("Nowak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król", "Wróbel", "Wieczorek",
          "Pawlak", "Michalak"),
    LIST ("Polish", "English"),
    LIST ("Going to Mass on Sunday",
          "Phoning my grandmother in Kraków every week",
          "Reading Polish newspapers"),
    LIST ("pierogi", "żurek", "my dad's bigos"),
    6 },
  { "English",
    LIST ("Jack", "George", "Harry", "Terry", "Paul", "David", "Daniel", "Liam", "Ronald",
          "Kevin", "Stephen", "Alfie"),
    LIST ("Emily", "Sarah", "Jessica", "Margaret", "Susan", "Kelly", "Chloe", "Olivia",
          "Doreen", "Lisa", "Tracey", "Poppy"),
    LIST ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Walker",
          "Wright", "Green", "Hall", "Clarke", "Turner", "Cooper"),
    LIST ("English"),
    LIST ("Watching West Ham with my dad",
          "Going to the pub quiz on Wednesdays",
          "Doing the crossword in the paper"),
    LIST ("pie and mash", "fish and chips", "a Sunday roast"),
    28 },
  { "Black British",
    LIST ("Kwame", "Tunde", "Chidi", "Marcus", "Andre", "Kofi", "Jermaine", "Emeka"),
    LIST ("Adaeze", "Shanice", "Abena", "Funmi", "Grace", "Precious", "Chantelle", "Ngozi"),
    LIST ("Okafor", "Adeyemi", "Mensah", "Campbell", "Thompson", "Francis", "Oyelaran",
          "Boateng", "Johnson"),
    LIST ("English", "Yoruba", "Twi", "English"),
    LIST ("Singing in the choir at church",
          "Having my hair done every fortnight",
          "Family parties at my auntie's"),
    LIST ("jollof rice", "rice and peas", "plantain"),
    14 },
  { "Chinese and Vietnamese",
    LIST ("Wei", "Minh", "Jun", "Hao", "Quang"),
    LIST ("Mei", "Lan", "Linh", "Xiu", "Hoa"),
    LIST ("Nguyen", "Tran", "Chen", "Li", "Wong", "Pham"),
    LIST ("Cantonese", "Vietnamese", "Mandarin", "English"),
    LIST ("Going to Chinatown with my cousins",
          "Lunar New Year with my family"),
    LIST ("pho", "dumplings", "congee"),
    4 },
};

typedef struct
{
  const char *given;
  const char *preferred;
} Nickname;

static const Nickname nicknames[] = {
  { "Mohammed", "Mo" }, { "Mohamed", "Mo" }, { "Abdirahman", "Abdi" },
  { "Katarzyna", "Kasia" }, { "Małgorzata", "Gosia" }, { "Krzysztof", "Krzyś" },
  { "Margaret", "Peggy" }, { "Daniel", "Danny" }, { "Jahanara", "Jahan" },
  { "Stephen", "Steve" }, { "Ronald", "Ron" }, { "Susan", "Sue" },
  { "Jessica", "Jess" }, { "Tomasz", "Tomek" }, { "Sumaiya", "Sumi" },
  { "Abdul", "Abdul" }, { "Faduma", "Fadumo" }, { "Olivia", "Liv" },
  { "Jermaine", "Jay" }, { "Precious", "Prech" }, { "Agnieszka", "Aga" },
};

/* The four groups Tower Hamlets' IPC demonstrator focused on. */
typedef enum
{
  COHORT_CHILDREN,
  COHORT_LONG_TERM,
  COHORT_LEARNING_DISABILITY,
  COHORT_MENTAL_HEALTH,
} Cohort;

static const char *const th_cohorts[] = {
  "Children and young people with complex needs, including EHCP",
  "Adults with multiple long-term conditions including COPD",
  "Adults with learning disabilities with high support needs",
  "Adults with significant mental health needs",
};

/* Islington, the other London-area IPC site, took two groups first. */
static const char *const islington_cohorts[] = {
  "Adults with multiple long-term conditions",
  "Looked after children with mental health issues",
};

typedef struct
{
  const char *street;
  const char *district;   /* postcode district */
} Street;

static const Street th_streets[] = {
  { "Commercial Road", "E1" }, { "Whitechapel Road", "E1" }, { "Brick Lane", "E1" },
  { "Cable Street", "E1" }, { "Stepney Way", "E1" }, { "Jubilee Street", "E1" },
  { "Ben Jonson Road", "E1" }, { "Watney Street", "E1" }, { "Sidney Street", "E1" },
  { "Wapping Lane", "E1W" }, { "Prusom Street", "E1W" },
  { "Bethnal Green Road", "E2" }, { "Columbia Road", "E2" }, { "Old Bethnal Green Road", "E2" },
  { "Cambridge Heath Road", "E2" }, { "Three Colts Lane", "E2" }, { "Globe Road", "E2" },
  { "Roman Road", "E3" }, { "Bow Road", "E3" }, { "Devons Road", "E3" },
  { "Old Ford Road", "E3" }, { "St Paul's Way", "E3" }, { "Campbell Road", "E3" },
  { "Burdett Road", "E14" }, { "East India Dock Road", "E14" }, { "Manchester Road", "E14" },
  { "Westferry Road", "E14" }, { "Chrisp Street", "E14" }, { "Poplar High Street", "E14" },
  { "Cotall Street", "E14" },
};

static const Street islington_streets[] = {
  { "Essex Road", "N1" }, { "Caledonian Road", "N1" }, { "Holloway Road", "N7" },
  { "Hornsey Road", "N19" }, { "Blackstock Road", "N4" }, { "St John Street", "EC1V" },
};

static const char *const building_names[] = {
  "Kinsale House", "Mulberry Court", "Troon House", "Lansbury Gardens", "Bredel House",
  "Pelican Estate", "Sutton Court", "Cranbrook House", "Ocean Estate", "Berner House",
  "Holland Estate", "Teviot House", "Limehouse Fields", "Brokesley Court",
};

static const char *const th_gp_practices[] = {
  "Jubilee Street Practice", "Bromley by Bow Health Centre", "Spitalfields Practice",
  "Chrisp Street Health Centre", "Globe Town Surgery", "The Barkantine Practice",
  "St Andrew's Health Centre", "Whitechapel Health Centre", "Blithehale Medical Centre",
  "Stroudley Walk Health Centre", "East One Health", "Island Health",
};

static const char *const islington_gp_practices[] = {
  "Mitchison Road Surgery", "The Junction Health Centre", "Highbury Grange Medical Practice",
};

static const char *const markets[] = {
  "Chrisp Street Market", "Whitechapel Market", "Roman Road Market", "Watney Market",
  "Columbia Road Flower Market", "Petticoat Lane",
};

static const char *const parks[] = {
  "Victoria Park", "Mile End Park", "Island Gardens", "Stepney Green Park", "Weavers Fields",
  "Bartlett Park",
};

static const char *const communication_needs[] = {
  "Uses Makaton",
  "Needs easy read",
  "BSL interpreter",
  "Large print (at least 16 point)",
  "Needs information read aloud",
  "Uses a communication book and pictures",
  "Give extra time to answer; short sentences",
};

typedef struct
{
  const char *name;
  const char *role;
  CpVoice     voice;
} Worker;

static const Worker workers[] = {
  { "Shahana Begum", "Care co-ordinator", CP_VOICE_PROFESSIONAL },
  { "Tom Gallagher", "Care co-ordinator", CP_VOICE_PROFESSIONAL },
  { "Ruksana Ahmed", "Care co-ordinator", CP_VOICE_PROFESSIONAL },
  { "Deborah Okoye", "Care co-ordinator", CP_VOICE_PROFESSIONAL },
  { "Kamrul Islam", "Care co-ordinator", CP_VOICE_PROFESSIONAL },
  { "Helen Marsh", "Community nurse", CP_VOICE_PROFESSIONAL },
  { "Faisal Rahman", "Social worker", CP_VOICE_PROFESSIONAL },
  { "Anna Kowalczyk", "SEND caseworker", CP_VOICE_PROFESSIONAL },
  { "Sadia Warsame", "Advocate, Real", CP_VOICE_ADVOCATE },
  { "Mark Evans", "Advocate, Real", CP_VOICE_ADVOCATE },
  { "Jaspreet Kaur", "Advocate, Bromley by Bow Centre", CP_VOICE_ADVOCATE },
};

/* workers[] holds the care co-ordinators first and the advocates last. */
#define N_COORDINATORS 5
#define FIRST_ADVOCATE 8

/* Who a piece of text suits: children or adults, and (optionally) only
 * people who employ a PA or only those an agency supports. */
enum
{
  FOR_CHILD  = 1 << 0,
  FOR_ADULT  = 1 << 1,
  FOR_ANY    = FOR_CHILD | FOR_ADULT,
  WITH_PA    = 1 << 2,
  WITH_AGENCY = 1 << 3,
};

/* Placeholders: {name} {relative} {relname} {market} {park} {food}
 * {language} {gp} {important} {coordinator} {supporter} ("my PA" or
 * "my support worker"). Texts with {language} are left out for people
 * whose language is English. */
typedef struct
{
  CpSection   section;
  CpVoice     voice;
  guint       who;
  const char *text;
} EntryText;

static const EntryText entry_texts[] = {
  { CP_SECTION_LIKE_AND_ADMIRE, CP_VOICE_PERSON, FOR_ANY, "People say I have a brilliant sense of humour." },
  { CP_SECTION_LIKE_AND_ADMIRE, CP_VOICE_PERSON, FOR_ADULT, "My family say I never give up, even on hard days." },
  { CP_SECTION_LIKE_AND_ADMIRE, CP_VOICE_PERSON, FOR_ADULT, "I am kind to my neighbours and always stop to say hello." },
  { CP_SECTION_LIKE_AND_ADMIRE, CP_VOICE_PERSON, FOR_ANY, "I remember everyone's birthday." },
  { CP_SECTION_LIKE_AND_ADMIRE, CP_VOICE_FAMILY_CARER, FOR_ANY, "{name} lights up the room when there is music on." },
  { CP_SECTION_LIKE_AND_ADMIRE, CP_VOICE_FAMILY_CARER, FOR_CHILD, "{name} is brave at hospital appointments and makes the nurses laugh." },
  { CP_SECTION_IMPORTANT_TO_ME, CP_VOICE_PERSON, FOR_ANY, "I like going to {market} with my {relative}." },
  { CP_SECTION_IMPORTANT_TO_ME, CP_VOICE_PERSON, FOR_ANY, "{important}." },
  { CP_SECTION_IMPORTANT_TO_ME, CP_VOICE_PERSON, FOR_ADULT, "Having my own front door and my own key." },
  { CP_SECTION_IMPORTANT_TO_ME, CP_VOICE_PERSON, FOR_ANY, "Eating {food} on a Friday night." },
  { CP_SECTION_IMPORTANT_TO_ME, CP_VOICE_PERSON, FOR_ADULT, "Choosing who comes into my home and when." },
  { CP_SECTION_IMPORTANT_TO_ME, CP_VOICE_PERSON, FOR_CHILD, "The sensory room at school and my iPad." },
  { CP_SECTION_HOW_TO_SUPPORT_ME, CP_VOICE_PERSON, FOR_ANY, "Talk to me slowly and give me time to answer." },
  { CP_SECTION_HOW_TO_SUPPORT_ME, CP_VOICE_PERSON, FOR_ANY, "Tell me the day before if someone new is coming." },
  { CP_SECTION_HOW_TO_SUPPORT_ME, CP_VOICE_PERSON, FOR_ANY, "Please speak to me in {language} when I am tired." },
  { CP_SECTION_HOW_TO_SUPPORT_ME, CP_VOICE_PERSON, FOR_ADULT, "Don't rush me in the morning; I need an hour to get going." },
  { CP_SECTION_HOW_TO_SUPPORT_ME, CP_VOICE_FAMILY_CARER, FOR_ANY, "Show {name} pictures when you explain something new." },
  { CP_SECTION_IMPORTANT_TO, CP_VOICE_PERSON, FOR_ANY, "Seeing my {relative} {relname} every week." },
  { CP_SECTION_IMPORTANT_TO, CP_VOICE_PERSON, FOR_ANY, "Walking in {park} when the weather is good." },
  { CP_SECTION_IMPORTANT_FOR, CP_VOICE_PROFESSIONAL, FOR_ADULT, "Takes medication at 8am and 8pm; blister pack from the pharmacy." },
  { CP_SECTION_IMPORTANT_FOR, CP_VOICE_PERSON, FOR_ADULT, "I need someone with me when I cook on the hob." },
  { CP_SECTION_IMPORTANT_FOR, CP_VOICE_PERSON, FOR_ADULT, "I need my inhaler with me whenever I go out." },
  { CP_SECTION_IMPORTANT_FOR, CP_VOICE_PROFESSIONAL, FOR_CHILD, "Needs a quiet space at school when overwhelmed; agreed with the SENCO." },
  { CP_SECTION_WORKING, CP_VOICE_PERSON, FOR_ADULT | WITH_PA, "My PA and I get on really well." },
  { CP_SECTION_WORKING, CP_VOICE_PERSON, FOR_ADULT, "I have not been in hospital since the spring." },
  { CP_SECTION_WORKING, CP_VOICE_FAMILY_CARER, FOR_CHILD, "The short breaks give our family a rest, and {name} loves them." },
  { CP_SECTION_WORKING, CP_VOICE_PERSON, FOR_ANY, "Having the same people support me every week." },
  { CP_SECTION_NOT_WORKING, CP_VOICE_PERSON, FOR_ADULT | WITH_AGENCY, "The agency keeps sending different people." },
  { CP_SECTION_NOT_WORKING, CP_VOICE_PERSON, FOR_ANY, "I feel lonely at weekends." },
  { CP_SECTION_NOT_WORKING, CP_VOICE_PERSON, FOR_ANY, "Letters I can't read make me worried." },
  { CP_SECTION_NOT_WORKING, CP_VOICE_FAMILY_CARER, FOR_CHILD, "The school bus is too noisy and {name} arrives upset." },
  { CP_SECTION_GOOD_DAY, CP_VOICE_PERSON, FOR_ANY, "A good day is a lie-in, a walk in {park} and {food} for dinner." },
  { CP_SECTION_GOOD_DAY, CP_VOICE_PERSON, FOR_ADULT, "A good day is when I see my friends at the Bromley by Bow Centre." },
  { CP_SECTION_BAD_DAY, CP_VOICE_PERSON, FOR_ANY, "A bad day is when plans change and nobody tells me." },
  { CP_SECTION_BAD_DAY, CP_VOICE_PERSON, FOR_ADULT, "A bad day starts when I haven't slept and my pain is bad." },
  { CP_SECTION_COMMUNICATION, CP_VOICE_PERSON, FOR_ANY, "I understand more than I can say." },
  { CP_SECTION_COMMUNICATION, CP_VOICE_PERSON, FOR_ANY, "I prefer to talk in {language}." },
  { CP_SECTION_COMMUNICATION, CP_VOICE_FAMILY_CARER, FOR_ANY, "When {name} covers their ears, the room is too loud." },
  { CP_SECTION_HEALTH_WELLBEING, CP_VOICE_PERSON, FOR_ADULT, "I want to walk more and feel fitter." },
  { CP_SECTION_HEALTH_WELLBEING, CP_VOICE_PERSON, FOR_ADULT, "My chest is worse in winter, so I need to keep the flat warm." },
  { CP_SECTION_HEALTH_WELLBEING, CP_VOICE_PERSON, FOR_ANY, "I see the nurse at {gp} every three months." },
  { CP_SECTION_MORE_THAN_MEDICINE, CP_VOICE_PERSON, FOR_ADULT, "I go to the gardening group at the Bromley by Bow Centre." },
  { CP_SECTION_MORE_THAN_MEDICINE, CP_VOICE_PERSON, FOR_ANY, "I swim at Mile End Leisure Centre on Thursdays." },
  { CP_SECTION_MORE_THAN_MEDICINE, CP_VOICE_PERSON, FOR_ANY, "I help feed the animals at Mudchute Farm." },
  { CP_SECTION_MORE_THAN_MEDICINE, CP_VOICE_PERSON, FOR_ADULT, "I go to the coffee morning at my community centre." },
  { CP_SECTION_CONTINGENCY, CP_VOICE_PERSON, FOR_ANY, "If {supporter} is off sick, my {relative} will come in the morning." },
  { CP_SECTION_CONTINGENCY, CP_VOICE_PROFESSIONAL, FOR_ADULT, "In a crisis: call the crisis line, then {relname}; {coordinator} arranges cover." },
  { CP_SECTION_CONTINGENCY, CP_VOICE_PERSON, FOR_ANY, "If I have to go into hospital, bring my hospital passport and my headphones." },
  { CP_SECTION_SHARING, CP_VOICE_PERSON, FOR_ANY, "My GP, my care co-ordinator and my {relative} can see my plan." },
  { CP_SECTION_SHARING, CP_VOICE_PERSON, FOR_ADULT, "I don't want my plan shared with my landlord." },
};

typedef struct
{
  const char *description;
  const char *who;
} ActionText;

typedef struct
{
  guint      who;
  const char *text;
  ActionText  actions[3];
} OutcomeText;

static const OutcomeText outcome_texts[] = {
  { FOR_ANY, "I want to go to {market} on my own by the summer.",
    { { "Practise the route with {supporter}", "Me and {supporter}" },
      { "Apply for a Freedom Pass", "{coordinator}" } } },
  { FOR_ADULT, "I want to cook a meal for my family once a week.",
    { { "Join the cooking group at the Bromley by Bow Centre", "Me" },
      { "Buy a talking kitchen scale", "{Supporter}" },
      { "Plan a menu with my {relative}", "Me and {relname}" } } },
  { FOR_ADULT, "I want to stay out of hospital this winter.",
    { { "Have my flu jab", "Practice nurse at {gp}" },
      { "Check my rescue pack every month", "Community matron" } } },
  { FOR_ANY, "I want to start a course at New City College.",
    { { "Go to the college open day", "Me and my {relative}" },
      { "Ask about travel training", "{coordinator}" } } },
  { FOR_ANY, "I want to swim every week.",
    { { "Book a swimming slot at Mile End Leisure Centre", "{Supporter}" },
      { "Get a changing-places key", "{coordinator}" } } },
  { FOR_ADULT, "I want to sleep better so I have more energy.",
    { { "Try a bedtime routine for four weeks", "Me" },
      { "Talk to my GP about my pain at night", "Me and {relname}" } } },
  { FOR_ANY, "I want to see my friends more and feel less lonely.",
    { { "Find a group that meets on Saturdays", "Advocate" },
      { "Budget for taxis home in the evening", "{coordinator}" } } },
  { FOR_ADULT, "I want to manage my own money with a bit of help.",
    { { "Open a separate bank account for my direct payment", "Me and my nominee" },
      { "Learn to check my statement online", "My {relative}" } } },
  { FOR_ADULT, "I want to find a volunteering job.",
    { { "Visit Spitalfields City Farm", "Me and {supporter}" },
      { "Update my CV with help from the job coach", "Job coach" } } },
  { FOR_CHILD, "I want to go to the youth club with my friends.",
    { { "Find a youth club with a quiet room", "Mum" },
      { "Arrange a support worker for Friday evenings", "{coordinator}" } } },
  { FOR_CHILD, "I want to use my talking app at school and at home.",
    { { "Set up the same symbols at home and school", "Speech and language therapist" },
      { "Train my family to use the app", "Speech and language therapist" } } },
  { FOR_CHILD, "I want to go on a short break with other young people.",
    { { "Visit the short breaks service with Mum", "Mum" },
      { "Agree the respite budget", "{coordinator}" } } },
};

typedef struct
{
  const char *description;
  const char *management;
  gboolean    positive;
} RiskText;

static const RiskText risk_texts[] = {
  { "I want to travel to {market} on my own by bus.",
    "I practised the route with {supporter} for six weeks. I carry a card with {relname}'s number and keep my phone charged.", TRUE },
  { "I sometimes forget to eat when I feel low.",
    "{Supporter} checks the fridge on Mondays and Thursdays. {coordinator} is told if I miss meals for two days.", FALSE },
  { "I may fall getting out of the bath.",
    "Grab rails are fitted. I shower when {supporter} is in the flat.", FALSE },
  { "I want to cook on the hob by myself.",
    "I use a timer and the hob switches itself off. We will look at this again in three months.", TRUE },
  { "Money could go missing from my account.",
    "My direct payment goes into its own account. My nominee and I check the statement each month.", FALSE },
  { "I want to stay at home on my own for an afternoon.",
    "I have a pendant alarm and {relname} phones at 3pm. We agreed to try this and review it together.", TRUE },
};

static const char *const review_working[] = {
  "Same PA every week; out more often; no hospital stays since the plan started.",
  "Swimming every Thursday; sleeping better; family less stressed.",
  "Short breaks are going well; the school reports fewer hard days.",
};

static const char *const review_not_working[] = {
  "The agency sent five different carers in a month.",
  "Taxi costs are higher than planned.",
  "Still lonely at weekends; the Saturday group has closed.",
};

/* ---------------------------------------------------------------------
 * Budget categories and what is bought under them
 * ------------------------------------------------------------------- */

typedef enum
{
  CAT_PA_WAGES,
  CAT_EMPLOYER_NI,
  CAT_PENSION,
  CAT_EL_INSURANCE,
  CAT_PAYROLL,
  CAT_HOLIDAY_PAY,
  CAT_AGENCY,
  CAT_RESPITE,
  CAT_EQUIPMENT,
  CAT_THERAPIES,
  CAT_ACTIVITIES,
  CAT_TRANSPORT,
  CAT_CONTINGENCY,
  N_CATEGORIES
} Category;

typedef struct
{
  const char        *name;
  const char        *description;
  /* "{pa}" is the person's personal assistant. */
  const char *const *payees;
  CpPeriod           period;
  /* One payment's amount: min, max and the step it is rounded to. */
  gint64             min_pence;
  gint64             max_pence;
  gint64             step_pence;
  /* The planned amount per period, where not worked out from the
   * PA's hours: min, max, step. */
  gint64             plan_min;
  gint64             plan_max;
  gint64             plan_step;
  /* How many payments of this kind, relative to the others. */
  guint              weight;
  /* Funders to charge it to, most likely first. */
  CpFunder           funders[2];
} CategoryInfo;

/* The id each category has in data/reference/budget-categories.ini:
 * what a budget line stores. */
static const char *const category_ids[N_CATEGORIES] = {
  [CAT_PA_WAGES] = "pa-wages",        [CAT_EMPLOYER_NI] = "employer-ni",
  [CAT_PENSION] = "pension",          [CAT_EL_INSURANCE] = "el-insurance",
  [CAT_PAYROLL] = "payroll",          [CAT_HOLIDAY_PAY] = "holiday-pay",
  [CAT_AGENCY] = "agency-care",       [CAT_RESPITE] = "respite",
  [CAT_EQUIPMENT] = "equipment",      [CAT_THERAPIES] = "therapies",
  [CAT_ACTIVITIES] = "activities",    [CAT_TRANSPORT] = "transport",
  [CAT_CONTINGENCY] = "contingency",
};

static const CategoryInfo categories[N_CATEGORIES] = {
  [CAT_PA_WAGES] = { "PA wages", "Personal assistant wages",
    LIST ("{pa}"), CP_PERIOD_WEEK, 9000, 42000, 1, 0, 0, 0, 14, { CP_FUNDER_SOCIAL_CARE, CP_FUNDER_NHS } },
  [CAT_EMPLOYER_NI] = { "Employer's National Insurance", "Employer's National Insurance for my PA",
    LIST ("HMRC"), CP_PERIOD_MONTH, 1500, 9500, 1, 0, 0, 0, 3, { CP_FUNDER_SOCIAL_CARE, CP_FUNDER_NHS } },
  [CAT_PENSION] = { "Pension", "Workplace pension for my PA",
    LIST ("NEST pensions"), CP_PERIOD_MONTH, 900, 4500, 1, 0, 0, 0, 3, { CP_FUNDER_SOCIAL_CARE, CP_FUNDER_NHS } },
  [CAT_EL_INSURANCE] = { "Employers' liability insurance", "Employers' liability insurance",
    LIST ("Fish Insurance", "Mark Bates Ltd"), CP_PERIOD_YEAR, 6100, 14500, 100, 6100, 14500, 100, 1, { CP_FUNDER_SOCIAL_CARE, CP_FUNDER_NHS } },
  [CAT_PAYROLL] = { "Payroll fees", "Payroll service",
    LIST ("Penderels Trust payroll"), CP_PERIOD_MONTH, 1200, 2400, 50, 1200, 2400, 50, 2, { CP_FUNDER_SOCIAL_CARE, CP_FUNDER_NHS } },
  [CAT_HOLIDAY_PAY] = { "Holiday pay", "Holiday pay for my PA (5.6 weeks)",
    LIST ("{pa}"), CP_PERIOD_YEAR, 6000, 36000, 1, 0, 0, 0, 2, { CP_FUNDER_SOCIAL_CARE, CP_FUNDER_NHS } },
  [CAT_AGENCY] = { "Agency care", "Home care from an agency",
    LIST ("Eastside Home Care Ltd", "Bow Community Care", "Poplar Care Partnership"),
    CP_PERIOD_WEEK, 4400, 56000, 1, 0, 0, 0, 10, { CP_FUNDER_SOCIAL_CARE, CP_FUNDER_NHS } },
  [CAT_RESPITE] = { "Respite", "Short breaks",
    LIST ("Vitalise", "Docklands Short Breaks", "Haven Respite House"),
    CP_PERIOD_YEAR, 9500, 68000, 500, 150000, 600000, 5000, 2, { CP_FUNDER_SOCIAL_CARE, CP_FUNDER_EDUCATION } },
  [CAT_EQUIPMENT] = { "Equipment", "Equipment and adaptations",
    LIST ("Argos", "Amazon", "Complete Care Shop", "Boots", "Currys"),
    CP_PERIOD_ONE_OFF, 799, 45000, 1, 20000, 250000, 1000, 4, { CP_FUNDER_NHS, CP_FUNDER_SOCIAL_CARE } },
  [CAT_THERAPIES] = { "Therapies", "Therapy sessions",
    LIST ("Mile End Physiotherapy", "Nordoff Robbins music therapy", "East London Hydrotherapy",
          "Independent speech and language therapy"),
    CP_PERIOD_MONTH, 4000, 9500, 500, 8000, 38000, 500, 6, { CP_FUNDER_NHS, CP_FUNDER_EDUCATION } },
  [CAT_ACTIVITIES] = { "Activities", "Activities and classes",
    LIST ("Better (Mile End Leisure Centre)", "Bromley by Bow Centre", "Spitalfields City Farm",
          "Mudchute Farm", "Genesis Cinema", "Whitechapel Gallery"),
    CP_PERIOD_WEEK, 350, 4800, 1, 1500, 6000, 100, 14, { CP_FUNDER_EDUCATION, CP_FUNDER_SOCIAL_CARE } },
  [CAT_TRANSPORT] = { "Transport", "Getting about",
    LIST ("Transport for London", "Transport for London", "Transport for London", "Addison Lee",
          "Uber"),
    CP_PERIOD_WEEK, 175, 3800, 5, 1000, 6000, 100, 20, { CP_FUNDER_EDUCATION, CP_FUNDER_SOCIAL_CARE } },
  [CAT_CONTINGENCY] = { "Contingency", "For when plans change",
    LIST ("Tesco", "Sainsbury's", "Boots", "Argos", "Lidl"),
    CP_PERIOD_YEAR, 500, 15000, 1, 50000, 200000, 5000, 4, { CP_FUNDER_SOCIAL_CARE, CP_FUNDER_NHS } },
};
