/* cp-fhir-export.h — people and their plans as an HL7 FHIR R4 Bundle
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cp-store.h"

G_BEGIN_DECLS

#define CP_FHIR_NAMESPACE "http://hl7.org/fhir"
#define CP_FHIR_NHS_NUMBER_SYSTEM "https://fhir.nhs.uk/Id/nhs-number"

/* Writes one Bundle (type "collection") in FHIR's XML: a Patient per
 * person (NHS number under the NHS identifier system), a CarePlan per
 * live plan, a Goal per outcome and a RelatedPerson per member of the
 * support network. @person_ids NULL exports the whole caseload. */
gboolean cp_fhir_export (CpStore            *store,
                         const char *const  *person_ids,
                         GOutputStream      *out,
                         GError            **error);

G_END_DECLS
