/* cp-payment-form.h — typing payments in, one after another, from the keyboard
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_PAYMENT_FORM (cp_payment_form_get_type ())
G_DECLARE_FINAL_TYPE (CpPaymentForm, cp_payment_form, CP, PAYMENT_FORM, AdwBin)

/* Which plan new payments go into; NULL empties the form's lists. */
void      cp_payment_form_set_plan     (CpPaymentForm *self,
                                        CpStore       *store,
                                        const char    *plan_id);
/* Re-reads the plan's budget lines and funding streams. */
void      cp_payment_form_reload_lists (CpPaymentForm *self);
/* Checks what is typed and stores the payment (asking first when it looks
 * like excluded spending). FALSE when something was refused: the reason is
 * under its field and everything typed stays. */
gboolean  cp_payment_form_submit       (CpPaymentForm *self);
void      cp_payment_form_focus_first  (CpPaymentForm *self);

/* "3/4/26" → "3/4/2026", "3/4" → this year's 3 April: what people type
 * quickly, turned into what cp_date_parse_user() reads. Anything else is
 * returned unchanged. */
char     *cp_payment_form_expand_date  (const char    *text,
                                        int            this_year);

G_END_DECLS
