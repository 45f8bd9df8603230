/* cp-export-stream.h — an output stream an export can be stopped through
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CP_TYPE_EXPORT_STREAM (cp_export_stream_get_type ())
G_DECLARE_FINAL_TYPE (CpExportStream, cp_export_stream, CP, EXPORT_STREAM, GFilterOutputStream)

/* Writes to @base (which it does not close) and fails with
 * G_IO_ERROR_CANCELLED once @cancellable is cancelled, so exporters
 * that write with no cancellable of their own stop at their next write.
 * Adds every byte written to *@written, atomically: another thread may
 * read it with g_atomic_pointer_get() to show progress. */
GOutputStream *cp_export_stream_new (GOutputStream *base,
                                     GCancellable  *cancellable,
                                     gsize         *written);

G_END_DECLS
