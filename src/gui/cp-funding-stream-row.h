/* cp-funding-stream-row.h — one funding stream, edited in place
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coplan-core.h"

G_BEGIN_DECLS

#define CP_TYPE_FUNDING_STREAM_ROW (cp_funding_stream_row_get_type ())
G_DECLARE_FINAL_TYPE (CpFundingStreamRow, cp_funding_stream_row, CP, FUNDING_STREAM_ROW, AdwExpanderRow)

GtkWidget  *cp_funding_stream_row_new    (CpStore               *store,
                                          CpFundingStream       *stream);
const char *cp_funding_stream_row_get_id (CpFundingStreamRow    *self);
/* Shows the stream's figures in its title and subtitle. */
void        cp_funding_stream_row_update (CpFundingStreamRow    *self,
                                          const CpStreamFigures *figures);
/* Saves what is pending; FALSE when something shown is refused. */
gboolean    cp_funding_stream_row_flush  (CpFundingStreamRow    *self);

G_END_DECLS
