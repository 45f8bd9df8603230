/* cp-plan-entries.h — writing in a plan: sections, entries, their order, who writes
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every entry records whose words it is (voice) and who typed it
 * (author_id, a contributor). Entries of a section are numbered 0, 1, 2 …
 * by "position"; these functions keep the numbering dense.
 */
#pragma once

#include "cp-contributor.h"
#include "cp-enums.h"
#include "cp-plan-entry.h"
#include "cp-store.h"

G_BEGIN_DECLS

/* The heading of a section in plain English, translated
 * ("What is important to me"). */
const char    *cp_section_label        (CpSection section);
/* A short question to ask in a planning session, translated
 * ("What matters most to you in your life?"). */
const char    *cp_section_prompt       (CpSection section);
/* Whose words, translated: "In my own words", "Family or carer",
 * "Advocate", "Professional". */
const char    *cp_voice_label          (CpVoice voice);

/* Appends an entry at the end of @section of a draft plan, in one
 * transaction with its audit row. Refused in plain words when the plan
 * is not a draft (see cp_plan_is_editable()), does not exist, or @body
 * is empty. @author_id may be NULL (nobody signed in).
 * Returns: (transfer full) (nullable): the stored entry */
CpPlanEntry   *cp_plan_entry_add       (CpStore     *store,
                                        const char  *plan_id,
                                        CpSection    section,
                                        const char  *body,
                                        CpVoice      voice,
                                        const char  *author_id,
                                        GError     **error);

/* Moves an entry to @new_position within its section (clamped to the
 * last place) and renumbers the others, in one transaction. */
gboolean       cp_plan_entry_move      (CpStore     *store,
                                        const char  *entry_id,
                                        gint64       new_position,
                                        GError     **error);

/* The next free position at the end of @section of @plan_id. */
gint64         cp_plan_entry_next_position (CpStore    *store,
                                            const char *plan_id,
                                            CpSection   section);

/* The live contributor with this name and role (compared ignoring
 * case), or a new one stored with @voice. An empty name is refused.
 * Returns: (transfer full) (nullable) */
CpContributor *cp_contributor_find_or_create (CpStore     *store,
                                              const char  *name,
                                              const char  *role,
                                              CpVoice      voice,
                                              GError     **error);
/* "Who is typing" at the start of a sitting: find or create the
 * contributor and make their name the one written in the audit trail
 * (cp_store_set_contributor). Returns: (transfer full) (nullable) */
CpContributor *cp_contributor_sign_in  (CpStore     *store,
                                        const char  *name,
                                        const char  *role,
                                        CpVoice      voice,
                                        GError     **error);

/* The rules of plan content every store write obeys, in plain words:
 * a rating needs a date and a score from −2 to +2, an outcome needs a
 * description, a plan's year of care must end after it starts. Called by
 * the store for every insert and update; exposed so a form can explain a
 * value before it is saved. */
gboolean       cp_plan_content_check   (CpRecord    *record,
                                        GError     **error);

G_END_DECLS
