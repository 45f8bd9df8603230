/* cp-demo.h — a realistic, deterministic synthetic caseload
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_people;
  guint64 n_payments;   /* spread over all plans' years of care */
  guint64 seed;
  /* "YYYY-MM-DD" the caseload is generated as of (years of care end
   * before or around it), or NULL for today in UTC. Fix it to get the
   * same rows on any day. */
  const char *today;
} CpDemoOptions;

/* Upper bounds the generator accepts: beyond them a caseload stops
 * being a demo (and NHS numbers in the test range run short). */
#define CP_DEMO_MAX_PEOPLE   100000
#define CP_DEMO_MAX_PAYMENTS G_GUINT64_CONSTANT (100000000)

/* Same options → same rows (ids included). Writes in a few large
 * transactions; on error nothing of the unfinished batch remains. */
gboolean cp_demo_generate (CpStore             *store,
                           const CpDemoOptions *options,
                           GError             **error);

G_END_DECLS
