/* cp-funding-stream.h — money from one funder for the year of care
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cp-record.h"

G_BEGIN_DECLS

#define CP_TYPE_FUNDING_STREAM (cp_funding_stream_get_type ())
G_DECLARE_FINAL_TYPE (CpFundingStream, cp_funding_stream, CP, FUNDING_STREAM, CpRecord)

CpFundingStream *cp_funding_stream_new (const char *plan_id);

G_END_DECLS
