/* cp-budget-form.h — one budget record edited through rows, saved as typed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The funding stream and budget line rows edit money, dates and words
 * the way the Profile does: no Save button, a save
 * CP_BUDGET_FORM_SAVE_DELAY_MS after the last keystroke and at once when
 * the field is left; a refused value is explained under its field, is
 * not stored, and stays in the entry to be corrected.
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_BUDGET_FORM_SAVE_DELAY_MS 500

typedef enum
{
  CP_BUDGET_FIELD_TEXT,
  CP_BUDGET_FIELD_MONEY,   /* "£1,234.56", never below £0.00; stored as pence */
  CP_BUDGET_FIELD_DATE,    /* typed day first; empty means not set */
} CpBudgetFieldKind;

typedef struct _CpBudgetForm CpBudgetForm;

/* Pure: what a typed value means, or a message a person can act on.
 * @value is initialised to the property's type. */
gboolean      cp_budget_field_parse       (CpBudgetFieldKind   kind,
                                           const char         *text,
                                           GValue             *value,
                                           GError            **error);
char         *cp_budget_field_display     (CpBudgetFieldKind   kind,
                                           CpRecord           *record,
                                           const char         *property);

CpBudgetForm *cp_budget_form_new          (CpStore            *store,
                                           CpRecord           *record);
void          cp_budget_form_free         (CpBudgetForm       *self);
CpRecord     *cp_budget_form_get_record   (CpBudgetForm       *self);

/* @error_row is shown under @row, holding the message, when refused. */
void          cp_budget_form_bind_entry   (CpBudgetForm       *self,
                                           AdwEntryRow        *row,
                                           AdwActionRow       *error_row,
                                           const char         *property,
                                           CpBudgetFieldKind   kind);
/* A combo whose item i is enum value i of @property's enum. */
void          cp_budget_form_bind_enum    (CpBudgetForm       *self,
                                           AdwComboRow        *row,
                                           const char         *property);
/* A combo whose item i stores @values[i] ("" stores NULL) in a string
 * property; @n_values items. */
void          cp_budget_form_bind_choice  (CpBudgetForm       *self,
                                           AdwComboRow        *row,
                                           const char         *property,
                                           const char *const  *values,
                                           guint               n_values);

/* Saves what is pending now. FALSE when something shown is refused. */
gboolean      cp_budget_form_flush        (CpBudgetForm       *self);
gboolean      cp_budget_form_has_refused  (CpBudgetForm       *self);

G_END_DECLS
