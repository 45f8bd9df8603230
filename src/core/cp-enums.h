/* cp-enums.h — the fixed vocabularies of the domain
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stored by nick ("direct-payment"), so the database and XML stay
 * readable and reordering the C enum never changes stored data.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CP_PLAN_STATUS_DRAFT,        /*< nick=draft >*/
  CP_PLAN_STATUS_AGREED,       /*< nick=agreed >*/
  CP_PLAN_STATUS_UNDER_REVIEW, /*< nick=under-review >*/
  CP_PLAN_STATUS_ENDED,        /*< nick=ended >*/
} CpPlanStatus;

/* Whose words an entry is. */
typedef enum
{
  CP_VOICE_PERSON,        /*< nick=person >*/
  CP_VOICE_FAMILY_CARER,  /*< nick=family-carer >*/
  CP_VOICE_ADVOCATE,      /*< nick=advocate >*/
  CP_VOICE_PROFESSIONAL,  /*< nick=professional >*/
} CpVoice;

typedef enum
{
  CP_SECTION_LIKE_AND_ADMIRE,      /*< nick=like-and-admire >*/
  CP_SECTION_IMPORTANT_TO_ME,      /*< nick=important-to-me >*/
  CP_SECTION_HOW_TO_SUPPORT_ME,    /*< nick=how-to-support-me >*/
  CP_SECTION_IMPORTANT_TO,         /*< nick=important-to >*/
  CP_SECTION_IMPORTANT_FOR,        /*< nick=important-for >*/
  CP_SECTION_WORKING,              /*< nick=working >*/
  CP_SECTION_NOT_WORKING,          /*< nick=not-working >*/
  CP_SECTION_GOOD_DAY,             /*< nick=good-day >*/
  CP_SECTION_BAD_DAY,              /*< nick=bad-day >*/
  CP_SECTION_COMMUNICATION,        /*< nick=communication >*/
  CP_SECTION_HEALTH_WELLBEING,     /*< nick=health-wellbeing >*/
  CP_SECTION_MORE_THAN_MEDICINE,   /*< nick=more-than-medicine >*/
  CP_SECTION_CONTINGENCY,          /*< nick=contingency >*/
  CP_SECTION_SHARING,              /*< nick=sharing >*/
} CpSection;

/* Rings of the relationship circle, from the centre outwards. */
typedef enum
{
  CP_CIRCLE_CLOSE_FAMILY,   /*< nick=close-family >*/
  CP_CIRCLE_FRIENDS_FAMILY, /*< nick=friends-family >*/
  CP_CIRCLE_COMMUNITY,      /*< nick=community >*/
  CP_CIRCLE_PAID,           /*< nick=paid >*/
} CpCircle;

typedef enum
{
  CP_SUPPORT_ROLE_NONE,     /*< nick=none >*/
  CP_SUPPORT_ROLE_CARER,    /*< nick=carer >*/
  CP_SUPPORT_ROLE_NOMINEE,  /*< nick=nominee >*/
  CP_SUPPORT_ROLE_ADVOCATE, /*< nick=advocate >*/
  CP_SUPPORT_ROLE_PAID,     /*< nick=paid-supporter >*/
} CpSupportRole;

typedef enum
{
  CP_REVIEW_KIND_FORMAL,   /*< nick=formal >*/
  CP_REVIEW_KIND_INFORMAL, /*< nick=informal >*/
} CpReviewKind;

typedef enum
{
  CP_FUNDER_NHS,         /*< nick=nhs >*/
  CP_FUNDER_SOCIAL_CARE, /*< nick=social-care >*/
  CP_FUNDER_EDUCATION,   /*< nick=education >*/
  CP_FUNDER_OTHER,       /*< nick=other >*/
} CpFunder;

typedef enum
{
  CP_MANAGEMENT_NOTIONAL,       /*< nick=notional >*/
  CP_MANAGEMENT_THIRD_PARTY,    /*< nick=third-party >*/
  CP_MANAGEMENT_DIRECT_PAYMENT, /*< nick=direct-payment >*/
  CP_MANAGEMENT_MANAGED_ACCOUNT,/*< nick=managed-account >*/
  CP_MANAGEMENT_PREPAID_CARD,   /*< nick=prepaid-card >*/
} CpManagement;

typedef enum
{
  CP_FREQUENCY_WEEKLY,      /*< nick=weekly >*/
  CP_FREQUENCY_FOUR_WEEKLY, /*< nick=four-weekly >*/
  CP_FREQUENCY_MONTHLY,     /*< nick=monthly >*/
  CP_FREQUENCY_QUARTERLY,   /*< nick=quarterly >*/
  CP_FREQUENCY_ANNUAL,      /*< nick=annual >*/
  CP_FREQUENCY_ONE_OFF,     /*< nick=one-off >*/
} CpFrequency;

/* What a budget line's planned amount is per. */
typedef enum
{
  CP_PERIOD_WEEK,    /*< nick=week >*/
  CP_PERIOD_MONTH,   /*< nick=month >*/
  CP_PERIOD_YEAR,    /*< nick=year >*/
  CP_PERIOD_ONE_OFF, /*< nick=one-off >*/
} CpPeriod;

typedef enum
{
  CP_PAYMENT_METHOD_BANK_TRANSFER, /*< nick=bank-transfer >*/
  CP_PAYMENT_METHOD_DIRECT_DEBIT,  /*< nick=direct-debit >*/
  CP_PAYMENT_METHOD_STANDING_ORDER,/*< nick=standing-order >*/
  CP_PAYMENT_METHOD_CARD,          /*< nick=card >*/
  CP_PAYMENT_METHOD_PREPAID_CARD,  /*< nick=prepaid-card >*/
  CP_PAYMENT_METHOD_CHEQUE,        /*< nick=cheque >*/
  CP_PAYMENT_METHOD_CASH,          /*< nick=cash >*/
  CP_PAYMENT_METHOD_INVOICE,       /*< nick=invoice >*/
} CpPaymentMethod;

G_END_DECLS
